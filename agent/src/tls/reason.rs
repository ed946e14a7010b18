//! Why a probe failed, as a message said in the language it is shown in. The libraries (the
//! operating system, rustls, url, reqwest) only speak English: their known messages have a
//! message of the catalogs, and any other one is quoted as it is, marked as the library's own
//! words, so that a French detail never reads as a sentence in English.

use std::io;

use i18n::{Message, message};

/// A library's message that has no message of its own: quoted in French, as it is in English.
pub(super) fn quoted(raw: &str) -> Message {
    message!("tls-quoted", raw = raw)
}

/// The message of the first known library message that `raw` holds, else `raw` quoted.
fn translate(raw: &str, known: Vec<(&str, Message)>) -> Message {
    known
        .into_iter()
        .find(|(part, _)| raw.contains(part))
        .map(|(_, said)| said)
        .unwrap_or_else(|| quoted(raw))
}

/// An operating-system error of a connection or a file.
pub(super) fn io_error(error: &io::Error) -> Message {
    use io::ErrorKind;
    match error.kind() {
        ErrorKind::ConnectionRefused => message!("tls-io-refused"),
        ErrorKind::ConnectionReset => message!("tls-io-reset"),
        ErrorKind::ConnectionAborted => message!("tls-io-aborted"),
        ErrorKind::BrokenPipe => message!("tls-io-broken-pipe"),
        ErrorKind::NotConnected => message!("tls-io-not-connected"),
        ErrorKind::UnexpectedEof => message!("tls-io-eof"),
        ErrorKind::TimedOut | ErrorKind::WouldBlock => message!("tls-io-timeout"),
        ErrorKind::NetworkUnreachable => message!("tls-io-network-unreachable"),
        ErrorKind::HostUnreachable => message!("tls-io-host-unreachable"),
        ErrorKind::NetworkDown => message!("tls-io-network-down"),
        ErrorKind::AddrNotAvailable => message!("tls-io-address-not-available"),
        ErrorKind::AddrInUse => message!("tls-io-address-in-use"),
        ErrorKind::InvalidData => message!("tls-io-invalid-data"),
        ErrorKind::InvalidInput => message!("tls-io-invalid-input"),
        ErrorKind::Interrupted => message!("tls-io-interrupted"),
        // Files (`--ca`): missing, permission denied, a directory…
        ErrorKind::NotFound
        | ErrorKind::PermissionDenied
        | ErrorKind::IsADirectory
        | ErrorKind::NotADirectory => i18n::io_message(error),
        _ => quoted(&error.to_string()),
    }
}

/// A name that the resolver could not turn into an address (`getaddrinfo`'s messages).
pub(super) fn resolver(raw: &str) -> Message {
    translate(
        raw,
        vec![
            (
                "Name or service not known",
                message!("tls-dns-unknown-name"),
            ),
            (
                "nodename nor servname provided, or not known",
                message!("tls-dns-unknown-name"),
            ),
            (
                "No address associated with hostname",
                message!("tls-dns-no-address"),
            ),
            (
                "Temporary failure in name resolution",
                message!("tls-dns-temporary-failure"),
            ),
            ("no address", message!("tls-dns-no-address")),
        ],
    )
}

/// A URL that `url` could not parse (its `ParseError` messages).
pub(super) fn url(raw: &str) -> Message {
    translate(
        raw,
        vec![
            ("empty host", message!("tls-url-empty-host")),
            (
                "invalid international domain name",
                message!("tls-url-invalid-idn"),
            ),
            ("invalid port number", message!("tls-url-invalid-port")),
            ("invalid IPv4 address", message!("tls-url-invalid-ipv4")),
            ("invalid IPv6 address", message!("tls-url-invalid-ipv6")),
            (
                "invalid domain character",
                message!("tls-url-invalid-domain-character"),
            ),
            ("relative URL without a base", message!("tls-url-relative")),
        ],
    )
}

