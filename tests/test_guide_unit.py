"""The guide hook's pure parts: where a link points from the guide, a page's content copied
as a part of it, its ids, and the mark on links to other sites."""

from __future__ import annotations

from functools import partial

import markdown
import pytest
from guide import ExternalLinksExtension, guide_link, is_external, part_ids, write_part
from mkdocs.exceptions import PluginError

PARTS = {"": "index", "timing/": "timing", "checklist/": "checklist"}  # page URL -> part id


@pytest.mark.parametrize("url, page, expected", [
    ("#when-to-stop", "timing/", "#timing--when-to-stop"),  # on its own page
    ("../timing/#when-to-stop", "checklist/", "#timing--when-to-stop"),  # on another page in the guide
    ("../timing/", "checklist/", "#timing"),  # a page in the guide: its part
    ("timing/#ask", "", "#timing--ask"),  # from the home page
    ("..", "timing/", "#index"),  # the home page itself
    ("../follow-ups/", "timing/", "../follow-ups/"),  # a page the guide leaves out: from the guide's place
    ("follow-ups/#top", "", "../follow-ups/#top"),
    ("../assets/a.png", "timing/", "../assets/a.png"),
    ("../timing/?x=1", "checklist/", "../timing/?x=1"),  # not a plain page address: left to the server
    ("https://example.org/timing/", "timing/", "https://example.org/timing/"),  # other sites stay
    ("mailto:a@example.org", "timing/", "mailto:a@example.org"),
    ("//cdn.example.org/x.js", "timing/", "//cdn.example.org/x.js"),
])
def test_where_a_link_points_from_the_guide(url, page, expected):
    assert guide_link(url, page, PARTS, "guide/") == expected


def part(html, page="timing/", title="Timing"):
    return write_part(html, "timing", partial(guide_link, page_url=page, parts=PARTS, guide_url="guide/"), title)


def test_headings_go_one_level_down_with_their_ids_prefixed_and_the_first_is_the_title():
    copied = part('<h1 id="timing-and-check-ins">Timing &amp; check-ins<a class="headerlink" '
                  'href="#timing-and-check-ins" title="Permanent link">&para;</a></h1>\n'
                  '<h2 id="ask">Ask</h2><h6 id="deep">Deep</h6>')
    assert copied.html == (
        '<h2 id="timing--timing-and-check-ins">Timing &amp; check-ins<a class="headerlink" '
        'href="#timing--timing-and-check-ins" title="Permanent link">&para;</a></h2>\n'
        '<h3 id="timing--ask">Ask</h3><h6 id="timing--deep">Deep</h6>')
    assert copied.title == "Timing & check-ins" and copied.headed
    assert copied.ids == ["timing--timing-and-check-ins", "timing--ask", "timing--deep"]


def test_a_page_without_a_heading_keeps_its_title_from_the_nav():
    copied = part("<p>Text</p>", title="Notes")
    assert (copied.title, copied.headed) == ("Notes", False)


def test_what_needs_javascript_or_input_is_left_out():
    copied = part(
        '<form class="atl-form"><fieldset><legend>Your details</legend><input id="a" name="a"></fieldset></form>'
        '<div class="atl-picker atl-js-only"><div><select></select></div><button type="button">Add</button></div>'
        '<p class="atl-line" role="status"></p><p hidden>Too long</p>'
        '<p>Kept <a class="md-button" href="mailto:?subject=x">Open in email</a><button>Copy</button> text</p>'
        '<template><li>row</li></template><script>alert(1)</script><style>p{}</style>')
    assert copied.html == "<p>Kept  text</p>"


def test_what_stands_in_for_the_tools_is_kept_and_always_shown():
    copied = part('<p class="atl-js-only">Fill in the form.</p><p class="lead atl-no-js">Print it.</p>'
                  '<p class="atl-no-js">Tick on paper.</p>')
    assert copied.html == '<p class="lead">Print it.</p><p>Tick on paper.</p>'


