"""Build the golden verdict grid (tests/golden/verdicts_grid.json) from fixture data.

The grid covers every basis, the context notes and the date boundaries on the mini fixture data plus a few
rows added here (a dependency where the Statute applies, facts recorded with medium or low confidence, an
unconfirmed withdrawal notice). Regenerate after a deliberate change of wording:
``python -m tests.golden_verdicts`` and review the diff.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
MINI = HERE / "fixtures" / "mini_data"
GOLDEN = HERE / "golden" / "verdicts_grid.json"

PEOPLE = [None, "nobody-at-all", "no-warrant-person", "vladimir-putin", "omar-al-bashir", "burundi-general", "sealed-person", "dead-person"]
DATES = ["2015-06-14", "2016-03", "2017-10", "2018-06-01", "2021-06-01", "2023-03", "2023-06-01", "2024-07-01",
         "2026-06-01"]
FIELDS = ["person_id", "person", "country", "country_name", "sovereign", "date", "start", "end", "warrant",
          "obligation", "basis", "explanation", "sources", "context", "warrant_ended_how", "checked", "projection"]

EXTRA = {
    "people.csv": "no-warrant-person,Nobody Wanted,ZA,,https://example.org/src/p-none,2026-01-01,a record, no warrant\n",
    "territories.csv": "FO,Faroe Islands,DK,yes,2006-10-01,,https://example.org/src/fo,2026-01-01,high,\n",
    "withdrawals.csv": "MY,,2019-04-01,2020-04-01,,https://example.org/src/my-w,2026-01-01,low,one unverified report\n",
}
EDITS = {
    "states.csv": ("https://example.org/src/cn,2026-01-01,high,",
                   "https://example.org/src/cn,2026-01-01,low,dates   from a secondary source " + "x" * 250),
    "withdrawals.csv": ("https://example.org/src/bi-w,2026-01-01,high,",
                        "https://example.org/src/bi-w,2026-01-01,medium,effective date from the depositary"),
    "warrants.csv": ("https://example.org/src/w-sealed,2026-01-01,high,",
                     "https://example.org/src/w-sealed,2026-01-01,medium,unsealing date approximate"),
}


def make_data(dest: Path) -> Path:
    """The mini data with the rows above added, in ``dest``."""
    shutil.copytree(MINI, dest)
    for name, (old, new) in EDITS.items():
        p = dest / name
        text = p.read_text()
        assert old in text, (name, old)
        p.write_text(text.replace(old, new))
    for name, row in EXTRA.items():
        with (dest / name).open("a") as f:
            f.write(row)
    return dest


def grid(rs) -> list[dict[str, object]]:
    from riskcheck.verdict import evaluate

    out = []
    for pid in PEOPLE:
        for code in rs.codes():
            for when in DATES:
                d = evaluate(pid, code, when, rs).to_dict()
                out.append({k: d[k] for k in FIELDS})
    return out


RULESET_GOLDEN = HERE / "golden" / "ruleset_grid.json"


def _iso(d: object) -> object:
    return d.isoformat() if hasattr(d, "isoformat") else d


def ruleset_grid(rs) -> list[dict[str, object]]:
    """Each state's and territory's status on every day where it may change (and the days either side),
    each person's warrant status on theirs, and the listings on a few dates."""
    from datetime import date, timedelta

    fixed = [date(2003, 1, 1), date(2015, 6, 14), date(2019, 3, 17), date(2024, 7, 1), date(2026, 6, 1)]
    out: list[dict[str, object]] = []
    for code in rs.codes():
        days = sorted({d + timedelta(days=k) for d in rs.change_dates(code) for k in (-1, 0, 1)} | set(fixed))
        out.append({"code": code, "change_dates": [d.isoformat() for d in rs.change_dates(code)],
                    "name": rs.name_of(code), "sovereign": rs.sovereign_of(code),
                    "non_compliance": [n.person_id for n in rs.non_compliance_for(code)]})
        for day in days:
            st = rs.state_status(code, day)
            w = st.withdrawal
            out.append({"code": code, "day": day.isoformat(), "status": st.status, "bound": st.bound,
                        "sovereign": st.sovereign, "party_since": _iso(st.party_since),
                        "party_until": _iso(st.party_until), "withdrawal": _iso(w.notified) if w else None,
                        "detail": st.detail, "sources": list(st.sources),
                        "bases": [f"{b.basis}:{b.situation}" for b in rs.bases_on(code, day)]})
    for pid in sorted(rs.people) + ["nobody"]:
        days = sorted({d + timedelta(days=k) for d in rs.warrant_change_dates(pid) for k in (-1, 0, 1)} | set(fixed))
        out.append({"person": pid, "change_dates": [d.isoformat() for d in rs.warrant_change_dates(pid)]})
        for day in days:
            ws = rs.warrant_status(pid, day)
            out.append({"person": pid, "day": day.isoformat(), "name": ws.name, "status": ws.status,
                        "warrants": [w.warrant_id for w in ws.warrants], "ended_how": ws.ended_how,
                        "ended_on": _iso(ws.ended_on)})
    for day in fixed:
        out.append({"day": day.isoformat(), "parties": [s.code for s in rs.parties_on(day)],
                    "outstanding": [s.person_id for s in rs.outstanding_on(day)],
                    "issued": [s.person_id for s in rs.outstanding_on(day, include_ended=True)]})
    return out


def dump(rows: list[dict[str, object]]) -> str:
    """Compact JSON: every distinct string once in ``texts``, each verdict a row of indexes into it."""
    texts: dict[str, int] = {}

    def ix(v: object) -> object:
        if isinstance(v, str):
            return texts.setdefault(v, len(texts))
        if isinstance(v, list):
            return [ix(x) for x in v]
        return v

    fields = list(dict.fromkeys(k for r in rows for k in r))
    packed = [[ix(r.get(k, "-")) for k in fields] for r in rows]
    body = ",\n".join(json.dumps(p) for p in packed)
    return (f'{{"fields": {json.dumps(fields)},\n"texts": {json.dumps(list(texts), ensure_ascii=False, indent=0)},'
            f'\n"rows": [\n{body}]}}')


def load(path: Path = GOLDEN) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = data["texts"]
    absent = texts.index("-") if "-" in texts else -1

    def un(v: object) -> object:
        if isinstance(v, list):
            return [un(x) for x in v]
        return texts[v] if isinstance(v, int) and not isinstance(v, bool) else v

    return [{k: un(v) for k, v in zip(data["fields"], row, strict=True) if v != absent} for row in data["rows"]]


if __name__ == "__main__":
    import tempfile

    from riskcheck.ruleset import load_ruleset

    with tempfile.TemporaryDirectory() as tmp:
        rs = load_ruleset(make_data(Path(tmp) / "data"))
        rows = grid(rs)
        rs_rows = ruleset_grid(rs)
    GOLDEN.write_text(dump(rows) + "\n", encoding="utf-8")
    RULESET_GOLDEN.write_text(dump(rs_rows) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({len(rows)} verdicts) and {RULESET_GOLDEN} ({len(rs_rows)} rows)")
