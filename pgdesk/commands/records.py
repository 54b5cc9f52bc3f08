"""handout and export: a patient's data out of pgdesk, on purpose, logged; and the
pseudonymised evaluation export (not per patient, so not in a patient's access log)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pgdesk.commands.common import (
    existing_db,
    explained,
    open_store,
    refuse_own_files,
    refuse_own_stdout,
    server_of,
    write_logged,
    write_stdout,
)
from pgdesk.domain.errors import PgdeskError
from pgdesk.storage import driver


def consultation_id(store, wanted: str) -> str:
    """The conversation asked for on the command line; "latest" is the most recent one."""
    if wanted != "latest":
        return wanted
    cid = store.latest_consultation_id()
    if cid is None:
        raise PgdeskError("Er staan nog geen gesprekken in deze database.")
    return cid


def handout(args) -> int:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.handout import handout_pdf
    from pgdesk.storage.demo import write_demo
    from pgdesk.storage.documents import handout_data

    out = Path(args.out)
    if out.is_dir():
        raise PgdeskError(f"{out} is een map; geef de bestandsnaam voor de PDF.")
    instrument = shipped_instrument(args.handout_lang)
    with tempfile.TemporaryDirectory(prefix="pgdesk-demo-") as tmp:
        server = None if args.handout_demo else server_of(args, args.handout_db)
        if args.handout_demo:
            path = write_demo(Path(tmp) / "demo.sqlite", shipped_instrument("nl"))
        elif server:
            path = None
        else:
            path = existing_db(args.handout_db)
            refuse_own_files(out, path)
        with open_store(path, args.user, server=server) as store:
            cid = consultation_id(store, args.consultation)
            pdf = handout_pdf(handout_data(store, cid, instrument), instrument)
            patient_id = store.consultation(cid).patient_id

            def logged() -> dict[Path, bytes]:
                store.record_exported(patient_id, "handout")
                return {out: pdf}

            try:
                write_logged(store, logged)
            except (OSError, driver.Error) as exc:
                raise explained(exc, "De samenvatting opslaan") from None
    print(args.out)
    return 0


def export_patient(args) -> int:
    """Everything about one patient into a new PDF and JSON file in --out (a folder, made if
    needed); the export's log line is committed with the files (common.write_logged)."""
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.patient_export import export_json, render_patient_export
    from pgdesk.storage.patient_rights import export_patient

    server = server_of(args, args.db)
    db = None if server else existing_db(args.db)
    out = Path(args.out)
    stem = f"pgdesk-export-{args.patient[:8]}"
    files = [out / f"{stem}.json", out / f"{stem}.pdf"]
    for target in (out, *files) if db else ():
        refuse_own_files(target, db)
    if out.exists() and not out.is_dir():
        raise PgdeskError(f"{out} bestaat al en is geen map; geef een (nieuwe) map voor de export.")
    for target in files:
        if target.exists():
            raise PgdeskError(f"{target} bestaat al; kies een andere map. Er is niets geschreven.")
    with open_store(db, args.user, server=server) as store:
        store.patient(args.patient)

        def logged() -> dict[Path, bytes]:
            data = export_patient(store, args.patient)  # logs the export (in this transaction)
            return {files[0]: export_json(data),
                    files[1]: render_patient_export(data, shipped_instrument(args.lang))}

        try:
            out.mkdir(parents=True, exist_ok=True)
            write_logged(store, logged)
        except (OSError, driver.Error) as exc:
            raise explained(exc, "De export") from None
    for target in files:
        print(target)
    return 0


def export_evaluation(args) -> int:
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.evaluation import export_evaluation as write_evaluation
    from pgdesk.reports.evaluation import trajectory_path
    from pgdesk.storage.documents import evaluation_data

    server = server_of(args, args.db)
    db = None if server else existing_db(args.db)
    for target in (Path(args.out), trajectory_path(args.out)) if db else ():
        refuse_own_files(target, db)
    with open_store(db, args.user, server=server) as store:
        instrument = shipped_instrument("nl")
        paths = write_evaluation(evaluation_data(store, instrument), instrument, Path(args.out))
    for path in paths:
        print(path)
    return 0


def soep(args) -> int:
    """The journal text (SOEP) of one conversation on stdout; logged as an export for the patient."""
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.soep import MIN_WIDTH, render_soep
    from pgdesk.storage.documents import soep_data

    if args.width < MIN_WIDTH:
        raise PgdeskError(f"Kies een regelbreedte van minstens {MIN_WIDTH} tekens.")
    server = server_of(args, args.db)
    db = None if server else existing_db(args.db)
    if db:
        refuse_own_stdout(db)
    with open_store(db, args.user, server=server) as store:
        cid = consultation_id(store, args.consultation)
        patient_id = store.consultation(cid).patient_id
        text = render_soep(soep_data(store, cid), shipped_instrument("nl"), width=args.width)
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="replace")  # a console that lacks a letter shows '?'
        try:
            # the log line is committed only once the text is out (a full disk undoes it)
            with store.db.atomic():
                store.record_exported(patient_id, "soep")
                write_stdout(text + "\n")
        except (OSError, driver.Error) as exc:
            raise explained(exc, "De SOEP-tekst schrijven") from None
    return 0
