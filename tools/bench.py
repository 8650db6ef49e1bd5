"""Figures for the closing notes and the README; not pass/fail tests. Run: ./run bench

- gzipped size of the project's own JS and CSS as the built site serves them;
- build time with the hooks and without them, median of alternating runs, for the site and
  for generated checklists (100 and 1,000 items) and note-template folders (10 and 100);
- in Chromium: toggling one item of 1,000, and refreshing 100 previews after one keystroke.
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


def gzipped_size(*paths: Path) -> int:
    return sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths)


def own_assets(site_dir: Path) -> list[Path]:
    """The project's own JS and CSS as a reader downloads them from the built site: the hooks'
    bundles and the theme overrides' files."""
    overrides = ROOT / "overrides"
    from_overrides = [site_dir / path.relative_to(overrides)
                      for suffix in ("js", "css") for path in overrides.rglob(f"*.{suffix}")]
    return sorted([*(site_dir / "assets" / "hooks").iterdir(), *from_overrides])


def build_seconds(config: Path, site_dir: Path, **overrides: object) -> float:
    start = time.perf_counter()
    build_site(config, site_dir, "http://127.0.0.1/", **overrides)
    return time.perf_counter() - start


def compare_builds(label: str, config: Path, work: Path) -> None:
    """Without the hooks a template folder builds as plain pages and its generated nav entry
    is missing, so that side is built without --strict."""
    with_hooks, without = [], []
    for _ in range(RUNS):  # alternate, so that drift on the machine hits both alike
        with_hooks.append(build_seconds(config, work / "with"))
        without.append(build_seconds(config, work / "without", hooks=[], strict=False))
    a, b = statistics.median(with_hooks), statistics.median(without)
    print(f"  {label:<28} {a * 1000:6.0f} ms with hooks {b * 1000:6.0f} ms without  {(a / b - 1) * 100:+6.1f}%")


def big_checklist(sections: int, per_section: int) -> str:
    body = "".join(
        f"## Phase {s}\n\n" + "".join(f"- [ ] Step {s}.{i} of the plan\n" for i in range(per_section)) + "\n"
        for s in range(sections)
    )
    return f"---\nchecklist: big\n---\n# Big checklist\n\n{body}"


def note_templates(count: int) -> dict[str, str]:
    fields = "".join(f"  - id: f{i}\n    label: Field {i}\n" for i in range(5))
    pages = {"notes/index.md": f"---\ntitle: Notes\nfields:\n{fields}---\n# Notes\n"}
    for n in range(count):
        body = " ".join(f"Line {i} for {{f{i % 5}}} and more words." for i in range(12))
        pages[f"notes/t{n:03}.md"] = f"---\ntitle: Note {n}\nsubject: About {{f0}}\n---\n{body}\n"
    return pages


def in_chromium(url: str, script: str, arg: object) -> list[float]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        times = page.evaluate(script, arg)
        browser.close()
    return times


def toggle_ms(url: str) -> float:
    """Median time for one click on an item: handler, storage write and progress update."""
    times = in_chromium(url, """(n) => {
              const boxes = [...document.querySelectorAll("input[data-item]")];
              const times = [];
              for (let i = 0; i < n; i++) {
                const start = performance.now();
                boxes[(i * 37) % boxes.length].click();
                document.body.offsetHeight;  // include the layout the change causes
                times.push(performance.now() - start);
              }
              return times;
            }""", TOGGLES)
    return statistics.median(times)


def keystroke_ms(url: str) -> float:
    """Median time for one keystroke in a field that every template uses: fill, count, link."""
    times = in_chromium(url, """(n) => {
      const input = document.querySelector("#atl-field-f0");
      const times = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        input.value += "x";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        document.body.offsetHeight;
        times.push(performance.now() - start);
      }
      return times;
    }""", TOGGLES)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_site(ROOT / "mkdocs.yml", work / "built", "http://127.0.0.1/")
        print("Own JS and CSS as served, gzipped (level 9):")
        for path in own_assets(work / "built"):
            print(f"  {path.relative_to(work / 'built').as_posix():<36} {gzipped_size(path):6} bytes")
        print(f"  {'all of it (target: under 5,120)':<36} {gzipped_size(*own_assets(work / 'built')):6} bytes")
        print(f"Build time, median of {RUNS} alternating runs:")
        compare_builds("this site", ROOT / "mkdocs.yml", work / "site")
        # the same Markdown extensions as the site, so that without the hook it is a task list
        extensions = "markdown_extensions:\n  - pymdownx.tasklist:\n      custom_checkbox: true\n"
        for size in (100, 1000):
            pages = {"index.md": "# Home\n", "big.md": big_checklist(size // 100, 100)}
            config = write_site(work / str(size), pages, extensions)
            compare_builds(f"{size:,}-item checklist", config, work / str(size))
        for count in (10, 100):
            config = write_site(work / f"n{count}", {"index.md": "# Home\n", **note_templates(count)},
                                "extra:\n  notes_folder: notes\n")
            compare_builds(f"{count} note templates", config, work / f"n{count}")
        build_site(work / "1000" / "mkdocs.yml", work / "www", "http://127.0.0.1/")
        build_site(work / "n100" / "mkdocs.yml", work / "www" / "n", "http://127.0.0.1/n/")
        with serving(work / "www") as origin:
            print(f"In Chromium, median of {TOGGLES}:")
            print(f"  toggle one item of 1,000       {toggle_ms(f'{origin}/big/'):6.2f} ms")
            print(f"  one keystroke, 100 templates   {keystroke_ms(f'{origin}/n/notes/'):6.2f} ms")


if __name__ == "__main__":
    main()
