//! Whether an image file is safe to typeset.
//!
//! Photos come from whoever wrote the meeting file and are hostile input: a few bytes can
//! claim billions of pixels (Typst's decoder then aborts the whole process on the failed
//! allocation), a cut-off JPEG is drawn as grey blocks, a text file can be named `.png`.
//! [`inspect`] reads at most [`MAX_BYTES`] + 1 bytes, recognises the format from the bytes,
//! reads the size from the header and refuses it against [`MAX_SIDE`] and [`MAX_PIXELS`]
//! before anything is decoded, then decodes the whole image under [`image::Limits`] so that
//! a corrupt or truncated file is refused here, with a message naming the photo, rather than
//! inside Typst. SVG is only checked for size, UTF-8, well-formed XML and the absence of
//! embedded raster images (which would bypass these checks).

pub mod png_chunks;
pub mod webp_chunks;

use std::fmt;
use std::io::{self, Cursor};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use image::{ImageError, ImageReader, Limits};

use crate::diag::{Problem, Text};

/// Most pixels an image may have: 50 million fits any camera photo (a 48 MP phone takes
/// 8000 × 6000) and decodes in about 200 MB.
pub const MAX_PIXELS: u64 = 50_000_000;

/// Most pixels of all the photos of one meeting together (100 million: eight 12 MP camera
/// photos, or two 48 MP ones): each is decoded to be checked, typeset and scaled for the web,
/// so this bounds the time and memory a meeting's photos cost.
pub const MAX_MEETING_PIXELS: u64 = 100_000_000;

/// Longest side, in pixels.
pub const MAX_SIDE: u32 = 20_000;

/// Largest image file, in bytes (30 MiB).
pub const MAX_BYTES: u64 = 30 * 1024 * 1024;

/// Largest SVG file, in bytes (2 MiB).
pub const MAX_SVG_BYTES: u64 = 2 * 1024 * 1024;

/// Most bytes one decode may allocate: four bytes for each of [`MAX_PIXELS`] pixels, and
/// some slack for the decoders' own buffers.
pub const MAX_ALLOC: u64 = MAX_PIXELS * 4 + 64 * 1024 * 1024;

/// An image format Typst can place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF (the first frame is placed).
    Gif,
    /// WebP.
    WebP,
    /// SVG (vector).
    Svg,
}

