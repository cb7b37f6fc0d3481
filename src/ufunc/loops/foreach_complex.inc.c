/* foreach_complex.inc.c: includes the template named by NC_TEMPLATE once
 * per complex dtype, in NumPy's type order, with
 *   T       the element type (nc_cfloat, nc_cdouble)   SFX  kernel suffix
 *   RT      the type of each part (float, double)
 *   M(f)    the libm function for RT (M(fma) is fmaf for float)
 *   CT      the C99 complex type of the same layout
 *   MKC(re, im), CPOW, CREAL, CIMAG   the <complex.h> helpers for CT
 * and undefines them after each inclusion. */

#define T nc_cfloat
#define RT float
#define SFX c64
#define M(fn) fn##f
#define CT float _Complex
#define MKC(re, im) CMPLXF(re, im)
#define CPOW cpowf
#define CREAL crealf
#define CIMAG cimagf
#include NC_TEMPLATE
#undef T
#undef RT
#undef SFX
#undef M
#undef CT
#undef MKC
#undef CPOW
#undef CREAL
#undef CIMAG

#define T nc_cdouble
#define RT double
#define SFX c128
#define M(fn) fn
#define CT double _Complex
#define MKC(re, im) CMPLX(re, im)
#define CPOW cpow
#define CREAL creal
#define CIMAG cimag
#include NC_TEMPLATE
#undef T
#undef RT
#undef SFX
#undef M
#undef CT
#undef MKC
#undef CPOW
#undef CREAL
#undef CIMAG

#undef NC_TEMPLATE
