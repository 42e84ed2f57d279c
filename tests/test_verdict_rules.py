"""The verdict's rules where the fixture grids do not reach: which instrument is cited when several bind a
state, how a dependency's answer is worded, art. 127(2) without a recorded opening date, and the confidence
of the weakest fact an answer rests on (a wrong or missing confidence is a wrong answer for a journalist).

The data is a small world written here, one fact per row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from riskcheck.ruleset import clear_cache, load_ruleset
from riskcheck.verdict import _clip, _weakest, evaluate, unresolved

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
        "GG,Gammaland,un_member,1999-01-01,,2000-01-01,ratification,,2002-07-01,https://s.example/gg,2026-01-01,high,\n"
        "HH,Hetaland,un_member,1999-01-01,,2000-01-01,ratification,,2002-07-01,https://s.example/hh,2026-01-01,high,\n"
        "II,Iotaland,un_member,1999-01-01,,2000-01-01,ratification,,2002-07-01,https://s.example/ii,2026-01-01,high,\n"
    ),
    "withdrawals.csv": (
        "code,announced,notified,effective,revoked,source,checked,confidence,note\n"
        "EE,,2016-10-20,2017-10-20,2017-03-01,https://w.example/ee,2026-01-01,medium,revocation reported by press\n"
        "FF,,2019-03-01,2020-03-01,,https://w.example/ff,2026-01-01,medium,\n"
        "CC,,2023-01-10,2024-01-10,,https://w.example/cc,2026-01-01,low,one unverified report\n"
        "CC,2024-06-01,,,,https://w.example/cc2,2026-01-01,high,announced only\n"
        "GG,2018-01-01,2018-03-01,2019-03-01,,https://w.example/gg,2026-01-01,high,\n"
        "HH,2018-01-01,2018-03-01,2019-03-01,,https://w.example/hh,2026-01-01,low,one unverified report\n"
        "II,,2016-01-01,2017-01-01,2016-06-01,https://w.example/ii,2026-01-01,low,reported by one newspaper\n"
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
        "DD,article_12_3,sit-a,2015-09-01,,2014-02-20,,Earlier open declaration,https://o.example/4,2026-01-01,"
        "high,\n"
        "DD,article_12_3,sit-a,2015-09-08,,2014-02-20,,Open declaration,https://o.example/3,2026-01-01,high,\n"
        "BB,unsc_referral,sit-x,2005-03-31,,,,,https://o.example/5,2026-01-01,high,\n"
    ),
    "people.csv": (
        "person_id,name,nationality,born,source,checked,note\n"
        "p-one,Person One,DD,,https://p.example/1,2026-01-01,\n"
        "p-two,Person Two,BB,,https://p.example/2,2026-01-01,\n"
        "p-three,Person Three,FF,,https://p.example/3,2026-01-01,\n"
        "p-four,Person Four,DD,,https://p.example/4,2026-01-01,\n"
        "p-five,Person Five,DD,,https://p.example/5,2026-01-01,\n"
        "s-1,Anna Smithers,DD,,https://p.example/s,2026-01-01,\n"
        "s-2,Bruno Smithers,DD,,https://p.example/s,2026-01-01,\n"
        "s-3,Carla Smithers,DD,,https://p.example/s,2026-01-01,\n"
        "s-4,Dario Smithers,DD,,https://p.example/s,2026-01-01,\n"
    ),
    "warrants.csv": (
        "warrant_id,person_id,situation,case_number,article,issued,public,source,checked,confidence,note\n"
        "p-one-1,p-one,sit-a,,58,2020-01-10,,https://x.example/1,2026-01-01,medium,issue date from a press release\n"
        "p-two-1,p-two,sit-x,,58,2021-01-01,,https://x.example/2,2026-01-01,high,\n"
        "p-three-1,p-three,sit-c,,58,2018-05-01,2020-12-31,https://x.example/3,2026-01-01,high,\n"
        "p-four-1,p-four,sit-a,,58,2020-01-01,,https://x.example/4a,2026-01-01,medium,\n"
        "p-four-2,p-four,sit-a,,58,2020-02-01,,https://x.example/4b,2026-01-01,high,\n"
        "p-five-1,p-five,sit-a,,58,2020-01-01,,https://x.example/5,2026-01-01,low,date uncertain\n"
    ),
    "warrant_events.csv": (
        "warrant_id,date,event,ends_warrant,source,checked,note\n"
        "p-four-1,2020-12-01,withdrawn,yes,https://e.example/1,2026-01-01,\n"
        "p-four-2,2019-12-31,died,no,https://e.example/2,2026-01-01,reported by one side\n"
        "p-four-2,2020-02-01,arrest reported,no,https://e.example/3,2026-01-01,\n"
        "p-four-2,2021-01-01,terminated,yes,https://e.example/4,2026-01-01,\n"
        "p-five-1,2020-06-01,died,no,https://e.example/5,2026-01-01,\n"
    ),
    "aliases.csv": "person_id,alias,kind,lang\n",
    "titles.csv": "person_id,title,start,end\n",
    "non_compliance.csv": (
        "code,person_id,visit,decision_date,referred_to,decision,source,checked,note\n"
        "DD,p-one,2021-05-01..2021-05-02,2021-06-01,UNSC;ASP,ICC-F1,https://n.example/1,2026-01-01,\n"
        "DD,p-one,2021-05-01..2021-05-02,2021-07-01,UNSC;ASP,referral to the UNSC,https://n.example/2,2026-01-01,\n"
        "DD,someone-else,2019-01-01,2021-06-01,,ICC-F2,https://n.example/3,2026-01-01,\n"
    ),
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
    # the instrument the answer rests on has medium confidence: so has the answer (the doubt about the
    # warrant's issue date is more than a year away and cannot change it)
    assert (v.confidence, v.confidence_note) == (
        "medium", "the article_12_3 record (Second declaration) has medium confidence")


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
    assert answer(v)[3:] == ("medium", "the Statute's application to Teeland is recorded with medium confidence")
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
    doubt = "warrant p-one-1 is recorded with medium confidence (issued 2020-01-10, public 2020-01-10)"
    # the issue date itself is in doubt: answers near it, on either side, are medium
    assert answer(before) == ("not_yet_issued", "no", "warrant_not_yet_issued", "medium", doubt)
    assert answer(on) == ("outstanding", "yes", "state_party", "medium", doubt)
    # more than DATE_DOUBT_DAYS later the doubt cannot change the answer
    assert answer(evaluate("p-one", "NL", "2021-02-01", world)) == ("outstanding", "yes", "state_party", "high", "")


def test_a_state_recorded_with_medium_confidence(tmp_path):
    folder = tmp_path / "late"
    folder.mkdir()
    for name, text in WORLD.items():
        (folder / name).write_text(text)
    # Cetaland (medium: ratification date from a secondary source) joins in 2021 instead
    states = WORLD["states.csv"].replace("CC,Cetaland,un_member,1999-01-01,,2000-01-01,ratification,,2002-07-01",
                                         "CC,Cetaland,un_member,1999-01-01,,2021-04-01,ratification,,2021-07-01")
    (folder / "states.csv").write_text(states)
    try:
        rs = load_ruleset(folder)
        near = evaluate("p-two", "CC", "2022-01-01", rs)
        far = evaluate("p-two", "CC", "2023-01-01", rs)
    finally:
        clear_cache()
    assert answer(near) == ("outstanding", "yes", "state_party", "medium",
                            "Cetaland's treaty dates are recorded with medium confidence")
    # a doubt about a 2021 treaty date cannot change an answer more than a year later
    assert answer(far) == ("outstanding", "yes", "state_party", "high", "")


def test_an_unverified_withdrawal_due_by_then_lowers_confidence_but_is_not_applied(world):
    before = evaluate("p-two", "CC", "2024-01-09", world)
    after = evaluate("p-two", "CC", "2024-01-10", world)
    # the day before, nothing doubtful bears on the answer (Cetaland's doubted dates are 20 years away)
    assert (before.confidence, after.obligation, after.basis) == ("high", "yes", "state_party")
    assert (after.confidence, after.confidence_note) == (
        "low", "a reported withdrawal notice of Cetaland (notified 2023-01-10, effective 2024-01-10) could not be "
               "verified and is not applied")


def test_a_withdrawal_notice_and_its_revocation_known_with_medium_confidence(world):
    v = evaluate("p-two", "EE", "2022-01-01", world)
    assert answer(v) == ("outstanding", "yes", "state_party", "medium",
                         "Epsiland's withdrawal notice of 2016-10-20 and its revocation of 2017-03-01 are known "
                         "with medium confidence (secondary sources)")
    v = evaluate("p-one", "FF", "2020-02-01", world)  # pending, not revoked
    assert answer(v) == ("outstanding", "yes", "state_party_withdrawing", "medium",
                         "warrant p-one-1 is recorded with medium confidence (issued 2020-01-10, public 2020-01-10); "
                         "Filand's withdrawal notice of "
                         "2019-03-01 are known with medium confidence (secondary sources)")


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


def test_the_weakest_level_names_every_fact_at_that_level_once():
    facts = [("high", "h"), ("medium", "m"), ("low", "l1"), ("low", "l2"), ("low", "l1"), ("low", "")]
    assert _weakest(facts) == ("low", "l1; l2")
    assert _weakest([("medium", "m1"), ("high", "h"), ("medium", "m2")]) == ("medium", "m1; m2")
    # a confidence left empty (or mistyped) in the data is not a weakness the answer can name
    assert _weakest([("", "empty"), ("certain", "typo"), ("high", "h")]) == ("high", "")
    assert _weakest([("", "empty"), ("medium", "m")]) == ("medium", "m")
    assert _weakest([]) == ("high", "")


# ---- context: what a journalist should know beside the answer ----------------------------------------------


def test_non_compliance_findings_and_referrals_from_their_decision_date(world):
    finding = ("ICC finding of non-compliance against Deltaland on 2021-06-01 for failing to arrest Person One "
               "(visit 2021-05-01..2021-05-02), referred to UNSC and ASP.")
    other = "ICC finding of non-compliance against Deltaland on 2021-06-01 for failing to arrest someone-else (visit 2019-01-01)."
    referral = ("ICC decision of 2021-07-01 referring Deltaland to UNSC and ASP for failing to arrest Person One "
                "(visit 2021-05-01..2021-05-02).")
    assert finding not in evaluate("p-one", "DD", "2021-05-31", world).context
    on = evaluate("p-one", "DD", "2021-06-01", world).context
    assert on[:2] == (finding, other) and referral not in on
    assert evaluate("p-one", "DD", "2021-07-01", world).context[:3] == (finding, referral, other)


def test_a_reported_death_before_the_warrant_and_the_courts_own_end(world):
    v = evaluate("p-four", "NL", "2021-06-01", world)
    # of two ended warrants, the one that ended last is the answer's
    assert (v.warrant, v.obligation, v.basis, v.warrant_ended_how) == ("ended", "no", "warrant_ended", "terminated")
    assert v.explanation == (
        "Person Four's ICC arrest warrant ended on 2021-01-01 (terminated); no arrest obligation arises from it on "
        "this date. A report that Person Four died on 2019-12-31, before the warrant was issued on 2020-02-01, did "
        "not end it: the warrant stood until the Court's own decision.")
    assert ("Person Four was reported killed on 2019-12-31, before the warrant was issued on 2020-02-01; the Court "
            "ended the warrant on 2021-01-01 (terminated). The answer follows the Court's record.") in v.context
    # the doubt recorded about the warrant concerns its issue date, 16 months before: it cannot change this answer
    assert (v.confidence, v.confidence_note) == ("high", "")


def test_a_reported_death_the_court_has_not_acted_on(world):
    note = ("Person Five was reported killed on 2020-06-01; the Court has not ended the warrant. The answer "
            "follows the Court's record.")
    assert note not in evaluate("p-five", "NL", "2020-05-31", world).context
    v = evaluate("p-five", "NL", "2020-06-01", world)
    assert (v.obligation, v.basis) == ("yes", "state_party") and note in v.context


def test_low_confidence_records_are_named_in_the_context(world):
    v = evaluate("p-five", "NL", "2020-01-01", world)  # issued that day, recorded with low confidence
    assert "Data confidence: warrant p-five-1 is recorded with low confidence: date uncertain" in v.context
    assert not any("Data confidence" in c for c in evaluate("p-five", "NL", "2019-12-31", world).context)
    v = evaluate("p-one", "II", "2021-06-01", world)  # a revoked notice known only from one report
    assert (v.obligation, v.basis) == ("yes", "state_party")
    assert ("Data confidence: the record of Iotaland's withdrawal notice of 2016-01-01 is low: reported by one "
            "newspaper") in v.context


def test_announcements_and_unverified_notices_from_the_day_they_are_known(world):
    unverified = ("Cetaland: a withdrawal notification dated 2023-01-10 is reported by a source we could not "
                  "verify; it is not applied to this answer until confirmed.")
    announced = ("Cetaland announced a withdrawal on 2024-06-01; no notification to the UN Secretary-General is "
                 "recorded by 2024-06-01, so it had no legal effect then.")
    assert unverified not in evaluate("p-two", "CC", "2023-01-09", world).context
    assert unverified in evaluate("p-two", "CC", "2023-01-10", world).context
    ctx = evaluate("p-two", "CC", "2024-06-01", world).context
    assert unverified in ctx and announced in ctx  # the unverified notice does not hide a later announcement
    assert not any("announced" in c for c in evaluate("p-two", "CC", "2024-05-31", world).context)


def test_an_announcement_says_what_followed_it(world):
    gg = evaluate("p-one", "GG", "2018-02-28", world).context
    assert ("Gammaland announced a withdrawal on 2018-01-01; no notification to the UN Secretary-General is "
            "recorded by 2018-02-28, so it had no legal effect then (a notification followed on 2018-03-01, "
            "effective 2019-03-01).") in gg
    assert not any("announced" in c for c in evaluate("p-one", "GG", "2018-03-01", world).context)
    hh = evaluate("p-one", "HH", "2018-02-28", world).context
    assert ("Hetaland announced a withdrawal on 2018-01-01; no notification to the UN Secretary-General is "
            "recorded by 2018-02-28, so it had no legal effect then (a notification on 2018-03-01 is reported "
            "but unverified).") in hh


def test_stale_data_is_flagged_after_90_days(world):
    from datetime import date

    from riskcheck.verdict import stale_note

    checked = date(2026, 1, 1)
    assert world.checked == checked
    assert stale_note(world, date(2026, 4, 1), today=checked) == ""  # 90 days: not yet stale
    assert stale_note(world, date(2026, 4, 2), today=checked) == (
        "Stale data: the data was last checked on 2026-01-01, more than 90 days before 2026-04-02; warrants, "
        "withdrawals or accessions since then are not reflected.")
    assert "more than 90 days before today;" in stale_note(world, date(2025, 1, 1), today=date(2026, 4, 2))
    assert "more than 90 days before today;" in stale_note(world, date(2026, 4, 2), today=date(2026, 4, 2))
    assert "before 2026-04-03;" in stale_note(world, date(2026, 4, 3), today=date(2026, 4, 2))


def test_without_a_checked_date_nothing_claims_one(world):
    from dataclasses import replace

    unchecked = replace(world, checked=None)
    v = evaluate(None, "NL", "2026-06-01", unchecked)
    assert v.explanation == ("No public ICC arrest warrant is on record for this person. The Court can issue "
                             "warrants under seal, so this does not prove that none exists.")
    assert (v.checked, v.projection) == ("", False)
    assert not any(s.startswith("data checked") for s in v.sources)
    from riskcheck.verdict import stale_note

    assert stale_note(unchecked, world.checked) == ""


# ---- spans ---------------------------------------------------------------------------------------------------


def test_a_span_ending_on_the_day_a_warrant_is_issued_straddles_it(world):
    v = evaluate("p-one", "NL", "2020-01-01..2020-01-10", world)
    assert (v.obligation, v.basis) == ("unknown", "date_straddles_change")
    v = evaluate("p-one", "NL", "2020-01-10..2020-01-20", world)  # starting that day: no change inside
    assert (v.obligation, v.basis) == ("yes", "state_party")


def test_a_span_ending_on_the_day_a_withdrawal_takes_effect_straddles_it(world):
    v = evaluate("p-one", "FF", "2020-02-20..2020-03-01", world)
    assert (v.obligation, v.basis) == ("unknown", "date_straddles_change")
    assert "until 2020-02-29 it is 'yes' (state_party_withdrawing); from 2020-03-01 it is 'residual'" in v.explanation
    v = evaluate("p-one", "FF", "2020-02-20..2020-02-29", world)
    assert (v.obligation, v.basis) == ("yes", "state_party_withdrawing")


def test_the_same_answer_for_three_reasons_in_a_span_gives_the_last(world):
    v = evaluate("p-four", "BB", "2019-12-01..2021-06-01", world)
    assert (v.obligation, v.basis, v.warrant) == ("no", "warrant_ended", "ended")
    assert v.explanation.startswith(
        "'no' throughout 2019-12-01..2021-06-01, for reasons that change within it (until 2019-12-31 "
        "warrant_not_yet_issued; from 2020-01-01 non_party; from 2021-01-01 warrant_ended). ")


def test_a_sealed_warrant_leaves_residual_duties_unknown(world):
    v = evaluate("p-three", "FF", "2020-06-01", world)
    assert (v.warrant, v.obligation, v.basis) == ("outstanding_sealed", "unknown", "warrant_sealed")
    v = evaluate("p-three", "FF", "2020-12-31", world)  # public that day
    assert (v.warrant, v.obligation, v.basis) == ("outstanding", "residual", "article_127_2")


# ---- where and check -----------------------------------------------------------------------------------------


def test_where_lists_obliged_then_residual_then_unknown_then_not_obliged(world):
    from riskcheck.verdict import where

    out = where("Person One", "2020-02-25..2020-03-05", world)
    got = [(v.country, v.obligation) for v in out]
    assert got == [("CC", "yes"), ("DD", "yes"), ("EE", "yes"), ("HH", "yes"), ("II", "yes"), ("NL", "yes"),
                   ("TT", "yes"), ("UU", "yes"), ("GG", "residual"), ("FF", "unknown"), ("BB", "no")]
    assert all(v.person == "Person One" for v in out)


def test_check_resolves_the_place_in_the_ruleset_given(world):
    from riskcheck.verdict import check

    v = check("Person One", "Deltaland", "2021-06-01", world)
    assert (v.country, v.obligation, v.basis, v.notes) == ("DD", "yes", "article_12_3", ())


def test_check_refuses_a_place_that_belongs_to_no_state():
    from riskcheck.errors import UnresolvedPlaceError
    from riskcheck.verdict import check

    with pytest.raises(UnresolvedPlaceError) as e:
        check("Putin", "Antarctica", "2023-08-22")
    assert str(e.value).startswith("place 'Antarctica': Antarctica is governed by the Antarctic Treaty")
    assert (e.value.mention, e.value.candidates) == ("Antarctica", [])


def test_an_ambiguous_name_offers_three_candidates(world):
    from riskcheck.errors import UnresolvedPersonError
    from riskcheck.verdict import check, where

    for ask in (lambda: check("Smithers", "NL", "2021-06-01", world), lambda: where("Smithers", "2021-06-01", world)):
        with pytest.raises(UnresolvedPersonError) as e:
            ask()
        assert str(e.value).endswith("; did you mean: Anna Smithers, Bruno Smithers, Carla Smithers?")
        assert e.value.candidates == ["Anna Smithers", "Bruno Smithers", "Carla Smithers", "Dario Smithers"]


def test_an_unknown_place_offers_at_most_three_candidates_or_none():
    from riskcheck.errors import UnresolvedPlaceError
    from riskcheck.verdict import check

    with pytest.raises(UnresolvedPlaceError) as e:
        check("Putin", "Santa", "2023-08-22")
    assert str(e.value) == ("place 'Santa' is not a known state, territory or city; did you mean: Santana, Brazil, "
                            "Tanta, Egypt, Satna, India?")
    assert len(e.value.candidates) > 3
    with pytest.raises(UnresolvedPlaceError) as e:
        check("Putin", "Zzqqxx", "2023-08-22")
    assert str(e.value) == "place 'Zzqqxx' is not a known state, territory or city"
