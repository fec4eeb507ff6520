"""居民健康档案封面, 个人基本信息表 and 家庭医生签约服务协议书 printed from real files and contracts: every
field after its label and in the order the form reads, code boxes holding the codes after their
choices, blanks (never "None") for a file with only the required fields, long text kept on the page,
every multi-valued field filled, clinical rows empty for a clerk, and each page drawn with ink."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from chc_desktop.domain import codes
from chc_desktop.domain.resident import HistoryItem
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.residents import ResidentFile
from chc_desktop.services.sites import site_id
from chc_desktop.store.database import Database
from chc_desktop.store.models import AuditEntry, Resident, ServicePackage
from tests.printing.pdf_helpers import in_order, ink, pdf_text, to_png
from tests.services.contract_helpers import Teams, make_teams, request
from tests.services.helpers import draft, id_number

TODAY = dt.date(2026, 11, 24)
TONGREN = site_id("hospital", "同仁医院")
HUADONG = site_id("hospital", "华东医院")
LONG_ADDRESS = (
    "上海市长宁区仙霞新村街道虹古路居民委员会辖区仙霞路一千二百三十四弄五十六号七百八十九室"
    "（靠近仙霞路与虹古路交叉口东北角的小区东门进入，门卫室旁第三栋楼）"
)
HISTORY = (
    HistoryItem("disease", "2", None, 2005, 3),
    HistoryItem("disease", "3", None, 2010, 11),
    HistoryItem("disease", "6", "胃", 2019, 6),
    HistoryItem("disease", "10", None, 1998, None),
    HistoryItem("disease", "12", "尘肺", 2001, 1),
    HistoryItem("disease", "13", "痛风", 2020, 12),
    HistoryItem("surgery", None, "阑尾切除术", 1980, 5),
    HistoryItem("surgery", None, "胃大部切除术", 2019, 7),
    HistoryItem("trauma", None, "左腿胫骨骨折", 1975, 8),
    HistoryItem("trauma", None, "肋骨骨折", 2015, 2),
    HistoryItem("transfusion", None, "胃癌手术失血", 2019, 7),
    HistoryItem("transfusion", None, "车祸失血", 1975, 8),
)
FAMILY = {
    "father": ("2", "3", "4", "5", "6", "7"),
    "mother": ("8", "9", "10", "11", "12", "2"),
    "siblings": ("2", "3", "4", "5", "6", "12"),
    "children": ("3", "11", "12", "10", "9", "8"),
}


# ------------------------------------------------------------------ fixtures and helpers
@pytest.fixture
def teams(admin: Services) -> Teams:
    return make_teams(admin)


@pytest.fixture
def full(doctor: Services, admin: Services) -> ResidentFile:
    """A file with every field and every multi-valued field filled."""
    doc = next(u for u in admin.users.list() if u.username == "doctor")
    return doctor.residents.file(
        draft(
            doctor,
            name="欧阳建国",
            id_number=id_number("19500301", "123"),
            phone="13812345678",
            work_unit="长宁区某某机械厂（已退休）",
            contact_name="欧阳小明",
            contact_phone="13900001111",
            current_address=LONG_ADDRESS,
            registered_address="上海市长宁区虹桥路 1 号",
            doctor_id=doc.id,
            filing_date="2026-11-20",
            residence_type="2",
            ethnicity="99",
            ethnicity_name="回族",
            blood_abo="4",
            blood_rh="2",
            education="10",
            occupation="0",
            marital_status="5",
            payment_methods=("1", "5", "8"),
            payment_other="单位补充医疗保险",
            drug_allergies=("2", "3", "4", "5"),
            drug_allergy_other="头孢类抗生素",
            exposures=("2", "3", "4"),
            history=HISTORY,
            family_history=FAMILY,
            family_history_other="家族性多发性息肉病",
            hereditary_status="2",
            hereditary_name="血友病",
            disabilities=("2", "3", "4", "5", "6", "8"),
            disability_other="慢性疼痛",
            kitchen_exhaust="4",
            fuel="6",
            water="6",
            toilet="5",
            livestock="4",
        )
    )


@pytest.fixture
def bare(clerk: Services) -> ResidentFile:
    """A file with only what filing requires: name, birth date, sex, street and 居委."""
    return clerk.residents.file(
        draft(
            clerk,
            name="王五",
            id_number="",
            birth_date="1980-01-02",
            sex="2",
            phone="",
            current_address="",
            registered_address="",
            residence_type="",
            ethnicity="",
            payment_methods=(),
        )
    )


def flat(text: str) -> str:
    """Text with every space gone: wrapped lines and the squeezed spaces no longer matter."""
    return "".join(text.split())


def read(path: Path) -> list[str]:
    return [flat(page) for page in pdf_text(path)]


def choices(key: str) -> str:
    """A code list's choices as the form prints them before the boxes."""
    return "".join(f"{c.code}{c.label}" for c in codes.ALL_CODE_LISTS[key].codes)


