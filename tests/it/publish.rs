//! The article for the press office (issue 15): HTML, Markdown and plain text carry the same
//! words as the PDF; hostile values print literally in every format (checked with a real
//! HTML5 parser and a CommonMark renderer, not string matching); photos are scaled, turned
//! upright and stripped of EXIF; PNG previews; statistics; the outlet's form of address; the
//! press office's own lead and paragraphs by position; `watch` picks up an edit.

use std::path::Path;
use std::time::{Duration, Instant};

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::support::common::{hoinghi, minimal, render, sample, stderr, write};

/// A parsed HTML document (html5ever, the HTML5 parsing algorithm).
fn parse_html(html: &str) -> RcDom {
    html5ever::parse_document(RcDom::default(), Default::default()).one(html)
}

/// Every element named `tag`, in document order.
fn elements(node: &Handle, tag: &str, found: &mut Vec<Handle>) {
    if let NodeData::Element { name, .. } = &node.data
        && &*name.local == tag
    {
        found.push(node.clone());
    }
    for child in node.children.borrow().iter() {
        elements(child, tag, found);
    }
}

fn all(dom: &RcDom, tag: &str) -> Vec<Handle> {
    let mut found = Vec::new();
    elements(&dom.document, tag, &mut found);
    found
}

/// The text inside `node`, whitespace collapsed.
fn text_of(node: &Handle) -> String {
    fn walk(node: &Handle, out: &mut String) {
        match &node.data {
            NodeData::Text { contents } => out.push_str(&contents.borrow()),
            _ => {
                for child in node.children.borrow().iter() {
                    walk(child, out);
                }
            }
        }
    }
    let mut out = String::new();
    walk(node, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn attr(node: &Handle, wanted: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == wanted)
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

/// The blocks of an article page in reading order: h1, then every p and figcaption.
fn html_blocks(dom: &RcDom) -> Vec<String> {
    fn walk(node: &Handle, out: &mut Vec<String>) {
        if let NodeData::Element { name, .. } = &node.data
            && matches!(&*name.local, "h1" | "p" | "figcaption")
        {
            out.push(text_of(node));
            return;
        }
        for child in node.children.borrow().iter() {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    walk(&dom.document, &mut out);
    out
}

/// Markdown rendered to HTML by pulldown-cmark (CommonMark), then parsed.
fn markdown_dom(md: &str) -> RcDom {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
    parse_html(&html)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn squash(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}', '\u{205f}', '\u{2007}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The standalone page fits a phone (issue 22, item 2): exactly one `<style>`, in `<head>`,
/// holding a column of bounded width, photos scaled to it, a serif body and a comfortable line
/// height; no inline `style` attribute anywhere.
fn assert_readable_on_a_phone(html: &RcDom) {
    let styles = all(html, "style");
    assert_eq!(styles.len(), 1, "one <style> in the page");
    let in_head: Vec<Handle> = all(html, "head")
        .iter()
        .flat_map(|h| h.children.borrow().clone())
        .filter(|c| matches!(&c.data, NodeData::Element { name, .. } if &*name.local == "style"))
        .collect();
    assert_eq!(in_head.len(), 1, "the <style> is in <head>");
    let css: String = text_of(&styles[0]).split_whitespace().collect();
    for rule in [
        "max-width:",
        "img{max-width:100%;height:auto",
        "font-family:",
        "serif",
        "line-height:",
    ] {
        assert!(css.contains(rule), "{rule} missing from {css}");
    }
    for node in all(html, "*") {
        assert!(attr(&node, "style").is_none(), "inline style");
    }
}

#[test]
fn every_format_carries_the_same_words() {
    let tmp = tempfile::tempdir().unwrap();
    let file = sample("phat-dong-ky-ket-anh/phat-dong-ky-ket.yaml");
    let (dir, out) = render(
        &file,
        tmp.path(),
        &["--doc", "bai-tin", "--format", "pdf,html,md,txt"],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let html = parse_html(&read(&dir.join("bai-tin.html")));
    let blocks = html_blocks(&html);
    assert!(blocks.len() >= 6, "{blocks:?}");
    assert_eq!(all(&html, "h1").len(), 1);
    assert_eq!(attr(&all(&html, "html")[0], "lang").as_deref(), Some("vi"));
    assert!(all(&html, "script").is_empty(), "<script> in the article");
    assert_readable_on_a_phone(&html);
    let sapo = all(&html, "p")
        .into_iter()
        .find(|p| attr(p, "class").as_deref() == Some("sapo"))
        .expect("a sapo paragraph");
    assert!(
        text_of(&sapo).starts_with("Chiều 6/3, "),
        "{}",
        text_of(&sapo)
    );
    // Figures: an image with its size, file beside the page, caption ending with the credit.
    let figures = all(&html, "figure");
    assert_eq!(figures.len(), 3);
    for img in all(&html, "img") {
        let src = attr(&img, "src").unwrap();
        assert!(dir.join(&src).is_file(), "{src} is not beside the page");
        let width: u32 = attr(&img, "width").unwrap().parse().unwrap();
        let height: u32 = attr(&img, "height").unwrap().parse().unwrap();
        let decoded = image::open(dir.join(&src)).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (width, height));
    }
    for caption in all(&html, "figcaption") {
        assert!(
            text_of(&caption).ends_with("Ảnh: Thu Hằng"),
            "{}",
            text_of(&caption)
        );
    }

    // Markdown, rendered by a CommonMark renderer, gives the same blocks.
    let md = markdown_dom(&read(&dir.join("bai-tin.md")));
    let md_blocks: Vec<String> = html_blocks(&md)
        .into_iter()
        .filter(|b| !b.is_empty())
        .collect();
    let html_no_figcaption: Vec<&String> = blocks.iter().collect();
    assert_eq!(
        md_blocks.iter().collect::<Vec<_>>(),
        html_no_figcaption,
        "Markdown and HTML differ"
    );

    // Plain text: the same blocks, a blank line apart (a photo line names its file first).
    let txt = read(&dir.join("bai-tin.txt"));
    let txt_blocks: Vec<String> = txt
        .split("\n\n")
        .map(squash)
        .map(|b| match b.strip_prefix('[') {
            Some(rest) => rest
                .split_once("] ")
                .map(|(_, c)| c.to_owned())
                .unwrap_or(b),
            None => b,
        })
        .filter(|b| !b.is_empty())
        .collect();
    assert_eq!(txt_blocks, blocks, "plain text and HTML differ");

    // The PDF prints every block's words.
    let pdf = std::fs::read(dir.join("bai-tin.pdf")).unwrap();
    let pdf_text = squash(
        &crate::support::pdf::pages(&pdf)
            .iter()
            .flatten()
            .map(|s| s.text.clone())
            .collect::<Vec<_>>()
            .join(" "),
    );
    for block in &blocks {
        assert!(pdf_text.contains(block.as_str()), "not in the PDF: {block}");
    }

    // Statistics after rendering.
    let err = stderr(&out);
    assert!(
        err.contains("bài tin: ") && err.contains(" chữ, ") && err.contains("3 ảnh"),
        "{err}"
    );
}

/// Values no format may read as markup.
const HOSTILE: [&str; 5] = [
    "<script>alert(1)</script>",
    "*đậm*",
    "[x](https://vi.wikipedia.org)",
    "# tiêu đề",
    "Tom & Jerry &amp; &lt;b&gt;",
];

#[test]
fn hostile_values_print_literally_in_html_and_markdown() {
    let tmp = tempfile::tempdir().unwrap();
    let paragraphs: String = HOSTILE
        .iter()
        .map(|v| format!("    - '{}'\n", v.replace('\'', "''")))
        .collect();
    let yaml = minimal(&format!(
        "article:\n  outlet: '<b>BNP</b>'\n  kicker: '*Tin* [mới]'\n  byline: '<i>Lam Hồng</i>'\n  paragraphs:\n{paragraphs}"
    ));
    let file = write(tmp.path(), "doc-hai.yaml", &yaml);
    let (dir, out) = render(
        &file,
        &tmp.path().join("out"),
        &["--format", "html,md,txt,pdf", "--doc", "bai-tin"],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let html = parse_html(&read(&dir.join("bai-tin.html")));
    for tag in ["script", "b", "i", "a", "em", "h2"] {
        assert!(all(&html, tag).is_empty(), "<{tag}> made from a value");
    }
    let md = markdown_dom(&read(&dir.join("bai-tin.md")));
    for tag in ["script", "b", "i", "a", "h2", "ol", "ul", "code"] {
        assert!(
            all(&md, tag).is_empty(),
            "Markdown made <{tag}> from a value"
        );
    }
    // The one emphasis is the kicker line itself, its stars printed.
    let em: Vec<String> = all(&md, "em").iter().map(text_of).collect();
    assert_eq!(em, ["*Tin* [mới]"]);
    let html_text = html_blocks(&html).join("\n");
    let md_text = html_blocks(&md).join("\n");
    let txt = read(&dir.join("bai-tin.txt"));
    for value in HOSTILE {
        assert!(html_text.contains(value), "HTML lost {value:?}");
        assert!(md_text.contains(value), "Markdown lost {value:?}");
        assert!(txt.contains(value), "text lost {value:?}");
    }
    for value in ["(<b>BNP</b>) - ", "<i>Lam Hồng</i>", "*Tin* [mới]"] {
        assert!(html_text.contains(value), "HTML lost {value:?}");
        assert!(md_text.contains(value), "Markdown lost {value:?}");
    }
}

#[test]
fn fragment_is_the_body_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let file = sample("ky-ket-khoi-dang.yaml");
    let (dir, out) = render(
        &file,
        tmp.path(),
        &["--doc", "bai-tin", "--format", "html,md,txt", "--fragment"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let source = read(&dir.join("bai-tin.html"));
    assert!(
        !source.contains("<html") && !source.contains("<h1"),
        "{source}"
    );
    let fragment = parse_html(&source);
    assert!(all(&fragment, "p").len() >= 3);
    for tag in ["script", "style"] {
        assert!(all(&fragment, tag).is_empty(), "<{tag}> in the fragment");
    }
    for node in all(&fragment, "*") {
        assert!(
            attr(&node, "style").is_none(),
            "inline style in the fragment"
        );
    }
    assert!(!read(&dir.join("bai-tin.md")).starts_with('#'));
    assert!(
        !dir.join("bai-tin.pdf").exists(),
        "no PDF without --format pdf"
    );
}

/// A JPEG of `width` × `height` with an EXIF block saying "rotate 90° clockwise to view"
/// (orientation 6) and a camera make.
fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x % 256) as u8, 90, 160]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80)
        .encode_image(&picture)
        .unwrap();
    // TIFF (little endian): IFD0 with Orientation = 6 and Make = "CamX".
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend(2u16.to_le_bytes());
    tiff.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
    tiff.extend([0x0F, 0x01, 2, 0, 5, 0, 0, 0]);
    tiff.extend(38u32.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(b"CamX\0");
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(&app1);
    out.extend(&jpeg[2..]);
    out
}

#[test]
fn web_photos_are_scaled_upright_and_without_exif() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("anh.jpg"), jpeg_with_exif(2400, 1200)).unwrap();
    let yaml = minimal(
        "article:\n  byline: Lam Hồng\n  photos:\n    - file: anh.jpg\n      caption: Quang cảnh hội nghị\n      credit: Lam Hồng\n",
    );
    let file = write(tmp.path(), "anh-exif.yaml", &yaml);
    let (dir, out) = render(&file, &tmp.path().join("out"), &["--format", "html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let photo = std::fs::read(dir.join("anh/1.jpg")).unwrap();
    let decoded = image::load_from_memory(&photo).unwrap();
    // Turned upright (portrait), longest side 1600.
    assert_eq!((decoded.width(), decoded.height()), (800, 1600));
    assert!(!photo.windows(4).any(|w| w == b"Exif"), "EXIF kept");
    assert!(!photo.windows(4).any(|w| w == b"CamX"), "camera data kept");
    let html = parse_html(&read(&dir.join("bai-tin.html")));
    let img = &all(&html, "img")[0];
    assert_eq!(attr(img, "width").as_deref(), Some("800"));
    assert_eq!(attr(img, "height").as_deref(), Some("1600"));
}

#[test]
fn png_pages_of_every_document() {
    let tmp = tempfile::tempdir().unwrap();
    let file = sample("ky-ket-khoi-dang.yaml");
    let (dir, out) = render(&file, tmp.path(), &["--format", "png", "--ppi", "72"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for kind in ["giao-uoc", "bien-ban", "bai-tin"] {
        let png = dir.join(format!("{kind}-1.png"));
        let page = image::open(&png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
        // A4 at 72 ppi: 595 × 842 points, one pixel each.
        assert_eq!((page.width(), page.height()), (595, 842), "{kind}");
        assert!(!dir.join(format!("{kind}.pdf")).exists());
    }
    let bad = hoinghi()
        .args(["render", "--format", "png", "--ppi", "0"])
        .arg(&file)
        .arg("-o")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--ppi"));
}

#[test]
fn own_lead_and_paragraphs_by_position() {
    let tmp = tempfile::tempdir().unwrap();
    let yaml = minimal(
        "article:\n  byline: Lam Hồng\n  lead: Sáng 18/12, Cụm thi đua họp tổng kết năm.\n  body:\n    - ~\n    - Đoạn thứ hai do phóng viên viết.\n    - Đoạn thêm ở cuối.\n",
    );
    let file = write(tmp.path(), "vi-tri.yaml", &yaml);
    let (dir, out) = render(&file, &tmp.path().join("out"), &["--format", "txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let txt = read(&dir.join("bai-tin.txt"));
    let blocks: Vec<&str> = txt.split("\n\n").map(str::trim).collect();
    assert_eq!(blocks[1], "Sáng 18/12, Cụm thi đua họp tổng kết năm.");
    // The first generated paragraph kept, the second replaced, one added.
    assert!(blocks[2].starts_with("Cụm thi đua gồm 2 đơn vị"), "{txt}");
    assert_eq!(blocks[3], "Đoạn thứ hai do phóng viên viết.", "{txt}");
    assert_eq!(blocks[4], "Đoạn thêm ở cuối.", "{txt}");
}

#[test]
fn outlet_form_of_address() {
    let tmp = tempfile::tempdir().unwrap();
    let guest =
        "guests:\n  - name: Lò Văn Páo\n    titles: [Phó Chủ tịch UBND tỉnh]\n    address: ong\n";
    // Party press: "đồng chí" for everyone, whatever their own address.
    let yaml = minimal(&format!(
        "{guest}article:\n  byline: Lam Hồng\n  address: dong_chi\n"
    ));
    let file = write(tmp.path(), "dang.yaml", &yaml);
    let (dir, out) = render(&file, &tmp.path().join("out"), &["--format", "txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let txt = read(&dir.join("bai-tin.txt"));
    assert!(
        txt.contains("đồng chí Lò Văn Páo, Phó Chủ tịch UBND tỉnh"),
        "{txt}"
    );
    // State portal: ông/bà, which the chair lacks: an error naming the field.
    let yaml = minimal(&format!(
        "{guest}article:\n  byline: Lam Hồng\n  address: ong_ba\n"
    ));
    let file = write(tmp.path(), "cong.yaml", &yaml);
    let (_, out) = render(&file, &tmp.path().join("out"), &["--format", "txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("chair.address") && err.contains("ông"),
        "{err}"
    );
    // With it, "ông … - …".
    let yaml = yaml.replace(
        "  title: Giám đốc Sở Tài chính\n",
        "  title: Giám đốc Sở Tài chính\n  address: ba\n",
    );
    let file = write(tmp.path(), "cong2.yaml", &yaml);
    let (dir, out) = render(&file, &tmp.path().join("out"), &["--format", "txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let txt = read(&dir.join("bai-tin.txt"));
    assert!(
        txt.contains("ông Lò Văn Páo - Phó Chủ tịch UBND tỉnh"),
        "{txt}"
    );
    assert!(
        txt.contains("Bà Giàng Seo Ử - Giám đốc Sở Tài chính"),
        "{txt}"
    );
}

#[test]
fn long_headline_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let title = "Cụm thi đua các sở, ngành kinh tế tỉnh Lào Cai tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2026 và bàn phương hướng";
    let yaml = minimal(&format!("article:\n  byline: Lam Hồng\n  title: {title}\n"));
    let file = write(tmp.path(), "tit-dai.yaml", &yaml);
    let out = hoinghi().arg("check").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("article.title") && err.contains("chữ"),
        "{err}"
    );
}

#[test]
fn watch_renders_again_after_an_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let yaml = minimal("article:\n  byline: Lam Hồng\n");
    let file = write(tmp.path(), "theo-doi.yaml", &yaml);
    let out = tmp.path().join("out");
    let txt = out.join("theo-doi").join("bai-tin.txt");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hoinghi"))
        .args(["--lang", "en", "watch"])
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .args(["--format", "txt"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let wait_for = |needle: &str| {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            if std::fs::read_to_string(&txt).is_ok_and(|t| t.contains(needle)) {
                return Some(started.elapsed());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    };
    let first = wait_for("Lam Hồng");
    std::fs::write(&file, yaml.replace("Lam Hồng", "Mai Thị Ngọc")).unwrap();
    let second = wait_for("Mai Thị Ngọc");
    // A broken edit is reported and the watch goes on.
    std::fs::write(&file, "bloc: [\n").unwrap();
    std::thread::sleep(Duration::from_millis(800));
    let alive = child.try_wait().unwrap().is_none();
    std::fs::write(&file, yaml.replace("Lam Hồng", "Đỗ Văn Khải")).unwrap();
    let third = wait_for("Đỗ Văn Khải");
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.is_some(), "no first render");
    assert!(
        second.is_some_and(|t| t < Duration::from_secs(5)),
        "edit not picked up: {second:?}"
    );
    assert!(alive, "watch ended on a broken file");
    assert!(third.is_some(), "no render after the broken file was fixed");
}

/// Elements a layout template writes; anything else came from a value.
const OURS: [&str; 13] = [
    "html",
    "head",
    "meta",
    "title",
    "body",
    "article",
    "header",
    "h1",
    "p",
    "strong",
    "figure",
    "img",
    "figcaption",
];

fn element_names(node: &Handle, out: &mut Vec<String>) {
    if let NodeData::Element { name, .. } = &node.data {
        out.push(name.local.to_string());
    }
    for child in node.children.borrow().iter() {
        element_names(child, out);
    }
}

#[test]
fn the_pdf_tests_hostile_values_print_literally_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    // JSON strings are YAML double-quoted scalars: any value, exactly.
    let paragraphs: String = crate::escaping::HOSTILE
        .iter()
        .map(|v| format!("    - {}\n", serde_json::to_string(v).unwrap()))
        .collect();
    let yaml = minimal(&format!(
        "article:\n  byline: {}\n  paragraphs:\n{paragraphs}",
        serde_json::to_string("<script>x</script> *Lam* [Hồng](y)").unwrap()
    ));
    let file = write(tmp.path(), "hostile-all.yaml", &yaml);
    let (dir, out) = render(
        &file,
        &tmp.path().join("out"),
        &["--format", "html,md,txt", "--doc", "bai-tin"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = parse_html(&read(&dir.join("bai-tin.html")));
    let mut names = Vec::new();
    element_names(&html.document, &mut names);
    // The page's own stylesheet, and no other.
    assert_eq!(names.iter().filter(|n| *n == "style").count(), 1);
    for n in names.iter().filter(|n| *n != "style") {
        assert!(
            OURS.contains(&n.as_str()),
            "HTML element <{n}> made from a value"
        );
    }
    let md = markdown_dom(&read(&dir.join("bai-tin.md")));
    let mut names = Vec::new();
    element_names(&md.document, &mut names);
    for n in &names {
        assert!(
            ["html", "head", "body", "h1", "p", "strong"].contains(&n.as_str()),
            "Markdown made <{n}> from a value"
        );
    }
    // The same words in the three formats, block by block.
    let html_blocks = html_blocks(&html);
    let md_blocks: Vec<String> = html_blocks_of(&md);
    let txt_blocks: Vec<String> = read(&dir.join("bai-tin.txt"))
        .split("\n\n")
        .map(squash)
        .filter(|b| !b.is_empty())
        .collect();
    assert_eq!(html_blocks, txt_blocks);
    assert_eq!(md_blocks, txt_blocks);
    let all = txt_blocks.join("\n");
    assert!(
        txt_blocks.len() > crate::escaping::HOSTILE.len(),
        "{txt_blocks:?}"
    );
    for v in [
        "#read(\"/etc/passwd\")",
        "*đậm*",
        "$x^2$",
        "```raw```",
        "<script>x</script> *Lam* [Hồng](y)",
    ] {
        let v = v.replace('"', "");
        let plain = all.replace(['“', '”', '"'], "");
        assert!(plain.contains(&v), "lost {v:?}");
    }
}

fn html_blocks_of(dom: &RcDom) -> Vec<String> {
    html_blocks(dom)
        .into_iter()
        .filter(|b| !b.is_empty())
        .collect()
}

/// A blank line inside a field is not a paragraph break: a guest's speech pasted as two
/// paragraphs stays in its one paragraph in every format, so the sapo, the paragraphs and the
/// photos stay where they were.
#[test]
fn a_blank_line_inside_a_field_never_splits_the_article() {
    let tmp = tempfile::tempdir().unwrap();
    let source = sample("phat-dong-ky-ket-anh/phat-dong-ky-ket.yaml");
    let folder = tmp.path().join("in");
    std::fs::create_dir_all(folder.join("photos")).unwrap();
    for entry in std::fs::read_dir(sample("phat-dong-ky-ket-anh/photos")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), folder.join("photos").join(entry.file_name())).unwrap();
    }
    let text = read(&source);
    let speech_end = "      sẵn sàng đảm nhận những nhiệm vụ khó, mới.\n";
    assert!(text.contains(speech_end));
    let pasted = text.replacen(
        speech_end,
        &format!("{speech_end}\n\n      Đoạn thứ hai của bài phát biểu.\n"),
        1,
    );
    let blocks_of = |name: &str, yaml: &str| {
        let file = write(&folder, name, yaml);
        let (dir, out) = render(
            &file,
            &tmp.path().join("out"),
            &["--doc", "bai-tin", "--format", "html,md,txt"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let html = html_blocks(&parse_html(&read(&dir.join("bai-tin.html"))));
        let md: Vec<String> = html_blocks(&markdown_dom(&read(&dir.join("bai-tin.md"))))
            .into_iter()
            .filter(|b| !b.is_empty())
            .collect();
        let txt = read(&dir.join("bai-tin.txt"))
            .split("\n\n")
            .filter(|b| !b.trim().is_empty())
            .count();
        (html, md, txt)
    };
    let (html, md, txt) = blocks_of("goc.yaml", &text);
    let (html2, md2, txt2) = blocks_of("dan-vao.yaml", &pasted);
    assert_eq!(html2.len(), html.len(), "{html2:#?}");
    assert_eq!((md2.len(), txt2), (md.len(), txt));
    assert_eq!(html2[..2], html[..2], "headline and sapo moved");
    let joined = html2.iter().find(|b| b.contains("Đoạn thứ hai")).unwrap();
    assert!(joined.contains("khó, mới. Đoạn thứ hai"), "{joined}");
}

/// A signing meeting of three units, the third absent, with `commitments` appended: its
/// article as plain text.
fn signing_article(tmp: &Path, name: &str, commitments: &str) -> String {
    let yaml = minimal(&format!(
        "  - name: Sở Tư pháp\n    absent: bận công tác đột xuất\n    signer: {{ name: Lò Thị Mỷ, title: Giám đốc }}\narticle:\n  byline: Lam Hồng\ncommitments:\n{commitments}"
    ))
    .replace("activities: [review]", "activities: [sign]");
    let file = write(tmp, &format!("{name}.yaml"), &yaml);
    let (dir, out) = render(&file, &tmp.join("out"), &["--format", "txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    read(&dir.join("bai-tin.txt"))
}

#[test]
fn only_the_units_present_signed() {
    let tmp = tempfile::tempdir().unwrap();
    let commitments = "  - title: Nội dung giao ước\n    summary: cải cách hành chính\n    items: [Đẩy mạnh cải cách hành chính.]\n";
    let txt = signing_article(tmp.path(), "vang", commitments);
    assert!(
        txt.contains("2 đơn vị trong Cụm (gồm: Sở Tài chính; Sở Xây dựng) đã ký kết"),
        "{txt}"
    );
    assert!(!txt.contains("Sở Tư pháp"), "{txt}");
}

#[test]
fn generic_headings_are_not_key_contents() {
    let tmp = tempfile::tempdir().unwrap();
    // Only generic headings: the clause is left out.
    let commitments = "  - title: Mục đích, yêu cầu\n    intro: Tạo khí thế thi đua.\n  - title: Nội dung giao ước\n    items: [Đẩy mạnh cải cách hành chính.]\n  - title: Tổ chức thực hiện\n    items: [Sơ kết vào tháng 7.]\n";
    let txt = signing_article(tmp.path(), "chung", commitments);
    assert!(
        txt.contains("đã ký kết giao ước thi đua năm 2026.\n"),
        "{txt}"
    );
    assert!(!txt.contains("nội dung trọng tâm"), "{txt}");
    // A summary is content; a generic heading beside it, in any case or marks, is not.
    let commitments = "  - title: Nội dung giao ước\n    summary: cải cách hành chính, chuyển đổi số\n    items: [Đẩy mạnh cải cách hành chính.]\n  - title: TỔ CHỨC THỰC HIỆN.\n    items: [Sơ kết vào tháng 7.]\n";
    let txt = signing_article(tmp.path(), "tom-tat", commitments);
    assert!(
        txt.contains(
            "đã ký kết giao ước thi đua năm 2026 với các nội dung trọng tâm: cải cách hành chính, chuyển đổi số.\n"
        ),
        "{txt}"
    );
}

/// Three sections, each with a summary, the second with `in_article: false`.
const THREE_SECTIONS: &str = "  - title: Công tác chuyên môn\n    summary: hoàn thành nhiệm vụ chính trị\n    items: [Hoàn thành nhiệm vụ.]\n  - title: Khen thưởng\n    summary: khen thưởng cuối năm\n    in_article: false\n    items: [Bình xét khen thưởng.]\n  - title: Chuyển đổi số\n    summary: chuyển đổi số\n    items: [Số hóa hồ sơ.]\n";

#[test]
fn sections_kept_out_of_the_article_or_chosen_by_number() {
    let tmp = tempfile::tempdir().unwrap();
    let txt = signing_article(tmp.path(), "tru-muc", THREE_SECTIONS);
    assert!(
        txt.contains("với các nội dung trọng tâm: hoàn thành nhiệm vụ chính trị; chuyển đổi số.\n"),
        "{txt}"
    );
    // `article.sections` decides instead: only section II, though it says `in_article: false`.
    let yaml = minimal(&format!(
        "article:\n  byline: Lam Hồng\n  sections: [2]\ncommitments:\n{THREE_SECTIONS}"
    ))
    .replace("activities: [review]", "activities: [sign]");
    let file = write(tmp.path(), "chon-muc.yaml", &yaml);
    let (dir, out) = render(&file, &tmp.path().join("out2"), &["--format", "txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let txt = read(&dir.join("bai-tin.txt"));
    assert!(
        txt.contains("với các nội dung trọng tâm: khen thưởng cuối năm.\n"),
        "{txt}"
    );
    // A number with no section is named.
    let file = write(
        tmp.path(),
        "sai-so.yaml",
        &yaml.replace("sections: [2]", "sections: [2, 4]"),
    );
    let out = hoinghi().arg("check").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("article.sections[1]"), "{err}");
    assert!(err.contains("không có mục giao ước số 4"), "{err}");
}

#[test]
fn a_mid_year_review_is_named_so_in_the_headline_and_the_minutes() {
    let tmp = tempfile::tempdir().unwrap();
    let yaml = minimal("secretary: { name: Lò Thị Mỷ }\narticle:\n  byline: Lam Hồng\n")
        .replace("activities: [review]", "activities: [mid_year_review]")
        .replace("date: 2026-12-18", "date: 2026-07-10");
    let file = write(tmp.path(), "so-ket.yaml", &yaml);
    let (dir, out) = render(&file, &tmp.path().join("out"), &["--format", "pdf,txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let txt = read(&dir.join("bai-tin.txt"));
    let headline = txt.lines().next().unwrap();
    assert_eq!(
        headline,
        "Cụm thi đua các sở, ngành kinh tế sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026"
    );
    assert!(
        txt.contains("tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026."),
        "{txt}"
    );
    let minutes = crate::support::pdf::facts(&std::fs::read(dir.join("bien-ban.pdf")).unwrap());
    let text = minutes
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026"),
        "{text}"
    );
    // Not with the year-end review.
    let both = write(
        tmp.path(),
        "ca-hai.yaml",
        &yaml.replace("[mid_year_review]", "[review, mid_year_review]"),
    );
    let out = hoinghi().arg("check").arg(&both).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("vừa sơ kết 6 tháng"),
        "{}",
        stderr(&out)
    );
}

/// The outlet's tag as the outlet writes it (issue 22, item 4): a bare code is put in the
/// usual form ("BNP" → "(BNP) - "); a tag written with its punctuation ("(GLO)-", "QTO -")
/// is printed as written, then one space, at the start of the lead in every format.
#[test]
fn outlet_tag_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    for (outlet, lead) in [
        ("BNP", "(BNP) - Sáng 18/12, "),
        ("\"(GLO)-\"", "(GLO)- Sáng 18/12, "),
        ("QTO -", "QTO - Sáng 18/12, "),
        ("\"(TTO) - \"", "(TTO) - Sáng 18/12, "),
    ] {
        let yaml = minimal(&format!(
            "article:\n  byline: Lam Hồng\n  outlet: {outlet}\n"
        ));
        let file = write(tmp.path(), "tin.yaml", &yaml);
        let out_dir = tmp.path().join(format!("out-{}", outlet.len()));
        let (dir, out) = render(
            &file,
            &out_dir,
            &["--doc", "bai-tin", "--format", "pdf,html,md,txt"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let txt = read(&dir.join("bai-tin.txt"));
        let txt_lead = txt.split("\n\n").nth(1).map(squash).unwrap_or_default();
        assert!(txt_lead.starts_with(lead), "{outlet}: txt {txt_lead}");
        let html = parse_html(&read(&dir.join("bai-tin.html")));
        let sapo = all(&html, "p")
            .into_iter()
            .find(|p| attr(p, "class").as_deref() == Some("sapo"))
            .map(|p| text_of(&p))
            .unwrap_or_default();
        assert!(sapo.starts_with(lead.trim_end()), "{outlet}: html {sapo}");
        let md = markdown_dom(&read(&dir.join("bai-tin.md")));
        let md_lead = all(&md, "p").first().map(text_of).unwrap_or_default();
        assert!(
            md_lead.starts_with(lead.trim_end()),
            "{outlet}: md {md_lead}"
        );
        let pdf = std::fs::read(dir.join("bai-tin.pdf")).unwrap();
        let pdf_text = squash(
            &crate::support::pdf::pages(&pdf)
                .iter()
                .flatten()
                .map(|s| s.text.replace('\u{a0}', " "))
                .collect::<Vec<_>>()
                .join(" "),
        );
        assert!(
            pdf_text.contains(lead.trim_end()),
            "{outlet}: pdf {pdf_text}"
        );
        assert!(!pdf_text.contains("(("), "{outlet}: pdf {pdf_text}");
    }
}
