"""The common core every resource has, whatever its domain (regulation Art. 6.3's unified standard)."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema

from schemas.fields import Kind, term


class CoreSchema(Schema):
    """Identifier, names, origin, dates, preservation and sharing. Domain schemas add to it and may
    specialise a core field (its term, aliases and labels) by declaring it again under the same name."""

    class Meta:
        unknown = EXCLUDE
        ordered = True

    local_id = term(Kind.STRING, "dwc:catalogNumber", required=True, core="local_id", group="identification",
                    max_length=128, zh="资源编号", en="Local identifier",
                    aliases=("id", "local id", "编号", "资源编号", "catalogue number", "catalog number"),
                    description_en="The holding center's own number for the resource; with the center code and "
                                   "domain it forms the platform identifier.",
                    description_zh="资源库自己的资源编号；与资源库代码和领域一起构成平台资源标识。")
    name_zh = term(Kind.STRING, "cat:nameZh", core="name_zh", group="identification",
                   zh="中文名称", en="Chinese name", aliases=("资源名称", "中文名", "name zh", "chinese name"))
    name_en = term(Kind.STRING, "cat:nameEn", core="name_en", group="identification",
                   zh="英文名称", en="English name", aliases=("资源外文名", "英文名", "name en", "english name"))
    scientific_name = term(Kind.STRING, "dwc:scientificName", recommended=True, core="scientific_name",
                           group="taxon", zh="学名", en="Scientific name",
                           aliases=("学名", "拉丁名", "latin name", "taxon name", "species name"),
                           description_en="Full scientific name, with authorship where known.",
                           description_zh="完整学名，已知时包括命名人。")
    country_code = term(Kind.STRING, "dwc:countryCode", recommended=True, vocabulary="country", core="country_code",
                        group="origin", zh="国家", en="Country", aliases=("country", "国家", "原产国", "国别"),
                        description_en="ISO 3166-1 code or country name in Chinese or English.",
                        description_zh="ISO 3166-1 代码或中英文国家名称。")
    state_province = term(Kind.STRING, "dwc:stateProvince", group="origin", zh="省/州", en="State or province",
                          aliases=("province", "省", "省份", "原产省"))
    county = term(Kind.STRING, "dwc:county", group="origin", zh="县/区", en="County", aliases=("县", "区县"))
    locality = term(Kind.TEXT, "dwc:locality", recommended=True, core="locality", group="origin",
                    zh="产地", en="Locality", aliases=("原产地", "采集地", "地点", "place"), max_length=4000)
    decimal_latitude = term(Kind.DECIMAL, "dwc:decimalLatitude", recommended=True, core="decimal_latitude",
                            group="origin", minimum=-90, maximum=90, zh="纬度", en="Latitude",
                            aliases=("latitude", "lat", "纬度"),
                            description_en="Decimal degrees, north positive.", description_zh="十进制度，北纬为正。")
    decimal_longitude = term(Kind.DECIMAL, "dwc:decimalLongitude", recommended=True, core="decimal_longitude",
                             group="origin", minimum=-180, maximum=180, zh="经度", en="Longitude",
                             aliases=("longitude", "lon", "lng", "经度"),
                             description_en="Decimal degrees, east positive.", description_zh="十进制度，东经为正。")
    coordinate_uncertainty_m = term(Kind.DECIMAL, "dwc:coordinateUncertaintyInMeters", core="coordinate_uncertainty_m",
                                    group="origin", zh="坐标误差（米）", en="Coordinate uncertainty (m)",
                                    aliases=("coordinate uncertainty", "坐标误差"))
    geodetic_datum = term(Kind.STRING, "dwc:geodeticDatum", core="geodetic_datum", group="origin",
                          zh="大地基准", en="Geodetic datum", aliases=("datum", "坐标系"), max_length=32)
    event_date = term(Kind.DATE, "dwc:eventDate", recommended=True, core="event_date", group="collection",
                      zh="采集日期", en="Collecting date", aliases=("date", "采集时间", "collection date"),
                      description_en="ISO 8601: 2019-04-12, 2019-04, 2019 or an interval 2019-04-01/2019-04-15.",
                      description_zh="ISO 8601：2019-04-12、2019-04、2019 或区间 2019-04-01/2019-04-15。")
    preservation_method = term(Kind.STRING, "dwc:preparations", core="preservation_method", group="preservation",
                               zh="保存方式", en="Preservation method", aliases=("保存方法", "preservation"),
                               max_length=100)
    preservation_place = term(Kind.STRING, "cat:preservationPlace", core="preservation_place", group="preservation",
                              zh="保存地点", en="Preservation place", aliases=("保存单位", "保存地点", "storage location"),
                              max_length=200)
    preservation_status = term(Kind.STRING, "dwc:disposition", core="preservation_status", group="preservation",
                               zh="保存状态", en="Preservation status", aliases=("保存状态",), max_length=100)
    availability = term(Kind.STRING, "cat:availability", core="availability", group="sharing",
                        zh="可获得性", en="Availability", aliases=("可获得性", "供应状态"), max_length=32)
    sharing_mode = term(Kind.STRING, "dcterms:accessRights", vocabulary="sharing_mode", closed=True,
                        core="sharing_mode", group="sharing", zh="共享方式", en="Sharing mode",
                        aliases=("sharing_mode", "共享方式", "sharing mode"),
                        description_en="open, on_request, restricted or confidential; the submission's default applies "
                                       "when empty.",
                        description_zh="公开共享、依申请共享、限制共享或保密；为空时采用本次汇交的默认值。")
    quantity = term(Kind.STRING, "dwc:objectQuantity", core="quantity", group="preservation",
                    zh="数量", en="Quantity", aliases=("数量", "库存量"), max_length=100)
    licence = term(Kind.STRING, "dcterms:license", core="licence", group="sharing", zh="许可协议", en="Licence",
                   aliases=("license", "许可", "许可证"), max_length=200)
    rights_holder = term(Kind.STRING, "dcterms:rightsHolder", core="rights_holder", group="sharing",
                         zh="权利人", en="Rights holder", aliases=("权利人", "所有者"), max_length=200)
    remarks = term(Kind.TEXT, "cat:remarks", group="other", zh="备注", en="Remarks",
                   aliases=("remarks", "备注", "notes", "说明"), max_length=10000)