def boxes(chosen: list[str] | tuple[str, ...], groups: int) -> str:
    """What □/□/□ boxes holding ``chosen`` read as (an empty box reads as nothing)."""
    return "/".join([*chosen, *[""] * (groups - len(chosen))])


def code_cell(label: str, key: str, chosen: list[str] | tuple[str, ...] | str | None, groups: int = 1) -> str:
    picked = [chosen] if isinstance(chosen, str) else list(chosen or [])
    return label + choices(key) + boxes(picked, groups)


def check_pages(pdf: Path, folder: Path, count: int) -> None:
    """Every page rendered (pdftoppm -r 80) and carrying ink; kept in /tmp/forms-resident too."""
    pngs = to_png(pdf, folder, dpi=80)
    assert len(pngs) == count
    for png in pngs:
        assert png.stat().st_size > 0
        assert ink(png) > 0.005, png


def set_record_no(db: Database, resident_id: uuid.UUID, value: str | None) -> None:
    with db.unit_of_work(None) as s:
        row = s.get(Resident, resident_id)
        assert row is not None
        row.record_no = value


# ------------------------------------------------------------------ 居民健康档案封面
def test_the_cover_prints_every_field_after_its_label(
    doctor: Services, full: ResidentFile, tmp_path: Path
) -> None:
    out = tmp_path / "cover.pdf"
    result = doctor.printing.print_to("cover", [full.id], out)
    assert (result.pages, result.version, result.clipped) == (1, "2017-1", ())
    [text] = read(out)
    assert in_order(
        text,
        "编号310105-008-001-00001",
        "居民健康档案",
        "姓名：",
        "欧阳建国",
        "现住址：",
        flat(LONG_ADDRESS),  # a long address wraps and stays whole, on the one page
        "户籍地址：",
        "上海市长宁区虹桥路1号",
        "联系电话：",
        "13812345678",
        "乡镇（街道）名称：",
        "仙霞新村街道",
        "村（居）委会名称：",
        full.committee,
        "建档单位：",
        "仙霞社区卫生服务中心",
        "建档人：",
        "王医生",
        "责任医生：",
        "王医生",
        "建档日期：",
        "2026-11-20",
    )
    check_pages(out, tmp_path / "png", 1)


def test_a_cover_without_a_number_yet_shows_empty_boxes(
    doctor: Services, db: Database, bare: ResidentFile, tmp_path: Path
) -> None:
    set_record_no(db, bare.id, None)  # a syncing station waiting for a number lease
    context = doctor.printing.context("cover", bare.id)
    assert context["cover"]["number"] == "编号 □□□□□□-□□□-□□□-□□□□□"
    assert context["resident"]["filed_on"] == TODAY and not context["resident"]["phone"]
    out = tmp_path / "cover.pdf"
    doctor.printing.print_to("cover", [bare.id], out)
    [text] = read(out)
    assert in_order(text, "编号□□□□□□-□□□-□□□-□□□□□", "姓名：", "王五", "现住址：", "户籍地址：")
    assert in_order(text, "建档人：", "张助理", "责任医生：", "建档日期：", "2026-11-24")
    assert "None" not in text and "待分配" not in text
    out2 = tmp_path / "basic.pdf"
    doctor.printing.print_to("basic_info", [bare.id], out2)
    assert in_order(read(out2)[0], "姓名：", "王五", "编号", "□□□-□□□□□")
    check_pages(out, tmp_path / "png", 1)


