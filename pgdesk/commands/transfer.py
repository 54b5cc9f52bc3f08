"""transfer out, in, back and clear: patients on a laptop for home visits, and back again.

Passphrases: first the database's (when it is encrypted, as for every command) or the practice
server's password (when the address does not hold it), then the transfer passphrase. On a
terminal both are asked without echo (a new transfer passphrase twice);
otherwise they are the first and second line of standard input (only one line, the transfer
passphrase, for an unencrypted database).
"""

from __future__ import annotations

from pathlib import Path

from pgdesk.commands.common import existing_db, open_store, read_secret, server_of
from pgdesk.domain.errors import PgdeskError


def _new_passphrase() -> str:
    from pgdesk.storage.keyring import check_passphrase

    return check_passphrase(read_secret("Nieuwe transferwachtwoordzin: ", confirm=True))


def _open(args):
    """The database (--db FILE) or the practice server (--server ADDRESS or PGDESK_SERVER)."""
    server = server_of(args, args.db)
    return open_store(None if server else existing_db(args.db), args.user, server=server)


def out(args) -> int:
    """At the practice: the chosen patients to a take-along file."""
    from pgdesk.storage.transfer import export_take_along

    ids = [p.strip() for p in args.patients.split(",") if p.strip()]
    if not ids:
        raise PgdeskError("Geef bij --patients minstens één patiënt-id.")
    with _open(args) as store:
        summary = export_take_along(store, ids, _new_passphrase(), Path(args.out),
                                    laptop=args.laptop)
    for line in summary.lines:
        print(line)
    return 0


def read(args) -> int:
    """Read a take-along (laptop) or bring-back (practice) file; writes only with --yes."""
    from pgdesk.storage.transfer import apply_transfer, preview_transfer

    source = Path(args.file)
    with _open(args) as store:
        plan = preview_transfer(store, source, read_secret("Transferwachtwoordzin: "))
        if args.resolve:
            plan.resolve_all(args.resolve)
        if not args.yes:
            for line in plan.summary_lines():
                print(line)
            print("Er is niets ingelezen. Geef --yes om dit in te lezen.")
            return 0
        summary = apply_transfer(store, plan)
    for line in summary.lines:
        print(line)
    return 0


def back(args) -> int:
    """On the laptop: what changed since the take-along, to a bring-back file."""
    from pgdesk.storage.transfer import (
        SeveralPractices,
        export_bring_back,
        find_practice,
        practices_here,
    )

    with _open(args) as store:
        origin = find_practice(store, args.practice) if args.practice else None
        if origin is None and len(practices := practices_here(store)) > 1:
            # Before the passphrase is asked: it would be typed for nothing.
            raise PgdeskError(f"{SeveralPractices(practices)}\nGeef de praktijk met --practice CODE.")
        summary = export_bring_back(store, _new_passphrase(), Path(args.out), origin_db_id=origin)
    for line in summary.lines:
        print(line)
    return 0


def clear(args) -> int:
    """On the laptop: erase the brought-along patients (only with --yes)."""
    from pgdesk.storage.transfer import brought_along, remove_brought_along

    with _open(args) as store:
        present = brought_along(store)
        if not present:
            print("Er staan geen meegenomen patiënten op deze computer.")
            return 0
        if not args.yes:
            print(f"Meegenomen patiënten op deze computer ({len(present)}):")
            for b in present:
                flag = " (wijzigingen nog niet teruggebracht)" if b.unsent_changes else ""
                print(f"  {b.display_name}{flag}")
            print("Er is niets verwijderd. Geef --yes om ze te verwijderen.")
            return 0
        summary = remove_brought_along(store, force=args.force)
    for line in summary.lines:
        print(line)
    return 0
