"""pgdesk: the Positieve Gezondheid conversation at the consulting desk."""

__version__ = "0.1.0"
