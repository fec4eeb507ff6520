"""Teams and the contract lifecycle: sign, household, renew, switch, terminate, death, history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from chc_desktop.services.app import Services
from chc_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from chc_desktop.services.residents import ANY_KEY_POPULATION, Filters
from chc_desktop.services.sites import site_id
from chc_desktop.store.models import Contract
from tests.conftest import TODAY
from tests.services.contract_helpers import XIANXIA, make_teams, request
from tests.services.helpers import draft, id_number


@pytest.fixture
def teams(admin: Services):
    return make_teams(admin)


def _file(services: Services, seq: str, birth: str = "19800301") -> object:
    return services.residents.file(
        draft(
            services,
            name="签约" + "".join("零一二三四五六七八九"[int(d)] for d in seq),
            id_number=id_number(birth, seq),
            phone="",
        )
    )


# ---------------------------------------------------------------- teams
def test_a_team_shows_its_lead_members_and_specialists(admin: Services, teams) -> None:
    team = admin.teams.get(teams.first.id)
    assert team.centre == "仙霞社区卫生服务中心" and team.lead_doctor == "王医生"
    assert [(m.role_label, m.name, m.hospital) for m in team.members] == [
        ("社区护士", "李护士", ""),
        ("专科医师", "陈主任", "同仁医院"),
    ]
    assert team.summary == "专科医师 陈主任 + 团队成员 1"


def test_team_rules_are_checked(admin: Services, doctor: Services, teams) -> None:
    nurse = next(u for u in admin.users.list() if u.username == "nurse")
    with pytest.raises(ValidationFailed) as e:
        admin.teams.create("王医生团队", XIANXIA, nurse.id)
    assert e.value.errors == {"name": "本中心已有同名团队", "lead_doctor_id": "团队长须为在职的家庭医生账户"}
    with pytest.raises(ValidationFailed) as e:
        admin.teams.add_member(teams.first.id, "doctor", nurse.id)
    assert e.value.errors == {"user_id": "家庭医生须为医生账户"}
    with pytest.raises(ValidationFailed) as e:
        admin.teams.add_member(teams.first.id, "specialist", name="某医生", hospital_id=XIANXIA)
    assert e.value.errors == {"hospital_id": "请选择专科医师所在医院"}
    with pytest.raises(PermissionDenied):
        doctor.teams.create("另一个团队", XIANXIA, teams.first.lead_doctor_id)


def test_a_member_who_leaves_is_kept_in_history_but_not_listed(admin: Services, teams) -> None:
    nurse = teams.first.members[0]
    team = admin.teams.remove_member(nurse.id)
    assert [m.name for m in team.members] == ["陈主任"]


def test_a_team_with_residents_under_contract_cannot_be_stood_down(
    admin: Services,
    doctor: Services,
    teams,
) -> None:
    r = _file(doctor, "001")
    doctor.contracts.sign(r.id, request(teams.first, TODAY))
    with pytest.raises(ServiceError, match="仍有在约居民"):
        admin.teams.set_active(teams.first.id, False)
    assert not admin.teams.set_active(teams.second.id, False).active


# ---------------------------------------------------------------- signing
def test_signing_sets_the_term_fee_and_hospitals(doctor: Services, teams) -> None:
    r = _file(doctor, "002")
    c = doctor.contracts.sign(
        r.id,
        request(
            teams.first,
            dt.date(2026, 11, 30),
            packages=("basic", "chronic"),
            sign_method="family",
            district_hospital_id=site_id("hospital", "光华中西医结合医院"),
            municipal_hospital_id=site_id("hospital", "华东医院"),
        ),
    )
    assert (c.start_date, c.end_date) == (dt.date(2026, 11, 30), dt.date(2027, 11, 29))
    assert c.status_label == "已签约" and c.sign_method_label == "家属代签"
    assert c.package_names == ("基础服务包", "慢病管理包")
    assert (c.fee_cents, c.subsidy_cents, c.self_pay_cents) == (32000, 22000, 10000)
    assert (c.district_hospital, c.municipal_hospital) == ("光华中西医结合医院", "华东医院")
    assert c.signed_by == "王医生" and c.signed_on == TODAY and c.team == "王医生团队"
    assert doctor.contracts.current(r.id) == c


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        ({"packages": ("chronic",)}, {"packages": "须选择且只能选择一个基础服务包"}),
        ({"packages": ("basic", "nope")}, {"packages": "服务包不存在或已停用"}),
        (
            {"district_hospital_id": site_id("hospital", "华东医院")},
            {"district_hospital_id": "“1+1+1”的第二个“1”须为区级医院"},
        ),
        (
            {"municipal_hospital_id": site_id("hospital", "同仁医院")},
            {"municipal_hospital_id": "“1+1+1”的第三个“1”须为市级医院"},
        ),
        ({"sign_method": "fax"}, {"sign_method": "请选择签约方式"}),
        ({"start_date": dt.date(2025, 11, 1)}, {"start_date": "按此开始日期，签约周期已经结束，请核对日期"}),
        ({"start_date": dt.date(2028, 1, 1)}, {"start_date": "签约开始日期不能晚于一年以后"}),
    ],
)
def test_a_bad_signing_form_is_refused_field_by_field(
    doctor: Services,
    teams,
    overrides: dict[str, object],
    errors: dict[str, str],
) -> None:
    r = _file(doctor, "003")
    with pytest.raises(ValidationFailed) as e:
        doctor.contracts.sign(r.id, request(teams.first, TODAY, **overrides))
    assert e.value.errors == errors
    assert doctor.contracts.history(r.id) == []


def test_the_doctor_must_belong_to_the_team(doctor: Services, teams) -> None:
    r = _file(doctor, "004")
    with pytest.raises(ValidationFailed) as e:
        doctor.contracts.sign(
            r.id,
            request(teams.first, TODAY, doctor_id=teams.second.lead_doctor_id),
        )
    assert e.value.errors == {"doctor_id": "签约医生须为该团队的家庭医生"}


def test_one_contract_in_force_per_resident(doctor: Services, teams) -> None:
    r = _file(doctor, "005")
    doctor.contracts.sign(r.id, request(teams.first, TODAY))
    with pytest.raises(ServiceError, match="已与王医生团队签约（至 2027-11-23），同一时间只能签约一个团队"):
        doctor.contracts.sign(r.id, request(teams.second, TODAY))
    assert len(doctor.contracts.history(r.id)) == 1


def test_a_lapsed_contract_is_closed_as_expired_when_the_resident_signs_again(
    db,
    doctor: Services,
    teams,
) -> None:
    r = _file(doctor, "006")
    old = doctor.contracts.sign(r.id, request(teams.first, TODAY))
    later = Services(db, doctor.user, dt.date(2027, 12, 1))
    assert later.contracts.current(r.id) is None
    new = later.contracts.sign(r.id, request(teams.second, dt.date(2027, 12, 1)))
    history = later.contracts.history(r.id)
    assert [(c.id, c.status_label) for c in history] == [(new.id, "已签约"), (old.id, "已到期")]


def test_a_closed_file_cannot_sign(doctor: Services, teams) -> None:
    r = _file(doctor, "007")
    doctor.residents.set_status(r.id, "moved", TODAY, moved_to="外区")
    with pytest.raises(ServiceError, match="档案状态为“迁出”，不能签约"):
        doctor.contracts.sign(r.id, request(teams.first, TODAY))


def test_a_household_signs_at_once_and_members_already_signed_are_left_out(
    doctor: Services,
    teams,
) -> None:
    head, wife, child = _file(doctor, "011"), _file(doctor, "012"), _file(doctor, "013", "20200101")
    doctor.residents.join_household(head.id, "02", None)
    doctor.residents.join_household(wife.id, "10", head.id)
    doctor.residents.join_household(child.id, "20", head.id)
    doctor.contracts.sign(wife.id, request(teams.second, TODAY))
    result = doctor.contracts.sign_household(head.id, request(teams.first, TODAY))
    assert sorted(c.resident_id for c in result.signed) == sorted([head.id, child.id])
    assert len({c.household_id for c in result.signed}) == 1 and result.signed[0].household_id
    assert [rid for rid, _ in result.skipped] == [wife.id]
    assert "同一时间只能签约一个团队" in result.skipped[0][1]
    with pytest.raises(ServiceError, match="家庭中没有可以签约的成员"):
        doctor.contracts.sign_household(head.id, request(teams.first, TODAY))


def test_a_resident_without_a_household_cannot_sign_as_one(doctor: Services, teams) -> None:
    r = _file(doctor, "014")
    with pytest.raises(ServiceError, match="尚未登记家庭"):
        doctor.contracts.sign_household(r.id, request(teams.first, TODAY))


# ---------------------------------------------------------------- lifecycle
def test_renewal_starts_the_day_after_the_old_term_and_keeps_the_chain(doctor: Services, teams) -> None:
    r = _file(doctor, "021")
    old = doctor.contracts.sign(r.id, request(teams.first, dt.date(2026, 1, 31)))
    assert old.end_date == dt.date(2027, 1, 30)
    new = doctor.contracts.renew(old.id, ("basic", "elderly"))
    assert (new.start_date, new.end_date, new.previous_id) == (
        dt.date(2027, 1, 31),
        dt.date(2028, 1, 30),
        old.id,
    )
    assert new.package_names == ("基础服务包", "老年人健康管理包") and new.team_id == old.team_id
    assert doctor.contracts.get(old.id).status_label == "已续约"
    assert doctor.contracts.current(r.id) == new
    with pytest.raises(ValidationFailed, match="该签约已续约，不能再续约"):
        doctor.contracts.renew(old.id)


def test_a_lapsed_contract_renews_from_today(db, doctor: Services, teams) -> None:
    r = _file(doctor, "022")
    old = doctor.contracts.sign(r.id, request(teams.first, TODAY))
    later = Services(db, doctor.user, dt.date(2028, 3, 1))
    new = later.contracts.renew(old.id)
    assert (new.start_date, new.end_date) == (dt.date(2028, 3, 1), dt.date(2029, 2, 28))


def test_switching_ends_the_old_contract_the_day_before_the_new_one(doctor: Services, teams) -> None:
    r = _file(doctor, "023")
    old = doctor.contracts.sign(r.id, request(teams.first, dt.date(2026, 6, 1)))
    with pytest.raises(ValidationFailed, match="同一团队请用续约"):
        doctor.contracts.switch(old.id, request(teams.first, TODAY))
    new = doctor.contracts.switch(old.id, request(teams.second, TODAY))
    closed = doctor.contracts.get(old.id)
    assert (closed.status_label, closed.ended_on) == ("已改签", TODAY - dt.timedelta(days=1))
    assert (new.team, new.doctor, new.previous_id, new.end_date) == (
        "赵医生团队",
        "赵医生",
        old.id,
        dt.date(2027, 11, 23),
    )


def test_termination_needs_a_reason_from_the_policy_list(doctor: Services, teams) -> None:
    r = _file(doctor, "024")
    c = doctor.contracts.sign(r.id, request(teams.first, dt.date(2026, 6, 1)))
    with pytest.raises(ValidationFailed, match="解约原因须为：迁出本辖区、连续一年无法取得联系"):
        doctor.contracts.terminate(c.id, "不想签了", TODAY)
    with pytest.raises(ValidationFailed, match="解约须选择原因"):
        doctor.contracts.terminate(c.id, "", TODAY)
    with pytest.raises(ValidationFailed, match="请写明"):
        doctor.contracts.terminate(c.id, "其他", TODAY)
    with pytest.raises(ValidationFailed, match="不能晚于今天"):
        doctor.contracts.terminate(c.id, "主动解约", TODAY + dt.timedelta(days=1))
    ended = doctor.contracts.terminate(c.id, "迁出本辖区", TODAY, "搬到外区")
    assert (ended.status_label, ended.ended_on, ended.end_reason, ended.end_note) == (
        "已解约",
        TODAY,
        "迁出本辖区",
        "搬到外区",
    )
    assert doctor.contracts.current(r.id) is None
    assert "死亡" not in doctor.contracts.termination_reasons()


def test_death_ends_the_contract_automatically(doctor: Services, teams) -> None:
    r = _file(doctor, "025")
    c = doctor.contracts.sign(r.id, request(teams.first, dt.date(2026, 6, 1)))
    day = dt.date(2026, 11, 20)
    doctor.residents.set_status(r.id, "dead", day, death_cause="心力衰竭")
    ended = doctor.contracts.get(c.id)
    assert (ended.status_label, ended.ended_on, ended.end_reason) == ("死亡终止", day, "死亡")
    with pytest.raises(ValidationFailed, match="该签约已死亡终止，不能再续约"):
        doctor.contracts.renew(c.id)


def test_history_is_never_overwritten(db, doctor: Services, teams) -> None:
    r = _file(doctor, "026")
    first = doctor.contracts.sign(r.id, request(teams.first, dt.date(2026, 6, 1)))
    second = doctor.contracts.switch(first.id, request(teams.second, TODAY))
    third = doctor.contracts.renew(second.id)
    doctor.contracts.terminate(third.id, "主动解约", TODAY)
    history = doctor.contracts.history(r.id)
    assert [c.status_label for c in history] == ["已解约", "已续约", "已改签"]
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Contract)) == 3


def test_a_nurse_and_a_clerk_may_sign_but_an_administrator_may_not(
    db,
    admin: Services,
    clerk: Services,
    teams,
) -> None:
    r = _file(clerk, "027")
    with pytest.raises(PermissionDenied, match="无权办理签约"):
        admin.contracts.sign(r.id, request(teams.first, TODAY))
    assert clerk.contracts.sign(r.id, request(teams.first, TODAY)).signed_by == "张助理"


def test_two_contracts_in_force_after_a_sync_are_listed(db, doctor: Services, teams) -> None:
    r = _file(doctor, "028")
    c = doctor.contracts.sign(r.id, request(teams.first, TODAY))
    with db.unit_of_work(None) as s:  # what a second station's offline signing looks like after a pull
        row = s.get(Contract, c.id)
        assert row is not None
        s.add(
            Contract(
                resident_id=row.resident_id,
                team_id=teams.second.id,
                doctor_id=teams.second.lead_doctor_id,
                start_date=TODAY,
                end_date=row.end_date,
                sign_method="self",
                signed_on=TODAY,
            )
        )
    assert doctor.contracts.double_contracts() == [r.id]


# ---------------------------------------------------------------- lists
def test_worklist_filters_signed_unsigned_key_population_and_mine(
    admin: Services,
    doctor: Services,
    teams,
) -> None:
    old = _file(doctor, "031", "19500101")  # 76: key population
    young = _file(doctor, "032", "19900101")
    child = _file(doctor, "033", "20230101")  # 3: key population
    other = _file(doctor, "034", "19400101")
    doctor.contracts.sign(old.id, request(teams.first, TODAY))
    doctor.contracts.sign(other.id, request(teams.second, TODAY))

    def ids(**f: object) -> set[object]:
        return {r.id for r in doctor.residents.page(Filters(**f), 0, 100)}

    assert ids(contract="signed") == {old.id, other.id}
    assert ids(contract="unsigned") == {young.id, child.id}
    assert ids(contract="unsigned", key_population=ANY_KEY_POPULATION) == {child.id}
    assert ids(contract="mine") == {old.id}
    nurse = Services(doctor.db, None, TODAY).login("nurse", "demo1234")
    assert {r.id for r in nurse.residents.page(Filters(contract="mine"), 0, 10)} == {old.id}


# ---------------------------------------------------------------- indicators
def test_coverage_arithmetic_on_a_known_dataset(admin: Services, doctor: Services, teams) -> None:
    wang, zhao = teams.first.lead_doctor_id, teams.second.lead_doctor_id
    # (birth, 责任医生, signs with) — 8 residents of 仙霞; key population: 65+ or 0–6 or tagged
    people = [
        ("19500101", wang, teams.first),  # key, signed
        ("19510101", wang, None),  # key
        ("19900101", wang, teams.first),  # signed
        ("19910101", wang, None),
        ("20240101", zhao, teams.second),  # key (child), signed
        ("19920101", zhao, None),  # tagged 孕产妇 below: key
        ("19930101", zhao, teams.first),  # signed with the other team: counts for 赵's population
        ("19940101", None, None),  # no 责任医生: in the centre's figures only
    ]
    for i, (birth, doc, team) in enumerate(people):
        f = doctor.residents.file(
            draft(
                doctor,
                name="指标" + "甲乙丙丁戊己庚辛"[i],
                id_number=id_number(birth, f"{i + 1:02d}1"),
                phone="",
                doctor_id=doc,
            )
        )
        if team is not None:
            doctor.contracts.sign(f.id, request(team, TODAY))
        if i == 5:
            doctor.residents.tag(f.id, "maternal", TODAY)
    ind = admin.indicators.coverage()
    total = ind.total
    assert (total.counts.population, total.counts.signed) == (8, 4)
    assert (total.counts.key_population, total.counts.key_signed) == (4, 2)
    assert (total.all.percent, total.all.met, total.all.short_by) == (50.0, True, 0)
    assert (total.key.percent, total.key.met, total.key.short_by) == (50.0, False, 2)  # ceil(0.8 × 4) = 4
    assert [(c.name, c.counts.population) for c in ind.centres] == [("仙霞社区卫生服务中心", 8)]
    by_doctor = {
        d.name: (d.counts.population, d.counts.signed, d.counts.key_population, d.contracts)
        for d in ind.doctors
    }
    assert by_doctor == {"王医生": (4, 2, 2, 3), "赵医生": (3, 2, 2, 1)}
    by_team = {t.name: (t.counts.population, t.counts.signed, t.contracts) for t in ind.teams}
    assert by_team == {"王医生团队": (4, 2, 3), "赵医生团队": (3, 2, 1)}
    assert (ind.target_all, ind.target_key) == (48, 80)


def test_indicator_targets_are_settings(admin: Services) -> None:
    admin.settings.set("indicator.coverage_all_percent", 60)
    ind = admin.indicators.coverage()
    assert ind.target_all == 60 and ind.total.all.target.numerator == 3  # 60 % = 3/5


def test_merging_a_duplicate_file_moves_its_contracts(doctor: Services, teams) -> None:
    keep = _file(doctor, "041")
    drop = doctor.residents.file(
        draft(doctor, name="签约四一", id_number=id_number("19800301", "042"), phone=""),
        not_duplicate_of=[keep.id],
    )
    c = doctor.contracts.sign(drop.id, request(teams.first, TODAY))
    doctor.residents.merge(keep.id, drop.id)
    assert doctor.contracts.current(keep.id) == replace(c, resident_id=keep.id)
    assert doctor.residents.count(Filters(contract="mine", status=None)) == doctor.residents.count_mine() == 1


# ---------------------------------------------------------------- import
def test_contracts_come_in_with_an_import_and_once_only(doctor: Services, teams, tmp_path) -> None:
    from tests.services.import_helpers import write_sheet

    people = [
        ("签约甲", id_number("19500302", "501"), "王医生团队", "王医生", "2026/3/1", "基础包、老年人包"),
        ("签约乙", id_number("19620815", "502"), "赵医生团队", None, "2024-01-05", None),  # lapsed: history
        ("签约丙", id_number("19700101", "503"), "李医生团队", None, "2026-05-01", None),  # no such team
        ("签约丁", id_number("19800101", "504"), "王医生团队", "赵医生", "2026-05-01", None),  # not his team
        ("签约戊", id_number("19900101", "505"), "王医生团队", None, "2026年13月1日", None),
        ("签约己", id_number("19910101", "506"), None, None, None, None),  # no contract at all
    ]
    sheet = write_sheet(
        tmp_path / "签约名单.xlsx",
        ["姓名", "身份证号", "居委会", "签约团队", "签约医生", "签约日期", "服务包"],
        [[n, idn, "仙霞第一", team, doc, day, pk] for n, idn, team, doc, day, pk in people],
    )
    report = doctor.imports.run(sheet)
    assert report.imported == 6 and report.committed
    assert [str(n) for n in report.notes] == [
        "第 4 行 签约团队 找不到该团队，签约未导入",
        "第 5 行 签约医生 不是王医生团队的家庭医生，签约未导入",
        "第 6 行 签约日期 不存在的日期，请核对年、月、日，签约未导入",
    ]
    ids = {idn: doctor.search.resolve(idn) for _n, idn, *_ in people}
    first = doctor.contracts.current(ids[people[0][1]])
    assert first is not None
    assert (first.team, first.start_date, first.end_date, first.packages, first.sign_method_label) == (
        "王医生团队",
        dt.date(2026, 3, 1),
        dt.date(2027, 2, 28),
        ("basic", "elderly"),
        "批量导入",
    )
    [lapsed] = doctor.contracts.history(ids[people[1][1]])
    assert (lapsed.status_label, lapsed.ended_on) == ("已到期", dt.date(2025, 1, 4))
    assert doctor.contracts.current(ids[people[1][1]]) is None
    with doctor.db.reader() as s:
        before = s.scalar(select(func.count()).select_from(Contract))
    again = doctor.imports.run(sheet)
    assert again.imported == 0 and again.already_present == 6
    with doctor.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Contract)) == before == 2
