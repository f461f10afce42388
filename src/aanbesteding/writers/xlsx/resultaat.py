"""The Resultaat sheet: status, scores per criterion, total, rank, beslisregel, checks, charts.

Scores follow the bijlage: the sub-criterion's score from the wensen and the Sovereignty Score
with their shares; with the leidraad's model, the other criteria (Criteria sheet), the price
score and the total. Every score is rounded to the published number of decimals (in percent) and
the rank follows the rounded total; a tie is broken on the criterion the beslisregel names, and
what remains equal is marked for the beslisregel. An excluded bid shows no score.
"""

from __future__ import annotations

from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from aanbesteding.assemble.award_texts import text
from aanbesteding.compose.annex import Annex
from aanbesteding.writers.xlsx.cells import (
    BOLD,
    EXCLUDED_FILL,
    RESULT_FILL,
    TOP,
    WARNING_FONT,
    WRAP,
    area,
    col,
    header_row,
    highlight_when,
    mark_result,
    put_formula,
    put_text,
    ref,
    still_to_fill,
    widths,
)
from aanbesteding.writers.xlsx.charts import add_charts
from aanbesteding.writers.xlsx.layout import (
    GELDIG,
    RESULT_FIRST_ROW,
    RESULTAAT,
    UITGESLOTEN,
    CriteriaCells,
    EisenCells,
    PriceCells,
    ResultPlan,
    Settings,
    SovCells,
    WensenCells,
    result_row,
)
from aanbesteding.writers.xlsx.page import finish_sheet, fit_header

SCORE_FORMAT = "0.00%"


def sov_needed(annex: Annex) -> bool:
    """Whether the committee must determine SEAL levels (a minimum or a Sovereignty Score)."""
    return annex.seal_minimum_applies or (annex.award.part and annex.award.sov_share > 0)


def result_plan(annex: Annex) -> ResultPlan:
    """The Resultaat columns for this annex's award model."""
    award = annex.award
    column = 3
    wensen = sov = sub = None
    if award.part:
        if award.wensen_share:
            wensen, column = column, column + 1
        if award.sov_share:
            sov, column = column, column + 1
        sub, column = column, column + 1
    criteria: dict[str, int] = {}
    price = total = rank = tie = None
    if award.has_model and award.gunning is not None:
        for c in award.gunning.criteria:
            if award.part and c.naam == award.gunning.subcriterium:
                assert sub is not None
                criteria[c.naam] = sub
                continue
            criteria[c.naam] = column
            if c.prijs:
                price = column
            column += 1
        total, rank, tie, column = column, column + 1, column + 2, column + 3
    seal = column if annex.seal_minimum_applies else None
    return ResultPlan(
        wensen=wensen, sov=sov, sub=sub, criteria=criteria, price=price, total=total, rank=rank, tie=tie, seal=seal
    )


def quality_expressions(annex: Annex, plan: ResultPlan) -> list[str]:
    """Per bidder, the weighted score on the leidraad's criteria other than price (0..1), as a
    formula expression on Resultaat (for gunnen op waarde)."""
    g = annex.award.gunning
    if g is None or not g.criteria:
        return ["0"] * len(annex.tender.inschrijvers)
    others = [c for c in g.criteria if not c.prijs]
    weight = sum(c.weging for c in others) or 1
    return [
        "("
        + "+".join(f"{c.weging}*{ref(RESULTAAT, plan.criteria[c.naam], result_row(i))}" for c in others)
        + f")/{weight}"
        if others
        else "0"
        for i in range(len(annex.tender.inschrijvers))
    ]


def _where(parts: list[tuple[str, str]]) -> str:
    """Formula fragment naming the sheets with open inputs: "op de tabbladen Eisen en Prijs"."""
    listed = "&".join(f'IF({count}>0,", {name}","")' for count, name in parts)
    many = "+".join(f"({count}>0)" for count, _ in parts)
    names = f"MID({listed},3,200)"
    return f'IF({many}=1," op tabblad "&{names}," op de tabbladen "&SUBSTITUTE({names},", "," en ",MAX(1,{many}-1)))'


