"""Build a MkDocs site from Python and keep what it logged, for the tests."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
ROOT = Path(__file__).resolve().parent.parent


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site(config_file: Path, site_dir: Path, site_url: str, strict: bool = True) -> list[str]:
    """Build `config_file` into `site_dir`; return the 'LEVEL: message' lines MkDocs logged.

    A strict build with warnings raises mkdocs' Abort, as `mkdocs build --strict` fails.
    """
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), site_url=site_url, strict=strict)
        build(config)
    finally:
        logger.removeHandler(collect)
    return [f"{r.levelname}: {r.getMessage()}" for r in collect.records]
