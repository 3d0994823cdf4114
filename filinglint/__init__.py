"""filinglint: a fast, exact linter for SEC EDGAR filings."""

__version__ = "0.1.0"
