"""The hospice and home-bed forms printed for real: each record rendered to a PDF through the print
service, its text read back with pypdf (every value after its label, in reading order; nothing
prints as "None"), long text, the visits continuing over pages, the one-page hospice summary, and
every page rasterised with pdftoppm."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from chc_desktop.domain.hospice import ESAS_ITEMS
from chc_desktop.printing.render import render
from chc_desktop.services import printing
from chc_desktop.services.app import Services
from chc_desktop.services.homebeds import ApplicationDraft, Discharge, Registration, VisitDraft
from chc_desktop.services.hospice import AssessmentDraft
from chc_desktop.services.print_contexts import homebeds as homebed_forms
from chc_desktop.services.print_contexts import hospice as hospice_forms
from tests.conftest import TODAY
from tests.services.helpers import draft, id_number
from tests.services.test_homebeds import APPLICATION, at, on, opened
from tests.services.test_hospice import HOME

SPECS = (*hospice_forms.SPECS, *homebed_forms.SPECS)
LONG = "病情描述很长的一段文字，" * 60  # 720 characters


@pytest.fixture(autouse=True)
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The forms in the registry, whether or not services.printing lists them yet."""
    for spec in SPECS:
        monkeypatch.setitem(printing.FORMS, spec.key, spec)


# ---------------------------------------------------------------- records
FULL = replace(
    HOME,
    diagnosis="胰腺癌伴肝转移",
    self_care={
        "meals": "mild",
        "washing": "moderate",
        "dressing": "mild",
        "toileting": "moderate",
        "activity": "dependent",
    },
    esas={
        "items": {**dict.fromkeys(ESAS_ITEMS, 3), "pain": 6, "tiredness": 5},
        "completed_by": "family",
        "other_name": "便秘",
        "other_score": 4,
    },
    aware_diagnosis=True,
    aware_prognosis=True,
    coordination={
        "care_place_1": "home",
        "care_place_2": "hospice",
        "death_place_1": "home",
        "death_place_2": "hospice",
        "cpr": "dnacpr",
        "cpr_kept": "家中客厅药箱上层的蓝色文件夹",
        "advance_directive": "不插管、不转 ICU，以舒适为主",
        "main_carer": "女儿 李小红 13900001111",
        "key_worker": "王医生（家庭医生团队）",
        "anticipatory_medicines": "吗啡注射液 10mg、咪达唑仑 5mg、东莨菪碱 0.3mg，已放家中药箱",
    },
)


def resident(doctor: Services, name: str, seq: str, **kw: Any) -> uuid.UUID:
    overrides = {"contact_name": "李小红", "contact_phone": "13900001111", **kw}
    return doctor.residents.file(
        draft(doctor, name=name, id_number=id_number("19450505", seq), **overrides)
    ).id


def full_assessment(doctor: Services) -> uuid.UUID:
    """A signed assessment with every instrument, a home-hospice episode, its bed and a consultation."""
    rid = resident(doctor, "安宁全", "711")
    a = doctor.hospice.sign(doctor.hospice.save(rid, FULL, "home").id)
    doctor.hospice.start_home_care(a.id, TODAY)
    doctor.hospice.consult(rid, TODAY, "赵主任", "疼痛控制尚可，吗啡按需加量；注意便秘。")
    return a.id


def full_bed(doctor: Services, nurse: Services) -> uuid.UUID:
    """A bed with a summary, visits by doctor and nurse (one corrected), discharged."""
    rid = resident(doctor, "家床全", "712")
    start = TODAY - dt.timedelta(days=20)
    app = replace(APPLICATION, summary="右侧肢体偏瘫两年，长期卧床，骶尾部压疮 II 期")
    bed = on(doctor, start).homebeds.apply(rid, app)
    nurse_id = nurse.user.id  # type: ignore[union-attr]
    on(doctor, start).homebeds.register(bed.id, Registration(start, doctor.user.id, start, nurse_id))  # type: ignore[union-attr]
    day = start + dt.timedelta(days=2)
    first = on(doctor, day).homebeds.visit(
        bed.id,
        VisitDraft(
            at(day),
            complaint="乏力，纳差",
            vitals={"sbp": 190, "dbp": 95, "pulse": 80, "temperature": 36.8, "spo2": 97},
            exam="骶尾部压疮 3×2 cm，无渗液",
            tests="血糖 7.2 mmol/L",
            treatment="换药，调整降压药",
            communication="与女儿沟通翻身要求",
            next_visit=day + dt.timedelta(days=7),
        ),
    )
    on(doctor, day).homebeds.correct(
        first.id,
        VisitDraft(at(day), complaint="乏力，纳差", vitals={"sbp": 150, "dbp": 95}),
        "收缩压录入错误",
    )
    later = day + dt.timedelta(days=3)
    on(nurse, later).homebeds.visit(bed.id, VisitDraft(at(later, 15), nursing="压疮换药，指导家属翻身"))
    on(doctor, TODAY).homebeds.discharge(
        bed.id, Discharge(TODAY, "好转", "脑梗死后遗症", "I69.3", "压疮愈合，可扶行，家属掌握护理")
    )
    return bed.id


