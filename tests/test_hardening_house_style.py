"""A house style (--sjabloon) that carries more than styles: custom properties, comments, an
attached remote template, document variables, macros, external links, body text and the
author's name. The bijlage goes to every bidder; none of it may reach the documents."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest

from aanbesteding.support.resources import templates_path
from tests.hardening import (  # noqa: F401 (fixtures)
    BASE as HARDENING_BASE,
    Runner,
    module_cache_fixture,
    shared_lint_cache_fixture,
)
from tests.libreoffice import convert, pdf_text

BASE = [*HARDENING_BASE, "--datum", "2026-11-23"]
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SECRETS = ("GEHEIM", "example.invalid", "J. Geheimhouder")


def _add_rels(xml: str, *rels: str) -> str:
    return xml.replace("</Relationships>", "".join(rels) + "</Relationships>")


def hostile_house_style(path: Path, footer_field: str | None = None) -> Path:
    """basis.docx made into a house style by someone careless (or hostile)."""
    document = docx.Document(str(templates_path() / "basis.docx"))
    document.add_paragraph("GEHEIM: interne notitie over het budget van de aanbesteding")
    document.core_properties.author = "J. Geheimhouder"
    document.core_properties.comments = "GEHEIM commentaar in de eigenschappen"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Huisstijl Gemeente Voorbeeld"
    section.footer.paragraphs[0].text = "Postbus 1"
    buffer = io.BytesIO()
    document.save(buffer)
    parts = {}
    with zipfile.ZipFile(buffer) as source:
        for name in source.namelist():
            parts[name] = (
                source.read(name).decode("utf-8") if not name.endswith((".jpeg", ".png", ".bin")) else source.read(name)
            )
    header = next(n for n in parts if n.startswith("word/header"))
    footer = next(n for n in parts if n.startswith("word/footer"))
    parts["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
        'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.'
        'openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-'
        '101B-9397-08002B2CF9AE}" pid="2" name="Budget"><vt:lpwstr>GEHEIM 1,2 miljoen</vt:lpwstr>'
        "</property></Properties>"
    )
    parts["_rels/.rels"] = _add_rels(
        parts["_rels/.rels"],
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>',
    )
    parts["word/comments.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://'
        'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author='
        '"J. Geheimhouder"><w:p><w:r><w:t>GEHEIM: deze eis is onhaalbaar</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    )
    parts["word/vbaProject.bin"] = b"GEHEIM macro"
    parts["word/_rels/document.xml.rels"] = _add_rels(
        parts["word/_rels/document.xml.rels"],
        '<Relationship Id="rIdK" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/comments" Target="comments.xml"/>',
        '<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/>',
    )
    parts["word/settings.xml"] = (
        parts["word/settings.xml"]
        .replace(
            "<w:defaultTabStop", f'<w:attachedTemplate xmlns:r="{R}" r:id="rIdT"/><w:linkStyles/><w:defaultTabStop', 1
        )
        .replace("</w:settings>", '<w:docVars><w:docVar w:name="kosten" w:val="GEHEIM"/></w:docVars></w:settings>')
    )
    parts["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        'Target="http://example.invalid/GEHEIM.dotm" TargetMode="External"/></Relationships>'
    )
    parts[header] = (
        parts[header]
        .replace("<w:r>", '<w:commentRangeStart w:id="0"/><w:r>', 1)
        .replace(
            "</w:p>",
            f'<w:hyperlink xmlns:r="{R}" r:id="rIdL"><w:r><w:t>www.voorbeeld.nl</w:t>'
            '</w:r></w:hyperlink><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/>'
            "</w:r></w:p>",
            1,
        )
    )
    header_rels = f"word/_rels/{header.split('/')[-1]}.rels"
    parts[header_rels] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdL" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target='
        '"http://example.invalid/volg-de-lezer" TargetMode="External"/></Relationships>'
    )
    if footer_field:
        parts[footer] = parts[footer].replace(
            "</w:p>",
            f'<w:fldSimple w:instr="{escape(footer_field, {chr(34): "&quot;"})}">'
            "<w:r><w:t>x</w:t></w:r>"
            "</w:fldSimple></w:p>",
            1,
        )
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(
        "</Properties>", "<Company>GEHEIM bedrijf</Company><Template>GEHEIM.dotm</Template></Properties>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>",
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/word/'
        'comments.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.comments+xml"/><Default Extension="bin" ContentType="application/'
        'vnd.ms-office.vbaProject"/></Types>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def package_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "\n".join(f"{name}\n{package.read(name).decode('utf-8', 'replace')}" for name in package.namelist())


def test_a_house_style_brings_only_styles_layout_headers_and_footers(run: Runner, tmp_path: Path) -> None:
    """Before: custom properties, comments and the remote attachedTemplate reached the
    bijlage that goes to bidders."""
    style = hostile_house_style(tmp_path / "huisstijl.docx")
    assert all(secret in package_text(style) for secret in SECRETS)
    out = tmp_path / "uit"
    out.mkdir()
    code, _, err = run([*BASE, "--sjabloon", str(style), "--uitvoer", str(out / "b.docx")])
    assert code == 0, err
    for name in ("b.docx", "b-verantwoording.docx"):
        text = package_text(out / name)
        for secret in SECRETS:
            assert secret not in text, (name, secret)
        for part in (
            "docProps/custom.xml",
            "word/comments.xml",
            "word/vbaProject.bin",
            "attachedTemplate",
            "docVars",
            'TargetMode="External"',
            "commentReference",
        ):
            assert part not in text, (name, part)
    pdf = convert(out / "b.docx", "pdf", tmp_path / "pdf")
    shown = pdf_text(pdf)
    assert "Pagina" in shown and "GEHEIM" not in shown


@pytest.mark.parametrize(
    "field",
    [
        'INCLUDEPICTURE "http://example.invalid/pixel.png"',
        'INCLUDETEXT "\\\\\\\\server\\\\share\\\\a.docx"',
        "DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe",
    ],
)
def test_a_house_style_with_a_field_that_fetches_content_is_refused(run: Runner, tmp_path: Path, field: str) -> None:
    style = hostile_house_style(tmp_path / "huisstijl.docx", footer_field=field)
    out = tmp_path / "uit"
    out.mkdir()
    code, _, err = run([*BASE, "--sjabloon", str(style), "--uitvoer", str(out / "b.docx")])
    assert code == 1
    assert f"sjabloon {style}: een voettekst bevat het veld {field.split()[0]}" in err
    assert list(out.iterdir()) == []


def test_a_house_style_that_is_a_fifo_is_refused_by_name(run: Runner, tmp_path: Path) -> None:
    style = tmp_path / "huisstijl.docx"
    os.mkfifo(style)
    code, _, err = run([*BASE, "--sjabloon", str(style), "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert f"sjabloon {style} kan niet worden gelezen (dit is een pijp (FIFO)" in err


def test_a_house_style_that_unpacks_to_gigabytes_is_refused(run: Runner, tmp_path: Path) -> None:
    style = tmp_path / "bom.docx"
    with (
        zipfile.ZipFile(templates_path() / "basis.docx") as source,
        zipfile.ZipFile(style, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, source.read(info))
        with target.open("word/media/leeg.bin", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 24)
            for _ in range(16):  # 256 MB of zeros, a few hundred KB packed
                member.write(block)
    code, _, err = run([*BASE, "--sjabloon", str(style), "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 1
    assert f"sjabloon {style} is uitgepakt te groot" in err
