"""Whether a library holds what the documents need from it: the SEAL minima and weight
profiles of beleid.yaml, and every chapter the writers use with all its texts.

Checked when a library is loaded with lint, and again before composing (a library read
without lint, as ``verschil`` reads an older revision, was not checked).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from aanbesteding.errors import LibraryError, Problem
from aanbesteding.library.chapters import LoadedChapter, missing_chapters
from aanbesteding.library.policy import POLICY_FILE, Policy, missing_policy
from aanbesteding.support.pydantic_nl import field_path


def gaps(
    policy: Policy, chapters: Mapping[str, LoadedChapter], name: Callable[[str], str] = lambda rel: rel
) -> list[Problem]:
    """What the documents need from a library and it lacks (``name`` gives a file's name)."""
    found = [Problem(name(POLICY_FILE), None, field_path(loc), message) for loc, message in missing_policy(policy)]
    found += [
        Problem(name(rel), None, field_path(loc) if loc else "(bestand)", message)
        for rel, loc, message in missing_chapters(chapters)
    ]
    return found


def check_complete(policy: Policy, chapters: Mapping[str, LoadedChapter]) -> None:
    """Raise LibraryError when the library lacks what the documents need (see :func:`gaps`)."""
    problems = gaps(policy, chapters)
    if problems:
        raise LibraryError(problems)
