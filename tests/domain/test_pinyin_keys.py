"""Pinyin search keys: the surname's own reading first, pypinyin's common reading kept as well."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.pinyin_keys import MAX_VARIANTS, SURNAME_READINGS, name_keys


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张三", "zhangsan", "zs"),
        ("单雄信", "shanxiongxin", "sxx"),
        ("曾国藩", "zengguofan", "zgf"),
        ("解缙", "xiejin", "xj"),
        ("仇英", "qiuying", "qy"),
        ("区寄", "ouji", "oj"),
        ("欧阳修", "ouyangxiu", "oyx"),
        ("朴志", "piaozhi", "pz"),
        ("查良", "zhaliang", "zl"),
        ("翟志刚", "zhaizhigang", "zzg"),
        ("缪可", "miaoke", "mk"),
        ("覃军", "qinjun", "qj"),
        ("乐嘉", "yuejia", "yj"),
        ("尉迟恭", "yuchigong", "ycg"),  # compound: 尉 reads yu only here
        ("尉健", "weijian", "wj"),  # the single surname 尉 reads wei
        ("万俟卨", "moqixie", "mqx"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("澹台明", "tantaiming", "ttm"),
        ("令狐冲", "linghuchong", "lhc"),
        ("诸葛亮", "zhugeliang", "zgl"),
        ("单于红", "shanyuhong", "syh"),  # 单 + a name beginning with 于, not the extinct 单于
        ("阿依古丽·买买提", "ayiguli" + "maimaiti", "aygl" + "mmt"),
        ("Anna", "anna", "a"),
        ("张 三", "zhangsan", "zs"),
    ],
)
def test_name_keys(name: str, full: str, initials: str) -> None:
    keys = name_keys(name)
    assert keys.full[0] == full and keys.initials[0] == initials


@pytest.mark.parametrize(
    ("name", "common_full", "common_initials"),
    [
        ("单雄信", "danxiongxin", "dxx"),
        ("曾国藩", "cengguofan", "cgf"),
        ("解缙", "jiejin", "jj"),
        ("仇英", "chouying", "cy"),
        ("区寄", "quji", "qj"),
        ("朴志", "puzhi", "pz"),
    ],
)
def test_common_reading_is_kept_second(name: str, common_full: str, common_initials: str) -> None:
    keys = name_keys(name)
    assert keys.full[1] == common_full and common_initials in keys.initials


def test_no_duplicate_keys() -> None:
    keys = name_keys("欧阳修")  # pypinyin reads it right: one key each
    assert keys.full == ("ouyangxiu",) and keys.initials == ("oyx",)
    assert name_keys("朴志").initials == ("pz",)  # piao and pu share an initial
    assert name_keys("") == name_keys("·") and name_keys("").full == ()


def test_surname_table_is_lower_ascii_and_complete_for_compounds() -> None:
    for surname, syllables in SURNAME_READINGS.items():
        assert len(syllables) == len(surname)
        assert all(s.isascii() and s.isalpha() and s == s.lower() for s in syllables)
    assert "单于" not in SURNAME_READINGS


cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@given(st.text(alphabet=cjk, min_size=1, max_size=4))
def test_keys_are_lower_ascii(name: str) -> None:
    keys = name_keys(name)
    for key in (*keys.full, *keys.initials):
        assert key.isascii() and key.isalpha() and key == key.lower()
    assert 1 <= len(keys.full) <= MAX_VARIANTS and 1 <= len(keys.initials) <= MAX_VARIANTS
    assert len(set(keys.full)) == len(keys.full) and len(set(keys.initials)) == len(keys.initials)
    assert all(len(i) <= len(f) for i, f in zip(keys.initials, keys.full, strict=False))


@given(st.sampled_from(sorted(SURNAME_READINGS)), st.text(alphabet=cjk, min_size=1, max_size=2))
def test_a_known_surname_leads(surname: str, given_name: str) -> None:
    keys = name_keys(surname + given_name)
    first = "".join(
        SURNAME_READINGS[max((s for s in SURNAME_READINGS if (surname + given_name).startswith(s)), key=len)]
    )
    assert keys.full[0].startswith(first)


@given(st.text(min_size=0, max_size=12))
def test_any_text_gives_ascii_keys(text: str) -> None:
    keys = name_keys(text)
    assert all(k.isascii() and k == k.lower() for k in (*keys.full, *keys.initials))
