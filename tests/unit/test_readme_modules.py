"""The README's "How it is built" names every module and package of lagesbild/ (issue 11:
names that show the layers): a new module without a line there fails here."""
from __future__ import annotations

import re

from lagesbild.config import PROJECT_ROOT


def _section() -> str:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## How it is built"):text.index("### Library choices")]


def test_every_top_level_module_and_package_is_named():
    section = _section()
    package = PROJECT_ROOT / "lagesbild"
    names = sorted({p.stem for p in package.glob("*.py") if p.stem != "__init__"}
                   | {p.name + "/" for p in package.iterdir() if p.is_dir() and (p / "__init__.py").exists()})
    missing = [n for n in names if not re.search(rf"(?<![\w/]){re.escape(n)}(?:\.py)?", section)]
    assert not missing, f"README › How it is built does not name: {missing}"
