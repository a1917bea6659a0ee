"""The sharing screens over HTTP: the cart across centers, checkout into one draft per center, the request form
with its agreement, the curator's queue and every step through the pages, for academic and commercial use;
rejection, cancellation, biosafety documents, outputs on the record page, notifications; and that nobody
reaches a request that does not concern them and no form works without its CSRF token."""
from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from catalog.sharing.models import SharingRequest
from tests.sharing.conftest import G1, P1, P2_CONFIDENTIAL, P3_RESTRICTED, S2_RISK_GROUP_3, World, populate

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
DETAILS = {"request_type": "material", "purpose": "academic", "project": "湖北省重点研发计划 2026BBA001",
           "funding": "湖北省科技厅", "intended_use": "抗逆性比较研究 / comparative stress-tolerance study",
           "shipping_address": "湖北省武汉市洪山区狮子山街1号"}


@pytest.fixture
def world(services) -> World:
    return populate(services)


@pytest.fixture
def browsers(app, world):
    """One signed-in test client per person (English pages), so their cookies never mix."""
    def signed_in(name: str):
        client = app.test_client()
        answer = client.post("/login", data={"username": name, "password": f"{name}-password",
                                             "csrf_token": token(client, "/login?lang=en")})
        assert answer.status_code == 302
        return client
    return signed_in


