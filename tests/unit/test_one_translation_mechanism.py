"""One translation mechanism: every UI string pair lives in lagesbild.i18n.STRINGS and is looked
up with t(key, lang). No module keeps its own (sv, en) helper or an inline
`"…" if lang == "en" else "…"` choice of a text."""
import ast
import re

from lagesbild.config import PROJECT_ROOT

# A choice between these is logic, not text: a bilingual column or field (name_sv/name_en),
# a language or locale code, or number punctuation (decimal and thousands separators).
_FIELD = re.compile(r"[a-z]+(_[a-z]+)*_(sv|en)")
_LOCALE = re.compile(r"[a-z]{2}(-[A-Z]{2})?")


def _is_lang(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in ("lang", "lg")
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "lang" and not node.args


def _is_lang_test(test: ast.expr) -> bool:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.NotEq))):
        return False
    left, right = test.left, test.comparators[0]
    if isinstance(left, ast.Constant):
        left, right = right, left
    return _is_lang(left) and isinstance(right, ast.Constant) and right.value in ("sv", "en")


def _text(node: ast.expr) -> str | None:
    """The literal text of a string constant or f-string (fields as {}); None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _is_logic(a: str, b: str) -> bool:
    return all(_FIELD.fullmatch(x) for x in (a, b)) or all(_LOCALE.fullmatch(x) for x in (a, b)) \
        or not re.search(r"[^\W\d_]", a + b)


def offences(source: str) -> list[str]:
    """Where `source` translates beside the table: a function named _t, a function taking a
    (sv, en) pair, or a text chosen inline by the language."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            params = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs}
            if node.name == "_t" or {"sv", "en"} <= params:
                found.append(f"line {node.lineno}: def {node.name} chooses between Swedish and English")
        elif isinstance(node, ast.IfExp) and _is_lang_test(node.test):
            a, b = _text(node.body), _text(node.orelse)
            if a is not None and b is not None and not _is_logic(a, b):
                found.append(f"line {node.lineno}: inline text {a!r} / {b!r}")
    return found


def _modules():
    yield PROJECT_ROOT / "app.py"
    for folder in ("lagesbild", "pages"):
        yield from sorted((PROJECT_ROOT / folder).rglob("*.py"))


def test_the_checker_finds_a_planted_helper_and_inline_texts():
    planted = '''
def _t(lang, sv, en):
    return en if lang == "en" else sv

def pick(sv: str, en: str) -> str:
    return sv

def view(lang, n):
    a = "Karta" if lang == "en" else "Map"
    b = f"{n} rader" if lang == "sv" else f"{n} rows"
    c = "Ja" if "en" != lang() else "Yes"
    return a, b, c
'''
    found = offences(planted)
    assert len(found) == 5, found
    assert any("def _t" in f for f in found) and any("def pick" in f for f in found)


def test_the_checker_leaves_logic_alone():
    logic = '''
def f(lang, df, rows):
    col = df["name_en" if lang == "en" else "name_sv"]
    sep = ",\\u00a0" if lang == "sv" else ".,"
    loc = "sv-SE" if lang == "sv" else "en-GB"
    other = "a" if rows == "en" else "b"
    return t("some.key", lang), col, sep, loc, other
'''
    assert offences(logic) == []


def test_no_module_translates_beside_the_table():
    found = {}
    for path in _modules():
        hits = offences(path.read_text(encoding="utf-8"))
        if hits:
            found[str(path.relative_to(PROJECT_ROOT))] = hits
    assert not found, found
