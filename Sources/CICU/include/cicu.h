#ifndef TWINDEX_CICU_H
#define TWINDEX_CICU_H
#include <stdint.h>

/// Writes NFC(src) case-folded with U_FOLD_CASE_DEFAULT into dst (UTF-16).
/// Returns the length of the result, or -1 on an ICU error. When the result is
/// longer than `capacity`, nothing useful is in dst and the needed length is returned.
int32_t twindex_fold_nfc(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity);

/// Writes NFC(src) into dst (UTF-16); same return convention as twindex_fold_nfc.
int32_t twindex_nfc(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity);

#endif
