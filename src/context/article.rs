//! The news article's wording: headline, lead with outlet tag and time phrase, body sentences
//! in the Party-press pattern of the reference articles (members → commitments → speeches →
//! outcome), photo placement and captions.

use super::{ArticleCtx, Context, PhotoCtx};
use crate::model::{Activity, Article, Meeting};
use crate::vietnamese::capitalize_first;

/// Builds the article values from the meeting and its already-built context.
pub fn build(m: &Meeting, a: &Article, ctx: &Context) -> ArticleCtx {
    let title = a
        .title
        .clone()
        .unwrap_or_else(|| format!("{} {}", ctx.bloc_name, headline_phrase(m, ctx)));
    let title = title.trim().trim_end_matches('.').to_owned();

    let tag = a
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| format!("({t}) - "))
        .unwrap_or_default();
    let mut lead = format!(
        "{tag}{} {}, {} tổ chức hội nghị {}.",
        ctx.when.time_of_day, ctx.when.date_short, ctx.bloc_name, ctx.activity_phrase
    );
    let attending: Vec<&str> = ctx.guests.iter().map(|g| g.intro.as_str()).collect();
    if attending.is_empty() {
        lead += &format!(" {} chủ trì hội nghị.", capitalize_first(&ctx.chair.intro));
    } else {
        lead += &format!(
            " {} dự hội nghị; {} chủ trì hội nghị.",
            capitalize_first(&attending.join("; ")),
            ctx.chair.intro
        );
    }

    let mut paragraphs = Vec::new();
    let names: Vec<String> = ctx.members.iter().map(|u| u.name.clone()).collect();
    let count = names.len();
    if m.does(Activity::Sign) {
        let mut p = format!(
            "{count} đơn vị trong {} (gồm: {}) đã ký kết giao ước thi đua năm {}",
            ctx.bloc_word,
            names.join("; "),
            ctx.year
        );
        let items: Vec<&str> = ctx
            .sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.text.trim()))
            .collect();
        if items.is_empty() {
            p.push('.');
        } else {
            p += " với các nội dung trọng tâm: ";
            p += &items
                .iter()
                .map(|t| format!("{}.", t.trim_end_matches(['.', ';', ','])))
                .collect::<Vec<_>>()
                .join(" ");
        }
        paragraphs.push(p);
    } else {
        paragraphs.push(format!(
            "{} thi đua gồm {count} đơn vị: {}.",
            ctx.bloc_word,
            names.join("; ")
        ));
    }
    for g in ctx.guests.iter().filter(|g| g.speech.is_some()) {
        let speech = g.speech.as_deref().unwrap_or("").trim();
        let role = if g.role.trim() == "dự" {
            "phát biểu"
        } else {
            g.role.trim()
        };
        paragraphs.push(format!(
            "{} tại hội nghị, {} {speech}",
            capitalize_first(role),
            g.intro
        ));
    }
    let mut outcome = Vec::new();
    for award in &ctx.awards {
        let reason = award
            .reason
            .as_deref()
            .map(|r| format!(" {}", r.trim()))
            .unwrap_or_default();
        if award.proposed {
            outcome.push(format!(
                "Hội nghị đã thống nhất đề nghị tặng {} cho {}{reason}.",
                award.award, award.recipients_joined
            ));
        } else {
            outcome.push(format!(
                "{} được tặng {}{reason}.",
                capitalize_first(&award.recipients_joined),
                award.award
            ));
        }
    }
    if let Some(next) = &ctx.next_head_unit {
        outcome.push(format!(
            "{next} được bầu làm Trưởng {} thi đua năm {}.",
            ctx.bloc_word, ctx.next_head_year
        ));
    }
    if !outcome.is_empty() {
        paragraphs.push(outcome.join(" "));
    }
    paragraphs.extend(a.paragraphs.iter().map(|p| p.trim().to_owned()));
    if a.end_mark
        && let Some(last) = paragraphs.last_mut()
    {
        let core = last.trim_end_matches(['.', ' ']).to_owned();
        *last = format!("{core}./.");
    }
    let photos = a
        .photos
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let caption = p.caption.trim().trim_end_matches('.');
            PhotoCtx {
                file: p.file.trim().to_owned(),
                // No line break inside "Ảnh: <name>".
                caption: format!(
                    "{caption}. Ảnh:\u{a0}{}",
                    p.credit.trim().replace(' ', "\u{a0}")
                ),
                after: i.min(paragraphs.len()),
            }
        })
        .collect();
    ArticleCtx {
        kicker: a.kicker.clone(),
        title,
        lead,
        paragraphs,
        photos,
        byline: a.byline.trim().to_owned(),
    }
}

fn headline_phrase(m: &Meeting, ctx: &Context) -> String {
    if m.does(Activity::Review) && !m.does(Activity::Launch) && !m.does(Activity::Sign) {
        format!(
            "tổng kết công tác thi đua, khen thưởng năm {}",
            ctx.review_year
        )
    } else {
        format!("tổ chức hội nghị {}", ctx.activity_phrase)
    }
}
