/* scalar.c: numc's scalar types (numc.float64, numc.int8, numc.bool, ...).
 *
 * The types form NumPy's hierarchy, built at import as heap types with
 * PyType_FromSpecWithBases so that float64 can derive from both
 * numc.floating and Python float (and complex128 from complexfloating and
 * complex):
 *
 *   generic -> bool
 *           -> number -> integer -> signedinteger   -> int8 int16 int32 int64
 *                                -> unsignedinteger -> uint8 ... uint64
 *                     -> inexact -> floating        -> float16 float32 float64(+float)
 *                                -> complexfloating -> complex64 complex128(+complex)
 *
 * Invariants:
 *  - Abstract types add no instance fields (basicsize of object), so the
 *    concrete types can combine them with float/complex without a layout
 *    conflict.  float64 keeps its value in PyFloatObject.ob_fval, complex128
 *    in PyComplexObject.cval (same layout as nc_cdouble); every other
 *    concrete type stores the element bytes in ncpy_scalar_obj.value.
 *  - numc.bool has exactly two instances, made at import.
 *  - Scalars are immutable; all arithmetic and comparison goes through the
 *    ufunc objects on 0-d arrays (NEP 50 rules come from the ufunc
 *    machinery), so no math is reimplemented here.
 *  - Each concrete type has a class attribute _numc_dtype (the dtype object)
 *    that the dtype converter uses. */
#include "binding.h"
#include "numc/format.h"
#include <string.h>

typedef struct {
    PyObject_HEAD
    union {
        char bytes[16];
        double align_d;
        int64_t align_i;
    } value;
} ncpy_scalar_obj;

enum { A_GENERIC, A_NUMBER, A_INTEGER, A_SIGNED, A_UNSIGNED, A_INEXACT, A_FLOATING, A_COMPLEX, A_COUNT };
static const char *abstract_names[A_COUNT] = {
    "numc.generic", "numc.number", "numc.integer", "numc.signedinteger",
    "numc.unsignedinteger", "numc.inexact", "numc.floating", "numc.complexfloating",
};
static const int abstract_parent[A_COUNT] = {-1, A_GENERIC, A_NUMBER, A_INTEGER, A_INTEGER,
                                             A_NUMBER, A_INEXACT, A_INEXACT};
static PyTypeObject *abstract_types[A_COUNT];
static PyTypeObject *scalar_types[NC_NTYPES];
static PyObject *bool_values[2]; /* numc.False_, numc.True_ */

PyObject *ncpy_scalar_type(nc_dtype_id id) { return (PyObject *)scalar_types[id]; }

/* --- access to the value -------------------------------------------------- */

/* Dtype of a numc scalar, or -1 when `obj` is not one. */
static int scalar_id(PyObject *obj)
{
    PyTypeObject *t = Py_TYPE(obj);
    if (!abstract_types[A_GENERIC] || !PyType_IsSubtype(t, abstract_types[A_GENERIC]))
        return -1;
    for (int i = 0; i < NC_NTYPES; i++)
        if (t == scalar_types[i])
            return i;
    for (int i = 0; i < NC_NTYPES; i++) /* subclasses of the concrete types */
        if (PyType_IsSubtype(t, scalar_types[i]))
            return i;
    return -1;
}

static char *value_ptr(PyObject *obj, nc_dtype_id id)
{
    if (id == NC_FLOAT64)
        return (char *)&((PyFloatObject *)obj)->ob_fval;
    if (id == NC_COMPLEX128)
        return (char *)&((PyComplexObject *)obj)->cval;
    return ((ncpy_scalar_obj *)obj)->value.bytes;
}

int ncpy_scalar_unpack(PyObject *obj, nc_dtype_id *dtype, char *out16)
{
    int id = scalar_id(obj);
    if (id < 0)
        return 0;
    *dtype = (nc_dtype_id)id;
    memcpy(out16, value_ptr(obj, (nc_dtype_id)id), (size_t)nc_dtype_info((nc_dtype_id)id)->itemsize);
    return 1;
}

/* New scalar of `type` (a concrete scalar type or a subclass of one). */
static PyObject *scalar_alloc(PyTypeObject *type, nc_dtype_id id, const char *data)
{
    if (id == NC_BOOL && type == scalar_types[NC_BOOL])
        return Py_NewRef(bool_values[*data != 0]);
    PyObject *o = type->tp_alloc(type, 0);
    if (!o)
        return NULL;
    memcpy(value_ptr(o, id), data, (size_t)nc_dtype_info(id)->itemsize);
    return o;
}

