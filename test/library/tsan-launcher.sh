#!/bin/sh
# Runs a test binary with address-space randomisation off when the system allows it:
# g++-12's TSan runtime aborts with "unexpected memory mapping" under high-entropy ASLR.
arch=$(uname -m)
if setarch "$arch" -R true >/dev/null 2>&1; then
  exec setarch "$arch" -R "$@"
fi
exec "$@"
