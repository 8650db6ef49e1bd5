"""What the hooks share: the code they ship."""

from __future__ import annotations

from hook_support import compact


def test_shipped_code_loses_comments_and_indentation_only():
    source = '/* what */\n.a {\n  color: red; /* why */\n}\n// how\nif (x) {\n  go("a // b"); // note\n}\n'
    assert compact(source) == '.a {\ncolor: red; \n}\nif (x) {\ngo("a // b");\n}\n'
