"""Suggestions: the identifier column and values for required fields a file lacks, proposed with a confidence
and a reason, applied by --accept-suggestions, and measured against the curators' mappings of the real files."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog.cli import main
from ingest.mapping import MappingError, MappingSpec, load_mapping_file, mapping_spec
from ingest.pipeline import check_file
from catalog.services.remapping import revalidate
from ingest.suggestions import DEFAULT_MIN_CONFIDENCE, Suggestion, accepted, suggest
from schemas import describe
from tests.conftest import REAL_DATA
from tests.ingest.test_submissions import people  # noqa: F401  (a fixture)

MAPPINGS = Path(__file__).resolve().parents[1] / "data" / "mappings"
# Real files whose curator's mapping the suggestions replace: the same identifier column, the same values of
# the required fields, and exactly as many valid rows (the curators map recommended fields too: more warnings).
REPLACED = ["biological_specimen/lou_herbarium_biga_sheets_2003-2010.csv",
            "experimental_material/depmap_model.csv", "experimental_material/depmap_sample_info.csv",
            "geological_specimen/georoc_zimbabwe_craton_archean_2022-06.csv",
            "geological_specimen/pbdb_early_tetrapods_occurrences_first1500.csv",
            "geological_specimen/personal_mineral_museum_zh.csv", "microbial_strain/bacdive_strains_kgmicrobe.json"]


def real(relative: str) -> tuple[Path, str]:
    path = REAL_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} is not there (../shared beside the repository)")
    return path, relative.split("/")[0]


def write(tmp_path: Path, text: str, name: str = "file.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("relative", REPLACED)
def test_the_suggestions_do_what_the_curator_s_mapping_does(relative):
    path, domain = real(relative)
    hand = load_mapping_file(MAPPINGS / (path.stem + ".json"))
    suggestions = suggest(path, domain)
    # a value map is a guess by spelling, for a person to confirm: it is never applied unasked
    assert all(suggestion.confidence >= DEFAULT_MIN_CONFIDENCE for suggestion in suggestions
               if suggestion.kind != "value_map")
    assert all(suggestion.confidence < DEFAULT_MIN_CONFIDENCE for suggestion in suggestions
               if suggestion.kind == "value_map")
    spec = accepted(None, suggestions)
    hand_identifier = list(hand.identifier) or [c for c, f in hand.columns.items() if f == "local_id"]
    ours = [column for column, field in spec.columns.items() if field == "local_id"]
    assert ours == hand_identifier or (not ours and not hand_identifier), (ours, hand_identifier)
    assert spec.defaults == {field: value for field, value in hand.defaults.items() if field in spec.defaults}
    assert set(spec.defaults) >= {"sample_type", "material_type"} & set(hand.defaults)
    ours, theirs = (check_file(path, domain, spec=used).summary() for used in (spec, hand))
    assert (ours["valid"], ours["invalid"]) == (theirs["valid"], theirs["invalid"])
    assert check_file(path, domain).summary()["valid"] == 0   # without them nothing goes in


def test_every_suggestion_gives_its_evidence_in_both_languages():
    path, domain = real("geological_specimen/personal_mineral_museum_zh.csv")
    (suggestion,) = suggest(path, domain)
    assert suggestion.as_dict() == {
        "kind": "default", "column": None, "field": "sample_type", "value": "mineral", "confidence": 0.9,
        "reason": {"en": "Sample type is missing in all 136 rows; suggested value 'mineral', because the file has "
                         "mineral formulas or classes ('化学式', '矿物分类').",
                   "zh": "“标本类型”列在全部 136 行中缺失；建议取值 'mineral'，因为文件含有矿物化学式或矿物分类"
                         "（'化学式', '矿物分类'）。"}}


def test_an_identifier_column_full_of_placeholders_gives_way_to_a_unique_one(tmp_path):
    rows = "".join(f"occ-{n},not available,PreservedSpecimen,Acipenser sinensis\n" for n in range(1, 41))
    path = write(tmp_path, "occurrenceID,catalogNumber,basisOfRecord,scientificName\n" + rows)
    assert check_file(path, "biological_specimen").summary()["valid"] == 0
    (suggestion,) = suggest(path, "biological_specimen")
    assert (suggestion.kind, suggestion.column, suggestion.replaces) == ("identifier", "occurrenceID",
                                                                         "catalogNumber")
    assert "40 of 40 rows" in suggestion.reason_en and "40 行" in suggestion.reason_zh
    assert check_file(path, "biological_specimen", spec=accepted(None, [suggestion])).summary()["valid"] == 40


def test_a_good_identifier_and_a_given_mapping_are_left_alone(tmp_path):
    path = write(tmp_path, "catalogNumber,basisOfRecord,scientificName\nA1,PreservedSpecimen,X y\n"
                           "A2,PreservedSpecimen,X z\n")
    assert suggest(path, "biological_specimen") == []
    path = write(tmp_path, "化学式,编号\nSiO₂,1\nCaCO₃,2\n", "given.csv")
    assert suggest(path, "geological_specimen", spec=MappingSpec(defaults={"sample_type": "ore"})) == []


def test_a_mixed_file_is_left_to_a_person(tmp_path):
    """Mineral formulas beside fossil ages: either value could be right, so neither is applied."""
    path = write(tmp_path, "编号,化学式,max_ma\n1,SiO₂,\n2,,251.2\n")
    (suggestion,) = suggest(path, "geological_specimen")
    assert suggestion.confidence < DEFAULT_MIN_CONFIDENCE and "other columns suggest fossil" in suggestion.reason_en
    assert accepted(None, [suggestion]).defaults == {}
    assert accepted(None, [suggestion], min_confidence=0.3).defaults == {"sample_type": "mineral"}


def test_the_command_line_reports_applies_and_writes_suggestions(tmp_path):
    path, domain = real("geological_specimen/personal_mineral_museum_zh.csv")
    runner = CliRunner()
    plain = runner.invoke(main, ["validate", str(path), "--domain", domain, "--json"])
    report = json.loads(plain.stdout)
    assert plain.exit_code == 1 and report["summary"]["valid"] == 0 and "applied_mapping" not in report
    assert [s["field"] for s in report["suggestions"]] == ["sample_type"]
    taken = runner.invoke(main, ["validate", str(path), "--domain", domain, "--json", "--accept-suggestions"])
    report = json.loads(taken.stdout)
    assert report["summary"]["valid"] == 132
    assert report["applied_mapping"] == {"columns": {}, "defaults": {"sample_type": "mineral"}, "identifier": []}
    refused = runner.invoke(main, ["validate", str(path), "--domain", domain, "--json", "--accept-suggestions",
                                   "--min-confidence", "0.95"])
    assert json.loads(refused.stdout)["summary"]["valid"] == 0
    out = tmp_path / "mineral.json"
    written = runner.invoke(main, ["mapping", "suggest", str(path), "--domain", domain, "--out", str(out)])
    assert written.exit_code == 0, written.output
    proposed = json.loads(out.read_text(encoding="utf-8"))
    assert proposed["columns"]["编号"] == "local_id" and proposed["defaults"] == {"sample_type": "mineral"}
    again = runner.invoke(main, ["validate", str(path), "--domain", domain, "--json", "--mapping", str(out)])
    assert json.loads(again.stdout)["summary"]["valid"] == 132


def test_ingest_accepts_suggestions_and_saves_the_mapping_with_the_submission(runner, services):
    from catalog.permissions import Actor
    path, domain = real("geological_specimen/personal_mineral_museum_zh.csv")
    services.centers.create_center(Actor.operator(), "MIN", "矿物馆", "Mineral museum", domain=domain)
    result = runner.invoke(main, ["ingest", str(path), "--center", "MIN", "--accept-suggestions",
                                  "--valid-rows-only", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["state"] == "submitted" and document["summary"]["valid"] == 132
    saved = services.submissions.get(Actor.operator(), document["id"]).mapping
    assert saved["defaults"] == {"sample_type": "mineral"}


def test_a_column_of_a_required_field_s_known_values_is_mapped_to_it(tmp_path):
    """BacDive calls the organism type "domain": its values tell what it is."""
    path, domain = real("microbial_strain/bacdive_strains_kgmicrobe.json")
    suggestions = suggest(path, domain)
    column = next(suggestion for suggestion in suggestions if suggestion.field == "organism_type")
    assert (column.kind, column.column) == ("column", "Name and taxonomic classification.LPSN.domain")
    assert "'Bacteria' → 'bacteria'" in column.reason_en and "已知取值" in column.reason_zh
    assert next(s for s in suggestions if s.kind == "identifier").column == "General.BacDive-ID"
    spec = accepted(None, suggestions)
    assert spec.columns["Name and taxonomic classification.LPSN.domain"] == "organism_type"
    assert check_file(path, domain).summary()["valid"] == 0 < check_file(path, domain, spec=spec).summary()["valid"]


def test_nested_json_records_give_their_key_and_a_misfit_column_its_field():
    """BacDive keeps lists of records in a column ('[{"@ref": 5990, "temperature": "37"}, …]'): the key that holds
    the field is proposed, as the curator mapped the flattened keys by hand; "1" is not a biosafety level but a
    risk group. With them the file goes in whole, as with the curator's mapping."""
    path, domain = real("microbial_strain/bacdive_strains_kgmicrobe.json")
    suggestions = suggest(path, domain)
    paths = {s.field: (s.column, s.value) for s in suggestions if s.kind == "path"}
    assert paths["growth_temperature_c"] == ("Culture and growth conditions.culture temp", "temperature")
    assert paths["growth_medium"] == ("Culture and growth conditions.culture medium", "name")
    assert paths["literature"] == ("External links.literature", "Pubmed-ID")
    assert paths["history_of_deposit"] == ("General.strain history", "history")
    moved = next(s for s in suggestions if s.column == "Safety information.risk assessment.biosafety level")
    assert (moved.kind, moved.field) == ("column", "risk_group") and "17 of its 17" in moved.reason_en
    spec = accepted(None, suggestions)
    assert spec.paths["Culture and growth conditions.culture temp"] == "temperature"
    hand = load_mapping_file(MAPPINGS / "bacdive_strains_kgmicrobe.json")
    ours, theirs = (check_file(path, domain, spec=used) for used in (spec, hand))
    assert ours.summary()["valid"] == theirs.summary()["valid"] == 20
    staged: dict[str, dict] = {}
    check_file(path, domain, spec=spec, on_record=lambda number, record: staged.setdefault(record["local_id"], record))
    first = staged["145"]["payload"]
    assert first["growth_temperature_c"] == 37 and first["growth_medium"] == "BHI/2 MEDIUM (DSMZ Medium 217)"
    assert first["taxon_id"] == "59505" and first["literature"][:2] == ["9226926", "25189588"]
    assert {record["payload"].get("risk_group") for record in staged.values()} >= {"1"}


