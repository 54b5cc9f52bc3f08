"""The evaluation export's rows as mappings of column name to value, for tests that look at
single cells (the export itself streams lists in column order, patient by patient)."""

from __future__ import annotations

from pgdesk.reports import evaluation as ev
from pgdesk.storage.evaluation_sql import patient_rows


def both(store, instrument, *, key_salt: bytes) -> tuple[list[dict], list[dict]]:
    """(conversation rows, trajectory rows), in the order of their files."""
    conversations, trajectories = [], []
    c_cols, t_cols = ev.consultation_columns(instrument), ev.trajectory_columns(instrument)
    for rows, finished in patient_rows(store, instrument, key_salt=key_salt):
        conversations += [dict(zip(c_cols, r, strict=True)) for r in rows]
        trajectories += [dict(zip(t_cols, r, strict=True)) for r in finished]
    return conversations, trajectories


def consultation_rows(store, instrument, *, key_salt: bytes) -> list[dict]:
    return both(store, instrument, key_salt=key_salt)[0]


def trajectory_rows(store, instrument, *, key_salt: bytes) -> list[dict]:
    return both(store, instrument, key_salt=key_salt)[1]
