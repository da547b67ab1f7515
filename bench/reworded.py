"""The development half of the real set, reworded: each rewording keeps what an article says (the same
countries, stances, figures and terms) and changes how it says it. A reader that leans on the exact
words of its examples scores lower on the reworded copy than on the original; one that reads the way
stances are said scores the same. Only the development half is reworded: the test half stays unread."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

from app.services.import_quality import Score, _facts, halves
from app.services.importer import extract


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
}


def _add(total: list[Score], scores: list[Score]) -> None:
    for t, s in zip(total, scores):
        t.true_positive += s.true_positive
        t.false_positive += s.false_positive
        t.false_negative += s.false_negative


def _scores(text: str, want: dict) -> list[Score]:
    got = {s.country: s.as_dict() for s in extract(text)}
    scores = []
    for g, w in zip(_facts(got), _facts(want)):
        score = Score()
        score.add(g, w)
        scores.append(score)
    return scores


def reworded_report(folder: Path) -> list[str]:
    """One line per rewording: how many development-half articles it changed, and the four scores
    (precision/recall) on those articles before and after."""
    import json

    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    names = halves(folder)["dev"]
    lines = [f"{'rewording':32} {'articles':>8}  {'before (countries, statuses, figures, conditions)':50}  after"]
    for label, reword in REWORDINGS.items():
        before, after = [Score() for _ in range(4)], [Score() for _ in range(4)]
        changed = 0
        for name in names:
            text = (folder / name).read_text(encoding="utf-8")
            new = reword(text)
            if new == text:
                continue
            changed += 1
            _add(before, _scores(text, expected[name]))
            _add(after, _scores(new, expected[name]))
        cells = lambda scores: " ".join(f"{s.precision:.2f}/{s.recall:.2f}" for s in scores)  # noqa: E731
        lines.append(f"{label:32} {changed:>8}  {cells(before):50}  {cells(after)}")
    return lines
