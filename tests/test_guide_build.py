"""The guide to print inside real MkDocs builds: the shipped site's guide, fixture sites, errors."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from htmlscan import scan
from mkdocs.config import load_config
from sitebuild import ROOT, assert_cli_prints_one_error_line, build_site, failed_build_log, write_site

GUIDE_CONFIG = "nav:\n  - Home: index.md\n  - Timing: timing.md\n  - Print the guide: guide.md\n"
TIMING = """---
description: When to check in.
---
# Timing

Wait until [their date](#their-date), then [check in](index.md#checking-in). See
[the sources](https://example.org/sources) and <https://example.org/raw>.

## Their date

Ask for it. A [draft](draft.md) is not in the nav.
"""
HOME = "# Home\n\n## Checking in\n\nRead [Timing](timing.md).\n"


class Article(HTMLParser):
    """The guide's article: its text, its links (href, class) and its ids."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.text, self.links, self.ids, self.tags = [], [], [], []
        self._in = 0
        self.feed(html[html.index('<div class="atl-guide">'):html.index("</article>")])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if tag == "a":
            self.links.append((values.get("href", ""), values.get("class") or ""))
        if "id" in values:
            self.ids.append(values["id"])

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def article(html_file: Path) -> Article:
    return Article(html_file.read_text(encoding="utf-8"))


def fixture_site(tmp_path: Path, config: str = GUIDE_CONFIG, **pages: str | None) -> Path:
    """A site without a checklist, note templates or planner, and a page left out of the nav."""
    found = {"index.md": HOME, "timing.md": TIMING, "draft.md": "# Draft\n", **pages}
    return write_site(tmp_path, {k: v for k, v in found.items() if v is not None},
                      config + "validation:\n  nav:\n    omitted_files: ignore\n")


# --- the shipped site ---------------------------------------------------------------------


def nav_pages() -> list[tuple[str, str]]:
    """(nav title, file) of every page the nav lists, in its order."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return [next(iter(entry.items())) for entry in config["nav"]]


def test_the_guide_holds_every_guidance_page_then_the_checklist_and_templates_in_nav_order(site):
    html = (site.dir / "guide/index.html").read_text()
    guide = article(site.dir / "guide/index.html")
    parts = [values["id"] for tag, values in guide.tags if tag == "section"]
    expected = [file.removesuffix(".md") for _, file in nav_pages() if file not in ("follow-ups.md", "guide.md")]
    assert parts == expected
    # the contents list links to each part, by the title its page shows
    contents = html[html.index('<ol class="atl-guide__contents">'):]
    contents = contents[:contents.index("</ol>")]
    assert re.findall(r'href="#([^"]+)"', contents) == expected
    for page in expected:
        source = (ROOT / "docs" / f"{page}.md").read_text() if page != "note-templates" else "---\n---\n"
        heading = re.search(r"^# (.+)$", source.split("---\n", 2)[2], re.MULTILINE)
        title = heading[1] if heading else yaml.safe_load(
            (ROOT / "docs/note-templates/index.md").read_text().split("---")[1])["title"]
        assert f">{title}</a></li>" in contents, title
        assert f"{title}<a class=\"headerlink\"" in html, title  # its heading, one level down


def test_the_guide_is_one_page_with_its_rules_kept(site):
    html = scan(site.dir / "guide/index.html")
    assert html.h1_count == 1
    assert html.title.startswith("Print the guide")
    assert len(html.meta["description"]) > 50
    assert len(html.ids) == len(set(html.ids))
    # in the nav of every page, last, and out of the search index (its text is every page's)
    nav_link = '<a href="../guide/" class="md-nav__link">'
    assert nav_link in (site.dir / "timing/index.html").read_text()
    index = json.loads((site.dir / "search/search_index.json").read_text())
    assert not [doc for doc in index["docs"] if doc["location"].startswith("guide/")]


def test_internal_links_point_inside_the_guide_and_other_sites_keep_their_address(site):
    guide = article(site.dir / "guide/index.html")
    internal = [href for href, _ in guide.links if not href.startswith(("http:", "https:", "mailto:"))]
    assert len(internal) > 100
    assert all(href.startswith("#") for href in internal), [h for h in internal if not h.startswith("#")]
    assert {href[1:] for href in internal} <= set(guide.ids)
    # a link between pages: timing.md#ask-for-their-timeline from the home page
    assert "#timing--ask-for-their-timeline" in internal and "#note-templates" in internal
    external = [(href, classes) for href, classes in guide.links if href.startswith("http")]
    assert len(external) >= 25
    assert all("atl-external" in classes for _, classes in external)
    sources = (ROOT / "docs/sources.md").read_text()
    assert {href for href, _ in external} == set(re.findall(r"\]\((https?://[^)\s]+)\)", sources))


def test_the_checklist_is_blank_and_the_templates_show_their_placeholders_without_controls(site):
    html = (site.dir / "guide/index.html").read_text()
    guide = article(site.dir / "guide/index.html")
    tags = [tag for tag, _ in guide.tags]
    assert tags.count("button") == 1  # Print; hidden without JavaScript and in print
    for control in ("form", "input", "select", "textarea", "label", "template"):
        assert control not in tags, control
    checklist = (site.dir / "checklist/index.html").read_text()
    assert html.count('class="atl-box"') == checklist.count('class="atl-box"') > 20
    assert "[Interviewer&#39;s name]" in html and "[Job title]" in html
    assert "Open in email" not in html and "Your details" not in html
    assert "Jump to a note" not in html  # the templates' jump list: the guide has its own contents
    # the planner's steps in words, without its form and dates
    assert "1 business day after the interview" in html and 'name="interview_date"' not in html
    # the only script the page names is its own
    assert re.findall(r'data-atl-feature="([^"]*)"', html) == ["guide"]


def test_only_the_guide_page_has_a_print_button_of_its_own_and_its_script_is_small(site):
    script = (site.dir / "assets/hooks/guide.js").read_bytes()
    assert script.count(b"print()") == 1
    assert len(gzip.compress(script)) < 512
    assert "data-guide-print" not in (site.dir / "timing/index.html").read_text()


def test_the_guide_carries_the_css_of_what_it_shows_and_no_more(site):
    html = (site.dir / "guide/index.html").read_text()
    styles = set(re.findall(r'<style data-atl-style="([^"]+)">', html))
    # the templates' layout and the planner's timeline; not the checklist's one-page print
    # rules, nor the picker's and forms' (the guide leaves those out)
    assert styles == {"guide", "notes", "planner"}
    article = html[html.index('<div class="atl-guide">'):html.index("</article>")]
    assert "atl-picker" not in article and "<form" not in article


# --- fixture sites ------------------------------------------------------------------------


def test_a_site_without_checklist_or_templates_builds_its_guide(tmp_path):
    config = fixture_site(tmp_path)
    log = build_site(config, tmp_path / "site", "https://example.org/docs/")
    assert [line for line in log if not line.startswith(("INFO", "DEBUG"))] == []
    guide = article(tmp_path / "site/guide/index.html")
    assert [values["id"] for tag, values in guide.tags if tag == "section"] == ["index", "timing"]
    hrefs = dict(guide.links)
    assert "#timing--their-date" in hrefs and "#index--checking-in" in hrefs and "#timing" in hrefs
    assert hrefs["https://example.org/sources"] == "atl-external"
    assert hrefs["https://example.org/raw"] == ""
    assert "../draft/" in hrefs  # a page outside the guide, from the guide's own place
    assert {h[1:] for h in hrefs if h.startswith("#")} <= set(guide.ids)
    text = "".join(guide.text)
    assert "Contents" in text and "Ask for it." in text and "Online at https://example.org/docs/" in text


def test_the_guide_is_made_only_when_the_nav_lists_it(tmp_path):
    config = fixture_site(tmp_path, config=GUIDE_CONFIG.replace("  - Print the guide: guide.md\n", ""))
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    assert not (tmp_path / "site/guide").exists()
    assert "guide/" not in (tmp_path / "site/index.html").read_text()
    # links to other sites are marked all the same
    timing = (tmp_path / "site/timing/index.html").read_text()
    assert 'class="atl-external" href="https://example.org/sources"' in timing


def test_its_words_come_from_mkdocs_yml(tmp_path):
    config = fixture_site(tmp_path, config=GUIDE_CONFIG + "extra:\n  guide:\n    title: Handout\n    contents: In it\n")
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    html = (tmp_path / "site/guide/index.html").read_text()
    assert '<h1 class="atl-guide__title">Handout</h1>' in html and ">In it</h2>" in html
    assert "<title>Handout - Fixture</title>" in html


@pytest.mark.parametrize("config, pages, message", [
    ("nav:\n  - Print the guide: guide.md\n", {},
     "mkdocs.yml: the nav lists guide.md, but no other page to put in it"),
    (GUIDE_CONFIG, {"guide.md": "# Mine\n"},
     "mkdocs.yml: the nav lists guide.md, which the guide hook generates, but docs/guide.md exists too: rename one"),
    (GUIDE_CONFIG + "extra:\n  guide:\n    heading: X\n", {}, "mkdocs.yml: extra.guide: unknown word 'heading'"),
])
def test_mistakes_are_one_line_naming_mkdocs_yml(tmp_path, config, pages, message):
    site = fixture_site(tmp_path, config=config, **pages)
    log = failed_build_log(site, tmp_path / "site")
    assert any(line.startswith(f"ERROR: {message}") for line in log), log
    assert_cli_prints_one_error_line(site, message)
