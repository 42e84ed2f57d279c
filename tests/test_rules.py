"""The legal rules of the verdict engine, on a small controlled data folder (tests/fixtures/mini_data).

Each rule is tested on both sides of the date where it changes. The bundled, sourced data is tested
separately in test_legal_cases.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from riskcheck.dates import parse_date
from riskcheck.verdict import BASES, evaluate


def v(rs, pid, code, when):
    return evaluate(pid, code, parse_date(when), rs)


def test_party_from_entry_into_force_only(mini):
    # Ukraine deposited 2024-10-25; the Statute entered into force for it on 2025-01-01 (art. 126(2)).
    assert mini.state_status("UA", date(2024, 12, 31)).status == "non_party"
    assert mini.state_status("UA", date(2025, 1, 1)).status == "party"
    before = v(mini, "vladimir-putin", "UA", "2024-12-31")
    after = v(mini, "vladimir-putin", "UA", "2025-01-01")
    # before: bound only through its art. 12(3) declaration for the Ukraine situation
    assert (before.obligation, before.basis) == ("yes", "article_12_3")
    assert (after.obligation, after.basis) == ("yes", "state_party")


def test_withdrawing_state_stays_bound_until_effective(mini):
    d_before = v(mini, "omar-al-bashir", "PH", "2019-03-16")
    assert (d_before.obligation, d_before.basis) == ("yes", "state_party_withdrawing")
    assert "2019-03-17" in d_before.explanation
    assert any("Pending withdrawal" in c for c in d_before.context)


def test_after_withdrawal_residual_for_proceedings_begun_before(mini):
    # Darfur proceedings began in 2005, while the Philippines later became a party (2011-2019)
    after = v(mini, "omar-al-bashir", "PH", "2019-03-17")
    assert (after.obligation, after.basis) == ("residual", "article_127_2")
    assert "contested" in after.explanation
    # Ukraine investigation opened in 2022, after the withdrawal took effect: no duty survives
    putin = v(mini, "vladimir-putin", "PH", "2024-01-01")
    assert (putin.obligation, putin.basis) == ("no", "non_party")


def test_burundi_residual_for_its_own_situation(mini):
    # Burundi's withdrawal took effect 2017-10-27; the investigation was authorised on 2017-10-25.
    r = v(mini, "burundi-general", "BI", "2021-01-01")
    assert (r.obligation, r.basis) == ("residual", "article_127_2")
    day_before = mini.state_status("BI", date(2017, 10, 26))
    assert day_before.status == "party_withdrawing"
    assert mini.state_status("BI", date(2017, 10, 27)).status == "withdrawn"


@pytest.mark.parametrize("code, revoked", [("ZA", date(2017, 3, 7)), ("GM", date(2017, 2, 10))])
def test_revoked_notice_never_takes_effect(mini, code, revoked):
    assert mini.state_status(code, revoked - timedelta(days=1)).status == "party_withdrawing"
    assert mini.state_status(code, revoked).status == "party"
    assert mini.state_status(code, date(2018, 6, 1)).status == "party"
    assert "revoked" in mini.state_status(code, date(2018, 6, 1)).detail


def test_malaysia_accession_withdrawn_before_entry_into_force(mini):
    for d in (date(2019, 3, 3), date(2019, 3, 5), date(2019, 6, 1), date(2024, 1, 1)):
        assert mini.state_status("MY", d).status == "non_party"
    assert "withdrawn" in mini.state_status("MY", date(2024, 1, 1)).detail


def test_unsc_referral_binds_only_for_that_situation(mini):
    bashir = v(mini, "omar-al-bashir", "SD", "2015-01-01")
    assert (bashir.obligation, bashir.basis) == ("yes", "unsc_referral")
    assert "1593" in bashir.explanation
    putin = v(mini, "vladimir-putin", "SD", "2024-01-01")
    assert (putin.obligation, putin.basis) == ("no", "non_party")


def test_article_12_3_binds_only_for_that_situation(mini):
    bashir = v(mini, "omar-al-bashir", "UA", "2020-01-01")
    assert (bashir.obligation, bashir.basis) == ("no", "non_party")


def test_warrant_binds_only_between_issue_and_end(mini):
    assert v(mini, "vladimir-putin", "ZA", "2023-03-16").basis == "warrant_not_yet_issued"
    assert v(mini, "vladimir-putin", "ZA", "2023-03-16").warrant == "not_yet_issued"
    assert v(mini, "vladimir-putin", "ZA", "2023-03-17").obligation == "yes"
    dead_before = v(mini, "dead-person", "ZA", "2015-05-04")
    dead_after = v(mini, "dead-person", "ZA", "2015-05-05")
    assert dead_before.obligation == "yes"
    assert (dead_after.obligation, dead_after.basis, dead_after.warrant) == ("no", "warrant_ended", "ended")
    assert dead_after.warrant_ended_how == "died"


def test_sealed_warrant_is_unknown_not_yes(mini):
    sealed = v(mini, "sealed-person", "ZA", "2023-06-01")
    assert (sealed.warrant, sealed.obligation, sealed.basis) == ("outstanding_sealed", "unknown", "warrant_sealed")
    assert v(mini, "sealed-person", "ZA", "2024-06-01").obligation == "yes"


def test_excluded_territory_is_no(mini):
    gl = v(mini, "vladimir-putin", "GL", "2024-01-01")
    assert (gl.obligation, gl.basis, gl.sovereign) == ("no", "territory_excluded", "DK")
    dk = v(mini, "vladimir-putin", "DK", "2024-01-01")
    assert dk.obligation == "yes"
    hk = v(mini, "vladimir-putin", "HK", "2024-01-01")
    assert (hk.obligation, hk.basis, hk.sovereign) == ("no", "non_party", "CN")


def test_no_warrant_record(mini):
    r = evaluate(None, "ZA", parse_date("2024-01-01"), mini, person_label="Sergey Lavrov")
    assert (r.obligation, r.basis, r.warrant, r.person) == ("no", "no_warrant", "none", "Sergey Lavrov")


def test_span_that_straddles_a_change_is_unknown_and_names_it(mini):
    r = v(mini, "vladimir-putin", "UA", "2024-12-20..2025-01-10")
    # 12(3) then State Party: obligation is yes throughout; only the basis changes, so the answer stands
    # (issue 11 item 3: only a change of obligation makes a span unknown)
    assert (r.obligation, r.basis) == ("yes", "state_party")
    assert "2025-01-01" in r.explanation and "article_12_3" in r.explanation
    m = v(mini, "vladimir-putin", "ZA", "2023-03")
    assert m.basis == "date_straddles_change" and "2023-03-17" in m.explanation
    same = v(mini, "vladimir-putin", "ZA", "2024")
    assert (same.obligation, same.basis, same.date) == ("yes", "state_party", "2024")


def test_month_and_year_without_change_are_answered(mini):
    r = v(mini, "vladimir-putin", "CN", "2023-10")
    assert (r.obligation, r.basis, r.start, r.end) == ("no", "non_party", "2023-10-01", "2023-10-31")


def test_projection_after_checked_date(mini):
    r = v(mini, "vladimir-putin", "ZA", "2030-01-01")
    assert r.projection and "Projection" in r.explanation and r.obligation == "yes"
    assert not v(mini, "vladimir-putin", "ZA", "2025-01-01").projection


def test_non_compliance_context_and_sources(mini):
    r = v(mini, "omar-al-bashir", "ZA", "2018-01-01")
    assert any("non-compliance" in c and "2017-07-06" in c for c in r.context)
    assert "https://example.org/src/za" in r.sources and "https://example.org/src/w-b1" in r.sources
    assert r.sources[-1].startswith("data checked ")
    # a finding made after the date asked about is not context yet
    assert not any("finding of non-compliance against" in c for c in v(mini, "omar-al-bashir", "ZA", "2016-01-01").context)


def test_announcement_without_notification_has_no_effect(mini):
    # RU is a non-party anyway; the point is the context note and that nothing changes legally
    r = v(mini, "vladimir-putin", "RU", "2025-06-01")
    assert any("no legal effect" in c for c in r.context)


def test_every_basis_is_documented(mini):
    seen = {v(mini, p, c, d).basis for p, c, d in [
        ("vladimir-putin", "ZA", "2024-01-01"), ("omar-al-bashir", "PH", "2019-01-01"),
        ("omar-al-bashir", "SD", "2019-01-01"), ("vladimir-putin", "UA", "2024-01-01"),
        ("omar-al-bashir", "PH", "2020-01-01"), ("vladimir-putin", "GL", "2024-01-01"),
        ("vladimir-putin", "CN", "2024-01-01"), ("vladimir-putin", "CN", "2020-01-01"),
        ("dead-person", "CN", "2020-01-01"), ("sealed-person", "ZA", "2023-06-01"),
        ("vladimir-putin", "ZA", "2023"),
    ]}
    assert seen <= set(BASES)
    assert len(seen) == 11


def test_explanations_name_the_sovereign_and_use_the(mini_copy):
    from riskcheck.ruleset import load_ruleset

    t = mini_copy / "territories.csv"
    t.write_text(t.read_text() + "FO,Faroe Islands,DK,yes,2010-01-01,,https://example.org/fo,2026-01-01,high,\n")
    rs = load_ruleset(mini_copy)
    fo = evaluate("vladimir-putin", "FO", parse_date("2024-01-01"), rs)
    assert fo.obligation == "yes" and fo.sovereign == "DK"
    assert fo.explanation.startswith("Faroe Islands is a territory of Denmark where the Statute applies since 2010-01-01.")
    assert "Denmark has been a State Party since 2002-07-01" in fo.explanation
    ph = evaluate("omar-al-bashir", "PH", parse_date("2019-01-01"), rs)
    assert ph.explanation.startswith("The Philippines gave notice of withdrawal on 2018-03-17")
