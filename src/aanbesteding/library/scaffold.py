"""Start an organisation library: a README and copies of chosen clauses, status concept."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from aanbesteding.errors import InputError, OutputError
from aanbesteding.library.loader import Library
from aanbesteding.support.output import write_all

_STATUS = re.compile(r"^status:.*$", re.MULTILINE)
_REVIEW = re.compile(r"^beoordeeld_(door|op):.*\n", re.MULTILINE)

README = """\
# Clausulebibliotheek van {naam}

Deze map is een **organisatiebibliotheek**: zij ligt over de standaardbibliotheek van
`aanbesteding`. Een clausule hier met hetzelfde id als een standaardclausule vervangt die; een
clausule met een nieuw id komt erbij. Thema's (`themas.yaml`) en begrippen (`begrippen.yaml`)
mogen hier ook staan; ze worden samengevoegd met die van de standaard.

Elke clausule staat in `<thema>/<id>.yaml`, in hetzelfde formaat als de standaard (zie
`aanbesteding bibliotheek schema`). De gekopieerde clausules hebben de status `concept`.
Verhoog bij elke tekstwijziging de `versie` en schrijf een regel in `WIJZIGINGEN.md`. De
juridische afdeling stelt clausules vast met `bibliotheek vaststellen`: dat zet
`status: vastgesteld` en vult `beoordeeld_door` en `beoordeeld_op` in; een standaardclausule
die hier nog niet staat, wordt daarvoor eerst gekopieerd. Pas als alle clausules van een
bijlage vastgesteld zijn, kan `genereer --status definitief`.

Een `beleid.yaml` in deze map vervangt per laag de verhouding (met het maximum voor het aandeel
soevereiniteit) of per doelstelling het SEAL-bewijs uit het `beleid.yaml` van de standaard
(zie `clauses/README.md` van `aanbesteding`).

Gebruik:

```bash
aanbesteding bibliotheek nieuw {map} ANDER-ID                # nog een clausule kopiëren
aanbesteding bibliotheek controleer --bibliotheek {map}
aanbesteding bibliotheek overzicht --bibliotheek {map}     # kolom herkomst
aanbesteding bibliotheek verschil --bibliotheek {map} --uitvoer wijzigingen.docx
aanbesteding bibliotheek review --bibliotheek {map} --uitvoer review.docx
aanbesteding bibliotheek vaststellen alle --door "NAAM" --op JJJJ-MM-DD --bibliotheek {map}
aanbesteding genereer --laag 2 --contracttype saas --status definitief --bibliotheek {map}
```
{kopieen}"""

CHANGES = """\
# Wijzigingen in de clausulebibliotheek van {naam}

Per wijziging één regel: clausule, oude en nieuwe versie, wat en waarom.

"""


def as_concept(text: str) -> str:
    """A clause file's text with status concept and empty review fields to fill in."""
    without = _REVIEW.sub("", text)
    return _STATUS.sub("status: concept\nbeoordeeld_door:\nbeoordeeld_op:", without, count=1)


def _is_library(folder: Path) -> bool:
    """Whether ``folder`` already holds an organisation library (its README or a YAML file)."""
    return (folder / "README.md").is_file() or any(
        p.suffix in (".yaml", ".yml") for p in folder.rglob("*") if p.is_file()
    )


def existing_copy(folder: Path, clause_id: str) -> Path | None:
    """The file of clause ``clause_id`` in organisation library ``folder``, if there is one."""
    for pattern in (f"{clause_id}.yaml", f"*/{clause_id}.yaml", f"{clause_id}.yml", f"*/{clause_id}.yml"):
        found = sorted(folder.glob(pattern))
        if found:
            return found[0]
    return None


def new_library(folder: Path, library: Library, ids: Sequence[str], name: str | None = None) -> list[Path]:
    """Create organisation library ``folder`` (README, WIJZIGINGEN.md, schema.json) with a
    concept copy of each clause in ``ids``, or add those copies to the existing library there.

    Returns the files written. Raises InputError for unknown ids and OutputError when the
    folder holds something that is not an organisation library, or a clause is already
    copied there (nothing is written then).
    """
    from aanbesteding.library.schema import clause_schema_json

    known = library.by_id()
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise InputError(
            f"onbekende clausule(s) {', '.join(unknown)}; 'aanbesteding bibliotheek overzicht' toont de clausules"
        )
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} is een bestand; kies een nieuwe map")
    adding = folder.exists() and any(folder.iterdir())
    if adding and not _is_library(folder):
        raise OutputError(
            f"{folder} bestaat al, is niet leeg en is geen organisatiebibliotheek "
            "(geen README.md of clausulebestanden); kies een nieuwe map"
        )
    if not folder.parent.is_dir():
        raise OutputError(f"de map {folder.parent} bestaat niet; maak haar eerst aan")
    present = {i: existing_copy(folder, i) for i in ids} if adding else {}
    doubles = [f"{i} ({path})" for i, path in present.items() if path is not None]
    if doubles:
        raise OutputError(
            f"{folder} heeft al een kopie van {', '.join(doubles)}; wijzig die "
            "kopie, of verwijder haar eerst om opnieuw te kopiëren"
        )
    files: dict[Path, bytes] = {}
    for clause_id in dict.fromkeys(ids):
        item = known[clause_id]
        files[folder / item.path] = as_concept(item.text).encode()
    if not (folder / "schema.json").exists():
        files[folder / "schema.json"] = clause_schema_json().encode()
    if not adding:
        listed = "".join(
            f"- `{known[i].path}` (kopie van {i} v{known[i].clause.versie} uit {known[i].origin})\n"
            for i in dict.fromkeys(ids)
        )
        copies = f"\nGekopieerd bij het aanmaken:\n\n{listed}" if listed else ""
        readme = README.format(naam=name or folder.name, map=folder, kopieen=copies)
        files[folder / "README.md"] = readme.encode()
        files[folder / "WIJZIGINGEN.md"] = CHANGES.format(naam=name or folder.name).encode()
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
    write_all(files)
    return list(files)
