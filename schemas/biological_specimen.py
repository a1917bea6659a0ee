"""Biological specimens: Darwin Core occurrence terms (record, event, taxon, identification, location).

Besides the interpreted terms, the verbatim and atomised ones real DwC files carry (country beside
countryCode, year/month/day beside eventDate, verbatimCoordinates, verbatimElevation, coordinatePrecision):
the shared checks (schemas.checks.verbatim, places.resolve_country) read them the way GBIF does.
"""
from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any, Iterator

from schemas.checks.common import issue
from schemas.core import CoreSchema
from schemas.fields import Kind, term
from schemas.issues import Issue
from schemas.registry import DomainDescription

DOMAIN = "biological_specimen"
OBSERVATIONS = {"HumanObservation", "MachineObservation"}


class BiologicalSpecimenSchema(CoreSchema):
    local_id = term(Kind.STRING, "dwc:catalogNumber", required=True, core="local_id", group="identification",
                    max_length=128, zh="馆藏号", en="Catalogue number",
                    aliases=("标本号", "馆藏号", "catalog number", "catalogue number", "specimen number"))
    occurrence_id = term(Kind.STRING, "dwc:occurrenceID", group="identification", zh="记录标识", en="Occurrence ID")
    country_code = term(Kind.STRING, "dwc:countryCode", recommended=True, vocabulary="country", core="country_code",
                        group="origin", zh="国家代码", en="Country code",
                        aliases=("国家", "原产国", "国别"),
                        description_en="ISO 3166-1 code or country name in Chinese or English.",
                        description_zh="ISO 3166-1 代码或中英文国家名称。")
    country = term(Kind.STRING, "dwc:country", vocabulary="country", group="origin", zh="国家名称",
                   en="Country name", aliases=("country", "country name", "国名"),
                   description_en="The country's name as written (India); fills an empty country code and must "
                                  "agree with a given one.",
                   description_zh="国家名称原文（如 India）；国家代码为空时据此填写，给出代码时二者须一致。")
    basis_of_record = term(Kind.STRING, "dwc:basisOfRecord", required=True, vocabulary="basis_of_record", closed=True,
                           group="identification", zh="记录类型", en="Basis of record", aliases=("记录类型",),
                           description_en="Usually PreservedSpecimen; LivingSpecimen or MaterialSample where apt.",
                           description_zh="通常为 PreservedSpecimen（保存标本）；活体或样品时用 LivingSpecimen、MaterialSample。")
    institution_code = term(Kind.STRING, "dwc:institutionCode", recommended=True, group="identification",
                            zh="机构代码", en="Institution code", aliases=("机构代码",))
    collection_code = term(Kind.STRING, "dwc:collectionCode", group="identification", zh="馆藏代码",
                           en="Collection code")
    record_number = term(Kind.STRING, "dwc:recordNumber", group="collection", zh="采集号", en="Collector number",
                         aliases=("采集号", "collector number", "field number"))
    recorded_by = term(Kind.LIST, "dwc:recordedBy", recommended=True, group="collection", zh="采集人",
                       en="Collector(s)", aliases=("采集人", "collector", "collectors"))
    event_date = term(Kind.DATE, "dwc:eventDate", recommended=True, core="event_date", group="collection",
                      zh="采集日期", en="Collecting date", aliases=("采集日期", "采集时间", "collection date", "date"))
    year = term(Kind.INTEGER, "dwc:year", group="collection", minimum=1000, maximum=2999, zh="采集年",
                en="Year", aliases=("年", "采集年份"),
                description_en="Year of collection; fills an empty collecting date and must agree with a given one.",
                description_zh="采集年份；采集日期为空时据此填写，给出日期时二者须一致。")
    month = term(Kind.INTEGER, "dwc:month", group="collection", minimum=1, maximum=12, zh="采集月", en="Month",
                 aliases=("月", "采集月份"))
    day = term(Kind.INTEGER, "dwc:day", group="collection", minimum=1, maximum=31, zh="采集日", en="Day",
               aliases=("日",))
    verbatim_event_date = term(Kind.STRING, "dwc:verbatimEventDate", group="collection", zh="原始采集日期",
                               en="Verbatim collecting date")
    habitat = term(Kind.TEXT, "dwc:habitat", group="collection", zh="生境", en="Habitat", aliases=("生境",),
                   max_length=2000)
    kingdom = term(Kind.STRING, "dwc:kingdom", recommended=True, group="taxon", zh="界", en="Kingdom", aliases=("界",))
    phylum = term(Kind.STRING, "dwc:phylum", group="taxon", zh="门", en="Phylum", aliases=("门",))
    taxon_class = term(Kind.STRING, "dwc:class", group="taxon", zh="纲", en="Class", aliases=("纲",))
    taxon_order = term(Kind.STRING, "dwc:order", group="taxon", zh="目", en="Order", aliases=("目",))
    family = term(Kind.STRING, "dwc:family", recommended=True, group="taxon", zh="科", en="Family", aliases=("科",))
    genus = term(Kind.STRING, "dwc:genus", group="taxon", zh="属", en="Genus", aliases=("属",))
    specific_epithet = term(Kind.STRING, "dwc:specificEpithet", group="taxon", zh="种加词", en="Specific epithet",
                            aliases=("种加词", "species"))
    infraspecific_epithet = term(Kind.STRING, "dwc:infraspecificEpithet", group="taxon", zh="种下加词",
                                 en="Infraspecific epithet")
    taxon_rank = term(Kind.STRING, "dwc:taxonRank", recommended=True, vocabulary="taxon_rank", group="taxon",
                      zh="分类等级", en="Taxon rank", aliases=("分类等级", "rank"))
    scientific_name_authorship = term(Kind.STRING, "dwc:scientificNameAuthorship", group="taxon", zh="命名人",
                                      en="Authorship", aliases=("命名人", "author"))
    vernacular_name = term(Kind.STRING, "dwc:vernacularName", group="taxon", zh="俗名", en="Vernacular name",
                           aliases=("俗名", "common name"))
    identified_by = term(Kind.LIST, "dwc:identifiedBy", group="identification", zh="鉴定人", en="Identified by",
                         aliases=("鉴定人",))
    date_identified = term(Kind.DATE, "dwc:dateIdentified", group="identification", zh="鉴定日期",
                           en="Date identified", aliases=("鉴定日期",))
    identification_qualifier = term(Kind.STRING, "dwc:identificationQualifier", group="identification",
                                    zh="鉴定限定词", en="Identification qualifier")
    type_status = term(Kind.LIST, "dwc:typeStatus", group="identification", zh="模式类型", en="Type status",
                       aliases=("模式类型", "模式"))
    individual_count = term(Kind.INTEGER, "dwc:individualCount", group="collection", minimum=0, zh="个体数",
                            en="Individual count", aliases=("个体数", "数目"))
    sex = term(Kind.STRING, "dwc:sex", vocabulary="sex", group="collection", zh="性别", en="Sex", aliases=("性别",))
    life_stage = term(Kind.STRING, "dwc:lifeStage", group="collection", zh="生活史阶段", en="Life stage")
    municipality = term(Kind.STRING, "dwc:municipality", group="origin", zh="市/镇", en="Municipality")
    verbatim_locality = term(Kind.TEXT, "dwc:verbatimLocality", group="origin", zh="原始产地描述",
                             en="Verbatim locality", max_length=4000)
    verbatim_coordinates = term(Kind.STRING, "dwc:verbatimCoordinates", group="origin", zh="原始坐标",
                                en="Verbatim coordinates", aliases=("原始坐标", "UTM", "MGRS"),
                                description_en="Coordinates as written, e.g. an MGRS grid square (29TNG3556); grid "
                                               "references are checked for shape.",
                                description_zh="坐标原文，如 MGRS 方里网格（29TNG3556）；方里网坐标会检查格式。")
    coordinate_precision = term(Kind.DECIMAL, "dwc:coordinatePrecision", group="origin", minimum=0, zh="坐标精度",
                                en="Coordinate precision",
                                description_en="Precision of the decimal coordinates in degrees (0.00001).",
                                description_zh="十进制坐标的精度（度），如 0.00001。")
    verbatim_elevation = term(Kind.STRING, "dwc:verbatimElevation", group="origin", zh="原始海拔", en="Verbatim elevation",
                              aliases=("原始海拔", "海拔原文"),
                              description_en="Elevation as written (120, 120 m, 100-150); fills empty minimum and "
                                             "maximum elevations.",
                              description_zh="海拔原文（如 120、120 m、100-150）；最低、最高海拔为空时据此填写。")
    minimum_elevation_m = term(Kind.DECIMAL, "dwc:minimumElevationInMeters", group="origin", minimum=-500,
                               maximum=9000, zh="最低海拔（米）", en="Minimum elevation (m)", aliases=("海拔", "elevation"))
    maximum_elevation_m = term(Kind.DECIMAL, "dwc:maximumElevationInMeters", group="origin", minimum=-500,
                               maximum=9000, zh="最高海拔（米）", en="Maximum elevation (m)")
    associated_sequences = term(Kind.LIST, "dwc:associatedSequences", group="other", zh="相关序列",
                                en="Associated sequences")
    associated_media = term(Kind.LIST, "dwc:associatedMedia", group="other", zh="相关图像", en="Associated media")
    information_withheld = term(Kind.TEXT, "dwc:informationWithheld", group="sharing", zh="保留信息",
                                en="Information withheld", max_length=2000)
    data_generalizations = term(Kind.TEXT, "dwc:dataGeneralizations", group="sharing", zh="数据概化说明",
                                en="Data generalisations", max_length=2000)
    remarks = term(Kind.TEXT, "dwc:occurrenceRemarks", group="other", zh="备注", en="Remarks",
                   aliases=("remarks", "备注", "notes"), max_length=10000)


def basis_is_a_specimen(values: dict[str, Any], description: DomainDescription,
                        failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
    """A specimen collection holds specimens and samples: an observation record (no physical object) is flagged."""
    basis = values.get("basis_of_record")
    if basis in OBSERVATIONS:
        yield issue(description, "BASIS_OF_RECORD_NOT_SPECIMEN", "basis_of_record", basis)


CHECKS = (basis_is_a_specimen,)


def basis_of_record(payload: dict) -> str:
    """The Darwin Core class of a specimen that states none (the field is required, so only older records)."""
    return "PreservedSpecimen"


LABELS = {"zh": "生物标本", "en": "Biological specimens"}   # the domain's name on pages, facets and exports
