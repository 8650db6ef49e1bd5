"""The Content-Security-Policy every page carries, and the browser enforcing it."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from csp import _InlineCode, inline_code
from playwright.sync_api import expect

# A page's violations, as the browser reports them to the page (kept across instant navigation)
WATCH = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


def policy_of(html: str) -> str:
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(metas) == 1
    return metas[0]


def test_every_page_carries_one_policy_that_allows_exactly_its_inline_code(site):
    files = [site.dir / page / "index.html" for page in site.pages()] + [site.dir / "404.html"]
    policies = {policy_of(f.read_text()) for f in files}
    assert len(policies) == 1  # the same everywhere: instant navigation adds the next page's
    [policy] = policies
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'" and directives["form-action"] == "'none'"
    assert "unsafe" not in policy and "http" not in policy and "*" not in policy
    scripts, styles = set(), set()
    for file in files:
        html = file.read_text()
        assert html.index("Content-Security-Policy") < min(html.index("<script"), html.index("<style"),
                                                           html.index("<link"))  # before what it governs
        # and after the character set, which must end in the first 1,024 bytes (the policy is longer)
        assert file.read_bytes().index(b'<meta charset="utf-8">') + len('<meta charset="utf-8">') <= 1024, file
        page_scripts, page_styles = inline_code(html)
        scripts |= page_scripts
        styles |= page_styles
    assert set(directives["script-src"].split()) == {"'self'", *scripts}
    assert set(directives["style-src"].split()) == {"'self'", *styles}


def whole_page_parse(html: str) -> tuple[set[str], set[str]]:
    """The oracle for inline_code, which parses only the stretches that can hold code."""
    parser = _InlineCode()
    parser.feed(html)
    parser.close()
    hashes = [{_sha256(code) for code in found} for found in (parser.scripts, parser.styles)]
    return hashes[0], hashes[1]


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def test_the_quick_pass_finds_what_a_whole_page_parse_finds(site):
    for file in [site.dir / page / "index.html" for page in site.pages()] + [site.dir / "404.html"]:
        html = file.read_text()
        assert inline_code(html) == whole_page_parse(html), file


@pytest.mark.parametrize("html", [
    "<p>a</p><SCRIPT>one()</SCRIPT ><Style>p{}</sTyLe>",
    "<p>İstanbul, Ωmega</p><script>é('İ')</script><p>ﬁn</p><style>p::after{content:'Ω'}</style>",
    '<script type="module">if (a</b) x("</scripts>")</script><script src="x.js"></script>',
    '<script type="application/json">{"a": 1}</script><script>two()',
    "<p>&lt;script>not code</p><scripted>x</scripted><styles>y</styles>",
    "<!-- <b> --><script>\nthree()\n</script\n><style\tmedia=print>b{}</style/>",
])
def test_the_quick_pass_on_odd_markup(html):
    assert inline_code(html) == whole_page_parse(html)


def test_code_in_a_comment_only_adds_a_hash():
    html = "<!-- <script>old()</script> --><script>now()</script>"
    quick, whole = inline_code(html), whole_page_parse(html)
    assert quick[0] > whole[0] and _sha256("now()") in whole[0]


def test_no_violation_anywhere_while_every_feature_is_used(site, clipboard_contexts):
    context = clipboard_contexts(service_workers="allow")  # the site's worker, too, under the policy
    page = context.new_page()
    page.add_init_script(WATCH)
    console = []
    page.on("console", lambda m: "Content Security Policy" in m.text and console.append(m.text))
    violations = []
    for path in site.every_page():  # each page loaded directly
        page.goto(site.url + path, wait_until="networkidle")
        violations += page.evaluate("window.__violations")
    page.goto(site.url, wait_until="networkidle")
    nav = page.locator("nav.md-nav--primary > ul > li > a.md-nav__link")
    for i in range(nav.count()):  # and by instant navigation
        nav.nth(i).click()
        page.wait_for_load_state("networkidle")
    page.locator('nav.md-nav--primary a[href$="checklist/"]').first.click()
    page.locator("label.atl-item").first.click()
    page.locator('nav.md-nav--primary a[href$="note-templates/"]').first.click()
    page.locator("#atl-field-company").fill("Northwind")
    page.get_by_role("button", name="Copy").first.click()
    expect(page.locator("[data-note-status]").first).to_contain_text("Copied to the clipboard.")
    assert page.locator("[data-note-mailto][href^='mailto:']").count() > 0
    page.locator('nav.md-nav--primary a[href$="timing/"]').first.click()
    page.locator("#atl-field-interview_date").fill("2030-11-20")
    with page.expect_download():
        page.get_by_role("button", name="Add to calendar").click()
    page.locator('label[title^="Switch to"]').first.click()
    page.keyboard.press("/")
    page.keyboard.type("thank")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Enter")  # the search form is never sent (form-action 'none')
    page.wait_for_load_state("networkidle")
    violations += page.evaluate("window.__violations")
    assert violations == []
    assert console == []


@pytest.mark.parametrize("path", ["", "checklist/"])
def test_the_policy_really_blocks(site, page, path):
    """Not a policy on paper: a script the site does not carry is refused."""
    page.add_init_script(WATCH)
    page.goto(site.url + path, wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement("script");
      s.textContent = "window.__ran = true"; document.body.append(s); }""")
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
