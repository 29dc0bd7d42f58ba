//! Escaping for Markdown (CommonMark with the usual extensions): a value prints literally,
//! whatever it holds — `*bold*`, `[x](y)`, `<script>`, `# title` or `1. ` at its start.

/// `s` escaped so that a Markdown renderer shows exactly its characters, on one line.
pub fn escape(s: &str) -> String {
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
    use super::escape;

    #[test]
    fn escapes_what_markdown_would_read() {
        assert_eq!(escape("*bold* [x](y)"), "\\*bold\\* \\[x\\](y)");
        assert_eq!(escape("# title"), "\\# title");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("2026. Năm"), "2026\\. Năm");
        assert_eq!(escape("Sở Nội vụ - Tư pháp"), "Sở Nội vụ - Tư pháp");
        assert_eq!(escape("a\nb"), "a b");
    }
}
