"""What the hooks share: the code they ship."""

from __future__ import annotations

import hook_support
from hook_support import compact
from mkdocs.config import load_config
from sitebuild import ROOT


def test_shipped_code_loses_comments_and_indentation_only():
    source = '/* what */\n.a {\n  color: red; /* why */\n}\n// how\nif (x) {\n  go("a // b"); // note\n}\n'
    assert compact(source) == '.a {\ncolor: red; \n}\nif (x) {\ngo("a // b");\n}\n'


def test_templates_render_without_a_usable_cache_folder(monkeypatch):
    def no_folder() -> None:
        raise RuntimeError("Cannot create or access the cache directory")

    monkeypatch.setattr(hook_support, "FileSystemBytecodeCache", no_folder)
    config = load_config(str(ROOT / "mkdocs.yml"))
    html = hook_support.hook_template(config, "checklist.html").render(id="a<b", words={})
    assert 'data-checklist="a&lt;b"' in html
    assert hook_support.hook_template(config, "checklist.html") is hook_support.hook_template(config, "checklist.html")
