//! Line-break control for Vietnamese text. Typst may break a line at any
//! ASCII space; this module decides which spaces must *not* become line
//! breaks and turns those into NO-BREAK SPACE (U+00A0). [`glue_names`] keeps
//! person and place names together in running text; [`centred_phrase`] adds
//! the stricter rules for centred blocks (organisation names, titles,
//! signature cells): known compounds, function words glued to what follows,
//! numbers glued to what precedes, and no lone syllable on a block's last
//! line. Decisions are made on the mixed-case source text, before any
//! upper-casing (`str::to_uppercase` keeps U+00A0). Only the spaces change:
//! runs of whitespace other than `'\n'` collapse to one space (or one U+00A0),
//! spaces around `'\n'` are trimmed, and every other character is kept as is.
//! Linear in the input length; never panics.

use std::collections::HashSet;
use std::sync::LazyLock;

use unicode_normalization::char::is_combining_mark;

use super::tone::{ToneStyle, normalize_tone};

/// NO-BREAK SPACE, the glue written between syllables that stay together.
const NBSP: char = '\u{a0}';

/// Weak glue in a centred block: a function word to its word, the last two syllables,
/// unknown syllables paired. The Typst library prints it as a no-break space, or releases it
/// when a group would not fit the column (before it ever breaks a name or a compound).
pub const WEAK_NBSP: char = '\u{202f}';

/// Glue inside a known compound of a centred block (`THI ĐUA`, `CÁN BỘ`): released after the
/// weak glue, before the last pair's.
pub const COMPOUND_NBSP: char = '\u{205f}';

/// Glue of the last two syllables of a centred block: released after the weak glue and
/// before the strong, when the group would not fit the column.
pub const LAST_PAIR_NBSP: char = '\u{2007}';

/// How firmly a gap between two syllables holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Glue {
    /// A line may break here.
    None,
    /// Kept together unless the group would not fit the line.
    Weak,
    /// Inside a known compound.
    Compound,
    /// The last two syllables: released only after the weak and compound glue.
    LastPair,
    /// Never broken but as a last resort: inside a name or a place.
    Strong,
}

/// Longest Titlecase run joined as one unbreakable block; longer runs are
/// split into balanced groups of at most this many syllables.
const MAX_NAME_RUN: usize = 6;

/// Cores longer than this (in bytes) are never looked up in the word tables.
const MAX_KEY_BYTES: usize = 64;

