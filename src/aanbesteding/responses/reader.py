"""Read one filled-in inschrijversformulier and check it completely against the published form.

Every cell is read at the position :func:`aanbesteding.responses.form_spec.form_layout` computes
for the annex; nothing is found by searching texts. Every problem is collected (per row), so a
bidder's form is judged in one pass; a form with any problem yields no response.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from aanbesteding.responses.form_spec import (
    COL_ANSWER,
    COL_CLAIM,
    COL_DOCUMENT,
    COL_LEVEL_EVIDENCE,
    COL_NUMBER,
    COL_OFFER,
    COL_PAGE,
    COL_REMARK,
    COL_TEXT,
    COL_TITLE,
    FIRST_DIGEST,
    FORM_KIND,
    IDENT_COLUMN,
    IDENT_FIELDS,
    INSCHRIJVER,
    KENMERKEN,
    LONG_TEXT,
    NAME_FIELD,
    PRICE_COLUMN,
    PRICE_DECIMALS,
    PRICE_MAX,
    PRICE_ROW,
    PRIJS,
    REFERENCE_TEXT,
    SEAL,
    SEAL_LEVELS,
    SHORT_TEXT,
    VRAGENLIJST,
    FormLayout,
    ItemRow,
    objective_text,
    row_digest,
)
from aanbesteding.responses.intake import package_refusal, read_bytes
from aanbesteding.responses.model import BidderResponse, ItemAnswer, SealClaim

ANSWERS = {"ja": "Ja", "nee": "Nee"}
SHOWN = 60
KVK = re.compile(r"[0-9]{8}")


def shown(value: object) -> str:
    """A value read from a form, for a message: cut to :data:`SHOWN` characters, with every
    character that is not printable (line breaks, direction overrides) shown as ``?``."""
    text = "".join(c if c.isprintable() else "?" for c in str(value))
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


@dataclass(frozen=True)
class FormProblem:
    """One problem in one form, located by sheet and row (or the file itself)."""

    form: str  # file name
    bidder: str  # the bidder's name as read from the form, or ""
    where: str  # e.g. "Vragenlijst rij 5 (E-03)"; "" for the file as a whole
    message: str

    def __str__(self) -> str:
        who = f" ({shown(self.bidder)})" if self.bidder else ""
        where = f", {self.where}" if self.where else ""
        return f"{shown(self.form)}{who}{where}: {self.message}"


@dataclass(frozen=True)
class ReadForm:
    """What reading one form gave: its hash, the response (None with problems), the problems,
    and where it differs from the published questions."""

    name: str
    sha256: str
    size: int
    bidder: str
    response: BidderResponse | None
    problems: tuple[FormProblem, ...]
    differences: tuple[str, ...]


class _Reader:
    """Collects the problems of one form while reading it."""

    def __init__(self, name: str, wb: Any, layout: FormLayout) -> None:
        self.name, self.wb, self.layout = name, wb, layout
        self.bidder = ""
        self.problems: list[FormProblem] = []
        self.differences: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(FormProblem(self.name, self.bidder, where, message))

    def cell(self, sheet: str, row: int, column: int, where: str) -> Any:
        """The value of a cell; a formula is reported and read as empty."""
        cell = self.wb[sheet].cell(row=row, column=column)
        if cell.data_type == "f" or (
            isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type != "s"
        ):
            self.problem(where, "bevat een formule; vul een waarde in")
            return None
        return cell.value

    def text(self, sheet: str, row: int, column: int, where: str, limit: int) -> str:
        value = self.cell(sheet, row, column, where)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, dt.datetime | dt.date):
            value = value.strftime("%d-%m-%Y")
        text = str(value).strip()
        if len(text) > limit:
            self.problem(where, f"de tekst is {len(text)} tekens lang; hoogstens {limit}")
            return text[:limit]
        return text


def _sheets_present(reader: _Reader, needed: list[str]) -> bool:
    missing = [s for s in needed if s not in reader.wb.sheetnames]
    if missing:
        reader.problem(
            "", f"is geen inschrijversformulier van deze aanbesteding (tabblad {', '.join(missing)} ontbreekt)"
        )
    return not missing


def _identity(reader: _Reader) -> bool:
    """Check the hidden identification; False when the form is of another tender or version."""
    ws = reader.wb[KENMERKEN]
    values = {
        str(ws.cell(row=r, column=1).value or ""): str(ws.cell(row=r, column=2).value or "")
        for r in range(1, FIRST_DIGEST - 1)
    }
    layout = reader.layout
    if values.get("formulier") != FORM_KIND:
        reader.problem("", "is geen inschrijversformulier van deze aanbesteding (onbekende identificatie)")
        return False
    if values.get("kenmerk") != layout.kenmerk:
        reader.problem(
            "",
            "hoort bij een andere aanbesteding (kenmerk "
            f"'{shown(values.get('kenmerk') or '(geen)')}', verwacht "
            f"'{layout.kenmerk or '(geen)'}')",
        )
        return False
    if values.get("formulier-id") != layout.form_id:
        reader.problem(
            "",
            f"is een andere versie van het formulier (versie "
            f"'{shown(values.get('versie', ''))}', formulier "
            f"{shown(values.get('formulier-id', ''))}; verwacht versie "
            f"'{layout.version}', formulier {layout.form_id})",
        )
        _digests(reader, record=True)
        return False
    return True


def _digests(reader: _Reader, *, record: bool = False) -> None:
    """Compare the hidden hash and the visible text of every row with the published ones."""
    ws = reader.wb[KENMERKEN]
    for offset, (label, digest) in enumerate(reader.layout.digests):
        row = FIRST_DIGEST + offset
        if ws.cell(row=row, column=1).value != label or ws.cell(row=row, column=2).value != digest:
            reader.differences.append(f"{label}: identificatie van de rij wijkt af")
            if not record:
                reader.problem(
                    f"{KENMERKEN} rij {row} ({label})",
                    "de identificatie van de rij wijkt af van het gepubliceerde formulier",
                )
    if record:
        return
    questions = reader.wb[VRAGENLIJST]
    for item in reader.layout.items:
        shown = [str(questions.cell(row=item.row, column=c).value or "") for c in (COL_NUMBER, COL_TITLE, COL_TEXT)]
        if row_digest(*shown) != item.digest:
            reader.differences.append(f"{item.number}: nummer, titel of tekst gewijzigd")
            reader.problem(
                f"{VRAGENLIJST} rij {item.row} ({item.number})",
                "nummer, titel of tekst wijkt af van de gepubliceerde bijlage",
            )
    if reader.layout.objectives:
        seal = reader.wb[SEAL]
        for objective in reader.layout.objectives:
            label = str(seal.cell(row=objective.row, column=1).value or "")
            if (
                label != f"{objective.objective} {objective.name}"
                or row_digest(
                    objective.objective, objective.name, objective_text(objective.objective, objective.minimum)
                )
                != objective.digest
            ):
                reader.differences.append(f"{objective.objective}: doelstelling gewijzigd")
                reader.problem(
                    f"{SEAL} rij {objective.row} ({objective.objective})",
                    "de doelstelling wijkt af van de gepubliceerde bijlage",
                )


def _date_text(text: str) -> dt.date | str:
    """A date typed as text (15-01-2027 or 2027-01-15), or the text itself."""
    for form in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return text


def _identification(reader: _Reader) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for field in IDENT_FIELDS:
        where = f"{INSCHRIJVER}: {field.label}"
        if field.kind == "date":
            value = reader.cell(INSCHRIJVER, field.row, IDENT_COLUMN, where)
            if isinstance(value, dt.datetime):
                value = value.date()
            elif isinstance(value, str):
                value = _date_text(value.strip())
            if value is None or value == "":
                reader.problem(where, "ontbreekt")
            elif not isinstance(value, dt.date) or not dt.date(2000, 1, 1) <= value <= dt.date(2099, 12, 31):
                reader.problem(where, f"'{shown(value)}' is geen datum")
            else:
                found[field.key] = value
            continue
        text = reader.text(INSCHRIJVER, field.row, IDENT_COLUMN, where, field.limit)
        if field.key == "naam":
            reader.bidder = text
        if not text:
            if field.required:
                reader.problem(where, "ontbreekt")
        elif field.kind == "kvk" and not KVK.fullmatch(text):
            reader.problem(where, f"'{shown(text)}' is geen KvK-nummer van 8 cijfers")
        elif field.kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
            reader.problem(where, f"'{shown(text)}' is geen e-mailadres")
        found[field.key] = text
    return found


def _item(reader: _Reader, item: ItemRow) -> ItemAnswer | None:
    where = f"{VRAGENLIJST} rij {item.row} ({item.number})"

    def text(column: int, limit: int) -> str:
        return reader.text(VRAGENLIJST, item.row, column, where, limit)

    document, page = text(COL_DOCUMENT, SHORT_TEXT), text(COL_PAGE, 30)
    remark = text(COL_REMARK, LONG_TEXT)
    evidence = ", ".join(p for p in (document, f"pagina {page}" if page else "") if p)
    if item.role == "offer":
        return ItemAnswer(item.number, None, text(COL_OFFER, LONG_TEXT), evidence, remark)
    raw = text(COL_ANSWER, 10)
    answer = ANSWERS.get(raw.lower())
    label = "eis" if item.role == "answer" else "bepaling"
    if not raw:
        reader.problem(where, f"antwoord op de {label} ontbreekt (kies Ja of Nee)")
    elif answer is None:
        reader.problem(where, f"'{shown(raw)}' staat niet in de keuzelijst (Ja of Nee)")
    elif answer == "Ja" and item.role == "answer" and not document:
        reader.problem(where, "bij Ja ontbreekt het document met het bewijs")
    return ItemAnswer(item.number, answer, "", evidence, remark)


def _claims(reader: _Reader) -> list[SealClaim]:
    claims = []
    for objective in reader.layout.objectives:
        where = f"{SEAL} rij {objective.row} ({objective.objective})"
        value = reader.cell(SEAL, objective.row, COL_CLAIM, where)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if value is None or value == "":
            reader.problem(where, "het geclaimde SEAL-niveau ontbreekt")
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in range(5):
            reader.problem(where, f"'{shown(str(value))}' staat niet in de keuzelijst (0, 1, 2, 3 of 4)")
            continue
        parts = []
        for offset, level in enumerate(SEAL_LEVELS):
            ref = reader.text(SEAL, objective.row, COL_LEVEL_EVIDENCE + offset, where, REFERENCE_TEXT)
            if level <= value and not ref:
                reader.problem(where, f"het bewijs voor SEAL-{level} ontbreekt")
            if ref:
                parts.append(f"SEAL-{level}: {ref}")
        claims.append(SealClaim(objective.objective, value, "; ".join(parts)))
    return claims


def _price(reader: _Reader) -> Decimal | None:
    where = f"{PRIJS}: inschrijfprijs"
    value = reader.cell(PRIJS, PRICE_ROW, PRICE_COLUMN, where)
    if value is None or value == "":
        reader.problem(where, "ontbreekt")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        reader.problem(where, f"'{shown(str(value))}' is geen getal; vul een bedrag in zonder valutateken of tekst")
        return None
    try:
        amount = Decimal(repr(value))
    except InvalidOperation:
        reader.problem(where, "is geen eindig getal")
        return None
    if not amount.is_finite() or amount < 0 or amount > PRICE_MAX:
        reader.problem(where, f"{value} ligt niet tussen 0 en {PRICE_MAX:,}".replace(",", "."))
        return None
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -PRICE_DECIMALS:
        reader.problem(where, f"{value} heeft meer dan {PRICE_DECIMALS} decimalen; het bedrag wordt niet afgerond")
        return None
    return amount


def read_form(path: Path, layout: FormLayout) -> ReadForm:
    """Read and check the form at ``path``; never raises for a bad form, reports it."""
    name = path.name
    data, refusal = read_bytes(path)
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    if data is not None:
        refusal = package_refusal(data)
    if data is None or refusal:
        problem = FormProblem(name, "", "", refusal or "kan niet worden gelezen")
        return ReadForm(name, digest, len(data or b""), "", None, (problem,), ())
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged package
        problem = FormProblem(name, "", "", "is geen leesbaar Excel-bestand (.xlsx)")
        return ReadForm(name, digest, len(data), "", None, (problem,), ())
    reader = _Reader(name, wb, layout)
    if INSCHRIJVER in wb.sheetnames:  # name the bidder in every message, even of another tender
        named = wb[INSCHRIJVER].cell(row=NAME_FIELD.row, column=IDENT_COLUMN).value
        reader.bidder = str(named).strip()[:SHORT_TEXT] if isinstance(named, str) else ""
    needed = [
        INSCHRIJVER,
        VRAGENLIJST,
        KENMERKEN,
        *([SEAL] if layout.objectives else []),
        *([PRIJS] if layout.price else []),
    ]
    if _sheets_present(reader, [KENMERKEN]) and _identity(reader) and _sheets_present(reader, needed):
        found = _identification(reader)
        _digests(reader)
        items = tuple(a for item in layout.items if item.role != "seal" if (a := _item(reader, item)) is not None)
        claims = tuple(_claims(reader))
        price = _price(reader) if layout.price else None
        response = BidderResponse(
            bidder=reader.bidder,
            kvk=str(found.get("kvk", "")),
            contact=", ".join(str(found[k]) for k in ("contactpersoon", "email", "telefoon") if found.get(k)),
            signed_on=found.get("datum"),
            items=items,
            seal=claims,
            price=price,
            source_name=name,
            source_sha256=digest,
            signatory=", ".join(str(found[k]) for k in ("tekenbevoegde", "functie", "plaats") if found.get(k)),
        )
    else:
        response = None
    problems = tuple(reader.problems)
    return ReadForm(
        name, digest, len(data), reader.bidder, response if not problems else None, problems, tuple(reader.differences)
    )
