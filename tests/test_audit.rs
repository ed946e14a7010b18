//! End-to-end test of `posture audit`: the real binary in a real terminal (tmux), driven key by
//! key, killed with SIGKILL in the middle of the meeting, then resumed.
//!
//! It checks what unit tests on `App::update` cannot: that every change is on disk before the
//! next key (the process gets no chance to save on SIGKILL), with mode 0600; that a restart
//! resumes at the first unanswered question with its note; that `q` exits with status 0 and gives
//! the terminal back (cooked mode, main screen, visible cursor); that SIGTERM, SIGHUP and SIGQUIT
//! save the session, the open note included, and give the terminal back too.
//!
//! tmux is required: without it the test fails (CI installs it) rather than silently skipping.
//! Each test uses its own tmux server (`tmux -L <unique socket>`), killed when the test ends,
//! even when it fails.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const POSTURE: &str = env!("CARGO_BIN_EXE_posture");
/// How long any single wait may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(5);
/// How often the screen and the file are looked at while waiting.
const POLL: Duration = Duration::from_millis(25);

/// A private tmux server, killed when dropped (and its socket file removed).
struct Tmux {
    socket: String,
    /// The socket file, known once the server runs.
    socket_path: std::cell::RefCell<Option<PathBuf>>,
}

impl Tmux {
    fn start() -> Tmux {
        match Command::new("tmux").arg("-V").output() {
            Ok(output) if output.status.success() => {}
            Ok(output) => panic!(
                "`tmux -V` failed ({}): this end-to-end test needs a working tmux",
                output.status
            ),
            Err(error) => panic!(
                "this end-to-end test needs tmux, which could not be run ({error}); \
                 install it (e.g. `apt-get install tmux`) — it is not skipped on purpose"
            ),
        }
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("a clock after 1970")
            .subsec_nanos();
        Tmux {
            socket: format!("posture-test-{}-{nanos}", std::process::id()),
            socket_path: std::cell::RefCell::new(None),
        }
    }

    fn command(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            // A UTF-8 server whatever the locale of the test runner, and no user configuration.
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("TMUX")
            .output()
            .expect("running tmux")
    }

    fn run(&self, args: &[&str]) -> String {
        let output = self.command(args);
        assert!(
            output.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("tmux prints UTF-8")
    }

    /// Starts `command` (executed directly, without a shell) in a new detached 80×24 session.
    fn new_session(&self, name: &str, dir: &Path, command: &[&str]) {
        let dir = dir.to_str().expect("a UTF-8 temporary path");
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "80",
            "-y",
            "24",
            "-c",
            dir,
            "-e",
            "LANG=C.UTF-8",
            "--",
        ];
        args.extend_from_slice(command);
        self.run(&args);
        let path = self.run(&["display-message", "-p", "#{socket_path}"]);
        self.socket_path.replace(Some(PathBuf::from(path.trim())));
    }

