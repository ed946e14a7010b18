//! The command line: every command, flag and argument of `posture`.
//!
//! The doc comments are the developers' documentation. The help users see comes from the
//! catalogs, `help-*` messages of `i18n/locales/*/cli.ftl`, put on the command tree by `help.rs`
//! in the language chosen by `--lang` or the environment before clap parses anything.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

/// Security-posture audits for small health and public organisations.
#[derive(Debug, Parser)]
#[command(
    name = "posture",
    version,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    /// Print help.
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    pub help: Option<bool>,

    /// Print the version.
    #[arg(short = 'V', long, action = ArgAction::Version)]
    pub version: Option<bool>,

    /// Language of the interface (default: from LANG, else French).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// A control catalog of your own (a TOML file or a directory holding catalog.toml) instead of the bundled one.
    #[arg(long, global = true, value_name = "PATH")]
    pub catalog: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

/// `--lang` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Français
    Fr,
    /// English
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the guided audit in the terminal (resumes FILE if it exists).
    Audit(AuditArgs),
    /// Check or export the control catalog.
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Create an audit session.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Set one answer of a session.
    Answer(AnswerArgs),
    /// Score a session: domains, overall index, priority measures.
    Score(ScoreArgs),
    /// Write the audit report (HTML and PDF by default; Markdown, JSON, CSV).
    Report(ReportArgs),
    /// Compare two assessments of the same organisation.
    Compare(CompareArgs),
    /// The local agent: facts read from this machine, the TLS of web sites, and the open ports of public addresses.
    #[command(subcommand)]
    Agent(AgentCommand),
    /// E-mail the report in an AES-256 encrypted ZIP; the password is printed, to give by phone or SMS.
    Send(SendArgs),
    /// The collection server of an SSI team: organisations submit their assessments, the team reads them.
    Serve(ServeArgs),
    /// Send an assessment (its report JSON) to a collection server.
    Submit(SubmitArgs),
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The session file: resumed at the first unanswered question if it exists; otherwise a start form creates it.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Facts files from `posture agent`: shown under the questions they bear on.
    #[arg(long, value_name = "FACTS", num_args = 1..)]
    pub facts: Vec<PathBuf>,
    /// The set of questions for a new session: express or complet.
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// The meeting's time budget, e.g. 90m, 1h30, 2h.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub duration: Option<std::time::Duration>,
    /// Re-assess: start from this previous session's answers, each to confirm.
    #[arg(long, value_name = "PREVIOUS")]
    pub from: Option<PathBuf>,
    /// The new session file (with --from).
    #[arg(short = 'o', long = "output", value_name = "NEW")]
    pub output: Option<PathBuf>,
}

/// A `--duration` that is not one; `usage.rs` says why in the language of the interface.
#[derive(Debug)]
pub struct BadDuration;

impl std::fmt::Display for BadDuration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&i18n::t!(i18n::Lang::En, "usage-bad-duration"))
    }
}

impl std::error::Error for BadDuration {}

fn parse_duration(text: &str) -> Result<std::time::Duration, BadDuration> {
    questionnaire::tui::clock::parse_duration(text).ok_or(BadDuration)
}

#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Read this machine's facts (read-only, no network; better as root).
    Collect(CollectArgs),
    /// Probe web sites: TLS version, certificate, HTTPS redirect, HSTS.
    ProbeTls(ProbeTlsArgs),
    /// Probe the TCP ports (administration, file sharing) of the organisation's own public
    /// address: run it from outside its network (a 4G phone share, another site), with its
    /// consent.
    ProbePorts(ProbePortsArgs),
}

#[derive(Debug, Args)]
pub struct CollectArgs {
    /// Write the facts to this file (JSON); standard output then gets only a one-line summary.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScoreFormat,
    /// Read every file under DIR instead of / and run no command (fake machines for tests).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ProbeTlsArgs {
    /// The sites to probe, e.g. https://www.example.org
    #[arg(value_name = "URL", required = true)]
    pub urls: Vec<String>,
    /// A private certificate authority (PEM file) to trust.
    #[arg(long, value_name = "FILE")]
    pub ca: Option<PathBuf>,
    /// Write the facts to this file (JSON); standard output then gets only a one-line summary.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScoreFormat,
}

#[derive(Debug, Args)]
pub struct ProbePortsArgs {
    /// The organisation's public address or host name, e.g. 51.15.20.30
    #[arg(value_name = "HOST")]
    pub host: String,
    /// The TCP ports, e.g. 22,3389,8000-8010 (at most 1024; default: administration and file-sharing ports).
    #[arg(long, value_name = "LIST")]
    pub ports: Option<String>,
    /// Write the facts to this file (JSON); standard output then gets only a one-line summary.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScoreFormat,
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Validate a catalog and report every problem with its file, line and column.
    Check(CheckArgs),
    /// Print the catalog in a machine-readable format.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The catalog to check (default: the bundled one, or --catalog).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// JSON
    Json,
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Create an empty session file.
    New(NewSessionArgs),
}

