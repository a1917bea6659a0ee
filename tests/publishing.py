"""A real file published as an operator would: a center of its domain, the upload, and (unless asked to stop
at the report) its valid rows submitted, approved and indexed."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from catalog.permissions import Actor

OPERATOR = Actor.operator()


def real_center(services, domain: str, code: str = "REAL") -> str:
    services.centers.create_department(OPERATOR, "DEPT", "主管部门", "Department")
    services.centers.create_center(OPERATOR, code, "测试资源库", "Test center", domain=domain, department_code="DEPT")
    return code


def validated(services, path: Path, domain: str, **options: Any):
    """The submission of `path` once validated, for a new center of its domain."""
    center = real_center(services, domain)
    with path.open("rb") as stream:
        submission = services.submissions.upload(OPERATOR, center, path.name, stream, **options)
    services.jobs.wait(timeout=300)
    return services.submissions.get(OPERATOR, submission.id)


def published(services, submission):
    """Submit the valid rows of a validated submission, approve it, and wait for the index."""
    services.submissions.submit(OPERATOR, submission.id, valid_rows_only=True)
    services.submissions.approve(OPERATOR, submission.id)
    services.jobs.wait(timeout=300)
    services.indexer.drain()
    return services.submissions.get(OPERATOR, submission.id)
