"""The date engine: pure functions from a contract's terms and a peildatum to its dates.

No I/O, no library, no clock: the same terms and peildatum give the same answer. The rules:

- a period ends on its last day (inclusive); the next period starts the day after;
- renewal period ``k`` (0 = the initial term) ends on ``(einddatum + 1 day) + k * n months
  - 1 day``, counted from the initial term so month ends never drift (a contract ending on
  28 February 2027 renewed by 12 months ends on 29 February 2028, and then on 28 February
  2029);
- the last day to give notice (or to exercise an option) is counted back from the end of the
  period it ends, the current one, not the initial one: notice on that day leaves the full
  term until the period's end. In months: ``(end + 1 day) - m months - 1 day``, where a day
  that does not exist in the shorter month becomes that month's last day (the earlier, safe
  answer); in days: ``end - d days``;
- a renewal happens only while one is left (an option) and its end does not pass the uiterste
  einddatum; a notice day that has passed means the next renewal is certain, so the next
  notice day is counted from the end of the renewed period (notice longer than a period can
  make several renewals certain).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

ONE_DAY = dt.timedelta(days=1)
MAX_PERIODS = 2400  # more than 200 years of monthly periods: a guard, not a rule


class Renewal(StrEnum):
    """How the contract continues after its initial term."""

    GEEN = "geen"
    STILZWIJGEND = "stilzwijgend"
    OPTIE = "optie"


class NoticeUnit(StrEnum):
    MAANDEN = "maanden"
    DAGEN = "dagen"


@dataclass(frozen=True)
class Notice:
    """A notice period: an amount of months or days."""

    amount: int
    unit: NoticeUnit

    def __str__(self) -> str:
        if self.unit is NoticeUnit.MAANDEN:
            return f"{self.amount} {'maand' if self.amount == 1 else 'maanden'}"
        return f"{self.amount} {'dag' if self.amount == 1 else 'dagen'}"


@dataclass(frozen=True)
class Terms:
    """What the register says about a contract's term."""

    end: dt.date  # last day of the initial term
    renewal: Renewal = Renewal.GEEN
    period_months: int | None = None  # length of a renewal period
    options: int | None = None  # for an option contract: the options left after ``end``
    max_end: dt.date | None = None  # the uiterste einddatum: no renewal may end after it
    notice: Notice | None = None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (negative: back); a day the target month lacks becomes its
    last day (31 March - 1 month = 28 or 29 February)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def period_end(terms: Terms, k: int) -> dt.date:
    """The last day of period ``k``: 0 is the initial term, 1 the first renewal, ..."""
    if k == 0:
        return terms.end
    if not terms.period_months:
        raise ValueError("a renewal needs a renewal period")
    return add_months(terms.end + ONE_DAY, k * terms.period_months) - ONE_DAY


def last_notice_day(end: dt.date, notice: Notice | None) -> dt.date:
    """The last day on which notice still ends the period ending on ``end``. No notice period
    means notice can be given up to and including the last day."""
    if notice is None or notice.amount == 0:
        return end
    if notice.unit is NoticeUnit.DAGEN:
        return end - dt.timedelta(days=notice.amount)
    return add_months(end + ONE_DAY, -notice.amount) - ONE_DAY


def renewal_allowed(terms: Terms, k: int) -> bool:
    """Whether period ``k`` (k >= 1) can follow: a renewal kind, a period, an option left, and
    its end not after the uiterste einddatum."""
    if k == 0:
        return True
    if terms.renewal is Renewal.GEEN or not terms.period_months:
        return False
    if terms.renewal is Renewal.OPTIE and k > (terms.options or 0):
        return False
    return terms.max_end is None or period_end(terms, k) <= terms.max_end


class Stop(StrEnum):
    """Why no further renewal follows the last certain period."""

    GEEN_VERLENGING = "geen verlenging afgesproken"
    OPTIES_OP = "alle opties zijn gebruikt"
    UITERSTE_EINDDATUM = "een volgende verlenging zou na de uiterste einddatum eindigen"


