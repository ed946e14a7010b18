//! `posture serve token …` and `posture serve org …`: the collection server's tokens and
//! organisations, managed on the server's machine. They touch the database (`--db`), not the
//! network, so that no token can be made or an organisation erased from afar; the running server
//! sees the change at its next request.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::process::ExitCode;

use collector::store::{Store, StoreError, TokenInfo};
use questionnaire::tui::form::HEADCOUNTS;
use questionnaire::{Error, Lang, Problem};

use super::emit;
use crate::cli::{OrgCommand, OrgDeleteArgs, TokenCommand, TokenCreateArgs};

/// The longest sector accepted, in characters.
const MAX_SECTOR: usize = 100;

/// `posture serve token create|list|revoke`.
pub fn token(command: TokenCommand, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        TokenCommand::Create(args) => create(args, lang),
        TokenCommand::List(args) => {
            let tokens = with_store(&args.db, lang, |store| async move { store.tokens().await })?;
            emit(&table(&tokens, lang))?;
            Ok(ExitCode::SUCCESS)
        }
        TokenCommand::Revoke(args) => {
            let id = args.id;
            let revoked = with_store(&args.db.db, lang, |store| async move {
                store.revoke_token(id).await
            })?;
            if !revoked {
                return Err(Error::invalid(
                    Problem::new(i18n::text!("cli-serve-admin-no-such-token", id = id))
                        .hint(i18n::text!("cli-serve-admin-no-such-token-hint")),
                )
                .into());
            }
            emit(&format!(
                "{}\n",
                i18n::t!(lang, "cli-serve-admin-token-revoked", id = id)
            ))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `posture serve org delete`.
pub fn org(command: OrgCommand, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        OrgCommand::Delete(args) => delete(args, lang),
    }
}

fn create(args: TokenCreateArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let sector = args.sector.as_deref().map(check_sector).transpose()?;
    let size = args.size.as_deref().map(check_size).transpose()?;
    let (token, confirmation) = match (&args.org, &args.name) {
        (Some(org), _) => {
            let org = check_name(org, "--org")?;
            let contact = args
                .contact
                .as_deref()
                .map(|contact| check_name(contact, "--contact"))
                .transpose()?;
            let token = with_store(&args.db.db, lang, |store| async move {
                let token = store
                    .create_org_token(&org, sector.as_deref(), size.as_deref())
                    .await?;
                if let Some(contact) = contact.as_deref() {
                    store.set_contact(&org, Some(contact)).await?;
                }
                Ok(token)
            })?;
            let org = args.org.as_deref().unwrap_or_default().trim().to_owned();
            let said = i18n::t!(
                lang,
                "cli-serve-admin-token-created-org",
                id = token.id,
                org = org
            );
            (token, said)
        }
        (None, Some(name)) => {
            let name = check_name(name, "--name")?;
            let token = with_store(&args.db.db, lang, |store| async move {
                store.create_admin_token(&name).await
            })?;
            let name = args.name.as_deref().unwrap_or_default().trim().to_owned();
            let said = i18n::t!(
                lang,
                "cli-serve-admin-token-created-admin",
                id = token.id,
                name = name
            );
            (token, said)
        }
        // clap requires --org or --admin --name.
        (None, None) => return Ok(ExitCode::from(2)),
    };
    emit(&format!(
        "{confirmation}\n{}\n{}\n",
        i18n::t!(lang, "cli-serve-admin-token-once"),
        token.secret
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn delete(args: OrgDeleteArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let name = args.name.clone();
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::invalid(
                Problem::new(i18n::text!(
                    "cli-serve-admin-org-confirm-needed",
                    name = name.clone()
                ))
                .hint(i18n::text!("cli-serve-admin-org-confirm-needed-hint")),
            )
            .into());
        }
        let mut stderr = std::io::stderr();
        write!(
            stderr,
            "{} ",
            i18n::t!(lang, "cli-serve-admin-org-confirm", name = name.clone())
        )?;
        stderr.flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "o" | "oui" | "y" | "yes") {
            emit(&format!(
                "{}\n",
                i18n::t!(lang, "cli-serve-admin-org-kept", name = name.clone())
            ))?;
            return Ok(ExitCode::from(1));
        }
    }
    let target = name.clone();
    let deleted = with_store(&args.db.db, lang, |store| async move {
        store.delete_organisation(&target).await
    })?;
    if !deleted {
        return Err(Error::invalid(
            Problem::new(i18n::text!("cli-serve-admin-org-not-found", name = name))
                .hint(i18n::text!("cli-serve-admin-org-not-found-hint")),
        )
        .into());
    }
    emit(&format!(
        "{}\n",
        i18n::t!(lang, "cli-serve-admin-org-deleted", name = name)
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the store at `url`, runs `work` on it and waits for it, in a runtime of its own.
fn with_store<T, F, W>(url: &str, lang: Lang, work: W) -> anyhow::Result<T>
where
    W: FnOnce(Store) -> F,
    F: std::future::Future<Output = Result<T, StoreError>>,
{
    let said = |error: StoreError| {
        anyhow::anyhow!(i18n::t!(
            lang,
            "cli-serve-admin-database",
            why = error.to_string()
        ))
    };
    let runtime = collector::store::runtime()?;
    runtime.block_on(async {
        let store = Store::open(url).await.map_err(said)?;
        work(store).await.map_err(said)
    })
}

/// A sector as the session form takes it: a short text on one line.
fn check_sector(sector: &str) -> anyhow::Result<String> {
    let trimmed = sector.trim();
    if trimmed.is_empty()
        || trimmed.chars().count() > MAX_SECTOR
        || trimmed.chars().any(char::is_control)
    {
        return Err(Error::invalid(
            Problem::new(i18n::text!("cli-serve-admin-bad-sector"))
                .hint(i18n::text!("cli-serve-admin-bad-sector-hint")),
        )
        .into());
    }
    Ok(trimmed.to_owned())
}

/// A size band as the session form offers them.
fn check_size(size: &str) -> anyhow::Result<String> {
    if HEADCOUNTS.contains(&size) {
        return Ok(size.to_owned());
    }
    let bands = HEADCOUNTS.join(", ");
    Err(Error::invalid(
        Problem::new(i18n::text!(
            "cli-serve-admin-bad-size",
            size = size.to_owned()
        ))
        .hint(i18n::text!("cli-serve-admin-bad-size-hint", bands = bands)),
    )
    .into())
}

/// An organisation's or a member's name: not empty, on one line.
fn check_name(name: &str, flag: &str) -> anyhow::Result<String> {
    let trimmed = name.trim();
    if trimmed.is_empty() || trimmed.chars().any(char::is_control) {
        return Err(Error::invalid(Problem::new(i18n::text!(
            "cli-serve-admin-bad-name",
            flag = flag.to_owned()
        )))
        .into());
    }
    Ok(trimmed.to_owned())
}

/// `token list`'s table: never a token, nor its hash.
fn table(tokens: &[TokenInfo], lang: Lang) -> String {
    if tokens.is_empty() {
        return format!("{}\n", i18n::t!(lang, "cli-serve-admin-no-tokens"));
    }
    let yes = i18n::t!(lang, "cli-serve-admin-yes");
    let no = i18n::t!(lang, "cli-serve-admin-no");
    let mut rows = vec![vec![
        i18n::t!(lang, "cli-serve-admin-column-id"),
        i18n::t!(lang, "cli-serve-admin-column-kind"),
        i18n::t!(lang, "cli-serve-admin-column-name"),
        i18n::t!(lang, "cli-serve-admin-column-sector"),
        i18n::t!(lang, "cli-serve-admin-column-size"),
        i18n::t!(lang, "cli-serve-admin-column-created"),
        i18n::t!(lang, "cli-serve-admin-column-revoked"),
    ]];
    for token in tokens {
        let kind = if token.kind == "admin" {
            i18n::t!(lang, "cli-serve-admin-kind-admin")
        } else {
            i18n::t!(lang, "cli-serve-admin-kind-organisation")
        };
        rows.push(vec![
            token.id.to_string(),
            kind,
            token.name.clone(),
            token.sector.clone().unwrap_or_else(|| "—".to_owned()),
            token.size.clone().unwrap_or_else(|| "—".to_owned()),
            token.created.clone(),
            if token.revoked {
                yes.clone()
            } else {
                no.clone()
            },
        ]);
    }
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| {
                let pad = width.saturating_sub(cell.chars().count());
                format!("{cell}{}", " ".repeat(pad))
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}
