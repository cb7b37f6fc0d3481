/* promote.c: NumPy 2's type promotion, cast safety and NEP 50 weak scalars.
 *
 * Everything follows from one rule, safe(from, to), written in terms of kind
 * and itemsize; there are no hand-typed tables.  On top of it:
 *  - promote_types(a, b) and result_type(...) are the first dtype in NumPy's
 *    type order (dtypes.def) that every operand casts to safely.  This is how
 *    NumPy 2 behaves for n operands too, which pairwise folding would not
 *    reproduce: promote(promote(uint8, int8), float16) is float32, but
 *    result_type(uint8, int8, float16) is float16.
 *  - same_kind allows, beyond safe casts, any cast that does not go down the
 *    kind order bool < unsigned < signed < float < complex.
 * All functions are pure and keep no state, so they are thread-safe. */
#include "numc/dtype.h"

#define NC_DTYPE(ID, SFX, CTYPE, KIND, CHAR, SIZE, NAME) [NC_##ID] = KIND,
static const char kinds[NC_NTYPES] = {
#include "numc/dtypes.def"
};
#undef NC_DTYPE
#define NC_DTYPE(ID, SFX, CTYPE, KIND, CHAR, SIZE, NAME) [NC_##ID] = SIZE,
static const unsigned char sizes[NC_NTYPES] = {
#include "numc/dtypes.def"
};
#undef NC_DTYPE

static int kind_rank(char kind)
{
    switch (kind) {
    case 'b': return 0;
    case 'u': return 1;
    case 'i': return 2;
    case 'f': return 3;
    default: return 4; /* 'c' */
    }
}

/* Bytes of one real component: a complex is judged by its parts. */
static int part_size(nc_dtype_id t)
{
    return kinds[t] == 'c' ? sizes[t] / 2 : sizes[t];
}

static int safe(nc_dtype_id from, nc_dtype_id to)
{
    char fk = kinds[from], tk = kinds[to];
    int fs = sizes[from], ts = sizes[to];
    if (from == to || fk == 'b')
        return 1;
    switch (tk) {
    case 'b':
        return 0;
    case 'u':
        return fk == 'u' && ts >= fs;
    case 'i':
        /* An unsigned type needs one more bit, hence a strictly larger int. */
        return (fk == 'i' && ts >= fs) || (fk == 'u' && ts > fs);
    default: /* 'f', 'c' */
        if (fk == 'c')
            return tk == 'c' && part_size(to) >= part_size(from);
        if (fk == 'f')
            return part_size(to) >= fs;
        /* An n-byte integer fits the significand of a 2n-byte float
         * (11, 24, 53 bits).  64-bit integers go to float64 although it is
         * inexact: NumPy declares that safe so that int64 + uint64 has a
         * result. */
        return part_size(to) >= (2 * fs < 8 ? 2 * fs : 8);
    }
}

int nc_can_cast(nc_dtype_id from, nc_dtype_id to, nc_casting casting)
{
    switch (casting) {
    case NC_CAST_NO:
    case NC_CAST_EQUIV:
        return from == to; /* numc has native byte order only */
    case NC_CAST_SAFE:
        return safe(from, to);
    case NC_CAST_SAME_KIND:
        return safe(from, to) || kind_rank(kinds[from]) <= kind_rank(kinds[to]);
    case NC_CAST_UNSAFE:
        return 1;
    }
    return 0;
}

/* First dtype that all of `ids` cast to safely; complex128 always qualifies. */
static nc_dtype_id common(int n, const nc_dtype_id *ids)
{
    for (int t = 0; t < NC_NTYPES; t++) {
        int ok = 1;
        for (int i = 0; i < n && ok; i++)
            ok = safe(ids[i], (nc_dtype_id)t);
        if (ok)
            return (nc_dtype_id)t;
    }
    return NC_COMPLEX128;
}

nc_dtype_id nc_promote_types(nc_dtype_id a, nc_dtype_id b)
{
    nc_dtype_id pair[2] = {a, b};
    if (a == b)
        return a;
    return common(2, pair);
}

nc_dtype_id nc_weak_resolve(nc_weak_kind weak, nc_dtype_id strong)
{
    int rank = kind_rank(kinds[strong]);
    switch (weak) {
    case NC_WEAK_NONE:
        return strong;
    case NC_WEAK_INT:
        /* Only bool is below int: the scalar becomes the default int. */
        return rank == 0 ? NC_INT64 : strong;
    case NC_WEAK_FLOAT:
        return rank < 3 ? NC_FLOAT64 : strong;
    case NC_WEAK_COMPLEX:
        if (rank < 3)
            return NC_COMPLEX128;
        if (rank == 3) /* the complex type whose parts are at least as wide */
            return sizes[strong] <= 4 ? NC_COMPLEX64 : NC_COMPLEX128;
        return strong;
    }
    return strong;
}

/* Weak scalars only raise the kind, never the precision of the strong
 * dtypes, so the highest weak kind decides alone.  With no operands at all
 * (which callers should refuse, as NumPy does) the default float64 is
 * returned rather than an invalid id. */
nc_dtype_id nc_result_type(int n_strong, const nc_dtype_id *strong,
                           int n_weak, const nc_weak_kind *weak)
{
    nc_weak_kind top = NC_WEAK_NONE;
    for (int i = 0; i < n_weak; i++)
        if (weak[i] > top)
            top = weak[i];
    if (n_strong > 0)
        return nc_weak_resolve(top, common(n_strong, strong));
    switch (top) {
    case NC_WEAK_INT: return NC_INT64;
    case NC_WEAK_COMPLEX: return NC_COMPLEX128;
    default: return NC_FLOAT64;
    }
}
