"""The checker's starting knowledge base, as plain data: loaded into the database by a data
migration (which never overwrites rows staff have edited). Staff then edit it in admin.

FORMAT (the data migration and the tests rely on it):

SOURCES = [{"key": "revia-label", "title": "...", "publisher": "...", "url": "https://...", "date": "..."}]
GROUPS = [{"slug": "opioid", "level": "avoid", "label": "an opioid", "urgent": True, "order": 1,
           "headline": "...", "what_could_happen": "...", "what_to_do": "...",
           "tell_your_doctor": "...", "sources": ["revia-label", ...]}]
INGREDIENTS = [{"name": "hydrocodone", "groups": ["opioid"],
                "aliases": ["hydrocodone bitartrate"],   # other US spellings and salts
                "uk_names": []},                        # e.g. paracetamol for acetaminophen
               {"name": "acetaminophen", "groups": [], "aliases": ["apap"], "uk_names": ["paracetamol"]}]
PRODUCTS = [{"name": "Norco", "ingredients": ["hydrocodone", "acetaminophen"], "kind": "brand"},
            {"name": "lean", "ingredients": ["codeine", "promethazine"], "kind": "street"}]
            # kind: "brand", "uk_brand", "combination", "street", "old_brand", "drink"
QUESTIONS = [{"slug": "alcohol", "order": 1, "text": "...", "hint": "...", "yes_level": "caution",
              "yes_message": "...", "tell_your_doctor": "...", "sources": ["..."]}]
DOSE_CONTEXT = "..."  # the standard-dose (50 mg) vs LDN sentence shown with every warning

INGREDIENTS and PRODUCTS are written below as two compact tables (`_INGREDIENT_TABLE`,
`_PRODUCT_TABLE`) so a pharmacist can read and review them line by line; `_parse_*` turns them
into the lists above when the module loads. Ingredient names are lowercase US generic names.

Without a database, checker.matching.records_from_seed() and checker.rules.rules_from_seed() /
questions_from_seed() turn this data into the engine's objects (tests and the benchmark use them).
"""

from __future__ import annotations

import re

# Where each rule's facts come from. Quotes and their context: shared/reference/naltrexone-sources.md.
SOURCES: list[dict] = [
    {
        "key": "revia-label",
        "title": "ReVia (naltrexone hydrochloride tablets) prescribing information: drug interactions",
        "publisher": "Duramed Pharmaceuticals, as reproduced in the DDI corpus",
        "url": "https://huggingface.co/datasets/bigbio/ddi_corpus",
        "date": "",
    },
    {
        "key": "vivitrol-label",
        "title": "Vivitrol (naltrexone for extended-release injectable suspension) label, sections 5 and 7",
        "publisher": "US Food and Drug Administration (openFDA)",
        "url": "https://api.fda.gov/drug/label.json?search=%22Vivitrol%22",
        "date": "",
    },
    {
        "key": "naltrexone-label",
        "title": "Naltrexone hydrochloride tablets label: contraindications",
        "publisher": "DrugCentral",
        "url": "https://drugcentral.org/label/adb7c4dc-221a-4d91-9687-0d78913a92ad/view",
        "date": "",
    },
    {
        "key": "mpr-naltrexone",
        "title": "Naltrexone: drug monograph",
        "publisher": "Renal & Urology News (MPR)",
        "url": "https://www.renalandurologynews.com/drug/naltrexone/",
        "date": "",
    },
    {
        "key": "pdr-vivitrol",
        "title": "Vivitrol (naltrexone) drug summary",
        "publisher": "PDR",
        "url": "https://www.pdr.net/drug-summary/Vivitrol-naltrexone-1199",
        "date": "",
    },
    {
        "key": "livertox-naltrexone",
        "title": "LiverTox: Naltrexone",
        "publisher": "US National Library of Medicine",
        "url": "https://ncbi.nlm.nih.gov/books/n/livertox/Naltrexone/",
        "date": "",
    },
    {
        "key": "uk-smpc-naltrexone",
        "title": "Naltrexone: precautions and interactions (UK summary of product characteristics)",
        "publisher": "RxReasoner",
        "url": "https://www.rxreasoner.com/substances/naltrexone/precautions",
        "date": "",
    },
    {
        "key": "yohimbine-study",
        "title": "Clinically used naltrexone doses alter sensitivity to yohimbine (Biol Psychiatry 1999;45:1636)",
        "publisher": "PubMed",
        "url": "https://ncbi.nlm.nih.gov/pubmed/?term=10376126",
        "date": "1999",
    },
    {
        "key": "xr-naltrexone-liver-study",
        "title": "Liver tests with once-monthly injectable extended-release naltrexone in people who drink alcohol (study abstract)",
        "publisher": "R Discovery",
        "url": "https://discovery.researcher.life/article/hepatic-safety-of-once-monthly-injectable-extended-release-naltrexone-administered-to-actively-drinking-alcoholics/36d39c4d9a6a3629ae139ed238bf3ed7",
        "date": "",
    },
    {
        "key": "tip49-exhibit",
        "title": "Exhibit 4-7: Drug interactions with oral naltrexone (TIP 49, Incorporating Alcohol Pharmacotherapies Into Medical Practice)",
        "publisher": "Center for Substance Abuse Treatment, NCBI Bookshelf",
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK64042/table/A93043/",
        "date": "",
    },
    {
        "key": "goodrx-naltrexone",
        "title": "The 4 naltrexone interactions you should know",
        "publisher": "GoodRx",
        "url": "https://www.goodrx.com/naltrexone/interactions",
        "date": "",
    },
    {
        "key": "drugs-com-ldn",
        "title": "What is low dose naltrexone (LDN)?",
        "publisher": "Drugs.com",
        "url": "https://www.drugs.com/medical-answers/low-dose-naltrexone-ldn-3570335/",
        "date": "",
    },
    {
        "key": "drugs-com-naltrexone",
        "title": "Naltrexone: uses, dosage, side effects, warnings",
        "publisher": "Drugs.com",
        "url": "https://www.drugs.com/naltrexone.html",
        "date": "",
    },
    {
        "key": "cleveland-withdrawal",
        "title": "Opioid withdrawal",
        "publisher": "Cleveland Clinic",
        "url": "https://my.clevelandclinic.org/health/diseases/opioid-withdrawal",
        "date": "2025-06-26",
    },
    {
        "key": "statpearls-naltrexone",
        "title": "Naltrexone (StatPearls)",
        "publisher": "NCBI Bookshelf",
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK534811/",
        "date": "2023-05-30",
    },
]

# Shown with every warning. The facts in the labels come from full-dose naltrexone.
DOSE_CONTEXT = (
    "Most facts about naltrexone and other medicines come from the usual dose of 50 mg a day. "
    "Low-dose naltrexone (LDN) is much smaller, about a tenth of that (often 1.5 to 4.5 mg). "
    "Some risks, like liver strain, may be lower at LDN doses. "
    "The opioid block still matters at LDN doses: do not take opioids with LDN unless your doctor says so."
)

GROUPS: list[dict] = [
    {
        "slug": "opioid",
        "level": "avoid",
        "label": "an opioid",
        "urgent": True,
        "order": 1,
        "headline": "Do not take opioids with LDN",
        "what_could_happen": (
            "LDN blocks opioids. Opioid medicines for pain, cough or loose stools (diarrhea) may not work. "
            "If you take opioids often, LDN can bring on sudden, severe withdrawal. "
            "Taking more opioid to push through the block is very dangerous. "
            "It can slow or stop your breathing (overdose), and this can kill."
        ),
        "what_to_do": (
            "Do not take this with LDN unless your doctor says so. "
            "Do not stop a medicine your doctor prescribed without talking to them first. "
            "Stopping some opioids all at once can make you ill. "
            "Before surgery, dental work or a new pain medicine, tell the team that you take LDN."
        ),
        "tell_your_doctor": (
            "Tell the doctor who prescribes your LDN about every opioid you take. "
            "Include any you took in the last 7 to 10 days, even once."
        ),
        "sources": [
            "revia-label",
            "vivitrol-label",
            "naltrexone-label",
            "mpr-naltrexone",
            "goodrx-naltrexone",
            "cleveland-withdrawal",
        ],
    },
    {
        "slug": "thioridazine",
        "level": "caution",
        "label": "a mental health medicine",
        "urgent": False,
        "order": 2,
        "headline": "Ask your doctor before taking thioridazine with LDN",
        "what_could_happen": (
            "Some people who took naltrexone with thioridazine felt very tired and sleepy. "
            "Doctors call this lethargy."
        ),
        "what_to_do": (
            "Ask your doctor before you take both. Do not drive if you feel sleepy. "
            "Do not stop thioridazine without talking to your doctor."
        ),
        "tell_your_doctor": "Tell your doctor if you feel very tired or sleepy.",
        "sources": ["revia-label", "goodrx-naltrexone"],
    },
    {
        "slug": "disulfiram",
        "level": "caution",
        "label": "a medicine for alcohol use",
        "urgent": False,
        "order": 3,
        "headline": "Ask your doctor before taking disulfiram with LDN",
        "what_could_happen": (
            "Both medicines can strain the liver. The drug label says using two medicines "
            "that can harm the liver is not usually advised, unless the benefit is worth the risk."
        ),
        "what_to_do": "Ask your doctor first. They may want to check your liver with a blood test.",
        "tell_your_doctor": "Tell your doctor that you take disulfiram (Antabuse).",
        "sources": ["revia-label", "mpr-naltrexone"],
    },
    {
        "slug": "nsaid",
        "level": "caution",
        "label": "an anti-inflammatory painkiller",
        "urgent": False,
        "order": 4,
        "headline": "Ask your doctor about painkillers like ibuprofen (NSAIDs)",
        "what_could_happen": (
            "Some drug guides list these painkillers with naltrexone because both could strain the liver. "
            "That was seen with full-dose naltrexone. At LDN doses the risk is likely low, "
            "but no one knows for sure. One study found no extra liver problems."
        ),
        "what_to_do": (
            "Ask your doctor or pharmacist before you take it often or at high doses. "
            "Do not take more than the label says."
        ),
        "tell_your_doctor": "Tell your doctor which painkillers you take, even now and then.",
        "sources": ["tip49-exhibit", "xr-naltrexone-liver-study", "livertox-naltrexone"],
    },
    {
        "slug": "alcohol",
        "level": "caution",
        "label": "alcohol",
        "urgent": False,
        "order": 5,
        "headline": "Ask your doctor about drinking alcohol with LDN",
        "what_could_happen": (
            "The guides we follow say not to drink alcohol with naltrexone, at any dose. "
            "Alcohol and high doses of naltrexone can both strain the liver. "
            "The drug labels do not list alcohol as a harmful mix."
        ),
        "what_to_do": "Ask your doctor if it is OK for you to drink, and how much.",
        "tell_your_doctor": "Tell your doctor how much alcohol you drink in a usual week.",
        "sources": ["drugs-com-naltrexone", "livertox-naltrexone"],
    },
    {
        "slug": "sedative",
        "level": "info",
        "label": "a medicine that can make you sleepy",
        "urgent": False,
        "order": 6,
        "headline": "Tell your doctor: this can make you sleepy",
        "what_could_happen": (
            "This medicine can make you drowsy. The UK label for naltrexone asks for care "
            "with medicines like this. You may feel more sleepy or slow."
        ),
        "what_to_do": "Take care when driving until you know how you feel.",
        "tell_your_doctor": "Tell your doctor if you feel more sleepy than usual.",
        "sources": ["uk-smpc-naltrexone"],
    },
    {
        "slug": "yohimbine",
        "level": "info",
        "label": "a supplement that can raise heart rate",
        "urgent": False,
        "order": 7,
        "headline": "Tell your doctor: yohimbine may act more strongly",
        "what_could_happen": (
            "In a study, naltrexone made people more sensitive to yohimbine. "
            "You may feel anxious, with a faster heartbeat and higher blood pressure."
        ),
        "what_to_do": "Ask your doctor or pharmacist before you take it.",
        "tell_your_doctor": "Tell your doctor if you take yohimbe or yohimbine.",
        "sources": ["yohimbine-study"],
    },
    {
        "slug": "acamprosate",
        "level": "info",
        "label": "a medicine for alcohol use",
        "urgent": False,
        "order": 8,
        "headline": "Tell your doctor: naltrexone can raise acamprosate levels",
        "what_could_happen": (
            "In a study, naltrexone raised the amount of acamprosate in the blood. "
            "This is not known to cause harm, but your doctor should know."
        ),
        "what_to_do": "Keep taking it as prescribed, and tell your doctor.",
        "tell_your_doctor": "Tell your doctor that you take acamprosate (Campral).",
        "sources": ["uk-smpc-naltrexone"],
    },
    {
        "slug": "naltrexone",
        "level": "info",
        "label": "the same medicine as LDN",
        "urgent": False,
        "order": 9,
        "headline": "Tell your doctor: this is naltrexone",
        "what_could_happen": (
            "This is naltrexone, the medicine in LDN. Taking it from two places "
            "could give you a higher dose than your doctor planned."
        ),
        "what_to_do": "Check with your doctor that you are not taking naltrexone twice.",
        "tell_your_doctor": "Tell your doctor about each medicine you take that has naltrexone in it.",
        "sources": ["drugs-com-ldn"],
    },
]

QUESTIONS: list[dict] = [
    {
        "slug": "alcohol",
        "order": 1,
        "text": "Do you drink alcohol?",
        "hint": "Beer, wine, spirits or mixed drinks, even now and then.",
        "yes_level": "caution",
        "yes_message": (
            "The guides we follow say not to drink alcohol with naltrexone. "
            "Ask your doctor if it is OK for you to drink, and how much."
        ),
        "tell_your_doctor": "Tell your doctor how much alcohol you drink in a usual week.",
        "sources": ["drugs-com-naltrexone"],
    },
    {
        "slug": "recent_opioids",
        "order": 2,
        "text": "Have you taken any opioid in the last 7 to 10 days?",
        "hint": (
            "Such as tramadol, codeine, morphine, heroin or kratom. "
            "Cough and diarrhea medicines with an opioid in them count too."
        ),
        "yes_level": "avoid",
        "yes_message": (
            "Opioids must be out of your body before you start LDN. "
            "If not, LDN can bring on sudden, severe withdrawal. "
            "Do not start LDN until your doctor says it is time."
        ),
        "tell_your_doctor": "Tell your doctor which opioid you took, how much, and when you last took it.",
        "sources": ["naltrexone-label", "vivitrol-label"],
    },
    {
        "slug": "withdrawal_now",
        "order": 3,
        "text": "Do you have signs of opioid withdrawal right now?",
        "hint": "For example: cravings, sweats, chills, a runny nose, aches, an upset stomach, or feeling on edge.",
        "yes_level": "avoid",
        "yes_message": (
            "Do not take LDN while you are in opioid withdrawal. It can make withdrawal much worse. "
            "Get medical help now if you feel very unwell."
        ),
        "tell_your_doctor": "Tell your doctor about your withdrawal signs today.",
        "sources": ["naltrexone-label", "cleveland-withdrawal"],
    },
    {
        "slug": "liver",
        "order": 4,
        "text": "Do you have liver disease or hepatitis?",
        "hint": "Such as liver swelling (hepatitis) or scarring (cirrhosis), or a bad liver test.",
        "yes_level": "caution",
        "yes_message": (
            "Naltrexone has caused liver harm, mostly at high doses. "
            "Your doctor may want to check your liver before and during LDN."
        ),
        "tell_your_doctor": "Tell your doctor about your liver problem and any recent liver tests.",
        "sources": ["vivitrol-label", "livertox-naltrexone", "pdr-vivitrol"],
    },
    {
        "slug": "oud_treatment",
        "order": 5,
        "text": "Are you being treated for opioid use disorder?",
        "hint": "Such as methadone or buprenorphine (Suboxone). Or a naltrexone shot (Vivitrol).",
        "yes_level": "avoid",
        "yes_message": (
            "If you take methadone or buprenorphine, LDN can bring on sudden, severe withdrawal. "
            "Do not take LDN unless the doctor who treats your opioid use agrees. "
            "Do not stop your treatment on your own."
        ),
        "tell_your_doctor": "Tell both of your doctors about your treatment, so they can plan together.",
        "sources": ["naltrexone-label", "vivitrol-label"],
    },
    {
        "slug": "allergy",
        "order": 6,
        "text": "Have you ever had an allergy to naltrexone?",
        "hint": "Such as a rash, swelling, or trouble breathing after you took it.",
        "yes_level": "avoid",
        "yes_message": "Do not take LDN if you are allergic to naltrexone. Tell your doctor what you reacted to.",
        "tell_your_doctor": "Tell your doctor what happened when you reacted.",
        "sources": ["drugs-com-naltrexone"],
    },
]

