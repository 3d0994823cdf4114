"""Rules, one per module, grouped by family; discovered by ``linter.registry``."""
