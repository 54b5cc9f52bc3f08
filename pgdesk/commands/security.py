"""init, check, backup and restore: the encrypted database from the command line."""

from __future__ import annotations

from pathlib import Path

from pgdesk.commands.common import existing_db, open_store, read_secret
from pgdesk.domain.errors import PgdeskError


def init(args) -> int:
    from pgdesk.storage.keyring import check_passphrase
    from pgdesk.storage.vault import init_encrypted, recovery_code_shown

    if getattr(args, "server", None):
        if args.shared:
            raise PgdeskError("--shared hoort bij een databasebestand: op de praktijkserver logt "
                              "elke gebruiker in met een eigen wachtwoord. Er is niets veranderd.")
        from pgdesk.commands.server import init as init_server

        return init_server(args)
    if not args.db:
        raise PgdeskError("Geef de nieuwe database met --db BESTAND, of de praktijkserver met "
                          "--server ADRES.")
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
        anchors = _anchor_report(store, args.backups)
    print(f"Database {path}: in orde ({'versleuteld' if encrypted else 'NIET versleuteld'}).")
    if problems:
        print(f"Toegangslog: de keten is verbroken ({len(problems)} problemen):")
        for p in problems:
            print(f"  - {p}")
    else:
        print(f"Toegangslog: {lines} regels, keten intact.")
    for line in anchors.compared:
        print(f"Anker: {line}.")
    if anchors.skipped:
        print(f"Niet vergeleken: {', '.join(anchors.skipped)}.")
    if encrypted and not anchors.compared and not anchors.problems:
        print("Nog geen anker om mee te vergelijken (er is nog geen reservekopie).")
    for p in anchors.problems:
        print(f"LOGBOEK HERSCHREVEN? {p}")
    return 1 if problems or anchors.problems else 0


def _anchor_report(store, extra_folder: str | None):
    """The chain against the anchors in the key files and the backups (see log_anchor.py)."""
    from pgdesk.storage import log_anchor
    from pgdesk.storage.backup import SETTING_FOLDER, default_folder, list_backups
    from pgdesk.storage.keyring import keyring_path

    folders = [Path(store.setting(SETTING_FOLDER) or default_folder())]
    if extra_folder:
        if not Path(extra_folder).is_dir():
            raise PgdeskError(f"De map {extra_folder} bestaat niet.")
        folders.append(Path(extra_folder))
    keys = keyring_path(store.path)
    return log_anchor.check(store.db, store.opened.key, store.setting("db_id"),
                            [keys, *(f / keys.name for f in folders)],
                            [b for f in folders for b in list_backups(f)])


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
    from pgdesk.storage.access_log import Actor
    from pgdesk.storage.backup import restore_backup, verify_backup
    from pgdesk.storage.database import acquire_lock
    from pgdesk.storage.keyring import Keyring, keyring_path
    from pgdesk.storage.log_anchor import note_restore
    from pgdesk.storage.rekey_files import finish_interrupted
    from pgdesk.storage.vault import recover, unlock_key

    if not args.db:
        raise PgdeskError("Geef met --db BESTAND waar de reservekopie terug moet, of met --server "
                          "ADRES de (lege) database op de praktijkserver.")
    path = Path(args.db)
    source = Path(args.file)
    if not source.is_file():
        raise PgdeskError(f"De reservekopie {source} bestaat niet.")
    finish_interrupted(path)  # a killed re-keying decides which key file is the current one
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
    note_restore(path, key, source.name, Actor(args.user) if args.user else None)
    print(f"Teruggezet: {source.name} ({info.patients} patiënten, {info.consultations} gesprekken).")
    if aside:
        print(f"De vorige database is bewaard als {aside}.")
    return 0


def rekey(args) -> int:
    from pgdesk.storage.keyring import Keyring, check_passphrase, keyring_path
    from pgdesk.storage.rekey import rekey as rekey_database
    from pgdesk.storage.rekey_files import finish_interrupted

    if getattr(args, "server", None):
        raise PgdeskError(
            "Op de praktijkserver heeft pgdesk geen sleutel om te vernieuwen: daar logt elke "
            "gebruiker in met een eigen wachtwoord. Is een wachtwoord uitgelekt of is een collega "
            "vertrokken, laat de beheerder dan dat wachtwoord wijzigen of die gebruiker "
            "verwijderen op de server. Er is niets veranderd.")
    path = existing_db(args.db)
    finish_interrupted(path)
    if not keyring_path(path).exists():
        raise PgdeskError(f"De database {path} is niet versleuteld; er is geen sleutel te vernieuwen.")
    if not args.user:
        raise PgdeskError("Geef --user NAAM: wie vernieuwt de sleutel?")
    keyring = Keyring.load(keyring_path(path))
    passphrase = read_secret(f"Huidig wachtwoord voor {args.user}: ")
    new = None
    if not args.keep_passphrase:
        new = check_passphrase(read_secret(f"Nieuw wachtwoord voor {args.user}: ", confirm=True))
    result = rekey_database(path, keyring, name=args.user, passphrase=passphrase,
                            new_passphrase=new, remove=tuple(args.remove or ()),
                            backup_folder=Path(args.to) if args.to else None)
    print(f"De database {path} heeft een nieuwe sleutel.")
    if args.remove:
        print(f"Geen toegang meer: {', '.join(args.remove)}.")
    print("Nieuwe herstelcode (de oude werkt niet meer; bewaar deze op papier, hij wordt maar "
          "één keer getoond):")
    print(result.recovery_code)
    for name, temporary in result.temporary:
        print(f"Eenmalig wachtwoord voor {name}: {temporary}  (daarna zelf wijzigen)")
    if result.backup:
        print(f"Nieuwe reservekopie: {result.backup}")
    else:
        print(f"LET OP: de nieuwe reservekopie is niet gelukt ({result.backup_error}). "
              "Maak er nu een met pgdesk backup.")
    print("Oudere reservekopieën houden de oude sleutel: wie het oude sleutelbestand en een oud "
          "wachtwoord heeft, opent die nog. Het oude sleutelbestand staat bij de reservekopieën "
          "als .keys.tot-<datum>.")
    return 0
