"""Accounts, settings and workstations are managed at the hub: through its admin API from an
administrator's enrolled workstation (after logging in to the hub with their own password), or
with chc-hub on the hub machine. What the hub then holds reaches the workstation at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from chc_desktop.hub.cli import main as hub_main
from chc_desktop.services.app import Services
from chc_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from chc_desktop.services.hub_admin import NeedHubLogin
from chc_desktop.sync.protocol import HubRefused
from tests.conftest import PASSWORD, TODAY
from tests.sync.conftest import OTHER_CENTRE, Device, HubServer, add_staff, hub_config_file, make_device


def test_an_administrator_adds_an_account_through_the_hub(devices: list[Device], hub: HubServer) -> None:
    a, b = devices
    admin = a.as_user("admin")
    with pytest.raises(NeedHubLogin):
        admin.users.add("nurse2", "周护士", "nurse", "Welcome2026")
    with pytest.raises(NeedHubLogin, match="用户名或密码不正确"):
        admin.users.hub_login("wrong-password1")
    admin.users.hub_login(PASSWORD)
    made = admin.users.add("nurse2", "周护士", "nurse", "Welcome2026")
    assert made.username == "nurse2" and made.site_id is not None
    assert Services(a.db, today=TODAY).login("nurse2", "Welcome2026").user is not None  # here at once
    assert "nurse2" in {x.username for x in hub.accounts().all()}
    b.sync()
    assert Services(b.db, today=TODAY).login("nurse2", "Welcome2026").user is not None
    # Reset and deactivate, through the hub too.
    admin.users.set_password(made.id, "Changed2026")
    b.sync()
    assert Services(b.db, today=TODAY).login("nurse2", "Changed2026").user is not None
    admin.users.set_active(made.id, False)
    b.sync()
    with pytest.raises(ServiceError):
        Services(b.db, today=TODAY).login("nurse2", "Changed2026")
    # Nothing was written as a local row the hub would refuse.
    assert a.sync().rejected == 0


def test_a_user_changes_their_own_password_at_the_hub(devices: list[Device]) -> None:
    a, b = devices
    nurse = a.as_user("nurse")
    with pytest.raises(ValidationFailed):
        nurse.users.change_own_password("not-my-password1", "NewSecret2026")
    nurse.users.change_own_password(PASSWORD, "NewSecret2026")
    assert Services(a.db, today=TODAY).login("nurse", "NewSecret2026").user is not None
    b.sync()
    assert Services(b.db, today=TODAY).login("nurse", "NewSecret2026").user is not None


def test_settings_are_changed_at_the_hub(devices: list[Device]) -> None:
    a, b = devices
    admin = a.as_user("admin")
    admin.users.hub_login(PASSWORD)
    admin.settings.set("security.max_failed_logins", 7)
    assert a.as_user("admin").settings.get("security.max_failed_logins") == 7
    b.sync()
    assert b.as_user("admin").settings.get("security.max_failed_logins") == 7
    assert a.sync().rejected == 0


def test_only_an_administrator_of_the_site_gets_a_hub_session(devices: list[Device]) -> None:
    a, _ = devices
    clerk = a.as_user("clerk")
    with pytest.raises(PermissionDenied):
        clerk.users.hub_login(PASSWORD)
    client = a.client()
    with pytest.raises(HubRefused, match="管理员"):
        client.admin_login("clerk", PASSWORD)  # the hub refuses it too, whatever the workstation does
    # Unknown name and wrong password: the same answer.
    with pytest.raises(HubRefused) as unknown:
        client.admin_login("nobody", PASSWORD)
    with pytest.raises(HubRefused) as wrong:
        client.admin_login("admin", "wrong-password1")
    assert str(unknown.value) == str(wrong.value)
    client.close()


def test_codes_and_revocation_from_an_administrators_workstation(
    tmp_path: Path, devices: list[Device], hub: HubServer, demo_hash: str
) -> None:
    a, b = devices
    client = a.client()
    session = client.admin_login("admin", PASSWORD)
    code = client.admin(session, "POST", "/enrolment-codes", {"hours": 2})["code"]
    c_db = Services(make_device(tmp_path, hub, "spare", sync=False).db).db
    c = Services(c_db).sync.enrol(hub.url, code, None, "c")
    assert c.site_name == "仙霞社区卫生服务中心"
    listed = {x["device_id"] for x in client.admin(session, "GET", "/devices")}
    assert str(b.db.device_id) in listed
    client.admin(session, "POST", f"/devices/{b.db.device_id}/revoke")
    with pytest.raises(HubRefused, match="撤销"):
        b.sync()
    # Another centre's administrator sees none of this site's workstations or accounts.
    add_staff(hub, "hyadmin", "admin", OTHER_CENTRE, demo_hash)
    far = make_device(tmp_path, hub, "far", site=OTHER_CENTRE)
    far_client = far.client()
    far_session = far_client.admin_login("hyadmin", PASSWORD)
    assert str(a.db.device_id) not in {
        x["device_id"] for x in far_client.admin(far_session, "GET", "/devices")
    }
    doctor = next(x for x in hub.accounts().all() if x.username == "doctor")
    with pytest.raises(Exception, match="没有这个用户"):
        far_client.admin(far_session, "PATCH", f"/users/{doctor.id}", {"role": "admin"})
    with pytest.raises(Exception, match="本机构"):
        far_client.admin(far_session, "POST", "/enrolment-codes", {"site_id": str(doctor.site_id)})
    with pytest.raises(HubRefused):
        client.admin("forged-session", "GET", "/users")
    client.close(), far_client.close()


def test_chc_hub_on_the_hub_machine(
    tmp_path: Path, hub: HubServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = hub_config_file(tmp_path / "hub.toml", hub.database_url)
    config.chmod(0o644)
    assert hub_main(["--config", str(config), "devices"]) == 1
    assert "chmod 600" in capsys.readouterr().err  # a readable configuration is refused
    config.chmod(0o600)
    assert hub_main(["--config", str(config), "enrol-code", "--site", "仙霞社区卫生服务中心"]) == 0
    code = capsys.readouterr().out.split("登记码：")[1].split()[0]
    d = make_device(tmp_path, hub, "x", sync=False)
    Services(d.db).sync.enrol(hub.url, code, None, "x")
    monkeypatch.setenv("CHC_HUB_USER_PASSWORD", "Station2026")
    args = [
        "user",
        "add",
        "stationnurse",
        "--name",
        "吴护士",
        "--role",
        "nurse",
        "--site",
        "仙霞社区卫生服务中心",
    ]
    assert hub_main(["--config", str(config), *args]) == 0
    Services(d.db).sync.run()
    assert Services(d.db, today=TODAY).login("stationnurse", "Station2026").user is not None
    assert hub_main(["--config", str(config), "revoke", str(d.db.device_id)]) == 0
    with pytest.raises(HubRefused):
        Services(d.db).sync.run()
    assert hub_main(["--config", str(config), "setting", "security.max_failed_logins", "0"]) == 1
    d.db.close()


def test_the_database_password_is_typed_not_given_on_the_command_line(
    tmp_path: Path, pg_database: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A password in --database would stand in the shell history and the process list: refused.
    --ask-password takes it at a prompt and writes it only into the 0600 configuration."""
    import getpass
    import secrets

    from sqlalchemy.engine import make_url

    typed = secrets.token_urlsafe(12)
    with_password = make_url(pg_database).set(password=typed).render_as_string(hide_password=False)
    assert hub_main(["init", "--database", with_password]) == 1
    assert "--ask-password" in capsys.readouterr().err
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": typed)
    config = tmp_path / "hub.toml"
    args = ["init", "--database", pg_database, "--ask-password", "--write-config", str(config)]
    assert hub_main(args) == 0  # the local test server trusts, so any password connects
    assert typed in config.read_text(encoding="utf-8")
    assert config.stat().st_mode & 0o077 == 0
    assert typed not in capsys.readouterr().out
    from chc_desktop.hub.config import load

    written = load(config).snapshots  # the snapshot folder, beside the configuration unless given
    assert written.folder == tmp_path / "snapshots" and written.auto and written.max_age_hours == 24
