"""Every page in real Chromium: loads cleanly, stays on its own host, switches palette."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browsers import BROKEN_STORAGE, break_storage
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
def test_palette_follows_the_device_on_every_visit_until_the_reader_picks_one(site, new_page, system, other):
    schemes = {"light": "default", "dark": "slate"}
    page = new_page(color_scheme=system)
    body = page.locator("body")
    page.goto(site.url, wait_until="networkidle")
    expect(body).to_have_attribute("data-md-color-scheme", schemes[system])
    page.emulate_media(color_scheme=other)  # a phone that turns dark in the evening, after a first visit
    page.reload(wait_until="networkidle")
    expect(body).to_have_attribute("data-md-color-scheme", schemes[other])
    page.emulate_media(color_scheme=system)
    expect(body).to_have_attribute("data-md-color-scheme", schemes[system])  # while the page is open too
    toggle = page.locator('[data-md-component="palette"] label:not([hidden])')
    toggle.click()  # the other scheme, in one tap
    expect(body).to_have_attribute("data-md-color-scheme", schemes[other])
    page.reload(wait_until="networkidle")
    expect(body).to_have_attribute("data-md-color-scheme", schemes[other])  # the reader's choice is kept
    page.get_by_title("Switch to the device's setting").click()
    expect(body).to_have_attribute("data-md-color-scheme", schemes[system])
    page.emulate_media(color_scheme=other)
    expect(body).to_have_attribute("data-md-color-scheme", schemes[other])  # following the device again


@pytest.mark.parametrize("device", ["light", "dark"])
def test_every_tap_of_the_colour_toggle_changes_the_colours(site, new_page, device):
    """The toggle goes between the device's setting and the other scheme, each tap named for
    where it goes; a scheme saved as the device's own (by an earlier version) goes to the other."""
    other = {"light": "dark", "dark": "light"}[device]
    schemes = {"light": "default", "dark": "slate"}
    page = new_page(color_scheme=device)
    errors, _ = _watch(page, site)
    page.goto(site.url, wait_until="networkidle")
    body = page.locator("body")
    toggle = page.locator('[data-md-component="palette"] label:not([hidden])')
    for shows, goes in [(device, f"Switch to {other} mode"), (other, "Switch to the device's setting")] * 2:
        entry = "(prefers-color-scheme)" if shows == device else f"(prefers-color-scheme: {other})"
        expect(page.locator(f'[data-md-color-media="{entry}"] + label')).to_be_visible()  # the step taken whole
        expect(body).to_have_attribute("data-md-color-scheme", schemes[shows])
        expect(toggle).to_have_attribute("title", goes)
        expect(page.locator('[name="__palette"]:has(+ label:not([hidden]))')).to_have_accessible_name(goes)
        toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", schemes[device])
    entry = 2 if device == "dark" else 1  # the device's own scheme, saved as a choice
    page.evaluate("(entry) => localStorage.setItem(`${__md_scope.pathname}.__palette`, JSON.stringify({index: entry,"
                  " color: {media: `(prefers-color-scheme: ${entry === 2 ? 'dark' : 'light'})`,"
                  " scheme: entry === 2 ? 'slate' : 'default', primary: 'indigo', accent: 'indigo'}}))", entry)
    page.reload(wait_until="networkidle")
    expect(toggle).to_have_attribute("title", f"Switch to {other} mode")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", schemes[other])
    assert errors == []


@pytest.mark.parametrize("device, first, scheme", [("light", "Switch to dark mode", "slate"),
                                                   ("dark", "Switch to light mode", "default")])
def test_the_first_step_of_the_colour_toggle_changes_what_is_shown(site, new_page, device, first, scheme):
    """Material's toggle goes from the device's setting to light first: on a light device that
    step changes nothing, so it is skipped, by tap and by keyboard, and the toggle says so."""
    page = new_page(color_scheme=device)
    errors, _ = _watch(page, site)
    page.goto(site.url, wait_until="networkidle")
    body = page.locator("body")
    toggle = page.locator('[data-md-component="palette"] label:not([hidden])')
    expect(toggle).to_have_attribute("title", first)
    expect(page.locator("#__palette_0")).to_have_accessible_name(first)
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", scheme)
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="networkidle")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", scheme)
    # the keyboard stays on the toggle now shown, named for its next step
    expect(page.locator('[name="__palette"]:focus + label')).to_be_visible()
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="networkidle")
    page.emulate_media(color_scheme="dark" if device == "light" else "light")  # the phone turns; the name follows
    expect(toggle).to_have_attribute("title", "Switch to light mode" if device == "light" else "Switch to dark mode")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default" if device == "light" else "slate")
    assert errors == []


