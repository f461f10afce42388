"""Whether a hosting location lies in the EER (EU member states, Iceland, Liechtenstein,
Norway), from a country name in Dutch or English or its ISO code."""

from __future__ import annotations

import unicodedata
from typing import Literal

Where = Literal["eer", "buiten", "onbekend"]

_EER = (
    "at|oostenrijk|austria",
    "be|belgie|belgium",
    "bg|bulgarije|bulgaria",
    "hr|kroatie|croatia",
    "cy|cyprus",
    "cz|tsjechie|czechia|czech republic",
    "dk|denemarken|denmark",
    "ee|estland|estonia",
    "fi|finland",
    "fr|frankrijk|france",
    "de|duitsland|germany",
    "gr|griekenland|greece",
    "hu|hongarije|hungary",
    "ie|ierland|ireland",
    "it|italie|italy",
    "lv|letland|latvia",
    "lt|litouwen|lithuania",
    "lu|luxemburg|luxembourg",
    "mt|malta",
    "nl|nederland|netherlands|the netherlands|holland",
    "pl|polen|poland",
    "pt|portugal",
    "ro|roemenie|romania",
    "sk|slowakije|slovakia",
    "si|slovenie|slovenia",
    "es|spanje|spain",
    "se|zweden|sweden",
    "is|ijsland|iceland",
    "li|liechtenstein",
    "no|noorwegen|norway",
    "eer|eea|eu|europese unie|binnen de eer|on-premises|on premises|eigen datacenter|privaat datacenter",
)
_OUTSIDE = (
    "us|vs|usa|verenigde staten|united states|amerika",
    "gb|uk|verenigd koninkrijk|united kingdom|engeland|groot-brittannie",
    "ch|zwitserland|switzerland",
    "ca|canada",
    "in|india",
    "cn|china",
    "jp|japan",
    "sg|singapore",
    "au|australie|australia",
    "il|israel",
    "ua|oekraine|ukraine",
    "ru|rusland|russia",
    "tr|turkije|turkey",
    "br|brazilie|brazil",
    "za|zuid-afrika|south africa",
    "buiten de eer|buiten eer|buiten de eu|wereldwijd|global",
)
_EER_NAMES = {name for entry in _EER for name in entry.split("|")}
_OUTSIDE_NAMES = {name for entry in _OUTSIDE for name in entry.split("|")}


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().strip().lower()


def place(location: str) -> Where:
    """Where one location lies: in the EER, outside it, or unknown (not a known country)."""
    name = _plain(location)
    if name in _EER_NAMES:
        return "eer"
    if name in _OUTSIDE_NAMES:
        return "buiten"
    return "onbekend"


def outside_eer(locations: tuple[str, ...]) -> tuple[str, ...]:
    """The locations that lie outside the EER."""
    return tuple(loc for loc in locations if place(loc) == "buiten")


def unknown(locations: tuple[str, ...]) -> tuple[str, ...]:
    """The locations that are not a known country or phrase."""
    return tuple(loc for loc in locations if place(loc) == "onbekend")
