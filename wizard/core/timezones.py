"""Time zones as people name them: a city, in English or Ukrainian («Київ», "Kyiv",
"Kiev", «Львів», "Lviv"), or an IANA name ("Europe/Kyiv"). The file keeps the IANA
name; the wizard shows the city. No Textual here.

`zone_for` reads what was typed (a city of `CITIES`, any case, with or without
apostrophes, hyphens, accents or a leading «м.»; or an IANA name in any case) and
gives the IANA name, or None. `city_of` names a zone's city in the interface
language. `suggestions` lists what to complete while typing, for the interface
language: the cities in its language first (Kyiv first), then in the other, then
the IANA names (the cities' zones first, so `Europe/K` offers Europe/Kyiv before
Europe/Kaliningrad).
"""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class City:
    """A city and its zone: its English and Ukrainian names, and other spellings."""

    zone: str
    en: str
    uk: str
    also: tuple[str, ...] = ()


def _c(zone: str, en: str, uk: str, *also: str) -> City:
    return City(zone, en, uk, also)


CITIES: tuple[City, ...] = (
    # Ukraine: one zone. The first city of a zone is the one a field shows for it.
    _c("Europe/Kyiv", "Kyiv", "Київ", "Kiev", "Kyjiw", "Kijów", "Киев"),
    _c("Europe/Kyiv", "Lviv", "Львів", "Lvov", "Lwów", "Lemberg", "Львов"),
    _c("Europe/Kyiv", "Odesa", "Одеса", "Odessa", "Одесса"),
    _c("Europe/Kyiv", "Kharkiv", "Харків", "Kharkov", "Харьков"),
    _c("Europe/Kyiv", "Dnipro", "Дніпро", "Dnepr", "Днепр"),
    _c("Europe/Kyiv", "Zaporizhzhia", "Запоріжжя", "Zaporizhia", "Zaporozhye"),
    _c("Europe/Kyiv", "Vinnytsia", "Вінниця", "Vinnitsa"),
    _c("Europe/Kyiv", "Poltava", "Полтава"),
    _c("Europe/Kyiv", "Chernihiv", "Чернігів"),
    _c("Europe/Kyiv", "Cherkasy", "Черкаси"),
    _c("Europe/Kyiv", "Sumy", "Суми"),
    _c("Europe/Kyiv", "Zhytomyr", "Житомир"),
    _c("Europe/Kyiv", "Rivne", "Рівне"),
    _c("Europe/Kyiv", "Lutsk", "Луцьк"),
    _c("Europe/Kyiv", "Ternopil", "Тернопіль"),
    _c("Europe/Kyiv", "Khmelnytskyi", "Хмельницький"),
    _c("Europe/Kyiv", "Ivano-Frankivsk", "Івано-Франківськ"),
    _c("Europe/Kyiv", "Chernivtsi", "Чернівці"),
    _c("Europe/Kyiv", "Uzhhorod", "Ужгород", "Uzhgorod"),
    _c("Europe/Kyiv", "Mukachevo", "Мукачево"),
    _c("Europe/Kyiv", "Mykolaiv", "Миколаїв"),
    _c("Europe/Kyiv", "Kherson", "Херсон"),
    _c("Europe/Kyiv", "Kropyvnytskyi", "Кропивницький"),
    _c("Europe/Kyiv", "Kryvyi Rih", "Кривий Ріг"),
    _c("Europe/Kyiv", "Bila Tserkva", "Біла Церква"),
    # The capitals of Europe (and some other cities people work with).
    _c("Europe/Warsaw", "Warsaw", "Варшава", "Warszawa"),
    _c("Europe/Warsaw", "Krakow", "Краків", "Kraków", "Cracow"),
    _c("Europe/Warsaw", "Wroclaw", "Вроцлав", "Wrocław"),
    _c("Europe/Berlin", "Berlin", "Берлін"),
    _c("Europe/Berlin", "Munich", "Мюнхен", "München"),
    _c("Europe/Berlin", "Frankfurt", "Франкфурт"),
    _c("Europe/Berlin", "Hamburg", "Гамбург"),
    _c("Europe/London", "London", "Лондон"),
    _c("Europe/London", "Edinburgh", "Единбург"),
    _c("Europe/Dublin", "Dublin", "Дублін"),
    _c("Europe/Paris", "Paris", "Париж"),
    _c("Europe/Brussels", "Brussels", "Брюссель", "Bruxelles", "Brussel"),
    _c("Europe/Amsterdam", "Amsterdam", "Амстердам"),
    _c("Europe/Luxembourg", "Luxembourg", "Люксембург"),
    _c("Europe/Zurich", "Zurich", "Цюрих", "Zürich"),
    _c("Europe/Zurich", "Bern", "Берн"),
    _c("Europe/Zurich", "Geneva", "Женева", "Genève"),
    _c("Europe/Vienna", "Vienna", "Відень", "Wien"),
    _c("Europe/Prague", "Prague", "Прага", "Praha"),
    _c("Europe/Bratislava", "Bratislava", "Братислава"),
    _c("Europe/Budapest", "Budapest", "Будапешт"),
    _c("Europe/Ljubljana", "Ljubljana", "Любляна"),
    _c("Europe/Zagreb", "Zagreb", "Загреб"),
    _c("Europe/Sarajevo", "Sarajevo", "Сараєво"),
    _c("Europe/Belgrade", "Belgrade", "Белград", "Beograd"),
    _c("Europe/Belgrade", "Pristina", "Приштина", "Prishtina"),
    _c("Europe/Podgorica", "Podgorica", "Подгориця"),
    _c("Europe/Skopje", "Skopje", "Скоп'є"),
    _c("Europe/Tirane", "Tirana", "Тирана"),
    _c("Europe/Sofia", "Sofia", "Софія"),
    _c("Europe/Bucharest", "Bucharest", "Бухарест", "București"),
    _c("Europe/Chisinau", "Chisinau", "Кишинів", "Chișinău", "Kishinev"),
    _c("Europe/Athens", "Athens", "Афіни"),
    _c("Asia/Nicosia", "Nicosia", "Нікосія"),
    _c("Europe/Istanbul", "Istanbul", "Стамбул"),
    _c("Europe/Istanbul", "Ankara", "Анкара"),
    _c("Europe/Rome", "Rome", "Рим", "Roma"),
    _c("Europe/Rome", "Milan", "Мілан", "Milano"),
    _c("Europe/Vatican", "Vatican City", "Ватикан"),
    _c("Europe/San_Marino", "San Marino", "Сан-Марино"),
    _c("Europe/Malta", "Valletta", "Валлетта"),
    _c("Europe/Madrid", "Madrid", "Мадрид"),
    _c("Europe/Madrid", "Barcelona", "Барселона"),
    _c("Europe/Andorra", "Andorra la Vella", "Андорра-ла-Велья", "Andorra"),
    _c("Europe/Lisbon", "Lisbon", "Лісабон", "Lisboa"),
    _c("Europe/Monaco", "Monaco", "Монако"),
    _c("Europe/Vaduz", "Vaduz", "Вадуц"),
    _c("Europe/Copenhagen", "Copenhagen", "Копенгаген", "København"),
    _c("Europe/Oslo", "Oslo", "Осло"),
    _c("Europe/Stockholm", "Stockholm", "Стокгольм"),
    _c("Europe/Helsinki", "Helsinki", "Гельсінкі"),
    _c("Atlantic/Reykjavik", "Reykjavik", "Рейк'явік", "Reykjavík"),
    _c("Europe/Tallinn", "Tallinn", "Таллінн"),
    _c("Europe/Riga", "Riga", "Рига"),
    _c("Europe/Vilnius", "Vilnius", "Вільнюс"),
    _c("Europe/Minsk", "Minsk", "Мінськ"),
    _c("Europe/Moscow", "Moscow", "Москва"),
    _c("Asia/Tbilisi", "Tbilisi", "Тбілісі"),
    _c("Asia/Yerevan", "Yerevan", "Єреван"),
    _c("Asia/Baku", "Baku", "Баку"),
    # The capitals of North America, Central America and the Caribbean, and its
    # largest cities.
    _c("America/New_York", "New York", "Нью-Йорк", "NYC"),
    _c("America/New_York", "Washington", "Вашингтон", "Washington, D.C.", "Washington DC"),
    _c("America/New_York", "Boston", "Бостон"),
    _c("America/New_York", "Miami", "Маямі"),
    _c("America/Chicago", "Chicago", "Чикаго"),
    _c("America/Chicago", "Houston", "Х'юстон"),
    _c("America/Chicago", "Dallas", "Даллас"),
    _c("America/Denver", "Denver", "Денвер"),
    _c("America/Phoenix", "Phoenix", "Фінікс"),
    _c("America/Los_Angeles", "Los Angeles", "Лос-Анджелес", "LA"),
    _c("America/Los_Angeles", "San Francisco", "Сан-Франциско"),
    _c("America/Los_Angeles", "Seattle", "Сіетл"),
    _c("America/Anchorage", "Anchorage", "Анкоридж"),
    _c("Pacific/Honolulu", "Honolulu", "Гонолулу"),
    _c("America/Toronto", "Toronto", "Торонто"),
    _c("America/Toronto", "Ottawa", "Оттава"),
    _c("America/Toronto", "Montreal", "Монреаль", "Montréal"),
    _c("America/Vancouver", "Vancouver", "Ванкувер"),
    _c("America/Edmonton", "Calgary", "Калгарі"),
    _c("America/Edmonton", "Edmonton", "Едмонтон"),
    _c("America/Winnipeg", "Winnipeg", "Вінніпег"),
    _c("America/Halifax", "Halifax", "Галіфакс"),
    _c("America/Mexico_City", "Mexico City", "Мехіко", "Ciudad de México"),
    _c("America/Guatemala", "Guatemala City", "Гватемала"),
    _c("America/Belize", "Belmopan", "Бельмопан"),
    _c("America/El_Salvador", "San Salvador", "Сан-Сальвадор"),
    _c("America/Tegucigalpa", "Tegucigalpa", "Тегусігальпа"),
    _c("America/Managua", "Managua", "Манагуа"),
    _c("America/Costa_Rica", "San José", "Сан-Хосе"),
    _c("America/Panama", "Panama City", "Панама"),
    _c("America/Havana", "Havana", "Гавана", "La Habana"),
    _c("America/Jamaica", "Kingston", "Кінгстон"),
    _c("America/Port-au-Prince", "Port-au-Prince", "Порт-о-Пренс"),
    _c("America/Santo_Domingo", "Santo Domingo", "Санто-Домінго"),
    _c("America/Nassau", "Nassau", "Нассау"),
    # The world's main cities.
    _c("America/Sao_Paulo", "São Paulo", "Сан-Паулу"),
    _c("America/Sao_Paulo", "Rio de Janeiro", "Ріо-де-Жанейро"),
    _c("America/Argentina/Buenos_Aires", "Buenos Aires", "Буенос-Айрес"),
    _c("America/Santiago", "Santiago", "Сантьяго"),
    _c("America/Lima", "Lima", "Ліма"),
    _c("America/Bogota", "Bogotá", "Богота"),
    _c("Africa/Cairo", "Cairo", "Каїр"),
    _c("Africa/Lagos", "Lagos", "Лагос"),
    _c("Africa/Nairobi", "Nairobi", "Найробі"),
    _c("Africa/Johannesburg", "Johannesburg", "Йоганнесбург"),
    _c("Africa/Casablanca", "Casablanca", "Касабланка"),
    _c("Asia/Jerusalem", "Jerusalem", "Єрусалим"),
    _c("Asia/Jerusalem", "Tel Aviv", "Тель-Авів"),
    _c("Asia/Dubai", "Dubai", "Дубай"),
    _c("Asia/Dubai", "Abu Dhabi", "Абу-Дабі"),
    _c("Asia/Qatar", "Doha", "Доха"),
    _c("Asia/Riyadh", "Riyadh", "Ер-Ріяд"),
    _c("Asia/Almaty", "Almaty", "Алмати"),
    _c("Asia/Almaty", "Astana", "Астана"),
    _c("Asia/Tashkent", "Tashkent", "Ташкент"),
    _c("Asia/Kolkata", "New Delhi", "Нью-Делі", "Delhi"),
    _c("Asia/Kolkata", "Mumbai", "Мумбаї", "Bombay"),
    _c("Asia/Bangkok", "Bangkok", "Бангкок"),
    _c("Asia/Singapore", "Singapore", "Сінгапур"),
    _c("Asia/Jakarta", "Jakarta", "Джакарта"),
    _c("Asia/Manila", "Manila", "Маніла"),
    _c("Asia/Hong_Kong", "Hong Kong", "Гонконг"),
    _c("Asia/Shanghai", "Shanghai", "Шанхай"),
    _c("Asia/Shanghai", "Beijing", "Пекін"),
    _c("Asia/Taipei", "Taipei", "Тайбей"),
    _c("Asia/Seoul", "Seoul", "Сеул"),
    _c("Asia/Tokyo", "Tokyo", "Токіо"),
    _c("Australia/Sydney", "Sydney", "Сідней"),
    _c("Australia/Melbourne", "Melbourne", "Мельбурн"),
    _c("Pacific/Auckland", "Auckland", "Окленд"),
)
"""Cities people type for a time zone, Ukraine's first and Kyiv first of all."""

