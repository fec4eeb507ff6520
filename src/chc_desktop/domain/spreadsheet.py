"""Resident lists as centres keep them in spreadsheets: which column is which, and each cell read.

Pure: the service reads the file and the database; this module knows the columns a centre's list
may carry (under the many names clerks give them), finds the header row under a title and blank
rows, guesses the mapping, turns each cell into the value a form would hold — or a reason why it
cannot — and checks the row with the same rules as filing a resident by hand (``check_resident``).

Messages name the column and say what is wrong, never the value itself (they end up in files and
logs): ``第 12 行 身份证号 校验位错误``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chc_desktop.domain import codes
from chc_desktop.domain.dates import parse_date
from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.id_number import parse_id_number
from chc_desktop.domain.phone import parse_phone
from chc_desktop.domain.resident import ResidentDraft, check_resident


@dataclass(frozen=True)
class Invalid:
    """A cell that cannot be read: the reason, in Chinese, without the cell's value."""

    reason: str


# ---------------------------------------------------------------- the field catalogue
@dataclass(frozen=True)
class SheetField:
    key: str  # a ResidentDraft field, "street"/"committee"/"doctor", or "contract.…"
    label: str  # how messages and the mapping table name it
    synonyms: tuple[str, ...]  # header texts that mean this field (the label is one of them)
    kind: str  # how a cell is read: text, date, sex, id_number, phone, code, codes, ethnicity, place…
    clinical: bool = False  # only roles that may write clinical data may import it
    required: bool = False  # the mapping must name a column for it


def _f(key: str, label: str, kind: str, *synonyms: str, **flags: bool) -> SheetField:
    return SheetField(key, label, (label, *synonyms), kind, **flags)


FIELDS: tuple[SheetField, ...] = (
    _f("name", "姓名", "text", "居民姓名", "名字", "户主姓名", required=True),
    _f(
        "id_number",
        "身份证号",
        "id_number",
        "身份证号码",
        "身份证",
        "证件号码",
        "证件号",
        "公民身份号码",
        "身份证件号码",
        "居民身份证号",
        required=True,
    ),
    _f("sex", "性别", "sex"),
    _f("birth_date", "出生日期", "date", "出生年月日", "生日"),
    _f(
        "phone", "联系电话", "phone", "本人电话", "手机", "手机号", "手机号码", "电话", "电话号码", "联系方式"
    ),
    _f("current_address", "现住址", "text", "居住地址", "家庭住址", "现居住地址", "现居住址", "住址", "地址"),
    _f("registered_address", "户籍地址", "text", "户口地址", "户籍地", "户口所在地"),
    _f("street", "街道", "street", "乡镇（街道）", "街道（乡镇）", "所属街道", "街镇", "街道名称"),
    _f(
        "committee",
        "居委会",
        "committee",
        "居委",
        "村（居）委会",
        "居（村）委会",
        "村(居)委会",
        "所属居委",
        "居村委",
        "居委名称",
        "居民委员会",
        required=True,
    ),
    _f("ethnicity", "民族", "ethnicity"),
    _f("residence_type", "常住类型", "code", "户籍类型", "户籍性质"),
    _f("doctor_id", "责任医生", "doctor", "责任医师"),
    _f("filing_date", "建档日期", "date", "建档时间"),
    _f("work_unit", "工作单位", "text", "单位"),
    _f("contact_name", "联系人姓名", "text", "联系人", "紧急联系人"),
    _f("contact_phone", "联系人电话", "phone", "紧急联系人电话", "联系人手机"),
    _f("blood_abo", "血型", "code", "ABO血型", "血型（ABO）"),
    _f("education", "文化程度", "code", "学历"),
    _f("occupation", "职业", "code"),
    _f("marital_status", "婚姻状况", "code", "婚姻"),
    _f("payment_methods", "医疗费用支付方式", "codes", "医保类型", "支付方式", "医疗付费方式"),
    _f("disabilities", "残疾情况", "codes", "残疾", clinical=True),
    # Contracts are not filed by this import: their cells travel through untouched.
    _f("contract.signed_on", "签约日期", "contract", "签约时间"),
    _f("contract.team", "签约团队", "contract", "家庭医生团队"),
    _f("contract.doctor", "签约医生", "contract", "签约家庭医生", "家庭医生"),
    _f("contract.packages", "服务包", "contract", "签约服务包"),
)
FIELD_BY_KEY: dict[str, SheetField] = {f.key: f for f in FIELDS}
REQUIRED = tuple(f.key for f in FIELDS if f.required)
# The last column of a rejected-rows file; read back, it is ignored.
REASON_HEADER = "错误原因"
# Single-choice fields read as a code of a national list (code or label accepted).
CODE_LISTS: dict[str, codes.CodeList] = {
    "residence_type": codes.RESIDENCE_TYPE,
    "blood_abo": codes.BLOOD_ABO,
    "education": codes.EDUCATION,
    "occupation": codes.OCCUPATION,
    "marital_status": codes.MARITAL_STATUS,
    "payment_methods": codes.PAYMENT_METHOD,
    "disabilities": codes.DISABILITY,
}
# The draft's "其他" text fields of the multi-choice lists.
OTHER_TEXT = {"payment_methods": "payment_other", "disabilities": "disability_other"}
# check_resident names some fields differently from the sheet: draft field -> catalogue key.
_ERROR_FIELD = {
    "street_id": "street",
    "committee_id": "committee",
    "ethnicity_name": "ethnicity",
    "payment_other": "payment_methods",
    "disability_other": "disabilities",
}
HEADER_SCAN_ROWS = 30  # a header further down than this is not a header


