"""overzicht for a tender's tier and contract type: the numbers a bidder sees, as CSV too."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx

from tests.conftest import LibraryFactory, Runner, clause_data

ARGS = ["bibliotheek", "overzicht", "--laag", "2", "--contracttype", "paas"]


def test_overzicht_lists_the_annex_numbers_as_csv_in_annex_order(run: Runner, tmp_path: Path) -> None:
    code, out, err = run([*ARGS, "--formaat", "csv"])
    assert code == 0, err
    assert out.startswith("\ufeff")  # so Excel reads the accents as UTF-8
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    numbers = [r["nummer"] for r in rows]
    assert numbers[0] == "E-01"
    assert {n[:2] for n in numbers} == {"E-", "W-", "B-"}
    assert numbers == sorted(numbers, key=lambda n: ("EWB".index(n[0]), n))
    # the same numbers as the annex itself
    target = tmp_path / "b.docx"
    assert (
        run(
            [
                "genereer",
                "--laag",
                "2",
                "--contracttype",
                "paas",
                "--uitvoer",
                str(target),
                "--geen-matrix",
                "--geen-verantwoording",
            ]
        )[0]
        == 0
    )
    annex = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    first = next(r for r in rows if r["nummer"] == "W-01")
    assert "W-01" in annex and first["titel"] in annex


def test_overzicht_json_and_table_carry_the_number(run: Runner) -> None:
    code, out, _ = run([*ARGS, "--formaat", "json"])
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["nummer"] == "E-01" and rows[0]["soort"] == "eis"
    code, out, _ = run(ARGS)
    assert code == 0 and out.startswith("nummer") and "\nE-01 " in out
    code, out, _ = run(["bibliotheek", "overzicht", "--formaat", "json"])
    assert "nummer" not in json.loads(out)[0]  # no tier and type: no annex, no numbers


def test_a_csv_cell_never_becomes_a_formula(run: Runner, make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(titel="=SOM(A1:A9)")})
    code, out, err = run(["bibliotheek", "overzicht", str(root), "--formaat", "csv"])
    assert code == 0, err
    assert ";'=SOM(A1:A9);" in out
