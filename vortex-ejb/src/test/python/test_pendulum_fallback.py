"""The pendulum stand-in gives the values DAG files expect (region zones included)."""
from __future__ import absolute_import, division, print_function, unicode_literals

import os
import sys
import unittest
from datetime import timedelta

from shim_paths import SHIM_ROOT

sys.path.insert(0, os.path.join(SHIM_ROOT, "vortex_fallback"))
import pendulum  # noqa: E402  - the stand-in, whatever else is installed

sys.path.pop(0)


class PendulumFallbackTest(unittest.TestCase):
    def test_utc_datetime_and_duration(self):
        start = pendulum.datetime(2024, 1, 1, tz="UTC")
        self.assertEqual(timedelta(0), start.utcoffset())
        self.assertEqual(timedelta(hours=1, minutes=30), pendulum.duration(hours=1, minutes=30))

    def test_region_zone_offsets_follow_daylight_saving(self):
        winter = pendulum.datetime(2024, 1, 15, tz="Europe/Paris")
        summer = pendulum.datetime(2024, 7, 15, tz="Europe/Paris")
        self.assertEqual(timedelta(hours=1), winter.utcoffset())
        self.assertEqual(timedelta(hours=2), summer.utcoffset())
        self.assertEqual("Europe/Paris", pendulum.timezone("Europe/Paris").name)

    def test_today_add_and_parse(self):
        yesterday = pendulum.today("UTC").add(days=-1)
        self.assertEqual(0, yesterday.hour)
        self.assertEqual(pendulum.today("UTC") - timedelta(days=1), yesterday)
        self.assertEqual(pendulum.datetime(2024, 3, 31), pendulum.datetime(2024, 1, 31).add(months=2))
        self.assertEqual(timedelta(hours=2), pendulum.parse("2024-05-01T10:00:00+02:00").utcoffset())

    def test_unknown_zone(self):
        with self.assertRaises(pendulum.InvalidTimezone):
            pendulum.timezone("Mars/Olympus")

    def test_time_of_day(self):
        import datetime

        midnight = pendulum.time(0, 0, 0)
        self.assertIsInstance(midnight, datetime.time)
        self.assertIsInstance(midnight, pendulum.Time)
        self.assertEqual("00:00:00", midnight.isoformat())
        self.assertEqual(pendulum.time(1, 15), pendulum.time(23, 45).add(hours=1, minutes=30))
        self.assertEqual(pendulum.time(23, 0), midnight - timedelta(hours=1))
        self.assertEqual("Time(6, 30, 0)", repr(pendulum.time(6, 30)))
        self.assertEqual(datetime.datetime(2024, 5, 1, 6, 30), datetime.datetime.combine(pendulum.date(2024, 5, 1), pendulum.time(6, 30)))

    def test_calendar_date(self):
        import datetime

        end_of_january = pendulum.date(2024, 1, 31)
        self.assertIsInstance(end_of_january, datetime.date)
        self.assertIsInstance(end_of_january, pendulum.Date)
        self.assertEqual(pendulum.date(2024, 2, 29), end_of_january.add(months=1))
        self.assertEqual(pendulum.date(2023, 12, 31), end_of_january.subtract(months=1))
        self.assertEqual("2024-01-31", end_of_january.to_date_string())
        self.assertEqual(pendulum.date(2024, 1, 1), end_of_january.start_of("month"))
        self.assertIsInstance(end_of_january + timedelta(days=1), pendulum.Date)

    def test_datetime_parts(self):
        moment = pendulum.datetime(2024, 3, 1, 12, 5, tz="Europe/Paris")
        self.assertEqual(pendulum.date(2024, 3, 1), moment.date())
        self.assertIsInstance(moment.date(), pendulum.Date)
        self.assertEqual(pendulum.time(12, 5), moment.time())
        self.assertIsInstance(moment.time(), pendulum.Time)
