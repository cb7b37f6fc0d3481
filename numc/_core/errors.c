/* errors.c: core statuses -> Python exceptions, and the floating-point
 * error state (NumPy's seterr/errstate).
 *
 * The error state lives in a context variable, as NumPy's does (so a new
 * thread starts from the defaults and asyncio tasks keep their own): a
 * tuple (divide, over, under, invalid, callback) of modes and the
 * seterrcall object.  ncpy_check_fpe applies it to the flags a core call
 * reported; it reads the variable only when some flag was raised, so calls
 * that raise nothing never pay for the lookup. */
#include "binding.h"

PyObject *ncpy_AxisError;
PyObject *ncpy_UFuncTypeError;
static PyObject *no_loop_error, *input_cast_error, *output_cast_error, *memory_error;

PyObject *ncpy_raise(nc_status st)
{
    const char *msg = nc_error_message();
    PyObject *exc;
    switch (st) {
    case NC_ERR_NOMEM: exc = memory_error; break;
    case NC_ERR_VALUE:
    case NC_ERR_SHAPE: exc = PyExc_ValueError; break;
    case NC_ERR_TYPE: exc = PyExc_TypeError; break;
    case NC_ERR_NOLOOP: exc = no_loop_error; break;
    case NC_ERR_CAST:
        exc = strstr(msg, " output ") ? output_cast_error
              : strstr(msg, " input ") ? input_cast_error : PyExc_TypeError;
        break;
    case NC_ERR_INDEX: exc = PyExc_IndexError; break;
    case NC_ERR_OVERFLOW: exc = PyExc_OverflowError; break;
    case NC_ERR_AXIS: exc = ncpy_AxisError; break;
    case NC_ERR_FPE: exc = PyExc_FloatingPointError; break;
    case NC_ERR_ZERODIV: exc = PyExc_ZeroDivisionError; break;
    default: exc = PyExc_SystemError; break;
    }
    PyErr_SetString(exc, msg);
    return NULL;
}

/* --- errstate --------------------------------------------------------- */

enum { ERR_IGNORE = 0, ERR_WARN, ERR_RAISE, ERR_CALL, ERR_PRINT, ERR_LOG };
typedef struct { int divide, over, under, invalid; PyObject *call; } errmodes;
static PyObject *state_var; /* contextvars.ContextVar of the state tuple */

/* The current state; call is borrowed from the tuple, which *hold keeps
 * alive until the caller releases it. */
static int get_state(errmodes *m, PyObject **hold)
{
    PyObject *t;
    if (PyContextVar_Get(state_var, NULL, &t) < 0)
        return -1;
    if (!t || !PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 5) {
        Py_XDECREF(t);
        PyErr_SetString(PyExc_SystemError, "numc error state is corrupt");
        return -1;
    }
    m->divide = (int)PyLong_AsLong(PyTuple_GET_ITEM(t, 0));
    m->over = (int)PyLong_AsLong(PyTuple_GET_ITEM(t, 1));
    m->under = (int)PyLong_AsLong(PyTuple_GET_ITEM(t, 2));
    m->invalid = (int)PyLong_AsLong(PyTuple_GET_ITEM(t, 3));
    m->call = PyTuple_GET_ITEM(t, 4);
    *hold = t;
    return PyErr_Occurred() ? (Py_DECREF(t), -1) : 0;
}

static int set_state(const errmodes *m)
{
    PyObject *t = Py_BuildValue("(iiiiO)", m->divide, m->over, m->under, m->invalid, m->call);
    if (!t)
        return -1;
    PyObject *token = PyContextVar_Set(state_var, t);
    Py_DECREF(t);
    Py_XDECREF(token);
    return token ? 0 : -1;
}

static int handle(int mode, const char *kind, const char *what, PyObject *errcall)
{
    char msg[160];
    if (mode == ERR_IGNORE)
        return 0;
    snprintf(msg, sizeof msg, "%s encountered in %s", kind, what);
    switch (mode) {
    case ERR_WARN:
        return PyErr_WarnEx(PyExc_RuntimeWarning, msg, 1);
    case ERR_RAISE:
        PyErr_SetString(PyExc_FloatingPointError, msg);
        return -1;
    case ERR_PRINT:
        PySys_WriteStdout("Warning: %s\n", msg);
        return 0;
    case ERR_CALL:
    case ERR_LOG: {
        if (!errcall || errcall == Py_None) {
            PyErr_Format(PyExc_ValueError, "No callback set for '%s' error mode", mode == ERR_CALL ? "call" : "log");
            return -1;
        }
        PyObject *r;
        if (mode == ERR_CALL) {
            int flag = kind[0] == 'd' ? 1 : kind[0] == 'o' ? 2 : kind[0] == 'u' ? 4 : 8;
            r = PyObject_CallFunction(errcall, "si", kind, flag);
        } else {
            char line[200];
            snprintf(line, sizeof line, "Warning: %s\n", msg);
            r = PyObject_CallMethod(errcall, "write", "s", line);
        }
        Py_XDECREF(r);
        return r ? 0 : -1;
    }
    }
    return 0;
}

int ncpy_warn_complex(void)
{
    PyObject *mod = PyImport_ImportModule("numc.exceptions");
    if (!mod)
        return -1;
    PyObject *cw = PyObject_GetAttrString(mod, "ComplexWarning");
    Py_DECREF(mod);
    if (!cw)
        return -1;
    int r = PyErr_WarnEx(cw, "Casting complex values to real discards the imaginary part", 1);
    Py_DECREF(cw);
    return r;
}

