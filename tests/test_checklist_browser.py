"""The shipped checklist in Chromium, used the way a reader uses it."""

from __future__ import annotations

import io
import re

import pytest
from axe import axe_violations
from browsers import (
    BROKEN_STORAGE,
    away_and_back,
    break_storage,
    chosen,
    count_storage_writes,
    interview,
    keep,
    own_script_errors,
)
from browsers import stored as stored_data
from conftest import READER_KEY, SUB_PATH
from playwright.sync_api import expect
from pypdf import PdfReader

OLD_KEY = f"{SUB_PATH}:checklist:follow-up"  # where the first version kept the ticks
FIRST = "Write down the full name and job title of everyone who interviewed you"
SAME_DAY = "Jot down one thing you discussed with each interviewer"
TICK = "\u2713"


def open_checklist(page, site):
    page.goto(site.url + "checklist/", wait_until="networkidle")
    expect(page.locator("[data-checklist]")).to_be_visible()
    return page.locator("input[data-item]").count()


def stored(page):
    """The chosen interview's ticks on this checklist, as kept."""
    one = chosen(stored_data(page, READER_KEY))
    return one and one["ticks"].get("follow-up")


def box(page, text):
    return page.get_by_role("checkbox", name=text)


def progress(page):
    return page.locator("[data-checklist-progress]")


def pdf_text(page, paper):
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return len(reader.pages), "".join(p.extract_text() for p in reader.pages)


def squash(text):
    return re.sub(r"\s+", "", text)


def test_the_shipped_checklist_has_phases_and_items(site, page):
    total = open_checklist(page, site)
    assert 15 <= total <= 25
    assert page.locator("article h2").count() == 7
    # every box is named by its item's text (the text is part of the label)
    expect(box(page, FIRST)).to_have_count(1)
    # with scripts, the introduction speaks of ticks kept here; its stand-in for paper is hidden
    expect(page.get_by_text("Your ticks stay in this browser")).to_be_visible()
    expect(page.get_by_text("Print this list and tick each step on paper")).to_be_hidden()


def test_click_the_text_ticks_and_a_reload_keeps_it(site, page):
    total = open_checklist(page, site)
    expect(progress(page)).to_have_text(f"0 of {total} done")
    page.get_by_text(SAME_DAY).click()
    expect(box(page, SAME_DAY)).to_be_checked()
    expect(progress(page)).to_have_text(f"1 of {total} done")
    expect(page.locator('[data-section-title="The same day"]')).to_have_text("1 of 3")
    assert stored(page) == ["one-point-each"]
    page.reload(wait_until="networkidle")
    expect(box(page, SAME_DAY)).to_be_checked()
    expect(box(page, FIRST)).not_to_be_checked()
    expect(progress(page)).to_have_text(f"1 of {total} done")


@pytest.mark.parametrize("storage", ["working", "storage-throws"])
def test_a_tick_made_before_the_script_arrives_is_kept(site, page, storage):
    """On a slow line the boxes show, and tick, before checklist.js has come: the reader's
    tick stays beside the ticks kept from an earlier visit."""
    page.goto(site.url, wait_until="networkidle")
    keep(page, READER_KEY, {"v": 2, "you": {}, "at": "a1b2c3", "list": [
        {**interview("a1b2c3"), "ticks": {"follow-up": ["names-and-titles"]}}]})
    if storage != "working":
        break_storage(page, READER_KEY, BROKEN_STORAGE[storage])
    held = []
    page.route("**/assets/hooks/checklist.js",  # the first request waits; the reload's goes on
               lambda route: route.continue_() if held else held.append(route))
    page.goto(site.url + "checklist/", wait_until="domcontentloaded")  # "load" waits for the script
    page.wait_for_function("document.querySelector('[data-atl-feature]') && window.atl")
    page.get_by_text(SAME_DAY).click()
    assert len(held) == 1
    held[0].continue_()
    total = page.locator("input[data-item]").count()
    earlier = 1 if storage == "working" else 0
    expect(progress(page)).to_have_text(f"{earlier + 1} of {total} done")
    expect(box(page, SAME_DAY)).to_be_checked()
    page.reload(wait_until="networkidle")
    if storage == "working":
        expect(box(page, SAME_DAY)).to_be_checked()
        expect(box(page, FIRST)).to_be_checked()
        assert stored(page) == ["names-and-titles", "one-point-each"]
    else:
        expect(progress(page)).to_have_text(f"0 of {total} done")


def test_progress_is_announced_politely(site, page):
    total = open_checklist(page, site)
    page.get_by_text(FIRST).click()
    announcer = page.locator("[data-checklist-announce]")
    assert announcer.get_attribute("role") == "status"
    expect(announcer).to_have_text(f"Before you leave the interview: 1 of 3. 1 of {total} done")


def test_keyboard_tab_and_space_with_visible_focus(site, page):
    open_checklist(page, site)
    box(page, FIRST).focus()
    page.keyboard.press("Tab")
    second = page.locator("input[data-item]").nth(1)
    expect(second).to_be_focused()
    page.keyboard.press("Space")
    expect(second).to_be_checked()
    outline = second.evaluate("(el) => getComputedStyle(el.nextElementSibling).outlineStyle")
    assert outline != "none"


