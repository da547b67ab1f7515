"""Reading a news article for stances: which countries it names, what it says each will do, with
how many troops and on what conditions — every suggestion tied to the exact words it rests on.

Rule-based, offline and deterministic: the same text always gives the same suggestions. It is a
reader's first pass, not a verdict: nothing it proposes is applied until an editor accepts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from app.countries import ALIASES, DISPLAY_NAMES, EXTRA_COUNTRIES, country_info

STATUS_RANK = {"considering": 0, "committed": 1, "conditional": 2, "declined": 3, "deployed": 4, "withdrawn": 5}

# How newsrooms name a country's people or government. Ours, for the countries most often in the news.
DEMONYMS = {
    "Afghan": "AFG", "Albanian": "ALB", "Algerian": "DZA", "American": "USA", "Argentine": "ARG", "Argentinian": "ARG",
    "Armenian": "ARM", "Australian": "AUS", "Austrian": "AUT", "Azerbaijani": "AZE", "Azeri": "AZE",
    "Bahraini": "BHR", "Bangladeshi": "BGD", "Belgian": "BEL", "Brazilian": "BRA", "British": "GBR",
    "Bulgarian": "BGR", "Cambodian": "KHM", "Canadian": "CAN", "Chadian": "TCD", "Chilean": "CHL", "Chinese": "CHN",
    "Colombian": "COL", "Croatian": "HRV", "Cypriot": "CYP", "Czech": "CZE", "Danish": "DNK", "Dutch": "NLD",
    "Egyptian": "EGY", "Emirati": "ARE", "Estonian": "EST", "Ethiopian": "ETH", "Fijian": "FJI", "Finnish": "FIN",
    "French": "FRA", "Georgian": "GEO", "German": "DEU", "Ghanaian": "GHA", "Greek": "GRC", "Hungarian": "HUN",
    "Indian": "IND", "Indonesian": "IDN", "Iranian": "IRN", "Iraqi": "IRQ", "Irish": "IRL", "Israeli": "ISR",
    "Italian": "ITA", "Japanese": "JPN", "Jordanian": "JOR", "Kazakh": "KAZ", "Kazakhstani": "KAZ", "Kenyan": "KEN",
    "Kosovar": "XKX", "Kuwaiti": "KWT", "Latvian": "LVA", "Lebanese": "LBN", "Libyan": "LBY", "Lithuanian": "LTU",
    "Malaysian": "MYS", "Maltese": "MLT", "Mexican": "MEX", "Moroccan": "MAR", "Nepalese": "NPL", "Nepali": "NPL",
    "Nigerian": "NGA", "Norwegian": "NOR", "Omani": "OMN", "Pakistani": "PAK", "Palestinian": "PSE",
    "Filipino": "PHL", "Philippine": "PHL", "Polish": "POL", "Portuguese": "PRT", "Qatari": "QAT",
    "Romanian": "ROU", "Russian": "RUS", "Rwandan": "RWA", "Saudi": "SAU", "Senegalese": "SEN", "Serbian": "SRB",
    "Singaporean": "SGP", "Slovak": "SVK", "Slovenian": "SVN", "Somali": "SOM", "South African": "ZAF",
    "South Korean": "KOR", "Spanish": "ESP", "Sri Lankan": "LKA", "Sudanese": "SDN", "Swedish": "SWE", "Swiss": "CHE",
    "Syrian": "SYR", "Thai": "THA", "Tunisian": "TUN", "Turkish": "TUR", "Ugandan": "UGA", "Ukrainian": "UKR",
    "Uruguayan": "URY", "Uzbek": "UZB", "Vietnamese": "VNM", "Yemeni": "YEM", "Zambian": "ZMB",
}

# Capitals stand for their governments in news copy ("Jakarta said ..."). Ours, for the usual cast.
CAPITALS = {
    "Abu Dhabi": "ARE", "Amman": "JOR", "Ankara": "TUR", "Baku": "AZE", "Beijing": "CHN", "Berlin": "DEU",
    "Cairo": "EGY", "Dhaka": "BGD", "Doha": "QAT", "Islamabad": "PAK", "Jakarta": "IDN", "Kuala Lumpur": "MYS",
    "London": "GBR", "Moscow": "RUS", "Nur-Sultan": "KAZ", "Astana": "KAZ", "Ottawa": "CAN", "Paris": "FRA",
    "Rabat": "MAR", "Riyadh": "SAU", "Rome": "ITA", "Tehran": "IRN", "Tokyo": "JPN", "Washington": "USA",
    "Canberra": "AUS", "Madrid": "ESP", "Athens": "GRC", "Oslo": "NOR", "Kyiv": "UKR", "New Delhi": "IND",
    "Manama": "BHR", "Muscat": "OMN", "Kuwait City": "KWT", "Baghdad": "IRQ", "Beirut": "LBN", "Damascus": "SYR",
    "Tashkent": "UZB", "Kigali": "RWA", "Dakar": "SEN", "Nairobi": "KEN", "Abuja": "NGA", "Brasilia": "BRA",
}

# Short forms written in capitals or with a leading "the"; matched case-sensitively.
SHORT_FORMS = {"UAE": "ARE", "US": "USA", "U.S.": "USA", "USA": "USA", "UK": "GBR", "U.K.": "GBR", "Britain": "GBR",
               "Great Britain": "GBR", "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR", "Emirates": "ARE",
               "United Arab Emirates": "ARE", "Holland": "NLD", "Ivory Coast": "CIV", "Czechia": "CZE"}


# ---- sentences ------------------------------------------------------------------------------------

ABBREVIATIONS = {"U.S", "U.N", "U.K", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Maj", "Sgt", "No", "vs", "e.g",
                 "i.e", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Co",
                 "Prof", "Gov", "Sen", "Rep", "approx", "etc"}
OPEN_QUOTES, CLOSE_QUOTES = "“‘«", "”’»"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    paragraph: int


def sentences(text: str) -> list[Span]:
    """Sentence spans, never splitting inside a quotation or after an abbreviation like "U.S."."""
    spans: list[Span] = []
    paragraph = 0
    start = None
    depth = 0
    straight_open = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if start is not None and text[start:i].strip():
                spans.append(Span(start, i, paragraph))
            start = None
            depth = 0
            straight_open = False
            paragraph += 1
            i += 1
            continue
        if start is None:
            if ch.isspace():
                i += 1
                continue
            start = i
        if ch in OPEN_QUOTES and ch != "’":
            depth += 1
        elif ch == "”" or ch == "»":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
        if ch in ".!?" and depth == 0 and not straight_open:
            j = i + 1
            while j < n and text[j] in CLOSE_QUOTES + '"':
                j += 1
            word = re.search(r"([\w.]+)$", text[start:i])
            abbreviation = word is not None and word.group(1) in ABBREVIATIONS
            if (j >= n or text[j].isspace()) and not abbreviation:
                following = text[j:].lstrip(" \t")
                if not following or following[0] == "\n" or following[0].isupper() or following[0] in OPEN_QUOTES + '"' or following[0].isdigit():
                    spans.append(Span(start, j, paragraph))
                    start = None
                    i = j
                    continue
        i += 1
    if start is not None and text[start:].strip():
        spans.append(Span(start, len(text.rstrip()), paragraph))
    return spans


# ---- country mentions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int
    surface: str
    kind: str  # "name", "capital" or "demonym"

    @property
    def is_demonym(self) -> bool:
        return self.kind == "demonym"


@lru_cache(maxsize=1)
def _mention_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    forms: dict[str, str] = {}
    for record in pycountry.countries:
        for name in (record.name, getattr(record, "common_name", None), getattr(record, "official_name", None)):
            if name and "," not in name and "(" not in name:
                forms.setdefault(name, record.alpha_3)
    for code, name in DISPLAY_NAMES.items():
        forms[name] = code
    for code, info in EXTRA_COUNTRIES.items():
        forms[info.name] = code
    for alias, code in ALIASES.items():
        if alias[:1].isalpha() and " " in alias and not alias.startswith("the "):
            forms.setdefault(alias.title(), code)
    forms.update(SHORT_FORMS)
    kinds = {form: (code, "name") for form, code in forms.items()}
    kinds.update({form: (code, "capital") for form, code in CAPITALS.items()})
    kinds.update({form: (code, "demonym") for form, code in DEMONYMS.items()})
    ordered = sorted(kinds, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w])")
    return pattern, kinds


def mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Countries named in TEXT[start:end], by name, alias or demonym (case-sensitive: names are capitalised)."""
    pattern, kinds = _mention_pattern()
    found = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        code, kind = kinds[m.group(0)]
        found.append(Mention(code, m.start(), m.end(), m.group(0), kind))
    return found