def _status(i: int, annex: Annex, parts: list[tuple[str, str]], eisen: EisenCells, sov: SovCells) -> str:
    failed = f"({eisen.failed[i]}>0)"
    below = f'({sov.minima_met[i]}="Nee")' if annex.seal_minimum_applies else "FALSE()"
    still_open = "(" + "+".join(count for count, _ in parts) + ")"
    return (
        f'=IF(OR({failed},{below}),"{UITGESLOTEN}: "&IF({failed},"Nee bij "'
        f'&{eisen.failed_list[i]},"")&IF(AND({failed},{below}),"; ","")&IF({below},'
        f'"SEAL onder minimum bij "&{sov.below_minimum[i]},""),IF({still_open}>0,'
        f'"Onvolledig: "&{still_to_fill(still_open)}&{_where(parts)},"{GELDIG}"))'
    )


def _open_parts(
    i: int,
    annex: Annex,
    eisen: EisenCells,
    wensen: WensenCells,
    sov: SovCells,
    criteria: CriteriaCells | None,
    price: PriceCells,
) -> list[tuple[str, str]]:
    award = annex.award
    parts = [(eisen.open[i], "Eisen")]
    if award.part and award.wensen_share:
        parts.append((wensen.open[i], "Wensen"))
    if sov_needed(annex):
        parts.append((sov.open[i], "Soevereiniteit"))
    if criteria is not None:
        parts.append((criteria.open[i], "Criteria"))
    if award.gunning and award.gunning.price and award.has_model:
        parts.append((price.open[i], "Prijs"))
    return parts


def _scores(
    ws: Worksheet,
    row: int,
    i: int,
    annex: Annex,
    plan: ResultPlan,
    settings: Settings,
    wensen: WensenCells,
    sov: SovCells,
    criteria: CriteriaCells | None,
    price: PriceCells,
) -> None:
    award, digits = annex.award, settings.decimals + 2
    excluded = f'LEFT($B{row},{len(UITGESLOTEN)})="{UITGESLOTEN}"'

    def shown(column: int, value: str, scale: str = "") -> None:
        """``value`` (a cell, shown only when it holds a number) rounded, divided by ``scale``."""
        cell = put_formula(
            ws,
            row,
            column,
            f'=IF(OR({excluded},NOT(ISNUMBER({value}))),"",ROUND({value}{scale},{digits}))',
            SCORE_FORMAT,
        )
        cell.alignment = TOP

    if plan.wensen is not None:
        shown(plan.wensen, wensen.quality[i])
    if plan.sov is not None:
        shown(plan.sov, sov.score[i], "/100")
    if plan.sub is not None:
        w = f"{col(plan.wensen)}{row}" if plan.wensen else None
        s = f"{col(plan.sov)}{row}" if plan.sov else None
        parts = [f"{settings.share_wensen}*{w}" if w else "", f"{settings.share_sovereignty}*{s}" if s else ""]
        formula = "(" + "+".join(p for p in parts if p) + ")/100"
        ready = ",".join(f"ISNUMBER({c})" for c in (w, s) if c)
        mark_result(
            put_formula(ws, row, plan.sub, f'=IF(AND({ready}),ROUND({formula},{digits}),"")', SCORE_FORMAT)
        ).alignment = TOP
    g = award.gunning
    if g is not None and award.has_model:
        others = iter(range(len(g.others())))
        for c in g.criteria:
            column = plan.criteria[c.naam]
            if c.prijs:
                shown(column, price.share[i])
            elif column != plan.sub:
                assert criteria is not None
                shown(column, criteria.scores[next(others)][i], "/100")
        assert plan.total is not None
        cells = [f"{col(plan.criteria[c.naam])}{row}" for c in g.criteria]
        if annex.tender.prijsmethode == "gunnen-op-waarde" and plan.price is not None:
            total = f"{col(plan.price)}{row}"
        else:
            total = "(" + "+".join(f"{w}*{c}" for w, c in zip(settings.weights, cells, strict=True)) + ")/100"
        ready = ",".join(f"ISNUMBER({c})" for c in cells)
        mark_result(
            put_formula(
                ws, row, plan.total, f'=IF(AND($B{row}="{GELDIG}",{ready}),ROUND({total},{digits}),"")', SCORE_FORMAT
            )
        ).alignment = TOP


