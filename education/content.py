"""The first version of every patient page, in our own plain words, from the source article.

Read this file as the content, not as code. Numbers after each point are the sources it rests
on (SOURCES below). Staff edit all of it in the admin afterwards; `load_content` only creates
what is missing and never overwrites an edited row.

Writing rules: reading grade 8 or lower, sentences under 20 words, the plain word first and the
medical term after it in brackets, never call anything "safe".
"""

import datetime

from ldn_site.history import record_first_version

REVIEWED_ON = datetime.date(2026, 11, 29)
NEXT_REVIEW_DUE = datetime.date(2027, 11, 29)
REVIEWER_NAME = "Clinic pharmacist (name set by your clinic)"
REVIEWER_CREDENTIALS = "Licensed pharmacist"


def item(text, *sources, detail=""):
    return {"text": text, "sources": sources, "detail": detail}


# The article cites 7 works as [1] to [13]; each is listed once here. Its own number(s) are in
# the note, so a reviewer can check our pages against it. 8 to 10 are the FDA-label sources from
# shared/reference/naltrexone-sources.md, used where we state their facts.
SOURCES = [
    {
        "number": 1,
        "title": "Naltrexone interactions checker",
        "publisher": "Drugs.com",
        "url": "https://www.drugs.com/drug-interactions/naltrexone.html",
        "date": "no date given",
        "note": "Lists the medicines known to interact with naltrexone.",
    },
    {
        "number": 2,
        "title": "Naltrexone: uses, dosage, side effects, warnings",
        "publisher": "Drugs.com",
        "url": "https://www.drugs.com/naltrexone.html",
        "date": "no date given",
        "note": "Facts about naltrexone for patients.",
    },
    {
        "number": 3,
        "title": "What is low dose naltrexone (LDN)?",
        "publisher": "Drugs.com",
        "url": "https://www.drugs.com/medical-answers/low-dose-naltrexone-ldn-3570335/",
        "date": "no date given",
        "note": "The dose of LDN, what it is used for and how it may work.",
    },
    {
        "number": 4,
        "title": "Naltrexone (StatPearls)",
        "publisher": "Singh D, StatPearls Publishing, NCBI Bookshelf",
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK534811/",
        "date": "2023 (updated May 30)",
        "note": "A review for health workers: side effects and long-term use.",
    },
    {
        "number": 5,
        "title": "Exhibit 4-7: Drug interactions with oral naltrexone",
        "publisher": "Center for Substance Abuse Treatment, NCBI Bookshelf",
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK64042/table/A93043/",
        "date": "2009",
        "note": "A table from the guide Incorporating Alcohol Pharmacotherapies Into Medical Practice (TIP 49).",
    },
    {
        "number": 6,
        "title": "The 4 naltrexone interactions you should know",
        "publisher": "GoodRx",
        "url": "https://www.goodrx.com/naltrexone/interactions",
        "date": "no date given",
        "note": "The named medicines to avoid with naltrexone.",
    },
    {
        "number": 7,
        "title": "Dope sick: opioid withdrawal",
        "publisher": "Cleveland Clinic",
        "url": "https://my.clevelandclinic.org/health/diseases/opioid-withdrawal",
        "date": "2025 (June 26)",
        "note": "The signs of opioid withdrawal.",
    },
    {
        "number": 8,
        "title": "Vivitrol (naltrexone for extended-release injectable suspension): prescribing information",
        "publisher": "U.S. Food and Drug Administration (openFDA)",
        "url": "https://api.fda.gov/drug/label.json?search=%22Vivitrol%22",
        "date": "no date given",
        "note": "The official drug label. Its warnings cover opioid withdrawal, opioid overdose and the liver.",
    },
    {
        "number": 9,
        "title": "Naltrexone hydrochloride tablets: prescribing information",
        "publisher": "DrugCentral",
        "url": "https://drugcentral.org/label/adb7c4dc-221a-4d91-9687-0d78913a92ad/view",
        "date": "no date given",
        "note": "The official drug label for naltrexone tablets. It says who must not take naltrexone.",
    },
    {
        "number": 10,
        "title": "Naltrexone (LiverTox)",
        "publisher": "National Institute of Diabetes and Digestive and Kidney Diseases, NCBI Bookshelf",
        "url": "https://ncbi.nlm.nih.gov/books/n/livertox/Naltrexone/",
        "date": "no date given",
        "note": "What is known about naltrexone and the liver.",
    },
    {
        "number": 11,
        "title": "Low dose naltrexone drug interactions",
        "publisher": "Embers Recovery",
        "url": "",
        "date": "no date given",
        "note": "The article our pages were first written from. We cite it where our other sources do not say the same thing.",
    },
]