    fn screen(&self, session: &str) -> String {
        let output = self.command(&["capture-pane", "-p", "-t", session]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn keys(&self, session: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", session];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` literally (UTF-8 included).
    fn type_text(&self, session: &str, text: &str) {
        self.run(&["send-keys", "-t", session, "-l", text]);
    }

    fn pane_pid(&self, session: &str) -> u32 {
        self.run(&["list-panes", "-t", session, "-F", "#{pane_pid}"])
            .trim()
            .parse()
            .expect("a pane pid")
    }

    /// `alternate_on cursor_flag` of the pane: `1 0` while a full-screen program has it (the
    /// alternate screen, the cursor hidden), `0 1` once the terminal is given back.
    fn screen_mode(&self, session: &str) -> String {
        self.run(&[
            "display-message",
            "-p",
            "-t",
            session,
            "#{alternate_on} #{cursor_flag}",
        ])
        .trim()
        .to_owned()
    }

    fn has_session(&self, session: &str) -> bool {
        self.command(&["has-session", "-t", session])
            .status
            .success()
    }

    /// Waits until the screen of `session` satisfies `ready`; fails with the screen shown.
    fn wait_screen(&self, session: &str, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(session);
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out after {TIMEOUT:?} waiting for {what}; the screen shows:\n{screen}"
            );
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
        // tmux leaves its socket file behind.
        if let Some(path) = self.socket_path.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Waits until `check` returns something; fails with `what`.
fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "timed out after {TIMEOUT:?} waiting for {what}"
        );
        std::thread::sleep(POLL);
    }
}

/// The session file as TOML, or `None` while it cannot be read.
fn read_session(path: &Path) -> Option<toml::Table> {
    toml::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// `[answers]` as control id → choice.
fn answers(session: &toml::Table) -> BTreeMap<String, String> {
    session
        .get("answers")
        .and_then(toml::Value::as_table)
        .map(|answers| {
            answers
                .iter()
                .map(|(id, answer)| {
                    let choice = answer["choice"].as_str().expect("a choice").to_owned();
                    (id.clone(), choice)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn pending_note<'a>(session: &'a toml::Table, id: &str) -> Option<&'a str> {
    session.get("notes")?.get(id)?.as_str()
}

/// The id of the question on screen: the heading of the question panel, `ID · domain · n/N`.
fn question_on_screen(screen: &str) -> Option<String> {
    screen.lines().find_map(|line| {
        let (_, panel) = line.split_once('│')?;
        let (id, rest) = panel.trim_start().split_once(" · ")?;
        let looks_like_id = id.split_once('-').is_some_and(|(prefix, number)| {
            !prefix.is_empty()
                && prefix.chars().all(|c| c.is_ascii_uppercase())
                && !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit())
        });
        (looks_like_id && rest.contains('/')).then(|| id.to_owned())
    })
}

/// The first line of the screen: `posture · org · profile … n/N réponses`.
fn header(screen: &str) -> &str {
    screen.lines().next().unwrap_or_default()
}

/// A control of the express profile, from `posture catalog export`.
struct Question {
    id: String,
    options: Vec<String>,
    /// A context question: asked, but not scored (nor counted in `n/N réponses`).
    context: bool,
}

/// How many of `questions` are scored: what the header's `n/N réponses` counts.
fn scored(questions: &[Question]) -> usize {
    questions.iter().filter(|q| !q.context).count()
}

fn express_questions() -> Vec<Question> {
    let output = Command::new(POSTURE)
        .args(["catalog", "export", "--format", "json", "--lang", "fr"])
        .output()
        .expect("running posture catalog export");
    assert!(output.status.success(), "{output:?}");
    let catalog: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the catalog as JSON");
    catalog["controls"]
        .as_array()
        .expect("a list of controls")
        .iter()
        .filter(|control| {
            control["profiles"]
                .as_array()
                .expect("a list of profiles")
                .iter()
                .any(|p| p == "express")
        })
        .map(|control| Question {
            id: control["id"].as_str().expect("a control id").to_owned(),
            options: control["options"]
                .as_array()
                .expect("a list of options")
                .iter()
                .map(|option| option["id"].as_str().expect("an option id").to_owned())
                .collect(),
            context: control["context"].as_bool().unwrap_or(false),
        })
        .collect()
}

/// Whether `pid` is a live process (a zombie waiting for its parent is not).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        // The state follows the command name, which is in parentheses.
        stat.rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z")
    })
}

/// A shell command line that runs `command`, then reports whether the terminal settings came
/// back as they were (`TTY:RESTORED` or `TTY:CHANGED`) and its exit status (`EXITED:<status>`),
/// and stays a minute so that the pane can be read.
fn reporting(command: &str) -> String {
    format!(
        "before=$(stty -g); {command}; status=$?; \
         if [ \"$(stty -g)\" = \"$before\" ]; then echo TTY:RESTORED; else echo TTY:CHANGED; fi; \
         echo EXITED:$status; sleep 60"
    )
}

/// Fails unless `file` is readable and writable by its owner only.
fn assert_private(file: &Path) {
    let mode = std::fs::metadata(file)
        .expect("the session file")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "mode {mode:o} of {}", file.display());
}

