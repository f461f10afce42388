"""Which laag fits a system: BIA-style questions, a recommended tier, the reasons and hosting.

The rules follow the drielagenmodel (domain: laag 1 for vital public tasks that may not fail,
laag 2 for sensitive processes with personal data, laag 3 for supporting systems) and add the
geopolitical question from the whitepaper: does continuity depend on a party outside Dutch or
EU jurisdiction? The tool recommends; the officer decides and records the reasons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from aanbesteding.domain import Laag
from aanbesteding.errors import InputError

Impact = Literal["beperkt", "aanzienlijk", "ernstig"]


@dataclass(frozen=True)
class Question:
    """One question: its key (option, answers-file key), the question text and the answers."""

    key: str
    text: str
    answers: dict[str, str]  # answer -> explanation


YES_NO = {"ja": "ja", "nee": "nee"}
IMPACT = {"beperkt": "hinderlijk, op te vangen met een noodprocedure",
          "aanzienlijk": "merkbare schade voor burgers, bedrijven of de organisatie; klachten, "
                         "achterstanden",
          "ernstig": "burgers of bedrijven ernstig geraakt, wettelijke termijnen verstreken, "
                     "veiligheid of grote financiële schade in het geding"}

QUESTIONS: tuple[Question, ...] = (
    Question("proces", "Wat voor proces ondersteunt het systeem?", {
        "vitaal": "vitale publieke taak: identiteit en toegang (zoals DigiD), basisregistraties "
                  "(BRP, BAG, BRK), belastingheffing, uitbetaling van uitkeringen, crisisbeheersing",
        "primair": "primair proces met burgers of bedrijven: zaken, vergunningen, dossiers, "
                   "betalingen, HR",
        "ondersteunend": "bedrijfsvoering: intranet, rapportage, facilitair beheer, planning",
    }),
    Question("persoonsgegevens", "Welke persoonsgegevens verwerkt het systeem?", {
        "geen": "geen persoonsgegevens",
        "gewoon": "gewone persoonsgegevens, zoals namen en contactgegevens van medewerkers",
        "gevoelig": "gevoelige persoonsgegevens van burgers: BSN, financiële of "
                    "vergunninggegevens, dossiers",
        "bijzonder": "bijzondere of strafrechtelijke persoonsgegevens (art. 9 en 10 AVG): "
                     "gezondheid, etniciteit, justitiële gegevens",
    }),
    Question("uitval_24u", "Wat is de impact als het systeem 24 uur uitvalt?", IMPACT),
    Question("uitval_72u", "Wat is de impact als het systeem 72 uur uitvalt?", IMPACT),
    Question("uitval_week", "Wat is de impact als het systeem een week uitvalt?", IMPACT),
    Question("wettelijke_taak", "Voert het proces een wettelijke taak uit met wettelijke "
                                "termijnen?", YES_NO),
    Question("buiten_eu", "Hangt de continuïteit af van een partij buiten Nederlandse of "
                          "EU-rechtsmacht (die door een politiek besluit kan wegvallen)?", YES_NO),
    Question("offline", "Moet het proces blijven werken zonder externe verbindingen (offline)?",
             YES_NO),
)

HOSTING: dict[Laag, tuple[str, ...]] = {
    Laag.KRITIEK: (
        "soevereine overheidscloud (eigendom, beheer en rechtsmacht bij de overheid)",
        "on-premises: eigen beheer in een privaat datacenter binnen de EER",
        "HGI-omgeving (hoog gegarandeerde infrastructuur)",
    ),
    Laag.GEVOELIG: (
        "de opties van laag 1 (soevereine overheidscloud, privaat datacenter, HGI)",
        "soevereine marktcloud binnen de EER (mag, maar eisen aan vestiging of eigendom van de "
        "aanbieder stelt de bijlage in deze laag niet)",
        "publieke cloud met opslag en verwerking binnen de EER, alleen met klantbeheerde "
        "sleutels buiten het bereik van de aanbieder (hosten, niet kunnen inzien) en uitvoerbare "
        "exitafspraken",
    ),
    Laag.ONDERSTEUNEND: (
        "de opties van laag 1 en 2",
        "publieke marktcloud, mits AVG-conform en met opslag en verwerking binnen de EER; de "
        "Aanbestedende Dienst legt haar risicoafweging vast in het dossier",
    ),
}


@dataclass(frozen=True)
class Classification:
    """The recommended tier, the answers that decided it, and the hosting options that fit."""

    laag: Laag
    reasons: tuple[str, ...]
    hosting: tuple[str, ...]
    notes: tuple[str, ...]


def _check(answers: Mapping[str, str]) -> dict[str, str]:
    checked: dict[str, str] = {}
    for question in QUESTIONS:
        raw = answers.get(question.key)
        if raw is None or not str(raw).strip():
            raise InputError(f"classificatie: vraag '{question.key}' is niet beantwoord "
                             f"({question.text} Kies uit: {', '.join(question.answers)})")
        value = str(raw).strip().lower()
        if isinstance(raw, bool):
            value = "ja" if raw else "nee"
        if value not in question.answers:
            raise InputError(f"classificatie: '{raw}' is geen antwoord op '{question.key}'; "
                             f"kies uit: {', '.join(question.answers)}")
        checked[question.key] = value
    unknown = sorted(set(answers) - {q.key for q in QUESTIONS})
    if unknown:
        raise InputError(f"classificatie: onbekende vraag {', '.join(unknown)}; de vragen zijn: "
                         f"{', '.join(q.key for q in QUESTIONS)}")
    return checked


def classify(answers: Mapping[str, str]) -> Classification:
    """Recommend a tier from the answers; raise InputError for a missing or unknown answer."""
    a = _check(answers)
    tier1, tier2, notes = [], [], []
    if a["proces"] == "vitaal":
        tier1.append("het systeem ondersteunt een vitale publieke taak")
    if a["uitval_24u"] == "ernstig":
        tier1.append("uitval van 24 uur heeft ernstige gevolgen")
    if a["offline"] == "ja":
        tier1.append("het proces moet blijven werken zonder externe verbindingen")
    if a["buiten_eu"] == "ja" and a["uitval_72u"] == "ernstig":
        tier1.append("de continuïteit hangt af van een partij buiten Nederlandse of "
                     "EU-rechtsmacht en uitval van 72 uur heeft ernstige gevolgen")
    if a["proces"] == "primair":
        tier2.append("het systeem ondersteunt een primair proces met burgers of bedrijven")
    if a["persoonsgegevens"] in ("gevoelig", "bijzonder"):
        kind = "bijzondere" if a["persoonsgegevens"] == "bijzonder" else "gevoelige"
        tier2.append(f"het systeem verwerkt {kind} persoonsgegevens")
    for key, span in (("uitval_24u", "24 uur"), ("uitval_72u", "72 uur"),
                      ("uitval_week", "een week")):
        if a[key] == "ernstig" and key != "uitval_24u":
            tier2.append(f"uitval van {span} heeft ernstige gevolgen")
        if a[key] == "aanzienlijk" and key in ("uitval_24u", "uitval_72u"):
            tier2.append(f"uitval van {span} heeft aanzienlijke gevolgen")
    if a["wettelijke_taak"] == "ja":
        tier2.append("het proces voert een wettelijke taak uit met wettelijke termijnen")
    if a["buiten_eu"] == "ja" and not tier1:
        tier2.append("de continuïteit hangt af van een partij buiten Nederlandse of "
                     "EU-rechtsmacht")
    if a["buiten_eu"] == "ja":
        notes.append("Leg vast hoe het proces doorgaat als die partij wegvalt; de exit- en "
                     "continuïteitseisen in de bijlage vragen daarom.")
    if a["persoonsgegevens"] == "gewoon" and not (tier1 or tier2):
        notes.append("Het systeem verwerkt gewone persoonsgegevens: de AVG blijft van "
                     "toepassing, ook in laag 3.")
    if tier1:
        laag, reasons = Laag.KRITIEK, tier1
    elif tier2:
        laag, reasons = Laag.GEVOELIG, tier2
    else:
        laag = Laag.ONDERSTEUNEND
        reasons = ["het systeem ondersteunt de bedrijfsvoering, verwerkt geen gevoelige "
                   "persoonsgegevens en uitval is binnen 72 uur beperkt tot hinder"]
    return Classification(laag, tuple(reasons), HOSTING[laag], tuple(notes))


def motivation(result: Classification) -> list[str]:
    """The reasons as they go into a profile (``laagmotivering``) and the verantwoording."""
    return [f"{result.laag.label} (advies van aanbesteding classificeer): "
            f"{'; '.join(result.reasons)}."]
