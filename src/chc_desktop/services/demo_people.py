"""Synthetic but realistic Changning residents for demo databases and benchmarks (no real people).

Surnames follow a Shanghai ranking for 户籍 residents and the national one for others; given names
follow the fashion of the birth decade; ages skew old as in a real centre (about 38 % aged 60+,
27 % aged 65+, 6 % aged 0–6); ID numbers are valid, unique and agree with sex and birth date;
chronic disease rates rise with age; people live in households of one to four with one head each.
Pure: no database, only the domain rules.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from chc_desktop.domain.id_number import check_digit

# (surname, Shanghai weight, national weight). Rough shares in per cent: the Shanghai order follows
# its published surname rankings (张 王 陈 李 朱 徐 周 沈 陆 黄…); rare surnames are there so that
# search and pinyin keys meet 单, 曾, 解, 欧阳 and friends.
SURNAMES = (
    ("张", 6.0, 6.8),
    ("王", 5.8, 7.1),
    ("陈", 5.6, 4.9),
    ("李", 4.6, 7.2),
    ("朱", 3.3, 1.3),
    ("徐", 3.2, 1.7),
    ("周", 2.9, 2.1),
    ("沈", 2.6, 0.4),
    ("陆", 2.5, 0.3),
    ("黄", 2.4, 2.2),
    ("吴", 2.3, 2.0),
    ("顾", 2.0, 0.2),
    ("杨", 1.9, 3.3),
    ("刘", 1.9, 5.4),
    ("钱", 1.4, 0.2),
    ("胡", 1.4, 1.3),
    ("蔡", 1.3, 0.5),
    ("金", 1.3, 0.3),
    ("孙", 1.3, 1.5),
    ("曹", 1.1, 0.6),
    ("姚", 1.0, 0.3),
    ("许", 1.0, 0.7),
    ("汪", 0.9, 0.3),
    ("马", 0.9, 1.1),
    ("赵", 0.9, 2.3),
    ("高", 0.8, 1.2),
    ("何", 0.8, 1.2),
    ("林", 0.8, 1.2),
    ("郭", 0.7, 1.1),
    ("罗", 0.6, 0.9),
    ("郑", 0.7, 1.0),
    ("梁", 0.5, 0.9),
    ("谢", 0.6, 0.8),
    ("宋", 0.6, 0.8),
    ("唐", 0.7, 0.7),
    ("韩", 0.4, 0.7),
    ("冯", 0.6, 0.7),
    ("邓", 0.4, 0.7),
    ("彭", 0.4, 0.6),
    ("曾", 0.2, 0.6),
    ("肖", 0.3, 0.6),
    ("田", 0.3, 0.5),
    ("董", 0.5, 0.5),
    ("袁", 0.5, 0.5),
    ("潘", 0.6, 0.5),
    ("蒋", 0.6, 0.5),
    ("杜", 0.3, 0.5),
    ("叶", 0.5, 0.4),
    ("程", 0.4, 0.4),
    ("魏", 0.3, 0.4),
    ("丁", 0.5, 0.4),
    ("任", 0.3, 0.4),
    ("范", 0.5, 0.3),
    ("邱", 0.3, 0.2),
    ("严", 0.5, 0.2),
    ("倪", 0.5, 0.1),
    ("龚", 0.4, 0.1),
    ("单", 0.05, 0.05),
    ("解", 0.03, 0.04),
    ("仇", 0.04, 0.03),
    ("区", 0.01, 0.02),
    ("查", 0.03, 0.03),
    ("翟", 0.03, 0.05),
    ("缪", 0.05, 0.02),
    ("乐", 0.04, 0.02),
    ("欧阳", 0.04, 0.05),
    ("诸葛", 0.005, 0.01),
)
_SURNAME_NAMES = tuple(s for s, _sh, _cn in SURNAMES)
_SURNAME_CUM_SHANGHAI = tuple(itertools.accumulate(sh for _s, sh, _cn in SURNAMES))
_SURNAME_CUM_NATIONAL = tuple(itertools.accumulate(cn for _s, _sh, cn in SURNAMES))
_COMPOUND_SURNAMES = frozenset(s for s in _SURNAME_NAMES if len(s) == 2)

# Given-name characters by birth decade: (born before, male pool, female pool, share of one-character
# given names). Names were fashionable by era: 根宝 and 秀英 are grandparents, 子涵 a grandchild.
NAME_ERAS = (
    (
        1960,
        "根宝荣德明国忠富金生发祥兴海林福贵春建志文华康良顺才银耀鸿仁山",
        "秀英珍凤兰芳妹娣玉桂琴美华金宝云素娟芬萍月菊梅莲仙",
        0.2,
    ),
    (
        1990,
        "伟军勇强刚斌杰峰涛明华健辉磊波毅俊敏捷晓东海宏新建平炜雷鸣",
        "丽敏静燕红霞芳萍娟琳婷洁慧颖蕾晓雯佳倩莉雪艳玲华",
        0.35,
    ),
    (
        9999,
        "浩宇轩子涵睿博文杰泽辰一晨昊然皓俊天奕宸航铭瑞嘉思源",
        "欣怡雨萱梓涵诗琪可馨佳思悦雯婧彤妍一晨子雅若嘉琳",
        0.15,
    ),
)
STREETS = ("001", "002", "004", "005", "006", "008", "009", "010", "011", "102")  # reference.md §5.4
COMMITTEES_PER_STREET = 12
# Roads of 长宁区 (only names that are surely in the district).
ROADS = (
    "仙霞路",
    "天山路",
    "天山西路",
    "延安西路",
    "虹桥路",
    "遵义路",
    "愚园路",
    "江苏路",
    "新华路",
    "番禺路",
    "定西路",
    "安顺路",
    "娄山关路",
    "茅台路",
    "古北路",
    "哈密路",
    "剑河路",
    "威宁路",
    "淞虹路",
    "金钟路",
    "福泉路",
    "协和路",
    "武夷路",
    "万航渡路",
    "长宁路",
    "华阳路",
    "凯旋路",
    "水城路",
    "芙蓉江路",
    "法华镇路",
    "昭化路",
    "镇宁路",
    "宣化路",
)
# 户籍 residents: mostly first registered in 长宁, some elsewhere in the city (徐汇, 静安, 普陀, 杨浦, 闵行).
LOCAL_REGIONS = ("310105",) * 6 + ("310104", "310106", "310107", "310110", "310112")
# 非户籍 residents: places many of Shanghai's newcomers come from (GB/T 2260, checked against the
# NBS 2023 code list).
OTHER_REGIONS = (
    ("320102", "江苏省南京市玄武区"),
    ("320582", "江苏省张家港市"),
    ("320681", "江苏省启东市"),
    ("330106", "浙江省杭州市西湖区"),
    ("330382", "浙江省乐清市"),
    ("340104", "安徽省合肥市蜀山区"),
    ("341222", "安徽省太和县"),
    ("341302", "安徽省宿州市埇桥区"),
    ("340822", "安徽省怀宁县"),
    ("360102", "江西省南昌市东湖区"),
    ("370102", "山东省济南市历下区"),
    ("410105", "河南省郑州市金水区"),
    ("420106", "湖北省武汉市武昌区"),
    ("430104", "湖南省长沙市岳麓区"),
    ("510107", "四川省成都市武侯区"),
    ("140105", "山西省太原市小店区"),
    ("230103", "黑龙江省哈尔滨市南岗区"),
    ("130104", "河北省石家庄市桥西区"),
)
HOMETOWN_ROADS = ("人民路", "解放路", "中山路", "建设路", "和平路", "胜利路", "新华街", "文化路")
MINORITIES = ("回族", "满族", "蒙古族", "朝鲜族", "壮族", "土家族", "苗族")  # most met in Shanghai

# Ages of the person each household is built around, as (highest age, weight) bands. Calibrated so
# that the people generated (heads, spouses, children, parents) come out at about 6 % aged 0–6,
# 38 % aged 60+ and 27 % aged 65+, oldest 100.
SEED_AGE_BANDS = (
    (6, 11.8),
    (17, 13.2),
    (29, 11.0),
    (44, 4.8),
    (59, 12.8),
    (64, 13.4),
    (74, 19.0),
    (84, 10.4),
    (94, 3.05),
    (100, 0.34),
)
_SEED_AGE_CUM = tuple(itertools.accumulate(w for _a, w in SEED_AGE_BANDS))
# Past diseases that need no written detail, with their share relative to hypertension (2).
CHRONIC = (("2", 1.0), ("3", 0.5), ("4", 0.25), ("7", 0.12), ("5", 0.1))
# Numbers a reader might recognise (service lines, vanity numbers) are never generated.
_KNOWN_NUMBERS = frozenset({"13800138000"})
# 13x, 15x (154 was never issued) and 18x.
_MOBILE_PREFIXES = tuple(
    str(p) for p in (*range(130, 140), *range(150, 154), *range(155, 160), *range(180, 190))
)


@dataclass(frozen=True, slots=True)
class DemoPerson:
    name: str
    sex: str  # GB/T 2261.1: 1 男, 2 女
    birth_date: dt.date
    id_number: str
    phone: str | None  # normalised as parse_phone gives it
    street_code: str  # 3-digit street code within 310105
    committee_no: int  # 1..COMMITTEES_PER_STREET; the caller maps it to a committee
    address: str
    registered_address: str  # 户籍地址
    residence_type: str  # RESIDENCE_TYPE: 1 户籍, 2 非户籍
    ethnicity: str  # ETHNICITY: 01 汉族, 99 少数民族
    ethnicity_name: str | None  # the minority written out, as the form asks (回族…)
    marital_status: str
    education: str
    occupation: str
    payment_methods: tuple[str, ...]
    past_diseases: tuple[tuple[str, int, int], ...]  # (PAST_DISEASE code, year, month) of diagnosis
    disabilities: tuple[str, ...]
    manual_key_populations: tuple[str, ...]
    contact_name: str | None
    contact_phone: str | None
    household_no: int
    relation_to_head: str  # RELATION_TO_HEAD; exactly one "02" per household


@dataclass(slots=True)
class _Member:
    """A household member before anyone is named."""

    sex: str
    age: int
    relation: str
    married: bool = False


@dataclass(frozen=True, slots=True)
class _Home:
    street: str
    committee: int
    address: str
    local: bool
    region: str  # ID region of the household's 非户籍 members (one hometown per family)
    hometown: str
    landline: str | None


class _Generator:
    def __init__(self, seed: int, today: dt.date) -> None:
        # random() alone, scaled, is several times faster than randint/choice: 300,000 people must
        # take seconds, not minutes.
        self.random = random.Random(seed).random
        self.today = today
        self.this_month = today.year * 12 + today.month - 1
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()

    # -- small draws -------------------------------------------------------------------------------

    def below(self, n: int) -> int:
        return int(self.random() * n)

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def pick(self, items: Sequence[str]) -> str:
        return items[int(self.random() * len(items))]

    def seed_age(self) -> int:
        band = bisect.bisect_left(_SEED_AGE_CUM, self.random() * _SEED_AGE_CUM[-1])
        low = SEED_AGE_BANDS[band - 1][0] + 1 if band else 0
        return self.between(low, SEED_AGE_BANDS[band][0])

    def birth(self, age: int) -> dt.date:
        """A birth date at which the person is ``age`` full years old today."""
        latest = _years_before(self.today, age)
        earliest = _years_before(self.today, age + 1) + _DAY
        return earliest + dt.timedelta(days=self.below((latest - earliest).days + 1))

    def surname(self, local: bool) -> str:
        cum = _SURNAME_CUM_SHANGHAI if local else _SURNAME_CUM_NATIONAL
        return _SURNAME_NAMES[bisect.bisect_left(cum, self.random() * cum[-1])]

    def given_name(self, sex: str, birth_year: int) -> str:
        era = (
            NAME_ERAS[0]
            if birth_year < NAME_ERAS[0][0]
            else NAME_ERAS[1]
            if birth_year < NAME_ERAS[1][0]
            else NAME_ERAS[2]
        )
        _until, male, female, single = era
        pool = male if sex == "1" else female
        first = self.pick(pool)
        if self.random() < single:
            return first
        second = self.pick(pool)
        if second == first and self.random() < 0.8:  # 丽丽, 婷婷 exist, but less often
            second = self.pick(pool)
        return first + second

    def id_number(self, birth: str, sex: str, region: str) -> str:
        odd = 1 if sex == "1" else 0  # the sequence is odd for men, even for women
        while True:
            first17 = f"{region}{birth}{self.below(500) * 2 + odd:03d}"
            value = first17 + check_digit(first17)
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def _fresh(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value not in self.used_phones and value not in _KNOWN_NUMBERS and not _REPEATS.search(value):
                self.used_phones.add(value)
                return value

    def mobile(self) -> str:
        return self._fresh(lambda: f"{self.pick(_MOBILE_PREFIXES)}{self.below(100_000_000):08d}")

    def landline(self) -> str:
        # Shanghai home numbers: 8 digits, most starting 5 or 6.
        return self._fresh(lambda: f"021-{self.pick('56')}{self.below(10_000_000):07d}")

    def when(self, since: dt.date) -> tuple[int, int]:
        """A (year, month) between ``since`` and this month."""
        first = since.year * 12 + since.month - 1
        month = self.between(first, max(first, self.this_month))
        return month // 12, month % 12 + 1

    def address(self) -> str:
        road = self.pick(ROADS)
        if self.random() < 0.8:  # most people live in a 弄 (lane compound)
            return (
                f"长宁区{road}{self.between(1, 1300)}弄{self.between(1, 60)}号"
                f"{self.between(1, 18)}{self.between(1, 4):02d}室"
            )
        return f"长宁区{road}{self.between(1, 1500)}号{self.between(1, 30)}{self.between(1, 8):02d}室"

    # -- households --------------------------------------------------------------------------------

    def household_members(self) -> list[_Member]:
        """Who lives together, built around one person whose age follows SEED_AGE_BANDS."""
        age = self.seed_age()
        if age < 18 or (age < 30 and self.random() < 0.45):
            return self.family_with_child(age)
        head_sex = self.pick("12") if age < 70 else ("2" if self.random() < 0.6 else "1")
        members = [_Member(head_sex, age, "02")]
        # 22 and 20 are the legal marriage ages for men and women.
        married_share = (
            0.0 if age < 22 else 0.35 if age < 30 else 0.8 if age < 70 else 0.6 if age < 80 else 0.35
        )
        if self.random() < married_share:
            members[0].married = True
            spouse_age = max(20, min(100, age + self.between(-5, 5)))
            members.append(_Member(_other(head_sex), spouse_age, "10", married=True))
        if age >= 60 and self.random() < 0.12:  # an adult child still (or again) at home
            members.append(_child(self.pick("12"), max(18, age - self.between(25, 35))))
        elif 45 <= age < 65 and self.random() < 0.1:  # an old parent moved in
            members.append(_Member(self.pick("12"), min(100, age + self.between(24, 32)), "50"))
        return members

    def family_with_child(self, age: int) -> list[_Member]:
        """A child or young adult living with parents, sometimes with a sibling or grandparent."""
        parent_age = min(100, age + self.between(24, 38))
        head_sex = "1" if self.random() < 0.7 else "2"
        members = [_Member(head_sex, parent_age, "02")]
        if self.random() < 0.85:
            members[0].married = True
            spouse_age = max(20, min(100, parent_age + self.between(-4, 3)))
            members.append(_Member(_other(head_sex), spouse_age, "10", married=True))
        members.append(_child(self.pick("12"), age))
        if len(members) < 4 and self.random() < 0.2:
            sibling_age = age + self.between(-8, 8)
            if 0 <= sibling_age <= parent_age - 20 and sibling_age != age:
                members.append(_child(self.pick("12"), sibling_age))
        if len(members) < 4 and parent_age <= 72 and self.random() < 0.2:
            members.append(_Member(self.pick("12"), parent_age + self.between(24, 28), "50"))
        return members

    def home(self) -> _Home:
        region, hometown = OTHER_REGIONS[self.below(len(OTHER_REGIONS))]
        return _Home(
            street=self.pick(STREETS),
            committee=self.between(1, COMMITTEES_PER_STREET),
            address=self.address(),
            local=self.random() < 0.86,
            region=region,
            hometown=hometown,
            landline=self.landline() if self.random() < 0.3 else None,
        )

    def households(self) -> Iterator[DemoPerson]:
        """Household after household, without end; the head comes first in each."""
        household_no = 0
        while True:
            household_no += 1
            home = self.home()
            members = self.household_members()
            surnames = self.surnames(members, home.local)
            people = [
                self.person(m, surname, home, household_no)
                for m, surname in zip(members, surnames, strict=True)
            ]
            self.add_contacts(people, members)
            for fields in people:
                yield DemoPerson(**fields)

    def surnames(self, members: list[_Member], local: bool) -> list[str]:
        """Spouses keep their own surnames; children take the father's."""
        head, spouse = self.surname(local), self.surname(local)
        father = spouse if members[0].sex == "2" and any(m.relation == "10" for m in members) else head
        out = []
        for m in members:
            if m.relation == "02":
                out.append(head)
            elif m.relation == "10":
                out.append(spouse)
            elif m.relation in ("20", "30"):
                out.append(father)
            else:  # the head's parent: his father shares the head's surname, a mother has her own
                out.append(head if m.sex == "1" and members[0].sex == "1" else self.surname(local))
        return out

    def add_contacts(self, people: list[dict[str, Any]], members: list[_Member]) -> None:
        """Children give a parent's phone and name the parent as contact; adults mostly name a
        spouse or relative at home; old people living alone often a child living elsewhere."""
        for i, p in enumerate(people):
            adults = [q for j, q in enumerate(people) if j != i and q["phone"] and members[j].age >= 18]
            if members[i].age < 14:
                if adults:
                    p["phone"] = p["contact_phone"] = adults[0]["phone"]
                    p["contact_name"] = adults[0]["name"]
            elif adults and self.random() < 0.7:
                p["contact_name"], p["contact_phone"] = adults[0]["name"], adults[0]["phone"]
            elif members[i].age >= 60 and self.random() < 0.6:
                # A child living elsewhere, with the father's surname.
                name: str = p["name"]
                own = name[:2] if name[:2] in _COMPOUND_SURNAMES else name[0]
                surname = own if p["sex"] == "1" else self.surname(p["residence_type"] == "1")
                p["contact_name"] = surname + self.given_name(self.pick("12"), p["birth_date"].year + 28)
                p["contact_phone"] = self.mobile()

    # -- one person --------------------------------------------------------------------------------

    def person(self, m: _Member, surname: str, home: _Home, household_no: int) -> dict[str, Any]:
        age, sex = m.age, m.sex
        birth = self.birth(age)
        region = self.pick(LOCAL_REGIONS) if home.local else home.region
        marital = self.marital(age, m.married)
        education, occupation = self.education_and_work(age, birth.year)
        minority = self.pick(MINORITIES) if self.random() < 0.02 else None
        return {
            "name": surname + self.given_name(sex, birth.year),
            "sex": sex,
            "birth_date": birth,
            "id_number": self.id_number(f"{birth.year:04d}{birth.month:02d}{birth.day:02d}", sex, region),
            "phone": self.phone(age, home),
            "street_code": home.street,
            "committee_no": home.committee,
            "address": home.address,
            "registered_address": self.registered_address(home),
            "residence_type": "1" if home.local else "2",
            "ethnicity": "01" if minority is None else "99",
            "ethnicity_name": minority,
            "marital_status": marital,
            "education": education,
            "occupation": occupation,
            "payment_methods": self.payments(age, home.local),
            "past_diseases": self.past_diseases(age, birth),
            "disabilities": self.disabilities(age),
            "manual_key_populations": self.manual_groups(sex, age, marital),
            "contact_name": None,
            "contact_phone": None,
            "household_no": household_no,
            "relation_to_head": m.relation,
        }

    def phone(self, age: int, home: _Home) -> str | None:
        if age < 14 or self.random() < 0.03:
            return None  # a child's is a guardian's, set once the household is complete
        if home.landline and age >= 70 and self.random() < 0.5:
            return home.landline  # many of the old answer the home phone, not a mobile
        return self.mobile()

    def registered_address(self, home: _Home) -> str:
        if not home.local:
            return f"{home.hometown}{self.pick(HOMETOWN_ROADS)}{self.between(1, 300)}号"
        return home.address if self.random() < 0.9 else self.address()  # 人户分离 within the district

    def marital(self, age: int, married: bool) -> str:
        if married:
            return "2"
        if age < 20:
            return "1"
        x = self.random()
        widowed = 0.0 if age < 50 else 0.15 if age < 70 else 0.5 if age < 80 else 0.75
        divorced = 0.12 if age >= 30 else 0.02
        if x < widowed:
            return "3"
        if x < widowed + divorced:
            return "4"
        # Married people whose spouse lives elsewhere, and single people.
        return "2" if self.random() < (0.1 if age < 30 else 0.3) else "1"

    def education_and_work(self, age: int, birth_year: int) -> tuple[str, str]:
        if age < 18:
            return ("10" if age < 7 else "8" if age < 13 else "7" if age < 16 else "6"), "8"
        if birth_year < 1950:
            education = self.pick(("3", "4", "6", "7", "7", "8", "8", "9"))
        elif birth_year < 1975:
            education = self.pick(("2", "3", "4", "5", "6", "6", "7", "7"))
        else:
            education = self.pick(("1", "2", "2", "2", "3", "3", "4", "6"))
        if age >= 60:  # retired
            return education, "8"
        return education, self.pick(("0", "1", "1", "2", "2", "3", "3", "5", "7", "8"))

    def payments(self, age: int, local: bool) -> tuple[str, ...]:
        if age < 18:
            return ("2",)  # 少儿医保, part of 城乡居民医保
        x = self.random()
        if not local:
            main = "1" if x < 0.6 else "3" if x < 0.8 else "7"
        else:
            main = "1" if x < (0.85 if age >= 60 else 0.88) else "2"
        if main != "7" and age < 65 and self.random() < 0.1:
            return (main, "5")  # with commercial insurance
        return (main,)

    def past_diseases(self, age: int, birth: dt.date) -> tuple[tuple[str, int, int], ...]:
        found: list[tuple[str, int, int]] = []
        # Hypertension from 35 on, about 40 % of the 65+ (diabetes about half that).
        share = min(0.45, max(0.0, (age - 35) * 0.011))
        if share:
            for code, factor in CHRONIC:
                if self.random() < share * factor:
                    since = max(_years_before(birth, -30), _years_before(self.today, 30))
                    found.append((code, *self.when(since)))
        if age >= 16 and self.random() < 0.006:  # 严重精神障碍
            found.append(("8", *self.when(_years_before(birth, -16))))
        if self.random() < 0.001:  # 结核病
            found.append(("9", *self.when(max(birth, _years_before(self.today, 3)))))
        return tuple(found[:6])  # the form has six slots

    def disabilities(self, age: int) -> tuple[str, ...]:
        if self.random() < (0.05 if age >= 65 else 0.01):
            return (self.pick(("2", "3", "5", "5", "5", "4", "6", "7")),)
        return ("1",)

    def manual_groups(self, sex: str, age: int, marital: str) -> tuple[str, ...]:
        groups: list[str] = []
        if sex == "2" and 20 <= age <= 40 and marital == "2" and self.random() < 0.015:
            groups.append("maternal")
        if self.random() < 0.02:
            groups.append("low_income")
        if age >= 49 and self.random() < 0.008:
            groups.append("family_planning_special")
        if age >= 65 and self.random() < (0.12 if age >= 80 else 0.03):
            groups.append("disabled_elderly")
        return tuple(groups)


_DAY = dt.timedelta(days=1)
_REPEATS = re.compile(r"(\d)\1{3}")  # four equal digits in a row: vanity numbers, often a business's


def _other(sex: str) -> str:
    return "2" if sex == "1" else "1"


def _child(sex: str, age: int) -> _Member:
    return _Member(sex, age, "20" if sex == "1" else "30")


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def generate_people(n: int, seed: int, today: dt.date) -> Iterator[DemoPerson]:
    """``n`` synthetic residents, the same ones for the same seed and day."""
    return itertools.islice(_Generator(seed, today).households(), n)
