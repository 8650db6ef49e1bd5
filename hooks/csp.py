"""The site's Content-Security-Policy: the browser itself enforces "no request to any other host".

Not a hook (features.py, the owner, wires it). Every page carries the same policy in a
`<meta http-equiv>`: Material's instant navigation brings the next page's head elements
along, and a second policy would be added to the first (policies only ever add up), so a
page-by-page list of hashes would block the next page's inline code. The policy allows the
site's own origin and, for inline code, exactly the sha256 hashes of the inline scripts and
styles of all the site's pages (Material's few small scripts, which differ by page depth,
and the hooks' inline code), never 'unsafe-inline' or 'unsafe-eval'.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

PLACEHOLDER = "atl-content-security-policy"  # the meta's content until every page is known
META = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
CHARSET = '<meta charset="utf-8">'  # Material's first head element; it must end within the first 1,024 bytes
NAME_ENDS = (b"", b" ", b"\t", b"\n", b"\r", b"\f", b"/", b">")  # what may follow a tag's name
RUNS = {None, "", "text/javascript", "module", "application/javascript"}  # script types that run


class _InlineCode(HTMLParser):
    """The text of every inline script that runs and every <style>, as the browser hashes it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "style" or (tag == "script" and "src" not in values and values.get("type") in RUNS):
            self._open = self.styles if tag == "style" else self.scripts
            self._open.append("")

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._open = None


def inline_code(page_html: str, known: set[str] | None = None) -> tuple[set[str], set[str]]:
    """The hashes ('sha256-...') of a page's inline scripts, and of its inline styles; with
    `known`, only of the elements not in it (which it then holds): most are on every page."""
    parser = _InlineCode()
    for element in _code_elements(page_html):
        if known is not None:
            if element in known:
                continue
            known.add(element)
        parser.feed(element)
    parser.close()
    return {_hash(s) for s in parser.scripts}, {_hash(s) for s in parser.styles}


def _code_elements(page_html: str) -> Iterator[str]:
    """Each stretch of the page from a '<script' or '<style' to its end tag, for the parser.
    Parsing only these is many times quicker than parsing the whole page, and misses
    nothing: every such element starts so. A stretch that is not one (in a comment, say)
    only adds a hash that allows nothing the page does not already hold."""
    page = page_html.encode("utf-8")
    lower = page.lower()  # bytes: only A to Z change, so the positions stay the same
    for name in (b"script", b"style"):
        start = lower.find(b"<" + name)
        while start != -1:
            end = _end_tag(lower, name, start)
            yield page[start:end].decode("utf-8")  # from a '<' to after a '>': whole characters
            start = lower.find(b"<" + name, end)


def _end_tag(lower: bytes, name: bytes, start: int) -> int:
    """Where the element of `name` opened at `start` ends: after its '</name>', as browsers
    end a script's or style's text (or the page's end)."""
    close = start
    while (close := lower.find(b"</" + name, close + 1)) != -1:
        after = close + 2 + len(name)
        if lower[after:after + 1] in NAME_ENDS:
            end = lower.find(b">", after)
            return len(lower) if end == -1 else end + 1
    return len(lower)


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def policy(scripts: set[str], styles: set[str]) -> str:
    """The policy for pages whose inline code has these hashes."""
    return "; ".join([
        "default-src 'self'",  # pages, search index and worker, fonts: this origin only
        f"script-src 'self' {' '.join(sorted(scripts))}",
        f"style-src 'self' {' '.join(sorted(styles))}",
        # Material draws its icons in CSS as data: SVG images (admonitions, lists, search)
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",  # no form is ever sent: what a reader types stays here
    ])


class SitePolicy:
    """The policy of one build: each page gets the placeholder meta as it is written, and
    once every page is written, the policy for all of them (`finish`)."""

    def __init__(self) -> None:
        self.scripts: set[str] = set()
        self.styles: set[str] = set()
        self.files: list[Path] = []
        self._elements: set[str] = set()  # the inline code already hashed

    def add(self, page_html: str, written_to: Path) -> str:
        """The page with the placeholder meta before any script or style, its inline code
        noted: right after the character set, which a browser looks for in the page's first
        1,024 bytes (the policy, with a hash for each inline piece, is longer than that),
        else first in the head."""
        scripts, styles = inline_code(page_html, self._elements)
        self.scripts |= scripts
        self.styles |= styles
        self.files.append(written_to)
        if CHARSET in page_html[:1024]:
            return page_html.replace(CHARSET, f"{CHARSET}\n{META}", 1)
        return page_html.replace("<head>", f"<head>\n{META}", 1)

    def finish(self) -> None:
        content = policy(self.scripts, self.styles)  # quotes and base64 only: safe in the attribute
        for path in self.files:
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace(PLACEHOLDER, content, 1), encoding="utf-8")
