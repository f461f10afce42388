"""Format-neutral document blocks: the annex's prose is written once as blocks, then rendered."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    style: str | None = None
    bold_prefix: str | None = None
    keep_with_next: bool = False  # keep on one page with what follows (a lead-in)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_cm: tuple[float, ...] | None = None


Block = Heading | Para | Bullets | Table


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def text_blocks(text: str) -> list[Block]:
    """Split clause text into paragraphs (blank line) and bullet lists (lines with ``- ``).

    A line indented deeper than the bullet above it continues that bullet; any other line
    is prose. Lines of one paragraph are joined with a space.
    """
    blocks: list[Block] = []
    for chunk in text.strip("\n").split("\n\n"):
        prose: list[str] = []
        bullets: list[str] = []
        bullet_indent = -1
        for raw in chunk.splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("- "):
                if prose:
                    blocks.append(Para(" ".join(prose)))
                    prose = []
                bullets.append(line[2:].strip())
                bullet_indent = _indent(raw)
            elif bullets and _indent(raw) > bullet_indent:
                bullets[-1] += " " + line
            else:
                if bullets:
                    blocks.append(Bullets(tuple(bullets)))
                    bullets = []
                prose.append(line)
        if prose:
            blocks.append(Para(" ".join(prose)))
        if bullets:
            blocks.append(Bullets(tuple(bullets)))
    return blocks
