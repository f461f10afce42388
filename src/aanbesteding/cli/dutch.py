"""Dutch faces for click: help headings, choice errors and usage errors (click speaks English)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import click

_HEADINGS = {"Options": "Opties", "Commands": "Opdrachten", "Arguments": "Argumenten"}


class DutchFormatter(click.HelpFormatter):
    """Help output with Dutch headings (click's own are English)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else "Gebruik: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Option lists with click's English extras ([default: ...], [required]) in Dutch."""
        super().write_dl([(term, _dutch_extras(text)) for term, text in rows], col_max, col_spacing)


def _dutch_extras(text: str) -> str:
    text = text.replace("[default: ", "[standaard: ").replace("[required]", "[verplicht]")
    return re.sub(r"\[(\d+)<=x<=(\d+)\]", r"[\1 t/m \2]", text)


class DutchContext(click.Context):
    formatter_class = DutchFormatter


def dutch_help(command: click.Command) -> None:
    """Give a command (and its subcommands) Dutch help: headings, -h/--help text.

    Idempotent; :class:`DutchGroup` calls it for every command it hands out.
    """
    if getattr(command, "_dutch", False):
        return
    command._dutch = True  # type: ignore[attr-defined]
    command.context_class = DutchContext
    for param in command.params:
        if (
            isinstance(param, click.Option)
            and param.metavar is None
            and not param.is_flag
            and param.type is click.STRING
        ):
            param.metavar = "TEKST"  # click's default would print the English TEXT
    command.options_metavar = "[OPTIES]"
    if not any(isinstance(p, click.Option) and "--help" in p.opts for p in command.params):
        click.help_option("-h", "--help", help="Toon deze hulp en stop.")(command)
    if isinstance(command, click.Group):
        command.subcommand_metavar = "OPDRACHT [ARGUMENTEN]..."
        for sub in command.commands.values():
            dutch_help(sub)


class DutchGroup(click.Group):
    """A group whose commands all get Dutch help, including commands defined in other modules
    and commands loaded lazily: the face is applied when the group hands a command out.

    ``lazy`` maps a command name to ``("module:attribute", short help)``; the module is
    imported only when that command runs or shows its own help, so ``--help`` stays fast.
    """

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})
        dutch_help(self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in self.lazy:
            module, _, attribute = self.lazy[cmd_name][0].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            assert isinstance(command, click.Command)
            self.add_command(command, cmd_name)
        if command is not None:
            dutch_help(command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List commands with their short help, without importing lazy ones."""
        rows = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                command = self.commands[name]
                if command.hidden:
                    continue
                rows.append((name, command.get_short_help_str(formatter.width)))
            else:
                rows.append((name, self.lazy[name][1]))
        if rows:
            with formatter.section("Opdrachten"):
                formatter.write_dl(rows)


class Keuze(click.Choice[str]):
    """click.Choice with a Dutch message."""

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return str(super().convert(value, param, ctx))
        except click.BadParameter:
            from aanbesteding.support.text import shorten

            self.fail(
                f"{shorten(value)} is geen geldige keuze; kies uit: {', '.join(map(str, self.choices))}", param, ctx
            )


def usage_message(exc: click.UsageError) -> str:
    """Dutch text for click's usage errors (click itself speaks English)."""
    if isinstance(exc, click.NoSuchOption):
        return f"onbekende optie: {exc.option_name}"
    if isinstance(exc, click.MissingParameter):
        return f"ontbrekende optie of argument: {_hint(exc)}"
    if isinstance(exc, click.BadParameter):
        return f"ongeldige waarde voor {_hint(exc)}: {_dutch(exc.message)}"
    command = re.match(r"No such command '(.+)'", exc.message)
    if command:
        return f"onbekende opdracht '{command.group(1)}'"
    needs = re.match(r"Option '(.+)' requires (?:an argument|(\d+) arguments)", exc.message)
    if needs:
        count = f"{needs.group(2)} waarden" if needs.group(2) else "een waarde"
        return f"de optie {needs.group(1)} vraagt {count} (bijv. {needs.group(1)} WAARDE)"
    extra = re.match(r"Got unexpected extra arguments? \((.+)\)", exc.message)
    if extra:
        return (
            f"onverwachte extra argumenten: {extra.group(1)}; staat er een spatie in een "
            "waarde, zet die dan tussen aanhalingstekens"
        )
    return exc.message


_PATH_PROBLEMS = {
    "does not exist": "bestaat niet",
    "is a file": "is een bestand, geen map",
    "is a directory": "is een map, geen bestand",
    "is not readable": "is niet leesbaar",
    "is not writable": "is niet beschrijfbaar",
    "is not executable": "is niet uitvoerbaar",
}
_PATH_MESSAGE = re.compile(r"(?:File|Directory|Path) (?P<name>'.*') (?P<problem>[a-z ]+)\.", re.S)


def _dutch(message: str) -> str:
    """click's English texts for paths in Dutch; other texts unchanged."""
    match = _PATH_MESSAGE.fullmatch(message)
    if match and match["problem"] in _PATH_PROBLEMS:
        return f"{match['name']} {_PATH_PROBLEMS[match['problem']]}"
    return re.sub(r"^(.+) is not in the range (\S+?)\.?$", r"\1 ligt niet in het bereik \2", message)


def _hint(exc: click.BadParameter) -> str:
    if exc.param is not None and exc.ctx is not None:
        return exc.param.get_error_hint(exc.ctx)
    hint = exc.param_hint
    return hint if isinstance(hint, str) else " / ".join(hint or ())


def vraag(text: str, choices: Sequence[str] | None = None, default: str = "", show_choices: bool = False) -> str:
    """Ask on the terminal until the answer is one of ``choices`` (any case; none: anything).

    click.prompt with a type says "Error: …" in English on a wrong answer; this says "Fout:".
    """
    options = list(choices or ())
    label = f"{text} ({', '.join(options)})" if show_choices and options else text
    while True:
        answer = str(click.prompt(label, default=default, show_default=bool(default), type=str)).strip()
        if not options or (not answer and not default):
            return answer
        found = next((c for c in options if c.lower() == answer.lower()), None)
        if found is not None:
            return found
        from aanbesteding.support.text import shorten

        click.echo(f"Fout: {shorten(answer)} is geen geldige keuze; kies uit: {', '.join(options)}", err=True)
