"""A center's sharing-service figures for one year, computed from the requests themselves (regulation Art. 8.4,
20): each event counts in the year it happened, in China time."""
from __future__ import annotations

import statistics
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalog.sharing.models import Output, SharingRequest

CHINA_TIME = timezone(timedelta(hours=8), "CST")  # no daylight saving, so a fixed offset is exact


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """[start, end) of a calendar year in China time, as UTC (SQLite compares stored UTC wall times)."""
    start = datetime(year, 1, 1, tzinfo=CHINA_TIME).astimezone(timezone.utc)
    end = datetime(year + 1, 1, 1, tzinfo=CHINA_TIME).astimezone(timezone.utc)
    return start, end


def service_figures(session: Session, center_id: int, year: int) -> dict[str, Any]:
    """Requests received (submitted), approved, rejected, fulfilled (shipped or delivered), completed, and
    cancelled after submission, in the year; the median hours from submission to the first curator decision
    of the requests decided in the year; and the outputs reported in the year, by kind."""
    start, end = year_bounds(year)

    def counted(column, *conditions) -> int:
        return session.scalar(select(func.count()).select_from(SharingRequest).where(
            SharingRequest.center_id == center_id, column >= start, column < end, *conditions)) or 0

    decided = session.execute(select(SharingRequest.submitted_at, SharingRequest.decided_at).where(
        SharingRequest.center_id == center_id, SharingRequest.decided_at >= start,
        SharingRequest.decided_at < end)).all()
    # A request is decided only after it was submitted, so both times are there.
    hours = [(decided_at - submitted_at).total_seconds() / 3600 for submitted_at, decided_at in decided
             if submitted_at is not None and decided_at is not None]
    outputs = dict(session.execute(
        select(Output.kind, func.count()).join(SharingRequest, Output.request_id == SharingRequest.id)
        .where(SharingRequest.center_id == center_id, Output.reported_at >= start, Output.reported_at < end)
        .group_by(Output.kind)).all())
    return {"year": year,
            "received": counted(SharingRequest.submitted_at),
            "approved": counted(SharingRequest.approved_at),
            "rejected": counted(SharingRequest.rejected_at),
            "fulfilled": counted(SharingRequest.fulfilled_at),
            "completed": counted(SharingRequest.completed_at),
            "cancelled": counted(SharingRequest.cancelled_at, SharingRequest.submitted_at.is_not(None)),
            "decided": len(hours),
            "median_response_hours": round(statistics.median(hours), 2) if hours else None,
            "outputs": sum(outputs.values()),
            "outputs_by_kind": {kind.value: count for kind, count in sorted(outputs.items())}}

