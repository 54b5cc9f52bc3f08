"""Printable output for the patient (the take-home handout), built with reportlab only."""
