"""Placing files against a hostile folder and a concurrent run: planted links at the names of
temporaries and journals, a target that appears while a run works, two runs to one target,
output names no file system or manifest can hold.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aanbesteding.support import output
from tests.hardening import (  # noqa: F401 (fixtures)
    BASE as HARDENING_BASE,
    Runner,
    full_set,
    module_cache_fixture,
    shared_lint_cache_fixture,
)

BASE = [*HARDENING_BASE, "--datum", "2026-11-23"]
FULL_SET = full_set("b")


def listing(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.is_symlink()
    }


def test_a_link_planted_at_the_journal_name_is_not_followed(run: Runner, tmp_path: Path) -> None:
    """The journal's name was predictable (name + process id): a link there was written
    through, the file it pointed to got a hex digest, and the link was removed."""
    victim = tmp_path / "waardevol.txt"
    victim.write_bytes(b"niet overschrijven")
    out = tmp_path / "uit"
    out.mkdir()
    links = [out / f".{name}.{os.getpid()}.onvolledig" for name in FULL_SET]
    for link in links:
        link.symlink_to(victim)
    code, _, err = run([*BASE, "--uitvoer", str(out / "b.docx")])
    assert code == 0, err
    assert victim.read_bytes() == b"niet overschrijven"
    assert all(link.is_symlink() for link in links)  # not ours: left alone
    assert sorted(listing(out)) == FULL_SET


def test_a_dead_runs_journal_that_links_to_a_device_is_not_read(run: Runner, tmp_path: Path) -> None:
    """A journal of a process that no longer runs is read to recognise a crashed run's file;
    a link to /dev/zero there must not make the next run read forever."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    ).stdout.strip()
    (tmp_path / "b.docx").write_bytes(b"van de inkoper")
    (tmp_path / f".b.docx.{dead}.onvolledig").symlink_to("/dev/zero")
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert "bestaat al; gebruik --force" in err
    assert (tmp_path / "b.docx").read_bytes() == b"van de inkoper"


def test_a_target_that_appears_while_the_run_works_is_not_replaced(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --force a run never replaces a file that was not there when it checked."""
    real = output.clean_leftovers

    def someone_saves_meanwhile(paths: object) -> list[Path]:
        (tmp_path / "b.xlsx").write_bytes(b"net opgeslagen door een collega")
        return real(paths)  # type: ignore[arg-type]

    monkeypatch.setattr(output, "clean_leftovers", someone_saves_meanwhile)
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert f"{tmp_path / 'b.xlsx'} bestaat al" in err
    assert listing(tmp_path) == {"b.xlsx": hashlib.sha256(b"net opgeslagen door een collega").hexdigest()}


def test_force_replaces_a_link_at_the_target_not_the_file_it_points_to(run: Runner, tmp_path: Path) -> None:
    victim = tmp_path / "elders.docx"
    victim.write_bytes(b"ander document")
    (tmp_path / "b.docx").symlink_to(victim)
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1 and "bestaat al" in err
    code, _, err = run([*BASE, "--force", "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 0, err
    assert victim.read_bytes() == b"ander document"
    assert not (tmp_path / "b.docx").is_symlink()


# Two runs at once ---------------------------------------------------------------------------

# Both processes wait for each other just before writing, so the two runs certainly overlap
# (without it the race shows in about 2 of 8 trials).
_TOGETHER = """
import os, sys, time
from pathlib import Path
from aanbesteding.support import output
from aanbesteding.cli.main import main
meeting = Path(sys.argv[1])
real = output.write_all
def write_all(files, force=False):
    (meeting / f"klaar-{os.getpid()}").touch()
    deadline = time.monotonic() + 60
    while len(list(meeting.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    return real(files, force)
output.write_all = write_all
sys.exit(main(sys.argv[2:]))
"""


def two_runs_at_once(tmp_path: Path, args: list[str]) -> list[subprocess.CompletedProcess[str]]:
    meeting = tmp_path / "ontmoeting"
    meeting.mkdir()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _TOGETHER, str(meeting), *args, "--kenmerk", f"RUN-{i}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in (1, 2)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


@pytest.mark.parametrize("force", [False, True])
def test_two_runs_to_one_target_one_wins_and_the_set_stays_whole(tmp_path: Path, force: bool) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    args = [*BASE, "--uitvoer", str(folder / "b.docx"), *(["--force"] if force else [])]
    results = two_runs_at_once(tmp_path, args)
    codes = sorted(r.returncode for r in results)
    if force:
        assert codes == [0, 0], [r.stderr for r in results]
    else:
        assert codes == [0, 1], [r.stderr for r in results]
        loser = next(r for r in results if r.returncode == 1)
        assert "bestaat al; gebruik --force" in loser.stderr
        assert "Traceback" not in loser.stderr
    assert sorted(listing(folder)) == FULL_SET  # no temporaries, no journals
    manifest = json.loads((folder / "b.manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["bestanden"]:  # every file is from the run that wrote the manifest
        assert hashlib.sha256((folder / entry["pad"]).read_bytes()).hexdigest() == entry["sha256"]


# Output names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "de bestandsnaam is leeg"),
        (".docx", "heeft alleen een extensie"),
        ("a" * 210 + ".docx", "is te lang"),  # fits alone, not with -verantwoording.docx
        ("regel\neinde.docx", "stuurteken"),
    ],
)
def test_an_output_name_that_cannot_be_written_is_refused_before_any_work(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("aanbesteding.api.load_library", lambda *a, **k: pytest.fail("werk"))
    code, _, err = run([*BASE, "--uitvoer", name])
    assert code == 1, err
    assert expected in err and "Interne fout" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX-bestandsnamen zijn bytes")
def test_an_output_name_that_is_not_utf8_is_refused(run: Runner, tmp_path: Path) -> None:
    name = os.fsdecode(bytes(tmp_path) + b"/\xff.docx")
    code, _, err = run([*BASE, "--uitvoer", name])
    assert code == 1, err
    assert "geen geldige UTF-8" in err and "\\xff" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="mappen vergrendelen is POSIX")
def test_a_run_that_holds_the_folder_too_long_is_reported_not_waited_for(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from aanbesteding.support import locks

    monkeypatch.setattr(locks, "WAIT", 0.5)
    holder = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    finally:
        os.close(holder)
    assert code == 1
    assert f"de map {tmp_path} wordt al meer dan 0 seconden beschreven door een andere run" in err
    assert listing(tmp_path) == {}


def test_ctrl_c_while_placing_takes_the_set_back(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Own probe: an interrupt between two placed files left the first one, and its journal was
    removed, so the next run refused the half set without --force."""
    real = os.link

    def link(source: str, target: str, *args: object, **kwargs: object) -> None:
        if str(target).endswith(".xlsx"):
            raise KeyboardInterrupt
        real(source, target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "link", link)
    code, _, err = run([*BASE, "--uitvoer", str(tmp_path / "b.docx")])
    assert code in (1, 130) and "Afgebroken." in err
    assert listing(tmp_path) == {}
