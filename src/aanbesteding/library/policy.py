"""Library-wide policy that legal sets in ``beleid.yaml``: the award shares per tier (with the
maximum share for sovereignty), the evidence that establishes each SEAL level, the minimum
SEAL per tier and objective, and the EU CSF weight profiles; with a version and a status.

A layer on top may replace the shares of a tier, the evidence of an objective, the minima of
a tier or a weight profile. Without shares the default below applies; the SEAL minima of
every tier and every weight profile a tender can choose must be in the library
(:func:`missing_policy`), because they are legal's decisions, not the program's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from aanbesteding.domain import SOVS, WEIGHT_PROFILE_KEYS, Laag, Sov, Status, WeightProfileKey

POLICY_FILE = "beleid.yaml"
Percent = Annotated[int, Field(ge=0, le=100)]
NonEmpty = Annotated[str, Field(min_length=1)]


class TierShares(BaseModel):
    """Default shares of one tier, in whole percentages, and the maximum for sovereignty."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kwaliteit: Percent = Field(description="Standaardaandeel kwaliteit (procent)")
    soevereiniteit: Percent = Field(description="Standaardaandeel soevereiniteit (procent)")
    prijs: Percent = Field(description="Standaardaandeel prijs (procent)")
    maximum_soevereiniteit: Percent = Field(
        description="Hoogste aandeel soevereiniteit dat een aanbesteding in deze laag mag kiezen"
    )

    @model_validator(mode="after")
    def _consistent(self) -> TierShares:
        if self.kwaliteit + self.soevereiniteit + self.prijs != 100:
            raise ValueError("kwaliteit, soevereiniteit en prijs moeten samen 100 zijn")
        if self.soevereiniteit > self.maximum_soevereiniteit:
            raise ValueError("het standaardaandeel soevereiniteit ligt boven het maximum")
        return self


