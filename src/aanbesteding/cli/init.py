"""``aanbesteding init``: write a commented profile to start from."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("init")
@click.argument("pad", required=False, type=click.Path(path_type=Path), metavar="[PAD]")
@click.option("--vragen/--geen-vragen", default=None,
              help="Stel de hoofdvragen (laag, contracttype, organisatie, opdracht, kenmerk, "
                   "systeem); standaard alleen op een terminal.")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand profiel.")
def init(pad: Path | None, vragen: bool | None, force: bool) -> None:
    """Schrijf een profiel (standaard profiel.yaml) met uitleg bij elke sleutel.

    Elke sleutel staat erin met betekenis, toegestane waarden en standaard, uit dezelfde
    definities als de opties van 'genereer'. Op een terminal vraagt init de hoofdgegevens;
    anders schrijft het de standaarden. Daarna: aanbesteding genereer PAD.
    """
    from aanbesteding.cli.dutch import Keuze
    from aanbesteding.tender.inputs import option_specs
    from aanbesteding.tender.profile import (
        MAIN_QUESTIONS,
        REQUIRED_DEFAULTS,
        check_template,
        profile_template,
        write_profile,
    )

    path = pad or Path("profiel.yaml")
    if path.exists() and not force:
        from aanbesteding.errors import OutputError

        raise OutputError(f"{path} bestaat al; gebruik --force om het te overschrijven")
    ask = sys.stdin.isatty() if vragen is None else vragen
    values: dict[str, object] = {}
    if ask:
        specs = {s.field: s for s in option_specs()}
        for name in MAIN_QUESTIONS:
            spec = specs[name]
            kind = Keuze(list(spec.choices), case_sensitive=False) if spec.choices else None
            default = str(REQUIRED_DEFAULTS.get(name, ""))
            answer = click.prompt(f"{name} – {spec.help}", default=default, type=kind,
                                  show_default=bool(default), show_choices=False)
            if str(answer).strip():
                values[name] = str(answer).strip()
    text = profile_template(values)
    check_template(text, path)
    write_profile(path, text, force)
    click.echo(f"Profiel geschreven: {path}")
    click.echo(f"Vul het aan en maak de documenten met: aanbesteding genereer {path}")
