//! Writing a meeting as its YAML file, and describing one in a line.

use hoinghi::model::Meeting;

/// The meeting as a YAML file, with absent optional fields left out (not `null`).
pub fn to_yaml(m: &Meeting) -> String {
    fn strip(v: &mut serde_yaml::Value) {
        match v {
            serde_yaml::Value::Mapping(map) => {
                map.retain(|_, v| !v.is_null());
                map.values_mut().for_each(strip);
            }
            serde_yaml::Value::Sequence(seq) => seq.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_yaml::to_value(m).expect("a meeting serialises");
    strip(&mut value);
    serde_yaml::to_string(&value).expect("a value serialises")
}

/// Its size in one line: units, commitments, guests, votes, awards, the minutes and article.
pub fn describe(m: &Meeting) -> String {
    let items: usize = m.commitments.iter().map(|s| s.items.len()).sum();
    let sub: usize = m
        .commitments
        .iter()
        .flat_map(|s| &s.items)
        .map(|c| c.items.len())
        .max()
        .unwrap_or(0);
    format!(
        "{} members, {} sections / {items} commitments (max {sub} sub-items), {} guests, {} votes, \
         {} awards, secretary {}, end_time {:?}, article {}",
        m.members.len(),
        m.commitments.len(),
        m.guests.len(),
        m.votes.len(),
        m.awards.len(),
        m.secretary.is_some(),
        m.end_time,
        m.article.is_some(),
    )
}
