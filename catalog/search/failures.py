"""Sorting indexing failures: a document the engine refuses for good is set aside, anything else (the engine
unreachable, overloaded or failing) keeps the work queued and is reported as SearchUnavailable."""
from __future__ import annotations

from typing import Any

from catalog.config import mask_password
from catalog.errors import CatalogError

# Item errors Elasticsearch answers with 429 or 5xx, or that come from the cluster's state rather than the
# document (a write block, a missing index): the same document may well be accepted later, so it stays queued.
RETRYABLE_ITEM_ERRORS = frozenset({
    "es_rejected_execution_exception", "rejected_execution_exception", "circuit_breaking_exception",
    "unavailable_shards_exception", "no_shard_available_action_exception", "node_closed_exception",
    "node_not_connected_exception", "process_cluster_event_timeout_exception", "cluster_block_exception",
    "index_not_found_exception",
})
MAX_REASON = 1000


class SearchUnavailable(CatalogError):
    """The search engine could not take index changes now; they stay in the outbox for the next drain."""
    code = "search_unavailable"
    status = 503


class RebuildRefused(CatalogError):
    """A rebuild the engine refused documents of; the index in use was left as it was."""
    code = "rebuild_refused"
    status = 409


def rebuild_refused(refused: dict[str, Any]) -> RebuildRefused:
    identifier, error = next(iter(sorted(refused.items())))
    reason = refusal_reason(error)
    return RebuildRefused(
        f"The rebuilt index was not put in use: the search engine refused {len(refused)} document(s), e.g. "
        f"{identifier}: {reason}. The index in use is unchanged; correct these records or the mapping and rebuild "
        f"again.",
        f"重建的索引未启用：搜索引擎拒收了 {len(refused)} 条文档，例如 {identifier}：{reason}。当前使用的索引保持不变；"
        f"请修正这些记录或映射后重新构建。",
        refused=sorted(refused))


def unavailable(location: str | None, cause: str, waiting: int) -> SearchUnavailable:
    """The error naming the engine (its password masked), why it failed and how much work waits."""
    where = mask_password(location) if location else None
    return SearchUnavailable(
        f"The search engine{f' at {where}' if where else ''} could not take the index changes ({cause}); "
        f"{waiting} queued change(s) stay in the outbox and are applied on the next run.",
        f"搜索引擎{f' {where} ' if where else ''}暂时无法接收索引变更（{cause}）；{waiting} 条待处理的变更保留在队列中，"
        f"下次运行时再处理。",
        location=where, waiting=waiting)


def is_retryable(item_error: Any) -> bool:
    """Whether a refused bulk item may succeed unchanged later (see RETRYABLE_ITEM_ERRORS)."""
    return isinstance(item_error, dict) and item_error.get("type") in RETRYABLE_ITEM_ERRORS


def refusal_reason(item_error: Any) -> str:
    """One line for people: the error type and reason, and what caused it, e.g.
    "document_parsing_exception: failed to parse field [attributes.elevation] … (illegal_argument_exception: …)"."""
    if not isinstance(item_error, dict):
        return str(item_error)[:MAX_REASON]
    text = f"{item_error.get('type', 'error')}: {item_error.get('reason', '')}".rstrip(": ")
    caused_by = item_error.get("caused_by")
    if isinstance(caused_by, dict):
        text += f" ({caused_by.get('type', 'error')}: {caused_by.get('reason', '')})"
    return text[:MAX_REASON]


def cause_of(error: BaseException) -> str:
    """The most telling part of a failure: the operating system's words for a network error
    ("Connection refused", "Connection reset by peer"), otherwise the error's first line."""
    pending, seen = [error], set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError) and (current.strerror or current.args):
            return current.strerror or str(current)
        pending.extend(getattr(current, "errors", None) or ())
        pending.extend(link for link in (current.__cause__, current.__context__) if link is not None)
    text = str(error).strip()
    return (text.splitlines()[0] if text else type(error).__name__)[:200]
