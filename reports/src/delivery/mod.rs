//! Sending the report by e-mail as the GDPR annex asks for sensitive attachments: encrypted, the
//! key given by another channel.
//!
//! - [`archive`]: the report's files in a ZIP encrypted with AES-256;
//! - [`passphrase`]: its passphrase, random, easy to read out on the phone;
//! - [`mail`]: the e-mail that carries the archive (never the passphrase), sent with TLS.
//!
//! [`deliver`] does it all, in the order that sends nothing when anything fails: the report's
//! files first (the PDF renderer may refuse), then the archive, then the e-mail.

pub mod archive;
pub mod mail;
pub mod passphrase;

use chrono::{DateTime, Utc};
use questionnaire::Text;

use self::mail::{Letter, Smtp};
use self::passphrase::Passphrase;
use crate::Format;
use crate::model::Report;

/// Why the report could not be sent. Said by [`Error::text`] in French and English; its
/// `Display` is the English.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A report file could not be made (e.g. the PDF renderer is missing).
    Report(#[from] crate::Error),
    /// The operating system's random generator failed.
    Random(getrandom::Error),
    /// The archive could not be written.
    Archive(#[from] zip::result::ZipError),
    /// An e-mail address is not one.
    Address {
        /// As given.
        address: String,
        /// Why.
        source: lettre::address::AddressError,
    },
    /// The SMTP server is not `HOST` or `HOST:PORT`.
    Server(String),
    /// Plain SMTP towards another machine.
    InsecureRemote(String),
    /// The SMTP password could not be read.
    Password(std::io::Error),
    /// The e-mail could not be put together.
    Message(#[from] lettre::error::Error),
    /// The e-mail's content type is not valid (a bug in posture).
    ContentType(#[from] lettre::message::header::ContentTypeErr),
    /// The server could not be reached, refused the login or the message.
    Smtp(#[from] lettre::transport::smtp::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl Error {
    /// Whether the user's input is wrong (an address, the server, a refused option): nothing was
    /// sent and the command line should say so with exit code 2.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::Address { .. } | Error::Server(_) | Error::InsecureRemote(_)
        )
    }

    /// What went wrong, in French and English.
    pub fn text(&self) -> Text {
        match self {
            Error::Report(error) => i18n::text!("send-error-report", error = error.to_string()),
            Error::Random(error) => i18n::text!("send-error-random", error = error.to_string()),
            Error::Archive(error) => i18n::text!("send-error-archive", error = error.to_string()),
            Error::Address { address, source } => i18n::text!(
                "send-error-address",
                address = address,
                reason = source.to_string()
            ),
            Error::Server(server) => i18n::text!("send-error-server", server = server),
            Error::InsecureRemote(server) => i18n::text!("send-error-insecure", server = server),
            Error::Password(error) => {
                i18n::text!("send-error-password", error = i18n::io_reason(error))
            }
            Error::Message(error) => i18n::text!("send-error-message", error = error.to_string()),
            Error::ContentType(error) => {
                i18n::text!("send-error-content-type", error = error.to_string())
            }
            Error::Smtp(error) => smtp_text(error),
        }
    }

    /// What to do about it, when there is something to say.
    pub fn hint(&self) -> Option<Text> {
        match self {
            Error::Report(crate::Error::Pdf(_)) => Some(i18n::text!("send-hint-html")),
            Error::Server(_) => Some(i18n::text!("send-hint-server")),
            Error::InsecureRemote(_) => Some(i18n::text!("send-hint-insecure")),
            Error::Password(_) => Some(i18n::text!(
                "send-hint-password",
                variable = mail::PASSWORD_VAR
            )),
            Error::Smtp(error) if starttls_missing(error) => {
                Some(i18n::text!("send-hint-starttls"))
            }
            Error::Smtp(error) if error.status().is_some_and(|code| code.to_string() == "535") => {
                Some(i18n::text!(
                    "send-hint-login",
                    variable = mail::PASSWORD_VAR
                ))
            }
            _ => None,
        }
    }
}

fn starttls_missing(error: &lettre::transport::smtp::Error) -> bool {
    error.is_client() && error.to_string().contains("STARTTLS")
}

fn smtp_text(error: &lettre::transport::smtp::Error) -> Text {
    let detail = error.to_string();
    if starttls_missing(error) {
        i18n::text!("send-smtp-no-starttls", detail = detail)
    } else if error.is_tls() {
        i18n::text!("send-smtp-tls", detail = detail)
    } else if error.is_timeout() {
        i18n::text!("send-smtp-timeout", detail = detail)
    } else if error.is_permanent() || error.is_transient() {
        i18n::text!("send-smtp-refused", detail = detail)
    } else {
        i18n::text!("send-smtp-failed", detail = detail)
    }
}

/// What was sent.
#[derive(Debug)]
pub struct Delivered {
    /// The archive's passphrase, to give by another channel.
    pub passphrase: Passphrase,
    /// The attachment's file name.
    pub attachment_name: String,
    /// The files in the archive.
    pub files: Vec<String>,
}

/// Who sends the report to whom, and how the e-mail looks.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// The sender.
    pub from: lettre::message::Mailbox,
    /// The recipients.
    pub to: Vec<lettre::message::Mailbox>,
    /// The subject, when not the default one.
    pub subject: Option<String>,
}

/// Renders `report` in `formats`, puts the files in an archive encrypted under a new passphrase,
/// and e-mails it through `smtp`. Nothing is sent if any step before the sending fails.
pub fn deliver(
    report: &Report,
    formats: &[Format],
    envelope: Envelope,
    smtp: &Smtp,
    now: DateTime<Utc>,
) -> Result<Delivered, Error> {
    let entries = archive::report_entries(report, formats)?;
    let passphrase = Passphrase::generate().map_err(Error::Random)?;
    let bytes = archive::encrypt(&entries, &passphrase, now)?;
    let attachment_name = format!("{}.zip", archive::file_stem(report));
    let message = mail::message(
        report,
        Letter {
            envelope,
            attachment_name: attachment_name.clone(),
            archive: bytes,
        },
    )?;
    smtp.send(&message)?;
    Ok(Delivered {
        passphrase,
        attachment_name,
        files: entries.into_iter().map(|entry| entry.name).collect(),
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;
    use questionnaire::Lang;
    use questionnaire::audit::Audit;
    use questionnaire::catalog;
    use questionnaire::session::{NewSession, Session};

    use super::mail::{Security, Server};
    use super::*;

    fn report(lang: Lang) -> Report {
        let catalog = catalog::bundled().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 12, 9, 30, 0).unwrap();
        let session = Session::new(
            &catalog,
            NewSession {
                organisation: "Maison de santé de l'Étang".into(),
                profile: "express".into(),
                auditor: "Alice Martin".into(),
                ..NewSession::default()
            },
            now,
        )
        .unwrap();
        let audit = Audit {
            catalog: &catalog,
            session,
        };
        crate::build(&audit, None, lang, now)
    }

    #[test]
    fn names_the_files_after_the_organisation_and_the_date() {
        assert_eq!(
            archive::file_stem(&report(Lang::Fr)),
            "rapport-maison-de-sante-de-l-etang-2026-03-12"
        );
        assert_eq!(
            archive::file_stem(&report(Lang::En)),
            "report-maison-de-sante-de-l-etang-2026-03-12"
        );
        let entries = archive::report_entries(&report(Lang::Fr), &[Format::Html]).unwrap();
        assert_eq!(
            entries[0].name,
            "rapport-maison-de-sante-de-l-etang-2026-03-12.html"
        );
        assert!(String::from_utf8_lossy(&entries[0].bytes).contains("Maison de santé"));
    }

    #[test]
    fn the_text_says_the_password_comes_another_way() {
        let fr = mail::body(&report(Lang::Fr), "r.zip");
        assert!(fr.contains("chiffrée (AES-256)"), "{fr}");
        assert!(fr.contains("autre canal"), "{fr}");
        assert!(
            fr.contains("« Maison de santé de l'Étang » du 2026-03-12"),
            "{fr}"
        );
        assert!(fr.ends_with("Alice Martin\n"), "{fr}");
        let en = mail::body(&report(Lang::En), "r.zip");
        assert!(en.contains("encrypted ZIP archive (AES-256)"), "{en}");
        assert!(en.contains("another channel"), "{en}");
        assert_eq!(
            mail::subject(&report(Lang::Fr)),
            "Rapport d'audit de sécurité – Maison de santé de l'Étang – 2026-03-12"
        );
        assert_eq!(
            mail::subject(&report(Lang::En)),
            "Security audit report – Maison de santé de l'Étang – 2026-03-12"
        );
    }

    #[test]
    fn the_message_carries_the_archive_as_application_zip() {
        let report = report(Lang::Fr);
        let message = mail::message(
            &report,
            Letter {
                envelope: Envelope {
                    from: mail::mailbox("audit@example.org").unwrap(),
                    to: vec![mail::mailbox("dpo@example.org").unwrap()],
                    subject: None,
                },
                attachment_name: "rapport.zip".into(),
                archive: b"PK\x03\x04 not really".to_vec(),
            },
        )
        .unwrap();
        let text = String::from_utf8(message.formatted()).unwrap();
        assert!(text.contains("Content-Type: application/zip"), "{text}");
        assert!(text.contains("filename=\"rapport.zip\""), "{text}");
        assert!(text.contains("To: dpo@example.org"), "{text}");
        assert!(text.contains("multipart/mixed"), "{text}");
    }

    #[test]
    fn an_unreachable_server_is_an_smtp_error_not_a_panic() {
        // Port 1 on this machine: nothing listens there.
        let smtp = Smtp::new(Server::parse("127.0.0.1:1").unwrap(), None, true).unwrap();
        assert_eq!(smtp.security(), Security::Insecure);
        let error = deliver(
            &report(Lang::Fr),
            &[Format::Html],
            Envelope {
                from: mail::mailbox("audit@example.org").unwrap(),
                to: vec![mail::mailbox("dpo@example.org").unwrap()],
                subject: None,
            },
            &smtp,
            Utc::now(),
        )
        .unwrap_err();
        assert!(matches!(error, Error::Smtp(_)), "{error:?}");
        assert!(!error.is_user_error());
        assert!(error.text().fr.contains("SMTP"), "{:?}", error.text());
    }

    #[test]
    fn user_errors_are_told_apart() {
        let insecure = Smtp::new(Server::parse("smtp.example.org").unwrap(), None, true);
        let error = insecure.unwrap_err();
        assert!(error.is_user_error());
        assert!(error.text().en.contains("--insecure-no-tls"));
        assert!(error.hint().is_some());
        assert!(Server::parse("a b").unwrap_err().is_user_error());
    }
}
