"""The newsroom's time zone: times are stored in UTC and shown in Asia/Ho_Chi_Minh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo

try:
    from zoneinfo import ZoneInfo

    LOCAL: tzinfo = ZoneInfo("Asia/Ho_Chi_Minh")
except Exception:  # no tz database (some Windows installs): Vietnam has no daylight saving
    LOCAL = timezone(timedelta(hours=7), "GMT+7")


def to_local(dt: datetime) -> datetime:
    """A UTC (or any aware) time in Vietnam's time; naive times are taken as UTC."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(LOCAL)
