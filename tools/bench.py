"""Figures for the closing notes and the README; not pass/fail tests. Run: ./run bench

- gzipped size of the project's own JS and CSS as the built site serves them;
- build time with the hooks and without them, median of alternating runs, for this site and
  for copies of it 10 and 100 times larger (pages, checklist items, note templates);
- in Chromium: toggling one item of 1,000, and refreshing 100 previews after one keystroke.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

import planner
from browsers import CHROMIUM_ARGS, chromium_path
from guide import GUIDE_PAGE
from hook_support import ASSETS_URI, build_of
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from playwright.sync_api import sync_playwright
from sitebuild import build_site, built_pages, serving, write_site

RUNS = 30  # this machine's speed wanders by a third from second to second: many pairs
TOGGLES = 50


def gzipped_size(*paths: Path) -> int:
    return sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths)


def feature_scripts(site_dir: Path) -> list[Path]:
    """The features' own scripts as a reader downloads them from the built site."""
    return sorted((site_dir / ASSETS_URI).glob("*.js"))


def inline_code(html: str) -> tuple[dict[str, str], list[str]]:
    """The hooks' code a built page carries inline, by name: the shared CSS and JS that every
    page has, and the CSS of each feature the page has; and the scripts its markup names."""
    styles = dict(re.findall(r'<style data-atl-style="([^"]+)">(.*?)</style>', html, re.DOTALL))
    code = {f"{feature}.css (inline)": css for feature, css in styles.items()}
    code["shared CSS (inline)"] = re.search(r"<style data-atl-shared>(.*?)</style>", html, re.DOTALL)[1]
    code["shared JS (inline)"] = re.search(r"<script data-atl-shared[^>]*>(.*?)</script>", html, re.DOTALL)[1]
    named = re.findall(r'data-atl-feature="([^"]+)"', html)
    scripts = sorted({name for names in named for name in names.split()})
    return code, scripts


def gzipped_text(text: str) -> int:
    return len(gzip.compress(text.encode(), 9))