# ------------------------------------------------------------------ 个人基本信息表
def test_basic_info_prints_every_field_and_code_box(
    doctor: Services, full: ResidentFile, tmp_path: Path
) -> None:
    out = tmp_path / "basic.pdf"
    result = doctor.printing.print_to("basic_info", [full.id], out)
    assert (result.pages, result.version, result.clipped) == (1, "2017-1", ())
    [text] = read(out)
    assert in_order(
        text,
        "个人基本信息表",
        "姓名：欧阳建国",
        "编号001-00001",
        code_cell("性别", "sex", "1"),
        "出生日期1950-03-01",
        "身份证号310105195003011235",
        "工作单位长宁区某某机械厂（已退休）",
        "本人电话13812345678",
        "联系人姓名欧阳小明",
        "联系人电话13900001111",
        code_cell("常住类型", "residence_type", "2"),
        code_cell("民族", "ethnicity", "99"),
        "少数民族名称回族",
        code_cell("血型", "blood_abo", "4"),
        code_cell("RH", "blood_rh", "2"),
        code_cell("文化程度", "education", "10"),
        code_cell("职业", "occupation", "0"),
        code_cell("婚姻状况", "marital_status", "5"),
        code_cell("医疗费用支付方式", "payment_methods", ["1", "5", "8"], 3),
        "其他单位补充医疗保险",
        code_cell("药物过敏史", "drug_allergies", ["2", "3", "4", "5"], 4),
        "其他头孢类抗生素",
        code_cell("暴露史", "exposures", ["2", "3", "4"], 3),
        # the diseases in the order they were diagnosed, each slot its 确诊时间
        "既往史" + code_cell("疾病", "past_disease", ["10", "12", "2", "3", "6", "13"], 6),
        "确诊时间①1998年肝炎",
        "确诊时间②2001年1月职业病（尘肺）",
        "确诊时间③2005年3月高血压",
        "确诊时间④2010年11月糖尿病",
        "确诊时间⑤2019年6月恶性肿瘤（胃）",
        "确诊时间⑥2020年12月其他（痛风）",
        code_cell("手术", "yes_no", "2") + "名称①阑尾切除术时间1980年5月名称②胃大部切除术时间2019年7月",
        code_cell("外伤", "yes_no", "2") + "名称①左腿胫骨骨折时间1975年8月名称②肋骨骨折时间2015年2月",
        code_cell("输血", "yes_no", "2") + "原因①车祸失血时间1975年8月原因②胃癌手术失血时间2019年7月",
        "家族史父亲" + boxes(FAMILY["father"], 6),
        "母亲" + boxes(FAMILY["mother"], 6),
        "兄弟姐妹" + boxes(FAMILY["siblings"], 6),
        "子女" + boxes(FAMILY["children"], 6),
        choices("family_history") + "其他家族性多发性息肉病",
        code_cell("遗传病史", "yes_no", "2") + "疾病名称血友病",
        code_cell("残疾情况", "disabilities", ["2", "3", "4", "5", "6", "8"], 6) + "其他残疾慢性疼痛",
        "生活环境" + code_cell("厨房排风设施", "kitchen_exhaust", "4"),
        code_cell("燃料类型", "fuel", "6"),
        code_cell("饮水", "water", "6"),
        code_cell("厕所", "toilet", "5"),
        code_cell("禽畜栏", "livestock", "4"),
    )
    assert "None" not in text
    check_pages(out, tmp_path / "png", 1)