#[derive(Debug, Args)]
pub struct NewSessionArgs {
    /// The set of questions: express (the 90-minute meeting) or complet (every control).
    #[arg(long, value_name = "PROFILE")]
    pub profile: String,
    /// Name of the audited organisation.
    #[arg(long, value_name = "NAME")]
    pub org: String,
    /// Who runs the audit.
    #[arg(long, value_name = "NAME", default_value = "")]
    pub auditor: String,
    /// A participant (repeat the flag, or separate names with commas).
    #[arg(long = "participant", value_name = "NAME", value_delimiter = ',')]
    pub participants: Vec<String>,
    /// The organisation's sector (care network, occupational health…).
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub sector: String,
    /// The organisation's headcount band.
    #[arg(long, value_enum, value_name = "BAND")]
    pub headcount: Option<Headcount>,
    /// The session file to create.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Headcount bands, as the start form offers them.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Headcount {
    /// 1 to 9 people
    #[value(name = "1-9")]
    Micro,
    /// 10 to 49 people
    #[value(name = "10-49")]
    Small,
    /// 50 to 249 people
    #[value(name = "50-249")]
    Medium,
    /// 250 people or more
    #[value(name = "250+")]
    Large,
}

impl Headcount {
    /// The band as written in session files.
    pub fn label(self) -> &'static str {
        match self {
            Headcount::Micro => "1-9",
            Headcount::Small => "10-49",
            Headcount::Medium => "50-249",
            Headcount::Large => "250+",
        }
    }
}

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The session file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The control id, e.g. PAT-01.
    #[arg(value_name = "CONTROL")]
    pub control: String,
    /// An option id, its number as shown (from 1), "unknown" (don't know) or "na" (not applicable).
    #[arg(value_name = "CHOICE")]
    pub choice: String,
    /// What was said, the evidence shown (an empty text removes the note).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The session file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Facts files from `posture agent` (one per machine): answers are capped by what the machines show.
    #[arg(long, value_name = "FACTS", num_args = 1..)]
    pub facts: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScoreFormat,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The session file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Facts files from `posture agent` (one per machine): answers are capped by what the machines show.
    #[arg(long, value_name = "FACTS", num_args = 1..)]
    pub facts: Vec<PathBuf>,
    /// The previous assessment, to show progress.
    #[arg(long, value_name = "OLD")]
    pub previous: Option<PathBuf>,
    /// Format (repeatable, or comma-separated); default: html and pdf side by side.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMAT")]
    pub format: Vec<ReportFormat>,
    /// Output file (its extension is replaced for each format when there are several; "-" for standard output).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// A collection server's base URL: the report shows the organisation's position among its peers.
    #[arg(long, value_name = "URL")]
    pub benchmark: Option<String>,
    /// With --benchmark: a file holding the token (default: the POSTURE_TOKEN variable; never on the command line).
    #[arg(long, value_name = "FILE", requires = "benchmark")]
    pub token_file: Option<PathBuf>,
    /// With --benchmark: a certificate authority to trust (PEM), e.g. the server's self-signed certificate.
    #[arg(long, value_name = "PEM", requires = "benchmark")]
    pub ca: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML file
    Html,
    /// A4 PDF
    Pdf,
    /// Markdown
    Md,
    /// JSON (docs/report-json.md)
    Json,
    /// CSV, one row per control
    Csv,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The previous assessment.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new assessment.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScoreFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScoreFormat {
    /// A table for the terminal
    Text,
    /// JSON for scripts
    Json,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The session file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The recipient's address (repeat the flag for several).
    #[arg(long, value_name = "ADDRESS", required = true)]
    pub to: Vec<String>,
    /// The sender's address (default: --user, when it is an address).
    #[arg(long, value_name = "ADDRESS", env = "POSTURE_SMTP_FROM")]
    pub from: Option<String>,
    /// The SMTP server, HOST:PORT: STARTTLS on 587 (the default port), implicit TLS on 465.
    #[arg(long, value_name = "HOST:PORT", env = "POSTURE_SMTP")]
    pub smtp: Option<String>,
    /// The SMTP account; its password comes from POSTURE_SMTP_PASSWORD, or is asked without echo.
    #[arg(long, value_name = "USER", env = "POSTURE_SMTP_USER")]
    pub user: Option<String>,
    /// How TLS starts: starttls (default) or implicit (default on port 465).
    #[arg(
        long,
        value_enum,
        value_name = "MODE",
        conflicts_with = "insecure_no_tls"
    )]
    pub tls: Option<SendTls>,
    /// Send without TLS, to a test server on this machine only (refused towards any other host).
    #[arg(long)]
    pub insecure_no_tls: bool,
    /// What goes in the archive (repeatable, or comma-separated): html, pdf; default: both.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMAT")]
    pub format: Vec<SendFormat>,
    /// The previous assessment, to show progress.
    #[arg(long, value_name = "OLD")]
    pub previous: Option<PathBuf>,
    /// The e-mail's subject (default: the report's title, organisation and date).
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
}

