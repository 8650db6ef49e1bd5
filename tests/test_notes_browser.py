"""The note-templates page in Chromium: fill, preview, copy, email, keep, clear, per interviewer."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import unquote

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
from conftest import OLD_DETAILS_KEY, READER_KEY
from notes import read_notes
from playwright.sync_api import expect
from sitebuild import ROOT

PAYLOAD = "<img src=x onerror=alert(1)>"
SOURCES = {str(p.relative_to(ROOT)): p.read_text() for p in (ROOT / "docs/note-templates").glob("*.md")}
_, FIELDS, NOTES = read_notes("docs/note-templates", dict(SOURCES))
TEMPLATES = {note.id: note for note in NOTES}
NOW = datetime.fromisoformat("2026-11-21T09:00:00Z")  # the reader's clock in these tests


def expected(note_id, values):
    """Subject and body as the reader should get them: values, else the bracketed label."""
    note = TEMPLATES[note_id]
    text = lambda parts: "".join(
        p.text or values.get(p.field) or f"[{FIELDS[p.field].label}]" for p in parts)
    return text(note.subject), text(note.body)


def copied(*texts):
    """What a copy button says: the blanks left in `texts` (as `expected` gives them), each once."""
    blanks = list(dict.fromkeys(re.findall(r"\[[^\]]+\]", "".join(texts))))
    return f"Copied to the clipboard. Still in brackets, to fill in before you send it: {', '.join(blanks)}." \
        if blanks else "Copied to the clipboard."


def open_notes(page, site):
    page.clock.set_fixed_time(NOW)
    page.goto(site.url + "note-templates/", wait_until="networkidle")
    expect(page.locator("form[data-notes]")).to_be_visible()


def note(page, note_id):
    return page.locator(f'[data-note="{note_id}"]')


def field(page, field_id, person=0):
    """A field's input: an interviewer's fields are in that interviewer's row."""
    suffix = f"-{person}" if FIELDS[field_id].scope == "interviewer" else ""
    return page.locator(f"#atl-field-{field_id}{suffix}")


def fill_examples(page):
    """Every field with its example, as the reader would fill it (opening the folded groups)."""
    for group in page.locator("details.atl-form__group:not([open]) summary").all():
        group.click()
    for one in FIELDS.values():
        if one.example:
            field(page, one.id).fill(one.example)


def current(page):
    return chosen(stored(page, READER_KEY))


@pytest.fixture
def clipboard_context(clipboard_contexts):
    return clipboard_contexts()


def test_every_shipped_template_is_on_the_page(site, page):
    open_notes(page, site)
    assert len(NOTES) == 16
    for note_id in TEMPLATES:
        expect(note(page, note_id)).to_have_count(1)
    # every field has a label a screen reader reads
    for one in FIELDS.values():
        expect(page.get_by_label(one.label, exact=True)).to_have_count(1)


def test_a_folded_jump_list_leads_to_each_note_and_stays_off_paper(site, page):
    open_notes(page, site)
    jump = page.locator("details.atl-notes__index")
    expect(jump.get_by_role("link")).to_have_count(0)  # folded
    jump.get_by_text("Jump to a note").click()
    expect(jump.get_by_role("link")).to_have_text([one.title for one in NOTES])  # not the page's own title
    jump.get_by_role("link", name="Thanking a reference").click()
    expect(page.get_by_role("heading", name="Thanking a reference")).to_be_in_viewport()
    page.emulate_media(media="print")
    expect(jump).to_be_hidden()
    # nor what the buttons do, nor the hint that points to the form: paper has neither
    expect(page.get_by_text("every note below fills itself in")).to_be_visible()
    expect(page.get_by_text("The buttons under each note")).to_be_hidden()
    expect(page.get_by_text("Add each interviewer above")).to_have_count(3)
    for hint in page.get_by_text("Add each interviewer above").all():
        expect(hint).to_be_hidden()


