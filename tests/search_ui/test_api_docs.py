"""/api/docs: Swagger UI, served from the vendored npm build, over /api/openapi.json."""
from __future__ import annotations

import re


def test_the_docs_page_loads_swagger_ui_from_our_own_static_files(client):
    page = client.get("/api/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert 'data-document="/api/openapi.json"' in html
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert assets == ["/static/ui/vendor/swagger-ui/swagger-ui.css", "/static/ui/api_docs.css",
                      "/static/ui/vendor/swagger-ui/swagger-ui-bundle.js", "/static/ui/api_docs.js"]
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200 and served.data, asset
        served.close()
    assert b"SwaggerUIBundle" in client.get("/static/ui/vendor/swagger-ui/swagger-ui-bundle.js").data
