//! Escaping values for Typst, the only way a value reaches generated source.
//!
//! Markup: whitespace collapsed to one space (a value never starts a paragraph or a heading)
//! and a backslash before every ASCII punctuation character, which the Typst lexer reads as
//! that character, literally. Code mode (arguments to the shared library): a string literal
//! with `\` and `"` escaped. Both are proved by the property test in `tests/`.

/// Escapes `value` for Typst markup.
pub fn markup(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut space = false;
    for c in value.trim().chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Typst string literal holding `value` (whitespace collapsed as in [`markup`], but the
/// marks of a centred block are kept for the library: U+2028, a break the clerk wrote in a
/// name, and U+202F, U+205F and U+2007, hoinghi's weak, compound and last-pair glue; see
/// [`crate::vietnamese::breaks`]).
pub fn code_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    let mut space = false;
    for c in value.trim().chars() {
        if c.is_whitespace()
            && !matches!(
                c,
                '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{205f}' | '\u{2028}'
            )
        {
            space = true;
            continue;
        }
        if space && c != '\u{2028}' {
            out.push(' ');
        }
        space = false;
        match c {
            '\u{2028}' => out.push_str("\\u{2028}"),
            '\u{202f}' => out.push_str("\\u{202f}"),
            '\u{2007}' => out.push_str("\\u{2007}"),
            '\u{205f}' => out.push_str("\\u{205f}"),
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` escaped for HTML text and quoted attribute values: `& < > " '` only, so that the
/// source stays readable ("6/3", not "6&#x2f;3") when pasted into a site's editor.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` as one paragraph of plain text: its line breaks, with the spaces around them and any
/// blank lines between, become one space (other spaces, no-break ones included, are kept).
pub fn one_paragraph(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\n', '\r']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let lines: Vec<&str> = s
        .split(['\n', '\r'])
        .map(|line| line.trim_matches([' ', '\t']))
        .filter(|line| !line.is_empty())
        .collect();
    let joined = lines.join(" ");
    // Keep a leading or trailing space the value had, so words around it stay apart.
    let lead = if s.starts_with([' ', '\t', '\n', '\r']) {
        " "
    } else {
        ""
    };
    let trail = if s.ends_with([' ', '\t', '\n', '\r']) {
        " "
    } else {
        ""
    };
    std::borrow::Cow::Owned(format!("{lead}{joined}{trail}"))
}

/// `s` escaped for Markdown (CommonMark with the usual extensions), so that a renderer shows exactly its characters, on one line.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let one_line = s.replace(['\r', '\n'], " ");
    let mut at_start = true;
    let mut chars = one_line.chars().peekable();
    while let Some(c) = chars.next() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '{' | '}'
        ) || (at_start && matches!(c, '#' | '+' | '-' | '=' | ':'));
        // "1. " or "1) " at the start would begin an ordered list.
        if at_start && c.is_ascii_digit() {
            out.push(c);
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() {
                    out.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(&p) = chars.peek()
                && matches!(p, '.' | ')')
            {
                out.push('\\');
                out.push(p);
                chars.next();
            }
            at_start = false;
            continue;
        }
        if special {
            out.push('\\');
        }
        out.push(c);
        if !c.is_whitespace() {
            at_start = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_every_ascii_punctuation() {
        assert_eq!(
            markup("#read(\"/etc/passwd\")"),
            "\\#read\\(\\\"\\/etc\\/passwd\\\"\\)"
        );
        assert_eq!(markup("2. Thông qua"), "2\\. Thông qua");
        assert_eq!(markup("a\n\n= b"), "a \\= b");
        assert_eq!(
            one_paragraph("Một đoạn.\n\n  Đoạn\u{a0}hai.\n"),
            "Một đoạn. Đoạn\u{a0}hai. "
        );
        assert_eq!(one_paragraph("không đổi"), "không đổi");
        assert_eq!(markup("  Khối  thi\tđua "), "Khối thi đua");
    }

    #[test]
    fn code_strings() {
        assert_eq!(code_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(code_string("x\ny"), "\"x y\"");
    }

    #[test]
    fn escapes_what_markdown_would_read() {
        assert_eq!(markdown("*bold* [x](y)"), "\\*bold\\* \\[x\\](y)");
        assert_eq!(markdown("# title"), "\\# title");
        assert_eq!(markdown("<script>"), "\\<script\\>");
        assert_eq!(markdown("2026. Năm"), "2026\\. Năm");
        assert_eq!(markdown("Sở Nội vụ - Tư pháp"), "Sở Nội vụ - Tư pháp");
        assert_eq!(markdown("a\nb"), "a b");
    }
}
