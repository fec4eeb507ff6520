"""Policy parameters: local rules that are settings with a documented default and source.

Defaults and tags from shared/domain/policy-defaults.md ([V] seen in a public source, [M] consistent
but unchecked, [U] unverified or local). The values live in the settings table; this is the registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chc_desktop.domain.errors import DomainError


@dataclass(frozen=True)
class PolicyParameter:
    key: str
    label: str
    default: Any
    kind: type  # int | bool | str | list
    unit: str
    source: str
    minimum: int | None = None
    maximum: int | None = None

    def coerce(self, value: Any) -> Any:
        """The value as this parameter's type, or a DomainError saying why not."""
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("1", "true", "yes", "是"):
                return True
            if str(value).lower() in ("0", "false", "no", "否"):
                return False
            raise DomainError("policy.type", f"{self.label}应为是或否", self.key)
        if self.kind is int:
            try:
                number = int(value)
            except (TypeError, ValueError):
                raise DomainError("policy.type", f"{self.label}应为整数", self.key) from None
            if self.minimum is not None and number < self.minimum:
                raise DomainError("policy.range", f"{self.label}不能小于 {self.minimum}", self.key)
            if self.maximum is not None and number > self.maximum:
                raise DomainError("policy.range", f"{self.label}不能大于 {self.maximum}", self.key)
            return number
        if self.kind is list:
            if isinstance(value, str):
                return [v.strip() for v in value.replace("，", ",").split(",") if v.strip()]
            return [str(v) for v in value]
        return str(value)


_PARAMS = [
    # Family-doctor contracts (签约)
    PolicyParameter(
        "contract.term_months", "签约周期", 12, int, "月", "国家 2018 指导意见：不少于一年 [V]", 12, 60
    ),
    PolicyParameter("contract.renewal_reminder_days", "续约提醒提前天数", 30, int, "天", "产品选择", 1, 180),
    PolicyParameter("keypop.elderly_age", "老年人重点人群年龄", 65, int, "岁", "国家标准 65 岁 [V]", 50, 90),
    PolicyParameter(
        "keypop.shanghai_priority_age", "上海优先签约年龄", 60, int, "岁", "上海 1+1+1 [V]", 50, 90
    ),
    PolicyParameter(
        "contract.termination_reasons",
        "解约原因",
        ["迁出本辖区", "连续一年无法取得联系", "连续一年拒绝服务", "主动解约", "死亡", "其他"],
        list,
        "",
        "[V]",
    ),
    PolicyParameter(
        "indicator.coverage_all_percent",
        "签约覆盖率目标（全人群）",
        48,
        int,
        "%",
        "2025 年目标（种子文件）",
        1,
        100,
    ),
    PolicyParameter(
        "indicator.coverage_key_percent",
        "签约覆盖率目标（重点人群）",
        80,
        int,
        "%",
        "2025 年目标（种子文件）",
        1,
        100,
    ),
    # Home beds (家庭病床)
    PolicyParameter("homebed.cycle_days", "建床周期上限", 90, int, "天", "外地医保规定 [U 上海]", 7, 365),
    PolicyParameter("homebed.days_per_year", "每医保年度床日上限", 180, int, "天", "[U]", 1, 366),
    PolicyParameter("homebed.cycles_per_year", "每医保年度建床次数上限", 3, int, "次", "[U]", 1, 12),
    PolicyParameter(
        "homebed.visit_interval_days",
        "医生查床间隔",
        7,
        int,
        "天",
        "常见做法每周 1 次 [U]；桂林试点每周 2 次 [V]",
        1,
        31,
    ),
    PolicyParameter("homebed.nurse_visit_interval_days", "护士巡诊间隔", 7, int, "天", "产品选择 [U]", 1, 31),
    PolicyParameter(
        "homebed.insurance_year_start_month",
        "医保年度起始月份",
        4,
        int,
        "月",
        "上海职工医保年度自 4 月 1 日起 [M]",
        1,
        12,
    ),
    PolicyParameter(
        "homebed.outcomes",
        "撤床转归",
        ["治愈", "好转", "未愈/无效", "死亡", "转院", "到期撤床", "其他"],
        list,
        "",
        "[V]",
    ),
    PolicyParameter("homebed.centre_only", "仅社区卫生服务中心可建床、撤床", True, bool, "", "上海 [V]"),
    # Hospice (安宁疗护)
    PolicyParameter("hospice.reassess_days", "居家安宁疗护复评间隔", 14, int, "天", "设计建议 [U]", 1, 90),
    PolicyParameter(
        "hospice.reassess_days_unstable", "病情不稳时复评间隔", 7, int, "天", "设计建议 [U]", 1, 30
    ),
    # Workstation security (本机安全)
    PolicyParameter("security.max_failed_logins", "连续登录失败锁定次数", 5, int, "次", "产品选择", 3, 20),
    PolicyParameter("security.lockout_minutes", "账户锁定时长", 15, int, "分钟", "产品选择", 1, 1440),
    PolicyParameter("security.idle_lock_minutes", "无操作自动锁屏", 10, int, "分钟", "产品选择", 1, 120),
    # Record numbers (健康档案编号)
    PolicyParameter(
        "record_no.lease_block",
        "每次预留档案编号数",
        200,
        int,
        "个",
        "产品选择，见 docs/record-numbers.md",
        10,
        5000,
    ),
    # Search
    PolicyParameter("search.max_results", "搜索结果上限", 50, int, "条", "产品选择", 10, 500),
]

POLICY: dict[str, PolicyParameter] = {p.key: p for p in _PARAMS}


def parameter(key: str) -> PolicyParameter:
    try:
        return POLICY[key]
    except KeyError:
        raise DomainError("policy.unknown", f"没有名为 {key} 的设置项", key) from None
