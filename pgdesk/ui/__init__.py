"""The Qt user interface: windows, pages and widgets on top of domain, storage and reports."""
