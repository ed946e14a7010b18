//! What every end-to-end test module needs to run the binary: the command with no locale (so the
//! interface is French unless a test says otherwise) and a time limit, and what a run did, with
//! the checks the tests make on it. Each module uses part of it; `cli` and `reports` hold the
//! helpers that several command modules share, `machines` the fake machines.
#![allow(dead_code)]

pub mod cli;
pub mod cross;
pub mod https;
pub mod machines;
pub mod reports;
pub mod wine;

use std::time::Duration;

use assert_cmd::Command;

/// The locale variables that choose the interface language.
pub const LOCALE_VARS: [&str; 4] = ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"];

/// The binary, with no locale in its environment (so: French) and a time limit.
pub fn posture() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_posture"));
    for var in LOCALE_VARS {
        command.env_remove(var);
    }
    command.timeout(Duration::from_secs(90));
    command
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Both outputs, for a failed assertion's message.
    pub fn explain(&self) -> String {
        format!("stdout:\n{}\nstderr:\n{}", self.stdout, self.stderr)
    }

    /// Asserts the exit code and returns the run.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(self.code, Some(code), "exit code\n{}", self.explain());
        self
    }

    /// Asserts exit code 0 and returns the run.
    pub fn success(self) -> Run {
        self.expect_code(0)
    }

    /// Asserts exit code 2 (bad input) and returns the run.
    pub fn invalid(self) -> Run {
        self.expect_code(2)
    }

    /// Standard output parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", self.stdout))
    }

    /// Asserts that standard error contains `needle`.
    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "stderr does not contain {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts that standard output contains `needle`.
    pub fn stdout_has(&self, needle: &str) -> &Run {
        assert!(
            self.stdout.contains(needle),
            "stdout does not contain {needle:?}:\n{}",
            self.stdout
        );
        self
    }
}

/// Runs a prepared command; fails the test if the binary panicked or was killed.
pub fn run_command(command: &mut Command) -> Run {
    let output = command.output().expect("the binary runs");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked:\n{}",
        run.explain()
    );
    assert!(run.code.is_some(), "killed by a signal:\n{}", run.explain());
    run
}
