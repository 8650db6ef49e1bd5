"""Theme fixes hook: what stock Material lacks for readers, on every page.

`theme-fixes.css` (underlined links, contrast, visible focus) and `skip-link.js` (the skip
link moves the keyboard, not just the view). They go inline into every page with the code
the features share rather than as files of their own: every request beside Material's
bundle is a round trip on a slow phone. The theme templates' fixes are in `overrides/`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hook_support import inline_assets, use_assets

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

ASSETS = ("theme-fixes.css", "skip-link.js")


def on_config(config: MkDocsConfig) -> None:
    use_assets(config, *ASSETS)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return inline_assets(output, page, config)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return inline_assets(output, None, config) if template_name == "404.html" else output
