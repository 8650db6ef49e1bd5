"""Brand hook: a careers office's own edition, by configuration alone.

Name, logo, favicon and the footer line are Material's own settings (`site_name`,
`theme.logo`, `theme.favicon`, `copyright`). This hook adds, from `extra.brand` in mkdocs.yml:
`colors` (`primary`, `accent`: hex colours, used where `theme.palette` says `custom`) and
`contact` (`title`, `text`, and optional `link`, `link_text`, `hours`): a block at the end of
every page, printed with it (`overrides/partials/contact.html`, `brand.css`). Whatever the
colours, named or custom, the build checks that what Material puts on them can be read
(WCAG AA: 4.5:1 for text, 3:1 for controls) in every scheme of the palette, and stops with
one line naming mkdocs.yml, and the nearest colour that passes, when it cannot.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from contrast import colour, hex_of, nearest_passing, ratio, variables
from hook_support import Feature, build_of
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
CONTACT_KEYS = {"title": True, "text": True, "link": False, "link_text": False, "hours": False}  # required?
LINK = re.compile(r"^(https?://|mailto:|tel:)\S+$")
# what Material draws on each colour, and the contrast it needs
CHECKS = [
    ("text in the header", "--md-primary-bg-color", "--md-primary-fg-color", 4.5),
    ("links", "--md-typeset-a-color", "--md-default-bg-color", 4.5),
    ("the accent (focus rings, ticked boxes, links under the pointer)", "--md-accent-fg-color",
     "--md-default-bg-color", 3.0),
    ("a tick on the accent", "--md-accent-bg-color", "--md-accent-fg-color", 3.0),
]
WHITE, DARK = (1.0, 1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.87)  # Material's text on its colours


def check_contact(contact: object) -> None:
    if contact in (None, {}):
        return
    if not isinstance(contact, dict):
        raise PluginError("mkdocs.yml: extra.brand.contact must be a mapping with title and text")
    for key, required in CONTACT_KEYS.items():
        if required and not contact.get(key):
            raise PluginError(f"mkdocs.yml: extra.brand.contact needs '{key}:'")
    for key, value in contact.items():
        if key not in CONTACT_KEYS:
            known = ", ".join(CONTACT_KEYS)
            raise PluginError(f"mkdocs.yml: extra.brand.contact: unknown key '{key}' (known: {known})")
        if not isinstance(value, str):
            raise PluginError(f"mkdocs.yml: extra.brand.contact.{key} must be text, not {value!r}")
    if contact.get("link") and not LINK.match(contact["link"]):
        raise PluginError("mkdocs.yml: extra.brand.contact.link must start with https://, http://, mailto: or tel:")


def custom_css(colors: dict[str, str]) -> str:
    """Material's colour variables for `primary: custom` and `accent: custom`, from the brand's
    hex colours: text on each colour white or dark, whichever reads better; links in the dark
    scheme the nearest lighter shade that reads on it, as Material's named palettes have."""
    css = ""
    if "primary" in colors:
        main = colour(colors["primary"], {})
        text = WHITE if ratio(WHITE, main) >= ratio(DARK, main) else DARK
        slate = variables("slate", "custom", "custom")
        back = colour(slate["--md-default-bg-color"], slate)
        dark_links = colors["primary"] if ratio(main, back) >= 4.5 else nearest_passing(main, back, 4.5) or "#8ab4f8"
        css += (f"[data-md-color-primary=custom]{{--md-primary-fg-color:{colors['primary']};"
                f"--md-primary-fg-color--light:{colors['primary']};--md-primary-fg-color--dark:{colors['primary']};"
                f"--md-primary-bg-color:{_css(text)};--md-primary-bg-color--light:{_css(text, 0.7)};"
                f"--md-typeset-a-color:{colors['primary']}}}"
                f"[data-md-color-scheme=slate][data-md-color-primary=custom]{{--md-typeset-a-color:{dark_links}}}")
    if "accent" in colors:
        accent = colour(colors["accent"], {})
        text = WHITE if ratio(WHITE, accent) >= ratio(DARK, accent) else DARK
        css += (f"[data-md-color-accent=custom]{{--md-accent-fg-color:{colors['accent']};"
                f"--md-accent-fg-color--transparent:{colors['accent']}1a;--md-accent-bg-color:{_css(text)};"
                f"--md-accent-bg-color--light:{_css(text, 0.7)}}}")
    return css


def _css(rgb: tuple[float, float, float, float], alpha: float = 1.0) -> str:
    return f"{hex_of(rgb)}{round(rgb[3] * alpha * 255):02x}"


def check_palette(palette: object, colors: dict[str, str], css: str) -> None:
    """Every scheme of the palette, checked; PluginError naming the pair that fails."""
    entries = palette if isinstance(palette, list) else [palette or {}]
    schemes = [tuple(entry.get(k) or d for k, d in (("scheme", "default"), ("primary", "indigo"), ("accent", "indigo")))
               for entry in entries]
    for scheme, primary, accent in dict.fromkeys(schemes):  # each once: the automatic entry repeats one
        for role, name in (("primary", primary), ("accent", accent)):
            if name == "custom" and role not in colors:
                raise PluginError(f"mkdocs.yml: theme.palette has {role}: custom; set its colour in "
                                  f"extra.brand.colors.{role}, like '#0b5394'")
        found = variables(scheme, primary, accent, css)
        for what, front, back, target in CHECKS:
            _check(what, colour(found[front], found), colour(found[back], found), target,
                   f"theme.palette (scheme {scheme}, primary {primary}, accent {accent})")


def _check(what: str, front: tuple, back: tuple, target: float, where: str) -> None:
    have = ratio(front, back)
    if have >= target:
        return
    better = nearest_passing(front, back, target)
    suggestion = f"; the nearest colour that passes is {better}" if better else ""
    raise PluginError(f"mkdocs.yml: {where}: {what}, {hex_of(front)} on {hex_of(back)}, have a contrast of "
                      f"{have:.1f}:1, below {target}:1{suggestion} (set it with primary or accent: custom and "
                      "extra.brand.colors)")


FEATURE = Feature(name="brand", settings={"colors": {}, "contact": {}}, shared_style=("brand.css",), order=-1)


def on_config(config: MkDocsConfig) -> None:
    build = build_of(config)
    settings = build.settings[FEATURE.name]
    colors = settings["colors"] or {}
    if not isinstance(colors, dict) or any(k not in ("primary", "accent") or not isinstance(v, str) or not HEX.match(v)
                                           for k, v in colors.items()):
        raise PluginError("mkdocs.yml: extra.brand.colors takes primary and accent as hex colours, like '#0b5394'")
    check_contact(settings["contact"])
    css = custom_css(colors)
    check_palette(config.theme.get("palette"), colors, css)
    build.css.append(css)
