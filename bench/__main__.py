"""`python -m bench` runs every benchmark (see bench/run.py)."""

import sys

from bench.run import main

sys.exit(main())
