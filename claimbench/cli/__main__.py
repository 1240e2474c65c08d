"""``python -m claimbench.cli ...`` runs the command line."""
import sys

from claimbench.cli import main

sys.exit(main())
