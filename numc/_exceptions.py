"""Exception classes of the ufunc machinery (NumPy keeps these private too)."""


class UFuncTypeError(TypeError):
    """A ufunc cannot run on the given dtypes."""


class _UFuncNoLoopError(UFuncTypeError):
    """No loop of the ufunc matches the operand dtypes."""


class _UFuncCastingError(UFuncTypeError):
    """The casting rule refuses an operand's cast."""


class _UFuncInputCastingError(_UFuncCastingError):
    pass


class _UFuncOutputCastingError(_UFuncCastingError):
    pass


class _ArrayMemoryError(MemoryError):
    """An array could not be allocated."""
