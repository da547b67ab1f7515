"""The README documents what exists: every API route, every command, every setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command

from app.cli import app as cli_app
from app.config import Settings
from app.main import create_app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _table_first_cells(heading: str) -> list[str]:
    section = README.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE)


def test_readme_api_table_lists_every_api_route_and_nothing_else():
    documented = set()
    for cell in _table_first_cells("API"):
        method, path = cell.split(" ", 1)
        documented.add((method, re.sub(r"\{[^}]+\}", "{}", path)))
    actual = {
        (method.upper(), re.sub(r"\{[^}]+\}", "{}", path))
        for path, operations in create_app().openapi()["paths"].items()
        for method in operations
    }
    assert documented == actual


def _command_words(cell: str) -> str:
    words = []
    for word in cell.split()[1:]:
        if word.startswith(("[", "-")) or word.isupper():
            break
        words.append(word)
    return " ".join(words)


def test_readme_cli_table_lists_every_command():
    documented = {_command_words(cell) for cell in _table_first_cells("Command line")}
    command = get_command(cli_app)
    actual = set()
    for name, sub in command.commands.items():
        if hasattr(sub, "commands"):
            actual |= {f"{name} {child}" for child in sub.commands}
        else:
            actual.add(name)
    assert documented == actual


@pytest.mark.parametrize("field", list(Settings.model_fields.values()), ids=list(Settings.model_fields))
def test_readme_documents_every_setting(field):
    assert f"`{field.validation_alias}`" in README


def test_readme_shows_the_two_commands():
    assert "make run" in README and "make test" in README
