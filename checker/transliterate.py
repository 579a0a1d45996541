"""Names written in another script, read through the Latin letters they stand for.

A patient in Tbilisi writes tramadol as "ტრამადოლი", one in Moscow Nurofen Plus as "Нурофен
Плюс". When an entry in such a script is not read as written, the matcher reads it again in
Latin letters (anyascii), as a guess: "Did you mean tramadol?", which still warns in full.

Arabic, Persian, Urdu and Hebrew letters mostly leave out vowels ("ترامال" is "trml"), so a
word in these scripts is compared by its consonants ("skeleton") with the consonants of the
names the checker knows: "trml" is Tramal, "mtdwn" methadone, "nltrkswn" naltrexone.
"""

import re
import unicodedata

from anyascii import anyascii

# Scripts written mostly without vowels: Hebrew; Arabic, Persian and Urdu (with their
# presentation forms).
_ABJAD = re.compile(
    r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
)
# Sounds a consonant-only spelling writes one way: "ph" is f; Arabic has no p, v or soft c.
_SOUNDS = (("ph", "f"), ("th", "t"), ("sh", "s"), ("kh", "k"), ("ch", "k"), ("ck", "k"),
           ("dh", "d"), ("gh", "g"), ("ts", "s"), ("x", "ks"), ("q", "k"), ("j", "g"),
           ("p", "b"), ("f", "b"), ("z", "s"))  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")
_NOT_CONSONANT = re.compile(r"[^bcdgklmnrst]")
SHORTEST_SKELETON = 4  # fewer consonants name too many things to be read as one


def in_other_script(text: str) -> bool:
    """True when a letter is not Latin: Cyrillic, Georgian, Arabic, Devanagari ..."""
    if text.isascii():  # most entries: no letter to look up
        return False
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def without_vowels(text: str) -> bool:
    """True when the text is in a script written mostly without vowels (Arabic, Hebrew)."""
    return bool(_ABJAD.search(text))


def latin(word: str) -> str:
    """The word in Latin letters: "Трамадол" -> "tramadol", "١٠٠" -> "100"."""
    return anyascii(word).casefold().replace("'", "")


def skeleton(latin_word: str) -> str:
    """The consonants a script without vowels would write: "methadone" -> "mtdn"."""
    word = _SOFT_C.sub("s", latin_word.casefold()).replace("c", "k")
    for sound, written in _SOUNDS:
        word = word.replace(sound, written)
    word = _NOT_CONSONANT.sub("", word)
    return re.sub(r"(.)\1+", r"\1", word)


def with_long_vowels(latin_word: str) -> str:
    """The vowels such a script does write, back as vowels: "krtwm" -> "krtom"."""
    return latin_word.replace("w", "o").replace("y", "i").replace("v", "o")
