"""The query layer: the derived facts rules need, computed from the AST alone.

Readers build the AST and export nothing to rules; rules read nodes and ask these
modules for what a node implies (Item 12's list, the index, what a marker means,
whether an exhibit is filed herewith, the main document of a submission, the
submission type a fee exhibit is checked against, a fee exhibit's rows and facts).
Every function is pure: AST (and, where a rule option stands in for the header, the
rule's context) in, a value out.
"""
