/* sweep_f32.c: exhaustive accuracy sweep of one float32 math kernel (not a
 * test case: a full sweep takes about a minute per function).
 *
 *   sweep_f32 FUNC [scalar|avx2|avx512] [--from HEX --to HEX]
 *
 * runs the chosen implementation's float32 kernel over every bit pattern
 * in [from, to] (default: all 2^32) in blocks, compares each result with
 * the double libm function of the widened input (results that overflow
 * float must be inf), and prints the largest
 * error in float32 ulps, where it occurs, and how many results are more
 * than one ulp off or disagree on NaN or on the sign of a zero.  Exits 1
 * when any result is more than one ulp off.  The double reference is far
 * more accurate than a float32 ulp, so it decides every case but inputs
 * whose exact result lies within ~2^-29 ulp of a rounding boundary. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/math/vmath.h"

typedef struct {
    const char *name;
    int op;
    double (*ref)(double);
} func;

static const func funcs[] = {
    {"exp", NC_VM_EXP, exp},       {"log", NC_VM_LOG, log},
    {"sin", NC_VM_SIN, sin},       {"cos", NC_VM_COS, cos},
    {"tanh", NC_VM_TANH, tanh},    {"exp2", NC_VM_EXP2, exp2},
    {"expm1", NC_VM_EXPM1, expm1}, {"log2", NC_VM_LOG2, log2},
    {"log10", NC_VM_LOG10, log10}, {"log1p", NC_VM_LOG1P, log1p},
    {"sinh", NC_VM_SINH, sinh},    {"cosh", NC_VM_COSH, cosh},
    {"arcsinh", NC_VM_ASINH, asinh}, {"arccosh", NC_VM_ACOSH, acosh},
    {"arctanh", NC_VM_ATANH, atanh}, {"cbrt", NC_VM_CBRT, cbrt},
    {"tan", NC_VM_TAN, tan},       {"arctan", NC_VM_ARCTAN, atan},
    {"arcsin", NC_VM_ARCSIN, asin}, {"arccos", NC_VM_ARCCOS, acos},
};

/* |y - ref| in ulps of the float32 result ref would round to (subnormal
 * ulp below 2^-126); overflowing references count by float's largest ulp */
static double ulp_error(float y, double ref)
{
    if (isnan(ref) || isnan(y))
        return isnan(ref) && isnan(y) ? 0 : INFINITY;
    if (isinf(y) && (float)ref == y) /* ref overflows float: inf is right */
        return 0;
    if (isinf(ref) || isinf(y))
        return (double)y == ref ? 0 : fabs((double)y - ref) / 0x1p104;
    int e;
    frexp(ref, &e);
    double ulp = ldexp(1.0, e - 24);
    if (ulp < 0x1p-149)
        ulp = 0x1p-149;
    return fabs((double)y - ref) / ulp;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FUNC [scalar|avx2|avx512] [--from HEX --to HEX]\n", argv[0]);
        return 2;
    }
    const func *f = NULL;
    for (size_t i = 0; i < sizeof funcs / sizeof *funcs; i++)
        if (!strcmp(argv[1], funcs[i].name))
            f = &funcs[i];
    const nc_vmath *impl = nc__vmath();
    uint64_t from = 0, to = 0xffffffffu;
    for (int a = 2; a < argc; a++) {
        if (!strcmp(argv[a], "scalar"))
            impl = nc__vmath_scalar();
        else if (!strcmp(argv[a], "avx2"))
            impl = nc__vmath_avx2();
        else if (!strcmp(argv[a], "avx512"))
            impl = nc__vmath_avx512();
        else if (!strcmp(argv[a], "--from") && a + 1 < argc)
            from = strtoull(argv[++a], NULL, 16);
        else if (!strcmp(argv[a], "--to") && a + 1 < argc)
            to = strtoull(argv[++a], NULL, 16);
        else {
            fprintf(stderr, "unknown argument %s\n", argv[a]);
            return 2;
        }
    }
    if (!f || !impl || from > to || to > 0xffffffffu) {
        fprintf(stderr, "%s\n", !f ? "unknown function" : !impl ? "implementation not available here"
                                                            : "bad range");
        return 2;
    }
    enum { BLOCK = 1 << 16 };
    static float xs[BLOCK], ys[BLOCK];
    double worst = 0;
    float worst_x = 0;
    uint64_t over_one = 0, sign_zero = 0;
    for (uint64_t u0 = from; u0 <= to; u0 += BLOCK) {
        const uint64_t n = to - u0 + 1 < BLOCK ? to - u0 + 1 : BLOCK;
        for (uint64_t k = 0; k < n; k++) {
            const uint32_t u = (uint32_t)(u0 + k);
            memcpy(&xs[k], &u, sizeof u);
        }
        impl->f32[f->op](xs, ys, (ptrdiff_t)n);
        for (uint64_t k = 0; k < n; k++) {
            const double ref = f->ref((double)xs[k]);
            const double e = ulp_error(ys[k], ref);
            if (e > worst) {
                worst = e;
                worst_x = xs[k];
            }
            over_one += e > 1.0;
            sign_zero += ref == 0 && ys[k] == 0 && !signbit(ref) != !signbit(ys[k]);
        }
    }
    printf("%s float32 (%s) over [%#llx, %#llx]: max %.4f ulp at x = %a (%.9g); "
           "%llu results > 1 ulp, %llu zeros of the wrong sign\n",
           f->name, impl->name, (unsigned long long)from, (unsigned long long)to, worst,
           (double)worst_x, (double)worst_x, (unsigned long long)over_one,
           (unsigned long long)sign_zero);
    return over_one || sign_zero;
}
