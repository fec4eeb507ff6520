"""What a workstation may write: every pushed change is checked here, on the hub server, against
the hub's own records — the author's account and role, the device's site, what is already signed
or closed — before it is merged. Nothing a workstation sends about itself is believed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.id_number import parse_id_number
from chc_desktop.domain.phone import parse_phone
from chc_desktop.domain.resident import MULTI_CODES, SINGLE_CODES
from chc_desktop.security.roles import PERMISSION_LABELS, ROLE_LABELS, Role, allowed
from chc_desktop.security.writes import HUB_MANAGED, write_permissions
from chc_desktop.sync.protocol import ChangeIn, DeviceInfo
from chc_desktop.sync.tables import TableSpec

CONFLICT_RESOLUTION = frozenset({"resolved_at", "resolved_by", "resolution"})
PHONE_FIELDS = {"residents": ("phone", "contact_phone")}


class Rejected(Exception):
    """A change the hub will not apply; code and reason go back to the device (no personal values)."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(frozen=True)
class Author:
    id: uuid.UUID
    role: str


@dataclass
class Row:
    """A row as the hub holds it (JSON values) with where it belongs."""

    row_id: uuid.UUID
    table: str
    scope_id: uuid.UUID | None
    root_id: uuid.UUID | None
    data: dict[str, Any]
    clocks: dict[str, Any] | None
    hlc: str
    new: bool = False
    last_change: uuid.UUID | None = None  # the change of this batch that wrote it last


def permission_denied(reason: str) -> Rejected:
    return Rejected("permission", reason)


