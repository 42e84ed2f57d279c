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


# exact messages: they are what a user reads (field names come from the option or column)
@pytest.mark.parametrize("call, message", [
    (lambda: parse_date("2023-13-45"), "invalid date '2023-13-45': no such date"),
    (lambda: parse_date("soon", field="--date"),
     "invalid --date 'soon': use YYYY-MM-DD, YYYY-MM, YYYY or START..END"),
    (lambda: parse_date("2023-01-01..2023-13-01", field="end"), "invalid end '2023-13-01': no such date"),
    (lambda: parse_date("2023-13-01..2023-01-01", field="start"), "invalid start '2023-13-01': no such date"),
    (lambda: parse_date("2023-01-01..2023-02-01..2023-03-01"),
     "invalid date '2023-02-01..2023-03-01': use YYYY-MM-DD, YYYY-MM, YYYY or START..END"),
    (lambda: parse_date("2024-06-10..2024-05-01", field="trip"),
     "invalid trip '2024-06-10..2024-05-01': range ends before it starts"),
    (lambda: parse_day("2023-02-30"), "invalid date '2023-02-30': no such date"),
    (lambda: parse_day("2023", field="--date"), "invalid --date '2023': a full date YYYY-MM-DD is needed"),
    (lambda: parse_day("2023-02-30", field="--date"), "invalid --date '2023-02-30': no such date"),
    (lambda: DateSpan(date(2023, 2, 1), date(2023, 1, 1)),
     "date range ends before it starts: 2023-02-01 .. 2023-01-01"),
])
def test_error_messages(call, message):
    with pytest.raises(DateError) as exc:
        call()
    assert str(exc.value) == message


def test_edges_of_the_forms():
    assert parse_date("0001") == DateSpan(date(1, 1, 1), date(1, 12, 31), "year")
    assert parse_date("0002").start == date(2, 1, 1)
    assert parse_date(date(2023, 1, 5)) == DateSpan(date(2023, 1, 5), date(2023, 1, 5), "day")
    span = DateSpan(date(2023, 1, 1), date(2023, 1, 9), "range")
    assert parse_date(span) is span
    # a one-day span shows as a day whatever precision it was given at; a day-precision span shows its start
    assert str(DateSpan(date(2023, 8, 1), date(2023, 8, 1), "month")) == "2023-08-01"
    assert str(DateSpan(date(2023, 8, 1), date(2023, 8, 3), "day")) == "2023-08-01"
    assert str(DateSpan(date(2023, 8, 1), date(2023, 8, 3), "range")) == "2023-08-01..2023-08-03"
    assert DateSpan.day(date(2023, 8, 1)).contains(date(2023, 8, 1))
    assert not span.contains(date(2023, 1, 10)) and span.contains(date(2023, 1, 1)) and span.contains(span.end)
    assert span.is_day is False and DateSpan.day(date(2023, 8, 1)).is_day is True
