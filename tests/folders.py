"""Folders of fictional filings for the run tests: many files whose findings differ."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLE, LAKESHORE


def filing_folder(folder: Path, count: int) -> list[Path]:
    """``count`` fictional filings in ``folder`` (and a sub-folder), each with its own fee.

    The bundled example and the Lakeshore filing, with the stated fee varied so that
    some files are right and most are wrong by a different amount, plus one file that
    is not a filing at all (an input error) and one in Windows-1252 (an FL001 note).
    """
    example = EXAMPLE.read_text(encoding="utf-8")
    lakeshore = LAKESHORE.read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        sub = folder / ("b" if number % 3 == 0 else "a")
        sub.mkdir(parents=True, exist_ok=True)
        if number % 2:
            text = example.replace("$1,400.00", f"$1,{390 + number % 13:03d}.00", 1)
            path = sub / f"example-{number:03d}.txt"
        else:
            text = lakeshore
            path = sub / f"lakeshore-{number:03d}.txt"
        data = text.encode("utf-8")
        if number % 7 == 3:
            data = data.replace(b"Exhibit", b"Exhibit\x93", 1)  # not UTF-8: read as cp1252
        path.write_bytes(data)
        paths.append(path)
    binary = folder / "a" / "zz-picture.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    paths.append(binary)
    return paths
