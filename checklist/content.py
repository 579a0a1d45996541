"""The checklist's starting words, as plain data. A data migration loads them through
`checklist.seed.load_checklist_content`, which adds missing rows only and never changes a row
staff have edited. After that, staff edit everything in admin.

Words follow the project's rules: reading grade 8 or lower, the plain term first and the
medical term after, never "safe". Each line cites the sources (by key) that back it.
"""

REVIEWED_ON = "2026-11-29"
NEXT_REVIEW_DUE = "2027-11-29"

CHECKLIST = {
    "title": "Checklist for your next visit",
    "introduction": (
        "Bring this to your next visit about low-dose naltrexone (LDN). Tick what to ask."
    ),
    "opioid_warning": (
        "LDN blocks opioids. Taken together, LDN can cause sudden, severe withdrawal, and the "
        "opioid may not work. Taking more opioid to get past the block can cause an overdose. "
        "Do not stop a prescribed medicine without asking your prescriber."
    ),
    "urgent_help": (
        "Get medical help now. If breathing is slow or someone is hard to wake, call 911 (US) "
        "or 999 (UK) and say they take naltrexone (LDN). Never take more opioid to get past "
        "the block."
    ),
    "reviewer_name": "Clinic pharmacist (set by your clinic)",
    "reviewer_credentials": "",
}

SOURCES = [
    {
        "key": "naltrexone-label",
        "number": 1,
        "title": "Naltrexone tablets label",
        "publisher": "FDA",
        "url": "https://drugcentral.org/label/adb7c4dc-221a-4d91-9687-0d78913a92ad/view",
    },
    {
        "key": "vivitrol-safety",
        "number": 2,
        "title": "Vivitrol safety information",
        "publisher": "Alkermes",
        "url": "https://www.vivitrol.com/important-safety-information",
    },
    {
        "key": "drugs-com-ldn",
        "number": 3,
        "title": "What is low dose naltrexone (LDN)?",
        "publisher": "Drugs.com",
        "url": "https://www.drugs.com/medical-answers/low-dose-naltrexone-ldn-3570335/",
    },
    {
        "key": "statpearls-naltrexone",
        "number": 4,
        "title": "Naltrexone (2023)",
        "publisher": "StatPearls",
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK534811/",
    },
    {
        "key": "cleveland-withdrawal",
        "number": 5,
        "title": "Opioid withdrawal",
        "publisher": "Cleveland Clinic",
        "url": "https://my.clevelandclinic.org/health/diseases/opioid-withdrawal",
    },
    {
        "key": "samhsa-exhibit",
        "number": 6,
        "title": "Drug interactions with oral naltrexone",
        "publisher": "SAMHSA",
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK64042/table/A93043/",
    },
    {
        "key": "ahrq-questions",
        "number": 7,
        "title": "Questions are the answer",
        "publisher": "AHRQ",
        "url": "https://www.ahrq.gov/questions/index.html",
    },
    {
        "key": "brown-bag",
        "number": 8,
        "title": "Get a brown-bag checkup",
        "publisher": "HealthyWomen",
        "url": "https://healthywomen.org/content/article/get-brown-bag-checkup",
    },
]

QUESTIONS_TO_ASK = [
    {
        "key": "why-for-me",
        "text": "Why might LDN help my condition?",
        "sources": ["drugs-com-ldn"],
    },
    {
        "key": "dose-and-timing",
        "text": "What dose should I take, and when?",
        "sources": ["drugs-com-ldn"],
    },
    {
        "key": "how-long",
        "text": "How long before I might notice a change?",
        "sources": ["drugs-com-ldn"],
    },
    {
        "key": "opioid-emergency",
        "text": "What if I need an opioid for surgery or in an emergency?",
        "sources": ["naltrexone-label", "vivitrol-safety"],
    },
    {
        "key": "alcohol",
        "text": "Can I drink alcohol while I take LDN?",
        "sources": ["samhsa-exhibit"],
    },
    {
        "key": "side-effects",
        "text": "Which side effects should I report to you?",
        "sources": ["statpearls-naltrexone", "ahrq-questions"],
    },
    {
        "key": "interactions",
        "text": "Will LDN mix badly with my other medicines?",
        "sources": ["ahrq-questions"],
    },
    {
        "key": "stop-other",
        "text": "Should I stop or change any other medicines?",
        "sources": ["ahrq-questions"],
    },
    {
        "key": "missed-dose",
        "text": "What should I do if I miss a dose?",
        "sources": ["ahrq-questions"],
    },
]

THINGS_TO_BRING = [
    {
        "key": "every-container",
        "text": "Every medicine you take, in its box or bottle",
        "sources": ["brown-bag"],
    },
    {
        "key": "over-the-counter",
        "text": "Medicines you buy yourself (over-the-counter)",
        "sources": ["brown-bag"],
    },
    {
        "key": "supplements",
        "text": "Vitamins, herbal remedies and supplements",
        "sources": ["brown-bag"],
    },
    {
        "key": "other-forms",
        "text": "Creams, patches, inhalers, eye drops, sprays",
        "sources": ["brown-bag"],
    },
]

SIGNS_TO_WATCH = [
    # Side effects to tell the doctor about.
    {"key": "headache", "kind": "side_effect", "text": "Headache"},
    {"key": "fatigue", "kind": "side_effect", "text": "Feeling very tired (fatigue)"},
    {"key": "aches", "kind": "side_effect", "text": "Joint or muscle pain"},
    {"key": "cramps", "kind": "side_effect", "text": "Stomach cramps"},
    {
        "key": "nausea",
        "kind": "side_effect",
        "text": "Feeling or being sick (nausea, vomiting)",
    },
    {"key": "anxiety", "kind": "side_effect", "text": "Feeling anxious or nervous (anxiety)"},
    {"key": "insomnia", "kind": "side_effect", "text": "Trouble sleeping (insomnia)"},
    {
        "key": "liver",
        "kind": "side_effect",
        "text": "Yellow skin or eyes, or dark pee (liver problems)",
        "sources": ["vivitrol-safety"],
    },
    # Sudden opioid withdrawal: the urgent box.
    {"key": "cravings", "kind": "withdrawal", "text": "Strong cravings for opioids"},
    {"key": "sick", "kind": "withdrawal", "text": "Feeling sick or being sick"},
    {"key": "upset", "kind": "withdrawal", "text": "Feeling anxious, or crying"},
    {"key": "chills", "kind": "withdrawal", "text": "Chills, fever or sweating"},
    {"key": "muscle-aches", "kind": "withdrawal", "text": "Muscle aches"},
    {"key": "pupils", "kind": "withdrawal", "text": "Large pupils (dilated pupils)"},
    {"key": "heart", "kind": "withdrawal", "text": "Fast heartbeat"},
    {"key": "blood-pressure", "kind": "withdrawal", "text": "High blood pressure"},
    {"key": "no-sleep", "kind": "withdrawal", "text": "Trouble sleeping"},
    # Opioid overdose: the urgent box.
    {
        "key": "breathing",
        "kind": "overdose",
        "text": "Trouble breathing, or slow, shallow breathing",
    },
    {"key": "drowsy", "kind": "overdose", "text": "Very sleepy, or hard to wake up"},
    {"key": "faint", "kind": "overdose", "text": "Feeling faint, very dizzy or confused"},
]

# Sources for whole groups of signs, so each line above stays short.
SIGN_SOURCES = {
    "side_effect": ["statpearls-naltrexone"],
    "withdrawal": ["cleveland-withdrawal"],
    "overdose": ["vivitrol-safety", "naltrexone-label"],
}
