/* gufunc_py.c: generalized ufuncs (matmul, vecdot, matvec, vecmat): ufunc
 * objects with a core signature and a call path of their own.
 *
 * The objects are ordinary numc.ufunc instances (so isinstance, .types,
 * .signature work) whose per-object vectorcall parses NumPy's gufunc
 * keywords (out, dtype, casting, axes, axis, keepdims, order, subok),
 * resolves the loop with the core's ufunc resolver and hands everything to
 * nc_gufunc_exec.  No array data is touched here. */
#include "binding.h"
#include "numc/gufunc.h"
#include <string.h>

static const char *casting_names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

static int parse_casting(PyObject *o, nc_casting *out)
{
    if (PyUnicode_Check(o))
        for (int i = 0; i < 5; i++)
            if (PyUnicode_CompareWithASCIIString(o, casting_names[i]) == 0) {
                *out = (nc_casting)i;
                return 0;
            }
    PyErr_SetString(PyExc_ValueError,
                    "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
    return -1;
}

static int kind_of(const ncpy_ufunc *self)
{
    for (int k = 0; k < NC_GUFUNC_COUNT; k++)
        if (nc_gufunc_at(k) == self->uf)
            return k;
    return -1;
}

/* One entry of axes=: an int (one core dimension) or a tuple of ints. */
static int parse_axes_item(PyObject *item, int *n, int *ax)
{
    if (PyLong_Check(item)) {
        long v = PyLong_AsLong(item);
        if (v == -1 && PyErr_Occurred())
            return -1;
        ax[0] = (int)v;
        *n = 1;
        return 0;
    }
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) > 2) {
        PyErr_SetString(PyExc_TypeError, "axes item must be a tuple of at most 2 integers or an integer");
        return -1;
    }
    *n = (int)PyTuple_GET_SIZE(item);
    for (int c = 0; c < *n; c++) {
        long v = PyLong_AsLong(PyTuple_GET_ITEM(item, c));
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < -NC_MAXDIMS - 1 || v > NC_MAXDIMS) {
            PyErr_Format(ncpy_AxisError, "axis %ld is out of bounds", v);
            return -1;
        }
        ax[c] = (int)v;
    }
    return 0;
}

