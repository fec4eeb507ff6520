"""``chc homebed …``: a bed scripted from application to discharge through the command line alone,
refusals as one line with exit code 1, the JSON shapes of list, show, due and stats, and a 舒缓照顾型
bed applied for from a hospice assessment. The demo database may hold beds of its own: every check
looks only at the beds made here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from chc_desktop.cli import main
from chc_desktop.services.context import Context
from tests.cli.test_cli import demo_db, run  # noqa: F401  (the demo database fixture)
from tests.cli.test_cli_hospice import _assessed
from tests.services.helpers import id_number

TODAY = dt.date.today()
START = TODAY - dt.timedelta(days=20)  # the bed opens 20 days ago; the clock is moved to get there
BED_KEYS = {
    "id", "resident_id", "name", "sex", "age", "record_no", "street", "committee", "address", "phone",
    "status", "status_label", "bed_type", "type_label", "bed_no", "applied_on", "applying_site",
    "applying_doctor", "diagnosis", "icd10", "indication", "summary", "returned_reason", "site",
    "start_date", "planned_end", "doctor_id", "doctor", "nurse_id", "nurse", "consent_on", "end_date",
    "outcome", "discharge_diagnosis", "discharge_icd10", "discharge_summary", "previous_id", "cycle",
    "days", "hospice_assessment_id", "warnings",
}  # fmt: skip
VISIT_KEYS = {
    "id", "bed_id", "visited_at", "staff", "role", "role_label", "complaint", "vitals", "exam", "tests",
    "treatment", "nursing", "communication", "next_visit", "corrects_id", "correction_reason", "corrected",
}  # fmt: skip
DUE_KEYS = {"bed", "role", "role_label", "staff_id", "staff", "last_visit", "due_on", "days_over"}
MONTH_KEYS = {
    "month", "open_at_end", "opened", "discharged", "bed_days", "opened_by_type", "discharged_by_outcome"
}  # fmt: skip


def day(n: int) -> str:
    """START + n days, as the command line takes it."""
    return (START + dt.timedelta(days=n)).isoformat()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The services' today, settable: an application is dated today and a renewal must come after the
    day the bed opened, so the story is told from 20 days ago up to today."""
    now = [TODAY]
    monkeypatch.setattr(Context, "today", lambda self: self._today or now[0])
    return now


class Cli:
    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.capsys = db, capsys

    def ok(self, user: str, *args: str) -> Any:
        """The JSON of a command that must succeed."""
        code, out, err = run(self.capsys, "--db", str(self.db), "--user", user, *args, "--json")
        assert code == 0, err
        return json.loads(out)

    def refused(self, user: str, *args: str, code: int = 1) -> str:
        """The one line on stderr of a command that must be refused."""
        got, out, err = run(self.capsys, "--db", str(self.db), "--user", user, *args)
        assert (got, out) == (code, ""), err
        assert "Traceback" not in err and err.count("\n") == 1, err
        return err.strip()


