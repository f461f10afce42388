"""Complete an existing profile (e.g. one that ``classificeer --profiel`` wrote) with the keys
it lacks, each with its explanation, without touching what is already there."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from aanbesteding.errors import InputError
from aanbesteding.tender.profile import profile_keys, profile_template, read_profile

HEADER = "# Aangevuld door 'aanbesteding init': de sleutels die nog ontbraken, elk met uitleg en standaard."


def _chunks(template: str) -> dict[str, str]:
    """The template's explained keys: field name -> its comment block and line(s)."""
    found: dict[str, str] = {}
    for block in template.split("\n\n"):
        first = block.lstrip("\n").split("\n", 1)[0]
        name = first.removeprefix("# ").strip()
        if first.startswith("# ") and " " not in name and name:
            found[name] = block.strip("\n")
    return found


def present_fields(path: Path) -> set[str]:
    """The fields profile ``path`` already sets or shows commented out (``# datum: …``);
    InputError when it is not a valid profile."""
    keys = profile_keys()
    present = {keys.get(str(k), str(k)) for k in read_profile(path)}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return present
    written = re.compile(r"^#\s?([a-z][a-z0-9_-]*)\s*:", re.MULTILINE)
    return present | {keys[k] for k in written.findall(text) if k in keys}


def completed_profile(path: Path, values: Mapping[str, object] | None = None) -> tuple[str, list[str]]:
    """The text of profile ``path`` with every missing key added at the end (explained, with
    its standard or the given ``values``), and the names of the keys added. Raises InputError
    when the file is not a valid profile (an unknown key, bad YAML)."""
    present = present_fields(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"profiel {path}: kan niet worden gelezen ({exc})") from exc
    chunks = _chunks(profile_template(dict(values or {})))
    missing = [name for name in chunks if name not in present]
    if not missing:
        return text, []
    added = "\n\n".join(chunks[name] for name in missing)
    return f"{text.rstrip()}\n\n{HEADER}\n\n{added}\n", missing
