"""``aanbesteding genereer``: the officer's main job."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from aanbesteding.cli.options import (
    library_option,
    library_sources,
    output_options,
    template_option,
    tender_options,
)

if TYPE_CHECKING:
    from aanbesteding.api import Generated
    from aanbesteding.library.loader import Library

MERGE_NOTE = (
    "Gegevens komen uit PROFIEL (een YAML-bestand; maak er een met 'aanbesteding "
    "init') en uit de opties. Herhaalbare opties (--param, --uitsluiten, "
    "--inschrijver) vullen de waarden uit het profiel aan; elke andere optie vervangt "
    "de waarde uit het profiel en mag één keer worden opgegeven."
)


def output_formats(
    geen_matrix: bool, geen_verantwoording: bool, pdf: bool, json: bool, geen_formulier: bool = False
) -> tuple[str, ...]:
    """The formats to write, the Word annex first."""
    return (
        "docx",
        *(() if geen_matrix else ("xlsx",)),
        *(() if geen_formulier else ("formulier",)),
        *(() if geen_verantwoording else ("verantwoording",)),
        *(("pdf",) if pdf else ()),
        *(("verantwoording-pdf",) if pdf and not geen_verantwoording else ()),
        *(("json",) if json else ()),
    )


def parameter_report(library: Library, result: Generated) -> list[str]:
    """One line per --param: which numbered requirements (clauses) it changed."""
    from aanbesteding.compose.parameters import parameter_targets

    parameters = result.annex.tender.parameters
    numbers = {r.clause_id: r.number for r in result.annex.requirements}
    lines = []
    for key, clause_ids in parameter_targets(library, parameters).items():
        used = [f"{numbers[c]} ({c})" for c in clause_ids if c in numbers]
        where = ", ".join(used) if used else "geen clausule in deze bijlage"
        lines.append(f"Parameter {key} = {parameters[key]}: gewijzigd in {where}")
    return lines


@click.command("genereer", epilog=MERGE_NOTE)
@click.argument("profiel_pos", metavar="[PROFIEL]", required=False, type=click.Path(path_type=Path))
@click.option(
    "--profiel", type=click.Path(path_type=Path), metavar="BESTAND", help="Zelfde als PROFIEL (oudere schrijfwijze)."
)
@tender_options
@template_option
@library_option
@click.option(
    "--zonder-standaard",
    is_flag=True,
    help="Gebruik de standaardbibliotheek niet: de eerste --bibliotheek is de basis.",
)
@click.option(
    "--uitvoer",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="BESTAND",
    help="Pad van de Word-bijlage (.docx); de andere bestanden komen ernaast. "
    "Standaard: bijlage-soevereiniteit-KENMERK-laagN-TYPE.docx.",
)
@output_options
def genereer(
    profiel_pos: Path | None,
    profiel: Path | None,
    sjabloon: Path | None,
    bibliotheek: tuple[str, ...],
    zonder_standaard: bool,
    uitvoer: Path | None,
    geen_matrix: bool,
    geen_formulier: bool,
    geen_verantwoording: bool,
    pdf: bool,
    json_: bool,
    force: bool,
    **options: object,
) -> None:
    """Stel de bijlage, de beoordelingsmatrix en de verantwoording samen.

    Schrijft naast elkaar: de Word-bijlage voor inschrijvers (.docx), de
    Excel-beoordelingsmatrix voor de beoordelingscommissie (.xlsx), het
    inschrijversformulier waarmee inschrijvers antwoorden (-inschrijversformulier.xlsx), de
    verantwoording voor het dossier (-verantwoording.docx) en een manifest (.manifest.json);
    met --pdf en --json ook de bijlage en de verantwoording als PDF en de eisen als OCDS-JSON.

    Voorbeeld: aanbesteding genereer profiel.yaml --pdf, of zonder profiel: aanbesteding
    genereer --laag 2 --contracttype saas --organisatie "Gemeente Voorbeeld" --kenmerk
    INK-2026-042
    """
    from aanbesteding.api import default_output_name, generate, load_library, planned_paths
    from aanbesteding.domain import CONTRACT_TYPE_LABELS
    from aanbesteding.errors import InputError
    from aanbesteding.tender.profile import tender_from_options

    if zonder_standaard and not bibliotheek:
        raise InputError("--zonder-standaard: geef met --bibliotheek MAP de bibliotheek die dan de basis is")
    if profiel_pos and profiel and profiel_pos != profiel:
        raise InputError(f"twee profielen opgegeven ({profiel_pos} en --profiel {profiel}); geef er één")
    tender = tender_from_options(profiel_pos or profiel, options)
    output = uitvoer or Path(default_output_name(tender))
    formats = output_formats(geen_matrix, geen_verantwoording, pdf, json_, geen_formulier)
    planned_paths(output, formats)  # a name no file system can hold: refused before any work
    sources = bibliotheek if zonder_standaard else library_sources(None, bibliotheek)
    library = load_library(*sources)
    result = generate(tender, library, output, formats=formats, template=sjabloon, force=force)
    count = len(result.annex.requirements)
    for written in result.files:
        detail = (
            f" ({count} eisen, wensen en bepalingen; {tender.laag.label}, {CONTRACT_TYPE_LABELS[tender.contracttype]})"
            if written.format == "docx"
            else ""
        )
        click.echo(f"{written.label} geschreven: {written.path}{detail}")
    if result.manifest_path is not None:
        click.echo(f"Manifest geschreven: {result.manifest_path}")
    for line in parameter_report(library, result):
        click.echo(line)
    for warning in result.warnings:
        click.echo(f"Let op: {warning}", err=True)
