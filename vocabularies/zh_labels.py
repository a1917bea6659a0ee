"""Hand tables of Simplified Chinese labels (and a few extra alt labels) for the derived vocabularies.

Each value is (zh prefLabel, zh altLabels). Codes missing from a table get the English label as a
placeholder zh label, flagged with skos:editorialNote in the generated file.
"""
from __future__ import annotations

Table = dict[str, tuple[str, tuple[str, ...]]]

# GBIF file zh labels are Traditional; converted by hand, the Traditional originals stay as zh-Hant altLabels.
BASIS_OF_RECORD: Table = {
    "PreservedSpecimen": ("保存标本", ("馆藏标本",)),
    "FossilSpecimen": ("化石标本", ()),
    "LivingSpecimen": ("活体标本", ()),
    "HumanObservation": ("人为观测", ("人工观测",)),
    "MachineObservation": ("机器观测", ()),
    "MaterialEntity": ("材料实体", ("实物材料",)),
    "MaterialSample": ("材料样本", ("材料样本资讯",)),
    "Occurrence": ("出现记录", ()),
    "MaterialCitation": ("文献记录", ("文献引证材料",)),
}

OCCURRENCE_STATUS: Table = {
    "present": ("存在", ("出现", "检出")),
    "absent": ("不存在", ("未出现", "未检出")),
}

# Botanical forms first (prefLabel), zoological equivalents as altLabels.
TYPE_STATUS: Table = {
    "holotype": ("主模式", ("正模", "主模式标本", "正模标本")),
    "isotype": ("等模式", ("等模式标本",)),
    "paratype": ("副模式", ("副模", "副模式标本", "副模标本")),
    "syntype": ("合模式", ("全模", "合模式标本", "全模标本")),
    "lectotype": ("选模式", ("选模", "后选模", "选模式标本", "后选模标本")),
    "neotype": ("新模式", ("新模", "新模式标本", "新模标本")),
    "epitype": ("附加模式", ("附加模式标本",)),
    "type": ("模式", ("模式标本",)),
    "isolectotype": ("等选模式", ()),
    "isoneotype": ("等新模式", ()),
    "isosyntype": ("等合模式", ()),
    "paralectotype": ("副选模式", ("副选模", "副后选模")),
    "allotype": ("配模", ("配模标本",)),
    "topotype": ("地模", ("地模标本",)),
    "originalmaterial": ("原始材料", ()),
    "typeSpecies": ("模式种", ()),
    "typeGenus": ("模式属", ()),
}
# Built by analogy with the forms above (iso- 等, para- 副), not checked against a Chinese glossary.
TYPE_STATUS_BY_ANALOGY = {
    "isoparatype": ("等副模式", ()),
    "paraneotype": ("副新模式", ("副新模",)),
}

TAXON_RANK: Table = {
    "domain": ("域", ("总界",)),
    "kingdom": ("界", ()),
    "subkingdom": ("亚界", ()),
    "superphylum": ("总门", ()),
    "phylum": ("门", ()),
    "subphylum": ("亚门", ()),
    "superclass": ("总纲", ()),
    "class": ("纲", ()),
    "subclass": ("亚纲", ()),
    "superorder": ("总目", ()),
    "order": ("目", ()),
    "suborder": ("亚目", ()),
    "infraorder": ("下目", ()),
    "superfamily": ("总科", ()),
    "family": ("科", ()),
    "subfamily": ("亚科", ()),
    "tribe": ("族", ()),
    "subtribe": ("亚族", ()),
    "genus": ("属", ()),
    "subgenus": ("亚属", ()),
    "section": ("组", ("节",)),
    "subsection": ("亚组", ("亚节",)),
    "series": ("系", ()),
    "subseries": ("亚系", ()),
    "speciesAggregate": ("集合种", ("种团", "种组")),
    "species": ("种", ("物种",)),
    "subspecies": ("亚种", ()),
    "variety": ("变种", ()),
    "subvariety": ("亚变种", ()),
    "form": ("变型", ()),
    "subform": ("亚变型", ()),
    "pathovar": ("致病型", ("致病变种",)),
    "biovar": ("生物型", ("生物变种",)),
    "chemovar": ("化学型", ("化学变种",)),
    "morphovar": ("形态型", ("形态变种",)),
    "phagovar": ("噬菌体型", ()),
    "serovar": ("血清型", ("血清变种",)),
    "formaspecialis": ("专化型", ()),
    "cultivarGroup": ("品种群", ()),
    "cultivar": ("栽培品种", ("品种",)),
    "strain": ("菌株", ("品系",)),
    "informal": ("非正式等级", ()),
    "unranked": ("无等级", ("未定等级",)),
    "supragenericname": ("属级以上名称", ()),
    "infragenericname": ("属下名称", ()),
    "infraspecificname": ("种下名称", ()),
    "infrasubspecificname": ("亚种下名称", ()),
}