# One line per ingredient: "name [group, group]: kind name, name; kind name, ...".
# Kinds: alias (other US names, salts, abbreviations), uk (UK generic names), brand, ukbrand,
# old (brands no longer sold), street, drink. Every brand here has only this one ingredient;
# products with more than one ingredient are in _PRODUCT_TABLE.
_INGREDIENT_TABLE = """
# --- Opioids: prescription painkillers -------------------------------------------------------
hydrocodone [opioid]: alias hydrocodone bitartrate, hydrocodone bit, hydrocod, dihydrocodeinone; brand Zohydro, Zohydro ER, Hysingla, Hysingla ER; old Vantrela ER; street hydros, hydro, hydrocodones
oxycodone [opioid]: alias oxycodone hydrochloride, oxycodone hcl, oxycod, oxycodone ir, oxycodone er, dihydrohydroxycodeinone; brand OxyContin, Roxicodone, Xtampza, Xtampza ER, Oxaydo, RoxyBond, Oxecta, OxyIR, Oxy IR, Oxyfast, Dazidox, Endocodone, Oxydose, Roxybond; ukbrand OxyNorm, Endone, Longtec, Shortec, Abtard, Reltebon, Oxylan, Lecticin, Oxeltra, Onexila, Myloxifin, Zomestine, Carexil, Leveraxo, Oxypro; street oxy, oxys, oxies, oxycotton, oxycottons, oxy 30, oxy 30s, oxy 80, oxy 80s, oc, ocs, oc 40, oc 80, hillbilly heroin, roxy, roxies, roxys, roxi, roxis, perc 30, perc 30s, percs 30
morphine [opioid]: alias morphine sulfate, morphine sulphate, morphine hydrochloride, msir, ms ir, morphine er, morphine sr; brand MS Contin, Kadian, Avinza, Arymo, Arymo ER, MorphaBond, MorphaBond ER, Roxanol, Duramorph, Infumorph, Mitigo, Astramorph, Oramorph SR; ukbrand Oramorph, Zomorph, Sevredol, MST, MST Continus, MXL, Morphgesic, Filnarine, Morcap, M-Eslon, Statex, Kapanol, Ordine, Anamorph, Doloral; street miss emma, morph
hydromorphone [opioid]: alias hydromorphone hydrochloride, dihydromorphinone; brand Dilaudid, Dilaudid HP, Exalgo, Hydrostat; ukbrand Palladone, Palladone SR, Hydromorph Contin, Jurnista; street dillies, dilly
oxymorphone [opioid]: alias oxymorphone hydrochloride; brand Opana, Opana ER; old Numorphan; street blue heavens, octagons, stop signs, pink heaven, mrs o, o bomb
codeine [opioid]: alias codeine phosphate, codeine sulfate, codeine sulphate, methylmorphine, cod, codeen, codeine contin; ukbrand Galcodine; street cody, captain cody
dihydrocodeine [opioid]: alias dihydrocodeine tartrate, dhc, drocode; ukbrand DF118, DF118 Forte, DHC Continus, DF 118
tramadol [opioid]: alias tramadol hydrochloride, tramadol hcl, tramadol er; brand Ultram, Ultram ER, ConZip, Ryzolt, Rybix, Rybix ODT, Qdolo; ukbrand Zydol, Zydol SR, Zydol XL, Zamadol, Zamadol SR, Tramulief, Maxitram, Maxitram SR, Marol, Invodol, Tilodol, Larapam, Mabron, Dromadol, Tradorec, Brimisol, Zeridame, Tramquel, Nobligan, Tramal, Tramal SR, Durotram, Tramadol Retard; street trammies, trams, ultras
tapentadol [opioid]: alias tapentadol hydrochloride; brand Nucynta, Nucynta ER; ukbrand Palexia, Palexia SR
fentanyl [opioid]: alias fentanyl citrate, fentanil, phentanyl, fentanyl patch, fentanyl lollipop; brand Duragesic, Actiq, Fentora, Subsys, Abstral, Lazanda, Onsolis, Ionsys, Sublimaze; ukbrand Durogesic, Matrifen, Fencino, Mezolar, Victanyl, Opiodur, Effentora, Instanyl, PecFent, Breakyl, Yemex, Osmach, Fentalis, Haldid; street fent, fenty, fetty, fentanyl pills, fent pills, blues, blue pills, blue 30, blue m30, blue m 30, m box, m box 30, m30, m30s, m 30, dirty 30, dirty 30s, china girl, china town, apache, dance fever, murder 8, tango and cash, fentanyl powder, rainbow fentanyl
sufentanil [opioid]: alias sufentanil citrate; brand Dsuvia, Sufenta, Zalviso
alfentanil [opioid]: alias alfentanil hydrochloride; brand Alfenta; ukbrand Rapifen
remifentanil [opioid]: alias remifentanil hydrochloride; brand Ultiva
meperidine [opioid]: alias meperidine hydrochloride, isonipecaine; uk pethidine, pethidine hydrochloride; brand Demerol, Meperitab; ukbrand Pamergan
methadone [opioid]: alias methadone hydrochloride, methadone hcl, methadone liquid, methadone mixture; brand Dolophine, Methadose, Diskets, Methadone Intensol; ukbrand Physeptone, Metharose, Methex, Eptadone, Synastone, Metadol, Biodone, Biodone Forte; street dollies, wafers, fizzies, amidone
buprenorphine [opioid]: alias buprenorphine hydrochloride, buprenorphine hcl, bupe, bup, bupren, buprenorphine patch, bupe patch; brand Subutex, Sublocade, Brixadi, Probuphine, Butrans, Belbuca, Buprenex; ukbrand Espranor, Temgesic, Transtec, Norspan, Buvidal, Butec, Hapoctasin, Reletrans, Sevodyne, Bupeaze, Panitaz, Prenotrix, Rebrikel, Carlosafine, Relevtec; street subbies, subbys, tems, orange guys
levorphanol [opioid]: alias levorphanol tartrate; old Levo-Dromoran
pentazocine [opioid]: alias pentazocine lactate; brand Talwin; ukbrand Fortral
butorphanol [opioid]: alias butorphanol tartrate; brand Stadol, Stadol NS, Butorphanol nasal spray
nalbuphine [opioid]: alias nalbuphine hydrochloride; brand Nubain
benzhydrocodone [opioid]
oliceridine [opioid]: brand Olinvyk
opium [opioid]: alias opium tincture, tincture of opium, deodorized tincture of opium, laudanum, paregoric, camphorated tincture of opium, camphorated opium tincture, opium poppy, poppy tea, poppy seed tea, poppy pod tea, poppy pods, poppy straw; street doda, doda post, bhukki, afeem, afim, tar opium
heroin [opioid]: alias diacetylmorphine, diamorphine hydrochloride; uk diamorphine; street h, smack, horse, dope, skag, scag, black tar, brown sugar, china white, chiva, hell dust, white horse, big h, chasing the dragon
propoxyphene [opioid]: alias propoxyphene napsylate, propoxyphene hydrochloride; uk dextropropoxyphene; old Darvon, Darvon-N, Darvon Pulvules
tilidine [opioid]: alias tilidate; old Valoron N
nicomorphine [opioid]: old Vilan
dextromoramide [opioid]: old Palfium
dipipanone [opioid]
meptazinol [opioid]: ukbrand Meptid
dezocine [opioid]: old Dalgan
piritramide [opioid]: old Dipidolor
ketobemidone [opioid]: old Ketogan
pholcodine [opioid]: alias pholcodine linctus; ukbrand Galenphol, Pavacol-D
ethylmorphine [opioid]
trimebutine [opioid]: brand Modulon
opioid [opioid]: alias opioids, opiate, opiates, narcotic, narcotics, opioid painkiller, opioid painkillers, opioid pain medicine, opioid pain medication, opioid pain reliever, narcotic pain medicine, narcotic painkiller, narcotic painkillers, pain narcotics
# --- Opioid antidiarrheals ---------------------------------------------------------------------
loperamide [opioid]: alias loperamide hydrochloride, loperamide hcl; brand Imodium, Imodium AD, Imodium A-D, Imodium A D, Diamode, Loperamide caplets; ukbrand Norimode, Diareze, Imodium Instants, Imodium Original, Entrocalm, Arret
diphenoxylate [opioid]: alias diphenoxylate hydrochloride
difenoxin [opioid]
eluxadoline [opioid]: brand Viberzi; ukbrand Truberzi
# --- Opioids: street drugs and new synthetic opioids -------------------------------------------
carfentanil [opioid]: alias carfentanyl; street elephant tranquilizer
acetylfentanyl [opioid]: alias acetyl fentanyl
furanylfentanyl [opioid]: alias furanyl fentanyl
ocfentanil [opioid]
nitazene [opioid]: alias nitazenes, nitazine, nitazines, benzimidazole opioids, n pyrrolidino etonitazene, etonitazepyne, butonitazene, etodesnitazene, flunitazene, etonitazene, n desethyl isotonitazene; street nitazene pills, frankenstein opioids, frankenstein opioid
isotonitazene [opioid]: alias iso, isotonitazine
metonitazene [opioid]
protonitazene [opioid]
desomorphine [opioid]: street krokodil, krocodil, crocodile, krok
u-47700 [opioid]: alias u47700, u 47700
ah-7921 [opioid]: alias ah 7921
mt-45 [opioid]: alias mt45
tianeptine [opioid]: alias tianeptine sodium, tianeptine sulfate; brand Zaza, Zaza red, Tianaa, Neptunes Fix, TD Red; ukbrand Stablon, Coaxil; street gas station heroin
kratom [opioid]: alias mitragynine, mitragyna speciosa, kratom powder, kratom extract, kratom tea, kratom capsules, kratom shot, kratom shots, kratom gummies, kratom tablets, ketum, kratum, kratom leaf, red vein kratom, green vein kratom, white vein kratom, red bali, green malay, maeng da, maeng da kratom, red maeng da, white maeng da, green maeng da, bali kratom, opms, opms kratom, mit 45, mit45, kakuam, biak, biak biak
7-hydroxymitragynine [opioid]: alias 7 hydroxymitragynine, 7-oh, 7oh, 7 oh, 7-hydroxy, 7 hydroxy, 7-oh tablets, 7oh tablets, 7 oh kratom, 7-oh kratom, mitragynine pseudoindoxyl; street 7 tabs, seven oh
# --- Opioid blockers and LDN itself ------------------------------------------------------------
naltrexone [naltrexone]: alias naltrexone hydrochloride, naltrexone hcl, ldn, low dose naltrexone, low-dose naltrexone, low dose naltrexone capsules, nltx; brand Revia, Vivitrol, Depade; ukbrand Adepend, Nalorex
naloxone [none]: alias naloxone hydrochloride, naloxone nasal spray, naloxone injection; brand Narcan, Narcan nasal spray, Kloxxado, Zimhi, Evzio, Rextovy, RiVive; ukbrand Nyxoid, Prenoxad
nalmefene [none]: alias nalmefene hydrochloride; brand Revex, Opvee, Zurnai; ukbrand Selincro
methylnaltrexone [none]: brand Relistor
naloxegol [none]: brand Movantik; ukbrand Moventig
naldemedine [none]: brand Symproic; ukbrand Rizmoic
alvimopan [none]: brand Entereg
samidorphan [none]
lofexidine [none]: brand Lucemyra; ukbrand BritLofex
suzetrigine [none]: brand Journavx
# --- Anti-inflammatory painkillers (NSAIDs) ----------------------------------------------------
ibuprofen [nsaid]: alias ibuprofen lysine, ibuprofen sodium, ibu, ibuprofen gel; brand Advil, Advil Liqui-Gels, Advil Liquigels, Advil Migraine, Motrin, Motrin IB, Caldolor, NeoProfen, Midol Cramps and Body Aches, Genpril, IBU-Tab, Advil Film-Coated; old Nuprin, Rufen; ukbrand Nurofen, Nurofen Express, Nurofen Migraine Pain, Brufen, Brufen Retard, Calprofen, Fenbid, Ibugel, Ibuleve, Feminax Express, Cuprofen, Anadin Ibuprofen, Anadin Joint Pain, Mandafen
naproxen [nsaid]: alias naproxen sodium, naproxen na; brand Aleve, Naprosyn, EC-Naprosyn, EC Naprosyn, Anaprox, Anaprox DS, Naprelan, Aleve Arthritis, Aleve Back and Muscle, Midol Extended Relief, Naprosyn EC, Mediproxen; ukbrand Feminax Ultra, Naprosyn SR, Stirlescent
aspirin [nsaid]: alias acetylsalicylic acid, asa, asprin, baby aspirin, low dose aspirin, low-dose aspirin, aspirin ec, enteric coated aspirin, chewable aspirin, daily aspirin, heart aspirin; brand Bayer, Bayer Aspirin, Bayer Low Dose, Bayer Back and Body, Ecotrin, Ecotrin Low Strength, Bufferin, St. Joseph, St Joseph Aspirin, Ascriptin, Durlaza, Vazalore, Halfprin, Zorprin, Aspergum, Stanback; ukbrand Disprin, Aspro, Aspro Clear, Nu-Seals, Caprin, Micropirin
diclofenac [nsaid]: alias diclofenac sodium, diclofenac potassium, diclofenac epolamine, diclofenac gel, diclofenac sodium gel; brand Voltaren, Voltaren Gel, Voltaren XR, Voltaren Arthritis Pain, Cataflam, Zipsor, Zorvolex, Cambia, Flector, Flector patch, Pennsaid, Dyloject, Lofena, Licart; ukbrand Voltarol, Voltarol Emulgel, Voltarol Gel Patch, Diclomax, Motifene, Dicloflex, Volsaid, Fenactol, Rhumalgan, Econac, Defenac, Diclozip, Voltarol Pain-eze
celecoxib [nsaid]: brand Celebrex, Elyxyb; ukbrand Onexton
meloxicam [nsaid]: brand Mobic, Vivlodex, Qmiiz, Qmiiz ODT, Anjeso
etodolac [nsaid]: brand Lodine, Lodine XL; ukbrand Eccoxolac, Etopan XL
indomethacin [nsaid]: alias indometacin; brand Indocin, Tivorbex
ketorolac [nsaid]: alias ketorolac tromethamine; brand Toradol, Sprix, Acular
nabumetone [nsaid]: brand Relafen
piroxicam [nsaid]: brand Feldene
sulindac [nsaid]: brand Clinoril
oxaprozin [nsaid]: brand Daypro, Coxanto
fenoprofen [nsaid]: brand Nalfon
flurbiprofen [nsaid]: brand Ansaid, Ocufen; ukbrand Strefen
ketoprofen [nsaid]: brand Orudis, Oruvail, Actron; ukbrand Powergel, Tiloket
mefenamic acid [nsaid]: alias mefenamic; brand Ponstel; ukbrand Ponstan
diflunisal [nsaid]: brand Dolobid
salsalate [nsaid]: brand Disalcid
tolmetin [nsaid]: brand Tolectin
meclofenamate [nsaid]: alias meclofenamate sodium
etoricoxib [nsaid]: ukbrand Arcoxia
dexketoprofen [nsaid]: ukbrand Keral
aceclofenac [nsaid]: ukbrand Preservex
tenoxicam [nsaid]: ukbrand Mobiflex
lornoxicam [nsaid]: ukbrand Xefo
parecoxib [nsaid]: ukbrand Dynastat
dexibuprofen [nsaid]
choline magnesium trisalicylate [nsaid]: alias trisalicylate; old Trilisate
magnesium salicylate [nsaid]: brand Doan's, Doans
# --- Other groups from the labels --------------------------------------------------------------
thioridazine [thioridazine]: alias thioridazine hydrochloride; old Mellaril; ukbrand Melleril
disulfiram [disulfiram]: brand Antabuse
acamprosate [acamprosate]: alias acamprosate calcium; brand Campral
yohimbine [yohimbine]: alias yohimbe, yohimbe bark, yohimbine hcl; brand Yocon, Aphrodyne
# --- Alcohol ----------------------------------------------------------------------------------
alcohol [alcohol]: alias ethanol, ethyl alcohol, etoh; drink beer, beers, lager, lagers, ale, ales, stout, guinness, ipa, pale ale, craft beer, light beer, bud light, budweiser, coors, corona, heineken, cider, ciders, hard cider, wine, wines, red wine, white wine, rose wine, rosé, champagne, prosecco, cava, sparkling wine, port wine, sherry, vermouth, spirits, liquor, liquors, hard liquor, vodka, whiskey, whisky, bourbon, scotch, rye whiskey, rum, gin, tequila, mezcal, brandy, cognac, sake, soju, hard seltzer, hard seltzers, white claw, malt liquor, alcopops, alco pops, cocktail, cocktails, margarita, margaritas, mixed drinks, mixed drink, shots of vodka, booze, drink, drinks, drinking, a few drinks, a drink, social drinking, alcoholic drinks, alcoholic drink, alcoholic beverages, glass of wine, a glass of wine, glasses of wine, pint of beer, pints of beer, pints, a pint, beer and wine, wine and beer, liqueur, schnapps, moonshine, everclear, jagermeister, baileys, fireball, hennessy, jack daniels, smirnoff, bacardi, absolut, jameson, mead, kombucha alcohol
# --- Everyday painkillers and cold medicines (no rule of their own) ----------------------------
acetaminophen [none]: alias apap, acetaminophen er, n-acetyl-p-aminophenol, acetaminophen 8 hr, acetominophen, acetaminophin, acetaminiphen; uk paracetamol, paracetamol tablets, soluble paracetamol; brand Tylenol, Tylenol Extra Strength, Tylenol Regular Strength, Tylenol Arthritis, Tylenol 8 HR, Tylenol Rapid Release, Mapap, Ofirmev, FeverAll, Little Remedies fever reducer; ukbrand Panadol, Panadol Advance, Panadol Original, Calpol, Disprol, Hedex, Anadin Paracetamol, Medinol, Paralief, Alvedon
caffeine [none]: alias caffeine citrate, caffeine pills, coffee, coffees, espresso, black tea, green tea, energy drink, energy drinks, red bull, monster energy, coke zero, diet coke, pre workout, caffeine tablets; brand NoDoz, Vivarin, Cafcit; ukbrand Pro Plus, Pro-Plus
dextromethorphan [none]: alias dextromethorphan hydrobromide, dextromethorphan hbr, dxm, dm cough syrup; brand Delsym, Robitussin Cough, Vicks 44, Triaminic Long Acting Cough, Robitussin Long Acting, Delsym 12 hour, Creomulsion; street robo, robotripping, triple c
guaifenesin [none]: alias glyceryl guaiacolate; brand Mucinex, Robitussin, Robitussin Chest Congestion, Humibid, Tussin, Organidin, Mucinex Maximum Strength; ukbrand Benylin Chesty Coughs, Robitussin Chesty Cough
pseudoephedrine [none]: alias pseudoephedrine hcl; brand Sudafed, Sudafed 12 hour; ukbrand Sudafed Decongestant
phenylephrine [none]: alias phenylephrine hcl; brand Sudafed PE, Neo-Synephrine
oxymetazoline [none]: brand Afrin, Vicks Sinex; ukbrand Sudafed Blocked Nose Spray
benzonatate [none]: brand Tessalon, Tessalon Perles, Zonatuss
chlorpheniramine [sedative]: alias chlorpheniramine maleate, chlorphenamine; brand Chlor-Trimeton, Aller-Chlor; ukbrand Piriton
brompheniramine [sedative]: brand Dimetapp Cold and Allergy
diphenhydramine [sedative]: alias diphenhydramine hcl; brand Benadryl, Benadryl Allergy, ZzzQuil, Unisom SleepGels, Sominex, Nytol, Simply Sleep, Banophen, Diphenhist; ukbrand Nytol One-a-Night, Histergan, Sleepeaze
doxylamine [sedative]: alias doxylamine succinate; brand Unisom, Unisom SleepTabs, Unisom Sleep Tabs, Good Sense Sleep Aid
promethazine [sedative]: alias promethazine hcl, promethazine hydrochloride; brand Phenergan, Promethegan; ukbrand Avomine, Sominex UK
hydroxyzine [sedative]: alias hydroxyzine hcl, hydroxyzine pamoate; brand Vistaril, Atarax; ukbrand Ucerax
cyproheptadine [sedative]: brand Periactin
meclizine [sedative]: alias meclozine; brand Antivert, Bonine, Dramamine Less Drowsy, Dramamine All Day Less Drowsy
dimenhydrinate [sedative]: brand Dramamine, Gravol
cyclizine [sedative]: ukbrand Valoid, Cyclizine tablets
doxepin [sedative]: brand Silenor, Sinequan; ukbrand Xepin
buclizine [none]
pyrilamine [none]: alias mepyramine
triprolidine [none]: brand Histex
homatropine [none]: alias homatropine methylbromide
atropine [none]: alias atropine sulfate
butalbital [sedative]
carisoprodol [none]: brand Soma, Vanadom
kaolin [none]
sodium bicarbonate [none]: alias baking soda, bicarbonate of soda, bicarb
citric acid [none]
calcium carbonate [none]: brand Tums, Tums Extra Strength, Caltrate, Os-Cal, Oscal, Viactiv; ukbrand Rennie, Adcal, Calcichew
sodium alginate [none]
# --- Heart, blood pressure and cholesterol -----------------------------------------------------
atorvastatin [none]: alias atorvastatin calcium; brand Lipitor, Atorvaliq
simvastatin [none]: brand Zocor, Flolipid; ukbrand Simvador
rosuvastatin [none]: alias rosuvastatin calcium; brand Crestor, Ezallor
pravastatin [none]: alias pravastatin sodium; brand Pravachol
lovastatin [none]: brand Mevacor, Altoprev
pitavastatin [none]: brand Livalo, Zypitamag
fluvastatin [none]: brand Lescol, Lescol XL
ezetimibe [none]: brand Zetia; ukbrand Ezetrol
fenofibrate [none]: brand Tricor, Trilipix, Lipofen, Fenoglide, Antara
gemfibrozil [none]: brand Lopid
icosapent ethyl [none]: brand Vascepa
omega-3-acid ethyl esters [none]: brand Lovaza, Omacor
evolocumab [none]: brand Repatha
alirocumab [none]: brand Praluent
inclisiran [none]: brand Leqvio
bempedoic acid [none]: brand Nexletol
lisinopril [none]: brand Prinivil, Zestril, Qbrelis
enalapril [none]: alias enalapril maleate; brand Vasotec, Epaned; ukbrand Innovace
ramipril [none]: brand Altace; ukbrand Tritace
benazepril [none]: brand Lotensin
quinapril [none]: brand Accupril
perindopril [none]: alias perindopril erbumine, perindopril arginine; brand Aceon; ukbrand Coversyl
captopril [none]: brand Capoten
losartan [none]: alias losartan potassium; brand Cozaar
valsartan [none]: brand Diovan
irbesartan [none]: brand Avapro; ukbrand Aprovel
olmesartan [none]: alias olmesartan medoxomil; brand Benicar; ukbrand Olmetec
candesartan [none]: alias candesartan cilexetil; brand Atacand; ukbrand Amias
telmisartan [none]: brand Micardis
amlodipine [none]: alias amlodipine besylate, amlodipine besilate; brand Norvasc, Katerzia; ukbrand Istin
nifedipine [none]: brand Procardia, Procardia XL, Adalat, Adalat CC; ukbrand Adalat LA, Coracten
diltiazem [none]: brand Cardizem, Cardizem CD, Cardizem LA, Tiazac, Cartia XT, Taztia; ukbrand Tildiem, Adizem
verapamil [none]: brand Calan, Calan SR, Verelan, Isoptin; ukbrand Securon
felodipine [none]: brand Plendil
metoprolol [none]: alias metoprolol tartrate, metoprolol succinate; brand Lopressor, Toprol, Toprol XL, Kapspargo; ukbrand Betaloc
atenolol [none]: brand Tenormin
carvedilol [none]: brand Coreg, Coreg CR
propranolol [none]: brand Inderal, Inderal LA, InnoPran XL, Hemangeol
bisoprolol [none]: alias bisoprolol fumarate; ukbrand Cardicor, Congescor
nebivolol [none]: brand Bystolic; ukbrand Nebilet
labetalol [none]: brand Trandate
nadolol [none]: brand Corgard
hydrochlorothiazide [none]: alias hctz, hydrochlorothiazid; brand Microzide
chlorthalidone [none]: alias chlortalidone; brand Thalitone, Hygroton
indapamide [none]: ukbrand Natrilix
bendroflumethiazide [none]: alias bendrofluazide; ukbrand Aprinox
furosemide [none]: alias frusemide; brand Lasix, Furoscix
bumetanide [none]: brand Bumex
torsemide [none]: alias torasemide; brand Demadex, Soaanz
spironolactone [none]: brand Aldactone, CaroSpir
eplerenone [none]: brand Inspra
triamterene [none]: brand Dyrenium
clonidine [none]: brand Catapres, Catapres-TTS, Kapvay
hydralazine [none]: brand Apresoline
doxazosin [none]: brand Cardura, Cardura XL
terazosin [none]: brand Hytrin
prazosin [none]: brand Minipress
digoxin [none]: brand Lanoxin
amiodarone [none]: brand Pacerone, Cordarone, Nexterone
isosorbide mononitrate [none]: alias ismn, isosorbide, isosorbide mn; brand Imdur, Monoket
nitroglycerin [none]: alias glyceryl trinitrate, gtn, nitro; brand Nitrostat, Nitro-Dur, Nitrolingual; ukbrand GTN spray
ranolazine [none]: brand Ranexa
sotalol [none]: brand Betapace, Sotylize
flecainide [none]: brand Tambocor
sacubitril [none]
warfarin [none]: alias warfarin sodium; brand Coumadin, Jantoven; ukbrand Marevan
apixaban [none]: brand Eliquis
rivaroxaban [none]: brand Xarelto
dabigatran [none]: brand Pradaxa
edoxaban [none]: brand Savaysa; ukbrand Lixiana
clopidogrel [none]: brand Plavix
prasugrel [none]: brand Effient
ticagrelor [none]: brand Brilinta; ukbrand Brilique
dipyridamole [none]: brand Persantine
enoxaparin [none]: brand Lovenox; ukbrand Clexane
heparin [none]
# --- Diabetes, weight and thyroid --------------------------------------------------------------
metformin [none]: alias metformin hydrochloride, metformin hcl, metformin er, metformin xr; brand Glucophage, Glucophage XR, Glumetza, Fortamet, Riomet; ukbrand Sukkarto, Diagemet, Glucient
glipizide [none]: brand Glucotrol, Glucotrol XL
glyburide [none]: alias glibenclamide; brand Diabeta, Glynase, Micronase
glimepiride [none]: brand Amaryl
gliclazide [none]: ukbrand Diamicron
pioglitazone [none]: brand Actos
sitagliptin [none]: brand Januvia, Zituvio
linagliptin [none]: brand Tradjenta; ukbrand Trajenta
saxagliptin [none]: brand Onglyza
alogliptin [none]: brand Nesina; ukbrand Vipidia
empagliflozin [none]: brand Jardiance
dapagliflozin [none]: brand Farxiga; ukbrand Forxiga
canagliflozin [none]: brand Invokana
semaglutide [none]: alias compounded semaglutide; brand Ozempic, Wegovy, Rybelsus
tirzepatide [none]: alias compounded tirzepatide; brand Mounjaro, Zepbound
liraglutide [none]: brand Victoza, Saxenda
dulaglutide [none]: brand Trulicity
exenatide [none]: brand Byetta, Bydureon, Bydureon BCise
insulin [none]: alias insulin injections, insulin pen, human insulin, regular insulin, nph insulin, insulin nph; brand Humulin, Humulin R, Humulin N, Novolin, Novolin R, Novolin N, Afrezza; ukbrand Insulatard, Actrapid, Humulin I
insulin glargine [none]: alias glargine; brand Lantus, Basaglar, Toujeo, Semglee, Rezvoglar; ukbrand Abasaglar
insulin lispro [none]: alias lispro; brand Humalog, Admelog, Lyumjev
insulin aspart [none]: alias aspart; brand Novolog, Fiasp; ukbrand NovoRapid
insulin detemir [none]: brand Levemir
insulin degludec [none]: brand Tresiba
levothyroxine [none]: alias levothyroxine sodium, l-thyroxine, l thyroxine, thyroxine, t4, synthetic t4; brand Synthroid, Levoxyl, Unithroid, Euthyrox, Tirosint, Levo-T, Levothroid, Thyquidity, Ermeza; ukbrand Eltroxin, Evotrox
liothyronine [none]: alias liothyronine sodium; brand Cytomel, Triostat
desiccated thyroid [none]: alias thyroid desiccated, natural thyroid, ndt, porcine thyroid; brand Armour Thyroid, Armour, NP Thyroid, Nature-Throid, WP Thyroid, Westhroid, Adthyza
methimazole [none]: alias thiamazole; brand Tapazole
propylthiouracil [none]: alias ptu
carbimazole [none]
orlistat [none]: brand Xenical, Alli
phentermine [none]: brand Adipex, Adipex-P, Lomaira
# --- Mental health, sleep and anxiety ----------------------------------------------------------
sertraline [none]: alias sertraline hcl, sertraline hydrochloride; brand Zoloft; ukbrand Lustral
fluoxetine [none]: alias fluoxetine hcl; brand Prozac, Sarafem; ukbrand Prozep, Olena
citalopram [none]: alias citalopram hydrobromide; brand Celexa; ukbrand Cipramil
escitalopram [none]: alias escitalopram oxalate; brand Lexapro; ukbrand Cipralex
paroxetine [none]: alias paroxetine hcl; brand Paxil, Paxil CR, Pexeva, Brisdelle; ukbrand Seroxat
fluvoxamine [none]: brand Luvox; ukbrand Faverin
venlafaxine [none]: alias venlafaxine er; brand Effexor, Effexor XR; ukbrand Efexor, Efexor XL, Vensir, Venlalic
desvenlafaxine [none]: brand Pristiq, Khedezla
duloxetine [none]: brand Cymbalta, Drizalma; ukbrand Yentreve
bupropion [none]: alias bupropion hcl, bupropion xl, bupropion sr, amfebutamone; brand Wellbutrin, Wellbutrin XL, Wellbutrin SR, Zyban, Aplenzin, Forfivo, Budeprion
mirtazapine [sedative]: brand Remeron, RemeronSolTab; ukbrand Zispin
trazodone [sedative]: alias trazodone hcl; brand Desyrel, Oleptro; ukbrand Molipaxin
amitriptyline [sedative]: alias amitriptyline hcl; brand Elavil, Endep
nortriptyline [none]: brand Pamelor, Aventyl; ukbrand Allegron
imipramine [none]: brand Tofranil
clomipramine [none]: brand Anafranil
trimipramine [sedative]: brand Surmontil
mianserin [sedative]
vortioxetine [none]: brand Trintellix, Brintellix
vilazodone [none]: brand Viibryd
phenelzine [none]: brand Nardil
tranylcypromine [none]: brand Parnate
selegiline [none]: brand Emsam, Eldepryl, Zelapar
lithium [none]: alias lithium carbonate, lithium citrate; brand Lithobid, Eskalith; ukbrand Priadel, Camcolit, Liskonum
quetiapine [sedative]: alias quetiapine fumarate; brand Seroquel, Seroquel XR
olanzapine [sedative]: brand Zyprexa, Zyprexa Zydis
risperidone [none]: brand Risperdal, Risperdal Consta, Perseris, Uzedy
aripiprazole [none]: brand Abilify, Abilify Maintena, Aristada, Abilify Mycite
ziprasidone [none]: brand Geodon
lurasidone [none]: brand Latuda
haloperidol [none]: brand Haldol
clozapine [none]: brand Clozaril, FazaClo, Versacloz; ukbrand Denzapine, Zaponex
paliperidone [none]: brand Invega, Invega Sustenna
cariprazine [none]: brand Vraylar; ukbrand Reagila
brexpiprazole [none]: brand Rexulti
chlorpromazine [sedative]: brand Thorazine; ukbrand Largactil
levomepromazine [sedative]: alias methotrimeprazine; ukbrand Nozinan
droperidol [sedative]: brand Inapsine; ukbrand Xomolix
prochlorperazine [none]: brand Compazine; ukbrand Stemetil, Buccastem
alprazolam [sedative]: brand Xanax, Xanax XR, Niravam; street xans, xannies, zannies, xanax bars, school bus xanax
lorazepam [sedative]: brand Ativan, Loreev
clonazepam [sedative]: brand Klonopin; ukbrand Rivotril; street k pins, klonnies
diazepam [sedative]: brand Valium, Diastat, Valtoco; ukbrand Diazemuls, Stesolid
temazepam [sedative]: brand Restoril
chlordiazepoxide [sedative]: brand Librium
oxazepam [sedative]: brand Serax
midazolam [sedative]: brand Versed, Nayzilam; ukbrand Buccolam, Epistatus
triazolam [sedative]: brand Halcion
nitrazepam [sedative]: ukbrand Mogadon
etizolam [sedative]
meprobamate [sedative]
phenobarbital [sedative]: alias phenobarbitone
zolpidem [sedative]: alias zolpidem tartrate; brand Ambien, Ambien CR, Edluar, Intermezzo; ukbrand Stilnoct
eszopiclone [sedative]: brand Lunesta
zaleplon [sedative]: brand Sonata
zopiclone [sedative]: ukbrand Zimovane
suvorexant [sedative]: brand Belsomra
lemborexant [sedative]: brand Dayvigo
daridorexant [sedative]: brand Quviviq
ramelteon [sedative]: brand Rozerem
buspirone [none]: brand Buspar
melatonin [none]: alias melatonin gummies; ukbrand Circadin
# --- Nerve pain, muscles, seizures and memory --------------------------------------------------
gabapentin [none]: alias gabapentin enacarbil; brand Neurontin, Gralise, Horizant
pregabalin [none]: brand Lyrica, Lyrica CR; ukbrand Alzain, Axalid, Lecaent
cyclobenzaprine [none]: brand Flexeril, Amrix, Fexmid
methocarbamol [none]: brand Robaxin
metaxalone [none]: brand Skelaxin
tizanidine [none]: brand Zanaflex
baclofen [none]: brand Lioresal, Ozobax, Fleqsuvy, Lyvispah, Gablofen
orphenadrine [none]: alias orphenadrine citrate; brand Norflex
dantrolene [none]: brand Dantrium
lidocaine [none]: alias lignocaine, lidocaine patch; brand Lidoderm, ZTlido; ukbrand Versatis
capsaicin [none]: alias capsaicin cream; brand Zostrix, Qutenza, Capzasin; ukbrand Axsain
levetiracetam [none]: brand Keppra
lamotrigine [none]: brand Lamictal, Lamictal XR
divalproex [none]: alias valproate, valproic acid, sodium valproate, divalproex sodium; brand Depakote, Depakote ER, Depakene; ukbrand Epilim
carbamazepine [none]: brand Tegretol, Tegretol XR, Carbatrol, Equetro
oxcarbazepine [none]: brand Trileptal, Oxtellar XR
phenytoin [none]: brand Dilantin
lacosamide [none]: brand Vimpat
zonisamide [none]: brand Zonegran
topiramate [none]: brand Topamax, Trokendi XR, Qudexy XR
donepezil [none]: brand Aricept
memantine [none]: brand Namenda, Namenda XR
rivastigmine [none]: brand Exelon
galantamine [none]: brand Razadyne; ukbrand Reminyl
carbidopa [none]
levodopa [none]
pramipexole [none]: brand Mirapex; ukbrand Mirapexin
ropinirole [none]: brand Requip
rasagiline [none]: brand Azilect
# --- Allergy, breathing and stomach ------------------------------------------------------------
cetirizine [none]: alias cetirizine hcl; brand Zyrtec, Zyrtec Allergy, Aller-Tec; ukbrand Piriteze, Benadryl One a Day
levocetirizine [none]: brand Xyzal
loratadine [none]: brand Claritin, Alavert; ukbrand Clarityn
desloratadine [none]: brand Clarinex; ukbrand Neoclarityn
fexofenadine [none]: alias fexofenadine hcl; brand Allegra, Allegra Allergy; ukbrand Telfast
montelukast [none]: alias montelukast sodium; brand Singulair
albuterol [none]: alias albuterol sulfate, albuterol inhaler, rescue inhaler; uk salbutamol, salbutamol inhaler; brand ProAir, ProAir HFA, Ventolin, Ventolin HFA, Proventil, AccuNeb; ukbrand Salamol, Airomir, Easyhaler Salbutamol
levalbuterol [none]: brand Xopenex
fluticasone [none]: alias fluticasone propionate, fluticasone furoate, fluticasone nasal spray; brand Flonase, Flovent, Flovent HFA, Arnuity, Xhance, Flonase Sensimist; ukbrand Flixotide, Flixonase, Avamys
budesonide [none]: brand Pulmicort, Rhinocort, Entocort, Entocort EC, Uceris, Tarpeyo; ukbrand Budenofalk, Cortiment
beclomethasone [none]: alias beclometasone; brand Qvar, Beconase, Qnasl; ukbrand Clenil, Clenil Modulite
mometasone [none]: brand Nasonex, Asmanex, Elocon
triamcinolone [none]: brand Kenalog, Nasacort, Zilretta
tiotropium [none]: brand Spiriva, Spiriva Respimat, Spiriva HandiHaler
ipratropium [none]: brand Atrovent
formoterol [none]
salmeterol [none]: brand Serevent
vilanterol [none]
umeclidinium [none]: brand Incruse Ellipta
omeprazole [none]: alias omeprazole dr; brand Prilosec, Prilosec OTC, Zegerid; ukbrand Losec, Mepradec
esomeprazole [none]: alias esomeprazole magnesium; brand Nexium, Nexium 24HR
lansoprazole [none]: brand Prevacid, Prevacid SoluTab; ukbrand Zoton
pantoprazole [none]: alias pantoprazole sodium; brand Protonix; ukbrand Protium
rabeprazole [none]: brand Aciphex; ukbrand Pariet
dexlansoprazole [none]: brand Dexilant
famotidine [none]: brand Pepcid, Pepcid AC, Zantac 360
ranitidine [none]: old Zantac
cimetidine [none]: brand Tagamet, Tagamet HB
bismuth subsalicylate [none]: brand Pepto-Bismol, Pepto Bismol, Pepto, Kaopectate
ondansetron [none]: brand Zofran, Zofran ODT, Zuplenz
metoclopramide [none]: brand Reglan, Gimoti; ukbrand Maxolon
docusate [none]: alias docusate sodium; brand Colace, Dulcolax Stool Softener; ukbrand Dioctyl
senna [none]: alias sennosides, senna tablets; brand Senokot, Ex-Lax
polyethylene glycol [none]: alias peg 3350, miralax generic; uk macrogol; brand MiraLAX, GlycoLax; ukbrand Movicol, Laxido, CosmoCol
bisacodyl [none]: brand Dulcolax
lactulose [none]: brand Kristalose, Enulose
linaclotide [none]: brand Linzess; ukbrand Constella
lubiprostone [none]: brand Amitiza
dicyclomine [none]: alias dicycloverine; brand Bentyl
hyoscyamine [none]: brand Levsin, Levbid
hyoscine butylbromide [none]: ukbrand Buscopan
mebeverine [none]: ukbrand Colofac
peppermint oil [none]: alias peppermint oil capsules, enteric coated peppermint oil; brand IBgard; ukbrand Colpermin, Mintec
simethicone [none]: alias simeticone; brand Gas-X, Mylicon, Phazyme
sucralfate [none]: brand Carafate
mesalamine [none]: uk mesalazine; brand Lialda, Asacol, Asacol HD, Delzicol, Pentasa, Apriso, Canasa; ukbrand Octasa, Salofalk, Mezavant
sulfasalazine [none]: brand Azulfidine; ukbrand Salazopyrin
misoprostol [none]: brand Cytotec
psyllium [none]: alias ispaghula husk; brand Metamucil, Konsyl; ukbrand Fybogel
ursodiol [none]: alias ursodeoxycholic acid; brand Actigall, Urso
# --- Infections --------------------------------------------------------------------------------
amoxicillin [none]: alias amoxycillin, amox; brand Amoxil, Moxatag
clavulanate [none]: alias clavulanic acid, clavulanate potassium
azithromycin [none]: brand Zithromax, Z-Pak, Z Pak, Zpack, Z-Pack, Zmax
clarithromycin [none]: brand Biaxin; ukbrand Klaricid
erythromycin [none]: brand Ery-Tab, EryPed
doxycycline [none]: alias doxycycline hyclate, doxycycline monohydrate; brand Vibramycin, Doryx, Acticlate, Oracea, Monodox
minocycline [none]: brand Minocin, Solodyn
cephalexin [none]: alias cefalexin; brand Keflex
cefdinir [none]: brand Omnicef
cefuroxime [none]: brand Ceftin, Zinacef; ukbrand Zinnat
ciprofloxacin [none]: brand Cipro, Cipro XR; ukbrand Ciproxin
levofloxacin [none]: brand Levaquin; ukbrand Tavanic
moxifloxacin [none]: brand Avelox
nitrofurantoin [none]: brand Macrobid, Macrodantin, Furadantin
sulfamethoxazole [none]
trimethoprim [none]: brand Primsol
metronidazole [none]: brand Flagyl, MetroGel
clindamycin [none]: brand Cleocin, Clindesse
penicillin [none]: alias penicillin v, penicillin vk, phenoxymethylpenicillin, pen vk
flucloxacillin [none]: alias floxacillin
rifampin [none]: uk rifampicin; brand Rifadin
vancomycin [none]: brand Vancocin, Firvanq
valacyclovir [none]: uk valaciclovir; brand Valtrex
acyclovir [none]: uk aciclovir; brand Zovirax
oseltamivir [none]: brand Tamiflu
nirmatrelvir [none]
ritonavir [none]: brand Norvir
fluconazole [none]: brand Diflucan
terbinafine [none]: brand Lamisil
clotrimazole [none]: brand Lotrimin; ukbrand Canesten
nystatin [none]: brand Mycostatin
ivermectin [none]: brand Stromectol
# --- Hormones, bones, bladder and men's health -------------------------------------------------
ethinyl estradiol [none]: alias ethinylestradiol
levonorgestrel [none]: brand Mirena, Kyleena, Skyla, Liletta, Plan B, Plan B One-Step; ukbrand Levonelle, Jaydess
norethindrone [none]: alias norethindrone acetate; uk norethisterone; brand Micronor, Camila, Errin, Heather, Nora-BE, Aygestin
drospirenone [none]: brand Slynd
desogestrel [none]: ukbrand Cerazette, Cerelle, Hana, Lovima
etonogestrel [none]: brand Nexplanon, Implanon
medroxyprogesterone [none]: alias medroxyprogesterone acetate, depo shot, the depo shot; brand Depo-Provera, Depo Provera, Provera, depo-subQ provera 104; ukbrand Sayana Press
estradiol [none]: alias oestradiol, estrogen patch; brand Estrace, Vivelle-Dot, Climara, Minivelle, Estrogel, Divigel, Vagifem, Estring, Alora, Evamist; ukbrand Evorel, Oestrogel, Sandrena, Elleste Solo, Estradot, Progynova
conjugated estrogens [none]: brand Premarin
progesterone [none]: alias micronized progesterone; brand Prometrium, Crinone; ukbrand Utrogestan, Cyclogest
testosterone [none]: alias testosterone cypionate, testosterone enanthate, trt; brand AndroGel, Testim, Depo-Testosterone, Xyosted, Jatenzo, Aveed; ukbrand Testogel, Tostran, Nebido
sildenafil [none]: alias sildenafil citrate; brand Viagra, Revatio
tadalafil [none]: brand Cialis, Adcirca
vardenafil [none]: brand Levitra, Staxyn
tamsulosin [none]: alias tamsulosin hcl; brand Flomax
finasteride [none]: brand Proscar, Propecia
dutasteride [none]: brand Avodart
oxybutynin [none]: brand Ditropan, Ditropan XL, Oxytrol
tolterodine [none]: brand Detrol, Detrol LA; ukbrand Detrusitol
solifenacin [none]: brand Vesicare
mirabegron [none]: brand Myrbetriq; ukbrand Betmiga
alendronate [none]: alias alendronic acid, alendronate sodium; brand Fosamax, Binosto
risedronate [none]: brand Actonel, Atelvia
ibandronate [none]: alias ibandronic acid; brand Boniva
denosumab [none]: brand Prolia, Xgeva
zoledronic acid [none]: brand Reclast, Zometa; ukbrand Aclasta
allopurinol [none]: brand Zyloprim, Aloprim; ukbrand Uricto
febuxostat [none]: brand Uloric; ukbrand Adenuric
colchicine [none]: brand Colcrys, Mitigare, Gloperba, Lodoco
# --- Steroids, immune, MS and arthritis medicines ----------------------------------------------
prednisone [none]: brand Deltasone, Rayos, Prednisone Intensol
prednisolone [none]: brand Orapred, Millipred, Pediapred, Pred Forte
methylprednisolone [none]: brand Medrol, Medrol Dosepak, Medrol dose pack, Solu-Medrol, Depo-Medrol
dexamethasone [none]: brand Decadron, Hemady
hydrocortisone [none]: brand Cortef, Cortizone-10, Anusol-HC, Alkindi, Solu-Cortef
adalimumab [none]: brand Humira, Amjevita, Hadlima, Hyrimoz, Cyltezo, Yusimry, Idacio, Hulio, Yuflyma, Abrilada, Simlandi; ukbrand Imraldi, Amgevita
etanercept [none]: brand Enbrel, Erelzi, Eticovo; ukbrand Benepali
infliximab [none]: brand Remicade, Inflectra, Renflexis, Avsola, Zymfentra
certolizumab [none]: alias certolizumab pegol; brand Cimzia
golimumab [none]: brand Simponi, Simponi Aria
ustekinumab [none]: brand Stelara, Wezlana
secukinumab [none]: brand Cosentyx
ixekizumab [none]: brand Taltz
risankizumab [none]: brand Skyrizi
guselkumab [none]: brand Tremfya
dupilumab [none]: brand Dupixent
tofacitinib [none]: brand Xeljanz, Xeljanz XR
upadacitinib [none]: brand Rinvoq
baricitinib [none]: brand Olumiant
methotrexate [none]: alias mtx, methotrexate sodium; brand Trexall, Otrexup, Rasuvo, Xatmep, Jylamvo, RediTrex; ukbrand Metoject, Maxtrex, Nordimet, Zlatal
hydroxychloroquine [none]: alias hydroxychloroquine sulfate, hcq; brand Plaquenil, Sovuna; ukbrand Quinoric
leflunomide [none]: brand Arava
azathioprine [none]: brand Imuran, Azasan
mycophenolate [none]: alias mycophenolate mofetil, mycophenolic acid; brand CellCept, Myfortic; ukbrand Myfenax
cyclosporine [none]: uk ciclosporin; brand Neoral, Sandimmune, Gengraf, Restasis, Cequa
tacrolimus [none]: brand Prograf, Envarsus, Astagraf, Protopic
abatacept [none]: brand Orencia
rituximab [none]: brand Rituxan, Truxima, Ruxience, Riabni; ukbrand MabThera
tocilizumab [none]: brand Actemra, Tofidence, Tyenne; ukbrand RoActemra
belimumab [none]: brand Benlysta
apremilast [none]: brand Otezla
vedolizumab [none]: brand Entyvio
interferon beta-1a [none]: alias interferon beta 1a, beta interferon; brand Avonex, Rebif, Plegridy
interferon beta-1b [none]: alias interferon beta 1b; brand Betaseron, Extavia
glatiramer [none]: alias glatiramer acetate; brand Copaxone, Glatopa; ukbrand Brabio
dimethyl fumarate [none]: brand Tecfidera
diroximel fumarate [none]: brand Vumerity
fingolimod [none]: brand Gilenya, Tascenso
siponimod [none]: brand Mayzent
ozanimod [none]: brand Zeposia
ponesimod [none]: brand Ponvory
teriflunomide [none]: brand Aubagio
natalizumab [none]: brand Tysabri, Tyruko
ocrelizumab [none]: brand Ocrevus, Ocrevus Zunovo
ofatumumab [none]: brand Kesimpta, Arzerra
alemtuzumab [none]: brand Lemtrada
cladribine [none]: brand Mavenclad
dalfampridine [none]: uk fampridine; brand Ampyra; ukbrand Fampyra
# --- ADHD, migraine and other common medicines -------------------------------------------------
methylphenidate [none]: alias methylphenidate er; brand Ritalin, Ritalin LA, Concerta, Metadate, Methylin, Daytrana, Quillivant, Aptensio, Jornay PM, Cotempla, Relexxii; ukbrand Medikinet, Equasym, Xaggitin, Delmosart, Xenidate, Matoride
dexmethylphenidate [none]: brand Focalin, Focalin XR
amphetamine [none]: alias amphetamine salts, mixed amphetamine salts; brand Evekeo, Adzenys, Dyanavel
dextroamphetamine [none]: alias dexamfetamine; brand Dexedrine, Zenzedi, ProCentra, Xelstrym
lisdexamfetamine [none]: alias lisdexamphetamine; brand Vyvanse; ukbrand Elvanse
atomoxetine [none]: brand Strattera
guanfacine [none]: brand Intuniv, Tenex
viloxazine [none]: brand Qelbree
modafinil [none]: brand Provigil
armodafinil [none]: brand Nuvigil
sumatriptan [none]: alias sumatriptan succinate; brand Imitrex, Onzetra, Tosymra, Zembrace, Sumavel; ukbrand Imigran, Imigran Recovery
rizatriptan [none]: brand Maxalt, Maxalt-MLT
zolmitriptan [none]: brand Zomig, Zomig ZMT
eletriptan [none]: brand Relpax
naratriptan [none]: brand Amerge; ukbrand Naramig
frovatriptan [none]: brand Frova; ukbrand Migard
almotriptan [none]: brand Axert
ubrogepant [none]: brand Ubrelvy
rimegepant [none]: brand Nurtec, Nurtec ODT; ukbrand Vydura
atogepant [none]: brand Qulipta; ukbrand Aquipta
erenumab [none]: brand Aimovig
fremanezumab [none]: brand Ajovy
galcanezumab [none]: brand Emgality
onabotulinumtoxina [none]: alias botulinum toxin, botox injections; brand Botox
epinephrine [none]: alias adrenaline; brand EpiPen, Auvi-Q, Adrenaclick, Neffy; ukbrand Jext, Emerade
potassium chloride [none]: alias kcl, potassium chloride er; brand K-Dur, Klor-Con, Klor-Con M, K-Tab, Micro-K; ukbrand Sando-K, Slow-K
varenicline [none]: brand Chantix, Tyrvaya; ukbrand Champix
nicotine [none]: alias nicotine patch, nicotine patches, nicotine gum, nicotine lozenge, nicotine lozenges, nicotine pouches, nicotine spray, nicotine inhaler, cigarettes, cigarette, smoking, tobacco, cigars, vape, vapes, vaping, e-cigarette, e cigarette, e-cig, juul, chewing tobacco, snus; brand Nicorette, NicoDerm, NicoDerm CQ, Nicotrol, Habitrol, Zyn, Velo; ukbrand NiQuitin, Nicotinell
cannabis [none]: alias marijuana, marihuana, medical marijuana, medical cannabis, weed, pot, thc, delta 8, delta-8, delta 8 thc, delta 9, thc gummies, edibles, edible, gummies thc, hash, hashish, cannabis oil, thc oil, blunt, blunts, dabs, ganja, kush, skunk, mary jane, reefer, thc vape
cannabidiol [none]: alias cbd, hemp, cbd oil, cbd gummies, cbd cream, cbd drops, hemp oil, cbd capsules, cbd tincture; brand Epidiolex
dronabinol [none]: brand Marinol, Syndros
nabilone [none]: brand Cesamet
# --- Vitamins, minerals and supplements --------------------------------------------------------
vitamin d [none]: alias d, vitamin d3, vitamin d 3, vit d, vit d3, d3, cholecalciferol, colecalciferol, vitamin d2, ergocalciferol, calciferol, vitamin d drops; brand Drisdol, D-Vi-Sol, Replesta; ukbrand Fultium, Fultium-D3, Invita D3, Stexerol-D3, Plenachol, Thorens
vitamin b12 [none]: alias b12, b 12, vit b12, cyanocobalamin, methylcobalamin, hydroxocobalamin, hydroxycobalamin, b12 shots, b12 injection, b12 injections, cobalamin; brand Nascobal; ukbrand Cobalin-H, Neo-Cytamen
vitamin c [none]: alias vit c, ascorbic acid, ascorbate; brand Emergen-C, Airborne
vitamin e [none]: alias vit e, tocopherol, alpha tocopherol
vitamin a [none]: alias retinol, vit a
vitamin k [none]: alias vitamin k2, vitamin k1, phytonadione, phytomenadione, mk-7
vitamin b6 [none]: alias b6, pyridoxine
vitamin b complex [none]: alias b complex, b-complex, vitamin b, b vitamins, b-50, b 50 complex
biotin [none]: alias vitamin b7, vitamin h
thiamine [none]: alias vitamin b1, b1, thiamin
riboflavin [none]: alias vitamin b2, b2
niacin [none]: alias vitamin b3, nicotinic acid, niacinamide, nicotinamide; brand Niaspan, Niacor
folic acid [none]: alias folate, methylfolate, l-methylfolate, l methylfolate, 5-mthf, folinic acid; brand Deplin, FolaPro
multivitamin [none]: alias multivitamins, multi vitamin, multi-vitamin, multivit, daily vitamin, prenatal vitamin, prenatal vitamins, prenatal, prenatals, womens multivitamin, mens multivitamin, gummy vitamins, childrens vitamins; brand Centrum, Centrum Silver, One A Day, One-A-Day, Flintstones, Vitafusion, Nature Made Multi, Theragran, Prenate; ukbrand Sanatogen, Wellwoman, Wellman, Pregnacare, Seven Seas, Berocca, Vitabiotics
iron [none]: alias iron supplement, iron tablets, iron pills, ferrous sulfate, ferrous sulphate, ferrous gluconate, ferrous fumarate, ferrous bisglycinate, iron bisglycinate, polysaccharide iron, carbonyl iron, iron sulfate; brand Slow Fe, Feosol, Ferro-Sequels, Fergon, Vitron-C, Hemocyte, Ferrex; ukbrand Feospan, Fersaday, Galfer, Spatone
magnesium [none]: alias magnesium citrate, magnesium glycinate, magnesium bisglycinate, magnesium oxide, magnesium chloride, magnesium malate, magnesium threonate, magnesium l-threonate, magnesium taurate, magnesium supplement, mag glycinate, magnesium sulfate, epsom salt, epsom salts; brand Mag-Ox, Slow-Mag, Natural Calm, Calm magnesium
zinc [none]: alias zinc gluconate, zinc sulfate, zinc picolinate, zinc lozenges, zinc citrate; brand Cold-EEZE, Zicam
calcium [none]: alias calcium citrate, calcium supplement, calcium with vitamin d, calcium and vitamin d; brand Citracal
potassium [none]: alias potassium supplement, potassium gluconate, potassium citrate; brand Urocit-K
selenium [none]
iodine [none]: alias potassium iodide, iodine drops, kelp; brand Iodoral
chromium [none]: alias chromium picolinate
fish oil [none]: alias omega, omega 3, omega-3, omega 3s, omega-3s, omega 3 fish oil, omega-3 fish oil, omega 3 fatty acids, omega-3 fatty acids, cod liver oil, krill oil, epa, dha, epa dha, algae oil, algal oil; brand Nordic Naturals, MegaRed, Omega XL
flaxseed oil [none]: alias flaxseed, flax seed, flax oil, linseed oil
turmeric [none]: alias curcumin, turmeric curcumin, turmeric root, curcuma; brand Meriva, Theracurmin
st john's wort [none]: alias st. john's wort, st johns wort, st. johns wort, saint john's wort, saint johns wort, st john wort, hypericum, hypericum perforatum; ukbrand Kira
ashwagandha [none]: alias withania somnifera, ksm-66, ksm 66
valerian [none]: alias valerian root; ukbrand Kalms
ginkgo [none]: alias ginkgo biloba, gingko, gingko biloba
ginseng [none]: alias panax ginseng, korean ginseng, american ginseng, siberian ginseng
garlic [none]: alias garlic pills, garlic supplement, aged garlic extract; brand Kyolic
echinacea [none]
elderberry [none]: alias black elderberry, sambucus; brand Sambucol
probiotic [none]: alias probiotics, lactobacillus, bifidobacterium, saccharomyces boulardii, acidophilus; brand Culturelle, Align, Florastor, Activia, VSL#3, Visbiome; ukbrand Yakult, Symprove, Bio-Kult
glucosamine [none]: alias glucosamine sulfate, glucosamine hcl
chondroitin [none]: alias chondroitin sulfate
coenzyme q10 [none]: alias coq10, co q10, co-q10, co q 10, ubiquinol, ubiquinone, coenzyme q 10
alpha lipoic acid [none]: alias ala, lipoic acid, alpha-lipoic acid
acetylcysteine [none]: alias n-acetylcysteine, n-acetyl cysteine, n acetyl cysteine, nac
l-theanine [none]: alias theanine, l theanine
5-htp [none]: alias 5 htp, 5-hydroxytryptophan
sam-e [none]: alias same supplement, s-adenosylmethionine, sam e
collagen [none]: alias collagen peptides, collagen powder
creatine [none]: alias creatine monohydrate
apple cider vinegar [none]: alias acv, apple cider vinegar gummies
green tea extract [none]: alias egcg
milk thistle [none]: alias silymarin, silybin
berberine [none]
saw palmetto [none]
black cohosh [none]: brand Remifemin
evening primrose oil [none]: alias epo, evening primrose
dhea [none]: alias dehydroepiandrosterone, prasterone
quercetin [none]
resveratrol [none]
lion's mane [none]: alias lions mane, lion's mane mushroom, lions mane mushroom
reishi [none]: alias reishi mushroom
maca [none]: alias maca root
rhodiola [none]: alias rhodiola rosea
spirulina [none]
chlorella [none]
cinnamon [none]: alias cinnamon supplement, cinnamon pills
fenugreek [none]
glutathione [none]
l-glutamine [none]: alias glutamine
l-lysine [none]: alias lysine
l-arginine [none]: alias arginine
taurine [none]
inositol [none]: alias myo-inositol, myo inositol
kava [none]: alias kava kava, kava root, kava tea
red yeast rice [none]
ginger [none]: alias ginger root, ginger capsules
electrolytes [none]: alias electrolyte powder, oral rehydration salts; brand Pedialyte, Liquid IV, Liquid I.V., LMNT; ukbrand Dioralyte
whey protein [none]: alias protein powder, protein shakes
# --- More medicines people with long-term conditions often take (POTS, MCAS, IBS, MS, lupus) --
milnacipran [none]: brand Savella
levomilnacipran [none]: brand Fetzima
pyridostigmine [none]: brand Mestinon, Mestinon Timespan, Regonol
midodrine [none]: brand ProAmatine, Orvaten; ukbrand Bramox
fludrocortisone [none]: alias fludrocortisone acetate, fludro; brand Florinef
ivabradine [none]: brand Corlanor; ukbrand Procoralan
droxidopa [none]: brand Northera
ketotifen [none]: alias ketotifen fumarate; brand Zaditor, Alaway; ukbrand Zaditen
cromolyn [none]: alias cromolyn sodium, sodium cromoglycate, cromoglicate; uk sodium cromoglicate; brand Gastrocrom, NasalCrom, Intal; ukbrand Nalcrom, Opticrom
rifaximin [none]: brand Xifaxan; ukbrand Targaxan
plecanatide [none]: brand Trulance
prucalopride [none]: brand Motegrity; ukbrand Resolor
tenapanor [none]: brand Ibsrela, Xphozah
alosetron [none]: brand Lotronex
tegaserod [none]: brand Zelnorm
omalizumab [none]: brand Xolair
mepolizumab [none]: brand Nucala
benralizumab [none]: brand Fasenra
tezepelumab [none]: brand Tezspire
roflumilast [none]: brand Daliresp, Zoryve; ukbrand Daxas
theophylline [none]: brand Theo-24, Elixophyllin, Theochron; ukbrand Uniphyllin, Nuelin
dronedarone [none]: brand Multaq
isosorbide dinitrate [none]: brand Isordil, Dilatrate
metolazone [none]: brand Zaroxolyn
acetazolamide [none]: brand Diamox
minoxidil [none]: alias minoxidil foam, oral minoxidil; brand Rogaine, Loniten; ukbrand Regaine
methyldopa [none]: brand Aldomet
cilostazol [none]: brand Pletal
pentoxifylline [none]: brand Trental
finerenone [none]: brand Kerendia
colesevelam [none]: brand Welchol
cholestyramine [none]: alias colestyramine; brand Questran, Prevalite
aliskiren [none]: brand Tekturna; ukbrand Rasilez
glucagon [none]: brand Baqsimi, Gvoke, GlucaGen
lixisenatide [none]: brand Adlyxin
repaglinide [none]: brand Prandin
acarbose [none]: brand Precose; ukbrand Glucobay
ertugliflozin [none]: brand Steglatro
insulin glulisine [none]: brand Apidra
pramlintide [none]: brand Symlin
pimavanserin [none]: brand Nuplazid
valbenazine [none]: brand Ingrezza
deutetrabenazine [none]: brand Austedo
tetrabenazine [none]: brand Xenazine
lumateperone [none]: brand Caplyta
zuranolone [none]: brand Zurzuvae
pitolisant [none]: brand Wakix
solriamfetol [none]: brand Sunosi
iloperidone [none]: brand Fanapt
asenapine [none]: brand Saphris, Secuado
perphenazine [none]: brand Trilafon
fluphenazine [none]: brand Prolixin; ukbrand Modecate
amisulpride [none]: ukbrand Solian
desipramine [none]: brand Norpramin
dosulepin [sedative]: alias dothiepin; ukbrand Prothiaden
lofepramine [none]
agomelatine [none]: ukbrand Valdoxan
moclobemide [none]: ukbrand Manerix
nefazodone [none]
eslicarbazepine [none]: brand Aptiom; ukbrand Zebinix
brivaracetam [none]: brand Briviact
perampanel [none]: brand Fycompa
cenobamate [none]: brand Xcopri; ukbrand Ontozry
clobazam [sedative]: brand Onfi, Sympazan; ukbrand Frisium, Tapclob
primidone [sedative]: brand Mysoline
ethosuximide [none]: brand Zarontin
amantadine [none]: brand Gocovri, Osmolex ER, Symmetrel
entacapone [none]: brand Comtan
safinamide [none]: brand Xadago
rotigotine [none]: brand Neupro
apomorphine [none]: brand Apokyn, Kynmobi, Onapgo; ukbrand APO-go
trihexyphenidyl [none]: alias benzhexol; brand Artane
benztropine [none]: brand Cogentin
lecanemab [none]: brand Leqembi
donanemab [none]: brand Kisunla
riluzole [none]: brand Rilutek, Tiglutik, Exservan
lasmiditan [none]: brand Reyvow
dihydroergotamine [none]: alias dhe, dhe 45, d h e 45; brand D.H.E. 45, Migranal, Trudhesa
ergotamine [none]
eptinezumab [none]: brand Vyepti
zavegepant [none]: brand Zavzpret
tasimelteon [none]: brand Hetlioz
efgartigimod [none]: brand Vyvgart
eculizumab [none]: brand Soliris
ravulizumab [none]: brand Ultomiris
ublituximab [none]: brand Briumvi
anifrolumab [none]: brand Saphnelo
voclosporin [none]: brand Lupkynis
sarilumab [none]: brand Kevzara
anakinra [none]: brand Kineret
canakinumab [none]: brand Ilaris
bimekizumab [none]: brand Bimzelx
tildrakizumab [none]: brand Ilumya
deucravacitinib [none]: brand Sotyktu
abrocitinib [none]: brand Cibinqo
tralokinumab [none]: brand Adbry; ukbrand Adtralza
lebrikizumab [none]: brand Ebglyss
mirikizumab [none]: brand Omvoh
etrasimod [none]: brand Velsipity
immune globulin [none]: alias ivig, immunoglobulin, iv immunoglobulin, scig, gamma globulin; brand Gammagard, Privigen, Octagam, Hizentra, Gamunex, Cuvitru, Hyqvia
cyclophosphamide [none]: brand Cytoxan
dapsone [none]: brand Aczone
mercaptopurine [none]: alias 6-mp; brand Purixan, Purinethol
balsalazide [none]: brand Colazal
crisaborole [none]: brand Eucrisa
pimecrolimus [none]: brand Elidel
ruxolitinib [none]: brand Jakafi, Opzelura
elexacaftor [none]
tezacaftor [none]
ivacaftor [none]: brand Kalydeco
# --- Infections, skin, eyes, women's and men's health, cancer care -----------------------------
cefadroxil [none]
cefpodoxime [none]
cefprozil [none]
ceftriaxone [none]: brand Rocephin
ampicillin [none]
dicloxacillin [none]
tetracycline [none]
tinidazole [none]: brand Tindamax
fosfomycin [none]: brand Monurol
methenamine [none]: alias methenamine hippurate; brand Hiprex, Urex
linezolid [none]: brand Zyvox
isoniazid [none]: alias inh
albendazole [none]: brand Albenza
mebendazole [none]: brand Vermox, Emverm
praziquantel [none]: brand Biltricide
pyrantel [none]: brand Pin-X, Reeses Pinworm
atovaquone [none]
proguanil [none]
famciclovir [none]: brand Famvir
valganciclovir [none]: brand Valcyte
remdesivir [none]: brand Veklury
molnupiravir [none]: brand Lagevrio
baloxavir [none]: brand Xofluza
cabotegravir [none]: brand Apretude, Vocabria
rilpivirine [none]: brand Edurant
lenacapavir [none]: brand Sunlenca, Yeztugo
efavirenz [none]: brand Sustiva
darunavir [none]: brand Prezista
raltegravir [none]: brand Isentress
abacavir [none]: brand Ziagen
sofosbuvir [none]: brand Sovaldi
velpatasvir [none]
ledipasvir [none]
glecaprevir [none]
pibrentasvir [none]
entecavir [none]: brand Baraclude
itraconazole [none]: brand Sporanox, Tolsura
voriconazole [none]: brand Vfend
ketoconazole [none]: alias ketoconazole shampoo, ketoconazole cream; brand Nizoral
miconazole [none]: brand Monistat, Micatin; ukbrand Daktarin
tolnaftate [none]: brand Tinactin
ciclopirox [none]: brand Penlac, Loprox
efinaconazole [none]: brand Jublia
griseofulvin [none]: brand Gris-PEG
tretinoin [none]: brand Retin-A, Renova, Altreno
isotretinoin [none]: brand Accutane, Absorica, Claravis, Amnesteem, Zenatane; ukbrand Roaccutane
adapalene [none]: brand Differin
benzoyl peroxide [none]: brand PanOxyl, Clearasil, Proactiv
mupirocin [none]: brand Bactroban
clobetasol [none]: alias clobetasol propionate; brand Temovate, Clobex, Olux, Impoyz; ukbrand Dermovate
betamethasone [none]: alias betamethasone dipropionate, betamethasone valerate; brand Diprolene, Luxiq, Celestone; ukbrand Betnovate
fluocinonide [none]: brand Lidex, Vanos
desonide [none]: brand Desowen, Verdeso
calcipotriene [none]: uk calcipotriol; brand Dovonex, Sorilux
azelaic acid [none]: brand Finacea, Azelex
permethrin [none]: brand Elimite, Nix; ukbrand Lyclear
selenium sulfide [none]: brand Selsun Blue, Selsun
hydroquinone [none]
neomycin [none]
polymyxin b [none]
bacitracin [none]
benzocaine [none]: brand Orajel, Anbesol, Cepacol; ukbrand Anbesol Liquid
menthol [none]: brand Biofreeze, Halls, Icy Hot Original
camphor [none]
methyl salicylate [none]: alias wintergreen oil
phenol [none]: brand Chloraseptic
zinc oxide [none]: brand Desitin, Boudreaux's; ukbrand Sudocrem, Anusol
calamine [none]: alias calamine lotion
latanoprost [none]: brand Xalatan, Xelpros, Iyuzeh
timolol [none]: brand Timoptic, Istalol
brimonidine [none]: brand Alphagan, Alphagan P, Lumify, Mirvaso
dorzolamide [none]: brand Trusopt
bimatoprost [none]: brand Lumigan, Latisse
lifitegrast [none]: brand Xiidra
olopatadine [none]: brand Pataday, Patanol, Pazeo, Patanase; ukbrand Opatanol
artificial tears [none]: alias carboxymethylcellulose, eye lubricant, lubricating eye drops; brand Refresh, Refresh Tears, Systane, Systane Ultra, TheraTears, Blink; ukbrand Hylo-Forte, Hypromellose eye drops
tetrahydrozoline [none]: brand Visine
naphazoline [none]: brand Clear Eyes, Naphcon
pilocarpine [none]: brand Salagen, Vuity
tobramycin [none]: brand Tobrex, TOBI
ofloxacin [none]: brand Ocuflox, Floxin
clomiphene [none]: alias clomifene; brand Clomid, Serophene
letrozole [none]: brand Femara
anastrozole [none]: brand Arimidex
exemestane [none]: brand Aromasin
tamoxifen [none]: brand Nolvadex, Soltamox
raloxifene [none]: brand Evista
elagolix [none]: brand Orilissa
relugolix [none]: brand Orgovyx
tranexamic acid [none]: brand Lysteda; ukbrand Cyklokapron
cabergoline [none]: brand Dostinex
bromocriptine [none]: brand Parlodel, Cycloset
trospium [none]: brand Sanctura
darifenacin [none]: brand Enablex
fesoterodine [none]: brand Toviaz
vibegron [none]: brand Gemtesa
bethanechol [none]: brand Urecholine
phenazopyridine [none]: brand Pyridium, Azo, AZO Urinary Pain Relief, Uristat
pentosan polysulfate [none]: alias pentosan; brand Elmiron
desmopressin [none]: brand DDAVP, Noctiva, Nocdurna; ukbrand Desmotabs, DesmoMelt
alfuzosin [none]: brand Uroxatral
silodosin [none]: brand Rapaflo
avanafil [none]: brand Stendra
teriparatide [none]: brand Forteo, Bonsity
abaloparatide [none]: brand Tymlos
romosozumab [none]: brand Evenity
calcitriol [none]: brand Rocaltrol
cinacalcet [none]: brand Sensipar
somatropin [none]: alias growth hormone, hgh; brand Genotropin, Norditropin, Humatrope, Omnitrope
epoetin alfa [none]: alias epoetin, erythropoietin, epo injections; brand Epogen, Procrit, Retacrit
filgrastim [none]: brand Neupogen, Zarxio
pegfilgrastim [none]: brand Neulasta
hydroxyurea [none]: alias hydroxycarbamide; brand Hydrea, Droxia
fondaparinux [none]: brand Arixtra
dalteparin [none]: brand Fragmin
capecitabine [none]: brand Xeloda
imatinib [none]: brand Gleevec; ukbrand Glivec
ibrutinib [none]: brand Imbruvica
lenalidomide [none]: brand Revlimid
pembrolizumab [none]: brand Keytruda
nivolumab [none]: brand Opdivo
trastuzumab [none]: brand Herceptin
bevacizumab [none]: brand Avastin
abiraterone [none]: brand Zytiga
enzalutamide [none]: brand Xtandi
bicalutamide [none]: brand Casodex
leuprolide [none]: uk leuprorelin; brand Lupron, Lupron Depot, Eligard; ukbrand Prostap
goserelin [none]: brand Zoladex
palbociclib [none]: brand Ibrance
megestrol [none]: brand Megace
aprepitant [none]: brand Emend
granisetron [none]: brand Sancuso, Sustol
domperidone [none]: ukbrand Motilium
scopolamine [none]: uk hyoscine hydrobromide; brand Transderm Scop, scopolamine patch; ukbrand Kwells, Scopoderm
trimethobenzamide [none]: brand Tigan
lactase [none]: brand Lactaid
alpha-galactosidase [none]: brand Beano
methylcellulose [none]: brand Citrucel
wheat dextrin [none]: brand Benefiber
glycerin [none]: alias glycerin suppository, glycerol suppositories
mineral oil [none]: alias liquid paraffin
sodium phosphate [none]: brand Fleet enema, Fleet
activated charcoal [none]: alias charcoal tablets
nizatidine [none]: brand Axid
sodium chloride [none]: alias salt tablets, salt pills, saline, saline nasal spray, saline spray, nasal saline, sodium chloride tablets, salt capsules; brand Ocean nasal spray, Ayr, SaltStick, Vitassium
azelastine [none]: brand Astelin, Astepro, Optivar; ukbrand Rhinolast
carbinoxamine [sedative]: brand Karbinal
clemastine [sedative]: brand Tavist
obeticholic acid [none]: brand Ocaliva
# --- Family members spelled like common medicines, so a typo search never mixes them up -------
fosinopril [none]: brand Monopril
moexipril [none]: brand Univasc
trandolapril [none]: brand Mavik
cilazapril [none]
azilsartan [none]: brand Edarbi
eprosartan [none]: brand Teveten
acebutolol [none]: brand Sectral
betaxolol [none]: brand Betoptic, Kerlone
pindolol [none]: brand Visken
esmolol [none]: brand Brevibloc
celiprolol [none]: ukbrand Celectol
nicardipine [none]: brand Cardene
isradipine [none]: brand DynaCirc
nisoldipine [none]: brand Sular
lercanidipine [none]: ukbrand Zanidip
nimodipine [none]: brand Nymalize, Nimotop
amiloride [none]: brand Midamor
propafenone [none]: brand Rythmol
dofetilide [none]: brand Tikosyn
mexiletine [none]
estazolam [sedative]: brand Prosom
flurazepam [sedative]: brand Dalmane
clorazepate [sedative]: brand Tranxene
quazepam [sedative]: brand Doral
butabarbital [sedative]
secobarbital [sedative]: brand Seconal
methazolamide [none]
xylometazoline [none]: ukbrand Otrivine, Sudafed Blocked Nose, Otrivin
chlorhexidine [none]: alias chlorhexidine mouthwash; brand Peridex; ukbrand Corsodyl
cetrimide [none]
amylmetacresol [none]
dichlorobenzyl alcohol [none]
silver sulfadiazine [none]: brand Silvadene; ukbrand Flamazine
calcium acetate [none]: brand PhosLo, Phoslyra
sevelamer [none]: brand Renvela, Renagel
lanthanum [none]: brand Fosrenol
patiromer [none]: brand Veltassa
sodium zirconium cyclosilicate [none]: brand Lokelma
bupivacaine [none]: brand Marcaine, Exparel, Sensorcaine
propofol [none]: brand Diprivan
influenza vaccine [none]: alias flu shot, flu jab, flu vaccine, flu shots; brand Fluzone, Flucelvax, Fluad, FluMist, Afluria, Flublok
covid-19 vaccine [none]: alias covid vaccine, covid shot, covid jab, covid booster, covid 19 vaccine, coronavirus vaccine; brand Comirnaty, Spikevax, Novavax, Mnexspike
zoster vaccine [none]: alias shingles vaccine, shingles shot; brand Shingrix, Zostavax
pneumococcal vaccine [none]: alias pneumonia vaccine, pneumonia shot; brand Prevnar, Prevnar 20, Pneumovax, Capvaxive, Vaxneuvance
tetanus vaccine [none]: alias tetanus shot, tdap, td vaccine, tetanus booster; brand Boostrix, Adacel
rsv vaccine [none]: brand Arexvy, Abrysvo
trolamine salicylate [none]: brand Aspercreme Original, Myoflex
arnica [none]: alias arnica gel, arnica montana; brand Arnicare, Traumeel
nabiximols [none]: ukbrand Sativex
isometheptene [none]
dichloralphenazone [none]
# --- More supplements ---------------------------------------------------------------------------
nattokinase [none]
lumbrokinase [none]
d-ribose [none]: alias ribose, d ribose; brand Corvalen
acetyl-l-carnitine [none]: alias acetyl l-carnitine, acetyl l carnitine, alcar
l-carnitine [none]: alias carnitine, l carnitine, levocarnitine; brand Carnitor
nad+ [none]: alias nad, nad plus, nadh, nad iv, nad injections
nicotinamide riboside [none]: brand Tru Niagen, Niagen
nmn [none]: alias nicotinamide mononucleotide
pqq [none]: alias pyrroloquinoline quinone
benfotiamine [none]
boswellia [none]: alias boswellia serrata, frankincense extract
bromelain [none]
serrapeptase [none]
msm [none]: alias methylsulfonylmethane
gaba [none]: alias gamma aminobutyric acid
glycine [none]
l-tyrosine [none]: alias tyrosine
lemon balm [none]
passionflower [none]: alias passion flower
chamomile [none]: alias chamomile tea
lavender [none]: alias lavender oil; brand Lavela
oregano oil [none]: alias oil of oregano
black seed oil [none]: alias black seed, nigella sativa
sea moss [none]: alias irish moss
slippery elm [none]
licorice [none]: alias dgl, deglycyrrhizinated licorice, liquorice
boron [none]
shilajit [none]
tongkat ali [none]
hyaluronic acid [none]
methylene blue [none]
palmitoylethanolamide [none]: alias pea
astaxanthin [none]
lutein [none]
colostrum [none]
beet root [none]: alias beetroot, beet juice
aloe vera [none]: alias aloe
zinc carnosine [none]
diindolylmethane [none]: alias dim
vitex [none]: alias chasteberry, chaste tree
mushroom supplements [none]: alias turkey tail, chaga, cordyceps
# --- Recreational drugs that are not opioids ---------------------------------------------------
cocaine [none]: alias cocaine hydrochloride; street coke, crack, crack cocaine, nose candy
methamphetamine [none]: alias methamfetamine; brand Desoxyn; street meth, crystal meth
mdma [none]: alias ecstasy, methylenedioxymethamphetamine; street molly, xtc
ketamine [none]: brand Ketalar; street special k, ket
esketamine [none]: brand Spravato
lsd [none]: alias lysergic acid diethylamide; street acid tabs, blotter acid
psilocybin [none]: alias magic mushrooms, mushrooms, shrooms, psilocybin mushrooms, mushroom gummies, microdose, microdosing
ghb [none]: alias gamma hydroxybutyrate, sodium oxybate, gbl; brand Xyrem, Xywav, Lumryz; street liquid ecstasy
xylazine [none]: alias xylazine hcl; street anestesia de caballo, sleep cut
alkyl nitrites [none]: alias poppers, amyl nitrite, isobutyl nitrite, amyl
nitrous oxide [none]: alias laughing gas, whippets, nangs, whippits
"""

