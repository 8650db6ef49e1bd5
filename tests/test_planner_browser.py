"""The follow-up planner in Chromium: the table of date cases, the timeline, the calendar file."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from axe import axe_violations
from browsers import (
    BROKEN_STORAGE,
    away_and_back,
    break_storage,
    count_storage_writes,
    own_script_errors,
)
from conftest import DETAILS_KEY as KEY
from playwright.sync_api import expect
from sitebuild import build_site, serving, write_site

TABLE = json.loads((Path(__file__).parent / "data/planner_cases.json").read_text(encoding="utf-8"))
COMPANY = "Smith, Jones; & Co\\"
# long and far from ASCII, so that its summary is folded in the middle of multi-byte text
ROLE = "Sénior Anälyst für Qualitätssicherung — 東京オフィス"


@pytest.fixture(scope="session")
def changed_site(tmp_path_factory):
    """A fixture site whose planner page has the table's changed rules."""
    root = tmp_path_factory.mktemp("changed")
    page = f"---\nplanner: {json.dumps(TABLE['changed_rules'])}\n---\n# Plan\n\n## Later\n"
    config = write_site(root, {"index.md": page})
    with serving(root / "site") as origin:
        build_site(config, root / "site", origin + "/")
        yield origin + "/"


def open_planner(page, url, now="2026-11-20T09:00:00Z"):
    """The planner page on a fixed clock (the reader's 'today')."""
    page.clock.set_fixed_time(datetime.fromisoformat(now))
    page.goto(url, wait_until="networkidle")
    expect(page.locator("form[data-planner]")).to_be_visible()


def step(page, step_id):
    return page.locator(f'[data-step="{step_id}"]')


def fill(page, **values):
    for name, value in values.items():
        page.fill(f"#atl-field-{name}", value)


@pytest.mark.parametrize("case", TABLE["cases"], ids=[case["name"] for case in TABLE["cases"]])
def test_date_cases(site, changed_site, page, case):
    open_planner(page, site.url + "timing/" if case["rules"] == "site" else changed_site)
    given = {"interview": case["interview"], "decision": case.get("decision", "")}
    dates = page.evaluate(
        """([given, today]) => atl.planner.plan(
             JSON.parse(document.querySelector("[data-planner]").dataset.steps), given, today)""",
        [given, case["today"]],
    )
    found = {d["id"]: d for d in dates}
    assert {i: [found[i]["date"], found[i]["state"]] for i in case["expect"]} == case["expect"]
    assert {i: found[i]["from"] for i in case.get("from", {})} == case.get("from", {})


def test_the_timeline_follows_the_form(site, page):
    open_planner(page, site.url + "timing/")
    expect(page.locator("[data-plan-status]")).to_have_text("Enter your interview date to see your dates.")
    expect(page.get_by_role("button", name="Add to calendar")).to_be_disabled()
    fill(page, interview_date="2026-11-20", interview_time="14:30")  # a Friday
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23, 2026, by 14:30")
    expect(step(page, "first-check-in").locator("[data-step-date]")).to_have_text("Tuesday, December 1, 2026")
    expect(page.locator("[data-plan-status]")).to_have_text(
        "Next: Send your thank-you note, Monday, November 23, 2026, by 14:30.")
    fill(page, decision_date="2026-12-04")  # a Friday: two business days later is Tuesday
    expect(step(page, "first-check-in").locator("[data-step-date]")).to_have_text("Tuesday, December 8, 2026")
    expect(step(page, "move-on").locator("[data-step-date]")).to_have_text("Tuesday, December 22, 2026")
    fill(page, decision_date="2026-11-13")
    expect(page.locator("[data-plan-status]")).to_contain_text("The decision date is before the interview")
    expect(step(page, "first-check-in").locator("[data-step-date]")).to_have_text("Tuesday, December 1, 2026")
    expect(page.get_by_role("button", name="Add to calendar")).to_be_enabled()
    # each step links to its note template and checklist section
    step(page, "first-check-in").get_by_role("link", name="Check-in template").click()
    expect(page).to_have_url(site.url + "note-templates/#check-in-after-their-decision-date")
    expect(page.locator("#check-in-after-their-decision-date")).to_be_in_viewport()


def test_today_is_the_readers_own_date(site, new_page):
    page = new_page(timezone_id="Pacific/Auckland")
    open_planner(page, site.url + "timing/", now="2026-11-22T20:30:00Z")  # Monday 09:30 there
    fill(page, interview_date="2026-11-20")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23, 2026 (today)")
    expect(step(page, "thank-you")).to_have_attribute("data-state", "next")


def download_calendar(page):
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar").click()
    assert download.value.suggested_filename == "interview-follow-up.ics"
    return Path(download.value.path()).read_bytes()


