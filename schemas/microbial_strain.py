"""Microbial strains (菌种): MIRRI-IS 2020.06.1 content rules (built on CABRI), MCL terms where StrainInfo
publishes one, the Chinese biosafety classes beside the WHO/EU risk group (never one derived from the other).

Real sources behind the aliases: MIRRI-IS column labels ("Accession number", "Risk Group" …), PHI-base
pathogen strains (scientific_name, strain, synonyms, ncbi_taxid), BacDive strain records ("type strain",
"culture collection no.", "strain history", "culture temp", "sample type", "host species" …), MCL
culture elements (strainNumber, otherStrainNumber, isolationDate, isolator, depositor, history …) and
Chinese strain catalogues and survey forms (菌种保藏编号, 其他保藏编号, 分离源, 分离时间, 培养基 …).
"""
from __future__ import annotations

from schemas.core import CoreSchema
from schemas.fields import Kind, term

DOMAIN = "microbial_strain"


class MicrobialStrainSchema(CoreSchema):
    # ------------------------------------------------------------------ identification
    local_id = term(Kind.STRING, "mcl:strainNumber", required=True, core="local_id", group="identification",
                    max_length=128, zh="菌种保藏编号", en="Accession number",
                    aliases=("accession number", "accession no.", "strain number", "strainNumber",
                             "保藏编号", "菌种编号", "菌株编号", "保藏号", "编号", "资源编号", "id", "local id",
                             "catalogue number", "catalog number"),
                    description_en="Collection acronym, a space and the number, without further spaces "
                                   "(\"CCTCC AB 2019001\", \"CGMCC 1.15000\"); renumbered old numbers go to "
                                   "other culture collection numbers.",
                    description_zh="保藏机构缩写 + 半角空格 + 编号（如 CCTCC AB 2019001、CGMCC 1.15000）；"
                                   "旧编号填入“其他保藏编号”。")
    other_collection_numbers = term(Kind.LIST, "mcl:otherStrainNumber", group="identification", separator=";",
                                    zh="其他保藏编号", en="Other culture collection numbers",
                                    aliases=("other culture collection numbers", "other collection numbers",
                                             "culture collection no.", "synonyms", "otherStrainNumber",
                                             "其他保藏号", "其他菌种编号", "其他编号"),
                                    description_en="Numbers of the same strain in other collections, same syntax, "
                                                   "separated by \";\" (\"ATCC 6051; DSM 10\").",
                                    description_zh="同一菌株在其他保藏机构的编号，格式同上，以“;”分隔（如 ATCC 6051; DSM 10）。")
    strain_designation = term(Kind.STRING, "cat:strainDesignation", group="identification", max_length=200,
                              zh="原始编号", en="Strain designation",
                              aliases=("strain", "strain designation", "designation", "other denomination",
                                       "原始菌株号", "菌株代号"),
                              description_en="The isolator's own designation of the strain (\"HBBS19-7\", \"K-12\"); "
                                             "not unique across species, so never the accession number.",
                              description_zh="分离者给菌株的原始编号或代号（如 HBBS19-7、K-12）；不同种间可能重复，不能作为保藏编号。")
    organism_type = term(Kind.STRING, "cat:organismType", required=True, vocabulary="organism_type",
                         group="identification", zh="生物类型", en="Organism type",
                         aliases=("organism type", "organismType", "菌种类型", "菌种类别", "微生物类群", "微生物类型"),
                         description_en="MIRRI organism type: algae, archaea, bacteria, cyanobacteria, filamentous "
                                        "fungi, phage, plasmid, virus or yeast (Chinese or English names accepted).",
                         description_zh="MIRRI 生物类型：藻类、古菌、细菌、蓝细菌、丝状真菌、噬菌体、质粒、病毒或酵母"
                                        "（可填中文或英文名称）。")
    type_strain = term(Kind.BOOLEAN, "cat:typeStrain", group="identification", zh="模式菌株", en="Type strain",
                       aliases=("type strain", "是否模式菌株", "模式株"),
                       description_en="Yes if the strain is the nomenclatural type of its species or subspecies "
                                      "(exported as MCL typeStrainOf the scientific name).",
                       description_zh="该菌株是否为其种或亚种的命名模式菌株（导出时对应 MCL typeStrainOf）。")
    # ------------------------------------------------------------------ taxon
    scientific_name = term(Kind.STRING, "dwc:scientificName", recommended=True, core="scientific_name",
                           group="taxon", zh="学名", en="Taxon name",
                           aliases=("taxon name", "scientific name", "species name", "full scientific name",
                                    "species", "speciesName", "拉丁名", "菌种学名", "latin name"),
                           description_en="Name per LPSN, MycoBank, AlgaeBase or ICTV, with subsp./var. markers; "
                                          "an unidentified species may be written \"Bacillus sp.\" (Chinese "
                                          "practice), although MIRRI itself would give the genus alone.",
                           description_zh="按 LPSN、MycoBank、AlgaeBase 或 ICTV 的名称，含 subsp./var. 等标记；"
                                          "未定种可写作“Bacillus sp.”（国内惯例，MIRRI 仅写属名）。")
    infrasubspecific_names = term(Kind.STRING, "cat:infrasubspecificNames", group="taxon",
                                  zh="亚种以下名称", en="Infrasubspecific names",
                                  aliases=("infrasubspecific names", "pathovar", "serovar", "致病变种", "血清型"),
                                  description_en="Pathovar, serovar, biovar and the like (\"pv. lachrymans\", "
                                                 "\"sv. Typhi\").",
                                  description_zh="致病变种、血清型、生物型等（如 pv. lachrymans、sv. Typhi）。")
    taxon_id = term(Kind.STRING, "dwc:taxonID", group="taxon", max_length=100, zh="分类单元编号", en="Taxon ID",
                    aliases=("ncbi_taxid", "ncbi tax id", "ncbi taxonomy id", "taxid", "taxonID", "NCBI分类号"),
                    description_en="NCBI Taxonomy identifier of the taxon (\"1423\").",
                    description_zh="NCBI 分类数据库中该分类单元的编号（如 1423）。")
    # ------------------------------------------------------------------ biosafety
    risk_group = term(Kind.STRING, "cat:riskGroup", recommended=True, vocabulary="risk_group", closed=True,
                      group="biosafety", zh="危害等级", en="Risk group",
                      aliases=("risk group", "riskGroup", "危险度等级", "风险等级", "生物危害等级"),
                      description_en="WHO / EU Directive 2000/54/EC risk group 1-4 (GB 19489 危害等级 I-IV): "
                                     "1 is the lowest hazard. Recorded as given, never derived from the Chinese "
                                     "pathogen class.",
                      description_zh="WHO/欧盟 2000/54/EC 危害等级 1-4（GB 19489 危害等级 I-IV），1 为危害最低；"
                                     "按原始资料填写，不由我国病原微生物分类推算。")
    cn_pathogen_class = term(Kind.STRING, "cat:cnPathogenClass", vocabulary="cn_pathogen_class", closed=True,
                             group="biosafety", zh="危害程度分类", en="China pathogen class",
                             aliases=("病原微生物分类", "病原微生物类别", "病原微生物危害程度分类",
                                      "pathogen class", "china pathogen class", "cn pathogen class",
                                      "china_pathogen_class"),
                             description_en="Class under the Regulations on Biosafety Management of Pathogenic "
                                            "Microorganism Laboratories, Art. 7, as listed in the 2023 catalogue of "
                                            "human pathogens: 1 (第一类) is the MOST dangerous, the reverse of the "
                                            "risk group. Never inferred from the risk group.",
                             description_zh="按《病原微生物实验室生物安全管理条例》第七条及《人间传染的病原微生物目录》"
                                            "（2023）填写：第一类危害最高，与危害等级方向相反；不由危害等级推算。")
    biosafety_level = term(Kind.STRING, "cat:biosafetyLevel", vocabulary="biosafety_level", closed=True,
                           group="biosafety", zh="实验室生物安全防护水平", en="Biosafety level",
                           aliases=("biosafety level", "BSL", "生物安全防护水平", "生物安全级别", "实验室级别",
                                    "实验室生物安全级别"),
                           description_en="Laboratory level required to work with the strain: BSL-1 to BSL-4, "
                                          "ABSL-1 to ABSL-4 for animal work. BacDive's \"biosafety level\" is a risk "
                                          "group and belongs in that field.",
                           description_zh="操作该菌株所需的实验室级别：BSL-1 至 BSL-4，动物实验为 ABSL-1 至 ABSL-4。"
                                          "BacDive 的 biosafety level 实为危害等级，应填入“危害等级”。")
    pathogenicity = term(Kind.TEXT, "cat:pathogenicity", group="biosafety", max_length=2000, zh="致病性",
                         en="Pathogenicity", aliases=("致病性描述",),
                         description_en="Hosts and diseases the strain is known to cause.",
                         description_zh="已知的宿主及所致疾病。")
    gmo = term(Kind.BOOLEAN, "cat:gmo", group="biosafety", zh="转基因", en="Genetically modified",
               aliases=("gmo", "是否转基因", "遗传修饰"),
               description_en="Yes or no. MIRRI codes yes/no as 2/1: convert them, since 1 reads as yes here.",
               description_zh="是或否。MIRRI 以 2/1 表示是/否，需先转换，因为此处 1 被视为“是”。")
    # ------------------------------------------------------------------ isolation
    country_code = term(Kind.STRING, "dwc:countryCode", recommended=True, vocabulary="country", core="country_code",
                        group="origin", zh="国家", en="Country of origin",
                        aliases=("country", "原产国", "国别", "country of origin", "isolation country",
                                 "sampleLocationCountry", "分离国家"),
                        description_en="Country where the sample the strain was isolated from was collected: "
                                       "ISO 3166-1 code or country name in Chinese or English.",
                        description_zh="分离样品的采集国家：ISO 3166-1 代码或中英文国家名称。")
    locality = term(Kind.TEXT, "dwc:locality", recommended=True, core="locality", group="origin",
                    zh="分离地", en="Isolation locality", max_length=4000,
                    aliases=("产地", "原产地", "采集地", "地点", "place", "分离地点", "geographic origin",
                             "geographic location", "isolation place", "sampleLocationPlace"),
                    description_en="Where the sample was collected, below the province and county.",
                    description_zh="样品采集地点（省、县以下的具体地点）。")
    isolation_source = term(Kind.TEXT, "mcl:sampleHabitat", recommended=True, group="collection", max_length=2000,
                            zh="分离源", en="Isolation source",
                            aliases=("isolation source", "substrate or host", "substrate", "isolation habitat",
                                     "habitat", "sample type", "sampleHabitat", "分离基物", "分离源描述", "生境",
                                     "样品类型"),
                            description_en="Substrate or habitat the strain was isolated from (\"rice paddy soil\", "
                                           "\"fermented soybean paste\").",
                            description_zh="分离菌株的基物或生境（如 稻田土壤、豆瓣酱）。")
    isolation_host = term(Kind.STRING, "cat:isolationHost", group="collection", zh="宿主", en="Host",
                          aliases=("host", "host species", "isolation host", "宿主名称", "分离宿主"),
                          description_en="Host organism, for strains isolated from a plant, animal or person "
                                         "(scientific name).",
                          description_zh="从植物、动物或人体分离时的宿主（学名）。")
    event_date = term(Kind.DATE, "dwc:eventDate", core="event_date", group="collection",
                      zh="采样日期", en="Collection date",
                      aliases=("date of collection", "sampling date", "采集日期", "采样时间", "采集时间",
                               "collection date", "date"),
                      description_en="When the sample was collected; ISO 8601 (2019-04-12, 2019-04, 2019) or "
                                     "YYYYMMDD.",
                      description_zh="样品采集日期；ISO 8601（2019-04-12、2019-04、2019）或 YYYYMMDD。")
    isolation_date = term(Kind.DATE, "mcl:isolationDate", recommended=True, group="collection",
                          zh="分离时间", en="Isolation date",
                          aliases=("isolation date", "date of isolation", "分离日期", "isolationDate"),
                          description_en="When the strain was isolated; ISO 8601 or YYYYMMDD.",
                          description_zh="菌株分离日期；ISO 8601 或 YYYYMMDD。")
    collected_by = term(Kind.LIST, "dwc:recordedBy", group="collection", zh="采集人", en="Collected by",
                        aliases=("collected by", "collector", "采集者", "采样人"),
                        description_en="Name, institute; several separated by \" | \" or \";\".",
                        description_zh="姓名、单位；多人以“ | ”或“;”分隔。")
    isolated_by = term(Kind.STRING, "mcl:isolator", group="collection", zh="分离人", en="Isolated by",
                       aliases=("isolated by", "isolator", "分离者"),
                       description_en="Name and institute of the person who isolated the strain.",
                       description_zh="分离该菌株的人员姓名及单位。")
    # ------------------------------------------------------------------ deposit
    depositor = term(Kind.STRING, "mcl:depositor", group="preservation", zh="保藏人", en="Depositor",
                     aliases=("depositor", "提供者", "提供人", "资源提供者", "送交人"),
                     description_en="Name, institute and town/country of whoever deposited the strain.",
                     description_zh="送交保藏者的姓名、单位及城市/国家。")
    deposit_date = term(Kind.DATE, "mcl:depositDate", group="preservation", zh="保藏时间", en="Date of deposit",
                        aliases=("date of deposit", "deposit date", "保藏日期", "入库时间", "入藏时间", "depositDate"))
    history_of_deposit = term(Kind.TEXT, "mcl:history", group="preservation", max_length=2000, zh="来源历史",
                              en="History of deposit",
                              aliases=("history of deposit", "strain history", "history", "菌种历史", "保藏历史"),
                              description_en="Chain of collections the strain passed through, most recent first, "
                                             "\"<\" meaning received from: \"CCTCC, 2019 < CGMCC, 2015 < "
                                             "H. Li, Wuhan\".",
                              description_zh="菌株经历的保藏机构，由近及远，“<”表示“得自”：CCTCC, 2019 < CGMCC, 2015 < "
                                             "李华, 武汉。")
    # ------------------------------------------------------------------ culture
    growth_medium = term(Kind.STRING, "mcl:mediumName", recommended=True, group="culture", zh="培养基",
                         en="Recommended growth medium",
                         aliases=("recommended medium for growth", "medium", "culture medium", "growth medium",
                                  "培养基名称", "培养基编号", "mediumName"),
                         description_en="Medium name or the collection's medium number; several separated by \"/\".",
                         description_zh="培养基名称或本库培养基编号；多个以“/”分隔。")
    growth_temperature_c = term(Kind.DECIMAL, "mcl:growthTemperature", recommended=True, group="culture",
                                minimum=-20, maximum=120, zh="培养温度（℃）", en="Recommended growth temperature (°C)",
                                aliases=("recommended growth temperature", "growth temperature", "culture temp",
                                         "culture temperature", "培养温度", "培养温度(℃)", "growthTemperature"),
                                description_en="One number in degrees Celsius.",
                                description_zh="一个数值，单位摄氏度。")
    tested_temperature_range = term(Kind.STRING, "cat:testedTemperatureRange", group="culture", max_length=100,
                                    zh="生长温度范围", en="Tested temperature growth range",
                                    aliases=("tested temperature growth range", "temperature range", "温度范围"),
                                    description_en="Minimum and maximum growth temperature in °C as \"min;max\" "
                                                   "(\"4;45\").",
                                    description_zh="最低和最高生长温度（℃），写作“最低;最高”（如 4;45）。")
    form_of_supply = term(Kind.LIST, "cat:formOfSupply", recommended=True, vocabulary="form_of_supply",
                          group="culture", separator=";", zh="供应形式", en="Form of supply",
                          aliases=("form of supply", "提供形式", "供货形式"),
                          description_en="Agar, cryo, dry ice, liquid culture medium, lyo, oil or water, "
                                         "separated by \";\".",
                          description_zh="斜面、冷冻、干冰、液体培养物、冻干、矿物油或无菌水，以“;”分隔。")
    # ------------------------------------------------------------------ legal and sharing
    restrictions_on_use = term(Kind.STRING, "cat:restrictionsOnUse", recommended=True,
                               vocabulary="restrictions_on_use", group="sharing", zh="使用限制",
                               en="Restrictions on use",
                               aliases=("restrictions on use", "使用限制条件"),
                               description_en="MIRRI: 1 no restrictions; 2 research use only; 3 commercial "
                                              "development needs a special agreement.",
                               description_zh="MIRRI：1 无限制；2 仅限研究使用；3 商业开发需另签协议。")
    nagoya_status = term(Kind.STRING, "cat:nagoyaStatus", recommended=True, vocabulary="nagoya_status",
                         group="sharing", zh="名古屋议定书合规条件", en="Nagoya Protocol compliance conditions",
                         aliases=("nagoya protocol compliance conditions", "nagoya protocol", "nagoya",
                                  "名古屋议定书"),
                         description_en="MIRRI: 1 no known restrictions; 2 proof of legal access and terms of use "
                                        "held by the collection; 3 probably in scope, contact the collection.",
                         description_zh="MIRRI：1 无已知限制；2 保藏机构持有合法获取及使用条件的证明；"
                                        "3 可能适用，请联系保藏机构。")
    # ------------------------------------------------------------------ other
    sequence_accessions = term(Kind.LIST, "dwc:associatedSequences", group="other", zh="序列登录号",
                               en="Sequence accessions",
                               aliases=("sequence accessions", "insdc accession", "genbank accession",
                                        "16s sequence", "16S rRNA accession", "GenBank登录号", "基因序列登录号"),
                               description_en="INSDC (GenBank/ENA/DDBJ) accessions of the strain's sequences "
                                              "(\"MN123456\", \"CP020102.1\").",
                               description_zh="该菌株序列在 INSDC（GenBank/ENA/DDBJ）的登录号（如 MN123456、CP020102.1）。")
    applications = term(Kind.TEXT, "cat:applications", group="other", max_length=2000, zh="主要用途",
                        en="Applications", aliases=("application", "用途", "应用"),
                        description_en="Known and potential uses (enzyme production, biocontrol, teaching …).",
                        description_zh="已知及潜在用途（产酶、生物防治、教学等）。")
    literature = term(Kind.LIST, "dwc:associatedReferences", group="other", separator=";", zh="参考文献",
                      en="Literature", aliases=("references", "文献", "相关文献", "publications"),
                      description_en="PMIDs, DOIs or citations, separated by \";\".",
                      description_zh="PMID、DOI 或文献引文，以“;”分隔。")


def basis_of_record(payload: dict) -> str:
    """The Darwin Core class of a strain that states none: a culture is alive."""
    return "LivingSpecimen"


LABELS = {"zh": "微生物菌毒种", "en": "Microbial strains"}   # the domain's name on pages, facets and exports
