"""The planner hook inside real MkDocs builds: the markup, changed rules, and bad rules."""

from __future__ import annotations

import json

import pytest
from sitebuild import ROOT, assert_cli_prints_one_error_line, build_site, cli_build, failed_build_log, write_site

CHANGED = """---
planner:
  - id: thanks
    title: Say thanks
    name: the thanks
    after: {interview: 0}
    links: ["[the other page](other.md)"]
  - id: nudge
    title: Nudge
    after: {decision: 1, thanks: 3}
    text: A *short* note.
---
# Plan

Intro.

```
## not a section: inside code
```

## First section
"""


def planner_page(steps: str) -> dict[str, str]:
    return {"p.md": f"---\nplanner:\n{steps}---\n# P\n\n## S\n"}


def test_changed_rules_make_another_planner(tmp_path):
    config = write_site(tmp_path, {"index.md": CHANGED, "other.md": "# Other\n"},
                        'extra:\n  planner:\n    heading: "Your dates"\n')
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    html = (tmp_path / "site/index.html").read_text()
    # the planner sits before the first real section, under its own heading
    assert html.index('id="your-dates"') < html.index("data-planner") < html.index('id="first-section"')
    assert html.index("not a section") < html.index('id="your-dates"')
    assert "data-step-rule" in html and ">On the day of the interview, or the next business day.</p>" in html
    assert ("1 business day after the decision date they gave you; if they gave none, "
            "3 business days after the thanks.") in html
    assert '<a href="other/">the other page</a>' in html  # step links are the page's Markdown
    assert "A <em>short</em> note." in html
    # the rules, in order, for the script
    assert "&#34;after&#34;: [[&#34;decision&#34;, 1], [&#34;thanks&#34;, 3]]" in html
    assert "data-planner" not in (tmp_path / "site/other/index.html").read_text()


STEP = "  - id: a\n    title: A\n    after: {interview: 1}\n"
BAD = [
    (planner_page(STEP + "  - id: b\n    title: B\n    after: {a: -2}\n"),
     "docs/p.md:8: step 'b': 'after: a' must be a whole number of business days from 0 to 260, not -2"),
    (planner_page("  - id: a\n    title: A\n    afterr: {interview: 1}\n"),
     "docs/p.md:5: step 'a': unknown key 'afterr' (known: after, done_with, id, keep_time, links, name, text, title)"),
    (planner_page(STEP + "  - id: b\n    title: B\n    after: {decison: 2, interview: 7}\n"),
     "docs/p.md:8: step 'b': 'after:' counts from 'decison', which is not one of interview, decision, a"),
    (planner_page("  - id: a\n    title: A\n    after: {b: 1}\n  - id: b\n    title: B\n    after: {interview: 1}\n"),
     "docs/p.md:5: step 'a': 'after:' counts from 'b', which is not one of interview, decision"),
    (planner_page(STEP + "  - id: b\n    title: B\n    after: {decision: 2}\n"),
     "docs/p.md:8: step 'b': 'after:' must end with something always known (the interview or a step)"),
    (planner_page(STEP + "  - id: a\n    title: Again\n    after: {interview: 2}\n"),
     "docs/p.md:6: step 'a': the id is used twice"),
    (planner_page(STEP + "    links: [see checklist.md]\n"),
     "docs/p.md:6: step 'a': 'links:' must list Markdown links, like \"[Checklist](checklist.md)\""),
    (planner_page("  - title: A\n    after: {interview: 1}\n"),
     "docs/p.md:3: step 1 needs 'id:'"),
    ({"p.md": "---\nplanner: soon\n---\n# P\n"},
     "docs/p.md:2: 'planner:' must list the steps, each with 'id', 'title' and 'after'"),
    (planner_page("  - id: a\n    title: A\n    after: {interview: 1}\n    after: {interview: 3}\n"),
     "docs/p.md:6: 'after' is given twice (first on line 5); keep one"),
]


