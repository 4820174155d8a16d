// The ICU C API renames its symbols with version suffixes through macros, which Swift
// cannot import; these two wrappers give Swift stable names.
#include "cicu.h"
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <stdlib.h>

int32_t twindex_nfc(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t n = unorm2_normalize(nfc, (const UChar *)src, length, (UChar *)dst, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return n;
    if (U_FAILURE(status)) return -1;
    return n;
}

int32_t twindex_fold_nfc(const uint16_t *src, int32_t length, uint16_t *dst, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t normCap = length * 3 + 16;
    UChar stackBuf[256];
    UChar *norm = normCap <= 256 ? stackBuf : (UChar *)malloc(sizeof(UChar) * (size_t)normCap);
    if (norm == NULL) return -1;
    int32_t n = unorm2_normalize(nfc, (const UChar *)src, length, norm, normCap, &status);
    if (U_FAILURE(status)) { if (norm != stackBuf) free(norm); return -1; }
    status = U_ZERO_ERROR;
    int32_t m = u_strFoldCase((UChar *)dst, capacity, norm, n, U_FOLD_CASE_DEFAULT, &status);
    if (norm != stackBuf) free(norm);
    if (status == U_BUFFER_OVERFLOW_ERROR) return m;
    if (U_FAILURE(status)) return -1;
    return m;
}
