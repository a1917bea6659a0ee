"""Animal germplasm (畜禽遗传资源): cryopreserved semen, embryos, oocytes, cells, tissue and DNA, and live
animals in conservation farms. No descriptor standard was verified for this domain (standards.md §0), so
the schema reuses the MCPD pattern (one record per stored lot, coded material type) with Darwin Core
terms where one fits (organismID/organismName for the donor animal, sex, lifeStage, samplingProtocol,
materialEntityType, recordedBy) and platform terms for the breed-level facts DwC lacks.

Real sources behind the aliases:
- 国家畜禽遗传资源品种名录（2024年版）(the breed list manifest): species (畜种: 猪, 牛 …), subtype
  (品种类别: 地方品种, 培育品种, 培育配套系, 引入品种, 引入配套系);
- FAO DAD-IS cryoconservation export: "Country", "ISO3", "Specie", "Breed/Most common name",
  "collected by", "Geographical classification";
- IMAGE / Italian CryoWeb (EBI BioSamples) specimens and organisms: alternative_id, data_source_id,
  species, supplied_breed, efabis_breed_country, sex, derived_from, child_of, collection_date,
  collection_place, collection_place_latitude/longitude, organism_part, specimen_collection_protocol,
  developmental_stage, sample_storage, gene_bank_name, birth_location.
"""
from __future__ import annotations

from schemas.core import CoreSchema
from schemas.fields import Kind, term

DOMAIN = "animal_germplasm"


