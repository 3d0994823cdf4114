"""Writing a file the user named: an output report, a baseline, a fixed filing.

The rules, one for every writer (``--output-file``, ``--write-baseline``, ``--fix``):

- A symbolic link is written *through*: the file it names gets the new content and the
  link stays a link (a dangling link creates the file it names). This is what a shell
  redirection does, and what a user who links ``report.sarif`` somewhere expects.
- A regular file is replaced atomically: the new bytes go to a temporary file in the
  same folder, are flushed to disk, get the old file's permission bits (and owner, when
  allowed), and are renamed over it; a reader never sees half a file. A hard link to the
  old file keeps the old content (the rename makes a new file).
- Anything else that exists (a device such as ``/dev/null``, a FIFO) is never renamed
  over: it is written in place, as ``> /dev/null`` would be, or refused where the caller
  says only a regular file will do (``--fix``). A directory is refused.
- Every OS error becomes ``WriteError`` with one line naming the path; the caller
  prints it and exits 2.
- No temporary file survives: on Linux the bytes are written to an unnamed file
  (``O_TMPFILE``) that only gets a name for the instant between ``link`` and ``rename``,
  so a process killed while writing leaves nothing. Where that is not available, or in
  that instant, the temporary name is recognisable (``.NAME.filinglint-tmp.HOST.PID.R``)
  and the next write into that folder removes those whose process (on this host) is
  gone; an error removes its own at once.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import zlib

TEMP_MARK = ".filinglint-tmp."
_cleaned: set[str] = set()  # folders already swept for stale temporary files


class WriteError(Exception):
    """A file that could not be written; the message is one line naming it."""


def write_file(
    path: str, data: bytes, *, regular_only: bool = False, make_parents: bool = False
) -> None:
    """Write ``data`` to ``path`` following the module's rules, or raise WriteError."""
    try:
        info: os.stat_result | None = os.stat(path)  # follows symbolic links
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({_reason(exc)})") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError(f"{path}: cannot write (is a directory)")
    if info is not None and not stat.S_ISREG(info.st_mode):
        if regular_only:
            raise WriteError(f"{path}: not a regular file; not written")
        _write_in_place(path, data)
        return
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        if make_parents and info is None:
            os.makedirs(folder, exist_ok=True)
        _sweep(folder)
        _replace(target, data, info)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({_reason(exc)})") from None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _write_in_place(path: str, data: bytes) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({_reason(exc)})") from None


def _node() -> str:
    """This host, short: a folder on a network drive may hold other hosts' files."""
    return f"{zlib.crc32(os.uname().nodename.encode()):08x}" if hasattr(os, "uname") else "0"


def temporary_name(target: str) -> str:
    folder, name = os.path.split(target)
    token = secrets.token_hex(4)
    return os.path.join(folder, f".{name}{TEMP_MARK}{_node()}.{os.getpid()}.{token}")


def _sweep(folder: str) -> None:
    """Remove temporary files left in ``folder`` by a filinglint process that is gone."""
    if folder in _cleaned:
        return
    _cleaned.add(folder)
    node = _node()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if TEMP_MARK not in entry.name:
            continue
        fields = entry.name.rsplit(TEMP_MARK, 1)[1].split(".")
        if len(fields) != 3 or fields[0] != node or not fields[1].isdigit():
            continue
        if _alive(int(fields[1])):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _replace(target: str, data: bytes, info: os.stat_result | None) -> None:
    """Atomically make ``target`` hold ``data`` (see the module docstring)."""
    folder = os.path.dirname(target)
    temporary = temporary_name(target)
    descriptor = _unnamed(folder)
    named = descriptor is None
    if descriptor is None:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            _write_all(descriptor, data)
            if info is not None:
                os.fchmod(descriptor, stat.S_IMODE(info.st_mode))
                if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(OSError):
                        os.fchown(descriptor, info.st_uid, info.st_gid)
            os.fsync(descriptor)
            if not named:
                _name(descriptor, temporary)
                named = True
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
        named = False
    finally:
        if named:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _unnamed(folder: str) -> int | None:
    """An unnamed file in ``folder`` (Linux ``O_TMPFILE``), or None where unsupported."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o666)
    except OSError:
        return None  # the file system cannot; a named temporary file will do


def _name(descriptor: int, temporary: str) -> None:
    """Give the unnamed file a name: ``linkat`` following ``/proc/self/fd/N``.

    ``os.link`` calls plain ``link()``, which does not follow the magic link, unless a
    ``src_dir_fd`` is given; the folder's descriptor serves (the source is absolute).
    """
    folder = os.open(os.path.dirname(temporary) or ".", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{descriptor}", temporary, src_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]
