#!/usr/bin/env python3
"""Generates distinct, valid, realistic meeting files for benchmarks (issue 14, item 8).

    scripts/gen-meetings.py OUT (--meetings N | --documents N) [--seed S]

Writes OUT/<province>/<year>/<bloc>-<index>/meeting.yaml (one folder per meeting), with 1-3
photos under photos/ for some articles (copies of samples/phat-dong-ky-ket-anh/photos/, each
under a name unique to its meeting). Meeting i depends only on (seed, i), so the first k
meetings of a larger set are the same files as a set of k. Both profiles; 3-60 members;
3-20 commitments; most meetings make 2-3 documents. Prints one JSON line: meetings,
documents expected, photos. Python 3 standard library only; bench imports it.
"""

import argparse
import json
import os
import random
import shutil
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PHOTO_DIR = os.path.join(REPO, "samples", "phat-dong-ky-ket-anh", "photos")

# --------------------------------------------------------------------------------------------
# Pools (NFC, old tone style throughout: hòa, thủy, Ủy — never both styles in one file).

FAMILY = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Lò", "Hà", "Quàng", "Đinh", "Lương", "Giàng", "Vừ", "Triệu",
    "Ma", "Nông", "Lục", "Bàn", "Chu", "Đàm", "Mai", "Tạ", "Trịnh", "Vương", "Quan", "Phùng",
]
MIDDLE_M = ["Văn", "Đức", "Hữu", "Quốc", "Minh", "Thanh", "Ngọc", "Xuân", "Đình", "Thế", "Công",
            "Trọng", "Quang", "Mạnh", "Tiến", "Bá", "Duy", "Hoàng"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Thúy", "Thị Ngọc", "Thị Mỹ", "Thị Hồng", "Thu", "Ngọc",
            "Thanh", "Kim", "Diệu", "Thị Bích", "Hải", "Thị Kim"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Khải", "Mạnh", "Lũy", "Sử", "Vỹ", "Tỵ", "Sửu", "Lực", "Kỳ",
           "Vĩnh", "Hưng", "Thắng", "Thành", "Phúc", "Lộc", "Quyết", "Trượng", "Cừ", "Khuê",
           "Nghĩa", "Trung", "Hiếu", "Cường", "Tú", "Kiên", "Hợp", "Tựu"]
GIVEN_F = ["Nga", "Hương", "Lan", "Hà", "Hiền", "Nhung", "Lệ", "Yến", "Thắm", "Ỹ", "Ữa", "Mỵ",
           "Hằng", "Phượng", "Ánh", "Xuân", "Nguyệt", "Duyên", "Hạnh", "Thủy", "Hòa", "Ngữ",
           "Lựu", "Trang", "Quyên", "Oanh", "Loan", "Thư", "Vy", "Hường"]

PROVINCES = [
    "Tuyên Quang", "Đắk Lắk", "Quảng Trị", "Lâm Đồng", "Điện Biên", "Lào Cai", "Sơn La",
    "Quảng Ngãi", "Cà Mau", "Vĩnh Long", "Đồng Tháp", "An Giang", "Hà Tĩnh", "Nghệ An",
    "Thanh Hóa", "Gia Lai", "Khánh Hòa", "Tây Ninh", "Lạng Sơn", "Cao Bằng", "Thái Nguyên",
    "Phú Thọ", "Ninh Bình", "Hưng Yên", "Bắc Ninh", "Quảng Ninh", "Lai Châu", "Đồng Nai",
]
CITIES = ["Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế"]

