"""The "Your follow-ups" page in Chromium: every interview, add, edit, remove, one calendar for
all, export, import (with a preview, refusing bad files), delete everything, print, no JS."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import icalendar
import pytest
from axe import axe_violations
from browsers import chosen, interview, keep, own_script_errors, stored
from conftest import OLD_DETAILS_KEY, READER_KEY, SUB_PATH
from playwright.sync_api import expect
from pypdf import PdfReader

NOW = datetime.fromisoformat("2026-11-26T09:00:00Z")  # a Thursday
THREE = {"v": 2, "you": {"your_name": "Alex"}, "at": "cccccc", "list": [
    interview("aaaaaa", company="Acme", role="Analyst", interview_date="2026-12-01"),  # all ahead
    interview("bbbbbb", company="Beta", interview_date="2026-11-20"),  # its thank-you passed, not done
    interview("cccccc", company="Gamma"),  # no date yet
]}


def open_tracker(page, site, data=None, wait_until="networkidle"):
    page.clock.set_fixed_time(NOW)
    if data is not None:
        page.goto(site.url, wait_until="networkidle")
        keep(page, READER_KEY, data)
    page.goto(site.url + "follow-ups/", wait_until=wait_until)
    expect(page.locator("[data-atl-tracker]")).to_be_visible()


def items(page):
    return page.locator("[data-tracker-list] > li")


def item(page, company):
    return items(page).filter(has=page.get_by_role("heading", name=company))


def test_every_interview_with_its_next_step_overdue_first(site, page):
    open_tracker(page, site, THREE)
    expect(items(page)).to_have_count(3)
    expect(items(page).locator("h2")).to_have_text(["Beta", "Acme, Analyst", "Gamma"])
    beta = item(page, "Beta")
    expect(beta.locator("[data-overdue]")).to_have_text("Overdue: Send your thank-you note, Monday, November 23")
    expect(beta.locator("[data-next]")).to_have_text("Next: First check-in, Wednesday, December 2")
    expect(item(page, "Acme").locator("[data-when]")).to_have_text("Interview Tuesday, December 1")
    expect(item(page, "Acme").locator("[data-next]")).to_have_text(
        "Next: Send your thank-you note, Wednesday, December 2")
    expect(item(page, "Gamma").locator("[data-when]")).to_have_text("No interview date yet.")
    # the next step's date as the planner writes it (dateWords): by the interview's time; the
    # day after, as today is Thanksgiving
    keep(page, READER_KEY, {**THREE, "list": [*THREE["list"], interview(
        "dddddd", company="Delta", interview_date="2026-11-25", interview_time="15:00")]})
    page.reload(wait_until="networkidle")
    expect(item(page, "Delta").locator("[data-next]")).to_have_text(
        "Next: Send your thank-you note, Friday, November 27, by 3:00 PM")
    keep(page, READER_KEY, THREE)
    page.reload(wait_until="networkidle")
    expect(item(page, "Gamma").get_by_role("button", name="Mark as done")).to_have_count(0)  # nothing to do yet
    beta.get_by_role("button", name="Mark as done: Send your thank-you note").click()
    expect(beta.locator("[data-overdue]")).to_be_hidden()
    expect(beta.get_by_role("heading", name="Beta")).to_be_focused()  # its button is gone: the keyboard stays
    expect(items(page).locator("h2")).to_have_text(["Acme, Analyst", "Beta", "Gamma"])
    # the thank-you is done with the checklist's "Send the notes": its tick is the record
    assert ticked(page) == [[], ["send-notes"], []]
    # a step done before its date (a thank-you sent the same evening): the next one comes up
    acme = item(page, "Acme")
    acme.get_by_role("button", name="Mark as done: Send your thank-you note").click()
    expect(page.locator("[data-tracker-status]")).to_have_text("Marked as done: Send your thank-you note.")
    expect(acme.locator("[data-next]")).to_have_text("Next: First check-in, Thursday, December 10")
    # its calendar file holds only the steps still to do, and is named short enough for any disk
    calendar, _ = calendar_of(page, acme.get_by_role("button", name="Add to calendar"))
    assert [str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT")] == [
        "aaaaaa-first-check-in", "aaaaaa-final-check-in", "aaaaaa-move-on"]
    name = "(company) => atl.calendar.fileName({ f: { company } }, { file_name: '{title}.ics' })"
    assert page.evaluate(name, "X" * 300) == "X" * 60 + ".ics"
    assert page.evaluate(name, "Northwind " * 6 + "Logistics") == "Northwind " * 5 + "Northwind.ics"  # 69: cut at 59
    assert page.evaluate(name, "Northwind " * 6) == "Northwind " * 5 + "Northwind.ics"  # 60: whole
    assert page.evaluate(name, "Acme " + "X" * 80) == "Acme.ics"
    expect(acme.get_by_role("button", name="Mark as done: First check-in")).to_be_visible()
    assert ticked(page) == [["send-notes"], ["send-notes"], []]
    # side by side, or wrapped on a phone, the two never touch: a tap meant for one misses the other
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 720})
        mark, undo = (acme.get_by_role("button", name=name).bounding_box() for name in (
            "Mark as done: First check-in", "Not done after all: Send your thank-you note"))
        assert undo["y"] >= mark["y"] + mark["height"] + 6 or undo["x"] >= mark["x"] + mark["width"] + 6
    # marked by mistake: the latest step done is taken back, and is to do again
    expect(item(page, "Gamma").get_by_role("button", name="Not done after all")).to_have_count(0)
    acme.get_by_role("button", name="Not done after all: Send your thank-you note").click()
    expect(page.locator("[data-tracker-status]")).to_have_text("No longer marked as done: Send your thank-you note.")
    expect(acme.locator("[data-next]")).to_have_text("Next: Send your thank-you note, Wednesday, December 2")
    expect(acme.get_by_role("heading", name="Acme, Analyst")).to_be_focused()
    expect(acme.get_by_role("button", name="Not done after all")).to_have_count(0)
    assert ticked(page) == [[], ["send-notes"], []]


def ticked(page):
    """Each stored interview's ticks on the follow-up checklist (sorted); no step is kept done elsewhere."""
    interviews = stored(page, READER_KEY)["list"]
    assert all(one["done"] == [] for one in interviews)
    return [sorted(one["ticks"].get("follow-up", [])) for one in interviews]


