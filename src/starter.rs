//! Starter meeting files: one per kind of conference, commented in Vietnamese, with
//! `# ← điền …` at each place to fill in. Each passes `check --doc all` as written.

/// The kind of conference a starter file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Starter {
    /// A signing conference (ký kết giao ước thi đua).
    KyKet,
    /// A year-end review with votes and awards (tổng kết).
    TongKet,
    /// A launch and signing conference (phát động và ký kết).
    PhatDong,
}

impl Starter {
    /// The starter file's text.
    pub fn text(self) -> &'static str {
        match self {
            Starter::KyKet => include_str!("../templates/init/ky-ket.yaml"),
            Starter::TongKet => include_str!("../templates/init/tong-ket.yaml"),
            Starter::PhatDong => include_str!("../templates/init/phat-dong.yaml"),
        }
    }

    /// The documents the starter file makes, as `--doc` takes them.
    pub fn documents(self) -> &'static str {
        match self {
            Starter::KyKet | Starter::PhatDong => {
                "giao-uoc,bien-ban,bai-tin,giay-moi,chuong-trinh,danh-sach"
            }
            Starter::TongKet => {
                "bien-ban,bai-tin,giay-moi,chuong-trinh,danh-sach,bien-ban-kiem-phieu,to-trinh"
            }
        }
    }
}
