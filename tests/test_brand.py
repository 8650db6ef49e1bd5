"""A careers office's own edition: its name, logo, colours and contact block by configuration,
and a build that refuses colours a reader could not read."""

from __future__ import annotations

import shutil

import pytest
from axe import axe_violations
from brand import custom_css
from contrast import colour, ratio, variables
from playwright.sync_api import expect
from sitebuild import ROOT, build_site, cli_build, serving, write_site

BRAND = """\
site_name: Northfield University Careers
copyright: Northfield University Careers Service, 2026
theme:
  name: material
  font: false
  logo: brand/logo.svg
  favicon: brand/favicon.png
  palette:
    - scheme: default
      primary: custom
      accent: custom
      toggle: {icon: material/weather-night, name: Switch to dark mode}
    - scheme: slate
      primary: custom
      accent: custom
      toggle: {icon: material/weather-sunny, name: Switch to light mode}
extra:
  brand:
    colors: {primary: "#0b5394", accent: "#b45309"}
    contact:
      title: Questions?
      text: Book a session with a careers adviser.
      link: https://careers.example.org/book
      link_text: Book a session
      hours: Monday to Friday, 9:00 to 17:00
"""
PAGES = {
    "index.md": "---\ndescription: The home page of a branded fixture site.\n---\n# Home\n\nSee [the list](list.md).\n",
    "list.md": ("---\ndescription: A branded fixture site's checklist page.\nchecklist: c\n---\n# List\n\n## Now\n\n"
                "- [ ] One thing {#one}\n- [ ] Another {#two}\n"),
}


def brand_site(folder, config=BRAND):
    """A fixture site with this project's hooks and theme overrides (the contact block is one)."""
    path = write_site(folder, PAGES)
    config = config.replace("  font: false\n", f"  font: false\n  custom_dir: {ROOT / 'overrides'}\n", 1)
    path.write_text(path.read_text().replace("site_name: Fixture\ntheme:\n  name: material\n  font: false\n", config))
    shutil.copytree(ROOT / "tests/data/brand", folder / "docs/brand")
    return path


def test_named_palettes_are_judged_by_materials_own_colours():
    indigo = variables("default", "indigo", "indigo")
    assert indigo["--md-primary-fg-color"] == "#4051b5"
    assert round(ratio(colour(indigo["--md-typeset-a-color"], indigo), colour("#fff", {})), 2) == 6.86
    slate = variables("slate", "white", "indigo")  # the slate rule is more specific than white's own
    assert slate["--md-typeset-a-color"] == "#5e8bde"


def test_custom_colours_get_readable_text_and_dark_scheme_links():
    css = custom_css({"primary": "#0b5394", "accent": "#ffd54f"})
    light = variables("default", "custom", "custom", css)
    dark = variables("slate", "custom", "custom", css)
    assert light["--md-primary-bg-color"] == "#ffffffff"  # white on dark blue
    assert light["--md-accent-bg-color"] == "#000000de"  # dark text on a light yellow
    links = colour(dark["--md-typeset-a-color"], dark)
    assert ratio(links, colour(dark["--md-default-bg-color"], dark)) >= 4.5  # lightened for the dark scheme


def test_a_full_brand_builds_with_its_contact_block_on_every_page(tmp_path):
    build_site(brand_site(tmp_path), tmp_path / "site", "http://127.0.0.1/")
    for page in ("index.html", "list/index.html", "404.html"):
        html = (tmp_path / "site" / page).read_text()
        assert '<aside class="atl-contact" aria-labelledby="atl-contact-title">' in html, page
        assert '<a href="https://careers.example.org/book">Book a session</a>' in html
        assert "Monday to Friday, 9:00 to 17:00" in html
        assert "[data-md-color-primary=custom]{--md-primary-fg-color:#0b5394;" in html  # inline, every page
    home = (tmp_path / "site/index.html").read_text()
    assert "Northfield University Careers" in home and 'href="brand/favicon.png"' in home
    assert 'src="brand/logo.svg"' in home and "Northfield University Careers Service, 2026" in home


UNREADABLE = [
    ("primary: indigo\n      accent: indigo", "primary: yellow\n      accent: indigo",
     ("mkdocs.yml: theme.palette (scheme default, primary yellow, accent indigo): links, #ffec3d on #ffffff, "
     "have a contrast of 1.2:1, below 4.5:1; the nearest colour that passes is #847700")),
    ('colors: {primary: "#0b5394", accent: "#b45309"}', 'colors: {primary: "#9fc5e8", accent: "#b45309"}',
     ("mkdocs.yml: theme.palette (scheme default, primary custom, accent custom): links, #9fc5e8 on #ffffff, "
     "have a contrast of 1.8:1, below 4.5:1; the nearest colour that passes is #2e7ac0")),
    ('colors: {primary: "#0b5394", accent: "#b45309"}', 'colors: {primary: "#0b5394", accent: "#fde68a"}',
     ("mkdocs.yml: theme.palette (scheme default, primary custom, accent custom): the accent (focus rings, "
     "ticked boxes, links under the pointer), #fde68a on #ffffff, have a contrast of 1.2:1, below 3.0:1")),
    ('colors: {primary: "#0b5394", accent: "#b45309"}', 'colors: {primary: "blue"}',
     "mkdocs.yml: extra.brand.colors takes primary and accent as hex colours"),
    ('colors: {primary: "#0b5394", accent: "#b45309"}', "colors: {}",
     "mkdocs.yml: theme.palette has primary: custom; set its colour in extra.brand.colors.primary"),
    ("      title: Questions?\n", "", "mkdocs.yml: extra.brand.contact needs 'title:'"),
    ("link: https://careers.example.org/book", "link: javascript:alert(1)",
     "mkdocs.yml: extra.brand.contact.link must start with https://, http://, mailto: or tel:"),
    ("      hours:", "      opening:", "mkdocs.yml: extra.brand.contact: unknown key 'opening'"),
]


@pytest.mark.parametrize("old, new, message", UNREADABLE)
def test_colours_and_contacts_that_fail_stop_the_build_with_one_line(tmp_path, old, new, message):
    config = BRAND.replace("primary: custom\n      accent: custom", "primary: indigo\n      accent: indigo") \
        if old.startswith("primary: indigo") else BRAND
    assert old in config
    path = brand_site(tmp_path, config.replace(old, new))
    run = cli_build(path, "--strict")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert message in run.stderr, run.stderr


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    root = tmp_path_factory.mktemp("brand")
    config = brand_site(root)
    with serving(root / "site") as origin:
        build_site(config, root / "site", origin + "/")
        yield origin + "/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_branded_site_passes_axe_on_every_page(branded, new_page, scheme):
    page = new_page(color_scheme=scheme)
    for path in ("", "list/", "404.html"):
        page.goto(branded + path, wait_until="networkidle")
        expect(page.locator(".atl-contact")).to_be_visible()
        assert axe_violations(page) == [], path
    page.goto(branded + "list/", wait_until="networkidle")
    page.get_by_text("One thing").click()  # a ticked box on the brand's accent
    assert axe_violations(page) == []


def test_the_contact_block_prints(branded, page):
    page.goto(branded + "list/", wait_until="networkidle")
    page.emulate_media(media="print")
    expect(page.locator(".atl-contact")).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
