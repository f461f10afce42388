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
           "generate", "generate_many", "load_library"]


@dataclass(frozen=True)
class Format:
    """An output format: its file suffix and the writer that turns an annex into bytes."""

    name: str
    suffix: str
    label: str
    writer: str  # "module:function", imported only when the format is written
    takes_template: bool = False  # the writer accepts a Word base document (--sjabloon)

    def write(self, annex: Annex, template: Path | None) -> bytes:
        module, _, function = self.writer.partition(":")
        produce: Callable[..., bytes] = getattr(import_module(module), function)
        return produce(annex, template) if self.takes_template else produce(annex)


FORMATS: dict[str, Format] = {
    "docx": Format("docx", ".docx", "Bijlage", "aanbesteding.writers.docx.annex:annex_bytes",
                   takes_template=True),
    "xlsx": Format("xlsx", ".xlsx", "Beoordelingsmatrix", "aanbesteding.writers.xlsx.grid:grid_bytes"),
    "pdf": Format("pdf", ".pdf", "Bijlage (PDF)", "aanbesteding.writers.export.pdf:pdf_bytes",
                  takes_template=True),
    "json": Format("json", ".json", "OCDS-export", "aanbesteding.writers.export.ocds:ocds_bytes"),
}
DEFAULT_FORMATS: tuple[str, ...] = ("docx", "xlsx")


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

    def path(self, fmt: str) -> Path | None:
        return next((f.path for f in self.files if f.format == fmt), None)

    def manifest(self) -> dict[str, Any]:
        """Plain data for an audit manifest: tool, library, tender inputs, files and hashes."""
        tender = self.annex.tender
        return {
            "programma": f"aanbesteding {__version__}",
            "bibliotheek": {"inhoudshash": self.annex.library_hash,
                            "bronnen": list(self.library_origins)},
            "aanbesteding": tender.model_dump(mode="json"),
            "bestanden": [{"formaat": f.format, "pad": str(f.path), "sha256": f.sha256,
                           "bytes": f.size} for f in self.files],
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
    """E.g. ``bijlage-soevereiniteit-ink-2026-042-laag2-saas.docx``: the kenmerk (or else the
    organisation, unless it is the default) keeps the files of different tenders apart."""
    from aanbesteding.tender.model import Tender as TenderModel
    from aanbesteding.writers.export.ocds import slug

    default_org = TenderModel.model_fields["organisatie"].default
    reference = tender.kenmerk or (tender.organisatie if tender.organisatie != default_org else "")
    prefix = f"{slug(reference)}-" if slug(reference) else ""
    return f"bijlage-soevereiniteit-{prefix}laag{tender.laag.value}-{tender.contracttype}.docx"


def output_paths(output: Path, formats: Sequence[str]) -> dict[str, Path]:
    """The file of each format: ``output`` with the format's suffix (they sit side by side)."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise OutputError(f"onbekend uitvoerformaat {', '.join(unknown) or '(geen)'}; kies uit "
                          f"{', '.join(FORMATS)}")
    first = FORMATS[formats[0]]
    if output.suffix.lower() not in ("", first.suffix):
        raise OutputError(f"--uitvoer {output}: de {first.label.lower()} moet de extensie "
                          f"{first.suffix} hebben")
    return {f: output.with_suffix(FORMATS[f].suffix) for f in dict.fromkeys(formats)}


def generate(tender: Tender, library: Library | None, output: Path, *,
             formats: Sequence[str] = DEFAULT_FORMATS, template: Path | None = None,
             force: bool = False) -> Generated:
    """Compose the annex for ``tender`` and write it in each format, as one unit.

    ``library`` is a loaded library (None: the standard library). Every file is built in
    memory and existing files are checked before anything is written, so a failure leaves
    no half result. ``pdf`` converts the .docx through LibreOffice once and also writes the
    page numbers into the .docx's table of contents (OutputError when LibreOffice or its UNO
    bridge is missing). Raises LibraryError, InputError, PolicyError, TemplateError,
    DocumentTemplateError or OutputError.
    """
    from aanbesteding.compose.composer import compose_annex
    from aanbesteding.compose.policy import status_gate
    from aanbesteding.support.output import check_writable, write_all

    paths = output_paths(output, formats)
    check_writable(paths.values(), force)
    library = library if library is not None else load_library()
    annex = compose_annex(library, tender)
    warnings = status_gate(annex)
    contents = {paths[name]: FORMATS[name].write(annex, template)
                for name in paths if name != "pdf"}
    if "pdf" in paths:
        _add_pdf(contents, paths, annex, template)
    write_all(contents, force=force)
    files = tuple(WrittenFile(name, FORMATS[name].label, paths[name],
                              hashlib.sha256(contents[paths[name]]).hexdigest(),
                              len(contents[paths[name]])) for name in paths)
    return Generated(annex, files, tuple(warnings), library.origins)


def _add_pdf(contents: dict[Path, bytes], paths: dict[str, Path], annex: Annex,
             template: Path | None) -> None:
    """Convert the .docx to PDF once; fill the .docx's table of contents with the pages."""
    from aanbesteding.writers.export.pdf import convert, fill_toc_pages, stable_pdf

    docx = contents.get(paths.get("docx", Path())) or FORMATS["docx"].write(annex, template)
    pdf, pages = convert(docx)
    contents[paths["pdf"]] = stable_pdf(pdf, annex.tender.datum)
    if "docx" in paths:
        contents[paths["docx"]] = fill_toc_pages(docx, pages, annex.tender.datum)


def generate_many(jobs: Iterable[tuple[Tender, Path]], library: Library | None = None, *,
                  formats: Sequence[str] = DEFAULT_FORMATS, template: Path | None = None,
                  force: bool = False) -> list[Generated]:
    """:func:`generate` for several tenders, loading and linting the library once."""
    library = library if library is not None else load_library()
    return [generate(tender, library, output, formats=formats, template=template, force=force)
            for tender, output in jobs]
