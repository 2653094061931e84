"""Example data ("Exempeldata") for training and presentations: fictional, and only ever
loaded into the separate demo database (settings().demo_db_url), never the real one.

The seed step is `demo_only`, so `seed_if_empty(store, demo=False)` skips it; the UI opens
the demo database with demo=True while the sidebar toggle "exempel" is on, and every page
then shows the EXEMPELDATA banner (lagesbild.ui.layout.demo_banner).
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lagesbild.config import DATA_DIR
from lagesbild.domain import Actor, ReformStatus, Role
from lagesbild.store.action_plan import adopt_activities
from lagesbild.store.audit import audit
from lagesbild.store.models import Activity, District, Reform
from lagesbild.store.reforms import UpdateInput, record_update
from lagesbild.store.seed import read_csv, seed_step

DEMO_DIR = DATA_DIR / "exempel"
DEMO_ACTOR = Actor(name="exempeldata (påhittad)", role=Role.ADMIN, reform_editor=True)
DEMO_SOURCE_PREFIX = "https://exempel.invalid/"  # .invalid can never resolve (RFC 2606)
DEMO_ACTIVITY_PREFIX = "exempel-"


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def load_reform_updates(s: Session) -> int:
    """The fictional assessments, in file order, through the same write path as the form."""
    n = 0
    for row in read_csv(DEMO_DIR / "reform_updates.csv"):
        if not row["source_url"].startswith(DEMO_SOURCE_PREFIX):
            raise ValueError(f"exempeldata måste ha en källa under {DEMO_SOURCE_PREFIX}: {row['source_url']}")
        version = s.get(Reform, row["reform_id"]).version
        record_update(s, DEMO_ACTOR, row["reform_id"], version, UpdateInput(
            status=ReformStatus(row["status"]), update_date=date.fromisoformat(row["update_date"]),
            motivation=row["motivation"], source_url=row["source_url"], author=row["author"],
            progress=int(row["progress"]) if row["progress"] else None,
        ))
        n += 1
    return n


def load_activities(s: Session) -> int:
    known = set(s.scalars(select(District.code)))
    n = 0
    for row in read_csv(DEMO_DIR / "activities.csv"):
        if not row["external_id"].startswith(DEMO_ACTIVITY_PREFIX):
            raise ValueError(f"exempelaktiviteter måste ha ett id som börjar med {DEMO_ACTIVITY_PREFIX}")
        s.add(Activity(
            external_id=row["external_id"], title=row["title"], description=row["description"],
            partner_id=row["partner_id"], focus_area_id=row["focus_area_id"],
            district_code=row["district_code"] if row["district_code"] in known else None,
            status=row["status"], start_date=_date(row["start_date"]), end_date=_date(row["end_date"]),
            follow_up=row["follow_up"], updated_by=DEMO_ACTOR.name,
        ))
        audit(s, DEMO_ACTOR, "activity.create", "activity", row["external_id"], demo=True)
        n += 1
    s.flush()
    adopt_activities(s, DEMO_ACTOR)  # every activity is an entry of the åtgärdsplan
    return n


@seed_step("exempeldata", demo_only=True)
def seed_demo(s: Session) -> None:
    load_reform_updates(s)
    load_activities(s)
