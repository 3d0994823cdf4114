"""Per-rule case files with snapshots, and every rule's documented Example, as tests."""
