"""What the library documents for legal (review, redline) share: table look, properties, bytes."""

from __future__ import annotations

import datetime as dt
import io

from aanbesteding import __version__
from aanbesteding.support.output import normalize_zip
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.styles import TABLE_STYLE
from aanbesteding.writers.docx.tables import TableLook

TABLE = TableLook(style=TABLE_STYLE)
LABELS = TableLook(style=TABLE_STYLE, bold_first_column=True)
# A fixed stamp: the documents depend on the library only, so the same library gives the
# same bytes whatever day they are made.
STAMP = dt.date(2000, 1, 1)


def finish(writer: DocxWriter, title: str, category: str, date: dt.date = STAMP) -> bytes:
    """Set the document properties and return the .docx bytes (deterministic)."""
    props = writer.doc.core_properties
    props.title = title
    props.category = category
    props.author = props.last_modified_by = "aanbesteding"
    props.comments = f"Gemaakt met aanbesteding {__version__}"
    props.language = "nl-NL"
    stamp = dt.datetime.combine(date, dt.time())
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return normalize_zip(buffer.getvalue(), date)
