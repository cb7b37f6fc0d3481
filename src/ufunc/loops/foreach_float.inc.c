/* foreach_float.inc.c: includes the template named by NC_TEMPLATE once per
 * real floating dtype, in NumPy's type order, with
 *   T        the storage type           SFX   the kernel suffix
 *   CT       the type arithmetic is done in: float for float16, as NumPy
 *            does (float16 results are rounded once from float)
 *   LD(x)    a T value as CT            ST(x) a CT value rounded to T
 *   IS_HALF  1 for float16, whose templates may work on the bits instead
 *   M(f)     the libm function for CT (M(pow) is powf for float)
 * and undefines them after each inclusion. */

#define T nc_half
#define SFX f16
#define CT float
#define LD(x) nc_half_to_float(x)
#define ST(x) nc_float_to_half(x)
#define IS_HALF 1
#define M(fn) fn##f
#include NC_TEMPLATE
#undef T
#undef SFX
#undef CT
#undef LD
#undef ST
#undef IS_HALF
#undef M

#define T float
#define SFX f32
#define CT float
#define LD(x) (x)
#define ST(x) (x)
#define IS_HALF 0
#define M(fn) fn##f
#include NC_TEMPLATE
#undef T
#undef SFX
#undef CT
#undef LD
#undef ST
#undef IS_HALF
#undef M

#define T double
#define SFX f64
#define CT double
#define LD(x) (x)
#define ST(x) (x)
#define IS_HALF 0
#define M(fn) fn
#include NC_TEMPLATE
#undef T
#undef SFX
#undef CT
#undef LD
#undef ST
#undef IS_HALF
#undef M

#undef NC_TEMPLATE
