"""How well the article reader does on a labelled set: precision and recall for countries,
statuses, troop figures and conditions, article by article and overall.

A labelled set is a folder of article texts with an `expected.json` naming each file and what
it should yield. The real set (`tests/fixtures/import-real/`) also has a `sources.json`, whose
`story` keys split it into a development half and a test half (see `half_of`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.services.importer import extract

HALVES = ("dev", "test")


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def add(self, got: set, want: set) -> None:
        self.true_positive += len(got & want)
        self.false_positive += len(got - want)
        self.false_negative += len(want - got)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0


@dataclass
class ArticleResult:
    name: str
    countries: Score
    statuses: Score
    numbers: Score
    conditions: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)


@dataclass
class QualityReport:
    articles: list[ArticleResult]
    countries: Score
    statuses: Score
    numbers: Score
    conditions: Score = field(default_factory=Score)


def _category(condition) -> str | None:
    return condition if isinstance(condition, str) else condition.get("category")


def _facts(suggestions: dict[str, dict]) -> tuple[set, set, set, set]:
    countries = set(suggestions)
    statuses = {(code, s.get("status")) for code, s in suggestions.items() if s.get("status")}
    numbers = {(code, key, value) for code, s in suggestions.items() for key, value in (s.get("troops") or {}).items()
               if value is not None}
    conditions = {(code, _category(c)) for code, s in suggestions.items() for c in (s.get("conditions") or [])}
    return countries, statuses, numbers, conditions


def half_of(story: str) -> str:
    """The half of the real set a story belongs to: 'dev' when the first hex digit of
    sha256(story) is even, else 'test'. Fixed once; never change it to move an article."""
    return "dev" if int(hashlib.sha256(story.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "test"


def halves(folder: Path) -> dict[str, list[str]]:
    """The article files of a real set, by half, from FOLDER/sources.json."""
    sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {half: [] for half in HALVES}
    for name, source in sorted(sources.items()):
        found[half_of(source["story"])].append(name)
    return found


def evaluate(folder: Path, names: list[str] | None = None, reword: Callable[[str], str] | None = None) -> QualityReport:
    """Score the reader on every article named in FOLDER/expected.json (or only on NAMES), each read as
    REWORD turns it when given (`bench/reworded.py`: the same facts in other words)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    if names is not None:
        expected = {name: expected[name] for name in names}
    total = [Score(), Score(), Score(), Score()]
    results = []
    for name, want in expected.items():
        text = (folder / name).read_text(encoding="utf-8")
        got = {s.country: s.as_dict() for s in extract(reword(text) if reword else text)}
        scores = [Score(), Score(), Score(), Score()]
        misses = []
        for score, overall, g, w in zip(scores, total, _facts(got), _facts(want)):
            score.add(g, w)
            overall.add(g, w)
            misses += [f"missed {x}" for x in sorted(w - g, key=str)] + [f"wrong {x}" for x in sorted(g - w, key=str)]
        results.append(ArticleResult(name, *scores, misses=misses))
    return QualityReport(results, *total)


def _cells(scores) -> list[str]:
    return [f"{s.precision:.2f}/{s.recall:.2f}" for s in scores]


HEADER = f"{'article':48} {'countries P/R':>14} {'statuses P/R':>14} {'numbers P/R':>14} {'conditions P/R':>15}"


def _row(label: str, cells: list[str]) -> str:
    return f"{label:48} {cells[0]:>14} {cells[1]:>14} {cells[2]:>14} {cells[3]:>15}"


def format_total(report: QualityReport, label: str = "ALL") -> str:
    """One line: the set's overall scores."""
    scores = (report.countries, report.statuses, report.numbers, report.conditions)
    return _row(f"{label} ({len(report.articles)} articles)", _cells(scores))


def format_report(report: QualityReport, details: bool = True) -> str:
    """A table of scores, article by article (with what was missed or wrong) unless DETAILS is off,
    and a last line for the whole set."""
    lines = [HEADER]
    if details:
        for r in report.articles:
            lines.append(_row(r.name, _cells((r.countries, r.statuses, r.numbers, r.conditions))))
            lines += [f"    {m}" for m in r.misses]
    lines.append(format_total(report))
    return "\n".join(lines)
