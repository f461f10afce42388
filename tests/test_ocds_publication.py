"""The OCDS export as open data: ocid per tender, buyer, prefix, and real OCDS clients.

ocdskit (compile) and ocdsmerge read the packages with the vendored, patched schema, so the
test needs no network; the extensions the package declares are the vendored ones.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from aanbesteding.cli.main import main
from aanbesteding.errors import InputError
from aanbesteding.tender.model import build_tender
from aanbesteding.writers.export.ocds import EXTENSIONS, ocid_of
from tests.test_exports import OCDS, patched_release_schema, validate_ocds

BASE = [
    "genereer",
    "--geen-matrix",
    "--geen-verantwoording",
    "--json",
    "--organisatie",
    "Gemeente Voorbeeld",
    "--datum",
    "2026-12-07",
]


def export(tmp_path: Path, name: str, *args: str, library: Path | None = None) -> dict[str, Any]:
    extra = ["--bibliotheek", str(library)] if library else []
    assert main([*BASE, *extra, *args, "--uitvoer", str(tmp_path / f"{name}.docx")]) == 0
    package: dict[str, Any] = json.loads((tmp_path / f"{name}.json").read_text("utf-8"))
    validate_ocds(package)
    return package


def release(package: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = package["releases"][0]
    return item


def compile_with_ocdskit(tmp_path: Path, *packages: dict[str, Any]) -> list[dict[str, Any]]:
    schema = tmp_path / "release-schema-patched.json"
    schema.write_text(json.dumps(patched_release_schema()), encoding="utf-8")
    stdin = "\n".join(json.dumps(p) for p in packages)
    done = subprocess.run(
        [sys.executable, "-m", "ocdskit", "compile", "--schema", str(schema)],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_two_tenders_get_two_ocids_and_ocdskit_compiles_two_records(tmp_path: Path) -> None:
    servers = export(
        tmp_path, "a", "--laag", "1", "--contracttype", "iaas", "--opdracht", "Servers", "--kenmerk", "INK-2026-001"
    )
    zaak = export(
        tmp_path, "b", "--laag", "2", "--contracttype", "saas", "--opdracht", "Zaaksysteem", "--kenmerk", "INK-2026-002"
    )
    assert release(servers)["ocid"] == "ocds-213czf-ink-2026-001"
    assert release(zaak)["ocid"] == "ocds-213czf-ink-2026-002"
    assert release(servers)["id"] != release(zaak)["id"]
    compiled = compile_with_ocdskit(tmp_path, servers, zaak)
    assert sorted(c["ocid"] for c in compiled) == ["ocds-213czf-ink-2026-001", "ocds-213czf-ink-2026-002"]
    assert {c["tender"]["title"] for c in compiled} == {"Servers", "Zaaksysteem"}


def test_a_clause_edit_keeps_the_ocid_and_changes_the_release_id(tmp_path: Path, standard_copy: Path) -> None:
    args = ("--laag", "1", "--contracttype", "iaas", "--kenmerk", "INK-5")
    before = export(tmp_path, "voor", *args, library=standard_copy)
    clause = next(p for p in sorted(standard_copy.rglob("*.yaml")) if "wijze_van_aantonen" in p.read_text("utf-8"))
    data = yaml.safe_load(clause.read_text("utf-8"))
    data["wijze_van_aantonen"] = str(data["wijze_van_aantonen"]).rstrip() + " Met handtekening."
    clause.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    after = export(tmp_path, "na", *args, library=standard_copy)
    assert release(after)["ocid"] == release(before)["ocid"] == "ocds-213czf-ink-5"
    assert release(after)["id"] != release(before)["id"]
    again = export(tmp_path, "nogmaals", *args, library=standard_copy)
    assert release(again)["id"] == release(after)["id"]  # same content, same id
    # Two releases of one process: one record, the later release wins (ocdsmerge).
    ocdsmerge = pytest.importorskip("ocdsmerge")
    later = dict(release(after), date="2026-12-08T00:00:00Z")
    merged = ocdsmerge.Merger(patched_release_schema()).create_compiled_release([release(before), later])
    assert merged["ocid"] == "ocds-213czf-ink-5"
    texts = [
        r["description"]
        for c in merged["tender"]["criteria"]
        for g in c["requirementGroups"]
        for r in g["requirements"]
    ]
    assert any("Met handtekening." in t for t in texts)
    assert len(compile_with_ocdskit(tmp_path, before, after)) == 1


def test_one_requirement_group_per_criterion_so_a_bid_must_meet_every_eis(tmp_path: Path) -> None:
    package = export(tmp_path, "t", "--laag", "1", "--contracttype", "iaas", "--kenmerk", "INK-1")
    criteria = release(package)["tender"]["criteria"]
    assert all(len(c["requirementGroups"]) == 1 for c in criteria)

    # A checker that follows the extension: a criterion is met when ONE group has ALL its
    # requirements met. A bid that fails a single eis fails the criterion.
    def criterion_met(criterion: dict[str, Any], answers: dict[str, bool]) -> bool:
        return any(
            all(answers[r["id"]] == r["expectedValue"] for r in g["requirements"])
            for g in criterion["requirementGroups"]
        )

    ids = [r["id"] for c in criteria for g in c["requirementGroups"] for r in g["requirements"]]
    for failing in ids:
        answers = {i: i != failing for i in ids}
        assert not all(criterion_met(c, answers) for c in criteria), failing
    assert all(criterion_met(c, dict.fromkeys(ids, True)) for c in criteria)
    # Order within a criterion is the bijlage's order (the order of the headings).
    document = tmp_path / "t.docx"
    import docx

    headings = [
        p.text.split(" ")[0]
        for p in docx.Document(str(document)).paragraphs
        if p.style is not None and p.style.name == "Heading 2" and re.match(r"[EB]-\d\d ", p.text)
    ]
    assert ids == headings
    descriptions = [r["description"] for c in criteria for g in c["requirementGroups"] for r in g["requirements"]]
    assert all(d.startswith(("Eis (knock-out). ", "Contractbepaling (te aanvaarden). ")) for d in descriptions)


def test_the_buyer_is_a_party_with_its_identifiers(tmp_path: Path) -> None:
    package = export(
        tmp_path,
        "t",
        "--laag",
        "2",
        "--contracttype",
        "saas",
        "--kenmerk",
        "Z-7",
        "--oin",
        "00000001823288444000",
        "--kvk",
        "1234 5678",
    )
    item = release(package)
    party = item["parties"][0]
    assert party["roles"] == ["buyer", "procuringEntity"]
    assert party["identifier"] == {"scheme": "NL-OIN", "id": "00000001823288444000", "legalName": "Gemeente Voorbeeld"}
    assert party["additionalIdentifiers"] == [{"scheme": "NL-KVK", "id": "12345678"}]
    assert item["buyer"] == {"id": party["id"], "name": "Gemeente Voorbeeld"}
    assert package["publisher"] == {"name": "Gemeente Voorbeeld", "scheme": "NL-OIN", "uid": "00000001823288444000"}


def test_the_prefix_is_a_setting_and_the_example_is_refused_for_a_final_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = export(
        tmp_path, "p", "--laag", "2", "--contracttype", "saas", "--kenmerk", "K-1", "--ocid-prefix", "ocds-a1b2c3"
    )
    assert release(package)["ocid"] == "ocds-a1b2c3-k-1"
    profile = tmp_path / "profiel.yaml"
    profile.write_text("laag: 2\ncontracttype: saas\nkenmerk: K-2\nocid_prefix: ocds-z9y8x7\n", "utf-8")
    assert (
        main(
            [
                "genereer",
                str(profile),
                "--json",
                "--geen-matrix",
                "--geen-verantwoording",
                "--uitvoer",
                str(tmp_path / "q.docx"),
            ]
        )
        == 0
    )
    assert json.loads((tmp_path / "q.json").read_text("utf-8"))["releases"][0]["ocid"] == "ocds-z9y8x7-k-2"
    final = {"laag": "2", "contracttype": "saas", "kenmerk": "K-3", "status": "definitief"}
    with pytest.raises(InputError, match=r"ocds-213czf is het voorbeeld.*geef met ocid_prefix"):
        ocid_of(build_tender(final))
    with pytest.raises(InputError, match="ocds-213czf is het voorbeeld"):
        ocid_of(build_tender({**final, "ocid_prefix": "ocds-213czf"}))
    assert ocid_of(build_tender({**final, "ocid_prefix": "ocds-a1b2c3"})) == "ocds-a1b2c3-k-3"
    capsys.readouterr()
    out = tmp_path / "fout"
    out.mkdir()
    assert (
        main(
            [
                "genereer",
                "--laag",
                "2",
                "--contracttype",
                "saas",
                "--ocid-prefix",
                "ocds-1",
                "--json",
                "--uitvoer",
                str(out / "e.docx"),
            ]
        )
        != 0
    )
    assert "--ocid-prefix: 'ocds-1' is geen OCDS-prefix" in capsys.readouterr().err
    assert not list(out.iterdir())


@pytest.mark.parametrize("kenmerk", [None, "€€€"])
def test_no_export_without_a_usable_kenmerk(
    tmp_path: Path, kenmerk: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--kenmerk", kenmerk] if kenmerk else []
    code = main(
        ["genereer", "--laag", "2", "--contracttype", "saas", "--json", *args, "--uitvoer", str(tmp_path / "x.docx")]
    )
    err = capsys.readouterr().err
    assert code != 0 and "kenmerk" in err and "Traceback" not in err
    assert not list(tmp_path.glob("x*"))


def test_extensions_are_declared_by_pinned_urls_of_the_vendored_schemas() -> None:
    readme = (OCDS / "README.md").read_text("utf-8")
    names = {"requirements", "lots", "submissionTerms", "awardCriteria"}
    for url in EXTENSIONS:
        match = re.fullmatch(
            r"https://raw\.githubusercontent\.com/open-contracting-extensions/"
            r"ocds_(\w+)_extension/([0-9a-f]{8,40})/extension\.json",
            url,
        )
        assert match, url
        name, commit = match.groups()
        assert name in names and (OCDS / "extensions" / name / "extension.json").is_file()
        assert commit in readme, f"{name}: commit {commit} is not the vendored one"
        assert "/master/" not in url
