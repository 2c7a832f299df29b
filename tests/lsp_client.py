"""A small JSON-RPC client that drives ``guidelint server`` over stdio, as an editor does."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class LspClient:
    def __init__(self, *args: str, cwd: str | os.PathLike | None = None):
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.proc = subprocess.Popen([sys.executable, "-m", "lint", "server", *args], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []
        self.responses: dict[int, dict] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 30) -> dict:
        self.next_id += 1
        number = self.next_id
        self.send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        self._pump(lambda: number in self.responses, timeout, method)
        response = self.responses.pop(number)
        assert "error" not in response, response
        return response.get("result")

    def _pump(self, done, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no answer to {what} in {timeout} s")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise ConnectionError(f"the server exited: {self.proc.stderr.read().decode(errors='replace')}")
            if "id" in message and "method" in message:  # a request from the server
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                self.notifications.append(message)
            elif "id" in message:
                self.responses[message["id"]] = message
            else:
                self.notifications.append(message)

    def diagnostics(self, uri: str, after: int = 0, timeout: float = 30, version: int | None = None) -> list[dict]:
        """The diagnostics of the next publication for ``uri`` past the ``after``-th message
        (of ``version`` when given)."""
        def found():
            for message in self.notifications[after:]:
                params = message.get("params") or {}
                if (message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri
                        and (version is None or params.get("version") == version)):
                    return params
            return None
        self._pump(lambda: found() is not None, timeout, f"diagnostics of {uri}")
        return found()["diagnostics"]

    def mark(self) -> int:
        return len(self.notifications)

    def initialize(self, root: str | os.PathLike, options: dict | None = None, capabilities: dict | None = None):
        result = self.request("initialize", {
            "processId": os.getpid(), "rootUri": Path(root).as_uri(),
            "capabilities": capabilities or {}, "initializationOptions": options or {}})
        self.notify("initialized", {})
        return result

    def close(self) -> int:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            return self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
            raise
        finally:
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                try:
                    stream.close()
                except OSError:
                    pass
