"""A year-less dateline dated by the event edition its lead names (round 19). Texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from riskcheck.news.readers import header_date

LATER = "\n\n" + "Other business of the day was routine and is not reported here. " * 12


@pytest.mark.parametrize("dateline, lead, day", [
    ("BAKU, Nov 12", "World leaders began arriving on Tuesday for the leaders' segment of COP29.", date(2024, 11, 12)),
    ("JOHANNESBURG, Aug 22", "Leaders gathered on Tuesday for the 15th BRICS summit.", date(2023, 8, 22)),
])
def test_a_numbered_edition_in_the_lead_gives_the_dateline_its_year(dateline: str, lead: str, day: date) -> None:
    # (an edition named further down, "COP30 next year", does not make it ambiguous)
    text = f"Leaders arrive\n\n{dateline} - {lead}{LATER}Next year's host, Brazil, is preparing COP30.\n"
    _, span, basis = header_date(text)
    assert basis == "dateline_year" and span is not None and span.start == day


@pytest.mark.parametrize("lead", [
    "Leaders gathered on Tuesday for the G20 summit.",  # no number: some year's edition is near almost any day
    "Leaders gathered on Tuesday for the 15th BRICS summit.",  # its days are far from this dateline's
    "Delegates compared COP29 with COP30 on Tuesday.",  # two editions of two years near the day: ambiguous
])
def test_an_edition_that_does_not_fix_the_year_leaves_it_unresolved(lead: str) -> None:
    day = "Nov 12" if "COP" in lead else "Mar 3"
    _, span, basis = header_date(f"Leaders arrive\n\nBRISBANE, {day} - {lead}\n")
    assert span is None and basis == "none"