def test_a_column_whose_values_fit_no_field_is_left_out_and_json_paths_round_trip(tmp_path):
    rows = "".join(f"S{n},bacteria,{{\"x\": \"warm\"}}\n" for n in range(1, 6))
    path = write(tmp_path, "strain number,organism type,growth temperature\n".replace("growth temperature",
                                                                                         "growthTemperature") + rows)
    found = [s for s in suggest(path, "microbial_strain") if s.kind in ("column", "path")]
    assert [(s.kind, s.field, s.column) for s in found] == [("column", None, "growthTemperature")]
    assert accepted(None, found).columns == {"growthTemperature": None}
    spec = MappingSpec({"t": "growth_temperature_c"}, paths={"t": "temperature"})
    assert mapping_spec(spec.as_dict()) == spec


def test_two_columns_that_are_unique_together_compose_the_identifier(tmp_path):
    rows = "".join(f"{taxon},strain {strain},bacteria\n" for taxon in (562, 1280, 287) for strain in ("A", "B"))
    path = write(tmp_path, "ncbi_taxid,strain,organism type\n" + rows)
    (suggestion,) = [s for s in suggest(path, "microbial_strain") if s.kind == "identifier"]
    assert suggestion.parts == ("ncbi_taxid", "strain") and suggestion.as_dict()["columns"] == ["ncbi_taxid", "strain"]
    spec = accepted(None, [suggestion])
    assert spec.identifier == ("ncbi_taxid", "strain")
    assert check_file(path, "microbial_strain", spec=spec).summary()["valid"] == 6


