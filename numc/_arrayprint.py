"""Array printing (repr/str) as NumPy 2 does it, and the print options.

Layout lives here: brackets, separators, line wrapping at ``linewidth`` with a
hanging indent, blank lines between blocks of ndim >= 3, and summarisation
with ``...``.  Element text comes from C (``_format_array``, see
numc/_core/printing.c): it formats only the shown elements (the edge items of
every long axis when summarising) with one formatter fitted to all of them,
and returns them in C order with the shape of that reduced array, which the
layout below indexes with plain strides.

Options are held in a ContextVar (like NumPy 2) so ``printoptions`` is
thread- and context-safe; only ``legacy=False`` is supported.
"""
import contextlib
import contextvars
import operator

from . import _core

__all__ = ["set_printoptions", "get_printoptions", "printoptions", "array2string",
           "array_repr", "array_str"]

_default_options = {
    "edgeitems": 3,
    "threshold": 1000,
    "floatmode": "maxprec",
    "precision": 8,
    "suppress": False,
    "linewidth": 75,
    "nanstr": "nan",
    "infstr": "inf",
    "sign": "-",
    "formatter": None,
    "legacy": False,
    "override_repr": None,
}
_format_options = contextvars.ContextVar("numc_format_options", default=_default_options)

_floatmodes = ("fixed", "unique", "maxprec", "maxprec_equal")
# dtypes whose name the repr leaves out (NumPy's "typeless" data)
_implied_dtypes = ("int64", "float64", "complex128", "bool")


def _make_options(precision=None, threshold=None, edgeitems=None, linewidth=None,
                  suppress=None, nanstr=None, infstr=None, sign=None, formatter=None,
                  floatmode=None, legacy=None, override_repr=None):
    """Validated dict of the options that are not None."""
    opts = {k: v for k, v in locals().items() if v is not None}
    if suppress is not None:
        opts["suppress"] = bool(suppress)
    if floatmode is not None and floatmode not in _floatmodes:
        raise ValueError("floatmode option must be one of " +
                         ", ".join(f'"{m}"' for m in _floatmodes))
    if sign is not None and sign not in ("-", "+", " "):
        raise ValueError("sign option must be one of ' ', '+', or '-'")
    if legacy not in (None, False):
        raise ValueError("numc supports only legacy=False")
    if formatter is not None:
        raise NotImplementedError("numc does not support the formatter option")
    if threshold is not None:
        if not isinstance(threshold, (int, float)) or isinstance(threshold, bool):
            raise TypeError("threshold must be numeric")
        if threshold != threshold:
            raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated "
                             "representation")
        opts["threshold"] = threshold
    for key in ("linewidth", "edgeitems"):
        if key in opts:
            opts[key] = operator.index(opts[key])
    if precision is not None:
        try:
            opts["precision"] = operator.index(precision)
        except TypeError as e:
            raise TypeError("precision must be an integer") from e
        if opts["precision"] < 0:
            raise ValueError("precision must be non-negative")
    for key in ("nanstr", "infstr"):
        if key in opts and not isinstance(opts[key], str):
            raise TypeError(f"{key} must be a string")
    return opts


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                     floatmode=None, *, legacy=None, override_repr=None):
    """Set printing options (NumPy's set_printoptions; legacy=False only)."""
    new = _make_options(precision, threshold, edgeitems, linewidth, suppress, nanstr,
                        infstr, sign, formatter, floatmode, legacy, override_repr)
    opts = dict(_format_options.get())
    opts.update(new)
    if formatter is None and "formatter" not in new:
        opts["formatter"] = None
    _format_options.set(opts)


