//! A photo for the Word file: decoded as for the PDF (bounded), turned upright, its longest
//! side at most 1600 pixels, and written as PNG (no EXIF, location or camera data).

use std::path::Path;

use image::ImageEncoder;

use crate::diag::Text;

/// The longest side of a photo in the Word file, in pixels (132 mm wide at about 300 ppi).
const MAX_SIDE: u32 = 1600;

/// The photo at `path` as PNG bytes, with its width and height in pixels.
pub(crate) fn picture(path: &Path) -> Result<(Vec<u8>, u32, u32), Text> {
    let name = path.display().to_string();
    let picture = crate::publish::photos::upright(path, MAX_SIDE)
        .map_err(|p| p.message(&name))?
        .to_rgb8();
    let (w, h) = (picture.width(), picture.height());
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(picture.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .map_err(|e| {
            text!(
                "không mã hóa lại được ảnh {name}: {e}",
                "cannot re-encode the photo {name}: {e}"
            )
        })?;
    Ok((png, w, h))
}

/// A picture as Typst placed it (`size`, in points), drawn as PNG with its longest side at most
/// [`MAX_SIDE`] pixels: for a photo whose file is not a raster image (SVG).
pub(crate) fn drawn(
    image: &typst::visualize::Image,
    size: typst::layout::Size,
) -> Result<(Vec<u8>, u32, u32), Text> {
    use typst::layout::{Abs, Frame, FrameItem, Point, Sides};
    let longest = size.x.to_pt().max(size.y.to_pt()).max(1.0);
    let pixel_per_pt = f64::from(MAX_SIDE) / longest;
    let mut frame = Frame::soft(size);
    frame.push(
        Point::zero(),
        FrameItem::Image(image.clone(), size, typst::syntax::Span::detached()),
    );
    let page = typst_layout::Page {
        frame,
        bleed: Sides::splat(Abs::zero()),
        fill: typst::foundations::Smart::Auto,
        numbering: None,
        supplement: typst::foundations::Content::empty(),
        number: 1,
    };
    let (w, h, rgb) = crate::publish::png::draw_page(&page, pixel_per_pt)?;
    Ok((crate::publish::png::encode_rgb(w, &rgb)?, w, h))
}