# ---- cues -----------------------------------------------------------------------------------------

NOT_SEND = r"(?:send|contribute|join|take part|participate|deploy|commit)"
SUBJECT_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("withdrawn", re.compile(r"\b(?:withdrew|has withdrawn|have withdrawn|is withdrawing|pulled out|pulls out|will pull out)\b")),
    ("deployed", re.compile(r"\b(?:has|have|had) deployed\b|\bdeployed (?:its|their|some|about|around|\d)|\b(?:troops|soldiers|forces|contingent) (?:have |has |had )?(?:arrived|landed)\b|\bare (?:already )?on the ground\b")),
    ("declined", re.compile(r"\b(?:will|would|does|do|did|shall|could) not " + NOT_SEND + r"\b|\b(?:won[’']t|wouldn[’']t|doesn[’']t|don[’']t|didn[’']t) " + NOT_SEND + r"\b"
                            r"|\brul(?:ed|es|ing) out\b|\bdeclin(?:ed|es)\b(?! to (?:comment|say|give|elaborate|discuss|confirm|specify|answer))|\brefused to\b(?! (?:comment|say|confirm))|\brefuses to\b|\brejected (?:the|a|an|calls|requests|any)\b"
                            r"|\b(?:has|had) [“\"‘']?no (?:plans|intention)|\b[“\"‘']?no plans[”\"’']? to\b")),
    ("conditional", re.compile(r"\bonly (?:if|once|when|after|under)\b|\bonly (?:[\w’']+ ){1,6}(?:if|once|when|after|under)\b|\bunless\b|\bprovided that\b|\bon (?:the )?condition that\b|\bas long as\b|\bsubject to\b"
                               r"|\brequires? (?:the )?approval\b|\bwould require\b|\bwill require\b|\bconditional on\b|\bcontingent on\b|\bdepend(?:s|ing)? on\b|\bneeds? (?:the )?approval\b"
                               r"|\b(?:wants|requires|needs|insists on|insisted on|demands|demanded) (?:a |an |the )?(?:clear |formal |binding |full |lasting )?(?=U\.?N\.?\b|United Nations|Security Council|parliament|ceasefire|truce|mandate)"
                               r"|\b(?=(?:a |the )?(?:lasting |full |permanent )?(?:ceasefire|cease-fire|truce|UN mandate|mandate|peace deal|parliamentary approval) (?:must|has to|needs to|should) )")),
    ("committed", re.compile(r"\b(?:has|have|had) (?:pledged|committed)\b|\bpledged\b|\bpledges\b|\bcommitted to (?:send|sending|contribut|deploy)|\bwill send\b|\bwill contribute\b|\bwill deploy\b"
                             r"|\bagreed to (?:send|contribute|deploy|join)\b|\b(?:is|are) (?:prepared|ready|willing) to (?:send|contribute|deploy|provide)\b|\b(?:has |have )?offered\b|\boffers\b|\bhas promised\b|\bpromised to (?:send|contribute)\b|\bconfirmed (?:it|they) would send\b")),
    ("considering", re.compile(r"\bin talks\b|\b(?:is|are) (?:still |now |also )?considering\b|\bconsidering (?:a|an|whether|sending|joining|contribut)|\bweighing\b|\bis exploring\b|\bopen to\b|\bhas not (?:yet )?decided\b|\bundecided\b"
                               r"|\b(?:been|was|were|is|are|being) (?:approached|asked|invited|courted|sounded out)\b|\breviewing (?:a|the) request\b")),
]
# Verbs whose agent approaches others: the countries after them are the ones being asked.
OBJECT_CUES = re.compile(r"\b(?:approached|engaging with|engaged with|has asked|have asked|asked|invited|courting|sounding out|reached out to|urged)\b")
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|is|are|being)\s+$")
RELATIVE_CLAUSE = re.compile(r", (?:which|who) [^,]*,")

