"""Rock, mineral and fossil specimens: Darwin Core GeologicalContext and MaterialEntity terms, Chronometric
Age terms for numeric ages, the IGSN sample number, and the Chinese rock/mineral description pattern
(岩石矿物标本资源描述规范: 采集号, 地质产状或层位, 保存资源类型, 简要特征描述, 主要用途, 获取途径 …).

Real sources behind the aliases: PBDB occurrence downloads (occurrence_no, accepted_name, early_interval,
late_interval, max_ma, min_ma, formation, stratgroup, member, zone, lithology1, lng, lat, cc, state,
collection_name, collectors, collection_dates …), GEOROC precompiled files (SAMPLE NAME, ROCK NAME, ROCK
TYPE, MINERAL, LATITUDE MIN, ELEVATION MIN, DRILL DEPTHAX, TECTONIC SETTING, AGE, CITATIONS, UNIQUE_ID)
and a Chinese mineral catalogue (编号, 中文名称, 英文名称, 化学式, 矿物分类, 产地, 尺寸(cm), 重量(g), 图片文件名).

The check module schemas/checks/geology.py reads the earliest_*/latest_* and min_age_ma/max_age_ma
names declared here: it orders and nests the chronostratigraphic units and derives age_begin_ma and
age_end_ma for range search.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import Any, Iterator

from schemas.checks.common import issue
from schemas.core import CoreSchema
from schemas.evidence import Evidence
from schemas.fields import Kind, term
from schemas.issues import Issue
from schemas.registry import DomainDescription

DOMAIN = "geological_specimen"
# "7*5*3", "7 × 5 × 3 cm", "12x8": one to three sizes with an optional unit.
SIZE = re.compile(r"^\d+(?:\.\d+)?(?:\s*[*×xX]\s*\d+(?:\.\d+)?){0,2}\s*(?:cm|mm|厘米|毫米)?$")

_CHRONO_EN = "ICS chart unit (code, English or Chinese name: \"Jurassic\", \"Middle Jurassic\", 侏罗纪, 中侏罗统)."
_CHRONO_ZH = "国际年代地层表单位（代码、英文或中文名称均可：Jurassic、Middle Jurassic、侏罗纪、中侏罗统）。"


class GeologicalSpecimenSchema(CoreSchema):
    # ------------------------------------------------------------------ identification
    local_id = term(Kind.STRING, "dwc:catalogNumber", required=True, core="local_id", group="identification",
                    max_length=128, zh="标本编号", en="Catalogue number",
                    aliases=("编号", "资源编号", "标本号", "样品编号", "样品号", "sample name",
                             "sample id", "specimen number", "catalogue number", "catalog number", "catalogNumber",
                             "occurrence_no", "id", "local id"),
                    description_en="The collection's own number for the specimen; with the center code and domain "
                                   "it forms the platform identifier.",
                    description_zh="本库的标本编号；与资源库代码和领域一起构成平台资源标识。")
    other_catalog_numbers = term(Kind.LIST, "dwc:otherCatalogNumbers", group="identification",
                                 zh="其他编号", en="Other catalogue numbers",
                                 aliases=("other catalog numbers", "other catalogue numbers", "otherCatalogNumbers",
                                          "unique_id", "原编号", "旧编号"),
                                 description_en="Earlier or other numbers of the same specimen, separated by \" | \".",
                                 description_zh="同一标本的旧编号或其他编号，以“ | ”分隔。")
    igsn = term(Kind.STRING, "igsn:sampleNumber", group="identification", max_length=200,
                zh="国际地质样品编号", en="IGSN",
                aliases=("igsn id", "IGSN编号", "sampleNumber"),
                description_en="International Generic Sample Number: a DataCite DOI (10.58052/SSH000SUA) or a "
                               "legacy IGSN (IEHUB0001). Never minted without a DataCite IGSN repository.",
                description_zh="国际通用样品编号（IGSN）：DataCite DOI（如 10.58052/SSH000SUA）或旧式 IGSN"
                               "（如 IEHUB0001）。须经 DataCite IGSN 库注册，平台不自行生成。")
    record_number = term(Kind.STRING, "dwc:recordNumber", group="identification", max_length=200,
                         zh="采集号", en="Collector number",
                         aliases=("采集编号", "野外编号", "field number", "collector number", "recordNumber"),
                         description_en="Number given in the field by the collector.",
                         description_zh="采集人在野外给出的编号。")
    sample_type = term(Kind.STRING, "dwc:materialEntityType", required=True, vocabulary="geological_sample_type",
                       closed=True, group="identification", zh="标本类型", en="Sample type",
                       aliases=("标本类别", "样品类型", "sample type", "specimen type", "materialEntityType"),
                       description_en="rock, mineral, fossil, ore, meteorite, thin section, polished section, core "
                                      "or other.",
                       description_zh="岩石、矿物、化石、矿石、陨石、薄片、光片、岩心或其他。")
    basis_of_record = term(Kind.STRING, "dwc:basisOfRecord", recommended=True, vocabulary="basis_of_record",
                           closed=True, group="identification", zh="记录类型", en="Basis of record",
                           aliases=("basisOfRecord", "basis of record"),
                           description_en="FossilSpecimen for fossils; MaterialEntity for rocks, minerals and ores "
                                          "(Darwin Core has no rock or mineral class).",
                           description_zh="化石填 FossilSpecimen；岩石、矿物、矿石填 MaterialEntity"
                                          "（达尔文核心标准没有岩石或矿物类）。")
    # ------------------------------------------------------------------ material
    lithology = term(Kind.STRING, "cat:lithology", group="material", zh="岩性", en="Lithology",
                     aliases=("rock name", "岩石名称", "岩石名", "岩石", "lithology1"),
                     description_en="Rock name (\"granodiorite\", \"komatiite\", \"oolitic limestone\").",
                     description_zh="岩石名称（如 花岗闪长岩、科马提岩、鲕粒灰岩）。")
    rock_type = term(Kind.STRING, "cat:rockType", group="material", max_length=100, zh="岩类", en="Rock class",
                     aliases=("rock type", "岩石类型", "岩石类别"),
                     description_en="Igneous (volcanic, plutonic), sedimentary or metamorphic; GEOROC writes VOL, "
                                    "PLU, MET.",
                     description_zh="岩浆岩（火山岩、侵入岩）、沉积岩或变质岩；GEOROC 记作 VOL、PLU、MET。")
    mineral_name = term(Kind.STRING, "cat:mineralName", group="material", zh="矿物名称", en="Mineral name",
                        aliases=("mineral", "矿物", "矿物名", "mineral name", "mineral species", "矿物种"),
                        description_en="Mineral species name, IMA-CNMNC where possible (\"stibnite\"); several "
                                       "associated minerals separated by \" / \".",
                        description_zh="矿物种名称，尽量采用 IMA-CNMNC 名称（如 辉锑矿）；共生矿物以“ / ”分隔。")
    mineral_formula = term(Kind.STRING, "cat:chemicalFormula", group="material", max_length=200, zh="化学式",
                           en="Chemical formula", aliases=("formula", "chemical formula", "分子式", "mineral formula"),
                           description_en="Ideal formula; Unicode subscripts allowed (Sb₂S₃).",
                           description_zh="理想化学式，可用 Unicode 下标（如 Sb₂S₃）。")
    mineral_class = term(Kind.STRING, "cat:mineralClass", group="material", max_length=100, zh="矿物分类",
                         en="Mineral class", aliases=("矿物类别", "mineral class", "矿物大类"),
                         description_en="Chemical class (sulfides, oxides, silicates …).",
                         description_zh="矿物化学分类（硫化物、氧化物、硅酸盐等）。")
    description = term(Kind.TEXT, "dcterms:description", group="material", max_length=4000, zh="简要特征描述",
                       en="Description", aliases=("特征描述", "描述", "简要描述", "标本描述"),
                       description_en="Short description of the specimen's features (colour, habit, texture).",
                       description_zh="标本主要特征的简要描述（颜色、晶形、结构构造等）。")
    dimensions = term(Kind.STRING, "cat:dimensions", group="material", max_length=100, zh="尺寸", en="Dimensions",
                      aliases=("尺寸(cm)", "size", "规格", "大小"),
                      description_en="Length × width × height in cm (\"7*8*8\").",
                      description_zh="长×宽×高，单位厘米（如 7*8*8）。")
    weight_g = term(Kind.DECIMAL, "cat:weightInGrams", group="material", minimum=0, zh="重量（克）", en="Weight (g)",
                    aliases=("重量(g)", "重量", "weight", "质量"),
                    description_en="Weight of the specimen alone, in grams.",
                    description_zh="标本本身的重量（克），不含包装盒。")
    # ------------------------------------------------------------------ taxon (fossils)
    scientific_name = term(Kind.STRING, "dwc:scientificName", core="scientific_name", group="taxon",
                           zh="学名", en="Scientific name",
                           aliases=("拉丁名", "latin name", "taxon name", "species name", "accepted_name", "化石名称",
                                    "化石学名"),
                           description_en="For fossils: the accepted name with authorship; empty for rocks and "
                                          "minerals.",
                           description_zh="化石填写有效学名及命名人；岩石、矿物留空。")
    verbatim_identification = term(Kind.STRING, "dwc:verbatimIdentification", group="taxon",
                                   zh="原始鉴定名称", en="Verbatim identification",
                                   aliases=("identified_name", "原鉴定名称"),
                                   description_en="The name as first identified (\"Broiliellus n. sp. arroyoensis\").",
                                   description_zh="最初鉴定时的名称原文。")
    taxon_rank = term(Kind.STRING, "dwc:taxonRank", vocabulary="taxon_rank", group="taxon", zh="分类等级",
                      en="Taxon rank", aliases=("rank", "accepted_rank"))
    family = term(Kind.STRING, "dwc:family", group="taxon", zh="科", en="Family")
    genus = term(Kind.STRING, "dwc:genus", group="taxon", zh="属", en="Genus")
    identified_by = term(Kind.LIST, "dwc:identifiedBy", group="taxon", zh="鉴定人", en="Identified by",
                         aliases=("鉴定者", "identified by"))
    type_status = term(Kind.LIST, "dwc:typeStatus", group="taxon", zh="模式类型", en="Type status",
                       aliases=("模式标本", "type status"),
                       description_en="\"holotype of Youngetta dongshengensis. Li 1983\"; several separated by "
                                      "\" | \".",
                       description_zh="如“holotype of Youngetta dongshengensis. Li 1983”；多个以“ | ”分隔。")
    # ------------------------------------------------------------------ geological context
    earliest_eon = term(Kind.STRING, "dwc:earliestEonOrLowestEonothem", vocabulary="chronostratigraphy",
                        group="geology", zh="最早宙（最低宇）", en="Earliest eon or lowest eonothem",
                        aliases=("earliestEonOrLowestEonothem", "宙"),
                        description_en=_CHRONO_EN, description_zh=_CHRONO_ZH)
    latest_eon = term(Kind.STRING, "dwc:latestEonOrHighestEonothem", vocabulary="chronostratigraphy",
                      group="geology", zh="最晚宙（最高宇）", en="Latest eon or highest eonothem",
                      aliases=("latestEonOrHighestEonothem",), description_en=_CHRONO_EN, description_zh=_CHRONO_ZH)
    earliest_era = term(Kind.STRING, "dwc:earliestEraOrLowestErathem", vocabulary="chronostratigraphy",
                        group="geology", zh="最早代（最低界）", en="Earliest era or lowest erathem",
                        aliases=("earliestEraOrLowestErathem", "代"),
                        description_en=_CHRONO_EN, description_zh=_CHRONO_ZH)
    latest_era = term(Kind.STRING, "dwc:latestEraOrHighestErathem", vocabulary="chronostratigraphy",
                      group="geology", zh="最晚代（最高界）", en="Latest era or highest erathem",
                      aliases=("latestEraOrHighestErathem",), description_en=_CHRONO_EN, description_zh=_CHRONO_ZH)
    earliest_period = term(Kind.STRING, "dwc:earliestPeriodOrLowestSystem", vocabulary="chronostratigraphy",
                           group="geology", zh="最早纪（最低系）", en="Earliest period or lowest system",
                           aliases=("earliestPeriodOrLowestSystem", "纪"),
                           description_en=_CHRONO_EN, description_zh=_CHRONO_ZH)
    latest_period = term(Kind.STRING, "dwc:latestPeriodOrHighestSystem", vocabulary="chronostratigraphy",
                         group="geology", zh="最晚纪（最高系）", en="Latest period or highest system",
                         aliases=("latestPeriodOrHighestSystem",), description_en=_CHRONO_EN,
                         description_zh=_CHRONO_ZH)
    earliest_epoch = term(Kind.STRING, "dwc:earliestEpochOrLowestSeries", vocabulary="chronostratigraphy",
                          group="geology", zh="最早世（最低统）", en="Earliest epoch or lowest series",
                          aliases=("earliestEpochOrLowestSeries", "世"),
                          description_en=_CHRONO_EN, description_zh=_CHRONO_ZH)
    latest_epoch = term(Kind.STRING, "dwc:latestEpochOrHighestSeries", vocabulary="chronostratigraphy",
                        group="geology", zh="最晚世（最高统）", en="Latest epoch or highest series",
                        aliases=("latestEpochOrHighestSeries",), description_en=_CHRONO_EN,
                        description_zh=_CHRONO_ZH)
    earliest_age = term(Kind.STRING, "dwc:earliestAgeOrLowestStage", vocabulary="chronostratigraphy",
                        group="geology", zh="最早期（最低阶）", en="Earliest age or lowest stage",
                        aliases=("earliestAgeOrLowestStage", "期", "early_interval"),
                        description_en=_CHRONO_EN, description_zh=_CHRONO_ZH)
    latest_age = term(Kind.STRING, "dwc:latestAgeOrHighestStage", vocabulary="chronostratigraphy",
                      group="geology", zh="最晚期（最高阶）", en="Latest age or highest stage",
                      aliases=("latestAgeOrHighestStage", "late_interval"),
                      description_en=_CHRONO_EN, description_zh=_CHRONO_ZH)
    verbatim_geological_age = term(Kind.STRING, "chrono:verbatimChronometricAge", group="geology",
                                   zh="地质时代", en="Geological age (as given)",
                                   aliases=("地质年代", "时代", "资源形成时代", "形成时代", "age", "geological age",
                                            "geologic age"),
                                   description_en="The age as the source states it (晚侏罗世, ARCHEAN); the ICS units "
                                                  "go in the earliest/latest fields.",
                                   description_zh="资料原文中的地质时代（如 晚侏罗世、ARCHEAN）；标准年代地层单位填入"
                                                  "最早/最晚各字段。")
    min_age_ma = term(Kind.DECIMAL, "chrono:latestChronometricAge", group="geology", minimum=0, maximum=4600,
                      zh="最小年龄（Ma）", en="Minimum age (Ma)",
                      aliases=("min_ma", "min age", "minimum age", "最小年龄", "最新年龄"),
                      description_en="Youngest possible age in millions of years (reference system Ma).",
                      description_zh="可能的最年轻年龄，单位百万年（Ma）。")
    max_age_ma = term(Kind.DECIMAL, "chrono:earliestChronometricAge", group="geology", minimum=0, maximum=4600,
                      zh="最大年龄（Ma）", en="Maximum age (Ma)",
                      aliases=("max_ma", "max age", "maximum age", "最大年龄", "最老年龄"),
                      description_en="Oldest possible age in millions of years (reference system Ma).",
                      description_zh="可能的最老年龄，单位百万年（Ma）。")
    dating_method = term(Kind.STRING, "chrono:chronometricAgeProtocol", group="geology", zh="测年方法",
                         en="Dating method", aliases=("dating method", "定年方法", "测年手段"),
                         description_en="How the numeric age was obtained (\"zircon U-Pb\", \"biostratigraphy\").",
                         description_zh="数值年龄的测定方法（如 锆石 U-Pb、生物地层对比）。")
    lowest_biostratigraphic_zone = term(Kind.STRING, "dwc:lowestBiostratigraphicZone", group="geology",
                                        zh="最低生物地层带", en="Lowest biostratigraphic zone",
                                        aliases=("zone", "生物带", "化石带", "biozone", "lowestBiostratigraphicZone"))
    highest_biostratigraphic_zone = term(Kind.STRING, "dwc:highestBiostratigraphicZone", group="geology",
                                         zh="最高生物地层带", en="Highest biostratigraphic zone",
                                         aliases=("highestBiostratigraphicZone",))
    lithostratigraphic_terms = term(Kind.STRING, "dwc:lithostratigraphicTerms", group="geology",
                                    zh="岩石地层单位", en="Lithostratigraphic terms",
                                    aliases=("岩石地层", "地层", "地层单位", "lithostratigraphicTerms"),
                                    description_en="All lithostratigraphic names combined (\"Badong Formation\", "
                                                   "巴东组).",
                                    description_zh="全部岩石地层名称（如 巴东组）。")
    lithostratigraphic_group = term(Kind.STRING, "dwc:group", group="geology", zh="群", en="Group",
                                    aliases=("group", "stratgroup", "地层群", "lithostratigraphic group"))
    formation = term(Kind.STRING, "dwc:formation", group="geology", zh="组", en="Formation",
                     aliases=("地层组", "formation name"))
    member = term(Kind.STRING, "dwc:member", group="geology", zh="段", en="Member")
    bed = term(Kind.STRING, "dwc:bed", group="geology", zh="层", en="Bed")
    geological_setting = term(Kind.TEXT, "cat:geologicalSetting", group="geology", max_length=2000,
                              zh="地质产状或层位", en="Geological occurrence or horizon",
                              aliases=("地质产状", "产状", "层位", "产出层位", "horizon", "geological setting"),
                              description_en="How and in which horizon the specimen occurred (vein in granite, "
                                             "nodule in shale, bed 12 of section A).",
                              description_zh="标本的产出状态及所在层位（如 花岗岩中石英脉、页岩中结核、A 剖面第 12 层）。")
    tectonic_setting = term(Kind.STRING, "cat:tectonicSetting", group="geology", zh="大地构造位置",
                            en="Tectonic setting", aliases=("tectonic setting", "构造背景", "构造位置"))
    depositional_environment = term(Kind.STRING, "cat:depositionalEnvironment", group="geology", zh="沉积环境",
                                    en="Depositional environment", aliases=("environment", "古环境"))
    # ------------------------------------------------------------------ origin (core fields, specialised)
    country_code = term(Kind.STRING, "dwc:countryCode", recommended=True, vocabulary="country", core="country_code",
                        group="origin", zh="国家", en="Country",
                        aliases=("country", "cc", "原产国", "国别"),
                        description_en="ISO 3166-1 code or country name in Chinese or English.",
                        description_zh="ISO 3166-1 代码或中英文国家名称。")
    state_province = term(Kind.STRING, "dwc:stateProvince", group="origin", zh="省/州", en="State or province",
                          aliases=("province", "state", "省", "省份", "原产省"))
    locality = term(Kind.TEXT, "dwc:locality", recommended=True, core="locality", group="origin",
                    zh="产地", en="Locality", max_length=4000,
                    aliases=("原产地", "采集地", "采集地点", "产出地", "地点", "place", "location", "collection_name"),
                    description_en="Where the specimen was collected, below the province and county (mine, "
                                   "section, outcrop).",
                    description_zh="采集地点（省、县以下：矿山、剖面、露头等）。")
    decimal_latitude = term(Kind.DECIMAL, "dwc:decimalLatitude", recommended=True, core="decimal_latitude",
                            group="origin", minimum=-90, maximum=90, zh="纬度", en="Latitude",
                            aliases=("latitude", "lat", "latitude min"),
                            description_en="Decimal degrees, north positive.", description_zh="十进制度，北纬为正。")
    decimal_longitude = term(Kind.DECIMAL, "dwc:decimalLongitude", recommended=True, core="decimal_longitude",
                             group="origin", minimum=-180, maximum=180, zh="经度", en="Longitude",
                             aliases=("longitude", "lon", "lng", "longitude min"),
                             description_en="Decimal degrees, east positive.", description_zh="十进制度，东经为正。")
    minimum_elevation_m = term(Kind.DECIMAL, "dwc:minimumElevationInMeters", group="origin", minimum=-500,
                               maximum=9000, zh="最低海拔（米）", en="Minimum elevation (m)",
                               aliases=("海拔", "elevation", "elevation min"))
    maximum_elevation_m = term(Kind.DECIMAL, "dwc:maximumElevationInMeters", group="origin", minimum=-500,
                               maximum=9000, zh="最高海拔（米）", en="Maximum elevation (m)",
                               aliases=("elevation_(max.)", "elevation max"))
    minimum_depth_m = term(Kind.DECIMAL, "dwc:minimumDepthInMeters", group="origin", minimum=0, maximum=15000,
                           zh="最小深度（米）", en="Minimum depth (m)",
                           aliases=("drill depth min", "深度", "钻孔深度"),
                           description_en="Depth below the surface, e.g. in a drill core.",
                           description_zh="地表以下深度，如钻孔岩心的深度。")
    maximum_depth_m = term(Kind.DECIMAL, "dwc:maximumDepthInMeters", group="origin", minimum=0, maximum=15000,
                           zh="最大深度（米）", en="Maximum depth (m)",
                           aliases=("drill depthax", "drill depth max"))
    # ------------------------------------------------------------------ collection
    recorded_by = term(Kind.LIST, "dwc:recordedBy", recommended=True, group="collection", zh="采集人",
                       en="Collector(s)", aliases=("采集者", "collector", "collectors", "collected by", "recordedBy"))
    verbatim_event_date = term(Kind.STRING, "dwc:verbatimEventDate", group="collection", zh="原始采集日期",
                               en="Verbatim collecting date", aliases=("collection_dates",))
    provider = term(Kind.STRING, "cat:provider", group="collection", zh="资源提供者", en="Provider",
                    aliases=("提供者", "提供人", "提供单位", "provider", "donor", "捐赠者"),
                    description_en="Person or institution that provided the specimen to the collection.",
                    description_zh="向本库提供标本的个人或单位。")
    provided_date = term(Kind.DATE, "cat:providedDate", group="collection", zh="资源提供时间", en="Date provided",
                         aliases=("提供时间", "提供日期", "入藏日期"))
    # ------------------------------------------------------------------ preservation, use and sharing
    preservation_method = term(Kind.STRING, "dwc:preparations", core="preservation_method", group="preservation",
                               zh="保存资源类型", en="Preserved form", max_length=100,
                               aliases=("保存方式", "保存方法", "保存类型", "preservation", "preparations"),
                               description_en="标本 (hand specimen), 薄片 (thin section), 光片 (polished section), "
                                              "模型 (cast or model) or 其它, or another Darwin Core preparation.",
                               description_zh="标本、薄片、光片、模型或其它。")
    main_use = term(Kind.STRING, "cat:mainUse", group="sharing", zh="主要用途", en="Main use",
                    aliases=("用途", "main use"),
                    description_en="Industrial raw material, medicinal, building material, scientific research, "
                                   "ornamental or other.",
                    description_zh="工业原料、药用、建材、科学研究、观赏或其它。")
    acquisition_route = term(Kind.STRING, "cat:acquisitionRoute", group="sharing", zh="获取途径",
                             en="Acquisition route", aliases=("获取方式", "acquisition route"),
                             description_en="How users obtain the specimen: mail, on site, online order or other.",
                             description_zh="用户获取方式：邮件、现场获取、网上订购或其他。")
    associated_media = term(Kind.LIST, "dwc:associatedMedia", group="other", zh="图像", en="Images",
                            aliases=("图片文件名", "图片", "照片", "image", "images", "photo", "associatedMedia"))
    literature = term(Kind.LIST, "dwc:associatedReferences", group="other", zh="参考文献", en="Literature",
                      aliases=("citations", "references", "文献", "相关文献"),
                      description_en="Publications describing the specimen, separated by \" | \".",
                      description_zh="描述该标本的文献，以“ | ”分隔。")


def dimensions_are_sizes(values: dict[str, Any], description: DomainDescription,
                         failed: AbstractSet[str] = frozenset()) -> Iterator[Issue]:
    """The size is length*width*height; a count of boxes or a word (碎料, 3盒) is flagged and kept."""
    size = values.get("dimensions")
    if size and not SIZE.match(size):
        yield issue(description, "DIMENSIONS_INVALID", "dimensions", size)


CHECKS = (dimensions_are_sizes,)

# Columns that show what a whole file's specimens are, when it has no sample-type column.
FILE_EVIDENCE = {"sample_type": (
    Evidence("mineral", ("化学式", "chemical formula", "formula", "矿物分类", "mineral class", "矿物名称", "mineral name",
                         "晶系", "crystal system"),
             "mineral formulas or classes", "矿物化学式或矿物分类"),
    Evidence("fossil", ("max_ma", "min_ma", "early_interval", "late_interval", "accepted_name", "identified_name",
                        "化石", "fossil"),
             "geological ages in Ma or fossil taxon names", "以百万年计的地质年代或化石分类名"),
    Evidence("rock", ("rock name", "rock type", "岩石名称", "岩石类型"),
             "rock names or rock types", "岩石名称或岩石类型"))}


def basis_of_record(payload: dict) -> str:
    """The Darwin Core class of a sample that states none: a fossil is a FossilSpecimen, a section cut from a
    rock a MaterialSample; Darwin Core has no class for rocks and minerals, so they are MaterialEntity
    (standards §0, §6)."""
    sample_type = payload.get("sample_type")
    return ("FossilSpecimen" if sample_type == "fossil" else
            "MaterialSample" if sample_type in ("thin_section", "polished_section") else "MaterialEntity")


LABELS = {"zh": "岩矿化石标本", "en": "Rock, mineral and fossil specimens"}   # the domain's name on pages, facets and exports