def own_code_sizes(site_dir: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Gzipped bytes of our own JS and CSS: each piece (the features' script files, the shared
    code and each feature's CSS inline in the pages, each gzipped on its own), and what each
    page loads (the shared code, and the scripts and CSS of the features its markup names).
    Data files (a region's holidays, the reader's settings) are not code and not counted."""
    pieces = {path.name: gzipped_size(path) for path in feature_scripts(site_dir)}
    by_page = {}
    for path in built_pages(site_dir):
        code, scripts = inline_code((site_dir / path / "index.html").read_text(encoding="utf-8"))
        for name in code.keys() - pieces.keys():  # the same on every page that has it: once
            pieces[name] = gzipped_text(code[name])
        by_page[path] = sum(pieces[name] for name in code) + sum(pieces[f"{f}.js"] for f in scripts)
    return pieces, by_page


# the hooks' inline code in a built page (group 2), between its tags (groups 1 and 3)
OWN_INLINE = re.compile(r'(<style data-atl-(?:style="[^"]+"|shared)>|<script data-atl-shared[^>]*>)(.*?)(</s)',
                        re.DOTALL)


def served_sizes(site_dir: Path) -> dict[str, int]:
    """What each page's own code costs as a reader downloads it: the share of the gzipped page
    that its inline code takes (the page is one gzip stream: gzipped alone, each piece would
    also count a header and start with no dictionary), and each script file it loads, gzipped."""
    sizes = {}
    for path in built_pages(site_dir):
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        scripts = inline_code(html)[1]
        inline = gzipped_text(html) - gzipped_text(OWN_INLINE.sub(r"\1\3", html))
        sizes[path] = inline + gzipped_size(*(site_dir / ASSETS_URI / f"{name}.js" for name in scripts))
    return sizes


# The brief's budget for what a page loads, and the issues' for the planner and tracker pages
BUDGETS = {"tracker": 6_656, "planner": 5_632}  # a page with neither: 5,120


def budget(html: str) -> int:
    scripts = inline_code(html)[1]
    return next((size for feature, size in BUDGETS.items() if feature in scripts), 5_120)


def print_own_assets(site_dir: Path) -> None:
    pieces, by_page = own_code_sizes(site_dir)
    served = served_sizes(site_dir)
    print("Own JS and CSS, each piece gzipped on its own (level 9):")
    for name, size in sorted(pieces.items()):
        print(f"  {name:<34} {size:6,} bytes")
    print(f"  {'all of it':<34} {sum(pieces.values()):6,} bytes")
    print("  what a page loads: its pieces one by one; as served (inline code's share of the")
    print("  gzipped page, and its script files); and its budget:")
    for path, size in sorted(served.items(), key=lambda item: item[1]):
        most = budget((site_dir / path / "index.html").read_text(encoding="utf-8"))
        verdict = "within" if size <= most else f"over by {size - most:,}"
        print(f"    {path or '(home)':<24} {by_page[path]:6,} / {size:6,} bytes  (budget {most:,}: {verdict})")


def build_seconds(config: Path, site_dir: Path, **overrides: object) -> float:
    start = time.perf_counter()
    build_site(config, site_dir, "http://127.0.0.1/", **overrides)
    return time.perf_counter() - start


def compare_builds(config: Path, work: Path, runs: int) -> tuple[float, float, list[float]]:
    """Median seconds with the hooks and without them, for the same pages (see plain_twin),
    and the quartiles of the two's ratio run by run: the two builds of a run are seconds apart,
    so the ratio of each pair shrugs off the machine's speed drifting between runs (on a
    shared machine the medians alone moved by 10% from one bench to the next)."""
    twin = plain_twin(config, work / "twin")
    times: dict[str, list[float]] = {"with": [], "without": []}
    builds = {"with": lambda: build_seconds(config, work / "with"),
              "without": lambda: build_seconds(config, work / "without", hooks=[], docs_dir=str(twin))}
    for run in range(runs):
        # swap which goes first each run: whichever builds first in a pair renders its pages
        # some 10% slower
        for side in ("with", "without") if run % 2 == 0 else ("without", "with"):
            times[side].append(builds[side]())
    ratios = statistics.quantiles([w / wo for w, wo in zip(times["with"], times["without"])], n=4)
    return statistics.median(times["with"]), statistics.median(times["without"]), ratios


def timed(handler: Callable[..., object], spent: list[float]) -> Callable[..., object]:
    """`handler`, adding the seconds each call takes to spent[0]."""
    def run(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start
    return run


def hook_share(config_file: Path, site_dir: Path, runs: int) -> float:
    """The median share of a build's time spent inside the hooks' own event handlers: a
    steadier figure than the difference of two noisy build times, though it leaves out what
    the hooks cost elsewhere (loading their modules, and Markdown for the toolbars they add)."""
    shares = []
    for _ in range(runs):
        config = load_config(str(config_file), site_dir=str(site_dir), site_url="http://127.0.0.1/")
        spent = [0.0]
        for event, handlers in config.plugins.events.items():
            config.plugins.events[event] = [
                timed(h, spent) if str(ROOT / "hooks") in str(getattr(h, "__code__", "")) else h
                for h in handlers]
        start = time.perf_counter()
        build(config)
        shares.append(spent[0] / (time.perf_counter() - start))
    return statistics.median(shares)


def plain_twin(config_file: Path, twin: Path) -> Path:
    """A docs folder that builds, without hooks, into the same pages: one build with the hooks
    makes it, so it follows them. The pages they generate (the templates page, the follow-ups
    page, the guide) are written out as the hooks make them, and each planner page holds the
    planner the hook inserts (the checklist page simply stays a task list)."""
    config = load_config(str(config_file), site_dir=str(twin.parent / "twin-source"))
    pages = {}  # src_uri -> its Markdown as the twin holds it

    def with_planner(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> None:
        block = build_of(config).extensions[planner.FEATURE.name].block  # the planner hook's, just made
        if block:
            first = markdown.index("\n## ")  # this site's planner page has sections, none in code
            pages[page.file.src_uri] = f"{markdown[:first]}\n\n{block}\n{markdown[first:]}"

    def generated(env: object, config: MkDocsConfig, files: Files) -> None:
        # the guide's HTML after its front matter: Markdown passes it through
        pages.update({f.src_uri: f.content_string + (f.page.content if f.src_uri == GUIDE_PAGE else "")
                      for f in files.documentation_pages() if f.generated_by})

    config.plugins.events["page_markdown"].append(with_planner)
    config.plugins.events["env"].append(generated)
    build(config)
    shutil.copytree(config.docs_dir, twin)
    shutil.rmtree(twin / "note-templates")
    for src_uri, content in pages.items():
        (twin / src_uri).write_text(content, encoding="utf-8")
    return twin


def scaled_site(copies: int, work: Path) -> Path:
    """This site made `copies` times larger in pages, checklist items and note templates: the
    top-level pages (the checklist among them) copied into folders of their own, each checklist
    under an id of its own, and every note template copied into the one templates folder."""
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for n in range(1, copies):
        for page in (ROOT / "docs").glob("*.md"):
            text = page.read_text(encoding="utf-8").replace("checklist: follow-up", f"checklist: copy-{n}")
            for generated in ("note-templates.md", "follow-ups.md", "guide.md"):  # one of each, at the top
                text = text.replace(f"]({generated}", f"](../{generated}")
            (docs / f"copy-{n}").mkdir(exist_ok=True)
            (docs / f"copy-{n}" / page.name).write_text(text, encoding="utf-8")
        for template in (ROOT / "docs" / "note-templates").glob("*.md"):
            if template.name != "index.md":
                shutil.copy(template, docs / "note-templates" / f"{template.stem}-{n}.md")
    config = work / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}").replace(
        "  - hooks/", f"  - {ROOT / 'hooks'}/").replace(
        "watch:\n  - hooks\n", f"watch:\n  - {ROOT / 'hooks'}\n").replace(  # the copies stay out of the nav
        "omitted_files: warn", "omitted_files: info"), encoding="utf-8")
    return config


def print_scaling(work: Path) -> None:
    """Build times for this site and copies of it 10 and 100 times larger. Growth is read per
    added copy (the time a copy adds over the smaller site), since a build has a fixed cost."""
    print("Build time, median of alternating runs, with the hooks and without; what the hooks add")
    print("is the median of the runs' ratios, with the middle half of them:")
    before = None
    for copies, runs in ((1, RUNS), (10, RUNS), (100, 8)):
        config = scaled_site(copies, work / f"x{copies}")
        docs = config.parent / "docs"
        pages = len([p for p in docs.rglob("*.md") if "note-templates" not in p.parts]) + 1
        items = sum(p.read_text().count("- [ ]") for p in docs.rglob("checklist.md"))
        templates = len(list((docs / "note-templates").glob("*.md"))) - 1
        *times, ratios = compare_builds(config, work / f"x{copies}", runs)
        growth = ""
        if before:
            added = copies - before[0]
            growth = "  per added copy: {:4.0f} ms with, {:4.0f} ms without".format(
                *((now - then) / added * 1000 for now, then in zip(times, before[1])))
        print(f"  {copies:>3}x: {pages:>4} pages {items:>5} items {templates:>4} templates"
              f"  {times[0] * 1000:6.0f} ms with {times[1] * 1000:6.0f} ms without"
              f"  {(ratios[1] - 1) * 100:+5.1f}%"
              f" (half the runs {(ratios[0] - 1) * 100:+.0f}% to {(ratios[2] - 1) * 100:+.0f}%)"
              f"{growth}"
              f"  in the hooks' handlers: {hook_share(config, work / 'share', 5) * 100:.1f}%")
        before = (copies, times)


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
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        time_ms = _keystroke(page, "#atl-field-f0")
        browser.close()
    return time_ms


def many_interviews(count: int, people: int) -> dict:
    """A reader's data with `count` interviews of `people` interviewers each, every field filled."""
    interviews = [{
        "id": f"bench{n:04d}", "done": ["thank-you"] if n % 3 == 0 else [],
        "f": {"company": f"Company number {n}", "role": "Senior Marketing Coordinator",
              "interview_date": f"2026-{11 + n % 2:02d}-{1 + n % 28:02d}", "interview_time": "14:30",
              "decision_date": f"2026-12-{1 + n % 28:02d}", "strength": "three years of running email campaigns"},
        "people": [{"interviewer_name": f"Interviewer {m} of {n}", "topic": "the customer app you plan to launch"}
                   for m in range(people)],
        "ticks": {"follow-up": ["names-and-titles", "contact-details", "their-timeline"]},
    } for n in range(count)]
    return {"v": 2, "you": {"your_name": "Alex Morgan", "region": "GB-ENG"}, "at": "bench0000", "list": interviews}


def tracker_figures(url: str, count: int = 50, people: int = 4) -> dict[str, float]:
    """With `count` interviews: the follow-ups page's full render, a keystroke in its editor
    and on the templates page (median of TOGGLES), and the size of the stored data."""
    data = many_interviews(count, people)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_context(service_workers="block").new_page()
        page.goto(url, wait_until="networkidle")
        key = page.evaluate("atl.key('reader', 'data')")
        page.evaluate("([key, data]) => localStorage.setItem(key, JSON.stringify(data))", [key, data])
        page.goto(url + "follow-ups/", wait_until="networkidle")
        page.wait_for_function(f"document.querySelectorAll('[data-tracker-list] > li').length === {count}")
        figures = {"stored KB": len(page.evaluate("(key) => localStorage.getItem(key)", key).encode()) / 1024}
        figures["follow-ups render ms"] = statistics.median(page.evaluate("""(n) => {
          const times = [];
          for (let i = 0; i < n; i++) {  // a change that redraws every interview
            const start = performance.now();
            atl.reader.change((d) => d);
            document.body.offsetHeight;
            times.push(performance.now() - start);
          }
          return times; }""", TOGGLES // 5))
        page.locator("[data-interview] [data-edit]").first.click()
        figures["keystroke, follow-ups ms"] = _keystroke(page, "[data-tracker-editor] input[name=company]")
        page.goto(url + "note-templates/", wait_until="networkidle")
        figures["keystroke, templates ms"] = _keystroke(page, "form[data-notes] input[name=company]")
        browser.close()
    return figures


def _keystroke(page: object, selector: str) -> float:
    return statistics.median(page.evaluate("""([selector, n]) => {
      const input = document.querySelector(selector);
      const times = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        input.value += "x";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        document.body.offsetHeight;
        times.push(performance.now() - start);
      }
      return times; }""", [selector, TOGGLES]))


def print_data_files(site_dir: Path) -> None:
    """The service worker and the holiday files, gzipped; what the worker keeps, in bytes."""
    holidays = sorted((gzipped_size(p), p.name) for p in (site_dir / ASSETS_URI / "holidays").glob("*.json"))
    print(f"  sw.js {gzipped_size(site_dir / 'sw.js'):,} bytes gzipped; holiday files {holidays[0][0]:,} to "
          f"{holidays[-1][0]:,} bytes gzipped ({holidays[-1][1]} the largest)")
    kept = json.loads((site_dir / "offline.json").read_text())["files"]
    paths = [site_dir / (f"{f}index.html" if f.endswith("/") else f) for f in kept]
    sizes = [path.stat().st_size for path in paths]
    print(f"  kept offline: {len(kept)} files, {sum(sizes):,} bytes as stored ({sum(sizes) // 1024:,} KB)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_site(ROOT / "mkdocs.yml", work / "built", "http://127.0.0.1/")
        print_own_assets(work / "built")
        print_data_files(work / "built")
        print_scaling(work)
        big = write_site(work / "big", {"index.md": "# Home\n", "big.md": big_checklist(10, 100)})
        build_site(big, work / "www", "http://127.0.0.1/")
        notes = write_site(work / "n100", {"index.md": "# Home\n", **note_templates(100)},
                           "extra:\n  notes_folder: notes\n")
        build_site(notes, work / "www" / "n", "http://127.0.0.1/n/")
        with serving(work / "www") as origin:
            print(f"In Chromium, median of {TOGGLES}:")
            print(f"  toggle one item of 1,000       {toggle_ms(f'{origin}/big/'):6.2f} ms")
            print(f"  one keystroke, 100 templates   {keystroke_ms(f'{origin}/n/notes/'):6.2f} ms")
        with serving(work / "built") as origin:
            print("With 50 interviews of 4 interviewers each:")
            for name, value in tracker_figures(origin + "/").items():
                print(f"  {name:<30} {value:6.2f}")


if __name__ == "__main__":
    main()
