"""Guide hook: the whole guide as one page to print, and links to other sites marked for paper.

When the nav lists `guide.md`, this hook generates that page: a contents list, then every
other page of the nav in its order, each a part that starts on a new page in print. The
parts are the pages' own rendered content (`page.content`, read in `on_env` once every page
is converted), so the checklist and the planner come as their Markdown extensions made them,
with the page's context. Python's HTML parser copies each part without what needs
JavaScript or a reader's input (forms, buttons, the `atl-js-only` tools, live regions), and
with its ids prefixed by the part's id so that they stay unique; links to a page the guide
holds point to that part, the others are made relative to the guide. The follow-ups page is
left out: it is the reader's own list, kept in their browser.

`ExternalLinksExtension` marks every Markdown link to another site (`atl-external`) as each
page is converted (a link written in raw HTML is not in the tree it reads): `print.css` prints
their address after them. An address alone cannot tell them apart in the browser, as instant
navigation gives the site's own links full addresses too.

UI words come from `extra.guide` in mkdocs.yml; the advice is in the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from html import escape, unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

import yaml
from hook_support import Feature, build_of, docs_path
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    import xml.etree.ElementTree as etree

    from hook_support import Build
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

WORDS = {
    "title": "Print the guide",
    "description": "The whole guide in one document, each page a part of its own, to print as a handout "
                   "or save as a PDF.",
    "intro": "Every page of this guide in one document, to print as a handout or save as a PDF. Each part "
             "starts on a new page.",
    "print": "Print",
    "contents": "Contents",
    "online": "Online at {url}",
}
GUIDE_PAGE = "guide.md"  # generated when the nav lists it
LEFT_OUT = ("follow-ups.md",)  # the planner's list of the reader's interviews: JavaScript only, nothing to print
EXTERNAL = "atl-external"  # the class of a link to another site

# What a part leaves out: controls, code, and what only a script shows or fills in
DROPPED_TAGS = {"button", "form", "input", "select", "textarea", "template", "script", "style"}
DROPPED_CLASSES = {"atl-js-only", "md-button", "atl-no-print"}  # atl-no-print: a screen's aid, as a jump list
NO_JS = "atl-no-js"  # what stands in for the tools without JavaScript: the guide's text, always shown
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# headings one level down (the guide has its own h1); labels, whose controls are gone, become text
RENAMED = {"h1": "h2", "h2": "h3", "h3": "h4", "h4": "h5", "h5": "h6", "label": "span"}
ID_REFERENCES = ("for", "aria-controls", "aria-describedby", "aria-labelledby", "aria-owns")


# --- links to other sites ----------------------------------------------------------------


def is_external(href: str, site_url: str | None) -> bool:
    """A link to another site: a web address that is not under the site's own address."""
    if urlsplit(href).scheme not in ("http", "https"):
        return False
    own = (site_url or "").rstrip("/")
    return not own or not (href == own or href.startswith(own + "/"))


