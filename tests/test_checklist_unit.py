"""The checklist's Markdown extension on its own, without MkDocs: ids, sections, errors, markup."""

from __future__ import annotations

import re

import markdown
import pytest
from checklist import ChecklistError, ChecklistExtension, ChecklistPage, derive_id

SOURCE = """\
Intro text.

## Before

- [ ] Write down *every* name, see [names](names.md)
- [ ] Ask for their timeline {#timeline}

## After

- [x] Send the note
"""
TOOLBAR = "<div>TOOLBAR</div>"


def convert(source: str, first_line: int = 1, **tasklist: bool) -> tuple[str, list[ChecklistError]]:
    """The page as HTML, and the mistakes the extension reported."""
    extension, mistakes = ChecklistExtension(), []
    extension.page = ChecklistPage("c", TOOLBAR, source, first_line, mistakes.append)
    extensions = [extension, "attr_list", "md_in_html", "toc", "pymdownx.superfences", "pymdownx.tasklist"]
    html = markdown.markdown(source, extensions=extensions, extension_configs={"pymdownx.tasklist": tasklist})
    return html, mistakes


def boxes(html: str) -> list[tuple[str, str, bool]]:
    """(id, section, checked) of each checkbox, in order."""
    return [(m["id"], m["section"], bool(m["checked"])) for m in re.finditer(
        r'<input autocomplete="off" (?P<checked>checked )?data-item="(?P<id>[^"]+)" data-section="(?P<section>\d+)" '
        r'type="checkbox" />',
        html)]


def mistake(source: str, first_line: int = 1) -> ChecklistError:
    html, mistakes = convert(source, first_line)
    assert len(mistakes) == 1, mistakes
    assert "atl-item" not in html  # a page with a mistake is left as it was
    return mistakes[0]


def test_ids_are_explicit_or_derived_and_know_their_section():
    html, mistakes = convert(SOURCE)
    assert mistakes == []
    assert boxes(html) == [("write-down-every-name-see-names", "0", False), ("timeline", "0", False),
                           ("send-the-note", "1", True)]
    assert "{#timeline}" not in html


def test_long_derived_ids_are_cut_at_a_word():
    item_id = derive_id("Check in one or two business days after the date they gave you, or after a week")
    assert item_id == "check-in-one-or-two-business-days-after-the-date"


@pytest.mark.parametrize("options", [{}, {"custom_checkbox": True}, {"clickable_checkbox": True}])
def test_each_box_is_a_checkbox_labelled_by_its_text(options):
    source = SOURCE + "- [ ] Loose item\n\n    with a second paragraph\n\n- [ ] Parent\n    - [ ] Child\n"
    html, _ = convert(source, **options)
    assert html.count('<label class="atl-item">') == 6 and "task-list" not in html
    assert ('<li><label class="atl-item"><input autocomplete="off" data-item="write-down-every-name-see-names" '
            'data-section="0" type="checkbox" /><span aria-hidden="true" class="atl-box"></span> '
            'Write down <em>every</em> name, see <a href="names.md">names</a></label></li>') in html
    assert re.search(r'<li>\s*<p><label class="atl-item">.*?</span> Loose item</label></p>\s*<p>with a second', html)
    assert re.search(r'</span> Parent</label>(</p>)?\s*<ul>\s*<li><label class="atl-item">.*?</span> Child</label>',
                     html)


def test_toolbar_before_the_first_section_with_items_and_progress_under_each():
    source = "Intro.\n\n## Notes\n\nNo items.\n\n" + SOURCE.replace("## Before", "## Before {#early}")
    html, _ = convert(source)
    assert html.index('<h2 id="notes">') < html.index(TOOLBAR + '\n<h2 id="early">Before</h2>\n'
                                                     '<p class="atl-section-progress atl-js-only atl-line" '
                                                     'data-section-progress="1" data-section-title="Before"></p>')
    assert ('<h2 id="after">After</h2>\n<p class="atl-section-progress atl-js-only atl-line" '
            'data-section-progress="2"') in html
    assert html.count("atl-section-progress") == 2  # a section without items has none


def test_section_titles_are_plain_text_escaped_in_attributes():
    html, _ = convert('## Say "hi" to *Ann* <now>\n- [ ] x\n')
    assert 'data-section-title="Say &quot;hi&quot; to Ann"' in html


def test_what_is_not_a_list_item_is_not_an_item():
    """An ordered item keeps its id even beside a task line in indented code; a task line
    in a fence inside a fence is code (both once broke the regex version)."""
    source = ("## One\n\n1. [ ] numbered {#num}\n\nSome code:\n\n    - [ ] in indented code\n\n"
              "## Two\n\n````markdown\n```\n- [ ] x\n```\n````\n\n- [ ] real\n")
    html, mistakes = convert(source)
    assert mistakes == []
    assert boxes(html) == [("num", "0", False), ("real", "1", False)]
    assert "{#num}" not in html and "- [ ] in indented code" in html and "- [ ] x" in html


def test_an_item_keeps_inline_html_in_its_label():
    """An item's label is all of its own text, inline HTML included (a <div> too: it does not
    cut the label short); a nested list or a second paragraph stays outside the label."""
    html, _ = convert('## A\n\n- [ ] Say <span class="x">this</span> and <b>that</b>\n- [ ] A <div>box</div> inside\n')
    assert re.search(r'</span> Say <span class="x">this</span> and <b>that</b></label>', html)
    assert re.search(r'</span> A <div>box</div> inside</label>', html)


@pytest.mark.parametrize("source, line, message", [
    ("## A\n- [ ] one {#same}\n- [ ] two {#same}\n", 3, r"item id 'same' is used twice \(first on line 2\)"),
    ("## A\n- [ ] Send it\n## B\n- [ ] Send *it*\n", 4, r"'send-it' is used twice \(first on line 2\)"),
    ("## A\n- [ ] x\n## B\n- [ ] x\n", 4, r"'x' is used twice \(first on line 2\)"),
    ("Intro\n\n- [ ] stray\n\n## A\n- [ ] fine\n", 3, "must sit under a '## ' section heading"),
    ("## A\n- [ ] ???\n", 2, r"give it one with \{#some-id\}"),
    ("## A\n- [ ] big {#a .big}\n", 2, r"can end with an id only, like \{#some-id\}, not \{#a \.big\}"),
    ("## A\n\n- [ ] x\n\n<div>\n- [ ] y\n</div>\n", 6, "a checklist item inside a raw HTML block"),
    ("## A\n\n- [ ] x\n\n<div>\n## T\n</div>\n\n- [ ] y\n", 6, "a checklist '## ' heading inside a raw HTML block"),
    ("# Title\n\nNo tasks here.\n", None, "no task-list items"),
    ("## A\n\n```\n- [ ] in a code block\n```\n", None, "no task-list items"),
])
def test_mistakes_name_their_line(source, line, message):
    error = mistake(source)
    assert re.search(message, str(error))
    assert error.line == line


def test_lines_count_from_the_top_of_the_file():
    assert mistake("## A\n- [ ] x {#d}\n- [ ] y {#d}\n", first_line=5).line == 7


def test_markdown_in_an_html_block_is_read():
    html, mistakes = convert('## A\n\n<div markdown="1">\n\n- [ ] inside\n\n</div>\n')
    assert mistakes == [] and boxes(html) == [("inside", "0", False)]


def test_other_pages_pass_through():
    extension = ChecklistExtension()
    html = markdown.markdown("## A\n\n- [ ] x\n", extensions=[extension, "pymdownx.tasklist"])
    assert "atl-item" not in html and "task-list-item" in html