def test_each_items_controls_say_which_interview_they_are_for(site, page):
    """A screen reader going from button to button hears "Edit, Beta", not "Edit, Edit, Edit"."""
    open_tracker(page, site, THREE)
    for company in ("Beta", "Acme, Analyst", "Gamma"):
        controls = item(page, company).locator("button, a")
        assert controls.count() >= 4
        for n in range(controls.count()):
            expect(controls.nth(n)).to_have_accessible_description(company)
    expect(item(page, "Beta").get_by_role("button", name="Edit")).to_have_accessible_name("Edit")


def test_two_untitled_interviews_are_told_apart_by_their_dates_on_removal(site, page):
    """Once the first "Interview 1" is removed, the second is "Interview 1": the message and
    the question name the date too."""
    open_tracker(page, site, {"v": 2, "you": {}, "at": "a1a1a1", "list": [
        interview("a1a1a1", interview_date="2026-11-12"), interview("b2b2b2", interview_date="2026-11-19")]})
    first = items(page).filter(has_text="Thursday, November 12")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    first.get_by_role("button", name="Remove").click()
    assert asked == ["Remove Interview 1 (Thursday, November 12) and its details, notes and ticks from this browser?"]
    expect(page.locator("[data-tracker-status]")).to_have_text("Removed Interview 1 (Thursday, November 12).")
    expect(items(page).locator("h2")).to_have_text(["Interview 1"])


def test_a_double_tap_marks_one_step(site, page):
    """Not also the step whose button the first tap brought up under the finger."""
    open_tracker(page, site, {"v": 2, "you": {}, "at": "dddddd", "list": [
        interview("dddddd", company="Delta", interview_date="2026-11-23")]})
    delta = item(page, "Delta")
    delta.get_by_role("button", name="Mark as done: Send your thank-you note").dblclick()
    expect(delta.get_by_role("button", name="Mark as done: First check-in")).to_be_visible()
    assert ticked(page) == [["send-notes"]]
    delta.get_by_role("button", name="Mark as done: First check-in").click()
    assert ticked(page) == [["first-check-in", "send-notes"]]
    delta.get_by_role("button", name="Not done after all: First check-in").dblclick()
    expect(delta.get_by_role("button", name="Not done after all: Send your thank-you note")).to_be_visible()
    assert ticked(page) == [["send-notes"]]


def test_add_edit_and_remove(site, page):
    open_tracker(page, site, {"v": 2, "you": {}, "at": "", "list": []})
    expect(page.locator("[data-tracker-status]")).to_have_text(
        "No interviews yet. Add one, or enter an interview date in the planner.")
    page.get_by_role("button", name="Add an interview").click()
    expect(page.get_by_label("Interview date")).to_be_focused()
    page.get_by_label("Interview date").fill("2026-11-30")
    page.get_by_label("Company (optional)").fill("Delta")
    page.locator("#atl-field-interviewer_name-0").fill("Ms Patel")
    expect(item(page, "Delta").locator("[data-next]")).to_have_text(
        "Next: Send your thank-you note, Tuesday, December 1")
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.locator("[data-tracker-editor]")).to_be_hidden()
    edit = item(page, "Delta").get_by_role("button", name="Edit")
    expect(edit).to_be_focused()
    expect(edit).to_have_attribute("aria-expanded", "false")
    edit.click()
    # the editor opens below the whole list: its legend names the interview it edits
    expect(page.locator("[data-tracker-editor] legend").first).to_have_text("Details of Delta")
    expect(page.get_by_label("Company (optional)")).to_have_value("Delta")
    expect(page.locator("#atl-field-interviewer_name-0")).to_have_value("Ms Patel")
    page.keyboard.press("Escape")  # closes it too
    expect(page.locator("[data-tracker-editor]")).to_be_hidden()
    expect(edit).to_be_focused()
    edit.click()
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))  # asks once; no keeps it
    item(page, "Delta").get_by_role("button", name="Remove").click()
    expect(items(page)).to_have_count(1)
    assert asked == ["Remove Delta (Monday, November 30) and its details, notes and ticks from this browser?"]
    page.once("dialog", lambda dialog: dialog.accept())
    item(page, "Delta").get_by_role("button", name="Remove").click()
    expect(items(page)).to_have_count(0)
    expect(page.locator("[data-tracker-status]")).to_have_text("Removed Delta (Monday, November 30).")
    expect(page.locator("[data-tracker-editor]")).to_be_hidden()
    assert stored(page, READER_KEY) is None  # nothing left to keep


def test_the_list_is_sorted_again_once_the_editor_closes(site, page):
    open_tracker(page, site, THREE)
    item(page, "Gamma").get_by_role("button", name="Edit").click()
    page.get_by_label("Interview date").fill("2026-11-10")  # its thank-you is now the oldest overdue
    expect(items(page).locator("h2")).to_have_text(["Beta", "Acme, Analyst", "Gamma"])  # not while typing
    page.get_by_role("button", name="Done", exact=True).click()
    expect(items(page).locator("h2")).to_have_text(["Gamma", "Beta", "Acme, Analyst"])
    expect(item(page, "Gamma").get_by_role("button", name="Edit")).to_be_focused()


