"""The follow-up planner in Chromium: the tables of date cases (weekends; public holidays by
region), a property test against the `holidays` package, the timeline, the calendar file."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import holidays
import icalendar
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
    stored,
)
from conftest import READER_KEY
from playwright.sync_api import expect
from sitebuild import build_site, serving, write_site

DATA = Path(__file__).parent / "data"
TABLE = json.loads((DATA / "planner_cases.json").read_text(encoding="utf-8"))
HOLIDAYS = json.loads((DATA / "holiday_cases.json").read_text(encoding="utf-8"))
COMPANY = "Smith, Jones; & Co\\"
# long and far from ASCII, so that its summary is folded in the middle of multi-byte text
ROLE = "Sénior Anälyst für Qualitätssicherung — 東京オフィス"
SITE_RULES = [  # docs/timing.md's rules, as the property test's oracle reads them
    ("thank-you", [("interview", 1)]), ("first-check-in", [("decision", 2), ("interview", 7)]),
    ("final-check-in", [("first-check-in", 5)]), ("move-on", [("final-check-in", 5)])]


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


def plans(page, region, cases):
    """The page's own plans for `cases` ({interview, decision}), with the region's holidays as
    the page fetches them (none for no region)."""
    return page.evaluate(
        """async ([region, cases]) => {
             const table = region ? await atl.calendar.holidays(region) : {};
             const steps = JSON.parse(document.querySelector("[data-planner]").dataset.steps);
             return cases.map((given) => atl.calendar.plan(steps, given, "2026-01-01", table));
           }""", [region, cases])


@pytest.mark.parametrize("case", TABLE["cases"], ids=[case["name"] for case in TABLE["cases"]])
def test_date_cases(site, changed_site, page, case):
    open_planner(page, site.url + "timing/" if case["rules"] == "site" else changed_site)
    given = {"interview": case["interview"], "decision": case.get("decision", "")}
    dates = page.evaluate(
        """([given, today]) => atl.calendar.plan(
             JSON.parse(document.querySelector("[data-planner]").dataset.steps), given, today)""",
        [given, case["today"]],
    )
    found = {d["id"]: d for d in dates}
    assert {i: [found[i]["date"], found[i]["state"]] for i in case["expect"]} == case["expect"]
    assert {i: found[i]["from"] for i in case.get("from", {})} == case.get("from", {})


@pytest.mark.parametrize("case", HOLIDAYS["cases"], ids=[case["name"] for case in HOLIDAYS["cases"]])
def test_holiday_cases(site, page, case):
    open_planner(page, site.url + "timing/")
    [dates] = plans(page, case["region"], [{"interview": case["interview"], "decision": case.get("decision", "")}])
    found = {d["id"]: d for d in dates}
    assert {i: found[i]["date"] for i in case["expect"]} == case["expect"]
    assert {i: [day for day, _ in found[i]["skipped"]] for i in case.get("skipped", {})} == case.get("skipped", {})
    assert {i: found[i]["unknown"] for i in case.get("unknown", {})} == case.get("unknown", {})


def oracle_plan(region, interview, decision, known_years):
    """The site's rules worked out here, with the holidays package and a plain loop over days."""
    country, _, subdiv = region.partition("-")
    table = holidays.country_holidays(country, subdiv=subdiv or None, years=known_years)

    def working(day):
        return day.weekday() < 5 and not (day.year in known_years and day in table)

    def after(day, count):
        if count == 0:
            while not working(day):
                day += timedelta(days=1)
        while count:
            day += timedelta(days=1)
            count -= working(day)
        return day

    known = {"interview": interview}
    if decision and decision >= interview:
        known["decision"] = decision
    for step_id, rule in SITE_RULES:
        start, count = next((start, count) for start, count in rule if start in known)
        known[step_id] = after(known[start], count)
    return {step_id: known[step_id].isoformat() for step_id, _ in SITE_RULES}


def test_every_region_matches_the_holidays_package_on_200_dates(site, page):
    """For each region the site offers, some 200 interview dates across the years it knows
    (seeded, with and without a decision date): the page's dates are the oracle's."""
    open_planner(page, site.url + "timing/")
    regions = [o for o in page.locator("#atl-field-region option").evaluate_all("os => os.map(o => o.value)")]
    assert len(regions) == 27
    known_years = range(2025, 2029)  # the year before the build's, to two after
    rng = random.Random(20261122)
    for region in regions:
        cases = []
        for _ in range(200):
            day = date(2025, 1, 1) + timedelta(days=rng.randrange(4 * 365))
            decision = day + timedelta(days=rng.randrange(-5, 40)) if rng.random() < 0.5 else None
            cases.append((day, decision))
        found = plans(page, region, [{"interview": d.isoformat(), "decision": e.isoformat() if e else ""}
                                     for d, e in cases])
        for (day, decision), dates in zip(cases, found):
            want = oracle_plan(region, day, decision, known_years)
            assert {d["id"]: d["date"] for d in dates} == want, (region, day, decision)


