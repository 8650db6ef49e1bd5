"""Theme fixes hook: what stock Material lacks for readers, on every page.

`theme-fixes.css` (underlined links, contrast, visible focus) and `skip-link.js` (the skip
link moves the keyboard, not just the view). They ship in the hooks' one CSS and one JS
file rather than as files of their own: every request before the first paint is a round
trip on a slow phone. The theme templates' fixes are in `overrides/`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hook_support import add_asset_files, link_assets

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

ASSETS = ("theme-fixes.css", "skip-link.js")


def on_config(config: MkDocsConfig) -> None:
    link_assets(config, *ASSETS)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    add_asset_files(files, config)
    return files
