"""Every date option and field checks one range (domain.FIRST_DATE .. LAST_DATE)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aanbesteding.domain import FIRST_DATE, LAST_DATE
from tests.conftest import Runner

OUTSIDE = ["2150-01-01", "1979-12-31", "9999-12-31", "0001-01-01"]


@pytest.mark.parametrize("date", OUTSIDE)
@pytest.mark.parametrize("command", [["bibliotheek", "review"], ["genereer", "--laag", "2", "--contracttype", "saas"]])
def test_a_date_outside_the_range_is_a_clear_error(run: Runner, tmp_path: Path, date: str, command: list[str]) -> None:
    code, _, err = run([*command, "--datum", date, "--uitvoer", str(tmp_path / "x.docx")])
    assert code == 1, err
    assert f"{date} ligt buiten het toegestane bereik" in err
    assert f"tussen {FIRST_DATE.isoformat()} en {LAST_DATE.isoformat()}" in err
    assert list(tmp_path.iterdir()) == []


def test_verschil_checks_the_same_range(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        [
            "bibliotheek",
            "verschil",
            "clauses",
            "clauses",
            "--datum",
            "2150-01-01",
            "--uitvoer",
            str(tmp_path / "x.docx"),
        ]
    )
    assert code == 1 and "2150-01-01 ligt buiten het toegestane bereik" in err


def test_the_last_date_in_the_range_works(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        ["bibliotheek", "review", "--datum", LAST_DATE.isoformat(), "--uitvoer", str(tmp_path / "r.docx")]
    )
    assert code == 0, err
