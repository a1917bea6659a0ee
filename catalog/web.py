"""Flask glue both front ends share: the services, the acting user, and the language choice."""
from __future__ import annotations

from typing import BinaryIO, Iterator

from flask import Response, current_app, g, request, session

from catalog.errors import InvalidInput
from catalog.permissions import Actor

CHUNK_BYTES = 1 << 16
LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


def services():
    return current_app.extensions["catalog"]


def current_actor() -> Actor:
    """The user behind this request: a bearer token, else the signed-in session, else anonymous."""
    if "actor" not in g:
        g.actor = _resolve_actor()
    return g.actor


def has_bearer_token() -> bool:
    return request.headers.get("Authorization", "").lower().startswith("bearer ")


def _resolve_actor() -> Actor:
    if has_bearer_token():
        return services().accounts.actor_for_token(request.headers["Authorization"][7:].strip())
    user_id = session.get("user_id")
    if user_id is not None:
        actor = services().accounts.actor(user_id)
        if actor is not None:
            return actor
        session.pop("user_id", None)
    return Actor.anonymous()


def sign_in(username: str, password: str) -> Actor:
    actor = services().accounts.authenticate(username, password)
    language = session.get("lang")
    session.clear()  # a new session on sign-in, so a planted session id is worth nothing
    session["user_id"] = actor.user_id
    if language:
        session["lang"] = language
    g.actor = actor
    return actor


def sign_out() -> None:
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    g.pop("actor", None)


def choose_language() -> str:
    """?lang= wins and is remembered; then the remembered choice; then the browser's preference."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
        return asked
    remembered = session.get("lang")
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def streamed(handle: BinaryIO, mimetype: str, headers: dict[str, str] | None = None) -> Response:
    """A response that sends an open file in chunks and closes it when done: a report or an export of any size
    costs the memory of one chunk."""
    def chunks() -> Iterator[bytes]:
        with handle:
            while chunk := handle.read(CHUNK_BYTES):
                yield chunk
    return Response(chunks(), mimetype=mimetype, headers=headers)


def refuse_nul_characters() -> None:
    """No identifier, code or text of the platform holds a NUL character, and PostgreSQL cannot even compare one:
    a request with one in its path or query is refused as bad input before it reaches a service."""
    if "\x00" in request.path:
        raise InvalidInput("The address holds a NUL character (%00).", "地址中含有 NUL 字符（%00）。", field="path")
    for name, value in request.args.items(multi=True):
        if "\x00" in name or "\x00" in value:
            raise InvalidInput(f"The parameter {name!r} holds a NUL character (%00).",
                               f"参数 {name!r} 中含有 NUL 字符（%00）。", field=name.replace("\x00", ""))
