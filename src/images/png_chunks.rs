//! A PNG's chunks other than its pixels, bounded before anything decodes it.
//!
//! The pixel limits say nothing of the chunks around the pixels: a colour profile (`iCCP`) or
//! a text (`zTXt`, compressed `iTXt`) is a zlib stream, and a few hundred kilobytes of it
//! inflate to gigabytes — the PNG decoders (ours, and Typst's) inflate the colour profile
//! whole, and the process grows by as much or aborts. [`check`] walks the chunks (a PNG is an
//! 8-byte signature, then chunks of length, type, data and CRC) and inflates each compressed
//! one with a hard bound on its output, so that no photo costs more than a fixed amount
//! whatever its chunks say. Chunks it cannot follow (cut off, a wrong length) are left to the
//! decoder, which reports a damaged file.

/// Largest colour profile (`iCCP`), inflated: 4 MiB (a camera's or a screen's profile is a few
/// kilobytes, a printer's with its tables rarely above one megabyte).
pub const MAX_ICC_BYTES: usize = 4 * 1024 * 1024;

/// Largest total of the text and metadata chunks (`tEXt`, `zTXt`, `iTXt`, `eXIf`), inflated:
/// 8 MiB. They never print.
pub const MAX_METADATA_BYTES: usize = 8 * 1024 * 1024;

/// Most chunks besides the pixel data (`IDAT`, `fdAT`): a photo has a handful.
pub const MAX_OTHER_CHUNKS: usize = 4096;

/// What makes a PNG too costly to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excess {
    /// The colour profile inflates to more than [`MAX_ICC_BYTES`].
    Profile,
    /// The text and metadata chunks inflate to more than [`MAX_METADATA_BYTES`] in all; the
    /// chunk type that went over.
    Metadata([u8; 4]),
    /// More than [`MAX_OTHER_CHUNKS`] chunks besides the pixel data.
    Chunks,
}

/// Walks the chunks of the PNG `data` (starting with its signature) and refuses it when its
/// colour profile or its texts would inflate past their bounds, or it has too many chunks.
pub fn check(data: &[u8]) -> Result<(), Excess> {
    let mut metadata = 0usize;
    let mut others = 0usize;
    let mut at = 8;
    while let Some((kind, body, next)) = chunk(data, at) {
        at = next;
        match &kind {
            b"IDAT" | b"fdAT" => continue,
            b"IEND" => break,
            _ => {}
        }
        others += 1;
        if others > MAX_OTHER_CHUNKS {
            return Err(Excess::Chunks);
        }
        let metadata_left = MAX_METADATA_BYTES - metadata;
        let inflated = match &kind {
            b"iCCP" => {
                // The profile has a bound of its own; what follows the name is a method byte.
                let profile = after_keyword(body).and_then(|rest| rest.get(1..));
                if inflated_over(profile.unwrap_or_default(), MAX_ICC_BYTES).is_none() {
                    return Err(Excess::Profile);
                }
                continue;
            }
            b"zTXt" => {
                let text = after_keyword(body).and_then(|rest| rest.get(1..));
                inflated_over(text.unwrap_or_default(), metadata_left)
            }
            b"iTXt" => itxt(body, metadata_left),
            b"tEXt" | b"eXIf" => Some(body.len()).filter(|&n| n <= metadata_left),
            _ => continue,
        };
        match inflated {
            Some(n) => metadata += n,
            None => return Err(Excess::Metadata(kind)),
        }
    }
    Ok(())
}

/// The chunk at `at`: its type, its data and where the next one starts; `None` at the end or
/// when the length runs past the file.
fn chunk(data: &[u8], at: usize) -> Option<([u8; 4], &[u8], usize)> {
    let header = data.get(at..at.checked_add(8)?)?;
    let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
    let kind = [header[4], header[5], header[6], header[7]];
    let start = at + 8;
    let end = start.checked_add(len)?;
    let body = data.get(start..end)?;
    Some((kind, body, end.checked_add(4)?))
}

