#!/usr/bin/env python3
"""Compares every ufunc inner loop of libnumc with NumPy, value by value.

Usage: tools/check_loops_numpy.py BUILD_DIR [ufunc ...]

Links BUILD_DIR/libnumc.a (built without sanitizers) into a temporary
shared library, walks the registry (nc_ufunc_count / nc_ufunc_at) with
ctypes and calls each loop directly on special and random inputs:
contiguous, strided, negative-step, step-0 (broadcast scalar) and in-place
operands, and, for loops whose inputs and output share a type, the
reduction form (output == input 0, steps 0) against np.<ufunc>.reduce.
Results must equal NumPy's bit for bit (NaNs equal if both are NaN; their
sign is reported separately), except float power, which NumPy computes with
SVML on AVX-512 CPUs (within 1 ulp of libm's pow).  For the special values
the floating-point flags each element raises are compared too (divide by
zero, overflow, invalid).

This is a development check that needs NumPy; the C tests (tests/c) are the
ones that run in CI without it.
"""
import ctypes
import os
import subprocess
import sys
import tempfile

import numpy as np

NP_TYPES = [np.bool_, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32,
            np.int64, np.uint64, np.float16, np.float32, np.float64, np.complex64,
            np.complex128]
MAXARGS = 4

LoopFn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_void_p),
                          ctypes.POINTER(ctypes.c_ssize_t), ctypes.POINTER(ctypes.c_ssize_t),
                          ctypes.c_void_p)


class Loop(ctypes.Structure):
    _fields_ = [("types", ctypes.c_uint8 * MAXARGS), ("fn", LoopFn)]


class Ufunc(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("nin", ctypes.c_int), ("nout", ctypes.c_int),
                ("identity", ctypes.c_int), ("resolver", ctypes.c_int),
                ("nloops", ctypes.c_int), ("loops", ctypes.POINTER(Loop)),
                ("doc", ctypes.c_char_p)]


libm = ctypes.CDLL("libm.so.6")
FE_INVALID, FE_DIVBYZERO, FE_OVERFLOW = 0x01, 0x04, 0x08
FE_CHECKED = FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW


def load(build_dir):
    out = os.path.join(tempfile.mkdtemp(), "libnumc_check.so")
    subprocess.check_call(["cc", "-shared", "-o", out, "-Wl,--whole-archive",
                           os.path.join(build_dir, "libnumc.a"), "-Wl,--no-whole-archive",
                           "-lm", "-lpthread"])
    lib = ctypes.CDLL(out)
    lib.nc_ufunc_at.restype = ctypes.POINTER(Ufunc)
    return lib


def int_specials(t):
    info = np.iinfo(t)
    bits = info.bits
    v = [0, 1, 2, 3, 5, 7, bits - 1, bits, bits + 1, info.max, info.max - 1, 100]
    if info.min < 0:
        v += [-1, -2, -3, -7, info.min, info.min + 1, -bits, -100]
    else:
        v += [1 << (bits - 1)]
    return np.array(sorted(set(x for x in v if info.min <= x <= info.max)), dtype=t)


def float_specials(t):
    fi = np.finfo(t)
    v = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -2.5, 2.0, 3.0, -3.0, 0.1, 7.0, -7.0,
         float(fi.max), -float(fi.max), float(fi.tiny), float(fi.smallest_subnormal),
         np.inf, -np.inf, np.nan, -np.nan, 100.0, 1e4, -1e4, 1 / 3]
    with np.errstate(all="ignore"):
        return np.array(v, dtype=t)


def specials(t):
    t = np.dtype(t)
    if t.kind == "b":
        return np.array([False, True])
    if t.kind in "iu":
        return int_specials(t.type)
    if t.kind == "f":
        return float_specials(t.type)
    parts = np.array([0.0, -0.0, 1.0, -1.0, 2.5, -0.5, np.inf, -np.inf, np.nan, 1e30, 1e-30])
    re, im = np.meshgrid(parts, parts)
    with np.errstate(all="ignore"):
        return (re.ravel() + 1j * im.ravel()).astype(t)


