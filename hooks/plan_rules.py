"""The planner's rules: read from a page's front matter, checked, and said in words.

Not a hook (planner.py imports it). `planner:` lists the steps in order. Each step has an
`id`, a `title`, and `after`: what it counts from (`interview`, `decision`, or an earlier
step's id) mapped to a number of business days; the first of these the reader gave is used,
so the last must always be known. Optional: `name` (how later steps refer to it),
`keep_time` (due by the interview's time of day), `text` (Markdown), `links` (Markdown
links, checked by MkDocs like any other) and `done_with` (a checklist item, like
`checklist.md#send-notes`, whose tick is the step's "done": one record for both pages).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hook_support import SourceError

if TYPE_CHECKING:
    from front_matter import FrontMatter

KEYS = {"id", "title", "name", "after", "keep_time", "text", "links", "done_with"}
GIVEN = ("interview", "decision")  # what the reader enters; "interview" is always there
MAX_DAYS = 260  # a year of business days: more is a slip, and would keep the reader's browser counting
STEP_ID = re.compile(r"^[a-z][a-z0-9-]*$")
LINK = re.compile(r"^\[[^\]\n]+\]\([^)\s]+\)$")
CHECKLIST_ITEM = re.compile(r"^[^#\s]+\.md#[A-Za-z0-9][A-Za-z0-9_-]*$")  # `done_with:`, as a page links to it


class PlannerError(SourceError):
    """A mistake in a page's `planner:` rules; `key` is where in the step it is, if anywhere."""

    def __init__(self, message: str, *key: object, line: int | None = None) -> None:
        super().__init__(message, line)
        self.key = key


@dataclass
class Step:
    id: str
    title: str
    after: list[tuple[str, int]]  # in order of preference
    name: str = ""
    keep_time: bool = False
    text: str = ""
    links: tuple[str, ...] = ()
    done_with: tuple[str, str] | None = None  # the checklist's id and its item's


# what a step's `done_with:` link names: the checklist's id and the item's; PlannerError if none
ChecklistItems = Callable[[str], tuple[str, str]]


def _no_checklist(link: str) -> tuple[str, str]:
    raise PlannerError(f"'done_with: {link}' needs a checklist page to link to")


def parse_rules(front: FrontMatter, checklist_item: ChecklistItems = _no_checklist) -> list[Step]:
    """The steps of a page's `planner:`, from its front matter; PlannerError with the line.
    `checklist_item` reads a step's `done_with:` link."""
    rules = front.data.get("planner")
    if not isinstance(rules, list) or not rules:
        raise PlannerError("'planner:' must list the steps, each with 'id', 'title' and 'after'",
                           line=front.line("planner"))
    steps: dict[str, Step] = {}
    for index, entry in enumerate(rules):
        try:
            step = parse_step(entry, index + 1, steps, checklist_item)
        except PlannerError as error:
            error.line = front.line("planner", index, *error.key)
            raise
        steps[step.id] = step
    return list(steps.values())


def parse_step(entry: object, number: int, known: dict[str, Step],
               checklist_item: ChecklistItems = _no_checklist) -> Step:
    """One step of the rules; `known` holds the steps before it."""
    if not isinstance(entry, dict):
        raise PlannerError(f"step {number} must be a mapping with 'id', 'title' and 'after'")
    step_id = entry.get("id")
    where = f"step '{step_id}'" if isinstance(step_id, str) and step_id else f"step {number}"
    unknown = sorted(set(entry) - KEYS, key=str)
    if unknown:
        raise PlannerError(f"{where}: unknown key '{unknown[0]}' (known: {', '.join(sorted(KEYS))})", unknown[0])
    for key in ("id", "title", "after"):
        if entry.get(key) in (None, "", [], {}):
            raise PlannerError(f"{where} needs '{key}:'", *((key,) if key in entry else ()))
    if not isinstance(step_id, str) or not STEP_ID.match(step_id) or step_id in GIVEN:
        raise PlannerError(f"{where}: id must be lower case letters, digits and -, and not {' or '.join(GIVEN)}", "id")
    if step_id in known:
        raise PlannerError(f"{where}: the id is used twice", "id")
    texts = {key: _text(entry, key, where) for key in ("title", "name", "text")}
    if not isinstance(entry.get("keep_time", False), bool):
        raise PlannerError(f"{where}: 'keep_time:' must be true or false", "keep_time")
    return Step(
        id=step_id,
        title=texts["title"],
        after=_after(entry["after"], where, known),
        name=texts["name"] or texts["title"],
        keep_time=entry.get("keep_time", False),
        text=texts["text"].strip(),
        links=_links(entry.get("links"), where),
        done_with=_done_with(entry, where, checklist_item, known),
    )


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise PlannerError(f"{where}: '{key}:' must be text, not {value!r} (put it in quotes)", key)
    return value


