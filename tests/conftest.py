"""Shared fixtures: the site built once, served on 127.0.0.1 under a sub-path, and Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from sitebuild import ROOT, build_site

SUB_PATH = "/after-the-interview/"
sys.path.insert(0, str(ROOT / "hooks"))  # the unit tests import the hooks' pure helpers


@dataclass
class Site:
    dir: Path  # the built site
    url: str  # where it is served, ending in SUB_PATH
    log: list[str]  # what the strict build logged

    def pages(self) -> list[str]:
        """Every built page, as URL paths relative to the site ("", "timing/", ...)."""
        folders = (p.parent.relative_to(self.dir).as_posix() for p in self.dir.rglob("index.html"))
        return sorted("" if f == "." else f + "/" for f in folders)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site, built strictly and served the way a host serves it under a sub-path."""
    root = tmp_path_factory.mktemp("www")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    site_dir = root / SUB_PATH.strip("/")
    log = build_site(ROOT / "mkdocs.yml", site_dir, url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(site_dir, url, log)
    server.shutdown()


def _chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM); None lets Playwright use its own download."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=_chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
