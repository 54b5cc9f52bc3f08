"""The keyring sidecar: wrapping the database key per user and with a recovery code."""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pgdesk.domain.validation import InputError
from pgdesk.storage import keyring as kr_mod
from pgdesk.storage.errors import StorageError
from pgdesk.storage.keyring import (
    FAST_KDF,
    KEY_BYTES,
    Keyring,
    KeyringError,
    Unlocked,
    WrongCredentials,
    WrongRecoveryCode,
    check_passphrase,
    keyring_path,
)
from pgdesk.storage.recovery_code import new_recovery_code, normalize_recovery_code

NAME = "Anna de Vries"
PASS = "lente in de tuin"
PID = "3f2b8c1e-9d4a-4b6f-8e2a-1c5d7f9a0b3e"


@pytest.fixture
def path(tmp_path):
    return keyring_path(tmp_path / "praktijk.sqlite")


@pytest.fixture
def made(path):
    """A keyring with one user: (keyring, key, recovery code)."""
    return Keyring.create(path, name=NAME, passphrase=PASS, professional_id=PID, params=FAST_KDF)


def unlock(keyring, name=NAME, passphrase=PASS):
    return keyring.unlock(name, passphrase, min_seconds=0)


def raw_json(path):
    return json.loads(path.read_bytes())


# --- Basics ---------------------------------------------------------------------------------------


def test_keyring_path_sits_beside_the_database(tmp_path):
    assert keyring_path(tmp_path / "praktijk.sqlite") == tmp_path / "praktijk.sqlite.keys"


def test_create_load_unlock_roundtrip(path, made):
    _, key, _ = made
    assert len(key) == KEY_BYTES
    loaded = Keyring.load(path)
    unlocked = unlock(loaded)
    assert unlocked.key == key
    assert unlocked.professional_id == PID
    assert unlocked.name == NAME
    assert loaded.mode == "per-user"
    assert loaded.user_names_count() == 1
    assert Keyring.exists(path)


def test_create_keeps_a_given_key(path):
    key = os.urandom(KEY_BYTES)
    keyring, returned, _ = Keyring.create(path, name=NAME, passphrase=PASS, params=FAST_KDF, key=key)
    assert returned == key
    assert unlock(Keyring.load(path)).key == key


def test_create_refuses_an_existing_file(path, made):
    before = path.read_bytes()
    with pytest.raises(KeyringError, match="Er is al een sleutelbestand"):
        Keyring.create(path, name="Bert", passphrase=PASS, params=FAST_KDF)
    assert path.read_bytes() == before


def test_file_is_private(path, made):
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_name_matches_case_and_whitespace_insensitively(made):
    keyring, key, _ = made
    unlocked = unlock(keyring, "  anna   DE vries ")
    assert unlocked.key == key
    assert unlocked.name == "anna   DE vries"


def test_unlocked_repr_hides_the_key(made):
    keyring, key, _ = made
    text = repr(unlock(keyring))
    assert key.hex() not in text and repr(key) not in text
    assert "key=" not in repr(Unlocked(key=b"x" * 32, name="a", professional_id=None))


def test_check_passphrase(path):
    assert check_passphrase("  acht tekens  ") == "  acht tekens  "
    with pytest.raises(InputError, match="minstens 8"):
        check_passphrase("kort")
    with pytest.raises(InputError, match="spaties"):
        check_passphrase(" " * 12)
    with pytest.raises(InputError):
        Keyring.create(path, name=NAME, passphrase="kort", params=FAST_KDF)
    assert not path.exists()


# --- Wrong credentials ----------------------------------------------------------------------------


def test_wrong_passphrase_and_unknown_user_look_the_same(made):
    keyring, _, _ = made
    with pytest.raises(WrongCredentials) as wrong_pass:
        unlock(keyring, NAME, "herfst in de tuin")
    with pytest.raises(WrongCredentials) as unknown:
        unlock(keyring, "Bert Jansen", PASS)
    assert str(wrong_pass.value) == str(unknown.value) == "Naam of wachtwoord klopt niet."
    assert isinstance(wrong_pass.value, StorageError)


def test_unknown_user_costs_a_derivation_too(made, monkeypatch):
    keyring, _, _ = made
    calls = []
    real = kr_mod.derive_key
    monkeypatch.setattr(kr_mod, "derive_key", lambda *a: calls.append(a[2]) or real(*a))
    for name, passphrase in [(NAME, "herfst in de tuin"), ("Bert Jansen", PASS)]:
        with pytest.raises(WrongCredentials):
            unlock(keyring, name, passphrase)
    assert calls == [FAST_KDF, FAST_KDF]


