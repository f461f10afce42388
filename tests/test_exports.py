"""--pdf (LibreOffice through UNO, table of contents with pages) and --json (OCDS)."""

from __future__ import annotations

import copy
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from aanbesteding.cli.main import main
from tests.libreoffice import pdf_text, soffice

# Unmodified offline copies (Apache 2.0, Open Contracting Partnership): see data/ocds/README.md.
OCDS = Path(__file__).resolve().parent / "data" / "ocds"
EXTENSION_ORDER = ("requirements", "lots", "submissionTerms", "awardCriteria")


def patched_release_schema() -> dict[str, Any]:
    """Core OCDS 1.1.5 with the vendored extension patches applied (what the export declares)."""
    release = json.loads((OCDS / "release-schema.json").read_text(encoding="utf-8"))
    for name in EXTENSION_ORDER:
        patch = json.loads((OCDS / "extensions" / name / "release-schema.json").read_text("utf-8"))
        release = merge_patch(release, patch)
    return dict(release)


def merge_patch(target: Any, patch: Any) -> Any:
    """JSON Merge Patch (RFC 7386)."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def validate_ocds(package: dict[str, Any]) -> None:
    """Validate a release package against OCDS 1.1.5 + requirements, lots, awardCriteria."""
    jsonschema = pytest.importorskip("jsonschema")
    release = patched_release_schema()
    package_schema = json.loads((OCDS / "release-package-schema.json").read_text("utf-8"))
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        [
            (release["id"], Resource.from_contents(release)),
            (package_schema["id"], Resource.from_contents(package_schema)),
        ]
    )
    jsonschema.Draft4Validator(package_schema, registry=registry).validate(package)
    for item in package["releases"]:
        jsonschema.Draft4Validator(release, registry=registry).validate(item)


def test_json_holds_the_requirements_and_award_criteria_and_is_valid_ocds(tmp_path: Path) -> None:
    code = main(
        [
            "genereer",
            "--laag",
            "1",
            "--contracttype",
            "saas",
            "--kenmerk",
            "INK-7",
            "--geen-matrix",
            "--json",
            "--gunning",
            "leidraad=paragraaf 5.2",
            "--gunning",
            "subcriterium=K3 Digitale soevereiniteit",
            "--gunning",
            "weging=25",
            "--gunning",
            "criterium=K1 Functionaliteit:35",
            "--gunning",
            "criterium=K3 Digitale soevereiniteit:25",
            "--gunning",
            "criterium=Prijs:40:prijs",
            "--uitvoer",
            str(tmp_path / "b.docx"),
        ]
    )
    assert code == 0
    package = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    validate_ocds(package)
    tender = package["releases"][0]["tender"]
    ids = [r["id"] for c in tender["criteria"] for g in c["requirementGroups"] for r in g["requirements"]]
    assert "E-01" in ids and any(i.startswith("B-") for i in ids)
    assert len(ids) == len(set(ids))
    award = tender["lots"][0]["awardCriteria"]["criteria"]
    # Exactly the leidraad's model, the sub-criterion with its share; no 0% criterion.
    assert [(c["name"], c["numbers"][0]["number"]) for c in award[:3]] == [
        ("K1 Functionaliteit", 35),
        ("K3 Digitale soevereiniteit", 25),
        ("Prijs", 40),
    ]
    assert [c["type"] for c in award[:3]] == ["quality", "quality", "price"]
    assert all(c["numbers"][0]["number"] > 0 for c in award)
    assert any(c["name"].startswith("W-01") and c["numbers"][0]["weight"] == "pointsExact" for c in award)


def test_json_of_laag_3_licentie_has_no_award_criterion_and_no_zero_share(tmp_path: Path) -> None:
    code = main(
        [
            "genereer",
            "--laag",
            "3",
            "--contracttype",
            "licentie",
            "--geen-matrix",
            "--json",
            "--kenmerk",
            "INK-8",
            "--uitvoer",
            str(tmp_path / "b.docx"),
        ]
    )
    assert code == 0
    package = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    validate_ocds(package)
    award = package["releases"][0]["tender"]["lots"][0]["awardCriteria"]
    assert "criteria" not in award
    assert "geen eigen gunningscriterium" in award["weightingDescription"]


def test_a_broken_package_fails_validation() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    with pytest.raises(jsonschema.ValidationError):
        validate_ocds(
            {
                "version": "1.1",
                "releases": [
                    {
                        "ocid": "x",
                        "tender": {
                            "criteria": [
                                {
                                    "id": "a",
                                    "requirementGroups": [
                                        {"id": "g", "requirements": [{"id": "E-01", "dataType": "zin"}]}
                                    ],
                                }
                            ]
                        },
                    }
                ],
            }
        )


def test_pdf_without_libreoffice_gives_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    code = main(["genereer", "--laag", "2", "--contracttype", "saas", "--pdf", "--uitvoer", str(tmp_path / "b.docx")])
    err = capsys.readouterr().err
    assert code == 1
    assert "PDF kan niet worden gemaakt: LibreOffice (soffice) is niet gevonden" in err
    assert not list(tmp_path.iterdir())  # nothing half written


@pytest.mark.libreoffice
def test_init_then_genereer_pdf_has_a_table_of_contents_with_page_numbers(tmp_path: Path) -> None:
    soffice()
    from aanbesteding.writers.export.pdf import pdf_available

    if pdf_available():
        pytest.skip(str(pdf_available()))
    profile = tmp_path / "profiel.yaml"
    assert main(["init", str(profile), "--geen-vragen"]) == 0
    out = tmp_path / "bijlage.docx"
    assert (
        main(
            [
                "genereer",
                str(profile),
                "--pdf",
                "--json",
                "--datum",
                "2026-11-01",
                "--kenmerk",
                "INK-9",
                "--uitvoer",
                str(out),
            ]
        )
        == 0
    )
    text = pdf_text(out.with_suffix(".pdf"))
    toc = text[text.index("Inhoudsopgave") :]
    chapter = re.search(r"^\s*2 Overzicht\s*\.{3,}\s*(\d+)\s*$", toc, re.M)
    appendix = re.search(r"^\s*4 Begrippen\s*\.{3,}\s*(\d+)\s*$", toc, re.M)
    assert chapter and appendix, toc[:1500]
    assert 1 < int(chapter.group(1)) < int(appendix.group(1))
    # The docx's own table of contents carries the same pages for clients that do not refresh.
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert re.search(r"<w:t>2 Overzicht</w:t></w:r><w:r><w:tab/><w:t>" + chapter.group(1) + "</w:t>", xml)
    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["releases"]
    # Same input, same bytes, PDF included.
    first = out.with_suffix(".pdf").read_bytes()
    assert (
        main(
            [
                "genereer",
                str(profile),
                "--pdf",
                "--datum",
                "2026-11-01",
                "--geen-matrix",
                "--kenmerk",
                "INK-9",
                "--uitvoer",
                str(out),
                "--force",
            ]
        )
        == 0
    )
    assert out.with_suffix(".pdf").read_bytes() == first