/// `posture serve`: runs the server, or (with a subcommand) manages its tokens and organisations.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Tokens and organisations, managed on the server's machine.
    #[command(subcommand)]
    pub command: Option<ServeCommand>,
    /// The address and port to listen on (port 0: any free port, printed when ready).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8443")]
    pub listen: String,
    /// The database: sqlite:PATH (default sqlite:posture-collecte.db) or postgres://…
    #[arg(long, value_name = "URL", default_value = "sqlite:posture-collecte.db")]
    pub db: String,
    /// The server's certificate chain (PEM), for HTTPS.
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// A self-signed certificate made at start, for a try-out (its fingerprint is printed).
    #[arg(long, conflicts_with_all = ["tls_cert", "tls_key", "insecure_http"])]
    pub self_signed: bool,
    /// Plain HTTP, behind a reverse proxy that terminates TLS (loopback only, unless --behind-proxy).
    #[arg(long, conflicts_with_all = ["tls_cert", "tls_key"])]
    pub insecure_http: bool,
    /// With --insecure-http on a non-loopback address: a reverse proxy terminates TLS in front.
    #[arg(long, requires = "insecure_http")]
    pub behind_proxy: bool,
}

/// `posture serve token …` and `posture serve org …`.
#[derive(Debug, Subcommand)]
pub enum ServeCommand {
    /// Create, list or revoke tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Organisations: delete one and all its data.
    #[command(subcommand)]
    Org(OrgCommand),
}

/// `posture serve token …`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token: an organisation's (--org) or an SSI team member's (--admin --name); printed once.
    Create(TokenCreateArgs),
    /// List the tokens (never the tokens themselves).
    List(DbArgs),
    /// Revoke a token by its id.
    Revoke(TokenRevokeArgs),
}

/// The database of a management command.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The database: sqlite:PATH or postgres://…
    #[arg(long, value_name = "URL", default_value = "sqlite:posture-collecte.db")]
    pub db: String,
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The organisation the token submits for.
    #[arg(
        long,
        value_name = "NAME",
        required_unless_present = "admin",
        conflicts_with = "admin"
    )]
    pub org: Option<String>,
    /// The organisation's sector, as the session form offers them (CPTS, …).
    #[arg(long, value_name = "SECTOR", requires = "org")]
    pub sector: Option<String>,
    /// The organisation's size band: 1-9, 10-49, 50-249 or 250+.
    #[arg(long, value_name = "BAND", requires = "org")]
    pub size: Option<String>,
    /// Whom to call about the organisation (shown on the dashboard's overdue page).
    #[arg(long, value_name = "TEXT", requires = "org")]
    pub contact: Option<String>,
    /// An SSI team member's token, which reads every organisation's data.
    #[arg(long, requires = "name")]
    pub admin: bool,
    /// The team member's name.
    #[arg(long, value_name = "NAME", requires = "admin")]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct TokenRevokeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The token's id, as `posture serve token list` shows it.
    #[arg(value_name = "ID")]
    pub id: i64,
}

/// `posture serve org …`.
#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Delete an organisation and all its data (right to erasure), after a confirmation.
    Delete(OrgDeleteArgs),
}

#[derive(Debug, Args)]
pub struct OrgDeleteArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The organisation's name.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Do not ask for a confirmation.
    #[arg(long)]
    pub yes: bool,
}

/// `posture submit`.
#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// The session file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The server's base URL, e.g. https://collecte.exemple.fr
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// A file holding the token (default: the POSTURE_TOKEN variable; never on the command line).
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// A certificate authority to trust (PEM), e.g. the server's self-signed certificate.
    #[arg(long, value_name = "PEM")]
    pub ca: Option<PathBuf>,
    /// Leave the notes out (they may name people).
    #[arg(long)]
    pub without_notes: bool,
    /// Print what would be sent, send nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `send --tls` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SendTls {
    /// Plain connection upgraded with STARTTLS (port 587)
    Starttls,
    /// TLS from the start (port 465)
    Implicit,
}

/// `send --format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SendFormat {
    /// One self-contained HTML file
    Html,
    /// A4 PDF
    Pdf,
}
