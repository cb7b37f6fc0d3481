/* binding.h: what the parts of the numc._core extension share.
 *
 * The binding turns Python objects into core calls and core statuses into
 * Python exceptions.  It holds no loops over array data: those are in libnumc.
 * Each part (a .c file) has an init function called once from module.c that
 * adds its types and functions to the module. */
#ifndef NCPY_BINDING_H
#define NCPY_BINDING_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "numc/numc.h"

/* --- ndarray ------------------------------------------------------------ */
typedef struct {
    PyObject_HEAD
    nc_array arr;
    PyObject *base;        /* object keeping the memory alive, or NULL */
    PyObject *weakreflist;
} ncpy_array;

extern PyTypeObject ncpy_array_type;
#define ncpy_array_check(o) PyObject_TypeCheck((o), &ncpy_array_type)

/* New ndarray object with a cleared nc_array, to be filled by the caller
 * (e.g. as an output of nc_ufunc_exec).  `type` may be a subclass. */
ncpy_array *ncpy_array_alloc(PyTypeObject *type);
/* New ndarray owning fresh memory. */
PyObject *ncpy_array_new(nc_dtype_id dtype, int ndim, const ptrdiff_t *shape, nc_order order,
                         int zeroed);
/* New ndarray viewing `src`'s buffer with the given geometry; base = src. */
PyObject *ncpy_array_view(ncpy_array *src, char *data, nc_dtype_id dtype, int ndim,
                          const ptrdiff_t *shape, const ptrdiff_t *strides);
/* Returns a 0-d result as a scalar (NumPy's habit for ufunc results) or
 * the array itself; steals the reference. */
PyObject *ncpy_array_return(PyObject *arr);

/* --- conversion --------------------------------------------------------- */
/* Any object NumPy's asarray accepts -> new reference to an ndarray.
 * dtype < 0 means "discover".  copy: -1 never, 0 if needed, 1 always. */
PyObject *ncpy_asarray(PyObject *obj, int dtype, int copy);
/* Python int/float/complex (not bool, not numc scalars) -> its weak kind,
 * NC_WEAK_NONE otherwise. */
nc_weak_kind ncpy_weak_kind(PyObject *obj);
/* Python scalar -> 0-d array of `dtype`; Python ints out of range raise
 * OverflowError as NumPy 2 does. */
PyObject *ncpy_scalar_to_array(PyObject *obj, nc_dtype_id dtype);
/* int or sequence of ints -> shape (NC_MAXDIMS entries); TypeError for
 * non-integers, ValueError for too many dimensions. */
int ncpy_parse_shape(PyObject *o, int *ndim, ptrdiff_t *shape);
/* Writes a Python object into one element of `dtype` at `dst`. */
int ncpy_store_item(PyObject *obj, nc_dtype_id dtype, char *dst);

/* --- dtype objects ------------------------------------------------------ */
extern PyTypeObject ncpy_dtype_type;
typedef struct {
    PyObject_HEAD
    nc_dtype_id id;
} ncpy_dtype;
/* Borrowed reference to the dtype object of `id`. */
PyObject *ncpy_dtype_get(nc_dtype_id id);
/* O& converter: accepts everything numc.dtype() accepts; None gives -1. */
int ncpy_dtype_converter(PyObject *obj, int *out);

/* --- scalars ------------------------------------------------------------ */
/* New scalar object of `dtype` holding the element at `data`. */
PyObject *ncpy_scalar_from_data(nc_dtype_id dtype, const char *data);
/* If `obj` is a numc scalar, writes its dtype and value bytes and returns 1. */
int ncpy_scalar_unpack(PyObject *obj, nc_dtype_id *dtype, char *out16);
/* Python item (int/float/complex/bool) of one element. */
PyObject *ncpy_item_from_data(nc_dtype_id dtype, const char *data);

/* --- errors and errstate ----------------------------------------------- */
/* Sets the Python exception for a failed core call; returns NULL. */
PyObject *ncpy_raise(nc_status st);
/* Applies the errstate to floating-point flags raised by `what` (a ufunc
 * name, or "cast").  Returns -1 with an exception set when it must raise. */
int ncpy_check_fpe(const char *what, int flags);
/* NumPy's warnings for a cast from -> to that raised `fpe` (NC_FPE_*):
 * ComplexWarning first when asked and complex becomes real, then "...
 * encountered in cast" under errstate.  -1 with an exception set. */
int ncpy_check_cast(nc_dtype_id from, nc_dtype_id to, int fpe, int complex_warning);
int ncpy_warn_complex(void);
/* 1 when casting from -> to drops imaginary parts (NumPy's ComplexWarning). */
int ncpy_discards_imag(nc_dtype_id from, nc_dtype_id to);
extern PyObject *ncpy_AxisError;
extern PyObject *ncpy_UFuncTypeError;

