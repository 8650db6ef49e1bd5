"""Lighthouse on every page, this site against the same docs/ built with stock Material.
Figures for the README, not a pass/fail test. Run: ./run audit

Both sites are built here, served side by side by nginx the way static hosts serve them
(gzip, a cache header), and audited in the same run with Lighthouse's mobile preset in
Debian's Chromium: each page RUNS times, the two sites taking turns, and the median run
(by Performance) kept, as Lighthouse's docs advise for its run-to-run variance. Prints one
table, then the size of the project's own JS and CSS and of what a first visit to the home
page transfers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tools"))

from bench import own_code_sizes
from browsers import chromium_path
from mkdocs.config import load_config
from sitebuild import build_site, built_pages

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
RUNS = 5  # Lighthouse's docs on variability: the median of five runs
CATEGORIES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}

# GitHub Pages' way: gzip for text, and ten minutes of caching for every file.
NGINX_CONF = """
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  types {{ application/manifest+json webmanifest; }}
  access_log off;
  client_body_temp_path {work}/tmp-body;
  proxy_temp_path {work}/tmp-proxy;
  fastcgi_temp_path {work}/tmp-fastcgi;
  uwsgi_temp_path {work}/tmp-uwsgi;
  scgi_temp_path {work}/tmp-scgi;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_types text/css application/javascript text/javascript application/json
             image/svg+xml application/xml text/xml text/plain;
  {servers}
}}
"""
NGINX_SERVER = """
  server {{
    listen 127.0.0.1:{port};
    root {root};
    error_page 404 /404.html;
    add_header Cache-Control "max-age=600";
  }}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stock_overrides() -> dict[str, object]:
    """The same pages with stock Material: no hooks, no overrides, default theme settings.
    Without the notes hook the templates folder is plain pages; its index stands in for the
    page the hook would generate."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    nav = [{title: "note-templates/index.md" if path == "note-templates.md" else path}
           for entry in config["nav"] for title, path in entry.items()]
    return {"theme": {"name": "material"}, "hooks": [], "extra_css": [], "extra_javascript": [],
            "extra": {}, "nav": nav}


def lighthouse(url: str) -> dict:
    env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
    flags = "--headless=new --no-sandbox --disable-gpu --no-first-run"
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--chrome-flags={flags}"],
        env=env, capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        **{key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES},
        "bytes": audits["total-byte-weight"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "failed": sorted(
            f"{key}: {ref['id']}" for key in CATEGORIES
            for ref in report["categories"][key]["auditRefs"]
            if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
            and audits[ref["id"]]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")),
    }


def median_run(reports: list[dict]) -> dict:
    by_performance = sorted(reports, key=lambda r: r["performance"])
    return by_performance[len(reports) // 2]


def row(page: str, site: str, r: dict) -> str:
    scores = "".join(f"{r[key]:>6}" for key in CATEGORIES)
    return f"{page:<28}{site:<9}{scores}{r['bytes'] / 1024:>10.1f} KB{r['lcp']:>7.2f} s"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--settings", action="store_true", help=(
        "also audit a third build: our mkdocs.yml (dark palette, instant navigation, overrides) "
        "without the hooks, to tell what Material's settings cost from what the hooks cost"))
    options.add_argument("--pages", help="only these pages, comma-separated ('' is the home page)")
    args = options.parse_args()
    if not shutil.which("nginx"):
        sys.exit("nginx is missing: ./run audit installs it (Debian package nginx-light)")
    builds = {"ours": {}, "stock": stock_overrides()}
    if args.settings:
        builds["settings"] = {"hooks": [], "extra_css": [], "extra_javascript": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        work.chmod(0o755)  # nginx's workers may run as another user
        results = audit_builds(builds, work, None if args.pages is None else args.pages.split(","))
        pieces, by_page = own_code_sizes(work / "ours")
    print_report(results, pieces, by_page)


def audit_builds(builds: dict[str, dict], work: Path, only: list[str] | None) -> dict[str, dict[str, dict]]:
    """Each build of the site served by nginx and audited page by page, the builds taking
    turns; the median run of each page of each build."""
    ports = {name: free_port() for name in builds}
    for name, overrides in builds.items():
        url = f"http://127.0.0.1:{ports[name]}/"
        build_site(ROOT / "mkdocs.yml", work / name, url, strict=name == "ours", **overrides)
    servers = "".join(NGINX_SERVER.format(port=ports[n], root=work / n) for n in ports)
    (work / "nginx.conf").write_text(NGINX_CONF.format(work=work, servers=servers))
    nginx = subprocess.Popen(["nginx", "-c", str(work / "nginx.conf"), "-e", str(work / "nginx-error.log")])
    time.sleep(0.5)
    results: dict[str, dict[str, dict]] = {name: {} for name in ports}
    try:
        pages = built_pages(work / "ours")
        for path in pages if only is None else [p for p in pages if p.strip("/") in only]:
            # a page our hooks generate (the follow-ups, the guide) is not in stock's build
            having = {name: port for name, port in ports.items() if (work / name / path / "index.html").is_file()}
            runs = {name: [] for name in having}
            for _ in range(RUNS):
                for name, port in having.items():
                    runs[name].append(lighthouse(f"http://127.0.0.1:{port}/{path}"))
            for name, reports in runs.items():
                results[name][path] = median_run(reports)
    finally:
        nginx.terminate()
        nginx.wait()
    return results


def print_report(results: dict[str, dict[str, dict]], pieces: dict[str, int], by_page: dict[str, int]) -> None:
    heads = "".join(f"{label:>6}" for label in CATEGORIES.values())
    print(f"Lighthouse {lighthouse_version()}, mobile preset, median of {RUNS} runs; nginx with gzip")
    print(f"{'page':<28}{'site':<9}{heads}{'transfer':>13}{'LCP':>9}")
    misses = []
    short_of_full_marks: dict[str, list[str]] = {}
    for path in results["ours"]:
        ours, stock = results["ours"][path], results["stock"].get(path)
        print(row(path or "(home)", "ours", ours))
        for name in ("stock", "settings"):
            if path in results.get(name, {}):
                print(row("", name, results[name][path]))
        misses += [f"{path or '(home)'}: {key} {ours[key]} < {target}"
                   for key, target in TARGETS.items() if ours[key] < target]
        misses += [f"{path or '(home)'}: {key} behind stock" for key in CATEGORIES if stock and ours[key] < stock[key]]
        for audit in ours["failed"]:
            short_of_full_marks.setdefault(audit, []).append(path or "(home)")
    print("Targets (Perf >= 98, the rest 100, never behind stock):",
          "all met" if not misses else "missed:\n  " + "\n  ".join(misses))
    # where our points go, even where the category still rounds to 100
    print("Scored audits short of full marks (ours):", "none" if not short_of_full_marks else "")
    for audit, paths in sorted(short_of_full_marks.items()):
        print(f"  {audit}: {', '.join(paths)}")
    heaviest = max(by_page, key=by_page.get)
    print(f"Own JS and CSS, gzipped (budget 5,120 a page; 5,632 with the planner, 6,656 with the tracker; "
          f"./run bench tells page by page): {sum(pieces.values()):,} bytes in all; a page loads "
          f"{min(by_page.values()):,} to {by_page[heaviest]:,} ({heaviest or '(home)'})")
    if "" in results["ours"]:
        home = results["ours"][""]["bytes"], results["stock"][""]["bytes"]
        print(f"First visit to the home page transfers {home[0]:,.0f} bytes ({home[1]:,.0f} for stock)")


def lighthouse_version() -> str:
    return json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text())["version"]


if __name__ == "__main__":
    main()