# ---------------------------------------------------------------- reading a PDF back
def pages_of(path: Path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(path).pages]


def body_of(pages: Sequence[str]) -> str:
    """The pages' text without the page footers and the （续） headings of a continued text."""
    lines = [line for page in pages for line in page.splitlines()]
    return "\n".join(
        ln for ln in lines if not re.match(r"第 \d+ 页 共 \d+ 页", ln) and not ln.endswith("（续）")
    )


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_in_order(text: str, pairs: Sequence[tuple[str, Any]]) -> None:
    """Each label, then its value after it, each pair after the one before (whitespace ignored)."""
    body, cursor = flat(text), 0
    for label, value in pairs:
        at_label = body.find(flat(label), cursor)
        assert at_label >= 0, f"label {label!r} not found after position {cursor}"
        shown = flat(str(value))
        at_value = body.find(shown, at_label + len(flat(label)))
        assert at_value >= 0, f"value {value!r} of {label!r} not found after its label"
        cursor = at_value + len(shown)


def print_pdf(services: Services, key: str, ids: Sequence[uuid.UUID], path: Path) -> printing.PrintResult:
    result = services.printing.print_to(key, ids, path)
    assert path.exists() and result.pages == len(PdfReader(path).pages)
    return result


def rasterise(pdf: Path, out: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    prefix = out / pdf.stem
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(prefix)], check=True)
    pngs = sorted(out.glob(f"{pdf.stem}-*.png"))
    assert len(pngs) == len(PdfReader(pdf).pages) and all(p.stat().st_size > 1000 for p in pngs)
    return pngs


def flatten(context: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    for key, value in context.items():
        if isinstance(value, Mapping):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}"
            if isinstance(value, list) and value and isinstance(value[0], Mapping):  # a table's rows
                yield from flatten(value[0], f"{prefix}{key}[].")


# ---------------------------------------------------------------- the registry and the templates
def test_every_template_loads_against_its_fields_and_every_field_is_provided(
    doctor: Services, nurse: Services
) -> None:
    for spec in SPECS:
        t = doctor.printing.template(spec.key)
        assert t.fields() <= spec.fields and t.name
    aid = full_assessment(doctor)
    bid = full_bed(doctor, nurse)
    for spec in SPECS:
        if spec.record == "round":
            context = homebed_forms.round_list(doctor.printing.sources, TODAY, None)
        else:
            context = spec.build(
                doctor.printing.sources, aid if spec.entity == "hospice_assessments" else bid
            )
        found = set(flatten(context))
        rows_known = any("[]." in f for f in found)  # a table's row keys show only when it has rows
        assert found == {f for f in spec.fields if rows_known or "[]." not in f}, spec.key


