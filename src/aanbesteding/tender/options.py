"""Turn CLI option values (and an optional profile file) into a validated Tender."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from aanbesteding.compose.parameters import parse_assignments
from aanbesteding.errors import InputError
from aanbesteding.tender.model import Tender, build_tender, load_profile


def _ratio(text: str) -> dict[str, str]:
    parts = parse_assignments([p for p in text.split(",") if p.strip()], option="--verhouding")
    unknown = set(parts) - {"kwaliteit", "soevereiniteit", "prijs"}
    if unknown:
        raise InputError(f"--verhouding: onbekend onderdeel {', '.join(sorted(unknown))}; "
                         "gebruik kwaliteit=K,soevereiniteit=S,prijs=P")
    return parts


def _scale(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


def tender_from_options(profile: Path | None, options: Mapping[str, object]) -> Tender:
    """Merge profile values with option values (options win) and validate.

    Raises InputError naming the option or profile field that is wrong.
    """
    values: dict[str, object] = load_profile(profile) if profile else {}
    source = f"{profile}" if profile else "opties"
    simple = {"laag": "laag", "contracttype": "contracttype", "organisatie": "organisatie",
              "opdracht": "opdracht", "kenmerk": "kenmerk", "systeem": "systeem",
              "datum": "datum", "doc_versie": "versie", "status": "status",
              "weging": "weging", "prijsmethode": "prijsmethode"}
    for option, field in simple.items():
        value = options.get(option)
        if value is not None:
            values[field] = value
    params = options.get("params")
    if params:
        merged = dict(values.get("parameters") or {})  # type: ignore[call-overload]
        merged.update(parse_assignments(list(params), option="--param"))  # type: ignore[call-overload]
        values["parameters"] = merged
    exclusions = options.get("uitsluiten")
    if exclusions:
        merged = dict(values.get("uitsluiten") or {})  # type: ignore[call-overload]
        merged.update(parse_assignments(list(exclusions), option="--uitsluiten"))  # type: ignore[call-overload]
        values["uitsluiten"] = merged
    bidders = options.get("inschrijvers")
    if bidders:
        values["inschrijvers"] = list(bidders)  # type: ignore[call-overload]
    if options.get("verhouding"):
        values["verhouding"] = _ratio(str(options["verhouding"]))
    if options.get("schaal"):
        values["schaal"] = _scale(str(options["schaal"]))
    if values.get("laag") is None:
        raise InputError("--laag ontbreekt: geef de laag van het systeem op (1, 2 of 3) met "
                         "--laag of in het profiel")
    if values.get("contracttype") is None:
        raise InputError("--contracttype ontbreekt: kies saas, paas, iaas, hosting of licentie "
                         "met --contracttype of in het profiel")
    return build_tender(values, source=source)