def token(client, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    return TOKEN.search(page.get_data(as_text=True)).group(1)


def page_of(client, path: str) -> str:
    answer = client.get(path)
    assert answer.status_code == 200, (path, answer.status_code)
    return answer.get_data(as_text=True)


def post(client, path: str, data: dict, form_page: str | None = None, **options):
    """Post a form as a browser does: with the CSRF token of the page it is on."""
    return client.post(path, data={"csrf_token": token(client, form_page or "/requests"), **data}, **options)


def flashes(client) -> list[str]:
    return re.findall(r'<p class="flash (?:info|error)" role="status">([^<]*)</p>', page_of(client, "/requests"))


def actions_on(client, request_id: int) -> list[str]:
    page = page_of(client, f"/requests/{request_id}")
    return re.search(r'<div class="steps" data-actions="([^"]*)"', page).group(1).split()


def add_to_cart(client, identifier: str, quantity: int = 1) -> None:
    record_page = f"/resources/{identifier}"
    answer = post(client, "/cart/items", {"resource": identifier, "quantity": str(quantity), "next": record_page},
                  form_page=record_page)
    assert (answer.status_code, answer.headers["Location"]) == (302, record_page)


def checkout(client, identifiers: list[str], **details) -> list[int]:
    for identifier in identifiers:
        add_to_cart(client, identifier, 2)
    answer = post(client, "/cart/checkout", {**DETAILS, **details}, form_page="/cart")
    assert answer.status_code == 302, flashes(client)
    first = int(re.fullmatch(r"/requests/(\d+)/edit", answer.headers["Location"]).group(1))
    drafts = re.findall(r'data-request="(\d+)"', page_of(client, "/requests?state=draft"))
    assert str(first) in drafts
    return sorted(int(number) for number in drafts)


def submit(client, request_id: int, **details) -> None:
    """Tick every agreement the form shows and submit, with the details given at checkout."""
    form = page_of(client, f"/requests/{request_id}/edit")
    accepted = re.findall(r'name="accept_agreements" value="(\d+)"', form)
    assert accepted
    answer = post(client, f"/requests/{request_id}/edit",
                  {**DETAILS, **details, "accept_agreements": accepted, "send": "submit"},
                  form_page=f"/requests/{request_id}/edit")
    assert answer.headers["Location"] == f"/requests/{request_id}", flashes(client)


def step(client, request_id: int, action: str, **fields) -> None:
    assert action in actions_on(client, request_id), (action, actions_on(client, request_id))
    answer = post(client, f"/requests/{request_id}/actions/{action}", fields, form_page=f"/requests/{request_id}")
    assert (answer.status_code, answer.headers["Location"]) == (302, f"/requests/{request_id}"), flashes(client)


def state_of(services, request_id: int) -> str:
    with services.session_factory() as session:
        return session.scalar(select(SharingRequest.state).where(SharingRequest.id == request_id)).value


def center_of(services, request_id: int) -> str:
    with services.session_factory() as session:
        return session.get(SharingRequest, request_id).center.code


# ---------------------------------------------------------------------- the flows
def test_academic_flow_from_a_cart_of_two_centers_to_the_citation(browsers, services):
    ada = browsers("ada")
    add_to_cart(ada, P1, 3)
    add_to_cart(ada, G1)
    cart = page_of(ada, "/cart")
    assert re.findall(r'data-center="(\w+)"', cart) == ["HBPG", "HBGS"]
    assert re.findall(r'<tr data-resource="([^"]+)"', cart) == [P1, G1]
    assert 'name="quantity" value="3"' in cart

    drafts = checkout(ada, [])
    assert len(drafts) == 2 and page_of(ada, "/cart").count("data-resource=") == 0
    by_center = {center_of(services, number): number for number in drafts}
    form = page_of(ada, f"/requests/{by_center['HBPG']}/edit")
    assert "Version 1" in form and 'data-version="1"' in form and "I accept this agreement (version 1)." in form
    assert f'/requests/{by_center["HBGS"]}/edit' in form  # the other draft, to submit next
    for number in drafts:
        submit(ada, number)
    assert [state_of(services, number) for number in drafts] == ["submitted", "submitted"]
    assert actions_on(ada, by_center["HBPG"]) == ["cancel"]

    for curator, center in (("cui", "HBPG"), ("geo", "HBGS")):
        client = browsers(curator)
        number = by_center[center]
        queue = page_of(client, "/requests/queue")
        assert re.findall(r'data-request="(\d+)"', queue) == [str(number)]
        assert 'data-actions="start_review reject"' in queue
        step(client, number, "start_review")
        step(client, number, "approve")
        assert actions_on(client, number) == ["ship"]
        step(client, number, "ship", tracking_number=f"SF{number:010d}", carrier="顺丰速运", note="")
        assert state_of(services, number) == "shipped"

    assert 'data-unread="6"' in page_of(ada, "/requests")  # review started, approved, shipped: twice
    shipped = page_of(ada, f"/requests/{by_center['HBPG']}")
    assert f"SF{by_center['HBPG']:010d}" in shipped and "顺丰速运" in shipped
    step(ada, by_center["HBPG"], "complete")
    done = page_of(ada, f"/requests/{by_center['HBPG']}")
    citation = re.search(r'<pre id="request-citation">(.*?)</pre>', done, re.S).group(1)
    assert P1 in citation and f"http://127.0.0.1:5000/resources/{P1}" in citation
    events = re.findall(r'<tr data-event="(\w+)">', done)
    assert events == ["create", "submit", "start_review", "approve", "ship", "complete"]

    answer = post(ada, f"/requests/{by_center['HBPG']}/outputs",
                  {"kind": "paper", "title": "茶树抗寒基因挖掘", "doi": "https://doi.org/10.1234/tea.2026.01",
                   "year": "2026", "resources": [P1]}, form_page=f"/requests/{by_center['HBPG']}")
    assert answer.headers["Location"] == f"/requests/{by_center['HBPG']}#outputs"
    record_page = page_of(ada.application.test_client(), f"/resources/{P1}?lang=en")  # an anonymous visitor
    assert "茶树抗寒基因挖掘" in record_page and 'href="https://doi.org/10.1234/tea.2026.01"' in record_page


def test_commercial_use_goes_through_quote_contract_and_payment(browsers, services):
    ada, cui = browsers("ada"), browsers("cui")
    commercial_data = {"purpose": "commercial", "request_type": "data", "shipping_address": ""}
    (number,) = checkout(ada, [P1], **commercial_data)
    form = page_of(ada, f"/requests/{number}/edit")
    assert 'value="commercial" required checked' in form and '<option value="data" selected>' in form
    submit(ada, number, **commercial_data)
    step(cui, number, "start_review")
    step(cui, number, "approve")
    assert actions_on(cui, number) == ["quote"]  # a commercial request is not delivered before it is paid
    step(cui, number, "quote", line_description=["数据整理 / data preparation", "", "审核 / checking"],
         line_amount=["120.50", "", "60"], note="按成本核算 / at cost")
    quoted = page_of(ada, f"/requests/{number}")
    assert 'data-total="180.50"' in quoted and "数据整理 / data preparation" in quoted
    assert actions_on(ada, number) == ["accept_contract", "cancel"]
    step(ada, number, "accept_contract")
    step(cui, number, "confirm_payment", reference=f"HBZF-{number:06d}")
    paid = page_of(ada, f"/requests/{number}")
    assert paid.count('<li class="done">') == 3 and f"HBZF-{number:06d}" in paid
    step(cui, number, "deliver", data_link=f"https://data.example.cn/deliveries/{number}", note="")
    step(ada, number, "complete")
    step(ada, number, "feedback", rating="5", text="服务及时")
    assert state_of(services, number) == "feedback"
    assert "5 / 5: 服务及时" in page_of(cui, f"/requests/{number}")


def test_rejection_needs_a_reason_and_the_requester_reads_it(browsers, services):
    ada, cui = browsers("ada"), browsers("cui")
    (number,) = checkout(ada, [P3_RESTRICTED])
    submit(ada, number)
    post(cui, f"/requests/{number}/actions/reject", {"reason": "  "}, form_page=f"/requests/{number}")
    assert flashes(cui) == ["A rejection needs a reason."] and state_of(services, number) == "submitted"
    step(cui, number, "reject", reason="该种质本年度停止分发 / not distributed this year")
    page = page_of(ada, f"/requests/{number}")
    assert "Rejected by the center: 该种质本年度停止分发 / not distributed this year" in page
    assert actions_on(ada, number) == []
    notices = page_of(ada, "/notifications")
    assert 'data-event="reject"' in notices and "not distributed this year" in notices
    assert 'data-unread="1"' in notices


def test_the_requester_cancels_and_the_curator_cannot(browsers, services):
    ada, cui = browsers("ada"), browsers("cui")
    (number,) = checkout(ada, [P1])
    submit(ada, number)
    assert "cancel" not in actions_on(cui, number)
    post(cui, f"/requests/{number}/actions/cancel", {"reason": ""}, form_page=f"/requests/{number}")
    assert flashes(cui) == ["Only the requester may cancel this request."] and state_of(services, number) == "submitted"
    step(ada, number, "cancel", reason="项目调整 / project changed")
    assert state_of(services, number) == "cancelled"
    assert "Cancelled. 项目调整 / project changed" in page_of(ada, f"/requests/{number}")


def test_strains_of_risk_group_two_or_more_wait_for_the_documents(browsers, services):
    ada, min_ = browsers("ada"), browsers("min")
    (number,) = checkout(ada, [S2_RISK_GROUP_3])
    form = page_of(ada, f"/requests/{number}/edit")
    assert 'data-documents-missing="institutional_approval lab_qualification"' in form
    submit(ada, number)
    step(min_, number, "start_review")
    post(min_, f"/requests/{number}/actions/approve", {}, form_page=f"/requests/{number}")
    assert "risk group 2 or higher" in flashes(min_)[0] and state_of(services, number) == "under_review"
    for kind in ("institutional_approval", "lab_qualification"):
        answer = post(ada, f"/requests/{number}/documents",
                      {"kind": kind, "file": (io.BytesIO(b"%PDF-1.4 approval"), f"{kind}.pdf", "application/pdf")},
                      form_page=f"/requests/{number}", content_type="multipart/form-data")
        assert answer.headers["Location"] == f"/requests/{number}", flashes(ada)
    assert "data-documents-missing" not in page_of(min_, f"/requests/{number}")
    step(min_, number, "approve")
    assert state_of(services, number) == "approved"


def test_messages_go_both_ways(browsers):
    ada, cui = browsers("ada"), browsers("cui")
    (number,) = checkout(ada, [P1])
    submit(ada, number)
    post(ada, f"/requests/{number}/messages", {"body": "请问何时寄出？"}, form_page=f"/requests/{number}")
    post(cui, f"/requests/{number}/messages", {"body": "Next week."}, form_page=f"/requests/{number}")
    page = page_of(ada, f"/requests/{number}")
    assert page.index("请问何时寄出？") < page.index("Next week.")
    assert re.findall(r'<tr data-event="(\w+)">', page) == ["create", "submit", "message", "message"]


# ---------------------------------------------------------------------- the record page
def test_record_page_offers_the_request_to_those_who_may_make_it(client, browsers):
    assert "Sign in to request this resource" in page_of(client, f"/resources/{P1}?lang=en")
    assert "data-add-to-cart" not in page_of(client, f"/resources/{P1}")
    assert "data-add-to-cart" in page_of(browsers("bob"), f"/resources/{P1}")
    cui = browsers("cui")
    confidential = page_of(cui, f"/resources/{P2_CONFIDENTIAL}")  # its own curator sees it, nobody requests it
    assert "data-add-to-cart" not in confidential and "cannot be requested" in confidential
    post(cui, "/cart/items", {"resource": P2_CONFIDENTIAL}, form_page=f"/resources/{P1}")
    assert flashes(cui) == [f"{P2_CONFIDENTIAL} is confidential and cannot be requested."]
    assert "data-resource=" not in page_of(cui, "/cart")


# ---------------------------------------------------------------------- who may reach what
def test_another_researcher_gets_404_on_every_url_of_a_request(browsers, services):
    ada, bob, geo = browsers("ada"), browsers("bob"), browsers("geo")
    (number,) = checkout(ada, [P1])
    cui = browsers("cui")
    assert cui.get(f"/requests/{number}").status_code == 404  # a draft is its requester's alone
    submit(ada, number)
    for intruder in (bob, geo):
        for path in (f"/requests/{number}", f"/requests/{number}/edit"):
            assert intruder.get(path).status_code == 404, path
        for path, data in ((f"/requests/{number}/actions/cancel", {}), (f"/requests/{number}/actions/approve", {}),
                           (f"/requests/{number}/messages", {"body": "hello"}),
                           (f"/requests/{number}/outputs", {"kind": "paper", "title": "t", "doi": "10.1/x"})):
            assert post(intruder, path, data).status_code == 404, path
        assert str(number) not in re.findall(r'data-request="(\d+)"', page_of(intruder, "/requests/queue"))
    assert state_of(services, number) == "submitted"
    assert page_of(cui, f"/requests/{number}")


def test_pages_need_sign_in(client, world):
    for path in ("/cart", "/requests", "/requests/queue", "/requests/1", "/notifications"):
        answer = client.get(path)
        assert (answer.status_code, answer.headers["Location"]) == (302, "/login"), path


def test_forms_without_the_csrf_token_are_refused(browsers, services):
    ada, cui = browsers("ada"), browsers("cui")
    answer = ada.post("/cart/items", data={"resource": P1, "next": f"/resources/{P1}"})
    assert (answer.status_code, answer.headers["Location"]) == (302, f"/resources/{P1}")
    assert flashes(ada) == ["The form had expired or came from another site; it was not sent. Please try again."]
    assert "data-resource=" not in page_of(ada, "/cart")
    (number,) = checkout(ada, [P1])
    submit(ada, number)
    assert cui.post(f"/requests/{number}/actions/start_review", data={}).status_code == 302
    assert ada.post(f"/requests/{number}/actions/cancel", data={"csrf_token": "forged"}).status_code == 302
    assert state_of(services, number) == "submitted"


def test_header_counts_unread_notifications_and_opening_one_marks_it_read(browsers):
    ada, cui = browsers("ada"), browsers("cui")
    (number,) = checkout(ada, [P1])
    submit(ada, number)
    assert 'data-unread="1"' in page_of(cui, "/requests")
    notice = re.search(r'data-notification="(\d+)" data-event="submit"', page_of(cui, "/notifications")).group(1)
    answer = post(cui, f"/notifications/{notice}/read", {"open": "1"}, form_page="/notifications")
    assert answer.headers["Location"] == f"/requests/{number}"
    assert 'data-unread="0"' in page_of(cui, "/requests")
    assert post(ada, f"/notifications/{notice}/read", {}).status_code == 404  # someone else's
