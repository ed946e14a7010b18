//! The signals that end a terminal program — SIGTERM (`kill`, a shutdown), SIGHUP (the SSH
//! connection or the terminal window closed), SIGQUIT, SIGINT (from outside: in raw mode Ctrl-C
//! is a key) — caught so that the audit saves the session (the open note included) and gives the
//! terminal back before leaving, instead of dying on the alternate screen with the cursor hidden.
//!
//! A terminal that hangs up without a signal reaching the audit (the pane of a killed terminal
//! multiplexer, say) is treated as SIGHUP: the controlling terminal, `/dev/tty`, can no longer
//! be opened.
//!
//! The handlers only record which signal came (signal-hook's safe `flag` API); the event loop
//! looks at it between two events. A second signal while the first is being handled ends the
//! process at once, as if it had not been caught, so that a stuck save can still be killed.
//!
//! Windows has console events instead ([`console`]): Ctrl+C (a key in raw mode, an event when
//! sent from outside), Ctrl+Break, closing the console window, logging off and shutting down.
//! They are recorded the same way, as the signal numbers of the C runtime (SIGINT, SIGBREAK,
//! SIGHUP for the closed window, SIGTERM), so that the audit saves, restores the console and
//! exits with the same 128 + number as on Unix.

#[cfg(unix)]
use std::cell::Cell;
use std::sync::Arc;
#[cfg(unix)]
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicUsize, Ordering};
#[cfg(unix)]
use std::time::{Duration, Instant};

/// The signals caught while the audit runs.
#[cfg(unix)]
const CAUGHT: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGINT,
];

/// The signals caught, while it lives.
#[derive(Debug)]
pub struct Signals {
    received: Arc<AtomicUsize>,
    /// Whether the process had a controlling terminal when the audit started, to notice it go.
    #[cfg(unix)]
    watch_tty: bool,
    /// When the terminal was last looked at: at most every [`TTY_CHECK_EVERY`], not at every
    /// key.
    #[cfg(unix)]
    tty_checked: Cell<Instant>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
    /// The console events' watcher; dropped with the audit, which gives them their default
    /// action back.
    #[cfg(windows)]
    _console: Option<console::Watch>,
}

impl Signals {
    /// Starts catching the signals. Without signal support (or if a handler cannot be set),
    /// nothing is caught and the signals keep their default action.
    pub fn catch() -> Signals {
        let received = Arc::new(AtomicUsize::new(0));
        #[cfg(unix)]
        {
            let armed = Arc::new(AtomicBool::new(false));
            let mut ids = Vec::new();
            for signal in CAUGHT {
                // In this order: a second signal finds the flag armed and takes its default action.
                let registered =
                    signal_hook::flag::register_conditional_default(signal, Arc::clone(&armed))
                        .and_then(|default| {
                            ids.push(default);
                            signal_hook::flag::register(signal, Arc::clone(&armed))
                        })
                        .and_then(|arm| {
                            ids.push(arm);
                            signal_hook::flag::register_usize(
                                signal,
                                Arc::clone(&received),
                                usize::try_from(signal).unwrap_or(usize::MAX),
                            )
                        });
                if let Ok(id) = registered {
                    ids.push(id);
                }
            }
            Signals {
                received,
                watch_tty: controlling_terminal_open(),
                tty_checked: Cell::new(Instant::now()),
                ids,
            }
        }
        #[cfg(not(unix))]
        Signals {
            #[cfg(windows)]
            _console: console::Watch::start(Arc::clone(&received)).ok(),
            received,
        }
    }

    /// The signal received, if any; SIGHUP when the controlling terminal is gone.
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            #[cfg(unix)]
            0 if self.watch_tty && self.terminal_gone() => Some(signal_hook::consts::SIGHUP),
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}

impl Signals {
    /// Whether the controlling terminal has gone, looked at no more than every
    /// [`TTY_CHECK_EVERY`].
    #[cfg(unix)]
    fn terminal_gone(&self) -> bool {
        if self.tty_checked.get().elapsed() < TTY_CHECK_EVERY {
            return false;
        }
        self.tty_checked.set(Instant::now());
        !controlling_terminal_open()
    }
}

/// How often the controlling terminal is looked at: a hang-up is noticed within this time.
#[cfg(unix)]
const TTY_CHECK_EVERY: Duration = Duration::from_millis(500);

/// Whether the controlling terminal can be opened: after a hang-up the process has none left.
#[cfg(unix)]
fn controlling_terminal_open() -> bool {
    std::fs::File::open("/dev/tty").is_ok()
}

