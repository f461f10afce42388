"""Loader and every library check: failing input in, the expected Dutch message out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aanbesteding.errors import LibraryError
from aanbesteding.library.loader import load_library, load_library_with_problems
from tests.conftest import LibraryFactory, clause_data


def problems_of(root: Path) -> list[str]:
    library, problems = load_library_with_problems(root)
    assert library is None, "expected the library to be rejected"
    return [str(p) for p in problems]


def one_clause(make_library: LibraryFactory, **overrides: object) -> list[str]:
    data = clause_data(**overrides)
    return problems_of(make_library({f"keten/{data['id']}.yaml": data}))


def test_a_valid_clause_loads_with_theme_and_hash(make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    library = load_library(root)
    assert [c.clause.id for c in library.clauses] == ["voorbeeld-clausule"]
    assert library.clauses[0].theme == "keten"
    assert len(library.content_hash) == 64
    assert load_library(root).content_hash == library.content_hash


def test_the_content_hash_changes_when_a_clause_changes(make_library: LibraryFactory) -> None:
    root = make_library({"keten/voorbeeld-clausule.yaml": clause_data()})
    before = load_library(root).content_hash
    path = root / "keten" / "voorbeeld-clausule.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Voorbeeldclausule", "Andere titel"), encoding="utf-8")
    assert load_library(root).content_hash != before


def test_broken_yaml_is_reported_with_its_line(make_library: LibraryFactory) -> None:
    root = make_library({"keten/kapot.yaml": "id: kapot\ntitel: [niet gesloten\nversie: 1.0.0\n"})
    (problem,) = problems_of(root)
    assert problem.startswith("keten/kapot.yaml:")
    assert re.match(r"keten/kapot\.yaml:\d+: ongeldige YAML", problem), problem


def test_python_tags_are_not_constructed(make_library: LibraryFactory) -> None:
    text = "id: !!python/object/apply:os.system ['echo gehackt']\n"
    (problem,) = problems_of(make_library({"keten/tag.yaml": text}))
    assert "ongeldige YAML" in problem


def test_an_unknown_field_is_named_with_its_line(make_library: LibraryFactory) -> None:
    data = clause_data(wijze_van_aantonenn="typfout")
    (problem,) = problems_of(make_library({"keten/voorbeeld-clausule.yaml": data}))
    assert "wijze_van_aantonenn: onbekend veld" in problem
    lines = (Path(problem.split(":")[0]).name, problem.split(":")[1])
    assert lines[1].isdigit()


def test_the_line_number_points_at_the_field(make_library: LibraryFactory) -> None:
    text = "id: voorbeeld-clausule\ntitel: T\nversie: 1.0\nstatus: concept\n"
    problems = problems_of(make_library({"keten/voorbeeld-clausule.yaml": text}))
    assert any(p.startswith("keten/voorbeeld-clausule.yaml:3: versie:") for p in problems)


def test_a_missing_wijze_van_aantonen_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, wijze_van_aantonen=None)
    assert any("wijze_van_aantonen: verplicht veld ontbreekt" in p for p in problems)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("lagen", {"kritiek": "moet"}, "lagen.kritiek: ongeldige waarde 'moet'"),
        ("lagen", {"laag1": "eis"}, "lagen.laag1: onbekend veld"),
        ("contracttypen", ["cloud"], "contracttypen[0]: ongeldige waarde 'cloud'"),
        ("sov", ["SOV-9"], "sov[0]: ongeldige waarde 'SOV-9'"),
        ("risicos", ["R12"], "risicos[0]: ongeldige waarde 'R12'"),
        ("status", "goedgekeurd", "status: ongeldige waarde 'goedgekeurd'"),
        ("versie", "1.0", "versie: ongeldige waarde '1.0'"),
        ("bronnen", [], "bronnen: mag niet leeg zijn"),
    ],
)
def test_invalid_values_are_named(make_library: LibraryFactory, field: str, value: object, expected: str) -> None:
    problems = one_clause(make_library, **{field: value})
    assert any(expected in p for p in problems), problems


def test_duplicate_ids_name_both_files(make_library: LibraryFactory) -> None:
    root = make_library(
        {"keten/voorbeeld-clausule.yaml": clause_data(), "gegevens/voorbeeld-clausule.yaml": clause_data()}
    )
    (problem,) = problems_of(root)
    assert problem.startswith("keten/voorbeeld-clausule.yaml:")
    assert "komt al voor in gegevens/voorbeeld-clausule.yaml" in problem


def test_the_id_must_match_the_file_name(make_library: LibraryFactory) -> None:
    (problem,) = problems_of(make_library({"keten/andere-naam.yaml": clause_data()}))
    assert "id: id 'voorbeeld-clausule' moet gelijk zijn aan de bestandsnaam 'andere-naam'" in problem


def test_a_folder_that_is_no_theme_is_reported(make_library: LibraryFactory) -> None:
    problems = problems_of(make_library({"onbekend/voorbeeld-clausule.yaml": clause_data()}))
    assert any("de map 'onbekend' is geen thema" in p for p in problems)


def test_duplicate_yaml_keys_are_reported(make_library: LibraryFactory) -> None:
    text = (Path(__file__).parent / "data" / "dubbele-sleutel.yaml").read_text(encoding="utf-8")
    problems = problems_of(make_library({"keten/voorbeeld-clausule.yaml": text}))
    assert any("titel: dubbele sleutel" in p for p in problems)


def test_an_undeclared_parameter_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, tekst="De Opdrachtnemer meldt {{ termijn_dagen }} en {{ onbekend }}.")
    assert any("tekst: de tekst gebruikt 'onbekend', maar dat is geen gedeclareerde parameter" in p for p in problems)


def test_an_unused_parameter_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, tekst="De Opdrachtnemer meldt elke Subverwerker.")
    assert any(
        "parameters.termijn_dagen: parameter is gedeclareerd maar wordt in geen tekst gebruikt" in p for p in problems
    )


def test_a_default_outside_its_bounds_is_reported(make_library: LibraryFactory) -> None:
    params = {
        "termijn_dagen": {
            "type": "geheel-getal",
            "standaard": 5,
            "minimum": 10,
            "maximum": 90,
            "omschrijving": "Meldtermijn",
        }
    }
    problems = one_clause(make_library, parameters=params)
    assert any("parameters.termijn_dagen.standaard: standaardwaarde 5 ligt onder het minimum 10" in p for p in problems)


def test_a_default_of_the_wrong_type_is_reported(make_library: LibraryFactory) -> None:
    params = {"termijn_dagen": {"type": "geheel-getal", "standaard": "dertig", "omschrijving": "Meldtermijn"}}
    problems = one_clause(make_library, parameters=params)
    assert any("standaardwaarde 'dertig' is geen geheel getal" in p for p in problems)


def test_an_unknown_definition_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, begrippen=["Opdrachtnemer", "Subverwerker", "Wolk"])
    assert any("begrippen[2]: begrip 'Wolk' staat niet in begrippen.yaml" in p for p in problems)


def test_a_defined_term_used_but_not_declared_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, begrippen=["Opdrachtnemer"])
    assert any("begrip 'Subverwerker' komt in de tekst voor maar staat niet onder begrippen" in p for p in problems)


def test_a_declared_term_that_is_never_used_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, begrippen=["Opdrachtnemer", "Subverwerker", "EER"])
    assert any("begrip 'EER' staat onder begrippen maar komt in geen tekst voor" in p for p in problems)


def test_plural_forms_count_as_use_of_a_term(make_library: LibraryFactory) -> None:
    root = make_library(
        {
            "keten/voorbeeld-clausule.yaml": clause_data(
                tekst="De Opdrachtnemer meldt nieuwe Subverwerkers {{ termijn_dagen }} dagen vooraf."
            )
        }
    )
    assert load_library(root).clauses


def test_a_wens_without_weight_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, weging=None)
    assert any("weging: de clausule is een wens in laag 3 maar heeft geen weging" in p for p in problems)


def test_a_wens_without_scoring_guidance_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, scoringsleidraad=None)
    assert any("scoringsleidraad: een wens heeft een scoringsleidraad nodig" in p for p in problems)


def test_a_variant_for_a_tier_that_does_not_apply_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(
        make_library,
        lagen={"kritiek": "eis"},
        weging=None,
        scoringsleidraad=None,
        varianten={"ondersteunend": {"tekst": "De Opdrachtnemer doet niets."}},
    )
    assert any("varianten.ondersteunend: variant voor laag 3" in p for p in problems)


@pytest.mark.parametrize(
    "text",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    ],
)
def test_template_injection_is_rejected(make_library: LibraryFactory, text: str) -> None:
    problems = one_clause(make_library, tekst=text)
    assert any("tekst: de tekst gebruikt niet-toegestane sjabloonconstructies" in p for p in problems), problems


def test_a_template_syntax_error_is_reported(make_library: LibraryFactory) -> None:
    problems = one_clause(make_library, tekst="De Opdrachtnemer meldt {{ termijn_dagen ")
    assert any("tekst: sjabloonfout op regel 1" in p for p in problems)


def test_every_problem_is_reported_in_one_run(make_library: LibraryFactory) -> None:
    root = make_library(
        {
            "keten/voorbeeld-clausule.yaml": clause_data(),
            "gegevens/voorbeeld-clausule.yaml": clause_data(),
            "keten/kapot.yaml": "id: [\n",
            "keten/injectie.yaml": clause_data(id="injectie", tekst="{{ ''.__class__ }}"),
        }
    )
    with pytest.raises(LibraryError) as info:
        load_library(root)
    files = {p.file for p in info.value.problems}
    assert files == {"keten/voorbeeld-clausule.yaml", "keten/kapot.yaml", "keten/injectie.yaml"}


def test_a_missing_library_folder_is_reported(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path / "bestaat-niet")
    assert "de map van de clausulebibliotheek bestaat niet" in problem


def test_the_published_schema_matches_the_model() -> None:
    from aanbesteding.library.schema import clause_schema_json
    from aanbesteding.support.resources import standard_library_path

    published = (standard_library_path() / "schema.json").read_text(encoding="utf-8")
    assert published == clause_schema_json(), "run: aanbesteding bibliotheek schema > clauses/schema.json"