def get_printoptions():
    """Current print options as a new dict."""
    return dict(_format_options.get())


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Context manager setting print options for the ``with`` block."""
    token = _format_options.set(_format_options.get())
    try:
        set_printoptions(*args, **kwargs)
        yield get_printoptions()
    finally:
        _format_options.reset(token)


# --- layout ---------------------------------------------------------------

def _elements(a, opts, summarise):
    fmt = globals().get("_format_array") or getattr(_core, "_format_array", None)
    if fmt is None:  # the C functions are installed on the first ndarray repr
        _core.ndarray.__repr__(_core._asarray(0, None, 0))
        fmt = globals()["_format_array"]
    edge = opts["edgeitems"] if summarise else -1
    return fmt(a, edge, opts["precision"], opts["floatmode"], opts["suppress"],
               opts["sign"], opts["nanstr"], opts["infstr"])


def _extend_line(s, line, word, width, prefix):
    # wrap unless the line holds nothing but the hanging indent
    if len(line) + len(word) > width and len(line) > len(prefix):
        s += line.rstrip() + "\n"
        line = prefix
    return s, line + word


def _format_nested(shape, words, rshape, line_width, prefix, separator, edge, summary):
    """Nested-bracket text of the shown elements `words` (C order of rshape)."""
    ndim = len(shape)
    rstrides = [1] * ndim
    for i in range(ndim - 2, -1, -1):
        rstrides[i] = rstrides[i + 1] * rshape[i + 1]
    sep_stripped = separator.rstrip()

    def rec(axis, base, indent, width):
        if axis == ndim:
            return words[base]
        next_indent = indent + " "
        next_width = width - 1
        n = shape[axis]
        rn = rshape[axis]
        step = rstrides[axis]
        show_summary = summary and 2 * edge < n
        if show_summary:
            lead, trail = list(range(edge)), list(range(rn - edge, rn))
        else:
            lead, trail = [], list(range(rn))
        axes_left = ndim - axis
        if axes_left == 1:
            elem_width = width - max(len(sep_stripped), 1)
            s, line = "", indent
            for i in lead:
                s, line = _extend_line(s, line, words[base + i * step], elem_width, indent)
                line += separator
            if show_summary:
                s, line = _extend_line(s, line, summary, elem_width, indent)
                line += separator
            for i in trail[:-1]:
                s, line = _extend_line(s, line, words[base + i * step], elem_width, indent)
                line += separator
            s, line = _extend_line(s, line, words[base + trail[-1] * step], elem_width,
                                   indent)
            s += line
        else:
            line_sep = sep_stripped + "\n" * (axes_left - 1)
            parts = []
            for i in lead:
                parts.append(indent + rec(axis + 1, base + i * step, next_indent, next_width)
                             + line_sep)
            if show_summary:
                parts.append(indent + summary + line_sep)
            for i in trail[:-1]:
                parts.append(indent + rec(axis + 1, base + i * step, next_indent, next_width)
                             + line_sep)
            parts.append(indent + rec(axis + 1, base + trail[-1] * step, next_indent,
                                      next_width))
            s = "".join(parts)
        return "[" + s[len(indent):] + "]"

    return rec(0, 0, prefix, line_width)


def _to_string(a, opts, separator, prefix, suffix):
    if a.size == 0:
        return "[]"
    summarise = a.size > opts["threshold"]
    words, rshape = _elements(a, opts, summarise)
    return _format_nested(tuple(a.shape), words, rshape, opts["linewidth"] - len(suffix),
                          " " + " " * len(prefix), separator, opts["edgeitems"],
                          "..." if summarise else "")


def _options_with(**overrides):
    opts = dict(_format_options.get())
    opts.update(_make_options(**overrides))
    return opts


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", style=None, formatter=None, threshold=None, edgeitems=None,
                 sign=None, floatmode=None, suffix="", *, legacy=None):
    """Text of an array's elements in nested brackets (NumPy's array2string)."""
    from . import asarray
    opts = _options_with(linewidth=max_line_width, precision=precision,
                         suppress=suppress_small, formatter=formatter, threshold=threshold,
                         edgeitems=edgeitems, sign=sign, floatmode=floatmode, legacy=legacy)
    return _to_string(asarray(a), opts, separator, prefix, suffix)


def _dtype_name(a):
    return str(a.dtype.name) if hasattr(a.dtype, "name") else str(a.dtype)


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """repr of an array: ``array([...], dtype=...)`` with NumPy's rules."""
    from . import asarray
    arr = asarray(arr)
    opts = _options_with(linewidth=max_line_width, precision=precision,
                         suppress=suppress_small)
    if opts["override_repr"] is not None:
        return opts["override_repr"](arr)
    cls = type(arr)
    prefix = ("array" if cls is _core.ndarray else cls.__name__) + "("
    body = _to_string(arr, opts, ", ", prefix, ")")
    shape = tuple(arr.shape)
    extras = []
    if (arr.size == 0 and shape != (0,)) or arr.size > opts["threshold"]:
        extras.append(f"shape={shape}")
    name = _dtype_name(arr)
    if name not in _implied_dtypes or arr.size == 0:
        extras.append(f"dtype={name}")
    if not extras:
        return prefix + body + ")"
    text = prefix + body + ","
    extra = ", ".join(extras) + ")"
    last_line_len = len(text) - (text.rfind("\n") + 1)
    spacer = " "
    if last_line_len + len(extra) + 1 > opts["linewidth"]:
        spacer = "\n" + " " * len(prefix)
    return text + spacer + extra


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """str of an array: the elements in brackets; a 0-d array prints as its scalar."""
    from . import asarray
    a = asarray(a)
    if a.ndim == 0:
        fmt = globals().get("_format_scalar_str") or getattr(_core, "_format_scalar_str",
                                                              None)
        if fmt is None:
            _core.ndarray.__repr__(_core._asarray(0, None, 0))
            fmt = globals()["_format_scalar_str"]
        return fmt(a)
    opts = _options_with(linewidth=max_line_width, precision=precision,
                         suppress=suppress_small)
    return _to_string(a, opts, " ", "", "")


def _array_repr(a):
    return array_repr(a)


def _array_str(a):
    return array_str(a)

