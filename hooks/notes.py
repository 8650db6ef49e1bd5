"""Note-templates hook: one Markdown file per note template becomes one generated page.

The folder `docs/<extra.notes_folder>/` (default `note-templates`) holds `index.md` (the
page's front matter, its intro, and the declared `fields:`) and one `.md` file per
template (front matter `title`, `subject`, optional `when`, `order`, `id`, `target_words`,
`each`, `to` (a field of kind `email`: whom "Open in email" addresses), and `email: false` for
a note that is not an email, such as a phone script: it has no subject or `to`, and is copied,
not opened in an email app; the body is the note). `{field_id}` is a
placeholder, `{{` and `}}` are literal braces. The folder is not built page by page:
`on_files` swaps it for one generated `<folder>.md` with a form that fills every template.
`notes.js` does the filling, copying and storing in the browser. UI words come from
`extra.notes`; no advice text here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from front_matter import FrontMatter, read_front_matter
from hook_support import Feature, SourceError, build_of, docs_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from jinja2 import Template
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

WORDS = {
    "index": "Jump to a note",
    "form_label": "Your details",
    "privacy": "What you type stays in this browser. It is never sent anywhere.",
    "example": "For example: {example}",
    "clear": "Clear these details",
    "clear_confirm": "Clear everything in this form? Your name and contact go from every note, and this "
                     "interview's details and interviewers from every page.",
    "cleared": "Your details have been cleared.",
    "subject": "Subject",
    "copy": "Copy subject and text",
    "copy_body": "Copy the text",
    "copied": "Copied to the clipboard.",
    "copied_blanks": "Copied to the clipboard. Still in brackets, to fill in before you send it: {blanks}.",
    "copy_failed": "Could not copy. Select the text and copy it by hand.",
    "open_email": "Open in email",
    "too_long": "This note is too long for an email link. Copy it instead.",
    "word_count": "{count} words",
    "word_target": "{count} words (aim for {min} to {max})",
    "each_hint": "Add each interviewer above, and a note appears for each of them.",
    "for_person": "For {name}",
    "for_number": "For interviewer {number}",
}
FIELD_KINDS = ("text", "date", "email")
# who a field is about: the reader (their name and contact, once), the chosen interview (the
# default), or each of its interviewers (a template with `each: interviewer` is shown once
# for each of them)
FIELD_SCOPES = ("reader", "interview", "interviewer")
ID = re.compile(r"^[a-z][a-z0-9_]*$")
RESERVED = ("constructor",)  # a name every JavaScript object already has
NOTE_KEYS = {"title", "subject", "when", "order", "id", "target_words", "each", "email", "to"}
MAX_WORDS = 5000
MAILTO_LIMIT = 2000  # longer links fail in some mail apps and browsers


class NoteError(SourceError):
    """A mistake in a note template or in the declared fields."""


@dataclass
class Field:
    id: str
    label: str
    hint: str = ""
    example: str = ""
    kind: str = "text"
    scope: str = "interview"  # where reader.js keeps it: see FIELD_SCOPES
    group: str = ""  # the fields of a group are shown together, folded, under its name


@dataclass
class Part:
    """A run of literal text, or a placeholder when `field` is set."""

    text: str = ""
    field: str = ""


@dataclass
class Note:
    id: str
    title: str
    subject: list[Part]
    body: list[Part]
    when: str = ""
    order: float = float("inf")
    target_words: tuple[int, int] | None = None
    each: str = ""  # "interviewer": shown once for each interviewer of the chosen interview
    email: bool = True  # False: not an email (a phone script), so no subject and no email link
    to: str = ""  # the field (kind email) that holds the address "Open in email" writes to
    source: str = ""  # the file it came from, for error lines


def parse_placeholders(text: str, fields: dict[str, Field], first_line: int = 1) -> list[Part]:
    """Split text into literal runs and `{field}` placeholders; `{{`/`}}` are literal braces."""
    parts: list[Part] = []
    literal = ""
    for match in re.finditer(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]|[^{}]+", text):
        token, line = match.group(), first_line + text.count("\n", 0, match.start())
        if token in ("{{", "}}"):
            literal += token[0]
        elif token == "{":
            raise NoteError("unclosed '{' (write '{{' for a literal brace)", line)
        elif token == "}":
            raise NoteError("stray '}' (write '}}' for a literal brace)", line)
        elif token.startswith("{"):
            name = match.group(1).strip()
            if name not in fields:
                declared = ", ".join(fields) or "none"
                raise NoteError(f"unknown placeholder {token} (declared: {declared})", line)
            if literal:
                parts.append(Part(text=literal))
                literal = ""
            parts.append(Part(field=name))
        else:
            literal += token
    if literal:
        parts.append(Part(text=literal))
    return parts


def parse_fields(front: FrontMatter) -> dict[str, Field]:
    """The placeholders declared under `fields:` in the templates' index.md."""
    declared = front.data.get("fields")
    if not isinstance(declared, list) or not declared:
        raise NoteError("'fields:' must list the placeholders, each with an id and a label", front.line("fields"))
    fields: dict[str, Field] = {}
    for index, entry in enumerate(declared):
        item = _field(entry, index + 1, lambda *key: front.line("fields", index, *key))  # noqa: B023 (used at once)
        if item.id in fields:
            raise NoteError(f"field id '{item.id}' is declared twice", front.line("fields", index, "id"))
        fields[item.id] = item
    return fields