def test_the_calendar_file_holds_the_dates_and_the_texts(site, page):
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20", decision_date="2026-11-27", company=COMPANY, role=ROLE)
    raw = download_calendar(page)
    expect(page.locator("[data-plan-calendar-status]")).to_have_text(
        "Downloaded 4 dates. Open the file to add them to your calendar.")

    # RFC 5545: CRLF line ends, lines of at most 75 octets, long ones folded
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75 and any(line.startswith(b" ") for line in lines)
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")  # folding never cuts a character in two
    assert f"SUMMARY:Final check-in: {ROLE} at Smith\\, Jones\\; & Co\\\\\r\n" in unfolded  # escaped

    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    about = f"{ROLE} at {COMPANY}"
    assert [(str(e["SUMMARY"]), e["DTSTART"].dt) for e in events] == [
        (f"Send your thank-you note: {about}", date(2026, 11, 23)),
        (f"First check-in: {about}", date(2026, 12, 1)),
        (f"Final check-in: {about}", date(2026, 12, 8)),
        (f"Move on: {about}", date(2026, 12, 15)),
    ]
    assert len({str(e["UID"]) for e in events}) == 4
    for event in events:
        start = event["DTSTART"].dt
        assert not isinstance(start, datetime) and event["DTEND"].dt == start + timedelta(days=1)  # all day
        assert event["DTSTAMP"].dt == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(hours=9)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    description = str(events[1]["DESCRIPTION"])
    assert description.startswith("Tuesday, December 1, 2026\n2 business days after the decision date")
    assert f"Check-in template: {site.url}note-templates/#check-in-after-their-decision-date" in description


def test_the_calendar_holds_only_the_dates_ahead(site, page):
    open_planner(page, site.url + "timing/", now="2026-11-24T09:00:00Z")
    fill(page, interview_date="2026-11-20")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23, 2026 (passed)")
    expect(step(page, "thank-you")).to_have_attribute("data-state", "passed")
    events = icalendar.Calendar.from_ical(download_calendar(page)).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["First check-in", "Final check-in", "Move on"]
    fill(page, interview_date="2026-01-05")
    expect(page.locator("[data-plan-status]")).to_have_text("Every date in this plan has passed.")
    expect(page.get_by_role("button", name="Add to calendar")).to_be_disabled()


def test_details_are_shared_with_the_note_templates(site, page):
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20", company=COMPANY)
    page.locator('nav.md-nav--primary a[href$="/note-templates/"]').first.click()
    expect(page.locator("#atl-field-company")).to_have_value(COMPANY)
    expect(page.locator('mark[data-field="interview_date"]').first).to_have_text("Friday, November 20, 2026")
    fill(page, role="Analyst")
    page.locator('nav.md-nav--primary a[href$="/timing/"]').first.click()
    expect(page.locator("#atl-field-role")).to_have_value("Analyst")
    expect(page.locator("#atl-field-interview_time")).to_have_value("")
    stored = json.loads(page.evaluate("(key) => localStorage.getItem(key)", KEY))
    assert stored == {"v": 1, "values": {"interview_date": "2026-11-20", "company": COMPANY, "role": "Analyst"}}
    page.get_by_role("button", name="Clear my details").click()
    expect(step(page, "thank-you").locator("[data-step-date]")).to_be_empty()
    assert page.evaluate("(key) => localStorage.getItem(key)", KEY) is None


def test_instant_navigation_away_and_back(site, page):
    count_storage_writes(page, "details")
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20")
    away_and_back(page, "/timing/", "Timing and check-ins", via="/checklist/", via_heading="Follow-up checklist")
    expect(page.locator("#atl-field-interview_date")).to_have_value("2026-11-20")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23, 2026")
    page.evaluate("window.__writes = 0")
    page.locator("#atl-field-company").press_sequentially("QA")
    assert page.evaluate("window.__writes") == 2, "the input handler is bound more than once"
    with page.expect_download():
        page.get_by_role("button", name="Add to calendar").click()
    expect(page.locator("[data-plan-calendar-status]")).to_contain_text("Downloaded 4 dates")


@pytest.mark.parametrize("broken", list(BROKEN_STORAGE.values()), ids=list(BROKEN_STORAGE))
def test_broken_storage_leaves_a_working_planner(site, page, broken):
    errors = own_script_errors(page)
    break_storage(page, KEY, broken)
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23, 2026")
    download_calendar(page)
    assert errors == []


def test_without_javascript_the_rules_are_in_words(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + "timing/")
    expect(page.locator("form[data-planner]")).to_be_hidden()
    expect(page.locator(".atl-plan__calendar")).to_be_hidden()
    rules = page.locator("[data-step-rule]")
    expect(rules).to_have_text([
        "1 business day after the interview, by the same time of day.",
        ("2 business days after the decision date they gave you; if they gave none, "
         "7 business days after the interview."),
        "5 business days after your first check-in.",
        "5 business days after your final check-in.",
    ])
    expect(step(page, "final-check-in").get_by_role("link", name="Final check-in template")).to_be_visible()


def test_prints_the_timeline_with_its_dates_and_no_form(site, page):
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20")
    page.emulate_media(media="print")
    expect(page.locator("form[data-planner]")).to_be_hidden()
    expect(page.locator(".atl-plan__calendar")).to_be_hidden()
    expect(step(page, "thank-you").locator("[data-step-date]")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    open_planner(page, site.url + "timing/", now="2026-11-24T09:00:00Z")
    fill(page, interview_date="2026-11-20", decision_date="2026-11-13", company=COMPANY)
    expect(step(page, "thank-you")).to_have_attribute("data-state", "passed")
    page.locator("#atl-field-role").focus()
    assert axe_violations(page) == []
