"""A small generic gazetteer: countries and first-level regions, used to type ranked answers."""

from __future__ import annotations

from functools import lru_cache

from quizapp.generate.lexicon import data_words

COUNTRIES = """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|
Canada|Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Denmark|
Djibouti|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Honduras|
Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|
Kazakhstan|Kenya|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Liberia|Libya|Lithuania|Luxembourg|
Madagascar|Malawi|Malaysia|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|
Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|
Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Panama|Papua New Guinea|Paraguay|
Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|
Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|
Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|
Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|
United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe"""

# Other spellings that name the same country.
COUNTRY_ALIASES = {
    "U.S.": "United States",
    "U.S": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "the United States": "United States",
    "U.K.": "United Kingdom",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "England": "United Kingdom",
    "Holland": "Netherlands",
    "UAE": "United Arab Emirates",
}

REGIONS = {
    ("province", "Canada"): """Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|
Nova Scotia|New Brunswick|Newfoundland and Labrador|Prince Edward Island""",
    ("state", "United States"): """Alabama|Alaska|Arizona|Arkansas|California|Colorado|
Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|
Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|
Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|
Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|
Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming""",
    ("state", "Mexico"): """Aguascalientes|Baja California|Baja California Sur|Campeche|Chiapas|
Chihuahua|Coahuila|Colima|Durango|Guanajuato|Guerrero|Hidalgo|Jalisco|Michoacan|Morelos|
Nayarit|Nuevo Leon|Oaxaca|Puebla|Queretaro|Quintana Roo|San Luis Potosi|Sinaloa|Sonora|
Tabasco|Tamaulipas|Tlaxcala|Veracruz|Yucatan|Zacatecas""",
    ("state", "Australia"): """New South Wales|Victoria|Queensland|Western Australia|
South Australia|Tasmania""",
    ("city", "Canada"): "Toronto|Montreal|Vancouver|Calgary|Edmonton|Ottawa|Winnipeg|Halifax",
    ("city", "United States"): """New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|
San Antonio|San Diego|Dallas|Boston|Seattle|Denver|Miami|Atlanta|Detroit""",
    ("city", "Mexico"): "Mexico City|Guadalajara|Monterrey|Puebla|Tijuana|Cancun|Merida",
    ("city", "United Kingdom"): "London|Birmingham|Manchester|Glasgow|Liverpool|Leeds|Edinburgh",
    ("city", "Australia"): "Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra",
    ("city", "Germany"): "Berlin|Hamburg|Munich|Cologne|Frankfurt|Stuttgart",
    ("city", "France"): "Paris|Marseille|Lyon|Toulouse|Nice|Lille",
}


def _split(names: str) -> list[str]:
    return [n.strip() for n in names.replace("\n", "").split("|") if n.strip()]


COUNTRY_LIST = _split(COUNTRIES)
REGION_LISTS = {key: _split(names) for key, names in REGIONS.items()}
# Lookups by name (the lists keep their order for distractors): place_type() is called for
# every capitalised candidate, a scan of every list per call on an article naming thousands.
_COUNTRY_SET = frozenset(COUNTRY_LIST)
_REGION_OF: dict[str, tuple[str, str | None]] = {}
for _key, _names in REGION_LISTS.items():
    for _name in _names:
        _REGION_OF.setdefault(_name, _key)

# Demonyms that may precede a title ("Canadian Prime Minister").
DEMONYMS = data_words("demonyms")


def canonical_country(name: str) -> str | None:
    """The canonical country name for name (or an alias such as "the U.S."), else None."""
    bare = name[4:] if name.startswith("the ") else name
    if bare in _COUNTRY_SET:
        return bare
    return COUNTRY_ALIASES.get(bare) or COUNTRY_ALIASES.get(name)


@lru_cache(maxsize=16384)  # asked of every capitalised word of every name
def place_type(name: str) -> tuple[str, str | None] | None:
    """("country", None), ("province", "Canada"), ("city", "Mexico") ... or None if unknown."""
    if canonical_country(name):
        return ("country", None)
    return _REGION_OF.get(name)


def is_place(name: str) -> bool:
    """True when name is a known country, region or city."""
    return place_type(name) is not None


def places_of_type(kind: tuple[str, str | None]) -> list[str]:
    """All known places of the given type."""
    if kind[0] == "country":
        return list(COUNTRY_LIST)
    return list(REGION_LISTS.get(kind, []))  # type: ignore[arg-type]
