"""The Django side of the checker: builds the pure engine's index and rules from the database
once, keeps them until staff change drug data, and answers checks.

CONTRACT (views, the API, the checklist and the management command call only these):

    check_medicines(entries=["Norco 10/325", "ibuprofen"], answers={"alcohol": True}) -> rules.Report
    name_suggestions() -> list[str]      # for the <datalist>
    screening_questions() -> list[rules.Question]
    report_as_json(report) -> dict       # exactly DESIGN.md's JSON contract
"""
