"""No kommun in the code: names, codes and district codes of a kommun come from configuration
(the kommun file, the seeds, the registries), never from a string in lagesbild/, app.py or
pages/. Docstrings and comments may name examples; strings a user or a document can show may not."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from lagesbild.config import PROJECT_ROOT, load_kommun

ROOTS = [PROJECT_ROOT / "lagesbild", PROJECT_ROOT / "app.py", PROJECT_ROOT / "pages"]
# Haninge: the second real kommun in the tests (issue 12).
EXTRA_KOMMUNER = {"0136": "Haninge"}
AREA_CODE = re.compile(r"\b\d{4}(?:R\d{3}|[ABC]\d{4})\b")  # RegSO and DeSO codes carry the kommun code


def _kommuner() -> dict[str, str]:
    k = load_kommun()
    return {k.code: k.name, **dict(k.peers.kommuner), **EXTRA_KOMMUNER}


def _strings(path: Path):
    """Every string constant of the module that is not a docstring, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def offending(path: Path, kommuner: dict[str, str]) -> list[str]:
    names = re.compile(r"\b(" + "|".join(re.escape(n) for n in kommuner.values()) + r")\b")
    codes = re.compile(r"(?<![\d.,])(" + "|".join(kommuner) + r")(?![\d.,])")
    out = []
    for line, text in _strings(path):
        hit = AREA_CODE.search(text) or names.search(text) or codes.search(text)
        if hit:
            where = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path.name
            out.append(f"{where}:{line}: {hit.group(0)!r} in {text[:80]!r}")
    return out


def test_the_checker_finds_a_planted_name_and_code(tmp_path):
    planted = tmp_path / "x.py"
    planted.write_text('"""Huddinge in a docstring is fine."""\nA = "Lägesbild Huddinge"\nB = f"t.ex. {1}0126R001"\n'
                       'C = "år 2025, 0,126"\n', encoding="utf-8")
    found = offending(planted, {"0126": "Huddinge"})
    assert [f.split(": ", 1)[1].split(" in ")[0] for f in found] == ["'Huddinge'", "'0126R001'"]


def test_no_kommun_name_or_code_in_the_code():
    kommuner = _kommuner()
    files = [p for root in ROOTS for p in ([root] if root.is_file() else sorted(root.rglob("*.py")))]
    problems = [f for p in files for f in offending(p, kommuner)]
    assert not problems, "\n".join(problems)
