"""Read a register (Excel with the sheets Systemen and Contracten, or CSV files) without
changing it: each usable row becomes a System or Contract, each problem an Issue.

The file is read into memory once (refused when it is not a regular file or too large) and
never written; formulas are not evaluated (the value Excel saved is used).
"""

from __future__ import annotations

import csv
import errno
import io
import os
import stat
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from aanbesteding.domain import Laag
from aanbesteding.errors import InputError
from aanbesteding.portfolio import values as v
from aanbesteding.portfolio.columns import (
    CONTRACT_COLUMNS,
    CONTRACTS_SHEET,
    SYSTEM_COLUMNS,
    SYSTEMS_SHEET,
    Column,
    lookup,
    normalize,
)
from aanbesteding.portfolio.dates import Notice, Renewal, Terms
from aanbesteding.portfolio.model import Contract, Issue, Register, System
from aanbesteding.support.output import os_reason
from aanbesteding.tender.classification import QUESTIONS

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
Rows = list[tuple[int, dict[str, object]]]  # (row number, column key -> raw value)


def _reason(exc: OSError) -> str:
    return "geen leesrechten" if exc.errno in (errno.EACCES, errno.EPERM) else os_reason(exc)


def read_bytes(path: Path) -> bytes:
    """The file's bytes; InputError when it is missing, not a regular file or too large."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(f"register {path}: {_reason(exc)}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"register {path}: dit is geen gewoon bestand")
    if info.st_size > MAX_BYTES:
        raise InputError(f"register {path}: het bestand is groter dan {MAX_BYTES // 1024 // 1024} MB")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"register {path}: {_reason(exc)}") from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"register {path}: het bestand is groter dan {MAX_BYTES // 1024 // 1024} MB")
    return data


def _table(
    raw: Iterator[Sequence[object]], columns: tuple[Column, ...], source: str, sheet: str, issues: list[Issue]
) -> Rows:
    """Rows keyed by column: the first row that names a known column is the header."""
    names = lookup(columns)
    header: dict[int, Column] | None = None
    rows: Rows = []
    for number, cells in enumerate(raw, start=1):
        if header is None:
            found = {
                i: names[normalize(str(c))] for i, c in enumerate(cells) if c is not None and normalize(str(c)) in names
            }
            if found:
                header = {}
                for index, column in found.items():
                    if column in header.values():
                        issues.append(
                            Issue(
                                source,
                                sheet,
                                number,
                                str(cells[index]),
                                f"de kolom {column.heading} staat er twee keer; de eerste telt",
                            )
                        )
                    else:
                        header[index] = column
            continue
        if len(rows) >= MAX_ROWS:
            issues.append(Issue(source, sheet, number, None, f"meer dan {MAX_ROWS} rijen; de rest is niet gelezen"))
            break
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        rows.append((number, {col.key: cells[i] for i, col in header.items() if i < len(cells)}))
    if header is None:
        issues.append(Issue(source, sheet, None, None, "geen kopregel met bekende kolommen gevonden"))
    return rows


def _xlsx_tables(data: bytes, source: str, issues: list[Issue]) -> tuple[Rows, Rows]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"register {source}: geen leesbaar Excel-bestand ({exc})") from exc
    try:
        sheets = {normalize(name): name for name in wb.sheetnames}
        tables: list[Rows] = []
        for sheet, columns in ((SYSTEMS_SHEET, SYSTEM_COLUMNS), (CONTRACTS_SHEET, CONTRACT_COLUMNS)):
            name = sheets.get(normalize(sheet))
            if name is None and sheet == SYSTEMS_SHEET and len(wb.sheetnames) == 1:
                name = wb.sheetnames[0]  # a one-sheet export (Softwarecatalogus): the systems
            if name is None:
                issues.append(Issue(source, sheet, None, None, f"het blad {sheet} ontbreekt"))
                tables.append([])
                continue
            tables.append(_table(wb[name].iter_rows(values_only=True), columns, source, sheet, issues))
        return tables[0], tables[1]
    finally:
        wb.close()


def _csv_rows(data: bytes, source: str) -> list[list[str]]:
    try:
        textual = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        textual = data.decode("cp1252", errors="replace")
    first = textual.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        return list(csv.reader(io.StringIO(textual), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"register {source}: geen leesbaar CSV-bestand ({exc})") from exc


def _cell(
    row: int,
    data: dict[str, object],
    column: Column,
    parse: Callable[[object], Any],
    source: str,
    sheet: str,
    issues: list[Issue],
) -> Any:
    try:
        return parse(data.get(column.key))
    except v.CellError as exc:
        issues.append(Issue(source, sheet, row, column.heading, str(exc)))
        return None


def _parser(column: Column) -> Callable[[object], Any]:
    if column.kind == "datum":
        return v.date
    if column.kind == "geheel":
        high = 60 if column.key == "beslistermijn" else 600
        return lambda value: v.whole(value, 0, high)
    if column.kind == "bedrag":
        return v.amount
    if column.kind == "termijn":
        return v.notice
    if column.kind == "lijst":
        return v.items
    if column.kind == "keuze" and column.key != "laag":
        return lambda value: v.choice(value, column.choices)
    return v.text


def _laag(value: object) -> Laag | None:
    raw = v.text(value)
    if not raw:
        return None
    try:
        return Laag.parse(raw)
    except ValueError:
        raise v.CellError(f"'{raw}' is geen laag; kies 1, 2 of 3") from None


def _fields(
    row: int, data: dict[str, object], columns: tuple[Column, ...], source: str, sheet: str, issues: list[Issue]
) -> dict[str, Any]:
    return {
        c.key: _cell(row, data, c, _laag if c.key == "laag" else _parser(c), source, sheet, issues)
        for c in columns
        if c.key in data
    }


def _system(row: int, data: dict[str, object], source: str, issues: list[Issue]) -> System | None:
    f = _fields(row, data, SYSTEM_COLUMNS, source, SYSTEMS_SHEET, issues)
    name = f.get("systeem") or f.get("pakket") or ""
    if not name:
        issues.append(
            Issue(source, SYSTEMS_SHEET, row, "systeem", "de naam van het systeem ontbreekt; de rij telt niet mee")
        )
        return None
    return System(
        name=name,
        row=row,
        description=f.get("omschrijving") or "",
        owner=f.get("eigenaar") or "",
        supplier=f.get("leverancier") or "",
        package=f.get("pakket") or "",
        contract_type=f.get("contracttype"),
        hosting_provider=f.get("hosting_aanbieder") or "",
        hosting_locations=f.get("hosting_locatie") or (),
        laag=f.get("laag"),
        answers={q.key: f[q.key] for q in QUESTIONS if f.get(q.key)},
        confirmed=f.get("laatst_bevestigd"),
        planned_until=f.get("gepland_gebruik_tot"),
    )


def _contract(row: int, data: dict[str, object], source: str, issues: list[Issue]) -> Contract | None:
    f = _fields(row, data, CONTRACT_COLUMNS, source, CONTRACTS_SHEET, issues)
    name, end = f.get("contract") or "", f.get("einddatum")

    def skip(column: str, message: str) -> Contract | None:
        issues.append(Issue(source, CONTRACTS_SHEET, row, column, f"{message}; de rij telt niet mee"))
        return None

    if not name:
        return skip("contract", "de naam van het contract ontbreekt")
    if end is None:
        last = issues[-1] if issues else None
        if last is not None and (last.sheet, last.row, last.column) == (CONTRACTS_SHEET, row, "einddatum"):
            issues.pop()  # the cell's own message, now with its consequence
            return skip("einddatum", last.message)
        return skip("einddatum", "de einddatum ontbreekt")
    renewal = Renewal(f.get("verlenging") or "geen")
    period, options, notice = f.get("verlengingsperiode"), f.get("resterende_opties"), f.get("opzegtermijn")
    if renewal is not Renewal.GEEN and not period:
        return skip(
            "verlengingsperiode",
            f"bij verlenging '{renewal.value}' is de verlengingsperiode (maanden, minstens 1) nodig",
        )
    if renewal is Renewal.OPTIE and options is None:
        return skip("resterende opties", "bij verlenging 'optie' is het aantal resterende opties nodig")
    if renewal is not Renewal.GEEN and notice is None:
        return skip("opzegtermijn", f"bij verlenging '{renewal.value}' is de opzegtermijn nodig")
    start, max_end = f.get("ingangsdatum"), f.get("uiterste_einddatum")
    if start is not None and start > end:
        return skip("ingangsdatum", f"de ingangsdatum {start} ligt na de einddatum {end}")
    if max_end is not None and max_end < end:
        issues.append(
            Issue(
                source,
                CONTRACTS_SHEET,
                row,
                "uiterste einddatum",
                f"de uiterste einddatum {max_end} ligt vóór de einddatum {end}; zij is genegeerd",
            )
        )
        max_end = None
    terms = Terms(
        end=end,
        renewal=renewal,
        period_months=period or None,
        options=options if renewal is Renewal.OPTIE else None,
        max_end=max_end,
        notice=notice if isinstance(notice, Notice) else None,
    )
    return Contract(
        name=name,
        row=row,
        terms=terms,
        systems=f.get("systemen") or (),
        supplier=f.get("leverancier") or "",
        start=start,
        value=f.get("waarde"),
        koers=f.get("koers") or "onbekend",
        lead_months=f.get("beslistermijn"),
    )


def _unique(items: list[Any], sheet: str, source: str, issues: list[Issue]) -> tuple[Any, ...]:
    seen: dict[str, int] = {}
    kept = []
    for item in items:
        key = item.name.casefold()
        if key in seen:
            column = "systeem" if sheet == SYSTEMS_SHEET else "contract"
            issues.append(
                Issue(
                    source,
                    sheet,
                    item.row,
                    column,
                    f"'{item.name}' staat ook in rij {seen[key]}; deze rij telt niet mee",
                )
            )
            continue
        seen[key] = item.row
        kept.append(item)
    return tuple(kept)


def read_register(paths: Sequence[Path], organisation: str | None = None) -> Register:
    """Read one register: an .xlsx file, or one or two .csv files (the sheet follows from the
    columns: a file with a 'contract' column holds contracts). Raises InputError for a file
    that cannot be read at all; problems in rows become issues."""
    if not paths:
        raise InputError("geef een register op (een .xlsx-bestand of .csv-bestanden)")
    issues: list[Issue] = []
    systems_raw: Rows = []
    contracts_raw: Rows = []
    for path in paths:
        source, data = path.name, read_bytes(path)
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            s_rows, c_rows = _xlsx_tables(data, source, issues)
            systems_raw += [(r, d | {"@": source}) for r, d in s_rows]
            contracts_raw += [(r, d | {"@": source}) for r, d in c_rows]
        elif suffix == ".csv":
            rows = _csv_rows(data, source)
            first = next((r for r in rows if any(c.strip() for c in r)), [])
            is_contracts = any(lookup(CONTRACT_COLUMNS).get(normalize(c)) is CONTRACT_COLUMNS[0] for c in first)
            sheet, columns = (CONTRACTS_SHEET, CONTRACT_COLUMNS) if is_contracts else (SYSTEMS_SHEET, SYSTEM_COLUMNS)
            table = _table(iter(rows), columns, source, sheet, issues)
            (contracts_raw if is_contracts else systems_raw).extend((r, d | {"@": source}) for r, d in table)
        else:
            raise InputError(f"register {path}: gebruik een .xlsx- of .csv-bestand")
    systems = [s for r, d in systems_raw if (s := _system(r, d, str(d["@"]), issues))]
    contracts = [c for r, d in contracts_raw if (c := _contract(r, d, str(d["@"]), issues))]
    source = ", ".join(p.name for p in paths)
    return Register(
        source=source,
        organisation=organisation or paths[0].stem,
        systems=_unique(systems, SYSTEMS_SHEET, source, issues),
        contracts=_unique(contracts, CONTRACTS_SHEET, source, issues),
        issues=tuple(issues),
    )
