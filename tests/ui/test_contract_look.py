"""What the 签约 tab looks like for a signed resident with some history (a screenshot to look at)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.ui.contracts.contract_tab import ContractTab
from chc_desktop.ui.residents.editor import ResidentEditor
from tests.ui.conftest import snap


def test_the_contract_tab_of_a_signed_resident(qtbot: QtBot, doctor: Services, shots: Path) -> None:
    rid = doctor.residents.page(Filters(contract="mine"), 0, 1)[0].id
    current = doctor.contracts.current(rid)
    assert current is not None
    renewed = doctor.contracts.renew(current.id, ("basic", "chronic"))
    editor = ResidentEditor(doctor, rid)
    qtbot.addWidget(editor)
    editor.resize(1040, 700)
    tab = next(t for t in editor.file_tabs if isinstance(t, ContractTab))
    editor.tabs.setCurrentWidget(tab)
    editor.show()
    qtbot.waitExposed(editor)
    assert tab.table.rowCount() == 2 and tab.table.item(0, 0).text() == "已签约"
    assert tab.current is not None and tab.current.id == renewed.id
    assert f"（{renewed.start_date.isoformat()} 起生效）" in tab.now.text()
    snap(editor, shots, "contract-tab")
