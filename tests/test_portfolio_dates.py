"""The date engine: every notice and decision date against a hand computation, and properties
that must hold for any contract (GLPI's failure classes among them)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from aanbesteding.portfolio.dates import (
    Notice,
    NoticeUnit,
    Renewal,
    Stop,
    Terms,
    add_months,
    decision_date,
    last_notice_day,
    latest_end,
    period_end,
    renewal_allowed,
    schedule,
)

D = dt.date
MONTHS = NoticeUnit.MAANDEN
DAYS = NoticeUnit.DAGEN
PEIL = D(2027, 1, 15)


THREE_MONTHS = Notice(3, MONTHS)


def tacit(
    end: dt.date, months: int = 12, notice: Notice | None = THREE_MONTHS, max_end: dt.date | None = None
) -> Terms:
    return Terms(end=end, renewal=Renewal.STILZWIJGEND, period_months=months, notice=notice, max_end=max_end)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2027, 1, 31), 1, D(2027, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2027, 3, 31), -1, D(2027, 2, 28)),
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2028, 2, 29), 48, D(2032, 2, 29)),
        (D(2027, 12, 15), 1, D(2028, 1, 15)),
        (D(2027, 1, 15), -13, D(2025, 12, 15)),
    ],
)
def test_months_are_added_with_the_last_day_of_a_shorter_month(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("end", "notice", "expected"),
    [
        (D(2027, 12, 31), Notice(3, MONTHS), D(2027, 9, 30)),  # 1 Oct - 31 Dec is three months
        (D(2027, 4, 30), Notice(1, MONTHS), D(2027, 3, 31)),
        (D(2027, 6, 14), Notice(1, MONTHS), D(2027, 5, 14)),
        (D(2027, 5, 30), Notice(1, MONTHS), D(2027, 4, 29)),  # 30 April would leave a day short
        (D(2028, 2, 29), Notice(3, MONTHS), D(2027, 11, 30)),  # leap day: 1 Dec - 29 Feb
        (D(2027, 2, 28), Notice(1, MONTHS), D(2027, 1, 31)),
        (D(2027, 12, 31), Notice(90, DAYS), D(2027, 10, 2)),
        (D(2028, 3, 1), Notice(1, DAYS), D(2028, 2, 29)),
        (D(2027, 12, 31), Notice(0, DAYS), D(2027, 12, 31)),
        (D(2027, 12, 31), None, D(2027, 12, 31)),
    ],
)
def test_the_last_notice_day_leaves_the_full_notice_period(
    end: dt.date, notice: Notice | None, expected: dt.date
) -> None:
    assert last_notice_day(end, notice) == expected


def test_renewal_periods_are_counted_from_the_initial_end_so_month_ends_do_not_drift() -> None:
    terms = tacit(D(2027, 2, 28))
    assert [period_end(terms, k) for k in range(4)] == [D(2027, 2, 28), D(2028, 2, 29), D(2029, 2, 28), D(2030, 2, 28)]
    monthly = tacit(D(2027, 1, 30), months=1)
    assert [period_end(monthly, k) for k in range(4)] == [
        D(2027, 1, 30),
        D(2027, 2, 27),
        D(2027, 3, 30),
        D(2027, 4, 29),
    ]


def test_glpi_tacit_renewal_counts_notice_from_the_renewed_end_not_the_initial_one() -> None:
    s = schedule(tacit(D(2022, 12, 31)), PEIL)
    assert (s.current_end, s.notice_day, s.renewals_before) == (D(2027, 12, 31), D(2027, 9, 30), 5)
    assert not s.expired and s.stop is None


def test_a_passed_notice_day_makes_the_next_renewal_certain() -> None:
    s = schedule(tacit(D(2027, 3, 31)), PEIL)  # notice by 31 Dec 2026 was missed
    assert s.current_end == D(2027, 3, 31)
    assert (s.certain_end, s.notice_day, s.renewals_certain) == (D(2028, 3, 31), D(2027, 12, 31), 1)


def test_glpi_notice_longer_than_the_period_makes_several_renewals_certain() -> None:
    terms = tacit(D(2027, 1, 31), months=3, notice=Notice(7, MONTHS))
    s = schedule(terms, PEIL)
    # period ends 31 Jan, 30 Apr, 31 Jul, 31 Oct 2027, 31 Jan 2028; notice 7 months before:
    # 30 Jun 2026, 30 Sep 2026, 31 Dec 2026 (all passed), 31 Mar 2027.
    assert s.current_end == D(2027, 1, 31)
    assert (s.certain_end, s.notice_day, s.renewals_certain) == (D(2027, 10, 31), D(2027, 3, 31), 3)


def test_notice_in_days_is_counted_back_from_the_current_period() -> None:
    s = schedule(tacit(D(2025, 6, 30), notice=Notice(60, DAYS)), PEIL)
    assert (s.current_end, s.notice_day) == (D(2027, 6, 30), D(2027, 5, 1))


def test_a_contract_without_renewal_ends_and_then_expires() -> None:
    running = schedule(Terms(end=D(2027, 8, 31)), PEIL)
    assert (running.notice_day, running.stop, running.act_by) == (None, Stop.GEEN_VERLENGING, D(2027, 8, 31))
    gone = schedule(Terms(end=D(2026, 12, 31)), PEIL)
    assert gone.expired and gone.current_end == D(2026, 12, 31)


def test_options_are_used_up_one_by_one_and_then_the_contract_expires() -> None:
    options = Terms(end=D(2025, 12, 31), renewal=Renewal.OPTIE, period_months=12, options=2, notice=Notice(6, MONTHS))
    s = schedule(options, PEIL)  # options to 31 Dec 2026 and 31 Dec 2027: the last one runs
    assert (s.current_end, s.notice_day, s.options_left) == (D(2027, 12, 31), None, 0)
    assert not s.expired and s.stop is Stop.OPTIES_OP
    gone = schedule(
        Terms(end=D(2024, 12, 31), renewal=Renewal.OPTIE, period_months=12, options=2, notice=Notice(6, MONTHS)), PEIL
    )
    assert gone.expired and gone.current_end == D(2026, 12, 31) and gone.stop is Stop.OPTIES_OP
    left = schedule(
        Terms(end=D(2027, 6, 30), renewal=Renewal.OPTIE, period_months=12, options=2, notice=Notice(6, MONTHS)), PEIL
    )
    # the option date for 30 Jun 2027 (31 Dec 2026) passed: the option counts as exercised
    assert (left.notice_day, left.options_left) == (D(2027, 12, 31), 1)
    assert left.certain_end == D(2028, 6, 30) and left.renewals_certain == 1


def test_options_left_with_a_future_option_date() -> None:
    s = schedule(
        Terms(end=D(2027, 12, 31), renewal=Renewal.OPTIE, period_months=24, options=1, notice=Notice(6, MONTHS)), PEIL
    )
    assert (s.notice_day, s.options_left, s.stop) == (D(2027, 6, 30), 1, None)
    after = schedule(
        Terms(end=D(2027, 12, 31), renewal=Renewal.OPTIE, period_months=24, options=0, notice=Notice(6, MONTHS)), PEIL
    )
    assert after.notice_day is None and after.stop is Stop.OPTIES_OP


def test_no_renewal_may_end_after_the_uiterste_einddatum() -> None:
    terms = tacit(D(2025, 12, 31), max_end=D(2027, 12, 31))
    s = schedule(terms, PEIL)
    assert s.current_end == D(2027, 12, 31) and s.notice_day is None
    assert s.stop is Stop.UITERSTE_EINDDATUM
    expired = schedule(tacit(D(2024, 12, 31), max_end=D(2026, 6, 30)), PEIL)
    assert expired.expired and expired.current_end == D(2025, 12, 31)


def test_decision_date_is_the_lead_time_before_the_notice_day() -> None:
    assert decision_date(D(2027, 9, 30), 4) == D(2027, 5, 30)
    assert decision_date(D(2027, 8, 31), 6) == D(2027, 2, 28)
    assert decision_date(D(2028, 2, 29), 12) == D(2027, 2, 28)


# -- properties ----------------------------------------------------------------------------

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))
notices = st.builds(Notice, st.integers(0, 24), st.just(MONTHS)) | st.builds(Notice, st.integers(0, 400), st.just(DAYS))
terms_strategy = st.builds(
    Terms,
    end=dates,
    renewal=st.sampled_from(list(Renewal)),
    period_months=st.integers(1, 48) | st.none(),
    options=st.integers(0, 5) | st.none(),
    max_end=dates | st.none(),
    notice=notices | st.none(),
)


@given(dates, st.integers(0, 36))
def test_property_notice_in_months_is_safe_and_at_most_three_days_early(end: dt.date, m: int) -> None:
    day = last_notice_day(end, Notice(m, MONTHS))

    def term_end(notice_day: dt.date) -> dt.date:  # last day of a term starting the day after
        return add_months(notice_day + dt.timedelta(days=1), m) - dt.timedelta(days=1)

    assert term_end(day) <= end
    assert m == 0 or term_end(day + dt.timedelta(days=4)) > end


@given(dates, st.integers(0, 1000))
def test_property_notice_in_days_leaves_exactly_that_many_days(end: dt.date, d: int) -> None:
    assert (end - last_notice_day(end, Notice(d, DAYS))).days == d


@settings(max_examples=400)
@given(terms_strategy, dates)
def test_property_schedule_is_consistent(terms: Terms, peil: dt.date) -> None:
    s = schedule(terms, peil)
    ends = [period_end(terms, k) for k in range(s.renewals_certain + 1)] if terms.period_months else [terms.end]
    assert s.current_end == ends[s.renewals_before] and s.certain_end == ends[-1]
    assert all(renewal_allowed(terms, k) for k in range(s.renewals_certain + 1))
    if s.expired:
        assert s.current_end < peil and s.notice_day is None and s.stop is not None
    else:
        assert s.current_end >= peil and s.certain_end >= s.current_end
        assert (s.renewals_before == 0) or period_end(terms, s.renewals_before - 1) < peil
    if s.notice_day is not None:
        assert peil <= s.notice_day <= s.certain_end
        assert s.notice_day == last_notice_day(s.certain_end, terms.notice)
        assert renewal_allowed(terms, s.renewals_certain + 1) and s.stop is None
    else:
        assert not renewal_allowed(terms, s.renewals_certain + 1)
    for k in range(s.renewals_before, s.renewals_certain):  # each certain renewal: notice missed
        assert last_notice_day(period_end(terms, k), terms.notice) < peil
    if terms.max_end is not None and s.renewals_certain > 0:
        assert s.certain_end <= terms.max_end
    if s.options_left is not None:
        assert s.options_left >= 0


@given(terms_strategy, dates)
def test_property_the_answer_holds_until_the_day_to_act(terms: Terms, peil: dt.date) -> None:
    first = schedule(terms, peil)
    if first.notice_day is not None:
        later = schedule(terms, first.notice_day)
        assert (later.notice_day, later.certain_end) == (first.notice_day, first.certain_end)


@given(terms_strategy, dates)
def test_property_the_latest_end_is_never_before_the_end_the_contract_runs_to(terms: Terms, peil: dt.date) -> None:
    last = latest_end(terms)
    if last is None:
        assert terms.renewal is Renewal.STILZWIJGEND and terms.max_end is None and terms.period_months
    else:
        assert last >= schedule(terms, peil).certain_end
        assert terms.max_end is None or last <= max(terms.max_end, terms.end)


def test_buckets_follow_the_horizon() -> None:
    from aanbesteding.portfolio.analysis import bucket_names

    assert bucket_names(12) == ("verlopen", "binnen 3 maanden", "binnen 6 maanden", "binnen 12 maanden", "later")
    assert bucket_names(24)[-2:] == ("binnen 24 maanden", "later")
    assert bucket_names(1) == ("verlopen", "binnen 1 maand", "later")