# ---------------------------------------------------------------- 安宁疗护转介评估表
def test_the_assessment_form_prints_every_instrument_and_the_signature(
    doctor: Services, tmp_path: Path
) -> None:
    aid = full_assessment(doctor)
    a = doctor.hospice.get(aid)
    pdf = tmp_path / "hospice_assessment.pdf"
    result = print_pdf(doctor, "hospice_assessment", [aid], pdf)
    pages = pages_of(pdf)
    text = "".join(pages)
    assert "None" not in text and result.clipped == ()
    assert_in_order(
        text,
        [
            ("评估日期", TODAY.isoformat()),
            ("版本", "第 1 版"),
            ("评估机构", "仙霞社区卫生服务中心"),
            ("状态", "已签署"),
            ("姓名", "安宁全"),
            ("性别", "男"),
            ("身份证号", id_number("19450505", "711")),
            ("出生日期", "1945-05-05"),
            ("联系电话", "13812345678"),
            ("现住址", "仙霞路 100 弄 1 号 101 室"),
            ("联系人", "李小红"),
            ("联系人电话", "13900001111"),
            ("主要诊断", "胰腺癌伴肝转移"),
            ("ICD-10", "C25.9"),
            ("终末期疾病", "是"),
            ("预计生存期", "3 个月"),
            ("KPS 评分", "50"),
            ("描述", "常需要人照料"),
            ("分级", "不能工作，可在家生活，需不同程度的帮助"),
            ("PPS", "50%"),
            ("PPI 经口进食", "中度减少（多于几口）"),
            ("水肿", "无"),
            ("静息呼吸困难", "无"),
            ("谵妄", "无"),
            ("PPI 评分", "3.5"),
            ("预后分组", "B 组"),
            ("生存期估计", "预计生存期 6 周或以上"),
            ("疼痛", "6"),
            ("疲倦", "5"),
            ("嗜睡", "3"),
            ("食欲不振", "3"),
            ("整体感觉", "3"),
            ("其他问题", "便秘 4"),
            ("总分", "32"),
            ("填写人", "家属照护者"),
            ("≥7 分的症状", "无"),
            ("难治性疼痛", "无"),
            ("进食", "5"),
            ("控制大便", "10"),
            ("床椅转移", "10"),
            ("上下楼梯", "0"),
            ("总分", "60"),
            ("分级", "中度依赖"),
            ("进餐", "轻度依赖"),
            ("梳洗", "中度依赖"),
            ("活动", "不能自理"),
            ("总分", "18"),
            ("自理能力分级", "中度依赖"),
            ("有照护者", "是"),
            ("照护者有能力", "是"),
            ("24 小时照护", "是"),
            ("居家环境适宜", "是"),
            ("本人意愿", "居家"),
            ("知晓诊断", "是"),
            ("知晓预后", "是"),
            ("知情同意接受安宁疗护", "是"),
            ("同意共享信息", "是"),
            ("是否符合条件", "符合"),
            ("规则建议", "居家"),
            ("医生安排", "居家"),
            ("改变建议", "否"),
            ("建议依据", "KPS 50；PPS 50%；预计生存期 3 个月；症状已控制"),
            ("首选照护地点", "家中"),
            ("次选照护地点", "安宁疗护病房"),
            ("首选离世地点", "家中"),
            ("次选离世地点", "安宁疗护病房"),
            ("心肺复苏决定", "不实施心肺复苏（DNACPR）"),
            ("决定文书存放处", "家中客厅药箱上层的蓝色文件夹"),
            ("主要照护者", "女儿 李小红 13900001111"),
            ("责任联系人", "王医生（家庭医生团队）"),
            ("预立医疗指示", "不插管、不转 ICU，以舒适为主"),
            ("预备用药", "吗啡注射液 10mg、咪达唑仑 5mg"),
            ("下次复评日期", (TODAY + dt.timedelta(days=14)).isoformat()),
            ("评估者", "王医生"),
            ("签署人", "王医生"),
            ("评估医生（签字）", "第 1 版"),
            ("已签署", "签署人 王医生"),
            ("内容摘要", (a.digest or "")[:12]),
        ],
    )
    assert (a.digest or "")[:13] not in flat(text)  # only the first 12 characters
    assert f"第 1 页 共 {len(pages)} 页" in pages[0]
    assert rasterise(pdf, tmp_path)


def test_an_unsigned_overridden_assessment_says_so(doctor: Services, tmp_path: Path) -> None:
    rid = resident(doctor, "安宁乙", "713")
    aid = doctor.hospice.save(rid, HOME, "inpatient", "照护者下月出国，" + "家中无人照看。" * 40).id
    pdf = tmp_path / "override.pdf"
    print_pdf(doctor, "hospice_assessment", [aid], pdf)
    text = "".join(pages_of(pdf))
    assert_in_order(
        text,
        [
            ("状态", "未签署"),
            ("规则建议", "居家"),
            ("医生安排", "机构"),
            ("改变建议", "是"),
            ("改变建议的理由", "照护者下月出国"),
            ("未签署（草稿，不作为正式文书）", "评估规则"),
        ],
    )
    assert "内容摘要" not in text and "None" not in text
    assert flat("家中无人照看。" * 40) in flat(text)  # the long reason in full, wrapped


