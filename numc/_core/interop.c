/* interop.c: the buffer protocol, __array__, __array_interface__, pickling. */
#include "binding.h"

PyMethodDef ncpy_methods_interop[] = {
    {NULL, NULL, 0, NULL},
};

PyGetSetDef ncpy_getset_interop[] = {
    {NULL, NULL, NULL, NULL, NULL},
};

PyBufferProcs ncpy_array_as_buffer = {0};