/// Administrative compounds kept on one line in centred blocks, matched
/// case-insensitively and independently of tone-mark style (`hòa`/`hoà`).
const COMPOUNDS: &[&str] = &[
    "thi đua",
    "khen thưởng",
    "sức khỏe",
    "sức khoẻ",
    "cán bộ",
    "tổ chức",
    "kiểm tra",
    "tuyên giáo",
    "dân vận",
    "nội chính",
    "văn phòng",
    "doanh nghiệp",
    "chính trị",
    "nhân dân",
    "cơ quan",
    "đơn vị",
    "tỉnh ủy",
    "tỉnh uỷ",
    "thành ủy",
    "thành uỷ",
    "huyện ủy",
    "huyện uỷ",
    "quận ủy",
    "quận uỷ",
    "đảng ủy",
    "đảng uỷ",
    "đảng bộ",
    "chấp hành",
    "thường vụ",
    "hội nghị",
    "giao ước",
    "biên bản",
    "bồi dưỡng",
    "khu vực",
    "chăm sóc",
    "bảo vệ",
    "chủ tịch",
    "bí thư",
    "trưởng ban",
    "phó trưởng",
    "thành phố",
    "ủy ban",
    "uỷ ban",
    "hội đồng",
    "mặt trận",
    "tổ quốc",
    "công đoàn",
    "thanh niên",
    "phụ nữ",
    "cựu chiến binh",
    "nông dân",
    "liên đoàn",
    "lao động",
    "an ninh",
    "quân sự",
    "biên phòng",
    "tài chính",
    "kế hoạch",
    "đầu tư",
    "nội vụ",
    "tư pháp",
    "giáo dục",
    "đào tạo",
    "y tế",
    "văn hóa",
    "văn hoá",
    "thể thao",
    "du lịch",
    "thông tin",
    "truyền thông",
    "phát động",
    "tổng kết",
    "sơ kết",
    "ký kết",
    "chủ trì",
    "thư ký",
    "chủ tọa",
    "chủ toạ",
    "trưởng khối",
    "trưởng cụm",
    "phó chủ tịch",
    "ban chỉ đạo",
    "chỉ đạo",
    "điều hành",
    "tham mưu",
    "giúp việc",
    "trực thuộc",
    "nghiên cứu",
    "quản lý",
    "xử lý",
    "trợ lý",
    "phát thanh",
    "truyền hình",
    "tôn giáo",
    "dân tộc",
    "liên hiệp",
    "khoa học",
    "công nghệ",
    "môi trường",
    "tài nguyên",
    "xây dựng",
    "giao thông",
    "vận tải",
    "công thương",
    "nông nghiệp",
    "phát triển",
    "thường trực",
    "kiểm sát",
    "tòa án",
    "toà án",
    "hành chính",
    "chủ nhiệm",
    "giám đốc",
    "hiệu trưởng",
    "tổng biên tập",
    "biên tập",
    "chánh văn phòng",
    "phó bí thư",
    "trưởng phòng",
    "phó giám đốc",
    "giao ước thi đua",
    "hội đồng nhân dân",
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "ban thường vụ",
    "ban chấp hành",
    "cộng sản",
    "việt nam",
    "dân chủ",
    "pháp luật",
    "kinh tế",
    "xã hội",
    "ngân hàng",
    "bảo hiểm",
    "thống kê",
    "thuế",
    "hải quan",
    "kho bạc",
    "viện kiểm sát",
    "công an",
    "quân đội",
    "ngoại vụ",
    "dân số",
    "gia đình",
    "trẻ em",
    "người cao tuổi",
    "chữ thập đỏ",
    "khuyến học",
    "doanh nhân",
    "hợp tác xã",
    "phòng, chống",
    "tham nhũng",
    "lãng phí",
    "tiêu cực",
    // Further common administrative compounds.
    "cộng hòa",
    "cộng hoà",
    "chủ nghĩa",
    "độc lập",
    "tự do",
    "hạnh phúc",
    "nhà nước",
    "chính phủ",
    "quốc hội",
    "ủy viên",
    "uỷ viên",
    "đại biểu",
    "đại hội",
    "nghị quyết",
    "quyết định",
    "báo cáo",
    "thông báo",
    "kỷ luật",
    "tư tưởng",
    "đạo đức",
    "phong cách",
    "thị xã",
    "thị trấn",
    "đoàn thể",
    "chi bộ",
    "đảng viên",
    "tuyên truyền",
    "cải cách",
    "thanh tra",
    "dân cư",
    "phó chánh văn phòng",
    "cao đẳng",
    "đại học",
    "trung cấp",
    "sư phạm",
    "trung tâm",
    "bệnh viện",
    "đa khoa",
    "y học",
    "cổ truyền",
    "kiểm soát",
    "bệnh tật",
    "thập đỏ",
    "cao tuổi",
    "di tích",
    "lịch sử",
    "danh lam",
    "thắng cảnh",
    "di sản",
    "bảo tàng",
    "thư viện",
    "nghệ thuật",
    "văn học",
    "kỹ thuật",
    "khuyết tật",
    "người khuyết tật",
    "bảo trợ",
    "hỗ trợ",
    "dự án",
    "khu kinh tế",
    "công nghiệp",
    "xúc tiến",
    "thương mại",
    "lâm nghiệp",
    "thủy lợi",
    "thuỷ lợi",
    "thủy sản",
    "thuỷ sản",
    "kiểm lâm",
    "vệ sinh",
    "an toàn",
    "thực phẩm",
    "bình đẳng",
    "thương binh",
    "việc làm",
    "dịch vụ",
    "công ích",
    "điện lực",
    "cấp nước",
    "đô thị",
    "quy hoạch",
    "kiến trúc",
    "khoáng sản",
    "đất đai",
    "nông thôn",
    "khuyến nông",
    "thú y",
    "thực vật",
    "báo chí",
    "xuất bản",
    "in ấn",
    "phát hành",
    "đối ngoại",
    "ngoại giao",
    "hợp tác",
    "quốc tế",
    "tổng hợp",
    "văn xã",
    "văn phòng đại diện",
    "chính sách",
    "an sinh",
    "tín dụng",
    "quỹ đầu tư",
    "đầu tư phát triển",
    "ban quản lý",
    "mặt trận tổ quốc",
    "chiến binh",
    "hội viên",
    "nhà văn",
    "nhà báo",
    "luật sư",
    "công chứng",
    "trợ giúp",
    "pháp lý",
    "thi hành án",
    "dân sự",
    "hình sự",
    "quân khu",
    "bộ đội",
    "phòng cháy",
    "chữa cháy",
    "cứu nạn",
    "cứu hộ",
    "thể dục",
    "văn hóa thông tin",
    "chăm sóc sức khỏe",
    "bảo vệ sức khỏe",
    "tỉnh đoàn",
    "thành đoàn",
    "huyện đoàn",
    "liên minh",
    "tiểu thủ công",
    "thủ công",
    "mỹ nghệ",
    "sinh viên",
    "học sinh",
    "giáo viên",
    "giảng viên",
    "khoa học kỹ thuật",
    "lý luận",
    "kiểm toán",
    "ngân sách",
    "thuế vụ",
    "quản lý thị trường",
    "thị trường",
    "viễn thông",
    "bưu điện",
    "bưu chính",
    "đường bộ",
    "đường sắt",
    "hàng không",
    "cảng vụ",
    "hàng hải",
    "phát thanh truyền hình",
];

