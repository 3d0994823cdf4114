"""Rules of the cover family."""
