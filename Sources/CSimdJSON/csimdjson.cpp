// A C face for simdjson's DOM API, so Swift can walk a parsed tweet without C++ interop.
#include "csimdjson.h"
#include <simdjson.h>
#include <vector>
#include <new>

struct twj_doc {
    simdjson::dom::parser parser;
    std::vector<simdjson::dom::element> handles;
};

extern "C" twj_doc *twj_create(void) {
    return new (std::nothrow) twj_doc();
}

extern "C" void twj_destroy(twj_doc *doc) { delete doc; }

extern "C" int twj_parse(twj_doc *doc, const char *buf, size_t len) {
    doc->handles.clear();
    simdjson::dom::element root;
    auto error = doc->parser.parse(buf, len, true).get(root);
    if (error) return int(error);
    doc->handles.push_back(root);
    return 0;
}

extern "C" const char *twj_error_message(int code) {
    return simdjson::error_message(simdjson::error_code(code));
}

static inline bool valid(twj_doc *doc, int32_t h) {
    return h >= 0 && size_t(h) < doc->handles.size();
}

extern "C" int twj_type_of(twj_doc *doc, int32_t h) {
    if (!valid(doc, h)) return TWJ_NULL;
    switch (doc->handles[h].type()) {
        case simdjson::dom::element_type::ARRAY: return TWJ_ARRAY;
        case simdjson::dom::element_type::OBJECT: return TWJ_OBJECT;
        case simdjson::dom::element_type::INT64: return TWJ_INT64;
        case simdjson::dom::element_type::UINT64: return TWJ_UINT64;
        case simdjson::dom::element_type::DOUBLE: return TWJ_DOUBLE;
        case simdjson::dom::element_type::STRING: return TWJ_STRING;
        case simdjson::dom::element_type::BOOL: return TWJ_BOOL;
        default: return TWJ_NULL;
    }
}

extern "C" int32_t twj_field(twj_doc *doc, int32_t h, const char *key, size_t keylen) {
    if (!valid(doc, h)) return -1;
    simdjson::dom::object obj;
    if (doc->handles[h].get_object().get(obj)) return -1;
    simdjson::dom::element value;
    if (obj.at_key(std::string_view(key, keylen)).get(value)) return -1;
    doc->handles.push_back(value);
    return int32_t(doc->handles.size() - 1);
}

extern "C" bool twj_string(twj_doc *doc, int32_t h, const char **ptr, size_t *len) {
    if (!valid(doc, h)) return false;
    std::string_view s;
    if (doc->handles[h].get_string().get(s)) return false;
    *ptr = s.data();
    *len = s.size();
    return true;
}

extern "C" bool twj_int64(twj_doc *doc, int32_t h, int64_t *out) {
    if (!valid(doc, h)) return false;
    return !doc->handles[h].get_int64().get(*out);
}

extern "C" bool twj_double(twj_doc *doc, int32_t h, double *out) {
    if (!valid(doc, h)) return false;
    return !doc->handles[h].get_double().get(*out);
}

extern "C" bool twj_bool(twj_doc *doc, int32_t h, bool *out) {
    if (!valid(doc, h)) return false;
    return !doc->handles[h].get_bool().get(*out);
}

extern "C" size_t twj_count(twj_doc *doc, int32_t h) {
    if (!valid(doc, h)) return 0;
    simdjson::dom::array arr;
    if (doc->handles[h].get_array().get(arr)) return 0;
    return arr.size();
}

extern "C" size_t twj_elements(twj_doc *doc, int32_t h, int32_t *out, size_t max) {
    if (!valid(doc, h)) return 0;
    simdjson::dom::array arr;
    if (doc->handles[h].get_array().get(arr)) return 0;
    size_t n = 0;
    for (simdjson::dom::element e : arr) {
        if (n == max) break;
        doc->handles.push_back(e);
        out[n++] = int32_t(doc->handles.size() - 1);
    }
    return n;
}
