"""Planner hook: a page whose front matter has `planner:` gets a follow-up planner, and the
site a "Your follow-ups" page of every interview the reader keeps.

The rules (plan_rules.py) are checked and written in words: the page without JavaScript
shows those, and prints them. `PlannerExtension` puts a form and a timeline before the
page's first `##` section. The dates are made in the browser (`calendar.js`): working days
that skip weekends and the public holidays where the interview's job is, whose tables this hook
writes as one small file per region (regions.py) from `extra.planner.regions`. When the nav
lists `follow-ups.md`, this hook generates that page (`tracker.html`, `tracker.js`): every
interview with its next step, add, edit, remove, one calendar file for all, export and
import. UI words come from `extra.planner` and `extra.tracker`; the advice is in the pages.
"""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import TYPE_CHECKING

from front_matter import read_front_matter
from hook_support import ASSETS_URI, Feature, SourceError, build_of, docs_path, source_path
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_build_datetime
from plan_rules import PlannerError, Step, parse_rules, rule_in_words
from regions import holiday_table, read_regions

if TYPE_CHECKING:
    from hook_support import Build
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

WORDS = {
    "heading": "Plan your follow-up",
    "form_label": "Your interview",
    "privacy": "What you type stays in this browser. It is never sent anywhere.",
    "clear": "Clear these details",
    "clear_confirm": "Clear this interview's details in this form? They go from every page.",
    "cleared": "These details have been cleared.",
    "region_label": "Where the job is",
    "region_hint": "This interview's dates are written the local way, and local public holidays are not "
                   "counted as working days.",
    "region_other": "{name} (not offered on this site)",  # kept from another edition's file
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
    "weekends": "Business days are working days: they skip Saturdays, Sundays and the public holidays "
                "where the job is.",
    "weekends_only": "Business days skip Saturdays and Sundays, but not public holidays: if a date "
                     "falls on one, take the next working day.",
    "holiday": "{date} is a public holiday, {name}, so it does not count as a working day.",
    "holidays": "Public holidays do not count as working days: {list}.",
    "holiday_in_list": "{date}, {name}",  # one of the holidays in that list, which "; " separates
    "no_holidays": "Public holidays for {year} are not known here, so only weekends are skipped.",
    "start": "Enter your interview date to see your dates.",
    "no_script": "With JavaScript on, the planner works out each step's date from your interview date. "
                 "These are the rules it counts by:",
    "pending": "Looking up the public holidays where the job is…",
    "check_date": "This interview date is not one the planner can use: check its day, month and year "
                  "(four digits).",
    "next": "Next: {step}, {date}.",
    "overdue_now": "Overdue: {step}, {date}.",
    "all_passed": "Nothing left to do in this plan: every date has passed or is marked done.",
    "decision_early": "The decision date is before the interview, so it is not used.",
    "at_time": "{date}, by {time}",
    "today": "today",
    "passed": "passed",
    "overdue": "overdue",
    "done_step": "done",
    "calendar": "Add to calendar",
    "calendar_hint": "Downloads an .ics file with the dates still ahead, each with a reminder "
                     "at 9:00, or an hour before a step due by an earlier time, for any calendar app.",
    "calendar_done": "Dates downloaded: {count}. Open the file to add them to your calendar.",
    "event": "{title}: {about}",
    "files_unloaded": "The file could not be made: part of this page did not load. Check your connection, "
                      "then try again.",
    "role_at": "{role} at {company}",
    "file_name": "{title} follow-up.ics",  # the browser makes it a safe file name
}
SETTINGS = {"regions": [], "region": None, "holiday_years": 2}
TRACKER_PAGE = "follow-ups.md"  # generated when the nav lists it
HOLIDAYS = f"{ASSETS_URI}/holidays"  # one file a region: calendar.js fetches it when needed
# what the planner's form keeps, as the note templates' placeholders name them
FIELDS = {"region": "interview", "interview_date": "interview", "interview_time": "interview",
          "decision_date": "interview", "company": "interview", "role": "interview"}


