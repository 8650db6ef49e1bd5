"""The note-templates hook's pure helpers: placeholders, escaping, validation, mailto."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from mkdocs.exceptions import PluginError
from notes import (
    Field,
    NoteError,
    Part,
    fill,
    mailto_href,
    parse_fields,
    parse_note,
    parse_placeholders,
    read_notes,
)

FIELDS = {"name": Field("name", "Your name"), "role": Field("role", "Job title")}
INDEX = "---\ntitle: Notes\nfields:\n  - id: name\n    label: Your name\n  - id: role\n    label: Job title\n---\n# Notes\n"


def test_placeholders_and_text():
    assert parse_placeholders("Dear {name}, about {role}.", FIELDS) == [
        Part(text="Dear "), Part(field="name"), Part(text=", about "), Part(field="role"), Part(text=".")]


def test_doubled_braces_are_literal():
    parts = parse_placeholders("Use {{name}} for {name}; }} too", FIELDS)
    assert parts == [Part(text="Use {name} for "), Part(field="name"), Part(text="; } too")]
    assert fill(parts, FIELDS) == "Use {name} for [Your name]; } too"


@pytest.mark.parametrize("text, line, message", [
    ("one\ntwo {nmae}\n", 11, r"unknown placeholder \{nmae\} \(declared: name, role\)"),
    ("one\n\nthree {name\n", 12, r"unclosed '\{' \(write '\{\{' for a literal brace\)"),
    ("one } two", 10, r"stray '\}' \(write '\}\}' for a literal brace\)"),
])
def test_placeholder_mistakes_name_their_line(text, line, message):
    with pytest.raises(NoteError, match=message) as error:
        parse_placeholders(text, FIELDS, first_line=10)
    assert error.value.line == line


def test_fields_are_validated():
    assert list(parse_fields([{"id": "a", "label": "A", "kind": "date"}])) == ["a"]
    for bad, message in [
        (None, "must list the placeholders"),
        ([{"id": "a"}], "field 1 needs an 'id' and a 'label'"),
        ([{"id": "a", "label": "A"}, {"id": "a", "label": "B"}], "'a' is declared twice"),
        ([{"id": "A-b", "label": "A"}], "must be lower case"),
        ([{"id": "a", "label": "A", "kind": "number"}], "kind must be one of text, date"),
        ([{"id": "a", "label": "A", "colour": "red"}], "unknown key 'colour'"),
    ]:
        with pytest.raises(NoteError, match=message):
            parse_fields(bad)


def test_a_note_and_its_body_lines():
    source = "---\ntitle: Thanks\nsubject: Re {role}\norder: 2\n---\n\nDear {name},\nThanks\n"
    note = parse_note(source, "thanks", FIELDS)
    assert (note.id, note.title, note.order) == ("thanks", "Thanks", 2)
    assert fill(note.subject, FIELDS) == "Re [Job title]"
    assert fill(note.body, FIELDS) == "Dear [Your name],\nThanks"
    with pytest.raises(NoteError) as error:
        parse_note(source.replace("Thanks\n", "Thanks {x}\n"), "thanks", FIELDS)
    assert error.value.line == 8


@pytest.mark.parametrize("source, line, message", [
    ("---\ntitle: T\n---\nBody\n", 1, "missing 'subject:' in the front matter"),
    ("---\nsubject: S\n---\nBody\n", 1, "missing 'title:' in the front matter"),
    ("---\ntitle: T\nsubject: S {nope}\n---\nBody\n", 3, "unknown placeholder"),
    ("---\ntitle: T\nsubject: S\ncolour: red\n---\nBody\n", 4, "unknown front matter key 'colour'"),
    ("---\ntitle: T\nsubject: S\ntarget_words: 100\n---\nBody\n", 4, "must be two numbers"),
    ("---\ntitle: T\nsubject: S\n---\n\n", 5, "no text after its front matter"),
])
def test_note_mistakes(source, line, message):
    with pytest.raises(NoteError, match=message) as error:
        parse_note(source, "t", FIELDS)
    assert error.value.line == line


def test_read_notes_orders_and_reports_every_mistake():
    ok = "---\ntitle: {}\nsubject: S\norder: {}\n---\nHi {{name}}\n"
    page, fields, notes = read_notes("docs/n", {
        "docs/n/index.md": INDEX, "docs/n/b.md": ok.format("B", 1), "docs/n/a.md": ok.format("A", 2)})
    assert page == INDEX and list(fields) == ["name", "role"]
    assert [n.id for n in notes] == ["b", "a"]
    with pytest.raises(PluginError) as error:
        read_notes("docs/n", {
            "docs/n/index.md": INDEX,
            "docs/n/a.md": ok.format("A", 1).replace("{name}", "{who}"),
            "docs/n/b.md": "---\ntitle: B\nsubject: S\nid: c\n---\nx\n",
            "docs/n/c.md": "---\ntitle: C\nsubject: S\n---\nx\n",
        })
    assert str(error.value).splitlines() == [
        "docs/n/a.md:6: unknown placeholder {who} (declared: name, role)",
        "docs/n/c.md: template id 'c' is already used by docs/n/b.md",
    ]


def test_read_notes_needs_an_index_and_templates():
    with pytest.raises(PluginError, match=r"^docs/n/index.md: missing"):
        read_notes("docs/n", {"docs/n/a.md": "x"})
    with pytest.raises(PluginError, match=r"^docs/n: no note templates"):
        read_notes("docs/n", {"docs/n/index.md": INDEX})
    with pytest.raises(PluginError, match=r"^docs/n/index.md:2: 'fields:' must list"):
        read_notes("docs/n", {"docs/n/index.md": "---\nfields: 3\n---\n"})


def test_mailto_encodes_everything_and_uses_crlf():
    href = mailto_href("Re: A & B?", "Line 1\nLine 2 <img src=x> #50% é")
    assert href == ("mailto:?subject=Re%3A%20A%20%26%20B%3F"
                    "&body=Line%201%0D%0ALine%202%20%3Cimg%20src%3Dx%3E%20%2350%25%20%C3%A9")
    assert unquote(href.split("&body=")[1]) == "Line 1\r\nLine 2 <img src=x> #50% é"