def randoms(t, n, rng):
    t = np.dtype(t)
    if t.kind == "b":
        return rng.integers(0, 2, n).astype(bool)
    if t.kind in "iu":
        info = np.iinfo(t)
        wide = rng.integers(info.min, info.max, n, dtype=t, endpoint=True)
        small = rng.integers(max(info.min, -20), 21, n).astype(t)
        return np.where(rng.random(n) < 0.5, wide, small)
    with np.errstate(all="ignore"):
        if t.kind == "f":
            x = rng.standard_normal(n) * 10.0 ** rng.uniform(-3, 3, n)
            x = np.where(rng.random(n) < 0.2, np.round(x), x)
            return x.astype(t)
        re = rng.standard_normal(n) * 10.0 ** rng.uniform(-2, 2, n)
        im = rng.standard_normal(n) * 10.0 ** rng.uniform(-2, 2, n)
        z = re + 1j * im
        z = np.where(rng.random(n) < 0.2, np.round(z.real) + 0j, z)
        return z.astype(t)


def same(got, want, ulps=0):
    """Boolean mask of elements equal bit for bit (NaN == NaN)."""
    if got.dtype.kind == "c":
        return same(got.real, want.real, ulps) & same(got.imag, want.imag, ulps)
    if got.dtype.kind != "f":
        return got == want
    ui = {2: np.int16, 4: np.int32, 8: np.int64}[got.dtype.itemsize]
    g, w = got.view(ui).astype(np.int64), want.view(ui).astype(np.int64)
    ok = (g == w) | (np.isnan(got) & np.isnan(want))
    if ulps:
        ok |= (np.sign(g) == np.sign(w)) & (np.abs(g - w) <= ulps) & np.isfinite(got)
    return ok


def nan_sign_differs(got, want):
    if got.dtype.kind == "c":
        return nan_sign_differs(got.real, want.real) | nan_sign_differs(got.imag, want.imag)
    if got.dtype.kind != "f":
        return np.zeros(got.shape, bool)
    return np.isnan(got) & np.isnan(want) & (np.signbit(got) != np.signbit(want))


def call(fn, arrays, n, steps):
    """Calls a loop on operands given as (array, byte offset) pairs."""
    ptrs = (ctypes.c_void_p * len(arrays))(*[a.ctypes.data + off for a, off in arrays])
    nn = (ctypes.c_ssize_t * 1)(n)
    st = (ctypes.c_ssize_t * len(steps))(*steps)
    return fn(ptrs, nn, st, None)


def run_layout(fn, ins, outdt, layout):
    """Runs the loop on inputs laid out as `layout` and returns the outputs."""
    n = len(ins[0])
    ops, steps = [], []
    for a in ins:
        sz = a.dtype.itemsize
        if layout == "strided":
            buf = np.zeros(3 * n, a.dtype)
            buf[::3] = a
            ops.append((buf, 0))
            steps.append(3 * sz)
        elif layout == "reversed":
            buf = a[::-1].copy()
            ops.append((buf, (n - 1) * sz))
            steps.append(-sz)
        else:
            buf = a.copy()
            ops.append((buf, 0))
            steps.append(sz)
    outs = []
    for dt in outdt:
        sz = np.dtype(dt).itemsize
        if layout == "strided":
            buf = np.zeros(2 * n, dt)
            outs.append((buf, 0, 2))
            steps.append(2 * sz)
        elif layout == "reversed":
            buf = np.zeros(n, dt)
            outs.append((buf, (n - 1) * sz, -1))
            steps.append(-sz)
        else:
            buf = np.zeros(n, dt)
            outs.append((buf, 0, 1))
            steps.append(sz)
    rc = call(fn, ops + [(b, off) for b, off, _ in outs], n, steps)
    res = []
    for b, off, step in outs:
        if step == -1:
            res.append(b[::-1])
        else:
            res.append(b[::step][:n])
    return rc, res


def run_broadcast(fn, ins, outdt, which):
    """Input `which` is a single element read with step 0 (as in `a + 1`)."""
    n = len(ins[0])
    ops, steps = [], []
    for k, a in enumerate(ins):
        if k == which:
            ops.append((a[:1].copy(), 0))
            steps.append(0)
        else:
            ops.append((a.copy(), 0))
            steps.append(a.dtype.itemsize)
    outs = [np.zeros(n, dt) for dt in outdt]
    steps += [np.dtype(dt).itemsize for dt in outdt]
    rc = call(fn, ops + [(o, 0) for o in outs], n, steps)
    return rc, outs


def run_inplace(fn, ins, outdt):
    """Output 0 is input 0's memory (a += b)."""
    n = len(ins[0])
    bufs = [a.copy() for a in ins]
    outs = [bufs[0]] + [np.zeros(n, dt) for dt in outdt[1:]]
    steps = [a.dtype.itemsize for a in ins] + [np.dtype(dt).itemsize for dt in outdt]
    rc = call(fn, [(b, 0) for b in bufs] + [(o, 0) for o in outs], n, steps)
    return rc, outs


