"""The renewal questionnaire (Word) for the current supplier: every clause that a tender for
the contract's tier and type would hold, put as a question to answer and evidence, with the
decision date."""

from __future__ import annotations

import datetime as dt

from aanbesteding.compose.annex import Annex, Requirement
from aanbesteding.domain import CONTRACT_TYPE_LABELS, Kind
from aanbesteding.portfolio.analysis import ContractView
from aanbesteding.render import datum
from aanbesteding.writers.docx.document import DocxWriter
from aanbesteding.writers.docx.library_docs import LABELS, finish
from aanbesteding.writers.docx.ooxml import BOLD, PLAIN

QUESTION: dict[Kind, str] = {
    Kind.EIS: "Voldoet uw dienstverlening onder de huidige overeenkomst aan deze eis, en hoe toont u dat aan?",
    Kind.WENS: "In welke mate biedt uw dienstverlening dit nu, en wat zegt u toe bij verlenging?",
    Kind.BEPALING: "Aanvaardt u deze bepaling als onderdeel van de overeenkomst bij verlenging, en "
    "voldoet u er nu al aan?",
}
ANSWER_ROWS = (
    ("Antwoord (ja / nee / gedeeltelijk)", ""),
    ("Toelichting", ""),
    ("Bijgevoegd bewijs (naam en datum van het stuk)", ""),
)


def blocks(block: str) -> tuple[str, list[str]]:
    """A paragraph of clause text: its running text and its list items ('- ' lines), each
    with the hard line wraps of the clause file joined."""
    text: list[str] = []
    items: list[str] = []
    for line in (raw.strip() for raw in block.splitlines()):
        if line.startswith("- "):
            items.append(line[2:])
        elif items and line:
            items[-1] += " " + line
        elif line:
            text.append(line)
    return " ".join(text), items


def question_number(index: int) -> str:
    return f"V-{index:02d}"


def _question(writer: DocxWriter, index: int, req: Requirement) -> None:
    writer.heading(2, f"{question_number(index)} {req.title}")
    writer.rich_paragraph(
        [(f"Vraag ({req.kind.label}, {req.number} in een aanbesteding): ", BOLD), (QUESTION[req.kind], PLAIN)]
    )
    writer.paragraph("Het onderdeel luidt:", "Clausule Label")
    for block in req.text.split("\n\n"):
        text, items = blocks(block)
        if text:
            writer.paragraph(text)
        if items:
            writer.bullets(items)
    if req.wijze_van_aantonen.strip():
        writer.rich_paragraph([("Aan te tonen met: ", BOLD), (" ".join(req.wijze_van_aantonen.split()), PLAIN)])
    writer.table(None, list(ANSWER_ROWS), (6.0, 10.0), LABELS)
    writer.paragraph()


def questionnaire_bytes(view: ContractView, annex: Annex, organisation: str, peildatum: dt.date) -> bytes:
    """The questionnaire as .docx bytes; the same contract and peildatum give the same bytes."""
    contract, sched = view.contract, view.schedule
    writer = DocxWriter.open()
    writer.paragraph(f"Vragenlijst verlengingstoets – {contract.name}", "Title")
    act = "Uiterste opzegdag" if contract.terms.renewal.value == "stilzwijgend" else "Uiterste datum optie"
    writer.table(
        None,
        [
            ("Opdrachtgever", organisation),
            ("Leverancier", contract.supplier or "(niet vermeld)"),
            ("Contract", contract.name),
            ("Systemen", ", ".join(v.system.name for v in view.systems) or "-"),
            ("Laag", view.laag.label),
            ("Contracttype", CONTRACT_TYPE_LABELS.get(view.contract_type or "", "-")),
            ("Lopende periode tot en met", datum(sched.certain_end)),
            (act, datum(sched.act_by)),
            ("Beslisdatum", datum(view.decision)),
            ("Antwoord uiterlijk", datum(view.decision)),
            ("Datum vragenlijst", datum(peildatum)),
        ],
        (5.5, 10.5),
        LABELS,
    )
    writer.paragraph()
    writer.rich_paragraph(
        [
            ("Waarom deze vragen. ", BOLD),
            (
                f"{organisation[:1].upper()}{organisation[1:]} beslist uiterlijk {datum(view.decision)} of "
                "zij de overeenkomst "
                f"{contract.name} verlengt. Zij legt u daarom de eisen, wensen en bepalingen voor die zij in "
                f"een nieuwe aanbesteding zou stellen aan een systeem in {view.laag.label.lower()} met dit "
                "contracttype. Beantwoord elke vraag, licht het antwoord toe en voeg het gevraagde bewijs "
                f"bij. Stuur de ingevulde vragenlijst vóór {datum(view.decision)}; zonder antwoord gaat "
                f"{organisation} ervan uit dat uw dienstverlening niet aan het onderdeel voldoet.",
                PLAIN,
            ),
        ]
    )
    writer.heading(1, "Vragen")
    for index, req in enumerate(annex.requirements, start=1):
        _question(writer, index, req)
    writer.heading(1, "Ondertekening")
    writer.paragraph("De leverancier verklaart deze vragenlijst naar waarheid te hebben ingevuld.")
    writer.table(
        None, [("Naam", ""), ("Functie (tekenbevoegd)", ""), ("Datum", ""), ("Handtekening", "")], (5.5, 10.5), LABELS
    )
    if annex.exclusions:
        writer.paragraph()
        writer.paragraph(
            f"Buiten deze vragenlijst: {len(annex.exclusions)} onderdelen van de "
            "bibliotheek die niet gelden voor deze laag en dit contracttype."
        )
    return finish(writer, f"Vragenlijst verlengingstoets – {contract.name}", "Verlengingstoets", peildatum)
