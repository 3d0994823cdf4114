"""Allow ``python -m filinglint`` to behave exactly like the console script."""

from filinglint.cli import main

raise SystemExit(main())
