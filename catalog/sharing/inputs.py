"""The parameters of the steps of a sharing request, checked: texts, fee lines in yuan, states."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from catalog.errors import InvalidInput, parse_choice
from catalog.sharing.enums import RequestState as State

MAX_LINE_ITEMS = 50
MAX_FEN = 10**12


def yuan(fen: int) -> str:
    return f"{Decimal(fen) / 100:.2f}"


def fee_lines(items: Any) -> list[dict[str, Any]]:
    if not isinstance(items, list) or not items or len(items) > MAX_LINE_ITEMS:
        raise InvalidInput(f"line_items must list 1 to {MAX_LINE_ITEMS} costs, each "
                           '{"description": "…", "amount": "123.45"}.',
                           f"line_items 须列出 1 到 {MAX_LINE_ITEMS} 项成本，每项为 "
                           '{"description": "…", "amount": "123.45"}。', field="line_items")
    lines = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, Mapping) or set(item) - {"description", "amount"}:
            raise InvalidInput(f"Line {number} must have only description and amount.",
                               f"第 {number} 项只能包含 description 和 amount。", field="line_items")
        description = required_text(item.get("description"), "line_items",
                                     f"Line {number} needs a description of the cost.",
                                     f"第 {number} 项须说明成本内容。", limit=300)
        try:
            amount = Decimal(str(item.get("amount")))
        except InvalidOperation:
            amount = Decimal("NaN")
        fen = amount * 100
        if not amount.is_finite() or fen != fen.to_integral_value() or not 0 < fen <= MAX_FEN:
            raise InvalidInput(f"Line {number}: amount must be a positive sum in yuan with at most two decimals, "
                               f"not {item.get('amount')!r}.",
                               f"第 {number} 项：金额须为正数（元，最多两位小数），而不是 {item.get('amount')!r}。",
                               field="line_items")
        lines.append({"description": description, "amount_fen": int(fen)})
    return lines


def required_text(value: Any, field: str, message_en: str, message_zh: str, limit: int = 5000) -> str:
    text = optional_text(value, field, limit)
    if not text:
        raise InvalidInput(message_en, message_zh, field=field)
    return text


def optional_text(value: Any, field: str = "note", limit: int = 5000) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be text.", f"{field} 须为文本。", field=field)
    if len(value.strip()) > limit:
        raise InvalidInput(f"{field} is longer than {limit} characters.", f"{field} 超过 {limit} 个字符。", field=field)
    return value.strip() or None


def request_state(value: str) -> State:
    return parse_choice(State, value, "state", "状态", field="state")
