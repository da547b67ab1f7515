"""Country codes, names, flags and aliases: ISO 3166-1 through pycountry, plus our own short list
of the names newsrooms actually use ("the UAE", "Turkey", "the US") and codes ISO leaves to users."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry


@dataclass(frozen=True)
class CountryInfo:
    code: str
    alpha2: str
    name: str

    @property
    def flag(self) -> str:
        return flag_emoji(self.alpha2)


# Codes in use by international bodies but outside ISO 3166-1 proper.
EXTRA_COUNTRIES = {
    "XKX": CountryInfo("XKX", "XK", "Kosovo"),
}

# Shorter or older names for display where pycountry gives a long formal one.
DISPLAY_NAMES = {
    "BOL": "Bolivia",
    "FSM": "Micronesia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
}

# Names and abbreviations found in the news, mapped to alpha-3. Keys are folded (see _fold).
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

ALIASES = {
    "uae": "ARE",
    "the uae": "ARE",
    "emirates": "ARE",
    "turkey": "TUR",
    "turkiye": "TUR",
    "us": "USA",
    "u.s.": "USA",
    "the us": "USA",
    "the u.s.": "USA",
    "usa": "USA",
    "united states": "USA",
    "america": "USA",
    "uk": "GBR",
    "u.k.": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "russia": "RUS",
    "iran": "IRN",
    "syria": "SYR",
    "south korea": "KOR",
    "north korea": "PRK",
    "vietnam": "VNM",
    "laos": "LAO",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "palestine": "PSE",
    "ivory coast": "CIV",
    "czechia": "CZE",
    "czech republic": "CZE",
    "kosovo": "XKX",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def flag_emoji(alpha2: str) -> str:
    """The regional-indicator flag for an alpha-2 code (renders as letters where fonts lack flags)."""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in alpha2.upper())


@lru_cache(maxsize=512)
def country_info(code: str) -> CountryInfo | None:
    """The country for an alpha-3 code, or None if it is not one we know."""
    code = code.upper()
    if code in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[code]
    record = pycountry.countries.get(alpha_3=code)
    if record is None:
        return None
    name = DISPLAY_NAMES.get(code) or getattr(record, "common_name", None) or record.name
    return CountryInfo(record.alpha_3, record.alpha_2, name)


def resolve_country(text: str) -> CountryInfo | None:
    """A country from a code, a name, an official name or an alias; None if nothing matches."""
    folded = _fold(text)
    if not folded:
        return None
    if folded in ALIASES:
        return country_info(ALIASES[folded])
    if len(folded) == 3 and folded.isalpha() and (info := country_info(folded.upper())):
        return info
    for record in pycountry.countries:
        names = (record.name, getattr(record, "common_name", ""), getattr(record, "official_name", ""))
        if any(n and _fold(n) == folded for n in names):
            return country_info(record.alpha_3)
    return None


def search_countries(query: str, limit: int = 20) -> list[CountryInfo]:
    """Countries whose code, name, alias or demonym ("Emirati") contains QUERY (folded), best matches first."""
    folded = _fold(query)
    if not folded:
        return []
    scored: dict[str, int] = {}

    def consider(code: str, name: str) -> None:
        n = _fold(name)
        if folded == n or folded == code.lower():
            score = 0
        elif n.startswith(folded):
            score = 1
        elif folded in n:
            score = 2
        else:
            return
        scored[code] = min(score, scored.get(code, 9))

    for record in pycountry.countries:
        for name in (record.name, getattr(record, "common_name", ""), getattr(record, "official_name", "")):
            if name:
                consider(record.alpha_3, name)
        consider(record.alpha_3, record.alpha_3)
    for alias, code in ALIASES.items():
        consider(code, alias)
    for demonym, code in DEMONYMS.items():
        consider(code, demonym)
    for code, info in EXTRA_COUNTRIES.items():
        consider(code, info.name)
    ranked = sorted(scored, key=lambda code: (scored[code], country_info(code).name))
    return [country_info(code) for code in ranked[:limit]]
