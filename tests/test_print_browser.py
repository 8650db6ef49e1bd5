"""Printing in Chromium: the guide as one handout on A4 and Letter, and every other page
without the screen's chrome, loaded directly or by instant navigation."""

from __future__ import annotations

import io
import re

import pytest
import yaml
from browsers import own_script_errors
from playwright.sync_api import expect
from pypdf import PdfReader
from sitebuild import ROOT

# the handout's length for today's content (14 A4 and 16 Letter pages, 16 A4 without JavaScript, where
# Material leaves tables unwrapped); more means the content grew or the print CSS broke
MAX_PAGES = {"A4": 16, "Letter": 16}
TEMPLATE_TITLES = [yaml.safe_load(path.read_text().split("---")[1])["title"]
                   for path in sorted((ROOT / "docs/note-templates").glob("*.md")) if path.name != "index.md"]
# what the screen shows around and inside the pages, and paper must not
CHROME = ["Skip to content", "Table of contents", "Back to top", "Written for job seekers", "Print the guide",
          "Print a blank copy", "Open in email", "Copy the text", "Your details", "Clear these details",
          "Add to calendar", "Interview time (optional)", "Add an interview"]


def pdf_pages(page, paper: str) -> list[str]:
    """The text of each printed page."""
    return [one.extract_text() for one in PdfReader(io.BytesIO(page.pdf(format=paper))).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def open_guide(page, site):
    page.goto(site.url + "guide/", wait_until="networkidle")
    expect(page.locator("h1")).to_have_text("Print the guide")


def by_instant_navigation(page, site, path: str, heading: str):
    """From the home page to `path` by the nav's own link, without a reload."""
    page.goto(site.url, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(f'nav.md-nav--primary a[href$="/{path}"]').first.click()
    expect(page.locator("h1")).to_contain_text(heading)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__sameDocument"), "navigation reloaded the page"


def origin(site) -> str:
    return re.match(r"https?://[^/]+", site.url)[0]


def external_links(page) -> list[str]:
    return page.locator("article a.atl-external").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")


def assert_prints_cleanly(pages: list[str], site, addresses: list[str]) -> None:
    """No chrome, no address after a link inside the site, each link to another site's address."""
    text = "\n".join(pages)
    assert all(one.strip() for one in pages), "a blank page"
    for chrome in CHROME:
        assert chrome not in text, chrome
    flat = squash(text)
    for internal in (f"({origin(site)}", "(#", "(../"):
        assert internal not in flat, "an address after a link inside the site"
    for address in addresses:
        assert squash(f"({address})") in flat, address


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_guide_prints_as_one_handout(site, page, paper):
    open_guide(page, site)
    parts = page.locator(".atl-guide__contents a").all_inner_texts()
    assert len(parts) == 11
    pages = pdf_pages(page, paper)
    print(f"\nthe guide prints on {len(pages)} {paper} pages")
    assert len(pages) <= MAX_PAGES[paper]
    text = squash("".join(pages))
    for title in [*parts, *TEMPLATE_TITLES]:
        assert squash(title) in text, title
    # each part after the first (which follows the contents) starts a page
    tops = [squash(one)[:60] for one in pages]
    for title in parts[1:]:
        assert any(top.startswith(squash(title)) for top in tops), title
    assert_prints_cleanly(pages, site, external_links(page))
    assert pages[0].lstrip().startswith("After the Interview") and "Contents" in pages[0]


def test_the_guides_links_point_inside_it_after_instant_navigation(site, page):
    errors = own_script_errors(page)
    by_instant_navigation(page, site, "guide/", "Print the guide")
    broken = page.evaluate("""() => [...document.querySelectorAll(".atl-guide a[href]")]
      .map((a) => new URL(a.href))
      .filter((url) => url.origin === location.origin)
      .filter((url) => url.pathname !== location.pathname
        || !document.getElementById(decodeURIComponent(url.hash.slice(1))))
      .map(String)""")
    assert broken == []
    # a link between two pages, as a reader follows it
    page.locator('#index a[href$="#timing--ask-for-their-timeline"]').click()
    expect(page.locator("#timing--ask-for-their-timeline")).to_be_in_viewport()
    pages = pdf_pages(page, "A4")
    assert len(pages) <= MAX_PAGES["A4"]
    assert_prints_cleanly(pages, site, external_links(page))
    assert errors == []


def test_the_tools_scripts_leave_the_guide_alone(site, page):
    """What a reader typed fills the note templates on their page, never the copy in the guide."""
    errors = own_script_errors(page)
    page.goto(site.url + "note-templates/", wait_until="networkidle")
    page.locator("#atl-field-role").fill("Quillon Analyst")
    page.goto(site.url + "checklist/", wait_until="networkidle")
    page.get_by_text("Jot down one thing you discussed with each interviewer").click()
    for path, heading in (("timing/", "Timing"), ("note-templates/", "Note templates"), ("guide/", "Print the guide")):
        page.locator(f'nav.md-nav--primary a[href$="/{path}"]').first.click()
        expect(page.locator("h1")).to_contain_text(heading)
    page.wait_for_load_state("networkidle")
    guide = page.locator(".atl-guide")
    expect(guide).not_to_contain_text("Quillon Analyst")
    expect(guide.locator("mark.atl-ph").first).to_have_text(re.compile(r"^\[.+\]$"))
    assert "Quillon" not in "".join(pdf_pages(page, "A4"))
    assert errors == []


def test_the_print_button_prints_and_needs_javascript(site, page, new_page):
    open_guide(page, site)
    page.evaluate("() => { window.__prints = 0; window.print = () => window.__prints++; }")
    page.get_by_role("button", name="Print", exact=True).click()
    assert page.evaluate("window.__prints") == 1
    without = new_page(java_script_enabled=False)
    without.goto(site.url + "guide/")
    expect(without.get_by_role("button", name="Print")).to_be_hidden()
    expect(without.locator("#timing")).to_be_visible()
    assert len(pdf_pages(without, "A4")) <= MAX_PAGES["A4"]


def test_the_checklist_in_the_guide_prints_blank(site, page):
    page.goto(site.url + "checklist/", wait_until="networkidle")
    page.get_by_text("Jot down one thing you discussed with each interviewer").click()
    open_guide(page, site)
    boxes = page.locator("#checklist .atl-box")
    assert boxes.count() > 20
    assert boxes.evaluate_all("(boxes) => boxes.every((box) => getComputedStyle(box, '::after').content === 'none')")
    assert "\u2713" not in "".join(pdf_pages(page, "A4"))


PAGES = {"": "After the interview", "timing/": "Timing and check-ins", "note-templates/": "Note templates",
         "sources/": "Sources", "follow-ups/": "Your follow-ups", "checklist/": "Follow-up checklist"}


@pytest.mark.parametrize("path", PAGES)
def test_every_other_page_prints_without_chrome(site, page, path):
    page.goto(site.url + path, wait_until="networkidle")
    pages = pdf_pages(page, "Letter")
    assert pages[0].lstrip().startswith(PAGES[path])
    assert_prints_cleanly(pages, site, external_links(page))


@pytest.mark.parametrize("path", ["sources/", "timing/", "note-templates/"])
def test_after_instant_navigation_only_links_to_other_sites_print_their_address(site, page, path):
    by_instant_navigation(page, site, path, PAGES[path])
    # instant navigation has given the site's own links full addresses: only the class tells them apart
    internal = page.locator("article a[href]:not(.atl-external)").evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href'))")
    assert any(href.startswith(origin(site)) for href in internal), internal
    pages = pdf_pages(page, "A4")
    assert pages[0].lstrip().startswith(PAGES[path])
    assert_prints_cleanly(pages, site, external_links(page))
    if path == "sources/":
        assert len(external_links(page)) >= 25


def test_printing_in_dark_mode_prints_dark_text(site, new_page):
    """Material's dark palette is for the screen: paper gets the light one."""
    page = new_page(color_scheme="dark")
    page.goto(site.url + "timing/", wait_until="networkidle")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
    page.emulate_media(media="print")
    color = page.evaluate("getComputedStyle(document.querySelector('article p')).color")
    assert color.startswith("rgba(0, 0, 0") or color == "rgb(0, 0, 0)", color
