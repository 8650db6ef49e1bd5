"""The site builds the same with ProperDocs, the maintained MkDocs 1.x fork, as with MkDocs."""

from __future__ import annotations

import gzip
import os
import subprocess

from sitebuild import ROOT

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"


def _contents(site_dir, path):
    """A built file as compared: pages without their generator tag, gzip files unpacked."""
    data = (site_dir / path).read_bytes()
    if path.endswith(".gz"):
        return gzip.decompress(data)
    if path.endswith(".html"):
        return b"\n".join(line for line in data.split(b"\n") if b'name="generator"' not in line)
    if path == "sw.js":  # its version is a hash of the pages, which name their generator
        return b"\n".join(line for line in data.split(b"\n") if not line.startswith(b"const VERSION"))
    return data


def test_properdocs_builds_the_same_site_page_by_page(site, tmp_path):
    assert PROPERDOCS.exists(), "no ProperDocs environment: ./run test makes it from requirements/properdocs.txt"
    run = subprocess.run([str(PROPERDOCS), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path)],
                         capture_output=True, text=True, check=False,
                         env={**os.environ, "SITE_URL": site.url, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr
    assert "ProperDocs" in (tmp_path / "index.html").read_text()  # it was really the other engine
    files = sorted(p.relative_to(site.dir).as_posix() for p in site.dir.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert [f for f in files if _contents(site.dir, f) != _contents(tmp_path, f)] == []
