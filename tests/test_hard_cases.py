"""Each hard case in the bundled data, a day before and a day after the date it changes.

Sources are in the data rows (data/states.csv, data/withdrawals.csv) and docs/data-notes-states.md.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from riskcheck.ruleset import load_ruleset

ONE = timedelta(days=1)

# code, change date, status the day before, status on the day, what changes
CHANGES = [
    ("BI", "2017-10-27", "party_withdrawing", "withdrawn", "Burundi's withdrawal takes effect (notified 2016-10-27)"),
    ("BI", "2016-10-27", "party", "party_withdrawing", "Burundi's notice reaches the Secretary-General"),
    ("PH", "2019-03-17", "party_withdrawing", "withdrawn", "the Philippines' withdrawal takes effect"),
    ("PH", "2018-03-17", "party", "party_withdrawing", "the Philippines' notice"),
    ("PH", "2011-11-01", "non_party", "party", "the Statute enters into force for the Philippines"),
    ("ZA", "2017-03-07", "party_withdrawing", "party", "South Africa revokes its notice"),
    ("ZA", "2016-10-19", "party", "party_withdrawing", "South Africa's notice"),
    ("GM", "2017-02-10", "party_withdrawing", "party", "The Gambia revokes its notice"),
    ("GM", "2016-11-10", "party", "party_withdrawing", "The Gambia's notice"),
    ("HU", "2025-06-02", "party", "party_withdrawing", "Hungary's notice (C.N.225.2025)"),
    ("HU", "2026-05-29", "party_withdrawing", "party", "Hungary revokes its notice before 2026-06-02"),
    ("NE", "2026-06-18", "party", "party_withdrawing", "Niger's notice (medium confidence)"),
    ("UA", "2025-01-01", "non_party", "party", "Ukraine: in force 2025-01-01 after deposit on 2024-10-25"),
    ("AM", "2024-02-01", "non_party", "party", "Armenia: in force 2024-02-01"),
    ("PS", "2015-04-01", "non_party", "party", "Palestine: in force 2015-04-01"),
]


@pytest.mark.parametrize("code, day, before, after, what", CHANGES, ids=[f"{c[0]}-{c[1]}" for c in CHANGES])
def test_status_changes_on_the_day(code, day, before, after, what):
    rs = load_ruleset()
    d = date.fromisoformat(day)
    assert rs.state_status(code, d - ONE).status == before, what
    assert rs.state_status(code, d).status == after, what


def test_hungary_never_left():
    rs = load_ruleset()
    for d in ("2026-06-01", "2026-06-02", "2026-06-03", "2027-01-01"):
        assert rs.state_status("HU", date.fromisoformat(d)).status == "party"


@pytest.mark.parametrize("code", ["BF", "ML", "TD", "NR", "VE"])
def test_unconfirmed_2026_notices_are_not_applied(code):
    rs = load_ruleset()
    for d in ("2026-11-28", "2027-12-31"):
        assert rs.state_status(code, date.fromisoformat(d)).status == "party"


def test_sahel_announcement_alone_changes_nothing():
    rs = load_ruleset()
    for code in ("BF", "ML", "NE"):
        assert rs.state_status(code, date(2025, 9, 23)).status == "party"


def test_malaysia_never_a_party():
    rs = load_ruleset()
    for d in ("2019-03-03", "2019-03-04", "2019-04-28", "2019-04-29", "2019-06-01", "2025-01-01"):
        assert rs.state_status("MY", date.fromisoformat(d)).status == "non_party"
    assert "withdrawn" in rs.state_status("MY", date(2019, 4, 29)).detail


@pytest.mark.parametrize("code, withdrawn_on", [("US", "2002-05-06"), ("IL", "2002-08-28"), ("SD", "2008-08-26"),
                                                ("RU", "2016-11-30")])
def test_signature_withdrawn(code, withdrawn_on):
    rs = load_ruleset()
    d = date.fromisoformat(withdrawn_on)
    before, after = rs.state_status(code, d - ONE), rs.state_status(code, d)
    assert before.status == after.status == "non_party"
    assert "signed" in before.detail and "does not intend" not in before.detail
    assert "does not intend to become a party" in after.detail