CATEGORY_WORDS = [
    ("disarmament", re.compile(r"disarm|demilitari|weapons", re.I)),
    ("mandate", re.compile(r"\bU\.?N\.?\b|United Nations|Security Council|mandate|resolution|legal basis|international law", re.I)),
    ("domestic_approval", re.compile(r"parliament|congress|senate|legislat|national assembly|majlis|ratif|referendum|cabinet", re.I)),
    ("ceasefire", re.compile(r"cease-?fire|truce|hostilities|fighting|military action|armistice|cessation|violence|war ends", re.I)),
    ("party_consent", re.compile(r"consent|invitation|invited by|agreement of|accepted by|both sides|the parties", re.I)),
    ("command", re.compile(r"command|under the flag|chain of", re.I)),
    ("funding", re.compile(r"fund|financ|cost|paid|budget", re.I)),
]

NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)"
UNITS = r"(?:more |additional |extra )?(?:troops|soldiers|personnel|peacekeepers|police officers|policemen|police|officers|engineers|medics|military personnel|service members|servicemembers|marines|paratroopers)"
RANGE = re.compile(r"between " + NUMBER + r" and " + NUMBER + r"(?: " + UNITS + r")?|" + NUMBER + r" ?(?:to|-|–) ?" + NUMBER + r" " + UNITS)
UP_TO = re.compile(r"(?:up to|as many as|no more than|a maximum of) " + NUMBER + r"(?: " + UNITS + r")?")
SINGLE = re.compile(NUMBER + r" (?:[a-z-]+ ){0,2}" + UNITS)


