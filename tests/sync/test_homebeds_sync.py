"""Home beds travel with their resident: a bed opened at the centre reaches the nurse's workstation,
visits recorded offline on both sides are all kept, and a correction arrives as its own entry."""

from __future__ import annotations

import datetime as dt

from chc_desktop.services.homebeds import ApplicationDraft, Registration, VisitDraft
from tests.conftest import TODAY
from tests.services.helpers import draft
from tests.sync.conftest import Device


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour)).astimezone()


def test_visits_recorded_offline_on_two_workstations_are_all_kept(devices: list[Device]) -> None:
    a, b = devices
    doc = a.as_user()
    rid = doc.residents.file(draft(doc)).id
    nurse_id = next(u.id for u in doc.users.staff("nurse"))
    bed = doc.homebeds.apply(rid, ApplicationDraft("脑梗死后遗症", "长期卧床，需康复指导", "2", "I69.3"))
    doc.homebeds.register(bed.id, Registration(TODAY, doc.user.id, TODAY, nurse_id))  # type: ignore[union-attr]
    a.sync()
    b.sync()
    nurse = b.as_user("nurse")
    assert [d.bed.id for d in nurse.homebeds.due(TODAY + dt.timedelta(days=7), nurse_id)] == [bed.id]

    # Offline on both: the doctor's 查床 at the centre, the nurse's 巡诊 on her laptop.
    first = doc.homebeds.visit(bed.id, VisitDraft(at(TODAY, 9), complaint="右下肢乏力"))
    nurse.homebeds.visit(
        bed.id, VisitDraft(at(TODAY, 15), nursing="指导翻身拍背", vitals={"sbp": 132, "dbp": 80})
    )
    doc.homebeds.correct(first.id, VisitDraft(at(TODAY, 9), complaint="左下肢乏力"), "左右写反")
    a.sync(), b.sync(), a.sync()
    for d in (a, b):
        timeline = d.as_user().homebeds.visits(bed.id)
        assert [(v.role, v.corrected) for v in timeline] == [
            ("nurse", False),
            ("doctor", False),
            ("doctor", True),
        ]
        assert timeline[1].correction_reason == "左右写反"
    assert nurse.homebeds.due(TODAY + dt.timedelta(days=6)) == []  # both rounds done: next due in 7 days
