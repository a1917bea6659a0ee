"""What each JSON API endpoint does, keyed by its Flask endpoint: summary, who may call it, parameters, body and
answers. catalog_api.openapi turns these into the OpenAPI document; the paths themselves come from the URL map."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from marshmallow import Schema

from catalog.sharing.enums import RequestAction, RequestState
from catalog_api.api_schemas import accounts, records, sharing, submissions
from catalog_api.api_schemas.common import DOMAINS

JSON = "application/json"


class Access(Enum):
    """Who may call an endpoint; catalog_api.openapi turns it into security requirements."""
    PUBLIC = "anyone; a bearer token or a session shows what its user may see"
    SIGNED_IN = "a signed-in session or a bearer token"
    TOKEN = "a bearer token (a session cookie is not enough: the API is exempt from CSRF)"
    ANONYMOUS_OR_TOKEN = "anyone, acting anonymously, or a bearer token acting for its user; a session is ignored"


@dataclass(frozen=True)
class Answer:
    """A successful answer: its description, and a schema (JSON) or a media type → schema table."""
    description: str
    schema: type[Schema] | None = None
    media: dict[str, Any] | None = None
    headers: tuple[str, ...] = ()  # names of components.headers
    links: dict[str, dict[str, Any]] | None = None


@dataclass(frozen=True)
class Body:
    schema: type[Schema]
    media_type: str = JSON
    required: bool = True


@dataclass(frozen=True)
class Operation:
    summary: str
    tag: str
    access: Access
    answers: dict[int, Answer]
    problems: tuple[int, ...] = ()  # besides the 401, 403 and 429 any endpoint may answer
    query: type[Schema] | None = None
    query_parameters: tuple[dict[str, Any], ...] = ()
    header_parameters: tuple[str, ...] = ()  # names of components.parameters
    body: Body | None = None
    description: str = ""


# Path parameters by name, wherever they appear (the URL map gives their converter; this adds meaning).
PATH_PARAMETERS: dict[str, dict[str, Any]] = {
    "identifier": {"description": "A record's identifier, `<center>-<domain>-<local id>`.",
                   "examples": {"germplasm": {"value": "HBAASPG-plant_germplasm-ACC00042"}}},
    "code": {"description": "A center's code (capitals and digits).", "schema": {"pattern": "^[A-Z0-9]{2,32}$"}},
    "domain": {"description": "A resource domain.", "schema": {"enum": DOMAINS}},
    "submission_id": {"description": "A submission's id."},
    "token_id": {"description": "A token's id (`id` in GET /api/tokens)."},
    "export_id": {"description": "An export's id."},
    "request_id": {"description": "A sharing request's id."},
    "document_id": {"description": "A document's id."},
    "notification_id": {"description": "A notification's id."},
    "action": {"description": "The step to take; `actions` of the request says which this caller may take now.",
               "schema": {"enum": [action.value for action in RequestAction]}},
}


def _query(name: str, description: str, schema: dict[str, Any], required: bool = False) -> dict[str, Any]:
    return {"in": "query", "name": name, "description": description, "schema": schema, "required": required}


SEARCH_LINKS = {
    "nextPage": {"operationId": "records.search", "parameters": {"cursor": "$response.body#/next_cursor"},
                 "description": "The next page: repeat the search's parameters (not offset) with this cursor, or "
                                "simply follow `links.next`."},
    "firstRecord": {"operationId": "records.show", "parameters": {"identifier": "$response.body#/items/0/id"},
                    "description": "A hit's full record."},
}
SUBMISSION_LINKS = {"report": {"operationId": "submissions.report_json",
                               "parameters": {"submission_id": "$response.body#/id"},
                               "description": "The validation report, once validated."}}
EXPORT_LINKS = {"download": {"operationId": "exports.download", "parameters": {"export_id": "$response.body#/id"},
                             "description": "The file, once `state` is done."}}

SUBMISSION_DETAIL = Answer("The submission, with its progress and what this caller may do next.",
                           submissions.SubmissionDetail, links=SUBMISSION_LINKS)
REQUEST_DETAIL = Answer("The request, with the steps this caller may take now.", sharing.SharingRequestDetail)
NO_CONTENT = Answer("Done; no content.")

OPERATIONS: dict[str, Operation] = {
    # ------------------------------------------------------------------ records
    "api_records.search": Operation(
        "Search records", "records", Access.PUBLIC, problems=(400,), query=records.SearchArgs,
        answers={200: Answer("A page of hits with facet counts; `links.next` (and `next_cursor`) lead to the next "
                             "page while there is one.", records.SearchResult, links=SEARCH_LINKS)},
        description="Searches the public index: confidential records are never found, restricted ones only with "
                    "generalised coordinates, whoever asks. Page with `offset` and `size` (up to offset 10 000) or, "
                    "to any depth, with the cursor: `links.next` is the same search with `cursor` set."),
    "api_records.suggest": Operation(
        "Suggest names", "records", Access.PUBLIC, problems=(400,), query=records.SuggestArgs,
        answers={200: Answer("Scientific and vernacular names completing `q`.", records.SuggestionList)}),
    "api_records.points": Operation(
        "Map points of a search", "records", Access.PUBLIC, problems=(400,), query=records.PointsArgs,
        answers={200: Answer("The georeferenced hits of the search (public coordinates).", records.Points)}),
    "api_records.show": Operation(
        "A record", "records", Access.PUBLIC, problems=(404,), header_parameters=("IfNoneMatch", "IfModifiedSince"),
        answers={200: Answer("The record as the caller may see it.", records.Record,
                             headers=("ETag", "LastModified", "CacheControl")),
                 304: Answer("The caller's copy (If-None-Match or If-Modified-Since) is current.",
                             headers=("ETag", "LastModified", "CacheControl"))},
        description="A record the caller may not see (confidential, for anyone outside its center and "
                    "department) is 404, as if it did not exist. The `payload` holds the domain's other fields, "
                    "described by the `<Domain>Fields` schemas."),
    "api_records.related": Operation(
        "Related records", "records", Access.PUBLIC, problems=(404,),
        answers={200: Answer("Records of the same taxon elsewhere, and possible duplicates.", records.Related)}),
    "api_citations.citation": Operation(
        "Cite a record", "records", Access.PUBLIC, problems=(400, 404), query=records.CitationArgs,
        answers={200: Answer("The citation (regulation Art. 18).", media={
            JSON: {"schema": records.Citation},
            "text/plain": {"schema": {"type": "string", "description": "BibTeX or RIS, as a download."}}},
            headers=("ContentDisposition",))}),
    # ------------------------------------------------------------------ centers and domain schemas
    "api_centers.list_centers": Operation(
        "Centers", "centers", Access.PUBLIC,
        answers={200: Answer("Every center, with the holdings the caller may see.", records.CenterList)}),
    "api_centers.show": Operation(
        "A center", "centers", Access.PUBLIC, problems=(404,), answers={200: Answer("The center.", records.Center)}),
    "api_sharing.service_figures": Operation(
        "A center's service figures", "sharing", Access.SIGNED_IN, problems=(400, 404),
        query_parameters=(_query("year", "Default: this year (China time).", {"type": "integer"}),),
        answers={200: Answer("Requests, decisions and outputs of the year.", sharing.ServiceFigures)},
        description="For the center's curators, its department's reviewers and administrators (403 for others)."),
    "api_schemas.index": Operation(
        "Domain schemas", "schemas", Access.PUBLIC,
        answers={200: Answer("Where each domain's JSON Schema is.", records.DomainSchemaList)}),
    "api_schemas.domain_schema": Operation(
        "A domain's JSON Schema", "schemas", Access.PUBLIC, problems=(404,),
        answers={200: Answer("JSON Schema (2020-12) of a submitted row, with term IRIs and zh/en titles.", media={
            "application/schema+json": {"schema": {"type": "object"}}})}),
    # ------------------------------------------------------------------ submissions
    "api_submissions.upload": Operation(
        "Upload a file", "submissions", Access.TOKEN, problems=(400, 404, 413, 503),
        body=Body(submissions.UploadForm, "multipart/form-data"),
        answers={202: Answer("Accepted; validation runs in the background (follow `Location`).",
                             submissions.SubmissionDetail, headers=("Location",), links=SUBMISSION_LINKS),
                 200: Answer("The same file was already submitted (same center and domain, not rejected, withdrawn "
                             "or failed): that submission.", submissions.SubmissionDetail)},
        description="For the center's curators (403 for others)."),
    "api_submissions.index": Operation(
        "Submissions", "submissions", Access.SIGNED_IN, problems=(400,),
        query_parameters=(_query("state", "Only submissions in this state.", {"enum": submissions.STATES}),
                          _query("center", "Only this center's.", {"type": "string"})),
        answers={200: Answer("Newest first, only those of the caller's centers or departments.",
                             submissions.SubmissionList)}),
    "api_submissions.show": Operation(
        "A submission", "submissions", Access.SIGNED_IN, problems=(404,), answers={200: SUBMISSION_DETAIL}),
    "api_submissions.report_json": Operation(
        "Validation report", "submissions", Access.SIGNED_IN, problems=(404, 409),
        answers={200: Answer("The archived report.", submissions.Report)}),
    "api_submissions.report_csv": Operation(
        "Validation issues as CSV", "submissions", Access.SIGNED_IN, problems=(404, 409),
        answers={200: Answer("row, field, value, severity, code, message_en, message_zh; streamed.", media={
            "text/csv": {"schema": {"type": "string"}}}, headers=("ContentDisposition",))}),
    "api_submissions.submit": Operation(
        "Submit for review", "submissions", Access.TOKEN, problems=(400, 404, 409),
        body=Body(submissions.SubmitBody, required=False), answers={200: SUBMISSION_DETAIL}),
    "api_submissions.approve": Operation(
        "Approve: publish the valid rows", "submissions", Access.TOKEN, problems=(400, 404, 409),
        body=Body(submissions.EmptyBody, required=False), answers={200: SUBMISSION_DETAIL}),
    "api_submissions.reject": Operation(
        "Reject, with a reason", "submissions", Access.TOKEN, problems=(400, 404, 409),
        body=Body(submissions.RejectBody), answers={200: SUBMISSION_DETAIL}),
    "api_submissions.withdraw": Operation(
        "Withdraw", "submissions", Access.TOKEN, problems=(400, 404, 409),
        body=Body(submissions.EmptyBody, required=False), answers={200: SUBMISSION_DETAIL}),
    # ------------------------------------------------------------------ tokens
    "api_tokens.issue": Operation(
        "Issue a token", "tokens", Access.SIGNED_IN, problems=(400,), body=Body(accounts.TokenRequest),
        answers={201: Answer("The token, with its secret shown this once.", accounts.IssuedToken)},
        description="application/json only, so another site cannot make a signed-in browser issue one."),
    "api_tokens.index": Operation(
        "My tokens", "tokens", Access.SIGNED_IN,
        answers={200: Answer("The caller's own tokens, never a secret.", accounts.TokenList)}),
    "api_tokens.revoke": Operation(
        "Revoke a token", "tokens", Access.SIGNED_IN, problems=(404,), answers={204: NO_CONTENT},
        description="One's own, or any with an administrator's token that has the admin scope."),
    # ------------------------------------------------------------------ exports
    "api_exports.create": Operation(
        "Ask for an export", "exports", Access.ANONYMOUS_OR_TOKEN, problems=(400, 404),
        body=Body(accounts.ExportRequest),
        answers={202: Answer("Queued; follow `Location`.", accounts.Export, headers=("Location",),
                             links=EXPORT_LINKS)},
        description="A Darwin Core Archive or MCPD CSV of a center, a dataset (center + domain) or a search "
                    "result, built in the background, holding what the token's user (or the public) may see."),
    "api_exports.show": Operation(
        "An export", "exports", Access.PUBLIC, problems=(404,),
        answers={200: Answer("The export and its progress.", accounts.Export, links=EXPORT_LINKS)},
        description="Seen by the user who asked for it and administrators; an anonymous export by whoever has "
                    "its id."),
    "api_exports.download": Operation(
        "Download an export", "exports", Access.PUBLIC, problems=(404, 409),
        answers={200: Answer("The file, streamed.", media={
            "application/zip": {"schema": {"type": "string", "format": "binary"}},
            "text/csv": {"schema": {"type": "string"}}}, headers=("ContentDisposition",))}),
    # ------------------------------------------------------------------ sharing requests
    "api_sharing.cart": Operation(
        "My cart", "sharing", Access.SIGNED_IN,
        answers={200: Answer("The resources collected, from any centers.", sharing.CartItemList)}),
    "api_sharing.add_to_cart": Operation(
        "Add to the cart", "sharing", Access.TOKEN, problems=(400, 404), body=Body(sharing.CartAddition),
        answers={201: Answer("The cart item.", sharing.CartItem)},
        description="A confidential record never enters a cart (404, or 403 for its own center's curators)."),
    "api_sharing.remove_from_cart": Operation(
        "Remove from the cart", "sharing", Access.TOKEN, problems=(404,), answers={204: NO_CONTENT}),
    "api_sharing.clear_cart": Operation(
        "Empty the cart", "sharing", Access.TOKEN, answers={204: NO_CONTENT}),
    "api_sharing.checkout": Operation(
        "Check out", "sharing", Access.TOKEN, problems=(400, 409), body=Body(sharing.RequestDetails),
        answers={201: Answer("One draft request per center of the cart.", sharing.SharingRequestList)}),
    "api_sharing.list_requests": Operation(
        "Requests", "sharing", Access.SIGNED_IN, problems=(400,),
        query_parameters=(
            _query("scope", "`mine` (default): the caller's own; `center`: the submitted requests of the centers "
                            "the caller curates (every center for an administrator).", {"enum": ["mine", "center"]}),
            _query("state", "Only requests in this state.", {"enum": [state.value for state in RequestState]}),
            _query("center", "Only requests to this center.", {"type": "string"})),
        answers={200: Answer("Newest first.", sharing.SharingRequestList)}),
    "api_sharing.show_request": Operation(
        "A request", "sharing", Access.SIGNED_IN, problems=(404,), answers={200: REQUEST_DETAIL}),
    "api_sharing.update_request": Operation(
        "Edit a draft", "sharing", Access.TOKEN, problems=(400, 404, 409), body=Body(sharing.RequestDetails),
        answers={200: REQUEST_DETAIL}),
    "api_sharing.act": Operation(
        "Take a step", "sharing", Access.TOKEN, problems=(400, 404, 409),
        body=Body(sharing.StepBody, required=False), answers={200: REQUEST_DETAIL},
        description="draft -submit→ submitted -start_review→ under_review -approve→ approved; submitted or "
                    "under_review -reject→ rejected. Academic: approved -ship→ shipped or -deliver→ delivered. "
                    "Commercial: approved -quote→ quoted -accept_contract→ contracted -confirm_payment→ paid, then "
                    "ship or deliver. shipped or delivered -complete→ completed -feedback→ feedback; cancel before "
                    "shipping. 409 when the step does not fit the state, 403 when the caller's part may not take "
                    "it."),
    "api_sharing.messages": Operation(
        "Messages of a request", "sharing", Access.SIGNED_IN, problems=(404,),
        answers={200: Answer("Oldest first.", sharing.MessageList)}),
    "api_sharing.post_message": Operation(
        "Write a message", "sharing", Access.TOKEN, problems=(400, 404), body=Body(sharing.MessageBody),
        answers={201: Answer("The message.", sharing.Message)}),
    "api_sharing.documents": Operation(
        "Documents of a request", "sharing", Access.SIGNED_IN, problems=(404,),
        answers={200: Answer("The documents uploaded.", sharing.RequestDocumentList)}),
    "api_sharing.upload_document": Operation(
        "Upload a document", "sharing", Access.TOKEN, problems=(400, 404, 409, 413),
        body=Body(sharing.DocumentForm, "multipart/form-data"),
        answers={201: Answer("The document.", sharing.RequestDocument)},
        description="An institutional approval or a laboratory qualification, which strains of risk group 2 or "
                    "higher need before approval."),
    "api_sharing.download_document": Operation(
        "Download a document", "sharing", Access.SIGNED_IN, problems=(404,),
        answers={200: Answer("The file; anything but PDF, PNG or JPEG as application/octet-stream.", media={
            kind: {"schema": {"type": "string", "format": "binary"}}
            for kind in ("application/pdf", "image/png", "image/jpeg", "application/octet-stream")},
            headers=("ContentDisposition",))}),
    "api_sharing.outputs": Operation(
        "Outputs of a request", "sharing", Access.SIGNED_IN, problems=(404,),
        answers={200: Answer("Papers, patents and products reported.", sharing.OutputList)}),
    "api_sharing.report_output": Operation(
        "Report an output", "sharing", Access.TOKEN, problems=(400, 404, 409), body=Body(sharing.OutputReport),
        answers={201: Answer("The output.", sharing.Output)}),
    "api_sharing.resource_outputs": Operation(
        "Outputs citing a record", "sharing", Access.PUBLIC, problems=(400, 404),
        query_parameters=(_query("resource", "The record's identifier.", {"type": "string", "minLength": 1},
                                 required=True),),
        answers={200: Answer("The outputs reported with this record.", sharing.OutputList)}),
    "api_sharing.notifications": Operation(
        "My notifications", "sharing", Access.SIGNED_IN,
        query_parameters=(_query("unread", "`true`: only the unread ones.", {"enum": ["true", "false"]}),),
        answers={200: Answer("Newest first.", sharing.NotificationList)}),
    "api_sharing.mark_read": Operation(
        "Mark a notification read", "sharing", Access.TOKEN, problems=(400, 404),
        body=Body(submissions.EmptyBody, required=False),
        answers={200: Answer("The notification.", sharing.Notification)}),
    "api_sharing.current_agreement": Operation(
        "The agreement in force", "sharing", Access.PUBLIC, problems=(400, 404, 409),
        query_parameters=(_query("center", "A center's code.", {"type": "string"}, required=True),
                          _query("domain", "A resource domain.", {"enum": DOMAINS}, required=True)),
        answers={200: Answer("The agreement a request to this center for this domain must accept now.",
                             sharing.Agreement)}),
    "api_sharing.publish_agreement": Operation(
        "Publish an agreement", "sharing", Access.TOKEN, problems=(400, 404), body=Body(sharing.AgreementText),
        answers={201: Answer("The new version.", sharing.Agreement)},
        description="A center's curators publish its agreements; administrators also the platform's."),
    # ------------------------------------------------------------------ this documentation
    "api_openapi.document": Operation(
        "This OpenAPI document", "documentation", Access.PUBLIC,
        answers={200: Answer("OpenAPI 3.1.", media={JSON: {"schema": {"type": "object"}}})}),
    "api_docs.page": Operation(
        "Browsable API documentation", "documentation", Access.PUBLIC,
        answers={200: Answer("Swagger UI over this document.", media={"text/html": {"schema": {"type": "string"}}})}),
}
