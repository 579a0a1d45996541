"""How the checker's report becomes checklist lines: plain Python, no database."""

from checker.matching import Match
from checker.rules import AnswerFinding, Finding, Question, Report
from checklist.filling import doctor_prompts, medicine_rows, printed_lines

OPIOID = "Tell the doctor who prescribes your LDN about every opioid you take."
NSAID = "Tell your doctor which painkillers you take."
ALCOHOL = "Tell your doctor how much alcohol you drink."


def make_finding(typed, *, read_as=None, ingredients=(), severity="avoid", tell="", **fields):
    match = Match(
        input=typed,
        match=fields.pop("match", "exact" if read_as else "none"),
        matched_name=read_as,
        ingredients=tuple(ingredients),
    )
    return Finding(
        match=match,
        severity=severity,
        groups=fields.pop("groups", ()),
        explanation="",
        headline=fields.pop("headline", ""),
        message=fields.pop("message", ""),
        what_to_do="",
        tell_your_doctor=tell,
    )


def make_answer(slug, tell):
    question = Question(
        slug=slug, text="?", hint="", yes_level="caution", yes_message="", tell_your_doctor=tell
    )
    return AnswerFinding(
        question=question, answer=True, level="caution", message="", tell_your_doctor=tell
    )


def test_each_prompt_is_listed_once_with_every_medicine_it_is_about():
    report = Report(
        findings=[
            make_finding("Norco", read_as="Norco", tell=OPIOID),
            make_finding("oxy", read_as="oxycodone", tell=OPIOID),
            make_finding("Advil", read_as="Advil", severity="caution", tell=NSAID),
        ],
        answer_findings=[make_answer("alcohol", ALCOHOL)],
    )
    prompts = doctor_prompts(report)
    assert [prompt.text for prompt in prompts] == [OPIOID, NSAID, ALCOHOL]
    assert prompts[0].entries == ("Norco", "oxy")
    assert prompts[2].entries == ()


def test_a_two_group_medicine_shares_the_lines_it_has_in_common():
    report = Report(
        findings=[
            make_finding("Norco", read_as="Norco", tell=OPIOID),
            make_finding("Vicoprofen", read_as="Vicoprofen", tell=f"{OPIOID} {NSAID}"),
        ]
    )
    prompts = doctor_prompts(report)
    assert [prompt.text for prompt in prompts] == [OPIOID, NSAID]
    assert prompts[0].entries == ("Norco", "Vicoprofen")
    assert prompts[1].entries == ("Vicoprofen",)


def test_a_phrase_inside_a_sentence_is_never_split_out():
    short = "Tell your doctor"
    report = Report(
        findings=[
            make_finding("a", read_as="a", tell=short + "."),
            make_finding("b", read_as="b", tell=f"{short} about b, today."),
        ]
    )
    assert [prompt.text for prompt in doctor_prompts(report)] == [
        "Tell your doctor.",
        "Tell your doctor about b, today.",
    ]


def test_rows_show_how_it_was_read_only_when_that_adds_something():
    rows = medicine_rows(
        Report(
            findings=[
                make_finding(
                    "Norco 10/325", read_as="Norco", ingredients=["hydrocodone", "acetaminophen"]
                ),
                make_finding("Tramadol", read_as="tramadol", ingredients=["tramadol"]),
                make_finding(
                    "oxycodon", read_as="oxycodone", ingredients=["oxycodone"], match="fuzzy"
                ),
            ]
        )
    )
    # "Norco 10/325" already says Norco: only what is in it is added.
    assert (rows[0].read_as, rows[0].ingredients) == ("", "hydrocodone + acetaminophen")
    assert (rows[1].read_as, rows[1].ingredients) == ("", "")
    assert rows[2].read_as == "oxycodone"
    assert rows[2].is_close_match


def test_a_long_typed_name_is_not_repeated_by_its_reading():
    rows = medicine_rows(
        Report(
            findings=[
                make_finding(
                    "hydrocodone bitartrate and acetaminophen 10 mg/325 mg tablets",
                    read_as="hydrocodone and acetaminophen",
                    ingredients=["hydrocodone", "acetaminophen"],
                ),
                make_finding(
                    "Vicodin", read_as="Vicodin", ingredients=["hydrocodone", "acetaminophen"]
                ),
            ]
        )
    )
    assert (rows[0].read_as, rows[0].ingredients) == ("", "")
    assert rows[1].ingredients == "hydrocodone + acetaminophen"


def test_the_plain_line_never_repeats_the_level_words():
    rows = medicine_rows(
        Report(
            findings=[
                make_finding(
                    "x",
                    severity="unknown",
                    headline="Not recognised",
                    message="Not recognised. Show it to your pharmacist.",
                ),
                make_finding(
                    "metformin",
                    read_as="metformin",
                    severity="none",
                    headline="No known interaction in our list",
                ),
                make_finding("Norco", read_as="Norco", headline="Do not take opioids with LDN"),
            ]
        )
    )
    assert rows[0].line == "Show it to your pharmacist."
    assert rows[1].line == ""  # said once under the table: the list is not complete
    assert rows[2].line == "Do not take opioids with LDN"


def test_longer_lists_are_counted_as_more_printed_lines():
    short = Report(findings=[make_finding("tramadol", read_as="tramadol", tell=OPIOID)])
    long = Report(
        findings=[
            make_finding(
                f"a long medicine name number {n}", read_as="Percocet", tell=f"{OPIOID} {n}."
            )
            for n in range(10)
        ]
    )
    lines = [printed_lines(medicine_rows(r), doctor_prompts(r)) for r in (short, long)]
    assert lines[0] == 2  # one row, one prompt
    assert lines[1] >= 30
