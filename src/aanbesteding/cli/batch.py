"""``aanbesteding batch``: the documents for many profiles at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from aanbesteding.cli.options import library_option, library_sources, output_options, template_option


@click.command("batch")
@click.argument("profielen", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PROFIEL...")
@click.option(
    "--uitvoer",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="MAP",
    help="Map voor de documenten (verplicht; wordt gemaakt als zij niet bestaat); elk bestand heet naar zijn profiel.",
)
@template_option
@library_option
@output_options
@click.option(
    "--processen", type=click.IntRange(1, 256), metavar="N", help="Aantal processen (standaard: alle kernen)."
)
def batch(
    profielen: tuple[Path, ...],
    uitvoer: Path | None,
    sjabloon: Path | None,
    bibliotheek: tuple[str, ...],
    geen_matrix: bool,
    geen_formulier: bool,
    geen_verantwoording: bool,
    pdf: bool,
    json_: bool,
    processen: int | None,
    force: bool,
) -> None:
    """Maak per PROFIEL een set documenten in MAP, genoemd naar het profielbestand.

    De bibliotheek wordt één keer geladen en gecontroleerd; de profielen worden over alle
    kernen verdeeld. Een fout profiel houdt de andere niet op: aan het eind staan alle
    mislukte profielen met hun reden, en de exitcode is dan 1.

    Voorbeeld: aanbesteding batch profielen/*.yaml --uitvoer documenten --pdf
    """
    from aanbesteding.api import load_library
    from aanbesteding.batch.runner import Settings, repeated, run_batch
    from aanbesteding.cli.generate import output_formats
    from aanbesteding.errors import InputError, OutputError

    if uitvoer is None:
        raise click.UsageError("--uitvoer MAP ontbreekt: geef de map voor de documenten op")
    library = load_library(*library_sources(None, bibliotheek))
    if uitvoer.exists() and not uitvoer.is_dir():
        raise OutputError(f"--uitvoer {uitvoer}: dit is een bestand, geen map")
    try:
        uitvoer.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"--uitvoer {uitvoer}: de map kan niet worden gemaakt ({exc.strerror})") from exc
    formats = output_formats(geen_matrix, geen_verantwoording, pdf, json_, geen_formulier)
    if pdf:
        from aanbesteding.writers.export.pdf import pdf_available

        reason = pdf_available()
        if reason:
            raise OutputError(f"--pdf: PDF kan niet worden gemaakt: {reason}")
    settings = Settings(uitvoer, formats, sjabloon, force)
    twice = repeated(profielen)
    with click.progressbar(
        length=len({os.path.realpath(p) for p in profielen}),
        label="Profielen",
        file=sys.stderr,
        show_pos=True,
        hidden=not sys.stderr.isatty(),
    ) as bar:
        outcomes = run_batch(list(profielen), library, settings, workers=processen, progress=lambda _: bar.update(1))
    for profile in twice:
        click.echo(f"Let op: {profile} staat meer dan eens in de lijst; het is één keer gemaakt.", err=True)
    good = [o for o in outcomes if o.ok]
    bad = [o for o in outcomes if not o.ok]
    click.echo(
        f"{len(good)} van {len(outcomes)} profielen geschreven in {uitvoer} "
        f"({sum(len(o.files) for o in good)} bestanden, manifesten meegeteld)."
    )
    by_warning: dict[str, list[str]] = {}
    for outcome in good:
        for warning in dict.fromkeys(outcome.warnings):
            by_warning.setdefault(warning, []).append(str(outcome.profile))
    for warning, profiles in sorted(by_warning.items()):
        click.echo(f"Let op ({', '.join(profiles)}): {warning}", err=True)
    if bad:
        lines = [f"  {o.profile}: {_without_name(str(o.error), o.profile)}".replace("\n", "\n    ") for o in bad]
        raise InputError(f"{len(bad)} van {len(outcomes)} profielen mislukt:\n" + "\n".join(lines))


def _without_name(error: str, profile: Path) -> str:
    """The error without a leading copy of the profile's name (the list already shows it)."""
    prefix = f"{profile}: "
    return error[len(prefix) :] if error.startswith(prefix) else error
