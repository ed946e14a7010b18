//! The end-to-end tests of the `posture` binary, in one test binary so that it is linked once:
//! one module per command (`test_<command>.rs`, each test with the command it is about), and the
//! cross-cutting ones: facts against answers, the fairness of machine evidence, French typography,
//! what each crate depends on.
//! `common` holds what several modules need.

mod common;
mod test_agent;
mod test_answer;
mod test_audit;
mod test_catalog;
mod test_compare;
mod test_dashboard;
mod test_dependencies;
mod test_dist;
mod test_evidence_fairness;
mod test_facts;
mod test_help;
mod test_report;
mod test_report_benchmark;
mod test_score;
mod test_send;
mod test_serve;
mod test_serve_admin;
mod test_serve_durability;
mod test_session;
mod test_submit;
mod test_typography;
mod test_windows;
mod test_windows_agent;