def _rank(ws: Worksheet, row: int, i: int, n: int, annex: Annex, plan: ResultPlan) -> None:
    assert plan.total is not None and plan.rank is not None and plan.tie is not None
    last = result_row(n - 1)
    statuses = area(2, RESULT_FIRST_ROW, last)
    totals = area(plan.total, RESULT_FIRST_ROW, last)
    t = f"{col(plan.total)}{row}"
    valid = f'(({statuses}="{GELDIG}")*ISNUMBER({totals}))'
    higher = f"SUMPRODUCT({valid}*({totals}>{t}))"
    g = annex.award.gunning
    tie = g.tie_criterion() if g else None
    tie_col = plan.criteria.get(tie.naam) if tie else None
    if tie_col is not None:
        keys = area(tie_col, RESULT_FIRST_ROW, last)
        k = f"{col(tie_col)}{row}"
        higher += f"+SUMPRODUCT({valid}*({totals}={t})*({keys}>{k}))"
    mark_result(
        put_formula(ws, row, plan.rank, f'=IF(AND(B{row}="{GELDIG}",ISNUMBER({t})),{higher}+1,"")', "0")
    ).alignment = TOP
    same = []
    for j in range(n):
        other = result_row(j)
        if other == row:
            continue
        tc = f"{col(plan.total)}{other}"
        cond = f'B{other}="{GELDIG}",ISNUMBER({tc}),{tc}={t}'
        if tie_col is not None:
            cond += f",{col(tie_col)}{other}={col(tie_col)}{row}"
        same.append(f'IF(AND({cond}),$A${other}&", ","")')
    if not same:
        return
    listed = "&".join(same)
    marked = (text(annex, "g_gelijk_voor") + " ", text(annex, "g_gelijk_na"))
    cell = put_formula(
        ws,
        row,
        plan.tie,
        f'=IF(OR(B{row}<>"{GELDIG}",NOT(ISNUMBER({t}))),"",'
        f'IF(({listed})="","","{marked[0]}"&LEFT({listed},LEN({listed})-2)&'
        f'"{marked[1]}"))',
    )
    cell.alignment = WRAP
    highlight_when(ws, cell.coordinate, f"LEN({cell.coordinate})>0", EXCLUDED_FILL)


def _reasons_check(eisen: EisenCells, wensen: WensenCells, sov: SovCells, criteria_unexplained: str | None) -> str:
    """Formula counting the judgements entered without a motivering, and where they are."""
    parts = [
        ("(" + "+".join(cells.unexplained) + ")", name)
        for cells, name in ((eisen, "Eisen"), (wensen, "Wensen"), (sov, "Soevereiniteit"))
    ]
    if criteria_unexplained:
        parts.append((criteria_unexplained, "Criteria"))
    total = "(" + "+".join(count for count, _ in parts) + ")"
    return (
        f'=IF({total}=0,"In orde","Let op: "&{total}&IF({total}=1," beoordeling",'
        f'" beoordelingen")&" zonder motivering"&{_where(parts)}&".")'
    )


def _checks(
    ws: Worksheet,
    row: int,
    annex: Annex,
    settings: Settings,
    eisen: EisenCells,
    wensen: WensenCells,
    sov: SovCells,
    price: PriceCells,
    criteria_unexplained: str | None,
) -> int:
    award = annex.award
    put_text(ws, row, 1, "Controles", font=BOLD)
    checks = [("Motivering", _reasons_check(eisen, wensen, sov, criteria_unexplained))]
    if award.part and award.sov_share:
        checks.append(
            (
                "Gewichten soevereiniteit",
                f'=IF(ABS({sov.weight_total}-100)>0.001,"Let '
                f'op: de gewichten tellen op tot "&ROUND({sov.weight_total},2)&"% in '
                'plaats van 100%.","In orde")',
            )
        )
    if settings.weights:
        total = "+".join(settings.weights)
        checks.append(
            (
                "Weging criteria",
                f'=IF(ABS({total}-100)>0.001,"Let op: de wegingen '
                f'tellen op tot "&ROUND({total},2)&"% in plaats van 100%.","In orde")',
            )
        )
    if award.has_model and award.gunning and award.gunning.price:
        checks.append(("Prijsparameters", f"={price.check}"))
    for offset, (label, formula) in enumerate(checks, start=1):
        put_text(ws, row + offset, 1, label).alignment = TOP
        cell = put_formula(ws, row + offset, 2, formula)
        ws.row_dimensions[row + offset].height = 27  # a warning takes two lines
        cell.alignment = WRAP
        highlight_when(ws, cell.coordinate, f'LEFT({cell.coordinate},7)="Let op:"', EXCLUDED_FILL, WARNING_FONT)
    row += len(checks) + 1
    put_text(ws, row, 1, "Berekening totaal")
    put_text(ws, row, 2, total_text(annex), wrap=True)
    ws.row_dimensions[row].height = 40
    return row + 2


