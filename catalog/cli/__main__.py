"""`python -m catalog.cli …` runs the `catalog` command."""
from catalog.cli import main

main()
