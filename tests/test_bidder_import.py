"""importeer: three forms filled by script into a new matrix that LibreOffice computes exactly as
if the committee had typed the answers; the import record; refusals that name bidder and row
and write nothing; byte-identical repeats; OCDS bids."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from openpyxl.workbook.workbook import Workbook

from aanbesteding.api import load_library
from aanbesteding.compose.composer import compose_annex
from aanbesteding.responses.form_spec import (
    PRIJS,
    VRAGENLIJST,
    FormLayout,
    form_layout,
)
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.xlsx.grid import GridLayout
from aanbesteding.writers.xlsx.layout import EISEN, SOEVEREINITEIT
from tests.conftest import Runner
from tests.forms import BIDDERS, KENMERK, PMAX, PMIN, fill, form_path, generate
from tests.libreoffice import convert
from tests.test_exports import validate_ocds

XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML"
PRICES = {"Alfa": 150_000.5, "Beta": 120_000, "Gamma": 180_000}


def layout_of() -> FormLayout:
    return form_layout(
        compose_annex(
            load_library(),
            build_tender(
                {
                    "laag": "2",
                    "contracttype": "saas",
                    "kenmerk": KENMERK,
                    "datum": "2026-12-01",
                    "inschrijvers": list(BIDDERS),
                    "pmin": PMIN,
                    "pmax": PMAX,
                }
            ),
        )
    )


@pytest.fixture(scope="module")
def tender(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FormLayout]:
    """The generated documents (matrix path) and the form layout, made once."""
    return generate(tmp_path_factory.mktemp("aanbesteding")), layout_of()


def first_eis(layout: FormLayout, n: int = 0) -> str:
    return [i.number for i in layout.items if i.role == "answer"][n]


def below_minimum(layout: FormLayout) -> str:
    return next(o.objective for o in layout.objectives if o.minimum is not None)


def three_forms(folder: Path, matrix: Path, layout: FormLayout) -> list[Path]:
    """Alfa complete, Beta with a Nee on an eis, Gamma with a SEAL claim below a minimum."""
    blank = form_path(matrix).read_bytes()
    filled = {
        "Alfa": fill(blank, layout, "Alfa", price=PRICES["Alfa"]),
        "Beta": fill(blank, layout, "Beta", price=PRICES["Beta"], answers={first_eis(layout, 1): "Nee"}),
        "Gamma": fill(blank, layout, "Gamma", price=PRICES["Gamma"], claims={below_minimum(layout): 1}),
    }
    folder.mkdir(exist_ok=True)
    paths = []
    for name, data in filled.items():
        path = folder / f"{name.lower()}.xlsx"
        path.write_bytes(data)
        paths.append(path)
    return paths


def values(wb: Workbook) -> dict[str, object]:
    return {
        f"{ws.title}!{c.coordinate}": c.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    }


def type_by_hand(matrix: Path, imported: Path, target: Path) -> None:
    """The original matrix with every input cell typed as the import filled it."""
    source = openpyxl.load_workbook(imported)
    wb = openpyxl.load_workbook(matrix)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.protection.locked is False:
                    cell.value = source[ws.title][cell.coordinate].value
    wb.save(target)


def committee_seal(path: Path, levels: dict[str, dict[str, int]]) -> None:
    """The committee types the SEAL level it determines (here: what each bidder claimed)."""
    wb = openpyxl.load_workbook(path)
    grid = GridLayout.from_annex(
        compose_annex(
            load_library(), build_tender({"laag": "2", "contracttype": "saas", "inschrijvers": list(BIDDERS)})
        )
    )
    for i, name in enumerate(BIDDERS):
        for objective, row in grid.sov_rows.items():
            wb[SOEVEREINITEIT].cell(row=row, column=grid.seal(i)).value = levels[name][objective]
    wb.save(path)


def test_three_forms_import_into_a_matrix_that_computes_as_if_typed_by_hand(
    tender: tuple[Path, FormLayout], tmp_path: Path, run: Runner
) -> None:
    matrix, layout = tender
    original = matrix.read_bytes()
    forms = three_forms(tmp_path / "in", matrix, layout)
    output = tmp_path / "nieuw.xlsx"
    code, out, err = run(["importeer", str(matrix), *map(str, forms), "--uitvoer", str(output)])
    assert (code, err) == (0, "")
    assert matrix.read_bytes() == original  # the original matrix is never changed
    for form in forms:
        assert hashlib.sha256(form.read_bytes()).hexdigest() in out
    # The import record lists the three form hashes.
    record = Document(str(tmp_path / "nieuw-inleesverslag.docx"))
    text = "\n".join(c.text for t in record.tables for row in t.rows for c in row.cells)
    text += "\n".join(p.text for p in record.paragraphs)
    for form in forms:
        assert hashlib.sha256(form.read_bytes()).hexdigest() in text
    assert f"{below_minimum(layout)}: geclaimd SEAL-1" in text
    published = hashlib.sha256(form_path(matrix).read_bytes()).hexdigest()
    assert f"Gepubliceerd als {form_path(matrix).name}\nSHA-256 {published}" in text
    assert f"{first_eis(layout, 1)} " in text and "Nee op de eis" in text

    # What the grid holds: Ja/Nee, claims next to (not in) the committee's SEAL, prices.
    grid = GridLayout.from_annex(
        compose_annex(
            load_library(), build_tender({"laag": "2", "contracttype": "saas", "inschrijvers": list(BIDDERS)})
        )
    )
    wb = openpyxl.load_workbook(output)
    beta, gamma = BIDDERS.index("Beta"), BIDDERS.index("Gamma")
    nee = first_eis(layout, 1)
    assert wb[EISEN].cell(row=grid.eisen_rows[nee], column=grid.eis_answer(beta)).value == "Nee"
    row = grid.sov_rows[below_minimum(layout)]
    assert wb[SOEVEREINITEIT].cell(row=row, column=grid.seal_claimed(gamma)).value == 1
    assert wb[SOEVEREINITEIT].cell(row=row, column=grid.seal(gamma)).value is None

    # Typed by hand into the original: LibreOffice computes every cell the same.
    claims = {
        name: {
            o.objective: (1 if name == "Gamma" and o.objective == below_minimum(layout) else max(o.minimum or 0, 3))
            for o in layout.objectives
        }
        for name in BIDDERS
    }
    by_hand = tmp_path / "hand" / "nieuw.xlsx"
    by_hand.parent.mkdir()
    type_by_hand(matrix, output, by_hand)
    imported = tmp_path / "import" / "nieuw.xlsx"
    imported.parent.mkdir()
    imported.write_bytes(output.read_bytes())
    for path in (by_hand, imported):
        committee_seal(path, claims)
    computed = [
        openpyxl.load_workbook(convert(p, XLSX_FILTER, p.parent / "uit"), data_only=True) for p in (imported, by_hand)
    ]
    assert values(computed[0]) == values(computed[1])
    result = computed[0]["Resultaat"]
    status = {
        str(result.cell(row=2 + i, column=1).value): str(result.cell(row=2 + i, column=2).value)
        for i in range(len(BIDDERS))
    }
    assert status["Beta"].startswith("Uitgesloten") and nee in status["Beta"]
    assert status["Gamma"].startswith("Uitgesloten") and below_minimum(layout) in status["Gamma"]
    assert not status["Alfa"].startswith("Uitgesloten")
    prices = computed[0]["Prijs"]
    share = prices.cell(row=grid.price_row(0), column=3).value
    assert share == pytest.approx((PMAX - PRICES["Alfa"]) / (PMAX - PMIN), abs=1e-9)
    assert prices.cell(row=grid.price_row(0), column=2).value == PRICES["Alfa"]


def test_a_second_import_of_the_same_forms_gives_the_same_bytes(
    tender: tuple[Path, FormLayout], tmp_path: Path, run: Runner
) -> None:
    matrix, layout = tender
    forms = [str(p) for p in three_forms(tmp_path / "in", matrix, layout)]
    outputs = []
    for name in ("een", "twee"):
        target = tmp_path / f"{name}.xlsx"
        code, _, err = run(["importeer", str(matrix), *forms, "--uitvoer", str(target)])
        assert (code, err) == (0, "")
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


def refused(run: Runner, matrix: Path, forms: list[Path], tmp_path: Path) -> str:
    target = tmp_path / "nieuw.xlsx"
    code, _, err = run(["importeer", str(matrix), *map(str, forms), "--uitvoer", str(target)])
    assert code == 1
    assert "Traceback" not in err
    assert not target.exists() and not (tmp_path / "nieuw-inleesverslag.docx").exists()
    return err


def test_refusals_name_bidder_and_row_and_write_nothing(
    tender: tuple[Path, FormLayout], tmp_path: Path, run: Runner
) -> None:
    matrix, layout = tender
    blank = form_path(matrix).read_bytes()
    eis = layout.item(first_eis(layout))
    assert eis is not None
    other = generate(tmp_path / "ander", kenmerk="INK-2026-099")
    cases = {
        "Alfa": fill(blank, layout, "Alfa", texts={eis.number: "De Opdrachtnemer doet wat hij wil."}),
        "Beta": fill(form_path(other).read_bytes(), layout, "Beta"),
        "Gamma": fill(blank, layout, "Gamma", answers={eis.number: "Misschien"}),
    }
    paths = []
    for name, data in cases.items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(data)
        paths.append(path)
    missing = tmp_path / "delta.xlsx"
    missing.write_bytes(fill(blank, layout, "Alfa", answers={eis.number: None}))
    err = refused(run, matrix, [*paths, missing], tmp_path)
    where = f"{VRAGENLIJST} rij {eis.row} ({eis.number})"
    assert f"Alfa.xlsx (Alfa), {where}: nummer, titel of tekst wijkt af" in err
    assert "Beta.xlsx (Beta): hoort bij een andere aanbesteding (kenmerk 'INK-2026-099'" in err
    assert f"Gamma.xlsx (Gamma), {where}: 'Misschien' staat niet in de keuzelijst" in err
    assert f"delta.xlsx (Alfa), {where}: antwoord op de eis ontbreekt" in err


def test_unknown_doubled_and_malformed_forms_are_refused(
    tender: tuple[Path, FormLayout], tmp_path: Path, run: Runner
) -> None:
    matrix, layout = tender
    blank = form_path(matrix).read_bytes()
    eis = first_eis(layout)
    cases = {
        "onbekend": fill(blank, layout, "Omega"),
        "alfa1": fill(blank, layout, "Alfa"),
        "alfa2": fill(blank, layout, "Alfa"),
        "decimalen": fill(blank, layout, "Beta", price=1234.567),
        "formule": fill(
            blank,
            layout,
            "Gamma",
            cells={
                (VRAGENLIJST, f"H{layout.item(eis).row}"):  # type: ignore[union-attr]
                "=1+1"
            },
        ),
    }
    paths = []
    for name, data in cases.items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(data)
        paths.append(path)
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    big = tmp_path / "groot.xlsx"
    big.write_bytes(b"0" * 5_000_001)
    err = refused(run, matrix, [*paths, folder, big], tmp_path)
    assert "onbekend.xlsx (Omega), Inschrijver: naam: de inschrijver 'Omega' staat niet in de matrix" in err
    assert "alfa1.xlsx (Alfa), Inschrijver: naam: dezelfde inschrijver staat ook in alfa2.xlsx" in err
    assert f"decimalen.xlsx (Beta), {PRIJS}: inschrijfprijs: 1234.567 heeft meer dan 2 decimalen" in err
    assert f"formule.xlsx (Gamma), {VRAGENLIJST} rij {layout.item(eis).row} ({eis}): bevat een formule" in err  # type: ignore[union-attr]
    assert "map.xlsx: is geen gewoon bestand" in err
    assert "groot.xlsx: is te groot voor een inschrijversformulier" in err


def test_gedeeltelijk_imports_the_valid_forms_and_records_the_refused_one(
    tender: tuple[Path, FormLayout], tmp_path: Path, run: Runner
) -> None:
    matrix, layout = tender
    blank = form_path(matrix).read_bytes()
    good, bad = tmp_path / "alfa.xlsx", tmp_path / "beta.xlsx"
    good.write_bytes(fill(blank, layout, "Alfa"))
    bad.write_bytes(fill(blank, layout, "Beta", price=None))
    target = tmp_path / "nieuw.xlsx"
    code, out, err = run(["importeer", str(matrix), str(good), str(bad), "--uitvoer", str(target), "--gedeeltelijk"])
    assert code == 0
    assert "Ingelezen: alfa.xlsx (Alfa)" in out
    assert f"Niet ingelezen: beta.xlsx (Beta), {PRIJS}: inschrijfprijs: ontbreekt" in err
    wb = openpyxl.load_workbook(target)
    assert wb[PRIJS].cell(row=2, column=2).value == 150_000
    assert wb[PRIJS].cell(row=3, column=2).value is None
    record = Document(str(tmp_path / "nieuw-inleesverslag.docx"))
    assert any("Geweigerde formulieren" in p.text for p in record.paragraphs)


def test_a_changed_matrix_another_version_and_an_existing_output_are_refused(
    tender: tuple[Path, FormLayout], tmp_path: Path, run: Runner
) -> None:
    matrix, layout = tender
    form = tmp_path / "alfa.xlsx"
    form.write_bytes(fill(form_path(matrix).read_bytes(), layout, "Alfa"))
    newer = generate(tmp_path / "v11", "--versie", "1.1")
    err = refused(run, newer, [form], tmp_path)
    assert "alfa.xlsx (Alfa): is een andere versie van het formulier (versie '1.0'" in err
    changed = tmp_path / "gewijzigd" / "bijlage.xlsx"
    changed.parent.mkdir()
    data = matrix.read_bytes()
    changed.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
    changed.with_suffix(".manifest.json").write_bytes(matrix.with_suffix(".manifest.json").read_bytes())
    err = refused(run, changed, [form], tmp_path)
    assert "de matrix is gewijzigd sinds 'genereer' haar schreef" in err
    code, _, err = run(["importeer", str(matrix), str(form), "--uitvoer", str(matrix)])
    assert code == 1 and "mag de matrix of een formulier niet overschrijven" in err


def test_json_carries_bids_with_requirement_responses(
    tender: tuple[Path, FormLayout], tmp_path: Path, run: Runner
) -> None:
    matrix, layout = tender
    forms = three_forms(tmp_path / "in", matrix, layout)
    target = tmp_path / "nieuw.xlsx"
    code, out, _ = run(["importeer", str(matrix), *map(str, forms), "--uitvoer", str(target), "--json"])
    assert code == 0 and "pas publiceren na de gunning" in out
    package = json.loads((tmp_path / "nieuw-inschrijvingen.json").read_text(encoding="utf-8"))
    release = package["releases"][0]
    validate_ocds(package)  # OCDS 1.1.5 with the requirements, lots and award extensions
    assert [p["name"] for p in release["parties"] if p["roles"] == ["tenderer"]] == list(BIDDERS)
    bids = release["bids"]["details"]
    beta = next(b for b in bids if b["tenderers"][0]["name"] == "Beta")
    answers = {r["requirement"]["id"]: r["value"] for r in beta["requirementResponses"]}
    assert answers[first_eis(layout, 1)] is False and answers[first_eis(layout)] is True
    requirement_ids = {
        r["id"] for c in release["tender"]["criteria"] for g in c["requirementGroups"] for r in g["requirements"]
    }
    assert set(answers) <= requirement_ids
    text = json.dumps(package)
    assert "150000" not in text and "Aanbod van" not in text  # no prices, no offers
    assert any("bid_extension" in e for e in package["extensions"])
    assert release["bids"]["statistics"] == [{"id": "1", "measure": "bids", "value": 3}]
    assert all(b["status"] == "pending" and b["relatedLots"] == ["1"] for b in bids)
    assert release["id"] in package["uri"]


@pytest.mark.libreoffice
def test_a_form_saved_by_libreoffice_reads_back_the_same_answers(
    tender: tuple[Path, FormLayout], tmp_path: Path
) -> None:
    from aanbesteding.responses.reader import read_form

    matrix, layout = tender
    filled = tmp_path / "alfa.xlsx"
    filled.write_bytes(fill(form_path(matrix).read_bytes(), layout, "Alfa", price=150_000.5))
    saved = convert(filled, XLSX_FILTER, tmp_path / "lo")
    direct, through = read_form(filled, layout), read_form(saved, layout)
    assert direct.problems == () and through.problems == ()
    assert direct.response is not None and through.response is not None
    assert through.response.items == direct.response.items
    assert through.response.seal == direct.response.seal
    assert through.response.price == direct.response.price == Decimal("150000.5")
    assert through.response.signed_on == direct.response.signed_on


def test_a_library_other_than_the_recorded_one_is_refused(
    tender: tuple[Path, FormLayout], tmp_path: Path, run: Runner
) -> None:
    import shutil

    from tests.conftest import STANDARD

    matrix, layout = tender
    form = tmp_path / "alfa.xlsx"
    form.write_bytes(fill(form_path(matrix).read_bytes(), layout, "Alfa"))
    library = tmp_path / "bibliotheek"
    shutil.copytree(STANDARD, library)
    policy = library / "beleid.yaml"
    policy.write_text(policy.read_text(encoding="utf-8") + "\n# eigen kopie\n", encoding="utf-8")
    code, _, err = run(
        [
            "importeer",
            str(matrix),
            str(form),
            "--zonder-standaard",
            "--bibliotheek",
            str(library),
            "--uitvoer",
            str(tmp_path / "n.xlsx"),
        ]
    )
    assert code == 1 and "de matrix is gemaakt met een andere bibliotheek" in err
    assert not (tmp_path / "n.xlsx").exists()
