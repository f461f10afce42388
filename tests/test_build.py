"""build(): every file of a generation in memory, with warnings and a typed manifest;
generate() is build plus the unit write."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from aanbesteding.api import FORMATS, Format, build, generate
from aanbesteding.errors import OutputError
from aanbesteding.library.loader import Library, load_library
from aanbesteding.manifest import manifest_schema, read_manifest
from aanbesteding.tender.model import Tender, build_tender

DATE = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def _tender(**values: object) -> Tender:
    return build_tender({"laag": 2, "contracttype": "saas", "datum": DATE, "kenmerk": "INK-1", **values})


def test_build_is_importable_from_the_api_in_a_fresh_process() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from aanbesteding.api import build"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_build_writes_nothing_to_disk(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    opened: list[str] = []
    real_open = open

    def watching_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if any(flag in mode for flag in "wax+"):
            opened.append(str(file))
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", watching_open)
    documents = build(_tender(), library, ("docx", "xlsx", "verantwoording", "json"))
    assert opened == []
    assert list(tmp_path.iterdir()) == []
    assert list(documents.files) == ["docx", "xlsx", "verantwoording", "json"]
    assert documents.files["docx"].data.startswith(b"PK")
    assert documents.files["verantwoording"].name == "bijlage-verantwoording.docx"
    assert documents.warnings  # the standard library's clauses are concept


def test_generate_writes_exactly_the_bytes_build_makes(library: Library, tmp_path: Path) -> None:
    formats = ("docx", "xlsx", "verantwoording", "json")
    documents = build(_tender(), library, formats, stem="ink-42")
    result = generate(_tender(), library, tmp_path / "ink-42.docx", formats=formats)
    for name in formats:
        path = result.path(name)
        assert path is not None and path.read_bytes() == documents.files[name].data
    assert result.manifest_path is not None
    assert result.manifest_path.read_text(encoding="utf-8") == documents.manifest.to_json()


def test_the_verantwoording_records_the_hashes_of_the_other_files(library: Library) -> None:
    import io

    import docx

    documents = build(_tender(), library, ("docx", "xlsx", "verantwoording"))
    text = "\n".join(
        cell.text
        for table in docx.Document(io.BytesIO(documents.files["verantwoording"].data)).tables
        for row in table.rows
        for cell in row.cells
    )
    for name in ("docx", "xlsx"):
        assert documents.files[name].sha256 in text
    assert documents.files["verantwoording"].sha256 not in text


def test_the_manifest_validates_against_its_own_schema(library: Library, tmp_path: Path) -> None:
    documents = build(_tender(), library, ("docx", "xlsx"))
    data = json.loads(documents.manifest.to_json())
    jsonschema.validate(data, manifest_schema())
    assert data["manifest"] == "aanbesteding-manifest/1"
    assert {c["id"] for c in data["hoofdstukken"]} >= {"inleiding", "lagen"}
    assert data["bestanden"][0] == {
        "formaat": "docx",
        "pad": "bijlage.docx",
        "sha256": documents.files["docx"].sha256,
        "bytes": len(documents.files["docx"].data),
    }
    broken = {**data, "bestanden": [{"formaat": "docx"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, manifest_schema())
    path = tmp_path / "x.manifest.json"
    path.write_text(documents.manifest.to_json(), encoding="utf-8")
    assert read_manifest(path) == documents.manifest
    path.write_text(json.dumps(broken), encoding="utf-8")
    assert read_manifest(path) is None


def test_a_format_declares_what_it_needs(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    # A format that needs the docx gets its bytes, also when the docx itself is not asked for.
    monkeypatch.setitem(
        FORMATS, "lengte", Format("lengte", ".txt", "Lengte", "tests.test_build:length_writer", needs=("docx",))
    )
    documents = build(_tender(), library, ("lengte",))
    assert list(documents.files) == ["lengte"]
    assert int(documents.files["lengte"].data) > 10_000


def length_writer(annex: object, docx: bytes) -> bytes:
    return str(len(docx)).encode()


def test_an_unknown_format_is_refused(library: Library) -> None:
    with pytest.raises(OutputError, match="onbekend uitvoerformaat html"):
        build(_tender(), library, ("html",))
