"""The tender: what the procurement officer tells the tool (flags or a profile file)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from aanbesteding.domain import ContractType, Laag, WeightProfileKey, date_problem
from aanbesteding.errors import InputError, Ref
from aanbesteding.support.pydantic_nl import field_path, translate
from aanbesteding.support.text import shorten
from aanbesteding.tender.award import Gunning, Route
from aanbesteding.tender.fields import (
    DEFAULT_BIDDERS as DEFAULT_BIDDERS,
    DEFAULT_SCALE as DEFAULT_SCALE,
    LAAG_CHOICES as LAAG_CHOICES,
    MAX_PRICE as MAX_PRICE,
    OCID_PREFIX as OCID_PREFIX,
    PLAIN_AMOUNT as PLAIN_AMOUNT,
    DocumentStatus as DocumentStatus,
    Form as Form,
    Input as Input,
    Percentage as Percentage,
    PriceMethod as PriceMethod,
    Ratio as Ratio,
    Text as Text,
    _digits as _digits,
    _ocid_prefix as _ocid_prefix,
    _option as _option,
    _plain_int as _plain_int,
    _xml_safe as _xml_safe,
)


def field_input(name: str) -> Input:
    """The :class:`Input` of the tender field ``name``."""
    extra = Tender.model_fields[name].json_schema_extra
    return extra if isinstance(extra, Input) else Input()


class Tender(BaseModel):
    """Tender details and choices; every field has a sensible default except tier and type.

    The fields are the one definition of the officer's inputs: the ``genereer`` options, the
    profile keys and their help texts are all derived from them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    laag: Laag = Field(
        **_option("Laag van het systeem: 1/kritiek, 2/gevoelig of 3/ondersteunend.", choices=LAAG_CHOICES)
    )
    contracttype: ContractType = Field(
        **_option(
            "Wat wordt ingekocht: saas (de leverancier levert en host de applicatie), paas (een "
            "platform waarop u zelf applicaties draait), iaas (virtuele servers en opslag; u beheert "
            "besturingssysteem en applicaties), hosting (beheerde hosting, housing of colocatie van "
            "uw eigen systemen in een datacenter), licentie (software die u zelf installeert, met "
            "onderhoud)."
        )
    )
    organisatie: Text | None = Field(None, **_option("Naam van de Aanbestedende Dienst.", metavar="NAAM"))
    opdracht: Text | None = Field(None, **_option("Naam van de opdracht of aanbesteding.", metavar="TEKST"))
    kenmerk: Text | None = Field(None, **_option("Kenmerk of zaaknummer.", metavar="TEKST"))
    systeem: Text | None = Field(None, **_option("Naam van het systeem.", metavar="NAAM"))
    datum: dt.date = Field(
        default_factory=dt.date.today,
        **_option("Datum van het document (JJJJ-MM-DD); standaard vandaag.", metavar="JJJJ-MM-DD"),
    )
    versie: Text = Field("1.0", **_option("Versie van het document (standaard 1.0).", metavar="TEKST"))
    aanduiding: Text | None = Field(
        None,
        **_option(
            "Hoe de aanbestedingsstukken naar de bijlage verwijzen, bijv. 'Bijlage 3 bij de "
            "Aanbestedingsleidraad'; komt op het voorblad.",
            metavar="TEKST",
        ),
    )
    status: DocumentStatus = Field(
        "concept", **_option("Documentstatus; definitief kan alleen als alle opgenomen clausules vastgesteld zijn.")
    )
    parameters: dict[str, str | int | float] = Field(
        default_factory=dict,
        **_option(
            "Wijzig een parameter, bijv. zeggenschapswijziging.aankondiging_dagen=60 (herhaalbaar).",
            flag="--param",
            metavar="NAAM=WAARDE",
            repeatable=True,
            form="toewijzingen",
        ),
    )
    uitsluiten: dict[str, Text] = Field(
        default_factory=dict,
        **_option(
            "Laat een clausule weg met motivering (pas toe of leg uit; herhaalbaar).",
            metavar="ID=REDEN",
            repeatable=True,
            form="toewijzingen",
        ),
    )
    met: list[Text] = Field(
        default_factory=list,
        **_option(
            "Neem een clausule op die deze laag standaard weglaat, in de formulering van de "
            "dichtstbijzijnde laag die haar heeft (herhaalbaar).",
            metavar="ID",
            repeatable=True,
            form="lijst",
        ),
    )
    inschrijvers: list[Text] = Field(
        default_factory=lambda: list(DEFAULT_BIDDERS),
        min_length=1,
        max_length=20,
        **_option(
            "Naam van een inschrijver in de beoordelingsmatrix (herhaalbaar).",
            flag="--inschrijver",
            metavar="NAAM",
            repeatable=True,
            form="lijst",
        ),
    )
    weging: WeightProfileKey = Field(
        "eu-csf-2025", **_option("Wegingsprofiel EU Cloud Sovereignty Framework (standaard eu-csf-2025).")
    )
    verhouding: Ratio | None = Field(
        None,
        **_option(
            "Verhouding in het totaal, in procenten (standaard: wat de bibliotheek voor de laag "
            "vastlegt; zie beleid.yaml).",
            metavar="kwaliteit=K,soevereiniteit=S,prijs=P",
            form="verhouding",
        ),
    )
    pmin: Annotated[float, Field(gt=0, le=MAX_PRICE, allow_inf_nan=False)] | None = Field(
        None,
        **_option(
            "Gewogen factor: de prijs in euro's (excl. btw) waarbij en waaronder de volle "
            "prijsscore wordt toegekend; wordt in de bijlage gepubliceerd.",
            metavar="BEDRAG",
        ),
    )
    pmax: Annotated[float, Field(gt=0, le=MAX_PRICE, allow_inf_nan=False)] | None = Field(
        None,
        **_option(
            "Gewogen factor: de prijs in euro's (excl. btw) waarbij en waarboven de prijsscore "
            "nul is; wordt in de bijlage gepubliceerd.",
            metavar="BEDRAG",
        ),
    )
    prijsmethode: PriceMethod = Field(
        "gewogen-factor", **_option("Methode voor de prijsbeoordeling (standaard gewogen-factor).")
    )
    schaal: list[Percentage] = Field(
        default_factory=lambda: list(DEFAULT_SCALE),
        min_length=2,
        **_option("Scoreschaal voor wensen.", metavar="0,2,4,6,8,10", form="reeks"),
    )
    laagmotivering: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]] = (
        Field(
            default_factory=list,
            **_option(
                "Waarom deze laag (herhaalbaar); 'aanbesteding classificeer' vult dit in. Komt in de verantwoording.",
                metavar="TEKST",
                repeatable=True,
                form="lijst",
            ),
        )
    )

    # --- award: the leidraad's model and the laag-1 justification (one place for the options)
    gunning: Gunning | None = Field(
        None,
        **_option(
            "Het gunningsmodel van de aanbestedingsleidraad waarin deze bijlage één (sub)criterium "
            "uitwerkt: leidraad (vindplaats), subcriterium, weging (%), criterium=NAAM:WEGING per "
            "criterium van de leidraad (NAAM:WEGING:prijs voor de prijs), beslisregel bij gelijke "
            "score, prijsdefinitie (wat de prijs P is). Herhaalbaar; in een profiel de sleutel "
            "'gunning' met dezelfde namen. Zonder gunning blijft het document een concept.",
            metavar="NAAM=WAARDE",
            repeatable=True,
            form="gunning",
        ),
    )
    veiligheidsanalyse: (
        Annotated[
            str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), AfterValidator(_xml_safe)
        ]
        | None
    ) = Field(
        None,
        **_option(
            "Laag 1: vindplaats van de gedocumenteerde veiligheidsanalyse in het dossier (kenmerk, "
            "datum) waarop eisen aan vestiging of Zeggenschap steunen.",
            metavar="TEKST",
        ),
    )
    marktconsultatie: (
        Annotated[
            str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), AfterValidator(_xml_safe)
        ]
        | None
    ) = Field(
        None,
        **_option(
            "Vindplaats van de marktconsultatie of -verkenning in het dossier die de zware "
            "knock-outs onderbouwt (komt in de verantwoording).",
            metavar="TEKST",
        ),
    )
    route: Route | None = Field(
        None,
        **_option(
            "Laag 1: de grondslag van eisen aan vestiging of Zeggenschap: artikel-2.24 "
            "(Aanbestedingswet 2012, wezenlijke veiligheidsbelangen) of evenredige-beperking.",
            choices=("artikel-2.24", "evenredige-beperking"),
        ),
    )
    # Publication as open data (--json, OCDS): who publishes and under which ocid prefix.
    ocid_prefix: Annotated[str, AfterValidator(_ocid_prefix)] | None = Field(
        None,
        **_option(
            "OCDS-prefix die de Open Contracting Partnership aan de Aanbestedende Dienst heeft "
            "toegekend (vorm ocds-xxxxxx), voor de ocid in de JSON-export; zonder deze optie "
            "staat er het voorbeeld ocds-213czf uit de OCDS-documentatie, dat bij status "
            "definitief wordt geweigerd.",
            flag="--ocid-prefix",
            metavar="ocds-xxxxxx",
        ),
    )
    oin: Annotated[str, AfterValidator(_digits(20, "een OIN"))] | None = Field(
        None,
        **_option(
            "Organisatie-identificatienummer (OIN, 20 cijfers) van de Aanbestedende "
            "Dienst; komt in de JSON-export bij de koper.",
            metavar="NUMMER",
        ),
    )
    kvk: Annotated[str, AfterValidator(_digits(8, "een KvK-nummer"))] | None = Field(
        None,
        **_option(
            "KvK-nummer (8 cijfers) van de Aanbestedende Dienst; komt in de JSON-export bij de koper.", metavar="NUMMER"
        ),
    )

    @field_validator("parameters", mode="before")
    @classmethod
    def _no_yes_no_parameters(cls, values: object) -> object:
        # YAML true/false would pass as 1/0; a parameter is a number or a text, never yes/no.
        if isinstance(values, dict):
            for name, value in values.items():
                if isinstance(value, bool):
                    raise ValueError(f"parameter '{name}': {str(value).lower()} is geen getal of tekst")
        return values

    @field_validator("inschrijvers")
    @classmethod
    def _distinct_bidders(cls, names: list[str]) -> list[str]:
        doubles = sorted({name for name in names if names.count(name) > 1})
        if doubles:
            raise ValueError(
                "elke inschrijver moet een andere naam hebben; dubbel: " + ", ".join(shorten(name) for name in doubles)
            )
        return names

    @field_validator("schaal")
    @classmethod
    def _rising_scale(cls, scale: list[int]) -> list[int]:
        if sorted(set(scale)) != list(scale):
            raise ValueError(
                f"de schaal moet oplopend zijn, zonder dubbele waarden (gegeven: {','.join(map(str, scale))})"
            )
        return scale

    @field_validator("datum")
    @classmethod
    def _date_in_range(cls, value: dt.date) -> dt.date:
        problem = date_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("pmin", "pmax", mode="before")
    @classmethod
    def _plain_amount(cls, value: object) -> object:
        # float() would take '3_0', '1e308' and full-width digits; an amount is plain digits.
        if isinstance(value, bool):
            raise ValueError("moet een bedrag in euro's zijn, geen ja/nee")
        if isinstance(value, str):
            if not PLAIN_AMOUNT.fullmatch(value.strip()):
                raise ValueError(
                    f"{shorten(value)} is geen bedrag; schrijf alleen cijfers, met "
                    "een punt voor de centen (bijv. 125000 of 125000.50)"
                )
            return float(value.strip())
        return value

    @field_validator("pmax")
    @classmethod
    def _above_pmin(cls, value: float | None, info: ValidationInfo) -> float | None:
        pmin = info.data.get("pmin")
        if value is not None and pmin is not None and value <= pmin:
            raise ValueError(f"moet groter zijn dan pmin ({pmin:g})")
        return value

    def details(self) -> list[tuple[str, str]]:
        """The tender as labelled rows for a cover: only the details that have a value."""
        from aanbesteding.domain import CONTRACT_TYPE_LABELS
        from aanbesteding.render import datum

        rows = [
            ("Aanbestedende Dienst", self.organisatie),
            ("Opdracht", self.opdracht_titel),
            ("Kenmerk", self.kenmerk),
            ("Systeem", self.systeem),
            ("Laag", self.laag.label),
            ("Contracttype", CONTRACT_TYPE_LABELS[self.contracttype]),
            ("Datum", datum(self.datum)),
            ("Versie", self.versie),
            ("Status", self.status.capitalize()),
        ]
        return [(label, value) for label, value in rows if value]

    @property
    def organisatie_naam(self) -> str:
        """The buyer's name, or the defined term when no name was given."""
        return self.organisatie or "de Aanbestedende Dienst"

    @property
    def opdracht_titel(self) -> str:
        from aanbesteding.domain import CONTRACT_TYPE_LABELS

        return self.opdracht or f"Aanbesteding {CONTRACT_TYPE_LABELS[self.contracttype]}"


