"""What the hooks share: shipping their JS/CSS files, and their UI words from mkdocs.yml.

Not a hook itself (it is not listed under `hooks:`); the hooks import it by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

HOOKS_DIR = Path(__file__).resolve().parent
ASSETS_URI = "assets/hooks"


class SourceError(ValueError):
    """A mistake an author can fix; `line` is 1-based in its source file, or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line

    def at(self, path: str) -> str:
        """The one line the build prints for it: 'path:line: message'."""
        return f"{path}:{self.line}: {self}" if self.line else f"{path}: {self}"


def link_assets(config: MkDocsConfig, *names: str) -> None:
    """Load the named files from beside the hooks on every page (instant navigation
    swaps pages without loading new scripts, so they must be there from the start)."""
    for name in names:
        uri = f"{ASSETS_URI}/{name}"
        if name.endswith(".css") and uri not in config.extra_css:
            config.extra_css.append(uri)
        elif name.endswith(".js") and uri not in [str(s) for s in config.extra_javascript]:
            script = ExtraScriptValue(uri)
            script.defer = True
            config.extra_javascript.append(script)


def add_asset_files(files: Files, config: MkDocsConfig, *names: str) -> None:
    for name in names:
        uri = f"{ASSETS_URI}/{name}"
        if files.get_file_from_path(uri) is None:  # common.js is shared by several hooks
            files.append(File.generated(config, uri, abs_src_path=str(HOOKS_DIR / name)))


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