def test_reset_asks_first(site, page):
    total = open_checklist(page, site)
    page.get_by_text(FIRST).click()
    page.get_by_text(SAME_DAY).click()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset").click()
    expect(progress(page)).to_have_text(f"2 of {total} done")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset").click()
    expect(progress(page)).to_have_text(f"0 of {total} done")
    expect(page.locator("input[data-item]:checked")).to_have_count(0)
    assert stored(page) == []


def test_instant_navigation_away_and_back(site, page):
    count_storage_writes(page, "reader")
    total = open_checklist(page, site)
    page.get_by_text(FIRST).click()
    away_and_back(page, "/checklist/", "Follow-up checklist")
    expect(box(page, FIRST)).to_be_checked()
    expect(progress(page)).to_have_text(f"1 of {total} done")
    page.evaluate("window.__writes = 0")
    page.get_by_text(SAME_DAY).click()
    expect(progress(page)).to_have_text(f"2 of {total} done")
    assert page.evaluate("window.__writes") == 1, "the change handler is bound more than once"
    assert stored(page) == ["names-and-titles", "one-point-each"]
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Reset").click()
    page.evaluate("0")  # a round trip: the click's handlers, and any confirm they showed, have run
    # whose ticks, of several interviews; and that the plan's steps they mark done are to do again
    assert dialogs == [("Clear every tick for Interview 1 on this checklist? Steps of its follow-up plan that they "
                       "mark as done will be to do again.")]


def test_stale_ids_are_dropped_and_other_schemas_ignored(site, page):
    open_checklist(page, site)
    one = {**interview("a1b2c3"), "ticks": {"follow-up": ["gone", "proofread"]}}
    keep(page, READER_KEY, {"v": 2, "you": {}, "at": "a1b2c3", "list": [one]})
    page.reload(wait_until="networkidle")
    expect(page.locator("input[data-item]:checked")).to_have_count(1)
    expect(page.locator('input[data-item="proofread"]')).to_be_checked()
    page.get_by_text(FIRST).click()
    assert stored(page) == ["names-and-titles", "proofread"]
    keep(page, READER_KEY, {"v": 99, "you": {}, "at": "a1b2c3", "list": [one]})
    page.reload(wait_until="networkidle")
    expect(page.locator("input[data-item]:checked")).to_have_count(0)


def test_ticks_are_kept_per_interview(site, page):
    """Each interview has its own ticks; the picker switches between them, and a new interview
    starts with none."""
    total = open_checklist(page, site)
    page.get_by_text(FIRST).click()
    picker = page.get_by_label("Interview", exact=True)
    expect(picker).to_have_value(chosen(stored_data(page, READER_KEY))["id"])
    page.get_by_role("button", name="Add an interview").click()
    expect(page.locator("[data-atl-announce]")).to_contain_text("Added a new interview")
    expect(progress(page)).to_have_text(f"0 of {total} done")
    page.get_by_text(SAME_DAY).click()
    first, second = stored_data(page, READER_KEY)["list"]
    assert first["ticks"]["follow-up"] == ["names-and-titles"] and second["ticks"]["follow-up"] == ["one-point-each"]
    picker.select_option(label="Interview 1")
    expect(box(page, FIRST)).to_be_checked()
    expect(box(page, SAME_DAY)).not_to_be_checked()
    page.reload(wait_until="networkidle")  # the choice is kept too
    expect(picker).to_have_value(first["id"])
    expect(progress(page)).to_have_text(f"1 of {total} done")


def test_an_interview_added_here_is_named_in_the_planner(site, page):
    """This page has no form of the interview's details: its introduction leads to one."""
    open_checklist(page, site)
    page.get_by_role("button", name="Add an interview").click()
    page.get_by_text("to name one you add here").get_by_role("link", name="planner").click()
    expect(page.get_by_label("Interview", exact=True)).to_have_value(chosen(stored_data(page, READER_KEY))["id"])
    page.get_by_label("Company (optional)").fill("Delta")
    page.go_back(wait_until="networkidle")
    expect(page.get_by_label("Interview", exact=True).locator("option:checked")).to_have_text("Delta")


def test_the_first_versions_ticks_become_the_first_interviews(site, page):
    """A reader who ticked boxes with the first version finds them on the first visit after
    the update, in their first interview, and the old key is gone."""
    page.goto(site.url, wait_until="networkidle")
    keep(page, OLD_KEY, {"v": 1, "done": ["names-and-titles", "proofread"]})
    total = open_checklist(page, site)
    expect(progress(page)).to_have_text(f"2 of {total} done")
    assert stored(page) == ["names-and-titles", "proofread"]
    assert stored_data(page, OLD_KEY) is None