impl Format {
    /// The format's usual name: `PNG`, `JPEG`, …
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
            Format::Gif => "GIF",
            Format::WebP => "WebP",
            Format::Svg => "SVG",
        }
    }

    /// The file name extension for this format (lower case, without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Gif => "gif",
            Format::WebP => "webp",
            Format::Svg => "svg",
        }
    }

    /// The format a file name extension stands for (any case), as Typst reads it.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "png" => Some(Format::Png),
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "gif" => Some(Format::Gif),
            "webp" => Some(Format::WebP),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    fn codec(self) -> Option<image::ImageFormat> {
        match self {
            Format::Png => Some(image::ImageFormat::Png),
            Format::Jpeg => Some(image::ImageFormat::Jpeg),
            Format::Gif => Some(image::ImageFormat::Gif),
            Format::WebP => Some(image::ImageFormat::WebP),
            Format::Svg => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What [`inspect`] found in an image that is safe to typeset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// Width in pixels (0 for SVG, which has no pixel size).
    pub width: u32,
    /// Height in pixels (0 for SVG).
    pub height: u32,
    /// The format, recognised from the bytes.
    pub format: Format,
}

/// Why an image file cannot be typeset.
#[derive(Debug, Clone)]
pub enum ImageProblem {
    /// The file does not exist.
    NotFound,
    /// The file cannot be read (permissions, I/O error).
    Unreadable(Arc<io::Error>),
    /// The path is a folder.
    Folder,
    /// Not a regular file: a device, a pipe (FIFO) or a socket, never read.
    NotRegular,
    /// The file is bigger than `limit` bytes ([`MAX_BYTES`], or [`MAX_SVG_BYTES`] for SVG).
    TooLarge {
        /// The file's size in bytes, as far as it was read.
        bytes: u64,
        /// The limit it exceeds.
        limit: u64,
    },
    /// Not a PNG, JPEG, GIF, WebP or SVG file.
    UnknownFormat,
    /// The header claims a side of 0 or above [`MAX_SIDE`], or more than [`MAX_PIXELS`]
    /// pixels.
    TooManyPixels {
        /// Width claimed by the header.
        width: u32,
        /// Height claimed by the header.
        height: u32,
    },
    /// Within the pixel limits, but decoding would need more than [`MAX_ALLOC`] bytes
    /// (16 bits per channel, or a GIF frame bigger than its canvas).
    TooMuchMemory {
        /// Width claimed by the header.
        width: u32,
        /// Height claimed by the header.
        height: u32,
    },
    /// The bytes are of one format, the file name's extension says another (Typst goes by
    /// the extension and would fail).
    WrongExtension {
        /// The format of the bytes.
        format: Format,
        /// The extension of the file name, as written.
        extension: String,
    },
    /// An SVG that embeds or links raster images, which would escape these checks.
    SvgWithImages,
    /// An SVG drawing asked for on the web (`--format html|md`), where only photos are
    /// published.
    SvgOnWeb,
    /// The file is damaged or incomplete; the detail says where.
    Corrupt(Text),
    /// A PNG whose colour profile or texts inflate past their bounds, or with too many
    /// chunks (a decompression bomb): refused before anything decodes it.
    HeavyChunks(png_chunks::Excess),
}

impl From<io::Error> for ImageProblem {
    fn from(e: io::Error) -> ImageProblem {
        if e.kind() == io::ErrorKind::NotFound {
            ImageProblem::NotFound
        } else {
            ImageProblem::Unreadable(Arc::new(e))
        }
    }
}

impl ImageProblem {
    /// What is wrong, naming the photo as `file` (as written in the meeting file).
    pub fn message(&self, file: &str) -> Text {
        match self {
            ImageProblem::NotFound => text!("không tìm thấy ảnh {file}", "photo {file} not found"),
            ImageProblem::Unreadable(e) => text!(
                "không đọc được ảnh {file}: {}",
                "cannot read the photo {file}: {}",
                e
            ),
            ImageProblem::Folder => text!(
                "{file} là một thư mục, không phải tệp ảnh",
                "{file} is a folder, not a photo"
            ),
            ImageProblem::NotRegular => text!(
                "ảnh {file} không phải tệp thường (mà là thiết bị hay đường ống); không đọc",
                "the photo {file} is not a regular file (it is a device or a pipe); not read"
            ),
            ImageProblem::TooLarge { bytes, limit } => {
                let (size_vi, size_en) = megabytes(*bytes);
                let (limit_vi, limit_en) = megabytes(*limit);
                Text::new(
                    format!("ảnh {file} nặng {size_vi}, vượt giới hạn {limit_vi}"),
                    format!("the photo {file} is {size_en}, above the limit of {limit_en}"),
                )
            }
            ImageProblem::UnknownFormat => text!(
                "tệp {file} không phải ảnh PNG, JPEG, GIF, WebP hay SVG",
                "{file} is not a PNG, JPEG, GIF, WebP or SVG image"
            ),
            ImageProblem::TooManyPixels { width, height } => too_many_pixels(file, *width, *height),
            ImageProblem::TooMuchMemory { width, height } => text!(
                "ảnh {file} ({} × {} điểm ảnh) cần quá nhiều bộ nhớ để giải mã (ảnh 16 bit mỗi kênh màu?)",
                "the photo {file} ({} × {} pixels) needs too much memory to decode (16 bits per channel?)",
                width,
                height
            ),
            ImageProblem::WrongExtension { format, extension } => text!(
                "tệp {file} là ảnh {} nhưng có đuôi .{extension}",
                "{file} is a {} image but its name ends in .{extension}",
                format
            ),
            ImageProblem::SvgWithImages => text!(
                "ảnh SVG {file} chứa ảnh điểm (raster) nhúng hoặc liên kết bên trong",
                "the SVG {file} embeds or links raster images"
            ),
            ImageProblem::SvgOnWeb => text!(
                "{file} là hình vẽ SVG: bài đăng web (html, md) chỉ nhận ảnh PNG, JPEG, GIF hoặc WebP",
                "{file} is an SVG drawing: the web article (html, md) takes PNG, JPEG, GIF or WebP photos only"
            ),
            ImageProblem::HeavyChunks(excess) => heavy_chunks(file, *excess),
            ImageProblem::Corrupt(detail) => Text::new(
                format!(
                    "ảnh {file} bị hỏng hoặc không đầy đủ (tệp bị cắt cụt?): {}",
                    detail.vi
                ),
                format!(
                    "the photo {file} is damaged or incomplete (cut off?): {}",
                    detail.en
                ),
            ),
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> Text {
        match self {
            ImageProblem::NotFound => text!(
                "đường dẫn tính từ thư mục chứa tệp cuộc họp, ví dụ photos/ky-ket.jpg",
                "the path is relative to the meeting file's folder, e.g. photos/ky-ket.jpg"
            ),
            ImageProblem::Unreadable(_) => text!(
                "kiểm tra tệp ảnh có mở được không và có quyền đọc; chép lại ảnh nếu cần",
                "check that the photo opens and can be read; copy it again if needed"
            ),
            ImageProblem::Folder | ImageProblem::NotRegular => text!(
                "chỉ đọc tệp ảnh thông thường lưu trên đĩa; ghi đường dẫn tới chính tệp ảnh, ví dụ photos/ky-ket.jpg",
                "only ordinary image files saved on disk are read; give the path of the photo file itself, e.g. photos/ky-ket.jpg"
            ),
            ImageProblem::TooLarge { .. } | ImageProblem::TooManyPixels { .. } => text!(
                "hãy thu nhỏ ảnh (ví dụ cạnh dài 1600–4000 điểm ảnh) rồi lưu lại dạng JPEG",
                "scale the photo down (e.g. 1600–4000 pixels on the long side) and save it as JPEG"
            ),
            ImageProblem::HeavyChunks(_) => text!(
                "mở ảnh bằng phần mềm chỉnh ảnh rồi lưu lại dạng JPEG (không kèm hồ sơ màu hay thông tin phụ)",
                "open the photo in an image editor and save it again as JPEG (without a colour profile or extra data)"
            ),
            ImageProblem::TooMuchMemory { .. } => text!(
                "mở ảnh bằng phần mềm chỉnh ảnh rồi lưu lại dạng JPEG, hoặc PNG 8 bit",
                "open the photo in an image editor and save it as JPEG, or as 8-bit PNG"
            ),
            ImageProblem::UnknownFormat => text!(
                "mở tệp bằng phần mềm xem ảnh rồi lưu lại dạng JPEG hoặc PNG",
                "open the file in an image viewer and save it as JPEG or PNG"
            ),
            ImageProblem::WrongExtension { format, .. } => text!(
                "đổi đuôi tên tệp thành .{} (và sửa tên tệp trong tệp cuộc họp cho khớp)",
                "rename the file to end in .{} (and change its name in the meeting file too)",
                format.extension()
            ),
            ImageProblem::SvgWithImages => text!(
                "dùng trực tiếp ảnh PNG hoặc JPEG thay cho tệp SVG này",
                "use the PNG or JPEG photo itself instead of this SVG"
            ),
            ImageProblem::SvgOnWeb => text!(
                "xuất hình vẽ ra PNG hoặc JPEG rồi dùng tệp đó cho bài đăng web",
                "export the drawing as PNG or JPEG and use that file for the web article"
            ),
            ImageProblem::Corrupt(_) => text!(
                "chép lại ảnh từ máy ảnh hoặc điện thoại, hoặc mở ảnh rồi lưu lại dạng JPEG",
                "copy the photo again from the camera or phone, or open it and save it again as JPEG"
            ),
        }
    }

    /// The error at field `path` about the photo written `file`, with its hint.
    pub fn problem(&self, path: &str, file: &str) -> Problem {
        Problem::error(path, self.message(file)).hint(self.hint())
    }
}

/// Decides whether the file at `path` is an image Typst can place safely, reading at most
/// [`MAX_BYTES`] + 1 bytes and decoding at most [`MAX_PIXELS`] pixels.
pub fn inspect(path: &Path) -> Result<ImageInfo, ImageProblem> {
    inspect_bytes(&read_bounded(path)?)
}

/// The bytes of the regular file at `path`, never more than [`MAX_BYTES`] of them (whatever
/// its metadata says): a bigger file is [`ImageProblem::TooLarge`]; a folder, a device or a
/// pipe is refused without reading it (the type is checked on the opened file).
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, ImageProblem> {
    use crate::read::ReadError;
    crate::read::read_bounded(path, MAX_BYTES).map_err(|e| match e {
        ReadError::Io(e) => e.into(),
        ReadError::Folder => ImageProblem::Folder,
        ReadError::NotRegular => ImageProblem::NotRegular,
        ReadError::TooLarge { len } => ImageProblem::TooLarge {
            bytes: len.unwrap_or(MAX_BYTES + 1),
            limit: MAX_BYTES,
        },
    })
}

/// A photo sent whole (dragged into a web form) checked as `render` checks the photos it
/// places: the file extension its format takes (`jpg`), its width and height in pixels; or the
/// problem with the photo called `name`, at `field`.
pub fn check_photo(
    data: &[u8],
    field: &str,
    name: &str,
) -> Result<(&'static str, u32, u32), Problem> {
    if data.len() as u64 > MAX_BYTES {
        let problem = ImageProblem::TooLarge {
            bytes: data.len() as u64,
            limit: MAX_BYTES,
        };
        return Err(problem.problem(field, name));
    }
    let info = inspect_bytes(data).map_err(|p| p.problem(field, name))?;
    Ok((info.format.extension(), info.width, info.height))
}

/// [`inspect`] on bytes already read.
pub fn inspect_bytes(data: &[u8]) -> Result<ImageInfo, ImageProblem> {
    decode_checked(data).map(|(info, _)| info)
}

/// The checks of [`inspect_bytes`], then the decoded pixels with the EXIF orientation the file
/// asks for (none for SVG, which has no pixels).
fn decode_checked(
    data: &[u8],
) -> Result<
    (
        ImageInfo,
        Option<(image::DynamicImage, image::metadata::Orientation)>,
    ),
    ImageProblem,
> {
    use image::ImageDecoder;
    if data.len() as u64 > MAX_BYTES {
        return Err(ImageProblem::TooLarge {
            bytes: data.len() as u64,
            limit: MAX_BYTES,
        });
    }
    let format = detect(data).ok_or(ImageProblem::UnknownFormat)?;
    if format == Format::Png {
        // Before any decoder inflates a colour profile or a text without bound.
        png_chunks::check(data).map_err(ImageProblem::HeavyChunks)?;
    }
    if format == Format::WebP {
        // Before a decoder allocates what a chunk claims.
        webp_chunks::check(data).map_err(ImageProblem::Corrupt)?;
    }
    let Some(codec) = format.codec() else {
        check_svg(data)?;
        let info = ImageInfo {
            width: 0,
            height: 0,
            format,
        };
        return Ok((info, None));
    };
    // The header only: no pixel buffer is allocated yet.
    let (width, height) = reader(data, codec, header_limits())
        .into_dimensions()
        .map_err(|e| decode_problem(e, 0, 0))?;
    check_dimensions(width, height)?;
    if format == Format::Jpeg {
        // The JPEG decoder draws what is missing in grey instead of failing.
        jpeg_complete(data).map_err(ImageProblem::Corrupt)?;
    }
    let mut decoder = reader(data, codec, decode_limits())
        .into_decoder()
        .map_err(|e| decode_problem(e, width, height))?;
    // As `ImageReader::decode` does: refuse a pixel buffer bigger than the limits allow.
    decode_limits()
        .reserve(decoder.total_bytes())
        .map_err(|e| decode_problem(e, width, height))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let picture =
        image::DynamicImage::from_decoder(decoder).map_err(|e| decode_problem(e, width, height))?;
    let info = ImageInfo {
        width,
        height,
        format,
    };
    Ok((info, Some((picture, orientation))))
}

/// Refuses an image whose file name `file` (as Typst will be given it) has the extension of
/// another format than its bytes: Typst picks the decoder by the extension.
pub fn check_extension(file: &str, info: &ImageInfo) -> Result<(), ImageProblem> {
    let extension = Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    match Format::from_extension(extension) {
        Some(format) if format == info.format => Ok(()),
        _ => Err(ImageProblem::WrongExtension {
            format: info.format,
            extension: extension.to_owned(),
        }),
    }
}

/// Refuses a size with a zero or too long side or too many pixels.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), ImageProblem> {
    if width == 0
        || height == 0
        || width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(ImageProblem::TooManyPixels { width, height });
    }
    Ok(())
}

/// The format of `data` from its first bytes.
pub fn detect(data: &[u8]) -> Option<Format> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if data.starts_with(b"GIF87a") || data.starts_with(b"GIF89a") {
        Some(Format::Gif)
    } else if data.len() >= 12 && data.starts_with(b"RIFF") && &data[8..12] == b"WEBP" {
        Some(Format::WebP)
    } else if looks_like_svg(data) {
        Some(Format::Svg)
    } else {
        None
    }
}

