//! `hoinghi init`: writes a commented starter meeting file, to standard output or to a file.

use hoinghi::{Starter, text};

use crate::args::{InitArgs, InitKind};
use crate::console::{Console, to_stdout};
use crate::exit::{Failure, Outcome};

/// Runs the command.
pub fn run(args: &InitArgs, console: &mut Console) -> Outcome {
    let starter = match args.kind {
        InitKind::KyKet => Starter::KyKet,
        InitKind::TongKet => Starter::TongKet,
        InitKind::PhatDong => Starter::PhatDong,
    };
    let Some(path) = &args.out else {
        return to_stdout(starter.text());
    };
    let p = path.display();
    // `symlink_metadata`: a link (even one pointing nowhere) is something that exists too.
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.is_dir() {
            return Err(Failure::FailedWith(text!(
                "lỗi: {p} là một thư mục; hãy ghi tên tệp, ví dụ -o {p}/hoi-nghi.yaml",
                "error: {p} is a folder; give a file name, for example -o {p}/hoi-nghi.yaml"
            )));
        }
        if !args.force {
            return Err(Failure::FailedWith(text!(
                "lỗi: tệp {p} đã có; không ghi đè (thêm --force nếu muốn thay tệp đó bằng tệp mẫu)",
                "error: the file {p} already exists; not overwritten (add --force to replace it with the starter file)"
            )));
        }
    }
    hoinghi::write::write_atomic(path, starter.text().as_bytes())
        .map_err(|e| Failure::FailedWith(hoinghi::write::cannot_write(path, &e)))?;
    let docs = starter.documents();
    console.note(&text!(
        "đã ghi {p}: sửa các chỗ có dấu “← điền”, rồi chạy: hoinghi check --doc {docs} {p}",
        "wrote {p}: fill in the places marked “← điền”, then run: hoinghi check --doc {docs} {p}"
    ));
    Ok(())
}
