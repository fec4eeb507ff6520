"""Reading a centre's spreadsheet: headers, the mapping guess, each cell, and whole rows."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain import codes
from chc_desktop.domain.spreadsheet import (
    ID_AS_NUMBER,
    Invalid,
    Place,
    PlaceIndex,
    RowReader,
    cell_text,
    check_mapping,
    code_cell,
    codes_cell,
    committee_key,
    date_cell,
    doctor_index,
    ethnicity_cell,
    find_header_row,
    guess_mapping,
    header_signature,
    id_number_cell,
    match_header,
    phone_cell,
    sex_cell,
    short_reason,
    street_key,
)
from tests.services.helpers import id_number

TODAY = dt.date(2026, 11, 24)
GOOD_ID = id_number("19500302", "123")  # 310105195003021230-ish, male


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("姓名", "name"),
        ("居民姓名", "name"),
        ("身份证号", "id_number"),
        ("身份证号码", "id_number"),
        ("证件号码", "id_number"),
        ("公民身份号码", "id_number"),
        (" 身份证号（必填）", "id_number"),
        ("*姓 名", "name"),
        ("性别", "sex"),
        ("出生日期", "birth_date"),
        ("出生年月日", "birth_date"),
        ("联系电话", "phone"),
        ("手机", "phone"),
        ("电话", "phone"),
        ("现住址", "current_address"),
        ("居住地址", "current_address"),
        ("家庭住址", "current_address"),
        ("户籍地址", "registered_address"),
        ("街道", "street"),
        ("乡镇（街道）", "street"),
        ("乡镇(街道)", "street"),
        ("居委", "committee"),
        ("居委会", "committee"),
        ("村（居）委会", "committee"),
        ("民族", "ethnicity"),
        ("常住类型", "residence_type"),
        ("责任医生", "doctor_id"),
        ("建档日期", "filing_date"),
        ("签约日期", "contract.signed_on"),
        ("签约团队", "contract.team"),
        ("签约医生", "contract.doctor"),
        ("服务包", "contract.packages"),
        ("备注", None),
        ("", None),
        (None, None),
        (12, None),
    ],
)
def test_headers(header: Any, key: str | None) -> None:
    assert match_header(header) == key


def test_header_row_below_a_title_and_blank_rows() -> None:
    rows = [
        ("仙霞新村街道居民花名册", None, None),
        (None, None, None),
        ("制表：社区卫生服务中心", "2026年", None),
        ("序号", "姓名", "身份证号码"),
        (1, "张三", GOOD_ID),
    ]
    assert find_header_row(rows) == 3
    assert find_header_row([("姓名", None), (None, "张三")]) is None  # one known header is not enough


def test_guess_mapping_keeps_the_first_column_of_a_field() -> None:
    headers = ["序号", "姓名", "手机", "电话", "身份证号", "备注", "居委会"]
    assert guess_mapping(headers) == {1: "name", 2: "phone", 4: "id_number", 6: "committee"}


def test_signature_ignores_the_reason_column_and_trailing_blanks() -> None:
    headers = ["姓名", "身份证号", "居委会"]
    assert header_signature(headers) == header_signature([*headers, "错误原因"])
    assert header_signature(headers) == header_signature([" 姓名", "身份证号 ", "居委会", ""])
    assert header_signature(headers) != header_signature(["姓名", "居委会", "身份证号"])


def test_mapping_problems() -> None:
    assert check_mapping({0: "name", 1: "id_number", 2: "committee"}) == []
    problems = check_mapping({0: "name", 1: "name", 2: "disabilities", 3: "nonsense"}, include_clinical=False)
    assert problems == [
        "未知的字段：nonsense",
        "多列对应了同一项：姓名",
        "缺少必需的列：身份证号、居委会",
        "您的角色无权导入临床信息：残疾情况（请在映射中取消这些列）",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(1950, 3, 2), dt.date(1950, 3, 2)),
        (dt.date(1950, 3, 2), dt.date(1950, 3, 2)),
        ("1950-03-02", dt.date(1950, 3, 2)),
        ("1950/3/2", dt.date(1950, 3, 2)),
        ("1950.3.2", dt.date(1950, 3, 2)),
        ("1950年3月2日", dt.date(1950, 3, 2)),
        ("19500302", dt.date(1950, 3, 2)),
        (19500302, dt.date(1950, 3, 2)),
        (19500302.0, dt.date(1950, 3, 2)),
        (" 1950-03-02 ", dt.date(1950, 3, 2)),
        ("１９５０－０３－０２", dt.date(1950, 3, 2)),
        ("1950-03-02 00:00:00", dt.date(1950, 3, 2)),
        ("1950/3/2 0:00", dt.date(1950, 3, 2)),
        (None, None),
        ("", None),
        ("   ", None),
        ("1950-02-30", Invalid("不存在的日期，请核对年、月、日")),
        ("三月二日", Invalid("日期格式不对，请按 1949-01-01 或 19490101 的样式填写")),
        (18324, Invalid("日期格式不对，请按 1949-01-01 或 19490101 的样式填写")),
    ],
)
def test_date_cells(value: Any, expected: Any) -> None:
    assert date_cell(value) == expected


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_date_format_reads_back(day: dt.date) -> None:
    y, m, d = day.year, day.month, day.day
    written = [
        day,
        dt.datetime(y, m, d),
        day.isoformat(),
        f"{y}/{m}/{d}",
        f"{y}.{m}.{d}",
        f"{y}年{m}月{d}日",
        f"{y}{m:02d}{d:02d}",
        int(f"{y}{m:02d}{d:02d}"),
        f"{y}-{m:02d}-{d:02d} 00:00:00",
    ]
    for value in written:
        assert date_cell(value) == day, value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("男", "1"),
        ("女", "2"),
        (" 女性 ", "2"),
        ("1", "1"),
        (2, "2"),
        (2.0, "2"),
        ("M", "1"),
        ("f", "2"),
        ("9", "9"),
        (None, None),
        ("", None),
        ("雄", Invalid("应填写“男”或“女”（或代码 1、2）")),
    ],
)
def test_sex_cells(value: Any, expected: Any) -> None:
    assert sex_cell(value) == expected


def test_id_number_cells() -> None:
    spaced = f"{GOOD_ID[:6]} {GOOD_ID[6:14]} {GOOD_ID[14:]}"
    full_width = GOOD_ID.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    with_x = id_number("19800101", "003")
    assert with_x.endswith("X")
    for value in (GOOD_ID, spaced, full_width, f" {GOOD_ID} "):
        assert id_number_cell(value, TODAY) == GOOD_ID
    assert id_number_cell(with_x.lower(), TODAY) == with_x
    assert id_number_cell(None, TODAY) is None
    assert id_number_cell("  ", TODAY) is None
    # Excel holds it as a number: the last digits may be gone; refused, never guessed.
    assert id_number_cell(float(GOOD_ID), TODAY) == Invalid(ID_AS_NUMBER)
    assert id_number_cell(int(GOOD_ID), TODAY) == Invalid(ID_AS_NUMBER)
    assert id_number_cell("3.10105E+17", TODAY) == Invalid(ID_AS_NUMBER)
    bad = GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")
    assert id_number_cell(bad, TODAY) == Invalid("身份证号校验位错误，请核对")
    assert id_number_cell("12345", TODAY) == Invalid("身份证号应为 18 位（或旧版 15 位），现在是 5 位")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        (13812345678, "13812345678"),
        (13812345678.0, "13812345678"),
        ("021-62345678", "021-62345678"),
        ("62345678", "021-62345678"),
        (None, None),
        (" ", None),
        ("1381234567", Invalid("手机号应为 11 位，以 13–19 开头")),
    ],
)
def test_phone_cells(value: Any, expected: Any) -> None:
    assert phone_cell(value) == expected


@pytest.mark.parametrize(
    ("code_list", "value", "expected"),
    [
        (codes.MARITAL_STATUS, "已婚", "2"),
        (codes.MARITAL_STATUS, "2", "2"),
        (codes.MARITAL_STATUS, 2, "2"),
        (codes.RESIDENCE_TYPE, "户籍", "1"),
        (codes.RESIDENCE_TYPE, "非户籍", "2"),
        (codes.EDUCATION, "本科", "2"),
        (codes.EDUCATION, "10", "10"),
        (codes.BLOOD_ABO, "A", "1"),
        (codes.BLOOD_ABO, "ab型", "4"),
        (codes.BLOOD_ABO, "O", "3"),
        (codes.RESIDENCE_TYPE, " ", None),
        (codes.MARITAL_STATUS, "同居", Invalid("婚姻状况没有“同居”这一项")),
    ],
)
def test_code_cells(code_list: codes.CodeList, value: Any, expected: Any) -> None:
    assert code_cell(code_list, value) == expected


def test_multi_code_cells() -> None:
    assert codes_cell(codes.PAYMENT_METHOD, "1、5") == (("1", "5"), "")
    assert codes_cell(codes.PAYMENT_METHOD, "城镇职工基本医疗保险，商业医疗保险") == (("1", "5"), "")
    assert codes_cell(codes.PAYMENT_METHOD, "1;其他：异地医保") == (("1", "8"), "异地医保")
    assert codes_cell(codes.PAYMENT_METHOD, None) is None
    assert codes_cell(codes.PAYMENT_METHOD, "1,2,5,6") == Invalid("医疗费用支付方式最多选 3 项")
    assert codes_cell(codes.DISABILITY, "视力残疾 听力残疾") == (("2", "3"), "")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("汉族", ("01", None)),
        ("汉", ("01", None)),
        ("01", ("01", None)),
        ("回族", ("99", "回族")),
        ("少数民族", ("99", None)),
        ("", None),
        ("火星人", Invalid("应填写民族名称，如“汉族”“回族”")),
    ],
)
def test_ethnicity_cells(value: Any, expected: Any) -> None:
    assert ethnicity_cell(value) == expected


def test_cell_text() -> None:
    assert cell_text(None) == ""
    assert cell_text(" 张三 ") == "张三"
    assert cell_text(1.0) == "1"
    assert cell_text(1.5) == "1.5"
    assert cell_text(dt.datetime(1950, 3, 2)) == "1950-03-02"
    assert cell_text(dt.date(1950, 3, 2)) == "1950-03-02"


def test_place_names_with_or_without_suffixes() -> None:
    assert street_key("仙霞新村街道") == street_key("仙霞新村") == street_key(" 仙霞新村 街道")
    assert committee_key("仙霞第一居委会") == committee_key("仙霞第一居民委员会") == committee_key("仙霞第一")
    assert committee_key("仙霞第一居委") == "仙霞第一"


def _id(key: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, key)


def places() -> PlaceIndex:
    xianxia = Place(_id("xianxia"), "仙霞新村街道", "310105008")
    tianshan = Place(_id("tianshan"), "天山路街道", "310105006")
    committees = [
        Place(_id("x1"), "仙霞第一居委会", "001", xianxia.id),
        Place(_id("x2"), "仙霞第二居委会", "002", xianxia.id),
        Place(_id("t1"), "新风居委会", "001", tianshan.id),
        Place(_id("x3"), "新风居委会", "003", xianxia.id),  # the same name in two streets
    ]
    return PlaceIndex([xianxia, tianshan], committees)


def test_place_index() -> None:
    index = places()
    xianxia = index.street("仙霞新村")
    assert isinstance(xianxia, Place) and xianxia.code == "310105008"
    assert index.street("310105008") == xianxia
    assert index.street("虹桥街道") == Invalid("找不到该街道（请写街道名称，如“仙霞新村街道”）")
    first = index.committee("仙霞第一", None)
    assert isinstance(first, Place) and first.code == "001"
    assert index.committee("002", xianxia) == index.committee("仙霞第二居民委员会", None)
    assert index.committee("新风", None) == Invalid("有多个同名居委会，请同时填写街道")
    new_wind = index.committee("新风居委会", xianxia)
    assert isinstance(new_wind, Place) and new_wind.code == "003"
    tianshan = index.street("天山路")
    assert isinstance(tianshan, Place)
    assert index.committee("仙霞第一", tianshan) == Invalid("该街道下找不到这个居委会")
    assert index.record_prefix(xianxia.id, first.id) == "310105008001"


def test_doctor_index_marks_shared_names() -> None:
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    assert doctor_index([("王医生", a), ("赵 医生", b), ("王医生", c)]) == {"王医生": None, "赵医生": b}


def test_short_reasons() -> None:
    assert short_reason("身份证号", "身份证号校验位错误，请核对") == "校验位错误"
    assert short_reason("身份证号", "身份证号中的出生日期不存在，请核对第 7–14 位").startswith("身份证号中")
    assert short_reason("出生日期", "出生日期与身份证号不一致") == "出生日期与身份证号不一致"
    assert short_reason("身份证号", ID_AS_NUMBER) == ID_AS_NUMBER


HEADERS = ["序号", "姓名", "身份证号码", "性别", "出生日期", "手机", "街道", "居委会", "民族", "签约日期"]


def reader(include_clinical: bool = False) -> RowReader:
    return RowReader(HEADERS, guess_mapping(HEADERS), TODAY, places(), {}, include_clinical)


def test_a_good_row() -> None:
    cells = (
        1,
        " 张三 ",
        GOOD_ID,
        "男",
        "1950/3/2",
        "138 1234 5678",
        "仙霞新村",
        "仙霞第一",
        "回族",
        "2026-01-05",
    )
    r = reader().read(5, cells)
    assert r.ok and r.id_number == GOOD_ID
    v = r.values
    assert (v["name"], v["sex"], v["birth_date"], v["phone"]) == (
        "张三",
        "1",
        dt.date(1950, 3, 2),
        "13812345678",
    )
    assert (v["ethnicity"], v["ethnicity_name"], v["filing_date"]) == ("99", "回族", TODAY)
    assert v["street_id"] is not None and v["committee_id"] is not None
    assert r.contract == {"signed_on": "2026-01-05"}


def test_a_row_derives_birth_and_sex_and_the_street() -> None:
    r = reader().read(6, (2, "李四", GOOD_ID, None, None, None, None, "仙霞第二居委会"))
    assert r.ok and r.values["birth_date"] == dt.date(1950, 3, 2) and r.values["sex"] == "1"
    assert r.values["street_id"] == _id("xianxia")


def test_errors_name_row_column_and_reason() -> None:
    bad_check = GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")
    r = reader().read(12, (3, "王五", bad_check, "女", "1950-02-30", "123", "虹桥", "仙霞第一"))
    assert [str(e) for e in r.errors] == [
        "第 12 行 身份证号码 校验位错误",
        "第 12 行 出生日期 不存在的日期，请核对年、月、日",
        "第 12 行 手机 手机号应为 11 位，以 13–19 开头",
        "第 12 行 街道 找不到该街道（请写街道名称，如“仙霞新村街道”）",
    ]
    assert [e.column for e in r.errors] == [2, 4, 5, 6]
    assert r.id_number is None


def test_an_unreadable_id_number_does_not_also_ask_for_birth_and_sex() -> None:
    r = reader().read(7, (4, "赵六", float(GOOD_ID), None, None, None, "仙霞新村", "仙霞第一"))
    assert [str(e) for e in r.errors] == [f"第 7 行 身份证号码 {ID_AS_NUMBER}"]


def test_a_row_without_id_number_or_committee() -> None:
    r = reader().read(8, (5, "钱七", None, "男", "1950-01-01", None, None, None))
    assert [(e.field, e.reason) for e in r.errors] == [
        ("id_number", "未填写（导入时按身份证号识别已建档的居民）"),
        ("committee", "请填写居委会"),
    ]


def test_sex_disagreeing_with_the_id_number() -> None:
    r = reader().read(9, (6, "孙八", GOOD_ID, "女", None, None, None, "仙霞第一"))
    assert [str(e) for e in r.errors] == ["第 9 行 性别 性别与身份证号不一致"]
