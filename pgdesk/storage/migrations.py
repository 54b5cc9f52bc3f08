"""Numbered schema migrations (sqlite-utils Migrations); each one runs all-or-nothing."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("pgdesk")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["professionals"].create(
        {"id": str, "name": str, "role": str, "created_at": str}, pk="id", not_null={"name", "role"}
    )
    db["patients"].create(
        {"id": str, "display_name": str, "birth_date": str, "practice_number": str,
         "search_name": str, "created_at": str, "updated_at": str},
        pk="id", not_null={"display_name"},
    )
    db["patients"].create_index(["practice_number"])
    # search_name is the display name in NFKC form (the ligature Ĳ becomes IJ), so what
    # people type on any keyboard finds the patient.
    db["patients"].enable_fts(
        ["search_name", "practice_number"], create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )
    db["consultations"].create(
        {"id": str, "patient_id": str, "professional_id": str, "date": str, "type": str,
         "step": str, "wheel_index": int, "created_at": str, "updated_at": str,
         "completed_at": str},
        pk="id", not_null={"patient_id", "date", "type"},
        foreign_keys=[("patient_id", "patients", "id"), ("professional_id", "professionals", "id")],
        defaults={"step": "web", "wheel_index": 0},
    )
    db["consultations"].create_index(["patient_id", "date"])
    fk = [("consultation_id", "consultations", "id")]
    db["dimension_scores"].create(
        {"consultation_id": str, "dimension_id": str, "score": int},
        pk=("consultation_id", "dimension_id"), foreign_keys=fk,
    )
    db["aspect_scores"].create(
        {"consultation_id": str, "dimension_id": str, "aspect_id": str, "score": int},
        pk=("consultation_id", "dimension_id", "aspect_id"), foreign_keys=fk,
    )
    # "hier wil ik over praten" (kind='talk') and the chosen focus (kind='focus');
    # aspect_id '' marks the whole dimension.
    db["marks"].create(
        {"consultation_id": str, "kind": str, "dimension_id": str, "aspect_id": str},
        pk=("consultation_id", "kind", "dimension_id", "aspect_id"), foreign_keys=fk,
    )
    db["wheel_answers"].create(
        {"consultation_id": str, "step_id": str, "answer": str},
        pk=("consultation_id", "step_id"), foreign_keys=fk,
    )
    db["plans"].create(
        {"consultation_id": str, "goal": str, "first_step": str, "helper": str, "when": str,
         "next_appointment": str},
        pk="consultation_id", foreign_keys=fk,
    )


@migrations(name="0002_access_log")
def m0002_access_log(db: Database) -> None:
    from pgdesk.storage.access_log import create_table

    create_table(db)


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]
