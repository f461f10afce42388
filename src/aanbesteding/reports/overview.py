"""Library overview: one row per clause, as data, a text table or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aanbesteding.domain import Laag
from aanbesteding.library.loader import Library, LoadedClause


@dataclass(frozen=True)
class Filter:
    """Which clauses an overview shows; None means: any."""

    status: str | None = None
    laag: Laag | None = None
    contracttype: str | None = None

    def accepts(self, item: LoadedClause) -> bool:
        clause = item.clause
        return (
            (self.status is None or clause.status == self.status)
            and (self.laag is None or clause.lagen.for_tier(self.laag) is not None)
            and (self.contracttype is None or self.contracttype in clause.contracttypen)
        )


EVERYTHING = Filter()


def annex_numbers(library: Library, laag: Laag, contracttype: str) -> dict[str, tuple[str, str]]:
    """Clause id -> (number, kind) as a bidder sees them in the annex of this tier and contract
    type (E-01, W-03, B-02 …), with the standard choices of a tender."""
    from aanbesteding.compose.composer import compose_annex
    from aanbesteding.tender.model import build_tender

    tender = build_tender({"laag": laag.value, "contracttype": contracttype})
    annex = compose_annex(library, tender)
    return {r.clause_id: (r.number, str(r.kind.value)) for r in annex.requirements}


def _number_order(number: str) -> tuple[int, str]:
    return ("EWB".find(number[:1]) if number[:1] in "EWB" else 3, number)


def overview_rows(library: Library, only: Filter = EVERYTHING) -> list[dict[str, Any]]:
    """One plain dict per clause that ``only`` accepts, in library order; with a tier and a
    contract type, in the annex's order with the number a bidder sees (``nummer``)."""
    numbers = (
        annex_numbers(library, only.laag, only.contracttype)
        if only.laag is not None and only.contracttype is not None
        else None
    )
    rows: list[dict[str, Any]] = []
    for item in library.clauses:
        if not only.accepts(item):
            continue
        clause = item.clause
        numbered = (
            {}
            if numbers is None
            else {
                "nummer": numbers.get(clause.id, ("", ""))[0] or None,
                "soort": numbers.get(clause.id, ("", ""))[1] or None,
            }
        )
        rows.append(
            {
                **numbered,
                "id": clause.id,
                "titel": clause.titel,
                "thema": item.theme,
                "versie": clause.versie,
                "status": clause.status,
                "eigenaar": clause.eigenaar,
                "beoordeeld_door": clause.beoordeeld_door,
                "beoordeeld_op": clause.beoordeeld_op.isoformat() if clause.beoordeeld_op else None,
                "herkomst": item.origin,
                "bestand": item.path,
                "sha256": item.digest,
                "vergrendeld": [laag.value for laag in Laag if laag.key in clause.vergrendeld],
                "sov": list(clause.sov),
                "risicos": list(clause.risicos),
                "lagen": [laag.value for laag in Laag if clause.lagen.for_tier(laag)],
                "soort_per_laag": {str(laag.value): clause.lagen.for_tier(laag) for laag in Laag},
                "contracttypen": list(clause.contracttypen),
            }
        )
    if numbers is not None:
        rows.sort(key=lambda r: _number_order(r["nummer"] or "~"))
    return rows


