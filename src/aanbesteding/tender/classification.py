"""Which laag fits a system: BIA-style questions, a recommended tier, the reasons and hosting.

The rules follow the drielagenmodel (domain: laag 1 for vital public tasks that may not fail,
laag 2 for sensitive processes with personal data, laag 3 for supporting systems) and add the
geopolitical question from the whitepaper: does continuity depend on a party outside Dutch or
EU jurisdiction? The tool recommends; the officer decides and records the reasons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from aanbesteding.domain import Laag
from aanbesteding.errors import InputError

CHAPTER = "classificatie"  # the library chapter with the question texts and hosting advice
YES_NO = ("ja", "nee")
IMPACT = ("beperkt", "aanzienlijk", "ernstig")
# The questions (their keys are options and answers-file keys) and their answers, in order.
# The texts are legal's: chapter ``classificatie`` of the library.
QUESTION_ANSWERS: dict[str, tuple[str, ...]] = {
    "proces": ("vitaal", "primair", "ondersteunend"),
    "persoonsgegevens": ("geen", "gewoon", "gevoelig", "bijzonder"),
    "uitval_24u": IMPACT,
    "uitval_72u": IMPACT,
    "uitval_week": IMPACT,
    "wettelijke_taak": YES_NO,
    "buiten_eu": YES_NO,
    "offline": YES_NO,
}


def chapter_keys() -> tuple[str, ...]:
    """The texts the chapter must hold: every question, every answer explanation, hosting."""
    keys = [f"vraag_{key}" for key in QUESTION_ANSWERS]
    keys += [
        _answer_key(key, answer)
        for key, answers in QUESTION_ANSWERS.items()
        if answers is not YES_NO
        for answer in answers
    ]
    keys += [f"hosting_{laag.key}" for laag in Laag]
    return tuple(dict.fromkeys(keys))


def _answer_key(question: str, answer: str) -> str:
    group = "uitval" if QUESTION_ANSWERS[question] is IMPACT else question
    return f"antwoord_{group}_{answer}"


@dataclass(frozen=True)
class Question:
    """One question: its key (option, answers-file key), the question text and the answers."""

    key: str
    text: str
    answers: dict[str, str]  # answer -> explanation


def questions(texts: Mapping[str, str]) -> tuple[Question, ...]:
    """The questions with their texts from the library chapter (see :func:`chapter_texts`)."""
    return tuple(
        Question(
            key,
            _flat(texts[f"vraag_{key}"]),
            {answer: answer if answers is YES_NO else _flat(texts[_answer_key(key, answer)]) for answer in answers},
        )
        for key, answers in QUESTION_ANSWERS.items()
    )


def hosting(texts: Mapping[str, str], laag: Laag) -> tuple[str, ...]:
    """The hosting options that fit ``laag`` (an enumeration in the chapter)."""
    items: list[str] = []
    for line in texts[f"hosting_{laag.key}"].splitlines():
        stripped = line.strip()
        if stripped.startswith("- "):
            items.append(stripped[2:].strip())
        elif stripped and items:
            items[-1] += " " + stripped
    return tuple(items)


def _flat(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def chapter_texts() -> dict[str, str]:
    """The texts of the standard library's chapter (for ``classificeer`` and its help)."""
    from aanbesteding.library.chapters import read_standard_chapter

    return dict(read_standard_chapter(CHAPTER).teksten)


@dataclass(frozen=True)
class Classification:
    """The recommended tier, the answers that decided it, and the hosting options that fit."""

    laag: Laag
    reasons: tuple[str, ...]
    hosting: tuple[str, ...]
    notes: tuple[str, ...]


def _check(answers: Mapping[str, str], texts: Mapping[str, str]) -> dict[str, str]:
    checked: dict[str, str] = {}
    for question in questions(texts):
        raw = answers.get(question.key)
        if raw is None or not str(raw).strip():
            raise InputError(
                f"classificatie: vraag '{question.key}' is niet beantwoord "
                f"({question.text} Kies uit: {', '.join(question.answers)})"
            )
        value = str(raw).strip().lower()
        if isinstance(raw, bool):
            value = "ja" if raw else "nee"
        if value not in question.answers:
            raise InputError(
                f"classificatie: '{raw}' is geen antwoord op '{question.key}'; kies uit: {', '.join(question.answers)}"
            )
        checked[question.key] = value
    unknown = sorted(set(answers) - set(QUESTION_ANSWERS))
    if unknown:
        raise InputError(
            f"classificatie: onbekende vraag {', '.join(unknown)}; de vragen zijn: {', '.join(QUESTION_ANSWERS)}"
        )
    return checked


