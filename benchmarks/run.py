"""Snelheid van aanbesteding als verhouding tegen een kale basislijn, beide naast elkaar gemeten.

Gebruik (vanuit de hoofdmap): ``python benchmarks/run.py [--herhalingen N] [--snel]``

Elke meting is een paar hele opdrachten, elk in een nieuw proces (opstart en imports tellen mee),
om en om uitgevoerd. Drukt medianen, verhoudingen en doelen af; de exitcode is altijd 0 (een
rapport, geen test). Zie benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bench_fixtures import build_library, extract_content
from bench_harness import CommandFailed, PairResult, Row, format_table, measure_pair, run_once

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
STANDARD_LIBRARY = REPO / "clauses"
LIBRARY_SIZE = 2000
DEFAULT_REPEATS = 9
QUICK_REPEATS = 3
BUDGET_S = 60.0  # per paar, zonder --herhalingen; houdt de standaardrun onder ~3 minuten op 2 cores
PY = sys.executable
APP = (PY, "-m", "aanbesteding")
# The measure is "annex and grid": the verantwoording (a third document) is left out on both sides.
GENEREER = (
    "genereer",
    "--laag",
    "1",
    "--contracttype",
    "saas",
    "--datum",
    "2026-11-23",
    "--geen-verantwoording",
    "--force",
)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--herhalingen",
        type=int,
        default=None,
        metavar="N",
        help=f"gemeten rondes per paar (standaard {DEFAULT_REPEATS}, met --snel {QUICK_REPEATS})",
    )
    parser.add_argument("--snel", action="store_true", help="minder herhalingen, voor een snelle controle")
    parser.add_argument(
        "--doorvoer", action="store_true", help=f"meet ook 'batch' over {MUNICIPALITIES} profielen (duurt langer)"
    )
    parser.add_argument("--alleen-batch", action="store_true", help="meet alleen 'batch'")
    args = parser.parse_args(argv)
    if args.herhalingen is not None and args.herhalingen < 1:
        parser.error("--herhalingen moet minstens 1 zijn")
    return args


@dataclass(frozen=True)
class Setup:
    """What every measurement shares: rounds, environment, working folder, time budget."""

    repeats: int
    env: Mapping[str, str]
    cwd: Path
    budget_s: float | None


def measure(row: Row, ours: tuple[str, ...], base: tuple[str, ...], setup: Setup) -> None:
    """Fill ``row`` with the timings of the pair, or with the reason it could not be measured."""
    print(f"  meten: {row.what} ...", flush=True)
    try:
        row.result = measure_pair(
            ours, base, repeats=setup.repeats, env=setup.env, cwd=setup.cwd, budget_s=setup.budget_s
        )
    except CommandFailed as exc:
        row.problem = f"opdracht mislukt: {exc}"


def bare_startup_ms(setup: Setup) -> float:
    """Context, not a target: the median start of an interpreter that imports nothing."""
    return statistics.median(run_once((PY, "-c", "pass"), setup.env, setup.cwd) for _ in range(setup.repeats))


def measure_help(row: Row, setup: Setup) -> None:
    """1. ``aanbesteding --help`` against only importing click (the floor for any click CLI)."""
    measure(row, (*APP, "--help"), (PY, "-c", "import click"), setup)


def measure_genereer(row: Row, work: Path, setup: Setup) -> None:
    """2. One annex + grid against plain python-docx/openpyxl writing the same content."""
    ours_dir, base_dir = work / "genereer", work / "basis"
    ours_dir.mkdir()
    base_dir.mkdir()
    ours = (*APP, *GENEREER, "--uitvoer", str(ours_dir / "bijlage.docx"))
    try:
        run_once(ours, setup.env, setup.cwd)
    except CommandFailed as exc:
        row.problem = f"voorbereiding mislukt (bijlage genereren): {exc}"
        return
    content = work / "inhoud.json"
    try:
        counts = extract_content(ours_dir / "bijlage.docx", ours_dir / "bijlage.xlsx", content)
    except Exception as exc:  # a report, not a test: say what went wrong and go on
        row.problem = f"voorbereiding mislukt (inhoud uit bijlage/matrix halen): {type(exc).__name__}: {exc}"
        return
    print(
        f"  inhoud voor de basislijn: {counts['alineas']} alinea's, {counts['tabellen']} tabellen "
        f"({counts['tabelcellen']} cellen), {counts['bladen']} werkbladen ({counts['cellen']} cellen)"
    )
    base = (
        PY,
        str(HERE / "plain_baseline.py"),
        str(content),
        str(base_dir / "basis.docx"),
        str(base_dir / "basis.xlsx"),
    )
    measure(row, ours, base, setup)


def _count_files(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else 0


def measure_overzicht(row: Row, work: Path, setup: Setup) -> None:
    """3. ``bibliotheek overzicht`` on a 2,000-clause library against parsing its YAML with libyaml."""
    library = work / "bibliotheek"
    try:
        count = build_library(STANDARD_LIBRARY, library, LIBRARY_SIZE)
    except (OSError, ValueError) as exc:
        row.problem = f"voorbereiding mislukt (synthetische bibliotheek): {exc}"
        return
    print(f"  synthetische bibliotheek: {count} clausules in {library}")
    check = (*APP, "bibliotheek", "controleer", str(library))
    cache = Path(setup.env["XDG_CACHE_HOME"]) / "aanbesteding"
    before = _count_files(cache)
    try:
        elapsed = run_once(check, setup.env, setup.cwd)
    except CommandFailed as exc:
        row.problem = (
            "'bibliotheek controleer' keurt de synthetische bibliotheek af (of faalt zelf), dus "
            "overzicht is niet zinvol te meten. De kopieën heten <thema>/<id>-sNNNN.yaml met een "
            "aangepaste id-regel; zie de melding hieronder voor wat de controle afkeurt.\n  "
            f"{exc}"
        )
        return
    added = _count_files(cache) - before
    print(
        f"  controleer (vult ook de lintcache): {elapsed / 1000:.1f} s; "
        f"{added} nieuwe bestanden in $XDG_CACHE_HOME/aanbesteding"
        + ("" if added else " (geen cache: overzicht wordt zonder lintcache gemeten)")
    )
    ours = (*APP, "bibliotheek", "overzicht", str(library))
    base = (PY, str(HERE / "parse_yaml.py"), str(library))
    measure(row, ours, base, setup)


BATCH_SIZE = 40
BATCH_TARGET = 0.4
MUNICIPALITIES = 342


def _profiles(folder: Path, count: int) -> list[Path]:
    """``count`` profiles, one per (made-up) municipality, tiers and contract types mixed."""
    folder.mkdir(parents=True, exist_ok=True)
    types = ("saas", "paas", "iaas", "hosting", "licentie")
    paths = []
    for n in range(count):
        path = folder / f"gemeente-{n:03}.yaml"
        path.write_text(
            f"laag: {n % 3 + 1}\ncontracttype: {types[n % len(types)]}\n"
            f"organisatie: Gemeente {n:03}\nkenmerk: INK-2026-{n:03}\n"
            "datum: 2026-11-23\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def check_batch(env: Mapping[str, str], cwd: Path, throughput: bool = False) -> str:
    """Meting 4: 'batch' over 40 profielen tegen 40 losse 'genereer'-aanroepen (elk een nieuw
    proces), één keer elk; met ``throughput`` ook de doorvoer voor 342 profielen."""
    profiles = _profiles(cwd / "batch-profielen", BATCH_SIZE)
    try:
        run_once((*APP, "batch", *map(str, profiles[:2]), "--uitvoer", str(cwd / "opwarm"), "--force"), env, cwd)
        (cwd / "los").mkdir(exist_ok=True)
        separate = 0.0
        for path in profiles:
            separate += run_once(
                (*APP, "genereer", str(path), "--uitvoer", str(cwd / "los" / f"{path.stem}.docx"), "--force"), env, cwd
            )
        together = run_once((*APP, "batch", *map(str, profiles), "--uitvoer", str(cwd / "samen"), "--force"), env, cwd)
    except CommandFailed as exc:
        return f"batch: niet gemeten: {exc}"
    ratio = together / separate
    verdict = "gehaald" if ratio <= BATCH_TARGET else "NIET gehaald"
    line = (
        f"batch {BATCH_SIZE} profielen: {together / 1000:.1f} s tegen {separate / 1000:.1f} s "
        f"voor {BATCH_SIZE} losse genereer-aanroepen = {ratio:.2f}x (doel <= {BATCH_TARGET}x, "
        f"{verdict}; {os.cpu_count()} cores)"
    )
    if throughput:
        many = _profiles(cwd / "gemeenten", MUNICIPALITIES)
        try:
            elapsed = (
                run_once((*APP, "batch", *map(str, many), "--uitvoer", str(cwd / "gemeenten-uit"), "--force"), env, cwd)
                / 1000
            )
        except CommandFailed as exc:
            return f"{line}\nbatch {MUNICIPALITIES} profielen: niet gemeten: {exc}"
        line += (
            f"\nbatch {MUNICIPALITIES} profielen (één per gemeente): {elapsed:.1f} s, "
            f"{MUNICIPALITIES / elapsed:.1f} profielen/s"
        )
    return line


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    repeats = args.herhalingen or (QUICK_REPEATS if args.snel else DEFAULT_REPEATS)
    budget = None if args.herhalingen else BUDGET_S
    print(
        f"Python {platform.python_version()} ({PY}), {platform.system()}, {os.cpu_count()} cores; "
        f"{repeats} rondes per paar, om en om, elk een nieuw proces"
    )
    rows = [
        Row("--help tegen 'import click'", 1.35),
        Row("genereer laag 1 saas tegen kale docx/xlsx", 1.5),
        Row(f"overzicht {LIBRARY_SIZE} clausules tegen libyaml", 2.0),
    ]
    with tempfile.TemporaryDirectory(prefix="aanbesteding-bench-") as tmp:
        work = Path(tmp)
        # Lintcache in een tijdelijke map, zodat de cache van de gebruiker onaangeroerd blijft;
        # AANBESTEDING_CACHE (uit of een andere map) gaat voor XDG_CACHE_HOME, dus die valt weg.
        env = {key: value for key, value in os.environ.items() if key != "AANBESTEDING_CACHE"}
        env["XDG_CACHE_HOME"] = str(work / "cache")
        setup = Setup(repeats, env, work, budget)
        if args.alleen_batch:
            print(check_batch(env, work, args.doorvoer))
            return 0
        measure_help(rows[0], setup)
        bare = bare_startup_ms(setup)
        measure_genereer(rows[1], work, setup)
        measure_overzicht(rows[2], work, setup)
        batch_line = check_batch(env, work, args.doorvoer)
    print()
    print(format_table(rows))
    print()
    for row in rows:
        result: PairResult | None = row.result
        if result is not None and result.note:
            print(f"let op, {row.what}: {result.note}")
        if row.problem:
            print(f"niet gemeten, {row.what}: {row.problem}")
    print(f"ter info: kale opstart van de interpreter ('python -c pass'): {bare:.1f} ms; die zit in beide kanten.")
    print(batch_line)
    failed = [row.what for row in rows if not row.ok]
    if failed:
        print(f"Niet alle doelen gehaald ({len(failed)} van {len(rows)}): {'; '.join(failed)}.")
    else:
        print(f"Alle doelen gehaald ({len(rows)} van {len(rows)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