int ncpy_discards_imag(nc_dtype_id from, nc_dtype_id to)
{
    /* complex -> bool tests for non-zero and keeps both parts' meaning */
    return nc_dtype_info(from)->kind == 'c' && nc_dtype_info(to)->kind != 'c' && to != NC_BOOL;
}

int ncpy_check_cast(nc_dtype_id from, nc_dtype_id to, int fpe, int complex_warning)
{
    if (complex_warning && ncpy_discards_imag(from, to) && ncpy_warn_complex() < 0)
        return -1;
    return ncpy_check_fpe("cast", fpe);
}

int ncpy_check_fpe(const char *what, int flags)
{
    if (!flags)
        return 0;
    errmodes m;
    PyObject *hold;
    if (get_state(&m, &hold) < 0)
        return -1;
    int r = 0;
    if ((flags & NC_FPE_DIVIDEBYZERO) && handle(m.divide, "divide by zero", what, m.call))
        r = -1;
    else if ((flags & NC_FPE_OVERFLOW) && handle(m.over, "overflow", what, m.call))
        r = -1;
    else if ((flags & NC_FPE_UNDERFLOW) && handle(m.under, "underflow", what, m.call))
        r = -1;
    else if ((flags & NC_FPE_INVALID) && handle(m.invalid, "invalid value", what, m.call))
        r = -1;
    Py_DECREF(hold);
    return r;
}

static PyObject *py_geterrmodes(PyObject *mod, PyObject *args)
{
    (void)mod;
    (void)args;
    errmodes m;
    PyObject *hold;
    if (get_state(&m, &hold) < 0)
        return NULL;
    Py_DECREF(hold);
    return Py_BuildValue("(iiii)", m.divide, m.over, m.under, m.invalid);
}

static PyObject *py_seterrmodes(PyObject *mod, PyObject *args)
{
    (void)mod;
    errmodes m;
    PyObject *hold;
    if (get_state(&m, &hold) < 0)
        return NULL;
    int ok = PyArg_ParseTuple(args, "iiii", &m.divide, &m.over, &m.under, &m.invalid) &&
             set_state(&m) == 0;
    Py_DECREF(hold);
    if (!ok)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *py_seterrcall(PyObject *mod, PyObject *func)
{
    (void)mod;
    errmodes m;
    PyObject *hold;
    if (get_state(&m, &hold) < 0)
        return NULL;
    PyObject *old = m.call;
    Py_INCREF(old);
    m.call = func;
    int r = set_state(&m);
    Py_DECREF(hold);
    if (r < 0) {
        Py_DECREF(old);
        return NULL;
    }
    return old;
}

static PyObject *py_geterrcall(PyObject *mod, PyObject *args)
{
    (void)mod;
    (void)args;
    errmodes m;
    PyObject *hold;
    if (get_state(&m, &hold) < 0)
        return NULL;
    PyObject *r = m.call;
    Py_INCREF(r);
    Py_DECREF(hold);
    return r;
}

static PyMethodDef error_methods[] = {
    {"_geterrmodes", py_geterrmodes, METH_NOARGS, "Error modes (divide, over, under, invalid) of this context."},
    {"_seterrmodes", py_seterrmodes, METH_VARARGS, "Sets the error modes of this context."},
    {"_seterrcall", py_seterrcall, METH_O, "Sets the error callback; returns the old one."},
    {"_geterrcall", py_geterrcall, METH_NOARGS, "The error callback."},
    {NULL, NULL, 0, NULL},
};

int ncpy_init_errors(PyObject *m)
{
    PyObject *ex = PyImport_ImportModule("numc.exceptions");
    PyObject *pex = PyImport_ImportModule("numc._exceptions");
    if (!ex || !pex)
        goto fail;
    if (!(ncpy_AxisError = PyObject_GetAttrString(ex, "AxisError")) ||
        !(ncpy_UFuncTypeError = PyObject_GetAttrString(pex, "UFuncTypeError")) ||
        !(no_loop_error = PyObject_GetAttrString(pex, "_UFuncNoLoopError")) ||
        !(input_cast_error = PyObject_GetAttrString(pex, "_UFuncInputCastingError")) ||
        !(output_cast_error = PyObject_GetAttrString(pex, "_UFuncOutputCastingError")) ||
        !(memory_error = PyObject_GetAttrString(pex, "_ArrayMemoryError")))
        goto fail;
    Py_DECREF(ex);
    Py_DECREF(pex);
    PyObject *dflt = Py_BuildValue("(iiiiO)", ERR_WARN, ERR_WARN, ERR_IGNORE, ERR_WARN, Py_None);
    if (!dflt)
        return -1;
    state_var = PyContextVar_New("numc_errstate", dflt);
    Py_DECREF(dflt);
    if (!state_var)
        return -1;
    Py_INCREF(state_var);
    if (PyModule_AddObject(m, "_errstate_var", state_var) < 0) {
        Py_DECREF(state_var);
        return -1;
    }
    return PyModule_AddFunctions(m, error_methods);
fail:
    Py_XDECREF(ex);
    Py_XDECREF(pex);
    return -1;
}
