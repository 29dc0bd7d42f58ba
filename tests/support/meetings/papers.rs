//! What each document may carry of its own: numbers, recipients, the agreement's and the
//! minutes' options, the article.

use hoinghi::model::{
    AgreementOptions, Article, ArticleAddress, DateStyle, MinutesOptions, Numbers,
};
use proptest::prelude::*;
use proptest::sample::select;

use super::content::sentence;
use super::opt;
use super::people::person_name;
use super::words::{BLOC_TOPICS, ISSUER_CODES, PLACES, TOPICS};
/// Document numbers.
pub fn numbers() -> impl Strategy<Value = Numbers> {
    (
        opt(select(ISSUER_CODES)),
        opt(1u32..300),
        opt(select(&["GƯ", "GU", "GƯTĐ"][..])),
        opt(1u32..300),
    )
        .prop_map(
            |(issuer_code, agreement, agreement_type, minutes)| Numbers {
                issuer_code: issuer_code.map(str::to_owned),
                agreement,
                agreement_type: agreement_type.map(str::to_owned),
                minutes,
            },
        )
}

/// A Nơi nhận list.
pub fn recipients() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            select(PLACES).prop_map(|p| format!("Ủy ban nhân dân {p}")),
            select(TOPICS).prop_map(|t| format!("Sở {t}")),
            Just("Các đơn vị thành viên".to_owned()),
            Just("Lưu VT".to_owned()),
        ],
        0..5,
    )
}

/// The agreement's own words and layout.
pub fn agreement_options() -> impl Strategy<Value = AgreementOptions> {
    (
        opt(Just("BẢN GIAO ƯỚC THI ĐUA NĂM 2026".to_owned())),
        opt(sentence()),
        opt(sentence()),
        opt(sentence()),
        opt(prop_oneof![
            Just(String::new()),
            Just("Đại diện các đơn vị ký kết".to_owned()),
            Just("CÁC ĐƠN VỊ THÀNH VIÊN\nKÝ TÊN".to_owned()),
        ]),
        opt(prop_oneof![8 => 1u8..=3, 1 => Just(0u8), 1 => 4u8..7]),
        opt(recipients()),
        opt(Just("Văn phòng Khối".to_owned())),
    )
        .prop_map(
            |(
                title,
                subject,
                preamble,
                closing,
                signature_heading,
                columns,
                recipients,
                archive,
            )| {
                AgreementOptions {
                    title,
                    subject,
                    preamble,
                    closing,
                    signature_heading,
                    columns,
                    recipients,
                    archive,
                    letterhead: Default::default(),
                }
            },
        )
}

/// The minutes' labels and recipients.
pub fn minutes_options() -> impl Strategy<Value = MinutesOptions> {
    (
        opt(select(&["THƯ KÝ HỘI NGHỊ", "NGƯỜI GHI BIÊN BẢN"][..])),
        opt(select(&["CHỦ TRÌ", "CHỦ TỌA HỘI NGHỊ"][..])),
        recipients(),
        opt(Just("Hồ sơ hội nghị".to_owned())),
    )
        .prop_map(
            |(secretary_label, chair_label, recipients, archive)| MinutesOptions {
                secretary_label: secretary_label.map(str::to_owned),
                chair_label: chair_label.map(str::to_owned),
                recipients,
                archive,
            },
        )
}

/// The news report, without photos.
pub fn article() -> impl Strategy<Value = Article> {
    (
        opt(select(&["BNP", "QTO", "Báo Lâm Đồng"][..])),
        opt(sentence()),
        opt(select(BLOC_TOPICS).prop_map(|b| format!("Khối thi đua {b}:"))),
        prop_oneof![Just(DateStyle::Slash), Just(DateStyle::Hyphen)],
        prop::collection::vec(sentence(), 0..4),
        opt(prop::bool::ANY),
        prop::bool::ANY,
        person_name(),
        opt(sentence()),
        prop::collection::vec(opt(sentence()), 0..4),
        opt(prop_oneof![
            Just(ArticleAddress::DongChi),
            Just(ArticleAddress::OngBa),
        ]),
    )
        .prop_map(
            |(
                outlet,
                title,
                kicker,
                date_style,
                paragraphs,
                list_members,
                end_mark,
                byline,
                lead,
                body,
                address,
            )| {
                Article {
                    outlet: outlet.map(str::to_owned),
                    title,
                    kicker,
                    date_style,
                    paragraphs,
                    list_members,
                    sections: None,
                    photos: Vec::new(),
                    byline: format!("Tin, ảnh: {byline}"),
                    end_mark,
                    lead,
                    body,
                    address,
                }
            },
        )
}
