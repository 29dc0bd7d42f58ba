//! Bytes to text: BOMs, UTF-16, Windows-1258, then NFC.
//!
//! A clerk's file may come from Notepad ("ANSI" = Windows-1258 on a Vietnamese Windows), from
//! Word (UTF-16 with BOM) or from macOS (decomposed tone marks). Everything leaves this module
//! as NFC UTF-8 text, or as one [`Problem`] saying where the first undecodable byte is.

use crate::diag::{Pos, Problem};
use crate::legacy;
use crate::text;

/// How to read the bytes of a meeting file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without BOM), or UTF-16 with BOM.
    #[default]
    Auto,
    /// Windows-1258, what Notepad on a Vietnamese Windows calls "ANSI".
    Cp1258,
}

/// Decodes `bytes` to NFC text.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, Problem> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest, 3)?
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
        if had_errors {
            return Err(Problem::error(
                "",
                text!(
                    "tệp bắt đầu bằng dấu BOM UTF-16 nhưng nội dung không phải UTF-16 hợp lệ",
                    "the file starts with a UTF-16 byte order mark but is not valid UTF-16"
                ),
            )
            .hint(text!(
                "lưu lại tệp với bảng mã UTF-8 (Notepad: Save As → Encoding: UTF-8)",
                "save the file again as UTF-8 (Notepad: Save As → Encoding: UTF-8)"
            )));
        }
        text.into_owned()
    } else if encoding == Encoding::Cp1258 {
        legacy::decode_cp1258(bytes)
    } else {
        utf8(bytes, 0)?
    };
    Ok(crate::text::to_nfc(&text))
}

fn utf8(bytes: &[u8], offset: usize) -> Result<String, Problem> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let col = text::char_count_lossy(&good[line_start..]) + 1;
            let byte = offset + e.valid_up_to();
            let mut problem = Problem::error(
                "",
                text!(
                    "tệp không phải UTF-8: byte thứ {byte} (0x{:02X}, dòng {line}) không đọc được",
                    "the file is not UTF-8: byte {byte} (0x{:02X}, line {line}) cannot be read",
                    bytes[e.valid_up_to()]
                ),
            )
            .at(Some(Pos { line, col }));
            problem = if legacy::looks_like_cp1258(bytes) {
                problem.hint(text!(
                    "tệp có vẻ được lưu bằng bảng mã Windows-1258 (\"ANSI\" trong Notepad); chạy lại với --encoding cp1258, hoặc lưu lại tệp với bảng mã UTF-8",
                    "the file looks like Windows-1258 (\"ANSI\" in Notepad); run again with --encoding cp1258, or save the file as UTF-8"
                ))
            } else {
                problem.hint(text!(
                    "lưu lại tệp với bảng mã UTF-8 (Notepad: Save As → Encoding: UTF-8)",
                    "save the file again as UTF-8 (Notepad: Save As → Encoding: UTF-8)"
                ))
            };
            Err(problem)
        }
    }
}
