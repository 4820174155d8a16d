/// Text for a terminal: how many columns it takes, how to make data safe to print, and how
/// to cut it to a width.
///
/// Data never reaches the terminal raw: `sanitized` removes escape sequences (CSI, OSC and
/// the rest) and every other control character, so a tweet cannot clear the screen, set the
/// window title or break the table's alignment. Highlighting is not done with escape codes
/// inside the data but with two marker characters (`highlightOpen`, `highlightClose`) that
/// take no columns; `fitted` cuts between whole characters, closes an open highlight, and
/// only `styled` turns markers into escape codes, so no escape sequence is ever cut.
///
/// ```swift
/// TerminalText.width("日本語")                         // 6
/// TerminalText.sanitized("a\u{1B}]0;title\u{7}b")     // "ab"
/// TerminalText.fitted("a long text", width: 6)        // "a lon…"
/// ```
public enum TerminalText {
    /// Put around a highlighted part of a text (private-use characters of plane 16, not in tweets).
    public static let highlightOpen: Unicode.Scalar = "\u{10FFFC}"
    /// Ends a highlighted part.
    public static let highlightClose: Unicode.Scalar = "\u{10FFFD}"

    /// The columns `text` takes on a terminal: 2 for wide (East Asian) characters and emoji,
    /// 0 for combining marks, zero-width and format characters, 1 for the rest; counted per
    /// grapheme cluster, so a family emoji or a flag is 2 and `e` + U+0301 is 1.
    public static func width(_ text: String) -> Int {
        if isPlainASCII(text) { return text.utf8.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    /// Printable ASCII only (the common case, measured without looking at characters).
    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The columns one grapheme cluster takes.
    public static func width(of character: Character) -> Int {
        var visible = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F || isWide(scalar) { return 2 }
            if !isZeroWidth(scalar) { visible = true }
        }
        return visible ? 1 : 0
    }

    /// `text` without escape sequences and control characters: tabs and line breaks become
    /// one space each (CRLF one space), other controls (C0, DEL, C1) and bidirectional overrides are removed,
    /// and ESC takes the whole sequence it starts with it. The highlight markers are kept.
    public static func sanitized(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var afterCR = false
        while let s = pending ?? scalars.next() {
            pending = nil
            defer { afterCR = s.value == 0x0D }
            switch s.value {
            case 0x1B:
                pending = skipEscape(&scalars)
            case 0x0A where afterCR:
                continue
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                out.append(s)
            }
        }
        return String(out)
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut; an open highlight is
    /// closed. Markers take no columns.
    public static func fitted(_ text: String, width: Int) -> String {
        guard self.width(text) > width else { return text }
        var out = "", used = 0, inside = false
        for c in text {
            if c.unicodeScalars.count == 1, let s = c.unicodeScalars.first, s == highlightOpen || s == highlightClose {
                inside = s == highlightOpen
                out.append(c)
                continue
            }
            let w = self.width(of: c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        if inside { out.unicodeScalars.append(highlightClose) }
        return out + (width > 0 ? "…" : "")
    }

    /// `text` padded with spaces to `width` columns.
    public static func padded(_ text: String, width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - self.width(text)))
    }

    /// The markers turned into `open`/`close` (say, bold yellow and reset), or removed when
    /// both are empty.
    public static func styled(_ text: String, open: String = "", close: String = "") -> String {
        guard text.unicodeScalars.contains(where: { $0 == highlightOpen || $0 == highlightClose }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if s == highlightOpen { out += open } else if s == highlightClose { out += close } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// Consumes an escape sequence after ESC; returns the first scalar after it, if read.
    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let kind = scalars.next() else { return nil }
        switch kind {
        case "[":   // CSI: parameters and intermediates, then one final byte 0x40-0x7E
            while let s = scalars.next() {
                if (0x40...0x7E).contains(s.value) { return nil }
                if !(0x20...0x3F).contains(s.value) { return s }
            }
            return nil
        case "]", "P", "X", "^", "_":   // OSC, DCS, SOS, PM, APC: up to BEL or ESC \
            while let s = scalars.next() {
                if s.value == 0x07 { return nil }
                if s.value == 0x1B { _ = scalars.next(); return nil }
            }
            return nil
        default:    // a two-character sequence (ESC c, ESC 7, ...)
            return nil
        }
    }

    private static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        if s == highlightOpen || s == highlightClose { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return (0xFE00...0xFE0F).contains(s.value) || (0xE0100...0xE01EF).contains(s.value)
        }
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15 EastAsianWidth.txt, condensed), and
    /// characters shown as emoji by default.
    private static func isWide(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isEmojiPresentation { return true }
        switch s.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
