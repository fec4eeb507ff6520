"""Pinyin search keys for a Chinese name: full pinyin and initials, the surname reading first.

pypinyin reads many surnames with the character's common reading (单 dan, 曾 ceng, 解 jie…), but as
surnames they read otherwise. The surname reading comes first and pypinyin's reading second, so a
clerk who types either finds the person. The given name keeps pypinyin's phrase-aware reading only:
expanding every heteronym would multiply keys and false matches.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

# Surname readings pypinyin 0.55 gets wrong, per 《现代汉语词典》/《新华字典》 surname entries. Only
# readings without doubt are listed; surnames with two accepted readings (隗 wěi/kuí, 能, 费…) are
# left to pypinyin. Compound surnames are matched before single characters (尉迟 yuchi, but 尉 wei).
# 单于 chanyu is left out on purpose: it is all but extinct, and would misread 单 + a name with 于.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"),
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"),
    "东方": ("dong", "fang"),
    "皇甫": ("huang", "fu"),
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
    "重": ("chong",),
    "召": ("shao",),
    "秘": ("bi",),
    "黑": ("he",),
    "折": ("she",),
    "句": ("gou",),
    "郇": ("xun",),
    "阚": ("kan",),
    "薄": ("bo",),
    "长": ("chang",),
}
# Longest first, so a compound surname wins over its first character.
_SURNAMES = tuple(sorted(SURNAME_READINGS, key=len, reverse=True))
MAX_VARIANTS = 4
_DROP = str.maketrans("", "", "·•・.．-")  # separators in minority and foreign names


@dataclass(frozen=True)
class NameKeys:
    full: tuple[str, ...]  # "zhangsan"; lower-case ASCII, main reading first
    initials: tuple[str, ...]  # "zs"


def _syllables(text: str) -> list[str]:
    out: list[str] = []
    # errors="default" passes Latin letters through (as one chunk); anything else is dropped below.
    for part in lazy_pinyin(text, style=Style.NORMAL, errors="default"):
        clean = "".join(ch for ch in part.lower() if "a" <= ch <= "z")
        if clean:
            out.append(clean)
    return out


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))[:MAX_VARIANTS]


@functools.lru_cache(maxsize=65_536)  # names repeat a great deal in a district
def name_keys(name: str) -> NameKeys:
    name = "".join(name.split()).translate(_DROP)
    variants: list[list[str]] = []
    surname = next((s for s in _SURNAMES if name.startswith(s)), None)
    if surname is not None:
        variants.append([*SURNAME_READINGS[surname], *_syllables(name[len(surname) :])])
    variants.append(_syllables(name))
    return NameKeys(
        full=_unique(["".join(v) for v in variants]),
        initials=_unique(["".join(s[0] for s in v) for v in variants]),
    )
