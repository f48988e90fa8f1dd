"""Publication dates as ISO `YYYY-MM-DD`."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

ISO_PREFIX = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` for an ISO-like ("2015-07-21 02:51:32", "2015/7/21") or RFC 2822 date, else None."""
    if not isinstance(value, str):
        return None
    match = ISO_PREFIX.match(value)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
