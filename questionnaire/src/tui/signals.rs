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

use std::cell::Cell;
use std::sync::Arc;
#[cfg(unix)]
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicUsize, Ordering};
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
    watch_tty: bool,
    /// When the terminal was last looked at: at most every [`TTY_CHECK_EVERY`], not at every
    /// key.
    tty_checked: Cell<Instant>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
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
            received,
            watch_tty: false,
            tty_checked: Cell::new(Instant::now()),
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
