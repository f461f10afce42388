"""Cell values -> typed values, with a Dutch reason when a value cannot be used.

Every parser takes what a cell holds (openpyxl gives str, int, float, bool, datetime; CSV
gives str) and returns the value or raises :class:`CellError`.
"""

from __future__ import annotations

import datetime as dt
import re

from aanbesteding.portfolio.dates import Notice, NoticeUnit
from aanbesteding.support.text import invalid_character_message, shorten

FIRST_DATE = dt.date(2000, 1, 1)
LAST_DATE = dt.date(2099, 12, 31)
MAX_TEXT = 500
MAX_AMOUNT = 1e12
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")
_NOTICE = re.compile(r"^\s*(\d{1,4})\s*([a-z]*)\s*$")
_UNITS = {
    "": NoticeUnit.MAANDEN,
    "m": NoticeUnit.MAANDEN,
    "mnd": NoticeUnit.MAANDEN,
    "maand": NoticeUnit.MAANDEN,
    "maanden": NoticeUnit.MAANDEN,
    "d": NoticeUnit.DAGEN,
    "dg": NoticeUnit.DAGEN,
    "dag": NoticeUnit.DAGEN,
    "dagen": NoticeUnit.DAGEN,
    "kalenderdagen": NoticeUnit.DAGEN,
    "jaar": NoticeUnit.MAANDEN,
    "jr": NoticeUnit.MAANDEN,
}


class CellError(ValueError):
    """A cell value that cannot be used; the message is Dutch."""


def text(value: object) -> str:
    """A cell as trimmed text; raise CellError for characters a document cannot hold."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = str(value).strip()
    problem = invalid_character_message(result)
    if problem:
        raise CellError(f"de tekst {problem}")
    if len(result) > MAX_TEXT:
        raise CellError(f"de tekst is langer dan {MAX_TEXT} tekens")
    return result


def date(value: object) -> dt.date | None:
    """A date cell or a text such as 2027-02-29 or 29-02-2027; empty gives None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        raw = value.strip().split("T")[0].split(" ")[0]
        for fmt in _DATE_FORMATS:
            try:
                day = dt.datetime.strptime(raw, fmt).date()
                break
            except ValueError:
                continue
        else:
            raise CellError(f"{shorten(value)} is geen datum; schrijf JJJJ-MM-DD, bijv. 2027-02-28")
    else:
        raise CellError(f"{shorten(value)} is geen datum; schrijf JJJJ-MM-DD, bijv. 2027-02-28")
    if not FIRST_DATE <= day <= LAST_DATE:
        raise CellError(f"{day.isoformat()} ligt buiten {FIRST_DATE.year}-{LAST_DATE.year}")
    return day


def whole(value: object, low: int = 0, high: int = 600) -> int | None:
    """A whole number between ``low`` and ``high``; empty gives None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("ja/nee is geen getal")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int):
        raise CellError(f"{shorten(value)} is geen geheel getal")
    if not low <= value <= high:
        raise CellError(f"{value} ligt niet tussen {low} en {high}")
    return value


def notice(value: object) -> Notice | None:
    """'3 maanden', '90 dagen', '1 jaar' or a bare number (months); empty gives None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("ja/nee is geen termijn")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = str(value).strip().lower()
    match = _NOTICE.match(raw)
    if not match or match.group(2) not in _UNITS:
        raise CellError(f"{shorten(value)} is geen termijn; schrijf bijv. '3 maanden' of '90 dagen'")
    amount = int(match.group(1)) * (12 if match.group(2) in ("jaar", "jr") else 1)
    unit = _UNITS[match.group(2)]
    if amount > (120 if unit is NoticeUnit.MAANDEN else 3650):
        raise CellError(f"een opzegtermijn van {amount} {unit.value} is niet aannemelijk")
    return Notice(amount, unit)


def amount(value: object) -> float | None:
    """An amount in euros: a number, or text like '€ 125.000,50' or '125000.50'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("ja/nee is geen bedrag")
    if isinstance(value, int | float):
        number = float(value)
    else:
        raw = re.sub(r"[€\s]|eur(o)?", "", str(value).strip().lower())
        if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?", raw) or re.fullmatch(r"\d+,\d{1,2}", raw):
            raw = raw.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d{1,2})?", raw):
            raw = raw.replace(",", "")
        if not re.fullmatch(r"\d{1,13}(\.\d{1,2})?", raw):
            raise CellError(f"{shorten(value)} is geen bedrag; schrijf bijv. 125000 of 125.000,50")
        number = float(raw)
    if not 0 <= number <= MAX_AMOUNT or number != number:
        raise CellError(f"{shorten(value)} is geen aannemelijk bedrag")
    return number


def choice(value: object, choices: tuple[str, ...]) -> str | None:
    """One of ``choices`` (case does not matter; TRUE/FALSE count as ja/nee); empty gives None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        value = "ja" if value else "nee"
    raw = text(value).lower()
    if raw.startswith("laag "):
        raw = raw[5:]
    if raw not in choices:
        raise CellError(f"{shorten(value)} is geen geldige waarde; kies uit: {', '.join(choices)}")
    return raw


def items(value: object) -> tuple[str, ...]:
    """A list in one cell, separated by ; , or a line break."""
    return tuple(part.strip() for part in re.split(r"[;,\n]", text(value)) if part.strip())
