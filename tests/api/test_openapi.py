"""The OpenAPI document of the JSON API: valid OpenAPI 3.1, complete for every /api/ route, and true of the
answers. Schemathesis calls every read endpoint with generated requests on demo data, anonymously and with a
curator's token: no answer may be a server error, and every answer must match its description."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings, strategies as st
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from sqlalchemy import select

from catalog.app import create_app
from catalog.demo import load_demo
from catalog.exports.selection import Selection
from catalog.models import Center, Resource
from catalog.permissions import Actor
from catalog.search.query import Query
from tests.databases import running_services

CHECKS = [not_a_server_error, response_schema_conformance]
# Generated requests per operation and pass: about 30 read operations, both passes within a minute or so.
MAX_EXAMPLES = 25
DEMO_RECORDS_PER_CENTER = 40  # eight demo centers: 320 records
CENTER = "HBAASPG"  # the demo curator's center
SUBMITTED_CSV = ("local_id,name_zh,scientific_name,decimal_latitude,decimal_longitude\n"
                 "OAS-1,水稻,Oryza sativa L.,30.47,114.36\n"
                 "OAS-2,小麦,Triticum aestivum L.,91.5,114.36\n")  # row 2: latitude out of range


@dataclass
class Demo:
    app: Flask
    curator_token: str
    known: dict[str, list[Any]] = field(default_factory=dict)  # parameter name → values that exist


@pytest.fixture(scope="module")
def demo(database, tmp_path_factory) -> Iterator[Demo]:
    """Demo data plus one of everything the read endpoints show: a validated submission with an error row, a
    submitted sharing request to the curator's center with a message and a document, a cart, exports."""
    with running_services(database, tmp_path_factory.mktemp("openapi") / "var",
                          CATALOG_RATE_LIMIT="none") as services:
        yield _everything_shown(services)


def _everything_shown(services) -> Demo:
    load_demo(services, per_center=DEMO_RECORDS_PER_CENTER)
    curator = services.accounts.authenticate("curator", "demo-curator")
    researcher = services.accounts.authenticate("researcher", "demo-researcher")

    submission = services.submissions.upload(curator, CENTER, "openapi.csv", io.BytesIO(SUBMITTED_CSV.encode()),
                                             content_type="text/csv")
    services.sharing.cart.add(researcher, _public_hit(services, center=CENTER))
    (shared,) = services.sharing.checkout(researcher, {"request_type": "data", "purpose": "academic",
                                                       "intended_use": "育种研究 / breeding research"})
    terms = services.sharing.dossier(researcher, shared.id).agreements
    services.sharing.submit(researcher, shared.id, [term.agreement.id for term in terms])
    services.sharing.attachments.post_message(curator, shared.id, "样品已备好 / the samples are ready")
    document = services.sharing.attachments.upload_document(
        researcher, shared.id, "institutional_approval", "approval.pdf", io.BytesIO(b"%PDF-1.4\n%%EOF\n"),
        "application/pdf")
    services.sharing.cart.add(curator, _public_hit(services, center="WBGPG"))
    exports = [services.exports.request(curator, "dwca", Selection(center=CENTER)),
               services.exports.request(Actor.anonymous(), "mcpd", Selection(center=CENTER))]
    services.jobs.wait()

    app = create_app(services=services)
    app.config.update(TESTING=True)
    with services.session_factory() as session:
        identifiers = _one_per_kind(session.scalars(select(Resource).order_by(Resource.id)))
        codes = list(session.scalars(select(Center.code).order_by(Center.code)))
    return Demo(app=app, curator_token=services.accounts.issue_token(curator, "openapi tests"), known={
        "identifier": identifiers, "resource": identifiers, "code": codes, "center": codes,
        "submission_id": [submission.id], "request_id": [shared.id], "document_id": [document.id],
        "export_id": [export.id for export in exports], "year": [date.today().year]})


def _one_per_kind(resources) -> list[str]:
    """A record of every domain in every sharing mode: confidential ones only their center's curator sees, and
    restricted ones everyone else sees generalised."""
    chosen: dict[tuple, str] = {}
    for resource in resources:
        chosen.setdefault((resource.domain, resource.sharing_mode), resource.identifier)
    return list(chosen.values())


def _public_hit(services, **filters: str) -> str:
    query = Query(filters={"sharing_mode": ("open",), **{name: (value,) for name, value in filters.items()}}, size=1)
    return services.search.search(Actor.anonymous(), query).items[0]["id"]


@pytest.fixture(scope="module")
def document(demo) -> dict:
    response = demo.app.test_client().get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


@pytest.fixture(scope="module")
def api_schema(demo):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", demo.app).include(method="GET")


