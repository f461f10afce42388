"""Running git on a repository that may be hostile, and its failures in Dutch.

Nothing a repository's own configuration says may start a program: every transport is
refused (``GIT_ALLOW_PROTOCOL`` empty, ``protocol.allow=never``), so a promisor remote
(``ext::`` or a local ``uploadpack`` program) is never contacted, lazy fetching is off,
hooks and fsmonitor point nowhere, there is no pager and no terminal prompt, the system
configuration is not read, and ``GIT_*`` variables of the caller (``GIT_DIR``,
``GIT_CONFIG_*``...) are not passed on.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

SAFE_CONFIG = (
    "protocol.allow=never",
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.sshCommand=false",
    "core.askPass=",
    "credential.helper=",
    "fetch.recurseSubmodules=false",
    "submodule.recurse=false",
    "core.alternateRefsCommand=",
)


def git_environment() -> dict[str, str]:
    """The caller's environment without GIT_* variables, plus the switches that keep git local."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("GIT_")}
    env.update(
        GIT_ALLOW_PROTOCOL="",
        GIT_NO_LAZY_FETCH="1",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",
        GIT_PAGER="cat",
        GIT_OPTIONAL_LOCKS="0",
        GIT_PROTOCOL_FROM_USER="0",
        LC_ALL="C",
        LANGUAGE="C",
    )
    return env


def run_git(
    repo: Path, *args: str, data: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git -C repo ARGS`` safely (see the module); raises OSError or TimeoutExpired."""
    config = [part for item in SAFE_CONFIG for part in ("-c", item)]
    return subprocess.run(
        ["git", "--no-pager", *config, "-C", str(repo), *args],
        input=data,
        capture_output=True,
        check=False,
        timeout=timeout,
        env=git_environment(),
        stdin=None if data is not None else subprocess.DEVNULL,
    )


_KNOWN = (
    (
        (
            "unknown revision",
            "bad revision",
            "not a valid object name",
            "not a tree object",
            "invalid object name",
            "ambiguous argument",
            "needed a single revision",
        ),
        "git kent deze revisie niet; 'git tag' toont de versies (tags) en 'git log --oneline' "
        "de commits die er zijn, bijv. HEAD~1:clauses",
    ),
    (
        ("promisor remote", "could not fetch", "lazy fetch", "missing blob", "unable to read"),
        "een deel van de revisie ontbreekt in de repository (een onvolledige kloon); haal de "
        "repository volledig op, of vergelijk met een map",
    ),
    (
        ("dubious ownership",),
        "git vertrouwt deze repository niet: zij is van een andere gebruiker (zie 'git config "
        "--global --add safe.directory')",
    ),
    (("not a git repository",), "dit is geen git-repository"),
    (
        ("transport", "protocol"),
        "de repository vraagt om een verbinding met een andere repository; dat doet aanbesteding "
        "niet (haal de repository eerst volledig op)",
    ),
    (("bad config", "bad numeric config", "bad boolean config"), "de configuratie van de repository is ongeldig"),
)


def git_problem(stderr: bytes, revision: str) -> str:
    """A Dutch reason for a failed git call, from what git wrote on stderr."""
    text = re.sub(r"^(fatal|error): ", "", stderr.decode("utf-8", "replace").strip(), flags=re.M)
    lower = text.lower()
    for needles, message in _KNOWN:
        if any(needle in lower for needle in needles):
            return message.format(rev=revision)
    last = text.splitlines()[-1] if text else "geen melding"
    return f"git kan de revisie niet lezen (git meldt: {last[:200]})"
