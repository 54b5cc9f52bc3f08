"""What a FHIR export of one conversation holds, as plain data (gathered by
storage.fhir_data, rendered by reports.fhir): the conversation with its referrals, and whether
the practice lets the patient's identity (name, birth date, HIS number) go with it."""

from __future__ import annotations

from dataclasses import dataclass

from pgdesk.domain.documents import SoepData


@dataclass(frozen=True)
class FhirData:
    soep: SoepData  # the conversation, patient, professional, referrals and the ICPC code
    with_identity: bool
    exported_at: str  # UTC instant, as FHIR writes it: 2026-12-01T21:00:00Z
    patient_key: str  # the Patient resource's id: random for each export without identity