def test_an_interviews_links_take_its_details_along(site, page):
    open_tracker(page, site, THREE)
    item(page, "Beta").get_by_role("link", name="Phone or video thank-you").click()
    expect(page.locator("h1")).to_contain_text("Note templates")
    assert page.url.endswith("#thank-you-after-a-phone-or-video-screen")
    expect(page.locator("#atl-field-company")).to_have_value("Beta")
    page.go_back()
    item(page, "Acme").get_by_role("link", name="Dates").click()
    expect(page.locator("#atl-field-company")).to_have_value("Acme")
    expect(page.locator('[data-step="thank-you"] [data-step-date]')).to_have_text("Wednesday, December 2")


def calendar_of(page, button):
    with page.expect_download() as download:
        button.click()
    return icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes()), download.value.suggested_filename


def test_one_calendar_for_every_interview_and_one_each(site, page):
    open_tracker(page, site, THREE)
    calendar, name = calendar_of(page, page.get_by_role("button", name="Add all to calendar"))
    assert name == "interview-follow-ups.ics"
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    # Beta's thank-you has passed; its other steps, and all four of Acme's, are ahead
    assert len(uids) == 7 and len(set(uids)) == 7
    assert sum(uid.startswith("aaaaaa-") for uid in uids) == 4 and sum(uid.startswith("bbbbbb-") for uid in uids) == 3
    one, name = calendar_of(page, item(page, "Acme").get_by_role("button", name="Add to calendar"))
    assert name == "Acme, Analyst follow-up.ics"  # each interview's file is its own
    assert [str(e["UID"]) for e in one.walk("VEVENT")] == [u for u in uids if u.startswith("aaaaaa-")]
    expect(item(page, "Gamma").get_by_role("button", name="Add to calendar")).to_be_disabled()
    expect(item(page, "Gamma").get_by_role("button", name="Add to calendar")).to_have_css("opacity", "0.6")  # looks it
    expect(item(page, "Gamma").get_by_role("button", name="Add to calendar")).to_have_css("border-style", "dashed")


def export(page):
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    assert download.value.suggested_filename == "after-the-interview-data.json"
    return Path(download.value.path()).read_bytes()


def choose_file(page, name, content: bytes):
    page.locator("[data-tracker-import]").set_input_files({"name": name, "mimeType": "application/json",
                                                           "buffer": content})


def test_files_whose_code_does_not_load_say_so_and_change_nothing(site, page):
    open_tracker(page, site, THREE)
    page.route("**/files.js", lambda route: route.abort())  # offline, and the code not kept
    unloaded = ("The file could not be made: part of this page did not load. "
                "Check your connection, then try again.")
    page.get_by_role("button", name="Add all to calendar").click()
    expect(page.locator("[data-tracker-status]")).to_have_text(unloaded)
    page.get_by_role("button", name="Download my data").click()
    expect(page.locator("[data-tracker-data-status]")).to_have_text(unloaded)
    page.locator("[data-tracker-data-status]").evaluate("e => e.textContent = ''")
    choose_file(page, "mine.json", json.dumps({"format": "after-the-interview", "v": 2, "data": THREE}).encode())
    expect(page.locator("[data-tracker-data-status]")).to_have_text(unloaded)
    expect(page.locator("[data-tracker-preview]")).to_be_hidden()
    assert stored(page, READER_KEY) == THREE
    page.unroute("**/files.js")
    calendar_of(page, page.get_by_role("button", name="Add all to calendar"))


def test_download_delete_and_import_again(site, page):
    open_tracker(page, site, THREE)
    page.evaluate("(key) => localStorage.setItem(key, '{}')", f"{SUB_PATH}.__palette")  # Material's own
    raw = export(page)
    file = json.loads(raw)
    assert file["format"] == "after-the-interview" and file["v"] == 2 and file["exported"] == "2026-11-26"
    assert [one["id"] for one in file["data"]["list"]] == ["aaaaaa", "bbbbbb", "cccccc"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete everything").click()
    expect(page.locator("[data-tracker-data-status]")).to_have_text(
        "Everything this site kept in this browser has been deleted.")
    expect(items(page)).to_have_count(0)
    assert page.evaluate("Object.keys(localStorage)") == []
    choose_file(page, "mine.json", raw)
    expect(page.locator("[data-preview-text]")).to_have_text(
        "Interviews this file adds: 3; interviews it replaces: 0. Your own details: replaced.")
    expect(page.get_by_role("button", name="Import", exact=True)).to_be_focused()
    assert page.evaluate("Object.keys(localStorage)") == []  # nothing yet: the reader has not said yes
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("[data-tracker-data-status]")).to_have_text("Imported. Interviews here now: 3.")
    expect(items(page)).to_have_count(3)
    assert stored(page, READER_KEY)["list"] == file["data"]["list"]
    # the same file again: it merges by id, and replaces what it holds
    choose_file(page, "mine.json", raw)
    expect(page.locator("[data-preview-text]")).to_have_text(
        "Interviews this file adds: 0; interviews it replaces: 3. Your own details: replaced.")
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator("[data-tracker-preview]")).to_be_hidden()


def test_the_region_earlier_versions_kept_for_all_stays_with_each_interview(site, page):
    """Earlier versions kept the region once, for every interview (in `you`): read now, it goes
    to each interview without its own, so an imported file's `you`, which replaces this
    browser's, moves no interview to another region; and a file from such a version brings
    its region along with its interviews."""
    open_tracker(page, site, {"v": 2, "you": {"region": "GB-ENG"}, "at": "aaaaaa", "list": [
        interview("aaaaaa", company="Acme", interview_date="2026-11-20"),
        interview("bbbbbb", company="Beta", interview_date="2026-11-20", region="US")]})
    expect(item(page, "Acme").locator("[data-when]")).to_have_text("Interview Friday 20 November")
    expect(item(page, "Beta").locator("[data-when]")).to_have_text("Interview Friday, November 20")
    delta = interview("dddddd", company="Delta", interview_date="2026-12-31")
    for data in ({"you": {"your_name": "Alex"}, "list": [interview("cccccc", company="Gamma")]},
                 {"you": {"region": "GB-SCT"}, "list": [delta]}):
        file = {"format": "after-the-interview", "v": 2, "data": {"v": 2, "at": data["list"][0]["id"], **data}}
        choose_file(page, "other.json", json.dumps(file).encode())
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.locator("[data-tracker-data-status]")).to_contain_text("Imported.")
        expect(item(page, "Acme").locator("[data-when]")).to_have_text("Interview Friday 20 November")
    # Scotland's 2 January (a Saturday in 2027: Monday 4 January instead) is no working day
    expect(item(page, "Delta").locator("[data-next]")).to_have_text(
        "Next: Send your thank-you note, Tuesday 5 January 2027")
    regions = {one["f"]["company"]: one["f"].get("region") for one in stored(page, READER_KEY)["list"]}
    assert regions == {"Acme": "GB-ENG", "Beta": "US", "Gamma": None, "Delta": "GB-SCT"}
    assert stored(page, READER_KEY)["you"] == {"your_name": "Alex"}  # a file's region alone replaces nothing


