"""The note-templates page in Chromium: fill, preview, copy, email, keep, clear."""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

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
from notes import read_notes
from playwright.sync_api import expect
from sitebuild import ROOT

PAYLOAD = "<img src=x onerror=alert(1)>"
SOURCES = {str(p.relative_to(ROOT)): p.read_text() for p in (ROOT / "docs/note-templates").glob("*.md")}
_, FIELDS, NOTES = read_notes("docs/note-templates", dict(SOURCES))
TEMPLATES = {note.id: note for note in NOTES}


def expected(note_id, values):
    """Subject and body as the reader should get them: values, else the bracketed label."""
    note = TEMPLATES[note_id]
    text = lambda parts: "".join(
        p.text or values.get(p.field) or f"[{FIELDS[p.field].label}]" for p in parts)
    return text(note.subject), text(note.body)


def open_notes(page, site):
    page.goto(site.url + "note-templates/", wait_until="networkidle")
    expect(page.locator("form[data-notes]")).to_be_visible()


def note(page, note_id):
    return page.locator(f'[data-note="{note_id}"]')


def stored(page):
    raw = page.evaluate("(key) => localStorage.getItem(key)", KEY)
    return raw and json.loads(raw)


@pytest.fixture
def clipboard_context(browser, site):
    context = browser.new_context()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    yield context
    context.close()