@dataclass(frozen=True)
class Schedule:
    """Where a contract stands on the peildatum.

    ``current_end`` ends the period that holds the peildatum (for an expired contract: the
    last period). ``certain_end`` is the end the contract runs to anyway, because notice
    days up to it have passed. ``notice_day`` is the last day to give notice or exercise an
    option against ``certain_end`` (None: no renewal follows it, the contract ends then).
    """

    peildatum: dt.date
    current_end: dt.date
    certain_end: dt.date
    notice_day: dt.date | None
    expired: bool
    renewals_before: int  # renewals between the initial end and the current period
    renewals_certain: int  # renewals up to certain_end (>= renewals_before)
    stop: Stop | None  # why no renewal follows certain_end (None: one can)
    options_left: int | None  # for options: left after certain_end

    @property
    def renewable(self) -> bool:
        return self.notice_day is not None

    @property
    def act_by(self) -> dt.date:
        """The last day to act: the notice day, or without a renewal the end itself."""
        return self.notice_day if self.notice_day is not None else self.certain_end


def _stop(terms: Terms, k: int) -> Stop:
    if terms.renewal is Renewal.GEEN or not terms.period_months:
        return Stop.GEEN_VERLENGING
    if terms.renewal is Renewal.OPTIE and k + 1 > (terms.options or 0):
        return Stop.OPTIES_OP
    return Stop.UITERSTE_EINDDATUM


def schedule(terms: Terms, peildatum: dt.date) -> Schedule:
    """Roll the contract forward to ``peildatum`` and find the next day to act.

    Renewals whose period has begun count as made (for options: the contract is still in
    use, so the option must have been exercised). Raises ValueError when more than
    MAX_PERIODS periods would be needed (a guard; dates are limited to 2000-2099).
    """
    k = 0
    expired = False
    while period_end(terms, k) < peildatum:
        if not renewal_allowed(terms, k + 1):
            expired = True
            break
        k += 1
        if k > MAX_PERIODS:
            raise ValueError("too many renewal periods")
    current = period_end(terms, k)
    options_total = terms.options if terms.renewal is Renewal.OPTIE else None
    if expired:
        return Schedule(
            peildatum,
            current,
            current,
            None,
            True,
            k,
            k,
            _stop(terms, k),
            None if options_total is None else max(options_total - k, 0),
        )
    j = k
    notice_day: dt.date | None
    stop: Stop | None
    while True:
        if not renewal_allowed(terms, j + 1):
            notice_day, stop = None, _stop(terms, j)
            break
        day = last_notice_day(period_end(terms, j), terms.notice)
        if day >= peildatum:
            notice_day, stop = day, None
            break
        j += 1  # the notice day passed: the renewal to period j is certain
        if j > k + MAX_PERIODS:
            raise ValueError("too many renewal periods")
    return Schedule(
        peildatum,
        current,
        period_end(terms, j),
        notice_day,
        False,
        k,
        j,
        stop,
        None if options_total is None else max(options_total - j, 0),
    )


def decision_date(act_by: dt.date, lead_months: int) -> dt.date:
    """The day to decide: ``lead_months`` before the last day to act (month ends clamp)."""
    return add_months(act_by, -lead_months)


def months_until(peildatum: dt.date, months: int) -> dt.date:
    """The last day of a window of ``months`` from ``peildatum`` (its bucket limit)."""
    return add_months(peildatum, months)


def latest_end(terms: Terms) -> dt.date | None:
    """The latest day the contract can run to with every renewal used (None: no limit)."""
    if terms.renewal is Renewal.GEEN or not terms.period_months:
        return terms.end
    if terms.renewal is Renewal.STILZWIJGEND and terms.max_end is None:
        return None
    k = 0
    while renewal_allowed(terms, k + 1) and k < MAX_PERIODS:
        k += 1
    return period_end(terms, k)