class WriteRules:
    """The checks of one push batch. ``load`` reads a row as the hub holds it (or None); ``staff``
    gives the hub's account rows by id."""

    def __init__(
        self,
        device: DeviceInfo,
        load: Callable[[uuid.UUID], Row | None],
        staff: Callable[[], dict[uuid.UUID, dict[str, Any]]],
        leases: Callable[[], list[dict[str, Any]]],
    ) -> None:
        self.device = device
        self.load = load
        self._staff = staff
        self._leases = leases

    # -- who wrote it

    def author(self, user_id: uuid.UUID | None) -> Author | None:
        """The change's author: an active account of this device's site at the hub, or nobody
        (system work, allowed only for the few writes ``check`` names)."""
        if user_id is None:
            return None
        account = self._staff().get(user_id)
        if (
            account is None
            or not account.get("active", True)
            or account.get("deleted_at")
            or account.get("site_id") != str(self.device.site_id)
        ):
            raise permission_denied("修改人不是本机构在中心登记的有效用户，中心拒收")
        return Author(user_id, str(account.get("role")))

    # -- the change itself

    def check(
        self, spec: TableSpec, c: ChangeIn, before: Row | None, after: dict[str, Any], author: Author | None
    ) -> None:
        name = spec.name
        if name in HUB_MANAGED:
            raise permission_denied(f"{HUB_MANAGED[name]}由中心管理，工作站的修改不被接受")
        old = before.data if before is not None else {}
        changed = [f for f, v in c.data.items() if before is None or old.get(f) != v]
        if before is not None and not changed:
            return  # nothing new: an echo, a retried insert, a seeded reference row
        if before is not None:
            self._immutable(spec, before, changed)
        if author is None:
            self._system_write(spec, c, before, changed)
            return
        insert = before is None
        fields = [f for f in changed if not insert or after.get(f) != spec.defaults.get(f)]
        needed = write_permissions(name, fields, insert, after.get("status"))
        missing = [p for p in needed if not allowed(author.role, p)]
        if missing:
            role = ROLE_LABELS[Role(author.role)] if author.role in set(Role) else "该用户"
            raise permission_denied(f"{role}没有“{PERMISSION_LABELS[missing[0]]}”的权限，中心拒收")
        check = getattr(self, f"_table_{name}", None)
        if check is not None:
            check(c, before, after, changed, author)

    def _immutable(self, spec: TableSpec, before: Row, changed: list[str]) -> None:
        d = before.data
        if spec.append_only:
            raise Rejected("immutable", "这类记录只能新增，不能修改")
        if spec.name == "hospice_assessments" and d.get("signed_at"):
            raise Rejected("immutable", "已签署的评估不能修改（如需更改请建立新版本）")
        if spec.name == "sync_conflicts" and d.get("resolved_at"):
            raise Rejected("immutable", "这个冲突已经处理过")

    def _system_write(self, spec: TableSpec, c: ChangeIn, before: Row | None, changed: list[str]) -> None:
        """Changes without an author: the audit of a failed login, a record number drawn from this
        device's own lease, the lease's counter. Anything else needs someone's name on it."""
        if spec.name == "audit_log" and before is None:
            self._audit_subject(c.data.get("user_id"))
            return
        if spec.name == "serial_leases" and before is not None:
            self._lease_counter(before, changed, c.data)
            return
        numbered = (
            spec.name == "residents"
            and before is not None
            and changed == ["record_no"]
            and before.data.get("record_no") is None
        )
        if numbered and self._in_own_lease(c.data.get("record_no")):
            return
        raise permission_denied("没有署名的修改，中心拒收")

    # -- per table (called by name from ``check``)

    def _table_audit_log(
        self, c: ChangeIn, before: Row | None, after: dict[str, Any], changed: list[str], author: Author
    ) -> None:
        subject = after.get("user_id")
        if subject is not None and subject != str(author.id):
            raise permission_denied("审计记录只能记在修改人自己名下")

    def _table_serial_leases(
        self, c: ChangeIn, before: Row | None, after: dict[str, Any], changed: list[str], author: Author
    ) -> None:
        if before is None:
            raise permission_denied("档案编号段由中心分配")
        self._lease_counter(before, changed, c.data)

    def _table_residents(
        self, c: ChangeIn, before: Row | None, after: dict[str, Any], changed: list[str], author: Author
    ) -> None:
        if "record_no" in changed and before is not None and before.data.get("record_no") is not None:
            raise Rejected("immutable", "已分配的健康档案编号不能更改")

    def _table_hospice_assessments(
        self, c: ChangeIn, before: Row | None, after: dict[str, Any], changed: list[str], author: Author
    ) -> None:
        if after.get("signed_at") and after.get("signed_by_id") != str(author.id):
            raise permission_denied("评估只能由签署人本人签署")

    def _table_sync_conflicts(
        self, c: ChangeIn, before: Row | None, after: dict[str, Any], changed: list[str], author: Author
    ) -> None:
        if before is None:
            raise permission_denied("同步冲突由中心记录")
        if not set(changed) <= CONFLICT_RESOLUTION:
            raise Rejected("immutable", "冲突记录只能填写处理结果")
        if after.get("resolved_by") != str(author.id):
            raise permission_denied("冲突只能由处理人本人记录")
        table, field = str(before.data.get("table_name")), str(before.data.get("field"))
        needed = write_permissions(table, [field], insert=False)
        if not all(allowed(author.role, p) for p in needed):
            raise permission_denied("没有修改该字段的权限，不能处理这个冲突")

    def _table_sites(
        self, c: ChangeIn, before: Row | None, after: dict[str, Any], changed: list[str], author: Author
    ) -> None:
        ours = self.device.street_id is not None and after.get("parent_id") == str(self.device.street_id)
        if after.get("kind") != "committee" or not ours:
            raise permission_denied("工作站只能维护本街道的居委会")
        if before is not None and before.data.get("parent_id") != after.get("parent_id"):
            raise permission_denied("居委会不能改属其他街道")

    def _table_teams(
        self, c: ChangeIn, before: Row | None, after: dict[str, Any], changed: list[str], author: Author
    ) -> None:
        centres = {after.get("centre_id")} | ({before.data.get("centre_id")} if before else set())
        if centres != {str(self.device.centre_id)}:
            raise permission_denied("只能管理本中心的家庭医生团队")

    def _table_team_members(
        self, c: ChangeIn, before: Row | None, after: dict[str, Any], changed: list[str], author: Author
    ) -> None:
        team = self.load(uuid.UUID(str(after.get("team_id"))))
        if team is None or team.data.get("centre_id") != str(self.device.centre_id):
            raise permission_denied("只能管理本中心的家庭医生团队")

    # -- helpers

    def _audit_subject(self, user_id: Any) -> None:
        if user_id is not None and uuid.UUID(str(user_id)) not in self._site_staff():
            raise permission_denied("审计记录指向的用户不属于本机构")

    def _site_staff(self) -> set[uuid.UUID]:
        site = str(self.device.site_id)
        return {uid for uid, d in self._staff().items() if d.get("site_id") == site}

    def _lease_counter(self, before: Row, changed: list[str], data: dict[str, Any]) -> None:
        lease = before.data
        if changed != ["next_serial"] or lease.get("device_id") != str(self.device.device_id):
            raise permission_denied("只能推进本工作站档案编号段的计数")
        value = data.get("next_serial")
        if not isinstance(value, int) or not (
            int(lease["next_serial"]) <= value <= int(lease["last_serial"]) + 1
        ):
            raise Rejected("validation", "档案编号段的计数超出范围")

    def _in_own_lease(self, record_no: Any) -> bool:
        """A 17-digit 健康档案编号 (12-digit 街道+居委 prefix, 5-digit serial) inside a block the hub
        granted to this device."""
        if not isinstance(record_no, str) or len(record_no) != 17 or not record_no.isdigit():
            return False
        prefix, serial = record_no[:12], int(record_no[12:])
        return any(
            d.get("device_id") == str(self.device.device_id)
            and d.get("prefix") == prefix
            and int(d["first_serial"]) <= serial <= int(d["last_serial"])
            for d in self._leases()
        )


def check_values(spec: TableSpec, data: dict[str, Any]) -> None:
    """The domain's own rules on a row's values: ID numbers, phones, code lists."""
    if spec.name != "residents":
        return
    if data.get("id_number"):
        try:
            parse_id_number(str(data["id_number"]))
        except DomainError as e:
            raise Rejected("validation", f"身份证号无效：{e.message}") from None
    for f in PHONE_FIELDS["residents"]:
        if data.get(f):
            try:
                parse_phone(str(data[f]))
            except DomainError:
                raise Rejected("validation", f"字段 {f} 不是有效的电话号码") from None
    for f, codes in SINGLE_CODES.items():
        value = data.get(f)
        if value not in (None, "") and not (isinstance(value, str) and codes.has(value)):
            raise Rejected("validation", f"字段 {f} 的代码不在{codes.title}代码表中")
    for f, (codes, _other) in MULTI_CODES.items():
        value = data.get(f)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) and codes.has(v) for v in value):
            raise Rejected("validation", f"字段 {f} 的代码不在{codes.title}代码表中")


__all__ = ["Author", "Rejected", "Row", "WriteRules", "check_values"]