def test_failures_are_slow(made):
    keyring, _, _ = made
    for name, passphrase in [(NAME, "herfst in de tuin"), ("Bert Jansen", PASS)]:
        started = time.monotonic()
        with pytest.raises(WrongCredentials):
            keyring.unlock(name, passphrase, min_seconds=0.3)
        assert time.monotonic() - started >= 0.3


def test_file_holds_no_names_keys_or_codes_in_clear(path, made):
    keyring, key, code = made
    keyring.add_user(key, "Bert Jansen", "zomer aan zee", params=FAST_KDF)
    data = path.read_bytes()
    for secret in [
        key,
        key.hex().encode(),
        key.hex().upper().encode(),
        base64.b64encode(key),
        base64.b64encode(key).rstrip(b"="),
        base64.urlsafe_b64encode(key).rstrip(b"="),
        base64.b32encode(key).rstrip(b"="),
        code.encode(),
        normalize_recovery_code(code).encode(),
    ]:
        assert secret not in data
    lowered = data.lower()
    for word in [b"anna", b"vries", b"bert", b"jansen", PASS.encode(), b"zomer"]:
        assert word not in lowered


# --- Changing passphrases -------------------------------------------------------------------------


def test_change_passphrase_rewraps_only_that_entry(path, made):
    keyring, key, code = made
    keyring.add_user(key, "Bert Jansen", "zomer aan zee", params=FAST_KDF)
    before = raw_json(path)
    keyring.change_passphrase("anna de vries", PASS, "nieuw wachtwoord", min_seconds=0)

    after = raw_json(path)
    assert json.dumps(after["users"][1]) == json.dumps(before["users"][1])
    assert json.dumps(after["recovery"]) == json.dumps(before["recovery"])
    assert after["users"][0]["wrapped"] != before["users"][0]["wrapped"]
    assert after["users"][0]["kdf"]["salt"] != before["users"][0]["kdf"]["salt"]
    assert {k: after[k] for k in after if k not in ("users",)} == {
        k: before[k] for k in before if k != "users"
    }

    reloaded = Keyring.load(path)
    with pytest.raises(WrongCredentials):
        unlock(reloaded, NAME, PASS)
    assert unlock(reloaded, NAME, "nieuw wachtwoord").key == key
    assert unlock(reloaded, "Bert Jansen", "zomer aan zee").key == key
    assert reloaded.unlock_with_recovery(code, min_seconds=0) == key


def test_change_passphrase_needs_the_old_one_and_a_valid_new_one(path, made):
    keyring, _, _ = made
    before = path.read_bytes()
    with pytest.raises(WrongCredentials):
        keyring.change_passphrase(NAME, "fout wachtwoord", "nieuw wachtwoord", min_seconds=0)
    with pytest.raises(InputError):
        keyring.change_passphrase(NAME, PASS, "kort", min_seconds=0)
    assert path.read_bytes() == before


def test_set_passphrase_after_recovery(path, made):
    keyring, _, code = made
    key = keyring.unlock_with_recovery(code, min_seconds=0)
    keyring.set_passphrase(key, NAME, "vergeten en hersteld")
    assert unlock(Keyring.load(path), NAME, "vergeten en hersteld").key == key


# --- Recovery -------------------------------------------------------------------------------------


def test_recovery_code_format():
    code = new_recovery_code()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}", code)
    assert normalize_recovery_code(code) == code.replace("-", "")
    assert len({new_recovery_code() for _ in range(50)}) == 50


def test_recovery_code_typos_are_caught():
    code = new_recovery_code()
    plain = code.replace("-", "")
    typo = plain[:5] + ("X" if plain[5] != "X" else "Y") + plain[6:]
    with pytest.raises(InputError, match="niet goed overgenomen"):
        normalize_recovery_code(typo)
    for wrong_shape in ["", plain[:-1], plain + "0", plain[:-1] + "U", plain[:-1] + "*"]:
        with pytest.raises(InputError, match="letters en cijfers"):
            normalize_recovery_code(wrong_shape)


def test_recovery_unlock_forgives_case_spacing_and_lookalikes(made):
    keyring, key, _ = made
    for _ in range(200):  # until a code has both a 0 and a 1 to write ambiguously
        code = keyring.new_recovery(key)
        if "0" in code and "1" in code:
            break
    else:
        pytest.fail("no recovery code with both 0 and 1")
    variants = [
        code,
        code.lower(),
        code.replace("-", " "),
        code.replace("-", ""),
        " " + code.replace("0", "O").replace("1", "l") + " ",
        code.replace("0", "o").replace("1", "I").lower().replace("-", "  "),
    ]
    for variant in variants:
        assert keyring.unlock_with_recovery(variant, min_seconds=0) == key


