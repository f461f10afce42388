"""``aanbesteding classificeer``: which laag fits the system, and why."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from aanbesteding.cli.dutch import Keuze, vraag
from aanbesteding.tender.classification import chapter_texts, questions

F = TypeVar("F", bound=Callable[..., object])


def question_options(func: F) -> F:
    """One option per question: ``--uitval-24u ernstig``."""
    for question in reversed(questions(chapter_texts())):
        flag = "--" + question.key.replace("_", "-")
        func = click.option(
            flag,
            question.key,
            type=Keuze(list(question.answers), case_sensitive=False),
            help=f"{question.text} ({', '.join(question.answers)})",
        )(func)
    return func


@click.command("classificeer")
@question_options
@click.option(
    "--antwoorden",
    type=click.Path(path_type=Path),
    metavar="BESTAND",
    help="YAML-bestand met de antwoorden (sleutels als de opties, met _ in plaats van -); opties gaan voor.",
)
@click.option(
    "--profiel",
    type=click.Path(path_type=Path),
    metavar="BESTAND",
    help="Schrijf de geadviseerde laag en de redenen (laagmotivering) in dit profiel; "
    "de rest van het profiel blijft staan.",
)
@click.option(
    "--vragen/--geen-vragen", default=None, help="Vraag ontbrekende antwoorden; standaard alleen op een terminal."
)
def classificeer(antwoorden: Path | None, profiel: Path | None, vragen: bool | None, **answers: str | None) -> None:
    """Adviseer een laag met BIA-vragen: de redenen die beslisten en de passende hosting.

    Op een terminal stelt de opdracht de vragen die nog niet beantwoord zijn; anders komen
    de antwoorden uit de opties of uit --antwoorden. Het advies is een advies: de inkoper
    beslist en legt de motivering vast (--profiel schrijft haar in het profiel; zij komt in
    de verantwoording).

    Voorbeeld: aanbesteding classificeer --proces primair --persoonsgegevens gevoelig
    --uitval-24u beperkt --uitval-72u aanzienlijk --uitval-week ernstig --wettelijke-taak ja
    --buiten-eu nee --offline nee
    """
    from aanbesteding.library.loader import load_library
    from aanbesteding.tender.classification import CHAPTER, classify, motivation
    from aanbesteding.tender.profile import set_laag, write_profile

    texts = load_library(lint="skip").chapters[CHAPTER].chapter.teksten
    given: dict[str, str] = _answers_file(antwoorden) if antwoorden else {}
    given.update({k: v for k, v in answers.items() if v is not None})
    if sys.stdin.isatty() if vragen is None else vragen:
        for question in questions(texts):
            if question.key in given:
                continue
            click.echo(question.text)
            for answer, explanation in question.answers.items():
                if answer != explanation:
                    click.echo(f"  {answer}: {explanation}")
            given[question.key] = vraag("Antwoord", list(question.answers), show_choices=True)
    result = classify(given, texts)
    click.echo(f"Advies: {result.laag.label}")
    click.echo("Redenen:")
    for reason in result.reasons:
        click.echo(f"  - {reason}")
    click.echo("Passende hosting (plaatsingsmatrix):")
    for option in result.hosting:
        click.echo(f"  - {option}")
    for note in result.notes:
        click.echo(f"Let op: {note}")
    if profiel:
        write_profile(profiel, set_laag(profiel, result.laag.value, motivation(result)), force=True)
        click.echo(f"Laag en motivering geschreven in {profiel}")
    click.echo("Dit is een advies; de inkoper beslist.")


def _answers_file(path: Path) -> dict[str, str]:
    """The answers in YAML file ``path``, keyed by question; a key may be written like the
    option (``uitval-24u``, ``--uitval-24u``). Raises InputError naming the file (and the line)
    for a missing file, bad YAML, an unknown question or an answer that is not a choice."""
    import difflib

    from aanbesteding.errors import InputError
    from aanbesteding.support.yamlsource import YamlLoadError, key_line, load_yaml

    if not path.exists():
        raise InputError(f"antwoordenbestand {path}: het bestand bestaat niet")
    try:
        data = load_yaml(path).data
    except YamlLoadError as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        raise InputError(f"antwoordenbestand {where}: {exc.message}") from exc
    if not isinstance(data, dict):
        raise InputError(f"antwoordenbestand {path}: verwacht per vraag een regel 'vraag: antwoord'")
    from aanbesteding.tender.classification import QUESTION_ANSWERS

    answers: dict[str, str] = {}
    for raw_key, raw in data.items():
        key = str(raw_key).strip().removeprefix("--").replace("-", "_").lower()
        line = key_line(path, str(raw_key))
        where = f"antwoordenbestand {path}{f':{line}' if line else ''}"
        if key not in QUESTION_ANSWERS:
            spellings = [k.replace("_", "-") for k in QUESTION_ANSWERS]
            near = difflib.get_close_matches(str(raw_key).replace("_", "-"), spellings, n=1)
            hint = f" (bedoelt u '{near[0]}'?)" if near else ""
            raise InputError(f"{where}: onbekende vraag '{raw_key}'{hint}; de vragen zijn: {', '.join(spellings)}")
        value = "ja" if raw is True else "nee" if raw is False else str(raw).strip()
        choices = list(QUESTION_ANSWERS[key])
        found = next((c for c in choices if c.lower() == value.lower()), None)
        if found is None:
            raise InputError(f"{where}: '{value}' is geen antwoord op '{raw_key}'; kies uit: {', '.join(choices)}")
        answers[key] = found
    return answers
