"""Country codes, names, flags and aliases: ISO 3166-1 through pycountry, plus our own short list
of the names newsrooms actually use ("the UAE", "Turkey", "the US") and codes ISO leaves to users."""

from __future__ import annotations

import re
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
# How newsrooms name a country's people or government, for the countries of every region.
DEMONYMS = {
    "Afghan": "AFG", "Albanian": "ALB", "Algerian": "DZA", "American": "USA", "Angolan": "AGO",
    "Argentine": "ARG", "Argentinian": "ARG", "Armenian": "ARM", "Australian": "AUS", "Austrian": "AUT",
    "Azerbaijani": "AZE", "Azeri": "AZE", "Bahraini": "BHR", "Bangladeshi": "BGD", "Belarusian": "BLR",
    "Belgian": "BEL", "Beninese": "BEN", "Bhutanese": "BTN", "Bolivian": "BOL", "Bosnian": "BIH",
    "Botswanan": "BWA", "Brazilian": "BRA", "British": "GBR", "Bruneian": "BRN", "Bulgarian": "BGR",
    "Burkinabe": "BFA", "Burmese": "MMR", "Burundian": "BDI", "Cambodian": "KHM", "Cameroonian": "CMR",
    "Canadian": "CAN", "Chadian": "TCD", "Chilean": "CHL", "Chinese": "CHN", "Colombian": "COL",
    "Congolese": "COD", "Costa Rican": "CRI", "Croatian": "HRV", "Cuban": "CUB", "Cypriot": "CYP",
    "Czech": "CZE", "Danish": "DNK", "Djiboutian": "DJI", "Dominican": "DOM", "Dutch": "NLD",
    "Ecuadorean": "ECU", "Ecuadorian": "ECU", "Egyptian": "EGY", "Emirati": "ARE", "Eritrean": "ERI",
    "Estonian": "EST", "Ethiopian": "ETH", "Fijian": "FJI", "Filipino": "PHL", "Finnish": "FIN",
    "French": "FRA", "Gabonese": "GAB", "Gambian": "GMB", "Georgian": "GEO", "German": "DEU", "Ghanaian": "GHA",
    "Greek": "GRC", "Guatemalan": "GTM", "Guinean": "GIN", "Haitian": "HTI", "Honduran": "HND",
    "Hungarian": "HUN", "Icelandic": "ISL", "Indian": "IND", "Indonesian": "IDN", "Iranian": "IRN",
    "Iraqi": "IRQ", "Irish": "IRL", "Israeli": "ISR", "Italian": "ITA", "Ivorian": "CIV", "Jamaican": "JAM", "Japanese": "JPN",
    "Jordanian": "JOR", "Kazakh": "KAZ", "Kazakhstani": "KAZ", "Kenyan": "KEN", "Kosovar": "XKX", "Kosovan": "XKX",
    "Kuwaiti": "KWT", "Kyrgyz": "KGZ", "Laotian": "LAO", "Latvian": "LVA", "Lebanese": "LBN", "Liberian": "LBR",
    "Libyan": "LBY", "Lithuanian": "LTU", "Luxembourgish": "LUX", "Macedonian": "MKD", "Malagasy": "MDG",
    "Malawian": "MWI", "Malaysian": "MYS", "Maldivian": "MDV", "Malian": "MLI", "Maltese": "MLT", "Mauritanian": "MRT",
    "Mexican": "MEX", "Moldovan": "MDA", "Mongolian": "MNG", "Montenegrin": "MNE", "Moroccan": "MAR",
    "Mozambican": "MOZ", "Namibian": "NAM", "Nepalese": "NPL", "Nepali": "NPL", "Nicaraguan": "NIC",
    "Nigerian": "NGA", "Nigerien": "NER", "Norwegian": "NOR", "Omani": "OMN", "Pakistani": "PAK",
    "Palestinian": "PSE", "Panamanian": "PAN", "Papua New Guinean": "PNG", "Paraguayan": "PRY",
    "Peruvian": "PER", "Philippine": "PHL", "Polish": "POL", "Portuguese": "PRT", "Qatari": "QAT",
    "Romanian": "ROU", "Russian": "RUS", "Rwandan": "RWA", "Salvadoran": "SLV", "Saudi": "SAU",
    "Senegalese": "SEN", "Serbian": "SRB", "Sierra Leonean": "SLE", "Singaporean": "SGP", "Slovak": "SVK",
    "Slovenian": "SVN", "Somali": "SOM", "South African": "ZAF", "South Korean": "KOR", "Spanish": "ESP",
    "Sri Lankan": "LKA", "Sudanese": "SDN", "Swedish": "SWE", "Swiss": "CHE", "Syrian": "SYR", "Tajik": "TJK",
    "Tanzanian": "TZA", "Thai": "THA", "Timorese": "TLS", "Togolese": "TGO", "Tunisian": "TUN",
    "Turkish": "TUR", "Turkmen": "TKM", "Ugandan": "UGA", "Ukrainian": "UKR", "Uruguayan": "URY",
    "Uzbek": "UZB", "Venezuelan": "VEN", "Vietnamese": "VNM", "Yemeni": "YEM", "Zambian": "ZMB",
    "Zimbabwean": "ZWE",
}

