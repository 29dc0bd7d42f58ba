//! Every sample renders, and each PDF is A4, embeds its fonts, and its extracted text holds
//! the title, every member unit and signer where the document lists them, and the date in
//! the form that document uses. The phrases each document must print are written out below
//! from the sample files, not taken from the code that builds them.

use std::collections::BTreeSet;
use std::path::Path;

use hoinghi::model::{Meeting, Profile};
use unicode_normalization::UnicodeNormalization;

use crate::support::api::{self, DocKind};
use crate::support::common::sample_files;
use crate::support::pdf::{facts, squash};

/// What a document of a sample prints: (sample file stem, document — its kind, or one of the
/// kind's files, `bien-ban-kiem-phieu-2` —, profile — `nd30`, `party` or `any` —, phrases). Read off the sample files and the rules of each document
/// (dates written out, times as `14 giờ 00`, titles in capitals).
#[rustfmt::skip]
const SAYS: &[(&str, &str, &str, &[&str])] = &[
    ("chu-ky-sang-trang", "giao-uoc", "any", &[
        "BẢN GIAO ƯỚC THI ĐUA",
        "Quảng Ngãi, ngày 12 tháng 3 năm 2026",
    ]),
    ("chu-ky-sang-trang", "bien-ban", "any", &[
        "BIÊN BẢN",
        "14 giờ 00 phút, thứ Năm, ngày 12 tháng 3 năm 2026",
        "Hội nghị kết thúc vào 16 giờ 00 phút",
    ]),
    ("chu-ky-sang-trang", "bien-ban", "nd30", &[
        "THƯ KÝ",
        "CHỦ TỌA",
    ]),
    ("chu-ky-sang-trang", "bien-ban", "party", &[
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ]),
    ("chu-ky-sang-trang", "bai-tin", "any", &[
        "Khối thi đua các cơ quan tham mưu, giúp việc Tỉnh ủy tổ chức hội nghị ký kết giao ước thi đua năm 2026",
        "(BQN) - Chiều 12/3,",
        "Thanh Nhàn",
    ]),
    ("cum-phuong-ky-ket", "giao-uoc", "any", &[
        "UBND TỈNH HẢI LÂM",
        "CỤM THI ĐUA SỐ 2 CÁC PHƯỜNG",
        "BẢN GIAO ƯỚC THI ĐUA",
        "Hải Lâm, ngày 26 tháng 02 năm 2026",
        "ĐẠI DIỆN CÁC ĐƠN VỊ TRONG CỤM",
        "PHÓ CHỦ TỊCH",
    ]),
    ("cum-phuong-ky-ket", "giao-uoc", "nd30", &[
        "Số: 01/GƯ-CTĐ2",
        "TM. ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG THÀNH",
        "TM. ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN",
        "KT. CHỦ TỊCH",
        "- Lưu: VT, Hồ sơ.",
    ]),
    ("cum-phuong-ky-ket", "giao-uoc", "party", &[
        "Số 01-GƯ/CTĐ2",
        "T/M ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG THÀNH",
        "T/M ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN",
        "K/T CHỦ TỊCH",
        "- Lưu Ủy ban nhân dân phường Đông Thành.",
    ]),
    ("cum-phuong-ky-ket", "bien-ban", "any", &[
        "BIÊN BẢN",
        "8 giờ 00 phút, thứ Năm, ngày 26 tháng 02 năm 2026",
        "Hội nghị kết thúc vào 11 giờ 00 phút",
        "Ủy ban nhân dân phường Tân An: bà Phan Thị Thu Ngân - Phó Chủ tịch",
    ]),
    ("cum-phuong-ky-ket", "bien-ban", "nd30", &[
        "THƯ KÝ",
        "CHỦ TỌA",
    ]),
    ("cum-phuong-ky-ket", "bien-ban", "party", &[
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ]),
    ("cum-phuong-ky-ket", "bai-tin", "any", &[
        "Cụm thi đua số 2 các phường tổ chức hội nghị phát động và ký kết giao ước thi đua năm 2026",
        "(HLO) - Sáng 26/2,",
        "Tin, ảnh: Thanh Tâm",
    ]),
    ("cum-phuong-ky-ket", "giay-moi", "any", &[
        "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG THÀNH",
        "GIẤY MỜI",
        "Hải Lâm, ngày 20 tháng 02 năm 2026",
        "Cụm thi đua số 2 các phường trân trọng kính mời:",
        "Ông Võ Thành Lộc - Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "Lãnh đạo Ủy ban nhân dân phường Tân An",
        "Lãnh đạo Ủy ban nhân dân phường An Lộc",
        "Ban Tổ chức kính mong nhận được ý kiến chỉ đạo tại hội nghị.",
        "cử lãnh đạo có thẩm quyền dự và ký kết giao ước.",
        "TRƯỞNG CỤM",
        "Trịnh Văn Khởi",
    ]),
    ("cum-phuong-ky-ket", "giay-moi", "nd30", &[
        "Số: 15/GM-UBND",
        "TM. CỤM THI ĐUA",
    ]),
    ("cum-phuong-ky-ket", "giay-moi", "party", &[
        "Số 15-GM/UBND",
        "T/M CỤM THI ĐUA",
    ]),
    ("cum-phuong-ky-ket", "chuong-trinh", "any", &[
        "CHƯƠNG TRÌNH",
        "Thông qua kế hoạch hoạt động và dự thảo giao ước thi đua năm 2026",
        "Ký kết giao ước thi đua; bế mạc hội nghị",
    ]),
    ("cum-phuong-ky-ket", "danh-sach", "any", &[
        "DANH SÁCH",
        "Võ Thành Lộc",
        "Đoàn Thị Mỹ Hạnh",
        "Trịnh Văn Khởi",
        "Phan Thị Thu Ngân",
        "Cao Văn Thịnh",
        "Lê Thị Ngọc Diệp",
    ]),
    ("giao-uoc-30-don-vi", "giao-uoc", "any", &[
        "BẢN GIAO ƯỚC THI ĐUA",
        "Lâm Đồng, ngày 26 tháng 02 năm 2026",
    ]),
    ("giao-uoc-30-don-vi", "bien-ban", "any", &[
        "BIÊN BẢN",
        "8 giờ 30 phút, thứ Năm, ngày 26 tháng 02 năm 2026",
        "Hội nghị kết thúc vào 11 giờ 00 phút",
    ]),
    ("giao-uoc-30-don-vi", "bien-ban", "nd30", &[
        "THƯ KÝ",
        "CHỦ TỌA",
    ]),
    ("giao-uoc-30-don-vi", "bien-ban", "party", &[
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ]),
    ("giao-uoc-30-don-vi", "bai-tin", "any", &[
        "Cụm thi đua các sở, ban, ngành khối văn hóa - xã hội tỉnh Lâm Đồng tổ chức hội nghị phát động và ký kết giao ước thi đua năm 2026",
        "(BLĐ) - Sáng 26/2,",
        "Tin, ảnh: Đa Mi",
    ]),
    ("giao-uoc-30-don-vi", "giay-moi", "any", &[
        "GIẤY MỜI",
        "Bà Phạm Thị Ngọc Hương - Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "Ông Ka Sô Liễng, Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh",
        "Lãnh đạo Sở Văn hóa, Thể thao và Du lịch",
        "Lãnh đạo Sở Giáo dục và Đào tạo",
        "Lãnh đạo Sở Y tế",
        "Lãnh đạo Quỹ Bảo trợ trẻ em và Hỗ trợ người khuyết tật tỉnh Lâm Đồng",
        "Lãnh đạo Ban Quản lý các di tích lịch sử - văn hóa và danh lam thắng cảnh tỉnh Lâm Đồng",
    ]),
    ("giao-uoc-30-don-vi", "chuong-trinh", "any", &[
        "CHƯƠNG TRÌNH",
        "Đón tiếp đại biểu; văn nghệ chào mừng",
        "Báo cáo kết quả thực hiện phong trào thi đua và dự thảo nội dung giao ước thi đua năm 2026 của Cụm",
    ]),
    ("giao-uoc-30-don-vi", "danh-sach", "any", &[
        "DANH SÁCH",
        "Phạm Thị Ngọc Hương",
        "Ka Sô Liễng",
        "K' Điểu Ỹ Thương",
        "Nguyễn Thị Phương Thảo",
        "Lê Văn Dũng",
        "Trần Quốc Vỹ",
        "Tạ Đình Ước",
        "Cao Thị Hữu Ý",
        "La Văn Mỹ",
    ]),
    ("giao-uoc-30-don-vi", "bien-ban-kiem-phieu", "any", &[
        "BIÊN BẢN KIỂM PHIẾU",
        "Nguyễn Thị Phương Thảo",
        "Ka Sô Liễng",
        "Đinh Văn Ỷ",
        "Hồ Thị Ữa",
    ]),
    ("giao-uoc-30-don-vi", "to-trinh", "any", &[
        "TỜ TRÌNH",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Giáo dục và Đào tạo",
        "Sở Y tế",
        "Sở Nội vụ",
        "Sở Dân tộc và Tôn giáo",
    ]),
    ("ky-ket-khoi-dang", "giao-uoc", "any", &[
        "BẢN GIAO ƯỚC THI ĐUA",
        "Tuyên Quang, ngày 05 tháng 3 năm 2026",
    ]),
    ("ky-ket-khoi-dang", "bien-ban", "any", &[
        "BIÊN BẢN",
        "14 giờ 00 phút, thứ Năm, ngày 05 tháng 3 năm 2026",
        "Hội nghị kết thúc vào 16 giờ 30 phút",
    ]),
    ("ky-ket-khoi-dang", "bien-ban", "nd30", &[
        "THƯ KÝ",
        "CHỦ TỌA",
    ]),
    ("ky-ket-khoi-dang", "bien-ban", "party", &[
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ]),
    ("ky-ket-khoi-dang", "bai-tin", "any", &[
        "Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị ký kết giao ước thi đua năm 2026",
        "(TTO) - Chiều 5/3,",
        "Tin, ảnh: Hà Phương",
    ]),
    ("phat-dong-ky-ket", "giao-uoc", "any", &[
        "BẢN GIAO ƯỚC THI ĐUA",
        "Đắk Lắk, ngày 06 tháng 3 năm 2026",
    ]),
    ("phat-dong-ky-ket", "bien-ban", "any", &[
        "BIÊN BẢN",
        "14 giờ 00 phút, thứ Sáu, ngày 06 tháng 3 năm 2026",
        "Hội nghị kết thúc vào 16 giờ 30 phút",
    ]),
    ("phat-dong-ky-ket", "bien-ban", "nd30", &[
        "THƯ KÝ",
        "CHỦ TỌA",
    ]),
    ("phat-dong-ky-ket", "bien-ban", "party", &[
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ]),
    ("phat-dong-ky-ket", "bai-tin", "any", &[
        "Khối thi đua các cơ quan văn hóa - xã hội tỉnh tổ chức hội nghị phát động và ký kết giao ước thi đua năm 2026",
        "Chiều 6/3,",
        "Tin, ảnh: Thu Hằng",
    ]),
    ("tong-ket-cum-nd30", "bien-ban", "any", &[
        "BIÊN BẢN",
        "8 giờ 00 phút, thứ Năm, ngày 18 tháng 12 năm 2025",
        "Hội nghị kết thúc vào 11 giờ 15 phút",
    ]),
    ("tong-ket-cum-nd30", "bien-ban", "nd30", &[
        "THƯ KÝ",
        "CHỦ TỌA",
    ]),
    ("tong-ket-cum-nd30", "bien-ban", "party", &[
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ]),
    ("tong-ket-cum-nd30", "bai-tin", "any", &[
        "Cụm thi đua các sở, ngành kinh tế - tổng hợp tỉnh tổng kết công tác thi đua, khen thưởng năm 2025",
        "(CTTĐT) - Sáng 18-12,",
        "Minh Ngọc (Ban Thi đua - Khen thưởng tỉnh)",
    ]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban", "any", &[
        "BIÊN BẢN",
        "8 giờ 00 phút, thứ Sáu, ngày 19 tháng 12 năm 2025",
        "Số đơn vị biểu quyết: 8",
        "Đồng ý: 8 đơn vị, chiếm 100%",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy: 21 phiếu, chiếm 87,5%",
        "Hội nghị kết thúc vào 11 giờ 00 phút",
    ]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban", "nd30", &[
        "THƯ KÝ",
        "CHỦ TỌA",
    ]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban", "party", &[
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ]),
    ("tong-ket-khoi-dang-bo-phieu", "bai-tin", "any", &[
        "Khối thi đua các cơ quan Đảng, Mặt trận và đoàn thể tỉnh tổng kết công tác thi đua, khen thưởng năm 2025",
        "(BTN) - Sáng 19-12,",
        "Khánh Linh",
    ]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban-kiem-phieu-1", "any", &[
        "BIÊN BẢN KIỂM PHIẾU",
        "Bình xét, suy tôn 02 đơn vị dẫn đầu Khối thi đua năm 2025 đề nghị Ủy ban nhân dân tỉnh tặng Cờ thi đua",
        "Vào 9 giờ 40 phút, thứ Sáu, ngày 19 tháng 12 năm 2025",
        "Hoàng Văn Lực",
        "Dương Minh Khuê",
        "Mạc Đình Khương",
        "Ban Tổ chức Tỉnh ủy (được chọn)",
        "Việc kiểm phiếu kết thúc vào 10 giờ 05 phút",
        "TRƯỞNG BAN",
    ]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban-kiem-phieu-1", "nd30", &["Số: 03/BB-KTĐ", "TM. BAN KIỂM PHIẾU"]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban-kiem-phieu-1", "party", &["Số 03-BB/KTĐ", "T/M BAN KIỂM PHIẾU"]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban-kiem-phieu-2", "any", &[
        "BIÊN BẢN KIỂM PHIẾU",
        "Bầu đơn vị Trưởng Khối thi đua năm 2026",
        "Vào 10 giờ 10 phút, thứ Sáu, ngày 19 tháng 12 năm 2025",
        "Hoàng Văn Lực",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy trúng cử Trưởng Khối thi đua năm 2026.",
        "Việc kiểm phiếu kết thúc vào 10 giờ 25 phút",
        "TRƯỞNG BAN",
    ]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban-kiem-phieu-2", "nd30", &["Số: 04/BB-KTĐ", "TM. BAN KIỂM PHIẾU"]),
    ("tong-ket-khoi-dang-bo-phieu", "bien-ban-kiem-phieu-2", "party", &["Số 04-BB/KTĐ", "T/M BAN KIỂM PHIẾU"]),
    ("tong-ket-tron-bo", "bien-ban", "any", &[
        "BIÊN BẢN",
        "8 giờ 00 phút, thứ Năm, ngày 18 tháng 12 năm 2025",
        "Hội nghị kết thúc vào 11 giờ 15 phút",
    ]),
    ("tong-ket-tron-bo", "bien-ban", "nd30", &[
        "THƯ KÝ",
        "CHỦ TỌA",
    ]),
    ("tong-ket-tron-bo", "bien-ban", "party", &[
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ]),
    ("tong-ket-tron-bo", "bai-tin", "any", &[
        "Cụm thi đua các sở, ngành kinh tế - tổng hợp tỉnh tổng kết công tác thi đua, khen thưởng năm 2025",
        "(CTTĐT) - Sáng 18-12,",
        "Minh Ngọc (Ban Thi đua - Khen thưởng tỉnh)",
    ]),
    ("tong-ket-tron-bo", "giay-moi", "any", &[
        "GIẤY MỜI",
        "Ông Lê Trọng Hữu - Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "Bà Lò Thị Yến, Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh",
        "Lãnh đạo Sở Tài chính",
        "Lãnh đạo Sở Công Thương",
        "Lãnh đạo Sở Xây dựng",
        "Lãnh đạo Sở Nông nghiệp và Môi trường",
        "Lãnh đạo Sở Khoa học và Công nghệ",
        "Lãnh đạo Sở Tư pháp",
        "Lãnh đạo Thanh tra tỉnh",
        "Lãnh đạo Văn phòng Ủy ban nhân dân tỉnh",
        "Lãnh đạo Ban Quản lý Khu kinh tế tỉnh",
        "Lãnh đạo Quỹ Đầu tư phát triển tỉnh",
    ]),
    ("tong-ket-tron-bo", "chuong-trinh", "any", &[
        "CHƯƠNG TRÌNH",
        "Đón tiếp đại biểu",
        "Tuyên bố lý do; giới thiệu đại biểu",
        "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2025 của Cụm",
        "Thông qua kết quả chấm điểm, xếp hạng thi đua năm 2025",
        "Thảo luận; bỏ phiếu suy tôn, bình xét khen thưởng; bầu Trưởng Cụm năm 2026",
        "Phát biểu chỉ đạo",
        "Thông qua biên bản; bế mạc hội nghị",
    ]),
    ("tong-ket-tron-bo", "danh-sach", "any", &[
        "DANH SÁCH",
        "Lê Trọng Hữu",
        "Lò Thị Yến",
        "Lương Thị Thanh Thủy",
        "Giàng Seo Phử",
        "Đỗ Mạnh Cường",
        "Vàng A Sử",
        "Trần Minh Kỹ",
        "Bùi Thị Ngữ",
        "Đinh Văn Lựu",
        "Ma Quang Vỹ",
        "Triệu Văn Phẩy",
        "Hoàng Văn Tỵ",
        "Nguyễn Thị Ngọc Ánh",
    ]),
    ("tong-ket-tron-bo", "bien-ban-kiem-phieu", "any", &[
        "BIÊN BẢN KIỂM PHIẾU",
        "Ma Quang Vỹ",
        "Bùi Thị Ngữ",
        "Đinh Văn Lựu",
    ]),
    ("tong-ket-tron-bo", "to-trinh", "any", &[
        "TỜ TRÌNH",
        "Sở Tài chính",
        "Sở Công Thương",
        "Sở Xây dựng",
        "Sở Khoa học và Công nghệ",
    ]),
];

