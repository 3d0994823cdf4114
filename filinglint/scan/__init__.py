"""``filinglint scan``: sweep a corpus into Parquet tables; ``filinglint report``: an HTML page.

``inputs`` finds the files, ``run`` plans batches and drives a process pool or
dask.distributed, ``task`` is the function every worker runs, ``facts`` takes the
numbers the rules read from the AST, ``tables`` defines and writes the Parquet/JSON
Lines parts, ``progress`` prints, ``agents`` names filing agents and ``report`` draws
the HTML page. See ``docs/scan.md``.
"""
