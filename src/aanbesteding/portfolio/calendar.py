"""The decision dates as an iCalendar file (RFC 5545): one all-day event per contract.

UIDs follow from the organisation and the contract name, so a calendar that imports the file
again updates the events instead of doubling them; DTSTAMP is the peildatum, so the same
register and peildatum give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from aanbesteding import __version__
from aanbesteding.portfolio.analysis import ContractView, Portfolio

_LIMIT = 75  # octets per line before folding


def escape(text: str) -> str:
    """Text as an iCalendar TEXT value: backslash, ; , and line breaks escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _LIMIT:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def uid(organisation: str, contract: str) -> str:
    digest = hashlib.sha256(f"{organisation}\x00{contract}".encode()).hexdigest()[:32]
    return f"{digest}@aanbesteding-portfolio"


def _event(c: ContractView, p: Portfolio) -> list[str]:
    s = c.schedule
    act = (
        f"uiterste opzegdag/optiedatum {s.notice_day.isoformat()}"
        if s.notice_day
        else f"einde {s.certain_end.isoformat()}, geen verlenging"
    )
    summary = f"{c.action.capitalize()}: {c.contract.name}"
    lines = [
        f"Contract: {c.contract.name}",
        f"Leverancier: {c.contract.supplier or '-'}",
        f"Systemen: {', '.join(c.contract.systems) or '-'}",
        f"Laag: {c.laag.value}",
        f"Actie: {c.action} ({act})",
        f"Lopende periode tot: {s.current_end.isoformat()}",
        f"Termijn: {c.bucket}",
        *c.notes,
    ]
    stamp = p.peildatum.strftime("%Y%m%dT000000Z")
    return [
        "BEGIN:VEVENT",
        f"UID:{uid(p.organisation, c.contract.name)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{c.decision.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(c.decision + dt.timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(chr(10).join(lines))}",
        f"CATEGORIES:{escape(c.action)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_bytes(p: Portfolio) -> bytes:
    """The calendar; contracts in the report's order."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//aanbesteding//portfolio {__version__}//NL",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape('Beslisdata contracten ' + p.organisation)}",
    ]
    for c in p.contracts:
        lines.extend(_event(c, p))
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
