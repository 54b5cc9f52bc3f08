"""`python -m pgdesk` is the same as the `pgdesk` command."""

from pgdesk.cli import main

raise SystemExit(main())