class AnimalGermplasmSchema(CoreSchema):
    # ------------------------------------------------------------------ identification
    local_id = term(Kind.STRING, "dwc:catalogNumber", required=True, core="local_id", group="identification",
                    max_length=128, zh="资源编号", en="Sample number",
                    aliases=("样品编号", "冻存编号", "保存编号", "编号", "sample number", "sample id", "alternative_id",
                             "id", "local id", "catalogue number", "catalog number"),
                    description_en="The gene bank's own number for the stored lot or animal; with the center code "
                                   "it forms the platform identifier.",
                    description_zh="基因库给该批保存材料或活体的编号；与资源库代码一起构成平台资源标识。")
    other_identifiers = term(Kind.LIST, "dwc:otherCatalogNumbers", group="identification", zh="其他编号",
                             en="Other identifiers",
                             aliases=("other identifiers", "other numbers", "data_source_id", "BioSamples accession"),
                             description_en="Other numbers of the same material, e.g. its BioSamples accession "
                                            "(SAMEA5159523), \" | \"-separated.",
                             description_zh="同一材料的其他编号，如 BioSamples 登录号（SAMEA5159523），以“ | ”分隔。")
    material_type = term(Kind.STRING, "dwc:materialEntityType", required=True, vocabulary="animal_material_type",
                         group="identification", zh="材料类型", en="Material type",
                         aliases=("material type", "sample type", "遗传材料类型", "样品类型", "资源类型",
                                  "organism_part"),
                         description_en="semen, embryo, oocyte, tissue, cell, dna or live_animal (Chinese or English "
                                        "names accepted: 冷冻精液, 胚胎, 卵母细胞, 组织, 细胞, DNA, 活体).",
                         description_zh="精液、胚胎、卵母细胞、组织、细胞、DNA 或活体（可填中文或英文名称）。")
    name_zh = term(Kind.STRING, "cat:nameZh", recommended=True, core="name_zh", group="identification",
                   zh="中文名称", en="Chinese name", aliases=("资源名称", "中文名", "name zh", "chinese name"),
                   description_en="Name of the resource in Chinese, usually breed and material (恩施黑猪冷冻精液).",
                   description_zh="资源的中文名称，一般为品种名加材料类型（如 恩施黑猪冷冻精液）。")
    # ------------------------------------------------------------------ taxon and breed
    scientific_name = term(Kind.STRING, "dwc:scientificName", recommended=True, core="scientific_name",
                           group="taxon", zh="学名", en="Scientific name",
                           aliases=("拉丁名", "species", "latin name", "scientific name", "species name"),
                           description_en="Scientific name of the species (Sus scrofa, Bos taurus, Capra hircus).",
                           description_zh="物种学名（如 Sus scrofa、Bos taurus、Capra hircus）。")
    vernacular_name = term(Kind.STRING, "dwc:vernacularName", group="taxon", zh="畜种", en="Species (common name)",
                           aliases=("畜禽种类", "种类", "Specie", "common name", "species common name"),
                           description_en="The species as breeders name it (猪, 牛, 山羊, cattle), as in the national "
                                          "breed list.",
                           description_zh="畜禽种类的通用名称（如 猪、牛、山羊），与国家品种名录一致。")
    breed = term(Kind.STRING, "cat:breed", recommended=True, group="breed", max_length=200, zh="品种名称",
                 en="Breed",
                 aliases=("品种", "品种（配套系）", "畜禽品种", "遗传资源名称", "breed name", "Breed/Most common name",
                          "supplied_breed"),
                 description_en="Breed, population or synthetic line, as named in the national list of livestock "
                                "and poultry genetic resources (恩施黑猪, 鄂西牛).",
                 description_zh="品种、类群或配套系名称，以《国家畜禽遗传资源品种名录》为准（如 恩施黑猪、鄂西牛）。")
    breed_category = term(Kind.STRING, "cat:breedCategory", group="breed", max_length=32, zh="品种类别",
                          en="Breed category",
                          aliases=("breed category", "breed type", "品种类型", "类别", "subtype"),
                          description_en="The national list's category: local breed (地方品种), developed breed "
                                         "(培育品种), developed synthetic line (培育配套系), introduced breed (引入品种) "
                                         "or introduced line (引入配套系).",
                          description_zh="国家品种名录的类别：地方品种、培育品种、培育配套系、引入品种或引入配套系。")
    geographical_classification = term(Kind.STRING, "cat:geographicalClassification", group="breed",
                                       max_length=64, zh="地理分布类型", en="Geographical classification",
                                       aliases=("Geographical classification", "分布类型"),
                                       description_en="FAO DAD-IS classification of the breed: local, regional "
                                                      "transboundary or international transboundary.",
                                       description_zh="FAO DAD-IS 的品种分布类型：地方、区域跨境或国际跨境品种。")
    risk_status = term(Kind.STRING, "cat:breedRiskStatus", group="breed", max_length=64, zh="濒危状况",
                       en="Breed risk status",
                       aliases=("risk status", "breed status", "endangerment status", "濒危等级", "濒危程度",
                                "濒危状态"),
                       description_en="Risk status of the breed (FAO: critical, endangered, vulnerable, not at risk, "
                                      "unknown; 濒危, 濒临灭绝, 维持 …).",
                       description_zh="品种的濒危状况（FAO：灭绝危险、濒危、易危、无危险、未知；或 濒危、濒临灭绝、维持 等）。")
    protection_level = term(Kind.STRING, "cat:protectionLevel", group="breed", max_length=64, zh="保护级别",
                            en="Protection level",
                            aliases=("protection level", "保护等级", "保护名录"),
                            description_en="Whether the breed is on the national (国家级) or provincial (省级) "
                                           "protection list of livestock and poultry genetic resources.",
                            description_zh="是否列入国家级或省级畜禽遗传资源保护名录（国家级、省级）。")
    conservation_programme = term(Kind.STRING, "cat:conservationProgramme", group="breed", max_length=200,
                                  zh="保种计划", en="Conservation programme",
                                  aliases=("conservation programme", "conservation program", "保种项目"),
                                  description_en="The conservation programme or project the material was stored "
                                                 "under.",
                                  description_zh="该材料所属的保种计划或项目。")
    # ------------------------------------------------------------------ donor animal
    donor_animal_id = term(Kind.STRING, "dwc:organismID", group="donor", max_length=128, zh="供体编号",
                           en="Donor animal ID",
                           aliases=("donor animal id", "donor id", "animal id", "个体编号", "个体号", "耳号", "畜号",
                                    "derived_from"),
                           description_en="Identifier of the animal the material comes from (ear tag, herd-book or "
                                          "gene-bank animal number).",
                           description_zh="提供材料的个体编号（耳号、登记号或基因库个体号）。")
    donor_name = term(Kind.STRING, "dwc:organismName", group="donor", max_length=200, zh="供体名称",
                      en="Donor animal name", aliases=("animal name", "bull name", "畜名", "供体名"),
                      description_en="Name of the donor animal, for sires that have one.",
                      description_zh="供体个体的名字（有名字的种公畜）。")
    sex = term(Kind.STRING, "dwc:sex", vocabulary="sex", group="donor", zh="性别", en="Sex",
               aliases=("供体性别", "donor sex"),
               description_en="Sex of the donor animal: male, female, hermaphrodite or unknown (公, 母 accepted).",
               description_zh="供体性别：雄、雌、雌雄同体或未知（也可填 公、母）。")
    birth_date = term(Kind.DATE, "cat:birthDate", group="donor", zh="出生日期", en="Birth date",
                      aliases=("birth date", "date of birth", "出生时间"),
                      description_en="Birth date of the donor animal, ISO 8601 (2015-03-12, 2015-03 or 2015).",
                      description_zh="供体出生日期，ISO 8601 格式（如 2015-03-12、2015-03 或 2015）。")
    life_stage = term(Kind.STRING, "dwc:lifeStage", group="donor", max_length=64, zh="发育阶段", en="Life stage",
                      aliases=("life stage", "developmental stage", "developmental_stage", "生长阶段"))
    sire_id = term(Kind.STRING, "cat:sireID", group="donor", max_length=128, zh="父号", en="Sire",
                   aliases=("sire", "sire id", "父本", "父亲"),
                   description_en="Identifier (or name) of the donor's sire.", description_zh="供体父亲的个体号或名字。")
    dam_id = term(Kind.STRING, "cat:damID", group="donor", max_length=128, zh="母号", en="Dam",
                  aliases=("dam", "dam id", "母本", "母亲"),
                  description_en="Identifier (or name) of the donor's dam.", description_zh="供体母亲的个体号或名字。")
    pedigree = term(Kind.TEXT, "germplasm:ancestralData", group="donor", max_length=4000, zh="系谱",
                    en="Pedigree", aliases=("pedigree", "ancestry", "child_of", "系谱信息"),
                    description_en="Pedigree of the donor beyond its parents (grandparents, lines).",
                    description_zh="父母以外的系谱信息（祖代、血统等）。")
    herd_book_number = term(Kind.STRING, "cat:herdBookNumber", group="donor", max_length=128, zh="良种登记号",
                            en="Herd-book number",
                            aliases=("herd book number", "herdbook number", "registration number", "登记号",
                                     "种畜登记号"),
                            description_en="The donor's number in the breed's herd book or the national breeding "
                                           "stock register.",
                            description_zh="供体在品种登记簿或种畜登记中的编号。")
    number_of_donors = term(Kind.INTEGER, "cat:numberOfDonors", group="donor", minimum=0, zh="供体数量",
                            en="Number of donors",
                            aliases=("number of donors", "donors", "供体数", "供体头数"),
                            description_en="How many animals the stored lot comes from, when it pools several donors.",
                            description_zh="该批材料来自的个体数（多个体混合时）。")
    health_status = term(Kind.TEXT, "cat:healthStatus", group="donor", max_length=2000, zh="检疫情况",
                         en="Health and quarantine status",
                         aliases=("health status", "quarantine", "健康状况", "疫病检测"),
                         description_en="Disease tests and quarantine results of the donor or material (e.g. "
                                        "brucellosis, tuberculosis negative).",
                         description_zh="供体或材料的疫病检测和检疫结果（如 布病、结核阴性）。")
    # ------------------------------------------------------------------ origin
    country_code = term(Kind.STRING, "dwc:countryCode", recommended=True, vocabulary="country", core="country_code",
                        group="origin", zh="原产国", en="Country of origin",
                        aliases=("country", "country of origin", "国家", "国别", "ISO3", "efabis_breed_country"),
                        description_en="Country the breed comes from: ISO 3166-1 code (alpha-2 or alpha-3) or name "
                                       "in Chinese or English; stored as alpha-2.",
                        description_zh="品种的原产国：ISO 3166-1 代码（两字母或三字母）或中英文国名；存为两字母代码。")
    state_province = term(Kind.STRING, "dwc:stateProvince", group="origin", zh="原产省", en="Province of origin",
                          aliases=("province", "省", "省份", "原产省份"),
                          description_en="Province of origin, name or GB/T 2260 code (湖北省, 420000).",
                          description_zh="原产省份名称或 GB/T 2260 代码（如 湖北省、420000）。")
    locality = term(Kind.TEXT, "dwc:locality", recommended=True, core="locality", group="origin", max_length=4000,
                    zh="原产地", en="Place of origin",
                    aliases=("产地", "中心产区", "采集地点", "地点", "place", "place of origin", "collection_place",
                             "birth_location"),
                    description_en="Where the breed comes from or the material was collected (county, farm).",
                    description_zh="品种的原产地或材料的采集地点（县、场）。")
    decimal_latitude = term(Kind.DECIMAL, "dwc:decimalLatitude", core="decimal_latitude", group="origin",
                            minimum=-90, maximum=90, zh="纬度", en="Latitude",
                            aliases=("latitude", "lat", "collection_place_latitude"),
                            description_en="Decimal degrees, north positive; optional for animal germplasm.",
                            description_zh="十进制度，北纬为正；畜禽资源可不填。")
    decimal_longitude = term(Kind.DECIMAL, "dwc:decimalLongitude", core="decimal_longitude", group="origin",
                             minimum=-180, maximum=180, zh="经度", en="Longitude",
                             aliases=("longitude", "lon", "lng", "collection_place_longitude"),
                             description_en="Decimal degrees, east positive; optional for animal germplasm.",
                             description_zh="十进制度，东经为正；畜禽资源可不填。")
    # ------------------------------------------------------------------ collection
    event_date = term(Kind.DATE, "dwc:eventDate", recommended=True, core="event_date", group="collection",
                      zh="采集日期", en="Collection date",
                      aliases=("collection date", "collection_date", "采集时间", "采精日期", "制作日期", "date"),
                      description_en="Date the material was collected or produced (semen collected, embryos "
                                     "flushed), ISO 8601.",
                      description_zh="材料的采集或制作日期（采精、冲胚等），ISO 8601 格式。")
    collected_by = term(Kind.LIST, "dwc:recordedBy", group="collection", zh="采集单位", en="Collected by",
                        aliases=("collected by", "collector", "采集人", "采集者"),
                        description_en="Person(s) or organisation(s) that collected the material, \" | \"-separated.",
                        description_zh="采集材料的人员或单位，多个以“ | ”分隔。")
    collection_protocol = term(Kind.TEXT, "dwc:samplingProtocol", group="collection", max_length=2000,
                               zh="采集方法", en="Collection protocol",
                               aliases=("collection protocol", "sampling protocol", "specimen_collection_protocol",
                                        "采集规程"),
                               description_en="How the material was collected and processed (artificial vagina, "
                                              "straw size, extender).",
                               description_zh="材料的采集与处理方法（如 假阴道采精、细管规格、稀释液）。")
    # ------------------------------------------------------------------ preservation
    preservation_method = term(Kind.STRING, "dwc:preparations", core="preservation_method", group="preservation",
                               max_length=100, zh="保存方式", en="Preservation method",
                               aliases=("保存方法", "保存条件", "preservation", "preservation method", "storage",
                                        "sample_storage"),
                               description_en="How the material is kept (frozen in liquid nitrogen, -196 °C; live "
                                              "animals in a conservation farm).",
                               description_zh="保存方式（如 液氮冷冻保存 -196℃；活体保种场保存）。")
    storage_temperature_c = term(Kind.DECIMAL, "cat:storageTemperature", group="preservation", minimum=-273.15,
                                 maximum=100, zh="保存温度（℃）", en="Storage temperature (°C)",
                                 aliases=("保存温度", "储存温度", "storage temperature", "storage temperature (°C)"),
                                 description_en="Storage temperature in degrees Celsius (-196 for liquid nitrogen).",
                                 description_zh="保存温度（摄氏度），液氮为 -196。")
    cryopreservation_date = term(Kind.DATE, "cat:cryopreservationDate", group="preservation", zh="冻存日期",
                                 en="Cryopreservation date",
                                 aliases=("cryopreservation date", "freezing date", "冷冻日期", "冻存时间", "入库日期",
                                          "入库时间"),
                                 description_en="Date the material was frozen and entered the gene bank, ISO 8601.",
                                 description_zh="材料冷冻并入库的日期，ISO 8601 格式。")
    preservation_place = term(Kind.STRING, "cat:preservationPlace", core="preservation_place", group="preservation",
                              max_length=200, zh="保存单位", en="Holding institute",
                              aliases=("保存地点", "保种场", "基因库", "storage location", "gene bank",
                                       "gene_bank_name"),
                              description_en="Gene bank or conservation farm keeping the material.",
                              description_zh="保存材料的基因库或保种场。")
    quantity = term(Kind.STRING, "dwc:objectQuantity", core="quantity", group="preservation", max_length=100,
                    zh="保存数量", en="Quantity",
                    aliases=("数量", "库存量", "冻存数量", "剂量", "支数", "doses", "number of straws"),
                    description_en="How much is stored, with its unit (500 straws, 20 embryos, 12 animals).",
                    description_zh="保存数量及单位（如 500 支细管、20 枚胚胎、12 头）。")


def basis_of_record(payload: dict) -> str:
    """The Darwin Core class of a record that states none: a live animal is living, cryopreserved material
    (semen, embryos, cells) is a sample."""
    return "LivingSpecimen" if payload.get("material_type") == "live_animal" else "MaterialSample"


LABELS = {"zh": "动物种质资源", "en": "Animal germplasm"}   # the domain's name on pages, facets and exports
