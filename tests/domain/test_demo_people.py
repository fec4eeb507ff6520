"""The synthetic residents look like a Changning centre's and are valid."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from chc_desktop.domain.dates import age_on
from chc_desktop.domain.id_number import parse_id_number
from chc_desktop.services.demo_people import generate_people

TODAY = dt.date(2026, 11, 24)


def test_deterministic() -> None:
    assert list(generate_people(200, 5, TODAY)) == list(generate_people(200, 5, TODAY))
    assert list(generate_people(50, 5, TODAY)) != list(generate_people(50, 6, TODAY))


def test_valid_unique_and_realistic() -> None:
    people = list(generate_people(20000, 1, TODAY))
    assert len(people) == 20000
    ids = [p.id_number for p in people]
    assert len(set(ids)) == len(ids)
    for p in people[:3000]:
        info = parse_id_number(p.id_number, today=TODAY)
        assert info.birth_date == p.birth_date and info.sex == p.sex
    ages = [age_on(p.birth_date, TODAY) for p in people]
    share = lambda test: sum(map(test, ages)) / len(ages)  # noqa: E731
    assert abs(share(lambda a: a >= 60) - 0.38) < 0.03
    assert abs(share(lambda a: a >= 65) - 0.27) < 0.03
    assert abs(share(lambda a: a <= 6) - 0.06) < 0.02
    heads = Counter(p.household_no for p in people if p.relation_to_head == "02")
    assert set(heads.values()) == {1} and len(heads) == len({p.household_no for p in people})
    surnames = Counter(p.name[0] for p in people)
    assert surnames.most_common(3)[0][0] in "王李张"


def test_every_demo_file_passes_the_filing_rules() -> None:
    """Demo files must be saveable as they are: the editor checks them with the same rules."""
    from chc_desktop.domain.resident import ResidentDraft, check_resident

    for p in generate_people(3000, 2, TODAY):
        draft = ResidentDraft(
            name=p.name,
            sex=p.sex,
            birth_date=p.birth_date.isoformat(),
            id_number=p.id_number,
            phone=p.phone or "",
            residence_type=p.residence_type,
            ethnicity=p.ethnicity,
            ethnicity_name=p.ethnicity_name or "",
            marital_status=p.marital_status,
            education=p.education,
            occupation=p.occupation,
            payment_methods=p.payment_methods,
            disabilities=p.disabilities,
        )
        _values, errors = check_resident(draft, TODAY)
        assert errors == {}, (p.name, errors)
