"""Rearranging and padding routines beside NumPy: pad of a 2000x2000 float64
array (constant, reflect, edge, wrap), tile, repeat and roll on 10M elements."""
import numpy as np

import numc


def cases():
    rng = np.random.default_rng(0)
    img = rng.random((2000, 2000))
    img_c = numc.array(img)
    v = rng.random(10_000_000)
    v_c = numc.array(v)
    small = rng.random(1_000_000)
    small_c = numc.array(small)
    m = rng.random((2500, 4000))
    m_c = numc.array(m)
    ints = np.arange(5_000_000, dtype=np.int32)
    ints_c = numc.array(ints)
    out = []
    for mode in ("constant", "reflect", "edge", "wrap", "symmetric"):
        out.append((f"pad 2000x2000 f64 {mode} w=16",
                    lambda mode=mode: np.pad(img, 16, mode),
                    lambda mode=mode: numc.pad(img_c, 16, mode)))
    out.append(("pad 2000x2000 f64 mean w=16", lambda: np.pad(img, 16, "mean"),
                lambda: numc.pad(img_c, 16, "mean")))
    out += [
        ("tile 1M f64 x10", lambda: np.tile(small, 10), lambda: numc.tile(small_c, 10)),
        ("tile 2500x4000 f64 (1,1)->2x rows", lambda: np.tile(m, (2, 1)),
         lambda: numc.tile(m_c, (2, 1))),
        ("tile 1000x1000 f64 (1,10)", lambda: np.tile(img[:1000, :1000], (1, 10)),
         lambda: numc.tile(img_c[:1000, :1000], (1, 10))),
        ("repeat 10M f64 x2", lambda: np.repeat(v, 2), lambda: numc.repeat(v_c, 2)),
        ("repeat 5M i32 x2", lambda: np.repeat(ints, 2), lambda: numc.repeat(ints_c, 2)),
        ("repeat 2500x4000 f64 axis0 x2", lambda: np.repeat(m, 2, 0),
         lambda: numc.repeat(m_c, 2, 0)),
        ("roll 10M f64", lambda: np.roll(v, 12345), lambda: numc.roll(v_c, 12345)),
        ("roll 2500x4000 f64 both axes", lambda: np.roll(m, (7, 11), (0, 1)),
         lambda: numc.roll(m_c, (7, 11), (0, 1))),
        ("flip 10M f64 copy", lambda: np.flip(v).copy(), lambda: numc.flip(v_c).copy()),
    ]
    return out
