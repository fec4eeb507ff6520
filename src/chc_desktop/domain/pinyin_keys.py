"""Pinyin search keys for a Chinese name: full pinyin and initials, surname readings first.

pypinyin reads many surnames with their common reading (单 dan, 曾 ceng, 解 jie…); as surnames they
read otherwise. The surname reading comes first and the common reading second, so a clerk who types
either finds the person.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

# Compound surnames first (matched before single characters).
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"),
    "东方": ("dong", "fang"),
    "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"),
    "公孙": ("gong", "sun"),
    "慕容": ("mu", "rong"),
    "夏侯": ("xia", "hou"),
    "单于": ("chan", "yu"),
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "朴": ("piao",),
    "查": ("zha",),
    "盖": ("ge",),
    "乐": ("yue",),
    "员": ("yun",),
    "覃": ("qin",),
    "翟": ("zhai",),
    "缪": ("miao",),
    "繁": ("po",),
    "种": ("chong",),
    "召": ("shao",),
    "秘": ("bi",),
    "黑": ("he",),
    "折": ("she",),
    "尉": ("yu",),
    "纪": ("ji",),
    "任": ("ren",),
    "华": ("hua",),
    "宁": ("ning",),
    "沈": ("shen",),
    "燕": ("yan",),
    "葛": ("ge",),
    "阚": ("kan",),
    "句": ("gou",),
    "郇": ("xun",),
}
MAX_VARIANTS = 4


@dataclass(frozen=True)
class NameKeys:
    full: tuple[str, ...]
    initials: tuple[str, ...]


def _syllables(text: str) -> list[str]:
    out: list[str] = []
    for part in lazy_pinyin(text, style=Style.NORMAL, errors="default"):
        clean = "".join(ch for ch in part.lower() if "a" <= ch <= "z")
        if clean:
            out.append(clean)
    return out


def _dedupe(items: list[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return tuple(seen[:MAX_VARIANTS])


@functools.lru_cache(maxsize=65536)  # names repeat a great deal in a district
def name_keys(name: str) -> NameKeys:
    name = "".join(name.split()).replace("·", "").replace("•", "")
    common = _syllables(name)
    variants = []
    for surname in sorted(SURNAME_READINGS, key=len, reverse=True):
        if name.startswith(surname):
            variants.append([*SURNAME_READINGS[surname], *_syllables(name[len(surname) :])])
            break
    variants.append(common)
    return NameKeys(
        full=_dedupe(["".join(v) for v in variants]),
        initials=_dedupe(["".join(s[0] for s in v) for v in variants]),
    )