BAD_FILES = {
    "not JSON": (b"{this is not json", "This file is not data from this site, or it is damaged."),
    "JSON of another shape": (b'{"people": [1, 2, 3]}', "This file is not data from this site, or it is damaged."),
    "a newer version": (json.dumps({"format": "after-the-interview", "v": 3, "data": {}}).encode(),
                        "This file comes from a newer version of this site."),
    "ten megabytes": (b'{"format": "after-the-interview", "v": 2, "data": {"x": "' + b"x" * 10_000_000 + b'"}}',
                      "This file is too large to be data from this site."),
    "version 1, which had no files": (json.dumps({"format": "after-the-interview", "v": 1, "data": {}}).encode(),
                                       "This file is not data from this site, or it is damaged."),
    "more interviews than the site keeps": (
        json.dumps({"format": "after-the-interview", "v": 2,
                    "data": {"list": [interview(f"many{n:04d}") for n in range(1001)]}}).encode(),
        "With this file you would have more than 1000 interviews, as many as this site keeps."),
    "one that would take the list past that": (  # three are stored already
        json.dumps({"format": "after-the-interview", "v": 2,
                    "data": {"list": [interview(f"many{n:04d}") for n in range(998)]}}).encode(),
        "With this file you would have more than 1000 interviews, as many as this site keeps."),
    "nothing usable in it": (json.dumps({"format": "after-the-interview", "v": 2,
                                         "data": {"list": [{"id": "!"}, 7], "you": []}}).encode(),
                             "This file is not data from this site, or it is damaged."),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_refused_and_changes_nothing(site, page, name):
    content, message = BAD_FILES[name]
    errors = own_script_errors(page)
    open_tracker(page, site, THREE)
    before = page.evaluate("(key) => localStorage.getItem(key)", READER_KEY)
    choose_file(page, "bad.json", content)
    expect(page.locator("[data-tracker-data-status]")).to_have_text(f"{message} Nothing was changed.")
    expect(page.locator("[data-tracker-preview]")).to_be_hidden()
    assert page.evaluate("(key) => localStorage.getItem(key)", READER_KEY) == before
    expect(items(page)).to_have_count(3)
    assert errors == []


def test_absurd_dates_and_a_thousand_interviews_import_and_show(site, page):
    """What a file holds is checked as strictly as what is stored: absurd dates are no dates,
    and a long list still shows (the stored data stays whole)."""
    many = [interview(f"imp{n:04d}", company=f"Company {n}", interview_date="2026-12-07") for n in range(998)]
    many += [interview("absurd1", company="Absurd", interview_date="99999-99-99"),
             {"id": "nodate", "f": {"company": "Nodate"}}]
    open_tracker(page, site, {"v": 2, "you": {}, "at": "", "list": []})
    choose_file(page, "many.json", json.dumps({"format": "after-the-interview", "v": 2,
                                               "data": {"list": many}}).encode())
    expect(page.locator("[data-preview-text]")).to_contain_text("adds: 1000; interviews it replaces: 0")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(items(page)).to_have_count(1000)
    expect(item(page, "Absurd").locator("[data-when]")).to_have_text("No interview date yet.")
    assert len(stored(page, READER_KEY)["list"]) == 1000


def test_any_export_imports_back(site, page):
    """What the site can store, it can take back: a thousand interviews of long texts make a
    file of more than 2 MB."""
    full = {"v": 2, "you": {}, "at": "", "list": [
        interview(f"big{n:04d}", company=f"{n} " + "x" * 1990, interview_date="2026-12-07") for n in range(1000)]}
    open_tracker(page, site, full)
    raw = export(page)
    assert len(raw) > 2_000_000
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete everything").click()
    choose_file(page, "mine.json", raw)
    expect(page.locator("[data-preview-text]")).to_contain_text("adds: 1000;")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("[data-tracker-data-status]")).to_have_text("Imported. Interviews here now: 1000.")
    assert stored(page, READER_KEY)["list"] == full["list"]


def test_a_full_list_takes_no_more_and_says_so(site, page):
    full = {"v": 2, "you": {}, "at": "", "list": [interview(f"full{n:04d}", company=f"C{n}") for n in range(1000)]}
    open_tracker(page, site, full)
    before = page.evaluate("(key) => localStorage.getItem(key)", READER_KEY)
    page.get_by_role("button", name="Add an interview").first.click()
    message = "You have 1000 interviews here, as many as this site keeps. Remove one to add another."
    expect(page.locator("[data-tracker-status]")).to_have_text(message)
    expect(page.locator("[data-tracker-editor]")).to_be_hidden()
    page.goto(site.url + "timing/", wait_until="networkidle")
    page.locator("[data-atl-picker] [data-atl-add]").click()
    expect(page.locator("[data-atl-picker] [data-atl-announce]")).to_have_text(message)
    expect(page.locator("[data-atl-picker] [data-atl-announce]")).to_be_visible()  # not for screen readers only
    assert page.evaluate("(key) => localStorage.getItem(key)", READER_KEY) == before


