#!/usr/bin/env python3
"""Open a file of a project in a clangd as an editor does, and print what the
editor would show.

  editor_session.py <clangd> <project root> <file in the project>

Unlike the checker suite's lsp_client.py, which builds its own scratch
workspace, this uses the project as it is: its .clangd and its
build/compile_commands.json, found by clangd itself — the setup docs/editors.md
tells users to make. Output, 1-based positions:

  diagnostic <line>:<col>-<line>:<col> [<code>] <severity>: <message>
  action "<title>" (<kind>) for [<code>]: <line>:<col>-<line>:<col> => "<new text>"
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "checker", "tools"))
from lsp_client import SEVERITY, Client, span  # noqa: E402  (the shared LSP driver)


def main():
    clangd, root, name = sys.argv[1:4]
    root = os.path.abspath(root)
    path = os.path.join(root, name)
    uri = "file://" + path
    env = dict(os.environ, HOME=root, XDG_CONFIG_HOME=root)
    # What an editor starts: the server, no arguments (the log level only
    # keeps the test output quiet).
    client = Client([clangd, "--log=error"], root, env)
    client.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + root,
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"relatedInformation": True},
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
    client.notify("initialized", {})
    with open(path, encoding="utf-8") as f:
        text = f.read()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "c" if name.endswith(".c") else "cpp",
        "version": 1, "text": text}})
    published = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri)
    diagnostics = published["params"]["diagnostics"]
    for d in diagnostics:
        print("diagnostic %s [%s] %s: %s" % (span(d["range"]), d.get("code", ""),
                                             SEVERITY.get(d.get("severity"), "?"),
                                             d["message"].replace("\n", " | ")))
        for related in d.get("relatedInformation", []):
            print("  related %s: %s" % (span(related["location"]["range"]),
                                        related["message"]))
    for d in diagnostics:
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"],
            "context": {"diagnostics": [d]}}) or []
        for action in actions:
            for edit in action.get("edit", {}).get("changes", {}).get(uri, []):
                print('action "%s" (%s) for [%s]: %s => "%s"' % (
                    action["title"], action.get("kind", "?"), d.get("code", ""),
                    span(edit["range"]), edit["newText"]))
    client.request("shutdown", None)
    client.notify("exit", None)
    client.proc.wait(timeout=30)


if __name__ == "__main__":
    main()