#[test]
fn an_audit_killed_mid_meeting_resumes_where_it_stopped() {
    let tmux = Tmux::start();
    let dir = tempfile::tempdir().unwrap();
    let file: PathBuf = dir.path().join("audit.toml");
    let file_arg = file.to_str().unwrap();
    let questions = express_questions();
    let total = questions.len();
    assert!(total > 4, "the express profile has {total} questions");
    // The header counts scored answers out of the scored questions; the question's place
    // (`GOV-00 · … · 1/N`) counts every question, context ones included.
    let scored_total = scored(&questions);
    assert!(
        scored_total < total && questions[0].context,
        "the express profile opens with a context question"
    );

    new_express_session(&file);

    // First run: posture is the pane's own process, so the pane pid is posture's pid.
    tmux.new_session(
        "first",
        dir.path(),
        &[POSTURE, "audit", file_arg, "--lang", "fr"],
    );
    let screen = tmux.wait_screen("first", "the first question", |screen| {
        question_on_screen(screen).as_deref() == Some(questions[0].id.as_str())
    });
    assert!(
        header(&screen).contains(&format!("0/{scored_total} réponses")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("{} · ", questions[0].id))
            && screen.contains(&format!("1/{total}")),
        "{screen}"
    );
    assert!(screen.contains("dans les temps"), "French UI: {screen}");

    // Three answers with digits: each one is on disk and the next question on screen.
    let digits = ['2', '3', '1'];
    for (done, digit) in digits.iter().enumerate() {
        tmux.keys("first", &[&digit.to_string()]);
        let next = &questions[done + 1].id;
        tmux.wait_screen("first", &format!("question {next}"), |screen| {
            question_on_screen(screen).as_deref() == Some(next.as_str())
                && header(screen).contains(&format!(
                    "{}/{scored_total} réponses",
                    scored(&questions[..=done])
                ))
        });
        let on_disk = wait_for(&format!("{} answers in the file", done + 1), || {
            read_session(&file).filter(|s| answers(s).len() == done + 1)
        });
        let question = &questions[done];
        let option = digit.to_digit(10).unwrap() as usize - 1;
        assert_eq!(
            answers(&on_disk).get(&question.id),
            Some(&question.options[option]),
            "digit {digit} on {}",
            question.id
        );
    }

    // A note on the fourth question, with accents, saved on Escape.
    let fourth = &questions[3].id;
    let note = "Vérifié à l'accueil : écran verrouillé, mot de passe changé en été";
    tmux.keys("first", &["n"]);
    tmux.wait_screen("first", "the note editor", |screen| {
        screen.contains(&format!("Note — {fourth}"))
    });
    tmux.type_text("first", note);
    tmux.wait_screen("first", "the note typed in the editor", |screen| {
        screen.contains(note)
    });
    tmux.keys("first", &["Escape"]);
    tmux.wait_screen("first", "the note saved", |screen| {
        screen.contains("note enregistrée")
    });
    wait_for("the note in the file", || {
        read_session(&file).filter(|s| pending_note(s, fourth) == Some(note))
    });

    // More of the note, and no Escape: the draft reaches the file within about a second.
    tmux.keys("first", &["n"]);
    tmux.wait_screen("first", "the note editor again", |screen| {
        screen.contains(&format!("Note — {fourth}"))
    });
    let more = " ; badge à la porte";
    tmux.type_text("first", more);
    let note = format!("{note}{more}");
    let note = note.as_str();
    wait_for("the draft in the file, the editor still open", || {
        read_session(&file).filter(|s| pending_note(s, fourth) == Some(note))
    });
    assert!(
        tmux.screen("first").contains(&format!("Note — {fourth}")),
        "the editor is still open"
    );

    // SIGKILL: no chance to save anything more.
    let pid = tmux.pane_pid("first");
    if let Ok(name) = std::fs::read_to_string(format!("/proc/{pid}/comm")) {
        assert_eq!(name.trim(), "posture", "the pane runs posture itself");
    }
    let killed = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    wait_for("posture to die", || {
        (!running(pid) && !tmux.has_session("first")).then_some(())
    });

    // Everything is on disk, private to its owner, and no temporary file is left over.
    let session = read_session(&file).expect("the session file is valid TOML after SIGKILL");
    let expected: BTreeMap<String, String> = questions
        .iter()
        .zip(digits)
        .map(|(q, digit)| {
            let option = digit.to_digit(10).unwrap() as usize - 1;
            (q.id.clone(), q.options[option].clone())
        })
        .collect();
    assert_eq!(answers(&session), expected);
    for id in expected.keys() {
        let answered_at = session["answers"][id]["answered_at"].as_str().unwrap();
        assert!(answered_at.ends_with('Z'), "{id}: {answered_at}");
    }
    assert_eq!(pending_note(&session, fourth), Some(note));
    assert_eq!(session["meta"]["profile"].as_str(), Some("express"));
    assert_private(&file);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["audit.toml".to_owned()], "files left: {left:?}");

    // Second run, through a shell that reports the exit status and whether the terminal settings
    // came back as they were.
    let script = reporting(&format!("'{POSTURE}' audit '{file_arg}' --lang fr"));
    tmux.new_session("second", dir.path(), &["sh", "-c", &script]);
    let screen = tmux.wait_screen("second", "the resumed audit", |screen| {
        question_on_screen(screen).is_some()
    });
    assert_eq!(
        question_on_screen(&screen).as_deref(),
        Some(fourth.as_str()),
        "resumes at the first unanswered question:\n{screen}"
    );
    let scored_answers = scored(&questions[..3]);
    assert!(
        header(&screen).contains(&format!("{scored_answers}/{scored_total} réponses")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("{fourth} · ")) && screen.contains(&format!("4/{total}")),
        "{screen}"
    );
    // The note is the one typed before the kill (the editor opens on it; Escape leaves it).
    tmux.keys("second", &["n"]);
    // (The editor scrolls a long line sideways: its end is what shows.)
    tmux.wait_screen("second", "the note in the editor after restart", |screen| {
        screen.contains(&format!("Note — {fourth}")) && screen.contains(more)
    });
    tmux.keys("second", &["Escape"]);
    tmux.wait_screen("second", "the editor closed", |screen| {
        !screen.contains(&format!("Note — {fourth}"))
    });

    // q saves, quits with status 0 and gives the terminal back.
    tmux.keys("second", &["q"]);
    let screen = tmux.wait_screen("second", "posture to exit", |screen| {
        screen.contains("EXITED:")
    });
    assert!(screen.contains("EXITED:0"), "{screen}");
    assert!(
        screen.contains("TTY:RESTORED"),
        "terminal settings not restored:\n{screen}"
    );
    assert!(
        screen.contains(&format!("({scored_answers}/{scored_total} réponses)")),
        "the closing summary names the progress as the header counts it:\n{screen}"
    );
    assert_eq!(
        tmux.screen_mode("second"),
        "0 1",
        "alternate screen off, cursor visible:\n{screen}"
    );

    let session = read_session(&file).unwrap();
    assert_eq!(answers(&session), expected);
    assert_eq!(pending_note(&session, fourth), Some(note));
    assert_private(&file);
}