def test_typing_fills_every_template_live(site, page):
    open_notes(page, site)
    page.get_by_label("Company", exact=True).fill("Northwind")
    marks = page.locator('mark[data-field="company"]')
    assert marks.count() >= 5
    for text in marks.all_text_contents():
        assert text == "Northwind"
    # unfilled placeholders stand out, filled ones do not
    expect(page.locator('mark[data-field="role"]').first).not_to_have_class("atl-ph atl-ph--filled")
    expect(marks.first).to_have_class("atl-ph atl-ph--filled")
    _, body = expected("thank-you-in-person", {"company": "Northwind"})
    expect(note(page, "thank-you-in-person").locator("[data-note-body]")).to_have_text(body)


def test_copy_puts_subject_and_body_as_plain_text_on_the_clipboard(site, clipboard_context):
    page = clipboard_context.new_page()
    open_notes(page, site)
    values = {"your_name": "Alex Morgan", "interviewer_name": "Ms Patel", "role": "Analyst"}
    for field_id, value in values.items():
        field(page, field_id).fill(value)
    card = note(page, "thank-you-screen")
    card.get_by_role("button", name="Copy subject and text").click()
    subject, body = expected("thank-you-screen", values)
    # what is copied unfilled is named, so that no "[Your phone number]" is sent by mistake
    expect(card.locator("[data-note-status]")).to_have_text(copied(subject, body))
    assert page.evaluate("navigator.clipboard.readText()") == f"{subject}\n\n{body}"
    assert "{" not in body and "[Your phone number]" in body
    card.get_by_role("button", name="Copy the text").click()
    expect(card.locator("[data-note-status]")).to_contain_text("[Your phone number]")
    assert page.evaluate("navigator.clipboard.readText()") == body
    screen = TEMPLATES["thank-you-screen"]
    for part in [*screen.subject, *screen.body]:
        if part.field and part.field not in values:
            values[part.field] = "filled" if FIELDS[part.field].kind != "date" else "2026-11-20"
            field(page, part.field).fill(values[part.field])
    card.get_by_role("button", name="Copy the text").click()
    expect(card.locator("[data-note-status]")).to_have_text("Copied to the clipboard.")  # nothing left
    assert "[" not in page.evaluate("navigator.clipboard.readText()")
    # a phone script (email: false) is read out, not sent: no subject, no email, only its text to copy
    script = note(page, "phone-follow-up-script")
    expect(script.get_by_role("button")).to_have_text(["Copy the text"])
    expect(script.get_by_role("link", name="Open in email")).to_have_count(0)
    expect(script.locator("[data-note-subject]")).to_have_count(0)
    script.get_by_role("button", name="Copy the text").click()
    expect(script.locator("[data-note-status]")).to_have_text(copied(expected("phone-follow-up-script", values)[1]))
    assert page.evaluate("navigator.clipboard.readText()") == expected("phone-follow-up-script", values)[1]
    field(page, "role").fill("Planner")  # "Copied" was said of the text before
    expect(script.locator("[data-note-status]")).to_be_empty()


def test_open_in_email_holds_subject_and_body(site, page):
    open_notes(page, site)
    field(page, "role").fill("Analyst & Planner")
    href = note(page, "final-check-in").get_by_role("link", name="Open in email").get_attribute("href")
    assert href.startswith("mailto:?subject=") and "%0D%0A" in href and "\n" not in href
    query = href.removeprefix("mailto:?")
    subject, body = (unquote(part.split("=", 1)[1]) for part in query.split("&"))
    want_subject, want_body = expected("final-check-in", {"role": "Analyst & Planner"})
    assert subject == want_subject
    assert body == want_body.replace("\n", "\r\n")


