"""The scripts that print the figures (tools/) still run on this site: not the figures themselves."""

from __future__ import annotations

import sys

from sitebuild import ROOT, build_site

sys.path.insert(0, str(ROOT / "tools"))
from bench import scaled_site


def test_the_benchs_larger_copies_of_the_site_build_strictly(tmp_path):
    """`./run bench` times copies of this site: a link to a generated page from a copied page
    (say, the home page's to the follow-ups page) must point at the one generated page."""
    config = scaled_site(2, tmp_path / "x2")
    build_site(config, tmp_path / "site", "http://127.0.0.1/")  # raises on any warning
    assert (tmp_path / "site" / "copy-1" / "index.html").is_file()
