"""Migrate clause files to structured fields: no risk codes in texts, tier notes in ``verantwoording``.

Until December 2026 the generator cut clause texts apart by regex when it wrote documents:
``public_text`` removed the internal risk codes ("(R1, R5)") from every text bidders see, and
``split_tier_notes`` moved the toelichting sentences that speak of other tiers or contract
types into the verantwoording. This script makes those cuts once, in the clause files
themselves, so that what a jurist reads is what a bidder gets:

- risk codes are removed from ``tekst``, ``toelichting`` and ``wijze_van_aantonen`` (also per
  tier) exactly as ``public_text`` removed them (the ``risicos`` field keeps them);
- the sentences ``split_tier_notes`` moved go into a new field ``verantwoording`` next to the
  ``toelichting`` they came from, with ``{% if %}`` conditions where the old split moved a
  sentence in some tiers or contract types only; ``toelichting`` keeps the rest.

The files are rewritten as text (block scalars, comments and line breaks are kept); nothing
goes through a YAML dumper. Every rewritten field is checked against the old split: for every
tier and contract type the new ``toelichting`` must render to the same blocks the old split
kept, and the new ``verantwoording`` to the same sentences it moved. A field that cannot be
migrated that way is left unchanged and reported; the exit status is then 1.

The script is idempotent: a migrated file has no risk codes and no tier sentences left in its
``toelichting``, so a second run changes nothing. Run it from the repository root::

    python scripts/splits_toelichting.py            # every clause file under clauses/
    python scripts/splits_toelichting.py --check    # report what would change, write nothing
    python scripts/splits_toelichting.py MAP...     # other libraries
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aanbesteding.assemble.blocks import Bullets, Para, text_blocks
from aanbesteding.errors import TemplateError
from aanbesteding.render import render

# --- the old cuts, verbatim: they define what the migration must reproduce ----------------

_RISK = r"R(?:1[01]|[1-9])"
_RISK_NOTES = (
    (re.compile(rf"\s*\((?:{_RISK}(?:,\s*|\s+en\s+)?)+\)"), ""),
    (re.compile(rf"\brisico's {_RISK} tot en met {_RISK}\b"), "de risico's van digitale afhankelijkheid"),
)
_TIER_NOTE = re.compile(
    r"\b(?:laag|lagen)\b|\b(?:bij|voor) een (?:on-premises )?(?:software)?licentie\b|\bcontracttype",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_LEANS_BACK = re.compile(
    r"^(?:Zij|Hij|Het|Dit|Deze|Dat|Daar|Daarom|Ook|Bovendien)\b|\b(?:daarom|bovendien|zulke|zij)\b"
)


def public_text(text: str) -> str:
    for pattern, replacement in _RISK_NOTES:
        text = pattern.sub(replacement, text)
    return text.replace("de de risico's", "de risico's")


def old_split(text: str) -> tuple[list[Any], list[str]]:
    """``split_tier_notes`` as it was: the blocks bidders saw and the sentences moved."""
    public: list[Any] = []
    notes: list[str] = []
    for block in text_blocks(public_text(text)):
        if isinstance(block, Para):
            sentences = _SENTENCE.split(block.text)
            kept = [x for x in sentences if not _TIER_NOTE.search(x)]
            notes.extend(_moved(sentences))
            if kept:
                public.append(Para(" ".join(kept), block.style, block.bold_prefix))
        elif isinstance(block, Bullets):
            items = tuple(i for i in block.items if not _TIER_NOTE.search(i))
            notes.extend(i for i in block.items if _TIER_NOTE.search(i))
            if items:
                public.append(Bullets(items))
        else:
            public.append(block)
    return public, notes


def _moved_indices(sentences: Sequence[str]) -> list[int]:
    taken: list[int] = []
    for index, sentence in enumerate(sentences):
        if not _TIER_NOTE.search(sentence):
            continue
        first = index
        while first > 0 and _LEANS_BACK.search(sentences[first]) and index - first < 2:
            first -= 1
        taken.extend(i for i in range(first, index + 1) if i not in taken)
    return taken


def _moved(sentences: Sequence[str]) -> list[str]:
    return [sentences[i] for i in _moved_indices(sentences)]


# --- the clause file as text ------------------------------------------------------------

TEXT_KEYS = ("tekst", "toelichting", "wijze_van_aantonen", "verantwoording")
_BLOCK_KEY = re.compile(rf"^(?P<indent> *)(?P<key>{'|'.join(TEXT_KEYS)}): *\|[-+]? *$")
_TAG = re.compile(r"\{%-?.*?-?%\}", re.DOTALL)
_JINJA = re.compile(r"\{[%{#]")
WIDTH = 100
TIERS = {1: "kritiek", 2: "gevoelig", 3: "ondersteunend"}


@dataclass
class Field:
    """A block scalar: ``lines[start]`` is the key line, its content is ``lines[start+1:end]``."""

    key: str
    indent: int
    start: int
    end: int
    tier: str | None  # the variant it belongs to, or None for the clause's own field

    def value(self, lines: Sequence[str]) -> str:
        body = lines[self.start + 1 : self.end]
        width = min((len(x) - len(x.lstrip(" ")) for x in body if x.strip()), default=self.indent + 2)
        return "\n".join(x[width:] for x in body) + "\n"

    def content_indent(self, lines: Sequence[str]) -> int:
        body = [x for x in lines[self.start + 1 : self.end] if x.strip()]
        return min((len(x) - len(x.lstrip(" ")) for x in body), default=self.indent + 2)


def fields(lines: Sequence[str]) -> list[Field]:
    found: list[Field] = []
    tier: str | None = None
    for number, line in enumerate(lines):
        head = re.match(r"^( *)([a-z_]+):", line)
        if head and len(head.group(1)) == 0:
            tier = None
        elif head and len(head.group(1)) == 2 and head.group(2) in TIERS.values():
            tier = head.group(2)
        match = _BLOCK_KEY.match(line)
        if not match:
            continue
        indent = len(match.group("indent"))
        end = number + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > indent):
            end += 1
        while end > number + 1 and not lines[end - 1].strip():
            end -= 1  # trailing blank lines belong to the file, not the text
        found.append(Field(match.group("key"), indent, number, end, tier if indent else None))
    return found


def _dedent(region: str) -> str:
    body = region.split("\n")
    width = min((len(x) - len(x.lstrip(" ")) for x in body if x.strip()), default=0)
    return "\n".join(x[width:] for x in body) + "\n"


def _same_blocks(old: str, new: str, clause: Mapping[str, Any]) -> bool:
    """Whether ``new`` renders, in every tier and contract type, to the blocks bidders saw of ``old``."""
    return all(text_blocks(public_text(render(old, c))) == text_blocks(render(new, c)) for c in contexts(clause))


def strip_risk_codes(text: str, clause: Mapping[str, Any], path: Path) -> tuple[str, list[str]]:
    """The file text with the risk codes removed from every clause text field, as public_text
    removed them from the rendered text (the regexes span line breaks the same way), the
    paragraphs that changed wrapped again; and the fields that could not be changed so."""
    lines = text.split("\n")
    problems = []
    for field in reversed(fields(lines)):
        if field.key == "verantwoording":
            continue
        region = "\n".join(lines[field.start + 1 : field.end])
        new = public_text(region)
        if new == region:
            continue
        new = reflow(region, new, field.content_indent(lines))
        new = "\n".join(x.rstrip() for x in new.split("\n"))
        try:
            same = _same_blocks(_dedent(region), _dedent(new), clause)
        except TemplateError as exc:
            same, exc_text = False, str(exc)
        else:
            exc_text = "de tekst wijkt af"
        if not same:
            problems.append(f"{path}: {field.key} (regel {field.start + 1}): risicocodes niet verwijderd ({exc_text})")
            continue
        lines[field.start + 1 : field.end] = new.split("\n")
    return "\n".join(lines), problems


# --- renderings ---------------------------------------------------------------------------


def contexts(clause: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every tier x contract type the clause's texts can be rendered for (a tier where the
    clause does not apply included: ``--met`` renders it there in a nearby tier's words)."""
    params = {name: p.get("standaard") for name, p in (clause.get("parameters") or {}).items()}
    return [
        {
            **params,
            "laag": laag,
            "contracttype": contract_type,
            "organisatie": "Gemeente Voorbeeld",
            "aandeel_kwaliteit": 40,
            "aandeel_soevereiniteit": 30,
            "aandeel_prijs": 30,
        }
        for laag, contract_type in itertools.product(TIERS, clause.get("contracttypen") or [])
    ]


