"""The officer's main job as one library call: tender -> Word annex (+ Excel grid) on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.errors import OutputError
from aanbesteding.library.loader import load_library
from aanbesteding.support.output import check_writable, write_atomic
from aanbesteding.tender.model import Tender


@dataclass(frozen=True)
class Generated:
    """What :func:`generate` wrote."""

    annex: Annex
    docx: Path
    xlsx: Path | None


def default_output_name(tender: Tender) -> str:
    """E.g. ``bijlage-soevereiniteit-laag2-saas.docx``."""
    return f"bijlage-soevereiniteit-laag{tender.laag.value}-{tender.contracttype}.docx"


def grid_path_for(docx_path: Path) -> Path:
    """The Excel grid sits beside the annex with the same name."""
    return docx_path.with_suffix(".xlsx")


def generate(tender: Tender, output: Path, *, library_path: Path | None = None,
             template: Path | None = None, with_grid: bool = True,
             force: bool = False) -> Generated:
    """Compose the annex and write the .docx (and the .xlsx beside it) atomically.

    Both files are built in memory first and existing files are checked before anything is
    written, so a failure leaves no half result. Raises LibraryError, InputError,
    TemplateError, DocumentTemplateError or OutputError.
    """
    from aanbesteding.writers.docx.annex import annex_bytes

    if output.suffix.lower() != ".docx":
        raise OutputError(f"--uitvoer {output}: de bijlage moet de extensie .docx hebben")
    grid = grid_path_for(output) if with_grid else None
    check_writable([p for p in (output, grid) if p is not None], force)
    annex = compose_annex(load_library(library_path), tender)
    docx_data = annex_bytes(annex, template)
    xlsx_data: bytes | None = None
    if grid is not None:
        from aanbesteding.writers.xlsx.grid import grid_bytes

        xlsx_data = grid_bytes(annex)
    write_atomic(output, docx_data, force=force)
    if grid is not None and xlsx_data is not None:
        write_atomic(grid, xlsx_data, force=force)
    return Generated(annex, output, grid)
