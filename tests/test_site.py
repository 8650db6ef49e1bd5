"""The built site: strict build, navigation, links and anchors, titles, sub-path hosting."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from htmlscan import scan
from mkdocs.config import load_config
from sitebuild import ROOT, assert_cli_prints_one_error_line, build_site, failed_build_log, write_site


def _file_for(site_dir: Path, base_url: str, url: str) -> Path | None:
    """The built file an internal URL points at, or None when it leaves the site."""
    base, target = urlsplit(base_url), urlsplit(url)
    if target.netloc != base.netloc or not target.path.startswith(base.path):
        return None
    rel = target.path[len(base.path):]
    return site_dir / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def _internal_links(site_dir: Path, base_url: str) -> list[tuple[str, str]]:
    """(page, absolute URL) for every href/src on every page that points at this host."""
    host = urlsplit(base_url).netloc
    found = []
    for html in sorted(site_dir.rglob("*.html")):
        page_url = urljoin(base_url, html.relative_to(site_dir).as_posix())
        for link in scan(html).links:
            absolute = urljoin(page_url, link)
            if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).netloc == host:
                found.append((page_url, absolute))
    return found


def test_the_site_builds_without_a_warning(tmp_path):
    """Built without --strict, so that a warning is logged rather than stopping the build."""
    log = build_site(ROOT / "mkdocs.yml", tmp_path, "http://127.0.0.1/", strict=False)
    assert [line for line in log if not line.startswith(("INFO", "DEBUG"))] == []


def _nav_files(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    return [f for item in nav for f in _nav_files(item)]


def test_every_nav_entry_is_a_built_page(site):
    config = load_config(str(ROOT / "mkdocs.yml"))
    entries = _nav_files(config["nav"])
    assert len(entries) >= 6
    for entry in entries:
        # a page of its own, one that a hook generates from a folder of sources, or a page
        # that a hook generates when the nav lists it: the planner's follow-ups, the guide to print
        source = ROOT / "docs" / entry
        assert source.is_file() or source.with_suffix("").is_dir() or entry in ("follow-ups.md", "guide.md"), entry
        built = "index.html" if entry == "index.md" else entry.removesuffix(".md") + "/index.html"
        assert (site.dir / built).is_file(), entry


def test_every_internal_link_and_anchor_resolves(site):
    links = _internal_links(site.dir, site.url)
    assert len(links) > 50
    broken = []
    for page, url in links:
        target = _file_for(site.dir, site.url, url)
        if target is None or not target.is_file():
            broken.append(f"{page} -> {url}")
            continue
        fragment = urlsplit(url).fragment
        if fragment and target.suffix == ".html" and fragment not in scan(target).ids:
            broken.append(f"{page} -> {url} (no such anchor)")
    assert broken == []


@pytest.mark.parametrize("page", ["", "why-follow-up/", "thank-you-notes/", "timing/",
                                  "rounds-and-recruiters/", "offers/", "references/",
                                  "mistakes/", "sources/"])
def test_guidance_page_has_own_title_description_and_summary(site, page):
    html = scan(site.dir / page / "index.html")
    assert html.title.strip().endswith("After the Interview")
    assert len(html.meta.get("description", "")) > 50
    assert html.h1_count == 1
    source = (ROOT / "docs" / (page.rstrip("/") or "index")).with_suffix(".md").read_text()
    front = yaml.safe_load(source.split("---")[1])
    assert html.meta["description"] == front["description"]
    assert '!!! abstract' in source


def test_every_page_has_one_h1_a_description_a_language_and_unique_ids(site):
    files = [site.dir / page / "index.html" for page in site.pages()] + [site.dir / "404.html"]
    for file in files:
        html = scan(file)
        assert html.h1_count == 1, file
        assert len(html.meta.get("description", "")) > 30, file
        assert html.lang == "en", file
        assert len(html.ids) == len(set(html.ids)), (file, sorted(i for i in html.ids if html.ids.count(i) > 1))


def test_titles_and_descriptions_are_unique(site):
    pages = [scan(site.dir / page / "index.html") for page in site.pages()]
    assert len({p.title for p in pages}) == len(pages)
    assert len({p.meta["description"] for p in pages}) == len(pages)


def test_404_page_is_built(site):
    html = scan(site.dir / "404.html")
    assert html.meta.get("description")
    assert html.h1_count == 1
    # the 404 page is served at any depth, so its links must not be relative
    home = urlsplit(site.url).path
    assert f'<a href="{home}.">Go to the home page</a>' in (site.dir / "404.html").read_text()
    assert all(link.startswith((home, "#", "data:")) for link in html.links), html.links


def test_sitemap_lists_every_page(site):
    sitemap = (site.dir / "sitemap.xml").read_text()
    for page in site.pages():
        assert f"<loc>{site.url}{page}</loc>" in sitemap


def test_site_under_a_sub_path_links_only_inside_it(tmp_path):
    base = "https://example.org/after-the-interview/"
    build_site(ROOT / "mkdocs.yml", tmp_path, base)
    links = _internal_links(tmp_path, base)
    assert links
    outside = [f"{page} -> {url}" for page, url in links if _file_for(tmp_path, base, url) is None]
    assert outside == []


def test_no_debris_from_the_source_articles():
    for md in (ROOT / "docs").rglob("*.md"):
        text = md.read_text().lower()
        for debris in ("read more", "repparttar", "in the news"):
            assert debris not in text, f"{md}: {debris}"


BAD_FRONT_MATTER = [
    ("---\ndescription: Checklist: a printable list\n---\n# A\n",
     "docs/a.md:2: the front matter is not valid YAML: mapping values are not allowed"),
    ("---\ntitle: A\n\tdescription: tab\n---\n# A\n", "docs/a.md:3: the front matter is not valid YAML"),
    ("---\n- a list\n---\n# A\n", "docs/a.md:2: the front matter must be 'key: value' lines between the two '---'"),
    ("---\nchecklist:\n---\n# A\n\n## S\n\n- [ ] x\n",
     "docs/a.md:2: 'checklist:' needs an id, like 'checklist: follow-up'"),
    # YAML keeps the last of a key given twice, and MkDocs would build with it without a word
    ("---\ndescription: One\ntitle: A\ndescription: Two\n---\n# A\n",
     "docs/a.md:4: 'description' is given twice (first on line 2); keep one"),
    ("---\nchecklist: one\nchecklist: two\n---\n# A\n\n## S\n\n- [ ] x {#x}\n",
     "docs/a.md:3: 'checklist' is given twice (first on line 2); keep one"),
]


@pytest.mark.parametrize("page, message", BAD_FRONT_MATTER)
def test_front_matter_mistakes_on_any_page_stop_the_build(tmp_path, page, message):
    """MkDocs itself would build such a page without its front matter, and show it as text."""
    config = write_site(tmp_path, {"index.md": "# Home\n", "a.md": page})
    log = failed_build_log(config, tmp_path / "site")
    assert any(line.startswith(f"ERROR: {message}") for line in log), log
    assert "\n".join(log).count(message) == 1, log  # once, though two hooks read the page


def test_a_front_matter_mistake_is_one_line_without_a_traceback(tmp_path):
    config = write_site(tmp_path, {"index.md": "# Home\n", "a.md": BAD_FRONT_MATTER[0][0]})
    assert_cli_prints_one_error_line(config, BAD_FRONT_MATTER[0][1])