def test_a_checklist_prints_blank_boxes_without_its_controls():
    copied = part('<li><label class="atl-item"><input type="checkbox" data-item="a" data-section="0" checked>'
                  '<span class="atl-box" aria-hidden="true"></span> Write it down</label></li>')
    assert copied.html == ('<li><span class="atl-item"><span class="atl-box" aria-hidden="true"></span>'
                           ' Write it down</span></li>')


def test_data_attributes_go_so_that_no_tool_script_takes_the_copy_for_its_own():
    copied = part('<div class="atl-note" data-note="thanks"><mark class="atl-ph" data-field="role">[Job title]</mark>'
                  '</div>')
    assert copied.html == '<div class="atl-note"><mark class="atl-ph">[Job title]</mark></div>'


def test_references_to_ids_are_prefixed_and_details_open():
    copied = part('<p id="hint">Hint</p><span aria-describedby="hint other">x</span>'
                  '<details><summary>More</summary><p>Hidden</p></details><details open>y</details>')
    assert copied.html == ('<p id="timing--hint">Hint</p><span aria-describedby="timing--hint timing--other">x</span>'
                           '<details open><summary>More</summary><p>Hidden</p></details><details open>y</details>')


def test_text_and_references_are_copied_as_they_are():
    html = '<p>A &lt;b&gt; &amp; c&#8217;s &#x2713; <img src="../a.png" alt="&quot;x&quot;"><br/></p><!-- note -->'
    assert part(html).html == '<p>A &lt;b&gt; &amp; c&#8217;s &#x2713; <img src="../a.png" alt="&quot;x&quot;"><br></p>'


def test_a_dropped_element_with_the_same_tag_inside_it_ends_at_its_own_end():
    html = '<div class="atl-js-only"><div><div>x</div></div><p>still out</p></div><div>in</div>'
    assert part(html).html == "<div>in</div>"


def test_each_page_gets_its_own_part_id():
    assert part_ids(["index.md", "timing.md", "a/b.md", "a-b.md", "A/Index.md"]) == {
        "index.md": "index", "timing.md": "timing", "a/b.md": "a-b", "a-b.md": "a-b-2", "A/Index.md": "a-index"}


def test_two_parts_that_would_make_one_id_stop_the_build():
    from guide import _check_ids

    one = write_part('<p id="b--c">x</p>', "a", str, "A")
    other = write_part("<p>y</p>", "a--b--c", str, "Other")
    with pytest.raises(PluginError, match=r"^mkdocs.yml: the guide would have the id 'a--b--c' twice"):
        _check_ids([one, other])


# --- links to other sites -------------------------------------------------------------


@pytest.mark.parametrize("href, site, expected", [
    ("https://example.org/a", "http://127.0.0.1:8000/", True),
    ("http://example.org/", None, True),
    ("https://example.org/guide/timing/", "https://example.org/guide/", False),  # the site's own
    ("https://example.org/guide/timing/", "https://example.org/guide", False),
    ("https://example.org/guide", "https://example.org/guide/", False),
    ("https://example.org/other/", "https://example.org/guide/", True),  # another site on the same host
    ("https://example.org/guidebook/", "https://example.org/guide/", True),
    ("../timing/", "https://example.org/", False),
    ("mailto:a@example.org", None, False),
    ("#top", None, False),
])
def test_which_links_go_to_another_site(href, site, expected):
    assert is_external(href, site) is expected


def convert(text, site_url="https://example.org/guide/"):
    extension = ExternalLinksExtension()
    extension.site_url = site_url
    return markdown.markdown(text, extensions=[extension, "attr_list"])


def test_links_to_other_sites_are_marked_for_print():
    html = convert("[Robert Half](https://www.roberthalf.com/x){.big} and [a page](timing.md), "
                   "[ours](https://example.org/guide/timing/), <https://example.org/raw>, [mail](mailto:a@b.c)")
    # the link's own class is kept
    assert '<a class="atl-external big" href="https://www.roberthalf.com/x">Robert Half</a>' in html
    assert '<a href="timing.md">a page</a>' in html
    assert '<a href="https://example.org/guide/timing/">ours</a>' in html
    # an address shown as its own text is not printed twice
    assert '<a href="https://example.org/raw">https://example.org/raw</a>' in html
    assert '<a href="mailto:a@b.c">mail</a>' in html
