"""The one text rule: which characters no stored text may hold, whatever it came through.

Every entry point (forms, the JSON API, article import, the CLI and seed files) asks
`text_problem` or validates with `check_text`; none keeps a list of its own. A backup is
restored as exported (the change log's hashes cover its texts); `load` names the rows that
break the rule. Refused:

- C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F), except tab, line feed and
  carriage return, which multi-line text keeps;
- Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane
  (U+FFFE, U+FFFF, U+1FFFE, U+1FFFF ... U+10FFFF);
- lone surrogates (U+D800–U+DFFF), which no UTF-8 text can carry;
- bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
  can make a text read differently from what it holds.

An imported article's text is the one exception: an article is not typed by an editor, so
`strip_forbidden` removes these characters from it instead of refusing the whole article.
Output that cannot carry them (the Atom feed's XML) passes text through `strip_forbidden` too,
so rows stored before the rule never break it.
"""

from __future__ import annotations

import re
import unicodedata

_RANGES = [
    ("\x00", "\x08"), ("\x0b", "\x0c"), ("\x0e", "\x1f"), ("\x7f", "\x9f"),
    ("\ud800", "\udfff"),
    ("\u202a", "\u202e"), ("\u2066", "\u2069"),
    ("\ufdd0", "\ufdef"),
    *((chr(plane * 0x10000 + 0xFFFE), chr(plane * 0x10000 + 0xFFFF)) for plane in range(17)),
]
FORBIDDEN = re.compile("[" + "".join(f"{re.escape(a)}-{re.escape(b)}" for a, b in _RANGES) + "]")


def _kind(char: str) -> str:
    point = ord(char)
    if 0xD800 <= point <= 0xDFFF:
        return "a lone surrogate"
    if unicodedata.category(char) == "Cc":
        return "a control character"
    if 0x202A <= point <= 0x202E or 0x2066 <= point <= 0x2069:
        return "a bidirectional control character"
    return "a Unicode noncharacter"


def text_problem(text: str) -> str | None:
    """What is wrong with TEXT under the rule (naming the first offending character), or None."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    return f"contains {_kind(char)} (U+{ord(char):04X}); remove it"


def check_text(value: object) -> object:
    """A Pydantic validator (run before stripping or length checks): refuse text the rule forbids."""
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            raise ValueError(problem)
    return value


def has_words(text: str) -> bool:
    """Whether TEXT holds a word (a letter or a digit), not only spaces and punctuation: what a quote
    or an article must."""
    return any(ch.isalnum() for ch in text)


def strip_forbidden(text: str) -> str:
    """TEXT without the characters the rule forbids (for imported articles and for output)."""
    return FORBIDDEN.sub("", text)


def field_message(text: str) -> str | None:
    """A sentence for beside a form field, or None when TEXT keeps the rule."""
    problem = text_problem(text)
    return f"This text {problem}." if problem else None


def problem_in(data: object, path: str = "") -> str | None:
    """The first text inside DATA (dictionaries, lists, keys too) that breaks the rule, as
    "PATH: problem", or None; for files read whole (seed files, backups)."""
    if isinstance(data, str):
        problem = text_problem(data)
        return f"{path or 'text'}: {problem}" if problem else None
    if isinstance(data, dict):
        for key, value in data.items():
            found = problem_in(key, f"{path} (a key)") or problem_in(value, f"{path}.{key}" if path else str(key))
            if found:
                return found
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found = problem_in(value, f"{path}[{index}]")
            if found:
                return found
    return None