PyObject *ncpy_scalar_from_data(nc_dtype_id dtype, const char *data)
{
    if (dtype == NC_BOOL)
        return Py_NewRef(bool_values[*data != 0]);
    return scalar_alloc(scalar_types[dtype], dtype, data);
}

/* Python object with the same value (int, float, complex or bool). */
static PyObject *to_item(PyObject *self)
{
    int id = scalar_id(self);
    if (id < 0) {
        PyErr_SetString(PyExc_TypeError, "not a numc scalar");
        return NULL;
    }
    return ncpy_item_from_data((nc_dtype_id)id, value_ptr(self, (nc_dtype_id)id));
}

/* --- construction ------------------------------------------------------- */

/* The concrete dtype of a scalar type or of a subclass of one. */
static int type_id(PyTypeObject *type)
{
    for (int i = 0; i < NC_NTYPES; i++)
        if (type == scalar_types[i] || PyType_IsSubtype(type, scalar_types[i]))
            return i;
    return -1;
}

/* Parses a str/bytes argument the way Python's int()/float()/complex() do. */
static PyObject *parse_text(PyObject *arg, char kind)
{
    PyObject *cls = kind == 'c' ? (PyObject *)&PyComplex_Type
                  : kind == 'f' ? (PyObject *)&PyFloat_Type
                                : (PyObject *)&PyLong_Type;
    return PyObject_CallOneArg(cls, arg);
}

static PyObject *scalar_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int id = type_id(type);
    if (id < 0) {
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    const nc_dtype *d = nc_dtype_info((nc_dtype_id)id);
    char buf[16] = {0};
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (kwds && PyDict_GET_SIZE(kwds)) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", d->name);
        return NULL;
    }
    if (n == 2 && d->kind == 'c') {
        /* complex64(re, im), as Python's complex() */
        PyObject *c = PyObject_Call((PyObject *)&PyComplex_Type, args, NULL);
        if (!c)
            return NULL;
        int r = ncpy_store_item(c, (nc_dtype_id)id, buf);
        Py_DECREF(c);
        return r < 0 ? NULL : scalar_alloc(type, (nc_dtype_id)id, buf);
    }
    if (n > 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 1 argument (%zd given)", d->name, n);
        return NULL;
    }
    if (n == 0)
        return scalar_alloc(type, (nc_dtype_id)id, buf);
    PyObject *arg = PyTuple_GET_ITEM(args, 0);
    if (d->kind == 'f' && arg == Py_None) {
        double nan = Py_NAN;
        nc_cast_get(NC_FLOAT64, (nc_dtype_id)id)((const char *)&nan, 0, buf, 0, 1);
        return scalar_alloc(type, (nc_dtype_id)id, buf);
    }
    if (ncpy_array_check(arg) || PyList_Check(arg) || PyTuple_Check(arg)) {
        /* NumPy returns an array here (a scalar for 0-d input). */
        return ncpy_array_return(ncpy_asarray(arg, id, 1));
    }
    int r;
    if ((d->kind == 'i' || d->kind == 'u') && PyFloat_CheckExact(arg)) {
        /* Python floats go through int(), so out-of-range values raise as
         * for Python ints (NumPy 2); numc/NumPy float scalars are cast. */
        PyObject *v = PyNumber_Long(arg);
        if (!v)
            return NULL;
        r = ncpy_store_item(v, (nc_dtype_id)id, buf);
        Py_DECREF(v);
    } else if ((PyUnicode_Check(arg) || PyBytes_Check(arg)) && d->kind != 'b') {
        PyObject *v = parse_text(arg, d->kind);
        if (!v)
            return NULL;
        r = ncpy_store_item(v, (nc_dtype_id)id, buf);
        Py_DECREF(v);
    } else {
        r = ncpy_store_item(arg, (nc_dtype_id)id, buf);
    }
    if (r < 0)
        return NULL;
    return scalar_alloc(type, (nc_dtype_id)id, buf);
}

/* --- text --------------------------------------------------------------- */

static int float_bits(nc_dtype_id id)
{
    switch (id) {
    case NC_FLOAT16: return 16;
    case NC_FLOAT32: case NC_COMPLEX64: return 32;
    default: return 64;
    }
}

