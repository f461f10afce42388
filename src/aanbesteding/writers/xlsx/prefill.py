"""Pre-fill the grid's input cells with bidders' responses (the importer's contract).

Each answer goes to the cell the :class:`GridLayout` computes for that bidder and number: the
bidder's Ja/Nee on an eis or bepaling in the answer column, its evidence reference and offer as
a prompt in the committee's motivering column, the SEAL level it claims in the 'SEAL geclaimd'
column (next to the committee's own SEAL input, never in it), and its price. Scores of wensen and
the SEAL level the committee determines are left for the committee. A prompt ends with
:data:`PROMPT_END`; the grid counts a motivering that still ends with it as missing.
"""

from __future__ import annotations

from openpyxl.workbook.workbook import Workbook

from aanbesteding.errors import InputError
from aanbesteding.responses.model import BidderResponse, ItemAnswer, Responses
from aanbesteding.support.text import shorten
from aanbesteding.writers.xlsx.cells import EURO, PROMPT_END, cell_at, put_number, put_text
from aanbesteding.writers.xlsx.layout import (
    EISEN,
    PRICE_COLUMN,
    PRIJS,
    SOEVEREINITEIT,
    WENSEN,
    GridLayout,
)

ANSWERS = ("Ja", "Nee")


def prompt(*parts: tuple[str, str]) -> str:
    """A motivering prompt: the bidder's own statements, labelled, then :data:`PROMPT_END`."""
    said = " ".join(f"{label}: {text.strip()}." for label, text in parts if text.strip())
    return f"{said} {PROMPT_END}" if said else ""


def _item(wb: Workbook, layout: GridLayout, i: int, answer: ItemAnswer, bidder: str) -> None:
    number = answer.number
    if number in layout.eisen_rows:
        row = layout.eisen_rows[number]
        if answer.answer is not None:
            if answer.answer not in ANSWERS:
                raise InputError(
                    f"antwoorden van {shorten(bidder)}, {number}: {shorten(answer.answer)} is geen Ja of Nee"
                )
            cell_at(wb[EISEN], row, layout.eis_answer(i)).value = answer.answer
        text = prompt(("Bewijs volgens inschrijver", answer.evidence), ("Opmerking inschrijver", answer.remark))
        if text:
            put_text(wb[EISEN], row, layout.eis_motivering(i), text)
    elif number in layout.wensen_rows:
        text = prompt(
            ("Aanbod inschrijver", answer.offer),
            ("Bewijs volgens inschrijver", answer.evidence),
            ("Opmerking inschrijver", answer.remark),
        )
        if text:
            put_text(wb[WENSEN], layout.wensen_rows[number], layout.wens_motivering(i), text)
    elif number not in layout.sov_items:
        raise InputError(f"antwoorden van {shorten(bidder)}: nummer {shorten(number)} staat niet in deze bijlage")


def _bidder(wb: Workbook, layout: GridLayout, i: int, response: BidderResponse) -> None:
    for answer in response.items:
        _item(wb, layout, i, answer, response.bidder)
    sov = wb[SOEVEREINITEIT]
    for claim in response.seal:
        row = layout.sov_rows.get(claim.objective)
        if row is None or not 0 <= claim.level <= 4:
            raise InputError(
                f"antwoorden van {shorten(response.bidder)}: SEAL-claim "
                f"{shorten(claim.objective)} niveau {claim.level} bestaat niet "
                "(SOV-1 tot en met SOV-8, niveau 0 tot en met 4)"
            )
        cell_at(sov, row, layout.seal_claimed(i)).value = claim.level
        text = prompt(("SEAL-bewijs volgens inschrijver", claim.evidence))
        if text:
            put_text(sov, row, layout.seal_motivering(i), text)
    if response.price is not None:
        if response.price < 0:
            raise InputError(f"antwoorden van {shorten(response.bidder)}: de prijs is negatief")
        put_number(wb[PRIJS], layout.price_row(i), PRICE_COLUMN, float(response.price), EURO)


def prefill(wb: Workbook, layout: GridLayout, responses: Responses) -> None:
    """Write ``responses`` into the input cells of ``wb`` (built with ``layout``).

    Raises InputError, before writing anything, for a bidder the grid does not name twice or
    at all; and for an answer on a number that is not in the bijlage or an invalid value.
    """
    names = [r.bidder for r in responses.bidders]
    unknown = [n for n in names if n not in layout.bidders]
    if unknown:
        raise InputError(
            f"antwoorden van onbekende inschrijver(s) {', '.join(map(shorten, unknown))}"
            f"; de matrix kent: {', '.join(layout.bidders)}"
        )
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise InputError(f"antwoorden van {', '.join(map(shorten, doubles))} staan er meer dan eens in")
    for response in responses.bidders:
        _bidder(wb, layout, layout.bidders.index(response.bidder), response)
