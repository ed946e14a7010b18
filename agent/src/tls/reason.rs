//! Why a probe failed, in both languages. The libraries (the operating system, rustls, url,
//! reqwest) only speak English: their known messages are said in French too, and any other one
//! is quoted as it is, marked as the library's own words, so that a French detail never reads
//! as a sentence in English.

use std::io;

use i18n::Text;

/// A library's message that has no French: quoted in the French text.
pub(super) fn quoted(raw: &str) -> Text {
    Text::new(format!("message : « {raw} »"), raw)
}

/// Known messages of a library: a part of the message, its French, its English.
type Table = &'static [(&'static str, &'static str, &'static str)];

/// The French and English of the first known message that `raw` holds, else `raw` quoted.
fn translate(raw: &str, known: Table) -> Text {
    known
        .iter()
        .find(|(message, _, _)| raw.contains(message))
        .map(|(_, fr, en)| Text::new(*fr, *en))
        .unwrap_or_else(|| quoted(raw))
}

/// An operating-system error of a connection or a file.
pub(super) fn io_error(error: &io::Error) -> Text {
    use io::ErrorKind;
    let (fr, en) = match error.kind() {
        ErrorKind::ConnectionRefused => ("connexion refusée", "connection refused"),
        ErrorKind::ConnectionReset => (
            "connexion réinitialisée par le serveur",
            "connection reset by the server",
        ),
        ErrorKind::ConnectionAborted => ("connexion interrompue", "connection aborted"),
        ErrorKind::BrokenPipe => ("connexion coupée", "broken connection"),
        ErrorKind::NotConnected => ("pas de connexion", "not connected"),
        ErrorKind::UnexpectedEof => (
            "connexion fermée avant la fin de la réponse",
            "connection closed before the end of the answer",
        ),
        ErrorKind::TimedOut | ErrorKind::WouldBlock => {
            ("pas de réponse à temps", "no answer in time")
        }
        ErrorKind::NetworkUnreachable => ("réseau injoignable", "network unreachable"),
        ErrorKind::HostUnreachable => ("machine injoignable", "host unreachable"),
        ErrorKind::NetworkDown => ("réseau hors service", "network down"),
        ErrorKind::AddrNotAvailable => {
            ("adresse locale indisponible", "local address not available")
        }
        ErrorKind::AddrInUse => ("adresse déjà utilisée", "address in use"),
        ErrorKind::InvalidData => ("données invalides", "invalid data"),
        ErrorKind::InvalidInput => ("paramètre invalide", "invalid input"),
        ErrorKind::Interrupted => ("opération interrompue", "operation interrupted"),
        _ => {
            // Files (`--ca`): missing, permission denied, a directory…
            let text = i18n::lang::io_reason(error);
            if text.fr != text.en {
                return text;
            }
            return quoted(&error.to_string());
        }
    };
    Text::new(fr, en)
}

/// A name that the resolver could not turn into an address (`getaddrinfo`'s messages).
pub(super) fn resolver(raw: &str) -> Text {
    let known: Table = &[
        (
            "Name or service not known",
            "nom inconnu du DNS",
            "name not known to the DNS",
        ),
        (
            "nodename nor servname provided, or not known",
            "nom inconnu du DNS",
            "name not known to the DNS",
        ),
        (
            "No address associated with hostname",
            "aucune adresse pour ce nom",
            "no address for this name",
        ),
        (
            "Temporary failure in name resolution",
            "échec temporaire de la résolution de noms (pas de réseau ou de DNS ?)",
            "temporary failure in name resolution (no network or DNS?)",
        ),
        (
            "no address",
            "aucune adresse pour ce nom",
            "no address for this name",
        ),
    ];
    translate(raw, known)
}

/// A URL that `url` could not parse (its `ParseError` messages).
pub(super) fn url(raw: &str) -> Text {
    let known: Table = &[
        ("empty host", "nom d'hôte vide", "empty host"),
        (
            "invalid international domain name",
            "nom de domaine international invalide",
            "invalid international domain name",
        ),
        (
            "invalid port number",
            "numéro de port invalide",
            "invalid port number",
        ),
        (
            "invalid IPv4 address",
            "adresse IPv4 invalide",
            "invalid IPv4 address",
        ),
        (
            "invalid IPv6 address",
            "adresse IPv6 invalide",
            "invalid IPv6 address",
        ),
        (
            "invalid domain character",
            "caractère interdit dans le nom de domaine",
            "invalid domain character",
        ),
        (
            "relative URL without a base",
            "adresse incomplète",
            "relative URL without a base",
        ),
    ];
    translate(raw, known)
}

