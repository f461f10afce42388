"""Reading a library from a git revision of a repository that may be hostile: a promisor remote
whose ``ext::`` transport runs a command, configuration that starts programs, missing blobs,
file names that are not UTF-8, a revision that looks like an option."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import STANDARD, Runner

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")

IDENTITY = ["-c", "user.name=Jurist", "-c", "user.email=jurist@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(
        ["git", *IDENTITY, "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env, timeout=60
    ).stdout


def library_repo(root: Path) -> Path:
    """A repository with the standard library in clauses/, committed twice (v1, v2)."""
    root.mkdir()
    git(root, "init", "-q")
    git(root, "config", "uploadpack.allowFilter", "true")
    shutil.copytree(STANDARD, root / "clauses")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v1")
    for path in sorted((root / "clauses").rglob("*.yaml")):
        path.write_text(path.read_text(encoding="utf-8") + "# v2\n", encoding="utf-8")
    git(root, "commit", "-qam", "v2")
    return root


def checked(err: str) -> None:
    assert "Traceback" not in err and "Interne fout" not in err


def test_a_promisor_remote_with_an_ext_transport_runs_nothing(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the command in the repository's configuration ran, then exit 70."""
    source = library_repo(tmp_path / "bron")
    clone = tmp_path / "kloon"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", f"file://{source}", str(clone)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    marker = tmp_path / "GEHACKT"
    git(clone, "config", "remote.origin.url", f"ext::touch {marker}")
    git(clone, "config", "protocol.ext.allow", "always")
    monkeypatch.chdir(clone)
    code, _, err = run(["bibliotheek", "verschil", "HEAD~1:clauses", "clauses"])
    assert not marker.exists()
    assert code == 1
    checked(err)
    assert "HEAD~1:clauses: een deel van de revisie ontbreekt in de repository" in err


def test_repository_configuration_that_starts_programs_is_not_used(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = library_repo(tmp_path / "repo")
    marker = tmp_path / "GESTART"
    for key in ("core.fsmonitor", "core.pager", "core.sshCommand", "diff.external"):
        git(repo, "config", key, f"touch {marker} #")
    hooks = repo / ".git" / "hooks" / "post-checkout"
    hooks.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
    hooks.chmod(0o755)
    monkeypatch.chdir(repo)
    code, out, err = run(["bibliotheek", "verschil", "HEAD~1:clauses", "HEAD:clauses"])
    assert code == 0, err
    assert "Verschil HEAD~1:clauses -> HEAD:clauses" in out
    assert not marker.exists()


def test_a_caller_git_dir_does_not_redirect_the_repository(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = library_repo(tmp_path / "repo")
    other = tmp_path / "ander"
    other.mkdir()
    git(other, "init", "-q")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    code, _, err = run(["bibliotheek", "verschil", "HEAD~1:clauses", "clauses"])
    assert code == 0, err


def test_a_missing_blob_is_named_in_dutch(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: exit 70 (cat-file answered 'missing' and the header did not parse)."""
    repo = library_repo(tmp_path / "repo")
    blob = git(repo, "rev-parse", "HEAD~1:clauses/themas.yaml").strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    monkeypatch.chdir(repo)
    code, _, err = run(["bibliotheek", "verschil", "HEAD~1:clauses", "clauses"])
    assert code == 1
    checked(err)
    assert "HEAD~1:clauses: clauses/themas.yaml ontbreekt in de repository" in err


def test_a_file_name_that_is_not_utf8_is_named_in_dutch(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: exit 70 (UnicodeDecodeError on the tree listing)."""
    repo = library_repo(tmp_path / "repo")
    odd = os.path.join(os.fsencode(repo / "clauses" / "keten"), b"caf\xe9.yaml")
    with open(odd, "wb") as handle:
        handle.write(b"id: cafe\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "latin-1")
    monkeypatch.chdir(repo)
    code, _, err = run(["bibliotheek", "verschil", "HEAD:clauses", "HEAD~1:clauses"])
    assert code == 1
    checked(err)
    assert "de bestandsnaam keten/caf\\xe9.yaml in de repository is geen geldige UTF-8-tekst" in err.replace(
        "clauses/", ""
    )


def test_a_revision_that_looks_like_an_option_is_refused(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = library_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    target = tmp_path / "uit.txt"
    code, _, err = run(["bibliotheek", "verschil", "--", f"--output={target}:clauses", "clauses"])
    assert code == 1
    checked(err)
    assert "is geen git-revisie" in err
    assert not target.exists()


def test_an_unknown_revision_is_named_in_dutch(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = library_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    code, _, err = run(["bibliotheek", "verschil", "v9.9:clauses", "clauses"])
    assert code == 1
    assert "v9.9:clauses: git kent deze revisie niet; 'git tag' toont de versies" in err


def test_a_huge_file_in_a_revision_is_reported_not_read_into_memory(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Own probe: every blob under the folder was read into memory, whatever its size."""
    repo = library_repo(tmp_path / "repo")
    (repo / "clauses" / "keten" / "groot.yaml").write_bytes(b"# " + b"x" * 6_000_000)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "groot")
    monkeypatch.chdir(repo)
    code, _, err = run(["bibliotheek", "verschil", "HEAD~1:clauses", "HEAD:clauses"])
    assert code == 1
    checked(err)
    assert (
        "keten/groot.yaml: het bestand kan niet worden gelezen (het bestand is te groot "
        "(6.000.002 bytes; het maximum is 5.000.000))" in err
    )
