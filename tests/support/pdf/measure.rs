//! The checklist's measurements of the body: line and paragraph pitch, overprinting, headings
//! stranded at a page foot. They return what they measure; the tests decide what to assert.

use super::CM;
use super::segments::Seg;

/// Body text: 12.5 to 15.5 pt, page numbers left out; with its left and right edges.
fn body_extent(pages: &[Vec<Seg>]) -> Option<(f32, f32)> {
    let body: Vec<&Seg> = pages
        .iter()
        .flatten()
        .filter(|s| s.is_body_size() && !s.is_page_number())
        .collect();
    if body.is_empty() {
        return None;
    }
    let left = body.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let right = body.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    Some((left, right))
}

fn median(mut v: Vec<f32>) -> f32 {
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

/// Checklist point 12, body line spacing: in the flow of body text (12.5-15.5 pt, regular,
/// starting within 1.6 cm of the left edge), the baseline pitch inside a paragraph (a full
/// justified line followed by a line flush left) and between paragraphs (a short line followed
/// by an indented one). Returns the median pitch inside paragraphs, the median size of those
/// lines and the median paragraph gap beyond that pitch (None without a paragraph break);
/// None when no paragraph has two full lines. The checker wants pitch >= 1.15 em - 0.4 and
/// <= 1.5 × 1.15 em + 0.5, and a gap >= 5.4 pt.
pub fn body_pitch(pages: &[Vec<Seg>]) -> Option<(f32, f32, Option<f32>)> {
    let (left, right) = body_extent(pages)?;
    let tw = right - left;
    let (mut inside, mut between) = (Vec::new(), Vec::new());
    for ss in pages {
        let flow: Vec<&Seg> = ss
            .iter()
            .filter(|s| s.is_body_size() && s.x0 < left + 1.6 * CM && !s.bold)
            .collect();
        for w in flow.windows(2) {
            let (a, b) = (w[0], w[1]);
            let d = b.baseline - a.baseline;
            if d <= 0.0 || d > 3.0 * a.size {
                continue;
            }
            let full = a.x1 > right - 3.0 && a.width() > 0.8 * tw;
            if full && b.x0 < left + 3.0 {
                inside.push((d, a.size));
            } else if !full && b.x0 > left + 0.8 * CM - 1.0 {
                between.push(d);
            }
        }
    }
    if inside.is_empty() {
        return None;
    }
    let pitch = median(inside.iter().map(|p| p.0).collect());
    let size = median(inside.iter().map(|p| p.1).collect());
    let gap = (!between.is_empty()).then(|| median(between) - pitch);
    Some((pitch, size, gap))
}

/// The first `n` characters of `s`.
pub(super) fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Checklist point 27, no overprinting: pairs of segments on one page that overlap
/// horizontally by more than 2 pt with baselines more than 0.35 em but less than one font size
/// (minus 0.3 pt) apart. Each as `p<page> "a"/"b" <distance> pt apart at <size> pt`; empty
/// when nothing is printed over anything.
pub fn overprints(pages: &[Vec<Seg>]) -> Vec<String> {
    let mut clash = Vec::new();
    for (i, ss) in pages.iter().enumerate() {
        for (j, a) in ss.iter().enumerate() {
            for b in &ss[j + 1..] {
                let d = (b.baseline - a.baseline).abs();
                let big = a.size.max(b.size);
                if 0.35 * a.size.min(b.size) < d
                    && d < big - 0.3
                    && a.x1.min(b.x1) - a.x0.max(b.x0) > 2.0
                {
                    clash.push(format!(
                        "p{} {:?}/{:?} {d:.1} pt apart at {big:.0} pt",
                        i + 1,
                        head(&a.text, 25),
                        head(&b.text, 25)
                    ));
                }
            }
        }
    }
    clash
}

/// The checker's heading pattern `^([IVXLC]+|\d+(\.\d+)*|[a-zđ])[.)]\s`.
pub fn numbered_heading(text: &str) -> bool {
    let c: Vec<char> = text.chars().collect();
    let closes = |i: usize| {
        matches!(c.get(i), Some('.' | ')')) && c.get(i + 1).is_some_and(|c| c.is_whitespace())
    };
    // Roman numerals.
    let roman = c.iter().take_while(|c| "IVXLC".contains(**c)).count();
    if roman > 0 && closes(roman) {
        return true;
    }
    // Numbers with dotted parts: try every end the regex could backtrack to.
    let digits = |from: usize| c[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut end = digits(0);
    if end > 0 {
        loop {
            if closes(end) {
                return true;
            }
            if c.get(end) == Some(&'.') && digits(end + 1) > 0 {
                end += 1 + digits(end + 1);
            } else {
                break;
            }
        }
    }
    // One lower-case letter.
    c.first()
        .is_some_and(|c| c.is_ascii_lowercase() || *c == 'đ')
        && closes(1)
}

/// Checklist point 28, no heading stranded at the foot of a page: on every page but the last,
/// the last segment (page numbers aside) when it stands alone on its line, is bold and looks
/// like a heading (numbered `I.`/`1.2.`/`a)`, `Nơi nhận`, or shorter than 0.7 of the text width
/// without closing punctuation). Each as `p<page> "text"`.
pub fn stranded_headings(pages: &[Vec<Seg>]) -> Vec<String> {
    let Some((left, right)) = body_extent(pages) else {
        return Vec::new();
    };
    let tw = right - left;
    let mut out = Vec::new();
    for (i, ss) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
        let content: Vec<&Seg> = ss.iter().filter(|s| !s.is_page_number()).collect();
        let Some(&last) = content.last() else {
            continue;
        };
        let alone = !content[..content.len() - 1]
            .iter()
            .any(|o| (o.baseline - last.baseline).abs() < 2.0);
        let headish = numbered_heading(&last.text)
            || last.text.starts_with("Nơi nhận")
            || (last.bold && last.width() < 0.7 * tw && !last.text.ends_with(['.', ';', ',']));
        if alone && last.bold && headish {
            out.push(format!("p{} {:?}", i + 1, head(&last.text, 40)));
        }
    }
    out
}
