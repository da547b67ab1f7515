"""The development half of the real set, reworded: each rewording keeps what an article says (the same
countries, stances, figures and terms) and changes how it says it. A reader that leans on the exact
words of its examples scores lower on the reworded copy than on the original; one that reads the way
stances are said scores the same. Only the development half is reworded: the test half stays unread."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

from app.services.import_quality import QualityReport, evaluate, halves
from app.services.importer import sentences


def _sub_all(pairs: list[tuple[str, str]]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        for pattern, replacement in pairs:
            text = re.sub(pattern, replacement, text)
        return text
    return apply


def _rotate(words: list[str], after: str = "") -> Callable[[str], str]:
    """Each of WORDS (where AFTER follows) replaced by the next in the list."""
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b" + after)
    return lambda text: pattern.sub(lambda m: words[(words.index(m.group(1)) + 1) % len(words)], text)


def _sentences_of(paragraph: str) -> list[str]:
    return [paragraph[span.start:span.end].strip() for span in sentences(paragraph)] or [paragraph]


TROOPS_AFTER = r"(?= (?:\d[\d,]* |up to |about |some |its |their |more |a |an )?(?:[\w-]+ )?(?:troops|soldiers|personnel|peacekeepers|forces|police))"

REWORDINGS: dict[str, Callable[[str], str]] = {
    "negations written short": _sub_all([(r"\bwill not\b", "won't"), (r"\bdoes not\b", "doesn't"), (r"\bis not\b", "isn't"),
                                         (r"\bhas not\b", "hasn't"), (r"\bwould not\b", "wouldn't"), (r"\bdo not\b", "don't"),
                                         (r"\bcannot\b", "can't")]),
    "an adverb after the auxiliary": _sub_all([(r"\b(will|would|has|have|is|are) (send|contribute|join|deploy|offer|take part|"
                                                r"participate|provide|commit|consider|decline|refuse)\b", r"\1 also \2")]),
    "verbs of sending": _rotate(["send", "deploy", "dispatch", "contribute"], TROOPS_AFTER),
    "verbs of saying": _rotate(["said", "stated", "stressed", "noted"]),
    "verbs of refusing": _rotate(["ruled out", "rejected", "dismissed"], r"(?= (?:sending|joining|participating|taking part|any|the possibility))"),
    "pledges": _rotate(["offered", "pledged", "promised"], TROOPS_AFTER),
    "British spelling": _sub_all([("stabilization", "stabilisation"), ("Stabilization", "Stabilisation"), ("authoriz", "authoris"),
                                  ("defense", "defence"), ("Defense", "Defence")]),
    "\"is going to\" for \"will\"": _sub_all([(r"\bwill (send|deploy|contribute|join|take part|participate)\b", r"is going to \1")]),
    "hard-wrapped lines": lambda text: "\n\n".join(textwrap.fill(p, 72) for p in text.split("\n") if p.strip()),
    # paragraphs cut otherwise: wire copy's one sentence to a line, and a page whose line breaks were lost
    "one sentence per line": lambda text: "\n".join(line for p in text.split("\n") if p.strip() for line in _sentences_of(p)) + "\n",
    "all in one paragraph": lambda text: " ".join(p.strip() for p in text.split("\n") if p.strip()) + "\n",
}


def reworded_report(folder: Path) -> list[str]:
    """One line per rewording: how many development-half articles it changed, and the four scores
    (precision/recall) on those articles before and after."""
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in halves(folder)["dev"]}
    lines = [f"{'rewording':32} {'articles':>8}  {'before (countries, statuses, figures, conditions)':50}  after"]
    for label, reword in REWORDINGS.items():
        changed = [name for name, text in texts.items() if reword(text) != text]
        before, after = evaluate(folder, changed), evaluate(folder, changed, reword)
        lines.append(f"{label:32} {len(changed):>8}  {_cells(before):50}  {_cells(after)}")
    return lines


def _cells(report: QualityReport) -> str:
    scores = (report.countries, report.statuses, report.numbers, report.conditions)
    return " ".join(f"{s.precision:.2f}/{s.recall:.2f}" for s in scores)
