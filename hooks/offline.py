"""Offline hook: every page and feature works without a network after one visit.

Material's own offline plugin turns instant navigation off; this keeps it. After the build,
this hook lists what the site uses (`offline.json`: every page, the 404 page, the search
index, the sitemap instant navigation reads, Material's and the hooks' files, the holiday
tables; not source maps, nor search languages the site does not use) and writes the service
worker `sw.js` at the site's root (its scope is the site, sub-path and all), named for a hash
of those files: a new deploy has a new worker, which replaces the old cache on the reader's
next visit online. `offline.js` (inline on every page) registers it and says, in the footer,
when the site is kept offline. The Content-Security-Policy allows it as the site's own script.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from hook_support import HOOKS_DIR, Feature, compact
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

WORDS = {"kept": "Available offline: this site works without a network in this browser."}
LEFT_OUT = (".map", ".gz")  # source maps and compressed copies: no reader's page asks for them


def kept_files(site_dir: Path, languages: list[str]) -> list[str]:
    """What the site uses, as paths relative to its root (URLs of pages end in '/')."""
    files = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if relative.endswith(LEFT_OUT) or relative in ("sw.js", "offline.json") or not _used_lunr(relative, languages):
            continue
        files.append(relative.removesuffix("index.html") if relative.endswith("/index.html") else relative)
    return ["./" if f == "index.html" else f for f in files]


def _used_lunr(relative: str, languages: list[str]) -> bool:
    """Material's search ships every language's stemmer; a site in English uses none of them."""
    if not relative.startswith("assets/javascripts/lunr/"):
        return True
    others = [lang for lang in languages if lang != "en"]
    name = relative.rsplit("/", 1)[1]
    return bool(others) and (name in ("lunr.stemmer.support.min.js", "lunr.multi.min.js")
                             or any(name == f"lunr.{lang}.min.js" for lang in others)
                             or (name == "tinyseg.js" and "ja" in others) or (name == "wordcut.js" and "th" in others))


def build_version(site_dir: Path, files: list[str]) -> str:
    """A hash of the kept files' contents: the same site, the same version."""
    digest = hashlib.sha256()
    for name in files:
        path = site_dir / ("index.html" if name == "./" else name + "index.html" if name.endswith("/") else name)
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def page_data(build: object) -> dict[str, str]:
    return build.words["offline"]


FEATURE = Feature(name="offline", words=WORDS, shared_script=("offline.js",), shared_style=("offline.css",),
                  data=page_data)


@event_priority(-100)  # after the pages have their Content-Security-Policy (features.py, priority -50)
def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    search = next((p for p in config.plugins.values() if type(p).__name__ == "SearchPlugin"), None)
    languages = list(getattr(search, "config", {}).get("lang") or [config.theme.get("language", "en")])
    files = kept_files(site_dir, languages)
    (site_dir / "offline.json").write_text(json.dumps({"files": files}, separators=(",", ":")), encoding="utf-8")
    worker = compact((HOOKS_DIR / "offline-sw.js").read_text(encoding="utf-8"))
    (site_dir / "sw.js").write_text(worker.replace("__VERSION__", build_version(site_dir, files)), encoding="utf-8")
