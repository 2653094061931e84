"""Secure by default: local mode (no login) listens on this machine only, and is never
editable while the server is bound to another address."""
from __future__ import annotations

import os
import socket
import subprocess
import time
import tomllib
from pathlib import Path

import pytest

from bench.server import free_port
from lagesbild import admin, netguard
from lagesbild.config import PROJECT_ROOT


@pytest.mark.parametrize("address, expected", [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("", False), (None, False), ("0.0.0.0", False), ("::", False), ("10.1.2.3", False), ("intranet.example", False),
])
def test_is_loopback(address, expected):
    assert netguard.is_loopback(address) is expected


def test_the_shipped_config_binds_to_loopback():
    with (PROJECT_ROOT / ".streamlit" / "config.toml").open("rb") as fh:
        assert tomllib.load(fh)["server"]["address"] == "127.0.0.1"


def test_configured_address_prefers_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("STREAMLIT_SERVER_ADDRESS", raising=False)
    assert netguard.configured_address(PROJECT_ROOT) == "127.0.0.1"
    assert netguard.configured_address(tmp_path) == ""  # no config file: Streamlit binds every interface
    monkeypatch.setenv("STREAMLIT_SERVER_ADDRESS", "0.0.0.0")
    assert netguard.configured_address(PROJECT_ROOT) == "0.0.0.0"


def test_admin_refuses_editing_on_when_exposed(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("LAGESBILD_DB_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.setenv("LAGESBILD_AUTH", "local")
    monkeypatch.setenv("STREAMLIT_SERVER_ADDRESS", "0.0.0.0")
    assert admin.main(["editing", "on"]) == 2
    err = capsys.readouterr().err
    assert "Redigering i lokalt läge är avstängd" in err and "0.0.0.0" in err
    assert admin.main(["editing", "off"]) == 0  # switching off is always allowed
    monkeypatch.setenv("STREAMLIT_SERVER_ADDRESS", "127.0.0.1")
    assert admin.main(["editing", "on"]) == 0


def _listening(port: int) -> set[str]:
    """Local addresses listening on `port`, read from the kernel's tables (no traffic sent)."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr_hex, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A = LISTEN
                raw = bytes.fromhex(addr_hex)
                if width == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


@pytest.mark.slow
def test_the_readme_start_command_listens_on_loopback_only(tmp_path):
    port = free_port()
    env = dict(os.environ, PORT=str(port), LAGESBILD_VAR_DIR=str(tmp_path),
               LAGESBILD_DB_URL=f"sqlite:///{tmp_path / 'app.db'}", LAGESBILD_DEMO_DB_URL=f"sqlite:///{tmp_path / 'ex.db'}")
    env.pop("STREAMLIT_SERVER_ADDRESS", None)
    log = tmp_path / "start.log"  # a file, not a pipe: the first start's setup output would fill a pipe and block it
    with open(log, "w") as out_fh:
        proc = subprocess.Popen(["scripts/start.sh"], cwd=PROJECT_ROOT, env=env, stdout=out_fh,
                                stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and not _listening(port):
                assert proc.poll() is None, log.read_text()[-3000:]
                time.sleep(0.5)
            addresses = _listening(port)
            assert addresses == {"127.0.0.1"}, (addresses, log.read_text()[-3000:])
        finally:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=30)
    out = log.read_text()
    assert "Network URL" not in out, out