@pytest.fixture
def cli(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> Cli:  # noqa: F811
    return Cli(demo_db, capsys)


def _resident(cli: Cli, name: str, idn: str) -> str:
    filed = cli.ok(
        "doctor", "resident", "add", "--name", name, "--id-number", idn,
        "--street", "仙霞新村街道", "--committee", "001",
    )  # fmt: skip
    return str(filed["id"])


def _stats(cli: Cli, *days: str) -> dict[str, dict[str, Any]]:
    """The monthly figures of the years these days fall in, by month."""
    out: dict[str, dict[str, Any]] = {}
    for year in sorted({d[:4] for d in days}):
        out.update({m["month"]: m for m in cli.ok("doctor", "homebed", "stats", "--year", year)})
    return out


def test_a_bed_from_application_to_discharge(cli: Cli, clock: list[dt.date]) -> None:
    before = _stats(cli, day(0), day(18))
    clock[0] = START
    resident = _resident(cli, "家床丙", id_number("19410606", "913"))

    bed = cli.ok(
        "doctor", "homebed", "apply", resident, "--diagnosis", "脑梗死后遗症", "--icd10", "i69.3",
        "--indication", "长期卧床，需定期换药和康复指导", "--type", "2",
    )  # fmt: skip
    assert set(bed) == BED_KEYS and isinstance(bed["id"], str)
    assert (bed["status"], bed["icd10"], bed["type_label"], bed["applied_on"], bed["resident_id"]) == (
        "applied",
        "I69.3",
        "康复型",
        day(0),
        resident,
    )
    bid = bed["id"]
    reg = ("homebed", "register", bid, "--start", day(0), "--doctor", "doctor", "--nurse", "nurse")
    assert cli.refused("doctor", *reg) == "chc: --consent: 请登记知情同意书签署日期"
    assert cli.refused("doctor", *reg[:-1], "nobody", "--consent", day(0)) == "chc: 找不到用户“nobody”"
    assert "不能担任责任医生" in cli.refused("doctor", *reg[:-3], "nurse", "--consent", day(0))
    assert cli.refused("doctor", *reg[:4], "2026-13-01", *reg[5:]) == (
        "chc: 日期“2026-13-01”无效，应为 YYYY-MM-DD"
    )
    early = cli.refused("doctor", "homebed", "visit", bid, "--at", f"{day(0)} 09:00", "--complaint", "x")
    assert early.startswith("chc: 家庭病床申请，不能记录查床")

    bed = cli.ok("doctor", *reg, "--consent", day(0))
    assert (bed["status_label"], bed["doctor"], bed["nurse"], bed["start_date"], bed["consent_on"]) == (
        "在床",
        "王医生",
        "李护士",
        day(0),
        day(0),
    )
    assert bed["planned_end"] == day(90) and bed["bed_no"].startswith(f"{START.year}-")

    visit = ("homebed", "visit", bid, "--at", f"{day(1)} 09:30", "--complaint", "乏力", "--next", day(5))
    assert (
        cli.refused("doctor", *visit, "--vital", "sbp=400") == "chc: --vital sbp: 收缩压应在 50–260 mmHg 之间"
    )
    assert "应写作 名称=数值" in cli.refused("doctor", *visit, "--vital", "sbp150")
    assert "不是数字" in cli.refused("doctor", *visit, "--vital", "sbp=abc")
    assert "没有生命体征“weight”" in cli.refused("doctor", *visit, "--vital", "weight=60")
    assert "时间“昨天”无效" in cli.refused("doctor", *visit[:3], "--at", "昨天", "--complaint", "x")
    first = cli.ok("doctor", *visit, "--vital", "sbp=190", "--vital", "dbp=95", "--vital", "temperature=36.8")
    assert set(first) == VISIT_KEYS
    assert (first["bed_id"], first["role"], first["staff"], first["vitals"]) == (
        bid,
        "doctor",
        "王医生",
        {"sbp": 190, "dbp": 95, "temperature": 36.8},
    )
    assert first["visited_at"].startswith(f"{day(1)}T09:30:00")  # local time, with its offset
    rounds = cli.ok(
        "nurse", "homebed", "visit", bid, "--at", f"{day(2)} 14:00", "--nursing", "更换敷料",
        "--vital", "pulse=80",
    )  # fmt: skip
    assert (rounds["role"], rounds["role_label"], rounds["staff"]) == ("nurse", "巡诊（护士）", "李护士")
    fix = ("homebed", "visit", "--correct", first["id"], "--at", f"{day(1)} 09:30", "--complaint", "乏力")
    assert cli.refused("doctor", *fix, "--vital", "sbp=150") == "chc: --reason: 更正须写明原因"
    fixed = cli.ok(
        "doctor", *fix, "--vital", "sbp=150", "--vital", "dbp=95", "--next", day(5),
        "--reason", "收缩压录入错误",
    )  # fmt: skip
    assert (fixed["bed_id"], fixed["corrects_id"], fixed["correction_reason"]) == (
        bid,
        first["id"],
        "收缩压录入错误",
    )

    shown = cli.ok("doctor", "homebed", "show", bid)
    assert set(shown) == BED_KEYS | {"visits", "bed_days_by_year"}
    assert [v["id"] for v in shown["visits"]] == [rounds["id"], fixed["id"], first["id"]]  # newest first
    assert [v["corrected"] for v in shown["visits"]] == [False, False, True]
    assert shown["visits"][2]["vitals"]["sbp"] == 190  # the original is kept

    due = [d for d in cli.ok("doctor", "homebed", "due", "--date", day(20)) if d["bed"]["id"] == bid]
    assert {(d["role"], d["staff"], d["last_visit"], d["due_on"], d["days_over"]) for d in due} == {
        ("doctor", "王医生", day(1), day(5), 15),  # the date the visit set, before the 7-day interval
        ("nurse", "李护士", day(2), day(9), 11),
    }
    assert set(due[0]) == DUE_KEYS
    assert bid not in {d["bed"]["id"] for d in cli.ok("doctor", "homebed", "due", "--date", day(4))}
    mine = cli.ok("nurse", "homebed", "due", "--date", day(20), "--staff", "nurse", "--round")
    assert [d["role"] for d in mine if d["bed"]["id"] == bid] == ["nurse"]
    places = [(d["bed"]["street"], d["bed"]["committee"], d["bed"]["address"]) for d in mine]
    assert places == sorted(places)

    clock[0] = TODAY
    renewed = cli.ok("doctor", "homebed", "renew", bid, "--date", day(14))
    assert renewed["id"] != bid and renewed["previous_id"] == bid
    assert (renewed["cycle"], renewed["start_date"], renewed["bed_no"]) == (2, day(14), bed["bed_no"])
    old = cli.ok("doctor", "homebed", "show", bid)
    assert (old["status"], old["end_date"], old["days"]) == ("renewed", day(14), 14)

    outcome = cli.refused(
        "doctor", "homebed", "discharge", renewed["id"], "--date", day(18), "--outcome", "痊愈"
    )
    assert outcome.startswith("chc: --outcome: 转归“痊愈”不在列表中，可选：") and "好转" in outcome
    done = cli.ok(
        "doctor", "homebed", "discharge", renewed["id"], "--date", day(18), "--outcome", "好转",
        "--diagnosis", "脑梗死后遗症", "--icd10", "I69.3", "--summary", "可扶行",
    )  # fmt: skip
    assert (done["status"], done["outcome"], done["end_date"], done["days"]) == (
        "discharged",
        "好转",
        day(18),
        4,
    )
    final = cli.ok("doctor", "homebed", "show", renewed["id"])
    assert len(final["visits"]) == 3  # the whole chain's visits
    assert sum(final["bed_days_by_year"].values()) == 18 and final["warnings"] == []

    listed = cli.ok("doctor", "homebed", "list", "--status", "discharged", "--type", "2", "--staff", "nurse")
    assert all(set(b) == BED_KEYS for b in listed) and renewed["id"] in [b["id"] for b in listed]
    assert bid not in [b["id"] for b in listed]  # that cycle ended in a renewal
    after = _stats(cli, day(0), day(18))
    opened, closed = after[day(0)[:7]], after[day(18)[:7]]
    assert all(set(m) == MONTH_KEYS for m in after.values())
    assert opened["opened"] == before[day(0)[:7]]["opened"] + 1  # the renewal is not a new bed
    assert opened["opened_by_type"]["康复型"] == before[day(0)[:7]]["opened_by_type"].get("康复型", 0) + 1
    assert (
        closed["discharged_by_outcome"]["好转"]
        == before[day(18)[:7]]["discharged_by_outcome"].get("好转", 0) + 1
    )


def test_refusals_and_bad_arguments(cli: Cli) -> None:
    resident = _resident(cli, "家床丁", id_number("19420707", "914"))
    bed = cli.ok(
        "doctor", "homebed", "apply", resident, "--diagnosis", "慢性心力衰竭", "--indication", "行动不便"
    )
    assert cli.refused("doctor", "homebed", "apply", resident, "--diagnosis", "x", "--indication", "y") == (
        "chc: 该居民已有在办的家庭病床（申请中或在床）"
    )
    today = TODAY.isoformat()
    register = ("homebed", "register", bed["id"], "--start", today, "--doctor", "doctor", "--consent", today)
    assert cli.refused("nurse", *register).startswith("chc: 您的角色无权")
    assert cli.refused("doctor", "homebed", "show", "not-an-id") == "chc: “not-an-id”不是有效的家庭病床 id"
    assert cli.refused("doctor", "homebed", "list", "--staff", "nobody") == "chc: 找不到用户“nobody”"
    assert cli.refused("doctor", "homebed", "due", "--date", "2026-02-30") == (
        "chc: 日期“2026-02-30”无效，应为 YYYY-MM-DD"
    )
    assert cli.refused("doctor", "homebed", "stats", "--year", "26") == "chc: 年份“26”无效，应为 YYYY"
    # Bad arguments: exit 2.
    assert "--reason" in cli.refused("doctor", "homebed", "visit", bed["id"], "--reason", "x", code=2)
    assert "--at" in cli.refused(
        "doctor", "homebed", "visit", "--correct", bed["id"], "--reason", "x", code=2
    )
    cli.refused("doctor", "homebed", "visit", code=2)
    cli.refused("doctor", "homebed", "apply", resident, "--from-assessment", bed["id"], code=2)
    cli.refused("doctor", "homebed", "list", "--type", "9", code=2)
    cli.refused("doctor", "homebed", "return", bed["id"], code=2)  # --reason is required


def test_readable_lines(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    resident = _resident(cli, "家床戊", id_number("19430808", "915"))
    base = ("--db", str(cli.db), "--user", "doctor", "homebed")
    code, out, err = run(capsys, *base, "apply", resident, "--diagnosis", "帕金森病", "--indication", "卧床")
    assert code == 0 and out.count("\n") == 1 and "申请  治疗型  家床戊  帕金森病" in out, err
    bid = out.split()[0]
    run(capsys, *base, "register", bid, "--start", TODAY.isoformat(), "--doctor", "doctor",
        "--consent", TODAY.isoformat())  # fmt: skip
    code, out, err = run(
        capsys, *base, "visit", bid, "--complaint", "震颤", "--vital", "sbp=130", "--vital", "dbp=80"
    )
    assert code == 0 and "查床（医生）  王医生  震颤  收缩压 130mmHg、舒张压 80mmHg" in out, err
    code, out, err = run(capsys, *base, "show", bid)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith(bid) and "在床" in lines[0] and "震颤" in lines[-1], err
    code, out, err = run(capsys, *base, "stats", "--year", str(TODAY.year))
    assert code == 0 and out.splitlines()[-1].startswith(f"{TODAY:%Y-%m}  月末在床 "), err


def test_a_palliative_bed_from_a_hospice_assessment(cli: Cli, tmp_path: Path) -> None:
    base = ("--db", str(cli.db), "--user", "doctor")
    a = _assessed(base, tmp_path, cli.capsys, "舒缓己", id_number("19370909", "916"))
    assert "安排为居家" in cli.refused("doctor", "homebed", "apply", "--from-assessment", a["id"])  # unsigned
    cli.ok("doctor", "hospice", "sign", a["id"])
    given = cli.refused(
        "doctor", "homebed", "apply", "--from-assessment", a["id"], "--diagnosis", "x", code=2
    )
    assert "--diagnosis" in given
    bed = cli.ok("doctor", "homebed", "apply", "--from-assessment", a["id"])
    assert (
        bed["bed_type"],
        bed["type_label"],
        bed["diagnosis"],
        bed["icd10"],
        bed["hospice_assessment_id"],
    ) == (
        "3",
        "舒缓照顾型",
        "肺癌",
        "C34.9",
        a["id"],
    )
    back = cli.ok("doctor", "homebed", "return", bed["id"], "--reason", "家属要求住院")
    assert (back["status"], back["returned_reason"]) == ("returned", "家属要求住院")
    listed = cli.ok("doctor", "homebed", "list", "--status", "returned", "--type", "3")
    assert bed["id"] in [b["id"] for b in listed]


@pytest.mark.parametrize(
    "command", ["apply", "register", "return", "visit", "discharge", "renew", "show", "list", "due", "stats"]
)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["homebed", command, "--help"])
    assert done.value.code == 0 and "--json" in capsys.readouterr().out


def test_a_paper_application_entered_later_keeps_its_date(cli: Cli) -> None:
    rid = _resident(cli, "补录甲", id_number("19420707", "663"))
    args = ("homebed", "apply", rid, "--diagnosis", "慢性心力衰竭", "--indication", "行动受限")
    assert (
        cli.refused("doctor", *args, "--date", "2026-02-30") == "chc: 日期“2026-02-30”无效，应为 YYYY-MM-DD"
    )
    bed = cli.ok("doctor", *args, "--date", day(0))
    assert bed["applied_on"] == day(0) and bed["status"] == "applied"
