"""What the feature hooks share: how a feature declares itself, and the build that owns them.

Not a hook itself (it is not listed under `hooks:`); the hooks import it by name. A feature
hook declares what it needs in a module-level `FEATURE = Feature(...)`; the owner hook
(`features.py`) makes one `Build` per build, which collects every listed feature, checks
their words, registers their Markdown extensions, ships their JS and CSS and raises the
authors' mistakes they report. Nothing here depends on the order of `hooks:` in mkdocs.yml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from csp import SitePolicy
from jinja2 import FileSystemBytecodeCache, FileSystemLoader
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from jinja2 import Environment, Template
    from markdown import Extension
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

HOOKS_DIR = Path(__file__).resolve().parent
ASSETS_URI = "assets/hooks"  # where the features' own scripts are written
FEATURES_SHARE = ("common.css", "common.js")  # storage, the details forms, the script loader


class SourceError(ValueError):
    """A mistake an author can fix; `line` is 1-based in its source file, or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line

    def at(self, path: str) -> str:
        """The one line the build prints for it: 'path:line: message'."""
        return f"{path}:{self.line}: {self}" if self.line else f"{path}: {self}"


@dataclass(frozen=True)
class Feature:
    """What a feature hook needs from the build. `name` is its id: `extra.<name>` in
    mkdocs.yml overrides its `words`, and pages whose markup has `data-atl-feature="<name>"`
    load `<name>.js` (a file, when `script`) and carry `<name>.css` inline (when `style`).
    `shared_style`/`shared_script` go inline into every page, in the order of `order`.
    `markdown` makes the feature's Markdown extension, once a build. `settings` are the keys
    besides words that `extra.<name>` may hold, with their defaults (checked by the feature)."""

    name: str
    words: Mapping[str, str] = field(default_factory=dict)
    settings: Mapping[str, object] = field(default_factory=dict)  # other keys of extra.<name>, with defaults
    script: bool = False
    style: bool = False
    # features whose scripts this one's uses (they load first); a hook's own feature before the
    # others it declares ("reader", "details"), so that a missing hook is named by its file
    needs: tuple[str, ...] = ()
    later: tuple[str, ...] = ()  # features whose scripts this one's loads when a reader asks (atl.script)
    shared_style: tuple[str, ...] = ()
    shared_script: tuple[str, ...] = ()
    markdown: Callable[[], Extension] | None = None
    data: Callable[[Build], object] | None = None  # JSON its script reads, on the pages that use it
    order: int = 0

    def __post_init__(self) -> None:
        both = set(self.words) & set(self.settings)
        assert not both, f"{self.name}: {both} is both a word and a setting"  # extra.<name> holds both


