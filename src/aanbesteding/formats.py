"""The output formats of a generation and what each needs: the writer that makes its bytes
from the annex, the formats it needs first, and the order that follows from that."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from aanbesteding.errors import OutputError

if TYPE_CHECKING:
    from aanbesteding.compose.annex import Annex


@dataclass(frozen=True)
class Format:
    """An output format: how its file name ends, the writer that makes its bytes, and what the
    writer needs besides the annex.

    The writer (``module:function``, imported only when the format is built) is called with
    the annex, then the Word base document if ``takes_template``, then the bytes of every
    format in ``needs`` (built first, also when not asked for), then, if ``records_files``,
    ``{file name: sha256}`` of every other file of the generation (so it is built last). It
    returns bytes, or a mapping of format to bytes when it also gives new bytes for formats
    in ``updates`` (the PDF gives the .docx its table-of-contents page numbers).
    """

    name: str
    suffix: str  # what follows the common file stem, e.g. ".xlsx" or "-verantwoording.docx"
    label: str
    writer: str
    takes_template: bool = False  # the writer accepts a Word base document (--sjabloon)
    needs: tuple[str, ...] = ()
    records_files: bool = False
    updates: tuple[str, ...] = ()

    def write(
        self,
        annex: Annex,
        template: Path | None,
        needed: Mapping[str, bytes],
        recorded: Mapping[str, str] | None = None,
    ) -> dict[str, bytes]:
        module, _, function = self.writer.partition(":")
        produce: Callable[..., bytes | Mapping[str, bytes]] = getattr(import_module(module), function)
        args: list[object] = [annex]
        if self.takes_template:
            args.append(template)
        args.extend(needed[name] for name in self.needs)
        if self.records_files:
            args.append(dict(recorded or {}))
        result = produce(*args)
        if isinstance(result, bytes):
            return {self.name: result}
        return {name: data for name, data in result.items() if name == self.name or name in self.updates}


FORMATS: dict[str, Format] = {
    "docx": Format("docx", ".docx", "Bijlage", "aanbesteding.writers.docx.annex:annex_bytes", takes_template=True),
    "xlsx": Format("xlsx", ".xlsx", "Beoordelingsmatrix", "aanbesteding.writers.xlsx.grid:grid_bytes"),
    "formulier": Format(
        "formulier", "-inschrijversformulier.xlsx", "Inschrijversformulier", "aanbesteding.writers.xlsx.form:form_bytes"
    ),
    "verantwoording": Format(
        "verantwoording",
        "-verantwoording.docx",
        "Verantwoording",
        "aanbesteding.writers.docx.accountability:accountability_bytes",
        takes_template=True,
        records_files=True,
    ),
    "pdf": Format(
        "pdf",
        ".pdf",
        "Bijlage (PDF)",
        "aanbesteding.writers.docx.annex:annex_pdf",
        takes_template=True,
        needs=("docx",),
        updates=("docx",),
    ),
    "verantwoording-pdf": Format(
        "verantwoording-pdf",
        "-verantwoording.pdf",
        "Verantwoording (PDF)",
        "aanbesteding.writers.docx.accountability:accountability_pdf",
        takes_template=True,
        needs=("verantwoording",),
        updates=("verantwoording",),
    ),
    "json": Format("json", ".json", "OCDS-export", "aanbesteding.writers.export.ocds:ocds_bytes"),
}


def check_formats(formats: Sequence[str]) -> None:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise OutputError(f"onbekend uitvoerformaat {', '.join(unknown) or '(geen)'}; kies uit {', '.join(FORMATS)}")


def _needs(name: str) -> set[str]:
    """Every format ``name`` needs, directly or through another."""
    found: set[str] = set()
    todo = list(FORMATS[name].needs)
    while todo:
        need = todo.pop()
        if need == name:
            raise OutputError(f"uitvoerformaat {name} heeft zichzelf nodig")
        if need not in found:
            found.add(need)
            todo.extend(FORMATS[need].needs)
    return found


def build_order(formats: Sequence[str]) -> list[str]:
    """The asked formats and what they need, each after what it needs; a format that records
    the others' hashes after every format that does not need it (those are its records)."""
    wanted = list(dict.fromkeys(n for name in formats for n in (*sorted(_needs(name)), name)))
    after = {
        name: _needs(name)
        | (
            {
                other
                for other in wanted
                if other != name and name not in _needs(other) and not FORMATS[other].records_files
            }
            if FORMATS[name].records_files
            else set()
        )
        for name in wanted
    }
    order: list[str] = []
    while len(order) < len(wanted):
        name = next(n for n in wanted if n not in order and after[n] <= set(order))
        order.append(name)
    return order
