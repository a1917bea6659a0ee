"""Experimental materials (实验材料): cell lines, primary cells, model-organism strains, antibodies, plasmids,
reagents and tissues. No descriptor standard was verified for this domain (standards.md §0); the schema
uses Darwin Core MaterialEntity terms (catalogNumber, materialEntityType, preparations), Dublin Core for
source and provenance, schema.org for product facts (manufacturer, sku, alternateName, sameAs, identifier
for the RRID), the MIRRI restrictions-on-use codes and GB 19489 biosafety levels, and platform terms for
the cell-line, strain and construct facts no standard names.

Real sources behind the aliases:
- DepMap Model.csv: ModelID, CellLineName, RRID, Age, Sex, SourceType, CatalogNumber, GrowthPattern,
  FormulationID, OncotreeLineage, OncotreePrimaryDisease, OncotreeSubtype, OncotreeCode,
  PrimaryOrMetastasis, SampleCollectionSite, EngineeredModel;
- DepMap sample_info.csv: DepMap_ID, alias, lineage, sex, source, culture_type, culture_medium, RRID,
  sample_collection_site, primary_or_metastasis, disease, disease_subtype, age;
- PHI-base host strains: ncbi_taxid, scientific_name, strain, synonyms, cross_references;
- Chinese cell-bank and reagent catalogues (细胞名称, 种属, 组织来源, 疾病, 细胞形态, 生长特性, 培养基,
  代次, STR, 支原体检测, 货号, 规格, 保存条件, 生产厂家).
"""
from __future__ import annotations

from schemas.core import CoreSchema
from schemas.evidence import Evidence
from schemas.fields import Kind, term

DOMAIN = "experimental_material"


