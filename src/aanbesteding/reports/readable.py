"""Clause template texts as a lawyer reads them: no template code, only legal text.

A clause text is a sandboxed Jinja template. The review and redline documents show it
without running it: a condition becomes a label ("Alleen bij licentie: …"), a value the tool
fills in becomes a marked placeholder ("[exitplan_maanden: 3 maanden (1 t/m 6)]"), and a
reference to another clause becomes that clause's title. Marked parts are wrapped in
:data:`OPEN` … :data:`CLOSE`, so a writer can set them apart; :func:`plain` drops the marks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from jinja2 import nodes

from aanbesteding.domain import Laag
from aanbesteding.errors import TemplateError
from aanbesteding.library.model import Parameter
from aanbesteding.render import parse

OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: never in a clause text
# Values the tool fills in from the tender rather than from a clause parameter.
TENDER_VALUES = {
    "organisatie": "naam van de Aanbestedende Dienst",
    "laag": "laag van het systeem",
    "contracttype": "contracttype",
    "aandeel_kwaliteit": "aandeel kwaliteit in %",
    "aandeel_soevereiniteit": "aandeel soevereiniteit in %",
    "aandeel_prijs": "aandeel prijs in %",
}
CONTRACT_NAMES = {"saas": "SaaS", "paas": "PaaS", "iaas": "IaaS", "hosting": "hosting", "licentie": "licentie"}
_COMPARISONS = {
    "eq": "gelijk is aan",
    "ne": "niet gelijk is aan",
    "lt": "kleiner is dan",
    "lteq": "hoogstens",
    "gt": "groter is dan",
    "gteq": "minstens",
}
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TEMPLATE_MARKS = re.compile(r"\{[{%#]|[}%#]\}")


def marked(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def plain(text: str) -> str:
    """``text`` without the placeholder marks."""
    return text.replace(OPEN, "").replace(CLOSE, "")


def describe_parameter(name: str, param: Parameter) -> str:
    """E.g. ``termijn_dagen: 30 dagen (10 t/m 90)``."""
    from aanbesteding.render import getal

    default = getal(param.standaard) if isinstance(param.standaard, int | float) else str(param.standaard)
    unit = f" {param.eenheid}" if param.eenheid else ""
    bounds = ""
    if param.minimum is not None or param.maximum is not None:
        low = getal(param.minimum) if param.minimum is not None else "…"
        high = getal(param.maximum) if param.maximum is not None else "…"
        bounds = f" ({low} t/m {high})"
    return f"{name}: {default}{unit}{bounds}"


class _Reader:
    def __init__(self, parameters: Mapping[str, Parameter], titles: Mapping[str, str]) -> None:
        self.parameters = parameters
        self.titles = titles

    # -- values -------------------------------------------------------------------------
    def value(self, node: nodes.Node) -> str:
        """What a printed expression stands for, as a placeholder label."""
        if isinstance(node, nodes.Name):
            if node.name in self.parameters:
                return describe_parameter(node.name, self.parameters[node.name])
            from aanbesteding.library.chapters import CHAPTER_NAMES

            meaning = TENDER_VALUES.get(node.name) or CHAPTER_NAMES.get(node.name) or "waarde uit de aanbesteding"
            return f"{node.name}: {meaning}"
        if isinstance(node, nodes.Filter) and node.name == "verwijzing" and isinstance(node.node, nodes.Const):
            target = str(node.node.value)
            return f"verwijzing naar ‘{self.titles.get(target, target)}’"
        if isinstance(node, nodes.Filter) and node.node is not None:
            return self.value(node.node)
        if isinstance(node, nodes.Const):
            return str(node.value)
        return "waarde die bij het samenstellen wordt berekend"

    def operand(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.Const):
            return str(node.value)
        if isinstance(node, nodes.List | nodes.Tuple):
            return " of ".join(self.operand(item) for item in node.items)
        if isinstance(node, nodes.Name):
            return node.name
        return "een berekende waarde"

    # -- conditions ---------------------------------------------------------------------
    def condition(self, test: nodes.Node) -> str:
        """A phrase such as ``bij licentie``, ``niet in laag 3`` or ``als x groter is dan 0``."""
        if isinstance(test, nodes.And | nodes.Or):
            word = " en " if isinstance(test, nodes.And) else " of "
            return self.condition(test.left) + word + self.condition(test.right)
        if isinstance(test, nodes.Not):
            inner = self.condition(test.node)
            return inner[5:] if inner.startswith("niet ") else f"niet ({inner})"
        if isinstance(test, nodes.Compare) and isinstance(test.expr, nodes.Name) and len(test.ops) == 1:
            return self._comparison(test.expr.name, test.ops[0])
        if isinstance(test, nodes.Name):
            return f"als {test.name} is ingevuld"
        return "onder een voorwaarde in de clausuletekst"

    def _comparison(self, name: str, operand: nodes.Operand) -> str:
        op, other = operand.op, operand.expr
        values = other.items if isinstance(other, nodes.List | nodes.Tuple) else [other]
        consts = [v.value for v in values if isinstance(v, nodes.Const)]
        negative = op in ("ne", "notin")
        if name == "contracttype" and op in ("eq", "ne", "in", "notin") and len(consts) == len(values):
            phrase = "bij " + " of ".join(CONTRACT_NAMES.get(str(c), str(c)) for c in consts)
            return f"niet {phrase}" if negative else phrase
        if name == "laag" and op in ("eq", "ne", "in", "notin") and len(consts) == len(values):
            tiers = " of ".join(_tier(c) for c in consts)
            return f"niet in laag {tiers}" if negative else f"in laag {tiers}"
        if op in ("in", "notin"):
            return f"als {name} {'niet ' if negative else ''}een van {self.operand(other)} is"
        return f"als {name} {_COMPARISONS.get(op, op)} {self.operand(other)}"

    # -- statements ---------------------------------------------------------------------
    def body(self, items: list[nodes.Node]) -> str:
        return "".join(self.statement(item) for item in items)

    def statement(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.Output):
            return "".join(
                item.data if isinstance(item, nodes.TemplateData) else marked(f"[{self.value(item)}]")
                for item in node.nodes
            )
        if isinstance(node, nodes.If):
            return self.conditional(node)
        if isinstance(node, nodes.For):
            return _labelled(
                f"Voor elke {self.operand(node.target)} uit {self.operand(node.iter)}", self.body(node.body)
            )
        return ""

    def conditional(self, node: nodes.If) -> str:
        branches: list[tuple[str, list[nodes.Node]]] = [(self.condition(node.test), node.body)]
        branches += [(self.condition(e.test), e.body) for e in node.elif_]
        parts = [_labelled(_only(phrase), self.body(body)) for phrase, body in branches]
        if node.else_:
            phrases = [phrase for phrase, _ in branches]
            if len(phrases) == 1 and phrases[0].startswith("niet "):
                label = _only(phrases[0][5:])
            else:
                label = "Anders dan " + " of ".join(phrases)
            parts.append(_labelled(label, self.body(node.else_)))
        return (" " if parts and not parts[0].endswith(("\n", " ")) else "").join(parts)


def _tier(value: object) -> str:
    try:
        laag = Laag.parse(str(value))
    except (ValueError, KeyError, TemplateError):
        return str(value)
    return f"{laag.value} ({laag.key})"


def _only(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:] if phrase.startswith("niet ") else f"Alleen {phrase}"


def _labelled(label: str, body: str) -> str:
    """A conditional passage with its label: inline as ``[label: …]`` within a paragraph, in
    each bullet of a list, or in front of each paragraph when the passage is whole paragraphs."""
    core = body.strip()
    if not core:
        return ""
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()) :]
    paragraphs = _BLANK_LINE.split(core)
    if len(paragraphs) == 1 and not _is_list(core):
        return f"{lead}{marked(f'[{label}:')} {core}{marked(']')}{trail}"
    out = [
        _label_items(label, paragraph) if _is_list(paragraph) else f"{marked(f'{label}:')} {paragraph}"
        for paragraph in paragraphs
    ]
    return lead + "\n\n".join(out) + trail


def _is_list(paragraph: str) -> bool:
    return paragraph.lstrip().startswith("- ")


def _label_items(label: str, paragraph: str) -> str:
    """``[label: …]`` around every item of a bullet list (an item may run over lines)."""
    lines = paragraph.splitlines()
    starts = [i for i, line in enumerate(lines) if line.lstrip().startswith("- ")]
    ends = {i - 1 for i in starts[1:]} | {len(lines) - 1}
    for i in starts:
        head, _, rest = lines[i].partition("- ")
        lines[i] = f"{head}- {marked(f'[{label}:')} {rest}"
    for i in ends:
        lines[i] += marked("]")
    return "\n".join(lines)


def readable(source: str, parameters: Mapping[str, Parameter], titles: Mapping[str, str] | None = None) -> str:
    """``source`` (a clause text) as legal text with marked placeholders and labelled
    conditions, without any template code. A text that cannot be parsed keeps its words,
    with the template marks replaced by brackets."""
    try:
        tree = parse(source)
    except TemplateError:
        return _TEMPLATE_MARKS.sub(lambda m: "[" if m.group(0)[0] == "{" else "]", source)
    text = _Reader(parameters, titles or {}).body(tree.body)
    return _TEMPLATE_MARKS.sub(lambda m: m.group(0)[0] + " " + m.group(0)[1], text)
