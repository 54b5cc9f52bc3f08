"""Headless command-line commands; none of them imports Qt."""
