"""Figures for the closing notes and the README; not pass/fail tests. Run: ./run bench

- gzipped size of the hooks' own JS + CSS;
- strict build time with the hooks and without them (same pages), median of alternating runs,
  for the site and for a generated checklist of 1,000 items;
- time to toggle one item of that 1,000-item checklist in Chromium.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsers import CHROMIUM_ARGS, chromium_path
from playwright.sync_api import sync_playwright
from sitebuild import build_site, serving, write_site

RUNS = 7
TOGGLES = 50


def gzipped_size(*names: str) -> int:
    return sum(len(gzip.compress((ROOT / "hooks" / name).read_bytes(), 9)) for name in names)


def build_seconds(config: Path, site_dir: Path, **overrides: object) -> float:
    start = time.perf_counter()
    build_site(config, site_dir, "http://127.0.0.1/", **overrides)
    return time.perf_counter() - start


def compare_builds(label: str, config: Path, work: Path) -> None:
    with_hooks, without = [], []
    for _ in range(RUNS):  # alternate, so that drift on the machine hits both alike
        with_hooks.append(build_seconds(config, work / "with"))
        without.append(build_seconds(config, work / "without", hooks=[]))
    a, b = statistics.median(with_hooks), statistics.median(without)
    print(f"  {label:<28} {a * 1000:6.0f} ms with hooks {b * 1000:6.0f} ms without  +{(a / b - 1) * 100:5.1f}%")


def big_checklist(sections: int, per_section: int) -> str:
    body = "".join(
        f"## Phase {s}\n\n" + "".join(f"- [ ] Step {s}.{i} of the plan\n" for i in range(per_section)) + "\n"
        for s in range(sections)
    )
    return f"---\nchecklist: big\n---\n# Big checklist\n\n{body}"


def toggle_ms(url: str) -> float:
    """Median time for one click on an item: handler, storage write and progress update."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        times = page.evaluate(
            """(n) => {
              const boxes = [...document.querySelectorAll("input[data-item]")];
              const times = [];
              for (let i = 0; i < n; i++) {
                const start = performance.now();
                boxes[(i * 37) % boxes.length].click();
                document.body.offsetHeight;  // include the layout the change causes
                times.push(performance.now() - start);
              }
              return times;
            }""",
            TOGGLES,
        )
        browser.close()
    return statistics.median(times)


def main() -> None:
    print("Own assets, gzipped (level 9):")
    print(f"  checklist.js + checklist.css  {gzipped_size('checklist.js', 'checklist.css')} bytes")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"Strict build time, median of {RUNS} alternating runs:")
        compare_builds("this site", ROOT / "mkdocs.yml", work / "site")
        # the same Markdown extensions as the site, so that without the hook it is a task list
        extensions = "markdown_extensions:\n  - pymdownx.tasklist:\n      custom_checkbox: true\n"
        for size in (100, 1000):
            pages = {"index.md": "# Home\n", "big.md": big_checklist(size // 100, 100)}
            config = write_site(work / str(size), pages, extensions)
            compare_builds(f"{size:,}-item checklist", config, work / str(size))
        build_site(config, work / "www", "http://127.0.0.1/")
        with serving(work / "www") as origin:
            ms = toggle_ms(f"{origin}/big/")
        print(f"Toggle one item of 1,000 in Chromium (median of {TOGGLES}): {ms:.2f} ms")


if __name__ == "__main__":
    main()
