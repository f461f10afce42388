"""``aanbesteding bibliotheek ...``: commands for the clause library (legal's side)."""

from __future__ import annotations

import click

from aanbesteding.cli.dutch import DutchGroup, Keuze

PAD_HELP = "PAD is een map, of REVISIE:map in de git-repository rond de huidige map (bijv. HEAD~1:clauses)."


@click.group(cls=DutchGroup)
def bibliotheek() -> None:
    """Beheer en controle van de clausulebibliotheek."""


@bibliotheek.command("controleer")
@click.argument("pad", required=False)
def controleer(pad: str | None) -> None:
    """Controleer de clausulebibliotheek in PAD (standaard: de meegeleverde bibliotheek).

    Voert alle controles uit, ook de dure (elke tekst in elke laag en elk contracttype
    verwerken), en meldt alle problemen in één keer als bestand:regel: veld: melding.
    """
    from aanbesteding.errors import LibraryError
    from aanbesteding.library.loader import load_library_with_problems

    library, problems = load_library_with_problems(pad, lint="full")
    if library is None:
        raise LibraryError(problems)
    click.echo(f"Bibliotheek in orde: {len(library.clauses)} clausules, "
               f"{len(library.themes)} thema's, {len(library.definitions)} begrippen "
               f"({library.location}).")


@bibliotheek.command("overzicht")
@click.argument("pad", required=False)
@click.option("--formaat", type=Keuze(["tabel", "json"]), default="tabel",
              show_default=True, help="Uitvoer als teksttabel of als JSON.")
def overzicht(pad: str | None, formaat: str) -> None:
    """Toon één regel per clausule: id, titel, versie, status, SOV, soort per laag."""
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.overview import overview_json, overview_table

    library = load_library(pad)
    click.echo(overview_json(library) if formaat == "json" else overview_table(library), nl=False)


@bibliotheek.command("parameters")
@click.argument("pad", required=False)
@click.option("--laag", type=Keuze(["1", "2", "3", "kritiek", "gevoelig", "ondersteunend"],
                                   case_sensitive=False),
              help="Alleen de parameters van clausules die in deze laag gelden.")
@click.option("--contracttype", type=Keuze(["saas", "paas", "iaas", "hosting", "licentie"],
                                           case_sensitive=False),
              help="Alleen de parameters van clausules die bij dit contracttype gelden.")
def parameters(pad: str | None, laag: str | None, contracttype: str | None) -> None:
    """Toon alle parameters die met --param kunnen worden gewijzigd, met standaard en grenzen."""
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.overview import parameters_table
    from aanbesteding.tender.model import parse_tier

    library = load_library(pad)
    only = None
    if laag or contracttype:
        tier = parse_tier(laag.lower()) if laag else None
        only = {c.clause.id for c in library.clauses if c.clause.status != "vervallen"
                and (tier is None or c.clause.lagen.for_tier(tier) is not None)
                and (contracttype is None or contracttype.lower() in c.clause.contracttypen)}
    click.echo(parameters_table(library, only), nl=False)


@bibliotheek.command("schema")
def schema() -> None:
    """Druk het JSON Schema van het clausuleformaat af (zoals clauses/schema.json)."""
    from aanbesteding.library.schema import clause_schema_json

    click.echo(clause_schema_json(), nl=False)