/* Float component as NumPy prints it; `in_complex` drops a trailing ".0"
 * as Python's complex repr does. */
static void fmt_part(double v, int bits, int in_complex, char *buf, size_t cap)
{
    nc_format_shortest(v, bits, buf, cap);
    size_t n = strlen(buf);
    if (in_complex && n > 2 && strcmp(buf + n - 2, ".0") == 0)
        buf[n - 2] = '\0';
}

/* The bare value text, as str() of a NumPy scalar; `paren` puts complex
 * values with a real part in parentheses (str does, repr does not). */
static PyObject *value_text(PyObject *self, int paren)
{
    int id = scalar_id(self);
    if (id < 0) /* abstract types cannot be instantiated; be safe anyway */
        return PyUnicode_FromFormat("<%s object>", Py_TYPE(self)->tp_name);
    const char *p = value_ptr(self, (nc_dtype_id)id);
    char a[64], b[64];
    switch (nc_dtype_info((nc_dtype_id)id)->kind) {
    case 'b':
        return PyUnicode_FromString(*p ? "True" : "False");
    case 'f': {
        double v;
        if (id == NC_FLOAT16) { nc_half h; memcpy(&h, p, 2); v = nc_half_to_double(h); }
        else if (id == NC_FLOAT32) { float f; memcpy(&f, p, 4); v = f; }
        else memcpy(&v, p, 8);
        nc_format_shortest(v, float_bits((nc_dtype_id)id), a, sizeof a);
        return PyUnicode_FromString(a);
    }
    case 'c': {
        double re, im;
        if (id == NC_COMPLEX64) { float f[2]; memcpy(f, p, 8); re = f[0]; im = f[1]; }
        else { memcpy(&re, p, 8); memcpy(&im, p + 8, 8); }
        int bits = float_bits((nc_dtype_id)id);
        fmt_part(im, bits, 1, b, sizeof b);
        if (re == 0 && !signbit(re))
            return PyUnicode_FromFormat("%sj", b);
        fmt_part(re, bits, 1, a, sizeof a);
        const char *sign = (b[0] == '-') ? "" : "+";
        return PyUnicode_FromFormat(paren ? "(%s%s%sj)" : "%s%s%sj", a, sign, b);
    }
    default: {
        PyObject *item = to_item(self);
        if (!item)
            return NULL;
        PyObject *s = PyObject_Str(item);
        Py_DECREF(item);
        return s;
    }
    }
}

static PyObject *scalar_str(PyObject *self) { return value_text(self, 1); }

static PyObject *scalar_repr(PyObject *self)
{
    int id = scalar_id(self);
    if (id == NC_BOOL) {
        char v = *value_ptr(self, NC_BOOL);
        return PyUnicode_FromString(v ? "numc.True_" : "numc.False_");
    }
    PyObject *text = value_text(self, 0);
    if (!text || id < 0)
        return text;
    PyObject *r = PyUnicode_FromFormat("numc.%s(%U)", nc_dtype_info((nc_dtype_id)id)->name, text);
    Py_DECREF(text);
    return r;
}

/* --- arithmetic through the ufuncs -------------------------------------- */

/* Names of the ufuncs the operators use, resolved once on first use (the
 * ufunc registry is built after the scalar types). */
enum { U_ADD, U_SUB, U_MUL, U_DIV, U_FLOORDIV, U_MOD, U_DIVMOD, U_POW, U_LSHIFT, U_RSHIFT,
       U_AND, U_OR, U_XOR, U_NEG, U_POS, U_ABS, U_INVERT,
       U_LT, U_LE, U_EQ, U_NE, U_GT, U_GE, U_COUNT };
static const char *ufunc_names[U_COUNT] = {
    "add", "subtract", "multiply", "divide", "floor_divide", "remainder", "divmod", "power",
    "left_shift", "right_shift", "bitwise_and", "bitwise_or", "bitwise_xor", "negative",
    "positive", "absolute", "invert",
    "less", "less_equal", "equal", "not_equal", "greater", "greater_equal",
};
static PyObject *ufuncs[U_COUNT];

