"""instruments and paper-web: which variants and languages there are (and whether a native
speaker has checked each translation), and a blank web to fill in on paper in any of them."""

from __future__ import annotations

from pathlib import Path

from pgdesk.domain.errors import PgdeskError


def instruments(args) -> int:
    from pgdesk.domain.content import HANDOUT_LANGUAGES, instrument_codes, shipped_instrument

    for code in instrument_codes():
        inst = shipped_instrument(code)
        use = "samenvatting, leeg web" if code in HANDOUT_LANGUAGES else "variant"
        if code.startswith("nl"):
            use = "variant" + (", samenvatting" if code in HANDOUT_LANGUAGES else "")
        checked = ("" if inst.reviewed else "NIET ") + "nagekeken door moedertaalspreker"
        print(f"{code:<14} {inst.label or inst.title:<36} {use:<24} {checked}; "
              f"door {inst.author or '?'}")
    return 0


def paper_web(args) -> int:
    from pgdesk.domain.content import instrument_codes, shipped_instrument
    from pgdesk.reports.handout_layout import paper_name
    from pgdesk.reports.paper_web import render_paper_web

    if args.paper_language not in instrument_codes():
        raise PgdeskError(f"Onbekende taal: '{args.paper_language}'. Kies uit "
                          f"{', '.join(instrument_codes())}.")
    try:
        paper = paper_name(args.paper)
    except ValueError:
        raise PgdeskError(f"Onbekend papierformaat: '{args.paper}'. Kies A4 of A5.") from None
    out = Path(args.out)
    if out.is_dir():
        raise PgdeskError(f"{out} is een map; geef de bestandsnaam voor de PDF.")
    pdf = render_paper_web(shipped_instrument(args.paper_language), paper=paper,
                           large_print=args.large_print)
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        raise PgdeskError(f"Het lege spinnenweb opslaan lukt niet: {exc.strerror or exc}") from None
    print(args.out)
    return 0