def test_the_timeline_follows_the_form(site, page):
    open_planner(page, site.url + "timing/")
    expect(page.locator("[data-plan-status]")).to_have_text("Enter your interview date to see your dates.")
    expect(page.get_by_role("button", name="Add to calendar")).to_be_disabled()
    fill(page, interview_date="2026-11-20", interview_time="14:30")  # a Friday
    # written the region's way (the site starts with the US), without this year's number
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23, by 2:30 PM")
    # the US: Thanksgiving is not a working day, and the step says so
    expect(step(page, "first-check-in").locator("[data-step-date]")).to_have_text("Wednesday, December 2")
    expect(step(page, "first-check-in").locator("[data-step-note]")).to_have_text(
        "Thursday, November 26 is a public holiday, Thanksgiving Day, so it does not count as a working day.")
    expect(page.locator("[data-plan-status]")).to_have_text(
        "Next: Send your thank-you note, Monday, November 23, by 2:30 PM.")
    fill(page, decision_date="2026-12-04")  # a Friday: two business days later is Tuesday
    expect(step(page, "first-check-in").locator("[data-step-date]")).to_have_text("Tuesday, December 8")
    expect(step(page, "move-on").locator("[data-step-date]")).to_have_text("Tuesday, December 22")
    fill(page, decision_date="2026-11-13")
    expect(page.locator("[data-plan-status]")).to_contain_text("The decision date is before the interview")
    expect(step(page, "first-check-in").locator("[data-step-date]")).to_have_text("Wednesday, December 2")
    expect(page.get_by_role("button", name="Add to calendar")).to_be_enabled()
    # each step links to its note template and checklist section
    step(page, "first-check-in").get_by_role("link", name="Check-in after their date").click()
    expect(page).to_have_url(site.url + "note-templates/#check-in-after-their-decision-date")
    expect(page.locator("#check-in-after-their-decision-date")).to_be_in_viewport()
    page.go_back()
    step(page, "first-check-in").get_by_role("link", name="Check-in if they gave no date").click()
    expect(page.locator("#check-in-when-they-gave-no-date")).to_be_in_viewport()


def test_a_site_that_offers_no_region_counts_weekends_and_says_nothing_more(changed_site, page):
    """Its rules in words say public holidays are not skipped, so no step adds that it does
    not know them; a region kept from another edition's file asks for no holidays."""
    page.goto(changed_site, wait_until="networkidle")
    keep(page, "/:reader:data", {"v": 2, "you": {}, "at": "aaaaaa", "list": [interview("aaaaaa", region="GB-ENG")]})
    asked = []
    page.on("request", lambda request: "/holidays/" in request.url and asked.append(request.url))
    open_planner(page, changed_site)
    fill(page, interview_date="2026-12-24")
    expect(step(page, "nudge").locator("[data-step-date]")).to_have_text("Tuesday 29 December")  # Christmas counted
    for step_id in ("thanks", "nudge"):
        expect(step(page, step_id).locator("[data-step-note]")).to_be_empty()
    assert asked == []