def test_a_second_header_row_does_not_hide_the_identifier(tmp_path):
    """A units row leaves the identifier column empty in its row: it is not a row, so the identifier column is
    still filled in every row and no other column is proposed in its place."""
    rows = "".join(f"{n},石英{n},SiO₂,{n * 2},{n * 3}\n" for n in range(1, 21))
    path = write(tmp_path, "样品号,中文名称,化学式,长度,重量\n,,,(cm),(g)\n" + rows)
    assert [(s.kind, s.value) for s in suggest(path, "geological_specimen")] == [("default", "mineral")]
    spec = accepted(None, suggest(path, "geological_specimen"))
    assert check_file(path, "geological_specimen", spec=spec).summary()["valid"] == 20


def test_decimal_degrees_under_an_mcpd_name_go_to_the_decimal_fields():
    """The IGDB wheat file's "Latitude" and "Longitude" are MCPD's names for DDMMSSH text, but hold decimal
    degrees: mapped to the decimal fields, the coordinates are stored without a warning on every row."""
    path, domain = real("plant_germplasm/igdb_lulab_wheat_germplasm_info.xlsx")
    columns = [s for s in suggest(path, domain) if s.kind == "column"]
    assert [(s.column, s.field) for s in columns] == [("Latitude", "decimal_latitude"),
                                                      ("Longitude", "decimal_longitude")]
    assert "1218 of its 1218 values are decimal degrees" in columns[0].reason_en
    before = check_file(path, domain)
    after = check_file(path, domain, spec=accepted(None, columns))
    assert before.flags["DECIMAL_COORDINATE_IN_DMS_FIELD"] == 2436
    assert "DECIMAL_COORDINATE_IN_DMS_FIELD" not in after.flags
    assert after.summary()["valid"] == before.summary()["valid"] == 1607


