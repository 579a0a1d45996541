"""The checker's real knowledge base, straight from its data files (no database): for the data
check and the coverage tests. Read once per test run."""

from dataclasses import dataclass
from functools import cache

from checker.datafiles import CheckerData, read_checker_data
from checker.matching import MatchIndex, build_index
from checker.rules import GroupRule, Question, SourceRef
from clinical.datafiles import SourceRow, read_sources


@dataclass(frozen=True)
class Knowledge:
    sources: list[SourceRow]
    data: CheckerData
    index: MatchIndex
    rules: list[GroupRule]
    questions: list[Question]

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
