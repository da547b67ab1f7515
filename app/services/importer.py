"""Reading a news article for stances: which countries it names, what it says each will do, with
how many troops and on what conditions — every suggestion tied to the exact words it rests on.

Rule-based, offline and deterministic: the same text always gives the same suggestions. It is a
reader's first pass, not a verdict: nothing it proposes is applied until an editor accepts it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import pycountry

from app.countries import ALIASES, CAPITALS, DEMONYMS, DISPLAY_NAMES, EXTRA_COUNTRIES, REGIONS, country_info

STATUS_RANK = {"considering": 0, "committed": 1, "conditional": 2, "declined": 3, "deployed": 4, "withdrawn": 5}


# Institutions that stand for their country in news copy: its armed forces and seats of government by
# their own names. The US ones matter most: "The Pentagon will send 200 troops ..." is the sponsor's
# statement, never the stance of the country last spoken of.
INSTITUTIONS = {
    "Pentagon": "USA", "State Department": "USA", "White House": "USA", "Trump administration": "USA",
    "TNI": "IDN", "ISPR": "PAK", "Bundeswehr": "DEU", "Carabinieri": "ITA", "Kremlin": "RUS", "Élysée": "FRA",
    "Elysee": "FRA", "Downing Street": "GBR", "Whitehall": "GBR", "IDF": "ISR", "Knesset": "ISR",
    # parliaments whose names belong to one country ("The Bundestag would have to approve any deployment")
    "Bundestag": "DEU", "Sejm": "POL", "Grand National Assembly": "TUR", "Storting": "NOR", "Riksdag": "SWE",
    "Folketing": "DNK", "Verkhovna Rada": "UKR", "Lok Sabha": "IND", "Jatiya Sangsad": "BGD",
    # armed forces known by a name of their own ("Self-Defense Forces personnel will not be deployed")
    "Self-Defense Forces": "JPN", "Self-Defence Forces": "JPN", "Bundesheer": "AUT", "Mehmetçik": "TUR",
    "Garuda Contingent": "IDN", "Kopassus": "IDN", "Guardia Civil": "ESP", "Congress of Deputies": "ESP",
}


# Short forms written in capitals or with a leading "the"; matched case-sensitively.
SHORT_FORMS = {"UAE": "ARE", "U.A.E.": "ARE", "KSA": "SAU", "US": "USA", "U.S.": "USA", "USA": "USA", "UK": "GBR", "U.K.": "GBR", "Britain": "GBR",
               "Great Britain": "GBR", "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR", "Emirates": "ARE",
               "United Arab Emirates": "ARE", "Holland": "NLD", "Ivory Coast": "CIV", "Czechia": "CZE",
               "Bosnia": "BIH", "Brunei": "BRN", "East Timor": "TLS", "Côte d’Ivoire": "CIV",
               "DR Congo": "COD", "DRC": "COD", "Democratic Republic of Congo": "COD", "Democratic Republic of the Congo": "COD",
               "Congo-Kinshasa": "COD", "Republic of Korea": "KOR", "Burma": "MMR", "Macedonia": "MKD", "Cape Verde": "CPV",
               # a people named in the plural stands for its government in news copy: "The Saudis have made clear ..."
               "Saudis": "SAU", "Emiratis": "ARE", "Qataris": "QAT", "Bahrainis": "BHR", "Kuwaitis": "KWT", "Omanis": "OMN",
               "Jordanians": "JOR", "Egyptians": "EGY", "Moroccans": "MAR", "Turks": "TUR", "Azerbaijanis": "AZE", "Azeris": "AZE",
               "Kazakhs": "KAZ", "Pakistanis": "PAK", "Indonesians": "IDN", "Malaysians": "MYS", "Bangladeshis": "BGD"}
# Seats of government other than the capital the country tables give, read as capitals ("Putrajaya said ...").
SEATS_OF_GOVERNMENT = {"Putrajaya": "MYS", "The Hague": "NLD"}


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


def _sentence_follows(text: str, at: int, digits: bool = True) -> bool:
    """Whether what follows AT, past spaces, opens a new sentence: nothing, a line break, a capital, a
    quotation mark or (when DIGITS) a figure."""
    following = text[at:].lstrip(" \t")
    return not following or following[0] == "\n" or following[0].isupper() or following[0] in OPEN_QUOTES + '"' \
        or (digits and following[0].isdigit())


def _ends_sentence(text: str, start: int, quote: int) -> bool:
    """Whether the closing quotation mark at QUOTE ends a sentence: a full stop, question or exclamation
    mark right before it, and a new sentence after it ("... suits us.” In an interview, ...")."""
    return quote > start and text[quote - 1] in ".!?" and quote + 1 < len(text) and text[quote + 1] in " \t\n" \
        and _sentence_follows(text, quote + 1, digits=False)


def sentences(text: str) -> list[Span]:
    """Sentence spans, never splitting inside a quotation or after an abbreviation like "U.S."."""
    spans: list[Span] = []
    paragraph = 0
    start = None
    depth = 0
    singles = 0  # how many of the quotations open were opened by ‘
    straight_open = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if start is not None and text[start:i].strip():
                spans.append(Span(start, i, paragraph))
            start = None
            depth = singles = 0
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
            before = text[start:i].rstrip()
            if depth and before and before[-1] in ".!?" and before != text[start:i]:
                # a quotation opened while one is still open after a full stop: the earlier one ran on
                # unclosed (a quote that goes on in the next paragraph), and this is a new sentence
                spans.append(Span(start, start + len(before), paragraph))
                start, depth, singles, straight_open = i, 0, 0, False
            depth += 1
            singles += ch == "‘"
        elif ch in "”»\"" or (ch == "’" and singles and not text[i + 1:i + 2].isalpha()):
            # (’ closes a ‘ only where it is no apostrophe: "‘Naya Pakistan’," but not "Pakistan’s")
            # (pages mix their marks: a quotation opened with " may close with ” and one opened with “ close with ")
            closes_curly = depth > singles and i > 0 and not text[i - 1].isspace() and (i + 1 >= n or text[i + 1] in " \n,.;:!?)")
            if ch == '"' and (straight_open or not closes_curly):
                straight_open = not straight_open
            elif ch in "”»" and depth == 0 and straight_open:
                straight_open = False
            else:
                depth = max(0, depth - 1)
                singles = min(singles - (ch == "’"), depth)
            if depth == 0 and not straight_open and _ends_sentence(text, start, i):
                spans.append(Span(start, i + 1, paragraph))
                start = None
                i += 1
                continue
        if ch in ".!?" and depth == 0 and not straight_open:
            j = i + 1
            while j < n and text[j] in CLOSE_QUOTES + '"':
                j += 1
            word = re.search(r"([\w.]+)$", text[start:i])
            abbreviation = word is not None and word.group(1) in ABBREVIATIONS
            if (j >= n or text[j].isspace()) and not abbreviation:
                if _sentence_follows(text, j):
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
    kind: str  # "name", "capital", "demonym", "person" or "party" (a party named after its country: never a subject)

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
    kinds.update({form: (code, "capital") for form, code in SEATS_OF_GOVERNMENT.items()})
    kinds.update({form: (code, "name") for form, code in INSTITUTIONS.items()})
    kinds.update({form: (code, "demonym") for form, code in DEMONYMS.items()})
    # The same names as often typed: without accents ("Cote d'Ivoire", "Turkiye") and with either apostrophe.
    for form, kind in list(kinds.items()):
        plain = "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))
        for variant in {plain, form.replace("'", "’"), form.replace("’", "'"), plain.replace("'", "’"), plain.replace("’", "'")}:
            kinds.setdefault(variant, kind)
    ordered = sorted(kinds, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w])")
    return pattern, kinds


# A country's name opening the name of a party or movement ("the Bangladesh Nationalist Party", "Pakistan
# Tehreek-e-Insaf", "the Indonesian Democratic Party of Struggle") names that party, not the country.
PARTY_AFTER = re.compile(r" (?:[A-Z][\w’'-]* ){0,3}?(?:(?:Nationalist |Democratic |Socialist |Islamic |People’s |People's )?"
                         r"(?:Party|League|Front|Movement)\b|Jamaat[\w-]*|Tehreek[\w-]*)")


CURRENCY_AFTER = re.compile(r" (?:dollars?|cents)\b")


def mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Countries named in TEXT[start:end], by name, alias or demonym (case-sensitive: names are capitalised)."""
    pattern, kinds = _mention_pattern()
    found = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        code, kind = kinds[m.group(0)]
        if CURRENCY_AFTER.match(text, m.end()):
            continue  # "100 million US dollars", "Singapore dollars": money, not the country
        if PARTY_AFTER.match(text, m.end()):
            kind = "party"
        found.append(Mention(code, m.start(), m.end(), m.group(0), kind))
    return found


# ---- cues -----------------------------------------------------------------------------------------

NOT_SEND = (r"(?:send|dispatch|contribute|join|take part|participate|deploy|commit|provide troops|be part|be (?:[a-z]+ly )?involved|get involved"
            # "its troops will not enter Gaza", "will not set foot in the Strip"
            r"|enter (?:the )?(?:Gaza(?: Strip)?|Strip|enclave)|go (?:in)?to Gaza|set foot in (?:the )?(?:Gaza(?: Strip)?|Strip|enclave)"
            # "put soldiers on the ground", "put any boots on the ground"
            r"|put (?:any )?(?:of (?:its|their) )?(?:its |their )?(?:own )?(?:[\w-]+ )?(?:troops|soldiers|boots|forces|personnel) (?:on the ground|(?:in|inside|into) (?:the )?(?:Gaza(?: Strip)?|Strip|enclave))"
            r"|be (?:sending|contributing|deploying|joining|participating|taking part|committing)"
            r"|sending|dispatching|contributing|deploying|joining|participating|taking part)")
# A refusal limited to a task ("will not take part in combat") limits the role; it is not a refusal to join.
TASKS = (r"(?:combat|fighting|hostilities|disarm\w*|peace-?enforc\w*|the disarmament|demilitari\w*|confrontation|offensive|enforc\w*|policing|"
         r"operations against|direct confrontation|any fighting|clashes|raids|war)")
NOT_A_TASK = (r"(?! (?:\w+ ){0,3}?(?:in|with|on) (?:any )?" + TASKS
              # the task as the object: "will not join any disarmament process", "will not join the fighting"
              + r"| (?:any |an |a |the )?(?:[\w-]+ )?" + TASKS + r"\b(?! (?:troops|soldiers|forces|units|personnel))"
              # "will not be part of any effort to disarm", "will not join operations aimed at fighting"
              # (or of a force given the task: "will not be part of any force tasked with disarming Hamas")
              + r"| (?:[\w-]+ ){0,3}?(?:(?:of|in|for) )?(?:any |an |a |the )?(?:effort|efforts|mission|missions|operations?|attempt|plan|task|role|force)s?"
                r"(?:,? (?:such as|like|including|namely|notably))? (?:[\w-]+ ){0,2}?(?:to |at |of |in |with )?" + TASKS
              # "would not deploy troops to disarm Hamas", "will not go there to fight"
              + r"| (?:[\w-]+ ){0,3}?to (?:go and )?(?:fight|disarm|de-?weaponi[sz]e|demilitari[sz]e|enforce|confront|police|combat|battle|dismantle)\b"
              # "will not be deployed to carry out combat or disarmament operations"
              + r"| (?:[\w-]+ ){0,3}?to (?:carry out|conduct|undertake|engage in|perform|take on) (?:any )?(?:[\w-]+ ){0,2}?" + TASKS + r")")
# A refusal of combat troops only: "will not send combat troops", "ruled out sending any combat forces".
COMBAT_TROOPS = r"\b(?:combat|fighting|front-?line) (?:troops|soldiers|forces|units|personnel)\b"
COMBAT_ONLY = re.compile(r"[^.;,]{0,50}?(?:" + COMBAT_TROOPS + r"|\b(?:combat|fighting|front-?line) role\b)")
# "if asked", "if needed": willingness, not a term.
NOT_A_REQUEST = (r"(?! (?:asked|requested|needed|necessary|invited|called upon|required)\b"
                 # "if a request comes, the government will consider it": a request awaited, no term
                 r"| (?:a |an |the )?(?:formal |official )?(?:request|invitation) (?:comes|arrives|is (?:made|received|sent))\b"
                 # "if the United States asks": the sponsor's request, no term
                 r"| (?:the )?(?:United States|U\.S\.|US|Washington|Americans|Trump|President Trump) (?:asks|asked|requests|requested|invites|invited|wants)\b)")
ADVERB = r"(?:[a-z]+ly |yet |now |still |ever |rather |really )?"
# What a decision or an exploration must be about to be a stance: the force or a part in it, not a budget or markets.
ABOUT_JOINING_AHEAD = (r"(?=[^.;]{0,80}?\b(?:role|participat\w*|join\w*|contribut\w*|send\w*|deploy\w*|dispatch\w*|troops|soldiers|peacekeep\w*|forces?|ISF|mission|involvement)\b"
                       r"| in this regard\b| on the matter\b)")
SUBJECT_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("withdrawn", re.compile(r"\b(?:withdrew|(?:has|have) (?:since |now )?withdrawn|is withdrawing|pulled out|pulls out|will pull out)\b"
                             r"|\b(?:has|have|had) (?:since |now |quietly |formally )?(?:pulled|withdrawn|retracted|rescinded) (?:its|their) (?:offer|pledge|commitment)"
                             # "backtracked on its offer" (backing away from an interest only is no withdrawal of troops)
                             r"|\b(?:backtracked|backtracks|backed away|backs away|walked back|walks back|reneged|reneges) (?:on|from) (?:its|their) (?:[\w-]+ )?(?:offer|pledge|commitment|promise)\b")),
    ("deployed", re.compile(r"\b(?:has|have|had) deployed\b|\bdeployed (?:its|their|some|about|around|\d)|\b(?:troops|soldiers|forces|contingent|personnel|peacekeepers) (?:have |has |had )?(?:arrived|landed|(?:reached|entered|crossed into) (?:the )?Gaza)\b|\bare (?:already )?on the ground\b")),
    ("declined", re.compile(r"\b(?:will|would|does|do|did|shall|could|is|are) " + ADVERB + r"not " + ADVERB + r"(?:be )?" + NOT_SEND + r"\b" + NOT_A_TASK
                            + r"|\b(?:won[’']t|wouldn[’']t|doesn[’']t|don[’']t|didn[’']t|isn[’']t|aren[’']t) " + ADVERB + NOT_SEND + r"\b" + NOT_A_TASK
                            + r"|\b(?:is|are|was|were) (?:not |un)?(?:likely|expected|going|planning) to (?:stay out|stay away|keep out)\b"
                            r"|\b(?:is|are|was|were) " + ADVERB + r"unlikely to (?:" + NOT_SEND + r")\b" + NOT_A_TASK
                            + r"|\b(?:is|are|was|were) not " + ADVERB + r"(?:planning|going|expected|prepared|willing|ready|about) (?:yet )?to (?:" + NOT_SEND + r")\b" + NOT_A_TASK
                            + r"|\b(?:does|do|did) not " + ADVERB + r"(?:plan|intend|want|wish|expect) to (?:" + NOT_SEND + r")\b" + NOT_A_TASK
                            + r"|\b(?:does|do|did) not (?:expect|foresee|envisage) (?:that )?(?:[\w’'-]+ ){0,4}?(?:will|would) " + ADVERB + r"(?:" + NOT_SEND + r")\b" + NOT_A_TASK
                            + r"|\b(?:would|will|to) " + ADVERB + r"(?:stay|keep) out\b|\bsit (?:it )?out\b"
                            r"|\b(?:will|would|shall) (?:provide|send|contribute|deploy|commit|offer) no (?:troops|soldiers|forces|personnel|units|peacekeepers|contingent)\b"
                            r"|\b(?:will|would|wants?|shall) (?:take|play|have) no (?:part|role)\b(?= (?:in|on) (?:the |a |any |such )?(?:[\w-]+ ){0,2}(?:force|mission|ISF|operation|deployment|contingent)\b|[ ,.]*$|[,.;])"
                            r"|\b[Nn]o (?:[\w-]+ ){0,3}(?:troops|soldiers|units|forces|personnel|participation|involvement|contingent|boots|peacekeepers)\b(?: [\w-]+){0,5}? (?:will|would|is|are|shall) (?:be )?(?:sent|deployed|envisaged|forthcoming|planned|contributed|dispatched)\b"
                            # the troops as subject, active: "no Canadian soldiers would take part in the force"
                            r"|\b[Nn]o (?:[\w-]+ ){0,3}(?:troops|soldiers?|units|forces|personnel|contingent|peacekeepers?|servicem[ae]n)\b(?: [\w-]+){0,3}? (?:will|would|shall|are going to) "
                            r"(?:join|take part|participate|serve|be part|be involved|go|set foot (?:in|on))\b"
                            r"|\bexclud(?:es|ed|ing) any (?:[\w-]+ )?(?:participation|involvement|deployment)\b|\bdecided against (?:participating|joining|sending|taking part|deploying)\b"
                            r"|\brul(?:ed|es|ing) (?:(?:it|that|this) )?out\b|\bdeclin(?:ed|es)\b(?! to (?:comment|say|give|elaborate|discuss|confirm|specify|answer|rule out|exclude|be (?:named|identified|quoted)))(?! (?:every |all |repeated |several |many |our |the |an? )?(?:invitations?|requests?|calls?) (?:to|for) comment)|\brefused to\b(?! (?:comment|say|confirm|rule out|exclude|be (?:named|identified|quoted)))|\brefuses to\b(?! (?:rule out|exclude))|\brejected (?:the|a|an|calls|requests|any)\b"
                            # "rejected sending troops", "dismissed participating in the force"
                            r"|\b(?:rejected|rejects|rejecting|dismissed|dismisses) (?:the idea of |the notion of )?(?:sending|joining|participating|contributing|deploying|dispatching|taking part)\b"
                            r"|\b(?:has|have|had) [“\"‘']?no (?:such )?(?:plans?|intentions?)|\b[“\"‘']?no plans[”\"’']? to\b"
                            # no way to send them: "has no legal basis to dispatch troops"
                            r"|\b(?:has|have|had) no (?:legal |constitutional )?(?:basis|authority|means|capacity|way) to (?:send|dispatch|deploy|contribute)\b"
                            # "wants no part in the force" (no part in a task is a role limit: NOT_A_TASK's)
                            r"|\b(?:wants?|wanted|seeks?|sought) no (?:part|role|place) in (?:the |any )?(?:[\w-]+ )?(?:force|ISF|mission)\b"
                            # other help, "but not" troops: "would fund reconstruction but not send soldiers"
                            r"|\bbut not (?:to )?(?:send|deploy|contribute|commit|provide|dispatch) (?:any )?(?:of (?:its|their) )?(?:own )?(?:troops|soldiers|forces|personnel|peacekeepers|boots)\b")),
    ("conditional", re.compile(r"\bonly (?:if|once|when|after|under|within|with|as part of)\b|\bonly (?:[\w’']+ ){1,9}?(?:if|once|when|after|under)\b|\bunless\b|\bprovided that\b|\b(?:on|with|under) (?:the )?(?:condition|proviso|understanding|stipulation) that\b|\bas long as\b|\bsubject to\b"
                               r"|\brequires? (?:the )?(?:approval|consent)\b|\bwould require\b|\bwill require\b|\bconditional (?:on|upon)\b|\bcontingent (?:on|upon)\b|\bdepend(?:s|ed|ing)? (?:on|upon)\b"
                               # (a decision that depends on the government is one not yet made: DECISION_PENDING_CUES)
                               r"(?! (?:the |its |their )?(?:[\w-]+ )?(?:government|president|head of state|leadership)\b(?![’'])(?! (?:approv|consent|decree|sign)))"
                               r"|\bneeds? (?:the )?approval\b"
                               r"|\b(?:wants|requires|needs|insists on|insisted on|demands|demanded) (?:a |an |the )?(?:clear |formal |binding |full |lasting |credible )?(?=U\.?N\.?\b|United Nations|Security Council|parliament|ceasefire|truce|mandate"
                               # "ready to send troops but wants a political horizon": a term of the "other" kind
                               r"|political horizon|(?:political )?path(?:way)? to (?:a )?(?:Palestinian )?state(?:hood)?\b)"
                               r"|\b(?=(?:a |the )?(?:lasting |full |permanent )?(?:ceasefire|cease-fire|truce|UN mandate|mandate|peace deal|parliamentary approval) (?:must|has to|needs to|should) )"
                               r"|\b(?:involvement|participation|deployment|contribution|presence) (?:must|would have to|has to|should|needs to) (?:be )?(?:based on|backed by|have|come|rest on|follow|be approved)\b"
                               r"|\bmust (?:first )?(?:have|be based on|be backed by|precede|be preceded by)\b"
                               r"|\b(?:(?:remain|stay|be|serve|operate) )?under (?:its own|their own|national|[A-Z][\w-]*(?:’s|'s)) (?:flag and command|flag|command|control)\b"
                               r"|\bin (?:strict |full )?(?:compliance|accordance|line) with (?:the |current |existing |its |national |UN |U\.N\. )*(?:national |domestic |[A-Z][a-z]+ )?(?:legislation|law|constitution|constitutional|resolution|Resolution|UN|U\.N\.|United Nations|Security Council|mandate)"
                               r"|\b(?:only )?within the framework of\b(?! (?:the |this |that |its |their )?(?:stabili[sz]ation |international |peace |peacekeeping )?(?:force|mission|plan|peace plan|programmes?|operation|ISF)\b)|\bwithin (?:specific|certain|clear|defined) parameters\b"
                               # (leaving another body on a term, "will withdraw from the board if ...", "ready to withdraw if the council
                               # fails to ...", is no term of the force's)
                               r"|\b(?:withdraw|withdrawn|pull out|pulled out)(?! from (?:the |its |their )?(?:[\w-]+ )?(?:[Bb]oard|talks|negotiations|deal|agreement|initiative|council|process)\b)(?: [\w’']+){0,3} if\b(?! (?:the |its )?(?:[Bb]oard|[Cc]ouncil)\b)"
                               r"|\b(?:could|would|will|might|may|can) (?:be (?:happy|glad|willing|ready|prepared|able|pleased) to )?(?:send|contribute|deploy|join|take part|participate)\b[^.;,]*? (?:if|once|provided|as long as|so long as|on (?:the )?condition that)\b" + NOT_A_REQUEST)),
    ("committed", re.compile(r"\b(?:has|have|had) (?:pledged|committed)\b|\bpledged\b|\bpledges\b|\bpromis(?:ed|es) (?=(?:up to |about |some |at least |more than |as many as )?(?:\d[\d,]*(?: or more)? |its own |their own |its |their )?(?:[\w-]+ )?(?:troops|soldiers|personnel|peacekeepers|police officers)\b)|\bcommitted to (?:send|sending|contribut|deploy)|\bwill (?:also |soon |eventually |initially |still |now |first )?(?:send|contribute|deploy)\b"
                             r"|\bagre(?:ed|es) to (?:send|contribute|deploy|join|participate|take part|be part|provide|supply|dispatch|commit)\b|\b(?:is|are|was|were) (?:now |also |fully )?(?:prepared|ready|willing) to (?:send|contribute|deploy|provide|join|help|support|participate|take part|dispatch|be (?:a )?part|offer|commit|supply|serve|depart|be deployed|be sent)\b"
                             r"|\b(?:stands?|standing|stood) (?:ready|prepared|willing) to\b|\b(?:declared|expressed|announced|confirmed) (?:its|their) (?:willingness|readiness) to\b"
                             r"|\b(?:plans|planned|intends|is planning|are planning|is preparing|are preparing|preparing) to (?:contribute|send|deploy|dispatch|supply|provide)\b|\bwith plans for \d"
                             r"|\b(?:is|are) (?:due |set )?to (?:supply|send|contribute|deploy|provide|dispatch)\b"
                             # "was preparing 20 thousand troops", "is readying up to 8,000 soldiers"
                             r"|\b(?:is|are|was|were|has been|have been) (?:now )?(?:preparing|readying|mobili[sz]ing) (?:an? )?(?:up to |about |around |some |as many as |nearly )?\d"
                             r"|\b(?:has |have )?offered\b|\boffers\b|\bhas promised\b|\bpromised to (?:send|contribute)\b|\bconfirmed (?:it|they) would send\b|\bconfirmed (?:its|their) participation\b|\bplan to (?:contribute|send|deploy|dispatch|supply|provide)\b"
                             r"|\bconfirmed (?:a|an|its|their|the) (?:[\w-]+ ){0,3}(?:field hospital|contingent|battalion|unit|company|deployment|contribution|troops|police)")),
    ("considering", re.compile(r"\bdecision (?:on|about|whether|regarding) [^.;]{0,140}?(?:is|was|were|are|remains?) (?:still |yet )?(?:being finali[sz]ed|[“\"]?in process|pending|under (?:review|consideration)|not (?:yet )?(?:been )?(?:made|final|finali[sz]ed|taken|reached))"
                               r"|\bin (?:advanced |early |preliminary |ongoing |direct |detailed |final )?talks\b|\b(?:is|are|was|were) (?:still |now |also )?considering\b|\bconsidering (?:a|an|whether|sending|joining|contribut)|\bweighing\b|\b(?:is|are) (?:still |now |also )?exploring\b" + ABOUT_JOINING_AHEAD + r"|\bopen to\b|\b(?:has|have|had) not (?:yet )?decided\b|\bundecided\b"
                               r"|\b(?:been|was|were|is|are|being) (?:approached|asked|invited|courted|sounded out)\b|\b(?:reviewing|studying|examining|assessing) (?:(?:a|the|its|their) )?(?:[\w.-]+ )?request\b"
                               r"|\b(?:did|does|do|has|have|had) (?:not|never) (?:exclude|excluded|rule out|ruled out)\b|\b(?:refused|refuses|declined|declines) to (?:rule out|exclude)\b|\b(?:could|might|may) (?:send|contribute|deploy|join|take part|participate)\b"
                               r"|\b(?:wishes|wants|wanted|seeks|sought|hopes) to (?:join|be part|take part|participate|contribute)\b"
                               r"|\binterest in (?:principle|joining|taking part|participating|contributing|being part)\b"
                               r"|\b(?:show|express|signal)(?:ed|ing|led|ling|s|n)? (?:its |their |an |some |early |initial |strong |keen )*interest\b"
                               # the one asked named after: "among those Washington has asked to contribute troops is Ethiopia's prime minister"
                               r"|\b[Aa]mong (?:those|the countries|the nations|the governments|the leaders) (?:that |who |whom )?(?:[\w’'-]+ ){0,4}?"
                               r"(?:has|have|had) (?:asked|approached|invited|contacted|sounded out)\b[^.;]{0,80}? (?:is|are|was|were) (?:[A-Z][\w’'-]+ ?){1,5}")),
]

# Holding back from a pledge: "has so far refrained from committing troops", "backed the force but stopped short of
# pledging troops" (the pledge is not made; the country is still weighing it).
HELD_BACK = r"(?:refrain(?:s|ed|ing)? from|stopped short of|stops short of|stopping short of|held back from|holds back from|shied away from|shies away from)"

# More ways news prose states each stance, by family. Each table is a list of alternatives added to
# the status's cue above; a cue still needs a subject (the country before it, or the one last
# spoken of) and is still cancelled by a negation just before it.
# A decision said after it to be still to come: "(Chile's decision to send troops) is yet to be finalised".
STILL_TO_BE_MADE = r"[^.;]{0,60}? (?:is|was|remains) (?:still |now )?(?:yet to be|not yet|pending|awaited|under (?:review|consideration))"
UNITS_WORD = r"(?:troops|soldiers|personnel|forces|peacekeepers|police|officers|contingent|units?|battalions?|medics|engineers|carabinieri|gendarmes|servicemen)"
PEOPLE_WORD = re.compile(r"\b" + UNITS_WORD + r"\b")  # (a word for the people a country sends)
# Places in Gaza, where troops that arrive or serve are the force's.
PLACES = r"(?:Gaza|the enclave|the Strip|the territory|Rafah|Khan Yunis|Khan Younis|Deir al-Balah|Gaza City)"
# A denial that is half of "neither confirmed nor denied" or "would not confirm or deny" denies nothing (NEITHER_CONFIRMED).
NOT_AFTER_OR = r"(?<!\bnor )(?<!\bor )"
# Parliaments by their own names, for terms set by them: "the Sejm must approve", "when the DPR approves".
# When it was said, between the one who said it and the verb: "parliament on Wednesday authorised ...".
WHEN_SAID = (r"(?:,? (?:(?:late |early )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this) (?:week|month|year)"
             r"|earlier (?:this|on) \w+|yesterday|today|overnight),?)?")
PARLIAMENT_NAMES = (r"(?:Bundestag|Sejm|Grand National Assembly|Milli Majlis|Majlis|Mejlis|National Congress|DPR|Duma|State Duma|Storting|Riksdag|Folketing|Eduskunta|"
                    r"Oireachtas|D[aá]il|Rada|Verkhovna Rada|Cortes|Lok Sabha|Jatiya Sangsad|Sangsad|Seimas|Saeima|Riigikogu|Sabor|"
                    r"Skupština|Kuvendi|Mazhilis|Jogorku Kenesh|Diet|House of Representatives|House of Commons)")
MORE_CUES: dict[str, list[str]] = {
    # A pledge reported in the past tense or as reported speech: "said it would send", "announced
    # it would deploy", "will be sending", "expressed willingness to", "volunteered", "committed
    # troops", a parliament or cabinet that "approved the deployment", troops "prepared" in numbers.
    "committed": [
        r"(?<![\w-])(?:said|says|announced|confirmed|declared|stated|indicated|added|(?:told|informed|notified|assured|reassured) [\w.\s]{1,40}?)(?: on \w+)?,? (?:that )?"
        r"(?:it|they|he|she|(?:the|his|her|their|our) country|the government|[A-Z][\w-]+(?: [A-Z][\w-]+)?) (?:would|will) (?:soon |also |now )?"
        r"(?:send|contribute|deploy|dispatch|provide|join|supply|commit)\b",
        r"\bwill be (?:sending|contributing|deploying|dispatching|providing|joining)\b",
        r"\b(?:expressed|shown|showed|signalled|signaled|voiced|declared|announced|confirmed|reaffirmed|reiterated) "
        r"(?:its |their |a |the country's |[\w]+(?:’s|'s) )?(?:full |strong |firm )?(?:willingness|readiness|commitment|intention) to (?:send|contribute|deploy|dispatch|provide|join|take part|participate|be part)\b",
        # preparing the troops: "has begun training a battalion for deployment to Gaza"
        r"\b(?:has|have) (?:begun|started) (?:training|preparing|readying|mobili[sz]ing) (?:a |an |its |their )?(?:[\w-]+ ){0,2}?(?:battalion|brigade|contingent|unit|company|troops|soldiers)\b(?= for (?:the |a |its )?(?:[\w-]+ )?(?:deployment|mission|force)\b)",
        r"\bvolunteered (?:to (?:send|contribute|deploy|join)|(?:up to |about |some |around |more than |at least )?(?:\d[\d,]* )?(?:[\w-]+ )?(?:troops|soldiers|personnel|forces|peacekeepers))\b",
        r"\bcommit(?:ted|s|ting) (?:[\w,-]+ ){0,4}?" + UNITS_WORD + r"\b",
        r"\b(?:is|are|was|were) (?:keen|eager) to (?:send|contribute|join|take part|participate|deploy)\b",
        r"\bapproved (?:the |a |an )?(?:[\w’'-]+ )?(?:deployment|dispatch|sending|participation|departure)\b",
        # troops being made ready: "Qatari officials are preparing peacekeeping troops for Gaza"
        r"\b(?:is|are|was|were|has been|have been) (?:now )?(?:preparing|readying|training) (?:its |their |the )?(?:[\w-]+ ){0,2}?(?:troops|soldiers|peacekeepers|personnel|contingent|battalion|forces) for\b",
        # a decision taken, as a noun: "its decision to contribute troops for a Gaza stabilisation force"
        # (not one still to be made: "Chile's decision to send troops is yet to be finalised": STILL_TO_BE_MADE)
        r"(?:’s|'s|\bits|\btheir) decision to (?:send|contribute|deploy|dispatch|join|take part|participate)\b(?!" + STILL_TO_BE_MADE + r")",
        # "approved a motion allowing troops to be sent to Gaza"
        r"\b(?:approved|passed|adopted|endorsed|ratified) (?:a |the |an )?(?:[\w-]+ )?(?:motion|bill|law|agreement|mandate|resolution|decree|measure) (?:[\w-]+ ){0,2}?"
        r"(?:allowing|authori[sz]ing|permitting|enabling|for) (?:the )?(?:[\w-]+ ){0,3}?(?:troops|soldiers|forces|personnel|deployment|dispatch)\b",
        r"\b(?:prepared|readied|earmarked|mobili[sz]ed|trained|finali[sz]ed|assigned|allocated|designated) (?:up to |about |around |some |as many as )?\d[\d,]* (?:[\w-]+ ){0,2}" + UNITS_WORD + r"\b",
        # "has prepared a brigade of some 5,000 soldiers"
        r"\b(?:prepared|readied|earmarked|mobili[sz]ed|trained|assembled) (?:a|an) (?:[\w-]+ )?(?:brigade|battalion|contingent|unit|force|detachment|company) of "
        r"(?:up to |about |around |some |nearly )?\d",
        # readiness as a noun, "would be willing to", "it's ready to", troops "on standby" for the mission,
        # a decision to send, and a plain "would send" with people to send (not after "whether" or "if")
        r"(?:(?<![Gg]auge )(?<!assess )(?<!test )(?<!about )(?<!probe )(?<!gauging )(?:its|their) |(?:’s|'s) )"
        r"(?:willingness|readiness|preparedness|eagerness) to (?:send|contribute|deploy|dispatch|provide|join|take part|participate|be part)\b",
        # readiness and keenness shown in other words: "expressed its readiness for taking part", "has shown keenness to join"
        r"\b(?:expressed|expresses|signall?ed|signals|shown|showed|shows|declared|conveyed|conveys|voiced) (?:its |their )?(?:full |strong )?(?:readiness|willingness|preparedness|eagerness|keenness) "
        r"(?:to (?:send|contribute|deploy|dispatch|provide|join|take part|participate|be part)|for (?:sending|contributing|deploying|joining|taking part|participating|participation|deployment|contributing))\b",
        # "are among the countries that have signalled readiness", "one of the nations that have offered troops"
        r"\b(?:is|are|was|were) (?:among|one of) (?:the )?(?:[\w-]+ )?(?:countries|nations|states|governments) (?:that|which|who) (?:have |has |had )?"
        r"(?:(?:signall?ed|expressed|shown|declared|announced|confirmed) (?:their |its )?(?:readiness|willingness)|offered (?:troops|soldiers|to send|to contribute)|pledged (?:troops|soldiers))\b",
        # "stands ready, but ...": readiness said on its own
        r"\b(?:stands?|stood) (?:ready|prepared)(?=[,.;]| but\b| as\b)",
        # troops said to be there for the force: "Pakistani troops will be available"
        r"\b(?:troops|soldiers|forces|personnel|peacekeepers|contingent) (?:will|would) be (?:made )?available\b",
        # an offer still standing: "Indonesia's offer, first made in September, remains on the table"
        r"(?:’s|'s|\bits|\btheir) (?:troop )?(?:offer|pledge)\b(?=[^.;]{0,80}?\b(?:remains?|still stands|stands|is still) (?:on the table|valid|open|firm)\b)",
        r"\b(?:would|will|to) be (?:willing|ready|prepared|happy|glad|proud|honou?red) to (?:send|contribute|deploy|dispatch|provide|join|take part|participate)\b",
        # "is available to send carabinieri", "said it was available to train Palestinian police"
        r"\b(?:is|are|was|were|be|remains?|remained) (?:also |fully |now |still )?available to (?:send|contribute|deploy|dispatch|provide|join|take part|participate|train)\b",
        # leading the force is taking part in it: "Chile will lead the stabilization force", "is set to command the mission"
        r"\b(?:will|would|is to|are to|is (?:set|expected|due|poised|slated|going) to|has agreed to|agreed to) (?:lead|head|command)"
        r"(?= the (?:[\w-]+ ){0,2}?(?:force|ISF|mission)\b(?!['’]s))",
        r"(?:’s|'s) (?:now |also |fully )?(?:ready|willing|prepared) to (?:send|contribute|deploy|dispatch|provide|join|take part|participate)\b",
        UNITS_WORD + r" (?:are |were )?(?:ready|prepared|on standby|standing by) (?:to|for) (?:be )?(?:deploy|deployment|depart|go|leave)",
        # headline grammar: "Chile says troops ready for Gaza mission"
        r"(?<=[a-z] )" + UNITS_WORD + r" (?:ready|prepared|on standby) for (?:the )?(?:Gaza|ISF|stabili[sz]ation|international|multinational)?(?: [\w-]+){0,2}? ?(?:mission|force|deployment)\b",
        r"\bdecided to (?:send|contribute|deploy|dispatch|join|take part|participate)\b",
        r"(?<!whether )(?<!\bif )\bwould (?:also |soon |eventually |now |initially )?(?:send|contribute|deploy|dispatch|provide|supply)\b"
        r"(?= (?:[\w,-]+ ){0,4}?(?:troops|soldiers|personnel|peacekeepers|police|officers|medics|engineers|observers|trainers|staff|doctors|units?|contingent|battalions?|\d))",
        # a pledge as a noun: "Chile's offer of 800 troops", "its pledge of up to 1,000 soldiers"
        r"\b(?:offer|pledge|commitment|promise) of (?:up to |about |around |some |as many as )?\d",
        r"\b(?:(?:has|have) (?:formally |officially |now |also )?joined|joined) the (?:(?!(?:talks|meetings?|summit|conference|discussions|negotiations|on|of|about|over|for|with)\b)[\w-]+ ){0,3}?"
        r"(?:stabili[sz]ation force|force|ISF|mission)\b(?!['’]s)",
        # the troops as subject, passive: "Chilean troops will be deployed", "are to be sent"
        UNITS_WORD + r" (?:[\w-]+ ){0,3}?(?:will|would|are to|are set to|are due to|is to|is set to|is due to) (?:soon )?be (?:[a-z]+ly )?(?:deployed|sent|dispatched|stationed)\b",
    ],
    # Deliberation: thinking it over, discussing it, not having decided yet, counted among
    # possible contributors.
    "considering": [
        r"\b(?:would|will|to) (?:seriously |carefully )?consider\b|\b(?:mulling|contemplating|deliberating)\b",
        r"\b(?:in|holding|held) (?:[\w-]+ )?(?:discussions|negotiations|consultations) (?:with|about|over|on)\b",
        r"\b(?:discussing|negotiating) (?:its |a |the |their )?(?:possible |potential )?(?:participation|contribution|involvement|deployment|role)\b",
        r"\b(?:has|have|had) (?:not )?yet to (?:decide|make a (?:final )?decision|commit)\b",
        r"\b(?:has|have|had) not (?:yet )?(?:made|taken|reached) (?:a|any) (?:final )?decision\b",
        r"\b[Nn]o (?:final |formal |such )?decisions? (?:has|have|had) (?:yet )?been (?:made|taken|reached)\b",
        r"\b[Dd]ecisions? (?:has|have|had) not (?:yet )?been (?:made|taken|reached)\b",
        # troops or a presence asked for: "Chilean troops have been requested for the mission"
        r"\b(?:" + UNITS_WORD[3:-1] + r"|presence|participation|contribution)"
        r" (?:has|have|had) been (?:formally |officially )?(?:requested|sought|asked for)\b",
        r"\b(?:wants|wanted|wishes|hopes) to send\b",
        r"\bagreed in principle\b",
        # (being "mentioned as a potential contributor" by others is no stance of the country's own)
        r"\b(?:among|one of) (?:the )?(?:potential|possible|prospective|likely) (?:contributors|participants|troop contributors|candidates)\b",
        UNITS_WORD + r" (?:[\w-]+ ){0,3}?(?:could|may|might) (?:soon |eventually )?be (?:[a-z]+ly )?(?:deployed|sent|dispatched|stationed)\b",
    ],
    # Willing, but on terms: "ready to send troops if ...", "would join once ...", "provided there is
    # ...", "would need parliamentary approval", "only deploy with a mandate", "under Chilean command".
    "conditional": [
        r"\b(?:could|would|will|might|may|can|ready to|willing to|prepared to) (?:send|contribute|deploy|join|take part|participate|commit|provide|dispatch|help|field|supply)\b"
        r"[^.;]*? (?:if|once|so long as|as long as|provided)\b" + NOT_A_REQUEST,
        # a contribution weighed on terms: "would consider sending troops once hostilities cease", "is considering a
        # contribution if the force receives a UN mandate"
        r"\b(?:consider|considering|weigh|weighing) (?:sending|deploying|contributing|joining|taking part|participating|a contribution|a deployment|"
        r"(?:its |a )?participation)\b[^.;]*? (?:if|once|so long as|as long as|provided)\b" + NOT_A_REQUEST,
        # interest on terms: "interested in joining the force provided several conditions are met"
        r"\binterested in (?:joining|sending|taking part|participating|contributing|being part)\b[^.;]*? (?:if|once|so long as|as long as|provided)\b" + NOT_A_REQUEST,
        r"(?:,|\bbut|\bonly) [“\"]?provided\b|\bprovided (?:that|there (?:is|are|was|were|be))\b",  # the conjunction, not the verb
        # (a need to act is no term: "that the next government would need to completely reverse")
        r"\b(?:would|will) (?:first |still |also )?need\b(?! to (?!(?:first )?(?:see|have|get|secure|obtain|receive|be|wait|win|know|understand)\b))|\bneeds? (?:[\w-]+ ){0,3}?(?:approval|consent|mandate|resolution|authori[sz]ation|green light|backing)\b",
        r"\bonly (?:[\w’']+ ){1,4}?with\b",
        r"\bunder (?:[A-Z][\w-]+ )?(?:national |UN |U\.N\. )?(?:command|control|flag)\b",
        r"\b(?:until|pending|awaiting|await|awaits|awaited|waits? (?:for|on)|waited (?:for|on)|waiting (?:for|on)) (?:the |a |an |its |their )?(?:[\w-]+ ){0,3}?"
        r"(?:terms of reference|mandate|resolution|rules of engagement|approval|vote|legal process|clarity|clarification|details|guarantees)\b",
        # "adding that he awaited a UN decision"
        r"\b(?:pending|awaiting|await|awaits|awaited|waiting for|waits for|waited for) (?:a |an |the )?(?:U\.?N\.?|United Nations|Security Council)(?:’s|'s)? decision\b",
        # "ready whenever the mandate is issued"
        r"\b(?:ready|prepared|willing)\b[^.;]{0,40}? (?:whenever|as soon as) (?=(?:the |a |an )?(?:[\w-]+ ){0,3}?(?:mandate|resolution|ceasefire|truce|approval|Security Council|UN|U\.N\.))",
        # a role kept to: "its troops would only serve in a humanitarian capacity"
        r"\bonly (?:serve|operate|act|take part|participate|be deployed|deploy) (?:[a-z]+ly )?(?:in|as) (?:a |an )?(?:purely )?(?:peace-?keeping|peace|non-combat|stabili[sz]ation|humanitarian)\b",
        r"\b(?:wants|want|insists|insisted|demands|demanded|requires|required|expects) (?:that )?(?:the |any |such a |a )(?:[\w-]+ )?(?:force|mission|deployment|ISF|operation) "
        r"(?:to have|to be|must|should|would have to|needs to|has to)\b",
        r"(?:\b(?:its|their|[A-Z][\w-]+(?:’s|'s)?) (?:[Pp]arliament|[Cc]ongress|[Ss]enate|[Cc]abinet|legislature|National Assembly)|\b(?:[Pp]arliament|[Cc]ongress|the Senate|lawmakers|legislators|the [Cc]abinet|the National Assembly|the legislature)"
        r"|(?:\b(?:its|their|[Tt]he)|[A-Z][\w-]+(?:’s|'s)) " + PARLIAMENT_NAMES + r") "
        r"(?:must|has to|would have to|will have to|needs to|would need to|will need to) (?:first )?"
        r"(?:approve|vote|sign off|authori[sz]e|endorse|ratify|give (?:its|their|the) (?:consent|approval|green light|backing|blessing))\b",
        r"\bunder (?:the )?condition(?:s)? (?:that|of)\b",
        # the decision itself waits on something: "would be decided after a resolution", "parliament will have the final word"
        r"\b(?:be decided|decide|be made|be taken) (?:only )?(?:after|once|when|following)\b"
        # consulting parliament or allies before deciding is a step of the decision, not a term
        r"(?! (?:consult\w*|discuss\w*|talks|deliberat\w*|review\w*|stud\w+|examin\w*|a meeting|meetings|a review))",
        r"\b(?:[Pp]arliament|[Cc]ongress|the Senate|lawmakers|the [Cc]abinet|the National Assembly|the legislature) (?:would|will) have the (?:final|last) (?:word|say)\b",
        r"\bunder (?:a |an |the )?(?:clear |formal |binding )?(?:UN|U\.N\.|United Nations|Security Council)(?:[\w -]{0,30}?) mandate\b",
    ],
    # Refusals said in other words: turned down, distanced itself, backed away, cannot take part.
    "declined": [
        r"\bturned down (?:the |a |an |any |requests?|calls?|invitations?|offers?)",
        # a refusal said alone: "South Korea flatly refused, citing its commitments"
        r"\b(?:flatly |firmly |politely |bluntly )?refused(?=[.,;:]|$| outright\b)",
        r"\bdistanced (?:itself|themselves) from\b|\bbacked away from\b",
        r"\b(?:cannot|can[’']t|could not|couldn[’']t) (?:afford to )?(?:send|contribute|take part|participate|deploy|join)\b" + NOT_A_TASK,
        r"\bnot (?:in a position|able) to (?:send|contribute|take part|participate|deploy|join)\b" + NOT_A_TASK,
        r"\brefrain from (?:sending|participating|joining|taking part|deploying)\b",
    ],
}
# Further families of wordings, each a named table; they are added to their status's cues below (MORE_CUES).
# Withdrawals said in other words: going back on a pledge, freezing or shelving a participation.
TAKING_BACK = [
    r"\breneged on\b|\bbacked out of\b|\bwent back on (?:its|their) (?:offer|pledge|promise|commitment|decision)\b",
    r"\bwalked back (?:its|their) (?:offer|pledge|promise|commitment|decision)\b|\bpulled back from (?:its|their|the)\b",
    r"\b(?:put|placed|puts|putting) (?:its |their |the )?(?:[\w-]+ ){0,2}(?:participation|deployment|contribution|involvement|plans?|offer|pledge|dispatch)"
    r"(?: [\w-]+){0,6}? on hold\b",
    r"\b(?:suspend|suspended|suspends|suspending|froze|frozen|freezes|shelved|shelves|halted) (?:its |their )(?:[\w-]+ ){0,2}"
    r"(?:participation|deployment|contribution|involvement|plans?|offer|pledge|dispatch)\b",
]
# Willingness in reported speech with other verbs: "signalled it would take part", "made clear it
# will join", "is expected to send troops", "is preparing [for the deployment]", troops being prepared.
WILLING_IN_OTHER_WORDS = [
    r"\b(?:signalled|signaled|signals|signalling|signaling|made (?:it )?clear|pledged|promised|vowed|insisted|reiterated|reaffirmed)"
    r"(?: on \w+)?,? (?:that )?(?:it|they|(?:the|his|her|their|our) country|the government|[A-Z][\w-]+(?: [A-Z][\w-]+)?) (?:would|will) (?:soon |also |still )?"
    r"(?:send|contribute|deploy|dispatch|provide|join|supply|commit|take part|participate|be part)\b",
    r"\b(?:said|says|announced|confirmed|declared|stated|indicated|(?:told|informed|assured) [\w.\s]{1,40}?)(?: on \w+)?,? (?:that )?"
    r"(?:it|they|(?:the|his|her|their|our) country|the government|[A-Z][\w-]+) (?:would|will) (?:take part|participate|be part)\b",
    r"\b(?:is|are) (?:widely |also )?expected to (?:send|contribute|deploy|dispatch|provide|supply|join)\b",
    # a request or an invitation accepted: "agreed to a US request to send troops", "accepted the invitation to join"
    r"\b(?:agreed to|accepted|granted|answered) (?:a|an|the|Washington(?:’s|'s)) (?:[\w.-]+ ){0,2}?(?:request|invitation|call|appeal) to (?:send|contribute|deploy|dispatch|join|take part|participate)\b",
    r"\b(?:is|are|was|were) (?:indeed |now |already |currently |actively )?preparing \[?(?:for )?(?:the |its |their |a )?"
    r"(?:deployment|dispatch|departure|contingent)\b",
    r"\b(?:is|are|was|were) (?:indeed |now |already |currently |actively )?preparing (?:its |their )?(?:up to |about |some )?(?:\d[\d,]*(?: thousand)? )?"
    + UNITS_WORD + r" (?:for|to)\b",
]
# Weighing it up in other words: hesitation, being a leading candidate, a decision still awaited,
# interest said with an intensifier, and help that is not troops ("ready to host training camps").
HESITATION = [
    # "has not closed the door on sending troops"
    r"\bnot (?:closed|shut|slammed) the door (?:on|to)\b",
    # "has kept its options open" (on the force: a sentence that says nothing of it is left alone)
    r"\b(?:kept|keeps|keeping|keep) (?:its|their) options open\b(?=[^.;]{0,80}?\b(?:force|ISF|troops|soldiers|mission|Gaza|contribut\w*|participat\w*)\b|[.;]|$)",
    r"\b(?:is|are|was|were|remains?|seems?|appears?|has been|have been) (?:now |still |increasingly |somewhat |reportedly )?(?:hesitant|reluctant|wavering|undecided|on the fence|noncommittal|non-committal)\b",
    r"\b(?:but|and) (?:is |are )?now hesitant\b|\bhaving second thoughts\b|\b(?:is|are) (?:now )?reconsidering\b",
    r"\b(?:leading|top|main|likely|possible|potential|prime|strongest|front-running) candidates? (?:to|for)\b",
    r"\b(?:expressed|shown|showed|signalled|signaled) (?:the most|more|great|much|considerable|serious|keen|the strongest) interest\b",
    r"\b(?:ready|willing|prepared|offered|offers|offering|proposed) to host (?:the |a |an |its |some )?(?:[\w’'-]+ ){0,3}?"
    r"(?:training|camps?|troops|soldiers|force|forces|mission|bases?|headquarters|hub|contingents?|personnel|peacekeepers)\b",
]
# A decision still to be taken by the government or its leader: "ready to deploy at any time,
# awaiting only a final decision from the president" is not yet a pledge, whatever else the sentence says.
# (a cue only when about joining: not "awaiting a government decision on the budget")
GOVERNMENT_ORDER_AWAITED = (r"\b(?:await(?:s|ing)?|wait(?:s|ing)? for) (?:an? |the |its |their )?(?:official |formal |final )?"
                            r"(?:(?:government|presidential|political)(?:’s|'s)? (?:final |formal |official )?(?:order|instruction|go-ahead|green light|decision)s?"
                            r"|(?:order|instruction|go-ahead|green light) from (?:the |its |their )?(?:government|president))\b")
# "there is no final decision regarding the participation"
NO_FINAL_DECISION = r"\b[Tt]here (?:is|was|has been) (?:still |yet )?no (?:final |formal |firm )?decision (?=(?:yet )?(?:on|about|regarding|concerning|whether|as to) )"
# The go-ahead of its own government still to come ("can leave once the government gives approval"), and the
# decision on how many troops still to be made by the leadership ("the final decision on the precise number of troops
# to be sent rests with the President").
GOVERNMENT_GO_AHEAD = r"\b(?:if|once|when|after|until|pending) (?:the |its |their )?(?:government|president|head of state) (?:gives|grants|has given|issues|signs off|approves|decides|decided|agrees|agreed)\b"
NUMBER_LEFT_TO_DECIDE = r"\b(?:final |ultimate |definitive )decision (?:on|about) (?:the )?(?:precise |exact |final )?(?:number|size) of (?:troops|soldiers|personnel)\b"
DECISION_PENDING = re.compile(
    r"\bawait(?:ing|s)? (?:only |still )?(?:a |the |its )?(?:final |formal |political )?decision\b"
    r"|\b(?:has|have|had) not (?:yet )?(?:decided|made (?:a|any) (?:final )?decision|taken (?:a|any) (?:final )?decision)\b"
    r"|\b(?:has|have|had) (?:not )?yet to (?:decide|make a (?:final )?decision|take a (?:final )?decision|take a (?:final )?call)\b"
    r"|\b[Nn]o (?:final |formal |such )?decisions? (?:has|have|had) (?:yet )?been (?:made|taken|reached)\b"
    r"|\b[Dd]ecisions? (?:has|have|had) not (?:yet )?been (?:made|taken|reached)\b"
    r"|" + NO_FINAL_DECISION +
    r"|" + NUMBER_LEFT_TO_DECIDE + r"|" + GOVERNMENT_GO_AHEAD +
    # the armed forces awaiting their own government's order: "still waiting for an official government order to deploy"
    r"|" + GOVERNMENT_ORDER_AWAITED)
# "no decision has been taken and ... 2,000 is one of the figures under discussion, not a commitment"
NOT_A_COMMITMENT = re.compile(r"\bnot (?:yet )?(?:a|any) (?:firm |formal |final )?(?:commitment|pledge)\b")
# A decision pending on joining itself ("has not yet decided whether to contribute troops", "no decision has been
# taken to join the force"): the country's pledge reported elsewhere in the article is not yet one.
UNDECIDED_ON_JOINING = re.compile(r"\s+(?:yet\s+)?(?:(?:whether|if|on|about|regarding)\s+)?(?:to\s+)?(?:(?:its|their|the)\s+)?"
                                  r"(?:join\w*|contribut\w*|send\w*|deploy\w*|dispatch\w*|participat\w*|take part|taking part|be part|involvement)\b")
# Nothing but the sentence's closing marks left ("... the government's final decision.”").
SENTENCE_END = r"[\s.,;:!”\"’)]*$"
AT_SENTENCE_END = re.compile(SENTENCE_END)
AWAITED_AT_END = re.compile(GOVERNMENT_ORDER_AWAITED + SENTENCE_END)
DECISION_PENDING_CUES = [
    GOVERNMENT_ORDER_AWAITED + ABOUT_JOINING_AHEAD,
    # ... or ending a sentence about the force (AWAITED_AT_END): "agreed to take part, but is awaiting the government's
    # final decision."
    GOVERNMENT_ORDER_AWAITED + r"(?=" + SENTENCE_END + r")",
    GOVERNMENT_GO_AHEAD,
    r"\bawait(?:ing|s)? (?:only |still )?(?:a |the |its )?(?:final |formal |political )?decision (?:from|by|of)\b",
    NO_FINAL_DECISION + ABOUT_JOINING_AHEAD,
    # the decision left to the leadership: "the final decision will depend on the government", "rests with the president"
    r"\b(?:final |ultimate )?decision (?:[\w-]+ ){0,3}?(?:(?:will|would|is to|shall|is going to) (?:depend on|rest with|lie with|be up to|be made by|be taken by)"
    r"|(?:rests|lies) with) "
    r"(?:the |its |their )?(?:[\w-]+ )?(?:government|[Pp]resident|head of state|leadership)\b(?![’'])(?! (?:approv|consent|decree|sign))",
    # "the final decision on the number of troops to be sent rests with President Prabowo", "the definitive decision awaits"
    NUMBER_LEFT_TO_DECIDE + r"(?=[^.;]{0,40}?(?:rests|lies|will rest) with)",
    r"\b(?:final|definitive|ultimate|formal) decision (?:still )?awaits\b",
    # ... or to the government still to come: "would leave the decision to the government appointed after the polls",
    # "the matter will be left to the next elected government"
    r"\b(?:leave|leaves|left|leaving) (?:the |this |that |any |a )?(?:final )?(?:decision|matter|question|issue|call)\b(?: [\w-]+){0,6}? to (?:the )?"
    r"(?:next|new|incoming|future|elected|newly elected|government (?:appointed|elected|formed) after)\b"
    r"|\b(?:decision|matter|question|issue) (?:[\w-]+ ){0,6}?(?:will|would|is to) be left to (?:the )?(?:next|new|incoming|future|elected|newly elected)\b",
]
# A part in the force said without the word "troops": "ready to play its part in the force", "ready to
# lead the force", "its offer to send troops", "intends to take part", "will be the first to deploy".
A_PART_IN_THE_FORCE = [
    r"\b(?:is|are|was|were|stands?|stood) (?:now |also |fully )?(?:ready|prepared|willing|keen|eager) to (?:play (?:its|their|a|an) (?:[\w-]+ )?(?:part|role)|lead)"
    r"(?= (?:in |within )?(?:the |a |this |such a )?(?:[\w-]+ ){0,3}(?:force|mission|ISF|operation|contingent)\b)",
    r"(?:’s|'s|\bits|\btheir) (?:offer|pledge|promise|commitment) to (?:send|contribute|deploy|dispatch|provide|join|take part|participate)\b",
    r"\b(?:plans|planned|intends|intended|is planning|are planning) to (?:participate|take part|join|be part)\b",
    r"\b(?:will|shall) (?:also |soon |now )?(?:join|take part in|participate in|be part of) (?:the |a |this )?(?:[\w,-]+ ){0,3}?(?:force|mission|ISF|contingent)\b",
    # "would" as reported speech: "confirmed that Moroccan troops would take part in the force", "X would
    # take part in the force, officials said" (a "would" no one is reported to have said is a supposition)
    r"(?<![\w-])(?:said|says|announced|confirmed|declared|stated|added)(?: on \w+)?,? that (?:[\w’'-]+ ){0,3}?(?:would|will) (?:also |soon |now )?"
    r"(?:join|take part in|participate in|be part of) (?:the |a |this )?(?:[\w,-]+ ){0,3}?(?:force|mission|ISF|contingent)\b",
    r"\bwould (?:also |soon |now )?(?:join|take part in|participate in|be part of) (?:the |a |this )?(?:[\w,-]+ ){0,3}?(?:force|mission|ISF|contingent)\b"
    r"(?=[^.;?]*?,? (?:[\w-]+ ){0,3}?(?:said|says|confirmed|announced|told)\b)",
    r"\b(?:(?:will|would) be|(?:is|are) (?:set|expected|poised|likely) to become|became) (?:the first|among the first|one of the first)"
    r"(?: (?:country|countries|nation|nations))? to (?:send|deploy|contribute|dispatch|join)\b",
    r"\b(?:is|are|was|were|stands?) (?:now |also |fully )?(?:ready|prepared|willing) to (?:do|play) (?:its|their) (?:[\w-]+ )?part\b"
    r"(?=[.,;]|$| (?:in |within )?(?:the |a |this |such a )?(?:[\w-]+ ){0,3}(?:force|mission|ISF|operation|contingent)\b)",
    # headline grammar, with no verb: "Indonesia ready to send 20,000 troops"
    r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z]: )|(?<=[A-Za-z] – )|(?<=[A-Za-z] — ))(?:ready|willing) to (?:send|contribute|deploy|dispatch|join|take part|participate)\b",
    # troops already being readied: "has begun training troops for the mission"
    r"\b(?:has|have|had) (?:begun|started) (?:training|preparing|mobili[sz]ing|readying) (?:its |their )?(?:\d[\d,]* )?" + UNITS_WORD + r"\b",
    r"\b(?:also|too|as well) (?:pledged|committed)(?=[.;]|$)|\b(?:pledged|committed) (?:as well|too)\b",
]
# Refusals said in still other words: unwilling, not even considering it, no boots on the ground.
UNWILLING = [
    # headline grammar: "Egypt: not ready to send troops"
    r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z]: )|(?<=[A-Za-z] – )|(?<=[A-Za-z] — ))not (?:ready|willing|prepared) to (?:send|contribute|deploy|join|take part|participate)\b" + NOT_A_TASK,
    # reports of a contribution denied: "denied reports that it would send troops"
    NOT_AFTER_OR + r"\b(?:denied|denies|dismissed|dismisses) (?:the |media |press |recent )?(?:reports|claims|suggestions|speculation|rumou?rs)\b"
    # (only reports of a contribution: "dismissed the claims as fairy tales" after reports of meetings is no refusal)
    r"(?= (?:that|of|about|suggesting|saying|claiming|alleging)\b[^.;]{0,100}?\b(?:send|sending|deploy\w*|troops|soldiers|join\w*|contribut\w*|participat\w*|take part|taking part)\b)",
    r"\b(?:is|are|was|were|seems?|seemed|appears?|appeared|remains?|remained) " + ADVERB + r"unwilling to (?:send|contribute|deploy|join|take part|participate|commit|dispatch)\b" + NOT_A_TASK,
    r"\b(?:is|are|was|were) not interested in (?:sending|contributing|deploying|joining|taking part|participating)\b" + NOT_A_TASK,
    r"\b(?:is|are|was|were) not (?:even |currently |now )?considering (?:sending|contributing|deploying|joining|taking part|participating|"
    r"(?:a|any) (?:troop )?(?:contribution|deployment|role))\b",
    r"\b(?:will|would|does|do|did|shall) not (?:put|have|send|place|deploy) (?:any )?(?:of (?:its|their) )?boots on the ground\b"
    r"|\b(?:won[’']t|wouldn[’']t) (?:put|have|send) (?:any )?boots on the ground\b",
]
# Not yet committed: "has not committed troops", "has yet to respond", a proposal still being studied.
NOT_YET = [
    r"\b(?:offered|offers|offering|agreed|promised) to (?:consider|explore|study|look into|discuss|examine)\b",
    r"\b(?:has|have) not (?:yet )?committed (?:to (?:sending|contributing|joining|deploying|taking part)|troops|soldiers|forces|personnel)\b",
    r"\b(?:has|have) yet to (?:respond|reply|answer)\b",
    r"\b(?:reviewing|studying|examining|assessing|evaluating|analy[sz]ing) (?:a|the|its|their|this|that) (?:[\w-]+ )?(?:proposal|invitation|option|possibility|idea|offer)\b",
]
# Terms put first: "If the Security Council approves, Chile will send 500 troops", "Peru said that if a
# ceasefire holds, it would deploy". The term is the if-clause; the subject comes after its comma.
# (not "once" as "formerly": "Azerbaijan, once mentioned as a likely contributor, ...")
IF_OPENING = r"\b(?:[Ii]f|[Oo]nce(?! (?:mentioned|seen|considered|touted|regarded|listed|described|named|viewed|hailed|thought|believed|billed|tipped|counted|known|among|again)\b)|[Aa]s long as) "
IF_FIRST = (r"(?<![Ee]ven )(?<![Aa]sked )(?<!asking )(?<!unclear )(?<!known )(?<!wondered )(?<!wonders )" + IF_OPENING + r"(?!asked|requested|needed|necessary|invited|called upon|required|(?:a |an |the )?(?:formal |official )?(?:request|invitation) (?:comes|arrives|is (?:made|received|sent))\b)(?=(?:[^,;.]{3,120}, ){1,3}?(?:[\w’'-]+ ){0,5}?"
            r"(?:(?:will|would|could|can|is ready to|are ready to|would be ready to|is willing to|would be willing to) (?:also |not )?"
            r"(?:send|contribute|deploy|dispatch|join|take part|participate|provide|consider|go(?! ahead))\b"
            # readiness said on its own after the term: "If a mandate is given, then we are ready."
            r"|(?:is|are|am|will be|would be) (?:ready|willing|prepared)(?=[.,;”\"’]|$)))")
# ... and in other words: "Should the council approve, Chile would send ...", "Were a truce to hold, Peru would deploy",
# "In the event that a mandate is granted, Chile will contribute ...".
IF_FIRST = IF_FIRST.replace(IF_OPENING, r"(?:" + IF_OPENING + r"|(?:(?<![^\n])|(?<=[.:;] )|(?<=, )|(?<=\bthat ))(?:[Ss]hould|[Ww]ere)"
                            r" (?=(?:the|a|an|[A-Z][\w-]+) )|\b[Ii]n the event (?:that )?|\b[Ii]n case )", 1)
IF_FIRST_CUE = re.compile(IF_FIRST)
# The words that open such a term.
IF_OPENER = re.compile(r"(?:[Ii]f|[Oo]nce|[Aa]s long as|[Ss]hould|[Ww]ere|[Ii]n the event(?: that)?|[Ii]n case) ?")
MORE_CUES["conditional"] += [IF_FIRST]
# Terms in still other words: "will not send troops without a UN mandate" (a term, not a refusal),
# "with the consent of", "on the basis of a resolution", "under the umbrella of the UN", a
# participation that "hinges on" something, a deployment "after parliament approves".
TERM_NOUNS = (r"(?:mandate|resolution|approval|consent|ceasefire|cease-fire|truce|agreement|authori[sz]ation|green light|"
              r"invitation|guarantees?|vote|decision|request|legal (?:basis|framework|footing|cover)|funding|financing|financial (?:support|backing|assistance))")
TERMS_IN_OTHER_WORDS = [
    r"\b(?:[Ww]ithout|before|[Ii]n the absence of|[Aa]bsent) (?:a |an |the |any |prior |its |their |explicit |formal |clear )?(?:[\w’'.-]+ ){0,3}?" + TERM_NOUNS + r"\b",
    # what a refusal waits for in looser words: "will not join without a clear framework", "without clarity on
    # its mission", "without a credible path to statehood"
    r"\bwithout (?:a |an |the |any |more |greater |real )?(?:clear |credible |concrete |defined |political |proper )?"
    r"(?:framework|clarity|plan|path|pathway|roadmap|road map|horizon|timeline|timetable|exit strategy|assurances|understanding of|definition of)\b",
    # ... or the body or people whose yes it is: "We will not go to Gaza without the United Nations", "against the wishes of
    # the Palestinians"
    r"\bwithout (?:the )?(?:(?:cover|backing|blessing|approval|umbrella|authority|support|authori[sz]ation) of (?:the )?)?(?:U\.?N\.?|United Nations|(?:UN |U\.N\. )?Security Council)"
    r"(?! (?:[\w-]+ )?(?:troops|peacekeepers|forces|mission|presence))\b",
    r"\b(?:against|contrary to) the (?:will|wishes|wish|consent) of (?:the )?(?:Palestinians?|Palestinian (?:people|Authority|side)|Gazans|the parties)\b",
    # ... and terms of disarmament and command: "without the disarmament of Hamas", "without national command of its troops"
    r"\bwithout (?:a |an |the |any |prior |full |complete )?(?:(?:disarmament|demilitari[sz]ation) of|(?:national|(?:its|their) own) (?:command|control|flag))\b",
    r"\bwith the (?:prior |full |explicit )?(?:consent|approval|agreement|invitation|authori[sz]ation) of\b",
    r"\b(?:on the basis of|based on) (?:a |an |the )?(?:[\w’'.-]+ ){0,3}?(?:resolution|mandate|invitation|request|consent|agreement)\b",
    r"\bunder (?:the )?(?:umbrella|auspices) of (?:the )?(?:U\.?N\.?|United Nations|Security Council)\b|\bunder (?:U\.?N\.?|United Nations) auspices\b",
    # "willing to deploy peacekeepers under UN authorization"
    r"\bunder (?:a |an |the )?(?:clear |formal |explicit )?(?:U\.?N\.?|United Nations|Security Council) authori[sz]ation\b",
    # a term set after the pledge, as "should": "prepare troops for deployment, should the summit produce an agreement"
    r",\s+should (?:the |a |an |there )?(?:[\w-]+ ){0,4}?(?:produce|approve|adopt|agree|grant|give|hold|end|reach|be)\b",
    r"\bcondition(?:s|ed|ing) (?:its|their|any) (?:[\w-]+ )?(?:participation|involvement|deployment|contribution|support) (?:[\w-]+ ){0,3}?(?:on|upon)\b",
    r"\b(?:hinges?|hinged|hinging|is predicated|was predicated) (?:on|upon)\b"
    # "its participation will be determined by the mandate the force receives"
    r"|\b(?:participation|involvement|deployment|contribution|decision to (?:join|take part|participate|send|deploy))(?: [\w-]+){0,2}? "
    r"(?:will|would|is to) (?:be )?(?:determined|decided|governed|guided|dictated) by\b"
    r"|\b(?:participation|involvement|deployment|contribution|decision|presence|role)(?: [\w-]+){0,3}? (?:is|was|would be|will be|remains) (?:tied|linked) to\b",
    r"\bafter (?:the )?(?:[Pp]arliament|[Cc]ongress|[Ss]enate|lawmakers|legislators|[Cc]abinet|National Assembly|legislature|(?:UN |U\.N\. )?Security Council|U\.?N\.?|" + PARLIAMENT_NAMES + r")"
    r" (?:approves|has approved|votes|gives|authori[sz]es|adopts|passes|endorses|agrees)\b",
]
WITHOUT = re.compile(r"(?:[Ww]ithout|before|while|[Ii]n the absence of|[Aa]bsent)\b|until$")
# "without" and "before" name a term only after a refusal: "will not send troops without a mandate",
# "ruled out sending troops before a ceasefire".
REFUSED_BEFORE = re.compile(r"\b(?:not|never|no|cannot)\b|n[’']t\b|\b(?:reluctant|unwilling|hesitant|holding off|holds off|held off|wait(?:s|ing)?)\b|"
                            r"\b(?:postpon(?:ed|es|ing)|delay(?:ed|s|ing)|defer(?:red|s|ring)|put(?:s|ting)? off)\b|\brul(?:ed|es|ing) out\b|\brefus(?:ed|es|ing)\b|\bdeclin(?:ed|es|ing)\b|\breject(?:ed|s|ing)\b")
# Terms said as what the force or the parties must do: "the deployment must be requested by the
# Palestinian Authority", "the Palestinians must agree", "the force needed a resolution",
# "parliamentary approval is required".
TERMS_AS_MUSTS = [
    r"\b(?:must|would have to|will have to|has to|have to|needs to|need to|would need to|will need to|should) (?:first )?be "
    r"(?:requested|endorsed|authori[sz]ed|approved|mandated|sanctioned|accepted|invited|backed|ratified|cleared) by\b",
    r"\b(?:the )?(?:Palestinian Authority|Palestinians|both (?:parties|sides)|the parties|all parties|Israel and Hamas) "
    r"(?:must|have to|has to|need to|needs to|would have to|will have to|would need to) (?:first )?(?:agree|accept|consent|approve|invite|request)\b",
    r"\b(?:force|mission|deployment|participation|contribution) (?:needed|required) (?:a |an |the )?(?:[\w.-]+ ){0,3}?(?:mandate|resolution|approval|consent|authori[sz]ation)\b",
    r"\b(?:approval|consent|mandate|resolution|authori[sz]ation|green light) (?:is|was|would be|will be|remains) (?:first |still |also )?"
    r"(?:required|needed|necessary|a must|a prerequisite|essential)\b",
]
# Hamas's arms as what must go first: "will send troops, but Hamas must lay down its weapons first".
TERMS_AS_MUSTS.append(r"\b(?:Hamas|the militants|militant groups|armed groups|the factions) (?:must|has to|have to|would have to|will have to|needs to|need to|should) "
                      r"(?:first )?(?:disarm|be disarmed|lay down|give up|hand over|surrender)\b")
MORE_CUES["conditional"] += TERMS_AS_MUSTS
# A government that puts the deployment to its parliament: "will propose to parliament that we send
# troops", "will ask parliament to approve the deployment", "seeks parliamentary approval".
PARLIAMENTS = r"(?:the )?(?:[Pp]arliament|[Cc]ongress|the Cortes|lawmakers|legislators|the legislature|the National Assembly|the Senate|the House)"
TO_PARLIAMENT = [
    # a vote still to come: "Indonesia's parliament has yet to approve the deployment"
    r"\b(?:[Pp]arliament|[Cc]ongress|[Ss]enate|lawmakers|legislators|the legislature|" + PARLIAMENT_NAMES + r") (?:has|have|had) (?:yet to|not yet) "
    r"(?:approve|approved|vote|voted|ratif\w+|authori[sz]e|authori[sz]ed|endorse|endorsed|sign off)\b",
    r"\b(?:propose|proposed|proposes|proposing) to " + PARLIAMENTS + r"\b",
    r"\b(?:ask|asked|asks|asking|request|requested|requests) " + PARLIAMENTS + r"(?:’s|'s)? (?:to (?:approve|authori[sz]e|endorse|back|vote)|approval|authori[sz]ation|consent)\b",
    r"\b(?:seek|seeks|sought|seeking|obtain|get) (?:(?:parliamentary|congressional|legislative) |(?:the )?(?:[Pp]arliament|[Cc]ongress|[Ss]enate|lawmakers|" + PARLIAMENT_NAMES + r")(?:’s|'s|’|') )"
    r"(?:approval|authori[sz]ation|consent|backing|endorsement|green light|nod)\b",
    r"\b(?:submit|submitted|submits|send|sent|put|puts|bring|brought) (?:the |a |its )?(?:[\w-]+ ){0,3}?(?:plan|proposal|decision|request|bill|deployment|matter) to " + PARLIAMENTS + r"\b",
]
# A term the news names right with "with": "would take part with a clear mandate from the United Nations".
WITH_A_MANDATE = [
    r"\bwith (?:a |an )?(?:clear |formal |binding |explicit |proper |full )?(?:U\.?N\.?|United Nations|Security Council) (?:[\w-]+ ){0,2}(?:mandate|resolution|authori[sz]ation)\b",
    r"\bwith (?:a |an )(?:clear |formal |binding |explicit |proper |full )?mandate (?:from|of|by) (?:the )?(?:U\.?N\.?|United Nations|Security Council)",
]
MORE_CUES["conditional"] += TO_PARLIAMENT + WITH_A_MANDATE
MORE_CUES["conditional"] += TERMS_IN_OTHER_WORDS
# Terms in yet other words: "requires a formal invitation from", "is conditioned on a vote", "will send
# troops as soon as the truce is consolidated" (but not "as soon as possible").
TERMS_REQUIRED = [
    r"\b(?:requires?|required|necessitates?) (?:a |an |the |prior |its |their )?(?:[\w-]+ ){0,2}?"
    r"(?:approval|consent|invitation|mandate|resolution|authori[sz]ation|ceasefire|cease-fire|truce|request|vote|green light)\b",
    r"\b(?:is|was|are|were|be|remains?|would be|will be) (?:[a-z]+ly )?(?:conditioned|conditional|dependent|contingent|predicated) (?:on|upon)\b"
    # (not a dependence: "the government is heavily dependent on Russia")
    r"(?<!heavily dependent on)(?<!largely dependent on)(?<!economically dependent on)(?<!financially dependent on)(?<!militarily dependent on)(?<!deeply dependent on)",
    r"\b(?:could|would|will|ready to|willing to|prepared to) (?:send|contribute|deploy|join|take part|participate|commit|provide|dispatch)\b"
    r"[^.;]*? as soon as\b(?! (?:possible|practicable|feasible|it can|they can|we can|next|the (?:order|request|call)))",
]
TERMS_REQUIRED += [
    r"\bon the (?:understanding|assumption|basis|premise) that\b|,\s*assuming (?:that )?",
    # "would send peacekeepers assuming a ceasefire holds" (not "assuming command of")
    r"\b(?:assuming|presuming|supposing) (?:that )?(?=(?:a |an |the |there )(?:[\w-]+ ){0,3}?(?:holds|is|are|has|have|will|can|remains|stays)\b)",
    r"\b(?:could|would|will|ready to|willing to|prepared to) (?:send|contribute|deploy|join|take part|participate|commit|provide|dispatch)\b[^.;]*? when "
    r"(?=(?:the |a |an )?(?:[\w-]+ ){0,3}?(?:Security Council|UN|U\.N\.|[Pp]arliament|Congress|ceasefire|truce|mandate|resolution|fighting|war|hostilities|parties|Hamas|Palestinian|"
    + PARLIAMENT_NAMES + r"))",
]
MORE_CUES["conditional"] += TERMS_REQUIRED
# Assurances wanted first: "wants assurances that it will be a peacekeeping mission", "we need to know what
# role they will play".
MORE_CUES["conditional"] += [
    r"\b(?:wants?|wanted|seeks?|sought|seeking|demands?|demanded|needs?|needed|insists? on|asked for|asks for) "
    r"(?:firm |clear |written |formal |further |more )?(?:assurances|guarantees)\b"
    r"|\b(?:wants?|wanted|seeks?|sought|seeking|demands?|demanded) (?:more |further )?(?:clarity|clarification)\b",
    r"\b(?:need|needs|needed|want|wants|wanted) to (?:better )?(?:know|understand) (?:first )?(?:what|whether|how|the (?:goal|role|mandate|nature|rules))\b",
]
# Still weighing it, in other words: a participation being evaluated, a matter under consideration, a
# request received, a decision promised for later.
STILL_WEIGHING = [
    r"\b(?:evaluating|assessing|reviewing|studying|examining|weighing) (?:its|their|a|the) (?:possible |potential |eventual )?"
    r"(?:participation|contribution|involvement|role|deployment|options)\b",
    r"\b(?:is|are|was|were|remains?) (?:still |now )?under (?:active |serious |careful )?(?:consideration|review|study|discussion)\b",
    # commitments reconsidered: "have started to reconsider their commitments", "are having second thoughts about committing troops"
    r"\b(?:reconsider|reconsiders|reconsidering|reconsidered|rethink|rethinks|rethinking|re-?evaluat\w+|re-?assess\w+) (?:their|its) "
    r"(?:[\w-]+ )?(?:commitments?|pledges?|offers?|participation|involvement|contribution|decision|position)\b",
    r"\b(?:having|has|have|had) second thoughts\b",
    # second thoughts: "have expressed reservations due to a lack of clarity", "now have “cold feet”"
    r"\b(?:expressed|voiced|raised|has|have|had|with) (?:serious |strong |growing |some |deep )?(?:reservations|misgivings|doubts)"
    r"|\b(?:has|have|had|got|getting|developed|developing) [“\"‘']?cold feet",
    # no commitment announced yet: "Islamabad has not yet announced its commitment"
    r"\b(?:has|have) not (?:yet )?announced (?:its|their|a|any) (?:final )?(?:commitment|decision|participation|contribution)\b",
    # asked, and no answer yet: "Uganda, which Washington asked to contribute, has not replied publicly"
    # (a request for comment unanswered is no stance: "has not responded to a Reuters request for comment")
    r"\b(?:has|have) not (?:yet )?(?:publicly |formally |officially )?(?:responded|replied|answered)"
    r"(?! to (?:a |an |the |several |repeated )?(?:[\w’'-]+ ){0,2}?(?:requests?|calls?|emails?|questions?|queries|messages?) (?:for|seeking) comment)",
    # "describe a contribution as “under study”"
    r"\b(?:describes?|described|describing|sees?|treats?|calls?|called) (?:a |an |its |their |the )?(?:[\w-]+ )?(?:contribution|participation|deployment|role|request|offer)"
    r" as [“\"‘']?(?:still )?under (?:active |serious |careful )?(?:consideration|review|study|discussion)\b",
    # "has instructed the government to prepare proposals on Kazakhstan's participation"
    r"\b(?:instructed|ordered|tasked|asked|directed) (?:the |his |her |its |their )?(?:[\w-]+ ){0,3}?to (?:prepare|draft|study|work out|submit|present) "
    r"(?:proposals|a proposal|options|plans?|recommendations|a report)\b" + ABOUT_JOINING_AHEAD,
    # (of any kind, "an informal request", but not a request for comment)
    r"\b(?:has |have |had )?(?:also )?received (?:a|an|the) (?:[\w.-]+ ){0,2}?(?:request|invitation)\b(?! for comment)",
    r"\b(?:will|would) (?:decide|make (?:a|its|their) decision|take (?:a|its|their) decision) (?:later|soon|in due course|in the coming)\b",
    r"\b(?:will|would) (?:decide|make (?:a|its|their) decision|take (?:a|its|their) decision) next (?:week|month|year)\b" + ABOUT_JOINING_AHEAD,
]
# A contingent on its way: "An Indonesian engineering unit is due to follow next month".
MORE_CUES["committed"] += [
    r"\b(?:unit|contingent|battalion|company|team|detachment|troops|soldiers|engineers|medics|peacekeepers) (?:is|are) (?:due|scheduled|set|expected|slated) "
    r"to (?:follow|arrive|deploy|join (?:them|the force|the mission)|leave for (?:Gaza|the Strip|the enclave))\b"
    r"(?! (?:in|to|at) (?!Gaza\b|Rafah\b|Khan\b)[A-Z])",  # (not "expected to arrive in Lebanon")
]
# Not ruled out, with the object before "out": "We have not ruled it out"; a decision not yet announced.
MORE_CUES["considering"] += [
    r"\b(?:has|have|had|did|does|do) not (?:yet )?rule[ds]? (?:it|this|that|the idea|the possibility|anything) out\b",
    r"\bnot ruling (?:it|this|that|anything) out\b",
    r"\b(?:has|have) yet to announce (?:its|their) (?:own |final )?(?:decision|position|commitment)\b",
]
# Unable: "said it was not in a position to do so" (after being asked to contribute).
MORE_CUES["declined"] += [r"\b(?:is|was|are|were) not in a position to (?:do so|do that|help|take part|participate|join|contribute|send)\b"]
# Troops waiting for the order: "the kingdom's 1,500 soldiers are ready to board as soon as the order is given".
MORE_CUES["committed"] += [r"\b(?:troops|soldiers|forces|peacekeepers|personnel|contingent|battalion|units?) (?:are|is) (?:ready|on standby|standing by) to "
                           r"(?:board|deploy|go|leave|depart|move|fly out)\b"]
# Participation said to be excluded: "any participation was excluded by its neutrality", "a deployment is out of the question".
MORE_CUES["declined"] += [r"\b(?:participation|involvement|contribution|deployment|taking part) (?:was|is|would be|remains|has been) "
                          r"(?:ruled out|excluded|out of the question|impossible|not an option)\b"]
# A dispatch approved, said of the troops: "The dispatch of 250 Argentine military engineers to the force was approved by decree".
MORE_CUES["committed"] += [r"\b(?:dispatch|deployment|despatch|sending) of (?:about |some |up to |around )?\d[\d,]* (?:[\w-]+ ){0,3}?"
                           r"(?:troops|soldiers|engineers|personnel|peacekeepers|police|medics|officers|gendarmes)\b[^.;]{0,60}? "
                           r"(?:was|has been|had been|were|have been) (?:formally |officially |unanimously )?approved\b"]
# A decision not yet taken: "has yet to take a decision on whether to contribute troops".
MORE_CUES["considering"] += [r"\b(?:has|have|had) (?:yet to|not yet) (?:take|taken|make|made|reach|reached) (?:a|any|its|their|the) (?:final )?decision\b"
                             + ABOUT_JOINING_AHEAD]
# Approved in principle: "The federal cabinet has approved in principle the dispatch of up to 3,000 troops".
MORE_CUES["committed"] += [r"\b(?:approved|approves|endorsed|endorses|cleared|clears) in principle (?:the |a )?(?:dispatch|deployment|sending|despatch|participation|contribution)\b"]
# A pledge taken back in the words of a statement: "has decided to withdraw from its earlier commitment to send
# servicemen", "the relevant decision has been revoked".
STATEMENT_TAKING_BACK = [r"\b(?:withdraw|withdraws|withdrew|withdrawn|withdrawing|pull out|pulled out|back out|backed out|step back|stepped back) "
                           r"from (?:its|their) (?:earlier |previous |initial |original )?(?:commitment|pledge|offer|decision)\b",
                           r"\b(?:revoked|rescinded|reversed) (?:its|their|the) (?:earlier |previous |relevant )?(?:decision|commitment|pledge) (?:to|on) "
                           r"(?:send|deploy|contribute|take part|participat)"]
# Pledges in the words of decisions and papers: "has given the green light to the armed forces to prepare a battalion
# for service with the force", "has finalised the list of 850 personnel who will serve", "signed a memorandum with the
# United States to deploy an army company", "voted to authorise the deployment of 300 soldiers", "confirmed on
# Wednesday its participation in the force".
MORE_CUES["committed"] += [
    r"\b(?:has |have |had )?(?:given|gave|gives) (?:the |its |their )?(?:green light|go-ahead|nod) (?:to|for) (?:[\w-]+ ){0,6}?"
    r"(?:prepare|send|deploy|dispatch|participat\w*|join|contribut\w*|take part|the deployment|the dispatch|the sending)\b",
    r"\bfinali[sz](?:ed|es) (?:the )?(?:list|names|roster|selection) of (?:[\w,-]+ ){0,3}?(?:personnel|troops|soldiers|peacekeepers|officers|servicemen)\b",
    r"\bsigned (?:a|an) (?:memorandum|agreement|deal|letter of intent)(?: of understanding)?(?: with (?:[\w.-]+ ){0,3}?[\w.-]+)?"
    r" (?:to (?:deploy|send|contribute|dispatch)|on (?:the )?(?:deployment|sending|dispatch|participation)|for (?:the )?(?:deployment|sending|dispatch|participation))\b",
    r"\bvoted (?:(?:on|last|this|earlier this|late on|early on) \w+ )?(?:overwhelmingly |unanimously )?to (?:authori[sz]e|approve|endorse) (?:the )?(?:deployment|dispatch|sending|participation)\b",
    r"\b(?:confirmed|confirms|announced|announces)(?: on \w+)? (?:its|their) (?:participation|involvement|contribution) in\b",
]
# Deliberation in still other words: "is in contact with Washington about the force", "has not closed the door to taking
# part", "its participation is being discussed at the highest level", "will announce its decision after consultations",
# "officials are studying the proposal".
MORE_CUES["considering"] += [
    r"\b(?:is|are) (?:now |still )?in (?:close |regular |direct )?(?:contact|touch) with\b" + ABOUT_JOINING_AHEAD,
    r"\b(?:has|have|had) not (?:yet )?closed the door\b|\b(?:left|leaves|leaving|keeps?|kept) the door open\b",
    r"\b(?:participation|contribution|involvement|deployment|decision)\b[^.;]{0,60}?\b(?:is|are|was|were) (?:still )?being (?:discussed|considered|studied|examined|evaluated|reviewed)\b",
    r"\bwill (?:announce|make|take|reveal|give) (?:its|their) (?:own |final )?decision\b(?= (?:on whether|after|once|in due course|later|soon))",
    r"\b(?:officials|experts|ministers|authorities) (?:are|were) (?:studying|examining|reviewing|evaluating|assessing|analy[sz]ing) (?:the|a|its|their) (?:[\w.-]+ ){0,2}?(?:proposal|request|invitation|offer|idea)\b",
]
# An approach not yet answered in other words: "did not respond to the US request" (not to a request for comment).
MORE_CUES["considering"] += [
    r"\b(?:did|does|do) not (?:yet )?respond to (?:the|a|Washington(?:’s|'s)|the US|the American|its) (?:[\w-]+ )?(?:request|invitation|approach)\b(?! for comment)",
]
# Terms announced before they are named: "set out conditions for its participation", "on two conditions".
TERMS_ANNOUNCED = [
    # (not "has set no conditions": none)
    r"\b(?:set|sets|laid|lays|spelled|spelt|outlined|outlines|listed|lists|named|names) (?:out )?(?:(?!no\b|any\b)\w+ )?(?:conditions|preconditions|terms|requirements)\b",
    r"\b(?:on|under) (?:two|three|four|several|certain|some|clear|strict) (?:conditions|preconditions)\b",
]
# ... or named right after being announced: "Our conditions are a ceasefire and a UN mandate", "its terms include".
# (or said to be clear, the terms then listed in the next sentence: "Its conditions for participation are clear.")
TERMS_ANNOUNCED += [r"(?:\b(?:[Oo]ur|[Ii]ts|[Tt]heir|[Tt]he country(?:’s|'s))|(?<=[A-Za-z])(?:’s|'s)) (?:main |key |only |two |three |basic )?(?:conditions|preconditions|requirements|terms)"
                    r"(?: for (?:its |our |their )?(?:participation|joining|involvement|taking part|deployment|contribution))? (?:are|include|would be|will be|remain)\b:?"]
# ... or said to be had: "But we have conditions for participation, and I want to spell them out."
TERMS_ANNOUNCED += [r"\b(?:[Ww]e|[Ii]t|[Tt]hey) (?:also )?(?:have|has) (?:some |certain |clear |several |two |three |four |our )?(?:conditions|preconditions|terms)"
                    r"(?: for (?:our |its |their )?(?:participation|joining|involvement|taking part|deployment|contribution))?\b"]
# ... or said to be needed first: "But there are two things that must be in place. First, ..."
TERMS_ANNOUNCED += [r"\b[Tt]here (?:are|were|would be|will be) (?:two|three|four|several|some|certain) (?:things|conditions|requirements|preconditions)"
                    r"(?: that)? (?:must|need to|have to|has to|should|would have to|will have to) (?:be (?:in place|met|fulfilled|satisfied)|happen)\b"]
# Terms said only to be clear or simple: the terms themselves are still to come.
TERMS_JUST_CLEAR = re.compile(r"(?:(?:fairly|very|quite|perfectly|crystal) )?(?:clear|simple|well[- ]known|known|straightforward)", re.I)
# ... or one term, named after a colon or "is": "Baku's only condition: a complete end to the fighting".
TERMS_ANNOUNCED += [r"(?:’s|'s|\b[Ii]ts|\b[Tt]heir|\b[Oo]ur) (?:main |key |only |sole |first |one |single )?(?:condition|precondition|requirement)"
                    r"(?: for (?:its |our |their )?(?:participation|joining|involvement|taking part|deployment|contribution))?(?: is|:)"]
TERMS_ANNOUNCED_CUE = re.compile("|".join(TERMS_ANNOUNCED))
# ... or named right after, as examples: "on certain conditions, including a UN mandate".
TERMS_INCLUDING = re.compile(r"[^.;:]{0,40}?,?\s*(?:including|such as|namely|notably|chief among them|among them)\s+")
# Terms of time, consent and money: "not until the fighting stops", "at the invitation of the
# Palestinian Authority", "the costs would have to be covered", "the terms of reference must be clear".
TERMS_OF_TIME_CONSENT_AND_MONEY = [
    r"\buntil (?:there is |there's |there has been )?(?:a |the )?(?:full |complete |total |lasting |permanent |durable )?"
    r"(?:ceasefire|cease-fire|truce|halt to|end to|cessation)\b"
    r"|\buntil (?:the )?(?:fighting|hostilities|war|violence|bombing) (?:[a-z]+ly )?(?:ends|stops|has ended|has stopped|is (?:[a-z]+ly )?over|ceases|end|stop)\b",
    r"\bat the (?:formal |official )?(?:invitation|request) of (?:the )?(?:Palestinian|Palestinians|both|the parties|all parties)",
    r"\b(?:costs?|expenses|salaries) (?:would|will|must|should) (?:have to |need to )?be (?:covered|paid|borne|funded|met|reimbursed)\b"
    r"|\b(?:financing|funding) (?:must|would have to|has to|needs to|will have to) (?:be )?(?:secured|guaranteed|provided|found)\b",
    r"\b(?:the )?(?:terms of reference|rules of engagement) (?:must|have to|need to|would have to|should) (?:first )?be\b",
]
UNTIL_THE_FIGHTING_STOPS = re.compile(TERMS_OF_TIME_CONSENT_AND_MONEY[0])
MORE_CUES["conditional"] += TERMS_OF_TIME_CONSENT_AND_MONEY
# A refusal until something happens: "will not send troops before Hamas disarms", "will not deploy until
# parliament has voted". The term is an event (a verb), not a date: "not before the end of the year" is none.
# Like "without", it is a term only after a refusal (see WITHOUT).
TERM_EVENTS = (r"(?:(?:is|are|was|were|has been|have been|had been|has|have|had) )?(?:disarm(?:s|ed)?|demilitari[sz](?:es|ed)|lays? down|laid down|hands? over|handed over|"
               r"gives? up|given up|agre(?:es|ed|e)|consents?|consented|approv(?:es|ed|e)|votes?|voted|adopt(?:s|ed)|pass(?:es|ed)|"
               r"authori[sz](?:es|ed|e)|ends|ended|stops|stopped|ceases|ceased|is over|holds|takes hold|taken hold|reached|signed|"
               r"in place|withdraws|withdrawn|invites|invited|requests|requested|accepts|accepted|granted|given|issues|issued|grants|gives|"
               r"released|freed|returned|established|formed|set up|"
               # a state of things that changes: "until the security situation improves"
               r"improves|improved|stabili[sz]es|stabili[sz]ed|calms|calmed|settles|settled|is resolved|(?:is|are|becomes?) clear|clarified|"
               # a parliament's debate: "cannot send troops until its parliament debates the matter"
               r"debates|debated|has debated|discusses|discussed|has discussed)")
EVENT_FIRST = r"\b(?:until|before)(?= (?:[\w’'.-]+ ){1,5}?" + TERM_EVENTS + r"\b)"
MORE_CUES["conditional"] += [EVENT_FIRST]
# A refusal of a force that lacks the term: "would not participate in a force that lacks a UN mandate", "will not
# join any force not authorised by the Security Council" (the term is what follows the cue).
FORCE_LACKING = (r"\b(?:not|never) (?:[\w-]+ ){0,2}?(?:participate|take part|join|be part|serve|send (?:[\w-]+ ){0,2}?(?:troops|soldiers|forces)) (?:(?:in|of|to|with) )?"
                 r"(?:a|any|the) (?:[\w-]+ )?(?:force|mission|operation|arrangement|deployment|framework)(?: (?:that|which) (?:lacks|lacked|does not have|did not have|has no|had no|is not|was not|were not|would not be"
                 # "will not be part of any arrangement that does not lead to a two-state solution"
                 r"|does not lead to|does not include|does not guarantee|does not respect|fails to)"
                 r"| not(?= (?:mandated|authori[sz]ed|approved|endorsed|backed|sanctioned) by))")
MORE_CUES["conditional"] += [FORCE_LACKING]
# ... or troops refused a place for what goes on there: "will not send our soldiers into a place where the guns have not
# fallen silent" (the term: that they fall silent).
MORE_CUES["conditional"] += [r"\b(?:not|never) (?:[\w-]+ ){0,2}?(?:send|deploy|put|place) (?:[\w-]+ ){0,2}?(?:troops|soldiers|forces|personnel|servicemen) "
                             r"(?:into|to|in) (?:a|any|the) (?:place|area|situation|zone|war zone|theatre) (?:where|while|in which)\b"]
# A term set after the pledge by an inverted "should": "ready to take part in a peacekeeping mission should it be
# established under the UN banner" (the term is what the force should be).
MORE_CUES["conditional"] += [r"(?<=[a-z] )should (?:it|they|the (?:force|mission)) be (?:established|set up|created|formed|deployed|mandated|authori[sz]ed|led|placed)\b"]

# A demand put before joining: "insists that Hamas be disarmed before it sends troops", "demands the consent of
# both sides before joining", "wants the Palestinian Authority to govern Gaza before it commits troops". The
# demand is a term only when what waits on it is the country's own joining (not "before the force deploys").
JOINING_WAITS = (r"(?:before (?:(?:it|they|we) (?:\w+ )?|(?:its|their|our) (?:troops|soldiers|forces|police) (?:are |can be )?|any )?"
                 r"(?:commit|join|send|deploy|dispatch|contribut|participat|tak(?:e|es|ing) part|sign(?:s|ing)? up|deployment|commitment)\w*"
                 # "before any Egyptian soldier sets foot in Gaza"
                 r"|before (?:any |its |their |our )?(?:[A-Z][\w-]+ )?(?:soldiers?|troops?|police(?:man|men)?) (?:sets? foot|set foot|deploys?|go(?:es)?|arrives?|enters?)\b)")
DEMANDS_BEFORE_JOINING = [
    r"\b(?:insists?|insisted|insisting|demands?|demanded|demanding|calls? for|called for|calling for|wants?|wanted|expects?|expected|"
    r"requires?|required|seeks?|sought|seeking) (?:that |on )?(?=[^.;]{3,100}? " + JOINING_WAITS + r")",
]
MORE_CUES["conditional"] += DEMANDS_BEFORE_JOINING
# A term that must come first, or a body with the last word: "must first see a ceasefire take hold", "has to
# first pass national legislation", "parliament has the final say", and the kind of mission said against
# another ("a peacekeeping mission, not peace enforcement").
TERMS_FIRST = [
    r"\b(?:must|would have to|will have to|needs? to|has to|have to|would need to) first (?:see|have|get|secure|obtain|pass|receive|wait for|win|adopt)\b"
    r"(?=[^.;]{0,60}?\b(?:mandate|resolution|approval|consent|cease-?fire|truce|agreement|authori[sz]ation|green light|invitation|guarantees?|vote|"
    r"legislation|law|disarm\w*|funding|financing)\b)",
    r"(?=\b(?:[Pp]arliament|[Cc]ongress|the Senate|lawmakers|legislators|the [Cc]abinet|the National Assembly|the legislature|" + PARLIAMENT_NAMES + r") "
    r"(?:has|have|will have|would have|gets|get|will get|would get) the (?:final|last) (?:say|word)\b)",
    # "the final decision belongs to Parliament", "nothing will move until Parliament has approved it"
    r"\b(?:the )?(?:final|last) (?:decision|say|word) (?:[\w-]+ ){0,3}?(?:belongs to|rests with|lies with|is for|is up to|will be (?:made|taken) by) (?:the )?"
    r"(?=(?:[Pp]arliament|[Cc]ongress|[Ss]enate|[Ll]awmakers|[Ll]egislators|National Assembly|[Ll]egislature|" + PARLIAMENT_NAMES[3:-1] + r")\b)",
    r"\bnothing (?:will|would|can|could) (?:move|happen|go ahead|proceed|be sent|be decided) (?:until|before|unless) (?:the )?"
    r"(?=(?:[Pp]arliament|[Cc]ongress|[Ss]enate|[Ll]awmakers|[Ll]egislators|National Assembly|[Ll]egislature|" + PARLIAMENT_NAMES[3:-1] + r")\b)",
    # a mission with an end: "wants a clear exit date", "insists on an exit strategy"
    r"\b(?:wants?|wanted|insists? on|insisted on|demands?|demanded|needs?|requires?|required|seeks?|sought) (?:a |an )?(?:clear |firm |fixed |defined |set )?"
    r"(?=(?:exit (?:date|strategy|plan)|end date|time limit|withdrawal date)\b)",
    # (only of the country's own troops: "would deploy troops as part of a peacekeeping mission, not peace enforcement";
    # a view of the force, "envisions a peacekeeping mission, not peace enforcement", is no stance)
    r"\b(?:send|sending|deploy|deploying|contribute|contributing|join|joining|take part|taking part|participate|participating|serve|serving)\b[^.;]{0,60}?"
    r"(?=\bpeace-?keeping(?: (?:mission|force|operation|role|duties|tasks))?,? (?:and |but )?(?:not|rather than|instead of|never) (?:for |in )?(?:a |an )?peace[- ]?(?:enforcement|enforcing|making)\b)",
]
MORE_CUES["conditional"] += TERMS_FIRST
# A participation made to depend on a term, a precondition named as the country's, a term wanted "first":
# "makes its participation dependent on a vote", "ties its participation to a UN mandate", "Chile's precondition
# is a lasting ceasefire", "wants the approval of its Congress first".
PARTICIPATION_TIED = [
    r"\b(?:makes?|made|making) (?:its|their) (?:[\w-]+ )?(?:participation|involvement|deployment|contribution|support) (?:dependent|conditional|contingent) (?:on|upon)\b",
    r"\b(?:ties|tied|tying|links|linked|linking) (?:its|their) (?:[\w-]+ )?(?:participation|involvement|deployment|contribution|decision) to\b",
    r"(?:’s|'s|\b[Ii]ts|\b[Tt]heir) (?:main |key |first |only |chief |basic )?(?:pre)?condition (?:is|was|remains|would be)\b",
    r"\b(?:wants?|wanted|needs?|needed|requires?|required|expects?|expected) (?=(?:the |a |an )[^.;,]{3,60}? first(?=[.;,]|$))",
]
MORE_CUES["conditional"] += PARTICIPATION_TIED
MORE_CUES["considering"] += STILL_WEIGHING
MORE_CUES["conditional"] += TERMS_ANNOUNCED
# An answer to a question, given by ellipsis: "Asked whether Chile would send troops, the minister said
# it would not." The country is the one named in the question.
ASKED_THEN_ANSWERED = (r"\b[Aa]sked (?:whether|if) [^.;]{0,80}?\b(?:send|contribute|deploy|join|take part|participate|be part)\b[^.;]{0,80}?, "
                       r"(?:[\w’'.-]+ ){0,6}?(?:said|replied|answered) (?:that )?(?:it|they|[A-Z][\w-]+) (?:would|will|could)")
MORE_CUES["declined"] += [ASKED_THEN_ANSWERED + r" not(?: do so)?(?=[.,;]|$)"]
MORE_CUES["committed"] += [ASKED_THEN_ANSWERED + r"(?: do so)?(?=[.,;]|$)"]
MORE_CUES["withdrawn"] = TAKING_BACK + STATEMENT_TAKING_BACK
MORE_CUES["committed"] += A_PART_IN_THE_FORCE
MORE_CUES["declined"] += UNWILLING
MORE_CUES["considering"] += NOT_YET
MORE_CUES["committed"] += WILLING_IN_OTHER_WORDS
MORE_CUES["considering"] += HESITATION + DECISION_PENDING_CUES

# Pledges said through the troops themselves or in the progressive: "Chile's contingent will number 800",
# "the contingent from Peru will comprise", "has 2,000 soldiers on standby", "is preparing a force of",
# "is sending 200 gendarmes", "vowed to send", "has earmarked a battalion", "signed up to the force".
PEOPLE_AHEAD = (r"(?= (?:[\w,-]+ ){0,4}?(?:troops|soldiers|personnel|peacekeepers|police|officers|gendarmes|carabinieri|medics|engineers|observers|trainers|staff|doctors|"
                r"units?|contingent|battalions?|brigade|company|detachment|team|\d))")
PLEDGED_THROUGH_THE_TROOPS = [
    r"(?:’s|'s|\bits|\btheir) (?:contribution|contingent|deployment|battalion|detachment) (?:will|would|is to|is set to|is expected to) "
    r"(?:number|comprise|consist of|total|include|be made up of|be (?:about |around |some |roughly |up to )?\d)",
    r"\b(?:contingent|battalion|troops|soldiers|units?|contribution|deployment|peacekeepers|personnel|police officers) from "
    r"[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:will|is to|are to|is set to|are set to|is due to|are due to|is expected to|are expected to) "
    r"(?:be |number|comprise|consist|total|include|arrive|deploy|join|serve|take part)",
    r"\b(?:has|have|had|keeps?|kept|maintains?) (?:up to |about |around |some |nearly )?\d[\d,]* (?:[\w-]+ ){0,2}" + UNITS_WORD
    + r" (?:on standby|standing by|ready|at the ready|on alert|prepared)\b",
    r"\b(?:is|are|was|were) (?:now |already |currently )?(?:preparing|readying|assembling|training|mobili[sz]ing) (?:a|an) (?:[\w-]+ ){0,2}"
    r"(?:force|contingent|battalion|unit|brigade|detachment|company|team) (?:of|for|to)\b",
    r"\b(?:is|are|was|were) (?:now |also |already |currently )?(?:sending|dispatching|deploying|contributing|providing)" + PEOPLE_AHEAD,
    r"\b(?:will|shall) (?:also |soon |now |initially )?(?:provide|supply|dispatch|commit|furnish|field)\b" + PEOPLE_AHEAD,
    r"\b(?:vow(?:ed|s)|swore|undertook|undertakes) to (?:send|contribute|deploy|dispatch|provide|join|take part|participate)\b",
    r"\b(?:has |have )?earmarked\b" + PEOPLE_AHEAD,
    r"\bsigned (?:up|on) (?:to|for) (?:the |a |an )?(?:[\w-]+ ){0,2}(?:force|mission|ISF|contingent|stabili[sz]ation)",
    r"\bcommitted (?:itself|themselves) to (?:send|sending|contribut|deploy|join|taking part|participat)",
    # "Chile's contribution, expected to total 800, will arrive in April", "the Chilean contingent will be 500 strong",
    # "the number of Chilean troops will be around 600", "Chile's offer stands at 300 troops"
    # (its size said before or after it: "Chile's 300-strong contingent", "Chile's contingent of 300")
    r"(?:’s|'s|\bits|\btheir) (?:(?:about |around |some |up to )?\d[\d,]*[- ]strong |first |initial |advance )?(?:contribution|contingent|deployment|battalion|detachment|troops|soldiers)"
    r"(?: of (?:about |around |some |roughly |up to |nearly )?\d[\d,]*(?: [a-z]+)?)?(?:, (?:[^,.;]|\d[,.]\d){1,60},)? "
    r"(?:will|is to|is set to|is due to|is expected to|are to|are set to|are due to|are expected to) (?:arrive|deploy|be deployed|be sent|head|leave|depart)\b",
    r"(?:\b(?:[Tt]he|[Aa]) (?:[A-Z][\w-]+)|(?:’s|'s|\bits|\btheir) (?:initial |first |planned |eventual )?) ?(?:contribution|contingent|deployment|battalion|detachment) (?:will|is to|is set to|is expected to) "
    r"(?:number|comprise|consist of|total|include|be made up of|be (?:about |around |some |roughly |up to )?\d|arrive|deploy|be deployed|be sent)",
    r"\b(?:number|size|strength) of (?:the )?(?:[A-Z][\w-]+ )(?:troops|soldiers|personnel|peacekeepers|police|contingent|forces) "
    r"(?:(?:to be (?:deployed|sent|dispatched|contributed) )?(?:will|is to|is set to|is expected to) be|to be (?:deployed|sent|dispatched|contributed) is)\b",
    # the size put at a figure, or changed to one: "puts its contribution at 2,000 troops", "has doubled its pledge to 2,000"
    r"\b(?:puts|put|putting|sets|set|setting|places|placed) (?:its|their) (?:planned |intended |eventual )?(?:contribution|offer|pledge|contingent|commitment|deployment) at\b",
    r"\b(?:increased|raised|doubled|tripled|boosted|expanded|cut|reduced|scaled back|trimmed|lowered|revised) (?:its|their) "
    r"(?:planned |intended |initial |original )?(?:contribution|offer|pledge|contingent|commitment|deployment) (?:to|from \d[\d,]* to)\b",
    # troops on standby: "some 2,000 Chilean soldiers have been placed on standby for Gaza"
    UNITS_WORD + r" (?:have been|has been|were|was|are|is) (?:placed|put|kept) on (?:standby|alert)\b",
    r"(?:’s|'s|\bits|\btheir) (?:offer|pledge|contribution|commitment) (?:stands at|amounts to|totals|comes to|is for)\b",
    # "Chile and Peru will each send 500 troops"
    r"\b(?:will|would|shall) (?:each|both|jointly|together) (?:send|contribute|deploy|dispatch|provide|supply)\b",
    r"\b(?:will|would|shall) (?:each|both|jointly|together) (?:join|take part|participate)\b",
]
MORE_CUES["committed"] += PLEDGED_THROUGH_THE_TROOPS
# Still more ways to say each stance: troops expected to arrive, a green light or a sign-off for sending,
# choosing not to take part, "would never send", stepping back from an offer, likely to send.
MORE_CUES["committed"] += [
    UNITS_WORD + r" (?:are|is) (?:expected|set|due|scheduled) to (?:arrive|deploy|be deployed|land|begin (?:arriving|deploying))\b"
    r"(?! (?:in|at|to) (?!Gaza\b)[A-Z])",  # (not troops bound elsewhere: "expected to arrive in Lebanon")
    r"\b(?:gave|given|gives|giving|granted) (?:the |its |a |final )?(?:green light|go-ahead|approval|nod|consent|assent) (?:for|to) (?:the )?"
    r"(?:sending|send|deploying|deploy|deployment|dispatch|dispatching|participation|participating|contribution|join|joining|take part|taking part|participate)\b",
    r"\bsigned off on (?:the )?(?:[\w-]+ )?(?:sending|deploying|deployment|dispatch|dispatching|participation|contribution)\b",
    # any role taken on: "the Turkish Armed Forces are fully prepared to undertake any role assigned to them", "ready to take
    # on any responsibility in the force" (not a role in trade or the economy)
    r"\b(?:is|are|was|were|stand|stands) (?:now |also |fully |always )?(?:prepared|ready|willing) (?:to (?:undertake|take on|assume|shoulder|carry out|fulfil|fulfill)|for) "
    r"(?:any|the|a|every) (?:[\w-]+ )?(?:role|mission|task|duty|duties|responsibility|responsibilities)\b"
    r"(?![^.;]{0,30}?\b(?:trade|econom\w*|business|markets?|investment|energy|diplomacy)\b)",
    # troops expected ready: "Indonesia's military expects up to 8,000 of its troops to be ready by June"
    r"\bexpects? (?:up to |about |around |some |as many as )?(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|fifteen|twenty|thirty|forty|fifty)(?= hundred| thousand))(?: hundred| thousand)? (?:of (?:its|their) )?(?:[\w-]+ )?" + UNITS_WORD
    + r" to be (?:ready|prepared|deployed|available|in place)\b",
    # a deployment planned by its size: "now plans a smaller deployment of around 1,200"
    r"\b(?:plans|planned|is planning|are planning|now plans) (?:a |an )?(?:[\w-]+ )?(?:deployment|contingent|contribution|force) of "
    r"(?:about |around |some |roughly |up to |nearly )?\d",
    # a parliament's yes: "Spain's Congress has approved the government's request to deploy 150 soldiers"
    r"\b(?:[Pp]arliament|[Cc]ongress|[Aa]ssembly|[Ss]enate|[Ll]egislature|[Cc]hamber|[Dd]eputies|[Ll]awmakers|MPs|" + PARLIAMENT_NAMES[3:-1]
    + r")(?: of [A-Z][\w-]+)?" + WHEN_SAID + r" (?:has |have |had )?(?:approved|authori[sz]ed|endorsed|backed|voted (?:to approve|for|in favou?r of)) "
    r"(?:the |a )?(?:[\w’'-]+ ){0,2}?(?:(?:request|plan|proposal|motion|bill|decision|mandate) )?(?:to )?(?:deploy|send|dispatch|contribute|deployment|dispatch)\b",
    # leaving for the mission: "120 personnel, mostly engineers, will leave for Gaza next week"
    UNITS_WORD + r",? (?:[\w-]+,? ){0,8}?(?:will|would|are to|is to|are due to|is due to|are set to|is set to|were to|was to) (?:leave|depart|fly|sail|head) (?:for|to) " + PLACES,
]
MORE_CUES["declined"] += [
    r"\b(?:opted|chose|decided|elected|prefers|preferred) not to (?:send|contribute|deploy|join|take part|participate|be part)\b",
    r"\b(?:will|would|shall) never (?:send|contribute|deploy|join|take part|participate|be part)\b" + NOT_A_TASK,
]
MORE_CUES["withdrawn"] += [
    r"\b(?:stepped|stepping|steps|stepped) back from (?:its|their) (?:offer|pledge|commitment|promise|decision)\b",
]
MORE_CUES["considering"] += [
    r"\b(?:is|are) (?:also |now )?(?:likely|poised) to (?:send|contribute|deploy|join|take part|participate)\b",
]
# Headline grammar and the present tense: "Chile to send 500 troops", "Chile eyes role in force", "Chile mulls
# joining", "Chile says no to troop request", "Chilean troops arrive in Gaza"; misgivings said as reservations.
MORE_CUES["committed"] += [
    r"(?:(?<![^\n])|(?<=[.:;] )|(?<=[—–] ))(?!The |A |An |It |This |That )[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? to (?:send|deploy|contribute|dispatch|join)\b(?= (?:[\w-]+ ){0,4}?"
    r"(?:troops|soldiers|personnel|peacekeepers|police|force|forces|mission|ISF|contingent|battalion|\d))",
    r"\bsends (?:its )?(?:first |more |additional |further )?(?:\d[\d,]* )?(?:[\w-]+ )?" + UNITS_WORD + r"\b",
    r"\b(?:signals|expresses|voices|declares|confirms) (?:its |their )?(?:willingness|readiness) to (?:send|contribute|deploy|join|take part|participate|be part)\b",
    r"\bkeen on (?:joining|sending|contributing|taking part|participating|deploying)\b",
]
MORE_CUES["considering"] += [
    r"\b(?:eyes|eyeing|eyed) (?:a |its |their )?(?:[\w-]+ )?(?:role|part|participation|place|spot|contribution|seat)\b",
    r"\b(?:mulls|weighs|ponders|considers) (?:a |the |an )?(?:[\w-]+ ){0,2}?(?:request|sending|joining|contributing|participation|participating|"
    r"taking part|offer|invitation|deployment|role|contribution)\b",
    r"\b(?:expressed|expresses|voiced|voices|has|had) (?:some |serious |deep )?(?:reservations|misgivings|doubts) about (?:sending|joining|contributing|deploying|taking part|participating)\b",
    r"\b(?:shown|shows|showed|has) (?:little|limited|no great) (?:appetite|enthusiasm) for (?:sending|joining|contributing|deploying|taking part|participating"
    r"|putting (?:its|their) (?:own )?(?:soldiers|troops|boots|forces))\b",
    r"\bin no hurry to (?:commit|send|join|contribute|deploy|decide)\b",
]
MORE_CUES["declined"] += [
    r"\bsays no to\b",
    r"\brejects (?:sending|joining|contributing|deploying|taking part|participating|(?:the |a |any |US |U\.S\. )?(?:calls?|requests?|invitations?|proposals?) (?:to|for))\b",
]
MORE_CUES["withdrawn"] += [r"\bbacks out of\b|\bpulls out of\b"]
MORE_CUES["committed"] += [
    # troops being readied: "500 soldiers were being trained for the mission"
    UNITS_WORD + r" (?:are|were|is|was|have been|has been) (?:now |already )?(?:being )?(?:trained|prepared|readied|mobili[sz]ed|equipped|selected) "
    r"for (?:the |a |this |its |their )?(?:[\w-]+ ){0,2}(?:mission|force|deployment|ISF|Gaza|stabili[sz]ation)\b",
    # "Chile's participation was confirmed by its foreign ministry"
    r"\b(?:participation|contribution|deployment|involvement) (?:was|has been|had been|is|were) (?:officially |formally )?(?:confirmed|announced|approved)\b",
]
# A task taken on within the force: "Chile will take on the training of police".
MORE_CUES["committed"] += [r"\b(?:will|would|is to|are to|shall) (?:take on|take charge of|be in charge of|be responsible for|handle|oversee) "
                           r"(?:the )?(?:training|policing|patrols?|patrolling|demining|logistics)\b"]
# Deliberation in other words: "could provide 3,000 troops", "would not rule out", "is still deciding
# whether", "is looking into the possibility", "is thinking about sending", "has not made up its mind".
DELIBERATION_IN_OTHER_WORDS = [
    r"\b(?:could|might|may) (?:provide|supply|dispatch|offer|commit|field)\b" + PEOPLE_AHEAD,
    r"\b(?:would|will|could|can) not (?:exclude|rule (?:it |that |this )?out)\b|\b(?:won[’']t|wouldn[’']t|didn[’']t|hasn[’']t|doesn[’']t) (?:exclude|rule out|ruled out)\b"
    r"|\b(?:is|are|was|were) not (?:ruling out|excluding)\b",
    r"\b(?:still )?deciding (?:whether|if|on|about)\b",
    r"\blooking (?:into|at) (?:the )?(?:possibility|option|prospect|idea|request|proposal|whether|sending|joining|contributing|a contribution|participation|taking part|a role)\b",
    r"\bthinking (?:about|of|over) (?:sending|joining|contributing|taking part|participating|deploying|the request|the proposal|a contribution|a role)\b",
    r"\b(?:has|have|had) not (?:yet )?made up (?:its|their) minds?\b|\byet to make up (?:its|their) minds?\b",
    r"\bdecision (?:on|about|whether|regarding) [^.;]{0,140}?(?:has|have|had) (?:still |yet )?not (?:yet )?been (?:made|taken|reached|finali[sz]ed)",
]
# A decision to join named, still to be made: "Chile's decision to send troops is yet to be finalised", "is still pending".
DELIBERATION_IN_OTHER_WORDS.append(r"(?:’s|'s|\bits|\btheir) decision (?:to|on|about) (?:send|sending|contribute|contributing|deploy|deploying|dispatch|join|joining|take part|taking part|participate|participating)\b"
                                   r"(?=" + STILL_TO_BE_MADE + r")")
# Neither yes nor no: "has neither confirmed nor denied that it will send troops", "would not confirm or deny".
NEITHER_CONFIRMED = re.compile(r"\b(?:neither (?:confirmed|confirms|confirm) nor (?:denied|denies|deny)|(?:not|never) (?:confirmed|confirm) or (?:denied|deny))\b")
DELIBERATION_IN_OTHER_WORDS.append(NEITHER_CONFIRMED.pattern)
# Still deciding, with nothing after it: "Pakistan is still deciding and Malaysia has said no".
DELIBERATION_IN_OTHER_WORDS.append(r"\b(?:is|are|was|were) still (?:deciding|undecided|weighing (?:it|its options|the matter))(?= ?[.,;”\"]|$| (?:and|but|while|whereas)\b)")
# Stances said as nouns, the country's own ("Chile's refusal to send troops", "the Chilean refusal of the request",
# "Chile's reluctance to commit troops", "its decision not to join", "Chile's withdrawal from the force", "Chile's
# deployment to Gaza began on Monday"); a noun that could be about anything else needs the force named in its sentence.
TO_JOIN = r"(?:send|contribute|deploy|dispatch|join|take part|participate|be part|commit)"
JOINING_VERBS = r"(?:sending|joining|contributing|deploying|dispatching|taking part|participating|committing)"
POSSESSOR = r"(?:(?:’s|'s|\bits|\btheir) |(?<=[a-z] )(?=(?:refusal|rejection|reluctance|hesitancy|hesitation|wariness|withdrawal|commitment)\b))"
NOUN_STANCES = {
    "declined": [POSSESSOR + r"(?:[\w-]+ )?(?:refusal|rejection) (?:to " + TO_JOIN + r"|of (?:the |a |an |any )?(?:[\w-]+ )?"
                 r"(?:request|invitation|call|proposal|deployment|participation|force))\b",
                 POSSESSOR + r"(?:[\w-]+ )?decision not to " + TO_JOIN + r"\b"],
    "considering": [POSSESSOR + r"(?:[\w-]+ )?(?:reluctance|hesitancy|hesitation|wariness) (?:to (?:" + TO_JOIN + r")|about (?:sending|joining|contributing|deploying|taking part|participating))\b"],
    "withdrawn": [POSSESSOR + r"(?:[\w-]+ )?withdrawal from (?:the )?(?:[\w-]+ ){0,2}(?:force|ISF|mission|contingent)\b"],
    "deployed": [r"(?:’s|'s|\bits|\btheir) (?:[\w-]+ )?deployment (?:to|in|into) " + PLACES + r" (?:began|started|got under way|has begun|is under way)\b"],
}
for _status, _cues in NOUN_STANCES.items():
    MORE_CUES.setdefault(_status, []).extend(_cues)
# An idea floated, warmed to or cooled on, a yes in principle, details asked for before deciding: "has floated the
# idea of sending a medical team", "is warming to the idea of sending troops", "has cooled on the idea", "signalled a
# willingness in principle", "asked for more details before deciding".
DELIBERATION_IN_OTHER_WORDS += [
    r"\b(?:floated|floats|floating|raised|raises) the (?:idea|possibility|prospect) of " + JOINING_VERBS + r"\b",
    r"\b(?:(?:warming|warmed|warms|cooling|cooled|cools) (?:up )?(?:to|on)|(?:gone|grown|turned|going|growing) cold on) (?:the (?:idea|prospect) of )?" + JOINING_VERBS + r"\b",
    r"\b(?:willingness|readiness|agreement) in principle\b",
    r"\b(?:asked|asks|asking) for (?:more |further )?(?:details|information|clarifications?|time) (?:before|on) (?:deciding|any decision|making a decision|a decision)\b",
]
# Troops said to be available: "up to 20,000 soldiers could eventually be available".
MORE_CUES["committed"] += [
    r"(?:\b(?:[Uu]p to |[Aa]bout |[Aa]round |[Ss]ome |[Aa]s many as )?\d[\d,]* (?:[\w-]+ )?)?" + UNITS_WORD
    + r" (?:could|would|will|can|are|were) (?:eventually |initially |also |now )?(?:be |become )?(?:made )?available\b"]
# Headline grammar, present tense and no article: "Chile readies troops for Gaza", "Chile joins Gaza stabilization force",
# "Chile eyes Gaza force role", "Chile snubs US request for Gaza troops", "No decision yet on Gaza troops, says Chile".
MORE_CUES["committed"] += [
    r"\b(?:readies|prepares|mobili[sz]es|earmarks) (?:its |their )?(?:[\w-]+ )?(?:troops|soldiers|contingent|battalion|peacekeepers|forces) for\b",
    r"\bjoins (?:the )?(?:Gaza |international |US-led |multinational )*(?:stabili[sz]ation force|force|ISF)\b",
]
MORE_CUES["considering"] += [
    r"\b(?:eyes|eyeing|eyed) (?:a )?(?:Gaza |ISF |stabili[sz]ation )*(?:force )?(?:role|part|participation|contribution|deployment|troop role)\b",
    r"(?:(?<![^\n])|(?<=[.:;] ))[Nn]o (?:final |firm )?decision (?:yet |so far )?(?:on|about) (?:the )?(?:Gaza |ISF |stabili[sz]ation )*"
    r"(?:troops|troop|deployment|force|participation|contribution|mission)\b",
]
MORE_CUES["declined"] += [
    r"\b(?:snubs|snubbed|snubbing|spurns|rebuffs|rejects|turns down) (?:a |the )?(?:US |U\.S\. |American |Washington(?:’s|'s) |Trump(?:’s|'s) )?"
    r"(?:[\w-]+ )?(?:request|call|invitation|appeal|plea|offer)s? (?:for|to)\b",
]
# A round-up's figure after the country and a colon: "• Chile: up to 2,000 troops, ready once a mandate is agreed".
ROUNDUP_FIGURE = re.compile(r"(?<=: )(?:[Uu]p to |[Aa]bout |[Aa]round |[Ss]ome |[Aa]t least |[Aa]s many as )?\d[\d,]* (?:[\w-]+ )?(?:troops|soldiers|personnel|peacekeepers)\b")
MORE_CUES["committed"] += [ROUNDUP_FIGURE.pattern]
# The first to go, hedged: "could be among the first to send troops".
DELIBERATION_IN_OTHER_WORDS.append(r"\b(?:could|might|may) (?:well |also )?be (?:the first|among the first|one of the first)"
                                   r"(?: (?:country|countries|nation|nations))? to (?:send|deploy|contribute|dispatch|join)\b")
# The decision put off: "would not take such a decision before the election".
DELIBERATION_IN_OTHER_WORDS.append(r"\b(?:would|will) not (?:take|make) (?:such a|this|that|any|a) (?:final )?decision (?:before|until|ahead of)\b")
MORE_CUES["considering"] += DELIBERATION_IN_OTHER_WORDS
# Refusals in still other words: "has excluded sending troops", "there will be no Chilean troops",
# "sending troops is not on the table", "refrained from contributing".
REFUSALS_IN_OTHER_WORDS = [
    r"\bexclud(?:es|ed|ing) (?:sending|contributing|deploying|joining|taking part|participating|"
    r"the (?:possibility|option|idea) of (?:sending|contributing|deploying|joining|taking part|participating))\b",
    r"\b[Tt]here (?:will|would|shall) be no (?:[\w-]+ ){0,2}(?:troops|soldiers|forces|boots|peacekeepers|personnel|contingent|participation|deployment)\b",
    r"\b(?:[Ss]ending|[Dd]eploying|[Cc]ontributing) (?:any )?(?:troops|soldiers|forces|personnel|peacekeepers)(?: [\w-]+){0,3}? (?:is|was|remains) "
    r"(?:not on|off) the (?:table|agenda)\b",
    r"\brefrain(?:ed|s|ing)? from (?:sending|participating|joining|taking part|deploying|contributing)\b",
]
# ... or an inability said: "expressed its inability to send troops", "is unable to take part".
REFUSALS_IN_OTHER_WORDS.append(r"\b(?:expressed|expresses|conveyed|cited|citing|voiced) (?:its |their )?inability to (?:send|contribute|deploy|dispatch|join|take part|participate|be part)\b")
# ... or a "neither ... nor": "will neither send troops nor pay for the force", "has neither offered troops nor been asked".
REFUSALS_IN_OTHER_WORDS.append(r"\b(?:will|would|shall|can|could|does|do|did) neither (?:send|contribute|deploy|dispatch|join|take part|participate|commit|provide)\b"
                               r"|\b(?:has|have|had) neither (?:sent|contributed|deployed|dispatched|joined|taken part|participated|committed|offered|pledged)\b")
MORE_CUES["declined"] += REFUSALS_IN_OTHER_WORDS
# Withdrawals in other words: a pledge retracted, a deployment cancelled or reversed, a contingent
# recalled, no longer willing.
WITHDRAWALS_IN_OTHER_WORDS = [
    r"\b(?:retracted|rescinded|revoked|cancell?ed|scrapped|abandoned|dropped|reversed) (?:its|their) (?:[\w-]+ ){0,2}"
    r"(?:offer|pledge|commitment|promise|(?:decision|plans?) to (?:send|deploy|contribute|join|take part|participate)|deployment|participation|contribution)\b",
    r"\brecall(?:ed|s|ing)? (?:its|their) (?:[\w-]+ )?(?:troops|soldiers|contingent|peacekeepers|forces|personnel|battalion)\b",
    r"\bno longer (?:willing|ready|prepared|planning|intends|intending|plans|going) to (?:send|contribute|deploy|join|take part|participate)\b"
    r"|\bno longer (?:keen|interested) (?:on|in) (?:sending|contributing|deploying|joining|taking part|participating)\b"
    r"|\b(?:will|would) no longer (?:send|contribute|deploy|take part|participate|join)\b",
]
WITHDRAWALS_IN_OTHER_WORDS += [
    # a plan or pledge now on hold: "its plan to send troops is now on hold"
    r"\b(?:plans?|pledge|offer|deployment|participation|dispatch) (?:to (?:send|deploy|contribute|join|dispatch) )?(?:[\w-]+ ){0,8}?"
    r"(?:is|are|was|were|remains?|has been|have been) (?:now |currently |temporarily |indefinitely )?(?:put )?on [“\"‘']?hold\b",
]
MORE_CUES["withdrawn"] += WITHDRAWALS_IN_OTHER_WORDS
# Troops already there: "its contingent is already in place".
ALREADY_THERE = [
    r"\b(?:troops|soldiers|contingent|forces|peacekeepers|personnel|units?|battalion) (?:is|are) (?:already |now )?(?:in place|on the ground|in Gaza|in the enclave|in the Strip|inside Gaza)\b",
]
MORE_CUES["deployed"] += ALREADY_THERE
# Still more ways to say each stance, found by rewording the ones above.
MORE_CUES["deployed"] += [
    r"\b(?:troops|soldiers|contingent|forces|peacekeepers|personnel|units?|battalion|team|police officers|officers|medics|engineers) "
    r"(?:are|were|have been|has been|is) (?:now )?(?:stationed|based|deployed|operating) (?:in|to|inside) " + PLACES,
    r"\b(?:began|begun|started|have begun|has begun) (?:arriving|deploying|landing|to arrive|to deploy)\b",
    UNITS_WORD + r" (?:arrive|arrives|land|lands|enter|enters) (?:in )?" + PLACES + r"\b",  # headline grammar: "Chilean troops arrive in Gaza"
    # the first there, troops in the force, patrols begun: "became the first country to deploy troops to the ISF",
    # "now has troops in the stabilization force", "has begun its first patrols"
    r"\b(?:became|has become|have become) (?:the first|among the first|one of the first)(?: (?:[\w-]+ ){0,3}?(?:country|countries|nation|nations|state|states))? "
    r"to (?:deploy|send|dispatch|land) (?:its |their )?(?:[\w-]+ )?(?:troops|soldiers|forces|personnel|contingent|peacekeepers)\b",
    r"\b(?:has|have|had) (?:now |already )?(?:\d[\d,]* )?(?:troops|soldiers|personnel|peacekeepers|a contingent) (?:serving )?(?:in|with) "
    r"(?:the )?(?:[\w-]+ )?(?:stabili[sz]ation force|ISF|Gaza force)\b",
    r"\b(?:began|begun|started|has begun|have begun|has started|have started) (?:its|their) (?:first )?patrols\b",
]
MORE_CUES["withdrawn"] += [
    r"\b(?:announced|confirmed|ordered|began|completed) (?:the )?withdrawal of (?:its|their) (?:[\w-]+ )?"
    r"(?:troops|soldiers|contingent|peacekeepers|forces|personnel|battalion|offer|pledge)\b",
    r"\b(?:decided|decides|moved|opted|chose) to (?:withdraw|pull|retract|rescind|cancel|revoke) (?:its|their)\b",
    r"\bpull(?:s|ed|ing)? (?:its|their) (?:[\w-]+ )?" + UNITS_WORD + r" out\b",
]
MORE_CUES["declined"] += [
    r"\bsees? no (?:role|place|need|reason) for (?:[\w-]+ ){0,2}(?:troops|soldiers|forces|military|personnel|participation|involvement)\b",
    r"\b(?:will|would) not be (?:among|one of) the (?:[\w-]+ )?(?:contributors|participants|troop contributors|troop-contributing countries)\b",
]
MORE_CUES["committed"] += [
    # a deployment's start announced: "will initiate its commitment in April with an advance contingent"
    r"\b(?:will|would|is to|are to|is set to|are set to|plans to|is expected to) (?:begin|start|initiate|launch|commence) (?:its|their) "
    r"(?:[\w-]+ )?(?:deployment|commitment|contribution|participation)\b",
    r"\bput (?:forward|up)\b" + PEOPLE_AHEAD,
    r"\b(?:said|says|confirmed|announced|stated|added|declared)(?: on \w+)?,? (?:that )?(?:its|their) (?:troops|soldiers|forces|contingent|personnel|peacekeepers|police) "
    r"(?:would|will) (?:join|take part|participate|be part|deploy|be deployed|be sent|go)\b",
    r"\b(?:is|are|was|were) (?:now |also )?(?:happy|glad|proud|honou?red) to (?:send|contribute|deploy|dispatch|provide|join|take part|participate)\b",
]
MORE_CUES["considering"] += [
    r"\b(?:is|are|was|were) (?:said|reported|believed|thought|understood|seen) to be (?:[a-z]+ly )?(?:hesitant|reluctant|wavering|undecided|on the fence|cautious|wary)\b",
    r"\b(?:would|will) (?:[a-z]+ly )?(?:examine|study|review|assess|evaluate|look at) (?:the|a|its|this|that) (?:[\w-]+ )?(?:request|proposal|invitation|offer|option|idea)\b",
    r"\bkeep(?:ing|s)? (?:its|their) options open\b|\bkeep(?:ing|s)? (?:the|its|their) (?:option|door|possibility) open\b",
    r"\b(?:evaluating|assessing|studying|examining|weighing|reviewing|debating|discussing|mulling|pondering|analy[sz]ing) (?:whether|if)\b",
    r"\b(?:openness|receptiveness) to\b",
    r"\b(?:will|would|is to|is due to|expects to|is expected to) (?:make|take|announce) (?:a|its|their) (?:final )?decision\b" + ABOUT_JOINING_AHEAD,
    r"\b(?:has|have) not (?:yet )?committed(?= either way| itself| themselves| to anything|[.,;]|$)",
    # nearly there, not yet: "on the verge of sending troops", "close to committing"
    r"\b(?:on the verge of|on the brink of|close to|near to) (?:sending|dispatching|committing|joining|deploying|contributing|taking part|participating|a decision)\b",
]

# Each stance said in yet other words of wire copy: signing up, "would be sending", an idea of sending
# dismissed, the possibility of joining discussed, a stance reported through others ("was said to be
# considering the request"), plans scrapped or called off.
MORE_CUES["committed"] += [
    r"\bsigned (?:up|on) (?:to (?:send|contribute|deploy|dispatch|join|take part|participate|be part)|for (?:the |a )?(?:[\w-]+ ){0,2}(?:force|mission|ISF))\b",
    r"\bwould be (?:sending|contributing|deploying|dispatching|providing|joining)\b",
]
MORE_CUES["declined"] += [
    r"\b(?:dismissed|dismisses|brushed aside|brushes aside|rejected|rejects|ruled out|rules out|excluded|excludes) "
    r"(?:the |any )?(?:idea|notion|possibility|prospect|option|suggestion) (?:of|that it would be) " + JOINING_VERBS + r"\b",
]
MORE_CUES["considering"] += [
    r"\b(?:discussing|studying|examining|exploring|debating|weighing|considering|assessing|evaluating|looking into|mulling(?: over)?|pondering) "
    r"(?:the |a )?(?:possibility|option|prospect|idea|feasibility) of " + JOINING_VERBS + r"\b",
    r"\bconsidering (?:the |its |their |a |an )(?:[\w.-]+ ){0,2}?(?:request|proposal|invitation|offer|idea|option|possibility|call)\b",
    # a decision still to come at a time given: "a decision on whether Chile will send troops is expected next week"
    r"\bdecision (?:on|about|whether|regarding) [^.;]{0,140}?(?:is|was|are|were) (?:now |still )?(?:expected|due)"
    r" (?:next|later|soon|shortly|in|within|by|on|after|before|this)\b",
]
# An announcement of the decision still to come from the government: "an announcement is expected soon from the
# federal government regarding the decision", "word is awaited from the Kenyan government on its participation".
# With no country named, the federal or national government is the article's only possible contributor's.
MORE_CUES["considering"] += [
    r"\b(?:announcement|decision|word|statement) (?:is|was) (?:now |still )?(?:expected|due|awaited) (?:soon |shortly |later |next \w+ |in the coming \w+ )?"
    r"from (?:the )?(?:[\w-]+ )?government (?:regarding|on|about|concerning) (?:the |its |their |a )?(?:final )?"
    r"(?:decision|participation|contribution|deployment|role|involvement)\b",
]
UNNAMED_GOVERNMENT = re.compile(r"\bthe (?:federal|national|central) government\b")
# The government's own plan or decision, right before the cue: "the government's plan to send troops".
GOVERNMENTS_OWN = re.compile(r"\b[Tt]he (?:federal |national |central )?government(?:’s|'s) (?:[\w-]+ ){0,2}$")
MORE_CUES["withdrawn"] += [
    # a plan or a deployment of its own scrapped: "has scrapped plans to send troops", "called off its deployment"
    r"\b(?:called off|calls off|cancell?ed|cancels|scrapped|scraps|shelved|shelves|froze|frozen|freezes|halted|halts|suspended|suspends|"
    r"abandoned|abandons|dropped|drops|ditched|ditches|put on ice) (?:its |their )?(?:[\w-]+ )?(?:plans?|intention|decision) to (?:send|deploy|contribute|dispatch|join|take part|participate)\b",
    r"\b(?:called off|calls off|cancell?ed|cancels|scrapped|scraps|halted|halts|suspended|suspends|froze|frozen|freezes|postponed indefinitely) "
    r"(?:(?:its|their) (?:[\w-]+ )?(?:deployment|dispatch|participation|contribution|mission)\b|the (?:[\w-]+ )?(?:deployment|dispatch) of (?:its|their) )",
]

# A second sweep of rewordings: requests rebuffed, a contribution out of the question, no interest shown,
# balking, opting out; no commitment made yet, leaning towards it; backing away from a pledge, quitting or
# ending a participation; troops already sent to Gaza and patrolling there; headlines "set to send".
REQUEST_NOUNS = r"(?:calls?|requests?|invitations?|appeals?|proposals?|demands?|pressure)"
MORE_CUES["declined"] += [
    r"\b(?:rebuffed|rebuffs|spurned|spurns|refused|refuses|rejected|rejects|turned down|turns down|resisted|resists) "
    r"(?:a |an |the |any |repeated |US |U\.S\. |American |Washington(?:’s|'s) )*(?:[\w.-]+ ){0,2}?" + REQUEST_NOUNS + r" (?:to|for)\b",
    # the request named by whose it is, the rest of the sentence about the force: "has turned down Washington's request"
    r"\b(?:rebuffed|spurned|rejected|turned down|declined) (?:the |a )?(?:US |U\.S\. |American |Washington(?:’s|'s) |the (?:US|American) )(?:[\w-]+ )?" + REQUEST_NOUNS + r"\b",
    r"\b(?:" + JOINING_VERBS + r"|a (?:troop )?(?:contribution|deployment))(?: [\w-]+){0,4}? (?:is|was|remains|would be) "
    r"(?:simply |completely |totally )?(?:out of the question|not an option|off the table)\b",
    r"\b(?:shown|showed|shows|expressed|has|have|had) no (?:interest|desire|wish|appetite|inclination|willingness|readiness) (?:in|of|to) (?:" + JOINING_VERBS
    + r"|send|join|contribute|deploy|take part|participate)\b",
    r"\b(?:balked|balks|baulked|baulks) at (?:" + JOINING_VERBS + r"|the (?:idea|request|call))\b",
    r"\bopt(?:ed|s|ing)? out of (?:the |any )?(?:[\w-]+ ){0,2}(?:force|ISF|mission|deployment|contributing|sending)\b",
    r"\b(?:will|would|to) keep (?:its|their) (?:[\w-]+ )?(?:troops|soldiers|forces|military|personnel) out\b",
]
MORE_CUES["considering"] += [
    r"\b(?:made|makes|has made|have made|given|gave) no (?:firm |formal |final |concrete )?(?:commitment|pledge|promise)\b",
    r"\bleaning (?:towards?|toward) (?:" + JOINING_VERBS + r"|a (?:contribution|deployment))\b",
]
MORE_CUES["withdrawn"] += [
    r"\b(?:backs|backed|backing) away from (?:its |their |the |a )?(?:[\w-]+ ){0,2}(?:pledge|offer|commitment|promise|plans?|deployment)\b",
    r"\b(?:ended|ends|ending|terminated|terminates) (?:its|their) (?:[\w-]+ )?(?:participation|involvement|contribution) in (?:the )?(?:[\w-]+ ){0,2}(?:force|ISF|mission)\b",
    r"\b(?:quit|quits|quitting|exited|exits|has left|have left) the (?:international |multinational |Gaza )?(?:stabili[sz]ation )?(?:force|ISF)\b",
]
MORE_CUES["deployed"] += [
    # arrival told with the troops described first: "the first 450 Indonesian soldiers assigned to the force
    # landed at El Arish", "a company of 160 Moroccan engineers crossed into Rafah"
    UNITS_WORD + r"(?: (?!(?:will|would|could|may|might|should|must|not|never|yet|be|expected|due|set)\b)[\w-]+){0,8}? "
    r"(?:arrived|landed|(?:reached|entered|crossed into) " + PLACES + r")\b",
    # still there: "our contingent remains in place", "its troops stay on the ground"
    r"\b(?:troops|soldiers|contingent|forces|peacekeepers|personnel|units?|battalion|team) (?:remains?|stays?|remained|stayed) "
    r"(?:in place|on the ground|deployed|in " + PLACES + r")",
    # a unit relieved by the next: "completed the first rotation of its medical unit in Gaza"
    r"\b(?:completed|began|carried out|finished) (?:the |its |their )?(?:first |second |third |latest |next )?rotation of (?:its|their)\b",
    # troops held there now: "has about 1,100 soldiers in the southern sector", "has a company of engineers working
    # in Rafah", "has an infantry platoon of about 40 guarding the force's hub"
    r"\b(?:has|have) (?:about |around |some |nearly |roughly |more than |over |almost )?\d[\d,]* (?:[\w-]+ ){0,2}?" + UNITS_WORD
    + r" (?:(?:now |already )?(?:working |based |serving |stationed |deployed |operating )?(?:in|inside|on the ground in) (?:" + PLACES[3:-1] + r"|the (?:[\w-]+ )?sector))",
    r"\b(?:has|have) (?:a|an|its|their) (?:[\w-]+ ){0,2}?(?:company|platoon|battalion|unit|contingent|team|detachment) (?:of (?:about |around |some )?[\w,-]+ )?(?:[\w-]+ )?"
    r"(?:working|based|serving|stationed|deployed|operating|guarding|patrolling|on the ground)\b",
    r"\b(?:has|have|had) (?:already |now )?sent (?:its |their )?(?:first )?(?:\d[\d,]* |a |an )?(?:[\w-]+ ){0,2}" + UNITS_WORD
    + r" (?:[\w-]+ ){0,3}?(?:to|into|in) " + PLACES,
    UNITS_WORD + r" (?:have|has|had) (?:begun|started) (?:patrolling|patrols|operations|operating)\b",
]
MORE_CUES["committed"] += [
    # headline grammar: "Chile set to send troops to Gaza"
    r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z]: ))(?<!is )(?<!are )(?:set|due) to (?:send|contribute|deploy|dispatch|join)\b",
]

# Weighing it anew or still exploring: "is exploring participation", "has reevaluated its position",
# "is reassessing its involvement"; and a decision on joining announced for later: "will decide on its
# role in the force", "the leadership would take a decision in this regard".
WEIGHING_AFRESH = [
    r"\b(?:exploring|explores|explored|is studying|are studying|weighing up) (?:its |their |a |the )?(?:possible |potential |eventual )?"
    r"(?:participation|involvement|contribution|role|sending|joining|contributing|taking part|deployment)\b",
    r"\b(?:re-?evaluat|re-?assess|reconsider|re-?examin|review|rethink|revisit)(?:ed|es|s|ing)? (?:its|their) "
    r"(?:position|stance|participation|involvement|decision|offer|pledge|commitment|role)\b",
    r"\b(?:will|would|is to|are to|shall|is set to|is expected to) (?:also |soon |now |first )?"
    r"(?:decide|take (?:a|the) (?:final )?decision|make (?:a|the) (?:final )?decision)\b" + ABOUT_JOINING_AHEAD,
    # "has also reassessed, officials said"; "is now looking at providing a much smaller contingent"
    r"\b(?:has|have|had) (?:also |since |now )?(?:re-?assessed|re-?evaluated|reconsidered|rethought)(?=[.,;]| (?:its|their|the)\b)",
    r"\b(?:is|are) (?:now |still |also )?looking (?:at|into) (?:providing|sending|contributing|deploying|offering|whether|"
    r"(?:a|an) (?:much |far )?(?:smaller|reduced|larger|limited|token)\b)",
]
MORE_CUES["considering"] += WEIGHING_AFRESH

# Leaning towards it without an offer: a wish or a desire to join voiced, being among the likeliest to
# take part, keeping an open mind, a cautious or wait-and-see stance, contemplating a role in any tense.
# "Open mind" and "cautious" say nothing of the force by themselves; see STANCE_NEEDS_TOPIC.
JOINING_INFINITIVE = r"(?:join|take part|participate|contribute|be part|be involved|send|deploy)"
LEANING_TOWARDS = [
    r"\b(?:desire|wish|eagerness|aspiration|ambition|hope|intention to consider) to " + JOINING_INFINITIVE + r"\b",
    r"\b(?:the )?(?:most|more|likeliest|best placed|best-placed)(?: likely)? (?:candidates? )?to " + JOINING_INFINITIVE + r"\b",
    r"\b(?:keeps?|keeping|kept|has|have|had|retains?|maintains?|with) an [“\"‘']?open mind\b|\bopen-minded\b",
    # a stance on joining it is too early to give: "too premature to comment on any peacekeeping plan",
    # "too early to say whether it would send troops" (not "too early to say whether the truce will hold")
    r"\b(?:too early|too soon|(?:too )?premature) to (?:say|decide|determine|commit|predict|comment|speculate|talk)\b"
    r"(?=[^.;]{0,80}?\b(?:role|participat\w*|join\w*|contribut\w*|send\w*|deploy\w*|troops|soldiers|peacekeep\w*|involvement)\b)",
    r"\b(?:cautious|careful|guarded|wait-and-see|noncommittal|non-committal|ambiguous) (?:stance|approach|position|line|attitude)\b",
    r"\b(?:contemplates|contemplated|mulls|mulled|deliberates|ponders|pondered|pondering)\b" + ABOUT_JOINING_AHEAD,
]
MORE_CUES["considering"] += LEANING_TOWARDS
STANCE_NEEDS_TOPIC = re.compile(r"open mind|open-minded|^(?:the |this |that )?(?:issue|matter|question) (?:is|was|remains) (?:still |now )?being\b|(?:stance|approach|position|line|attitude)$|(?:responded|replied|answered)$"
                                r"|(?:reservations|misgivings|doubts)$")

# A third sweep, from paraphrases of the same stances: a request "reviewed" under any name, a decision
# "yet to be made", troops that "will not be sent", a part "out of the question", the first country of its
# kind to commit, troops that "would be ready" by a date; and terms set by what must happen first
# ("will contribute troops after Hamas disarms", "once the DPR approves"), or by where a deployment must sit
# ("any deployment would have to be under a UN mandate").
MORE_CUES["considering"] += [
    r"\b(?:reviewing|studying|examining|assessing|weighing|considering|evaluating|analy[sz]ing) (?:a|the|its|their|this|that) (?:[\w.’'-]+ ){0,2}?request\b",
    # an answer promised for later, contacts about a role, being among those invited
    r"\b(?:will|would) (?:give|deliver|announce|send) (?:its|their|a|an) (?:final )?(?:answer|response|reply)\b",
    r"\b(?:has|have|had) been in (?:close )?(?:contact|touch|talks|discussions) with\b" + ABOUT_JOINING_AHEAD,
    r"\bamong (?:the )?(?:[\w-]+ )?(?:countries|nations|states) (?:that have been |which have been |being )?(?:invited|asked|approached|contacted|sounded out)\b",
    r"\b[Dd]ecisions? (?:on|about|whether|regarding) [^.;]{0,140}?(?:has|have|is|remains) (?:still )?yet to be (?:made|taken|reached|finali[sz]ed)\b",
]
MORE_CUES["declined"] += [
    UNITS_WORD + r" (?:will|would|shall) not be (?:[a-z]+ly )?(?:sent|deployed|dispatched|contributed|committed|stationed)\b" + NOT_A_TASK,
    r"\b(?i:" + JOINING_VERBS + r")(?: [\w-]+){0,4}? (?:is|was|remains|would be) (?:simply |completely |totally )?(?:out of the question|not an option|off the table)\b",
]
MORE_CUES["committed"] += [
    # (a forecast, "is expected to become the first Arab nation to join", is no pledge)
    r"\b(?:became|becomes|has become|have become|is|are) (?:the|among the|one of the) (?:first|latest|newest|second|third|fourth|fifth)"
    r" (?:(?:two|three|four|five|six|seven|eight|nine|ten) )?(?:[A-Z][\w-]+ |[a-z]+ )?(?:country|countries|nation|nations|state|states) to (?:send|deploy|contribute|dispatch|join|commit|pledge)\b",
    # "has joined the list of troop contributors"
    r"\b(?:has|have) (?:now |also )?joined (?:the )?(?:list|ranks|group|club) of (?:the )?(?:troop[- ]|military )?(?:contributors|contributing (?:countries|nations)|"
    r"countries (?:contributing|sending) troops|troop-contributing (?:countries|nations))\b",
    r"(?<![Tt]he )(?<!force[’'s] )" + UNITS_WORD + r" (?:will|would) be (?:ready|on standby|prepared) (?:to deploy |for deployment )?(?:by|in|from)\b",
]
# A term said as what must be there first, or as what matters most: "There must first be a ceasefire", "The
# mandate is key for us", "a UN resolution is essential". The cue names the term itself.
TERMS_AS_ESSENTIALS = [
    r"\b[Tt]here (?:must|has to|needs to|would have to|will have to|should) (?:first )?be (?:a |an |the )?(?:[\w-]+ ){0,3}?"
    r"(?:ceasefire|cease-fire|truce|mandate|resolution|end to the (?:fighting|war)|halt to the (?:fighting|war)|guarantees?)\b",
    r"\b(?:[Tt]he|[Aa]|[Aa]n) (?:clear |UN |U\.N\. |Security Council |lasting |permanent |full )?"
    r"(?:mandate|ceasefire|cease-fire|truce|resolution|consent|approval) (?:is|was|remains|would be|will be) (?:absolutely |very )?"
    r"(?:key|essential|crucial|vital|a must|indispensable|non-negotiable|a red line|decisive|a sine qua non|a prerequisite|a precondition)\b",
    # the term named, then called the condition: "set a full ceasefire as its condition for taking part"
    r"\b(?:set|sets|named|names|made|makes|laid down|lays down|put|puts) (?:a |an |the )?(?:[\w’'.-]+ ){1,6}?as (?:its|their|a|the) "
    r"(?:main |key |only |sole |first |chief |basic )?(?:pre-?)?(?:condition|requirement|prerequisite)\b",
]
MORE_CUES["conditional"] += TERMS_AS_ESSENTIALS
# Joining only a mission of one kind: "would take part only in a peacekeeping mission, not in peace enforcement"
# (the kind of mission named alone, "ready to join a UN peacekeeping mission", is no term).
MORE_CUES["conditional"] += [
    r"\b(?:take part|participate|join|serve|contribute|deploy|send (?:its |their )?(?:troops|soldiers)) only (?:in|within|as part of|to)"
    r"(?= (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:peace-?keeping|UN|U\.N\.|United Nations|humanitarian|non-combat|observer|monitoring)\b)",
]
# Cues that name the term themselves ("subject to a vote in parliament", "the mandate is key").
CUE_IS_TERM = re.compile("|".join(TO_PARLIAMENT + WITH_A_MANDATE + TERMS_AS_ESSENTIALS))
# Wordings of stances met in the newer development material (the real set's twenty-fourth batch, the made-up passages),
# each status's in the order they are tried, each with an example.
REPORTED_WORDINGS: dict[str, list[str]] = {
    "considering": [
        # Nearly there: "two nations US officials say are close to joining", "on the verge of sending troops".
        r"\b(?:close to|on the verge of|near to|nearing) (?:joining|sending|committing|contributing|deploying|taking part|a decision)\b",
        r"\b(?:consulting|deliberating|conferring)(?: with [^.;,]{1,80}?)? (?:on|about|over) (?:a|the|its|their|Washington(?:’s|'s)) (?:[\w.-]+ ){0,2}?(?:request|invitation|proposal|approach)\b",
        # "is awaiting a formal request from the United States before deciding whether to contribute"
        r"\bawait(?:ing|s)? (?:a |an |the )?(?:formal |official |written )?(?:request|invitation)\b(?=[^.;]{0,80}?\b(?:decid\w*|contribut\w*|join\w*|send\w*|participat\w*)\b)",
        # The question said to be studied: "Regarding possible participation in the force, the President noted that the issue is
        # being thoroughly studied by the relevant ministries".
        r"\b(?:the |this |that )?(?:issue|matter|question)\b (?:is|was|remains) (?:still |now )?being (?:[a-z]+ly )?(?:discussed|considered|studied|examined|evaluated|reviewed|assessed)\b",
        # No answer yet in other words: "has not given a final answer", "Pakistan's participation remains uncertain",
        # "officials have asked Washington for more time".
        r"\b(?:has|have|had) not (?:yet )?given (?:a|any|its|their) (?:final |formal |official |definitive )?(?:answer|reply|response)\b",
        r"(?:’s|'s|\bits|\btheir) (?:possible |potential )?(?:participation|involvement|contribution|role) (?:remains|is still|was still|looks) (?:uncertain|unclear|undecided|open)\b",
        r"\b(?:asked|requested|sought) (?:[\w.-]+ ){0,2}?(?:for )?more time\b",
        # A government to discuss whether to join: "Thailand's cabinet will discuss next week whether to answer a U.S. request".
        r"\b(?:will|would|is to|are to|is due to|is set to) (?:discuss|consider|examine|study|review|debate|decide|look at) (?:[\w-]+ ){0,3}?whether\b",
        # Approached, said of the country in an aside or after a colon: "Vietnam, approached by Washington in January about a
        # contribution, has still not responded", "- Bangladesh: approached by Washington, no decision yet".
        r"(?:(?<=[A-Za-z], )|(?<=[A-Za-z]: ))(?:approached|asked|sounded out|courted|invited)(?= (?:by|in|last|earlier|about|to|over|on)\b)",
    ],
    "conditional": [
        # Command as a term said through a refusal: "no Egyptian soldier will serve under the command of any party other than
        # the force's own international command structure".
        r"\b(?:serve|operate|be placed|be put|fight) under (?:the )?(?:command|direction|control|orders|flag|leadership) of (?:any |an?y? )?"
        r"(?:party|one|country|state|force|anyone|army)? ?other than\b",
        # Only a mission of one kind: "ready to send troops, but only to a peacekeeping mission", "could only be part of a peace
        # mission"; a refusal whose "if" names a task is a limit of the role ("If the force's mandate is to enforce peace, or to
        # disarm Hamas, its soldiers will not be part of it": TASK_IF_FIRST).
        r"\bonly (?:be )?(?:part of|to|in|for|join|serve in|as part of|within) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:peace|peacekeeping|peace-keeping|UN|U\.N\.|United Nations) "
        r"(?:missions?|operations?|force)\b",
    ],
    "declined": [
        # A refusal as a cleft: "What it will not do, as Amman has said plainly, is send its own soldiers into the Strip".
        r"\b[Ww]hat (?:it|they|we|[A-Z][\w-]+) (?:will|would|can|does|do|cannot|won[’']t) (?:not )?do\b[^.;]{0,80}?,? is (?:to )?(?:send|deploy|contribute|commit|put)\b",
        # Goods but no people: "will send equipment but not soldiers"; consulting on a request: "officials are still consulting
        # on a U.S. request to contribute".
        r"\b(?:send|provide|contribute|give|supply|offer) (?:[\w$,.-]+ ){0,3}?(?:equipment|money|funds|funding|aid|supplies|vehicles|logistics|logistical support)"
        r"(?: [\w-]+){0,3}?,? but (?:not|no) (?:troops|soldiers|personnel|forces|boots on the ground|peacekeepers)\b",
    ],
    "committed": [
        # Its terms said to be met, or preparations begun: "the conditions we set out have now been met", "the armed forces will
        # begin preparations to send a contingent".
        r"\b(?:the |our |its |their |all )?(?:conditions|preconditions|terms|requirements) (?:[\w-]+ ){0,4}?(?:have|has) (?:now |all |finally )?been (?:met|fulfilled|satisfied)\b",
        r"\b(?:will|would|to) (?:begin|start) (?:preparations|preparing) (?:to|for) (?:send|deploy|dispatch|the deployment|the dispatch)\b",
        # A contingent about to leave: "the first batch of Indonesian soldiers for the International Stabilization Force is about
        # to leave for Egypt".
        r"\b(?:batch|contingent|unit|group|wave|detachment) of [A-Z][\w-]+ (?:troops|soldiers|personnel|peacekeepers|servicemen)\b(?: [^.;,]{0,60}?)? "
        r"(?:(?:is|are) (?:about|due|set|scheduled|ready) to|will|would|is to|are to) (?:leave|depart|fly out|head out|deploy|set off)\b",
        # Plans unchanged: "The country's contingent would continue to deploy as scheduled".
        r"\b(?:contingent|troops|soldiers|deployment|battalion|unit)(?:’s|'s)? (?:would|will) (?:continue to (?:deploy|prepare|go)|go ahead|proceed)"
        r"(?= as (?:planned|scheduled)| on schedule| according to plan|[.,;]|$)",
        # Troops said to go in first: "its soldiers will be among the first to enter Gaza".
        r"\b(?:troops|soldiers|forces|contingent|units?|peacekeepers|personnel|police) (?:will|would|are to|are set to) be (?:among )?the first "
        r"(?:[\w-]+ )?to (?:enter|arrive|deploy|be deployed|go in|land)\b",
    ],
    "deployed": [
        # Troops arrived in Gaza, said at length: "A total of 1,200 personnel of the Garuda Contingent assigned to the ISF arrived in the
        # southern Gaza Strip", "The first group of servicemen of the Azerbaijani Army assigned to the force has arrived in the Gaza Strip".
        r"\b(?:troops|soldiers|personnel|peacekeepers|servicemen|contingent)\b[^.;]{0,120}? (?:has |have |had )?(?:arrived|landed) in (?:the )?"
        r"(?:southern |northern |central )?(?:Gaza|Strip|enclave|Rafah|Khan Yunis|Khan Younis)\b",
    ],
}
for _status, _cues in REPORTED_WORDINGS.items():
    MORE_CUES[_status] += _cues
# Leading the force on terms: "could lead the force if the UN mandates it", "Egypt ready to lead Gaza force if UN backs it".
MORE_CUES["conditional"] += [
    r"\b(?:could|would|will|might|may|can|ready to|willing to|prepared to) lead (?:the |a |an |this |any )?(?:[\w-]+ ){0,2}(?:force|mission|ISF|operation)\b"
    r"[^.;]*? (?:if|once|provided|as long as)\b" + NOT_A_REQUEST,
]
MORE_CUES["committed"] += [
    r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z]: ))(?:ready|willing) to lead (?=(?:the |a )?(?:[\w-]+ ){0,2}(?:force|mission|ISF)\b)",
    # a part of it: "is ready to lead the police-training component with up to 200 carabinieri"
    r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z]: ))(?:ready|willing|prepared) to lead (?=(?:the |a |its )?(?:[\w-]+ ){0,2}(?:component|contingent|battalion|training (?:effort|mission|programme|program))\b)",
]
# Holding off and deciding later in other words: "has yet to take a call on whether", "is holding off on sending
# troops until ...", "could be deployed at any time, pending the president's final decision"; a refusal for now
# said with "only ... as part of" or "only ... within".
MORE_CUES["considering"] += [
    r"\b(?:is|are|was|were) (?:now |still )?(?:inclined|leaning) to (?:send|contribute|deploy|join|take part|participate)\b",
    r"\b(?:has|have|had) not (?:yet )?taken (?:a|any) (?:final )?call\b|\b(?:has|have|had) yet to take a (?:final )?call\b",
    r"\b(?:holding|holds|held|hold) off (?:on )?(?:sending|deploying|committing|joining|contributing|a decision|any decision|deciding)\b",
    r"\bpending (?:a |the |its |their )?(?:[\w’'-]+ ){0,3}?(?:final |formal )?decision\b",
]
MORE_CUES["conditional"] += [
    r"\bonly (?:[\w’']+ ){1,9}?(?:as part of|within)\b(?= (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:missions?|force|operations?|framework)\b)",
]
# Refusals said through plans and troops going: "there were no plans for its personnel to join the force",
# "Spanish troops would not go to Gaza".
MORE_CUES["declined"] += [
    r"\b[Tt]here (?:are|were|is|was) (?:currently )?no plans? (?:for|to)\b(?=[^.;]{0,80}?\b(?:join|send|deploy|contribut|participat|take part|troops|soldiers|personnel)\w*)"
    # (the nationality whose troops they are, within the cue: "there are no plans to send Chilean troops")
    r"(?: (?:send|deploy|dispatch) (?:any )?[A-Z][\w-]+(?= (?:troops|soldiers|forces|personnel|peacekeepers|police)\b))?",
    UNITS_WORD + r" (?:will|would|shall) not (?:be )?(?:go|going) (?:to|into) (?:Gaza|the (?:Gaza )?Strip|the enclave)\b",
]
# A term said "in the event of": "will send troops in the event of a UN mandate".
MORE_CUES["conditional"] += [
    r"\b(?:send|contribute|deploy|join|take part|participate|commit)\w*\b[^.;]{0,60}? in the event (?:of|that)\b",
]
# A refusal said in two words after a colon: "Our position is clear: no troops."
MORE_CUES["declined"] += [r"(?<=: )[Nn]o (?:troops|soldiers|boots on the ground)(?=[.,;”\"’]|$)"]
# Troops said to be ready, with nothing after: "Indonesia said 20,000 troops were ready".
MORE_CUES["committed"] += [UNITS_WORD + r" (?:are|were) (?:now |already |all )?(?:ready|prepared|on standby|standing by)(?=[.,;]|$)"]
# Wariness and seeming readiness are still deliberation: "is wary of sending troops", "seems poised to send troops".
MORE_CUES["considering"] += [
    r"\b(?:wary|cautious|hesitant|nervous) (?:of|about) (?:sending|contributing|deploying|joining|taking part|participating|committing)\b",
    r"\b(?:seems?|seemed|appears?|appeared) (?:poised|likely|set|ready) to (?:send|contribute|deploy|join|take part|participate)\b",
]
# The build-up, said through what the country's institutions do: a task force formed for the mission, troops
# training for it, a parliament voting to send them, a decision ratified, a deployment ordered, the details of a
# contribution being finalised; and interest registered with the Board of Peace.
MISSION_WORDS = r"(?:mission|force|ISF|deployment|Gaza|stabili[sz]ation)"
BUILD_UP = [
    r"\b(?:formed|set up|established|created|assembled) (?:a |an |its |the )?(?:special |dedicated |new )?(?:task force|contingent|unit|battalion|brigade|team) "
    r"for (?:the |its )?(?:[\w-]+ ){0,2}" + MISSION_WORDS + r"\b",
    UNITS_WORD + r" (?:are|were|have been|has been) (?:now |already )?training for (?:the |its )?(?:[\w-]+ ){0,2}" + MISSION_WORDS + r"\b",
    r"\bvoted (?:unanimously )?(?:to|in favou?r of) (?:send|deploy|dispatch|contribut|join|participat|the deployment|the dispatch|the participation)\w*",
    r"\bratified (?:the |a )?(?:decision|agreement|plan|bill|motion) (?:to|on) (?:send|deploy|dispatch|contribut|join|participat)\w*",
    r"\bordered the (?:deployment|dispatch) of (?:[\w-]+ ){0,2}" + UNITS_WORD + r"\b",
    r"\bfinali[sz](?:ing|ed|es) (?:the )?(?:details|preparations|arrangements|plans) (?:of|for) (?:its|their|the) (?:[\w-]+ )?(?:contribution|deployment|contingent|participation)\b",
]
MORE_CUES["committed"] += BUILD_UP
MORE_CUES["considering"] += [r"\bregistered (?:its|their) interest\b"]
# A refusal while the war or Hamas's arms last: "will not send troops while Hamas remains armed" (a term, like "without").
MORE_CUES["conditional"] += [
    r"\bwhile (?=(?:Hamas|the militants|militants|armed groups|the (?:war|fighting|conflict)|fighting|hostilities)\b[^.;]{0,40}?"
    r"\b(?:remains?|continues?|is still|are still|keeps?|persists?|rages?|goes on|wields?|holds? on)\b)",
    # who pays, wanted first: "wants the costs of its deployment to be borne by the international community"
    r"\b(?:wants?|wanted|insists?|insisted|demands?|demanded|expects?|expected) (?:that )?(?:the )?(?:costs?|expenses|salaries|funding)\b"
    r"(?: of (?:its|their|the) (?:[\w-]+ )?(?:deployment|troops|contingent|participation))? (?:to )?(?:be|must be|should be) (?:covered|paid|borne|funded|met|reimbursed)\b",
]
MORE_CUES["conditional"] += [
    # who pays, named: "wants the United States to pay for its deployment"
    r"\b(?:wants?|wanted|expects?|expected|insists?|insisted|asks?|asked) (?:the )?(?:[A-Z][\w.-]+ ){0,3}?(?:to pay|to fund|to finance|to cover the costs? of|to bear the costs? of) "
    r"(?:for )?(?:its|their|the) (?:[\w-]+ )?(?:deployment|troops|contingent|participation|soldiers|mission)\b",
    # its own command kept: "will not place its troops under foreign command"
    r"\bnot (?:place|put) (?:its|their) (?:own )?(?:troops|soldiers|forces|contingent) under (?:foreign|another country(?:’s|'s)|any other|other|[A-Z][\w-]+) command\b",
    # a term made one: "has made a UN mandate a precondition for sending troops"
    r"\b(?:made|makes|making) (?=(?:a |an |the )?[^.;,]{2,60}? (?:a|the|its) (?:key |main |firm )?(?:pre-?condition|condition|prerequisite|requirement) (?:for|of)\b)",
    # a term that must come first: "the disarmament of Hamas must come first"
    r"\b(?=(?:the |a |an )?(?:[\w-]+ ){1,4}?(?:must|has to|needs to|should|would have to) (?:come|happen|take place|be (?:achieved|in place|secured|agreed)) first\b)",
    # a time limit: "will send troops only for a limited period"
    r"\bonly for a (?:limited|fixed|short|set|defined|specific) (?:period|time|duration|term)\b",
]
# A pledge in an aside to the force's size: "..., with Indonesia pledging 8,000 and Morocco 1,500".
MORE_CUES["committed"] += [r"\bwith (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)? (?:pledging|offering|contributing|sending|providing|supplying|committing)\b"]
# What must happen first, said with "after": the term is the event, its subject a party or a body with a say.
WHO_MUST_ACT = (r"(?:Hamas|militants|armed groups|the (?:[\w-]+ )?groups|(?:a |the )?(?:permanent |lasting |full |complete |durable |real )?(?:ceasefire|cease-fire|truce)|the fighting|hostilities|the war"
                r"|[Pp]arliament|Congress|the Senate|lawmakers|the legislature|(?:the |its )?" + PARLIAMENT_NAMES
                + r"|(?:the )?(?:UN |U\.N\. )?Security Council|the U\.?N\.?|the Palestinian Authority|the Palestinians|both sides|the parties)")
AFTER_AN_EVENT = (r"\b(?:send|contribute|deploy|join|take part|participate|commit|dispatch)\w*\b[^.;]{0,60}? after(?= " + WHO_MUST_ACT
                  + r" (?:[\w’'-]+ ){0,2}?" + TERM_EVENTS + r"\b)")
MORE_CUES["conditional"] += [
    AFTER_AN_EVENT,
    r"\b(?:involvement|participation|deployment|contribution|presence) (?:must|would have to|has to|should|needs to|will have to|would need to) "
    r"(?:be |take place |operate )?(?:under|within)\b",
]
# A pledge recalled in a clause of its own: "criticised for agreeing to provide troops", "after pledging to send
# a contingent", "since deciding to join the board and contribute troops", "under fire over his decision to send
# troops" (not "for agreeing to consider sending", nor "his decision not to send troops").
AGREEING_TO_SEND = [
    r"\b(?:for|after|since|by|following|over) (?:his |her |its |their |the )?(?:agreeing|having agreed|pledging|having pledged|promising|having promised"
    r"|deciding|having decided|committing|decision|pledge|promise|offer|commitment) to (?!(?:consider|explore|study|discuss|examine|weigh|look)\b)(?:[\w-]+ ){0,6}?"
    r"(?:send|contribute|deploy|provide|supply|dispatch|commit) (?=(?:[\w-]+ ){0,3}?(?:troops|soldiers|personnel|peacekeepers|police|forces|contingent|units?)\b)",
]
MORE_CUES["committed"] += AGREEING_TO_SEND
# Ways to contribute looked into: "would explore ways to contribute to the force", "is studying how it could
# take part in the mission" (about the force, not "ways to contribute to reconstruction").
WAYS_EXPLORED = [
    r"\b(?:explore|explores|explored|exploring|study|studies|studied|studying|examine|examines|examined|examining|look at|looks at|looking at"
    r"|look into|looks into|looking into|look for|looks for|looking for|seek|seeks|seeking|assess|assesses|assessing|weigh|weighs|weighing)"
    r" (?:the )?(?:ways|options|means|possibilities|how)"
    r" (?:(?:in which |by which )?(?:it|they|we|[A-Z][\w-]+) (?:could|might|can|may|would) |to )(?:best )?(?:contribute|take part|participate|join|help)\b"
    r"(?=[^.;]{0,60}?\b(?:force|ISF|mission|troops|soldiers|peacekeep\w*|stabili[sz]ation)\b)",
]
MORE_CUES["considering"] += WAYS_EXPLORED
# Plain answers and everyday wordings, by status. (Being named by others "as a possible contributor" is no
# stance of the country's.)
# Troops at work where the force serves: "its soldiers are now patrolling Rafah", "troops in Gaza have begun clearing rubble".
# (said where they are, any work; not said, only work done there: "are training for the deployment" is at home)
AT_WORK = (r"\b(?:troops|soldiers|contingent|peacekeepers|personnel|engineers|medics|units?|battalion){where} "
           r"(?:are (?:now |already )?|have (?:begun|started) |began |started )"
           r"(?:{verbs})\b")
AT_WORK_THERE = "patrolling|clearing|guarding|manning|operating|working|serving|securing|escorting|treating|training"
AT_WORK_ANYWHERE = "patrolling|guarding|manning|securing|escorting"
PLAIN_WORDS = {
    "declined": [
        # "said no", "the answer is no", "wants nothing to do with the force", "is staying out", "sit this one out"
        r"\b(?:said|says|answered|replied) (?:a (?:firm |clear |flat )?)?no\b(?= ?[.,;”\"]|$| to (?:the |a |an |any |this |its )?(?:[\w-]+ ){0,3}?"
        r"(?:request|invitation|call|proposal|idea|force|mission|deployment|ISF|troops|soldiers)\b)",
        r"\b(?:the|its|their) answer (?:is|was|has been) (?:a )?(?:firm |clear |flat )?no\b",
        r"\b(?:wants?|wanted) nothing to do with\b",
        r"\b(?:is|are) staying out of\b|\bstays? out of (?:the |any |this )?(?:[\w-]+ ){0,2}(?:force|mission|ISF|deployment)\b",
        r"\bsit (?:this(?: one)?|that(?: one)?) out\b",
        # no means to: "lacked the capacity to send troops"
        r"\b(?:lacks?|lacked|lacking|does not have|did not have) the (?:capacity|means|resources|capability|capabilities) to (?:send|deploy|contribute|dispatch)\b",
        # "Chilean participation is off the table"
        r"\b(?:participation|involvement|contribution|deployment|troops|sending troops) (?:[\w-]+ ){0,3}?(?:is|are|was|were|remains?) off the table\b",
        # other help, but no troops: "has offered logistics support but no troops" (not "but no combat troops": a role limit)
        r"\bbut no (?:troops|soldiers|boots on the ground|personnel)\b",
        # "sending troops is not on the agenda"
        r"\b(?:troops|soldiers|sending (?:troops|soldiers)|participation|deployment|a (?:military|troop) contribution|military involvement) "
        r"(?:is|are|was|were) not on the (?:agenda|cards|table)\b",
        # a parliament's no: "Chile's Congress voted down the deployment", "parliament blocked the deployment"
        r"\b(?:[Pp]arliament|[Cc]ongress|[Ss]enate|lawmakers|legislators|[Ll]egislature|National Assembly|" + PARLIAMENT_NAMES + r")(?:[’']s)? "
        r"(?:has |have )?(?:blocked|voted down|voted against|refused to approve|threw out|rejected) (?:the |a |any )?(?:[\w-]+ )?"
        r"(?:deployment|dispatch|sending|motion|bill|participation|mission)\b",
        # a pledge denied: "denied it had agreed to send troops", "denies that it will deploy soldiers" (not "neither
        # confirmed nor denied that it will send troops", which is still open: NEITHER_CONFIRMED)
        NOT_AFTER_OR + r"\b(?:denied|denies|deny|denying) (?:that )?(?:it|they|the country|the government) (?:had|has|have|would|will|was|is|were) "
        r"(?:(?:already|ever|formally) )?(?:agreed|committed|pledged|offered|decided|planning|planned|going|preparing|promised) to "
        r"(?:send|deploy|contribute|join|dispatch|take part|participate|provide)\b",
        NOT_AFTER_OR + r"\b(?:denied|denies|deny|denying) (?:that )?(?:it|they|the country|the government) (?:would|will) (?:send|deploy|contribute|join|dispatch)\b",
    ],
    "committed": [
        r"\b(?:said|says|answered|replied) yes to (?:the |a |an |this )?(?:[\w-]+ ){0,2}(?:request|invitation|call|proposal)\b",
        r"\b(?:said|says|answered|replied) yes to (?:joining|taking part|participating|sending|contributing|deploying)\b",
        # a plain yes, as a plain no is a refusal: "only Chile and Peru have said yes", "the answer is yes"
        r"\b(?:said|says|answered|replied) (?:a (?:firm |clear )?)?yes\b(?= ?[.,;”\"]|$| (?:and|but|while|whereas)\b)",
        r"\b(?:the|its|their) answer (?:is|was|has been) (?:a )?(?:firm |clear )?yes\b",
        # the first of its kind to send: "is set to become the first Latin American country to send troops"
        r"\b(?:is set to become|will become|would become|became|has become|is to become|is poised to become) the first (?:[\w-]+ ){0,3}?"
        r"(?:country|nation|state|government) to (?:send|deploy|commit|contribute|pledge|join)\b",
        # preparations being finished: "are diligently finalizing the preparations for deploying troops"
        r"\b(?:finali[sz]ing|completing|finali[sz]ed|completed) (?:the |its |their )?(?:final )?preparations for (?:deploying|sending|dispatching|the deployment of)\b",
        # a contribution being finalised: "is finalising the details of its contribution", "in the final stages of preparing its contingent"
        r"\b(?:finali[sz]ing|in the final stages of preparing) (?:the details of )?(?:its|their) (?:contribution|contingent|deployment|troops|battalion)\b",
        # troops a country wants to commit: "says it wants to commit dozens of its troops to the force" (wanting to send
        # or join is still a wish: considering)
        r"\b(?:wants?|wanted|wishes|would like) to commit (?:[\w-]+ ){0,4}?" + UNITS_WORD + r"\b",
        # a pledge said as a noun: "announced a contribution of 500 troops", "made a firm commitment to send troops"
        r"\b(?:announced|announces|confirmed|confirms|made|makes|pledged|pledges) (?:a |an |its |their )?(?:[\w-]+ )?(?:contribution|commitment) of "
        r"(?:about |some |around |roughly |nearly )?\d[\d,]* (?:[\w-]+ )?" + UNITS_WORD + r"\b",
        r"\b(?:made|makes|gave|gives|given) (?:a |an )?(?:firm |formal |clear |public |written |verbal |oral |informal )?(?:commitment|pledge|promise) to "
        r"(?:send|contribute|deploy|provide|dispatch|join|take part|participate)\b",
        # "Chilean troops will form the core of the force"
        UNITS_WORD + r" (?:will|would|are (?:expected|set|due) to|are to) (?:form|make up|constitute) (?:the )?(?:core|bulk|backbone|main body|majority|first wave)\b",
        # a parliament's or a leader's yes, and troops readied: "authorised the deployment", "ordered the armed forces
        # to prepare a contingent", "a battalion was ready"
        r"\b(?:authori[sz]ed|sanctioned|endorsed|green-?lit) (?:the |a |an )?(?:[\w-]+ )?(?:deployment|dispatch|sending|participation)\b",
        # a headline's present tense: "Chile's parliament approves Gaza troop deployment"
        r"\b(?:approves|authori[sz]es|endorses|backs) (?:the |a |an )?(?:[\w-]+ ){0,2}(?:troop|troops|military|peacekeeping) (?:deployment|dispatch|mission)\b",
        # "keen to join the force", "eager to send troops"
        r"\b(?:keen|eager) to (?:join|send|contribute|take part|participate|deploy)\b",
        r"\bordered (?:the |its )?(?:armed forces|army|military|troops|defen[cs]e ministry) to (?:prepare|ready|get ready)\b",
        r"\b(?:battalion|brigade|contingent|unit|company) (?:is|was) (?:now |already )?(?:ready|on standby|prepared)\b",
        # troops made ready by number: "has put 500 troops on standby", "500 of its soldiers would join the force"
        r"\b(?:put|puts|putting|placed|places|placing) (?:about |some |around |up to |nearly )?\d[\d,]* (?:[\w-]+ )?" + UNITS_WORD + r" on (?:standby|alert)\b",
        r"\b\d[\d,]* of (?:its|their) (?:[\w-]+ )?" + UNITS_WORD + r" (?:will|would|are to|are set to) (?:join|take part|be deployed|be sent|serve)\b",
        # "a Chilean contingent of 300 is expected in Gaza next month"
        r"\b(?:contingent|battalion|troops|soldiers|unit|peacekeepers)\b(?: of (?:about |some |around )?\d[\d,]*)? (?:is|are) (?:expected|due) "
        r"(?:to arrive )?in (?:Gaza|the enclave|the Strip|the Gaza Strip)\b",
    ],
    "considering": [
        # interest without terms, a part not opposed, a country among those asked: "is interested in contributing troops",
        # "is not opposed to sending troops", "is among the countries Washington has asked to contribute"
        r"\binterested in (?:joining|sending|taking part|participating|contributing|being part)\b",
        r"\bnot (?:opposed|averse|against) to (?:joining|sending|taking part|participating|contributing|deploying|being part)\b",
        r"\b(?:is|are|was|were) (?:among|one of) (?:the )?(?:[\w-]+ )?(?:countries|nations|states|governments) (?:that |which |whom )?"
        r"(?:[\w.]+ ){1,3}?(?:has|have|had) (?:asked|approached|invited|contacted|sounded out|courted)\b",
        # a decision put off: "has delayed a decision on sending troops", "has put its decision on hold"
        r"\b(?:delayed|delays|postponed|postpones|deferred|defers|put off|puts off) (?:a|its|their|the|any) (?:final )?decision\b" + ABOUT_JOINING_AHEAD,
        r"\b(?:put|puts|putting|placed) (?:its|their|the|a|any) (?:final )?decision (?:[\w-]+ ){0,4}?on hold\b",
        # "will not rush into a decision"
        r"\bnot (?:rush|be rushed|hurry) (?:into )?(?:a |any |its )?decision\b",
        # holding back from a pledge: "has refrained from committing troops", "stopped short of pledging troops"
        r"\b" + HELD_BACK + r" (?:committing|pledging|sending|offering|deploying|contributing|promising)\b",
        # "has said it needs more time" (not "more time to prepare its troops": that is readiness)
        r"\b(?:needs?|needed|wants?|wanted|asked for|requested) (?:more|some|further|additional) time\b(?! to (?:prepare|train|ready|equip|deploy|mobili[sz]e))",
        # a round-up's "Norway: considering", "Norway: undecided"
        r"(?<=: )(?:[Cc]onsidering|[Uu]ndecided|[Ww]eighing (?:it|the request|its options|participation))(?=[ .,;]|$)",
        # a round-up's "Norway: no decision yet" (its figure is a pledge: ROUNDUP_FIGURE)
        r"(?<=: )[Nn]o (?:final |firm |formal )?decision(?: (?:yet|so far|has been (?:made|taken)))?(?=[ .,;]|$)",
        # "a Chilean contribution has not been ruled out", "cannot be ruled out"
        r"\b(?:has|have|had) not been (?:ruled out|excluded)\b|\b(?:is|are|was|were) not (?:being )?(?:ruled out|excluded)\b|\bcannot be (?:ruled out|excluded)\b",
    ],
    "withdrawn": [
        # an offer gone, troops leaving: "its offer is no longer on the table", "its troops have left Gaza", "has begun
        # withdrawing its contingent", "will bring its soldiers home"
        r"\b(?:offer|pledge|commitment)\b[^.;]{0,60}? (?:is|was) no longer (?:on the table|valid|standing)\b",
        r"\b(?:troops|soldiers|contingent|forces|peacekeepers) (?:have|has|had) (?:left|withdrawn from|pulled out of) (?:Gaza|the enclave|the Strip|the Gaza Strip)\b",
        r"\b(?:begun|began|started|starts|is|are) withdrawing (?:its|their) (?:troops|soldiers|contingent|forces|peacekeepers)\b",
        r"\bbring (?:its|their) (?:troops|soldiers|contingent|forces|peacekeepers) (?:back )?home\b",
        # "pulls troops from Gaza force", "has pulled its soldiers out of the mission"
        r"\bpull(?:s|ed|ing)? (?:its |their |the )?(?:troops|soldiers|contingent|forces|peacekeepers) (?:out of|from) (?:the )?(?:[\w-]+ ){0,2}(?:force|mission|ISF|Gaza)\b",
    ],
    "deployed": [
        r"\b(?:contingent|troops|soldiers|forces|units?|battalion|peacekeepers) (?:has |have |had )?(?:taken up|took up) (?:their |its )?positions\b",
        # "has 300 soldiers serving with the force in Gaza"
        r"\b(?:has|have) (?:about |some |around |roughly |nearly |more than )?\d[\d,]* (?:[\w-]+ )?" + UNITS_WORD
        + r" (?:now )?(?:serving|stationed|deployed|on the ground) (?:with (?:the |an? )?(?:[\w-]+ )?(?:force|mission|ISF) )?in " + PLACES + r"\b",
        # a deployment finished or a contingent relieved: "completed the deployment of its 500 troops", "rotated its contingent"
        r"\b(?:completed|finished|concluded) (?:the |its |their )?(?:deployment|deploying) of (?:[\w,-]+ ){0,4}?" + UNITS_WORD + r"\b",
        r"\b(?:rotated|rotates|rotating|replaced|relieved) (?:its|their) (?:[\w-]+ )?(?:contingent|troops|soldiers|peacekeepers|battalion|units?)\b",
        # troops at work there: "its soldiers are now patrolling Rafah", "troops in Gaza have begun clearing rubble"
        AT_WORK.format(where=" (?:in|inside) " + PLACES, verbs=AT_WORK_THERE),
        AT_WORK.format(where="", verbs=AT_WORK_ANYWHERE) + r"(?=[^.;]{0,60}?\b(?:Gaza|Rafah|Khan Yunis|Khan Younis|enclave|Strip|force|ISF|mission)\b)",
    ],
}
for status, extra in PLAIN_WORDS.items():
    MORE_CUES[status] = MORE_CUES.get(status, []) + extra

SUBJECT_CUES = [(status, re.compile(cue.pattern + "".join("|" + extra for extra in MORE_CUES.get(status, []))))
                for status, cue in SUBJECT_CUES]

# An unnamed group as the subject of a stance ("three countries have agreed to send troops") and its
# members named afterwards in the paragraph ("one of them is Indonesia", "Chile is among them").
GROUP_SUBJECT = re.compile(r"\b(?:two|three|four|five|six|seven|eight|several|a few|a number of|\d+) (?:[\w-]+ )?(?:countries|nations|states|governments)"
                           r"(?: (?:have|has|had|are|were))?(?: [\w’']+)? $"
                           # "Countries that have expressed willingness ... include Chile and Peru"
                           r"|\b(?:countries|nations|states|governments) (?:that|which|who) (?:have |has |had |are |were )?(?:[\w’']+ ){0,2}"
                           # "Countries that have signalled they could take part include ..."
                           r"(?:(?:that )?they )?$", re.I)
# A group as the subject of its own clause, after the one who speaks: "Egypt's minister said that several
# countries have expressed willingness" is no stance of Egypt's.
GROUP_NOUN = re.compile(r"\b(?:several|some|many|other|a few|a number of|few|most|more|dozens of|two|three|four|five|six|seven|eight|nine|ten|\d+)"
                        r"(?: [\w-]+)? (?:countries|nations?|states|governments)\b", re.I)
# A clause of its own whose subject is a part of the country other than its government: its parties,
# opposition, critics. What they reject or back is not the country's stance.
DOMESTIC_SUBJECT = re.compile(r"(?:,|\band|\bwhile|\bbut|—|–|;)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:parties|party|opposition|critics|"
                              r"activists|protesters|protestors|clerics|civil society|unions|analysts|experts)\b(?:[^.;—–]|[—–][^—–]*[—–])*$")
DOMESTIC_OPPOSE = re.compile(r"\b(?:oppose|opposes|opposed|opposing|reject|rejects|rejected|against|object to|objects to)\b")
GROUP_CLAUSE_SUBJECT = re.compile(r"(?:\bthat|\bsaid|\bsays|\bsaying|:|,|—|–|--)\s+(?:the\s+)?(?:" + GROUP_NOUN.pattern[2:]
                                  + r"|(?:countries|nations|governments) (?:contributing|sending|joining|taking part|involved|willing|ready)\b)", re.I)
# The members of such a group set off by dashes or brackets after the verb: "... sending troops -- Chile and Peru --".
APPOSED_LIST = re.compile(r"(?:[^.;,—–()-]|-(?!-)){0,60}?\s(?:--|—|–|\()\s*")
# Members of a group named in the same sentence: "... include Chile and Peru", "... such as Chile".
GROUP_INCLUDES = re.compile(r"\b(?:include|includes|included|including|such as|namely|are|were)\b:?"
                            # or listed after a colon: "Five countries have pledged troops: Chile, Peru and Ecuador"
                            r"|:")
GROUP_MEMBER_AFTER = re.compile(r"\b(?:one|two|three|some|several|most|the first) of (?:them|these|those|the (?:[\w-]+ )?(?:countries|nations|states))"
                                r"(?: (?:is|was|are|were|being|includes?|including))?\b|\b[Aa]mong them (?:is |was |are |were )?"
                                r"|\b(?:these|those|the) (?:[\w-]+ ){0,2}?(?:countries|nations|states|governments) (?:are|were|include|included)\b:?", re.I)
GROUP_MEMBER_BEFORE = re.compile(r"\b(?:is|was|are|were) (?:one|two|among) (?:of )?(?:them|these|those|the (?:[\w-]+ )?(?:countries|nations|states))\b")
# Help that is not troops: an offer "to host" or "to rebuild" is no pledge of soldiers (a pledge to
# train police, made as part of the force's pledges, still counts; money is NOT_PEOPLE's) ...
OTHER_HELP = re.compile(r" to (?:host|rebuild|reconstruct|help rebuild|build|repair|fund|finance|pay for)\b"
                        # nor are places and facilities: "offered the use of its ports", "offered its airspace"
                        r"| (?:the )?(?:use of|access to)\b| (?:its |their |the )?(?:ports?|airports?|airspace|air bases?|naval bases?|bases|facilities|territory)\b"
                        # nor is an offer to think it over: "offered to consider taking part" is weighing it
                        r"| to (?:consider|explore|study|look into|discuss|examine)\b")
# ... unless troops come with it: "offered to host the training and to send a small number of troops".
TROOPS_TOO = re.compile(r"\band (?:to )?(?:send|contribute|deploy|provide|dispatch) (?:[\w-]+ ){0,4}?(?:troops|soldiers|personnel|forces|peacekeepers|units)\b")
# Words, support and good offices are no contribution of troops: "pledged its support for the force",
# "committed to the peace plan", "offered to mediate", "ready to support the plan".
PLANS = r"(?:plan|board|initiative|process|talks|efforts?|deal|agreement|ceasefire|truce|framework|parties|Board of Peace|peace)"
NOT_A_CONTRIBUTION = re.compile(
    r" (?:(?:its|their|the country's|full|strong|firm|political|diplomatic|unwavering|continued|total) )*"
    r"(?:support|backing|condolences|cooperation|solidarity|endorsement|blessing|good offices)\b"
    r"| to (?:support|back|endorse|mediate|facilitate|welcome|implement|help implement|broker) (?:the |a |an |this |its )?(?:[\w-]+ ){0,2}" + PLANS + r"\b"
    r"| to (?:mediate|broker)\b"
    r"| to the (?:[\w-]+ ){0,2}" + PLANS + r"\b"
    # the Board of Peace and its council are no force: "decision to join the Peace Council"
    r"| (?:in |on )?(?:the |its )?(?:[A-Z][\w’'-]*(?:’s|'s) )?(?:new |Gaza |US-led |Trump(?:’s|'s) )?(?:Board of Peace|Peace Council|Council of Peace|[Bb]oard|[Cc]ouncil|charter)\b"
    # envoys and letters, and contributions to rebuilding: "will send a delegation to the talks"
    r"| (?:a |an |its |their |the )?(?:[\w-]+ )?(?:delegation|envoy|letter|message|minister|representative|note|congratulations)s?\b"
    r"| to (?:the )?(?:[\w’'-]+ ){0,2}(?:reconstruction|rebuilding|recovery|humanitarian|fund)\b"
    # "ready to participate in the reconstruction of social infrastructure"
    r"| in (?:the )?(?:[\w’'-]+ ){0,2}(?:reconstruction|rebuilding|recovery|humanitarian (?:aid|effort|relief|response))\b"
    # officers sent to liaise with a coordination centre, which is not the force: "will send a liaison officer to the
    # Civil-Military Coordination Centre", "seconded two planners to the CMCC"
    r"| [^.;]{0,60}?\bto (?:the )?(?:[\w-]+ ){0,3}?(?:(?:Civil-Military |civil-military )?(?:Coordination|Co-ordination|coordination|co-ordination) (?:Cent(?:re|er)|cent(?:re|er)|[Cc]ell|[Hh]ub)|CMCC)\b"
    # talks and meetings joined: "agreed to take part in the talks", "will join the summit"
    r"| (?:in |at )?(?:the |a |an |this |these |such )?(?:[\w-]+ ){0,2}(?:talks|summit|meeting|meetings|conference|negotiations|consultations)\b")
# Help of another kind than troops: "ready to help train police", "will help rebuild Gaza" (as "ready to train police").
HELP_OF_ANOTHER_KIND = re.compile(r" (?:to )?(?:train|rebuild|reconstruct|fund|finance|equip|coordinate|monitor the ceasefire)\b")
SUPPORTED_OBJECT = re.compile(r" (?:the |a |an |this |its )?(?:[\w-]+ ){0,2}" + PLANS + r"\b")
# The person or country whose decision is awaited, named right after the cue.
# "no decision has been taken on Chile joining the force": the country the decision is about.
DECIDED_ON = re.compile(r"\s+(?:yet\s+)?(?:on|about|regarding|over|concerning)\s+(?:whether\s+)?(?:the\s+)?")
JOINING_AFTER = re.compile(r"(?:’s|'s)?\s+(?:(?:possible|potential|eventual|proposed|planned|prospective)\s+)?(?:joining|sending|participat\w*|taking part|contribut\w*|deploy\w*|involvement|role)\b")
DECIDER_AFTER = re.compile(r"\s+(?:(?:the\s+)?(?:[A-Z][\w-]+\s+){0,3})?$"
                           # "the final decision on the number of troops to be sent rests with President Prabowo"
                           r"|[^.;]{0,40}?\b(?:rests?|lies?|will rest) with\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){0,3}$")
# A sentence that recalls an earlier stance and then turns to the present one: "had previously
# expressed its willingness ... but is now hesitant". Only what follows the turn is current.
# (a turn to a state in the present tense counts too: "committed troops last year, but it has said it is awaiting
# details of the mandate")
TURN_TO_NOW = re.compile(r"(?:\b(?:but|yet|though|although)\b,?|;) (?:[\w’'-]+ ){0,3}?(?:now|since|no longer|currently)\b"
                         r"|\b(?:but|yet|though|although)\b,? (?:[\w’'-]+ ){0,4}?(?:is|are|remains) (?:still |now )?"
                         r"(?:awaiting|waiting|seeking|demanding|insisting|reviewing|reconsidering|weighing|considering|hesitant|reluctant|undecided)\b")

# Money or equipment pledged instead of people is not a troop commitment.
# Goods counted in loads: "1,000 tonnes of aid", "500 trucks of supplies", "20 ambulances".
GOODS = (r"(?:metric )?(?:tonnes|tons|trucks|truckloads|lorries|containers|shipments|convoys|pallets|vehicles|ambulances|tents|"
         r"parcels|kits|boxes|aircraft|planes|helicopters|ships|vessels|generators|barrels|litres|liters|doses|meals)\b")
NOT_PEOPLE = re.compile(r"(?: to (?:provide|give|send|fund))?(?: [\w-]+){0,3}? (?:\$|US\$|€|£|\d[\d,.]* (?:million|billion)|funding|funds|money|equipment|vehicles|financial|dollars|aid|supplies|logistics|logistical"
                        r"|(?:about |around |some |up to |nearly )?\d[\d,.]* " + GOODS + r"|food|medicine|medical supplies|fuel|relief)")
# The country's official saying it of the troops right before them: "Chile's defence minister said 300 soldiers
# were ready to deploy".
SAID_OF_TROOPS = re.compile(r"(?:’s|'s)? (?:[\w-]+ ){0,4}?(?:said|says|announced|confirmed|told reporters)(?: that)? "
                            r"(?:(?:about|some|around|nearly|up to) )?(?:\d[\d,]* )?(?:an? (?:[a-z-]+ ){0,2}?)?")  # (or "a medical unit")
PASSIVE_TROOPS = re.compile(UNITS_WORD + r" ")
PEOPLE_TOO = re.compile(r"\b\d[\d,]* (?:[\w-]+ ){0,2}" + UNITS_WORD + r"\b|(?<!\bnot )(?<!\bno )\b(?:troops|soldiers|personnel|peacekeepers)\b")
# Someone else's hope or push before the countries named: "US officials hope Chile and Peru will send troops".
HOPED_BEFORE = re.compile(r"\b(?:hopes?|hoped|hoping|wants?|wanted|wishes|wished|would like|urged|urges|urging|pressed|presses|pressing|"
                          r"pushing|pushes|pushed|encouraged|encourages|expects|expected|is counting on|are counting on) (?:that )?(?:the )?$")
# A stance asked about, not stated: "whether Chile would send", "asked if Peru will join".
# A report put to someone as a question: "was asked about reports that Chile would send 2,000 troops" (its
# figure is no more the country's than its stance).
ASKED_ABOUT_REPORT = (r"\b(?:asked|questioned|quizzed|pressed) (?:about|on|over|regarding) (?:the |media |press |news )?"
                      r"(?:reports?|claims?|speculation|rumou?rs?|suggestions?) (?:that )?")
QUESTIONED = re.compile(r"\b(?:[Ww]hether|if)\s+(?:[\w’'.-]+\s+){0,4}$|" + ASKED_ABOUT_REPORT + r"(?:[\w’'.-]+\s+){0,4}$")
# An approach imagined: "If Chile were asked, ...", "even if Peru is approached".
ASKED_CUE = re.compile(r"(?:been|was|were|is|are|being) (?:approached|asked|invited|courted|sounded out)$")
HYPOTHETICAL = re.compile(r"\b(?:[Ii]f|[Ww]hether|[Ss]hould)\s+(?:[\w’'.-]+\s+){0,4}$")
# The odds put on a pledge by the writer: "it is unlikely that Chile will send troops", "it is possible that ...".
HEDGED_THAT = re.compile(r"\b[Ii]t (?:is|seems|remains|appears|looks) (?:now )?(?:highly |very |increasingly |still |quite )?"
                         r"(?P<odds>unlikely|doubtful|improbable|possible|conceivable|uncertain|not certain|far from certain) that\b")
UNLIKELY_ODDS = ("unlikely", "doubtful", "improbable")
COMMAND_AFTER = re.compile(r"(?: [\w-]+)? under (?:the )?(?:command|direction|control|orders|flag|leadership) of\b")
# Where a sentence, a quotation or a line begins (after "But", "And" or "So").
CLAUSE_OPENING = r"(?:^|(?<=[.!?] )|(?<=[.!?][”\"’] )|(?<=[“\"‘])|(?<=\n))(?:(?:But|And|So),? )?"
OPENS_CLAUSE = re.compile(CLAUSE_OPENING + r"$")
# A refusal whose "if" names a task: "If the force's mandate is to enforce peace, or to disarm Hamas, its soldiers will not be
# part of it" limits the role.
TASK_IF_FIRST = re.compile(CLAUSE_OPENING + r"(?:[Ii]f|[Ss]hould|[Ww]here|[Ww]hen) [^.;]*?\b" + TASKS + r"\b[^.;]*, (?:[\w’'-]+ ){0,4}$")
# A refusal opened by what it waits for: "Without a clear resolution ..., we will not send our people", "Without both,
# there will be no deployment".
WITHOUT_FIRST = re.compile(CLAUSE_OPENING + r"(?:[Ww]ithout|[Ii]n the absence of|[Aa]bsent) [^,.;]{2,120}, (?:[\w’'-]+ ){0,4}$")
FUNDING_TALK = re.compile(r"\b(?:fund|funds|funding|finance|financing|financial|money|pay for|donors?)\b")
# Outsiders' guesses: "Some analysts in the region believe it will stay out", "observers expect Ankara to ...".
ANALYSTS_GUESS = re.compile(r"\b(?i:analysts?|observers?|commentators?|experts?|pundits?|watchers)\b(?: [\w-]+){0,4}? "
                            r"(?:believe|believes|think|thinks|expect|expects|predict|predicts|suspect|suspects|speculate|reckon|doubt|guess"
                            r"|note|notes|warn|warns|argue|argues|caution|cautions"
                            r"|(?:is|are|was|were) (?:convinced|confident|sure|certain))\b[^.;]*$")
# A readiness hedged by a modal: "may be willing to take part", "could be ready to send troops".
MAYBE_READY = re.compile(r"\b(?:may|might|could) (?:also |possibly |eventually |yet )?be $")
# A cue the text negates ("has not ruled out", "did not exclude") is no refusal.
NEGATED = re.compile(r"\b(?:not|never|n[’']t)\s+(?:\w+\s+)?$|\b[Nn]o\s+$"
                     # "has neither held such meetings nor agreed to any plan", "did not imply any commitment to contribute"
                     r"|\bnor\s+(?:[a-z][\w’']*\s+){0,4}$"
                     # "... nor any source had verified any plan to deploy troops": "any" after a verb of checking is said under a negation
                     r"|\b(?:had|has|have|did|does)\s+(?:verified|confirmed|seen|found|announced|authori[sz]ed)\s+any\s+$|\b(?:not|never)\s+(?:imply|implied|mean|meant|entail|entailed|amount to|constitute|involve)\s+(?:any|a)\s+$"
                     # "has not taken part in discussions on troops"
                     r"|\b(?:not|never)\s+(?:taken|taking|been|held|joined|entered)\s+(?:part\s+)?(?:in\s+)?$"
                     # "no countries have officially confirmed", "none of them has offered": the subject itself is the negation
                     r"|\b(?:[Nn]o (?:other |single )?(?:country|countries|nation|nations|state|states|government|governments|one)|[Nn]one(?: of them)?|[Nn]either)\s+(?:has|have|had|is|are|was|were)?\s*(?:\w+\s+)?$"
                     # "has refrained from committing troops", "stopped short of pledging troops": not done
                     r"|\b" + HELD_BACK + r"\s+$")
# Verbs whose agent approaches others: the countries after them are the ones being asked.
ADDRESSEES = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts) (?:formal )?(?:appeal|request|invitation|approach|call|letter)s? "
                        r"(?:included|includes|went to|was sent to|were sent to|was addressed to|covered)\b")
OBJECT_CUES = re.compile(r"\b(?:approached|engaging with|engaged with|has asked|have asked|asked|invited|courting|sounding out|sounded out|reached out to|urged"
                         r"|(?:requested|asked|urged) that)\b"
                         # requests sent out: "filed requests with Malta and Italy", "sent formal requests to countries such as Chile"
                         r"|\b(?:sent|filed|made|submitted|issued|addressed|delivered|lodged)(?: [\w-]+){0,2}? requests? (?:to|with)\b"
                         # the approach as a noun: "amid US approaches to several countries, including Pakistan", "overtures to Chile"
                         r"|\b(?:approach(?:es)?|overtures?|outreach) to\b"
                         # the request's addressees after it was made: "The appeal included close allies such as Italy"
                         r"|\b" + ADDRESSEES.pattern)
# The ones asked named as examples of a group: "asked more than 70 countries ..., from allies such as Italy
# and France to smaller countries including Malta".
ASKED_GROUP = re.compile(r"\s+(?:[\w-]+ ){0,4}?(?:countries|nations|states|governments|allies|partners)\b")
ASKED_EXAMPLES = re.compile(r"\b(?:such as|including|like|among them)\s+")
# Talks held with countries, which are then weighing it ("the US has been speaking to Chile, Peru and
# Ecuador about possible contributions", "sought troops from Chile") — only where the sentence is
# about the force, since talks "with Egypt on the ceasefire" are no approach.
TALKS_WITH = re.compile(r"\b(?:speaking|spoken|spoke|talking|talked) (?:to|with)\b(?! (?:the )?(?:[\w-]+ ){0,2}?(?:reporters|journalists|press|media|correspondents|newspaper|television|broadcaster|agency)\b)"
                        # (not the end of a relative clause: "One analyst I spoke to is convinced ...")
                        r"(?! (?:is|was|are|were|has|have|had|said|says|told|believes?|thinks?)\b)|\b(?:negotiating|negotiated|negotiates) with\b|\b(?:in|held|holding|hold) (?:[\w-]+ )?(?:talks|discussions|consultations) with\b"
                        r"|\b(?:discussed|discussing) (?:the (?:idea|matter|issue|proposal|force|mission)|it|this) with\b|(?<!while )\bconsult(?:ed|ing) with\b"
                        r"|\b(?:sought|seeking|requested|requesting) (?:troops|soldiers|contributions|forces|personnel|peacekeepers) from\b"
                        r"|\b(?:counting|relying) on\b|\b(?:pressing|pressed|lobbying|lobbied)\b"
                        # "contacts are under way with several countries ..., including Greece", "talks are being held with
                        # Chile", "in contact with Chile"
                        # (the bare "talks with Egypt" is no approach: Egypt may be a mediator)
                        r"|\b(?:[Cc]ontacts?|[Tt]alks|[Dd]iscussions|[Cc]onsultations) (?:(?:are|is|were|was|have been|has been) )?"
                        r"(?:now |already |still |being )?(?:under ?way|ongoing|continuing|held|taking place) with\b|\bin (?:close )?contact with\b")
# ... nor talks about how the force is supplied: "held talks with Egyptian counterparts on logistics for the force".
TALKS_ON_SUPPORT = re.compile(r"\b(?:on|about|over|regarding) (?:the )?(?:possible |closer )?(?:logistics|supply lines|supplies|transit|staging|basing|overflight|coordinati\w*|"
                              r"humanitarian aid|aid deliveries|reconstruction)\b")
HOST_AFTER = re.compile(r",? (?:which|who) (?:is|was|will|would|has) (?:also )?(?:set to |due to |to |agreed to |offered to )?(?:host|be hosting|hosting)\b")
ABOUT_THE_FORCE = re.compile(r"contribut|troops|soldiers|peacekeep|participat|\bforces?\b|\bISF\b|stabili[sz]ation|\bjoin", re.I)
# "our soldiers are ready to go", "its troops will be deployed": troops of the one speaking or spoken of.
OWN_TROOPS_BEFORE = re.compile(r"\b(?:[Oo]ur|[Ii]ts|[Tt]heir|[Tt]he (?:country|kingdom|nation|government)(?:’s|'s)) (?:[\w,-]+ ){0,2}$")
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|is|are|being)\s+$")
# (an aside that is the country's own offer, ", which has offered up to 20,000 troops,", is no background)
RELATIVE_CLAUSE = re.compile(r", (?:whose [\w-]+(?: [\w-]+)? |that (?=(?:has|have|had) (?!(?:already |also )?(?:offered|pledged|promised|committed|volunteered|said|announced)\b))|(?:which|who) (?!(?:has|have|had) (?:already )?(?:offered|pledged|promised|committed|volunteered)\b"
                             # (", which pledged a battalion to the force in February,": a pledge to this force, said in the past)
                             r"|(?:offered|pledged|promised|committed|volunteered)\b(?=[^,]*?\b(?:to|for|in) the (?:[\w-]+ )?(?:force|ISF|mission)\b)"
                             # (nor is an aside that states the stance: ", which will send 500 troops,", ", which is still deciding,")
                             r"|(?:will|would|is|are) (?:also |still |now )?(?:send|contribute|deploy|join|ready|willing|prepared|considering|deciding|weighing|planning|expected)\b"
                             # (", which were also approached by Washington,": an approach is a stance too)
                             r"|(?:was|were|has been|have been|had been) (?:also |already )?(?:approached|asked|invited|contacted|sounded out|in talks)\b"
                             r"|(?:is|are) (?:also |still )?in talks\b"
                             # (", which has said it will not send personnel to the force,": its stance, said before)
                             # (but ", which had announced it would send 20,000 troops,": an earlier stance, moved on from)
                             r"|(?:has|have) (?:already |also )?(?:said|announced|stated|declared|made clear) (?:that )?(?:it|they) (?:will|would)\b))"
                             # (a list of names inside it: ", which has mediated alongside Qatar, Türkiye and the United States,")
                             r"(?:[^,]|,(?=\d{3})|, (?=[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*,? (?:and |or )?(?:the )?[A-Z]))*,")

# Where a country's troops served or serve on other missions is background, not a stance on this one:
# "Vietnam has deployed engineering units and field hospitals to UN missions in South Sudan".
ELSEWHERE = re.compile(r"\b(?:(?:has|have|had) (?:long |previously |also |already |since )?|having )(?:deployed|sent|contributed|provided|dispatched)\b"
                       r"[^.;]{0,80}?\bto (?:(?:other|several|many|past|earlier|previous|existing|various) )?"
                       # (or counted: "more than 235,000 personnel to 48 UN peacekeeping missions since 1960")
                       r"(?:(?:about |around |some |more than |over |nearly )?\d+ )?"
                       r"(?:(?:UN|U\.N\.|United Nations|African Union|AU|NATO|EU|peacekeeping|multinational)(?: peacekeeping)? (?:missions?|operations?|forces)"
                       r"|(?<=\d )missions)\b[^.;,]*"
                       # units that served on other missions: "will come from units that have served in the UN missions in Abyei"
                       r"|\b(?:that|which|who) (?:have|has|had) (?:previously |already |long )?served (?:in|with|on) (?:the |other |earlier |past )?"
                       r"(?:[\w.-]+ ){0,2}?(?:missions?|operations?|forces?)\b[^.;,]*"
                       # where its units gained their experience: "would come from units with experience in southern Lebanon"
                       r"|\b(?:with|gained|have|has|had) (?:long |years of |wide |extensive |recent )?(?:[\w-]+ )?experience (?:in|from|with) [^.;,]*")

# A term only wished for, or how earlier missions were run, is no term for joining this one: "would prefer
# deployment to be under UN mandate", "all past missions were under UN auspices".
NO_TERM_BEFORE = re.compile(r"\b(?:would |will )?(?:prefers?|preferred|preferring|would rather)\b[^.;,]{0,40}?(?:to be |be )?$"
                            r"|\b(?:past|previous|earlier|former|other|those) (?:[\w-]+ ){0,2}?(?:missions?|operations?|deployments?) "
                            r"(?:were|was|had been|have been) (?:all |always |mostly )?$")

# An explainer's question about a stance, whose answer opens the next sentence: "Who has said no? Chile and
# Peru ...", "Which countries have promised troops? ...".
STANCE_QUESTION = re.compile(r"\s*(?:Who|Which (?:countries|nations|states|governments)) ((?:has|have|is|are)\b[^?]{3,80})\?\s*$")
# The stance a question asks about, or a round-up's heading gives the countries listed under it ("STILL DECIDING"):
# one table of words, read regardless of case.
STANCE_ASKED = [
    ("deployed", re.compile(r"(?<!not yet )(?<!yet to )(?<!not )\b(?:on the ground|deployed|arrived|in Gaza)\b", re.I)),
    ("conditional", re.compile(r"\b(?:with|on|under|set) (?:\w+ )?conditions\b|\bconditional\b", re.I)),
    ("declined", re.compile(r"\b(?:said no|refused|declined|ruled (?:it )?out|turned (?:it )?down|stay(?:ing)? out)\b", re.I)),
    ("committed", re.compile(r"\b(?:promised|pledged|committed|offered|signed up|agreed to send|confirmed)\b", re.I)),
    ("considering", re.compile(r"\b(?:deciding|considering|weighing|undecided|on the fence|thinking)\b", re.I)),
]

# Doubts about the very pledge a cue names: "having second thoughts about committing troops".
HESITANT_BEFORE = re.compile(r"\b(?:second thoughts|doubts|reservations|misgivings|hesitant|hesitation|reluctant|reluctance|cold feet) "
                             r"(?:about|over|on|regarding|at) $")

# A group noun set beside the countries just named, describing them: "Indonesia and Azerbaijan, two nations
# that could contribute troops, are reconsidering".
APPOSED_GROUP = re.compile(r",\s+(?:two|three|four|five|both|all)\s[^,;.]{0,80},\s+(?:[\w’'-]+\s+){0,2}")

# A sentence whose subject is its speaker: "We talk to our French friends every day", "MINISTER: I will not
# speak for Paris".
FIRST_PERSON_OPENING = re.compile(r"\s*(?:[A-Z][A-Z .]{1,30}:\s*)?[“\"‘']?(?:We|I|Our|My)\b")

# A report the sentence denies: "asked about media reports that Chile had earmarked 3,500 soldiers, the
# spokesman dismissed them as speculative", "reports that Peru agreed to serve under another's command are
# inaccurate". What the report says is no stance; the denial, if it refuses anything, says so itself.
DENIED_REPORT = re.compile(r"\b(?:[Rr]eports?|[Cc]laims?|[Ss]peculation|[Rr]umou?rs?|[Ss]uggestions?) (?:that|of|suggesting|saying|claiming)\b"
                           r"(?:[^,.;]|,(?=\d{3}))*?(?=,| (?:are|were|is|was) (?:[a-z]+ly )?(?:inaccurate|false|untrue|baseless|unfounded|speculative|"
                           r"wrong|incorrect|not true)\b|[.;]|$)")
REPORT_DENIED = re.compile(r"\b(?:dismiss(?:ed|es|ing)?|denied|denies|deny|denying|rejected|rebuffed|inaccurate|false|untrue|baseless|"
                           r"unfounded|speculative|incorrect|not true)\b")

# The role the troops would have: "serve in a peacekeeping capacity", "act as a stabilisation force", "would only
# have a peacekeeping role", "limited to peacekeeping duties".
ROLE_KIND = (r"\b(?:serve|serves|serving|act|acts|acting|operate|operates|operating|take part|participate)"
             r" (?:[a-z]+ly )?(?:only )?(?:in|as) (?:a |an )?(?:purely )?(?:peace-?keeping|peace|non-combat|stabili[sz]ation|humanitarian)"
             r" (?:capacity|role|mission|force|operation)\b"
             r"|\b(?:have|has|play|plays|limited to|confined to|restricted to|kept to) (?:only )?(?:a |an )?(?:purely )?"
             r"(?:peace-?keeping|non-combat|stabili[sz]ation|humanitarian) (?:capacity|role|mission|tasks?|duties)\b")
# Disarmament wanted in itself: "Hamas is disarmed", "once Hamas disarms", "lays down its arms".
DISARMING_WANTED = (r"\b(?:is|are|be|been|being|gets?|get) (?:fully |first |completely |effectively )?(?:disarmed|demilitari[sz]ed)\b"
                    r"|\b(?:disarms|demilitari[sz]es|lays down)\b")
CATEGORY_WORDS = [
    # how the mission behaves once there ("withdraw if the force deviates from its mandate") is a term of its own
    ("other", re.compile(r"deviat|strays? from|departs? from|goes beyond|oversteps", re.I)),
    # a term about what the mandate says is a term on the mandate, whatever task it names: "if the mandate is
    # not peace enforcement and disarming", "provided the force's mandate excludes combat"
    ("mandate", re.compile(r"^(?:if |that |when |once |unless )?(?:the |its |their |a |an )?(?:[\w’'-]+(?:’s|'s) )?mandate (?:is|was|does|did|would|will|remains|excludes|excluded|includes|included|covers|covered|rules out|ruled out|is limited|limits|limited|stays|involves|involved)\b", re.I)),
    # the kind of mission the troops would serve in is the mandate's, even when it names the task left out: "that its
    # forces would serve in a peacekeeping capacity and not be tasked with disarming Hamas" (but not when the same
    # term also wants Hamas disarmed: "only if Hamas is disarmed and its troops play a peacekeeping role")
    ("mandate", re.compile(r"^(?!.*?" + DISARMING_WANTED + r").*?(?:" + ROLE_KIND + r")", re.I | re.S)),
    ("disarmament", re.compile(r"disarm|demilitari|weapons|(?:lays?|laid|put|puts|hands?|handed|gives?|gave) (?:down |over |up )?(?:its|their) (?:arms|guns)|decommission"
                               # Hamas still armed: "while Hamas remains armed", "continues to wield military power"
                               r"|(?:remains?|stays?|is still) armed|wield\w* (?:military )?power", re.I)),
    # a parliament's own mandate or resolution is its approval: "a Bundestag mandate", "a parliamentary resolution"
    ("domestic_approval", re.compile(r"(?:parliament(?:ary)?|congressional|legislative|\bassembly|\b(?-i:" + PARLIAMENT_NAMES + r"))(?:’s|'s)? "
                                     r"(?:mandate|resolution|authori[sz]ation)"
                                     # ... or said with "from": "a mandate from the Bundestag"
                                     r"|(?:mandate|resolution|authori[sz]ation) (?:from|of|by) (?:the |its |their )?"
                                     r"(?:parliament|congress|national assembly|legislature|\b(?-i:" + PARLIAMENT_NAMES + r"))", re.I)),
    # command said in so many words, even when the UN holds it: "under UN command" (a force "led by the UN" or
    # serving "under a UN flag" is the mandate's)
    # who pays, even when it is the UN: "if the United Nations pays for them"
    ("funding", re.compile(r"\b(?:pays?|paid|paying|funds|funded|finances?|financed|foots? the bill|(?:covers?|bears?|borne|covered) (?:the |their |its )?costs?)\b", re.I)),
    ("command", re.compile(r"\bunder (?:the )?(?:U\.?N\.?|United Nations) (?:command|leadership)\b", re.I)),
    ("mandate", re.compile(r"\bU\.?N\.?\b|United Nations|Security Council|mandate|resolution|legal basis|international law|terms of reference|rules of engagement", re.I)),
    ("domestic_approval", re.compile(r"parliament|congress|senate|legislat|national assembly|majlis|ratif|referendum|cabinet|lawmakers"
                                      r"|(?<!General )\bassembly\b|\bdeputies\b|\bMPs\b|\bmembers of parliament\b|\b(?:the )?motion (?:is|has been|was) (?:passed|adopted|approved)|\bNational Council\b|\bMain Committee\b|\bFederal Assembly\b|\bBundestag|\bSejm\b|\bKnesset\b|\bDuma\b|\bDPR\b|\bStorting|\bRiksdag|\bDiet\b"
                                      # parliaments by name, and a country's own law and procedures
                                      r"|\bMajlis|\bMejlis|\bSangsad|\bLok Sabha|\bRada\b|\bCortes\b|\bFolketing|\bEduskunta|\bOireachtas|\bD[aá]il\b"
                                      r"|\bHouse of (?:Commons|Representatives)|\bSeimas|\bSaeima|\bRiigikogu|\bSabor\b|\bSkupština|\bKuvendi|\bMazhilis|\bJogorku"
                                      r"|constitution|national (?:law|legislation)|domestic (?:law|legislation|procedures)|legal (?:process|procedures)|presidential decree"
                                      # a country's own law by its adjective: "in accordance with Kazakh law"
                                      r"|(?-i:\b[A-Z][a-z]+) (?:law|legislation)\b"
                                      # the head of state's own sign-off, and a vote (a UN vote is the mandate's, matched above)
                                      r"|president(?:’s|'s|ial)? (?:approval|assent|sign-off|consent|green light|decision)|(?:approval|assent|sign-off|consent|green light|decision) (?:of|from|by) (?:the )?(?:president|head of state)\b"
                                      r"|\ba (?:[\w-]+ )?vote\b", re.I)),
    ("ceasefire", re.compile(r"cease-?fire|truce|hostilities|fighting|military action|armistice|cessation|violence|war ends|guns (?:have )?(?:not )?fallen silent|guns fall silent|guns (?:have to|must|need to) (?:be|fall|go|stay) silent|guns (?:are|stay|remain) silent"
                              # the war still on: "will not send soldiers while the war continues"
                              r"|(?:war|conflict|bombing|offensive|(?:air ?|missile )?strikes|attacks|bombardments?|shelling|raids) (?:continues?|goes on|go on|rages?|persists?|is still going on|are still going on|is ongoing|are ongoing)"
                              # the fighting's end in other words: "once the guns fall silent", "when the war is over"
                              r"|guns (?:fall|falls|fell|go|have fallen|are) silent|(?:the )?war (?:is (?:[a-z]+ly )?over|has (?:[a-z]+ly )?ended|ended)|end of the war|bombing (?:stops|ends|has stopped)"
                              # peace itself, or a deal that brings it: "meaning peace is achieved", "once a peace agreement is reached"
                              r"|peace (?:is|has been|was) (?:achieved|reached|restored|secured|established)"
                              r"|(?:peace|constructive|final) (?:agreement|deal|accord) (?:is|has been|was) (?:reached|signed|concluded|struck)", re.I)),
    ("party_consent", re.compile(r"consent|invitation|invited by|agreement of|accepted by|both sides|the parties|both parties|all parties|(?:will|wishes|wish) of"
                                 # the parties' own agreement: "requested by the Palestinian Authority", "the Palestinians must agree"
                                 # a party's own agreement by the possessive: "Israel's agreement", "the Palestinians' blessing"
                                 r"|(?:Israel|Hamas|(?:the )?Palestinian Authority|(?:the )?Palestinians|(?:the )?parties)(?:’s|'s|’|')? (?:agreement|approval|acceptance|blessing|invitation|green light)"
                                 r"|(?:welcomed|approved|endorsed|wanted) by (?:the )?(?:Palestinian|Palestinians|both sides|the parties|all parties)"
                                 # a party raising no objection: "provided Israel does not object"
                                 r"|(?:Israel|Hamas|(?:the )?Palestinian Authority|(?:the )?Palestinians|(?:the )?parties|both sides) (?:does not|do not|doesn[’']t|don[’']t|did not|would not) (?:object|oppose)"
                                 r"|requested by|at the request of|request (?:from|by|of) (?:the )?(?:Palestinian|both|all|the parties|Israel|Hamas)|(?:Palestinian Authority|Palestinians|parties|sides|Hamas|Israel|Israelis) (?:[\w-]+ ){0,3}?(?:agree|accept|approve|request|invit|consent)"
                                 # "the approval of the Palestinian Authority", "if the Palestinian side agrees", "if the PA asks it to"
                                 r"|(?:approval|consent|agreement|acceptance|blessing|invitation|green light|welcome|backing|support) (?:of|from|by) (?:the )?(?:Palestinian|Palestinians|Israel|Hamas|both|all parties|the parties)"
                                 r"|Palestinian (?:side|leadership|government|people) (?:[\w-]+ ){0,3}?(?:agree|accept|approve|request|invit|consent|ask|want|welcome)"
                                 r"|(?:Palestinian Authority|Palestinians|Palestinian side) (?:[\w-]+ ){0,2}?(?:asks|asked|ask|wants?|wanted)\b", re.I)),
    ("command", re.compile(r"command|under the flag|chain of|\bled by\b|leadership", re.I)),
    ("funding", re.compile(r"fund|financ|cost|paid|budget|\bpays?\b|\bpaying\b|reimburs|salar|expenses|donors?\b|money"
                           # "foots the bill", "picks up the tab"
                           r"|\b(?:foots?|footing|picks? up|picking up|covers?|covering) the (?:bill|tab)\b", re.I)),
]

# "20,000 troops", "20 thousand troops", "20.000 troops" (a dot between thousands, as some outlets write), and
# small figures in words ("two thousand troops", "five hundred soldiers").
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a": 1}
NUMBER_WORDS.update({"eleven": 11, "thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                     "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
# A count in words: "fifteen hundred", "twenty-five hundred", "six hundred and fifty", "one thousand".
_WORD = r"(?:" + "|".join(sorted((w for w in NUMBER_WORDS if w != "a"), key=len, reverse=True)) + r")"
_WORD_COUNT = _WORD + r"(?:-" + _WORD + r")?"
NUMBER = (r"(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+(?:\.\d+)? thousand\b|\d+(?:\.\d+)?k\b"
          # thousands set apart by a space, as some outlets write ("2 000 soldiers")
          r"|(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d,.])|\d+"
          # (thousands and hundreds together: "two thousand five hundred", "one thousand two hundred and fifty")
          r"|(?<![\w-])(?i:" + _WORD_COUNT + r"|a) (?:hundred|thousand)(?: (?i:" + _WORD_COUNT + r") hundred)?(?: and " + _WORD_COUNT + r"(?! (?:hundred|thousand)))?\b)")
UNITS = (r"(?:more |additional |extra )?(?:troops|soldiers|personnel|peacekeepers|police officers|policemen|police|officers|engineers|medics|military personnel|service members|servicemembers|marines|paratroopers|staff|medical staff|doctors|nurses|medical personnel|observers"
         # forces by their own names: gendarmes, carabinieri, blue helmets, trainers, deminers, special forces
         r"|gendarmes|gendarmerie|carabinieri|Carabinieri|troopers|infantrymen|infantry|servicemen|servicewomen|sappers|deminers|trainers|instructors|commandos|special forces|blue helmets)")
# (not an amount of money or a share: "up to 100 million US dollars", "up to 30 percent")
NOT_PEOPLE_AFTER = r"(?!\d|[,.]\d| ?(?:million|billion|m\b|bn\b|percent|per cent|%|km|kilometres|kilometers|miles|hectares|tonnes|tons|dollars|euros|US\b|USD))"
RANGE = re.compile(r"(?i:between|from) (?!(?:19|20)\d\d and (?:19|20)\d\d\b)" + NUMBER + r" and " + NUMBER + NOT_PEOPLE_AFTER + r"(?: " + UNITS + r")?|" + NUMBER + r" ?(?:to|-|–) ?" + NUMBER + r" " + UNITS)
UP_TO = re.compile(r"(?i:up to|as many as|no more than|a maximum of) " + NUMBER + NOT_PEOPLE_AFTER + r"(?: " + UNITS + r")?")
# A pledge with its verb left out: "Chile will send 800 troops; Peru, 300" or "... and Peru 300".
GAP_BEFORE = re.compile(r"(?:;|,|\band|\bwhile|\bwhereas)\s+(?:and\s+)?$")
# (the figure may size a unit, which may say where it comes from: "and Kosovo a unit of 30 from the Kosovo Security Force")
GAP_UNIT = r"(?:(?:a|an) (?:[\w-]+ ){0,2}(?:unit|team|company|platoon|battalion|contingent|detachment|squad|group) of )?"
GAP_FROM = r"(?: (?:from|drawn from) [^.;,]{1,40}?)?"
GAP_AFTER = re.compile(r",? " + GAP_UNIT + r"(?:about |around |some |roughly |nearly |up to |as many as )?" + NUMBER + r"(?!\d|[,.]\d)(?: " + UNITS + r")?"
                       + GAP_FROM + r"(?=[.;,]|$| and\b| while\b)")
GAPPED_FIGURE = re.compile(r"(?:(?<=[;,] )|(?<=\band )|(?<=\bwhile )|(?<=\bwhereas ))(?P<who>[A-Z][\w-]+(?: [A-Z][\w-]+)?),? " + GAP_UNIT
                           + r"(?:about |around |some |roughly |nearly )?" + NUMBER + r"(?!\d|[,.]\d)(?: " + UNITS + r")?" + GAP_FROM
                           + r"(?=[.;,]|$| and\b| while\b)")
# Two kinds of people in one pledge, "1,500 troops and 300 police": together, the people offered.
SUM = re.compile(NUMBER + r" (?:[a-z-]+ ){0,2}" + UNITS + r",? (?:and|plus|as well as|along with) (?:about |around |some |roughly |nearly )?"
                 + NUMBER.replace("(", "(?:", 1) + r" (?:[a-z-]+ ){0,2}" + UNITS + r"\b")
SINGLE = re.compile(NUMBER + r" (?:[A-Z][a-z]+ )?(?:[a-z-]+ ){0,2}" + UNITS + r"|(?:contingent|battalion|brigade|unit|team|company|detachment|division) of (?:about |around |some |roughly |nearly )?" + NUMBER
                    # "1,000 men": men only right after the figure
                    + r"|" + NUMBER + r" (?:armed |uniformed )?men\b")
# A count of ten or more in words alone, right before the people: "a unit of fifty soldiers", "twenty engineers".
_TENS_AND_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
WORDS_ALONE = re.compile(r"(?<![\w-])(?i:(" + _TENS_AND_TEENS + r"(?:-" + _WORD + r")?)) (?:[a-z-]+ )?" + UNITS + r"\b")
# Units counted and sized: "two battalions of about 850 soldiers each" is 1,700 people.
EACH = re.compile(r"(?<![\w-])(\d+|" + _WORD + r") (?:[\w-]+ )?(?:battalions|units|companies|contingents|brigades|teams|detachments|waves|rotations|groups|batches) of "
                  r"(?:about |around |some |roughly |nearly |up to )?" + NUMBER + r" (?:[a-z-]+ ){0,2}(?:" + UNITS + r"|men) each\b", re.I)
# Troops a country already has elsewhere: "has 8,000 soldiers serving in UN missions" (not "serving with the
# force in Gaza": those are its troops on the ground there).
CASUALTIES_AFTER = re.compile(r"(?:(?: of (?:its|their|the country(?:’s|'s)|[A-Z][\w-]+(?:’s|'s)))? (?:[\w-]+ )?(?:soldiers|troops|peacekeepers|personnel|servicemen))?"
                              r" (?:have |had |were |are )?(?:died|been killed|killed|lost their lives|fallen|wounded|injured)\b")
SERVING_BEFORE = re.compile(r"\b(?:has|have|had) (?:about |around |some |more than |over |nearly )?$")
SERVING_AFTER = re.compile(r"(?: [\w-]+){0,2}? (?:(?:serving|deployed|stationed)(?! (?:now )?(?:with (?:the |an? )?(?:[\w-]+ )?(?:force|ISF|mission)\b|(?:in|inside) " + PLACES + r"))|abroad|worldwide|around the world|overseas|"
                           r"in (?:UN|U\.N\.|United Nations|other|peacekeeping|several|various|\w+ (?:UN )?missions|Lebanon|Africa|the Sahel"
                           r"|UNIFIL|MONUSCO|MINUSCA|MINUSMA|UNMISS|UNDOF|UNFICYP|UNISFA|KFOR))\b")
# "the number of Chilean troops will be around 600"
NUMBER_OF = re.compile(r"\b(?:number|size|strength) of (?:the )?(?:[A-Z][\w-]+ )?(?:troops|soldiers|personnel|peacekeepers|police|contingent|forces) "
                       r"(?:to be (?:deployed|sent|dispatched|contributed) )?(?:will|would|is to|is expected to|could|is) (?:be |reach |total )?(?:about |around |some |roughly |nearly )?" + NUMBER)
# A unit's size said after it: "the contingent will be 500 strong".
STRONG_AFTER = re.compile(r"\b(?:contingent|battalion|unit|team|company|brigade|detachment|deployment) (?:will|would|is to|is set to|is expected to) be "
                          r"(?:about |around |some |roughly |nearly )?" + NUMBER + r"[ -]strong\b")
# A unit's or the troops' size said by a verb, the people not named again: "the contingent will number 1,200",
# "medical staff numbering about 150", "its deployment will total 800" (the whole force's size is FORCE_WIDE_BEFORE's).
UNIT_NUMBERS = re.compile(r"\b(?:contingent|battalion|brigade|unit|company|detachment|deployment|contribution|team|" + UNITS
                          + r") (?:(?:will|would|is to|is set to|is expected to|could|should) )?(?:number|numbering|total|totalling|totaling|comprise|"
                          r"be made up of|consist of|of) (?:about |around |some |roughly |nearly |approximately )?" + NUMBER + r"(?![\d,.]\d|\d)(?! (?:million|billion|dollars|euros|tons|tonnes|vehicles|trucks|km|kilomet))")
# "a contingent 650 strong"
STRONG_AFTER_UNIT = re.compile(r"\b(?:contingent|battalion|brigade|unit|company|detachment|team),? (?:about |around |some |roughly |nearly )?" + NUMBER + r" strong\b"
)
# A country's own unit sized before it: "the rest of Morocco's 800-strong contingent".
OWN_STRONG = re.compile(r"(?:’s|'s|\bits|\btheir) (?:about |around |some |roughly |nearly )?" + NUMBER + r"-strong "
                        r"(?:contingent|battalion|brigade|unit|company|detachment|team|force)\b"
                        # (or "the 150-strong contingent": a unit, not the whole force)
                        r"|\b[Tt]he (?:about |around |some |roughly |nearly )?" + NUMBER + r"-strong (?:contingent|battalion|unit|company|detachment|team)\b")
# Lower bounds: "at least 2,000 troops", "no fewer than 500", "20,000 or even more peacekeepers".
AT_LEAST = re.compile(r"(?i:at least|no fewer than|no less than|a minimum of|more than) " + NUMBER + r"(?![,.]\d)"
                      # the people counted, or nothing counted at all: "more than 20 questions" is no head count
                      + r"(?: " + UNITS + r"|(?= (?:or|and|to|by|in|for|at|on|with|from|[A-Z][\w-]*)\b|[.,;:)”\"]|$))"
                      r"|over " + NUMBER + r" " + UNITS
                      + r"|" + NUMBER + r"(?: (?:[a-z-]+ ){0,2}" + UNITS + r")? or (?:even |possibly |perhaps |maybe )?more\b")
# A unit sized by a compound: "a 500-strong contingent", "a 1,200-member battalion" (a "20,000-strong
# force" is the whole force, left out by FORCE_WIDE_AFTER).
SIZED = re.compile(NUMBER + r"-(?:strong|member|man|person|troop|soldier) (?:[\w-]+ )?(?:contingent|battalion|unit|team|company|brigade|detachment|task force)\b")


# What kind of mission it is to be, when nothing else names the term: "that it will be a peacekeeping
# mission", "what role they will play" are terms of the mandate.
MISSION_KIND = re.compile(r"\bpeace(?:keeping)? (?:mission|force|operation)|\bpeace[- ]?(?:enforcement|enforcing|making)\b|\bwhat (?:role|authority)|\b(?:nature|goal|scope|aim) of the (?:mission|force|ISF)", re.I)
# "need to know what role ...": the term is said by the cue itself.
KNOW_FIRST = re.compile(r"(?:need|needs|needed|want|wants|wanted) to (?:better )?(?:know|understand)\b")


def category_of(text: str) -> str:
    for category, words in CATEGORY_WORDS:
        if words.search(text):
            return category
    if MISSION_KIND.search(text):
        return "mandate"
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
    for mark in (",", ";", "”", '"', ":", " the official", " officials said", " he said", " she said", " rather than "):
        k = text.find(mark, start, end)
        while k != -1 and mark in "”\"" and (text.count('"', start, k) % 2 == 1 or text.count("“", start, k) > text.count("”", start, k)):
            k = text.find(mark, k + 1, end)  # the end of a quotation opened inside the clause
        if k != -1:
            stop = min(stop, k)
    inner_stop = SENTENCE_INSIDE.search(text, start, stop)
    if inner_stop is not None and not re.search(r"\b(?:[A-Z]|U\.S|U\.N|[Mm]r|[Dd]r|[Ss]t)$", text[start:inner_stop.start()]) \
            and not TERMS_LISTED.match(text, inner_stop.end()):
        # a sentence ends inside a quotation the splitter kept whole (unless the next one lists the terms: "These include")
        stop = inner_stop.start()
    more = ANOTHER_TERM_AFTER_COMMA.match(text, stop, end)
    if more is not None:
        # "once the force has a mandate, and once funding is secured": the second term goes on the same clause
        return start, _clause_after(text, more.end(), end)[1]
    while stop > start and text[stop - 1] in " .!?":
        stop -= 1
    return start, stop


# A full stop inside a clause, the next sentence begun (the match ends where it begins).
SENTENCE_INSIDE = re.compile(r"[.!?]\s+(?=[A-Z“\"‘])")
# A second term after a comma: ", and once funding is secured", ", and only if the parliament agrees".
ANOTHER_TERM_AFTER_COMMA = re.compile(r",\s+and\s+(?=(?:only\s+)?(?:once|if|provided|when|after|as long as|so long as|subject to|unless)\b)")


def _word_count(words: str) -> int:
    return sum(NUMBER_WORDS[w] for w in words.lower().split("-"))


def _number(raw: str) -> int:
    words = re.fullmatch(r"(\S+) (hundred|thousand)(?: (\S+) hundred)?(?: and (\S+))?", raw)
    if words is not None:
        count, scale, hundreds, rest = words.groups()
        value = float(count) if re.fullmatch(r"\d+(?:\.\d+)?", count) else _word_count(count)
        return (round(value * (1000 if scale == "thousand" else 100)) + (_word_count(hundreds) * 100 if hundreds else 0)
                + (_word_count(rest) if rest else 0))
    if raw.endswith("k"):
        return round(float(raw[:-1]) * 1000)
    return int(raw.replace(",", "").replace(".", "").replace(" ", ""))


# A count as the reader reads it, standing alone: not part of a decimal, not millions or billions.
_WRITTEN_FIGURE = re.compile(r"(?<![\d.,])" + NUMBER + r"(?!\d|[.,]\d)(?! (?:million|billion|trillion)\b)")


def figures_written(text: str) -> set[int]:
    """The counts TEXT writes, read as the reader reads a troop figure: "3,000", "3 000", "3.000",
    "3k" and "three thousand" alike; not a decimal's parts, not millions."""
    return {_number(m.group(1)) for m in _WRITTEN_FIGURE.finditer(text)}


# A figure for the whole force ("a 20,000-strong force", "a force of up to 20,000", "the force will
# number 20,000") is no country's contribution.
FORCE_WIDE_BEFORE = re.compile(r"\b(?:force|mission|ISF|contingents?|coalition) (?:of|with|totall?ing|numbering|comprising|made up of) "
                               r"(?:about |around |some |roughly |nearly |up to |as many as |at least |more than |over )?$"
                               r"|\b(?:force|mission|ISF)(?:,? (?:whose|which|with|its) (?:[\w-]+ ){0,2}?| (?:[\w-]+ ){0,3}?| |,(?: [\w.-]+){1,8}, )(?:will|would|could|can|is to|is expected to|may|might) (?:eventually |ultimately |initially |finally |then )?(?:have|number|include|comprise|consist of|total|reach|be made up of) "
                               r"(?:about |around |some |roughly |nearly |up to |as many as |at least |more than |over )?$"
                               # (and the force's own first troops: "the force, whose first 2,000 troops arrive in May")
                               r"|\b(?:force|mission|ISF)(?:’s|'s|,? whose) (?:planned |projected |total |full |envisaged |expected |overall |eventual |first |initial |advance |lead )?(?:strength of )?$"
                               r"|(?<!to )\b(?:total|overall|combined) (?:force )?(?:of |strength of )?(?:about |around |some |up to )?$(?<!\ba total of )"
                               # the whole a country's share is taken from: "Of the 20,000 troops envisaged, Indonesia ..."
                               r"|(?:^|[.;:]\s*|\b)(?:[Oo]f|[Oo]ut of) (?:the|a|an) (?:total of |planned |envisaged |proposed |projected |expected )?(?:about |around |some |up to )?$"
                               # what the force or mission still needs: "the mission will need 1,500 police"
                               r"|\b(?:force|mission|ISF)(?:’s|'s)? (?:(?:will|would|could|may|still) )?(?:need|needs|require|requires|lacks|lack|is short of) "
                               r"(?:a further |another |an additional |about |around |some |roughly |up to |at least |more than |over )?$"
                               # what a group of countries has offered between them: "12 countries have offered 15,000 soldiers"
                               r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|other|a dozen|dozens of) (?:[\w-]+ )?(?:countries|nations|states|contributors|governments) "
                               r"(?:have |had )?(?:so far |now |together |collectively |already )?(?:offered|pledged|committed|promised|put forward) "
                               r"(?:a total of |about |around |some |roughly |nearly |up to |as many as |at least |more than |over )?$"
                               # what the sponsor wants for the whole force: "The United States wants 20,000 troops"
                               r"|\b(?:United States|U\.S\.|US|Washington|Trump|administration|Pentagon|White House) (?:still |now |reportedly )?"
                               r"(?:wants|is seeking|seeks|hopes for|is looking for|envisions|envisages|aims for|expects|anticipates|plans for|is planning for) (?:a force of )?(?:about |around |some |up to |at least )?$"
                               # a country's whole army, not what it offers: "its army has 350,000 active personnel"
                               r"|\b(?:army|military|armed forces)(?:’s|'s)? (?:has|have|had|numbers|totals|of|with) (?:about |around |some |nearly |over |more than )?$"
                               # what a country is asked for: "has been asked to send 1,000 troops", "asked Chile for 5,000 soldiers"
                               r"|\b(?:asked|requested|invited|urged|pressed)(?: [\w-]+){0,2}? (?:to (?:send|contribute|deploy|provide|supply|commit|dispatch)|for) "
                               r"(?:about |around |some |up to |as many as |at least |more than |over )?$"
                               # what the force's planners hope for: "The force's planners hope to secure at least 5,000 troops from Africa"
                               r"|\b(?:planners|organi[sz]ers|commanders|architects)(?: [\w-]+){0,2}? (?:hope|hopes|want|wants|aim|aims|expect|expects|plan|plans|need|needs|seek|seeks)"
                               r"(?: to (?:secure|raise|recruit|get|attract|have|field|reach|find))? (?:a force of )?(?:about |around |some |up to |at least |more than |over )?$"
                               # the sponsor's recruiting: "officials hope to recruit 10,000 soldiers"
                               r"|\b(?:recruit|recruiting|assemble|assembling|muster|mustering|raise|raising) (?:a force of )?(?:about |around |some |up to |as many as |at least |more than |over )?$", re.I)
# ... unless the country itself sends "a force of": "ready to send a peacekeeping force of 20,000".
OWN_FORCE_BEFORE = re.compile(r"\b(?:send|sending|deploy|deploying|contribute|contributing|offer|offered|offering|pledge|pledged|pledging|promise|promised|promising|"
                              r"prepared|preparing|dispatch|dispatching|provide|providing|commit|committed|committing) (?:a|an|its|their) "
                              r"(?:[\w-]+ ){0,3}(?:force|contingent|mission) (?:of|numbering|totall?ing|comprising|made up of) (?:about |around |some |roughly |nearly |up to |as many as |at least |more than |over )?$"
                              # "ready to support the force with 500 soldiers": the country's own troops
                              r"|\b(?:support|supporting|reinforce|reinforcing|bolster|bolstering|strengthen|strengthening) (?:the |a |an |this )?"
                              r"(?:[\w-]+ ){0,2}(?:force|mission|ISF) with (?:about |around |some |roughly |nearly |up to |as many as |at least |more than |over )?$"
                              # "Chile's contribution will total around 800 troops": the country's own share
                              r"|(?:’s|'s|\bits|\btheir) (?:[\w-]+ )?(?:contribution|contingent|deployment|offer|pledge|share|commitment)"
                              r"(?: (?:will|would|is expected to|is set to|could|may|is to))? (?:total|number|reach|be) (?:about |around |some |roughly |nearly |up to |as many as |at least |more than |over )?$", re.I)
OWN_FORCE = re.compile(r"\b(?:send|sending|deploy|deploying|offer|offered|offering|pledge|pledged|pledging|provide|providing|commit|committed|committing) "
                       r"(?:a|an|its|their) (?:[\w-]+ ){0,2}force of (?:about |around |some |roughly |nearly )?" + NUMBER + r"(?![\d,])(?! (?:million|billion))")
# ... and "send a 1,500-strong force": the country's own force, sized by a compound.
OWN_SIZED_FORCE = re.compile(r"\b(?:send|sending|deploy|deploying|offer|offered|offering|pledge|pledged|pledging|provide|providing|commit|committed|committing|dispatch|dispatching) "
                             r"(?:a|an|its|their) " + NUMBER + r"-(?:strong|member|person|troop|soldier|man) (?:[\w-]+ )?force\b")
FORCE_WIDE_AFTER = re.compile(r"-(?:strong|member|person|troop|soldier)\b"
                              # troops of others, or pledged by all: "3,000 soldiers from other countries", "8,000 troops have been pledged so far"
                              r"|(?: [\w-]+){0,2}? from (?:other|several|many|various|different|\d+|[a-z]+ other) (?:countries|nations|states|contributors)\b"
                              r"|(?: [\w-]+){0,2}? (?:have|has) (?:so far |now )?been (?:pledged|offered|committed|promised)"
                              r" (?:so far|in total|altogether|overall|to date|by (?:all|the|other|various|several|member|participating)\b)", re.I)
# "an initial 1,000 ..., a total of 8,000": the country's total is the figure that counts.
TOTAL_BEFORE = re.compile(r"\b(?:a total of|total(?:ling)? (?:rising |growing )?to|in total|in all|eventually|rising to|growing to|increasing to|up to a total of) (?:about |around |some )?$", re.I)
TOTAL_FIGURE = re.compile(r"\b(?:a total of|total(?:ling)? (?:rising |growing )?to|rising to|growing to|increasing to|eventually"
                          # "bringing Azerbaijan's total contribution to 600 troops"
                          r"|(?:bringing|taking|raising) (?:[\w’'-]+ ){0,2}?(?:total|overall|full) (?:contribution|number|strength|deployment|contingent) to"
                          # "ramping up to a full deployment of 8,000"
                          r"|(?:ramping|scaling|building|ramp|scale|build) up to(?: (?:a|its|their) (?:full |total )?(?:deployment|contingent|strength|force) of)?"
                          # "the total could reach 8,000", "the number will rise to 8,000"
                          r"|(?:the |its |their )?(?:total |overall )?(?:total|number|figure|contingent|deployment) (?:could|would|will|may|might|is expected to|is set to|set to|expected to) "
                          r"(?:eventually )?(?:reach|rise to|grow to|increase to|total|be raised to)"
                          # "The full Uzbek contribution will be 600 personnel by the summer"
                          r"|(?:[Tt]he|[Ii]ts|[Tt]heir) (?:full|total|final|whole|overall|complete) (?:[A-Z][\w-]+ )?(?:contribution|contingent|deployment|commitment)"
                          r" (?:will|would|is to|is expected to|is set to|should) (?:be|total|number|reach)) "
                          r"(?:about |around |some )?" + NUMBER + r"(?![\d,])(?! (?:million|billion|percent|%))")
# A bare number right after a contribution verb is a head count: "will contribute about 1,200."
BARE = re.compile(r"\b(?:send|sending|contribute|contributing|deploy|deploying|provide|providing|dispatch|dispatching|offer|offered|offering|"
                  r"pledged?|pledging|supply|supplying|supplied|commit|committing) "
                  r"(?:about |around |some |roughly |nearly |up to |as many as )?" + NUMBER + r"(?![.,]\d)(?=[.,;]|$| (?:to|by|for|in|more|and)\b)")


@dataclass(frozen=True)
class Figure:
    start: int
    values: dict[str, int]  # "offered_min"/"offered_max", or "single"
    total: bool


def _a_year(raw: str) -> bool:
    """A bare four-digit figure that reads as a year ("will total 2026 hours"), not a head count."""
    return re.fullmatch(r"(?:19|20)\d\d", raw) is not None


# Troops there out of those pledged: "has deployed 300 of the 1,500 troops it pledged" (two facts).
PART_OF_PLEDGE = re.compile(NUMBER + r" of (?:the|its|their) " + NUMBER + r" (?:[a-z-]+ ){0,2}?" + UNITS
                            + r" (?:it|they|that it|that they|[A-Z][\w-]+) (?:has |have |had )?(?:pledged|promised|committed|offered)\b"
                            # "has deployed 500 soldiers so far, out of a planned 8,000"
                            r"|\b(?:deployed|sent|dispatched|landed|stationed) (?:about |around |some )?" + NUMBER + r" (?:[a-z-]+ ){0,2}?" + UNITS
                            + r"(?: so far| to date| already)?,? (?:out )?of (?:a|an|the|its|their) "
                            r"(?:planned|pledged|promised|intended|envisaged|expected) (?:total of )?" + NUMBER + r"(?![\d,])")


def _figures(sentence: str) -> list[Figure]:
    """The troop figures a sentence gives, in order, leaving out figures for the whole force."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    asides = [(m.start(), m.end()) for m in RELATIVE_CLAUSE.finditer(sentence)]
    if REPORT_DENIED.search(sentence):
        # "denied a report that it had agreed to send 5,000 troops": the report's figure, not the country's
        asides += [(m.start(), m.end()) for m in DENIED_REPORT.finditer(sentence)]

    def add(m: re.Match[str], values: dict[str, int], total: bool = False) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        if any(a <= m.start() < b for a, b in asides):
            return  # ", which already has 5,000 peacekeepers abroad," is background, not the offer
        if CASUALTIES_AFTER.match(sentence, m.end()):
            return  # "more than 70 of its soldiers have died on such missions": the fallen, not the offer
        if SERVING_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) and SERVING_AFTER.match(sentence, m.end()):
            return  # "has 8,000 soldiers in UN missions": troops serving elsewhere
        before = sentence[max(0, m.start() - 120):m.start()]
        if (FORCE_WIDE_BEFORE.search(before) and not OWN_FORCE_BEFORE.search(before)) or FORCE_WIDE_AFTER.match(sentence, m.end()):
            return
        found.append(Figure(m.start(), values, total or TOTAL_BEFORE.search(before) is not None))

    for m in PART_OF_PLEDGE.finditer(sentence):
        there, pledged = [g for g in m.groups() if g]
        add(m, {"deployed": _number(there), "committed": _number(pledged)})
    for m in TOTAL_FIGURE.finditer(sentence):
        if not _a_year(m.group(1)):
            add(m, {"single": _number(m.group(1))}, total=True)
    for m in RANGE.finditer(sentence):
        low, high = [g for g in m.groups() if g][:2]
        add(m, {"offered_min": _number(low), "offered_max": _number(high)})
    for m in UP_TO.finditer(sentence):
        add(m, {"offered_max": _number(m.group(1))})
    for m in AT_LEAST.finditer(sentence):
        add(m, {"offered_min": _number(next(g for g in m.groups() if g))})
    for m in OWN_FORCE.finditer(sentence):
        add(m, {"single": _number(m.group(1))})
    for m in OWN_SIZED_FORCE.finditer(sentence):
        add(m, {"single": _number(m.group(1))})
    for m in EACH.finditer(sentence):
        units = m.group(1)
        add(m, {"single": (int(units) if units.isdigit() else _word_count(units)) * _number(m.group(2))})
    for m in STRONG_AFTER.finditer(sentence):
        add(m, {"single": _number(m.group(1))})
    for m in SIZED.finditer(sentence):
        add(m, {"single": _number(m.group(1))})
    for m in STRONG_AFTER_UNIT.finditer(sentence):
        add(m, {"single": _number(m.group(1))})
    for m in OWN_STRONG.finditer(sentence):
        add(m, {"single": _number(next(g for g in m.groups() if g))})
    for m in SUM.finditer(sentence):
        numbers = re.findall(NUMBER.replace("(", "(?:", 1), m.group(0))
        add(m, {"single": sum(_number(n) for n in numbers[:2])})
    for m in SINGLE.finditer(sentence):
        add(m, {"single": _number(next(g for g in m.groups() if g))})
    for m in GAPPED_FIGURE.finditer(sentence):
        if mentions(m.group("who")):
            add(m, {"single": _number(m.group(2))})
    for m in NUMBER_OF.finditer(sentence):
        add(m, {"single": _number(m.group(1))})
    for m in UNIT_NUMBERS.finditer(sentence):
        number = next(g for g in m.groups() if g)
        if not _a_year(number):
            add(m, {"single": _number(number)})
    for m in WORDS_ALONE.finditer(sentence):
        add(m, {"single": _word_count(m.group(1))})
    for m in BARE.finditer(sentence):
        number = re.search(NUMBER + "$", m.group(0))
        if not _a_year(number.group(1)):
            add(m, {"single": _number(number.group(1))})
    return sorted(found, key=lambda f: f.start)


def _chosen_figure(sentence: str, lo: int = 0, hi: int | None = None) -> Figure | None:
    """The sentence's figure for a country: its stated total when it gives one, else its first (only
    figures from LO to HI, the stretch of the sentence about that country)."""
    figures = [f for f in _figures(sentence) if lo <= f.start and (hi is None or f.start < hi)]
    totals = [f for f in figures if f.total]
    if not totals and len(figures) > 1:
        # a first wave and a ceiling: "1,000 by April, with up to 8,000 ready by June" offers the ceiling
        first = max(figures[0].values.values())
        totals = [f for f in figures[1:] if set(f.values) == {"offered_max"} and f.values["offered_max"] > first]
    return (totals or figures or [None])[0]


def _from_own_cue(sentence: str, cue_at: int) -> tuple[int, int | None]:
    """Where a country's figures are read from when it alone is given a stance: from its own cue when the
    sentence gives a figure after it ("Egypt will train 5,000 police, while Indonesia will send 8,000"
    is 8,000 for Indonesia), else from anywhere ("Up to 8,000 soldiers could be ready, Indonesia said")."""
    return (cue_at, None) if cue_at > 0 and _chosen_figure(sentence, cue_at) is not None else (0, None)


def _figure_at(sentence: str) -> int | None:
    """Where the sentence's troop figure starts, if it has one."""
    figure = _chosen_figure(sentence)
    return figure.start if figure else None


def _troops(sentence: str, status: str, lo: int = 0, hi: int | None = None) -> dict[str, int]:
    figure = _chosen_figure(sentence, lo, hi)
    if figure is None:
        return {}
    if "single" not in figure.values:
        return dict(figure.values) if status != "declined" else {}
    value = figure.values["single"]
    if status == "deployed":
        return {"deployed": value}
    if status == "committed":
        return {"committed": value}
    if status in ("conditional", "considering"):
        return {"offered_min": value, "offered_max": value}
    return {}


# A demonym naming a state body that is itself the subject of the verb that follows: "the Indonesian
# army plans to send", "Pakistani leadership would decide", "the Chilean government has agreed to".
DEMONYM_ACTOR = re.compile(r"\s+(?:army|military|armed forces|government|cabinet|leadership|defen[cs]e ministry|foreign ministry|ministry"
                           r"|navy|president|presidency|authorities|officials)(?:\s+(?:[\w-]+\s+){0,2}?)?\s*(?:(?:also|now|still|reportedly|initially|soon)\s+)?$")

# ... and a nationality's troops right before the verb: "Jordanian troops will not join".
DEMONYM_TROOPS = re.compile(r"\s+(?:troops|soldiers|forces|personnel|peacekeepers|contingent|units)\s+(?:(?:also|now|still|reportedly|initially|soon)\s+)?$")
# ... or a cue that opens with what the nationality qualifies: "while Greek participation has been confirmed".
CUE_OPENS_WITH_NOUN = re.compile(r"(?:participation|involvement|contribution|contingent|deployment|refusal|rejection|reluctance|hesitancy|hesitation|"
                                 r"wariness|withdrawal|commitment)\b")

# A country named as a hyphenated adjective is no one's subject: "a US-mediated plan", "the Egyptian-led force".
HYPHENATED_ADJECTIVE = re.compile(r"-(?:led|mediated|brokered|backed|sponsored|drafted|proposed|based|made|run|funded|owned|trained|allied)\b"
                                  # a name before another mission's name: "The Haiti mission, which Kenya led from 2024, ..."
                                  r"| (?:mission|operation|war|conflict|crisis)\b")
# "Unlike Malaysia, Indonesia will send troops": the country after "unlike" is set against the subject.
UNLIKE_BEFORE = re.compile(r"\b[Uu]nlike (?:the )?$")


def _subjects_before(text: str, named: list[Mention], cue_start: int, together: bool) -> list[str]:
    """Who a verb at CUE_START is about: the nearest country named before it — by name or capital
    rather than by a demonym, which is usually an adjective ("Palestinian police") — or, for a
    list joined by "and"/commas right before the verb, all of them."""
    # ("the Palestinian cause", "Israeli troops": an adjective of a party to the conflict is never the subject)
    before = [x for x in named if x.end <= cue_start and not (x.is_demonym and x.code in NOT_CONTRIBUTORS)
              # (not the one supported: "Malaysia \"fully supports\" Indonesia but will only send its own troops if ...")
              and not SUPPORTED_BEFORE.search(text, max(0, x.start - 30), x.start)
              and not HYPHENATED_ADJECTIVE.match(text, x.end)  # (not "a US-mediated plan", "the Egyptian-led force")
              # (nor the sponsor's officials as the source: "Indonesia - which US officials say is close to joining -")
              and not (x.code in NOT_CONTRIBUTORS and SPONSOR_SOURCE_AFTER.match(text, x.end, cue_start))]
    if before and before[-1].is_demonym and DEMONYM_ACTOR.match(text, before[-1].end, cue_start):
        # "an American official said the Indonesian army plans to send ...": the army is the subject
        return [before[-1].code]
    if before and before[-1].is_demonym and (DEMONYM_TROOPS.match(text, before[-1].end, cue_start) or (
            text[before[-1].end:cue_start].isspace() and CUE_OPENS_WITH_NOUN.match(text, cue_start))) \
            and not any(x.code in NOT_CONTRIBUTORS for x in named if x.end <= before[-1].start):
        # "King Abdullah has said Jordanian troops will not join": the troops stand for their country (but
        # what Israel or the sponsor says of another country's troops stays theirs)
        return [before[-1].code]
    proper = [x for x in before if not x.is_demonym] or before
    if not proper:
        return []
    if together and len(proper) > 1:
        run = [proper[-1]]
        for previous in reversed(proper[:-1]):
            gap = text[previous.end:run[0].start]
            if UNLIKE_BEFORE.search(text, max(0, previous.start - 12), previous.start):
                break  # "Unlike Malaysia, Indonesia will send troops": a contrast, not a list
            if re.fullmatch(r"(?:’s|'s)?\s*(?:,|and|, and|&)\s*(?:the\s+(?:[a-z][\w-]+\s+)?)?", gap):
                run.insert(0, previous)
            else:
                break
        return list(dict.fromkeys(x.code for x in run))
    return [proper[-1].code]


# A verb of saying between a speaker and what they say.
SAYS_BETWEEN = re.compile(r"\b(?:said|says|told|tells|stated|states|announced|declared|insisted|insists|added|warned|stressed|wrote|posted)\b")

SUPPORTED_BEFORE = re.compile(r"\b(?:supports?|supported|backs|backed|welcomes?|welcomed|praises?|praised|thanks?|thanked|commended|"
                              r"congratulated|applauded|applauds)[\s”\"’]*$")
# Never a contributor in this tracker: the force's sponsor and the parties to the conflict.
NOT_CONTRIBUTORS = {"USA", "ISR", "PSE"}
# Their officials named as a source inside the sentence: "two nations US officials say are close to joining".
SPONSOR_SOURCE_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:officials?|sources?|diplomats?|advis[eo]rs?|media|intelligence)\s+"
                                  r"(?:say|says|said|believe|believes|told|add|added|note|noted|think|thinks)\b")
# A refusal in the passive, its agent named after the verb: "the idea has not even been entertained by Qatar",
# "the request was turned down by Chile".
PASSIVE_REFUSAL = re.compile(r"\b(?:idea|proposal|request|invitation|offer|possibility|option|suggestion|approach)\b[^.;]{0,40}? "
                             r"(?:(?:has|had|have) (?:not|never) (?:even |yet )?been (?:entertained|considered|accepted|taken up|welcomed)"
                             r"|(?:was|were|has been|had been|have been) (?:flatly |firmly |politely |quietly )?(?:rejected|turned down|declined|refused|rebuffed|dismissed))"
                             r" by (?:the )?")

# A pledge named by its maker: "the pledge made by Indonesia to send troops", "the offer of troops by Chile".
PLEDGE_BY = re.compile(r"\b(?:pledge|commitment|offer|announcement|decision)(?: of troops| of soldiers| to send troops)? (?:made |announced |given )?by (?:the )?"
                       r"(?=[A-Z][\w-]+(?: [A-Z][\w-]+)?,? to (?:send|deploy|contribute|provide|commit|dispatch|join|take part)\b)")

# Who said it: officials named with their country ("Egypt's Foreign Minister Badr Abdelatty",
# "Yerlan Zhetybayev, spokesperson for Kazakhstan's Foreign Ministry") stand for it afterwards.
TITLE_WORDS = (r"(?:Foreign|Defen[cs]e|Prime|Interior|Minister|Ministry|President|Vice|Deputy|Secretary|Spokes(?:person|man|woman)|"
               r"Advis[eo]r|National|Security|Army|Navy|Air|Force|Armed|Forces|Chief|of|Staff|General|Gen\.|King|Queen|Crown|Prince|"
               r"Sheikh|Emir|Ambassador|Envoy|Affairs|Head|Commander|State|Permanent|Representative)")
# Titles are also written in lower case ("Indonesian foreign ministry spokesperson Vahd Nabyl", "Peru's
# deputy defence minister Juan Soto", "Peru's top diplomat, Juan Soto,"): the title words in any case,
# the name in capitals, a middle initial allowed.
TITLE_ANY_CASE = (r"(?i:foreign|defen[cs]e|prime|interior|minister|ministry|president|presidential|vice|deputy|secretary|"
                  r"spokes(?:person|man|woman)|advis[eo]r|national|security|army|navy|air|force|armed|forces|chief|of|for|and|staff|"
                  r"general|gen\.|ambassador|envoy|affairs|head|commander|state|permanent|representative|top|senior|diplomat|"
                  r"military|official|office|director|information|communications|cabinet|government|undersecretary|lieutenant|"
                  r"colonel|major|admiral|brigadier|department)")
PERSON_NAME = r"(?P<name>[A-Z][\w’'-]+(?: (?:[A-Z]\.|[A-Z][\w’'-]+)){0,3})"
TITLE_AFTER = re.compile(r"(?:’s|'s)? (?:(?:" + TITLE_WORDS + r"|" + TITLE_ANY_CASE + r"),?\s+){1,6}" + PERSON_NAME)
TITLE_BEFORE = re.compile(PERSON_NAME + r", (?:the )?(?:[\w-]+ ){0,4}?(?:to|of|for|at) (?:the )?$"
                          # "Juan Soto, Peru's deputy defence minister": the country right after the comma
                          r"|" + PERSON_NAME.replace("name", "name2") + r", (?:the )?$")
# "Deputy Defence Minister Juan Soto of Peru": a title, a name, then "of" and the country.
TITLE_NAME_OF = re.compile(r"\b(?:" + TITLE_WORDS + r"\s+){1,6}" + PERSON_NAME + r",? (?:of|from) $")
# Capitalised words that are no one's name.
NOT_A_NAME = {"The", "On", "In", "At", "It", "He", "She", "They", "We", "This", "That", "Monday", "Tuesday", "Wednesday",
              "Thursday", "Friday", "Saturday", "Sunday", "Gaza", "Hamas", "Israel", "Palestinian", "Palestinians"}
TITLE_KEYWORD = re.compile(r"minist|president|spokes|advis|ambassador|envoy|chief|general|secretary|commander|king|prince|head|diplomat|director|colonel|admiral|brigadier", re.I)
# Leaders the news names by surname or single name alone.
LEADERS = {"Prabowo": "IDN", "Subianto": "IDN", "Güler": "TUR", "Guler": "TUR", "Hasanov": "AZE", "Touhid": "BGD", "Healey": "GBR",
           "Boric": "CHL", "Abiy": "ETH", "Mahama": "GHA", "Modi": "IND", "Rajnath": "IND", "Dissanayake": "LKA", "Erdogan": "TUR", "Erdoğan": "TUR", "Aliyev": "AZE", "Sisi": "EGY",
           "Tokayev": "KAZ", "Shehbaz": "PAK", "Meloni": "ITA", "Merz": "DEU", "Macron": "FRA", "Starmer": "GBR",
           # heads of government and foreign or defence ministers of likely contributors, by distinctive names only
           "Sánchez": "ESP", "Albares": "ESP", "Mitsotakis": "GRC", "Tajani": "ITA", "Crosetto": "ITA", "Wadephul": "DEU",
           "Pistorius": "DEU", "Abdelatty": "EGY", "Safadi": "JOR", "Fidan": "TUR", "Bayramov": "AZE", "Sugiono": "IDN",
           "Sjafrie": "IDN", "Mirziyoyev": "UZB", "Tebboune": "DZA", "Ramaphosa": "ZAF", "Kagame": "RWA", "Tinubu": "NGA",
           "Anwar Ibrahim": "MYS", "Shehbaz Sharif": "PAK", "Ishaq Dar": "PAK", "Khawaja Asif": "PAK",
           "Edi Rama": "ALB", "Zhetybayev": "KAZ", "King Abdullah II": "JOR", "King Abdullah": "JOR", "Hashemite kingdom": "JOR", "Hashemite Kingdom": "JOR",
           # more heads of government and ministers of countries asked to contribute, by names no one else is known by
           "Tusk": "POL", "Sikorski": "POL", "Kosiniak-Kamysz": "POL", "Orbán": "HUN", "Orban": "HUN", "Fico": "SVK",
           "Albanese": "AUS", "Marles": "AUS", "Luxon": "NZL", "Carney": "CAN", "Lula": "BRA", "Milei": "ARG", "Bukele": "SLV",
           "Japarov": "KGZ", "Rahmon": "TJK", "Ruto": "KEN", "Museveni": "UGA", "Akhannouch": "MAR", "Bourita": "MAR",
           "Muhammad Yunus": "BGD", "Asim Munir": "PAK", "Pashinyan": "ARM", "Dendias": "GRC", "Gerapetritis": "GRC",
           "Kristersson": "SWE", "Vučić": "SRB", "Vucic": "SRB", "Kurti": "XKX", "Vjosa Osmani": "XKX", "Jaishankar": "IND",
           "Ishiba": "JPN", "Takaichi": "JPN", "Lee Jae-myung": "KOR", "Anutin": "THA",
           # ministers, spokespeople and commanders of countries weighing a part, by full names or names no one else
           # is known by in this news
           "Prasetyo Hadi": "IDN", "Agus Subiyanto": "IDN", "Maruli Simanjuntak": "IDN", "Sjamsoeddin": "IDN", "Soemirat": "IDN",
           "Vahd Nabyl": "IDN", "Ardianzah": "IDN", "Yudhayana": "IDN",
           "Shafqat Ali Khan": "PAK", "Tahir Andrabi": "PAK", "Attaullah Tarar": "PAK", "Mohsin Naqvi": "PAK",
           "Hikmet Hajiyev": "AZE", "Zakir Hasanov": "AZE",
           "Yaşar Güler": "TUR", "Yasar Guler": "TUR", "Zeki Aktürk": "TUR", "Zeki Akturk": "TUR", "Ömer Çelik": "TUR", "Omer Celik": "TUR",
           "Madbouly": "EGY", "Tamim Khallaf": "EGY", "Gargash": "ARE", "Abdullah bin Zayed": "ARE", "Mohamed bin Zayed": "ARE",
           "Lana Nusseibeh": "ARE", "Majed al-Ansari": "QAT", "Majed Al-Ansari": "QAT", "Faisal bin Farhan": "SAU",
           "Mohammed bin Salman": "SAU", "Touhid Hossain": "BGD", "Khalilur Rahman": "BGD", "Mohamad Hasan": "MYS",
           "Khaled Nordin": "MYS", "Kosherbayev": "KAZ", "Barrot": "FRA", "Vautrin": "FRA", "Yvette Cooper": "GBR",
           "John Healey": "GBR", "Lammy": "GBR", "Margarita Robles": "ESP", "Penny Wong": "AUS", "Winston Peters": "NZL",
           "Anita Anand": "CAN", "Motegi": "JPN", "Szijjártó": "HUN", "Szijjarto": "HUN", "Rajnath Singh": "IND",
           "Barth Eide": "NOR", "Brekelmans": "NLD", "Mauro Vieira": "BRA", "Balakrishnan": "SGP", "Glauk Konjufca": "XKX",
           # the sponsor's and Israel's officials, so that what they say of others' troops stays theirs
           "Netanyahu": "ISR", "Gideon Saar": "ISR", "Gideon Sa'ar": "ISR", "Danny Danon": "ISR", "Rubio": "USA", "Witkoff": "USA",
           "Kushner": "USA", "Hegseth": "USA", "Mike Waltz": "USA"}
# "the Kingdom" is the monarchy the article last named.
KINGDOMS = {"SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "NOR", "SWE", "DNK", "THA", "KHM"}
# The one spoken to is not the one speaking: "Bangladesh has told U.S. officials it wishes to join".
SPOKEN_TO = re.compile(r"\b(?:told|informed|assured|briefed|urged|met|met with|wrote to|asked)\s+(?:the\s+)?$")
# A stance recalled from before gives way to the current one ("last November, ... contingent on a ceasefire").
RECALLED = re.compile(r"\b(?:[Ll]ast (?:year|month|week|January|February|March|April|May|June|July|August|September|October|November|December)"
                      r"|[Ee]arlier this (?:year|month|week)|[Pp]reviously|had (?:earlier |previously )?(?:said|indicated|told|stated|signalled|signaled)"
                      r"|had (?:earlier|previously|once|initially|originally) (?:promised|pledged|offered|agreed|committed|expressed|announced|volunteered)"
                      # the pluperfect alone: "Chile had pledged the troops" before what it has done since
                      r"|had (?:promised|pledged|offered|volunteered)"
                      # a year named for it: "promised police officers in 2024, yet ..."
                      r"|(?<=[a-z] )in (?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?(?:19|20)\d\d(?=[,;]| (?:but|yet|though)\b)"
                      # a month named for it, opening the sentence or after "said": "In November, a senior official said the UAE
                      # would likely not take part", "Dhaka said in November that it would not take part; it is now in talks"
                      r"|\bIn (?:late |early |mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: (?:19|20)\d\d)?,"
                      r"|\bsaid in (?:late |early |mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: (?:19|20)\d\d)? that)")
# A time phrase right after the verb of saying only dates the statement ("Chile said last week it would
# send troops", "Reuters reported earlier this month"): the stance is still the current one.
DATED_STATEMENT = re.compile(r"\b(?:said|says|reported|announced|told [\w.]+(?: [\w.]+)?|stated|confirmed|added|wrote|declared)(?: on \w+)? $")
LIST_GAP = re.compile(r"(?:’s|'s)?\s*(?:,|and|, and|&|or|, or)\s*(?:the\s+(?:[a-z][\w-]+\s+)?)?")
# "... is a second condition": the condition is what comes before.
# A clause that opens with its country and a verb of wanting: "Egypt wants ...", "Cairo insists that ...".
CLAUSE_SUBJECT = re.compile(r"\s*(?P<who>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}) (?:wants|wanted|insists|insisted|demands|demanded|requires|required|expects|expected) (?:that )?")
CONDITION_NOUN = re.compile(r"\b(?:is|as|was|be) (?:a|the|another|one) (?:second |further |third |key |main |first |another |precondition |basic )?(?:condition|precondition|prerequisite)\b"
                            # "... and include Turkey, as part of its conditions for participating"
                            r"|,? as (?:part of|one of|among) (?:its|their) (?:conditions|preconditions|terms|demands)\b"
                            # "a ceasefire would also have to be in place before any unit left Japan": what must come first
                            r"| (?:would|will|must|should) (?:also |first )?(?:have to |need to )?be (?:in place|agreed|reached|secured|adopted|declared) "
                            r"before (?:any|a|the|its|their) (?:[\w-]+ )?(?:unit|units|troops|soldiers|deployment|contingent|personnel)\b")
SPLIT_CONDITIONS = re.compile(r",? and (?=(?:accompanied|backed|based|approved|endorsed|supported|within|under|if|provided|subject|to have|to come|include|includes|exclude|excludes|both|after|once|only after|only once"
                              r"|only if|only when|only as|only under|only with|only within)\b"
                              # "subject to approval by the National Assembly and would require a clear mandate": a verb of its own
                              r"|(?:would|will) (?:also )?(?:require|need|depend on)\b"
                              # "hinges on a clear mandate ... and on the agreement of the Palestinian Authority"
                              r"|on (?:the|a|an|its|their) (?=(?:[\w-]+ ){0,3}?(?:agreement|consent|approval|mandate|ceasefire|withdrawal|disarmament|guarantees?)\b)"
                              # "under national command and the mission must have the consent of ...": a clause of its own
                              r"|(?:the |its |their |any )?(?:[\w-]+ ){0,2}?(?:must|should|has to|have to|needs to|would have to|will have to)\b"
                              # "subject to a clear mandate and the approval of its parliament", "under collective decision and
                              # UN-backed mandate": two terms (a bare "and approval by ..." stays with the first)
                              r"|(?:(?:the|a|an|its|their) (?:[\w-]+ )?|(?:[\w-]+ ))(?:approval|consent|backing|agreement|vote|invitation|mandate|resolution|ceasefire|cease-fire|truce)\b"
                              # "if the mission has a fixed end date and the House of Representatives approves the deployment",
                              # "unless the ceasefire holds and there is a credible path to a state": a clause of its own
                              r"|the (?:[\w-]+ ){1,4}?(?:approves|approve|votes|endorses|ratifies|authori[sz]es)\b|there (?:is|are)\b"
                              # "provided the ceasefire holds and the mission has a UN mandate": a clause of its own
                              r"|the (?:[\w-]+ ){1,2}?(?:has|have|gets|receives|enjoys|is given|is granted)\b"
                              # "if the council authorises the mission and Chile's parliament gives its consent": a second body's say
                              r"|(?:its|their|[A-Z][\w-]+(?:’s|'s)) (?:own )?(?:[Pp]arliament|[Cc]ongress|legislature|lawmakers|National Assembly|" + PARLIAMENT_NAMES + r")\b"
                              # "provided the ceasefire holds and the Palestinian Authority agrees", "... and Hamas disarms": a
                              # second clause, with its own subject and verb
                              r"|(?:(?:the|a|an|its|their) )?(?:[A-Z][\w-]+ ){0,4}?(?:[a-z][\w-]+ )?(?:agrees|consents|disarms|holds|accepts"
                              r"|approves|authori[sz]es|endorses|signs off|lays down|operates|(?:is|are) (?:in place|reached|agreed|adopted|secured))\b)")
# A plan to send a country's troops, named by the demonym: "involve parliament in plans to deploy Indonesian
# troops", "the planned deployment of Kenyan police". The plan is that country's pledge, whoever speaks of it,
# unless another country is the one rejecting or discussing it ("Israel rejected plans to deploy Turkish troops")
# or the plan is dropped or denied.
PLAN_OF_TROOPS = re.compile(r"\b(?:plans?|planned|planning|preparations?) (?:to (?:send|deploy|dispatch)|(?:for the )?(?:deployment|dispatch|sending) of|for (?:the )?deploying)\s+(?:the\s+)?$")
TROOPS_OF_DEMONYM = re.compile(r"(?: [\w()-]+){0,4}? (?:troops|soldiers|forces|[Ff]orces|personnel|peacekeepers|police|contingent|military|army)\b")
PLAN_DENIED_AFTER = re.compile(r"[^.;]{0,80}?\b(?:(?:was|were|has been|have been|had been) (?:[a-z]+ly )?(?:denied|rejected|dismissed|ruled out|scrapped|shelved|dropped|called off|cancell?ed))\b")
PLAN_DROPPED = re.compile(r"\b(?:no|not|scrap\w*|shelv\w*|abandon\w*|drop\w*|reject\w*|cancel\w*|call\w* off|deni\w*|den(?:y|ies)|oppos\w*|veto\w*|block\w*)\b[^.;]{0,30}$")
BOTH_AND = re.compile(r"\bboth (?:[\w’'-]+ ){1,4}?and\b")
# Troops from a list of countries as the force's make-up.
TROOPS_FROM = re.compile(r"\b(?i:troops|soldiers|contingents?|units|personnel|forces|peacekeepers|police officers|battalions)"
                         # (or said with a verb between: "troops will come from Chile and Peru", not "are expected to come from")
                         r"(?: (?:will|would|are to|are set to|are going to) (?:come|be drawn))? from\s+(?:the\s+)?")
MADE_UP_OF = re.compile(r"\b(?:will|would|is to|is expected to|is set to) (?:include|comprise|consist of|be made up of|be composed of|draw on|bring together)\s+(?:[\w-]+\s+){0,2}$")
WILL_FORM = re.compile(r"(?:’s|'s)?,? (?:will|would|are expected to|are set to|are due to|are to) (?:form|make up|join|be part of|serve|deploy|be deployed|arrive|lead)\b")
# Troops said to come from a list: "troops will come from Indonesia, Azerbaijan and Pakistan".
DRAWN_FROM = re.compile(r" (?:come|be drawn) from")
# One country joining another in a stance: "Chile joins Peru in offering troops", "has joined Peru in ruling out
# a role" (both take the stance the gerund says).
JOINS_IN = re.compile(r"\b(?:joins|joined|joining|has joined|have joined) (?P<others>[^.;]{2,80}?) in (?P<gerund>"
                      r"offering|pledging|sending|contributing|committing|volunteering|deploying"
                      r"|ruling out|refusing|declining|rejecting|turning down|staying out)\b")
GERUND_STATUS = {"ruling out": "declined", "refusing": "declined", "declining": "declined", "rejecting": "declined",
                 "turning down": "declined", "staying out": "declined"}
# "Neither Chile nor Peru will send troops."
NEITHER = re.compile(r"\b[Nn]either\s+(?:the\s+)?")
NOR = re.compile(r"(?:’s|'s)?\s+nor\s+(?:the\s+)?")
# A question about joining ("Q: Will Chile send troops?") and the answer that follows ("A: No.", "Rivas: Yes, ...").
QUESTION_OF_JOINING = re.compile(r"\b(?:send|sending|contribute|contributing|deploy|deploying|join|joining|take part|taking part|participate|participating|be part)\b")
# An offer to train the Palestinians' police, said with no word of the force or of troops, is no stance on the force.
TRAIN_POLICE_ONLY = re.compile(r"(?: (?:carabinieri|gendarmerie|police|military)? ?(?:instructors|trainers|officers|teams?))? (?:to )?(?:help )?(?:train|training) "
                               r"(?:the |a |a new |new )?(?:Palestinian|Gaza|Gazan|Gazans'|local)(?: [\w-]+)? police(?: force)?\b")
# A plain yes is a pledge only in a sentence about the force or about the countries asked to join it.
PLAIN_YES = re.compile(r"\byes$")
ASKED_OR_APPROACHED = re.compile(r"\b(?:approached|asked|request|invit\w*|sounded out)\b")
# A report denied in the article ("completely fabricated", "baseless propaganda") and the claims it answers.
ARTICLE_DENIAL = re.compile(r"\b(?:denied|denies|rejected|rejects|dismissed|rubbished|rubbishes|refuted|refutes)\b[^.;]{0,120}?\b(?:reports?|claims?|allegations?|speculation)\b"
                            r"|\b(?:reports?|claims?|allegations?)\b[^.;]{0,160}?\b(?:fabricated|baseless|false|untrue|unfounded|propaganda|fake)\b"
                            r"|\b(?:fabricated|baseless|false|untrue|unfounded|fake)\b[^.;]{0,60}?\b(?:reports?|claims?|allegations?)\b", re.I)
CLAIMED = re.compile(r"\b(?:claimed|claiming|claims|alleged|alleging|alleges|allegations?|purportedly)\b")
# What was said before the news, given as its background: "..., a month after the government said it had no plans to
# contribute", "weeks after ruling out a role".
EARLIER_SAID = re.compile(r"\b(?:a|one|two|three|four|five|six|several|some|just|only) (?:days?|weeks?|months?|years?) after "
                          r"(?:(?:[\w’'-]+ ){1,4}?(?:said|announced|declared|stated|insisted|indicated|signalled|signaled)\b|(?:saying|ruling out|rejecting|declining)\b)[^.;]*")
# What an earlier version of the article said, corrected since, is no stance: "Correction: An earlier version of this
# article said Azerbaijan had committed 2,000 troops."
CORRECTED = re.compile(r"\b(?:[Aa]n?|[Tt]he) (?:earlier|previous|original) (?:version of )?(?:this|the) (?:article|story|report|piece)"
                       r" (?:said|stated|reported|wrongly said|incorrectly said|misstated)\b[^.;]*")
# A question asks, it does not state: "Has Pakistan decided to send troops?", "Q: And what about reports
# that Chile has committed 2,000 troops?" give no stance of their own (a "why" question, which takes its
# premise as said, still does; an answer after a question gives one for the country asked about).
# A transcript's speaker label before a question or its answer: "Q:", "QUESTION:", "A:", "Rivas:".
SPEAKER_LABEL = r"(?:(?:Q|A|QUESTION|Question|Answer|[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)?)\s*:\s*)?"
DIRECT_QUESTION = re.compile(SPEAKER_LABEL + r"[“\"‘']?(?:(?:And|So|But),? (?=[a-z]))?"
                             r"(?i:has|have|had|will|would|is|are|was|were|does|do|did|can|could|should|shall|what|which|how|when|who)\b")
ANSWER = re.compile(SPEAKER_LABEL + r"[“\"]?(?P<word>No|Yes|Absolutely not|Certainly|Of course)\b[.,!;:—–]")
# Terms announced ("depends on several conditions", "provided certain conditions are met") and then
# listed in the next sentence ("These include that ...; ...; and ...").
TERMS_TO_COME = re.compile(r"\b(?:several|some|certain|a number of|a few|two|three|four|five|these|the following|its|their) "
                           r"(?:[\w-]+ )?(?:conditions|preconditions|requirements|terms|principles|criteria)\b"
                           # "will not send troops unless two things happen. First, ..."
                           r"|\b(?:two|three|four) things\b", re.I)
# ... or named as examples right after the clause: "hinges on several principles, including that the force be temporary".
EXAMPLES_FOLLOW = r",?\s+(?:including|such as|namely|notably)(?: that\b)?\s+"
INCLUDING_AFTER = re.compile(EXAMPLES_FOLLOW + r"(?P<items>[^.;]+)")
# ... or listed within the same clause, where a quotation kept two sentences together ("several conditions are met.
# These include that ..."), or named as examples there.
LISTED_WITHIN = re.compile(r"[.:]\s+[“\"‘]?(?:These|They|The conditions|The terms)(?: conditions| terms)? (?:include|are)\b:?(?: that\b)?\s*"
                           r"|" + EXAMPLES_FOLLOW)
TERMS_LISTED = re.compile(r"[“\"‘]?(?:These|Those|They|The (?:conditions|preconditions|requirements|terms))(?: (?:conditions|preconditions|requirements|terms))? "
                          r"(?:include|included|are|were)\b:?(?: that\b)?\s*"
                          # or counted off: "First, a ceasefire; second, a UN mandate."
                          r"|[“\"‘]?(?:First(?:ly)?|The first is|One is),?\s+")
# ... and the terms counted off go on, a sentence each: "Second, the force needs a clear mandate."
COUNTED_ON = re.compile(r"[“\"‘]?(?:Second(?:ly)?|Third(?:ly)?|Fourth(?:ly)?|Finally|Lastly|The second is|The third is|The last is|Another is),?\s+")
CLAUSE_FROM_CUE = ("in ", "under ", "within ", "remain", "stay ", "be ", "serve", "operate", "only within", "only under",
                   "without ", "before ", "with the ", "on the basis", "based on", "after ")


def people(text: str) -> list[Mention]:
    """Where the article names officials it has tied to a country, or well-known leaders."""
    known: dict[str, str] = dict(LEADERS)
    for m in mentions(text):
        if m.kind == "person":
            continue
        names = []
        after = TITLE_AFTER.match(text, m.end)
        if after is not None and TITLE_KEYWORD.search(after.group(0)):
            names.append(after.group("name"))
        before = TITLE_BEFORE.search(text, max(0, m.start - 120), m.start)
        if before is not None and before.group("name") and TITLE_KEYWORD.search(before.group(0)):
            names.append(before.group("name"))
        elif before is not None and before.group("name2") and TITLE_KEYWORD.search(text[m.end:m.end + 60].split(",")[0]):
            names.append(before.group("name2"))
        title_of = TITLE_NAME_OF.search(text, max(0, m.start - 120), m.start)
        if title_of is not None and TITLE_KEYWORD.search(title_of.group(0)):
            names.append(title_of.group("name"))
        for name in names:
            name = re.split(r"[’']s\b", name)[0]  # "Donald Trump’s Board": the name ends at the possessive
            words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
            if mentions(name) or not words or any(w in NOT_A_NAME for w in words):
                continue
            known.setdefault(name, m.code)
            for word in words[1:] or words:  # a surname alone, or any later part of a longer name ("Nabyl")
                known.setdefault(word, m.code)
    if not known:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True)) + r")(?![\w-])")
    return [Mention(known[m.group(0)], m.start(), m.end(), m.group(0), "person") for m in pattern.finditer(text)]


KINGDOM_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def kingdoms(text: str, named: list[Mention]) -> list[Mention]:
    """"the Kingdom" as the monarchy last named before it, else as one named later in its sentence
    ("The Kingdom has ruled out putting Saudi boots on the ground")."""
    found = []
    for m in re.finditer(r"(?<=[Tt]he )Kingdom\b(?! of)", text):
        previous = [x for x in named if x.end <= m.start() and x.code in KINGDOMS]
        end = KINGDOM_SENTENCE_END.search(text, m.end())
        later = [x for x in named if m.end() <= x.start < (end.start() if end else len(text)) and x.code in KINGDOMS]
        if previous or later:
            found.append(Mention((previous[-1] if previous else later[0]).code, m.start(), m.end(), m.group(0), "name"))
    return found


DESCRIBED = re.compile(r"(?<=[Tt]he )(?P<region>" + "|".join(sorted(REGIONS, key=len, reverse=True)) + r")"
                       r" (?:country|nation|republic|state|kingdom|monarchy|emirate|archipelago|government)\b")


def described(text: str, named: list[Mention]) -> list[Mention]:
    """A country described by its region, not named ("the Central Asian country would send 350 soldiers"), as the
    last country of that region named before it (not merely the last country named)."""
    found = []
    for m in DESCRIBED.finditer(text):
        region = REGIONS[m.group("region")]
        previous = [x for x in named if x.end <= m.start() and x.code in region]
        if previous:
            found.append(Mention(previous[-1].code, m.start(), m.end(), m.group(0), "name"))
    return found


# A capital after "in", "at", "to" is where something happens ("speaking in Bangkok"), not a government;
# "officials in Jakarta" still speak for theirs.
PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|visiting|visited|toured|via)\s+$")
PEOPLE_IN = re.compile(r"\b(?:officials|sources|authorities|diplomats|leaders|officers|government|ministers?|ministry|office|those|"
                       r"spokes(?:person|man|woman|people))\s+in\s+$", re.I)


DATELINE = re.compile(r"(?m)^[A-Z][A-Z .'’-]{2,}(?:, [A-Z][\w.'’ -]{1,30}?)?(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
                      r"(?: \([^)\n]{1,40}\))? ?[-—–:]")


# A country by name is a place only after a word of location, and then only when an event is put
# there: "a planning meeting in Turkey", "talks held in Egypt" (not "Turkey's role", "interest in Chile joining").
COUNTRY_AS_PLACE_BEFORE = re.compile(r"\b(?:meeting|meetings|conference|summit|talks|gathering|session|ceremony|visit|base|held|hosted|convened|took place)"
                                     r" (?:[\w-]+ ){0,3}?(?:in|at|near)\s+$"
                                     # where troops served before: "a long history of peacekeeping, in Haiti and in Lebanon"
                                     r"|\b(?:peacekeeping|peacekeepers|missions?|served|serving|serves|experience)\b(?:,? (?:[\w-]+ ){0,2}?(?:in|and|or) )?"
                                     r"(?:,? (?:[A-Z][\w-]+ ){1,2}(?:and|or) )?,? ?(?:in|and in)\s+$"
                                     # where troops are sent: "deploying Indian peacekeepers to Ukraine and Gaza"
                                     r"|\b(?:send|sending|sent|deploy|deploying|deployed|dispatch|dispatching|dispatched|station|stationing|stationed)"
                                     r" (?:[\w-]+ ){0,3}?(?:troops|soldiers|peacekeepers|forces|personnel|contingents?|boots on the ground) (?:to|in|into)\s+$"
                                     # where troops already serve: "our forces are committed in Somalia", "soldiers stationed in Lebanon"
                                     r"|\b(?:troops|soldiers|forces|peacekeepers|police|personnel|contingents?|units?|battalions?) (?:are|is|were|remain|have been) "
                                     r"(?:already |still |now )?(?:committed|deployed|stationed|serving|based|engaged)(?: [\w-]+){0,2}? in\s+$"
                                     # where troops have been before: "as they have been in Kosovo, Bosnia and Lebanon"
                                     r"|\b(?:have|has|had) been (?:deployed |stationed |serving )?in (?:[A-Z][\w-]+(?: [A-Z][\w-]+)?,? (?:and )?){0,3}$"
                                     # the way goods go: "humanitarian supplies through Egypt and Jordan"
                                     r"|\b(?:supplies|aid|assistance|convoys?|shipments?|goods|deliveries|relief)\b(?: [\w-]+){0,3}? (?:through|via)"
                                     r"(?: [A-Z][\w-]+(?: [A-Z][\w-]+)?,? (?:and|or))? $"
                                     # where it was done before: "as we did in Haiti for thirteen years"
                                     r"|\bas (?:we|they|it|he|she) did in\s+$"
                                     # a way through: "humanitarian supplies through Egypt and Jordan"
                                     r"|\b(?:through|via)\s+$"
                                     # places given as examples: "conflict zones like Ukraine or Gaza"
                                     r"|\b(?:zones?|areas?|regions?|places|theat(?:re|er)s?|hotspots?|battlefields?|war zones?) (?:like|such as|including)\s+$")


# A country listed with Gaza as where troops would go: "in any conflict zone, whether in Ukraine, Gaza or
# elsewhere", "in Gaza or Ukraine".
WITH_GAZA_AFTER = re.compile(r"(?:,| and| or) (?:in |to )?(?:the )?Gaza\b")
WITH_GAZA_BEFORE = re.compile(r"\b(?:in|to|into) (?:the )?Gaza(?: Strip)?(?:,| and| or) (?:in |to )?$")
PLACE_PREPOSITION = re.compile(r"\b(?:in|to|into)\s+$")


def _a_place(text: str, mention: Mention) -> bool:
    window = text[max(0, mention.start - 40):mention.start]
    if mention.kind == "name" and not mention.is_demonym and (WITH_GAZA_BEFORE.search(window)
                                                              or (PLACE_PREPOSITION.search(window) and WITH_GAZA_AFTER.match(text, mention.end))):
        return True
    if mention.kind == "name":
        # "did not attend a planning meeting in Turkey": where it happened, not who acts
        return COUNTRY_AS_PLACE_BEFORE.search(window) is not None and not re.match(r"(?:’s|'s)\b", text[mention.end:mention.end + 2])
    if mention.kind != "capital":
        return False
    return PLACE_BEFORE.search(window) is not None and PEOPLE_IN.search(window) is None


# Words that point back to the one last spoken of: a pronoun or "the country" as subject, or a
# statement attributed to "he", "she" or "the minister".
REFERS_BACK = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|[Oo]ur|[Aa]ny (?:such )?(?:deployment|participation|contribution)|[Ss]uch a deployment|"
                         r"[Tt]he (?:country|government|kingdom|nation|ministry|minister|"
                         r"president|premier|prime minister|official|spokes(?:person|man|woman)|king|leader|army|military|"
                         r"cabinet|federal (?:government|cabinet)|President|Prime Minister|Premier|King)"
                         # a country described, not named: "the world's largest Muslim-majority nation", "the Central Asian republic"
                         r"|[Tt]he (?!(?:Jewish|Palestinian|Zionist|Israeli|future|new|independent|host|member|sponsoring)\b)(?:[\w’'-]+ ){1,4}?(?:country|nation|kingdom|republic|monarchy|archipelago))\b")
# A cue whose own subject is no country: the force, its troops, other countries, officials in general.
OTHER_SUBJECT = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]his|[Tt]hat|[Aa]ny|[Oo]ther|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Ff]ew|[Nn]o|[Mm]ore|[Aa]ll)"
                           # (the words between are a noun phrase's, not a verb's: not "the country would send troops")
                           r" (?:(?!(?:would|will|could|should|can|may|might|must|shall|is|are|was|were|has|have|had|to|send|deploy|contribute|commit|provide|dispatch)\b)[\w-]+ ){0,3}?"
                           r"(?:force|forces|mission|ISF|troops|soldiers|countries|nations|states|governments|contingents|plan|"
                           r"resolution|operation|board|council|body|members|contributors|partners|allies|donors|others)"
                           r"(?: (?:[\w-]+ ){0,2}?(?:also|still|now|themselves|itself|reportedly))? (?:[\w’']+ )?$")


# An aim the contribution serves, right before the cue: "contribute to global peace within the framework of ...".
# The force described by when it is sent: "a force deployed to Gaza once the offensive ends", "a mission set up
# after the war". The "once" clause times the force, not the country's own part (an "if" there is still a term:
# "ready to contribute to a force deployed in Gaza if the Security Council mandates it").
FORCE_TIMED = re.compile(r"\b(?:force|mission|presence|contingent|operation)\s+(?:(?:to be|that would be|that will be|being)\s+)?"
                         r"(?:deployed|sent|stationed|dispatched|established|set up|formed)(?:\s+(?:to|in|into|inside)\s+(?:the\s+)?(?:[\w-]+\s+){1,2}?)?\s*"
                         r"(?:once|when|after)$")
AIM_BEFORE = re.compile(r"\b(?:contribut\w*|help\w*|serve\w*) to (?:global |world |regional |international |lasting |durable )?"
                        r"(?:peace|stability|security)(?: and (?:stability|security|peace))? $")
# A sentence that says nothing of the force, its troops or an offer, and a cue whose object is some other
# thing ("withdrew its ambassador", "pulled out of the trade talks", "is considering new sanctions").
FORCE_TOPIC = re.compile(r"contribut|troops|soldiers|peacekeep|participat|\bforces?\b|\bISF\b|stabili[sz]ation|\bjoin(?!\w* (?:[\w-]+ ){0,3}?(?:in )?(?:talks|meetings?|discussions|negotiations|summit|call|statement)\b)|\boffer|\bpledge|commitment|"
                         r"deploy|contingent|battalion|\bmission|\bGaza\b|\brequest|invitation|proposal|\bidea\b|possibility|option|personnel|police|\bsend|\btak\w+ part|\btook part|involv|\bboots\b|\bdispatch", re.I)
OFF_TOPIC_OBJECT = re.compile(r"(?:\s+(?:of|from|to|on|about|with))?\s+(?:[A-Z][\w-]+\s+)?(?:the |a |an |its |their |new |any |fresh |further )?(?!it\b|that\b|this\b|so\b|such\b)[a-z]")
DEPLOYED_ELSEWHERE = re.compile(r"(?: [\w,-]+){0,4}? (?:to|in) (?!Gaza\b|the\b)[A-Z][a-z]+")
# A joining said with no object ("has also agreed to join") joins what the article last spoke of: the
# Board of Peace or its council, when that came after any word of the force.
BARE_JOIN = re.compile(r"(?:join|take part|participate|be part|(?:confirmed|announced|pledged) (?:its|their) participation)$")
NO_OBJECT = re.compile(r"\s*(?:[,.;:”\"]|and\b|but\b|$)")
# (the force by its own words, not ABOUT_THE_FORCE's, which counts the verb "join" itself)
FORCE_WORDS = re.compile(r"\b(?:force|ISF|troops|soldiers|peacekeep\w*|stabili[sz]ation|contingent|deploy\w*)\b", re.I)
BOARD_WORDS = re.compile(r"\b(?:Board of Peace|Peace (?:Council|Board)|[Cc]ouncil|[Bb]oard|charter)\b")


def _board_is_topic(text: str, before: int) -> bool:
    """Whether the Board of Peace (or a council) is what the text last spoke of before BEFORE, rather than the force."""
    board = [m.end() for m in BOARD_WORDS.finditer(text, 0, before)]
    force = [m.end() for m in FORCE_WORDS.finditer(text, 0, before)]
    return bool(board) and (not force or board[-1] > force[-1])


BARE_VERB_CUE = re.compile(r"(?:withdrew|withdrawn|pulled out|pulls out|rejected (?:the|a|an|any|calls|requests)|ruled out|rules out|considering|in talks|deployed|decided)$")
TASK_WORDS = re.compile(r"\b" + TASKS)
JOINING_WORDS = re.compile(r"\b(?:participat\w*|involvement|deploy\w*|contribut\w*|troops|soldiers|forces|personnel|join\w*|send\w*|"
                           r"take part|taking part|presence|we|they|it)\b", re.I)


def _task_is_subject(text: str, start: int, cue_start: int) -> bool:
    """Whether the clause before the cue is about a task ("disarmament of Hamas could ..."), not about joining."""
    window = text[max(start, cue_start - 80):cue_start]
    cut = max(window.rfind(mark) + len(mark) if window.rfind(mark) != -1 else 0
              for mark in (" that ", " said ", " suggested ", " argued ", " noted ", ", "))
    clause = window[cut:]
    return bool(TASK_WORDS.search(clause)) and not JOINING_WORDS.search(clause) and not mentions(clause)


def _someone_else_is_subject(text: str, span: Span, cue: re.Match[str], named: list[Mention]) -> bool:
    """Whether a cue that names no country has a subject of its own, so that it is not the country spoken of
    before: the force or other countries ("the force will deploy ...", "other countries are ready to ..."), a
    group ("forces of several nations will join", "countries that might contribute"), or the sponsor's or a
    party's troops ("American troops will not be deployed")."""
    at = cue.start()
    window = max(span.start, at - 60)
    clause = max(span.start, text.rfind(",", span.start, at))
    return bool(OTHER_SUBJECT.search(text, window, at) or GROUP_SUBJECT.search(text, window, at)
                or (not any(x.end <= at for x in named) and GROUP_NOUN.search(text, clause, at))
                or any(x.code in NOT_CONTRIBUTORS and x.is_demonym and (
                    DEMONYM_TROOPS.match(text, x.end, at) or (text[x.end:at].isspace() and PASSIVE_TROOPS.match(cue.group(0))))
                    for x in named))


def _refers_back(text: str, span: Span, cue_start: int) -> bool:
    """Whether the cue's subject is a pronoun or "the country" (`it will send`, `the minister said the
    country is ready`), or the sentence is a statement in the first person attributed to "he" or "the minister"."""
    window = text[max(span.start, cue_start - 60):cue_start]
    if REFERS_BACK_AT_END.search(window):
        return True
    if re.search(r"\b(?:[Aa]ny|[Ss]uch an?) $", window) and CUE_OPENS_WITH_NOUN.match(text, cue_start):
        return True  # "any deployment must rest on ...", the cue opening with the noun
    if THE_QUESTION.match(text, cue_start, span.end):
        return True  # "the issue is being thoroughly studied": the question of the country's participation
    if THE_OFFER_BEFORE.search(window):
        return True  # "But the deployment hinges on a clear mandate", said of the offer the article is about
    if OPENS_WITH_IT.match(text, span.start, cue_start):
        return True  # "It has emerged as a mediator, voicing a desire to join ...": the sentence's subject throughout
    return bool(re.search(r"\b(?:[Ww]e|I|[Oo]ur)\b", window)) and bool(ATTRIBUTED_AFTER.search(text, cue_start, span.end))


# REFERS_BACK as the cue's subject, a few words before it; the offer or the question spoken of ("the deployment would
# be", "the issue is being studied"); a quotation attributed to "he" or "the minister" after it.
REFERS_BACK_AT_END = re.compile(REFERS_BACK.pattern + r"(?:’s|'s)?(?: [\w’'-]+){0,3} ?$")
THE_QUESTION = re.compile(r"(?:the |this |that )(?:issue|matter|question)\b")
THE_OFFER_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir) (?:planned |proposed |possible )?(?:deployment|participation|contribution|offer|involvement"
                              r"|dispatch|pledge|contingent|battalion)(?: (?:would|will|must|should|could|can|is|was|remains)"
                              r"(?: (?:also|still|only))?(?: be| deploy| go| leave)?)? $")
ATTRIBUTED_AFTER = re.compile(r"[,”\"’]\s*[”\"’]?\s*(?:" + REFERS_BACK.pattern + r")\s+(?:said|says|told|added|stressed|noted|stated|emphasi[sz]ed|explained)\b")


# A sentence whose subject is "it", "he" or "the country" (not "it is unclear ..."), with no one else named before the cue.
OPENS_WITH_IT = re.compile(r"\s*(?:[Ii]t|[Hh]e|[Ss]he|[Tt]he (?:country|government|kingdom))(?! (?:is|was|remains|seems|appears|looks|would be|will be|could be)\b)"
                           r" (?:has|have|had|will|would|is|was|[a-z]+ed|[a-z]+s)\b[^.;:“”\"]*$")
# A verb whose subject is left out after a conjunction: "... but would seek parliament's endorsement first".
ELIDED_SUBJECT = re.compile(r"\b(?:but|and|yet)\s+(?:(?:would|will|could|should|must|might|may|is|was|are|were|also|still|only|then|first)\s+){0,2}$")


# Words before a sentence's grammatical subject: "On Monday, ", "However, ", "Meanwhile ".
# (a title before the name is still the opening: "NATO member Turkey has ...", "the Gulf state Qatar")
SUBJECT_LEAD = re.compile(r"[“\"‘']?(?:(?:[A-Z]\w* )?(?:On|By|In|Meanwhile|However|But|And|Separately|Earlier|Later|Also|Still|Now|Then|For|As for)\b[^,]{0,30}, ?|(?:However|But|And|Meanwhile|Separately) )?(?:the )?"
                          r"(?:[\w-]+ (?:member|member state|state|country|ally|nation|neighbou?r|power) )?", re.I)


# Plural words that point back to the countries last listed ("the UAE, Bahrain and Qatar ... none
# have committed", "... they are still weighing it").
# The whole group last given a stance together, as the opening subject of a later sentence, even in a later
# paragraph: "All countries that have agreed ... will not send troops before ...", "Both countries say ...".
ALL_OF_THE_GROUP = re.compile(r"(?:[Aa]ll|[Bb]oth) (?:of )?(?:the |these |those )?(?:countries|nations|states|governments|of them)\b")
# "We will not go unless ...", quoted before the speaker's country has been named: in an article that names
# only one country that could send troops, the speaker's "we" is that country.
# A sentence that opens with "we" speaks for the country throughout ("I think ..." is the speaker's own view).
WE_OPENING = re.compile(r"\s*[“\"‘']?(?:We|Our)\b")
FIRST_PERSON_BEFORE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b(?:[^.;”\"]{0,60})$")

# A paragraph that opens by going on with the last speaker's words: "He noted that ...", "The minister added ...".
SPEAKER_GOES_ON = re.compile(r"\s*(?:(?:On|Asked about|Speaking (?:about|on)|Turning to|Regarding|As for|On the question of) [^,.;]{1,40}, )?"
                             r"(?:He|She|The (?:minister|spokes(?:person|man|woman)|official|president|prime minister|ambassador|envoy|king|general)"
                             r"|(?<=, )(?:he|she|the (?:minister|spokes(?:person|man|woman)|official|president|prime minister|ambassador|envoy|king|general)))"
                             r" (?:also |further |later |then )?(?:said|noted|added|stressed|emphasi[sz]ed|explained|stated|insisted|underlined|"
                             r"underscored|clarified|pointed out|went on|continued|warned|reiterated)\b")

# "we" as the subject of the verb that follows: "we will not participate", "we are ready to"
WE_BEFORE_CUE = re.compile(r"\b[Ww]e (?:[\w’']+ ){0,3}$")


def _quoting(text: str, start: int, at: int) -> bool:
    """Whether AT lies inside a quotation opened after START (curly marks, or an odd number of straight ones)."""
    stretch = text[start:at]
    opened = sum(stretch.count(q) for q in "“«") - sum(stretch.count(q) for q in "”»")
    return opened > 0 or stretch.count('"') % 2 == 1


# (not when an envoy or ambassador speaks: their "we" is the country they represent, which may not be named)
FOREIGN_ENVOY = re.compile(r"\b(?:envoy|ambassador|emissary|special representative)\b", re.I)


def _home_country(named: list[Mention]) -> str | None:
    """The one country an article names that could send troops (the sponsor, Israel and Palestine aside)."""
    codes = {x.code for x in named if x.kind != "person" and x.code not in NOT_CONTRIBUTORS}
    return codes.pop() if len(codes) == 1 else None


PLURAL_BACK = re.compile(r"\b(?:[Nn]one(?: of them)?|[Tt]hey|[Bb]oth|[Nn]either|[Aa]ll (?:three|four|five|of them)|[Tt]hese (?:countries|states|nations|governments)|[Tt]he (?:three|four|five) (?:countries|states|nations))\b")


def _longest_list(text: str, named: list[Mention]) -> list[str]:
    """The longest run of countries a sentence lists ("the UAE, Bahrain, and Qatar"), by name."""
    best: list[Mention] = []
    run: list[Mention] = []
    for x in (x for x in named if not x.is_demonym and x.kind != "person"):
        if run and LIST_GAP.fullmatch(text[run[-1].end:x.start]):
            run.append(x)
        else:
            run = [x]
        if len(run) > len(best):
            best = list(run)
    return [code for code in dict.fromkeys(x.code for x in best) if code not in NOT_CONTRIBUTORS]


def _only_country(named: list[Mention], speakers: list[Mention]) -> str | None:
    """The one country a sentence names (by name, capital, demonym or official), if only one."""
    codes = set(x.code for x in speakers)  # (not a place or an aside: "units that served with the UN mission in Mali")
    if len(codes) == 1:
        return next(iter(codes))
    return None


def _sentence_subject(text: str, named: list[Mention], start: int) -> str | None:
    """The country a sentence opens with as its subject ("Chile's minister met ...", "On Monday, Chile ...")."""
    lead = SUBJECT_LEAD.match(text, start)
    at = lead.end() if lead else start
    first = next((x for x in named if x.start >= start), None)
    if first is not None and first.start == at and (not first.is_demonym or OFFICIAL_AFTER_DEMONYM.match(text, first.end)):
        return first.code  # (a nationality opens it as the subject when an official follows: "Chilean Defence Minister Ana Rivas met ...")
    return None


# An official or a state body named by nationality: "Chilean Defence Minister", "Chilean officials", "the Chilean government".
OFFICIAL_AFTER_DEMONYM = re.compile(r" (?:[A-Z][\w-]* ){0,3}?(?:Minister|President|Premier|Ambassador|Spokes\w+|Chief|General|King|Emir|Sultan|"
                                    r"Crown Prince|Envoy|Secretary|Commander|government|officials?|diplomats?|ministry|army|military|armed forces)\b")


# "the US news outlet", "UAE newspaper The National": where a report comes from, not who acts.
MEDIA_AFTER = re.compile(r"\s+(?:news|newspaper|media|outlet|daily|broadcaster|agency|website|radio|television|network)\b")


SAID = re.compile(r"(?:’s|'s)?(?: [\w-]+){0,3}? (?:said|says|told|stated|added|announced|confirmed)\b")


# A quotation or statement attributed at its end: `...," Chilean Defence Minister Ana Rivas told
# reporters`, `..., said Chile's foreign ministry`, `..., the Chilean government said`. The speaker is
# the country named within a few words after the closing comma or quote, before or after the verb.
ATTRIBUTION_START = re.compile(r"[,”\"’]\s*[”\"’]?\s*(?:(?:said|says|told|added|stated|according to)\s+)?(?:[\w.’'-]+\s+){0,6}$")


# A speaker named, then described in an aside that names the country, then the verb of saying.
APPOSITIVE_SPEAKER = re.compile(r"[,”\"’]\s*[”\"’]?\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3},\s+(?:(?:an?|the|[A-Z][\w-]*(?:’s|'s))\s+(?:[\w’'.-]+\s+){0,10})?$")
APPOSITIVE_SAID = re.compile(r"(?:’s|'s)?(?: [\w-]+){0,3}?, (?:said|says|told|added|stated)\b")


def _speaker_after(text: str, named: list[Mention], start: int, end: int) -> list[str]:
    """A statement attributed at its end: "..., Chile said." or "..., Chile's foreign ministry said"."""
    for x in named:
        if x.start >= start and not x.is_demonym and text[x.start - 2:x.start] == ", " and SAID.match(text, x.end, end):
            return [x.code]
    for x in named:
        if x.start < start:
            continue
        opening = ATTRIBUTION_START.search(text, start, x.start)
        if opening is None or opening.start() < start:
            continue
        verb_before = re.search(r"\b(?:said|says|told|added|stated|according to)\b", text[opening.start():x.start])
        if verb_before or SAID.match(text, x.end, end) or re.match(r"(?: [\w’'.-]+){0,5}? (?:said|says|told|added|stated)\b", text[x.end:end]):
            return [x.code]
    for x in named:
        # `...," Ana Rivas, a deputy minister at the foreign ministry of Chile, told reporters`
        if x.start >= start and APPOSITIVE_SPEAKER.search(text, start, x.start) and APPOSITIVE_SAID.match(text, x.end, end):
            return [x.code]
    return []


# "a precondition for Chile's participation", "a condition for Peru to join": whose term it is, named after the noun.
TERM_FOR = re.compile(r" (?:for|of) (?:the )?")


def _term_for(text: str, named: list[Mention], start: int, end: int) -> list[str]:
    """The country a condition noun is said to be for, named right after it ("... a precondition for Chile's participation")."""
    lead = TERM_FOR.match(text, start, end)
    if lead is None:
        return []
    first = next((x for x in named if x.start >= lead.end()), None)
    if first is None or first.start != lead.end() or first.code in NOT_CONTRIBUTORS \
            or not JOINING_AFTER.match(text, first.end, end) and not re.match(r" to (?:join|send|take part|participate|deploy|contribute)\b", text[first.end:end]):
        return []
    return [first.code]


TROOPS_OF = re.compile(r" (?:[\w,-]+ ){0,4}?(?:troops|personnel|soldiers|members|officers|engineers|medics|peacekeepers) (?:of|from) (?:the )?")
ARMY_NAME = re.compile(r"(?:’s|'s)? (?:Army|Armed Forces|Navy|Air Force|Defen[cs]e Forces?|Military|National Guard|Gendarmerie)\b")


def _army_after(text: str, named: list[Mention], start: int, end: int) -> list[str]:
    """The country whose army the troops right after a cue are from: "to deploy 200 personnel of the Sri Lanka Army"."""
    lead = TROOPS_OF.match(text, start, end)
    if lead is None:
        return []
    x = next((x for x in named if x.start == lead.end()), None)
    return [x.code] if x is not None and x.code not in NOT_CONTRIBUTORS and ARMY_NAME.match(text, x.end, end) else []


def _list_after(text: str, named: list[Mention], start: int, end: int) -> list[str]:
    """The countries listed right after an approach verb: "approached Chile, Peru and Ecuador about ..."."""
    run: list[Mention] = []
    for x in named:
        if x.start < start or x.is_demonym:
            continue
        gap = text[run[-1].end if run else start:x.start]
        if run and not LIST_GAP.fullmatch(gap):
            break
        if not run and (len(gap) > 60 or re.search(r"[.;:]", gap)):
            break
        run.append(x)
    return list(dict.fromkeys(x.code for x in run))


LISTED_AFTER_COLON = re.compile(r"\s*:\s*(?P<items>[^.;:\n]{4,300})")
# ... or after the attribution: "hinges on two things, the Foreign Minister said on Monday: a mandate and ..."
LISTED_AFTER_ATTRIBUTION = re.compile(r",? (?:[\w’'-]+ ){1,6}?(?:said|says|told [\w ]{1,30}?|added|stated)(?: on \w+)?\s*:\s*(?P<items>[^.;:\n]{4,300})")


def _listed_terms(items: str) -> list[tuple[str, str]]:
    """Terms named one by one ("a UN mandate, a ceasefire and the consent of the Palestinians", or set apart by
    semicolons: "that ...; ...; and ..."), each with its category. Terms counted off lose their ordinals: "second, a
    UN mandate" is "a UN mandate"."""
    parts = re.split(r";\s*(?:and\s+)?", items) if ";" in items else re.split(r",\s*(?:and\s+)?|\s+and\s+", items)
    parts = [re.sub(r"^(?:(?:second|third|fourth|fifth)(?:ly)?|finally|lastly|last),?\s+", "", p.strip(" .;”\""), flags=re.I) for p in parts]
    return [(p, category_of(p)) for p in parts if len(p) >= 4]


# Terms pointed back to: "once both requirements had been met", "when these conditions are fulfilled".
TERMS_NAMED_BEFORE = re.compile(r"(?:both|these|those|all|such|all these|all those|all of these|the two|the three|the above) "
                                r"(?:(?:two|three|four) )?(?:requirements|conditions|terms|preconditions|criteria|things)\b"
                                r"(?!\s*[:—–]|,? (?:including|such as|namely|notably)\b)", re.I)


# A pledge only supposed: "If Saudi Arabia joined the force, analysts say, other Arab states would follow".
HYPOTHETICAL_IF = re.compile(r"\b[Ii]f (?:[A-Z][\w-]+ ){1,3}(?:joined|sent|took part|participated|contributed|were to (?:join|send|take part|contribute))\b")
# A term set after the pledge, its subject the pledge's: ", subject to a vote in parliament", ", provided ...".
TRAILING_TERM = re.compile(r"(?:subject to|provided|providing|on condition|conditional on|contingent on|pending)\b")


# A term named before the "if" that a cue runs on to: "would send troops only under a UN mandate and only if ...".
TERM_BEFORE_IF = re.compile(r"\bonly (?:under|within|with|as part of|in|through)\b[^.;]*?(?=,? and (?:only )?(?:if|once|provided|when|as long as)\b)")


# Terms of no kind but their own, whatever else the sentence names: a state, a political horizon.
PLAINLY_OTHER = re.compile(r"\bstatehood\b|\btwo-state\b|\bPalestinian state\b|\bpolitical (?:horizon|process|solution|track)\b", re.I)


def _conditions_in(text: str, clause_start: int, clause_end: int, sentence: str) -> list[tuple[str, str]]:
    """The conditions in one clause, each with its category; "backed by X and accompanied by Y" is two."""
    clause = text[clause_start:clause_end]
    if TERMS_NAMED_BEFORE.match(clause) and not LISTED_AFTER_COLON.match(text, clause_end) \
            and not INCLUDING_AFTER.match(text, clause_end):
        return []  # "once both requirements had been met": the terms named before, not another
    listed_here = LISTED_WITHIN.search(clause) if TERMS_TO_COME.match(clause) else None
    if listed_here is not None:
        # "provided several conditions are met. These include that ...; ...; and ...", in one sentence where a quotation
        # kept the two together: the terms named, one by one (as when the listing is a sentence of its own)
        return _listed_terms(clause[listed_here.end():])
    # "if both Israel and the Palestinians consent" is one term, however its second half reads (it may still
    # follow another: "once a ceasefire holds and both Israel and the Palestinians have agreed")
    both = [(m.start(), m.end()) for m in BOTH_AND.finditer(clause)]
    cuts = []
    for m in SPLIT_CONDITIONS.finditer(clause):
        # (nor "a full and lasting ceasefire": two words of one noun's, the second with no article of its own; nor "has
        # been debated and approved by parliament": two verbs of one term)
        if re.search(r"\b(?:debated|discussed|considered|reviewed|examined|studied|voted on)$", clause[:m.start()]):
            continue
        if not any(a <= m.start() < b for a, b in both) and not (
                re.fullmatch(r"\W*(?:that\s+)?(?:a|an|the)\s+[a-z-]+\s*", clause[cuts[-1].end() if cuts else 0:m.start()])
                and re.match(r"[a-z-]+ [a-z]", clause[m.end():]) and not re.match(r"(?:a|an|the|its|their) ", clause[m.end():])):
            cuts.append(m)
    bounds = [0] + [x for m in cuts for x in (m.start(), m.end())] + [len(clause)]
    parts = [clause[bounds[i]:bounds[i + 1]].strip(" ,") for i in range(0, len(bounds), 2)]
    parts = [p for p in parts if len(p) >= 4]
    if len(parts) <= 1:
        if len(clause) < 4:
            return []
        category = category_of(clause)
        if category == "other" and TERMS_TO_COME.search(clause):
            listed = LISTED_AFTER_COLON.match(text, clause_end) or INCLUDING_AFTER.match(text, clause_end) \
                or LISTED_AFTER_ATTRIBUTION.match(text, clause_end)
            if listed is not None:
                # "only if three conditions are met: a UN mandate, a ceasefire and the consent of the Palestinians"
                return _listed_terms(listed.group("items"))
            # "provided several conditions are met": no term is named here; any named later are added then
            # (TERMS_LISTED), and terms never named are none to review (the status says there are some)
            return []
        # (a term plainly of no other kind keeps its own: "tied to a credible path to Palestinian statehood")
        return [(clause, category if category != "other" or PLAINLY_OTHER.search(clause) else category_of(sentence))]
    return [(p, category_of(p)) for p in parts]


# Stray characters copied from web pages: no-break and thin spaces, runs of spaces, soft hyphens and
# zero-width characters. The reader reads a cleaned copy; what it quotes is cut from the original.
ODD_SPACE = re.compile(r"[ \t\u00a0\u2007\u2009\u202f\u3000]{2,}|[\t\u00a0\u2007\u2009\u202f\u3000]")
INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]"
                       # a stray mark glued to the next word, left by a page's markup: "its readiness to ;deploy"
                       r"|(?<= )[;:|](?=[a-z])")
# Words that only stress or date a stance, read past like stray spaces so that every cue reads "will
# send" in "will definitely send" and "will not send" in "will not, for now, send" (quotes keep them).
STRESS_WORDS = ("definitely", "certainly", "gladly", "happily", "readily", "formally", "officially", "categorically", "firmly",
                "flatly", "publicly", "repeatedly", "ultimately", "actually", "absolutely", "already", "indeed", "duly", "swiftly",
                "quickly", "surely", "really", "clearly", "obviously", "naturally", "currently", "presently")
FILLER = re.compile(r" (?:" + "|".join(STRESS_WORDS) + r")(?= [a-z])"
                    r"|, (?:for now|for the time being|at this stage|at present|at the moment|as yet|however|though|too|"
                    r"under (?:any|no) circumstances|in any case|at least for now|for the foreseeable future),(?= [a-z])"
                    # who said it, set between the auxiliary and its verb: "will, officials said, contribute"
                    r"|(?:(?<= will)|(?<= would)|(?<= is)|(?<= are)|(?<= has)|(?<= have)|(?<= had)|(?<= shall)|(?<= could))"
                    r", (?:[\w’'-]+ ){0,3}?(?:said|says|added|noted|stressed|confirmed)(?: on \w+)?,(?= [a-z])"
                    # ... or between a verb and the "to" it governs: "has agreed, diplomats say, to send troops"
                    r"|(?:(?<= agreed)|(?<= decided)|(?<= offered)|(?<= pledged)|(?<= refused)|(?<= promised)|(?<= declined)|(?<= ready)"
                    r"|(?<= willing)|(?<= prepared)|(?<= planning)|(?<= plans)), (?:[\w’'-]+ ){0,3}?(?:said|say|says|added|noted|confirmed)(?: on \w+)?,(?= to [a-z])"
                    # "will not under any circumstances send"
                    r"| under (?:any|no) circumstances(?= [a-z])"
                    # an adverb of time or report between an auxiliary and its verb: "would also send", "has
                    # reportedly offered", "will soon join" (not "now", "since" or "still": cues read those)
                    r"|(?:(?<= will)|(?<= would)|(?<= is)|(?<= are)|(?<= was)|(?<= were)|(?<= has)|(?<= have)|(?<= had)"
                    r"|(?<= shall)|(?<= could)|(?<= can)|(?<= may)|(?<= might)|(?<= not)"
                    # (or after a word of stress read past itself: "would clearly also require")
                    + "".join(f"|(?<= {word})" for word in STRESS_WORDS) + r")"
                    r" (?:also|soon|eventually|initially|originally|reportedly|subsequently|later|likewise|similarly|then|"
                    r"seriously|actively|apparently|reluctantly|privately|quietly|informally|earlier)(?= [a-z])"
                    # what others say of it, between "is" and what it is doing: "is understood to be preparing a battalion"
                    r"|(?:(?<= is)|(?<= are)|(?<= was)|(?<= were)) (?:said|understood|believed|thought|reported|known) to be(?= [a-z]+ing\b)"
                    # the day, between a verb and what it governs: "voted on Thursday to approve", "agreed on Monday that"
                    r"|(?<=[a-z]) on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?= (?:to|that) [a-z])"
                    # willing "in principle": "is willing in principle to send", "was prepared, in principle, to contribute"
                    r"|(?:(?<= willing)|(?<= ready)|(?<= prepared))(?: in principle|, in principle,)(?= to [a-z])")


# Quote marks around a word or two inside a sentence ("would be “honoured” to contribute") are read
# past, so the cue reads as if unquoted; a quotation of someone's words (longer, or ending the clause) is not.
OPENING_QUOTES = frozenset("\"“‘")
SCARE_QUOTE = re.compile(r"(?<= )[\"“‘](?P<words>[a-z][\w-]*(?: [a-z][\w-]*){0,2})[\"”’](?= [a-z])")


# A negation written short is read as written out ("won't send" as "will not send", "hasn't decided"
# as "has not decided"), so that every cue that knows "not" knows "n't" too.
CONTRACTION = re.compile(r"\b(?P<base>[Ww]o|[Cc]a|[Ss]ha|(?i:does|do|did|is|are|was|were|has|have|had|would|could|should|must|need))n[’']t\b")
WRITTEN_OUT = {"wo": "will not", "ca": "cannot", "sha": "shall not"}


def _written_out(m: re.Match) -> str:
    """Contraction M written out: "won't" as "will not", "doesn't" as "does not"."""
    base = m.group("base")
    full = WRITTEN_OUT.get(base.lower())
    return base + " not" if full is None else base[0] + full[1:]


# A verb of saying other than "said", where it reports what someone said, is read as "said" (the cues
# know "X said it would send", "..., said the minister"): "stressed that", "noted they would", ", stated
# the minister", "” Abdelatty stressed,".
REPORTING_PRESENT = ("stresses", "notes", "states", "emphasises", "emphasizes", "underlines", "underscores", "asserts", "affirms",
                     "remarks", "explains", "adds")
REPORTING = (r"(?P<verb>stressed|noted|stated|emphasi[sz]ed|underlined|underscored|asserted|affirmed|remarked|explained|added|"
             + "|".join(REPORTING_PRESENT) + ")")
REPORTED_SPEECH = [
    re.compile(r"\b" + REPORTING + r"(?= that\b| (?:it|they|he|she|we|the country|the government) (?:would|will|is|are|was|were|has|have|had|"
               r"could|can|may|might|must|should|did|does|do|now|plans?|intends?|wants?|remains?)\b)"),
    re.compile(r"(?<=[,”\"’] )" + REPORTING + r"(?= (?:the |[A-Z]))"),
    re.compile(r"(?<=[”\"’] )(?:[A-Z][\w.-]+ ){1,3}" + REPORTING + r"(?=[,.])"),
]
# The future said with "going to" is read as "will": "is going to send troops".
GOING_TO = re.compile(r"\b(?:is|are|am) going to(?= [a-z])")
# A second verb that shares the first one's auxiliary is read with it: "will fund the mission and send 200
# troops" as "... and will send 200 troops" (and "will not fund it and send troops" as "... and will not send").
SHARED_AUXILIARY = re.compile(r"\b(?P<aux>(?:will|would|could|shall)(?: not)?|cannot) (?!send|deploy|contribute|dispatch|provide|commit)"
                              r"[a-z][^.;:,]{1,80}? and (?:also )?(?P<verb>send|deploy|contribute|dispatch|provide|commit)\b"
                              r"(?= (?:[\w-]+ ){0,3}?(?:" + UNITS_WORD + r"|\d))")


BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _wrapped_line_ends(text: str) -> set[int]:
    """The line breaks of hard-wrapped paragraphs (an e-mailed or plain-text copy, cut every 70 or so
    characters): read as spaces, so a sentence is not cut in two. A block of lines (blocks are apart by
    blank lines) is wrapped when it has two lines or more (three in a text with no blank line), its longest is 40 to 120 characters and most of
    its lines are full (at least 60% of the longest); in it, a full line runs on into the next, and a short
    one ends its paragraph. Other line breaks stay paragraph breaks."""
    if "\n" not in text:
        return set()
    # (without blank lines, two lines are as likely two paragraphs: three or more make a wrapped block)
    fewest = 2 if BLOCK_BREAK.search(text) else 3
    ends: set[int] = set()
    start = 0
    for block_end in [m.start() for m in BLOCK_BREAK.finditer(text)] + [len(text)]:
        lines = text[start:block_end].split("\n")
        sizes = [len(line.rstrip()) for line in lines]
        longest = max(sizes)
        full = [size >= 0.6 * longest for size in sizes[:-1]]
        if len(lines) >= fewest and 40 <= longest <= 120 and sum(full) >= max(1, 0.6 * len(full)):
            at = start
            for line, is_full in zip(lines[:-1], full):
                at += len(line)
                if is_full:
                    ends.add(at)
                at += 1
        m = BLOCK_BREAK.match(text, block_end)
        start = m.end() if m is not None else block_end
    return ends


def _read_as(text: str) -> dict[int, tuple[int, str]]:
    """What the reader reads in place of some of TEXT, by where it starts: (where it ends, the words read).
    Contractions of "not" written out, verbs of saying as "said" (or "says"), "is going to" as "will", a
    second verb with the auxiliary it shares, the line breaks of hard-wrapped paragraphs as spaces, and the
    items of a list run into one line as lines of their own."""
    swaps = {m.start(): (m.end(), _written_out(m)) for m in CONTRACTION.finditer(text)}
    for pattern in REPORTED_SPEECH:
        for m in pattern.finditer(text):
            swaps[m.start("verb")] = (m.end("verb"), "says" if m.group("verb") in REPORTING_PRESENT else "said")
    swaps.update((m.start(), (m.end(), "will")) for m in GOING_TO.finditer(text))
    swaps.update((m.start("verb"), (m.end("verb"), f"{m.group('aux')} {m.group('verb')}")) for m in SHARED_AUXILIARY.finditer(text))
    swaps.update((at, (at + 1, " ")) for at in _wrapped_line_ends(text))
    swaps.update((at, (at + 1, "\n")) for at in _run_in_bullets(text))
    return swaps


# A list whose line breaks were lost: "Key details: - Chile has offered 500 troops - Peru insists ...".
RUN_IN_BULLET = re.compile(r"(?<=[\w:.)]) (?=[-•*] [A-Z0-9])")


def _run_in_bullets(text: str) -> list[int]:
    """Where the items of a list run into one line begin (the space before each "- " or "• "), so each
    item is read as a line of its own: in a paragraph with at least two such marks, one of them right
    after a colon (a dateline's single dash, "JAKARTA (ANTARA) - The ministry ...", is no list)."""
    found: list[int] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in RUN_IN_BULLET.finditer(text, paragraph.start(), paragraph.end())]
        if len(marks) >= 2 and any(text[at - 1] == ":" for at in marks):
            found += marks
    return found


def _cleaned(text: str) -> tuple[str, list[int]]:
    """TEXT with odd spaces made single plain spaces, invisible characters dropped, contractions of "not"
    written out, verbs of saying read as "said", "is going to" as "will" and hard-wrapped lines joined, and
    for each character of the result its offset in TEXT."""
    out: list[str] = []
    origin: list[int] = []
    swaps = _read_as(text)
    i = 0
    while i < len(text):
        if i in swaps:
            end, words = swaps[i]
            out.extend(words)
            # (each character stands for one of the run it replaces, in order, and the last for its last, so a
            # quote ending on it ends where the original words do)
            origin.extend([*(min(i + k, end - 1) for k in range(len(words) - 1)), end - 1])
            i = end
            continue
        if INVISIBLE.match(text, i):
            i += 1
            continue
        filler = FILLER.match(text, i)
        if filler is not None:
            i = filler.end()
            continue
        scare = SCARE_QUOTE.match(text, i) if text[i] in OPENING_QUOTES else None
        if scare is not None and scare.group("words") in STRESS_WORDS:
            i = scare.end() + 1  # "would “absolutely” send": read past, with the space after it
            continue
        if scare is not None:
            out.extend(scare.group("words"))
            origin.extend(range(scare.start("words"), scare.end("words")))
            i = scare.end()
            continue
        space = ODD_SPACE.match(text, i)
        if space is not None:
            out.append(" ")
            origin.append(i)
            i = space.end()
            continue
        out.append(text[i])
        origin.append(i)
        i += 1
    return "".join(out), origin


def _not_in_datelines(text: str, named: list[Mention]) -> list[Mention]:
    """NAMED without the mentions inside a dateline ("RAFAH, Egypt, Aug 18 (AFP) -"): a dateline's
    country is where the story was filed, not who acts. A line headed by a country's name alone
    ("MOROCCO - The kingdom has ...", in a round-up) is about that country: its name stays."""
    filed = [(m.start(), m.end()) for m in DATELINE.finditer(text) if _headed_by(m) is None]
    return [x for x in named if not any(a <= x.start < b for a, b in filed)]


def headings(text: str) -> list[Mention]:
    """A round-up's lines headed by a country's name alone, in capitals ("MOROCCO - The kingdom has
    ..."): the heading names the country its line is about."""
    found = []
    for m in DATELINE.finditer(text):
        code = _headed_by(m)
        if code is not None:
            name = m.group(0).rstrip(" -—–:")
            found.append(Mention(code, m.start(), m.start() + len(name), name, "name"))
    return found


def _headed_by(dateline: re.Match) -> str | None:
    """The country a dateline-like opening names by its name alone ("MOROCCO -", "SOUTH KOREA:")."""
    _, kinds = _mention_pattern()
    found = kinds.get(dateline.group(0).strip(" -—–:").title())
    return found[0] if found is not None and found[1] == "name" else None


PLURAL_SPEAKERS = re.compile(r"\b(?:[Tt]hey|[Tt]hem|[Tt]heir|[Ww]e|[Tt]he (?:[\w-]+ )?(?:ministers|officials|leaders|delegates|governments|countries))\b")


DATED_PLACE = re.compile(r"[ \t]*(?P<place>(?:The )?[A-Z][a-z]+(?: [A-Z][a-z]+)?), (?:\d{1,2} (?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)|(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December) \d{1,2})(?:, \d{4})?\b")
# A round-up's headings over lists of countries: "PLEDGED", "WILLING, WITH CONDITIONS", "STILL DECIDING", "RULED OUT"
# (their words read as a question's are: STANCE_ASKED).
SECTION_HEADING = re.compile(r"[A-Z][A-Z ,'’/&-]{1,40}:?")
BULLET = re.compile(r"\s*(?:[-–—•*·]|\d{1,2}[.)])\s+")
# An article's first line when it is a headline: no full stop at its end, and a line of its own.
HEADLINE_LINE = re.compile(r"[ \t]*[^\n]{1,160}(?<![.:,;])[ \t]*\n(?:[ \t]*\n)*")


def _dateline_country(text: str) -> str | None:
    """The country an article's opening dateline files it from ("JAKARTA (Reuters) -", "NAIROBI, Kenya —"):
    its city in capitals read as a capital, else a country it names."""
    m = DATELINE.match(text)
    if m is None:
        # after the headline: "Diet committee hears plan\nTOKYO - The government ..."
        headline = HEADLINE_LINE.match(text)
        m = DATELINE.match(text, headline.end()) if headline is not None else None
    if m is None:
        # a state agency's "Baku, 20 January." or "The Hague, 6 February", on a line of its own or opening the story
        headline = HEADLINE_LINE.match(text)
        m = DATED_PLACE.match(text) or (DATED_PLACE.match(text, headline.end()) if headline is not None else None)
        if m is None:
            return None
        _, kinds = _mention_pattern()
        found = kinds.get(m.group("place"))
        return found[0] if found is not None and found[1] in ("capital", "name") else None
    return _filed_from(text, m)


def _filed_from(text: str, dateline: re.Match) -> str | None:
    """The country a dateline names: its city in capitals read as a capital, else a country it names."""
    _, kinds = _mention_pattern()
    city = dateline.group(0).split(",")[0].split("(")[0].strip(" -—–:")
    found = kinds.get(city.title())
    if found is not None and found[1] in ("capital", "name"):
        return found[0]
    inside = [x for x in mentions(text, dateline.start(), dateline.end()) if x.kind in ("capital", "name")]
    return inside[0].code if inside else None


@dataclass
class Named:
    """A country the article names that the reader gave no suggestion: the sentences naming it, for
    the editor to read (the reader misses many ways of saying a stance)."""

    code: str
    name: str
    passages: list[str]


def also_named(text: str, suggested: Iterable[str], most: int = 3) -> list[Named]:
    """Countries TEXT names (by name, capital, demonym or a leader's name) that are not in SUGGESTED
    and could contribute (not the sponsor or the parties to the conflict), in the order first named,
    each with up to MOST sentences naming it. A dateline's country is where the story was filed."""
    skip = set(suggested) | NOT_CONTRIBUTORS
    named = [x for x in _not_in_datelines(text, sorted(mentions(text) + people(text), key=lambda x: x.start))
             if x.code not in skip]
    spans = sentences(text)
    starts = [sp.start for sp in spans]
    found: dict[str, Named] = {}
    for x in named:
        info = country_info(x.code)
        if info is None:
            continue
        entry = found.setdefault(x.code, Named(x.code, info.name, []))
        at = bisect_right(starts, x.start) - 1
        span = spans[at] if at >= 0 and x.start < spans[at].end else None
        passage = " ".join(text[span.start:span.end].split()) if span else x.surface
        if passage not in entry.passages and len(entry.passages) < most:
            entry.passages.append(passage)
    return list(found.values())


def extract(text: str) -> list[Suggestion]:
    """Suggestions for every country the article gives a stance, troops or conditions to."""
    cleaned, origin = _cleaned(text)
    if cleaned == text:
        return _extract(text)

    def original(quote: str) -> str:
        at = cleaned.find(quote)
        if at == -1 or not quote:
            return quote
        return text[origin[at]:origin[at + len(quote) - 1] + 1]

    suggestions = _extract(cleaned)
    for s in suggestions:
        s.evidence = [original(q) for q in s.evidence]
        for c in s.conditions:
            c.text = original(c.text)
            c.evidence = [original(q) for q in c.evidence]
    return suggestions


def _outermost(spans: list) -> list:
    """SPANS (in order) without those inside a longer one: one pass in order of start, longest first,
    keeping the farthest end reached so far and the earliest start that reached it."""
    inside: set[int] = set()
    reach, reach_start = -1, -1
    for x in sorted(spans, key=lambda x: (x.start, x.start - x.end)):
        if x.end < reach or (x.end == reach and reach_start < x.start):
            inside.add(id(x))
        if x.end > reach:
            reach, reach_start = x.end, x.start
    return [x for x in spans if id(x) not in inside]


# A newspaper's report of a stance: "Israeli newspaper Israel Today reported that ...", "according to local media".
PRESS_REPORT = re.compile(r"\b(?:newspaper|daily|dailies|media|outlet|broadcaster|television|tabloid)\b[^.;]{0,60}?\b(?:reported|reports|claimed|claims|wrote)\b"
                          # "according to a statement circulated by a Dhaka-based news portal"
                          r"|\b(?:circulated|published|posted|carried|shared) by (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:portal|website|site|outlet|newspaper|daily|broadcaster|tabloid|media)\b"
                          r"|\baccording to (?:the )?(?:[\w-]+ ){0,3}?(?:newspaper|daily|media|outlet|broadcaster|tabloid)\b"
                          r"|\b(?:a|the) report (?:in|by|from) (?:the )?(?:[\w-]+ ){0,3}?(?:newspaper|daily|media|outlet|broadcaster|tabloid)\b", re.I)


def _press_gives_way(target: Suggestion, own: str | None, press: str | None, press_sentences: list[str]) -> None:
    """Terms a newspaper reports a country agreed to give way when the country itself says its decision is still
    pending: its own stance stands, without the terms only the report gives."""
    if target.status != "conditional" or press != "conditional" or own == "conditional":
        return
    target.status = own or "considering"
    target.conditions = [c for c in target.conditions
                         if not all(any(quote in sentence for sentence in press_sentences) for quote in c.evidence)]


# A demand whose content the sentence leaves unsaid: "seeks firm guarantees from Washington before agreeing",
# "hinges on clarifications from the U.S." (the term is what is wanted from someone, not what it is).
UNNAMED_DEMAND = re.compile(r"^(?:(?:firm |clear |further |more |written |formal )?(?:clarifications?|clarity|guarantees?|assurances?|answers|details) )?from\b", re.I)


def _drop_unnamed_demands(target: Suggestion) -> None:
    """An unnamed demand is the named one said vaguely: it adds no term of its own when the country has a named term."""
    named = [c for c in target.conditions if not (c.category == "other" and UNNAMED_DEMAND.match(c.text))]
    if named:
        target.conditions = named


# A description set between commas after a name: ", a close US ally,", ", the region's largest economy,".
APPOSITIVE = re.compile(r"(?<=[a-z]), (?:a|an|the|one of the|[A-Z][\w-]+(?:’s|'s)) (?:[\w’'-]+ ){0,6}?(?:ally|allies|partner|member|neighbou?r|nation|country|state|"
                        r"power|supporter|critic|mediator|producer|economy|exporter|democracy|monarchy|kingdom|republic|friend)"
                        r"(?: (?:of|in|to|on|for) (?:[\w’'-]+ ){0,3}[\w’'-]+)?(?= ?,)")
# "... will include troops from Chile, Peru and Ghana. However, these countries have not yet confirmed their
# participation": what the sentence before claimed for them is no stance of theirs.
UNCONFIRMED_BY_THEM = re.compile(r"(?:(?:However|But|Yet),? )?(?:(?:[Tt]hese|[Tt]hose|[Tt]he) (?:[\w-]+ )?(?:countries|nations|states|governments)"
                                 r"|[Nn]one of them|[Nn]either of them|[Nn]either country) (?:has|have) (?:not |yet to )(?:yet )?"
                                 r"(?:confirm|publicly confirm|officially confirm)")


def _extract(text: str) -> list[Suggestion]:
    found: dict[str, Suggestion] = {}
    recalled: dict[str, tuple[str, list[ConditionSuggestion]]] = {}
    recalled_troops: dict[str, dict[str, int]] = {}
    context: str | None = None
    pending: dict[str, str] = {}  # country -> a sentence giving its figure without a stance
    last_list: list[str] = []  # the last list of countries named in this paragraph, for "they" and "none"
    last_group: list[str] = []  # the last countries given a stance together in the article, for "all countries that ..."
    undecided: set[str] = set()  # countries said not yet to have decided whether to join
    limited: dict[str, str] = {}  # country -> a sentence refusing only combat troops
    carried: str | None = None  # the last paragraph's subject, for "he said" and "the country" in a new one
    press_status: dict[str, str] = {}  # country -> highest stance given only in a newspaper's report
    own_status: dict[str, str] = {}  # country -> highest stance given elsewhere
    press_sentences: list[str] = []
    everyone = sorted(mentions(text) + people(text) + headings(text), key=lambda x: x.start)
    everyone = sorted(everyone + kingdoms(text, everyone) + described(text, everyone), key=lambda x: x.start)
    everyone = _not_in_datelines(text, everyone)
    # A name inside a longer name is not a second mention ("Sheikh Mohamed bin Zayed" vs. a leader's name).
    everyone = _outermost(everyone)
    starts = [x.start for x in everyone]
    last_paragraph = -1
    home = _home_country(everyone)
    # "JAKARTA (ANTARA) - The defence ministry said it ...": until the article names a country, "the ministry",
    # "it" and "the government" are the dateline's (not "they": ministers meeting there may be anyone's)
    dated = _dateline_country(text)
    if dated in NOT_CONTRIBUTORS:
        dated = None
    announced: list[str] = []  # countries whose terms the last sentence announced without naming them
    answered: list[str] = []  # countries the last sentence asked about, for a "Yes." or "No." that follows
    group: str | None = None  # the stance of an unnamed group in this paragraph ("three countries have agreed ...")

    def suggestion(code: str) -> Suggestion:
        if code not in found:
            info = country_info(code)
            found[code] = Suggestion(code, info.name if info else code)
        return found[code]

    asked_about: str | None = None  # the stance an explainer's question asks about ("Who has said no?")
    spans = sentences(text)
    # An article that denies a report: what others claim or allege in it is not the stance (nor its figure).
    denies_a_report = ARTICLE_DENIAL.search(text) is not None
    # Wire copy gives most sentences a paragraph of their own: there the countries just listed and an
    # unnamed group carry over a paragraph break ("it" and "the minister" still start over).
    per_paragraph = Counter(span.paragraph for span in spans)
    wire_copy = len(per_paragraph) >= 3 and sum(n == 1 for n in per_paragraph.values()) >= 0.8 * len(per_paragraph)
    # A sentence the next one says the countries it names have not confirmed is a claim, not their stance.
    # (on the next line too: "these countries" points back across a paragraph break)
    unconfirmed = {id(before) for before, after in zip(spans, spans[1:]) if UNCONFIRMED_BY_THEM.match(text, after.start, after.end)}
    section: str | None = None  # the stance a round-up's heading gives the items under it ("RULED OUT")
    for span in spans:
        line = text[span.start:span.end].strip()
        if SECTION_HEADING.fullmatch(line) and re.match(r"[ \t]*\n\s*" + BULLET.pattern.lstrip(r"\s*"), text[span.end:span.end + 12]):
            # a heading over a list (not an all-capitals headline, which is read as any other)
            section = next((status for status, words in STANCE_ASKED if words.search(line)), None)
            if section is not None:
                continue
        elif section is not None and not BULLET.match(line):
            section = None  # prose again: the list under the heading has ended
        if span.paragraph != last_paragraph:
            # A new paragraph may be about someone else: "it" and "the official" start over.
            last_paragraph = span.paragraph
            carried, context = context or carried, None
            # A round-up's paragraph filed from a capital ("SEOUL: Nothing new. The government's position ..."):
            # its "it" and "the government" are that country's, as the opening dateline's are the article's.
            line_start = text.rfind("\n", 0, span.start) + 1
            filed = DATELINE.match(text, line_start) if line_start > 0 else None
            if filed is not None and _headed_by(filed) is None and (code := _filed_from(text, filed)) not in (None, *NOT_CONTRIBUTORS):
                context = code
            if SPEAKER_GOES_ON.match(text, span.start, span.end):
                context = carried  # "He noted that ...": the one who spoke in the last paragraph goes on speaking
            if not wire_copy:
                last_list = []
                group = None
            asked_about = None
        sentence = text[span.start:span.end]
        named = [x for x in everyone[bisect_left(starts, span.start):bisect_left(starts, span.end)] if x.end <= span.end]
        # ", which has deployed peacekeepers elsewhere," is background, not the stance.
        asides = [(m.start(), m.end()) for m in RELATIVE_CLAUSE.finditer(text, span.start, span.end)]
        if id(span) in unconfirmed:
            asides.append((span.start, span.end))
        asides += [(m.start(), m.end()) for m in CORRECTED.finditer(text, span.start, span.end)]
        asides += [(m.start(), m.end()) for m in EARLIER_SAID.finditer(text, span.start, span.end)]
        # "Chile, a close US ally, said ...": who the country is, not who speaks
        asides += [(m.start(), m.end()) for m in APPOSITIVE.finditer(text, span.start, span.end)]
        # "has neither confirmed nor denied that it will send troops": what follows is left open, not said
        open_asides = [(m.end(), span.end) for m in NEITHER_CONFIRMED.finditer(text, span.start, span.end)]
        # where the country's troops served before, and how many: no stance, and no figure of this force's
        open_asides += [(m.start(), m.end()) for m in ELSEWHERE.finditer(text, span.start, span.end)]
        if denies_a_report:
            # "Indian outlets claimed that Pakistan was preparing to deploy up to 20,000 soldiers", in an article that denies it
            open_asides += [(m.start(), span.end) for m in CLAIMED.finditer(text, span.start, span.end)]
        asides += open_asides
        if REPORT_DENIED.search(sentence):
            # "asked about reports that Chile had earmarked 3,500 soldiers, the spokesman dismissed them": the report is not the stance
            asides += [(m.start(), m.end()) for m in DENIED_REPORT.finditer(text, span.start, span.end)]
        speakers = [x for x in named if not SPOKEN_TO.search(text, span.start, x.start) and not MEDIA_AFTER.match(text, x.end)
                    and not any(a <= x.start < b for a, b in asides) and not _a_place(text, x) and x.kind != "party"]
        given: dict[str, tuple[str, int]] = {}  # country -> (status, cue position)
        recalls = [r for r in RECALLED.finditer(text, span.start, span.end) if not any(a <= r.start() < b for a, b in asides)
                   and not DATED_STATEMENT.search(text, max(span.start, r.start() - 40), r.start())]
        is_recalled = bool(recalls)
        now_from = span.start  # cues before this point are an earlier stance the sentence has moved on from
        if recalls:
            turn = TURN_TO_NOW.search(text, recalls[0].end(), span.end)
            if turn is not None:
                is_recalled, now_from = False, turn.start()
        conditions_here: dict[str, list[tuple[str, str]]] = {}
        listing = TERMS_LISTED.match(text, span.start, span.end) or COUNTED_ON.match(text, span.start, span.end)
        counting_on = []  # terms counted off a sentence each ("First, ... Second, ..."): the next may name another
        if announced and listing is not None:
            # "... provided several conditions are met. These include that ...; ...; and ...": the terms, one by one
            items = text[listing.end():span.end]
            if ";" not in items and (COUNTED_ON.match(listing.group(0)) or re.match(r"[“\"‘]?(?:First|The first|One is)", listing.group(0))):
                # "First, there must be a credible, irreversible path to a state.": one term, commas and all (and in a
                # quotation kept whole, "First, ... Second, ... Third, ...": one term each, up to the quotation's end)
                parts = re.split(r"[.;]\s*(?:Second(?:ly)?|Third(?:ly)?|Fourth(?:ly)?|Finally|Lastly),?\s+", items)
                parts = [re.split(r"[”\"]", part)[0].strip(" .,") for part in parts]
                terms = [(part, category_of(part)) for part in parts if len(part) >= 4]
                counting_on = announced
            else:
                terms = _listed_terms(items)
            for code in announced:
                conditions_here.setdefault(code, []).extend(terms)
        announced = counting_on
        group_here = 0  # where, in this sentence, an unnamed group was given a stance
        elided: list[tuple[int, list]] = []  # terms whose subject is left out after "but" or "and"

        asks = sentence.rstrip(" ”\"’'").endswith("?") and DIRECT_QUESTION.match(sentence) is not None
        for status, cue in SUBJECT_CUES:
            for m in cue.finditer(text, span.start, span.end):
                if any(a <= m.start() < b for a, b in asides) or m.start() < now_from or asks:
                    continue
                if status != "conditional" and QUESTIONED.search(text, max(span.start, m.start() - 60), m.start()):
                    continue  # "unclear whether Chile would send troops", "asked if Peru will join"
                if status == "conditional" and WITHOUT.match(m.group(0)) and not REFUSED_BEFORE.search(text[span.start:m.start()]) \
                        and not (OPENS_CLAUSE.search(text, span.start, m.start()) and (comma := text.find(", ", m.end(), span.end)) != -1
                                 and REFUSED_BEFORE.search(text, comma, span.end)):
                    continue  # "will not send troops without a mandate" is a term; "arrived without a mandate" is none
                if status == "conditional" and UNTIL_THE_FIGHTING_STOPS.fullmatch(m.group(0)) and not ABOUT_THE_FORCE.search(sentence):
                    continue  # "will not deploy troops until the fighting stops" is a term; "hosted talks until the war ends" is none
                if status == "committed" and HESITANT_BEFORE.search(text, max(span.start, m.start() - 40), m.start()):
                    continue  # "having second thoughts about committing troops": no pledge
                if status == "declined" and COMMAND_AFTER.match(text, m.end(), span.end):
                    continue  # "no Egyptian soldier will serve under the command of any party other than the force's own": a term
                if status == "declined" and TASK_IF_FIRST.search(text, span.start, m.start()):
                    continue  # "If the force's mandate is to enforce peace, or to disarm Hamas, its soldiers will not be part of it"
                if status == "declined" and WITHOUT_FIRST.search(text, span.start, m.start()):
                    continue  # "Without a clear resolution from the Security Council, we will not send our people": a term
                if status == "declined" and (first := IF_FIRST_CUE.search(text, span.start, span.end)) and first.start() < m.start():
                    continue  # "as long as Hamas refuses to disarm, Chile will not take part": the refusal has a term
                if status == "conditional" and NO_TERM_BEFORE.search(text, max(span.start, m.start() - 60), m.start()):
                    continue  # "would prefer deployment to be under UN mandate", "all past missions were under UN auspices"
                if status == "conditional" and AIM_BEFORE.search(text, max(span.start, m.start() - 60), m.start()):
                    continue  # "will contribute to global peace within the framework of the UN": how the aim is put, no term
                if status == "conditional" and FORCE_TIMED.search(text, max(span.start, m.end() - 100), m.end()):
                    continue  # "may contribute to a force deployed to Gaza once the offensive ends": when the force goes, no term of its own
                if status == "conditional" and m.group(0).startswith("only ") and _task_is_subject(text, span.start, m.start()):
                    continue  # "disarmament could only be realistic if ...": a judgment on a task, no term for joining
                if status == "conditional" and m.group(0).startswith("only ") \
                        and any(x.start == m.start() + len("only ") for x in named):
                    continue  # "only Chile has offered troops as part of a UN mission": "only" picks out the country, no term
                if status in ("declined", "withdrawn", "deployed", "considering") and BARE_VERB_CUE.search(m.group(0)) \
                        and not FORCE_TOPIC.search(sentence) and OFF_TOPIC_OBJECT.match(text, m.end(), span.end):
                    continue  # "withdrew its ambassador", "ruled out new elections": a stance on something else
                if status in ("committed", "considering", "declined") and BARE_JOIN.search(m.group(0)) \
                        and NO_OBJECT.match(text, m.end(), span.end) and not FORCE_WORDS.search(sentence) \
                        and _board_is_topic(text, m.start()):
                    continue  # "has also agreed to join", of the Board of Peace the article is about: not the force
                if status == "deployed" and DEPLOYED_ELSEWHERE.match(text, m.end(), span.end) and not re.search(PLACES, sentence):
                    continue  # "has deployed peacekeepers to Lebanon": troops serving elsewhere
                if status == "committed" and ROUNDUP_FIGURE.match(text, m.start()) and not any(x.end == m.start() - 2 for x in named):
                    continue  # "Casualties: 300 soldiers": a figure after a colon is a round-up's only after a country's name
                if status in ("committed", "considering") and (police := TRAIN_POLICE_ONLY.match(text, m.end(), span.end)) is not None \
                        and not FORCE_WORDS.search(text, span.start, m.start()) and not FORCE_WORDS.search(text, police.end(), span.end):
                    continue  # "has offered to train Palestinian police": no stance on the force itself (the README's Jordan entry)
                if status == "committed" and PLAIN_YES.search(m.group(0)) and not (ABOUT_THE_FORCE.search(sentence) or ASKED_OR_APPROACHED.search(sentence)):
                    continue  # "asked whether the cabinet approved the budget, the minister said yes": a yes to something else
                if status == "considering" and STANCE_NEEDS_TOPIC.search(m.group(0)) and not ABOUT_THE_FORCE.search(sentence):
                    continue  # "keeps an open mind on trade", "a cautious stance on the talks": no stance on the force
                if status == "considering" and AWAITED_AT_END.match(text, m.start(), span.end) and not FORCE_TOPIC.search(sentence):
                    continue  # "the budget awaits the government's final decision": a decision on something else
                if status == "considering" and ASKED_CUE.search(m.group(0)) and HYPOTHETICAL.search(text, max(span.start, m.start() - 60), m.start()):
                    continue  # "if Chile were asked, ...": an approach imagined, not made
                if status != "conditional" and NEGATED.search(text, span.start, m.start()):
                    continue  # "has not ruled out", "has not offered"
                if status == "committed" and (hedge := HEDGED_THAT.search(text, span.start, m.start())) is not None:
                    # "it is unlikely that Chile will send troops" is a no; "it is possible that ..." is still open
                    status = "declined" if hedge.group("odds") in UNLIKELY_ODDS else "considering"
                if status == "committed" and MAYBE_READY.search(text, max(span.start, m.start() - 30), m.start()) \
                        and re.match(r"(?:willing|ready|prepared|able)\b", m.group(0)):
                    status = "considering"  # "may be willing to take part": a readiness hedged is still weighed
                if status == "committed" and NOT_PEOPLE.match(text, m.end(), span.end) \
                        and not PEOPLE_TOO.search(text[m.end():_clause_after(text, m.end(), span.end)[1]]):
                    continue  # money or equipment, not troops ("$20 million and 500 troops" is both)
                if status in ("committed", "considering", "declined") and (NOT_A_CONTRIBUTION.match(text, m.end(), span.end)
                                              or (re.search(r"(?:support|help|back)$", m.group(0)) and SUPPORTED_OBJECT.match(text, m.end(), span.end))
                                              or (re.search(r"(?:support|help|assist)$", m.group(0)) and HELP_OF_ANOTHER_KIND.match(text, m.end(), span.end))) \
                        and not PEOPLE_TOO.search(text[m.end():_clause_after(text, m.end(), span.end)[1]]) \
                        and not re.search(r"\bby (?:sending|deploying|contributing|providing)\b", text[m.end():span.end]):
                    continue  # "pledged its support for the force", "committed to the peace plan", "offered to mediate"
                if status == "committed" and HYPOTHETICAL_IF.search(text, max(span.start, m.start() - 40), m.end()):
                    continue  # "If Saudi Arabia joined the force, others would follow": supposed, not said
                if status == "conditional" and re.fullmatch(r"(?:would|will) require", m.group(0)) and FUNDING_TALK.search(sentence) \
                        and not ABOUT_THE_FORCE.search(sentence):
                    continue  # "in talks to fund the effort, though they will require engagement": the terms of money, not of troops
                if ANALYSTS_GUESS.search(text, span.start, m.start()):
                    continue  # "some analysts believe it will stay out": a guess about the country, not its word
                if status == "committed" and OTHER_HELP.match(text, m.end(), span.end) and not TROOPS_TOO.search(text, m.end(), span.end):
                    continue  # "offered to host the talks"
                if PASSIVE_TROOPS.match(m.group(0)) and not any(0 <= m.start() - x.end <= 25 for x in speakers) \
                        and not any(x.end <= m.start() and SAID_OF_TROOPS.fullmatch(text, x.end, m.start()) for x in speakers) \
                        and not OWN_TROOPS_BEFORE.search(text, max(span.start, m.start() - 30), m.start()) \
                        and not any(m.start() <= x.start and x.end <= m.end() for x in speakers):
                    continue  # "troops will be deployed" says whose troops only when a country is named right before
                if status == "conditional" and IF_OPENER.fullmatch(m.group(0)) and IF_FIRST_CUE.match(text, m.start(), span.end):
                    # "If the council approves, Chile will send ...": the subject is the main clause's
                    comma = text.find(", ", m.end(), span.end)
                    main = [x for x in speakers if comma < x.start and not x.is_demonym]
                    # (or a list of them: "As long as Hamas refuses to disarm, Saudi Arabia, Egypt, and the UAE will not take part")
                    listed = _list_after(text, main, comma + 1, span.end) if main else []
                    last = next((x for x in reversed(main) if x.code in listed), None) if len(listed) > 1 else None
                    subjects = listed if last is not None and re.match(r"(?: [\w-]+){0,2}? (?:will|would|could|can|are)\b", text[last.end:span.end]) else \
                        [main[0].code] if main and re.match(r"(?:’s|'s)?(?: [\w-]+){0,3}? (?:will|would|could|can|is|are)\b", text[main[0].end:span.end]) else \
                        (_subjects_before(text, speakers, m.start(), together=True) or ([context] if context else [])
                         # a quotation attributed at its end: "“If there is a mandate, we will go,” Chile's minister said"
                         or _speaker_after(text, named, m.end(), span.end))
                    for code in subjects:
                        given[code] = (status, m.start())
                    c_start, c_end = _clause_after(text, m.end(), span.end)
                    for code in subjects:
                        conditions_here.setdefault(code, []).extend(_conditions_in(text, c_start, c_end, sentence))
                    continue
                inside = [x for x in named if m.start() <= x.start and x.end <= m.end() and x.kind not in ("person", "party")
                          and x.code not in NOT_CONTRIBUTORS and not _a_place(text, x)]  # "agreed to a US request": the US asks, it is not the subject
                if inside and all(x.is_demonym for x in inside) \
                        and any(y.code in NOT_CONTRIBUTORS and not y.is_demonym and SAYS_BETWEEN.search(text, y.end, m.start())
                                for y in named if y.end <= m.start()):
                    # "Netanyahu said that no Turkish troops would be deployed": what Israel or the sponsor says of
                    # another country's troops stays theirs, as in _subjects_before (said, not asked: "among those Rubio
                    # has asked to contribute troops is Ethiopian Prime Minister ..." is Ethiopia's being asked)
                    continue
                subjects = list(dict.fromkeys(x.code for x in inside)) if inside else \
                    _subjects_before(text, speakers, m.start(), together=True)
                if not subjects:
                    # "approval to deploy 200 personnel of the Sri Lanka Army": whose army the troops are
                    subjects = _army_after(text, named, m.end(), span.end)
                last_named = max([x.end for x in speakers if x.end <= m.start()] or [span.start])
                group_subject = not inside and GROUP_CLAUSE_SUBJECT.search(text, last_named, m.start()) is not None \
                    and not APPOSED_GROUP.fullmatch(text, last_named, m.start())  # "Chile and Peru, two nations that could ..., are"
                if not inside and (domestic := DOMESTIC_SUBJECT.search(text, last_named, m.start())) \
                        and (status != "conditional" or DOMESTIC_OPPOSE.search(domestic.group(0))):
                    # "..., and the main parties have distanced themselves from ...": not the government (nor, when they
                    # say they oppose sending troops unless ..., are those terms the government's)
                    group_subject = True
                if group_subject:
                    subjects = []  # "the minister said several countries are ready to send troops": not his country
                if subjects and not inside and WE_BEFORE_CUE.search(text, max(span.start, m.start() - 40), m.start()) \
                        and _quoting(text, span.start, m.start()):
                    # "“... many cannot imagine German soldiers doing that. So we will not participate,” said the minister":
                    # the quotation's "we" is its speaker, not a country the quotation named before
                    speaker = _speaker_after(text, named, m.end(), span.end) or ([context] if context else []) \
                        or ([home] if home else [])
                    if speaker:
                        subjects = speaker
                if (not subjects or set(subjects) <= NOT_CONTRIBUTORS) and GROUP_NOUN.search(text, span.start, m.start()):
                    # "the two nations said to be close to sending troops -- Chile and Peru --"
                    dash = APPOSED_LIST.match(text, m.end(), span.end)
                    if dash is not None:
                        apposed = _list_after(text, speakers, dash.end(), span.end)
                        if apposed:
                            subjects, group_subject = apposed, False
                if GROUP_SUBJECT.search(text, max(span.start, m.start() - 60), m.start()):
                    # "three countries have agreed to send troops": their names may follow in the paragraph
                    group = status if group is None or STATUS_RANK[status] > STATUS_RANK[group] else group
                    group_here = m.end()
                if not subjects and status == "considering" and DECISION_PENDING.match(m.group(0)):
                    # "awaiting a final decision from President Prabowo": the decider's country
                    decider = [x for x in named if x.start >= m.end() and (DECIDER_AFTER.match(text[m.end():x.start])
                               or (DECIDED_ON.fullmatch(text, m.end(), x.start) and JOINING_AFTER.match(text, x.end, span.end)))]
                    subjects = [decider[0].code] if decider else []
                    if subjects and not is_recalled:
                        undecided.update(subjects)  # its leader's decision is awaited: undecided, however ready
                if not subjects and last_list and not named and PLURAL_BACK.search(text, span.start, span.end):
                    subjects = list(last_list)  # "none have committed", "they are still considering"
                if last_group and not named and ALL_OF_THE_GROUP.match(text, SUBJECT_LEAD.match(text, span.start).end()):
                    subjects = list(last_group)  # "All countries that have agreed ... will not send troops before ..."
                if not subjects:
                    if group_subject or _someone_else_is_subject(text, span, m, named):
                        subjects = []
                    elif context:
                        subjects = [context]
                    else:
                        subjects = _speaker_after(text, named, m.end(), span.end)
                        if not subjects and answered and not any(x.code not in NOT_CONTRIBUTORS for x in named):
                            subjects = list(answered)  # the answer to a question about that country
                        if not subjects and carried and _refers_back(text, span, m.start()) \
                                and not any(x.code != carried and not (x.code in NOT_CONTRIBUTORS and (x.is_demonym or x.start > m.start()))
                                            for x in speakers):  # (not a place or an aside: "units that have served in Lebanon")
                            # (the country itself may be named further on, "... what Jakarta calls", and a party after
                            # the cue is not the subject: "despite Israel's objections")
                            subjects = [carried]
                        if not subjects and dated and not carried and all(x.code == dated for x in named) and _refers_back(text, span, m.start()) \
                                and not PLURAL_SPEAKERS.search(text, max(span.start, m.start() - 60), m.start()):
                            subjects = [dated]
                        if not subjects and home and not speakers and carried in (None, home) and not FOREIGN_ENVOY.search(sentence) \
                                and (FIRST_PERSON_BEFORE.search(text, max(span.start, m.start() - 80), m.start())
                                     or WE_OPENING.match(sentence)):
                            # "We will not go unless ...", "We are ready ..., which would also require parliamentary
                            # approval": the article's only possible contributor
                            subjects = [home]
                        if not subjects and home and not named and UNNAMED_GOVERNMENT.search(m.group(0)):
                            subjects = [home]  # "a decision is expected from the federal government": the only possible contributor's
                        if not subjects and home and not speakers and GOVERNMENTS_OWN.search(text, max(span.start, m.start() - 40), m.start()):
                            subjects = [home]  # "criticised the government's plan to send troops": the only possible contributor's
                pending_decision = status == "considering" and DECISION_PENDING.search(m.group(0)) is not None
                if pending_decision and not is_recalled and (UNDECIDED_ON_JOINING.match(text, m.end(), span.end) or (
                        AT_SENTENCE_END.match(text, m.end(), span.end) and ABOUT_THE_FORCE.search(sentence))
                        or PEOPLE_WORD.search(m.group(0)) or NOT_A_COMMITMENT.search(text, m.end(), span.end)):
                    # (a decision that ends a sentence about joining is the decision on joining)
                    undecided.update(subjects)
                if subjects and status == "committed" and not inside:
                    # "US officials hope Chile and Peru will send troops": someone else's hope, not their pledge
                    first = min((x.start for x in speakers if x.code in subjects and x.end <= m.start()), default=None)
                    if first is not None and HOPED_BEFORE.search(text, span.start, first):
                        subjects = []
                for code in subjects:
                    old = given.get(code)
                    if status == "declined" and COMBAT_ONLY.match(text, m.start(), span.end):
                        # "has ruled out sending combat troops": a limit on the role, a refusal only if nothing else is offered
                        limited.setdefault(code, sentence)
                        continue
                    if old is not None and old[0] == "committed" and pending_decision:
                        given[code] = (status, m.start())  # "ready to deploy, awaiting only a final decision"
                        if not is_recalled:
                            undecided.add(code)  # ... and still, however ready it is said to be later on
                    elif old is None or STATUS_RANK[status] > STATUS_RANK[old[0]] and old[0] != "conditional" \
                            or (status == "conditional" and old[0] == "declined"):
                        # "will not send ... unless ..." is a condition, not a refusal.
                        given[code] = (status, m.start())
                if status == "conditional":
                    cue_text = m.group(0)
                    if "approval" in cue_text:
                        begin = m.start() + cue_text.find("approval")
                    elif cue_text.startswith(CLAUSE_FROM_CUE) or KNOW_FIRST.match(cue_text):
                        begin = m.start()
                    elif cue_text.startswith("until "):
                        begin = m.start() + len("until ")  # "until a ceasefire holds": the term is all that follows
                    else:
                        begin = m.end()
                    while begin < span.end and text[begin] == " ":
                        begin += 1
                    c_start, c_end = _clause_after(text, begin, span.end)
                    if c_end - c_start < 4 or CUE_IS_TERM.match(cue_text):
                        c_start, c_end = m.start(), m.end()  # the cue names the term itself: "parliament will have the final word"
                    terms = _conditions_in(text, c_start, c_end, sentence)
                    inner = TERM_BEFORE_IF.search(text, m.start(), m.end())
                    if inner is not None:
                        # "would send troops only under a UN mandate and only if ...": the first term is inside the cue
                        terms = _conditions_in(text, inner.start(), inner.end(), sentence) + terms
                    colon = text.find(":", m.end(), span.end)
                    if TERMS_ANNOUNCED_CUE.match(cue_text) and (TERMS_JUST_CLEAR.fullmatch(text[c_start:c_end].strip())
                                                                or (c_start, c_end) == (m.start(), m.end())):
                        terms = []  # "Its conditions are clear.", "we have conditions for participation": none named yet
                    listed = TERMS_INCLUDING.match(text, m.end(), span.end) if TERMS_ANNOUNCED_CUE.match(cue_text) else None
                    if listed is not None:
                        # "under certain conditions, including a UN mandate and the consent of the parties"
                        terms = _listed_terms(text[listed.end():span.end]) or terms
                    elif TERMS_ANNOUNCED_CUE.match(cue_text) and colon != -1:
                        # "set out three conditions: a UN mandate, a ceasefire and the consent of the Palestinians"
                        terms = _listed_terms(text[colon + 1:span.end]) or terms
                    for code in subjects:
                        conditions_here.setdefault(code, []).extend(terms)
                    if not subjects and not group_subject and (ELIDED_SUBJECT.search(text, max(span.start, m.start() - 40), m.start())
                                                               # "the cabinet approved the dispatch of 3,000 troops, subject to a vote"
                                                               or (text[m.start() - 2:m.start()] == ", " and TRAILING_TERM.match(cue_text))):
                        elided.append((m.start(), terms))
        if elided and len(given) == 1:
            # "the government was inclined to contribute troops but would seek parliament's endorsement first": the
            # term's subject is left out after "but", and is the one the sentence has already given a stance
            (code,) = given
            if given[code][0] in ("committed", "considering", "conditional"):
                given[code] = ("conditional", elided[0][0])
                for _, terms in elided:
                    conditions_here.setdefault(code, []).extend(terms)
        for m in CONDITION_NOUN.finditer(text, span.start, span.end):
            # the term is the clause before the noun: after "that", a comma, or the verb of saying
            marks = [(text.rfind(mark, span.start, m.start()), mark) for mark in (" that ", ", ", " said ", " says ", " stated ")]
            back, mark = max(marks)
            begin = back + len(mark) if back != -1 else span.start
            subjects = _subjects_before(text, speakers, begin, together=True) or _term_for(text, speakers, m.end(), span.end) \
                or ([context] if context else [])
            opener = CLAUSE_SUBJECT.match(text, begin, m.start())
            if not subjects and opener is not None:
                # "Egypt wants the force to be led by US forces ..., as part of its conditions": the clause's own subject
                own = [x for x in speakers if x.start == opener.start("who")]
                if own:
                    subjects, begin = [own[0].code], opener.end()
            clause = text[begin:m.start()].strip()
            if len(clause) >= 4:
                for code in subjects:
                    if code not in given or given[code][0] != "declined":
                        given[code] = ("conditional", m.start())
                    parts = _conditions_in(text, begin, m.start(), sentence)
                    # one term is of its own kind, whatever else the sentence names ("a political horizon ... is a second condition")
                    conditions_here.setdefault(code, []).extend(parts if len(parts) > 1 else [(clause, category_of(clause))])
        for code, pairs in conditions_here.items():
            target = suggestion(code)
            for clause, category in pairs:
                pool = recalled.setdefault(code, ("", []))[1] if is_recalled else target.conditions
                existing = next((c for c in pool if c.category == category), None)
                if existing is None:
                    pool.append(ConditionSuggestion(clause, category, [clause]))
                elif clause not in existing.evidence:
                    existing.evidence.append(clause)
        if group is not None:
            # "... one of them is Indonesia", "Chile is among them": a member of the group just spoken of
            for m in GROUP_MEMBER_AFTER.finditer(text, span.start, span.end):
                for code in _list_after(text, named, m.end(), span.end):
                    given.setdefault(code, (group, m.start()))
            if group_here:
                for m in GROUP_INCLUDES.finditer(text, group_here, span.end):
                    for code in _list_after(text, speakers, m.end(), span.end):
                        given.setdefault(code, (group, m.start()))
            for m in GROUP_MEMBER_BEFORE.finditer(text, span.start, span.end):
                for code in _subjects_before(text, speakers, m.start(), together=True):
                    given.setdefault(code, (group, m.start()))
        asked = set()  # countries only approached in this sentence: a figure here is the asker's, not their offer
        for m in OBJECT_CUES.finditer(text, span.start, span.end):
            if re.match(r"\s+(?:whether|if|about|what|when|how|why)\b", text[m.end():span.end]):
                continue  # "reporters asked whether Peru had pledged troops" is a question, not an approach
            if re.fullmatch(r"(?:approach(?:es)?|overtures?|outreach) to", m.group(0)) and not ABOUT_THE_FORCE.search(sentence):
                continue  # "Turkey's approach to Egypt has softened": a policy, not a request for troops
            if not m.group(0).split()[0].endswith("ing") and PASSIVE_BEFORE.search(text, span.start, m.start()):
                continue  # "was approached by American officials": the subject is the one asked
            # (not where the asking happened: "approached at a meeting in Singapore")
            listed = _list_after(text, [x for x in named if not _a_place(text, x)], m.end(), span.end)
            first = next((x for x in named if x.start >= m.end() and not x.is_demonym), None)
            if ASKED_GROUP.match(text, m.end(), span.end) and (first is None or "," in text[m.end():first.start]):
                # a group asked, its members given as examples further on: only when the request is about the force
                listed = []
                for example in ASKED_EXAMPLES.finditer(text, m.end(), span.end) if ABOUT_THE_FORCE.search(sentence) else ():
                    listed += [code for code in _list_after(text, named, example.end(), span.end) if code not in listed]
            elif ADDRESSEES.match(m.group(0)):
                # "The appeal included close allies such as Italy and France, as well as smaller nations like Malta":
                # the request of the sentence before, every example of its addressees
                for example in ASKED_EXAMPLES.finditer(text, m.end(), span.end):
                    listed += [code for code in _list_after(text, named, example.end(), span.end) if code not in listed]
            for code in listed:
                if code not in given:
                    asked.add(code)
                given.setdefault(code, ("considering", m.start()))
        if ABOUT_THE_FORCE.search(sentence) and not TALKS_ON_SUPPORT.search(sentence):
            for m in TALKS_WITH.finditer(text, span.start, span.end):
                if re.match(r"\w+(?:ed|spoken|sought)\b", m.group(0)) and PASSIVE_BEFORE.search(text, span.start, m.start()):
                    continue  # "was consulted by", "troops were requested from": not the asking side
                listed = [code for code in _list_after(text, named, m.end(), span.end)
                          # (not a host: "consulting with Egypt, which is set to host a logistics facility for the force")
                          if not any(x.code == code and HOST_AFTER.match(text, x.end) for x in named)]
                if not listed and ASKED_GROUP.match(text, m.end(), span.end):
                    # "contacts are under way with several countries regarding their participation, including Greece"
                    for example in ASKED_EXAMPLES.finditer(text, m.end(), span.end):
                        listed += [code for code in _list_after(text, named, example.end(), span.end) if code not in listed]
                for code in listed:
                    if code not in given:
                        asked.add(code)
                    given.setdefault(code, ("considering", m.start()))
                if listed and all(code in NOT_CONTRIBUTORS for code in listed):
                    # "Vietnam is in contact with Washington about the force": the one talking to the sponsor weighs it
                    for code in _subjects_before(text, speakers, m.start(), together=True):
                        if code not in NOT_CONTRIBUTORS:
                            given.setdefault(code, ("considering", m.start()))

        for nm in NEITHER.finditer(text, span.start, span.end):
            # "Neither Chile nor Peru will send troops": a stance the two are said not to take
            first = next((x for x in speakers if x.start >= nm.end()), None)
            nor = NOR.match(text, first.end) if first is not None else None
            second = next((x for x in speakers if nor is not None and x.start == nor.end()), None)
            if second is not None:
                stated = [given[c][1] for c in (first.code, second.code) if c in given and given[c][0] in ("committed", "considering", "conditional")]
                for code in (first.code, second.code) if stated else ():
                    given[code] = ("declined", stated[0])
        if answered and not given:
            # a transcript: "Q: Will Chile send troops? A: No." answers for the country asked about
            answer = ANSWER.match(text, span.start, span.end)
            if answer is not None:
                for code in answered:
                    given[code] = ("declined" if answer.group("word").lower().startswith(("no", "absolutely not")) else "committed", span.start)
        answered = []
        if sentence.rstrip(" ”\"").endswith("?") and QUESTION_OF_JOINING.search(sentence):
            answered = [code for code in dict.fromkeys(x.code for x in speakers if not x.is_demonym and x.kind != "person")
                        if code not in NOT_CONTRIBUTORS]
        for x in named:
            if not x.is_demonym or x.code in NOT_CONTRIBUTORS or x.code in given:
                continue
            plan = PLAN_OF_TROOPS.search(text, max(span.start, x.start - 60), x.start)
            if plan is None or not TROOPS_OF_DEMONYM.match(text, x.end, span.end) \
                    or PLAN_DROPPED.search(text, span.start, plan.start()) or PLAN_DENIED_AFTER.match(text, x.end, span.end) \
                    or NEGATED.search(text, span.start, plan.start()) \
                    or any(y.start < plan.start() and y.code != x.code and y.kind != "person" for y in named):
                continue
            given[x.code] = ("committed", plan.start())  # "involve parliament in plans to deploy Indonesian troops"
        for status, agent_after in (("committed", PLEDGE_BY), ("declined", PASSIVE_REFUSAL)):
            for m in agent_after.finditer(text, span.start, span.end):
                # "the pledge made by Indonesia to send troops", "the request was turned down by Chile": the one who
                # pledged or refused is named after "by" (only in a sentence about the force)
                after = next((x for x in speakers if m.end() <= x.start <= m.end() + 4 and x.code not in NOT_CONTRIBUTORS), None)
                if after is not None and after.code not in given and FORCE_WORDS.search(sentence):
                    given[after.code] = (status, m.start())
        for m in TROOPS_FROM.finditer(text, span.start, span.end):
            # the force's make-up: "the force will include troops from Chile and Peru", "troops from Chile and
            # Peru are expected to form its core"
            listed = _list_after(text, [x for x in named if not any(a <= x.start < b for a, b in asides)], m.end(), span.end)
            after = max([x.end for x in named if x.code in listed] or [m.end()])
            if listed and (MADE_UP_OF.search(text, max(span.start, m.start() - 40), m.start()) or WILL_FORM.match(text, after, span.end)
                           or DRAWN_FROM.search(m.group(0))):
                for code in listed:
                    if code not in NOT_CONTRIBUTORS:
                        given.setdefault(code, ("committed", m.start()))
        for m in JOINS_IN.finditer(text, span.start, span.end):
            # "Chile joins Peru in offering troops": the subject and those it joins take the stance
            subject = [x for x in speakers if x.end <= m.start() and not x.is_demonym and x.kind != "person"]
            joined = _list_after(text, named, m.start("others"), m.end("others"))
            if subject and joined:
                for code in [subject[-1].code, *joined]:
                    if code not in NOT_CONTRIBUTORS:
                        given.setdefault(code, (GERUND_STATUS.get(m.group("gerund"), "committed"), m.start()))
        if asked_about and speakers:
            # the answer to an explainer's question: "Who has promised troops? Chile, whose units are due in May, ..."
            lead = SUBJECT_LEAD.match(text, span.start).end()
            first = next((x for x in speakers if not x.is_demonym), None)
            if first is not None and first.start == lead:
                for code in _list_after(text, speakers, lead, span.end):
                    given.setdefault(code, (asked_about, first.start))
        # (the answer is the sentence right after the question only)
        question = STANCE_QUESTION.match(sentence)
        asked_about = next((status for status, words in STANCE_ASKED if words.search(question.group(1))), None) if question else None
        if id(span) in unconfirmed:
            given.clear()  # a claim the next sentence says they have not confirmed
        if section is not None and not given:
            # "RULED OUT\n- Jordan, Saudi Arabia and Qatar": the heading's stance for the countries the item opens with
            bullet = BULLET.match(text, span.start, span.end)
            for code in _list_after(text, speakers, bullet.end(), span.end):
                if code not in NOT_CONTRIBUTORS:
                    given[code] = (section, bullet.end())
        if given:
            # a verb left out: "Chile will send 800 troops; Peru, 300", "... and Peru 300"
            for x in speakers:
                if x.code in given or x.is_demonym or x.kind == "person" or x.code in NOT_CONTRIBUTORS:
                    continue
                if GAP_BEFORE.search(text, span.start, x.start) and GAP_AFTER.match(text, x.end, span.end):
                    earlier = [(at, st) for st, at in given.values() if at < x.start]
                    if earlier:
                        given[x.code] = (max(earlier)[1], x.start)
        figure = _figure_at(sentence)
        if figure is not None and any(a - span.start <= figure and (b - span.start) > figure for a, b in open_asides):
            figure = None  # a figure left open ("neither confirmed nor denied reports that it pledged 500 troops") is no one's
        if figure is not None and not given and not is_recalled and not re.search(ASKED_ABOUT_REPORT, sentence) \
                and not re.search(r"\?[”\"’']*\s*$", sentence):  # (nor a question's: "Is 20,000 troops realistic?")
            # "The contingent will number 1,200 soldiers": a figure in a sentence about one country, kept
            # for that country if the article gives it a stance.
            # (in a paragraph of its own too: wire copy gives each sentence its own line)
            about = _only_country(named, speakers) or ((context or carried) if not named else None)
            if about and (about not in pending or getattr(_chosen_figure(sentence), "total", False)):
                pending[about] = sentence
        owner = None
        stretches: dict[str, tuple[int, int | None]] = {}
        if figure is not None and given:
            # A figure belongs to the country whose stance is stated just before it, not to every country named.
            stated = {code: value for code, value in given.items() if code not in asked}
            before = [(position, code) for code, (_, position) in stated.items() if position - span.start <= figure]
            owner = max(before)[1] if before else (next(iter(stated)) if len(stated) == 1 else None)
            # Several countries each given a stance: each takes the figures between its own cue and the next
            # one's ("Chile will send 800 troops, while Peru will contribute 300").
            cues = sorted((position - span.start, code) for code, (_, position) in stated.items())
            if len(cues) > 1 and len({at for at, _ in cues}) < len(cues):
                # countries sharing one cue, each named again before a figure of its own ("ready to contribute, with
                # Chile offering a team of 25 and Peru a platoon of 30"): each takes what follows its second naming
                again = {code: max((x.start - span.start for x in speakers if x.code == code and x.start - span.start > at), default=None)
                         for at, code in cues}
                if all(v is not None for v in again.values()) and len(set(again.values())) == len(again):
                    cues = sorted((at, code) for code, at in again.items())
            if len(cues) > 1:
                # countries sharing one cue ("Chile and Peru will each send 500") share its stretch
                stretches = {code: (at, next((c[0] for c in cues if c[0] > at), None)) for at, code in cues}
        from_press = PRESS_REPORT.search(sentence) is not None
        if from_press and given:
            press_sentences.append(sentence)
        for code, (status, _) in given.items():
            seen = press_status if from_press else own_status
            if code not in seen or STATUS_RANK[status] > STATUS_RANK[seen[code]]:
                seen[code] = status
            target = suggestion(code)
            if is_recalled:
                old_status, pool = recalled.get(code, ("", []))
                if not old_status or STATUS_RANK[status] > STATUS_RANK[old_status]:
                    recalled[code] = (status, pool)
                stretch = stretches.get(code) or _from_own_cue(sentence, given[code][1] - span.start)
                if code not in recalled_troops and (code in stretches or code == owner):
                    # kept for when the earlier stance is the only one the article gives
                    recalled_troops[code] = _troops(sentence, status, *stretch)
                target.add_evidence(sentence)
                continue
            if target.status is None or STATUS_RANK[status] > STATUS_RANK[target.status] \
                    or (target.status == "withdrawn" and status in ("conditional", "committed")):
                # a pledge taken back and then renewed on terms ("reneged ... will only send troops if") is the renewed one
                target.status = status
            target.add_evidence(sentence)
            stretch = stretches.get(code) or _from_own_cue(sentence, given[code][1] - span.start)
            figures_here = _troops(sentence, status, *stretch) if code in stretches or code == owner else {}
            had = {key for key, value in target.troops.items() if value is not None}
            if figures_here and had and not (("deployed" in had) != ("deployed" in figures_here) and not had & set(figures_here)):
                # The country already has its figure from an earlier sentence: a later one replaces it only
                # when it gives the total ("... a total of 8,000"); otherwise it is a detail (a first wave).
                # (Troops there and troops promised are two facts: "the first 120 have arrived ... 600 committed
                # in total" gives both.)
                chosen = _chosen_figure(sentence, *stretch)
                if chosen is None or not chosen.total:
                    figures_here = {}
                else:
                    target.troops.update({key: None for key in target.troops})
            for key, value in figures_here.items():
                if target.troops.get(key) is None:
                    target.troops[key] = value
        if TERMS_TO_COME.search(sentence):
            announced = [code for code, (status, _) in given.items() if status == "conditional"]
        run = _longest_list(text, speakers)
        if len(run) > 1:
            last_list = run
            if all(code in given for code in run) and len({given[code][1] for code in run}) == 1:
                last_group = run  # one stance given to the whole list
        subjects_here = [code for code in given if given[code][0] != "considering"]
        # (a country named as a hyphenated adjective is not what the sentence is about: "the US-brokered agreement";
        # nor is a country named as a place: "conflict zones like Ukraine or Gaza")
        distinct = list(dict.fromkeys(x.code for x in named if not HYPHENATED_ADJECTIVE.match(text, x.end) and not _a_place(text, x)))
        if len(subjects_here) == 1:
            context = subjects_here[0]
        elif not given and (re.search(r"\?[”\"’']*\s*$", sentence) or FIRST_PERSON_OPENING.match(sentence)):
            # a question ("And Berlin?") names whom it asks about, and the speaker's "we talk to our French friends"
            # whom they speak of: what follows still speaks for the speaker
            pass
        elif len(distinct) == 1:
            context = distinct[0]
        elif len(distinct) > 1:
            context = _sentence_subject(text, speakers, span.start)

    # an earlier stance ("last week Chile approved ...") is applied first, so that a figure given
    # later without a stance of its own ("up to 8,000 soldiers could be ready") fills it in
    for code, (status, pool) in recalled.items():
        target = found[code]
        if target.status is None and status:
            target.status = status
            if all(v is None for v in target.troops.values()):
                target.troops.update(recalled_troops.get(code, {}))
        elif target.status == "withdrawn" and all(v is None for v in target.troops.values()):
            # the offer taken back keeps its size as an offer ("had offered up to 1,000 personnel ... put on hold")
            earlier = recalled_troops.get(code, {})
            if earlier.get("committed") is not None:
                earlier = {"offered_min": earlier["committed"], "offered_max": earlier["committed"]}
            target.troops.update({k: v for k, v in earlier.items() if k.startswith("offered") and v is not None})
        if target.status in (None, "conditional"):
            for c in pool:
                if not any(x.category == c.category for x in target.conditions):
                    target.conditions.append(c)
    for code, sentence in pending.items():
        target = found.get(code)
        if target is None or not target.status:
            continue
        chosen = _chosen_figure(sentence)
        if all(v is None for v in target.troops.values()) or (chosen is not None and chosen.total):
            # a figure with no stance of its own fills in, or gives the total ("A total of 8,000 could follow by June")
            target.troops.update({key: None for key in target.troops})
            target.troops.update(_troops(sentence, target.status))
            target.add_evidence(sentence)
    for code, sentence in limited.items():
        # combat troops refused, and no people offered otherwise ("will not send combat troops, but is ready to help
        # with planning"): a refusal after all
        target = suggestion(code)
        offers_people = any(PEOPLE_WORD.search(re.sub(COMBAT_TROOPS, "", e)) for e in target.evidence)
        if target.status is None or (target.status != "declined" and not offers_people):
            target.status = "declined"
            target.add_evidence(sentence)
    for code in undecided:
        _press_gives_way(found[code], own_status.get(code), press_status.get(code), press_sentences)
        if found[code].status == "committed":
            found[code].status = "considering"  # "has offered to send troops" ... "has not yet decided whether to contribute"
    for target in found.values():
        # a single figure pledged and then made conditional, or still weighed, is an offer
        if target.status in ("conditional", "considering") and target.troops.get("committed") is not None \
                and target.troops.get("offered_min") is None and target.troops.get("offered_max") is None:
            value = target.troops["committed"]
            target.troops.update({"committed": None, "offered_min": value, "offered_max": value})
    for target in found.values():
        _drop_unnamed_demands(target)
        if target.status in ("declined", "withdrawn"):
            # a refusal that stands has no terms: those said before it, or recalled, are no longer the country's
            target.conditions = []
        if target.status == "declined":
            # ... nor troops: a figure pledged before the refusal no longer stands ("will contribute 200 troops", then
            # "later clarified that it will not send troops"); a withdrawal keeps what was offered, as history
            target.troops.update({key: None for key in target.troops})
    ordered = sorted((s for s in found.values() if s.country not in NOT_CONTRIBUTORS), key=lambda s: s.country)
    return [s for s in ordered if s.status is not None or s.conditions]
