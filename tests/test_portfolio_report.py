"""portfolio init + a scripted register + portfolio rapport, read back: every date against a
hand computation, buckets, actions, conflicts, questionnaire, profiles, calendar, export."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar
from openpyxl import load_workbook

from aanbesteding.api import build_tender, load_library
from aanbesteding.cli.main import main
from aanbesteding.compose.composer import compose_annex
from tests.portfolio_register import EXPECTED, EXPECTED_CONFLICTS, fill

PEIL = "2027-01-15"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, bytes]]:
    """(register, output folder, the register's bytes before the report)."""
    root = tmp_path_factory.mktemp("portfolio")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AANBESTEDING_CACHE", str(root / "cache"))
        register = root / "register.xlsx"
        assert main(["portfolio", "init", str(register)]) == 0
        fill(register)
        before = register.read_bytes()
        out = root / "rapport"
        assert (
            main(["portfolio", "rapport", str(register), "--peildatum", PEIL, "--horizon", "12", "--uitvoer", str(out)])
            == 0
        )
        yield register, out, before


def _contract_rows(out: Path) -> dict[str, dict[str, object]]:
    ws = load_workbook(out / "portfolio-rapport.xlsx")["Contracten"]
    rows = list(ws.iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return {str(r[1]): dict(zip(header, r, strict=True)) for r in rows[1:]}


def _day(value: object) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else None


def test_every_date_bucket_and_action_equals_the_hand_computation(made: tuple[Path, Path, bytes]) -> None:
    rows = _contract_rows(made[1])
    assert set(rows) == set(EXPECTED)  # FOUT-1 (einddatum 31-02-2027) is left out
    for name, (current, certain, notice, action, decision, bucket) in EXPECTED.items():
        row = rows[name]
        got = (
            _day(row["Lopende periode tot"]),
            _day(row["Loopt zeker tot"]),
            _day(row["Uiterste opzegdag / optiedatum"]),
            row["Actie"],
            _day(row["Beslisdatum"]),
            row["Termijn"],
        )
        assert got == (current, certain, notice, action, decision, bucket), name


def test_every_conflict_is_listed_and_no_other(made: tuple[Path, Path, bytes]) -> None:
    ws = load_workbook(made[1] / "portfolio-rapport.xlsx")["Conflicten"]
    found = {(str(r[0]), str(r[1])) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert found == EXPECTED_CONFLICTS


def test_a_bad_row_is_reported_by_sheet_row_and_column_and_the_register_is_unchanged(
    made: tuple[Path, Path, bytes],
) -> None:
    register, out, before = made
    ws = load_workbook(out / "portfolio-rapport.xlsx")["Meldingen"]
    issues = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    assert issues == [
        (
            "register.xlsx",
            "Contracten",
            15,
            "einddatum",
            "'31-02-2027' is geen datum; schrijf JJJJ-MM-DD, bijv. 2027-02-28; de rij telt niet mee",
        )
    ]
    assert register.read_bytes() == before


def test_tiers_show_whether_they_came_from_the_bia_or_were_typed(made: tuple[Path, Path, bytes]) -> None:
    ws = load_workbook(made[1] / "portfolio-rapport.xlsx")["Systemen"]
    tiers = {str(r[0]): (r[1], r[2]) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert tiers["Belastingen"] == ("Laag 1 – Kritiek", "BIA")
    assert tiers["Vergunningen"] == ("Laag 2 – Gevoelig", "BIA")
    assert tiers["Zaaksysteem"] == ("Laag 2 – Gevoelig", "opgegeven")
    overview = load_workbook(made[1] / "portfolio-rapport.xlsx")["Overzicht"]
    counts = {r[0]: r[1:4] for r in overview.iter_rows(values_only=True) if r[0] and str(r[0]).startswith("Laag")}
    assert counts["Laag 1 – Kritiek"] == (2, 1, 1)
    assert counts["Laag 2 – Gevoelig"] == (7, 1, 6)
    assert counts["Laag 3 – Ondersteunend"] == (4, 0, 4)


def test_supplier_text_that_looks_like_a_formula_stays_text(made: tuple[Path, Path, bytes]) -> None:
    ws = load_workbook(made[1] / "portfolio-rapport.xlsx")["Contracten"]
    cell = next(c for c in ws["D"] if c.value == "=1+1 Parkeren BV")
    assert cell.data_type == "s"


def test_the_renewal_questionnaire_for_laag_2_saas_asks_every_laag_2_saas_clause(
    made: tuple[Path, Path, bytes],
) -> None:
    annex = compose_annex(load_library(), build_tender({"laag": 2, "contracttype": "saas"}))
    doc = Document(str(made[1] / "vragenlijst-zaak-2023.docx"))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert headings == [f"V-{i:02d} {r.title}" for i, r in enumerate(annex.requirements, start=1)]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.count("Vraag (") == len(annex.requirements) > 10
    assert "30 mei 2027" in text  # the decision date, also the answer deadline
    facts = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert facts["Beslisdatum"] == "30 mei 2027" and facts["Uiterste opzegdag"] == "30 september 2027"
    assert facts["Laag"] == "Laag 2 – Gevoelig" and facts["Leverancier"] == "Acme Software B.V."


def test_a_tender_profile_is_written_for_each_contract_to_tender_and_runs_through_genereer(
    made: tuple[Path, Path, bytes], tmp_path: Path
) -> None:
    out = made[1]
    profiles = sorted(p.name for p in out.glob("profiel-*.yaml"))
    assert profiles == [
        "profiel-dms-2025.yaml",
        "profiel-hr-2023.yaml",
        "profiel-kcc-2025.yaml",
        "profiel-park-2019.yaml",
        "profiel-verg-2021.yaml",
    ]
    target = tmp_path / "bijlage.docx"
    assert main(["genereer", str(out / "profiel-dms-2025.yaml"), "--uitvoer", str(target)]) == 0
    body = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Platform as a Service" in body or "PaaS" in body
    manifest = json.loads(target.with_suffix(".manifest.json").read_text(encoding="utf-8"))
    assert manifest["aanbesteding"]["laag"] == 2 and manifest["aanbesteding"]["contracttype"] == "paas"
    assert manifest["aanbesteding"]["organisatie"] == "register"


def test_the_calendar_parses_with_one_event_per_contract_and_stable_uids(
    made: tuple[Path, Path, bytes], tmp_path: Path
) -> None:
    data = (made[1] / "beslisdata.ics").read_bytes()
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(EXPECTED)
    starts = {str(e["SUMMARY"]).split(": ", 1)[1]: e.decoded("DTSTART") for e in events}
    assert starts == {name: expected[4] for name, expected in EXPECTED.items()}
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    again = tmp_path / "again"
    assert main(["portfolio", "rapport", str(made[0]), "--peildatum", PEIL, "--uitvoer", str(again)]) == 0
    assert hashlib.sha256((again / "beslisdata.ics").read_bytes()).digest() == hashlib.sha256(data).digest()


def test_the_same_register_and_peildatum_give_the_same_bytes(made: tuple[Path, Path, bytes], tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert main(["portfolio", "rapport", str(made[0]), "--peildatum", PEIL, "--uitvoer", str(again)]) == 0
    first = {p.name: p.read_bytes() for p in made[1].iterdir()}
    second = {p.name: p.read_bytes() for p in again.iterdir()}
    assert first == second


def test_the_json_export_holds_usages_and_contracts(made: tuple[Path, Path, bytes]) -> None:
    data = json.loads((made[1] / "softwarecatalogus.json").read_text(encoding="utf-8"))
    assert len(data["gebruiken"]) == 13 and len(data["contracten"]) == len(EXPECTED)
    fin = next(c for c in data["contracten"] if c["naam"] == "FIN-2024")
    assert fin["einddatum"] == "2028-02-29"
    assert fin["verlenging"] == {
        "soort": "stilzwijgend",
        "periodeMaanden": 12,
        "resterendeOpties": None,
        "opzegtermijn": {"aantal": 3, "eenheid": "maanden"},
    }
    assert fin["aanbesteding"]["uitersteOpzegdag"] == "2027-11-30"
    usage = next(u for u in data["gebruiken"] if u["naam"] == "Vergunningen")
    assert usage["hosting"]["locaties"] == ["Verenigde Staten"] and usage["aanbesteding"]["herkomstLaag"] == "BIA"


def test_an_existing_report_is_not_overwritten_without_force(
    made: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    register, out, _ = made
    before = (out / "portfolio-rapport.xlsx").read_bytes()
    assert main(["portfolio", "rapport", str(register), "--peildatum", PEIL, "--uitvoer", str(out)]) == 1
    assert "bestaat al; gebruik --force" in capsys.readouterr().err
    assert (out / "portfolio-rapport.xlsx").read_bytes() == before


@pytest.mark.libreoffice
def test_the_report_and_a_questionnaire_open_in_libreoffice(made: tuple[Path, Path, bytes], tmp_path: Path) -> None:
    from tests.libreoffice import convert, pdf_text

    out = made[1]
    text = pdf_text(convert(out / "portfolio-rapport.docx", "pdf", tmp_path / "docx"))
    assert "Contracten per termijn" in text and "ZAAK-ONDERSTEUNING" in text and "30-11-2026" in text
    ods = convert(out / "portfolio-rapport.xlsx", "ods", tmp_path / "xlsx")
    assert ods.stat().st_size > 0
    back = convert(ods, "xlsx:Calc MS Excel 2007 XML", tmp_path / "back")
    sheets = load_workbook(back).sheetnames
    assert sheets == ["Overzicht", "Contracten", "Systemen", "Conflicten", "Meldingen", "Beslistermijnen"]
    questions = pdf_text(convert(out / "vragenlijst-fin-2024.docx", "pdf", tmp_path / "vragen"))
    assert "Vragenlijst verlengingstoets" in questions and "30 juli 2027" in questions
    register = convert(convert(made[0], "ods", tmp_path / "reg"), "xlsx:Calc MS Excel 2007 XML", tmp_path / "regx")
    wb = load_workbook(register)
    assert wb.sheetnames[:2] == ["Systemen", "Contracten"]
    assert wb["Contracten"]["A1"].comment is not None  # the header comments survive the client
    assert any(v.type == "list" for v in wb["Contracten"].data_validations.dataValidation)