def test_a_center_s_confirmed_mapping_is_offered_for_its_next_file_with_the_same_columns(services, people):
    """The monthly export: last month's file went in with a mapping of the curator's; this month's file has the
    same columns and comes without one, so that mapping is offered again, and taking it validates every row."""
    curator = people["curator"]

    def upload(name: str, start: int, header: str = "标本号,学名,产地\n", mapping=None):
        rows = "".join(f"IHB-{n},Acipenser sinensis Gray,宜昌\n" for n in range(start, start + 30))
        submission = services.submissions.upload(curator, "IHB", name, io.BytesIO((header + rows).encode()),
                                                 content_type="text/csv", mapping=mapping)
        services.jobs.wait()
        return services.submissions.get(curator, submission.id)

    confirmed = {"columns": {"标本号": "local_id"}, "defaults": {"basis_of_record": "PreservedSpecimen"},
                 "identifier": []}
    last_month = upload("2026-11.csv", 1, mapping=confirmed)
    assert last_month.summary["summary"]["valid"] == 30
    services.submissions.submit(curator, last_month.id)
    this_month = upload("2026-12.csv", 31)
    assert this_month.summary["summary"]["valid"] == 0   # no basis of record without the mapping
    offered = this_month.summary["suggestions"][0]
    assert (offered["kind"], offered["value"], offered["mapping"]) == ("mapping", str(last_month.id), confirmed)
    assert "2026-11.csv" in offered["reason"]["en"] and "2026-11.csv" in offered["reason"]["zh"]
    spec = accepted(mapping_spec(this_month.mapping), [Suggestion.from_dict(s) for s in this_month.summary[
        "suggestions"]], min_confidence=0)
    again = revalidate(services.submissions, curator, this_month.id, spec.columns, spec.defaults,
                       list(spec.identifier)).submission
    services.jobs.wait()
    assert services.submissions.get(curator, again.id).summary["summary"]["valid"] == 30
    other = upload("other.csv", 61, header="标本号,学名,产地,备注\n")   # one more column: not the same export
    assert not any(suggestion["kind"] == "mapping" for suggestion in other.summary["suggestions"])


