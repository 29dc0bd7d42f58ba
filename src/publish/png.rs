//! PNG previews of a typeset document, one image per page (typst-render).

use typst_layout::PagedDocument;

use crate::diag::Text;
use crate::typeset::MAX_PNG_PIXELS;

/// Each page of `document` as PNG bytes at `ppi` pixels per inch; an error naming the page
/// and its size when a page would take more than [`MAX_PNG_PIXELS`] (checked for every page
/// before any is drawn, so nothing is allocated for a page the size of a field).
pub fn pages(document: &PagedDocument, ppi: f32) -> Result<Vec<Vec<u8>>, Text> {
    let pixel_per_pt = f64::from(ppi) / 72.0;
    for (i, page) in document.pages().iter().enumerate() {
        check_size(i + 1, page.frame.size(), pixel_per_pt, ppi)?;
    }
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(pixel_per_pt),
        ..Default::default()
    };
    document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .map_err(|e| text!("{e}", "{e}"))
        })
        .collect()
}

/// One page of a live preview drawn at `pixel_per_pt`: its width and height in pixels and its
/// opaque RGB pixels, row after row; an error when the page would take more than
/// [`MAX_PNG_PIXELS`].
pub fn draw_page(
    page: &typst_layout::Page,
    pixel_per_pt: f64,
) -> Result<(u32, u32, Vec<u8>), Text> {
    let ppi = (pixel_per_pt * 72.0) as f32;
    check_size(1, page.frame.size(), pixel_per_pt, ppi)?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(pixel_per_pt),
        ..Default::default()
    };
    let pixmap = typst_render::render(page, &options);
    // White pages: premultiplied RGBA is the colour itself; the alpha is dropped.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    Ok((pixmap.width(), pixmap.height(), rgb))
}

/// `rgb` (rows of `width` pixels) as PNG, compressed fast: a preview's picture is shown once
/// and replaced at the next edit.
pub fn encode_rgb(width: u32, rgb: &[u8]) -> Result<Vec<u8>, Text> {
    let height = (rgb.len() / (width as usize * 3).max(1)) as u32;
    let mut png = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        &mut png,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Sub,
    );
    image::ImageEncoder::write_image(encoder, rgb, width, height, image::ExtendedColorType::Rgb8)
        .map_err(|e| text!("{e}", "{e}"))?;
    Ok(png)
}

/// Page `n` of `size` (points) at `pixel_per_pt`: within [`MAX_PNG_PIXELS`], or an error
/// giving its size in centimetres.
fn check_size(
    n: usize,
    size: typst::layout::Size,
    pixel_per_pt: f64,
    ppi: f32,
) -> Result<(), Text> {
    let (w, h) = (size.x.to_pt(), size.y.to_pt());
    let pixels = (w * pixel_per_pt).ceil() * (h * pixel_per_pt).ceil();
    if pixels.is_finite() && pixels <= MAX_PNG_PIXELS {
        return Ok(());
    }
    let cm = |pt: f64| pt * 2.54 / 72.0;
    let (wc, hc) = (cm(w), cm(h));
    let (mp, max) = (pixels / 1e6, MAX_PNG_PIXELS / 1e6);
    Err(text!(
        "trang {n} khổ {wc:.0} × {hc:.0} cm, ở {ppi} ppi thành {mp:.0} triệu điểm ảnh, quá giới hạn {max:.0} triệu; không vẽ ảnh (sửa khổ giấy trong mẫu, hoặc hạ --ppi)",
        "page {n} is {wc:.0} × {hc:.0} cm, {mp:.0} million pixels at {ppi} ppi, over the limit of {max:.0} million; not drawn (fix the page size in the template, or lower --ppi)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::{Abs, Size};

    #[test]
    fn a_page_of_fifty_metres_is_refused_by_its_size() {
        let a4 = Size::new(Abs::mm(210.0), Abs::mm(297.0));
        assert!(check_size(1, a4, 1200.0 / 72.0, 1200.0).is_ok());
        let huge = Size::new(Abs::cm(5000.0), Abs::cm(5000.0));
        let e = check_size(2, huge, 2.0, 144.0).unwrap_err();
        assert!(e.vi.contains("trang 2 khổ 5000 × 5000 cm"), "{}", e.vi);
        assert!(e.en.contains("250 million"), "{}", e.en);
    }
}
