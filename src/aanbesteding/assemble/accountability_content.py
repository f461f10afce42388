"""The verantwoording for the dossier, as format-neutral blocks.

It holds what bidders must not see: the traceability of every item to its clause, version,
status, reviewer and origin; risks and sources; the clauses left out and why; the inputs
(bidder names included); the library hash.
"""

from __future__ import annotations

from aanbesteding.assemble.annex_content import flat
from aanbesteding.assemble.award_accountability import award_sections
from aanbesteding.assemble.blocks import Block, Heading, Para, Table
from aanbesteding.compose.annex import Annex
from aanbesteding.domain import (
    CONTRACT_TYPE_LABELS,
    RISK_NAMES,
    SOV_NAMES,
    SOVS,
)
from aanbesteding.render import datum

TITLE = "Verantwoording eisen digitale autonomie en soevereiniteit"


def _reviewed(reviewer: str | None, on: str | None) -> str:
    if reviewer and on:
        return f"{reviewer}, {on}"
    return reviewer or on or "nog niet beoordeeld"


def _tier(annex: Annex) -> list[Block]:
    t = annex.tender
    return [
        Heading(1, "1 Indeling en keuzes"),
        Para(
            f"Het systeem is ingedeeld in {t.laag.label.lower()}; het contracttype is "
            f"{CONTRACT_TYPE_LABELS[t.contracttype]}. {flat(annex.text('lagen', t.laag.key))}"
        ),
        *_seal_and_weights(annex),
        *award_sections(annex, "1.2"),
    ]


def _seal_and_weights(annex: Annex) -> list[Block]:
    profile = annex.weight_profile_label or annex.tender.weging
    minimum = tuple(
        (sov, SOV_NAMES[sov], f"SEAL-{level}" if level is not None else "geen minimum")
        for sov in SOVS
        for level in (annex.min_seal.get(sov),)
    )
    applies = (
        "gelden als knock-out"
        if annex.seal_minimum_applies
        else "gelden niet: de bijlage bevat geen eis over minimale SEAL-niveaus"
    )
    return [
        Heading(2, "1.1 Minimale SEAL-niveaus en weging"),
        Para(
            f"De minimale SEAL-niveaus hieronder komen uit beleid.yaml (seal_minimum) en {applies}. "
            f"{flat(annex.text('dossier', 'minima_herkomst'))} "
            f"De Soevereiniteitsscore weegt de doelstellingen volgens het profiel '{profile}' ({annex.tender.weging})."
        ),
        Table(
            ("Doelstelling", "Omschrijving", "Minimum", "Gewicht"),
            tuple((*row, f"{annex.weights.get(row[0], 0)}%") for row in minimum),
            (2.4, 9.0, 2.4, 2.2),
        ),
    ]


def _parameters(annex: Annex) -> list[Block]:
    changed = set(annex.tender.parameters)
    rows = tuple(
        (
            r.number,
            r.clause_id,
            name,
            str(value),
            "gewijzigd" if name in changed or f"{r.clause_id}.{name}" in changed else "standaard",
        )
        for r in annex.requirements
        for name, value in r.parameters.items()
    )
    if not rows:
        return []
    return [
        Heading(2, "2.5 Parameters"),
        Para(
            "De waarden waarmee de clausuleteksten zijn ingevuld; 'gewijzigd' betekent dat de "
            "Aanbestedende Dienst de standaard van de bibliotheek heeft aangepast."
        ),
        Table(("Nr.", "Clausule", "Parameter", "Waarde", "Herkomst"), rows, (1.3, 4.6, 4.6, 3.2, 2.3)),
    ]


