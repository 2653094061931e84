"""Optional online fetch from Kolada's API v3. Off by default: the app works offline, and
this runs only when a user presses the clearly labelled button on the Data page.

What is fetched goes through the same parser and checks as an uploaded Kolada JSON file.
Without a connection the user is told so in Swedish and nothing changes.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from urllib.parse import urlparse

from lagesbild.config import load_kommun
from lagesbild.errors import LagesbildError
from lagesbild.importers import kolada
from lagesbild.importers.base import ParsedImport

API = "https://api.kolada.se/v3"
HOST = "api.kolada.se"
TIMEOUT_S = 8
MAX_PAGES = 20
USER_AGENT = "Lagesbild/1.0 (samverkan; kontakt via kommunen)"
Opener = Callable[..., object]


class NoConnection(LagesbildError):
    """No answer from Kolada (offline, blocked, or timed out)."""


def data_url(kpis: list[str], municipality: str, years: list[int]) -> str:
    return f"{API}/data/kpi/{','.join(kpis)}/municipality/{municipality}/year/{','.join(str(y) for y in years)}"


def fetch_pages(url: str, *, opener: Opener = urllib.request.urlopen, timeout: float = TIMEOUT_S) -> list[dict]:
    """Every page of a v3 data query (following `next_page`, only on api.kolada.se)."""
    pages: list[dict] = []
    while url and len(pages) < MAX_PAGES:
        if urlparse(url).hostname != HOST:
            raise LagesbildError(f"Kolada hänvisade till en annan adress ({url}); hämtningen avbröts. Inget har ändrats.")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        try:
            with opener(request, timeout=timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as err:
            raise LagesbildError(f"Kolada svarade med felkod {err.code} för {url}. Inget har ändrats.") from err
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            raise NoConnection(
                "Ingen anslutning till Kolada (api.kolada.se) – datorn verkar sakna internet, eller så blockeras "
                f"adressen ({getattr(err, 'reason', err)}). Inget har ändrats. Ladda i stället ner filen från "
                "kolada.se och importera den på sidan Administration."
            ) from err
        try:
            doc = json.loads(body)
        except json.JSONDecodeError as err:
            raise LagesbildError("Kolada svarade med något som inte är JSON. Inget har ändrats.") from err
        pages.append(doc)
        url = doc.get("next_page") if isinstance(doc, dict) else None
    return pages


def fetch_registered(years: list[int], *, opener: Opener = urllib.request.urlopen, timeout: float = TIMEOUT_S) -> tuple[ParsedImport, bytes]:
    """All registered Kolada KPIs for this kommun and `years`, parsed like a file.
    Returns the parsed import and the raw bytes (kept as the batch's checksum)."""
    kpis = sorted(kolada.kpi_map())
    pages = fetch_pages(data_url(kpis, load_kommun().code, years), opener=opener, timeout=timeout)
    raw = json.dumps(pages, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return kolada.parse(raw, "kolada-api.json"), raw
