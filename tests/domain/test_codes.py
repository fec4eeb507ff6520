"""Code lists: exactly the 2017 个人基本信息表's codes (reference.md §1.3), and the choice rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain import codes
from chc_desktop.domain.codes import ALL_CODE_LISTS, Code, CodeList
from chc_desktop.domain.errors import DomainError

# Retyped from reference.md §1.3 (and §4.4 for key populations) so that a slip in either shows.
EXPECTED = {
    "sex": "0 未知的性别|1 男|2 女|9 未说明的性别",
    "residence_type": "1 户籍|2 非户籍",
    "ethnicity": "01 汉族|99 少数民族",
    "blood_abo": "1 A型|2 B型|3 O型|4 AB型|5 不详",
    "blood_rh": "1 阴性|2 阳性|3 不详",
    "education": "1 研究生|2 大学本科|3 大学专科和专科学校|4 中等专业学校|5 技工学校|6 高中|7 初中|8 小学"
    "|9 文盲或半文盲|10 不详",
    "occupation": "0 国家机关、党群组织、企业、事业单位负责人|1 专业技术人员|2 办事人员和有关人员"
    "|3 商业、服务业人员|4 农、林、牧、渔、水利业生产人员|5 生产、运输设备操作人员及有关人员|6 军人"
    "|7 不便分类的其他从业人员|8 无职业",
    "marital_status": "1 未婚|2 已婚|3 丧偶|4 离婚|5 未说明的婚姻状况",
    "payment_methods": "1 城镇职工基本医疗保险|2 城镇居民基本医疗保险|3 新型农村合作医疗|4 贫困救助"
    "|5 商业医疗保险|6 全公费|7 全自费|8 其他",
    "drug_allergies": "1 无|2 青霉素|3 磺胺|4 链霉素|5 其他",
    "exposures": "1 无|2 化学品|3 毒物|4 射线",
    "past_disease": "1 无|2 高血压|3 糖尿病|4 冠心病|5 慢性阻塞性肺疾病|6 恶性肿瘤|7 脑卒中|8 严重精神障碍"
    "|9 结核病|10 肝炎|11 其他法定传染病|12 职业病|13 其他",
    "history_kind": "disease 疾病|surgery 手术|trauma 外伤|transfusion 输血",
    "yes_no": "1 无|2 有",
    "family_history": "1 无|2 高血压|3 糖尿病|4 冠心病|5 慢性阻塞性肺疾病|6 恶性肿瘤|7 脑卒中|8 严重精神障碍"
    "|9 结核病|10 肝炎|11 先天畸形|12 其他",
    "family_relative": "father 父亲|mother 母亲|siblings 兄弟姐妹|children 子女",
    "disabilities": "1 无残疾|2 视力残疾|3 听力残疾|4 言语残疾|5 肢体残疾|6 智力残疾|7 精神残疾|8 其他残疾",
    "kitchen_exhaust": "1 无|2 油烟机|3 换气扇|4 烟囱",
    "fuel": "1 液化气|2 煤|3 天然气|4 沼气|5 柴火|6 其他",
    "water": "1 自来水|2 经净化过滤的水|3 井水|4 河湖水|5 塘水|6 其他",
    "toilet": "1 卫生厕所|2 一格或二格粪池式|3 马桶|4 露天粪坑|5 简易棚厕",
    "livestock": "1 无|2 单设|3 室内|4 室外",
    "relation": "02 户主|10 配偶|20 子|30 女|40 孙子女或外孙子女|50 父母|60 祖父母或外祖父母|70 兄弟姐妹"
    "|80 其他亲属|99 非亲属",
    "key_population": "elderly65 65岁及以上老年人|elderly60 60岁及以上老年人（上海优先）|child0_6 0–6岁儿童"
    "|hypertension 高血压|diabetes2 2型糖尿病|smi 严重精神障碍|tb 肺结核|maternal 孕产妇|disabled 残疾人"
    "|family_planning_special 计划生育特殊家庭|low_income 脱贫/低保/特困|disabled_elderly 失能/半失能老人",
    "status": "active 在册|lost 失访|dead 死亡|moved 迁出",
    "sign_method": "self 本人签约|family 家属代签|home 上门签约|online 线上签约|import 批量导入",
    "team_role": "doctor 家庭医生|nurse 社区护士|public_health 公卫医师|clerk 行政助手|specialist 专科医师",
    "package_kind": "basic 基础包|personalised 个性化服务包",
}
# key: (max_choices, other_code, none_code)
RULES = {
    "payment_methods": (3, "8", None),
    "drug_allergies": (4, "5", "1"),
    "exposures": (3, None, "1"),
    "past_disease": (6, "13", "1"),
    "family_history": (6, "12", "1"),
    "disabilities": (6, "8", "1"),
    "key_population": (12, None, None),
}


def test_every_list_is_exactly_as_in_the_reference() -> None:
    assert set(ALL_CODE_LISTS) == set(EXPECTED)
    for key, items in EXPECTED.items():
        actual = "|".join(f"{c.code} {c.label}" for c in ALL_CODE_LISTS[key].codes)
        assert actual == items, key


@pytest.mark.parametrize("code_list", ALL_CODE_LISTS.values(), ids=list(ALL_CODE_LISTS))
def test_lists_are_well_formed(code_list: CodeList) -> None:
    values = [c.code for c in code_list.codes]
    assert len(values) == len(set(values)) and values
    assert all(
        c.code and c.code == c.code.strip() and c.label and c.label == c.label.strip()
        for c in code_list.codes
    )
    assert code_list.title and code_list.key
    assert (code_list.max_choices, code_list.other_code, code_list.none_code) == RULES.get(
        code_list.key, (1, None, None)
    )
    for special in (code_list.other_code, code_list.none_code):
        assert special is None or code_list.has(special)
    assert 1 <= code_list.max_choices <= len(code_list.codes)


def test_the_named_lists() -> None:
    assert codes.SEX.label("1") == "男" and codes.SEX.has("9")
    assert codes.ETHNICITY.label("01") == "汉族" and not codes.ETHNICITY.has("1")  # 2017, not 2011
    assert codes.DISABILITY.label("4") == "言语残疾"  # the printed form's wording, not 语言
    assert codes.KEY_POPULATION.max_choices == len(codes.KEY_POPULATION.codes)
    assert codes.RELATION_TO_HEAD.label("02") == "户主"
    assert codes.YES_NO_HISTORY.label("2") == "有"
    assert codes.HISTORY_KIND.label("transfusion") == "输血"
    assert codes.FAMILY_RELATIVE.label("siblings") == "兄弟姐妹"
    assert codes.RESIDENT_STATUS.label("dead") == "死亡"
    assert codes.PAYMENT_METHOD is ALL_CODE_LISTS["payment_methods"]


def test_unknown_code() -> None:
    assert not codes.SEX.has("3")
    with pytest.raises(DomainError) as info:
        codes.SEX.label("3")
    assert (info.value.code, info.value.field) == ("code.unknown", "sex")
    assert "性别" in info.value.message


def test_validate_accepts_and_normalises() -> None:
    assert codes.DRUG_ALLERGY.validate(["2", "3"]) == ("2", "3")
    assert codes.DRUG_ALLERGY.validate([" 3 ", "", "2 "]) == ("3", "2")  # order kept, blanks dropped
    assert codes.DRUG_ALLERGY.validate([]) == ()
    assert codes.DRUG_ALLERGY.validate(["1"]) == ("1",)
    assert codes.DRUG_ALLERGY.validate(["2", "5"], "头孢") == ("2", "5")
    assert codes.PAYMENT_METHOD.validate(("1", "5", "8"), "医疗救助") == ("1", "5", "8")
    assert codes.SEX.validate("2") == ("2",)  # a bare string is one code, not characters
    assert codes.EDUCATION.validate("10") == ("10",)
    assert codes.KEY_POPULATION.validate([c.code for c in codes.KEY_POPULATION.codes])


@pytest.mark.parametrize(
    ("code_list", "chosen", "other", "error"),
    [
        (codes.DRUG_ALLERGY, ["9"], None, "code.unknown"),
        (codes.DRUG_ALLERGY, ["2", "2"], None, "code.repeated"),
        (codes.DRUG_ALLERGY, ["2", " 2"], None, "code.repeated"),
        (codes.DRUG_ALLERGY, ["1", "2"], None, "code.none_with_others"),
        (codes.DRUG_ALLERGY, ["5"], None, "code.other_text"),
        (codes.DRUG_ALLERGY, ["5"], "   ", "code.other_text"),
        (codes.PAYMENT_METHOD, ["1", "2", "3", "4"], None, "code.too_many"),
        (codes.PAYMENT_METHOD, ["8"], "", "code.other_text"),
        (codes.EXPOSURE, ["2", "1"], None, "code.none_with_others"),
        (codes.PAST_DISEASE, ["2", "3", "4", "5", "6", "7", "8"], None, "code.too_many"),
        (codes.FAMILY_HISTORY_DISEASE, ["12"], None, "code.other_text"),
        (codes.DISABILITY, ["1", "5"], None, "code.none_with_others"),
        (codes.SEX, ["1", "2"], None, "code.too_many"),
        (codes.SEX, "12", None, "code.unknown"),
    ],
)
def test_validate_refuses(code_list: CodeList, chosen: list[str], other: str | None, error: str) -> None:
    with pytest.raises(DomainError) as info:
        code_list.validate(chosen, other)
    assert info.value.code == error and info.value.field == code_list.key
    assert code_list.title in info.value.message


def test_refusal_messages_name_the_choice() -> None:
    with pytest.raises(DomainError, match="最多选 3 项"):
        codes.PAYMENT_METHOD.validate(["1", "2", "3", "4"])
    with pytest.raises(DomainError, match="选了“无”就不能再选其他项"):
        codes.DRUG_ALLERGY.validate(["1", "2"])
    with pytest.raises(DomainError, match="选了“其他”，请写明"):
        codes.DRUG_ALLERGY.validate(["5"])


def test_code_is_a_value() -> None:
    assert Code("1", "男") == codes.SEX.codes[1]


@pytest.mark.parametrize("code_list", ALL_CODE_LISTS.values(), ids=list(ALL_CODE_LISTS))
def test_validate_property(code_list: CodeList) -> None:
    @given(st.lists(st.sampled_from([c.code for c in code_list.codes]), unique=True))
    def check(chosen: list[str]) -> None:
        none_mixed = code_list.none_code in chosen and len(chosen) > 1
        if len(chosen) > code_list.max_choices or none_mixed:
            with pytest.raises(DomainError):
                code_list.validate(chosen, "说明")
        else:
            assert code_list.validate(chosen, "说明") == tuple(chosen)

    check()


def test_label_or_falls_back_for_a_code_not_in_the_list() -> None:
    assert codes.SEX.label_or("1") == "男"
    assert codes.SEX.label_or("7") == "7"  # a value from an older list is shown as it is
    assert codes.SEX.label_or("", "") == "" and codes.SEX.label_or("7", "—") == "—"
