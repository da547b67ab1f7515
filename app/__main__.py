"""`python -m app` is the `isf-tracker` command."""

from app.cli import main

main()