START, END = "atl-planner-start-b7e2", "atl-planner-end-b7e2"  # the paragraphs around the planner


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
        # each step done with a checklist item, and where it says so ("docs/timing.md", line):
        # checked once every checklist page is read
        self.done_with: list[tuple[Step, str, int | None]] = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtensions(["md_in_html"], {})  # the steps' Markdown inside the planner's HTML
        md.preprocessors.register(PlannerAppend(md, self), "atl_planner_append", 31)
        md.treeprocessors.register(PlannerPlacement(md, self), "atl_planner_place", 30)


def _raise(error: PlannerError) -> None:
    raise error


def render_planner(steps: list[Step], words: dict[str, str], **context: object) -> str:
    """The planner as Markdown: its heading, the form, each step with its rule in words.
    `context` gives planner.html the template and the rest it shows (regions, scripts...)."""
    by_id = {step.id: step for step in steps}
    in_words = {step.id: rule_in_words(step, by_id, words) for step in steps}
    template = context.pop("template")
    return template.render(steps=steps, in_words=in_words, rules=rules_data(steps), words=words, **context)


def rules_data(steps: list[Step]) -> list[dict[str, object]]:
    """The rules as calendar.js reads them."""
    return [{"id": s.id, "title": s.title, "after": s.after, "keep_time": s.keep_time} for s in steps]


TRACKER_WORDS = {
    "title": "Your follow-ups",
    "description": "Every interview you are following up, with its next step and date, kept in this browser only.",
    "intro": "Every interview you add here stays in this browser and nowhere else: no account, no server. "
             "Download your data to keep a copy or move it to another browser.",
    "needs_js": "This page needs JavaScript. Everything else on the site works without it:",
    "guidance": "start with the plan at a glance",
    "add": "Add an interview",
    "none": "No interviews yet. Add one, or enter an interview date in the planner.",
    "interview_on": "Interview {date}",
    "next": "Next: {step}, {date}",
    "next_unknown": "{next}. {note}",  # the next step, where its year's holidays are not known
    "overdue": "Overdue: {step}, {date}",
    "mark_done": "Mark as done: {step}",
    "marked": "Marked as done: {step}.",
    "unmark": "Not done after all: {step}",
    "unmarked": "No longer marked as done: {step}.",
    "done": "Every step is done or has passed.",
    "no_date": "No interview date yet.",
    "dates": "Dates",
    "edit": "Edit",
    "close": "Done",
    "remove": "Remove",
    "remove_confirm": "Remove {title} and its details, notes and ticks from this browser?",
    "named": "{title} ({date})",
    "editing": "Details of {title}",
    "removed": "Removed {title}.",
    "calendar_one": "Add to calendar",
    "calendar_all": "Add all to calendar",
    "calendar_done": "Dates downloaded: {count}. Open the file to add them to your calendar.",
    "file_all": "interview-follow-ups.ics",
    "data": "Your data",
    "data_intro": "Everything on this page is kept in this browser only. Download it as a file to keep a "
                  "copy or to move it to another browser, where you can import it; or delete it all.",
    "export": "Download my data",
    "export_file": "after-the-interview-data.json",
    "export_unread": "This page cannot read the data kept in this browser (see the note above), so it cannot "
                     "download it. Nothing was changed.",
    "import": "Import a file",
    "import_adds": "Interviews this file adds: {added}; interviews it replaces: {replaced}. Your own details: {you}.",
    "import_you": "replaced",
    "import_keep": "kept",
    "import_confirm": "Import",
    "import_cancel": "Cancel",
    "imported": "Imported. Interviews here now: {count}.",
    "import_unkept": "Imported into this page only: this browser is not keeping it (the note above says why), "
                     "so it will be gone when you leave. Interviews here now: {count}.",
    "import_bad": "This file is not data from this site, or it is damaged.",
    "import_newer": "This file comes from a newer version of this site.",
    "import_big": "This file is too large to be data from this site.",
    "import_many": "With this file you would have more than {max} interviews, as many as this site keeps.",
    "nothing_changed": "Nothing was changed.",
    "delete": "Delete everything",
    "delete_confirm": "Delete everything this site keeps in this browser: every interview, your details "
                      "and your ticks?",
    "deleted": "Everything this site kept in this browser has been deleted.",
    "delete_refused": "This browser would not let the page delete all of it. Its settings can clear this "
                      "site's data.",
}
CALENDAR = Feature(name="calendar", script=True, needs=("reader", "details"))
FILES = Feature(name="files", script=True)  # the calendar and data files, loaded when asked for (files.js)
FEATURE = Feature(name="planner", words=WORDS, settings=SETTINGS, script=True, style=True, needs=("calendar",),
                  later=("files",), markdown=PlannerExtension)
