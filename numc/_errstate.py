"""Floating-point error handling: seterr, geterr, errstate, seterrcall, geterrcall.

The state lives in a context variable (numc._core._errstate_var), as
NumPy's does: a new thread starts from the defaults, and asyncio tasks each
keep the state they were created with.  errstate sets the variable on entry
and resets it to the previous value on exit.
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
        before = _core._errstate_var.get()
        try:
            seterr(**self._kw)
            if self._call is not None:
                seterrcall(self._call)
        except BaseException:
            _core._errstate_var.set(before)
            raise
        # one token for the whole change: exit restores the state exactly
        state = _core._errstate_var.get()
        _core._errstate_var.set(before)
        self._saved.append(_core._errstate_var.set(state))

    def __exit__(self, *exc):
        _core._errstate_var.reset(self._saved.pop())
