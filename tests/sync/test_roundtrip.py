from __future__ import annotations

from tests.services.helpers import draft
from tests.sync.conftest import Device


def test_a_resident_filed_on_one_device_reaches_the_other(devices: list[Device]) -> None:
    a, b = devices
    doc = a.as_user()
    filed = doc.residents.file(draft(doc))
    report = a.sync()
    assert report.pushed >= 2 and not report.rejected and not report.disagreements
    b.sync()
    got = b.as_user().residents.get(filed.id)
    assert got.draft.name == "张三"
    assert got.record_no == filed.record_no
