"""Plant germplasm (植物种质资源): the MCPD V.2.1 passport descriptors 0–28, each declared once with its
MCPD code, plus the Chinese national descriptors (作物种质资源描述规范 “基本信息”) that MCPD lacks.

Terms follow standards.md §4 “Platform choice”: a DwC term where MCPD maps to one (INSTCODE →
institutionCode, ACCENUMB → catalogNumber, COLLNUMB → recordNumber, GENUS/SPECIES/SUBTAXA → genus/
specificEpithet/infraspecificEpithet, SPAUTHOR → scientificNameAuthorship, CROPNAME → vernacularName,
ORIGCTY → countryCode, COLLSITE → locality, DECLATITUDE/DECLONGITUDE, COORDUNCERT, COORDDATUM,
GEOREFMETH → georeferenceProtocol, ELEVATION → minimumElevationInMeters, COLLDATE → eventDate,
OTHERNUMB → otherCatalogNumbers, REMARKS → occurrenceRemarks); otherwise the GBIF germplasm extension
term (GermplasmAccession.xml); otherwise the platform's own cat: term.

MCPD lists are ";"-separated without space, so every MCPD list field sets separator=";".

Real sources behind the aliases: the CRF-INIA tomato MCPD export (vavilov3: INSTCODE … REMARKS plus
IS_AVAILABLE), the IGDB wheat panel (PI_accession, English_name, Chinese_name, Country/Ctry, elevation,
RECEIVED(USDA), SOURCE DATE(USDA), Released/introducedyear, Pedigree, GermplasmBank, DataSource, fullTaxa,
City(USDA)), its JIC sheet (Altitude (m), Collecting date, Acquisition date, State / province,
Alternative germplasm bank ID #), the HNU sheet (Accession Number, geo_loc_name) and the Chinese core
collection sheets (核心种质编号, 来源, 种质名称), and the field names of the national descriptor books
(全国统一编号, 种质库编号, 引种号, 采集号, 种质名称, 种质外文名, 科名, 属名, 学名, 原产国, 原产省, 原产地,
海拔, 经度, 纬度, 来源地, 保存单位, 保存单位编号, 系谱, 选育单位, 育成年份, 选育方法, 种质类型, 图像).
"""
from __future__ import annotations

from schemas.core import CoreSchema
from schemas.fields import Kind, term

DOMAIN = "plant_germplasm"
MCPD = ";"   # MCPD's list separator: semicolon without space


