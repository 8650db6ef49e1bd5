"""Planner hook: a page whose front matter has `planner:` gets a follow-up planner.

`planner:` lists the steps in order. Each step has an `id`, a `title`, and `after`: what it
counts from (`interview`, `decision`, or an earlier step's id) mapped to a number of business
days; the first of these the reader gave is used, so the last must always be known. Optional:
`name` (how later steps refer to it), `keep_time` (due by the interview's time of day),
`text` (Markdown) and `links` (Markdown links, checked by MkDocs like any other).

The hook checks the rules, writes them in words (the page without JavaScript shows those),
and puts a form and a timeline before the page's first `##` section. planner.js computes
the dates and the calendar file in the browser. UI words come from `extra.planner`; the
advice is in the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from front_matter import FrontMatter, read_front_matter
from hook_support import Feature, SourceError, build_of, source_path
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from jinja2 import Template
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

WORDS = {
    "heading": "Plan your follow-up",
    "form_label": "Your interview",
    "privacy": "What you type stays in this browser. It is never sent anywhere.",
    "clear": "Clear my details",
    "cleared": "Your details have been cleared.",
    "interview_date": "Interview date",
    "interview_time": "Interview time (optional)",
    "decision_date": "Decision date (optional)",
    "decision_hint": "The date they said they would decide by.",
    "company": "Company (optional)",
    "role": "Job title (optional)",
    "interview": "the interview",
    "decision": "the decision date they gave you",
    "day": "{count} business day after {anchor}",
    "days": "{count} business days after {anchor}",
    "same_day": "on the day of {anchor}, or the next business day",
    "otherwise": "{rule}; if they gave none, {other}",
    "keep_time": "{rule}, by the same time of day",
    "weekends": "Business days skip Saturdays and Sundays but not public holidays: "
                "if a date falls on one, take the next working day.",
    "start": "Enter your interview date to see your dates.",
    "next": "Next: {step}, {date}.",
    "all_passed": "Every date in this plan has passed.",
    "decision_early": "The decision date is before the interview, so it is not used.",
    "at_time": "{date}, by {time}",
    "today": "today",
    "passed": "passed",
    "calendar": "Add to calendar",
    "calendar_hint": "Downloads an .ics file with the dates still ahead, each with a reminder "
                     "at 9:00, for any calendar app.",
    "calendar_done": "Downloaded {count} dates. Open the file to add them to your calendar.",
    "event": "{title}: {about}",
    "role_at": "{role} at {company}",
    "file_name": "interview-follow-up.ics",
}
KEYS = {"id", "title", "name", "after", "keep_time", "text", "links"}
GIVEN = ("interview", "decision")  # what the reader enters; "interview" is always there
MAX_DAYS = 260  # a year of business days: more is a slip, and would keep the reader's browser counting
STEP_ID = re.compile(r"^[a-z][a-z0-9-]*$")
LINK = re.compile(r"^\[[^\]\n]+\]\([^)\s]+\)$")
START, END = "atl-planner-start-b7e2", "atl-planner-end-b7e2"  # the paragraphs around the planner


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


def parse_rules(front: FrontMatter) -> list[Step]:
    """The steps of a page's `planner:`, from its front matter; PlannerError with the line."""
    rules = front.data.get("planner")
    if not isinstance(rules, list) or not rules:
        raise PlannerError("'planner:' must list the steps, each with 'id', 'title' and 'after'",
                           line=front.line("planner"))
    steps: dict[str, Step] = {}
    for index, entry in enumerate(rules):
        try:
            step = parse_step(entry, index + 1, steps)
        except PlannerError as error:
            error.line = front.line("planner", index, *error.key)
            raise
        steps[step.id] = step
    return list(steps.values())


def parse_step(entry: object, number: int, known: dict[str, Step]) -> Step:
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


class PlannerPlacement(Treeprocessor):
    """Moves the planner, which PlannerAppend put at the end of the page between two marker
    paragraphs, before the page's first `##` section heading: a real one, not one inside
    code, raw HTML, a quote or a box."""

    def __init__(self, md: Markdown, extension: PlannerExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if not self.extension.block:
            return
        top = list(root)
        marks = [n for n, el in enumerate(top) if el.tag == "p" and el.text in (START, END)]
        if len(marks) != 2:
            self.extension.report(PlannerError(
                "the planner could not be placed: is an HTML block at the end of the page left open?"))
            return
        planner = top[marks[0] + 1 : marks[1]]
        for element in top[marks[0] : marks[1] + 1]:
            root.remove(element)
        index = next((n for n, element in enumerate(root) if element.tag == "h2"), len(root))
        for offset, element in enumerate(planner):
            root.insert(index + offset, element)


class PlannerAppend(Preprocessor):
    """Puts the planner (Markdown, from `extension.block`) at the end of the page, between
    two marker paragraphs that PlannerPlacement finds."""

    def __init__(self, md: Markdown, extension: PlannerExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not self.extension.block:
            return lines
        return [*lines, "", START, "", *self.extension.block.splitlines(), "", END, ""]


class PlannerExtension(Extension):
    """Puts the planner that the wiring gives as Markdown in `block`, for the page being
    converted, before the page's first `##` heading; other pages pass through."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.block = ""
        self.report: Callable[[PlannerError], None] = _raise

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtensions(["md_in_html"], {})  # the steps' Markdown inside the planner's HTML
        md.preprocessors.register(PlannerAppend(md, self), "atl_planner_append", 31)
        md.treeprocessors.register(PlannerPlacement(md, self), "atl_planner_place", 30)


def _raise(error: PlannerError) -> None:
    raise error


def render_planner(steps: list[Step], words: dict[str, str], template: Template, product: str) -> str:
    """The planner as Markdown: its heading, the form, each step with its rule in words."""
    by_id = {step.id: step for step in steps}
    in_words = {step.id: rule_in_words(step, by_id, words) for step in steps}
    rules = [{"id": s.id, "title": s.title, "after": s.after, "keep_time": s.keep_time} for s in steps]
    return template.render(steps=steps, in_words=in_words, rules=rules, words=words, product=product,
                           feature=FEATURE.name)


FEATURE = Feature(name="planner", words=WORDS, script=True, style=True, markdown=PlannerExtension)


# --- MkDocs events -----------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    build = build_of(config)
    extension: PlannerExtension = build.extensions[FEATURE.name]
    extension.block = ""
    if "planner" not in page.meta:
        return
    try:
        steps = parse_rules(read_front_matter(page.file.content_string))
    except SourceError as error:
        build.report(error.at(source_path(page, config)))
        return
    build.use(page.file.src_uri, FEATURE.name)
    extension.report = lambda error: build.report(error.at(source_path(page, config)))
    extension.block = render_planner(steps, build.words[FEATURE.name], build.template("planner.html"), config.site_name)
