"""Checks on text that ends up in a Word or Excel file: characters XML cannot hold, length.

Word and Excel files are XML; a control character such as ``\\x0b`` (vertical tab) or
``\\x1f`` cannot be stored in them, and the writers would fail half-way. Such characters are
refused where text enters the tool (tender fields, parameters, clause texts), with a message
that says which character and where.
"""

from __future__ import annotations

import re

# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except the
# surrogates and U+FFFE/U+FFFF.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Bidirectional embeddings, overrides and isolates: invisible, and they make a line read in a
# different order than it is stored ("Trojan Source"); no place in a contract. The plain
# direction marks U+200E/U+200F, which Arabic and Hebrew names may need, stay allowed.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")

# How much of a long value a message repeats.
SHOWN = 60


def invalid_character(text: str) -> str | None:
    """A description of the first character XML cannot hold (``U+000B op positie 4``), or None."""
    match = _INVALID.search(text)
    if match is None:
        return None
    return f"U+{ord(match.group()):04X} op positie {match.start() + 1}"


def invalid_character_message(text: str) -> str | None:
    """The Dutch message for a text holding a character XML cannot hold, or a bidirectional
    override that makes it read differently than it is; None if the text is fine."""
    found = invalid_character(text)
    if found is not None:
        return (
            f"bevat een stuurteken ({found}) dat niet in een Word- of Excel-bestand kan; "
            "verwijder het (vaak meegekopieerd uit een ander programma)"
        )
    bidi = _BIDI.search(text)
    if bidi is not None:
        return (
            f"bevat een onzichtbaar teken dat de leesrichting omkeert (U+{ord(bidi.group()):04X} "
            f"op positie {bidi.start() + 1}); daardoor leest de tekst anders dan hij is; "
            "verwijder het"
        )
    return None


def shorten(value: object, limit: int = SHOWN) -> str:
    """``repr`` of a value for a message, cut to about ``limit`` characters."""
    text = repr(value)
    if len(text) <= limit:
        return text
    size = f"{len(str(value)):,}".replace(",", ".")
    return f"{str(value)[:limit]!r}… ({size} tekens)"


# What a terminal acts on: C0 controls but newline and tab, DEL, C1 controls (CSI, OSC...),
# and the bidirectional overrides that make a line read differently from what it holds.
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` as it may be printed: control characters (escape sequences) shown as ``\\x1b``
    instead of acted on, and bytes that are not UTF-8 (file names) shown as ``\\xff``."""
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _TERMINAL.sub(lambda m: repr(m.group(0))[1:-1], text)
