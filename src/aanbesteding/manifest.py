"""The manifest of a generation: what was made, from which library and clause versions.

One typed model, one schema version (:data:`MANIFEST_KIND`). ``genereer`` writes it beside the
documents as ``<naam>.manifest.json``; ``bibliotheek gebruik`` reads it back through
:func:`read_manifest`. :func:`manifest_schema` is its JSON Schema, for other tools.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

ManifestKind = Literal["aanbesteding-manifest/1"]
MANIFEST_KIND: Final = "aanbesteding-manifest/1"
MANIFEST_SUFFIX = ".manifest.json"


class _Part(BaseModel):
    # Reading is lenient about fields a later version adds; writing emits exactly these.
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class LibraryRecord(_Part):
    inhoudshash: str = Field(description="SHA-256 over alle gelezen bibliotheekbestanden")
    bronnen: list[str] = Field(description="De bibliotheken (lagen), basis eerst")


class ClauseRecord(_Part):
    nummer: str = Field(description="Nummer in de bijlage, bijvoorbeeld E-01")
    id: str
    versie: str
    status: str
    sha256: str = Field("", description="SHA-256 van het clausulebestand")
    herkomst: str = Field("", description="De bibliotheek (laag) waar de clausule uit kwam")


class ChapterRecord(_Part):
    id: str
    versie: str
    status: str
    sha256: str = ""
    herkomst: str = ""


class FileRecord(_Part):
    formaat: str
    pad: str = Field(description="Bestandsnaam (naast het manifest) of pad")
    sha256: str
    size: int = Field(alias="bytes", ge=0)


class Manifest(_Part):
    """An audit record of one generation."""

    manifest: ManifestKind = Field(MANIFEST_KIND, description="Soort en schemaversie van dit bestand")
    programma: str = Field(description="Programma en versie, bijvoorbeeld 'aanbesteding 0.1.0'")
    bibliotheek: LibraryRecord
    aanbesteding: dict[str, Any] = Field(description="De invoer van de aanbesteding")
    clausules: list[ClauseRecord]
    hoofdstukken: list[ChapterRecord] = Field(default_factory=list)
    bestanden: list[FileRecord]
    waarschuwingen: list[str] = Field(default_factory=list)

    def to_json(self) -> str:
        """The manifest file's text (UTF-8, indented, newline at the end)."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_manifest(path: Path) -> Manifest | None:
    """The manifest in ``path``; None when it cannot be read or is not a manifest (not a
    regular file, too large, not JSON, nested too deep, or fields of the wrong kind)."""
    from aanbesteding.support.files import MAX_MANIFEST, read_regular

    try:
        data = json.loads(read_regular(path, MAX_MANIFEST).decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("manifest") != MANIFEST_KIND:
        return None
    try:
        return Manifest.model_validate(data)
    except ValidationError:
        return None


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema of the manifest file."""
    schema = Manifest.model_json_schema(mode="serialization", by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Manifest van een generatie (aanbesteding)"
    return schema
