"""The bijlage's award part, resolved from the officer's ``gunning`` input and legal's rules.

The bijlage works out one (sub)criterion of the aanbestedingsleidraad's model: its wensen and
the Sovereignty Score, weighted inside the sub-criterion (the ``opbouw`` in ``beleid.yaml``, or
the officer's ``verhouding``). A tier and type whose wensen weigh too little and that has no
Sovereignty Score gets no award part at all (rule ``minimum_punten_wensen``). What a final
document needs and is missing is listed here once, for the warning, the gate and the bijlage.
"""

from __future__ import annotations

from dataclasses import dataclass

from aanbesteding.domain import Kind
from aanbesteding.errors import PolicyError
from aanbesteding.library.policy import Policy
from aanbesteding.render import render
from aanbesteding.tender.award import Gunning
from aanbesteding.tender.model import Tender

JUSTIFICATION = "rechtvaardiging"  # the clause parameter that states the laag-1 justification
# Shown in a concept where the officer has not yet given the justification: the library's
# default is never printed as the buyer's own finding.
JUSTIFICATION_OPEN = (
    "[nog niet vastgesteld: de Aanbestedende Dienst vult hier de "
    "rechtvaardiging in uit de veiligheidsanalyse in het dossier, met de gekozen "
    "route]"
)
LIBRARY = "standaard van de clausulebibliotheek"
OFFICER = "opgegeven door de inkoper"


@dataclass(frozen=True)
class AwardModel:
    """Everything the writers need about the award: part or not, shares, rules, what is open."""

    part: bool  # the bijlage has an award part (a sub-criterion) of its own
    reason: str  # why it has none (Dutch), when ``part`` is false
    gunning: Gunning | None
    wensen_share: int  # shares inside the sub-criterion, together 100
    sov_share: int
    split_origin: str  # where the shares came from (library, organisation, officer)
    cap: int  # the highest share of the sub-criterion in the total this tier allows
    decimals: int  # rounding of scores in percent
    missing: tuple[str, ...] = ()  # what a final document still needs (Dutch)
    justification_open: tuple[str, ...] = ()  # numbers whose laag-1 justification is open
    rules_origin: str = ""
    wens_points: int = 0  # the weights of the library's wensen for this tier and type, together

    @property
    def share(self) -> int | None:
        return self.gunning.share if self.gunning else None

    @property
    def subcriterion(self) -> str:
        """The sub-criterion's name as the leidraad gives it, or a description."""
        if self.gunning and self.gunning.subcriterium:
            return self.gunning.subcriterium
        return "Digitale soevereiniteit (subcriterium)"

    def total_formula(self) -> str:
        """The leidraad's model as one line: ``30% × score K1 ... + 40% × prijsscore``."""
        if self.gunning is None:
            return ""
        return " + ".join(
            f"{c.weging}% × " + ("prijsscore" if c.prijs else f"score {c.naam}") for c in self.gunning.criteria
        )

    @property
    def ranked_on(self) -> str:
        """What the rank follows: the total, or the sub-criterion's score without the model."""
        return "totaalscore" if self.has_model or not self.part else f"score op {self.subcriterion}"

    @property
    def has_model(self) -> bool:
        """Whether the leidraad's full model is known (the grid can compute a total)."""
        return bool(self.gunning and self.gunning.criteria)


@dataclass(frozen=True)
class _Facts:
    wens_points: int
    sovereignty_score: bool


def _split(tender: Tender, policy: Policy, facts: _Facts) -> tuple[int, int, str]:
    if not facts.sovereignty_score:
        return 100, 0, "volgt uit de bijlage: zij bevat geen Soevereiniteitsscore"
    if facts.wens_points == 0:
        return 0, 100, "volgt uit de bijlage: zij bevat geen wensen"
    if tender.verhouding is not None:
        k, s = tender.verhouding.kwaliteit, tender.verhouding.soevereiniteit
        wensen = round(100 * k / (k + s)) if k + s else 100
        return wensen, 100 - wensen, f"{OFFICER} (verhouding kwaliteit {k} : soevereiniteit {s})"
    split = getattr(policy.award.opbouw, tender.laag.key)
    origin = (
        LIBRARY
        if policy.award_origin in ("", "standaard")
        else f"beleid.yaml van de organisatie ({policy.award_origin})"
    )
    if split is None:
        return 50, 50, "standaard van het programma (beleid.yaml noemt deze laag niet)"
    return split.wensen, split.soevereiniteitsscore, origin