def _field(entry: object, number: int, line: Callable[..., int | None]) -> Field:
    """One declared field; `line(key)` finds where its key is written."""
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get("label"):
        raise NoteError(f"field {number} needs an 'id' and a 'label'", line())
    unknown = sorted(set(entry) - set(Field.__annotations__), key=str)
    if unknown:
        raise NoteError(f"field '{entry['id']}': unknown key '{unknown[0]}'", line(unknown[0]))
    for key, value in entry.items():
        if not isinstance(value, str):
            raise NoteError(f"field {number}: '{key}:' must be text, not {value!r} (put it in quotes)", line(key))
    item = Field(**entry)
    if not ID.match(item.id) or item.id in RESERVED:
        raise NoteError(f"field id '{item.id}' must be lower case letters, digits and _, and not "
                        f"{' or '.join(RESERVED)}", line("id"))
    for key, allowed in (("kind", FIELD_KINDS), ("scope", FIELD_SCOPES)):
        if getattr(item, key) not in allowed:
            raise NoteError(f"field '{item.id}': {key} must be one of {', '.join(allowed)}", line(key))
    if item.group and item.scope == "interviewer":
        raise NoteError(f"field '{item.id}': an interviewer's field is in each interviewer's row, not in a group",
                        line("group"))
    return item


def _is_email(meta: dict, line: Callable[[str], int | None]) -> bool:
    """Whether the note is an email (the default) or not (`email: false`), which decides
    whether it needs a subject; and that it has a title."""
    email = meta.get("email", True)
    if not isinstance(email, bool):
        raise NoteError(f"'email:' must be true or false, not {email!r}", line("email"))
    for key in ("subject", "to"):
        if not email and key in meta:
            raise NoteError(f"a note with 'email: false' has no '{key}:'", line(key))
    for key in ("title", "subject") if email else ("title",):
        if meta.get(key) in (None, ""):
            raise NoteError(f"missing '{key}:' in the front matter", line(key) or 1)
    return email


