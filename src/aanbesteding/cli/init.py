"""``aanbesteding init``: write a commented profile to start from."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("init")
@click.argument("pad", required=False, type=click.Path(path_type=Path), metavar="[PAD]")
@click.option(
    "--vragen/--geen-vragen",
    default=None,
    help="Stel de hoofdvragen (laag, contracttype, organisatie, opdracht, kenmerk, "
    "systeem); standaard alleen op een terminal.",
)
@click.option("--force", is_flag=True, help="Overschrijf een bestaand profiel (zonder --force vult init het aan).")
def init(pad: Path | None, vragen: bool | None, force: bool) -> None:
    """Schrijf een profiel (standaard profiel.yaml) met uitleg bij elke sleutel.

    Elke sleutel staat erin met betekenis, toegestane waarden en standaard, uit dezelfde
    definities als de opties van 'genereer'. Op een terminal vraagt init de hoofdgegevens;
    anders schrijft het de standaarden. Bestaat PAD al (bijv. geschreven door 'classificeer
    --profiel'), dan komen alleen de ontbrekende sleutels erbij. Daarna: aanbesteding
    genereer PAD.
    """
    from aanbesteding.cli.dutch import vraag
    from aanbesteding.tender.completion import completed_profile, present_fields
    from aanbesteding.tender.inputs import option_specs
    from aanbesteding.tender.profile import (
        MAIN_QUESTIONS,
        REQUIRED_DEFAULTS,
        check_template,
        profile_template,
        write_profile,
    )

    path = pad or Path("profiel.yaml")
    completing = path.is_file() and not force
    present = present_fields(path) if completing else set()
    ask = sys.stdin.isatty() if vragen is None else vragen
    values: dict[str, object] = {}
    if ask:
        specs = {s.field: s for s in option_specs()}
        for name in (q for q in MAIN_QUESTIONS if q not in present):
            spec = specs[name]
            default = str(REQUIRED_DEFAULTS.get(name, ""))
            answer = vraag(f"{name} – {spec.help}", spec.choices, default)
            if answer:
                values[name] = answer
    if completing:
        text, added = completed_profile(path, values)
        check_template(text, path)
        if added:
            write_profile(path, text, force=True)
            click.echo(
                f"Profiel aangevuld: {path} ({len(added)} sleutels met uitleg erbij: "
                f"{', '.join(added)}); wat er al stond, is niet gewijzigd."
            )
        else:
            click.echo(f"{path} heeft al elke sleutel; er is niets gewijzigd (--force schrijft een nieuw profiel).")
        click.echo(f"Maak de documenten met: aanbesteding genereer {path}")
        return
    text = profile_template(values)
    check_template(text, path)
    write_profile(path, text, force)
    click.echo(f"Profiel geschreven: {path}")
    click.echo(f"Vul het aan en maak de documenten met: aanbesteding genereer {path}")
