/* foreach_complex.inc.c: includes the template named by NC_TEMPLATE once
 * per complex dtype, in NumPy's type order, with
 *   T       the element type (nc_cfloat, nc_cdouble)   SFX  kernel suffix
 *   RT      the type of each part (float, double)
 *   M(f)    the libm function for RT (M(fma) is fmaf for float)
 *   CT      the C99 complex type of the same layout, CPOW its cpow
 * and undefines them after each inclusion. */

#define T nc_cfloat
#define RT float
#define SFX c64
#define M(fn) fn##f
#define CT float _Complex
#define CPOW cpowf
#include NC_TEMPLATE
#undef T
#undef RT
#undef SFX
#undef M
#undef CT
#undef CPOW

#define T nc_cdouble
#define RT double
#define SFX c128
#define M(fn) fn
#define CT double _Complex
#define CPOW cpow
#include NC_TEMPLATE
#undef T
#undef RT
#undef SFX
#undef M
#undef CT
#undef CPOW

#undef NC_TEMPLATE