def test_the_region_is_chosen_kept_and_says_what_a_holiday_moved(site, page):
    """England: Christmas Day and Boxing Day's substitute Monday are not working days, and
    the steps they moved say so. The choice is the interview's: a new one starts where the job
    shown is, and choosing another region for it leaves the first one as it was."""
    open_planner(page, site.url + "timing/", now="2026-12-01T09:00:00Z")
    region = page.get_by_label("Where the job is")
    expect(region).to_have_value("US")  # the site's default
    fill(page, interview_date="2026-12-11")
    expect(step(page, "final-check-in").locator("[data-step-date]")).to_have_text("Wednesday, December 30")
    region.select_option("GB-ENG")
    final = step(page, "final-check-in")
    expect(final.locator("[data-step-date]")).to_have_text("Thursday 31 December")
    expect(final.locator("[data-step-note]")).to_have_text(
        "Public holidays do not count as working days: Friday 25 December, Christmas Day; "
        "Monday 28 December, Boxing Day (observed).")
    expect(step(page, "move-on").locator("[data-step-date]")).to_have_text("Friday 8 January 2027")
    expect(step(page, "thank-you").locator("[data-step-note]")).to_be_empty()
    assert chosen(stored(page, READER_KEY))["f"] == {"interview_date": "2026-12-11", "region": "GB-ENG"}
    page.get_by_role("button", name="Add an interview").click()
    expect(page.get_by_label("Interview date")).to_have_value("")
    expect(region).to_have_value("GB-ENG")
    page.reload(wait_until="networkidle")
    expect(region).to_have_value("GB-ENG")
    fill(page, interview_date="2030-12-24")  # the site knows holidays up to 2028
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Wednesday 25 December 2030")
    expect(step(page, "thank-you").locator("[data-step-note]")).to_have_text(
        "Public holidays for 2030 are not known here, so only weekends are skipped.")
    expect(step(page, "first-check-in").locator("[data-step-note]")).to_have_text(  # once, for both years
        "Public holidays for 2030 and 2031 are not known here, so only weekends are skipped.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear these details").click()  # what was typed, not the region
    expect(page.get_by_label("Interview date")).to_have_value("")
    expect(region).to_have_value("GB-ENG")
    assert chosen(stored(page, READER_KEY))["f"] == {"region": "GB-ENG"}
    region.select_option("US")  # this interview's choice only
    page.locator("#atl-pick").select_option(label="Interview 1")
    expect(region).to_have_value("GB-ENG")
    expect(step(page, "final-check-in").locator("[data-step-date]")).to_have_text("Thursday 31 December")
    assert stored(page, READER_KEY)["you"] == {}


def test_a_regions_holidays_are_fetched_only_when_it_is_used(site, page):
    fetched = []
    page.on("request", lambda r: "/holidays/" in r.url and fetched.append(r.url.rsplit("/", 1)[1]))
    open_planner(page, site.url + "timing/")
    assert fetched == []  # no date, no plan: the default region's file is not needed yet
    page.get_by_label("Where the job is").select_option("NZ")
    fill(page, interview_date="2027-02-05")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Tuesday 9 February 2027")
    assert fetched == ["NZ.json"]


def test_no_other_regions_dates_while_this_ones_holidays_are_on_their_way(site, page):
    """Switched to an interview whose region's holidays have not come yet, the planner says it
    is looking them up: the dates of the interview shown before do not stay, and neither does
    a calendar button that would file them under this one."""
    errors = own_script_errors(page)
    page.goto(site.url, wait_until="networkidle")
    keep(page, READER_KEY, {"v": 2, "you": {}, "at": "aaaaaa", "list": [
        interview("aaaaaa", company="Acme", interview_date="2026-11-20", region="US"),
        interview("bbbbbb", company="Kiwi", interview_date="2027-02-05", region="NZ")]})
    held = []
    page.route("**/holidays/NZ.json", lambda route: held.append(route))  # it arrives when the test lets it
    open_planner(page, site.url + "timing/")
    thank_you = step(page, "thank-you").locator("[data-step-date]")
    expect(thank_you).to_have_text("Monday, November 23")
    calendar = page.get_by_role("button", name="Add to calendar")
    expect(calendar).to_be_enabled()
    page.get_by_label("Interview", exact=True).select_option(label="Kiwi")
    expect(page.locator("[data-plan-status]")).to_have_text("Looking up the public holidays where the job is…")
    expect(thank_you).to_be_empty()
    expect(step(page, "thank-you")).not_to_have_attribute("data-state", "next")
    expect(calendar).to_be_disabled()
    held[0].fallback()
    expect(thank_you).to_have_text("Tuesday 9 February 2027")
    expect(step(page, "thank-you").locator("[data-step-note]")).to_have_text(
        "Monday 8 February 2027 is a public holiday, Waitangi Day (observed), so it does not count as a working day.")
    expect(calendar).to_be_enabled()
    assert errors == []


def test_today_is_the_readers_own_date(site, new_page):
    page = new_page(timezone_id="Pacific/Auckland")
    open_planner(page, site.url + "timing/", now="2026-11-22T20:30:00Z")  # Monday 09:30 there
    fill(page, interview_date="2026-11-20")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23 (today)")
    expect(step(page, "thank-you")).to_have_attribute("data-state", "next")


