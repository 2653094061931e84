"""The three registries are consistent with each other and with the files they name."""

from lagesbild.config import PROJECT_ROOT
from lagesbild.i18n import STRINGS
from lagesbild.registry.indicators import UNITS, indicators
from lagesbild.registry.pages import PAGES
from lagesbild.registry.sources import sources

FOCUS = {"gang", "andts", "vinr", "trygghet"}


def test_every_indicator_names_a_registered_source_and_valid_fields():
    for ind in indicators().values():
        assert ind.source_id in sources(), ind.id
        assert ind.unit in UNITS, ind.id
        assert set(ind.focus_areas) <= FOCUS, ind.id
        assert ind.direction in ("lower_better", "higher_better", "neutral"), ind.id
        if ind.count_of:
            assert indicators()[ind.count_of].is_count, ind.id


def test_every_focus_area_has_indicators():
    for fa in FOCUS:
        assert any(fa in i.focus_areas for i in indicators().values()), fa


def test_every_source_file_is_shipped():
    for src in sources().values():
        for f in src.files:
            assert (PROJECT_ROOT / f).is_file(), f"{src.id}: {f}"


def test_page_slugs_unique_and_one_default():
    slugs = [p.slug for p in PAGES]
    assert len(slugs) == len(set(slugs))
    assert sum(p.default for p in PAGES) == 1


def test_strings_have_both_languages():
    for key, (sv, en) in STRINGS.items():
        assert sv.strip() and en.strip(), key
