"""Helpers of the API tests: calls with a bearer token, problem checks, and a request driven step by step."""
from __future__ import annotations

from typing import Any

DETAILS = {"project": "湖北省重点研发计划 2026BBA001", "funding": "湖北省科技厅",
           "intended_use": "抗逆性比较研究 / comparative stress-tolerance study",
           "shipping_address": "湖北省武汉市洪山区狮子山街1号 华中农业大学 / Huazhong Agricultural University"}
QUOTE = [{"description": "菌种复苏与培养 / revival and culture", "amount": "120.50"},
         {"description": "冷链运输 / cold-chain shipping", "amount": 60}]


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def call(client, token: str | None, method: str, path: str, body: Any = None, status: int = 200):
    headers = auth(token) if token else {}
    response = client.open(path, method=method, headers=headers, json=body)
    assert response.status_code == status, (method, path, response.status_code, response.get_data(as_text=True))
    return response.get_json() if response.data else None


def assert_problem(response, status: int, code: str, field: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == status and problem["code"] == code
    message = problem["message"]
    assert message["en"] and message["zh"] and message["en"] != message["zh"]
    if field is not None:
        assert problem["field"] == field
    return problem


def checkout(client, token: str, identifiers: list[str], request_type: str, purpose: str) -> list[dict]:
    for identifier in identifiers:
        call(client, token, "POST", "/api/cart/items", {"resource": identifier, "quantity": 2}, status=201)
    created = call(client, token, "POST", "/api/cart/checkout",
                   {"request_type": request_type, "purpose": purpose, **DETAILS}, status=201)
    return created["items"]


def act(client, token: str, request_id: int, action: str, body: dict | None = None, status: int = 200) -> dict:
    return call(client, token, "POST", f"/api/requests/{request_id}/{action}", body or {}, status=status)


def submit(client, token: str, request_id: int) -> dict:
    detail = call(client, token, "GET", f"/api/requests/{request_id}")
    return act(client, token, request_id, "submit", {"accept_agreements": [a["id"] for a in detail["agreements"]]})


def fulfil(client, requester: str, curator: str, request_id: int, request_type: str, purpose: str) -> dict:
    """From submitted to completed along the table: review, (quote, contract, payment), ship or deliver."""
    act(client, curator, request_id, "start_review")
    act(client, curator, request_id, "approve")
    if purpose == "commercial":
        quoted = act(client, curator, request_id, "quote", {"line_items": QUOTE, "note": "按成本核算 / at cost"})
        assert quoted["quote"]["total"] == "180.50"
        act(client, requester, request_id, "accept_contract")
        act(client, curator, request_id, "confirm_payment", {"reference": f"HBZF-{request_id:06d}"})
    if request_type == "material":
        act(client, curator, request_id, "ship", {"carrier": "顺丰速运", "tracking_number": f"SF{request_id:010d}"})
    else:
        act(client, curator, request_id, "deliver", {"data_link": f"https://data.example.cn/deliveries/{request_id}"})
    return act(client, requester, request_id, "complete")
