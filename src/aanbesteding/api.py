"""The core as a library: tender + library -> documents in memory, or on disk.

    from pathlib import Path
    from aanbesteding.api import build, generate, load_library, build_tender

    library = load_library()                      # load and lint once
    tender = build_tender({"laag": 2, "contracttype": "saas"})
    documents = build(tender, library, ("docx", "xlsx"))   # bytes, warnings, manifest; no disk
    documents.files["docx"].data, documents.warnings, documents.manifest
    result = generate(tender, library, Path("bijlage.docx"))   # build + write as one unit

Everything raises subclasses of :class:`aanbesteding.errors.AanbestedingError`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aanbesteding import __version__
from aanbesteding.errors import OutputError
from aanbesteding.formats import FORMATS, Format, build_order, check_formats
from aanbesteding.manifest import (
    MANIFEST_KIND,
    MANIFEST_SUFFIX,
    ChapterRecord,
    ClauseRecord,
    FileRecord,
    LibraryRecord,
    Manifest,
)

if TYPE_CHECKING:
    from aanbesteding.compose.annex import Annex
    from aanbesteding.library.loader import Library
    from aanbesteding.tender.model import Tender

__all__ = [
    "FORMATS",
    "Document",
    "Documents",
    "Format",
    "Generated",
    "Manifest",
    "WrittenFile",
    "build",
    "build_tender",
    "default_output_name",
    "generate",
    "generate_many",
    "load_library",
    "planned_paths",
]


DEFAULT_FORMATS: tuple[str, ...] = ("docx", "xlsx", "formulier", "verantwoording")
DEFAULT_STEM = "bijlage"


def manifest_path(output: Path) -> Path:
    """Where the manifest of a generation goes: beside ``output``, e.g. ``bijlage.manifest.json``."""
    return output.with_suffix(MANIFEST_SUFFIX)


@dataclass(frozen=True)
class Document:
    """One file of a generation, in memory."""

    format: str
    label: str
    name: str  # file name, e.g. bijlage-verantwoording.docx
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Documents:
    """What :func:`build` made: the annex, every file as bytes, the warnings, the manifest."""

    annex: Annex
    files: dict[str, Document]  # format -> document, in the order asked for
    warnings: tuple[str, ...]
    library_origins: tuple[str, ...]

    @property
    def manifest(self) -> Manifest:
        """The audit manifest, with the files by name (as written beside the documents)."""
        return make_manifest(
            self.annex,
            self.library_origins,
            self.warnings,
            [(d.format, d.name, d.sha256, len(d.data)) for d in self.files.values()],
        )


def make_manifest(
    annex: Annex, origins: Sequence[str], warnings: Sequence[str], files: Sequence[tuple[str, str, str, int]]
) -> Manifest:
    """The manifest of a generation; ``files`` as (format, name or path, sha256, size)."""
    return Manifest(
        manifest=MANIFEST_KIND,
        programma=f"aanbesteding {__version__}",
        bibliotheek=LibraryRecord(inhoudshash=annex.library_hash, bronnen=list(origins)),
        aanbesteding=annex.tender.model_dump(mode="json"),
        clausules=[
            ClauseRecord(
                nummer=r.number, id=r.clause_id, versie=r.version, status=r.status, sha256=r.digest, herkomst=r.origin
            )
            for r in annex.requirements
        ],
        hoofdstukken=[
            ChapterRecord(id=c.chapter_id, versie=c.version, status=c.status, sha256=c.digest, herkomst=c.origin)
            for c in annex.chapters.values()
        ],
        bestanden=[FileRecord(formaat=fmt, pad=name, sha256=digest, size=size) for fmt, name, digest, size in files],
        waarschuwingen=list(warnings),
    )


@dataclass(frozen=True)
class WrittenFile:
    """One file :func:`generate` wrote."""

    format: str
    label: str
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class Generated:
    """What :func:`generate` did: the annex it composed, the files and the warnings."""

    annex: Annex
    files: tuple[WrittenFile, ...]
    warnings: tuple[str, ...]
    library_origins: tuple[str, ...]
    manifest_path: Path | None = None  # the manifest written beside the documents

    def path(self, fmt: str) -> Path | None:
        return next((f.path for f in self.files if f.format == fmt), None)

    def manifest(self, *, names_only: bool = False) -> dict[str, Any]:
        """Plain data for an audit manifest (see :class:`aanbesteding.manifest.Manifest`);
        ``names_only`` gives file names instead of paths (as in the manifest beside the
        documents, so it does not depend on the folder it was written from)."""
        files = [(f.format, f.path.name if names_only else str(f.path), f.sha256, f.size) for f in self.files]
        model = make_manifest(self.annex, self.library_origins, self.warnings, files)
        data: dict[str, Any] = model.model_dump(mode="json", by_alias=True)
        return data


def load_library(*sources: Any, **options: Any) -> Library:
    """See :func:`aanbesteding.library.loader.load_library`."""
    from aanbesteding.library.loader import load_library as load

    return load(*sources, **options)


def build_tender(values: dict[str, object], source: str = "opties") -> Tender:
    """See :func:`aanbesteding.tender.model.build_tender`."""
    from aanbesteding.tender.model import build_tender as build

    return build(values, source=source)


def default_output_name(tender: Tender) -> str:
    """E.g. ``bijlage-soevereiniteit-ink-2026-042-laag2-saas-v1.1.docx``: the kenmerk (or else
    the organisation, unless it is the default) keeps the files of different tenders apart,
    and a --versie other than 1.0 those of different versions."""
    from aanbesteding.tender.model import Tender as TenderModel
    from aanbesteding.writers.export.ocds import slug

    default_org = TenderModel.model_fields["organisatie"].default
    reference = tender.kenmerk or (tender.organisatie if tender.organisatie != default_org else "") or ""
    short = slug(reference)[:100].rstrip("-")  # a 200-character kenmerk still gives a valid name
    prefix = f"{short}-" if short else ""
    # A document version other than the default goes in the name, so a new version of the
    # set is written beside the earlier one instead of over it.
    default_version = TenderModel.model_fields["versie"].default
    version = re.sub(r"[^0-9a-z.]+", "-", tender.versie.lower())[:30].strip("-.")
    version = f"-v{version}" if version and tender.versie != default_version else ""
    return f"bijlage-soevereiniteit-{prefix}laag{tender.laag.value}-{tender.contracttype}{version}.docx"


def output_paths(output: Path, formats: Sequence[str]) -> dict[str, Path]:
    """The file of each format: ``output``'s stem with the format's ending, side by side."""
    from aanbesteding.support.files import output_name_problem, shown

    problem = output_name_problem(output)
    if problem:
        raise OutputError(problem, field="uitvoer", subject=shown(output))
    check_formats(formats)
    first = FORMATS[formats[0]]
    extension = "." + first.suffix.rsplit(".", 1)[-1]
    if output.suffix.lower() not in ("", extension):
        raise OutputError(
            f"de {first.label.lower()} moet de extensie {extension} hebben", field="uitvoer", subject=str(output)
        )
    stem = output.with_suffix("") if output.suffix.lower() == extension else output
    return {f: stem.with_name(stem.name + FORMATS[f].suffix) for f in dict.fromkeys(formats)}


def planned_paths(output: Path, formats: Sequence[str] = DEFAULT_FORMATS, *, manifest: bool = True) -> list[Path]:
    """Every file a generation to ``output`` writes (the manifest included); raises
    OutputError when a format is unknown or a name cannot be a file name (empty, too long
    with its ending, not UTF-8), before any work is done."""
    from aanbesteding.support.files import check_output_names

    paths = [*output_paths(output, formats).values(), *([manifest_path(output)] if manifest else [])]
    check_output_names(paths)
    return paths


def build(
    tender: Tender,
    library: Library | None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    template: Path | None = None,
    stem: str = DEFAULT_STEM,
) -> Documents:
    """Compose the annex for ``tender`` and make every file of ``formats`` in memory.

    Writes nothing to disk. Files are named ``stem`` plus the format's ending (the names
    the verantwoording and the manifest record). ``library`` is a loaded library (None: the
    standard library). Raises LibraryError, InputError, PolicyError, TemplateError,
    DocumentTemplateError or OutputError (``pdf`` without LibreOffice and its UNO bridge).
    """
    from aanbesteding.compose.composer import compose_annex
    from aanbesteding.compose.rules import status_gate

    check_formats(formats)
    asked = list(dict.fromkeys(formats))
    library = library if library is not None else load_library()
    annex = compose_annex(library, tender)
    warnings = status_gate(annex)
    names = {name: stem + FORMATS[name].suffix for name in FORMATS}
    made: dict[str, bytes] = {}
    for name in build_order(asked):
        fmt = FORMATS[name]
        # Recorded in the order asked, the formats that need another after the others.
        recorded = (
            {
                names[n]: hashlib.sha256(made[n]).hexdigest()
                for n in sorted(asked, key=lambda n: (bool(FORMATS[n].needs), asked.index(n)))
                if n in made and n != name
            }
            if fmt.records_files
            else None
        )
        made.update(fmt.write(annex, template, made, recorded))
    files = {name: Document(name, FORMATS[name].label, names[name], made[name]) for name in asked}
    return Documents(annex, files, tuple(warnings), library.origins)


def generate(
    tender: Tender,
    library: Library | None,
    output: Path,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    template: Path | None = None,
    force: bool = False,
    manifest: bool = True,
) -> Generated:
    """:func:`build` the files and write them beside ``output`` as one unit, with the
    manifest (``<naam>.manifest.json``) unless ``manifest`` is false.

    Existing files are checked before anything is built, and a failure leaves no half
    result. ``pdf`` and ``verantwoording-pdf`` also give their .docx the table of contents'
    page numbers (OutputError when LibreOffice or its UNO bridge is missing). Raises what
    :func:`build` raises, and OutputError for files that exist (without ``force``) or cannot
    be written.
    """
    from aanbesteding.support.output import check_writable, write_all

    paths = output_paths(output, formats)
    record = manifest_path(output) if manifest else None
    check_writable([*paths.values(), *([record] if record else [])], force)
    stem = next(iter(paths.values())).name.removesuffix(FORMATS[next(iter(paths))].suffix)
    documents = build(tender, library, list(paths), template=template, stem=stem)
    contents = {paths[name]: doc.data for name, doc in documents.files.items()}
    files = tuple(
        WrittenFile(name, doc.label, paths[name], doc.sha256, len(doc.data)) for name, doc in documents.files.items()
    )
    if record is not None:
        contents[record] = documents.manifest.to_json().encode()
    write_all(contents, force=force)
    return Generated(documents.annex, files, documents.warnings, documents.library_origins, record)


def generate_many(
    jobs: Iterable[tuple[Tender, Path]],
    library: Library | None = None,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    template: Path | None = None,
    force: bool = False,
) -> list[Generated]:
    """:func:`generate` for several tenders, loading and linting the library once."""
    library = library if library is not None else load_library()
    return [
        generate(tender, library, output, formats=formats, template=template, force=force) for tender, output in jobs
    ]
