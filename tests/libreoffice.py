"""Helpers that open generated files in a real client: LibreOffice, headless."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# Always recalculate OOXML and ODF formulas on load, so cached values never hide a formula.
_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


# Where the installers put LibreOffice when it is not on PATH (Windows, macOS).
_DEFAULT_LOCATIONS = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice" / "program" / "soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "LibreOffice" / "program" / "soffice.exe",
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)


def soffice() -> str:
    """Path of the LibreOffice binary, or skip the test when it is not installed."""
    found = (
        shutil.which("soffice")
        or shutil.which("libreoffice")
        or next((str(path) for path in _DEFAULT_LOCATIONS if path.is_file()), None)
    )
    if found is None:
        if os.environ.get("AANBESTEDING_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) ontbreekt, maar CI vereist de echte client")
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    return found


def convert(source: Path, target_format: str, outdir: Path) -> Path:
    """Convert ``source`` with LibreOffice headless; return the converted file.

    ``target_format`` is a LibreOffice filter spec such as ``pdf`` or ``xlsx:Calc MS Excel 2007 XML``
    (one argument, no shell quotes).
    """
    profile = outdir / ".lo-profile"
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    outdir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    extension = target_format.split(":")[0]
    converted = outdir / f"{source.stem}.{extension}"
    if result.returncode != 0 or not converted.exists():
        raise AssertionError(f"LibreOffice-conversie mislukt: {result.stdout}\n{result.stderr}")
    return converted


def pdf_text(pdf: Path) -> str:
    """Text of a PDF with pdftotext (poppler), layout kept."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is niet geïnstalleerd")
    result = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    return result.stdout
