"""Library-wide policy that legal sets in ``beleid.yaml``: the award shares per tier (with the
maximum share for sovereignty) and the evidence that establishes each SEAL level.

The file is optional; without it the defaults below apply. A layer on top may replace the
shares of a tier or the evidence of an objective.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from aanbesteding.domain import Laag, Sov

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
        description="Hoogste aandeel soevereiniteit dat een aanbesteding in deze laag mag kiezen")

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


class PolicyFile(BaseModel):
    """The contents of ``beleid.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verhouding: TierSharesByTier = Field(default_factory=TierSharesByTier)
    seal_bewijs: dict[Sov, SealEvidence] = Field(
        default_factory=dict,
        description="Per doelstelling: welk bewijs welk SEAL-niveau (1 tot en met 4) vaststelt")


DEFAULT_SHARES = TierShares(kwaliteit=40, soevereiniteit=30, prijs=30, maximum_soevereiniteit=100)


class Policy(BaseModel):
    """The policy in force after layering: shares per tier and SEAL evidence per objective."""

    model_config = ConfigDict(frozen=True)

    shares: dict[Laag, TierShares] = Field(default_factory=dict)
    seal_evidence: dict[str, dict[int, str]] = Field(default_factory=dict)
    # The beleid.yaml each tier's shares came from (absent: the built-in defaults).
    share_sources: dict[Laag, str] = Field(default_factory=dict)

    def shares_for(self, laag: Laag) -> TierShares:
        return self.shares.get(laag, DEFAULT_SHARES)

    def share_source(self, laag: Laag) -> str:
        """The file the tier's shares and maximum were read from, for messages."""
        return self.share_sources.get(laag, "de ingebouwde standaard, geen beleid.yaml")

    def merged(self, layer: PolicyFile, source: str = "") -> Policy:
        """This policy with ``layer`` (read from file ``source``) on top (a tier's shares and
        an objective's evidence are replaced as a whole)."""
        shares = dict(self.shares)
        sources = dict(self.share_sources)
        for laag in Laag:
            tier: TierShares | None = getattr(layer.verhouding, laag.key)
            if tier is not None:
                shares[laag] = tier
                if source:
                    sources[laag] = source
        evidence: dict[str, dict[int, str]] = dict(self.seal_evidence)
        evidence.update({sov: dict(sorted(levels.items())) for sov, levels in layer.seal_bewijs.items()})
        return Policy(shares=shares, seal_evidence=evidence, share_sources=sources)