def test_basic_info_of_a_bare_file_prints_empty_boxes(
    clerk: Services, bare: ResidentFile, tmp_path: Path
) -> None:
    context = clerk.printing.context("basic_info", bare.id)
    assert context["resident"]["birth_date"] == dt.date(1980, 1, 2)
    assert context["basic"]["payment_methods"] == [] and context["basic"]["residence_type"] is None
    out = tmp_path / "basic.pdf"
    result = clerk.printing.print_to("basic_info", [bare.id], out)
    assert (result.pages, result.clipped) == (1, ())
    [text] = read(out)
    assert "None" not in text
    assert in_order(
        text,
        code_cell("性别", "sex", "2"),
        "出生日期1980-01-02身份证号工作单位本人电话联系人姓名联系人电话",
        code_cell("常住类型", "residence_type", None),
        code_cell("民族", "ethnicity", None) + "少数民族名称",
        code_cell("医疗费用支付方式", "payment_methods", [], 3) + "其他",
        code_cell("疾病", "past_disease", [], 6) + "确诊时间①确诊时间②",
        "家族史父亲" + boxes([], 6) + "母亲",
        code_cell("禽畜栏", "livestock", None),
    )
    check_pages(out, tmp_path / "png", 1)


def test_clinical_rows_are_empty_for_a_clerk(clerk: Services, full: ResidentFile, tmp_path: Path) -> None:
    out = tmp_path / "basic.pdf"
    clerk.printing.print_to("basic_info", [full.id], out)
    [text] = read(out)
    # demographics print for the clerk ...
    assert in_order(
        text, code_cell("医疗费用支付方式", "payment_methods", ["1", "5", "8"], 3), "单位补充医疗保险"
    )
    assert in_order(text, code_cell("厕所", "toilet", "5"))
    # ... the clinical rows do not: empty boxes, no names
    assert in_order(
        text,
        code_cell("药物过敏史", "drug_allergies", [], 4) + "其他" + code_cell("暴露史", "exposures", [], 3),
        code_cell("疾病", "past_disease", [], 6) + "确诊时间①确诊时间②",
        code_cell("手术", "yes_no", None) + "名称①时间名称②时间",
        "家族史父亲" + boxes([], 6) + "母亲" + boxes([], 6),
        code_cell("遗传病史", "yes_no", None) + "疾病名称",
        code_cell("残疾情况", "disabilities", [], 6) + "其他残疾生活环境",
    )
    for secret in ("头孢", "1998年", "阑尾", "骨折", "失血", "息肉", "血友病", "慢性疼痛", "None"):
        assert secret not in text, secret
    assert clerk.printing.context("basic_info", full.id)["basic"]["clinical_visible"] is False


def test_a_past_disease_of_none_and_more_history_than_the_form_has_slots_for(
    doctor: Services, tmp_path: Path
) -> None:
    resident = doctor.residents.file(
        draft(
            doctor,
            name="李四",
            id_number=id_number("19600101", "456"),
            past_disease_status="1",
            trauma_status="1",
            history=(
                HistoryItem("surgery", None, "阑尾切除术", 1980, 5),
                HistoryItem("surgery", None, "胃大部切除术", 2019, 7),
                HistoryItem("surgery", None, "白内障摘除术", 2022, None),
            ),
        )
    )
    basic = doctor.printing.context("basic_info", resident.id)["basic"]
    assert basic["past_diseases"] == ["1"] and basic["trauma"] == "1"
    # the paper has two slots: the third surgery is written into the second, with its time
    assert (basic["surgery_name_1"], basic["surgery_time_1"]) == ("阑尾切除术", "1980年5月")
    assert basic["surgery_name_2"] == "胃大部切除术（2019年7月）；白内障摘除术（2022年）"
    assert basic["surgery_time_2"] == ""
    out = tmp_path / "basic.pdf"
    result = doctor.printing.print_to("basic_info", [resident.id], out)
    # one line of 名称② cannot hold two more entries: shrunk, cut with … and reported to the user
    assert result.clipped == ("basic.surgery_name_2",)
    [text] = read(out)
    assert in_order(text, code_cell("疾病", "past_disease", ["1"], 6), code_cell("外伤", "yes_no", "1"))
    assert in_order(text, "名称①阑尾切除术时间1980年5月名称②胃大部切除术（2019年7月）；", "…时间")