@pytest.mark.parametrize("device, kept, scheme", [
    # saved by a visit to a dark device before the automatic palette came first: at index 1
    # was dark, now light, which Material would show on this dark device for good
    ("dark", {"index": 1, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate"}}, "slate"),
    # the reader's own choice of dark, made with this palette, on a light device: kept
    ("light", {"index": 2, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate"}}, "slate"),
])
def test_a_palette_saved_for_other_entries_gives_way_to_the_device(site, new_page, device, kept, scheme):
    page = new_page(color_scheme=device)
    page.goto(site.url, wait_until="networkidle")
    page.evaluate("(kept) => localStorage.setItem(`${__md_scope.pathname}.__palette`, JSON.stringify(kept))",
                  {**kept, "color": {**kept["color"], "primary": "indigo", "accent": "indigo"}})
    page.reload(wait_until="networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)


def test_a_feature_script_loads_only_where_the_feature_is_and_once(site, page):
    """Each page carries the hooks' shared code; a feature's own script comes on the first page
    that has the feature (directly or by instant navigation), and never twice; its CSS is in
    its page's head, and comes and goes with the page."""
    loaded = []
    page.on("request", lambda r: "/assets/hooks/" in r.url and r.url.endswith(".js")
            and loaded.append(r.url.rsplit("/", 1)[1]))
    page.goto(site.url, wait_until="networkidle")
    assert loaded == []
    # each page loads the scripts it names that no page before it loaded: the reader's data
    # first (reader.js), then what its features need, in order; the forms and dates
    # (details.js) only where a page has them, the first version's migration never (no old data)
    for path, heading, scripts, styles in [
            ("checklist/", "Follow-up checklist", ["reader.js", "checklist.js"], ["checklist", "reader"]),
            ("timing/", "Timing and check-ins", ["details.js", "calendar.js", "planner.js"],
             ["details", "planner", "reader"]),
            ("checklist/", "Follow-up checklist", [], ["checklist", "reader"]),
            ("note-templates/", "Note templates", ["notes.js"], ["details", "notes", "reader"]),
            ("follow-ups/", "Your follow-ups", ["tracker.js"], ["details", "reader", "tracker"]),
            ("timing/", "Timing and check-ins", [], ["details", "planner", "reader"])]:
        before = len(loaded)
        page.locator(f'nav.md-nav--primary a[href$="/{path}"]').first.click()
        expect(page.locator("h1")).to_contain_text(heading)
        page.wait_for_load_state("networkidle")
        assert loaded[before:] == scripts, path
        # the page's feature styles came along with it, and the last page's went
        shown = page.eval_on_selector_all("style[data-atl-style]", "els => els.map(e => e.dataset.atlStyle)")
        assert sorted(shown) == styles, path
    expect(page.locator(".atl-step").first).to_have_css("position", "relative")  # planner.css applies
    # the features work after arriving by instant navigation
    page.fill("#atl-field-interview_date", "2026-11-20")
    expect(page.locator('[data-step="thank-you"] [data-step-date]')).to_contain_text("November 23")
    page.reload(wait_until="networkidle")
    assert loaded[-4:] == ["reader.js", "details.js", "calendar.js", "planner.js"]
    assert "migrate.js" not in loaded
    expect(page.locator("#atl-field-interview_date")).to_have_value("2026-11-20")


@pytest.mark.parametrize("storage", ["working", "storage-throws"])
def test_what_is_typed_before_a_feature_script_arrives_is_kept(site, page, storage):
    """On a slow line the form shows before its script has come: the reader's typing stays
    once it does, and is kept where storage works."""
    if storage != "working":
        break_storage(page, "", BROKEN_STORAGE[storage])
    held = []
    page.route("**/assets/hooks/planner.js",  # the first request waits; the reload's goes on
               lambda route: route.continue_() if held else held.append(route))
    page.goto(site.url + "timing/", wait_until="domcontentloaded")  # "load" waits for the script
    page.wait_for_function("document.querySelector('[data-atl-feature]') && window.atl")
    page.fill("#atl-field-company", "Acme")
    page.fill("#atl-field-interview_date", "2026-11-20")
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator('[data-step="thank-you"] [data-step-date]')).to_contain_text("November 23")
    expect(page.locator("#atl-field-company")).to_have_value("Acme")
    page.reload(wait_until="networkidle")
    expect(page.locator("#atl-field-company")).to_have_value("Acme" if storage == "working" else "")
    expect(page.locator("#atl-field-interview_date")).to_have_value("2026-11-20" if storage == "working" else "")
