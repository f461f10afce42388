"""Command-line interface: parse options, call the core, print Dutch messages. Nothing else."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from aanbesteding import __version__
from aanbesteding.cli.dutch import Keuze, dutch_help, usage_message
from aanbesteding.errors import AanbestedingError, LibraryError


@click.group()
@click.version_option(__version__, "--versie", message="aanbesteding %(version)s",
                      help="Toon de versie en stop.")
def cli() -> None:
    """Eisen voor digitale autonomie en soevereiniteit in overheidsaanbestedingen.

    Stelt uit een versiebeheerde clausulebibliotheek een Word-bijlage en een
    Excel-beoordelingsmatrix samen, passend bij de laag en het contracttype van het systeem.
    """


@cli.group()
def bibliotheek() -> None:
    """Beheer en controle van de clausulebibliotheek."""


@bibliotheek.command("controleer")
@click.argument("pad", required=False, type=click.Path(path_type=Path))
def controleer(pad: Path | None) -> None:
    """Controleer de clausulebibliotheek in PAD (standaard: de meegeleverde bibliotheek).

    Meldt alle problemen in één keer als bestand:regel: veld: melding.
    """
    from aanbesteding.library.loader import load_library_with_problems

    library, problems = load_library_with_problems(pad, lint="full")
    if library is None:
        raise LibraryError(problems)
    click.echo(f"Bibliotheek in orde: {len(library.clauses)} clausules, "
               f"{len(library.themes)} thema's, {len(library.definitions)} begrippen "
               f"({library.location}).")


@bibliotheek.command("overzicht")
@click.argument("pad", required=False, type=click.Path(path_type=Path))
@click.option("--formaat", type=Keuze(["tabel", "json"]), default="tabel",
              show_default=True, help="Uitvoer als teksttabel of als JSON.")
def overzicht(pad: Path | None, formaat: str) -> None:
    """Toon één regel per clausule: id, titel, versie, status, SOV, soort per laag."""
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.overview import overview_json, overview_table

    library = load_library(pad)
    click.echo(overview_json(library) if formaat == "json" else overview_table(library), nl=False)


@bibliotheek.command("parameters")
@click.argument("pad", required=False, type=click.Path(path_type=Path))
def parameters(pad: Path | None) -> None:
    """Toon alle parameters die met --param kunnen worden gewijzigd, met standaard en grenzen."""
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.overview import parameters_table

    click.echo(parameters_table(load_library(pad)), nl=False)


@bibliotheek.command("schema")
def schema() -> None:
    """Druk het JSON Schema van het clausuleformaat af (zoals clauses/schema.json)."""
    from aanbesteding.library.schema import clause_schema_json

    click.echo(clause_schema_json(), nl=False)


_LAAG_KEUZES = ["1", "2", "3", "kritiek", "gevoelig", "ondersteunend"]


@cli.command("genereer")
@click.option("--profiel", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="YAML-bestand met aanbestedingsgegevens; opties gaan voor.")
@click.option("--laag", type=Keuze(_LAAG_KEUZES, case_sensitive=False),
              help="Laag van het systeem: 1/kritiek, 2/gevoelig of 3/ondersteunend.")
@click.option("--contracttype", type=Keuze(["saas", "paas", "iaas", "hosting", "licentie"]),
              help="Wat wordt ingekocht.")
@click.option("--organisatie", metavar="NAAM", help="Naam van de Aanbestedende Dienst.")
@click.option("--opdracht", metavar="TEKST", help="Naam van de opdracht of aanbesteding.")
@click.option("--kenmerk", metavar="TEKST", help="Kenmerk of zaaknummer.")
@click.option("--systeem", metavar="NAAM", help="Naam van het systeem.")
@click.option("--datum", metavar="JJJJ-MM-DD", help="Datum van het document (JJJJ-MM-DD); standaard vandaag.")
@click.option("--versie", "doc_versie", metavar="TEKST", help="Versie van het document (standaard 1.0).")
@click.option("--status", type=Keuze(["concept", "definitief"]), help="Documentstatus.")
@click.option("--param", "params", multiple=True, metavar="NAAM=WAARDE",
              help="Wijzig een parameter, bijv. aankondiging_dagen=60 (herhaalbaar).")
@click.option("--uitsluiten", multiple=True, metavar="ID=REDEN",
              help="Laat een clausule weg met motivering (pas toe of leg uit; herhaalbaar).")
@click.option("--inschrijver", "inschrijvers", multiple=True, metavar="NAAM",
              help="Naam van een inschrijver in de beoordelingsmatrix (herhaalbaar).")
@click.option("--weging", type=Keuze(["eu-csf-2025", "eu-csf-2026"]),
              help="Wegingsprofiel EU Cloud Sovereignty Framework (standaard eu-csf-2025).")
@click.option("--verhouding", metavar="kwaliteit=K,soevereiniteit=S,prijs=P",
              help="Verhouding in het totaal, in procenten (standaard 40/30/30).")
@click.option("--prijsmethode", type=Keuze(["gewogen-factor", "gunnen-op-waarde"]),
              help="Methode voor de prijsbeoordeling (standaard gewogen-factor).")
@click.option("--schaal", metavar="0,2,4,6,8,10", help="Scoreschaal voor wensen.")
@click.option("--sjabloon", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Word-document (.docx) met de huisstijl van de organisatie.")
@click.option("--bibliotheek", type=click.Path(path_type=Path, file_okay=False), metavar="MAP",
              help="Andere clausulebibliotheek dan de meegeleverde.")
@click.option("--uitvoer", type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Pad van de Word-bijlage (.docx); de matrix komt ernaast (.xlsx).")
@click.option("--geen-matrix", is_flag=True, help="Schrijf geen Excel-beoordelingsmatrix.")
@click.option("--force", is_flag=True, help="Overschrijf bestaande bestanden.")
def genereer(profiel: Path | None, sjabloon: Path | None, bibliotheek: Path | None,
             uitvoer: Path | None, geen_matrix: bool, force: bool, **options: object) -> None:
    """Stel de Word-bijlage en de Excel-beoordelingsmatrix samen.

    Voorbeeld: aanbesteding genereer --laag 2 --contracttype saas --organisatie "Gemeente
    Voorbeeld" --kenmerk INK-2026-042
    """
    from aanbesteding.api import default_output_name, generate
    from aanbesteding.tender.options import tender_from_options

    tender = tender_from_options(profiel, options)
    output = uitvoer or Path(default_output_name(tender))
    result = generate(tender, output, library_path=bibliotheek, template=sjabloon,
                      with_grid=not geen_matrix, force=force)
    annex = result.annex
    click.echo(f"Bijlage geschreven: {result.docx} ({len(annex.requirements)} eisen, wensen en "
               f"bepalingen; {tender.laag.label}, {tender.contracttype})")
    if result.xlsx is not None:
        click.echo(f"Beoordelingsmatrix geschreven: {result.xlsx}")
    unreviewed = [r.number for r in annex.requirements if r.status != "vastgesteld"]
    if unreviewed:
        click.echo(f"Let op: {len(unreviewed)} van de {len(annex.requirements)} clausules zijn nog "
                   "niet vastgesteld door de juridische afdeling (status concept of in-review); "
                   "zie bijlage A van het document.", err=True)


dutch_help(cli)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn every expected error into a Dutch message."""
    try:
        cli.main(args=argv, prog_name="aanbesteding", standalone_mode=False)
    except AanbestedingError as exc:
        click.echo(f"Fout: {exc}", err=True)
        return exc.exit_code
    except click.UsageError as exc:
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
        click.echo(f"Fout: {usage_message(exc)}", err=True)
        click.echo("Gebruik --help voor de mogelijkheden.", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"Fout: {exc.format_message()}", err=True)
        return exc.exit_code
    except click.Abort:
        click.echo("Afgebroken.", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("Afgebroken.", err=True)
        return 130
    except Exception as exc:  # last resort: a user never sees a traceback
        if os.environ.get("AANBESTEDING_DEBUG"):
            raise
        click.echo(f"Interne fout: {type(exc).__name__}: {exc}\n"
                   "Dit is een fout in aanbesteding; zet AANBESTEDING_DEBUG=1 voor details.",
                   err=True)
        return 70
    return 0


if __name__ == "__main__":
    sys.exit(main())
