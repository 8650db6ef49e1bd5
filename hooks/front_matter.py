"""A Markdown file's YAML front matter, with the line of every key and list item.

Not a hook (the hooks import it by name). MkDocs reads front matter too, but a YAML error
there only makes it drop the front matter silently; this reads the same block (MkDocs' own
`YAML_RE`) and says where the mistake is. Lines come from YAML's own parser (its nodes'
marks), so they are right however the YAML is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from hook_support import SourceError
from mkdocs.utils.meta import YAML_RE

# libyaml's parser, ten times quicker, where PyYAML has it (its wheels do); the same data and lines
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Path = tuple[object, ...]  # keys and list indexes from the top, e.g. ("planner", 1, "after")


@dataclass
class FrontMatter:
    data: dict[str, object] = field(default_factory=dict)
    lines: dict[Path, int] = field(default_factory=dict)  # where each key or list item starts
    body: str = ""  # the text after the front matter
    body_line: int = 1  # the file's line where `body` starts

    def line(self, *path: object) -> int | None:
        """The line of the key or list item at `path`, or of the nearest enclosing one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path)


def read_front_matter(source: str) -> FrontMatter:
    """The front matter of a file's text (empty when it has none); SourceError when it is
    not valid YAML, not a mapping of keys, or gives a key twice (YAML would keep the last)."""
    match = YAML_RE.match(source)
    if not match:
        return FrontMatter(body=source)
    offset = 2  # the YAML's first line is the file's second, after '---'
    try:
        loader = LOADER(match.group(1))  # one parse gives both the nodes and the data
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(f"the front matter is not valid YAML: {problem}", mark.line + offset if mark else 1) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceError("the front matter must be 'key: value' lines between the two '---'", offset)
    lines: dict[Path, int] = {}
    _note_lines(node, (), offset, lines)
    return FrontMatter(data, lines, source[match.end():], match.group().count("\n") + 1)


def _note_lines(node: yaml.Node | None, path: Path, offset: int, lines: dict[Path, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here, line = (*path, key.value), key.start_mark.line + offset
            if here in lines:
                raise SourceError(f"'{key.value}' is given twice (first on line {lines[here]}); keep one", line)
            lines[here] = line
            _note_lines(value, here, offset, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + offset
            _note_lines(item, (*path, index), offset, lines)
