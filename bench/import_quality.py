"""Print the article reader's precision and recall (countries, statuses, troop figures,
conditions) on the project's own labelled set, on both halves of the real set and on the made-up
development passages.

Article-by-article misses are printed for the project's set and the real development half only:
the real test half is reported as totals, so that no reader rule is written from it."""

from pathlib import Path

from app.services.import_quality import evaluate, format_report, format_total, halves
from reworded import reworded_report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
REAL = ROOT / "tests" / "fixtures" / "import-real"
MADE_UP = ROOT / "tests" / "fixtures" / "import-made-up"

if __name__ == "__main__":
    own = evaluate(FIXTURES)
    split = halves(REAL)
    dev = evaluate(REAL, split["dev"])
    test = evaluate(REAL, split["test"])
    made_up = evaluate(MADE_UP)
    print("Article import: precision/recall on the project's labelled set (tests/fixtures/import)")
    print(format_report(own))
    print()
    print("Article import: real set, development half (tests/fixtures/import-real)")
    print(format_report(dev))
    print()
    print("Article import: real set, test half (totals only)")
    print(format_report(test, details=False))
    print()
    print("Article import: made-up passages written for development (tests/fixtures/import-made-up, totals)")
    print(format_report(made_up, details=False))
    print()
    print("Article import: the development half reworded (same facts, other words; bench/reworded.py)")
    print("\n".join(reworded_report(REAL)))
    print()
    print("Summary (P/R)")
    print(format_total(own, "project set"))
    print(format_total(dev, "real set, development half"))
    print(format_total(test, "real set, test half"))
    print(format_total(made_up, "made-up development passages"))
