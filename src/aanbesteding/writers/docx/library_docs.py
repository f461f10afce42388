"""What the library documents for legal (review, redline) share: table look, properties, bytes."""

from __future__ import annotations

import datetime as dt
import io

from aanbesteding import __version__
from aanbesteding.support.output import normalize_zip
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.package import clean_package
from aanbesteding.writers.docx.styles import TABLE_STYLE
from aanbesteding.writers.docx.tables import TableLook

TABLE = TableLook(style=TABLE_STYLE)
LABELS = TableLook(style=TABLE_STYLE, bold_first_column=True)


def finish(writer: DocxWriter, title: str, category: str, date: dt.date) -> bytes:
    """Set the document properties (all stamped ``date``) and return the .docx bytes: the
    same content on the same date gives the same bytes."""
    props = writer.doc.core_properties
    props.title = title
    props.category = category
    props.author = props.last_modified_by = "aanbesteding"
    props.comments = f"Gemaakt met aanbesteding {__version__}"
    props.language = "nl-NL"
    stamp = dt.datetime.combine(date, dt.time())
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    clean_package(writer.doc)
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return normalize_zip(buffer.getvalue(), date)