# One line per product with more than one ingredient: "kind: Name, Name = ingredient + ingredient".
# Kinds: brand, ukbrand (stored as uk_brand), combination (a generic combination name), street,
# old (stored as old_brand). An opioid made with an opioid blocker still contains an opioid.
_PRODUCT_TABLE = """
# --- Hydrocodone combinations ------------------------------------------------------------------
brand: Norco, Vicodin, Vicodin ES, Vicodin HP, Lortab, Lortab Elixir, Lorcet, Lorcet Plus, Lorcet HD, Zydone, Xodol, Verdrocet, Hycet, Zamicet, Maxidone, Co-Gesic, Anexsia, Stagesic, Hydrocet, Lortab ASA, Lortab 10, Norco 10 = hydrocodone + acetaminophen
combination: hydrocodone apap, hydrocodone acetaminophen, hydrocodone-acetaminophen, hydrocodone/apap, hydrocodone with acetaminophen, hydrocodone and acetaminophen, hydrocodone bitartrate and acetaminophen, hydrocodone/acetaminophen, hydrocodone apap elixir = hydrocodone + acetaminophen
street: vikes, vics, vicos, vicodins, norcos, lortabs, watson 387 = hydrocodone + acetaminophen
brand: Vicoprofen, Reprexain, Ibudone, Xylon = hydrocodone + ibuprofen
brand: Tussionex, TussiCaps, Vituz, Tussionex Pennkinetic = hydrocodone + chlorpheniramine
brand: Hycodan, Tussigon, Hydromet, Hycodan syrup = hydrocodone + homatropine
brand: Hycofenix, Zutripro = hydrocodone + pseudoephedrine + guaifenesin
brand: Rezira = hydrocodone + pseudoephedrine
brand: Flowtuss, Obredon, Hycotuss = hydrocodone + guaifenesin
combination: hydrocodone cough syrup, hydrocodone syrup, hydrocodone cough medicine = hydrocodone
brand: Apadaz = benzhydrocodone + acetaminophen
# --- Oxycodone combinations --------------------------------------------------------------------
brand: Percocet, Endocet, Roxicet, Tylox, Oxycet, Primlev, Xolox, Magnacet, Nalocet, Prolate, Xartemis, Xartemis XR, Percocet 10, Roxicet 5/500, Perloxx = oxycodone + acetaminophen
combination: oxycodone apap, oxycodone acetaminophen, oxycodone-acetaminophen, oxycodone/apap, oxycodone with acetaminophen, oxycodone and acetaminophen, oxycodone/acetaminophen = oxycodone + acetaminophen
street: percs, perks, percys, perkys, perc, perk, percocets, blue percs = oxycodone + acetaminophen
brand: Percodan, Endodan, Roxiprin = oxycodone + aspirin
brand: Combunox = oxycodone + ibuprofen
brand: Targiniq, Targiniq ER = oxycodone + naloxone
ukbrand: Targinact, Myloxifin-N, Oxylan-N = oxycodone + naloxone
brand: Troxyca, Troxyca ER = oxycodone + naltrexone
# --- Morphine, hydromorphone, pentazocine combinations -----------------------------------------
brand: Embeda = morphine + naltrexone
combination: kaolin and morphine, kaolin & morphine, kaolin with morphine, kaolin morphine mixture = kaolin + morphine
ukbrand: J Collis Browne, J. Collis Browne's Mixture, Collis Browne, Collis Browne's = morphine + peppermint oil
brand: Talwin NX = pentazocine + naloxone
old: Talacen = pentazocine + acetaminophen
old: Talwin Compound = pentazocine + aspirin
ukbrand: Diconal = dipipanone + cyclizine
old: Valoron = tilidine + naloxone
old: B&O Supprettes, belladonna and opium = belladonna + opium
# --- Codeine combinations ----------------------------------------------------------------------
brand: Tylenol with codeine, Tylenol w codeine, Tylenol #3, Tylenol #4, Tylenol #2, Tylenol 3, Tylenol 4, Tylenol 2, Tylenol No. 3, Tylenol No. 4, Tylenol 3 with codeine, Tylenol with codeine 3, Tylenol with codeine 4, Tylenol with codeine elixir, Tylenol codeine, Capital and codeine, Vopac, Cocet, Tylenol with codeine #3, Tylenol with codeine #4, T3, T3s = acetaminophen + codeine
combination: acetaminophen with codeine, acetaminophen and codeine, acetaminophen codeine, apap codeine, apap with codeine, apap/codeine, apap w codeine = acetaminophen + codeine
combination: co-codamol, co codamol, cocodamol, co-codamol effervescent, codeine and paracetamol, paracetamol and codeine, paracetamol with codeine, codeine with paracetamol = codeine + acetaminophen
ukbrand: Solpadol, Tylex, Zapain, Kapake, Codipar, Emcozin, Panadol Ultra, Migraleve Yellow, Boots Co-codamol = codeine + acetaminophen
ukbrand: Solpadeine, Solpadeine Plus, Solpadeine Max, Paracodol, Nurse Sykes = codeine + acetaminophen + caffeine
ukbrand: Panadeine, Panadeine Forte, Panadeine Extra, Tylenol #1, Tylenol 1, Tylenol No. 1, Atasol-8, Atasol-15, Atasol-30 = acetaminophen + codeine
ukbrand: Mersyndol, Mersyndol Forte = acetaminophen + codeine + doxylamine
ukbrand: 222, 222s, AC&C, AC and C = aspirin + caffeine + codeine
ukbrand: Solpadeine Headache, Panadol Extra, Panadol Extra Advance = acetaminophen + caffeine
ukbrand: Percocet-Demi = oxycodone + acetaminophen
ukbrand: Targin = oxycodone + naloxone
ukbrand: Migraleve, Migraleve Pink = acetaminophen + codeine + buclizine
ukbrand: Syndol = acetaminophen + codeine + doxylamine + caffeine
ukbrand: Propain Plus = acetaminophen + codeine + diphenhydramine + caffeine
ukbrand: Feminax Original, Feminax period pain = acetaminophen + codeine + caffeine + hyoscine butylbromide
combination: co-codaprin, co codaprin, aspirin and codeine, aspirin with codeine, codeine and aspirin = codeine + aspirin
ukbrand: Veganin = acetaminophen + aspirin + codeine
ukbrand: Nurofen Plus, Cuprofen Plus, Solpaflex = ibuprofen + codeine
combination: ibuprofen and codeine, ibuprofen with codeine, ibuprofen codeine = ibuprofen + codeine
brand: Fioricet with codeine, Fioricet w codeine, Fioricet codeine, butalbital acetaminophen caffeine codeine, Phrenilin with caffeine and codeine = butalbital + acetaminophen + caffeine + codeine
brand: Fiorinal with codeine, Fiorinal w codeine, Fiorinal codeine, Ascomp with codeine, butalbital compound with codeine, Butalbital aspirin caffeine codeine = butalbital + aspirin + caffeine + codeine
brand: Soma compound with codeine, carisoprodol aspirin codeine, Soma with codeine = carisoprodol + aspirin + codeine
# --- Codeine cough and cold medicines ----------------------------------------------------------
brand: Phenergan with codeine, Phenergan w codeine, Phenergan codeine, Phenergan with codeine syrup = promethazine + codeine
combination: promethazine with codeine, promethazine w codeine, promethazine codeine, promethazine and codeine, promethazine/codeine, promethazine-codeine, promethazine codeine syrup, codeine promethazine, codeine and promethazine, codeine with promethazine = promethazine + codeine
street: lean, purple drank, drank, sizzurp, syrup, barre, dirty sprite, purple lean, texas tea, actavis, activis, wockhardt, wock, wockesha, lean syrup, sipping syrup = codeine + promethazine
brand: Promethazine VC with codeine, Phenergan VC with codeine, promethazine vc codeine = promethazine + phenylephrine + codeine
brand: Robitussin AC, Cheratussin, Cheratussin AC, Virtussin AC, Guiatuss AC, Mytussin AC, Tussi-Organidin NR, Brontex, Robafen AC, Iophen C-NR, Guaituss AC, Tussin AC, Halotussin AC, Gani-Tuss NR, Tussin with codeine, Robitussin with codeine = guaifenesin + codeine
combination: guaifenesin with codeine, guaifenesin and codeine, guaifenesin codeine, guaifenesin ac, codeine guaifenesin, guaifenesin/codeine = guaifenesin + codeine
brand: Tuzistra, Tuzistra XR, Tuxarin, Tuxarin ER = codeine + chlorpheniramine
brand: Nucofed, Triacin-C = codeine + pseudoephedrine + triprolidine
combination: codeine cough syrup, cough syrup with codeine, cough syrup w codeine, cough medicine with codeine, codeine syrup, codeine cough medicine, codeine linctus, codeine cough = codeine
# --- Antidiarrheals ----------------------------------------------------------------------------
brand: Lomotil, Lonox, Lofene, Logen, Lomanate, Diphenatol = diphenoxylate + atropine
combination: diphenoxylate atropine, diphenoxylate and atropine, diphenoxylate with atropine, diphenoxylate/atropine, diphenoxylate-atropine, co-phenotrope, co phenotrope = diphenoxylate + atropine
brand: Motofen, difenoxin and atropine, difenoxin atropine = difenoxin + atropine
brand: Imodium Multi-Symptom Relief, Imodium Advanced, Imodium Multi Symptom, Imodium Plus, Imodium Plus Comfort = loperamide + simethicone
# --- Tramadol, tapentadol, dihydrocodeine and others -------------------------------------------
brand: Ultracet = tramadol + acetaminophen
ukbrand: Tramacet, Tramquel Plus = tramadol + acetaminophen
combination: tramadol apap, tramadol acetaminophen, tramadol/apap, tramadol and acetaminophen, tramadol with acetaminophen, tramadol paracetamol, tramadol and paracetamol = tramadol + acetaminophen
brand: Seglentis = celecoxib + tramadol
combination: co-dydramol, co dydramol, codydramol, dihydrocodeine and paracetamol = dihydrocodeine + acetaminophen
ukbrand: Paramol, Remedeine, Remedeine Forte = dihydrocodeine + acetaminophen
brand: Trezix, Panlor, Panlor SS, Panlor DC, Dvorah, Zerlor, DVORAH = acetaminophen + caffeine + dihydrocodeine
brand: Synalgos-DC, Synalgos DC, Synalgos = aspirin + caffeine + dihydrocodeine
old: Darvocet, Darvocet-N, Darvocet-N 100, Darvocet N 100, propoxyphene apap, Wygesic = propoxyphene + acetaminophen
combination: co-proxamol, co proxamol, coproxamol = propoxyphene + acetaminophen
old: Distalgesic = propoxyphene + acetaminophen
old: Darvon Compound, Darvon Compound 65 = propoxyphene + aspirin + caffeine
# --- Opioid use disorder medicines -------------------------------------------------------------
brand: Suboxone, Suboxone film, Suboxone films, Suboxone strips, Suboxone tablets, Zubsolv, Bunavail, Cassipa, Suboxone sublingual film = buprenorphine + naloxone
combination: buprenorphine naloxone, buprenorphine and naloxone, buprenorphine/naloxone, buprenorphine with naloxone, buprenorphine-naloxone, bup/nx, bup nx, bupe/nalox = buprenorphine + naloxone
street: subs, sobos, sub strips, sub strip, sub films = buprenorphine + naloxone
# --- Street mixtures ---------------------------------------------------------------------------
street: tranq, tranq dope, tranq fentanyl, fentanyl and xylazine, fentanyl with xylazine, fentanyl xylazine, zombie drug, sleep cut dope = fentanyl + xylazine
street: speedball, speed ball, speedballs, speedballing = heroin + cocaine
street: goofball, goofballs, goof ball = heroin + methamphetamine
street: fentanyl laced, laced pills, pressed pills, pressies, fake pills, fake oxy, fake percs, counterfeit pills = fentanyl
street: cheese heroin = heroin + diphenhydramine
street: feel free, feel free tonic = kava + kratom
# --- Naltrexone combinations -------------------------------------------------------------------
brand: Contrave, Mysimba = naltrexone + bupropion
brand: Lybalvi = olanzapine + samidorphan
# --- NSAID combinations ------------------------------------------------------------------------
brand: Advil PM, Advil PM Liqui-Gels, Motrin PM, Ibuprofen PM = ibuprofen + diphenhydramine
brand: Advil Dual Action, Advil Dual Action with acetaminophen, Combogesic = ibuprofen + acetaminophen
ukbrand: Nuromol, Nurofen Plus Paracetamol, Mabron Duo = ibuprofen + acetaminophen
brand: Duexis = ibuprofen + famotidine
brand: Advil Cold and Sinus, Advil Cold & Sinus, Advil Sinus Congestion and Pain = ibuprofen + pseudoephedrine
brand: Advil Allergy Sinus = ibuprofen + chlorpheniramine + pseudoephedrine
ukbrand: Nurofen Cold and Flu, Sudafed Sinus Pressure and Pain = ibuprofen + pseudoephedrine
brand: Aleve PM = naproxen + diphenhydramine
brand: Aleve-D, Aleve D, Aleve-D Sinus & Cold = naproxen + pseudoephedrine
brand: Vimovo = naproxen + esomeprazole
brand: Treximet = sumatriptan + naproxen
brand: Arthrotec = diclofenac + misoprostol
brand: Consensi = amlodipine + celecoxib
brand: Excedrin, Excedrin Migraine, Excedrin Extra Strength, Excedrin Tension Headache Plus, Goody's, Goody's powder, Goodys, Goodys powder, Goody's Extra Strength, Vanquish, Excedrin ES = acetaminophen + aspirin + caffeine
brand: Excedrin Tension Headache = acetaminophen + caffeine
brand: Excedrin PM, Tylenol PM, Tylenol Simply Sleep, Mapap PM = acetaminophen + diphenhydramine
brand: BC powder, BC Original, Anacin, Anacin Maximum Strength, Stanback powder = aspirin + caffeine
ukbrand: Anadin, Anadin Original, Anadin Maximum Strength = aspirin + caffeine
ukbrand: Anadin Extra, Anadin Extra Soluble = aspirin + acetaminophen + caffeine
brand: Alka-Seltzer, Alka-Seltzer Original, Alka Seltzer, Alka-Seltzer Extra Strength = aspirin + sodium bicarbonate + citric acid
brand: Alka-Seltzer Plus = aspirin + chlorpheniramine + phenylephrine
brand: Aggrenox = aspirin + dipyridamole
brand: Yosprala = aspirin + omeprazole
brand: Fiorinal, Butalbital compound = butalbital + aspirin + caffeine
brand: Norgesic, Norgesic Forte, Orphengesic = orphenadrine + aspirin + caffeine
brand: Soma Compound = carisoprodol + aspirin
brand: Midol, Midol Complete = acetaminophen + caffeine + pyrilamine
# --- More combination products ----------------------------------------------------------------
brand: Soliqua = insulin glargine + lixisenatide
brand: Xultophy = insulin degludec + liraglutide
brand: Glyxambi = empagliflozin + linagliptin
brand: Trijardy, Trijardy XR = empagliflozin + linagliptin + metformin
brand: Invokamet = canagliflozin + metformin
brand: Steglatro Met, Segluromet = ertugliflozin + metformin
brand: Trikafta = elexacaftor + tezacaftor + ivacaftor
ukbrand: Kaftrio = elexacaftor + tezacaftor + ivacaftor
brand: BiDil = isosorbide dinitrate + hydralazine
brand: Stalevo = carbidopa + levodopa + entacapone
brand: Cafergot = ergotamine + caffeine
brand: Cobenfy = xanomeline + trospium
brand: Malarone = atovaquone + proguanil
brand: Triumeq = abacavir + dolutegravir + lamivudine
brand: Cabenuva = cabotegravir + rilpivirine
brand: Odefsey = emtricitabine + rilpivirine + tenofovir alafenamide
brand: Epclusa = sofosbuvir + velpatasvir
brand: Harvoni = ledipasvir + sofosbuvir
brand: Mavyret = glecaprevir + pibrentasvir
brand: Cosopt = dorzolamide + timolol
brand: Combigan = brimonidine + timolol
brand: TobraDex = tobramycin + dexamethasone
brand: Neosporin, Triple antibiotic ointment = neomycin + polymyxin b + bacitracin
brand: Polysporin = polymyxin b + bacitracin
brand: Jalyn = dutasteride + tamsulosin
brand: Enstilar, Taclonex = calcipotriene + betamethasone
brand: Bengay, Icy Hot, Salonpas, Tiger Balm = methyl salicylate + menthol
brand: Vicks VapoRub, VapoRub = camphor + menthol + eucalyptus oil
brand: Pamprin = acetaminophen + pamabrom + pyrilamine
brand: Anoro Ellipta UK = umeclidinium + vilanterol
brand: Twisted Tea, Mikes Hard Lemonade, Smirnoff Ice, wine cooler, wine coolers, hard lemonade, hard kombucha = alcohol
drink: mimosa, mimosas, sangria, martini, martinis, mojito, mojitos, spritz, aperol spritz, aperol, negroni, old fashioned, manhattan cocktail, daiquiri, pina colada, bloody mary, screwdriver, gin and tonic, gin & tonic, g&t, rum and coke, jack and coke, vodka soda, vodka tonic, whiskey sour, cosmopolitan, long island iced tea, highball, sherry wine, mulled wine, eggnog with rum, shandy, spiked seltzer = alcohol
ukbrand: Anadin Ultra, Anadin Liquid Caps = ibuprofen
ukbrand: Savlon = chlorhexidine + cetrimide
ukbrand: Germolene = phenol + chlorhexidine
ukbrand: Strepsils = amylmetacresol + dichlorobenzyl alcohol
# --- Other combination medicines ---------------------------------------------------------------
brand: Fioricet, Esgic, Zebutal = butalbital + acetaminophen + caffeine
brand: Augmentin, Augmentin XR, Amoxiclav = amoxicillin + clavulanate
combination: co-amoxiclav, co amoxiclav, amoxicillin clavulanate, amoxicillin and clavulanate, amoxicillin-clavulanate, amox clav, amox-clav = amoxicillin + clavulanate
brand: Bactrim, Bactrim DS, Septra, Septra DS, Sulfatrim, SMZ-TMP, SMX-TMP, SMZ TMP, SMX TMP = sulfamethoxazole + trimethoprim
combination: co-trimoxazole, sulfamethoxazole trimethoprim, sulfamethoxazole and trimethoprim, sulfamethoxazole/trimethoprim = sulfamethoxazole + trimethoprim
brand: Paxlovid = nirmatrelvir + ritonavir
brand: Symbicort, Breyna = budesonide + formoterol
brand: Advair, Advair Diskus, Advair HFA, Wixela, AirDuo = fluticasone + salmeterol
ukbrand: Seretide, Sirdupla, Aloflute = fluticasone + salmeterol
ukbrand: Fostair, Fostair NEXThaler = beclomethasone + formoterol
brand: Breztri, Breztri Aerosphere = budesonide + glycopyrrolate + formoterol
ukbrand: Trimbow = beclomethasone + formoterol + glycopyrronium
brand: Anoro, Anoro Ellipta = umeclidinium + vilanterol
brand: Stiolto, Stiolto Respimat = tiotropium + olodaterol
brand: Bevespi = glycopyrrolate + formoterol
brand: Breo, Breo Ellipta = fluticasone + vilanterol
ukbrand: Relvar, Relvar Ellipta = fluticasone + vilanterol
brand: Trelegy, Trelegy Ellipta = fluticasone + umeclidinium + vilanterol
brand: Combivent, Combivent Respimat, DuoNeb = ipratropium + albuterol
brand: Dulera = mometasone + formoterol
brand: Janumet, Janumet XR = sitagliptin + metformin
brand: Synjardy = empagliflozin + metformin
brand: Xigduo, Xigduo XR = dapagliflozin + metformin
brand: Jentadueto = linagliptin + metformin
brand: Glucovance = glyburide + metformin
brand: Vytorin = ezetimibe + simvastatin
brand: Nexlizet = bempedoic acid + ezetimibe
brand: Entresto = sacubitril + valsartan
brand: Lotrel = amlodipine + benazepril
brand: Exforge = amlodipine + valsartan
brand: Azor = amlodipine + olmesartan
brand: Caduet = amlodipine + atorvastatin
brand: Hyzaar = losartan + hydrochlorothiazide
brand: Zestoretic, Prinzide = lisinopril + hydrochlorothiazide
brand: Diovan HCT = valsartan + hydrochlorothiazide
brand: Benicar HCT = olmesartan + hydrochlorothiazide
brand: Dyazide, Maxzide = triamterene + hydrochlorothiazide
brand: Ziac = bisoprolol + hydrochlorothiazide
brand: Tenoretic = atenolol + chlorthalidone
brand: Sinemet, Rytary, Parcopa, Dhivy = carbidopa + levodopa
combination: carbidopa levodopa, carbidopa/levodopa, carbidopa-levodopa, co-careldopa = carbidopa + levodopa
brand: Namzaric = memantine + donepezil
brand: Adderall, Adderall XR, Mydayis = amphetamine + dextroamphetamine
brand: Auvelity = dextromethorphan + bupropion
brand: Nuedexta = dextromethorphan + quinidine
brand: Symbyax = olanzapine + fluoxetine
brand: Yaz, Yasmin, Ocella, Syeda, Loryna, Nikki, Gianvi, Beyaz, Safyral, Jasmiel = drospirenone + ethinyl estradiol
brand: Alesse, Aviane, Seasonique, Seasonale, Lutera, Levora, Portia, Nordette, Amethyst, Vienva, Sronyx, Lybrel, Introvale, Jolessa = levonorgestrel + ethinyl estradiol
ukbrand: Microgynon, Microgynon 30, Rigevidon, Levest, Ovranette, Maexeni, Logynon = levonorgestrel + ethinyl estradiol
brand: Ortho Tri-Cyclen, Ortho Tri-Cyclen Lo, Sprintec, Tri-Sprintec, Estarylla, Mono-Linyah, Tri-Lo-Sprintec, Mononessa = norgestimate + ethinyl estradiol
ukbrand: Cilest, Cilique, Lizinna = norgestimate + ethinyl estradiol
brand: Loestrin, Junel, Microgestin, Blisovi, Lo Loestrin Fe, Larin, Taytulla, Hailey = norethindrone + ethinyl estradiol
brand: NuvaRing, EluRyng = etonogestrel + ethinyl estradiol
brand: Xulane, Twirla, Zafemy = norelgestromin + ethinyl estradiol
ukbrand: Evra = norelgestromin + ethinyl estradiol
ukbrand: Lucette, Eloine = drospirenone + ethinyl estradiol
ukbrand: Marvelon, Gedarel, Cimizt = desogestrel + ethinyl estradiol
brand: Prempro, Premphase = conjugated estrogens + medroxyprogesterone
brand: Activella, Mimvey = estradiol + norethindrone
ukbrand: Kliovance, Elleste Duet, Femoston, Evorel Conti = estradiol + norethindrone
brand: Claritin-D, Claritin D, Claritin-D 12 hour, Claritin-D 24 hour, Alavert-D = loratadine + pseudoephedrine
brand: Zyrtec-D, Zyrtec D = cetirizine + pseudoephedrine
brand: Allegra-D, Allegra D = fexofenadine + pseudoephedrine
brand: Clarinex-D = desloratadine + pseudoephedrine
brand: Robitussin DM, Mucinex DM, Tussin DM, Robitussin Cough and Chest Congestion DM, Mucinex DM Maximum Strength, Coricidin Chest Congestion = guaifenesin + dextromethorphan
combination: guaifenesin dm, guaifenesin dextromethorphan, dextromethorphan guaifenesin = guaifenesin + dextromethorphan
brand: Mucinex D = guaifenesin + pseudoephedrine
brand: Promethazine DM, Phenergan DM, promethazine dm syrup, promethazine dextromethorphan = promethazine + dextromethorphan
brand: NyQuil, Nyquil Cold and Flu, Vicks NyQuil, Nyquil Severe = acetaminophen + dextromethorphan + doxylamine
brand: DayQuil, Vicks DayQuil, Dayquil Cold and Flu = acetaminophen + dextromethorphan + phenylephrine
brand: Coricidin HBP, Coricidin HBP Cough and Cold, Coricidin = dextromethorphan + chlorpheniramine
brand: Theraflu, Theraflu Severe Cold = acetaminophen + phenylephrine + pheniramine
brand: Tylenol Cold and Flu, Tylenol Cold + Flu Severe = acetaminophen + dextromethorphan + guaifenesin + phenylephrine
brand: Sudafed PE Sinus Pressure and Pain = acetaminophen + phenylephrine
ukbrand: Lemsip, Lemsip Max = acetaminophen + phenylephrine
ukbrand: Beechams, Beechams All in One = acetaminophen + guaifenesin + phenylephrine
ukbrand: Night Nurse = acetaminophen + promethazine + dextromethorphan
ukbrand: Day Nurse = acetaminophen + pseudoephedrine + pholcodine
ukbrand: Gaviscon, Gaviscon Advance, Gaviscon Original, Peptac = sodium alginate + sodium bicarbonate + calcium carbonate
brand: Rolaids, Mylanta, Maalox = calcium carbonate + magnesium hydroxide
brand: Osteo Bi-Flex, Move Free, Cosamin, Cosamin DS = glucosamine + chondroitin
brand: Midrin = acetaminophen + isometheptene + dichloralphenazone
brand: Aspercreme = trolamine salicylate
combination: glucosamine chondroitin, glucosamine and chondroitin, glucosamine with chondroitin = glucosamine + chondroitin
brand: Pepcid Complete = famotidine + calcium carbonate + magnesium hydroxide
brand: Dymista = azelastine + fluticasone
brand: Dovato = dolutegravir + lamivudine
brand: Biktarvy = bictegravir + emtricitabine + tenofovir alafenamide
brand: Truvada = emtricitabine + tenofovir disoproxil
brand: Descovy = emtricitabine + tenofovir alafenamide
brand: Creon, Zenpep, Pancreaze = pancrelipase
brand: Qsymia = phentermine + topiramate
"""

