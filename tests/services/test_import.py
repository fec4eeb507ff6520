"""Importing residents from a centre's spreadsheet, and exporting lists to .xlsx."""

from __future__ import annotations

import csv
import datetime as dt
import json
import multiprocessing
import threading
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from chc_desktop.domain.record_number import parse_record_number
from chc_desktop.domain.spreadsheet import CellError
from chc_desktop.services import imports
from chc_desktop.services.app import Services
from chc_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from chc_desktop.services.imports import ContractCells, ImportCancelled
from chc_desktop.services.residents import Filters
from chc_desktop.store.database import HUB_URL_KEY, Database
from chc_desktop.store.models import AuditEntry, KeyPopulationTag, Resident, SerialLease
from tests.conftest import login
from tests.services.helpers import id_number
from tests.services.import_helpers import (
    AS_NUMBER,
    BAD_CHECK,
    EXPECTED_ERRORS,
    GOOD,
    HEADERS,
    IMPOSSIBLE,
    LI,
    UNKNOWN_STREET,
    WU,
    ZHANG,
    ZHOU,
    count,
    dump,
    read_sheet,
    write_messy,
    write_sheet,
)


def residents(services: Services) -> dict[str, Resident]:
    with services.db.reader() as s:
        return {r.id_number or "": r for r in s.scalars(select(Resident))}


def test_header_found_under_the_title_and_mapping_guessed(clerk: Services, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "花名册.xlsx")
    header = clerk.imports.read_header(path)
    assert header.header_row == 3 and header.headers == tuple(HEADERS)
    assert header.mapping == {
        1: "name",
        2: "id_number",
        3: "sex",
        4: "birth_date",
        5: "phone",
        6: "street",
        7: "committee",
        8: "current_address",
    }
    assert not header.remembered and header.rows_estimate == 10


def test_every_error_is_listed_and_nothing_is_imported(clerk: Services, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "花名册.xlsx")
    before = dump(clerk.db.path)
    report = clerk.imports.run(path)
    assert [str(e) for e in report.errors] == EXPECTED_ERRORS
    assert [(e.row, e.label, e.column) for e in report.errors][:2] == [
        (7, "身份证号码", 2),
        (9, "身份证号码", 2),
    ]
    assert (report.read, report.rejected, report.imported, report.committed) == (9, 5, 0, False)
    assert report.rejected_file is None
    assert not (tmp_path / "花名册-未导入行.xlsx").exists()
    # Not a resident, change record, lease or audit entry more; only the mapping is remembered
    # (local to this device, never synced) for the next try with the file fixed.
    after = [line for line in dump(clerk.db.path) if "import.mapping." not in line]
    assert after == before


def test_messages_hold_no_personal_values(clerk: Services, tmp_path: Path) -> None:
    report = clerk.imports.run(write_messy(tmp_path / "花名册.xlsx"), valid_only=True)
    text = json.dumps([str(e) for e in report.errors], ensure_ascii=False)
    with clerk.db.reader() as s:
        audit = json.dumps([e.detail for e in s.scalars(select(AuditEntry))], ensure_ascii=False)
    for secret in (*GOOD, AS_NUMBER, BAD_CHECK, IMPOSSIBLE, UNKNOWN_STREET, "张三", "王五", "13812345678"):
        assert secret not in text
        assert secret not in audit