/// Function words: each is glued to the FOLLOWING syllable in centred
/// blocks, so a break may come before it but never right after it.
const FUNCTION_WORDS: &[&str] = &[
    "các",
    "của",
    "và",
    "trong",
    "về",
    "cho",
    "với",
    "tại",
    "năm",
    "ngày",
    "số",
    "thuộc",
    "những",
    "khối",
    "cụm",
    "ban",
    "sở",
    "phòng",
    "trường",
    "hội",
    "liên",
];

/// Words that introduce a place name; as the first member of a Titlecase run
/// they are left breakable (`Tỉnh | Lâm~Đồng`).
const PLACE_WORDS: &[&str] = &["tỉnh", "huyện", "xã", "phường", "quận"];

/// Canonical lookup key of a word or phrase: lower-cased, NFC, old-style
/// tone marks (`Hoà` → `hòa`, `uỷ` → `ủy`).
fn canon(s: &str) -> String {
    normalize_tone(&s.to_lowercase(), ToneStyle::Old)
}

/// Compound keys (two or more syllables), the longest one in syllables and
/// the longest one in bytes.
static COMPOUND_SET: LazyLock<(HashSet<String>, usize, usize)> = LazyLock::new(|| {
    let set: HashSet<String> = COMPOUNDS
        .iter()
        .filter(|c| c.split(' ').count() >= 2)
        .map(|c| canon(c))
        .collect();
    let max_words = set.iter().map(|c| c.split(' ').count()).max().unwrap_or(2);
    let max_bytes = set.iter().map(String::len).max().unwrap_or(0);
    (set, max_words, max_bytes)
});

/// Function-word keys.
static FUNCTION_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| FUNCTION_WORDS.iter().map(|w| canon(w)).collect());

/// Punctuation stripped from the ends of a token to find its syllable core.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '“' | '”' | '‘' | '’' | '„' | '«' | '»' | '…' | '–' | '—' | '‹' | '›'
        )
}

/// Whitespace characters that already forbid a break; a gap containing one
/// stays glued.
fn is_nonbreaking_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// One space-separated token: leading punctuation, syllable core, trailing
/// punctuation.
struct Tok<'a> {
    /// Punctuation before the core, e.g. `(` or `“`.
    lead: &'a str,
    /// The syllable without surrounding punctuation (may be empty).
    core: &'a str,
    /// Punctuation after the core, e.g. `,` or `).`.
    trail: &'a str,
    /// Canonical key of the core, if short enough to look up.
    key: Option<String>,
}

impl<'a> Tok<'a> {
    fn new(raw: &'a str) -> Self {
        let rest = raw.trim_start_matches(is_punct);
        let lead = &raw[..raw.len() - rest.len()];
        let core = rest.trim_end_matches(is_punct);
        let trail = &rest[core.len()..];
        let key = (!core.is_empty() && core.len() <= MAX_KEY_BYTES).then(|| canon(core));
        Tok {
            lead,
            core,
            trail,
            key,
        }
    }

    fn key_is(&self, word: &str) -> bool {
        self.key.as_deref() == Some(word)
    }

    /// First character an uppercase letter, the rest lowercase letters
    /// (combining marks allowed, for decomposed input).
    fn is_titlecase(&self) -> bool {
        let mut chars = self.core.chars();
        match chars.next() {
            Some(first) if first.is_uppercase() => {
                chars.all(|c| c.is_lowercase() || is_combining_mark(c))
            }
            _ => false,
        }
    }

    /// A run of names stops after this token (it is still the last member).
    fn ends_run(&self) -> bool {
        self.trail
            .contains([',', ';', ':', '.', '!', '?', ')', '"', '”'])
    }

    /// This token begins a new run of names.
    fn starts_run(&self) -> bool {
        self.lead.contains(['(', '"', '“'])
    }