@pytest.mark.parametrize("pages, message", BAD)
def test_bad_rules_stop_the_build_with_one_line(tmp_path, pages, message):
    config = write_site(tmp_path, pages)
    log = failed_build_log(config, tmp_path / "site")
    assert f"ERROR: {message}" in log


def test_a_broken_step_link_fails_the_strict_build(tmp_path):
    config = write_site(tmp_path, planner_page(STEP + "    links: ['[gone](gone.md)']\n"))
    log = failed_build_log(config, tmp_path / "site")
    assert any("p.md" in line and "gone.md" in line for line in log)


def test_the_cli_prints_the_error_line_and_no_traceback(tmp_path):
    assert_cli_prints_one_error_line(write_site(tmp_path, BAD[0][0]), BAD[0][1])


@pytest.mark.parametrize("broken, message", [
    ("description: [a", "docs/a.md:3: the front matter is not valid YAML"),
    ("title: A\ntitle: B", "docs/a.md:3: 'title' is given twice (first on line 2); keep one"),
])
def test_front_matter_mistakes_before_the_planner_page_are_one_line_when_the_nav_has_the_tracker(
        tmp_path, broken, message):
    """The follow-ups page is made before any page is read, from the first page with a planner."""
    pages = {"a.md": f"---\n{broken}\n---\n# A\n", **planner_page(STEP)}
    nav = "nav:\n  - A: a.md\n  - P: p.md\n  - Your follow-ups: follow-ups.md\n"
    assert_cli_prints_one_error_line(write_site(tmp_path, pages, nav), message)


def test_bad_rules_are_one_line_when_the_nav_has_the_tracker(tmp_path):
    """The follow-ups page reads the rules before the planner page does."""
    nav = "nav:\n  - P: p.md\n  - Your follow-ups: follow-ups.md\n"
    assert_cli_prints_one_error_line(write_site(tmp_path, BAD[0][0], nav), BAD[0][1])


CHECKLIST = "---\nchecklist: c\n---\n# C\n\n## S\n\n- [ ] Send it {#sent}\n"


def test_a_step_done_with_a_checklist_item_is_known_to_every_page_that_keeps_ticks(tmp_path):
    """The item's tick is the step's "done" (calendar.js), and a step marked done by the
    version before is moved to it (reader.js): the checklist page needs to know it too."""
    pages = {**planner_page(STEP + "    done_with: sub/c.md#sent\n"), "sub/c.md": CHECKLIST, "index.md": "# Home\n"}
    config = write_site(tmp_path, pages, "nav:\n  - index.md\n  - p.md\n  - sub/c.md\n  - follow-ups.md\n")
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    for page in ("p", "follow-ups", "sub/c"):
        html = (tmp_path / f"site/{page}/index.html").read_text()
        data = html.split('data-atl-data="reader">', 1)[1].split("</script>", 1)[0]
        assert json.loads(data)["done_with"] == {"a": ["c", "sent"]}


NOT_AN_ITEM = "'done_with:' must link to a checklist item, like checklist.md#send-notes"
NOT_A_CHECKLIST = "must link to an item of a checklist page, and {} is not one"
NOT_A_PAGE = ("which is not a page of this site (links go from this page's folder; excluded and draft pages "
              "are not built)")
DONE_WITH = [
    ("c.md", NOT_AN_ITEM),
    ("[C](c.md#sent)", NOT_AN_ITEM),
    ("p.md#sent", "'done_with: p.md#sent' " + NOT_A_CHECKLIST.format("p.md")),
    ("gone.md#sent", "'done_with: gone.md#sent' links to gone.md, " + NOT_A_PAGE),
    ("/c.md#sent", "'done_with: /c.md#sent' links to /c.md, " + NOT_A_PAGE),
    ("c.md#send", "'done_with:' names '#send', which is not an item of checklist 'c'"),
]


