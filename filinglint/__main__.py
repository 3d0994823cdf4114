"""Allow ``python -m filinglint`` to behave exactly like the console script."""

from filinglint.cli import main

if __name__ == "__main__":  # not when a spawned worker (dask) imports it
    raise SystemExit(main())
