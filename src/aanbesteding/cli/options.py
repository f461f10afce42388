"""Click options made from the tender fields, so each input is defined once (in the model)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from aanbesteding.cli.dutch import Keuze
from aanbesteding.tender.inputs import option_specs

F = TypeVar("F", bound=Callable[..., object])


# Fields of a generation that are not tender fields, and their options.
GENERATION_OPTIONS = {"uitvoer": "--uitvoer", "force": "--force", "pdf": "--pdf", "sjabloon": "--sjabloon"}


def option_name(field: str) -> str:
    """The option of a field an error names (``parameters`` -> ``--param``)."""
    flags = {spec.field: spec.flag for spec in option_specs()}
    return flags.get(field) or GENERATION_OPTIONS.get(field) or f"--{field.replace('_', '-')}"


def tender_options(func: F) -> F:
    """Decorate a command with one option per tender field, in field order."""
    for spec in reversed(option_specs()):
        kind = Keuze(list(spec.choices), case_sensitive=False) if spec.choices else None
        # Every option collects all its values, so a repeated single-value option is an
        # error (tender_from_options) instead of silently taking the last one.
        func = click.option(spec.flag, spec.field, type=kind, multiple=True, metavar=spec.metavar, help=spec.help)(func)
    return func


LIBRARY_HELP = (
    "Bibliotheek van de eigen organisatie (een map, of REVISIE:map) die over de "
    "standaardbibliotheek ligt: hetzelfde id vervangt, een nieuw id voegt toe "
    "(herhaalbaar; de laatste gaat voor)."
)


def template_option(func: F) -> F:
    """``--sjabloon BESTAND``: the Word base document (genereer and batch)."""
    return click.option(
        "--sjabloon",
        type=click.Path(path_type=Path, dir_okay=False),
        metavar="BESTAND",
        help="Word-document (.docx) met de huisstijl van de organisatie.",
    )(func)


def output_options(func: F) -> F:
    """Which files to make and whether to overwrite: the same for genereer and batch."""
    for option in reversed(
        (
            click.option("--geen-matrix", is_flag=True, help="Schrijf geen Excel-beoordelingsmatrix."),
            click.option(
                "--geen-formulier",
                is_flag=True,
                help="Schrijf geen inschrijversformulier (-inschrijversformulier.xlsx).",
            ),
            click.option(
                "--geen-verantwoording",
                is_flag=True,
                help="Schrijf geen verantwoording voor het dossier (-verantwoording.docx).",
            ),
            click.option(
                "--pdf",
                is_flag=True,
                help="Schrijf de bijlage en de verantwoording ook als toegankelijke PDF/A "
                "(getagd), met ingevulde inhoudsopgave, ook in de .docx (vereist "
                "LibreOffice).",
            ),
            click.option(
                "--json", "json_", is_flag=True, help="Schrijf de eisen en gunningscriteria ook als OCDS-JSON (.json)."
            ),
            click.option("--force", is_flag=True, help="Overschrijf bestaande bestanden."),
        )
    ):
        func = option(func)
    return func


def library_option(func: F) -> F:
    """Decorate a command with the repeatable ``--bibliotheek MAP`` (layers over the base)."""
    return click.option("--bibliotheek", "bibliotheek", multiple=True, metavar="MAP", help=LIBRARY_HELP)(func)


def library_sources(pad: str | None, layers: tuple[str, ...]) -> tuple[str | None, ...]:
    """The sources to load, base first: ``pad`` alone (None: the standard library), then layers."""
    return (pad, *layers)