def download_calendar(page):
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar").click()
    # named after the interview, so that two interviews' files differ ("Interview 1" until it has a name)
    assert download.value.suggested_filename.endswith(" follow-up.ics")
    return Path(download.value.path()).read_bytes()


def test_a_calendar_file_whose_code_does_not_load_says_so_and_is_tried_again(site, page):
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20")
    page.route("**/files.js", lambda route: route.abort())  # offline, and the code not kept
    page.get_by_role("button", name="Add to calendar").click()
    status = page.locator("[data-plan-calendar-status]")
    expect(status).to_have_text("The file could not be made: part of this page did not load. "
                                "Check your connection, then try again.")
    page.unroute("**/files.js")
    download_calendar(page)
    expect(status).to_have_text("Dates downloaded: 4. Open the file to add them to your calendar.")


def test_the_calendar_file_holds_the_dates_and_the_texts(site, page):
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20", decision_date="2026-11-27", company=COMPANY, role=ROLE)
    raw = download_calendar(page)
    expect(page.locator("[data-plan-calendar-status]")).to_have_text(
        "Dates downloaded: 4. Open the file to add them to your calendar.")

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
    one = chosen(stored(page, READER_KEY))
    # what identifies the interview (its id, made when it was added) and the step: nothing else
    assert [str(e["UID"]) for e in events] == [f"{one['id']}-{s}@127.0.0.1" for s, _ in SITE_RULES]
    for event in events:
        start = event["DTSTART"].dt
        assert not isinstance(start, datetime) and event["DTEND"].dt == start + timedelta(days=1)  # all day
        assert event["DTSTAMP"].dt == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(hours=9)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    description = str(events[1]["DESCRIPTION"])
    assert description.startswith("Tuesday, December 1\n2 business days after the decision date")
    assert f"Check-in after their date: {site.url}note-templates/#check-in-after-their-decision-date" in description
    assert f"Check-in if they gave no date: {site.url}note-templates/#check-in-when-they-gave-no-date" in description


@pytest.mark.parametrize("time, thank_you_alarm", [
    ("08:30", timedelta(hours=7, minutes=30)), ("00:20", timedelta(0)),
    ("10:00", timedelta(hours=9)), ("", timedelta(hours=9)),
])
def test_a_step_due_by_an_early_time_is_reminded_an_hour_before_it(site, page, time, thank_you_alarm):
    """The thank-you is due by the interview's time of day the next business day: a reminder
    at 9:00 would come after an 8:30 deadline."""
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20", interview_time=time)
    events = icalendar.Calendar.from_ical(download_calendar(page)).walk("VEVENT")
    alarms = [event.walk("VALARM")[0]["TRIGGER"].dt for event in events]
    assert alarms == [thank_you_alarm] + [timedelta(hours=9)] * 3  # the other steps have no time


def minutes_since_2026(at):
    return int((datetime.fromisoformat(at) - datetime(2026, 1, 1, tzinfo=UTC)).total_seconds() // 60)


def test_a_new_download_updates_the_same_events(site, page):
    """Editing the job title, the company or a date after a first download keeps every UID, and
    the later file has the higher SEQUENCE: the reader's calendar updates its events instead of
    doubling them or keeping the old dates."""
    open_planner(page, site.url + "timing/", now="2026-11-20T09:00:00Z")
    fill(page, interview_date="2026-11-20", company="Acme")
    first = icalendar.Calendar.from_ical(download_calendar(page)).walk("VEVENT")
    page.clock.set_fixed_time(datetime.fromisoformat("2026-11-23T18:30:00Z"))
    fill(page, role="Analyst", company="Acme Ltd", decision_date="2026-12-04")
    second = icalendar.Calendar.from_ical(download_calendar(page)).walk("VEVENT")
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second] and len(second) == 4
    assert {e["SEQUENCE"] for e in first} == {minutes_since_2026("2026-11-20T09:00:00Z")}
    assert {e["SEQUENCE"] for e in second} == {minutes_since_2026("2026-11-23T18:30:00Z")}


def test_control_characters_and_half_emoji_never_reach_the_calendar(site, page):
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20")
    page.locator("#atl-field-company").evaluate("""(input) => {
        input.value = "Acme\\u0007 Ltd\\u0000 \\ud83d";
        input.dispatchEvent(new Event("input", {bubbles: true})); }""")
    raw = download_calendar(page)
    text = raw.decode("utf-8")  # valid UTF-8: no half emoji
    assert not any(ord(c) < 32 and c not in "\r\n" for c in text.replace("\r\n ", ""))
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    assert summaries[0] == "Send your thank-you note: Acme Ltd \ufffd"


