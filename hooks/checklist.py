"""Checklist hook: a page whose front matter says `checklist: <id>` becomes a checklist.

The page stays an ordinary Markdown task list under `##` section headings. A Markdown
extension (`ChecklistExtension`, a treeprocessor on the page's real elements, the way
pymdownx.tasklist finds task items) makes each item a checkbox labelled by the item's text,
with a stable id (an explicit `{#id}` at the end of the item, else one made from its text),
puts a progress line under each section heading that has items and a toolbar (overall
progress, print, print a blank copy, reset) before the first. This hook only wires it: it
reads the front matter and hands the extension the page it is converting. `checklist.js`
keeps the ticks of the reader's chosen interview in their browser (through reader.js);
`checklist.css` styles and prints it. UI words come
from `extra.checklist` in mkdocs.yml; there is no advice text here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from front_matter import read_front_matter
from hook_support import Feature, SourceError, build_of, source_path
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

WORDS = {
    "progress": "{done} of {total} done",
    "section_progress": "{done} of {total}",
    "print": "Print",
    "print_blank": "Print a blank copy",
    "reset": "Reset",
    "reset_confirm": "Clear every tick on this checklist?",
    "reset_confirm_for": "Clear every tick for {title} on this checklist?",  # the chosen interview
    # where a planner step is done with an item here (`done_with:`): its tick is the step's "done"
    "reset_confirm_steps": "Clear every tick for {title} on this checklist? Steps of its follow-up plan that "
                           "they mark as done will be to do again.",
    "kept_here": "Your ticks are kept in this browser only.",
    "toolbar_label": "Checklist",
}
CHECKLIST_ID = re.compile(r"^(?!constructor$)[a-z0-9][a-z0-9_-]*$")  # not a name every JS object has
BOX = re.compile(r"^ *\[(?P<mark>[ xX])\] +(?P<text>.*)$", re.DOTALL)  # as pymdownx.tasklist reads it
ATTRIBUTES = re.compile(r"\s*\{:?(?P<inside>[^{}\n]*)\}\s*$")  # an attr_list block that ends an item
ITEM_ID = re.compile(r"^\s*#(?P<id>[A-Za-z0-9][A-Za-z0-9_-]*)\s*$")
# what raw HTML blocks must not hold on a checklist page: Markdown does not read them
RAW_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)]) +\[[ xX]\] ")
RAW_SECTION = re.compile(r"^\s*## ")
MAX_DERIVED_ID = 48
PRIORITY = 30  # before pymdownx.tasklist (25), which would draw other boxes, and inline (20)


class ChecklistError(SourceError):
    """A mistake in a checklist's source."""


@dataclass
class Item:
    id: str
    text: str  # Markdown, without the box and the explicit id
    checked: bool
    section: int  # which of the page's `##` headings it is under
    box_in: etree.Element  # the item's <li>, or its first <p> in a loose list


@dataclass
class Checklist:
    headings: list[etree.Element] = field(default_factory=list)  # every `##`, in order
    items: list[Item] = field(default_factory=list)

    @property
    def used_sections(self) -> list[int]:
        """The sections (indexes into `headings`) that hold items, in order."""
        return sorted({item.section for item in self.items})


@dataclass
class ChecklistPage:
    """The page the extension is converting, as the wiring hands it over."""

    id: str
    toolbar: str  # the toolbar's HTML
    source: str  # the page's Markdown, as in its file after the front matter
    first_line: int  # the file's line number of the source's first line
    report: Callable[[ChecklistError], None]


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


def line_of(page: ChecklistPage, written: str, nth: int = 0) -> int | None:
    """The file's line of the `nth` source line holding `written` (the first line of an
    item as Markdown keeps it), for error lines only: the tree has no line numbers."""
    written = written.strip()
    found = [n for n, line in enumerate(page.source.expandtabs(4).splitlines()) if written and written in line]
    return page.first_line + found[nth] if nth < len(found) else None


def _box(element: etree.Element) -> tuple[etree.Element, re.Match[str]] | None:
    """Where a list item's box is, and its match: in the item's own text, or in its first
    paragraph when the list is loose (as pymdownx.tasklist looks)."""
    if element.text:
        match = BOX.match(element.text)
        return (element, match) if match else None
    first = element[0] if len(element) else None
    if first is not None and first.tag == "p" and first.text and (match := BOX.match(first.text)):
        return first, match
    return None


def read_checklist(root: etree.Element, page: ChecklistPage) -> Checklist:
    """The sections and items of a page's element tree, before inline Markdown; raises
    ChecklistError on a mistake."""
    checklist = Checklist()
    first_use: dict[str, int | None] = {}
    written: list[str] = []  # each item's first line, to tell repeated lines apart
    for element in root.iter():
        if element.tag == "h2":
            checklist.headings.append(element)
        if element.tag != "li" or not (found := _box(element)):
            continue
        box_in, match = found
        first = box_in.text.splitlines()[0]
        line = line_of(page, first, written.count(first))
        written.append(first)
        if not checklist.headings:
            raise ChecklistError("a checklist item must sit under a '## ' section heading", line)
        text, item_id = _item_id(match["text"], line)
        if item_id in first_use:
            raise ChecklistError(
                f"item id '{item_id}' is used twice (first on line {first_use[item_id]}); "
                "give one of them its own {#some-id}", line)
        first_use[item_id] = line
        checklist.items.append(Item(item_id, text, match["mark"] != " ", len(checklist.headings) - 1, box_in))
    if not checklist.items:
        raise ChecklistError("the checklist has no task-list items ('- [ ] ...')")
    return checklist


