/* dtype.c: dtype descriptors and parsing of NumPy's dtype spellings.
 * The descriptor table is expanded from dtypes.def and never changes. */
#include <string.h>
#include <stdalign.h>
#include "numc/dtype.h"

#define NC_DTYPE(ID, SFX, CTYPE, KIND, CHAR, SIZE, NAME) \
    [NC_##ID] = {NC_##ID, KIND, CHAR, SIZE, 0, NAME},
static nc_dtype table[NC_NTYPES] = {
#include "numc/dtypes.def"
};
#undef NC_DTYPE

/* Alignment is a property of the C type, so it is filled in from alignof. */
static const int alignments[NC_NTYPES] = {
    [NC_BOOL] = alignof(nc_bool),     [NC_INT8] = alignof(int8_t),
    [NC_UINT8] = alignof(uint8_t),    [NC_INT16] = alignof(int16_t),
    [NC_UINT16] = alignof(uint16_t),  [NC_INT32] = alignof(int32_t),
    [NC_UINT32] = alignof(uint32_t),  [NC_INT64] = alignof(int64_t),
    [NC_UINT64] = alignof(uint64_t),  [NC_FLOAT16] = alignof(nc_half),
    [NC_FLOAT32] = alignof(float),    [NC_FLOAT64] = alignof(double),
    [NC_COMPLEX64] = alignof(float),  [NC_COMPLEX128] = alignof(double),
};

const nc_dtype *nc_dtype_info(nc_dtype_id id)
{
    nc_dtype *d = &table[id];
    if (!d->alignment)
        d->alignment = alignments[id]; /* idempotent, so racing writers agree */
    return d;
}

typedef struct { const char *name; nc_dtype_id id; } alias;

/* Names NumPy accepts besides the canonical names and type characters. */
static const alias aliases[] = {
    {"bool", NC_BOOL},       {"b1", NC_BOOL},         {"bool_", NC_BOOL},
    {"i1", NC_INT8},         {"u1", NC_UINT8},        {"i2", NC_INT16},
    {"u2", NC_UINT16},       {"i4", NC_INT32},        {"u4", NC_UINT32},
    {"i8", NC_INT64},        {"u8", NC_UINT64},       {"f2", NC_FLOAT16},
    {"f4", NC_FLOAT32},      {"f8", NC_FLOAT64},      {"c8", NC_COMPLEX64},
    {"c16", NC_COMPLEX128},  {"int", NC_INT64},       {"float", NC_FLOAT64},
    {"complex", NC_COMPLEX128}, {"half", NC_FLOAT16}, {"single", NC_FLOAT32},
    {"double", NC_FLOAT64},  {"csingle", NC_COMPLEX64}, {"cdouble", NC_COMPLEX128},
    {"byte", NC_INT8},       {"ubyte", NC_UINT8},     {"short", NC_INT16},
    {"ushort", NC_UINT16},   {"intc", NC_INT32},      {"uintc", NC_UINT32},
    {"long", NC_INT64},      {"ulong", NC_UINT64},    {"longlong", NC_INT64},
    {"ulonglong", NC_UINT64}, {"intp", NC_INT64},     {"uintp", NC_UINT64},
    {"int_", NC_INT64},      {"uint", NC_UINT64},
    {"q", NC_INT64},         {"Q", NC_UINT64},
    {"p", NC_INT64},         {"P", NC_UINT64},        {"?", NC_BOOL},
};

nc_status nc_dtype_from_string(const char *s, nc_dtype_id *out)
{
    const char *body = s;
    if (*body == '<' || *body == '=' || *body == '|' || *body == '>') {
        char bo = *body++;
        /* '>' is big-endian: only single-byte types have no byte order. */
        if (bo == '>') {
            nc_dtype_id id;
            if (nc_dtype_from_string(body, &id) == NC_OK && nc_dtype_info(id)->itemsize == 1) {
                *out = id;
                return NC_OK;
            }
            return nc_error_set(NC_ERR_TYPE, "numc supports only native byte order, got dtype '%s'", s);
        }
        if (!*body)
            goto bad;
    }
    for (int i = 0; i < NC_NTYPES; i++) {
        const nc_dtype *d = nc_dtype_info((nc_dtype_id)i);
        if (strcmp(body, d->name) == 0 || (body[0] == d->chr && body[1] == '\0')) {
            *out = (nc_dtype_id)i;
            return NC_OK;
        }
    }
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(body, aliases[i].name) == 0) {
            *out = aliases[i].id;
            return NC_OK;
        }
    }
bad:
    return nc_error_set(NC_ERR_TYPE, "data type '%s' not understood", s);
}
