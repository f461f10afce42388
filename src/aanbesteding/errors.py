"""The project's exception hierarchy. Every message is Dutch and meant for the user.

No click here: the core raises these, the CLI prints them. Every class survives pickling
(a parallel batch sends errors between processes), arguments included.

An error about one input names its **field**, a path in the tender model (``verhouding``,
``uitsluiten``, ``parameters``) or an argument of the generation (``uitvoer``, ``force``,
``pdf``), never a command-line flag: each front end shows the field its own way (the CLI as
its option, ``--verhouding``; batch as the profile key; a form as the field on its page).
A message may refer to another field with :class:`Ref`; :meth:`AanbestedingError.located`
renders the message with a function from field to name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Ref:
    """A reference to a field inside a message, shown as the front end names that field."""

    field: str


MessagePart = str | Ref


def _plain(name: str) -> str:
    return name


class AanbestedingError(Exception):
    """Base class: every error the tool raises on purpose. The CLI prints it and exits 1.

    ``field`` is the input at fault (see the module docstring) and ``subject`` what of it,
    e.g. the clause id; both head the message: ``verhouding: …``, ``uitsluiten exitplan: …``.
    """

    exit_code = 1

    def __init__(
        self, message: str | Sequence[MessagePart] = "", *, field: str | None = None, subject: str | None = None
    ) -> None:
        self.parts: tuple[MessagePart, ...] = (message,) if isinstance(message, str) else tuple(message)
        self.field = field
        self.subject = subject
        super().__init__(self.located())

    def located(self, name: Callable[[str], str] = _plain) -> str:
        """The message with its field (and every referenced field) named by ``name``."""
        text = "".join(name(p.field) if isinstance(p, Ref) else p for p in self.parts)
        head = " ".join(x for x in (name(self.field) if self.field else None, self.subject) if x)
        return f"{head}: {text}" if head else text

    @property
    def message(self) -> str:
        """The message without its field (references named plainly)."""
        return "".join(p.field if isinstance(p, Ref) else p for p in self.parts)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.parts, self.field, self.subject))


def _rebuild(
    cls: type[AanbestedingError], parts: tuple[MessagePart, ...], field: str | None, subject: str | None
) -> AanbestedingError:
    error = cls.__new__(cls)
    AanbestedingError.__init__(error, parts, field=field, subject=subject)
    return error


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
