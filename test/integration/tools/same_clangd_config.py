#!/usr/bin/env python3
"""Check that several .clangd configurations say the same thing.

  same_clangd_config.py <file>...

Each file is a .clangd (YAML) or a Python source that writes one as a string
literal (the checker suite's lsp_client.py); comments and layout do not
matter, the parsed configurations must be equal. Exits 1 and prints the
differing ones otherwise.
"""
import ast
import sys

import yaml


def config(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".py"):
        literals = [node.value for node in ast.walk(ast.parse(text))
                    if isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value.startswith("Diagnostics:")]
        if len(literals) != 1:
            sys.exit("same_clangd_config.py: %s: expected one .clangd literal, found %d"
                     % (path, len(literals)))
        text = literals[0]
    return yaml.safe_load(text)


def main():
    configs = [(path, config(path)) for path in sys.argv[1:]]
    first_path, first = configs[0]
    different = [(p, c) for p, c in configs[1:] if c != first]
    for path, c in different:
        print("%s: %r\n  differs from %s: %r" % (path, c, first_path, first))
    if not different:
        print("same configuration: %r" % (first,))
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
