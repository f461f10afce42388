"""Profile files, in one place: reading a profile (and merging options over it), the commented
template from the tender fields, checking and writing one, and updating a profile's laag.

Every front end (``genereer``, ``batch``, ``init``, ``classificeer``, the portfolio) reads
profiles through :func:`read_profile` or :func:`tender_from_options`. The template is produced
from the same definitions as the ``genereer`` options
(:func:`aanbesteding.tender.inputs.option_specs`), so every key, its meaning, its allowed
values and its default stay in step with the command line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from aanbesteding.errors import InputError, OutputError
from aanbesteding.support.yamlsource import YamlDocument, YamlLoadError, load_yaml, parse_yaml
from aanbesteding.tender.inputs import MERGE_HELP, option_specs, tender_from_values
from aanbesteding.tender.model import Tender

REQUIRED_DEFAULTS: dict[str, object] = {"laag": 2, "contracttype": "saas"}
MAIN_QUESTIONS = ("laag", "contracttype", "organisatie", "opdracht", "kenmerk", "systeem")
_WIDTH = 92


def _raw(doc: YamlDocument, path: Path) -> dict[str, object]:
    if doc.duplicate_keys:
        line, key = doc.duplicate_keys[0]
        raise InputError(f"{path}:{line}: {key}: dubbele sleutel; elk veld mag maar één keer voorkomen")
    if not isinstance(doc.data, dict):
        raise InputError(f"{path}: een profiel moet een verzameling velden (mapping) zijn")
    return dict(doc.data)


def load_profile(path: Path, text: str | None = None) -> dict[str, object]:
    """A tender profile (YAML) as raw values; ``text`` is its content when not yet on disk.
    Raises InputError naming the file."""
    try:
        doc = load_yaml(path) if text is None else parse_yaml(text)
    except YamlLoadError as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        raise InputError(f"{where}: {exc.message}") from exc
    return _raw(doc, path)


def profile_keys() -> dict[str, str]:
    """Every key a profile may use -> its field: the field name and the option spelling."""
    keys: dict[str, str] = {}
    for spec in option_specs():
        keys[spec.field] = spec.field
        keys[spec.flag.removeprefix("--")] = spec.field
    return keys


def read_profile(path: Path, text: str | None = None) -> dict[str, object]:
    """A profile's values keyed by field name; option spellings (``param``, ``inschrijver``)
    are accepted as aliases. Raises InputError in Dutch naming the file: missing, not a file,
    unreadable, bad YAML, an unknown key, or a field given under two names.
    """
    if text is None and not path.exists():
        raise InputError(f"profiel {path}: het bestand bestaat niet (maak er een met 'aanbesteding init {path}')")
    if text is None and path.is_dir():
        raise InputError(f"profiel {path}: dit is een map, geen profielbestand (.yaml)")
    raw = load_profile(path, text)
    keys = profile_keys()
    values: dict[str, object] = {}
    seen: dict[str, str] = {}
    for key, value in raw.items():
        field = keys.get(str(key))
        if field is None:
            import difflib

            from aanbesteding.support.yamlsource import key_line

            line = key_line(path, str(key)) if text is None else None
            near = difflib.get_close_matches(str(key), list(keys), n=1, cutoff=0.6)
            hint = f" (bedoelt u '{near[0]}'?)" if near else ""
            raise InputError(
                f"{path}{f':{line}' if line else ''}: onbekende sleutel "
                f"'{key}'{hint}; een profiel kent: "
                f"{', '.join(s.field for s in option_specs())} (of de optienamen "
                "param en inschrijver); 'aanbesteding init' schrijft een profiel "
                "met uitleg bij elke sleutel"
            )
        if field in seen:
            raise InputError(f"{path}: '{seen[field]}' en '{key}' zijn hetzelfde veld; gebruik er één")
        seen[field] = str(key)
        values[field] = value
    return values


def tender_from_options(profile: Path | None, options: Mapping[str, object]) -> Tender:
    """The tender from profile file ``profile`` (None: no profile) with ``options`` merged over
    it (see :func:`aanbesteding.tender.inputs.tender_from_values`). Raises InputError naming
    the option, or the profile file and the field that is wrong."""
    values = read_profile(profile) if profile else {}
    return tender_from_values(values, str(profile) if profile else "opties", options)


def _plain(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _dump(key: str, value: object) -> str:
    text = yaml.safe_dump(
        {key: _plain(value)}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=_WIDTH
    )
    return text.rstrip("\n")


def _comment(text: str) -> list[str]:
    lines, line = [], "#"
    for word in text.split():
        if len(line) + 1 + len(word) > _WIDTH:
            lines.append(line)
            line = "#  "
        line += " " + word
    return [*lines, line]


def _default(name: str) -> object:
    info = Tender.model_fields[name]
    if info.default_factory is not None:
        return info.default_factory()  # type: ignore[call-arg]
    return info.default


GUNNING_EXAMPLE = (
    "gunning:",
    '  leidraad: "paragraaf 5.2 van de Aanbestedingsleidraad"',
    '  subcriterium: "K3 Digitale soevereiniteit"',
    "  weging: 20",
    "  criteria:",
    '    - {naam: "K1 Functionaliteit", weging: 30}',
    '    - {naam: "K2 Implementatie", weging: 10}',
    '    - {naam: "K3 Digitale soevereiniteit", weging: 20}',
    '    - {naam: "Prijs", weging: 40, prijs: true}',
    '  beslisregel: "hoogste score op K1; daarna loting door een notaris"',
    '  prijsdefinitie: "de totale prijs over de looptijd van vier jaar, exclusief btw"',
    '  motivering: "waarom dit aandeel past bij het belang van soevereiniteit voor de opdracht"',
)


def profile_template(values: Mapping[str, object]) -> str:
    """A commented YAML profile: every key with its meaning, choices and default.

    ``values`` (field name -> value) are written as given; other required fields get their
    first choice, fields with a default are written with it (the date stays commented out,
    so it follows the day of generating). Raises nothing; :func:`check_template` validates.
    """
    out = [
        "# Profiel voor 'aanbesteding genereer PROFIEL.yaml'.",
        *_comment(
            "Elke sleutel heeft dezelfde naam als de optie van 'genereer' (--param en "
            "--inschrijver mogen ook als 'param' en 'inschrijver'). " + MERGE_HELP
        ),
        *_comment(
            "Weet u niet welke laag? 'aanbesteding classificeer --profiel DIT-BESTAND' "
            "stelt de vragen en schrijft laag en motivering hierin."
        ),
        "",
    ]
    for spec in option_specs():
        name = spec.field
        info = [spec.help]
        if spec.choices:
            info.append(f"Keuzes: {', '.join(spec.choices)}.")
        if spec.flag != f"--{name}":
            info.append(f"Optie: {spec.flag}.")
        if spec.required:
            info.append("Verplicht.")
        out.append(f"# {name}")
        out.extend(_comment(" ".join(info)))
        if name in values and values[name] is not None:
            value = values[name]
            out.append(_dump(name, int(str(value)) if name == "laag" and str(value).isdigit() else value))
        elif spec.required:
            out.append(_dump(name, REQUIRED_DEFAULTS.get(name, "")))
        elif name == "datum":
            out.append(f"# datum: {dt.date.today().isoformat()}")
        elif name == "verhouding":  # a mapping in YAML, not the option's K,S,P text
            out.append("# verhouding: {kwaliteit: 45, soevereiniteit: 20, prijs: 35}")
        elif name == "gunning":  # a mapping in YAML, not the option's NAAM=WAARDE items
            out.extend(f"# {line}" for line in GUNNING_EXAMPLE)
        elif _default(name) is None:
            out.append(f"# {name}: {spec.metavar or 'TEKST'}")
        elif name in ("parameters", "uitsluiten"):
            example = (
                "zeggenschapswijziging.aankondiging_dagen: 60"
                if name == "parameters"
                else "open-source: Geen open-source-alternatief beschikbaar"
            )
            out.append(f"{name}: {{}}")
            out.append(f"#   {example}")
        else:
            out.append(_dump(name, _default(name)))
        out.append("")
    return "\n".join(out)


def check_template(text: str, path: Path) -> None:
    """Raise InputError if ``text`` is not a valid profile (the writer's own check)."""
    tender_from_values(read_profile(path, text), str(path), {})


def write_profile(path: Path, text: str, force: bool) -> None:
    """Write a profile atomically; raise OutputError if it exists and ``force`` is false."""
    from aanbesteding.support.output import write_all

    if path.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError(f"{path}: een profiel is een YAML-bestand; gebruik de extensie .yaml")
    write_all({path: text.encode("utf-8")}, force=force)


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def set_laag(path: Path, laag: int, reasons: Sequence[str]) -> str:
    """The text of profile ``path`` with ``laag`` and ``laagmotivering`` set (other lines and
    comments kept); a missing file gives a new minimal profile. Raises InputError if the file
    cannot be read."""
    lines: list[str] = []
    if path.exists():
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"profiel {path}: kan niet worden gelezen ({exc})") from exc
    kept: list[str] = []
    skipping = False
    laag_at = None
    for line in lines:
        match = _TOP_KEY.match(line)
        if match:
            skipping = match.group(1) in ("laag", "laagmotivering")
            if match.group(1) == "laag":
                laag_at = len(kept)
        elif skipping and line.startswith((" ", "-", "\t")):
            continue
        else:
            skipping = False
        if not skipping:
            kept.append(line)
    block = [f"laag: {laag}", _dump("laagmotivering", list(reasons))]
    if laag_at is None:
        kept = [*block, *kept] if not lines else [*kept, *block]
    else:
        kept[laag_at:laag_at] = block
    return "\n".join(kept) + "\n"


def tender_values(data: Mapping[str, Any]) -> dict[str, object]:
    """Answers keyed by field name, with empty answers left out."""
    return {k: v for k, v in data.items() if v not in (None, "")}