# --- units: sentences and tags of a template text ------------------------------------------


@dataclass
class Unit:
    kind: str  # "text", "tag", "space"
    source: str


def units(source: str) -> list[Unit]:
    out: list[Unit] = []
    position = 0
    for tag in itertools.chain(_TAG.finditer(source), [None]):
        piece = source[position : tag.start() if tag else len(source)]
        out.extend(_text_units(piece))
        if tag is None:
            break
        out.append(Unit("tag", tag.group(0)))
        position = tag.end()
    return out


def _text_units(piece: str) -> Iterator[Unit]:
    position = 0
    for boundary in itertools.chain(re.finditer(r"(?<=[.!?])\s+(?=[A-Z(])|\n[ \t]*\n\s*", piece), [None]):
        text = piece[position : boundary.start() if boundary else len(piece)]
        lead = len(text) - len(text.lstrip())
        core = text.strip()
        if text[:lead]:
            yield Unit("space", text[:lead])
        if core:
            yield Unit("text", core)
            if text[lead + len(core) :]:
                yield Unit("space", text[lead + len(core) :])
        if boundary is None:
            break
        yield Unit("space", boundary.group(0))
        position = boundary.end()


def _marked(parts: Sequence[Unit]) -> str:
    return "".join(f"@@U{i}@@" if u.kind == "text" else u.source for i, u in enumerate(parts))


