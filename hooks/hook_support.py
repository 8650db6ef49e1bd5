"""What the hooks share: shipping their JS/CSS files, and their UI words from mkdocs.yml.

Not a hook itself (it is not listed under `hooks:`); the hooks import it by name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache, FileSystemLoader
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from jinja2 import Template
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

HOOKS_DIR = Path(__file__).resolve().parent
ASSETS_URI = "assets/hooks"
BUNDLES = {".css": f"{ASSETS_URI}/hooks.css", ".js": f"{ASSETS_URI}/hooks.js"}
FEATURES_SHARE = ("common.css", "common.js")  # storage, the details forms, the script loader


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


def link_assets(config: MkDocsConfig, *names: str, feature: str | None = None) -> None:
    """Ship the named files from beside the hooks, on every page (instant navigation swaps
    pages without running the scripts they list, so the shared code must be there from the
    start). All hooks' CSS goes out as one file and all their JS as another: fewer requests
    before the page can paint.

    A `feature` brings the files every feature shares into the bundles, and its own code
    reaches only the pages whose markup names it in `data-atl-feature`: `<feature>.js` as a
    file of its own, which common.js loads on the first such page, and `<feature>.css`
    inline in each such page's head (see feature_style)."""
    if feature:
        names = (*names, *FEATURES_SHARE)
    wanted = getattr(config, "_hook_assets", [])  # kept on the config every hook of a build shares
    config._hook_assets = wanted + [name for name in names if name not in wanted]
    if feature:
        config._hook_features = [*getattr(config, "_hook_features", []), feature]
    if BUNDLES[".css"] not in config.extra_css:
        config.extra_css.append(BUNDLES[".css"])
    if BUNDLES[".js"] not in [str(script) for script in config.extra_javascript]:
        script = ExtraScriptValue(BUNDLES[".js"])
        script.defer = True
        config.extra_javascript.append(script)


def add_asset_files(files: Files, config: MkDocsConfig) -> None:
    """Write the bundles and the features' scripts that link_assets asked for (once: several
    hooks call)."""
    wanted = getattr(config, "_hook_assets", [])
    shipped = {uri: [name for name in wanted if name.endswith(suffix)] for suffix, uri in BUNDLES.items()}
    shipped.update({f"{ASSETS_URI}/{f}.js": [f"{f}.js"] for f in getattr(config, "_hook_features", [])})
    for uri, names in shipped.items():
        if files.get_file_from_path(uri) is None:
            code = "\n".join(compact((HOOKS_DIR / name).read_text(encoding="utf-8")) for name in names)
            files.append(File.generated(config, uri, content=code))


def feature_style(page_html: str, feature: str, config: MkDocsConfig) -> str | None:
    """The built page with the feature's CSS inline at the end of its head, if the page has
    the feature; else None. Inline, it costs no request before the first paint, and works
    without JavaScript and in print; Material's instant navigation brings a page's head
    elements along with it, and takes them away when the reader moves on."""
    if f'data-atl-feature="{feature}"' not in page_html:
        return None
    styles = getattr(config, "_hook_styles", {})  # read once a build, not once a page
    if feature not in styles:
        styles[feature] = compact((HOOKS_DIR / f"{feature}.css").read_text(encoding="utf-8"))
        config._hook_styles = styles
    style = f'<style data-atl-feature="{feature}">{styles[feature]}</style>\n'
    return page_html.replace("</head>", style + "</head>", 1)


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
