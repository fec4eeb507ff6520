"""National code lists of the 2017 个人基本信息表 and the other lists the app needs, as data.

Codes and labels are the 2017 edition's (reference.md §1.3); old data may carry the 2011 values.
Source tags as in shared/domain/reference.md: [V] seen in a public source, [M] consistent but
unchecked; lists marked [app] are this application's own codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chc_desktop.domain.errors import DomainError


@dataclass(frozen=True)
class Code:
    code: str
    label: str


@dataclass(frozen=True)
class CodeList:
    key: str
    title: str
    codes: tuple[Code, ...]
    max_choices: int = 1
    other_code: str | None = None  # this choice needs free text (其他____)
    none_code: str | None = None  # 无: excludes every other choice

    def has(self, code: str) -> bool:
        return any(c.code == code for c in self.codes)

    def label(self, code: str) -> str:
        for c in self.codes:
            if c.code == code:
                return c.label
        raise self._unknown(code)

    def label_or(self, code: str, fallback: str | None = None) -> str:
        """The code's label; for a code not in the list (or none), ``fallback`` — the code itself
        unless given — so a display never fails on a value from an older list."""
        for c in self.codes:
            if c.code == code:
                return c.label
        return code if fallback is None else fallback

    def _unknown(self, code: str) -> DomainError:
        return DomainError("code.unknown", f"{self.title}没有“{code}”这一项", self.key)

    def validate(self, chosen: Sequence[str], other_text: str | None = None) -> tuple[str, ...]:
        """The choices in the order given, checked: known codes, no repeats, not too many,
        无 alone, 其他 written out. Blank entries (empty boxes) are dropped."""
        if isinstance(chosen, str):  # a single code passed bare would otherwise split into characters
            chosen = (chosen,)
        picked = tuple(c.strip() for c in chosen if c.strip())
        for code in picked:
            if not self.has(code):
                raise self._unknown(code)
        if len(set(picked)) != len(picked):
            raise DomainError("code.repeated", f"{self.title}有重复的选项", self.key)
        if len(picked) > self.max_choices:
            raise DomainError("code.too_many", f"{self.title}最多选 {self.max_choices} 项", self.key)
        if self.none_code and self.none_code in picked and len(picked) > 1:
            raise DomainError(
                "code.none_with_others",
                f"{self.title}选了“{self.label(self.none_code)}”就不能再选其他项",
                self.key,
            )
        if self.other_code and self.other_code in picked and not (other_text or "").strip():
            raise DomainError(
                "code.other_text",
                f"{self.title}选了“{self.label(self.other_code)}”，请写明具体内容",
                self.key,
            )
        return picked


def _list(
    key: str,
    title: str,
    items: str,
    *,
    max_choices: int = 1,
    other_code: str | None = None,
    none_code: str | None = None,
) -> CodeList:
    """``items`` as "1 男; 2 女": code, one space, label."""
    codes = tuple(Code(*part.strip().split(" ", 1)) for part in items.split(";"))
    return CodeList(key, title, codes, max_choices, other_code, none_code)


# GB/T 2261.1 [V S3 S4]
SEX = _list("sex", "性别", "0 未知的性别; 1 男; 2 女; 9 未说明的性别")
# [V S3 S4]
RESIDENCE_TYPE = _list("residence_type", "常住类型", "1 户籍; 2 非户籍")
# 2017 codes [V S3 S4 S5] (2011: 1 汉族, 2 少数民族); a minority is written out in a separate field
ETHNICITY = _list("ethnicity", "民族", "01 汉族; 99 少数民族")
# [V S3 S4 S5]
BLOOD_ABO = _list("blood_abo", "血型（ABO）", "1 A型; 2 B型; 3 O型; 4 AB型; 5 不详")
# 2017 [V S3 S4 S5] (2011 asked "RH阴性: 1否 2是 3不详")
BLOOD_RH = _list("blood_rh", "血型（RH）", "1 阴性; 2 阳性; 3 不详")
# 2017 [V S3 S4] (the 2011 list had 6 codes in reverse order)
EDUCATION = _list(
    "education",
    "文化程度",
    "1 研究生; 2 大学本科; 3 大学专科和专科学校; 4 中等专业学校; 5 技工学校; "
    "6 高中; 7 初中; 8 小学; 9 文盲或半文盲; 10 不详",
)
# [V S3 S4] (8 无职业 is new in 2017)
OCCUPATION = _list(
    "occupation",
    "职业",
    "0 国家机关、党群组织、企业、事业单位负责人; 1 专业技术人员; "
    "2 办事人员和有关人员; 3 商业、服务业人员; 4 农、林、牧、渔、水利业生产人员; "
    "5 生产、运输设备操作人员及有关人员; 6 军人; 7 不便分类的其他从业人员; 8 无职业",
)
# [V S3 S4]
MARITAL_STATUS = _list("marital_status", "婚姻状况", "1 未婚; 2 已婚; 3 丧偶; 4 离婚; 5 未说明的婚姻状况")
# up to 3 boxes [V S3 S4]
PAYMENT_METHOD = _list(
    "payment_methods",
    "医疗费用支付方式",
    "1 城镇职工基本医疗保险; 2 城镇居民基本医疗保险; "
    "3 新型农村合作医疗; 4 贫困救助; 5 商业医疗保险; 6 全公费; 7 全自费; 8 其他",
    max_choices=3,
    other_code="8",
)
# up to 4 boxes [V S3 S4]
DRUG_ALLERGY = _list(
    "drug_allergies",
    "药物过敏史",
    "1 无; 2 青霉素; 3 磺胺; 4 链霉素; 5 其他",
    max_choices=4,
    none_code="1",
    other_code="5",
)
# up to 3 boxes [V S3 S4]
EXPOSURE = _list("exposures", "暴露史", "1 无; 2 化学品; 3 毒物; 4 射线", max_choices=3, none_code="1")
# 6 slots with 确诊时间 [V S3 S4] (2011: 8 重性精神疾病); 6 恶性肿瘤 and 12 职业病 also take a name,
# which the resident rules check per entry
PAST_DISEASE = _list(
    "past_disease",
    "既往史（疾病）",
    "1 无; 2 高血压; 3 糖尿病; 4 冠心病; 5 慢性阻塞性肺疾病; "
    "6 恶性肿瘤; 7 脑卒中; 8 严重精神障碍; 9 结核病; 10 肝炎; 11 其他法定传染病; 12 职业病; 13 其他",
    max_choices=6,
    none_code="1",
    other_code="13",
)
# 既往史 kinds on the form: 疾病 / 手术 / 外伤 / 输血 rows [V S3 S4]; codes [app]
HISTORY_KIND = _list(
    "history_kind", "既往史类别", "disease 疾病; surgery 手术; trauma 外伤; transfusion 输血"
)
# 手术 / 外伤 / 输血 / 遗传病史: 1 无, 2 有 [V S3 S4]
YES_NO_HISTORY = _list("yes_no", "有无", "1 无; 2 有")
# 6 boxes per relative [V S3 S4]
FAMILY_HISTORY_DISEASE = _list(
    "family_history",
    "家族史",
    "1 无; 2 高血压; 3 糖尿病; 4 冠心病; 5 慢性阻塞性肺疾病; "
    "6 恶性肿瘤; 7 脑卒中; 8 严重精神障碍; 9 结核病; 10 肝炎; 11 先天畸形; 12 其他",
    max_choices=6,
    none_code="1",
    other_code="12",
)
# The form's four rows, direct relatives only [V S3 S4]; codes [app]
FAMILY_RELATIVE = _list(
    "family_relative", "家族史亲属", "father 父亲; mother 母亲; siblings 兄弟姐妹; children 子女"
)
# 6 boxes; 4 is 言语残疾 as printed (S3 writes 语言) [V S4]
DISABILITY = _list(
    "disabilities",
    "残疾情况",
    "1 无残疾; 2 视力残疾; 3 听力残疾; 4 言语残疾; 5 肢体残疾; 6 智力残疾; 7 精神残疾; 8 其他残疾",
    max_choices=6,
    none_code="1",
    other_code="8",
)
# 生活环境, filled in rural areas only [V S3 S4]
KITCHEN_EXHAUST = _list("kitchen_exhaust", "厨房排风设施", "1 无; 2 油烟机; 3 换气扇; 4 烟囱")
# [V S3 S4]
FUEL = _list("fuel", "燃料类型", "1 液化气; 2 煤; 3 天然气; 4 沼气; 5 柴火; 6 其他")
# [V S4]
WATER = _list("water", "饮水", "1 自来水; 2 经净化过滤的水; 3 井水; 4 河湖水; 5 塘水; 6 其他")
# [V S3 S4]
TOILET = _list("toilet", "厕所", "1 卫生厕所; 2 一格或二格粪池式; 3 马桶; 4 露天粪坑; 5 简易棚厕")
# [V S3 S4]
LIVESTOCK = _list("livestock", "禽畜栏", "1 无; 2 单设; 3 室内; 4 室外")
# GB/T 4761-2008 家庭关系代码, top level only [M]
RELATION_TO_HEAD = _list(
    "relation",
    "与户主关系",
    "02 户主; 10 配偶; 20 子; 30 女; 40 孙子女或外孙子女; 50 父母; "
    "60 祖父母或外祖父母; 70 兄弟姐妹; 80 其他亲属; 99 非亲属",
)
_KEY_POPULATIONS = (
    "elderly65 65岁及以上老年人; elderly60 60岁及以上老年人（上海优先）; "
    "child0_6 0–6岁儿童; hypertension 高血压; diabetes2 2型糖尿病; smi 严重精神障碍; tb 肺结核; "
    "maternal 孕产妇; disabled 残疾人; family_planning_special 计划生育特殊家庭; "
    "low_income 脱贫/低保/特困; disabled_elderly 失能/半失能老人"
)
# 重点人群: the union in reference.md §4.4 ([V S26 S27]; 失能/半失能 [U]); codes [app]. A person can
# belong to any number of them.
KEY_POPULATION = _list(
    "key_population", "重点人群", _KEY_POPULATIONS, max_choices=_KEY_POPULATIONS.count(";") + 1
)
# 在册 plus the three ways a file leaves the register in 填表说明 1 (失访/死亡/迁出) [V S5]; codes [app]
RESIDENT_STATUS = _list("status", "档案状态", "active 在册; lost 失访; dead 死亡; moved 迁出")

# 签约方式 (ylz AppSignForm: self / family / doctor on behalf / QR code [V S27]); codes [app]
SIGN_METHOD = _list(
    "sign_method",
    "签约方式",
    "self 本人签约; family 家属代签; home 上门签约; online 线上签约; import 批量导入",
)
# 团队成员角色 (reference.md §4: 医生 + 护士 + 公卫医师 + 助理, and "专科医师 X + 团队成员 N"); codes [app]
TEAM_ROLE = _list(
    "team_role",
    "团队角色",
    "doctor 家庭医生; nurse 社区护士; public_health 公卫医师; clerk 行政助手; specialist 专科医师",
)
# 服务包类别 (基础性 / 个性化签约服务, 国卫基层发〔2018〕35号 [V S26])
PACKAGE_KIND = _list("package_kind", "服务包类别", "basic 基础包; personalised 个性化服务包")

ALL_CODE_LISTS: dict[str, CodeList] = {
    c.key: c
    for c in (
        SEX,
        RESIDENCE_TYPE,
        ETHNICITY,
        BLOOD_ABO,
        BLOOD_RH,
        EDUCATION,
        OCCUPATION,
        MARITAL_STATUS,
        PAYMENT_METHOD,
        DRUG_ALLERGY,
        EXPOSURE,
        PAST_DISEASE,
        HISTORY_KIND,
        YES_NO_HISTORY,
        FAMILY_HISTORY_DISEASE,
        FAMILY_RELATIVE,
        DISABILITY,
        KITCHEN_EXHAUST,
        FUEL,
        WATER,
        TOILET,
        LIVESTOCK,
        RELATION_TO_HEAD,
        KEY_POPULATION,
        RESIDENT_STATUS,
        SIGN_METHOD,
        TEAM_ROLE,
        PACKAGE_KIND,
    )
}