TOPICS = [
    {
        "slug": "key-points",
        "title": "Key points about LDN",
        "order": 1,
        "summary": "Low-dose naltrexone (LDN) is a very small dose of naltrexone, a medicine that "
        "blocks opioids. Some doctors use it off-label for long-term pain and some other health problems.",
        "intro": "",
        "sources": [2, 3],
        "sections": [
            {
                "heading": "Key points",
                "kind": "key_points",
                "items": [
                    item(
                        "Naltrexone blocks the effects of opioids. Doctors call it an opioid blocker (opioid antagonist).",
                        2,
                    ),
                    item(
                        "The FDA has approved naltrexone to treat opioid use disorder and alcohol use disorder.",
                        2,
                        8,
                    ),
                    item(
                        "Some doctors use a very low dose off-label for other health problems. These include autoimmune diseases, long-term pain and cancer.",
                        3,
                    ),
                    item(
                        "At a low dose, it works in a different way. It makes your body release more of its own natural opioids.",
                        3,
                    ),
                    item(
                        "Side effects can include joint pain, headache, tiredness, feeling sick and stomach cramps.",
                        4,
                    ),
                    item("We need more studies to learn what LDN does over a long time.", 4),
                    item("Naltrexone may interact with over 350 other medicines.", 1),
                    item(
                        "While you take LDN, avoid opioids and any medicine that has an opioid in it.",
                        3,
                        8,
                    ),
                    item(
                        "Mixing LDN with opioids can cause sudden, severe opioid withdrawal.", 8, 9
                    ),
                    item("Medicines to avoid include tramadol, buprenorphine and methadone.", 6),
                    item(
                        "Tell your doctor about everything you take. This includes street drugs, medicines you buy without a prescription, vitamins and supplements.",
                        2,
                        11,
                    ),
                    item(
                        "A bad mix can make you more anxious or sleepy. It can also raise your heart rate and blood pressure.",
                        5,
                    ),
                    item(
                        "Before you start, tell your doctor if you drink alcohol. Also tell them if you have liver swelling (acute hepatitis) or opioid use disorder.",
                        9,
                        11,
                    ),
                    item(
                        "Help is there for people with opioid use disorder. It includes inpatient and outpatient treatment and medication-assisted detox.",
                        11,
                    ),
                ],
            },
        ],
    },
    {
        "slug": "what-is-ldn",
        "title": "What is low-dose naltrexone (LDN)?",
        "order": 2,
        "summary": "What naltrexone is, how small a low dose is, and what off-label means.",
        "intro": "",
        "sources": [2, 3],
        "sections": [
            {
                "heading": "What naltrexone is",
                "kind": "plain",
                "items": [
                    item(
                        "Naltrexone is a medicine that blocks the effects of opioids. This makes it an opioid blocker (opioid antagonist).",
                        2,
                    ),
                    item(
                        "Opioids are strong drugs. Some are painkillers. Some are street drugs.",
                        2,
                    ),
                    item(
                        "A full dose of naltrexone can be given as a shot once a month. This shot has the brand name Vivitrol.",
                        2,
                        8,
                    ),
                    item(
                        "The FDA has approved naltrexone to treat opioid use disorder (OUD). It is also approved to treat alcohol use disorder.",
                        2,
                        8,
                    ),
                ],
            },
            {
                "heading": "What “low dose” means",
                "kind": "plain",
                "items": [
                    item(
                        "Low-dose naltrexone (LDN) is a dose of about 4 to 5 milligrams (4–5 mg).",
                        3,
                    ),
                    item(
                        "That is about a tenth of the usual dose used to treat opioid addiction.",
                        3,
                    ),
                ],
            },
            {
                "heading": "LDN is used off-label",
                "kind": "warning",
                "items": [
                    item(
                        "In recent years, some doctors have begun to give LDN for other health problems.",
                        3,
                    ),
                    item(
                        "This is called off-label use. It means the FDA has not approved naltrexone for these uses.",
                        3,
                        4,
                    ),
                ],
                "closing": "Your doctor decides if LDN is right for you.",
            },
        ],
    },
    {
        "slug": "what-it-treats",
        "title": "What LDN may be used for",
        "order": 3,
        "summary": "Doctors use LDN off-label for some long-term health problems. Here are ten it may help.",
        "intro": "",
        "sources": [3],
        "sections": [
            {
                "heading": "Health problems LDN may help",
                "kind": "conditions",
                "intro": "LDN may help some people who have:",
                "items": [
                    item("Long-term swelling of the gut (Crohn’s disease)", 3),
                    item("Long-term pain (chronic pain)", 3),
                    item(
                        "Illness where your body’s defense system attacks your own body (autoimmune diseases)",
                        3,
                    ),
                    item(
                        "Damage to the coating of nerves in the brain and spine (multiple sclerosis, MS)",
                        3,
                    ),
                    item("Cancer", 3),
                    item(
                        "Long-term health problems in some people who served in the Gulf War (Gulf War syndrome)",
                        3,
                    ),
                    item(
                        "Deep tiredness that does not get better with rest (myalgic encephalomyelitis, ME)",
                        3,
                    ),
                    item("Pain and tiredness all over the body (fibromyalgia)", 3),
                    item("Severe tiredness that lasts a long time (chronic fatigue syndrome)", 3),
                    item("Thyroid problems (thyroid disorders)", 3),
                ],
                "closing": "LDN is not right for everyone. If you have one of these health problems, ask your doctor if LDN could help you.",
            },
            {
                "heading": "These are off-label uses",
                "kind": "warning",
                "items": [
                    item(
                        "The FDA has not approved naltrexone for any of these health problems.",
                        3,
                        4,
                    ),
                ],
            },
        ],
    },
    {
        "slug": "how-it-works",
        "title": "How LDN works",
        "order": 4,
        "summary": "At a low dose, naltrexone works in a different way than at a full dose.",
        "intro": "",
        "sources": [3],
        "sections": [
            {
                "heading": "It helps your body make more of its own opioids",
                "kind": "how_it_works",
                "items": [
                    item(
                        "Your body makes its own natural opioids. These are called endorphins (endogenous opioids).",
                        3,
                    ),
                    item(
                        "LDN blocks the spots in your brain where opioids attach (opioid receptors). It does this for a short time only.",
                        3,
                    ),
                    item("This makes your brain release more of its own natural opioids.", 3),
                    item("This may ease pain for a short time and help you feel well.", 3),
                ],
            },
            {
                "heading": "It may calm swelling",
                "kind": "how_it_works",
                "items": [
                    item("LDN also blocks another spot in the brain, called TLR-4.", 3),
                    item(
                        "This stops some defense cells in the brain from switching on. These cells are called microglia.",
                        3,
                    ),
                    item(
                        "That may calm swelling and irritation (inflammation). This may help with some health problems.",
                        3,
                    ),
                ],
            },
        ],
    },
    {
        "slug": "side-effects",
        "title": "Side effects of LDN",
        "order": 5,
        "summary": "Naltrexone can cause side effects in some people, even at a low dose.",
        "intro": "",
        "sources": [4],
        "sections": [
            {
                "heading": "Common side effects",
                "kind": "side_effects",
                "intro": "Some people get:",
                "items": [
                    item("Headache", 4),
                    item("Tiredness (fatigue)", 4),
                    item("Joint pain", 4),
                    item("Muscle pain", 4),
                    item("Stomach cramps", 4),
                    item("Feeling sick (nausea)", 4),
                    item("Being sick (vomiting)", 4),
                    item("Feeling worried or nervous (anxiety)", 4),
                    item("Trouble sleeping (insomnia)", 4),
                ],
                "closing": "Tell your doctor if a side effect bothers you or lasts more than a few days.",
            },
        ],
    },
    {
        "slug": "long-term-effects",
        "title": "Long-term effects of LDN",
        "order": 6,
        "summary": "We know little about what LDN does when you take it for a long time.",
        "intro": "",
        "sources": [4],
        "sections": [
            {
                "heading": "What we know",
                "kind": "long_term",
                "items": [
                    item(
                        "The FDA has approved naltrexone only for substance use disorders. These are opioid use disorder and alcohol use disorder.",
                        4,
                    ),
                    item(
                        "When a doctor gives it for any other health problem, that is off-label use.",
                        4,
                    ),
                    item("Few studies have looked at taking LDN for a long time.", 4),
                    item(
                        "Studies show that people can take the usual dose for a long time. But naltrexone does not act the same way at a low dose.",
                        4,
                    ),
                ],
                "closing": "Ask your doctor how long you should take LDN, and how often to have check-ups.",
            },
        ],
    },
    {
        "slug": "medicines-to-avoid",
        "title": "Medicines to avoid with LDN",
        "order": 7,
        "summary": "Naltrexone can interact with many medicines, even at a low dose. The most important ones to avoid are opioids.",
        "intro": "Knowing what to avoid can help you stay well. You can also "
        "[check your own medicines](/check/) on this site.",
        "sources": [1, 5, 6, 8],
        "sections": [
            {
                "heading": "Why opioids matter most",
                "kind": "key_points",
                "items": [
                    item(
                        "Over 350 medicines may interact with naltrexone. That is too many to remember.",
                        1,
                        3,
                    ),
                    item("Opioids are the most important kind of medicine to avoid.", 8, 9),
                    item(
                        "Opioids are used as painkillers. They are also in some cough and cold medicines and some medicines for loose stools (diarrhea).",
                        8,
                    ),
                    item("Opioids are also misused as street drugs.", 2),
                    item(
                        "Ask your doctor what to take instead of an opioid while you take LDN.",
                        2,
                        11,
                    ),
                ],
            },
            {
                "heading": "Kinds of medicine to avoid",
                "kind": "avoid",
                "intro": "Avoid these, or check with your doctor or pharmacist before you take them:",
                "items": [
                    item(
                        "Cough and cold medicines that have an opioid in them. This includes drug mixes such as “lean”.",
                        5,
                        8,
                    ),
                    item(
                        "Medicines for loose stools that have an opioid in them (opioid antidiarrheals)",
                        5,
                        8,
                    ),
                    item("Opioid painkillers (opioid analgesics)", 5, 8),
                    item("Any other medicine that has an opioid in it", 5),
                    item(
                        "Pain and swelling pills such as ibuprofen and naproxen (NSAIDs, short for nonsteroidal anti-inflammatory drugs)",
                        5,
                    ),
                ],
            },
            {
                "heading": "Named medicines to avoid",
                "kind": "avoid",
                "intro": "These medicines carry the most risk with naltrexone:",
                "items": [
                    item("Hydrocodone, an opioid painkiller", 6),
                    item("Oxycodone, an opioid painkiller", 6),
                    item("Tramadol, an opioid painkiller", 6),
                    item(
                        "Buprenorphine, an opioid used for pain and to treat opioid use disorder",
                        6,
                        9,
                    ),
                    item(
                        "Methadone, an opioid used for pain and to treat opioid use disorder", 6, 9
                    ),
                    item("Morphine, an opioid painkiller", 6),
                    item("Codeine, an opioid in some painkillers and cough medicines", 6),
                    item(
                        "Diphenoxylate/atropine (Lomotil), a medicine for loose stools that has an opioid in it",
                        6,
                        8,
                    ),
                    item(
                        "Thioridazine, a medicine for mental health. With naltrexone it can make you very tired and sleepy.",
                        6,
                        5,
                    ),
                ],
                "closing": "This is not a complete list. Tell your doctor about everything you take. "
                "This includes prescription medicines, street drugs, medicines you buy without a "
                "prescription, vitamins and supplements.",
            },
            {
                "heading": "Do not try to push through the block",
                "kind": "warning",
                "items": [
                    item("Naltrexone blocks opioids, so opioid medicines may not work for you.", 8),
                    item(
                        "Never take more opioids to try to get past the block. This can cause an overdose that can kill you.",
                        8,
                    ),
                    item(
                        "If you need care in an emergency, tell the staff that you take naltrexone.",
                        8,
                    ),
                ],
            },
            {
                "heading": "What a bad mix can do",
                "kind": "side_effects",
                "intro": "If you take a medicine that interacts with naltrexone, by choice or by mistake, you could have:",
                "items": [
                    item("Less benefit from one or both medicines", 5, 8),
                    item("More tiredness or sleepiness (lethargy)", 5),
                    item("More worry (anxiety)", 5),
                    item("A faster heart rate", 5),
                    item("Higher blood pressure", 5),
                    item("Liver damage", 5, 10),
                ],
            },
            {
                "heading": "Contact your doctor right away",
                "kind": "urgent_care",
                "intro": "Do this if you took a medicine that interacts with naltrexone and you "
                "have any of the effects above.",
                "items": [],
                "closing": "If you feel very unwell, call 911 or go to the emergency department.",
            },
        ],
    },
    {
        "slug": "before-you-start",
        "title": "Before you start LDN",
        "order": 8,
        "summary": "Some health problems and drinks do not mix with LDN. Talk to your doctor about them first.",
        "intro": "",
        "sources": [9, 11],
        "sections": [
            {
                "heading": "Check these with your doctor first",
                "kind": "before_starting",
                "items": [
                    item(
                        "Do not take LDN if you are going through opioid withdrawal right now.",
                        9,
                        11,
                    ),
                    item(
                        "Avoid LDN if you have opioid use disorder (OUD). Your doctor can talk with you about the right treatment.",
                        9,
                        11,
                    ),
                    item("Tell your doctor if you have liver swelling (acute hepatitis).", 10, 11),
                    item(
                        "Do not take LDN if you are allergic to naltrexone or anything else in it.",
                        2,
                        11,
                    ),
                    item(
                        "Do not drink alcohol while you take naltrexone, at any dose.",
                        11,
                    ),
                ],
                "closing": "Tell your doctor about all your medicines too, including ones you buy without a prescription.",
            },
        ],
    },
    {
        "slug": "opioid-withdrawal",
        "title": "Risk of opioid withdrawal",
        "order": 9,
        "summary": "Taking LDN with opioids can cause sudden, severe opioid withdrawal. Know the signs and when to get help.",
        "intro": "",
        "sources": [7, 8, 9],
        "sections": [
            {
                "heading": "Why it happens",
                "kind": "warning",
                "items": [
                    item(
                        "If you take LDN with any opioid, you can go into severe opioid withdrawal.",
                        8,
                        9,
                    ),
                    item("It can start right away. You may need medical care.", 8, 11),
                ],
            },
            {
                "heading": "Signs of opioid withdrawal",
                "kind": "withdrawal",
                "intro": "Signs include:",
                "items": [
                    item("Strong cravings for opioids", 7),
                    item("Feeling sick (nausea)", 7),
                    item("Being sick (vomiting)", 7),
                    item("Feeling worried or tense (anxiety)", 7),
                    item("Chills", 7),
                    item("Fever", 7),
                    item("Muscle aches", 7),
                    item("Large pupils, the black center of the eye (dilated pupils)", 7),
                    item("Fast heart rate", 7),
                    item("High blood pressure", 7),
                    item("Crying", 7),
                    item("Heavy sweating", 7),
                    item("Trouble sleeping (insomnia)", 7),
                ],
            },
            {
                "heading": "Get medical help now if",
                "kind": "urgent_care",
                "intro": "",
                "items": [
                    item(
                        "You take LDN, you have taken an opioid, and you have signs of withdrawal",
                        7,
                        8,
                    ),
                    item("You feel very unwell after you start a new medicine", 5),
                ],
                "closing": "Call your doctor now, or go to an urgent care center.",
            },
            {
                "heading": "Call 911 if",
                "kind": "immediate_care",
                "intro": "",
                "items": [
                    item("Someone is very sleepy and you cannot wake them", 8),
                    item("Someone’s breathing is very slow, weak or has stopped", 8),
                ],
                "closing": "These can be signs of an opioid overdose. Call 911 (or your local emergency number) now.",
            },
        ],
    },
    {
        "slug": "getting-help",
        "title": "Getting help for substance use",
        "order": 10,
        "summary": "If you or someone you love has a problem with opioids or alcohol, treatment can help.",
        "intro": "",
        "sources": [2, 11],
        "sections": [
            {
                "heading": "Treatment can help",
                "kind": "getting_help",
                "items": [
                    item(
                        "At higher doses, naltrexone is used to treat opioid use disorder and alcohol use disorder.",
                        2,
                        4,
                    ),
                    item(
                        "A counselor who knows about substance use can tell you about this and other kinds of treatment.",
                        11,
                    ),
                ],
            },
            {
                "heading": "Kinds of treatment",
                "kind": "getting_help",
                "intro": "Treatment can be:",
                "items": [
                    item(
                        "Care while you stay at a treatment center (inpatient treatment)",
                        11,
                    ),
                    item(
                        "Care while you live at home and visit for treatment (outpatient treatment)",
                        11,
                    ),
                    item(
                        "Help to stop, with medicine to ease withdrawal (medication-assisted detox)",
                        11,
                    ),
                ],
                "closing": "You do not have to face this alone. Ask your doctor, nurse or pharmacist where to get help near you.",
            },
        ],
    },
]


