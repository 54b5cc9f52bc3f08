"""Command line: start the window, or work without one (set-up, checks, backups, handouts).

Only what a command needs is imported, so `pgdesk --version` and the headless
commands never load Qt, and the window never loads reportlab at start.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from pgdesk import __version__
from pgdesk.domain.errors import PgdeskError
from pgdesk.domain.languages import HANDOUT_LANGUAGES
from pgdesk.domain.roles import ROLES
from pgdesk.paths import DB_ENV, ResourceMissing

COMMANDS = {
    "init": ("security", "init"), "check": ("security", "check"),
    "backup": ("security", "backup"), "restore": ("security", "restore"),
    "rekey": ("security", "rekey"),
    "handout": ("records", "handout"),
    "export patient": ("records", "export_patient"),
    "export evaluation": ("records", "export_evaluation"),
    "export fhir": ("fhir", "export"),
    "soep": ("records", "soep"),
    "instruments": ("instruments", "instruments"), "paper-web": ("instruments", "paper_web"),
    "transfer out": ("transfer", "out"), "transfer in": ("transfer", "read"),
    "transfer back": ("transfer", "back"), "transfer clear": ("transfer", "clear"),
    "server init": ("server", "init"), "server user add": ("server", "user_add"),
    "server migrate": ("server", "migrate"), "server upgrade": ("server", "upgrade"),
}
# The same commands on the practice server (--server URL instead of --db FILE).
SERVER_COMMANDS = {"check": ("server", "check"), "backup": ("server", "backup"),
                   "restore": ("server", "restore")}
# --server of the set-up commands (no PGDESK_SERVER there: they say where, every time).
SERVER_HELP = ("de praktijkserver: een postgresql://-adres of de naam van een service; "
               "versleuteld (sslmode=verify-full) tenzij het adres naar deze computer gaat en "
               "uitdrukkelijk sslmode=disable zegt")
PRACTICE_SERVER_HELP = ("de praktijkserver: een postgresql://-adres of de naam van een service "
                        "(of omgevingsvariabele PGDESK_SERVER); het wachtwoord komt van het adres, "
                        "PGPASSWORD of de terminal")


def _file_or_server(parser) -> None:
    """--db FILE or --server ADDRESS (or PGDESK_SERVER): the command says so when neither."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", dest="cmd_db", metavar="PAD")
    where.add_argument("--server", metavar="ADRES", help=PRACTICE_SERVER_HELP)


