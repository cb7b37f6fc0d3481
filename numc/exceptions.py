"""Exceptions and warnings numc raises, under NumPy's names (numpy.exceptions)."""

__all__ = ["AxisError", "ComplexWarning", "DTypePromotionError", "RankWarning",
           "TooHardError", "VisibleDeprecationWarning"]


class ComplexWarning(RuntimeWarning):
    """Warned when a complex value is cast to a real type, dropping the imaginary part."""


class VisibleDeprecationWarning(UserWarning):
    """A deprecation that is shown by default."""


class RankWarning(RuntimeWarning):
    """Warned by polyfit when the design matrix is rank deficient."""


class TooHardError(RuntimeError):
    """max_work was exceeded (shares_memory)."""


class DTypePromotionError(TypeError):
    """Two dtypes have no common dtype."""


class AxisError(ValueError, IndexError):
    """An axis argument is out of range for the array's dimensions."""

    __slots__ = ("axis", "ndim", "_msg")

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is msg_prefix is None:
            # Single-argument form: the message itself.
            self._msg = axis
            self.axis = None
            self.ndim = None
        else:
            self._msg = msg_prefix
            self.axis = axis
            self.ndim = ndim

    def __str__(self):
        if self.axis is None and self.ndim is None:
            return str(self._msg)
        msg = f"axis {self.axis} is out of bounds for array of dimension {self.ndim}"
        if self._msg is not None:
            msg = f"{self._msg}: {msg}"
        return msg