    /// A comma ends the syllable: centred rules never glue across it.
    fn ends_with_comma(&self) -> bool {
        self.trail.contains(',')
    }

    fn starts_with_digit(&self) -> bool {
        self.core.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// One `'\n'`-free line segment: its tokens and, per gap between token `i`
/// and `i + 1`, whether it must not break.
struct Segment<'a> {
    toks: Vec<Tok<'a>>,
    glue: Vec<Glue>,
}

impl<'a> Segment<'a> {
    /// Splits on whitespace; a gap that already holds a no-break space stays
    /// glued.
    fn parse(line: &'a str) -> Self {
        let mut toks = Vec::new();
        let mut glue = Vec::new();
        let mut start: Option<usize> = None;
        let mut gap_forced = false;
        for (i, c) in line.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    toks.push(Tok::new(&line[s..i]));
                }
                gap_forced |= is_nonbreaking_space(c);
            } else if start.is_none() {
                if !toks.is_empty() {
                    glue.push(if gap_forced { Glue::Strong } else { Glue::None });
                }
                gap_forced = false;
                start = Some(i);
            }
        }
        if let Some(s) = start {
            toks.push(Tok::new(&line[s..]));
        }
        Segment { toks, glue }
    }

    fn write(&self, out: &mut String) {
        for (i, t) in self.toks.iter().enumerate() {
            if i > 0 {
                out.push(match self.glue[i - 1] {
                    Glue::Strong => NBSP,
                    Glue::Weak => WEAK_NBSP,
                    Glue::Compound => COMPOUND_NBSP,
                    Glue::LastPair => LAST_PAIR_NBSP,
                    Glue::None => ' ',
                });
            }
            out.push_str(t.lead);
            out.push_str(t.core);
            out.push_str(t.trail);
        }
    }

    /// Rule set of [`glue_names`]: glue runs of Titlecase syllables.
    fn glue_names(&mut self) {
        let n = self.toks.len();
        let mut s = 0;
        while s < n {
            // Find the maximal run starting at `s`.
            let mut e = s;
            if self.toks[s].is_titlecase() {
                while e + 1 < n
                    && !self.toks[e].ends_run()
                    && !self.toks[e + 1].starts_run()
                    && self.toks[e + 1].is_titlecase()
                {
                    e += 1;
                }
            }
            self.glue_run(s, e);
            s = e + 1;
        }
    }

    /// Glues the run `s..=e` (token indices), leaving a leading place word
    /// breakable and splitting long runs into balanced groups.
    fn glue_run(&mut self, mut s: usize, e: usize) {
        let rest = |s: usize| e + 1 - s;
        // An organisation's type word ("Hội Cựu chiến binh", "Sở Tài chính") is not part of a
        // name: centred rules hold it to its word, weakly.
        if rest(s) >= 2
            && self.toks[s]
                .key
                .as_ref()
                .is_some_and(|k| FUNCTION_SET.contains(k))
        {
            s += 1;
        }
        if rest(s) >= 3 && PLACE_WORDS.iter().any(|w| self.toks[s].key_is(w)) {
            s += 1;
        } else if rest(s) >= 4 && self.toks[s].key_is("thành") && self.toks[s + 1].key_is("phố")
        {
            s += 2;
        }
        let len = rest(s);
        if len < 2 {
            return;
        }
        let groups = len.div_ceil(MAX_NAME_RUN);
        let (base, extra) = (len / groups, len % groups);
        let mut at = s;
        for g in 0..groups {
            let size = base + usize::from(g < extra);
            for gap in at..at + size - 1 {
                self.glue[gap] = Glue::Strong;
            }
            at += size;
        }
    }

    /// A dash between words ("Thi đua - Khen thưởng") never begins a line, where it would
    /// read as a list item: it is held to the word before it.
    fn glue_dashes_to_previous(&mut self) {
        for i in 1..self.toks.len() {
            let t = &self.toks[i];
            if t.core.is_empty()
                && (t.lead.starts_with(['-', '–']) || t.trail.starts_with(['-', '–']))
            {
                self.glue[i - 1] = Glue::Strong;
            }
        }
    }

    /// Additional rules of [`centred_phrase`].
    fn glue_centred(&mut self) {
        let n = self.toks.len();
        if n < 2 {
            return;
        }
        let mut extra = vec![false; n - 1];
        // "phòng" closing "văn phòng" heads no name: "Văn phòng | Sở Tài chính" (the office of
        // a department) may break before the department, never inside its name.
        let office: Vec<bool> = (0..n)
            .map(|i| {
                i > 0
                    && self.toks[i].key.as_deref() == Some("phòng")
                    && self.pair_is_compound(i - 1)
            })
            .collect();
        for (i, t) in self.toks.iter().enumerate() {
            // Function word → glued to the following syllable.
            if i + 1 < n
                && t.trail.is_empty()
                && !office[i]
                && t.key.as_ref().is_some_and(|k| FUNCTION_SET.contains(k))
            {
                extra[i] = true;
            }
            // Number → glued to the preceding syllable.
            if i > 0 && t.starts_with_digit() {
                extra[i - 1] = true;
            }
        }
        for (i, g) in extra.iter().enumerate() {
            if *g && !self.toks[i].ends_with_comma() {
                self.glue[i] = self.glue[i].max(Glue::Weak);
            }
        }
        // No lone syllable on the last line.
        if !self.toks[n - 2].ends_with_comma() {
            self.glue[n - 2] = self.glue[n - 2].max(Glue::LastPair);
        }
        self.glue_compounds();
        // A dash between words ("văn hóa - xã hội") stays at the end of its line: held to the
        // word before it like a compound, to the word after it weakly.
        for i in 1..n {
            let t = &self.toks[i];
            if t.core.is_empty()
                && (t.lead.starts_with(['-', '–']) || t.trail.starts_with(['-', '–']))
            {
                self.glue[i - 1] = self.glue[i - 1].max(Glue::Compound);
                if i + 1 < n {
                    self.glue[i] = self.glue[i].max(Glue::Weak);
                }
            }
        }
        self.pair_unknown_words();
    }

    /// Syllables no rule has placed yet are paired from the right (most Vietnamese words
    /// have two syllables, and organisation names put a one-syllable head before them:
    /// `Trường | Cao đẳng | Văn hóa | Nghệ thuật`), so a break falls between words more often
    /// than inside one. A comma or a digit ends a stretch.
    fn pair_unknown_words(&mut self) {
        let n = self.toks.len();
        let free = |seg: &Self, i: usize| {
            (i == 0 || seg.glue[i - 1] == Glue::None)
                && (i + 1 == n || seg.glue[i] == Glue::None)
                && !seg.toks[i].core.is_empty()
                && !seg.toks[i].starts_with_digit()
                && seg.toks[i].lead.is_empty()
        };
        let mut i = 0;
        while i < n {
            if !free(self, i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            while end + 1 < n
                && !self.toks[end].ends_with_comma()
                && self.toks[end].trail.is_empty()
                && free(self, end + 1)
            {
                end += 1;
            }
            let mut j = end;
            while j > start {
                self.glue[j - 1] = Glue::Weak;
                j = j.saturating_sub(2).max(start);
                if j == start {
                    break;
                }
            }
            // An odd syllable left over ("tỉnh" before "Thừa Thiên Huế") goes with the word
            // after it, or else the one before, so it never stands alone on a line.
            if (end - start) % 2 == 0 {
                if start + 1 < n && !self.toks[start].ends_with_comma() {
                    self.glue[start] = self.glue[start].max(Glue::Weak);
                } else if start > 0 && !self.toks[start - 1].ends_with_comma() {
                    self.glue[start - 1] = self.glue[start - 1].max(Glue::Weak);
                }
            }
            i = end + 1;
        }
    }

    /// Whether the syllables on either side of gap `g` make a known two-syllable compound.
    fn pair_is_compound(&self, g: usize) -> bool {
        let (set, _, _) = &*COMPOUND_SET;
        let (a, b) = (&self.toks[g], &self.toks[g + 1]);
        match (&a.key, &b.key) {
            (Some(x), Some(y)) if b.lead.is_empty() => set.contains(&format!("{x}{} {y}", a.trail)),
            _ => false,
        }
    }

    /// In a table cell, a gap between two known two-syllable compounds (`Ủy ban | nhân dân`,
    /// `Trưởng Ban | Thi đua`) is where a long glued group may break first: its glue, from a
    /// longer compound or a Titlecase run, becomes weak. The compounds themselves keep theirs.
    fn weaken_seams(&mut self) {
        let n = self.toks.len();
        for g in 1..n.saturating_sub(2) {
            if self.glue[g] > Glue::Weak
                && !self.pair_is_compound(g)
                && self.pair_is_compound(g - 1)
                && self.pair_is_compound(g + 1)
            {
                self.glue[g] = Glue::Weak;
            }
        }
    }

    /// Glues the inner gaps of every known compound (these may cross the
    /// comma of `phòng, chống`).
    fn glue_compounds(&mut self) {
        let (set, max_words, max_bytes) = &*COMPOUND_SET;
        let n = self.toks.len();
        let mut cand = String::new();
        for i in 0..n {
            let Some(first) = &self.toks[i].key else {
                continue;
            };
            cand.clear();
            cand.push_str(first);
            for j in i + 1..n.min(i + max_words) {
                let prev = &self.toks[j - 1];
                let t = &self.toks[j];
                let Some(key) = &t.key else { break };
                if !t.lead.is_empty() || cand.len() + prev.trail.len() + 1 + key.len() > *max_bytes
                {
                    break;
                }
                cand.push_str(prev.trail);
                cand.push(' ');
                cand.push_str(key);
                if set.contains(&cand) {
                    for gap in i..j {
                        self.glue[gap] = self.glue[gap].max(Glue::Compound);
                    }
                }
            }
        }
    }
}