def test_an_assessment_with_nothing_but_a_diagnosis_prints_empty_boxes(
    doctor: Services, tmp_path: Path
) -> None:
    rid = resident(doctor, "安宁空", "714", phone="", contact_name="", contact_phone="")
    aid = doctor.hospice.save(rid, AssessmentDraft(diagnosis="慢性心力衰竭")).id
    pdf = tmp_path / "empty.pdf"
    result = print_pdf(doctor, "hospice_assessment", [aid], pdf)
    text = "".join(pages_of(pdf))
    assert "None" not in text and result.clipped == ()
    assert_in_order(
        text,
        [
            ("主要诊断", "慢性心力衰竭"),
            ("终末期疾病", "否"),
            ("预计生存期", "KPS 评分"),  # empty: the next label follows at once
            ("是否符合条件", "不符合"),
            ("规则建议", "无"),
            ("建议依据", "非终末期疾病"),
        ],
    )
    assert_in_order(
        text, [("PPS", "PPI 经口进食"), ("水肿", "静息呼吸困难"), ("疼痛", "疲倦"), ("进食", "洗澡")]
    )
    rasterise(pdf, tmp_path)


# ---------------------------------------------------------------- 安宁疗护患者摘要
def test_the_summary_shows_what_the_night_needs(doctor: Services, nurse: Services, tmp_path: Path) -> None:
    aid = full_assessment(doctor)
    pdf = tmp_path / "hospice_summary.pdf"
    result = print_pdf(doctor, "hospice_summary", [aid], pdf)
    [page] = pages_of(pdf)
    assert "None" not in page and result.pages == 1
    assert_in_order(
        page,
        [
            ("姓名", "安宁全"),
            ("年龄", "81"),
            ("现住址", "仙霞路 100 弄 1 号 101 室"),
            ("电话", "13812345678"),
            ("主要照护者", "女儿 李小红 13900001111"),
            ("联系人及电话", "李小红 13900001111"),
            ("诊断", "胰腺癌伴肝转移（C25.9）"),
            ("最近 PPS", f"50%（{TODAY}）"),
            ("最近 KPS", f"50（{TODAY}）"),
            ("下次复评", (TODAY + dt.timedelta(days=14)).isoformat()),
            ("评估", "第 1 版 已签署"),
            ("责任联系人", "王医生（家庭医生团队）"),
            ("安排", "居家安宁疗护"),
            ("心肺复苏决定", "不实施心肺复苏（DNACPR）"),
            ("文书存放处", "家中客厅药箱上层的蓝色文件夹"),
            ("离世地点意愿", "首选 家中；次选 安宁疗护病房"),
            ("照护地点意愿", "首选 家中；次选 安宁疗护病房"),
            ("预立医疗指示", "不插管、不转 ICU，以舒适为主"),
            ("预备用药", "吗啡注射液 10mg、咪达唑仑 5mg、东莨菪碱 0.3mg，已放家中药箱"),
            ("居家安宁疗护", f"{TODAY} 起，进行中；已申请家庭病床，尚未建床"),
            ("最近会诊", f"{TODAY} 赵主任"),
            ("会诊意见", "疼痛控制尚可，吗啡按需加量；注意便秘。"),
            ("打印日期", TODAY.isoformat()),
            ("打印人", "王医生"),
        ],
    )
    rasterise(pdf, tmp_path)
    [bed] = doctor.homebeds.beds()  # the 舒缓照顾型 bed applied for with the episode, now opened
    doctor.homebeds.register(bed.id, Registration(TODAY, doctor.user.id, TODAY, nurse.user.id))  # type: ignore[union-attr]
    print_pdf(doctor, "hospice_summary", [aid], pdf)
    care = (
        f"{TODAY} 起，进行中；家庭病床 2026-0001（在床），责任医生 王医生，责任护士 {nurse.user.display_name}"  # type: ignore[union-attr]
    )
    assert_in_order("".join(pages_of(pdf)), [("居家安宁疗护", care)])


def test_the_summary_uses_the_latest_pps_and_kps(doctor: Services, tmp_path: Path) -> None:
    rid = resident(doctor, "安宁丙", "715")
    first = doctor.hospice.sign(doctor.hospice.save(rid, HOME).id)
    later = on(doctor, TODAY + dt.timedelta(days=3))
    second = later.hospice.save(
        rid, replace(HOME, pps=30, kps=40), assessment_id=later.hospice.revise(first.id).id
    )
    pdf = tmp_path / "latest.pdf"
    print_pdf(later, "hospice_summary", [first.id], pdf)
    text = "".join(pages_of(pdf))
    day = TODAY + dt.timedelta(days=3)
    assert_in_order(
        text,
        [
            ("最近 PPS", f"30%（{day}）"),
            ("最近 KPS", f"40（{day}）"),
            ("评估", f"{TODAY} 第 1 版 已签署（非最新：已有第 2 版）"),
        ],
    )
    assert second.version == 2
    rasterise(pdf, tmp_path)