fn looks_like_svg(data: &[u8]) -> bool {
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let start = data
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(data.len());
    let data = &data[start..];
    (data.starts_with(b"<?xml") || data.starts_with(b"<svg") || data.starts_with(b"<!"))
        && data.windows(4).any(|w| w == b"<svg")
}

fn check_svg(data: &[u8]) -> Result<(), ImageProblem> {
    if data.len() as u64 > MAX_SVG_BYTES {
        return Err(ImageProblem::TooLarge {
            bytes: data.len() as u64,
            limit: MAX_SVG_BYTES,
        });
    }
    let text = std::str::from_utf8(data).map_err(|e| {
        ImageProblem::Corrupt(text!(
            "tệp SVG không phải văn bản UTF-8 (byte thứ {})",
            "the SVG is not UTF-8 text (at byte {})",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // As Typst's SVG reader (usvg) parses it.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        ImageProblem::Corrupt(text!(
            "tệp SVG không đúng cú pháp XML ({})",
            "the SVG is not well-formed XML ({})",
            e
        ))
    })?;
    let root = doc.root_element().tag_name();
    if root.name() != "svg" {
        return Err(ImageProblem::UnknownFormat);
    }
    if root.namespace() != Some("http://www.w3.org/2000/svg") {
        // Typst's SVG reader refuses it.
        return Err(ImageProblem::Corrupt(text!(
            "tệp SVG thiếu khai báo xmlns=\"http://www.w3.org/2000/svg\"",
            "the SVG lacks xmlns=\"http://www.w3.org/2000/svg\""
        )));
    }
    if doc
        .descendants()
        .any(|n| matches!(n.tag_name().name(), "image" | "feImage"))
    {
        return Err(ImageProblem::SvgWithImages);
    }
    Ok(())
}