TRACKER = Feature(name="tracker", words=TRACKER_WORDS, script=True, style=True, needs=("calendar",),
                  later=("files",))
FEATURES = (CALENDAR, FILES, FEATURE, TRACKER)


# --- MkDocs events -----------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    """Where an interview's job is (its region), a field that every form of an interview's
    details shows (the note templates' too, whose page is made before this hook's on_files)."""
    build = build_of(config)
    settings = build.settings[FEATURE.name]
    regions, default = read_regions(settings["regions"], settings["region"])
    if regions:
        words = build.words[FEATURE.name]
        build.defaults["region"] = default
        build.choices["region"] = [region.code for region in regions]
        build.fields["region"] = {"id": "region", "label": words["region_label"], "hint": words["region_hint"],
                                  "other": words["region_other"], "scope": "interview",
                                  "options": [(region.code, region.label) for region in regions]}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The regions' holiday files; the site's planner rules (the first page that has them),
    for the follow-ups page when the nav lists it and for the steps a checklist's tick marks
    done, which every page that keeps the reader's data learns (`build.done_with`); where the
    planner's fields are kept. After the note templates' (priority 50): the follow-ups page
    shows the interviewers' fields they declare."""
    build = build_of(config)
    build.scopes.update(FIELDS)
    codes = build.choices.get("region", [])  # the regions offered (on_config)
    if codes:
        # from the year before the build's (a December interview planned in January) on
        year = get_build_datetime().year
        first, last = year - 1, year + _years(build)
        for code in codes:
            data = json.dumps(holiday_table(code, first, last), ensure_ascii=False, separators=(",", ":"))
            files.append(File.generated(config, f"{HOLIDAYS}/{code}.json", content=data))
    planner = _site_planner(build, files)
    if planner:
        build.done_with.update((step.id, step.done_with) for step in planner[1] if step.done_with)
    if TRACKER_PAGE in _nav_files(config.nav or []):
        if not planner:
            raise PluginError(f"mkdocs.yml: the nav lists {TRACKER_PAGE}, but no page has a 'planner:'")
        files.append(File.generated(config, TRACKER_PAGE, content=_tracker_page(build, *planner)))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    build = build_of(config)
    extension: PlannerExtension = build.extensions[FEATURE.name]
    extension.block = ""
    if "planner" not in page.meta:
        return
    path = source_path(page, config)
    try:
        front = read_front_matter(page.file.content_string)
        steps = parse_rules(front, _checklist_items(page.file.src_uri, files, build))
    except SourceError as error:
        build.report(error.at(path))
        return
    extension.done_with += [(step, path, front.line("planner", index, "done_with"))
                            for index, step in enumerate(steps) if step.done_with]
    extension.report = lambda error: build.report(error.at(path))
    extension.block = render_planner(
        steps, build.words[FEATURE.name], template=build.template("planner.html"), product=config.site_name,
        region=build.fields.get("region"), reader_words=build.words["reader"],
        scripts=build.use(page.file.src_uri, FEATURE.name),
    )


