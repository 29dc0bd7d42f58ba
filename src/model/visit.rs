//! A walk over every free-text field of a meeting with its field path (`members[3].signer.name`).
//!
//! Text hygiene (NFC, control characters, legacy encodings, tone style) and the glyph check all
//! need every string with the path a clerk would look for; this is the one place that knows
//! where the strings are. Keys and enum values are not visited.

use super::*;

/// Receives every text field of a meeting, mutably, with its field path.
pub trait TextVisitor {
    /// Called once per text field.
    fn text(&mut self, path: &str, value: &mut String);
}

impl<F: FnMut(&str, &mut String)> TextVisitor for F {
    fn text(&mut self, path: &str, value: &mut String) {
        self(path, value)
    }
}

struct Walker<'v> {
    path: String,
    visitor: &'v mut dyn TextVisitor,
}

impl Walker<'_> {
    fn field(&mut self, name: &str, value: &mut String) {
        let len = self.push(name);
        self.visitor.text(&self.path, value);
        self.path.truncate(len);
    }
    fn opt(&mut self, name: &str, value: &mut Option<String>) {
        if let Some(v) = value {
            self.field(name, v);
        }
    }
    fn list(&mut self, name: &str, values: &mut [String]) {
        for (i, v) in values.iter_mut().enumerate() {
            self.field(&format!("{name}[{i}]"), v);
        }
    }
    fn nest<T>(&mut self, name: &str, value: &mut T, f: impl FnOnce(&mut Self, &mut T)) {
        let len = self.push(name);
        f(self, value);
        self.path.truncate(len);
    }
    fn each<T>(&mut self, name: &str, values: &mut [T], mut f: impl FnMut(&mut Self, &mut T)) {
        for (i, v) in values.iter_mut().enumerate() {
            self.nest(&format!("{name}[{i}]"), v, &mut f);
        }
    }
    fn push(&mut self, name: &str) -> usize {
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(name);
        len
    }
}

impl Meeting {
    /// Calls `visitor` on every text field, in document order.
    pub fn visit_texts(&mut self, visitor: &mut dyn TextVisitor) {
        let mut w = Walker {
            path: String::new(),
            visitor,
        };
        w.nest("bloc", &mut self.bloc, bloc);
        w.opt("title", &mut self.title);
        w.field("date", &mut self.date);
        w.field("start_time", &mut self.start_time);
        w.opt("end_time", &mut self.end_time);
        w.field("venue", &mut self.venue);
        w.nest("chair", &mut self.chair, person);
        if let Some(s) = &mut self.secretary {
            w.nest("secretary", s, person);
        }
        w.each("guests", &mut self.guests, guest);
        w.each("members", &mut self.members, member);
        w.list("legal_bases", &mut self.legal_bases);
        w.each("commitments", &mut self.commitments, section);
        w.each("proceedings", &mut self.proceedings, |w, p| {
            w.field("speaker", &mut p.speaker);
            w.opt("title", &mut p.title);
            w.field("summary", &mut p.summary);
        });
        w.each("votes", &mut self.votes, vote);
        w.each("awards", &mut self.awards, |w, a| {
            w.field("award", &mut a.award);
            w.list("recipients", &mut a.recipients);
            w.opt("reason", &mut a.reason);
        });
        w.list("conclusions", &mut self.conclusions);
        w.opt("next_head_unit", &mut self.next_head_unit);
        w.nest("numbers", &mut self.numbers, |w, n| {
            w.opt("issuer_code", &mut n.issuer_code);
            w.opt("agreement_type", &mut n.agreement_type);
        });
        w.nest("agreement", &mut self.agreement, agreement);
        w.nest("minutes", &mut self.minutes, |w, m| {
            w.opt("secretary_label", &mut m.secretary_label);
            w.opt("chair_label", &mut m.chair_label);
            w.list("recipients", &mut m.recipients);
            w.opt("archive", &mut m.archive);
        });
        self.visit_extras(&mut w);
    }

