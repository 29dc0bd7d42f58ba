//! Photos for the web folder: decoded (bounded, as for the PDF), turned upright, scaled so the
//! longest side is at most the limit, and re-encoded — which leaves the EXIF block (location,
//! camera, date) behind.

use std::path::Path;

use image::{DynamicImage, ImageEncoder};

use crate::images::{self, ImageProblem};

/// JPEG quality of published photos.
const JPEG_QUALITY: u8 = 85;

/// A photo ready to publish.
#[derive(Debug, Clone)]
pub struct WebPhoto {
    /// The encoded file.
    pub bytes: Vec<u8>,
    /// Its extension: `jpg`, or `png` for an image with transparency.
    pub extension: &'static str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Reads the photo at `path` and prepares it for the web, its longest side at most
/// `max_side` pixels (never enlarged).
pub fn for_web(path: &Path, max_side: u32) -> Result<WebPhoto, ImageProblem> {
    encode(upright(path, max_side)?)
}

/// The photo at `path` read (bounded), turned upright and scaled so that its longest side is
/// at most `max_side` pixels (never enlarged): its pixels only, no EXIF.
pub(crate) fn upright(path: &Path, max_side: u32) -> Result<DynamicImage, ImageProblem> {
    let data = images::read_bounded(path)?;
    let picture = images::decode_upright(&data)?;
    Ok(scaled(picture, max_side.max(16)))
}

/// `picture` with its longest side at most `max_side`: by averaging the pixels each new one
/// covers when it shrinks at least by half (a camera photo; fast, and free of moiré), else
/// with Lanczos (sharp where few pixels are dropped).
fn scaled(picture: DynamicImage, max_side: u32) -> DynamicImage {
    let side = picture.width().max(picture.height());
    if side <= max_side {
        picture
    } else if side >= 2 * max_side {
        picture.thumbnail(max_side, max_side)
    } else {
        picture.resize(max_side, max_side, image::imageops::FilterType::Lanczos3)
    }
}

fn encode(picture: DynamicImage) -> Result<WebPhoto, ImageProblem> {
    let (width, height) = (picture.width(), picture.height());
    let mut bytes = Vec::new();
    let failed = |e: image::ImageError| {
        ImageProblem::Corrupt(crate::text!(
            "không mã hóa lại được ảnh: {e}",
            "cannot re-encode the photo: {e}"
        ))
    };
    let extension = if picture.color().has_alpha() {
        let rgba = picture.to_rgba8();
        image::codecs::png::PngEncoder::new(&mut bytes)
            .write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)
            .map_err(failed)?;
        "png"
    } else {
        let rgb = picture.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
            .write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)
            .map_err(failed)?;
        "jpg"
    };
    Ok(WebPhoto {
        bytes,
        extension,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_photo_is_scaled_and_small_one_kept() {
        let big = DynamicImage::new_rgb8(4000, 3000);
        let web = encode(scaled(big, 1600)).unwrap();
        assert_eq!((web.width, web.height, web.extension), (1600, 1200, "jpg"));
        let small = DynamicImage::new_rgba8(300, 200);
        let web = encode(scaled(small, 1600)).unwrap();
        assert_eq!((web.width, web.height, web.extension), (300, 200, "png"));
    }
}