def test_open_in_email_writes_to_the_address_the_reader_gave(site, page):
    """Each panel member's note to their own address; a recruiter's note to the recruiter's;
    what is not one address (a slip, or two) gives a link with no recipient, as before."""
    open_notes(page, site)
    mailto = lambda card: card.get_by_role("link", name="Open in email").get_attribute("href")
    panel = note(page, "thank-you-panel-member")
    assert mailto(panel).startswith("mailto:?subject=")
    expect(field(page, "interviewer_email")).to_have_attribute("type", "email")
    field(page, "interviewer_email").fill("m.patel@example.com")
    page.get_by_role("button", name="Add an interviewer").click()
    field(page, "interviewer_email", 1).fill("o'neil+jobs@example.co.uk")
    assert mailto(panel.nth(0)).startswith("mailto:m.patel@example.com?subject=")
    assert mailto(panel.nth(1)).startswith("mailto:o'neil%2Bjobs@example.co.uk?subject=")
    assert unquote(mailto(panel.nth(1)).split("?")[0]) == "mailto:o'neil+jobs@example.co.uk"
    assert mailto(note(page, "check-in-no-date")).startswith("mailto:m.patel@example.com?subject=")
    assert mailto(note(page, "thank-you-to-a-recruiter")).startswith("mailto:?subject=")
    page.locator("details.atl-form__group summary").click()
    field(page, "recruiter_email").fill("jordan@agency.example")
    assert mailto(note(page, "thank-you-to-a-recruiter")).startswith("mailto:jordan@agency.example?subject=")
    # an address by the HTML standard's rule for an email input, with a dot in its domain; one
    # copied from an email link loses its "mailto:"
    for typed, recipient in [("mailto:m.patel@example.com", "m.patel@example.com"),
                             ("first=last&co@corp.example", "first%3Dlast%26co@corp.example")]:
        field(page, "interviewer_email").fill(typed)
        assert mailto(panel.nth(0)).startswith(f"mailto:{recipient}?subject="), typed
    for slip in ("m.patel at example.com", "a@example.com, b@example.com", "a@b@c", "?body=x@y", "a@b",
                 "a:b@x.com", "(c)a@x.com", "a@-x.com", "<a@x.com>", "a@x.com?cc=b@y.com"):
        field(page, "interviewer_email").fill(slip)
        assert mailto(panel.nth(0)).startswith("mailto:?subject="), slip
    field(page, "interviewer_email").fill("m.patel@example.com")
    page.reload(wait_until="networkidle")
    assert mailto(note(page, "thank-you-panel-member").nth(0)).startswith("mailto:m.patel@example.com?subject=")


def test_an_address_no_link_can_use_says_so_once_the_reader_leaves_the_field(site, page):
    """Not while typing (every address is wrong halfway through), but on leaving the field,
    tied to it for a screen reader, and gone as soon as it is right; kept, it says so on load."""
    open_notes(page, site)
    email, warning = field(page, "interviewer_email"), page.locator("#atl-warn-interviewer_email-0")
    email.press_sequentially("m.patel@example")
    expect(email).not_to_have_attribute("aria-invalid", "true")
    expect(warning).to_be_hidden()
    email.press("Tab")
    expect(warning).to_have_text("This does not look like one email address, so the notes will open in your email app "
                                 "without it.")
    expect(warning).to_be_visible()
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(re.compile(r"addresses the note to them\..* not look like one email"))
    assert axe_violations(page) == []
    email.press_sequentially(".com")  # right now: at once, without leaving the field
    expect(warning).to_be_hidden()
    expect(email).not_to_have_attribute("aria-invalid", "true")
    expect(email).not_to_have_accessible_description(re.compile("email address"))
    # a second interviewer's field has its own warning
    page.get_by_role("button", name="Add an interviewer").click()
    field(page, "interviewer_email", 1).fill("b@example")
    field(page, "interviewer_email", 1).press("Tab")
    expect(page.locator("#atl-warn-interviewer_email-1")).to_be_visible()
    expect(field(page, "interviewer_email", 1)).to_have_accessible_description(re.compile("not look like one email"))
    expect(warning).to_be_hidden()
    email.fill("a@example.com, b@example.com")
    email.press("Tab")
    page.reload(wait_until="networkidle")
    expect(field(page, "interviewer_email")).to_have_attribute("aria-invalid", "true")
    expect(warning).to_be_visible()
    field(page, "interviewer_email").fill("")
    field(page, "interviewer_email").press("Tab")
    expect(warning).to_be_hidden()


