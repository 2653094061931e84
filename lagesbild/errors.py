"""Errors with Swedish messages meant for the user, raised by the core and shown by the UI."""
from __future__ import annotations

from dataclasses import dataclass


class LagesbildError(Exception):
    """Base class: `str(err)` is a complete Swedish sentence for the user."""


@dataclass(frozen=True)
class Issue:
    """One problem in input data. `row` is 1-based as in a spreadsheet (header = row 1)."""

    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column:
            where.append(f"kolumn \u201d{self.column}\u201d")
        return (", ".join(where) + ": " if where else "") + self.message


class ValidationError(LagesbildError):
    def __init__(self, issues: list[Issue], summary: str | None = None):
        self.issues = list(issues)
        n = len(self.issues)
        head = summary or f"Filen har {n} fel och har inte lästs in. Inget har ändrats."
        super().__init__(head + "\n" + "\n".join(f"- {i}" for i in self.issues[:50]))
        self.summary = head


class SeedError(LagesbildError):
    """The first start could not fill the database; nothing of the seed was kept. `detail`
    names the step, the file and the importer's rows and columns (for the log and the admin)."""

    def __init__(self, step: str, detail: str):
        self.step = step
        self.detail = detail
        super().__init__(f"Grunddata kunde inte läsas in (steg ”{step}”); inget sparades och nästa start försöker igen.\n"
                         f"{detail}")


class ConflictError(LagesbildError):
    """Someone else changed the record after it was opened (optimistic concurrency)."""


class PermissionDenied(LagesbildError):
    pass


class NotFound(LagesbildError):
    pass
