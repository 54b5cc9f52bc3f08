"""Entry point of the frozen app (PyInstaller): the same as the `pgdesk` command."""

import sys

from pgdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
