"""The batch engine's shortcuts give exactly the verdict engine's answers.

The batch runner computes each distinct (person, territory, date span) once, shares one answer for
people with no warrant record, and reuses answers within stretches where nothing changes (see
``riskcheck.batch._Engine._piecewise``). Here every such answer is compared with a direct call of
:func:`riskcheck.verdict.evaluate`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from riskcheck.batch import _Answer, _Engine
from riskcheck.dates import DateSpan, parse_date
from riskcheck.ruleset import load_ruleset
from riskcheck.verdict import evaluate


def _direct(pid, code, span, rs):
    try:
        v = evaluate(pid, code, span, rs)
    except Exception as exc:  # noqa: BLE001 - compared by kind only
        return type(exc)
    return _Answer(v.warrant, v.obligation, v.basis, v.explanation, v.sources, v.confidence)


def _spans(step: int) -> list[DateSpan]:
    out = []
    d = date(2001, 1, 1)
    while d < date(2027, 6, 1):
        out.append(DateSpan.day(d))
        d += timedelta(days=step)
    out += [parse_date(f"{y}-{m:02d}") for y in range(2002, 2027, 3) for m in range(1, 13)]
    out += [parse_date(str(y)) for y in range(2001, 2027)]
    out += [parse_date("2023-03-01..2023-03-31"), parse_date("2015-06-13..2015-06-15")]
    return out


def _check(rs, pids, codes, spans) -> int:
    engine = _Engine(rs)
    n = 0
    for pid in pids:
        for code in codes:
            # around every date where something changes, then the grid
            edges = set()
            for d in rs.change_dates(code) + rs.warrant_change_dates(pid):
                edges |= {d - timedelta(days=1), d, d + timedelta(days=1)}
            for span in [DateSpan.day(d) for d in sorted(edges)] + spans:
                got = engine._verdict(pid, code, span)
                want = _direct(pid, code, span, rs)
                got = type(got) if not isinstance(got, _Answer) else got
                assert got == want, (pid, code, str(span))
                n += 1
    return n


def test_shortcuts_match_direct_evaluation_on_fixture_data():
    rs = load_ruleset_mini()
    n = _check(rs, sorted(rs.people), rs.codes(), _spans(41))
    assert n > 10_000


def test_shortcuts_match_direct_evaluation_on_bundled_data_sample():
    rs = load_ruleset()
    pids = sorted(rs.people)[::4] + ["vladimir-putin"] if "vladimir-putin" in rs.people else sorted(rs.people)[::4]
    codes = [c for c in ("ZA", "MN", "CN", "HU", "PH", "BI", "UA", "SD", "GL", "HK", "US", "TJ") if c in rs.codes()]
    _check(rs, pids, codes, _spans(97))


@pytest.mark.parametrize("span", ["2023-08-22", "2027-01-01", "2010"])
def test_no_record_answer_is_the_same_everywhere(span):
    rs = load_ruleset_mini()
    answers = {_direct(None, c, parse_date(span), rs) for c in rs.codes()}
    assert len(answers) == 1
    engine = _Engine(rs)
    assert engine._verdict(None, engine.any_code, parse_date(span)) in answers


def load_ruleset_mini():
    from pathlib import Path

    return load_ruleset(Path(__file__).parent / "fixtures" / "mini_data")


def test_rows_match_direct_evaluation_end_to_end():
    """Whole rows (shared answers across territories included) against evaluate(), row by row."""
    import random

    import pandas as pd

    from riskcheck.batch import check_trips

    rs = load_ruleset_mini()
    rnd = random.Random(3)
    pids = sorted(rs.people) + ["nobody-at-all"]
    codes = rs.codes()
    spans = _spans(13)
    rows = [(rnd.choice(pids), rnd.choice(codes), str(rnd.choice(spans))) for _ in range(6000)]
    df = pd.DataFrame(rows, columns=["person", "place", "date"])
    out = check_trips(df, person="person", place="place", date="date", ruleset=rs)
    assert (out["row_issue"] == "").all()
    for (pid, code, when), got in zip(rows, out.itertuples(index=False), strict=True):
        v = evaluate(pid if pid in rs.people else None, code, parse_date(when), rs)
        assert (got.person_id, got.country, got.warrant, got.obligation, got.basis, got.explanation, got.sources) == (
            v.person_id, code, v.warrant, v.obligation, v.basis, v.explanation, " ; ".join(v.sources)), (pid, code, when)


# The comparisons above hold however the verdict engine answers (both sides run it). These anchor the
# batch path to answers fixed by hand, on the fixture data, so a wrong engine cannot pass here.
ANCHORS = [
    ("Putin", "ZA", "2023-08-22", "vladimir-putin", "outstanding", "yes", "state_party"),
    ("Putin", "ZA", "2023-03-16", "vladimir-putin", "not_yet_issued", "no", "warrant_not_yet_issued"),
    ("Putin", "CN", "2023-10-18", "vladimir-putin", "outstanding", "no", "non_party"),
    ("Putin", "UA", "2024-12-31", "vladimir-putin", "outstanding", "yes", "article_12_3"),
    ("Putin", "UA", "2025-01-01", "vladimir-putin", "outstanding", "yes", "state_party"),
    ("Omar al-Bashir", "SD", "2015-06-14", "omar-al-bashir", "outstanding", "yes", "unsc_referral"),
    ("Omar al-Bashir", "PH", "2018-06-01", "omar-al-bashir", "outstanding", "yes", "state_party_withdrawing"),
    ("Omar al-Bashir", "GL", "2015-06-14", "omar-al-bashir", "outstanding", "no", "territory_excluded"),
    ("Jean Exemple", "BI", "2021-06-01", "burundi-general", "outstanding", "residual", "article_127_2"),
    ("Sealed Person", "ZA", "2023-06-01", "sealed-person", "outstanding_sealed", "unknown", "warrant_sealed"),
    ("Dead Person", "ZA", "2023-06-01", "dead-person", "ended", "no", "warrant_ended"),
    ("Jane Doe", "ZA", "2023-08-22", "", "none", "no", "no_warrant"),
    ("Putin", "ZA", "2023-03", "vladimir-putin", "unknown", "unknown", "date_straddles_change"),
]


def test_batch_rows_give_the_known_answers():
    import pandas as pd

    from riskcheck.batch import check_trips

    df = pd.DataFrame([a[:3] for a in ANCHORS], columns=["person", "place", "date"])
    out = check_trips(df, person="person", place="place", date="date", ruleset=load_ruleset_mini())
    got = [(r.person_id, r.warrant, r.obligation, r.basis) for r in out.itertuples(index=False)]
    assert got == [a[3:] for a in ANCHORS]


def test_no_record_answers_shared_per_projection_side_match_direct_evaluation():
    """People with no record share one answer per side of the data's check date: equal to evaluating each span."""
    rs = load_ruleset()
    engine = _Engine(rs)
    spans = _spans(211) + [DateSpan.day(rs.checked), DateSpan.day(rs.checked + timedelta(days=1)),
                           DateSpan(rs.checked - timedelta(days=3), rs.checked + timedelta(days=3), "range")]
    for span in spans:
        assert engine._verdict(None, engine.any_code, span) == _direct(None, engine.any_code, span, rs), str(span)
    assert set(engine._no_record_answers) == {False, True}


