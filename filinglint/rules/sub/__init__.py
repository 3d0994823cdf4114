"""Rules about a whole EDGAR submission: its header against its documents."""
