"""Legal-owned chapter texts: ``hoofdstukken/<id>.yaml`` in a clause library.

The fixed prose of the documents (the bijlage's introduction, the tier descriptions, the
classification advice, ...) is legal text like a clause: it has a version, a status, an owner
and a reviewer, it is layered by organisation libraries (the same id replaces the chapter as a
whole), shown by ``bibliotheek review``, compared by ``verschil`` and reported by ``gebruik``.

A chapter holds named texts (``teksten``). Each text is a sandboxed Jinja template in the
clause text markup (paragraphs separated by a blank line, bullets with ``- ``) and may use the
names of :data:`CHAPTER_NAMES`. :data:`REQUIRED_CHAPTERS` is the contract with the writers:
which chapters and texts a library must hold so that every document can be written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, StringConstraints

from aanbesteding.domain import Status
from aanbesteding.library.model import ClauseId, NonEmpty, SemVer, Strict

CHAPTERS_DIR = "hoofdstukken"
TextKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Loc = tuple[str | int, ...]

# The names a chapter text may use, and what they stand for (for review and lint messages).
CHAPTER_NAMES: dict[str, str] = {
    "organisatie": "naam van de Aanbestedende Dienst",
    "opdracht": "titel van de opdracht",
    "systeem": "naam van het systeem (leeg als niet opgegeven)",
    "laag": "nummer van de laag (1, 2 of 3)",
    "laag_label": "de laag voluit, bijvoorbeeld 'laag 2 – gevoelig'",
    "contracttype": "contracttype (sleutel, bijvoorbeeld saas)",
    "contracttype_label": "contracttype voluit",
    "aantal_eisen": "aantal eisen in de bijlage",
    "aantal_wensen": "aantal wensen in de bijlage",
    "aantal_bepalingen": "aantal contractbepalingen in de bijlage",
    "aandeel_kwaliteit": "aandeel kwaliteit in %",
    "aandeel_soevereiniteit": "aandeel soevereiniteit in %",
    "aandeel_prijs": "aandeel prijs in %",
    # The award model (chapter gunning; hoofdstuk 1 uses gunningsdeel).
    "gunningsdeel": "of de bijlage een eigen gunningscriterium heeft (waar of onwaar)",
    "leidraad": "vindplaats van de gunningscriteria in de aanbestedingsleidraad",
    "subcriterium": "naam van het subcriterium dat de bijlage uitwerkt",
    "aandeel_subcriterium": "aandeel van het subcriterium in de totaalscore in % (leeg als niet opgegeven)",
    "reden_geen_gunningsdeel": "waarom de bijlage geen eigen gunningscriterium heeft",
    "punten_wensen_bibliotheek": "som van de wegingen van de wensen van de bibliotheek voor laag en contracttype",
    "minimum_punten_wensen": "zoveel punten moeten de wensen samen wegen voor een eigen gunningscriterium",
    "aandeel_wensen": "aandeel van de wensenscore in het subcriterium in %",
    "aandeel_soevereiniteitsscore": "aandeel van de Soevereiniteitsscore in het subcriterium in %",
    "hoogste_score": "hoogste score van de scoreschaal van de wensen",
    "punten_wensen": "som van de wegingen van de wensen",
    "punten_duurzaamheid": "som van de wegingen van de wensen over duurzaamheid (0 als er geen zijn)",
    "wensen_duurzaamheid": "nummers van de wensen over duurzaamheid, bijvoorbeeld 'W-02 en W-03'",
    "wegingsprofiel": "naam van het wegingsprofiel van het EU CSF",
    "formule_totaal": "het gunningsmodel van de leidraad als formule",
    "pmin": "Pmin als bedrag",
    "pmax": "Pmax als bedrag",
    "prijsdefinitie": "wat de prijs P is",
    "afronding_decimalen": "aantal decimalen waarop scores in procenten worden afgerond",
    "afronding_over": "waarop de rangorde volgt (totaalscore of de score op het subcriterium)",
    "beslisregel": "de beslisregel bij gelijke score",
    # The inschrijversformulier (chapter formulier).
    "prijs_decimalen": "hoogste aantal decimalen van de inschrijfprijs in het inschrijversformulier",
    "nummers_rechtvaardiging": "nummers van de eisen waarvan de rechtvaardiging nog open is",
}

# Chapter id -> the texts the writers need from it. A library (with its layers) must hold them.
REQUIRED_CHAPTERS: dict[str, tuple[str, ...]] = {
    "inleiding": (
        "titel",
        "doel_kop",
        "doel",
        "omvang",
        "indeling_kop",
        "indeling",
        "proportionaliteit",
        "contracttype_kop",
        "contracttype",
        "soorten_kop",
        "soorten",
        "aantonen_kop",
        "aantonen",
        "voorwaarden_kop",
        "voorwaarden",
    ),
    "lagen": ("kritiek", "gevoelig", "ondersteunend"),
    "gunning": (
        "plaats_kop",
        "plaats_schakel",
        "plaats_voorrang",
        "sov_gewichten",
        "plaats_concept",
        "plaats_geen_deel",
        "uitsluiting_kop",
        "uitsluiting_intro",
        "uitsluiting_eis",
        "uitsluiting_bepaling",
        "uitsluiting_seal",
        "uitsluiting_gevolg",
        "opbouw_kop",
        "opbouw_formule",
        "opbouw_alleen_wensen",
        "opbouw_alleen_sov",
        "wensen_kop",
        "wensen_methode",
        "sov_kop",
        "sov_methode",
        "sov_vaststelling",
        "sov_formule",
        "geleverd_intro",
        "geleverd_geen",
        "verschil_intro",
        "verschil_slot",
        "totaal_kop",
        "totaal_model",
        "totaal_geen_model",
        "prijs_gewogen",
        "prijs_open",
        "prijs_waarde",
        "afronding",
        "beslisregel",
        "beslisregel_open",
        "v_gunning_kop",
        "v_veiligheid_kop",
        "v_veiligheid_tekst",
        "v_markt_kop",
        "v_markt_tekst",
        "v_herkomst_kop",
        "g_totaal_geen_model",
        "g_criteria",
        "g_gelijk_voor",
        "g_gelijk_na",
        "reden_te_weinig_wensen",
    ),
    "formulier": (
        "uitleg",
        "stap_inschrijver",
        "stap_eisen",
        "stap_bepalingen",
        "stap_wensen",
        "stap_seal",
        "stap_prijs",
        "legenda_geel",
        "legenda_oranje",
        "legenda_overig",
        "ondertekening",
    ),
    "matrix": (
        "wat_is_dit",
        "stap_eisen",
        "stap_wensen",
        "stap_soevereiniteit",
        "stap_criteria",
        "stap_prijs",
        "stap_resultaat",
        "methode_soevereiniteitsscore",
        "prijs_gewogen_factor",
        "prijs_gunnen_op_waarde",
        "formules",
        "grafiek_totaal",
        "grafiek_subcriterium",
        "grafiek_profiel",
    ),
    "dossier": ("zwaarte_intro", "inlees_doel", "inlees_slot", "minima_herkomst"),
    "bijlage": ("overzicht_titel", "overzicht", "begrippen_titel", "begrippen", "seal_minimum", "seal_bewijs"),
    # aanbesteding.tender.classification.chapter_keys(): the questions, answers and hosting.
    "classificatie": (
        "vraag_proces",
        "vraag_persoonsgegevens",
        "vraag_uitval_24u",
        "vraag_uitval_72u",
        "vraag_uitval_week",
        "vraag_wettelijke_taak",
        "vraag_buiten_eu",
        "vraag_offline",
        "antwoord_proces_vitaal",
        "antwoord_proces_primair",
        "antwoord_proces_ondersteunend",
        "antwoord_persoonsgegevens_geen",
        "antwoord_persoonsgegevens_gewoon",
        "antwoord_persoonsgegevens_gevoelig",
        "antwoord_persoonsgegevens_bijzonder",
        "antwoord_uitval_beperkt",
        "antwoord_uitval_aanzienlijk",
        "antwoord_uitval_ernstig",
        "hosting_kritiek",
        "hosting_gevoelig",
        "hosting_ondersteunend",
    ),
}


class Chapter(Strict):
    """One chapter file, as written in ``hoofdstukken/<id>.yaml``."""

    id: ClauseId = Field(description="Stabiele sleutel; gelijk aan de bestandsnaam")
    titel: NonEmpty = Field(description="Waar de teksten staan, voor de jurist")
    versie: SemVer = Field(description="Semantische versie, bijvoorbeeld 1.0.0")
    status: Status
    eigenaar: NonEmpty = Field(description="Afdeling of functie die de teksten beheert")
    beoordeeld_door: str | None = Field(None, description="Jurist die de teksten beoordeelde")
    beoordeeld_op: dt.date | None = Field(None, description="Datum van de laatste beoordeling")
    bronnen: list[NonEmpty] = Field(default_factory=list)
    teksten: dict[TextKey, NonEmpty] = Field(
        min_length=1, description="Benoemde teksten (Jinja-sjabloon, opmaak als clausuletekst)"
    )


@dataclass(frozen=True)
class LoadedChapter:
    """A validated chapter with where it came from."""

    chapter: Chapter
    path: str  # relative to its source, e.g. hoofdstukken/inleiding.yaml
    origin: str  # label of the source (layer) it came from
    digest: str  # SHA-256 of the file's bytes

    @property
    def id(self) -> str:
        return self.chapter.id


def is_chapter_file(rel: str) -> bool:
    parts = rel.split("/")
    return (
        len(parts) == 2
        and parts[0] == CHAPTERS_DIR
        and rel.endswith((".yaml", ".yml"))
        and not parts[1].startswith(".")
    )


def layer_problems(new: Chapter, base: Chapter | None) -> Iterator[tuple[Loc, str]]:
    """A chapter that replaces one from a lower layer must keep every text of it."""
    if base is None:
        return
    missing = [key for key in base.teksten if key not in new.teksten]
    if missing:
        yield (
            ("teksten",),
            (
                f"mist {', '.join(missing)}: een hoofdstuk in een bovenliggende "
                "bibliotheek vervangt het hele hoofdstuk en moet elke tekst bevatten"
            ),
        )


def missing_chapters(chapters: Mapping[str, LoadedChapter]) -> Iterator[tuple[str, Loc, str]]:
    """(relative path, field, message) for every required chapter or text that is missing."""
    for chapter_id, keys in REQUIRED_CHAPTERS.items():
        rel = f"{CHAPTERS_DIR}/{chapter_id}.yaml"
        loaded = chapters.get(chapter_id)
        if loaded is None:
            yield (
                rel,
                (),
                ("dit hoofdstuk ontbreekt; de documenten hebben het nodig (kopieer het uit de standaardbibliotheek)"),
            )
            continue
        absent = [key for key in keys if key not in loaded.chapter.teksten]
        if absent:
            yield loaded.path, ("teksten",), f"de tekst(en) {', '.join(absent)} ontbreken"


def lint_chapter(chapter: Chapter) -> Iterator[tuple[Loc, str]]:
    """Template problems of a chapter: syntax, forbidden constructs, unknown names."""
    from aanbesteding.errors import TemplateError
    from aanbesteding.render import unsafe_access, used_names

    for key, text in chapter.teksten.items():
        loc: Loc = ("teksten", key)
        try:
            unknown = sorted(used_names(text) - set(CHAPTER_NAMES))
            forbidden = unsafe_access(text)
        except TemplateError as exc:
            yield loc, str(exc)
            continue
        if forbidden:
            yield loc, f"niet-toegestane sjabloonconstructies: {', '.join(forbidden)}"
        if unknown:
            yield loc, (f"onbekende naam {', '.join(unknown)}; toegestaan zijn {', '.join(CHAPTER_NAMES)}")


def read_standard_chapter(chapter_id: str) -> Chapter:
    """One chapter of the standard library, read without loading the library (for texts a
    command needs before it loads one, such as its help)."""
    from aanbesteding.support.resources import standard_library_path
    from aanbesteding.support.yamlsource import load_yaml

    path = standard_library_path() / CHAPTERS_DIR / f"{chapter_id}.yaml"
    return Chapter.model_validate(load_yaml(path).data)


def render_chapter(loaded: LoadedChapter, context: Mapping[str, object]) -> dict[str, str]:
    """Every text of the chapter rendered in the sandbox with ``context``."""
    from aanbesteding.render import render

    return {
        key: render(text, context, where=f"{loaded.path}, teksten.{key}")
        for key, text in loaded.chapter.teksten.items()
    }
