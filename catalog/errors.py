"""Problems for the caller, as exceptions with a stable code; each front end maps them in one place."""
from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

Choice = TypeVar("Choice", bound=Enum)


class CatalogError(Exception):
    code = "catalog_error"
    status = 500

    def __init__(self, message_en: str, message_zh: str | None = None, **detail):
        super().__init__(message_en)
        self.message = {"en": message_en, "zh": message_zh or message_en}
        self.detail = {name: value for name, value in detail.items() if value is not None}


class NotFound(CatalogError):
    """Also what an actor gets for a record they may not see: its existence is not revealed."""
    code = "not_found"
    status = 404


class Forbidden(CatalogError):
    code = "forbidden"
    status = 403


class Unauthenticated(CatalogError):
    code = "unauthenticated"
    status = 401


class Conflict(CatalogError):
    code = "conflict"
    status = 409


class InvalidState(CatalogError):
    code = "invalid_state"
    status = 409


class InvalidInput(CatalogError):
    code = "invalid_input"
    status = 400


class PayloadTooLarge(CatalogError):
    """An upload past the size limit; the caller must send less, not different, data."""
    code = "payload_too_large"
    status = 413

    @classmethod
    def over(cls, limit: int | None) -> "PayloadTooLarge":
        """An upload past `limit` bytes (the server's body limit), said in MiB or, below one, in bytes."""
        limit = limit or 0
        shown = f"{limit / (1 << 20):g} MiB" if limit >= 1 << 20 else f"{limit} bytes"
        return cls(f"The upload is larger than the {shown} limit.", f"上传内容超过 {shown} 的上限。", limit=limit)


class InsufficientScope(Forbidden):
    """The API token lacks the scope an action needs, whatever its user may do (RFC 6750 insufficient_scope)."""
    code = "insufficient_scope"


class StorageFailed(CatalogError):
    """The object store could not keep an upload (endpoint down, bucket missing, access denied): nothing was
    created and the caller may retry. The store's own message goes to the log only."""
    code = "storage_unavailable"
    status = 503


def parse_choice(enum_class: type[Choice], value: Any, name_en: str, name_zh: str,
                 field: str | None = None) -> Choice:
    """`value` as a member of `enum_class`, or a clear InvalidInput that lists the choices."""
    try:
        return enum_class(value)
    except ValueError:
        choices = ", ".join(str(member.value) for member in enum_class)
        raise InvalidInput(f"Unknown {name_en} {value!r}; choose one of {choices}.",
                           f"未知{name_zh} {value!r}；可选：{choices}。", field=field) from None
