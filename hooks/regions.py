"""The regions a site's planner offers, and their public holidays, from the `holidays` package.

Not a hook (planner.py imports it). A region is a country code (`IE`, `NZ`, `US`: for the US,
federal holidays) or a country and a subdivision whose holidays differ (`GB-SCT`, `CA-ON`,
`AU-NSW`). Each region's holidays, from the build year to a few years ahead, become a small
data file that the planner page fetches only when a reader plans by that region. The tables
are kept between builds in the system's temp folder (private to the user), keyed by the
package's version, the region and the years: `holidays` takes some 75 ms for 27 regions,
a sixth of this site's whole build.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

CODE = re.compile(r"^(?P<country>[A-Z]{2})(?:-(?P<subdiv>[A-Za-z0-9 ]+))?$")
# names a reader recognises, where the package's own would mislead (England's holidays are
# Wales' too) or where it has none; other subdivisions are "Country: Subdivision"
NAMES = {
    "US": "United States (federal holidays)",
    "GB-ENG": "England and Wales",
    "GB-SCT": "Scotland",
    "GB-NIR": "Northern Ireland",
    "IE": "Ireland",
    "NZ": "New Zealand",
    "CA": "Canada",
    "AU": "Australia",
}


@dataclass(frozen=True)
class Region:
    code: str  # "GB-SCT"
    label: str  # "Scotland"


def read_regions(entries: object, default: object, where: str = "extra.planner") -> tuple[list[Region], str]:
    """The regions offered (`regions:` lists codes, or `{code: label}` to name one) and the
    default; PluginError with one line naming mkdocs.yml for an unknown code."""
    if entries in (None, []):
        return [], ""
    if not isinstance(entries, list):
        raise PluginError(f"mkdocs.yml: {where}.regions must list region codes, like [GB-ENG, US, IE]")
    regions = []
    for entry in entries:
        code, label = next(iter(entry.items())) if isinstance(entry, dict) and len(entry) == 1 else (entry, None)
        if not isinstance(code, str) or (label is not None and not isinstance(label, str)):
            raise PluginError(f"mkdocs.yml: {where}.regions: {entry!r} is not a region code, like GB-SCT")
        regions.append(Region(code, label or _name(code, where)))
    codes = [region.code for region in regions]
    if len(set(codes)) != len(codes):
        raise PluginError(f"mkdocs.yml: {where}.regions lists a region twice")
    default = codes[0] if default is None else default
    if default not in codes:
        raise PluginError(f"mkdocs.yml: {where}.region {default!r} is not one of {where}.regions")
    return regions, default


@functools.cache  # every planner page asks again
def _name(code: str, where: str) -> str:
    """The region's name, checked against what the holidays package knows (kept between
    builds, like the tables)."""
    cache = _cache_file("name", code)
    try:
        return json.loads(cache.read_text(encoding="utf-8"))["name"]
    except (OSError, ValueError, KeyError):
        pass
    name = _checked_name(code, where)
    _keep(cache, {"name": name})
    return name


def _checked_name(code: str, where: str) -> str:
    import holidays  # here and in holiday_table only: not on a build whose regions are all known

    match = CODE.match(code)
    known = set(holidays.list_supported_countries())
    if match is None or match["country"] not in known:
        raise PluginError(f"mkdocs.yml: {where}.regions: unknown region {code!r} (a country code like IE, "
                          "or country and subdivision like GB-SCT)")
    kind = _holidays_class(match["country"])
    if match["subdiv"] and match["subdiv"] not in kind.subdivisions:
        raise PluginError(f"mkdocs.yml: {where}.regions: {match['country']} has no subdivision {match['subdiv']!r} "
                          f"(known: {', '.join(kind.subdivisions)})")
    if code in NAMES:
        return NAMES[code]
    aliases = getattr(kind, "subdivisions_aliases", {})
    subdivision = next((name for name, alias in aliases.items() if alias == match["subdiv"]), match["subdiv"])
    return f"{NAMES.get(match['country'], match['country'])}: {subdivision}"


def holiday_table(code: str, first: int, last: int) -> dict[str, object]:
    """The region's public holidays from `first` to `last` (years), as the planner page reads
    them: {"from": 2026, "to": 2028, "days": {"2026-12-25": "Christmas Day", ...}}."""
    cache = _cache_file("table", "English names", code, first, last)
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    import holidays

    match = CODE.match(code)
    # the names in the country's own English ("Labour Day" in Canada and Australia), else in
    # American English, where the package has them; never the build machine's language
    kind = _holidays_class(match["country"])
    supported = getattr(kind, "supported_languages", ())
    language = next((name for name in (f"en_{match['country']}", "en_US") if name in supported),
                    getattr(kind, "default_language", None))
    found = holidays.country_holidays(match["country"], subdiv=match["subdiv"], years=range(first, last + 1),
                                      language=language)
    days = {day.isoformat(): "; ".join(found.get_list(day)) for day in sorted(found)}
    table = {"from": first, "to": last, "days": days}
    _keep(cache, table)
    return table


@functools.cache  # the checks and each holiday table ask for the same country's
def _holidays_class(country: str) -> type:
    """The `holidays` package's class for a country: its subdivisions and languages."""
    import holidays

    return type(holidays.country_holidays(country))


@functools.cache  # looking up a package's version reads its metadata files
def _holidays_version() -> str:
    return importlib.metadata.version("holidays")


def _cache_file(*key: object) -> Path:
    name = hashlib.sha256(" ".join(map(str, (_holidays_version(), *key))).encode()).hexdigest()[:20]
    return Path(tempfile.gettempdir()) / "after-the-interview-holidays" / f"{name}.json"


def _keep(cache: Path, data: object) -> None:
    try:
        cache.parent.mkdir(mode=0o700, exist_ok=True)
        cache.write_text(json.dumps(data), encoding="utf-8")
    except OSError:
        pass  # no cache folder: the next build works it out again