SAMPSTAT: Table = {
    "100": ("野生", ("野生资源", "野生种", "野生材料")),
    "110": ("自然野生", ()),
    "120": ("半自然/野生", ()),
    "130": ("半自然/播种", ()),
    "200": ("杂草型", ("杂草",)),
    "300": ("地方品种", ("农家品种", "传统品种", "农家种", "地方种", "地方农家品种")),
    "400": ("育种/研究材料", ("育种材料", "研究材料", "育种研究材料")),
    "410": ("育种品系", ("品系", "选育品系", "育成品系", "高代品系")),
    "411": ("合成群体", ()),
    "412": ("杂交种", ("杂交品种",)),
    "413": ("基础群体", ("奠基群体",)),
    "414": ("自交系", ()),
    "415": ("分离群体", ()),
    "416": ("无性系选择", ()),
    "420": ("遗传材料", ("遗传研究材料", "遗传储备材料")),
    "421": ("突变体", ("突变系", "诱变材料")),
    "422": ("细胞遗传材料", ()),
    "423": ("其他遗传材料", ()),
    "500": ("选育品种", ("改良品种", "育成品种", "培育品种", "现代品种", "审定品种")),
    "600": ("转基因材料", ("转基因", "转基因品种")),
    "999": ("其他", ()),
}

COLLSRC: Table = {
    "10": ("野生生境", ("野外", "自然生境", "野生环境")),
    "11": ("森林或林地", ("森林", "林地")),
    "12": ("灌丛", ("灌木丛",)),
    "13": ("草地", ("草原",)),
    "14": ("荒漠或苔原", ("荒漠", "沙漠", "苔原")),
    "15": ("水生生境", ("水域", "水体")),
    "20": ("农田或栽培生境", ("农田", "栽培生境", "栽培地", "农户")),
    "21": ("大田", ("田地",)),
    "22": ("果园", ()),
    "23": ("庭院、菜园或家庭园圃", ("庭院", "菜园", "房前屋后", "家庭园圃")),
    "24": ("休耕地", ()),
    "25": ("牧场", ()),
    "26": ("农家仓库", ()),
    "27": ("打谷场", ()),
    "28": ("公园", ()),
    "30": ("市场或商店", ("市场", "集市", "商店", "农贸市场")),
    "40": ("研究机构、试验站、种质库", ("研究机构", "科研单位", "科研院所", "试验站", "种质库", "种质资源库")),
    "50": ("种子公司", ("种业公司", "种子站")),
    "60": ("杂草、受干扰或荒地生境", ("荒地", "受干扰生境", "撂荒地")),
    "61": ("路边", ("路旁", "路边生境")),
    "62": ("田边", ("田埂", "地边")),
    "99": ("其他", ()),
}

STORAGE: Table = {
    "10": ("种子库", ("种子保存",)),
    "11": ("短期库", ()),
    "12": ("中期库", ()),
    "13": ("长期库", ()),
    "20": ("田间保存", ("种质圃",)),
    "30": ("离体保存", ("试管苗库",)),
    "40": ("超低温保存", ()),
    "50": ("DNA保存", ("DNA库",)),
    "99": ("其他", ()),
}

