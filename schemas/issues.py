"""Problems in the data, as values: an Issue has a stable code, a severity and zh/en text from its template.

Codes follow GBIF's flag names where one exists, because curators already know them. Once shipped, a
code keeps its name.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"      # the row is rejected
    WARNING = "warning"  # the row is kept with a quality flag


@dataclass(frozen=True)
class IssueType:
    severity: Severity
    en: str
    zh: str


E, W = Severity.ERROR, Severity.WARNING
CATALOGUE: dict[str, IssueType] = {
    "REQUIRED_FIELD_MISSING": IssueType(E, "{label_en} is required but empty.", "必填字段“{label_zh}”为空。"),
    "RECOMMENDED_FIELD_MISSING": IssueType(W, "{label_en} is recommended but empty.", "建议填写字段“{label_zh}”为空。"),
    "VALUE_TOO_LONG": IssueType(E, "{label_en} is {length} characters long; at most {maximum} are allowed.",
                                "“{label_zh}”长度为 {length} 个字符，最多允许 {maximum} 个。"),
    "INVALID_INTEGER": IssueType(E, "{label_en} must be a whole number, not {value!r}.",
                                 "“{label_zh}”必须是整数，而不是 {value!r}。"),
    "INVALID_NUMBER": IssueType(E, "{label_en} must be a number, not {value!r}.", "“{label_zh}”必须是数字，而不是 {value!r}。"),
    "INVALID_BOOLEAN": IssueType(E, "{label_en} must be yes or no (true/false, 是/否), not {value!r}.",
                                 "“{label_zh}”必须是“是”或“否”（true/false），而不是 {value!r}。"),
    "NUMBER_OUT_OF_RANGE": IssueType(E, "{label_en} must be between {minimum} and {maximum}, not {value}.",
                                     "“{label_zh}”必须在 {minimum} 到 {maximum} 之间，而不是 {value}。"),
    "UNKNOWN_TERM": IssueType(W, "{value!r} is not a known value of {label_en}.{suggestion_en}",
                              "{value!r} 不是“{label_zh}”的已知取值。{suggestion_zh}"),
    "UNKNOWN_TERM_REJECTED": IssueType(E, "{value!r} is not an allowed value of {label_en}.{suggestion_en}",
                                       "{value!r} 不是“{label_zh}”允许的取值。{suggestion_zh}"),
    "RECORDED_DATE_INVALID": IssueType(W, "{label_en} {value!r} is not a date this platform understands "
                                          "(use ISO 8601 such as 2019-04-12, 2019-04 or 2019).",
                                       "“{label_zh}” {value!r} 不是可识别的日期（请使用 ISO 8601 格式，如 2019-04-12、2019-04 或 2019）。"),
    "RECORDED_DATE_IN_FUTURE": IssueType(W, "{label_en} {value!r} lies in the future.", "“{label_zh}” {value!r} 晚于今天。"),
    "RECORDED_DATE_RANGE_INVERTED": IssueType(W, "{label_en} {value!r} ends before it starts.",
                                              "“{label_zh}” {value!r} 的结束日期早于开始日期。"),
    "COORDINATE_OUT_OF_RANGE": IssueType(E, "{label_en} {value} is outside the possible range {minimum} to {maximum}.",
                                         "“{label_zh}” {value} 超出可能范围 {minimum} 至 {maximum}。"),
    "COORDINATE_INCOMPLETE": IssueType(W, "Only one of latitude and longitude is given.", "只给出了纬度和经度中的一个。"),
    "ZERO_COORDINATE": IssueType(W, "Latitude and longitude are both 0, which usually means unknown.",
                                 "纬度和经度均为 0，通常表示未知。"),
    "PRESUMED_SWAPPED_COORDINATE": IssueType(W, "Latitude and longitude {value} look swapped: swapped they fall in "
                                                "{place_en}, and are stored that way.",
                                             "纬度和经度 {value} 似乎填反了：对调后位于{place_zh}，已按对调后的值保存。"),
    "PRESUMED_NEGATED_COORDINATE": IssueType(W, "The coordinates {value} look negated: with the sign changed they fall "
                                                "in {place_en}, and are stored that way.",
                                             "坐标 {value} 的正负号似乎有误：改变符号后位于{place_zh}，已按更正后的值保存。"),
    "COORDINATE_OUTSIDE_STATED_AREA": IssueType(W, "The coordinates ({latitude}, {longitude}) lie outside {place_en}.",
                                                "坐标（{latitude}，{longitude}）不在{place_zh}范围内。"),
    "COORDINATE_UNCERTAINTY_MISSING": IssueType(W, "Coordinates are given without their uncertainty in metres.",
                                                "给出了坐标，但缺少坐标误差（米）。"),
    "COORDINATE_UNCERTAINTY_INVALID": IssueType(W, "A coordinate uncertainty of {value} m is not possible (0 means unknown; leave it empty).",
                                                "坐标误差 {value} 米无效（0 表示未知，应留空）。"),
    "COUNTRY_UNKNOWN": IssueType(W, "{value!r} is not a known country or ISO 3166 code, so the record gets no "
                                    "country code.{suggestion_en}",
                                 "{value!r} 不是已知的国家或 ISO 3166 代码，该记录不设国家代码。{suggestion_zh}"),
    "ADMIN_DIVISION_MISMATCH": IssueType(W, "{value!r} does not lie in {place_en}.", "{value!r} 不属于{place_zh}。"),
    "TAXON_RANK_INCONSISTENT": IssueType(W, "Taxon rank {rank!r} does not fit the name {name!r}.",
                                         "分类等级 {rank!r} 与名称 {name!r} 不符。"),
    "TAXON_NAME_MISMATCH": IssueType(W, "{label_en} {value!r} does not agree with the scientific name {name!r}.",
                                     "“{label_zh}” {value!r} 与学名 {name!r} 不一致。"),
    "GEOLOGIC_AGE_RANGE_INVERTED": IssueType(W, "The earliest unit {earliest!r} is younger than the latest unit {latest!r}.",
                                             "最早地层单位 {earliest!r} 比最晚地层单位 {latest!r} 更年轻。"),
    "GEOLOGIC_AGE_OUTSIDE_UNIT": IssueType(W, "The numeric age {minimum}–{maximum} Ma lies outside {unit} ({begin}–{end} Ma).",
                                           "数值年龄 {minimum}–{maximum} Ma 超出{unit}（{begin}–{end} Ma）。"),
    "GEOLOGIC_UNIT_OUTSIDE_PARENT": IssueType(W, "{value!r} does not belong to {parent!r}.", "{value!r} 不属于{parent!r}。"),
    "NUMERIC_AGE_RANGE_INVERTED": IssueType(W, "The minimum age {minimum} Ma is older than the maximum age {maximum} Ma.",
                                            "最小年龄 {minimum} Ma 大于最大年龄 {maximum} Ma。"),
    "MISSING_VALUE_PLACEHOLDER": IssueType(W, "{label_en} holds {value!r}, a placeholder for a missing value; it "
                                              "is stored as empty (leave such cells blank).",
                                           "“{label_zh}”填的是 {value!r}，这是表示缺失值的占位符，已按空值处理"
                                           "（此类单元格请留空）。"),
    "TEXT_MOJIBAKE": IssueType(W, "{label_en} {value!r} looks garbled: UTF-8 text read as {encoding}. It "
                                  "probably reads {repaired!r}; it is stored as given.",
                               "“{label_zh}” {value!r} 疑似乱码：UTF-8 文本被按 {encoding} 读取，原文可能是 "
                               "{repaired!r}；已按原样保存。"),
    "RECORDED_DATE_UNLIKELY": IssueType(W, "{label_en} {value!r} lies before 1600, which is unlikely for this "
                                           "date; check the year.",
                                        "“{label_zh}” {value!r} 早于 1600 年，可能性很小，请核对年份。"),
    "RECORDED_DATE_MISMATCH": IssueType(W, "{label_en} {value!r} disagrees with year/month/day ({parts}): a "
                                           "different date, or a day or month the parts leave empty. Stored as "
                                           "given.",
                                        "“{label_zh}” {value!r} 与年/月/日字段（{parts}）不一致：日期不同，或给出了"
                                        "年/月/日字段中空缺的月或日。已按原值保存。"),
    "COORDINATE_INVALID": IssueType(W, "{label_en} {value!r} is not a coordinate this platform can read "
                                       "({expected_en}).",
                                    "“{label_zh}” {value!r} 不是可识别的坐标（{expected_zh}）。"),
    "DECIMAL_COORDINATE_IN_DMS_FIELD": IssueType(W, "{label_en} holds decimal degrees ({value}), but this field is "
                                                    "for degrees-minutes-seconds text (DDMMSSH); decimal degrees belong "
                                                    "in the decimal latitude/longitude fields. Read as decimal degrees.",
                                                 "“{label_zh}”填的是十进制度（{value}），该字段应填度分秒文本（DDMMSSH），"
                                                 "十进制度应填入十进制经纬度字段；已按十进制度读取。"),
    "ELEVATION_NON_NUMERIC": IssueType(W, "{label_en} {value!r} is not a plausible elevation in metres (-500 to 9000, "
                                          "written like 120, 120 m or 100-150); the elevation is left empty.",
                                       "“{label_zh}” {value!r} 不是合理的海拔（米，-500 至 9000，如 120、120 m 或 "
                                       "100-150），海拔未填写。"),
    "TEXT_MARKUP": IssueType(W, "{label_en} {value!r} contains HTML markup ({tag}); it is stored as given.",
                             "“{label_zh}” {value!r} 含有 HTML 标记（{tag}），已按原样保存。"),
    "COUNTRY_MISMATCH": IssueType(W, "The country {value!r} and the country code {country_code!r} name different "
                                     "countries.",
                                  "国家名称 {value!r} 与国家代码 {country_code!r} 所指国家不同。"),
    "BASIS_OF_RECORD_NOT_SPECIMEN": IssueType(W, "Basis of record {value!r} describes an observation, not a "
                                                 "specimen kept in a collection (PreservedSpecimen, LivingSpecimen, "
                                                 "MaterialSample …).",
                                              "记录类型 {value!r} 表示观测记录，而不是馆藏标本（应为 PreservedSpecimen、"
                                              "LivingSpecimen、MaterialSample 等）。"),
    "NAME_MISSING": IssueType(W, "The record has no name: none of {fields_en} is filled.",
                              "该记录没有任何名称：{fields_zh}均为空。"),
    "DIMENSIONS_INVALID": IssueType(W, "{label_en} {value!r} is not a size in the form length*width*height "
                                       "(e.g. 7*5*3).",
                                    "“{label_zh}” {value!r} 不是“长*宽*高”形式的尺寸（如 7*5*3）。"),
    "DUPLICATE_IDENTIFIER": IssueType(E, "{label_en} {value!r} appears more than once in this file.",
                                      "“{label_zh}” {value!r} 在本文件中重复出现。"),
    # Structural problems found while reading a row; the reader words the message.
    "ROW_WIDTH_MISMATCH": IssueType(E, "{message_en}", "{message_zh}"),
    "NUL_CHARACTER": IssueType(E, "{message_en}", "{message_zh}"),
    "CELL_TOO_LONG": IssueType(E, "{message_en}", "{message_zh}"),
    "JSON_INVALID": IssueType(E, "{message_en}", "{message_zh}"),
    "KEY_COLLISION": IssueType(E, "{message_en}", "{message_zh}"),
    "FILE_UNREADABLE": IssueType(E, "{message_en}", "{message_zh}"),
    "IDENTIFIER_INVALID": IssueType(E, "{label_en} {value!r} may contain only letters, digits and . _ - ( ) / : and spaces.",
                                    "“{label_zh}” {value!r} 只能包含字母、数字、空格及 . _ - ( ) / :。"),
}


# A short name for every flag, for tables and filters where the full message does not fit.
NAMES: dict[str, tuple[str, str]] = {
    "REQUIRED_FIELD_MISSING": ("Required field missing", "必填字段缺失"),
    "RECOMMENDED_FIELD_MISSING": ("Recommended field missing", "建议字段缺失"),
    "VALUE_TOO_LONG": ("Value too long", "取值过长"),
    "INVALID_INTEGER": ("Not a whole number", "不是整数"),
    "INVALID_NUMBER": ("Not a number", "不是数字"),
    "INVALID_BOOLEAN": ("Not yes or no", "不是是/否"),
    "NUMBER_OUT_OF_RANGE": ("Number out of range", "数值超出范围"),
    "UNKNOWN_TERM": ("Unknown term", "未知术语"),
    "UNKNOWN_TERM_REJECTED": ("Term not allowed", "不允许的术语"),
    "RECORDED_DATE_INVALID": ("Date not understood", "无法识别的日期"),
    "RECORDED_DATE_IN_FUTURE": ("Date in the future", "日期在未来"),
    "RECORDED_DATE_RANGE_INVERTED": ("Date range inverted", "日期区间颠倒"),
    "COORDINATE_OUT_OF_RANGE": ("Coordinate out of range", "坐标超出范围"),
    "COORDINATE_INCOMPLETE": ("Coordinate incomplete", "坐标不完整"),
    "ZERO_COORDINATE": ("Zero coordinates", "坐标为零"),
    "PRESUMED_SWAPPED_COORDINATE": ("Coordinates presumably swapped", "经纬度疑似颠倒"),
    "PRESUMED_NEGATED_COORDINATE": ("Coordinates presumably negated", "坐标疑似符号错误"),
    "COORDINATE_OUTSIDE_STATED_AREA": ("Coordinates outside the stated area", "坐标不在所述地区内"),
    "COORDINATE_UNCERTAINTY_MISSING": ("Coordinate uncertainty missing", "缺少坐标误差"),
    "COORDINATE_UNCERTAINTY_INVALID": ("Coordinate uncertainty impossible", "坐标误差不合理"),
    "COUNTRY_UNKNOWN": ("Country unknown", "未知国家"),
    "ADMIN_DIVISION_MISMATCH": ("Administrative division mismatch", "行政区划不符"),
    "TAXON_RANK_INCONSISTENT": ("Taxon rank inconsistent", "分类等级不一致"),
    "TAXON_NAME_MISMATCH": ("Taxon name mismatch", "分类名称不符"),
    "GEOLOGIC_AGE_RANGE_INVERTED": ("Geologic age range inverted", "地质年代区间颠倒"),
    "GEOLOGIC_AGE_OUTSIDE_UNIT": ("Numeric age outside the unit", "数值年龄不在地层单位内"),
    "GEOLOGIC_UNIT_OUTSIDE_PARENT": ("Geologic unit outside its parent", "地层单位不属于上级单位"),
    "NUMERIC_AGE_RANGE_INVERTED": ("Numeric age range inverted", "数值年龄区间颠倒"),
    "MISSING_VALUE_PLACEHOLDER": ("Placeholder for a missing value", "缺失值占位词"),
    "TEXT_MOJIBAKE": ("Garbled text", "乱码文本"),
    "RECORDED_DATE_UNLIKELY": ("Date unlikely", "日期不太可能"),
    "RECORDED_DATE_MISMATCH": ("Date disagrees with its parts", "日期与年月日不符"),
    "COORDINATE_INVALID": ("Coordinate not readable", "无法识别的坐标"),
    "DECIMAL_COORDINATE_IN_DMS_FIELD": ("Decimal degrees in a DMS field", "度分秒字段中为十进制度"),
    "ELEVATION_NON_NUMERIC": ("Elevation implausible", "海拔不合理"),
    "TEXT_MARKUP": ("HTML markup in text", "文本含 HTML 标记"),
    "COUNTRY_MISMATCH": ("Country and code disagree", "国家与代码不符"),
    "BASIS_OF_RECORD_NOT_SPECIMEN": ("Observation, not a specimen", "观察记录而非标本"),
    "NAME_MISSING": ("Name missing", "缺少名称"),
    "DIMENSIONS_INVALID": ("Dimensions not readable", "尺寸无法识别"),
    "DUPLICATE_IDENTIFIER": ("Duplicate identifier", "编号重复"),
    "ROW_WIDTH_MISMATCH": ("Row width mismatch", "行的列数不符"),
    "NUL_CHARACTER": ("NUL character", "含 NUL 字符"),
    "CELL_TOO_LONG": ("Cell too long", "单元格过长"),
    "JSON_INVALID": ("Invalid JSON", "JSON 无效"),
    "KEY_COLLISION": ("Key collision", "键名冲突"),
    "FILE_UNREADABLE": ("File unreadable", "文件无法读取"),
    "IDENTIFIER_INVALID": ("Identifier invalid", "编号无效"),
}


def flag_name(code: str) -> dict[str, str]:
    """The flag's short name in both languages (its code for a flag the catalogue does not know)."""
    en, zh = NAMES.get(code, (code, code))
    return {"en": en, "zh": zh}


# Codes found by reading the file or comparing rows, not by validating one row against its schema.
FILE_LEVEL_CODES = frozenset({"DUPLICATE_IDENTIFIER", "ROW_WIDTH_MISMATCH", "NUL_CHARACTER", "CELL_TOO_LONG",
                              "JSON_INVALID", "KEY_COLLISION", "FILE_UNREADABLE"})


@dataclass(frozen=True)
class Issue:
    code: str
    field: str | None
    value: Any = None
    # dataclasses.field in full: the class's own `field` attribute shadows the name in its body
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    line: int | None = None     # where the row starts in the file: its line, or its row in a sheet

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    def message(self) -> dict[str, str]:
        kind = CATALOGUE[self.code]
        values = {"value": self.value, **self.params}
        return {"en": kind.en.format(**values), "zh": kind.zh.format(**values)}

    def as_dict(self) -> dict[str, Any]:
        """The shape of an item of a validation report's "issues" ("line" only for an issue of a row)."""
        return {"row": self.row, "field": self.column or self.field,
                "value": None if self.value is None else str(self.value),
                "severity": self.severity.value, "code": self.code, "message": self.message()} \
            | ({"line": self.line} if self.line is not None else {})
