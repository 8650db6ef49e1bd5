"""The checklist hook inside real MkDocs builds: markup, errors, several checklists."""

from __future__ import annotations

import re

import pytest
from htmlscan import scan
from sitebuild import (
    BuildFailed,
    assert_cli_prints_one_error_line,
    build_site,
    failed_build_log,
    write_site,
)

ONE = "---\nchecklist: one\n---\n# One\n\n## First\n\n- [ ] Alpha [link](two.md)\n- [ ] Beta {#b}\n"
TWO = "---\nchecklist: two\n---\n# Two\n\n## Only\n\n- [ ] Alpha\n"


def test_two_checklists_on_one_site(tmp_path):
    config = write_site(tmp_path, {"one.md": ONE, "two.md": TWO, "index.md": "# Home\n"})
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    one = (tmp_path / "site/one/index.html").read_text()
    two = (tmp_path / "site/two/index.html").read_text()
    assert 'data-checklist="one"' in one and 'data-checklist="two"' in two
    assert 'data-item="alpha-link"' in one and 'data-item="b"' in one
    assert 'data-item="alpha"' in two
    # the item's text, link included, is inside the label of its own checkbox
    assert '<span aria-hidden="true" class="atl-box"></span> Alpha <a href="../two/">link</a></label>' in one
    assert 'data-section-title="First"' in one
    home = (tmp_path / "site/index.html").read_text()
    assert "data-checklist" not in home
    # every page carries the hooks' shared JS and CSS inline (instant navigation), the script
    # after Material's; the checklist's own script is a file of its own that only its pages
    # name; no comments are shipped; a site without note templates gets no notes code
    head = home[: home.index("</head>")]
    shared_css = re.search(r"<style data-atl-shared>([^<]*)</style>", head).group(1)
    script = re.search(r'<script data-atl-shared data-atl-assets="assets/hooks/">([^<]*)</script>\s*</body>',
                       home).group(1)
    assert home.index("bundle.") < home.index("<script data-atl-shared")
    assert 'data-atl-assets="../assets/hooks/"' in one and "assets/hooks/hooks." not in home
    # the 404 page, served at any address, has it too, and finds the scripts from site_url
    assert '<script data-atl-shared data-atl-assets="/assets/hooks/">' in (tmp_path / "site/404.html").read_text()
    shipped = tmp_path / "site/assets/hooks"
    checklist_script = (shipped / "checklist.js").read_text()
    assert "[data-atl-feature]" in script and "[data-checklist]" not in script
    assert "[data-checklist]" in checklist_script and not (shipped / "notes.js").exists()
    assert 'data-atl-feature="reader checklist"' in one and "data-atl-feature=" not in home
    # its styles are in its pages' heads, not in the shared CSS
    head = one[: one.index("</head>")]
    assert re.search(r'<style data-atl-style="checklist">[^<]*\.atl-item[^<]*</style>', head)
    assert re.search(r'<style data-atl-style="reader">[^<]*\.atl-picker[^<]*</style>', head)  # the feature it needs
    assert '<script type="application/json" data-atl-data="reader">{"scopes": ' in head
    assert "atl-item" not in shared_css and "<style data-atl-feature" not in home
    assert not re.search(r"^\s*//(?!# sourceURL=)|/\*", shared_css + script + checklist_script, re.MULTILINE)
    assert script.endswith("\n//# sourceURL=atl-shared.js")  # its name in stack traces
    assert scan(tmp_path / "site/one/index.html").h1_count == 1


def test_ui_words_can_be_overridden(tmp_path):
    config = write_site(tmp_path, {"one.md": ONE, "two.md": TWO},
                        'extra:\n  checklist:\n    reset: "Start over"\n    progress: "{done}/{total}"\n')
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    html = (tmp_path / "site/one/index.html").read_text()
    assert ">Start over</button>" in html
    assert "&#34;progress&#34;: &#34;{done}/{total}&#34;" in html


BAD = [
    ({"a.md": "---\nchecklist: a\n---\n# A\n\n## S\n\n- [ ] x {#d}\n- [ ] y {#d}\n"},
     "docs/a.md:9: item id 'd' is used twice (first on line 8); give one of them its own {#some-id}"),
    ({"a.md": "---\nchecklist: a\n---\n# A\n\nNothing to tick.\n"},
     "docs/a.md: the checklist has no task-list items ('- [ ] ...')"),
    ({"a.md": "---\nchecklist: a\n---\n# A\n- [ ] stray\n"},
     "docs/a.md:5: a checklist item must sit under a '## ' section heading"),
    ({"a.md": "---\nchecklist: same\n---\n## S\n- [ ] x\n", "b.md": "---\nchecklist: same\n---\n## S\n- [ ] x\n"},
     "docs/b.md:2: checklist id 'same' is already used by docs/a.md"),
    ({"a.md": "---\nchecklist: Not An Id\n---\n## S\n- [ ] x\n"},
     "docs/a.md:2: 'checklist: Not An Id' must be an id like 'follow-up'"),
    ({"a.md": "---\nchecklist: a\n---\n## S\n\n- [ ] x\n\n<div>\n- [ ] y\n</div>\n"},
     ("docs/a.md:9: a checklist item inside a raw HTML block is not read as Markdown; "
      "move it out, or add markdown=\"1\" to the HTML block")),
    ({"a.md": "---\nchecklist: a\n---\n## S\n\n- [ ] x\n\n<div>\n## T\n</div>\n\n- [ ] y\n"},
     ("docs/a.md:9: a checklist '## ' heading inside a raw HTML block is not read as Markdown; "
      "move it out, or add markdown=\"1\" to the HTML block")),
    ({"a.md": "---\nchecklist: a\n---\n## S\n\n- [ ] big {#b .big}\n"},
     "docs/a.md:6: a checklist item can end with an id only, like {#some-id}, not {#b .big}"),
]


@pytest.mark.parametrize("pages, message", BAD)
def test_bad_sources_stop_the_build_with_one_line(tmp_path, pages, message):
    config = write_site(tmp_path, pages)
    log = failed_build_log(config, tmp_path / "site")
    assert f"ERROR: {message}" in log


def test_the_cli_prints_the_error_line_and_no_traceback(tmp_path):
    assert_cli_prints_one_error_line(write_site(tmp_path, BAD[0][0]), BAD[0][1])


def test_unknown_ui_word_is_an_error(tmp_path):
    config = write_site(tmp_path, {"one.md": ONE}, "extra:\n  checklist:\n    rest: Reset\n")
    with pytest.raises(BuildFailed, match=r"ERROR: mkdocs.yml: extra.checklist: unknown word 'rest'"):
        build_site(config, tmp_path / "site", "http://127.0.0.1/")