def test_the_document_is_valid_openapi_3_1(document):
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_each_application_gets_the_whole_document(demo, document):
    """Routes describe themselves once, at import: every application built from them gets the whole of it."""
    services = demo.app.extensions["catalog"]
    again = create_app(services=services).test_client().get("/api/openapi.json").get_json()
    assert again == document and document["servers"] == [{"url": services.settings.base_url}]


def test_every_api_route_is_described(demo, document):
    routes = {(re.sub(r"<(?:[^<>:]+:)?([^<>]+)>", r"{\1}", rule.rule), method.lower())
              for rule in demo.app.url_map.iter_rules() if rule.rule.startswith("/api/")
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    described = {(path, method) for path, operations in document["paths"].items() for method in operations
                 if method != "parameters"}  # those of the path, shared by its operations
    assert routes - described == set(), "routes under /api/ missing from the OpenAPI document"
    assert described - routes == set(), "operations in the OpenAPI document that no route serves"


def test_who_may_call_what_follows_the_scope_table(document):
    paths = document["paths"]
    assert paths["/api/records"]["get"]["security"] == [{}, {"bearerToken": ["read"]}, {"sessionCookie": []}]
    assert paths["/api/submissions"]["get"]["security"] == [{"bearerToken": ["review"]}, {"bearerToken": ["submit"]},
                                                            {"sessionCookie": []}]
    assert paths["/api/submissions"]["post"]["security"] == [{"bearerToken": ["submit"]}]
    assert paths["/api/submissions/{submission_id}/approve"]["post"]["security"] == [{"bearerToken": ["review"]}]
    assert paths["/api/exports"]["post"]["security"] == [{}, {"bearerToken": ["read"]}]
    assert paths["/api/tokens"]["post"]["security"] == [{"bearerToken": []}, {"sessionCookie": []}]
    assert set(document["components"]["securitySchemes"]) == {"bearerToken", "sessionCookie"}


def test_search_answers_describe_their_paging_links(document):
    answer = document["paths"]["/api/records"]["get"]["responses"]["200"]
    assert answer["links"]["nextPage"] == {
        "operationId": "records.search", "parameters": {"cursor": "$response.body#/next_cursor"},
        "description": answer["links"]["nextPage"]["description"]}
    links = document["components"]["schemas"]["SearchLinks"]
    assert set(links["properties"]) == {"self", "next"} and links["required"] == ["self"]


def test_ids_past_the_documented_maximum_are_not_found(demo, document):
    (parameter,) = document["paths"]["/api/submissions/{submission_id}"]["parameters"]
    beyond = parameter["schema"]["maximum"] + 1
    answer = demo.app.test_client().get(f"/api/submissions/{beyond}",
                                        headers={"Authorization": f"Bearer {demo.curator_token}"})
    assert answer.status_code == 404  # not an overflow in the database driver


def test_read_endpoints_anonymously(api_schema, demo):
    assert_conforms(api_schema, demo.known, headers={})


def test_read_endpoints_with_a_token(api_schema, demo):
    assert_conforms(api_schema, demo.known, headers={"Authorization": f"Bearer {demo.curator_token}"})


def assert_conforms(api_schema, known: dict[str, list[Any]], headers: dict[str, str]) -> None:
    """Run each operation's generated cases (Schemathesis's strategies under Hypothesis), many of them about
    things that exist, and report every operation that failed, not only the first."""
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=_cases(operation, known))
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def conforms(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            conforms()
        except (Exception, BaseExceptionGroup) as error:  # Schemathesis groups the failures of one operation
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)


def _cases(operation, known: dict[str, list[Any]]) -> st.SearchStrategy:
    """Generated cases, and as many again whose path (when every path parameter has known values) or whose
    query parameters with known values name things that exist."""
    path = [parameter.name for parameter in operation.path_parameters]
    query = [parameter.name for parameter in operation.query if parameter.name in known]
    if not all(name in known for name in path) or not (path or query):
        return operation.as_strategy()
    existing = st.fixed_dictionaries({
        "path_parameters": st.fixed_dictionaries({name: st.sampled_from(known[name]) for name in path}),
        "query": st.fixed_dictionaries({name: st.sampled_from(known[name]) for name in query})})
    return st.one_of(operation.as_strategy(), existing.flatmap(
        lambda fixed: operation.as_strategy(path_parameters=fixed["path_parameters"] or None,
                                            query=fixed["query"] or None)))


def test_unknown_urls_and_methods_under_api_are_problem_documents(client):
    for method, path, status in (("get", "/api/nothing", 404), ("get", "/api/submissions/abc", 404),
                                 ("delete", "/api/records", 405)):
        answer = getattr(client, method)(path)
        assert answer.status_code == status and answer.mimetype == "application/problem+json"
        assert answer.get_json()["status"] == status and answer.get_json()["message"]["zh"]
    page = client.get("/no-such-page")
    assert page.status_code == 404 and page.mimetype == "text/html"
