"""The checklist hook's pure helpers: ids, validation, the Markdown and HTML it writes."""

from __future__ import annotations

import re

import markdown
import pytest
from checklist import (
    ChecklistError,
    add_progress,
    derive_id,
    label_items,
    parse_checklist,
    render_checklist,
)

SOURCE = """\
Intro text.

## Before

- [ ] Write down *every* name, see [names](names.md)
- [ ] Ask for their timeline {#timeline}

## After

- [x] Send the note
"""


def test_ids_are_explicit_or_derived_from_plain_text():
    checklist = parse_checklist(SOURCE)
    assert [item.id for item in checklist.items] == ["write-down-every-name-see-names", "timeline", "send-the-note"]
    assert checklist.items[1].text == "Ask for their timeline"
    assert [item.checked for item in checklist.items] == [False, False, True]


def test_items_know_their_section():
    checklist = parse_checklist(SOURCE)
    assert checklist.sections == {2: "Before", 7: "After"}
    assert [item.section for item in checklist.items] == [2, 2, 7]


def test_long_derived_ids_are_cut_at_a_word():
    item_id = derive_id("Check in one or two business days after the date they gave you, or after a week")
    assert len(item_id) <= 48
    assert item_id == "check-in-one-or-two-business-days-after-the-date"


def test_duplicate_ids_name_both_lines():
    with pytest.raises(ChecklistError, match=r"item id 'same' is used twice \(first on line 2\)") as error:
        parse_checklist("## A\n- [ ] one {#same}\n- [ ] two {#same}\n")
    assert error.value.line == 3


def test_duplicate_derived_ids_are_caught():
    with pytest.raises(ChecklistError, match="'send-it' is used twice") as error:
        parse_checklist("## A\n- [ ] Send it\n## B\n- [ ] Send *it*\n")
    assert error.value.line == 4


@pytest.mark.parametrize("source", ["# Title\n\nNo tasks here.\n", "## A\n\n```\n- [ ] in a code block\n```\n"])
def test_a_checklist_without_items_is_an_error(source):
    with pytest.raises(ChecklistError, match="no task-list items") as error:
        parse_checklist(source)
    assert error.value.line is None


def test_items_need_a_section():
    with pytest.raises(ChecklistError, match="must sit under a '## ' section heading") as error:
        parse_checklist("Intro\n- [ ] stray\n## A\n- [ ] fine\n")
    assert error.value.line == 2


def test_an_item_without_any_word_needs_an_explicit_id():
    with pytest.raises(ChecklistError, match=r"give it one with \{#some-id\}"):
        parse_checklist("## A\n- [ ] ???\n")


def test_render_marks_used_sections_and_keeps_plain_task_items():
    out = render_checklist(SOURCE, parse_checklist(SOURCE)).splitlines()
    assert '## Before {: data-atl-section="2" }' in out and '## After {: data-atl-section="7" }' in out
    assert [line for line in out if line.startswith("- [")] == [
        "- [ ] Write down *every* name, see [names](names.md)",
        "- [ ] Ask for their timeline",  # the explicit id goes into the HTML, not the text
        "- [x] Send the note",
    ]


def test_a_heading_keeps_its_own_attributes_and_loses_closing_hashes():
    source = "## Before {#early .soon}\n- [ ] a\n## After ##\n- [ ] b\n## Notes\nNo items.\n"
    out = render_checklist(source, parse_checklist(source)).splitlines()
    assert out[0] == '## Before {#early .soon data-atl-section="0"}'
    assert out[2] == '## After {: data-atl-section="2" }'
    assert out[4] == "## Notes"  # a section without items gets no progress line


def rendered(source: str, **tasklist: bool) -> str:
    extensions = ["pymdownx.tasklist", "md_in_html", "attr_list", "toc"]
    return markdown.markdown(source, extensions=extensions, extension_configs={"pymdownx.tasklist": tasklist})


@pytest.mark.parametrize("options", [{}, {"custom_checkbox": True}, {"clickable_checkbox": True}])
def test_rendered_boxes_become_labelled_checkboxes(options):
    source = SOURCE + "- [ ] Loose item\n\n    with a second paragraph\n\n- [ ] Parent\n    - [ ] Child\n"
    checklist = parse_checklist(source)
    page = label_items(rendered(render_checklist(source, checklist), **options), checklist)
    assert page.count('<label class="atl-item">') == 6 and "task-list" not in page
    assert ('<li><label class="atl-item"><input type="checkbox" data-item="write-down-every-name-see-names" '
            'data-section="2"><span class="atl-box" aria-hidden="true"></span> '
            'Write down <em>every</em> name, see <a href="names.md">names</a></label></li>') in page
    assert 'data-item="timeline" data-section="2"><span class="atl-box" aria-hidden="true"></span> Ask for their timeline</label>' in page
    assert 'data-item="send-the-note" data-section="7" checked>' in page
    assert re.search(r'<li>\s*<p><label class="atl-item">.*?</span> Loose item</label></p>\s*<p>with a second', page)
    assert re.search(r'</span> Parent</label>(</p>)?\s*<ul>\s*<li><label class="atl-item">.*?</span> Child</label></li>', page)


def test_items_that_do_not_render_as_task_items_are_an_error():
    source = "## A\n\n- [ ] Shown\n\n<div>\n- [ ] Inside raw HTML\n</div>\n"
    checklist = parse_checklist(source)
    with pytest.raises(ChecklistError, match="2 checklist items in the source, but 1 rendered"):
        label_items(rendered(render_checklist(source, checklist)), checklist)


def test_toolbar_goes_before_the_first_section_and_progress_under_each():
    source = "Intro.\n\n## Notes\n\nNo items.\n\n" + SOURCE.replace("## Before", "## Before {#early}")
    checklist = parse_checklist(source)
    page = add_progress(rendered(render_checklist(source, checklist)), checklist, "<div>TOOLBAR</div>")
    assert "data-atl-section" not in page
    assert page.index("<h2 id=\"notes\">") < page.index("<div>TOOLBAR</div>\n\n<h2 id=\"early\">Before</h2>\n"
                                                       '<p class="atl-section-progress atl-js-only atl-line" '
                                                       'data-section-progress="8" data-section-title="Before"></p>')
    assert '<h2 id="after">After</h2>\n<p class="atl-section-progress atl-js-only atl-line" data-section-progress="13"' in page


def test_sections_that_do_not_render_as_headings_are_an_error():
    source = "## A\n\n- [ ] Shown\n\n<div>\n## B\n</div>\n\n- [ ] Under B\n"
    checklist = parse_checklist(source)
    with pytest.raises(ChecklistError, match="2 sections with items in the source, but 1 rendered as headings"):
        add_progress(rendered(render_checklist(source, checklist)), checklist, "")


def test_section_titles_are_escaped_in_attributes():
    source = '## Say "hi" <now>\n- [ ] x\n'
    checklist = parse_checklist(source)
    page = add_progress(rendered(render_checklist(source, checklist)), checklist, "")
    assert 'data-section-title="Say &quot;hi&quot;"' in page
