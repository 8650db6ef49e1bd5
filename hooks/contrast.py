"""The colours a Material palette puts on the page, and whether they can be read (WCAG 2.2).

Not a hook (brand.py imports it). Material sets its colours as CSS variables, on `:root` and
on the body's `data-md-color-scheme/-primary/-accent` attributes; this reads them from the
installed Material's own stylesheets (and the brand's generated CSS), so a named palette is
judged by the colours it really has. A colour's contrast is the WCAG ratio of relative
luminances, a colour with transparency laid over what is behind it.
"""

from __future__ import annotations

import colorsys
import functools
import re
from pathlib import Path

import material

STYLES = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
ATTRIBUTE = re.compile(r"\[data-md-color-(scheme|primary|accent)=([\w-]+)\]")
Colour = tuple[float, float, float, float]  # red, green, blue 0..1, alpha 0..1

_material_css: str | None = None


def _material() -> str:
    global _material_css
    if _material_css is None:
        names = ("main.*.min.css", "palette.*.min.css")
        _material_css = "".join(next(STYLES.glob(name)).read_text(encoding="utf-8") for name in names)
    return _material_css


def variables(scheme: str, primary: str, accent: str, extra_css: str = "") -> dict[str, str]:
    """The CSS variables the body has for this palette: `:root`'s first (the body inherits
    them), then those of every rule whose selector is only the body's palette attributes, by
    specificity (how many attributes it names), then in order, as the cascade has it."""
    body = {"scheme": scheme, "primary": primary, "accent": accent}
    matching: list[tuple[int, int, str]] = []  # (specificity, order, declarations)
    for order, (selectors, declarations) in enumerate(_palette_rules(extra_css)):
        weights = [len(tests) for tests in selectors if all(body[key] == value for key, value in tests)]
        if weights:
            matching.append((max(weights), order, declarations))
    found: dict[str, str] = {}
    for _, _, declarations in sorted(matching):
        for declaration in declarations.split(";"):
            name, _, value = declaration.partition(":")
            if name.strip().startswith("--"):
                found[name.strip()] = value.strip()
    return found


@functools.cache  # read once: each scheme of the palette asks again
def _palette_rules(extra_css: str) -> list[tuple[list[list[tuple[str, str]]], str]]:
    """The rules that can set the body's colours, in order, each with its declarations and its
    selectors that can: `:root` (no attribute to test) and those made only of the body's
    palette attributes (the attributes they test, as (name, value) pairs)."""
    rules = []
    for selectors, declarations in RULE.findall(_material() + extra_css):
        kept = []
        for selector in (s.strip() for s in selectors.split(",")):
            tests = ATTRIBUTE.findall(selector)
            if selector == ":root" or (tests and ATTRIBUTE.sub("", selector) == ""):
                kept.append(tests)
        if kept:
            rules.append((kept, declarations))
    return rules


def colour(value: str, found: dict[str, str]) -> Colour:
    """A CSS colour value (hex, rgb[a], hsl[a], with var() in it) as RGBA."""
    value = re.sub(r"var\((--[\w-]+)\)", lambda m: found.get(m[1], "0"), value).strip()
    if value.startswith("var("):
        return colour(found[value[4:-1]], found)
    if value.startswith("#"):
        digits = value[1:]
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits)
        channels = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
        return (*channels[:3], channels[3] if len(channels) == 4 else 1.0)
    numbers = [float(n) for n in re.findall(r"-?[\d.]+", value)]
    if value.startswith("hsl"):
        hue, saturation, lightness = numbers[0] / 360, numbers[1] / 100, numbers[2] / 100
        return (*colorsys.hls_to_rgb(hue, lightness, saturation), numbers[3] if len(numbers) > 3 else 1.0)
    return (*(n / 255 for n in numbers[:3]), numbers[3] if len(numbers) > 3 else 1.0)


def over(front: Colour, back: Colour) -> Colour:
    """`front` laid over (opaque) `back`."""
    alpha = front[3]
    return (*(f * alpha + b * (1 - alpha) for f, b in zip(front[:3], back[:3])), 1.0)


def luminance(rgb: Colour) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(front: Colour, back: Colour) -> float:
    """The contrast ratio of `front` on `back` (1 to 21)."""
    lighter, darker = sorted((luminance(over(front, back)), luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def hex_of(rgb: Colour) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb[:3])


def nearest_passing(front: Colour, back: Colour, target: float) -> str | None:
    """The colour of the same hue and saturation, lightness changed as little as it takes,
    that reaches `target` on `back`; None when none does."""
    hue, light, saturation = colorsys.rgb_to_hls(*front[:3])
    for step in range(1, 101):
        for lightness in (light - step / 100, light + step / 100):
            if 0 <= lightness <= 1:
                candidate = (*colorsys.hls_to_rgb(hue, lightness, saturation), 1.0)
                if ratio(candidate, back) >= target:
                    return hex_of(candidate)
    return None
