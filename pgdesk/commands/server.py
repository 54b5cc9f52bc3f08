"""The practice server from the command line: set it up, add users, back it up and restore it,
check its access log, and move a file's practice onto it.

Secrets come from the terminal without echo, or line by line from standard input in the order
they are asked: the server password first when the address, PGPASSWORD or a password file do
not give it, then the new passphrase (twice), the backup passphrase, or the file's passphrase.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pgdesk.commands.common import read_secret
from pgdesk.domain.errors import PgdeskError


def read_new_secret(prompt: str) -> str:
    """A new passphrase: twice, from the terminal or from the next two lines of standard input."""
    from pgdesk.storage.keyring import check_passphrase

    if sys.stdin.isatty():
        return check_passphrase(read_secret(prompt, confirm=True))
    first = read_secret(prompt)
    if read_secret("Nog een keer: ") != first:
        raise PgdeskError("De twee wachtwoorden zijn niet gelijk. Er is niets veranderd.")
    return check_passphrase(first)


def _target(address: str, **kw):
    from pgdesk.storage.practice_server.connect import parse

    return parse(address, **kw)


def _require_user(args) -> str:
    if not args.user or not args.user.strip():
        raise PgdeskError('Geef met --user de naam van de gebruiker, bijvoorbeeld '
                          '--user "Dr. A. de Vries".')
    return args.user


def init(args) -> int:
    from pgdesk.storage.practice_server.setup import init_server

    user = _require_user(args)
    target = _target(args.server)
    result = init_server(target, user=user, role=args.role, ask_password=read_secret,
                         passphrase_source=lambda: read_new_secret(f"Nieuw wachtwoord voor {user}: "))
    made = " (database aangemaakt)" if result.created_database else ""
    print(f"Praktijkserver ingericht: {target.shown}{made}.")
    print(f"Eigenaar: {result.owner}. Eerste gebruiker: {result.user} (in de groep "
          f"{result.group}); meer gebruikers met pgdesk server user add.")
    return 0


def user_add(args) -> int:
    from pgdesk.storage.practice_server.setup import add_user

    user = _require_user(args)
    target = _target(args.server)
    add_user(target, user=user, role=args.role, ask_password=read_secret,
             passphrase_source=lambda: read_new_secret(f"Nieuw wachtwoord voor {user}: "))
    print(f"Gebruiker {user} toegevoegd op {target.shown}.")
    return 0


def upgrade(args) -> int:
    from pgdesk.storage.practice_server.setup import upgrade as upgrade_server

    target = _target(args.server)
    done = upgrade_server(target, ask_password=read_secret)
    if done:
        print(f"Praktijkserver {target.shown} bijgewerkt: {', '.join(done)}.")
    else:
        print(f"Praktijkserver {target.shown} was al bij met deze versie van pgdesk.")
    return 0


def backup(args) -> int:
    from pgdesk.storage.backup import default_folder
    from pgdesk.storage.practice_server.dump import make_backup

    target = _target(args.server, user=args.user)
    folder = Path(args.to) if args.to else default_folder() / "praktijkserver"
    made = make_backup(target, folder, ask_password=read_secret, ask_secret=read_secret,
                       ask_new=read_new_secret)
    print(made.path)
    if made.recovery_code:
        print("Herstelcode van de reservekopieën (bewaar deze op papier, op een veilige plek; hij "
              "wordt maar één keer getoond):")
        print(made.recovery_code)
    return 0


def restore(args) -> int:
    from pgdesk.storage.practice_server.dump import restore as restore_server

    target = _target(args.server)
    done = restore_server(target, Path(args.file), ask_password=read_secret, ask_secret=read_secret,
                          keys=Path(args.keys) if args.keys else None)
    print(f"Teruggezet op {target.shown}: {Path(args.file).name} "
          f"({done.counts.get('patients', 0)} patiënten, "
          f"{done.counts.get('consultations', 0)} gesprekken, {done.log_lines} regels "
          "toegangslog; alles nageteld, keten intact).")
    if done.users_to_add:
        print("Medewerkers zonder aanmelding op deze server (aanmeldingen horen bij de server, "
              "niet bij de reservekopie; voeg wie hier werkt toe met pgdesk server user add): "
              + ", ".join(done.users_to_add) + ".")
    return 0


def check(args) -> int:
    from pgdesk.storage.practice_server.checks import check_server

    target = _target(args.server, user=args.user)
    report = check_server(target, ask_password=read_secret)
    print(f"Praktijkserver {target.shown}: bereikbaar, versleutelde verbinding, "
          f"schema {report.schema_version}.")
    if report.problems:
        print(f"Toegangslog: de keten is verbroken ({len(report.problems)} problemen):")
        for p in report.problems:
            print(f"  - {p}")
        return 1
    print(f"Toegangslog: {report.lines} regels, keten intact.")
    return 0


def migrate(args) -> int:
    from pgdesk.commands.common import existing_db, open_store
    from pgdesk.storage.practice_server.transfer import migrate_file

    user = _require_user(args)
    source = existing_db(args.source)
    with open_store(source, args.file_user or user) as store:
        target = _target(args.to, user=user)
        result = migrate_file(store, target, ask_password=read_secret)
    print(f"Overgezet naar {target.shown}: {source.name}, elke rij teruggelezen en nageteld:")
    for table, n in result.copied.items():
        print(f"  {table}: {n}")
    print(f"Toegangslog: {result.log_lines} regels overgenomen, keten intact. Het bestand is "
          "niet veranderd.")
    if result.same_patients:
        print(f"LET OP: {len(result.same_patients)} patiënten staan nu twee keer op de server "
              "(niet samengevoegd; kijk ze na en voeg ze zelf samen):")
        for line in result.same_patients:
            print(f"  - {line}")
    if result.same_professionals:
        print("Medewerkers die nu twee keer op de server staan (ook niet samengevoegd): "
              + ", ".join(result.same_professionals) + ".")
    return 0