def parse_note(source: str, stem: str, fields: dict[str, Field]) -> Note:
    """One template file: front matter plus body. Raises NoteError with the file's line."""
    front = read_front_matter(source)
    meta, line = front.data, front.line
    unknown = sorted(set(meta) - NOTE_KEYS, key=str)
    if unknown:
        raise NoteError(f"unknown front matter key '{unknown[0]}'", line(unknown[0]))
    email = _is_email(meta, line)
    if meta.get("each", "interviewer") != "interviewer":
        raise NoteError(f"'each:' can only be 'interviewer', not {meta['each']!r}", line("each"))
    for key in ("title", "subject", "when", "id"):
        if key in meta and not isinstance(meta[key], str):
            raise NoteError(f"'{key}:' must be text, not {meta[key]!r} (put it in quotes)", line(key))
    note_id = meta.get("id", stem)
    if not re.match(r"^[a-z0-9][a-z0-9_-]*$", note_id):
        raise NoteError(f"template id '{note_id}' must be lower case letters, digits, - and _", line("id") or 1)
    order = meta.get("order", float("inf"))
    if isinstance(order, bool) or not isinstance(order, int | float):
        raise NoteError(f"'order:' must be a number, not {order!r}", line("order"))
    body = front.body.lstrip("\n")
    body_line = front.body_line + len(front.body) - len(body)  # the blank lines it starts with
    if not body.strip():
        raise NoteError("the template has no text after its front matter", front.body_line)
    return Note(
        id=note_id,
        title=_plain(meta["title"], "title", fields, line("title")),
        subject=parse_placeholders(meta["subject"], fields, line("subject") or 1) if email else [],
        body=parse_placeholders(body.rstrip(), fields, body_line),
        when=_plain(meta.get("when", ""), "when", fields, line("when")),
        order=float(order),
        target_words=_target(meta.get("target_words"), line("target_words")),
        each=meta.get("each", ""),
        email=email,
        to=_recipient(meta.get("to", ""), fields, line("to")),
    )


def _recipient(to: object, fields: dict[str, Field], line: int | None) -> str:
    """`to:`: the id of a declared field of kind email, or nothing."""
    if to == "":
        return ""
    addresses = [f.id for f in fields.values() if f.kind == "email"]
    if to not in addresses:
        raise NoteError(f"'to:' must name a field of kind email (declared: {', '.join(addresses) or 'none'}), "
                        f"not {to!r}", line)
    return str(to)


def _plain(text: str, key: str, fields: dict[str, Field], line: int | None) -> str:
    """A title or `when:` line: text with literal braces, and no placeholder (it would not be
    filled in: headings and their links must not change as the reader types)."""
    parts = parse_placeholders(text, fields, line or 1)
    placeholders = [part.field for part in parts if part.field]
    if placeholders:
        raise NoteError(f"'{key}:' cannot hold a placeholder ({{{placeholders[0]}}}): it is not filled in", line)
    return "".join(part.text for part in parts)


def _target(target: object, line: int | None) -> tuple[int, int] | None:
    if target is None:
        return None
    if not (isinstance(target, list) and len(target) == 2 and all(type(n) is int for n in target)
            and 1 <= target[0] <= target[1] <= MAX_WORDS):
        raise NoteError(f"'target_words:' must be two whole numbers from 1 to {MAX_WORDS}, the smaller first, "
                        "like [100, 200]", line)
    return target[0], target[1]


def fill(parts: list[Part], fields: dict[str, Field]) -> str:
    """The text with every placeholder shown as its bracketed label, as the page starts."""
    return "".join(part.text or f"[{fields[part.field].label}]" for part in parts)


def mailto_href(subject: str, body: str) -> str:
    """A mailto: link with subject and body; line breaks as CRLF (%0D%0A), as RFC 6068 asks."""
    encode = lambda text: quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:?subject={encode(subject)}&body={encode(body)}"


