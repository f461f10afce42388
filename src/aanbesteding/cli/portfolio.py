"""``aanbesteding portfolio``: the register of systems and contracts, and the report with
decision dates, conflicts, renewal questionnaires and tender profiles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from aanbesteding.cli.dutch import DutchGroup
from aanbesteding.cli.options import library_option, library_sources


@click.group("portfolio", cls=DutchGroup)
def portfolio() -> None:
    """Portfolio en verlengingstoets: alle systemen per laag, elke beslisdatum, wat te vragen.

    Begin met 'portfolio init register.xlsx', vul het register (of gebruik een bestaand
    contractregister of een export van de GEMMA Softwarecatalogus) en maak dan het rapport
    met 'portfolio rapport register.xlsx --uitvoer rapport'.
    """


@portfolio.command("init")
@click.argument("pad", type=click.Path(path_type=Path), metavar="REGISTER.xlsx")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand register.")
def init(pad: Path, force: bool) -> None:
    """Schrijf een leeg register met de bladen Systemen en Contracten.

    Elke kolomkop heeft een opmerking met de betekenis; kolommen met vaste waarden hebben een
    keuzelijst. Het blad Toelichting legt uit hoe het rapport rekent.
    """
    from aanbesteding.errors import OutputError
    from aanbesteding.portfolio.template import register_bytes
    from aanbesteding.support.output import write_all

    if pad.suffix.lower() != ".xlsx":
        raise OutputError(f"{pad}: een register is een Excel-bestand; gebruik de extensie .xlsx")
    write_all({pad: register_bytes()}, force=force)
    click.echo(f"Register geschreven: {pad}")


@portfolio.command("rapport")
@click.argument("register", nargs=-1, type=click.Path(path_type=Path), metavar="REGISTER...")
@click.option(
    "--map",
    "map_",
    type=click.Path(path_type=Path),
    metavar="MAP",
    help="Maak een rapport per register (.xlsx) in MAP, plus één overzicht van de "
    "einddata per leverancier over alle registers (leveranciers.xlsx).",
)
@click.option("--peildatum", metavar="JJJJ-MM-DD", help="De dag waarop gerekend wordt (standaard vandaag).")
@click.option(
    "--horizon",
    type=click.IntRange(1, 120),
    default=12,
    show_default=True,
    metavar="MAANDEN",
    help="Tot hoeveel maanden vooruit de termijnen lopen; daarna: later.",
)
@click.option(
    "--uitvoer",
    type=click.Path(path_type=Path),
    metavar="MAP",
    required=True,
    help="Map voor het rapport (wordt gemaakt als zij niet bestaat).",
)
@click.option("--organisatie", metavar="NAAM", help="Naam van de organisatie (standaard de bestandsnaam).")
@library_option
@click.option("--force", is_flag=True, help="Overschrijf bestaande bestanden.")
def rapport(
    register: tuple[Path, ...],
    map_: Path | None,
    peildatum: str | None,
    horizon: int,
    uitvoer: Path,
    organisatie: str | None,
    bibliotheek: tuple[str, ...],
    force: bool,
) -> None:
    """Rapport over REGISTER (een .xlsx, of .csv-bestanden voor Systemen en Contracten).

    Schrijft in MAP: portfolio-rapport.xlsx en .docx (systemen per laag, contracten per
    termijn met de actie verlengingstoets of aanbesteden, conflicten), per verlengingstoets
    een vragenlijst voor de leverancier (.docx), per aanbesteding een profiel voor
    'genereer' (.yaml), beslisdata.ics (agenda) en softwarecatalogus.json. Het register
    wordt niet gewijzigd; rijen die niet te lezen zijn, staan in het rapport onder Meldingen.

    Voorbeeld: aanbesteding portfolio rapport register.xlsx --peildatum 2027-01-15 --uitvoer rapport
    """
    from aanbesteding.api import load_library
    from aanbesteding.errors import InputError
    from aanbesteding.portfolio.run import build_many, build_report, write_files

    if bool(register) == bool(map_):
        raise click.UsageError("geef een REGISTER of --map MAP op (niet allebei)")
    day = dt.date.today()
    if peildatum:
        try:
            day = dt.date.fromisoformat(peildatum.strip())
        except ValueError:
            raise InputError(f"--peildatum {peildatum}: geen datum; schrijf JJJJ-MM-DD") from None
    library = load_library(*library_sources(None, bibliotheek))
    if map_ is not None:
        files = build_many(map_, day, horizon, library)
        issues = 0
    else:
        report = build_report(list(register), day, horizon, library, organisatie)
        files, issues = report.files, len(report.portfolio.issues)
        p = report.portfolio
        click.echo(
            f"{len(p.systems)} systemen, {len(p.contracts)} contracten, "
            f"{len(p.conflicts)} conflicten; peildatum {day.isoformat()}"
        )
        for issue in p.issues:
            click.echo(f"Let op: {issue}", err=True)
    written = write_files(files, uitvoer, force)
    click.echo(f"{len(written)} bestanden geschreven in {uitvoer}")
    if issues:
        click.echo(f"{issues} meldingen bij het inlezen; zie het blad Meldingen.", err=True)
