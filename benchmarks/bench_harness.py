"""Timing of whole commands in pairs: ours against a baseline, interleaved, in fresh subprocesses."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class CommandFailed(Exception):
    """A command exited with a non-zero code; the message holds the command and its stderr."""

    def __init__(self, command: Sequence[str], returncode: int, stderr: str) -> None:
        lines = stderr.strip().splitlines()
        tail = "\n".join(f"    {line}" for line in lines[-15:]) or "    (geen uitvoer op stderr)"
        super().__init__(f"{' '.join(command)}\n  exitcode {returncode}; stderr (laatste regels):\n{tail}")
        self.returncode = returncode


def run_once(command: Sequence[str], env: Mapping[str, str], cwd: Path) -> float:
    """Run ``command`` once; return the wall time in ms. Stdout is discarded, stderr kept for errors."""
    start = time.perf_counter()
    proc = subprocess.run(
        list(command), env=dict(env), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
    )
    elapsed = (time.perf_counter() - start) * 1000
    if proc.returncode != 0:
        raise CommandFailed(command, proc.returncode, proc.stderr)
    return elapsed


@dataclass
class PairResult:
    """Timings (ms) of one pair; ``note`` explains fewer repetitions than asked."""

    ours: list[float] = field(default_factory=list)
    base: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def ours_ms(self) -> float:
        return statistics.median(self.ours)

    @property
    def base_ms(self) -> float:
        return statistics.median(self.base)

    @property
    def ratio(self) -> float:
        return self.ours_ms / self.base_ms


def measure_pair(
    ours: Sequence[str],
    base: Sequence[str],
    *,
    repeats: int,
    env: Mapping[str, str],
    cwd: Path,
    budget_s: float | None = None,
) -> PairResult:
    """Time ``ours`` and ``base`` side by side: one untimed warm-up each, then ``repeats`` rounds.

    Rounds alternate the order (ours first, then base first, ...) so that drift in machine load
    or caches hits both sides alike. With ``budget_s``, the number of rounds is lowered (to no
    fewer than 3) when the warm-up shows that ``repeats`` rounds would take longer than that.
    """
    result = PairResult()
    warm = run_once(ours, env, cwd) + run_once(base, env, cwd)
    if budget_s is not None and repeats > 3 and warm / 1000 * repeats > budget_s:
        fitted = max(3, int(budget_s * 1000 // warm))
        if fitted < repeats:
            result.note = (
                f"{fitted} i.p.v. {repeats} herhalingen: één ronde duurt {warm / 1000:.1f} s, "
                f"budget {budget_s:.0f} s (kies --herhalingen om dit te omzeilen)"
            )
            repeats = fitted
    for round_no in range(repeats):
        first_ours = round_no % 2 == 0
        for is_ours in (first_ours, not first_ours):
            elapsed = run_once(ours if is_ours else base, env, cwd)
            (result.ours if is_ours else result.base).append(elapsed)
    return result


@dataclass
class Row:
    """One line of the report."""

    what: str
    target: float
    result: PairResult | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.result is not None and self.result.ratio <= self.target


def format_table(rows: Sequence[Row]) -> str:
    """A plain-text table: what, medians, ratio, target, verdict."""
    header = ("meting", "ons (ms)", "basis (ms)", "verhouding", "doel", "oordeel")
    lines: list[tuple[str, ...]] = [header]
    for row in rows:
        target = f"≤ {row.target:.2f}x"
        if row.result is None:
            lines.append((row.what, "-", "-", "-", target, "niet gemeten"))
        else:
            res = row.result
            lines.append(
                (
                    row.what,
                    f"{res.ours_ms:.1f}",
                    f"{res.base_ms:.1f}",
                    f"{res.ratio:.2f}x",
                    target,
                    "ok" if row.ok else "NIET OK",
                )
            )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        cells = [line[0].ljust(widths[0]), *(cell.rjust(widths[i + 1]) for i, cell in enumerate(line[1:5])), line[5]]
        out.append("  ".join(cells))
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)
