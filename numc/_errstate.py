"""Floating-point error handling: seterr, geterr, errstate, seterrcall, geterrcall.

The modes live in the C core, per thread; this module gives them NumPy's API.
"""
import contextlib

from . import _core

_MODES = ("ignore", "warn", "raise", "call", "print", "log")
_KINDS = ("divide", "over", "under", "invalid")

__all__ = ["seterr", "geterr", "errstate", "seterrcall", "geterrcall"]


def geterr():
    """Current way of handling floating-point errors, as a dict."""
    return {k: _MODES[m] for k, m in zip(_KINDS, _core._geterrmodes())}


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """Set how floating-point errors are handled; returns the old settings."""
    old = geterr()
    new = dict(old)
    if all is not None:
        for k in _KINDS:
            new[k] = all
    for k, v in (("divide", divide), ("over", over), ("under", under), ("invalid", invalid)):
        if v is not None:
            new[k] = v
    codes = []
    for k in _KINDS:
        if new[k] not in _MODES:
            raise ValueError(f"invalid error mode {new[k]!r} for {k}")
        codes.append(_MODES.index(new[k]))
    _core._seterrmodes(*codes)
    return old


def seterrcall(func):
    """Set the callback used by the 'call' and 'log' error modes."""
    if func is not None and not callable(func):
        if not hasattr(func, "write") or not callable(func.write):
            raise ValueError("Only callable can be used as callback")
    return _core._seterrcall(func)


def geterrcall():
    """The callback used by the 'call' and 'log' error modes."""
    return _core._geterrcall()


class errstate(contextlib.ContextDecorator):
    """Context manager (and decorator) for floating-point error handling."""

    def __init__(self, *, call=None, all=None, divide=None, over=None, under=None, invalid=None):
        self._call = call
        self._kw = dict(all=all, divide=divide, over=over, under=under, invalid=invalid)
        self._saved = []

    def __enter__(self):
        old = seterr(**self._kw)
        oldcall = seterrcall(self._call) if self._call is not None else _NOT_SET
        self._saved.append((old, oldcall))

    def __exit__(self, *exc):
        old, oldcall = self._saved.pop()
        seterr(**old)
        if oldcall is not _NOT_SET:
            seterrcall(oldcall)


_NOT_SET = object()
