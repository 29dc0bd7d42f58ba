//! Command-line arguments (clap derive types only); the doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// hoinghi — soạn giấy tờ hội nghị thi đua (bản giao ước, biên bản, bài tin) thành PDF từ một tệp YAML.
#[derive(Debug, Parser)]
#[command(name = "hoinghi", version, about, long_about = None)]
pub struct Cli {
    /// Ngôn ngữ thông báo: vi (mặc định theo LANG) hoặc en.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Lệnh cần chạy.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Soạn PDF cho từng tệp cuộc họp: OUT/<tên tệp>/<loại>.pdf.
    Render(RenderArgs),
    /// Soạn hàng loạt, song song: mọi tệp .yaml/.yml trong các thư mục; OUT/<thư mục con>/<tên tệp>/<loại>.pdf và OUT/manifest.json.
    Batch(BatchArgs),
    /// Kiểm tra tệp cuộc họp mà không soạn PDF (0: không lỗi, 1: có lỗi).
    Check(CheckArgs),
    /// Soạn lại mỗi khi tệp cuộc họp, ảnh của nó hoặc mẫu thay đổi (để mở PDF bên cạnh khi soạn thảo).
    Watch(WatchArgs),
    /// In lược đồ JSON Schema của tệp cuộc họp (cho trình soạn thảo: gợi ý và kiểm tra).
    Schema,
    /// Tạo tệp cuộc họp mẫu có chú thích, các chỗ cần điền đánh dấu "← điền" (in ra màn hình, hoặc ghi vào tệp với -o).
    Init(InitArgs),
    /// Liệt kê các loại văn bản hoinghi soạn được: tên ngắn (dùng với --doc) và tên đầy đủ.
    List,
    /// Mở biểu mẫu soạn cuộc họp trong trình duyệt, xem văn bản ngay bên cạnh khi gõ (máy chủ web trên máy này).
    Serve(ServeArgs),
}

/// `hoinghi serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Thư mục chứa các tệp cuộc họp (chỉ đọc và ghi trong thư mục này).
    #[arg(value_name = "FOLDER", default_value = ".")]
    pub folder: PathBuf,
    /// Cổng (0: một cổng trống bất kỳ).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Địa chỉ lắng nghe: 127.0.0.1 (chỉ máy này) hoặc 0.0.0.0 (cả mạng nội bộ, vẫn cần mã truy cập).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Không tự mở trình duyệt.
    #[arg(long)]
    pub no_open: bool,
}

/// Options for reading meeting files, shared by every command that reads them.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Bảng mã của tệp: auto (UTF-8, UTF-16 có BOM) hoặc cp1258 ("ANSI" của Notepad tiếng Việt).
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Tự chuyển chữ gõ bằng bảng mã cũ (TCVN3/ABC, VNI-Windows) sang Unicode.
    #[arg(long)]
    pub convert_legacy: bool,
    /// Thống nhất kiểu bỏ dấu thanh: old (hòa, thủy, Ủy) hoặc new (hoà, thuỷ, Uỷ).
    #[arg(long, value_enum)]
    pub tone_style: Option<ToneArg>,
    /// Các loại văn bản, cách nhau bởi dấu phẩy (xem `hoinghi list`), hoặc all.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub doc: Vec<DocArg>,
}

