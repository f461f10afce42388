"""The core as a library: tender + library -> documents on disk, with warnings and a manifest.

    from pathlib import Path
    from aanbesteding.api import generate, load_library, build_tender

    library = load_library()                      # load and lint once
    tender = build_tender({"laag": 2, "contracttype": "saas"})
    result = generate(tender, library, Path("bijlage.docx"))
    result.files, result.warnings, result.manifest()

Everything raises subclasses of :class:`aanbesteding.errors.AanbestedingError`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aanbesteding import __version__
from aanbesteding.errors import OutputError

if TYPE_CHECKING:
    from aanbesteding.compose.annex import Annex
    from aanbesteding.library.loader import Library
    from aanbesteding.tender.model import Tender

__all__ = ["FORMATS", "Generated", "WrittenFile", "build_tender", "default_output_name",
           "generate", "generate_many", "load_library", "planned_paths"]


@dataclass(frozen=True)
class Format:
    """An output format: how its file name ends and the writer that turns an annex into bytes."""

    name: str
    suffix: str  # what follows the common file stem, e.g. ".xlsx" or "-verantwoording.docx"
    label: str
    writer: str  # "module:function", imported only when the format is written
    takes_template: bool = False  # the writer accepts a Word base document (--sjabloon)
    records_files: bool = False  # the writer records the files written before it (name, hash)

    def write(self, annex: Annex, template: Path | None,
              earlier: dict[str, str] | None = None) -> bytes:
        module, _, function = self.writer.partition(":")
        produce: Callable[..., bytes] = getattr(import_module(module), function)
        args: list[object] = [annex]
        if self.takes_template:
            args.append(template)
        if self.records_files:
            args.append(dict(earlier or {}))
        return produce(*args)


FORMATS: dict[str, Format] = {
    "docx": Format("docx", ".docx", "Bijlage", "aanbesteding.writers.docx.annex:annex_bytes",
                   takes_template=True),
    "xlsx": Format("xlsx", ".xlsx", "Beoordelingsmatrix", "aanbesteding.writers.xlsx.grid:grid_bytes"),
    "formulier": Format("formulier", "-inschrijversformulier.xlsx", "Inschrijversformulier",
                        "aanbesteding.writers.xlsx.form:form_bytes"),
    "verantwoording": Format("verantwoording", "-verantwoording.docx", "Verantwoording",
                             "aanbesteding.writers.docx.accountability:accountability_bytes",
                             takes_template=True, records_files=True),
    "pdf": Format("pdf", ".pdf", "Bijlage (PDF)", "aanbesteding.writers.export.pdf:pdf_bytes",
                  takes_template=True),
    "verantwoording-pdf": Format("verantwoording-pdf", "-verantwoording.pdf",
                                 "Verantwoording (PDF)",
                                 "aanbesteding.writers.export.pdf:accountability_pdf_bytes",
                                 takes_template=True, records_files=True),
    "json": Format("json", ".json", "OCDS-export", "aanbesteding.writers.export.ocds:ocds_bytes"),
}
DEFAULT_FORMATS: tuple[str, ...] = ("docx", "xlsx", "formulier", "verantwoording")
MANIFEST_KIND = "aanbesteding-manifest/1"
MANIFEST_SUFFIX = ".manifest.json"


def manifest_path(output: Path) -> Path:
    """Where the manifest of a generation goes: beside ``output``, e.g. ``bijlage.manifest.json``."""
    return output.with_suffix(MANIFEST_SUFFIX)


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
        """Plain data for an audit manifest: tool, library, tender inputs, the clauses used
        (id, version, file hash, origin), files and hashes. ``names_only`` gives file names
        instead of paths (as in the manifest beside the documents, so it does not depend on
        the folder it was written from)."""
        tender = self.annex.tender
        return {
            "manifest": MANIFEST_KIND,
            "programma": f"aanbesteding {__version__}",
            "bibliotheek": {"inhoudshash": self.annex.library_hash,
                            "bronnen": list(self.library_origins)},
            "aanbesteding": tender.model_dump(mode="json"),
            "clausules": [{"nummer": r.number, "id": r.clause_id, "versie": r.version,
                           "status": r.status, "sha256": r.digest, "herkomst": r.origin}
                          for r in self.annex.requirements],
            "hoofdstukken": [{"id": c.chapter_id, "versie": c.version, "status": c.status,
                              "sha256": c.digest, "herkomst": c.origin}
                             for c in self.annex.chapters.values()],
            "bestanden": [{"formaat": f.format,
                           "pad": f.path.name if names_only else str(f.path),
                           "sha256": f.sha256, "bytes": f.size} for f in self.files],
            "waarschuwingen": list(self.warnings),
        }


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
    return (f"bijlage-soevereiniteit-{prefix}laag{tender.laag.value}-{tender.contracttype}"
            f"{version}.docx")


def output_paths(output: Path, formats: Sequence[str]) -> dict[str, Path]:
    """The file of each format: ``output``'s stem with the format's ending, side by side."""
    from aanbesteding.support.files import output_name_problem, shown

    problem = output_name_problem(output)
    if problem:
        raise OutputError(f"--uitvoer {shown(output)}: {problem}")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise OutputError(f"onbekend uitvoerformaat {', '.join(unknown) or '(geen)'}; kies uit "
                          f"{', '.join(FORMATS)}")
    first = FORMATS[formats[0]]
    extension = "." + first.suffix.rsplit(".", 1)[-1]
    if output.suffix.lower() not in ("", extension):
        raise OutputError(f"--uitvoer {output}: de {first.label.lower()} moet de extensie "
                          f"{extension} hebben")
    stem = output.with_suffix("") if output.suffix.lower() == extension else output
    return {f: stem.with_name(stem.name + FORMATS[f].suffix) for f in dict.fromkeys(formats)}


def planned_paths(output: Path, formats: Sequence[str] = DEFAULT_FORMATS, *,
                  manifest: bool = True) -> list[Path]:
    """Every file a generation to ``output`` writes (the manifest included); raises
    OutputError when a format is unknown or a name cannot be a file name (empty, too long
    with its ending, not UTF-8), before any work is done."""
    from aanbesteding.support.files import check_output_names

    paths = [*output_paths(output, formats).values(), *([manifest_path(output)] if manifest else [])]
    check_output_names(paths)
    return paths


def generate(tender: Tender, library: Library | None, output: Path, *,
             formats: Sequence[str] = DEFAULT_FORMATS, template: Path | None = None,
             force: bool = False, manifest: bool = True) -> Generated:
    """Compose the annex for ``tender`` and write it in each format, as one unit, with a
    manifest (JSON, see :meth:`Generated.manifest`) beside it unless ``manifest`` is false.

    ``library`` is a loaded library (None: the standard library). Every file is built in
    memory and existing files are checked before anything is written, so a failure leaves
    no half result. ``pdf`` converts the .docx through LibreOffice once and also writes the
    page numbers into the .docx's table of contents; ``verantwoording-pdf`` does the same for
    the verantwoording (OutputError when LibreOffice or its UNO bridge is missing). Raises
    LibraryError, InputError, PolicyError, TemplateError, DocumentTemplateError or
    OutputError.
    """
    import json

    from aanbesteding.compose.composer import compose_annex
    from aanbesteding.compose.policy import status_gate
    from aanbesteding.support.output import check_writable, write_all

    paths = output_paths(output, formats)
    record = manifest_path(output) if manifest else None
    check_writable([*paths.values(), *([record] if record else [])], force)
    library = library if library is not None else load_library()
    annex = compose_annex(library, tender)
    warnings = status_gate(annex)
    later = ("pdf", "verantwoording", "verantwoording-pdf")  # need the others' final bytes
    contents: dict[Path, bytes] = {path: FORMATS[name].write(annex, template)
                                   for name, path in paths.items() if name not in later}
    if "pdf" in paths:  # also fills the .docx's table of contents with page numbers
        _add_pdf(contents, paths, annex, template)
    if "verantwoording" in paths or "verantwoording-pdf" in paths:  # records every other file
        earlier = {p.name: hashlib.sha256(data).hexdigest() for p, data in contents.items()}
        _add_accountability(contents, paths, annex, template, earlier)
    files = tuple(WrittenFile(name, FORMATS[name].label, paths[name],
                              hashlib.sha256(contents[paths[name]]).hexdigest(),
                              len(contents[paths[name]])) for name in paths)
    result = Generated(annex, files, tuple(warnings), library.origins, record)
    if record is not None:
        data = json.dumps(result.manifest(names_only=True), ensure_ascii=False, indent=2)
        contents[record] = (data + "\n").encode()
    write_all(contents, force=force)
    return result


def _add_pdf(contents: dict[Path, bytes], paths: dict[str, Path], annex: Annex,
             template: Path | None) -> None:
    """Convert the .docx to PDF once; fill the .docx's table of contents with the pages."""
    from aanbesteding.writers.export.pdf import convert, fill_toc_pages, stable_pdf

    docx = contents.get(paths.get("docx", Path())) or FORMATS["docx"].write(annex, template)
    pdf, pages = convert(docx)
    contents[paths["pdf"]] = stable_pdf(pdf, annex.tender.datum)
    if "docx" in paths:
        contents[paths["docx"]] = fill_toc_pages(docx, pages, annex.tender.datum)


def _add_accountability(contents: dict[Path, bytes], paths: dict[str, Path], annex: Annex,
                        template: Path | None, earlier: dict[str, str]) -> None:
    """The verantwoording; as PDF too when asked, which also fills its table of contents."""
    record = FORMATS["verantwoording"].write(annex, template, earlier)
    if "verantwoording-pdf" in paths:
        from aanbesteding.writers.export.pdf import convert, fill_toc_pages, stable_pdf

        pdf, pages = convert(record)
        contents[paths["verantwoording-pdf"]] = stable_pdf(pdf, annex.tender.datum)
        record = fill_toc_pages(record, pages, annex.tender.datum)
    if "verantwoording" in paths:
        contents[paths["verantwoording"]] = record


def generate_many(jobs: Iterable[tuple[Tender, Path]], library: Library | None = None, *,
                  formats: Sequence[str] = DEFAULT_FORMATS, template: Path | None = None,
                  force: bool = False) -> list[Generated]:
    """:func:`generate` for several tenders, loading and linting the library once."""
    library = library if library is not None else load_library()
    return [generate(tender, library, output, formats=formats, template=template, force=force)
            for tender, output in jobs]
