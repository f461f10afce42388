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
De juridische afdeling stelt een clausule vast door `status: vastgesteld`, `beoordeeld_door`
en `beoordeeld_op` in te vullen en de versie te verhogen bij elke tekstwijziging.

Gebruik:

```bash
aanbesteding bibliotheek controleer --bibliotheek {map}
aanbesteding bibliotheek overzicht --bibliotheek {map}     # kolom herkomst
aanbesteding bibliotheek review --bibliotheek {map} --uitvoer review.docx
aanbesteding genereer --laag 2 --contracttype saas --bibliotheek {map}
```
{kopieen}"""


def as_concept(text: str) -> str:
    """A clause file's text with status concept and without a reviewer or review date."""
    return _REVIEW.sub("", _STATUS.sub("status: concept", text, count=1))


def new_library(folder: Path, library: Library, ids: Sequence[str]) -> list[Path]:
    """Create ``folder`` with a README and a concept copy of each clause in ``ids``.

    Returns the files written. Raises InputError for unknown ids and OutputError when the
    folder exists and is not empty (nothing is written then).
    """
    known = library.by_id()
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise InputError(f"onbekende clausule(s) {', '.join(unknown)}; "
                         "'aanbesteding bibliotheek overzicht' toont de clausules")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} is een bestand; kies een nieuwe map")
    if folder.exists() and any(folder.iterdir()):
        raise OutputError(f"{folder} bestaat al en is niet leeg; kies een nieuwe map")
    if not folder.parent.is_dir():
        raise OutputError(f"de map {folder.parent} bestaat niet")
    files: dict[Path, bytes] = {}
    for clause_id in dict.fromkeys(ids):
        item = known[clause_id]
        files[folder / item.path] = as_concept(item.text).encode()
    listed = "".join(f"- `{known[i].path}` (kopie van {i} v{known[i].clause.versie} uit "
                     f"{known[i].origin})\n" for i in dict.fromkeys(ids))
    copies = f"\nGekopieerd bij het aanmaken:\n\n{listed}" if listed else ""
    readme = README.format(naam=folder.name, map=folder, kopieen=copies)
    files[folder / "README.md"] = readme.encode()
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
    write_all(files)
    return list(files)
