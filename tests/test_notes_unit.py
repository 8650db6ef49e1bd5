"""The note-templates hook's pure helpers: placeholders, escaping, validation, mailto."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from front_matter import read_front_matter
from hook_support import SourceError
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

FIELDS = {"name": Field("name", "Your name"), "role": Field("role", "Job title"),
          "mail": Field("mail", "Their email", kind="email")}
INDEX = ("---\ntitle: Notes\nfields:\n  - id: name\n    label: Your name\n  - id: role\n    label: Job title\n"
         "---\n# Notes\n")


def test_placeholders_and_text():
    assert parse_placeholders("Dear {name}, about {role}.", FIELDS) == [
        Part(text="Dear "), Part(field="name"), Part(text=", about "), Part(field="role"), Part(text=".")]


def test_doubled_braces_are_literal():
    parts = parse_placeholders("Use {{name}} for {name}; }} too", FIELDS)
    assert parts == [Part(text="Use {name} for "), Part(field="name"), Part(text="; } too")]
    assert fill(parts, FIELDS) == "Use {name} for [Your name]; } too"


@pytest.mark.parametrize("text, line, message", [
    ("one\ntwo {nmae}\n", 11, r"unknown placeholder \{nmae\} \(declared: name, role, mail\)"),
    ("one\n\nthree {name\n", 12, r"unclosed '\{' \(write '\{\{' for a literal brace\)"),
    ("one } two", 10, r"stray '\}' \(write '\}\}' for a literal brace\)"),
])
def test_placeholder_mistakes_name_their_line(text, line, message):
    with pytest.raises(NoteError, match=message) as error:
        parse_placeholders(text, FIELDS, first_line=10)
    assert error.value.line == line


def fields_from(yaml_text: str) -> dict[str, Field]:
    return parse_fields(read_front_matter(f"---\n{yaml_text}---\n# Notes\n"))


def test_fields_are_validated_each_at_its_own_line():
    assert list(fields_from("fields:\n  - id: a\n    label: A\n    kind: date\n")) == ["a"]
    two = "fields:\n  - id: a\n    label: A\n  - id: b\n    label: B\n"
    for bad, line, message in [
        ("title: x\n", None, "must list the placeholders"),
        ("fields: 3\n", 2, "must list the placeholders"),
        (two.replace("    label: B\n", ""), 5, "field 2 needs an 'id' and a 'label'"),
        (two.replace("id: b", "id: a"), 5, "'a' is declared twice"),
        (two.replace("id: b", "id: B-b"), 5, "must be lower case"),
        (two.replace("id: b", "id: constructor"), 5, "and not constructor"),
        (two + "    kind: number\n", 7, "kind must be one of text, date, email"),
        (two + "    colour: red\n", 7, "unknown key 'colour'"),
        (two + "    scope: interviewer\n    group: More\n", 8, "an interviewer's field is in each interviewer's row"),
        (two + "    example: [a, b]\n", 7, "field 2: 'example:' must be text, not \\['a', 'b'\\]"),
        (two.replace("label: B", "label: 2024"), 6, "field 2: 'label:' must be text, not 2024 \\(put it in quotes\\)"),
    ]:
        with pytest.raises(NoteError, match=message) as error:
            fields_from(bad)
        assert error.value.line == line, bad


def test_fields_of_a_group_are_shown_together_after_the_others():
    from notes import _groups

    fields = fields_from("fields:\n  - {id: a, label: A}\n  - {id: b, label: B, group: Later}\n"
                         "  - {id: c, label: C, scope: interviewer}\n  - {id: d, label: D}\n"
                         "  - {id: e, label: E, group: Later}\n")
    assert {name: [f.id for f in members] for name, members in _groups(fields).items()} == {
        "": ["a", "d"], "Later": ["b", "e"]}


def test_a_note_addressed_to_a_field():
    note = parse_note("---\ntitle: T\nsubject: S\nto: mail\n---\nBody\n", "t", FIELDS)
    assert note.to == "mail"
    assert parse_note("---\ntitle: T\nsubject: S\n---\nBody\n", "t", FIELDS).to == ""


def test_a_note_and_its_body_lines():
    source = "---\ntitle: Thanks\nsubject: Re {role}\norder: 2\n---\n\nDear {name},\nThanks\n"
    note = parse_note(source, "thanks", FIELDS)
    assert (note.id, note.title, note.order) == ("thanks", "Thanks", 2)
    assert fill(note.subject, FIELDS) == "Re [Job title]"
    assert fill(note.body, FIELDS) == "Dear [Your name],\nThanks"
    with pytest.raises(NoteError) as error:
        parse_note(source.replace(",\nThanks\n", ",\nThanks {x}\n"), "thanks", FIELDS)
    assert error.value.line == 8


@pytest.mark.parametrize("source, line, message", [
    ("---\ntitle: T\n---\nBody\n", 1, "missing 'subject:' in the front matter"),
    ("---\nsubject: S\n---\nBody\n", 1, "missing 'title:' in the front matter"),
    ("---\ntitle: T\nemail: false\nsubject: S\n---\nBody\n", 4, "a note with 'email: false' has no 'subject:'"),
    ("---\ntitle: T\nemail: no way\n---\nBody\n", 3, "'email:' must be true or false, not 'no way'"),
    ("---\ntitle: T\nemail: false\nto: mail\n---\nBody\n", 4, "a note with 'email: false' has no 'to:'"),
    ("---\ntitle: T\nsubject: S\nto: role\n---\nBody\n", 4,
     "'to:' must name a field of kind email \\(declared: mail\\), not 'role'"),
    ("---\ntitle: T\nsubject: S\nto: [mail]\n---\nBody\n", 4, "'to:' must name a field of kind email"),
    ("---\ntitle: T\nsubject: S {nope}\n---\nBody\n", 3, "unknown placeholder"),
    ("---\ntitle: T\nsubject: S\ncolour: red\n---\nBody\n", 4, "unknown front matter key 'colour'"),
    ("---\ntitle: T\nsubject: S\ntarget_words: 100\n---\nBody\n", 4, "must be two whole numbers"),
    ("---\ntitle: T\nsubject: S\ntarget_words: [true, false]\n---\nBody\n", 4, "must be two whole numbers"),
    ("---\ntitle: T\nsubject: S\ntarget_words: [300, -5]\n---\nBody\n", 4, "from 1 to 5000, the smaller first"),
    ("---\ntitle: T\nsubject: S\norder: first\n---\nBody\n", 4, "'order:' must be a number, not 'first'"),
    ("---\ntitle: T\nsubject: S\norder: [1]\n---\nBody\n", 4, "'order:' must be a number, not \\[1\\]"),
    ("---\ntitle: [a, b]\nsubject: S\n---\nBody\n", 2, "'title:' must be text, not \\['a', 'b'\\]"),
    ("---\ntitle: About {role}\nsubject: S\n---\nBody\n", 2, "'title:' cannot hold a placeholder \\(\\{role\\}\\)"),
    ("---\ntitle: T\nsubject: S\nwhen: After {name} calls\n---\nBody\n", 4, "'when:' cannot hold a placeholder"),
    ("---\ntitle: T\nsubject: S: again\n---\nBody\n", 3, "not valid YAML: mapping values are not allowed"),
    ("---\ntitle: T\nsubject: S\n---\n\n", 5, "no text after its front matter"),
])
def test_note_mistakes(source, line, message):
    with pytest.raises(SourceError, match=message) as error:
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
    with pytest.raises(PluginError, match=r"^docs/n/index.md:4: the front matter is not valid YAML"):
        read_notes("docs/n", {"docs/n/index.md": "---\nfields:\n  - id: a\n label: A\n---\n"})


def test_titles_keep_literal_braces():
    note = parse_note("---\ntitle: Use {{braces}}\nsubject: S\n---\nBody\n", "t", FIELDS)
    assert note.title == "Use {braces}"


def test_mailto_encodes_everything_and_uses_crlf():
    href = mailto_href("Re: A & B?", "Line 1\nLine 2 <img src=x> #50% é")
    assert href == ("mailto:?subject=Re%3A%20A%20%26%20B%3F"
                    "&body=Line%201%0D%0ALine%202%20%3Cimg%20src%3Dx%3E%20%2350%25%20%C3%A9")
    assert unquote(href.split("&body=")[1]) == "Line 1\r\nLine 2 <img src=x> #50% é"
