"""`riskcheck data validate`: consistency checks over a data folder, each problem naming file and line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .errors import DataError
from .ruleset import FILES, OPTIONAL_FILES, _one_year_after, read_rows

#: columns every file must have, in order
COLUMNS: dict[str, list[str]] = {
    "states.csv": ["code", "name", "kind", "signed", "signature_withdrawn", "deposited", "deposit_type",
                   "deposit_withdrawn", "entry_into_force", "source", "checked", "confidence", "note"],
    "withdrawals.csv": ["code", "announced", "notified", "effective", "revoked", "source", "checked",
                        "confidence", "note"],
    "territories.csv": ["code", "name", "sovereign", "applies", "start", "end", "source", "checked",
                        "confidence", "note"],
    "successions.csv": ["code", "name", "predecessor", "predecessor_name", "independence", "source", "checked",
                        "confidence", "note"],
    "situations.csv": ["situation", "name", "country", "opened", "trigger", "source", "checked", "note"],
    "other_bases.csv": ["code", "basis", "situation", "start", "end", "crimes_from", "crimes_to", "instrument",
                        "source", "checked", "confidence", "note"],
    "people.csv": ["person_id", "name", "nationality", "born", "source", "checked", "note"],
    "warrants.csv": ["warrant_id", "person_id", "situation", "case_number", "article", "issued", "public",
                     "source", "checked", "confidence", "note"],
    "warrant_events.csv": ["warrant_id", "date", "event", "ends_warrant", "source", "checked", "note"],
    "aliases.csv": ["person_id", "alias", "kind", "lang", "source", "checked"],
    "titles.csv": ["person_id", "title", "start", "end", "source", "checked", "note"],
    "non_compliance.csv": ["code", "person_id", "visit", "decision_date", "referred_to", "decision", "source",
                           "checked", "note"],
    "places.csv": ["alias", "code", "kind", "note"],
    "event_series.csv": ["series", "name", "kind", "aliases", "orgs", "host_rule", "host_country", "host_city",
                         "source", "checked", "note"],
    "events.csv": ["series", "edition", "name", "country", "city", "start", "end", "mode", "source", "checked",
                   "confidence", "note"],
}
#: event knowledge (riskcheck.events): validated with the ruleset's files, loaded separately
EVENT_FILES = ("event_series.csv", "events.csv")
DATE_COLUMNS = {
    "states.csv": ["signed", "signature_withdrawn", "deposited", "deposit_withdrawn", "entry_into_force", "checked"],
    "withdrawals.csv": ["announced", "notified", "effective", "revoked", "checked"],
    "territories.csv": ["start", "end", "checked"],
    "successions.csv": ["independence", "checked"],
    "situations.csv": ["opened", "checked"],
    "other_bases.csv": ["start", "end", "crimes_from", "crimes_to", "checked"],
    "people.csv": ["checked"],
    "warrants.csv": ["issued", "public", "checked"],
    "warrant_events.csv": ["date", "checked"],
    "aliases.csv": ["checked"],
    "titles.csv": ["start", "end", "checked"],
    "non_compliance.csv": ["decision_date", "checked"],
    "event_series.csv": ["checked"],
    "events.csv": ["start", "end", "checked"],
}
UNSOURCED_OK = {"places.csv"}
ENUMS = {
    ("states.csv", "kind"): {"un_member", "observer", "other"},
    ("states.csv", "deposit_type"): {"", "ratification", "accession", "acceptance", "approval", "succession"},
    ("states.csv", "confidence"): {"", "high", "medium", "low"},
    ("withdrawals.csv", "confidence"): {"", "high", "medium", "low"},
    ("territories.csv", "applies"): {"yes", "no"},
    ("successions.csv", "confidence"): {"high", "medium", "low"},
    ("other_bases.csv", "basis"): {"unsc_referral", "article_12_3"},
    ("situations.csv", "trigger"): {"state_referral", "unsc_referral", "proprio_motu"},
    ("warrants.csv", "article"): {"58", "70"},
    ("warrant_events.csv", "event"): {"arrested", "surrendered", "transferred", "died", "withdrawn", "terminated",
                                      "vacated", "convicted", "acquitted", "released", "inadmissible", "sentenced",
                                      "appeal", "unsealed", "other"},
    ("warrant_events.csv", "ends_warrant"): {"yes", "no"},
    ("aliases.csv", "kind"): {"name", "variant", "translit", "native", "surname", "nickname"},
    ("events.csv", "confidence"): {"high", "medium", "low"},
    ("events.csv", "mode"): {"in_person", "virtual", "hybrid"},
    ("event_series.csv", "kind"): {"summit", "forum", "conference", "assembly", "parade", "meeting"},
    ("event_series.csv", "host_rule"): {"rotating", "fixed", "varies"},
    ("places.csv", "kind"): {"country", "city", "demonym", "government", "territory", "region"},
}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
URL = re.compile(r"https?://\S+")
#: the 60th instrument was deposited on this day; all deposits up to it took effect on 2002-07-01
FIRST_SIXTY_LAST_DEPOSIT = date(2002, 4, 11)


def entry_into_force(deposited: date) -> date:
    """Rome Statute art. 126: the first day of the month after the 60th day following deposit.

    >>> entry_into_force(date(2024, 10, 25))
    datetime.date(2025, 1, 1)
    """
    if deposited <= FIRST_SIXTY_LAST_DEPOSIT:
        return date(2002, 7, 1)
    d60 = deposited + timedelta(days=60)
    if d60.month == 12:
        return date(d60.year + 1, 1, 1)
    return date(d60.year, d60.month + 1, 1)


one_year_after = _one_year_after


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


def _valid_codes() -> set[str]:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries}
    codes.add("XK")
    return codes


def validate(path: str | Path) -> list[Problem]:
    """All problems found in the data folder at ``path`` (empty list: consistent)."""
    folder = Path(path)
    problems: list[Problem] = []
    raw: dict[str, list[dict[str, str]]] = {}
    for name in (*FILES, *EVENT_FILES):
        p = folder / name
        if not p.is_file():
            if name not in OPTIONAL_FILES:
                problems.append(Problem(name, 0, "-", "file missing"))
            raw[name] = []
            continue
        try:
            rows = read_rows(p)
        except DataError as exc:
            problems.append(Problem(name, 0, "-", str(exc)))
            raw[name] = []
            continue
        with p.open(encoding="utf-8-sig") as f:
            header = [h.strip() for h in f.readline().strip().split(",")]
        if header != COLUMNS[name]:
            problems.append(Problem(name, 1, "header", f"expected columns {','.join(COLUMNS[name])}"))
        raw[name] = rows
    iso = _valid_codes()

    def add(name: str, row: dict[str, str], field: str, msg: str) -> None:
        problems.append(Problem(name, int(row.get("_line", 0)), field, msg))

    # generic checks: dates, sources, enums, duplicates
    for name, rows in raw.items():
        for row in rows:
            for col in DATE_COLUMNS.get(name, []):
                v = row.get(col, "")
                if v:
                    try:
                        date.fromisoformat(v)
                        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                            raise ValueError
                    except ValueError:
                        add(name, row, col, f"not a date YYYY-MM-DD: {v!r}")
            if name not in UNSOURCED_OK:
                src = row.get("source", "")
                if not src:
                    add(name, row, "source", "no source")
                elif not all(URL.fullmatch(s.strip()) for s in src.split(";") if s.strip()):
                    add(name, row, "source", f"not a URL (separate several with ';'): {src!r}")
                if not row.get("checked"):
                    add(name, row, "checked", "no checked date")
            for (fname, col), allowed in ENUMS.items():
                if fname == name and row.get(col, "") not in allowed:
                    add(name, row, col, f"{row.get(col)!r} not one of {', '.join(sorted(a for a in allowed if a))}")
            if "SEED ROW" in row.get("note", ""):
                add(name, row, "note", "placeholder row not yet verified")

    def d(v: str) -> date | None:
        try:
            return date.fromisoformat(v) if v else None
        except ValueError:
            return None

    states = {}
    for row in raw["states.csv"]:
        c = row["code"]
        if c in states:
            add("states.csv", row, "code", f"duplicate code {c}")
        states[c] = row
        if c not in iso:
            add("states.csv", row, "code", f"{c!r} is not an ISO 3166-1 alpha-2 code")
        signed, dep, eif = d(row["signed"]), d(row["deposited"]), d(row["entry_into_force"])
        if dep and not row["deposit_type"]:
            add("states.csv", row, "deposit_type", "deposit date without deposit type")
        if dep and not eif and not row["deposit_withdrawn"]:
            add("states.csv", row, "entry_into_force", "deposited but no entry into force")
        if eif and not dep:
            add("states.csv", row, "entry_into_force", "entry into force without a deposit date")
        if dep and eif:
            expect = entry_into_force(dep)
            if eif != expect and row.get("confidence") == "high":
                add("states.csv", row, "entry_into_force",
                    f"{eif} disagrees with art. 126(2) ({expect} for deposit on {dep}); "
                    "if the depositary says so, lower confidence and explain in note")
        if signed and dep and dep < signed and row["deposit_type"] == "ratification":
            add("states.csv", row, "deposited", "ratified before signing")
        sw = d(row["signature_withdrawn"])
        if sw and signed and sw < signed:
            add("states.csv", row, "signature_withdrawn", "before signature")
        dw = d(row["deposit_withdrawn"])
        if dw and dep and dw < dep:
            add("states.csv", row, "deposit_withdrawn", "before deposit")
    for row in raw["withdrawals.csv"]:
        if row["code"] not in states:
            add("withdrawals.csv", row, "code", f"{row['code']!r} not in states.csv")
        n, e, r = d(row["notified"]), d(row["effective"]), d(row["revoked"])
        if n and not e and not r:
            add("withdrawals.csv", row, "effective", "notified but no effective date (and not revoked)")
        if e and not n:
            add("withdrawals.csv", row, "notified", "effective date without notification date")
        if n and e and e < one_year_after(n):
            add("withdrawals.csv", row, "effective", f"earlier than one year after notification ({one_year_after(n)}), art. 127(1)")
        if r and n and r < n:
            add("withdrawals.csv", row, "revoked", "revoked before notified")
        if r and e and r >= e:
            add("withdrawals.csv", row, "revoked", "revoked on or after the date it took effect")
        st = states.get(row["code"])
        if st and n and not st.get("entry_into_force"):
            add("withdrawals.csv", row, "notified", "withdrawal by a state that was never a party")
        if not n and not row["announced"]:
            add("withdrawals.csv", row, "announced", "neither announced nor notified")
    for row in raw["territories.csv"]:
        if row["code"] not in iso:
            add("territories.csv", row, "code", f"{row['code']!r} is not an ISO 3166-1 alpha-2 code")
        if row["code"] in states:
            add("territories.csv", row, "code", "also listed as a state in states.csv")
        if row["sovereign"] not in states:
            add("territories.csv", row, "sovereign", f"{row['sovereign']!r} not in states.csv")
        s, e = d(row["start"]), d(row["end"])
        if s and e and e < s:
            add("territories.csv", row, "end", "before start")
    for row in raw["successions.csv"]:
        if row["code"] not in states:
            add("successions.csv", row, "code", f"{row['code']!r} not in states.csv")
        if row["predecessor"] not in states or row["predecessor"] == row["code"]:
            add("successions.csv", row, "predecessor", f"{row['predecessor']!r} is not another state in states.csv")
        ind = d(row["independence"])
        if ind is None:
            add("successions.csv", row, "independence", "missing: the day it became a state of its own")
        elif (st := states.get(row["code"])) and (eif := d(st.get("entry_into_force", ""))) and eif < ind:
            add("successions.csv", row, "independence", f"after the Statute entered into force for it ({eif})")
    situations = {r["situation"] for r in raw["situations.csv"]}
    for row in raw["situations.csv"]:
        if not SLUG.fullmatch(row["situation"]):
            add("situations.csv", row, "situation", "not a lower-case slug")
        if row["country"] and row["country"] not in iso:
            add("situations.csv", row, "country", f"{row['country']!r} is not an ISO code")
    for row in raw["other_bases.csv"]:
        if row["code"] not in states:
            add("other_bases.csv", row, "code", f"{row['code']!r} not in states.csv")
        if row["situation"] not in situations:
            add("other_bases.csv", row, "situation", f"{row['situation']!r} not in situations.csv")
        s, e = d(row["start"]), d(row["end"])
        if s and e and e < s:
            add("other_bases.csv", row, "end", "before start")
    people = {}
    for row in raw["people.csv"]:
        pid = row["person_id"]
        if pid in people:
            add("people.csv", row, "person_id", f"duplicate {pid}")
        people[pid] = row
        if not SLUG.fullmatch(pid):
            add("people.csv", row, "person_id", "not a lower-case ASCII slug")
        if row["nationality"] and any(c not in iso for c in row["nationality"].split(";")):
            add("people.csv", row, "nationality", f"{row['nationality']!r} is not an ISO code")
    warrants = {}
    with_warrant = set()
    for row in raw["warrants.csv"]:
        wid = row["warrant_id"]
        if wid in warrants:
            add("warrants.csv", row, "warrant_id", f"duplicate {wid}")
        warrants[wid] = row
        if row["person_id"] not in people:
            add("warrants.csv", row, "person_id", f"{row['person_id']!r} not in people.csv")
        with_warrant.add(row["person_id"])
        if row["situation"] not in situations:
            add("warrants.csv", row, "situation", f"{row['situation']!r} not in situations.csv")
        i, pub = d(row["issued"]), d(row["public"])
        if not i:
            add("warrants.csv", row, "issued", "no issue date")
        if i and pub and pub < i:
            add("warrants.csv", row, "public", "made public before it was issued")
    for pid, row in people.items():
        if pid not in with_warrant:
            add("people.csv", row, "person_id", "person without any warrant in warrants.csv")
    for row in raw["warrant_events.csv"]:
        w = warrants.get(row["warrant_id"])
        if w is None:
            add("warrant_events.csv", row, "warrant_id", f"{row['warrant_id']!r} not in warrants.csv")
            continue
        ev, i = d(row["date"]), d(w["issued"])
        if not ev:
            add("warrant_events.csv", row, "date", "no date")
        elif i and ev < i and row["event"] not in ("died",):
            add("warrant_events.csv", row, "date", f"before the warrant was issued ({i})")
        elif i and ev < i and row["ends_warrant"].lower() == "yes":
            add("warrant_events.csv", row, "ends_warrant",
                f"an event before the warrant was issued ({i}) cannot end it; the Court's own decision does")
    seen_alias: dict[str, str] = {}
    from .text import normalize

    for row in raw["aliases.csv"]:
        if row["person_id"] not in people:
            add("aliases.csv", row, "person_id", f"{row['person_id']!r} not in people.csv")
        key = normalize(row["alias"])
        if not key:
            add("aliases.csv", row, "alias", "empty alias")
        elif key in seen_alias and seen_alias[key] != row["person_id"]:
            add("aliases.csv", row, "alias", f"{row['alias']!r} also names {seen_alias[key]}")
        seen_alias.setdefault(key, row["person_id"])
    for row in raw["titles.csv"]:
        if row["person_id"] not in people:
            add("titles.csv", row, "person_id", f"{row['person_id']!r} not in people.csv")
        s, e = d(row["start"]), d(row["end"])
        if s and e and e < s:
            add("titles.csv", row, "end", "before start")
    for row in raw["non_compliance.csv"]:
        if row["code"] not in states:
            add("non_compliance.csv", row, "code", f"{row['code']!r} not in states.csv")
        if row["person_id"] not in people:
            add("non_compliance.csv", row, "person_id", f"{row['person_id']!r} not in people.csv")
    for row in raw["places.csv"]:
        if row["code"] not in iso:
            add("places.csv", row, "code", f"{row['code']!r} is not an ISO code")
    _validate_events(raw, iso, add, d)
    problems.sort(key=lambda p: (p.file, p.line))
    return problems


def _validate_events(raw: dict[str, list[dict[str, str]]], iso: set[str],
                     add: Callable[[str, dict[str, str], str, str], None],
                     d: Callable[[str], date | None]) -> None:
    """events.csv / event_series.csv: known series, ISO hosts, start <= end, no overlapping duplicates."""
    from .text import normalize

    series: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    for row in raw["event_series.csv"]:
        sid = row["series"]
        if not SLUG.fullmatch(sid):
            add("event_series.csv", row, "series", "not a lower-case slug")
        if sid in series:
            add("event_series.csv", row, "series", f"duplicate {sid}")
        series[sid] = row
        if not row.get("aliases") and not row.get("orgs"):
            add("event_series.csv", row, "aliases", "no alias or organisation name to find it by")
        for col in ("aliases", "orgs"):
            for a in (x.strip() for x in row.get(col, "").split(";")):
                key = normalize(a)
                if a and key in names and names[key] != sid:
                    add("event_series.csv", row, col, f"{a!r} also names {names[key]}")
                if a:
                    names.setdefault(key, sid)
        if row.get("host_rule") == "fixed" and (not row.get("host_country") or not row.get("host_city")):
            add("event_series.csv", row, "host_country", "a fixed host needs host_country and host_city")
        if row.get("host_country") and row["host_country"] not in iso:
            add("event_series.csv", row, "host_country", f"{row['host_country']!r} is not an ISO code")
    seen: dict[str, list[tuple[date, date, dict[str, str]]]] = {}
    numbered: dict[tuple[str, str], dict[str, str]] = {}
    for row in raw["events.csv"]:
        sid = row["series"]
        if sid not in series:
            add("events.csv", row, "series", f"{sid!r} not in event_series.csv")
        if row["country"] not in iso:
            add("events.csv", row, "country", f"{row['country']!r} is not an ISO 3166-1 alpha-2 code")
        if not row.get("name"):
            add("events.csv", row, "name", "no name")
        if not row.get("city") and row.get("mode") != "virtual":
            add("events.csv", row, "city", "no city (only a virtual edition may have none)")
        if row.get("edition") and not row["edition"].isdigit():
            add("events.csv", row, "edition", f"not a number: {row['edition']!r}")
        s, e = d(row["start"]), d(row["end"])
        if not row["start"]:
            add("events.csv", row, "start", "no start date")
        if not row["end"]:
            add("events.csv", row, "end", "no end date")
        if s and e:
            if e < s:
                add("events.csv", row, "end", f"before start ({s})")
            elif (e - s).days > 62:
                add("events.csv", row, "end", f"{(e - s).days + 1} days long: check start/end")
            for s2, e2, other in seen.get(sid, []):
                if s <= e2 and s2 <= e:
                    add("events.csv", row, "start",
                        f"overlaps another {sid} edition (line {other['_line']}, {s2}..{e2})")
            seen.setdefault(sid, []).append((s, e, row))
        if row.get("edition"):
            prev = numbered.setdefault((sid, row["edition"]), row)
            if prev is not row:
                add("events.csv", row, "edition", f"edition {row['edition']} also on line {prev['_line']}")
        if row.get("confidence") in ("medium", "low") and not row.get("note"):
            add("events.csv", row, "note", f"confidence {row['confidence']} needs a note saying what is unverified")
