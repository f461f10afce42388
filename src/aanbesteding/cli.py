"""Command-line interface: parse options, call the core, print Dutch messages. Nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from aanbesteding import __version__
from aanbesteding.errors import AanbestedingError, LibraryError


class Keuze(click.Choice[str]):
    """click.Choice with a Dutch message."""

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        try:
            return str(super().convert(value, param, ctx))
        except click.BadParameter:
            self.fail(f"{value!r} is geen geldige keuze; kies uit: {', '.join(map(str, self.choices))}",
                      param, ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    from aanbesteding.library import load_library_with_problems

    library, problems = load_library_with_problems(pad)
    if library is None:
        raise LibraryError(problems)
    click.echo(f"Bibliotheek in orde: {len(library.clauses)} clausules, "
               f"{len(library.themes)} thema's, {len(library.definitions)} begrippen "
               f"({library.root}).")


@bibliotheek.command("overzicht")
@click.argument("pad", required=False, type=click.Path(path_type=Path))
@click.option("--formaat", type=Keuze(["tabel", "json"]), default="tabel",
              show_default=True, help="Uitvoer als teksttabel of als JSON.")
def overzicht(pad: Path | None, formaat: str) -> None:
    """Toon één regel per clausule: id, titel, versie, status, SOV, soort per laag."""
    from aanbesteding.library import load_library
    from aanbesteding.overview import overview_json, overview_table

    library = load_library(pad)
    click.echo(overview_json(library) if formaat == "json" else overview_table(library), nl=False)


def _usage_message(exc: click.UsageError) -> str:
    """Dutch text for click's usage errors (click itself speaks English)."""
    if isinstance(exc, click.NoSuchOption):
        return f"onbekende optie: {exc.option_name}"
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx) if exc.ctx else exc.param.name
        return f"ontbrekende optie of argument: {hint}"
    if isinstance(exc, click.BadParameter):
        hint = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else exc.param_hint
        return f"ongeldige waarde voor {hint}: {exc.message}"
    return exc.message


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
        click.echo(f"Fout: {_usage_message(exc)}", err=True)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
