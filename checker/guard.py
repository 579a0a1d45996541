"""The must-warn guard: no staff edit of checker data may silently stop a name warning.

Every name that warns as an opioid now (checker/must_warn.py), and the typed forms in
checker/data/must_warn.csv, is read again by an engine built from the edited rows, inside the
edit's transaction, before it commits. If one of them would stop warning, the edit is undone
and the screen says how many and which, unless a pharmacist (the permission
checker.confirm_silencing) ticks the confirmation for exactly that impact.

    before = readings_now()                       # before the edit, from the running engine
    impact, after = impact_now(before)            # inside the edit's transaction
    confirmed(request, impact)                    # the pharmacist's tick, for this impact
    impact = trial(before, lambda: obj.delete())  # try a change, always undone (delete pages)
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping

from django.db import transaction

from checker import engine, must_warn

CONFIRM_FIELD = "must_warn_confirm"
READING_SEEN_FIELD = "checker_reading_seen"
PERMISSION = "checker.confirm_silencing"


def readings_now() -> Mapping[str, must_warn.Reading]:
    """How the checker answers every name it knows, as patients get it now."""
    return engine.get_engine().readings


def impact_now(
    before: Mapping[str, must_warn.Reading],
) -> tuple[must_warn.Impact, engine.Engine]:
    """What the rows as this transaction sees them do to the names that warn in `before`."""
    started = time.monotonic()
    after = engine.build_from_database()
    impact = must_warn.impact_of(before, after.index, after.rules)
    return (
        must_warn.Impact(
            silenced=impact.silenced,
            checked=impact.checked,
            seconds=time.monotonic() - started,
        ),
        after,
    )


def trial(before: Mapping[str, must_warn.Reading], change: Callable[[], object]):
    """Make the change, measure its impact, and undo it whatever happens."""
    with transaction.atomic():
        change()
        impact, _ = impact_now(before)
        transaction.set_rollback(True)
    return impact


def can_confirm(user) -> bool:
    return user.has_perm(PERMISSION)


def confirmed(request, impact: must_warn.Impact) -> bool:
    """A pharmacist ticked the confirmation shown for exactly this impact."""
    return can_confirm(request.user) and request.POST.get(CONFIRM_FIELD) == impact.token


def confirmation_note(request, impact: must_warn.Impact) -> str:
    """What the history keeps of a confirmed change."""
    who = request.user.get_full_name() or request.user.get_username()
    return f"Confirmed by {who}: {impact.summary}"


def reading_token(reading: must_warn.Reading) -> str:
    """Names one answer of the checker: the "I have seen what it will say" tick is for it."""
    text = "|".join([reading.name, reading.severity, ",".join(reading.groups), reading.explanation])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def read_one(checker: engine.Engine, name: str, kind: str = "") -> must_warn.Reading:
    return must_warn.read_names(checker.index, checker.rules, [(name, kind)])[name.casefold()]
