"""Filing, editing, closing files; duplicates; record numbers; households; key-population tags."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

import pytest
from sqlalchemy import select

from chc_desktop.domain.record_number import parse_record_number
from chc_desktop.domain.resident import HistoryItem
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ValidationFailed
from chc_desktop.services.residents import DuplicateSuspected, Filters
from chc_desktop.store.database import HUB_URL_KEY
from chc_desktop.store.models import KeyPopulationTag, Resident, SerialLease
from tests.services.helpers import draft, id_number


def test_filing_fills_birth_and_sex_from_the_id_number_and_assigns_a_record_number(doctor: Services) -> None:
    f = doctor.residents.file(draft(doctor, id_number=id_number("19500301", "124")))
    assert f.draft.birth_date == "1950-03-01" and f.draft.sex == "2"  # even 17th digit: female
    number = parse_record_number(f.record_no or "")
    assert (number.district, number.street, number.committee) == ("310105", "008", "001")
    assert f.age == 76 and f.filed_by == "王医生"
    assert f.draft.filing_date == "2026-11-24"


def test_record_numbers_are_sequential_and_unique_within_a_committee(doctor: Services) -> None:
    numbers = [
        doctor.residents.file(
            draft(doctor, name="测试" + "甲乙丙丁戊"[i - 1], id_number=id_number(seq=f"{i:03d}"), phone="")
        ).record_no
        for i in range(1, 6)
    ]
    serials = [parse_record_number(n or "").serial for n in numbers]
    assert serials == list(range(serials[0], serials[0] + 5))


def test_a_device_with_a_hub_files_only_from_its_leases(doctor: Services) -> None:
    doctor.db.set_meta(HUB_URL_KEY, "https://hub.example:8443")
    f = doctor.residents.file(draft(doctor))
    assert f.record_no is None and f.record_no_formatted == "（待分配）"  # no lease: assigned at next sync
    with doctor.db.unit_of_work(None) as s:
        s.add(
            SerialLease(
                prefix="310105008001",
                device_id=doctor.db.device_id,
                first_serial=501,
                last_serial=502,
                next_serial=501,
            )
        )
    got = [
        doctor.residents.file(
            draft(doctor, name="乙" + "子丑寅"[i], id_number=id_number(seq=f"2{i}1"), phone="")
        ).record_no
        for i in range(3)
    ]
    assert [g[-5:] if g else None for g in got] == ["00501", "00502", None]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "请填写姓名"),
        ({"id_number": "310105195003011234"}, "id_number", "校验"),
        ({"birth_date": "1950-02-30", "id_number": ""}, "birth_date", ""),
        ({"birth_date": "2030-01-01", "id_number": ""}, "birth_date", "晚于今天"),
        ({"birth_date": "1951-03-01"}, "birth_date", "不一致"),
        ({"sex": "2", "id_number": id_number(seq="123")}, "sex", "不一致"),
        ({"phone": "12345"}, "phone", ""),
        ({"payment_methods": ("1", "2", "3", "4")}, "payment_methods", ""),
        ({"payment_methods": ("8",)}, "payment_methods", ""),
        ({"ethnicity": "99"}, "ethnicity_name", "民族"),
        ({"committee_id": uuid.uuid4()}, "committee_id", "委会"),
        ({"surgery_status": "2"}, "surgery_status", "手术"),
        ({"history": (HistoryItem("disease", "2", None, 2030, 1),)}, "history", "晚于"),
        ({"history": (HistoryItem("disease", "6", None, 2020, 1),)}, "history", "部位"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_written(
    doctor: Services, change: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(ValidationFailed) as info:
        doctor.residents.file(replace(draft(doctor), **change))  # type: ignore[arg-type]
    assert field in info.value.errors and message in info.value.errors[field]
    assert doctor.residents.count(Filters(status=None)) == 0
    assert field in doctor.residents.check(replace(draft(doctor), **change))  # type: ignore[arg-type]


def test_same_id_number_is_refused_and_the_existing_file_offered(doctor: Services) -> None:
    first = doctor.residents.file(draft(doctor))
    with pytest.raises(DuplicateSuspected) as info:
        doctor.residents.file(draft(doctor, name="张叁"), not_duplicate_of=[first.id])
    assert info.value.blocking and info.value.candidates[0].row.id == first.id


def test_look_alikes_warn_and_can_be_overridden(doctor: Services) -> None:
    first = doctor.residents.file(draft(doctor, id_number="", birth_date="1950-03-01", sex="1"))
    look_alike = draft(doctor, id_number="", birth_date="1950-03-01", sex="1", phone="")
    with pytest.raises(DuplicateSuspected) as info:
        doctor.residents.file(look_alike)
    assert not info.value.blocking
    assert [c.reason for c in info.value.candidates] == ["姓名和出生日期相同"]
    second = doctor.residents.file(look_alike, not_duplicate_of=[first.id])
    assert second.id != first.id
    groups = doctor.residents.suspected_duplicates()
    assert {c.row.id for c in groups[0]} == {first.id, second.id}


def test_update_saves_changed_fields_and_history(doctor: Services) -> None:
    f = doctor.residents.file(draft(doctor))
    hist = (
        HistoryItem("disease", "2", None, 2015, 3),
        HistoryItem("disease", "6", "肺", 2020, 5),
        HistoryItem("surgery", None, "阑尾切除术", 1990, 7),
    )
    updated = doctor.residents.update(
        f.id, replace(f.draft, phone="13900001111", history=hist, family_history={"father": ("2", "3")})
    )
    assert updated.draft.phone == "13900001111"
    assert set(updated.draft.history) == set(hist)
    assert updated.draft.past_disease_status == "2" and updated.draft.surgery_status == "2"
    assert updated.draft.family_history == {"father": ("2", "3")}
    assert "hypertension" in {t.code for t in updated.key_populations}  # derived from 既往史
    again = doctor.residents.update(f.id, replace(updated.draft, history=hist[1:]))
    assert "hypertension" not in {t.code for t in again.key_populations}


def test_closing_a_file_keeps_it(doctor: Services) -> None:
    f = doctor.residents.file(draft(doctor))
    with pytest.raises(ValidationFailed, match="死亡原因"):
        doctor.residents.set_status(f.id, "dead", dt.date(2026, 11, 1))
    closed = doctor.residents.set_status(f.id, "dead", dt.date(2026, 11, 1), death_cause="心力衰竭")
    assert (closed.status, closed.status_date, closed.death_cause) == (
        "dead",
        dt.date(2026, 11, 1),
        "心力衰竭",
    )
    assert doctor.residents.count(Filters()) == 0
    assert doctor.residents.count(Filters(status="dead")) == 1
    with doctor.db.reader() as s:
        assert s.get(Resident, f.id) is not None


def test_households_have_one_head(doctor: Services) -> None:
    a = doctor.residents.file(draft(doctor))
    b = doctor.residents.file(draft(doctor, name="李梅", id_number=id_number("19520101", "246"), phone=""))
    doctor.residents.join_household(a.id, "02", None)
    with pytest.raises(ValidationFailed, match="户主"):
        doctor.residents.join_household(b.id, "02", a.id)
    doctor.residents.join_household(b.id, "10", a.id)
    household = doctor.residents.get(a.id).household
    assert household is not None
    assert [(m.name, m.relation_label) for m in household.members] == [("张三", "户主"), ("李梅", "配偶")]
    doctor.residents.leave_household(b.id)
    assert doctor.residents.get(b.id).household is None


def test_manual_key_population_tags(doctor: Services) -> None:
    f = doctor.residents.file(draft(doctor))
    doctor.residents.tag(f.id, "low_income", dt.date(2025, 1, 1), "低保证")
    with pytest.raises(ValidationFailed):
        doctor.residents.tag(f.id, "low_income", None)
    with pytest.raises(ValidationFailed, match="自动"):
        doctor.residents.tag(f.id, "hypertension", None)
    tags = {t.code: t for t in doctor.residents.get(f.id).key_populations}
    assert {"elderly65", "elderly60", "low_income"} <= set(tags)
    assert doctor.residents.count(Filters(key_population="low_income")) == 1
    assert doctor.residents.count(Filters(key_population="elderly65")) == 1
    assert doctor.residents.count(Filters(key_population="child0_6")) == 0
    tag_id = tags["low_income"].id
    assert tag_id is not None
    doctor.residents.untag(tag_id, dt.date(2026, 11, 1))
    assert "low_income" not in {t.code for t in doctor.residents.get(f.id).key_populations}
    with doctor.db.reader() as s:
        assert s.scalars(select(KeyPopulationTag.until).where(KeyPopulationTag.code == "low_income")).one()


def test_pages_are_sorted_and_complete(doctor: Services) -> None:
    for i in range(7):
        doctor.residents.file(
            draft(doctor, name=f"测试{chr(0x4E00 + i)}", id_number=id_number(seq=f"{i:03d}"), phone="")
        )
    pages = [doctor.residents.page(Filters(), offset, 3, sort="name") for offset in (0, 3, 6)]
    names = [r.name for page in pages for r in page]
    assert names == sorted(names) and len(names) == 7
    desc = doctor.residents.page(Filters(), 0, 7, sort="name", descending=True)
    assert [r.name for r in desc] == names[::-1]
