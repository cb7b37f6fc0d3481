/* ufunc_py.c: the numc.ufunc type: calling a core ufunc from Python.
 *
 * A call converts operands (Python scalars stay "weak" for NEP 50), asks the
 * core for a loop, turns weak scalars into 0-d arrays of the loop's dtypes,
 * runs the core, then applies errstate to the floating-point flags.  Loop
 * choices for plain binary calls on two arrays are cached per dtype pair, as
 * that is the hot path of every operator. */
#include "binding.h"
#include <string.h>


static PyObject *registry; /* name -> ufunc object */

PyObject *ncpy_ufunc_get(const char *name)
{
    return registry ? PyDict_GetItemString(registry, name) : NULL;
}

static const char *casting_names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

static int parse_casting(PyObject *o, nc_casting *out)
{
    if (!o)
        return 0;
    if (PyUnicode_Check(o)) {
        for (int i = 0; i < 5; i++)
            if (PyUnicode_CompareWithASCIIString(o, casting_names[i]) == 0) {
                *out = (nc_casting)i;
                return 0;
            }
    }
    PyErr_SetString(PyExc_ValueError, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
    return -1;
}

static int parse_order(PyObject *o, nc_order *out)
{
    if (!o || o == Py_None)
        return 0;
    if (PyUnicode_Check(o) && PyUnicode_GetLength(o) == 1) {
        switch (PyUnicode_READ_CHAR(o, 0)) {
        case 'C': case 'c': *out = NC_ORDER_C; return 0;
        case 'F': case 'f': *out = NC_ORDER_F; return 0;
        case 'A': case 'a': *out = NC_ORDER_A; return 0;
        case 'K': case 'k': *out = NC_ORDER_K; return 0;
        }
    }
    PyErr_SetString(PyExc_ValueError, "order must be one of 'C', 'F', 'A', or 'K'");
    return -1;
}

static int is_comparison(const nc_ufunc *uf)
{
    static const char *names[] = {"equal", "not_equal", "less", "less_equal", "greater",
                                  "greater_equal"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(uf->name, names[i]) == 0)
            return 1;
    return 0;
}

/* Re-resolves with every weak Python int taken as a strong int64 (uint64 when
 * above the int64 range). */
static int resolve_strong_int(const nc_ufunc *uf, PyObject *const *inputs, nc_weak_kind *weak,
                              nc_dtype_id *dts, const int *sig, nc_casting casting, int *loop)
{
    for (int i = 0; i < uf->nin; i++) {
        if (weak[i] != NC_WEAK_INT)
            continue;
        int overflow;
        PyLong_AsLongLongAndOverflow(inputs[i], &overflow);
        if (overflow < 0 || (overflow > 0 && _PyLong_NumBits(inputs[i]) > 64)) {
            PyErr_Format(PyExc_OverflowError, "Python integer %R out of bounds for %s", inputs[i],
                         overflow < 0 ? "int64" : "uint64");
            return -1;
        }
        dts[i] = overflow ? NC_UINT64 : NC_INT64;
        weak[i] = NC_WEAK_NONE;
    }
    nc_status st = nc_ufunc_resolve(uf, dts, weak, sig, casting, loop);
    if (st) {
        ncpy_raise(st);
        return -1;
    }
    return 0;
}

/* The general call: inputs[nin], outs[nout] (NULL entries: allocate). */
static PyObject *ufunc_run(ncpy_ufunc *self, PyObject *const *inputs, PyObject **outs,
                           const int *sig, nc_casting casting, nc_order order, int outs_given,
                           PyObject *where, int scalar_op)
{
    const nc_ufunc *uf = self->uf;
    int nin = uf->nin, nout = uf->nout, nargs = nin + nout;
    PyObject *arrs[NC_UFUNC_MAXARGS] = {0};
    nc_dtype_id dts[NC_UFUNC_MAXARGS];
    nc_weak_kind weak[NC_UFUNC_MAXARGS];
    int any_weak = 0;
    PyObject *result = NULL;

    for (int i = 0; i < nin; i++) {
        PyObject *o = inputs[i];
        weak[i] = NC_WEAK_NONE;
        if (ncpy_array_check(o)) {
            Py_INCREF(o);
            arrs[i] = o;
        } else if ((weak[i] = ncpy_weak_kind(o)) != NC_WEAK_NONE) {
            any_weak = 1;
            dts[i] = NC_INT64;
            continue;
        } else {
            arrs[i] = ncpy_asarray(o, -1, 0);
            if (!arrs[i])
                goto done;
        }
        dts[i] = ((ncpy_array *)arrs[i])->arr.dtype;
    }

    int loop = -1;
    int cacheable = nin == 2 && !any_weak && !sig;
    if (cacheable && self->pair_cache[dts[0]][dts[1]])
        loop = self->pair_cache[dts[0]][dts[1]] - 1;
    if (loop < 0) {
        nc_status st = nc_ufunc_resolve(uf, dts, weak, sig, casting, &loop);
        if (st) {
            ncpy_raise(st);
            goto done;
        }
        if (cacheable)
            self->pair_cache[dts[0]][dts[1]] = (int16_t)(loop + 1);
    }
    for (int i = 0; i < nin; i++) {
        if (weak[i] == NC_WEAK_NONE)
            continue;
        arrs[i] = ncpy_scalar_to_array(inputs[i], (nc_dtype_id)uf->loops[loop].types[i]);
        if (!arrs[i]) {
            /* NumPy 2 compares integers with any Python int exactly: an
             * out-of-range int takes its own strong dtype instead. */
            int strong_bool = 0;
            for (int j = 0; j < nin; j++)
                strong_bool |= weak[j] == NC_WEAK_NONE && dts[j] == NC_BOOL;
            if (!is_comparison(uf) || strong_bool || !PyErr_ExceptionMatches(PyExc_OverflowError))
                goto done;
            PyErr_Clear();
            if (resolve_strong_int(uf, inputs, weak, dts, sig, casting, &loop) < 0)
                goto done;
            for (int j = 0; j < nin; j++)
                Py_CLEAR(arrs[j]);
            for (int j = 0; j < nin; j++) {
                arrs[j] = ncpy_asarray(inputs[j], -1, 0);
                if (!arrs[j])
                    goto done;
            }
            break;
        }
    }
    for (int k = 0; k < nout; k++) {
        PyObject *o = outs ? outs[k] : NULL;
        if (o && o != Py_None) {
            if (!ncpy_array_check(o)) {
                PyErr_SetString(PyExc_TypeError, "return arrays must be of ArrayType");
                goto done;
            }
            Py_INCREF(o);
            arrs[nin + k] = o;
        } else {
            arrs[nin + k] = (PyObject *)ncpy_array_alloc(&ncpy_array_type);
            if (!arrs[nin + k])
                goto done;
        }
    }
    nc_array *ops[NC_UFUNC_MAXARGS];
    for (int k = 0; k < nargs; k++)
        ops[k] = &((ncpy_array *)arrs[k])->arr;
    int fpe = 0;
    nc_status st = nc_ufunc_exec_where(uf, loop, ops, where ? &((ncpy_array *)where)->arr : NULL,
                                       casting, order, &fpe);
    if (st) {
        ncpy_raise(st);
        goto done;
    }
    if (fpe) {
        /* arithmetic on numc scalars warns "in scalar multiply", as NumPy */
        char what[64];
        snprintf(what, sizeof what, "%s%s", scalar_op ? "scalar " : "", uf->name);
        if (ncpy_check_fpe(what, fpe & ((1 << NC_FPE_CAST_SHIFT) - 1)) < 0 ||
            ncpy_check_fpe("cast", fpe >> NC_FPE_CAST_SHIFT) < 0)
            goto done;
    }
    if (nout == 1) {
        result = arrs[nin];
        arrs[nin] = NULL;
        if (!outs_given)
            result = ncpy_array_return(result);
    } else {
        result = PyTuple_New(nout);
        if (!result)
            goto done;
        for (int k = 0; k < nout; k++) {
            PyObject *r = arrs[nin + k];
            arrs[nin + k] = NULL;
            if (!outs_given)
                r = ncpy_array_return(r);
            if (!r) {
                Py_CLEAR(result);
                goto done;
            }
            PyTuple_SET_ITEM(result, k, r);
        }
    }
done:
    for (int k = 0; k < nargs; k++)
        Py_XDECREF(arrs[k]);
    return result;
}

PyObject *ncpy_ufunc_call_simple(PyObject *ufunc, PyObject *const *args, PyObject *out)
{
    ncpy_ufunc *self = (ncpy_ufunc *)ufunc;
    if (out) {
        PyObject *outs[1] = {out};
        return ufunc_run(self, args, outs, NULL, NC_CAST_SAME_KIND, NC_ORDER_K, 1, NULL, 0);
    }
    return ufunc_run(self, args, NULL, NULL, NC_CAST_SAME_KIND, NC_ORDER_K, 0, NULL, 0);
}

PyObject *ncpy_ufunc_call_scalar(PyObject *ufunc, PyObject *const *args)
{
    return ufunc_run((ncpy_ufunc *)ufunc, args, NULL, NULL, NC_CAST_SAME_KIND, NC_ORDER_K, 0,
                     NULL, 1);
}

static int dtype_sig(PyObject *obj, int *out)
{
    if (!obj || obj == Py_None) {
        *out = -1;
        return 0;
    }
    return ncpy_dtype_converter(obj, out) ? 0 : -1;
}

static PyObject *ufunc_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames)
{
    ncpy_ufunc *self = (ncpy_ufunc *)callable;
    const nc_ufunc *uf = self->uf;
    Py_ssize_t npos = PyVectorcall_NARGS(nargsf);
    int nin = uf->nin, nout = uf->nout;
    PyObject *outs[NC_UFUNC_MAXARGS] = {0};
    int outs_given = 0;
    if (npos < nin || npos > nin + nout) {
        PyErr_Format(PyExc_TypeError, "%s() takes from %d to %d positional arguments but %zd were given",
                     uf->name, nin, nin + nout, npos);
        return NULL;
    }
    for (Py_ssize_t k = nin; k < npos; k++) {
        outs[k - nin] = args[k];
        outs_given |= args[k] != Py_None;
    }
    nc_casting casting = NC_CAST_SAME_KIND;
    nc_order order = NC_ORDER_K;
    int sig[NC_UFUNC_MAXARGS] = {-1, -1, -1, -1};
    int have_sig = 0;
    PyObject *where_o = NULL; /* borrowed; converted after the other keywords */
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t j = 0; j < nkw; j++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, j);
        PyObject *val = args[npos + j];
        if (PyUnicode_CompareWithASCIIString(key, "out") == 0) {
            if (npos > nin) {
                PyErr_SetString(PyExc_TypeError, "cannot specify 'out' as both a positional and keyword argument");
                return NULL;
            }
            if (PyTuple_Check(val)) {
                if (PyTuple_GET_SIZE(val) != nout) {
                    PyErr_SetString(PyExc_ValueError, "The 'out' tuple must have exactly one entry per ufunc output");
                    return NULL;
                }
                for (int k = 0; k < nout; k++) {
                    outs[k] = PyTuple_GET_ITEM(val, k);
                    outs_given |= outs[k] != Py_None;
                }
            } else if (val != Py_None) {
                if (nout != 1) {
                    PyErr_SetString(PyExc_TypeError, "'out' must be a tuple of arrays");
                    return NULL;
                }
                outs[0] = val;
                outs_given = 1;
            }
        } else if (PyUnicode_CompareWithASCIIString(key, "casting") == 0) {
            if (parse_casting(val, &casting) < 0)
                return NULL;
        } else if (PyUnicode_CompareWithASCIIString(key, "order") == 0) {
            if (parse_order(val, &order) < 0)
                return NULL;
        } else if (PyUnicode_CompareWithASCIIString(key, "dtype") == 0) {
            int d;
            if (dtype_sig(val, &d) < 0)
                return NULL;
            if (d >= 0) {
                /* dtype= fixes the outputs' loop dtype (NumPy 2). */
                for (int k = 0; k < nout; k++)
                    sig[nin + k] = d;
                have_sig = 1;
            }
        } else if (PyUnicode_CompareWithASCIIString(key, "signature") == 0) {
            if (val == Py_None)
                continue;
            PyObject *seq = PySequence_Fast(val, "signature must be a tuple of dtypes");
            if (!seq)
                return NULL;
            if (PySequence_Fast_GET_SIZE(seq) != nin + nout) {
                Py_DECREF(seq);
                PyErr_Format(PyExc_ValueError, "a type-tuple must be specified of length %d for ufunc '%s'",
                             nin + nout, uf->name);
                return NULL;
            }
            for (int k = 0; k < nin + nout; k++)
                if (dtype_sig(PySequence_Fast_GET_ITEM(seq, k), &sig[k]) < 0) {
                    Py_DECREF(seq);
                    return NULL;
                }
            Py_DECREF(seq);
            have_sig = 1;
        } else if (PyUnicode_CompareWithASCIIString(key, "subok") == 0) {
            continue;
        } else if (PyUnicode_CompareWithASCIIString(key, "where") == 0) {
            where_o = val == Py_True ? NULL : val;
        } else {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", uf->name, key);
            return NULL;
        }
    }
    PyObject *where = NULL;
    if (where_o && !(where = ncpy_asarray(where_o, NC_BOOL, 0)))
        return NULL;
    PyObject *r = ufunc_run(self, args, outs, have_sig ? sig : NULL, casting, order, outs_given, where, 0);
    Py_XDECREF(where);
    return r;
}