def test_a_long_work_unit_is_shrunk_and_cut_and_reported(doctor: Services, tmp_path: Path) -> None:
    unit = "上海市长宁区仙霞新村街道某某某某社区服务中心下属第三综合服务站" * 3  # 96 characters
    resident = doctor.residents.file(
        draft(doctor, name="赵六", id_number=id_number("19700101", "789"), work_unit=unit)
    )
    out = tmp_path / "basic.pdf"
    result = doctor.printing.print_to("basic_info", [resident.id], out)
    assert (result.pages, result.clipped) == (1, ("basic.work_unit",))
    [text] = read(out)
    assert in_order(text, "工作单位上海市长宁区仙霞新村街道", "…本人电话")


# ------------------------------------------------------------------ 家庭医生签约服务协议书
def test_the_contract_prints_both_parties_the_term_packages_and_signatures(
    doctor: Services, full: ResidentFile, teams: Teams, tmp_path: Path
) -> None:
    signed = doctor.contracts.sign(
        full.id,
        request(
            teams.first,
            TODAY,
            packages=("basic", "elderly", "chronic", "rehab"),
            district_hospital_id=TONGREN,
            municipal_hospital_id=HUADONG,
        ),
    )
    out = tmp_path / "contract.pdf"
    result = doctor.printing.print_to("contract", [signed.id], out)
    assert (result.pages, result.version, result.clipped) == (2, "2026-1", ())  # one copy for each party
    first, second = read(out)
    assert first == second
    assert in_order(
        first,
        "家庭医生签约服务协议书",
        "甲方（签约居民）",
        "姓名欧阳建国",
        "性别男",
        "出生日期1950-03-01",
        "档案编号310105-008-001-00001",
        "身份证号310105195003011235",
        "联系电话13812345678",
        "现住址：" + flat(LONG_ADDRESS),
        "乙方（家庭医生团队）",
        "社区卫生服务中心仙霞社区卫生服务中心",
        "家庭医生王医生",
        "团队名称王医生团队",
        "团队成员李护士（社区护士）、陈主任（专科医师，同仁医院心内科）",
        "本协议服务期自2026-11-24起至2027-11-23止",
        "签约日期2026-11-24",
        "签约方式本人签约",
        "经办人王医生",
        "区级医院同仁医院",
        "市级医院华东医院",
        "二、签约服务包与费用（金额单位：元）",
        "服务包服务对象服务内容费用财政补贴个人自付",
        "基础服务包全体签约居民基本医疗服务、基本公共卫生服务、年度健康评估1次/年、预约转诊优先、慢病长处方"
        "120.00120.000.00",
        "老年人健康管理包60岁及以上老年人中医体质辨识1次/年、上门随访2次/年、用药指导100.0080.0020.00",
        "慢病管理包",
        "康复护理包失能/半失能老人、残疾人上门护理4次/年、康复指导2次/年300.00150.00150.00",
        "费用合计720.00",
        "财政/医保补贴合计450.00",
        "个人自付合计270.00",
        "三、甲方的权利和义务",
        "四、乙方的权利和义务",
        "一式两份，甲乙双方各执一份",
        "甲方（签字）：",
        "乙方家庭医生（签字）：",
        "代签人（签字）及与甲方关系：",
        "乙方（社区卫生服务中心盖章）：",
        "日期：",
    )
    assert "None" not in first
    check_pages(out, tmp_path / "png", 2)
    with doctor.db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "print")).one()
    assert (entry.entity, entry.entity_id) == ("contracts", signed.id)
    assert entry.detail == {"form": "contract", "version": "2026-1"}