def classify(answers: Mapping[str, str], texts: Mapping[str, str] | None = None) -> Classification:
    """Recommend a tier from the answers; raise InputError for a missing or unknown answer.

    ``texts`` are the texts of the library chapter ``classificatie`` (None: the standard
    library's)."""
    texts = chapter_texts() if texts is None else texts
    a = _check(answers, texts)
    tier1, tier2, notes = [], [], []
    if a["proces"] == "vitaal":
        tier1.append("het systeem ondersteunt een vitale publieke taak")
    if a["uitval_24u"] == "ernstig":
        tier1.append("uitval van 24 uur heeft ernstige gevolgen")
    if a["offline"] == "ja":
        tier1.append("het proces moet blijven werken zonder externe verbindingen")
    if a["buiten_eu"] == "ja" and a["uitval_72u"] == "ernstig":
        tier1.append(
            "de continuïteit hangt af van een partij buiten Nederlandse of "
            "EU-rechtsmacht en uitval van 72 uur heeft ernstige gevolgen"
        )
    if a["proces"] == "primair":
        tier2.append("het systeem ondersteunt een primair proces met burgers of bedrijven")
    if a["persoonsgegevens"] in ("gevoelig", "bijzonder"):
        kind = "bijzondere" if a["persoonsgegevens"] == "bijzonder" else "gevoelige"
        tier2.append(f"het systeem verwerkt {kind} persoonsgegevens")
    for key, span in (("uitval_24u", "24 uur"), ("uitval_72u", "72 uur"), ("uitval_week", "een week")):
        if a[key] == "ernstig" and key != "uitval_24u":
            tier2.append(f"uitval van {span} heeft ernstige gevolgen")
        if a[key] == "aanzienlijk" and key in ("uitval_24u", "uitval_72u"):
            tier2.append(f"uitval van {span} heeft aanzienlijke gevolgen")
    if a["wettelijke_taak"] == "ja":
        tier2.append("het proces voert een wettelijke taak uit met wettelijke termijnen")
    if a["buiten_eu"] == "ja" and not tier1:
        tier2.append("de continuïteit hangt af van een partij buiten Nederlandse of EU-rechtsmacht")
    if a["buiten_eu"] == "ja":
        notes.append(
            "Leg vast hoe het proces doorgaat als die partij wegvalt; de exit- en "
            "continuïteitseisen in de bijlage vragen daarom."
        )
    if a["persoonsgegevens"] == "gewoon" and not (tier1 or tier2):
        notes.append("Het systeem verwerkt gewone persoonsgegevens: de AVG blijft van toepassing, ook in laag 3.")
    if tier1:
        laag, reasons = Laag.KRITIEK, tier1
    elif tier2:
        laag, reasons = Laag.GEVOELIG, tier2
    else:
        laag = Laag.ONDERSTEUNEND
        reasons = [
            "het systeem ondersteunt de bedrijfsvoering, verwerkt geen gevoelige "
            "persoonsgegevens en uitval is binnen 72 uur beperkt tot hinder"
        ]
    return Classification(laag, tuple(reasons), hosting(texts, laag), tuple(notes))


def motivation(result: Classification) -> list[str]:
    """The reasons as they go into a profile (``laagmotivering``) and the verantwoording."""
    return [f"{result.laag.label} (advies van aanbesteding classificeer): {'; '.join(result.reasons)}."]


def __getattr__(name: str) -> tuple[Question, ...]:
    """``QUESTIONS``: the questions with the standard library's texts, read when first used
    (the portfolio register's columns use them; ``classificeer`` takes the loaded library's)."""
    if name == "QUESTIONS":
        return questions(chapter_texts())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
