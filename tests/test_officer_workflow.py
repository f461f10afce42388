"""The officer's workflow: profiles, options, parameters, file names, classification, batch."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aanbesteding.tender.classification import classify
from tests.conftest import Runner


def write_profile(path: Path, **values: object) -> Path:
    path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    return path


def test_a_repeated_single_value_option_is_an_error(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--organisatie",
            "A",
            "--organisatie",
            "B",
            "--uitvoer",
            str(tmp_path / "b.docx"),
        ]
    )
    assert code == 1
    assert "--organisatie is 2 keer opgegeven ('A' en 'B')" in err
    assert not list(tmp_path.iterdir())


def test_choices_ignore_case_on_the_command_line_and_in_a_profile(run: Runner, tmp_path: Path) -> None:
    code, out, err = run(
        [
            "genereer",
            "--laag",
            "Gevoelig",
            "--contracttype",
            "IaaS",
            "--uitvoer",
            str(tmp_path / "b.docx"),
            "--geen-matrix",
        ]
    )
    assert code == 0, err
    assert "Infrastructure as a Service (IaaS)" in out
    profile = write_profile(tmp_path / "p.yaml", laag=3, contracttype="SaaS")
    code, out, err = run(["genereer", str(profile), "--uitvoer", str(tmp_path / "c.docx"), "--geen-matrix"])
    assert code == 0, err
    assert "Software as a Service" in out


def test_a_missing_profile_gives_a_dutch_message_naming_it(run: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "profiel-brp.yaml"
    code, _, err = run(["genereer", str(missing)])
    assert code == 1
    assert f"profiel {missing}: het bestand bestaat niet" in err
    assert "No such file" not in err


def test_the_default_file_name_carries_the_kenmerk(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(
        ["genereer", "--laag", "2", "--contracttype", "saas", "--kenmerk", "INK-2026/042", "--geen-matrix"]
    )
    assert code == 0, err
    assert (tmp_path / "bijlage-soevereiniteit-ink-2026-042-laag2-saas.docx").exists()
    code, _out, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--organisatie",
            "Gemeente Súdwest-Fryslân",
            "--geen-matrix",
        ]
    )
    assert code == 0, err
    assert (tmp_path / "bijlage-soevereiniteit-gemeente-sudwest-fryslan-laag2-saas.docx").exists()


def test_a_profile_accepts_the_option_spellings_and_options_add_to_its_lists(run: Runner, tmp_path: Path) -> None:
    from aanbesteding.tender.profile import tender_from_options

    profile = write_profile(
        tmp_path / "p.yaml",
        laag=2,
        contracttype="saas",
        param={"zeggenschapswijziging.aankondiging_dagen": 60},
        inschrijver=["Alfa B.V."],
        organisatie="Gemeente A",
    )
    tender = tender_from_options(
        profile,
        {
            "inschrijvers": ("Beta N.V.",),
            "organisatie": ("Gemeente B",),
            "parameters": ("integriteit-updates.aankondiging_dagen=20",),
        },
    )
    assert tender.inschrijvers == ["Alfa B.V.", "Beta N.V."]
    assert tender.parameters == {
        "zeggenschapswijziging.aankondiging_dagen": 60,
        "integriteit-updates.aankondiging_dagen": "20",
    }
    assert tender.organisatie == "Gemeente B"


def test_a_profile_with_a_field_under_two_names_or_an_unknown_key_is_refused(run: Runner, tmp_path: Path) -> None:
    both = write_profile(tmp_path / "beide.yaml", laag=2, contracttype="saas", inschrijver=["A"], inschrijvers=["B"])
    code, _, err = run(["genereer", str(both)])
    assert code == 1 and "'inschrijver' en 'inschrijvers' zijn hetzelfde veld" in err
    typo = write_profile(tmp_path / "typo.yaml", laag=2, contracttype="saas", organsatie="X")
    code, _, err = run(["genereer", str(typo)])
    assert code == 1
    assert f"{typo}:3: onbekende sleutel 'organsatie' (bedoelt u 'organisatie'?)" in err
    assert "aanbesteding init" in err


def test_a_bare_parameter_name_with_different_bounds_lists_the_choices(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--param",
            "aankondiging_dagen=45",
            "--uitvoer",
            str(tmp_path / "b.docx"),
        ]
    )
    assert code == 1
    assert "verschillende grenzen" in err
    assert "--param zeggenschapswijziging.aankondiging_dagen=WAARDE" in err
    assert not list(tmp_path.iterdir())


def test_a_successful_run_says_which_clauses_a_parameter_changed(run: Runner, tmp_path: Path) -> None:
    code, out, err = run(
        [
            "genereer",
            "--laag",
            "2",
            "--contracttype",
            "saas",
            "--geen-matrix",
            "--param",
            "zeggenschapswijziging.aankondiging_dagen=45",
            "--uitvoer",
            str(tmp_path / "b.docx"),
        ]
    )
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.startswith("Parameter"))
    assert "zeggenschapswijziging.aankondiging_dagen = 45" in line
    assert "(zeggenschapswijziging)" in line and "B-" in line


def test_bibliotheek_parameters_shows_only_what_applies(run: Runner) -> None:
    _, everything, _ = run(["bibliotheek", "parameters"])
    code, licence, err = run(["bibliotheek", "parameters", "--laag", "3", "--contracttype", "Licentie"])
    assert code == 0, err
    assert len(licence) < len(everything)
    assert "geen-killswitch." in licence  # the licence-only clause
    _, saas, _ = run(["bibliotheek", "parameters", "--contracttype", "saas"])
    assert "geen-killswitch." not in saas


DIGID = {
    "proces": "vitaal",
    "persoonsgegevens": "gevoelig",
    "uitval_24u": "ernstig",
    "uitval_72u": "ernstig",
    "uitval_week": "ernstig",
    "wettelijke_taak": "ja",
    "buiten_eu": "nee",
    "offline": "nee",
}
ZAAKSYSTEEM = {
    "proces": "primair",
    "persoonsgegevens": "gevoelig",
    "uitval_24u": "beperkt",
    "uitval_72u": "aanzienlijk",
    "uitval_week": "ernstig",
    "wettelijke_taak": "ja",
    "buiten_eu": "nee",
    "offline": "nee",
}
INTRANET = {
    "proces": "ondersteunend",
    "persoonsgegevens": "gewoon",
    "uitval_24u": "beperkt",
    "uitval_72u": "beperkt",
    "uitval_week": "aanzienlijk",
    "wettelijke_taak": "nee",
    "buiten_eu": "nee",
    "offline": "nee",
}


@pytest.mark.parametrize(
    ("answers", "tier"),
    [(DIGID, 1), (ZAAKSYSTEEM, 2), (INTRANET, 3)],
    ids=["digid-laag1", "zaaksysteem-laag2", "intranet-laag3"],
)
def test_classificeer_recommends_the_tier_of_the_domain_examples(answers: dict[str, str], tier: int) -> None:
    result = classify(answers)
    assert result.laag.value == tier
    assert result.reasons and result.hosting


def test_classificeer_names_the_reasons_and_hosting_and_writes_them_into_a_profile(run: Runner, tmp_path: Path) -> None:
    code, out, err = run(["init", str(tmp_path / "p.yaml"), "--geen-vragen"])
    assert code == 0, err
    answers = tmp_path / "antwoorden.yaml"
    answers.write_text(yaml.safe_dump(ZAAKSYSTEEM), encoding="utf-8")
    code, out, err = run(
        ["classificeer", "--antwoorden", str(answers), "--geen-vragen", "--profiel", str(tmp_path / "p.yaml")]
    )
    assert code == 0, err
    assert "Advies: Laag 2 – Gevoelig" in out
    assert "gevoelige persoonsgegevens" in out
    assert "klantbeheerde sleutels" in out and "publieke marktcloud" not in out
    text = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert "# contracttype" in text  # the rest of the profile, comments included, stays
    data = yaml.safe_load(text)
    assert data["laag"] == 2 and "advies van aanbesteding classificeer" in data["laagmotivering"][0]
    from aanbesteding.api import load_library
    from aanbesteding.compose.composer import compose_annex
    from aanbesteding.tender.profile import tender_from_options

    annex = compose_annex(load_library(), tender_from_options(tmp_path / "p.yaml", {}))
    assert "gevoelige persoonsgegevens" in annex.inputs["Motivering laag"]


def test_classificeer_without_a_terminal_names_the_missing_answers(run: Runner) -> None:
    code, _, err = run(["classificeer", "--proces", "vitaal", "--geen-vragen"])
    assert code == 1
    assert "vraag 'persoonsgegevens' is niet beantwoord" in err


def test_init_writes_a_commented_profile_that_genereer_accepts(run: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "brp.yaml"
    code, _, err = run(["init", str(profile), "--geen-vragen"])
    assert code == 0, err
    text = profile.read_text(encoding="utf-8")
    for key in ("laag", "contracttype", "inschrijvers", "verhouding", "parameters", "schaal"):
        assert f"\n# {key}\n" in text
    assert "Keuzes: saas, paas, iaas, hosting, licentie" in text
    code, out, _ = run(["init", str(profile), "--geen-vragen"])  # no silent overwrite
    assert code == 0 and "niets gewijzigd" in out
    assert profile.read_text(encoding="utf-8") == text
    code, _out, err = run(["genereer", str(profile), "--uitvoer", str(tmp_path / "b.docx")])
    assert code == 0, err


def test_batch_writes_every_good_profile_and_lists_the_broken_one(run: Runner, tmp_path: Path) -> None:
    folder = tmp_path / "profielen"
    folder.mkdir()
    profiles = [
        write_profile(
            folder / f"gemeente-{n:02}.yaml",
            laag=n % 3 + 1,
            contracttype="saas",
            organisatie=f"Gemeente {n}",
            datum="2026-11-01",
        )
        for n in range(20)
    ]
    broken = write_profile(folder / "kapot.yaml", laag=7, contracttype="saas")
    out_dir = tmp_path / "uit"
    code, out, err = run(
        [
            "batch",
            *map(str, profiles[:10]),
            str(broken),
            *map(str, profiles[10:]),
            "--uitvoer",
            str(out_dir),
            "--processen",
            "2",
        ]
    )
    assert code == 1
    assert "20 van 21 profielen geschreven" in out
    assert f"{broken}: onbekende laag '7'" in err
    written = sorted(p.name for p in out_dir.iterdir())
    assert len(written) == 100  # bijlage, matrix, formulier, verantwoording, manifest
    assert "gemeente-00.docx" in written and "gemeente-19.xlsx" in written
    assert "gemeente-07-verantwoording.docx" in written and "gemeente-07.manifest.json" in written
    assert not any(name.startswith("kapot") for name in written)


def test_init_asks_the_main_questions_when_asked(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Kritiek\nIaaS\nGemeente Voorbeeld\nBasisregistraties\nINK-9\n\n"))
    code, _, err = run(["init", str(tmp_path / "p.yaml"), "--vragen"])
    assert code == 0, err
    data = yaml.safe_load((tmp_path / "p.yaml").read_text(encoding="utf-8"))
    assert (data["laag"], data["contracttype"], data["kenmerk"]) == ("kritiek", "iaas", "INK-9")
    assert "systeem" not in data


def test_classificeer_asks_the_unanswered_questions_when_asked(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    rest = [
        INTRANET[k]
        for k in (
            "persoonsgegevens",
            "uitval_24u",
            "uitval_72u",
            "uitval_week",
            "wettelijke_taak",
            "buiten_eu",
            "offline",
        )
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(rest) + "\n"))
    code, out, err = run(["classificeer", "--proces", "ondersteunend", "--vragen"])
    assert code == 0, err
    assert "Welke persoonsgegevens verwerkt het systeem?" in out
    assert "Advies: Laag 3 – Ondersteunend" in out


def test_the_commented_verhouding_of_init_works_when_uncommented(tmp_path: Path) -> None:
    from aanbesteding.cli.main import main as cli_main
    from aanbesteding.tender.profile import tender_from_options

    profile = tmp_path / "p.yaml"
    assert cli_main(["init", str(profile), "--geen-vragen"]) == 0
    text = profile.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("# verhouding:"))
    profile.write_text(text.replace(line, line[2:]), encoding="utf-8")
    assert tender_from_options(profile, {}).verhouding is not None
