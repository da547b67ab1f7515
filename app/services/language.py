"""Which language an article seems to be in. The reader (importer.py) reads English only; when a
text seems to be in another language, every answer to an import says which, rather than letting
an article that finds nothing look like one that says nothing.

The identifier is py3langid's: its model ships inside the package (no download, no network) and
the same text always gets the same answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

SAMPLE = 20_000  # characters looked at: the opening of a long article tells its language
MIN_LETTERS = 20  # fewer letters than this say too little to tell
MIN_CONFIDENCE = 0.5
NOT_LANGUAGES = {"zxx", "und"}  # numbers, markup and the like; undetermined


@dataclass(frozen=True)
class Language:
    code: str | None  # ISO 639 code; None when the text is too short or too mixed to tell
    name: str | None

    @property
    def read(self) -> bool:
        """Whether the reader reads this text (English, or a text whose language cannot be told)."""
        return self.code in (None, "en")

    @property
    def message(self) -> str | None:
        if self.read:
            return None
        return (f"This article seems to be in {self.name}. Only English is read, so what it says in {self.name} "
                "about countries, troops and conditions is not found.")

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "name": self.name, "message": self.message}


UNKNOWN = Language(None, None)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_name(code: str) -> str:
    record = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    if record is None:
        return code
    return re.sub(r"\s*\(.*\)$", "", record.name)  # "Modern Greek (1453-)" -> "Modern Greek"


def detect(text: str) -> Language:
    """The language TEXT seems to be in, or UNKNOWN when that cannot be told with some confidence."""
    sample = text[:SAMPLE]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return UNKNOWN
    code, confidence = _identifier().classify(sample)
    if code in NOT_LANGUAGES or confidence < MIN_CONFIDENCE:
        return UNKNOWN
    return Language(code, language_name(code))