impl Drop for Signals {
    fn drop(&mut self) {
        #[cfg(unix)]
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// A console event of Windows, and what the audit records for it.
#[cfg(any(windows, test))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConsoleEvent {
    CtrlC,
    CtrlBreak,
    /// The console window closed: Windows ends the process a few seconds after the handler is
    /// called (the handler waits meanwhile, so the audit has that time to save).
    Close,
    Logoff,
    Shutdown,
}

#[cfg(any(windows, test))]
impl ConsoleEvent {
    /// The signal number of the C runtime it stands for: SIGINT, SIGBREAK (21), SIGHUP for the
    /// closed window (the Unix terminal's hang-up), SIGTERM for the end of the session.
    fn signal(self) -> usize {
        match self {
            ConsoleEvent::CtrlC => 2,
            ConsoleEvent::CtrlBreak => 21,
            ConsoleEvent::Close => 1,
            ConsoleEvent::Logoff | ConsoleEvent::Shutdown => 15,
        }
    }
}

/// What to do with a console event: record it for the event loop, or — when one is already
/// being handled — end the process at once, as a second signal does on Unix.
#[cfg(any(windows, test))]
#[derive(Debug, PartialEq, Eq)]
enum Action {
    Recorded,
    /// Exit now with this code (128 + the signal's number).
    ExitNow(i32),
}

/// Records `event` in `received` (see [`Action`]).
#[cfg(any(windows, test))]
fn record(received: &AtomicUsize, event: ConsoleEvent) -> Action {
    let signal = event.signal();
    match received.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => Action::Recorded,
        Err(_) => Action::ExitNow(128 + i32::try_from(signal).unwrap_or(0)),
    }
}

#[cfg(windows)]
mod console {
    //! The console events, through tokio's safe `tokio::signal::windows` (which calls
    //! `SetConsoleCtrlHandler`): unlike the `ctrlc` crate it tells Ctrl+C, Ctrl+Break and a
    //! closed window apart, and for a closed window (and log-off, shut-down) it keeps the
    //! handler from returning — Windows ends the process as soon as it returns — so that the
    //! audit can save within the few seconds Windows allows.

    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    use tokio::signal::windows;

    use super::{Action, ConsoleEvent, record};

    /// The thread that waits for the events; stopping it gives them their default action back.
    #[derive(Debug)]
    pub(super) struct Watch {
        stop: Option<tokio::sync::oneshot::Sender<()>>,
    }

    impl Watch {
        /// Starts listening; the listeners exist when this returns.
        pub(super) fn start(received: Arc<AtomicUsize>) -> std::io::Result<Watch> {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let mut listeners = runtime.block_on(async {
                std::io::Result::Ok((
                    windows::ctrl_c()?,
                    windows::ctrl_break()?,
                    windows::ctrl_close()?,
                    windows::ctrl_logoff()?,
                    windows::ctrl_shutdown()?,
                ))
            })?;
            let (stop, mut stopped) = tokio::sync::oneshot::channel();
            std::thread::spawn(move || {
                runtime.block_on(async move {
                    loop {
                        let event = tokio::select! {
                            _ = &mut stopped => return,
                            _ = listeners.0.recv() => ConsoleEvent::CtrlC,
                            _ = listeners.1.recv() => ConsoleEvent::CtrlBreak,
                            _ = listeners.2.recv() => ConsoleEvent::Close,
                            _ = listeners.3.recv() => ConsoleEvent::Logoff,
                            _ = listeners.4.recv() => ConsoleEvent::Shutdown,
                        };
                        if let Action::ExitNow(code) = record(&received, event) {
                            std::process::exit(code);
                        }
                    }
                });
            });
            Ok(Watch { stop: Some(stop) })
        }
    }

    impl Drop for Watch {
        fn drop(&mut self) {
            if let Some(stop) = self.stop.take() {
                let _ = stop.send(());
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_caught_signal_is_recorded_not_fatal() {
        let signals = Signals::catch();
        assert_eq!(signals.received(), None);
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).expect("raise SIGHUP");
        assert_eq!(signals.received(), Some(signal_hook::consts::SIGHUP));
    }
}

#[cfg(test)]
mod console_tests {
    use super::*;

    #[test]
    fn console_events_are_recorded_as_the_signals_they_stand_for() {
        for (event, signal) in [
            (ConsoleEvent::CtrlC, 2),
            (ConsoleEvent::CtrlBreak, 21),
            (ConsoleEvent::Close, 1),
            (ConsoleEvent::Logoff, 15),
            (ConsoleEvent::Shutdown, 15),
        ] {
            let received = AtomicUsize::new(0);
            assert_eq!(record(&received, event), Action::Recorded);
            assert_eq!(received.load(Ordering::SeqCst), signal, "{event:?}");
        }
    }

    #[test]
    fn a_second_event_ends_the_process_and_keeps_the_first() {
        let received = AtomicUsize::new(0);
        assert_eq!(record(&received, ConsoleEvent::Close), Action::Recorded);
        assert_eq!(
            record(&received, ConsoleEvent::CtrlBreak),
            Action::ExitNow(128 + 21)
        );
        assert_eq!(received.load(Ordering::SeqCst), 1);
    }
}