@pytest.mark.parametrize("value", ["10000-01-01", "275760-01-01", "0999-01-01", "0026-12-01", "2026-02-30",
                                   "2027-02-29"])
def test_a_date_out_of_range_is_no_date(site, page, value):
    """A year of five digits, or before 1900 (a year of two digits typed, 0026), or a day the
    calendar does not have, is no date: the page says to check it, and nothing throws."""
    errors = own_script_errors(page)
    page.goto(site.url, wait_until="networkidle")
    one = interview("a1b2c3", interview_date=value)
    keep(page, READER_KEY, {"v": 2, "you": {}, "at": "a1b2c3", "list": [one]})
    open_planner(page, site.url + "timing/")
    expect(page.locator("[data-plan-status]")).to_have_text(
        "This interview date is not one the planner can use: check its day, month and year (four digits).")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_be_empty()
    assert page.locator("#atl-field-interview_date").get_attribute("max") == "2999-12-31"
    assert errors == []


def test_a_step_marked_done_on_your_follow_ups_says_so_and_the_next_one_follows(site, page):
    """The thank-you sent the same evening, marked done before its date: the planner says
    "done" and points at the first check-in, as Your follow-ups does."""
    open_planner(page, site.url + "timing/")
    keep(page, READER_KEY, {"v": 2, "you": {}, "at": "a1b2c3",
                            "list": [{**interview("a1b2c3", interview_date="2026-11-20"), "done": ["thank-you"]}]})
    page.reload(wait_until="networkidle")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23 (done)")
    expect(step(page, "thank-you")).to_have_attribute("data-state", "done")
    expect(step(page, "first-check-in")).to_have_attribute("data-state", "next")
    expect(step(page, "final-check-in")).to_have_attribute("data-state", "ahead")
    # Thanksgiving skipped
    expect(page.locator("[data-plan-status]")).to_have_text("Next: First check-in, Wednesday, December 2.")
    events = icalendar.Calendar.from_ical(download_calendar(page)).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["First check-in", "Final check-in", "Move on"]


def test_the_calendar_holds_only_the_dates_ahead(site, page):
    open_planner(page, site.url + "timing/", now="2026-11-24T09:00:00Z")
    fill(page, interview_date="2026-11-20")
    # passed and not marked done: overdue, as Your follow-ups says it
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23 (overdue)")
    expect(step(page, "thank-you")).to_have_attribute("data-state", "overdue")
    expect(page.locator("[data-plan-status]")).to_have_text(
        "Overdue: Send your thank-you note, Monday, November 23. Next: First check-in, Wednesday, December 2.")
    events = icalendar.Calendar.from_ical(download_calendar(page)).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["First check-in", "Final check-in", "Move on"]
    fill(page, interview_date="2026-11-02")  # only the last step is still to come
    expect(step(page, "final-check-in")).to_have_attribute("data-state", "overdue")
    expect(step(page, "first-check-in")).to_have_attribute("data-state", "passed")
    fill(page, interview_date="2026-01-05")  # the plan's last step passed: it is over, nothing overdue
    expect(step(page, "move-on").locator("[data-step-date]")).to_have_text("Thursday, January 29 (passed)")
    expect(page.locator("[data-plan-status]")).to_have_text(
        "Nothing left to do in this plan: every date has passed or is marked done.")
    expect(page.get_by_role("button", name="Add to calendar")).to_be_disabled()


def test_details_are_shared_with_the_note_templates(site, page):
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20", company=COMPANY)
    page.locator('nav.md-nav--primary a[href$="/note-templates/"]').first.click()
    expect(page.locator("#atl-field-company")).to_have_value(COMPANY)
    expect(page.locator('mark[data-field="interview_date"]').first).to_have_text("Friday, November 20")
    fill(page, role="Analyst")
    page.locator('nav.md-nav--primary a[href$="/timing/"]').first.click()
    expect(page.locator("#atl-field-role")).to_have_value("Analyst")
    expect(page.locator("#atl-field-interview_time")).to_have_value("")
    one = chosen(stored(page, READER_KEY))
    assert one["f"] == {"interview_date": "2026-11-20", "company": COMPANY, "role": "Analyst"}
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear these details").click()
    expect(step(page, "thank-you").locator("[data-step-date]")).to_be_empty()
    assert chosen(stored(page, READER_KEY))["f"] == {}