def test_a_decision_date_before_the_interview_says_so_until_one_of_them_is_right(site, page):
    """A day and month swapped in a date field that follows the phone's language, say: the
    check-in note would thank them for a decision due before the interview."""
    open_notes(page, site)
    interview, decision = field(page, "interview_date"), field(page, "decision_date")
    warning = page.locator("#atl-warn-decision_date")
    interview.fill("2026-12-11")
    decision.fill("2026-12-04")
    expect(warning).to_have_text("This date is before the interview date: check its day, month and year.")
    expect(decision).to_have_attribute("aria-invalid", "true")
    expect(decision).to_have_accessible_description(re.compile("before the interview date"))
    assert axe_violations(page) == []
    interview.fill("2026-12-01")  # the other date put right clears it too
    expect(warning).to_be_hidden()
    expect(decision).not_to_have_attribute("aria-invalid", "true")
    interview.fill("2026-12-11")
    expect(warning).to_be_visible()
    page.reload(wait_until="networkidle")  # kept: it says so on load
    expect(warning).to_be_visible()
    decision.fill("2026-12-14")
    expect(warning).to_be_hidden()
    # the planner's form, the same details: the same warning
    decision.fill("2026-12-04")
    page.goto(site.url + "timing/", wait_until="networkidle")
    expect(page.locator("#atl-warn-decision_date")).to_have_text(
        "This date is before the interview date: check its day, month and year.")


def test_a_note_too_long_for_a_link_says_copy_instead(site, page):
    open_notes(page, site)
    card = note(page, "thank-you-screen")
    expect(card.locator("[data-note-long]")).to_be_hidden()
    field(page, "topic").fill("word " * 400)
    expect(card.locator("[data-note-long]")).to_be_visible()
    assert card.locator("[data-note-mailto]").get_attribute("href") is None
    # still a link, and disabled, to a screen reader (and so not held to contrast by axe)
    expect(card.get_by_role("link", name="Open in email")).to_be_disabled()
    assert axe_violations(page) == []
    field(page, "topic").fill("the launch")
    expect(card.locator("[data-note-long]")).to_be_hidden()


def test_every_note_filled_with_the_examples_keeps_to_its_word_target(site, page):
    open_notes(page, site)
    fill_examples(page)
    for one in FIELDS.values():
        if one.kind == "date":
            field(page, one.id).fill("2026-11-20")
    targeted = [n for n in NOTES if n.target_words]
    assert len(targeted) >= 12
    for template in targeted:
        text = note(page, template.id).locator("[data-note-words]").text_content()
        count = int(text.split()[0])
        low, high = template.target_words
        assert low <= count <= high, (template.id, text)
        assert text.endswith(f"(aim for {low} to {high})")


def test_dates_read_the_regions_way_without_this_years_number(site, page):
    open_notes(page, site)
    field(page, "interview_date").fill("2026-11-20")
    mark = page.locator('mark[data-field="interview_date"]').first
    expect(mark).to_have_text("Friday, November 20")  # the site's default region: the US
    field(page, "interview_date").fill("2027-01-08")
    expect(mark).to_have_text("Friday, January 8, 2027")
    data = stored(page, READER_KEY)
    keep(page, READER_KEY, {**data, "you": {"region": "GB-SCT"}})  # as earlier versions kept it: for all
    page.reload(wait_until="networkidle")
    expect(mark).to_have_text("Friday 8 January 2027")
    # where the job is, chosen here too: each note is written again at once
    region = page.get_by_label("Where the job is")
    expect(region).to_have_value("GB-SCT")
    expect(region).to_have_accessible_description(re.compile("This interview's dates are written the local way"))
    region.focus()
    region.select_option("CA-ON")
    expect(mark).to_have_text("Friday, January 8, 2027")
    expect(note(page, "check-in-no-date").locator("[data-note-body]")).to_contain_text("on Friday, January 8, 2027.")
    expect(region).to_be_focused()
    assert chosen(stored(page, READER_KEY))["f"]["region"] == "CA-ON"
    page.goto(site.url + "timing/", wait_until="networkidle")
    expect(page.get_by_label("Where the job is")).to_have_value("CA-ON")