class ExternalLinks(Treeprocessor):
    """Adds the class `atl-external` to each link to another site, unless its text is its
    address already (an autolink): print.css prints the address after it."""

    def __init__(self, md: Markdown, extension: ExternalLinksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if is_external(href, self.extension.site_url) and "".join(link.itertext()).strip() != href:
                link.set("class", " ".join([*link.get("class", "").split(), EXTERNAL]))


class ExternalLinksExtension(Extension):
    """Marks the links to other sites; `site_url` (set by the wiring) is the site's own address."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.site_url: str | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ExternalLinks(md, self), "atl_external_links", 15)  # after inline (20)


# --- one page's content as a part of the guide -------------------------------------------


def guide_link(url: str, page_url: str, parts: Mapping[str, str], guide_url: str) -> str:
    """Where a link on the page at `page_url` points from the guide: to the part's anchor when
    it goes to a page the guide holds (`parts`: page URL -> part id), else to the same place,
    relative to the guide. Links to other sites, `mailto:` and the like stay as they are."""
    link = urlsplit(url)
    if link.scheme or link.netloc:
        return url
    target = urlsplit(urljoin(f"/{page_url}", url))
    path = target.path.lstrip("/")
    if path in parts and not target.query:
        part = parts[path]
        return f"#{part}--{target.fragment}" if target.fragment else f"#{part}"
    return urlunsplit(("", "", get_relative_url(path, guide_url), target.query, target.fragment))


def _dropped(tag: str, attrs: dict[str, str | None]) -> bool:
    classes = set((attrs.get("class") or "").split())
    return tag in DROPPED_TAGS or bool(classes & DROPPED_CLASSES) or "hidden" in attrs or attrs.get("role") == "status"


class PartWriter(HTMLParser):
    """Copies a page's rendered content as a part of the guide (see the module's docstring).
    Only the start and end tags change; text and character references are copied as they
    are. `link` rewrites an href or src; `part` prefixes every id and what refers to one."""

    def __init__(self, part: str, link: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=False)
        self.part, self.link = part, link
        self.out: list[str] = []
        self.ids: list[str] = []
        self.title = ""  # the text of its first h1, which the guide's contents list shows
        self._skip: tuple[str, int] | None = None  # the dropped element's tag, and how deep inside it
        self._title: list[str] | None = None  # the first h1's text while inside it
        self._permalink = False  # inside the first h1's permalink (its "¶")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping(tag, 1):
            return
        if _dropped(tag, dict(attrs)):
            if tag not in VOID:
                self._skip = (tag, 1)
            return
        self._note_title(tag, attrs)
        self.out.append(f"<{RENAMED.get(tag, tag)}{self._attributes(tag, attrs)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip is None and not _dropped(tag, dict(attrs)):
            self.out.append(f"<{RENAMED.get(tag, tag)}{self._attributes(tag, attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping(tag, -1) or tag in VOID:
            return
        if self._title is not None and tag in ("a", "h1"):
            self._permalink = False
            if tag == "h1":
                self.title, self._title = unescape("".join(self._title)).strip(), None
        self.out.append(f"</{RENAMED.get(tag, tag)}>")

    def handle_data(self, data: str) -> None:
        if self._skip is None:
            self.out.append(data)
            if self._title is not None and not self._permalink:
                self._title.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def _skipping(self, tag: str, step: int) -> bool:
        """Inside a dropped element: count its own tag in and out, and stay quiet."""
        if self._skip is None:
            return False
        name, depth = self._skip
        depth += step if tag == name else 0
        self._skip = (name, depth) if depth else None
        return True

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        """The attributes as the guide writes them: no data- (the tools' scripts must not take
        the copy for theirs), ids prefixed, links rewritten, every <details> open."""
        kept: list[tuple[str, str | None]] = []
        for name, value in attrs:
            if name.startswith("data-"):
                continue
            if name == "id" and value:
                value = self._anchor(value)
                self.ids.append(value)
            elif name in ID_REFERENCES and value:
                value = " ".join(self._anchor(one) for one in value.split())
            elif name in ("href", "src") and value is not None:
                value = self.link(value)
            elif name == "class" and value and NO_JS in value.split():
                value = " ".join(one for one in value.split() if one != NO_JS)
                if not value:
                    continue
            kept.append((name, value))
        if tag == "details" and "open" not in dict(attrs):
            kept.append(("open", None))
        return "".join(f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in kept)

    def _note_title(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Start reading the first h1's text, without its permalink."""
        if tag == "h1" and not self.title and self._title is None:
            self._title = []
        elif tag == "a" and self._title is not None and "headerlink" in (dict(attrs).get("class") or "").split():
            self._permalink = True

    def _anchor(self, page_id: str) -> str:
        return f"{self.part}--{page_id}"


@dataclass
class Part:
    """One page of the guide, as the guide shows it."""

    id: str  # its anchor in the guide, and the prefix of its own ids
    title: str
    html: str
    headed: bool  # it has its own h1, now an h2 (else the guide gives it one with its title)
    ids: list[str]


def write_part(html: str, part: str, link: Callable[[str], str], title: str) -> Part:
    """A page's rendered content as a part of the guide. Its title is its first heading as
    the page shows it (the nav may give it a shorter one, like "Home"), else `title`."""
    writer = PartWriter(part, link)
    writer.feed(html)
    writer.close()
    return Part(id=part, title=writer.title or title, html="".join(writer.out), headed=bool(writer.title),
                ids=writer.ids)