def _parser(commands: bool = True) -> argparse.ArgumentParser:
    """The command line; without `commands`, the window's own options only."""
    p = argparse.ArgumentParser(
        prog="pgdesk",
        description="pgdesk: het gesprek over Positieve Gezondheid in de praktijk.",
    )
    p.add_argument("--version", action="version", version=f"pgdesk {__version__}")
    p.add_argument("--db", metavar="PAD", help=f"databasebestand (of omgevingsvariabele {DB_ENV})")
    p.add_argument("--server", metavar="ADRES", help=PRACTICE_SERVER_HELP)
    p.add_argument("--demo", action="store_true",
                   help="start met een nieuwe demodatabase met verzonnen patiënten")
    p.add_argument("--lang", choices=("nl", "en"), default=None, help="taal van het scherm")
    p.add_argument("--patient", dest="his_patient", metavar="NUMMER",
                   help="open deze patiënt (het patiëntnummer in het HIS), in de pgdesk die al "
                        "openstaat als die er is")
    p.add_argument("--name", dest="his_name", metavar="NAAM",
                   help="met --patient: de naam, voor als de patiënt nog niet in pgdesk staat")
    p.add_argument("--birth-date", dest="his_birth_date", metavar="JJJJ-MM-DD",
                   help="met --patient: de geboortedatum, voor als de patiënt nog niet in "
                        "pgdesk staat")
    if not commands:
        p.set_defaults(command=None)
        return p
    sub = p.add_subparsers(dest="command", metavar="OPDRACHT")

    user = argparse.ArgumentParser(add_help=False)
    user.add_argument("--user", metavar="NAAM",
                      help="wie werkt er; het wachtwoord komt van de terminal of de eerste regel "
                           "van standaardinvoer")

    sub.add_parser("kiosk", help="alleen de patiëntmodus, voor een scherm in de wachtkamer: de "
                                 "patiënt typt de code die de praktijk klaarzette")
    init = sub.add_parser("init", parents=[user], help="maak een nieuwe versleutelde database")
    _file_or_server(init)  # on a server: as pgdesk server init
    init.add_argument("--role", default="huisarts", choices=ROLES)
    init.add_argument("--shared", action="store_true",
                      help="één praktijkwachtwoord voor deze werkplek in plaats van één per gebruiker")

    demo = sub.add_parser("demo", parents=[user],
                          help="schrijf een demodatabase zonder venster (versleuteld met --user)")
    demo.add_argument("path", metavar="PAD")

    check = sub.add_parser("check", parents=[user], help="controleer de database en het toegangslog")
    _file_or_server(check)
    check.add_argument("--backups", metavar="MAP",
                       help="vergelijk het toegangslog ook met de reservekopieën in deze map "
                            "(bijvoorbeeld een USB-schijf die apart wordt bewaard)")

    backup = sub.add_parser("backup", parents=[user], help="maak nu een reservekopie")
    _file_or_server(backup)
    backup.add_argument("--to", metavar="MAP", help="map voor de reservekopie")

    restore = sub.add_parser("restore", parents=[user],
                             help="zet een reservekopie terug (op een server: in een lege database)")
    _file_or_server(restore)
    restore.add_argument("file", metavar="BESTAND")
    restore.add_argument("--keys", metavar="BESTAND",
                         help="server: het sleutelbestand van de reservekopieën, als het niet naast "
                              "de reservekopie staat")

    rk = sub.add_parser(
        "rekey", parents=[user],
        help="geef de database een nieuwe sleutel (wachtwoord uitgelekt, collega vertrokken); "
             "eerst het huidige, dan het nieuwe wachtwoord")
    _file_or_server(rk)  # on a server: refused, with what to do there instead
    rk.add_argument("--remove", action="append", metavar="NAAM",
                    help="deze collega verliest de toegang (mag vaker)")
    rk.add_argument("--keep-passphrase", action="store_true",
                    help="houd uw eigen wachtwoord (alleen als dat niet is uitgelekt)")
    rk.add_argument("--to", metavar="MAP", help="map voor de nieuwe reservekopie")

    ho = sub.add_parser("handout", parents=[user],
                        help="schrijf de samenvatting voor de patiënt als PDF")
    src = ho.add_mutually_exclusive_group()
    src.add_argument("--db", dest="handout_db", metavar="PAD")
    src.add_argument("--server", metavar="ADRES", help=PRACTICE_SERVER_HELP)
    src.add_argument("--demo", dest="handout_demo", action="store_true")
    ho.add_argument("--consultation", default="latest", metavar="ID|latest")
    ho.add_argument("--language", "--lang", dest="handout_lang", choices=HANDOUT_LANGUAGES,
                    default=None, help="taal (standaard: wat voor de patiënt is gekozen)")
    ho.add_argument("--large-print", dest="large_print", action="store_true", default=None,
                    help="grote letters (standaard: wat voor de patiënt is gekozen)")
    ho.add_argument("--out", required=True, metavar="BESTAND.pdf")

    pw = sub.add_parser("paper-web", help="een leeg spinnenweb om op papier in te vullen, als PDF")
    pw.add_argument("--language", dest="paper_language", default="nl", metavar="TAAL",
                    help=f"{', '.join(HANDOUT_LANGUAGES)} of een variant zoals nl-kind")
    pw.add_argument("--paper", default="A4", metavar="A4|A5")
    pw.add_argument("--large-print", dest="large_print", action="store_true")
    pw.add_argument("--out", required=True, metavar="BESTAND.pdf")

    sub.add_parser("instruments", help="de varianten en talen van het instrument, met of een "
                                       "moedertaalspreker de vertaling heeft nagekeken")

    so = sub.add_parser("soep", parents=[user],
                        help="het verslag van een gesprek voor het HIS (SOEP), op standaarduitvoer")
    _file_or_server(so)
    so.add_argument("--consultation", default="latest", metavar="ID|latest")
    so.add_argument("--width", type=int, default=None, metavar="N",
                    help="hoogstens zoveel tekens per regel (standaard: het sjabloon van de "
                         "praktijk, Praktijk → HIS-tekst; 0: niet afbreken)")
    so.add_argument("--part", choices=("S", "O", "E", "P"), default=None,
                    help="alleen dit deel (voor een HIS met een veld per deel)")

    ex = sub.add_parser("export", help="gegevens uit pgdesk halen: één patiënt, of de evaluatie")
    ex_sub = ex.add_subparsers(dest="export_what", metavar="WAT", required=True)
    exp = ex_sub.add_parser("patient", parents=[user],
                            help="alles over één patiënt als PDF en JSON (AVG-inzage)")
    _file_or_server(exp)
    exp.add_argument("--patient", required=True, metavar="ID")
    exp.add_argument("--lang", dest="export_lang", choices=("nl", "en"), default="nl")
    exp.add_argument("--out", required=True, metavar="MAP")
    exe = ex_sub.add_parser(
        "evaluation", parents=[user],
        help="gepseudonimiseerde scores per gesprek en per traject als CSV "
             "(BESTAND.csv en BESTAND-trajecten.csv)")
    _file_or_server(exe)
    exe.add_argument("--out", required=True, metavar="BESTAND.csv")
    exf = ex_sub.add_parser(
        "fhir", parents=[user],
        help="één gesprek als FHIR R4-document (JSON): web, antwoorden, plan, verwijzingen en "
             "het SOEP-verslag; zie docs/fhir-export.md")
    _file_or_server(exf)
    exf.add_argument("--consultation", default="latest", metavar="ID|latest")
    exf.add_argument("--out", required=True, metavar="BESTAND.json")
    exf.add_argument("--trajectory", action="store_true",
                     help="het hele traject van dat gesprek (start-, tussen- en eindgesprek)")
    exf.add_argument("--identity", choices=("met", "zonder"),
                     help="met of zonder naam, geboortedatum en HIS-nummer (standaard: wat de "
                          "praktijk koos; zonder als die niets koos)")

    tr = sub.add_parser(
        "transfer", help="patiënten meenemen op een laptop (huisbezoek) en terugbrengen; "
                         "eerst het databasewachtwoord, dan de transferwachtwoordzin "
                         "(zonder terminal: regel 1 en 2 van standaardinvoer)")
    tr_sub = tr.add_subparsers(dest="transfer_what", metavar="WAT", required=True)
    tro = tr_sub.add_parser("out", parents=[user], help="in de praktijk: patiënten naar een "
                                                        "meeneembestand")
    _file_or_server(tro)
    tro.add_argument("--patients", required=True, metavar="ID,ID,…")
    tro.add_argument("--out", required=True, metavar="BESTAND")
    tro.add_argument("--laptop", default="", metavar="NAAM",
                     help="de naam van de laptop: elke kamer ziet de patiënten als meegenomen op "
                          "die laptop tot ze zijn teruggebracht")
    tri = tr_sub.add_parser("in", parents=[user],
                            help="lees een meeneem- of terugbrengbestand; toont eerst wat er "
                                 "verandert en schrijft alleen met --yes")
    _file_or_server(tri)
    tri.add_argument("file", metavar="BESTAND")
    tri.add_argument("--yes", action="store_true", help="lees het echt in")
    tri.add_argument("--resolve", choices=("keep_both", "later_wins", "take_incoming", "keep_local"),
                     help="wat bij een conflict (standaard keep_both: beide versies bewaren)")
    trb = tr_sub.add_parser("back", parents=[user],
                            help="op de laptop: wat veranderd is naar een terugbrengbestand")
    _file_or_server(trb)
    trb.add_argument("--out", required=True, metavar="BESTAND")
    trb.add_argument("--practice", metavar="CODE",
                     help="voor welke praktijk, als er patiënten uit meer dan één praktijk zijn "
                          "(de code die pgdesk dan noemt)")
    trc = tr_sub.add_parser("clear", parents=[user],
                            help="op de laptop: de meegenomen patiënten veilig verwijderen")
    _file_or_server(trc)
    trc.add_argument("--yes", action="store_true", help="verwijder ze echt")
    trc.add_argument("--force", action="store_true",
                     help="ook als er wijzigingen zijn die nog niet zijn teruggebracht")
    _server_parsers(sub, user)
    return p


