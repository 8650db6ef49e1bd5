"""Checklist hook: a page whose front matter says `checklist: <id>` becomes a checklist.

The page stays an ordinary Markdown task list under `##` section headings, which
pymdownx.tasklist renders. Each item gets a stable id (an explicit `{#id}` at the end of
the item, else one derived from its text) and its rendered box becomes a checkbox labelled
by the item's text; each section gets a progress line; a toolbar adds overall
progress, print, print-a-blank-copy and reset. The boxes, progress lines and toolbar are
put into the rendered HTML, not the Markdown: raw HTML in the Markdown would make the
page's conversion twice as slow. `checklist.js` keeps the ticks in the
reader's browser; `checklist.css` styles and prints it. UI words come from
`extra.checklist` in mkdocs.yml; there is no advice text here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hook_support import (
    SourceError,
    add_asset_files,
    hook_template,
    inline_assets,
    page_mistakes,
    raise_page_mistakes,
    source_path,
    ui_words,
    use_assets,
)
from markdown.extensions.toc import slugify

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

FEATURE = "checklist"  # checklist.js and checklist.css reach only pages with a checklist
WORDS = {
    "progress": "{done} of {total} done",
    "section_progress": "{done} of {total}",
    "print": "Print",
    "print_blank": "Print a blank copy",
    "reset": "Reset",
    "reset_confirm": "Clear every tick on this checklist?",
    "kept_here": "Your ticks are kept in this browser only.",
    "toolbar_label": "Checklist",
}

TASK = re.compile(r"^(?P<indent>\s*)[-*+] \[(?P<mark>[ xX])\]\s+(?P<text>.*?)\s*$")
EXPLICIT_ID = re.compile(r"\s*\{:?\s*#(?P<id>[A-Za-z0-9][A-Za-z0-9_-]*)\s*\}$")
SECTION = re.compile(r"^##\s+(?P<title>.+?)(?:\s+#+)?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
CHECKLIST_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# A task item as pymdownx.tasklist renders it, with or without its custom_checkbox and
# clickable_checkbox options: the box, then the item's own text, which ends where the item
# or its paragraph ends or a nested block starts.
RENDERED_TASK = re.compile(
    r'<li class="task-list-item">(?P<para>\s*<p>)?'
    r'(?:<label class="task-list-control">)?<input type="checkbox"(?: disabled)?(?: checked)?\s*/?>'
    r'(?:<span class="task-list-indicator"></span></label>)?[ ]?'
    r"(?P<text>.*?)(?=</li>|</p>|<p>|<ul|<ol|<div)",
    re.DOTALL,
)
# A section heading as rendered, with the mark that render_checklist put on it (attr_list
# writes it before or after the heading's id)
MARKED_SECTION = re.compile(r'(<h2[^>]*?) data-atl-section="(?P<line>\d+)"([^>]*>.*?</h2>)', re.DOTALL)
HEADING_ATTRS = re.compile(r"\s\{:?[^}\n]*\}$")  # an attr_list block that ends a heading
MAX_DERIVED_ID = 48


class ChecklistError(SourceError):
    """A mistake in a checklist's source."""


@dataclass
class Item:
    id: str
    text: str  # Markdown, without the explicit id
    line: int  # 0-based index into the Markdown's lines
    section: int
    checked: bool


@dataclass
class Checklist:
    sections: dict[int, str] = field(default_factory=dict)  # heading line -> plain title
    items: list[Item] = field(default_factory=list)

    @property
    def used_sections(self) -> set[int]:
        """The heading lines of the sections that hold items."""
        return {item.section for item in self.items}


def plain_text(markdown: str) -> str:
    """Item or heading text without links, markup and HTML, for ids and labels."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>|\{[^}]*\}", "", text)
    return re.sub(r"[*_`~]", "", text).strip()


def derive_id(text: str) -> str:
    """A stable id from an item's text: its slug, cut at a word boundary."""
    slug = slugify(plain_text(text), "-")
    if len(slug) > MAX_DERIVED_ID:
        slug = slug[: MAX_DERIVED_ID + 1].rsplit("-", 1)[0]
    return slug


def parse_checklist(markdown: str, first_line: int = 1) -> Checklist:
    """Find the sections and task items of a checklist page; raise ChecklistError on mistakes.

    `first_line` is the file's line number of the Markdown's first line (after front matter).
    """
    checklist = Checklist()
    first_use: dict[str, int] = {}
    in_fence = False
    section = None
    for number, line in enumerate(markdown.splitlines()):
        line_no = first_line + number
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        if heading := SECTION.match(line):
            section = number
            checklist.sections[number] = plain_text(heading["title"])
            continue
        task = TASK.match(line)
        if not task:
            continue
        if section is None:
            raise ChecklistError("a checklist item must sit under a '## ' section heading", line_no)
        text = task["text"]
        explicit = EXPLICIT_ID.search(text)
        if explicit:
            text = text[: explicit.start()]
        item_id = explicit["id"] if explicit else derive_id(text)
        if not item_id:
            raise ChecklistError("cannot derive an id from this item; give it one with {#some-id}", line_no)
        if item_id in first_use:
            raise ChecklistError(
                f"item id '{item_id}' is used twice (first on line {first_use[item_id]}); "
                "give one of them its own {#some-id}",
                line_no,
            )
        first_use[item_id] = line_no
        checklist.items.append(Item(item_id, text, number, section, task["mark"] != " "))
    if not checklist.items:
        raise ChecklistError("the checklist has no task-list items ('- [ ] ...')")
    return checklist


