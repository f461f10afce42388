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


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_cm: tuple[float, ...] | None = None


Block = Heading | Para | Bullets | Table


def text_blocks(text: str) -> list[Block]:
    """Split clause text into paragraphs (blank line) and bullet lists (lines with ``- ``)."""
    blocks: list[Block] = []
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        prose: list[str] = []
        bullets: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if prose:
                    blocks.append(Para(" ".join(prose)))
                    prose = []
                bullets.append(line[2:].strip())
            elif bullets and not prose and line[:1].islower():
                bullets[-1] += " " + line  # continuation of a wrapped bullet
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
