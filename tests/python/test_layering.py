"""The C core must never include Python.h (ARCHITECTURE rule 1)."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_core_has_no_python_include():
    pattern = re.compile(r'#\s*include\s*[<"]Python\.h[>"]')
    offenders = [str(p.relative_to(ROOT))
                 for folder in ("src", "include")
                 for p in (ROOT / folder).rglob("*")
                 if p.suffix in (".c", ".h") and pattern.search(p.read_text(errors="replace"))]
    assert offenders == []


def test_numc_does_not_import_numpy():
    import subprocess
    import sys
    code = "import sys, numc; a = numc.asarray([1.0, 2.0]) + 1; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=str(ROOT / "tests"), check=True).stdout.strip()
    assert out == "False"
