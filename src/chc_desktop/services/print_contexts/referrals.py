"""双向转诊单 (转出 / 回转): the resident, the referral and its content, the green channel."""

from __future__ import annotations

import uuid
from typing import Any

from chc_desktop.domain import referrals as rules
from chc_desktop.services.print_contexts.common import RESIDENT_FIELDS, Sources, resident_header

REFERRAL_FIELDS = (
    RESIDENT_FIELDS
    | frozenset(
        "referral." + f
        for f in [
            "direction",
            "direction_label",
            "status_label",
            "sent_on",
            "from_site",
            "to_site",
            "department",
            "receiving_doctor",
            "referring_doctor",
            "expert_slot",
            "priorities",
            "priority_visit",
            "priority_exam",
            "priority_admission",
            "closed_reason",
        ]
    )
    | frozenset(f"referral.content.{k}" for way in rules.CONTENT.values() for k in way)
)


def referral(src: Sources, referral_id: uuid.UUID) -> dict[str, Any]:
    r = src.referrals.get(referral_id)
    return {
        "resident": resident_header(src.residents.get(r.resident_id, audit=False)),
        "referral": {
            "direction": r.direction,
            "direction_label": r.direction_label,
            "status_label": r.status_label,
            "sent_on": r.sent_on,
            "from_site": r.from_site,
            "to_site": r.to_site,
            "department": r.department,
            "receiving_doctor": r.receiving_doctor,
            "referring_doctor": r.referring_doctor,
            "expert_slot": r.expert_slot,
            "priorities": [rules.PRIORITIES[p] for p in r.priorities if p in rules.PRIORITIES],
            "priority_visit": "visit" in r.priorities,
            "priority_exam": "exam" in r.priorities,
            "priority_admission": "admission" in r.priorities,
            "closed_reason": r.closed_reason,
            "content": dict(r.content),
        },
    }
