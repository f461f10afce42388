"""``aanbesteding importeer``: read bidders' forms into a new beoordelingsmatrix."""

from __future__ import annotations

from pathlib import Path

import click

from aanbesteding.cli.options import library_option, library_sources


@click.command("importeer")
@click.argument("matrix", metavar="MATRIX.xlsx", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("formulieren", metavar="FORMULIER.xlsx...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--uitvoer",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="BESTAND",
    help="De nieuwe matrix (.xlsx); standaard MATRIX-ingelezen.xlsx ernaast. Het "
    "inleesverslag (-inleesverslag.docx) komt ernaast.",
)
@click.option(
    "--gedeeltelijk",
    is_flag=True,
    help="Lees de goede formulieren in en meld de rest; zonder deze optie wordt niets "
    "geschreven zolang één formulier een fout bevat.",
)
@library_option
@click.option(
    "--zonder-standaard",
    is_flag=True,
    help="Gebruik de standaardbibliotheek niet: de eerste --bibliotheek is de basis.",
)
@click.option(
    "--json",
    "json_",
    is_flag=True,
    help="Schrijf ook OCDS-JSON met de inschrijvingen (-inschrijvingen.json); alleen te publiceren na de gunning.",
)
@click.option("--force", is_flag=True, help="Overschrijf een bestaande nieuwe matrix en verslag.")
def importeer(
    matrix: Path,
    formulieren: tuple[Path, ...],
    uitvoer: Path | None,
    gedeeltelijk: bool,
    bibliotheek: tuple[str, ...],
    zonder_standaard: bool,
    json_: bool,
    force: bool,
) -> None:
    """Lees ingevulde inschrijversformulieren in een nieuwe beoordelingsmatrix.

    Controleert elk formulier volledig (ontbrekende antwoorden, waarden buiten de keuzelijst,
    gewijzigde eisen, een formulier van een andere aanbesteding of versie, een inschrijver die
    niet in de matrix staat of dubbel is) en noemt elk probleem per inschrijver en rij. De
    matrix zelf blijft ongewijzigd; het manifest naast de matrix (.manifest.json) en dezelfde
    bibliotheek als bij 'genereer' zijn nodig.

    Voorbeeld: aanbesteding importeer bijlage.xlsx alfa.xlsx beta.xlsx gamma.xlsx
    """
    from aanbesteding.errors import InputError
    from aanbesteding.responses.importer import import_forms

    if zonder_standaard and not bibliotheek:
        raise InputError("--zonder-standaard: geef met --bibliotheek MAP de bibliotheek die dan de basis is")
    sources = bibliotheek if zonder_standaard else library_sources(None, bibliotheek)
    result = import_forms(
        matrix,
        list(formulieren),
        output=uitvoer,
        partial=gedeeltelijk,
        library_sources=sources,
        force=force,
        ocds=json_,
    )
    for form in result.forms:
        if form.response is not None:
            click.echo(f"Ingelezen: {form.name} ({form.response.bidder}), SHA-256 {form.sha256}")
    click.echo(f"Nieuwe matrix geschreven: {result.output}")
    click.echo(f"Inleesverslag geschreven: {result.record}")
    if result.json is not None:
        click.echo(f"OCDS-JSON met inschrijvingen geschreven: {result.json} (pas publiceren na de gunning)")
    for form in result.refused:
        for problem in form.problems:
            click.echo(f"Niet ingelezen: {problem}", err=True)
