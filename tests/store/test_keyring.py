"""The keyring: the data key wrapped per user with Argon2id + AES-256-GCM."""

from __future__ import annotations

import base64
import errno
import json
import os
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from desktop import atomic_file
from desktop.errors import DiskFull, KeyringDamaged
from desktop.store.keyring import (
    MIN_MEMORY_KIB,
    KdfParams,
    Keyring,
    PendingEvent,
    Throttle,
    calibrate_kdf,
    keys_equal,
    new_data_key,
)
from tests.conftest import ADMIN_PASSWORD, CHEAP_KDF, USER_PASSWORD


def make_keyring(path: Path, db_id: str | None = None) -> Keyring:
    return Keyring(path, db_id or str(uuid.uuid4()), "SHG", "Shengjin field office", False)


@pytest.fixture
def ring_path(tmp_path: Path) -> Path:
    return tmp_path / "office.keyring.json"


@pytest.fixture
def data_key() -> bytearray:
    return new_data_key()


@pytest.fixture
def ring(ring_path: Path, data_key: bytearray) -> Keyring:
    keyring = make_keyring(ring_path)
    keyring.wrap("admin", ADMIN_PASSWORD, data_key, 1, CHEAP_KDF)
    keyring.save()
    return keyring


def test_new_data_keys_are_random_256_bit() -> None:
    a, b = new_data_key(), new_data_key()
    assert isinstance(a, bytearray)
    assert len(a) == 32
    assert not keys_equal(a, b)


def test_wrap_unwrap_roundtrip(ring: Keyring, data_key: bytearray) -> None:
    key = ring.unwrap("admin", ADMIN_PASSWORD)
    assert key is not None
    assert isinstance(key, bytearray)
    assert keys_equal(key, data_key)


def test_roundtrip_survives_save_and_load(ring: Keyring, data_key: bytearray) -> None:
    loaded = Keyring.load(ring.path)
    assert loaded.db_id == ring.db_id
    assert (loaded.office_code, loaded.office_name, loaded.demo) == (
        "SHG",
        "Shengjin field office",
        False,
    )
    key = loaded.unwrap("admin", ADMIN_PASSWORD)
    assert key is not None and keys_equal(key, data_key)


def test_the_password_and_key_are_not_in_the_file(ring: Keyring, data_key: bytearray) -> None:
    raw = ring.path.read_bytes()
    assert ADMIN_PASSWORD.encode() not in raw
    assert bytes(data_key) not in raw
    assert base64.b64encode(bytes(data_key)) not in raw
    assert data_key.hex().encode() not in raw


def test_wrong_password_gives_none(ring: Keyring) -> None:
    assert ring.unwrap("admin", USER_PASSWORD) is None
    assert ring.unwrap("admin", ADMIN_PASSWORD + " ") is None
    assert ring.unwrap("admin", "") is None


def test_unknown_user_gives_none(ring: Keyring) -> None:
    assert ring.unwrap("nobody", ADMIN_PASSWORD) is None


