"""Resident search: every kind of query the issue names, ranking and filters."""

from __future__ import annotations

import pytest

from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters, ResidentFile
from chc_desktop.services.search import classify
from tests.services.helpers import draft, id_number


@pytest.fixture
def people(doctor: Services) -> dict[str, ResidentFile]:
    specs = {
        "张三": ("19500301", "123", "13812345678"),
        "张三丰": ("19470409", "135", "13900001234"),
        "单雄信": ("19601010", "111", "13700002222"),
        "曾国藩": ("19551111", "131", "13600003333"),
        "解缙": ("19620202", "151", ""),
        "仇英": ("19630303", "171", ""),
        "区寄": ("19640404", "191", ""),
        "欧阳修": ("19450505", "211", "021-62345678"),
        "王小明": ("20210606", "233", ""),
    }
    out = {}
    for name, (birth, seq, phone) in specs.items():
        out[name] = doctor.residents.file(
            draft(doctor, name=name, id_number=id_number(birth, seq), phone=phone)
        )
    return out


def names(services: Services, query: str, filters: Filters = Filters(status=None)) -> list[str]:
    return [r.name for r in services.search.search(query, filters).rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("张三", ["张三", "张三丰"]),  # exact name first, then prefix
        ("三丰", ["张三丰"]),  # any part
        ("小明", ["王小明"]),
        ("zs", ["张三", "张三丰"]),  # initials
        ("zsf", ["张三丰"]),
        ("zhangsan", ["张三", "张三丰"]),  # full pinyin
        ("shanxiongxin", ["单雄信"]),  # surname readings
        ("sxx", ["单雄信"]),
        ("zengguofan", ["曾国藩"]),
        ("xiejin", ["解缙"]),
        ("qiuying", ["仇英"]),
        ("ouji", ["区寄"]),
        ("oyx", ["欧阳修"]),
        ("1234", ["张三丰"]),  # phone last 4 (and no ID fragment 1234 here)
        ("13812345678", ["张三"]),  # full phone
        ("62345678", ["欧阳修"]),  # Shanghai landline
    ],
)
def test_query_kinds(
    doctor: Services, people: dict[str, ResidentFile], query: str, expected: list[str]
) -> None:
    assert names(doctor, query)[: len(expected)] == expected


def test_id_number_full_and_fragments(doctor: Services, people: dict[str, ResidentFile]) -> None:
    full = people["曾国藩"].draft.id_number
    result = doctor.search.search(full)
    assert [r.name for r in result.rows] == ["曾国藩"] and result.rows[0].match == "身份证号"
    assert names(doctor, full.lower()) == ["曾国藩"]
    assert "曾国藩" in names(doctor, full[6:14])  # birth date part
    assert "曾国藩" in names(doctor, full[-6:])


def test_record_number_full_and_last_eight(doctor: Services, people: dict[str, ResidentFile]) -> None:
    record = people["解缙"].record_no
    assert record
    assert names(doctor, record) == ["解缙"]
    assert names(doctor, f"{record[:6]}-{record[6:9]}-{record[9:12]}-{record[12:]}") == ["解缙"]
    hit = doctor.search.search(record[-8:]).rows[0]
    assert (hit.name, hit.match) == ("解缙", "档案编号后8位")


def test_exact_identifiers_rank_first(doctor: Services, people: dict[str, ResidentFile]) -> None:
    # "1234" is both a phone tail and an ID fragment: the phone match outranks the fragment.
    rows = doctor.search.search("1234").rows
    assert rows[0].match == "电话后4位"


def test_filters_apply_before_the_limit(doctor: Services, people: dict[str, ResidentFile]) -> None:
    doctor.residents.set_status(people["张三"].id, "moved", doctor.ctx.today(), moved_to="浦东新区")
    assert names(doctor, "zs", Filters(status="active")) == ["张三丰"]
    assert names(doctor, "zs", Filters(key_population="child0_6")) == []
    assert names(doctor, "wxm", Filters(key_population="child0_6")) == ["王小明"]


def test_edits_reach_the_index(doctor: Services, people: dict[str, ResidentFile]) -> None:
    from dataclasses import replace

    f = people["仇英"]
    doctor.residents.update(f.id, replace(f.draft, name="仇十洲", phone="13500009999"))
    assert names(doctor, "qiuying") == []
    assert names(doctor, "qsz") == ["仇十洲"]
    assert names(doctor, "9999") == ["仇十洲"]


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("", "empty"),
        ("张", "name"),
        ("ZS", "pinyin"),
        ("13a", "other"),
        ("3101", "digits"),
        ("11010519491231002x", "digits"),
    ],
)
def test_classify(query: str, kind: str) -> None:
    assert classify(query) == kind


def test_rubbish_finds_nothing_and_never_fails(doctor: Services, people: dict[str, ResidentFile]) -> None:
    for query in ("%", "'; drop table residents; --", '"', "*", "x" * 300, "１２３４", "-", "   "):
        doctor.search.search(query)
