"""Spanish reading ease: Szigriszt-Pazos with the INFLESZ bands (Barrio-Cantalejo 2008).

    INFLESZ = 206.835 - 62.3 * (syllables / words) - (words / sentences)

Target 65 or more ("bastante fácil") for every Spanish page and message. Syllables come from
silabeador, which counts Spanish right (agua 2, día 2, codeína 4), unlike textstat's hyphenation.
Counted as the translator's scorer counts (/work/coord/es/score.py) and as the English grade
counts lines (education/readability.py):
- a word is a run of letters (accents, ñ and ü included); numbers are not words; no word is
  swapped out (drug names count with all their syllables);
- a sentence ends at . ! ? (not the point in 4.5, nor those of "EE. UU."), and at the end of each
  text (a heading or list item is a sentence of its own); a text ending in ":" or ";" (a list's
  intro) runs on into the next;
- a Markdown link counts by its words.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterable
from functools import lru_cache

import silabeador

TARGET = 65.0
LETTERS = "A-Za-zÁÉÍÓÚÜÑáéíóúüñ"
WORD = re.compile(rf"[{LETTERS}]+")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ABBREVIATION = re.compile(r"EE\. ?UU\.|\bNo\. (?=\d)")
SENTENCE_END = re.compile(r"(?<!\d)[.!?]+|[.!?]+(?!\d)")


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    key = word.lower()
    try:
        with warnings.catch_warnings():  # silabeador 1.2.4 reads its word list the old way
            warnings.simplefilter("ignore", DeprecationWarning)
            return max(1, len(silabeador.syllabify(key)))
    except Exception:  # a word silabeador cannot split: count its vowel groups
        return max(1, len(re.findall(r"[aeiouáéíóúü]+", key)))


def count(texts: Iterable[str]) -> tuple[int, int, int]:
    """(sentences, words, syllables) of some texts, each its own block on the page."""
    merged: list[str] = []
    for text in (t.strip() for t in texts if t and t.strip()):
        if merged and merged[-1].endswith((":", ";")):
            merged[-1] += " " + text
        else:
            merged.append(text)
    sentences = words = syllable_count = 0
    for text in merged:
        text = LINK.sub(r"\1", text)
        text = ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text).strip()
        pieces = [p for p in SENTENCE_END.split(text) if WORD.search(p) or NUMBER.search(p)]
        for piece in pieces:
            found = WORD.findall(piece)
            words += len(found)
            syllable_count += sum(syllables(word) for word in found)
        sentences += max(1, len(pieces))
    return sentences, words, syllable_count


def score(texts: Iterable[str] | str) -> float:
    """INFLESZ of the texts; NaN when they have no words."""
    if isinstance(texts, str):
        texts = [texts]
    sentences, words, syllable_count = count(texts)
    if not words:
        return math.nan
    return 206.835 - 62.3 * (syllable_count / words) - (words / sentences)


def band(value: float) -> str:
    """The INFLESZ band in Spanish, as editors see it."""
    if math.isnan(value):
        return "sin texto"
    if value <= 40:
        return "muy difícil"
    if value <= 55:
        return "algo difícil"
    if value < 65:
        return "normal"
    if value <= 80:
        return "bastante fácil"
    return "muy fácil"


def describe(texts: Iterable[str] | str) -> str:
    """ "INFLESZ 72.4 (bastante fácil)" — for the admin, beside the English grade."""
    value = score(texts)
    if math.isnan(value):
        return "INFLESZ: no text yet"
    aim = (
        ""
        if value >= TARGET
        else f" — below the target of {TARGET:.0f}: shorter sentences, shorter words"
    )
    return f"INFLESZ {value:.1f} ({band(value)}){aim}"
