"""Note-templates hook: one Markdown file per note template becomes one generated page.

The folder `docs/<extra.notes_folder>/` (default `note-templates`) holds `index.md` (the
page's front matter, its intro, and the declared `fields:`) and one `.md` file per
template (front matter `title`, `subject`, optional `when`, `order`, `id`, `target_words`;
the body is the note). `{field_id}` is a placeholder, `{{` and `}}` are literal braces.
The folder is not built page by page: `on_files` swaps it for one generated
`<folder>.md` with a form that fills every template. `notes.js` does the filling, copying
and storing in the browser. UI words come from `extra.notes`; no advice text here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from hook_support import Feature, SourceError, build_of
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils.meta import YAML_RE, get_data

if TYPE_CHECKING:
    from jinja2 import Template
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

WORDS = {
    "form_label": "Your details",
    "privacy": "What you type stays in this browser. It is never sent anywhere.",
    "example": "For example: {example}",
    "clear": "Clear my details",
    "cleared": "Your details have been cleared.",
    "subject": "Subject",
    "copy": "Copy",
    "copy_body": "Copy body",
    "copied": "Copied to the clipboard.",
    "copy_failed": "Could not copy. Select the text and copy it by hand.",
    "open_email": "Open in email",
    "too_long": "This note is too long for an email link. Copy it instead.",
    "word_count": "{count} words",
    "word_target": "{count} words (aim for {min} to {max})",
}
FIELD_KINDS = ("text", "date")
ID = re.compile(r"^[a-z][a-z0-9_]*$")
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


def parse_fields(declared: object) -> dict[str, Field]:
    if not isinstance(declared, list) or not declared:
        raise NoteError("'fields:' must list the placeholders, each with an id and a label")
    fields: dict[str, Field] = {}
    for number, entry in enumerate(declared, 1):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("label"):
            raise NoteError(f"field {number} needs an 'id' and a 'label'")
        unknown = set(entry) - {"id", "label", "hint", "example", "kind"}
        if unknown:
            raise NoteError(f"field '{entry['id']}': unknown key '{min(unknown)}'")
        item = Field(**{k: str(v) for k, v in entry.items()})
        if not ID.match(item.id):
            raise NoteError(f"field id '{item.id}' must be lower case letters, digits and _")
        if item.id in fields:
            raise NoteError(f"field id '{item.id}' is declared twice")
        if item.kind not in FIELD_KINDS:
            raise NoteError(f"field '{item.id}': kind must be one of {', '.join(FIELD_KINDS)}")
        fields[item.id] = item
    return fields


def _key_line(source: str, key: str) -> int | None:
    """The line of `key:` in a file's front matter."""
    match = re.search(rf"^{key}\s*:", source, re.MULTILINE)
    return source.count("\n", 0, match.start()) + 1 if match else None


def parse_note(source: str, stem: str, fields: dict[str, Field]) -> Note:
    """One template file: front matter plus body. Raises NoteError with the file's line."""
    body, meta = get_data(source)
    for key in ("title", "subject"):
        if not str(meta.get(key) or "").strip():
            raise NoteError(f"missing '{key}:' in the front matter", 1)
    unknown = set(meta) - {"title", "subject", "when", "order", "id", "target_words"}
    if unknown:
        key = min(unknown)
        raise NoteError(f"unknown front matter key '{key}'", _key_line(source, key))
    note_id = str(meta.get("id", stem))
    if not re.match(r"^[a-z0-9][a-z0-9_-]*$", note_id):
        raise NoteError(f"template id '{note_id}' must be lower case letters, digits, - and _", 1)
    target = meta.get("target_words")
    if target is not None and not (
        isinstance(target, list) and len(target) == 2 and all(isinstance(n, int) for n in target)
    ):
        raise NoteError("'target_words:' must be two numbers, like [100, 200]", _key_line(source, "target_words"))
    body_line = source[: len(source) - len(body)].count("\n") + 1  # get_data returns a suffix
    if not body.strip():
        front_matter = YAML_RE.match(source)
        after = front_matter.group().count("\n") + 1 if front_matter else 1
        raise NoteError("the template has no text after its front matter", after)
    return Note(
        id=note_id,
        title=str(meta["title"]),
        subject=parse_placeholders(str(meta["subject"]), fields, _key_line(source, "subject") or 1),
        body=parse_placeholders(body.rstrip(), fields, body_line),
        when=str(meta.get("when", "")),
        order=float(meta.get("order", float("inf"))),
        target_words=tuple(target) if target else None,
    )


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
        fields = parse_fields(get_data(page_source)[1].get("fields"))
    except NoteError as error:
        error.line = error.line or _key_line(page_source, "fields")
        raise PluginError(error.at(index_path)) from None
    if not sources:
        raise PluginError(f"{folder}: no note templates (one .md file per template) beside index.md")
    notes: dict[str, Note] = {}
    for path, text in sorted(sources.items()):
        try:
            note = parse_note(text, Path(path).stem, fields)
        except NoteError as error:
            mistakes.append(error.at(path))
            continue
        note.source = path
        if note.id in notes:
            mistakes.append(f"{path}: template id '{note.id}' is already used by {notes[note.id].source}")
        notes[note.id] = note
    if mistakes:
        raise PluginError("\n".join(mistakes))
    return page_source, fields, sorted(notes.values(), key=lambda n: (n.order, n.title))


def render_page(page_source: str, fields: dict[str, Field], notes: list[Note], words: dict[str, str],
                template: Template) -> str:
    """The generated page's Markdown: the index's source, then the form and every template."""
    mailtos = {}
    for note in notes:
        href = mailto_href(fill(note.subject, fields), fill(note.body, fields))
        mailtos[note.id] = href if len(href) <= MAILTO_LIMIT else ""
    return page_source.rstrip() + "\n\n" + template.render(
        fields=fields, notes=notes, words=words, mailtos=mailtos, feature=FEATURE.name
    )


FEATURE = Feature(name="notes", words=WORDS, script=True, style=True)


# --- MkDocs events -----------------------------------------------------------------------


def _folder(config: MkDocsConfig) -> str:
    return str(config.extra.get("notes_folder", "note-templates")).strip("/")


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    folder = _folder(config)
    if not (Path(config.docs_dir) / folder).is_dir():
        return None
    build = build_of(config)
    docs = Path(config.docs_dir).name  # error lines name files as the author sees them
    sources = {}
    for file in [f for f in files if f.src_uri.startswith(folder + "/")]:
        files.remove(file)  # the sources make one page, not one page each
        if file.src_uri.endswith(".md"):
            sources[f"{docs}/{file.src_uri}"] = file.content_string
    page_source, fields, notes = read_notes(f"{docs}/{folder}", sources)
    content = render_page(page_source, fields, notes, build.words[FEATURE.name], build.template("notes.html"))
    page = File.generated(config, f"{folder}.md", content=content)
    page.edit_uri = f"{folder}/index.md"  # "edit this page" opens the sources
    files.append(page)
    build.use(page.src_uri, FEATURE.name)
    return files
