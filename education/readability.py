"""Reading grade of patient-facing text (Flesch-Kincaid), shared by the admin and the tests.

Drug and condition names are long words a reader cannot avoid, so each one is swapped for a
one-syllable word before scoring: the grade then measures our sentences, not the names.
"""

import re
from pathlib import Path

import textstat
import yaml

# Names a page must use as they are (education/data/medical_terms.yaml).
MEDICAL_TERMS_FILE = Path(__file__).resolve().parent / "data" / "medical_terms.yaml"
MEDICAL_NAMES = tuple(
    name
    for names in yaml.safe_load(MEDICAL_TERMS_FILE.read_text(encoding="utf-8")).values()
    for name in names
)

PLACEHOLDER = "drug"

# Fewer words than this give a meaningless grade ("Headache" scores 8.4).
MIN_WORDS_TO_SCORE = 5

_URL_PATTERN = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)

_NAME_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(name) for name in sorted(MEDICAL_NAMES, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def swap_medical_names(text: str) -> str:
    """Replace each drug or condition name with a one-syllable word."""
    return _NAME_PATTERN.sub(PLACEHOLDER, text)


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of the text, with medical names swapped out; 0.0 for no words.

    Each line counts as a sentence of its own, so list points and headings (which have no full
    stop) do not run together. Web addresses are left out: one would count as a huge word.
    """
    lines = (line.strip() for line in _URL_PATTERN.sub(" ", text or "").splitlines())
    plain = swap_medical_names(
        " ".join(line if line[-1] in ".!?:;" else f"{line}." for line in lines if line)
    )
    if not re.search(r"[A-Za-z]", plain):
        return 0.0
    return round(max(textstat.flesch_kincaid_grade(plain), 0.0), 1)


def describe_grade(text: str, *, target: float = 8.0) -> str:
    """The grade as staff read it in the admin, e.g. "6.4 (fine)" or "10.2 (above 8: …)"."""
    if len(re.findall(r"[A-Za-z]+", text or "")) < MIN_WORDS_TO_SCORE:
        return "too short to score"
    grade = reading_grade(text)
    if grade <= target:
        return f"{grade:.1f} (fine)"
    return f"{grade:.1f} (above {target:g}: use shorter words and sentences)"


def worst_field(fields: list[tuple[str, str]], *, target: float = 8.0) -> tuple[str, float] | None:
    """The hardest field to read, as (label, grade), of the fields long enough to score;
    None when none is. One hard sentence is not hidden by averaging it with easy ones."""
    scored = [
        (label, reading_grade(text))
        for label, text in fields
        if len(re.findall(r"[A-Za-z]+", text or "")) >= MIN_WORDS_TO_SCORE
    ]
    if not scored:
        return None
    return max(scored, key=lambda pair: pair[1])


def describe_worst(fields: list[tuple[str, str]], *, target: float = 8.0) -> str:
    """ "What could happen: 15.0 (above 8: use shorter words and sentences)", the hardest
    field first, as the admin shows it."""
    worst = worst_field(fields, target=target)
    if worst is None:
        return "too short to score"
    label, grade = worst
    if grade <= target:
        return f"{grade:.1f} (fine; the hardest field is “{label}”)"
    return f"“{label}”: {grade:.1f} (above {target:g}: use shorter words and sentences)"