def test_unknown_user_costs_as_much_as_a_real_attempt(
    ring_path: Path, data_key: bytearray, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No timing oracle for user names: an unknown name runs the same KDF as a real wrap."""
    real = KdfParams(time_cost=2, memory_kib=16 * 1024, parallelism=1)
    keyring = make_keyring(ring_path)
    keyring.wrap("admin", ADMIN_PASSWORD, data_key, 1, real)
    used: list[KdfParams] = []
    original = KdfParams.derive

    def spy(self: KdfParams, password: str, salt: bytes) -> bytearray:
        used.append(self)
        return original(self, password, salt)

    monkeypatch.setattr(KdfParams, "derive", spy)
    assert keyring.unwrap("admin", USER_PASSWORD) is None
    assert keyring.unwrap("nobody", USER_PASSWORD) is None
    assert used == [real, real]


def test_each_wrap_uses_its_own_salt_and_nonce(ring: Keyring, data_key: bytearray) -> None:
    ring.wrap("clerk", ADMIN_PASSWORD, data_key, 1, CHEAP_KDF)
    a, b = ring.wraps["admin"], ring.wraps["clerk"]
    assert a.salt != b.salt
    assert a.nonce != b.nonce
    assert a.ciphertext != b.ciphertext


def test_wrap_copied_to_another_user_fails(ring: Keyring, data_key: bytearray) -> None:
    """The user name is associated data: the same password does not open a moved wrap."""
    ring.wrap("clerk", USER_PASSWORD, data_key, 1, CHEAP_KDF)
    ring.wraps["clerk"] = ring.wraps["admin"]
    assert ring.unwrap("clerk", ADMIN_PASSWORD) is None
    assert ring.unwrap("admin", ADMIN_PASSWORD) is not None  # control


def test_wrap_copied_in_the_file_to_another_user_fails(ring: Keyring) -> None:
    doc = json.loads(ring.path.read_text("utf-8"))
    doc["wraps"]["mallory"] = doc["wraps"]["admin"]
    ring.path.write_text(json.dumps(doc), "utf-8")
    loaded = Keyring.load(ring.path)
    assert loaded.unwrap("mallory", ADMIN_PASSWORD) is None
    assert loaded.unwrap("admin", ADMIN_PASSWORD) is not None


def test_wrap_from_another_keyring_fails(tmp_path: Path, data_key: bytearray) -> None:
    """The database id is associated data: a wrap moved between offices opens nothing."""
    ours = make_keyring(tmp_path / "a.json")
    theirs = make_keyring(tmp_path / "b.json")
    assert ours.db_id != theirs.db_id
    theirs.wrap("admin", ADMIN_PASSWORD, data_key, 1, CHEAP_KDF)
    ours.wraps["admin"] = theirs.wraps["admin"]
    assert ours.unwrap("admin", ADMIN_PASSWORD) is None
    assert theirs.unwrap("admin", ADMIN_PASSWORD) is not None  # control


def test_wrap_with_changed_key_version_fails(ring: Keyring) -> None:
    ring.wraps["admin"] = replace(ring.wraps["admin"], key_version=2)
    assert ring.unwrap("admin", ADMIN_PASSWORD) is None


def _flip_first_byte(data: bytes) -> bytes:
    return bytes([data[0] ^ 0x01]) + data[1:]


@pytest.mark.parametrize("field", ["ciphertext", "nonce", "salt"])
def test_tampered_wrap_fails(ring: Keyring, field: str) -> None:
    wrap = ring.wraps["admin"]
    ring.wraps["admin"] = replace(wrap, **{field: _flip_first_byte(getattr(wrap, field))})
    assert ring.unwrap("admin", ADMIN_PASSWORD) is None


@pytest.mark.parametrize("field", ["ciphertext", "nonce", "salt"])
def test_tampered_wrap_in_the_file_fails(ring: Keyring, field: str) -> None:
    doc = json.loads(ring.path.read_text("utf-8"))
    raw = base64.b64decode(doc["wraps"]["admin"][field])
    doc["wraps"]["admin"][field] = base64.b64encode(_flip_first_byte(raw)).decode()
    ring.path.write_text(json.dumps(doc), "utf-8")
    assert Keyring.load(ring.path).unwrap("admin", ADMIN_PASSWORD) is None


def test_truncated_ciphertext_fails(ring: Keyring) -> None:
    wrap = ring.wraps["admin"]
    ring.wraps["admin"] = replace(wrap, ciphertext=wrap.ciphertext[:-1])
    assert ring.unwrap("admin", ADMIN_PASSWORD) is None


def test_changed_kdf_params_fail(ring: Keyring) -> None:
    wrap = ring.wraps["admin"]
    ring.wraps["admin"] = replace(wrap, kdf=replace(wrap.kdf, time_cost=wrap.kdf.time_cost + 1))
    assert ring.unwrap("admin", ADMIN_PASSWORD) is None


# -- damaged files -----------------------------------------------------------------


def test_missing_file_is_keyring_damaged(tmp_path: Path) -> None:
    path = tmp_path / "office.keyring.json"
    with pytest.raises(KeyringDamaged) as info:
        Keyring.load(path)
    message = str(info.value)
    assert "missing" in message
    assert str(path) in message
    assert "backup" in message


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b"null",
        b'"a string"',
    ],
    ids=["empty", "broken-json", "not-utf8", "list", "null", "string"],
)
def test_unreadable_file_is_keyring_damaged(ring: Keyring, content: bytes) -> None:
    ring.path.write_bytes(content)
    with pytest.raises(KeyringDamaged) as info:
        Keyring.load(ring.path)
    message = str(info.value)
    assert str(ring.path) in message
    assert "damaged" in message
    assert "backup" in message


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(path.read_text("utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), "utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="someone-elses-keyring"),
        lambda d: d.pop("format"),
        lambda d: d.pop("db_id"),
        lambda d: d.pop("office"),
        lambda d: d.pop("wraps"),
        lambda d: d["wraps"]["admin"].pop("salt"),
        lambda d: d["wraps"]["admin"].update(salt="***not base64***"),
        lambda d: d["wraps"]["admin"]["kdf"].update(alg="scrypt"),
        lambda d: d["wraps"]["admin"]["kdf"].update(time_cost="three"),
        lambda d: d.update(throttles={"admin": {"failures": "x"}}),
        lambda d: d.update(wraps=[1, 2]),
    ],
    ids=[
        "wrong-format",
        "no-format",
        "no-db-id",
        "no-office",
        "no-wraps",
        "no-salt",
        "bad-base64",
        "other-kdf",
        "bad-kdf-number",
        "bad-throttle",
        "wraps-not-a-dict",
    ],
)
def test_wrong_structure_is_keyring_damaged(ring: Keyring, change) -> None:  # type: ignore[no-untyped-def]
    _edit(ring.path, change)
    with pytest.raises(KeyringDamaged) as info:
        Keyring.load(ring.path)
    assert str(ring.path) in str(info.value)
    assert "damaged" in str(info.value)


def test_newer_format_version_says_so(ring: Keyring) -> None:
    _edit(ring.path, lambda d: d.update(version=99))
    with pytest.raises(KeyringDamaged) as info:
        Keyring.load(ring.path)
    assert "newer version" in str(info.value)


def test_unreadable_path_is_keyring_damaged(tmp_path: Path) -> None:
    path = tmp_path / "office.keyring.json"
    path.mkdir()  # a directory where the file should be: reading it fails
    with pytest.raises(KeyringDamaged) as info:
        Keyring.load(path)
    assert str(path) in str(info.value)


# -- saving --------------------------------------------------------------------------


def test_save_leaves_no_temp_files(ring: Keyring, data_key: bytearray) -> None:
    for name in ("a1", "b2", "c3"):
        ring.wrap(name, USER_PASSWORD, data_key, 1, CHEAP_KDF)
        ring.save()
    assert sorted(p.name for p in ring.path.parent.iterdir()) == [
        ring.path.name,
        ring.path.name + ".prev",
    ]


def test_save_keeps_the_previous_version_beside(ring: Keyring, data_key: bytearray) -> None:
    ring.wrap("a1", USER_PASSWORD, data_key, 1, CHEAP_KDF)
    ring.save()
    ring.wrap("b2", USER_PASSWORD, data_key, 1, CHEAP_KDF)
    ring.save()
    previous = Keyring.load(ring.path.with_name(ring.path.name + ".prev"))
    assert set(previous.wraps) == {"admin", "a1"}
    assert set(Keyring.load(ring.path).wraps) == {"admin", "a1", "b2"}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_save_is_private_to_the_user(ring: Keyring) -> None:
    assert ring.path.stat().st_mode & 0o077 == 0


def test_failed_save_keeps_the_old_file_and_no_temp_file(
    ring: Keyring, data_key: bytearray, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = ring.path.read_bytes()
    ring.wrap("clerk", USER_PASSWORD, data_key, 1, CHEAP_KDF)

    def disk_full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(atomic_file.os, "replace", disk_full)
        with pytest.raises(DiskFull):
            ring.save()
    assert ring.path.read_bytes() == before
    assert sorted(p.name for p in ring.path.parent.iterdir()) == [ring.path.name]
    assert "clerk" not in Keyring.load(ring.path).wraps


def test_throttles_and_pending_events_roundtrip(ring: Keyring) -> None:
    ring.throttles["admin"] = Throttle(failures=4, last_failure=1234.5, locked=False)
    ring.throttles["idle"] = Throttle()  # nothing to remember: not written
    ring.pending.append(PendingEvent("2026-01-01T00:00:00+00:00", "login_failed", None))
    ring.save()
    loaded = Keyring.load(ring.path)
    assert loaded.throttles == {"admin": Throttle(4, 1234.5, False)}
    assert loaded.pending == [PendingEvent("2026-01-01T00:00:00+00:00", "login_failed", None)]


def test_remove_drops_wrap_and_throttle(ring: Keyring) -> None:
    ring.throttle("admin").failures = 2
    ring.remove("admin")
    ring.save()
    loaded = Keyring.load(ring.path)
    assert "admin" not in loaded.wraps
    assert "admin" not in loaded.throttles
    assert loaded.unwrap("admin", ADMIN_PASSWORD) is None


# -- KDF parameters ------------------------------------------------------------------


def test_kdf_params_are_stored_per_wrap(ring_path: Path, data_key: bytearray) -> None:
    other = KdfParams(time_cost=2, memory_kib=16 * 1024, parallelism=2)
    keyring = make_keyring(ring_path)
    keyring.wrap("admin", ADMIN_PASSWORD, data_key, 1, CHEAP_KDF)
    keyring.wrap("clerk", USER_PASSWORD, data_key, 1, other)
    keyring.save()

    doc = json.loads(ring_path.read_text("utf-8"))
    assert doc["wraps"]["admin"]["kdf"] == {
        "alg": "argon2id",
        "time_cost": CHEAP_KDF.time_cost,
        "memory_kib": CHEAP_KDF.memory_kib,
        "parallelism": CHEAP_KDF.parallelism,
    }
    assert doc["wraps"]["clerk"]["kdf"] == {
        "alg": "argon2id",
        "time_cost": 2,
        "memory_kib": 16 * 1024,
        "parallelism": 2,
    }
    loaded = Keyring.load(ring_path)
    assert loaded.wraps["clerk"].kdf == other
    for user, password in (("admin", ADMIN_PASSWORD), ("clerk", USER_PASSWORD)):
        key = loaded.unwrap(user, password)
        assert key is not None and keys_equal(key, data_key)


def test_derive_depends_on_password_salt_and_params() -> None:
    salt = b"s" * 16
    base = CHEAP_KDF.derive(ADMIN_PASSWORD, salt)
    assert len(base) == 32
    assert CHEAP_KDF.derive(ADMIN_PASSWORD, salt) == base
    assert CHEAP_KDF.derive(USER_PASSWORD, salt) != base
    assert CHEAP_KDF.derive(ADMIN_PASSWORD, b"t" * 16) != base
    assert replace(CHEAP_KDF, time_cost=2).derive(ADMIN_PASSWORD, salt) != base


@pytest.mark.slow
def test_production_kdf_is_calibrated_to_a_fraction_of_a_second() -> None:
    """Argon2id at production cost: >= 64 MiB and about 0.3-0.5 s per derivation here."""
    params = calibrate_kdf()
    assert params.memory_kib >= 64 * 1024
    assert params.memory_kib >= MIN_MEMORY_KIB
    assert params.time_cost >= 3
    start = time.perf_counter()
    params.derive(ADMIN_PASSWORD, os.urandom(16))
    elapsed = time.perf_counter() - start
    assert 0.2 <= elapsed <= 0.8, f"one derivation took {elapsed:.2f} s with {params}"
