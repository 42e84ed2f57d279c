"""States that were part of another before their independence (data/successions.csv): before that day, the
obligation on their territory is the other state's. Montenegro before 3 June 2006 was part of Serbia and
Montenegro, a State Party; Juba before 9 July 2011 was in Sudan, bound by UNSC Res. 1593 for Darfur."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskcheck import load_ruleset
from riskcheck.news import extract_trips
from riskcheck.validate import validate
from riskcheck.verdict import evaluate

MONTENEGRO = date(2006, 6, 3)
SOUTH_SUDAN = date(2011, 7, 9)


@pytest.fixture(scope="module")
def rs():
    return load_ruleset()


def test_montenegro_before_independence_was_bound_as_part_of_a_state_party(rs) -> None:
    v = evaluate("joseph-kony", "ME", "2006-01-15", rs)
    assert (v.obligation, v.basis, v.sovereign) == ("yes", "state_party", "RS")
    assert "part of Serbia and Montenegro" in v.explanation and "2006-06-03" in v.explanation
    assert "neither signed nor joined" not in v.explanation  # what it said before: wrong


def test_montenegro_after_independence_is_a_party_in_its_own_right(rs) -> None:
    v = evaluate("joseph-kony", "ME", "2006-07-15", rs)
    assert (v.obligation, v.basis, v.sovereign) == ("yes", "state_party", "")
    assert "part of" not in v.explanation


def test_juba_before_independence_was_in_sudan_bound_by_the_darfur_referral(rs) -> None:
    v = evaluate("ahmad-harun", "SS", "2008-04-10", rs)
    assert (v.obligation, v.basis, v.sovereign) == ("yes", "unsc_referral", "SD")
    assert "part of Sudan" in v.explanation and "1593" in v.explanation
    # after independence South Sudan is a non-party with no referral of its own
    assert evaluate("ahmad-harun", "SS", "2012-04-10", rs).obligation == "no"
    # a wanted person of another situation: Sudan's referral does not cover him, and Sudan is no party
    assert evaluate("joseph-kony", "SS", "2008-04-10", rs).obligation == "no"


def test_a_span_across_independence_says_the_answer_changes(rs) -> None:
    v = evaluate("ahmad-harun", "SS", "2011-07-01..2011-07-20", rs)
    assert (v.obligation, v.basis) == ("unknown", "date_straddles_change")
    assert "2011-07-09" in v.explanation


def test_party_counts_do_not_count_a_state_before_it_existed(rs) -> None:
    codes = {s.code for s in rs.parties_on(date(2006, 1, 15))}
    assert "RS" in codes and "ME" not in codes


@settings(max_examples=60, deadline=None)
@given(st.integers(-2000, 2000))
def test_the_status_on_any_day_before_independence_is_the_predecessors(offset: int) -> None:
    rs = load_ruleset()
    for code, pre, ind in (("ME", "RS", MONTENEGRO), ("SS", "SD", SOUTH_SUDAN)):
        day = ind + timedelta(days=offset)
        s = rs.state_status(code, day)
        if day < ind:
            assert (s.sovereign, s.status) == (pre, rs.state_status(pre, day).status)
            assert rs.sovereign_on(code, day) == pre
        else:
            assert s.sovereign == "" and rs.sovereign_on(code, day) == code
        assert ind in rs.change_dates(code)


def test_a_news_trip_keeps_the_place_and_its_verdict_names_the_state_of_the_day() -> None:
    # annotators (and readers) name Juba's country as South Sudan whatever the year; the verdict says whose
    # obligation it was that day
    trips = extract_trips("Joseph Kony flew to Juba on 10 April 2008.", "2008-04-12")
    assert [(t.person_id, t.country, t.start) for t in trips] == [("joseph-kony", "SS", "2008-04-10")]
    v = evaluate("joseph-kony", trips[0].country, trips[0].start)
    assert v.sovereign == "SD" and "part of Sudan" in v.explanation


def _break(folder, name, old, new):
    p = folder / name
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def with_south_sudan(mini_copy):
    """The mini data with South Sudan and its succession from Sudan."""
    states = mini_copy / "states.csv"
    states.write_text(states.read_text(encoding="utf-8")
                      + "SS,South Sudan,un_member,,,,,,,https://example.org/src/ss,2026-01-01,high,\n", encoding="utf-8")
    (mini_copy / "successions.csv").write_text(
        "code,name,predecessor,predecessor_name,independence,source,checked,confidence,note\n"
        "SS,South Sudan,SD,Sudan,2011-07-09,https://example.org/src/ss-independence,2026-01-01,high,\n",
        encoding="utf-8")
    return mini_copy


def test_a_data_folder_without_successions_still_loads_and_validates(mini_copy) -> None:
    assert not (mini_copy / "successions.csv").exists()
    assert validate(mini_copy) == []
    assert load_ruleset(mini_copy).successions == {}


def test_validate_names_a_bad_succession_row(with_south_sudan) -> None:
    assert validate(with_south_sudan) == []
    _break(with_south_sudan, "successions.csv", "SS,South Sudan,SD,Sudan,2011-07-09", "SS,South Sudan,QQ,Sudan,")
    text = "\n".join(map(str, validate(with_south_sudan)))
    assert "successions.csv:2: predecessor:" in text
    assert "successions.csv:2: independence: missing" in text


def test_the_mini_data_answers_by_the_predecessor_too(with_south_sudan) -> None:
    mini = load_ruleset(with_south_sudan)
    assert mini.state_status("SS", date(2010, 1, 1)).sovereign == "SD"
    assert [b.situation for b in mini.bases_on("SS", date(2010, 1, 1))] == ["darfur"]
    assert mini.bases_on("SS", date(2012, 1, 1)) == []