/// `posture session new` for the express profile, into `file`.
fn new_express_session(file: &Path) {
    let created = Command::new(POSTURE)
        .args([
            "session",
            "new",
            "--profile",
            "express",
            "--org",
            "CPTS Test",
        ])
        .args(["--lang", "fr", "-o"])
        .arg(file)
        .output()
        .expect("running posture session new");
    assert!(created.status.success(), "{created:?}");
}

#[test]
fn sigterm_sighup_and_sigquit_save_the_session_and_give_the_terminal_back() {
    let tmux = Tmux::start();
    let questions = express_questions();
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("QUIT", 3)] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("audit.toml");
        let file_arg = file.to_str().unwrap();
        new_express_session(&file);
        let name = format!("sig{signal}");
        // A shell that reports how posture ended and whether the terminal settings came back;
        // posture (exec'd by an inner shell that first writes its pid) is its foreground child.
        let pid_file = dir.path().join("posture.pid");
        let script = reporting(&format!(
            "sh -c 'echo $$ > \"$0\"; exec \"$@\"' '{}' '{POSTURE}' audit '{file_arg}' --lang fr",
            pid_file.display()
        ));
        tmux.new_session(&name, dir.path(), &["sh", "-c", &script]);
        tmux.wait_screen(&name, "the first question", |screen| {
            question_on_screen(screen).as_deref() == Some(questions[0].id.as_str())
        });
        tmux.keys(&name, &["2"]);
        let second = &questions[1].id;
        tmux.wait_screen(&name, "the second question", |screen| {
            question_on_screen(screen).as_deref() == Some(second.as_str())
        });
        // A note being typed when the signal comes: kept, as Escape would.
        tmux.keys(&name, &["n"]);
        tmux.wait_screen(&name, "the note editor", |screen| {
            screen.contains(&format!("Note — {second}"))
        });
        let note = format!("interrompu par SIG{signal}");
        tmux.type_text(&name, &note);
        tmux.wait_screen(&name, "the note typed", |screen| screen.contains(&note));
        assert_eq!(
            tmux.screen_mode(&name),
            "1 0",
            "posture has the alternate screen, cursor hidden"
        );

        let pid = std::fs::read_to_string(&pid_file).expect("posture's pid");
        let pid = pid.trim();
        if let Ok(name) = std::fs::read_to_string(format!("/proc/{pid}/comm")) {
            assert_eq!(name.trim(), "posture", "the pid is posture's");
        }
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), pid])
            .status()
            .unwrap();
        assert!(killed.success());
        let screen = tmux.wait_screen(
            &name,
            &format!("posture to exit after SIG{signal}"),
            |screen| screen.contains("EXITED:"),
        );
        assert!(
            screen.contains(&format!("EXITED:{}", 128 + number)),
            "exit status 128 + SIG{signal}:\n{screen}"
        );
        assert!(
            screen.contains("TTY:RESTORED"),
            "terminal settings after SIG{signal}:\n{screen}"
        );
        assert!(
            screen.contains("session enregistrée"),
            "the closing summary after SIG{signal}:\n{screen}"
        );
        assert_eq!(
            tmux.screen_mode(&name),
            "0 1",
            "after SIG{signal}: alternate screen off, cursor visible:\n{screen}"
        );
        let session = read_session(&file).expect("a valid session file");
        assert_eq!(
            answers(&session).get(&questions[0].id),
            Some(&questions[0].options[1]),
            "SIG{signal}"
        );
        assert_eq!(
            pending_note(&session, second),
            Some(note.as_str()),
            "SIG{signal}"
        );
    }
}

