"""Command-line entry point: the root group, lazy commands, and errors as Dutch messages.

The CLI only parses options and calls the core (:mod:`aanbesteding.api`); commands live in
their own modules and are imported when used, so ``aanbesteding --help`` starts fast.
"""

from __future__ import annotations

import contextlib
import os
import sys

import click

from aanbesteding import __version__
from aanbesteding.cli.dutch import DutchGroup, usage_message
from aanbesteding.errors import AanbestedingError
from aanbesteding.support.text import terminal_safe

COMMANDS: dict[str, tuple[str, str]] = {
    "bibliotheek": ("aanbesteding.cli.library:bibliotheek", "Beheer en controle van de clausulebibliotheek."),
    "genereer": (
        "aanbesteding.cli.generate:genereer",
        "Stel de bijlage, de beoordelingsmatrix en de verantwoording samen.",
    ),
    "init": ("aanbesteding.cli.init:init", "Schrijf een profiel met uitleg bij elke sleutel."),
    "classificeer": (
        "aanbesteding.cli.classify:classificeer",
        "Adviseer een laag met BIA-vragen, met redenen en passende hosting.",
    ),
    "importeer": (
        "aanbesteding.cli.importeer:importeer",
        "Lees ingevulde inschrijversformulieren in een nieuwe beoordelingsmatrix.",
    ),
    "batch": ("aanbesteding.cli.batch:batch", "Maak de documenten voor veel profielen tegelijk, op alle kernen."),
    "portfolio": (
        "aanbesteding.cli.portfolio:portfolio",
        "Register van systemen en contracten: beslisdata, conflicten, vragenlijsten.",
    ),
}


@click.group(cls=DutchGroup, lazy=COMMANDS)
@click.version_option(__version__, "--versie", message="aanbesteding %(version)s", help="Toon de versie en stop.")
def cli() -> None:
    """Eisen voor digitale autonomie en soevereiniteit in overheidsaanbestedingen.

    Stelt uit een versiebeheerde clausulebibliotheek een Word-bijlage en een
    Excel-beoordelingsmatrix samen, passend bij de laag en het contracttype van het systeem.
    """


def _tolerant_console() -> None:
    """Let a console that is not UTF-8 (Windows cp1252, cp850) show what it can.

    A character the console's code page lacks becomes ``?`` instead of ending the run with a
    UnicodeEncodeError; "€", "ë" and "–" exist in cp1252 and come out as they are.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = str(getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding not in ("utf8", "utf_8"):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn every expected error into a Dutch message."""
    _tolerant_console()
    try:
        cli.main(args=argv, prog_name="aanbesteding", standalone_mode=False)
    except AanbestedingError as exc:
        from aanbesteding.cli.options import option_name

        click.echo(terminal_safe(f"Fout: {exc.located(option_name)}"), err=True)
        return exc.exit_code
    except click.UsageError as exc:
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
        click.echo(terminal_safe(f"Fout: {usage_message(exc)}"), err=True)
        click.echo("Gebruik --help voor de mogelijkheden.", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(terminal_safe(f"Fout: {exc.format_message()}"), err=True)
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
        click.echo(
            terminal_safe(f"Interne fout: {type(exc).__name__}: {exc}\n")
            + "Dit is een fout in aanbesteding; zet AANBESTEDING_DEBUG=1 voor details.",
            err=True,
        )
        return 70
    return 0


if __name__ == "__main__":
    sys.exit(main())
