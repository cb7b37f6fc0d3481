/* test_dtype.c: float16 conversions, promotion, can_cast, NEP 50 and the
 * 196 cast kernels.  The full tables are compared with NumPy's answers in
 * dtype_numpy_tables.h (regenerate with tools/check_dtype_tables.py). */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "numc/numc.h"
#include "nctest.h"
#include "dtype_numpy_tables.h"

static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float bitsf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static double bitsd(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static int half_is_nan(nc_half h) { return (h & 0x7c00) == 0x7c00 && (h & 0x3ff); }

static void test_half_roundtrip(void)
{
    int bad = 0;
    for (uint32_t i = 0; i < 65536; i++) {
        nc_half h = (nc_half)i;
        float f = nc_half_to_float(h);
        double d = nc_half_to_double(h);
        /* NaN payloads survive too, so the round trip is the identity. */
        if (nc_float_to_half(f) != h || nc_double_to_half(d) != h)
            bad++;
        if (half_is_nan(h) ? !(isnan(f) && isnan(d)) : (double)f != d)
            bad++;
        if (!half_is_nan(h) && !!signbit(f) != ((i & 0x8000) != 0))
            bad++;
    }
    NC_CHECK_MSG(bad == 0, "%d half patterns failed", bad);
    NC_CHECK(nc_half_to_float(0x3c00) == 1.0f);
    NC_CHECK(nc_half_to_float(0x7bff) == 65504.0f);
    NC_CHECK(nc_half_to_float(0x0001) == 0x1p-24f);
    NC_CHECK(nc_half_to_double(0x03ff) == 1023 * 0x1p-24);
    NC_CHECK(nc_half_to_float(0xfc00) == -INFINITY);
    NC_CHECK(fbits(nc_half_to_float(0x7c01)) == 0x7f802000u); /* payload kept */
}

/* Every rounding boundary: for each pair of adjacent finite halves, the
 * midpoint (exact in float) must round to the even one, and one float ulp
 * either side to the nearer one; same from double. */
static void test_half_rounding_exhaustive(void)
{
    int bad = 0;
    for (uint32_t i = 0; i < 0x7bff; i++) {
        for (int neg = 0; neg < 2; neg++) {
            nc_half lo = (nc_half)(i | (neg ? 0x8000u : 0)), hi = (nc_half)(lo + 1);
            double mid = (nc_half_to_double(lo) + nc_half_to_double(hi)) / 2;
            float midf = (float)mid;
            nc_half even = (lo & 1) ? hi : lo;
            float up = nextafterf(midf, neg ? -INFINITY : INFINITY);
            float down = nextafterf(midf, 0.0f);
            if (nc_float_to_half(midf) != even || nc_double_to_half(mid) != even)
                bad++;
            if (nc_float_to_half(up) != hi || nc_float_to_half(down) != lo)
                bad++;
            if (nc_double_to_half(nextafter(mid, neg ? -INFINITY : INFINITY)) != hi ||
                nc_double_to_half(nextafter(mid, 0.0)) != lo)
                bad++;
        }
    }
    NC_CHECK_MSG(bad == 0, "%d rounding boundaries wrong", bad);
}

static void test_half_special(void)
{
    NC_CHECK(nc_float_to_half(1.0f + 0x1p-11f) == 0x3c00);       /* tie to even */
    NC_CHECK(nc_float_to_half(1.0f + 3 * 0x1p-11f) == 0x3c02);   /* tie to even, up */
    NC_CHECK(nc_float_to_half(2049.0f) == nc_float_to_half(2048.0f));
    NC_CHECK(nc_float_to_half(2051.0f) == nc_float_to_half(2052.0f));
    NC_CHECK(nc_float_to_half(0x1p-24f) == 0x0001);
    NC_CHECK(nc_float_to_half(0x1p-25f) == 0x0000);              /* tie to 0 */
    NC_CHECK(nc_float_to_half(0x1.000002p-25f) == 0x0001);
    NC_CHECK(nc_float_to_half(3 * 0x1p-25f) == 0x0002);
    NC_CHECK(nc_float_to_half(1023.5f * 0x1p-24f) == 0x0400);    /* subnormal -> normal */
    NC_CHECK(nc_double_to_half(1e-300) == 0 && nc_double_to_half(-1e-300) == 0x8000);
    NC_CHECK(nc_float_to_half(-0.0f) == 0x8000);
    NC_CHECK(nc_float_to_half(0x1p-149f) == 0);                  /* float subnormal */
    /* double -> half must not round through float: float would make this an
     * exact tie and round it down to 1.0. */
    double x = 1.0 + 0x1p-11 + 0x1p-40;
    NC_CHECK(nc_double_to_half(x) == 0x3c01);
    NC_CHECK(nc_float_to_half((float)x) == 0x3c00);
    /* NaN: sign and top payload bits kept; a payload only in low bits still
     * gives a NaN, never inf. */
    NC_CHECK(nc_float_to_half(-NAN) == 0xfe00);
    NC_CHECK(nc_float_to_half(bitsf(0x7f800001u)) == 0x7c01);
    NC_CHECK(nc_float_to_half(bitsf(0xffa00001u)) == 0xfd00);
    NC_CHECK(nc_double_to_half(bitsd(0x7ff0000000000001u)) == 0x7c01);
    NC_CHECK(nc_double_to_half(bitsd(0x7ff4000000000000u)) == 0x7d00);
    NC_CHECK(nc_float_to_half(INFINITY) == 0x7c00 && nc_double_to_half(-INFINITY) == 0xfc00);
    /* Overflow gives inf and FE_OVERFLOW, which NumPy reports as a warning. */
    feclearexcept(FE_ALL_EXCEPT);
    NC_CHECK(nc_float_to_half(65504.0f) == 0x7bff);
    NC_CHECK(nc_float_to_half(65519.99f) == 0x7bff);
    NC_CHECK(nc_float_to_half(INFINITY) == 0x7c00);
    NC_CHECK(!fetestexcept(FE_OVERFLOW));
    NC_CHECK(nc_float_to_half(65520.0f) == 0x7c00);
    NC_CHECK(fetestexcept(FE_OVERFLOW));
    feclearexcept(FE_ALL_EXCEPT);
    NC_CHECK(nc_double_to_half(-1e300) == 0xfc00);
    NC_CHECK(fetestexcept(FE_OVERFLOW));
    feclearexcept(FE_ALL_EXCEPT);
}

static void test_promote(void)
{
    int bad = 0;
    for (int a = 0; a < NC_NTYPES; a++)
        for (int b = 0; b < NC_NTYPES; b++) {
            nc_dtype_id r = nc_promote_types((nc_dtype_id)a, (nc_dtype_id)b);
            if (r != np_promote[a][b]) {
                bad++;
                fprintf(stderr, "promote(%s, %s) = %s, numpy %s\n",
                        nc_dtype_info((nc_dtype_id)a)->name, nc_dtype_info((nc_dtype_id)b)->name,
                        nc_dtype_info(r)->name, nc_dtype_info(np_promote[a][b])->name);
            }
            if (r != nc_promote_types((nc_dtype_id)b, (nc_dtype_id)a))
                bad++;
            /* The result holds both operands. */
            if (!nc_can_cast((nc_dtype_id)a, r, NC_CAST_SAFE) || !nc_can_cast((nc_dtype_id)b, r, NC_CAST_SAFE))
                bad++;
        }
    NC_CHECK_MSG(bad == 0, "%d promotion entries wrong", bad);
    for (int a = 0; a < NC_NTYPES; a++) {
        NC_CHECK(nc_promote_types((nc_dtype_id)a, (nc_dtype_id)a) == (nc_dtype_id)a);
        NC_CHECK(nc_promote_types(NC_BOOL, (nc_dtype_id)a) == (nc_dtype_id)a);
    }
    NC_CHECK(nc_promote_types(NC_INT64, NC_UINT64) == NC_FLOAT64);
    NC_CHECK(nc_promote_types(NC_INT8, NC_UINT8) == NC_INT16);
    NC_CHECK(nc_promote_types(NC_UINT32, NC_INT32) == NC_INT64);
    NC_CHECK(nc_promote_types(NC_INT16, NC_FLOAT16) == NC_FLOAT32);
    NC_CHECK(nc_promote_types(NC_UINT8, NC_FLOAT16) == NC_FLOAT16);
    NC_CHECK(nc_promote_types(NC_UINT64, NC_FLOAT16) == NC_FLOAT64);
    NC_CHECK(nc_promote_types(NC_INT32, NC_FLOAT32) == NC_FLOAT64);
    NC_CHECK(nc_promote_types(NC_FLOAT16, NC_COMPLEX64) == NC_COMPLEX64);
    NC_CHECK(nc_promote_types(NC_FLOAT64, NC_COMPLEX64) == NC_COMPLEX128);
    NC_CHECK(nc_promote_types(NC_INT64, NC_COMPLEX64) == NC_COMPLEX128);
    NC_CHECK(nc_promote_types(NC_INT16, NC_COMPLEX64) == NC_COMPLEX64);
    NC_CHECK(nc_promote_types(NC_UINT16, NC_INT8) == NC_INT32);
}

static void test_can_cast(void)
{
    int bad = 0;
    for (int m = 0; m < 5; m++)
        for (int a = 0; a < NC_NTYPES; a++)
            for (int b = 0; b < NC_NTYPES; b++) {
                int r = nc_can_cast((nc_dtype_id)a, (nc_dtype_id)b, (nc_casting)m);
                if (r != np_can_cast[m][a][b]) {
                    bad++;
                    fprintf(stderr, "can_cast(%s, %s, %d) = %d\n", nc_dtype_info((nc_dtype_id)a)->name,
                            nc_dtype_info((nc_dtype_id)b)->name, m, r);
                }
                /* Each mode allows at least what the stricter ones allow. */
                if (m > 0 && np_can_cast[m - 1][a][b] && !r)
                    bad++;
            }
    NC_CHECK_MSG(bad == 0, "%d can_cast entries wrong", bad);
    NC_CHECK(nc_can_cast(NC_INT64, NC_FLOAT64, NC_CAST_SAFE));
    NC_CHECK(!nc_can_cast(NC_UINT64, NC_INT64, NC_CAST_SAFE));
    NC_CHECK(nc_can_cast(NC_UINT64, NC_INT64, NC_CAST_SAME_KIND));
    NC_CHECK(!nc_can_cast(NC_INT8, NC_UINT64, NC_CAST_SAME_KIND));
    NC_CHECK(nc_can_cast(NC_FLOAT64, NC_FLOAT16, NC_CAST_SAME_KIND));
    NC_CHECK(!nc_can_cast(NC_FLOAT64, NC_FLOAT16, NC_CAST_SAFE));
    NC_CHECK(!nc_can_cast(NC_COMPLEX64, NC_FLOAT64, NC_CAST_SAME_KIND));
    NC_CHECK(nc_can_cast(NC_COMPLEX128, NC_FLOAT16, NC_CAST_UNSAFE));
    NC_CHECK(!nc_can_cast(NC_INT8, NC_BOOL, NC_CAST_SAME_KIND));
    NC_CHECK(!nc_can_cast(NC_INT32, NC_INT64, NC_CAST_NO));
    NC_CHECK(nc_can_cast(NC_INT32, NC_INT32, NC_CAST_EQUIV));
    for (int b = 0; b < NC_NTYPES; b++)
        NC_CHECK(nc_can_cast(NC_BOOL, (nc_dtype_id)b, NC_CAST_SAFE));
}

static void test_nep50(void)
{
    static const nc_weak_kind kinds[3] = {NC_WEAK_INT, NC_WEAK_FLOAT, NC_WEAK_COMPLEX};
    int bad = 0;
    for (int w = 0; w < 3; w++)
        for (int s = 0; s < NC_NTYPES; s++) {
            nc_dtype_id strong = (nc_dtype_id)s;
            if (nc_weak_resolve(kinds[w], strong) != np_weak[w][s])
                bad++;
            if (nc_result_type(1, &strong, 1, &kinds[w]) != np_weak[w][s])
                bad++;
        }
    NC_CHECK_MSG(bad == 0, "%d weak entries wrong", bad);
    for (int s = 0; s < NC_NTYPES; s++)
        NC_CHECK(nc_weak_resolve(NC_WEAK_NONE, (nc_dtype_id)s) == (nc_dtype_id)s);
    NC_CHECK(nc_weak_resolve(NC_WEAK_INT, NC_BOOL) == NC_INT64);
    NC_CHECK(nc_weak_resolve(NC_WEAK_INT, NC_UINT8) == NC_UINT8);
    NC_CHECK(nc_weak_resolve(NC_WEAK_FLOAT, NC_INT8) == NC_FLOAT64);
    NC_CHECK(nc_weak_resolve(NC_WEAK_FLOAT, NC_FLOAT16) == NC_FLOAT16);
    NC_CHECK(nc_weak_resolve(NC_WEAK_COMPLEX, NC_FLOAT32) == NC_COMPLEX64);
    NC_CHECK(nc_weak_resolve(NC_WEAK_COMPLEX, NC_FLOAT64) == NC_COMPLEX128);
    NC_CHECK(nc_weak_resolve(NC_WEAK_COMPLEX, NC_INT8) == NC_COMPLEX128);

    nc_weak_kind wi = NC_WEAK_INT, wf = NC_WEAK_FLOAT, wc = NC_WEAK_COMPLEX;
    nc_weak_kind ifc[3] = {NC_WEAK_INT, NC_WEAK_COMPLEX, NC_WEAK_FLOAT};
    NC_CHECK(nc_result_type(0, NULL, 1, &wi) == NC_INT64);
    NC_CHECK(nc_result_type(0, NULL, 1, &wf) == NC_FLOAT64);
    NC_CHECK(nc_result_type(0, NULL, 1, &wc) == NC_COMPLEX128);
    NC_CHECK(nc_result_type(0, NULL, 3, ifc) == NC_COMPLEX128);
    /* n-ary promotion is not a pairwise fold (NumPy: float16, fold: float32). */
    nc_dtype_id three[3] = {NC_UINT8, NC_INT8, NC_FLOAT16};
    NC_CHECK(nc_result_type(3, three, 0, NULL) == NC_FLOAT16);
    NC_CHECK(nc_result_type(3, three, 1, &wc) == NC_COMPLEX64);
    nc_dtype_id two[2] = {NC_INT8, NC_UINT8};
    NC_CHECK(nc_result_type(2, two, 1, &wi) == NC_INT16);
    NC_CHECK(nc_result_type(2, two, 1, &wf) == NC_FLOAT64);
    nc_dtype_id b = NC_BOOL;
    NC_CHECK(nc_result_type(1, &b, 3, ifc) == NC_COMPLEX128);
}

/* Byte size of one element. */
static size_t isz(int t) { return (size_t)nc_dtype_info((nc_dtype_id)t)->itemsize; }

static int flags_now(void)
{
    return (fetestexcept(FE_INVALID) ? NP_INVALID : 0) | (fetestexcept(FE_OVERFLOW) ? NP_OVERFLOW : 0);
}

static void describe(const char *what, int a, int b)
{
    fprintf(stderr, "  %s: %s -> %s\n", what, nc_dtype_info((nc_dtype_id)a)->name,
            nc_dtype_info((nc_dtype_id)b)->name);
}

/* Casts NumPy's source values with contiguous, unaligned strided, negative
 * and in-place strides and compares bytes and FP flags with NumPy. */
static void test_cast_vs_numpy(void)
{
    int bad = 0;
    for (int a = 0; a < NC_NTYPES; a++) {
        const np_cast_src *s = &np_cast_srcs[a];
        size_t fs = isz(a), n = (size_t)s->n;
        for (int b = 0; b < NC_NTYPES; b++) {
            const np_cast_dst *want = &np_casts[a][b];
            size_t ts = isz(b);
            nc_cast_fn fn = nc_cast_get((nc_dtype_id)a, (nc_dtype_id)b);
            if (!fn) {
                bad++;
                describe("no kernel", a, b);
                continue;
            }
            char *src = malloc(n * fs), *dst = calloc(n, ts);
            memcpy(src, s->bytes, n * fs);
            feclearexcept(FE_ALL_EXCEPT);
            fn(src, (ptrdiff_t)fs, dst, (ptrdiff_t)ts, (ptrdiff_t)n);
            int flags = flags_now();
            if (memcmp(dst, want->bytes, n * ts) != 0) {
                bad++;
                describe("contiguous values differ", a, b);
            }
            if (flags != want->flags) {
                bad++;
                describe("FP flags differ", a, b);
                fprintf(stderr, "   got %d want %d\n", flags, want->flags);
            }

            /* Strided and misaligned: every element at an odd address. */
            size_t sst = 3 * fs + 1, dst_st = 2 * ts + 1;
            char *ssrc = calloc(n, sst), *sdst = calloc(n, dst_st);
            for (size_t i = 0; i < n; i++)
                memcpy(ssrc + 1 + i * sst, s->bytes + i * fs, fs);
            fn(ssrc + 1, (ptrdiff_t)sst, sdst + 1, (ptrdiff_t)dst_st, (ptrdiff_t)n);
            for (size_t i = 0; i < n; i++)
                if (memcmp(sdst + 1 + i * dst_st, want->bytes + i * ts, ts) != 0) {
                    bad++;
                    describe("strided value differs", a, b);
                    break;
                }

            /* Negative strides: walk both arrays backwards. */
            memset(dst, 0, n * ts);
            fn(src + (n - 1) * fs, -(ptrdiff_t)fs, dst + (n - 1) * ts, -(ptrdiff_t)ts, (ptrdiff_t)n);
            if (memcmp(dst, want->bytes, n * ts) != 0) {
                bad++;
                describe("negative-stride values differ", a, b);
            }

            /* In place, where the sizes allow it. */
            if (fs == ts) {
                fn(src, (ptrdiff_t)fs, src, (ptrdiff_t)ts, (ptrdiff_t)n);
                if (memcmp(src, want->bytes, n * ts) != 0) {
                    bad++;
                    describe("in-place values differ", a, b);
                }
            }
            fn(src, (ptrdiff_t)fs, dst, (ptrdiff_t)ts, 0); /* n = 0 touches nothing */
            free(src);
            free(dst);
            free(ssrc);
            free(sdst);
        }
    }
    feclearexcept(FE_ALL_EXCEPT);
    NC_CHECK_MSG(bad == 0, "%d cast checks failed", bad);
    NC_CHECK(nc_cast_get(NC_NTYPES, NC_BOOL) == NULL);
}

/* Long arrays of arbitrary bit patterns: the contiguous (vectorized) loop and
 * the strided loop must agree on every value and on the flags. */
static void test_cast_loops_agree(void)
{
    enum { N = 1037 };
    static unsigned char src[N * 16], a_out[N * 16], b_out[N * 32];
    static unsigned char strided[N * 32];
    uint64_t state = 0x9e3779b97f4a7c15u;
    for (size_t i = 0; i < sizeof src; i++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        src[i] = (unsigned char)(state >> 56);
    }
    int bad = 0;
    for (int a = 0; a < NC_NTYPES; a++)
        for (int b = 0; b < NC_NTYPES; b++) {
            size_t fs = isz(a), ts = isz(b);
            nc_cast_fn fn = nc_cast_get((nc_dtype_id)a, (nc_dtype_id)b);
            for (size_t i = 0; i < N; i++)
                memcpy(strided + 2 * i * fs, src + i * fs, fs);
            feclearexcept(FE_ALL_EXCEPT);
            fn((const char *)src, (ptrdiff_t)fs, (char *)a_out, (ptrdiff_t)ts, N);
            int fa = flags_now();
            feclearexcept(FE_ALL_EXCEPT);
            fn((const char *)strided, 2 * (ptrdiff_t)fs, (char *)b_out, 2 * (ptrdiff_t)ts, N);
            int fb = flags_now();
            for (size_t i = 0; i < N; i++)
                if (memcmp(a_out + i * ts, b_out + 2 * i * ts, ts) != 0) {
                    bad++;
                    describe("contiguous and strided loops disagree", a, b);
                    break;
                }
            if (fa != fb) {
                bad++;
                describe("contiguous and strided flags disagree", a, b);
            }
        }
    feclearexcept(FE_ALL_EXCEPT);
    NC_CHECK_MSG(bad == 0, "%d pairs disagree", bad);
}

#define CAST1(from, to, ftype, ttype, x, out)                                  \
    do {                                                                      \
        ftype in_ = (x);                                                      \
        nc_cast_get(from, to)((const char *)&in_, sizeof in_, (char *)&(out), sizeof(ttype), 1); \
    } while (0)

static void test_cast_spot(void)
{
    int32_t i32;
    int64_t i64;
    uint8_t u8;
    uint32_t u32;
    uint64_t u64;
    nc_bool bo;
    float f;
    feclearexcept(FE_ALL_EXCEPT);
    CAST1(NC_FLOAT64, NC_INT32, double, int32_t, NAN, i32);
    NC_CHECK(i32 == INT32_MIN);
    NC_CHECK(fetestexcept(FE_INVALID));
    CAST1(NC_FLOAT64, NC_INT64, double, int64_t, -INFINITY, i64);
    NC_CHECK(i64 == INT64_MIN);
    CAST1(NC_FLOAT64, NC_UINT8, double, uint8_t, NAN, u8);
    NC_CHECK(u8 == 0);
    CAST1(NC_FLOAT64, NC_UINT8, double, uint8_t, 300.7, u8);
    NC_CHECK(u8 == 44);
    CAST1(NC_FLOAT64, NC_UINT8, double, uint8_t, -1.0, u8);
    NC_CHECK(u8 == 255);
    CAST1(NC_FLOAT64, NC_UINT32, double, uint32_t, -1.0, u32);
    NC_CHECK(u32 == UINT32_MAX);
    CAST1(NC_FLOAT64, NC_UINT32, double, uint32_t, 1e10, u32);
    NC_CHECK(u32 == 1410065408u);
    CAST1(NC_FLOAT64, NC_UINT64, double, uint64_t, NAN, u64);
    NC_CHECK(u64 == (uint64_t)1 << 63);
    CAST1(NC_FLOAT64, NC_UINT64, double, uint64_t, INFINITY, u64);
    NC_CHECK(u64 == 0);
    CAST1(NC_FLOAT64, NC_UINT64, double, uint64_t, 1.8e19, u64);
    NC_CHECK(u64 == 18000000000000000000u);
    CAST1(NC_FLOAT64, NC_UINT64, double, uint64_t, -1.0, u64);
    NC_CHECK(u64 == UINT64_MAX);
    feclearexcept(FE_ALL_EXCEPT);
    CAST1(NC_FLOAT64, NC_INT32, double, int32_t, -2147483648.9, i32);
    NC_CHECK(i32 == INT32_MIN && !fetestexcept(FE_INVALID));
    CAST1(NC_COMPLEX128, NC_BOOL, nc_cdouble, nc_bool, ((nc_cdouble){0.0, NAN}), bo);
    NC_CHECK(bo == 1);
    CAST1(NC_COMPLEX128, NC_BOOL, nc_cdouble, nc_bool, ((nc_cdouble){-0.0, 0.0}), bo);
    NC_CHECK(bo == 0);
    CAST1(NC_COMPLEX64, NC_BOOL, nc_cfloat, nc_bool, ((nc_cfloat){0.0f, 1e-40f}), bo);
    NC_CHECK(bo == 1);
    CAST1(NC_FLOAT16, NC_BOOL, nc_half, nc_bool, 0x8000, bo);
    NC_CHECK(bo == 0);
    CAST1(NC_COMPLEX128, NC_FLOAT32, nc_cdouble, float, ((nc_cdouble){2.5, 7.0}), f);
    NC_CHECK(f == 2.5f);
    feclearexcept(FE_ALL_EXCEPT);
    CAST1(NC_FLOAT64, NC_FLOAT32, double, float, 1e300, f);
    NC_CHECK(f == INFINITY && fetestexcept(FE_OVERFLOW));
    feclearexcept(FE_ALL_EXCEPT);
}

int main(void)
{
    NC_RUN(test_half_roundtrip);
    NC_RUN(test_half_rounding_exhaustive);
    NC_RUN(test_half_special);
    NC_RUN(test_promote);
    NC_RUN(test_can_cast);
    NC_RUN(test_nep50);
    NC_RUN(test_cast_vs_numpy);
    NC_RUN(test_cast_loops_agree);
    NC_RUN(test_cast_spot);
    return nctest_finish();
}
