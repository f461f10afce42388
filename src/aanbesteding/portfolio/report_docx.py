"""The portfolio report as a Word document: summary, systems by tier, contracts by bucket,
conflicts, reading problems and how the dates were computed."""

from __future__ import annotations

import datetime as dt

from aanbesteding.domain import Laag
from aanbesteding.portfolio import report_rows as rr
from aanbesteding.portfolio.analysis import Portfolio
from aanbesteding.render import datum
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.library_docs import LABELS, TABLE, finish


def _text(value: rr.Cell) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"€ {value:,.0f}".replace(",", ".")
    return str(value)


def report_docx_bytes(p: Portfolio) -> bytes:
    """The report document; the same portfolio gives the same bytes."""
    w = DocxWriter.open()
    w.paragraph(f"Portfolio en verlengingstoets – {p.organisation}", "Title")
    w.table(
        None,
        [
            ("Register", p.register.source),
            ("Peildatum", datum(p.peildatum)),
            ("Horizon", f"{p.horizon} maanden"),
            ("Systemen", str(len(p.systems))),
            ("Contracten", str(len(p.contracts))),
            ("Conflicten", str(len(p.conflicts))),
            ("Meldingen bij het inlezen", str(len(p.issues))),
        ],
        (5.5, 10.5),
        LABELS,
    )
    w.heading(1, "Samenvatting")
    w.table(
        ("Laag", "Systemen", "uit BIA", "opgegeven"),
        [tuple(map(str, row)) for row in rr.tier_counts(p)],
        (7.0, 3.0, 3.0, 3.0),
        TABLE,
    )
    w.paragraph()
    w.table(
        ("Termijn (beslisdatum)", "Contracten", "verlengingstoets", "aanbesteden"),
        [tuple(map(str, row)) for row in rr.bucket_counts(p)],
        (7.0, 3.0, 3.0, 3.0),
        TABLE,
    )
    w.heading(1, "Systemen per laag")
    for laag in (*Laag, None):
        views = [v for v in p.systems if v.laag == laag]
        if not views:
            continue
        w.heading(2, f"{laag.label if laag else 'Laag onbekend'} ({len(views)})")
        w.table(
            ("Systeem", "Herkomst laag", "Eigenaar", "Contracttype", "Locatie"),
            [
                (
                    v.system.name,
                    v.source,
                    v.system.owner or "–",
                    v.system.contract_type or "–",
                    ", ".join(v.system.hosting_locations) or "–",
                )
                for v in sorted(views, key=lambda v: v.system.name.casefold())
            ],
            (4.5, 2.5, 3.5, 2.5, 3.0),
            TABLE,
        )
    w.heading(1, "Contracten per termijn")
    for bucket in p.buckets:
        due = sorted(
            (c for c in p.contracts if c.bucket == bucket), key=lambda c: (c.decision, c.contract.name.casefold())
        )
        if not due:
            continue
        w.heading(2, f"{bucket.capitalize()} ({len(due)})")
        w.table(
            ("Contract", "Leverancier", "Laag", "Opzegdag / optie", "Beslisdatum", "Actie"),
            [
                (
                    c.contract.name,
                    c.contract.supplier or "–",
                    str(c.laag.value),
                    _text(c.schedule.notice_day)
                    if c.schedule.notice_day
                    else f"geen (einde {_text(c.schedule.certain_end)})",
                    _text(c.decision),
                    c.action,
                )
                for c in due
            ],
            (3.3, 2.9, 1.2, 3.2, 2.4, 3.0),
            TABLE,
        )
        notes = [f"{c.contract.name}: {'; '.join(c.notes)}" for c in due if c.notes]
        if notes:
            w.bullets(notes)
    w.heading(1, "Conflicten")
    if p.conflicts:
        w.table(
            ("Conflict", "Betreft", "Toelichting"),
            [tuple(map(_text, r)) for r in rr.conflict_rows(p)],
            (4.0, 3.5, 8.5),
            TABLE,
        )
    else:
        w.paragraph("Geen conflicten gevonden.")
    w.heading(1, "Meldingen bij het inlezen")
    if p.issues:
        w.paragraph("Deze rijen of cellen zijn niet (volledig) gebruikt; de overige rijen tellen mee.")
        w.bullets([str(i) for i in p.issues])
    else:
        w.paragraph("Alle rijen zijn ingelezen.")
    w.heading(1, "Zo is gerekend")
    for paragraph in rr.METHOD:
        w.paragraph(paragraph)
    w.table(
        ("Laag", "Verlengingstoets (maanden)", "Aanbesteden (maanden)"),
        [(laag.label, str(p.lead_times[laag].verlengingstoets), str(p.lead_times[laag].aanbesteden)) for laag in Laag],
        (6.0, 5.0, 5.0),
        TABLE,
    )
    return finish(w, f"Portfolio en verlengingstoets – {p.organisation}", "Portfoliorapport", p.peildatum)
