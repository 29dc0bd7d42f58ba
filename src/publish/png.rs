//! PNG previews of a typeset document, one image per page (typst-render).

use typst_layout::PagedDocument;

/// Each page of `document` as PNG bytes at `ppi` pixels per inch.
pub fn pages(document: &PagedDocument, ppi: f32) -> Result<Vec<Vec<u8>>, String> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
        ..Default::default()
    };
    document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .map_err(|e| e.to_string())
        })
        .collect()
}
