"""Offline reading: after one visit, every page and feature works without a network, under a
sub-path; a new build replaces the old cache; the worker keeps only what the site uses."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sitebuild import ROOT, build_site, serving


@pytest.fixture
def online(clipboard_contexts):
    """A reader's browser that lets the site's service worker in, with the clipboard."""
    return clipboard_contexts(service_workers="allow")


def first_visit(page, url):
    """Open the site once and wait until it says it is kept offline."""
    page.goto(url, wait_until="networkidle")
    expect(page.locator(".atl-offline")).to_have_text(
        "Available offline: this site works without a network in this browser.", timeout=20000)
    page.wait_for_function("navigator.serviceWorker.controller !== null")  # the worker serves this page


def until(page, condition, arg=None, seconds=20):
    """Wait until `condition` (an async function in the page) holds: wait_for_function would take
    the promise it returns for a yes."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(condition, arg):
        assert time.monotonic() < deadline, condition
        time.sleep(0.1)


def test_what_the_worker_keeps(site):
    kept = json.loads((site.dir / "offline.json").read_text())["files"]
    pages = ["./" if p == "" else p for p in site.pages()]
    assert set(pages) <= set(kept) and "404.html" in kept
    assert {"search/search_index.json", "sitemap.xml", "assets/hooks/holidays/GB-SCT.json"} <= set(kept)
    assert not [f for f in kept if f.endswith((".map", ".gz")) or "/lunr/" in f]  # nothing the site does not use
    assert all((site.dir / (f if not f.endswith("/") else f + "index.html")).is_file() for f in kept if f != "./")
    worker = (site.dir / "sw.js").read_text()
    assert worker.startswith('const VERSION = "') and "//" not in worker.split("\n", 1)[1].split("http")[0]


def test_after_one_visit_every_page_and_feature_works_offline(site, online):
    page = online.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    first_visit(page, site.url)
    online.set_offline(True)
    for path in site.pages():  # each page, opened directly
        page.goto(site.url + path, wait_until="load")
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator(".atl-offline")).to_be_visible()
    page.goto(site.url, wait_until="load")
    page.keyboard.press("/")  # search, from the index kept offline
    page.keyboard.type("thank")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    for name, heading in [("timing/", "Timing and check-ins"), ("checklist/", "Follow-up checklist"),
                          ("note-templates/", "Note templates")]:  # and by instant navigation
        page.locator(f'nav.md-nav--primary a[href$="/{name}"]').first.click()
        expect(page.locator("article.md-content__inner h1")).to_contain_text(heading)
    # the templates fill and copy
    page.locator("#atl-field-company").fill("Northwind")
    card = page.locator('[data-note="thank-you-in-person"]')
    card.get_by_role("button", name="Copy subject and text").click()
    expect(card.locator("[data-note-status]")).to_contain_text("Copied to the clipboard.")
    assert "Northwind" in page.evaluate("navigator.clipboard.readText()")
    # the checklist ticks
    page.locator('nav.md-nav--primary a[href$="/checklist/"]').first.click()
    page.locator("label.atl-item").first.click()
    expect(page.locator("[data-checklist-progress]")).to_contain_text("1 of")
    # the planner plans, with a region's holidays kept offline, and makes its calendar file
    page.locator('nav.md-nav--primary a[href$="/timing/"]').first.click()
    page.get_by_label("Where the job is").select_option("GB-ENG")
    page.locator("#atl-field-interview_date").fill("2027-12-24")  # a Friday; Christmas falls on the weekend
    expect(page.locator('[data-step="thank-you"] [data-step-date]')).to_contain_text("Wednesday 29 December 2027")
    expect(page.locator('[data-step="thank-you"] [data-step-note]')).to_contain_text("Christmas Day (observed)")
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar").click()
    assert b"BEGIN:VCALENDAR" in Path(download.value.path()).read_bytes()
    # a page that is not kept: the 404 page
    page.goto(site.url + "no-such-page/", wait_until="load")
    expect(page.locator("h1")).to_have_text("Page not found")
    assert errors == []


def test_a_new_build_replaces_the_old_cache(tmp_path, browser):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text().replace("custom_dir: overrides", f"custom_dir: {ROOT}/overrides")
    config.write_text(text.replace("  - hooks/", f"  - {ROOT}/hooks/").replace("  - hooks\n", f"  - {ROOT}/hooks\n"))
    root = tmp_path / "www"
    with serving(root) as origin:
        url = origin + "/guide/"
        build_site(config, root / "guide", url)
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        first_visit(page, url)
        old = page.evaluate("caches.keys()")
        assert len(old) == 1
        time.sleep(1.1)  # the test host's Last-Modified counts whole seconds, as a deploy never does
        home = docs / "index.md"
        home.write_text(home.read_text().replace("# After the interview", "# After the interview, updated"))
        build_site(config, root / "guide", url)
        page.reload(wait_until="networkidle")  # online: the page comes from the network
        expect(page.locator("h1")).to_contain_text("After the interview, updated")
        # the new build's worker is ready; on the reader's next visit it takes over and deletes
        # the old cache
        until(page, "async () => (await navigator.serviceWorker.getRegistration()).waiting !== null")
        page.close()
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        until(page, "async (old) => { const keys = await caches.keys(); return keys.length === 1 && keys[0] !== old; }",
              old[0])
        context.set_offline(True)
        page.reload(wait_until="load")
        expect(page.locator("h1")).to_contain_text("After the interview, updated")
        context.close()
