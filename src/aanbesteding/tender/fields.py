"""The types and checks of the tender fields, and how the officer gives each field
(:class:`Input`): the one field specification every front end renders."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from aanbesteding.support.text import invalid_character_message, shorten


def _xml_safe(text: str) -> str:
    problem = invalid_character_message(text)
    if problem:
        raise ValueError(f"de tekst {problem}")
    return text


def _plain_int(value: object) -> object:
    """Refuse what int() would take but an officer did not mean: true/false, '3_0', '３０'."""
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is geen geheel getal")
    if isinstance(value, str) and not value.strip().isascii():
        raise ValueError(f"{shorten(value)} is geen geheel getal (gebruik de cijfers 0-9)")
    if isinstance(value, str) and not value.strip().lstrip("+-").isdigit():
        raise ValueError(f"{shorten(value)} is geen geheel getal")
    return value


OCID_PREFIX = re.compile(r"ocds-[a-z0-9]{6}")


def _ocid_prefix(value: str) -> str:
    """An ocid prefix as the Open Contracting Partnership assigns them: ``ocds-`` + 6 signs."""
    text = value.strip()
    if not OCID_PREFIX.fullmatch(text):
        raise ValueError(
            f"{shorten(value)} is geen OCDS-prefix; de vorm is ocds- gevolgd door "
            "zes kleine letters of cijfers, bijv. ocds-a1b2c3"
        )
    return text


def _digits(count: int, what: str) -> Callable[[str], str]:
    """A validator for an identifier of exactly ``count`` digits (spaces allowed between)."""

    def check(value: str) -> str:
        text = re.sub(r"\s", "", value)
        if not (text.isascii() and text.isdigit() and len(text) == count):
            raise ValueError(f"{shorten(value)} is geen geldig nummer; {what} bestaat uit {count} cijfers")
        return text

    return check


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_xml_safe)]
Percentage = Annotated[int, BeforeValidator(_plain_int), Field(ge=0, le=100)]
# Zip packages (docx, xlsx) store dates from 1980 to 2107; a tender document is dated in
# this century, so anything outside it is a typing error.
PriceMethod = Literal["gewogen-factor", "gunnen-op-waarde"]
DocumentStatus = Literal["concept", "definitief"]
MAX_PRICE = 1e12  # a price above a trillion euros is a typing error, and overflows the formatting
PLAIN_AMOUNT = re.compile(r"[0-9]{1,13}(?:\.[0-9]{1,2})?")


class Ratio(BaseModel):
    """Share of quality, sovereignty and price in the total score, in whole percentages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kwaliteit: Percentage = 40
    soevereiniteit: Percentage = 30
    prijs: Percentage = 30

    @model_validator(mode="after")
    def _total(self) -> Ratio:
        if self.kwaliteit + self.soevereiniteit + self.prijs != 100:
            raise ValueError("kwaliteit, soevereiniteit en prijs moeten samen 100 zijn")
        return self


DEFAULT_BIDDERS: tuple[str, ...] = ("Inschrijver 1", "Inschrijver 2", "Inschrijver 3")
DEFAULT_SCALE: tuple[int, ...] = (0, 2, 4, 6, 8, 10)


LAAG_CHOICES: tuple[str, ...] = ("1", "2", "3", "kritiek", "gevoelig", "ondersteunend")


Form = Literal["tekst", "lijst", "toewijzingen", "verhouding", "reeks", "gunning"]


@dataclass(frozen=True)
class Input:
    """How the officer gives a tender field, for every front end: the option (``--naam``), the
    profile key (the field name), the help text, the choices and how text becomes a value.

    Attached to each :class:`Tender` field as its ``json_schema_extra``; it also writes itself
    into the field's JSON schema (``x-invoer``) for front ends that read the schema.
    """

    flag: str | None = None  # the option when it differs from --<field>, e.g. --param
    metavar: str | None = None
    choices: tuple[str, ...] | None = None  # when not the field type's own Literal choices
    repeatable: bool = False
    form: Form = "tekst"  # tekst, lijst, toewijzingen (NAAM=WAARDE), verhouding, reeks

    def __call__(self, schema: dict[str, Any]) -> None:
        schema["x-invoer"] = {
            "vlag": self.flag,
            "metavar": self.metavar,
            "keuzes": list(self.choices) if self.choices else None,
            "herhaalbaar": self.repeatable,
            "vorm": self.form,
        }


def _option(
    description: str,
    *,
    flag: str | None = None,
    metavar: str | None = None,
    choices: tuple[str, ...] | None = None,
    repeatable: bool = False,
    form: Form = "tekst",
) -> dict[str, Any]:
    """The ``Field`` settings of a tender field: its help text and its :class:`Input`."""
    return {"description": description, "json_schema_extra": Input(flag, metavar, choices, repeatable, form)}
