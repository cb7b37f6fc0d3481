/* math_real.inc.c: the loops of exp, log, sin, cos and tanh for one real
 * floating dtype (see foreach_float.inc.c for T, SFX, IS_HALF), over the
 * vmath kernels of the implementation chosen at first use.
 *
 * Contiguous float32/float64 operands go to the kernel directly; other
 * strides and float16 (computed in float32, as NumPy does) pass through
 * blocks of BLOCK elements on the stack.  The flags the kernel's own
 * arithmetic raised are dropped and the ones it reports raised instead. */

static int NC_HNAME(vm_loop)(enum nc_vmath_op op, char *const *args, const ptrdiff_t *n,
                             const ptrdiff_t *steps)
{
    char *pa = args[0], *po = args[1];
    const ptrdiff_t sa = steps[0], so = steps[1], len = n[0];
    const unsigned int fpe_on_entry = nc__fp_save();
    int fl = 0;
#if IS_HALF
    const nc_vfn_f32 fn = nc__vmath()->f32[op];
    float buf[BLOCK];
    for (ptrdiff_t i = 0; i < len; i += BLOCK) {
        const ptrdiff_t m = len - i < BLOCK ? len - i : BLOCK;
        for (ptrdiff_t k = 0; k < m; k++)
            buf[k] = nc_half_to_float(*(const nc_half *)(pa + (i + k) * sa));
        fl |= fn(buf, buf, m);
        nc__fp_drop_since(fpe_on_entry);
        /* the rounding to half raises overflow (exp(12)), as NumPy's */
        for (ptrdiff_t k = 0; k < m; k++)
            *(nc_half *)(po + (i + k) * so) = nc_float_to_half(buf[k]);
    }
#else
    const nc_vmath *vm = nc__vmath();
    /* the float32 or float64 table, whichever T is */
    int (*const fn)(const T *, T *, ptrdiff_t) = _Generic((T)0, double: vm->f64[op],
                                                          default: vm->f32[op]);
    if (sa == (ptrdiff_t)sizeof(T) && so == (ptrdiff_t)sizeof(T)) {
        fl = fn((const T *)pa, (T *)po, len);
    }
    else {
        T buf[BLOCK];
        for (ptrdiff_t i = 0; i < len; i += BLOCK) {
            const ptrdiff_t m = len - i < BLOCK ? len - i : BLOCK;
            for (ptrdiff_t k = 0; k < m; k++)
                buf[k] = *(const T *)(pa + (i + k) * sa);
            fl |= fn(buf, buf, m);
            for (ptrdiff_t k = 0; k < m; k++)
                *(T *)(po + (i + k) * so) = buf[k];
        }
    }
    nc__fp_drop_since(fpe_on_entry);
#endif
    if (fl)
        nc__fp_raise(fl);
    return 0;
}

/* The ufunc loop of one vmath op (also used by math_real_explog.inc.c and
 * math_trig.inc.c, included after this file for the same dtype). */
#ifndef NC_VM_LOOP
#define NC_VM_LOOP(name, op)                                                             \
    int NC_KNAME(name)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,    \
                       void *ctx)                                                        \
    {                                                                                    \
        (void)ctx;                                                                       \
        return NC_HNAME(vm_loop)(op, args, n, steps);                                    \
    }
#endif

NC_VM_LOOP(exp, NC_VM_EXP)
NC_VM_LOOP(log, NC_VM_LOG)
NC_VM_LOOP(sin, NC_VM_SIN)
NC_VM_LOOP(cos, NC_VM_COS)
NC_VM_LOOP(tanh, NC_VM_TANH)

#include "math/math_real_explog.inc.c"

/* sqrt is the correctly rounded hardware instruction; its own flags
 * (invalid for x < 0) are NumPy's. */
#define LOOP_TIN T
#define LOOP_TOUT T
#define LOOP_NAME NC_KNAME(sqrt)
#define LOOP_OP(a) ST(M(sqrt)(LD(a)))
#include "ufunc/loops/loop_unary.inc.c"
#undef LOOP_TIN
#undef LOOP_TOUT
