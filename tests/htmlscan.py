"""Read what the tests need out of built HTML: links, ids, title, meta tags, language."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

LINK_ATTRS = {"href", "src"}


class PageScan(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1_count = 0
        self.lang = ""
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.links += [v for k, v in values.items() if k in LINK_ATTRS]
        if "id" in values:
            self.ids.append(values["id"])
        if tag == "meta" and "name" in values:
            self.meta[values["name"]] = values.get("content", "")
        if tag == "html":
            self.lang = values.get("lang", "")
        self._in_title = tag == "title"
        self.h1_count += tag == "h1"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def scan(path: Path) -> PageScan:
    return PageScan(path.read_text(encoding="utf-8"))
