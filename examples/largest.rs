//! Writes the largest meetings the limits allow, for measuring the budget a meeting may cost
//! (`scripts/largest` times each one): any file `check` accepts must typeset in about 1 GB and
//! 30 s on two cores.
//!
//! ```sh
//! cargo run -q --example largest -- OUT
//! ```
//!
//! Each case is the 30-unit sample (`samples/giao-uoc-30-don-vi.yaml`, every document of the
//! pack) grown to a limit, in its own folder `OUT/<case>/meeting.yaml`:
//! - `members`: 100 member units (the limit) with names of about 1,800 characters;
//! - `speeches`: 100 members with 500-character names and 50 guests (the limit) whose speeches
//!   bring the meeting's text near its total limit of 250,000 characters;
//! - `photos`: eight 12-megapixel camera photos (noise, so JPEG cannot shrink them), near the
//!   100-megapixel budget of a meeting's photos;
//! - `all`: the `speeches` text and the `photos` photos together.

use std::path::Path;
use std::process::ExitCode;

use serde_yaml::{Mapping, Value};

const WORDS: &[&str] = &[
    "Sở", "Văn", "hóa", "Thể", "thao", "Du", "lịch", "Giáo", "dục", "Đào", "tạo", "Nông", "nghiệp",
    "Phát", "triển", "nông", "thôn", "Ủy", "ban", "Mặt", "trận", "Tổ", "quốc", "Liên", "hiệp",
    "các", "Hội", "Khoa", "học", "Kỹ", "thuật", "tỉnh", "Lâm", "Đồng",
];

/// About `chars` characters of Vietnamese words, the same for the same `seed`.
fn words(chars: usize, seed: usize) -> String {
    let mut out = String::new();
    let mut i = seed;
    while out.chars().count() < chars {
        i = i.wrapping_mul(1_103_515_245).wrapping_add(12_345) % 2_147_483_648;
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(WORDS[i % WORDS.len()]);
    }
    out
}

fn key(k: &str) -> Value {
    Value::String(k.to_owned())
}

/// The sample with `members` units named by `name_len` characters and `guests` guests with
/// speeches of `speech_len` characters.
fn grown(
    sample: &Value,
    members: usize,
    name_len: usize,
    guests: usize,
    speech_len: usize,
) -> Value {
    let mut m = sample.clone();
    let first_member = m["members"][0].clone();
    let units: Vec<Value> = (0..members)
        .map(|i| {
            let mut unit = first_member.clone();
            unit["id"] = Value::String(format!("u{i}"));
            unit["name"] = Value::String(format!("{} số {i}", words(name_len, i)));
            unit
        })
        .collect();
    m["members"] = Value::Sequence(units);
    m["bloc"]["head_unit"] = key("u0");
    let first_guest = m["guests"][0].clone();
    m["guests"] = Value::Sequence(
        (0..guests)
            .map(|i| {
                let mut guest = first_guest.clone();
                guest["name"] = Value::String(format!("Nguyễn Văn Khách {i}"));
                guest["speech"] = Value::String(format!("{}.", words(speech_len, i + 7)));
                guest
            })
            .collect(),
    );
    if let Some(votes) = m["votes"].as_sequence_mut() {
        for vote in votes {
            vote["voters"] = Value::from(members as u64);
            vote["returned"] = Value::from(members as u64);
            if let Some(options) = vote["options"].as_sequence_mut() {
                for (i, option) in options.iter_mut().enumerate() {
                    option["label"] = Value::String(format!("u{i}"));
                }
            }
        }
    }
    if let Some(awards) = m["awards"].as_sequence_mut() {
        for award in awards {
            award["recipients"] =
                Value::Sequence((0..5).map(|i| Value::String(format!("u{i}"))).collect());
        }
    }
    m
}

/// Adds `count` photos of 4000 × 3000 noise to `m`, written under `dir/photos/`.
fn with_photos(m: &mut Value, dir: &Path, count: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("photos"))?;
    let mut seed = 7u32;
    let pixels = image::RgbImage::from_fn(4000, 3000, |_, _| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let [r, g, b, _] = seed.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&pixels)
        .map_err(std::io::Error::other)?;
    let mut photos = Vec::new();
    for i in 0..count {
        let file = format!("photos/anh-{i:02}.jpg");
        std::fs::write(dir.join(&file), &jpeg)?;
        let mut photo = Mapping::new();
        photo.insert(key("file"), Value::String(file));
        photo.insert(
            key("caption"),
            Value::String(format!("Quang cảnh hội nghị, ảnh {i}")),
        );
        photo.insert(key("credit"), key("Thu Hằng"));
        photos.push(Value::Mapping(photo));
    }
    m["article"]["photos"] = Value::Sequence(photos);
    Ok(())
}

fn write(out: &Path, case: &str, m: &Value) -> std::io::Result<()> {
    let dir = out.join(case);
    std::fs::create_dir_all(&dir)?;
    let text = serde_yaml::to_string(m).map_err(std::io::Error::other)?;
    std::fs::write(dir.join("meeting.yaml"), text)
}

fn run(out: &Path) -> std::io::Result<()> {
    let sample_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/giao-uoc-30-don-vi.yaml");
    let sample: Value = serde_yaml::from_str(&std::fs::read_to_string(sample_path)?)
        .map_err(std::io::Error::other)?;
    write(out, "members", &grown(&sample, 100, 1_790, 2, 300))?;
    let speeches = grown(&sample, 100, 500, 50, 3_400);
    write(out, "speeches", &speeches)?;
    let mut photos = sample.clone();
    with_photos(&mut photos, &out.join("photos"), 8)?;
    write(out, "photos", &photos)?;
    let mut all = speeches;
    with_photos(&mut all, &out.join("all"), 8)?;
    write(out, "all", &all)
}

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: largest OUT");
        return ExitCode::from(2);
    };
    match run(Path::new(&out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("largest: {e}");
            ExitCode::FAILURE
        }
    }
}
