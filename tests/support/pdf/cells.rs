//! Point 32 of the spec (§12), as the checker's `--cells` measures it: in table cells and in
//! lines centred on the text area, no line break inside a known compound or a province's
//! name, "năm" never parted from its year, and a head word ("Sở", "Trường") never parted
//! from the name it heads.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{MM, Seg};

/// The checker's syllable pairs (`format-check.py`, COMPOUNDS and PLACES), upper-cased.
static PAIRS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let compounds = "thi đua;khen thưởng;sức khỏe;sức khoẻ;cán bộ;tổ chức;kiểm tra;tuyên giáo;dân vận;nội chính;\
văn phòng;doanh nghiệp;chính trị;nhân dân;cơ quan;đơn vị;tỉnh ủy;tỉnh uỷ;đảng ủy;đảng uỷ;chấp hành;thường vụ;hội nghị;\
giao ước;biên bản;bồi dưỡng;khu vực;chăm sóc;bảo vệ;chủ tịch;bí thư;trưởng ban;phó trưởng;thành phố;ủy ban;uỷ ban;\
hội đồng;mặt trận;tổ quốc;công đoàn;thanh niên;phụ nữ;cựu chiến;chiến binh;nông dân;liên đoàn;lao động;an ninh;\
quân sự;biên phòng;tài chính;kế hoạch;đầu tư;nội vụ;tư pháp;giáo dục;đào tạo;y tế;văn hóa;thể thao;du lịch;\
thông tin;truyền thông;phát động;tổng kết;ký kết;chủ trì;thư ký;chủ tọa;trưởng khối;trưởng cụm;phó chủ;\
ban chỉ;chỉ đạo;điều hành;tham mưu;giúp việc;trực thuộc;nghiên cứu;quản lý;xử lý;trợ lý;phát thanh;truyền hình;\
tôn giáo;dân tộc;liên hiệp;khoa học;công nghệ;môi trường;tài nguyên;xây dựng;giao thông;vận tải;công thương;\
nông nghiệp;phát triển;thường trực;kiểm sát;tòa án;hành chính";
    let places = "An Giang;Bà Rịa;Vũng Tàu;Bắc Giang;Bắc Kạn;Bạc Liêu;Bắc Ninh;Bến Tre;Bình Định;Bình Dương;\
Bình Phước;Bình Thuận;Cà Mau;Cần Thơ;Cao Bằng;Đà Nẵng;Đắk Lắk;Đắk Nông;Điện Biên;Đồng Nai;Đồng Tháp;Gia Lai;\
Hà Giang;Hà Nam;Hà Nội;Hà Tĩnh;Hải Dương;Hải Phòng;Hậu Giang;Hòa Bình;Hưng Yên;Khánh Hòa;Kiên Giang;Kon Tum;\
Lai Châu;Lâm Đồng;Lạng Sơn;Lào Cai;Long An;Nghệ An;Nam Định;Ninh Bình;Ninh Thuận;Phú Thọ;Phú Yên;Quảng Bình;\
Quảng Nam;Quảng Ngãi;Quảng Ninh;Quảng Trị;Sóc Trăng;Sơn La;Tây Ninh;Thái Bình;Thái Nguyên;Thanh Hóa;Thừa Thiên;\
Tiền Giang;Trà Vinh;Tuyên Quang;Vĩnh Long;Vĩnh Phúc;Yên Bái;Đà Lạt;Hồ Chí;Chí Minh;Xuân Hương;Cam Ly;Lạc Dương;\
Việt Nam";
    compounds
        .split(';')
        .chain(places.split(';'))
        .map(str::to_uppercase)
        .collect()
});

/// The syllables of a line: words with their punctuation stripped.
fn syllables(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every break inside a compound, a place or "năm <year>" between a short line (narrower
/// than 60 % of the text area: a table cell or a centred line) and the line under it in the
/// same cell (same left edge) or centred with it (same centre), as "a / b".
pub fn broken_compounds(pages: &[Vec<Seg>]) -> Vec<String> {
    let text_width = 165.0 * MM;
    let mut out = Vec::new();
    for (i, ss) in pages.iter().enumerate() {
        for (j, a) in ss.iter().enumerate() {
            if a.width() >= 0.95 * text_width {
                continue;
            }
            let centre = |s: &Seg| (s.x0 + s.x1) / 2.0;
            let Some(b) = ss[j + 1..].iter().find(|b| {
                b.baseline - a.baseline > 0.35 * a.size
                    && b.baseline - a.baseline <= 1.6 * a.size
                    && (b.size - a.size).abs() < 0.6
                    && ((a.x0 - b.x0).abs() < 0.6 || (centre(a) - centre(b)).abs() < 3.0)
            }) else {
                continue;
            };
            if a.text.ends_with(['.', ';', ':', ',', '-', '–']) || b.text.starts_with(['-', '–'])
            {
                continue;
            }
            let (sa, sb) = (syllables(&a.text), syllables(&b.text));
            let (Some(last), Some(first)) = (sa.last(), sb.first()) else {
                continue;
            };
            let pair = format!("{last} {first}").to_uppercase();
            let year = last.to_lowercase() == "năm"
                && first.len() == 4
                && first.chars().all(|c| c.is_ascii_digit());
            // A department's or a school's head word parted from its name ("Sở / Nội vụ").
            let head = ["SỞ", "TRƯỜNG", "CỤC", "QUỸ", "ĐÀI"]
                .contains(&last.to_uppercase().as_str())
                && first.chars().next().is_some_and(char::is_uppercase);
            if PAIRS.contains(&pair) || year || head {
                out.push(format!("p{} {:?} / {:?}", i + 1, a.text, b.text));
            }
        }
    }
    out
}
