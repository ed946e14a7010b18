//! What scoring needs to know about an audit: domains, their controls, and each control's state.
//!
//! The questionnaire crate builds these from a catalog and a session (it resolves conditional
//! questions and context gates); scoring never sees option ids, texts or files.

/// One domain of the audit and the scored controls of the session's profile that belong to it.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainInput {
    /// Stable domain id, e.g. `sauvegardes`.
    pub id: String,
    /// Weight of the domain in the overall score (the catalog uses 1–3).
    pub weight: u32,
    /// Scored controls, in catalog order. Context questions are never passed here.
    pub controls: Vec<ControlInput>,
}

/// One scored control and where the audit stands on it.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlInput {
    /// Stable control id, e.g. `PAT-01`.
    pub id: String,
    /// Weight of the control in its domain (the catalog uses 1–3).
    pub weight: u32,
    /// A critical control answered at level ≤ 1 caps its domain's level at 1.
    pub critical: bool,
    /// The level the organisation should reach (0–4).
    pub target: u8,
    /// The answer, as a level or one of the non-level answers.
    pub state: ControlState,
    /// The highest level the machines' facts allow (evidence rules), if any holds.
    pub cap: Option<u8>,
}

impl ControlInput {
    /// The level this control counts as: the answer's, lowered to the evidence cap; `None` when
    /// it is left out of the score.
    pub fn effective_level(&self) -> Option<u8> {
        let level = self.state.effective_level()?;
        Some(self.cap.map_or(level, |cap| level.min(cap)))
    }
}

/// Where an audit stands on one control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlState {
    /// Answered with an option of this maturity level (0–4; higher values are read as 4).
    Level(u8),
    /// Answered "Je ne sais pas / Don't know": counts as level 0 and is listed as a question to complete.
    Unknown,
    /// Not answered yet: counts as level 0 and is listed, like [`ControlState::Unknown`].
    Unanswered,
    /// "Non applicable", chosen by the auditor or implied by a context answer: left out of the score.
    NotApplicable,
}

impl ControlState {
    /// The level this state counts as, or `None` when it is left out of the score.
    pub fn effective_level(self) -> Option<u8> {
        match self {
            ControlState::Level(level) => Some(level.min(crate::MAX_LEVEL)),
            ControlState::Unknown | ControlState::Unanswered => Some(0),
            ControlState::NotApplicable => None,
        }
    }
}
