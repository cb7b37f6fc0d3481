/* at_kernels.inc.c: indexed kernels for ufunc.at, a[idx[i]] = op(a[idx[i]],
 * b[i]) in order, one 1-d int64 index (any stride), b of the loop's dtype
 * (stride 0 for a scalar).  Included by at.c once per (op, dtype) with
 *   AK_NAME        the function's name
 *   AK_T           the element type
 *   AK_OP(x, y)    the ufunc's scalar rule, as in its inner loop
 * and this file undefines them.  Indices are bounds-checked beforehand;
 * negative ones wrap here.  Repeated indices apply one after the other. */
static void AK_NAME(char *base, ptrdiff_t sa, ptrdiff_t len, const char *pi, ptrdiff_t si,
                    const char *pb, ptrdiff_t sb, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++) {
        int64_t v = *(const int64_t *)(pi + i * si);
        v += v < 0 ? len : 0;
        AK_T *pa = (AK_T *)(base + (ptrdiff_t)v * sa);
        AK_T x = *pa, y = *(const AK_T *)(pb + i * sb);
        *pa = AK_OP(x, y);
    }
}

#undef AK_NAME
#undef AK_T
#undef AK_OP