/// Applies `rules` to every `'\n'`-separated segment of `text` and joins the
/// results with `'\n'`.
fn per_segment(text: &str, rules: impl Fn(&mut Segment<'_>)) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut seg = Segment::parse(line);
        rules(&mut seg);
        seg.write(&mut out);
    }
    out
}

/// Glues names in running text: every run of two or more consecutive
/// Titlecase syllables (`Nguyễn~Thị~Mỹ~Hạnh`, `Lâm~Đồng`) is joined with
/// U+00A0. A run ends at a syllable followed by `, ; : . ! ? )` or a closing
/// quote (that syllable is its last member) and a syllable opening with `(`,
/// `"` or `“` starts a new one; all-caps words and words with digits are not
/// Titlecase. Runs longer than six syllables are joined in balanced groups of
/// at most six. A leading `Tỉnh`/`Huyện`/`Xã`/`Phường`/`Quận` or `Thành Phố`
/// stays breakable when at least two syllables of the run remain
/// (`Tỉnh Lâm~Đồng`). `'\n'` is kept; other whitespace collapses.
pub fn glue_names(text: &str) -> String {
    per_segment(text, |seg| {
        seg.glue_names();
        seg.glue_dashes_to_previous();
    })
}

/// Glues a centred block (header organisation name, title, signature cell):
/// the rules of [`glue_names`] plus, per `'\n'`-separated segment, known
/// compounds (`thi~đua`, `cơ~quan`, `phòng,~chống`), a function word to the
/// following syllable (`các~cơ`), a number to the preceding syllable
/// (`năm~2026`), and the last two syllables together. Apart from the
/// `phòng, chống` compound, nothing is glued after a syllable ending in a
/// comma. `'\n'` is kept as an explicit break; spaces around it are trimmed.
pub fn centred_phrase(text: &str) -> String {
    per_segment(text, |seg| {
        seg.glue_names();
        seg.glue_centred();
    })
}

