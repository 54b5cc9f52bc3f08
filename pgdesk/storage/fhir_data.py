"""Gathers one conversation for the FHIR export, and the practice's choice whether the patient's
identity goes with it (Praktijk setting; without identity by default: what is not needed
elsewhere does not leave)."""

from __future__ import annotations

import datetime as dt
import uuid

from pgdesk.domain.fhir_export import FhirData
from pgdesk.storage.documents import soep_data
from pgdesk.storage.repository import Store

IDENTITY_SETTING = "fhir_identity"  # "met" or "zonder"
FHIR_WHAT = "fhir"  # the access log's 'what' of a FHIR export


def with_identity(store: Store) -> bool:
    return store.setting(IDENTITY_SETTING, "zonder") == "met"


def set_with_identity(store: Store, value: bool) -> None:
    store.set_setting(IDENTITY_SETTING, "met" if value else "zonder")


def fhir_data(store: Store, consultation_id: str, *, identity: bool | None = None,
              patient_key: str | None = None) -> FhirData:
    """The export's data; `identity` None: as the practice chose. Not logged: the caller logs
    the export with the file (store.record_exported(patient_id, FHIR_WHAT))."""
    soep = soep_data(store, consultation_id)
    identity = with_identity(store) if identity is None else identity
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    # Without identity even pgdesk's own id of the patient stays home: a new one each time.
    key = soep.view.patient.id if identity else patient_key or str(uuid.uuid4())
    return FhirData(soep, identity, now, key)


def trajectory_data(store: Store, consultation_id: str, *, identity: bool | None = None
                    ) -> list[FhirData]:
    """Every conversation of this conversation's trajectory, oldest first (only this one when
    it belongs to none), with one Patient id for them all."""
    row = store.db.execute("SELECT trajectory_id FROM consultations WHERE id = ?",
                           [consultation_id]).fetchone()
    ids = [consultation_id]
    if row is not None and row[0]:
        ids = [r[0] for r in store.db.execute(
            "SELECT id FROM consultations WHERE trajectory_id = ? ORDER BY date, created_at",
            [row[0]])]
    first = fhir_data(store, ids[0], identity=identity)
    return [first] + [fhir_data(store, cid, identity=first.with_identity,
                                patient_key=first.patient_key) for cid in ids[1:]]