def test_valid_only_imports_the_good_rows_and_writes_the_rest_to_fix(clerk: Services, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "花名册.xlsx")
    report = clerk.imports.run(path, valid_only=True)
    assert (report.read, report.imported, report.already_present, report.rejected) == (9, 4, 0, 5)
    assert report.committed and report.waiting_numbers == 0
    assert [str(e) for e in report.errors] == EXPECTED_ERRORS
    filed = residents(clerk)
    assert set(filed) == set(GOOD)
    zhang, li, zhou, wu = (filed[i] for i in GOOD)
    assert (zhang.name, zhang.sex, zhang.birth_date, zhang.phone) == (
        "张三",
        "1",
        dt.date(1950, 3, 2),
        "13812345678",
    )
    assert (li.sex, li.birth_date, li.phone) == ("2", dt.date(1962, 8, 15), "13912345678")
    assert (zhou.birth_date, zhou.phone, zhou.current_address) == (
        dt.date(1945, 11, 11),
        "021-62345678",
        "仙霞路 3 号",
    )
    assert wu.id_number == WU and wu.sex == "1" and wu.filing_date == dt.date(2026, 11, 24)
    assert all(r.filed_by_id == clerk.user.id and r.status == "active" for r in filed.values())  # type: ignore[union-attr]
    numbers = {i: parse_record_number(filed[i].record_no or "") for i in GOOD}
    assert (numbers[ZHANG].street, numbers[ZHANG].committee) == ("008", "001")
    assert numbers[LI].committee == "002" and numbers[ZHOU].committee == "003"
    assert [numbers[ZHANG].serial, numbers[WU].serial] == [1, 2]  # filing order within the 居委
    # Search finds them (the bulk path keeps the search keys).
    assert [r.id_number for r in clerk.search.search(ZHANG).rows] == [ZHANG]
    # One audit entry, counts only.
    with clerk.db.reader() as s:
        entries = [e for e in s.scalars(select(AuditEntry)) if e.action == "resident.import"]
    assert len(entries) == 1
    assert entries[0].detail == {
        "read": 9,
        "imported": 4,
        "already_present": 0,
        "rejected": 5,
        "valid_only": True,
        "waiting_numbers": None,
        "kind": "xlsx",
    }

    # The rejected rows: the original header and cells, and why.
    assert report.rejected_file == tmp_path / "花名册-未导入行.xlsx"
    rows = read_sheet(report.rejected_file)
    assert rows[0] == (*HEADERS, "错误原因")
    assert [r[1] for r in rows[1:]] == ["王五", "郑七", "冯八", "陈九", "张三"]
    assert rows[2][-1] == "身份证号码：校验位错误"
    ws = openpyxl.load_workbook(report.rejected_file).active
    assert ws is not None and ws.cell(row=3, column=3).number_format == "@"  # ID numbers typed back stay text

    # The clerk fixes them in the file and imports it again with the same mapping.
    book = openpyxl.load_workbook(report.rejected_file)
    sheet = book.active
    assert sheet is not None
    sheet.cell(row=2, column=3).value = AS_NUMBER  # typed again as text
    sheet.cell(row=3, column=3).value = id_number("19550505", "112")
    sheet.cell(row=4, column=5).value = "1970-02-28"
    sheet.cell(row=5, column=7).value = "仙霞新村街道"
    book.save(report.rejected_file)
    header = clerk.imports.read_header(report.rejected_file)
    assert header.remembered and header.mapping == clerk.imports.read_header(path).mapping
    again = clerk.imports.run(report.rejected_file, valid_only=True)
    assert [str(e) for e in again.errors] == []
    assert (again.imported, again.already_present, again.rejected) == (4, 1, 0)  # 张三 is filed already
    assert again.rejected_file is None
    assert len(residents(clerk)) == 8


def test_importing_the_same_file_again_changes_nothing(clerk: Services, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "花名册.xlsx")
    clerk.imports.run(path, valid_only=True)
    changes, people, leases = (count(clerk.db.path, t) for t in ("change_log", "residents", "serial_leases"))
    before = dump(clerk.db.path)
    again = clerk.imports.run(path, valid_only=True)
    assert (again.imported, again.already_present, again.rejected) == (0, 4, 5)
    assert (count(clerk.db.path, "change_log"), count(clerk.db.path, "residents")) == (changes, people)
    assert count(clerk.db.path, "serial_leases") == leases
    assert dump(clerk.db.path) == before


def test_a_filed_resident_is_never_overwritten(clerk: Services, tmp_path: Path) -> None:
    clerk.imports.run(write_messy(tmp_path / "花名册.xlsx"), valid_only=True)
    changed = write_sheet(
        tmp_path / "改.xlsx",
        ["姓名", "身份证号", "联系电话", "居委会"],
        [["张叁", ZHANG, "13999999999", "仙霞第二居委会"]],
    )
    report = clerk.imports.run(changed)
    assert (report.imported, report.already_present, report.committed) == (0, 1, True)
    assert [str(n) for n in report.notes] == ["第 2 行 姓名 与已建档的同一身份证号居民不同（已有档案未改动）"]
    zhang = residents(clerk)[ZHANG]
    assert (zhang.name, zhang.phone) == ("张三", "13812345678")


SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅兰"