def category_of(text: str) -> str:
    for category, words in CATEGORY_WORDS:
        if words.search(text):
            return category
    return "other"


# ---- suggestions ----------------------------------------------------------------------------------


@dataclass
class ConditionSuggestion:
    text: str
    category: str
    evidence: list[str] = field(default_factory=list)


@dataclass
class Suggestion:
    """What the article says about one country; every field rests on `evidence`."""

    country: str
    country_name: str
    status: str | None = None
    troops: dict[str, int | None] = field(default_factory=lambda: {"offered_min": None, "offered_max": None,
                                                                     "committed": None, "deployed": None})
    conditions: list[ConditionSuggestion] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def add_evidence(self, passage: str) -> None:
        if passage and passage not in self.evidence:
            self.evidence.append(passage)

    def as_dict(self) -> dict:
        return {
            "country": self.country,
            "country_name": self.country_name,
            "status": self.status,
            "troops": dict(self.troops),
            "conditions": [{"text": c.text, "category": c.category, "evidence": list(c.evidence)} for c in self.conditions],
            "evidence": list(self.evidence),
        }


def _clause_after(text: str, start: int, end: int) -> tuple[int, int]:
    """The condition that follows a cue: up to the end of its clause."""
    stop = end
    for mark in (",", ";", "”", '"', ":", " the official", " officials said", " he said", " she said"):
        k = text.find(mark, start, end)
        if k != -1:
            stop = min(stop, k)
    while stop > start and text[stop - 1] in " .!?":
        stop -= 1
    return start, stop


def _number(raw: str) -> int:
    return int(raw.replace(",", ""))


def _troops(sentence: str, status: str) -> dict[str, int]:
    if (m := RANGE.search(sentence)) is not None:
        low, high = [g for g in m.groups() if g][:2]
        return {"offered_min": _number(low), "offered_max": _number(high)}
    if (m := UP_TO.search(sentence)) is not None:
        return {"offered_max": _number(m.group(1))}
    if (m := SINGLE.search(sentence)) is not None:
        value = _number(m.group(1))
        if status == "deployed":
            return {"deployed": value}
        if status == "committed":
            return {"committed": value}
        if status in ("conditional", "considering"):
            return {"offered_min": value, "offered_max": value}
    return {}