class Unmigratable(Exception):
    pass


def structure(parts: Sequence[Unit], context: Mapping[str, Any], source: str) -> list[list[tuple[list[int], str]]]:
    """Per rendered paragraph, its sentences with the text units each is made of, checked
    against the rendering. A sentence is mostly one unit; it is several where the rendering
    joins them without a space (``{% endif %}`` at the end of a line eats the line break)."""
    marked = render(_marked(parts), context)
    real = text_blocks(public_text(render(source, context)))
    paragraphs: list[list[int]] = []
    for block in text_blocks(marked):
        ids = [int(x) for x in re.findall(r"@@U(\d+)@@", block.text if isinstance(block, Para) else "")]
        if not isinstance(block, Para) or re.sub(r"@@U\d+@@|\s", "", block.text):
            raise Unmigratable("de tekst heeft een opsomming of tekst buiten zinnen")
        paragraphs.append(ids)
    if len(real) != len(paragraphs):
        raise Unmigratable("alinea's wijken af")
    out = []
    for block, ids in zip(real, paragraphs, strict=True):
        assert isinstance(block, Para)
        units = [(i, "".join(render(parts[i].source, context).split())) for i in ids]
        sentences = []
        for sentence in _SENTENCE.split(block.text):
            group, joined = [], ""
            while units and len(joined) < len("".join(sentence.split())):
                i, text = units.pop(0)
                group.append(i)
                joined += text
            if joined != "".join(sentence.split()):
                raise Unmigratable("zinnen wijken af van de eenheden van de bron")
            sentences.append((group, " ".join(sentence.split())))
        if units:
            raise Unmigratable("zinnen wijken af van de eenheden van de bron")
        out.append(sentences)
    return out


# --- conditions ---------------------------------------------------------------------------


def _one_of(name: str, values: Sequence[Any], every: Sequence[Any]) -> str | None:
    def lit(v: Any) -> str:
        return repr(v) if isinstance(v, str) else str(v)

    if set(values) == set(every):
        return None
    if len(values) == 1:
        return f"{name} == {lit(values[0])}"
    rest = [v for v in every if v not in values]
    if len(rest) == 1:
        return f"{name} != {lit(rest[0])}"
    if len(rest) < len(values):
        return " and ".join(f"{name} != {lit(v)}" for v in rest)
    return "(" + " or ".join(f"{name} == {lit(v)}" for v in values) + ")"


def condition(note: set[tuple[int, str]], tiers: Sequence[int], types: Sequence[str]) -> str | None:
    """A readable condition on laag and contracttype that holds exactly on ``note``."""
    by_tier = {t: sorted((c for (x, c) in note if x == t), key=types.index) for t in tiers}
    with_types = [t for t in tiers if by_tier[t]]
    shapes = {tuple(by_tier[t]) for t in with_types}
    if len(shapes) == 1:
        parts = [_one_of("laag", with_types, tiers), _one_of("contracttype", list(shapes.pop()), types)]
        return " and ".join(p for p in parts if p) or None
    clauses = []
    for t in with_types:
        sub = _one_of("contracttype", by_tier[t], types)
        clauses.append(f"(laag == {t} and {sub})" if sub else f"laag == {t}")
    return " or ".join(clauses)


