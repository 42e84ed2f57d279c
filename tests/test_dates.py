from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from riskcheck.dates import DateSpan, parse_date, parse_day
from riskcheck.errors import DateError
from riskcheck.validate import entry_into_force


@pytest.mark.parametrize("text, start, end, precision, shown", [
    ("2023-08-22", date(2023, 8, 22), date(2023, 8, 22), "day", "2023-08-22"),
    ("2023-10", date(2023, 10, 1), date(2023, 10, 31), "month", "2023-10"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", "2024-02"),
    ("2017", date(2017, 1, 1), date(2017, 12, 31), "year", "2017"),
    ("2026-05-20..2026-06-10", date(2026, 5, 20), date(2026, 6, 10), "range", "2026-05-20..2026-06-10"),
    ("2023-08..2023-09", date(2023, 8, 1), date(2023, 9, 30), "range", "2023-08-01..2023-09-30"),
    (" 2023-8-2 ", date(2023, 8, 2), date(2023, 8, 2), "day", "2023-08-02"),
])
def test_forms(text, start, end, precision, shown):
    span = parse_date(text)
    assert (span.start, span.end, span.precision, str(span)) == (start, end, precision, shown)


@pytest.mark.parametrize("bad", ["2023-13-45", "2023-02-30", "yesterday", "23-01-01", "2023/01/01",
                                 "2024-06-10..2024-05-01", "2023-00", "..", "0000"])
def test_bad_dates_raise_one_line_error(bad):
    with pytest.raises(DateError) as exc:
        parse_date(bad)
    assert bad.strip() in str(exc.value) or "range" in str(exc.value)
    assert "\n" not in str(exc.value)


def test_empty_means_today():
    assert parse_date(None, today=date(2020, 1, 2)) == DateSpan.day(date(2020, 1, 2))
    assert parse_date("", today=date(2020, 1, 2)).start == date(2020, 1, 2)


def test_parse_day_wants_a_full_date():
    assert parse_day("2024-01-01") == date(2024, 1, 1)
    with pytest.raises(DateError):
        parse_day("2024-01")


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_day_roundtrip(d):
    assert parse_date(d.isoformat()) == DateSpan.day(d)
    assert parse_date(str(parse_date(d.isoformat()))) == DateSpan.day(d)


@given(st.dates(min_value=date(1000, 1, 1)), st.dates(min_value=date(1000, 1, 1)))
def test_range_roundtrip(a, b):
    a, b = min(a, b), max(a, b)
    span = parse_date(f"{a}..{b}")
    assert (span.start, span.end) == (a, b)
    assert parse_date(str(span)).start == a


@given(st.text(max_size=30))
def test_parse_never_raises_anything_but_date_error(s):
    try:
        span = parse_date(s)
    except DateError:
        return
    assert span.start <= span.end


@pytest.mark.parametrize("deposited, expected", [
    # art. 126(2): first day of the month after the 60th day following deposit
    (date(2002, 4, 11), date(2002, 7, 1)),    # the ten instruments deposited together, reaching 60
    (date(1998, 11, 30), date(2002, 7, 1)),   # Senegal, first ratification
    (date(2002, 6, 28), date(2002, 9, 1)),    # The Gambia
    (date(2011, 8, 30), date(2011, 11, 1)),   # Philippines
    (date(2015, 1, 2), date(2015, 4, 1)),     # Palestine
    (date(2023, 11, 14), date(2024, 2, 1)),   # Armenia
    (date(2024, 10, 25), date(2025, 1, 1)),   # Ukraine
    (date(2019, 3, 4), date(2019, 6, 1)),     # Malaysia (withdrawn before this date)
    (date(2021, 11, 1), date(2022, 1, 1)),    # 60th day is 31 Dec -> 1 Jan
])
def test_article_126_formula(deposited, expected):
    assert entry_into_force(deposited) == expected
