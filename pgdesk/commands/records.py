"""handout and export: a patient's data out of pgdesk, on purpose, logged; and the
pseudonymised evaluation export (not per patient, so not in a patient's access log)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pgdesk.commands.common import existing_db, open_store
from pgdesk.domain.errors import PgdeskError


def handout(args) -> int:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.files import write_atomically
    from pgdesk.reports.handout import stored_handout
    from pgdesk.storage.demo import write_demo

    instrument = shipped_instrument(args.handout_lang)
    with tempfile.TemporaryDirectory(prefix="pgdesk-demo-") as tmp:
        if args.handout_demo:
            path = write_demo(Path(tmp) / "demo.sqlite", shipped_instrument("nl"))
        else:
            path = existing_db(args.handout_db)
        with open_store(path, args.user) as store:
            cid = args.consultation
            if cid == "latest":
                cid = store.latest_consultation_id()
                if cid is None:
                    raise PgdeskError("Er staan nog geen gesprekken in deze database.")
            pdf = stored_handout(store, cid, instrument)
            write_atomically(Path(args.out), pdf)
            store.record_exported(store.consultation(cid).patient_id, "handout")
    print(args.out)
    return 0


def export_patient(args) -> int:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.files import write_atomically
    from pgdesk.reports.patient_export import export_json, render_patient_export
    from pgdesk.storage.patient_rights import export_patient

    out = Path(args.out)
    with open_store(existing_db(args.db), args.user) as store:
        store.patient(args.patient)
        data = export_patient(store, args.patient)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"pgdesk-export-{args.patient[:8]}"
    write_atomically(out / f"{stem}.json", export_json(data))
    write_atomically(out / f"{stem}.pdf", render_patient_export(data, shipped_instrument(args.lang)))
    print(out / f"{stem}.json")
    print(out / f"{stem}.pdf")
    return 0


def export_evaluation(args) -> int:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.evaluation import export_evaluation as write_evaluation

    with open_store(existing_db(args.db), args.user) as store:
        paths = write_evaluation(store, shipped_instrument("nl"), Path(args.out))
    for path in paths:
        print(path)
    return 0


def soep(args) -> int:
    """The journal text (SOEP) of one conversation on stdout; logged as an export for the patient."""
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.soep import MIN_WIDTH, soep_for

    if args.width < MIN_WIDTH:
        raise PgdeskError(f"Kies een regelbreedte van minstens {MIN_WIDTH} tekens.")
    with open_store(existing_db(args.db), args.user) as store:
        cid = args.consultation
        if cid == "latest":
            cid = store.latest_consultation_id()
            if cid is None:
                raise PgdeskError("Er staan nog geen gesprekken in deze database.")
        patient_id = store.consultation(cid).patient_id
        text = soep_for(store, cid, shipped_instrument("nl"), width=args.width)
        store.record_exported(patient_id, "soep")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a console that lacks a letter shows '?'
    print(text)
    return 0