def test_wrong_recovery_code_fails(made):
    keyring, _, _ = made
    with pytest.raises(WrongRecoveryCode, match="^Deze herstelcode klopt niet.$"):
        keyring.unlock_with_recovery(new_recovery_code(), min_seconds=0)
    started = time.monotonic()
    with pytest.raises(WrongRecoveryCode):
        keyring.unlock_with_recovery(new_recovery_code(), min_seconds=0.2)
    assert time.monotonic() - started >= 0.2


def test_new_recovery_replaces_the_old_code(path, made):
    keyring, key, old = made
    new = keyring.new_recovery(key)
    assert new != old
    reloaded = Keyring.load(path)
    with pytest.raises(WrongRecoveryCode):
        reloaded.unlock_with_recovery(old, min_seconds=0)
    assert reloaded.unlock_with_recovery(new, min_seconds=0) == key
    assert unlock(reloaded).key == key


# --- Users ----------------------------------------------------------------------------------------


def test_add_user(path, made):
    keyring, key, _ = made
    other_pid = "0b7e4a3c-2d1f-4e5a-9b8c-7d6e5f4a3b2c"
    keyring.add_user(key, "Bert Jansen", "zomer aan zee", professional_id=other_pid)
    reloaded = Keyring.load(path)
    assert reloaded.user_names_count() == 2
    unlocked = unlock(reloaded, "bert jansen", "zomer aan zee")
    assert (unlocked.key, unlocked.professional_id) == (key, other_pid)
    # Without params the new entry takes those of the file's first entry.
    assert raw_json(path)["users"][1]["kdf"]["memory_kib"] == FAST_KDF.memory_kib


def test_add_user_refuses_a_duplicate_name(path, made):
    keyring, key, _ = made
    before = path.read_bytes()
    with pytest.raises(InputError, match="^Er is al een gebruiker met deze naam.$"):
        keyring.add_user(key, "  ANNA DE VRIES", "ander wachtwoord")
    assert path.read_bytes() == before


def test_add_user_refuses_a_wrong_key(path, made):
    keyring, _, _ = made
    before = path.read_bytes()
    with pytest.raises(KeyringError):
        keyring.add_user(os.urandom(KEY_BYTES), "Bert Jansen", "zomer aan zee")
    assert path.read_bytes() == before
    assert keyring.user_names_count() == 1


def test_remove_user(path, made):
    keyring, key, _ = made
    keyring.add_user(key, "Bert Jansen", "zomer aan zee")
    keyring.remove_user(key, "bert jansen")
    reloaded = Keyring.load(path)
    assert reloaded.user_names_count() == 1
    with pytest.raises(WrongCredentials):
        unlock(reloaded, "Bert Jansen", "zomer aan zee")
    assert unlock(reloaded).key == key


def test_remove_last_user_refused(path, made):
    keyring, key, _ = made
    before = path.read_bytes()
    with pytest.raises(InputError, match="laatste gebruiker"):
        keyring.remove_user(key, NAME)
    assert path.read_bytes() == before
    with pytest.raises(InputError, match="geen gebruiker"):
        keyring.remove_user(key, "Niemand")


def test_shared_mode(path):
    keyring, key, _ = Keyring.create(
        path, name="", passphrase="praktijk geheim", mode="shared", params=FAST_KDF
    )
    reloaded = Keyring.load(path)
    assert reloaded.mode == "shared"
    unlocked = reloaded.unlock(" Anna ", "praktijk geheim", min_seconds=0)
    assert (unlocked.key, unlocked.name, unlocked.professional_id) == (key, "Anna", None)
    assert reloaded.unlock("", "praktijk geheim", min_seconds=0).key == key
    with pytest.raises(WrongCredentials):
        reloaded.unlock("Anna", "fout geheim", min_seconds=0)
    with pytest.raises(InputError):
        reloaded.add_user(key, "Bert", "zomer aan zee")
    reloaded.change_passphrase("wie dan ook", "praktijk geheim", "nieuw praktijkgeheim", min_seconds=0)
    assert Keyring.load(path).unlock("", "nieuw praktijkgeheim", min_seconds=0).key == key


# --- Damaged and foreign files --------------------------------------------------------------------


def _shape(mutate):
    def damage(path):
        data = raw_json(path)
        mutate(data)
        return json.dumps(data).encode()

    return damage


