"""How well the article reader does on a labelled set: precision and recall for countries,
statuses and troop figures, article by article and overall."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from app.services.importer import extract


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
    misses: list[str] = field(default_factory=list)


@dataclass
class QualityReport:
    articles: list[ArticleResult]
    countries: Score
    statuses: Score
    numbers: Score


def _facts(suggestions: dict[str, dict]) -> tuple[set, set, set]:
    countries = set(suggestions)
    statuses = {(code, s.get("status")) for code, s in suggestions.items() if s.get("status")}
    numbers = {(code, key, value) for code, s in suggestions.items() for key, value in (s.get("troops") or {}).items()
               if value is not None}
    return countries, statuses, numbers


def evaluate(folder: Path) -> QualityReport:
    """Score the reader on every article named in FOLDER/expected.json."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    total = [Score(), Score(), Score()]
    results = []
    for name, want in expected.items():
        got = {s.country: s.as_dict() for s in extract((folder / name).read_text(encoding="utf-8"))}
        scores = [Score(), Score(), Score()]
        misses = []
        for score, overall, g, w in zip(scores, total, _facts(got), _facts(want)):
            score.add(g, w)
            overall.add(g, w)
            misses += [f"missed {x}" for x in sorted(w - g, key=str)] + [f"wrong {x}" for x in sorted(g - w, key=str)]
        results.append(ArticleResult(name, *scores, misses))
    return QualityReport(results, *total)


def format_report(report: QualityReport) -> str:
    lines = [f"{'article':34} {'countries P/R':>15} {'statuses P/R':>15} {'numbers P/R':>15}"]
    for r in report.articles:
        cells = [f"{s.precision:.2f}/{s.recall:.2f}" for s in (r.countries, r.statuses, r.numbers)]
        lines.append(f"{r.name:34} {cells[0]:>15} {cells[1]:>15} {cells[2]:>15}")
        lines += [f"    {m}" for m in r.misses]
    cells = [f"{s.precision:.2f}/{s.recall:.2f}" for s in (report.countries, report.statuses, report.numbers)]
    lines.append(f"{'ALL (' + str(len(report.articles)) + ' articles)':34} {cells[0]:>15} {cells[1]:>15} {cells[2]:>15}")
    return "\n".join(lines)
