"""Teams for contract tests: two teams of 仙霞 with their own family doctors (synthetic staff)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chc_desktop.services.app import Services
from chc_desktop.services.contracts import SignRequest
from chc_desktop.services.sites import site_id
from chc_desktop.services.teams import TeamInfo

XIANXIA = site_id("centre", "仙霞社区卫生服务中心")


@dataclass(frozen=True)
class Teams:
    first: TeamInfo
    second: TeamInfo


def make_teams(admin: Services) -> Teams:
    doctor = next(u for u in admin.users.list() if u.username == "doctor")
    nurse = next(u for u in admin.users.list() if u.username == "nurse")
    other = next(u for u in admin.users.list() if u.username == "doctor2")  # a demo account: 赵医生
    first = admin.teams.create("王医生团队", XIANXIA, doctor.id)
    first = admin.teams.add_member(first.id, "nurse", nurse.id)
    first = admin.teams.add_member(
        first.id, "specialist", name="陈主任", hospital_id=site_id("hospital", "同仁医院"), specialty="心内科"
    )
    second = admin.teams.create("赵医生团队", XIANXIA, other.id)
    return Teams(first, second)


def request(team: TeamInfo, start: dt.date, **overrides: object) -> SignRequest:
    values: dict[str, object] = dict(team_id=team.id, doctor_id=team.lead_doctor_id, start_date=start)
    values.update(overrides)
    return SignRequest(**values)
