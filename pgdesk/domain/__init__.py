"""Plain-Python core of pgdesk: the instrument, scores, the consultation. Imports no Qt."""
