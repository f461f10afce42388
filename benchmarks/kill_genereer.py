"""kill -9 op willekeurige momenten tijdens ``aanbesteding genereer``, daarna opnieuw draaien.

Gebruik (vanuit de hoofdmap): ``python benchmarks/kill_genereer.py [--keer 10] [--zaad 13]``

Per poging: een nieuwe map, ``genereer`` starten, na een willekeurige tijd SIGKILL sturen. Dan
gecontroleerd:

- op het doelpad staat nooit een half bestand: elk .docx/.xlsx dat er staat is byte voor byte
  gelijk aan de referentie (vaste --datum, dus deterministisch);
- een herhaling zonder --force slaagt en maakt de set compleet (ook als de gedode run er al een
  deel van had neergezet); stond de hele set er al (kill na het neerzetten), dan weigert de
  herhaling zonder --force, zoals na elke voltooide run;
- na die herhaling staan er geen tijdelijke bestanden of journaals meer in de map.

Oneven pogingen: de wachttijd valt tussen 40% en 105% van een normale run (het begin is alleen
Python die opstart). Even pogingen mikken op het schrijven, dat maar milliseconden duurt: zodra
het eerste tijdelijke bestand verschijnt, volgt de kill binnen 0-30 ms. Drukt per poging af
wat de kill achterliet; exitcode 1 als een controle faalt. POSIX (SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARGS = ["genereer", "--laag", "2", "--contracttype", "saas", "--datum", "2026-11-23"]


def command(target: Path) -> list[str]:
    return [sys.executable, "-m", "aanbesteding", *ARGS, "--uitvoer", str(target)]


def environment(cache: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src"), "AANBESTEDING_CACHE": str(cache)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=10, help="aantal kills (standaard 10)")
    parser.add_argument("--zaad", type=int, default=13, help="zaad voor de wachttijden")
    options = parser.parse_args()
    chance = random.Random(options.zaad)
    failures = 0
    kinds: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="kill-genereer-") as work:
        root = Path(work)
        env = environment(root / "cache")
        reference_dir = root / "referentie"
        reference_dir.mkdir()
        subprocess.run(command(reference_dir / "b.docx"), env=env, check=True, capture_output=True)
        start = time.perf_counter()  # timed with a warm lint cache, as every attempt runs
        subprocess.run([*command(reference_dir / "b.docx"), "--force"], env=env, check=True, capture_output=True)
        duration = time.perf_counter() - start
        reference = {p.name: p.read_bytes() for p in reference_dir.iterdir()}
        print(f"normale run: {duration:.2f} s; referentie: {', '.join(sorted(reference))}")
        print(f"{'poging':>6} {'kill na':>8}  {'achtergelaten':<60} herhaling")
        for attempt in range(1, options.keer + 1):
            folder = root / f"poging-{attempt}"
            folder.mkdir()
            process = subprocess.Popen(
                command(folder / "b.docx"), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            began = time.perf_counter()
            if attempt % 2:
                time.sleep(chance.uniform(0.4, 1.05) * duration)
            else:
                # Aim at the write phase, which lasts milliseconds: wait for the first temporary.
                while process.poll() is None and not any(folder.glob(".b.*.tmp")):
                    time.sleep(0.0005)
                time.sleep(chance.uniform(0, 0.03))
            delay = time.perf_counter() - began
            finished = process.poll() is not None
            if not finished:
                os.kill(process.pid, signal.SIGKILL)
            process.wait()
            left = sorted(p.name for p in folder.iterdir())
            problems = [
                f"{name} is half"
                for name in left
                if name in reference and (folder / name).read_bytes() != reference[name]
            ]
            again = subprocess.run(command(folder / "b.docx"), env=env, capture_output=True, text=True)
            after = sorted(p.name for p in folder.iterdir())
            complete = left == sorted(reference) and not problems
            if complete and again.returncode != 1:
                # Killed after the whole set was in place: a rerun must refuse, like after any run.
                problems.append("herhaling overschrijft een complete set zonder --force")
            elif not complete and again.returncode != 0:
                problems.append(f"herhaling faalt: {again.stderr.strip()}")
            if after != sorted(reference) or any((folder / n).read_bytes() != reference[n] for n in after):
                problems.append(f"na herhaling: {after}")
            state = "(run was al klaar)" if finished else (", ".join(left) or "niets")
            verdict = (
                "FOUT: " + "; ".join(problems)
                if problems
                else "set stond er al; herhaling weigert"
                if complete
                else "compleet, niets over"
            )
            print(f"{attempt:>6} {delay:>7.2f}s  {state[:60]:<60} {verdict}")
            failures += bool(problems)
            kind = (
                "run al klaar"
                if finished
                else "complete set"
                if complete
                else "half: deel van de set"
                if any(n in reference for n in left)
                else "alleen tijdelijke bestanden"
                if left
                else "niets"
            )
            kinds[kind] = kinds.get(kind, 0) + 1
    print("toestanden na de kill: " + ", ".join(f"{k} {n}x" for k, n in sorted(kinds.items())))
    print(f"{options.keer - failures} van {options.keer} in orde")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
