#!/usr/bin/env bash
# Runs numc's whole test suite: installs the package with its test extra,
# builds and runs the C tests of libnumc under ASan+UBSan, then pytest.
#   tools/run_tests.sh            everything
#   NUMC_HYPOTHESIS_PROFILE=dev   more hypothesis examples (default: ci)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
# Tools the test extra installs (meson, ninja, pytest) live beside the interpreter.
bindir=$(dirname "$("$python" -c 'import sys; print(sys.executable)')")
export PATH="$bindir:$PATH"

echo "== installing numc and test dependencies"
"$python" -m pip install -q ".[test]"

echo "== C tests of libnumc (ASan + UBSan)"
if [ ! -d build-ctest ]; then
  "$python" -m mesonbuild.mesonmain setup build-ctest -Dcore_tests=true -Dpython_ext=false --buildtype=debug \
    -Db_sanitize=address,undefined >/dev/null
fi
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$python" -m mesonbuild.mesonmain test -C build-ctest --print-errorlogs

echo "== pytest"
# Run from the tests folder so that `import numc` finds the installed package,
# not the source tree (which has no compiled extension).
cd "$root/tests/python"
"$python" -m pytest "$@" .

echo "== pytest: the portable math kernels (NUMC_NO_SIMD=1)"
# The SIMD kernels hide the scalar path on x86-64; other CPUs run it.
NUMC_NO_SIMD=1 "$python" -m pytest "$@" test_math_simd.py test_math_explog.py test_math_trig.py
