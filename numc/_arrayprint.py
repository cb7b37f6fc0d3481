"""Array printing (repr/str) as NumPy 2 does it."""


def _array_repr(a):
    return f"array({a.tolist()!r})"


def _array_str(a):
    return str(a.tolist())