def _after(after: object, where: str, known: dict[str, Step]) -> list[tuple[str, int]]:
    """The step's `after:`: what it counts from, each with its number of business days."""
    if not isinstance(after, dict):
        raise PlannerError(f"{where}: 'after:' must map what it counts from to business days, like {{interview: 1}}",
                           "after")
    for anchor, days in after.items():
        if anchor not in GIVEN and anchor not in known:
            choices = ", ".join([*GIVEN, *known])
            raise PlannerError(f"{where}: 'after:' counts from '{anchor}', which is not one of {choices}",
                               "after", anchor)
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DAYS:
            raise PlannerError(f"{where}: 'after: {anchor}' must be a whole number of business days from 0 to "
                               f"{MAX_DAYS}, not {days!r}", "after", anchor)
    if list(after)[-1] == "decision":
        raise PlannerError(f"{where}: 'after:' must end with something always known (the interview or a step)",
                           "after")
    return [(str(anchor), days) for anchor, days in after.items()]


def _links(links: object, where: str) -> tuple[str, ...]:
    links = links or []
    if not isinstance(links, list) or not all(isinstance(link, str) and LINK.match(link.strip()) for link in links):
        raise PlannerError(f"{where}: 'links:' must list Markdown links, like \"[Checklist](checklist.md)\"", "links")
    return tuple(link.strip() for link in links)


def _done_with(entry: dict, where: str, checklist_item: ChecklistItems,
               known: dict[str, Step]) -> tuple[str, str] | None:
    """The checklist item a step's `done_with:` names: its checklist's id and its own."""
    if "done_with" not in entry:
        return None
    link = entry["done_with"]
    if not isinstance(link, str) or not CHECKLIST_ITEM.match(link):
        raise PlannerError(f"{where}: 'done_with:' must link to a checklist item, like checklist.md#send-notes",
                           "done_with")
    try:
        item = checklist_item(link)
    except PlannerError as error:
        raise PlannerError(f"{where}: {error}", "done_with") from None
    same = next((other.id for other in known.values() if other.done_with == item), None)
    if same:
        raise PlannerError(f"{where}: 'done_with:' names the item that step '{same}' is done with, and an item "
                           "stands for one step only", "done_with")
    return item


def rule_in_words(step: Step, steps: dict[str, Step], words: dict[str, str]) -> str:
    """When the step falls, in words: "2 business days after ...; if they gave none, ..."."""

    def one(anchor: str, days: int) -> str:
        name = words[anchor] if anchor in GIVEN else steps[anchor].name
        pattern = words["same_day"] if days == 0 else words["day" if days == 1 else "days"]
        return pattern.replace("{count}", str(days)).replace("{anchor}", name)

    rule = one(*step.after[0])
    for anchor, days in step.after[1:]:
        rule = words["otherwise"].replace("{rule}", rule).replace("{other}", one(anchor, days))
    if step.keep_time:
        rule = words["keep_time"].replace("{rule}", rule)
    return rule[:1].upper() + rule[1:] + "."
