/* printing.c: ndarray repr/str and the element formatter behind them.
 *
 * repr/str are delegated to numc._arrayprint (layout: brackets, wrapping,
 * summarisation).  The per-element text comes from the core's
 * nc_format_array through two functions installed here:
 *   _format_array(a, edgeitems, precision, floatmode, suppress, sign,
 *                 nanstr, infstr) -> (list of str, reduced shape tuple)
 *   _format_scalar_str(a) -> str of a's first element (NumPy scalar str)
 * They are added to numc._core by ncpy_init_printing when module.c calls it,
 * and also injected into numc._arrayprint on first use so printing works
 * whether or not module.c registers them.  No loops over array data here. */
#include "binding.h"
#include "numc/format_array.h"

static int parse_floatmode(const char *s, nc_floatmode *out)
{
    if (!strcmp(s, "fixed"))
        *out = NC_FLOATMODE_FIXED;
    else if (!strcmp(s, "unique"))
        *out = NC_FLOATMODE_UNIQUE;
    else if (!strcmp(s, "maxprec"))
        *out = NC_FLOATMODE_MAXPREC;
    else if (!strcmp(s, "maxprec_equal"))
        *out = NC_FLOATMODE_MAXPREC_EQUAL;
    else {
        PyErr_Format(PyExc_ValueError, "unknown floatmode %s", s);
        return -1;
    }
    return 0;
}

static PyObject *format_array(PyObject *Py_UNUSED(mod), PyObject *args)
{
    PyObject *arr;
    Py_ssize_t edge;
    int precision, suppress;
    const char *floatmode, *sign, *nanstr, *infstr;
    if (!PyArg_ParseTuple(args, "O!nisps" "ss", &ncpy_array_type, &arr, &edge, &precision,
                          &floatmode, &suppress, &sign, &nanstr, &infstr))
        return NULL;
    nc_print_opts po;
    if (parse_floatmode(floatmode, &po.floatmode) < 0)
        return NULL;
    if (strlen(sign) != 1 || !strchr("-+ ", sign[0]))
        return PyErr_Format(PyExc_ValueError, "sign option must be one of ' ', '+', or '-'");
    po.precision = precision;
    po.suppress = suppress;
    po.sign = sign[0];
    po.nanstr = nanstr;
    po.infstr = infstr;
    const nc_array *a = &((ncpy_array *)arr)->arr;
    ptrdiff_t rshape[NC_MAXDIMS];
    nc_strlist sl;
    nc_status st;
    Py_BEGIN_ALLOW_THREADS
    st = nc_format_array(a, edge, &po, &sl, rshape);
    Py_END_ALLOW_THREADS
    if (st != NC_OK)
        return ncpy_raise(st);
    PyObject *list = PyList_New(sl.n), *shape = PyTuple_New(a->ndim), *res = NULL;
    if (!list || !shape)
        goto done;
    for (ptrdiff_t i = 0; i < sl.n; i++) {
        PyObject *s = PyUnicode_DecodeUTF8(sl.text + sl.offsets[i],
                                           sl.offsets[i + 1] - sl.offsets[i], "replace");
        if (!s)
            goto done;
        PyList_SET_ITEM(list, i, s);
    }
    for (int i = 0; i < a->ndim; i++) {
        PyObject *d = PyLong_FromSsize_t(rshape[i]);
        if (!d)
            goto done;
        PyTuple_SET_ITEM(shape, i, d);
    }
    res = PyTuple_Pack(2, list, shape);
done:
    Py_XDECREF(list);
    Py_XDECREF(shape);
    nc_strlist_clear(&sl);
    return res;
}

static PyObject *format_scalar_str(PyObject *Py_UNUSED(mod), PyObject *arr)
{
    if (!ncpy_array_check(arr))
        return PyErr_Format(PyExc_TypeError, "expected an ndarray");
    const nc_array *a = &((ncpy_array *)arr)->arr;
    if (a->size < 1)
        return PyErr_Format(PyExc_ValueError, "empty array has no element");
    char buf[256];
    size_t n = nc_format_scalar_str(a->data, a->dtype, buf, sizeof buf);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    return PyUnicode_FromStringAndSize(buf, (Py_ssize_t)n);
}

static PyMethodDef printing_functions[] = {
    {"_format_array", format_array, METH_VARARGS,
     "Element strings of an array (edge items only if edgeitems >= 0)."},
    {"_format_scalar_str", format_scalar_str, METH_O, "NumPy scalar str of a[()]."},
    {NULL, NULL, 0, NULL},
};

static int add_functions(PyObject *target)
{
    for (PyMethodDef *d = printing_functions; d->ml_name; d++) {
        PyObject *f = PyCFunction_New(d, NULL);
        if (!f || PyObject_SetAttrString(target, d->ml_name, f) < 0) {
            Py_XDECREF(f);
            return -1;
        }
        Py_DECREF(f);
    }
    return 0;
}

/* Adds _format_array and _format_scalar_str to the module (for module.c). */
int ncpy_init_printing(PyObject *m);
int ncpy_init_printing(PyObject *m) { return add_functions(m); }

static PyObject *call_printer(const char *name, PyObject *self)
{
    PyObject *mod = PyImport_ImportModule("numc._arrayprint");
    if (!mod)
        return NULL;
    if (!PyObject_HasAttrString(mod, "_format_array") && add_functions(mod) < 0) {
        Py_DECREF(mod);
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(mod, name, "O", self);
    Py_DECREF(mod);
    return r;
}

PyObject *ncpy_array_repr(PyObject *self) { return call_printer("_array_repr", self); }
PyObject *ncpy_array_str(PyObject *self) { return call_printer("_array_str", self); }