/// Why an HTTP exchange failed (hyper's messages, the innermost cause of reqwest's error).
pub(super) fn http(raw: &str) -> Message {
    translate(
        raw,
        vec![
            ("invalid HTTP version parsed", message!("tls-http-not-http")),
            (
                "connection closed before message completed",
                message!("tls-http-closed"),
            ),
            (
                "invalid HTTP header parsed",
                message!("tls-http-bad-header"),
            ),
            (
                "invalid HTTP status-code parsed",
                message!("tls-http-bad-status"),
            ),
            (
                "message head is too large",
                message!("tls-http-head-too-large"),
            ),
            ("received HTTP/0.9", message!("tls-http-not-http")),
        ],
    )
}

/// A TLS error (rustls). Protocol names (alerts, `HandshakeFailure`…) are kept as they are:
/// they are the standard's words, the same in every language.
pub(super) fn tls(error: &rustls::Error) -> Message {
    use rustls::Error;
    match error {
        Error::AlertReceived(alert) => {
            message!("tls-error-alert", alert = format!("{alert:?}"))
        }
        Error::InvalidCertificate(why) => {
            message!("tls-error-certificate-refused", why = format!("{why:?}"))
        }
        Error::PeerIncompatible(why) => {
            message!("tls-error-incompatible", why = format!("{why:?}"))
        }
        Error::PeerMisbehaved(why) => {
            message!("tls-error-misbehaved", why = format!("{why:?}"))
        }
        Error::InvalidMessage(why) => {
            message!("tls-error-invalid-message", why = format!("{why:?}"))
        }
        Error::InappropriateMessage { .. } | Error::InappropriateHandshakeMessage { .. } => {
            message!("tls-error-unexpected-message")
        }
        Error::NoCertificatesPresented => no_server_certificate(),
        Error::UnsupportedNameType => message!("tls-error-name-type"),
        Error::DecryptError => message!("tls-error-decrypt"),
        Error::PeerSentOversizedRecord => message!("tls-error-oversized-record"),
        other => quoted(&other.to_string()),
    }
}

/// A PEM file given to `--ca` that holds no certificate, or a broken one.
pub(super) fn pem(error: &rustls::pki_types::pem::Error) -> Message {
    use rustls::pki_types::pem::Error;
    match error {
        Error::Io(error) => io_error(error),
        Error::MissingSectionEnd { .. } => message!("tls-pem-no-end"),
        Error::IllegalSectionStart { .. } => message!("tls-pem-bad-start"),
        Error::Base64Decode(_) => message!("tls-pem-bad-base64"),
        Error::NoItemsFound => no_certificate(),
        Error::SectionTooLarge => message!("tls-pem-too-large"),
        other => quoted(&other.to_string()),
    }
}

/// A server that sent no certificate.
pub(super) fn no_server_certificate() -> Message {
    message!("tls-error-no-server-certificate")
}

/// A certificate that x509-parser could not read (its message, quoted).
pub(super) fn malformed_certificate(raw: &str) -> Message {
    message!("tls-cert-malformed", why = quoted(raw))
}

/// A `--ca` file with no certificate in it (a private key, another PEM object, not PEM).
pub(super) fn no_certificate() -> Message {
    message!("tls-pem-no-certificate")
}

#[cfg(test)]
mod tests {
    use i18n::Lang;

    use super::*;

    fn fr(message: &Message) -> String {
        i18n::say(&Lang::Fr, message).unwrap_or_default()
    }

    #[test]
    fn library_messages_are_said_in_french() {
        assert_eq!(fr(&url("empty host")), "nom d'hôte vide");
        assert_eq!(
            fr(&resolver(
                "failed to lookup address information: Name or service not known"
            )),
            "nom inconnu du DNS"
        );
        assert_eq!(
            fr(&io_error(&io::Error::from(
                io::ErrorKind::ConnectionRefused
            ))),
            "connexion refusée"
        );
        let unknown = url("something new");
        assert_eq!(fr(&unknown), "message\u{a0}: «\u{a0}something new\u{a0}»");
        assert_eq!(
            i18n::say(&Lang::En, &unknown).as_deref(),
            Some("something new")
        );
        assert!(
            fr(&tls(&rustls::Error::AlertReceived(
                rustls::AlertDescription::HandshakeFailure
            )))
            .starts_with("le serveur a répondu")
        );
    }
}
