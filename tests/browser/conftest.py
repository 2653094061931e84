"""Browser fixtures: the real app (`streamlit run app.py`) on a free loopback port with its own
temporary database, and Debian's chromium through Playwright with every request that is not
to the loopback address blocked, so a test proves that the page works offline.

Other browser tests reuse these fixtures: `app_url` (base URL of the running app),
`browser_context` (one persistent chromium context per session) and `offline_page` (a fresh
page whose blocked requests are in `page.blocked`).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.server import CHROMIUM, CHROMIUM_ARGS, ServerFailed, streamlit_server

LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
START_TIMEOUT = 180
_SERVER: dict[str, str] = {}  # facts about the running app server, for fixtures below


@contextmanager
def running_app(tmp_path_factory, name: str = "app-server", extra_env: dict | None = None):
    """The app on a free port with its own temp var dir and database; yields (url, db_url).
    The starter is shared with the benchmark (bench/server.py), so both run the app alike.
    `extra_env`: more settings (e.g. another kommun's pack)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing (scripts/setup.sh dev installs it)")
    var = tmp_path_factory.mktemp(name)
    env = {"LAGESBILD_VAR_DIR": str(var), "LAGESBILD_DB_URL": f"sqlite:///{var / 'app.db'}",
           "LAGESBILD_DEMO_DB_URL": f"sqlite:///{var / 'exempel.db'}",
           "LAGESBILD_TILES_URL": None,  # None removes it: the offline default, no background tiles
           **(extra_env or {})}
    try:  # ServerFailed can only come from the start: pytest never throws into a fixture's yield
        with streamlit_server("app.py", env=env, timeout=START_TIMEOUT, log=var / "server.log") as (url, _proc):
            yield url, env["LAGESBILD_DB_URL"]
    except ServerFailed as err:
        pytest.fail(f"the app did not start: {err}")


def own_server_fixtures(name: str):
    """A module's own app server and database, for tests whose writes must not change the
    shared app's seeded state: `own_app, app_url, app_db_url = own_server_fixtures("x-app")`."""

    @pytest.fixture(scope="module")
    def own_app(tmp_path_factory, browser_context):
        with running_app(tmp_path_factory, name) as (url, db_url):
            first_visit(browser_context, url)
            yield url, db_url

    @pytest.fixture(scope="module")
    def app_url(own_app) -> str:
        return own_app[0]

    @pytest.fixture(scope="module")
    def app_db_url(own_app) -> str:
        return own_app[1]

    return own_app, app_url, app_db_url


@pytest.fixture(scope="session")
def app_server(tmp_path_factory) -> str:
    """The shared app server of the browser tests; yields its base URL."""
    with running_app(tmp_path_factory) as (url, db_url):
        _SERVER["db_url"] = db_url
        yield url


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium")), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000}, locale="sv-SE")
        ctx.set_default_timeout(60_000)
        yield ctx
        ctx.close()


def _block_outside(page) -> list[tuple[str, str]]:
    blocked: list[tuple[str, str]] = []

    def route(r):
        url = r.request.url
        if url.startswith(LOCAL_PREFIXES):
            r.continue_()
        else:
            frame = r.request.frame.url if r.request.frame else ""
            blocked.append((url, frame))
            r.abort()

    page.route("**/*", route)
    return blocked


@pytest.fixture(scope="session")
def app_url(app_server, browser_context) -> str:
    """The base URL, after one visit to the start page.

    Streamlit keeps a process-wide flag: while a `pages/` folder exists it runs page files
    directly (old multipage mode, without app.py's router) until app.py has called
    st.navigation once. Opening the start page first makes every later page load go
    through the router, as it does for a user who starts at the front page."""
    first_visit(browser_context, app_server)
    return app_server


def first_visit(browser_context, url: str) -> None:
    page = browser_context.new_page()
    _block_outside(page)
    page.goto(url)
    page.locator("h1").first.wait_for()
    page.close()


@pytest.fixture
def offline_page(browser_context, app_url):
    """A fresh page; requests outside 127.0.0.1 are aborted and listed in `page.blocked`."""
    page = browser_context.new_page()
    page.blocked = _block_outside(page)
    yield page
    page.close()


@pytest.fixture(scope="session")
def app_db_url(app_url) -> str:
    """The running app's database (after its first page load, so it is migrated and seeded):
    a test can put data in it through the store, as another user would."""
    return _SERVER["db_url"]


READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_ready(page) -> None:
    """The script run the last action started has finished (a short pause lets it start)."""
    page.wait_for_timeout(400)
    page.locator(READY).wait_for(timeout=90_000)


def choose_option(page, box, name) -> None:
    """Open a selectbox and pick an option. On a busy machine a rerun can redraw the box just
    as it is clicked, and the list then never opens: wait for the run to end and click again."""
    option = page.get_by_role("option", name=name).first
    for attempt in range(3):
        wait_ready(page)
        box.click()
        try:
            option.wait_for(timeout=15_000)
            break
        except Exception:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    option.click()
