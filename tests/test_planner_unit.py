"""The planner hook's pure helpers: reading the rules, the rules in words, where it goes."""

from __future__ import annotations

import markdown
import pytest
from front_matter import FrontMatter, read_front_matter
from planner import END, START, WORDS, PlannerError, PlannerExtension, parse_rules, rule_in_words

RULES = [
    {"id": "thanks", "title": "Thanks", "after": {"interview": 1}, "keep_time": True},
    {"id": "check", "title": "Check in", "name": "your check-in", "after": {"decision": 2, "interview": 7}},
    {"id": "last", "title": "Last", "after": {"check": 0}, "links": ["[a](a.md)"]},
]


def rules(steps: list[dict]) -> FrontMatter:
    return FrontMatter({"planner": steps})


def test_rules_read_in_order_with_their_names():
    steps = parse_rules(rules(RULES))
    assert [(s.id, s.name, s.after) for s in steps] == [
        ("thanks", "Thanks", [("interview", 1)]),
        ("check", "your check-in", [("decision", 2), ("interview", 7)]),
        ("last", "Last", [("check", 0)]),
    ]
    assert steps[2].links == ("[a](a.md)",)


def test_rules_in_words():
    steps = {s.id: s for s in parse_rules(rules(RULES))}
    assert [rule_in_words(s, steps, WORDS) for s in steps.values()] == [
        "1 business day after the interview, by the same time of day.",
        ("2 business days after the decision date they gave you; if they gave none, "
         "7 business days after the interview."),
        "On the day of your check-in, or the next business day.",
    ]


@pytest.mark.parametrize("days", [-1, 1.5, True, "2", 261, 1000000000])
def test_days_are_whole_from_0_to_a_year_of_business_days(days):
    with pytest.raises(PlannerError, match="must be a whole number of business days from 0 to 260"):
        parse_rules(rules([{"id": "a", "title": "A", "after": {"interview": days}}]))


@pytest.mark.parametrize("key, value", [("title", ["a", "b"]), ("name", 3), ("text", {"a": 1}), ("keep_time", "yes")])
def test_texts_are_text_and_keep_time_is_true_or_false(key, value):
    step = {"id": "a", "title": "A", "after": {"interview": 1}, key: value}
    with pytest.raises(PlannerError, match=f"'{key}:' must be"):
        parse_rules(rules([step]))


def test_lines_come_from_the_yaml_itself():
    """A prose line that starts with 'after:' (in a folded text) is not the rule's line."""
    source = ("---\nplanner:\n  - id: a\n    title: A\n    text: >-\n      Do it\n      after: lunch\n"
              "    after: {interview: -1}\n---\n# P\n")
    with pytest.raises(PlannerError) as error:
        parse_rules(read_front_matter(source))
    assert error.value.line == 8


def place(page: str, block: str = "PLAN") -> tuple[str, list[PlannerError]]:
    extension, mistakes = PlannerExtension(), []
    extension.block, extension.report = block, mistakes.append
    return markdown.markdown(page, extensions=[extension, "pymdownx.superfences"]), mistakes


def test_the_planner_goes_before_the_first_real_section():
    page = "# T\n\n```\n## code\n```\n\n<div>\n## raw\n</div>\n\n> ## quoted\n\n## One\n\n## Two\n"
    html, mistakes = place(page, "## Plan\n\nSteps *here*.")
    assert mistakes == [] and START not in html and END not in html
    assert html.index("## raw") < html.index("</blockquote>") < html.index("<h2>Plan</h2>") < html.index("<h2>One</h2>")
    assert "<p>Steps <em>here</em>.</p>" in html
    html, _ = place("# T\n\nNo sections.\n")
    assert html.endswith("<p>No sections.</p>\n<p>PLAN</p>")


def test_a_page_that_swallows_the_planner_is_a_mistake():
    _, mistakes = place("# T\n\n<div>\nnever closed\n")
    assert [str(m) for m in mistakes] == [
        "the planner could not be placed: is an HTML block at the end of the page left open?"]
