#!/usr/bin/env bash
# Runs the Python test suite against a numc built with AddressSanitizer and
# UndefinedBehaviorSanitizer (in its own virtual environment, .venv-asan).
# Leak checking is off: CPython itself keeps memory alive until exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
venv="$root/.venv-asan"
[ -d "$venv" ] || "$python" -m venv --system-site-packages "$venv"
"$venv/bin/python" -m pip install -q --no-build-isolation \
  -Csetup-args=-Db_sanitize=address,undefined -Csetup-args=-Db_lundef=false \
  -Cbuild-dir=build-asan ".[test]"
libasan=$(gcc -print-file-name=libasan.so)
cd "$root/tests/python"
LD_PRELOAD="$libasan" ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$venv/bin/python" -m pytest -p no:cacheprovider "$@" .
