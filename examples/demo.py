"""A short tour of numc: `import numc as np` and write NumPy code."""
import numc as np

a = np.asarray([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
b = np.asarray([10, 20, 30], dtype=np.int32 if hasattr(np, "int32") else "int32")

print("a =", repr(a))
print("a.shape, a.dtype:", a.shape, a.dtype)
print("a + b (broadcast, int32 promoted to float64):")
print(a + b)
print("a * 2 - 1 =", (a * 2 - 1).tolist())
print("a > 2.5 =", (a > 2.5).tolist())
print("uint8 wraps like NumPy:", (np.asarray([250], dtype="uint8") + np.asarray([10], dtype="uint8")).tolist())
with np.errstate(divide="ignore"):
    print("1 / 0 under errstate(divide='ignore'):", (np.asarray([1.0]) / 0).tolist())
print("ufuncs are objects:", np.add, "types:", np.add.types[:4], "...")