def fe_flags(fn, ins, outdt, i):
    """The checked FE_* flags raised by the loop on element i alone."""
    ops = [(a[i:i + 1].copy(), 0) for a in ins] + [(np.zeros(1, dt), 0) for dt in outdt]
    steps = [a.dtype.itemsize for a in ins] + [np.dtype(dt).itemsize for dt in outdt]
    libm.feclearexcept(0x3d)
    call(fn, ops, 1, steps)
    return libm.fetestexcept(0x3d) & FE_CHECKED


_np_flags = []


def _errcall(kind, flag):
    _np_flags.append(kind)


def np_flags(uf, ins, sig, i):
    _np_flags.clear()
    old = np.seterrcall(_errcall)
    try:
        with np.errstate(all="call"):
            uf(*[a[i:i + 1] for a in ins], signature=sig)
    except ValueError:
        pass
    finally:
        np.seterrcall(old)
    f = 0
    for k in _np_flags:
        f |= {"divide by zero": FE_DIVBYZERO, "overflow": FE_OVERFLOW, "invalid value": FE_INVALID,
              "underflow": 0}[k]
    return f


def flag_names(f):
    return "|".join(n for b, n in [(FE_DIVBYZERO, "div0"), (FE_OVERFLOW, "over"),
                                   (FE_INVALID, "inv")] if f & b) or "-"


class Report:
    def __init__(self):
        self.problems = 0
        self.notes = 0

    def fail(self, where, msg):
        self.problems += 1
        print(f"FAIL {where}: {msg}")

    def note(self, where, msg):
        self.notes += 1
        print(f"note {where}: {msg}")