@pytest.mark.parametrize("which", ["fixture", "bundled"])
def test_pair_change_dates_are_the_persons_and_the_territorys(which):
    """The engine splits stretches at a person's and a territory's change dates computed apart; their union
    must be every date on which an answer about the pair can change (as the verdict engine defines them)."""
    from riskcheck.verdict import confidence_change_dates

    rs = load_ruleset_mini() if which == "fixture" else load_ruleset()
    engine = _Engine(rs)
    for pid in sorted(rs.people):
        for code in rs.codes():
            want = (set(rs.change_dates(code)) | set(rs.warrant_change_dates(pid))
                    | confidence_change_dates(rs, pid, code))
            assert engine._pair_dates(pid, code) == want, (pid, code)


def test_evaluate_without_context_differs_only_in_context():
    rs = load_ruleset_mini()
    for pid in [*sorted(rs.people), None]:
        for code in rs.codes():
            for span in ("2015-06-14", "2023-03", "2024", "2023-03-01..2023-03-31"):
                full = evaluate(pid, code, span, rs)
                assert evaluate(pid, code, span, rs, context=False) == replace(full, context=())


def test_rows_of_people_with_no_record_share_answers_across_chunks(tmp_path):
    """Rows of people with no warrant record share one row answer per kind of date (before or after the data's
    check date, given or not): each row still gets evaluate()'s answer for its own date, in every chunk."""
    import csv
    import random

    import pandas as pd

    from riskcheck.batch import run_batch

    rs = load_ruleset_mini()
    rnd = random.Random(5)
    days = [str(s) for s in _spans(29)] + ["", "2031-05-05", "2029-12"]
    rows = [(rnd.choice(["Jane Doe", "John Roe", "Putin"]), rnd.choice(rs.codes()), rnd.choice(days))
            for _ in range(1500)]
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    with src.open("w", newline="") as f:
        csv.writer(f).writerows([("person", "place", "date"), *rows])
    run_batch(str(src), str(out), ruleset=rs, chunk_rows=64, raw=True)
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    today = date.today()
    n = 0
    for (who, code, when), row in zip(rows, got.itertuples(index=False), strict=True):
        if who == "Putin":
            continue
        v = evaluate(None, code, parse_date(when) if when else DateSpan.day(today), rs)
        want = (f"No date given: answered for today, {today}. " if not when else "") + v.explanation
        assert (row.obligation, row.basis, row.explanation) == (v.obligation, v.basis, want), (who, code, when)
        n += 1
    assert n > 900