/// `hoinghi render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Các tệp cuộc họp (.yaml).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Thư mục ghi kết quả.
    #[arg(short, long, value_name = "OUT", default_value = "out")]
    pub out: PathBuf,
    /// Ghi thêm mã Typst đã sinh (<loại>.typ, hoinghi.typ và ảnh gốc trong anh-goc/) cạnh tệp PDF.
    #[arg(long)]
    pub emit_typst: bool,
    /// (Internal) This is the child process a supervising hoinghi runs for one meeting: run
    /// in-process, never spawn another.
    #[arg(long, hide = true)]
    pub supervised: bool,
    /// (Internal) As `--supervised`, and print what was made as JSON on standard output (for
    /// a supervising `batch`).
    #[arg(long, hide = true)]
    pub report_json: bool,
    /// (Internal) The identifier written into the PDFs instead of the file's name (a
    /// supervising `batch` gives the one it would use itself).
    #[arg(long, hide = true, value_name = "ID")]
    pub ident: Option<String>,
    /// Định dạng kết quả.
    #[command(flatten)]
    pub publish: PublishArgs,
    /// Cách soạn văn bản.
    #[command(flatten)]
    pub typeset: TypesetArgs,
    /// Cách đọc tệp.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `hoinghi watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Tệp cuộc họp (.yaml).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Thư mục ghi kết quả.
    #[arg(short, long, value_name = "OUT", default_value = "out")]
    pub out: PathBuf,
    /// Định dạng kết quả.
    #[command(flatten)]
    pub publish: PublishArgs,
    /// Cách soạn văn bản.
    #[command(flatten)]
    pub typeset: TypesetArgs,
    /// Cách đọc tệp.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Output formats, shared by `render` and `watch`.
#[derive(Debug, Clone, Args)]
pub struct PublishArgs {
    /// Định dạng, cách nhau bởi dấu phẩy: pdf (mặc định), html, md, txt (bài tin, để đăng báo điện tử), png (ảnh từng trang của mọi văn bản) và docx (tệp Word của mọi văn bản).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "pdf")]
    pub format: Vec<FormatArg>,
    /// html, md, txt: chỉ phần thân bài (không có tít), để dán vào trình soạn thảo của trang web.
    #[arg(long)]
    pub fragment: bool,
    /// png: độ phân giải, điểm ảnh mỗi inch.
    #[arg(long, value_name = "PPI", default_value_t = 144.0)]
    pub ppi: f32,
    /// html, md: cạnh dài nhất của ảnh đăng web, điểm ảnh.
    #[arg(long, value_name = "PX", default_value_t = 1600)]
    pub photo_size: u32,
}

/// An output format on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// PDF của mọi văn bản.
    Pdf,
    /// Bài tin dạng HTML, ảnh trong thư mục anh/ bên cạnh.
    Html,
    /// Bài tin dạng Markdown.
    Md,
    /// Bài tin dạng văn bản thuần.
    Txt,
    /// Ảnh PNG từng trang của mọi văn bản.
    Png,
    /// Tệp Word (.docx) của mọi văn bản, cùng chữ và bố cục như PDF.
    Docx,
}

/// A format of the printed documents (`batch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperFormatArg {
    /// PDF của mọi văn bản.
    Pdf,
    /// Tệp Word (.docx) của mọi văn bản.
    Docx,
}

/// How documents are typeset, shared by `render` and `batch`.
#[derive(Debug, Clone, Args)]
pub struct TypesetArgs {
    /// Thể thức văn bản, thay cho bloc.profile trong tệp: nd30 (Nhà nước) hoặc party (Đảng).
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    /// Thư mục chứa mẫu thay thế, từng tệp cùng tên với tệp trong templates/: mac-dinh.j2 (các câu chữ mặc định), <loại>.typ.j2 (từng văn bản), bai-tin.txt.j2, bai-tin.html.j2, bai-tin.md.j2, bai-tin.text.j2, hoinghi.typ.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Dùng phông Times New Roman của máy nếu có (mặc định: Liberation Serif nhúng sẵn).
    #[arg(long)]
    pub system_fonts: bool,
    /// Ghi PDF/A-2b để lưu trữ lâu dài.
    #[arg(long)]
    pub pdf_a: bool,
    /// Bản dự thảo: in chữ "DỰ THẢO" mờ trên mọi trang.
    #[arg(long)]
    pub draft: bool,
    /// Với --templates: thời gian tối đa soạn một tệp cuộc họp, tính bằng giây; quá thì dừng tệp đó và báo lỗi.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub time_limit: u64,
    /// Với --templates: bộ nhớ tối đa khi soạn một tệp cuộc họp, tính bằng MB; quá thì dừng tệp đó và báo lỗi.
    #[arg(long, value_name = "MB", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(64..=1_048_576))]
    pub memory_limit: u64,
}

