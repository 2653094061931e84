"""Local mode has no login, so it must not be reachable from the network.

The shipped config binds Streamlit to 127.0.0.1. An operator may ask for another address
(`--server.address`, STREAMLIT_SERVER_ADDRESS or .streamlit/config.toml); then local mode stays
read-only — anyone who reaches the port would otherwise write as the local user. Production
mode (OIDC) is not affected: there every write is tied to a login and a role.
"""
from __future__ import annotations

import ipaddress
import os
import tomllib
from pathlib import Path

LOCAL_NAMES = ("localhost",)


def is_loopback(address: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost. Empty means every interface (Streamlit's own
    default), which is not loopback."""
    text = (address or "").strip().strip("[]")
    if not text:
        return False
    if text.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False  # a host name other than localhost: may resolve to anything


def configured_address(project_root: Path) -> str:
    """The address a `streamlit run` from this project would bind to, as far as a process other
    than the server can tell: the environment, then the project's config file."""
    env = os.environ.get("STREAMLIT_SERVER_ADDRESS")
    if env is not None:
        return env
    cfg = project_root / ".streamlit" / "config.toml"
    try:
        with cfg.open("rb") as fh:
            return str(tomllib.load(fh).get("server", {}).get("address", ""))
    except (OSError, tomllib.TOMLDecodeError):
        return ""


REFUSAL_SV = ("Redigering i lokalt läge är avstängd eftersom servern lyssnar på {address}, inte bara på den "
              "egna datorn (127.0.0.1). Lokalt läge har ingen inloggning: starta om med adressen 127.0.0.1, "
              "eller använd produktionsläget med inloggning (LAGESBILD_AUTH=oidc, se docs/drift.md).")


def refusal(address: str) -> str:
    return REFUSAL_SV.format(address=address or "alla nätverksgränssnitt")