/// Glues a table cell's text (attendance, programme, proposal, vote count): the rules of
/// [`centred_phrase`], and where two known compounds meet inside a longer glued group
/// (`Ủy~ban|nhân~dân`, `Trưởng~Ban|Thi~đua`) the glue there is weak, so that a narrow cell
/// breaks the group between the compounds rather than inside one.
pub fn cell_phrase(text: &str) -> String {
    per_segment(text, |seg| {
        seg.glue_names();
        seg.glue_centred();
        seg.weaken_seams();
    })
}

/// Number of places where `text` may break a line: its ASCII spaces.
#[cfg(test)]
pub fn break_points(text: &str) -> usize {
    text.bytes().filter(|&b| b == b' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shows U+00A0 as `~` for readable assertions.
    fn show(s: &str) -> String {
        s.replace([NBSP, WEAK_NBSP, COMPOUND_NBSP, LAST_PAIR_NBSP], "~")
    }

    /// The text with every U+00A0 as a space and whitespace collapsed per
    /// `'\n'`-separated line.
    fn plain(s: &str) -> String {
        s.replace([NBSP, WEAK_NBSP, COMPOUND_NBSP, LAST_PAIR_NBSP], " ")
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The sequence of separators (space, U+00A0, newline) in `s`.
    fn separators(s: &str) -> String {
        s.chars()
            .filter(|&c| {
                matches!(
                    c,
                    ' ' | NBSP | WEAK_NBSP | COMPOUND_NBSP | LAST_PAIR_NBSP | '\n'
                )
            })
            .collect()
    }

    #[test]
    fn names_glued_titles_and_all_lower_words_not() {
        // Runs of Titlecase syllables join; `Bí thư`, `Tỉnh ủy` are not runs
        // (second syllable lowercase); `Cừ,` ends its run as its last member.
        assert_eq!(
            show(&glue_names(
                "đồng chí Nguyễn Văn Cừ, Bí thư Tỉnh ủy Lâm Đồng"
            )),
            "đồng chí Nguyễn~Văn~Cừ, Bí thư Tỉnh ủy Lâm~Đồng"
        );
        assert_eq!(
            show(&glue_names("bà Nguyễn Thị Mỹ Hạnh và ông Bà Rịa")),
            "bà Nguyễn~Thị~Mỹ~Hạnh và ông Bà~Rịa"
        );
    }

    #[test]
    fn names_stop_at_punctuation_caps_and_digits() {
        // `(` starts a new run; `)` and `.` end one; UBND / TỈNH / Quận 1
        // never join.
        assert_eq!(
            show(&glue_names(
                "Hồ Chí Minh (Tuyên Quang). UBND TỈNH Hà Nội 2026 Quận 1"
            )),
            "Hồ~Chí~Minh (Tuyên~Quang). UBND TỈNH Hà~Nội 2026 Quận 1"
        );
        assert_eq!(
            show(&glue_names("“Hà Nội” Mới")),
            "“Hà~Nội” Mới",
            "a closing quote ends the run"
        );
    }

    #[test]
    fn place_word_before_a_name_stays_breakable() {
        assert_eq!(
            show(&glue_names(
                "Tỉnh Lâm Đồng, Thành Phố Hồ Chí Minh, thành phố Đà Lạt"
            )),
            "Tỉnh Lâm~Đồng, Thành Phố Hồ~Chí~Minh, thành phố Đà~Lạt"
        );
        // With one syllable left, the place word is part of the name.
        assert_eq!(show(&glue_names("phường Xã Đàn")), "phường Xã~Đàn");
    }

    #[test]
    fn long_runs_are_split_into_balanced_groups() {
        let out = glue_names("A Bê Cê Dê Ê Phê Giê");
        assert_eq!(show(&out), "A~Bê~Cê~Dê Ê~Phê~Giê");
        let thirteen = vec!["Xa"; 13].join(" ");
        let out = glue_names(&thirteen);
        assert_eq!(break_points(&out), 2);
        assert!(
            out.split(' ')
                .all(|g| g.split(NBSP).count() <= MAX_NAME_RUN)
        );
    }

    #[test]
    fn newline_kept_in_glue_names() {
        assert_eq!(
            show(&glue_names("Nguyễn Văn\nCừ  Lâm   Đồng ")),
            "Nguyễn~Văn\nCừ~Lâm~Đồng"
        );
    }

    #[test]
    fn centred_breaks_after_comma_keeps_compounds_and_last_pair() {
        let out = centred_phrase("Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh");
        assert_eq!(show(&out), "Ban~Bảo~vệ, chăm~sóc~sức~khỏe cán~bộ~tỉnh");
        assert_eq!(break_points(&out), 2);
    }

    #[test]
    fn centred_function_words_and_names() {
        let out = centred_phrase("Khối thi đua các cơ quan Đảng tỉnh Lâm Đồng");
        // Syllables no rule knows are paired from the right ("Đảng~tỉnh").
        assert_eq!(show(&out), "Khối~thi~đua các~cơ~quan Đảng~tỉnh Lâm~Đồng");
    }

    #[test]
    fn centred_numbers_and_phong_chong() {
        assert_eq!(
            show(&centred_phrase("Hội nghị tổng kết năm 2026 tại Quận 1")),
            "Hội~nghị tổng~kết năm~2026 tại~Quận~1"
        );
        assert_eq!(
            show(&centred_phrase(
                "công tác phòng, chống tham nhũng, lãng phí"
            )),
            "công~tác phòng,~chống tham~nhũng, lãng~phí"
        );
        // A comma blocks the last-pair rule too.
        assert_eq!(show(&centred_phrase("Đà Lạt, 2026")), "Đà~Lạt, 2026");
    }

    #[test]
    fn a_dash_in_running_text_stays_with_the_word_before_it() {
        assert_eq!(
            show(&glue_names("Trưởng Ban Thi đua - Khen thưởng tỉnh")),
            "Trưởng~Ban~Thi đua~- Khen thưởng tỉnh"
        );
    }

    #[test]
    fn cells_weaken_the_seam_between_two_compounds_only() {
        let weak = |s: &str| {
            cell_phrase(s)
                .replace(WEAK_NBSP, "|")
                .replace([NBSP, COMPOUND_NBSP, LAST_PAIR_NBSP], "~")
        };
        // Between two compounds inside a longer one, or a Titlecase run.
        assert_eq!(
            weak("Phó Chủ tịch Ủy ban nhân dân tỉnh"),
            "Phó~Chủ~tịch Ủy~ban|nhân~dân~tỉnh"
        );
        assert_eq!(
            weak("Trưởng Ban Thi đua - Khen thưởng tỉnh"),
            "Trưởng~Ban|Thi~đua~-|Khen~thưởng~tỉnh"
        );
        // A three-syllable compound and a name stay held; centred blocks keep their glue.
        assert_eq!(weak("Hội Cựu chiến binh"), "Hội|Cựu~chiến~binh");
        // The office of a department breaks before the department, never inside its name.
        assert_eq!(weak("Văn phòng Sở Tài chính"), "Văn~phòng Sở|Tài~chính");
        assert_eq!(weak("Nguyễn Thị Mỹ Hạnh"), "Nguyễn~Thị~Mỹ~Hạnh");
        assert!(!centred_phrase("Ủy ban nhân dân tỉnh").contains(WEAK_NBSP));
        assert_eq!(plain(&cell_phrase("a  b\nc")), "a b\nc");
    }

    #[test]
    fn glue_is_released_weakest_first() {
        // Weak (function word, pairing) U+202F, compound U+205F, last pair U+2007, name U+00A0.
        let out = centred_phrase("Hội Cựu chiến binh tỉnh Lâm Đồng");
        let kinds: Vec<char> = out.chars().filter(|c| !c.is_alphabetic()).collect();
        assert_eq!(
            kinds,
            [
                WEAK_NBSP,
                COMPOUND_NBSP,
                COMPOUND_NBSP,
                ' ',
                WEAK_NBSP,
                NBSP
            ],
            "{out:?}"
        );
        // A dash stays at the end of its line.
        let dash = centred_phrase("Văn hóa - xã hội tỉnh");
        assert!(
            dash.contains(&format!("hóa{COMPOUND_NBSP}-{WEAK_NBSP}xã")),
            "{dash:?}"
        );
    }

    #[test]
    fn compounds_match_any_case_and_tone_style() {
        assert_eq!(
            show(&centred_phrase("ỦY BAN NHÂN DÂN TỈNH KHÁNH HOÀ")),
            "ỦY~BAN~NHÂN~DÂN TỈNH~KHÁNH~HOÀ"
        );
        assert_eq!(
            show(&centred_phrase("sức khoẻ uỷ ban văn hoá xã hội")),
            "sức~khoẻ uỷ~ban~văn~hoá xã~hội"
        );
    }

    #[test]
    fn explicit_newline_splits_segments() {
        let out = centred_phrase("Sở Nội vụ \n tỉnh Hà Tĩnh");
        assert_eq!(show(&out), "Sở~Nội~vụ\ntỉnh~Hà~Tĩnh");
        assert_eq!(show(&centred_phrase("a b\n\nc")), "a~b\n\nc");
    }

    #[test]
    fn uppercasing_keeps_the_glue() {
        for x in [
            "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh",
            "Khối thi đua các cơ quan Đảng tỉnh Lâm Đồng",
            "Sở Nội vụ\ntỉnh Hà Tĩnh",
        ] {
            let glued = centred_phrase(x);
            let upper = glued.to_uppercase();
            assert_eq!(separators(&upper), separators(&glued));
            assert_eq!(plain(&upper), plain(x).to_uppercase());
        }
    }

    #[test]
    fn existing_no_break_space_stays_glued() {
        assert_eq!(show(&glue_names("ông\u{a0}ba  bốn")), "ông~ba bốn");
        // A leading no-break space glues nothing.
        assert_eq!(show(&glue_names("\u{a0} ông ba")), "ông ba");
    }

    #[test]
    fn nasty_inputs_never_panic_and_keep_the_text() {
        let long = "a".repeat(100_000);
        let long_title = format!("Hà {}", "ạ".repeat(50_000));
        let inputs = [
            "",
            "   ",
            "\n",
            " \n \n ",
            ",,,",
            ", , ,",
            "( ) “ ” . ,",
            &long,
            &long_title,
            "ỹ ỵ ử Ữ",
            "Nguye\u{302}\u{303}n Va\u{306}n Thi\u{323} ho\u{300}a",
            "🎉 Hà 🎉 Nội 🇻🇳",
            "\u{301}\u{301} \u{323}",
            "năm năm năm 1 2 3",
            "phòng, phòng, chống",
            "Tỉnh Thành Phố",
            "\t tab\r\nCRLF\r\n",
        ];
        for x in inputs {
            for f in [glue_names, centred_phrase] {
                let out = f(x);
                assert_eq!(plain(&out), plain(x), "text changed for {x:?}");
                let _ = break_points(&out);
            }
        }
    }
}
