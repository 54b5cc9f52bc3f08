"""export fhir: one conversation as a FHIR R4 document (JSON), or its whole trajectory as a
collection of them; logged for the patient."""

from __future__ import annotations

from pathlib import Path

from pgdesk.commands.common import existing_db, explained, open_store, server_of, write_logged
from pgdesk.commands.records import consultation_id
from pgdesk.domain.errors import PgdeskError
from pgdesk.storage import driver


def export(args) -> int:
    """Write the document to --out (never over an existing file); the file and its log line
    are written together (common.write_logged). --identity overrides the practice's choice."""
    from pgdesk.domain.content import shipped_instrument
    from pgdesk.reports.fhir import fhir_json
    from pgdesk.storage.fhir_data import FHIR_WHAT, fhir_data, trajectory_data

    server = server_of(args, args.db)
    db = None if server else existing_db(args.db)
    out = Path(args.out)
    if out.exists():
        raise PgdeskError(f"{out} bestaat al; kies een nieuwe bestandsnaam. Er is niets geschreven.")
    identity = None if args.identity is None else args.identity == "met"
    with open_store(db, args.user, server=server) as store:
        cid = consultation_id(store, args.consultation)
        patient_id = store.consultation(cid).patient_id

        def logged() -> dict[Path, bytes]:
            gather = trajectory_data if args.trajectory else fhir_data
            data = fhir_json(gather(store, cid, identity=identity), shipped_instrument("nl"))
            store.record_exported(patient_id, FHIR_WHAT)
            return {out: data}

        try:
            write_logged(store, logged)
        except (OSError, driver.Error) as exc:
            raise explained(exc, "De FHIR-export") from None
    print(out)
    return 0
