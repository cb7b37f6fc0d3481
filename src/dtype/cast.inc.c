/* cast.inc.c: template of one cast kernel, cast_<FROM_SFX>_<TO_SFX>.
 *
 * Included by cast_row.inc.c with FROM_SFX and TO_SFX defined (kernel
 * suffixes such as i8, f16, c128); undefines TO_SFX and its own helpers at
 * the end.  The kernel has nc_cast_fn's signature.  Its contiguous case is a
 * separate plain loop so that the compiler can vectorize it; src and dst may
 * be the same buffer (in-place casts between equal sizes), since each element
 * is loaded before it is stored. */

#define F_T NC_CAT(CTYPE_, FROM_SFX)
#define T_T NC_CAT(CTYPE_, TO_SFX)
#define F_CAT NC_CAT(CAT_, FROM_SFX)
#define T_CAT NC_CAT(CAT_, TO_SFX)
#define CONV NC_CAT4(conv_, FROM_SFX, _, TO_SFX)
#define KERNEL NC_CAT4(cast_, FROM_SFX, _, TO_SFX)

#if NC_CAT(NUM_, FROM_SFX) == NC_CAT(NUM_, TO_SFX)

/* Same dtype: a copy, bit for bit (NaN payloads and odd bool bytes too). */
static void KERNEL(const char *src, ptrdiff_t sstride, char *dst,
                   ptrdiff_t dstride, ptrdiff_t n)
{
    if (sstride == sizeof(F_T) && dstride == sizeof(F_T)) {
        if (n > 0)
            memmove(dst, src, (size_t)n * sizeof(F_T));
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++, src += sstride, dst += dstride) {
        F_T x;
        memcpy(&x, src, sizeof x);
        memcpy(dst, &x, sizeof x);
    }
}

#else

static inline T_T CONV(F_T x, int *bad)
{
    T_T y;
    (void)bad; /* only float -> int conversions can be invalid */
#if T_CAT == CAT_BOOL
#  if F_CAT == CAT_CPLX
    y = (x.re != 0) | (x.im != 0); /* no branch: NaN parts count as nonzero */
#  elif F_CAT == CAT_HALF
    y = (x & 0x7fffu) != 0; /* all but +-0 */
#  else
    y = x != 0;
#  endif
#elif F_CAT == CAT_BOOL
#  if T_CAT == CAT_HALF
    y = x ? 0x3c00u : 0; /* 1.0 */
#  elif T_CAT == CAT_CPLX
    y.re = x != 0;
    y.im = 0;
#  else
    y = x != 0;
#  endif
#else
    /* r: the real value of x, in a C type that holds it exactly. */
#  if F_CAT == CAT_HALF && NC_CAT(WIDE_, TO_SFX)
    double r = nc_half_to_double(x); /* keeps NaN payloads as NumPy does */
#  elif F_CAT == CAT_HALF
    float r = nc_half_to_float(x);
#  elif F_CAT == CAT_CPLX
    NC_CAT(PART_, FROM_SFX) r = x.re;
#  else
    F_T r = x;
#  endif
#  if (T_CAT == CAT_SINT || T_CAT == CAT_UINT) && (F_CAT == CAT_SINT || F_CAT == CAT_UINT)
    y = (T_T)r; /* modular, as two's complement integers wrap */
#  elif T_CAT == CAT_SINT || T_CAT == CAT_UINT
    y = (T_T)NC_CAT(FCVT_, TO_SFX)(r, bad);
#  elif T_CAT == CAT_HALF && (NC_CAT(WIDE_, FROM_SFX) || F_CAT == CAT_SINT || F_CAT == CAT_UINT)
    /* Integers that fit a half are exact in double; larger ones overflow. */
    y = nc_double_to_half((double)r);
#  elif T_CAT == CAT_HALF
    y = nc_float_to_half(r);
#  elif T_CAT == CAT_REAL
    y = (T_T)r;
#  else
    y.re = (NC_CAT(PART_, TO_SFX))r;
#    if F_CAT == CAT_CPLX
    y.im = (NC_CAT(PART_, TO_SFX))x.im;
#    else
    y.im = 0;
#    endif
#  endif
#endif
    return y;
}

static void KERNEL(const char *src, ptrdiff_t sstride, char *dst,
                   ptrdiff_t dstride, ptrdiff_t n)
{
    int bad = 0;
    if (sstride == sizeof(F_T) && dstride == sizeof(T_T)) {
        for (ptrdiff_t i = 0; i < n; i++) {
            F_T x;
            memcpy(&x, src + i * (ptrdiff_t)sizeof(F_T), sizeof x);
            T_T y = CONV(x, &bad);
            memcpy(dst + i * (ptrdiff_t)sizeof(T_T), &y, sizeof y);
        }
    } else {
        for (ptrdiff_t i = 0; i < n; i++, src += sstride, dst += dstride) {
            F_T x;
            memcpy(&x, src, sizeof x);
            T_T y = CONV(x, &bad);
            memcpy(dst, &y, sizeof y);
        }
    }
    raise_invalid(bad);
}

#endif

#undef F_T
#undef T_T
#undef F_CAT
#undef T_CAT
#undef CONV
#undef KERNEL
#undef TO_SFX