    /// Visits the blocks of the documents beyond the agreement and the minutes, in document
    /// order: article, invitation, programme, attendance, counting, proposal.
    fn visit_extras(&mut self, w: &mut Walker) {
        if let Some(a) = &mut self.article {
            w.nest("article", a, article);
        }
        if let Some(inv) = &mut self.invitation {
            w.nest("invitation", inv, |w, i| {
                w.list("notes", &mut i.notes);
                w.list("guest_notes", &mut i.guest_notes);
                w.list("member_notes", &mut i.member_notes);
                w.list("except", &mut i.except);
                w.opt("contact", &mut i.contact);
                w.list("recipients", &mut i.recipients);
                w.opt("archive", &mut i.archive);
                w.opt("signer_title", &mut i.signer_title);
                w.opt("signer", &mut i.signer);
            });
        }
        w.each("programme", &mut self.programme, |w, p| {
            w.field("time", &mut p.time);
            w.field("item", &mut p.item);
            w.opt("by", &mut p.by);
        });
        if let Some(att) = &mut self.attendance {
            w.nest("attendance", att, |w, a| {
                w.each("people", &mut a.people, |w, r| {
                    w.field("name", &mut r.name);
                    w.opt("title", &mut r.title);
                    w.opt("unit", &mut r.unit);
                });
            });
        }
        if let Some(c) = &mut self.counting {
            w.nest("counting", c, |w, c| {
                w.each("committee", &mut c.committee, |w, p| {
                    w.field("name", &mut p.name);
                    w.opt("title", &mut p.title);
                    w.opt("role", &mut p.role);
                });
                w.opt("start_time", &mut c.start_time);
                w.opt("end_time", &mut c.end_time);
            });
        }
        if let Some(p) = &mut self.proposal {
            w.nest("proposal", p, proposal);
        }
    }
}

/// The text fields of the bloc.
fn bloc(w: &mut Walker, b: &mut Bloc) {
    w.field("name", &mut b.name);
    w.opt("superior", &mut b.superior);
    w.field("place", &mut b.place);
    w.opt("head_unit", &mut b.head_unit);
}

/// The text fields of a guest.
fn guest(w: &mut Walker, g: &mut Guest) {
    w.field("name", &mut g.name);
    w.list("titles", &mut g.titles);
    w.opt("role", &mut g.role);
    w.opt("speech", &mut g.speech);
}

/// The text fields of a member unit and its signer.
fn member(w: &mut Walker, m: &mut Member) {
    w.opt("id", &mut m.id);
    w.field("name", &mut m.name);
    w.nest("signer", &mut m.signer, |w, s| {
        w.field("name", &mut s.name);
        w.field("title", &mut s.title);
        w.opt("on_behalf_of", &mut s.on_behalf_of);
        w.opt("principal_title", &mut s.principal_title);
    });
    w.opt("absent", &mut m.absent);
}

/// The text fields of a section of commitments.
fn section(w: &mut Walker, s: &mut Section) {
    w.field("title", &mut s.title);
    w.opt("intro", &mut s.intro);
    w.opt("summary", &mut s.summary);
    w.each("items", &mut s.items, |w, c| {
        w.field("text", &mut c.text);
        w.list("items", &mut c.items);
    });
}

/// The text fields of a vote.
fn vote(w: &mut Walker, v: &mut Vote) {
    w.field("motion", &mut v.motion);
    w.opt("method", &mut v.method);
    w.each("options", &mut v.options, |w, o| {
        w.field("label", &mut o.label)
    });
    if let Some(elected) = &mut v.elected {
        w.list("elected", elected);
    }
    w.opt("result", &mut v.result);
    if let Some(c) = &mut v.counting {
        w.nest("counting", c, |w, c| {
            w.opt("start_time", &mut c.start_time);
            w.opt("end_time", &mut c.end_time);
        });
    }
}

/// The text fields of the agreement block.
fn agreement(w: &mut Walker, a: &mut AgreementOptions) {
    w.opt("title", &mut a.title);
    w.opt("subject", &mut a.subject);
    w.opt("preamble", &mut a.preamble);
    w.opt("closing", &mut a.closing);
    w.opt("signature_heading", &mut a.signature_heading);
    if let Some(r) = &mut a.recipients {
        w.list("recipients", r);
    }
    w.opt("archive", &mut a.archive);
}

/// The text fields of the article block.
fn article(w: &mut Walker, a: &mut Article) {
    w.opt("outlet", &mut a.outlet);
    w.opt("title", &mut a.title);
    w.opt("kicker", &mut a.kicker);
    w.list("paragraphs", &mut a.paragraphs);
    w.opt("lead", &mut a.lead);
    for (i, entry) in a.body.iter_mut().enumerate() {
        w.opt(&format!("body[{i}]"), entry);
    }
    w.each("photos", &mut a.photos, |w, p| {
        w.field("file", &mut p.file);
        w.field("caption", &mut p.caption);
        w.field("credit", &mut p.credit);
    });
    w.field("byline", &mut a.byline);
}

/// The text fields of the proposal block.
fn proposal(w: &mut Walker, p: &mut Proposal) {
    w.field("to", &mut p.to);
    w.list("legal_bases", &mut p.legal_bases);
    w.each("results", &mut p.results, |w, r| {
        w.field("unit", &mut r.unit);
        w.field("result", &mut r.result);
    });
    w.list("recipients", &mut p.recipients);
    w.opt("archive", &mut p.archive);
    w.opt("signer_title", &mut p.signer_title);
    w.opt("signer", &mut p.signer);
}

fn person(w: &mut Walker, p: &mut Person) {
    w.field("name", &mut p.name);
    w.opt("title", &mut p.title);
    w.list("titles", &mut p.titles);
}