def test_the_summary_stays_on_one_page_whatever_was_typed(doctor: Services, tmp_path: Path) -> None:
    rid = resident(
        doctor,
        "安宁长",
        "716",
        current_address="上海市长宁区仙霞路" + "一百弄" * 60,
        contact_name="联系人" * 16,
    )
    long_items = {k: "很长的说明文字" * 28 + "尾" for k in ("cpr_kept", "advance_directive", "main_carer")}
    long_items |= {k: "备" * 200 for k in ("key_worker", "anticipatory_medicines")}
    aid = doctor.hospice.sign(
        doctor.hospice.save(
            rid,
            replace(HOME, diagnosis="诊" * 200, coordination={**HOME.coordination, **long_items}),
            "inpatient",
            "理由" * 100,
        ).id
    ).id
    doctor.hospice.consult(rid, TODAY, "会诊医生" * 10, "意见很长。" * 600)
    pdf = tmp_path / "long_summary.pdf"
    result = print_pdf(doctor, "hospice_summary", [aid], pdf)
    pages = pages_of(pdf)
    assert result.pages == 1 and len(pages) == 1 and "第 1 页 共 1 页" in pages[0]
    assert "余略，见原记录" in pages[0] and "None" not in pages[0]
    assert {"resident.address", "summary.arrangement"} <= set(result.clipped)  # cut with …, reported
    rasterise(pdf, tmp_path)


def test_a_summary_with_nothing_recorded_prints_blanks(doctor: Services, tmp_path: Path) -> None:
    rid = resident(doctor, "安宁丁", "717", phone="", contact_name="", contact_phone="")
    aid = doctor.hospice.save(rid, AssessmentDraft()).id
    pdf = tmp_path / "blank_summary.pdf"
    result = print_pdf(doctor, "hospice_summary", [aid], pdf)
    [page] = pages_of(pdf)
    assert "None" not in page and result.clipped == ()
    assert_in_order(
        page, [("诊断", "最近 PPS"), ("安排", "不符合安宁疗护条件"), ("居家安宁疗护", "最近会诊")]
    )


# ---------------------------------------------------------------- 家庭病床
def test_the_application_form(doctor: Services, tmp_path: Path) -> None:
    rid = resident(doctor, "家床申", "721")
    app = replace(APPLICATION, summary="右侧肢体偏瘫两年，长期卧床")
    bid = doctor.homebeds.apply(rid, app).id
    pdf = tmp_path / "homebed_application.pdf"
    result = print_pdf(doctor, "homebed_application", [bid], pdf)
    [page] = pages_of(pdf)
    assert "None" not in page and result.clipped == ()
    assert_in_order(
        page,
        [
            ("姓名", "家床申"),
            ("身份证号", id_number("19450505", "721")),
            ("现住址", "仙霞路 100 弄 1 号 101 室"),
            ("联系人", "李小红"),
            ("申请日期", TODAY.isoformat()),
            ("家床类型", "康复型"),
            ("申请状态", "申请"),
            ("建床诊断", "脑梗死后遗症"),
            ("ICD-10", "I69.3"),
            ("病情摘要", "右侧肢体偏瘫两年，长期卧床"),
            ("收治指征和建床理由", "长期卧床，需定期换药和康复指导"),
            ("申请医生", "王医生"),
            ("申请机构", "仙霞社区卫生服务中心"),
            ("申请医生（签字）", "申请机构（盖章）"),
            ("患者/家属（签字）", "日期"),
        ],
    )
    rasterise(pdf, tmp_path)


def test_a_long_application_continues_on_a_second_page(doctor: Services, tmp_path: Path) -> None:
    rid = resident(doctor, "家床长", "722")
    app = ApplicationDraft(diagnosis="诊断" * 100, indication=LONG * 2, summary=LONG, icd10="I69.3")
    bid = doctor.homebeds.apply(rid, app).id
    pdf = tmp_path / "long_application.pdf"
    result = print_pdf(doctor, "homebed_application", [bid], pdf)
    pages = pages_of(pdf)
    assert result.pages >= 2 and "第 1 页 共" in pages[0] and "（续）" in pages[1]
    # the summary and the indication in full
    assert flat(body_of(pages)).count("病情描述很长的一段文字") == 180
    assert "bed.diagnosis" in result.clipped  # a row cuts with …
    rasterise(pdf, tmp_path)


