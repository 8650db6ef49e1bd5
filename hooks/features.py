"""The owner hook: one `Build` a build for the feature hooks listed beside it.

A feature hook (`checklist.py`, `notes.py`, `planner.py`, `theme_fixes.py`, ...) declares
`FEATURE = Feature(...)` (hook_support.py). This hook collects them from `hooks:` in
mkdocs.yml, registers their Markdown extensions, writes their scripts, puts the code every
page shares and each page's feature CSS inline, and stops the build on the mistakes they
reported. Its events run first or last by priority, so the order of `hooks:` does not matter.

Inline code costs no request: on a slow phone more requests beside Material's bundle delay
it by a round trip, and its long task then falls after the first paint. Instant navigation
swaps pages without running the scripts they list, so the shared code is on every page a
reader can arrive at, the 404 page too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from front_matter import read_front_matter
from hook_support import ASSETS_URI, Build, Feature, SourceError, build_of, source_path, start_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

SHARED = "data-atl-shared"  # marks the shared <style> and <script> that every page carries
SHARED_SCRIPT_NAME = "atl-shared.js"  # the inline script's name in stack traces and DevTools


@event_priority(100)
def on_config(config: MkDocsConfig) -> None:
    declared = (getattr(hook, "FEATURES", (getattr(hook, "FEATURE", None),)) for hook in config.hooks.values())
    features = [feature for group in declared for feature in group if isinstance(feature, Feature)]
    build = start_build(config, features)
    config.markdown_extensions.extend(build.extensions.values())


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Every page's front matter, not only the features' pages: MkDocs drops front matter it
    cannot read without a word, and builds the page without its description or its feature,
    and of a key given twice it keeps the last without a word."""
    try:
        read_front_matter(page.file.content_string)
    except SourceError as error:
        build_of(config).report(error.at(source_path(page, config)))


@event_priority(-100)
def on_env(env: object, *, config: MkDocsConfig, files: Files) -> None:
    """Once every page is read, before any is written: stop on the authors' mistakes, one
    line each (without MkDocs' extra "Error reading page" line), or write the scripts of the
    features that some page uses."""
    build = build_of(config)
    if build.mistakes:
        raise PluginError("\n".join(build.mistakes))
    for feature in build.used():
        if feature.script:
            uri = f"{ASSETS_URI}/{feature.name}.js"
            files.append(File.generated(config, uri, content=build.code(f"{feature.name}.js")))


@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    build = build_of(config)
    styles = "".join(_head_code(build, feature) for feature in build.features_of(page, shared=True))
    output = with_code(output, build, get_relative_url(f"{ASSETS_URI}/", page.url), styles)
    return build.policy.add(output, Path(page.file.abs_dest_path))


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page (which on_post_page never sees) is served at any address: it finds the
    features' scripts from the site's own address, as Material links its files there."""
    if template_name != "404.html":
        return output
    build = build_of(config)
    scripts = f"{urlsplit(config.site_url or '/').path.rstrip('/')}/{ASSETS_URI}/"
    shared = [feature for feature in build.features if feature.shared_script or feature.shared_style]
    styles = "".join(_head_code(build, feature) for feature in shared)
    return build.policy.add(with_code(output, build, scripts, styles), Path(config.site_dir) / template_name)


@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    """Every page is written: each gets the policy that allows the inline code of all."""
    build_of(config).policy.finish()


def _head_code(build: Build, feature: Feature) -> str:
    """A feature's CSS, and the data its script reads, for the head of a page that uses it."""
    code = ""
    if feature.style:
        code = f'<style data-atl-style="{feature.name}">{build.code(f"{feature.name}.css")}</style>\n'
    if feature.data:
        data = json.dumps(feature.data(build), ensure_ascii=False).replace("<", "\\u003c")  # no "</script>" in it
        code += f'<script type="application/json" data-atl-data="{feature.name}">{data}</script>\n'
    return code


def with_code(page_html: str, build: Build, scripts: str, styles: str = "") -> str:
    """The page with the shared CSS and the page's feature `styles` at the end of its head,
    and the shared JS at the end of its body, after Material's scripts. `scripts` is where
    common.js finds the features' scripts (its `data-atl-assets`)."""
    css, js = build.code(*build.shared(".css")) + "".join(build.css), build.code(*build.shared(".js"))
    page_html = page_html.replace("</head>", f"<style {SHARED}>{css}</style>\n{styles}</head>", 1)
    end = page_html.rfind("</body>")
    script = f'<script {SHARED} data-atl-assets="{scripts}">{js}\n//# sourceURL={SHARED_SCRIPT_NAME}</script>\n'
    return page_html[:end] + script + page_html[end:]
