//! A WebP's chunks, each within the file, before anything decodes it.
//!
//! A WebP is `RIFF`, a size, `WEBP`, then chunks of four-letter type, little-endian size and
//! data (padded to an even length). The decoder trusts a chunk's size when it reads the colour
//! profile (`ICCP`), `EXIF` or `XMP ` chunk: Typst's asks for the colour profile, and a 200-byte
//! file whose `ICCP` chunk claims 4 GiB made it ask the system for 4 GiB at once (the process
//! aborts wherever memory is limited). Nothing in a WebP is compressed apart from the pixels,
//! so a file whose chunks all lie within it costs no more than its size.

use crate::diag::Text;

/// Refuses the WebP `data` when one of its chunks claims to run past the end of the file,
/// naming the chunk.
pub fn check(data: &[u8]) -> Result<(), Text> {
    let mut at = 12; // after `RIFF`, the size and `WEBP`
    while let Some(header) = data.get(at..at + 8) {
        let kind = String::from_utf8_lossy(&header[..4]).into_owned();
        let size = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
        let end = (at + 8).saturating_add(size as usize);
        if end > data.len() {
            let left = data.len() - (at + 8);
            return Err(crate::text!(
                "khối {kind} khai báo dài {size} byte nhưng tệp chỉ còn {left} byte",
                "the {kind} chunk claims {size} bytes but only {left} are left in the file"
            ));
        }
        at = end + (size as usize & 1);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn webp(chunks: &[(&[u8; 4], u32, usize)]) -> Vec<u8> {
        let mut body = b"WEBP".to_vec();
        for (kind, claimed, real) in chunks {
            body.extend(*kind);
            body.extend(claimed.to_le_bytes());
            body.extend(vec![0; *real]);
        }
        let mut out = b"RIFF".to_vec();
        out.extend((body.len() as u32).to_le_bytes());
        out.extend(body);
        out
    }

    #[test]
    fn chunks_must_lie_within_the_file() {
        assert!(
            check(&webp(&[
                (b"VP8X", 10, 10),
                (b"ICCP", 3, 4),
                (b"VP8L", 6, 6)
            ]))
            .is_ok()
        );
        let claiming = webp(&[(b"VP8L", 6, 6), (b"ICCP", 0xFFFF_FF00, 64)]);
        let e = check(&claiming).unwrap_err();
        assert!(
            e.vi.contains("ICCP") && e.vi.contains("4294967040"),
            "{}",
            e.vi
        );
        // A last byte too few (a padding byte missing) is the decoder's business.
        assert!(check(&webp(&[(b"VP8L", 7, 7)])).is_ok());
    }
}
