"""Reading one filled form: what is accepted as the bidder's answer and what is refused, row by
row (without the command line)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from aanbesteding.compose.composer import compose_annex
from aanbesteding.library.loader import load_library
from aanbesteding.responses.form_spec import (
    COL_LEVEL_EVIDENCE,
    COL_OFFER,
    COL_REMARK,
    IDENT_COLUMN,
    IDENT_FIELDS,
    INSCHRIJVER,
    LONG_TEXT,
    SEAL,
    VRAGENLIJST,
    FormLayout,
    form_layout,
)
from aanbesteding.responses.reader import ReadForm, read_form
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.xlsx.form import form_bytes
from tests.forms import BIDDERS, KENMERK, fill


@pytest.fixture(scope="module")
def blank() -> tuple[bytes, FormLayout]:
    annex = compose_annex(
        load_library(),
        build_tender(
            {
                "laag": "2",
                "contracttype": "saas",
                "kenmerk": KENMERK,
                "datum": "2026-12-01",
                "inschrijvers": list(BIDDERS),
            }
        ),
    )
    return form_bytes(annex), form_layout(annex)


def read(tmp_path: Path, blank: tuple[bytes, FormLayout], **changes: object) -> ReadForm:
    data, layout = blank
    path = tmp_path / "formulier.xlsx"
    path.write_bytes(fill(data, layout, "Alfa", **changes))  # type: ignore[arg-type]
    return read_form(path, layout)


def ident(key: str) -> str:
    return f"C{next(f.row for f in IDENT_FIELDS if f.key == key)}"


def messages(form: ReadForm) -> list[str]:
    return [f"{p.where}: {p.message}" for p in form.problems]


def test_a_complete_form_gives_every_answer_with_its_evidence(tmp_path: Path, blank: tuple[bytes, FormLayout]) -> None:
    form = read(tmp_path, blank, price=1250.5)
    assert form.problems == () and form.response is not None
    response = form.response
    layout = blank[1]
    assert [a.number for a in response.items] == [i.number for i in layout.items if i.role != "seal"]
    eis = next(i for i in layout.items if i.role == "answer")
    answer = response.item(eis.number)
    assert answer is not None and answer.answer == "Ja"
    assert answer.evidence == f"Alfa inschrijving.pdf, pagina {eis.row}"
    assert [c.level for c in response.seal] == [max(o.minimum or 0, 3) for o in layout.objectives]
    assert response.seal[0].evidence.startswith("SEAL-1: Rapport SOV-1 p. 1; SEAL-2:")
    assert str(response.price) == "1250.5"
    assert (response.kvk, response.signed_on) == ("12345678", dt.date(2027, 1, 15))
    assert response.signatory == "A. de Vries, Directeur, Utrecht"
    assert response.source_sha256 == form.sha256


def test_a_reservation_on_a_bepaling_is_an_answer_not_a_form_error(
    tmp_path: Path, blank: tuple[bytes, FormLayout]
) -> None:
    bepaling = next(i for i in blank[1].items if i.role == "acceptance")
    form = read(tmp_path, blank, answers={bepaling.number: "nee"})
    assert form.problems == () and form.response is not None
    answer = form.response.item(bepaling.number)
    assert answer is not None and answer.answer == "Nee"


def test_an_empty_wens_is_allowed_and_scores_zero_later(tmp_path: Path, blank: tuple[bytes, FormLayout]) -> None:
    wens = next(i for i in blank[1].items if i.role == "offer")
    form = read(tmp_path, blank, cells={(VRAGENLIJST, f"G{wens.row}"): None})
    assert COL_OFFER == 7 and form.problems == ()


def test_identification_is_checked_field_by_field(tmp_path: Path, blank: tuple[bytes, FormLayout]) -> None:
    form = read(
        tmp_path,
        blank,
        kvk="1234567",
        cells={
            (INSCHRIJVER, ident("email")): "geen adres",
            (INSCHRIJVER, ident("datum")): "morgen",
            (INSCHRIJVER, ident("contactpersoon")): None,
        },
    )
    found = messages(form)
    assert form.response is None
    assert "Inschrijver: KvK-nummer (8 cijfers): '1234567' is geen KvK-nummer van 8 cijfers" in found
    assert "Inschrijver: E-mailadres contactpersoon: 'geen adres' is geen e-mailadres" in found
    assert "Inschrijver: Datum van ondertekening: 'morgen' is geen datum" in found
    assert "Inschrijver: Contactpersoon: ontbreekt" in found
    assert IDENT_COLUMN == 3


def test_a_date_typed_as_text_is_read_as_a_date(tmp_path: Path, blank: tuple[bytes, FormLayout]) -> None:
    form = read(tmp_path, blank, cells={(INSCHRIJVER, ident("datum")): "15-01-2027"})
    assert form.response is not None and form.response.signed_on == dt.date(2027, 1, 15)


def test_a_claimed_level_needs_evidence_for_it_and_every_level_below(
    tmp_path: Path, blank: tuple[bytes, FormLayout]
) -> None:
    objective = blank[1].objectives[0]
    column = get_column_letter(COL_LEVEL_EVIDENCE + 1)  # the SEAL-2 column
    form = read(tmp_path, blank, cells={(SEAL, f"{column}{objective.row}"): None})
    assert messages(form) == [f"SEAL rij {objective.row} ({objective.objective}): het bewijs voor SEAL-2 ontbreekt"]


def test_too_long_a_text_and_a_claim_outside_the_list_are_refused(
    tmp_path: Path, blank: tuple[bytes, FormLayout]
) -> None:
    eis = next(i for i in blank[1].items if i.role == "answer")
    objective = blank[1].objectives[1]
    column = get_column_letter(COL_REMARK)
    form = read(
        tmp_path,
        blank,
        claims={objective.objective: 5},
        cells={(VRAGENLIJST, f"{column}{eis.row}"): "x" * (LONG_TEXT + 1)},
    )
    found = messages(form)
    assert (
        f"Vragenlijst rij {eis.row} ({eis.number}): de tekst is {LONG_TEXT + 1} tekens lang; "
        f"hoogstens {LONG_TEXT}" in found
    )
    assert (
        f"SEAL rij {objective.row} ({objective.objective}): '5' staat niet in de keuzelijst (0, 1, 2, 3 of 4)" in found
    )


def test_a_file_that_is_not_a_form_is_refused_by_name(tmp_path: Path, blank: tuple[bytes, FormLayout]) -> None:
    text = tmp_path / "brief.xlsx"
    text.write_text("geen spreadsheet", encoding="utf-8")
    assert messages(read_form(text, blank[1])) == [": is geen Excel-bestand (.xlsx)"]
    assert str(read_form(text, blank[1]).problems[0]) == "brief.xlsx: is geen Excel-bestand (.xlsx)"
