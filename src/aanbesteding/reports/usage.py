"""Which clause versions were used in which tenders: read the manifests under a folder.

Every generation writes ``<naam>.manifest.json`` beside its documents; this module finds them,
and compares the clause versions they record with a current library.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from aanbesteding.errors import InputError
from aanbesteding.library.loader import Library
from aanbesteding.manifest import MANIFEST_KIND, MANIFEST_SUFFIX, read_manifest
from aanbesteding.support.text import terminal_safe

MANIFEST_GLOB = f"*{MANIFEST_SUFFIX}"
_TERMINAL_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
__all__ = ["MANIFEST_GLOB", "MANIFEST_KIND", "TenderUse", "UsedClause", "find_usage", "usage_json", "usage_text"]


@dataclass(frozen=True)
class UsedClause:
    id: str
    version: str
    digest: str
    origin: str
    current: str | None  # the version in the current library; None when it is no longer there
    current_digest: str | None
    current_origin: str | None = None

    @property
    def state(self) -> str:
        """``actueel``; ``verouderd`` (the library has a newer version, or other text under the
        same version); ``afwijkend`` (the tender used a version the library does not have as
        its newest, e.g. from another organisation library); or ``verdwenen``."""
        if self.current is None:
            return "verdwenen"
        if self.current == self.version:
            if self.origin and self.current_origin and self.origin != self.current_origin:
                return "afwijkend"  # the same version from another library: not a text change
            return "verouderd" if self.digest and self.digest != self.current_digest else "actueel"
        return "verouderd" if _semver(self.current) > _semver(self.version) else "afwijkend"


@dataclass(frozen=True)
class TenderUse:
    manifest: Path
    name: str
    date: str
    tier: str
    contract_type: str
    clauses: tuple[UsedClause, ...]

    @property
    def outdated(self) -> tuple[UsedClause, ...]:
        return tuple(c for c in self.clauses if c.state != "actueel")


def _semver(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return ()


def find_usage(folder: Path, library: Library) -> tuple[list[TenderUse], list[Path]]:
    """Every tender manifest under ``folder`` (sorted by path) and the files that looked like
    manifests but could not be read. Raises InputError when ``folder`` is not a folder."""
    if not folder.is_dir():
        raise InputError(f"{folder}: is geen map")
    current = library.by_id()
    uses: list[TenderUse] = []
    unreadable: list[Path] = []
    for path in sorted(folder.rglob(MANIFEST_GLOB)):
        manifest = read_manifest(path)
        if manifest is None:
            unreadable.append(path)
            continue
        tender = manifest.aanbesteding
        clauses = []
        for entry in manifest.clausules:
            now = current.get(entry.id)
            clauses.append(
                UsedClause(
                    entry.id,
                    entry.versie,
                    entry.sha256,
                    entry.herkomst,
                    now.clause.versie if now else None,
                    now.digest if now else None,
                    now.origin if now else None,
                )
            )
        for record in manifest.hoofdstukken:  # chapters: listed as hoofdstukken/<id>
            chapter = library.chapters.get(record.id)
            clauses.append(
                UsedClause(
                    f"hoofdstukken/{record.id}",
                    record.versie,
                    record.sha256,
                    record.herkomst,
                    chapter.chapter.versie if chapter else None,
                    chapter.digest if chapter else None,
                    chapter.origin if chapter else None,
                )
            )
        name = tender.get("kenmerk") or tender.get("opdracht") or path.name.removesuffix(MANIFEST_SUFFIX)
        uses.append(
            TenderUse(
                path,
                str(name),
                str(tender.get("datum", "")),
                str(tender.get("laag", "")),
                str(tender.get("contracttype", "")),
                tuple(clauses),
            )
        )
    return uses, unreadable


def _mark(clause: UsedClause) -> str:
    if clause.state == "verouderd" and clause.current == clause.version:
        return "  <- tekst gewijzigd zonder nieuwe versie"
    return {
        "actueel": "",
        "verdwenen": "  <- niet meer in de bibliotheek",
        "verouderd": f"  <- verouderd, nu v{clause.current}",
        "afwijkend": f"  <- uit {clause.origin}; de huidige bibliotheek heeft "
        f"v{clause.current} uit {clause.current_origin}",
    }[clause.state]


def _same_version_elsewhere(clause: UsedClause) -> bool:
    """The same version, only from another library (e.g. an old copy): not a text change."""
    return clause.state == "afwijkend" and clause.current == clause.version


def usage_text(
    folder: Path, uses: list[TenderUse], unreadable: list[Path], library: Library, everything: bool = False
) -> str:
    """The answer first (how many tenders use clauses that differ from the library), then per
    tender the clauses that differ; ``everything``: every tender with every clause."""
    outdated = sum(1 for u in uses if u.outdated)
    lines = [
        f"{len(uses)} aanbesteding(en) gevonden onder {folder}; {outdated} daarvan "
        "gebruiken clausules die niet (meer) overeenkomen met de huidige bibliotheek "
        f"({' + '.join(library.origins)}).",
        *(f"Niet te lezen als manifest: {p}" for p in unreadable),
    ]
    for use in uses:
        if not everything and not use.outdated:
            continue
        rel = use.manifest.relative_to(folder) if use.manifest.is_relative_to(folder) else use.manifest
        lines.append(f"\n{use.name} ({use.date}, laag {use.tier}, {use.contract_type}) – {rel}")
        elsewhere = [c for c in use.clauses if _same_version_elsewhere(c)]
        for clause in use.clauses:
            if everything or (clause.state != "actueel" and not _same_version_elsewhere(clause)):
                lines.append(f"    {clause.id} v{clause.version}{_mark(clause)}")
        if elsewhere and not everything:
            origins = ", ".join(sorted({c.origin for c in elsewhere}))
            ids = ", ".join(c.id for c in elsewhere[:5]) + (", …" if len(elsewhere) > 5 else "")
            lines.append(
                f"    {len(elsewhere)} clausule(s) in dezelfde versie als de huidige "
                f"bibliotheek, maar uit {origins}: {ids}"
            )
    if not everything and outdated < len(uses):
        lines.append(
            f"\n{len(uses) - outdated} aanbesteding(en) gebruiken alleen actuele "
            "clausules; --alles toont elke aanbesteding met al haar clausules."
        )
    return terminal_safe("\n".join(lines)) + "\n"  # a manifest's texts may hold escapes


def usage_json(uses: list[TenderUse]) -> str:
    data = [
        {
            "manifest": str(u.manifest),
            "aanbesteding": u.name,
            "datum": u.date,
            "laag": u.tier,
            "contracttype": u.contract_type,
            "clausules": [
                {
                    "id": c.id,
                    "versie": c.version,
                    "huidige_versie": c.current,
                    "toestand": c.state,
                    "herkomst": c.origin,
                }
                for c in u.clauses
            ],
        }
        for u in uses
    ]
    text = json.dumps(data, ensure_ascii=False, indent=2)  # escapes C0 controls, not C1 or DEL
    return _TERMINAL_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"