def test_the_panel_note_is_written_once_for_each_interviewer(site, clipboard_context):
    """Each panel member gets their own note, with their own name and their own point."""
    page = clipboard_context.new_page()
    open_notes(page, site)
    field(page, "role").fill("Analyst")
    field(page, "interviewer_name").fill("Ms Patel")
    field(page, "topic").fill("the spring launch")
    page.get_by_role("button", name="Add an interviewer").click()
    expect(field(page, "interviewer_name", 1)).to_be_focused()
    field(page, "interviewer_name", 1).fill("Mr Chen")
    field(page, "topic", 1).fill("the budget review")
    cards = note(page, "thank-you-panel-member")
    expect(cards).to_have_count(2)
    # each copy says whom it is for, as a heading; by number until the name is typed
    expect(cards.get_by_role("heading", level=3)).to_have_text(["For Ms Patel", "For Mr Chen"])
    field(page, "interviewer_name", 1).fill("")
    expect(cards.nth(1).get_by_role("heading")).to_have_text("For interviewer 2")
    field(page, "interviewer_name", 1).fill("Mr Chen")
    for card, (name, topic) in zip(cards.all(), [("Ms Patel", "the spring launch"), ("Mr Chen", "the budget review")]):
        _, body = expected("thank-you-panel-member", {"role": "Analyst", "interviewer_name": name, "topic": topic})
        expect(card.locator("[data-note-body]")).to_have_text(body)
    cards.nth(1).get_by_role("button", name="Copy the text").click()
    expect(cards.nth(1).locator("[data-note-status]")).to_contain_text("Copied to the clipboard.")
    assert "Dear Mr Chen," in page.evaluate("navigator.clipboard.readText()")
    cards.first.get_by_role("button", name="Copy the text").click()
    page.get_by_role("button", name="Add an interviewer").click()  # its copy is not said to be copied
    expect(cards).to_have_count(3)
    expect(cards.nth(2).locator("[data-note-status]")).to_be_empty()
    page.locator("[data-person='2'] [data-atl-remove-person]").click()
    expect(page.get_by_role("button", name="Add an interviewer")).to_be_focused()  # no one after
    # so does the in-person one; the others are for the first interviewer
    expect(note(page, "thank-you-in-person").locator("[data-note-body]")).to_contain_text(
        ["Dear Ms Patel,", "Dear Mr Chen,"])
    expect(note(page, "thank-you-screen").locator("[data-note-body]")).to_contain_text("Dear Ms Patel,")
    assert current(page)["people"] == [{"interviewer_name": "Ms Patel", "topic": "the spring launch"},
                                       {"interviewer_name": "Mr Chen", "topic": "the budget review"}]
    page.locator("[data-person='0'] [data-atl-remove-person]").click()
    expect(field(page, "interviewer_name")).to_be_focused()  # the next one, now first
    expect(cards).to_have_count(1)
    expect(cards.first.locator("[data-note-body]")).to_contain_text("Dear Mr Chen,")
    expect(cards.get_by_role("heading")).to_have_count(0)  # one interviewer: nothing to tell apart
    page.reload(wait_until="networkidle")
    expect(field(page, "interviewer_name")).to_have_value("Mr Chen")


def test_the_main_contact_can_be_put_first_so_notes_to_one_person_reach_them(site, page):
    """On a panel the check-ins go to the first interviewer, as the form says; any other can be
    put first, with their own details, without typing them again."""
    open_notes(page, site)
    people = page.get_by_role("group", name="Interviewers")
    expect(people).to_have_accessible_description(re.compile("go to the first interviewer"))
    first = people.get_by_role("button", name="Put this interviewer first")
    expect(first).to_have_count(0)  # one interviewer: already first
    field(page, "interviewer_name").fill("Ms Patel")
    field(page, "interviewer_email").fill("patel@example.com")
    page.get_by_role("button", name="Add an interviewer").click()
    field(page, "interviewer_name", 1).fill("Mr Chen")
    field(page, "interviewer_email", 1).fill("chen@example.com")
    field(page, "topic", 1).fill("the budget review")
    check_in = note(page, "check-in-no-date")
    expect(check_in.locator("[data-note-body]")).to_contain_text("Dear Ms Patel,")
    expect(first).to_have_count(1)  # on the second row only
    first.click()
    expect(field(page, "interviewer_name")).to_be_focused()
    expect(field(page, "interviewer_name")).to_have_value("Mr Chen")
    expect(field(page, "topic")).to_have_value("the budget review")
    expect(field(page, "interviewer_name", 1)).to_have_value("Ms Patel")
    expect(page.locator("[data-details-announce]")).to_have_text("This interviewer is now first.")
    expect(check_in.locator("[data-note-body]")).to_contain_text("Dear Mr Chen,")
    expect(check_in.get_by_role("link", name="Open in email")).to_have_attribute("href", re.compile("^mailto:chen@"))
    expect(note(page, "thank-you-panel-member").get_by_role("heading", level=3)).to_have_text(
        ["For Mr Chen", "For Ms Patel"])
    page.reload(wait_until="networkidle")
    expect(field(page, "interviewer_name")).to_have_value("Mr Chen")
    assert [p["interviewer_name"] for p in current(page)["people"]] == ["Mr Chen", "Ms Patel"]