def _header_key(text: str) -> str:
    return re.sub(r"[\s*:]", "", unicodedata.normalize("NFKC", text)).lower()


_SYNONYMS: dict[str, str] = {_header_key(s): f.key for f in FIELDS for s in f.synonyms}
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")  # 身份证号(必填), 出生日期(yyyy-mm-dd)


def match_header(text: Any) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(text, str):
        return None
    key = _header_key(text)
    if not key:
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    return _SYNONYMS.get(_TRAILING_NOTE.sub("", key))


def find_header_row(rows: Sequence[Sequence[Any]]) -> int | None:
    """Index of the header among the first rows: the first row where two or more cells are known
    headers (a title row, merged across the top, and blank rows often stand above it)."""
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if sum(1 for cell in row if match_header(cell)) >= 2:
            return i
    return None


def guess_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Column index -> field for every header that names a field; the first column wins a field."""
    out: dict[int, str] = {}
    taken: set[str] = set()
    for i, header in enumerate(headers):
        key = match_header(header)
        if key and key not in taken:
            out[i] = key
            taken.add(key)
    return out


def header_signature(headers: Sequence[str]) -> str:
    """The same for a sheet and its rejected-rows file (whose extra last column is 错误原因), so a
    remembered mapping finds both."""
    keys = [_header_key(h) for h in headers]
    if keys and keys[-1] == _header_key(REASON_HEADER):
        keys.pop()
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha1("\x1f".join(keys).encode()).hexdigest()[:16]


def check_mapping(mapping: Mapping[int, str], include_clinical: bool = True) -> list[str]:
    """What is wrong with a mapping, as sentences (empty when it can be used)."""
    problems = []
    unknown = sorted({k for k in mapping.values() if k not in FIELD_BY_KEY})
    if unknown:
        problems.append("未知的字段：" + "、".join(unknown))
    counts: dict[str, int] = {}
    for key in mapping.values():
        counts[key] = counts.get(key, 0) + 1
    doubled = [FIELD_BY_KEY[k].label for k, n in counts.items() if n > 1 and k in FIELD_BY_KEY]
    if doubled:
        problems.append("多列对应了同一项：" + "、".join(doubled))
    missing = [FIELD_BY_KEY[k].label for k in REQUIRED if k not in counts]
    if missing:
        problems.append("缺少必需的列：" + "、".join(missing))
    if not include_clinical:
        clinical = [FIELD_BY_KEY[k].label for k in counts if k in FIELD_BY_KEY and FIELD_BY_KEY[k].clinical]
        if clinical:
            problems.append("您的角色无权导入临床信息：" + "、".join(clinical) + "（请在映射中取消这些列）")
    return problems


# ---------------------------------------------------------------- cells
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?e\+?\d+", re.IGNORECASE)
_TIME_PART = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
ID_AS_NUMBER = "身份证号被 Excel 存成了数字，末几位可能已丢失，请把该列设为文本后重新导出"


def cell_text(value: Any) -> str:
    """A cell as a person reads it: trimmed text, whole numbers without ".0", dates as 1950-03-02."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return str(value).strip()


