"""``aanbesteding bibliotheek ...``: commands for the clause library (legal's side)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from aanbesteding.cli.dutch import DutchGroup, Keuze
from aanbesteding.cli.options import library_option, library_sources

PAD_HELP = "PAD is een map, of REVISIE:map in de git-repository rond de huidige map (bijv. HEAD~1:clauses)."
ALONE = (
    "PAD (een map, of REVISIE:map) is een volledige bibliotheek die op zichzelf wordt "
    "gebruikt; zonder PAD de meegeleverde. --bibliotheek legt daar de bibliotheek van de "
    "eigen organisatie overheen."
)
STATUSES = ["concept", "in-review", "vastgesteld", "vervallen"]
TIERS = ["1", "2", "3", "kritiek", "gevoelig", "ondersteunend"]
CONTRACT_TYPES = ["saas", "paas", "iaas", "hosting", "licentie"]


@click.group(cls=DutchGroup)
def bibliotheek() -> None:
    """Beheer en controle van de clausulebibliotheek."""


@bibliotheek.command("controleer")
@click.argument("pad", required=False)
@library_option
def controleer(pad: str | None, bibliotheek: tuple[str, ...]) -> None:
    """Controleer de clausulebibliotheek in PAD (standaard: de meegeleverde bibliotheek).

    Voert alle controles uit, ook de dure (elke tekst in elke laag en elk contracttype
    verwerken), en meldt alle problemen in één keer als bestand:regel: veld: melding.
    Een zin in een toelichting die over een laag of contracttype gaat, meldt zij als
    waarschuwing (de toelichting is voor inschrijvers; zo'n zin hoort meestal in het veld
    verantwoording); de bibliotheek blijft dan bruikbaar.
    Een vastgestelde clausule moet beoordeeld_door en beoordeeld_op hebben.
    """
    from aanbesteding.errors import LibraryError
    from aanbesteding.library.lint import library_warnings
    from aanbesteding.library.loader import load_library_with_problems

    library, problems = load_library_with_problems(*library_sources(pad, bibliotheek), lint="full")
    if library is None:
        raise LibraryError(problems)
    for warning in library_warnings(library.clauses):
        click.echo(f"Waarschuwing: {warning}", err=True)
    click.echo(
        f"Bibliotheek in orde: {len(library.clauses)} clausules, "
        f"{len(library.themes)} thema's, {len(library.definitions)} begrippen "
        f"({library.location})."
    )


@bibliotheek.command("overzicht")
@click.argument("pad", required=False)
@library_option
@click.option(
    "--formaat",
    type=Keuze(["tabel", "json", "csv"]),
    default="tabel",
    show_default=True,
    help="Uitvoer als teksttabel, JSON of CSV (puntkomma's, voor een spreadsheet).",
)
@click.option("--status", type=Keuze(STATUSES), help="Alleen clausules met deze status.")
@click.option("--laag", type=Keuze(TIERS, case_sensitive=False), help="Alleen clausules die in deze laag gelden.")
@click.option(
    "--contracttype",
    type=Keuze(CONTRACT_TYPES, case_sensitive=False),
    help="Alleen clausules die voor dit contracttype gelden.",
)
def overzicht(
    pad: str | None,
    bibliotheek: tuple[str, ...],
    formaat: str,
    status: str | None,
    laag: str | None,
    contracttype: str | None,
) -> None:
    """Toon één regel per clausule, met beoordeling en herkomst; filter op status, laag, type.

    Kolommen: id, titel, versie, status, beoordeeld (door en op), herkomst, SOV, soort per laag
    en contracttypen.
    De kolom herkomst zegt uit welke bibliotheek de clausule komt (standaard of de map van
    --bibliotheek). Met --laag én --contracttype staat vooraan het nummer dat een inschrijver
    in de bijlage ziet (E-01, W-01, B-01 …), in de volgorde van de bijlage.
    """
    from aanbesteding.domain import Laag
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.overview import Filter, overview_csv, overview_json, overview_table

    library = load_library(*library_sources(pad, bibliotheek))
    only = Filter(status, Laag.parse(laag) if laag else None, contracttype.lower() if contracttype else None)
    show = {"json": overview_json, "csv": overview_csv}.get(formaat, overview_table)
    click.echo(show(library, only), nl=False)


@bibliotheek.command("parameters")
@click.argument("pad", required=False)
@library_option
@click.option(
    "--laag",
    type=Keuze(["1", "2", "3", "kritiek", "gevoelig", "ondersteunend"], case_sensitive=False),
    help="Alleen de parameters van clausules die in deze laag gelden.",
)
@click.option(
    "--contracttype",
    type=Keuze(["saas", "paas", "iaas", "hosting", "licentie"], case_sensitive=False),
    help="Alleen de parameters van clausules die bij dit contracttype gelden.",
)
def parameters(pad: str | None, bibliotheek: tuple[str, ...], laag: str | None, contracttype: str | None) -> None:
    """Toon alle parameters die met --param kunnen worden gewijzigd, met standaard en grenzen."""
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.overview import parameters_table
    from aanbesteding.tender.model import parse_tier

    library = load_library(*library_sources(pad, bibliotheek))
    only = None
    if laag or contracttype:
        tier = parse_tier(laag.lower()) if laag else None
        only = {
            c.clause.id
            for c in library.clauses
            if c.clause.status != "vervallen"
            and (tier is None or c.clause.lagen.for_tier(tier) is not None)
            and (contracttype is None or contracttype.lower() in c.clause.contracttypen)
        }
    click.echo(parameters_table(library, only), nl=False)


@bibliotheek.command("schema")
def schema() -> None:
    """Druk het JSON Schema van het clausuleformaat af (zoals clauses/schema.json)."""
    from aanbesteding.library.schema import clause_schema_json

    click.echo(clause_schema_json(), nl=False)


OUTPUT = click.Path(path_type=Path, dir_okay=False)
DATE_HELP = "Datum op het document (JJJJ-MM-DD); standaard vandaag. Zelfde datum, zelfde bytes."


def _date(value: str | None) -> dt.date:
    """The document date: ``value`` (JJJJ-MM-DD) or today; InputError when unreadable or
    outside the range every date option checks (:func:`aanbesteding.domain.date_problem`)."""
    from aanbesteding.domain import date_problem
    from aanbesteding.errors import InputError

    if value is None:
        return dt.date.today()
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--datum {value}: geen geldige datum; gebruik JJJJ-MM-DD") from None
    problem = date_problem(date)
    if problem:
        raise InputError(f"--datum {value}: {problem}")
    return date


@bibliotheek.command("review")
@click.argument("pad", required=False)
@library_option
@click.option(
    "--uitvoer",
    type=OUTPUT,
    metavar="BESTAND",
    default=Path("review-clausules.docx"),
    show_default=True,
    help="Pad van het Word-document (.docx).",
)
@click.option("--datum", metavar="JJJJ-MM-DD", help=DATE_HELP)
@click.option("--force", is_flag=True, help="Overschrijf een bestaand bestand.")
def review(pad: str | None, bibliotheek: tuple[str, ...], uitvoer: Path, datum: str | None, force: bool) -> None:
    """Schrijf de hele bibliotheek als Word-document voor de juridische beoordeling.

    Per thema elke clausule met id, versie, status, eigenaar, beoordeling, herkomst,
    bronnen, SOV en risico's, de tekst per laag met de parameters gemarkeerd, en ruimte
    voor opmerkingen; vooraf een tabel met de toepasselijkheid per laag en contracttype.
    """
    from aanbesteding.errors import OutputError
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.review import library_review
    from aanbesteding.support.output import write_atomic
    from aanbesteding.writers.docx.review import review_bytes

    if uitvoer.suffix.lower() != ".docx":
        raise OutputError(f"--uitvoer {uitvoer}: het document moet de extensie .docx hebben")
    library = load_library(*library_sources(pad, bibliotheek))
    write_atomic(uitvoer, review_bytes(library_review(library), _date(datum)), force=force)
    click.echo(f"Beoordelingsdocument geschreven: {uitvoer} ({len(library.clauses)} clausules)")


@bibliotheek.command("verschil")
@click.argument("oud", required=False)
@click.argument("nieuw", required=False)
@library_option
@click.option(
    "--uitvoer",
    type=OUTPUT,
    metavar="BESTAND",
    help="Schrijf de wijzigingen als Word-document (.docx) met doorhalingen.",
)
@click.option("--datum", metavar="JJJJ-MM-DD", help=DATE_HELP)
@click.option("--force", is_flag=True, help="Overschrijf een bestaand bestand.")
def verschil(
    oud: str | None,
    nieuw: str | None,
    bibliotheek: tuple[str, ...],
    uitvoer: Path | None,
    datum: str | None,
    force: bool,
) -> None:
    """Vergelijk twee versies van een bibliotheek: nieuwe, verwijderde en gewijzigde clausules.

    OUD en NIEUW zijn mappen, git-revisies (bijv. HEAD~1:clauses HEAD:clauses, in de map
    van een git-kloon) of 'standaard' (de meegeleverde bibliotheek). Met --bibliotheek MAP en
    zonder OUD en NIEUW: de wijzigingen van de organisatiebibliotheek MAP ten opzichte van de
    standaard (MAP ligt over NIEUW). Met --uitvoer komt er een Word-document bij met per
    gewijzigde tekst de verwijderde woorden doorgehaald en de toegevoegde onderstreept. Een
    clausule waarvan de tekst veranderde zonder nieuwe versie wordt gemeld.
    """
    from aanbesteding.errors import OutputError
    from aanbesteding.reports.diff import compare_sources, summary
    from aanbesteding.support.output import check_writable, write_atomic

    if uitvoer is not None:
        if uitvoer.suffix.lower() != ".docx":
            raise OutputError(f"--uitvoer {uitvoer}: het document moet de extensie .docx hebben")
        check_writable([uitvoer], force)
    diff = compare_sources(oud, nieuw, bibliotheek)
    click.echo(summary(diff), nl=False)
    if uitvoer is not None:
        from aanbesteding.writers.docx.redline import redline_bytes

        write_atomic(uitvoer, redline_bytes(diff, _date(datum)), force=force)
        click.echo(f"Wijzigingsdocument geschreven: {uitvoer}")


@bibliotheek.command("nieuw")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@click.argument("ids", metavar="[ID ...]", nargs=-1)
@click.option(
    "--organisatie", metavar="NAAM", help="Naam van de organisatie, voor de titel van de README (standaard: MAP)."
)
def nieuw(map_: Path, ids: tuple[str, ...], organisatie: str | None) -> None:
    """Begin een bibliotheek van de eigen organisatie in MAP, of vul haar aan.

    Schrijft een README, WIJZIGINGEN.md, schema.json en een kopie (status concept, met lege
    beoordeeld_door en beoordeeld_op) van elke genoemde clausule uit de standaardbibliotheek,
    om aan te passen. Bestaat MAP al als organisatiebibliotheek, dan komen alleen de kopieën
    erbij. Gebruik de map daarna met --bibliotheek MAP.
    """
    from aanbesteding.library.loader import load_library
    from aanbesteding.library.scaffold import new_library

    existed = map_.is_dir() and any(map_.iterdir())
    written = new_library(map_, load_library(), ids, organisatie)
    copies = sum(1 for p in written if p.suffix == ".yaml")
    if existed:
        click.echo(f"{copies} clausule(s) met status concept toegevoegd aan {map_}.")
    else:
        click.echo(
            f"Organisatiebibliotheek aangemaakt in {map_}: README.md, WIJZIGINGEN.md, "
            f"schema.json en {copies} clausule(s) met status concept."
        )
    click.echo(f"Gebruik: aanbesteding genereer ... --bibliotheek {map_}")


@bibliotheek.command("vaststellen")
@click.argument("ids", metavar="ID... | alle", nargs=-1, required=True)
@click.option("--door", required=True, metavar="NAAM", help="Naam van de beoordelend jurist.")
@click.option("--op", "op", required=True, metavar="JJJJ-MM-DD", help="Datum van de beoordeling.")
@click.option(
    "--bibliotheek",
    "map_",
    required=True,
    metavar="MAP",
    type=click.Path(path_type=Path, file_okay=False),
    help="De organisatiebibliotheek waarin de clausules worden vastgesteld.",
)
def vaststellen(ids: tuple[str, ...], door: str, op: str, map_: Path) -> None:
    """Stel clausules vast in de organisatiebibliotheek MAP (of 'alle' clausules).

    Zet status: vastgesteld, beoordeeld_door en beoordeeld_op. Een clausule die alleen in de
    standaard staat, wordt eerst naar MAP gekopieerd; de standaard zelf blijft ongewijzigd.
    Kan alleen als 'bibliotheek controleer --bibliotheek MAP' geen problemen meldt. Het
    versienummer verandert nooit: een gewijzigde tekst met het oude nummer wordt geweigerd.
    """
    from aanbesteding.errors import InputError
    from aanbesteding.library.adopt import adopt

    try:
        date = dt.date.fromisoformat(op)
    except ValueError:
        raise InputError(f"--op {op}: geen geldige datum; schrijf JJJJ-MM-DD") from None
    result = adopt(map_, ids, door, date)
    click.echo(
        f"{len(result.adopted)} clausule(s) vastgesteld in {map_} door {door} op "
        f"{date.isoformat()}"
        + (f"; {len(result.copied)} daarvan eerst gekopieerd uit de standaard" if result.copied else "")
        + "."
    )
    if result.unchanged:
        click.echo(f"{len(result.unchanged)} clausule(s) waren al zo vastgesteld.")
    click.echo(f"Een definitieve bijlage: aanbesteding genereer ... --status definitief --bibliotheek {map_}")


@bibliotheek.command("gebruik")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@library_option
@click.option(
    "--formaat",
    type=Keuze(["tabel", "json"]),
    default="tabel",
    show_default=True,
    help="Uitvoer als tekst of als JSON.",
)
@click.option("--alles", is_flag=True, help="Toon elke aanbesteding met al haar clausules, niet alleen wat afwijkt.")
def gebruik(map_: Path, bibliotheek: tuple[str, ...], formaat: str, alles: bool) -> None:
    """Toon welke clausuleversies de aanbestedingen onder MAP gebruikten.

    Leest de manifesten (*.manifest.json) die genereer naast de documenten schrijft, en
    meldt welke clausules in de huidige bibliotheek een nieuwere versie hebben of verdwenen
    zijn. Eerst het antwoord, dan alleen de aanbestedingen en clausules die afwijken
    (--alles: alles).
    """
    from aanbesteding.library.loader import load_library
    from aanbesteding.reports.usage import find_usage, usage_json, usage_text

    library = load_library(*library_sources(None, bibliotheek))
    uses, unreadable = find_usage(map_, library)
    click.echo(usage_json(uses) if formaat == "json" else usage_text(map_, uses, unreadable, library, alles), nl=False)