static void ufunc_dealloc(ncpy_ufunc *self)
{
    Py_XDECREF(self->name);
    Py_XDECREF(self->signature);
    PyObject_Free(self);
}

static PyObject *ufunc_repr(ncpy_ufunc *self)
{
    return PyUnicode_FromFormat("<ufunc '%s'>", self->uf->name);
}

static PyObject *get_nin(ncpy_ufunc *self, void *c) { (void)c; return PyLong_FromLong(self->uf->nin); }
static PyObject *get_nout(ncpy_ufunc *self, void *c) { (void)c; return PyLong_FromLong(self->uf->nout); }
static PyObject *get_nargs(ncpy_ufunc *self, void *c) { (void)c; return PyLong_FromLong(self->uf->nin + self->uf->nout); }
static PyObject *get_ntypes(ncpy_ufunc *self, void *c) { (void)c; return PyLong_FromLong(self->uf->nloops); }
static PyObject *get_name(ncpy_ufunc *self, void *c)
{
    (void)c;
    Py_INCREF(self->name);
    return self->name;
}
static PyObject *get_doc(ncpy_ufunc *self, void *c)
{
    (void)c;
    return PyUnicode_FromString(self->uf->doc ? self->uf->doc : "");
}
static PyObject *get_signature(ncpy_ufunc *self, void *c)
{
    (void)c;
    PyObject *r = self->signature ? self->signature : Py_None;
    Py_INCREF(r);
    return r;
}

