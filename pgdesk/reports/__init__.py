"""Printable output for the patient (the take-home handout), built with reportlab only."""

from pgdesk.reports import lazy_regex

lazy_regex.install()  # before any report imports reportlab