/// What follows the keyword and its terminating zero byte.
fn after_keyword(body: &[u8]) -> Option<&[u8]> {
    let zero = body.iter().position(|&b| b == 0)?;
    body.get(zero + 1..)
}

/// The size of the international text of an `iTXt` chunk, inflated when it is compressed;
/// `None` above `limit`.
fn itxt(body: &[u8], limit: usize) -> Option<usize> {
    let Some(rest) = after_keyword(body) else {
        return Some(0);
    };
    let (compressed, rest) = match rest {
        [flag, _method, rest @ ..] => (*flag == 1, rest),
        _ => return Some(0),
    };
    // The language tag and the translated keyword, each ended by a zero byte.
    let text = after_keyword(rest)
        .and_then(after_keyword)
        .unwrap_or_default();
    let raw = rest.len();
    if compressed {
        inflated_over(text, limit.saturating_sub(raw)).map(|n| n + raw)
    } else {
        Some(raw).filter(|&n| n <= limit)
    }
}

/// The size of the zlib stream `stream` once inflated, or `None` when it would exceed `limit`
/// (inflation stops there). A damaged stream counts as what it gave: the decoder reports it.
fn inflated_over(stream: &[u8], limit: usize) -> Option<usize> {
    use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_zlib_with_limit};
    match decompress_to_vec_zlib_with_limit(stream, limit) {
        Ok(bytes) => Some(bytes.len()),
        Err(e) if e.status == TINFLStatus::HasMoreOutput => None,
        Err(e) => Some(e.output.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, data) in chunks {
            out.extend((data.len() as u32).to_be_bytes());
            out.extend(*kind);
            out.extend(data);
            out.extend([0; 4]); // the CRC is the decoder's business
        }
        out
    }

    fn zlib(bytes: &[u8]) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
    }

    fn with_prefix(prefix: &[u8], rest: Vec<u8>) -> Vec<u8> {
        let mut out = prefix.to_vec();
        out.extend(rest);
        out
    }

    #[test]
    fn small_profiles_and_texts_pass() {
        let data = png(&[
            (b"IHDR", vec![0; 13]),
            (b"iCCP", with_prefix(b"icc\0\0", zlib(&[7; 3000]))),
            (b"zTXt", with_prefix(b"Comment\0\0", zlib(b"hello"))),
            (
                b"iTXt",
                with_prefix(b"XML\0\x01\0vi\0\0", zlib(&[b'x'; 900])),
            ),
            (b"tEXt", b"Title\0hop".to_vec()),
            (b"IDAT", vec![1, 2, 3]),
            (b"IEND", vec![]),
        ]);
        assert_eq!(check(&data), Ok(()));
    }

    #[test]
    fn inflation_past_the_bounds_is_refused() {
        let zeros = vec![0u8; MAX_ICC_BYTES + 1];
        let profile = png(&[(b"iCCP", with_prefix(b"icc\0\0", zlib(&zeros)))]);
        assert_eq!(check(&profile), Err(Excess::Profile));
        let half = zlib(&vec![0u8; MAX_METADATA_BYTES / 2 + 1]);
        let texts = png(&[
            (b"zTXt", with_prefix(b"a\0\0", half.clone())),
            (b"iTXt", with_prefix(b"b\0\x01\0\0\0", half)),
        ]);
        assert_eq!(check(&texts), Err(Excess::Metadata(*b"iTXt")));
        let many: Vec<(&[u8; 4], Vec<u8>)> = (0..=MAX_OTHER_CHUNKS)
            .map(|_| (b"tIME", vec![0; 7]))
            .collect();
        assert_eq!(check(&png(&many)), Err(Excess::Chunks));
    }

    #[test]
    fn cut_or_damaged_chunks_are_left_to_the_decoder() {
        let mut data = png(&[(b"iCCP", with_prefix(b"icc\0\0", vec![0x78, 0x01, 0xFF]))]);
        assert_eq!(check(&data), Ok(()));
        data.truncate(20);
        assert_eq!(check(&data), Ok(()));
        assert_eq!(check(b"\x89PNG\r\n\x1a\n\xFF\xFF\xFF\xFFiCCP"), Ok(()));
    }
}