static PyObject *get_types(ncpy_ufunc *self, void *c)
{
    (void)c;
    const nc_ufunc *uf = self->uf;
    PyObject *list = PyList_New(uf->nloops);
    if (!list)
        return NULL;
    for (int l = 0; l < uf->nloops; l++) {
        char buf[16];
        int n = 0;
        for (int i = 0; i < uf->nin; i++)
            buf[n++] = nc_dtype_info((nc_dtype_id)uf->loops[l].types[i])->chr;
        buf[n++] = '-';
        buf[n++] = '>';
        for (int k = 0; k < uf->nout; k++)
            buf[n++] = nc_dtype_info((nc_dtype_id)uf->loops[l].types[uf->nin + k])->chr;
        PyObject *s = PyUnicode_FromStringAndSize(buf, n);
        if (!s) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, l, s);
    }
    return list;
}

static PyObject *get_identity(ncpy_ufunc *self, void *c)
{
    (void)c;
    switch (self->uf->identity) {
    case NC_IDENTITY_ZERO: return PyLong_FromLong(0);
    case NC_IDENTITY_ONE: return PyLong_FromLong(1);
    case NC_IDENTITY_MINUS_ONE: return PyLong_FromLong(-1);
    case NC_IDENTITY_TRUE: Py_RETURN_TRUE;
    case NC_IDENTITY_FALSE: Py_RETURN_FALSE;
    case NC_IDENTITY_MINUS_INF: return PyFloat_FromDouble(-Py_HUGE_VAL);
    }
    Py_RETURN_NONE;
}