def item_markup(item: Item, text_html: str) -> str:
    """A task item as one checkbox, labelled by the item's text."""
    checked = " checked" if item.checked else ""
    return (
        f'<label class="atl-item"><input type="checkbox" data-item="{item.id}" '
        f'data-section="{item.section}"{checked}><span class="atl-box" aria-hidden="true"></span> '
        f"{text_html}</label>"
    )


def section_progress_markup(line: int, title: str) -> str:
    return (
        f'<p class="atl-section-progress atl-js-only atl-line" data-section-progress="{line}" '
        f'data-section-title="{html.escape(title)}"></p>'
    )


def mark_section(heading: str, line: int) -> str:
    """A `## ` heading with an attr_list mark that add_progress finds in the HTML, added to the
    heading's own `{...}` attributes if it has them (attr_list reads only the last block)."""
    title = SECTION.match(heading)["title"]
    mark = f'data-atl-section="{line}"'
    if HEADING_ATTRS.search(title):
        return f"## {title[:-1].rstrip()} {mark}}}"
    return f"## {title} {{: {mark} }}"


def render_checklist(markdown: str, checklist: Checklist) -> str:
    """The page's Markdown with the explicit ids taken out of the items (label_items adds
    them to the HTML), and each section that has items marked on its heading."""
    items = {item.line: item for item in checklist.items}
    used_sections = checklist.used_sections
    out: list[str] = []
    for number, line in enumerate(markdown.splitlines()):
        if number in items:
            item = items[number]
            line = f"{TASK.match(line)['indent']}- [{'x' if item.checked else ' '}] {item.text}"
        elif number in used_sections:
            line = mark_section(line, number)
        out.append(line)
    return "\n".join(out) + "\n"


def add_progress(page_html: str, checklist: Checklist, toolbar: str) -> str:
    """The rendered page with the toolbar before the first marked section heading, and a
    progress line under each, in place of the mark."""
    marked = list(MARKED_SECTION.finditer(page_html))
    if len(marked) != len(checklist.used_sections):
        raise ChecklistError(
            f"{len(checklist.used_sections)} sections with items in the source, but {len(marked)} "
            "rendered as headings: is a '## ' heading inside raw HTML?"
        )
    headings = []  # each without its mark, with its progress line under it
    for match in marked:
        line = int(match["line"])
        headings.append(f"{match[1]}{match[3]}\n{section_progress_markup(line, checklist.sections[line])}\n")
    headings[0] = toolbar + "\n\n" + headings[0]
    return _splice(page_html, marked, headings)


def label_items(page_html: str, checklist: Checklist) -> str:
    """The rendered page with each task item's box, in order, made its item's checkbox."""
    rendered = list(RENDERED_TASK.finditer(page_html))
    if len(rendered) != len(checklist.items):
        raise ChecklistError(
            f"{len(checklist.items)} checklist items in the source, but {len(rendered)} rendered as "
            "task-list items: is an item inside raw HTML or an indented code block?"
        )
    boxes = [
        "<li>" + (match["para"] or "") + item_markup(item, match["text"])
        for match, item in zip(rendered, checklist.items)
    ]
    return _splice(page_html, rendered, boxes).replace('<ul class="task-list">', "<ul>")


def _splice(page_html: str, matches: list[re.Match[str]], replacements: list[str]) -> str:
    """The page with each match, in order, replaced by its replacement."""
    parts, end = [], 0
    for match, replacement in zip(matches, replacements):
        parts += [page_html[end : match.start()], replacement]
        end = match.end()
    parts.append(page_html[end:])
    return "".join(parts)


# --- MkDocs events -----------------------------------------------------------------------

_owners: dict[str, str] = {}  # checklist id -> the page that uses it, per build
_pending: dict[str, Checklist] = {}  # page path -> its checklist, from its Markdown to its HTML


def on_config(config: MkDocsConfig) -> None:
    ui_words(config, "checklist", WORDS)  # a typo in mkdocs.yml fails at once
    # pymdownx.tasklist renders the items' boxes; attr_list the sections' marks
    for extension in ("pymdownx.tasklist", "attr_list"):
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    use_assets(config, feature=FEATURE)


def on_pre_build(config: MkDocsConfig) -> None:
    _owners.clear()
    _pending.clear()
    page_mistakes.clear()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    add_asset_files(files, config)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    checklist_id = page.meta.get("checklist")
    if checklist_id is None:
        return None
    path = source_path(page, config)
    try:
        checklist = _read_checklist(markdown, page, path, checklist_id)
    except ChecklistError as error:
        page_mistakes.append(error.at(path))
        return None
    _pending[path] = checklist
    return render_checklist(markdown, checklist)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    path = source_path(page, config)
    checklist = _pending.pop(path, None)
    if checklist is None:
        return None
    words = ui_words(config, "checklist", WORDS)
    toolbar = hook_template(config, "checklist.html").render(id=page.meta["checklist"], words=words, feature=FEATURE)
    try:
        return label_items(add_progress(html, checklist, toolbar), checklist)
    except ChecklistError as error:
        page_mistakes.append(error.at(path))
        return None


def on_env(env: object, *, config: MkDocsConfig, files: Files) -> None:
    raise_page_mistakes()


def _read_checklist(markdown: str, page: Page, path: str, checklist_id: object) -> Checklist:
    if not isinstance(checklist_id, str) or not CHECKLIST_ID.match(checklist_id):
        raise ChecklistError(f"'checklist: {checklist_id}' must be an id like 'follow-up'")
    if checklist_id in _owners:
        raise ChecklistError(f"checklist id '{checklist_id}' is already used by {_owners[checklist_id]}")
    _owners[checklist_id] = path
    # the Markdown comes without its front matter: count lines from the top of the file
    first_line = page.file.content_string.count("\n") - markdown.count("\n") + 1
    return parse_checklist(markdown, first_line)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    return inline_assets(output, page, config, FEATURE)
