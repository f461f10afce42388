"""Legal-owned document text lives in the library (clauses, hoofdstukken/, beleid.yaml), where
it has a version, a status and a reviewer; not in Python."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "aanbesteding"
LONG = 200  # characters: longer literal text in a document module is a paragraph of prose
# Modules that write tender documents or hold their fixed vocabulary.
DOCUMENT_MODULES = ("assemble", "writers", "domain.py", "tender/classification.py", "compose")
# Documents about the library for legal (review, redline), written by the tool itself.
TOOL_DOCUMENTS = {"writers/docx/review.py", "writers/docx/redline.py"}


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _messages(tree: ast.Module) -> set[int]:
    """Texts inside a ``raise``: error messages for the user, not document text."""
    return {id(inner) for node in ast.walk(tree) if isinstance(node, ast.Raise) for inner in ast.walk(node)}


def _long_prose(path: Path, root: Path = SRC) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _messages(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        else:
            continue
        if len(text) > LONG and text.count(" ") > 20:
            found.append(f"{path.relative_to(root)}:{node.lineno}: {text[:60]}…")
    return found


def _modules() -> list[Path]:
    paths: list[Path] = []
    for name in DOCUMENT_MODULES:
        target = SRC / name
        paths.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return [p for p in paths if str(p.relative_to(SRC)) not in TOOL_DOCUMENTS]


def test_no_document_module_holds_a_paragraph_of_prose() -> None:
    found = [line for path in _modules() for line in _long_prose(path)]
    assert found == [], "tekst hoort in de bibliotheek (hoofdstukken/):\n" + "\n".join(found)


def test_the_check_finds_a_paragraph_but_not_a_docstring_or_message(tmp_path: Path) -> None:
    text = " ".join(["woord"] * 60)
    module = tmp_path / "probe.py"
    module.write_text(f'"""{text}"""\nTEXT = ("{text}")\nraise ValueError("{text}")\n', encoding="utf-8")
    assert [line.split(":")[1] for line in _long_prose(module, tmp_path)] == ["2"]
