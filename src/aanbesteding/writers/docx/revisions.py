"""Tracked changes (revision marks): inserted and deleted runs as ``w:ins`` / ``w:del`` XML.

Word shows them as tracked changes by ``author`` at ``date``; each mark needs an id that is
unique in the document (:class:`~aanbesteding.writers.docx.document.DocxWriter` hands them out).
"""

from __future__ import annotations

import datetime as dt

from aanbesteding.writers.docx.ooxml import PLAIN, RunFormat, attr, run_xml


def revision_date(date: dt.datetime | dt.date) -> str:
    """``w:date`` value: ISO 8601 in UTC (naive times count as UTC, a date as midnight)."""
    if not isinstance(date, dt.datetime):
        date = dt.datetime.combine(date, dt.time())
    if date.tzinfo is not None:
        date = date.astimezone(dt.UTC)
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")


def _mark(tag: str, runs: str, rev_id: int, author: str, date: dt.datetime | dt.date) -> str:
    return f'<w:{tag} w:id="{rev_id}" w:author="{attr(author)}" w:date="{revision_date(date)}">{runs}</w:{tag}>'


def inserted_xml(text: str, *, rev_id: int, author: str, date: dt.datetime | dt.date, fmt: RunFormat = PLAIN) -> str:
    """``<w:ins …><w:r>…<w:t>text</w:t></w:r></w:ins>``."""
    return _mark("ins", run_xml(text, fmt), rev_id, author, date)


def deleted_xml(text: str, *, rev_id: int, author: str, date: dt.datetime | dt.date, fmt: RunFormat = PLAIN) -> str:
    """``<w:del …><w:r>…<w:delText>text</w:delText></w:r></w:del>``."""
    return _mark("del", run_xml(text, fmt, deleted=True), rev_id, author, date)
