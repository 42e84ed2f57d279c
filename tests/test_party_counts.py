"""How many states were bound as States Parties on dates around each join and withdrawal since 2002.

Counts follow entry into force (art. 126), which decides the duty to arrest; the press often counts from
deposit instead (see docs/data-notes-states.md). Each expected number cites who stated it at the time.
"""

from __future__ import annotations

from datetime import date

import pytest

from riskcheck.ruleset import load_ruleset

COUNTS = [
    # date, expected, source
    ("2002-07-01", 66, "derived: 66 instruments deposited by the 2002-04-11 UN ceremony (CICC, 'World Signatures "
                       "and Ratifications'); later 2002 deposits entered into force from 2002-08-01"),
    ("2009-10-01", 110, "UN News 2009-07-22: Czech Republic becomes the 110th State Party on 2009-10-01"),
    ("2010-06-01", 111, "UN News 2010-03-24: Bangladesh the 111th, in force 2010-06-01"),
    ("2015-03-31", 122, "ASP President 2015-01-07: Palestine to become the 123rd State Party on 2015-04-01"),
    ("2015-04-01", 123, "ICC press release 2015-04-01, ceremony for Palestine, 123rd State Party"),
    ("2017-10-26", 124, "ASP press release PR1244 (2016): 124 States Parties; Burundi still bound until 2017-10-26"),
    ("2017-10-27", 123, "Burundi's withdrawal effective 2017-10-27 (ASP PR1244; UNTC)"),
    ("2019-03-16", 123, "Philippines bound until its withdrawal took effect (C.N.138.2018)"),
    ("2019-03-17", 122, "'As of March 2019, there are 122 ICC member states' after the Philippines left"),
    ("2024-01-31", 123, "ICC 2023-11-17: Armenia brings the number to 124 from 2024-02-01"),
    ("2024-02-01", 124, "ICC 2024-02-08: Armenia the 124th State Party; UNTC status page 2024-03: 'Parties: 124'"),
    ("2024-12-31", 124, "ICC spokesperson 2025-01-01: Ukraine 'officially becomes the 125th State Party'"),
    ("2025-01-01", 125, "as above"),
    ("2026-06-02", 125, "Hungary's notice (C.N.225.2025) revoked 2026-05-29 before taking effect"),
]


@pytest.mark.parametrize("day, expected, source", COUNTS, ids=[c[0] for c in COUNTS])
def test_states_parties_count(day, expected, source):
    assert len(load_ruleset().parties_on(date.fromisoformat(day))) == expected, source


def test_every_un_member_and_the_six_others_are_listed():
    rs = load_ruleset()
    kinds = [s.kind for s in rs.states.values()]
    assert kinds.count("un_member") == 193
    assert {"PS", "VA", "XK", "TW", "CK", "NU"} <= set(rs.states)


@pytest.mark.parametrize("code, day_before_party", [
    ("UA", "2024-12-31"), ("AM", "2024-01-31"), ("PS", "2015-03-31"), ("CI", "2013-04-30"), ("KI", "2020-01-31"),
])
def test_joins_take_effect_on_entry_into_force(code, day_before_party):
    rs = load_ruleset()
    d = date.fromisoformat(day_before_party)
    assert not rs.state_status(code, d).bound
    assert rs.state_status(code, date.fromordinal(d.toordinal() + 1)).bound
