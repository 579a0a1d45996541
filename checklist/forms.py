"""Read the medicine checker's fields when they are posted to the checklist.

The checker's "Make my checklist" button posts `medicine` (repeated, each box one medicine or
a list of them, one a line) and `q-<slug>` (yes/no).
Nothing here is trusted: entries are capped in number and length, control characters are
removed and empty entries dropped, so any form (or any tampered post) gives a usable page.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.http import QueryDict

# The checker's own limits and answer reading: one policy for the same fields.
from checker.forms import MAX_ENTRIES, read_answers, split_list
from checker.forms import MAX_LENGTH as MAX_ENTRY_LENGTH

__all__ = ["MAX_ENTRIES", "MAX_ENTRY_LENGTH", "CheckerPost", "clean_entry", "read_checker_post"]

# NUL and the other control characters cannot be typed on purpose; tab and newlines become spaces.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class CheckerPost:
    entries: list[str] = field(default_factory=list)
    answers: dict[str, bool | None] = field(default_factory=dict)
    entries_left_off: int = 0  # entries past MAX_ENTRIES, not shown
    entries_cut_short: int = 0  # entries longer than MAX_ENTRY_LENGTH, cut to it

    @property
    def is_empty(self) -> bool:
        return not self.entries and all(answer is None for answer in self.answers.values())


def clean_entry(text: str) -> str:
    text = _CONTROL_CHARACTERS.sub("", text)
    return _WHITESPACE.sub(" ", text).strip()


def read_checker_post(post: QueryDict, *, question_slugs: Iterable[str]) -> CheckerPost:
    # A box may hold a list, one medicine a line, as on the checker page.
    lines = [line for value in post.getlist("medicine") for line in split_list(value)]
    entries = [entry for entry in map(clean_entry, lines) if entry]
    left_off = max(0, len(entries) - MAX_ENTRIES)
    entries = entries[:MAX_ENTRIES]
    cut_short = sum(1 for entry in entries if len(entry) > MAX_ENTRY_LENGTH)
    entries = [entry[:MAX_ENTRY_LENGTH].rstrip() for entry in entries]
    return CheckerPost(
        entries=entries,
        answers=read_answers(post, question_slugs),
        entries_left_off=left_off,
        entries_cut_short=cut_short,
    )
