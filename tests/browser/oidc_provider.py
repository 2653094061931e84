"""A minimal OpenID Connect provider on loopback, for tests only.

It plays the organisation's identity provider (Entra ID, Keycloak, …) in the login test:
discovery, an /authorize that approves one configured test user at once (no login form),
/token with client authentication and PKCE, RS256-signed ID tokens, /jwks, /userinfo and an
end-session endpoint. Authorization codes are single-use and everything lives in memory.

Not a security component: it exists so that `st.login` can be tested without a network.
"""
from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

TOKEN_LIFETIME = 300


class OidcProvider:
    """Start with `with OidcProvider(...) as idp:`; `idp.issuer` is its base URL."""

    def __init__(self, client_id: str, client_secret: str, user: dict, redirect_uri: str | None = None):
        self.client_id, self.client_secret = client_id, client_secret
        self.user = user  # claims of the test user: sub, email, name, …
        self.redirect_uri = redirect_uri  # the only accepted one; set it once the app's port is known
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig", "alg": "RS256"})
        self.codes: dict[str, dict] = {}  # code -> what /authorize saw (nonce, PKCE, redirect_uri)
        self.tokens: dict[str, dict] = {}  # access token -> user claims
        self.seen: list[tuple[str, dict]] = []  # (path, query/form) of every request, for assertions
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.issuer = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> "OidcProvider":
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def metadata(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "end_session_endpoint": f"{self.issuer}/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
        }

    # --- the endpoints: each returns (status, headers, body) ---

    def authorize(self, q: dict) -> tuple[int, dict, bytes]:
        if q.get("client_id") != self.client_id:
            return _error(400, "invalid_client", "unknown client_id")
        if q.get("redirect_uri") != self.redirect_uri:
            return _error(400, "invalid_request", f"redirect_uri {q.get('redirect_uri')!r} is not registered")
        if q.get("response_type") != "code" or "openid" not in q.get("scope", "").split():
            return _error(400, "invalid_request", "only response_type=code with scope openid")
        code = secrets.token_urlsafe(24)
        self.codes[code] = {k: q.get(k) for k in ("nonce", "code_challenge", "code_challenge_method", "redirect_uri")}
        back = {"code": code, **({"state": q["state"]} if "state" in q else {})}
        return 302, {"Location": f"{q['redirect_uri']}?{urlencode(back)}"}, b""

    def token(self, form: dict, authorization: str | None) -> tuple[int, dict, bytes]:
        client_id, client_secret = _client_credentials(form, authorization)
        if (client_id, client_secret) != (self.client_id, self.client_secret):
            return _error(401, "invalid_client", "wrong client_id or client_secret")
        grant = self.codes.pop(form.get("code", ""), None)  # single use
        if form.get("grant_type") != "authorization_code" or grant is None:
            return _error(400, "invalid_grant", "unknown or used code")
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return _error(400, "invalid_grant", "redirect_uri differs from /authorize")
        if grant["code_challenge"] and not _pkce_ok(grant, form.get("code_verifier")):
            return _error(400, "invalid_grant", "PKCE code_verifier does not match")
        access = secrets.token_urlsafe(24)
        self.tokens[access] = dict(self.user)
        body = {"access_token": access, "token_type": "Bearer", "expires_in": TOKEN_LIFETIME,
                "id_token": self.id_token(grant["nonce"]), "scope": "openid email profile"}
        return _json(200, body)

    def id_token(self, nonce: str | None) -> str:
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": self.client_id, "iat": now, "exp": now + TOKEN_LIFETIME,
                  **self.user, **({"nonce": nonce} if nonce else {})}
        return jwt.encode({"alg": "RS256", "kid": self.key.kid}, claims, self.key)

    def userinfo(self, authorization: str | None) -> tuple[int, dict, bytes]:
        claims = self.tokens.get((authorization or "").removeprefix("Bearer "))
        return _json(200, claims) if claims else _error(401, "invalid_token", "unknown access token")

    def logout(self, q: dict) -> tuple[int, dict, bytes]:
        target = q.get("post_logout_redirect_uri")
        if target != self.redirect_uri:  # never redirect to an address that was not registered
            return _error(400, "invalid_request", "post_logout_redirect_uri is not registered")
        return 302, {"Location": target}, b""


def _client_credentials(form: dict, authorization: str | None) -> tuple[str | None, str | None]:
    if authorization and authorization.startswith("Basic "):  # client_secret_basic (Authlib's default)
        raw = base64.b64decode(authorization.removeprefix("Basic ")).decode()
        client_id, _, client_secret = raw.partition(":")
        return client_id, client_secret
    return form.get("client_id"), form.get("client_secret")  # client_secret_post


def _pkce_ok(grant: dict, verifier: str | None) -> bool:
    if not verifier or grant["code_challenge_method"] != "S256":
        return False
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == grant["code_challenge"]


def _json(status: int, body: dict) -> tuple[int, dict, bytes]:
    return status, {"Content-Type": "application/json", "Cache-Control": "no-store"}, json.dumps(body).encode()


def _error(status: int, error: str, description: str) -> tuple[int, dict, bytes]:
    return _json(status, {"error": error, "error_description": description})


def _handler(idp: OidcProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urlsplit(self.path)
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            idp.seen.append((url.path, q))
            auth = self.headers.get("Authorization")
            routes = {
                "/.well-known/openid-configuration": lambda: _json(200, idp.metadata()),
                "/jwks": lambda: _json(200, {"keys": [idp.key.as_dict(private=False)]}),
                "/authorize": lambda: idp.authorize(q),
                "/userinfo": lambda: idp.userinfo(auth),
                "/logout": lambda: idp.logout(q),
            }
            self._send(*routes.get(url.path, lambda: _error(404, "not_found", url.path))())

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            path = urlsplit(self.path).path
            idp.seen.append((path, {k: v for k, v in form.items() if k not in ("client_secret", "code_verifier")}))
            if path == "/token":
                self._send(*idp.token(form, self.headers.get("Authorization")))
            else:
                self._send(*_error(404, "not_found", path))

        def _send(self, status: int, headers: dict, body: bytes) -> None:
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

    return Handler
