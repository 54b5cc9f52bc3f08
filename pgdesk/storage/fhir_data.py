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


def fhir_data(store: Store, consultation_id: str, *, identity: bool | None = None) -> FhirData:
    """The export's data; `identity` None: as the practice chose. Not logged: the caller logs
    the export with the file (store.record_exported(patient_id, FHIR_WHAT))."""
    soep = soep_data(store, consultation_id)
    identity = with_identity(store) if identity is None else identity
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    # Without identity even pgdesk's own id of the patient stays home: a new one each time.
    key = soep.view.patient.id if identity else str(uuid.uuid4())
    return FhirData(soep, identity, now, key)
