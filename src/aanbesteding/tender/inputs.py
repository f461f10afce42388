"""The officer's inputs as options: derived from the :class:`Tender` fields, parsed back into values.

The CLI builds its ``genereer`` options from :func:`option_specs`; a profile file uses the
field names as keys. Option text is turned into field values here, so every front end
(command line, batch, profile writer) shares one set of names and one parser. This module
reads no files: :mod:`aanbesteding.tender.profile` reads profiles and calls
:func:`tender_from_values` (the arrow goes one way, profile -> inputs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args, get_origin

from aanbesteding.errors import InputError, Ref
from aanbesteding.support.text import shorten
from aanbesteding.tender.award import parse_gunning_option
from aanbesteding.tender.model import Form, Tender, build_tender, field_input

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
        given = field_input(name)
        specs.append(
            OptionSpec(
                field=name,
                flag=given.flag or f"--{name}",
                help=info.description or "",
                metavar=given.metavar,
                choices=given.choices or _choices(info.annotation),
                repeatable=given.repeatable,
                form=given.form,
                required=info.is_required(),
            )
        )
    return specs


def parse_assignments(items: list[str] | tuple[str, ...], field: str) -> dict[str, str]:
    """``["a=1", "b=x"]`` -> ``{"a": "1", "b": "x"}``; raise InputError on a malformed item
    (naming ``field``, the tender field the items are for)."""
    result: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError("gebruik de vorm NAAM=WAARDE", field=field, subject=shorten(item))
        result[name.strip()] = value.strip()
    return result


def _convert(spec: OptionSpec, raw: object) -> object:
    items = [str(x) for x in raw] if isinstance(raw, list | tuple) else [str(raw)]
    if spec.form == "toewijzingen":
        return parse_assignments(items, field=spec.field)
    if spec.form == "gunning":
        return parse_gunning_option(items, field=spec.field)
    if spec.form == "lijst":
        return items
    if len(items) > 1:
        given = " en ".join(f"'{i}'" for i in items)
        raise InputError(
            [
                Ref(spec.field),
                f" is {len(items)} keer opgegeven ({given}); deze optie heeft één waarde: geef haar één keer op",
            ]
        )
    text = items[0]
    if spec.choices:
        text = _choice(spec, text)
    if spec.form == "reeks":
        return [p.strip() for p in text.split(",") if p.strip()]
    if spec.form == "verhouding":
        parts = parse_assignments([p for p in text.split(",") if p.strip()], field=spec.field)
        unknown = set(parts) - set(RATIO_PARTS)
        if unknown:
            raise InputError(
                f"onbekend onderdeel {', '.join(sorted(unknown))}; gebruik kwaliteit=K,soevereiniteit=S,prijs=P",
                field=spec.field,
            )
        return parts
    return text


def _choice(spec: OptionSpec, text: str) -> str:
    """The choice ``text`` stands for, ignoring case (``IaaS`` -> ``iaas``)."""
    assert spec.choices is not None
    for choice in spec.choices:
        if choice.casefold() == text.strip().casefold():
            return choice
    raise InputError(f"'{text}' is geen geldige keuze; kies uit: {', '.join(spec.choices)}", field=spec.field)


MERGE_HELP = (
    "Herhaalbare opties (--param, --uitsluiten, --inschrijver) vullen de waarden uit "
    "het profiel aan (bij dezelfde naam geldt de opdrachtregel); elke andere optie "
    "vervangt de waarde uit het profiel en mag één keer worden opgegeven."
)


def _merge(spec: OptionSpec, base: object, value: object) -> object:
    """A repeatable option's values added to the profile's (the command line wins per name)."""
    if spec.form in ("toewijzingen", "gunning"):
        merged = dict(base) if isinstance(base, dict) else {}
        merged.update(value)  # type: ignore[call-overload]
        return merged
    if spec.form == "lijst" and isinstance(base, list):
        assert isinstance(value, list)
        return [*base, *(v for v in value if v not in base)]
    return value


def tender_from_values(values: Mapping[str, object], source: str, options: Mapping[str, object]) -> Tender:
    """Merge option values over ``values`` (a profile's, keyed by field; empty: none) and validate.

    ``options`` maps field names to what the command line gave (None or empty: not given).
    Repeatable options add to the profile's values (:data:`MERGE_HELP`); a single-value
    option replaces the profile's and may be given once. ``source`` names where ``values``
    came from in messages (a profile file, or ``opties``). Raises InputError naming the
    option or the profile file and field that is wrong. Profiles themselves are read by
    :mod:`aanbesteding.tender.profile`.
    """
    merged: dict[str, object] = dict(values)
    specs = option_specs()
    for spec in specs:
        raw = options.get(spec.field)
        if raw is None or raw == () or raw == []:
            continue
        value = _convert(spec, raw)
        if spec.repeatable:
            value = _merge(spec, merged.get(spec.field), value)
        merged[spec.field] = value
    for spec in specs:
        if spec.choices and isinstance(merged.get(spec.field), str):
            merged[spec.field] = _choice(spec, str(merged[spec.field]))
        if spec.required and merged.get(spec.field) is None:
            raise InputError(
                [
                    Ref(spec.field),
                    f" ontbreekt: {spec.help[0].lower()}{spec.help[1:]} Geef ",
                    Ref(spec.field),
                    f" op of zet '{spec.field}' in het profiel.",
                ]
            )
    return build_tender(merged, source=source)
