"""Reading grade of patient-facing text (Flesch-Kincaid), shared by the admin and the tests.

Drug and condition names are long words a reader cannot avoid, so each one is swapped for a
one-syllable word before scoring: the grade then measures our sentences, not the names.
"""

import re

import textstat

# Names a page must use as they are. Multi-word names are matched before their parts.
MEDICAL_NAMES = (
    # Medicines and their classes
    "low-dose naltrexone",
    "naltrexone",
    "LDN",
    "Vivitrol",
    "ReVia",
    "opioid antagonist",
    "opioid antagonists",
    "opioids",
    "opioid",
    "endogenous opioids",
    "endorphins",
    "analgesics",
    "analgesic",
    "antidiarrheals",
    "antidiarrheal",
    "nonsteroidal anti-inflammatory drugs",
    "nonsteroidal anti-inflammatory",
    "anti-inflammatory",
    "NSAIDs",
    "NSAID",
    "ibuprofen",
    "naproxen",
    "aspirin",
    "acetaminophen",
    "hydrocodone",
    "oxycodone",
    "tramadol",
    "buprenorphine",
    "methadone",
    "morphine",
    "codeine",
    "heroin",
    "fentanyl",
    "diphenoxylate/atropine",
    "diphenoxylate",
    "atropine",
    "Lomotil",
    "thioridazine",
    "disulfiram",
    "medication-assisted detox",
    "medication-assisted",
    "detoxification",
    # Conditions and body words
    "opioid use disorder",
    "alcohol use disorder",
    "substance use disorders",
    "substance use disorder",
    "autoimmune diseases",
    "autoimmune disease",
    "autoimmune",
    "multiple sclerosis",
    "Gulf War syndrome",
    "myalgic encephalomyelitis",
    "encephalomyelitis",
    "fibromyalgia",
    "chronic fatigue syndrome",
    "chronic pain",
    "chronic",
    "Crohn's disease",
    "Crohn's",
    "thyroid disorders",
    "thyroid",
    "hepatitis",
    "inflammation",
    "insomnia",
    "anxiety",
    "nausea",
    "vomiting",
    "fatigue",
    "lethargy",
    "diarrhea",
    "dilated pupils",
    "pupils",
    "receptors",
    "receptor",
    "TLR-4",
    "microglia",
    "microglial",
    "milligrams",
    "off-label",
    "inpatient",
    "outpatient",
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