@pytest.mark.parametrize("link, message", DONE_WITH)
@pytest.mark.parametrize("tracker", [False, True])
def test_a_wrong_done_with_stops_the_build_with_one_line(tmp_path, link, message, tracker):
    """With the follow-ups page in the nav, the rules are read before any page is."""
    pages = {**planner_page(STEP + f"    done_with: '{link}'\n"), "c.md": CHECKLIST}
    nav = "nav:\n  - P: p.md\n  - C: c.md\n  - F: follow-ups.md\n" if tracker else ""
    assert_cli_prints_one_error_line(write_site(tmp_path, pages, nav), f"docs/p.md:6: step 'a': {message}")


def test_an_item_stands_for_one_step_and_an_empty_done_with_is_a_mistake(tmp_path):
    two = STEP + "    done_with: c.md#sent\n  - id: b\n    title: B\n    after: {a: 1}\n    done_with: c.md#sent\n"
    assert_cli_prints_one_error_line(write_site(tmp_path, {**planner_page(two), "c.md": CHECKLIST}),
                                     "docs/p.md:10: step 'b': 'done_with:' names the item that step 'a' is done with, "
                                     "and an item stands for one step only")
    assert_cli_prints_one_error_line(write_site(tmp_path, {**planner_page(STEP + "    done_with:\n")}),
                                     "docs/p.md:6: step 'a': " + NOT_AN_ITEM)


@pytest.mark.parametrize("checklist, message", [
    ("---\nchecklist: c\ndescription: [a\n---\n# C\n",
     "docs/z.md:4: the front matter is not valid YAML: did not find expected ',' or ']'"),
    ("---\nchecklist: c\n---\n# C\n\n## S\n\n- [ ] A {#sent}\n- [ ] B {#sent}\n",
     "docs/z.md:9: item id 'sent' is used twice (first on line 8); give one of them its own {#some-id}"),
    ("---\nchecklist: constructor\n---\n# C\n\n## S\n\n- [ ] A {#sent}\n",
     "docs/z.md:2: 'checklist: constructor' must be an id like 'follow-up'"),
])
@pytest.mark.parametrize("tracker", [False, True])
def test_a_mistake_in_the_checklist_linked_to_is_its_own_one_line(tmp_path, checklist, message, tracker):
    """The planner page comes first (p.md, z.md), and reads the checklist's front matter on the way."""
    pages = {"index.md": "# Home\n", **planner_page(STEP + "    done_with: z.md#sent\n"), "z.md": checklist}
    nav = "nav:\n  - index.md\n  - p.md\n  - z.md\n  - follow-ups.md\n" if tracker else ""
    run = cli_build(write_site(tmp_path, pages, nav), "--strict")
    said = [line for line in run.stderr.splitlines() if not line.startswith("INFO")]
    assert said == [f"ERROR   -  {message}"], run.stderr


def test_a_checklist_left_out_of_the_build_or_without_its_hook_is_named(tmp_path):
    pages = {**planner_page(STEP + "    done_with: c.md#sent\n"), "c.md": CHECKLIST}
    config = write_site(tmp_path, pages, "exclude_docs: c.md\n")
    not_built = "docs/p.md:6: step 'a': 'done_with: c.md#sent' links to c.md, " + NOT_A_PAGE
    assert_cli_prints_one_error_line(config, not_built)
    config.write_text(config.read_text().replace("exclude_docs: c.md\n", "").replace(
        f"  - {ROOT / 'hooks/checklist.py'}\n", ""))
    assert_cli_prints_one_error_line(config, "docs/p.md:6: step 'a': 'done_with:' needs hooks/checklist.py under "
                                             "'hooks:' in mkdocs.yml")


def test_a_dirty_build_that_leaves_the_checklist_unread_builds(tmp_path):
    """`mkdocs serve --dirty` reads only the pages changed: the item is not checked then."""
    config = write_site(tmp_path, {**planner_page(STEP + "    done_with: c.md#sent\n"), "c.md": CHECKLIST})
    assert cli_build(config, "--strict").returncode == 0
    (tmp_path / "docs/p.md").touch()
    run = cli_build(config, "--dirty")  # not --strict: MkDocs warns that a dirty build is one
    assert run.returncode == 0 and "ERROR" not in run.stderr, run.stderr


