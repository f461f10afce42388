"""Import filled-in inschrijversformulieren into a new beoordelingsmatrix.

How the importer knows the tender: ``genereer`` writes a manifest beside the matrix
(``NAAM.manifest.json``) with the tender's inputs, the library's content hash and the SHA-256 of
every file. The importer reads that manifest, loads the library (the standard library, or the
layers given), checks that the library's content hash is the one recorded, composes the annex
again and checks that it gives the very bytes of the matrix. Only then does it build the new
matrix: the same grid with the bidders' answers pre-filled. The matrix is a committee document
and carries no tender data of its own; the original is never changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aanbesteding.errors import InputError, ResponseError
from aanbesteding.responses.form_spec import FormLayout, form_layout
from aanbesteding.responses.intake import read_bytes
from aanbesteding.responses.model import Responses
from aanbesteding.responses.reader import FormProblem, ReadForm, read_form, shown

if TYPE_CHECKING:
    from aanbesteding.compose.annex import Annex

MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_KIND = "aanbesteding-manifest/1"
OUTPUT_SUFFIX = "-ingelezen.xlsx"
RECORD_SUFFIX = "-inleesverslag.docx"
JSON_SUFFIX = "-inschrijvingen.json"
MAX_MATRIX_BYTES = 50_000_000  # a grid for 20 bidders is well under 1 MB


@dataclass(frozen=True)
class Imported:
    """What an import did: the forms read (imported and refused) and the files it wrote."""

    annex: Annex
    layout: FormLayout
    matrix: Path
    matrix_sha256: str
    output: Path
    record: Path
    json: Path | None
    forms: tuple[ReadForm, ...]
    responses: Responses
    at: dt.datetime
    files: tuple[tuple[Path, str], ...]  # (path, SHA-256) of every file written

    @property
    def refused(self) -> tuple[ReadForm, ...]:
        return tuple(f for f in self.forms if f.response is None)


def _manifest(matrix: Path) -> tuple[Path, dict[str, Any]]:
    path = matrix.with_suffix(MANIFEST_SUFFIX)
    data, refusal = read_bytes(path, MAX_MATRIX_BYTES, "een manifest")
    if data is None:
        raise InputError(
            f"{path}: het manifest naast de matrix {refusal}; importeer in een "
            "matrix die 'aanbesteding genereer' schreef, met haar manifest ernaast"
        )
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: geen geldig manifest (JSON): {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("manifest") != MANIFEST_KIND:
        raise InputError(f"{path}: geen manifest van aanbesteding")
    return path, manifest


def _recorded_matrix_hash(manifest: dict[str, Any], manifest_path: Path) -> str:
    files = manifest.get("bestanden")
    entries = (
        [f for f in files if isinstance(f, dict) and f.get("formaat") == "xlsx"] if isinstance(files, list) else []
    )
    if not entries:
        raise InputError(f"{manifest_path}: het manifest noemt geen beoordelingsmatrix")
    return str(entries[0].get("sha256", ""))


def rebuild_annex(matrix: Path, library_sources: Sequence[str | None]) -> tuple[Annex, bytes, dict[str, Any]]:
    """The annex behind ``matrix``, the matrix's bytes and its manifest, checked together.

    Raises InputError when the matrix, its manifest or the library do not belong together.
    """
    from aanbesteding.compose.composer import compose_annex
    from aanbesteding.library.loader import load_library
    from aanbesteding.tender.model import build_tender
    from aanbesteding.writers.xlsx.grid import grid_bytes

    if matrix.suffix.lower() != ".xlsx":
        raise InputError(f"{matrix}: geen beoordelingsmatrix (.xlsx)")
    data, refusal = read_bytes(matrix, MAX_MATRIX_BYTES, "een beoordelingsmatrix")
    if data is None:
        raise InputError(f"{matrix}: de matrix {refusal}")
    manifest_path, manifest = _manifest(matrix)
    digest = hashlib.sha256(data).hexdigest()
    if _recorded_matrix_hash(manifest, manifest_path) != digest:
        raise InputError(
            f"{matrix}: de matrix is gewijzigd sinds 'genereer' haar schreef (de "
            f"SHA-256 wijkt af van {manifest_path.name}); importeer in de "
            "ongewijzigde matrix, de commissie vult daarna de nieuwe matrix in"
        )
    library = load_library(*library_sources)
    recorded = manifest.get("bibliotheek", {})
    expected = recorded.get("inhoudshash") if isinstance(recorded, dict) else None
    if library.content_hash != expected:
        raise InputError(
            f"{matrix}: de matrix is gemaakt met een andere bibliotheek "
            f"(inhoudshash {shown(str(expected))}, nu {library.content_hash}); gebruik "
            "dezelfde bibliotheek als bij 'genereer'"
        )
    values = manifest.get("aanbesteding")
    if not isinstance(values, dict):
        raise InputError(f"{manifest_path}: het manifest bevat geen aanbestedingsgegevens")
    annex = compose_annex(library, build_tender(values, source=str(manifest_path)))
    if grid_bytes(annex) != data:
        raise InputError(
            f"{matrix}: de matrix kan niet opnieuw worden opgebouwd uit het manifest "
            "(gemaakt met een andere versie van aanbesteding?); genereer haar "
            "opnieuw met deze versie"
        )
    return annex, data, manifest


def published_form(manifest: dict[str, Any]) -> tuple[str, str] | None:
    """(file name, SHA-256) of the inschrijversformulier the manifest records, if any."""
    files = manifest.get("bestanden")
    for entry in files if isinstance(files, list) else []:
        if isinstance(entry, dict) and entry.get("formaat") == "formulier":
            return str(entry.get("pad", "")), str(entry.get("sha256", ""))
    return None


def _cross_check(forms: list[ReadForm], bidders: Sequence[str]) -> list[ReadForm]:
    """Add a problem to each form whose bidder the grid does not name, or that another form
    also names; return the forms with those problems added."""
    names = [f.response.bidder for f in forms if f.response is not None]
    checked = []
    for form in forms:
        extra: list[FormProblem] = []
        if form.response is not None:
            name = form.response.bidder
            if name not in bidders:
                extra.append(
                    FormProblem(
                        form.name,
                        name,
                        "Inschrijver: naam",
                        f"de inschrijver "
                        f"'{shown(name)}' staat niet in de matrix (de matrix kent: "
                        f"{', '.join(bidders)})",
                    )
                )
            elif names.count(name) > 1:
                others = [
                    f.name for f in forms if f is not form and f.response is not None and f.response.bidder == name
                ]
                extra.append(
                    FormProblem(
                        form.name, name, "Inschrijver: naam", f"dezelfde inschrijver staat ook in {', '.join(others)}"
                    )
                )
        if extra:
            form = ReadForm(
                form.name, form.sha256, form.size, form.bidder, None, (*form.problems, *extra), form.differences
            )
        checked.append(form)
    return checked


def _outputs(matrix: Path, output: Path | None, forms: Sequence[Path], ocds: bool) -> tuple[Path, Path, Path | None]:
    target = output or matrix.with_name(matrix.stem + OUTPUT_SUFFIX)
    if target.suffix.lower() != ".xlsx":
        raise InputError(f"{target}: de nieuwe matrix moet de extensie .xlsx hebben")
    published = matrix.with_name(matrix.stem + "-inschrijversformulier.xlsx")
    for source in (matrix, published, *forms):
        if target.resolve() == source.resolve():
            raise InputError(
                f"{target}: de nieuwe matrix mag de matrix of een formulier niet overschrijven; kies een andere naam"
            )
    record = target.with_name(target.stem + RECORD_SUFFIX)
    return target, record, target.with_name(target.stem + JSON_SUFFIX) if ocds else None


def import_forms(
    matrix: Path,
    forms: Sequence[Path],
    *,
    output: Path | None = None,
    partial: bool = False,
    library_sources: Sequence[str | None] = (None,),
    force: bool = False,
    ocds: bool = False,
    at: dt.datetime | None = None,
) -> Imported:
    """Read and check every form, then write the new matrix and the import record as one unit.

    Raises InputError (matrix, manifest, library, output), ResponseError listing every problem
    per form and row (unless ``partial``, which imports the valid forms and records the rest),
    or OutputError. Nothing is written when it raises.
    """
    from aanbesteding.support.output import check_writable, write_all

    if not forms:
        raise InputError("geef ten minste één inschrijversformulier op")
    target, record_path, json_path = _outputs(matrix, output, forms, ocds)
    check_writable([p for p in (target, record_path, json_path) if p is not None], force)
    annex, data, manifest = rebuild_annex(matrix, library_sources)
    layout = form_layout(annex)
    bidders = list(annex.tender.inschrijvers)
    read = _cross_check([read_form(path, layout) for path in forms], bidders)
    problems = [str(p) for f in read for p in f.problems]
    valid = [f for f in read if f.response is not None]
    if problems and not partial:
        raise ResponseError(problems)
    if not valid:
        raise ResponseError(problems, "geen enkel formulier kan worden ingelezen; er is niets geschreven")
    ordered = sorted((f.response for f in valid if f.response is not None), key=lambda r: bidders.index(r.bidder))
    responses = Responses(tuple(ordered))
    stamp = (at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    contents = _contents(
        annex, layout, matrix, data, read, responses, stamp, target, record_path, json_path, published_form(manifest)
    )
    write_all(contents, force=force)
    return Imported(
        annex,
        layout,
        matrix,
        hashlib.sha256(data).hexdigest(),
        target,
        record_path,
        json_path,
        tuple(read),
        responses,
        stamp,
        tuple((p, hashlib.sha256(b).hexdigest()) for p, b in contents.items()),
    )


def _contents(
    annex: Annex,
    layout: FormLayout,
    matrix: Path,
    data: bytes,
    read: list[ReadForm],
    responses: Responses,
    stamp: dt.datetime,
    target: Path,
    record_path: Path,
    json_path: Path | None,
    published: tuple[str, str] | None,
) -> dict[Path, bytes]:
    from aanbesteding.assemble.import_record_content import record_blocks
    from aanbesteding.writers.docx.import_record import record_bytes
    from aanbesteding.writers.xlsx.grid import grid_bytes

    new_matrix = grid_bytes(annex, responses)
    contents = {target: new_matrix}
    if json_path is not None:
        from aanbesteding.writers.export.ocds import ocds_bytes

        contents[json_path] = ocds_bytes(annex, responses)
    blocks = record_blocks(
        annex,
        layout,
        read,
        stamp,
        (matrix.name, hashlib.sha256(data).hexdigest()),
        (target.name, hashlib.sha256(new_matrix).hexdigest()),
        published,
    )
    contents[record_path] = record_bytes(annex, blocks)
    return contents
