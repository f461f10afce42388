"""Reading registers: headings by name and alias (Softwarecatalogus export, CSV), bad rows by
sheet/row/column while the others count, refused inputs, lead times from an organisation."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from aanbesteding.api import load_library
from aanbesteding.cli.main import main
from aanbesteding.domain import Laag
from aanbesteding.errors import InputError
from aanbesteding.portfolio.dates import Notice, NoticeUnit, Renewal
from aanbesteding.portfolio.reader import read_register
from aanbesteding.portfolio.run import build_report
from aanbesteding.portfolio.template import register_bytes
from tests.portfolio_register import fill

PEIL = dt.date(2027, 1, 15)


def test_the_empty_register_has_two_sheets_with_comments_and_dropdowns(tmp_path: Path) -> None:
    path = tmp_path / "leeg.xlsx"
    path.write_bytes(register_bytes())
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["Systemen", "Contracten"]
    contracts = wb["Contracten"]
    headings = [c.value for c in contracts[1]]
    assert headings[:6] == ["contract", "systemen", "leverancier", "ingangsdatum", "einddatum", "verlenging"]
    assert all(c.comment is not None and c.comment.text for c in contracts[1] if c.value)
    lists = {str(v.formula1) for v in contracts.data_validations.dataValidation if v.type == "list"}
    assert '"geen,stilzwijgend,optie"' in lists and '"behouden,vervangen,onbekend"' in lists
    assert register_bytes() == register_bytes()


def test_init_refuses_to_overwrite_and_wants_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    assert main(["portfolio", "init", str(path)]) == 0
    assert main(["portfolio", "init", str(path)]) == 1
    assert main(["portfolio", "init", str(tmp_path / "r.csv")]) == 1


def test_a_softwarecatalogus_export_with_other_headings_is_read(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Export"
    ws.append(["Organisatie", "Pakket", "Leverancier", "Pakketversie", "Hostinglocatie", "Laag"])
    ws.append(["Gemeente X", "Zaakgericht Werken", "Acme B.V.", "5.1", "Nederland", "2"])
    ws.append(["Gemeente X", "Parkeervergunningen", "Park B.V.", "1.0", "VS", "kritiek"])
    ws.append(["Gemeente X", "Kaarten", "Geo B.V.", "2.0", "Atlantis", "3"])
    path = tmp_path / "swc.xlsx"
    wb.save(path)
    register = read_register([path])
    assert [(s.name, s.supplier, s.hosting_locations, s.laag) for s in register.systems] == [
        ("Zaakgericht Werken", "Acme B.V.", ("Nederland",), Laag.GEVOELIG),
        ("Parkeervergunningen", "Park B.V.", ("VS",), Laag.KRITIEK),
        ("Kaarten", "Geo B.V.", ("Atlantis",), Laag.ONDERSTEUNEND),
    ]
    assert [i.message for i in register.issues] == ["het blad Contracten ontbreekt"]
    report = build_report([path], PEIL, 12, load_library())
    assert [(i.row, i.column) for i in report.portfolio.issues][1:] == [(4, "hosting locatie")]
    outside = [c.subject for c in report.portfolio.conflicts if c.kind == "hosting buiten de EER"]
    assert outside == []  # no contract type given: no clause set to test against


def test_csv_files_are_read_with_semicolons_dutch_dates_and_notice_in_days(tmp_path: Path) -> None:
    systems = tmp_path / "systemen.csv"
    systems.write_text("Systeem;Laag;Eigenaar\nZaken;2;Team\n", encoding="utf-8")
    contracts = tmp_path / "contracten.csv"
    contracts.write_text(
        "Contractnummer;Systeem(en);Einddatum initiële looptijd;Verlengingstype;Verlengingstermijn;"
        "Opzegtermijn;Contractwaarde\n"
        "C-1;Zaken;31-12-2027;stilzwijgend;12;90 dagen;€ 125.000,50\n"
        "C-2;Zaken;2027-13-01;geen;;;\n",
        encoding="utf-8",
    )
    register = read_register([systems, contracts])
    (c,) = register.contracts
    assert (c.name, c.systems, c.terms.end, c.terms.renewal, c.terms.notice, c.value) == (
        "C-1",
        ("Zaken",),
        dt.date(2027, 12, 31),
        Renewal.STILZWIJGEND,
        Notice(90, NoticeUnit.DAGEN),
        125000.5,
    )
    assert [str(i) for i in register.issues] == [
        "contracten.csv, Contracten, rij 3, kolom einddatum: '2027-13-01' is geen datum; "
        "schrijf JJJJ-MM-DD, bijv. 2027-02-28; de rij telt niet mee"
    ]


def test_bad_cells_are_reported_by_sheet_row_and_column_and_other_rows_count(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(register_bytes())
    fill(
        path,
        systems=[{"systeem": "A", "laag": "4"}, {"systeem": "B", "laag": 3}, {"systeem": "A", "laag": 2}],
        contracts=[
            {
                "contract": "K1",
                "einddatum": dt.date(2027, 5, 1),
                "verlenging": "stilzwijgend",
                "verlengingsperiode": 12,
            },
            {"contract": "K2", "einddatum": dt.date(2027, 5, 1), "opzegtermijn": "drie maanden"},
            {
                "contract": "K3",
                "einddatum": dt.date(2027, 5, 1),
                "verlenging": "optie",
                "verlengingsperiode": 12,
                "opzegtermijn": "1 maand",
            },
        ],
    )
    register = read_register([path])
    where = [(i.sheet, i.row, i.column) for i in register.issues]
    assert where == [
        ("Systemen", 2, "laag"),
        ("Contracten", 2, "opzegtermijn"),
        ("Contracten", 3, "opzegtermijn"),
        ("Contracten", 4, "resterende opties"),
        ("Systemen", 4, "systeem"),
    ]
    assert [s.name for s in register.systems] == ["A", "B"]
    assert [c.name for c in register.contracts] == ["K2"]


def test_inputs_that_are_not_regular_files_or_too_large_are_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="geen gewoon bestand"):
        read_register([tmp_path])
    with pytest.raises(InputError, match=r"weg\.xlsx: (het bestand )?bestaat niet"):
        read_register([tmp_path / "weg.xlsx"])
    big = tmp_path / "groot.xlsx"
    with open(big, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(InputError, match=r"groot\.xlsx.*groter dan 20 MB"):
        read_register([big])
    notes = tmp_path / "register.txt"
    notes.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"xlsx- of \.csv"):
        read_register([notes])
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04 no zip")
    with pytest.raises(InputError, match=r"kapot\.xlsx: geen leesbaar Excel-bestand"):
        read_register([broken])
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pijp.xlsx"
        os.mkfifo(fifo)
        with pytest.raises(InputError, match=r"pijp\.xlsx: dit is geen gewoon bestand"):
            read_register([fifo])


def test_the_cli_reports_a_missing_register_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["portfolio", "rapport", str(tmp_path / "weg.xlsx"), "--uitvoer", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Fout: register") and "Traceback" not in err
    assert not (tmp_path / "o").exists()
    assert (
        main(
            [
                "portfolio",
                "rapport",
                str(tmp_path / "weg.xlsx"),
                "--peildatum",
                "15-01-2027",
                "--uitvoer",
                str(tmp_path / "o"),
            ]
        )
        == 1
    )
    assert "--peildatum 15-01-2027" in capsys.readouterr().err


def test_an_organisation_library_sets_its_own_lead_times(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "beleid.yaml").write_text(
        "portfolio:\n  beslistermijnen:\n    gevoelig:\n      verlengingstoets: 9\n      aanbesteden: 24\n",
        encoding="utf-8",
    )
    library = load_library(None, str(org))
    assert library.policy.lead_times[Laag.GEVOELIG].verlengingstoets == 9
    assert library.policy.lead_times[Laag.KRITIEK].verlengingstoets == 6  # the standard library's
    path = tmp_path / "r.xlsx"
    path.write_bytes(register_bytes())
    fill(
        path,
        systems=[{"systeem": "Z", "laag": 2, "contracttype": "saas"}],
        contracts=[
            {
                "contract": "K",
                "systemen": "Z",
                "einddatum": dt.date(2027, 12, 31),
                "verlenging": "stilzwijgend",
                "verlengingsperiode": 12,
                "opzegtermijn": "3 maanden",
            }
        ],
    )
    report = build_report([path], PEIL, 12, library)
    (view,) = report.portfolio.contracts
    assert (view.schedule.notice_day, view.decision) == (dt.date(2027, 9, 30), dt.date(2026, 12, 30))


def test_map_writes_a_report_per_register_and_end_dates_per_supplier(tmp_path: Path) -> None:
    folder = tmp_path / "registers"
    folder.mkdir()
    for name, end in (("utrecht", dt.date(2027, 12, 31)), ("zeist", dt.date(2028, 6, 30))):
        path = folder / f"{name}.xlsx"
        path.write_bytes(register_bytes())
        fill(
            path,
            systems=[{"systeem": "Zaken", "laag": 2, "contracttype": "saas"}],
            contracts=[
                {
                    "contract": f"Z-{name}",
                    "systemen": "Zaken",
                    "leverancier": "Acme B.V." if name == "utrecht" else "ACME bv",
                    "einddatum": end,
                }
            ],
        )
    out = tmp_path / "uit"
    assert main(["portfolio", "rapport", "--map", str(folder), "--peildatum", "2027-01-15", "--uitvoer", str(out)]) == 0
    assert (out / "utrecht" / "portfolio-rapport.xlsx").is_file() and (out / "zeist" / "beslisdata.ics").is_file()
    wb = load_workbook(out / "leveranciers.xlsx")
    summary = list(wb["Leveranciers"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2]) for r in summary] == [("Acme B.V.", 2, 2)]
    assert summary[0][3].date() == dt.date(2027, 12, 31) and summary[0][4].date() == dt.date(2028, 6, 30)
    details = [(r[1], r[2]) for r in wb["Einddata"].iter_rows(min_row=2, values_only=True)]
    assert details == [("utrecht", "Z-utrecht"), ("zeist", "Z-zeist")]


def test_incomplete_bia_answers_are_reported_and_the_tier_stays_unknown(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(register_bytes())
    fill(
        path,
        systems=[
            {
                "systeem": "Half",
                "proces": "primair",
                "persoonsgegevens": "gevoelig",
                "eigenaar": "X",
                "laatst bevestigd": dt.date(2026, 12, 1),
            }
        ],
        contracts=[{"contract": "K", "systemen": "Half", "einddatum": dt.date(2027, 12, 31)}],
    )
    report = build_report([path], PEIL, 12, load_library())
    (issue,) = report.portfolio.issues
    assert (issue.sheet, issue.row, issue.column) == ("Systemen", 2, "uitval 24u, uitval 72u, uitval week")
    assert "BIA-antwoorden onvolledig" in issue.message
    kinds = {c.kind for c in report.portfolio.conflicts}
    assert kinds == {"laag onbekend"}
    (view,) = report.portfolio.contracts
    assert view.laag is Laag.KRITIEK and "laag onbekend: de termijnen van laag 1 zijn aangehouden" in view.notes
    assert any("contracttype onbekend" in note for note in view.notes)
    assert not [name for name in report.files if name.startswith(("vragenlijst", "profiel"))]


def test_file_names_for_contracts_stay_apart_and_never_empty() -> None:
    from aanbesteding.portfolio.run import _name

    taken: set[str] = set()
    names = [_name("vragenlijst", n, ".docx", taken) for n in ("A/B", "A-B", "€€€", "../../etc")]
    assert names == [
        "vragenlijst-a-b.docx",
        "vragenlijst-a-b-2.docx",
        "vragenlijst-contract.docx",
        "vragenlijst-etc.docx",
    ]


def test_a_contract_can_carry_its_own_lead_time(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(register_bytes())
    base = {
        "systemen": "Z",
        "einddatum": dt.date(2027, 12, 31),
        "verlenging": "stilzwijgend",
        "verlengingsperiode": 12,
        "opzegtermijn": "3 maanden",
    }
    fill(
        path,
        systems=[{"systeem": "Z", "laag": 2, "contracttype": "saas"}],
        contracts=[
            {"contract": "Eigen", "beslistermijn": 1, **base},
            {"contract": "Beleid", **base},
            {"contract": "Te lang", "beslistermijn": 61, **base},
        ],
    )
    report = build_report([path], PEIL, 12, load_library())
    decisions = {c.contract.name: c.decision for c in report.portfolio.contracts}
    assert decisions == {"Eigen": dt.date(2027, 8, 30), "Beleid": dt.date(2027, 5, 30), "Te lang": dt.date(2027, 5, 30)}
    assert [(i.row, i.column) for i in report.portfolio.issues] == [(4, "beslistermijn")]