# --- the migration of one toelichting -----------------------------------------------------


def _words(text: str) -> list[str]:
    """The words of ``text``; a template tag or expression counts as one word."""
    protected = re.sub(r"\{[%{].*?[%}]\}", lambda m: m.group(0).replace(" ", "\0"), text, flags=re.DOTALL)
    return [w.replace("\0", " ") for w in protected.split()]


def _wrap(text: str, indent: int) -> list[str]:
    """``text`` as lines of at most WIDTH characters where possible, broken only at spaces
    outside template tags, never before a ``- `` (that would start a bullet)."""
    lines: list[str] = []
    line = ""
    for word in _words(text):
        if line and len(line) + 1 + len(word) > WIDTH - indent and word != "-":
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return [" " * indent + x for x in lines]


def reflow(old: str, new: str, indent: int) -> str:
    """``new`` (a field's lines) with every paragraph that differs from ``old`` and has no
    bullets wrapped again at WIDTH; paragraphs left alone keep their hand-made breaks."""
    before = set(old.split("\n\n"))
    out = []
    for paragraph in new.split("\n\n"):
        lines = paragraph.split("\n")
        bullets = any(x.strip().startswith("- ") for x in lines)
        ends_in_tag = any(x.rstrip().endswith("%}") for x in lines[:-1])
        if paragraph in before or bullets or ends_in_tag or not paragraph.strip():
            out.append(paragraph)
        else:
            lead = "\n" if paragraph.startswith("\n") else ""
            out.append(lead + "\n".join(_wrap(" ".join(_words(paragraph)), indent)))
    return "\n\n".join(out)


def _remove(parts: list[Unit], drop: set[int]) -> str:
    """The template text without the units in ``drop`` (each with one adjacent space), and
    without ``{% if %}`` blocks left empty."""
    keep = list(parts)
    for i in sorted(drop, reverse=True):
        after = i + 1 < len(keep) and keep[i + 1].kind == "space"
        before = i > 0 and keep[i - 1].kind == "space"
        if after and (not before or "\n\n" not in keep[i + 1].source.replace(" ", "")):
            del keep[i : i + 2]
        elif before:
            del keep[i - 1 : i + 1]
        else:
            del keep[i]
    text = "".join(u.source for u in keep)
    empty = re.compile(r"\{%-? *if [^%]*%\}\s*\{%-? *endif *-?%\}")
    while empty.search(text):
        text = empty.sub("", text)
    # a sentence taken out mid-line leaves a double space; a removed line may leave a blank one
    text = re.sub(r"(?<=\S)  +(?=\S)", " ", text)
    text = re.sub(r"\n[ \t]+\n(?=[ \t]*\S)", "\n", text) if "\n\n" not in text else text
    return text.strip("\n") + "\n"


@dataclass
class Split:
    toelichting: str
    verantwoording: str  # the template text to append ("" when nothing moves)


def migrate(source: str, clause: Mapping[str, Any]) -> Split | None:
    """The toelichting without its tier sentences and the verantwoording that takes them, or
    None when nothing moves. Raises Unmigratable when the split cannot be reproduced."""
    ctxs = contexts(clause)
    if not any(old_split(render(source, c))[1] for c in ctxs):
        return None
    parts = units(source)
    tier_units = {i for i, u in enumerate(parts) if u.kind == "text" and _TIER_NOTE.search(u.source)}
    note_in: dict[int, set[tuple[int, str]]] = {}
    for c in ctxs:
        for paragraph in structure(parts, c, source):
            rendered = [text for _, text in paragraph]
            for index in _moved_indices(rendered):
                group = paragraph[index][0]
                if len(group) != 1:
                    raise Unmigratable("een verplaatste zin bestaat uit meer dan één stuk van de bron")
                note_in.setdefault(group[0], set()).add((c["laag"], c["contracttype"]))
            for group, text in paragraph:
                if bool(_TIER_NOTE.search(text)) != any(i in tier_units for i in group):
                    raise Unmigratable("of een zin over lagen gaat, hangt af van de invulling")
                if len(group) != 1 and _TIER_NOTE.search(text):
                    raise Unmigratable("een zin over lagen bestaat uit meer dan één stuk van de bron")
    tiers = list(TIERS)
    types = list(clause.get("contracttypen") or [])
    groups: list[tuple[str | None, str]] = []
    for i in sorted(note_in):
        cond = condition(note_in[i], tiers, types)
        text = " ".join(parts[i].source.split())
        if groups and groups[-1][0] == cond:
            groups[-1] = (cond, f"{groups[-1][1]} {text}")
        else:
            groups.append((cond, text))
    pieces = []
    for n, (cond, text) in enumerate(groups):
        sep = " " if n + 1 < len(groups) else ""
        pieces.append(f"{{% if {cond} %}}{text}{sep}{{% endif %}}" if cond else f"{text}{sep}")
    return Split(_remove(parts, tier_units), "".join(pieces))