def test_every_shipped_template_is_on_the_page(site, page):
    open_notes(page, site)
    assert len(NOTES) == 16
    for note_id in TEMPLATES:
        expect(note(page, note_id)).to_have_count(1)
    # every field has a label a screen reader reads
    for field in FIELDS.values():
        expect(page.get_by_label(field.label, exact=True)).to_have_count(1)


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
        page.fill(f"#atl-field-{field_id}", value)
    card = note(page, "thank-you-screen")
    card.get_by_role("button", name="Copy", exact=True).click()
    expect(card.locator("[data-note-status]")).to_have_text("Copied to the clipboard.")
    subject, body = expected("thank-you-screen", values)
    assert page.evaluate("navigator.clipboard.readText()") == f"{subject}\n\n{body}"
    assert "{" not in body and "[Your phone number]" in body and "[Your email]" in body
    card.get_by_role("button", name="Copy body").click()
    expect(card.locator("[data-note-status]")).to_have_text("Copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == body


def test_open_in_email_holds_subject_and_body(site, page):
    open_notes(page, site)
    page.fill("#atl-field-role", "Analyst & Planner")
    href = note(page, "final-check-in").get_by_role("link", name="Open in email").get_attribute("href")
    assert href.startswith("mailto:?subject=") and "%0D%0A" in href and "\n" not in href
    query = href.removeprefix("mailto:?")
    subject, body = (unquote(part.split("=", 1)[1]) for part in query.split("&"))
    want_subject, want_body = expected("final-check-in", {"role": "Analyst & Planner"})
    assert subject == want_subject
    assert body == want_body.replace("\n", "\r\n")


def test_a_note_too_long_for_a_link_says_copy_instead(site, page):
    open_notes(page, site)
    card = note(page, "thank-you-screen")
    expect(card.locator("[data-note-long]")).to_be_hidden()
    page.fill("#atl-field-topic", "word " * 400)
    expect(card.locator("[data-note-long]")).to_be_visible()
    assert card.locator("[data-note-mailto]").get_attribute("href") is None
    page.fill("#atl-field-topic", "the launch")
    expect(card.locator("[data-note-long]")).to_be_hidden()


def test_word_count_against_the_target(site, page):
    open_notes(page, site)
    for field in FIELDS.values():
        if field.example:
            page.fill(f"#atl-field-{field.id}", field.example)
        elif field.kind == "date":
            page.fill(f"#atl-field-{field.id}", "2026-11-20")
    targets = {note.id: note.target_words for note in NOTES if note.target_words}
    for note_id in ("thank-you-screen", "thank-you-in-person", "thank-you-panel-member",
                    "thank-you-later-round"):
        assert targets[note_id] == (100, 200), note_id
    # every note with a target, filled with the examples, is inside it
    assert len(targets) >= 14
    for note_id, (low, high) in targets.items():
        text = note(page, note_id).locator("[data-note-words]").text_content()
        count = int(text.split()[0])
        assert low <= count <= high, (note_id, text)
        assert text.endswith(f"(aim for {low} to {high})")


def test_reader_markup_stays_text_everywhere(site, clipboard_context):
    page = clipboard_context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_notes(page, site)
    page.fill("#atl-field-your_name", PAYLOAD)
    card = note(page, "withdrawing")
    expect(card.locator("[data-note-body]")).to_contain_text(PAYLOAD)
    assert page.locator("article img").count() == 0
    card.get_by_role("button", name="Copy", exact=True).click()
    expect(card.locator("[data-note-status]")).to_have_text("Copied to the clipboard.")
    assert PAYLOAD in page.evaluate("navigator.clipboard.readText()")
    assert PAYLOAD in unquote(card.locator("[data-note-mailto]").get_attribute("href"))
    page.reload(wait_until="networkidle")
    expect(card.locator("[data-note-body]")).to_contain_text(PAYLOAD)
    page.wait_for_load_state("networkidle")  # an <img> that got in would have been fetched by now
    assert dialogs == [] and page.locator("article img").count() == 0


def test_values_survive_a_reload_and_clear_removes_them(site, page):
    open_notes(page, site)
    page.fill("#atl-field-company", "Northwind")
    page.fill("#atl-field-interview_date", "2026-11-20")
    assert stored(page) == {"v": 1, "values": {"company": "Northwind", "interview_date": "2026-11-20"}}
    page.reload(wait_until="networkidle")
    expect(page.locator("#atl-field-company")).to_have_value("Northwind")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("Northwind")
    expect(page.locator('mark[data-field="interview_date"]').first).to_contain_text("2026")
    page.get_by_role("button", name="Clear my details").click()
    expect(page.locator("#atl-field-company")).to_have_value("")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("[Company]")
    expect(page.locator("[data-details-announce]")).to_have_text("Your details have been cleared.")
    assert stored(page) is None
    page.reload(wait_until="networkidle")
    expect(page.locator("#atl-field-company")).to_have_value("")


@pytest.mark.parametrize("broken", [BROKEN_STORAGE["corrupt-json"], BROKEN_STORAGE["storage-disabled"]],
                         ids=["corrupt-json", "storage-disabled"])
def test_broken_storage_leaves_a_working_form(site, page, broken):
    errors = own_script_errors(page)
    break_storage(page, KEY, broken)
    open_notes(page, site)
    page.fill("#atl-field-company", "Northwind")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("Northwind")
    page.get_by_role("button", name="Clear my details").click()
    expect(page.locator('mark[data-field="company"]').first).to_have_text("[Company]")
    assert errors == []


def test_instant_navigation_away_and_back(site, page):
    count_storage_writes(page, "details")
    open_notes(page, site)
    page.fill("#atl-field-company", "Northwind")
    away_and_back(page, "/note-templates/", "Note templates")
    expect(page.locator("#atl-field-company")).to_have_value("Northwind")
    expect(page.locator('mark[data-field="company"]').first).to_have_text("Northwind")
    page.evaluate("window.__writes = 0")
    page.locator("#atl-field-role").press_sequentially("QA")
    expect(page.locator('mark[data-field="role"]').first).to_have_text("QA")
    assert page.evaluate("window.__writes") == 2, "the input handler is bound more than once"


def test_without_javascript_every_template_is_readable(site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + "note-templates/")
    expect(page.locator("form[data-notes]")).to_be_hidden()
    subject, body = expected("reply-to-rejection", {})
    card = note(page, "reply-to-rejection")
    expect(card.locator("[data-note-body]")).to_have_text(body)
    expect(card.locator("[data-note-subject]")).to_have_text(subject)
    expect(card.get_by_role("link", name="Open in email")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(site, new_page, scheme):
    page = new_page(color_scheme=scheme)
    open_notes(page, site)
    page.fill("#atl-field-company", "Northwind")
    page.locator("#atl-field-role").focus()
    assert axe_violations(page) == []
