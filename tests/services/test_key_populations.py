"""Derived key-population tags follow the file as it changes (hypothesis over histories and
disabilities), and the workbench's 'any key population' filter agrees with the file."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chc_desktop.domain.key_populations import DERIVED_BY_FILE, derived_from_file
from chc_desktop.domain.resident import HistoryItem
from chc_desktop.services.app import Services
from chc_desktop.services.residents import ANY_KEY_POPULATION, Filters
from tests.services.helpers import draft, id_number

SEQ = itertools.count(1)  # each example files its own resident in the test's one database
DISEASES = ["2", "3", "4", "8", "9", "12"]  # 高血压, 糖尿病, 冠心病, 严重精神障碍, 结核病, 职业病
histories = st.lists(st.sampled_from(DISEASES), unique=True, max_size=4)
disabilities = st.one_of(st.just(["1"]), st.lists(st.sampled_from(["2", "5", "7"]), unique=True, max_size=2))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(histories, disabilities), min_size=1, max_size=4))
def test_derived_tags_follow_every_change(doctor: Services, steps: list[tuple[list[str], list[str]]]) -> None:
    # A 40-year-old: no age group, so 'any key population' means a derived or tagged group only.
    seq = next(SEQ)
    name = "测试" + "".join("零一二三四五六七八九"[int(d)] for d in f"{seq:03d}")
    f = doctor.residents.file(
        draft(doctor, name=name, id_number=id_number("19860601", f"{seq:03d}"), phone="")
    )
    any_key = Filters(key_population=ANY_KEY_POPULATION)
    try:
        for diseases, disabled in steps:
            history = tuple(
                HistoryItem("disease", c, "职业性尘肺" if c == "12" else None, 2020, 1) for c in diseases
            )
            f = doctor.residents.update(
                f.id,
                replace(
                    f.draft,
                    past_disease_status="2" if diseases else "1",
                    history=history,
                    disabilities=tuple(disabled),
                ),
            )
            wanted = derived_from_file(diseases, disabled)
            shown = {t.code for t in f.key_populations if t.code in DERIVED_BY_FILE}
            assert shown == wanted
            listed = {r.id for r in doctor.residents.page(any_key, 0, 500)}
            assert (f.id in listed) == bool(wanted)  # every derived group is one the coverage counts
    finally:
        doctor.residents.set_status(f.id, "moved", doctor.ctx.today(), moved_to="测试结束")