fn reader(data: &[u8], codec: image::ImageFormat, limits: Limits) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(data), codec);
    reader.limits(limits);
    reader
}

/// For reading the header: no size limit (so the size can be reported), bounded memory.
fn header_limits() -> Limits {
    let mut limits = Limits::no_limits();
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// For decoding: the side and memory limits.
fn decode_limits() -> Limits {
    let mut limits = header_limits();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits
}

fn decode_problem(e: ImageError, width: u32, height: u32) -> ImageProblem {
    match e {
        ImageError::Limits(_) if width > 0 && height > 0 => {
            ImageProblem::TooMuchMemory { width, height }
        }
        ImageError::IoError(e) if e.kind() != io::ErrorKind::UnexpectedEof => {
            ImageProblem::Unreadable(Arc::new(e))
        }
        e => ImageProblem::Corrupt(text!(
            "bộ giải mã ảnh báo \"{}\"",
            "the image decoder says \"{}\"",
            e
        )),
    }
}

/// Walks a JPEG's segments and scans up to its end-of-image marker; `Err` when the file
/// stops first (the decoder would draw the missing part grey without a word).
fn jpeg_complete(data: &[u8]) -> Result<(), Text> {
    let truncated = || {
        text!(
            "tệp dừng trước dấu kết thúc ảnh JPEG",
            "the file ends before the JPEG's end-of-image marker"
        )
    };
    let mut i = 2; // after SOI
    loop {
        // Bytes before a marker are tolerated, as decoders do; 0xFF may repeat as fill.
        while i < data.len() && data[i] != 0xFF {
            i += 1;
        }
        while i < data.len() && data[i] == 0xFF {
            i += 1;
        }
        let Some(&marker) = data.get(i) else {
            return Err(truncated());
        };
        i += 1;
        match marker {
            0xD9 => return Ok(()),
            0x00 | 0x01 | 0xD0..=0xD8 => continue,
            _ => {}
        }
        let Some(len) = data.get(i..i + 2) else {
            return Err(truncated());
        };
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        if len < 2 {
            return Err(text!(
                "đoạn dữ liệu JPEG có độ dài sai",
                "a JPEG segment has an impossible length"
            ));
        }
        i += len;
        if i > data.len() {
            return Err(truncated());
        }
        if marker == 0xDA {
            // Entropy-coded data: runs to the next 0xFF not followed by 0x00 or a restart.
            loop {
                while i < data.len() && data[i] != 0xFF {
                    i += 1;
                }
                match data.get(i + 1) {
                    None => return Err(truncated()),
                    Some(0x00 | 0xD0..=0xD7) => i += 2,
                    Some(_) => break,
                }
            }
        }
    }
}

/// The message for [`ImageProblem::TooManyPixels`]: a zero side, too many pixels or too long a
/// side, naming the photo `file`.
fn too_many_pixels(file: &str, w: u32, h: u32) -> Text {
    let (count_vi, count_en) = count(u64::from(w) * u64::from(h));
    let (max_vi, max_en) = count(MAX_PIXELS);
    if w == 0 || h == 0 {
        text!(
            "ảnh {file} khai báo kích thước {w} × {h} điểm ảnh, không thể in",
            "the photo {file} claims a size of {w} × {h} pixels and cannot be printed"
        )
    } else if u64::from(w) * u64::from(h) > MAX_PIXELS {
        Text::new(
            format!(
                "ảnh {file} khai báo kích thước {w} × {h} điểm ảnh ({count_vi}), vượt giới hạn {max_vi} điểm ảnh"
            ),
            format!(
                "the photo {file} claims {w} × {h} pixels ({count_en}), above the limit of {max_en} pixels"
            ),
        )
    } else {
        text!(
            "ảnh {file} khai báo kích thước {w} × {h} điểm ảnh, cạnh dài vượt giới hạn {} điểm ảnh",
            "the photo {file} claims {w} × {h} pixels, its long side above the limit of {} pixels",
            MAX_SIDE
        )
    }
}

/// What is wrong with a PNG's chunks ([`ImageProblem::HeavyChunks`]), naming the photo `file`.
fn heavy_chunks(file: &str, excess: png_chunks::Excess) -> Text {
    use png_chunks::{Excess, MAX_ICC_BYTES, MAX_METADATA_BYTES, MAX_OTHER_CHUNKS};
    match excess {
        Excess::Profile => {
            let (vi, en) = megabytes(MAX_ICC_BYTES as u64);
            text!(
                "ảnh {file} có hồ sơ màu (khối iCCP) giải nén ra hơn {vi}, quá lớn đối với một ảnh; không mở ảnh này",
                "the photo {file} has a colour profile (iCCP chunk) that inflates to more than {en}, too much for a photo; not opened"
            )
        }
        Excess::Metadata(kind) => {
            let kind = String::from_utf8_lossy(&kind).into_owned();
            let (vi, en) = megabytes(MAX_METADATA_BYTES as u64);
            text!(
                "ảnh {file} có phần chữ và thông tin kèm theo (khối {kind}) giải nén ra hơn {vi}, quá lớn đối với một ảnh; không mở ảnh này",
                "the photo {file} has texts and metadata (chunk {kind}) that inflate to more than {en}, too much for a photo; not opened"
            )
        }
        Excess::Chunks => text!(
            "ảnh {file} có hơn {MAX_OTHER_CHUNKS} khối dữ liệu phụ, quá nhiều đối với một ảnh; không mở ảnh này",
            "the photo {file} has more than {MAX_OTHER_CHUNKS} extra chunks, too many for a photo; not opened"
        ),
    }
}

/// A byte count in megabytes, in Vietnamese (`31,5 MB`) and English (`31.5 MB`).
fn megabytes(bytes: u64) -> (String, String) {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let vi = crate::vietnamese::decimal(mb, 1);
    let vi = vi.strip_suffix(",0").unwrap_or(&vi).to_owned();
    let en = format!("{mb:.1}");
    let en = en.strip_suffix(".0").unwrap_or(&en).to_owned();
    (format!("{vi} MB"), format!("{en} MB"))
}

/// A large count in words: `6,4 tỷ` / `6.4 billion`, `50 triệu` / `50 million`; smaller
/// ones grouped (`120.000` / `120,000`).
fn count(n: u64) -> (String, String) {
    let scaled = |unit: u64| {
        let x = n as f64 / unit as f64;
        let vi = crate::vietnamese::decimal(x, 1);
        let vi = vi.strip_suffix(",0").unwrap_or(&vi).to_owned();
        let en = format!("{x:.1}");
        let en = en.strip_suffix(".0").unwrap_or(&en).to_owned();
        (vi, en)
    };
    if n >= 1_000_000_000 {
        let (vi, en) = scaled(1_000_000_000);
        (format!("{vi} tỷ"), format!("{en} billion"))
    } else if n >= 1_000_000 {
        let (vi, en) = scaled(1_000_000);
        (format!("{vi} triệu"), format!("{en} million"))
    } else {
        let vi = crate::vietnamese::group_int(n as i64);
        (vi.clone(), vi.replace('.', ","))
    }
}

/// Decodes the raster image `data` (checked as [`inspect_bytes`] does, in the same single
/// decode) and turns it upright as its EXIF orientation says. The pixels only: no EXIF,
/// location or camera data survives. SVG has no pixels: [`ImageProblem::SvgOnWeb`].
pub fn decode_upright(data: &[u8]) -> Result<image::DynamicImage, ImageProblem> {
    let (_, decoded) = decode_checked(data)?;
    let (mut picture, orientation) = decoded.ok_or(ImageProblem::SvgOnWeb)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

/// Image formats Typst can place.
pub const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp"];

/// Resolves an image path relative to `dir`, refusing anything outside `dir` (symlinks
/// included), missing, or not an image.
pub fn confined_image(dir: &Path, file: &str) -> Result<PathBuf, Problem> {
    let ext = Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
        return Err(Problem::error(
            "",
            text!(
                "\"{file}\" không phải tệp ảnh (chỉ nhận png, jpg, jpeg, gif, svg, webp)",
                "\"{file}\" is not an image (png, jpg, jpeg, gif, svg, webp only)"
            ),
        ));
    }
    let outside = || {
        Problem::error(
            "",
            text!(
                "ảnh \"{file}\" nằm ngoài thư mục của tệp cuộc họp",
                "the photo \"{file}\" is outside the meeting file's folder"
            ),
        )
        .hint(text!(
            "chép ảnh vào thư mục của tệp cuộc họp (hoặc thư mục con) và ghi đường dẫn tương đối",
            "copy the photo into the meeting file's folder (or a subfolder) and give a relative path"
        ))
    };
    if escapes(Path::new(file)) {
        return Err(outside());
    }
    let root = dir.canonicalize().map_err(|_| missing_photo(file))?;
    let full = root
        .join(file)
        .canonicalize()
        .map_err(|_| missing_photo(file))?;
    if !full.starts_with(&root) {
        return Err(outside());
    }
    // The type again where the file is read, on the opened handle (it may change meanwhile).
    let meta = std::fs::metadata(&full).map_err(|_| missing_photo(file))?;
    if meta.is_dir() {
        return Err(ImageProblem::Folder.problem("", file));
    }
    if !meta.is_file() {
        return Err(ImageProblem::NotRegular.problem("", file));
    }
    Ok(full)
}

/// Whether a relative path leaves its folder by itself (absolute, or more `..` than depth).
fn escapes(path: &Path) -> bool {
    use std::path::Component;
    let mut depth = 0i32;
    for c in path.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => return true,
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

fn missing_photo(file: &str) -> Problem {
    Problem::error(
        "",
        text!(
            "không tìm thấy ảnh \"{file}\"",
            "photo \"{file}\" not found"
        ),
    )
    .hint(text!(
        "đường dẫn tính từ thư mục chứa tệp cuộc họp, ví dụ photos/ky-ket.jpg",
        "the path is relative to the meeting file's folder, e.g. photos/ky-ket.jpg"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimension_limits() {
        assert!(check_dimensions(8000, 6000).is_ok());
        assert!(check_dimensions(1, 1).is_ok());
        assert!(check_dimensions(MAX_SIDE, 2500).is_ok());
        assert!(check_dimensions(7071, 7071).is_ok());
        for (w, h) in [
            (0, 100),
            (100, 0),
            (MAX_SIDE + 1, 1),
            (1, MAX_SIDE + 1),
            (7072, 7072),
            (80_000, 80_000),
            (u32::MAX, u32::MAX),
        ] {
            assert!(
                matches!(
                    check_dimensions(w, h),
                    Err(ImageProblem::TooManyPixels { width, height }) if (width, height) == (w, h)
                ),
                "{w} × {h}"
            );
        }
    }

    #[test]
    fn messages_name_the_photo_and_the_numbers() {
        let m = ImageProblem::TooManyPixels {
            width: 80_000,
            height: 80_000,
        }
        .message("photos/x.png");
        assert_eq!(
            m.vi,
            "ảnh photos/x.png khai báo kích thước 80000 × 80000 điểm ảnh (6,4 tỷ), vượt giới hạn 50 triệu điểm ảnh"
        );
        assert!(
            m.en.contains("6.4 billion") && m.en.contains("50 million"),
            "{}",
            m.en
        );
        let m = ImageProblem::Corrupt(text!("chi tiết", "detail")).message("a.jpg");
        assert!(m.vi.ends_with(": chi tiết"), "{}", m.vi);
        assert!(m.en.ends_with(": detail"), "{}", m.en);
        let m = ImageProblem::TooLarge {
            bytes: 33 * 1024 * 1024 + 512 * 1024,
            limit: MAX_BYTES,
        }
        .message("a.png");
        assert_eq!(m.vi, "ảnh a.png nặng 33,5 MB, vượt giới hạn 30 MB");
    }

    #[test]
    fn formats_are_recognised_from_bytes() {
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n...."), Some(Format::Png));
        assert_eq!(detect(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Format::Jpeg));
        assert_eq!(detect(b"GIF89a"), Some(Format::Gif));
        assert_eq!(detect(b"RIFF\0\0\0\0WEBPVP8 "), Some(Format::WebP));
        assert_eq!(
            detect(b"\xEF\xBB\xBF <?xml version=\"1.0\"?><svg/>"),
            Some(Format::Svg)
        );
        assert_eq!(detect(b"hello, I am text"), None);
        assert_eq!(detect(b"<html><svg></svg></html>"), None);
    }

    #[test]
    fn svg_is_parsed_and_embedded_images_refused() {
        let ok = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>"#;
        assert!(inspect_bytes(ok).is_ok());
        let broken = br#"<svg xmlns="http://www.w3.org/2000/svg"><rect>"#;
        assert!(matches!(
            inspect_bytes(broken),
            Err(ImageProblem::Corrupt(_))
        ));
        let embedded = br#"<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,AAAA"/></svg>"#;
        assert!(matches!(
            inspect_bytes(embedded),
            Err(ImageProblem::SvgWithImages)
        ));
    }

    #[test]
    fn a_jpeg_without_its_end_marker_is_incomplete() {
        let mut jpeg = Vec::new();
        image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]))
            .write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
            .unwrap();
        assert!(jpeg_complete(&jpeg).is_ok());
        assert!(inspect_bytes(&jpeg).is_ok());
        assert!(jpeg_complete(&jpeg[..jpeg.len() / 2]).is_err());
        assert!(matches!(
            inspect_bytes(&jpeg[..jpeg.len() / 2]),
            Err(ImageProblem::Corrupt(_))
        ));
    }

    fn encoded(img: image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
        let mut bytes = Vec::new();
        img.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
        bytes
    }

    fn sample() -> image::DynamicImage {
        image::RgbaImage::from_fn(97, 61, |x, y| {
            image::Rgba([(x * 2) as u8, (y * 4) as u8, ((x * y) % 251) as u8, 255])
        })
        .into()
    }

    #[test]
    fn every_raster_format_passes_whole_and_fails_cut_in_half() {
        for (format, codec) in [
            (Format::Png, image::ImageFormat::Png),
            (Format::Jpeg, image::ImageFormat::Jpeg),
            (Format::Gif, image::ImageFormat::Gif),
            (Format::WebP, image::ImageFormat::WebP),
        ] {
            let img = if codec == image::ImageFormat::Jpeg {
                image::DynamicImage::ImageRgb8(sample().to_rgb8())
            } else {
                sample()
            };
            let bytes = encoded(img, codec);
            let info = inspect_bytes(&bytes).unwrap_or_else(|e| panic!("{format}: {e:?}"));
            assert_eq!((info.width, info.height, info.format), (97, 61, format));
            let half = &bytes[..bytes.len() / 2];
            assert!(
                matches!(inspect_bytes(half), Err(ImageProblem::Corrupt(_))),
                "{format} cut in half: {:?}",
                inspect_bytes(half)
            );
        }
    }

    #[test]
    fn a_gif_frame_bigger_than_its_screen_is_refused() {
        // 10 × 10 screen, one 60000 × 60000 frame.
        let mut gif = b"GIF89a".to_vec();
        gif.extend([10, 0, 10, 0, 0, 0, 0]);
        gif.extend([0x2C, 0, 0, 0, 0, 0x60, 0xEA, 0x60, 0xEA, 0]);
        gif.extend([0x02, 0x02, 0x4C, 0x01, 0x00, 0x3B]);
        assert!(inspect_bytes(&gif).is_err());
    }

    #[test]
    fn big_files_and_non_files_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.png");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_BYTES + 1)
            .unwrap();
        assert!(matches!(
            inspect(&big),
            Err(ImageProblem::TooLarge { bytes, limit: MAX_BYTES }) if bytes == MAX_BYTES + 1
        ));
        assert!(matches!(inspect(dir.path()), Err(ImageProblem::Folder)));
        assert!(matches!(
            inspect(Path::new("/dev/zero")),
            Err(ImageProblem::NotRegular)
        ));
        assert!(matches!(
            inspect(&dir.path().join("none.png")),
            Err(ImageProblem::NotFound)
        ));
    }
}