# Valid rows of every real file through `catalog validate FILE --domain D --accept-suggestions`, no mapping file.
# 13 of the 19 go in; the other six hold no records a person could map without asking the data's owner: a
# list of breed names, a per-country census, donor animals whose stored material is not said, pathogen and host
# lists mixing organism types, and a summary table.
WITH_SUGGESTIONS = {
    "animal_germplasm/china_national_livestock_breed_list_2024_manifest.json": 0,
    "animal_germplasm/fao_dadis_cattle_cryoconservation_by_breed.csv": 0,
    "animal_germplasm/image_italian_cryoweb_organisms.json": 0,
    "animal_germplasm/image_italian_cryoweb_specimens.json": 20,
    "biological_specimen/gbif_download_2013_dwca.zip": 141,
    "biological_specimen/lou_herbarium_biga_sheets_2003-2010.csv": 4484,
    "biological_specimen/sant_bryophytes_dwca.zip": 2423,
    "experimental_material/depmap_model.csv": 1959,
    "experimental_material/depmap_sample_info.csv": 1775,
    "experimental_material/phibase_host_strains.csv": 0,
    "geological_specimen/georoc_zimbabwe_craton_archean_2022-06.csv": 426,
    "geological_specimen/pbdb_early_tetrapods_occurrences_first1500.csv": 1500,
    "geological_specimen/personal_mineral_museum_zh.csv": 132,
    "microbial_strain/bacdive_strains_kgmicrobe.json": 20,
    "microbial_strain/phibase_pathogen_strains.csv": 0,
    "plant_germplasm/crf_spain_tomato_mcpd_vavilov3.xlsx": 38,
    "plant_germplasm/grin_peanut_us_minicore_legumeinfo.xlsx": 94,
    "plant_germplasm/igdb_lulab_wheat_germplasm_info.xlsx": 1607,
    "plant_germplasm/igdb_lulab_wheat_germplasm_storage.xlsx": 0,
}


def test_every_real_file_is_measured():
    if not REAL_DATA.exists():
        pytest.skip(f"{REAL_DATA} is not there")
    found = {path.relative_to(REAL_DATA).as_posix() for path in REAL_DATA.glob("*/*") if path.name != "README.md"}
    assert found == set(WITH_SUGGESTIONS)


@pytest.mark.slow
@pytest.mark.parametrize("relative", sorted(WITH_SUGGESTIONS))
def test_every_real_file_with_accepted_suggestions_and_no_mapping_file(relative):
    """As many valid rows as the table says, never more than the curator's mapping gives, and where that
    mapping names an identifier column or a required value, the suggestions chose the same."""
    from catalog.cli import mapping_for
    path, domain = real(relative)
    spec, _ = mapping_for(path, domain, None, True, DEFAULT_MIN_CONFIDENCE)
    ours = check_file(path, domain, spec=spec).summary()
    assert ours["valid"] == WITH_SUGGESTIONS[relative]
    hand_file = MAPPINGS / (path.stem + ".json")
    if not hand_file.exists():
        return
    hand = load_mapping_file(hand_file)
    assert ours["valid"] <= check_file(path, domain, spec=hand).summary()["valid"]
    if ours["valid"]:
        required = {d.name for d in describe(domain).fields if d.required}
        assert {f: v for f, v in spec.defaults.items() if f in required} == \
            {f: v for f, v in hand.defaults.items() if f in required and f in spec.defaults}
        named = [column for column, field in hand.columns.items() if field == "local_id"] or list(hand.identifier)
        ours_named = [column for column, field in spec.columns.items() if field == "local_id"] or list(spec.identifier)
        assert not named or ours_named == named


