"""Parsing of dates, numbers, booleans and lists, with property tests on dates and coordinates."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from schemas.parsing import (ParseError, PartialDate, parse_boolean, parse_date, parse_decimal, parse_integer,
                             parse_list, parse_partial_date)


@pytest.mark.parametrize("text, iso", [
    ("2019-04-12", "2019-04-12"), ("2019-4-2", "2019-04-02"), ("2019-04", "2019-04"), ("1971", "1971"),
    ("20190412", "2019-04-12"), ("2019--12", None), ("201904--", "2019-04"), ("1998----", "1998"),
    ("19980000", "1998"), ("2019年4月12日", "2019-04-12"), ("2019 年 4 月", "2019-04"), ("2019年", "2019"),
    ("2019/04/12", "2019-04-12"), ("2019.4.12", "2019-04-12"), ("2019-04-12T10:30:00Z", "2019-04-12"),
    ("１９９８－０５－０１", "1998-05-01"),
])
def test_accepted_date_forms(text, iso):
    if iso is None:
        with pytest.raises(ParseError):
            parse_partial_date(text)
    else:
        assert parse_partial_date(text).iso() == iso


@pytest.mark.parametrize("text", ["2019-02-30", "2019-13-01", "12/04/2019", "April 2019", "", "0999", "2019-00-05",
                                  "2019-04-12/2019-04-10"])
def test_rejected_dates(text):
    with pytest.raises(ParseError):
        parse_date(text)


@pytest.mark.parametrize("text, normalised", [
    ("1900/1909", "1900/1909"), ("2007-11-13/15", "2007-11-13/2007-11-15"), ("2007-11/12", "2007-11/2007-12"),
    ("2007-11-13/2007-12-01", "2007-11-13/2007-12-01"),
])
def test_intervals(text, normalised):
    assert parse_date(text)[0] == normalised


def test_inverted_interval_has_its_own_code():
    with pytest.raises(ParseError) as caught:
        parse_date("2007-11-13/2006")
    assert caught.value.code == "RECORDED_DATE_RANGE_INVERTED"


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_every_real_date_round_trips_in_every_form(day):
    for text in (day.isoformat(), day.strftime("%Y%m%d"), f"{day.year}年{day.month}月{day.day}日",
                 f"{day.year}/{day.month}/{day.day}"):
        parsed = parse_partial_date(text)
        assert parsed.earliest() == parsed.latest() == day


# start + 4000 days must stay within the years 1000-2999 the parser accepts
@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2988, 12, 31)), st.integers(0, 4000))
def test_intervals_are_ordered(start, length):
    end = start + timedelta(days=length)
    normalised, first, last = parse_date(f"{start.isoformat()}/{end.isoformat()}")
    assert first.earliest() == start and last.latest() == end
    assert normalised == f"{start.isoformat()}/{end.isoformat()}"


@given(st.integers(1000, 2999), st.integers(1, 12))
def test_month_precision_spans_the_whole_month(year, month):
    parsed = PartialDate(year, month)
    assert parsed.earliest().day == 1 and (parsed.latest() + timedelta(days=1)).day == 1


@given(st.floats(min_value=-180, max_value=180, allow_nan=False))
def test_decimal_degrees_round_trip(value):
    assert parse_decimal(repr(value)) == value


@pytest.mark.parametrize("text", ["30°17'N", "30,5", "nan", "inf", "1e999", "", "--"])
def test_non_decimal_coordinates_are_refused(text):
    with pytest.raises(ParseError):
        parse_decimal(text)


def test_numbers_booleans_lists():
    assert parse_integer("1,200") == 1200 and parse_integer("12.0") == 12
    with pytest.raises(ParseError):
        parse_integer("12.5")
    assert parse_decimal("３０.５") == 30.5
    assert [parse_boolean(word) for word in ("Yes", "是", "0", "FALSE")] == [True, True, False, False]
    with pytest.raises(ParseError):
        parse_boolean("maybe")
    assert parse_list("Zhang San | Li Si") == ["Zhang San", "Li Si"]
    assert parse_list("Zhang San; Li Si") == ["Zhang San", "Li Si"]
    assert parse_list("13;20", ";") == ["13", "20"]