MLSSTAT: Table = {
    "0": ("未纳入多边系统", ("否", "未纳入")),
    "1": ("已纳入多边系统", ("是", "已纳入")),
    "99": ("其他", ()),
}
# English alt labels the MCPD code lists lack but real exports use: MLSSTAT as Y/N or a boolean
# (CRF-INIA's "N"), GRIN's improvement status words for SAMPSTAT.
MCPD_EN_ALT: dict[str, dict[str, tuple[str, ...]]] = {
    "mlsstat": {"0": ("N", "False", "Not included"), "1": ("Y", "True", "Included")},
    "sampstat": {"100": ("Wild relative", "Crop wild relative"), "300": ("Traditional cultivar",),
                 "400": ("Breeding material",), "410": ("Breeding line", "Breeders' line"),
                 "500": ("Cultivar", "Improved cultivar", "Improved variety", "Advanced cultivar", "Modern cultivar"),
                 "600": ("Transgenic",)},
    "collsrc": {},
}

RISK_GROUP: Table = {
    "1": ("危害等级I", ("风险组1",)),
    "2": ("危害等级II", ("风险组2",)),
    "3": ("危害等级III", ("风险组3",)),
    "4": ("危害等级IV", ("风险组4",)),
}

CN_PATHOGEN_CLASS: Table = {
    "1": ("第一类", ("一类", "第一类病原微生物")),
    "2": ("第二类", ("二类", "第二类病原微生物")),
    "3": ("第三类", ("三类", "第三类病原微生物")),
    "4": ("第四类", ("四类", "第四类病原微生物")),
}
# 病原微生物实验室生物安全管理条例 Art. 7, as remembered; check against the regulation text.
CN_PATHOGEN_DEFINITIONS = {
    "1": "能够引起人类或者动物非常严重疾病的微生物，以及我国尚未发现或者已经宣布消灭的微生物。",
    "2": "能够引起人类或者动物严重疾病，比较容易直接或者间接在人与人、动物与人、动物与动物间传播的微生物。",
    "3": "能够引起人类或者动物疾病，但一般情况下对人、动物或者环境不构成严重危害，传播风险有限，"
         "实验室感染后很少引起严重疾病，并且具备有效治疗和预防措施的微生物。",
    "4": "在通常情况下不会引起人类或者动物疾病的微生物。",
}

ORGANISM_TYPE: Table = {
    "Algae": ("藻类", ()),
    "Archaea": ("古菌", ("古细菌",)),
    "Bacteria": ("细菌", ()),
    "Cyanobacteria": ("蓝细菌", ("蓝藻",)),
    "Filamentous Fungi": ("丝状真菌", ("霉菌",)),
    "Phage": ("噬菌体", ()),
    "Plasmid": ("质粒", ()),
    "Virus": ("病毒", ()),
    "Yeast": ("酵母菌", ("酵母",)),
}

NAGOYA_STATUS: Table = {
    "1": ("无已知名古屋议定书限制", ()),
    "2": ("保藏机构持有合法获取证明和使用条件文件", ()),
    "3": ("可能属于名古屋议定书范围，请联系保藏机构", ()),
}

RESTRICTIONS_ON_USE: Table = {
    "1": ("无限制", ()),
    "2": ("仅限科研使用", ()),
    "3": ("商业开发需另行签订协议", ()),
}

FORM_OF_SUPPLY: Table = {
    "Agar": ("琼脂培养物", ("斜面", "琼脂斜面")),
    "Cryo": ("冷冻保存物", ("冻存",)),
    "Dry Ice": ("干冰运输", ("干冰",)),
    "Liquid Culture Medium": ("液体培养物", ()),
    "Lyo": ("冻干物", ("冻干", "冻干管", "冻干粉")),
    "Oil": ("石蜡油保存", ("矿物油保存",)),
    "Water": ("无菌水保存", ()),
}
FORM_OF_SUPPLY_EN_ALT = {
    "Cryo": ("Cryopreserved", "Frozen"),
    "Lyo": ("Lyophilized", "Lyophilised", "Freeze-dried"),
}