@pytest.mark.parametrize("broken", list(BROKEN_STORAGE.values()), ids=list(BROKEN_STORAGE))
def test_broken_storage_leaves_a_working_checklist(site, page, broken):
    errors = own_script_errors(page)
    break_storage(page, READER_KEY, broken)
    total = open_checklist(page, site)
    expect(progress(page)).to_have_text(f"0 of {total} done")
    page.get_by_text(FIRST).click()
    expect(box(page, FIRST)).to_be_checked()
    expect(progress(page)).to_have_text(f"1 of {total} done")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset").click()
    expect(progress(page)).to_have_text(f"0 of {total} done")
    assert errors == []
    # where storage refuses to keep them, or holds what this page cannot read (and does not
    # write over), the reader is told so, once, in the page
    note = page.locator("[data-atl-storage-note]")
    expect(note).to_be_visible()
    expect(note).to_have_attribute("role", "status")
    if broken == BROKEN_STORAGE["corrupt-json"]:
        expect(note).to_contain_text("holds data from this site that this page cannot read")
        assert page.evaluate("(key) => localStorage.getItem(key)", READER_KEY) == "{not json"


def test_back_to_the_list_after_choosing_another_interview_elsewhere(site, page):
    """The browser's Back brings the page back with the boxes and the choice as they were
    left; they follow what is kept now, and no old tick is kept onto the other interview."""
    total = open_checklist(page, site)
    page.get_by_text(FIRST).click()
    page.get_by_role("button", name="Add an interview").click()
    page.get_by_text(SAME_DAY).click()
    first, second = stored_data(page, READER_KEY)["list"]
    page.goto(site.url + "note-templates/", wait_until="networkidle")  # a page load, not instant
    page.get_by_label("Interview", exact=True).select_option(first["id"])
    page.go_back(wait_until="networkidle")
    expect(page.get_by_label("Interview", exact=True)).to_have_value(first["id"])
    expect(box(page, FIRST)).to_be_checked()
    expect(box(page, SAME_DAY)).not_to_be_checked()
    expect(progress(page)).to_have_text(f"1 of {total} done")
    assert stored_data(page, READER_KEY)["list"] == [first, second]
    # from the back-forward cache the page comes back as it was left, script and all: it reads
    # what is kept now (here written behind its back, as another page would have)
    keep(page, READER_KEY, {**stored_data(page, READER_KEY), "at": second["id"]})
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))")
    expect(page.get_by_label("Interview", exact=True)).to_have_value(second["id"])
    expect(box(page, SAME_DAY)).to_be_checked()


def test_another_tab_stays_in_step(site, context):
    first, second = context.new_page(), context.new_page()
    total = open_checklist(first, site)
    open_checklist(second, site)
    first.get_by_text(SAME_DAY).click()
    expect(box(second, SAME_DAY)).to_be_checked()
    expect(progress(second)).to_have_text(f"1 of {total} done")
    second.once("dialog", lambda dialog: dialog.accept())
    second.get_by_role("button", name="Reset").click()
    expect(box(first, SAME_DAY)).not_to_be_checked()


CHROME = ["Table of contents", "Search", "Print a blank copy", "Reset", "kept in this browser", "stay in this browser",
          "Written for job seekers", "Why follow up", "of 3"]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_prints_on_one_page_with_ticks_and_no_chrome(site, page, paper):
    open_checklist(page, site)
    items = page.locator(".atl-item").all_inner_texts()
    headings = [h.rstrip("¶") for h in page.locator("article h2").all_inner_texts()]
    page.get_by_text(FIRST).click()
    page.get_by_text(SAME_DAY).click()
    pages, text = pdf_text(page, paper)
    assert pages == 1
    for item in [page.locator("h1").inner_text().rstrip("¶"), *headings, *items]:
        assert squash(item) in squash(text), item
    for chrome in CHROME:
        assert chrome not in text
    assert text.count(TICK) == 2
    assert "For: Interview 1" in text  # the interview these ticks are for (the picker is not printed)


def test_print_buttons_print_and_the_blank_copy_keeps_the_ticks(site, page):
    open_checklist(page, site)
    page.get_by_text(FIRST).click()
    page.evaluate("() => { window.__prints = 0; window.print = () => window.__prints++; }")
    page.get_by_role("button", name="Print", exact=True).click()
    page.get_by_role("button", name="Print a blank copy").click()
    assert page.evaluate("window.__prints") == 2
    pages, text = pdf_text(page, "A4")
    assert pages == 1 and TICK not in text and "For:" not in text  # blank: for no interview
    assert squash(FIRST) in squash(text)
    assert stored(page) == ["names-and-titles"]
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert pdf_text(page, "A4")[1].count(TICK) == 1


def test_without_javascript_a_readable_printable_list(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + "checklist/")
    expect(page.locator("[data-checklist]")).to_be_hidden()
    expect(page.locator(".atl-item").first).to_be_visible()
    expect(page.locator("input[data-item]")).to_have_count(page.locator(".atl-item").count())
    # the introduction speaks of paper, not of ticks kept in the browser
    expect(page.get_by_text("Print this list and tick each step on paper")).to_be_visible()
    expect(page.get_by_text("Your ticks stay in this browser")).to_be_hidden()
    pages, text = pdf_text(page, "Letter")
    assert pages == 1 and squash(FIRST) in squash(text)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    open_checklist(page, site)
    page.get_by_text(FIRST).click()
    box(page, SAME_DAY).focus()
    assert axe_violations(page) == []
