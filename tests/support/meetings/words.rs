//! Word pools: NFC, with the rare letters ỹ ỵ ử Ữ Ỹ ẵ ặ ợ ừ ự đ Đ. Tables of data only.

/// Family names, Kinh and of the highlands.
pub const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Lò", "Hà", "Quàng", "Đinh", "Lương", "Giàng", "Vừ", "Ksor", "K'",
];
/// Middle and given names.
pub const SYLLABLES: &[&str] = &[
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Ngọc",
    "Minh",
    "Quốc",
    "Thanh",
    "Xuân",
    "Điểu",
    "Seo",
    "Thắm",
    "Hạnh",
    "Dũng",
    "Vỹ",
    "Ỹ",
    "Lỵ",
    "Ửng",
    "Ữ",
    "Thương",
    "Phượng",
    "Nẵng",
    "Hợp",
    "Lực",
    "Tựu",
    "Ngữ",
    "Từ",
    "Mỵ",
    "Kỷ",
    "Yến",
    "Đặng",
    "Lặng",
    "Sử",
    "Phử",
    "Dợ",
    "Lựu",
    "Tỵ",
    "Cừ",
    "Trượng",
    "Ẵm",
    "Hằng",
    "Thủy",
    "Hoà",
    "Khuê",
    "Quyết",
    "Nguyệt",
];
/// A signer's own title.
pub const SIGNER_TITLES: &[&str] = &[
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng ban",
    "Chủ tịch",
    "Bí thư",
    "Hiệu trưởng",
    "Tổng Biên tập",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng Thường trực",
];
/// The title of the head a deputy or an officer signs for.
pub const PRINCIPALS: &[&str] = &[
    "Giám đốc",
    "Trưởng ban",
    "Chủ tịch",
    "Bí thư",
    "Hiệu trưởng",
    "Chánh Văn phòng",
];
/// Collective bodies a head signs on behalf of (`TM.`).
pub const COLLECTIVES: &[&str] = &[
    "Ban Thường vụ Đảng ủy",
    "Ban Chấp hành Công đoàn",
    "Ủy ban nhân dân",
    "Hội đồng quản trị",
    "Ban Thường vụ Tỉnh đoàn",
];
/// The first words of a unit's name.
pub const UNIT_HEADS: &[&str] = &[
    "Sở",
    "Ban",
    "Văn phòng",
    "Ủy ban Kiểm tra",
    "Trường Chính trị",
    "Bệnh viện Đa khoa",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Công ty TNHH Một thành viên",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Liên đoàn Lao động",
    "Báo",
    "Đài Phát thanh - Truyền hình",
    "Thanh tra",
    "Kho bạc Nhà nước",
    "Hội Cựu chiến binh",
    "Trung tâm",
    "Quỹ",
];
/// What a unit deals with: the rest of its name.
pub const TOPICS: &[&str] = &[
    "Tổ chức",
    "Tuyên giáo và Dân vận",
    "Nội chính",
    "Tài chính",
    "Xây dựng",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Văn hóa, Thể thao và Du lịch",
    "Nông nghiệp và Môi trường",
    "Khoa học và Công nghệ",
    "Tư pháp",
    "Ngoại vụ",
    "Dân tộc và Tôn giáo",
    "Công Thương",
    "Nội vụ",
    "Xúc tiến Đầu tư",
    "Lưu trữ lịch sử",
    "Ứng dụng tiến bộ khoa học",
    "Thủy lợi",
    "Cấp thoát nước",
    "Bảo trợ xã hội",
    "Phòng, chống tệ nạn xã hội",
    "Hỗ trợ phát triển hợp tác xã",
    "Đầu tư phát triển",
];
/// Provinces, districts, communes.
pub const PLACES: &[&str] = &[
    "tỉnh Quảng Trị",
    "tỉnh Lâm Đồng",
    "thành phố Đà Nẵng",
    "tỉnh Điện Biên",
    "tỉnh Lào Cai",
    "tỉnh Đắk Lắk",
    "tỉnh Sơn La",
    "Tỉnh ủy",
    "huyện Mường Tè",
    "phường Ỷ La",
    "xã Sủng Trái",
    "huyện Kỳ Sơn",
    "xã Ữ Pha",
    "thị trấn Mỹ Xuyên",
];
/// Where a bloc sits.
pub const TOWNS: &[&str] = &[
    "Đông Hà",
    "Đà Lạt",
    "Lào Cai",
    "Điện Biên Phủ",
    "Buôn Ma Thuột",
    "Sơn La",
    "Mỹ Tho",
    "Kỳ Anh",
    "Đà Nẵng",
];
/// What a bloc gathers.
pub const BLOC_TOPICS: &[&str] = &[
    "các cơ quan Đảng tỉnh",
    "các sở, ban, ngành khối văn hóa - xã hội",
    "các sở, ngành kinh tế - tổng hợp tỉnh",
    "các doanh nghiệp nhà nước",
    "các trường đại học, cao đẳng",
    "các huyện miền núi phía Tây",
    "Mặt trận và các đoàn thể chính trị - xã hội",
];
/// Clauses of a commitment, a speech or a summary.
pub const CLAUSES: &[&str] = &[
    "thực hiện tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
    "hoàn thành xuất sắc nhiệm vụ chính trị được giao",
    "đẩy mạnh cải cách hành chính, chuyển đổi số",
    "100% cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên",
    "không có cán bộ, đảng viên vi phạm kỷ luật phải xử lý",
    "chăm lo đời sống vật chất, tinh thần cho người lao động",
    "phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến",
    "xây dựng cơ quan, đơn vị đạt chuẩn văn hóa",
    "thực hành tiết kiệm, chống lãng phí",
    "giữ vững an ninh chính trị, trật tự an toàn xã hội",
    "đổi mới nội dung, hình thức thi đua",
    "tổ chức công đoàn, đoàn thanh niên được xếp loại vững mạnh",
    "hưởng ứng cuộc vận động \u{201c}Ngày vì người nghèo\u{201d}",
    "ứng dụng công nghệ thông tin trong quản lý, điều hành",
    "hỗ trợ đồng bào các xã Ỷ La, Sủng Trái, Nậm Ữ khắc phục hậu quả thiên tai",
    "sẵn sàng đăng ký những chỉ tiêu cao hơn trong năm tới",
];
/// Titles of the sections of the agreement.
pub const SECTION_TITLES: &[&str] = &[
    "Mục đích, yêu cầu",
    "Nội dung giao ước",
    "Tổ chức thực hiện",
    "Chỉ tiêu thi đua",
    "Công tác xây dựng Đảng",
    "Nhiệm vụ chuyên môn",
    "Công tác khen thưởng",
];
/// A guest's titles.
pub const GUEST_TITLES: &[&str] = &[
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Chủ tịch HĐND tỉnh",
    "Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "Trưởng Ban Thi đua - Khen thưởng tỉnh",
    "Phó Giám đốc Sở Nội vụ",
    "Ủy viên Ban Thường vụ Tỉnh ủy",
];
/// Awards proposed or granted.
pub const AWARDS: &[&str] = &[
    "Cờ thi đua của Ủy ban nhân dân tỉnh",
    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
    "Cờ thi đua của Chính phủ",
    "Bằng khen của Thủ tướng Chính phủ",
    "Giấy khen của Trưởng Khối thi đua",
];
/// Issuer codes of document numbers.
pub const ISSUER_CODES: &[&str] = &["KTĐCQĐ", "CTĐ-VHXH", "KTĐ", "CTĐ.KTTH"];
/// Photo captions (the benchmark's articles).
pub const CAPTIONS: &[&str] = &[
    "Quang cảnh hội nghị",
    "Lãnh đạo các đơn vị ký kết giao ước thi đua",
    "Trưởng Khối thi đua trao bản giao ước cho đại diện các đơn vị",
    "Đại biểu phát biểu tại hội nghị",
    "Các đại biểu chụp ảnh lưu niệm",
];
