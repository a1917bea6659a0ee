"""Paging and filtering an archived report reads it as a stream and counts every match."""
from __future__ import annotations

import io
import json

from ingest.report_pages import IssueFilter, issue_page


def report(*issues: tuple[int, str, str]) -> io.BytesIO:
    document = {"file": "f.csv", "summary": {"rows": 9}, "flags": {},
                "issues": [{"row": row, "field": "f", "value": "v", "severity": severity, "code": code,
                            "message": {"en": "e", "zh": "z"}} for row, code, severity in issues]}
    return io.BytesIO(json.dumps(document).encode("utf-8"))


ISSUES = [(1, "INVALID_NUMBER", "error"), (1, "RECOMMENDED_FIELD_MISSING", "warning"),
          (2, "RECOMMENDED_FIELD_MISSING", "warning"), (3, "INVALID_NUMBER", "error"),
          (4, "RECOMMENDED_FIELD_MISSING", "warning"), (5, "RECOMMENDED_FIELD_MISSING", "warning")]


def triples(page):
    return [(item["row"], item["code"]) for item in page.items]


def test_pages_of_all_issues():
    first = issue_page(report(*ISSUES), size=4)
    assert (first.matching, first.pages) == (6, 2)
    assert triples(first) == [(1, "INVALID_NUMBER"), (1, "RECOMMENDED_FIELD_MISSING"),
                              (2, "RECOMMENDED_FIELD_MISSING"), (3, "INVALID_NUMBER")]
    second = issue_page(report(*ISSUES), offset=4, size=4)
    assert triples(second) == [(4, "RECOMMENDED_FIELD_MISSING"), (5, "RECOMMENDED_FIELD_MISSING")]


def test_filters_by_code_severity_and_row():
    by_code = issue_page(report(*ISSUES), IssueFilter(code="INVALID_NUMBER"))
    assert (by_code.matching, triples(by_code)) == (2, [(1, "INVALID_NUMBER"), (3, "INVALID_NUMBER")])
    warnings_of_row_1 = issue_page(report(*ISSUES), IssueFilter(severity="warning", row=1))
    assert triples(warnings_of_row_1) == [(1, "RECOMMENDED_FIELD_MISSING")]
    nothing = issue_page(report(*ISSUES), IssueFilter(row=9))
    assert (nothing.matching, nothing.items, nothing.pages) == (0, [], 1)


def test_an_empty_report_has_one_empty_page():
    page = issue_page(report())
    assert (page.matching, page.items, page.pages) == (0, [], 1)