def _missing(tender: Tender, part: bool, justification: tuple[str, ...], needs_justification: bool) -> list[str]:
    g = tender.gunning
    missing: list[str] = []
    if g is None:
        missing.append(
            "het gunningsmodel van de aanbestedingsleidraad (gunning: leidraad, "
            + ("subcriterium, weging, " if part else "")
            + "beslisregel)"
        )
    else:
        if g.leidraad is None:
            missing.append("gunning.leidraad: waar de leidraad de gunningscriteria vastlegt")
        if part and g.subcriterium is None:
            missing.append("gunning.subcriterium: welk (sub)criterium deze bijlage uitwerkt")
        if part and g.share is None:
            missing.append("gunning.weging: het aandeel van het subcriterium in de totaalscore")
        if g.beslisregel is None:
            missing.append("gunning.beslisregel: wat bij een gelijke totaalscore beslist")
        if g.price is not None and tender.prijsmethode == "gewogen-factor":
            if tender.pmin is None or tender.pmax is None:
                missing.append("pmin en pmax: de grenzen van de prijsformule")
            if g.prijsdefinitie is None:
                missing.append("gunning.prijsdefinitie: welke prijs P is")
    if justification:
        missing.append(
            f"de rechtvaardiging van de eisen aan vestiging of Zeggenschap "
            f"({', '.join(justification)}): parameter {JUSTIFICATION}, uit de eigen "
            "veiligheidsanalyse"
        )
    if needs_justification and tender.veiligheidsanalyse is None:
        missing.append("veiligheidsanalyse: de vindplaats van de gedocumenteerde veiligheidsanalyse in het dossier")
    if needs_justification and tender.route is None:
        missing.append("route: artikel-2.24 of evenredige-beperking")
    return missing


def resolve_award(
    tender: Tender,
    policy: Policy,
    requirements: list[tuple[Kind, int | None, bool]],
    justification_open: tuple[str, ...],
    justified: bool,
    reason_text: str,
) -> AwardModel:
    """The award part for this tender.

    ``requirements`` are (kind, weight, judged in the SEAL table) of every item in the annex;
    ``justification_open`` the numbers whose laag-1 justification the officer has not given,
    ``justified`` whether the annex holds any item that needs one; ``reason_text`` the library's
    reason why there is no award part (chapter gunning, ``reden_te_weinig_wensen``). Raises PolicyError when the
    sub-criterion's share is above the tier's cap, or a sub-criterion is given for a bijlage
    that has no award part.
    """
    facts = _Facts(
        wens_points=sum(w or 0 for kind, w, in_table in requirements if kind is Kind.WENS and not in_table),
        sovereignty_score=any(kind is Kind.WENS and in_table for kind, _, in_table in requirements),
    )
    rules = policy.award
    part = facts.sovereignty_score or facts.wens_points >= rules.minimum_punten_wensen
    reason = (
        ""
        if part
        else render(
            reason_text,
            {"punten_wensen_bibliotheek": facts.wens_points, "minimum_punten_wensen": rules.minimum_punten_wensen},
            where="hoofdstukken/gunning.yaml, teksten.reden_te_weinig_wensen",
        )
    )
    cap = policy.shares_for(tender.laag).maximum_soevereiniteit
    g = tender.gunning
    if g is not None and not part and (g.subcriterium or g.weging):
        raise PolicyError(
            f"gunning.subcriterium/gunning.weging: deze bijlage heeft geen eigen "
            f"gunningsdeel, want {reason}. Laat subcriterium en weging weg; de "
            "eisen en bepalingen gelden wel."
        )
    if g is not None and part and g.share is not None and g.share > cap:
        raise PolicyError(
            f"gunning.weging: een aandeel van {g.share}% voor het subcriterium is te "
            f"hoog voor {tender.laag.label.lower()}; de juridische afdeling staat "
            f"in deze laag hoogstens {cap}% van de totaalscore toe (beleid.yaml "
            "van de clausulebibliotheek, maximum_soevereiniteit)."
        )
    wensen, sov, origin = _split(tender, policy, facts) if part else (0, 0, "")
    return AwardModel(
        part=part,
        reason=reason,
        gunning=g,
        wensen_share=wensen,
        sov_share=sov,
        split_origin=origin,
        cap=cap,
        decimals=rules.afronding_decimalen,
        missing=tuple(_missing(tender, part, justification_open, justified)),
        justification_open=justification_open,
        rules_origin=policy.award_origin or "standaard",
        wens_points=facts.wens_points,
    )
