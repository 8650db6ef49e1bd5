"""The checklist hook's pure helpers: ids, validation, the Markdown it writes."""

from __future__ import annotations

import pytest
from checklist import ChecklistError, derive_id, parse_checklist, render_checklist

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


def test_render_puts_toolbar_progress_and_labelled_boxes():
    out = render_checklist(SOURCE, parse_checklist(SOURCE), "<div>TOOLBAR</div>").splitlines()
    assert out.index("<div>TOOLBAR</div>") < out.index("## Before")
    assert out[out.index("## Before") + 2].startswith('<p class="atl-section-progress atl-js-only atl-line" data-section-progress="2"')
    assert 'data-section-title="After"' in out[out.index("## After") + 2]
    items = [line for line in out if line.startswith("- <label")]
    assert len(items) == 3
    assert items[0] == (
        '- <label class="atl-item"><input type="checkbox" data-item="write-down-every-name-see-names" '
        'data-section="2"><span class="atl-box" aria-hidden="true"></span> '
        'Write down *every* name, see [names](names.md)</label>'
    )
    assert "{#timeline}" not in "\n".join(out)
    assert ' data-section="7" checked>' in items[2]


def test_section_titles_are_escaped_in_attributes():
    source = '## Say "hi" <now>\n- [ ] x\n'
    out = render_checklist(source, parse_checklist(source), "")
    assert 'data-section-title="Say &quot;hi&quot;"' in out