/* Whether an operator should handle `o`; others get NotImplemented. */
static int operand_ok(PyObject *o)
{
    return scalar_id(o) >= 0 || ncpy_array_check(o) || PyLong_Check(o) || PyFloat_Check(o) ||
           PyComplex_Check(o) || PyList_Check(o) || PyTuple_Check(o);
}

/* numc scalars become 0-d arrays; everything else is passed on as is. */
static PyObject *as_operand(PyObject *o)
{
    int id = scalar_id(o);
    if (id < 0)
        return Py_NewRef(o);
    PyObject *a = ncpy_array_new((nc_dtype_id)id, 0, NULL, NC_ORDER_C, 0);
    if (a)
        memcpy(((ncpy_array *)a)->arr.data, value_ptr(o, (nc_dtype_id)id),
               (size_t)nc_dtype_info((nc_dtype_id)id)->itemsize);
    return a;
}

/* Python int equal to an integer operand (numc integer/bool scalar or
 * Python int), or NULL (no error set) when it is neither. */
static PyObject *exact_int(PyObject *o)
{
    if (PyLong_Check(o))
        return Py_NewRef(o);
    int id = scalar_id(o);
    if (id < 0 || (nc_dtype_info((nc_dtype_id)id)->kind != 'i' && nc_dtype_info((nc_dtype_id)id)->kind != 'u'))
        return NULL;
    return to_item(o);
}

/* NumPy warns when integer scalar arithmetic wraps around.  The loops
 * wrap silently, so the wrapped result is compared with the exact Python
 * int result and the errstate 'over' rule is applied to a mismatch. */
static int check_int_overflow(int which, PyObject *a, PyObject *b, PyObject *r)
{
    int rid = scalar_id(r);
    if (rid < 0 || (nc_dtype_info((nc_dtype_id)rid)->kind != 'i' && nc_dtype_info((nc_dtype_id)rid)->kind != 'u'))
        return 0;
    PyObject *x = exact_int(a), *y = NULL, *exact = NULL, *got = NULL;
    int ret = 0;
    if (!x)
        goto done;
    if (which == U_NEG || which == U_ABS) {
        exact = which == U_NEG ? PyNumber_Negative(x) : PyNumber_Absolute(x);
    } else {
        if (!(y = exact_int(b)))
            goto done;
        exact = which == U_ADD ? PyNumber_Add(x, y) : which == U_SUB ? PyNumber_Subtract(x, y)
                                                                     : PyNumber_Multiply(x, y);
    }
    got = to_item(r);
    if (!exact || !got) {
        ret = -1;
        goto done;
    }
    int same = PyObject_RichCompareBool(exact, got, Py_EQ);
    if (same < 0) {
        ret = -1;
    } else if (!same) {
        static const char *what[U_COUNT] = {[U_ADD] = "scalar add", [U_SUB] = "scalar subtract",
                                            [U_MUL] = "scalar multiply", [U_NEG] = "scalar negative",
                                            [U_ABS] = "scalar absolute"};
        ret = ncpy_check_fpe(what[which], NC_FPE_OVERFLOW);
    }
done:
    Py_XDECREF(x);
    Py_XDECREF(y);
    Py_XDECREF(exact);
    Py_XDECREF(got);
    return ret;
}

static PyObject *call_ufunc(int which, int nargs, PyObject *a, PyObject *b)
{
    if (!ufuncs[which]) {
        ufuncs[which] = ncpy_ufunc_get(ufunc_names[which]);
        if (!ufuncs[which]) {
            PyErr_Format(PyExc_TypeError, "ufunc '%s' is not available", ufunc_names[which]);
            return NULL;
        }
    }
    PyObject *ops[2] = {as_operand(a), nargs > 1 ? as_operand(b) : NULL};
    PyObject *r = NULL;
    if (ops[0] && (nargs < 2 || ops[1]))
        r = ncpy_ufunc_call_scalar(ufuncs[which], ops);
    Py_XDECREF(ops[0]);
    Py_XDECREF(ops[1]);
    if (r && (which == U_ADD || which == U_SUB || which == U_MUL || which == U_NEG || which == U_ABS) &&
        check_int_overflow(which, a, b, r) < 0)
        Py_CLEAR(r);
    return r;
}

#define BINOP(NAME, WHICH) \
    static PyObject *nb_##NAME(PyObject *a, PyObject *b) \
    { \
        if (!operand_ok(a) || !operand_ok(b)) \
            Py_RETURN_NOTIMPLEMENTED; \
        return call_ufunc(WHICH, 2, a, b); \
    }
