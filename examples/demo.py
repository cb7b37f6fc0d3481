"""A short tour of numc: `import numc as np` and write NumPy code."""
import numc as np

a = np.arange(6.0).reshape(2, 3)
b = np.array([10, 20, 30], dtype=np.int32)
print("a =\n", a, sep="")
print("a.T.shape, a.strides:", a.T.shape, a.strides)
print("a + b (broadcast, int32 promoted to float64):\n", a + b, sep="")
print("a[:, ::-1] * 2 - 1 =\n", a[:, ::-1] * 2 - 1, sep="")
print("a > 2.5 =\n", a > 2.5, sep="")
print("uint8 wraps like NumPy:", np.array([250], dtype=np.uint8) + np.uint8(10))
print("NEP 50: int8 array + 1 stays int8:", (np.ones(2, dtype=np.int8) + 1).dtype)
with np.errstate(divide="ignore"):
    print("1 / 0 under errstate(divide='ignore'):", np.array([1.0]) / 0)
print("scalars:", repr(a[1, 2]), repr(np.float32(0.1)), np.finfo(np.float16).eps)
print("ufuncs are objects:", np.add, np.add.types[:5], "...")
