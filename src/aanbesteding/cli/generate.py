"""``aanbesteding genereer``: the officer's main job."""

from __future__ import annotations

from pathlib import Path

import click

from aanbesteding.cli.options import library_option, library_sources, tender_options


@click.command("genereer")
@click.option("--profiel", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="YAML-bestand met aanbestedingsgegevens (zelfde namen als de opties); "
                   "opties gaan voor.")
@tender_options
@click.option("--sjabloon", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Word-document (.docx) met de huisstijl van de organisatie.")
@library_option
@click.option("--zonder-standaard", is_flag=True,
              help="Gebruik de standaardbibliotheek niet: de eerste --bibliotheek is de basis.")
@click.option("--uitvoer", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Pad van de Word-bijlage (.docx); de matrix komt ernaast (.xlsx).")
@click.option("--geen-matrix", is_flag=True, help="Schrijf geen Excel-beoordelingsmatrix.")
@click.option("--geen-verantwoording", is_flag=True,
              help="Schrijf geen verantwoording voor het dossier (-verantwoording.docx).")
@click.option("--force", is_flag=True, help="Overschrijf bestaande bestanden.")
def genereer(profiel: Path | None, sjabloon: Path | None, bibliotheek: tuple[str, ...],
             zonder_standaard: bool, uitvoer: Path | None, geen_matrix: bool,
             geen_verantwoording: bool, force: bool, **options: object) -> None:
    """Stel de bijlage, de beoordelingsmatrix en de verantwoording samen.

    Schrijft naast elkaar: de Word-bijlage voor inschrijvers (.docx), de
    Excel-beoordelingsmatrix voor de beoordelingscommissie (.xlsx), de verantwoording voor
    het dossier (-verantwoording.docx) en een manifest (.manifest.json).

    Voorbeeld: aanbesteding genereer --laag 2 --contracttype saas --organisatie "Gemeente
    Voorbeeld" --kenmerk INK-2026-042
    """
    from aanbesteding.api import default_output_name, generate, load_library
    from aanbesteding.domain import CONTRACT_TYPE_LABELS
    from aanbesteding.errors import InputError
    from aanbesteding.tender.options import tender_from_options

    if zonder_standaard and not bibliotheek:
        raise InputError("--zonder-standaard: geef met --bibliotheek MAP de bibliotheek die dan "
                         "de basis is")

    tender = tender_from_options(profiel, options)
    output = uitvoer or Path(default_output_name(tender))
    formats = tuple(f for f, skip in (("docx", False), ("xlsx", geen_matrix),
                                      ("verantwoording", geen_verantwoording)) if not skip)
    sources = bibliotheek if zonder_standaard else library_sources(None, bibliotheek)
    result = generate(tender, load_library(*sources), output, formats=formats,
                      template=sjabloon, force=force)
    count = len(result.annex.requirements)
    for written in result.files:
        detail = (f" ({count} eisen, wensen en bepalingen; {tender.laag.label}, "
                  f"{CONTRACT_TYPE_LABELS[tender.contracttype]})" if written.format == "docx" else "")
        click.echo(f"{written.label} geschreven: {written.path}{detail}")
    if result.manifest_path is not None:
        click.echo(f"Manifest geschreven: {result.manifest_path}")
    for warning in result.warnings:
        click.echo(f"Let op: {warning}", err=True)