# Capitals stand for their governments in news copy ("Jakarta said ..."), for the countries of every
# region that are or may be asked to contribute. Left out: capitals that are also common words or
# names in English copy ("Male", "Victoria", "Kingston"), and cities that stand for something else
# ("Brussels" for the EU, "The Hague" for its courts).
CAPITALS = {
    "Abu Dhabi": "ARE", "Abuja": "NGA", "Accra": "GHA", "Addis Ababa": "ETH", "Algiers": "DZA", "Amman": "JOR",
    "Ankara": "TUR", "Antananarivo": "MDG", "Ashgabat": "TKM", "Asmara": "ERI", "Astana": "KAZ",
    "Asuncion": "PRY", "Asunción": "PRY", "Athens": "GRC", "Baghdad": "IRQ", "Baku": "AZE", "Bamako": "MLI",
    "Bandar Seri Begawan": "BRN", "Bangkok": "THA", "Banjul": "GMB", "Beijing": "CHN", "Beirut": "LBN",
    "Belgrade": "SRB", "Berlin": "DEU", "Bern": "CHE", "Bishkek": "KGZ", "Bogota": "COL", "Bogotá": "COL",
    "Brasilia": "BRA", "Brasília": "BRA", "Bratislava": "SVK", "Bucharest": "ROU", "Budapest": "HUN",
    "Buenos Aires": "ARG", "Bujumbura": "BDI", "Cairo": "EGY", "Canberra": "AUS", "Caracas": "VEN",
    "Chisinau": "MDA", "Colombo": "LKA", "Conakry": "GIN", "Copenhagen": "DNK", "Cotonou": "BEN",
    "Dakar": "SEN", "Damascus": "SYR", "Dhaka": "BGD", "Dili": "TLS", "Djibouti City": "DJI", "Dodoma": "TZA",
    "Doha": "QAT", "Dublin": "IRL", "Dushanbe": "TJK", "Freetown": "SLE", "Gaborone": "BWA",
    "Guatemala City": "GTM", "Hanoi": "VNM", "Harare": "ZWE", "Havana": "CUB", "Helsinki": "FIN",
    "Islamabad": "PAK", "Jakarta": "IDN", "Kabul": "AFG", "Kampala": "UGA", "Kathmandu": "NPL",
    "Khartoum": "SDN", "Kigali": "RWA", "Kinshasa": "COD", "Kuala Lumpur": "MYS", "Kuwait City": "KWT",
    "Kyiv": "UKR", "La Paz": "BOL", "Libreville": "GAB", "Lilongwe": "MWI", "Lima": "PER", "Lisbon": "PRT",
    "Ljubljana": "SVN", "Lome": "TGO", "Lomé": "TGO", "London": "GBR", "Luanda": "AGO", "Lusaka": "ZMB",
    "Luxembourg City": "LUX", "Madrid": "ESP", "Managua": "NIC", "Manama": "BHR", "Manila": "PHL",
    "Maputo": "MOZ", "Mexico City": "MEX", "Minsk": "BLR", "Mogadishu": "SOM", "Monrovia": "LBR",
    "Montevideo": "URY", "Moscow": "RUS", "Muscat": "OMN", "N'Djamena": "TCD", "Nairobi": "KEN",
    "Naypyidaw": "MMR", "New Delhi": "IND", "Niamey": "NER", "Nicosia": "CYP", "Nouakchott": "MRT",
    "Nur-Sultan": "KAZ", "Oslo": "NOR", "Ottawa": "CAN", "Ouagadougou": "BFA", "Panama City": "PAN",
    "Paris": "FRA", "Phnom Penh": "KHM", "Podgorica": "MNE", "Port Moresby": "PNG", "Port-au-Prince": "HTI",
    "Prague": "CZE", "Pretoria": "ZAF", "Pristina": "XKX", "Pyongyang": "PRK", "Quito": "ECU", "Rabat": "MAR",
    "Reykjavik": "ISL", "Riga": "LVA", "Riyadh": "SAU", "Rome": "ITA", "San José": "CRI", "San Salvador": "SLV",
    "Sanaa": "YEM", "Santiago": "CHL", "Santo Domingo": "DOM", "Sarajevo": "BIH", "Seoul": "KOR",
    "Singapore": "SGP", "Skopje": "MKD", "Sofia": "BGR", "Stockholm": "SWE", "Suva": "FJI", "Tallinn": "EST",
    "Tashkent": "UZB", "Tbilisi": "GEO", "Tegucigalpa": "HND", "Tehran": "IRN", "Thimphu": "BTN",
    "Tirana": "ALB", "Tokyo": "JPN", "Tunis": "TUN", "Ulaanbaatar": "MNG", "Valletta": "MLT", "Vienna": "AUT",
    "Vientiane": "LAO", "Vilnius": "LTU", "Warsaw": "POL", "Washington": "USA", "Wellington": "NZL",
    "Windhoek": "NAM", "Yaounde": "CMR", "Yaoundé": "CMR", "Yerevan": "ARM", "Zagreb": "HRV",
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


# Regions as newsrooms describe a country without naming it ("the Central Asian republic", "the Gulf state"):
# which countries each description can stand for.
REGIONS = {
    "Central Asian": {"KAZ", "KGZ", "TJK", "TKM", "UZB"},
    "South Asian": {"AFG", "BGD", "BTN", "IND", "LKA", "MDV", "NPL", "PAK"},
    "Southeast Asian": {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM"},
    "Gulf": {"ARE", "BHR", "KWT", "OMN", "QAT", "SAU"},
    "Caucasus": {"ARM", "AZE", "GEO"},
    "South Caucasus": {"ARM", "AZE", "GEO"},
    "Balkan": {"ALB", "BIH", "BGR", "GRC", "HRV", "MKD", "MNE", "ROU", "SRB", "SVN", "XKX"},
    "Nordic": {"DNK", "FIN", "ISL", "NOR", "SWE"},
    "Scandinavian": {"DNK", "NOR", "SWE"},
    "Baltic": {"EST", "LTU", "LVA"},
    "North African": {"DZA", "EGY", "LBY", "MAR", "TUN"},
    "West African": {"BEN", "BFA", "CIV", "CPV", "GHA", "GIN", "GMB", "GNB", "LBR", "MLI", "MRT", "NER", "NGA", "SEN", "SLE", "TGO"},
    "East African": {"BDI", "DJI", "ERI", "ETH", "KEN", "RWA", "SOM", "SSD", "TZA", "UGA"},
    "South American": {"ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PER", "PRY", "SUR", "URY", "VEN"},
    "Central American": {"BLZ", "CRI", "GTM", "HND", "NIC", "PAN", "SLV"},
    "Caribbean": {"ATG", "BHS", "BRB", "CUB", "DMA", "DOM", "GRD", "HTI", "JAM", "KNA", "LCA", "TTO", "VCT"},
    "Pacific": {"FJI", "FSM", "KIR", "MHL", "NRU", "PLW", "PNG", "SLB", "TON", "TUV", "VUT", "WSM"},
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


_WORD_BREAK = re.compile(r"[^\w]+")


def search_countries(query: str, limit: int = 20) -> list[CountryInfo]:
    """Countries whose code, name, alias or demonym ("Emirati") starts with QUERY (folded), or has a
    word that does ("guinea" finds Papua New Guinea; "bra" finds Brazil, not Gibraltar), best first."""
    folded = _fold(query)
    if not folded:
        return []
    scored: dict[str, int] = {}
    as_words = " " + _WORD_BREAK.sub(" ", folded).strip()

    def consider(code: str, name: str) -> None:
        n = _fold(name)
        if folded == n or folded == code.lower():
            score = 0
        elif n.startswith(folded):
            score = 1
        elif as_words.strip() and as_words in " " + _WORD_BREAK.sub(" ", n):
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