static PyGetSetDef ufunc_getset[] = {
    {"nin", (getter)get_nin, NULL, "Number of inputs.", NULL},
    {"nout", (getter)get_nout, NULL, "Number of outputs.", NULL},
    {"nargs", (getter)get_nargs, NULL, "Number of arguments.", NULL},
    {"ntypes", (getter)get_ntypes, NULL, "Number of loops.", NULL},
    {"types", (getter)get_types, NULL, "Type signatures of the loops, as 'ii->i'.", NULL},
    {"identity", (getter)get_identity, NULL, "Identity value of the ufunc.", NULL},
    {"signature", (getter)get_signature, NULL, "Core signature (None for element-wise ufuncs).", NULL},
    {"__name__", (getter)get_name, NULL, NULL, NULL},
    {"__doc__", (getter)get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject ncpy_ufunc_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "numc.ufunc",
    .tp_basicsize = sizeof(ncpy_ufunc),
    .tp_dealloc = (destructor)ufunc_dealloc,
    .tp_repr = (reprfunc)ufunc_repr,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(ncpy_ufunc, vectorcall),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_getset = ufunc_getset,
    .tp_methods = ncpy_ufunc_methods,
    .tp_doc = "Functions that operate element by element on whole arrays.",
};

int ncpy_ufunc_register(PyObject *m, ncpy_ufunc *u)
{
    const char *name = PyUnicode_AsUTF8(u->name);
    if (!name || PyDict_SetItemString(registry, name, (PyObject *)u) < 0 ||
        PyModule_AddObject(m, name, (PyObject *)u) < 0) {
        Py_DECREF(u);
        return -1;
    }
    return 0;
}

int ncpy_init_ufunc(PyObject *m)
{
    if (PyType_Ready(&ncpy_ufunc_type) < 0)
        return -1;
    Py_INCREF(&ncpy_ufunc_type);
    if (PyModule_AddObject(m, "ufunc", (PyObject *)&ncpy_ufunc_type) < 0)
        return -1;
    registry = PyDict_New();
    if (!registry)
        return -1;
    for (int i = 0; i < nc_ufunc_count(); i++) {
        const nc_ufunc *uf = nc_ufunc_at(i);
        ncpy_ufunc *u = PyObject_New(ncpy_ufunc, &ncpy_ufunc_type);
        if (!u)
            return -1;
        u->uf = uf;
        u->signature = NULL;
        u->vectorcall = ufunc_vectorcall;
        memset(u->pair_cache, 0, sizeof u->pair_cache);
        u->name = PyUnicode_FromString(uf->name);
        if (!u->name) {
            Py_DECREF(u);
            return -1;
        }
        if (ncpy_ufunc_register(m, u) < 0)
            return -1;
    }
    Py_INCREF(registry);
    return PyModule_AddObject(m, "_ufuncs", registry);
}
