/// The character classes of twitter-text's extraction rules, on Unicode scalars.
enum CharacterClasses {
    static func isHashSign(_ c: Unicode.Scalar) -> Bool { c == "#" || c == "\u{FF03}" }
    static func isAtSign(_ c: Unicode.Scalar) -> Bool { c == "@" || c == "\u{FF20}" }

    /// `\p{L}\p{M}`: a hashtag needs at least one of these.
    static func isHashtagAlpha(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Letters, marks, decimal digits, `_` and the joiners and punctuation some scripts
    /// use inside words (ZWNJ, ZWJ, Hebrew geresh, Japanese wave dash, middle dot, ...).
    static func isHashtagAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
        }
        if isHashtagAlpha(c) || c.properties.generalCategory == .decimalNumber { return true }
        switch c.value {
        case 0x200C, 0x200D, 0xA67E, 0x05BE, 0x05F3, 0x05F4, 0xFF5E, 0x301C, 0x309B, 0x309C,
             0x30A0, 0x30FB, 0x3003, 0x0F0B, 0x0F0C, 0x00B7:
            return true
        default:
            return false
        }
    }

    static func isScreenNameChar(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
    }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }

    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    /// twitter-text's `spaces`.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isDirectionalMarker(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// twitter-text's `latinAccentChars`: a mention followed by one is no mention.
    static func isLatinAccent(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x100...0x24F, 0x253, 0x254, 0x256, 0x257,
             0x259, 0x25B, 0x263, 0x268, 0x26F, 0x272, 0x289, 0x28B, 0x2BB, 0x300...0x36F,
             0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }

    /// The punctuation that may follow a cashtag.
    static func isCashtagPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "!", "'", "#", "%", "&", "(", ")", "*", "+", ",", "\\", "-", ".", "/", ":", ";", "<", "=", ">", "?",
             "@", "[", "]", "^", "_", "{", "|", "}", "~", "$":
            return true
        default:
            return false
        }
    }

    /// Characters that must not stand right before a mention's `@`.
    static func blocksMention(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "!", "#", "$", "%", "&", "*", "@", "\u{FF20}": return true
        default: return isScreenNameChar(c)
        }
    }

    /// Characters that must not stand right before the `RT` of an `RT@user` mention.
    static func blocksRetweetMarker(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "+", "~", ".", "-": return true
        default: return isScreenNameChar(c)
        }
    }
}
