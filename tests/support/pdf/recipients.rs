//! The Nơi nhận block, as the checker collects it.

use super::segments::Seg;
use super::{A4_WIDTH, MM};

/// The Nơi nhận block (checklist point 15) as the checker collects it.
#[derive(Clone, Debug)]
pub struct Recipients {
    /// Page (0-based) of the label.
    pub page: usize,
    /// The `Nơi nhận:` segment: its `size`, `bold` and `italic` are the label's.
    pub label: Seg,
    /// Every line under the label, in order: items and their wraps (the list may run onto
    /// the next page).
    pub lines: Vec<Seg>,
    /// The lines that start an item (`- `).
    pub items: Vec<Seg>,
    /// The wrapped lines of items (not starting `- `).
    pub continuations: Vec<Seg>,
}

impl Recipients {
    /// Wrapped lines hang under the item text: every continuation starts more than 2 pt right
    /// of the first item's dash (true when nothing wraps).
    pub fn hanging(&self) -> bool {
        self.items
            .first()
            .is_none_or(|first| self.continuations.iter().all(|c| c.x0 > first.x0 + 2.0))
    }

    /// Font size of each item line, in order.
    pub fn item_sizes(&self) -> Vec<f32> {
        self.items.iter().map(|s| s.size).collect()
    }

    /// Text of the last item line (`- Lưu: VT, …` when the list is complete).
    pub fn last_item(&self) -> Option<&str> {
        self.items.last().map(|s| s.text.as_str())
    }

    /// Text of the last line of the block (the end of the last item, wraps included).
    pub fn last_line(&self) -> Option<&str> {
        self.lines.last().map(|s| s.text.as_str())
    }
}

/// Checklist point 15, Nơi nhận: the first segment starting `Nơi nhận` and the lines under it
/// that start within 40 pt of the label and end left of the centre of the text area + 20 pt,
/// continuing on the next page (below 20 mm) when the list does not end with `- Lưu` on the
/// label's page. The centre is that of an A4 text area with 30/15 mm margins. The checker
/// also wants, for the Party profile, a rule under the label; that is not measured here.
pub fn recipients(pages: &[Vec<Seg>]) -> Option<Recipients> {
    let area_c = 30.0 * MM + (A4_WIDTH - 45.0 * MM) / 2.0;
    let (page, label) = pages.iter().enumerate().find_map(|(i, ss)| {
        ss.iter()
            .find(|s| s.text.starts_with("Nơi nhận"))
            .map(|s| (i, s.clone()))
    })?;
    let column = |s: &&Seg| s.x0 < label.x0 + 40.0 && s.x1 < area_c + 20.0;
    let mut lines: Vec<Seg> = pages[page]
        .iter()
        .filter(|s| s.baseline > label.baseline + 1.0)
        .filter(column)
        .cloned()
        .collect();
    if page + 1 < pages.len() && lines.last().is_none_or(|s| !s.text.starts_with("- Lưu")) {
        lines.extend(
            pages[page + 1]
                .iter()
                .filter(column)
                .filter(|s| s.baseline > 20.0 * MM)
                .cloned(),
        );
    }
    let (items, continuations) = lines
        .iter()
        .cloned()
        .partition(|s| s.text.starts_with("- "));
    Some(Recipients {
        page,
        label,
        lines,
        items,
        continuations,
    })
}