def test_the_planner_follows_the_chosen_interview(site, page):
    page.goto(site.url, wait_until="networkidle")
    keep(page, READER_KEY, {"v": 2, "you": {}, "at": "aaaaaa", "list": [
        interview("aaaaaa", company="Acme", interview_date="2026-11-20"),
        interview("bbbbbb", company="Beta", interview_date="2026-11-24")]})
    open_planner(page, site.url + "timing/")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23")
    page.get_by_label("Interview", exact=True).select_option(label="Beta")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Wednesday, November 25")
    expect(page.locator("#atl-field-company")).to_have_value("Beta")


def test_instant_navigation_away_and_back(site, page):
    count_storage_writes(page, "reader")
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20")
    away_and_back(page, "/timing/", "Timing and check-ins", via="/checklist/", via_heading="Follow-up checklist")
    expect(page.locator("#atl-field-interview_date")).to_have_value("2026-11-20")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23")
    page.evaluate("window.__writes = 0")
    page.locator("#atl-field-company").press_sequentially("QA")
    assert page.evaluate("window.__writes") == 2, "the input handler is bound more than once"
    with page.expect_download():
        page.get_by_role("button", name="Add to calendar").click()
    expect(page.locator("[data-plan-calendar-status]")).to_contain_text("Dates downloaded: 4.")


@pytest.mark.parametrize("broken", list(BROKEN_STORAGE.values()), ids=list(BROKEN_STORAGE))
def test_broken_storage_leaves_a_working_planner(site, page, broken):
    errors = own_script_errors(page)
    break_storage(page, READER_KEY, broken)
    open_planner(page, site.url + "timing/")
    fill(page, interview_date="2026-11-20")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_have_text("Monday, November 23")
    download_calendar(page)
    assert errors == []


def test_without_javascript_the_rules_are_in_words(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + "timing/")
    expect(page.locator("form[data-planner]")).to_be_hidden()
    expect(page.locator(".atl-plan__calendar")).to_be_hidden()
    said = page.get_by_text("With JavaScript on, the planner works out each step's date from your interview date.")
    expect(said).to_be_visible()
    rules = page.locator("[data-step-rule]")
    expect(rules).to_have_text([
        "1 business day after the interview, by the same time of day.",
        ("2 business days after the decision date they gave you; if they gave none, "
         "7 business days after the interview."),
        "5 business days after your first check-in.",
        "5 business days after your final check-in.",
    ])
    expect(page.locator(".atl-plan__weekends")).to_have_text(
        "Business days are working days: they skip Saturdays, Sundays and the public holidays "
        "where the job is.")
    expect(step(page, "final-check-in").get_by_role("link", name="Final check-in template")).to_be_visible()
    page.emulate_media(media="print")  # paper has no JavaScript to turn on
    expect(said).to_be_hidden()
    expect(rules.first).to_be_visible()


def test_prints_the_timeline_with_its_dates_and_no_form(site, page):
    open_planner(page, site.url + "timing/")
    page.get_by_label("Where the job is").select_option("GB-ENG")
    fill(page, interview_date="2026-12-11", company="Northwind", role="Analyst")
    page.emulate_media(media="print")
    expect(page.locator("form[data-planner]")).to_be_hidden()
    expect(page.locator(".atl-plan__calendar")).to_be_hidden()
    # of the picker, only which interview the dates are for
    expect(page.get_by_label("Interview", exact=True)).to_be_hidden()
    expect(page.get_by_role("button", name="Add an interview")).to_be_hidden()
    expect(page.locator("[data-atl-picker-for]")).to_be_visible()
    expect(page.locator("[data-atl-picker-for]")).to_have_text("For: Northwind, Analyst")
    expect(step(page, "thank-you").locator("[data-step-date]")).to_be_visible()
    expect(step(page, "final-check-in").locator("[data-step-note]")).to_contain_text("Christmas Day")
    expect(page.locator(".atl-plan__weekends")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    open_planner(page, site.url + "timing/", now="2026-11-24T09:00:00Z")
    page.get_by_label("Where the job is").select_option("GB-ENG")
    fill(page, interview_date="2026-12-11", decision_date="2026-11-13", company=COMPANY)
    expect(step(page, "final-check-in").locator("[data-step-note]")).not_to_be_empty()
    page.locator("#atl-field-role").focus()
    assert axe_violations(page) == []