def big_sheet(path: Path, n: int) -> Path:
    rows = [
        [
            SURNAMES[i % 20] + GIVEN[i // 20 % len(GIVEN)] + GIVEN[i // 600 % len(GIVEN)],
            id_number(f"19{40 + i % 50:02d}0101", f"{i % 1000:03d}", region=f"3101{i // 1000:02d}"),
            "仙霞第一",
        ]
        for i in range(n)
    ]
    return write_sheet(path, ["姓名", "身份证号", "居委会"], rows)


def test_cancel_midway_leaves_the_database_identical(clerk: Services, tmp_path: Path) -> None:
    path = big_sheet(tmp_path / "big.xlsx", 5000)
    before = dump(clerk.db.path)
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 2500:  # past the first batch: rows are in the transaction by now
            cancel.set()

    with pytest.raises(ImportCancelled):
        clerk.imports.run(path, valid_only=True, progress=progress, cancelled=cancel)
    assert max(seen) >= 2500 and max(seen) < 5000
    assert dump(clerk.db.path) == before
    assert not (tmp_path / "big-未导入行.xlsx").exists()

    # The progress callback of the UI raises instead: the same roll-back.
    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if done >= 2250:
            raise Stop

    with pytest.raises(Stop):
        clerk.imports.run(path, progress=stop)
    assert dump(clerk.db.path) == before
    report = clerk.imports.run(path)
    assert report.imported == 5000 and count(clerk.db.path, "residents") == 5000


def test_whole_blocks_are_leased_per_committee(clerk: Services, tmp_path: Path) -> None:
    clerk.imports.run(big_sheet(tmp_path / "big.xlsx", 450))
    with clerk.db.reader() as s:
        leases = [
            (x.first_serial, x.last_serial, x.next_serial)
            for x in s.scalars(select(SerialLease).order_by(SerialLease.first_serial))
        ]
        serials = sorted(int(n[-5:]) for n in s.scalars(select(Resident.record_no)))
    assert leases == [(1, 200, 201), (201, 400, 401), (401, 600, 451)]  # record_no.lease_block = 200
    assert serials == list(range(1, 451))
    # Filing by hand continues from the same lease.
    from tests.services.helpers import draft

    f = clerk.residents.file(draft(clerk, id_number=id_number("19990909", "909"), phone=""))
    assert f.record_no == "31010500800100451"


def test_a_syncing_device_without_leases_leaves_numbers_to_assign(clerk: Services, tmp_path: Path) -> None:
    clerk.db.set_meta(HUB_URL_KEY, "https://hub.example:8443")
    with clerk.db.unit_of_work(None) as s:
        s.add(
            SerialLease(
                prefix="310105008001",
                device_id=clerk.db.device_id,
                first_serial=51,
                last_serial=52,
                next_serial=51,
            )
        )
    report = clerk.imports.run(big_sheet(tmp_path / "big.xlsx", 5))
    assert report.imported == 5 and report.waiting_numbers == 3
    with clerk.db.reader() as s:
        numbers = sorted(n or "" for n in s.scalars(select(Resident.record_no)))
        leases = list(s.scalars(select(SerialLease)))
    assert numbers == ["", "", "", "31010500800100051", "31010500800100052"]
    assert len(leases) == 1 and leases[0].next_serial == 53  # no lease taken for itself


def test_csv_in_gb18030(clerk: Services, tmp_path: Path) -> None:
    path = tmp_path / "居民.csv"
    with path.open("w", encoding="gb18030", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["居民姓名", "公民身份号码", "手机", "村（居）委会", "家庭住址"])
        w.writerow(["欧阳娜娜", ZHANG, "138-1234-5678", "仙霞第一", "仙霞路 1 号, 101 室"])
        w.writerow(["", "", "", "", ""])
        w.writerow(["单于", LI, "", "仙霞第二居委会", ""])
    report = clerk.imports.run(path)
    assert (report.read, report.imported, report.rejected) == (2, 2, 0)
    filed = residents(clerk)
    assert filed[ZHANG].name == "欧阳娜娜" and filed[ZHANG].current_address == "仙霞路 1 号, 101 室"
    assert filed[LI].name == "单于"


def test_csv_in_utf8_with_bom_and_an_excel_mangled_id(clerk: Services, tmp_path: Path) -> None:
    path = tmp_path / "居民.csv"
    path.write_text(
        f"姓名,身份证号,居委会\r\n张三,{ZHANG},仙霞第一\r\n李四,3.10105E+17,仙霞第一\r\n",
        encoding="utf-8-sig",
    )
    report = clerk.imports.run(path, valid_only=True)
    assert report.imported == 1
    assert [str(e) for e in report.errors] == [
        "第 3 行 身份证号 身份证号被 Excel 存成了数字，末几位可能已丢失，请把该列设为文本后重新导出"
    ]


def test_preview_shows_status_and_errors(clerk: Services, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "花名册.xlsx")
    clerk.imports.run(
        write_sheet(tmp_path / "one.xlsx", ["姓名", "身份证号", "居委会"], [["李四", LI, "仙霞第二"]])
    )
    preview = clerk.imports.preview(path, limit=5)
    assert [(r.row, r.status) for r in preview.rows] == [
        (4, "new"),
        (6, "present"),
        (7, "invalid"),
        (8, "new"),
        (9, "invalid"),
    ]
    assert preview.rows[0].cells[1] == "张三" and preview.rows[1].cells[4] == "1962-08-15"
    assert str(preview.rows[2].errors[0]).startswith("第 7 行 身份证号码 ")
    assert preview.problems == []
    unmapped = clerk.imports.preview(path, {1: "name"}, limit=1)
    assert unmapped.problems == ["缺少必需的列：身份证号、居委会"]


def test_a_changed_mapping_is_remembered(clerk: Services, tmp_path: Path) -> None:
    path = write_sheet(
        tmp_path / "x.xlsx", ["名字", "证件", "住址", "居委会"], [["张三", ZHANG, "仙霞路 1 号", "仙霞第一"]]
    )
    header = clerk.imports.read_header(path)
    assert header.mapping == {0: "name", 2: "current_address", 3: "committee"}  # 证件 is not known
    with pytest.raises(ValidationFailed, match="缺少必需的列：身份证号"):
        clerk.imports.run(path)
    mapping = clerk.imports.mapping_from_names(header.headers, {"证件": "身份证号", "住址": None})
    assert mapping == {0: "name", 1: "id_number", 3: "committee"}
    assert clerk.imports.run(path, mapping).imported == 1
    again = clerk.imports.read_header(path)
    assert again.remembered and again.mapping == mapping
    assert residents(clerk)[ZHANG].current_address is None


def test_permissions(db: Database, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "花名册.xlsx")
    admin = login(db, "admin")
    with pytest.raises(PermissionDenied):
        admin.imports.read_header(path)
    with pytest.raises(PermissionDenied):
        admin.imports.run(path)
    sheet = write_sheet(
        tmp_path / "残疾.xlsx",
        ["姓名", "身份证号", "居委会", "残疾情况"],
        [["张三", ZHANG, "仙霞第一", "肢体残疾"], ["李四", LI, "仙霞第一", "无残疾"]],
    )
    clerk = login(db, "clerk")
    with pytest.raises(ValidationFailed, match="您的角色无权导入临床信息：残疾情况"):
        clerk.imports.run(sheet)
    doctor = login(db, "doctor")
    assert doctor.imports.run(sheet).imported == 2
    with doctor.db.reader() as s:
        tags = [(t.resident_id, t.code, t.source) for t in s.scalars(select(KeyPopulationTag))]
    zhang = residents(doctor)[ZHANG]
    assert tags == [(zhang.id, "disabled", "derived")] and zhang.disabilities == ["5"]
    assert doctor.residents.count(Filters(key_population="disabled")) == 1


def test_contract_columns_are_handed_on_untouched(doctor: Services, tmp_path: Path) -> None:
    sheet = write_sheet(
        tmp_path / "签约.xlsx",
        ["姓名", "身份证号", "居委会", "签约日期", "签约医生", "服务包"],
        [
            ["张三", ZHANG, "仙霞第一", "2026/1/5", "王医生", "基础包、老年人包"],
            ["李四", LI, "仙霞第一", None, None, None],
        ],
    )
    got: list[ContractCells] = []

    def hook(_session: object, cells: Sequence[ContractCells]) -> list[CellError]:
        got.extend(cells)
        return []

    doctor.imports.contracts_hook = hook
    report = doctor.imports.run(sheet)
    assert report.contract_rows == 1
    assert [(c.row, c.new, c.cells) for c in got] == [
        (2, True, {"signed_on": "2026/1/5", "doctor": "王医生", "packages": "基础包、老年人包"})
    ]
    assert got[0].resident_id == residents(doctor)[ZHANG].id


def test_doctor_column_names_an_account(doctor: Services, tmp_path: Path) -> None:
    sheet = write_sheet(
        tmp_path / "医生.xlsx",
        ["姓名", "身份证号", "居委会", "责任医生"],
        [["张三", ZHANG, "仙霞第一", "赵医生"], ["李四", LI, "仙霞第一", "钱医生"]],
    )
    report = doctor.imports.run(sheet, valid_only=True)
    assert [str(e) for e in report.errors] == ["第 3 行 责任医生 找不到该医生的账户（请写系统中的医生姓名）"]
    assert residents(doctor)[ZHANG].doctor_id is not None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0", "另存为"),
        ("notes.docx", b"PK", "只能导入 .xlsx 或 .csv 文件"),
        ("broken.xlsx", b"not a zip at all", "不是有效的 Excel 或 CSV 文件"),
        ("no-header.csv", "甲,乙\n1,2\n".encode(), "找不到表头"),
    ],
)
def test_files_that_cannot_be_read(
    clerk: Services, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ServiceError, match=message):
        clerk.imports.read_header(path)
    with pytest.raises(ServiceError, match="找不到文件"):
        clerk.imports.run(tmp_path / "missing.xlsx")


