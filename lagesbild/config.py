"""Settings from the environment, and the kommun configuration file.

Nothing here is specific to Huddinge: the kommun (name, code, geo files, priority areas)
comes from `data/kommun.toml` (or LAGESBILD_KOMMUN_CONFIG), so another municipality can run
the product with its own files.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lagesbild import overrides

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
GEO_DIR = PROJECT_ROOT / "geo"
VAR_DIR = Path(os.environ.get("LAGESBILD_VAR_DIR", PROJECT_ROOT / "var"))


def _flag(name: str, default: bool | None = False) -> bool | None:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    return raw.strip().lower() in ("1", "true", "ja", "yes", "on")


@dataclass(frozen=True)
class Settings:
    db_url: str
    demo_db_url: str
    suppress_below: int = 5
    # Local mode: None = the admin's switch in the database decides (off until turned on with
    # `python -m lagesbild.admin editing on`); True/False = forced by LAGESBILD_EDITING.
    editing_override: bool | None = None
    auth_mode: str = "local"  # "local" (no login) or "oidc" (st.login + role table)
    oidc_provider: str | None = None  # a named [auth.<provider>] in secrets.toml, else [auth]
    tiles_url: str | None = None
    tiles_attribution: str | None = None
    kommun_config: Path = field(default=DATA_DIR / "kommun.toml")
    # Opt-in: the server's own time per script run, one JSON line each (lagesbild.ui.timing).
    timing_log: Path | None = None
    # The live picture on disk per data version (lagesbild.picture_cache); None: off.
    picture_cache: Path | None = None
    # Protect a new version's figures on a background thread as soon as it is read (lagesbild.warmup).
    warm_up: bool = True


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _auth_mode(raw: str) -> str:
    mode = raw.strip().lower() or "local"
    if mode not in ("local", "oidc"):
        raise ValueError(f"LAGESBILD_AUTH måste vara ”local” eller ”oidc”, inte ”{raw}”.")
    return mode


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings(
        db_url=os.environ.get("LAGESBILD_DB_URL") or _sqlite_url(VAR_DIR / "lagesbild.db"),
        demo_db_url=os.environ.get("LAGESBILD_DEMO_DB_URL") or _sqlite_url(VAR_DIR / "exempeldata.db"),
        suppress_below=int(os.environ.get("LAGESBILD_SUPPRESS_BELOW", "5")),
        editing_override=_flag("LAGESBILD_EDITING", None),
        auth_mode=_auth_mode(os.environ.get("LAGESBILD_AUTH", "local")),
        oidc_provider=os.environ.get("LAGESBILD_OIDC_PROVIDER") or None,
        tiles_url=os.environ.get("LAGESBILD_TILES_URL") or None,
        tiles_attribution=os.environ.get("LAGESBILD_TILES_ATTRIBUTION") or None,
        kommun_config=Path(os.environ.get("LAGESBILD_KOMMUN_CONFIG", DATA_DIR / "kommun.toml")),
        timing_log=Path(os.environ["LAGESBILD_TIMING_LOG"]) if os.environ.get("LAGESBILD_TIMING_LOG") else None,
        picture_cache=None if _flag("LAGESBILD_PICTURE_CACHE", True) is False else VAR_DIR / "picture-cache",
        warm_up=_flag("LAGESBILD_WARM_UP", True) is not False,
    )


@dataclass(frozen=True)
class KommunConfig:
    code: str
    name: str
    raw: dict
    folder: Path = PROJECT_ROOT  # the kommun file's folder (a kommun pack)

    def resolve(self, rel: str) -> Path:
        """A path of the kommun file: relative to the project root, or to the kommun file's own
        folder when it starts with "./" (a pack made by `python -m lagesbild.kommun new`)."""
        return self.folder / rel[2:] if rel.startswith("./") else PROJECT_ROOT / rel

    def path(self, key: str) -> Path:
        """A file named in the [files] table (or the admin's replacement, lagesbild.overrides)."""
        return overrides.path(key) or self.resolve(self.raw["files"][key])

    @property
    def seed_dir(self) -> Path:
        """Partners, focus areas and reforms (CSV) read at the first start."""
        return self.optional_path("seed_dir", DATA_DIR / "seed")

    def optional_path(self, key: str, default: Path | None = None) -> Path | None:
        """A file of the [files] table that a kommun may lack (RegSO, utsatta områden, …)."""
        rel = self.raw.get("files", {}).get(key)
        return overrides.path(key) or (self.resolve(rel) if rel else default)

    @property
    def seed_files(self) -> tuple[tuple[str, str], ...]:
        """(import type, file relative to the project root) of [seed] files, in order."""
        return tuple((str(kind), str(path)) for kind, path in self.raw.get("seed", {}).get("files", []))

    def example(self, kind: str) -> str:
        """An example code for messages and templates, from this kommun's own codes:
        kommun | regso | deso | prio (the first priority area)."""
        if kind == "prio":
            try:
                with open(self.path("priority_areas"), "rb") as fh:
                    areas = tomllib.load(fh).get("area", [])
            except (OSError, KeyError):
                areas = []
            return areas[0]["code"] if areas else "prio-…"
        return {"kommun": self.code, "regso": f"{self.code}R001", "deso": f"{self.code}C1010"}[kind]

    @property
    def local_police_area(self) -> str:
        """Polisen's lokalpolisområde that roughly covers the kommun (its name if not given)."""
        return self.raw["kommun"].get("local_police_area", self.name)

    @property
    def app_name(self) -> str:
        """"Lägesbild Huddinge": the app's name for this kommun (page title, documents)."""
        return f"Lägesbild {self.name}"

    @property
    def peers(self) -> "Peers":
        """The comparison kommuner of the [peers] table (none when the table is absent)."""
        raw = self.raw.get("peers", {})
        codes, names = [str(c) for c in raw.get("codes", [])], [str(n) for n in raw.get("names", [])]
        if len(codes) != len(names):
            raise ValueError("[peers] i kommunfilen: codes och names måste vara lika många.")
        if self.code in codes:
            raise ValueError("[peers] i kommunfilen: kommunen själv kan inte vara en jämförelsekommun.")
        return Peers(tuple(zip(codes, names)), str(raw.get("reason_sv", "")), str(raw.get("reason_en", "")))

    @property
    def observation_categories(self) -> tuple[tuple[str, str, str], ...]:
        """(id, Swedish, English) of the place observations' categories, in the form's order."""
        raw = self.raw.get("observations", {}).get("categories")
        if not raw:
            return DEFAULT_OBSERVATION_CATEGORIES
        cats = tuple((str(c["id"]), str(c["sv"]), str(c.get("en") or c["sv"])) for c in raw)
        if len({c[0] for c in cats}) != len(cats):
            raise ValueError("[observations] i kommunfilen: varje kategori behöver ett eget id.")
        return cats


# EST's usual categories of place observations (issue 13); a kommun file may list its own
# under [observations] categories. Ids are stored with each observation: keep them stable.
DEFAULT_OBSERVATION_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("skadegorelse", "Skadegörelse", "Vandalism"),
    ("klotter", "Klotter", "Graffiti"),
    ("nedskrapning", "Nedskräpning", "Littering"),
    ("brand", "Brand", "Fire"),
    ("ordningsstorning", "Ordningsstörning", "Public disorder"),
    ("narkotikahandel", "Narkotikahandel iakttagen", "Drug dealing observed"),
    ("otrygg_plats", "Otrygg plats", "Unsafe place"),
    ("belysning", "Belysning", "Lighting"),
)


@dataclass(frozen=True)
class Peers:
    """Kommuner to compare with: (code, name) pairs and why they were chosen."""

    kommuner: tuple[tuple[str, str], ...]
    reason_sv: str = ""
    reason_en: str = ""

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c for c, _n in self.kommuner)

    @property
    def names(self) -> dict[str, str]:
        return dict(self.kommuner)

    def reason(self, lang: str = "sv") -> str:
        return self.reason_en if lang == "en" else self.reason_sv


def load_kommun(path: Path | None = None) -> KommunConfig:
    """The kommun file (default: the configured one). Cached per file, not per call: a cache
    on the bare call would keep the first kommun after the setting changed."""
    return _load_kommun(Path(path or settings().kommun_config))


@lru_cache(maxsize=8)
def _load_kommun(path: Path) -> KommunConfig:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    return KommunConfig(code=raw["kommun"]["code"], name=raw["kommun"]["name"], raw=raw, folder=Path(path).resolve().parent)
