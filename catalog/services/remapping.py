"""Validate an archived upload again under a corrected column mapping (the mapping screen's save).

The corrected file is a new submission of the same bytes, as SubmissionService defines it, so the earlier
one is withdrawn: one upload, one submission in the curator's list."""
from __future__ import annotations

from typing import Mapping

from catalog.errors import InvalidInput, InvalidState
from catalog.permissions import Actor
from catalog.services.submissions import Received, SubmissionService, WITHDRAWABLE, archived_key
from schemas import describe


def revalidate(service: SubmissionService, actor: Actor, submission_id: int,
               columns: Mapping[str, str | None], defaults: Mapping[str, str] | None = None,
               identifier: list[str] | None = None, paths: Mapping[str, str] | None = None,
               values: Mapping[str, Mapping[str, str]] | None = None) -> Received:
    """Upload the archived file again with `columns` (header → field, or None to ignore) over its mapping;
    the whole-file values, the identifier columns, the keys of nested JSON records and the value maps are
    replaced when given, else kept."""
    earlier = service.get(actor, submission_id)
    if earlier.state not in WITHDRAWABLE:
        # Checked before anything is stored, so a decided submission never gains a twin.
        raise InvalidState(f"Submission {earlier.id} is {earlier.state.value}: its mapping can be changed only "
                           "before the review decision.",
                           f"汇交 {earlier.id} 当前为 {earlier.state.value} 状态：只能在审核决定之前修改其列映射。")
    fields = describe(earlier.domain.value).by_name
    for header, target in columns.items():
        if target is not None and target not in fields:
            raise InvalidInput(f"Column {header!r}: the {earlier.domain.value} schema has no field {target!r}.",
                               f"列“{header}”：{earlier.domain.value} 的数据规范中没有字段 {target!r}。")
    mapping = {"columns": {**earlier.mapping.get("columns", {}), **columns},
               "defaults": earlier.mapping.get("defaults", {}) if defaults is None else dict(defaults),
               "identifier": earlier.mapping.get("identifier", []) if identifier is None else identifier,
               "paths": earlier.mapping.get("paths", {}) if paths is None else dict(paths),
               "values": earlier.mapping.get("values", {}) if values is None else
               {name: dict(table) for name, table in values.items()}}
    with service.store.open(archived_key(earlier)) as stream:
        received = service.receive(actor, earlier.center.code, earlier.file_name, stream,
                                   domain=earlier.domain.value, content_type=earlier.content_type,
                                   full_replace=bool(earlier.options.get("full_replace")),
                                   sharing_mode=earlier.options.get("sharing_mode"), mapping=mapping)
    if received.submission.id != earlier.id:
        service.withdraw(actor, earlier.id)
    return received
