"""Read the checker form (and the same fields posted to the checklist) without trusting it.

The form has repeated `medicine` fields and one `q-<slug>` yes/no radio group per screening
question. A medicine box may hold a list (pasted from a pharmacy printout, or typed with
Enter between names): each line is its own entry. Nothing here is stored or logged; errors
name the field, never echo what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from checker.presentation import CONFIRM_PREFIX  # the action value format has one home

MAX_ENTRIES = 50
MAX_LENGTH = 200
START_ROWS = 3

# In the page's language, read when the message is shown.
MESSAGE_EMPTY = gettext_lazy("Enter a medicine name")


def message_too_many() -> str:
    return _(
        "You can check up to %(count)d medicines at a time. Remove some, or check them in two goes."
    ) % {"count": MAX_ENTRIES}


def message_no_more_rows() -> str:
    return _("You can add up to %(count)d medicines") % {"count": MAX_ENTRIES}


def message_too_long(number: int) -> str:
    return _("Medicine %(number)d is too long. Use %(length)d characters or fewer.") % {
        "number": number,
        "length": MAX_LENGTH,
    }


def message_bad_character(number: int) -> str:
    return _("Medicine %(number)d has a character we cannot read. Type the name again.") % {
        "number": number
    }


# A bullet or a list number at the start of a line ("• ", "- ", "3. ", "3) ") is how a printed
# list is laid out, not part of a medicine's name. A dose like "5 mg" has no dot or bracket.
_LIST_MARKER = re.compile(r"^\s*(?:[-*\u2022\u00b7\u2013\u2014]|\d{1,2}[.)])\s+")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")


def split_list(text: str) -> list[str]:
    """The entries in one box: one per non-blank line, without list bullets or numbers.

    "Norco 10/325\n\n• ibuprofen 200 mg\n2. wine" -> ["Norco 10/325", "ibuprofen 200 mg", "wine"].
    A box with no line breaks is one entry, as typed (trimmed)."""
    lines = [_LIST_MARKER.sub("", line, count=1).strip() for line in _LINE_BREAK.split(text)]
    if len(lines) == 1:
        return [text.strip()]
    return [line for line in lines if line]


def field_id(number: int) -> str:
    """The id of the medicine field in row `number` (counting from 1)."""
    return f"medicine-{number}"


@dataclass
class CheckForm:
    """What the patient posted: the rows as typed, the answers, and any errors.

    `rows` keeps every row in order, blanks included, so the page can show them back exactly;
    `entries` is the non-blank ones, for the engine.
    """

    rows: list[str]
    answers: dict[str, bool | None]
    row_errors: dict[int, str] = field(default_factory=dict)  # row number -> message
    list_errors: list[tuple[str, str]] = field(default_factory=list)  # (field id, message)

    @property
    def errors(self) -> list[tuple[str, str]]:
        """(field id, message) in the order of the fields, for the error summary."""
        by_row = [(field_id(number), self.row_errors[number]) for number in sorted(self.row_errors)]
        return by_row + self.list_errors

    @classmethod
    def blank(cls, *, question_slugs: Iterable[str] = ()) -> CheckForm:
        return cls(rows=[""] * START_ROWS, answers=dict.fromkeys(question_slugs))

    @classmethod
    def from_post(cls, data, *, question_slugs: Iterable[str]) -> CheckForm:
        """Bind to a QueryDict (request.POST). Call validate() before using `entries`."""
        rows = []
        bad_rows = []
        for value in data.getlist("medicine"):
            lines = split_list(value) or [""]  # a box of blank lines stays one blank row
            for line in lines:
                if "\x00" in line:
                    bad_rows.append(len(rows) + 1)
                    line = line.replace("\x00", "")
                rows.append(line)
        form = cls(rows=rows or [""], answers=read_answers(data, question_slugs))
        for number in bad_rows:
            form._add_error(number, message_bad_character(number))
        return form

    @property
    def entries(self) -> list[str]:
        return [row for row in self.rows if row]

    def validate(self) -> bool:
        """Check the list is worth sending to the engine. Returns True when there are no errors."""
        if not self.entries and not self.row_errors:
            self._add_error(1, MESSAGE_EMPTY)
        for number, row in enumerate(self.rows, start=1):
            if len(row) > MAX_LENGTH:
                self._add_error(number, message_too_long(number))
        if len(self.entries) > MAX_ENTRIES:
            self.list_errors.append((field_id(MAX_ENTRIES + 1), message_too_many()))
        return not self.errors

    def add_row(self) -> None:
        if len(self.rows) >= MAX_ENTRIES:
            self.list_errors.append(("add-medicine", message_no_more_rows()))
        else:
            self.rows.append("")

    def remove_row(self, number: int) -> None:
        if 1 <= number <= len(self.rows):
            del self.rows[number - 1]
            # Row numbers after it moved up; messages about them would now point elsewhere.
            self.row_errors.clear()
            self.list_errors.clear()
        if not self.rows:
            self.rows.append("")

    def _add_error(self, number: int, message: str) -> None:
        self.row_errors.setdefault(number, message)

    @property
    def has_any_answer(self) -> bool:
        return any(answer is not None for answer in self.answers.values())

    def rows_with_errors(self) -> list[tuple[int, str, str]]:
        """(row number, value, error message or "") for the template."""
        return [
            (number, row, self.row_errors.get(number, ""))
            for number, row in enumerate(self.rows, start=1)
        ]

    @property
    def is_one_empty_row(self) -> bool:
        """A lone empty row has nothing to remove, so it shows no Remove button."""
        return len(self.rows) == 1 and not self.rows[0]


def read_action(value: str) -> tuple[str, int | None]:
    """The button a checker post came from: ("add", None), ("clear", None), ("remove", row
    number) or ("check", None) for the check button and anything unexpected.

    The one reader of the field, for the view and the rate limit alike: a made-up button such
    as "remove-x" is a check, and counts as one. Row numbers are ASCII digits only ("²" and
    "٣" pass str.isdigit but not int()), and short: there are never more than MAX_ENTRIES rows.
    """
    value = (value or "").strip()
    if value in ("add", "clear"):
        return value, None
    prefix = "remove-"
    if value.startswith(prefix):
        number = value[len(prefix) :]
        if number.isascii() and number.isdigit() and len(number) <= 3:
            return "remove", int(number)
    return "check", None


def read_confirm(value: str) -> tuple[int, int, int] | None:
    """The "Did you mean ...?" button a check came from: action=confirm-<row>-<product>-<reading>
    -> (row, product, reading), each counting from 1 (product 0: the row holds one product;
    reading 0: the guess itself). None for any other button. read_action() reads such a post
    as a check, which it is (it runs one, and counts as one)."""
    value = (value or "").strip()
    if not value.startswith(CONFIRM_PREFIX):
        return None
    numbers = value[len(CONFIRM_PREFIX) :].split("-")
    if len(numbers) != 3 or not all(n.isascii() and n.isdigit() and len(n) <= 3 for n in numbers):
        return None
    row, product, reading = (int(n) for n in numbers)
    return row, product, reading


def read_answers(data: Mapping, question_slugs: Iterable[str]) -> dict[str, bool | None]:
    """`q-<slug>` = "yes" / "no" -> True / False; anything else (or nothing) -> None."""
    answers: dict[str, bool | None] = {}
    for slug in question_slugs:
        value = (data.get(f"q-{slug}") or "").strip().lower()
        answers[slug] = {"yes": True, "no": False}.get(value)
    return answers
