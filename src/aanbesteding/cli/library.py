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
def parameters(pad: str | None) -> None:
    """Toon alle parameters die met --param kunnen worden gewijzigd, met standaard en grenzen."""
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.overview import parameters_table

    click.echo(parameters_table(load_library(pad)), nl=False)


@bibliotheek.command("schema")
def schema() -> None:
    """Druk het JSON Schema van het clausuleformaat af (zoals clauses/schema.json)."""
    from aanbesteding.library.schema import clause_schema_json

    click.echo(clause_schema_json(), nl=False)