#[test]
fn a_profile_other_than_the_sessions_is_refused_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.toml");
    new_express_session(&file);
    let before = std::fs::read(&file).unwrap();
    // No terminal here: the refusal comes first, as any other command's error.
    let output = Command::new(POSTURE)
        .arg("audit")
        .arg(&file)
        .args(["--profile", "complet", "--lang", "fr"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--profile complet"), "{stderr}");
    assert!(stderr.contains("suit le profil express"), "{stderr}");
    assert!(stderr.contains("posture audit --from"), "{stderr}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is untouched"
    );
}

#[test]
fn a_terminal_that_hangs_up_ends_the_audit_with_everything_saved() {
    let tmux = Tmux::start();
    let questions = express_questions();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.toml");
    new_express_session(&file);
    tmux.new_session(
        "hangup",
        dir.path(),
        &[POSTURE, "audit", file.to_str().unwrap(), "--lang", "fr"],
    );
    let pid = tmux.pane_pid("hangup");
    tmux.wait_screen("hangup", "the first question", |screen| {
        question_on_screen(screen).as_deref() == Some(questions[0].id.as_str())
    });
    tmux.keys("hangup", &["1"]);
    let second = &questions[1].id;
    tmux.wait_screen("hangup", "the second question", |screen| {
        question_on_screen(screen).as_deref() == Some(second.as_str())
    });
    tmux.keys("hangup", &["n"]);
    tmux.type_text("hangup", "coupure réseau");
    tmux.wait_screen("hangup", "the note typed", |screen| {
        screen.contains("coupure réseau")
    });
    // The terminal goes away under the audit: the window closed, the connection dropped. The
    // audit must notice, save and leave, not spin on a dead terminal.
    tmux.command(&["kill-server"]);
    wait_for("posture to leave after its terminal hung up", || {
        (!running(pid)).then_some(())
    });
    let session = read_session(&file).expect("a valid session file");
    assert_eq!(
        answers(&session).get(&questions[0].id),
        Some(&questions[0].options[0])
    );
    assert_eq!(pending_note(&session, second), Some("coupure réseau"));
}

#[test]
fn a_reassessment_in_english_shows_the_previous_answer_and_keeps_the_language_in_the_hint() {
    let tmux = Tmux::start();
    let questions = express_questions();
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.toml");
    let new = dir.path().join("new.toml");
    new_express_session(&old);
    // The previous assessment: the first two questions answered with their last option (the
    // lowest line of the list) and a note.
    for question in &questions[..2] {
        let answered = Command::new(POSTURE)
            .arg("answer")
            .arg(&old)
            .arg(&question.id)
            .arg(question.options.len().to_string())
            .args(["--note", &format!("said in May about {}", question.id)])
            .args(["--lang", "fr"])
            .output()
            .unwrap();
        assert!(answered.status.success(), "{answered:?}");
    }
    let script = format!(
        "'{POSTURE}' audit --from '{}' -o '{}' --lang en --duration 1; echo EXITED:$?; sleep 60",
        old.display(),
        new.display()
    );
    tmux.new_session("reassess", dir.path(), &["sh", "-c", &script]);
    // At 80×24, as each question opens: its previous answer and note, not scrolled past.
    for (index, question) in questions[..2].iter().enumerate() {
        let screen = tmux.wait_screen("reassess", &format!("question {}", question.id), |s| {
            question_on_screen(s).as_deref() == Some(question.id.as_str())
        });
        assert!(screen.contains("Previous answer:"), "{screen}");
        assert!(screen.contains("Previous note:"), "{screen}");
        assert!(
            screen.contains(&format!("said in May about {}", question.id)),
            "{screen}"
        );
        if index == 0 {
            // One clock format for the time spent and the budget (`--duration 1`).
            let clock = screen.lines().nth(1).unwrap_or_default();
            assert!(clock.starts_with("⏱ 0:00:0"), "{clock}");
            assert!(clock.contains(" / 0:01:00 · "), "{clock}");
        }
        tmux.keys("reassess", &["c"]);
    }
    tmux.wait_screen("reassess", "the third question", |s| {
        question_on_screen(s).as_deref() == Some(questions[2].id.as_str())
    });
    tmux.keys("reassess", &["q"]);
    let screen = tmux.wait_screen("reassess", "posture to exit", |s| s.contains("EXITED:"));
    assert!(screen.contains("EXITED:0"), "{screen}");
    // A new assessment with its own id, linked to the previous one by its id.
    let id = |path: &Path, key: &str| {
        read_session(path).and_then(|session| session["meta"].get(key)?.as_str().map(str::to_owned))
    };
    let previous_id = id(&old, "id").expect("the previous session's id");
    assert_eq!(id(&new, "previous_id"), Some(previous_id.clone()));
    assert!(id(&new, "id").is_some_and(|new_id| new_id != previous_id));
    let new = new.display();
    assert!(
        screen.contains(&format!("resume: posture audit {new} --lang en")),
        "the hint resumes in English:\n{screen}"
    );
    assert!(
        screen.contains(&format!("results: posture score {new} --lang en")),
        "{screen}"
    );
}

/// A token file for the end-of-meeting export that other users may read is said once, on
/// standard error, before the audit's screen starts — not under it, where it would garble the
/// screen — and the audit runs as usual.
#[test]
fn an_open_benchmark_token_file_is_said_before_the_screen_starts() {
    let tmux = Tmux::start();
    let questions = express_questions();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.toml");
    new_express_session(&file);
    let token_file = dir.path().join("jeton.txt");
    std::fs::write(&token_file, "pst_0123456789abcdefghijkl\n").unwrap();
    std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let errors = dir.path().join("stderr.txt");
    let script = format!(
        "POSTURE_BENCHMARK_URL=https://127.0.0.1:9 POSTURE_BENCHMARK_TOKEN_FILE='{}' \
         '{POSTURE}' audit '{}' --lang fr 2>'{}'; echo FINI; sleep 60",
        token_file.display(),
        file.display(),
        errors.display()
    );
    tmux.new_session("open-token", dir.path(), &["sh", "-c", &script]);
    let screen = tmux.wait_screen("open-token", "the first question", |screen| {
        question_on_screen(screen).as_deref() == Some(questions[0].id.as_str())
    });
    assert!(!screen.contains("jeton"), "{screen}");
    tmux.keys("open-token", &["2"]);
    tmux.keys("open-token", &["q"]);
    tmux.wait_screen("open-token", "the audit ended", |screen| {
        screen.contains("FINI")
    });
    let stderr = std::fs::read_to_string(&errors).unwrap();
    assert_eq!(
        stderr.matches("accessible à d'autres utilisateurs").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("chmod 600"), "{stderr}");
    let session = read_session(&file).expect("the session file");
    assert_eq!(
        answers(&session).get(&questions[0].id),
        Some(&questions[0].options[1])
    );
}
