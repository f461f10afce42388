"""Run ``generate`` for many profiles in worker processes, loading the library once.

The library is loaded and linted in the parent; on Linux the workers are forked and share it
without copying, elsewhere it is pickled once per worker. A profile that fails does not stop
the others: every outcome comes back with its reason.
"""

from __future__ import annotations

import multiprocessing
import os
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
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
    from aanbesteding.tender.profile import tender_from_options

    try:
        tender = tender_from_options(profile, {})
        output = settings.output_dir / f"{profile.stem}.docx"
        result = generate(
            tender,
            library or _LIBRARY,
            output,
            formats=settings.formats,
            template=settings.template,
            force=settings.force,
        )
    except AanbestedingError as exc:
        return Outcome(profile, error=exc.located(profile_key))
    except Exception as exc:  # a bug must not stop the other profiles
        return Outcome(profile, error=f"interne fout: {type(exc).__name__}: {exc}")
    manifest = (result.manifest_path,) if result.manifest_path is not None else ()
    return Outcome(profile, (*(f.path for f in result.files), *manifest), result.warnings)


def _name_key(path: Path) -> str:
    """How a file system that ignores case (Windows, macOS) and Unicode form compares names."""
    return unicodedata.normalize("NFC", path.name).casefold()


def plan(profiles: Sequence[Path], settings: Settings) -> tuple[list[Path], dict[Path, Outcome]]:
    """The profiles to generate, and the outcome of each profile refused before any work.

    Every file name every profile would write (``a.docx``, ``a-verantwoording.docx``,
    ``a.manifest.json``...) is worked out first: a profile that would write a name an earlier
    one writes (``a-verantwoording.yaml`` after ``a.yaml``), or a name no file system can
    hold, is refused by name. The same profile file given twice is made once.
    """
    from aanbesteding.api import planned_paths

    todo: list[Path] = []
    refused: dict[Path, Outcome] = {}
    seen: set[str] = set()
    owners: dict[str, Path] = {}
    for profile in profiles:
        if os.path.realpath(profile) in seen:
            continue  # the same file again: one job (see repeated(); the CLI says so)
        seen.add(os.path.realpath(profile))
        try:
            names = planned_paths(settings.output_dir / f"{profile.stem}.docx", settings.formats)
        except AanbestedingError as exc:
            refused[profile] = Outcome(profile, error=str(exc))
            continue
        clash = next(((n, owners[_name_key(n)]) for n in names if _name_key(n) in owners), None)
        if clash is not None:
            refused[profile] = Outcome(
                profile,
                error=(
                    f"{clash[0].name} wordt al geschreven voor {clash[1]}: de uitvoer van dit "
                    "profiel zou die overschrijven; geef een van beide profielen een andere naam"
                ),
            )
            continue
        for name in names:
            owners[_name_key(name)] = profile
        todo.append(profile)
    return todo, refused


def repeated(profiles: Sequence[Path]) -> list[Path]:
    """Profiles given more than once (the same file, however spelled), each named once."""
    seen: dict[str, Path] = {}
    again: dict[str, Path] = {}
    for profile in profiles:
        key = os.path.realpath(profile)
        if key in seen:
            again.setdefault(key, seen[key])
        seen.setdefault(key, profile)
    return list(again.values())


DIED = (
    "het werkproces dat dit profiel maakte, stopte onverwacht (bijvoorbeeld door te weinig "
    "geheugen of doordat het werd afgebroken); de andere profielen zijn gewoon gemaakt. Maak "
    "dit profiel opnieuw, eventueel apart met 'aanbesteding genereer'"
)


def run_batch(
    profiles: Sequence[Path],
    library: Library,
    settings: Settings,
    *,
    workers: int | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Generate every profile; one outcome per distinct profile, in the order given.

    ``workers`` processes (default: all cores; 1 runs in this process). ``progress`` is
    called with each outcome as it completes. A worker process that dies (killed, out of
    memory) costs only the profile it was making: the profiles it left unfinished are made
    again, each in a process of its own, so the one that kills its worker is found.
    """
    todo, outcomes = plan(profiles, settings)
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
        left = _in_pool(todo, library, settings, count, outcomes, progress)
        for profile in left:  # a worker died: the rest one by one, to find the culprit
            if _in_pool([profile], library, settings, 1, outcomes, progress):
                outcomes[profile] = Outcome(profile, error=DIED)
                if progress:
                    progress(outcomes[profile])
    return [outcomes[p] for p in dict.fromkeys(profiles) if p in outcomes]


def _in_pool(
    todo: Sequence[Path],
    library: Library,
    settings: Settings,
    count: int,
    outcomes: dict[Path, Outcome],
    progress: Callable[[Outcome], None] | None,
) -> list[Path]:
    """Run ``todo`` in ``count`` worker processes; return the profiles a dead worker left."""
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        _init(library)  # forked workers inherit the loaded library
    context = multiprocessing.get_context("fork" if fork else "spawn")
    initargs: tuple[Library | None] = (None,) if fork else (library,)
    with ProcessPoolExecutor(count, mp_context=context, initializer=_init, initargs=initargs) as pool:
        futures = {pool.submit(run_one, p, settings): p for p in todo}
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except BrokenProcessPool:
                continue
            outcomes[futures[future]] = outcome
            if progress:
                progress(outcome)
    return [p for p in todo if p not in outcomes]