def on_env(env: object, *, config: MkDocsConfig, files: Files) -> None:
    """Every page is read: a step's `done_with:` names an item its checklist has (where that
    checklist was read without a mistake, and in this build: not in a --dirty one that left it)."""
    build = build_of(config)
    for step, path, line in build.extensions[FEATURE.name].done_with:  # there is a checklist hook
        checklist, item = step.done_with
        items = build.extensions["checklist"].items
        if checklist in items and item not in items[checklist]:
            build.report(PlannerError(f"step '{step.id}': 'done_with:' names '#{item}', which is not an item of "
                                      f"checklist '{checklist}'", line=line).at(path))


def _checklist_items(page: str, files: Files, build: Build) -> Callable[[str], tuple[str, str]]:
    """How a step of the page `page` reads its `done_with:` link (plan_rules.py): the id of the
    checklist page it links to, and the item's id (that the checklist has it: on_env)."""

    def checklist_item(link: str) -> tuple[str, str]:
        path, item = link.split("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        file = files.get_file_from_path(target)
        if not file or not file.is_documentation_page() or not file.inclusion.is_included():
            raise PlannerError(f"'done_with: {link}' links to {target}, which is not a page of this site "
                               "(links go from this page's folder; excluded and draft pages are not built)")
        if "checklist" not in build.extensions:
            raise PlannerError("'done_with:' needs hooks/checklist.py under 'hooks:' in mkdocs.yml")
        try:
            checklist = read_front_matter(file.content_string).data.get("checklist")
        except SourceError:  # that page's own mistake, which stops the build with its line
            return "", item
        if not isinstance(checklist, str):
            raise PlannerError(f"'done_with: {link}' must link to an item of a checklist page, and {target} is not one")
        return checklist, item

    return checklist_item


def _years(build: Build) -> int:
    years = build.settings[FEATURE.name]["holiday_years"]
    if isinstance(years, bool) or not isinstance(years, int) or not 0 <= years <= 10:
        raise PluginError(f"mkdocs.yml: extra.planner.holiday_years must be a whole number from 0 to 10, not {years!r}")
    return years


def _home(config: MkDocsConfig) -> str:
    """The home page's file, for the follow-ups page's link without JavaScript."""
    return next((f for f in _nav_files(config.nav or []) if f.endswith("index.md")), "index.md")


def _nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [f for value in values for f in _nav_files(value)]


def _site_planner(build: Build, files: Files) -> tuple[str, list[Step]] | None:
    """The site's planner page (the first page that has a `planner:`) and its rules, before
    any page is read: a mistake in them stops the build here, in its one line. A front matter
    that cannot be read is its page's own mistake (features.py lists it with the others),
    unless there is then no planner for the follow-ups page: it may be the planner's."""
    unread = None
    for file in files.documentation_pages():
        path = docs_path(file.src_uri, build.config)
        try:
            front = read_front_matter(file.content_string) if file.src_uri != TRACKER_PAGE else None
        except SourceError as error:
            unread = unread or error.at(path)
            continue
        try:
            if front and "planner" in front.data:
                return file.src_uri, parse_rules(front, _checklist_items(file.src_uri, files, build))
        except SourceError as error:
            raise PluginError(error.at(path)) from None
    if unread and TRACKER_PAGE in _nav_files(build.config.nav or []):
        raise PluginError(unread)
    return None


def _tracker_page(build: Build, planner_page: str, steps: list[Step]) -> str:
    """The follow-ups page's Markdown, with the rules of the site's planner page and the
    interviewers' fields that the note templates declare."""
    words = build.words[FEATURE.name]
    heading = slugify(words["heading"], "-")
    by_id = {step.id: step for step in steps}
    return build.template("tracker.html").render(
        words=build.words[TRACKER.name], planner_words=words, steps=steps, rules=rules_data(steps),
        in_words={step.id: rule_in_words(step, by_id, words) for step in steps},
        planner=f"{planner_page}#{heading}", product=build.config.site_name, home=_home(build.config),
        scripts=build.use(TRACKER_PAGE, TRACKER.name), reader_words=build.words["reader"],
        region=build.fields.get("region"),
        people=[field for field in build.fields.values() if field["scope"] == "interviewer"],
    )
