"""双向转诊单 转出 and 回转 from real referrals: the stub and the body on one page, every field after its
label, the green channel ticked for a signed resident, blanks where nothing was written, the wrong
form refused, and every print in the audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.sites import site_id
from chc_desktop.store.models import AuditEntry
from tests.printing.pdf_helpers import in_order, ink, pdf_text, to_png
from tests.services.helpers import draft, id_number

TONGREN = site_id("hospital", "同仁医院")
XIANXIA = site_id("centre", "仙霞社区卫生服务中心")
UP = {
    "impression": "冠心病不稳定型心绞痛？",
    "history_present": "胸痛反复发作一周，含服硝酸甘油可缓解",
    "history_past": "高血压十年",
    "treatment": "社区予阿司匹林、硝酸酯类治疗",
}
BACK = {
    "diagnosis": "冠心病 PCI 术后",
    "inpatient_no": "ZY204418",
    "treatment": "支架植入术",
    "plan": "社区随访",
}


@pytest.fixture
def patient(doctor: Services) -> object:
    return doctor.residents.file(
        draft(
            doctor,
            name="转诊甲",
            id_number=id_number("19500505", "771"),
            current_address="长宁区仙霞路99弄3号",
        )
    )


def test_the_up_slip_with_its_stub(doctor: Services, patient: object, tmp_path: Path) -> None:
    ref = doctor.referrals.create(patient.id, "up", TONGREN, department="心内科", content=UP)  # type: ignore[attr-defined]
    doctor.referrals.step(ref.id, "send")
    out = tmp_path / "up.pdf"
    result = doctor.printing.print_to("referral_up", [ref.id], out)
    assert (result.pages, result.version, result.clipped) == (1, "2017-1", ())
    [text] = pdf_text(out)
    assert in_order(text, "双向转诊单", "存 根", "患者姓名", "转诊甲", "性别", "男", "档案编号", "310105")
    assert in_order(
        text, "于", "2026-11-24", "转入", "同仁医院", "单位", "心内科", "科室", "转诊医生（签字）"
    )
    assert in_order(text, "双向转诊（转出）单", "同仁医院", "（机构名称）", "现有患者", "转诊甲")
    for label, key in (("初步印象", "impression"), ("主要现病史（转出原因）", "history_present"),
                       ("主要既往史", "history_past"), ("治疗经过", "treatment")):  # fmt: skip
        assert in_order(text, label, UP[key]), label
    assert "None" not in text and "沿虚线撕开" in text
    [png] = to_png(out, tmp_path / "png")
    assert ink(png) > 0.01


def test_the_back_slip_and_blanks_where_nothing_was_written(
    doctor: Services, patient: object, tmp_path: Path
) -> None:
    ref = doctor.referrals.create(
        patient.id, "back", XIANXIA, content={"diagnosis": "社区获得性肺炎"}, from_site_id=TONGREN
    )  # type: ignore[attr-defined]
    out = tmp_path / "back.pdf"
    doctor.printing.print_to("referral_back", [ref.id], out)
    [text] = pdf_text(out)
    assert in_order(
        text, "存 根", "病案号", "双向转诊（回转）单", "诊断结果", "社区获得性肺炎", "主要检查结果"
    )
    assert "None" not in text and "档案编号" not in text  # the 回转 stub names the 病案号 instead
    with pytest.raises(ServiceError, match="请用“双向转诊单（回转）”打印"):
        doctor.printing.print_to("referral_up", [ref.id], tmp_path / "wrong.pdf")
    assert not (tmp_path / "wrong.pdf").exists()
    full = doctor.referrals.update(ref.id, BACK)
    doctor.printing.print_to("referral_back", [full.id], out)
    [text] = pdf_text(out)
    assert in_order(text, "病案号", "ZY204418", "下一步治疗方案及康复建议", "社区随访")


def test_every_print_is_in_the_audit_trail(doctor: Services, patient: object, tmp_path: Path) -> None:
    ref = doctor.referrals.create(patient.id, "up", TONGREN, content=UP)  # type: ignore[attr-defined]
    doctor.printing.print_to("referral_up", [ref.id], tmp_path / "a.pdf")
    with doctor.db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "print")).one()
    assert (entry.entity, entry.entity_id, entry.user_id) == ("referrals", ref.id, doctor.user.id)  # type: ignore[union-attr]
    assert entry.detail == {"form": "referral_up", "version": "2017-1"}


def test_who_may_print_what(clerk: Services, admin: Services, doctor: Services, patient: object) -> None:
    assert "referral_up" not in {f.key for f in admin.printing.forms()}  # no referral rights
    assert "referral_up" in {f.key for f in clerk.printing.forms("referral")}
    with pytest.raises(ServiceError, match="没有表单“nope”"):
        doctor.printing.spec("nope")
