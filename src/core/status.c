/* status.c: the thread-local error message behind nc_status values.
 * Invariant: the message is always NUL-terminated and fits its buffer. */
#include <stdarg.h>
#include <stdio.h>
#include "numc/status.h"

static _Thread_local char message[512];

const char *nc_error_message(void) { return message; }

void nc_error_clear(void) { message[0] = '\0'; }

nc_status nc_error_set(nc_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return status;
}
