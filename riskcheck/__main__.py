"""``python -m riskcheck``: the console entry point (riskcheck/cli_check.py; plain checks skip click)."""

from .cli_check import main

main()