_APOSTROPHES = re.compile(r"[’ʼ'`´]")
_SEPARATORS = re.compile(r"[\s\-–—_.,]+")
_CITY_WORD = re.compile(r"^(?:м\.|місто|city of)\s*")


def _key(text: str) -> str:
    """A name as compared: case folded, accents, apostrophes, hyphens and spaces
    gone, a leading «м.» (місто) dropped."""
    folded = _CITY_WORD.sub("", text.strip().casefold())
    decomposed = unicodedata.normalize("NFKD", folded)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub("", _APOSTROPHES.sub("", plain))


@cache
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for city in CITIES:
        for name in (city.en, city.uk, *city.also):
            names.setdefault(_key(name), city.zone)
    return names


@cache
def zone_names() -> dict[str, str]:
    """Every IANA name this machine knows, by its case-folded form."""
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def zone_for(text: str) -> str | None:
    """The IANA name for what was typed: a city (either language, any spelling of
    `CITIES`) or an IANA name in any case; None when it names no zone."""
    typed = text.strip()
    if not typed:
        return None
    # A city first: "Singapore" is the city's zone (Asia/Singapore), not the old
    # top-level name the database keeps for it.
    zone = _by_name().get(_key(typed))
    if zone is not None:
        return zone
    return zone_names().get(typed.casefold())


def city_of(zone: str, lang: str) -> str | None:
    """The name of `zone`'s city in `lang` ("Київ" for Europe/Kyiv in Ukrainian), or
    None for a zone without a city here."""
    for city in CITIES:
        if city.zone == zone:
            return city.uk if lang == "uk" else city.en
    return None


@cache
def suggestions(lang: str) -> tuple[str, ...]:
    """What to complete while typing, best first: the cities in `lang`, then in the
    other language, then the IANA names (the cities' zones first, in their order)."""
    first = [city.uk if lang == "uk" else city.en for city in CITIES]
    second = [city.en if lang == "uk" else city.uk for city in CITIES]
    known = sorted(zoneinfo.available_timezones())
    preferred = [zone for zone in dict.fromkeys(city.zone for city in CITIES) if zone in known]
    return tuple(dict.fromkeys([*first, *second, *preferred, *known]))