def read_notes(folder: str, sources: dict[str, str]) -> tuple[str, dict[str, Field], list[Note]]:
    """The page's own source, its fields, and its templates in order, from `{path: text}`.

    Raises PluginError listing every mistake, one line each: "path:line: message".
    """
    mistakes: list[str] = []
    index_path = f"{folder}/index.md"
    if index_path not in sources:
        raise PluginError(f"{index_path}: missing; it holds the page's title, intro and 'fields:'")
    page_source = sources.pop(index_path)
    try:
        fields = parse_fields(read_front_matter(page_source))
    except SourceError as error:
        raise PluginError(error.at(index_path)) from None
    if not sources:
        raise PluginError(f"{folder}: no note templates (one .md file per template) beside index.md")
    notes: dict[str, Note] = {}
    for path, text in sorted(sources.items()):
        try:
            note = parse_note(text, Path(path).stem, fields)
        except SourceError as error:
            mistakes.append(error.at(path))
            continue
        note.source = path
        if note.id in notes:
            mistakes.append(f"{path}: template id '{note.id}' is already used by {notes[note.id].source}")
        notes[note.id] = note
    if mistakes:
        raise PluginError("\n".join(mistakes))
    return page_source, fields, sorted(notes.values(), key=lambda n: (n.order, n.title))


def render_page(page_source: str, fields: dict[str, Field], notes: list[Note], template: Template,
                **context: object) -> str:
    """The generated page's Markdown: the index's source, then the form and every template.
    `context` gives the template its words, the reader's words and the scripts to load."""
    mailtos = {}
    for note in (note for note in notes if note.email):
        href = mailto_href(fill(note.subject, fields), fill(note.body, fields))
        mailtos[note.id] = href if len(href) <= MAILTO_LIMIT else ""
    return page_source.rstrip() + "\n\n" + template.render(
        fields=fields, notes=notes, mailtos=mailtos, **context,
        kinds={f.id: [f.scope, f.kind] for f in fields.values()},
        people_fields=[f for f in fields.values() if f.scope == "interviewer"],
        groups=_groups(fields),
    )


def _groups(fields: dict[str, Field]) -> dict[str, list[Field]]:
    """The fields of the form by group, each group in the order it first comes: "" (the
    fields shown at once) first. An interviewer's fields are in their rows."""
    groups: dict[str, list[Field]] = {"": []}
    for field in fields.values():
        if field.scope != "interviewer":
            groups.setdefault(field.group, []).append(field)
    return groups


FEATURE = Feature(name="notes", words=WORDS, script=True, style=True, needs=("reader", "details"))


# --- MkDocs events -----------------------------------------------------------------------


def _folder(config: MkDocsConfig) -> str:
    return str(config.extra.get("notes_folder", "note-templates")).strip("/")


@event_priority(50)  # before the planner's: its follow-ups page shows the interviewers' fields declared here
def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    folder = _folder(config)
    if not (Path(config.docs_dir) / folder).is_dir():
        return None
    build = build_of(config)
    sources, unreadable = {}, []
    for file in [f for f in files if f.src_uri.startswith(folder + "/")]:
        files.remove(file)  # the sources make one page, not one page each
        if file.src_uri.endswith(".md"):
            try:
                sources[docs_path(file.src_uri, config)] = file.content_string
            except UnicodeDecodeError as error:
                line = error.object[: error.start].count(b"\n") + 1
                unreadable.append(f"{docs_path(file.src_uri, config)}:{line}: not UTF-8 text; save it as UTF-8")
    if unreadable:
        raise PluginError("\n".join(unreadable))
    page_source, fields, notes = read_notes(docs_path(folder, config), sources)
    build.scopes.update({field.id: field.scope for field in fields.values()})
    build.fields.update({field.id: asdict(field) for field in fields.values()})
    scripts = build.use(f"{folder}.md", FEATURE.name)
    content = render_page(page_source, fields, notes, build.template("notes.html"), words=build.words[FEATURE.name],
                          reader_words=build.words["reader"], region=build.fields.get("region"), scripts=scripts)
    page = File.generated(config, f"{folder}.md", content=content)
    page.edit_uri = f"{folder}/index.md"  # "edit this page" opens the sources
    files.append(page)
    return files
