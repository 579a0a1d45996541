"""The shared reading-grade helper."""

from education.readability import describe_grade, reading_grade, swap_medical_names


def test_drug_and_condition_names_do_not_count_against_the_grade():
    with_names = "Buprenorphine and fibromyalgia are long words. Naltrexone is one too."
    plain = "Drug and drug are long words. Drug is one too."
    assert reading_grade(with_names) == reading_grade(plain)
    assert swap_medical_names("Myalgic encephalomyelitis (ME)") == "drug (ME)"


def test_long_sentences_with_long_words_score_higher_than_short_plain_ones():
    hard = (
        "Pharmacological considerations necessitate comprehensive evaluation of concomitant "
        "administration, particularly regarding hepatotoxicity and unanticipated physiological "
        "consequences that practitioners frequently underestimate."
    )
    easy = "Tell your doctor what you take. Bring all your pill boxes."
    assert reading_grade(hard) > 12
    assert reading_grade(easy) < 5


def test_each_line_is_its_own_sentence_and_web_addresses_are_ignored():
    listed = "Chills\nFever\nMuscle aches\nHeavy sweating"
    assert reading_grade(listed) == reading_grade("Chills. Fever. Muscle aches. Heavy sweating.")
    assert reading_grade("See https://www.ncbi.nlm.nih.gov/books/NBK534811/ for more.") == (
        reading_grade("See for more.")
    )


def test_empty_text_has_grade_zero():
    assert reading_grade("") == 0.0
    assert reading_grade("  [3] ") == 0.0


def test_the_admin_description_says_when_to_simplify():
    assert describe_grade("Tell your doctor what you take. Bring all your pill boxes.").endswith(
        "(fine)"
    )
    hard = (
        "Pharmacological considerations necessitate comprehensive evaluation of concomitant "
        "administration, particularly regarding unanticipated physiological consequences."
    )
    assert "above 8" in describe_grade(hard)
    assert describe_grade("Headache") == "too short to score"