def _traceability(annex: Annex) -> list[Block]:
    trace = tuple(
        (r.number, r.clause_id, r.version, r.status, _reviewed(r.reviewer, r.reviewed_on), r.origin or "–")
        for r in annex.requirements
    )
    risks = tuple((r.number, ", ".join(r.sov), ", ".join(r.risks)) for r in annex.requirements)
    sources = tuple((r.number, "; ".join(r.sources)) for r in annex.requirements)
    return [
        Heading(1, "2 Herleidbaarheid"),
        Para(
            "Elk onderdeel van de bijlage is overgenomen uit een clausule van de "
            "clausulebibliotheek. Alleen clausules met de status 'vastgesteld' zijn door de "
            "juridische afdeling goedgekeurd."
        ),
        Heading(2, "2.1 Clausule, versie en beoordeling"),
        Table(("Nr.", "Clausule", "Versie", "Status", "Beoordeeld", "Herkomst"), trace, (1.3, 4.6, 1.4, 1.9, 4.2, 2.6)),
        Heading(2, "2.2 Doelstellingen en risico's"),
        Table(("Nr.", "Doelstellingen (EU CSF)", "Risico's"), risks, (1.3, 7.0, 7.7)),
        Heading(2, "2.3 Bronnen"),
        Table(("Nr.", "Bronnen"), sources, (1.3, 14.7)),
        Heading(2, "2.4 Legenda"),
        Table(
            ("Code", "Betekenis"),
            tuple((code, name) for code, name in {**SOV_NAMES, **RISK_NAMES}.items()),
            (1.8, 14.2),
        ),
        *_parameters(annex),
        *_proportionality(annex),
    ]


def _proportionality(annex: Annex) -> list[Block]:
    rows = tuple((r.number, flat(r.verantwoording)) for r in annex.requirements if r.verantwoording.strip())
    if not rows:
        return []
    return [
        Heading(2, "2.6 Zwaarte per laag en contracttype"),
        Para(annex.text("dossier", "zwaarte_intro")),
        Table(("Nr.", "Onderbouwing"), rows, (1.3, 14.7)),
    ]


def _left_out(annex: Annex) -> list[Block]:
    by_buyer = [e for e in annex.exclusions if e.by_buyer]
    rows = tuple((e.clause_id, e.title, e.version, e.reason) for e in annex.exclusions)
    blocks: list[Block] = [Heading(1, "3 Niet opgenomen clausules")]
    if by_buyer:
        blocks.append(
            Para(
                f"De Aanbestedende Dienst heeft {len(by_buyer)} clausule(s) die deze "
                "laag vraagt bewust niet opgenomen; de motivering staat in de tabel "
                "(pas toe of leg uit)."
            )
        )
    blocks.append(
        Table(("Clausule", "Titel", "Versie", "Reden"), rows, (4.4, 5.0, 1.4, 5.2))
        if rows
        else Para("Alle clausules uit de bibliotheek zijn opgenomen.")
    )
    return blocks


NOTE = (
    "Dit document hoort in het aanbestedingsdossier. Het wordt niet aan inschrijvers "
    "verstrekt: het bevat interne gegevens en de namen van inschrijvers."
)


def _files(files: dict[str, str]) -> list[Block]:
    if not files:
        return []
    return [
        Para(
            "De documenten die samen met deze verantwoording zijn gemaakt, met hun "
            "SHA-256-hash; zo is na te gaan dat een gepubliceerde bijlage deze is:",
            keep_with_next=True,
        ),
        Table(("Bestand", "SHA-256"), tuple(files.items()), (5.0, 11.0)),
    ]


def accountability(annex: Annex, files: dict[str, str] | None = None) -> list[Block]:
    """The whole verantwoording: choices, traceability, left-out clauses, inputs, library,
    and the hashes of the ``files`` written with it (name -> SHA-256)."""
    origins = ", ".join(annex.library_origins) or "standaard"
    return [
        *_tier(annex),
        *_traceability(annex),
        *_left_out(annex),
        Heading(1, "4 Invoer"),
        Table(("Gegeven", "Waarde"), tuple(annex.inputs.items()), (5.0, 11.0)),
        Heading(1, "5 Clausulebibliotheek en reproduceerbaarheid"),
        Para(
            f"Samengesteld met aanbesteding {annex.tool_version} op {datum(annex.tender.datum)} "
            f"uit de bibliotheek ({origins}). Inhoudshash (SHA-256) van de bibliotheek:"
        ),
        Para(annex.library_hash, style="Clausule Metadata"),
        Para("Met dezelfde bibliotheek en dezelfde invoer levert het programma byte voor byte dezelfde documenten op."),
        *_files(files or {}),
    ]