def parse_tier(value: str | int | Laag) -> Laag:
    """Parse a tier given as 1/2/3 or its name; raise InputError in Dutch otherwise."""
    if isinstance(value, Laag):
        return value
    try:
        return Laag.parse(value)
    except ValueError:
        raise InputError(f"onbekende laag {shorten(value)}; kies 1, 2, 3 of kritiek, gevoelig, ondersteunend") from None


def build_tender(values: dict[str, object], source: str = "opties") -> Tender:
    """Validate tender values; raise InputError naming ``source`` and each bad field."""
    data = dict(values)
    if "laag" in data and data["laag"] is not None and not isinstance(data["laag"], Laag):
        data["laag"] = parse_tier(str(data["laag"]))
    try:
        return Tender.model_validate(data)
    except ValidationError as exc:
        parts: list[str | Ref] = ["ongeldige aanbestedingsgegevens:"]
        for loc, msg in translate(exc):
            parts += ["\n", *_where(source, loc), f": {msg}"]
        raise InputError(parts) from exc


def _where(source: str, loc: tuple[str | int, ...]) -> list[str | Ref]:
    """The field as the officer gave it (the front end names it: ``--schaal`` on the command
    line), or ``profiel.yaml: schaal`` for a profile file."""
    if source == "opties" and loc and isinstance(loc[0], str) and loc[0] in Tender.model_fields:
        if len(loc) == 2 and isinstance(loc[1], int):
            return [Ref(loc[0]), f" (waarde {loc[1] + 1})"]
        return [Ref(loc[0]), f" {field_path(loc[1:])}"] if len(loc) > 1 else [Ref(loc[0])]
    return [f"{source}: {field_path(loc)}"]