BINOP(add, U_ADD)
BINOP(sub, U_SUB)
BINOP(mul, U_MUL)
BINOP(div, U_DIV)
BINOP(floordiv, U_FLOORDIV)
BINOP(mod, U_MOD)
BINOP(divmod, U_DIVMOD)
BINOP(lshift, U_LSHIFT)
BINOP(rshift, U_RSHIFT)
BINOP(and, U_AND)
BINOP(or, U_OR)
BINOP(xor, U_XOR)
#undef BINOP

static PyObject *nb_pow(PyObject *a, PyObject *b, PyObject *mod)
{
    if (mod != Py_None || !operand_ok(a) || !operand_ok(b))
        Py_RETURN_NOTIMPLEMENTED;
    return call_ufunc(U_POW, 2, a, b);
}

static PyObject *nb_neg(PyObject *a) { return call_ufunc(U_NEG, 1, a, NULL); }
static PyObject *nb_pos(PyObject *a) { return call_ufunc(U_POS, 1, a, NULL); }
static PyObject *nb_abs(PyObject *a) { return call_ufunc(U_ABS, 1, a, NULL); }
static PyObject *nb_invert(PyObject *a) { return call_ufunc(U_INVERT, 1, a, NULL); }

static PyObject *scalar_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!operand_ok(a) || !operand_ok(b))
        Py_RETURN_NOTIMPLEMENTED;
    static const int map[6] = {[Py_LT] = U_LT, [Py_LE] = U_LE, [Py_EQ] = U_EQ,
                               [Py_NE] = U_NE, [Py_GT] = U_GT, [Py_GE] = U_GE};
    return call_ufunc(map[op], 2, a, b);
}

/* Conversions go through the Python item, so they match int()/float(). */
static PyObject *nb_int(PyObject *a)
{
    PyObject *item = to_item(a);
    if (!item)
        return NULL;
    PyObject *r;
    if (PyComplex_Check(item)) {
        if (PyErr_WarnEx(PyExc_RuntimeWarning,
                         "Casting complex values to real discards the imaginary part", 1) < 0) {
            Py_DECREF(item);
            return NULL;
        }
        r = PyNumber_Long(PyFloat_FromDouble(PyComplex_RealAsDouble(item)));
    } else {
        r = PyNumber_Long(item);
    }
    Py_DECREF(item);
    return r;
}

static PyObject *nb_float(PyObject *a)
{
    PyObject *item = to_item(a);
    if (!item)
        return NULL;
    PyObject *r = PyComplex_Check(item) ? PyFloat_FromDouble(PyComplex_RealAsDouble(item))
                                        : PyNumber_Float(item);
    Py_DECREF(item);
    return r;
}

static PyObject *nb_index(PyObject *a) { return to_item(a); }

static int nb_bool(PyObject *a)
{
    PyObject *item = to_item(a);
    if (!item)
        return -1;
    int r = PyObject_IsTrue(item);
    Py_DECREF(item);
    return r;
}

static Py_hash_t scalar_hash(PyObject *a)
{
    PyObject *item = to_item(a);
    if (!item)
        return -1;
    Py_hash_t h = PyObject_Hash(item);
    Py_DECREF(item);
    return h;
}

/* --- methods and attributes --------------------------------------------- */

static PyObject *m_item(PyObject *self, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) > 1 ||
        (PyTuple_GET_SIZE(args) == 1 && !(PyTuple_GET_ITEM(args, 0) == Py_None ||
                                          (PyLong_Check(PyTuple_GET_ITEM(args, 0)) &&
                                           (PyLong_AsLong(PyTuple_GET_ITEM(args, 0)) == 0 ||
                                            PyLong_AsLong(PyTuple_GET_ITEM(args, 0)) == -1))))) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_IndexError, "index out of bounds");
        return NULL;
    }
    return to_item(self);
}

static PyObject *m_tolist(PyObject *self, PyObject *unused)
{
    (void)unused;
    return to_item(self);
}

static PyObject *call_item_method(PyObject *self, const char *name)
{
    PyObject *item = to_item(self);
    if (!item)
        return NULL;
    PyObject *r = PyObject_CallMethod(item, name, NULL);
    Py_DECREF(item);
    return r;
}

