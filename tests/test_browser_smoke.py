"""Every page in real Chromium: loads cleanly, stays on its own host, switches palette."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect


def _watch(page, site):
    """Lists that fill with console errors and with requests to any other host."""
    errors, foreign = [], []
    host = urlsplit(site.url).netloc
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "") and foreign.append(r.url))
    return errors, foreign


def test_every_page_loads_without_errors_or_foreign_requests(site, page):
    errors, foreign = _watch(page, site)
    assert len(site.pages()) >= 6
    for path in site.every_page():
        page.goto(site.url + path, wait_until="networkidle")
        assert page.locator("h1").count() == 1, path
        assert page.locator("h1").first.is_visible(), path
    assert errors == []
    assert foreign == []


def test_instant_navigation_swaps_pages_without_reload(site, page):
    errors, foreign = _watch(page, site)
    page.goto(site.url, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator('nav.md-nav--primary a[href$="/timing/"]').first.click()
    page.wait_for_url(site.url + "timing/")
    expect(page.locator("h1")).to_contain_text("Timing and check-ins")
    assert page.evaluate("window.__sameDocument === true"), "the click reloaded the page"
    page.go_back()
    page.wait_for_url(site.url)
    expect(page.locator("h1")).to_contain_text("After the interview")
    assert errors == [] and foreign == []


@pytest.mark.parametrize("system, other", [("light", "dark"), ("dark", "light")])
def test_palette_follows_system_and_toggle_is_kept(site, new_page, system, other):
    schemes = {"light": "default", "dark": "slate"}
    page = new_page(color_scheme=system)
    page.goto(site.url, wait_until="networkidle")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == schemes[system]
    page.locator(f'label[title="Switch to {other} mode"]').first.click()
    assert body.get_attribute("data-md-color-scheme") == schemes[other]
    page.reload(wait_until="networkidle")
    assert body.get_attribute("data-md-color-scheme") == schemes[other]
