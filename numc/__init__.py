"""numc: NumPy's programming model with a core written in C.

    import numc as np
"""
from . import exceptions
from . import _core
from ._core import ndarray, dtype, ufunc
from ._errstate import seterr, geterr, errstate, seterrcall, geterrcall
# numc's own: the thread pool used by large loops and reductions (no NumPy twin)
from ._core import get_num_threads, set_num_threads
# dtypes, scalar types and type queries (numc/_dtypes.py)
from ._dtypes import *  # noqa: F401,F403

__version__ = "0.1.0"

# constants
import math as _math
e = _math.e
pi = _math.pi
inf = float("inf")
nan = float("nan")
euler_gamma = 0.5772156649015329
newaxis = None
del _math

# ufuncs, under NumPy's names and aliases
_u = _core._ufuncs
globals().update(_u)
true_divide = _u["divide"]
mod = _u["remainder"]
abs = _u["absolute"]
bitwise_not = _u["invert"]
bitwise_invert = _u["invert"]
bitwise_left_shift = _u["left_shift"]
bitwise_right_shift = _u["right_shift"]
pow = _u["power"]
del _u


# --- array creation and interop (numc/_creation.py) ---
from ._creation import (array, asarray, asanyarray, ascontiguousarray, empty, zeros, ones,
                        full, empty_like, zeros_like, ones_like, full_like, arange, linspace,
                        eye, identity, frombuffer)

# array printing (numc/_arrayprint.py)
from ._arrayprint import (set_printoptions, get_printoptions, printoptions, array2string,
                          array_repr, array_str)

# --- math ufunc aliases (issue 3): acos = arccos, ... ---
acos, acosh, asin, asinh, atan, atan2, atanh, conj = (
    arccos, arccosh, arcsin, arcsinh, arctan, arctan2, arctanh, conjugate)  # noqa: F821

# --- ufunc-based functions (numc/_ufunc_funcs.py): round, clip, isclose, ... ---
from ._ufunc_funcs import (round, around, clip, real, imag, angle, isclose, allclose, nan_to_num,  # noqa: E402
                          array_equal, array_equiv)

# --- reductions and statistics (numc/_reductions.py) ---
from ._reductions import *  # noqa: F401,F403

# --- selection and indexing routines (numc/_select.py) ---
from ._select import *  # noqa: F401,F403
from . import lib  # noqa: F401

# --- manipulation routines (numc/_manip.py) ---
from ._manip import *  # noqa: F401,F403


from ._manip2 import *  # noqa: F401,F403  (flip, roll, tile, pad, ...)

# --- gufuncs matmul, vecdot, matvec, vecmat come from numc._core ---
