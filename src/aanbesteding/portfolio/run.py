"""The portfolio report end to end: read, analyse, compose, write every file as one unit.

from aanbesteding.portfolio.run import build_report, write_files
files = build_report([Path("register.xlsx")], dt.date(2027, 1, 15), 12, library)
write_files(files.files, Path("rapport"), force=False)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aanbesteding.errors import InputError, OutputError, Ref
from aanbesteding.portfolio.analysis import Portfolio, analyse
from aanbesteding.support.output import os_reason

if TYPE_CHECKING:
    from aanbesteding.library.loader import Library

REPORT = "portfolio-rapport"
CALENDAR = "beslisdata.ics"
EXPORT = "softwarecatalogus.json"
COMBINED = "leveranciers.xlsx"


@dataclass(frozen=True)
class Report:
    """A report in memory: the analysis and its files (relative name -> bytes)."""

    portfolio: Portfolio
    files: dict[str, bytes]


def _name(prefix: str, contract: str, suffix: str, taken: set[str]) -> str:
    from aanbesteding.writers.export.ocds import slug

    base = f"{prefix}-{slug(contract)[:60] or 'contract'}"
    name, n = f"{base}{suffix}", 2
    while name in taken:
        name, n = f"{base}-{n}{suffix}", n + 1
    taken.add(name)
    return name


def build_report(
    paths: Sequence[Path], peildatum: dt.date, horizon: int, library: Library, organisation: str | None = None
) -> Report:
    """Read the register in ``paths`` and produce every file of the report in memory.

    Raises InputError for a register that cannot be read at all, LibraryError/TemplateError
    from composing, never for a bad row (that becomes an issue in the report)."""
    from aanbesteding.portfolio.calendar import calendar_bytes
    from aanbesteding.portfolio.compose import Composer, renewal_annex, tender_profile
    from aanbesteding.portfolio.export import export_bytes
    from aanbesteding.portfolio.questionnaire import questionnaire_bytes
    from aanbesteding.portfolio.reader import read_register
    from aanbesteding.portfolio.report_docx import report_docx_bytes
    from aanbesteding.portfolio.report_xlsx import report_xlsx_bytes

    register = read_register(paths, organisation)
    composer = Composer(library)
    portfolio = analyse(register, peildatum, horizon, library.policy.lead_times, composer.requires_eer)
    org = portfolio.organisation
    files: dict[str, bytes] = {
        f"{REPORT}.xlsx": report_xlsx_bytes(portfolio),
        f"{REPORT}.docx": report_docx_bytes(portfolio),
        CALENDAR: calendar_bytes(portfolio),
        EXPORT: export_bytes(portfolio),
    }
    taken: set[str] = set(files)
    for view in portfolio.contracts:
        if view.schedule.expired and view.action != "aanbesteden":
            continue
        if view.action == "verlengingstoets":
            annex = renewal_annex(composer, view, org, peildatum)
            if annex is not None:
                files[_name("vragenlijst", view.contract.name, ".docx", taken)] = questionnaire_bytes(
                    view, annex, org, peildatum
                )
        else:
            profile = tender_profile(view, org, register.source, peildatum)
            if profile is not None:
                files[_name("profiel", view.contract.name, ".yaml", taken)] = profile.encode("utf-8")
    return Report(portfolio, files)


def registers_in(folder: Path) -> list[Path]:
    """The registers in a folder (every .xlsx, no Office lock files), sorted by name."""
    if not folder.is_dir():
        raise InputError("dit is geen map", field="map", subject=str(folder))
    found = sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() == ".xlsx" and not p.name.startswith(("~$", ".")) and p.is_file()
    )
    if not found:
        raise InputError("geen registers (.xlsx) gevonden", field="map", subject=str(folder))
    return found


def build_many(folder: Path, peildatum: dt.date, horizon: int, library: Library) -> dict[str, bytes]:
    """A report per register in ``folder`` (in a subfolder named after it) and the combined
    view per supplier; relative name -> bytes."""
    from aanbesteding.portfolio.combined import combined_bytes
    from aanbesteding.writers.export.ocds import slug

    files: dict[str, bytes] = {}
    portfolios: list[Portfolio] = []
    seen: set[str] = set()
    for path in registers_in(folder):
        sub = slug(path.stem) or "register"
        if sub in seen:
            raise InputError(f"twee registers krijgen dezelfde map {sub}", field="map", subject=str(folder))
        seen.add(sub)
        report = build_report([path], peildatum, horizon, library)
        portfolios.append(report.portfolio)
        files.update({f"{sub}/{name}": data for name, data in report.files.items()})
    files[COMBINED] = combined_bytes(portfolios, peildatum)
    return files


def write_files(files: dict[str, bytes], folder: Path, force: bool) -> list[Path]:
    """Write the files under ``folder`` (made if missing) as one unit; OutputError if one
    exists and ``force`` is not set (then nothing is written)."""
    from aanbesteding.support.output import check_writable, write_all

    if folder.exists() and not folder.is_dir():
        raise OutputError("dit is een bestand, geen map", field="uitvoer", subject=str(folder))
    targets = {folder / name: data for name, data in files.items()}
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise OutputError([f"{existing[0]} bestaat al; gebruik ", Ref("force"), " om het te overschrijven"])
    try:
        for parent in sorted({p.parent for p in targets}):
            parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"de map kan niet worden gemaakt ({os_reason(exc)})", field="uitvoer", subject=str(folder)
        ) from exc
    check_writable(targets, force)
    write_all(targets, force=force)
    return sorted(targets)