def test_reader_markup_stays_text_everywhere(site, clipboard_context):
    page = clipboard_context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_notes(page, site)
    field(page, "your_name").fill(PAYLOAD)
    card = note(page, "withdrawing")
    expect(card.locator("[data-note-body]")).to_contain_text(PAYLOAD)
    assert page.locator("article img").count() == 0
    card.get_by_role("button", name="Copy subject and text").click()
    expect(card.locator("[data-note-status]")).to_contain_text("Copied to the clipboard.")
    assert PAYLOAD in page.evaluate("navigator.clipboard.readText()")
    assert PAYLOAD in unquote(card.locator("[data-note-mailto]").get_attribute("href"))
    page.reload(wait_until="networkidle")
    expect(card.locator("[data-note-body]")).to_contain_text(PAYLOAD)
    page.wait_for_load_state("networkidle")  # an <img> that got in would have been fetched by now
    assert dialogs == [] and page.locator("article img").count() == 0


def test_half_an_emoji_breaks_nothing(site, page):
    """A lone surrogate (what a bad paste leaves of an emoji) is kept as a replacement
    character: the links, counts and storage go on working, now and after a reload."""
    errors = own_script_errors(page)
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_notes(page, site)
    field(page, "company").evaluate(
        """(input) => { input.value = "Acme \\ud83d"; input.dispatchEvent(new Event("input", {bubbles: true})); }""")
    card = note(page, "thank-you-in-person")
    expect(card.locator("[data-note-words]")).not_to_be_empty()
    assert current(page)["f"]["company"] == "Acme \ufffd"
    page.reload(wait_until="networkidle")
    field(page, "role").fill("Analyst")
    expect(card.locator("[data-note-subject]")).to_contain_text("Analyst")
    href = card.locator("[data-note-mailto]").get_attribute("href")
    assert "Analyst" in unquote(href) and "Acme%20%EF%BF%BD" in href
    assert errors == []


@pytest.mark.parametrize("bad", [
    {"you": {"constructor": "x", "your_name": {"a": 1}}, "list": []},  # a prototype's name, an object
    {"you": [], "list": [{"id": "a1b2c3", "f": {"company": 5, "interview_date": "10000-01-01"}, "people": "no"}]},
    {"you": "x", "list": {"a": 1}, "at": 7},
], ids=["prototype names and objects", "numbers and a year 10000", "wrong shapes"])
def test_stored_values_of_the_wrong_kind_show_as_empty(site, page, bad):
    errors = own_script_errors(page)
    page.goto(site.url, wait_until="networkidle")
    keep(page, READER_KEY, {"v": 2, "at": "a1b2c3", **bad})
    open_notes(page, site)
    for one in FIELDS.values():
        for mark in page.locator(f'mark[data-field="{one.id}"]').all():
            expect(mark).to_have_text(f"[{one.label}]")
    text = page.locator("article").inner_text()
    assert "[object" not in text and "function" not in text
    field(page, "company").fill("Northwind")  # and the form works
    expect(page.locator('mark[data-field="company"]').first).to_have_text("Northwind")
    assert errors == []


