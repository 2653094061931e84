"""The three registries are consistent with each other and with the files they name."""

from lagesbild.config import PROJECT_ROOT
from lagesbild.i18n import STRINGS
from lagesbild.registry.indicators import UNITS, indicators
from lagesbild.registry.pages import PAGES
from lagesbild.registry.sources import source, sources

FOCUS = {"gang", "andts", "vinr", "trygghet"}


def test_every_indicator_names_a_registered_source_and_valid_fields():
    for ind in indicators().values():
        assert ind.source_id.split(":", 1)[0] in sources(), ind.id  # "partner:huge" = one partner's own figures
        assert source(ind.source_id).short_publisher, ind.id
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


def test_page_permissions_are_known_and_admin_work_is_not_in_an_agenda():
    from lagesbild.ui.auth import PERMISSIONS

    for spec in PAGES:
        if spec.permission is not None:
            assert spec.permission in PERMISSIONS, spec.slug
            assert not spec.in_agenda, spec.slug
    assert page_of("administration").permission == "data.import"


def test_navigation_leaves_out_the_pages_a_user_may_not_see():
    from lagesbild.registry.pages import sections

    everyone = [s.slug for specs in sections("sv", lambda p: False).values() for s in specs]
    assert "administration" not in everyone and "data" in everyone
    assert "administration" in [s.slug for specs in sections("sv").values() for s in specs]


def test_every_source_names_a_short_publisher():
    for src in sources().values():
        assert src.short_publisher.strip() and "GitHub" not in src.short_publisher, src.id
        if "bearbetad" in src.publisher:
            assert src.short_publisher == "SCB, bearbetad", src.id


def page_of(slug):
    from lagesbild.registry.pages import page

    return page(slug)
