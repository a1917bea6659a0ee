"""Every real file through the whole path: upload → report → submit → approve → published → indexed,
with the exact number of records each file yields (its valid rows; see tests/schemas/test_real_files.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.enums import SharingMode
from catalog.errors import InvalidState
from catalog.models import Resource
from catalog.permissions import Actor
from tests.conftest import REAL_DATA
from tests.publishing import published, validated

OPERATOR = Actor.operator()
MAPPINGS = Path(__file__).resolve().parents[1] / "data" / "mappings"
VALID_ROWS = {
    "plant_germplasm/crf_spain_tomato_mcpd_vavilov3.xlsx": 38,
    "plant_germplasm/grin_peanut_us_minicore_legumeinfo.xlsx": 94,
    "plant_germplasm/igdb_lulab_wheat_germplasm_info.xlsx": 1607,
    "plant_germplasm/igdb_lulab_wheat_germplasm_storage.xlsx": 0,
    "animal_germplasm/china_national_livestock_breed_list_2024_manifest.json": 0,
    "animal_germplasm/fao_dadis_cattle_cryoconservation_by_breed.csv": 0,
    "animal_germplasm/image_italian_cryoweb_specimens.json": 0,
    "animal_germplasm/image_italian_cryoweb_organisms.json": 0,
    "biological_specimen/gbif_download_2013_dwca.zip": 141,
    "biological_specimen/sant_bryophytes_dwca.zip": 2423,
    "biological_specimen/lou_herbarium_biga_sheets_2003-2010.csv": 4484,
    "geological_specimen/pbdb_early_tetrapods_occurrences_first1500.csv": 1500,
    "geological_specimen/georoc_zimbabwe_craton_archean_2022-06.csv": 426,
    "geological_specimen/personal_mineral_museum_zh.csv": 132,
    "microbial_strain/phibase_pathogen_strains.csv": 0,
    "microbial_strain/bacdive_strains_kgmicrobe.json": 20,
    "experimental_material/depmap_model.csv": 1959,
    "experimental_material/depmap_sample_info.csv": 1775,
    "experimental_material/phibase_host_strains.csv": 0,
}


def test_every_real_file_is_listed():
    if not REAL_DATA.exists():
        pytest.skip(f"{REAL_DATA} is not there")
    found = {path.relative_to(REAL_DATA).as_posix() for path in REAL_DATA.glob("*/*")
             if path.name != "README.md"}
    assert found == set(VALID_ROWS)


@pytest.mark.slow
@pytest.mark.parametrize("relative", sorted(VALID_ROWS))
def test_real_file_is_published_with_its_exact_count(services, relative):
    path = REAL_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} is not there")
    domain = relative.split("/")[0]
    mapping_file = MAPPINGS / f"{path.stem}.json"
    mapping = json.loads(mapping_file.read_text(encoding="utf-8")) if mapping_file.exists() else None
    submission = validated(services, path, domain, mapping=mapping)
    expected = VALID_ROWS[relative]
    assert submission.state == "validated"
    assert submission.summary["summary"]["valid"] == expected
    assert submission.changes == {"insert": expected, "update": 0, "unchanged": 0, "delete": 0}
    if expected == 0:
        with pytest.raises(InvalidState, match="No row is valid"):
            services.submissions.submit(OPERATOR, submission.id, valid_rows_only=True)
        assert services.resources.count() == 0
        return
    published(services, submission)
    assert services.resources.count() == expected
    with services.session_factory() as session:
        visible = session.query(Resource).filter(Resource.sharing_mode != SharingMode.CONFIDENTIAL).count()
    assert services.backend.count() == visible
    assert services.indexer.check().consistent
