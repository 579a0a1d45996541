"""The checker's real knowledge base, straight from its data files (no database): for the data
check and the coverage tests. Read once per test run."""

from dataclasses import dataclass
from functools import cache

from checker.datafiles import CheckerData, read_checker_data
from checker.matching import MatchIndex, build_index
from checker.rules import Finding, GroupRule, Question, Report, SourceRef, evaluate
from clinical.datafiles import SourceRow, read_sources


@dataclass(frozen=True)
class Knowledge:
    sources: list[SourceRow]
    data: CheckerData
    index: MatchIndex
    rules: list[GroupRule]
    questions: list[Question]

    def check(self, *entries: str) -> Report:
        """The checker's report on these entries, typed together, with no question answered."""
        return evaluate(
            matches=[self.index.match(entry) for entry in entries],
            answers={},
            rules=self.rules,
            questions=self.questions,
        )

    def read(self, *entries: str) -> list[Finding]:
        """How the checker answers each entry, in the order typed."""
        return self.check(*entries).findings_as_typed

    @property
    def opioids(self) -> frozenset[str]:
        return frozenset(i.name for i in self.data.ingredients if "opioid" in i.groups)


@cache
def knowledge() -> Knowledge:
    sources = read_sources()
    data = read_checker_data(source_keys={s.key for s in sources})
    refs = {s.key: SourceRef(title=s.title, url=s.url, publisher=s.publisher) for s in sources}
    return Knowledge(
        sources=sources,
        data=data,
        index=build_index(data.name_records(), words=data.words),
        rules=data.group_rules(refs),
        questions=data.question_list(refs),
    )
