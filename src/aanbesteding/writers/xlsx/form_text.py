"""The fixed Dutch labels and prompts of the inschrijversformulier; its instructions, steps,
legend and signature statement are library chapter texts (``hoofdstukken/formulier.yaml``)."""

from __future__ import annotations

from aanbesteding.compose.annex import Annex
from aanbesteding.responses.form_spec import (
    LONG_TEXT,
    PRICE_DECIMALS,
    REFERENCE_TEXT,
    SHORT_TEXT,
)

TITLE = "Inschrijversformulier digitale soevereiniteit"

# The steps and the legend: a short label and the key of its text in the library chapter
# ``formulier`` (the texts are legal's; the annex holds them rendered).
STEPS = (
    ("1. Inschrijver", "stap_inschrijver"),
    ("2. Eisen", "stap_eisen"),
    ("3. Contractbepalingen", "stap_bepalingen"),
    ("4. Wensen", "stap_wensen"),
    ("5. SEAL", "stap_seal"),
    ("6. Prijs", "stap_prijs"),
)
LEGEND = (("Geel", "legenda_geel"), ("Oranje", "legenda_oranje"), ("Overig", "legenda_overig"))


def text(annex: Annex, key: str) -> str:
    """A text of the form from the library chapter ``formulier``."""
    return annex.text("formulier", key)


SIGNATURE_LINE = "Handtekening:"

# Prompts and error messages of the data validations (at most 255 characters each).
ANSWER = "Kies Ja of Nee. Nee betekent: voldoet niet aan de eis."
ACCEPTANCE = "Kies Ja (aanvaard zonder voorbehoud) of Nee (voorbehoud: voldoet niet)."
OFFER = f"Beschrijf uw aanbod (hoogstens {LONG_TEXT} tekens)."
DOCUMENT = f"Naam van het document in uw Inschrijving (hoogstens {SHORT_TEXT} tekens)."
PAGE = "Pagina of paragraaf, bijvoorbeeld 12 of 4.2 (hoogstens 30 tekens)."
REMARK = f"Opmerking (hoogstens {LONG_TEXT} tekens); geen voorbehoud."
CLAIM = "Kies het SEAL-niveau dat u claimt: 0, 1, 2, 3 of 4."
LEVEL_EVIDENCE = f"Document en pagina van het bewijs voor dit niveau (hoogstens {REFERENCE_TEXT} tekens)."
PRICE = f"Bedrag in euro's exclusief btw, 0 of meer, hoogstens {PRICE_DECIMALS} decimalen."
KVK = "Het KvK-nummer: precies 8 cijfers."
DATE = "Een datum, bijvoorbeeld 15-03-2027."
TEXT = "Tekst van hoogstens {limit} tekens."

ITEM_HEADERS = (
    "Nr.",
    "Soort",
    "Titel",
    "Tekst uit de bijlage",
    "Wijze van aantonen",
    "Antwoord (Ja/Nee)",
    "Aanbod (alleen wensen)",
    "Bewijs: document",
    "Bewijs: pagina",
    "Opmerking",
)
SEAL_HEADERS = (
    "Doelstelling",
    "Minimum SEAL",
    "Geclaimd SEAL-niveau",
    "Bewijs SEAL-1",
    "Bewijs SEAL-2",
    "Bewijs SEAL-3",
    "Bewijs SEAL-4",
)
KIND_LABELS = {"eis": "Eis (KO)", "bepaling": "Bepaling", "wens": "Wens"}
SEAL_ROW_NOTE = "Beantwoord op het tabblad SEAL."
