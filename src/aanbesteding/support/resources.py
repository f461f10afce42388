"""Where the standard clause library and the Word base document live.

Installed from a wheel they are package data (``aanbesteding/data``); in a source checkout
they are the top-level ``clauses/`` and ``templates/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_CHECKOUT = _PACKAGE.parent.parent


def _resource(name: str) -> Path:
    packaged = _PACKAGE / "data" / name
    return packaged if packaged.is_dir() else _CHECKOUT / name


def standard_library_path() -> Path:
    """The folder of the standard clause library."""
    return _resource("clauses")


def templates_path() -> Path:
    """The folder with the Word base document."""
    return _resource("templates")