static PyObject *m_is_integer(PyObject *self, PyObject *unused)
{
    (void)unused;
    int id = scalar_id(self);
    if (id >= 0 && nc_dtype_info((nc_dtype_id)id)->kind != 'f')
        Py_RETURN_TRUE; /* integer types */
    return call_item_method(self, "is_integer");
}

static PyObject *m_as_integer_ratio(PyObject *self, PyObject *unused)
{
    (void)unused;
    return call_item_method(self, "as_integer_ratio");
}

static PyObject *m_complex(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *item = to_item(self);
    if (!item)
        return NULL;
    PyObject *r = PyObject_CallOneArg((PyObject *)&PyComplex_Type, item);
    Py_DECREF(item);
    return r;
}

static PyObject *m_astype(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"dtype", "order", "casting", "subok", "copy", NULL};
    int to;
    PyObject *order = NULL, *casting = NULL, *subok = NULL, *copy = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|OOOO:astype", kwlist, ncpy_dtype_converter,
                                     &to, &order, &casting, &subok, &copy))
        return NULL;
    int id = scalar_id(self);
    if (id < 0)
        return to_item(self);
    if (to < 0)
        to = NC_FLOAT64;
    char buf[16];
    nc_cast_get((nc_dtype_id)id, (nc_dtype_id)to)(value_ptr(self, (nc_dtype_id)id), 0, buf, 0, 1);
    return ncpy_scalar_from_data((nc_dtype_id)to, buf);
}

static PyObject *m_conjugate(PyObject *self, PyObject *unused)
{
    (void)unused;
    int id = scalar_id(self);
    if (id == NC_COMPLEX64 || id == NC_COMPLEX128) {
        char buf[16];
        int half = nc_dtype_info((nc_dtype_id)id)->itemsize / 2;
        memcpy(buf, value_ptr(self, (nc_dtype_id)id), (size_t)half * 2);
        buf[2 * half - 1] ^= (char)0x80; /* flip the sign bit of the imaginary part */
        return ncpy_scalar_from_data((nc_dtype_id)id, buf);
    }
    return Py_NewRef(self);
}

static PyObject *m_reduce(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *item = to_item(self);
    if (!item)
        return NULL;
    return Py_BuildValue("(O(N))", (PyObject *)Py_TYPE(self), item);
}

static PyObject *m_format(PyObject *self, PyObject *spec)
{
    /* As NumPy: format the equal Python object, even for an empty spec. */
    PyObject *item = to_item(self);
    if (!item)
        return NULL;
    PyObject *r = PyObject_Format(item, spec);
    Py_DECREF(item);
    return r;
}

static PyObject *m_round(PyObject *self, PyObject *args)
{
    PyObject *nd = Py_None;
    if (!PyArg_ParseTuple(args, "|O:__round__", &nd))
        return NULL;
    PyObject *item = to_item(self);
    if (!item)
        return NULL;
    PyObject *r = nd == Py_None ? PyObject_CallMethod(item, "__round__", NULL)
                                : PyObject_CallMethod(item, "__round__", "O", nd);
    Py_DECREF(item);
    if (!r || nd == Py_None)
        return r;
    PyObject *out = PyObject_CallOneArg((PyObject *)Py_TYPE(self), r);
    Py_DECREF(r);
    return out;
}

