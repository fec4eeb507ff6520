"""Roles and what each may do: the one permission table, checked in services/."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    DOCTOR = "doctor"
    NURSE = "nurse"
    CLERK = "clerk"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.DOCTOR: "家庭医生",
    Role.NURSE: "护士",
    Role.CLERK: "行政助手",
    Role.ADMIN: "管理员",
}


class Permission(enum.StrEnum):
    RESIDENT_READ = "resident.read"  # cover and demographics
    RESIDENT_WRITE = "resident.write"  # file a resident, edit demographics, households
    RESIDENT_STATUS = "resident.status"  # 失访 / 死亡 / 迁出
    CLINICAL_READ = "clinical.read"  # 既往史, 家族史, 过敏, 暴露, 遗传病, 残疾
    CLINICAL_WRITE = "clinical.write"
    KEY_POPULATION_WRITE = "keypop.write"
    CONTRACT_READ = "contract.read"  # contracts, teams, the workbench's lists and indicators
    CONTRACT_WRITE = "contract.write"  # sign, renew, switch, terminate
    TEAM_MANAGE = "team.manage"
    REFERRAL_READ = "referral.read"
    REFERRAL_WRITE = "referral.write"  # create, send and move referrals along their workflow
    HOSPICE_READ = "hospice.read"
    HOSPICE_WRITE = "hospice.write"  # assess, record consultations
    HOSPICE_SIGN = "hospice.sign"  # sign off an assessment (a doctor's decision)
    HOMEBED_READ = "homebed.read"
    HOMEBED_WRITE = "homebed.write"  # apply for a bed, record visits
    HOMEBED_MANAGE = "homebed.manage"  # open (register), renew, discharge, return an application
    USER_MANAGE = "user.manage"
    SETTINGS_MANAGE = "settings.manage"
    AUDIT_READ = "audit.read"


P = Permission
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DOCTOR: frozenset(
        {
            P.RESIDENT_READ,
            P.RESIDENT_WRITE,
            P.RESIDENT_STATUS,
            P.CLINICAL_READ,
            P.CLINICAL_WRITE,
            P.KEY_POPULATION_WRITE,
            P.CONTRACT_READ,
            P.CONTRACT_WRITE,
            P.REFERRAL_READ,
            P.REFERRAL_WRITE,
            P.HOSPICE_READ,
            P.HOSPICE_WRITE,
            P.HOSPICE_SIGN,
            P.HOMEBED_READ,
            P.HOMEBED_WRITE,
            P.HOMEBED_MANAGE,
        }
    ),
    Role.NURSE: frozenset(
        {
            P.RESIDENT_READ,
            P.RESIDENT_WRITE,
            P.RESIDENT_STATUS,
            P.CLINICAL_READ,
            P.CLINICAL_WRITE,
            P.KEY_POPULATION_WRITE,
            P.CONTRACT_READ,
            P.CONTRACT_WRITE,
            P.REFERRAL_READ,
            P.HOSPICE_READ,
            P.HOSPICE_WRITE,
            P.HOMEBED_READ,
            P.HOMEBED_WRITE,
        }
    ),
    # A clerk files residents and keeps demographics; clinical history is not theirs to see.
    # A clerk also records signings on paper forms the doctor has agreed.
    Role.CLERK: frozenset(
        {
            P.RESIDENT_READ,
            P.RESIDENT_WRITE,
            P.RESIDENT_STATUS,
            P.KEY_POPULATION_WRITE,
            P.CONTRACT_READ,
            P.CONTRACT_WRITE,
            P.REFERRAL_READ,
        }
    ),
    # An administrator manages accounts and settings and reads the audit trail, not clinical data.
    # Teams are the administrator's, and so are the indicators; signing is not.
    Role.ADMIN: frozenset(
        {P.RESIDENT_READ, P.USER_MANAGE, P.SETTINGS_MANAGE, P.AUDIT_READ, P.CONTRACT_READ, P.TEAM_MANAGE}
    ),
}

PERMISSION_LABELS: dict[Permission, str] = {
    P.RESIDENT_READ: "查看居民档案",
    P.RESIDENT_WRITE: "建档和修改居民基本信息",
    P.RESIDENT_STATUS: "登记失访、死亡、迁出",
    P.CLINICAL_READ: "查看既往史等临床信息",
    P.CLINICAL_WRITE: "修改既往史等临床信息",
    P.KEY_POPULATION_WRITE: "标记重点人群",
    P.CONTRACT_READ: "查看签约信息",
    P.CONTRACT_WRITE: "办理签约、续约、改签和解约",
    P.TEAM_MANAGE: "管理家庭医生团队",
    P.REFERRAL_READ: "查看转诊",
    P.REFERRAL_WRITE: "办理转诊",
    P.HOSPICE_READ: "查看安宁疗护评估",
    P.HOSPICE_WRITE: "进行安宁疗护评估",
    P.HOSPICE_SIGN: "签署安宁疗护评估",
    P.HOMEBED_READ: "查看家庭病床",
    P.HOMEBED_WRITE: "申请家庭病床、记录查床",
    P.HOMEBED_MANAGE: "建床、续床和撤床",
    P.USER_MANAGE: "管理用户",
    P.SETTINGS_MANAGE: "修改系统设置",
    P.AUDIT_READ: "查看审计日志",
}


def allowed(role: str, permission: Permission) -> bool:
    try:
        return permission in PERMISSIONS[Role(role)]
    except ValueError:
        return False
