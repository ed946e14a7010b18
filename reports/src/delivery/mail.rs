//! The e-mail: a short text in the report's language saying that the report is attached,
//! encrypted, and that the password comes another way (it never says the password), the archive
//! as an `application/zip` attachment, sent with TLS (STARTTLS or implicit; rustls).
//!
//! Plain SMTP is refused, except towards this machine (a test server, a local relay) when asked
//! for in so many words.

use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport as _};
use questionnaire::Lang;

use super::Error;
use crate::model::Report;

/// The environment variable read for the SMTP password.
pub const PASSWORD_VAR: &str = "POSTURE_SMTP_PASSWORD";

/// The submission port, with STARTTLS (RFC 6409).
pub const STARTTLS_PORT: u16 = 587;

/// The submission port with implicit TLS (RFC 8314).
pub const IMPLICIT_TLS_PORT: u16 = 465;

/// How long to wait for the server at each step.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// How the connection to the server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS, which the server must offer (never sent in clear).
    StartTls,
    /// TLS from the first byte (port 465).
    Implicit,
    /// No TLS at all: only towards this machine, when asked for.
    Insecure,
}

/// An SMTP server: a host name or IP address, and a port when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    /// Host name or IP address (without brackets).
    pub host: String,
    /// Port, when given.
    pub port: Option<u16>,
}

impl Server {
    /// Parses `HOST`, `HOST:PORT`, `[IPV6]:PORT` or a bare IPv6 address.
    pub fn parse(text: &str) -> Result<Server, Error> {
        let bad = || Error::Server(text.to_owned());
        let text_trimmed = text.trim();
        let (host, port) = if let Some(rest) = text_trimmed.strip_prefix('[') {
            let (host, after) = rest.split_once(']').ok_or_else(bad)?;
            match after {
                "" => (host, None),
                _ => (host, Some(after.strip_prefix(':').ok_or_else(bad)?)),
            }
        } else if text_trimmed.parse::<std::net::Ipv6Addr>().is_ok() {
            (text_trimmed, None)
        } else {
            match text_trimmed.rsplit_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (text_trimmed, None),
            }
        };
        let port = port
            .map(|port| port.parse::<u16>().ok().filter(|&p| p != 0).ok_or_else(bad))
            .transpose()?;
        let valid_host = !host.is_empty()
            && (host.parse::<IpAddr>().is_ok()
                || host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
        if !valid_host {
            return Err(bad());
        }
        Ok(Server {
            host: host.to_owned(),
            port,
        })
    }

    /// Whether the host is this machine: `localhost`, 127.0.0.0/8 or ::1.
    pub fn is_loopback(&self) -> bool {
        let host = self.host.trim_end_matches('.');
        host.eq_ignore_ascii_case("localhost")
            || match host.parse::<IpAddr>() {
                Ok(IpAddr::V4(ip)) => ip.is_loopback(),
                Ok(IpAddr::V6(ip)) => {
                    ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
                }
                Err(_) => false,
            }
    }
}

impl fmt::Display for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        match self.port {
            Some(port) => write!(f, "{host}:{port}"),
            None => f.write_str(&host),
        }
    }
}

/// Where and how to send: the server, the protection of the connection, the account.
pub struct Smtp {
    server: Server,
    port: u16,
    security: Security,
    credentials: Option<(String, String)>,
}

impl fmt::Debug for Smtp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Smtp")
            .field("server", &self.server)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.credentials.as_ref().map(|(user, _)| user))
            .finish_non_exhaustive()
    }
}

impl Smtp {
    /// Checks how `server` is to be reached. `tls` is the protection asked for, if any: STARTTLS
    /// by default, implicit TLS when the port is 465. `insecure` (no TLS at all) is refused unless
    /// the server is this machine.
    pub fn new(server: Server, tls: Option<Security>, insecure: bool) -> Result<Smtp, Error> {
        let security = if insecure {
            if !server.is_loopback() {
                return Err(Error::InsecureRemote(server.to_string()));
            }
            Security::Insecure
        } else {
            match tls {
                Some(Security::Insecure) => {
                    return Err(Error::InsecureRemote(server.to_string()));
                }
                Some(security) => security,
                None if server.port == Some(IMPLICIT_TLS_PORT) => Security::Implicit,
                None => Security::StartTls,
            }
        };
        let port = server.port.unwrap_or(match security {
            Security::Implicit => IMPLICIT_TLS_PORT,
            Security::StartTls | Security::Insecure => STARTTLS_PORT,
        });
        Ok(Smtp {
            server,
            port,
            security,
            credentials: None,
        })
    }

