"""Chinese is first-class: every UI string in the code has a Chinese translation."""
from __future__ import annotations

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.conftest import REPO

CATALOG = REPO / "search_ui" / "translations" / "zh" / "LC_MESSAGES" / "messages.po"


def ui_strings() -> set[str]:
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    return {message for _file, _line, message, _comments, _context
            in extract_from_dir(str(REPO / "search_ui"), method_map, keywords={"_": None, "gettext": None})}


def test_every_ui_string_is_translated_to_chinese():
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    translated = {message.id: message.string for message in catalog
                  if message.id and message.string and "fuzzy" not in message.flags}
    missing = sorted(ui_strings() - set(translated))
    assert missing == [], "run `make messages` and translate these in messages.po"
    assert translated["Search"] == "检索"
