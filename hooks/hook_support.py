"""What the hooks share: shipping their JS and CSS, and their UI words from mkdocs.yml.

Not a hook itself (it is not listed under `hooks:`); the hooks import it by name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from jinja2 import FileSystemBytecodeCache, FileSystemLoader
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from jinja2 import Template
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

HOOKS_DIR = Path(__file__).resolve().parent
ASSETS_URI = "assets/hooks"
FEATURES_SHARE = ("common.css", "common.js")  # storage, the details forms, the script loader
SHARED = "data-atl-shared"  # marks the shared <style> and <script> that every page carries
SHARED_SCRIPT_NAME = "atl-shared.js"  # the inline script's name in stack traces and DevTools


class SourceError(ValueError):
    """A mistake an author can fix; `line` is 1-based in its source file, or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line

    def at(self, path: str) -> str:
        """The one line the build prints for it: 'path:line: message'."""
        return f"{path}:{self.line}: {self}" if self.line else f"{path}: {self}"


def source_path(page: Page, config: MkDocsConfig) -> str:
    """The page's file as an author names it in error lines: 'docs/checklist.md'."""
    return f"{Path(config.docs_dir).name}/{page.file.src_uri}"


# Mistakes the hooks find while reading pages. Raised together from on_env, which runs
# before any page is written: one line each, without MkDocs' extra "Error reading page" line.
page_mistakes: list[str] = []


def raise_page_mistakes() -> None:
    if page_mistakes:
        raise PluginError("\n".join(page_mistakes))


def hook_template(config: MkDocsConfig, name: str) -> Template:
    """A template from beside the hooks, autoescaped (it renders reader-facing text), able to
    import the others. One environment a build, kept on the config, so each compiles once."""
    env = getattr(config, "_hook_env", None)
    if env is None:
        env = config.theme.get_env().overlay(
            autoescape=True, loader=FileSystemLoader(HOOKS_DIR), bytecode_cache=_compiled_templates()
        )
        config._hook_env = env
    return env.get_template(name)


def _compiled_templates() -> FileSystemBytecodeCache | None:
    """Jinja's own cache of compiled templates, in the system's temp folder (private to the
    user, refreshed when a template changes): compiling the hooks' templates would otherwise
    take some 15 ms of every build. None where that folder cannot be used."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def use_assets(config: MkDocsConfig, *names: str, feature: str | None = None) -> None:
    """Put the named files from beside the hooks on every page (see inline_assets).

    A `feature` brings the files every feature shares, and its own code reaches only the
    pages whose markup names it in `data-atl-feature`: `<feature>.js` as a file of its own,
    which common.js loads on the first such page, and `<feature>.css` inline in each such
    page's head."""
    if feature:
        names = (*names, *FEATURES_SHARE)
    wanted = getattr(config, "_hook_assets", [])  # kept on the config every hook of a build shares
    config._hook_assets = wanted + [name for name in names if name not in wanted]
    if feature:
        config._hook_features = [*getattr(config, "_hook_features", []), feature]


def add_asset_files(files: Files, config: MkDocsConfig) -> None:
    """Write each feature's own script (once: several hooks call)."""
    for feature in getattr(config, "_hook_features", []):
        uri = f"{ASSETS_URI}/{feature}.js"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, content=_code(config, f"{feature}.js")))


def inline_assets(page_html: str, page: Page | None, config: MkDocsConfig, feature: str | None = None) -> str:
    """The built page with the hooks' code in it. Every page gets the shared CSS at the end of
    its head and the shared JS at the end of its body, after Material's scripts, once (each
    hook calls). Inline, they cost no request: on a slow phone two more requests beside
    Material's bundle delay it by a round trip, and its long task then falls after the first
    paint. Instant navigation swaps pages without running the scripts they list, so the shared
    code must be on the page a reader arrives at, whichever it is. `page` is None for the 404
    page, which is served at any address: it finds the features' scripts from `site_url`.

    The `feature`'s CSS goes at the end of the head of the pages that have the feature. Inline,
    it works without JavaScript and in print; Material's instant navigation brings a page's
    head elements along with it, and takes them away when the reader moves on."""
    if SHARED not in page_html:
        page_html = _with_shared_code(page_html, _scripts_address(page, config), config)
    if feature and f'data-atl-feature="{feature}"' in page_html:
        style = f'<style data-atl-feature="{feature}">{_code(config, f"{feature}.css")}</style>\n'
        page_html = page_html.replace("</head>", style + "</head>", 1)
    return page_html


def _scripts_address(page: Page | None, config: MkDocsConfig) -> str:
    """Where common.js finds the features' scripts: from the page, or for the 404 page
    (served at any address) from the site's own address, as Material links its files there."""
    if page is None:
        return f"{urlsplit(config.site_url or '/').path.rstrip('/')}/{ASSETS_URI}/"
    return get_relative_url(f"{ASSETS_URI}/", page.url)


def _with_shared_code(page_html: str, scripts: str, config: MkDocsConfig) -> str:
    wanted = getattr(config, "_hook_assets", [])
    css = _code(config, *(name for name in wanted if name.endswith(".css")))
    js = _code(config, *(name for name in wanted if name.endswith(".js")))
    page_html = page_html.replace("</head>", f"<style {SHARED}>{css}</style>\n</head>", 1)
    end = page_html.rfind("</body>")
    script = f'<script {SHARED} data-atl-assets="{scripts}">{js}\n//# sourceURL={SHARED_SCRIPT_NAME}</script>\n'
    return page_html[:end] + script + page_html[end:]


def _code(config: MkDocsConfig, *names: str) -> str:
    """The named files, compacted and joined; read once a build, not once a page."""
    cache = getattr(config, "_hook_code", None)
    if cache is None:
        cache = config._hook_code = {}
    if names not in cache:
        cache[names] = "\n".join(compact((HOOKS_DIR / name).read_text(encoding="utf-8")) for name in names)
    return cache[names]


def compact(code: str) -> str:
    """CSS or JS without its comments and indentation: readers download the code, not the
    notes on it. Takes out /* block */ and // line comments, which is safe for the hooks'
    own files: no string in them looks like a comment."""
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.DOTALL)
    code = re.sub(r"^[ \t]*//.*\n|[ \t]+//[^\n\"'`]*$", "", code, flags=re.MULTILINE)
    return re.sub(r"^[ \t]+|^\n", "", code, flags=re.MULTILINE)


def ui_words(config: MkDocsConfig, key: str, defaults: dict[str, str]) -> dict[str, str]:
    """The English `defaults`, with any overrides from `extra.<key>` in mkdocs.yml."""
    overrides = config.extra.get(key) or {}
    if not isinstance(overrides, dict):
        raise PluginError(f"mkdocs.yml: extra.{key} must be a mapping of words")
    unknown = sorted(set(overrides) - set(defaults))
    if unknown:
        raise PluginError(
            f"mkdocs.yml: extra.{key}: unknown word {unknown[0]!r} (known: {', '.join(defaults)})"
        )
    return {**defaults, **{k: str(v) for k, v in overrides.items()}}
