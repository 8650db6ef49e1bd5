"""The note-templates hook inside real MkDocs builds: the generated page, nav, search, errors."""

from __future__ import annotations

import json

import pytest
from htmlscan import scan
from sitebuild import build_site, cli_build, failed_build_log, write_site

INDEX = """---
title: Cards
description: Greeting cards to fill in.
fields:
  - id: friend
    label: Friend's name
    example: Kim
  - id: day
    label: Day
    kind: date
---
# Cards

Fill in the form.
"""
BIRTHDAY = ("---\ntitle: Birthday card\nsubject: Happy birthday, {friend}!\nwhen: On the day.\norder: 1\n---\n"
            "Dear {friend},\n\nSee you on {day}. {{not a placeholder}}\n")
THANKS = "---\ntitle: Thank-you card\nsubject: Thanks\norder: 2\ntarget_words: [5, 50]\n---\nThanks, {friend} & co.\n"
CONFIG = "extra:\n  notes_folder: cards\nnav:\n  - Home: index.md\n  - Cards: cards.md\n"


def fixture(tmp_path, **changes):
    pages = {"index.md": "# Home\n", "cards/index.md": INDEX, "cards/birthday.md": BIRTHDAY,
             "cards/thanks.md": THANKS, **changes}
    return write_site(tmp_path, {k: v for k, v in pages.items() if v is not None},
                      CONFIG + "repo_url: https://example.org/repo/\nedit_uri: edit/main/docs/\n")


def test_generated_page_with_form_templates_nav_and_search(tmp_path):
    config = fixture(tmp_path)
    text = config.read_text()
    config.write_text(text.replace("  font: false\n", "  font: false\n  features: [content.action.edit]\n"))
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    site = tmp_path / "site"
    html = (site / "cards/index.html").read_text()
    assert scan(site / "cards/index.html").h1_count == 1
    assert '<label for="atl-field-friend">Friend&#39;s name</label>' in html
    assert 'id="atl-field-day" name="day" type="date"' in html
    # templates in their order, placeholders shown by label, literal braces kept
    assert html.index("Birthday card") < html.index("Thank-you card")
    assert '<mark class="atl-ph" data-field="friend">[Friend&#39;s name]</mark>' in html
    assert "{not a placeholder}" in html and "Thanks, " in html and "&amp; co." in html
    assert 'data-min-words="5" data-max-words="50"' in html
    assert 'href="mailto:?subject=Happy%20birthday%2C%20%5BFriend%27s%20name%5D%21&amp;body=Dear%20' in html
    # the sources are not pages of their own, and nothing was written into docs/
    assert not (site / "cards/birthday").exists()
    assert sorted(p.name for p in (tmp_path / "docs/cards").iterdir()) == ["birthday.md", "index.md", "thanks.md"]
    # in the navigation, the search index and the sitemap
    assert '<a href="cards/" class="md-nav__link">' in (site / "index.html").read_text()
    index = json.loads((site / "search/search_index.json").read_text())
    assert {"cards/", "cards/#birthday-card"} <= {doc["location"] for doc in index["docs"]}
    assert "cards/" in (site / "sitemap.xml").read_text()
    # "edit this page" opens the sources
    assert 'href="https://example.org/repo/edit/main/docs/cards/index.md"' in html
    assert "[data-notes]" in (site / "assets/hooks/notes.js").read_text()
    assert 'data-atl-feature="reader details notes"' in html and '<style data-atl-style="notes">' in html


def test_ui_words_can_be_overridden(tmp_path):
    config = fixture(tmp_path)
    text = config.read_text()
    config.write_text(text.replace("  notes_folder: cards\n", "  notes_folder: cards\n  notes:\n    copy: Copy note\n"))
    build_site(config, tmp_path / "site", "http://127.0.0.1/")
    assert ">Copy note</button>" in (tmp_path / "site/cards/index.html").read_text()


BAD = [
    ({"cards/birthday.md": BIRTHDAY.replace("{day}", "{dya}")},
     "docs/cards/birthday.md:9: unknown placeholder {dya} (declared: friend, day)"),
    ({"cards/birthday.md": BIRTHDAY.replace("{day}.", "{day.")},
     "docs/cards/birthday.md:9: unclosed '{' (write '{{' for a literal brace)"),
    ({"cards/thanks.md": THANKS.replace("& co.", "} co.")},
     "docs/cards/thanks.md:7: stray '}' (write '}}' for a literal brace)"),
    ({"cards/thanks.md": THANKS.replace("title: Thank-you card\n", "")},
     "docs/cards/thanks.md:1: missing 'title:' in the front matter"),
    ({"cards/thanks.md": THANKS.replace("subject: Thanks\n", "")},
     "docs/cards/thanks.md:1: missing 'subject:' in the front matter"),
    ({"cards/thanks.md": THANKS.replace("order: 2\n", "order: 2\nid: birthday\n")},
     "docs/cards/thanks.md: template id 'birthday' is already used by docs/cards/birthday.md"),
    ({"cards/birthday.md": None, "cards/thanks.md": None},
     "docs/cards: no note templates (one .md file per template) beside index.md"),
    ({"cards/index.md": INDEX.replace("    label: Day\n", "")},
     "docs/cards/index.md:8: field 2 needs an 'id' and a 'label'"),
]


@pytest.mark.parametrize("changes, message", BAD)
def test_bad_sources_stop_the_build_with_one_line(tmp_path, changes, message):
    config = fixture(tmp_path, **changes)
    log = failed_build_log(config, tmp_path / "site")
    assert log[-1] == f"ERROR: {message}"


def test_a_template_that_is_not_utf8_is_named(tmp_path):
    config = fixture(tmp_path)
    (tmp_path / "docs/cards/latin1.md").write_bytes("---\ntitle: Caf\xe9\nsubject: S\n---\nBody\n".encode("latin-1"))
    run = cli_build(config, "--strict")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "docs/cards/latin1.md:2: not UTF-8 text; save it as UTF-8" in run.stderr


def test_the_cli_shows_only_the_error_line(tmp_path):
    config = fixture(tmp_path, **BAD[0][0])
    run = cli_build(config)
    assert run.returncode == 1
    assert f"ERROR   -  {BAD[0][1]}\n" in run.stderr
    assert "Traceback" not in run.stderr
