"""Build a MkDocs site from Python and keep what it logged, for the tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import itertools
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
ROOT = Path(__file__).resolve().parent.parent


class BuildFailed(Exception):
    """The build stopped; `log` holds the lines it logged, the error among them."""

    def __init__(self, log: list[str]) -> None:
        super().__init__("\n".join(log))
        self.log = log


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site(config_file: Path, site_dir: Path, site_url: str, strict: bool = True,
               **overrides: object) -> list[str]:
    """Build `config_file` into `site_dir`; return the 'LEVEL: message' lines MkDocs logged.

    Raises BuildFailed where `mkdocs build --strict` would fail (an error, or a warning).
    """
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), site_url=site_url, strict=strict,
                             **overrides)
        build(config)
    except PluginError as error:  # raised from on_config, before build() logs it
        collect.records.append(logging.makeLogRecord({"levelname": "ERROR", "msg": str(error)}))
        raise BuildFailed(_lines(collect.records)) from None
    except Abort:
        raise BuildFailed(_lines(collect.records)) from None
    finally:
        logger.removeHandler(collect)
    return _lines(collect.records)


def failed_build_log(config_file: Path, site_dir: Path) -> list[str]:
    """What a strict build that must fail logged; an AssertionError when it built."""
    try:
        build_site(config_file, site_dir, "http://127.0.0.1/")
    except BuildFailed as error:
        return error.log
    raise AssertionError(f"{config_file} built, but should have failed")


def cli_build(config_file: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` as an author runs it, in a child process: its exit code and output."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *options, "-f", str(config_file)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def assert_cli_prints_one_error_line(config_file: Path, line: str) -> None:
    """A strict `mkdocs build` fails and prints `line`, without a traceback."""
    run = cli_build(config_file, "--strict")
    assert run.returncode == 1
    assert line in run.stderr
    assert "Traceback" not in run.stderr


def built_pages(site_dir: Path) -> list[str]:
    """Every page of a built site, as URL paths relative to it ("", "timing/", ...)."""
    folders = (p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return sorted("" if f == "." else f + "/" for f in folders)


def _lines(records: list[logging.LogRecord]) -> list[str]:
    return [f"{r.levelname}: {r.getMessage()}" for r in records]


def write_site(folder: Path, pages: dict[str, str], extra_config: str = "") -> Path:
    """A tiny Material site using this project's hooks; returns its mkdocs.yml."""
    for name, text in pages.items():
        (folder / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    hooks = "\n".join(f"  - {ROOT / name}" for name in site_hooks())
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Fixture\ntheme:\n  name: material\n  font: false\nhooks:\n{hooks}\n{extra_config}",
        encoding="utf-8",
    )
    return config


def site_hooks() -> list[str]:
    """The hooks this project's mkdocs.yml lists, as it names them ("hooks/checklist.py")."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = itertools.takewhile(lambda line: line.startswith("  - "), text.split("\nhooks:\n", 1)[1].splitlines())
    return [line.split("#")[0].removeprefix("  - ").strip() for line in listed]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    # a host's backlog, not Python's 5: the site's service worker fetches every file at once
    # when it installs, and a refused connection would look like a network that failed
    request_queue_size = 128


@contextlib.contextmanager
def serving(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at a free port; yields 'http://127.0.0.1:PORT'."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
