"""The project's exception hierarchy. Every message is Dutch and meant for the user.

No click here: the core raises these, the CLI prints them. Every class survives pickling
(a parallel batch sends errors between processes), arguments included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class AanbestedingError(Exception):
    """Base class: every error the tool raises on purpose. The CLI prints it and exits 1."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One problem found in a clause library, located as precisely as known."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.field in ("(bestand)", "(map)"):  # the problem is the file or folder itself
            return f"{where or '.'}: {self.message}"
        return f"{where}: {self.field}: {self.message}"


class LibraryError(AanbestedingError):
    """Raised when a clause library cannot be loaded or fails validation.

    Carries every problem found, so a reviewer sees them all in one run.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        super().__init__(f"de clausulebibliotheek bevat {count} {noun}:\n{lines}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))


class SourceError(AanbestedingError):
    """Raised when a library source (a folder or a git revision) cannot be found or read."""


class TemplateError(AanbestedingError):
    """Raised when a clause text cannot be rendered (syntax, unknown variable, sandbox)."""


class InputError(AanbestedingError):
    """Raised for invalid user input: options, parameters, profile files."""


class PolicyError(AanbestedingError):
    """Raised when a tender asks for something the library's rules forbid, such as a final
    (definitief) document from clauses legal has not adopted."""


class OutputError(AanbestedingError):
    """Raised when an output file cannot be written, or exists and may not be overwritten."""


class DocumentTemplateError(AanbestedingError):
    """Raised when a Word base document (--sjabloon) is missing, unreadable or unsuitable."""


class ResponseError(AanbestedingError):
    """Raised when bidders' forms (inschrijversformulieren) cannot be imported: carries every
    problem of every form, per bidder and row, so all are seen in one run; nothing is written."""

    def __init__(self, problems: list[str] | tuple[str, ...], summary: str = "") -> None:
        self.problems = list(problems)
        self.summary = summary
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        head = summary or f"de formulieren bevatten {count} {noun}; er is niets geschreven"
        super().__init__(head + ":\n" + "\n".join(self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems, self.summary))
