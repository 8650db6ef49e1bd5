"""The quality bar on every page of the built site, in Chromium: axe, keyboard, privacy."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from axe import axe_violations
from playwright.sync_api import expect

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SECRET = "Quillon Marrowgate 4471"  # typed into every field; must not leave the browser

# What the keyboard should reach: focusable, not taken out of the tab order, not hidden, and
# of a group of radio buttons one: the checked one, or else the first (arrow keys move
# within the group).
LIST_TAB_STOPS = """() => {
  const focusable = "a[href], button, input, select, textarea, summary, [tabindex]";
  const otherRadio = (el) => el.type === "radio" && el !== (
    document.querySelector(`input[name="${el.name}"]:checked`)
    || document.querySelector(`input[name="${el.name}"]`));
  window.__tabStops = [...document.querySelectorAll(focusable)].filter((el) =>
    el.tabIndex >= 0 && !el.disabled && el.type !== "hidden" && !otherRadio(el)
    && !el.closest("[inert], [hidden]") && el.checkVisibility({visibilityProperty: true}));
  return window.__tabStops.length;
}"""

# Who has focus: its index among the tab stops (-1: not one), a name for messages, a "kind"
# (the same kind of control has the same focus style) and the box where its focus shows:
# its own, or for a control drawn through its label (a zero-size radio), its parent's.
DESCRIBE_FOCUS = """() => {
  document.getAnimations().forEach((a) => a.finish());
  const el = document.activeElement;
  const hasBox = (node) => node.getBoundingClientRect().width * node.getBoundingClientRect().height;
  let shown = el;
  while (shown && !hasBox(shown)) shown = shown.parentElement;
  const r = shown.getBoundingClientRect();
  const x = Math.max(0, r.left - 4), y = Math.max(0, r.top - 4);
  const box = {x, y, width: Math.min(innerWidth, r.right + 4) - x,
               height: Math.min(innerHeight, r.bottom + 4) - y};
  const classes = [...el.classList].filter((c) => !c.startsWith("focus")).sort().join(".");
  return {
    index: (window.__tabStops || []).indexOf(el),
    body: el === document.body,
    name: `${el.tagName.toLowerCase()}.${classes} "${(el.getAttribute("aria-label")
      || el.textContent).trim().slice(0, 40)}"`,
    kind: `${el.tagName}.${classes}[${el.type || ""}]`,
    box: box.width > 0 && box.height > 0 ? box : null,
  };
}"""


def focus_is_visible(page, box) -> bool:
    """The focused control looks different from the same control without focus."""
    focused = page.screenshot(clip=box, animations="disabled")
    element = page.evaluate_handle("document.activeElement")
    element.evaluate("(el) => el.blur()")
    blurred = page.screenshot(clip=box, animations="disabled")
    element.evaluate("(el) => el.focus({preventScroll: true})")
    return focused != blurred


def tab_through(page, kinds_seen: set[str]) -> list[str]:
    """Press Tab from the top of the page to its end; what a keyboard user would trip on."""
    expected = page.evaluate(LIST_TAB_STOPS)
    problems, reached = [], []
    for _ in range(3 * expected + 5):
        page.keyboard.press("Tab")
        focus = page.evaluate(DESCRIBE_FOCUS)
        if reached and focus["index"] == reached[-1] >= 0:
            continue  # still in the same control: Tab steps through a date's day, month, year
        if focus["body"] or focus["index"] in reached:
            break
        if focus["index"] < 0 or focus["box"] is None:
            problems.append(f"Tab stops on something no one can see: {focus['name']}")
            continue
        reached.append(focus["index"])
        if focus["kind"] not in kinds_seen:  # one look per kind of control is enough
            kinds_seen.add(focus["kind"])
            if not focus_is_visible(page, focus["box"]):
                problems.append(f"no visible focus on {focus['name']}")
    if reached != sorted(reached):
        problems.append(f"Tab order leaves the reading order: {reached}")
    missed = sorted(set(range(expected)) - set(reached))
    problems += [f"Tab never reaches stop {i}" for i in missed]
    return problems


def test_tab_leaves_the_search_field_for_the_next_control_and_closes_the_search(site, page):
    """Material took the focus away from the field first, to no element (WebKit then starts
    the tab order again from the top of the page, a loop in the header): the focus must go
    straight from the field to the next control."""
    page.goto(site.url + "timing/", wait_until="networkidle")
    field = page.locator("input.md-search__input")
    page.keyboard.press("/")  # Material's shortcut: open the search
    expect(field).to_be_focused()
    field.evaluate("(el) => el.addEventListener('focusout', (e) => { window.__left = e.relatedTarget?.id ?? null; })")
    page.keyboard.press("Tab")
    assert page.evaluate("window.__left") is not None  # the focus went to a control, not to nowhere
    assert page.evaluate("document.activeElement !== document.body")
    assert page.evaluate("document.activeElement.compareDocumentPosition(document.querySelector('.md-search__input'))"
                         " & Node.DOCUMENT_POSITION_PRECEDING")  # after the field
    expect(page.locator("#__search")).not_to_be_checked()
    page.keyboard.press("Shift+Tab")
    expect(field).to_be_focused()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_any_page_nor_in_search(site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    found = {}
    for path in site.every_page():
        page.goto(site.url + path, wait_until="networkidle")
        found[path] = axe_violations(page)
    page.keyboard.press("/")  # Material's shortcut: open the search dialog
    page.keyboard.type("thank")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    found["search results"] = axe_violations(page)
    assert {path: v for path, v in found.items() if v} == {}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_keyboard_reaches_every_control_in_order_with_visible_focus(site, new_page, viewport):
    page = new_page(viewport=VIEWPORTS[viewport])
    kinds_seen: set[str] = set()
    problems = []
    for path in site.every_page():
        page.goto(site.url + path, wait_until="networkidle")
        problems += [f"{path or 'home'}: {p}" for p in tab_through(page, kinds_seen)]
    assert problems == []
    assert len(kinds_seen) > 10  # the header, nav, content links and both tools' controls


@pytest.mark.parametrize("path", ["", "checklist/", "note-templates/", "404.html"])
def test_skip_link_comes_first_and_jumps_to_the_content(site, page, path):
    page.goto(site.url + path, wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Skip to content")
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#.+"))
    expect(page.locator("h1:focus")).to_be_in_viewport()  # the page's heading, below the header
    page.keyboard.press("Tab")
    expect(page.locator("article :focus")).to_have_count(1)  # past the header and the nav


def test_phone_drawer_opens_and_its_links_work(site, new_page):
    """The closed drawer is hidden from the keyboard; opened, it is there for everyone."""
    page = new_page(viewport=VIEWPORTS["phone"])
    page.goto(site.url, wait_until="networkidle")
    link = page.locator('nav.md-nav--primary a[href$="timing/"]').first
    expect(link).to_be_hidden()
    page.get_by_role("button", name="Navigation").click()
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("h1")).to_contain_text("Timing and check-ins")


def test_nothing_goes_to_another_host_and_nothing_typed_leaves(site, browser):
    context = browser.new_context(service_workers="allow")  # what the site's worker fetches counts too
    requests, sockets = [], []
    context.on("request", lambda request: requests.append(request))
    page = context.new_page()
    page.on("websocket", lambda socket: sockets.append(socket))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site.url, wait_until="networkidle")

    nav = page.locator("nav.md-nav--primary > ul > li > a.md-nav__link")
    for i in range(nav.count()):  # every page, by instant navigation
        nav.nth(i).click()
        page.wait_for_load_state("networkidle")

    page.locator('nav.md-nav--primary a[href$="checklist/"]').first.click()
    page.locator("label.atl-item").first.click()
    page.locator("label.atl-item").nth(3).click()
    page.get_by_role("button", name="Reset").click()

    page.locator('nav.md-nav--primary a[href$="note-templates/"]').first.click()
    page.locator("form[data-notes]").wait_for()  # the new page is in (.all() does not wait)
    page.locator("form[data-notes] details summary").click()  # the fields for some notes only
    for field in page.locator("form[data-notes] input").all():
        field.fill("2026-12-01" if field.get_attribute("type") == "date" else SECRET)
    page.get_by_role("button", name="Add an interviewer").click()
    page.locator("#atl-field-interviewer_name-1").fill(SECRET)
    page.get_by_role("button", name="Copy").first.click()

    page.locator('nav.md-nav--primary a[href$="timing/"]').first.click()
    page.locator("form[data-planner]").wait_for()
    for field in page.locator("form[data-planner] input").all():
        kind = field.get_attribute("type")
        field.fill({"date": "2026-12-01", "time": "14:30"}.get(kind, SECRET))
    page.get_by_label("Where the job is").select_option("GB-SCT")  # its holidays come from this site
    with page.expect_download():  # the calendar file is made in the page
        page.get_by_role("button", name="Add to calendar").click()

    # the follow-ups page: add and edit an interview, one calendar for all, the data as a file
    page.locator('nav.md-nav--primary a[href$="follow-ups/"]').first.click()
    page.get_by_role("button", name="Add an interview").click()
    for field in page.locator("[data-tracker-editor] input").all():
        kind = field.get_attribute("type")
        field.fill({"date": "2026-12-02", "time": "09:15"}.get(kind, SECRET))
    page.get_by_role("button", name="Done", exact=True).click()
    with page.expect_download():
        page.get_by_role("button", name="Add all to calendar").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    exported = Path(download.value.path()).read_bytes()
    assert SECRET.encode() in exported  # the file holds it: made in the page, not sent
    page.locator("[data-tracker-import]").set_input_files(
        {"name": "mine.json", "mimeType": "application/json", "buffer": exported})
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("[data-tracker-data-status]")).to_contain_text("Imported")
    page.get_by_role("button", name="Delete everything").click()

    page.locator('label[title^="Switch to"]').first.click()
    page.keyboard.press("/")
    page.keyboard.type(SECRET)
    expect(page.locator("input.md-search__input")).to_have_value(SECRET)
    page.wait_for_load_state("networkidle")
    page.reload(wait_until="networkidle")

    host = urlsplit(site.url).netloc
    assert [r.url for r in requests if urlsplit(r.url).netloc != host] == []
    assert len(requests) > 10 and sockets == []
    for leak in (SECRET, quote(SECRET), quote(SECRET, safe=""), SECRET.replace(" ", "+")):
        assert [r.url for r in requests if leak in r.url + (r.post_data or "")] == []
    context.close()


# At a phone's width, and on a desktop zoomed to 400% (the same layout)
NARROW = {"phone": {"width": 390, "height": 844}, "desktop-400%": {"width": 320, "height": 200}}


def focused(page) -> str:
    return page.evaluate("""(() => { const e = document.activeElement;
      return `${e.getAttribute("aria-label") || e.textContent.trim().replace(/\\s+/g, " ")}`; })()""")


def drawer_open(page) -> bool:
    return page.evaluate("document.getElementById('__drawer').checked")


@pytest.mark.parametrize("viewport", NARROW)
def test_menu_drawer_and_contents_work_from_the_keyboard(site, new_page, viewport):
    page = new_page(viewport=NARROW[viewport])
    page.goto(site.url + "timing/", wait_until="networkidle")
    menu = page.locator('.md-header__button[for="__drawer"]')
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # after "Skip to content", the menu button
    expect(menu).to_be_focused()
    expect(menu).to_have_role("button")
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert focused(page) == "Navigation"
    assert focus_is_visible(page, menu.bounding_box())
    page.keyboard.press("Enter")  # opens the drawer and moves into it
    expect(menu).to_have_attribute("aria-expanded", "true")
    title = page.locator('.md-nav__title[for="__drawer"]')
    expect(title).to_be_focused()
    assert drawer_open(page)
    page.keyboard.press("Tab")
    assert focused(page) == "Home"
    page.keyboard.press("Escape")  # closes it, and the keyboard is back on the menu button
    expect(menu).to_be_focused()
    assert not drawer_open(page)
    page.keyboard.press(" ")  # Space opens it too
    expect(title).to_be_focused()
    contents = page.locator('.md-nav--primary .md-nav__link[for="__toc"]')
    contents.focus()
    page.keyboard.press("Enter")  # the page's table of contents, inside the drawer
    back = page.locator('.md-nav--primary .md-nav__title[for="__toc"]')
    expect(back).to_be_focused()
    expect(contents).to_have_attribute("aria-expanded", "true")
    assert focused(page) == "Table of contents"
    page.keyboard.press(" ")  # back, to the entry that opened it
    expect(contents).to_be_focused()
    expect(contents).to_have_attribute("aria-expanded", "false")
    title.focus()
    page.keyboard.press("Enter")  # the drawer's title closes it
    expect(menu).to_be_focused()
    assert not drawer_open(page)
    page.keyboard.press("Enter")
    expect(title).to_be_focused()
    links = page.locator("nav.md-nav--primary > ul > li > a.md-nav__link")
    links.last.focus()
    page.keyboard.press("Tab")  # past the drawer's last link: it closes
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert not drawer_open(page)
    menu.focus()
    page.keyboard.press("Enter")
    expect(title).to_be_focused()
    links.first.focus()
    page.keyboard.press("Enter")  # a link in the drawer goes there, by instant navigation
    expect(page.locator("h1")).to_contain_text("After the interview")
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert axe_violations(page) == []


def test_on_a_wide_screen_the_sidebar_titles_are_not_buttons(site, new_page):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(site.url + "timing/", wait_until="networkidle")
    assert page.locator("button[for]").count() == 0