def test_import_and_delete_say_so_when_the_browser_refuses(site, page):
    open_tracker(page, site, {"v": 2, "you": {}, "at": "", "list": []})
    page.evaluate("""() => {
      Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
      Storage.prototype.removeItem = () => { throw new DOMException("no", "SecurityError"); };
    }""")
    choose_file(page, "mine.json", json.dumps({"format": "after-the-interview", "v": 2, "data": THREE}).encode())
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("[data-tracker-data-status]")).to_have_text(
        "Imported into this page only: this browser is not keeping it (the note above says why), "
        "so it will be gone when you leave. Interviews here now: 3.")
    expect(items(page)).to_have_count(3)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete everything").click()
    expect(page.locator("[data-tracker-data-status]")).to_have_text(
        "This browser would not let the page delete all of it. Its settings can clear this site's data.")


@pytest.mark.parametrize("value", ['{"v": 3, "you": {}, "at": "", "list": []}', "{not json", '["a"]'])
def test_data_this_version_cannot_read_is_left_as_it_is(site, page, value):
    """Kept by a newer version of the site (say, a page read offline after an update) or
    damaged: the reader is told, nothing is written over it, and deleting it starts afresh."""
    page.clock.set_fixed_time(NOW)
    page.goto(site.url, wait_until="networkidle")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [READER_KEY, value])
    open_tracker(page, site)
    note = page.locator("[data-atl-storage-note]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("This browser holds data from this site that this page cannot read")
    page.get_by_role("button", name="Add an interview").first.click()
    page.get_by_label("Company (optional)").fill("Zeta")
    expect(items(page)).to_have_count(1)  # on the page while it is open
    assert page.evaluate("(key) => localStorage.getItem(key)", READER_KEY) == value
    page.get_by_role("button", name="Download my data").click()  # not an empty file that looks like a copy
    expect(page.locator("[data-tracker-data-status]")).to_contain_text("cannot download it. Nothing was changed.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete everything").click()
    expect(note).to_be_hidden()
    page.get_by_role("button", name="Add an interview").first.click()
    page.get_by_label("Company (optional)").fill("Eta")
    expect(item(page, "Eta")).to_have_count(1)
    assert [one["f"] for one in stored(page, READER_KEY)["list"]] == [{"company": "Eta"}]


def test_another_tab_that_writes_what_this_one_cannot_read_is_said_at_once(site, context):
    here, there = context.new_page(), context.new_page()
    open_tracker(here, site, THREE)
    there.goto(site.url, wait_until="networkidle")
    there.evaluate("(key) => localStorage.setItem(key, JSON.stringify({v: 3, list: []}))", READER_KEY)
    note = here.locator("[data-atl-storage-note]")
    expect(note).to_contain_text("This browser holds data from this site that this page cannot read")
    there.evaluate("(key) => localStorage.removeItem(key)", READER_KEY)
    expect(note).to_be_hidden()


def test_the_keyboard_stays_on_its_button_when_the_list_is_drawn_anew(site, context):
    """Another tab's write, or a region's holidays coming late, draws the list anew: the
    keyboard stays on the button it was on, in that interview's new item, not on the page's
    top; on its heading when that button has gone, on "Add an interview" when the interview
    has, and on its Edit button when the editor it was in closes."""
    here, there = context.new_page(), context.new_page()
    here.route("**/holidays/NZ.json", lambda route: None)  # held until the end
    data = {**THREE, "list": [*THREE["list"], interview("kkkkkk", company="Kiwi", interview_date="2027-02-05",
                                                         region="NZ")]}
    open_tracker(here, site, data, wait_until="load")
    remove = item(here, "Acme").get_by_role("button", name="Remove")
    remove.focus()
    there.goto(site.url + "note-templates/", wait_until="networkidle")
    there.get_by_label("Job title", exact=True).fill("Designer")  # Gamma's, in the other tab
    expect(item(here, "Gamma, Designer")).to_have_count(1)
    expect(remove).to_be_focused()
    mark = item(here, "Beta").locator("[data-mark-done]")
    mark.focus()
    done = """([key, steps]) => {  // Beta's steps marked done there
        const d = JSON.parse(localStorage.getItem(key));
        d.list[1].done = steps;
        localStorage.setItem(key, JSON.stringify(d));
    }"""
    there.evaluate(done, [READER_KEY, ["thank-you"]])
    # the button is now the next step's: Enter there would mark a step the reader never chose
    expect(mark).to_have_text("Mark as done: First check-in")
    expect(item(here, "Beta").get_by_role("heading")).to_be_focused()
    mark.focus()
    there.evaluate(done, [READER_KEY, ["thank-you", "first-check-in", "final-check-in", "move-on"]])
    expect(mark).to_be_hidden()
    expect(item(here, "Beta").get_by_role("heading")).to_be_focused()
    edit = item(here, "Kiwi").get_by_role("button", name="Edit")  # an item whose step links are still to come
    edit.focus()
    here.unroute("**/holidays/NZ.json")
    here.evaluate("dispatchEvent(new Event('online'))")
    expect(item(here, "Kiwi").locator("[data-next]")).to_contain_text("Tuesday 9 February")
    expect(item(here, "Kiwi").get_by_role("link")).to_have_count(5)  # Dates, and the next step's four
    expect(edit).to_be_focused()
    there.evaluate("""(key) => {  // Kiwi removed there
        const d = JSON.parse(localStorage.getItem(key));
        d.list = d.list.filter((one) => one.id !== "kkkkkk");
        localStorage.setItem(key, JSON.stringify(d));
    }""", READER_KEY)
    expect(here.get_by_role("button", name="Add an interview").first).to_be_focused()
    item(here, "Acme").get_by_role("button", name="Edit").click()
    here.get_by_label("Company (optional)").focus()
    there.evaluate("""(key) => {  // another interview chosen there: the editor closes
        localStorage.setItem(key, JSON.stringify({...JSON.parse(localStorage.getItem(key)), at: "bbbbbb"}));
    }""", READER_KEY)
    expect(here.locator("[data-tracker-editor]")).to_be_hidden()
    expect(item(here, "Acme").get_by_role("button", name="Edit")).to_be_focused()


def test_no_interviews_yet_is_said_once_however_often_the_list_is_drawn(site, context):
    here, there = context.new_page(), context.new_page()
    open_tracker(here, site, {"v": 2, "you": {"your_name": "Alex"}, "at": "", "list": []})
    status = here.locator("[data-tracker-status]")
    expect(status).to_have_text("No interviews yet. Add one, or enter an interview date in the planner.")
    here.evaluate("""() => {  // each change to the live region is read out again
        window.__said = 0;
        new MutationObserver(() => window.__said++).observe(document.querySelector("[data-tracker-status]"),
                                                            {childList: true, characterData: true, subtree: true});
    }""")
    there.goto(site.url, wait_until="networkidle")
    for name in ("Sam", "Alex"):  # another tab's writes: the list drawn anew
        there.evaluate("([key, name]) => localStorage.setItem(key, JSON.stringify({v: 2, you: {your_name: name},"
                       " list: []}))", [READER_KEY, name])
        here.wait_for_function("(name) => atl.reader.data().you.your_name === name", arg=name)
    assert here.evaluate("window.__said") == 0


def test_a_region_the_site_does_not_offer_stays_and_is_said(site, page):
    """A region from another edition's file, or one the publisher has since removed, stays with
    its interview: its dates count weekends only and say so, no file is asked for it, and the
    forms name it as not offered here until the reader picks another. What is no region code
    at all gives way to the site's default; 30 February is no date."""
    errors = own_script_errors(page)
    asked = []
    page.on("request", lambda request: "/holidays/" in request.url and asked.append(request.url.rsplit("/", 1)[1]))
    delta = interview("dddddd", company="Delta", interview_date="2026-02-30")
    paris = interview("eeeeee", company="Étoile", interview_date="2026-12-23", region="FR")
    sao_paulo = interview("ffffff", company="Samba", interview_date="2026-12-23", region="BR-SP")
    data = {**THREE, "you": {"region": "<i"}, "list": [*THREE["list"][:2], delta, paris, sao_paulo]}
    open_tracker(page, site, data)
    # a country whose English the browser does not have: day first, as most of the world writes
    expect(item(page, "Samba").locator("[data-when]")).to_have_text("Interview Wednesday 23 December")
    expect(item(page, "Acme").locator("[data-when]")).to_have_text("Interview Tuesday, December 1")
    expect(item(page, "Delta").locator("[data-when]")).to_have_text("No interview date yet.")
    expect(item(page, "Étoile").locator("[data-next]")).to_have_text(
        "Next: Send your thank-you note, Thursday 24 December. "
        "Public holidays for 2026 are not known here, so only weekends are skipped.")
    with page.expect_download() as download:
        item(page, "Étoile").get_by_role("button", name="Add to calendar").click()
    calendar = Path(download.value.path()).read_text(encoding="utf-8").replace("\r\n ", "")
    assert "Public holidays for 2026 are not known here" in calendar
    item(page, "Étoile").get_by_role("button", name="Edit").click()
    region = page.get_by_label("Where the job is")
    expect(region).to_have_value("FR")
    expect(region.locator("option:checked")).to_have_text("France (not offered on this site)")
    region.press("ArrowUp")  # a keyboard exploring the list chooses as it goes, and can come back
    expect(region).to_have_value("NZ")
    region.press("ArrowDown")
    expect(region).to_have_value("FR")
    assert chosen(stored(page, READER_KEY))["f"]["region"] == "FR"  # kept by the write that chose it
    page.goto(site.url + "timing/", wait_until="networkidle")
    expect(region).to_have_value("FR")
    expect(page.locator("[data-step='final-check-in'] [data-step-date]")).to_have_text("Friday 8 January 2027")
    region.press("ArrowUp")
    expect(region.locator("option")).to_have_count(28)  # France, while the keyboard is on the list
    region.press("Tab")
    expect(region.locator("option")).to_have_count(27)
    region.select_option("GB-SCT")
    expect(page.locator("[data-step='final-check-in'] [data-step-date]")).to_have_text("Thursday 14 January 2027")
    expect(region.locator("option")).to_have_count(27)  # France goes once another is chosen
    assert "FR.json" not in asked and "GB-SCT.json" in asked
    assert errors == []


def test_the_region_chosen_in_the_editor_rewrites_that_interviews_dates(site, page):
    """Where the job is belongs to one interview: the editor offers it, as the other forms do,
    and that interview's item is written again by it (its holidays fetched first)."""
    open_tracker(page, site, THREE)
    item(page, "Beta").get_by_role("button", name="Edit").click()
    region = page.get_by_label("Where the job is")
    expect(region).to_have_value("US")
    region.focus()
    region.select_option("GB-ENG")
    expect(item(page, "Beta").locator("[data-when]")).to_have_text("Interview Friday 20 November")
    expect(item(page, "Acme").locator("[data-when]")).to_have_text("Interview Tuesday, December 1")
    expect(region).to_be_focused()
    expect(page.locator("[data-tracker-editor]")).to_be_visible()
    assert chosen(stored(page, READER_KEY))["f"]["region"] == "GB-ENG"
    assert stored(page, READER_KEY)["you"] == {"your_name": "Alex"}


def test_interviews_in_two_regions_each_skip_their_own_holidays(site, page):
    """Good Friday and Easter Monday are public holidays in England, not in the US: the same
    interview date gives each its own thank-you date, written its own way, in the list and in
    the calendar file."""
    data = {"v": 2, "you": {}, "at": "aaaaaa", "list": [
        interview("aaaaaa", company="Acme", interview_date="2027-03-25", region="US"),
        interview("bbbbbb", company="Beta", interview_date="2027-03-25", region="GB-ENG"),
    ]}
    open_tracker(page, site, data)
    next_step = "Next: Send your thank-you note, {}"
    expect(item(page, "Acme").locator("[data-next]")).to_have_text(next_step.format("Friday, March 26, 2027"))
    expect(item(page, "Beta").locator("[data-next]")).to_have_text(next_step.format("Tuesday 30 March 2027"))
    with page.expect_download() as download:
        page.get_by_role("button", name="Add all to calendar").click()
    events = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")
    thanks = {str(e["UID"]).split("-")[0]: e for e in events if "-thank-you@" in str(e["UID"])}
    assert thanks["bbbbbb"].decoded("DTSTART").isoformat() == "2027-03-30"
    assert ("Public holidays do not count as working days: Friday 26 March 2027, Good Friday; "
            "Monday 29 March 2027, Easter Monday.") in str(thanks["bbbbbb"]["DESCRIPTION"])
    assert thanks["aaaaaa"].decoded("DTSTART").isoformat() == "2027-03-26"


TWO_REGIONS = {"v": 2, "you": {}, "at": "aaaaaa", "list": [
    interview("aaaaaa", company="Acme", interview_date="2026-12-01", region="US"),
    interview("bbbbbb", company="Kiwi", interview_date="2027-02-05", region="NZ")]}
KIWI_NEXT = "Next: Send your thank-you note, Tuesday 9 February 2027"  # Waitangi Day (observed) skipped


def test_an_interview_whose_holidays_are_on_their_way_is_listed_and_its_file_waits(site, page):
    """Every interview is listed while one region's holidays are still coming; that one says
    so, and a calendar file asked for meanwhile waits for them rather than fail."""
    errors = own_script_errors(page)
    held = []
    page.route("**/holidays/NZ.json", lambda route: held.append(route))  # it arrives when the test lets it
    open_tracker(page, site, TWO_REGIONS, wait_until="load")
    expect(items(page).locator("h2")).to_have_text(["Acme", "Kiwi"])
    expect(item(page, "Kiwi").locator("[data-next]")).to_have_text("Looking up the public holidays where the job is…")
    expect(item(page, "Kiwi").get_by_role("button", name="Add to calendar")).to_be_disabled()
    with page.expect_download() as download:
        page.get_by_role("button", name="Add all to calendar").click()
        page.wait_for_timeout(300)
        assert len(held) == 1
        held[0].fallback()
    events = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")
    dates = {str(e["UID"]).split("@")[0]: e.decoded("DTSTART").isoformat() for e in events}
    assert dates["bbbbbb-thank-you"] == "2027-02-09" and dates["aaaaaa-thank-you"] == "2026-12-02"
    expect(item(page, "Kiwi").locator("[data-next]")).to_have_text(KIWI_NEXT)
    assert errors == []


def test_holidays_that_never_come_are_said_and_asked_for_again_once_online(site, page):
    """A stalled request for a region's holidays leaves every interview listed: after 5 s that
    one's dates count weekends only and say so; once the browser is online again the
    holidays are asked for again and the dates drawn again."""
    errors = own_script_errors(page)
    page.route("**/holidays/NZ.json", lambda route: None)  # never answered
    open_tracker(page, site, TWO_REGIONS, wait_until="load")
    kiwi = item(page, "Kiwi").locator("[data-next]")
    expect(item(page, "Acme").locator("[data-next]")).to_have_text(  # long before the other region's 5 s
        "Next: Send your thank-you note, Wednesday, December 2", timeout=2000)
    expect(kiwi).to_have_text("Looking up the public holidays where the job is…")
    expect(kiwi).to_have_text("Next: Send your thank-you note, Monday 8 February 2027. Public holidays for "
                              "2027 are not known here, so only weekends are skipped.", timeout=8000)
    page.unroute("**/holidays/NZ.json")
    page.context.set_offline(True)
    page.context.set_offline(False)  # the browser's "online" event
    expect(kiwi).to_have_text(KIWI_NEXT)
    assert errors == []


def test_a_choice_made_in_another_tab_closes_the_editor(site, context):
    tracker, planner = context.new_page(), context.new_page()
    open_tracker(tracker, site, THREE)
    item(tracker, "Acme").get_by_role("button", name="Edit").click()
    expect(tracker.get_by_label("Company (optional)")).to_have_value("Acme")
    planner.goto(site.url + "timing/", wait_until="networkidle")
    planner.locator("#atl-pick").select_option(label="Beta")
    expect(tracker.locator("[data-tracker-editor]")).to_be_hidden()
    expect(item(tracker, "Acme").get_by_role("button", name="Edit")).to_have_attribute("aria-expanded", "false")


def test_storage_full_keeps_what_is_there_and_says_so(site, page):
    open_tracker(page, site, THREE)
    before = page.evaluate("(key) => localStorage.getItem(key)", READER_KEY)
    page.evaluate("""() => {  // from now on, every write fails as a full storage does
      window.__setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
    }""")
    page.get_by_role("button", name="Add an interview").click()
    page.get_by_label("Company (optional)").fill("Zeta")
    expect(items(page)).to_have_count(4)  # on the page, for as long as it is open
    note = page.locator("[data-atl-storage-note]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("This browser is not keeping what you type")
    assert page.evaluate("(key) => localStorage.getItem(key)", READER_KEY) == before  # never half-written
    page.evaluate("() => { Storage.prototype.setItem = window.__setItem; }")  # room again: kept, and the note goes
    page.get_by_label("Company (optional)").fill("Zeta Ltd")
    expect(note).to_be_hidden()
    assert [one["f"].get("company") for one in stored(page, READER_KEY)["list"]][-1] == "Zeta Ltd"


def test_other_tabs_follow(site, context):
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        open_tracker(page, site, THREE if page is first else None)
    first.get_by_role("button", name="Add an interview").click()
    first.get_by_label("Company (optional)").fill("Epsilon")
    expect(item(second, "Epsilon")).to_have_count(1)


def test_the_checklist_and_the_plan_keep_one_record_of_done(site, context):
    """A step done with a checklist item (timing.md's `done_with:`) is done when the item is
    ticked, on any page and in any tab; marking it done ticks the item, taking it back unticks it."""
    tracker, checklist = context.new_page(), context.new_page()
    open_tracker(tracker, site, {**THREE, "at": "bbbbbb"})
    beta = item(tracker, "Beta")
    expect(beta.locator("[data-overdue]")).to_have_text("Overdue: Send your thank-you note, Monday, November 23")
    checklist.clock.set_fixed_time(NOW)
    checklist.goto(site.url + "checklist/", wait_until="networkidle")
    checklist.get_by_text("Send the notes").click()  # as a reader taps an item
    # the other tab: nothing overdue, and the step can be taken back there
    expect(beta.locator("[data-overdue]")).to_be_hidden()
    expect(beta.get_by_role("button", name="Not done after all: Send your thank-you note")).to_be_visible()
    beta.get_by_role("button", name="Mark as done: First check-in").click()
    expect(checklist.get_by_role("checkbox", name="Check in one or two business days")).to_be_checked()
    expect(checklist.locator("[data-checklist-progress]")).to_have_text("2 of 24 done")
    assert ticked(tracker) == [[], ["first-check-in", "send-notes"], []]
    # the planner says so too
    tracker.goto(site.url + "timing/", wait_until="networkidle")
    expect(tracker.locator('[data-step="thank-you"]')).to_have_attribute("data-state", "done")
    expect(tracker.locator('[data-step="first-check-in"] [data-step-date]')).to_have_text(
        "Wednesday, December 2 (done)")
    expect(tracker.locator("[data-plan-status]")).to_have_text("Next: Final check-in, Wednesday, December 9.")
    # taken back, latest first: the item is unticked on the checklist
    open_tracker(tracker, site)
    item(tracker, "Beta").get_by_role("button", name="Not done after all: First check-in").click()
    expect(checklist.get_by_role("checkbox", name="Check in one or two business days")).not_to_be_checked()
    expect(checklist.get_by_role("checkbox", name="Send the notes")).to_be_checked()
    assert ticked(tracker) == [[], ["send-notes"], []]


def test_a_step_marked_done_by_the_previous_version_becomes_its_items_tick(site, page):
    """That version kept every step done in the interview's own list; the checklist shows it."""
    beta = {**THREE["list"][1], "done": ["thank-you", "move-on"]}
    page.clock.set_fixed_time(NOW)
    page.goto(site.url, wait_until="networkidle")
    keep(page, READER_KEY, {**THREE, "list": [beta], "at": "bbbbbb"})
    page.goto(site.url + "checklist/", wait_until="networkidle")
    expect(page.get_by_role("checkbox", name="Send the notes")).to_be_checked()
    open_tracker(page, site)
    expect(item(page, "Beta").locator("[data-overdue]")).to_be_hidden()
    item(page, "Beta").get_by_role("button", name="Not done after all: Move on").click()
    item(page, "Beta").get_by_role("button", name="Not done after all: Send your thank-you note").click()
    expect(item(page, "Beta").locator("[data-overdue]")).to_be_visible()
    assert ticked(page) == [[]]


def test_no_step_is_both_overdue_and_all_done(site, page):
    """The last step done, and one before it taken back (its item unticked on the checklist)."""
    ticks = {"follow-up": ["send-notes", "first-check-in"]}
    beta = {**interview("bbbbbb", company="Beta", interview_date="2026-11-02"), "ticks": ticks, "done": ["move-on"]}
    open_tracker(page, site, {**THREE, "list": [beta]})
    expect(item(page, "Beta").locator("[data-overdue]")).to_have_text(
        "Overdue: Final check-in, Thursday, November 19")
    expect(item(page, "Beta").locator("[data-next]")).to_have_text("")


def test_a_mark_is_kept_beside_a_full_list_of_ticks(site, page):
    """Ticks are kept up to a length: the newest first."""
    beta = {**THREE["list"][1], "ticks": {"follow-up": [f"x{n}" for n in range(500)]}}
    open_tracker(page, site, {**THREE, "list": [beta]})
    item(page, "Beta").get_by_role("button", name="Mark as done: Send your thank-you note").click()
    page.reload(wait_until="networkidle")
    expect(item(page, "Beta").locator("[data-overdue]")).to_be_hidden()


def test_the_first_versions_details_appear_as_the_first_interview(site, page):
    page.goto(site.url, wait_until="networkidle")
    keep(page, OLD_DETAILS_KEY, {"v": 1, "values": {"company": "Northwind", "interview_date": "2026-11-20"}})
    open_tracker(page, site)
    expect(items(page).locator("h2")).to_have_text(["Northwind"])
    assert chosen(stored(page, READER_KEY))["f"] == {"company": "Northwind", "interview_date": "2026-11-20"}


def test_without_javascript_it_says_what_it_needs(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + "follow-ups/")
    expect(page.locator("[data-atl-tracker]")).to_be_hidden()
    note = page.locator(".atl-no-js")
    expect(note).to_be_visible()
    expect(note).to_contain_text("This page needs JavaScript")
    expect(page.get_by_role("heading", name="Your data")).to_be_hidden()  # its buttons need it too
    note.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("After the interview")


def test_prints_one_page_of_interviews_and_dates(site, page):
    open_tracker(page, site, THREE)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) == 1
    for words in ("Acme, Analyst", "Beta", "Gamma", "Overdue: Send your thank-you note", "Next: First check-in"):
        assert words in text
    for control in ("Mark as done: Send your thank-you note", "Add all to calendar", "Remove", "Download my data"):
        assert control not in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    open_tracker(page, site, THREE)
    item(page, "Acme").get_by_role("button", name="Edit").click()
    assert axe_violations(page) == []
