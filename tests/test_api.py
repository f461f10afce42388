"""The core as a library: generate(), generate_many(), the status gate, options from the model."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from aanbesteding.api import generate, generate_many
from aanbesteding.cli.main import main
from aanbesteding.errors import InputError, OutputError, PolicyError
from aanbesteding.library.loader import Library, load_library
from aanbesteding.support.output import write_all
from aanbesteding.tender.inputs import option_specs
from aanbesteding.tender.model import Tender, build_tender
from aanbesteding.tender.profile import tender_from_options
from tests.conftest import LibraryFactory, clause_data

DATE = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def _tender(**values: object) -> Tender:
    return build_tender({"laag": 2, "contracttype": "saas", "datum": DATE, **values})


def test_generate_returns_the_files_with_their_hashes_and_the_warnings(library: Library, tmp_path: Path) -> None:
    result = generate(_tender(), library, tmp_path / "bijlage.docx")
    assert [f.format for f in result.files] == ["docx", "xlsx", "formulier", "verantwoording"]
    for written in result.files:
        data = written.path.read_bytes()
        assert written.sha256 == hashlib.sha256(data).hexdigest()
        assert written.size == len(data)
    assert result.path("xlsx") == tmp_path / "bijlage.xlsx"
    assert any("nog niet vastgesteld" in w for w in result.warnings)
    manifest = result.manifest()
    assert manifest["bibliotheek"]["inhoudshash"] == library.content_hash
    assert manifest["aanbesteding"]["laag"] == 2
    assert {f["sha256"] for f in manifest["bestanden"]} == {f.sha256 for f in result.files}


def test_generate_writes_only_the_formats_asked_for(library: Library, tmp_path: Path) -> None:
    result = generate(_tender(), library, tmp_path / "b.docx", formats=("docx",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.docx", "b.manifest.json"]
    assert len(result.files) == 1
    with pytest.raises(OutputError, match="onbekend uitvoerformaat pdfx"):
        generate(_tender(), library, tmp_path / "c.docx", formats=("docx", "pdfx"))


def test_generate_many_loads_the_library_once(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aanbesteding.api as api

    def no_load(*_: object, **__: object) -> Library:
        raise AssertionError("generate_many reloaded the library")

    monkeypatch.setattr(api, "load_library", no_load)
    jobs = [(_tender(laag=laag), tmp_path / f"laag{laag}.docx") for laag in (1, 2, 3)]
    results = generate_many(jobs, library)
    assert [len(r.files) for r in results] == [4, 4, 4]
    assert len({r.files[0].sha256 for r in results}) == 3


def test_a_final_document_from_unadopted_clauses_is_refused_and_nothing_written(
    library: Library, tmp_path: Path
) -> None:
    with pytest.raises(PolicyError) as info:
        generate(_tender(status="definitief"), library, tmp_path / "d.docx")
    assert "niet vastgesteld" in str(info.value)
    assert "E-01" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_a_final_document_from_adopted_clauses_is_allowed(make_library: LibraryFactory, tmp_path: Path) -> None:
    adopted = clause_data(status="vastgesteld", beoordeeld_door="mr. A. Jurist", beoordeeld_op="2026-10-01")
    root = make_library({"keten/voorbeeld-clausule.yaml": adopted})
    # One eis and no wensen: no award part of its own, but the leidraad and beslisregel are named.
    gunning = {"leidraad": "paragraaf 5 van de leidraad", "beslisregel": "loting door een notaris"}
    result = generate(_tender(status="definitief", gunning=gunning), load_library(root), tmp_path / "e.docx")
    assert result.warnings == ()
    assert (tmp_path / "e.docx").exists()


def test_genereer_status_definitief_exits_non_zero_and_lists_the_clauses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["genereer", "--laag", "3", "--contracttype", "saas", "--status", "definitief"])
    err = capsys.readouterr().err
    assert code == 1
    assert "definitief document kan alleen uit vastgestelde clausules" in err
    assert list(tmp_path.iterdir()) == []


def test_when_the_second_file_cannot_be_placed_the_first_is_taken_back(tmp_path: Path) -> None:
    (tmp_path / "b.xlsx").write_bytes(b"ouder bestand")
    before = os.listdir(tmp_path)
    with pytest.raises(OutputError, match="bestaat al"):
        write_all({tmp_path / "b.docx": b"nieuw", tmp_path / "b.xlsx": b"nieuw"})
    assert sorted(os.listdir(tmp_path)) == sorted(before)
    assert (tmp_path / "b.xlsx").read_bytes() == b"ouder bestand"


def test_an_unwritable_folder_gives_an_output_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/aanbesteding-test.docx")  # root may write anywhere but here
    else:
        locked = tmp_path / "alleen-lezen"
        locked.mkdir(mode=0o500)
        target = locked / "x.docx"
    with pytest.raises(OutputError, match="kan niet worden geschreven"):
        write_all({target: b"x"})


def test_every_tender_field_has_a_description_and_an_option() -> None:
    specs = {s.field: s for s in option_specs()}
    assert set(specs) == set(Tender.model_fields)
    for spec in specs.values():
        assert spec.help, spec.field
        assert spec.flag.startswith("--")
    assert specs["inschrijvers"].flag == "--inschrijver" and specs["inschrijvers"].repeatable
    assert specs["contracttype"].choices == ("saas", "paas", "iaas", "hosting", "licentie")


def test_genereer_help_lists_every_tender_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["genereer", "--help"]) == 0
    out = capsys.readouterr().out
    for spec in option_specs():
        assert spec.flag in out
        assert spec.help.split()[0] in out


def test_options_add_to_the_profile_mappings_and_win_over_its_values(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "laag: 2\ncontracttype: saas\nparameters: {aankondiging_dagen: 60}\nkenmerk: A\n", encoding="utf-8"
    )
    tender = tender_from_options(
        profile,
        {
            "parameters": ("exit_dagen=90",),
            "kenmerk": "B",
            "inschrijvers": ("Alfa", "Beta"),
            "verhouding": "kwaliteit=50,soevereiniteit=20,prijs=30",
        },
    )
    assert tender.parameters == {"aankondiging_dagen": 60, "exit_dagen": "90"}
    assert tender.kenmerk == "B"
    assert tender.inschrijvers == ["Alfa", "Beta"]
    assert tender.verhouding.kwaliteit == 50


def test_a_profile_with_a_duplicate_key_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("laag: 2\ncontracttype: saas\nlaag: 3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"p.yaml:3: laag: dubbele sleutel"):
        tender_from_options(profile, {})