def test_export_round_trip(clerk: Services, db: Database, tmp_path: Path) -> None:
    clerk.imports.run(write_messy(tmp_path / "花名册.xlsx"), valid_only=True)
    out = tmp_path / "导出.xlsx"
    assert clerk.exports.residents(out) == 4
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["档案编号", "姓名", "性别", "出生日期", "年龄", "身份证号"]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    first = sheet[2]
    assert (
        first[0].data_type == "s" and first[0].number_format == "@" and first[0].value == "31010500800100001"
    )
    assert first[5].data_type == "s" and first[5].value == ZHANG
    assert first[3].is_date and first[3].value == dt.datetime(1950, 3, 2)
    assert sheet.column_dimensions["F"].width >= 18
    with clerk.db.reader() as s:
        exports = [e.detail for e in s.scalars(select(AuditEntry)) if e.action == "resident.export"]
    assert exports == [{"count": 4, "status": "active"}]

    # The export imports into another database as it is: the same people in the same 居委.
    from chc_desktop.services.app import open_database
    from chc_desktop.services.demo import ensure_committees, ensure_demo_accounts

    other = open_database(tmp_path / "other.db")
    try:
        ensure_demo_accounts(other)
        ensure_committees(other)
        there = login(other, "clerk")
        report = there.imports.run(out)
        assert (report.imported, report.rejected) == (4, 0)
        mine, theirs = residents(clerk), residents(there)
        for idn in GOOD:
            a, b = mine[idn], theirs[idn]
            assert (a.name, a.sex, a.birth_date, a.phone, a.committee_id, a.current_address) == (
                b.name,
                b.sex,
                b.birth_date,
                b.phone,
                b.committee_id,
                b.current_address,
            )
    finally:
        other.close()


