"""numc.lib: NumPy's lib namespace (stride_tricks so far)."""
from . import stride_tricks  # noqa: F401