CSV_COLUMNS = (
    "nummer",
    "soort",
    "id",
    "titel",
    "thema",
    "versie",
    "status",
    "beoordeeld_door",
    "beoordeeld_op",
    "herkomst",
    "vergrendeld",
    "sov",
    "risicos",
    "lagen",
    "contracttypen",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    # a cell that starts like a formula stays text in a spreadsheet
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def overview_csv(library: Library, only: Filter = EVERYTHING) -> str:
    """The overview as CSV for a spreadsheet: semicolons (as Dutch Excel expects), UTF-8 with
    a byte order mark, one row per clause; ``nummer`` and ``soort`` with a tier and a type."""
    import csv
    import io

    rows = overview_rows(library, only)
    columns = [
        c
        for c in CSV_COLUMNS
        if c not in ("nummer", "soort") or (only.laag is not None and only.contracttype is not None)
    ]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return "\ufeff" + out.getvalue()


def overview_json(library: Library, only: Filter = EVERYTHING) -> str:
    return json.dumps(overview_rows(library, only), ensure_ascii=False, indent=2) + "\n"


def _kind_letters(row: dict[str, Any]) -> str:
    letters = {"eis": "E", "wens": "W", "bepaling": "B", None: "-"}
    return "".join(letters[row["soort_per_laag"][str(n)]] for n in (1, 2, 3))


def _review(row: dict[str, Any]) -> str:
    if not row["beoordeeld_door"] and not row["beoordeeld_op"]:
        return "-"
    return f"{row['beoordeeld_door'] or '?'} {row['beoordeeld_op'] or ''}".strip()


def _short(title: str, width: int = 40) -> str:
    return title if len(title) <= width else title[: width - 1] + "…"


def overview_table(library: Library, only: Filter = EVERYTHING) -> str:
    """A fixed-width text table for the terminal."""
    rows = overview_rows(library, only)
    header: tuple[str, ...] = (
        "id",
        "titel",
        "versie",
        "status",
        "beoordeeld",
        "herkomst",
        "sov",
        "L1L2L3",
        "contracttypen",
    )
    body: list[tuple[str, ...]] = [
        (
            r["id"],
            _short(r["titel"]),
            r["versie"],
            r["status"],
            _review(r),
            r["herkomst"],
            ",".join(s.removeprefix("SOV-") for s in r["sov"]),
            " ".join(_kind_letters(r)),
            ",".join(r["contracttypen"]),
        )
        for r in rows
    ]
    if rows and "nummer" in rows[0]:
        header = ("nummer", *header)
        body = [(r["nummer"] or "-", *line) for r, line in zip(rows, body, strict=True)]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body, strict=False)]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in (header, *body)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if only != EVERYTHING:
        lines.append(f"\n{len(rows)} van de {len(library.clauses)} clausules voldoen aan het filter.")
    lines.append(f"\n{len(rows)} clausules · E = eis, W = wens, B = bepaling, - = niet van toepassing")
    if rows and "nummer" in rows[0]:
        lines.append(
            "nummer: zoals in de bijlage voor inschrijvers bij deze laag en dit "
            "contracttype (met de standaardkeuzes; --uitsluiten en --met verschuiven de "
            "nummers)"
        )
    return "\n".join(lines) + "\n"


def parameters_table(library: Library, only: set[str] | None = None) -> str:
    """Every parameter an officer may set with ``--param``, with default and bounds
    (``only``: just the clauses with these ids)."""
    from aanbesteding.render import getal

    lines = []
    for item in library.clauses:
        if only is not None and item.clause.id not in only:
            continue
        for name, param in item.clause.parameters.items():
            unit = f" {param.eenheid}" if param.eenheid else ""
            default = getal(param.standaard) if isinstance(param.standaard, int | float) else str(param.standaard)
            bounds = ""
            if param.minimum is not None or param.maximum is not None:
                low = getal(param.minimum) if param.minimum is not None else "…"
                high = getal(param.maximum) if param.maximum is not None else "…"
                bounds = f" (toegestaan {low} t/m {high})"
            lines.append(f"{item.clause.id}.{name} = {default}{unit}{bounds}\n    {param.omschrijving}")
    lines.append(
        f"\n{len(lines)} parameters. Wijzig er een met --param CLAUSULE.NAAM=WAARDE, of "
        "met --param NAAM=WAARDE voor elke clausule met die parameter (alleen als die "
        "clausules dezelfde grenzen hebben)."
    )
    return "\n".join(lines) + "\n"
