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
"""

SOURCES: list[dict] = []
GROUPS: list[dict] = []
INGREDIENTS: list[dict] = []
PRODUCTS: list[dict] = []
QUESTIONS: list[dict] = []
DOSE_CONTEXT = ""
