"""The Python is ruff-clean, with its line-length and complexity rules (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from sitebuild import ROOT


def test_ruff_finds_nothing():
    ruff = [sys.executable, "-m", "ruff", "check", "--output-format", "concise", "hooks", "tests", "tools"]
    run = subprocess.run(ruff, cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