/// Why an HTTP exchange failed (hyper's messages, the innermost cause of reqwest's error).
pub(super) fn http(raw: &str) -> Text {
    let known: Table = &[
        (
            "invalid HTTP version parsed",
            "le serveur ne répond pas en HTTP (un port HTTPS ?)",
            "the server does not answer in HTTP (an HTTPS port?)",
        ),
        (
            "connection closed before message completed",
            "connexion fermée avant la réponse",
            "connection closed before the answer",
        ),
        (
            "invalid HTTP header parsed",
            "en-tête HTTP invalide dans la réponse",
            "invalid HTTP header in the answer",
        ),
        (
            "invalid HTTP status-code parsed",
            "code de statut HTTP invalide dans la réponse",
            "invalid HTTP status code in the answer",
        ),
        (
            "message head is too large",
            "en-têtes de réponse trop longs",
            "answer headers too large",
        ),
        (
            "received HTTP/0.9",
            "le serveur ne répond pas en HTTP (un port HTTPS ?)",
            "the server does not answer in HTTP (an HTTPS port?)",
        ),
    ];
    translate(raw, known)
}

/// A TLS error (rustls). Protocol names (alerts, `HandshakeFailure`…) are kept as they are:
/// they are the standard's words, the same in every language.
pub(super) fn tls(error: &rustls::Error) -> Text {
    use rustls::Error;
    match error {
        Error::AlertReceived(alert) => Text::new(
            format!("le serveur a répondu par l'alerte TLS {alert:?}"),
            format!("the server answered with the TLS alert {alert:?}"),
        ),
        Error::InvalidCertificate(why) => Text::new(
            format!("certificat refusé ({why:?})"),
            format!("certificate refused ({why:?})"),
        ),
        Error::PeerIncompatible(why) => Text::new(
            format!("serveur incompatible ({why:?})"),
            format!("incompatible server ({why:?})"),
        ),
        Error::PeerMisbehaved(why) => Text::new(
            format!("le serveur ne suit pas le protocole TLS ({why:?})"),
            format!("the server does not follow the TLS protocol ({why:?})"),
        ),
        Error::InvalidMessage(why) => Text::new(
            format!("message TLS invalide ({why:?})"),
            format!("invalid TLS message ({why:?})"),
        ),
        Error::InappropriateMessage { .. } | Error::InappropriateHandshakeMessage { .. } => {
            Text::new(
                "message TLS inattendu du serveur",
                "unexpected TLS message from the server",
            )
        }
        Error::NoCertificatesPresented => no_server_certificate(),
        Error::UnsupportedNameType => Text::new(
            "type de nom d'hôte non pris en charge",
            "unsupported host name type",
        ),
        Error::DecryptError => Text::new("échec du déchiffrement", "decryption failed"),
        Error::PeerSentOversizedRecord => Text::new(
            "enregistrement TLS trop grand envoyé par le serveur",
            "oversized TLS record sent by the server",
        ),
        other => quoted(&other.to_string()),
    }
}

/// A PEM file given to `--ca` that holds no certificate, or a broken one.
pub(super) fn pem(error: &rustls::pki_types::pem::Error) -> Text {
    use rustls::pki_types::pem::Error;
    match error {
        Error::Io(error) => io_error(error),
        Error::MissingSectionEnd { .. } => Text::new(
            "section PEM sans ligne de fin (-----END …-----)",
            "PEM section without its end line (-----END …-----)",
        ),
        Error::IllegalSectionStart { .. } => Text::new(
            "ligne de début de section PEM invalide",
            "invalid PEM section start line",
        ),
        Error::Base64Decode(_) => Text::new(
            "contenu PEM invalide (base64)",
            "invalid PEM content (base64)",
        ),
        Error::NoItemsFound => no_certificate(),
        Error::SectionTooLarge => Text::new("section PEM trop grande", "PEM section too large"),
        other => quoted(&other.to_string()),
    }
}

/// A server that sent no certificate.
pub(super) fn no_server_certificate() -> Text {
    Text::new(
        "le serveur n'a envoyé aucun certificat",
        "the server sent no certificate",
    )
}

/// A certificate that x509-parser could not read (its message, quoted).
pub(super) fn malformed_certificate(raw: &str) -> Text {
    let said = quoted(raw);
    Text::new(
        format!("certificat X.509 mal formé ({})", said.fr),
        format!("malformed X.509 certificate ({})", said.en),
    )
}

/// A `--ca` file with no certificate in it (a private key, another PEM object, not PEM).
pub(super) fn no_certificate() -> Text {
    Text::new(
        "aucun certificat dans le fichier (une clé privée, ou pas du PEM ?)",
        "no certificate in the file (a private key, or not PEM?)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_messages_are_said_in_french() {
        assert_eq!(url("empty host").fr, "nom d'hôte vide");
        assert_eq!(
            resolver("failed to lookup address information: Name or service not known").fr,
            "nom inconnu du DNS"
        );
        assert_eq!(
            io_error(&io::Error::from(io::ErrorKind::ConnectionRefused)).fr,
            "connexion refusée"
        );
        let unknown = url("something new");
        assert_eq!(unknown.fr, "message : « something new »");
        assert_eq!(unknown.en, "something new");
        assert!(
            tls(&rustls::Error::AlertReceived(
                rustls::AlertDescription::HandshakeFailure
            ))
            .fr
            .starts_with("le serveur a répondu")
        );
    }
}
