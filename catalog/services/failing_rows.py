"""The rows of a submission that have errors, as a spreadsheet to fix in Excel and upload again: the file's own
columns in its order, the row number the report gives, the file line, and the errors of the row in a last
column (in the reader's language, then the other). Row numbers and columns are those of the report."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import BinaryIO

import ijson
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from catalog.permissions import Actor
from catalog.services.inspection import archived_table
from ingest.mapping import map_columns, mapping_spec
from ingest.second_header import data_rows
from catalog.services.submissions import SubmissionService

MAX_ROWS = 1_048_575   # a worksheet's rows, less the header
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")   # characters an XLSX cell cannot hold
ROW, LINE, ERRORS = ("行号 Row", "文件行 Line", "错误 Errors")


def row_errors(service: SubmissionService, actor: Actor, submission_id: int, language: str) -> dict[int, list[str]]:
    """Row number → the messages of its errors, from the archived report (read as a stream)."""
    other = "en" if language == "zh" else "zh"
    errors: dict[int, list[str]] = defaultdict(list)
    with service.report(actor, submission_id) as report:
        for issue in ijson.items(report, "issues.item", use_float=True):
            if issue.get("severity") == "error" and issue.get("row") is not None:
                message = issue["message"]
                column = f"[{issue['field']}] " if issue.get("field") else ""
                errors[issue["row"]].append(f"{column}{issue['code']}: {message[language]} / {message[other]}")
    return errors


def write_failing_rows(service: SubmissionService, actor: Actor, submission_id: int, out: BinaryIO,
                       language: str = "zh") -> int:
    """Write the failing rows as XLSX to `out`; the number of rows written."""
    submission = service.get(actor, submission_id)
    errors = row_errors(service, actor, submission_id, language)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("failing rows")
    written = 0
    with archived_table(service, actor, submission_id) as table:
        header = list(table.header)
        sheet.append([ROW, LINE, *header, ERRORS])
        mapping = map_columns(submission.domain.value, header, mapping_spec(submission.mapping).columns)
        for number, raw in data_rows(submission.domain.value, table.rows, mapping, []):
            if number not in errors:
                continue
            cells = [raw.cells.get(column, "") for column in header]
            sheet.append([number, raw.line, *(_text_cell(sheet, value) for value in cells),
                          _text_cell(sheet, "\n".join(errors[number]))])
            written += 1
            if written >= MAX_ROWS:
                break
    workbook.save(out)
    return written


def _text_cell(sheet, value: str | None) -> WriteOnlyCell:
    """A cell that is text whatever it holds: "=SUM(A1)" stays a string, never a formula."""
    cell = WriteOnlyCell(sheet, value=CONTROL.sub("", value or ""))
    cell.data_type = "s"
    return cell
