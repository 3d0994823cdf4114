"""Progress of a scan on stderr: a bar on a terminal, a plain line now and then otherwise."""

from __future__ import annotations

import time


class Progress:
    """``bar``: one redrawn line (files, files/s, ETA, findings); ``lines``: the same facts
    on a new line every ``interval`` seconds (logs, CI); ``off``: nothing."""

    WIDTH = 28

    def __init__(self, stream, mode: str, total: int, already: int, interval: float) -> None:
        self.stream = stream
        self.mode = mode
        self.total = total
        self.already = already  # files done by an earlier run (resume): not in the rate
        self.interval = interval
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def update(self, summary) -> None:
        if self.mode == "off":
            return
        now = time.monotonic()
        if self.mode == "lines" and now - self.last < self.interval and summary.files < self.total:
            return
        if self.mode == "bar" and now - self.last < 0.1 and summary.files < self.total:
            return
        self.last = now
        text = self.describe(summary, now - self.started)
        if self.mode == "bar":
            self.stream.write("\r\x1b[K" + text)
            self.drawn = True
        else:
            self.stream.write(f"filinglint scan: {text}\n")
        self.stream.flush()

    def describe(self, summary, elapsed: float) -> str:
        done = summary.files
        fresh = done - self.already
        rate = fresh / elapsed if elapsed > 0 else 0.0
        left = self.total - done
        eta = _duration(left / rate) if rate > 0 else "?"
        share = done / self.total if self.total else 1.0
        text = (
            f"{done}/{self.total} files ({share:.0%}), {rate:.1f} files/s, ETA {eta},"
            f" {summary.findings} findings"
        )
        if self.mode == "bar":
            filled = int(share * self.WIDTH)
            text = "[" + "#" * filled + "." * (self.WIDTH - filled) + "] " + text
        return text

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
