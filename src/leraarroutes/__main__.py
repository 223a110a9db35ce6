"""``python -m leraarroutes`` runs the command line."""

import sys

from leraarroutes.cli import main

sys.exit(main())