static PyObject *gufunc_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    ncpy_ufunc *self = (ncpy_ufunc *)callable;
    const nc_ufunc *uf = self->uf;
    int kind = kind_of(self);
    Py_ssize_t npos = PyVectorcall_NARGS(nargsf);
    PyObject *outobj = NULL, *axes_obj = NULL, *axis_obj = NULL;
    nc_casting casting = NC_CAST_SAME_KIND;
    int sig[NC_UFUNC_MAXARGS] = {-1, -1, -1, -1}, have_sig = 0, keepdims = 0;
    if (npos < 2 || npos > 3) {
        PyErr_Format(PyExc_TypeError, "%s() takes from 2 to 3 positional arguments but %zd were given", uf->name,
                     npos);
        return NULL;
    }
    if (npos == 3)
        outobj = args[2];
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t j = 0; j < nkw; j++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, j), *val = args[npos + j];
        if (PyUnicode_CompareWithASCIIString(key, "out") == 0) {
            if (npos == 3) {
                PyErr_SetString(PyExc_TypeError, "cannot specify 'out' as both a positional and keyword argument");
                return NULL;
            }
            if (PyTuple_Check(val)) {
                if (PyTuple_GET_SIZE(val) != 1) {
                    PyErr_SetString(PyExc_ValueError, "The 'out' tuple must have exactly one entry per ufunc output");
                    return NULL;
                }
                val = PyTuple_GET_ITEM(val, 0);
            }
            outobj = val;
        } else if (PyUnicode_CompareWithASCIIString(key, "casting") == 0) {
            if (parse_casting(val, &casting) < 0)
                return NULL;
        } else if (PyUnicode_CompareWithASCIIString(key, "dtype") == 0) {
            if (val != Py_None) {
                if (!ncpy_dtype_converter(val, &sig[2]))
                    return NULL;
                have_sig = sig[2] >= 0;
            }
        } else if (PyUnicode_CompareWithASCIIString(key, "axes") == 0) {
            axes_obj = val;
        } else if (PyUnicode_CompareWithASCIIString(key, "axis") == 0) {
            axis_obj = val;
        } else if (PyUnicode_CompareWithASCIIString(key, "keepdims") == 0) {
            if ((keepdims = PyObject_IsTrue(val)) < 0)
                return NULL;
        } else if (PyUnicode_CompareWithASCIIString(key, "order") == 0 ||
                   PyUnicode_CompareWithASCIIString(key, "subok") == 0) {
            continue;
        } else {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", uf->name, key);
            return NULL;
        }
    }
    if (outobj == Py_None)
        outobj = NULL;
    if (outobj && !ncpy_array_check(outobj)) {
        PyErr_SetString(PyExc_TypeError, "return arrays must be of ArrayType");
        return NULL;
    }

    int naxes[3] = {0, 0, 0}, axes[6] = {0}, use_axes = 0;
    if (axes_obj && axes_obj != Py_None && axis_obj && axis_obj != Py_None) {
        PyErr_SetString(PyExc_TypeError, "cannot specify both 'axis' and 'axes'");
        return NULL;
    }
    if (axis_obj && axis_obj != Py_None) {
        if (kind != NC_GUFUNC_VECDOT) {
            PyErr_Format(PyExc_TypeError,
                         "%s: axis can only be used with a single shared core dimension, not with the 2 distinct "
                         "ones implied by signature %s.",
                         uf->name, nc_gufunc_signature(kind));
            return NULL;
        }
        long v = PyLong_AsLong(axis_obj);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        axes[0] = axes[2] = (int)v;
        naxes[0] = naxes[1] = 1;
        use_axes = 1;
    } else if (axes_obj && axes_obj != Py_None) {
        if (!PyList_Check(axes_obj)) {
            PyErr_SetString(PyExc_TypeError, "axes should be a list.");
            return NULL;
        }
        Py_ssize_t na = PyList_GET_SIZE(axes_obj);
        int nout_core = kind == NC_GUFUNC_VECDOT ? 0 : 1;
        if (na != 3 && !(na == 2 && (nout_core == 0 || keepdims))) {
            PyErr_Format(PyExc_ValueError,
                         "axes should be a list with an entry for all 3 inputs and outputs; entries for "
                         "outputs can only be omitted if none of them has core axes.");
            return NULL;
        }
        for (Py_ssize_t i = 0; i < na; i++)
            if (parse_axes_item(PyList_GET_ITEM(axes_obj, i), &naxes[i], &axes[2 * i]) < 0)
                return NULL;
        use_axes = 1;
    }

    PyObject *arrs[3] = {NULL, NULL, NULL}, *result = NULL;
    nc_dtype_id dts[2];
    for (int i = 0; i < 2; i++) {
        arrs[i] = ncpy_asarray(args[i], -1, 0);
        if (!arrs[i])
            goto done;
        dts[i] = ((ncpy_array *)arrs[i])->arr.dtype;
    }
    int loop;
    nc_status st = nc_ufunc_resolve(uf, dts, NULL, have_sig ? sig : NULL, casting, &loop);
    if (st) {
        ncpy_raise(st);
        goto done;
    }
    if (outobj) {
        Py_INCREF(outobj);
        arrs[2] = outobj;
    } else if (!(arrs[2] = (PyObject *)ncpy_array_alloc(&ncpy_array_type))) {
        goto done;
    }
    nc_array *ops[3];
    for (int k = 0; k < 3; k++)
        ops[k] = &((ncpy_array *)arrs[k])->arr;
    int fpe = 0;
    st = nc_gufunc_exec(kind, loop, ops, use_axes ? naxes : NULL, axes, keepdims, casting, &fpe);
    if (st) {
        ncpy_raise(st);
        goto done;
    }
    if (ncpy_check_fpe(uf->name, fpe) < 0)
        goto done;
    result = arrs[2];
    arrs[2] = NULL;
    if (!outobj)
        result = ncpy_array_return(result);
done:
    for (int k = 0; k < 3; k++)
        Py_XDECREF(arrs[k]);
    return result;
}

int ncpy_init_gufunc(PyObject *m)
{
    for (int k = 0; k < NC_GUFUNC_COUNT; k++) {
        const nc_ufunc *uf = nc_gufunc_at(k);
        ncpy_ufunc *u = PyObject_New(ncpy_ufunc, &ncpy_ufunc_type);
        if (!u)
            return -1;
        u->uf = uf;
        u->vectorcall = gufunc_vectorcall;
        memset(u->pair_cache, 0, sizeof u->pair_cache);
        u->name = PyUnicode_FromString(uf->name);
        u->signature = PyUnicode_FromString(nc_gufunc_signature(k));
        if (!u->name || !u->signature) {
            Py_DECREF(u);
            return -1;
        }
        if (ncpy_ufunc_register(m, u) < 0)
            return -1;
    }
    return 0;
}
