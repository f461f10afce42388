"""Click options made from the tender fields, so each input is defined once (in the model)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from aanbesteding.cli.dutch import Keuze
from aanbesteding.tender.options import option_specs

F = TypeVar("F", bound=Callable[..., object])


def tender_options(func: F) -> F:
    """Decorate a command with one option per tender field, in field order."""
    for spec in reversed(option_specs()):
        kind = Keuze(list(spec.choices), case_sensitive=False) if spec.choices else None
        # Every option collects all its values, so a repeated single-value option is an
        # error (tender_from_options) instead of silently taking the last one.
        func = click.option(spec.flag, spec.field, type=kind, multiple=True,
                            metavar=spec.metavar, help=spec.help)(func)
    return func
