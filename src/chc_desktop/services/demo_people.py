"""Synthetic but realistic Changning residents for demo databases and benchmarks (no real people).

Surnames follow the common-surname distribution; ages skew old as in a real centre (about 38 % aged
60+, 27 % aged 65+, 6 % aged 0–6); ID numbers are valid, unique and match sex and birth date;
chronic disease rates rise with age; people live in households of one to four.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from chc_desktop.domain.id_number import check_digit

SURNAMES = (
    ("王", 7.1),
    ("李", 7.0),
    ("张", 6.8),
    ("刘", 5.4),
    ("陈", 5.2),
    ("杨", 3.3),
    ("黄", 2.6),
    ("赵", 2.4),
    ("吴", 2.3),
    ("周", 2.2),
    ("徐", 1.8),
    ("孙", 1.5),
    ("马", 1.5),
    ("朱", 1.4),
    ("胡", 1.3),
    ("郭", 1.2),
    ("何", 1.2),
    ("高", 1.1),
    ("林", 1.1),
    ("罗", 1.0),
    ("郑", 1.0),
    ("梁", 0.9),
    ("谢", 0.8),
    ("宋", 0.8),
    ("唐", 0.7),
    ("许", 0.7),
    ("韩", 0.7),
    ("冯", 0.7),
    ("邓", 0.7),
    ("曹", 0.6),
    ("彭", 0.6),
    ("曾", 0.6),
    ("肖", 0.6),
    ("田", 0.5),
    ("董", 0.5),
    ("袁", 0.5),
    ("潘", 0.5),
    ("于", 0.5),
    ("蒋", 0.5),
    ("蔡", 0.5),
    ("余", 0.5),
    ("杜", 0.5),
    ("叶", 0.4),
    ("程", 0.4),
    ("苏", 0.4),
    ("魏", 0.4),
    ("吕", 0.4),
    ("丁", 0.4),
    ("任", 0.4),
    ("沈", 0.4),
    ("姚", 0.3),
    ("卢", 0.3),
    ("姜", 0.3),
    ("崔", 0.3),
    ("钟", 0.3),
    ("谭", 0.3),
    ("陆", 0.3),
    ("汪", 0.3),
    ("范", 0.3),
    ("金", 0.3),
    ("石", 0.3),
    ("廖", 0.3),
    ("贾", 0.3),
    ("夏", 0.3),
    ("韦", 0.2),
    ("顾", 0.2),
    ("毛", 0.2),
    ("邱", 0.2),
    ("钱", 0.2),
    ("严", 0.2),
    ("单", 0.05),
    ("解", 0.04),
    ("仇", 0.03),
    ("区", 0.02),
    ("欧阳", 0.05),
    ("诸葛", 0.01),
    ("查", 0.03),
    ("翟", 0.05),
    ("覃", 0.03),
)
MALE = (
    "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺"
    "信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲"
    "江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠"
    "策腾楠榕风航弘"
)
FEMALE = (
    "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡"
    "佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦"
    "岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒"
    "影荔枝丽"
)
STREETS = ("001", "002", "004", "005", "006", "008", "009", "010", "011", "102")
ROADS = (
    "仙霞路",
    "天山路",
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
    "北新泾路",
    "天山西路",
    "水城路",
    "芙蓉江路",
)
LOCAL_REGIONS = ("310105", "310105", "310105", "310104", "310106", "310107", "310110", "310112")
OTHER_REGIONS = (
    "320102",
    "320582",
    "330106",
    "340104",
    "341302",
    "360102",
    "370102",
    "410105",
    "420106",
    "430104",
    "510107",
    "140105",
    "230103",
    "130104",
)
# (upper age, cumulative share): ≈6 % 0–6, ≈38 % 60+, ≈27 % 65+, oldest about 100.
# Minorities most often met in Shanghai's registers.
MINORITIES = ("回族", "满族", "蒙古族", "朝鲜族", "壮族", "土家族", "苗族")
AGE_BANDS = (
    (6, 0.065),
    (17, 0.11),
    (29, 0.18),
    (44, 0.33),
    (59, 0.57),
    (64, 0.71),
    (74, 0.87),
    (84, 0.965),
    (100, 1.0),
)


@dataclass(frozen=True)
class DemoPerson:
    name: str
    sex: str
    birth_date: dt.date
    id_number: str
    phone: str | None
    street_code: str
    committee_no: int
    address: str
    registered_address: str
    residence_type: str
    ethnicity: str
    ethnicity_name: str | None  # the minority written out, as the form asks (回族…)
    marital_status: str
    education: str
    occupation: str
    payment_methods: tuple[str, ...]
    past_diseases: tuple[tuple[str, int, int], ...]
    disabilities: tuple[str, ...]
    manual_key_populations: tuple[str, ...]
    contact_name: str | None
    contact_phone: str | None
    household_no: int
    relation_to_head: str


class _Generator:
    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        names, weights = zip(*SURNAMES, strict=True)
        self.surnames, self.surname_weights = list(names), list(weights)
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()
        self.household = 0

    def age(self) -> int:
        x, low = self.rng.random(), 0
        for high, cumulative in AGE_BANDS:
            if x <= cumulative:
                return self.rng.randint(low, high)
            low = high + 1
        return 100

    def birth(self, age: int) -> dt.date:
        start = (
            self.today.replace(year=self.today.year - age - 1) + dt.timedelta(days=1)
            if not (self.today.month == 2 and self.today.day == 29)
            else dt.date(self.today.year - age - 1, 3, 1)
        )
        return start + dt.timedelta(days=self.rng.randint(0, 364))

    def name(self, sex: str, surname: str | None = None) -> str:
        surname = surname or self.rng.choices(self.surnames, self.surname_weights)[0]
        pool = MALE if sex == "1" else FEMALE
        given = self.rng.choice(pool) + (self.rng.choice(pool) if self.rng.random() < 0.7 else "")
        return surname + given

    def id_number(self, birth: dt.date, sex: str, local: bool) -> str:
        region = self.rng.choice(LOCAL_REGIONS if local else OTHER_REGIONS)
        while True:
            seq = self.rng.randint(0, 499) * 2 + (1 if sex == "1" else 0)
            first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
            value = first17 + check_digit(first17)
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def phone(self) -> str:
        while True:
            value = (
                self.rng.choice(("13", "15", "18"))
                + str(self.rng.randint(0, 9))
                + f"{self.rng.randint(0, 99_999_999):08d}"
            )
            if value not in self.used_phones:
                self.used_phones.add(value)
                return value

    def person(
        self,
        sex: str,
        age: int,
        home: tuple[str, int, str],
        household: int,
        relation: str,
        surname: str | None = None,
    ) -> DemoPerson:
        rng = self.rng
        birth = self.birth(age)
        local = rng.random() < 0.85
        address = home[2]
        diseases: list[tuple[str, int, int]] = []
        if age >= 35:
            share = min(0.45, max(0.0, (age - 35) * 0.012))
            for code, factor in (("2", 1.0), ("3", 0.45), ("4", 0.25), ("7", 0.12), ("5", 0.1)):
                if rng.random() < share * factor:
                    year = rng.randint(max(birth.year + 30, self.today.year - 30), self.today.year)
                    diseases.append(
                        (
                            code,
                            year,
                            rng.randint(1, 12)
                            if year < self.today.year
                            else rng.randint(1, self.today.month),
                        )
                    )
        if rng.random() < 0.006 and age >= 16:
            diseases.append(("8", rng.randint(max(birth.year + 16, 1990), self.today.year), 1))
        if rng.random() < 0.001:
            diseases.append(("9", self.today.year - rng.randint(0, 3), 1))
        disabilities: tuple[str, ...] = ("1",)
        if (age >= 65 and rng.random() < 0.05) or rng.random() < 0.01:
            disabilities = (rng.choice(("2", "3", "5", "5", "5")),)
        manual: list[str] = []
        if sex == "2" and 20 <= age <= 40 and rng.random() < 0.03:
            manual.append("maternal")
        if rng.random() < 0.02:
            manual.append("low_income")
        if age >= 45 and rng.random() < 0.005:
            manual.append("family_planning_special")
        if age < 18:
            marital, education, occupation = "1", ("8" if age >= 7 else "10"), "8"
            payments: tuple[str, ...] = ("2",)
        else:
            marital = rng.choices(
                ("1", "2", "3", "4"), (0.15 if age > 30 else 0.7, 0.7, 0.1 if age > 65 else 0.01, 0.05)
            )[0]
            education = rng.choice(
                ("2", "3", "4", "6", "7", "8") if age < 60 else ("3", "6", "7", "7", "8", "9")
            )
            occupation = "8" if age >= 60 else rng.choice(("1", "2", "3", "3", "5", "7"))
            payments = ("1",) if rng.random() < 0.8 else ("2",)
            if rng.random() < 0.1:
                payments = (*payments, "5")
        minority = None if rng.random() < 0.98 else rng.choice(MINORITIES)
        return DemoPerson(
            name=self.name(sex, surname),
            sex=sex,
            birth_date=birth,
            id_number=self.id_number(birth, sex, local),
            phone=self.phone() if rng.random() > 0.03 else None,
            street_code=home[0],
            committee_no=home[1],
            address=address,
            registered_address=address if local else "外省市户籍",
            residence_type="1" if local else "2",
            ethnicity="01" if minority is None else "99",
            ethnicity_name=minority,
            marital_status=marital,
            education=education,
            occupation=occupation,
            payment_methods=payments,
            past_diseases=tuple(diseases),
            disabilities=disabilities,
            manual_key_populations=tuple(manual),
            contact_name=None,
            contact_phone=None,
            household_no=household,
            relation_to_head=relation,
        )

    def households(self) -> Iterator[DemoPerson]:
        rng = self.rng
        while True:
            self.household += 1
            home = (
                rng.choice(STREETS),
                rng.randint(1, 12),
                f"长宁区{rng.choice(ROADS)}{rng.randint(1, 1200)}弄{rng.randint(1, 60)}号"
                f"{rng.randint(1, 24)}{rng.randint(1, 4):02d}室",
            )
            head_age = self.age()
            if head_age < 18:  # a child lives with a parent who heads the household
                parent_age = head_age + rng.randint(24, 40)
                parent_sex = rng.choice("12")
                parent = self.person(parent_sex, parent_age, home, self.household, "02")
                yield parent
                yield self.person(
                    rng.choice("12"), head_age, home, self.household, "20", _surname(parent.name)
                )
                continue
            sex = rng.choice("12")
            head = self.person(sex, head_age, home, self.household, "02")
            yield head
            if head_age >= 25 and rng.random() < 0.6:
                yield self.person(
                    "2" if sex == "1" else "1",
                    max(18, min(100, head_age + rng.randint(-5, 5))),
                    home,
                    self.household,
                    "10",
                )
            if 28 <= head_age <= 60 and rng.random() < 0.35:
                child_age = rng.randint(0, min(head_age - 20, 30))
                yield self.person(
                    rng.choice("12"),
                    child_age,
                    home,
                    self.household,
                    "20" if rng.random() < 0.5 else "30",
                    _surname(head.name),
                )


def _surname(name: str) -> str:
    return name[:2] if len(name) > 2 and name[:2] in {s for s, _w in SURNAMES} else name[0]


def generate_people(n: int, seed: int, today: dt.date) -> Iterator[DemoPerson]:
    """``n`` synthetic residents, deterministic for a seed."""
    gen = _Generator(seed, today)
    for count, person in enumerate(gen.households()):
        if count >= n:
            return
        yield person
