"""Errors name the field (a path in the tender model), not a command-line flag; each front end
shows the field its own way: the CLI as its option, batch as the profile key."""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest
import yaml

from aanbesteding.api import build
from aanbesteding.errors import InputError, OutputError, PolicyError, Ref
from aanbesteding.library.loader import load_library
from aanbesteding.tender.model import build_tender
from tests.conftest import Runner

SRC = Path(__file__).resolve().parent.parent / "src" / "aanbesteding"
FLAG = re.compile(r"(?<![\w-])--[a-z]")


def _raised_texts(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                    found.append((inner.lineno, inner.value))
    return found


def _without_commands(text: str) -> str:
    """A quoted example command ('aanbesteding bibliotheek … --door NAAM') is a command to
    type, not a field; the fields of the failing input are named through ``Ref``."""
    return re.sub(r"'aanbesteding [^']*'?", "", text)


def test_no_flag_name_in_a_message_raised_below_the_cli() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {text}"
        for path in sorted(SRC.rglob("*.py"))
        if "cli" not in path.relative_to(SRC).parts
        for line, text in _raised_texts(path)
        if FLAG.search(_without_commands(text))
    ]
    assert found == []


def test_the_core_names_the_field() -> None:
    tender = build_tender(
        {"laag": 3, "contracttype": "saas", "verhouding": {"kwaliteit": 40, "soevereiniteit": 40, "prijs": 20}}
    )
    with pytest.raises(PolicyError) as caught:
        build(tender, load_library(), ("docx",))
    assert caught.value.field == "verhouding"
    assert str(caught.value).startswith("verhouding: een aandeel soevereiniteit van 40%")
    assert "--" not in str(caught.value)


def test_an_error_keeps_its_field_and_references_through_pickling() -> None:
    error = InputError(["noemt ook ", Ref("uitsluiten")], field="met", subject="exitplan")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.field, copy.subject) == ("met", "exitplan")
    assert copy.located(lambda f: f"<{f}>") == "<met> exitplan: noemt ook <uitsluiten>"
    assert str(OutputError("x")) == "x"


def test_the_cli_shows_the_option(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        [
            "genereer",
            "--laag",
            "3",
            "--contracttype",
            "saas",
            "--verhouding",
            "kwaliteit=40,soevereiniteit=40,prijs=20",
            "--uitvoer",
            str(tmp_path / "b.docx"),
        ]
    )
    assert code == 1
    assert "Fout: --verhouding: een aandeel soevereiniteit van 40%" in err
    code, _, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--met",
            "exitplan",
            "--uitvoer",
            str(tmp_path / "c.docx"),
        ]
    )
    assert code == 1 and "Fout: --met exitplan: de clausule hoort al bij laag 2" in err
    assert "; --met is voor clausules" in err


def test_batch_shows_the_profile_key(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        yaml.safe_dump(
            {"laag": 3, "contracttype": "saas", "verhouding": {"kwaliteit": 40, "soevereiniteit": 40, "prijs": 20}}
        ),
        encoding="utf-8",
    )
    code, out, err = run(["batch", str(profile), "--uitvoer", str(tmp_path / "uit"), "--processen", "1"])
    assert code == 1
    assert "verhouding: een aandeel soevereiniteit van 40%" in out + err
    assert "--verhouding" not in out + err


def test_input_errors_name_their_field() -> None:
    from aanbesteding.tender.profile import tender_from_options

    with pytest.raises(InputError) as caught:
        tender_from_options(None, {"laag": ("2",), "contracttype": ("saas",), "parameters": ("x",)})
    assert (caught.value.field, caught.value.subject) == ("parameters", "'x'")
    assert caught.value.located(lambda f: "--param") == "--param 'x': gebruik de vorm NAAM=WAARDE"


def test_every_tender_field_has_a_typed_input_spec_in_its_schema() -> None:
    from aanbesteding.tender.model import Input, Tender, field_input

    assert all(isinstance(field_input(name), Input) for name in Tender.model_fields)
    assert field_input("parameters").flag == "--param"
    schema = Tender.model_json_schema()["properties"]
    assert schema["parameters"]["x-invoer"]["vorm"] == "toewijzingen"
    assert schema["laag"]["x-invoer"]["keuzes"][:3] == ["1", "2", "3"]


def test_a_validation_error_names_the_field_for_each_front_end() -> None:
    with pytest.raises(InputError) as caught:
        build_tender({"laag": 2, "contracttype": "saas", "schaal": [0, 5, 200]})
    assert "schaal (waarde 3): mag hoogstens 100 zijn" in str(caught.value)
    assert "--schaal (waarde 3)" in caught.value.located(lambda f: f"--{f}")