def test_words_a_vocabulary_does_not_know_get_a_guess_to_confirm_and_a_value_map_applies_them(tmp_path):
    rows = "".join(f"W{n},Triticum aestivum,{country}\n" for n, country in enumerate(
        ["China", "Russian", "CzechRepoublic", "Russian", "SovietUnion"], 1))
    path = write(tmp_path, "ID,scientificName,Country\n" + rows)
    found = next(s for s in suggest(path, "plant_germplasm") if s.kind == "value_map")
    assert (found.field, found.column, found.values) == ("country_code", "Country", {"Russian": "RU",
                                                                                      "CzechRepoublic": "CZ"})
    assert found.confidence < DEFAULT_MIN_CONFIDENCE and "'Russian' → 'RU'" in found.reason_en
    assert Suggestion.from_dict(found.as_dict()) == found
    assert accepted(None, [found]).values == {}                     # not applied unasked
    spec = accepted(None, [found], min_confidence=0)
    assert spec.values == {"country_code": {"Russian": "RU", "CzechRepoublic": "CZ"}}
    assert mapping_spec(spec.as_dict()) == spec
    records = {}
    check_file(path, "plant_germplasm", spec=spec, on_record=lambda n, r: records.setdefault(n, r))
    assert [records[n]["country_code"] for n in range(1, 6)] == ["CN", "RU", "CZ", "RU", None]
    with pytest.raises(MappingError, match="values"):
        mapping_spec({"values": {"country_code": ["RU"]}})


def test_thirteen_of_the_nineteen_real_files_go_in():
    assert sum(1 for valid in WITH_SUGGESTIONS.values() if valid) == 13 and len(WITH_SUGGESTIONS) == 19


def test_a_required_field_is_found_inside_nested_json_records():
    """IMAGE lists each specimen's record inside the submission: its "organism_part" is the material type."""
    path, domain = real("animal_germplasm/image_italian_cryoweb_specimens.json")
    found = next(s for s in suggest(path, domain) if s.field == "material_type")
    assert (found.kind, found.column, found.value) == ("path", "specimens", "organism_part")
    assert "'Hair' → 'hair'" in found.reason_en and "JSON 记录中键 'organism_part'" in found.reason_zh
    records = []
    check_file(path, domain, spec=accepted(None, [found]), on_record=lambda n, r: records.append(r))
    assert len(records) == 20 and {r["payload"]["material_type"] for r in records} <= {"hair", "semen", "blood"}


def test_an_upload_that_accepts_suggestions_is_validated_with_them_and_can_be_reversed(services, people):
    """The platform applies the suggestions itself, keeps the mapping it used, lists what it applied, and the
    same file uploaded again with the same choice is the same submission."""
    curator = people["curator"]
    rows = "".join(f"occ-{n},not available,PreservedSpecimen,Acipenser sinensis Gray\n" for n in range(1, 31))
    data = ("occurrenceID,catalogNumber,basisOfRecord,scientificName\n" + rows).encode()
    submission = services.submissions.upload(curator, "IHB", "occ.csv", io.BytesIO(data), accept_suggestions=0.8)
    services.jobs.wait()
    submission = services.submissions.get(curator, submission.id)
    assert submission.summary["summary"]["valid"] == 30
    assert [s["column"] for s in submission.summary["applied_suggestions"]] == ["occurrenceID"]
    assert submission.summary["suggestions"] == []
    assert submission.mapping["columns"] == {"catalogNumber": None, "occurrenceID": "local_id"}
    again = services.submissions.receive(curator, "IHB", "occ.csv", io.BytesIO(data), accept_suggestions=0.8)
    assert (again.submission.id, again.created) == (submission.id, False)
    plain = services.submissions.receive(curator, "IHB", "occ.csv", io.BytesIO(data))
    services.jobs.wait()
    assert plain.created and services.submissions.get(curator, plain.submission.id).summary["summary"]["valid"] == 0
    reversed_ = revalidate(services.submissions, curator, submission.id, {"occurrenceID": None,
                                                                          "catalogNumber": "local_id"})
    services.jobs.wait()
    assert services.submissions.get(curator, reversed_.submission.id).summary["summary"]["valid"] == 0
