//! The meeting's clock: time spent against the budget, and whether the pace will finish the
//! questions in time.

use std::time::Duration;

use crate::lang::Lang;

/// Time spent and time allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// The meeting's budget.
    pub budget: Duration,
    /// Time spent before this run of `posture audit` (from the session file).
    pub before: Duration,
    /// Time spent in this run.
    pub this_run: Duration,
}

/// Whether the questions left fit in the time left (worded by [`super::labels::Labels::pace`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Every question is answered.
    Done,
    /// As many questions answered as the time spent allows, or more.
    OnTrack,
    /// Behind: speed up.
    Behind,
    /// The budget is spent and questions are left.
    Over,
}

impl Clock {
    /// Time spent in the meeting.
    pub fn elapsed(&self) -> Duration {
        self.before + self.this_run
    }

    /// The pace, given how many of `total` questions are still to answer.
    pub fn pace(&self, left: usize, total: usize) -> Pace {
        if left == 0 {
            return Pace::Done;
        }
        let elapsed = self.elapsed();
        if elapsed >= self.budget {
            return Pace::Over;
        }
        let expected_done = total as f64 * elapsed.as_secs_f64() / self.budget.as_secs_f64();
        let done = (total - left.min(total)) as f64;
        // One question of slack: a long discussion on one answer is normal.
        if done + 1.0 < expected_done {
            Pace::Behind
        } else {
            Pace::OnTrack
        }
    }

    /// Minutes available per question left, when any is left and time remains.
    pub fn minutes_per_question(&self, left: usize) -> Option<f64> {
        let remaining = self.budget.checked_sub(self.elapsed())?;
        (left > 0).then(|| remaining.as_secs_f64() / 60.0 / left as f64)
    }
}

/// `h:mm:ss`, under an hour too (`0:01:05`), so that the time spent and the budget read alike.
pub fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs();
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    format!("{h}:{m:02}:{s:02}")
}

/// The time available per question: `3,9 min` (one decimal, in the language's notation), or in
/// seconds under a minute (`45 s`), so that the end of the meeting never reads "0,0 min".
pub fn format_per_question(minutes: f64, lang: Lang) -> String {
    if minutes >= 1.0 {
        format!("{} min", lang.score(minutes))
    } else {
        format!("{} s", (minutes * 60.0).floor().max(0.0))
    }
}

/// Parses a meeting duration: `90m`, `1h30`, `1h30m`, `45` (minutes), `2h`.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim().to_ascii_lowercase();
    let minutes = if let Some((hours, rest)) = text.split_once('h') {
        let hours: u64 = hours.parse().ok()?;
        let rest = rest.trim_end_matches("min").trim_end_matches('m');
        let minutes: u64 = if rest.is_empty() {
            0
        } else {
            rest.parse().ok()?
        };
        hours * 60 + minutes
    } else {
        text.trim_end_matches("min")
            .trim_end_matches('m')
            .parse()
            .ok()?
    };
    (minutes > 0 && minutes <= 24 * 60).then(|| Duration::from_secs(minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(elapsed_minutes: u64) -> Clock {
        Clock {
            budget: Duration::from_secs(90 * 60),
            before: Duration::from_secs(elapsed_minutes * 60 / 2),
            this_run: Duration::from_secs(elapsed_minutes * 60 - elapsed_minutes * 60 / 2),
        }
    }

    #[test]
    fn pace_compares_answers_with_time_spent() {
        // 45 minutes of 90: half of 20 questions expected.
        assert_eq!(clock(45).pace(10, 20), Pace::OnTrack);
        assert_eq!(
            clock(45).pace(11, 20),
            Pace::OnTrack,
            "one question of slack"
        );
        assert_eq!(clock(45).pace(12, 20), Pace::Behind);
        assert_eq!(clock(90).pace(1, 20), Pace::Over);
        assert_eq!(clock(95).pace(0, 20), Pace::Done);
    }

    #[test]
    fn minutes_per_question_left() {
        assert_eq!(clock(30).minutes_per_question(12), Some(5.0));
        assert_eq!(clock(100).minutes_per_question(3), None);
        assert_eq!(clock(10).minutes_per_question(0), None);
    }

    #[test]
    fn durations_parse_as_auditors_write_them() {
        assert_eq!(parse_duration("90m"), Some(Duration::from_secs(5400)));
        assert_eq!(parse_duration("90"), Some(Duration::from_secs(5400)));
        assert_eq!(parse_duration("1h30"), Some(Duration::from_secs(5400)));
        assert_eq!(parse_duration("1h30m"), Some(Duration::from_secs(5400)));
        assert_eq!(parse_duration("2h"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_duration("45min"), Some(Duration::from_secs(2700)));
        assert_eq!(parse_duration("0"), None);
        assert_eq!(parse_duration("soon"), None);
    }

    #[test]
    fn durations_format_as_a_clock() {
        // One format for the time spent and the budget, under an hour or over.
        assert_eq!(format_duration(Duration::from_secs(65)), "0:01:05");
        assert_eq!(format_duration(Duration::from_secs(754)), "0:12:34");
        assert_eq!(format_duration(Duration::from_secs(60)), "0:01:00");
        assert_eq!(format_duration(Duration::from_secs(5400)), "1:30:00");
        assert_eq!(format_duration(Duration::from_secs(36_000)), "10:00:00");
        assert_eq!(format_per_question(4.75, Lang::Fr), "4,8 min");
        assert_eq!(format_per_question(4.75, Lang::En), "4.8 min");
        assert_eq!(format_per_question(1.0, Lang::Fr), "1,0 min");
        // Under a minute: seconds, never "0,0 min".
        assert_eq!(format_per_question(0.04, Lang::Fr), "2 s");
        assert_eq!(format_per_question(0.999, Lang::En), "59 s");
        assert_eq!(format_per_question(0.0, Lang::En), "0 s");
    }
}