def test_values_survive_a_reload_and_clear_removes_them(site, page):
    open_notes(page, site)
    field(page, "company").fill("Northwind")
    field(page, "your_name").fill("Alex Morgan")
    field(page, "interview_date").fill("2026-11-20")
    data = stored(page, READER_KEY)
    assert data["you"] == {"your_name": "Alex Morgan"}  # who the reader is: once, for every interview
    assert chosen(data)["f"] == {"company": "Northwind", "interview_date": "2026-11-20"}
    page.reload(wait_until="networkidle")
    expect(field(page, "company")).to_have_value("Northwind")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("Northwind")
    expect(page.locator('mark[data-field="interview_date"]').first).to_have_text("Friday, November 20")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Clear these details").click()  # it asks first: no, keep them
    expect(field(page, "company")).to_have_value("Northwind")
    assert "this interview's details and interviewers from every page" in asked[0]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear these details").click()
    expect(field(page, "company")).to_have_value("")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("[Company]")
    expect(page.locator("[data-details-announce]")).to_have_text("Your details have been cleared.")
    data = stored(page, READER_KEY)
    assert data["you"] == {} and chosen(data)["f"] == {}
    page.reload(wait_until="networkidle")
    expect(field(page, "company")).to_have_value("")


def test_the_first_versions_details_become_the_first_interview(site, page):
    """A reader's details from the first version (one set, one key) are carried, on the first
    visit after the update, into the first interview: who they are, once; the interviewer's
    name and point as its first interviewer; the rest as the interview's; the old key goes."""
    page.goto(site.url, wait_until="networkidle")
    old = {"your_name": "Alex Morgan", "your_contact": "07700 900123", "interviewer_name": "Ms Patel",
           "topic": "the launch", "company": "Northwind", "role": "Analyst", "interview_date": "2026-11-20"}
    keep(page, OLD_DETAILS_KEY, {"v": 1, "values": old})
    open_notes(page, site)
    expect(field(page, "company")).to_have_value("Northwind")
    expect(field(page, "interviewer_name")).to_have_value("Ms Patel")
    data = stored(page, READER_KEY)
    assert data["you"] == {"your_name": "Alex Morgan"}
    one = chosen(data)
    assert one["people"] == [{"interviewer_name": "Ms Patel", "topic": "the launch"}]
    # a field no template uses any more is kept, not lost
    assert one["f"] == {"your_contact": "07700 900123", "company": "Northwind", "role": "Analyst",
                        "interview_date": "2026-11-20"}
    assert stored(page, OLD_DETAILS_KEY) is None


def test_what_is_typed_while_the_first_versions_data_is_moved_is_kept_too(site, page):
    """The move of the first version's data (migrate.js) is loaded only where such data is
    found, so a reader can type before it arrives: both are kept, and what they typed wins."""
    held = []
    page.route("**/migrate.js", lambda route: held.append(route))  # it arrives when the test lets it
    page.goto(site.url, wait_until="networkidle")
    keep(page, OLD_DETAILS_KEY, {"v": 1, "values": {"your_name": "Alex Morgan", "company": "Northwind"}})
    page.clock.set_fixed_time(NOW)
    page.goto(site.url + "note-templates/", wait_until="domcontentloaded")  # migrate.js is held
    page.wait_for_function("() => window.atl?.reader?.form")
    assert len(held) == 1
    field(page, "your_name").fill("Sam Lee")
    field(page, "company").fill("Contoso")
    held[0].continue_()
    expect(page.locator("#atl-pick option")).to_have_text(["Northwind", "Contoso"])
    expect(field(page, "company")).to_have_value("Contoso")  # the interview being typed stays chosen
    expect(field(page, "your_name")).to_have_value("Sam Lee")
    data = stored(page, READER_KEY)
    assert data["you"] == {"your_name": "Sam Lee"}
    assert [one["f"] for one in data["list"]] == [{"company": "Northwind"}, {"company": "Contoso"}]
    assert stored(page, OLD_DETAILS_KEY) is None


@pytest.mark.parametrize("broken", [BROKEN_STORAGE["corrupt-json"], BROKEN_STORAGE["storage-disabled"]],
                         ids=["corrupt-json", "storage-disabled"])
