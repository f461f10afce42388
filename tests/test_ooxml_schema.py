"""Every part of every .docx and .xlsx the tool writes is valid ECMA-376 Transitional (jing).

Word refuses or repairs a file with an invalid part; LibreOffice is lenient, so opening the
files in LibreOffice does not prove them valid. The schemas (RELAX NG compact) are in
``data/ooxml``; jing (a Java RELAX NG validator) checks the parts.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from aanbesteding.cli.main import main
from aanbesteding.support.resources import standard_library_path

RNC = Path(__file__).resolve().parent / "data" / "ooxml" / "rnc-transitional"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Part name (prefix match after the folder) -> schema file.
SCHEMAS = (
    ("word/document.xml", "WordprocessingML_Main_Document"),
    ("word/styles.xml", "WordprocessingML_Style_Definitions"),
    ("word/stylesWithEffects.xml", "WordprocessingML_Style_Definitions"),
    ("word/settings.xml", "WordprocessingML_Document_Settings"),
    ("word/numbering.xml", "WordprocessingML_Numbering_Definitions"),
    ("word/header", "WordprocessingML_Header"),
    ("word/footer", "WordprocessingML_Footer"),
    ("word/fontTable.xml", "WordprocessingML_Font_Table"),
    ("word/webSettings.xml", "WordprocessingML_Web_Settings"),
    ("word/comments.xml", "WordprocessingML_Comments"),
    ("word/theme/", "DrawingML_Theme"),
    ("xl/workbook.xml", "SpreadsheetML_Workbook"),
    ("xl/styles.xml", "SpreadsheetML_Styles"),
    ("xl/worksheets/", "SpreadsheetML_Worksheet"),
    ("xl/sharedStrings.xml", "SpreadsheetML_Shared_String_Table"),
    ("xl/charts/", "DrawingML_Chart"),
    ("xl/drawings/", "SpreadsheetML_Drawing"),
    ("xl/theme/", "DrawingML_Theme"),
    ("xl/comments", "SpreadsheetML_Comments"),
    ("xl/tables/", "SpreadsheetML_Table_Definitions"),
    ("xl/calcChain.xml", "SpreadsheetML_Calculation_Chain"),
    ("docProps/app.xml", "Shared_Extended_File_Properties"),
    ("docProps/custom.xml", "Shared_Custom_File_Properties"),
)
PACKAGE_PARTS = ("[Content_Types].xml", "docProps/core.xml")


def jing() -> str:
    found = shutil.which("jing")
    if found is None:
        if os.environ.get("AANBESTEDING_REQUIRE_LIBREOFFICE"):
            pytest.fail("jing ontbreekt, maar CI vereist de schemacontrole (apt-get install jing)")
        pytest.skip("jing is niet geïnstalleerd")
    return found


def schema_for(part: str) -> str | None:
    return next((schema for prefix, schema in SCHEMAS if part.startswith(prefix)), None)


def without_ignorable(data: bytes) -> bytes:
    """The part without the namespaces it declares ignorable (markup compatibility), as Word
    reads it."""
    root = etree.fromstring(data)
    prefixes = (root.get(f"{{{MC}}}Ignorable") or "").split()
    ignored = {root.nsmap[p] for p in prefixes if p in root.nsmap}
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace in ignored:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in list(element.attrib):
            if name.startswith("{") and name[1:].split("}")[0] in ignored | {MC}:
                del element.attrib[name]
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def unpack(files: list[Path], into: Path) -> dict[str, list[Path]]:
    """Every XML part of ``files`` written under ``into``, grouped by schema.

    Fails for a part no schema covers, so a new kind of part cannot slip by unchecked.
    """
    groups: dict[str, list[Path]] = defaultdict(list)
    for number, file in enumerate(files):
        with zipfile.ZipFile(file) as package:
            for name in package.namelist():
                if not name.endswith((".xml", ".rels")):
                    continue
                data = package.read(name)
                etree.parse(io.BytesIO(data))  # every part is well-formed XML
                if name.endswith(".rels") or name in PACKAGE_PARTS:
                    continue
                schema = schema_for(name)
                assert schema is not None, f"{file.name}: geen schema voor onderdeel {name}"
                target = into / f"{number}-{file.stem}" / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(without_ignorable(data))
                groups[schema].append(target)
    return groups


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The .docx and .xlsx files of genereer (two tiers), review and verschil."""
    out = tmp_path_factory.mktemp("ooxml")
    files: list[Path] = []
    for laag, contracttype in (("1", "iaas"), ("3", "licentie")):
        target = out / f"laag{laag}.docx"
        assert (
            main(
                [
                    "genereer",
                    "--laag",
                    laag,
                    "--contracttype",
                    contracttype,
                    "--organisatie",
                    "Gemeente Voorbeeld",
                    "--kenmerk",
                    f"INK-{laag}",
                    "--datum",
                    "2026-12-07",
                    "--uitvoer",
                    str(target),
                ]
            )
            == 0
        )
        files += sorted(out.glob(f"laag{laag}*.docx")) + sorted(out.glob(f"laag{laag}*.xlsx"))
    review = out / "review.docx"
    assert main(["bibliotheek", "review", "--datum", "2026-12-07", "--uitvoer", str(review)]) == 0
    standard = standard_library_path()
    changed = out / "gewijzigd"
    shutil.copytree(standard, changed)
    clause = changed / "techniek" / "open-source.yaml"  # reworded, as legal would
    text = clause.read_text("utf-8")
    assert "waardeert het als de Dienst bestaat uit" in text
    clause.write_text(
        text.replace("waardeert het als de Dienst bestaat uit", "geeft de voorkeur aan een Dienst die bestaat uit", 1),
        "utf-8",
    )
    (changed / "continuiteit" / "datacentra-spreiding.yaml").unlink()
    redline = out / "verschil.docx"
    assert (
        main(
            ["bibliotheek", "verschil", str(standard), str(changed), "--datum", "2026-12-07", "--uitvoer", str(redline)]
        )
        == 0
    )
    files += [review, redline]
    return files


def test_the_files_cover_every_document_the_tool_writes(written: list[Path]) -> None:
    names = [f.name for f in written]
    assert {
        "laag1.docx",
        "laag1.xlsx",
        "laag1-verantwoording.docx",
        "laag3.docx",
        "review.docx",
        "verschil.docx",
    } <= set(names)


def test_every_part_of_every_docx_and_xlsx_is_valid_ecma_376_transitional(written: list[Path], tmp_path: Path) -> None:
    tool = jing()
    groups = unpack(written, tmp_path)
    assert {
        "WordprocessingML_Main_Document",
        "WordprocessingML_Document_Settings",
        "SpreadsheetML_Worksheet",
        "DrawingML_Chart",
    } <= set(groups)
    errors = []
    for schema, parts in sorted(groups.items()):
        done = subprocess.run(
            [tool, "-c", str(RNC / f"{schema}.rnc"), *map(str, parts)],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        lines = [
            line for line in (done.stdout + done.stderr).splitlines() if "error" in line and "[warning]" not in line
        ]
        if done.returncode != 0:
            errors += lines or [f"{schema}: jing exit {done.returncode}: {done.stderr[-300:]}"]
    assert not errors, "\n".join(errors[:20])


def test_the_settings_zoom_carries_the_required_percent(written: list[Path]) -> None:
    for file in written:
        if file.suffix == ".docx":
            settings = zipfile.ZipFile(file).read("word/settings.xml").decode()
            assert 'w:percent="100"' in settings, file.name