class ExperimentalMaterialSchema(CoreSchema):
    # ------------------------------------------------------------------ identification
    local_id = term(Kind.STRING, "dwc:catalogNumber", required=True, core="local_id", group="identification",
                    max_length=128, zh="资源编号", en="Catalogue number",
                    aliases=("目录号", "编号", "细胞编号", "catalogue number", "catalog number", "cat. no.", "id",
                             "local id", "ModelID", "DepMap_ID"),
                    description_en="The holding center's catalogue number for the material; with the center code it "
                                   "forms the platform identifier.",
                    description_zh="资源库给该材料的目录编号；与资源库代码一起构成平台资源标识。")
    material_type = term(Kind.STRING, "dwc:materialEntityType", required=True, vocabulary="experimental_material_type",
                         closed=True, group="identification", zh="材料类型", en="Material type",
                         aliases=("material type", "resource type", "资源类型", "材料类别"),
                         description_en="cell_line, primary_cell, model_organism_strain, antibody, plasmid, reagent, "
                                        "tissue or other (Chinese or English names accepted).",
                         description_zh="细胞系、原代细胞、模式生物品系、抗体、质粒、试剂、组织或其他（可填中文或英文名称）。")
    name_zh = term(Kind.STRING, "cat:nameZh", recommended=True, core="name_zh", group="identification",
                   zh="中文名称", en="Chinese name",
                   aliases=("资源名称", "中文名", "材料名称", "细胞名称", "品系名称", "name zh", "chinese name"),
                   description_en="Name in Chinese (人宫颈癌细胞 HeLa, C57BL/6J 小鼠).",
                   description_zh="中文名称（如 人宫颈癌细胞 HeLa、C57BL/6J 小鼠）。")
    name_en = term(Kind.STRING, "cat:nameEn", recommended=True, core="name_en", group="identification",
                   zh="英文名称", en="Name",
                   aliases=("英文名", "外文名", "资源外文名", "name", "name en", "english name", "CellLineName",
                            "cell line name", "cell line", "strain", "strain name"),
                   description_en="The material's name as the literature writes it (HeLa, NIH:OVCAR-3, C57BL/6J, "
                                  "pcDNA3.1(+)).",
                   description_zh="文献通用的英文名称（如 HeLa、NIH:OVCAR-3、C57BL/6J、pcDNA3.1(+)）。")
    synonyms = term(Kind.LIST, "schema:alternateName", group="identification", separator=",", zh="别名",
                    en="Synonyms", aliases=("其他名称", "alias", "synonyms", "other names"),
                    description_en="Other names, comma-separated as DepMap and PHI-base write them (OVCAR3, "
                                   "OVCAR-3).",
                    description_zh="其他名称，以英文逗号分隔（如 OVCAR3, OVCAR-3）。")
    rrid = term(Kind.STRING, "schema:identifier", recommended=True, group="identification", max_length=64,
                zh="RRID 标识", en="RRID",
                aliases=("RRID", "research resource identifier", "Cellosaurus ID", "cellosaurus accession"),
                description_en="Research Resource Identifier (RRID:CVCL_0030 for a cell line, RRID:IMSR_JAX:000664 "
                               "for a mouse strain, RRID:AB_2107436 for an antibody, RRID:Addgene_12345 for a "
                               "plasmid); a bare Cellosaurus accession (CVCL_0030) is accepted.",
                description_zh="科研资源标识符（如细胞系 RRID:CVCL_0030、小鼠品系 RRID:IMSR_JAX:000664、抗体 "
                               "RRID:AB_2107436、质粒 RRID:Addgene_12345）；也可只填 Cellosaurus 编号（CVCL_0030）。")
    cross_references = term(Kind.LIST, "schema:sameAs", group="identification", separator=",",
                            zh="数据库交叉引用", en="Cross-references",
                            aliases=("cross references", "cross_references", "xrefs", "外部数据库编号"),
                            description_en="Identifiers of the same material in other databases, comma-separated "
                                           "(BTO:0000836, CVCL_U226, MGI:3028467).",
                            description_zh="该材料在其他数据库中的编号，以英文逗号分隔（如 BTO:0000836, CVCL_U226）。")
    # ------------------------------------------------------------------ taxon
    scientific_name = term(Kind.STRING, "dwc:scientificName", recommended=True, core="scientific_name",
                           group="taxon", zh="物种", en="Species",
                           aliases=("学名", "拉丁名", "种属", "来源物种", "species", "organism", "scientific name",
                                    "latin name"),
                           description_en="Scientific name of the organism the material comes from or, for "
                                          "antibodies and reagents, is raised against (Homo sapiens, Mus musculus).",
                           description_zh="材料来源物种的学名（如 Homo sapiens、Mus musculus）。")
    taxon_id = term(Kind.STRING, "dwc:taxonID", group="taxon", max_length=64, zh="NCBI 分类号",
                    en="NCBI Taxonomy ID", aliases=("ncbi_taxid", "taxid", "NCBI taxonomy id", "taxon id"),
                    description_en="NCBI Taxonomy identifier of the species (9606).",
                    description_zh="物种的 NCBI Taxonomy 编号（如 9606）。")
    # ------------------------------------------------------------------ origin and supply
    source = term(Kind.STRING, "dcterms:source", recommended=True, group="origin", max_length=500, zh="来源",
                  en="Source",
                  aliases=("来源单位", "材料来源", "引进来源", "source", "SourceType", "obtained from"),
                  description_en="Where the center obtained the material: the collection, laboratory or company "
                                 "(ATCC, DSMZ, 中国科学院细胞库, or the establishing laboratory).",
                  description_zh="本库获得该材料的来源：保藏机构、实验室或公司（如 ATCC、DSMZ、中国科学院细胞库或"
                                 "建系实验室）。")
    history = term(Kind.TEXT, "dcterms:provenance", group="origin", max_length=4000, zh="保藏历史",
                   en="History",
                   aliases=("history", "provenance", "传递历史", "来源历史"),
                   description_en="Chain of custody since the material was established (ATCC < Lab X, 1998).",
                   description_zh="材料建立以来的传递经过（如 ATCC < 某实验室, 1998）。")
    supplier = term(Kind.STRING, "schema:manufacturer", group="origin", max_length=200, zh="生产厂家",
                    en="Manufacturer or supplier",
                    aliases=("供应商", "生产商", "厂家", "厂商", "manufacturer", "vendor", "supplier"),
                    description_en="Company that makes or sells the antibody, reagent or kit.",
                    description_zh="生产或销售该抗体、试剂或试剂盒的公司。")
    supplier_catalog_number = term(Kind.STRING, "schema:sku", group="origin", max_length=128, zh="货号",
                                   en="Supplier catalogue number",
                                   aliases=("supplier catalog number", "supplier catalogue number",
                                            "vendor catalog number", "厂家货号", "原货号"),
                                   description_en="The source's or manufacturer's catalogue number (HTB-71, ab1791). "
                                                  "DepMap calls it CatalogNumber, which the column mapper gives to the "
                                                  "catalogue number (dwc:catalogNumber): map it here with a mapping "
                                                  "file.",
                                   description_zh="来源机构或厂家的货号（如 HTB-71、ab1791）。DepMap 的 CatalogNumber "
                                                  "列按术语会对应本库目录号，需用映射文件指定到此字段。")
    event_date = term(Kind.DATE, "dwc:eventDate", core="event_date", group="origin", zh="建立日期",
                      en="Date established",
                      aliases=("date established", "production date", "建系日期", "制备日期", "生产日期", "date"),
                      description_en="Date the line or strain was established, or the lot produced; ISO 8601.",
                      description_zh="细胞系或品系的建立日期，或批次的制备日期；ISO 8601 格式。")
    country_code = term(Kind.STRING, "dwc:countryCode", vocabulary="country", core="country_code", group="origin",
                        zh="国家", en="Country",
                        aliases=("country", "国别", "原产国"),
                        description_en="Country where the material was established or sampled: ISO 3166-1 code or "
                                       "name in Chinese or English; stored as alpha-2.",
                        description_zh="材料建立或取样的国家：ISO 3166-1 代码或中英文国名；存为两字母代码。")
    locality = term(Kind.TEXT, "dwc:locality", core="locality", group="origin", max_length=4000, zh="产地",
                    en="Locality", aliases=("原产地", "采集地", "地点", "place"))
    decimal_latitude = term(Kind.DECIMAL, "dwc:decimalLatitude", core="decimal_latitude", group="origin",
                            minimum=-90, maximum=90, zh="纬度", en="Latitude", aliases=("latitude", "lat"),
                            description_en="Decimal degrees, north positive; only for material sampled in the field.",
                            description_zh="十进制度，北纬为正；仅野外取样的材料需填。")
    decimal_longitude = term(Kind.DECIMAL, "dwc:decimalLongitude", core="decimal_longitude", group="origin",
                             minimum=-180, maximum=180, zh="经度", en="Longitude",
                             aliases=("longitude", "lon", "lng"),
                             description_en="Decimal degrees, east positive; only for material sampled in the field.",
                             description_zh="十进制度，东经为正；仅野外取样的材料需填。")
    # ------------------------------------------------------------------ characteristics (cell lines, tissues)
    tissue = term(Kind.STRING, "cat:tissue", group="characteristics", max_length=200, zh="组织来源",
                  en="Tissue of origin",
                  aliases=("tissue", "tissue of origin", "组织", "组织类型", "lineage", "OncotreeLineage"),
                  description_en="Organ or tissue the material was derived from (Ovary/Fallopian Tube, 肺).",
                  description_zh="材料来源的器官或组织（如 卵巢/输卵管、肺）。")
    sample_collection_site = term(Kind.STRING, "cat:sampleCollectionSite", group="characteristics", max_length=200,
                                  zh="取材部位", en="Sample collection site",
                                  aliases=("sample collection site", "SampleCollectionSite", "采样部位"),
                                  description_en="Site the sample was taken from when it differs from the tissue of "
                                                 "origin (ascites, lymph node).",
                                  description_zh="与组织来源不同时的具体取材部位（如 腹水、淋巴结）。")
    disease = term(Kind.STRING, "cat:disease", group="characteristics", max_length=200, zh="疾病", en="Disease",
                   aliases=("disease", "primary disease", "OncotreePrimaryDisease", "疾病名称", "病种", "来源疾病"),
                   description_en="Disease of the donor the material was derived from (Ovarian Epithelial Tumor); "
                                  "\"normal\" for non-diseased tissue.",
                   description_zh="材料供体所患疾病（如 卵巢上皮肿瘤）；正常组织填“正常”。")
    disease_subtype = term(Kind.STRING, "cat:diseaseSubtype", group="characteristics", max_length=200,
                           zh="疾病亚型", en="Disease subtype",
                           aliases=("disease subtype", "disease_subtype", "OncotreeSubtype"))
    oncotree_code = term(Kind.STRING, "cat:oncotreeCode", group="characteristics", max_length=32,
                         zh="OncoTree 代码", en="OncoTree code", aliases=("OncotreeCode", "oncotree"),
                         description_en="OncoTree code of the tumour type (HGSOC, AML).",
                         description_zh="肿瘤类型的 OncoTree 代码（如 HGSOC、AML）。")
    primary_or_metastasis = term(Kind.STRING, "cat:primaryOrMetastasis", group="characteristics", max_length=32,
                                 zh="原发或转移", en="Primary or metastasis",
                                 aliases=("primary or metastasis", "PrimaryOrMetastasis", "原发/转移"),
                                 description_en="Whether the tumour sample was primary or metastatic.",
                                 description_zh="肿瘤样本为原发灶还是转移灶。")
    donor_age = term(Kind.DECIMAL, "cat:donorAge", group="characteristics", minimum=0, maximum=150,
                     zh="供体年龄（岁）", en="Donor age (years)",
                     aliases=("donor age", "age", "供体年龄", "年龄"),
                     description_en="Age of the donor in years when sampled; fractions allowed (1.5).",
                     description_zh="取样时供体的年龄（岁），可为小数（如 1.5）。")
    donor_sex = term(Kind.STRING, "dwc:sex", vocabulary="sex", group="characteristics", zh="供体性别",
                     en="Donor sex", aliases=("donor sex", "sex", "性别"),
                     description_en="male, female, hermaphrodite or unknown (DepMap's Male/Female/Unknown match).",
                     description_zh="雄、雌、雌雄同体或未知（DepMap 的 Male/Female/Unknown 可直接识别）。")
    morphology = term(Kind.STRING, "cat:morphology", group="characteristics", max_length=200, zh="细胞形态",
                      en="Morphology", aliases=("morphology", "形态"),
                      description_en="Cell morphology (epithelial, fibroblast-like, lymphoblast).",
                      description_zh="细胞形态（如 上皮样、成纤维样、淋巴母细胞样）。")
    growth_pattern = term(Kind.STRING, "cat:growthPattern", group="characteristics", max_length=64,
                          zh="生长特性", en="Growth pattern",
                          aliases=("growth pattern", "GrowthPattern", "culture type", "culture_type", "生长方式",
                                   "培养类型"),
                          description_en="Adherent, suspension or mixed.", description_zh="贴壁、悬浮或混合生长。")
    culture_medium = term(Kind.TEXT, "cat:cultureMedium", group="characteristics", max_length=2000, zh="培养基",
                          en="Culture medium",
                          aliases=("culture medium", "culture_medium", "growth medium", "medium", "FormulationID",
                                   "完全培养基", "培养条件"),
                          description_en="Complete medium and culture conditions (RPMI-1640 + 10% FBS, 37 °C, 5% CO2).",
                          description_zh="完全培养基及培养条件（如 RPMI-1640 + 10% FBS，37℃，5% CO2）。")
    # ------------------------------------------------------------------ genetics and constructs
    genotype = term(Kind.TEXT, "cat:genotype", group="genetics", max_length=4000, zh="基因型", en="Genotype",
                    aliases=("genotype", "strain genotype", "基因修饰", "遗传修饰", "EngineeredModel"),
                    description_en="Genotype or genetic modification, in the nomenclature of the organism "
                                   "(Trp53<tm1Tyj>/J; CRISPR knockout of TP53).",
                    description_zh="基因型或遗传修饰，按该物种的命名规则书写（如 Trp53<tm1Tyj>/J；CRISPR 敲除 TP53）。")
    genetic_background = term(Kind.STRING, "cat:geneticBackground", group="genetics", max_length=200,
                              zh="遗传背景", en="Genetic background",
                              aliases=("genetic background", "background strain", "background", "背景品系"),
                              description_en="Background strain of a model organism line (C57BL/6J).",
                              description_zh="模式生物品系的遗传背景（如 C57BL/6J）。")
    target = term(Kind.STRING, "cat:target", group="genetics", max_length=200, zh="靶标", en="Target",
                  aliases=("target", "antigen", "target antigen", "靶点", "抗原"),
                  description_en="Antigen an antibody recognises, or gene a reagent targets (TP53, GAPDH).",
                  description_zh="抗体识别的抗原或试剂作用的靶基因（如 TP53、GAPDH）。")
    host_organism = term(Kind.STRING, "cat:hostOrganism", group="genetics", max_length=200, zh="宿主",
                         en="Host organism",
                         aliases=("host", "host organism", "host species", "raised in", "免疫动物", "宿主菌"),
                         description_en="Animal an antibody was raised in (rabbit), or host strain a plasmid is "
                                        "propagated in (E. coli DH5α).",
                         description_zh="抗体的免疫动物（如 兔），或质粒扩增所用的宿主菌（如 大肠杆菌 DH5α）。")
    clonality = term(Kind.STRING, "cat:clonality", group="genetics", max_length=32, zh="克隆性", en="Clonality",
                     aliases=("clonality", "单抗/多抗"),
                     description_en="Monoclonal, polyclonal or recombinant.", description_zh="单克隆、多克隆或重组。")
    clone = term(Kind.STRING, "cat:cloneID", group="genetics", max_length=64, zh="克隆号", en="Clone",
                 aliases=("clone", "clone id", "clone name"),
                 description_en="Clone name of a monoclonal antibody or cell clone (DO-1).",
                 description_zh="单克隆抗体或细胞克隆的克隆号（如 DO-1）。")
    vector_backbone = term(Kind.STRING, "cat:vectorBackbone", group="genetics", max_length=200, zh="载体骨架",
                           en="Vector backbone",
                           aliases=("vector backbone", "vector", "backbone", "载体", "载体名称"),
                           description_en="Backbone of a plasmid (pcDNA3.1(+), pLKO.1).",
                           description_zh="质粒的载体骨架（如 pcDNA3.1(+)、pLKO.1）。")
    insert = term(Kind.STRING, "cat:insert", group="genetics", max_length=500, zh="插入片段", en="Insert",
                  aliases=("insert", "gene/insert", "gene insert", "目的基因"),
                  description_en="Gene or fragment cloned into a plasmid (human TP53 CDS).",
                  description_zh="质粒中克隆的基因或片段（如 人 TP53 编码序列）。")
    selectable_marker = term(Kind.STRING, "cat:selectableMarker", group="genetics", max_length=200, zh="抗性标记",
                             en="Selectable marker",
                             aliases=("selectable marker", "resistance", "bacterial resistance", "筛选标记", "抗性"),
                             description_en="Selection markers of a construct (ampicillin; neomycin).",
                             description_zh="构建体的筛选标记（如 氨苄青霉素；新霉素）。")
    # ------------------------------------------------------------------ quality
    passage_number = term(Kind.INTEGER, "cat:passageNumber", group="quality", minimum=0, zh="代次",
                          en="Passage number",
                          aliases=("passage", "passage number", "传代次数", "冻存代次"),
                          description_en="Passage number of the frozen stock.", description_zh="冻存细胞的传代次数。")
    authentication = term(Kind.TEXT, "cat:authentication", group="quality", max_length=2000, zh="鉴定方法",
                          en="Authentication",
                          aliases=("authentication", "authentication method", "鉴定", "细胞鉴定", "种属鉴定"),
                          description_en="How identity was confirmed: STR profiling, species PCR, isoenzymes, "
                                         "sequencing, genotyping of the strain.",
                          description_zh="确认材料身份的方法：STR 分型、种属 PCR、同工酶、测序、品系基因型鉴定等。")
    str_profile = term(Kind.TEXT, "cat:strProfile", group="quality", max_length=4000, zh="STR 图谱",
                       en="STR profile",
                       aliases=("STR", "STR profile", "STR图谱", "STR分型", "STR 分型"),
                       description_en="Short tandem repeat profile (Amelogenin: X; CSF1PO: 9,10; D5S818: 11,12 …).",
                       description_zh="短串联重复序列分型结果（如 Amelogenin: X; CSF1PO: 9,10 …）。")
    mycoplasma = term(Kind.STRING, "cat:mycoplasmaTest", group="quality", max_length=200, zh="支原体检测",
                      en="Mycoplasma test",
                      aliases=("mycoplasma", "mycoplasma test", "mycoplasma testing", "mycoplasma status", "支原体"),
                      description_en="Result, method and date of the mycoplasma test (negative, PCR, 2024-03).",
                      description_zh="支原体检测结果、方法和日期（如 阴性，PCR 法，2024-03）。")
    quality_control = term(Kind.TEXT, "cat:qualityControl", group="quality", max_length=4000, zh="质量控制",
                           en="Quality control",
                           aliases=("quality control", "certificate of analysis", "certification", "CoA", "质控",
                                    "质检", "质检报告", "无菌检测"),
                           description_en="Other quality checks and certificates: sterility, viability after "
                                          "thawing, titre, purity, lot certificate.",
                           description_zh="其他质量检测与证明：无菌检测、复苏存活率、效价、纯度、批次质检报告等。")
    references = term(Kind.LIST, "dwc:associatedReferences", group="quality", zh="参考文献", en="References",
                      aliases=("references", "publications", "literature", "文献"),
                      description_en="Publications describing or using the material (PMIDs, DOIs), \" | \"-separated.",
                      description_zh="描述或使用该材料的文献（PMID、DOI），以“ | ”分隔。")
    # ------------------------------------------------------------------ preservation and sharing
    preservation_method = term(Kind.STRING, "dwc:preparations", core="preservation_method", group="preservation",
                               max_length=100, zh="保存条件", en="Storage conditions",
                               aliases=("保存方式", "保存方法", "储存条件", "储存方式", "storage conditions", "storage",
                                        "preservation"),
                               description_en="How the material is kept (liquid nitrogen vapour phase; -80 °C; "
                                              "2–8 °C, protected from light).",
                               description_zh="保存条件（如 液氮气相；-80℃；2–8℃ 避光）。")
    quantity = term(Kind.STRING, "dwc:objectQuantity", core="quantity", group="preservation", max_length=100,
                    zh="数量", en="Quantity", aliases=("库存量", "规格", "支数", "package size"),
                    description_en="Stock held, with its unit (20 vials; 100 µL).",
                    description_zh="库存数量及单位（如 20 支；100 µL）。")
    restrictions_on_use = term(Kind.STRING, "cat:restrictionsOnUse", vocabulary="restrictions_on_use",
                               group="sharing", zh="使用限制", en="Restrictions on use",
                               aliases=("restrictions on use", "restrictions", "terms of use", "使用条件", "使用范围"),
                               description_en="MIRRI codes: 1 no restrictions, 2 research use only, 3 commercial "
                                              "development needs a special agreement.",
                               description_zh="MIRRI 代码：1 无限制、2 仅限科研使用、3 商业开发需另签协议。")
    biosafety_level = term(Kind.STRING, "cat:biosafetyLevel", vocabulary="biosafety_level", group="sharing",
                           zh="生物安全等级", en="Biosafety level",
                           aliases=("biosafety level", "BSL", "实验室生物安全等级", "安全等级"),
                           description_en="Laboratory biosafety level needed to handle the material (BSL-1 … BSL-4, "
                                          "GB 19489).",
                           description_zh="操作该材料所需的实验室生物安全防护等级（BSL-1 至 BSL-4，GB 19489）。")


# Columns that show what a whole file's materials are, when it has no material-type column.
FILE_EVIDENCE = {"material_type": (
    Evidence("cell_line", ("cell line", "cellline", "cell_line_name", "cellosaurus", "rrid", "ccle_name", "depmap"),
             "cell-line names or cell-line accessions", "细胞系名称或细胞系编号"),
    Evidence("plasmid", ("plasmid", "质粒", "vector backbone"), "plasmid or vector columns", "质粒或载体列"),
    Evidence("antibody", ("antibody", "抗体", "clonality", "host species"), "antibody columns", "抗体列"))}


def basis_of_record(payload: dict) -> str:
    """The Darwin Core class of a material that states none: a sample of something."""
    return "MaterialSample"


LABELS = {"zh": "实验材料", "en": "Experimental materials"}   # the domain's name on pages, facets and exports
