"""GET /api/records/<id>/citation and the citation block of the record page."""
from __future__ import annotations

import re

import pytest
import rispy
from pybtex.database import parse_string

from catalog.citations import today
from catalog.permissions import Actor
from tests.api.test_submissions_api import assert_problem, auth
from tests.services.conftest import registry, tea  # noqa: F401  (fixture)

OPERATOR = Actor.operator()
OPEN, CONFIDENTIAL = "HBPG-plant_germplasm-P1", "HBPG-plant_germplasm-P2"


@pytest.fixture
def published(services, registry):  # noqa: F811
    services.resources.publish(OPERATOR, "HBPG", "plant_germplasm",
                               [tea("P1", rights_holder=None), tea("P2", "confidential")])
    return registry


def test_text_in_both_languages(client, published):
    response = client.get(f"/api/records/{OPEN}/citation")
    assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"
    texts = response.get_json()
    assert set(texts) == {"zh", "en"}
    accessed = today().isoformat()
    assert texts["zh"].startswith("湖北省植物种质资源库. 恩施玉露茶树种质（Camellia sinensis (L.) Kuntze）[DB/OL]. 版本 1. ")
    assert texts["zh"].endswith(f"[{accessed}]. 资源标识: {OPEN}. http://127.0.0.1:5000/resources/{OPEN}.")
    assert texts["en"].startswith("Hubei Plant Germplasm Center (")
    assert texts["en"].endswith(f"Identifier {OPEN}. http://127.0.0.1:5000/resources/{OPEN} (accessed {accessed}).")


def test_bibtex_and_ris_downloads(client, published):
    bibtex = client.get(f"/api/records/{OPEN}/citation?format=bibtex")
    assert bibtex.status_code == 200 and bibtex.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert bibtex.headers["Content-Disposition"] == \
        f"attachment; filename=\"{OPEN}.bib\"; filename*=UTF-8''{OPEN}.bib"
    entry = parse_string(bibtex.get_data(as_text=True), "bibtex").entries[OPEN]
    assert entry.fields["title"] == "Enshi Yulu tea germplasm (Camellia sinensis (L.) Kuntze)"
    assert entry.fields["note"] == r"Identifier: HBPG-plant\_germplasm-P1"

    ris = client.get(f"/api/records/{OPEN}/citation?format=ris&lang=zh")
    assert ris.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert ris.headers["Content-Disposition"].startswith(f'attachment; filename="{OPEN}.ris"')
    [record] = rispy.loads(ris.get_data(as_text=True))
    assert (record["type_of_reference"], record["title"], record["accession_number"], record["authors"]) == (
        "DATA", "恩施玉露茶树种质（Camellia sinensis (L.) Kuntze）", OPEN, ["湖北省植物种质资源库"])


@pytest.mark.parametrize("query, field", [("format=endnote", "format"), ("format=ris&lang=fr", "lang")])
def test_unknown_format_or_language_is_a_problem(client, published, query, field):
    assert_problem(client.get(f"/api/records/{OPEN}/citation?{query}"), 400, "invalid_input", field)


def test_a_confidential_record_is_cited_only_for_those_who_see_it(client, services, published):
    for kind in ("text", "bibtex", "ris"):
        response = client.get(f"/api/records/{CONFIDENTIAL}/citation?format={kind}")
        assert_problem(response, 404, "not_found")
        assert "恩施" not in response.get_data(as_text=True)
    curator = services.accounts.issue_token(published["curator"], "reader", ["read"])
    assert client.get(f"/api/records/{CONFIDENTIAL}/citation", headers=auth(curator)).status_code == 200


def test_record_page_shows_the_citation_in_its_language(client, published):
    chinese = client.get(f"/resources/{OPEN}?lang=zh").get_data(as_text=True)
    assert "引用本资源" in chinese and "明确标注资源标识和利用情况" in chinese
    assert re.search(r'<blockquote id="citation-text">湖北省植物种质资源库\. 恩施玉露茶树种质', chinese)
    assert f'href="/api/records/{OPEN}/citation?format=bibtex&amp;lang=zh"' in chinese
    assert f'href="/api/records/{OPEN}/citation?format=ris&amp;lang=zh"' in chinese
    english = client.get(f"/resources/{OPEN}?lang=en").get_data(as_text=True)
    assert "Cite this resource" in english and "Download BibTeX" in english and "Copy citation" in english
    assert re.search(r'<blockquote id="citation-text">Hubei Plant Germplasm Center \(\d{4}\)\. Enshi Yulu', english)
    assert f"@misc{{{OPEN}," in english
