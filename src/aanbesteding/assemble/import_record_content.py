"""The import record (inleesverslag) for the dossier, as format-neutral blocks.

It records which forms were read, their SHA-256 and size, when, into which matrix, where a form
differs from the published questions, which answers can lead to exclusion, and which forms were
refused and why. It names bidders, so it is a dossier document, never for bidders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aanbesteding import __version__
from aanbesteding.assemble.blocks import Block, Bullets, Heading, Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.render import datum
from aanbesteding.responses.form_spec import FormLayout
from aanbesteding.responses.model import BidderResponse
from aanbesteding.responses.reader import ReadForm

TITLE = "Inleesverslag inschrijversformulieren"


def note(annex: Annex) -> str:
    """The record's purpose, for its cover (library chapter ``dossier``)."""
    return annex.text("dossier", "inlees_doel")


def _when(stamp: dt.datetime) -> str:
    utc = stamp.astimezone(dt.UTC)
    return f"{datum(utc.date())}, {utc:%H:%M:%S} UTC"


def _signed(response: BidderResponse | None) -> str:
    if response is None:
        return "—"
    on = datum(response.signed_on) if response.signed_on else "zonder datum"
    return f"{on}; {response.signatory}" if response.signatory else on


def _deviations(annex: Annex, layout: FormLayout, response: BidderResponse) -> list[str]:
    """The bidder's own answers that do not meet the bijlage: Nee, a reservation, a SEAL claim
    below the minimum. The committee judges; the record only lists what the form says."""
    found = []
    for item in layout.items:
        answer = response.item(item.number)
        if answer is not None and answer.answer == "Nee":
            kind = "eis" if item.role == "answer" else "bepaling (voorbehoud)"
            found.append(f"{item.number} {item.title}: Nee op de {kind}")
    for objective in layout.objectives:
        claim = response.claim(objective.objective)
        if claim is not None and objective.minimum is not None and claim.level < objective.minimum:
            found.append(f"{objective.objective}: geclaimd SEAL-{claim.level}, minimum SEAL-{objective.minimum}")
    return found


def record_blocks(
    annex: Annex,
    layout: FormLayout,
    forms: Sequence[ReadForm],
    stamp: dt.datetime,
    source: tuple[str, str],
    result: tuple[str, str],
    published: tuple[str, str] | None = None,
) -> list[Block]:
    """The record's blocks: ``source`` and ``result`` are the (name, SHA-256) of the matrices,
    ``published`` that of the form as generated (from the manifest)."""
    tender = annex.tender
    imported = [f for f in forms if f.response is not None]
    refused = [f for f in forms if f.response is None]
    blocks: list[Block] = [
        Heading(1, "1 Inlezing"),
        Table(
            ("Gegeven", "Waarde"),
            (
                ("Tijdstip", _when(stamp)),
                (
                    "Aanbesteding",
                    f"{tender.opdracht_titel}" + (f" (kenmerk {tender.kenmerk})" if tender.kenmerk else ""),
                ),
                (
                    "Formulier",
                    f"{layout.form_id}, versie {layout.version}"
                    + (f"\nGepubliceerd als {published[0]}\nSHA-256 {published[1]}" if published else ""),
                ),
                ("Matrix (ongewijzigd)", f"{source[0]}\nSHA-256 {source[1]}"),
                ("Nieuwe matrix", f"{result[0]}\nSHA-256 {result[1]}"),
                ("Ingelezen", f"{len(imported)} van {len(forms)} formulieren"),
                ("Programma", f"aanbesteding {__version__}"),
            ),
            (4.0, 12.0),
        ),
        Heading(1, "2 Ontvangen formulieren"),
        Para(
            "Per formulier de inschrijver, het bestand, de SHA-256 van de ontvangen bytes, de "
            "grootte en de ondertekening zoals het formulier die vermeldt."
        ),
        Table(
            ("Inschrijver", "Bestand", "SHA-256", "Bytes", "Ondertekend", "Status"),
            tuple(
                (
                    f.bidder or "—",
                    f.name,
                    f.sha256 or "—",
                    str(f.size),
                    _signed(f.response),
                    "ingelezen" if f.response is not None else "geweigerd",
                )
                for f in forms
            ),
            (2.6, 2.8, 4.4, 1.4, 2.8, 2.0),
        ),
        Heading(1, "3 Verschillen met de gepubliceerde vragen"),
        Para(
            "Het importprogramma vergelijkt nummer, titel en tekst van elke rij, en de "
            "identificatie van het formulier, met de gepubliceerde bijlage (een hash per rij)."
        ),
    ]
    for form in forms:
        if form.differences:
            blocks.append(Para(f"{form.name} ({form.bidder or 'inschrijver onbekend'}):"))
            blocks.append(Bullets(tuple(form.differences)))
        elif form.response is not None:
            blocks.append(Para(f"{form.name}: geen verschillen; elke rij is gelijk aan de gepubliceerde bijlage."))
    blocks.append(Heading(1, "4 Antwoorden die niet aan de bijlage voldoen"))
    blocks.append(
        Para(
            "Wat de Inschrijver zelf op het formulier verklaart. De "
            "beoordelingscommissie beoordeelt; dit overzicht is geen oordeel."
        )
    )
    for form in imported:
        assert form.response is not None
        found = _deviations(annex, layout, form.response)
        if found:
            blocks.append(Para(f"{form.response.bidder}:"))
            blocks.append(Bullets(tuple(found)))
        else:
            blocks.append(
                Para(
                    f"{form.response.bidder}: elke eis met Ja beantwoord, elke bepaling "
                    "aanvaard en geen SEAL-claim onder het minimum."
                )
            )
    if refused:
        blocks.append(Heading(1, "5 Geweigerde formulieren"))
        blocks.append(Para("Deze formulieren zijn niet ingelezen; hun antwoorden staan niet in de nieuwe matrix."))
        blocks.append(Bullets(tuple(str(p) for f in refused for p in f.problems)))
    blocks.append(Para(annex.text("dossier", "inlees_slot")))
    return blocks
