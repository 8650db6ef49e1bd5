"""Reader hook: the reader's own data, kept in their browser and nowhere else.

Who the reader is (once), and their interviews, each with its details (where the job is
among them), its interviewers and its checklist ticks: `reader.js` keeps them under one
localStorage key for the site. The features that keep what a reader types (the checklist,
the note templates, the planner and its follow-ups page) declare `needs=("reader",)`: their
pages load reader.js first and show `picker.html`, which says which interview the page is
for and lets the reader switch or add one. Those with a form of the reader's details
(`form.html`) or dates to write also need `details` (`details.js`, `details.css`);
`migrate.js` is loaded only in a browser that has the first version's data. Each of those
features tells the build where the fields it declares are kept (`build.scopes`) and any
default (`build.defaults`); the pages carry that as this feature's data. UI words come
from `extra.reader`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hook_support import Feature

if TYPE_CHECKING:
    from hook_support import Build

WORDS = {
    "picker_label": "Interview",
    "add": "Add an interview",
    "added": "Added a new interview. It is the one shown now.",
    "untitled": "Interview {n}",
    "none": "No interview yet",
    "printed_for": "For: {title}",
    "full": "You have {max} interviews here, as many as this site keeps. Remove one to add another.",
    "storage": "This browser is not keeping what you type (its storage is full or turned off). "
               "It stays on this page until you leave it.",
    "unread": "This browser holds data from this site that this page cannot read: kept by a newer "
              "version of the site, or damaged. It is left as it is, so what you type here is not kept. "
              "Your follow-ups page can delete it.",
    "not_address": "This does not look like one email address, so the notes will open in your email app without it.",
    "decision_early": "This date is before the interview date: check its day, month and year.",
    "people": "Interviewers",
    "people_hint": "Check-ins and other notes to one person go to the first interviewer: put your main "
                   "contact first.",
    "add_person": "Add an interviewer",
    "remove_person": "Remove this interviewer",
    "first_person": "Put this interviewer first",
    "made_first": "This interviewer is now first.",
}


def page_data(build: Build) -> dict[str, object]:
    """What reader.js reads on every page that uses it: where each field is kept, defaults,
    the values a field may take, the planner steps that a checklist item's tick marks done,
    and the words it shows."""
    words = build.words["reader"]
    return {"scopes": build.scopes, "defaults": build.defaults, "choices": build.choices, "done_with": build.done_with,
            "words": {key: words[key] for key in ("untitled", "none", "printed_for", "added", "full", "storage",
                                                  "unread", "not_address", "decision_early", "made_first")}}


FEATURE = Feature(name="reader", words=WORDS, script=True, style=True, data=page_data, later=("migrate",))
DETAILS = Feature(name="details", script=True, style=True, needs=(FEATURE.name,))
MIGRATE = Feature(name="migrate", script=True)
FEATURES = (FEATURE, DETAILS, MIGRATE)