# Ingredients that appear only in products (not worth their own brand line above).
_EXTRA_INGREDIENTS = """
belladonna, magnesium hydroxide, quinidine, norgestimate, norelgestromin, pheniramine,
glycopyrrolate, glycopyrronium, olodaterol, dolutegravir, lamivudine, bictegravir, emtricitabine, tenofovir alafenamide,
tenofovir disoproxil, pancrelipase, xanomeline, pamabrom, eucalyptus oil
"""

_KIND_NAMES = {
    "alias": "alias",
    "uk": "uk",
    "brand": "brand",
    "ukbrand": "uk_brand",
    "old": "old_brand",
    "street": "street",
    "drink": "drink",
    "combination": "combination",
}


def _split_names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def _parse_ingredient_table(table: str) -> tuple[list[dict], list[dict]]:
    """Turn `_INGREDIENT_TABLE` into INGREDIENTS and the one-ingredient PRODUCTS."""
    ingredients: list[dict] = []
    products: list[dict] = []
    line_pattern = re.compile(r"^(?P<name>[^\[]+?)\s*\[(?P<groups>[^\]]*)\]\s*(?::(?P<rest>.*))?$")
    for raw in table.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        found = line_pattern.match(line)
        if found is None:
            raise ValueError(f"Cannot read ingredient line: {line!r}")
        name = found["name"].strip()
        groups = [g.strip() for g in found["groups"].split(",") if g.strip() not in ("", "none")]
        entry = {"name": name, "groups": groups, "aliases": [], "uk_names": []}
        for segment in (found["rest"] or "").split(";"):
            segment = segment.strip()
            if not segment:
                continue
            kind_word, _, names = segment.partition(" ")
            kind = _KIND_NAMES[kind_word]
            if kind == "alias":
                entry["aliases"].extend(_split_names(names))
            elif kind == "uk":
                entry["uk_names"].extend(_split_names(names))
            else:
                products.extend(
                    {"name": product, "ingredients": [name], "kind": kind}
                    for product in _split_names(names)
                )
        ingredients.append(entry)
    return ingredients, products


def _parse_product_table(table: str) -> list[dict]:
    """Turn `_PRODUCT_TABLE` into PRODUCTS with more than one ingredient."""
    products: list[dict] = []
    for raw in table.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind_word, _, rest = line.partition(":")
        names, _, ingredient_text = rest.rpartition("=")
        ingredients = [part.strip() for part in ingredient_text.split("+") if part.strip()]
        products.extend(
            {"name": product, "ingredients": ingredients, "kind": _KIND_NAMES[kind_word.strip()]}
            for product in _split_names(names)
        )
    return products


INGREDIENTS, _SINGLE_PRODUCTS = _parse_ingredient_table(_INGREDIENT_TABLE)
INGREDIENTS += [
    {"name": name, "groups": [], "aliases": [], "uk_names": []}
    for name in _split_names(_EXTRA_INGREDIENTS.replace("\n", " "))
]
PRODUCTS: list[dict] = _SINGLE_PRODUCTS + _parse_product_table(_PRODUCT_TABLE)
