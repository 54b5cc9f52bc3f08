"""Command line: start the window, or work without one (demo database, handout).

Only what a command needs is imported, so `pgdesk --version` and the headless
commands never load Qt, and the window never loads reportlab at start.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from pgdesk import __version__
from pgdesk.domain.errors import PgdeskError
from pgdesk.paths import DB_ENV, ResourceMissing


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pgdesk",
        description="pgdesk: het gesprek over Positieve Gezondheid in de praktijk.",
    )
    p.add_argument("--version", action="version", version=f"pgdesk {__version__}")
    p.add_argument("--db", metavar="PAD", help=f"databasebestand (of omgevingsvariabele {DB_ENV})")
    p.add_argument("--demo", action="store_true",
                   help="start met een nieuwe demodatabase met verzonnen patiënten")
    p.add_argument("--lang", choices=("nl", "en"), default=None, help="taal van het scherm")
    sub = p.add_subparsers(dest="command", metavar="OPDRACHT")

    demo = sub.add_parser("demo", help="schrijf een demodatabase zonder venster")
    demo.add_argument("path", metavar="PAD")

    ho = sub.add_parser("handout", help="schrijf de samenvatting voor de patiënt als PDF")
    src = ho.add_mutually_exclusive_group(required=True)
    src.add_argument("--db", dest="handout_db", metavar="PAD")
    src.add_argument("--demo", dest="handout_demo", action="store_true")
    ho.add_argument("--consultation", default="latest", metavar="ID|latest")
    ho.add_argument("--lang", dest="handout_lang", choices=("nl", "en"), default="nl")
    ho.add_argument("--out", required=True, metavar="BESTAND.pdf")
    return p


def _handout(args) -> int:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.files import write_atomically
    from pgdesk.reports.handout import render_handout
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.repository import Store

    instrument = shipped_instrument(args.handout_lang)
    with tempfile.TemporaryDirectory(prefix="pgdesk-demo-") as tmp:
        if args.handout_demo:
            path = write_demo(Path(tmp) / "demo.sqlite", shipped_instrument("nl"))
        else:
            path = Path(args.handout_db)
            if not path.exists():
                raise PgdeskError(f"De database {path} bestaat niet.")
        with Store.open(path) as store:
            cid = args.consultation
            if cid == "latest":
                cid = store.latest_consultation_id()
                if cid is None:
                    raise PgdeskError("Er staan nog geen gesprekken in deze database.")
            pdf = render_handout(store.view(cid), instrument)
    write_atomically(Path(args.out), pdf)
    print(args.out)
    return 0


def _demo(args) -> int:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.storage.demo import write_demo

    path = Path(args.path)
    if path.exists():
        raise PgdeskError(f"{path} bestaat al; kies een nieuwe bestandsnaam.")
    write_demo(path, shipped_instrument("nl"))
    print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "handout":
            return _handout(args)
        from pgdesk.ui.app import run

        return run(db=args.db, demo=args.demo, lang=args.lang)
    except (PgdeskError, ResourceMissing) as exc:
        print(f"pgdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