class TierSharesByTier(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kritiek: TierShares | None = None
    gevoelig: TierShares | None = None
    ondersteunend: TierShares | None = None


SealEvidence = dict[Annotated[int, Field(ge=1, le=4)], NonEmpty]
Months = Annotated[int, Field(ge=0, le=60)]


class LeadTimes(BaseModel):
    """Months before the last day to act (notice day, option date or end) that an action
    for a contract in one tier is decided."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verlengingstoets: Months = Field(description="Maanden vóór de opzegdag: beslissen over verlengen")
    aanbesteden: Months = Field(description="Maanden vóór de opzegdag of einddatum: besluit om aan te besteden")


class LeadTimesByTier(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kritiek: LeadTimes | None = None
    gevoelig: LeadTimes | None = None
    ondersteunend: LeadTimes | None = None


class PortfolioPolicy(BaseModel):
    """The ``portfolio`` section: lead times per tier and the clauses that bind data to the EER."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    beslistermijnen: LeadTimesByTier = Field(default_factory=LeadTimesByTier)
    eer_clausules: list[NonEmpty] | None = Field(
        None, description="Clausules die opslag en verwerking binnen de EER eisen"
    )


class SubCriterionSplit(BaseModel):
    """The shares of the wensen and of the Sovereignty Score inside the bijlage's sub-criterion."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    wensen: Percent
    soevereiniteitsscore: Percent

    @model_validator(mode="after")
    def _total(self) -> SubCriterionSplit:
        if self.wensen + self.soevereiniteitsscore != 100:
            raise ValueError("wensen en soevereiniteitsscore moeten samen 100 zijn")
        return self


class SplitByTier(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kritiek: SubCriterionSplit | None = None
    gevoelig: SubCriterionSplit | None = None
    ondersteunend: SubCriterionSplit | None = None


class AwardRules(BaseModel):
    """Legal's rules for the bijlage's award part (``gunning`` in ``beleid.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    opbouw: SplitByTier = Field(default_factory=SplitByTier)
    minimum_punten_wensen: Annotated[int, Field(ge=0, le=1000)] = Field(
        10,
        description="Zonder Soevereiniteitsscore: het gewicht dat de wensen samen minstens "
        "hebben voor een gunningsdeel; anders alleen eisen en bepalingen",
    )
    afronding_decimalen: Annotated[int, Field(ge=0, le=4)] = Field(
        2, description="Decimalen waarop scores in procenten worden afgerond"
    )


SealLevel = Annotated[int, Field(ge=0, le=4)]
SealMinima = dict[Sov, SealLevel | None]


class SealMinimaByTier(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kritiek: SealMinima | None = None
    gevoelig: SealMinima | None = None
    ondersteunend: SealMinima | None = None


class WeightProfile(BaseModel):
    """An EU CSF weight profile: its name in the documents and the weight per objective."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: NonEmpty = Field(description="Naam van het profiel zoals de documenten die noemen")
    weging: dict[Sov, Percent] = Field(description="Gewicht per doelstelling (samen 100)")

    @model_validator(mode="after")
    def _complete(self) -> WeightProfile:
        missing = [sov for sov in SOVS if sov not in self.weging]
        if missing:
            raise ValueError(f"het gewicht ontbreekt voor {', '.join(missing)}")
        if sum(self.weging.values()) != 100:
            raise ValueError(f"de gewichten zijn samen {sum(self.weging.values())}, niet 100")
        return self


class PolicyFile(BaseModel):
    """The contents of ``beleid.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verhouding: TierSharesByTier = Field(default_factory=TierSharesByTier)
    seal_bewijs: dict[Sov, SealEvidence] = Field(
        default_factory=dict, description="Per doelstelling: welk bewijs welk SEAL-niveau (1 tot en met 4) vaststelt"
    )
    gunning: AwardRules | None = None
    seal_minimum: SealMinimaByTier = Field(
        default_factory=SealMinimaByTier,
        description="Per laag het minimale SEAL-niveau per doelstelling (null: geen minimum)",
    )
    wegingsprofielen: dict[WeightProfileKey, WeightProfile] = Field(default_factory=dict)
    portfolio: PortfolioPolicy = Field(default_factory=PortfolioPolicy)
    versie: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")] | None = None
    status: Status | None = None
    eigenaar: NonEmpty | None = None
    beoordeeld_door: str | None = None
    beoordeeld_op: dt.date | None = None


class PolicyVersion(BaseModel):
    """The version and review of one beleid.yaml (one per layer that has the file)."""

    model_config = ConfigDict(frozen=True)

    origin: str
    versie: str | None
    status: str | None
    eigenaar: str | None
    beoordeeld_door: str | None
    beoordeeld_op: dt.date | None
    digest: str = ""


DEFAULT_SHARES = TierShares(kwaliteit=40, soevereiniteit=30, prijs=30, maximum_soevereiniteit=100)
# Without a portfolio section: decide on a renewal 6/4/3 months and on a new tender 18/12/9
# months before the last day to act, for laag 1/2/3.
DEFAULT_LEAD_TIMES: dict[Laag, LeadTimes] = {
    Laag.KRITIEK: LeadTimes(verlengingstoets=6, aanbesteden=18),
    Laag.GEVOELIG: LeadTimes(verlengingstoets=4, aanbesteden=12),
    Laag.ONDERSTEUNEND: LeadTimes(verlengingstoets=3, aanbesteden=9),
}
DEFAULT_EER_CLAUSES: tuple[str, ...] = ("opslag-eer",)


class Policy(BaseModel):
    """The policy in force after layering: shares per tier and SEAL evidence per objective."""

    model_config = ConfigDict(frozen=True)

    shares: dict[Laag, TierShares] = Field(default_factory=dict)
    seal_evidence: dict[str, dict[int, str]] = Field(default_factory=dict)
    award: AwardRules = Field(default_factory=AwardRules)
    award_origin: str = ""  # the library (layer) whose beleid.yaml set the award rules
    seal_minimum: dict[Laag, dict[str, int | None]] = Field(default_factory=dict)
    weight_profiles: dict[str, WeightProfile] = Field(default_factory=dict)
    versions: tuple[PolicyVersion, ...] = ()
    # The beleid.yaml each tier's shares came from (absent: the built-in defaults).
    share_sources: dict[Laag, str] = Field(default_factory=dict)
    lead_times: dict[Laag, LeadTimes] = Field(default_factory=lambda: dict(DEFAULT_LEAD_TIMES))
    eer_clauses: tuple[str, ...] = DEFAULT_EER_CLAUSES

    def shares_for(self, laag: Laag) -> TierShares:
        return self.shares.get(laag, DEFAULT_SHARES)

    def share_source(self, laag: Laag) -> str:
        """The file the tier's shares and maximum were read from, for messages."""
        return self.share_sources.get(laag, "de ingebouwde standaard, geen beleid.yaml")

    def merged(self, layer: PolicyFile, origin: str = "", digest: str = "", source: str = "") -> Policy:
        """This policy with ``layer`` (from the library layer ``origin``, read from file
        ``source``) on top (a tier's shares, an objective's evidence, a tier's SEAL minima and
        a weight profile are replaced as a whole)."""
        shares = dict(self.shares)
        sources = dict(self.share_sources)
        minima = dict(self.seal_minimum)
        for laag in Laag:
            tier: TierShares | None = getattr(layer.verhouding, laag.key)
            if tier is not None:
                shares[laag] = tier
                if source:
                    sources[laag] = source
            minimum: SealMinima | None = getattr(layer.seal_minimum, laag.key)
            if minimum is not None:
                minima[laag] = {sov: minimum.get(sov) for sov in SOVS}
        evidence: dict[str, dict[int, str]] = dict(self.seal_evidence)
        evidence.update({sov: dict(sorted(levels.items())) for sov, levels in layer.seal_bewijs.items()})
        version = PolicyVersion(
            origin=origin,
            versie=layer.versie,
            status=layer.status,
            eigenaar=layer.eigenaar,
            beoordeeld_door=layer.beoordeeld_door,
            beoordeeld_op=layer.beoordeeld_op,
            digest=digest,
        )
        lead_times = dict(self.lead_times)
        for laag in Laag:
            lead: LeadTimes | None = getattr(layer.portfolio.beslistermijnen, laag.key)
            if lead is not None:
                lead_times[laag] = lead
        eer = self.eer_clauses if layer.portfolio.eer_clausules is None else tuple(layer.portfolio.eer_clausules)
        award, award_origin = (layer.gunning, origin) if layer.gunning is not None else (self.award, self.award_origin)
        return Policy(
            shares=shares,
            seal_evidence=evidence,
            seal_minimum=minima,
            weight_profiles={**self.weight_profiles, **layer.wegingsprofielen},
            versions=(*self.versions, version),
            share_sources=sources,
            lead_times=lead_times,
            eer_clauses=eer,
            award=award,
            award_origin=award_origin,
        )


def missing_policy(policy: Policy) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """What a library's policy (all layers together) lacks: (field, message)."""
    for laag in Laag:
        if laag not in policy.seal_minimum:
            yield ("seal_minimum", laag.key), "het minimale SEAL-niveau van deze laag ontbreekt"
    for key in WEIGHT_PROFILE_KEYS:
        if key not in policy.weight_profiles:
            yield ("wegingsprofielen", key), "dit wegingsprofiel ontbreekt"