/// `hoinghi batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Thư mục (tìm mọi tệp .yaml/.yml bên trong) hoặc tệp cuộc họp.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Thư mục ghi kết quả (giữ nguyên cấu trúc thư mục đầu vào).
    #[arg(short, long, value_name = "OUT", default_value = "out")]
    pub out: PathBuf,
    /// Số luồng soạn song song (mặc định: mọi lõi CPU).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Bộ nhớ (MB) dành cho các cuộc họp soạn cùng lúc: một cuộc họp lớn chờ đến khi đủ chỗ
    /// (phần của mỗi cuộc họp ước theo cỡ tệp; luôn có ít nhất một cuộc họp được soạn).
    #[arg(long, value_name = "MB", default_value_t = 1024)]
    pub memory_budget: u64,
    /// Dừng sau tệp lỗi đầu tiên.
    #[arg(long)]
    pub fail_fast: bool,
    /// Không hiện thanh tiến độ; chỉ in lỗi và bản tổng kết.
    #[arg(short, long)]
    pub quiet: bool,
    /// Định dạng, cách nhau bởi dấu phẩy: pdf (mặc định) và docx (tệp Word của mọi văn bản).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "pdf")]
    pub format: Vec<PaperFormatArg>,
    /// Cách soạn văn bản.
    #[command(flatten)]
    pub typeset: TypesetArgs,
    /// Cách đọc tệp.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `hoinghi check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Các tệp cuộc họp (.yaml).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Cách đọc tệp.
    #[command(flatten)]
    pub input: InputArgs,
}

/// A document kind on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocArg {
    /// Bản giao ước thi đua.
    GiaoUoc,
    /// Biên bản hội nghị.
    BienBan,
    /// Bài tin.
    BaiTin,
    /// Giấy mời (mỗi khách mời, mỗi đơn vị một giấy, và một tệp gộp để in).
    GiayMoi,
    /// Chương trình hội nghị.
    ChuongTrinh,
    /// Danh sách đại biểu dự hội nghị (ký tên).
    DanhSach,
    /// Biên bản kiểm phiếu.
    BienBanKiemPhieu,
    /// Tờ trình đề nghị khen thưởng.
    ToTrinh,
    /// Mọi loại tệp có đủ dữ liệu.
    All,
}

/// A tone-mark style on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ToneArg {
    /// Kiểu cũ: hòa, thủy, Ủy.
    Old,
    /// Kiểu mới: hoà, thuỷ, Uỷ.
    New,
}

/// `hoinghi init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Loại hội nghị của tệp mẫu.
    #[arg(long, value_enum, default_value_t = InitKind::KyKet)]
    pub kind: InitKind,
    /// Ghi tệp mẫu vào FILE (mặc định: in ra màn hình); không ghi đè tệp đã có.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Cho phép ghi đè FILE nếu tệp đã có.
    #[arg(long)]
    pub force: bool,
}

/// The kind of meeting of a starter file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitKind {
    /// Hội nghị ký kết giao ước thi đua (bản giao ước, biên bản, bài tin).
    KyKet,
    /// Hội nghị tổng kết công tác thi đua, khen thưởng, có bỏ phiếu và khen thưởng (biên bản, bài tin).
    TongKet,
    /// Hội nghị phát động thi đua và ký kết giao ước (bản giao ước, biên bản, bài tin).
    PhatDong,
}

/// A message language on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Tiếng Việt (default).
    Vi,
    /// English.
    En,
}

/// A byte encoding on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 (with or without BOM), or UTF-16 with BOM.
    Auto,
    /// Windows-1258, what Notepad on a Vietnamese Windows calls "ANSI".
    Cp1258,
}

/// A format profile on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// Nghị định 30/2020/NĐ-CP: Quốc hiệu and Tiêu ngữ, `TM.`/`KT.` prefixes.
    Nd30,
    /// Hướng dẫn 36-HD/VPTW: `ĐẢNG CỘNG SẢN VIỆT NAM`, `T/M`/`K/T` prefixes.
    Party,
}