DAMAGES = {
    "truncated": lambda p: p.read_bytes()[: len(p.read_bytes()) // 2],
    "empty": lambda p: b"",
    "not json": lambda p: b"\x00\xffnot json at all",
    "json list": lambda p: b"[1, 2, 3]",
    "other format": _shape(lambda d: d.update(format="something-else")),
    "missing recovery": _shape(lambda d: d.pop("recovery")),
    "extra key": _shape(lambda d: d.update(extra=1)),
    "no users": _shape(lambda d: d.update(users=[])),
    "bad mode": _shape(lambda d: d.update(mode="everyone")),
    "bad db_id": _shape(lambda d: d.update(db_id="not-a-uuid")),
    "bool version": _shape(lambda d: d.update(version=True)),
    "short salt": _shape(lambda d: d["users"][0]["kdf"].update(salt=base64.b64encode(b"x").decode())),
    "bad base64": _shape(lambda d: d["users"][0].update(nonce="!!!!")),
    "memory too low": _shape(lambda d: d["users"][0]["kdf"].update(memory_kib=1)),
    "huge memory": _shape(lambda d: d["users"][0]["kdf"].update(memory_kib=1 << 40)),
    "other alg": _shape(lambda d: d["users"][0]["kdf"].update(alg="scrypt")),
    "duplicate user": _shape(lambda d: d["users"].append(d["users"][0])),
    "bad tag": _shape(lambda d: d["users"][0].update(tag="Anna")),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_damaged_file_is_refused_and_left_alone(path, made, damage):
    path.write_bytes(damage(path))
    before = path.read_bytes()
    with pytest.raises(
        KeyringError, match="is beschadigd of hoort niet bij pgdesk. Er is niets aan veranderd."
    ):
        Keyring.load(path)
    assert path.read_bytes() == before


def test_newer_version_asks_for_a_newer_pgdesk(path, made):
    data = raw_json(path)
    data["version"] = 99
    data["something_new"] = {"x": 1}
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(KeyringError, match="nieuwere versie van pgdesk"):
        Keyring.load(path)
    assert path.read_bytes() == before


def test_missing_file(path):
    with pytest.raises(KeyringError, match="ontbreekt"):
        Keyring.load(path)
    assert not path.exists()


def test_entry_moved_from_another_keyring_does_not_unlock(tmp_path, path):
    # Same name and passphrase, and even the other file's pepper so the entry is found:
    # only the db_id differs, and the AAD binds the entry to it.
    Keyring.create(path, name=NAME, passphrase=PASS, params=FAST_KDF)
    other_path = keyring_path(tmp_path / "ander.sqlite")
    Keyring.create(other_path, name=NAME, passphrase=PASS, params=FAST_KDF)
    mine, foreign = raw_json(path), raw_json(other_path)
    mine.update(pepper=foreign["pepper"], users=foreign["users"], recovery=foreign["recovery"])
    path.write_text(json.dumps(mine))
    keyring = Keyring.load(path)
    with pytest.raises(WrongCredentials):
        unlock(keyring)
    assert unlock(Keyring.load(other_path)).name == NAME  # the entry itself is fine


def test_edited_professional_id_does_not_unlock(path, made):
    data = raw_json(path)
    data["users"][0]["professional_id"] = "00000000-0000-4000-8000-000000000000"
    path.write_text(json.dumps(data))
    with pytest.raises(WrongCredentials):
        unlock(Keyring.load(path))


def test_edited_key_check_is_noticed(path, made):
    data = raw_json(path)
    data["key_check"] = "0" * 64
    path.write_text(json.dumps(data))
    with pytest.raises(KeyringError):
        unlock(Keyring.load(path))


# --- Writing --------------------------------------------------------------------------------------


def test_saves_leave_no_temp_files(path, made):
    keyring, key, _ = made
    keyring.add_user(key, "Bert Jansen", "zomer aan zee")
    keyring.change_passphrase(NAME, PASS, "nieuw wachtwoord", min_seconds=0)
    keyring.new_recovery(key)
    keyring.save()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_failed_save_changes_nothing(path, made, monkeypatch):
    keyring, key, _ = made
    before = path.read_bytes()

    def no_space(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kr_mod.os, "replace", no_space)
    with pytest.raises(StorageError, match="schijf is vol"):
        keyring.add_user(key, "Bert Jansen", "zomer aan zee")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert keyring.user_names_count() == 1  # the object did not change either
    keyring.save()
    assert keyring.user_names_count() == Keyring.load(path).user_names_count() == 1


# --- Any bytes at all -----------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
_keyringish = st.fixed_dictionaries(
    {"format": st.just("pgdesk-keyring"), "version": st.sampled_from([1, 2, 0, "1"])},
    optional={k: _json_values for k in ["db_id", "mode", "pepper", "key_check", "users", "recovery"]},
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000) | _keyringish.map(lambda d: json.dumps(d).encode()))
def test_load_arbitrary_bytes_raises_only_keyring_error(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "fuzz.sqlite.keys"
    path.write_bytes(data)
    try:
        Keyring.load(path)
    except KeyringError:
        pass
