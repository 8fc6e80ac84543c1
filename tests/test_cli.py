"""The command line: every command, its bad inputs and its exit codes.

Exit codes: 0 done, 1 the operation failed, 2 usage error, 3 authentication failed.
Errors are one line on stderr and never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.errors import AuthenticationError
from desktop.services.office import auth
from desktop.services.office.session import UnlockedOffice
from desktop.store.keyring import Keyring
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, CliResult

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NEW_PASSWORD = "lighthouse violin marble autumn"
WRONG = "definitely not the password"


def one_line_error(r: CliResult, code: int, *fragments: str) -> str:
    """Assert the command failed with ``code`` and a single tidy stderr line."""
    assert r.code == code, (r.code, r.out, r.err)
    assert "Traceback" not in r.err
    assert "Traceback" not in r.out
    lines = [line for line in r.err.splitlines() if line.strip()]
    assert len(lines) == 1, r.err
    line = lines[0]
    assert line.startswith("departure-desk") or "error:" in line, line
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    return line


def init_args(data_dir: Path, *extra: str) -> list[str]:
    return [
        "init",
        "--data-dir",
        str(data_dir),
        "--office-code",
        "SHG",
        "--office-name",
        "Shengjin field office",
        "--admin",
        "admin",
        "--password-stdin",
        *extra,
    ]


def as_admin(command: list[str], data_dir: Path) -> list[str]:
    return [*command, "--data-dir", str(data_dir), "--user", "admin", "--password-stdin"]


@pytest.fixture
def closed_office(office: UnlockedOffice, data_dir: Path) -> Path:
    office.close()
    return data_dir


def can_unlock(data_dir: Path, user: str, password: str) -> bool:
    try:
        auth.unlock(data_dir, user, password).close()
    except AuthenticationError:
        return False
    return True


# -- general -------------------------------------------------------------------------


def test_version(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(["--version"])
    assert r.code == 0
    assert __version__ in r.out


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["users"],
        ["users", "explode"],
        ["init", "--bogus-option"],
        ["check", "--data-dir", "x"],  # --user missing
        ["users", "list", "--user", "admin", "--password-stdin", "surplus"],
    ],
    ids=[
        "unknown-command",
        "users-no-action",
        "users-unknown-action",
        "bad-option",
        "missing-user",
        "surplus-arg",
    ],
)
def test_usage_errors_exit_2(cli, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    r = cli(argv)
    one_line_error(r, 2, "error:")


def test_top_level_data_dir_before_a_command_is_not_silently_ignored(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """``departure-desk --data-dir D init ...`` must act on D (or refuse), never on the default.

    Acting on the default data directory instead would create or open the wrong office.
    """
    import desktop.paths

    default = tmp_path / "default-office"
    monkeypatch.setattr(desktop.paths, "default_data_dir", lambda: default)
    wanted = tmp_path / "wanted"
    argv = ["--data-dir", str(wanted), *init_args(wanted)]
    i = argv.index("--data-dir", 2)
    del argv[i : i + 2]  # keep only the top-level one
    assert argv.count("--data-dir") == 1
    r = cli(argv, stdin=ADMIN_PASSWORD + "\n")
    assert not OfficePaths(default).has_office(), "the office went to the default data directory"
    assert (r.code == 0 and OfficePaths(wanted).has_office()) or r.code == 2


# -- init ----------------------------------------------------------------------------


def test_init(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(init_args(data_dir), stdin=ADMIN_PASSWORD + "\n")
    assert r.code == 0, r.err
    assert r.err == ""
    assert "Created office SHG (Shengjin field office)" in r.out
    assert str(data_dir) in r.out
    keyring = Keyring.load(OfficePaths(data_dir).keyring)
    assert (keyring.office_code, keyring.office_name, keyring.demo) == (
        "SHG",
        "Shengjin field office",
        False,
    )
    assert list(keyring.wraps) == ["admin"]
    assert can_unlock(data_dir, "admin", ADMIN_PASSWORD)
    # the lock is released when the command ends
    assert not OfficePaths(data_dir).lock_info.exists()


def test_init_accepts_windows_line_endings(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(init_args(data_dir), stdin=ADMIN_PASSWORD + "\r\n")
    assert r.code == 0, r.err
    assert can_unlock(data_dir, "admin", ADMIN_PASSWORD)


@pytest.mark.parametrize("missing", ["--office-code", "--office-name", "--admin"])
def test_init_missing_arguments(cli, data_dir: Path, missing: str) -> None:  # type: ignore[no-untyped-def]
    argv = init_args(data_dir)
    i = argv.index(missing)
    del argv[i : i + 2]
    r = cli(argv, stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 2, missing)
    assert not OfficePaths(data_dir).has_office()


def test_init_without_password_stdin_on_a_pipe(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    argv = [a for a in init_args(data_dir) if a != "--password-stdin"]
    r = cli(argv, stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 2, "--password-stdin")
    assert not OfficePaths(data_dir).has_office()


def test_init_with_empty_stdin(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(init_args(data_dir), stdin="")
    one_line_error(r, 2, "standard input ended")
    assert not OfficePaths(data_dir).has_office()


def test_init_weak_password(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(init_args(data_dir), stdin="too short\n")
    one_line_error(r, 1, "too short")
    assert not OfficePaths(data_dir).has_office()


def test_init_password_with_office_name(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(init_args(data_dir), stdin="Shengjin field office forever\n")
    one_line_error(r, 1, "office name")


def test_init_bad_office_code(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    argv = init_args(data_dir)
    argv[argv.index("SHG")] = "S1"
    r = cli(argv, stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 1, "office code")


def test_init_bad_admin_name(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    argv = init_args(data_dir)
    argv[argv.index("admin")] = "Bad Name"
    r = cli(argv, stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 1, "user name")


def test_init_over_an_existing_office(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    before = OfficePaths(closed_office).keyring.read_bytes()
    r = cli(init_args(closed_office), stdin=USER_PASSWORD + "\n")
    one_line_error(r, 1, "already holds an office")
    assert OfficePaths(closed_office).keyring.read_bytes() == before


def test_init_on_a_file_instead_of_a_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "not-a-folder"
    target.write_text("hello")
    r = cli(init_args(target), stdin=ADMIN_PASSWORD + "\n")
    line = one_line_error(r, 1)
    assert "internal error" not in line
    assert str(target) in line
    assert target.read_text() == "hello"


# -- demo ----------------------------------------------------------------------------


def test_demo(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        [
            "demo",
            "--data-dir",
            str(data_dir),
            "--households",
            "3",
            "--seed",
            "5",
            "--password-stdin",
        ],
        stdin=USER_PASSWORD + "\n",
    )
    assert r.code == 0, r.err
    assert "3 households" in r.out
    assert "admin, registration, medical, protection, movement, viewer" in r.out
    keyring = Keyring.load(OfficePaths(data_dir).keyring)
    assert keyring.demo
    assert keyring.office_code == "DEMO"
    assert can_unlock(data_dir, "viewer", USER_PASSWORD)


@pytest.mark.parametrize("value", ["abc", "-1", "200001", "1.5", ""])
def test_demo_bad_households(cli, data_dir: Path, value: str) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        ["demo", "--data-dir", str(data_dir), "--households", value, "--password-stdin"],
        stdin=USER_PASSWORD + "\n",
    )
    one_line_error(r, 2, "--households")
    assert not OfficePaths(data_dir).has_office()


def test_demo_missing_households(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(["demo", "--data-dir", str(data_dir), "--password-stdin"], stdin=USER_PASSWORD + "\n")
    one_line_error(r, 2, "--households")


def test_demo_bad_seed(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        [
            "demo",
            "--data-dir",
            str(data_dir),
            "--households",
            "1",
            "--seed",
            "x",
            "--password-stdin",
        ],
        stdin=USER_PASSWORD + "\n",
    )
    one_line_error(r, 2, "--seed")


def test_demo_weak_password(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        ["demo", "--data-dir", str(data_dir), "--households", "1", "--password-stdin"],
        stdin="demo\n",
    )
    one_line_error(r, 1, "too short")
    assert not OfficePaths(data_dir).has_office()


def test_demo_over_an_existing_office(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        ["demo", "--data-dir", str(closed_office), "--households", "1", "--password-stdin"],
        stdin=USER_PASSWORD + "\n",
    )
    one_line_error(r, 1, "already holds an office")


# -- check ---------------------------------------------------------------------------


def test_check(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(as_admin(["check"], closed_office), stdin=ADMIN_PASSWORD + "\n")
    assert r.code == 0, r.err
    assert r.err == ""
    assert "integrity_check: ok" in r.out
    assert "cipher_integrity_check: ok" in r.out
    assert "audit chain: ok" in r.out
    assert "users" in r.out
    assert r.out.rstrip().endswith("OK")


def test_check_json(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(as_admin(["check", "--json"], closed_office), stdin=ADMIN_PASSWORD + "\n")
    assert r.code == 0, r.err
    report = json.loads(r.out)
    assert report["ok"] is True
    assert report["integrity_check"] == ["ok"]
    assert report["cipher_integrity_check"] == []
    assert report["audit_chain_ok"] is True
    assert report["audit_first_bad_seq"] is None
    assert report["audit_events"] >= 2
    assert report["tables"]["users"] == 1
    assert set(report["tables"]) >= {"users", "audit_events", "persons", "cases", "documents"}


def test_check_finds_a_broken_audit_chain(cli, office: UnlockedOffice, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with office.unit_of_work() as session:
        session.execute(text("UPDATE audit_events SET action = 'x' WHERE seq = 1"))
    office.close()
    r = cli(as_admin(["check"], data_dir), stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 1, "integrity check")
    assert "BROKEN at event 1" in r.out
    assert "PROBLEMS FOUND" in r.out
    r = cli(as_admin(["check", "--json"], data_dir), stdin=ADMIN_PASSWORD + "\n")
    assert r.code == 1
    assert json.loads(r.out)["audit_first_bad_seq"] == 1


def test_check_wrong_password(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(as_admin(["check"], closed_office), stdin=WRONG + "\n")
    one_line_error(r, 3, "Unknown user name or wrong password")
    assert r.out == ""


def test_check_unknown_user(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        ["check", "--data-dir", str(closed_office), "--user", "ghost", "--password-stdin"],
        stdin=ADMIN_PASSWORD + "\n",
    )
    wrong = cli(as_admin(["check"], closed_office), stdin=WRONG + "\n")
    assert one_line_error(r, 3) == one_line_error(wrong, 3)


def test_check_throttled_then_locked(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        one_line_error(cli(as_admin(["check"], closed_office), stdin=WRONG + "\n"), 3)
    r = cli(as_admin(["check"], closed_office), stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 3, "Wait")
    # lock the account by editing the throttle state, as ten failures would
    path = OfficePaths(closed_office).keyring
    doc = json.loads(path.read_text("utf-8"))
    doc["throttles"]["admin"].update(failures=10, locked=True)
    path.write_text(json.dumps(doc), "utf-8")
    r = cli(as_admin(["check"], closed_office), stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 3, "locked")


def test_check_without_an_office(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty"
    empty.mkdir()
    r = cli(as_admin(["check"], empty), stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 1, "holds no office")
    missing = tmp_path / "missing"
    r = cli(as_admin(["check"], missing), stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 1, "holds no office")
    assert not missing.exists()


def test_check_damaged_keyring(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    OfficePaths(closed_office).keyring.write_text("{oops", "utf-8")
    r = cli(as_admin(["check"], closed_office), stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 1, "keyring")


def test_check_missing_keyring(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    OfficePaths(closed_office).keyring.unlink()
    r = cli(as_admin(["check"], closed_office), stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 1, "keyring", "missing")


def test_commands_leave_a_non_office_folder_untouched(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Pointing a command at the wrong folder must not litter it with logs or lock files."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("hello")
    for argv in (["check"], ["users", "list"]):
        r = cli(as_admin(argv, folder), stdin=ADMIN_PASSWORD + "\n")
        one_line_error(r, 1, "holds no office")
    assert sorted(p.name for p in folder.iterdir()) == ["letter.txt"]


def test_check_damaged_database(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    OfficePaths(closed_office).database.write_bytes(os.urandom(32 * 1024))
    r = cli(as_admin(["check"], closed_office), stdin=ADMIN_PASSWORD + "\n")
    one_line_error(r, 1, "damaged")


def test_check_as_a_non_admin_is_denied(cli, office: UnlockedOffice, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.office.accounts import AccountService
    from desktop.services.office.permissions import Role

    AccountService(office).add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    office.close()
    r = cli(
        ["check", "--data-dir", str(data_dir), "--user", "clerk", "--password-stdin"],
        stdin=USER_PASSWORD + "\n",
    )
    one_line_error(r, 1, "permission")


# -- users ---------------------------------------------------------------------------


def users(cli, data_dir: Path, *args: str, stdin: str = ADMIN_PASSWORD + "\n") -> CliResult:  # type: ignore[no-untyped-def]
    return cli(as_admin(["users", *args], data_dir), stdin=stdin)


def test_users_list(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(cli, closed_office, "list")
    assert r.code == 0, r.err
    assert r.out.split() == ["admin", "active", "admin"]


def test_users_list_json(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "medical,registration",
        "--display-name",
        "Nadia K.",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    assert r.code == 0, r.err
    r = users(cli, closed_office, "list", "--json")
    assert r.code == 0, r.err
    listed = {u["username"]: u for u in json.loads(r.out)}
    assert set(listed) == {"admin", "nadia"}
    assert listed["nadia"] == {
        "username": "nadia",
        "display_name": "Nadia K.",
        "roles": ["medical", "registration"],
        "disabled": False,
        "locked": False,
        "failed_attempts": 0,
        "last_login_at": None,
    }
    assert listed["admin"]["last_login_at"] is not None


def test_users_add_reads_admin_then_new_password(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "registration, medical",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    assert r.code == 0, r.err
    assert "Added nadia (medical, registration)" in r.out
    assert can_unlock(closed_office, "nadia", USER_PASSWORD)
    assert not can_unlock(closed_office, "nadia", ADMIN_PASSWORD)


def test_users_add_without_the_new_password(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(cli, closed_office, "add", "nadia", "--roles", "viewer")
    one_line_error(r, 2, "standard input ended", "nadia")
    assert "nadia" not in Keyring.load(OfficePaths(closed_office).keyring).wraps


def test_users_add_unknown_role(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "viewer,wizard",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    line = one_line_error(r, 1, "unknown role wizard")
    assert "registration" in line  # names the valid ones


def test_users_add_no_roles(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        ",",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    one_line_error(r, 1, "role")


def test_users_add_missing_roles_option(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(cli, closed_office, "add", "nadia", stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n")
    one_line_error(r, 2, "--roles")


def test_users_add_weak_password(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "viewer",
        stdin=f"{ADMIN_PASSWORD}\nnadia's password is long\n",
    )
    one_line_error(r, 1, "user name")


def test_users_add_duplicate(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(
        cli,
        closed_office,
        "add",
        "admin",
        "--roles",
        "viewer",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    one_line_error(r, 1, "already a user named 'admin'")


def test_users_add_wrong_admin_password(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(
        cli, closed_office, "add", "nadia", "--roles", "viewer", stdin=f"{WRONG}\n{USER_PASSWORD}\n"
    )
    one_line_error(r, 3, "wrong password")
    assert "nadia" not in Keyring.load(OfficePaths(closed_office).keyring).wraps


def test_users_passwd(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    r = users(cli, closed_office, "passwd", "admin", stdin=f"{ADMIN_PASSWORD}\n{NEW_PASSWORD}\n")
    assert r.code == 0, r.err
    assert "Password set for admin" in r.out
    assert not can_unlock(closed_office, "admin", ADMIN_PASSWORD)
    assert can_unlock(closed_office, "admin", NEW_PASSWORD)


def test_users_passwd_bad_inputs(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    one_line_error(
        users(cli, closed_office, "passwd", "ghost", stdin=f"{ADMIN_PASSWORD}\n{NEW_PASSWORD}\n"),
        1,
        "no user named 'ghost'",
    )
    one_line_error(
        users(cli, closed_office, "passwd", "admin", stdin=f"{ADMIN_PASSWORD}\nshort\n"),
        1,
        "too short",
    )
    one_line_error(users(cli, closed_office, "passwd", "admin"), 2, "standard input ended")
    one_line_error(users(cli, closed_office, "passwd"), 2, "name")
    assert can_unlock(closed_office, "admin", ADMIN_PASSWORD)


def test_users_roles(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "viewer",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    r = users(cli, closed_office, "roles", "nadia", "--roles", "protection,movement")
    assert r.code == 0, r.err
    assert "nadia now has roles: movement, protection" in r.out
    office = auth.unlock(closed_office, "nadia", USER_PASSWORD)
    try:
        assert {r.value for r in office.actor.roles} == {"movement", "protection"}
    finally:
        office.close()


def test_users_roles_bad_inputs(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    one_line_error(users(cli, closed_office, "roles", "ghost", "--roles", "viewer"), 1, "ghost")
    one_line_error(
        users(cli, closed_office, "roles", "admin", "--roles", "king"), 1, "unknown role"
    )
    one_line_error(
        users(cli, closed_office, "roles", "admin", "--roles", "viewer"),
        1,
        "your own roles",
    )
    one_line_error(users(cli, closed_office, "roles", "admin"), 2, "--roles")


def test_users_disable_and_enable(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "viewer",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    r = users(cli, closed_office, "disable", "nadia")
    assert r.code == 0, r.err
    assert "Disabled nadia" in r.out
    assert not can_unlock(closed_office, "nadia", USER_PASSWORD)
    listed = {u["username"]: u for u in json.loads(users(cli, closed_office, "list", "--json").out)}
    assert listed["nadia"]["disabled"] is True
    assert "disabled" in users(cli, closed_office, "list").out

    r = users(cli, closed_office, "enable", "nadia", stdin=f"{ADMIN_PASSWORD}\n{NEW_PASSWORD}\n")
    assert r.code == 0, r.err
    assert "Enabled nadia" in r.out
    assert can_unlock(closed_office, "nadia", NEW_PASSWORD)


def test_disabled_user_cannot_sign_in_through_the_cli(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "admin",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    users(cli, closed_office, "disable", "nadia")
    r = cli(
        ["users", "list", "--data-dir", str(closed_office), "--user", "nadia", "--password-stdin"],
        stdin=USER_PASSWORD + "\n",
    )
    one_line_error(r, 3)


def test_users_disable_bad_inputs(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    one_line_error(users(cli, closed_office, "disable", "ghost"), 1, "no user named 'ghost'")
    one_line_error(users(cli, closed_office, "disable", "admin"), 1, "your own account")
    one_line_error(
        users(cli, closed_office, "enable", "ghost", stdin=f"{ADMIN_PASSWORD}\n{NEW_PASSWORD}\n"),
        1,
        "ghost",
    )
    one_line_error(users(cli, closed_office, "enable", "admin"), 2, "standard input ended")


def test_users_unlock(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "viewer",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    path = OfficePaths(closed_office).keyring
    doc = json.loads(path.read_text("utf-8"))
    doc["throttles"] = {"nadia": {"failures": 10, "last_failure": 0.0, "locked": True}}
    path.write_text(json.dumps(doc), "utf-8")
    listed = {u["username"]: u for u in json.loads(users(cli, closed_office, "list", "--json").out)}
    assert listed["nadia"]["locked"] is True
    assert listed["nadia"]["failed_attempts"] == 10
    assert "locked" in users(cli, closed_office, "list").out
    assert not can_unlock(closed_office, "nadia", USER_PASSWORD)

    r = users(cli, closed_office, "unlock", "nadia")
    assert r.code == 0, r.err
    assert "Unlocked nadia" in r.out
    assert can_unlock(closed_office, "nadia", USER_PASSWORD)
    one_line_error(users(cli, closed_office, "unlock", "ghost"), 1, "no user named 'ghost'")


def test_users_commands_need_the_admin_role(cli, closed_office: Path) -> None:  # type: ignore[no-untyped-def]
    users(
        cli,
        closed_office,
        "add",
        "nadia",
        "--roles",
        "registration",
        stdin=f"{ADMIN_PASSWORD}\n{USER_PASSWORD}\n",
    )
    for action in (
        ["list"],
        ["disable", "admin"],
        ["unlock", "admin"],
        ["roles", "nadia", "--roles", "admin"],
    ):
        r = cli(
            [
                "users",
                *action,
                "--data-dir",
                str(closed_office),
                "--user",
                "nadia",
                "--password-stdin",
            ],
            stdin=USER_PASSWORD + "\n",
        )
        one_line_error(r, 1, "permission")


# -- the installed entry points ------------------------------------------------------


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env["HOME"] = str(tmp_path / "home")  # platformdirs never points at a real profile
    env["XDG_DATA_HOME"] = str(tmp_path / "home" / "data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_console_script(tmp_path: Path) -> None:
    script = BIN / "departure-desk"
    assert script.exists(), f"console script missing in {BIN}"
    r = subprocess.run(
        [str(script), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path),
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert f"Departure Desk {__version__}" in r.stdout

    office = tmp_path / "office"
    r = subprocess.run(
        [str(script), *init_args(office)],
        input=ADMIN_PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "Created office SHG" in r.stdout
    assert r.stderr == ""
    keyring = Keyring.load(OfficePaths(office).keyring)
    assert keyring.office_code == "SHG"
    # the real (production-cost) KDF was used, not the tests' cheap one
    assert keyring.wraps["admin"].kdf.memory_kib >= 64 * 1024
    if os.name == "posix":
        assert (OfficePaths(office).database.stat().st_mode & 0o077) == 0  # umask 077

    r = subprocess.run(
        [str(script), "check", "--data-dir", str(office), "--user", "admin", "--password-stdin"],
        input=WRONG + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        check=False,
    )
    assert r.returncode == 3
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_python_dash_m_desktop(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "desktop", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path),
        cwd=tmp_path,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "usage: departure-desk" in r.stdout
    for command in ("init", "demo", "check", "users"):
        assert command in r.stdout
    r = subprocess.run(
        [sys.executable, "-m", "desktop", "nonsense"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path),
        cwd=tmp_path,
        check=False,
    )
    assert r.returncode == 2
    assert "Traceback" not in r.stderr


def test_demo_without_data_dir_goes_to_the_demo_folder_not_the_office(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import desktop.paths

    office_dir, demo_dir = tmp_path / "office", tmp_path / "demo"
    monkeypatch.setattr(desktop.paths, "default_data_dir", lambda: office_dir)
    monkeypatch.setattr(desktop.paths, "default_demo_dir", lambda: demo_dir)
    r = cli(["demo", "--households", "2", "--password-stdin"], stdin=USER_PASSWORD + "\n")
    assert r.code == 0, r.err
    assert (demo_dir / "office.db").exists()
    assert not office_dir.exists()


class _OneLineAtATime(io.StringIO):
    """A pipe that stays open: reading everything would block for ever."""

    def readlines(self, hint: int = -1) -> list[str]:  # pragma: no cover - must not be called
        raise AssertionError("passwords must be read one line at a time")

    def read(self, size: int | None = -1) -> str:  # pragma: no cover - must not be called
        raise AssertionError("passwords must be read one line at a time")


def test_passwords_are_read_one_line_at_a_time(closed_office: Path) -> None:
    from desktop import cli as cli_module

    out = io.StringIO()
    stdin = _OneLineAtATime(ADMIN_PASSWORD + "\n")
    code = cli_module.run(as_admin(["users", "list"], closed_office), stdin, out)
    assert code == 0
    assert "admin" in out.getvalue()