/// Asserts that `text` (squashed) holds `needle`, named `label` in the message.
fn assert_holds(text: &str, what: &str, needle: &str, label: &str) {
    assert!(
        text.contains(&squash(needle)),
        "{what}: the text lacks {label} {needle:?}"
    );
}

/// Checks one PDF of `meeting`: A4 pages, embedded fonts, the phrases of [`SAYS`] and the
/// units and signers. Returns the indices of the [`SAYS`] rows it checked.
fn check_pdf(
    meeting: &Meeting,
    profile: Profile,
    (kind, name): (DocKind, &str),
    pdf: &[u8],
    file: &Path,
) -> BTreeSet<usize> {
    let f = facts(pdf);
    let what = format!("{} {name} ({profile:?})", file.display());
    assert!(!f.pages.is_empty(), "{what}: no pages");
    for (w, h) in &f.pages {
        assert!(
            (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
            "{what}: page {w}x{h} is not A4"
        );
    }
    assert!(!f.fonts.is_empty(), "{what}: no fonts");
    for (name, embedded) in &f.fonts {
        assert!(*embedded, "{what}: font {name} not embedded");
        assert!(
            name.contains("LiberationSerif"),
            "{what}: unexpected font {name}"
        );
    }
    let text = squash(&f.text);
    let stem = file.file_stem().unwrap().to_string_lossy();
    let used = check_phrases(&text, &what, &stem, name, profile);
    check_units(meeting, kind, &text, &what);
    used
}

/// The phrases [`SAYS`] writes out for this document (`name`: its file stem): each printed,
/// and at least one row for every profile. Returns the indices of the rows checked.
fn check_phrases(
    text: &str,
    what: &str,
    stem: &str,
    name: &str,
    profile: Profile,
) -> BTreeSet<usize> {
    let profile_name = match profile {
        Profile::Nd30 => "nd30",
        Profile::Party => "party",
    };
    let mut used = BTreeSet::new();
    for (i, (sample, slug, only, phrases)) in SAYS.iter().enumerate() {
        if *sample == stem && *slug == name && (*only == "any" || *only == profile_name) {
            used.insert(i);
            for phrase in *phrases {
                assert_holds(text, what, phrase, "the phrase");
            }
        }
    }
    assert!(
        SAYS.iter()
            .any(|(sample, slug, only, _)| *sample == stem && *slug == name && *only == "any"),
        "{what}: no phrases written out for this document in SAYS"
    );
    used
}

/// The units and signers, from the file itself, where the document lists them.
fn check_units(m: &Meeting, kind: DocKind, text: &str, what: &str) {
    let has = |needle: &str, label: &str| assert_holds(text, what, needle, label);
    match kind {
        DocKind::GiaoUoc => {
            // Every unit in capitals; every signer exactly once, in YAML order.
            let mut last = 0;
            for u in &m.members {
                has(&u.name.to_uppercase().nfc().collect::<String>(), "the unit");
                let needle = squash(&u.signer.name);
                let found: Vec<usize> = text.match_indices(&needle).map(|(i, _)| i).collect();
                assert_eq!(
                    found.len(),
                    1,
                    "{what}: signer {} appears {} times",
                    u.signer.name,
                    found.len()
                );
                assert!(
                    found[0] >= last,
                    "{what}: signer {} out of YAML order",
                    u.signer.name
                );
                last = found[0];
            }
        }
        DocKind::BienBan => {
            for u in &m.members {
                has(&u.name, "the unit");
                if u.absent.is_none() {
                    has(&u.signer.name, "the signer");
                }
            }
        }
        DocKind::BaiTin => {
            // Ten units or fewer are named unless the file says otherwise; more are counted.
            let article = m.article.as_ref().unwrap();
            if article.list_members.unwrap_or(m.members.len() <= 10) {
                for u in &m.members {
                    has(&u.name, "the unit");
                }
            } else {
                has(
                    &format!("{} đơn vị", m.members.len()),
                    "the number of units",
                );
            }
            for p in &article.photos {
                has(&p.caption, "the caption");
            }
        }
        _ => {}
    }
}

#[test]
fn every_sample_renders_in_both_profiles() {
    let mut used = BTreeSet::new();
    for profile in [None, Some(Profile::Nd30), Some(Profile::Party)] {
        let engine = api::engine(profile);
        for file in sample_files() {
            let prepared = api::prepare(&engine, &file)
                .unwrap_or_else(|r| panic!("{}: {}", file.display(), r.problems));
            let meeting = api::meeting(&prepared);
            let warnings = api::warning_paths(&prepared);
            // Samples are clean, but for the deliberate vote shortfall of the review sample.
            assert!(
                warnings
                    .iter()
                    .all(|w| w.as_deref().is_some_and(|p| p.starts_with("votes["))),
                "{}: warnings at {warnings:?}",
                file.display(),
            );
            let kinds = api::available(&engine, &prepared);
            assert!(!kinds.is_empty());
            for kind in kinds {
                let each = api::typeset_each(&engine, &prepared, kind, "sample")
                    .unwrap_or_else(|e| panic!("{} {kind}: {e}", file.display()));
                for (name, typeset) in each {
                    assert!(typeset.warnings.is_empty(), "{:?}", typeset.warnings);
                    let profile = profile.unwrap_or(meeting.bloc.profile);
                    let doc = (kind, name.as_str());
                    used.extend(check_pdf(meeting, profile, doc, &typeset.pdf, &file));
                }
            }
        }
    }
    let stale: Vec<_> = (0..SAYS.len())
        .filter(|i| !used.contains(i))
        .map(|i| &SAYS[i])
        .collect();
    assert!(stale.is_empty(), "phrases for no document: {stale:?}");
}

#[test]
fn output_is_byte_reproducible() {
    let engine = api::engine(None);
    let file = &sample_files()[0];
    let prepared = api::prepare(&engine, file).unwrap();
    let a = api::typeset(&engine, &prepared, DocKind::BienBan, "x").unwrap();
    let b = api::typeset(&engine, &prepared, DocKind::BienBan, "x").unwrap();
    assert_eq!(a.pdf, b.pdf);
}