static PyMethodDef scalar_methods[] = {
    {"item", m_item, METH_VARARGS, "The value as a Python int, float, complex or bool."},
    {"tolist", m_tolist, METH_NOARGS, "The value as a Python object (as item())."},
    {"is_integer", m_is_integer, METH_NOARGS, "Whether the value is integral."},
    {"astype", (PyCFunction)(void (*)(void))m_astype, METH_VARARGS | METH_KEYWORDS,
     "Copy of the scalar cast to a dtype."},
    {"conjugate", m_conjugate, METH_NOARGS, "Complex conjugate."},
    {"conj", m_conjugate, METH_NOARGS, "Complex conjugate."},
    {"__complex__", m_complex, METH_NOARGS, NULL},
    {"__reduce__", m_reduce, METH_NOARGS, NULL},
    {"__format__", m_format, METH_O, NULL},
    {"__round__", m_round, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef float_methods[] = {
    {"as_integer_ratio", m_as_integer_ratio, METH_NOARGS, "Exact ratio of two integers."},
    {NULL, NULL, 0, NULL},
};

static PyObject *g_dtype(PyObject *self, void *c)
{
    (void)c;
    int id = scalar_id(self);
    return Py_NewRef(ncpy_dtype_get(id < 0 ? NC_FLOAT64 : (nc_dtype_id)id));
}

static PyObject *g_itemsize(PyObject *self, void *c)
{
    (void)c;
    int id = scalar_id(self);
    return PyLong_FromLong(id < 0 ? 0 : nc_dtype_info((nc_dtype_id)id)->itemsize);
}

static PyObject *g_ndim(PyObject *self, void *c) { (void)self; (void)c; return PyLong_FromLong(0); }
static PyObject *g_size(PyObject *self, void *c) { (void)self; (void)c; return PyLong_FromLong(1); }
static PyObject *g_shape(PyObject *self, void *c) { (void)self; (void)c; return PyTuple_New(0); }
static PyObject *g_self(PyObject *self, void *c) { (void)c; return Py_NewRef(self); }
static PyObject *g_none(PyObject *self, void *c) { (void)self; (void)c; Py_RETURN_NONE; }

/* real/imag: the parts of a complex as the matching float scalar; for real
 * types the value itself and a zero of the same type. */
static PyObject *part(PyObject *self, int imag)
{
    int id = scalar_id(self);
    char zero[16] = {0};
    if (id == NC_COMPLEX64 || id == NC_COMPLEX128) {
        nc_dtype_id fid = id == NC_COMPLEX64 ? NC_FLOAT32 : NC_FLOAT64;
        int half = nc_dtype_info(fid)->itemsize;
        return ncpy_scalar_from_data(fid, value_ptr(self, (nc_dtype_id)id) + (imag ? half : 0));
    }
    if (id < 0)
        Py_RETURN_NONE;
    return imag ? ncpy_scalar_from_data((nc_dtype_id)id, zero) : Py_NewRef(self);
}

static PyObject *g_real(PyObject *self, void *c) { (void)c; return part(self, 0); }
static PyObject *g_imag(PyObject *self, void *c) { (void)c; return part(self, 1); }

static PyObject *g_nbytes(PyObject *self, void *c) { return g_itemsize(self, c); }

static PyGetSetDef scalar_getset[] = {
    {"dtype", g_dtype, NULL, "The dtype of the scalar.", NULL},
    {"itemsize", g_itemsize, NULL, "Size of the value in bytes.", NULL},
    {"nbytes", g_nbytes, NULL, "Size of the value in bytes.", NULL},
    {"ndim", g_ndim, NULL, "0: scalars have no dimensions.", NULL},
    {"shape", g_shape, NULL, "(): scalars have no dimensions.", NULL},
    {"size", g_size, NULL, "1.", NULL},
    {"real", g_real, NULL, "Real part.", NULL},
    {"imag", g_imag, NULL, "Imaginary part.", NULL},
    {"T", g_self, NULL, "The scalar itself.", NULL},
    {"base", g_none, NULL, "None.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* --- type construction -------------------------------------------------- */

#define COMMON_SLOTS \
    {Py_tp_repr, scalar_repr}, {Py_tp_str, scalar_str}, {Py_tp_hash, scalar_hash}, \
    {Py_tp_richcompare, scalar_richcompare}, {Py_nb_add, nb_add}, {Py_nb_subtract, nb_sub}, \
    {Py_nb_multiply, nb_mul}, {Py_nb_true_divide, nb_div}, {Py_nb_floor_divide, nb_floordiv}, \
    {Py_nb_remainder, nb_mod}, {Py_nb_divmod, nb_divmod}, {Py_nb_power, nb_pow}, \
    {Py_nb_lshift, nb_lshift}, {Py_nb_rshift, nb_rshift}, {Py_nb_and, nb_and}, \
    {Py_nb_or, nb_or}, {Py_nb_xor, nb_xor}, {Py_nb_negative, nb_neg}, \
    {Py_nb_positive, nb_pos}, {Py_nb_absolute, nb_abs}, {Py_nb_invert, nb_invert}, \
    {Py_nb_int, nb_int}, {Py_nb_float, nb_float}, {Py_nb_bool, nb_bool}

static PyType_Slot abstract_slots[] = {
    COMMON_SLOTS,
    {Py_tp_methods, scalar_methods},
    {Py_tp_getset, scalar_getset},
    {Py_tp_doc, (void *)"Base class of numc's scalar types."},
    {0, NULL},
};

static PyType_Slot int_slots[] = {
    COMMON_SLOTS, {Py_nb_index, nb_index}, {Py_tp_new, scalar_new}, {0, NULL},
};

static PyType_Slot other_slots[] = {
    COMMON_SLOTS, {Py_tp_new, scalar_new}, {0, NULL},
};

static PyType_Slot float_slots[] = {
    COMMON_SLOTS, {Py_tp_new, scalar_new}, {Py_tp_methods, float_methods}, {0, NULL},
};

static PyTypeObject *make_type(const char *name, int basicsize, unsigned flags, PyType_Slot *slots,
                               PyObject *bases)
{
    PyType_Spec spec = {name, basicsize, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | flags, slots};
    return (PyTypeObject *)PyType_FromSpecWithBases(&spec, bases);
}

static int add_concrete(PyObject *m, nc_dtype_id id)
{
    const nc_dtype *d = nc_dtype_info(id);
    PyObject *bases;
    int basicsize = (int)sizeof(ncpy_scalar_obj);
    PyType_Slot *slots = other_slots;
    switch (d->kind) {
    case 'b': bases = PyTuple_Pack(1, abstract_types[A_GENERIC]); break;
    case 'i': bases = PyTuple_Pack(1, abstract_types[A_SIGNED]); slots = int_slots; break;
    case 'u': bases = PyTuple_Pack(1, abstract_types[A_UNSIGNED]); slots = int_slots; break;
    case 'f':
        slots = float_slots;
        if (id == NC_FLOAT64) {
            bases = PyTuple_Pack(2, abstract_types[A_FLOATING], &PyFloat_Type);
            basicsize = (int)sizeof(PyFloatObject);
        } else {
            bases = PyTuple_Pack(1, abstract_types[A_FLOATING]);
        }
        break;
    default:
        if (id == NC_COMPLEX128) {
            bases = PyTuple_Pack(2, abstract_types[A_COMPLEX], &PyComplex_Type);
            basicsize = (int)sizeof(PyComplexObject);
        } else {
            bases = PyTuple_Pack(1, abstract_types[A_COMPLEX]);
        }
        break;
    }
    if (!bases)
        return -1;
    char name[32];
    snprintf(name, sizeof name, "numc.%s", d->name);
    PyTypeObject *t = make_type(name, basicsize, 0, slots, bases);
    Py_DECREF(bases);
    if (!t)
        return -1;
    scalar_types[id] = t;
    if (PyObject_SetAttrString((PyObject *)t, "_numc_dtype", ncpy_dtype_get(id)) < 0)
        return -1;
    Py_INCREF(t);
    return PyModule_AddObject(m, d->name, (PyObject *)t);
}

int ncpy_init_scalar(PyObject *m)
{
    for (int a = 0; a < A_COUNT; a++) {
        PyObject *bases = abstract_parent[a] < 0
                              ? PyTuple_Pack(1, &PyBaseObject_Type)
                              : PyTuple_Pack(1, abstract_types[abstract_parent[a]]);
        if (!bases)
            return -1;
        abstract_types[a] = make_type(abstract_names[a], (int)sizeof(PyObject),
                                      Py_TPFLAGS_DISALLOW_INSTANTIATION, abstract_slots, bases);
        Py_DECREF(bases);
        if (!abstract_types[a])
            return -1;
        Py_INCREF(abstract_types[a]);
        if (PyModule_AddObject(m, abstract_names[a] + 5, (PyObject *)abstract_types[a]) < 0)
            return -1;
    }
    for (int i = 0; i < NC_NTYPES; i++)
        if (add_concrete(m, (nc_dtype_id)i) < 0)
            return -1;
    PyTypeObject *bt = scalar_types[NC_BOOL];
    for (int v = 0; v < 2; v++) {
        bool_values[v] = bt->tp_alloc(bt, 0);
        if (!bool_values[v])
            return -1;
        ((ncpy_scalar_obj *)bool_values[v])->value.bytes[0] = (char)v;
    }
    if (PyModule_AddObject(m, "False_", Py_NewRef(bool_values[0])) < 0 ||
        PyModule_AddObject(m, "True_", Py_NewRef(bool_values[1])) < 0)
        return -1;
    return 0;
}