BLOC_TOPICS = [
    "các cơ quan Đảng tỉnh", "các cơ quan văn hóa - xã hội tỉnh", "các cơ quan kinh tế - tổng hợp",
    "các cơ quan nội chính", "Mặt trận và các đoàn thể chính trị - xã hội tỉnh",
    "các doanh nghiệp nhà nước", "các trường đại học, cao đẳng", "các cơ quan Trung ương đóng trên địa bàn tỉnh",
    "các đơn vị sự nghiệp công lập", "các ngân hàng thương mại", "các sở, ngành quản lý nhà nước về kinh tế",
]
STATE_UNITS = [
    ("stc", "Sở Tài chính", "Giám đốc"), ("sxd", "Sở Xây dựng", "Giám đốc"),
    ("syt", "Sở Y tế", "Giám đốc"), ("sgddt", "Sở Giáo dục và Đào tạo", "Giám đốc"),
    ("svhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Giám đốc"), ("snv", "Sở Nội vụ", "Giám đốc"),
    ("stp", "Sở Tư pháp", "Giám đốc"), ("sct", "Sở Công Thương", "Giám đốc"),
    ("skhcn", "Sở Khoa học và Công nghệ", "Giám đốc"), ("snnmt", "Sở Nông nghiệp và Môi trường", "Giám đốc"),
    ("sdttg", "Sở Dân tộc và Tôn giáo", "Giám đốc"), ("sngv", "Sở Ngoại vụ", "Giám đốc"),
    ("tt", "Thanh tra tỉnh", "Chánh Thanh tra"), ("vpubnd", "Văn phòng Ủy ban nhân dân tỉnh", "Chánh Văn phòng"),
    ("kbnn", "Kho bạc Nhà nước khu vực", "Giám đốc"), ("bhxh", "Bảo hiểm xã hội tỉnh", "Giám đốc"),
    ("ctt", "Thuế tỉnh", "Trưởng Thuế tỉnh"), ("hq", "Chi cục Hải quan khu vực", "Chi cục trưởng"),
    ("bvdk", "Bệnh viện Đa khoa tỉnh", "Giám đốc"), ("cdc", "Trung tâm Kiểm soát bệnh tật tỉnh", "Giám đốc"),
    ("ldld", "Liên đoàn Lao động tỉnh", "Chủ tịch"), ("td", "Tỉnh đoàn", "Bí thư"),
    ("hlhpn", "Hội Liên hiệp Phụ nữ tỉnh", "Chủ tịch"), ("hnd", "Hội Nông dân tỉnh", "Chủ tịch"),
    ("hccb", "Hội Cựu chiến binh tỉnh", "Chủ tịch"), ("hctd", "Hội Chữ thập đỏ tỉnh", "Chủ tịch"),
    ("lhh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Chủ tịch"),
    ("bao", "Báo và Phát thanh, Truyền hình tỉnh", "Tổng Biên tập"),
    ("dhtn", "Trường Đại học Tây Nguyên", "Hiệu trưởng"), ("cdyt", "Trường Cao đẳng Y tế", "Hiệu trưởng"),
    ("nhnn", "Ngân hàng Nhà nước chi nhánh khu vực", "Giám đốc"), ("agri", "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh", "Giám đốc"),
    ("vcb", "Ngân hàng Thương mại cổ phần Ngoại thương chi nhánh tỉnh", "Giám đốc"),
    ("dl", "Công ty Điện lực tỉnh", "Giám đốc"), ("cn", "Công ty Cổ phần Cấp nước tỉnh", "Tổng Giám đốc"),
    ("bqlda", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Giám đốc"),
    ("ttxt", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", "Giám đốc"),
    ("qdtpt", "Quỹ Đầu tư phát triển tỉnh", "Giám đốc"),
]
PARTY_UNITS = [
    ("vptu", "Văn phòng Tỉnh ủy", "Chánh Văn phòng"), ("btc", "Ban Tổ chức Tỉnh ủy", "Trưởng ban"),
    ("ubkt", "Ủy ban Kiểm tra Tỉnh ủy", "Chủ nhiệm"), ("btgdv", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Trưởng ban"),
    ("bnc", "Ban Nội chính Tỉnh ủy", "Trưởng ban"), ("dukcqd", "Đảng ủy các cơ quan Đảng tỉnh", "Bí thư"),
    ("duubnd", "Đảng ủy Ủy ban nhân dân tỉnh", "Bí thư"), ("dudn", "Đảng ủy Doanh nghiệp tỉnh", "Bí thư"),
    ("tct", "Trường Chính trị tỉnh", "Hiệu trưởng"), ("bbvsk", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh", "Trưởng ban"),
    ("baod", "Báo và Phát thanh, Truyền hình tỉnh", "Tổng Biên tập"),
    ("ubmttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Chủ tịch"),
    ("dubs", "Đảng ủy Bộ đội Biên phòng tỉnh", "Bí thư"), ("duca", "Đảng ủy Công an tỉnh", "Bí thư"),
    ("duqs", "Đảng ủy Quân sự tỉnh", "Bí thư"), ("ttcbct", "Trung tâm Chính trị cấp xã", "Giám đốc"),
]
COMMUNE_A = ["Tân", "Phước", "An", "Hòa", "Bình", "Mỹ", "Long", "Thạnh", "Đông", "Tây", "Phú",
             "Hưng", "Quảng", "Yên", "Thượng", "Vĩnh", "Đức", "Xuân", "Nghĩa", "Kỳ", "Ỷ", "Sủng"]
COMMUNE_B = ["Lộc", "Thuận", "Hiệp", "Lợi", "Phong", "Hải", "Sơn", "Thành", "Trạch", "Lũy",
             "Mỹ", "Điền", "Khánh", "Trà", "Hữu", "Ngãi", "Tiến", "La", "Trái", "Ân"]
DEPUTY = {"Giám đốc": "Phó Giám đốc", "Chủ tịch": "Phó Chủ tịch", "Bí thư": "Phó Bí thư",
          "Trưởng ban": "Phó Trưởng ban", "Hiệu trưởng": "Phó Hiệu trưởng",
          "Chánh Văn phòng": "Phó Chánh Văn phòng", "Chủ nhiệm": "Phó Chủ nhiệm",
          "Tổng Biên tập": "Phó Tổng Biên tập", "Chánh Thanh tra": "Phó Chánh Thanh tra",
          "Tổng Giám đốc": "Phó Tổng Giám đốc", "Chi cục trưởng": "Phó Chi cục trưởng",
          "Trưởng Thuế tỉnh": "Phó Trưởng Thuế tỉnh"}
COLLECTIVES = ["Ban Thường vụ", "Ban Chấp hành", "Ban Thường vụ Đảng ủy", "Thường trực"]

CLAUSES = [
    "thực hiện tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
    "hoàn thành xuất sắc nhiệm vụ chính trị được giao năm {year}",
    "đẩy mạnh cải cách hành chính, chuyển đổi số trong hoạt động của cơ quan, đơn vị",
    "chăm lo đời sống vật chất, tinh thần cho cán bộ, công chức, viên chức và người lao động",
    "phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến, gương người tốt, việc tốt",
    "xây dựng cơ quan, đơn vị đạt chuẩn văn hóa, an toàn về an ninh, trật tự",
    "thực hành tiết kiệm, chống lãng phí trong sử dụng ngân sách, tài sản công",
    "thực hiện nghiêm kỷ luật, kỷ cương hành chính, văn hóa công sở",
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "tích cực tham gia các hoạt động chung của Khối, hưởng ứng các phong trào thi đua",
    "nâng cao chất lượng tham mưu, đề xuất các giải pháp tháo gỡ khó khăn, vướng mắc",
    "tăng cường công tác kiểm tra, giám sát, phòng, chống tham nhũng, lãng phí, tiêu cực",
    "làm tốt công tác dân vận, xây dựng khối đại đoàn kết toàn dân tộc",
    "chủ động ứng dụng công nghệ thông tin, xây dựng cơ sở dữ liệu dùng chung",
    "đảm bảo 100% văn bản đi, đến được xử lý trên môi trường mạng (trừ văn bản mật)",
    "mỗi đơn vị có ít nhất 01 sáng kiến, giải pháp cải tiến được công nhận",
    "tham gia đầy đủ các hoạt động an sinh xã hội, đền ơn đáp nghĩa do tỉnh phát động",
    "giữ vững đoàn kết nội bộ, không có cán bộ, đảng viên vi phạm kỷ luật phải xử lý",
]
SUBCLAUSES = [
    "100% chi bộ được đánh giá hoàn thành tốt nhiệm vụ trở lên;",
    "công đoàn, chi đoàn thanh niên được xếp loại vững mạnh;",
    "100% thủ tục hành chính được giải quyết đúng hạn;",
    "tổ chức ít nhất 01 hoạt động văn hóa, thể thao chung trong năm;",
    "không có đơn thư khiếu nại, tố cáo vượt cấp;",
    "100% cán bộ, công chức được bồi dưỡng kiến thức chuyển đổi số;",
    "giải ngân vốn đầu tư công đạt trên 95% kế hoạch;",
]
SECTION_TITLES = ["Mục đích, yêu cầu", "Nội dung giao ước", "Nội dung thi đua chung",
                  "Chỉ tiêu giao ước của các đơn vị", "Giải pháp thực hiện", "Tổ chức thực hiện",
                  "Các nhiệm vụ trọng tâm", "Công tác xây dựng Đảng và đoàn thể"]
SUMMARIES = ["hoàn thành nhiệm vụ chính trị, cải cách hành chính, chuyển đổi số",
             "xây dựng cơ quan, đơn vị vững mạnh", "chăm lo đời sống người lao động",
             "phòng, chống tham nhũng, lãng phí"]
GUEST_TITLES = ["Phó Bí thư Thường trực Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy",
                "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Phó Giám đốc Sở Nội vụ",
                "Trưởng Ban Thi đua - Khen thưởng tỉnh", "Tỉnh ủy viên", "Chủ tịch Hội đồng nhân dân tỉnh",
                "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh"]
SPEECHES = [
    "đề nghị các đơn vị trong Khối cụ thể hóa nội dung giao ước thành kế hoạch của từng cơ quan, phát động thi đua sâu rộng đến từng cán bộ, công chức, viên chức và người lao động.",
    "nhấn mạnh, trên cơ sở nội dung đã ký kết, các cơ quan cần sớm xây dựng kế hoạch, định kỳ sơ kết, rút kinh nghiệm để phong trào thi đua thực chất, hiệu quả.",
    "ghi nhận, biểu dương kết quả đạt được của các đơn vị trong năm qua; đề nghị tiếp tục đổi mới nội dung, hình thức thi đua, gắn với thực hiện nhiệm vụ chính trị.",
]
SUMMARY_PROC = [
    "khai mạc hội nghị, quán triệt kế hoạch công tác thi đua, khen thưởng năm {year} của Khối.",
    "tuyên bố lý do, giới thiệu đại biểu dự hội nghị.",
    "trình bày báo cáo tổng kết công tác thi đua, khen thưởng năm {prev}.",
    "hướng dẫn tiêu chí chấm điểm, bình xét thi đua đối với các cụm, khối thi đua năm {year}.",
    "thảo luận, thống nhất nội dung giao ước và ký kết giao ước thi đua năm {year}.",
    "phát biểu tham luận về kinh nghiệm tổ chức phong trào thi đua tại đơn vị.",
]
CONCLUSIONS = [
    "Các đơn vị xây dựng kế hoạch thực hiện giao ước, gửi Trưởng Khối trước ngày 31 tháng 3 năm {year}.",
    "Giao đơn vị Trưởng Khối tổng hợp, theo dõi, đôn đốc việc thực hiện.",
    "Các đơn vị đăng ký danh hiệu thi đua, gửi Trưởng Khối đúng thời hạn.",
    "Tổ chức sơ kết 6 tháng vào tháng 7 và tổng kết vào tháng 12 năm {year}.",
]
PARAGRAPHS = [
    "Năm {prev}, các đơn vị trong Khối đã hoàn thành tốt nhiệm vụ được giao; nhiều phong trào thi đua được triển khai thiết thực, góp phần thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội của tỉnh.",
    "Hội nghị cũng đã thống nhất chương trình công tác năm {year}, trong đó chú trọng đổi mới nội dung, hình thức thi đua, gắn với chuyển đổi số và cải cách hành chính.",
    "Dịp này, nhiều tập thể, cá nhân có thành tích xuất sắc được biểu dương, khen thưởng.",
]
CAPTIONS = ["Quang cảnh hội nghị", "Lãnh đạo các đơn vị ký kết giao ước thi đua năm {year}",
            "Trưởng Khối thi đua trao bản giao ước cho đại diện các đơn vị",
            "Đại biểu phát biểu tại hội nghị", "Các đại biểu chụp ảnh lưu niệm"]
AWARDS = ["Cờ thi đua của Ủy ban nhân dân tỉnh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
          "Danh hiệu Tập thể lao động xuất sắc", "Giấy khen của Trưởng Khối thi đua"]
VENUES = ["Hội trường tầng 3, {unit}", "Phòng họp số 1, {unit}", "Hội trường {unit}",
          "Trung tâm Hội nghị tỉnh {place}"]
OUTLETS = ["BNP", "TTO", "BTQ", "ĐL", "QT", None]


def slug(text):
    """ASCII folder name: no accents, đ → d, words joined by '-'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(p for p in out.split("-") if p)[:40]


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------------------------
# A tiny YAML writer: block style, every text double-quoted (JSON escapes are YAML escapes).

def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return json.dumps(nfc(v), ensure_ascii=False)


def dump(obj, ind=0):
    pad = " " * ind
    lines = []
    for key, value in obj.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(dump(value, ind + 2))
        elif isinstance(value, list):
            if not value:
                lines.append(f"{pad}{key}: []")
                continue
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = dump(item, ind + 4)
                    lines.append(f"{pad}  - {sub[0].lstrip()}")
                    lines.extend(sub[1:])
                else:
                    lines.append(f"{pad}  - {scalar(item)}")
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


# --------------------------------------------------------------------------------------------

def person(rng):
    female = rng.random() < 0.45
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    return f"{rng.choice(FAMILY)} {middle} {given}"


def members_of(rng, n, party, place):
    base = list(PARTY_UNITS if party else STATE_UNITS)
    rng.shuffle(base)
    chosen = base[:n]
    names = {u[1].lower() for u in chosen}
    ids = {u[0] for u in chosen}
    k = 0
    while len(chosen) < n:  # communes of the province
        commune = f"{rng.choice(COMMUNE_A)} {rng.choice(COMMUNE_B)}"
        kind = rng.choice(["Đảng ủy xã", "Ủy ban nhân dân xã", "Đảng ủy phường"] if party
                          else ["Ủy ban nhân dân xã", "Ủy ban nhân dân phường", "Trạm Y tế xã"])
        name = f"{kind} {commune}"
        if name.lower() in names:
            continue
        k += 1
        uid = f"x{k}"
        names.add(name.lower())
        ids.add(uid)
        title = "Bí thư" if kind.startswith("Đảng") else ("Trưởng trạm" if kind.startswith("Trạm") else "Chủ tịch")
        chosen.append((uid, name, title))
    members = []
    for uid, name, title in chosen:
        signer = {"name": person(rng), "title": title}
        r = rng.random()
        deputy = DEPUTY.get(title)
        if r < 0.12 and deputy:
            signer.update(title=deputy, authority="deputy", principal_title=title)
        elif r < 0.2:
            signer["authority"] = "collective"
            if rng.random() < 0.5:
                signer["on_behalf_of"] = rng.choice(COLLECTIVES)
        elif r < 0.25 and deputy:
            signer.update(title=deputy, authority="acting", principal_title=title)
        elif r < 0.29:
            signer.update(title="Chánh Văn phòng", authority="by_order", principal_title=title)
        elif r < 0.31 and deputy and not party:
            signer.update(title=deputy, authority="by_delegation", principal_title=title)
        member = {"id": uid, "name": name, "signer": signer}
        if rng.random() < 0.04:
            member["absent"] = "có lịch công tác đột xuất"
        members.append(member)
    return members


def commitments_of(rng, year, count):
    sections = []
    n_sections = rng.randint(1, min(4, count))
    split = sorted(rng.sample(range(1, count), n_sections - 1)) if n_sections > 1 else []
    bounds = [0] + split + [count]
    titles = rng.sample(SECTION_TITLES, n_sections)
    for s in range(n_sections):
        items = []
        for _ in range(bounds[s + 1] - bounds[s]):
            text = rng.choice(CLAUSES).format(year=year)
            text = text[0].upper() + text[1:] + "."
            if rng.random() < 0.2:
                items.append({"text": text, "items": rng.sample(SUBCLAUSES, rng.randint(2, 4))})
            else:
                items.append(text)
        section = {"title": titles[s]}
        if rng.random() < 0.4:
            section["intro"] = ("Các đơn vị trong Khối thống nhất thực hiện các nội dung "
                                f"sau trong năm {year}:")
        section["items"] = items
        if rng.random() < 0.3:
            section["summary"] = rng.choice(SUMMARIES)
        sections.append(section)
    return sections


def meeting(seed, index):
    """(the meeting as a dict, its photos [(name, sample file)], documents expected)."""
    rng = random.Random(seed * 1_000_003 + index)
    party = rng.random() < 0.5
    place = rng.choice(PROVINCES + CITIES)
    topics = BLOC_TOPICS[:1] + BLOC_TOPICS[4:5] if party else BLOC_TOPICS[1:4] + BLOC_TOPICS[5:]
    bloc_name = "Khối thi đua " + rng.choice(topics)
    cum = rng.random() < 0.2
    if cum:
        level = "thành phố" if place in CITIES else "tỉnh"
        bloc_name = f"Cụm thi đua số {rng.randint(1, 9)} {level} {place}"
    r = rng.random()
    if r < 0.6:
        kinds = ["giao-uoc", "bien-ban", "bai-tin"]
    elif r < 0.9:
        kinds = rng.choice([["giao-uoc", "bien-ban"], ["bien-ban", "bai-tin"], ["giao-uoc", "bai-tin"]])
    else:
        kinds = [rng.choice(["giao-uoc", "bien-ban", "bai-tin"])]
    if "giao-uoc" in kinds:
        activities = rng.choice([["sign"], ["launch", "sign"], ["review", "launch", "sign"], ["review", "sign"]])
    else:
        activities = rng.choice([["review"], ["launch"], ["review", "launch"]])
    year = 2025 if activities == ["review"] else 2026
    month, day = (12, rng.randint(10, 28)) if year == 2025 else (rng.randint(1, 4), rng.randint(1, 28))
    n_members = rng.randint(3, 60) if rng.random() < 0.35 else rng.randint(3, 18)
    members = members_of(rng, n_members, party, place)
    head = members[0]
    start_h = rng.choice([7, 8, 9, 13, 14, 15])
    m = {
        "bloc": {
            "name": bloc_name,
            **({"superior": rng.choice([f"UBND tỉnh {place}", f"Tỉnh ủy {place}"])} if rng.random() < 0.7 else {}),
            "place": place,
            "profile": "party" if party else "nd30",
            "head_unit": head["id"],
        },
        "year": year,
        "activities": activities,
        "date": f"{year}-{month:02d}-{day:02d}",
        "start_time": f"{start_h:02d}:{rng.choice([0, 30]):02d}",
    }
    if "bien-ban" in kinds:
        m["end_time"] = f"{start_h + rng.randint(2, 3):02d}:{rng.choice([0, 15, 30, 45]):02d}"
    m["venue"] = rng.choice(VENUES).format(unit=head["name"], place=place)
    if rng.random() < 0.5:
        m["delegates"] = rng.randint(len(members), len(members) * 4 + 10)
    chair_title = f"{head['signer']['title']} {head['name']}, Trưởng {'Cụm' if cum else 'Khối'} thi đua"
    m["chair"] = {"name": head["signer"]["name"], "title": chair_title}
    if "bien-ban" in kinds:
        m["secretary"] = {"name": person(rng), "title": f"Chuyên viên {head['name']}"}
    guests = []
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        g = {"name": person(rng), "titles": rng.sample(GUEST_TITLES, rng.randint(1, 2))}
        if rng.random() < 0.5:
            g["role"] = "phát biểu chỉ đạo"
            g["speech"] = rng.choice(SPEECHES)
        guests.append(g)
    if guests:
        m["guests"] = guests
    m["members"] = members
    if rng.random() < 0.7:
        m["legal_bases"] = [
            "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
            f"Kế hoạch số {rng.randint(1, 99):02d}/KH-KTĐ ngày 10 tháng 01 năm {year} về công tác thi đua, khen thưởng năm {year}",
        ][: rng.randint(1, 2)]
    if "giao-uoc" in kinds:
        m["commitments"] = commitments_of(rng, year, rng.randint(3, 20))
    if "bien-ban" in kinds:
        m["proceedings"] = [
            {"speaker": f"Đồng chí {head['signer']['name']}", "title": chair_title,
             "summary": SUMMARY_PROC[0].format(year=year, prev=year - 1)}
        ] + [
            {"speaker": rng.choice(["Lãnh đạo các đơn vị trong Khối", f"Đồng chí {person(rng)}",
                                    "Đại diện Ban Thi đua - Khen thưởng tỉnh"]),
             "summary": s.format(year=year, prev=year - 1)}
            for s in rng.sample(SUMMARY_PROC[1:], rng.randint(1, 4))
        ]
        if rng.random() < 0.4:
            voters = len(members)
            against = rng.choice([0, 0, 1])
            m["votes"] = [{
                "motion": f"thông qua nội dung giao ước thi đua năm {year}",
                "method": "giơ tay",
                "voters": voters,
                "options": [{"label": "Đồng ý", "count": voters - against},
                            {"label": "Không đồng ý", "count": against}],
            }]
        m["conclusions"] = [c.format(year=year) for c in rng.sample(CONCLUSIONS, rng.randint(1, 3))]
    if rng.random() < 0.3:
        m["awards"] = [{"award": rng.choice(AWARDS),
                        "recipients": [u["id"] for u in rng.sample(members, min(len(members), rng.randint(1, 3)))],
                        **({"status": "granted"} if rng.random() < 0.5 else {})}]
    if rng.random() < 0.3 and len(members) > 1:
        m["next_head_unit"] = members[1]["id"]
    m["numbers"] = {"issuer_code": rng.choice(["KTĐ", "KTĐCQĐ", "CTĐ", "KTĐVHXH"]),
                    "agreement_type": "GƯ", "agreement": rng.randint(1, 20),
                    **({"minutes": rng.randint(1, 30)} if rng.random() < 0.5 else {})}
    if "bien-ban" in kinds:
        m["minutes"] = {"recipients": ["Các đơn vị trong Khối", "Ban Thi đua - Khen thưởng tỉnh"]}
    photos = []
    if "bai-tin" in kinds:
        article = {}
        outlet = rng.choice(OUTLETS)
        if outlet:
            article["outlet"] = outlet
        if rng.random() < 0.5:
            article["paragraphs"] = [p.format(year=year, prev=year - 1)
                                     for p in rng.sample(PARAGRAPHS, rng.randint(1, 3))]
        if rng.random() < 0.35:
            samples = sorted(f for f in os.listdir(PHOTO_DIR) if f.endswith(".png"))
            article["photos"] = []
            for k in range(rng.randint(1, 3)):
                name = f"photos/anh-{index:05d}-{k + 1}.png"
                photos.append((name, os.path.join(PHOTO_DIR, samples[(index + k) % len(samples)])))
                article["photos"].append({"file": name,
                                          "caption": rng.choice(CAPTIONS).format(year=year),
                                          "credit": person(rng).split(" ", 1)[1]})
        article["byline"] = f"Tin, ảnh: {person(rng).split(' ', 1)[1]}" if photos else person(rng)
        m["article"] = article
    folder = os.path.join(slug(place), str(year), f"{index:05d}-{slug(bloc_name)}")
    return m, folder, photos, len(kinds)


def write(out, seed, index):
    """Writes meeting `index` under `out`; returns (meeting file, documents expected, photos)."""
    m, folder, photos, docs = meeting(seed, index)
    folder = os.path.join(out, folder)
    os.makedirs(folder, exist_ok=True)
    text = ("# Cuộc họp sinh tự động để đo hiệu năng (scripts/gen-meetings.py); hư cấu.\n"
            + "\n".join(dump(m)) + "\n")
    path = os.path.join(folder, "meeting.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    for name, source in photos:
        target = os.path.join(folder, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
    return path, docs, len(photos)


def documents_of(seed, index):
    """Documents meeting `index` makes, without writing it."""
    return meeting(seed, index)[3]


def meetings_for(seed, documents):
    """The number of meetings (a prefix) whose documents reach `documents`."""
    total = count = 0
    while total < documents:
        total += documents_of(seed, count)
        count += 1
    return count, total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--meetings", type=int)
    group.add_argument("--documents", type=int)
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    n = args.meetings if args.meetings is not None else meetings_for(args.seed, args.documents)[0]
    docs = photos = 0
    for i in range(n):
        _, d, p = write(args.out, args.seed, i)
        docs += d
        photos += p
    print(json.dumps({"meetings": n, "documents": docs, "photos": photos, "out": args.out}))


if __name__ == "__main__":
    sys.exit(main())
