"""Hostile input: control characters, alias bombs, odd numbers, Jinja globals, broken files.

Every case runs the real entry point and checks the message, the exit code and that no file
was written.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import docx
import pytest

from aanbesteding.errors import LibraryError, TemplateError
from aanbesteding.library.loader import load_library
from aanbesteding.render import MAX_ITERATIONS, render
from aanbesteding.support.resources import templates_path
from tests.conftest import LibraryFactory, clause_data
from tests.hardening import (  # noqa: F401 (fixtures)
    BASE,
    Runner,
    module_cache_fixture,
    refused,
    shared_lint_cache_fixture,
)

# 1. Control characters -------------------------------------------------------------------


@pytest.mark.parametrize(
    "option", ["--organisatie", "--opdracht", "--kenmerk", "--systeem", "--versie", "--inschrijver"]
)
@pytest.mark.parametrize("char", ["\x0b", "\x1f", "\x00", "\ufffe"])
def test_a_control_character_in_a_text_option_is_refused_naming_the_option(
    run: Runner, tmp_path: Path, option: str, char: str
) -> None:
    out = tmp_path / "b.docx"
    refused(
        run,
        [*BASE, option, f"Gem{char}eente", "--uitvoer", str(out)],
        tmp_path,
        f"{option}",
        "stuurteken",
        f"U+{ord(char):04X} op positie 4",
    )


def test_a_control_character_in_a_parameter_and_a_reason_is_refused(run: Runner, tmp_path: Path) -> None:
    out = str(tmp_path / "b.docx")
    refused(
        run,
        [*BASE, "--uitsluiten", "open-api=Niet\x0bnodig", "--uitvoer", out],
        tmp_path,
        "--uitsluiten open-api",
        "stuurteken",
    )


def test_a_control_character_in_a_profile_is_refused_naming_the_file(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    profile.write_text('laag: 2\ncontracttype: saas\norganisatie: "Gemeente\\x1fX"\n', encoding="utf-8")
    refused(
        run,
        ["genereer", "--profiel", str(profile), "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        f"{profile}: organisatie: de tekst bevat een stuurteken (U+001F",
    )


def test_controleer_reports_a_control_character_in_a_clause_title(run: Runner, make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data(titel="Voorbeeld\vclausule")})
    code, _, err = run(["bibliotheek", "controleer", str(root)])
    assert code == 1
    assert "keten/voorbeeld-clausule.yaml:2: titel: bevat een stuurteken (U+000B op positie 10)" in err


def test_a_clause_text_that_renders_a_control_character_is_rejected_by_the_lint(make_library: LibraryFactory) -> None:
    root = make_library(
        {
            "keten/voorbeeld-clausule.yaml": clause_data(
                tekst='De Opdrachtnemer{{ "\\x0b" }} meldt {{ termijn_dagen }} dagen vooraf.'
            )
        }
    )
    with pytest.raises(LibraryError) as info:
        load_library(root)
    assert any("tekst: de verwerkte tekst bevat een stuurteken" in str(p) for p in info.value.problems)
    assert not any("tekst: tekst:" in str(p) for p in info.value.problems)


# 2 and 6. Rendering budget and globals ----------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('{{ "x" | center(2000000000) }}', "filter 'center'"),
        ('{{ "x" * 2000000000 }}', "te veel werk"),
        ('{{ "ab" ~ "%999999999d" % 1 }}', "te veel werk"),
        ("{{ 9 ** 999999 }}", "te veel werk"),
        (
            "{% for a in '"
            + "x" * 300
            + "' %}{% for b in '"
            + "x" * 300
            + "' %}{% for c in '"
            + "x" * 300
            + "' %}{% endfor %}{% endfor %}{% endfor %}",
            f"{MAX_ITERATIONS:,}".replace(",", "."),
        ),
        (
            "{% for a in '" + "x" * 400 + "' %}{% for b in '" + "x" * 400 + "' %}ab{% endfor %}{% endfor %}",
            "te veel werk",
        ),
    ],
)
def test_a_template_that_would_hang_or_fill_memory_stops_quickly(source: str, message: str) -> None:
    start = time.perf_counter()
    with pytest.raises(TemplateError, match=message):
        render(source, {})
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("name", ["lipsum", "range", "self", "cycler", "joiner", "namespace", "dict", "loop"])
def test_no_jinja_global_is_available_in_a_clause_text(name: str) -> None:
    with pytest.raises(TemplateError) as info:
        render(f"Tekst {{{{ {name} }}}}", {})
    assert "0x" not in str(info.value)


@pytest.mark.parametrize(
    "text",
    ["{{ lipsum }}", "{{ self }}", "{{ termijn_dagen | center(80) }}", "{% for x in 'abc' %}{{ loop }}{% endfor %}"],
)
def test_the_lint_rejects_globals_and_undocumented_filters(make_library: LibraryFactory, text: str) -> None:
    root = make_library(
        {
            "keten/voorbeeld-clausule.yaml": clause_data(
                tekst=f"De Opdrachtnemer meldt {{{{ termijn_dagen }}}} dagen vooraf. {text}"
            )
        }
    )
    with pytest.raises(LibraryError) as info:
        load_library(root)
    assert any(p.field == "tekst" for p in info.value.problems), info.value.problems


def test_the_documented_names_and_filters_still_render() -> None:
    text = render(
        "{{ organisatie }}: {{ b | bedrag }}, {{ g | getal }}, {{ p | procent }} "
        "{% if laag == 1 %}streng{% else %}gewoon{% endif %} {{ 'ab' * 2 }}",
        {"organisatie": "Gemeente X", "b": 1250, "g": 2.5, "p": 15, "laag": 2},
    )
    assert text == "Gemeente X: €\u00a01.250,00, 2,5, 15% gewoon abab"


# 3. Alias bombs ----------------------------------------------------------------------------


def alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_in_a_profile_is_refused_at_once(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    profile.write_text("laag: 2\ncontracttype: saas\n" + alias_bomb(10), encoding="utf-8")
    assert profile.stat().st_size < 1024
    start = time.perf_counter()
    refused(
        run,
        ["genereer", "--profiel", str(profile), "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        f"{profile}:3: ongeldige YAML: ankers en verwijzingen",
    )
    assert time.perf_counter() - start < 2.0


def test_an_alias_bomb_in_a_clause_file_is_reported_at_once(make_library: LibraryFactory) -> None:
    root = make_library({"keten/bom.yaml": "id: bom\n" + alias_bomb(9)})
    start = time.perf_counter()
    with pytest.raises(LibraryError) as info:
        load_library(root)
    assert time.perf_counter() - start < 2.0
    assert any(p.file == "keten/bom.yaml" and "ankers en verwijzingen" in p.message for p in info.value.problems)


# 4. Numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("nan", "'nan' is geen getal"),
        ("inf", "'inf' is geen getal"),
        ("-Infinity", "geen getal"),
        ("1e308", "'1e308' is geen getal"),
        ("9" * 5000, "is geen getal"),
        ("１００", "is geen getal"),
        ("1_00", "'1_00' is geen getal"),
        ("1" * 16, "is geen getal"),
    ],
)
def test_an_odd_number_for_a_decimal_parameter_is_refused(
    run: Runner, tmp_path: Path, value: str, message: str
) -> None:
    err = refused(
        run,
        [*BASE, "--param", f"boete_per_dag={value}", "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        "parameter 'boete_per_dag'",
        message,
    )
    assert len(err) < 400  # a long value is not echoed back in full


@pytest.mark.parametrize("value", ["３０", "3_0", "30.0", "true"])
def test_an_odd_number_for_a_whole_parameter_is_refused(run: Runner, tmp_path: Path, value: str) -> None:
    refused(
        run,
        [*BASE, "--param", f"verwijdertermijn_dagen={value}", "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        "is geen geheel getal",
    )


@pytest.mark.parametrize(
    ("yaml_value", "message"),
    [(".nan", "nan is geen getal"), ("true", "true is geen getal"), ("1.0e+308", "is te groot")],
)
def test_an_odd_number_in_a_profile_is_refused(run: Runner, tmp_path: Path, yaml_value: str, message: str) -> None:
    profile = tmp_path / "profiel.yaml"
    profile.write_text(f"laag: 2\ncontracttype: saas\nparameters:\n  boete_per_dag: {yaml_value}\n", encoding="utf-8")
    refused(run, ["genereer", "--profiel", str(profile), "--uitvoer", str(tmp_path / "b.docx")], tmp_path, message)


def test_a_decimal_comma_still_works(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        [*BASE, "--param", "boete_per_dag=750,50", "--geen-matrix", "--uitvoer", str(tmp_path / "b.docx")]
    )
    assert code == 0, err
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs)
    assert "€\u00a0750,50" in text and "NaN" not in text


@pytest.mark.parametrize("value", ["3_0", "３０", "true"])
def test_the_scale_takes_plain_digits_only(run: Runner, tmp_path: Path, value: str) -> None:
    refused(
        run,
        [*BASE, "--schaal", f"0,{value},40", "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        "--schaal (waarde 2)",
        "is geen geheel getal",
    )


@pytest.mark.parametrize(
    ("standaard", "message"),
    [
        (".nan", "geen bruikbaar getal"),
        ("1" * 5000, "het getal heeft te veel cijfers"),
        ("[1, 2]", "termijn_dagen.standaard: moet"),
    ],
)
def test_a_library_with_an_odd_default_is_reported(make_library: LibraryFactory, standaard: str, message: str) -> None:
    data = clause_data()
    data["parameters"]["termijn_dagen"]["type"] = "decimaal"
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).replace("standaard: 30", f"standaard: {standaard}")
    root = make_library({"keten/voorbeeld-clausule.yaml": text})
    with pytest.raises(LibraryError) as info:
        load_library(root)
    assert any(message in str(p) for p in info.value.problems), info.value.problems


# 5. Duplicate keys in a profile ------------------------------------------------------------


def test_a_profile_with_a_duplicate_key_is_refused(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    profile.write_text("laag: 2\ncontracttype: saas\nlaag: 3\n", encoding="utf-8")
    refused(
        run,
        ["genereer", "--profiel", str(profile), "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        f"{profile}:3: laag: dubbele sleutel",
    )


# 8. Internal errors that are now messages ---------------------------------------------------


@pytest.mark.parametrize(
    ("datum", "message"),
    [
        (
            "2108-01-01",
            "--datum: 2108-01-01 ligt buiten het toegestane bereik; de datum moet tussen "
            "2000-01-01 en 2099-12-31 liggen",
        ),
        ("1979-12-31", "ligt buiten het toegestane bereik"),
        ("2026-02-30", "--datum: '2026-02-30' is geen geldige datum"),
    ],
)
def test_an_impossible_date_option_is_refused(run: Runner, tmp_path: Path, datum: str, message: str) -> None:
    refused(run, [*BASE, "--datum", datum, "--uitvoer", str(tmp_path / "b.docx")], tmp_path, message)


def test_an_impossible_date_in_a_profile_names_the_line(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "profiel.yaml"
    profile.write_text("laag: 2\ncontracttype: saas\ndatum: 2026-02-30\n", encoding="utf-8")
    refused(
        run,
        ["genereer", "--profiel", str(profile), "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        f"{profile}:3:",
        "'2026-02-30' is geen bestaande datum",
    )


def test_a_house_style_with_broken_xml_is_refused_naming_it(run: Runner, tmp_path: Path) -> None:
    broken = tmp_path / "huisstijl.docx"
    with zipfile.ZipFile(templates_path() / "basis.docx") as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, data[:-20] if info.filename == "word/styles.xml" else data)
    out = tmp_path / "uit"
    out.mkdir()
    refused(
        run,
        [*BASE, "--sjabloon", str(broken), "--uitvoer", str(out / "b.docx")],
        out,
        f"sjabloon {broken} is beschadigd",
    )


def test_an_unwritable_output_folder_gives_a_dutch_message(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    refused(
        run,
        [*BASE, "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        f"kan niet worden geschreven in {tmp_path}: geen schrijfrechten",
    )


@pytest.mark.parametrize("char", ["\u202e", "\u202d", "\u2066", "\u2067"])
def test_a_bidirectional_override_is_refused_because_the_text_would_read_differently(
    run: Runner, tmp_path: Path, char: str
) -> None:
    refused(
        run,
        [*BASE, "--opdracht", f"Levering {char}321 dagen", "--uitvoer", str(tmp_path / "b.docx")],
        tmp_path,
        "--opdracht: de tekst bevat een onzichtbaar teken dat de leesrichting omkeert "
        f"(U+{ord(char):04X} op positie 10)",
    )


def test_a_right_to_left_name_with_direction_marks_is_accepted(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        [*BASE, "--organisatie", "Gemeente \u200fעִיר\u200f", "--geen-matrix", "--uitvoer", str(tmp_path / "b.docx")]
    )
    assert code == 0, err


def test_controleer_reports_a_control_character_in_a_definition(run: Runner, standard_copy: Path) -> None:
    definitions = standard_copy / "begrippen.yaml"
    lines = definitions.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if "definitie:" in line)
    lines[number] = '    definitie: "De overheidsorganisatie\\vdie aanbesteedt."'
    definitions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(["bibliotheek", "controleer", str(standard_copy)])
    assert code == 1
    assert f"begrippen.yaml:{number + 1}: begrippen[0].definitie: bevat een stuurteken (U+000B" in err


def test_the_lint_rejects_a_clause_text_over_the_rendering_budget(make_library: LibraryFactory) -> None:
    loops = "".join(f"{{% for x{i} in '{'x' * 100}' %}}" for i in range(3)) + "{% endfor %}" * 3
    root = make_library(
        {
            "keten/voorbeeld-clausule.yaml": clause_data(
                tekst=f"De Opdrachtnemer meldt {{{{ termijn_dagen }}}} dagen vooraf.{loops}"
            )
        }
    )
    start = time.perf_counter()
    with pytest.raises(LibraryError) as info:
        load_library(root)
    assert time.perf_counter() - start < 5
    assert any(
        p.field == "tekst" and "de tekst vraagt te veel werk of tekst (meer dan 10.000 herhalingen)" in p.message
        for p in info.value.problems
    ), info.value.problems


LONG = "'x' * 100000"


@pytest.mark.parametrize(
    "source",
    [
        "{% for a in [" + LONG + "] %}{% for b in [a ~ a] %}{% for c in [b ~ b] %}{{ c }}{% endfor %}"
        "{% endfor %}{% endfor %}",
        "{% for a in [" + LONG + "] %}{{ [a, a, a, a, a] }}{% endfor %}",
        "{% for a in [" + LONG + "] %}{{ [a] * 100000 }}{% endfor %}",
        "{% for a in [" + LONG + "] %}{{ a + a }}{% endfor %}",
        "{{ '%*d' % (100000000, 1) }}",
    ],
)
def test_values_cannot_grow_past_the_budget_by_joining_or_repeating(source: str) -> None:
    start = time.perf_counter()
    with pytest.raises(TemplateError, match="te veel werk of tekst"):
        render(source, {})
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "source",
    [
        "{% set a = 'x' %}{{ a }}",
        "{% with a = 'x' %}{{ a }}{% endwith %}",
        "{% macro m() %}x{% endmacro %}",
        "{{ 'x' | length }}",
    ],
)
def test_assignments_macros_and_undocumented_filters_are_not_allowed(source: str) -> None:
    with pytest.raises(TemplateError, match="niet-toegestane sjabloonconstructies"):
        render(source, {})