def _subjects_before(text: str, named: list[Mention], cue_start: int, together: bool) -> list[str]:
    """Who a verb at CUE_START is about: the nearest country named before it — by name or capital
    rather than by a demonym, which is usually an adjective ("Palestinian police") — or, for a
    list joined by "and"/commas right before the verb, all of them."""
    before = [x for x in named if x.end <= cue_start]
    proper = [x for x in before if not x.is_demonym] or before
    if not proper:
        return []
    if together and len(proper) > 1:
        run = [proper[-1]]
        for previous in reversed(proper[:-1]):
            gap = text[previous.end:run[0].start]
            if re.fullmatch(r"(?:’s|'s)?\s*(?:,|and|, and|&)\s*(?:the\s+)?", gap):
                run.insert(0, previous)
            else:
                break
        return list(dict.fromkeys(x.code for x in run))
    return [proper[-1].code]


def extract(text: str) -> list[Suggestion]:
    """Suggestions for every country the article gives a stance, troops or conditions to."""
    found: dict[str, Suggestion] = {}
    context: str | None = None
    last_paragraph = -1

    def suggestion(code: str) -> Suggestion:
        if code not in found:
            info = country_info(code)
            found[code] = Suggestion(code, info.name if info else code)
        return found[code]

    for span in sentences(text):
        if span.paragraph != last_paragraph:
            # A new paragraph may be about someone else: "it" and "the official" start over.
            last_paragraph = span.paragraph
            context = None
        sentence = text[span.start:span.end]
        named = mentions(text, span.start, span.end)
        given: dict[str, tuple[str, int]] = {}  # country -> (status, cue position)
        # ", which has deployed peacekeepers elsewhere," is background, not the stance.
        asides = [(m.start(), m.end()) for m in RELATIVE_CLAUSE.finditer(text, span.start, span.end)]

        for status, cue in SUBJECT_CUES:
            for m in cue.finditer(text, span.start, span.end):
                if any(a <= m.start() < b for a, b in asides):
                    continue
                subjects = _subjects_before(text, named, m.start(), together=True)
                if not subjects:
                    subjects = [context] if context else []
                for code in subjects:
                    old = given.get(code)
                    if old is None or STATUS_RANK[status] > STATUS_RANK[old[0]] and old[0] != "conditional" \
                            or (status == "conditional" and old[0] == "declined"):
                        # "will not send ... unless ..." is a condition, not a refusal.
                        given[code] = (status, m.start())
                if status == "conditional":
                    for code in subjects:
                        cue_text = m.group(0)
                        begin = m.start() + cue_text.find("approval") if "approval" in cue_text else m.end()
                        while begin < span.end and text[begin] == " ":
                            begin += 1
                        c_start, c_end = _clause_after(text, begin, span.end)
                        clause = text[c_start:c_end]
                        if len(clause) < 4:
                            continue
                        category = category_of(clause)
                        if category == "other":
                            category = category_of(sentence)
                        target = suggestion(code)
                        existing = next((c for c in target.conditions if c.category == category), None)
                        if existing is None:
                            target.conditions.append(ConditionSuggestion(clause, category, [clause]))
                        elif clause not in existing.evidence:
                            existing.evidence.append(clause)
        for m in OBJECT_CUES.finditer(text, span.start, span.end):
            if not m.group(0).split()[0].endswith("ing") and PASSIVE_BEFORE.search(text, span.start, m.start()):
                continue  # "was approached by American officials": the subject is the one asked
            after = [x.code for x in named if x.start >= m.end() and not x.is_demonym]
            for code in dict.fromkeys(after):
                given.setdefault(code, ("considering", m.start()))

        for code, (status, _) in given.items():
            target = suggestion(code)
            if target.status is None or STATUS_RANK[status] > STATUS_RANK[target.status]:
                target.status = status
            target.add_evidence(sentence)
            for key, value in _troops(sentence, status).items():
                if target.troops.get(key) is None and len(given) == 1:
                    target.troops[key] = value
        subjects_here = [code for code in given if given[code][0] != "considering"]
        distinct = list(dict.fromkeys(x.code for x in named))
        if len(subjects_here) == 1:
            context = subjects_here[0]
        elif len(distinct) == 1:
            context = distinct[0]
        elif len(distinct) > 1:
            context = None

    ordered = sorted(found.values(), key=lambda s: s.country)
    return [s for s in ordered if s.status is not None or s.conditions]
