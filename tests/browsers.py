"""Which Chromium the tests and tools/bench.py drive, and how it is started."""

from __future__ import annotations

import json
import os
import shutil
from typing import TYPE_CHECKING

from playwright.sync_api import expect

if TYPE_CHECKING:
    from playwright.sync_api import Page

# headless, as root, and quiet: no calls home that a closed network would refuse
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM); None lets Playwright use its own download."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


def away_and_back(page: Page, back: str, heading: str,
                  via: str = "/timing/", via_heading: str = "Timing and check-ins") -> None:
    """Twice: to another page (`via`) and back by the site's own nav links (instant
    navigation), with no reload between them."""
    page.evaluate("window.__sameDocument = true")
    for _ in range(2):
        page.locator(f'nav.md-nav--primary a[href$="{via}"]').first.click()
        expect(page.locator("h1")).to_contain_text(via_heading)
        page.locator(f'nav.md-nav--primary a[href$="{back}"]').first.click()
        expect(page.locator("h1")).to_contain_text(heading)
    assert page.evaluate("window.__sameDocument"), "navigation reloaded the page"


def count_storage_writes(page: Page, kind: str) -> None:
    """From the next load on, `window.__writes` counts localStorage writes to ':<kind>:' keys
    (a handler bound twice writes twice)."""
    page.add_init_script(f"""
      window.__writes = 0;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {{
        if (key.includes({json.dumps(f":{kind}:")})) window.__writes++;
        return setItem.call(this, key, value);
      }};""")


def own_script_errors(page: Page) -> list[str]:
    """A list that fills with the stacks of uncaught errors from the hooks' scripts (the
    features' files, and the shared script inline in every page). Only those count:
    Material's own storage helper fails when storage is off."""
    from features import SHARED_SCRIPT_NAME  # the hooks' folder is on sys.path (conftest)

    errors: list[str] = []
    ours = ("/assets/hooks/", SHARED_SCRIPT_NAME)
    page.on("pageerror", lambda error: any(name in (error.stack or "") for name in ours)
            and errors.append(error.stack))
    return errors


# Ways a reader's storage can be broken, each a script run before the page's own
BROKEN_STORAGE = {
    "corrupt-json": "localStorage.setItem(KEY, '{not json')",
    "storage-disabled": ("Object.defineProperty(window, 'localStorage', "
                         "{get() { throw new DOMException('no', 'SecurityError'); }})"),
    "storage-throws": ("for (const m of ['getItem', 'setItem', 'removeItem']) "
                       "Storage.prototype[m] = () => { throw new DOMException('full', 'QuotaExceededError'); }"),
}


def break_storage(page: Page, key: str, broken: str) -> None:
    """Run `broken` (one of BROKEN_STORAGE, with KEY standing for `key`) on every load."""
    page.add_init_script(f"const KEY = {json.dumps(key)}; try {{ {broken} }} catch {{}}")


def stored(page: Page, key: str) -> dict | None:
    """What localStorage holds under `key`, parsed."""
    raw = page.evaluate("(key) => localStorage.getItem(key)", key)
    return raw and json.loads(raw)


def chosen(data: dict | None) -> dict | None:
    """The interview a reader's stored data has chosen."""
    return next((one for one in (data or {}).get("list", []) if one["id"] == data["at"]), None)


def interview(id: str, **fields: str) -> dict:
    """An interview as reader.js stores it (for tests that start from stored data)."""
    return {"id": id, "f": fields, "people": [], "ticks": {}, "done": []}


def keep(page: Page, key: str, data: object) -> None:
    """Store `data` under `key` (JSON), as an earlier visit would have."""
    page.evaluate("([key, data]) => localStorage.setItem(key, JSON.stringify(data))", [key, data])
