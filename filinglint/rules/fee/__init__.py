"""Rules of the fees family."""
