"""Where everything sits in the inschrijversformulier, computed once from the annex.

The form writer places its cells here and the importer reads them back from here; neither
searches the workbook for header texts. The identification of the form (tender kenmerk, form id,
version and a hash per requirement row) is derived only from what bidders may see: numbers,
titles and texts of the bijlage, never library hashes or clause ids.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from aanbesteding.domain import SOV_NAMES, SOVS, Kind

if TYPE_CHECKING:
    from aanbesteding.compose.annex import Annex, Requirement

FORM_KIND = "aanbesteding-inschrijversformulier/1"

INSTRUCTIES = "Instructies"
INSCHRIJVER = "Inschrijver"
VRAGENLIJST = "Vragenlijst"
SEAL = "SEAL"
PRIJS = "Prijs"
KENMERKEN = "Kenmerken"  # hidden and locked: the form's identification

# Vragenlijst: one row per numbered item from FIRST_ITEM on, in the bijlage's order.
FIRST_ITEM = 3
COL_NUMBER, COL_KIND, COL_TITLE, COL_TEXT, COL_PROOF = 1, 2, 3, 4, 5
COL_ANSWER, COL_OFFER, COL_DOCUMENT, COL_PAGE, COL_REMARK = 6, 7, 8, 9, 10
ITEM_COLUMNS = 10

# SEAL: one row per objective from FIRST_OBJECTIVE on; evidence per level 1..4.
FIRST_OBJECTIVE = 3
COL_OBJECTIVE, COL_MINIMUM, COL_CLAIM = 1, 2, 3
COL_LEVEL_EVIDENCE = 4  # SEAL-1 .. SEAL-4 in four columns from here
SEAL_LEVELS = (1, 2, 3, 4)

# Prijs: the price P in one cell.
PRICE_ROW, PRICE_COLUMN = 4, 3
PRICE_DECIMALS = 2
PRICE_MAX = 1_000_000_000_000  # the tender model's bound: above it is a typing error

# Text limits (characters) for each kind of input.
SHORT_TEXT, REFERENCE_TEXT, LONG_TEXT = 200, 300, 2000

# Kenmerken (hidden): key/value rows, then one row per item and objective with its hash.
ID_KEYS = ("formulier", "kenmerk", "formulier-id", "versie")
FIRST_DIGEST = len(ID_KEYS) + 2

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Role = Literal["answer", "acceptance", "offer", "seal"]
FieldKind = Literal["text", "kvk", "date", "email"]


@dataclass(frozen=True)
class IdentField:
    """One identification input on the Inschrijver sheet (value in column C)."""

    key: str
    label: str
    row: int
    kind: FieldKind
    limit: int
    required: bool = True


IDENT_COLUMN = 3
IDENT_FIELDS = (
    IdentField("naam", "Naam van de Inschrijver (statutaire naam)", 4, "text", SHORT_TEXT),
    IdentField("kvk", "KvK-nummer (8 cijfers)", 5, "kvk", 8),
    IdentField("contactpersoon", "Contactpersoon", 6, "text", SHORT_TEXT),
    IdentField("email", "E-mailadres contactpersoon", 7, "email", SHORT_TEXT),
    IdentField("telefoon", "Telefoonnummer contactpersoon", 8, "text", 30),
    IdentField("datum", "Datum van ondertekening", 9, "date", 10),
    IdentField("tekenbevoegde", "Naam van de tekenbevoegde", 12, "text", SHORT_TEXT),
    IdentField("functie", "Functie van de tekenbevoegde", 13, "text", SHORT_TEXT),
    IdentField("plaats", "Plaats van ondertekening", 14, "text", SHORT_TEXT),
)
NAME_FIELD = IDENT_FIELDS[0]  # the bidder's name, as the grid must know it
SIGNATURE_ROW = 16


@dataclass(frozen=True)
class ItemRow:
    """One numbered item of the bijlage as a row of the Vragenlijst."""

    number: str
    kind: Kind
    title: str
    text: str
    proof: str
    row: int
    role: Role  # what the bidder does here; "seal": answered on the SEAL sheet
    digest: str


@dataclass(frozen=True)
class ObjectiveRow:
    """One EU CSF objective on the SEAL sheet, with the published minimum."""

    objective: str
    name: str
    minimum: int | None
    row: int
    digest: str


@dataclass(frozen=True)
class FormLayout:
    """The whole form: its identification and every input position."""

    kenmerk: str
    version: str
    form_id: str
    items: tuple[ItemRow, ...]
    objectives: tuple[ObjectiveRow, ...]  # empty when the annex has no SEAL part
    price: bool  # whether the form asks for the price P

    def item(self, number: str) -> ItemRow | None:
        return next((i for i in self.items if i.number == number), None)

    @property
    def digests(self) -> tuple[tuple[str, str], ...]:
        """(label, hash) per item and objective, in the order of the Kenmerken sheet."""
        return (*((i.number, i.digest) for i in self.items), *((o.objective, o.digest) for o in self.objectives))


def row_digest(number: str, title: str, text: str) -> str:
    """SHA-256 of a row's number, title and text as the form shows them."""
    return hashlib.sha256(f"{number}\n{title}\n{text}".encode()).hexdigest()


def flowed(text: str) -> str:
    """Clause text with its hard line wraps joined, paragraphs and list items kept, without the
    control characters a spreadsheet cell cannot hold."""
    joined = re.sub(r"(?<!\n)\n(?![\n-])", " ", text.strip())
    return _CONTROL.sub("", re.sub(r" {2,}", " ", joined))


def _role(req: Requirement) -> Role:
    if req.scored_in_sov_table:
        return "seal"
    roles: dict[Kind, Role] = {Kind.EIS: "answer", Kind.BEPALING: "acceptance", Kind.WENS: "offer"}
    return roles[req.kind]


def objective_text(objective: str, minimum: int | None) -> str:
    """The text of an objective row that its hash covers."""
    floor = "geen minimum" if minimum is None else f"minimum SEAL-{minimum}"
    return f"{SOV_NAMES[objective]} ({floor})"


def form_layout(annex: Annex) -> FormLayout:
    """The form's layout and identification for ``annex`` (pure: no I/O)."""
    items = []
    for offset, req in enumerate(annex.requirements):
        text = flowed(req.text)
        items.append(
            ItemRow(
                req.number,
                req.kind,
                req.title,
                text,
                flowed(req.wijze_van_aantonen),
                FIRST_ITEM + offset,
                _role(req),
                row_digest(req.number, req.title, text),
            )
        )
    objectives: list[ObjectiveRow] = []
    if any(i.role == "seal" for i in items):
        for offset, sov in enumerate(SOVS):
            minimum = annex.min_seal.get(sov) if annex.seal_minimum_applies else None
            objectives.append(
                ObjectiveRow(
                    sov,
                    SOV_NAMES[sov],
                    minimum,
                    FIRST_OBJECTIVE + offset,
                    row_digest(sov, SOV_NAMES[sov], objective_text(sov, minimum)),
                )
            )
    tender = annex.tender
    price = annex.ratio.prijs > 0
    kenmerk = tender.kenmerk or ""
    identity = "\n".join(
        [
            FORM_KIND,
            kenmerk,
            tender.organisatie_naam,
            tender.opdracht_titel,
            tender.versie,
            tender.prijsmethode if price else "geen prijs",
            *(d for i in items for d in (i.number, i.digest)),
            *(d for o in objectives for d in (o.objective, o.digest)),
        ]
    )
    form_id = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return FormLayout(kenmerk, tender.versie, form_id, tuple(items), tuple(objectives), price)
