//! `hoinghi init`: writes a commented starter meeting file, to standard output or to a file.

use std::io::Write;

use hoinghi::output;
use hoinghi::text;

use super::{Console, FAILED, OK};
use crate::cli::{InitArgs, InitKind};

/// The starter file of a signing conference.
const KY_KET: &str = include_str!("../../templates/init/ky-ket.yaml");
/// The starter file of a year-end review.
const TONG_KET: &str = include_str!("../../templates/init/tong-ket.yaml");
/// The starter file of a launch and signing conference.
const PHAT_DONG: &str = include_str!("../../templates/init/phat-dong.yaml");

/// The starter file of `kind`.
fn starter(kind: InitKind) -> &'static str {
    match kind {
        InitKind::KyKet => KY_KET,
        InitKind::TongKet => TONG_KET,
        InitKind::PhatDong => PHAT_DONG,
    }
}

/// The documents the starter file of `kind` makes, as `--doc` takes them.
fn documents(kind: InitKind) -> &'static str {
    match kind {
        InitKind::KyKet | InitKind::PhatDong => {
            "giao-uoc,bien-ban,bai-tin,giay-moi,chuong-trinh,danh-sach"
        }
        InitKind::TongKet => {
            "bien-ban,bai-tin,giay-moi,chuong-trinh,danh-sach,bien-ban-kiem-phieu,to-trinh"
        }
    }
}

/// Runs the command; 0 when the file was written, 1 when it was not.
pub fn run(args: &InitArgs, out: &mut Console) -> u8 {
    let body = starter(args.kind);
    let Some(path) = &args.out else {
        let mut stdout = std::io::stdout().lock();
        return match stdout
            .write_all(body.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Ok(()) => OK,
            // A reader that stopped early (`| head`) is not an error of ours.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
            Err(e) => {
                out.note(&text!(
                    "lỗi: không in được tệp mẫu ra màn hình: {e}",
                    "error: cannot print the starter file: {e}"
                ));
                FAILED
            }
        };
    };
    let p = path.display();
    // `symlink_metadata`: a link (even one pointing nowhere) is something that exists too.
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.is_dir() {
            out.note(&text!(
                "lỗi: {p} là một thư mục; hãy ghi tên tệp, ví dụ -o {p}/hoi-nghi.yaml",
                "error: {p} is a folder; give a file name, for example -o {p}/hoi-nghi.yaml"
            ));
            return FAILED;
        }
        if !args.force {
            out.note(&text!(
                "lỗi: tệp {p} đã có; không ghi đè (thêm --force nếu muốn thay tệp đó bằng tệp mẫu)",
                "error: the file {p} already exists; not overwritten (add --force to replace it with the starter file)"
            ));
            return FAILED;
        }
    }
    if let Err(e) = output::write_atomic(path, body.as_bytes()) {
        out.note(&output::cannot_write(path, &e));
        return FAILED;
    }
    let docs = documents(args.kind);
    out.note(&text!(
        "đã ghi {p}: sửa các chỗ có dấu “← điền”, rồi chạy: hoinghi check --doc {docs} {p}",
        "wrote {p}: fill in the places marked “← điền”, then run: hoinghi check --doc {docs} {p}"
    ));
    OK
}
