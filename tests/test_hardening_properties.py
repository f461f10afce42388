"""Property tests: random valid tenders give documents that open, agree and repeat byte for byte;
random text in every text field gives a clear error or a document that opens.
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from aanbesteding.compose.annex import Annex
from aanbesteding.compose.composer import compose_annex
from aanbesteding.domain import CONTRACT_TYPES
from aanbesteding.errors import InputError
from aanbesteding.library.loader import Library, load_library
from aanbesteding.tender.model import build_tender
from aanbesteding.tender.profile import tender_from_options
from aanbesteding.writers.docx.annex import annex_bytes
from aanbesteding.writers.xlsx.grid import grid_bytes
from tests.libreoffice import convert, pdf_text

SETTINGS = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NUMBER = re.compile(r"^([EBW]-\d+) ")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def documents(annex: Annex) -> tuple[bytes, bytes]:
    return annex_bytes(annex), grid_bytes(annex)


def numbers_in_docx(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [
        m.group(1)
        for p in document.paragraphs
        if p.style is not None and p.style.name == "Heading 2" and (m := NUMBER.match(p.text))
    ]


def numbers_in_xlsx(data: bytes) -> list[str]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return [
        str(c.value)
        for name in ("Eisen", "Wensen", "Soevereiniteit")
        for c in workbook[name]["A"][1:]
        if isinstance(c.value, str) and NUMBER.match(c.value + " ")
    ]


plain = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]), min_size=1, max_size=40).filter(
    lambda s: s.strip() != ""
)


@st.composite
def tenders(draw: st.DrawFn) -> dict[str, Any]:
    contract_type = draw(st.sampled_from(CONTRACT_TYPES))
    quality = draw(st.integers(0, 100))
    # Valid shares: within the lowest tier maximum of beleid.yaml (15%), and none where the
    # annex has no Sovereignty Score (licentie); or no shares at all (the tier's default).
    sovereignty = 0 if contract_type == "licentie" else draw(st.integers(0, min(15, 100 - quality)))
    shares = draw(
        st.sampled_from(
            [None, {"kwaliteit": quality, "soevereiniteit": sovereignty, "prijs": 100 - quality - sovereignty}]
        )
    )
    return {
        "laag": draw(st.sampled_from(["1", "2", "3", "kritiek", "gevoelig", "ondersteunend"])),
        "contracttype": contract_type,
        "organisatie": draw(plain),
        "opdracht": draw(st.none() | plain),
        "kenmerk": draw(st.none() | plain),
        "inschrijvers": draw(st.lists(plain.map(str.strip), min_size=1, max_size=5, unique=True)),
        "schaal": sorted(draw(st.sets(st.integers(0, 100), min_size=2, max_size=8))),
        **({"verhouding": shares} if shares is not None else {}),
        "prijsmethode": draw(st.sampled_from(["gewogen-factor", "gunnen-op-waarde"])),
        "weging": draw(st.sampled_from(["eu-csf-2025", "eu-csf-2026"])),
        "datum": "2026-11-23",
    }


@settings(SETTINGS, max_examples=5)
@given(values=tenders())
def test_a_random_valid_profile_gives_documents_that_open_agree_and_repeat(
    library: Library, values: dict[str, Any]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profiel.yaml"
        profile.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
        tender = tender_from_options(profile, {})
    annex = compose_annex(library, tender)
    word, grid = documents(annex)
    expected = [r.number for r in annex.requirements]
    assert numbers_in_docx(word) == expected
    assert sorted(numbers_in_xlsx(grid)) == sorted(expected)
    assert documents(compose_annex(library, build_tender(values))) == (word, grid)


hostile = st.text(
    st.sampled_from(
        [
            *"aZ09 é€–’",
            "\x0b",
            "\x1f",
            "\x00",
            "\u200f",
            "\u202e",
            "\u2066",
            "\ufeff",
            "\ufffe",
            "\t",
            "\n",
            "=",
            "+",
            "-",
            "@",
            "|",
            "<",
            "&",
            "{",
            "}",
            "%",
            "'",
            '"',
        ]
    ),
    max_size=30,
) | st.sampled_from(
    [
        "=1+2",
        '=HYPERLINK("http://x")',
        "+cmd|' /C calc'!A0",
        "@SUM(A1)",
        "-2+3",
        "\u202egnirts",
        "{{ 7*7 }}",
        "<w:p/>",
        "&amp;",
    ]
)
TEXT_FIELDS = ["organisatie", "opdracht", "kenmerk", "systeem", "versie"]


@SETTINGS
@given(field=st.sampled_from([*TEXT_FIELDS, "inschrijvers", "uitsluiten", "parameters"]), text=hostile)
def test_random_text_in_a_text_field_gives_a_clear_error_or_a_document_that_opens(
    library: Library, field: str, text: str
) -> None:
    values: dict[str, Any] = {"laag": "2", "contracttype": "saas", "datum": "2026-11-23"}
    values[field] = (
        [text]
        if field == "inschrijvers"
        else {"open-api": text}
        if field == "uitsluiten"
        else {"bevoegde_rechter": text}
        if field == "parameters"
        else text
    )
    try:
        annex = compose_annex(library, build_tender(values))
    except InputError as exc:
        message = str(exc)
        named = {"inschrijvers": "inschrijvers", "uitsluiten": "open-api", "parameters": "bevoegde_rechter"}.get(
            field, field
        )
        assert named in message and (field != "uitsluiten" or "uitsluiten" in message), message
        assert len(message) < 600
        return
    word, grid = documents(annex)
    docx.Document(io.BytesIO(word))
    workbook = openpyxl.load_workbook(io.BytesIO(grid))
    formulas_before = sum(c.data_type == "f" for ws in workbook for row in ws.iter_rows() for c in row)
    baseline = openpyxl.load_workbook(
        io.BytesIO(
            grid_bytes(
                compose_annex(
                    library,
                    build_tender(
                        {
                            "laag": "2",
                            "contracttype": "saas",
                            "datum": "2026-11-23",
                            **({"inschrijvers": ["x"]} if field == "inschrijvers" else {}),
                        }
                    ),
                )
            )
        )
    )
    # Text that looks like a formula stays text: the grid has no formula more than without it.
    assert formulas_before == sum(c.data_type == "f" for ws in baseline for row in ws.iter_rows() for c in row)


@pytest.mark.libreoffice
def test_libreoffice_opens_documents_with_hostile_looking_text(library: Library, tmp_path: Path) -> None:
    values = {
        "laag": "1",
        "contracttype": "saas",
        "datum": "2026-11-23",
        "organisatie": "Gemeente ‏עִיר‏ Zoë – =1+2",
        "opdracht": "\u200fSTRING @SUM(A1)",
        "kenmerk": "+cmd|' /C calc'!A0",
        "inschrijvers": ['=HYPERLINK("http://x")', "Inschrijver – €"],
        "parameters": {"bevoegde_rechter": "Rechtbank {{ 7*7 }} <w:p/> &amp;"},
    }
    annex = compose_annex(library, build_tender(values))
    word, grid = documents(annex)
    (tmp_path / "b.docx").write_bytes(word)
    (tmp_path / "b.xlsx").write_bytes(grid)
    text = pdf_text(convert(tmp_path / "b.docx", "pdf", tmp_path / "pdf"))
    assert "Zoë – =1+2" in text
    assert "Rechtbank {{ 7*7 }} <w:p/> &amp;" in " ".join(text.split())
    sheet = pdf_text(convert(tmp_path / "b.xlsx", "pdf", tmp_path / "pdf"))
    assert "=HYPERLINK" in sheet or "HYPERLINK" in sheet
