"""Patiëntmodus: the patient fills in the web on the practice's screen, locked to that patient
(issue 17). `mode.PatientMode` is what the main window shows; the screens live beside it."""
