"""Home visits: take patients along on a laptop, and bring what changed back to the practice.

Functions over a Store, like patient_rights and social_map, in one module per role:
fileformat (the sealed file), records (a patient's records and the bookkeeping tables), export
(writing files), payload (checking what was read), plan (preview and merge), apply (writing a
plan) and removal (the brought-along patients on the laptop). The file format is described in
docs/transfer-format.md; the merge rules live in pgdesk.domain.transfer.

- ``export_take_along`` (practice): the chosen patients' whole records in one encrypted file.
- ``preview_transfer`` + ``apply_transfer`` (laptop and practice): read a file, show what would
  change (``ImportPlan.summary_lines``), let the user resolve conflicts, then write it all or
  nothing. A preview never writes.
- ``export_bring_back`` (laptop): what changed since the take-along, for the practice it came from.
- ``taken_along`` (practice): which patients are on a laptop now, for every room to show.
- ``remove_brought_along`` (laptop): erase the brought-along patients securely afterwards.

A transfer file is sealed with AES-256-GCM under a key derived by Argon2id from a passphrase
chosen for the transfer (the KDF of keyring.py). Its clear header (magic, version, KDF
parameters, salt, nonce, length) is the associated data, so any change to any byte is detected.
The file is written whole beside its target and renamed into place; nothing is written in clear.

Every transfer writes access-log lines (what ``transfer``): E per patient when a file is made,
C/U per patient when one is read, D when a brought-along patient is removed.
"""

from pgdesk.storage.transfer.apply import apply_transfer
from pgdesk.storage.transfer.away import TakenAlong, all_taken_along, taken_along
from pgdesk.storage.transfer.export import export_bring_back, export_take_along
from pgdesk.storage.transfer.fileformat import (
    FORMAT,
    MAGIC,
    VERSION,
    NewerTransferVersion,
    NotATransferFile,
    TransferChanged,
    TransferDamaged,
    TransferError,
    WrongPractice,
    WrongTransferPassphrase,
    seal,
    unseal,
)
from pgdesk.storage.transfer.plan import ImportPlan, PatientPlan, ReplayedTransfer, preview_transfer
from pgdesk.storage.transfer.records import TransferSummary, patient_entry
from pgdesk.storage.transfer.removal import (
    BroughtAlong,
    PracticeHere,
    SeveralPractices,
    UnsentChanges,
    brought_along,
    conflict_copies,
    find_practice,
    is_brought_along,
    practices_here,
    remove_brought_along,
)

__all__ = [
    "FORMAT", "VERSION", "MAGIC", "BroughtAlong", "TakenAlong", "taken_along", "ImportPlan",
    "NewerTransferVersion", "all_taken_along",
    "NotATransferFile", "PatientPlan", "PracticeHere", "ReplayedTransfer", "SeveralPractices",
    "TransferChanged", "TransferDamaged", "TransferError", "TransferSummary", "UnsentChanges",
    "WrongPractice", "WrongTransferPassphrase", "apply_transfer", "brought_along",
    "conflict_copies", "export_bring_back", "export_take_along", "find_practice",
    "is_brought_along", "patient_entry", "practices_here", "preview_transfer",
    "remove_brought_along", "seal", "unseal",
]