def test_the_record_page(doctor: Services, nurse: Services, tmp_path: Path) -> None:
    bid = full_bed(doctor, nurse)
    start = TODAY - dt.timedelta(days=20)
    pdf = tmp_path / "homebed_record.pdf"
    result = print_pdf(doctor, "homebed_record", [bid], pdf)
    [page] = pages_of(pdf)
    assert "None" not in page and result.clipped == ()
    assert_in_order(
        page,
        [
            ("医疗机构", "仙霞社区卫生服务中心"),
            ("家床号", "2026-0001"),
            ("周期", "第 1 周期"),
            ("姓名", "家床全"),
            ("性别", "女"),
            ("年龄", "81"),
            ("身份证号", id_number("19450505", "712")),
            ("出生日期", "1945-05-05"),
            ("家床类型", "康复型"),
            ("状态", "已撤床"),
            ("申请日期", start.isoformat()),
            ("知情同意", start.isoformat()),
            ("建床日期", start.isoformat()),
            ("计划撤床", (start + dt.timedelta(days=90)).isoformat()),
            ("撤床日期", TODAY.isoformat()),
            ("家床天数", "20 天"),
            ("责任医生", "王医生"),
            ("责任护士", nurse.user.display_name),  # type: ignore[union-attr]
            ("建床诊断", "脑梗死后遗症"),
            ("ICD-10", "I69.3"),
            ("床日（按医保年度累计）", "2026 医保年度 20 天"),
            ("建床时情况（病情摘要）", "右侧肢体偏瘫两年"),
            ("转归", "好转"),
            ("撤床诊断", "脑梗死后遗症"),
        ],
    )
    rasterise(pdf, tmp_path)


def test_a_bed_only_applied_for_prints_its_dates_blank(doctor: Services, tmp_path: Path) -> None:
    rid = resident(doctor, "家床未", "723", contact_name="", contact_phone="")
    bid = doctor.homebeds.apply(rid, APPLICATION).id
    for key in ("homebed_record", "homebed_discharge", "homebed_visits"):
        pdf = tmp_path / f"{key}_blank.pdf"
        result = print_pdf(doctor, key, [bid], pdf)
        text = "".join(pages_of(pdf))
        assert "None" not in text and result.clipped == () and result.pages == 1, key
        assert not re.search(r"\d ?天", text), key  # no bed days yet
        rasterise(pdf, tmp_path)
    text = "".join(pages_of(tmp_path / "homebed_record_blank.pdf"))
    assert_in_order(text, [("家床号", "周期"), ("建床日期", "计划撤床"), ("转归", "撤床诊断")])


def test_the_discharge_summary(doctor: Services, nurse: Services, tmp_path: Path) -> None:
    bid = full_bed(doctor, nurse)
    pdf = tmp_path / "homebed_discharge.pdf"
    result = print_pdf(doctor, "homebed_discharge", [bid], pdf)
    [page] = pages_of(pdf)
    assert "None" not in page and result.clipped == ()
    assert_in_order(
        page,
        [
            ("姓名", "家床全"),
            ("家床号", "2026-0001"),
            ("家床类型", "康复型"),
            ("建床日期", (TODAY - dt.timedelta(days=20)).isoformat()),
            ("撤床日期", TODAY.isoformat()),
            ("家床天数", "20 天"),
            ("转归", "好转"),
            ("建床诊断", "脑梗死后遗症"),
            ("ICD-10", "I69.3"),
            ("撤床诊断", "脑梗死后遗症"),
            ("ICD-10", "I69.3"),
            ("撤床小结（经过治疗撤床时情况）", "压疮愈合，可扶行，家属掌握护理"),
            ("医生（签字）", "日期"),
        ],
    )
    rasterise(pdf, tmp_path)