BIOSAFETY_LEVEL: Table = {
    "BSL-1": ("生物安全一级", ("一级", "P1")),
    "BSL-2": ("生物安全二级", ("二级", "P2")),
    "BSL-3": ("生物安全三级", ("三级", "P3")),
    "BSL-4": ("生物安全四级", ("四级", "P4")),
    "ABSL-1": ("动物生物安全一级", ()),
    "ABSL-2": ("动物生物安全二级", ()),
    "ABSL-3": ("动物生物安全三级", ()),
    "ABSL-4": ("动物生物安全四级", ()),
}

# geological_sample_type: code → (en, zh, zh alts); exactMatch/provincial codes come from codelists.csv.
GEOLOGICAL_SAMPLE_TYPE = [
    ("rock", "Rock", "岩石", ()),
    ("mineral", "Mineral", "矿物", ()),
    ("fossil", "Fossil", "化石", ()),
    ("ore", "Ore", "矿石", ()),
    ("meteorite", "Meteorite", "陨石", ()),
    ("thin_section", "Thin section", "薄片", ("岩石薄片",)),
    ("polished_section", "Polished section", "光片", ("矿相光片",)),
    ("core", "Core", "岩心", ("岩芯", "钻孔岩心")),
    ("other", "Other", "其他", ("其它",)),
]


# Country names people write that ISO 3166-1 (iso-codes) spells otherwise: short and historic English names,
# the UN/FAO "(… of)" forms (FAO DAD-IS, UN M49), the "UK" code, and the short Chinese names beside the
# official ones (韩国 for 大韩民国). code → (en alt labels, zh alt labels). Never a name two countries could
# claim ("Korea", "Congo" alone, "America").
COUNTRY_ALT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "BO": (("Bolivia", "Bolivia (Plurinational State of)"), ("玻利维亚",)),
    "CD": (("Democratic Republic of the Congo", "DR Congo", "Congo-Kinshasa", "Zaire"), ("刚果（金）", "刚果金", "扎伊尔")),
    "CG": (("Congo-Brazzaville",), ("刚果（布）", "刚果布")),
    "CI": (("Ivory Coast", "Cote d'Ivoire"), ()),
    "CV": (("Cape Verde",), ()),
    "CZ": (("Czech Rep.",), ("捷克共和国",)),
    "FM": (("Micronesia (Federated States of)", "Micronesia"), ()),
    "GB": (("UK", "U.K.", "Great Britain", "Britain", "United Kingdom of Great Britain and Northern Ireland (the)"),
           ("大不列颠", "英联合王国")),
    "IR": (("Iran", "Iran (Islamic Republic of)"), ("伊朗",)),
    "KP": (("North Korea", "Democratic People's Republic of Korea (the)"), ("朝鲜",)),
    "KR": (("South Korea", "Republic of Korea", "Korea, South"), ("韩国", "南韩")),
    "LA": (("Laos", "Lao PDR"), ("老挝",)),
    "MD": (("Moldova",), ("摩尔多瓦",)),
    "MK": (("Macedonia", "FYR Macedonia", "The former Yugoslav Republic of Macedonia"), ("马其顿",)),
    "MM": (("Burma",), ()),
    "NL": (("Netherlands (Kingdom of the)", "Holland", "The Netherlands"), ()),
    "PS": (("Palestine", "State of Palestine"), ()),
    "RU": (("Russia",), ("俄罗斯联邦",)),
    "SY": (("Syria",), ("叙利亚",)),
    "SZ": (("Swaziland",), ("斯威士兰",)),
    "TL": (("East Timor",), ()),
    "TR": (("Turkey",), ()),
    "TZ": (("Tanzania",), ("坦桑尼亚联合共和国",)),
    "US": (("United States of America (the)",), ("美利坚合众国",)),
    "VA": (("Vatican", "Vatican City", "Holy See"), ("梵蒂冈",)),
    "VE": (("Venezuela", "Venezuela (Bolivarian Republic of)"), ("委内瑞拉",)),
    "VI": (("United States Virgin Islands", "US Virgin Islands"), ()),
    "VN": (("Vietnam",), ()),
}