    /// Logs in as `user` with `password`.
    pub fn with_credentials(mut self, user: String, password: String) -> Smtp {
        self.credentials = Some((user, password));
        self
    }

    /// The server, as `HOST:PORT`.
    pub fn address(&self) -> String {
        Server {
            host: self.server.host.clone(),
            port: Some(self.port),
        }
        .to_string()
    }

    /// The protection of the connection.
    pub fn security(&self) -> Security {
        self.security
    }

    /// Sends `message`; an error if the server does not take it (or does not offer STARTTLS).
    pub fn send(&self, message: &Message) -> Result<(), Error> {
        let host = self.server.host.clone();
        let tls = match self.security {
            Security::Insecure => Tls::None,
            Security::StartTls => Tls::Required(TlsParameters::new(host.clone())?),
            Security::Implicit => Tls::Wrapper(TlsParameters::new(host.clone())?),
        };
        let mut builder = SmtpTransport::builder_dangerous(host)
            .port(self.port)
            .tls(tls)
            .timeout(Some(TIMEOUT));
        if let Some((user, password)) = &self.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        builder.build().send(message)?;
        Ok(())
    }
}

/// The SMTP password of `user`: from [`PASSWORD_VAR`] when set, else asked on the terminal
/// without echo. Never from the command line, where other users of the machine and the shell's
/// history would see it.
pub fn password(user: &str, lang: Lang) -> Result<String, Error> {
    if let Some(password) = std::env::var_os(PASSWORD_VAR) {
        return password
            .into_string()
            // Said "not UTF-8 text" in the user's language (i18n::io_reason).
            .map_err(|_| Error::Password(std::io::Error::from(std::io::ErrorKind::InvalidData)));
    }
    // The answer is typed after a space, which a Fluent value cannot end with.
    let prompt = format!("{} ", i18n::t!(lang, "mail-password-prompt", user = user));
    rpassword::prompt_password(prompt).map_err(Error::Password)
}

/// An address (`dpo@example.org` or `Name <dpo@example.org>`), checked.
pub fn mailbox(address: &str) -> Result<Mailbox, Error> {
    address.trim().parse().map_err(|source| Error::Address {
        address: address.to_owned(),
        source,
    })
}

/// What the e-mail says and carries.
#[derive(Debug, Clone)]
pub struct Letter {
    /// Who sends it to whom, under which subject.
    pub envelope: super::Envelope,
    /// The attachment's file name.
    pub attachment_name: String,
    /// The encrypted archive.
    pub archive: Vec<u8>,
}