def test_the_visits_form_shows_every_visit_oldest_first_with_corrections(
    doctor: Services, nurse: Services, tmp_path: Path
) -> None:
    bid = full_bed(doctor, nurse)
    day = TODAY - dt.timedelta(days=18)
    pdf = tmp_path / "homebed_visits.pdf"
    result = print_pdf(doctor, "homebed_visits", [bid], pdf)
    text = "".join(pages_of(pdf))
    assert "None" not in text and "℃" not in text and result.clipped == ()
    nurse_name = nurse.user.display_name  # type: ignore[union-attr]
    assert_in_order(
        text,
        [
            ("家床号", "2026-0001"),
            ("责任医生", "王医生"),
            ("责任护士", nurse_name),
            ("建床诊断", "脑梗死后遗症"),
            ("记录条数", "3"),
            ("记录期间", f"{day} 至 {day + dt.timedelta(days=3)}"),
            ("序号", "日期 时间"),
            ("类别", "病情记录及处理"),
            ("记录人", "1"),
            (str(day), "10:00"),
            ("查床（医生）", "（已更正，以第 2 条为准）"),
            ("主诉：", "乏力，纳差"),
            ("生命体征：", "血压 190/95 mmHg，脉搏 80 次/分，体温 36.8 °C，血氧饱和度 97%"),
            ("体格检查：", "骶尾部压疮 3×2 cm，无渗液"),
            ("辅助检查：", "血糖 7.2 mmol/L"),
            ("处理及医嘱：", "换药，调整降压药"),
            ("与家属沟通：", "与女儿沟通翻身要求"),
            ("下次查床：", (day + dt.timedelta(days=7)).isoformat()),
            ("", "王医生"),
            ("2", f"{day} 10:00"),
            ("查床（医生）", "更正第 1 条，原因：收缩压录入错误"),
            ("生命体征：", "血压 150/95 mmHg"),
            ("", "王医生"),
            ("3", f"{day + dt.timedelta(days=3)} 15:00"),
            ("巡诊（护士）", "护理：压疮换药，指导家属翻身"),
            ("", nurse_name),
        ],
    )
    rasterise(pdf, tmp_path)


def test_many_visits_continue_on_a_second_page(doctor: Services, nurse: Services, tmp_path: Path) -> None:
    rid = resident(doctor, "家床多", "724")
    start = TODAY - dt.timedelta(days=30)
    bid = opened(doctor, rid, start)
    for i in range(12):
        day = start + dt.timedelta(days=2 * i + 1)
        on(doctor, day).homebeds.visit(
            bid,
            VisitDraft(
                at(day),
                complaint=f"第 {i + 1} 次：偶有头晕",
                vitals={"sbp": 130 + i, "dbp": 80, "temperature": 36.5},
                exam="神清，双肺呼吸音清",
                treatment="继续原方案",
            ),
        )
    pdf = tmp_path / "many_visits.pdf"
    result = print_pdf(doctor, "homebed_visits", [bid], pdf)
    pages = pages_of(pdf)
    assert result.pages == len(pages) >= 2
    assert "第 1 页 共" in pages[0] and f"第 {len(pages)} 页 共 {len(pages)} 页" in pages[-1]
    assert "病情记录及处理" in pages[-1]  # the table's header again
    assert "第 1 次：偶有头晕" in pages[0] and "第 12 次：偶有头晕" in pages[-1]
    assert_in_order("".join(pages), [(str(i), f"第 {i} 次：偶有头晕") for i in range(1, 13)])
    assert len(rasterise(pdf, tmp_path)) == len(pages)


def test_visits_of_a_renewed_bed_show_each_cycle(doctor: Services, tmp_path: Path) -> None:
    rid = resident(doctor, "家床续", "725")
    start = TODAY - dt.timedelta(days=100)
    bid = opened(doctor, rid, start)
    first = start + dt.timedelta(days=5)
    on(doctor, first).homebeds.visit(bid, VisitDraft(at(first), complaint="褥疮好转"))
    renewed = doctor.homebeds.renew(bid)
    day = TODAY - dt.timedelta(days=1)
    on(doctor, day).homebeds.visit(renewed.id, VisitDraft(at(day), complaint="精神可"))
    pdf = tmp_path / "renewed.pdf"
    print_pdf(doctor, "homebed_visits", [renewed.id], pdf)
    assert_in_order(
        "".join(pages_of(pdf)),
        [
            ("—— 第 1 周期", f"建床 {start}"),
            ("主诉：", "褥疮好转"),
            ("—— 第 2 周期", f"建床 {renewed.start_date}"),
            ("主诉：", "精神可"),
        ],
    )
    rasterise(pdf, tmp_path)