def verify(old: str, new: Split, clause: Mapping[str, Any]) -> None:
    """Raise Unmigratable unless, for every tier and contract type, the new toelichting renders
    to the blocks the old split kept of ``old`` and the new verantwoording to what it moved."""
    for c in contexts(clause):
        public, notes = old_split(render(old, c))
        where = f"laag {c['laag']}, {c['contracttype']}"
        if text_blocks(render(new.toelichting, c)) != public:
            raise Unmigratable(f"de toelichting wijkt af ({where})")
        if " ".join(render(new.verantwoording, c).split()) != " ".join(notes):
            raise Unmigratable(f"de verantwoording wijkt af ({where})")


def migrate_file(path: Path) -> tuple[str, list[str]]:
    """The new text of a clause file and the problems of fields left unchanged."""
    original = path.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    if not isinstance(data, dict) or "tekst" not in data or "toelichting" not in data:
        return original, []
    before = [f.value(original.split("\n")) for f in fields(original.split("\n")) if f.key == "toelichting"]
    stripped, problems = strip_risk_codes(original, data, path)
    lines = stripped.split("\n")
    toelichtingen = [f for f in fields(lines) if f.key == "toelichting"]
    for field, old in reversed(list(zip(toelichtingen, before, strict=True))):
        where = f"{path}: {'varianten.' + field.tier + '.' if field.tier else ''}toelichting"
        try:
            split = migrate(field.value(lines), data)
            if split is None:
                continue
            verify(old, split, data)
        except (Unmigratable, TemplateError) as exc:
            problems.append(f"{where}: niet gemigreerd ({exc})")
            continue
        indent = field.content_indent(lines)
        region = "\n".join(lines[field.start + 1 : field.end])
        body = [(" " * indent + x) if x.strip() else "" for x in split.toelichting.rstrip("\n").split("\n")]
        flowed = reflow(region, "\n".join(x.rstrip() for x in body), indent)
        if all(
            text_blocks(render(_dedent(flowed), c)) == text_blocks(render(split.toelichting, c)) for c in contexts(data)
        ):
            body = flowed.split("\n")
        moved = _wrap(split.verantwoording, indent)
        present = [f for f in fields(lines) if f.key == "verantwoording" and f.tier == field.tier]
        if present:  # a file migrated before whose toelichting gained a tier sentence since
            lines[present[0].end : present[0].end] = moved
            lines[field.start + 1 : field.end] = body
        else:
            lines[field.start + 1 : field.end] = [*body, " " * field.indent + "verantwoording: |", *moved]
    return "\n".join(lines), problems


def clause_files(roots: Sequence[Path]) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
            continue
        for path in sorted(root.rglob("*.yaml")):
            if path.parent.name != "hoofdstukken":
                yield path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", nargs="*", type=Path, default=[Path("clauses")])
    parser.add_argument("--check", action="store_true", help="report what would change; write nothing")
    args = parser.parse_args(argv)
    changed = 0
    failed = False
    for path in clause_files(args.roots):
        new, problems = migrate_file(path)
        for problem in problems:
            print(problem, file=sys.stderr)
            failed = True
        if new != path.read_text(encoding="utf-8"):
            changed += 1
            print(f"{'zou wijzigen' if args.check else 'gewijzigd'}: {path}")
            if not args.check:
                path.write_text(new, encoding="utf-8")
    print(f"{changed} bestand(en) {'te wijzigen' if args.check else 'gewijzigd'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
