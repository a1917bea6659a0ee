"""Seeded, deterministic DEMO data: departments, centers, users and ~4,000 resources as plain Python values.

Every center is labelled 【演示】/[Demo] and every resource payload carries ``demo: True``; nothing here is real.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any, Callable

from catalog.demo.taxa import (ANIMAL_BREEDS, ANIMAL_MATERIALS, DIVISIONS, EXPERIMENTAL, FOREIGN, FOSSILS,
                               HUBEI_COMMON, MICROBES, MINERALS, ORES, OTHER_PROVINCES, PEOPLE, PLANT_TAXA,
                               ROCKS, SPECIMEN_PREPARATIONS, SPECIMEN_TAXA, PlantTaxon, SpecimenTaxon)
from catalog.enums import Domain, Role, SharingMode

DEFAULT_SEED = 20261125
REMARK = "演示数据，非真实馆藏 / Demo data, not a real holding"
LATEST_YEAR = 2025

DEMO_DEPARTMENTS: list[dict[str, str]] = [
    {"code": "HBAGRI", "name_zh": "湖北省农业农村厅",
     "name_en": "Hubei Provincial Department of Agriculture and Rural Affairs"},
    {"code": "HBEDU", "name_zh": "湖北省教育厅", "name_en": "Hubei Provincial Department of Education"},
    {"code": "CASWH", "name_zh": "中国科学院武汉分院", "name_en": "Wuhan Branch, Chinese Academy of Sciences"},
]


def _center(code: str, zh: str, en: str, domain: Domain, host_zh: str, host_en: str, dept: str) -> dict:
    return {"code": code, "name_zh": f"【演示】{zh}", "name_en": f"[Demo] {en}", "domain": domain.value,
            "host_institution_zh": host_zh, "host_institution_en": host_en, "department": dept}


DEMO_CENTERS: list[dict[str, str]] = [
    _center("HBAASPG", "湖北省农作物种质资源库", "Hubei Crop Germplasm Bank", Domain.PLANT_GERMPLASM,
            "湖北省农业科学院", "Hubei Academy of Agricultural Sciences", "HBAGRI"),
    _center("WBGPG", "湖北省野生植物种质资源库", "Hubei Wild Plant Germplasm Bank", Domain.PLANT_GERMPLASM,
            "中国科学院武汉植物园", "Wuhan Botanical Garden, Chinese Academy of Sciences", "CASWH"),
    _center("HZAUAG", "湖北省畜禽水产遗传资源库", "Hubei Livestock, Poultry and Fish Genetic Resources Bank",
            Domain.ANIMAL_GERMPLASM, "华中农业大学", "Huazhong Agricultural University", "HBAGRI"),
    _center("CCTCCM", "湖北省微生物菌种资源库", "Hubei Microbial Culture Collection", Domain.MICROBIAL_STRAIN,
            "武汉大学 中国典型培养物保藏中心", "Wuhan University, China Center for Type Culture Collection", "HBEDU"),
    _center("IHBAS", "湖北省水生生物标本资源库", "Hubei Aquatic Biological Specimen Collection",
            Domain.BIOLOGICAL_SPECIMEN, "中国科学院水生生物研究所", "Institute of Hydrobiology, Chinese Academy of Sciences",
            "CASWH"),
    _center("HUBUBS", "湖北省动植物标本资源库", "Hubei Plant and Animal Specimen Collection",
            Domain.BIOLOGICAL_SPECIMEN, "湖北大学", "Hubei University", "HBEDU"),
    _center("CUGGEO", "湖北省岩矿化石标本资源库", "Hubei Rock, Mineral and Fossil Specimen Collection",
            Domain.GEOLOGICAL_SPECIMEN, "中国地质大学（武汉）", "China University of Geosciences (Wuhan)", "HBEDU"),
    _center("HBMUEM", "湖北省实验材料资源库", "Hubei Experimental Materials Bank", Domain.EXPERIMENTAL_MATERIAL,
            "湖北医药学院", "Hubei University of Medicine", "HBEDU"),
]

DEMO_USERS: list[dict[str, Any]] = [
    {"username": "researcher", "password": "demo-researcher", "role": Role.RESEARCHER.value, "center": None,
     "department": None, "display_name": "演示研究人员 Demo Researcher"},
    {"username": "curator", "password": "demo-curator", "role": Role.CURATOR.value,
     "center": DEMO_CENTERS[0]["code"], "department": None, "display_name": "演示资源管理员 Demo Curator"},
    {"username": "reviewer", "password": "demo-reviewer", "role": Role.REVIEWER.value, "center": None,
     "department": DEMO_DEPARTMENTS[0]["code"], "display_name": "演示审核员 Demo Reviewer"},
    {"username": "admin", "password": "demo-admin", "role": Role.ADMIN.value, "center": None, "department": None,
     "display_name": "演示平台管理员 Demo Administrator"},
]

# Per-center options the builders read: which half of a shared taxa table a center holds.
_CENTER_OPTIONS = {"HBAASPG": "C", "WBGPG": "W", "IHBAS": "A", "HUBUBS": "G"}
_INSTITUTION_CODES = {"IHBAS": "IHB", "HUBUBS": "HUBU"}
# Possible duplicates: (center, center, pairs); the same taxon, locality and date in both centers.
DUPLICATE_PAIRS = (("HBAASPG", "WBGPG", 6), ("IHBAS", "HUBUBS", 4))

_SHARING = ([SharingMode.OPEN.value, SharingMode.ON_REQUEST.value, SharingMode.RESTRICTED.value,
             SharingMode.CONFIDENTIAL.value], [70, 15, 10, 5])
_LICENCES = (["CC-BY-4.0", "CC0-1.0", "CC-BY-NC-4.0"], [80, 10, 10])
_AVAILABILITY = {"available": "available", "regenerating": "limited", "on loan": "limited",
                 "under curation": "limited", "depleted": "unavailable"}
_GERM_STATUS = (["available", "regenerating", "depleted"], [82, 10, 8])
_SPECIMEN_STATUS = (["available", "on loan", "under curation"], [88, 7, 5])


# ---------------------------------------------------------------- shared helpers

def _pick(rng: random.Random, table: tuple[list, list]) -> Any:
    return rng.choices(table[0], weights=table[1])[0]


def _date(rng: random.Random, lo: int = 1950, hi: int = LATEST_YEAR, day: bool = False) -> str:
    """An ISO date, year-month or year between lo and hi, skewed towards recent years."""
    year = min(hi, lo + int((hi - lo + 1) * rng.random() ** 0.6))
    precision = 0 if day else rng.random()
    if precision < 0.7:
        return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{year:04d}-{rng.randint(1, 12):02d}" if precision < 0.9 else f"{year:04d}"


def _mcpd_date(iso: str) -> str:
    """MCPD style YYYYMMDD with '--' for unknown month or day."""
    parts = iso.split("-") + ["--", "--"]
    return "".join(parts[:3])


def _place(rng: random.Random, codes: tuple[str, ...], missing: float = 0.04) -> dict:
    """A Chinese place inside the division, with jittered coordinates (or none)."""
    code = rng.choice(codes)
    path, short_zh, short_en, province, is_county, lat, lon, jitter, sites = DIVISIONS[code]
    site_zh, site_en = rng.choice(sites) if sites and rng.random() < 0.75 else ("", "")
    zh = path + site_zh
    en = ", ".join(p for p in (site_en, short_en, province, "China") if p)
    place = {"country_code": "CN", "admin_division": code,
             "locality": zh if rng.random() < 0.65 else f"{zh} / {en}",
             "decimal_latitude": None, "decimal_longitude": None, "coordinate_uncertainty_m": None,
             "geodetic_datum": None, "_zh": zh, "_short_zh": short_zh, "_short_en": short_en,
             "_province": province, "_county": short_en if is_county else None, "_iso3": "CHN"}
    if rng.random() >= missing:
        place.update(decimal_latitude=round(lat + rng.uniform(-jitter, jitter), 5),
                     decimal_longitude=round(lon + rng.uniform(-jitter, jitter), 5),
                     coordinate_uncertainty_m=float(rng.choice([30, 100, 250, 1000, 5000])),
                     geodetic_datum="WGS84" if rng.random() < 0.9 else "CGCS2000")
    return place


def _foreign(rng: random.Random, countries: tuple[str, ...] | None = None) -> dict:
    alpha2, zh, en, alpha3 = rng.choice([c for c in FOREIGN if countries is None or c[0] in countries])
    return {"country_code": alpha2, "admin_division": None, "locality": f"{zh} / {en}",
            "decimal_latitude": None, "decimal_longitude": None, "coordinate_uncertainty_m": None,
            "geodetic_datum": None, "_zh": zh, "_short_zh": zh, "_short_en": en, "_province": None,
            "_county": None, "_iso3": alpha3}


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(PEOPLE)


def _record(rng: random.Random, center: dict, local_id: str, name_zh: str, name_en: str,
            scientific_name: str | None, place: dict, event_date: str | None, method: str | None,
            facility: str, status: str, quantity: str | None, payload: dict,
            sharing: str | None = None) -> dict:
    sharing = sharing or _pick(rng, _SHARING)
    availability = "unavailable" if sharing == SharingMode.CONFIDENTIAL.value else _AVAILABILITY[status]
    return {"center": center["code"], "domain": center["domain"], "local_id": local_id,
            "name_zh": name_zh, "name_en": name_en, "scientific_name": scientific_name,
            **{k: v for k, v in place.items() if not k.startswith("_")},
            "event_date": event_date, "preservation_method": method,
            "preservation_place": center["host_institution_zh"] + facility, "preservation_status": status,
            "availability": availability, "sharing_mode": sharing, "quantity": quantity,
            "licence": _pick(rng, _LICENCES), "rights_holder": center["host_institution_zh"],
            "payload": {**payload, "demo": True, "remarks": REMARK}}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- plant germplasm (MCPD 2.1)

_SAMPSTAT_ZH_EN = {100: ("野生种质", "wild accession"), 110: ("野生种质", "wild accession"),
                   200: ("半野生种质", "semi-wild accession"), 300: ("地方品种", "landrace"),
                   410: ("育种材料", "breeding line"), 500: ("育成品种", "improved cultivar")}
_SAMPSTAT = {"C": ([300, 500, 410, 100], [45, 25, 15, 15]), "W": ([100, 110, 200, 300], [55, 20, 15, 10]),
             "cultivated": ([300, 500, 410], [55, 30, 15])}
_STORAGE = {"13": ("seed genebank, long-term storage at -18 °C", "长期种质库", "seeds"),
            "20": ("field genebank (living collection)", "种质圃", "plants"),
            "30": ("in vitro slow-growth culture", "试管苗库", "tubes"),
            "40": ("cryopreserved in liquid nitrogen (-196 °C)", "超低温库", "cryovials")}
_QUANTITY_RANGE = {"13": (200, 5000), "20": (2, 12), "30": (5, 30), "40": (5, 40)}
# Plausible origins of introduced improved cultivars and breeding lines.
_INTRODUCED = {"Oryza": ("PH", "JP", "US"), "Zea": ("US",), "Triticum": ("US", "DE"), "Glycine": ("US", "JP"),
               "Brassica": ("DE",), "Solanum": ("DE", "US"), "Actinidia": ("NZ",)}
_ANNEX1_GENERA = {"Oryza", "Brassica", "Zea", "Triticum", "Solanum", "Ipomoea", "Citrus"}


def _plant(rng: random.Random, center: dict, n: int, forced: tuple | None = None) -> dict:
    bank = _CENTER_OPTIONS[center["code"]]
    taxon = forced[0] if forced else rng.choice([t for t in PLANT_TAXA if bank in t[5]])
    genus, species, author, crop_zh, crop_en, banks, storages, divisions = taxon
    sampstat = _pick(rng, _SAMPSTAT["cultivated" if banks == "C" else bank])  # no wild rice or maize
    if forced:
        place, date = forced[1], forced[2]
    else:  # a few cultivated accessions were introduced from abroad
        introduced = sampstat >= 410 and genus in _INTRODUCED and rng.random() < 0.1
        place = (_foreign(rng, _INTRODUCED[genus]) if introduced
                 else _place(rng, divisions if rng.random() < 0.9 else HUBEI_COMMON + OTHER_PROVINCES))
        date = _date(rng, 1955)
    storage = rng.choice(storages)
    method, facility, unit = _STORAGE[storage]
    if sampstat < 300:
        collsrc = 15 if genus in ("Nelumbo", "Euryale") else rng.choice([10, 11, 12])
    else:
        collsrc = rng.choice([20, 21, 23, 26, 30] if sampstat == 300 else [40, 50, 20])
    status_zh, status_en = _SAMPSTAT_ZH_EN[sampstat]
    farmer_zh, _ = _person(rng)
    local_id = f"ACC{n:05d}"
    payload = {"ACCENUMB": local_id, "ACCENAME": None if sampstat < 300 else f"{place['_short_zh']}{crop_zh}{n}号",
               "GENUS": genus, "SPECIES": species, "SPAUTHOR": author, "CROPNAME": crop_en,
               "SAMPSTAT": sampstat, "COLLSRC": collsrc, "STORAGE": storage,
               "MLSSTAT": int(genus in _ANNEX1_GENERA and bank == "C"), "ACQDATE": _mcpd_date(date),
               "COLLDATE": _mcpd_date(date) if sampstat < 300 else None, "ORIGCTY": place["_iso3"],
               "COLLSITE": place["_zh"], "DONORCODE": None,
               "DONORNAME": f"{place['_short_zh']}农户 {farmer_zh}" if sampstat == 300 else None}
    low, high = _QUANTITY_RANGE[storage]
    return _record(rng, center, local_id, f"{place['_short_zh']}{crop_zh}{status_zh}",
                   f"{place['_short_en']} {crop_en} {status_en}", f"{genus} {species} {author}", place, date,
                   method, facility, _pick(rng, _GERM_STATUS), f"{rng.randint(low, high)} {unit}", payload)


# ---------------------------------------------------------------- animal germplasm

def _animal(rng: random.Random, center: dict, n: int, forced: tuple | None = None) -> dict:
    breed_zh, breed_en, code, species, species_zh, divisions, materials = rng.choice(ANIMAL_BREEDS)
    material = rng.choice(materials)
    mat_zh, mat_en, method, unit, (low, high) = ANIMAL_MATERIALS[material]
    fish = species.startswith(("Acipenser", "Megalobrama"))
    if material == "live_animal" and fish:
        method, unit = "in vivo conservation, breeding ponds", "individuals"
    sex = {"semen": "male", "oocyte": "female", "embryo": "unknown", "live_animal": "unknown"}.get(
        material) or rng.choice(["male", "female"])
    place = _place(rng, divisions, missing=0.08)
    date = _date(rng, 1985)
    payload = {"species": species, "species_zh": species_zh, "breed": breed_zh, "breed_en": breed_en,
               "material_type": material, "sex": sex, "origin": place["_zh"], "storage": method,
               "donor_id": None if material == "live_animal" else f"{code}{rng.randint(1, 999):03d}",
               "collection_date": date}
    facility = "保种场" if material == "live_animal" else "遗传资源冷冻库"
    return _record(rng, center, f"AG{n:05d}", f"{breed_zh}{mat_zh}", f"{breed_en} {mat_en}", species, place,
                   date, method, facility, _pick(rng, _GERM_STATUS), f"{rng.randint(low, high)} {unit}", payload)


# ---------------------------------------------------------------- microbial strains

_MICROBE_METHODS = ["freeze-dried (lyophilized)", "cryopreserved at -80 °C in 20% glycerol",
                    "cryopreserved in liquid nitrogen (-196 °C)"]
_SEQ_PREFIXES = ["MN", "MT", "MW", "OK", "OQ", "OR"]


def _microbe(rng: random.Random, center: dict, n: int, forced: tuple | None = None) -> dict:
    taxon, zh, kind, risk, pathogen_class, prefix, medium, temp, sources = rng.choice(MICROBES)
    binomial = taxon if kind == "virus" else " ".join(taxon.split()[:2])
    place = _foreign(rng) if rng.random() < 0.05 else _place(rng, HUBEI_COMMON + ("429021", "420700"), 0.08)
    date = _date(rng, 1970)
    year = int(date[:4])
    initials = "".join(w[0] for w in binomial.split()[:2]).upper()
    strain = f"HB{initials}{year % 100:02d}-{rng.randint(1, 99)}"
    source, host = rng.choice(sources)
    clinical = host == "Homo sapiens"
    method = "frozen at -80 °C" if kind == "virus" else rng.choice(_MICROBE_METHODS)
    restrictions = ("BSL-2 laboratory required; material transfer agreement" if risk >= 2
                    else rng.choice([None, None, "research use only"]))
    if clinical:
        restrictions = "; ".join(filter(None, (restrictions, "de-identified clinical isolate")))
    depositor_zh, depositor = _person(rng)
    payload = {"accession_number": f"CCTCC {prefix} {year}{n:03d}", "other_collection_numbers": [strain],
               "organism_type": kind, "taxon": taxon, "type_strain": rng.random() < 0.02,
               "risk_group": risk, "biosafety_level": f"BSL-{risk}", "china_pathogen_class": pathogen_class,
               "isolation_source": source, "isolation_host": host, "isolation_place": place["_zh"],
               "isolation_date": date, "depositor": f"{depositor_zh} ({depositor})",
               "history": f"← {depositor}, strain {strain}, isolated {year}",
               "growth_medium": medium, "growth_temperature_c": temp,
               "sequence_accessions": [f"{rng.choice(_SEQ_PREFIXES)}{rng.randint(100000, 999999)}"
                                       for _ in range(rng.randint(0, 2))],
               "restrictions": restrictions,
               "abs_status": "domestic_origin" if place["country_code"] == "CN" else "pic_mat_documented"}
    sharing = _pick(rng, _SHARING)
    if risk >= 2 and sharing == SharingMode.OPEN.value:
        sharing = SharingMode.ON_REQUEST.value
    unit = "ampoules" if method.startswith("freeze") else "vials"
    return _record(rng, center, f"{prefix}{year}{n:03d}", f"{zh} {strain}", f"{binomial} {strain}", taxon,
                   place, date, method, "菌种库", _pick(rng, _GERM_STATUS), f"{rng.randint(2, 10)} {unit}",
                   payload, sharing)


# ---------------------------------------------------------------- biological specimens (Darwin Core)

_SENSITIVE = {"Rhinopithecus", "Andrias", "Lipotes", "Acipenser", "Moschus", "Psephurus", "Neophocaena"}
_EXTINCT_BEFORE = {"Lipotes": 2002, "Psephurus": 2002}


def _specimen(rng: random.Random, center: dict, n: int, forced: tuple | None = None) -> dict:
    holder = _CENTER_OPTIONS[center["code"]]
    date: str | None
    if forced:
        taxon, place, date = forced
    else:
        taxon = rng.choice([t for t in SPECIMEN_TAXA if holder in t[9]])
        place = _place(rng, taxon[10], missing=0.05)
        date = None
    sci, zh, en, kingdom, phylum, klass, order, family, coll, _, _ = taxon
    genus, epithet = sci.split()[:2]
    date = date or _date(rng, 1950, _EXTINCT_BEFORE.get(genus, LATEST_YEAR))
    if genus in _SENSITIVE and place["decimal_latitude"] is not None:  # generalised like real sensitive data
        place = {**place, "decimal_latitude": round(place["decimal_latitude"], 1),
                 "decimal_longitude": round(place["decimal_longitude"], 1), "coordinate_uncertainty_m": 10000.0}
    preparations: str | None   # none for an observation
    preparations, method, quantity = SPECIMEN_PREPARATIONS[coll]
    basis = rng.choices(["PreservedSpecimen", "MaterialSample", "HumanObservation"], weights=[93, 5, 2])[0]
    if basis == "MaterialSample":
        preparations, method, quantity = "tissue sample", "ethanol 95%, -20 °C", "1 tube"
    elif basis == "HumanObservation":
        preparations, method, quantity = None, "photograph (digital voucher)", "3 images"
    type_status = None
    if basis == "PreservedSpecimen" and rng.random() < 0.008:
        type_status = rng.choice(["holotype", "isotype" if coll == "HERB" else "paratype", "paratype"])
    collectors = rng.sample(PEOPLE, rng.randint(1, 2))
    year = int(date[:4])
    local_id = f"{coll}.{n:06d}"
    payload = {"basisOfRecord": basis, "catalogNumber": local_id,
               "recordedBy": " | ".join(p[1] for p in collectors), "eventDate": date, "kingdom": kingdom,
               "phylum": phylum, "class": klass, "order": order, "family": family, "genus": genus,
               "specificEpithet": epithet, "taxonRank": "species", "scientificName": sci, "vernacularName": zh,
               "identifiedBy": _person(rng)[1], "dateIdentified": str(min(LATEST_YEAR, year + rng.randint(0, 5))),
               "typeStatus": type_status, "country": "China", "stateProvince": place["_province"],
               "county": place["_county"], "locality": place["locality"],
               "decimalLatitude": place["decimal_latitude"], "decimalLongitude": place["decimal_longitude"],
               "institutionCode": _INSTITUTION_CODES[center["code"]], "collectionCode": coll,
               "preparations": preparations}
    return _record(rng, center, local_id, zh, _cap(en), sci, place, date, method, "标本馆",
                   _pick(rng, _SPECIMEN_STATUS), quantity, payload)


# ---------------------------------------------------------------- rock, mineral and fossil specimens

def _geological(rng: random.Random, center: dict, n: int, forced: tuple | None = None) -> dict:
    kind = rng.choices(["rock", "mineral", "fossil", "ore"], weights=[35, 30, 25, 10])[0]
    strat: dict[str, Any] = dict.fromkeys(
        ["basisOfRecord", "scientificName", "earliestEraOrLowestErathem", "earliestPeriodOrLowestSystem",
         "earliestEpochOrLowestSeries", "earliestAgeOrLowestStage", "latestAgeOrHighestStage",
         "lithostratigraphicTerms", "formation", "min_age_ma", "max_age_ma"])
    lithology: str | None = None
    mineral: str | None = None
    formula: str | None = None
    sci: str | None = None
    method, quantity = "dry storage, specimen drawer", "1 hand specimen"
    if kind == "fossil":
        (sci, zh, en, era, period, epoch, stage_lo, stage_hi, form_en, form_zh, min_ma, max_ma,
         divisions) = rng.choice(FOSSILS)
        name_zh, name_en = f"{zh}化石", _cap(f"{en} fossil")
        strat.update(basisOfRecord="FossilSpecimen", scientificName=sci, earliestEraOrLowestErathem=era,
                     earliestPeriodOrLowestSystem=period, earliestEpochOrLowestSeries=epoch,
                     earliestAgeOrLowestStage=stage_lo, latestAgeOrHighestStage=stage_hi,
                     lithostratigraphicTerms=form_zh, formation=form_en, min_age_ma=min_ma, max_age_ma=max_ma)
        method, quantity = "dry storage, fossil cabinet", rng.choice(["1 specimen", "1 slab"])
    elif kind == "mineral":
        zh, en, formula, divisions = rng.choice(MINERALS)
        mineral, name_zh, name_en = en, f"{zh}标本", _cap(f"{en} specimen")
        quantity = "1 specimen"
    else:
        zh, en, lithology, divisions = rng.choice(ROCKS if kind == "rock" else ORES)
        name_zh, name_en = f"{zh}标本", _cap(f"{en} specimen")
        if kind == "rock" and rng.random() < 0.15:
            method, quantity = "thin section, slide cabinet", f"{rng.randint(1, 4)} thin sections"
    place = _place(rng, divisions, missing=0.03)
    date = _date(rng, 1950)
    local_id = f"{kind[0].upper()}.{n:05d}"
    payload = {"sample_type": kind, "material": en, "material_zh": zh, "lithology": lithology,
               "mineral_species": mineral, "chemical_formula": formula, **strat,
               "igsn": f"IEHUB{n:04d}" if rng.random() < 0.3 else None,
               "recordedBy": _person(rng)[1], "catalogNumber": local_id}
    return _record(rng, center, local_id, name_zh, name_en, sci, place, date, method, "地质标本馆",
                   _pick(rng, _SPECIMEN_STATUS), quantity, payload)


# ---------------------------------------------------------------- experimental materials

_EM_SOURCES = ["established in-house", "deposited by a Hubei research group",
               "introduced from a national resource centre", "purchased from a commercial supplier"]
_EM_QUANTITY = {"vials": (2, 20), "breeding pairs": (2, 12), "embryos": (50, 400), "straws": (5, 40),
                "seed lots": (1, 5), "µL": (50, 500), "µg": (5, 50), "units (thousands)": (1, 20),
                "blocks": (1, 10), "tubes": (2, 20)}


def _experimental(rng: random.Random, center: dict, n: int, forced: tuple | None = None) -> dict:
    material, zh, en, species, quality, storage, unit = rng.choice(EXPERIMENTAL)
    restrictions: str | None
    if species == "Homo sapiens":
        restrictions = "research use only; no clinical use; MTA required"
    elif material == "model_organism_strain":
        restrictions = "material transfer agreement required"
    else:
        restrictions = rng.choice([None, "research use only"])
    place = {"country_code": "CN", "admin_division": None, "locality": None, "decimal_latitude": None,
             "decimal_longitude": None, "coordinate_uncertainty_m": None, "geodetic_datum": None}
    date = _date(rng, 1985)
    payload = {"material_type": material, "name": en, "name_zh": zh, "source": rng.choice(_EM_SOURCES),
               "species": species, "quality_control": quality, "storage": storage,
               "restrictions": restrictions, "catalogue_number": f"{center['code']}-{n:05d}",
               "acquisition_date": date}
    low, high = _EM_QUANTITY[unit]
    return _record(rng, center, f"EM{n:05d}", zh, en, species, place, date, storage, "实验材料库",
                   _pick(rng, _GERM_STATUS), f"{rng.randint(low, high)} {unit}", payload)


_BUILDERS: dict[str, Callable[..., dict]] = {
    Domain.PLANT_GERMPLASM.value: _plant, Domain.ANIMAL_GERMPLASM.value: _animal,
    Domain.MICROBIAL_STRAIN.value: _microbe, Domain.BIOLOGICAL_SPECIMEN.value: _specimen,
    Domain.GEOLOGICAL_SPECIMEN.value: _geological, Domain.EXPERIMENTAL_MATERIAL.value: _experimental,
}


def _shared_events(rng: random.Random) -> dict[str, list[tuple]]:
    """The collecting events that two centers both hold: (taxon, place, date) per center."""
    forced: dict[str, list[tuple]] = {}
    for first, second, count in DUPLICATE_PAIRS:
        taxa: list[tuple[PlantTaxon | SpecimenTaxon, tuple[str, ...]]]   # each with its divisions
        if _CENTER_OPTIONS[first] in ("C", "W"):  # plant germplasm: taxa both banks hold
            taxa = [(t, t[7]) for t in PLANT_TAXA if t[5] == "CW"]
        else:  # biological specimens: taxa both collections hold
            taxa = [(t, t[10]) for t in SPECIMEN_TAXA if t[9] == "AG"]
        for _ in range(count):
            taxon, divisions = rng.choice(taxa)
            event = (taxon, _place(rng, divisions, missing=0.0), _date(rng, 1980, day=True))
            forced.setdefault(first, []).append(event)
            forced.setdefault(second, []).append(event)
    return forced


def demo_resources(seed: int = DEFAULT_SEED, per_center: int = 500) -> Iterator[dict]:
    """Yield per_center demo resource dicts for every demo center; the same seed gives the same records."""
    rng = random.Random(seed)
    forced = _shared_events(rng)
    for center in DEMO_CENTERS:
        build = _BUILDERS[center["domain"]]
        events = forced.get(center["code"], [])
        for index in range(per_center):
            yield build(rng, center, index + 1, events[index] if index < len(events) else None)