/* --- ufuncs ------------------------------------------------------------- */
typedef struct {
    PyObject_HEAD
    const nc_ufunc *uf;
    PyObject *name;
    PyObject *signature;      /* core signature of a gufunc, or NULL */
    vectorcallfunc vectorcall; /* per object: gufuncs install their own */
    int16_t pair_cache[NC_NTYPES][NC_NTYPES]; /* loop index + 1; 0 = unknown */
} ncpy_ufunc;
extern PyTypeObject ncpy_ufunc_type;
/* ufunc_methods.c: reduce, accumulate, reduceat, outer, at */
extern PyMethodDef ncpy_ufunc_methods[];
/* Registers a ufunc object under its name in the module and the registry
 * (steals a reference to `u`); used by gufunc_py.c too. */
int ncpy_ufunc_register(PyObject *m, ncpy_ufunc *u);
/* The ufunc object registered under `name` (borrowed). */
PyObject *ncpy_ufunc_get(const char *name);
/* Calls a core ufunc on Python operands with default keywords (the fast
 * path used by ndarray operators).  out may be NULL. */
PyObject *ncpy_ufunc_call_simple(PyObject *ufunc, PyObject *const *args, PyObject *out);
/* The same for arithmetic on numc scalars: warnings say "in scalar <name>". */
PyObject *ncpy_ufunc_call_scalar(PyObject *ufunc, PyObject *const *args);

/* --- part initialisers (module.c calls each once) ----------------------- */
int ncpy_init_errors(PyObject *m);
int ncpy_init_dtype(PyObject *m);
int ncpy_init_scalar(PyObject *m);
int ncpy_init_array(PyObject *m);
int ncpy_init_ufunc(PyObject *m);
int ncpy_init_creation(PyObject *m);
int ncpy_init_gufunc(PyObject *m);   /* gufunc_py.c: matmul, vecdot, matvec, vecmat */
int ncpy_init_manip(PyObject *m);    /* manip_py.c: joining, splitting, rearranging */
int ncpy_init_manip2(PyObject *m);   /* manip2_py.c: flip, roll, tile, repeat, pad, diag */
int ncpy_init_select(PyObject *m);   /* select_py.c: take, put, nonzero, where, ... */
int ncpy_init_reduce(PyObject *m);   /* reduce_py.c: statistics and arg-reductions */
int ncpy_init_threads(PyObject *m);  /* threads_py.c: thread pool settings */

#endif

/* --- ndarray method and attribute tables, one per part ------------------
 * The ndarray type's tp_methods / tp_getset are concatenated at import from
 * these NULL-terminated tables, so each part owns its own list. */
extern PyMethodDef ncpy_methods_core[];    /* ndarray.c */
extern PyMethodDef ncpy_methods_manip[];   /* methods.c: astype, reshape, ... */
extern PyMethodDef ncpy_methods_interop[]; /* interop.c: __array__, pickling */
extern PyMethodDef ncpy_methods_reduce[];  /* reduce_py.c: sum, mean, argmax, ... */
extern PyMethodDef ncpy_methods_select[];  /* select_py.c: take, nonzero, repeat, ... */
extern PyMethodDef ncpy_methods_forward[]; /* forward.c: round, clip, conj, ... */
/* forward.c: calls module.name(self, *args, **kw); *cache keeps the function. */
PyObject *ncpy_forward(const char *module, const char *name, PyObject **cache, PyObject *self,
                       PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);
extern PyGetSetDef ncpy_getset_core[];     /* ndarray.c */
extern PyGetSetDef ncpy_getset_manip[];    /* methods.c: T, mT, real, imag, flags */
extern PyGetSetDef ncpy_getset_interop[];  /* interop.c: __array_interface__ */
extern PyGetSetDef ncpy_getset_select[];   /* select_py.c: oindex, vindex */
extern PyBufferProcs ncpy_array_as_buffer; /* interop.c */

/* indexing.c */
PyObject *ncpy_array_getitem(PyObject *self, PyObject *key);
int ncpy_array_setitem(PyObject *self, PyObject *key, PyObject *value);
/* methods.c: `x in a` */
int ncpy_array_contains(PyObject *self, PyObject *value);
/* methods.c: iteration over the first axis */
PyObject *ncpy_array_iter(PyObject *self);
/* printing: repr/str through numc._arrayprint */
PyObject *ncpy_array_repr(PyObject *self);
PyObject *ncpy_array_str(PyObject *self);
