"""The verdict at its date boundaries, one day either side (art. 127(2), projections), on fixture data."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest

from riskcheck.dates import DateSpan
from riskcheck.ruleset import clear_cache, load_ruleset
from riskcheck.verdict import evaluate

from .conftest import MINI


def _with_burundi_opened(tmp_path, opened: str):
    """The mini data with the Burundi situation opened on ``opened`` (its withdrawal took effect 2017-10-27)."""
    dest = tmp_path / f"data-{opened}"
    shutil.copytree(MINI, dest)
    p = dest / "situations.csv"
    p.write_text(p.read_text().replace("burundi,Burundi,BI,2017-10-25,", f"burundi,Burundi,BI,{opened},"))
    clear_cache()
    return load_ruleset(dest)


@pytest.mark.parametrize("opened, obligation, basis", [
    ("2017-10-26", "residual", "article_127_2"),  # the day before the withdrawal took effect: began while a party
    ("2017-10-27", "no", "non_party"),  # the day it took effect: no longer a party when proceedings began
    ("2017-10-28", "no", "non_party"),
])
def test_article_127_2_needs_proceedings_begun_before_the_withdrawal_took_effect(tmp_path, opened, obligation,
                                                                                 basis):
    rs = _with_burundi_opened(tmp_path, opened)
    try:
        v = evaluate("burundi-general", "BI", "2021-06-01", rs)
    finally:
        clear_cache()
    assert (v.warrant, v.obligation, v.basis) == ("outstanding", obligation, basis)
    if obligation == "residual":
        assert "2017-10-27" in v.explanation and opened in v.explanation


def test_article_127_2_on_the_bundled_fixture(mini):
    v = evaluate("burundi-general", "BI", "2021-06-01", mini)
    assert (v.obligation, v.basis) == ("residual", "article_127_2")
    assert "from 2017-10-25" in v.explanation and "took effect on 2017-10-27" in v.explanation


def test_projection_starts_the_day_after_the_data_was_checked(mini):
    checked = mini.checked
    assert checked == date(2026, 1, 1)
    on = evaluate("vladimir-putin", "ZA", DateSpan.day(checked), mini)
    after = evaluate("vladimir-putin", "ZA", DateSpan.day(checked + timedelta(days=1)), mini)
    assert not on.projection and "Projection" not in on.explanation
    assert after.projection and after.explanation.endswith(
        "(Projection: the data was last checked on 2026-01-01; later changes are not reflected.)")
    # a span is a projection when it ends after the checked date, even if it starts before
    span = DateSpan(checked - timedelta(days=3), checked + timedelta(days=1), "range")
    assert evaluate("vladimir-putin", "ZA", span, mini).projection
    span = DateSpan(checked - timedelta(days=3), checked, "range")
    assert not evaluate("vladimir-putin", "ZA", span, mini).projection
