"""Swedish throughout, and readers apart from administrators.

Every page each role sees, in Swedish: no known English UI word in any visible text, label,
placeholder, help text, option or table heading of the AppTest element tree. A reader also
sees no upload form, command line, environment variable, file path or internal id.
Streamlit's own file-uploader texts cannot be replaced; the uploader stays on the
Administration page and its words are listed in the accessibility statement.
"""
from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from lagesbild.config import settings
from lagesbild.domain import SYSTEM_ACTOR, Role
from lagesbild.registry.indicators import indicators
from lagesbild.registry.pages import PAGES, page
from lagesbild.store import roles
from lagesbild.store.db import Store
from tests.apptest.helpers import APP, TIMEOUT

# Known English UI words (whole words, case-sensitive: proper names and data are left alone).
ENGLISH = ["Select all", "Upload", "Browse files", "Drag and drop", "English:", "Download", "Search", "Submit",
           "Save", "Cancel", "Delete", "Loading", "Choose", "Show", "Hide", "Close", "Clear", "No results",
           "Previous", "Next", "Add", "Remove", "Edit", "Open", "Back", "Please", "Click", "Page not found",
           "Log in", "Log out", "Help"]
_ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w-])")

# What a reader must never see (docs/roller: readers see no admin work).
FORBIDDEN = ["python -m", "LAGESBILD_", "data/priority_areas.toml", "data/registry", ".toml", "prio-", "kod prio",
             "lagesbild.admin", "streamlit run"]

# Proto fields that are shown on screen. Ids, keys and form ids are not.
_SHOWN = {"body", "label", "placeholder", "help", "options", "text", "caption", "display_value"}
_SKIP_TYPES = {"html", "component_instance", "plotly_chart", "deck_gl_json_chart", "vega_lite_chart"}

# Pages opened at a state of their own as well as bare (a reform, a priority area's profile).
CASES = [(p.slug, None) for p in PAGES] + [("reformer", {"reform": "R01"}), ("omraden", {"omrade": "prio-flemingsberg"})]
IDS = [slug + ("-" + "-".join(q.values()) if q else "") for slug, q in CASES]


def _strings(msg):
    for field, value in msg.ListFields():
        many = field.is_repeated if hasattr(field, "is_repeated") else field.label == field.LABEL_REPEATED
        if field.type == field.TYPE_MESSAGE:
            for sub in (value if many else [value]):
                yield from _strings(sub)
        elif field.type == field.TYPE_STRING and field.name in _SHOWN:
            yield from (value if many else [value])


def shown_texts(at: AppTest) -> list[str]:
    """Every visible string of the element tree (main and sidebar), table headings included."""
    out: list[str] = []

    def walk(node) -> None:
        kind = getattr(node, "type", "")
        if kind in _SKIP_TYPES:
            return
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            out.extend(_strings(proto))
        if kind == "arrow_data_frame":
            out.extend(str(c) for c in node.value.columns)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [s for s in out if s]


# A word in quotes is cited, not shown as UI (the accessibility statement names the uploader's words).
_QUOTED = re.compile(r'"[^"\n]*"|”[^”\n]*”')


def english_words(at: AppTest) -> list[str]:
    return sorted({f"{m.group(1)!r} in {s[:80]!r}" for s in shown_texts(at) for m in _ENGLISH.finditer(_QUOTED.sub("", s))})


@pytest.fixture
def role(fresh_app_db, monkeypatch):
    """Open a page as a reader (local, read-only), an editor (local, editing on) or an admin (OIDC)."""
    def open_as(who: str, slug: str, query: dict | None) -> AppTest:
        monkeypatch.setenv("LAGESBILD_AUTH", "oidc" if who == "admin" else "local")
        monkeypatch.setenv("LAGESBILD_EDITING", "1" if who == "editor" else "0")
        settings.cache_clear()
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        if who == "admin":
            with Store.open(fresh_app_db).transaction() as s:
                roles.set_role(s, SYSTEM_ACTOR, "admin@example.se", Role.ADMIN)
            at.user = {"is_logged_in": True, "email": "admin@example.se", "name": "Admin"}
        for k, v in (query or {}).items():
            at.query_params[k] = v
        at.run()
        at.switch_page(page(slug).path).run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    yield open_as
    settings.cache_clear()


@pytest.mark.parametrize(("slug", "query"), CASES, ids=IDS)
def test_a_reader_sees_swedish_only_and_no_admin_work(role, slug, query):
    if page(slug).permission:
        pytest.skip("not a reader's page (test_admin_page_is_not_in_a_readers_navigation)")
    at = role("reader", slug, query)
    assert english_words(at) == []
    assert not at.get("file_uploader"), "no upload form for a reader"
    texts = "\n".join(shown_texts(at))
    assert [w for w in FORBIDDEN if w in texts] == []
    ids = [i for i in indicators() if "_" in i and re.search(rf"(?<![\w/]){re.escape(i)}(?![\w.])", texts)]
    assert ids == [], "no internal indicator id on a reader page"


@pytest.mark.parametrize(("slug", "query"), CASES, ids=IDS)
def test_an_editor_sees_swedish_only(role, slug, query):
    at = role("editor", slug, query)
    assert english_words(at) == []


def test_the_administration_page_is_swedish_for_an_admin(role):
    at = role("admin", "administration", None)
    assert "Roller och redigering" in [h.value for h in at.header]
    # Streamlit's uploader draws "Drag and drop …" and "Browse files" in the browser, not in
    # the element tree; those words are listed in the accessibility statement instead.
    assert at.get("file_uploader")
    assert english_words(at) == []


def test_admin_page_is_not_in_a_readers_navigation(role):
    at = role("reader", "data", None)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page("administration").path)


def test_the_accessibility_statement_lists_the_uploaders_english_words():
    from lagesbild.ui.accessibility_ui import STATEMENT

    text = STATEMENT.read_text(encoding="utf-8")
    for word in ("Drag and drop", "Browse files", "Administration"):
        assert word in text


def test_the_word_check_catches_english():
    assert _ENGLISH.search("Select all") and _ENGLISH.search("English: Police")
    assert not _ENGLISH.search("OpenStreetMap") and not _ENGLISH.search("Visa alla") and not _ENGLISH.search("data-Save")
    assert not _ENGLISH.search(_QUOTED.sub("", 'knappen "Browse files" på engelska'))
