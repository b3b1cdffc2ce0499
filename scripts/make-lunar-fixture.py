#!/usr/bin/env python3
"""Makes Tests/CalendarTests/Fixtures/lunar-vn.tsv: solar dates and their Vietnamese lunar dates as an
independent implementation, the PyPI package lunar-vn, computes them. Run once and commit the result:

    python3 -m venv /tmp/lunar-venv && /tmp/lunar-venv/bin/pip install lunar-vn==1.4.0
    /tmp/lunar-venv/bin/python scripts/make-lunar-fixture.py > Tests/CalendarTests/Fixtures/lunar-vn.tsv

The rows are 400 days drawn with a fixed seed from 1900-01-01 to 2100-12-31, then the first and last
day of every leap month in that range, so each leap month is checked at both ends.
"""
import datetime
import random

import lunar_vn
from lunar_vn import core

FIRST = datetime.date(1900, 1, 1)
LAST = datetime.date(2100, 12, 31)


def row(day):
    lunar = core.convert_solar_to_lunar(day.day, day.month, day.year, 7.0)
    return f"{day.isoformat()}\t{lunar.day}\t{lunar.month}\t{lunar.year}\t{int(lunar.leap)}"


def leap_month_edges():
    day = FIRST
    previous = None
    while day <= LAST:
        lunar = core.convert_solar_to_lunar(day.day, day.month, day.year, 7.0)
        if lunar.leap and (previous is None or not previous.leap):
            yield day
        if previous is not None and previous.leap and not lunar.leap:
            yield day - datetime.timedelta(days=1)
        previous = lunar
        day += datetime.timedelta(days=1)


def main():
    rng = random.Random(20240210)
    span = (LAST - FIRST).days
    days = sorted({FIRST + datetime.timedelta(days=rng.randrange(span + 1)) for _ in range(400)})
    print(f"# solar\tday\tmonth\tyear\tleap  (lunar-vn {lunar_vn.__version__ if hasattr(lunar_vn, '__version__') else '1.4.0'}, UTC+7)")
    for day in days:
        print(row(day))
    for day in leap_month_edges():
        print(row(day))


if __name__ == "__main__":
    main()
