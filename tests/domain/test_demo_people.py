"""The synthetic residents look like a Changning centre's, are valid, and pass the filing rules."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable

import pytest

from chc_desktop.domain import codes
from chc_desktop.domain.dates import age_on
from chc_desktop.domain.id_number import parse_id_number
from chc_desktop.domain.phone import parse_phone
from chc_desktop.domain.resident import HistoryItem, ResidentDraft, check_resident
from chc_desktop.services.demo_people import STREETS, DemoPerson, generate_people

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def people() -> list[DemoPerson]:
    return list(generate_people(20_000, 1, TODAY))


def share(people: list[DemoPerson], test: Callable[[DemoPerson], bool]) -> float:
    return sum(1 for p in people if test(p)) / len(people)


def test_deterministic() -> None:
    assert list(generate_people(500, 5, TODAY)) == list(generate_people(500, 5, TODAY))
    assert list(generate_people(50, 5, TODAY)) != list(generate_people(50, 6, TODAY))
    assert list(generate_people(100, 5, TODAY)) == list(generate_people(500, 5, TODAY))[:100]
    assert list(generate_people(0, 5, TODAY)) == []


def test_id_numbers_valid_unique_and_consistent(people: list[DemoPerson]) -> None:
    assert len(people) == 20_000
    assert len({p.id_number for p in people}) == len(people)
    for p in people:
        info = parse_id_number(p.id_number, today=TODAY)
        assert info.birth_date == p.birth_date and info.sex == p.sex  # 17th digit parity = sex
        shanghai = info.region.startswith("31")
        assert shanghai == (p.residence_type == "1"), p


@pytest.mark.parametrize(
    ("low", "high", "target"),
    [(0, 6, 0.06), (60, 200, 0.38), (65, 200, 0.27), (0, 17, 0.13), (80, 200, 0.07)],
)
def test_age_distribution(people: list[DemoPerson], low: int, high: int, target: float) -> None:
    observed = share(people, lambda p: low <= age_on(p.birth_date, TODAY) <= high)
    assert abs(observed - target) <= 0.03, observed


def test_oldest_about_100(people: list[DemoPerson]) -> None:
    ages = [age_on(p.birth_date, TODAY) for p in people]
    assert 95 <= max(ages) <= 101 and min(ages) == 0


def test_households(people: list[DemoPerson]) -> None:
    members: defaultdict[int, list[DemoPerson]] = defaultdict(list)
    for p in people:
        members[p.household_no].append(p)
    sizes = Counter(len(m) for m in members.values())
    assert set(sizes) <= {1, 2, 3, 4} and all(sizes[n] for n in (1, 2, 3, 4))
    for household in members.values():
        assert [p.relation_to_head for p in household].count("02") == 1
        assert household[0].relation_to_head == "02"  # the head comes first
        assert len({(p.street_code, p.committee_no, p.address) for p in household}) == 1
        head = household[0]
        for p in household:
            assert codes.RELATION_TO_HEAD.has(p.relation_to_head)
            if p.relation_to_head == "10":
                assert p.sex != head.sex and p.marital_status == head.marital_status == "2"
            if p.relation_to_head in ("20", "30"):
                assert p.sex == ("1" if p.relation_to_head == "20" else "2")
                assert age_on(p.birth_date, TODAY) < age_on(head.birth_date, TODAY)


def test_codes_are_valid_and_plausible(people: list[DemoPerson]) -> None:
    for p in people:
        assert p.street_code in STREETS and 1 <= p.committee_no <= 12
        assert p.address.startswith("长宁区")
        age = age_on(p.birth_date, TODAY)
        for code_list, value in (
            (codes.SEX, p.sex),
            (codes.RESIDENCE_TYPE, p.residence_type),
            (codes.ETHNICITY, p.ethnicity),
            (codes.MARITAL_STATUS, p.marital_status),
            (codes.EDUCATION, p.education),
            (codes.OCCUPATION, p.occupation),
        ):
            assert code_list.has(value)
        assert (p.ethnicity == "99") == (p.ethnicity_name is not None)
        codes.PAYMENT_METHOD.validate(p.payment_methods)
        codes.DISABILITY.validate(p.disabilities)
        codes.KEY_POPULATION.validate(p.manual_key_populations)
        assert len(p.past_diseases) <= 6
        for code, year, month in p.past_diseases:
            assert codes.PAST_DISEASE.has(code) and code != "1"
            assert (p.birth_date.year, p.birth_date.month) <= (year, month) <= (TODAY.year, TODAY.month)
        if age < 18:
            assert p.marital_status == "1" and p.occupation == "8"
        if age < 20:
            assert p.marital_status == "1"
        if p.residence_type == "2":
            assert not p.registered_address.startswith("长宁区")


def test_shares(people: list[DemoPerson]) -> None:
    old = [p for p in people if age_on(p.birth_date, TODAY) >= 65]

    def has(code: str) -> Callable[[DemoPerson], bool]:
        return lambda p: any(c == code for c, _y, _m in p.past_diseases)

    assert abs(share(old, has("2")) - 0.40) < 0.04  # hypertension
    assert abs(share(old, has("3")) - 0.20) < 0.03  # diabetes
    assert share(people, has("8")) < 0.012  # 严重精神障碍, about 0.6 %
    assert share(people, has("9")) < 0.004  # 结核病, about 0.1 %
    assert 0.02 < share(old, lambda p: p.disabilities != ("1",)) < 0.09
    assert abs(share(people, lambda p: p.residence_type == "1") - 0.85) < 0.03
    assert abs(share(people, lambda p: p.ethnicity == "01") - 0.98) < 0.01
    assert 0.01 < share(people, lambda p: p.phone is None) < 0.06
    assert 0.01 < share(people, lambda p: "low_income" in p.manual_key_populations) < 0.03


def test_surnames_follow_the_common_distribution(people: list[DemoPerson]) -> None:
    surnames = Counter(p.name[:2] if p.name.startswith(("欧阳", "诸葛")) else p.name[0] for p in people)
    top = [s for s, _n in surnames.most_common(4)]
    assert set(top) == {"张", "王", "陈", "李"}
    assert {"单", "曾", "解", "欧阳"} <= set(surnames)
    assert all(2 <= len(p.name) <= 4 for p in people)


def test_phones_are_normalised_and_mostly_unique(people: list[DemoPerson]) -> None:
    phones = [p.phone for p in people if p.phone]
    for phone in phones[:5000]:
        assert parse_phone(phone).value == phone
    mobiles = [ph for ph in phones if ph.startswith("1")]
    assert all(ph[:2] in ("13", "15", "18") for ph in mobiles)
    owners = {(p.phone, p.household_no) for p in people if p.phone}
    assert len({phone for phone, _h in owners}) == len(owners)  # shared only within a household
    assert "13800138000" not in phones


def test_every_demo_file_passes_the_filing_rules() -> None:
    """Demo files must be saveable as they are: the editor checks them with the same rules."""
    for p in generate_people(3000, 2, TODAY):
        draft = ResidentDraft(
            name=p.name,
            sex=p.sex,
            birth_date=p.birth_date.isoformat(),
            id_number=p.id_number,
            phone=p.phone or "",
            current_address=p.address,
            registered_address=p.registered_address,
            contact_name=p.contact_name or "",
            contact_phone=p.contact_phone or "",
            residence_type=p.residence_type,
            ethnicity=p.ethnicity,
            ethnicity_name=p.ethnicity_name or "",
            marital_status=p.marital_status,
            education=p.education,
            occupation=p.occupation,
            payment_methods=p.payment_methods,
            past_disease_status="2" if p.past_diseases else "1",
            history=tuple(HistoryItem("disease", code, None, y, m) for code, y, m in p.past_diseases),
            disabilities=p.disabilities,
        )
        _values, errors = check_resident(draft, TODAY)
        assert errors == {}, (p.name, errors)
