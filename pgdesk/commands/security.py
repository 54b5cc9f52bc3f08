"""init, check, backup and restore: the encrypted database from the command line."""

from __future__ import annotations

from pathlib import Path

from pgdesk.commands.common import existing_db, open_store, read_secret
from pgdesk.domain.errors import PgdeskError


def init(args) -> int:
    from pgdesk.storage.keyring import check_passphrase
    from pgdesk.storage.vault import init_encrypted, recovery_code_shown

    if not args.user or not args.user.strip():
        raise PgdeskError('Geef met --user de naam van de eerste gebruiker, bijvoorbeeld '
                          '--user "Dr. A. de Vries".')
    passphrase = check_passphrase(read_secret(f"Nieuw wachtwoord voor {args.user}: ", confirm=True))
    store, code = init_encrypted(Path(args.db), name=args.user, role=args.role,
                                 passphrase=passphrase,
                                 mode="shared" if args.shared else "per-user")
    with store:
        print(f"Versleutelde database gemaakt: {args.db}")
        print("Herstelcode (bewaar deze op papier, op een veilige plek; hij wordt maar één keer "
              "getoond):")
        print(code, flush=True)
        recovery_code_shown(store)
    return 0


def check(args) -> int:
    from pgdesk.storage import access_log

    path = existing_db(args.db)
    with open_store(path, args.user) as store:  # opening runs the integrity checks
        problems = access_log.verify_chain(store.db)
        lines = access_log.count(store.db)
        encrypted = store.encrypted
    print(f"Database {path}: in orde ({'versleuteld' if encrypted else 'NIET versleuteld'}).")
    if problems:
        print(f"Toegangslog: de keten is verbroken ({len(problems)} problemen):")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"Toegangslog: {lines} regels, keten intact.")
    return 0


def backup(args) -> int:
    from pgdesk.storage.backup import SETTING_FOLDER, SETTING_LAST, default_folder, make_backup
    from pgdesk.storage.repository import now

    path = existing_db(args.db)
    with open_store(path, args.user) as store:
        folder = Path(args.to or store.setting(SETTING_FOLDER) or default_folder())
        target = make_backup(store.opened, folder)
        store.set_setting(SETTING_LAST, now())
    print(target)
    return 0


def restore(args) -> int:
    from pgdesk.storage.backup import restore_backup, verify_backup
    from pgdesk.storage.database import acquire_lock
    from pgdesk.storage.keyring import Keyring, keyring_path
    from pgdesk.storage.vault import recover, unlock_key

    path = Path(args.db)
    source = Path(args.file)
    if not source.is_file():
        raise PgdeskError(f"De reservekopie {source} bestaat niet.")
    recover(path)
    keys = keyring_path(path)
    if not keys.exists() and keyring_path(source.parent / path.name).exists():
        keys = keyring_path(source.parent / path.name)  # keys saved with the backups
    key = db_id = None
    if keys.exists():
        if not args.user:
            raise PgdeskError("Deze praktijk werkt versleuteld: geef --user NAAM.")
        keyring = Keyring.load(keys)
        key = unlock_key(path, keyring, args.user, read_secret(f"Wachtwoord voor {args.user}: ")).key
        db_id = keyring.db_id
    info = verify_backup(source, key, db_id=db_id)
    lock = acquire_lock(path)
    try:
        if keys != keyring_path(path):
            # The keys first: a crash after this leaves a database to restore again, never
            # a restored database that nothing can open.
            keyring.path = keyring_path(path)  # re-saved, so it keeps its private file mode
            keyring.save()
        aside = restore_backup(path, source, key, db_id=db_id)
    finally:
        lock.release()
    print(f"Teruggezet: {source.name} ({info.patients} patiënten, {info.consultations} gesprekken).")
    if aside:
        print(f"De vorige database is bewaard als {aside}.")
    return 0