# ---------------------------------------------------------------- the round
def test_the_round_list_by_street_and_committee(doctor: Services, nurse: Services, tmp_path: Path) -> None:
    a = resident(doctor, "巡诊甲", "731", current_address="仙霞路 300 弄 2 号")
    b = resident(doctor, "巡诊乙", "732", current_address="仙霞路 100 弄 5 号" + "很长的地址" * 10)
    opened(doctor, a, TODAY - dt.timedelta(days=9))
    opened(doctor, b, TODAY - dt.timedelta(days=7))
    staff = nurse.user.id  # type: ignore[union-attr]
    context = homebed_forms.round_list(nurse.printing.sources, TODAY, staff)
    rows = nurse.homebeds.round_list(TODAY, staff)
    assert [r.bed.name for r in rows] == ["巡诊乙", "巡诊甲"]  # by address within the same 居委
    template = nurse.printing.template("homebed_round")
    pdf = tmp_path / "homebed_round.pdf"
    assert render(template, [context], pdf).pages == 1
    [page] = pages_of(pdf)
    assert "None" not in page
    street, committee = rows[0].bed.street, rows[0].bed.committee
    assert_in_order(
        page,
        [
            ("日期", TODAY.isoformat()),
            ("人员", nurse.user.display_name),  # type: ignore[union-attr]
            ("应查", "2"),
            ("其中逾期", "1"),
            ("打印日期", TODAY.isoformat()),
            ("街道", "居委"),
            ("地址", "姓名"),
            ("家床号", "查床/巡诊"),
            ("责任人", "应查日期"),
            ("逾期", "完成"),
            (street, committee),
            ("仙霞路 100 弄 5 号", "很长的地址"),
            ("巡诊乙", "2026-0002"),
            ("巡诊", (TODAY).isoformat()),
            ("当天", "巡诊甲"),
            ("巡诊", (TODAY - dt.timedelta(days=2)).isoformat()),
            ("2 天", "执行人（签字）"),
            ("", "完成日期"),
        ],
    )
    everyone = homebed_forms.round_list(doctor.printing.sources, TODAY, None)
    assert everyone["round"]["staff"] == "全部人员" and everyone["round"]["count"] == 4  # the doctors too
    rasterise(pdf, tmp_path)
    nothing = homebed_forms.round_list(nurse.printing.sources, TODAY - dt.timedelta(days=30), staff)
    empty = tmp_path / "homebed_round_empty.pdf"
    assert render(template, [nothing], empty).pages == 1
    [page] = pages_of(empty)
    assert "None" not in page and nothing["round"]["count"] == 0
    assert_in_order(
        page, [("应查", "0"), ("其中逾期", "0"), ("街道", "完成"), ("执行人（签字）", "完成日期")]
    )
    rasterise(empty, tmp_path)


def test_a_long_round_continues_on_the_next_page(doctor: Services, tmp_path: Path) -> None:
    row = {
        "street": "仙霞新村街道",
        "committee": "仙霞第一居委会",
        "address": "仙霞路 100 弄 1 号",
        "name": "张三",
        "bed_no": "2026-0001",
        "role": "巡诊",
        "staff": "李护士",
        "due_on": TODAY,
        "overdue": "当天",
    }
    context = {"round": {"on": TODAY, "staff": "全部人员", "count": 60, "overdue": 0, "printed_on": TODAY}}
    context["round"]["rows"] = [row] * 60
    pdf = tmp_path / "long_round.pdf"
    n = render(doctor.printing.template("homebed_round"), [context], pdf).pages
    pages = pages_of(pdf)
    assert n == len(pages) >= 2 and f"第 2 页 共 {n} 页" in pages[1] and "街道" in pages[1]  # header again
    assert sum(p.count("张三") for p in pages) == 60  # every row, none lost
    rasterise(pdf, tmp_path)


def test_the_round_cannot_be_printed_by_record_id(doctor: Services, tmp_path: Path) -> None:
    from chc_desktop.services.errors import ServiceError

    with pytest.raises(ServiceError, match="按日期和人员"):
        doctor.printing.print_to("homebed_round", [uuid.uuid4()], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_printing_is_audited_and_needs_the_right(doctor: Services, clerk: Services, tmp_path: Path) -> None:
    from chc_desktop.services.errors import PermissionDenied

    aid = full_assessment(doctor)
    with pytest.raises(PermissionDenied):
        clerk.printing.print_to("hospice_summary", [aid], tmp_path / "no.pdf")
    assert {f.key for f in clerk.printing.forms()} & {s.key for s in SPECS} == set()
    doctor.printing.print_to("hospice_summary", [aid], tmp_path / "yes.pdf")
    from sqlalchemy import select

    from chc_desktop.store.models import AuditEntry

    with doctor.db.reader() as s:
        entries = [e for e in s.scalars(select(AuditEntry)) if e.action == "print"]
    assert [(e.entity, e.entity_id) for e in entries] == [("hospice_assessments", aid)]
