"""No export leaks: confidential records are absent and restricted records only generalised, in every format and
selection, for anonymous users and for another center's curator; the center's own curator gets precise values."""
from __future__ import annotations

import re

import pytest

from catalog.exports.cells import number_text
from catalog.exports.selection import Selection
from catalog.generalise import cell_centre
from catalog.permissions import Actor
from tests.exports.conftest import OTHER_CENTER, OWN_CENTER
from tests.exports.helpers import DWC, export_file, read_archive, read_mcpd, texts

GERMPLASM = ("plant_germplasm", "animal_germplasm")
ENTITLED = {"anonymous": set(), "other_curator": {OTHER_CENTER}, "curator": {OWN_CENTER}}
SELECTIONS = {"catalogue": Selection(), "own center": Selection(center=OWN_CENTER),
              "other center": Selection(center=OTHER_CENTER),
              "search": Selection(filters=(("domain", "plant_germplasm"),))}


def exported_rows(path, format: str) -> dict[str, dict[str, str]]:
    """identifier → latitude, longitude and locality as written."""
    if format == "dwca":
        return {identifier: {"lat": row["data"][DWC + "decimalLatitude"], "lon": row["data"][DWC + "decimalLongitude"],
                             "locality": row["data"][DWC + "locality"]}
                for identifier, row in read_archive(path).items()}
    return {row["PUID"].rsplit("/", 1)[1]: {"lat": row["DECLATITUDE"], "lon": row["DECLONGITUDE"],
                                            "locality": row["COLLSITE"]} for row in read_mcpd(path)}


def written(degrees: float | None, shown_as=lambda degrees: degrees) -> str:
    return "" if degrees is None else number_text(shown_as(degrees))


@pytest.fixture(scope="module")
def precise(demo):
    """Every record as its own center sees it."""
    return {view["id"]: view for view in demo.resources.views(Actor.operator())}


@pytest.mark.parametrize("format", ["dwca", "mcpd"])
@pytest.mark.parametrize("selection", sorted(SELECTIONS))
@pytest.mark.parametrize("who", sorted(ENTITLED))
def test_an_export_shows_each_record_as_its_reader_may_see_it(demo, people, precise, tmp_path, format, selection,
                                                              who):
    chosen = SELECTIONS[selection]
    path = export_file(demo, people[who], format, tmp_path, chosen)
    rows, text = exported_rows(path, format), texts(path)
    in_scope = {identifier: view for identifier, view in precise.items()
                if (format == "dwca" or view["domain"] in GERMPLASM)
                and (chosen.center is None or view["center"] == chosen.center)
                and (not chosen.searches or view["domain"] == "plant_germplasm")}
    entitled = ENTITLED[who]
    confidential = {i for i, view in in_scope.items() if view["sharing_mode"] == "confidential"}
    hidden = {i for i in confidential if chosen.searches or in_scope[i]["center"] not in entitled}
    assert confidential and set(rows) == set(in_scope) - hidden
    for identifier in hidden:
        assert identifier not in text
    # Values written for records shown in full: a restricted record's precise value may coincide with one.
    shown_openly = {number_text(view[axis]) for i, view in in_scope.items() if i in rows
                    and (view["sharing_mode"] != "restricted" or view["center"] in entitled)
                    for axis in ("decimal_latitude", "decimal_longitude") if view[axis] is not None}
    shown_localities = {view["locality"] for i, view in in_scope.items() if i in rows
                        and (view["sharing_mode"] != "restricted" or view["center"] in entitled)}
    cells = {cell.strip() for cell in re.split(r"[\t\n,<>]", text)}   # eml.xml's values too
    restricted = [i for i in rows if in_scope[i]["sharing_mode"] == "restricted"]
    assert restricted
    for identifier in restricted:
        view, row = in_scope[identifier], rows[identifier]
        if view["center"] in entitled:
            assert (row["lat"], row["lon"]) == (written(view["decimal_latitude"]), written(view["decimal_longitude"]))
            assert row["locality"] == (view["locality"] or "")
            continue
        assert (row["lat"], row["lon"]) == (written(view["decimal_latitude"], cell_centre),
                                            written(view["decimal_longitude"], cell_centre))
        assert row["locality"] == ""
        for axis in ("decimal_latitude", "decimal_longitude"):
            exact = written(view[axis])
            assert not exact or exact in shown_openly or exact not in cells, (identifier, axis)
        # Whole cells, not substrings: a coarse locality (湖北省神农架林区) begins others' localities.
        assert not view["locality"] or view["locality"] in shown_localities or view["locality"] not in cells
    for identifier in confidential - hidden:
        assert (rows[identifier]["lat"], rows[identifier]["locality"]) == (
            written(precise[identifier]["decimal_latitude"]), precise[identifier]["locality"] or "")