def load_content(
    *, source_model, topic_model, section_model, item_model, render_markdown, history=None
):
    """Create every source and page that is missing; never touch a row that already exists.

    Takes the models as arguments so the data migration can pass its historical models.
    A page that already exists (staff may have edited it) is left as it is, sections and all.
    `history` maps a model to its simple-history model, so each new row starts with a first
    version that staff can go back to.
    """
    history = history or {}
    now = datetime.datetime.now(tz=datetime.UTC)

    def record(row):
        historical_model = history.get(type(row))
        if historical_model is not None:
            record_first_version(
                historical_model, row, reason="First version, from the source article", when=now
            )

    sources = {}
    for data in SOURCES:
        source, created = source_model.objects.get_or_create(
            number=data["number"], defaults={k: v for k, v in data.items() if k != "number"}
        )
        if created:
            record(source)
        sources[source.number] = source

    for data in TOPICS:
        topic, created = topic_model.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "summary": data["summary"],
                "intro": data["intro"],
                "intro_html": render_markdown(data["intro"]),
                "order": data["order"],
                "status": "published",
                "reviewer_name": REVIEWER_NAME,
                "reviewer_credentials": REVIEWER_CREDENTIALS,
                "last_reviewed": REVIEWED_ON,
                "next_review_due": NEXT_REVIEW_DUE,
            },
        )
        if not created:
            continue
        record(topic)
        topic.sources.set(sources[n] for n in data["sources"] if n in sources)
        for section_order, section_data in enumerate(data["sections"], start=1):
            section = section_model.objects.create(
                topic=topic,
                heading=section_data["heading"],
                kind=section_data["kind"],
                intro=section_data.get("intro", ""),
                closing=section_data.get("closing", ""),
                order=section_order * 10,
            )
            record(section)
            for item_order, item_data in enumerate(section_data["items"], start=1):
                row = item_model.objects.create(
                    section=section,
                    text=item_data["text"],
                    detail=item_data["detail"],
                    order=item_order * 10,
                )
                record(row)
                row.sources.set(sources[n] for n in item_data["sources"] if n in sources)
