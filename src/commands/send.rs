//! `posture send FILE --to ADDRESS [--smtp HOST:PORT] [--from ADDRESS] [--user USER] …`: the
//! report in an AES-256 encrypted ZIP, e-mailed with TLS; the passphrase printed here, to give by
//! phone or SMS.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::{Error, Lang, Problem};
use reports::Format;
use reports::delivery::mail::{self, Security, Server, Smtp};
use reports::delivery::{self, Envelope};

use super::Opened;
use crate::cli::{SendArgs, SendFormat, SendTls};

fn format(format: SendFormat) -> Format {
    match format {
        SendFormat::Html => Format::Html,
        SendFormat::Pdf => Format::Pdf,
    }
}

/// A delivery error as the command line reports it: the user's mistakes as invalid input (exit
/// code 2), the rest (the server, the PDF renderer) as failures (exit code 1), in `lang`.
fn failure(error: delivery::Error, lang: Lang) -> anyhow::Error {
    let mut problem = Problem::new(error.text());
    if let Some(hint) = error.hint() {
        problem = problem.hint(hint);
    }
    if error.is_user_error() {
        Error::invalid(problem).into()
    } else {
        anyhow::anyhow!(problem.render(lang))
    }
}

/// Sends the report.
pub fn run(catalog: Option<&Path>, args: SendArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let fail = |error| failure(error, lang);
    let to = args
        .to
        .iter()
        .map(|address| mail::mailbox(address))
        .collect::<Result<Vec<_>, _>>()
        .map_err(fail)?;
    // --from, else the SMTP user when it is an address.
    let from = match &args.from {
        Some(from) => Some(mail::mailbox(from).map_err(fail)?),
        None => args
            .user
            .as_deref()
            .and_then(|user| mail::mailbox(user).ok()),
    };
    let from = match from {
        Some(from) => from,
        None => {
            return Err(Error::invalid(
                Problem::new(i18n::text!("cli-send-no-sender"))
                    .hint(i18n::text!("cli-send-no-sender-hint")),
            )
            .into());
        }
    };
    let Some(server) = &args.smtp else {
        return Err(Error::invalid(
            Problem::new(i18n::text!("cli-send-no-server"))
                .hint(i18n::text!("cli-send-no-server-hint")),
        )
        .into());
    };
    let tls = args.tls.map(|tls| match tls {
        SendTls::Starttls => Security::StartTls,
        SendTls::Implicit => Security::Implicit,
    });
    let mut smtp = Server::parse(server)
        .and_then(|server| Smtp::new(server, tls, args.insecure_no_tls))
        .map_err(fail)?;

    let opened = Opened::read_in(&args.file, catalog, lang)?;
    let audit = opened.audit()?;
    // Read as `posture report --previous` reads it: leniently, against this session's catalog.
    let previous_audit = args
        .previous
        .as_deref()
        .map(|path| super::previous(path, &opened.catalog, &audit, &args.file, lang))
        .transpose()?;
    let report = reports::build(&audit, previous_audit.as_ref(), lang, chrono::Utc::now());
    let formats = super::report::formats_asked(args.format.iter().copied().map(format));

    if let Some(user) = &args.user {
        let password = mail::password(user, lang).map_err(fail)?;
        smtp = smtp.with_credentials(user.clone(), password);
    }
    let delivered = delivery::deliver(
        &report,
        &formats,
        Envelope {
            from,
            to,
            subject: args.subject.clone(),
        },
        &smtp,
        chrono::Utc::now(),
    )
    .map_err(fail)?;

    let recipients = args.to.join(", ");
    let files = delivered.files.join(", ");
    let attachment = &delivered.attachment_name;
    let server = smtp.address();
    let passphrase = delivered.passphrase.expose();
    let text = format!(
        "{}\n{}\n",
        i18n::t!(
            lang,
            "cli-send-sent",
            recipients = recipients,
            server = server,
            attachment = attachment,
            files = files
        ),
        i18n::t!(lang, "cli-send-password", passphrase = passphrase)
    );
    super::emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
