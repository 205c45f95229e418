#!/usr/bin/env python3
"""Speak LSP to a clangd over stdio and print what an editor would show.

  lsp_client.py <clangd> <source-file> [-- <compile flags>]

Opens <source-file> in a scratch workspace (compile_flags.txt from the given
flags, a .clangd enabling coop-* with FastCheckFilter: Loose, exactly as
docs/editors.md tells users), waits for publishDiagnostics, asks for the code
actions of every diagnostic, and prints one line per diagnostic and action:

  diagnostic <line>:<col>-<line>:<col> [<code>] <severity>: <message>
  action "<title>" for [<code>]: <line>:<col>-<line>:<col> => "<new text>"

Positions are 1-based like the compiler's, so FileCheck lines read the same
as in the other checker tests. Exits non-zero if clangd misbehaves.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import queue

SEVERITY = {1: "error", 2: "warning", 3: "information", 4: "hint"}
TIMEOUT = 120  # seconds; generous for a loaded 2-core CI machine


class Client:
    def __init__(self, command, cwd, env):
        # clangd's log, shown only when it dies: a crash's stack trace is the
        # one thing a failing test must not hide.
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=self.log, cwd=cwd, env=env)
        self.next_id = 0
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(out.read(length)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                   "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and
                         "method" not in m)["result"]

    def wait(self, predicate):
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except queue.Empty:
                sys.exit("lsp_client: timed out waiting for clangd")
            if message is None:
                self.log.seek(0)
                tail = self.log.read().decode(errors="replace").splitlines()[-60:]
                sys.exit("lsp_client: clangd exited (crash?); the end of its log:\n" +
                         "\n".join(tail))
            if message.get("method") in ("window/workDoneProgress/create",
                                         "workspace/configuration",
                                         "client/registerCapability"):
                # Requests from the server need an answer.
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            if predicate(message):
                return message


def position(p):
    return "%d:%d" % (p["line"] + 1, p["character"] + 1)


def span(r):
    return "%s-%s" % (position(r["start"]), position(r["end"]))


def main():
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        i = argv.index("--")
        argv, flags = argv[:i], argv[i + 1:]
    clangd, source = argv
    workspace = tempfile.mkdtemp(prefix="coop-lsp-")
    try:
        name = os.path.basename(source)
        path = os.path.join(workspace, name)
        shutil.copy(source, path)
        with open(os.path.join(workspace, "compile_flags.txt"), "w") as f:
            f.write("\n".join(flags) + "\n")
        with open(os.path.join(workspace, ".clangd"), "w") as f:
            f.write("Diagnostics:\n  ClangTidy:\n    Add: [coop-*]\n"
                    "    FastCheckFilter: Loose\n")
        env = dict(os.environ, HOME=workspace, XDG_CONFIG_HOME=workspace)
        client = Client([clangd, "--log=error", "--pch-storage=memory",
                         "--background-index=false"], workspace, env)
        uri = "file://" + path
        client.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + workspace,
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
        client.notify("initialized", {})
        with open(path) as f:
            text = f.read()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c" if name.endswith(".c") else "cpp",
            "version": 1, "text": text}})
        published = client.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri)
        diagnostics = published["params"]["diagnostics"]
        for d in diagnostics:
            print("diagnostic %s [%s] %s: %s" % (
                span(d["range"]), d.get("code", ""),
                SEVERITY.get(d.get("severity"), "?"),
                d["message"].replace("\n", " | ")))
        for d in diagnostics:
            actions = client.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": d["range"],
                "context": {"diagnostics": [d]}}) or []
            for action in actions:
                edits = action.get("edit", {}).get("changes", {}).get(uri, [])
                for e in edits:
                    print('action "%s" for [%s]: %s => "%s"' % (
                        action["title"], d.get("code", ""), span(e["range"]),
                        e["newText"]))
        client.request("shutdown", None)
        client.notify("exit", None)
        client.proc.wait(timeout=30)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
