"""Compare two clause libraries: added, removed and changed clauses, word-level redlines.

Format-neutral: the Word redline (:mod:`aanbesteding.writers.docx.redline`) and the summary
on stdout are both made from :class:`LibraryDiff`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from aanbesteding.domain import Laag
from aanbesteding.library.chapters import LoadedChapter
from aanbesteding.library.loader import Library, LoadedClause
from aanbesteding.library.model import Clause
from aanbesteding.reports.changes import (
    ClauseChange as ClauseChange,
    ClauseInfo as ClauseInfo,
    LibraryDiff as LibraryDiff,
    MetaChange as MetaChange,
    Op as Op,
    Piece as Piece,
    TextChange as TextChange,
    chapter_key as chapter_key,
    flow as flow,
    word_diff as word_diff,
)
from aanbesteding.reports.readable import plain, readable
from aanbesteding.reports.review import policy_texts

# Metadata compared field by field (texts are redlined separately).
META_FIELDS: tuple[tuple[str, str], ...] = (
    ("versie", "Versie"),
    ("status", "Status"),
    ("eigenaar", "Eigenaar"),
    ("beoordeeld_door", "Beoordeeld door"),
    ("beoordeeld_op", "Beoordeeld op"),
    ("volgorde", "Volgorde"),
    ("bronnen", "Bronnen"),
    ("sov", "SOV-doelstellingen"),
    ("risicos", "Risico's"),
    ("lagen", "Soort per laag"),
    ("contracttypen", "Contracttypen"),
    ("vergrendeld", "Vergrendeld in"),
    ("begrippen", "Begrippen"),
    ("weging", "Weging"),
    ("beoordeling", "Beoordeling"),
)


def _texts(clause: Clause) -> dict[str, tuple[str, str]]:
    """Every wording of a clause, reflowed: field path -> (label, text)."""
    return {key: (label, flow(text)) for key, (label, text) in _raw_texts(clause).items()}


def _readable_texts(clause: Clause, titles: Mapping[str, str] | None) -> dict[str, str]:
    """Every wording as a lawyer reads it (no template code), reflowed: field path -> text."""
    return {
        key: flow(plain(readable(text, clause.parameters, titles))) for key, (_, text) in _raw_texts(clause).items()
    }


def _raw_texts(clause: Clause) -> dict[str, tuple[str, str]]:
    found = {
        "titel": ("Titel", clause.titel),
        "tekst": ("Tekst", clause.tekst),
        "toelichting": ("Toelichting", clause.toelichting),
        "verantwoording": ("Verantwoording", clause.verantwoording or ""),
        "wijze_van_aantonen": ("Wijze van aantonen", clause.wijze_van_aantonen),
    }
    if not clause.verantwoording:
        del found["verantwoording"]
    for laag in Laag:
        variant = clause.varianten.for_tier(laag)
        for name, label in (
            ("tekst", "Tekst"),
            ("toelichting", "Toelichting"),
            ("verantwoording", "Verantwoording"),
            ("wijze_van_aantonen", "Wijze van aantonen"),
        ):
            value = getattr(variant, name) if variant is not None else None
            if value:
                found[f"varianten.{laag.key}.{name}"] = (f"{label} (laag {laag.value})", value)
    for score, text in sorted((clause.scoringsleidraad or {}).items()):
        found[f"scoringsleidraad.{score}"] = (f"Scoringsleidraad {score}", text)
    return found


def _plain(value: object) -> str:
    if value is None or value == [] or value == {}:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items() if v is not None)
    return str(value)


def _parameter(clause: Clause, name: str) -> str:
    param = clause.parameters.get(name)
    if param is None:
        return "—"
    unit = f" {param.eenheid}" if param.eenheid else ""
    low = "…" if param.minimum is None else f"{param.minimum:g}"
    high = "…" if param.maximum is None else f"{param.maximum:g}"
    bounds = f" ({low} t/m {high})" if param.minimum is not None or param.maximum is not None else ""
    return f"{param.standaard}{unit}{bounds}; {param.type}; {param.omschrijving}"


def _parameter_changes(old: Clause, new: Clause) -> list[MetaChange]:
    """One row per added, removed or changed parameter."""
    changes = []
    for name in dict.fromkeys([*old.parameters, *new.parameters]):
        if old.parameters.get(name) != new.parameters.get(name):
            changes.append(MetaChange(f"Parameter {name}", _parameter(old, name), _parameter(new, name)))
    return changes


def compare_clauses(
    old: LoadedClause,
    new: LoadedClause,
    old_titles: Mapping[str, str] | None = None,
    new_titles: Mapping[str, str] | None = None,
) -> ClauseChange:
    """The text and metadata changes between two versions of one clause.

    Whether a text changed is decided on its source; the redline shows it as legal text
    (conditions labelled, parameters as placeholders, references as titles)."""
    before, after = _texts(old.clause), _texts(new.clause)
    shown_before = _readable_texts(old.clause, old_titles)
    shown_after = _readable_texts(new.clause, new_titles)
    texts = []
    for key in dict.fromkeys([*before, *after]):
        label, old_text = before.get(key, (after.get(key, ("", ""))[0], ""))
        new_text = after.get(key, (label, ""))[1]
        if old_text != new_text:
            pieces = word_diff(shown_before.get(key, ""), shown_after.get(key, ""))
            texts.append(TextChange(key, label, tuple(pieces)))
    old_data = old.clause.model_dump(mode="json")
    new_data = new.clause.model_dump(mode="json")
    meta = [
        MetaChange(label, _plain(old_data.get(name)), _plain(new_data.get(name)))
        for name, label in META_FIELDS
        if old_data.get(name) != new_data.get(name)
    ]
    meta.extend(_parameter_changes(old.clause, new.clause))
    if old.theme != new.theme:
        meta.append(MetaChange("Thema", old.theme, new.theme))
    return ClauseChange(ClauseInfo.of(old, old_titles), ClauseInfo.of(new, new_titles), tuple(texts), tuple(meta))


CHAPTER_META = (
    ("titel", "Titel"),
    ("versie", "Versie"),
    ("status", "Status"),
    ("eigenaar", "Eigenaar"),
    ("beoordeeld_door", "Beoordeeld door"),
    ("beoordeeld_op", "Beoordeeld op"),
    ("bronnen", "Bronnen"),
)


def compare_chapters(old: LoadedChapter, new: LoadedChapter) -> ClauseChange:
    """The text and metadata changes between two versions of one library chapter."""
    before, after = old.chapter.teksten, new.chapter.teksten
    texts = [
        TextChange(
            f"teksten.{key}",
            f"Tekst {key}",
            tuple(
                word_diff(flow(plain(readable(before.get(key, ""), {}))), flow(plain(readable(after.get(key, ""), {}))))
            ),
        )
        for key in dict.fromkeys([*before, *after])
        if flow(before.get(key, "")) != flow(after.get(key, ""))
    ]
    old_data, new_data = old.chapter.model_dump(mode="json"), new.chapter.model_dump(mode="json")
    meta = [
        MetaChange(label, _plain(old_data.get(name)), _plain(new_data.get(name)))
        for name, label in CHAPTER_META
        if old_data.get(name) != new_data.get(name)
    ]
    return ClauseChange(ClauseInfo.of_chapter(old), ClauseInfo.of_chapter(new), tuple(texts), tuple(meta))


def compare_policies(old: Library, new: Library) -> ClauseChange | None:
    """The changes in beleid.yaml (all layers): its tables as texts, its version and status."""
    before, after = policy_texts(old.policy), policy_texts(new.policy)
    texts = [
        TextChange(key, key, tuple(word_diff(before.get(key, ""), after.get(key, ""))))
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key)
    ]

    def info(library: Library) -> ClauseInfo:
        top = library.policy.versions[-1] if library.policy.versions else None
        return ClauseInfo(
            "beleid",
            "Beleid van de bibliotheek",
            (top.versie or "—") if top else "—",
            (top.status or "—") if top else "—",
            top.origin if top else "",
            "",
        )

    old_info, new_info = info(old), info(new)
    meta = [
        MetaChange(label, str(getattr(old_info, name)), str(getattr(new_info, name)))
        for name, label in (("versie", "Versie"), ("status", "Status"))
        if getattr(old_info, name) != getattr(new_info, name)
    ]
    return ClauseChange(old_info, new_info, tuple(texts), tuple(meta)) if texts or meta else None


def compare_libraries(old: Library, new: Library, old_label: str, new_label: str) -> LibraryDiff:
    """Added, removed and changed clauses from ``old`` to ``new`` (in ``new``'s order)."""
    before, after = old.by_id(), new.by_id()
    old_titles = {k: v.clause.titel for k, v in before.items()}
    new_titles = {k: v.clause.titel for k, v in after.items()}
    changed = []
    for clause_id, item in after.items():
        previous = before.get(clause_id)
        if previous is None or (previous.clause == item.clause and previous.theme == item.theme):
            continue
        change = compare_clauses(previous, item, old_titles, new_titles)
        if change.texts or change.meta:
            changed.append(change)
    for chapter_id, loaded in sorted(new.chapters.items()):
        earlier = old.chapters.get(chapter_id)
        if earlier is not None and earlier.chapter != loaded.chapter:
            change = compare_chapters(earlier, loaded)
            if change.texts or change.meta:
                changed.append(change)
    policy = compare_policies(old, new)
    if policy is not None:
        changed.append(policy)
    return LibraryDiff(
        old_label,
        new_label,
        added=(
            *(ClauseInfo.of(c, new_titles) for c in new.clauses if c.clause.id not in before),
            *(ClauseInfo.of_chapter(c) for i, c in sorted(new.chapters.items()) if i not in old.chapters),
        ),
        removed=(
            *(ClauseInfo.of(c, old_titles) for c in old.clauses if c.clause.id not in after),
            *(ClauseInfo.of_chapter(c) for i, c in sorted(old.chapters.items()) if i not in new.chapters),
        ),
        changed=tuple(changed),
    )


def summary(diff: LibraryDiff) -> str:
    """A few lines for the terminal."""
    lines = [
        f"Verschil {diff.old_label} -> {diff.new_label}: {len(diff.added)} nieuw, "
        f"{len(diff.removed)} verwijderd, {len(diff.changed)} gewijzigd."
    ]
    lines += [f"  + {c.id} v{c.versie}" for c in diff.added]
    lines += [f"  - {c.id} v{c.versie}" for c in diff.removed]
    for change in diff.changed:
        labels = [re.sub(r"^scoringsleidraad \d+$", "scoringsleidraad", t.label.lower()) for t in change.texts] + [
            m.label.lower() for m in change.meta
        ]
        what = ", ".join(dict.fromkeys(labels))
        lines.append(f"  ~ {change.id} v{change.old.versie} -> v{change.new.versie}: {what}")
    for change in diff.unbumped:
        lines.append(f"Let op: de tekst van {change.id} is gewijzigd maar het versienummer ({change.new.versie}) niet.")
    return "\n".join(lines) + "\n"


STANDARD_WORD = "standaard"  # OUD or NIEUW: the standard library shipped with the tool


def _spec(value: str | None) -> str | None:
    """A side's source: None (the standard library) for no value or the word ``standaard``
    (unless a folder of that name exists)."""
    if value is None or (value == STANDARD_WORD and not Path(value).exists()):
        return None
    return value


def _load_side(side: str, specs: tuple[str | None, ...]) -> Library:
    """Load one side of a comparison; any error says which side (OUD or NIEUW) it is about."""
    from aanbesteding.errors import AanbestedingError, SourceError
    from aanbesteding.library.loader import load_library

    label = " + ".join(s or STANDARD_WORD for s in specs)
    try:
        # The lint belongs to controleer; an old revision is compared as it was written.
        return load_library(*specs, lint="skip")
    except AanbestedingError as exc:
        hint = ""
        if len(specs) == 1 and specs[0] is not None and "themas.yaml" in str(exc):
            hint = (
                f"\n{specs[0]} is geen volledige bibliotheek (zonder themas.yaml en "
                "begrippen.yaml is het een organisatiebibliotheek die over de standaard "
                "ligt). Vergelijk zo'n bibliotheek met de standaard met 'aanbesteding "
                f"bibliotheek verschil --bibliotheek {specs[0]}'."
            )
        raise SourceError(f"{side} ({label}): {exc}{hint}") from exc


def compare_sources(old: str | None, new: str | None, layers: tuple[str, ...] = ()) -> LibraryDiff:
    """Compare library OUD with NIEUW plus the organisation ``layers`` on top of it.

    OUD and NIEUW are folders, git revisions (``REV:map``) or None/``standaard`` for the
    standard library; with ``layers`` both default to the standard library, so the result is
    the organisation's changes to the standard. Raises InputError when there is nothing to
    compare, SourceError (naming OUD or NIEUW) when a side cannot be loaded.
    """
    from aanbesteding.errors import InputError, Ref

    if not layers and (old is None or new is None):
        raise InputError(
            [
                "geef twee bibliotheken, OUD en NIEUW (mappen of git-revisies, of "
                "'standaard'), of vergelijk de standaard met uw organisatiebibliotheek "
                "met ",
                Ref("bibliotheek"),
                " MAP",
            ]
        )
    old_specs = (_spec(old),)
    new_specs = (_spec(new), *layers)
    old_library = _load_side("OUD", old_specs)
    new_library = _load_side("NIEUW", new_specs)
    return compare_libraries(
        old_library,
        new_library,
        " + ".join(s or STANDARD_WORD for s in old_specs),
        " + ".join(s or STANDARD_WORD for s in new_specs),
    )
