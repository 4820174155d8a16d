import CSimdJSON

/// One parsed JSON line (simdjson DOM behind a C face). Elements are handles valid until
/// the next `parse`; values are copied out as Swift values.
package final class JSONDocument {
    typealias Element = Int32
    static let missing: Element = -1
    private let doc: OpaquePointer

    package init?() {
        guard let doc = twj_create() else { return nil }
        self.doc = doc
    }

    deinit { twj_destroy(doc) }

    /// Parses `bytes`; returns nil on success, else simdjson's message.
    package func parse(_ bytes: UnsafeRawBufferPointer) -> String? {
        let code = twj_parse(doc, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
        return code == 0 ? nil : String(cString: twj_error_message(code))
    }

    var root: Element { 0 }

    func type(_ e: Element) -> Int32 { e < 0 ? -1 : twj_type_of(doc, e) }
    func isObject(_ e: Element) -> Bool { type(e) == Int32(TWJ_OBJECT.rawValue) }
    func isArray(_ e: Element) -> Bool { type(e) == Int32(TWJ_ARRAY.rawValue) }

    /// The JSON type of a value in words, for messages ("a number", "null").
    func typeName(_ e: Element) -> String {
        switch type(e) {
        case -1: return "missing"
        case Int32(TWJ_NULL.rawValue): return "null"
        case Int32(TWJ_BOOL.rawValue): return "a boolean"
        case Int32(TWJ_STRING.rawValue): return "a string"
        case Int32(TWJ_ARRAY.rawValue): return "an array"
        case Int32(TWJ_OBJECT.rawValue): return "an object"
        default: return "a number"
        }
    }

    subscript(_ e: Element, _ key: StaticString) -> Element {
        guard e >= 0 else { return Self.missing }
        return key.withUTF8Buffer { k in
            k.withMemoryRebound(to: CChar.self) { twj_field(doc, e, $0.baseAddress, $0.count) }
        }
    }

    func string(_ e: Element) -> String? {
        var ptr: UnsafePointer<CChar>?
        var len = 0
        guard e >= 0, twj_string(doc, e, &ptr, &len), let ptr else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: ptr, count: len), as: UTF8.self)
    }

    /// A string value, with the empty string counted as absent.
    func nonEmptyString(_ e: Element) -> String? {
        guard let s = string(e), !s.isEmpty else { return nil }
        return s
    }

    func int64(_ e: Element) -> Int64? {
        var v: Int64 = 0
        return e >= 0 && twj_int64(doc, e, &v) ? v : nil
    }

    func double(_ e: Element) -> Double? {
        var v = 0.0
        return e >= 0 && twj_double(doc, e, &v) ? v : nil
    }

    func bool(_ e: Element) -> Bool? {
        var v = false
        return e >= 0 && twj_bool(doc, e, &v) ? v : nil
    }

    /// An id given as a decimal string (`id_str`) or as an integer.
    func id(_ e: Element) -> Int64? {
        if let s = string(e) { return Int64(s) }
        return int64(e)
    }

    /// `obj.<key>_str` when present (exact), else `obj.<key>` as an integer.
    func id(_ obj: Element, str: StaticString, num: StaticString) -> Int64? {
        id(self[obj, str]) ?? id(self[obj, num])
    }

    func elements(_ e: Element) -> [Element] {
        let n = e >= 0 ? twj_count(doc, e) : 0
        guard n > 0 else { return [] }
        var out = [Element](repeating: 0, count: n)
        let got = out.withUnsafeMutableBufferPointer { twj_elements(doc, e, $0.baseAddress, n) }
        return Array(out[0..<got])
    }
}
