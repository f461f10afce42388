"""The officer's inputs as options: derived from the :class:`Tender` fields, parsed back into values.

The CLI builds its ``genereer`` options from :func:`option_specs`; a profile file uses the
field names as keys. Option text is turned into field values here, so every front end
(command line, batch, profile writer) shares one set of names and one parser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args, get_origin

from aanbesteding.errors import InputError
from aanbesteding.support.text import shorten
from aanbesteding.tender.model import Tender, build_tender, load_profile

Form = Literal["tekst", "lijst", "toewijzingen", "verhouding", "reeks"]
RATIO_PARTS = ("kwaliteit", "soevereiniteit", "prijs")


@dataclass(frozen=True)
class OptionSpec:
    """One tender field as a command-line option."""

    field: str
    flag: str
    help: str
    metavar: str | None
    choices: tuple[str, ...] | None
    repeatable: bool
    form: Form
    required: bool


def _choices(annotation: object) -> tuple[str, ...] | None:
    if get_origin(annotation) is Literal:
        return tuple(str(a) for a in get_args(annotation))
    return None


def option_specs() -> list[OptionSpec]:
    """Every tender field as an option, in field order."""
    specs = []
    for name, info in Tender.model_fields.items():
        extra = info.json_schema_extra
        meta = extra.get("optie", {}) if isinstance(extra, dict) else {}
        assert isinstance(meta, dict)
        keuzes = meta.get("keuzes")
        specs.append(OptionSpec(
            field=name,
            flag=str(meta.get("vlag", f"--{name}")),
            help=info.description or "",
            metavar=str(meta["metavar"]) if "metavar" in meta else None,
            choices=tuple(str(k) for k in keuzes) if isinstance(keuzes, list)
            else _choices(info.annotation),
            repeatable=bool(meta.get("herhaalbaar", False)),
            form=meta.get("vorm", "tekst"),  # type: ignore[arg-type]
            required=info.is_required(),
        ))
    return specs


def parse_assignments(items: list[str] | tuple[str, ...], option: str) -> dict[str, str]:
    """``["a=1", "b=x"]`` -> ``{"a": "1", "b": "x"}``; raise InputError on a malformed item."""
    result: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError(f"{option} {shorten(item)}: gebruik de vorm NAAM=WAARDE")
        result[name.strip()] = value.strip()
    return result


def _convert(spec: OptionSpec, raw: object) -> object:
    items = [str(x) for x in raw] if isinstance(raw, list | tuple) else [str(raw)]
    if spec.form == "toewijzingen":
        return parse_assignments(items, option=spec.flag)
    if spec.form == "lijst":
        return items
    text = items[-1]
    if spec.form == "reeks":
        return [p.strip() for p in text.split(",") if p.strip()]
    if spec.form == "verhouding":
        parts = parse_assignments([p for p in text.split(",") if p.strip()], option=spec.flag)
        unknown = set(parts) - set(RATIO_PARTS)
        if unknown:
            raise InputError(f"{spec.flag}: onbekend onderdeel {', '.join(sorted(unknown))}; "
                             "gebruik kwaliteit=K,soevereiniteit=S,prijs=P")
        return parts
    return text


def tender_from_options(profile: Path | None, options: Mapping[str, object]) -> Tender:
    """Merge profile values with option values (options win) and validate.

    ``options`` maps field names to what the command line gave (None or empty: not given).
    A NAAM=WAARDE option adds to the profile's mapping instead of replacing it. Raises
    InputError naming the option or profile field that is wrong.
    """
    values: dict[str, object] = load_profile(profile) if profile else {}
    source = f"{profile}" if profile else "opties"
    specs = option_specs()
    for spec in specs:
        raw = options.get(spec.field)
        if raw is None or raw == () or raw == []:
            continue
        value = _convert(spec, raw)
        if spec.form == "toewijzingen":
            base = values.get(spec.field)
            merged = dict(base) if isinstance(base, dict) else {}
            merged.update(value)  # type: ignore[call-overload]
            value = merged
        values[spec.field] = value
    for spec in specs:
        if spec.required and values.get(spec.field) is None:
            raise InputError(f"{spec.flag} ontbreekt: {spec.help[0].lower()}{spec.help[1:]} "
                             f"Geef {spec.flag} op of zet '{spec.field}' in het profiel.")
    return build_tender(values, source=source)