def test_broken_storage_leaves_a_working_form(site, page, broken):
    errors = own_script_errors(page)
    break_storage(page, READER_KEY, broken)
    open_notes(page, site)
    field(page, "company").fill("Northwind")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("Northwind")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear these details").click()
    expect(page.locator('mark[data-field="company"]').first).to_have_text("[Company]")
    assert errors == []


def test_instant_navigation_away_and_back(site, page):
    count_storage_writes(page, "reader")
    open_notes(page, site)
    field(page, "company").fill("Northwind")
    away_and_back(page, "/note-templates/", "Note templates")
    expect(field(page, "company")).to_have_value("Northwind")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("Northwind")
    page.evaluate("window.__writes = 0")
    field(page, "role").press_sequentially("QA")
    expect(page.locator('mark[data-field="role"]').first).to_have_text("QA")
    assert page.evaluate("window.__writes") == 2, "the input handler is bound more than once"


def test_the_notes_follow_the_chosen_interview(site, page):
    page.goto(site.url, wait_until="networkidle")
    keep(page, READER_KEY, {"v": 2, "you": {}, "at": "bbbbbb", "list": [
        interview("aaaaaa", company="Acme"), interview("bbbbbb", company="Beta")]})
    open_notes(page, site)
    expect(field(page, "company")).to_have_value("Beta")
    page.get_by_label("Interview", exact=True).select_option(label="Acme")
    expect(field(page, "company")).to_have_value("Acme")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("Acme")


def test_without_javascript_every_template_is_readable(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + "note-templates/")
    expect(page.locator("form[data-notes]")).to_be_hidden()
    expect(page.locator("[data-atl-picker]")).to_be_hidden()
    subject, body = expected("reply-to-rejection", {})
    card = note(page, "reply-to-rejection")
    expect(card.locator("[data-note-body]")).to_have_text(body)
    expect(card.locator("[data-note-subject]")).to_have_text(subject)
    expect(card.get_by_role("link", name="Open in email")).to_be_visible()
    # the words around them speak of what this page can do
    expect(page.get_by_text("Put your own details in place of the words in brackets")).to_be_visible()
    expect(page.get_by_text("Open the note you need in your email app")).to_be_visible()
    expect(page.get_by_text("every note below fills itself in")).to_be_hidden()
    page.emulate_media(media="print")  # paper has no email app and no buttons
    expect(page.get_by_text("Put your own details in place of the words in brackets")).to_be_visible()
    expect(page.get_by_text("Open the note you need in your email app")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.get_by_text("Add each interviewer above")).to_have_count(3)
    expect(page.get_by_text("Add each interviewer above").first).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    open_notes(page, site)
    field(page, "company").fill("Northwind")
    page.get_by_role("button", name="Add an interviewer").click()
    field(page, "role").focus()
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_buttons_keep_their_contrast_under_the_pointer_and_in_focus(site, new_page, scheme):
    """Material fills a button under the pointer (and, on a phone, after a tap) with the accent:
    the hooks' buttons stay legible then, and in focus."""
    page = new_page(color_scheme=scheme)
    open_notes(page, site)
    card = note(page, "thank-you-screen")
    card.get_by_role("button", name="Copy the text").hover()
    assert axe_violations(page) == []
    card.get_by_role("button", name="Copy subject and text").focus()
    assert axe_violations(page) == []


def test_fields_for_some_notes_only_are_folded_until_one_holds_something(site, page):
    open_notes(page, site)
    group = page.locator("details.atl-form__group")
    expect(group.locator("summary")).to_have_text("Details for some notes only")
    expect(field(page, "reference_name")).to_be_hidden()
    group.locator("summary").click()
    # at the form's own size, not Material's smaller one for collapsible blocks
    size = field(page, "company").evaluate("e => getComputedStyle(e).fontSize")
    expect(field(page, "reference_name")).to_have_css("font-size", size)
    field(page, "reference_name").fill("Sam")
    expect(note(page, "thanking-a-reference").locator("[data-note-body]")).to_contain_text("Dear Sam,")
    page.reload(wait_until="networkidle")
    expect(field(page, "reference_name")).to_be_visible()  # open: it holds something
    expect(field(page, "reference_name")).to_have_value("Sam")
