"""Reading, grammar, AST, engine and diagnostics: the pipeline every rule relies on."""
