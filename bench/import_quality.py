"""Print the article reader's precision and recall over the labelled set, article by article."""

from pathlib import Path

from app.services.import_quality import evaluate, format_report

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "import"

if __name__ == "__main__":
    print("Article import: precision/recall on the labelled set (tests/fixtures/import)")
    print(format_report(evaluate(FIXTURES)))
