//! The shared words of every document: `mac-dinh.j2`, seen by the templates as `words`.
//!
//! The file is plain text in every format: its phrases are evaluated without escaping, and each
//! document escapes what it prints for its own format (Typst markup, a Typst string, HTML), the
//! same way as the meeting file's own values. Its top-level `{% set %}` values are evaluated once
//! per document (`words.agreement_title`); its macros on each call (`words.intro(chair)`).

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::value::{Object, Value};
use minijinja::{Environment, Error, ErrorKind, State};

/// The template holding the shared words.
pub const WORDS: &str = "mac-dinh.j2";

/// `mac-dinh.j2` evaluated with one document's context.
pub struct Words {
    env: Arc<Environment<'static>>,
    ctx: Value,
    values: BTreeMap<String, Value>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("values", &self.values.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Words {
    /// Evaluates the shared words with `ctx` (a document's context).
    pub fn new(env: Arc<Environment<'static>>, ctx: Value) -> Result<Words, Error> {
        let values = {
            let captured = env.get_template(WORDS)?.render_captured(&ctx)?;
            let state = captured.state();
            state
                .exports()
                .into_iter()
                .filter_map(|name| Some((name.to_owned(), state.lookup(name)?)))
                .collect()
        };
        Ok(Words { env, ctx, values })
    }

    /// The phrase `name` (a top-level `{% set %}`), whitespace collapsed.
    pub fn phrase(&self, name: &str) -> Result<String, Error> {
        match self.values.get(name) {
            Some(value) => Ok(crate::text::collapse_whitespace(&value.to_string())),
            None => Err(Error::new(
                ErrorKind::UndefinedError,
                format!("{WORDS} does not set {name}"),
            )),
        }
    }

    /// Calls macro `name` of the shared words with `args`.
    pub fn call_macro(&self, name: &str, args: &[Value]) -> Result<String, Error> {
        let captured = self.env.get_template(WORDS)?.render_captured(&self.ctx)?;
        let state = captured.state();
        if state.lookup(name).is_none() {
            return Err(Error::new(
                ErrorKind::UnknownMethod,
                format!("{WORDS} has no macro {name}"),
            ));
        }
        state.call_macro(name, args)
    }
}

impl Object for Words {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.values.get(key.as_str()?).cloned()
    }

    fn call_method(
        self: &Arc<Self>,
        _state: &State<'_, '_>,
        method: &str,
        args: &[Value],
    ) -> Result<Value, Error> {
        self.call_macro(method, args).map(Value::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{Context, PersonCtx};
    use crate::model::{Address, Profile};
    use crate::render::{Renderer, TemplateStore};

    /// The context of a sample meeting in `profile`.
    fn sample(profile: Profile) -> Context {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join("ky-ket-khoi-dang.yaml");
        let engine = crate::Engine::new(crate::Settings::default()).expect("an engine");
        let prepared = engine.prepare(&path).expect("a sample");
        crate::context::build(
            prepared.meeting(),
            &prepared.schedule(),
            profile,
            "Liberation Serif",
        )
    }

    /// The embedded shared words with `ctx`.
    fn words(ctx: &Context) -> Words {
        let renderer = Renderer::new(TemplateStore::default()).unwrap();
        Words::new(renderer.env.clone(), Value::from_serialize(ctx)).unwrap()
    }

    fn intro(w: &Words, name: &str, titles: &[&str], address: Address) -> String {
        let p = PersonCtx {
            name: name.to_owned(),
            titles: titles.iter().map(|t| (*t).to_owned()).collect(),
            address,
        };
        w.call_macro("intro", &[Value::from_serialize(&p)]).unwrap()
    }

    #[test]
    fn people_in_running_text() {
        let w = words(&sample(Profile::Nd30));
        let titles = [
            "Phó Giám đốc Sở Nội vụ",
            "Trưởng Ban Thi đua - Khen thưởng tỉnh",
        ];
        assert_eq!(
            intro(&w, "Lý Thị Mỹ Duyên", &titles, Address::Ba),
            "bà Lý Thị Mỹ Duyên, Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh"
        );
        assert_eq!(
            intro(&w, "Hà Văn Sơn", &titles[..1], Address::Ong),
            "ông Hà Văn Sơn - Phó Giám đốc Sở Nội vụ"
        );
        assert_eq!(
            intro(&w, "Hà Văn Sơn", &titles[..1], Address::DongChi),
            "đồng chí Hà Văn Sơn, Phó Giám đốc Sở Nội vụ"
        );
        assert_eq!(intro(&w, "Hà Văn Sơn", &[], Address::Ong), "ông Hà Văn Sơn");
    }

    #[test]
    fn each_profile_ends_its_recipients_with_its_archive_line() {
        let nd30 = words(&sample(Profile::Nd30));
        assert_eq!(
            nd30.call_macro("archive_line", &[Value::from(())]).unwrap(),
            "Lưu: VT, Hồ sơ."
        );
        assert_eq!(
            nd30.call_macro("archive_line", &[Value::from("Văn phòng Sở Nội vụ")])
                .unwrap(),
            "Lưu: VT, Văn phòng Sở Nội vụ."
        );
        let ctx = sample(Profile::Party);
        let party = words(&ctx);
        assert_eq!(
            party
                .call_macro("archive_line", &[Value::from("Văn phòng Tỉnh ủy")])
                .unwrap(),
            "Lưu Văn phòng Tỉnh ủy."
        );
        // No archive: the head unit keeps the file.
        assert_eq!(
            party
                .call_macro("archive_line", &[Value::from(())])
                .unwrap(),
            format!("Lưu {}.", ctx.head_unit.as_deref().unwrap())
        );
    }

    #[test]
    fn number_lines_of_each_profile() {
        let line = |w: &Words, n: Option<u32>, issuer: Option<&str>| {
            let n = crate::context::letters::number(n, "BB", issuer);
            w.call_macro("number_line", &[Value::from_serialize(&n)])
                .unwrap()
        };
        let nd30 = words(&sample(Profile::Nd30));
        assert_eq!(line(&nd30, Some(5), Some("KTĐ")), "Số: 05/BB-KTĐ");
        assert_eq!(line(&nd30, Some(5), None), "Số: 05/BB");
        assert_eq!(
            line(&nd30, None, Some("KTĐ")),
            "Số: \u{a0}\u{a0}\u{a0}/BB-KTĐ"
        );
        let party = words(&sample(Profile::Party));
        assert_eq!(line(&party, Some(12), Some("KTĐ")), "Số 12-BB/KTĐ");
        // HD 36 always writes the issuer's code: dots to fill in.
        assert_eq!(line(&party, Some(12), None), "Số 12-BB/.....");
        assert_eq!(
            line(&party, None, Some("KTĐ")),
            "Số \u{a0}\u{a0}\u{a0}-BB/KTĐ"
        );
    }

    #[test]
    fn the_meeting_is_named_from_what_it_does_or_from_its_title() {
        let mut ctx = sample(Profile::Nd30);
        ctx.meeting_title = None;
        ctx.does.launch = true;
        ctx.does.sign = true;
        ctx.does.review = true;
        let year = ctx.year;
        let review = ctx.review_year;
        let w = words(&ctx);
        assert_eq!(
            w.phrase("meeting_name").unwrap(),
            format!(
                "Hội nghị tổng kết công tác thi đua, khen thưởng năm {review}, phát động và ký kết giao ước thi đua năm {year}"
            )
        );
        ctx.does.review = false;
        ctx.does.launch = false;
        assert_eq!(
            words(&ctx).phrase("meeting_phrase").unwrap(),
            format!("hội nghị ký kết giao ước thi đua năm {year}")
        );
        ctx.does.sign = false;
        assert_eq!(
            words(&ctx).phrase("activity").unwrap(),
            format!("thi đua năm {year}")
        );
        ctx.does.mid_year_review = true;
        ctx.review_year = year;
        assert_eq!(
            words(&ctx).phrase("meeting_name").unwrap(),
            format!("Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {year}")
        );
        ctx.does.mid_year_review = false;
        for (title, phrase) in [
            ("Hội nghị giao ban Khối", "hội nghị giao ban Khối"),
            ("Lễ ký kết", "lễ ký kết"),
            ("Phiên họp Khối", "Phiên họp Khối"),
        ] {
            ctx.meeting_title = Some(title.to_owned());
            let w = words(&ctx);
            assert_eq!(w.phrase("meeting_name").unwrap(), title);
            assert_eq!(w.phrase("meeting_phrase").unwrap(), phrase);
        }
    }
}
