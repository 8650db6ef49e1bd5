"""The order of `hooks:` in mkdocs.yml does not change the site."""

from __future__ import annotations

import random

from sitebuild import ROOT, build_site, site_hooks


def _files(site_dir):
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}


def test_shuffled_hooks_build_the_same_site(tmp_path):
    listed = site_hooks()
    assert len(listed) >= 5
    build_site(ROOT / "mkdocs.yml", tmp_path / "listed", "http://127.0.0.1/")
    expected = _files(tmp_path / "listed")
    orders = [listed[::-1], *(random.Random(seed).sample(listed, len(listed)) for seed in (1, 2))]
    for n, order in enumerate(orders):
        build_site(ROOT / "mkdocs.yml", tmp_path / f"shuffled{n}", "http://127.0.0.1/", hooks=order)
        assert _files(tmp_path / f"shuffled{n}") == expected, order
