"""Run ``generate`` for many profiles in worker processes, loading the library once.

The library is loaded and linted in the parent; on Linux the workers are forked and share it
without copying, elsewhere it is pickled once per worker. A profile that fails does not stop
the others: every outcome comes back with its reason.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aanbesteding.errors import AanbestedingError

if TYPE_CHECKING:
    from aanbesteding.library.loader import Library


@dataclass(frozen=True)
class Outcome:
    """What happened to one profile: the files written, or why it failed."""

    profile: Path
    files: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Settings:
    """What every job shares (picklable)."""

    output_dir: Path
    formats: tuple[str, ...]
    template: Path | None
    force: bool


_LIBRARY: Library | None = None


def _init(library: Library | None) -> None:
    global _LIBRARY
    if library is not None:
        _LIBRARY = library


def profile_key(field: str) -> str:
    """How batch names the field an error is about: a tender field by its profile key, a
    setting of the whole batch (uitvoer, force, pdf) by the batch command's option."""
    from aanbesteding.tender.model import Tender

    return field if field in Tender.model_fields else f"--{field}"


def run_one(profile: Path, settings: Settings, library: Library | None = None) -> Outcome:
    """Generate the documents of one profile as ``<output_dir>/<profile stem>.docx`` etc.

    Never raises for a bad profile: the reason is in the outcome.
    """
    from aanbesteding.api import generate
    from aanbesteding.tender.inputs import tender_from_options

    try:
        tender = tender_from_options(profile, {})
        output = settings.output_dir / f"{profile.stem}.docx"
        result = generate(tender, library or _LIBRARY, output, formats=settings.formats,
                          template=settings.template, force=settings.force)
    except AanbestedingError as exc:
        return Outcome(profile, error=exc.located(profile_key))
    except Exception as exc:  # a bug must not stop the other profiles
        return Outcome(profile, error=f"interne fout: {type(exc).__name__}: {exc}")
    manifest = (result.manifest_path,) if result.manifest_path is not None else ()
    return Outcome(profile, (*(f.path for f in result.files), *manifest), result.warnings)


def _duplicates(profiles: Sequence[Path]) -> dict[Path, str]:
    """Profiles whose output name (the file stem) an earlier profile already takes."""
    seen: dict[str, Path] = {}
    clashes: dict[Path, str] = {}
    for profile in profiles:
        key = profile.stem.lower()
        if key in seen:
            clashes[profile] = (f"zelfde bestandsnaam als {seen[key]}: de uitvoer zou die van "
                                "dat profiel overschrijven; geef een van beide een andere naam")
        else:
            seen[key] = profile
    return clashes


def run_batch(profiles: Sequence[Path], library: Library, settings: Settings, *,
              workers: int | None = None,
              progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Generate every profile; outcomes in the order of ``profiles``.

    ``workers`` processes (default: all cores; 1 runs in this process). ``progress`` is
    called with each outcome as it completes.
    """
    clashes = _duplicates(profiles)
    outcomes: dict[Path, Outcome] = {p: Outcome(p, error=r) for p, r in clashes.items()}
    todo = [p for p in profiles if p not in clashes]
    for outcome in outcomes.values():
        if progress:
            progress(outcome)
    count = min(workers or os.cpu_count() or 1, len(todo))
    if count <= 1:
        for profile in todo:
            outcomes[profile] = run_one(profile, settings, library)
            if progress:
                progress(outcomes[profile])
    else:
        fork = "fork" in multiprocessing.get_all_start_methods()
        if fork:
            _init(library)  # forked workers inherit the loaded library
        context = multiprocessing.get_context("fork" if fork else "spawn")
        initargs: tuple[Library | None] = (None,) if fork else (library,)
        with ProcessPoolExecutor(count, mp_context=context, initializer=_init,
                                 initargs=initargs) as pool:
            futures = {pool.submit(run_one, p, settings): p for p in todo}
            for future in as_completed(futures):
                outcome = future.result()
                outcomes[futures[future]] = outcome
                if progress:
                    progress(outcome)
    return [outcomes[p] for p in profiles]