/// The default subject: `Rapport d'audit de sécurité – <organisation> – <date>`.
pub fn subject(report: &Report) -> String {
    let title = i18n::t!(report.lang, "report-title");
    [
        title.as_str(),
        report.cover.organisation.trim(),
        report.cover.date.as_str(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" – ")
}

/// The text of the e-mail, in the report's language. It says that the password comes another way
/// and never holds it.
pub fn body(report: &Report, attachment_name: &str) -> String {
    let lang = report.lang;
    let organisation = report.cover.organisation.trim();
    let date = &report.cover.date;
    let auditor = report.cover.auditor.trim();
    let paragraphs = [
        i18n::t!(lang, "mail-body-greeting"),
        i18n::t!(
            lang,
            "mail-body-attached",
            organisation = organisation,
            date = date
        ),
        i18n::t!(lang, "mail-body-archive", attachment = attachment_name),
        i18n::t!(lang, "mail-body-open"),
        i18n::t!(lang, "mail-body-keep"),
        i18n::t!(lang, "mail-body-regards"),
    ];
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    if !auditor.is_empty() {
        text.push_str(auditor);
        text.push('\n');
    }
    text
}

/// The e-mail: the text, then the archive as `application/zip`.
pub fn message(report: &Report, letter: Letter) -> Result<Message, Error> {
    // A Message-ID (at the sender's domain, as lettre makes it): many receivers refuse or file
    // as spam a message without one, and not every submission server adds it.
    let mut builder = Message::builder()
        .message_id(None)
        .from(letter.envelope.from)
        .subject(letter.envelope.subject.unwrap_or_else(|| subject(report)));
    for to in letter.envelope.to {
        builder = builder.to(to);
    }
    let zip = ContentType::parse("application/zip")?;
    Ok(builder.multipart(
        MultiPart::mixed()
            .singlepart(SinglePart::plain(body(report, &letter.attachment_name)))
            .singlepart(Attachment::new(letter.attachment_name).body(letter.archive, zip)),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(text: &str) -> Server {
        Server::parse(text).unwrap()
    }

    #[test]
    fn parses_servers() {
        assert_eq!(
            server("smtp.example.org:587"),
            Server {
                host: "smtp.example.org".into(),
                port: Some(587)
            }
        );
        assert_eq!(server("smtp.example.org").port, None);
        assert_eq!(server("[::1]:2525").host, "::1");
        assert_eq!(server("[::1]:2525").port, Some(2525));
        assert_eq!(server("::1").host, "::1");
        assert_eq!(server("[::1]:2525").to_string(), "[::1]:2525");
        for bad in [
            "",
            ":25",
            "host:",
            "host:0",
            "host:99999",
            "host:abc",
            "[::1",
            "[::1]x",
            "a b:25",
            "user@host:25",
        ] {
            assert!(Server::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn knows_this_machine() {
        for host in [
            "localhost",
            "LOCALHOST",
            "localhost.",
            "127.0.0.1",
            "127.8.9.10",
            "::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(server(host).is_loopback(), "{host}");
        }
        for host in [
            "192.168.1.10",
            "10.0.0.1",
            "smtp.example.org",
            "localhost.example.org",
            "0.0.0.0",
            "::",
        ] {
            assert!(!server(host).is_loopback(), "{host}");
        }
    }

    #[test]
    fn chooses_tls_and_port() {
        let smtp = Smtp::new(server("smtp.example.org"), None, false).unwrap();
        assert_eq!(
            (smtp.security(), smtp.address().as_str()),
            (Security::StartTls, "smtp.example.org:587")
        );
        let smtp = Smtp::new(server("smtp.example.org:465"), None, false).unwrap();
        assert_eq!(smtp.security(), Security::Implicit);
        let smtp = Smtp::new(server("smtp.example.org"), Some(Security::Implicit), false).unwrap();
        assert_eq!(smtp.address(), "smtp.example.org:465");
        let smtp = Smtp::new(server("127.0.0.1:2525"), None, true).unwrap();
        assert_eq!(smtp.security(), Security::Insecure);
    }

    #[test]
    fn refuses_plain_smtp_to_another_machine() {
        for host in [
            "smtp.example.org:25",
            "192.168.1.10:2525",
            "[2001:db8::1]:25",
        ] {
            assert!(matches!(
                Smtp::new(server(host), None, true),
                Err(Error::InsecureRemote(_))
            ));
            assert!(matches!(
                Smtp::new(server(host), Some(Security::Insecure), false),
                Err(Error::InsecureRemote(_))
            ));
        }
    }

    #[test]
    fn debug_does_not_show_the_password() {
        let smtp = Smtp::new(server("smtp.example.org"), None, false)
            .unwrap()
            .with_credentials("audit".into(), "s3cret-pw".into());
        let debug = format!("{smtp:?}");
        assert!(debug.contains("audit"));
        assert!(!debug.contains("s3cret-pw"));
    }

    #[test]
    fn checks_addresses() {
        assert!(mailbox("dpo@example.org").is_ok());
        assert!(mailbox("Délégué <dpo@example.org>").is_ok());
        assert!(matches!(
            mailbox("not an address"),
            Err(Error::Address { .. })
        ));
    }
}