def test_unknown_ui_word_is_an_error(tmp_path):
    config = write_site(tmp_path, planner_page(STEP), "extra:\n  planner:\n    headline: Dates\n")
    log = failed_build_log(config, tmp_path / "site")
    assert any("extra.planner: unknown word 'headline'" in line for line in log)


BAD_REGIONS = [
    ("extra:\n  planner:\n    regions: [GB-ENG, XX]\n", "mkdocs.yml: extra.planner.regions: unknown region 'XX'"),
    ("extra:\n  planner:\n    regions: [GB-ZZZ]\n", "mkdocs.yml: extra.planner.regions: GB has no subdivision 'ZZZ'"),
    ("extra:\n  planner:\n    regions: [US, IE]\n    region: NZ\n",
     "mkdocs.yml: extra.planner.region 'NZ' is not one of extra.planner.regions"),
    ("extra:\n  planner:\n    regions: US\n", "mkdocs.yml: extra.planner.regions must list region codes"),
    ("extra:\n  planner:\n    regions: [US, US]\n", "mkdocs.yml: extra.planner.regions lists a region twice"),
    ("extra:\n  planner:\n    regions: [US]\n    holiday_years: 50\n",
     "mkdocs.yml: extra.planner.holiday_years must be a whole number from 0 to 10, not 50"),
]


@pytest.mark.parametrize("extra, message", BAD_REGIONS)
def test_bad_region_settings_stop_the_build_with_one_line_naming_mkdocs_yml(tmp_path, extra, message):
    config = write_site(tmp_path, planner_page(STEP), extra)
    run = cli_build(config, "--strict")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert any(line.endswith(message) or message in line for line in run.stderr.splitlines()), run.stderr


def test_each_offered_region_gets_its_holidays_file(tmp_path):
    config = write_site(tmp_path, planner_page(STEP), "extra:\n  planner:\n    regions: [GB-SCT, {NZ: Aotearoa}]\n")
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    files = sorted(p.name for p in (tmp_path / "site/assets/hooks/holidays").iterdir())
    assert files == ["GB-SCT.json", "NZ.json"]
    scotland = json.loads((tmp_path / "site/assets/hooks/holidays/GB-SCT.json").read_text())
    # the year before the build's (SOURCE_DATE_EPOCH: 2026) to two after it
    assert (scotland["from"], scotland["to"]) == (2025, 2028)
    assert scotland["days"]["2026-11-30"] == "Saint Andrew's Day"
    html = (tmp_path / "site/p/index.html").read_text()
    assert '<option value="GB-SCT">Scotland</option>' in html and '<option value="NZ">Aotearoa</option>' in html
    assert '"defaults": {"region": "GB-SCT"}' in html  # the first, when none is named


def test_holidays_are_named_in_each_countrys_english_and_only_offered_regions_are_kept(tmp_path):
    config = write_site(tmp_path, planner_page(STEP), "extra:\n  planner:\n    regions: [US, CA-ON, AU-NSW]\n")
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    labour = {code: json.loads((tmp_path / f"site/assets/hooks/holidays/{code}.json").read_text())["days"][day]
              for code, day in (("US", "2026-09-07"), ("CA-ON", "2026-09-07"), ("AU-NSW", "2026-10-05"))}
    assert labour == {"US": "Labor Day", "CA-ON": "Labour Day", "AU-NSW": "Labour Day"}
    html = (tmp_path / "site/p/index.html").read_text()
    assert '"choices": {"region": ["US", "CA-ON", "AU-NSW"]}' in html  # reader.js keeps no other region


def test_no_regions_no_holidays(tmp_path):
    config = write_site(tmp_path, planner_page(STEP))
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    assert not (tmp_path / "site/assets/hooks/holidays").exists()
    html = (tmp_path / "site/p/index.html").read_text()
    assert 'name="region"' not in html and "but not public holidays" in html
