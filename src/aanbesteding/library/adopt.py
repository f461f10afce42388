"""Adopt clauses (``bibliotheek vaststellen``): legal's sign-off, written into the
organisation library.

A clause that the organisation library already holds gets ``status: vastgesteld`` and the
reviewer and date in its own file; a clause that only the standard (or a lower layer) holds is
first copied into the organisation library, so the standard itself is never touched. The
version number is never changed: a copy whose wording differs from the clause it replaces but
kept that clause's version is refused, so that no changed text is adopted under an old number.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aanbesteding.errors import InputError, PolicyError
from aanbesteding.library.loader import Library, LoadedClause, load_library_with_problems
from aanbesteding.library.scaffold import existing_copy
from aanbesteding.library.sources import FolderSource, Source

ALL = ("alle", "all")
_STATUS = re.compile(r"^status:.*$", re.MULTILINE)
_REVIEW = re.compile(r"^beoordeeld_(door|op):.*\n", re.MULTILINE)
# What an adoption may change; anything else that differs is a change of the clause itself.
_REVIEW_FIELDS = {"status", "beoordeeld_door", "beoordeeld_op", "versie"}


@dataclass(frozen=True)
class Adoption:
    """What ``vaststellen`` did: clauses adopted in place, copied in first, or left alone."""

    adopted: tuple[str, ...]
    copied: tuple[str, ...]
    unchanged: tuple[str, ...]
    files: tuple[Path, ...]


def adopted_text(text: str, reviewer: str, date: dt.date) -> str:
    """A clause file's text with status vastgesteld, the reviewer and the review date."""
    review = (
        f"status: vastgesteld\nbeoordeeld_door: {json.dumps(reviewer, ensure_ascii=False)}"
        f"\nbeoordeeld_op: {date.isoformat()}"
    )
    return _STATUS.sub(lambda _: review, _REVIEW.sub("", text), count=1)


def _changed_without_version(item: LoadedClause, below: LoadedClause) -> bool:
    mine = item.clause.model_dump(mode="json", exclude=_REVIEW_FIELDS)
    theirs = below.clause.model_dump(mode="json", exclude=_REVIEW_FIELDS)
    return mine != theirs and item.clause.versie == below.clause.versie


def _load(sources: Sequence[Source | str | Path | None], what: str) -> Library:
    library, problems = load_library_with_problems(*sources, lint="full")
    if library is None:
        listed = "\n".join(str(p) for p in problems)
        raise PolicyError(
            f"vaststellen kan alleen als 'aanbesteding bibliotheek controleer "
            f"{what}' geen problemen meldt; er zijn er {len(problems)}:\n{listed}"
        )
    return library


def adopt(
    folder: Path, ids: Sequence[str], reviewer: str, date: dt.date, below: Sequence[str | Path | None] = (None,)
) -> Adoption:
    """Mark clauses ``ids`` (or ``alle``) adopted in organisation library ``folder``, which
    lies over the libraries ``below`` (the standard library by default).

    Raises InputError for an empty reviewer, a missing folder or unknown ids, PolicyError when
    the library has problems (``controleer`` must be clean) or a clause's wording changed
    without a new version; nothing is written then.
    """
    from aanbesteding.support.output import write_all

    if not reviewer.strip():
        raise InputError("geef de naam van de jurist die de clausules beoordeelde", field="door")
    if not folder.is_dir():
        raise InputError(
            f"de map bestaat niet; begin een organisatiebibliotheek met 'aanbesteding bibliotheek nieuw {folder}'",
            field="bibliotheek",
            subject=str(folder),
        )
    layer = FolderSource(folder.resolve(), str(folder))
    library = _load([*below, layer], f"--bibliotheek {folder}")
    base = {c.clause.id: c for c in _load(list(below), "").clauses} if below else {}
    items = library.by_id()
    if any(i.lower() in ALL for i in ids):
        wanted = [c.clause.id for c in library.clauses if c.clause.status != "vervallen"]
    else:
        unknown = [i for i in ids if i not in items]
        if unknown:
            raise InputError(
                f"onbekende clausule(s) {', '.join(unknown)}; "
                "'aanbesteding bibliotheek overzicht' toont de clausules, of geef "
                "'alle'"
            )
        wanted = list(dict.fromkeys(ids))
    if not wanted:
        raise InputError("geef de id's van de clausules die u vaststelt, of 'alle'")
    unbumped = [
        f"{i} (v{items[i].clause.versie})"
        for i in wanted
        if items[i].origin == layer.label and i in base and _changed_without_version(items[i], base[i])
    ]
    if unbumped:
        raise PolicyError(
            f"de tekst van {', '.join(unbumped)} wijkt af van de clausule die zij vervangt, "
            "maar heeft hetzelfde versienummer; verhoog eerst 'versie' (en schrijf een regel in "
            "WIJZIGINGEN.md), dan stelt u de gewijzigde tekst vast onder een eigen nummer"
        )
    files: dict[Path, bytes] = {}
    adopted, copied, unchanged = [], [], []
    for clause_id in wanted:
        item = items[clause_id]
        clause = item.clause
        if (
            clause.status == "vastgesteld"
            and clause.beoordeeld_door == reviewer
            and clause.beoordeeld_op == date
            and item.origin == layer.label
        ):
            unchanged.append(clause_id)
            continue
        own = existing_copy(folder, clause_id) if item.origin == layer.label else None
        target = own or folder / item.path
        if own is None:
            copied.append(clause_id)
        files[target] = adopted_text(item.text, reviewer, date).encode()
        adopted.append(clause_id)
    if copied and not (folder / "schema.json").exists():
        from aanbesteding.library.schema import clause_schema_json

        files[folder / "schema.json"] = clause_schema_json().encode()  # for the copies' editor
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
    if files:
        write_all(files, force=True)
    return Adoption(tuple(adopted), tuple(copied), tuple(unchanged), tuple(files))