def total_text(annex: Annex) -> str:
    """How the grid computes the total, in the bijlage's words."""
    from aanbesteding.assemble.award_content import total_formula

    award = annex.award
    if award.has_model:
        line = f"Totaalscore = {total_formula(award)} (gunningsmodel van de leidraad)."
        if annex.tender.prijsmethode == "gunnen-op-waarde":
            line += (
                " Gunnen op waarde: de prijsscore volgt uit de fictieve inschrijfprijs; "
                "de laagste fictieve prijs krijgt rangorde 1."
            )
        return line
    if award.part:
        return text(annex, "g_totaal_geen_model")
    return (
        "Deze bijlage heeft geen eigen gunningscriterium; zonder het gunningsmodel van de "
        "leidraad berekent de matrix alleen de uitsluitingen."
    )


def headers(annex: Annex, plan: ResultPlan) -> list[str]:
    names = {
        plan.wensen: "Wensenscore",
        plan.sov: "Soevereiniteitsscore",
        plan.sub: f"{annex.award.subcriterion} (score)",
        plan.price: "Prijsscore",
        plan.total: "Totaal",
        plan.rank: "Rangorde",
        plan.tie: "Beslisregel",
        plan.seal: "SEAL (laagste)",
    }
    for name, column in plan.criteria.items():
        names.setdefault(column, name)
    return ["Inschrijver", "Status", *(names[c] for c in range(3, plan.last + 1))]


def build_resultaat(
    ws: Worksheet,
    sov_ws: Worksheet,
    annex: Annex,
    plan: ResultPlan,
    settings: Settings,
    eisen: EisenCells,
    wensen: WensenCells,
    sov: SovCells,
    criteria: CriteriaCells | None,
    price: PriceCells,
    criteria_unexplained: str | None,
) -> None:
    """Fill the Resultaat sheet: one row per bidder, checks, and the charts."""
    bidders = annex.tender.inschrijvers
    header_row(ws, headers(annex, plan), height=30.0)
    widths(ws, {1: 30, 2: 50, **{c: 13 for c in range(3, plan.last + 1)}})
    if plan.tie is not None:
        widths(ws, {plan.tie: 30})
    last = result_row(len(bidders) - 1)
    statuses = area(2, RESULT_FIRST_ROW, last)
    for i, name in enumerate(bidders):
        row = result_row(i)
        put_text(ws, row, 1, name, wrap=True)
        parts = _open_parts(i, annex, eisen, wensen, sov, criteria, price)
        put_formula(ws, row, 2, _status(i, annex, parts, eisen, sov)).alignment = WRAP
        ws.row_dimensions[row].height = 40
        _scores(ws, row, i, annex, plan, settings, wensen, sov, criteria, price)
        if plan.rank is not None:
            _rank(ws, row, i, len(bidders), annex, plan)
        if plan.seal is not None:
            seal = sov.overall_seal[i]
            put_formula(ws, row, plan.seal, f'=IF(ISNUMBER({seal}),{seal},"")', "0").alignment = TOP
    highlight_when(ws, statuses, f'LEFT(B{RESULT_FIRST_ROW},{len(UITGESLOTEN)})="{UITGESLOTEN}"', EXCLUDED_FILL)
    highlight_when(ws, statuses, f'B{RESULT_FIRST_ROW}="{GELDIG}"', RESULT_FILL)
    row = _checks(ws, last + 2, annex, settings, eisen, wensen, sov, price, criteria_unexplained)
    bar = plan.total or plan.sub
    radar = plan.sov is not None
    if bar is not None or radar:
        # The charts start a page of their own, so no page break or title row runs through them.
        ws.row_breaks.append(Break(id=row - 1))
        put_text(ws, row, 1, "Grafieken: totaalscore en soevereiniteitsprofiel", font=BOLD)
        add_charts(ws, sov_ws, row + 1, len(bidders), sov, bar, radar)
    finish_sheet(ws, freeze=f"B{RESULT_FIRST_ROW}", title_rows=None)
    fit_header(ws)
