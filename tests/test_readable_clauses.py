"""Review and redline documents show clause templates as legal text, never as template code."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest

from aanbesteding.library.model import Parameter
from aanbesteding.reports.readable import plain, readable
from aanbesteding.support.resources import standard_library_path
from tests.conftest import Runner

TEMPLATE_CODE = re.compile(r"\{%|%\}|\{\{|\}\}")


def _all_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_conditions_become_labels_and_values_placeholders() -> None:
    days = Parameter.model_validate(
        {
            "type": "geheel-getal",
            "standaard": 30,
            "minimum": 14,
            "maximum": 90,
            "eenheid": "dagen",
            "omschrijving": "Termijn",
        }
    )
    source = (
        "De Opdrachtnemer meldt binnen {{ dagen }} Dagen. {% if laag == 1 %}Strenger."
        "{% elif contracttype in ['saas', 'paas'] %}Cloud.{% else %}Anders.{% endif %}\n\n"
        "{% if contracttype != 'licentie' %}\nEen alinea.\n\nNog een alinea.\n{% endif %}\n"
        "Zie {{ 'exitplan' | verwijzing }}."
    )
    text = plain(readable(source, {"dagen": days}, {"exitplan": "Exitplan, actueel gehouden"}))
    assert not TEMPLATE_CODE.search(text)
    assert "binnen [dagen: 30 dagen (14 t/m 90)] Dagen" in text
    assert "[Alleen in laag 1 (kritiek): Strenger.]" in text
    assert "[Alleen bij SaaS of PaaS: Cloud.]" in text
    assert "[Anders dan in laag 1 (kritiek) of bij SaaS of PaaS: Anders.]" in text
    assert "Niet bij licentie: Een alinea.\n\nNiet bij licentie: Nog een alinea." in text
    assert "Zie [verwijzing naar ‘Exitplan, actueel gehouden’]." in text


def test_a_text_that_cannot_be_parsed_keeps_its_words_without_template_marks() -> None:
    text = readable("Tekst {{ kapot", {}, {})
    assert "Tekst" in text and not TEMPLATE_CODE.search(text)


def test_the_review_document_has_no_template_code(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "review.docx"
    code, _, err = run(["bibliotheek", "review", "--uitvoer", str(out)])
    assert code == 0, err
    text = _all_text(out)
    assert not TEMPLATE_CODE.search(text), TEMPLATE_CODE.findall(text)[:5]
    assert "[Alleen bij licentie:" in text
    assert "[verwijzing naar ‘Toegang van de Opdrachtnemer tot Gegevens alleen na goedkeuring" in text
    assert "[exitplan_maanden: " in text


def test_the_redline_shows_conditions_and_parameters_as_legal_text(run: Runner, tmp_path: Path) -> None:
    old = tmp_path / "oud"
    shutil.copytree(standard_library_path(), old)
    new = tmp_path / "nieuw"
    shutil.copytree(standard_library_path(), new)
    clause = new / "continuiteit" / "export-open-formaten.yaml"
    text = clause.read_text(encoding="utf-8")
    assert "{% if contracttype == 'licentie' %}" in text
    clause.write_text(
        text.replace(
            "De Opdrachtnemer levert in de programmatuur", "De Opdrachtnemer levert altijd in de programmatuur", 1
        ),
        encoding="utf-8",
    )
    out = tmp_path / "w.docx"
    code, stdout, err = run(["bibliotheek", "verschil", str(old), str(new), "--uitvoer", str(out)])
    assert code == 0, err
    assert "export-open-formaten" in stdout
    body = _all_text(out)
    assert not TEMPLATE_CODE.search(body), TEMPLATE_CODE.findall(body)[:5]
    assert "Alleen bij licentie:" in body and "[export_uren: " in body
    inserted = [r.text for p in docx.Document(str(out)).paragraphs for r in p.runs if r.font.underline]
    assert any("altijd" in t for t in inserted)


@pytest.mark.parametrize("filter_name", ["verwijzing", "bedrag", "getal", "procent"])
def test_every_filter_the_library_uses_is_documented(filter_name: str) -> None:
    readme = (standard_library_path() / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\|\s*{filter_name}\s*\}}\}}", readme), filter_name