def _server_parsers(sub, user: argparse.ArgumentParser) -> None:
    sv = sub.add_parser("server", help="de praktijkserver (PostgreSQL): inrichten, gebruikers, "
                                       "een praktijkbestand overzetten")
    sv_sub = sv.add_subparsers(dest="server_what", metavar="WAT", required=True)
    role = argparse.ArgumentParser(add_help=False)
    role.add_argument("--role", default="huisarts", choices=ROLES)
    si = sv_sub.add_parser("init", parents=[user, role],
                           help="richt een lege server in met de eerste gebruiker (verbind als de "
                                "eigenaar; daarna tweemaal het nieuwe wachtwoord)")
    si.add_argument("--server", required=True, metavar="ADRES", help=SERVER_HELP)
    su = sv_sub.add_parser("user", help="gebruikers van de server")
    su_sub = su.add_subparsers(dest="user_what", metavar="WAT", required=True)
    sua = su_sub.add_parser("add", parents=[user, role],
                            help="nog een gebruiker (verbind als de eigenaar)")
    sua.add_argument("--server", required=True, metavar="ADRES", help=SERVER_HELP)
    sup = sv_sub.add_parser("upgrade", help="werk het schema van de server bij naar deze versie "
                                            "van pgdesk (verbind als de eigenaar)")
    sup.add_argument("--server", required=True, metavar="ADRES", help=SERVER_HELP)
    sm = sv_sub.add_parser("migrate", parents=[user],
                           help="zet de praktijk uit een databasebestand over naar de server; eerst "
                                "het wachtwoord van het bestand, dan dat van de server; het bestand "
                                "blijft ongewijzigd")
    sm.add_argument("--from", dest="source", required=True, metavar="BESTAND")
    sm.add_argument("--to", required=True, metavar="ADRES", help=SERVER_HELP)
    sm.add_argument("--file-user", metavar="NAAM",
                    help="uw naam in het bestand, als die anders is dan op de server")