def test_a_bare_contract_leaves_blanks(
    clerk: Services, bare: ResidentFile, teams: Teams, tmp_path: Path
) -> None:
    signed = clerk.contracts.sign(bare.id, request(teams.second, TODAY))
    out = tmp_path / "contract.pdf"
    result = clerk.printing.print_to("contract", [signed.id], out)
    assert (result.pages, result.clipped) == (2, ())
    first, _second = read(out)
    assert "None" not in first
    assert in_order(
        first,
        "姓名王五",
        "性别女",
        "出生日期1980-01-02",
        "档案编号310105-008-001-",
        "身份证号联系电话现住址：乙方（家庭医生团队）",
        "家庭医生赵医生团队名称赵医生团队团队成员一、",
        "区级医院市级医院",
        "基础服务包全体签约居民基本医疗服务",
        "费用合计120.00财政/医保补贴合计120.00个人自付合计0.00",
    )
    check_pages(out, tmp_path / "png", 2)


def test_package_amounts_follow_what_was_agreed_when_prices_change(
    doctor: Services, db: Database, full: ResidentFile, teams: Teams
) -> None:
    signed = doctor.contracts.sign(full.id, request(teams.first, TODAY, packages=("basic", "elderly")))
    with db.unit_of_work(None) as s:  # the price bureau changes the 老年人包 after signing
        package = s.scalars(select(ServicePackage).where(ServicePackage.code == "elderly")).one()
        package.fee_cents = 15000
        package.active = False
    c = doctor.printing.context("contract", signed.id)["contract"]
    assert (c["fee"], c["subsidy"], c["self_pay"]) == ("220.00", "200.00", "20.00")  # as agreed
    assert c["packages"][1] == {  # retired since, still named; its amounts no longer add up: left off
        "name": "老年人健康管理包",
        "target": "60岁及以上老年人",
        "items": "中医体质辨识 1次/年、上门随访 2次/年、用药指导",
        "fee": "",
        "subsidy": "",
        "self_pay": "",
    }
    assert c["packages"][0]["fee"] == ""
    assert c["package_names"] == ["基础服务包", "老年人健康管理包"]


def dotted(context: dict[str, Any], prefix: str = "") -> set[str]:
    """Every field of a context as the templates name it (resident.name, contract.packages[].fee, …)."""
    out: set[str] = set()
    for key, value in context.items():
        if isinstance(value, dict):
            out |= dotted(value, f"{prefix}{key}.")
            continue
        out.add(prefix + key)
        if isinstance(value, list) and value and isinstance(value[0], dict):  # a table's rows
            out |= dotted(value[0], f"{prefix}{key}[].")
    return out


def test_each_context_holds_exactly_the_fields_its_form_may_use(
    doctor: Services, full: ResidentFile, teams: Teams
) -> None:
    signed = doctor.contracts.sign(full.id, request(teams.first, TODAY))
    for key, rid in (("cover", full.id), ("basic_info", full.id), ("contract", signed.id)):
        spec = doctor.printing.spec(key)
        assert dotted(doctor.printing.context(key, rid)) == set(spec.fields), key
        assert doctor.printing.template(key).fields() <= spec.fields


def test_who_may_print_them(admin: Services, clerk: Services) -> None:
    assert {"cover", "basic_info"} <= {f.key for f in clerk.printing.forms("resident")}
    assert "contract" in {f.key for f in admin.printing.forms("contract")}
    spec = clerk.printing.spec("contract")
    assert (spec.title, spec.record, spec.entity, spec.permission) == (
        "家庭医生签约服务协议书",
        "contract",
        "contracts",
        Permission.CONTRACT_READ,
    )