def text_cell(value: Any) -> str | None:
    """Free text, trimmed; None for an empty cell."""
    return cell_text(value) or None


def date_cell(value: Any) -> dt.date | Invalid | None:
    """An Excel date, or 1950-03-02, 1950/3/2, 1950.3.2, 1950年3月2日, 19500302 (a time of day
    copied along with it is dropped)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 10_000_000 <= value <= 99_991_231:
            value = f"{value:.0f}"  # 19500302 typed into a number cell
        else:
            return Invalid("日期格式不对，请按 1949-01-01 或 19490101 的样式填写")
    text = _TIME_PART.sub("", unicodedata.normalize("NFKC", str(value)).strip())
    if not text:
        return None
    try:
        return parse_date(text)
    except DomainError as exc:
        return Invalid(exc.message)


_SEX = {"男": "1", "男性": "1", "m": "1", "女": "2", "女性": "2", "f": "2"}


def sex_cell(value: Any) -> str | Invalid | None:
    """男/女 (or 男性/女性), the codes 1/2 (and 0/9), M/F."""
    text = _compact(value)
    if not text:
        return None
    if codes.SEX.has(text):
        return text
    code = _SEX.get(text.lower())
    return code if code else Invalid("应填写“男”或“女”（或代码 1、2）")


def id_number_cell(value: Any, today: dt.date) -> str | Invalid | None:
    """The 18-character number (spaces, full-width digits and a lower-case x allowed), checked.

    A number Excel holds as a number has lost its last digits (a double keeps 15–17 significant
    digits, and an 18-digit number with X cannot be one at all): refused, never guessed."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if abs(value) >= 1e14:
            return Invalid(ID_AS_NUMBER)
        value = f"{value:.0f}" if float(value).is_integer() else str(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    if _SCIENTIFIC.fullmatch(text):  # 3.10105E+17: the same loss, seen in a CSV saved by Excel
        return Invalid(ID_AS_NUMBER)
    try:
        return parse_id_number(text, today=today).value
    except DomainError as exc:
        return Invalid(exc.message)


def phone_cell(value: Any) -> str | Invalid | None:
    """A phone number with spaces, dashes or full-width digits, normalised (13812345678,
    021-62345678); a number cell (Excel drops nothing from 11 digits) is read as its digits."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        value = f"{value:.0f}"
    text = cell_text(value)
    if not text:
        return None
    try:
        return parse_phone(text).value
    except DomainError as exc:
        return Invalid(exc.message)


def _compact(value: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", cell_text(value)).split())


def code_cell(code_list: codes.CodeList, value: Any) -> str | Invalid | None:
    """One code of a list, written as its code ("2") or its label ("已婚"); a label may be written
    short when only one label contains it ("本科" for 大学本科)."""
    text = _compact(value)
    if not text:
        return None
    return _code_of(code_list, text)


# Per code list (by key; hashing the list itself costs more than the lookup): its codes, and its
# labels with spaces removed in upper case.
_CODES: dict[str, frozenset[str]] = {}
_LABELS: dict[str, dict[str, str]] = {}


def _labels(code_list: codes.CodeList) -> dict[str, str]:
    labels = _LABELS.get(code_list.key)
    if labels is None:
        labels = _LABELS[code_list.key] = {_compact(c.label).upper(): c.code for c in code_list.codes}
    return labels


def _codes(code_list: codes.CodeList) -> frozenset[str]:
    known = _CODES.get(code_list.key)
    if known is None:
        known = _CODES[code_list.key] = frozenset(c.code for c in code_list.codes)
    return known


def _code_of(code_list: codes.CodeList, text: str) -> str | Invalid:
    known = _codes(code_list)
    if text in known:
        return text
    if text.isdigit() and (text.lstrip("0") or "0") in known:
        return text.lstrip("0") or "0"  # "02" for a list whose codes have one digit
    labels = _labels(code_list)
    upper = text.upper()
    if upper in labels:
        return labels[upper]
    if len(text) >= 2 or upper + "型" in labels:  # A, B, O: 血型 written without 型
        found = [code for label, code in labels.items() if label.startswith(upper) or upper in label]
        if len(found) == 1:
            return found[0]
        if upper + "型" in labels:
            return labels[upper + "型"]
    return Invalid(f"{code_list.title}没有“{text}”这一项")


_SPLIT = re.compile(r"[,，、;；/|\s]+")
_OTHER = re.compile(r"其他[:：(（]?(?P<text>[^)）]*)[)）]?$")


def codes_cell(code_list: codes.CodeList, value: Any) -> tuple[tuple[str, ...], str] | Invalid | None:
    """Several codes of a list ("1、5", "城镇职工基本医疗保险，商业医疗保险"), and the text of a
    written-out 其他 ("其他：异地医保")."""
    text = unicodedata.normalize("NFKC", cell_text(value))
    if not text:
        return None
    chosen: list[str] = []
    other = ""
    for token in _SPLIT.split(text):
        if not token:
            continue
        m = _OTHER.fullmatch(token)
        if m and code_list.other_code and m["text"]:
            chosen.append(code_list.other_code)
            other = m["text"].strip()
            continue
        code = _code_of(code_list, token)
        if isinstance(code, Invalid):
            return code
        chosen.append(code)
    try:
        return code_list.validate(chosen, other or None), other
    except DomainError as exc:
        return Invalid(exc.message)


def ethnicity_cell(value: Any) -> tuple[str, str | None] | Invalid | None:
    """汉族 (or 汉, 01) is 01; a named minority (回族, 蒙古族…) is 99 with the name kept, as the form
    writes it; 少数民族 alone is 99 without a name (filing then asks for it)."""
    text = _compact(value)
    if not text:
        return None
    if text in ("汉", "汉族", "01", "1"):
        return "01", None
    if text in ("99", "少数民族"):
        return "99", None
    if text.endswith("族") and len(text) >= 2:
        return "99", text
    return Invalid("应填写民族名称，如“汉族”“回族”")


# ---------------------------------------------------------------- places and doctors
@dataclass(frozen=True)
class Place:
    """A street or 居委 as the sheet may name it."""

    id: uuid.UUID
    name: str
    code: str | None
    parent_id: uuid.UUID | None = None


_STREET_SUFFIXES = ("街道办事处", "街道", "镇", "乡")
_COMMITTEE_SUFFIXES = ("居民委员会", "村民委员会", "居委会", "村委会", "委员会", "居委", "村委")


def _place_key(text: str, suffixes: tuple[str, ...]) -> str:
    t = "".join(unicodedata.normalize("NFKC", text).split())
    for suffix in suffixes:
        if t.endswith(suffix) and len(t) > len(suffix):
            return t.removesuffix(suffix)
    return t


def street_key(name: str) -> str:
    """仙霞新村街道 and 仙霞新村 name one street."""
    return _place_key(name, _STREET_SUFFIXES)


def committee_key(name: str) -> str:
    """仙霞第一居委会, 仙霞第一居民委员会, 仙霞第一居委 and 仙霞第一 name one 居委."""
    return _place_key(name, _COMMITTEE_SUFFIXES)


class PlaceIndex:
    """Streets and 居委 by every name a sheet may give them: the name with or without its suffix, or
    the code (9 digits for a street, 3 for a 居委 within its street)."""

    def __init__(self, streets: Iterable[Place], committees: Iterable[Place]) -> None:
        self.by_id: dict[uuid.UUID, Place] = {}
        self._streets: dict[str, list[Place]] = {}
        self._committees: dict[str, list[Place]] = {}
        self._seen: dict[tuple[str, str], Place | Invalid] = {}
        for p in streets:
            self.by_id[p.id] = p
            for key in {street_key(p.name), p.code or ""} - {""}:
                self._streets.setdefault(key, []).append(p)
        for p in committees:
            self.by_id[p.id] = p
            for key in {committee_key(p.name), p.code or ""} - {""}:
                self._committees.setdefault(key, []).append(p)

    def street(self, text: str) -> Place | Invalid:
        # A sheet names the same few streets and 居委 over and over: remember each answer.
        known = self._seen.get(("", text))
        if known is None:
            known = self._seen[("", text)] = self._street(text)
        return known

    def committee(self, text: str, street: Place | None) -> Place | Invalid:
        key = (street.id.hex if street else "-", text)
        known = self._seen.get(key)
        if known is None:
            known = self._seen[key] = self._committee(text, street)
        return known

    def _street(self, text: str) -> Place | Invalid:
        found = self._streets.get(street_key(text), [])
        if len(found) == 1:
            return found[0]
        return Invalid("找不到该街道（请写街道名称，如“仙霞新村街道”）" if not found else "街道名称不唯一")

    def _committee(self, text: str, street: Place | None) -> Place | Invalid:
        found = self._committees.get(committee_key(text), [])
        if street is not None:
            found = [p for p in found if p.parent_id == street.id]
            if not found:
                return Invalid("该街道下找不到这个居委会")
        if len(found) == 1:
            return found[0]
        if not found:
            return Invalid("找不到该居委会")
        return Invalid("有多个同名居委会，请同时填写街道")

    def record_prefix(self, street_id: uuid.UUID, committee_id: uuid.UUID) -> str | None:
        """The first 12 digits of the 健康档案编号 of a file in this 居委 (None: codes missing)."""
        street, committee = self.by_id[street_id], self.by_id[committee_id]
        if not street.code or len(street.code) != 9 or not committee.code or len(committee.code) != 3:
            return None
        return street.code + committee.code


def doctor_index(doctors: Iterable[tuple[str, uuid.UUID]]) -> dict[str, uuid.UUID | None]:
    """Doctor accounts by display name (spaces ignored); None marks a name two doctors share."""
    out: dict[str, uuid.UUID | None] = {}
    for name, uid in doctors:
        key = "".join(name.split())
        out[key] = None if key in out else uid
    return out


# ---------------------------------------------------------------- rows
@dataclass(frozen=True)
class CellError:
    row: int  # the row number the spreadsheet program shows
    field: str  # catalogue key
    label: str  # the column's header as the sheet writes it (or the field's label)
    column: int | None  # 0-based column in the sheet, None when the field has no column
    reason: str

    def __str__(self) -> str:
        return f"第 {self.row} 行 {self.label} {self.reason}"


@dataclass(frozen=True)
class RowResult:
    row: int
    values: dict[str, Any]  # check_resident's clean values; complete only when there are no errors
    errors: tuple[CellError, ...]
    id_number: str | None  # the checked ID number even when other cells are wrong (duplicates)
    contract: dict[str, str] = field(default_factory=dict)  # contract cells, raw text

    @property
    def ok(self) -> bool:
        return not self.errors


def short_reason(label: str, message: str) -> str:
    """A domain message shortened for its column: "身份证号校验位错误，请核对" under 身份证号 reads
    "校验位错误" (the column already says what)."""
    if message.startswith(label) and not message[len(label) :].startswith(("中", "的", "与", "和", "被")):
        message = message[len(label) :]
    return message.removesuffix("，请核对")


class RowReader:
    """Reads data rows of one sheet with one mapping: cells → draft → ``check_resident``."""

    def __init__(
        self,
        headers: Sequence[str],
        mapping: Mapping[int, str],
        today: dt.date,
        places: PlaceIndex,
        doctors: Mapping[str, uuid.UUID | None],
        include_clinical: bool,
    ) -> None:
        self.mapping = dict(sorted(mapping.items()))
        self.today = today
        self.places = places
        self.doctors = doctors
        self.include_clinical = include_clinical
        self.columns = {key: col for col, key in self.mapping.items()}
        self._kinds = [(col, key, FIELD_BY_KEY[key].kind) for col, key in self.mapping.items()]
        self.labels = {
            key: (cell_text(headers[col]) if col < len(headers) else "") or FIELD_BY_KEY[key].label
            for col, key in self.mapping.items()
        }

    def label(self, key: str) -> str:
        return self.labels.get(key) or FIELD_BY_KEY[key].label

    def read(self, row: int, cells: Sequence[Any]) -> RowResult:
        draft: dict[str, Any] = {}
        errors: dict[str, str] = {}
        contract: dict[str, str] = {}
        given: set[str] = set()
        id_number: str | None = None
        width = len(cells)
        for col, key, kind in self._kinds:
            value = cells[col] if col < width else None
            if value is None or (value.__class__ is str and not value.strip()):
                continue
            given.add(key)
            if kind == "contract":
                contract[key.removeprefix("contract.")] = cell_text(value)
                continue
            result = self._cell(key, kind, value)
            if isinstance(result, Invalid):
                errors[key] = result.reason
            elif key == "id_number":
                id_number = draft["id_number"] = result
            elif result is not None:
                draft.update(result if isinstance(result, dict) else {key: result})
        if "id_number" not in given:
            errors["id_number"] = "未填写（导入时按身份证号识别已建档的居民）"
        self._place(draft, errors, given)
        clean, problems = check_resident(
            ResidentDraft(**draft), self.today, include_clinical=self.include_clinical
        )
        for draft_key, message in problems.items():
            key = _ERROR_FIELD.get(draft_key, draft_key)
            if key in errors:
                continue
            # An unreadable ID number leaves birth date and sex to be derived: no second message.
            if key in ("birth_date", "sex") and "id_number" in errors and key not in given:
                continue
            errors[key] = message
        found = tuple(
            CellError(row, key, self.label(key), self.columns.get(key), short_reason(self._base(key), msg))
            for key, msg in sorted(errors.items(), key=lambda kv: self._order(kv[0]))
        )
        return RowResult(row, clean, found, id_number, contract)

    @staticmethod
    def _base(key: str) -> str:
        field_ = FIELD_BY_KEY.get(key)
        return field_.label if field_ else key

    def _order(self, key: str) -> int:
        col = self.columns.get(key)
        return col if col is not None else 10_000

    def _cell(self, key: str, kind: str, value: Any) -> Any:
        if kind == "text":
            return text_cell(value)
        if kind == "date":
            d = date_cell(value)
            return d.isoformat() if isinstance(d, dt.date) else d
        if kind == "sex":
            return sex_cell(value)
        if kind == "id_number":
            return id_number_cell(value, self.today)
        if kind == "phone":
            return phone_cell(value)
        if kind == "code":
            return code_cell(CODE_LISTS[key], value)
        if kind == "codes":
            many = codes_cell(CODE_LISTS[key], value)
            if many is None or isinstance(many, Invalid):
                return many
            chosen, other = many
            return {key: chosen, OTHER_TEXT[key]: other}
        if kind == "ethnicity":
            eth = ethnicity_cell(value)
            if eth is None or isinstance(eth, Invalid):
                return eth
            return {"ethnicity": eth[0], "ethnicity_name": eth[1] or ""}
        if kind == "doctor":
            name = "".join(cell_text(value).split())
            if name not in self.doctors:
                return Invalid("找不到该医生的账户（请写系统中的医生姓名）")
            uid = self.doctors[name]
            return uid if uid is not None else Invalid("有两名同名医生，请导入后在档案中选择")
        # street and committee are read together (_place)
        return {f"_{key}": cell_text(value)}

    def _place(self, draft: dict[str, Any], errors: dict[str, str], given: set[str]) -> None:
        street_text = draft.pop("_street", "")
        committee_text = draft.pop("_committee", "")
        street: Place | None = None
        if street_text:
            found = self.places.street(street_text)
            if isinstance(found, Invalid):
                errors["street"] = found.reason
                return
            street = found
        if not committee_text:
            if "committee" not in errors:
                errors["committee"] = "请填写居委会"
            return
        committee = self.places.committee(committee_text, street)
        if isinstance(committee, Invalid):
            errors["committee"] = committee.reason
            return
        draft["committee_id"] = committee.id
        draft["street_id"] = street.id if street else committee.parent_id
