"""Benchmarks that hold pgdesk to its speed targets (`make bench`; never part of the tests).

Every figure is printed next to its floor, measured in the same run on the same machine:
start against a bare PySide6 window, the web against a bare painted polygon, the handout
against a bare reportlab page, search against the bare full-text query, memory against a
bare PySide6 window. `bench/results.json` gets the latest figures.
"""
