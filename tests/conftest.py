"""Shared fixtures: the site built once, served on 127.0.0.1 under a sub-path, and Chromium."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsers import CHROMIUM_ARGS, chromium_path
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from sitebuild import ROOT, build_site, built_pages, serving

SUB_PATH = "/after-the-interview/"
READER_KEY = f"{SUB_PATH}:reader:data"  # where reader.js keeps all the reader's data
OLD_DETAILS_KEY = f"{SUB_PATH}:details:reader"  # where the first version kept the details
sys.path.insert(0, str(ROOT / "hooks"))  # the unit tests import the hooks' pure helpers
# Every build in the tests is made "on" 22 November 2026 (MkDocs reads SOURCE_DATE_EPOCH): the
# planner's holiday tables run from the year before the build's, and the test cases are for 2025 to 2028.
BUILT_ON = "1795305600"
os.environ["SOURCE_DATE_EPOCH"] = BUILT_ON


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium is marked `browser`: ./run test -m "not browser" is the
    quick tier."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@dataclass
class Site:
    dir: Path  # the built site
    url: str  # where it is served, ending in SUB_PATH
    log: list[str]  # what the strict build logged

    def pages(self) -> list[str]:
        """Every built page, as URL paths relative to the site ("", "timing/", ...)."""
        return built_pages(self.dir)

    def every_page(self) -> list[str]:
        """The pages and the 404 page."""
        return [*self.pages(), "404.html"]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site, built strictly and served the way a host serves it under a sub-path."""
    root = tmp_path_factory.mktemp("www")
    site_dir = root / SUB_PATH.strip("/")
    with serving(root) as origin:
        url = origin + SUB_PATH  # built for the address it is served at: instant navigation needs it
        yield Site(site_dir, url, build_site(ROOT / "mkdocs.yml", site_dir, url))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(service_workers="block")
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def clipboard_contexts(browser: Browser, site: Site) -> Iterator[Callable[..., BrowserContext]]:
    """Make contexts whose pages may read and write the clipboard on the site's origin
    (service_workers="allow" lets the site's worker in)."""
    contexts: list[BrowserContext] = []

    def make(service_workers: str = "block") -> BrowserContext:
        contexts.append(browser.new_context(service_workers=service_workers))
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
        contexts[-1].grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        return contexts[-1]

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Make pages in fresh contexts with options (color_scheme=, java_script_enabled=, ...).
    Contexts keep the site's service worker out (service_workers="allow" lets it in): Playwright
    cannot route what a worker fetches, and the tests of offline reading are its own."""
    contexts: list[BrowserContext] = []

    def make(**options: object) -> Page:
        contexts.append(browser.new_context(**{"service_workers": "block", **options}))
        return contexts[-1].new_page()

    yield make
    for context in contexts:
        context.close()
