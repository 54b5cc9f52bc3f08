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

from importlib import import_module

# Each name is imported from its module on first use (PEP 562): every room's patient list asks
# only `taken_along` at start, and need not wait for the file format, the merge and the rest.
_MODULE_OF = {
    "apply_transfer": "apply",
    "TakenAlong": "away", "taken_along": "away", "all_taken_along": "away",
    "export_bring_back": "export", "export_take_along": "export",
    "FORMAT": "fileformat", "MAGIC": "fileformat", "VERSION": "fileformat",
    "NewerTransferVersion": "fileformat", "NotATransferFile": "fileformat",
    "TransferChanged": "fileformat", "TransferDamaged": "fileformat",
    "TransferError": "fileformat", "WrongPractice": "fileformat",
    "WrongTransferPassphrase": "fileformat", "seal": "fileformat", "unseal": "fileformat",
    "ImportPlan": "plan", "PatientPlan": "plan", "ReplayedTransfer": "plan",
    "preview_transfer": "plan",
    "TransferSummary": "records", "patient_entry": "records",
    "BroughtAlong": "removal", "PracticeHere": "removal", "SeveralPractices": "removal",
    "UnsentChanges": "removal", "brought_along": "removal", "conflict_copies": "removal",
    "find_practice": "removal", "is_brought_along": "removal", "practices_here": "removal",
    "remove_brought_along": "removal",
}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    globals()[name] = value  # once: later uses find it as a plain attribute
    return value
