"""Uploads are small and typed, and the XSRF guard is on: the server's config, every
st.file_uploader in the UI, and the importer layer (which refuses in Swedish before parsing)."""
from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from lagesbild.errors import ValidationError
from lagesbild.importers import activities, base
from lagesbild.importers import reform_sheet as reform_import
from lagesbild.importers.registry import IMPORTERS

ROOT = Path(__file__).resolve().parents[2]


def test_server_config_limits_uploads_and_keeps_xsrf_and_cors_on():
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["server"]
    assert 1 <= server["maxUploadSize"] <= 20, "MB; the importers' own limit is 20 MB"
    assert server["maxUploadSize"] * 1024 * 1024 >= base.MAX_BYTES, "the importer, not the server, should say what is wrong"
    assert server["enableXsrfProtection"] is True
    assert server.get("enableCORS", True) is True, "turning CORS protection off would let other sites call the app"


def _uploaders() -> list[tuple[str, ast.Call]]:
    calls = []
    for path in sorted((ROOT / "lagesbild" / "ui").glob("*.py")) + [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "file_uploader":
                calls.append((f"{path.name}:{node.lineno}", node))
    return calls


def test_every_file_uploader_restricts_the_type():
    found = _uploaders()
    assert len(found) >= 3, "the data page, Reformer bulk update and the activities template"
    untyped = [where for where, call in found if "type" not in {k.arg for k in call.keywords}]
    assert untyped == []


REFUSALS = [
    (lambda data, name: base.check_upload(name, data), "filtypen stöds inte", "största tillåtna storlek är 20 MB"),
    (lambda data, name: reform_import.read_sheet(data, name), "filtypen stöds inte", "största tillåtna storlek är 2 MB"),
    (lambda data, name: activities.parse(data, name, None), "filtypen stöds inte", "största tillåtna storlek är 20 MB"),
]


@pytest.mark.parametrize("read, wrong_type, too_big", REFUSALS, ids=["base", "reformer", "aktiviteter"])
def test_importers_refuse_wrong_type_and_oversized_files_in_swedish(read, wrong_type, too_big):
    with pytest.raises(ValidationError, match=wrong_type):
        read(b"MZ\x90\x00", "program.exe")
    big = b"id;titel\r\n" + b"x" * (base.MAX_BYTES + 1)
    with pytest.raises(ValidationError, match=too_big) as err:
        read(big, "stor.csv")
    assert "Filen har inte lästs in" in str(err.value)


@pytest.mark.parametrize("spec", IMPORTERS, ids=lambda s: s.kind)
def test_each_importer_accepts_only_its_own_types(spec):
    other = next(s for s in ("json", "xlsx", "csv", "txt") if s not in spec.suffixes)
    with pytest.raises(ValidationError, match="filtypen stöds inte; förväntat en fil som slutar på"):
        base.check_upload(f"fil.{other}", b"x", spec.suffixes)
    base.check_upload(f"fil.{spec.suffixes[0].upper()}", b"x", spec.suffixes)
    with pytest.raises(ValidationError, match="största tillåtna storlek"):
        base.check_upload(f"fil.{spec.suffixes[0]}", b"x" * (base.MAX_BYTES + 1), spec.suffixes)
