"""JSON Schema of the clause file format, generated from the pydantic model."""

from __future__ import annotations

import json
from typing import Any

from aanbesteding.library.model import Clause

_DUTCH_DESCRIPTIONS = {
    "Parameter": "Een waarde in de clausuletekst die de inkoper binnen de grenzen mag aanpassen.",
    "TierKinds": "Soort per laag; een laag die ontbreekt, betekent: niet van toepassing.",
    "Variant": "Afwijkende tekst of weging voor één laag; wat ontbreekt, komt uit de clausule.",
    "Variants": "Varianten per laag.",
}


def clause_schema() -> dict[str, Any]:
    """The JSON Schema editors use to validate clause files while typing."""
    schema = Clause.model_json_schema(mode="validation")
    for name, definition in schema.get("$defs", {}).items():
        if name in _DUTCH_DESCRIPTIONS:
            definition["description"] = _DUTCH_DESCRIPTIONS[name]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Clausule (aanbesteding)"
    schema["description"] = (
        "Eén clausule van de clausulebibliotheek. Gegenereerd uit het model; niet met de hand wijzigen."
    )
    return schema


def clause_schema_json() -> str:
    return json.dumps(clause_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
