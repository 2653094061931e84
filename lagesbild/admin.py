"""Command line for administrators (no login needed on the server itself).

    python -m lagesbild.admin editing on|off
    python -m lagesbild.admin role add anna@huddinge.se editor --partner huddinge_kommun [--reform-editor]
    python -m lagesbild.admin role remove anna@huddinge.se
    python -m lagesbild.admin roles
    python -m lagesbild.admin backup FIL.zip
    python -m lagesbild.admin restore FIL.zip      (into an empty database)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lagesbild import netguard
from lagesbild.config import PROJECT_ROOT, settings
from lagesbild.domain import Actor, Role
from lagesbild.errors import LagesbildError
from lagesbild.store import app_settings, backup, roles
from lagesbild.store.db import Store

CLI_ACTOR = Actor(name="admin (kommandorad)", role=Role.ADMIN, reform_editor=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        store = Store.open(settings().db_url, seed=args.cmd != "restore")
        return args.func(store, args) or 0
    except LagesbildError as err:
        print(f"Fel: {err}", file=sys.stderr)
        return 2


def _editing(store: Store, args) -> int | None:
    address = netguard.configured_address(PROJECT_ROOT)
    if args.state == "on" and settings().auth_mode == "local" and not netguard.is_loopback(address):
        print("Fel: " + netguard.refusal(address), file=sys.stderr)
        return 2
    with store.transaction() as s:
        app_settings.set_flag(s, CLI_ACTOR, app_settings.EDITING, args.state == "on")
    print("Redigering är " + ("påslagen." if args.state == "on" else "avstängd (endast läsning)."))


def _role(store: Store, args) -> None:
    with store.transaction() as s:
        if args.action == "add":
            roles.set_role(s, CLI_ACTOR, args.email, Role(args.role), partner_id=args.partner, reform_editor=args.reform_editor)
        else:
            roles.remove_role(s, CLI_ACTOR, args.email)
    print("Klart.")


def _roles(store: Store, _args) -> None:
    with store.session() as s:
        print(roles.roles_table(s).to_string(index=False))


def _backup(store: Store, args) -> None:
    Path(args.file).write_bytes(backup.backup(store))
    print(f"Säkerhetskopia skriven till {args.file}.")


def _restore(store: Store, args) -> None:
    counts = backup.restore(store, Path(args.file).read_bytes())
    print(f"Återställt {sum(counts.values())} rader i {len(counts)} tabeller.")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m lagesbild.admin", description="Administration av Lägesbild.")
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("editing", help="slå på/av redigering i lokalt läge")
    e.add_argument("state", choices=["on", "off"])
    e.set_defaults(func=_editing)
    r = sub.add_parser("role", help="ge eller ta bort en roll")
    r.add_argument("action", choices=["add", "remove"])
    r.add_argument("email")
    r.add_argument("role", nargs="?", default="viewer", choices=[x.value for x in Role])
    r.add_argument("--partner")
    r.add_argument("--reform-editor", action="store_true")
    r.set_defaults(func=_role)
    sub.add_parser("roles", help="lista roller").set_defaults(func=_roles)
    b = sub.add_parser("backup", help="säkerhetskopiera hela databasen till en ZIP")
    b.add_argument("file")
    b.set_defaults(func=_backup)
    rs = sub.add_parser("restore", help="återställ en ZIP till en tom databas")
    rs.add_argument("file")
    rs.set_defaults(func=_restore)
    return p


if __name__ == "__main__":
    raise SystemExit(main())
