"""batch against hostile lists of profiles: names that collide only after a suffix is added,
the same profile twice, a worker process that dies."""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

import pytest

from aanbesteding.batch import runner
from tests.hardening import (  # noqa: F401 (fixtures)
    Runner,
    full_set,
    module_cache_fixture,
    shared_lint_cache_fixture,
)


def profile(path: Path, **values: str) -> Path:
    fields = {"laag": "2", "contracttype": "saas", "datum": "2026-11-23", **values}
    path.write_text("".join(f"{k}: {v}\n" for k, v in fields.items()), encoding="utf-8")
    return path


def listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(
    ("second", "extra", "lost"),
    [
        ("a-verantwoording", [], "a-verantwoording.docx"),
        ("a.manifest", ["--json"], "a.manifest.json"),
        ("A", [], "A.docx"),  # the same name on a file system that ignores case
    ],
)
def test_a_profile_whose_names_collide_with_anothers_is_refused_by_name(
    run: Runner, tmp_path: Path, second: str, extra: list[str], lost: str
) -> None:
    """Before: exit 0 with --force, and a-verantwoording.docx was the other profile's bijlage."""
    first = profile(tmp_path / "a.yaml", kenmerk="EERSTE")
    other = profile(tmp_path / f"{second}.yaml", kenmerk="TWEEDE")
    out = tmp_path / "uit"
    code, stdout, err = run(
        ["batch", str(first), str(other), "--uitvoer", str(out), "--force", "--processen", "1", *extra]
    )
    assert code == 1
    assert "1 van 2 profielen geschreven" in stdout
    assert f"{other}: {lost} wordt al geschreven voor {first}" in err
    alone = tmp_path / "alleen"
    assert run(["batch", str(first), "--uitvoer", str(alone), "--processen", "1", *extra])[0] == 0
    assert listing(out) == listing(alone)  # exactly profile a's set, nothing of the other


def test_the_same_profile_twice_is_made_once_and_said(run: Runner, tmp_path: Path) -> None:
    first = profile(tmp_path / "a.yaml")
    out = tmp_path / "uit"
    code, stdout, err = run(
        ["batch", str(first), str(tmp_path / "." / "a.yaml"), str(first), "--uitvoer", str(out), "--processen", "2"]
    )
    assert code == 0, err
    assert "1 van 1 profielen geschreven" in stdout
    assert f"Let op: {first} staat meer dan eens in de lijst; het is één keer gemaakt." in err
    assert sorted(listing(out)) == full_set("a")


def dying_run_one(path: Path, settings: runner.Settings, library: object = None) -> runner.Outcome:
    if path.stem == "sterft":
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_RUN_ONE(path, settings, library)  # type: ignore[arg-type]


REAL_RUN_ONE = runner.run_one


@pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(),
    reason="de vervangen functie bereikt alleen geforkte werkprocessen",
)
def test_a_worker_that_dies_costs_only_its_profile(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: BrokenProcessPool, exit 70, no summary, the other profiles dropped."""
    monkeypatch.setattr(runner, "run_one", dying_run_one)
    names = ["een", "twee", "sterft", "drie", "vier", "vijf"]
    profiles = [profile(tmp_path / f"{n}.yaml") for n in names]
    out = tmp_path / "uit"
    code, stdout, err = run(["batch", *map(str, profiles), "--uitvoer", str(out), "--processen", "2"])
    assert code == 1, err
    assert "5 van 6 profielen geschreven" in stdout
    assert f"{tmp_path / 'sterft.yaml'}: het werkproces dat dit profiel maakte, stopte onverwacht" in err
    assert "Interne fout" not in err
    written = {p.name for p in out.iterdir()}
    assert {f"{n}.docx" for n in names if n != "sterft"} <= written
    assert not any(name.startswith(("sterft", ".")) for name in written)


def test_a_profile_name_no_output_file_can_carry_is_refused_by_name(run: Runner, tmp_path: Path) -> None:
    good = profile(tmp_path / "goed.yaml")
    odd = profile(tmp_path / "regel\neinde\x1b[2J.yaml")
    out = tmp_path / "uit"
    code, stdout, err = run(["batch", str(good), str(odd), "--uitvoer", str(out), "--processen", "1"])
    assert code == 1
    assert "1 van 2 profielen geschreven" in stdout
    assert "de bestandsnaam bevat een stuurteken" in err
    assert "\x1b" not in err
    assert sorted(p.name for p in out.iterdir()) == full_set("goed")


def test_names_equal_after_unicode_normalisation_collide(run: Runner, tmp_path: Path) -> None:
    """Own probe: 'café' written composed and decomposed are one name on macOS (APFS/HFS+)."""
    first = profile(tmp_path / "caf\u00e9.yaml")
    second = profile(tmp_path / "cafe\u0301.yaml")
    out = tmp_path / "uit"
    code, stdout, err = run(["batch", str(first), str(second), "--uitvoer", str(out), "--processen", "1"])
    assert code == 1
    assert "1 van 2 profielen geschreven" in stdout
    assert f"wordt al geschreven voor {first}" in err
