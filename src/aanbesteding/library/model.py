"""Pydantic models: the clause file format, themes, definitions.

These models *are* the clause file format: ``clauses/schema.json`` is generated from
:class:`Clause`, and unknown fields are rejected so a typo never goes unnoticed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from aanbesteding.domain import ContractType, Laag, Risico, Soort, Sov, Status

TierKey = Literal["kritiek", "gevoelig", "ondersteunend"]
ClauseId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
SemVer = Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$")]  # ASCII digits only
ParamName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Parameter(Strict):
    """A value in a clause text that the procurement officer may change."""

    type: Literal["geheel-getal", "decimaal", "tekst"] = Field(description="geheel-getal, decimaal of tekst")
    standaard: int | float | str = Field(description="Standaardwaarde")
    minimum: float | None = Field(None, description="Ondergrens (getallen)")
    maximum: float | None = Field(None, description="Bovengrens (getallen)")
    eenheid: str | None = Field(None, description="Bijvoorbeeld dagen, maanden, uur, procent")
    omschrijving: NonEmpty = Field(description="Wat de parameter betekent, voor de inkoper")


class TierKinds(Strict):
    """Kind of the clause per tier; a tier that is absent means: not applicable."""

    kritiek: Soort | None = None
    gevoelig: Soort | None = None
    ondersteunend: Soort | None = None

    def for_tier(self, laag: Laag) -> Soort | None:
        value: Soort | None = getattr(self, laag.key)
        return value


class Variant(Strict):
    """Wording that differs for one tier; fields left out fall back to the clause's own."""

    tekst: NonEmpty | None = None
    toelichting: NonEmpty | None = None
    verantwoording: NonEmpty | None = None
    wijze_van_aantonen: NonEmpty | None = None
    weging: Annotated[int, Field(ge=1, le=100)] | None = None


class Variants(Strict):
    kritiek: Variant | None = None
    gevoelig: Variant | None = None
    ondersteunend: Variant | None = None

    def for_tier(self, laag: Laag) -> Variant | None:
        value: Variant | None = getattr(self, laag.key)
        return value


class Clause(Strict):
    """One clause of the library, as written in ``clauses/<thema>/<id>.yaml``."""

    id: ClauseId = Field(description="Stabiele, leesbare sleutel; gelijk aan de bestandsnaam")
    titel: NonEmpty
    versie: SemVer = Field(description="Semantische versie, bijvoorbeeld 1.0.0")
    status: Status
    eigenaar: NonEmpty = Field(description="Afdeling of functie die de clausule beheert")
    beoordeeld_door: str | None = Field(None, description="Jurist die de clausule beoordeelde")
    beoordeeld_op: dt.date | None = Field(None, description="Datum van de laatste beoordeling")
    volgorde: int = Field(100, description="Plaats binnen het thema (oplopend)")
    bronnen: list[NonEmpty] = Field(min_length=1, description="Bijv. 'Data Act art. 25 lid 2'")
    sov: list[Sov] = Field(min_length=1, description="Doelstellingen EU Cloud Sovereignty Framework")
    risicos: list[Risico] = Field(min_length=1, description="Risico's R1..R11")
    lagen: TierKinds = Field(description="Soort per laag: eis, wens of bepaling")
    contracttypen: list[ContractType] = Field(min_length=1)
    vergrendeld: list[TierKey] = Field(
        default_factory=list,
        description=(
            "Lagen waarin de clausule niet met --uitsluiten mag worden weggelaten "
            "(de juridische afdeling beslist), bijv. [kritiek]"
        ),
    )
    begrippen: list[NonEmpty] = Field(default_factory=list, description="Gedefinieerde begrippen die de tekst gebruikt")
    parameters: dict[ParamName, Parameter] = Field(default_factory=dict)
    tekst: NonEmpty = Field(description="Clausuletekst (Jinja-sjabloon)")
    toelichting: NonEmpty = Field(description="Waarom de clausule er is; staat in de bijlage, dus voor inschrijvers")
    verantwoording: NonEmpty | None = Field(
        None,
        description=(
            "Waarom de clausule per laag of contracttype verschilt; alleen in de verantwoording, niet voor inschrijvers"
        ),
    )
    wijze_van_aantonen: NonEmpty
    weging: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None, description="Standaardweging (maximaal aantal punten) als de clausule een wens is"
    )
    scoringsleidraad: dict[int, NonEmpty] | None = Field(
        None, description="Wat elke score op de schaal 0-10 rechtvaardigt (voor wensen)"
    )
    varianten: Variants = Field(default_factory=Variants)
    beoordeling: Literal["clausule", "soevereiniteitstabel"] = Field(
        "clausule",
        description=(
            "Waar de beoordelingsmatrix de clausule beoordeelt: per clausule (tabbladen "
            "Eisen en Wensen) of in de tabel Soevereiniteit (SEAL en score per "
            "doelstelling; een wens weegt dan mee via het aandeel soevereiniteit)"
        ),
    )


class Theme(Strict):
    """A chapter of the annex; clauses live in a folder named after the theme id."""

    id: ClauseId
    titel: NonEmpty
    volgorde: int
    inleiding: NonEmpty


class ThemeFile(Strict):
    themas: list[Theme] = Field(min_length=1)


class Definition(Strict):
    begrip: NonEmpty
    definitie: NonEmpty


class DefinitionFile(Strict):
    begrippen: list[Definition] = Field(min_length=1)


class Wording(BaseModel):
    """The texts and weight of a clause as they apply to one tier (variant merged in)."""

    model_config = ConfigDict(frozen=True)

    tekst: str
    toelichting: str
    verantwoording: str | None
    wijze_van_aantonen: str
    weging: int | None


def wording_for(clause: Clause, laag: Laag) -> Wording:
    """Merge the tier's variant over the clause's own texts. The verantwoording goes with the
    toelichting: a variant with its own toelichting has its own verantwoording (or none)."""
    variant = clause.varianten.for_tier(laag) or Variant()
    own = variant.toelichting is not None or variant.verantwoording is not None
    return Wording(
        tekst=variant.tekst or clause.tekst,
        toelichting=variant.toelichting or clause.toelichting,
        verantwoording=variant.verantwoording if own else clause.verantwoording,
        wijze_van_aantonen=variant.wijze_van_aantonen or clause.wijze_van_aantonen,
        weging=variant.weging or clause.weging,
    )
