"""Safe YAML loading that remembers where every key was, for ``bestand:regel`` messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[str | int, ...]

# libyaml's safe loader when PyYAML was built with it; same results, several times faster.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlLoadError(Exception):
    """A file that is not valid YAML; ``line`` is 1-based when known."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML data plus the node tree it came from."""

    data: Any
    node: yaml.Node | None
    duplicate_keys: tuple[tuple[int, str], ...]

    def line_of(self, loc: Loc) -> int | None:
        """1-based line of the deepest node on ``loc`` that exists in the file."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if str(k.value) == str(part)), None)
                if match is None:
                    return line
                line = match[0].start_mark.line + 1
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line


def _duplicates(node: yaml.Node | None) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if str(key.value) in seen:
                found.append((key.start_mark.line + 1, str(key.value)))
            seen.add(str(key.value))
            found.extend(_duplicates(value))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found.extend(_duplicates(item))
    return found


def load_yaml(path: Path) -> YamlDocument:
    """Load one YAML document safely; raise YamlLoadError for unreadable or invalid files."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlLoadError(None, f"het bestand is geen geldige UTF-8-tekst ({exc.reason})") from exc
    except OSError as exc:
        raise YamlLoadError(None, f"het bestand kan niet worden gelezen ({exc.strerror})") from exc
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "onbekende fout"
        raise YamlLoadError(line, f"ongeldige YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise YamlLoadError(None, f"ongeldige YAML: {exc}") from exc
    finally:
        loader.dispose()
    return YamlDocument(data=data, node=node, duplicate_keys=tuple(_duplicates(node)))
