"""Every registered page renders without an exception, in Swedish and in English."""
import pytest

from lagesbild.registry.pages import PAGES
from tests.apptest.helpers import open_page


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_page_renders(spec):
    at = open_page(spec.slug)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title and at.title[0].value == spec.title("sv"), "every page has its registered title"
    assert any("Lägesbild per" in c.value for c in at.caption), "the page ran inside app.py's frame"


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_page_renders_in_english(spec):
    at = open_page(spec.slug, {"lang": "en"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == spec.title("en"), "?lang=en switches the page to English"


def test_navigation_lists_every_registered_page():
    import ast
    from pathlib import Path

    for spec in PAGES:
        assert Path(spec.path).is_file(), spec.path
        ast.parse(Path(spec.path).read_text(encoding="utf-8"))