def _demo(args) -> int:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage.demo import write_demo, write_encrypted_demo

    path = Path(args.path)
    if path.exists():
        raise PgdeskError(f"{path} bestaat al; kies een nieuwe bestandsnaam.")
    if args.user:
        from pgdesk.commands.common import read_secret
        from pgdesk.storage.keyring import check_passphrase

        passphrase = check_passphrase(read_secret(f"Nieuw wachtwoord voor {args.user}: ",
                                                  confirm=True))
        code = write_encrypted_demo(path, shipped_instrument("nl"), user=args.user,
                                    passphrase=passphrase)
        print(path)
        print(f"Herstelcode: {code}")
        return 0
    write_demo(path, shipped_instrument("nl"))
    print(path)
    return 0


# The window's options that take a value (its start has no command).
WINDOW_VALUES = {"--db", "--server", "--lang", "--patient", "--name", "--birth-date"}


def _window_only(argv: list[str]) -> bool:
    """Whether `argv` holds only the window's options: no command, no help. The window's start
    then skips the commands' thirty-odd parsers, tens of ms to build before it can paint;
    anything else (an abbreviated option too) gets the whole command line."""
    value_next = False
    for arg in argv:
        if value_next:
            value_next = False
        elif arg in WINDOW_VALUES:
            value_next = True
        elif not arg.startswith("-") or (len(arg) > 2 and "--help".startswith(arg)) or arg == "-h":
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(commands=not _window_only(argv)).parse_args(argv)
    try:
        if args.command == "demo":
            return _demo(args)
        command = args.command
        if command == "export":
            command = f"export {args.export_what}"
        elif command == "transfer":
            command = f"transfer {args.transfer_what}"
        elif command == "server":
            command = f"server {args.server_what}" + (
                f" {args.user_what}" if args.server_what == "user" else "")
        if command in SERVER_COMMANDS and _server_of(args):
            args.server = _server_of(args)
            module, func = SERVER_COMMANDS[command]
            return getattr(importlib.import_module(f"pgdesk.commands.{module}"), func)(args)
        if command in COMMANDS:
            module, func = COMMANDS[command]
            args.db = getattr(args, "cmd_db", None)
            args.lang = getattr(args, "export_lang", "nl")
            _refuse_own_output(args)
            return getattr(importlib.import_module(f"pgdesk.commands.{module}"), func)(args)
        his = _his_request(args)
        from pgdesk.ui.app import run

        return run(db=args.db, demo=args.demo, lang=args.lang, his=his,
                   kiosk=args.command == "kiosk", server=args.server)
    except (PgdeskError, ResourceMissing) as exc:
        print(f"pgdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except EOFError:  # Ctrl+D (end of input) at a passphrase prompt on the terminal
        print("pgdesk: Er is geen wachtwoord gegeven. Er is niets veranderd.", file=sys.stderr)
        return 2
    except Exception as exc:
        # A disk that is full or failing reaches here as OSError or an SQLite error: say so
        # in Dutch, never as a traceback.
        if not isinstance(exc, OSError) and not type(exc).__module__.startswith("sqlcipher3"):
            raise
        from pgdesk.storage.errors import explain_write_error

        print(f"pgdesk: {explain_write_error(exc)}", file=sys.stderr)
        return 2


def _his_request(args):
    """The patient a HIS asked for, checked before any window opens (exit 2 when malformed)."""
    if args.his_patient is None:
        if args.his_name is not None or args.his_birth_date is not None:
            raise PgdeskError("--name en --birth-date horen bij --patient NUMMER.")
        return None
    from pgdesk.domain.his import HisRequest

    return HisRequest.checked(args.his_patient, args.his_name, args.his_birth_date)


def _server_of(args) -> str | None:
    from pgdesk.commands.common import server_of

    return server_of(args, getattr(args, "cmd_db", None))


def _refuse_own_output(args) -> None:
    out = getattr(args, "out", None)
    if out:
        from pgdesk.commands.common import refuse_own_files
        from pgdesk.paths import default_db_path

        db = args.db or getattr(args, "handout_db", None)
        refuse_own_files(Path(out), Path(db) if db else default_db_path())