def test_export_with_filters_and_a_failed_write(clerk: Services, tmp_path: Path) -> None:
    clerk.imports.run(write_messy(tmp_path / "花名册.xlsx"), valid_only=True)
    committee = residents(clerk)[LI].committee_id
    out = tmp_path / "一个居委.xlsx"
    assert clerk.exports.residents(out, Filters(committee_id=committee)) == 1
    assert [r[1] for r in read_sheet(out)[1:]] == ["李四"]
    with pytest.raises(ServiceError, match="无法写入文件"):
        clerk.exports.residents(tmp_path / "no-such-folder" / "x.xlsx")
    assert not list((tmp_path).glob(".*.part"))


def test_a_large_file_is_read_and_checked_by_a_second_process(
    clerk: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "PARALLEL_FROM", 1)
    report = clerk.imports.run(write_messy(tmp_path / "花名册.xlsx"), valid_only=True)
    assert [str(e) for e in report.errors] == EXPECTED_ERRORS
    assert (report.imported, report.rejected) == (4, 5) and set(residents(clerk)) == set(GOOD)
    assert report.rejected_file is not None
    assert [r[1] for r in read_sheet(report.rejected_file)[1:]] == ["王五", "郑七", "冯八", "陈九", "张三"]

    path = big_sheet(tmp_path / "big.xlsx", 3000)
    before = dump(clerk.db.path)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 1000:
            cancel.set()

    with pytest.raises(ImportCancelled):
        clerk.imports.run(path, progress=progress, cancelled=cancel)
    assert dump(clerk.db.path) == before
    assert not multiprocessing.active_children()  # the reading process is gone


def test_the_preview_reads_a_changed_file_again(clerk: Services, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "x.xlsx", ["姓名", "身份证号", "居委会"], [["张三", ZHANG, "仙霞第一"]])
    assert clerk.imports.preview(path).rows[0].cells[0] == "张三"
    assert clerk.imports.preview(path, {0: "name"}).problems == ["缺少必需的列：身份证号、居委会"]
    write_sheet(
        path, ["姓名", "身份证号", "居委会", "备注"], [["李四", LI, "仙霞第二", "x"], ["王五", ZHOU, "1", ""]]
    )
    preview = clerk.imports.preview(path)
    assert [r.cells[0] for r in preview.rows] == ["李四", "王五"] and len(preview.header.headers) == 4
