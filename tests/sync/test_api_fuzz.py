"""The hub's API fuzzed from its own OpenAPI schema (schemathesis): whatever a client sends —
well-formed or not, with a device's credential and an administrator's session or without —
the server answers without a 5xx, with the JSON error shape, and never with a traceback or the
values it was sent."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from chc_desktop.hub.api import create_app
from chc_desktop.hub.config import HubConfig, Limits
from chc_desktop.hub.devices import DeviceRegistry
from chc_desktop.hub.schema import hub_engine
from chc_desktop.services.sites import site_id
from tests.conftest import PASSWORD
from tests.sync.conftest import CENTRE, SECRET, prepare_hub

HEADERS: dict[str, str] = {}


@pytest.fixture(scope="module")
def hub_api(tmp_path_factory: pytest.TempPathFactory, demo_hash: str) -> Iterator[Any]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('fuzz')) / 'hub.db'}"
    prepare_hub(url, demo_hash)
    engine = hub_engine(url)
    registry = DeviceRegistry(engine, SECRET)
    code, _ = registry.issue_code(site_id("centre", CENTRE), "hub")
    enrolled = registry.enrol(code, uuid.uuid4(), "fuzz")
    session, _ = registry.admin_login(enrolled.device, "admin", PASSWORD)
    HEADERS.update({"Authorization": f"Bearer {enrolled.credential}", "X-CHC-Session": session})
    app = create_app(HubConfig(url, SECRET, limits=Limits(requests_per_second=10_000, burst=10_000)))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    engine.dispose()


@schemathesis.check
def plain_errors(ctx: Any, response: Any, case: Any) -> bool | None:
    """An error is {"detail", "code"}: a short message, no traceback, nothing echoed."""
    text = response.text or ""
    assert "Traceback" not in text and 'File "' not in text, "a traceback in the response"
    if response.status_code >= 400 and response.headers.get("content-type", [""])[0].startswith(
        "application/json"
    ):
        body = response.json()
        assert isinstance(body, dict) and set(body) == {"detail", "code"}, body
    return None


def test_the_api_never_fails_on_what_it_is_sent(hub_api: Any) -> None:
    operations = [result.ok() for result in hub_api.get_all_operations()]
    statuses: list[int] = []
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case: Any) -> None:
            response = case.call_and_validate(headers=HEADERS, checks=[not_a_server_error, plain_errors])
            statuses.append(response.status_code)

        call()
    # The fuzzing reached past the door: requests were answered, not only refused.
    assert len(statuses) > 100 and any(s == 200 for s in statuses) and any(s == 422 for s in statuses)
