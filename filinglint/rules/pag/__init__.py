"""Rules on the pages of an ASCII filing (page breaks and printed page numbers)."""
