#ifndef TWINDEX_CSIMDJSON_H
#define TWINDEX_CSIMDJSON_H
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A simdjson DOM parser plus a table of element handles. Handles are small integers,
/// valid until the next parse; the root of a parsed document is handle 0.
typedef struct twj_doc twj_doc;

enum twj_type { TWJ_NULL = 0, TWJ_BOOL, TWJ_INT64, TWJ_UINT64, TWJ_DOUBLE, TWJ_STRING, TWJ_ARRAY, TWJ_OBJECT };

twj_doc *twj_create(void);
void twj_destroy(twj_doc *doc);
/// Parses one JSON document; returns 0, or a simdjson error code (see twj_error_message).
int twj_parse(twj_doc *doc, const char *buf, size_t len);
const char *twj_error_message(int code);
int twj_type_of(twj_doc *doc, int32_t h);
/// The member `key` of object `h`, or -1 when h is no object or has no such key.
int32_t twj_field(twj_doc *doc, int32_t h, const char *key, size_t keylen);
/// String value of `h`; false when h is no string. The bytes live until the next parse.
bool twj_string(twj_doc *doc, int32_t h, const char **ptr, size_t *len);
bool twj_int64(twj_doc *doc, int32_t h, int64_t *out);
bool twj_double(twj_doc *doc, int32_t h, double *out);
bool twj_bool(twj_doc *doc, int32_t h, bool *out);
/// Number of elements of array `h` (0 when h is no array).
size_t twj_count(twj_doc *doc, int32_t h);
/// Fills `out` with handles of the first `max` elements of array `h`; returns how many.
size_t twj_elements(twj_doc *doc, int32_t h, int32_t *out, size_t max);

#ifdef __cplusplus
}
#endif
#endif