def _item_id(text: str, line: int | None) -> tuple[str, str]:
    """An item's text without its explicit `{#id}`, and its id (explicit or derived)."""
    attributes = ATTRIBUTES.search(text)
    if attributes:
        explicit = ITEM_ID.match(attributes["inside"])
        if not explicit:
            raise ChecklistError(
                f"a checklist item can end with an id only, like {{#some-id}}, not {attributes.group().strip()}", line)
        return text[: attributes.start()], explicit["id"]
    item_id = derive_id(text)
    if not item_id:
        raise ChecklistError("cannot derive an id from this item; give it one with {#some-id}", line)
    return text, item_id


def check_raw_html(blocks: list[str], page: ChecklistPage) -> None:
    """Raw HTML blocks are not Markdown: an item or a `## ` heading in one would be left out
    of the checklist without a word."""
    for block in blocks:
        for raw in str(block).splitlines():
            what = "item" if RAW_ITEM.match(raw) else "'## ' heading" if RAW_SECTION.match(raw) else None
            if what:
                raise ChecklistError(
                    f"a checklist {what} inside a raw HTML block is not read as Markdown; "
                    "move it out, or add markdown=\"1\" to the HTML block", line_of(page, raw))


def build_checklist(root: etree.Element, checklist: Checklist, toolbar: str) -> None:
    """Make each item a checkbox labelled by its text, put a progress line under each
    section heading that has items, and `toolbar` (a stashed HTML placeholder) before the
    first of them."""
    for item in checklist.items:
        label = etree.Element("label", {"class": "atl-item"})
        # autocomplete off: Back must not bring back the ticks of the interview the page was
        # left with (checklist.js would take them for ticks made before it arrived)
        box = {"type": "checkbox", "autocomplete": "off", "data-item": item.id, "data-section": str(item.section)}
        etree.SubElement(label, "input", {**box, **({"checked": None} if item.checked else {})})
        etree.SubElement(label, "span", {"class": "atl-box", "aria-hidden": "true"}).tail = " " + item.text
        item.box_in.text = None
        item.box_in.insert(0, label)
    parents = {child: parent for parent in root.iter() for child in parent}
    for number in checklist.used_sections:
        heading = checklist.headings[number]
        parent = parents[heading]
        progress = etree.Element("p", {
            "class": "atl-section-progress atl-js-only atl-line",
            "data-section-progress": str(number),
            "data-section-title": plain_text("".join(heading.itertext())),
        })
        parent.insert(list(parent).index(heading) + 1, progress)
    first = checklist.headings[checklist.used_sections[0]]
    holder = etree.Element("p")
    holder.text = toolbar
    parents[first].insert(list(parents[first]).index(first), holder)


class ChecklistTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: ChecklistExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = self.extension.page
        if page is None:
            return
        try:
            check_raw_html(self.md.htmlStash.rawHtmlBlocks, page)
            checklist = read_checklist(root, page)
        except ChecklistError as error:
            page.report(error)
            return
        self.extension.items[page.id] = {item.id for item in checklist.items}
        build_checklist(root, checklist, self.md.htmlStash.store(page.toolbar))


class ChecklistExtension(Extension):
    """Turns the task list of the page in `page` into a checklist; other pages pass through.
    The wiring (here the MkDocs hook) sets `page` before each page is converted."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.page: ChecklistPage | None = None
        self.ids: dict[str, str] = {}  # checklist id -> the page that has it, this build
        self.items: dict[str, set[str]] = {}  # checklist id -> its items' ids (a planner step can be done with one)

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ChecklistTreeprocessor(md, self), "atl_checklist", PRIORITY)


def _check_id(checklist_id: object, used: dict[str, str], line: int | None) -> None:
    if checklist_id in (None, ""):
        raise ChecklistError("'checklist:' needs an id, like 'checklist: follow-up'", line)
    if not isinstance(checklist_id, str) or not CHECKLIST_ID.match(checklist_id):
        raise ChecklistError(f"'checklist: {checklist_id}' must be an id like 'follow-up'", line)
    if checklist_id in used:
        raise ChecklistError(f"checklist id '{checklist_id}' is already used by {used[checklist_id]}", line)


FEATURE = Feature(name="checklist", words=WORDS, script=True, style=True, needs=("reader",),
                  markdown=ChecklistExtension)


# --- MkDocs events -----------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    build = build_of(config)
    extension: ChecklistExtension = build.extensions[FEATURE.name]
    extension.page = None
    if "checklist" not in page.meta:
        return
    path = source_path(page, config)
    checklist_id = page.meta["checklist"]
    try:
        _check_id(checklist_id, extension.ids, read_front_matter(page.file.content_string).line("checklist"))
    except SourceError as error:
        build.report(error.at(path))
        return
    extension.ids[checklist_id] = path
    words = build.words[FEATURE.name]
    if any(checklist == checklist_id for checklist, _ in build.done_with.values()):
        words = {**words, "reset_confirm_for": words["reset_confirm_steps"]}
    toolbar = build.template("checklist.html").render(
        id=checklist_id, words=words, reader_words=build.words["reader"],
        scripts=build.use(page.file.src_uri, FEATURE.name),
    )
    extension.page = ChecklistPage(
        id=checklist_id,
        toolbar=toolbar,
        source=markdown,
        # the Markdown comes without its front matter: count lines from the top of the file
        first_line=page.file.content_string.count("\n") - markdown.count("\n") + 1,
        report=lambda error: build.report(error.at(path)),
    )
