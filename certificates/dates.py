"""Dates of certificates as the issuer prints them: the calendar day in the
issuer's time zone (settings.TIME_ZONE, Europe/Brussels), whatever the time
zone of the server, the database or the reader. Used by every page and API
that shows a certificate's dates, so that they agree with the PDF."""

from datetime import date, datetime

from django.utils import timezone


def issuer_date(moment: datetime | None) -> date | None:
    """The day printed on the certificate: 23:30 UTC on 14 July is 15 July in
    Brussels (summer, UTC+2), and 23:30 UTC on 14 January is 15 January (UTC+1)."""
    return issuer_datetime(moment).date() if moment else None


def issuer_datetime(moment: datetime | None) -> datetime | None:
    """The moment with the issuer's UTC offset (ISO 8601: 2026-07-15T01:30:00+02:00)."""
    return timezone.localtime(moment, timezone.get_default_timezone()) if moment else None
