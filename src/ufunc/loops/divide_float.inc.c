/* divide_float.inc.c: floor_divide, remainder and divmod for one real
 * floating dtype (see foreach_float.inc.c), as NumPy computes them.
 *
 * divmod follows Python's float divmod: the remainder is fmod's, moved to
 * the divisor's sign, and the quotient (a - rem) / b is snapped to the
 * nearest whole number.  Zero results take a sign: the remainder the
 * divisor's, the quotient that of a / b.  A zero divisor gives a / b and
 * fmod(a, 0) (inf or NaN), and floor_divide / remainder then compute only
 * their own part, so they raise only its flags, as NumPy does.  Ordered
 * comparisons are the quiet isless & co., so a NaN raises no extra flag.
 * float16 computes in float and rounds each output once. */

static inline CT NC_HNAME(divmod1)(CT a, CT b, CT *rem)
{
    CT m = M(fmod)(a, b);
    if (b == 0) {
        *rem = m;
        return a / b;
    }
    CT q = (a - m) / b;
    if (m != 0) {
        if (isless(b, 0) != isless(m, 0)) {
            m += b;
            q -= 1;
        }
    }
    else {
        m = M(copysign)(0, b);
    }
    CT fq;
    if (q != 0) {
        fq = M(floor)(q);
        if (isgreater(q - fq, (CT)0.5))
            fq += 1;
    }
    else {
        fq = M(copysign)(0, a / b);
    }
    *rem = m;
    return fq;
}

static inline CT NC_HNAME(floordiv)(CT a, CT b)
{
    CT m;
    return b == 0 ? a / b : NC_HNAME(divmod1)(a, b, &m);
}

static inline CT NC_HNAME(mod)(CT a, CT b)
{
    CT m;
    if (b == 0)
        return M(fmod)(a, b);
    NC_HNAME(divmod1)(a, b, &m);
    return m;
}

#define LOOP_TIN T
#define LOOP_TOUT T

#define LOOP_NAME NC_KNAME(floor_divide)
#define LOOP_OP(a, b) ST(NC_HNAME(floordiv)(LD(a), LD(b)))
#include "loop_binary.inc.c"

#define LOOP_NAME NC_KNAME(remainder)
#define LOOP_OP(a, b) ST(NC_HNAME(mod)(LD(a), LD(b)))
#include "loop_binary.inc.c"

#undef LOOP_TIN
#undef LOOP_TOUT

/* Two outputs, so no skeleton; fmod and floor are calls, which no
 * vectoriser crosses anyway. */
int NC_KNAME(divmod)(char *const *args, const ptrdiff_t *n, const ptrdiff_t *steps,
                     void *ctx)
{
    char *pa = args[0], *pb = args[1], *pq = args[2], *pr = args[3];
    (void)ctx;
    for (ptrdiff_t i = 0; i < n[0]; i++) {
        CT m;
        const CT q = NC_HNAME(divmod1)(LD(*(const T *)pa), LD(*(const T *)pb), &m);
        *(T *)pq = ST(q);
        *(T *)pr = ST(m);
        pa += steps[0];
        pb += steps[1];
        pq += steps[2];
        pr += steps[3];
    }
    return 0;
}
