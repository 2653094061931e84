"""Production login end to end, offline: the app in OIDC mode (`LAGESBILD_AUTH=oidc`) against a
local test provider (tests/browser/oidc_provider.py), driven through chromium.

Before login only the login page exists; "Logga in" goes to the provider and back; an e-mail
that is not in the role table may only read; after an admin gives it a role (through the role
table, as `python -m lagesbild.admin role add` does) the same user may update reforms; logout
goes through the provider's end-session endpoint and ends on the login page again.

The secrets live in a temporary file passed with Streamlit's `secrets.files` option (here as
the STREAMLIT_SECRETS_FILES variable), never in the repository's .streamlit/.
"""
from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest

from bench.server import CHROMIUM, ServerFailed, streamlit_server
from lagesbild.domain import SYSTEM_ACTOR, Role
from lagesbild.store import roles
from lagesbild.store.db import Store
from lagesbild.store.models import Reform
from tests.browser.oidc_provider import OidcProvider

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLIENT_ID = "lagesbild-test"
PROVIDER = "testidp"  # a named provider, [auth.testidp], chosen with LAGESBILD_OIDC_PROVIDER
USER = {"sub": "test-user-1", "email": "tess.testare@huddinge.example", "email_verified": True, "name": "Tess Testare"}
LOCKED = "Du har läsbehörighet och kan inte uppdatera reformer."
AUTH_COOKIES = ("_streamlit_user", "_streamlit_user_tokens", "_streamlit_session")


def secrets_toml(idp: OidcProvider, client_secret: str) -> str:
    # {port} is filled in by Streamlit with the port it listens on.
    return (f'[auth]\nredirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n\n'
            f'[auth.{PROVIDER}]\nclient_id = "{CLIENT_ID}"\nclient_secret = "{client_secret}"\n'
            f'server_metadata_url = "{idp.metadata_url}"\n')


@pytest.fixture(scope="module")
def oidc_app(tmp_path_factory):
    """(base URL, provider, database URL) of the app in OIDC mode with its own database."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing")
    var = tmp_path_factory.mktemp("oidc-app")
    client_secret = secrets.token_urlsafe(24)
    with OidcProvider(CLIENT_ID, client_secret, USER) as idp:
        (var / "secrets.toml").write_text(secrets_toml(idp, client_secret))
        db_url = f"sqlite:///{var / 'app.db'}"
        env = {"LAGESBILD_AUTH": "oidc", "LAGESBILD_OIDC_PROVIDER": PROVIDER, "LAGESBILD_EDITING": None,
               "LAGESBILD_VAR_DIR": str(var), "LAGESBILD_DB_URL": db_url,
               "LAGESBILD_DEMO_DB_URL": f"sqlite:///{var / 'exempel.db'}", "LAGESBILD_TILES_URL": None,
               "STREAMLIT_SECRETS_FILES": str(var / "secrets.toml")}
        try:
            with streamlit_server("app.py", env=env, timeout=180, log=var / "server.log") as (base, _proc):
                idp.redirect_uri = f"{base}/oauth2callback"  # the one address registered for the client
                yield base, idp, db_url
        except ServerFailed as err:
            pytest.fail(f"the app did not start: {err}")


@pytest.fixture
def page(browser_context):
    """A page that may only reach 127.0.0.1 (the app and the provider); auth cookies are removed
    afterwards, since cookies are per host, not per port, and the context is shared."""
    pg = browser_context.new_page()
    pg.blocked = []

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            r.continue_()
        else:
            pg.blocked.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    yield pg
    pg.close()
    for name in AUTH_COOKIES:
        browser_context.clear_cookies(name=re.compile(f"^{name}(_\\d+)?$"))


def shot(page, path: Path) -> None:
    page.wait_for_timeout(800)  # let the last delta render before the picture
    page.screenshot(path=path, full_page=True)


def test_login_read_only_then_editor_then_logout(oidc_app, page, artifacts):
    base, idp, db_url = oidc_app
    store = Store.open(db_url)
    with store.session() as s:
        title = s.get(Reform, "R01").title_sv
    reform_url = f"{base}/reformer?reform=R01"

    # Before login: only the login page, even at a deep link; no reform data.
    page.goto(reform_url)
    page.get_by_role("button", name="Logga in").wait_for()
    assert page.get_by_text(title).count() == 0
    assert page.get_by_role("link", name="Reformer").count() == 0
    shot(page, artifacts / "oidc-1-inloggning.png")
    assert page.get_by_text("Page not found").count() == 0  # a shared link leads to the login page

    # Log in: to the provider (approves the test user at once) and back to the app.
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Inloggad som Tess Testare (läsare)").wait_for()
    authorize = next(q for path, q in idp.seen if path == "/authorize")
    assert authorize["client_id"] == CLIENT_ID and authorize.get("nonce")
    assert authorize.get("code_challenge_method") == "S256"  # Streamlit uses PKCE when offered
    assert any(path == "/token" for path, _ in idp.seen)

    # Not in the role table: may read, not update.
    page.goto(reform_url)
    page.get_by_text(title).first.wait_for()
    page.get_by_text(LOCKED).wait_for()
    assert page.get_by_text("Registrera en ny bedömning").count() == 0
    shot(page, artifacts / "oidc-2-lasare.png")

    # An admin makes the same e-mail a reform editor; a reload picks the new role up.
    with store.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, USER["email"].upper(), Role.EDITOR, reform_editor=True)
    page.reload()
    page.get_by_text("Inloggad som Tess Testare (redaktör)").wait_for()
    page.get_by_text("Registrera en ny bedömning").wait_for()
    page.get_by_role("button", name="Logga ut").wait_for()  # the sidebar is drawn too
    assert page.get_by_text(LOCKED).count() == 0
    shot(page, artifacts / "oidc-3-redaktor.png")

    # Log out: through the provider's end-session endpoint, back to the login page.
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_role("button", name="Logga in").wait_for()
    assert any(path == "/logout" for path, _ in idp.seen)
    page.goto(reform_url)
    page.get_by_role("button", name="Logga in").wait_for()
    assert page.get_by_text(title).count() == 0
    shot(page, artifacts / "oidc-4-utloggad.png")
    assert page.blocked == [], page.blocked


def test_a_failed_token_exchange_leaves_the_user_logged_out(oidc_app, page, browser_context):
    """If the provider refuses the app's client credentials, no one is logged in."""
    base, idp, _db_url = oidc_app
    right = idp.client_secret
    idp.client_secret = "not-the-configured-secret"  # as after a secret changed on one side only
    tokens_before = sum(path == "/token" for path, _ in idp.seen)
    try:
        page.goto(base)
        with page.expect_navigation(url=f"{base}/"):  # app -> provider -> /oauth2callback -> app
            page.get_by_role("button", name="Logga in").click()
    finally:
        idp.client_secret = right
    assert sum(path == "/token" for path, _ in idp.seen) == tokens_before + 1  # the exchange was tried
    assert not [c for c in browser_context.cookies(base) if c["name"].startswith("_streamlit_user")]
    page.get_by_role("button", name="Logga in").wait_for()
    assert page.get_by_text("Inloggad som").count() == 0
