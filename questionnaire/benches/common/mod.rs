//! What the benches share: a session answered as a bench needs it.

use chrono::{DateTime, Utc};
use questionnaire::catalog::{Catalog, Control};
use questionnaire::session::{NewSession, Session};

/// A session on `new`'s profile, made at `now`, its questions answered in profile order as
/// `answer(index, control)` says: the choice and the note, or `None` to leave it unanswered.
pub fn answered_session(
    catalog: &Catalog,
    new: NewSession,
    now: DateTime<Utc>,
    answer: impl Fn(usize, &Control) -> Option<(String, Option<String>)>,
) -> Session {
    let profile = new.profile.clone();
    let mut session = Session::new(catalog, new, now).expect("a valid session");
    for (index, control) in catalog.controls_in(&profile).enumerate() {
        if let Some((choice, note)) = answer(index, control) {
            session.set_answer(&control.id, &choice, note, now);
        }
    }
    session
}