def part_ids(src_uris: list[str]) -> dict[str, str]:
    """An id for each page of the guide, from its file's path ('timing.md' -> 'timing',
    'a/index.md' -> 'a-index'), unique among them."""
    ids: dict[str, str] = {}
    for src_uri in src_uris:
        base = src_uri.removesuffix(".md").replace("/", "-").lower() or "page"
        part, number = base, 1
        while part in ids.values():
            number += 1
            part = f"{base}-{number}"
        ids[src_uri] = part
    return ids


FEATURE = Feature(name="guide", words=WORDS, script=True, style=True)
LINKS = Feature(name="external-links", markdown=ExternalLinksExtension)
FEATURES = (LINKS, FEATURE)
OWN_STYLE = ("checklist", "reader", "details")  # features whose CSS the guide does not carry: see _styles


# --- MkDocs events -----------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    """After features.py (priority 100) has made the build and its extensions."""
    build_of(config).extensions[LINKS.name].site_url = config.site_url


@event_priority(-50)  # after the note templates' and the planner's pages: the files keep one order
def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    if GUIDE_PAGE not in _nav_files(config.nav or []):
        return None
    if files.get_file_from_path(GUIDE_PAGE):
        raise PluginError(f"mkdocs.yml: the nav lists {GUIDE_PAGE}, which the guide hook generates, but "
                          f"{docs_path(GUIDE_PAGE, config)} exists too: rename one")
    if not _part_files(config, files):
        raise PluginError(f"mkdocs.yml: the nav lists {GUIDE_PAGE}, but no other page to put in it")
    words = build_of(config).words[FEATURE.name]
    meta = {"title": words["title"], "description": words["description"], "search": {"exclude": True}}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    files.append(File.generated(config, GUIDE_PAGE, content=f"---\n{front}---\n"))
    return files


def on_env(env: object, *, config: MkDocsConfig, files: Files) -> None:
    """Every page is converted: the guide gathers them (see the module's docstring)."""
    guide = files.get_file_from_path(GUIDE_PAGE)
    if guide is None or guide.page is None or GUIDE_PAGE not in _nav_files(config.nav or []):
        return
    build = build_of(config)
    pages = [file.page for file in _part_files(config, files) if file.page is not None]
    ids = part_ids([page.file.src_uri for page in pages])
    by_url = {page.url: ids[page.file.src_uri] for page in pages}
    parts = [write_part(page.content or "", ids[page.file.src_uri], title=page.title or "",
                        link=partial(guide_link, page_url=page.url, parts=by_url, guide_url=guide.page.url))
             for page in pages]
    _check_ids(parts)
    for name in _styles(build, pages):
        build.use(GUIDE_PAGE, name, needs=False)  # the parts' look: the guide runs none of their scripts
    guide.page.content = build.template("guide.html").render(
        words=build.words[FEATURE.name], parts=parts, scripts=build.use(GUIDE_PAGE, FEATURE.name),
        site_name=config.site_name, site_description=config.site_description, site_url=config.site_url,
    )


def _part_files(config: MkDocsConfig, files: Files) -> list[File]:
    """The pages the guide holds: every Markdown page of the nav, in its order, but the guide
    itself and the pages in LEFT_OUT."""
    found = (files.get_file_from_path(path) for path in _nav_files(config.nav or []))
    return [file for file in found if file and file.is_documentation_page()
            and file.src_uri not in (GUIDE_PAGE, *LEFT_OUT)]


def _styles(build: Build, pages: list[Page]) -> list[str]:
    """The features whose CSS the guide carries: those of its parts (the note templates'
    layout, the planner's timeline), but the checklist's, whose print rules lay out a whole
    page as one short list (guide.css draws the checklist's boxes itself), and the reader's and
    the details', which style the interview picker and the forms that the guide leaves out."""
    used = [feature for page in pages for feature in build.features_of(page)]
    return list(dict.fromkeys(f.name for f in used if f.style and f.name not in OWN_STYLE))


def _check_ids(parts: list[Part]) -> None:
    """Part ids and the ids they prefix come from file names and headings: two pages could
    still make one id ('a-b.md' with '#c', 'a.md' with '#b--c'), which a link cannot tell apart."""
    seen: dict[str, str] = {}
    for part in parts:
        for one in [part.id, *part.ids]:
            if one in seen:
                raise PluginError(f"mkdocs.yml: the guide would have the id '{one}' twice (from {seen[one]} and "
                                  f"{part.title}): rename a page or a heading")
            seen[one] = part.title


def _nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [f for value in values for f in _nav_files(value)]
