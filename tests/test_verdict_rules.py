"""The verdict's rules where the fixture grids do not reach: which instrument is cited when several bind a
state, how a dependency's answer is worded, art. 127(2) without a recorded opening date, and the confidence
of the weakest fact an answer rests on (a wrong or missing confidence is a wrong answer for a journalist).

The data is a small world written here, one fact per row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from riskcheck.ruleset import clear_cache, load_ruleset
from riskcheck.verdict import _clip, evaluate, unresolved

WORLD = {
    "states.csv": (
        "code,name,kind,signed,signature_withdrawn,deposited,deposit_type,deposit_withdrawn,entry_into_force,"
        "source,checked,confidence,note\n"
        "NL,Netherlands,un_member,1998-07-18,,2001-07-17,acceptance,,2002-07-01,https://s.example/nl,2026-01-01,high,\n"
        "BB,Betaland,un_member,,,,,,,https://s.example/bb,2026-01-01,high,\n"
        "CC,Cetaland,un_member,1999-01-01,,2000-01-01,ratification,,2002-07-01,https://s.example/cc,2026-01-01,"
        "medium,ratification date from a secondary source\n"
        "DD,Deltaland,un_member,,,,,,,https://s.example/dd,2026-01-01,high,\n"
        "EE,Epsiland,un_member,1999-01-01,,2000-01-01,ratification,,2002-07-01,https://s.example/ee,2026-01-01,high,\n"
        "FF,Filand,un_member,1999-01-01,,2000-01-01,ratification,,2002-07-01,https://s.example/ff,2026-01-01,high,\n"
    ),
    "withdrawals.csv": (
        "code,announced,notified,effective,revoked,source,checked,confidence,note\n"
        "EE,,2016-10-20,2017-10-20,2017-03-01,https://w.example/ee,2026-01-01,medium,revocation reported by press\n"
        "FF,,2019-03-01,2020-03-01,,https://w.example/ff,2026-01-01,medium,\n"
        "CC,,2023-01-10,2024-01-10,,https://w.example/cc,2026-01-01,low,one unverified report\n"
    ),
    "territories.csv": (
        "code,name,sovereign,applies,start,end,source,checked,confidence,note\n"
        "TT,Teeland,NL,yes,2003-01-01,2004-12-31,https://t.example/1,2026-01-01,high,\n"
        "TT,Teeland,NL,no,2005-01-01,2006-09-30,https://t.example/2,2026-01-01,high,\n"
        "TT,Teeland,NL,yes,2006-10-01,,https://t.example/3,2026-01-01,medium,extension notified late\n"
        "UU,Uland,NL,yes,,,https://t.example/4,2026-01-01,high,\n"
    ),
    "situations.csv": (
        "situation,name,country,opened,trigger,source,checked,note\n"
        "sit-a,Situation in Alpha,DD,2015-01-16,proprio_motu,https://x.example/sa,2026-01-01,\n"
        "sit-c,Situation in Gamma,FF,,proprio_motu,https://x.example/sc,2026-01-01,opening date not recorded\n"
    ),
    "other_bases.csv": (
        "code,basis,situation,start,end,crimes_from,crimes_to,instrument,source,checked,confidence,note\n"
        "DD,article_12_3,sit-a,2014-04-17,,2013-11-21,2014-02-22,First declaration,https://o.example/1,2026-01-01,high,\n"
        "DD,article_12_3,sit-a,2014-01-01,,2014-02-22,2015-06-30,Second declaration,https://o.example/2,2026-01-01,"
        "medium,limited in time\n"
        "DD,article_12_3,sit-a,2015-09-08,,2014-02-20,,Open declaration,https://o.example/3,2026-01-01,high,\n"
        "DD,article_12_3,sit-a,2015-09-01,,2014-02-20,,Earlier open declaration,https://o.example/4,2026-01-01,"
        "high,\n"
        "BB,unsc_referral,sit-x,2005-03-31,,,,,https://o.example/5,2026-01-01,high,\n"
    ),
    "people.csv": (
        "person_id,name,nationality,born,source,checked,note\n"
        "p-one,Person One,DD,,https://p.example/1,2026-01-01,\n"
        "p-two,Person Two,BB,,https://p.example/2,2026-01-01,\n"
        "p-three,Person Three,FF,,https://p.example/3,2026-01-01,\n"
    ),
    "warrants.csv": (
        "warrant_id,person_id,situation,case_number,article,issued,public,source,checked,confidence,note\n"
        "p-one-1,p-one,sit-a,,58,2020-01-10,,https://x.example/1,2026-01-01,medium,issue date from a press release\n"
        "p-two-1,p-two,sit-x,,58,2021-01-01,,https://x.example/2,2026-01-01,high,\n"
        "p-three-1,p-three,sit-c,,58,2018-05-01,,https://x.example/3,2026-01-01,high,\n"
    ),
    "warrant_events.csv": "warrant_id,date,event,ends_warrant,source,checked,note\n",
    "aliases.csv": "person_id,alias,kind,lang\n",
    "titles.csv": "person_id,title,start,end\n",
    "non_compliance.csv": "code,person_id,visit,decision_date,referred_to,decision,source,checked,note\n",
    "places.csv": "alias,code,kind,note\n",
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("world")
    for name, text in WORLD.items():
        (folder / name).write_text(text, encoding="utf-8")
    rs = load_ruleset(folder)
    yield rs
    clear_cache()


def answer(v):
    return v.warrant, v.obligation, v.basis, v.confidence, v.confidence_note


# ---- which instrument binds a non-party ------------------------------------------------------------------


def test_an_open_declaration_is_cited_before_ones_limited_in_time(world):
    v = evaluate("p-one", "DD", "2021-06-01", world)
    assert (v.obligation, v.basis) == ("yes", "article_12_3")
    # two open declarations: the later one; limited ones only after them
    assert "its art. 12(3) declaration (Open declaration) binds it" in v.explanation
    assert "https://o.example/3" in v.sources and "https://o.example/1" not in v.sources


def test_of_declarations_limited_in_time_the_one_covering_later_crimes_is_cited(world, tmp_path):
    rows = WORLD["other_bases.csv"].splitlines()
    folder = tmp_path / "limited"
    folder.mkdir()
    for name, text in WORLD.items():
        (folder / name).write_text(text)
    # only the two limited declarations: the second covers later crimes although it started earlier
    (folder / "other_bases.csv").write_text("\n".join(rows[:3]) + "\n")
    try:
        v = evaluate("p-one", "DD", "2021-06-01", load_ruleset(folder))
    finally:
        clear_cache()
    assert "its art. 12(3) declaration (Second declaration) binds it" in v.explanation
    # the instrument the answer rests on has medium confidence: so has the answer
    assert (v.confidence, v.confidence_note) == (
        "medium", "warrant p-one-1 is recorded with medium confidence; the article_12_3 record (Second declaration) "
                  "has medium confidence")


def test_a_referral_without_a_recorded_instrument_or_situation_name(world):
    v = evaluate("p-two", "BB", "2022-01-01", world)
    assert (v.obligation, v.basis) == ("yes", "unsc_referral")
    assert v.explanation == ("Betaland is not a State Party, but a Security Council referral obliges it to cooperate "
                             "fully with the Court in the sit-x situation, which covers the ICC arrest warrant "
                             "issued on 2021-01-01 against Person Two.")


def test_a_non_party_names_the_situation_it_is_not_bound_in(world):
    v = evaluate("p-one", "BB", "2021-06-01", world)
    assert (v.obligation, v.basis) == ("no", "non_party")
    assert v.explanation.endswith("It has no treaty obligation to arrest Person One (Situation in Alpha situation).")
    v = evaluate("p-two", "DD", "2022-01-01", world)  # a situation not in situations.csv: its id
    assert v.explanation.endswith("It has no treaty obligation to arrest Person Two (sit-x situation).")


# ---- dependencies ------------------------------------------------------------------------------------------


def test_a_dependency_answers_for_its_sovereign_from_the_rule_in_force(world):
    v = evaluate("p-one", "TT", "2021-06-01", world)
    assert (v.obligation, v.basis, v.sovereign) == ("yes", "state_party", "NL")
    assert v.explanation.startswith(
        "Teeland is a territory of the Netherlands where the Statute applies since 2006-10-01. "
        "The Netherlands has been a State Party since 2002-07-01 and is obliged")
    # the rule the answer rests on was recorded with medium confidence
    assert answer(v)[3:] == ("medium", "warrant p-one-1 is recorded with medium confidence; the Statute's "
                                       "application to Teeland is recorded with medium confidence")
    v = evaluate("p-one", "UU", "2021-06-01", world)  # a rule without a start date
    assert v.explanation.startswith("Uland is a territory of the Netherlands where the Statute applies. The ")


# ---- art. 127(2) without an opening date -------------------------------------------------------------------


def test_article_127_2_counts_from_the_warrant_when_the_situation_has_no_opening_date(world):
    v = evaluate("p-three", "FF", "2021-06-01", world)
    assert (v.obligation, v.basis) == ("residual", "article_127_2")
    assert "investigations begun before then (this one from 2018-05-01)" in v.explanation


# ---- confidence: the weakest fact the answer rests on ------------------------------------------------------


def test_a_warrant_counts_from_the_day_it_is_issued(world):
    before = evaluate("p-one", "NL", "2020-01-09", world)
    on = evaluate("p-one", "NL", "2020-01-10", world)
    assert answer(before) == ("not_yet_issued", "no", "warrant_not_yet_issued", "high", "")
    assert answer(on) == ("outstanding", "yes", "state_party", "medium",
                          "warrant p-one-1 is recorded with medium confidence")


def test_a_state_recorded_with_medium_confidence(world):
    v = evaluate("p-two", "CC", "2022-01-01", world)
    assert answer(v) == ("outstanding", "yes", "state_party", "medium",
                         "Cetaland's treaty dates are recorded with medium confidence")


def test_an_unverified_withdrawal_due_by_then_lowers_confidence_but_is_not_applied(world):
    before = evaluate("p-two", "CC", "2024-01-09", world)
    after = evaluate("p-two", "CC", "2024-01-10", world)
    assert (before.confidence, after.obligation, after.basis) == ("medium", "yes", "state_party")
    assert (after.confidence, after.confidence_note) == (
        "low", "a reported withdrawal notice of Cetaland (notified 2023-01-10, effective 2024-01-10) could not be "
               "verified and is not applied")


def test_a_withdrawal_notice_and_its_revocation_known_with_medium_confidence(world):
    v = evaluate("p-two", "EE", "2022-01-01", world)
    assert answer(v) == ("outstanding", "yes", "state_party", "medium",
                         "Epsiland's withdrawal notice of 2016-10-20 and its revocation of 2017-03-01 are known "
                         "with medium confidence (secondary sources)")
    v = evaluate("p-three", "FF", "2019-06-01", world)  # pending, not revoked
    assert answer(v) == ("outstanding", "yes", "state_party_withdrawing", "medium",
                         "Filand's withdrawal notice of 2019-03-01 are known with medium confidence (secondary "
                         "sources)")


def test_an_unresolved_input_is_low_confidence_and_says_why():
    v = unresolved("place", person="Person One")
    assert (v.obligation, v.basis, v.confidence, v.confidence_note) == (
        "unknown", "unresolved_place", "low", "the place could not be resolved")
    assert v.explanation == "Could not resolve the place ''."


# ---- notes are clipped at whole sentences ------------------------------------------------------------------


def test_clip_keeps_whole_sentences_up_to_the_limit():
    a, b = "A" * 100 + ".", "B" * 138 + "."  # 101 + 1 + 139 = 241 characters together
    assert _clip(f"{a} {b}") == f"{a} (…)"
    assert _clip(f"{a} {b}", 241) == f"{a} {b}"  # exactly the limit: kept whole
    assert _clip(f"{a} {b[1:]}") == f"{a} {b[1:]}"  # 240: short enough
    three = f"{a} {'C' * 97}. {b}"  # 101 + 1 + 98 = 200, then 139 more
    assert _clip(three, 200) == f"{a} {'C' * 97}. (…)"
    assert _clip(three, 199) == f"{a} (…)"
