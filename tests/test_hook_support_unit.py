"""What the hooks share: the code they ship, the build that owns them."""

from __future__ import annotations

import hook_support
import pytest
from hook_support import Build, Feature, build_of, compact
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from sitebuild import ROOT


def test_shipped_code_loses_comments_and_indentation_only():
    source = '/* what */\n.a {\n  color: red; /* why */\n}\n// how\nif (x) {\n  go("a // b"); // note\n}\n'
    assert compact(source) == '.a {\ncolor: red; \n}\nif (x) {\ngo("a // b");\n}\n'


def test_templates_render_without_a_usable_cache_folder(monkeypatch):
    def no_folder() -> None:
        raise RuntimeError("Cannot create or access the cache directory")

    monkeypatch.setattr(hook_support, "FileSystemBytecodeCache", no_folder)
    build = Build(load_config(str(ROOT / "mkdocs.yml")), [])
    html = build.template("checklist.html").render(id="a<b", words={}, reader_words={}, scripts="")
    assert 'data-checklist="a&lt;b"' in html
    assert build.template("checklist.html") is build.template("checklist.html")


def test_shared_code_comes_in_the_features_order_whatever_the_order_they_came_in():
    config = load_config(str(ROOT / "mkdocs.yml"))
    fixes = Feature("fixes", shared_style=("fixes.css",), shared_script=("fixes.js",), order=-1)
    tool = Feature("tool", script=True)
    for features in ([fixes, tool], [tool, fixes]):
        build = Build(config, features)
        assert build.shared(".css") == ("fixes.css", "common.css")
        assert build.shared(".js") == ("fixes.js", "common.js")
    assert Build(config, [fixes]).shared(".js") == ("fixes.js",)  # no feature script: no loader


def test_a_feature_hook_without_the_owner_is_a_clear_error():
    with pytest.raises(PluginError, match="need hooks/features.py listed under 'hooks:'"):
        build_of(load_config(str(ROOT / "mkdocs.yml")))