class PlantGermplasmSchema(CoreSchema):
    # ------------------------------------------------------------------ identification
    local_id = term(Kind.STRING, "dwc:catalogNumber", required=True, core="local_id", group="identification",
                    max_length=128, mcpd="ACCENUMB", zh="保存单位编号", en="Accession number",
                    aliases=("accession number", "accession no.", "accession", "germplasm bank id", "保存编号", "库编号",
                             "种质编号", "资源编号", "编号", "id", "local id"),
                    description_en="The holding genebank's accession number, unique within it (MCPD ACCENUMB, "
                                   "e.g. \"PI 113869\", \"HBZ00042\"); with the center code it forms the platform "
                                   "identifier.",
                    description_zh="种质在保存单位中的编号（MCPD ACCENUMB，如 PI 113869、HBZ00042），在本库内唯一；"
                                   "与资源库代码一起构成平台资源标识。")
    puid = term(Kind.STRING, "germplasm:germplasmID", group="identification", max_length=200, mcpd="PUID",
                zh="持久唯一标识符", en="Persistent unique identifier",
                aliases=("persistent unique identifier", "DOI", "germplasmID"),
                description_en="A DOI or other persistent identifier of the accession; without one, exchange "
                               "INSTCODE:ACCENUMB:GENUS (e.g. NOR017:NGB17773:ALLIUM).",
                description_zh="种质的 DOI 等持久标识符；没有时可用 INSTCODE:ACCENUMB:GENUS 形式（如 "
                               "NOR017:NGB17773:ALLIUM）。")
    national_id = term(Kind.STRING, "cat:nationalUnifiedNumber", group="identification", max_length=64,
                       zh="全国统一编号", en="National unified accession number",
                       aliases=("national unified number", "national accession number"),
                       description_en="The number China's national crop germplasm system assigns to the accession "
                                      "(全国统一编号, e.g. ZD00001); exported in OTHERNUMB.",
                       description_zh="国家作物种质资源体系给予种质的唯一编号（如 ZD00001）；导出 MCPD 时写入 OTHERNUMB。")
    institute_code = term(Kind.STRING, "dwc:institutionCode", recommended=True, group="identification",
                          max_length=32, mcpd="INSTCODE", zh="保存单位代码", en="Holding institute code",
                          aliases=("institute code", "holding institute code", "机构代码", "保存机构代码"),
                          description_en="FAO WIEWS code of the institute holding the accession: ISO 3166 alpha-3 "
                                         "plus a number (CHN001, ESP004).",
                          description_zh="保存该种质的单位的 FAO WIEWS 代码：ISO 3166 三字母国家代码加数字（如 "
                                         "CHN001、ESP004）。")
    name_zh = term(Kind.STRING, "germplasm:germplasmIdentifier", recommended=True, core="name_zh",
                   group="identification", mcpd="ACCENAME", zh="种质名称", en="Accession name",
                   aliases=("accession name", "品种名称", "资源名称", "中文名称", "中文名", "Chinese_name",
                            "chinese name", "name zh"),
                   description_en="Registered or other designation of the accession, usually the Chinese cultivar "
                                  "or landrace name (豫农416号); MCPD separates several names with \";\".",
                   description_zh="种质的正式或通用名称，通常为中文品种名或地方品种名（如 豫农416号）；"
                                  "多个名称以“;”分隔。")
    name_en = term(Kind.STRING, "cat:nameEn", core="name_en", group="identification", zh="种质外文名",
                   en="Accession name in English or Pinyin",
                   aliases=("外文名", "英文名称", "英文名", "资源外文名", "English_name", "english name", "name en"),
                   description_en="The accession name in English or Pinyin (YuNong416).",
                   description_zh="种质的英文名或汉语拼音名（如 YuNong416）。")
    other_numbers = term(Kind.LIST, "dwc:otherCatalogNumbers", group="identification", mcpd="OTHERNUMB",
                         separator=MCPD, zh="其他编号", en="Other identifiers",
                         aliases=("other numbers", "other identifiers", "种质库编号", "种质圃编号", "引种号",
                                  "核心种质编号", "PI_accession", "Alternative germplasm bank ID #"),
                         description_en="Other numbers of the accession as INSTCODE:identifier, \";\"-separated "
                                        "without space (ESP027:BGHZ6945;:CIae 9); \":identifier\" when the institute "
                                        "is unknown.",
                         description_zh="种质的其他编号，格式 INSTCODE:编号，以“;”分隔、不加空格（如 "
                                        "ESP027:BGHZ6945）；单位不明时写作“:编号”。")
    biological_status = term(Kind.STRING, "germplasm:biologicalStatus", recommended=True, vocabulary="sampstat",
                             group="identification", mcpd="SAMPSTAT", zh="种质类型", en="Biological status of accession",
                             aliases=("biological status", "sample status", "biological status of accession",
                                      "生物学状态"),
                             description_en="MCPD code: 100 wild, 200 weedy, 300 traditional cultivar/landrace, "
                                            "400 breeding/research material, 500 advanced cultivar, 600 GMO, 999 "
                                            "other; finer codes (110, 410, 414 …) allowed. Chinese or English names "
                                            "are accepted (野生, 地方品种).",
                             description_zh="MCPD 代码：100 野生、200 杂草型、300 地方品种、400 育种/研究材料、"
                                            "500 选育品种、600 转基因、999 其他；可用更细的代码（110、410、414 等），"
                                            "也可填中英文名称（如 野生、地方品种）。")
    # ------------------------------------------------------------------ taxon
    family = term(Kind.STRING, "dwc:family", group="taxon", zh="科名", en="Family", aliases=("科", "family"))
    genus = term(Kind.STRING, "dwc:genus", recommended=True, group="taxon", mcpd="GENUS", zh="属名", en="Genus",
                 aliases=("属", "genus"), description_en="Genus name, initial capital (Oryza).",
                 description_zh="属名，首字母大写（如 Oryza）。")
    specific_epithet = term(Kind.STRING, "dwc:specificEpithet", group="taxon", mcpd="SPECIES", zh="种加词",
                            en="Specific epithet", aliases=("specific epithet",),
                            description_en="Specific epithet in lowercase (sativa); \"sp.\" when not identified.",
                            description_zh="种加词，小写（如 sativa）；未鉴定到种时填 sp.。")
    species_authority = term(Kind.STRING, "dwc:scientificNameAuthorship", group="taxon", mcpd="SPAUTHOR",
                             zh="种命名人", en="Species authority", aliases=("species authority", "命名人"))
    subtaxa = term(Kind.STRING, "dwc:infraspecificEpithet", group="taxon", mcpd="SUBTAXA", zh="种下分类单元",
                   en="Subtaxon", aliases=("subtaxa", "subtaxon", "种下分类", "亚种/变种"),
                   description_en="Infraspecific name with its rank abbreviation: subsp., convar., var., f. or "
                                  "Group (var. lycopersicum).",
                   description_zh="种下名称及等级缩写：subsp.、convar.、var.、f. 或 Group（如 var. lycopersicum）。")
    subtaxa_authority = term(Kind.STRING, "cat:subtaxonAuthority", group="taxon", mcpd="SUBTAUTHOR",
                             zh="种下分类单元命名人", en="Subtaxon authority", aliases=("subtaxon authority",),
                             description_en="Authority of the subtaxon; exported as dwc:scientificNameAuthorship "
                                            "when SUBTAXA is given (MCPD gives the authority at the most detailed "
                                            "level).",
                             description_zh="种下分类单元的命名人；有种下分类单元时导出为 scientificNameAuthorship。")
    scientific_name = term(Kind.STRING, "dwc:scientificName", recommended=True, core="scientific_name",
                           group="taxon", zh="学名", en="Scientific name",
                           aliases=("拉丁名", "latin name", "scientific name", "taxon name", "fullTaxa"),
                           description_en="Full scientific name with authorship (Oryza sativa L.).",
                           description_zh="完整学名，包括命名人（如 Oryza sativa L.）。")
    crop_name = term(Kind.STRING, "dwc:vernacularName", group="taxon", mcpd="CROPNAME", zh="作物名称",
                     en="Crop name", aliases=("crop name", "crop", "作物", "common name", "俗名"))
    # ------------------------------------------------------------------ origin
    country_code = term(Kind.STRING, "dwc:countryCode", recommended=True, vocabulary="country", core="country_code",
                        group="origin", mcpd="ORIGCTY", zh="原产国", en="Country of origin",
                        aliases=("country of origin", "country", "Ctry", "Country abbrev.", "国家", "国别",
                                 "原产国家"),
                        description_en="Country where the material was collected, bred or selected: ISO 3166-1 "
                                       "alpha-3 as MCPD writes it (CHN), alpha-2, or the name in Chinese or English; "
                                       "stored as alpha-2.",
                        description_zh="种质采集、育成或选育的国家：MCPD 用 ISO 3166-1 三字母代码（如 CHN），"
                                       "也可填两字母代码或中英文国名；存为两字母代码。")
    state_province = term(Kind.STRING, "dwc:stateProvince", group="origin", zh="原产省", en="Province of origin",
                          aliases=("province", "省", "省份", "原产省份", "State / province"),
                          description_en="Province (or state) of origin, name or GB/T 2260 code (湖北省, 420000).",
                          description_zh="原产省份名称或 GB/T 2260 代码（如 湖北省、420000）。")
    locality = term(Kind.TEXT, "dwc:locality", recommended=True, core="locality", group="origin", mcpd="COLLSITE",
                    max_length=4000, zh="原产地", en="Collecting site",
                    aliases=("collecting site", "locality", "采集地点", "采集地", "地点", "place", "geo_loc_name",
                             "City(USDA)"),
                    description_en="Location below the province: county, township, village, with distance and "
                                   "direction from a landmark where known.",
                    description_zh="省以下的原产地点：县、乡、村，已知时注明与参照地的方向和距离。")
    decimal_latitude = term(Kind.DECIMAL, "dwc:decimalLatitude", recommended=True, core="decimal_latitude",
                            group="origin", minimum=-90, maximum=90, mcpd="DECLATITUDE", zh="纬度",
                            en="Latitude (decimal degrees)",
                            aliases=("decimal latitude", "decimalLatitude", "lat"),
                            description_en="Decimal degrees, north positive (30.5234). Degrees-minutes-seconds go "
                                           "to LATITUDE.",
                            description_zh="十进制度，北纬为正（如 30.5234）；度分秒格式请填入 LATITUDE。")
    decimal_longitude = term(Kind.DECIMAL, "dwc:decimalLongitude", recommended=True, core="decimal_longitude",
                             group="origin", minimum=-180, maximum=180, mcpd="DECLONGITUDE", zh="经度",
                             en="Longitude (decimal degrees)",
                             aliases=("decimal longitude", "decimalLongitude", "lon", "lng"),
                             description_en="Decimal degrees, east positive (114.3562). Degrees-minutes-seconds go "
                                            "to LONGITUDE.",
                             description_zh="十进制度，东经为正（如 114.3562）；度分秒格式请填入 LONGITUDE。")
    verbatim_latitude = term(Kind.STRING, "dwc:verbatimLatitude", group="origin", max_length=32, mcpd="LATITUDE",
                             zh="纬度（度分秒）", en="Latitude (DDMMSSH)",
                             aliases=("verbatim latitude", "verbatimLatitude"),
                             description_en="MCPD DDMMSSH text, two-digit degrees, missing digits as \"-\" "
                                            "(303524N, 1030--S). Decimal degrees belong in DECLATITUDE. Read into "
                                            "DECLATITUDE when that is empty; decimal degrees found here are used "
                                            "and flagged.",
                             description_zh="MCPD 度分秒文本 DDMMSSH，度为两位，缺位用“-”（如 303524N）；"
                                            "十进制度请填入 DECLATITUDE。DECLATITUDE 为空时据此换算；"
                                            "此处填的十进制度会被采用并提示。")
    verbatim_longitude = term(Kind.STRING, "dwc:verbatimLongitude", group="origin", max_length=32,
                              mcpd="LONGITUDE", zh="经度（度分秒）", en="Longitude (DDDMMSSH)",
                              aliases=("verbatim longitude", "verbatimLongitude"),
                              description_en="MCPD DDDMMSSH text, three-digit degrees (1142122E, 0762510W). Decimal "
                                             "degrees belong in DECLONGITUDE. Read into DECLONGITUDE when that is "
                                             "empty; decimal degrees found here are used and flagged.",
                              description_zh="MCPD 度分秒文本 DDDMMSSH，度为三位（如 1142122E）；十进制度请填入 "
                                             "DECLONGITUDE。DECLONGITUDE 为空时据此换算；此处填的十进制度会被采用并提示。")
    coordinate_uncertainty_m = term(Kind.DECIMAL, "dwc:coordinateUncertaintyInMeters", core="coordinate_uncertainty_m",
                                    group="origin", mcpd="COORDUNCERT", zh="坐标误差（米）",
                                    en="Coordinate uncertainty (m)",
                                    aliases=("coordinate uncertainty", "坐标误差"),
                                    description_en="Uncertainty of the coordinates in metres; leave empty if unknown.",
                                    description_zh="坐标的误差半径（米）；未知时留空。")
    geodetic_datum = term(Kind.STRING, "dwc:geodeticDatum", core="geodetic_datum", group="origin", max_length=32,
                          mcpd="COORDDATUM", zh="大地基准", en="Geodetic datum",
                          aliases=("datum", "coordinate datum", "坐标系"),
                          description_en="Datum or spatial reference system of the coordinates (WGS84, CGCS2000).",
                          description_zh="坐标所用的大地基准或坐标参照系（如 WGS84、CGCS2000）。")
    georeference_method = term(Kind.STRING, "dwc:georeferenceProtocol", group="origin", max_length=200,
                               mcpd="GEOREFMETH", zh="坐标获取方法", en="Georeferencing method",
                               aliases=("georeferencing method", "georeference method", "定位方法"),
                               description_en="How the coordinates were obtained: GPS, map, gazetteer or estimated "
                                              "by software; empty if unknown.",
                               description_zh="坐标的获取方式：GPS、地图、地名辞典或软件估算；未知时留空。")
    elevation = term(Kind.DECIMAL, "dwc:minimumElevationInMeters", group="origin", minimum=-500, maximum=9000,
                     mcpd="ELEVATION", zh="海拔（米）", en="Elevation (m)",
                     aliases=("海拔", "elevation (m)", "altitude", "Altitude (m)"),
                     description_en="Metres above sea level of the collecting site; negative values allowed. "
                                    "Exported as both minimum and maximum elevation.",
                     description_zh="采集地的海拔（米），可为负值；导出时同时作为最低和最高海拔。")
    # ------------------------------------------------------------------ collection
    collecting_number = term(Kind.STRING, "dwc:recordNumber", group="collection", max_length=64, mcpd="COLLNUMB",
                             zh="采集号", en="Collecting number",
                             aliases=("collecting number", "collector number", "collector's number"),
                             description_en="The collector's number for the sample (FM9909); key for finding "
                                            "duplicates.",
                             description_zh="采集者给样品的编号（如 FM9909），是查找重复种质的关键。")
    collecting_institute_code = term(Kind.LIST, "germplasm:collectingInstituteID", group="collection",
                                     mcpd="COLLCODE", separator=MCPD, zh="采集单位代码",
                                     en="Collecting institute code",
                                     aliases=("collecting institute code",),
                                     description_en="FAO WIEWS code(s) of the collecting institute(s), \";\"-separated;"
                                                    " equals INSTCODE when the holder collected the material.",
                                     description_zh="采集单位的 FAO WIEWS 代码，多个以“;”分隔；由保存单位采集时与"
                                                    "保存单位代码相同。")
    collecting_institute_name = term(Kind.STRING, "cat:collectingInstituteName", group="collection",
                                     mcpd="COLLNAME", zh="采集单位", en="Collecting institute",
                                     aliases=("collecting institute", "collecting institute name", "采集单位名称",
                                              "采集者"),
                                     description_en="Name of the collecting institute, only when it has no WIEWS code.",
                                     description_zh="采集单位名称，仅在其没有 WIEWS 代码时填写。")
    collecting_institute_address = term(Kind.TEXT, "cat:collectingInstituteAddress", group="collection",
                                        mcpd="COLLINSTADDRESS", max_length=1000, zh="采集单位地址",
                                        en="Collecting institute address",
                                        aliases=("collecting institute address",),
                                        description_en="Address of the collecting institute, only when it has no "
                                                       "WIEWS code.",
                                        description_zh="采集单位地址，仅在其没有 WIEWS 代码时填写。")
    collecting_mission_id = term(Kind.STRING, "cat:collectingMissionID", group="collection", max_length=100,
                                 mcpd="COLLMISSID", zh="考察任务编号", en="Collecting mission identifier",
                                 aliases=("collecting mission", "collecting mission identifier", "考察编号",
                                          "收集任务编号"),
                                 description_en="Identifier of the collecting mission (CIATFOR052), e.g. a national "
                                                "germplasm survey campaign.",
                                 description_zh="采集考察任务的编号（如 CIATFOR052），例如全国农作物种质资源普查"
                                                "与收集行动的任务号。")
    event_date = term(Kind.DATE, "dwc:eventDate", recommended=True, core="event_date", group="collection",
                      mcpd="COLLDATE", zh="采集日期", en="Collecting date",
                      aliases=("collecting date", "collection date", "采集时间", "date", "SOURCE DATE(USDA)"),
                      description_en="Date the material was collected: MCPD YYYYMMDD with -- or 00 for an unknown "
                                     "month or day (199611--), or ISO 8601 (1996-11).",
                      description_zh="采集日期：MCPD 格式 YYYYMMDD，月或日未知时用 -- 或 00（如 199611--），"
                                     "或 ISO 8601（如 1996-11）。")
    acquisition_source = term(Kind.STRING, "germplasm:acquisitionSource", vocabulary="collsrc", group="collection",
                              mcpd="COLLSRC", zh="采集源", en="Collecting/acquisition source",
                              aliases=("collecting source", "acquisition source", "收集来源", "采集来源"),
                              description_en="MCPD code of the environment the sample came from: 10 wild habitat, "
                                             "20 farm or cultivated habitat, 30 market, 40 institute or genebank, "
                                             "50 seed company, 60 weedy habitat, 99 other (see REMARKS).",
                              description_zh="MCPD 采集源代码：10 野生生境、20 农田或栽培生境、30 市场、"
                                             "40 研究机构或种质库、50 种子公司、60 杂草或受干扰生境、99 其他"
                                             "（在备注中说明）。")
    # ------------------------------------------------------------------ acquisition and donor
    acquisition_date = term(Kind.DATE, "germplasm:acquisitionDate", group="acquisition", mcpd="ACQDATE",
                            zh="入库日期", en="Acquisition date",
                            aliases=("acquisition date", "入库时间", "收集日期", "RECEIVED(USDA)"),
                            description_en="Date the accession entered the collection: MCPD YYYYMMDD with -- or 00 "
                                           "for an unknown month or day, or ISO 8601.",
                            description_zh="种质进入本库的日期：MCPD 格式 YYYYMMDD，月或日未知时用 -- 或 00，"
                                           "或 ISO 8601。")
    donor_institute_code = term(Kind.STRING, "germplasm:donorInstituteID", group="acquisition", max_length=32,
                                mcpd="DONORCODE", zh="提供单位代码", en="Donor institute code",
                                aliases=("donor institute code", "donor code"),
                                description_en="FAO WIEWS code of the donor institute.",
                                description_zh="提供种质的单位的 FAO WIEWS 代码。")
    donor_institute_name = term(Kind.STRING, "germplasm:donorInstitute", group="acquisition", mcpd="DONORNAME",
                                zh="来源地", en="Donor institute or place",
                                aliases=("donor institute", "donor name", "donor", "来源单位", "提供单位", "提供者",
                                         "来源", "DataSource"),
                                description_en="Name of the donor (institute, farmer, place) when there is no WIEWS "
                                               "code; the national descriptors' 来源地 (the country, province, county "
                                               "or organisation the accession was obtained from).",
                                description_zh="种质的直接来源（单位、农户或地点）名称，没有 WIEWS 代码时填写；"
                                               "即描述规范中的“来源地”（国家、省、县或国际组织）。")
    donor_accession_number = term(Kind.STRING, "germplasm:donorsIdentifier", group="acquisition", max_length=128,
                                  mcpd="DONORNUMB", zh="提供单位编号", en="Donor accession number",
                                  aliases=("donor accession number", "donor number", "原编号", "原始编号"),
                                  description_en="The number the donor gave the accession.",
                                  description_zh="提供单位给该种质的编号。")
    # ------------------------------------------------------------------ breeding
    breeding_institute_code = term(Kind.LIST, "germplasm:breedingInstituteID", group="breeding", mcpd="BREDCODE",
                                   separator=MCPD, zh="选育单位代码", en="Breeding institute code",
                                   aliases=("breeding institute code", "breeder code"),
                                   description_en="FAO WIEWS code(s) of the breeding institute(s), \";\"-separated.",
                                   description_zh="选育单位的 FAO WIEWS 代码，多个以“;”分隔。")
    breeding_institute_name = term(Kind.STRING, "germplasm:breedingInstitute", group="breeding", mcpd="BREDNAME",
                                   zh="选育单位", en="Breeding institute",
                                   aliases=("breeding institute", "breeder", "breeder name", "育成单位", "育种单位"),
                                   description_en="Name of the breeding institute or breeder, when there is no WIEWS "
                                                  "code.",
                                   description_zh="选育单位或育种者名称，没有 WIEWS 代码时填写。")
    breeding_year = term(Kind.INTEGER, "germplasm:breedingYear", group="breeding", minimum=1000, maximum=2999,
                         zh="育成年份", en="Breeding year",
                         aliases=("breeding year", "release year", "Released/introducedyear", "育成时间"),
                         description_en="Year the cultivar was bred or released (2009).",
                         description_zh="品种育成或审定推广的年份（如 2009）。")
    breeding_method = term(Kind.STRING, "cat:breedingMethod", group="breeding", zh="选育方法", en="Breeding method",
                           aliases=("breeding method", "育种方法"),
                           description_en="How the cultivar was bred: selection, hybridisation, mutation … "
                                          "(系选、杂交、诱变).",
                           description_zh="品种的选育方法，如系选、杂交、诱变等。")
    ancestral_data = term(Kind.TEXT, "germplasm:ancestralData", group="breeding", mcpd="ANCEST", max_length=4000,
                          zh="系谱", en="Ancestral data", aliases=("pedigree", "ancestry", "亲本", "亲本组合"),
                          description_en="Pedigree (Hanna/7*Atlas//Turk/8*Atlas) or other ancestry.",
                          description_zh="系谱（如 Hanna/7*Atlas//Turk/8*Atlas）或其他亲本信息。")
    # ------------------------------------------------------------------ preservation
    preservation_place = term(Kind.STRING, "cat:preservationPlace", core="preservation_place", group="preservation",
                              max_length=200, zh="保存单位", en="Holding institute",
                              aliases=("保存地点", "holding institute", "storage location", "GermplasmBank",
                                       "germplasm bank", "germplasm location"),
                              description_en="Name of the institute (and genebank) holding the accession.",
                              description_zh="保存该种质的单位（及种质库、圃）名称。")
    storage = term(Kind.LIST, "germplasm:storageCondition", vocabulary="storage", group="preservation",
                   mcpd="STORAGE", separator=MCPD, zh="种质保存类型", en="Type of germplasm storage",
                   aliases=("type of germplasm storage", "storage type", "保存类型", "库类型"),
                   description_en="MCPD codes, \";\"-separated without space (13;20): 10 seed collection, 11 short "
                                  "term, 12 medium term, 13 long term, 20 field collection, 30 in vitro, 40 "
                                  "cryopreserved, 50 DNA, 99 other. The GBIF extension publishes this term as "
                                  "http://purl.org/germplasm/germplasmType#storageCondition.",
                   description_zh="MCPD 代码，以“;”分隔、不加空格（如 13;20）：10 种子库、11 短期库、12 中期库、"
                                  "13 长期库、20 种质圃、30 试管苗库、40 超低温库、50 DNA 库、99 其他。")
    preservation_method = term(Kind.STRING, "dwc:preparations", core="preservation_method", group="preservation",
                               max_length=100, zh="保存方式", en="Preservation method",
                               aliases=("保存方法", "保存条件", "preservation", "preservation method"),
                               description_en="How the material is kept, in words (seeds at -18 °C, field genebank "
                                              "plants); the coded storage type goes to STORAGE.",
                               description_zh="保存方式的文字说明（如 种子 -18℃ 长期保存、种质圃植株）；"
                                              "编码的保存类型请填入 STORAGE。")
    safety_duplicate_code = term(Kind.LIST, "germplasm:safetyDuplicationInstituteID", group="preservation",
                                 mcpd="DUPLSITE", separator=MCPD, zh="备份保存单位代码",
                                 en="Safety duplication institute code",
                                 aliases=("location of safety duplicates", "safety duplicate site", "备份地点代码"),
                                 description_en="FAO WIEWS code(s) of the institute(s) holding a safety duplicate, "
                                                "\";\"-separated.",
                                 description_zh="保存安全备份的单位的 FAO WIEWS 代码，多个以“;”分隔。")
    safety_duplicate_name = term(Kind.LIST, "germplasm:safetyDuplicationInstitute", group="preservation",
                                 mcpd="DUPLINSTNAME", separator=MCPD, zh="备份保存单位",
                                 en="Safety duplication institute",
                                 aliases=("safety duplication institute", "safety duplicate institute", "备份单位"),
                                 description_en="Name(s) of the safety-duplicate holder(s), when they have no WIEWS "
                                                "code.",
                                 description_zh="安全备份保存单位名称，没有 WIEWS 代码时填写。")
    availability = term(Kind.STRING, "cat:availability", core="availability", group="sharing", max_length=32,
                        zh="可获得性", en="Availability", aliases=("供应状态", "IS_AVAILABLE", "available"))
    mls_status = term(Kind.STRING, "germplasm:mlsStatus", vocabulary="mlsstat", group="sharing", mcpd="MLSSTAT",
                      zh="多边系统状态", en="MLS status",
                      aliases=("MLS status", "multilateral system status", "多边系统"),
                      description_en="Whether the accession is in the Multilateral System of the Plant Treaty: 0 no, "
                                     "1 yes, 99 other (see REMARKS); empty if unknown.",
                      description_zh="是否纳入《粮食和农业植物遗传资源国际条约》多边系统：0 否、1 是、99 其他"
                                     "（在备注中说明）；未知时留空。")
    # ------------------------------------------------------------------ other
    images = term(Kind.LIST, "dwc:associatedMedia", group="other", zh="图像", en="Images",
                  aliases=("图片", "image", "photo"),
                  description_en="File names or URLs of images of the accession, \" | \"-separated.",
                  description_zh="种质图像的文件名或网址，以“ | ”分隔。")
    remarks = term(Kind.TEXT, "dwc:occurrenceRemarks", group="other", mcpd="REMARKS", max_length=10000,
                   zh="备注", en="Remarks", aliases=("notes", "说明"),
                   description_en="Notes, each prefixed with the descriptor it explains and a colon "
                                  "(COLLSRC:riverside;SAMPSTAT:…), distinct notes \";\"-separated.",
                   description_zh="补充说明，每条前加所说明的描述符代码和冒号（如 COLLSRC:河边），多条以“;”分隔。")


def basis_of_record(payload: dict) -> str:
    """The Darwin Core class of an accession that states none: the material is alive."""
    return "LivingSpecimen"


LABELS = {"zh": "植物种质资源", "en": "Plant germplasm"}   # the domain's name on pages, facets and exports
