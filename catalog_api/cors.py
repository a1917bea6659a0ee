"""Cross-origin reads (Flask-Cors): `Access-Control-Allow-Origin: *` on the read-only endpoints only.

Never with credentials, so another site's script reads what an anonymous caller (or its own bearer token) may
see, and never the signed-in user's view. Submissions and tokens, which a session cookie can reach, get no CORS
headers at all, so browsers keep other sites away from them.
"""
from __future__ import annotations

from flask import Flask
from flask_cors import CORS

READ_ONLY_PATHS = (r"/api/(records|centers|schemas|vocabularies)(/.*)?$", r"/vocabularies(/.*)?$")
EXPOSED_HEADERS = ["ETag", "Last-Modified", "Content-Disposition", "Retry-After", "X-RateLimit-Limit",
                   "X-RateLimit-Remaining", "X-RateLimit-Reset"]


def init_app(app: Flask) -> None:
    CORS(app, resources={path: {} for path in READ_ONLY_PATHS}, origins="*", send_wildcard=True,
         supports_credentials=False, methods=["GET", "HEAD", "OPTIONS"],
         allow_headers=["Accept", "Accept-Language", "Authorization", "If-None-Match", "If-Modified-Since"],
         expose_headers=EXPOSED_HEADERS, max_age=86400)