def check_loop(rep, name, uf, lp, nin, nout, rng):
    tin = [NP_TYPES[lp.types[k]] for k in range(nin)]
    tout = [NP_TYPES[lp.types[nin + k]] for k in range(nout)]
    sig = tuple(np.dtype(t) for t in tin + tout)
    if nin == 2 and {np.dtype(t) for t in tin} == {np.dtype(np.int64), np.dtype(np.uint64)}:
        # NumPy's mixed loops are registered for long long ('q', 'Q').
        sig = "".join("q" if np.dtype(t) == np.int64 else "Q" for t in tin) + "->?"
    where = f"{name} {''.join(np.dtype(t).char for t in tin)}->{''.join(np.dtype(t).char for t in tout)}"
    ulps = 1 if name == "power" and np.dtype(tin[0]).kind == "f" else 0

    # Special values: every combination for binary loops, plus random ones.
    sp = [specials(t) for t in tin]
    if nin == 2:
        a, b = np.meshgrid(sp[0], sp[1], indexing="ij")
        sp_ins = [a.ravel(), b.ravel()]
    else:
        sp_ins = [sp[0]]
    nr = 3001
    rnd_ins = [randoms(t, nr, rng) for t in tin]
    ins = [np.concatenate([s, r]) for s, r in zip(sp_ins, rnd_ins)]
    if name == "power" and np.dtype(tin[1]).kind == "i":
        ins[1] = np.abs(ins[1])  # negative integer exponents are an error
        ins[1][ins[1] < 0] = 0

    with np.errstate(all="ignore"):
        want = uf(*ins, signature=sig)
    want = list(want) if nout > 1 else [want]

    layouts = [("contiguous", lambda: run_layout(lp.fn, ins, tout, "contiguous")),
               ("strided", lambda: run_layout(lp.fn, ins, tout, "strided")),
               ("reversed", lambda: run_layout(lp.fn, ins, tout, "reversed")),
               ("in-place", lambda: run_inplace(lp.fn, ins, tout))]
    for which in range(nin):
        if nin == 1:
            break
        layouts.append((f"step0-in{which}", lambda w=which: run_broadcast(lp.fn, ins, tout, w)))
    for lname, runner in layouts:
        if lname == "in-place" and np.dtype(tout[0]) != np.dtype(tin[0]):
            continue
        if lname.startswith("step0"):
            w = int(lname[-1])
            bins = [a if k != w else np.broadcast_to(a[:1], a.shape) for k, a in enumerate(ins)]
            with np.errstate(all="ignore"):
                ref = uf(*bins, signature=sig)
            ref = list(ref) if nout > 1 else [ref]
        else:
            ref = want
        rc, got = runner()
        if rc != 0:
            rep.fail(where, f"{lname}: loop returned {rc}")
            continue
        for k in range(nout):
            ok = same(got[k], ref[k], ulps)
            if not ok.all():
                bad = np.flatnonzero(~ok)
                i = bad[0]
                rep.fail(where, f"{lname} out{k}: {len(bad)} of {len(ok)} differ, e.g. "
                         f"inputs {[a[i] if not lname.startswith('step0') or k2 != int(lname[-1]) else a[0] for k2, a in enumerate(ins)]} "
                         f"got {got[k][i]!r} want {ref[k][i]!r}")
            ns = nan_sign_differs(got[k], ref[k])
            if ns.any() and lname == "contiguous":
                i = np.flatnonzero(ns)[0]
                rep.note(where, f"{lname} out{k}: NaN sign differs in {ns.sum()} elements, e.g. "
                         f"inputs {[a[i] for a in ins]}")

    # Floating-point flags on the special values, element by element.
    if ulps == 0:
        nsp = len(sp_ins[0])
        shown = 0
        for i in range(nsp):
            mine = fe_flags(lp.fn, ins, tout, i)
            theirs = np_flags(uf, ins, sig, i)
            if mine != theirs:
                if shown < 3:
                    rep.fail(where, f"flags for inputs {[a[i] for a in ins]}: "
                             f"numc {flag_names(mine)} numpy {flag_names(theirs)}")
                shown += 1
        if shown > 3:
            print(f"     ... {shown} flag mismatches in all")

    # Reduction form.
    if nin == 2 and nout == 1 and len(set(map(np.dtype, tin + tout))) == 1 and \
            name not in ("power",):
        for length in (1, 2, 7, 9, 16, 100, 129, 1000, 3001):
            x = randoms(tin[0], length, rng)
            if name in ("floor_divide", "remainder") and np.dtype(tin[0]).kind in "iu":
                x[x == 0] = 1
            # NumPy starts from the identity when there is one, else from
            # the first element.
            if uf.identity is not None:
                acc = np.array([uf.identity]).astype(x.dtype)
                rest = x.copy()
            else:
                acc = x[:1].copy()
                rest = x[1:].copy()
            sz = x.dtype.itemsize
            rc = call(lp.fn, [(acc, 0), (rest, 0), (acc, 0)], len(rest), [0, sz, 0])
            with np.errstate(all="ignore"):
                ref = uf.reduce(x, dtype=x.dtype)
            if rc != 0 or not same(acc, np.array([ref], x.dtype))[0]:
                rep.fail(where, f"reduce of {length}: got {acc[0]!r} want {ref!r}")
                break


def check_negative_power(rep, lib):
    uf = lib.nc_ufunc_at(find(lib, "power"))[0]
    for j in range(uf.nloops):
        lp = uf.loops[j]
        t = np.dtype(NP_TYPES[lp.types[0]])
        if t.kind != "i":
            continue
        for steps0 in (True, False):
            a = np.array([2, 3, 4], t)
            b = np.array([1, -1, 2], t)
            o = np.zeros(3, t)
            if steps0:
                b = np.array([-2], t)
            rc = call(lp.fn, [(a, 0), (b, 0), (o, 0)], 3,
                      [t.itemsize, 0 if steps0 else t.itemsize, t.itemsize])
            if rc != 1:
                rep.fail(f"power {t}", f"negative exponent returned {rc}, want 1")


def find(lib, name):
    for i in range(lib.nc_ufunc_count()):
        if lib.nc_ufunc_at(i)[0].name.decode() == name:
            return i
    raise KeyError(name)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    lib = load(sys.argv[1])
    only = set(sys.argv[2:])
    rep = Report()
    rng = np.random.default_rng(12345)
    for i in range(lib.nc_ufunc_count()):
        uf = lib.nc_ufunc_at(i)[0]
        name = uf.name.decode()
        if only and name not in only:
            continue
        for j in range(uf.nloops):
            check_loop(rep, name, getattr(np, name), uf.loops[j], uf.nin, uf.nout, rng)
        print(f"checked {name}: {uf.nloops} loops", flush=True)
    if not only or "power" in only:
        check_negative_power(rep, lib)
    print(f"{rep.problems} problems, {rep.notes} notes")
    sys.exit(1 if rep.problems else 0)


if __name__ == "__main__":
    main()
