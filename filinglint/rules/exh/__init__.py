"""Rules of the exhibits family."""
