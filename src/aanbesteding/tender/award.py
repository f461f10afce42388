"""The leidraad's award model as the officer gives it: the ``gunning`` part of a tender.

The bijlage works out one (sub)criterion of the aanbestedingsleidraad's model; this part says
which, where the leidraad sets it, its share, optionally the leidraad's full model (for the
grid's total), the published tie-break (beslisregel) and what the price P is. The names are a
contract: profiles use them as keys, the CLI option ``--gunning`` as ``NAAM=WAARDE`` items.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from aanbesteding.errors import InputError
from aanbesteding.support.text import invalid_character_message, shorten


def _xml_safe(text: str) -> str:
    problem = invalid_character_message(text)
    if problem:
        raise ValueError(f"de tekst {problem}")
    return text


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), AfterValidator(_xml_safe)]
Sentence = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600), AfterValidator(_xml_safe)
]
Share = Annotated[int, Field(ge=1, le=100)]
Route = Literal["artikel-2.24", "evenredige-beperking"]
ROUTE_LABELS: dict[str, str] = {
    "artikel-2.24": "artikel 2.24 van de Aanbestedingswet 2012 (wezenlijke veiligheidsbelangen)",
    "evenredige-beperking": "een evenredige beperking om redenen van openbare veiligheid, gemotiveerd in het dossier",
}


class Criterium(BaseModel):
    """One criterion of the leidraad's model with its share of the total score."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: Name
    weging: Share
    prijs: bool = False  # the price criterion (scored with the price method)

    @property
    def code(self) -> str:
        """The criterion's first word, e.g. ``K1`` of ``K1 Functionaliteit``."""
        return self.naam.split()[0]


class Gunning(BaseModel):
    """Where the bijlage sits in the leidraad's award model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    leidraad: Name | None = None  # where the leidraad sets the award criteria
    subcriterium: Name | None = None  # the (sub)criterion this bijlage works out
    weging: Share | None = None  # its share of the total score, in %
    criteria: list[Criterium] = Field(default_factory=list)  # the leidraad's full model
    beslisregel: Sentence | None = None  # tie-break, published
    prijsdefinitie: Sentence | None = None  # what the price P is, e.g. the total over 4 years
    motivering: Sentence | None = None  # why this share (dossier only, the verantwoording)

    @model_validator(mode="after")
    def _consistent(self) -> Gunning:
        if not self.criteria:
            return self
        names = [c.naam for c in self.criteria]
        doubles = sorted({n for n in names if names.count(n) > 1})
        if doubles:
            raise ValueError(f"criteria: dubbele naam {', '.join(map(shorten, doubles))}")
        total = sum(c.weging for c in self.criteria)
        if total != 100:
            raise ValueError(f"de wegingen van de criteria tellen op tot {total}%; dat moet 100% zijn")
        if sum(c.prijs for c in self.criteria) > 1:
            raise ValueError("criteria: hoogstens één criterium is de prijs (prijs: true)")
        if self.subcriterium is not None:
            own = next((c for c in self.criteria if c.naam == self.subcriterium), None)
            if own is None:
                raise ValueError(
                    f"subcriterium {shorten(self.subcriterium)} staat niet in criteria; neem het op met dezelfde naam"
                )
            if own.prijs:
                raise ValueError("het subcriterium van deze bijlage kan niet de prijs zijn")
            if self.weging is not None and own.weging != self.weging:
                raise ValueError(
                    f"weging {self.weging}% verschilt van de weging van {shorten(own.naam)} in criteria ({own.weging}%)"
                )
        return self

    @property
    def price(self) -> Criterium | None:
        return next((c for c in self.criteria if c.prijs), None)

    @property
    def share(self) -> int | None:
        """The sub-criterion's share: ``weging``, or its weight in ``criteria``."""
        if self.weging is not None:
            return self.weging
        own = next((c for c in self.criteria if c.naam == self.subcriterium), None)
        return own.weging if own else None

    def others(self) -> list[Criterium]:
        """The leidraad's criteria other than this bijlage's sub-criterion and the price."""
        return [c for c in self.criteria if c.naam != self.subcriterium and not c.prijs]

    def tie_criterion(self) -> Criterium | None:
        """The criterion the beslisregel names first (by full name or code), or None."""
        if not self.beslisregel:
            return None
        positions = []
        for c in self.criteria:
            match = re.search(rf"{re.escape(c.naam)}|\b{re.escape(c.code)}\b", self.beslisregel)
            if match:
                positions.append((match.start(), c.naam))
        if not positions:
            return None
        first = min(positions)[1]
        return next(c for c in self.criteria if c.naam == first)


GUNNING_KEYS = ("leidraad", "subcriterium", "weging", "criterium", "beslisregel", "prijsdefinitie", "motivering")


def parse_gunning_option(items: list[str], field: str) -> dict[str, object]:
    """``--gunning`` items as the profile's ``gunning`` mapping.

    ``leidraad=...``, ``subcriterium=...``, ``weging=20``, ``beslisregel=...``,
    ``prijsdefinitie=...`` once each; ``criterium=NAAM:WEGING`` (``NAAM:WEGING:prijs`` for the
    price) once per criterion. Raises InputError naming the field and the item.
    """
    values: dict[str, object] = {}
    criteria: list[dict[str, object]] = []
    for item in items:
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or key not in GUNNING_KEYS:
            raise InputError(
                f"gebruik NAAM=WAARDE met als naam {', '.join(GUNNING_KEYS)}", field=field, subject=shorten(item)
            )
        if key == "criterium":
            parts = [p.strip() for p in value.rsplit(":", 2)] if value.count(":") >= 1 else []
            is_price = len(parts) == 3 and parts[2].casefold() == "prijs"
            if len(parts) == 3 and not is_price:
                parts = [":".join(parts[:2]), parts[2]]
            if len(parts) < 2 or not parts[0]:
                raise InputError(
                    "schrijf criterium=NAAM:WEGING, bijvoorbeeld "
                    "criterium='K1 Functionaliteit:30' of criterium='Prijs:40:prijs'",
                    field=field,
                    subject=shorten(item),
                )
            criteria.append({"naam": parts[0], "weging": parts[1], "prijs": is_price})
            continue
        if key in values:
            raise InputError(f"{key} is meer dan eens opgegeven", field=field)
        values[key] = value
    if criteria:
        values["criteria"] = criteria
    return values
