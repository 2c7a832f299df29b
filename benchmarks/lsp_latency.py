"""How long `guidelint server` takes to publish new diagnostics after an edit (issue #17:
at most 150 ms on a 500-line guide after the debounce).

    .venv/bin/python benchmarks/lsp_latency.py              # 40 edits
    .venv/bin/python benchmarks/lsp_latency.py --edits 100

The guide is the first 500 lines of a real Finnish translation of ``../shared/corpus``
(``email_roundcube``, whose en-gb source is opened too, so the cross-locale rules compare
with a buffer), or a synthetic 500-line guide when the corpus is absent. The server runs
with the debounce set to 0, so each figure is the time from sending ``didChange`` to
receiving the ``publishDiagnostics`` of that version: the check plus the JSON-RPC round trip,
which is what a user waits for once the debounce has passed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the tests' small LSP client

from lsp_client import LspClient  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ovh-docs" / "pages" / "web" / "emails" / "email_roundcube"
LINES = 500


def build(folder: Path) -> tuple[Path, Path | None, str]:
    """(translation, its source or None, what they are) written under ``folder``."""
    guides = folder / "pages" / "web" / "emails" / "guide"
    guides.mkdir(parents=True)
    shutil.copy(ROOT / "examples" / ".guidelint.yaml", folder / ".guidelint.yaml")
    if (CORPUS / "guide.fi-fi.md").is_file():
        text = (CORPUS / "guide.fi-fi.md").read_bytes().decode("utf-8")
        lines = text.splitlines(keepends=True)[:LINES]
        (guides / "guide.fi-fi.md").write_bytes("".join(lines).encode("utf-8"))
        shutil.copy(CORPUS / "guide.en-gb.md", guides / "guide.en-gb.md")
        return guides / "guide.fi-fi.md", guides / "guide.en-gb.md", f"corpus email_roundcube fi-fi, first {LINES} lines"
    body = (ROOT / "tests" / "data" / "lsp" / "pages" / "web" / "emails" / "phone" / "guide.fi-fi.md")
    lines = body.read_bytes().decode("utf-8").splitlines(keepends=True)
    head, rest = lines[:5], lines[5:]
    out = list(head)
    while len(out) < LINES:
        out.extend(rest)
    (guides / "guide.fi-fi.md").write_bytes("".join(out[:LINES]).encode("utf-8"))
    return guides / "guide.fi-fi.md", None, f"synthetic {LINES}-line guide (no corpus)"


def open_doc(client: LspClient, path: Path) -> tuple[str, str]:
    text = path.read_bytes().decode("utf-8")
    mark = client.mark()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": path.as_uri(), "languageId": "markdown", "version": 1, "text": text}})
    client.diagnostics(path.as_uri(), mark, timeout=120, version=1)
    return path.as_uri(), text


def edit_line(text: str) -> int:
    """A prose line in the middle of the guide, where a translator types."""
    lines = text.splitlines()
    middle = len(lines) // 2
    for i in list(range(middle, len(lines))) + list(range(0, middle)):
        if len(lines[i]) > 20 and lines[i][0].isalpha():
            return i
    return middle


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux): the server's own work, whatever the load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summary(name: str, times: list[float], cpu: float | None) -> str:
    times = sorted(times)
    p90 = times[int(0.9 * (len(times) - 1))]
    used = f"   server CPU {cpu / len(times) * 1000:5.1f} ms/edit" if cpu is not None else ""
    return (f"{name:<38} median {statistics.median(times) * 1000:6.1f} ms   p90 {p90 * 1000:6.1f} ms   "
            f"max {times[-1] * 1000:6.1f} ms   ({len(times)} edits){used}")


def time_edits(client, uri: str, text: str, edits: int, also: str | None = None):
    """Type a letter at the end of a prose line and delete it, ``edits`` times after five that
    warm the caches: the seconds from each change to its diagnostics (and ``also``'s), and the
    server's CPU for them."""
    line = edit_line(text)
    row = text.splitlines()[line]
    times, version, cpu = [], 1, 0.0
    for i in range(edits + 5):
        version += 1
        typed = i % 2 == 0
        change = {"range": {"start": {"line": line, "character": len(row)},
                            "end": {"line": line, "character": len(row) + (0 if typed else 1)}},
                  "text": "x" if typed else ""}
        mark = client.mark()
        c0, t0 = cpu_seconds(client.proc.pid), time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [change]})
        client.diagnostics(uri, mark, version=version)
        if also is not None:
            client.diagnostics(also, mark)
        if i >= 5:
            times.append(time.perf_counter() - t0)
            cpu = None if c0 is None else cpu + cpu_seconds(client.proc.pid) - c0
    return times, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        guide, source, what = build(folder)
        client = LspClient(cwd=folder)
        client.initialize(folder, {"debounce": 0})
        started = time.perf_counter()
        uri, text = open_doc(client, guide)
        print(f"guide: {what}; {len(text.splitlines())} lines, {len(text)} characters")
        print(f"first check (loads dictionaries)   {(time.perf_counter() - started) * 1000:6.1f} ms")
        source_uri = None
        if source is not None:
            source_uri, source_text = open_doc(client, source)
        times, cpu = time_edits(client, uri, text, args.edits)
        print(summary("translation edited -> its diagnostics", times, cpu))
        if source_uri is not None:
            # the open translation is re-checked against the edited source too
            times, cpu = time_edits(client, source_uri, source_text, args.edits, also=uri)
            print(summary("source edited -> source's and translation's", times, cpu))
        client.close()
    print(f"load average during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print("target: <= 150 ms after the debounce for the translation's own update")
    return 0


if __name__ == "__main__":
    sys.exit(main())