class Build:
    """Everything the features share during one build, made by features.py in on_config."""

    def __init__(self, config: MkDocsConfig, features: list[Feature]) -> None:
        self.config = config
        self.features = sorted(features, key=lambda f: (f.order, f.name))
        by_name = {f.name: f for f in self.features}
        for feature in self.features:
            missing = [need for need in feature.needs if need not in by_name]
            if missing:
                raise PluginError(f"mkdocs.yml: the {feature.name} hook needs hooks/{missing[0]}.py under 'hooks:'")
        extras = {f.name: extra_of(config, f) for f in self.features}
        self.words = {name: {**f.words, **extras[name][0]} for name, f in by_name.items()}
        self.settings = {name: {**f.settings, **extras[name][1]} for name, f in by_name.items()}
        self.extensions = {f.name: f.markdown() for f in self.features if f.markdown}
        # where reader.js keeps each field a reader types: "reader" (who they are, once),
        # "interview" (the default) or "interviewer"; the features that declare fields add them
        self.scopes: dict[str, str] = {}
        self.defaults: dict[str, str] = {}
        self.choices: dict[str, list[str]] = {}  # a field whose value must be one of these (the regions)
        # a planner step's id -> the checklist item whose tick is its "done" (the checklist's id, the item's)
        self.done_with: dict[str, tuple[str, str]] = {}
        self.fields: dict[str, dict[str, str]] = {}  # id -> label, hint, kind, scope: for other features' forms
        self.css: list[str] = []  # CSS a feature makes for this build (the brand's colours), after the files
        self.mistakes: list[str] = []
        self.policy = SitePolicy()  # the Content-Security-Policy of every page
        self._pages: dict[str, set[str]] = {}  # src_uri -> the features that page uses
        self._code: dict[tuple[str, ...], str] = {}
        self._env: Environment | None = None

    # --- what the features tell it ---------------------------------------------------------

    def report(self, mistake: str) -> None:
        """An author's mistake ("path:line: message"): the build stops once every page is read.
        A mistake two features find (front matter that is not valid YAML) is listed once."""
        if mistake not in self.mistakes:
            self.mistakes.append(mistake)

    def use(self, src_uri: str, feature: str, needs: bool = True) -> str:
        """The page `src_uri` has `feature`: its CSS goes into that page, and (unless `needs`
        is False: the feature's look without its workings) the CSS of the features it needs.
        Returns what the page's markup names in `data-atl-feature`: the feature's scripts,
        the ones it needs first."""
        names = list(dict.fromkeys([*(self._needs(feature) if needs else []), feature]))
        self._pages.setdefault(src_uri, set()).update(names)
        return " ".join(name for name in names if self._by_name(name).script)

    def _needs(self, name: str) -> list[str]:
        needs = self._by_name(name).needs
        return [n for need in needs for n in (*self._needs(need), need)]

    def _by_name(self, name: str) -> Feature:
        return next(f for f in self.features if f.name == name)

    def features_of(self, page: Page, shared: bool = False) -> list[Feature]:
        """The features the page uses; with `shared`, those on every page too."""
        used = self._pages.get(page.file.src_uri, set())
        return [f for f in self.features if f.name in used or (shared and (f.shared_script or f.shared_style))]

    def used(self) -> list[Feature]:
        """The features some page uses, and those they load when a reader asks."""
        used = set().union(*self._pages.values())
        used |= {later for f in self.features if f.name in used for later in f.later}
        return [f for f in self.features if f.name in used]

    # --- what it gives them ----------------------------------------------------------------

    def template(self, name: str) -> Template:
        """A template from beside the hooks, autoescaped (it renders reader-facing text), able
        to import the others. One environment a build, so that each compiles once."""
        if self._env is None:
            self._env = self.config.theme.get_env().overlay(
                autoescape=True, loader=FileSystemLoader(HOOKS_DIR), bytecode_cache=_compiled_templates()
            )
        return self._env.get_template(name)

    def code(self, *names: str) -> str:
        """The named files from beside the hooks, compacted and joined; read once a build."""
        if names not in self._code:
            self._code[names] = "\n".join(compact((HOOKS_DIR / n).read_text(encoding="utf-8")) for n in names)
        return self._code[names]

    def shared(self, suffix: str) -> tuple[str, ...]:
        """The files every page carries inline: the features' shared ones in their order, then
        (where any feature has a script) the code the features' scripts share."""
        names = [n for f in self.features for n in (*f.shared_style, *f.shared_script) if n.endswith(suffix)]
        if any(f.script for f in self.features):
            names += [n for n in FEATURES_SHARE if n.endswith(suffix)]
        return tuple(names)


# The build under way: features.py starts it in on_config; one build at a time per process.
_current: Build | None = None


def start_build(config: MkDocsConfig, features: list[Feature]) -> Build:
    global _current
    _current = Build(config, features)
    return _current


def build_of(config: MkDocsConfig) -> Build:
    """The build of `config`; a clear error when the owner hook is not listed."""
    if _current is None or _current.config is not config:
        raise PluginError("mkdocs.yml: the feature hooks need hooks/features.py listed under 'hooks:'")
    return _current


def _compiled_templates() -> FileSystemBytecodeCache | None:
    """Jinja's own cache of compiled templates, in the system's temp folder (private to the
    user, refreshed when a template changes): compiling the hooks' templates would otherwise
    take some 15 ms of every build. None where that folder cannot be used."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def source_path(page: Page, config: MkDocsConfig) -> str:
    """The page's file as an author names it in error lines: 'docs/checklist.md'."""
    return docs_path(page.file.src_uri, config)


def docs_path(src_uri: str, config: MkDocsConfig) -> str:
    """A file in the docs folder as an author names it in error lines."""
    return f"{Path(config.docs_dir).name}/{src_uri}"


def compact(code: str) -> str:
    """CSS or JS without its comments and indentation: readers download the code, not the
    notes on it. Takes out /* block */ and // line comments, which is safe for the hooks'
    own files: no string in them looks like a comment."""
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.DOTALL)
    code = re.sub(r"^[ \t]*//.*\n|[ \t]+//[^\n\"'`]*$", "", code, flags=re.MULTILINE)
    return re.sub(r"^[ \t]+|^\n", "", code, flags=re.MULTILINE)


def extra_of(config: MkDocsConfig, feature: Feature) -> tuple[dict[str, str], dict[str, object]]:
    """The words and the settings that `extra.<name>` in mkdocs.yml sets for `feature`."""
    key = feature.name
    overrides = config.extra.get(key) or {}
    if not isinstance(overrides, dict):
        raise PluginError(f"mkdocs.yml: extra.{key} must be a mapping of words")
    unknown = sorted(set(overrides) - set(feature.words) - set(feature.settings), key=str)
    if unknown:
        raise PluginError(
            f"mkdocs.yml: extra.{key}: unknown word {unknown[0]!r} (known: {', '.join(feature.words)})"
        )
    words = {k: v for k, v in overrides.items() if k in feature.words}
    for word, value in words.items():
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise PluginError(f"mkdocs.yml: extra.{key}.{word} must be text, not {value!r}")
    return {k: str(v) for k, v in words.items()}, {k: v for k, v in overrides.items() if k in feature.settings}
