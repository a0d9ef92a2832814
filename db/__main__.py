"""`python -m db ...`: the entry point other tools call; the commands themselves live in the cli package."""
import sys

from cli import main

sys.exit(main())
