//! Benchmarks of `posture audit` against the targets of the issue, on a 300-control catalog:
//!
//! - drawing one frame, and handling one key, p99 ≤ 2 ms;
//! - time to first frame (load the catalog and the session, check them, build the app, draw),
//!   ≤ 100 ms.
//!
//! Peak memory of the real binary is measured by `bench/tui-memory.sh`, which uses this bench to
//! write its catalog: with `POSTURE_BENCH_DIR=DIR` the catalog (`DIR/catalog/`) and a
//! half-answered session on its `complet` profile (`DIR/session.toml`) are kept there, and with
//! `POSTURE_BENCH_WRITE_ONLY=1` as well the bench stops after writing them.
//!
//! Run: `cargo bench -p questionnaire --bench tui`. Every figure is measured with
//! `std::time::Instant` around one operation, over thousands of iterations, and printed as
//! p50 / p99 / max.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{TimeZone as _, Utc};
use questionnaire::Lang;
use questionnaire::audit::Audit;
use questionnaire::catalog::{self, Catalog};
use questionnaire::session::{NewSession, Session, UNKNOWN};
use questionnaire::tui::app::{App, Event, Screen};
use questionnaire::tui::keys::{self, Footer};
use questionnaire::tui::labels::Labels;
use questionnaire::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[path = "common/mod.rs"]
mod common;

/// Controls in the generated catalog, context questions included.
const CONTROLS: usize = 300;
/// Iterations for frames and keys.
const ITERATIONS: usize = 5_000;
/// Runs for the time to first frame.
const FIRST_FRAME_RUNS: usize = 200;
/// Targets of the issue.
const FRAME_OR_KEY_TARGET: Duration = Duration::from_millis(2);
const FIRST_FRAME_TARGET: Duration = Duration::from_millis(100);

// ---------------------------------------------------------------------------------------------
// The catalog: 13 domains like the bundled one, 300 controls, bilingual texts of real length.

/// The bundled catalog's domains: id, control-id prefix, weight, French and English titles.
const DOMAINS: [(&str, &str, u8, &str, &str); 13] = [
    (
        "gouvernance",
        "GOV",
        2,
        "Gouvernance et conformité RGPD",
        "Governance and GDPR compliance",
    ),
    (
        "prestataires",
        "SUP",
        2,
        "Prestataires et sous-traitants",
        "Suppliers and subcontractors",
    ),
    (
        "acces",
        "IAM",
        3,
        "Contrôle d'accès et authentification",
        "Access control and authentication",
    ),
    (
        "mises-a-jour",
        "PAT",
        3,
        "Mises à jour et vulnérabilités",
        "Updates and vulnerabilities",
    ),
    (
        "sauvegardes",
        "BAK",
        3,
        "Sauvegardes et continuité d'activité",
        "Backups and business continuity",
    ),
    (
        "acces-distants",
        "REM",
        3,
        "Accès distants et télémaintenance",
        "Remote access and remote maintenance",
    ),
    (
        "reseau",
        "NET",
        2,
        "Réseau et communications",
        "Network and communications",
    ),
    (
        "postes",
        "WKS",
        2,
        "Postes de travail et serveurs",
        "Workstations and servers",
    ),
    (
        "journalisation",
        "LOG",
        2,
        "Journalisation et traçabilité",
        "Logging and traceability",
    ),
    (
        "incidents",
        "INC",
        3,
        "Incidents et violations de données",
        "Incidents and personal-data breaches",
    ),
    (
        "sensibilisation",
        "AWA",
        2,
        "Personnel et sensibilisation",
        "People and awareness",
    ),
    (
        "physique",
        "PHY",
        1,
        "Sécurité physique",
        "Physical security",
    ),
    (
        "developpement",
        "DEV",
        2,
        "Développement et hébergement de logiciels",
        "Software development and hosting",
    ),
];

/// Pieces of sentences, French and English, put together into texts of realistic length.
const SUBJECTS: [(&str, &str); 12] = [
    (
        "les postes de travail du secrétariat et de l'accueil",
        "the workstations of the office and the front desk",
    ),
    (
        "le logiciel métier qui contient les dossiers des patients",
        "the business software that holds the patients' records",
    ),
    (
        "la messagerie et les agendas partagés de l'équipe",
        "the e-mail and the team's shared calendars",
    ),
    (
        "le serveur de fichiers installé dans le local technique",
        "the file server in the equipment room",
    ),
    (
        "les accès à distance ouverts aux prestataires de maintenance",
        "the remote accesses opened to maintenance suppliers",
    ),
    (
        "les sauvegardes chiffrées gardées hors des locaux",
        "the encrypted backups kept off the premises",
    ),
    (
        "les comptes d'administration et leurs mots de passe",
        "the administrator accounts and their passwords",
    ),
    (
        "le registre des traitements et les fiches de chaque activité",
        "the record of processing and the sheet of each activity",
    ),
    (
        "les téléphones et tablettes utilisés en visite à domicile",
        "the phones and tablets used on home visits",
    ),
    (
        "le pare-feu et la box qui relient le cabinet à Internet",
        "the firewall and the router that connect the practice to the Internet",
    ),
    (
        "les journaux de connexion du logiciel et des serveurs",
        "the connection logs of the software and the servers",
    ),
    (
        "les contrats signés avec les hébergeurs et les sous-traitants",
        "the contracts signed with hosts and subcontractors",
    ),
];

const ASKS: [(&str, &str); 6] = [
    ("Pour", "For"),
    ("Concernant", "Regarding"),
    ("S'agissant de", "As for"),
    ("Pour ce qui est de", "When it comes to"),
    ("À propos de", "About"),
    ("Dans votre structure, pour", "In your organisation, for"),
];

const QUESTIONS: [(&str, &str); 8] = [
    (
        "une personne nommée vérifie-t-elle chaque mois que les règles écrites sont appliquées, et que se passe-t-il quand ce n'est pas le cas",
        "does a named person check every month that the written rules are applied, and what happens when they are not",
    ),
    (
        "qui décide des droits d'accès, où sont-ils écrits, et quand ont-ils été relus pour la dernière fois avec la direction",
        "who decides the access rights, where are they written down, and when were they last reviewed with the management",
    ),
    (
        "savez-vous combien de temps il faudrait pour tout remettre en route après une panne ou un rançongiciel",
        "do you know how long it would take to get everything running again after a failure or ransomware",
    ),
    (
        "les mises à jour de sécurité sont-elles installées dans le mois, et qui s'en assure quand le prestataire ne le fait pas",
        "are security updates installed within the month, and who makes sure of it when the supplier does not",
    ),
    (
        "existe-t-il une procédure écrite, connue de l'équipe, et a-t-elle déjà servi ou été essayée lors d'un exercice",
        "is there a written procedure, known to the team, and has it ever been used or tried in an exercise",
    ),
    (
        "les traces de qui a fait quoi, et quand, sont-elles gardées assez longtemps pour comprendre un incident",
        "are the traces of who did what, and when, kept long enough to understand an incident",
    ),
    (
        "le personnel sait-il à qui signaler un message suspect ou une perte de matériel, et l'a-t-il déjà fait",
        "does the staff know whom to report a suspicious message or lost equipment to, and have they ever done so",
    ),
    (
        "les engagements du contrat (confidentialité, localisation des données, fin de contrat) sont-ils vérifiés chaque année",
        "are the commitments of the contract (confidentiality, data location, end of contract) checked every year",
    ),
];

const HELPS: [(&str, &str); 6] = [
    (
        "C'est souvent par là qu'une attaque commence dans une petite structure : un compte oublié, un mot de passe partagé, un accès resté ouvert après une intervention.",
        "This is often where an attack starts in a small organisation: a forgotten account, a shared password, an access left open after a job.",
    ),
    (
        "Les contrats avec les établissements de santé exigent une règle écrite, appliquée et vérifiée ; lors d'un contrôle de la CNIL, c'est la première preuve demandée.",
        "Contracts with health establishments require a written rule, applied and checked; in a CNIL inspection, it is the first evidence asked for.",
    ),
    (
        "Le bon niveau : une règle d'une page, une personne nommée pour la faire vivre, un contrôle daté au moins une fois par an, et une trace de ce qui a été corrigé.",
        "What good looks like: a one-page rule, a named person to keep it alive, a dated check at least once a year, and a record of what was fixed.",
    ),
    (
        "Sans cela, un incident peut arrêter l'activité plusieurs semaines et exposer des données de santé, ce qui oblige à prévenir la CNIL dans les 72 heures.",
        "Without it, an incident can stop the activity for weeks and expose health data, which means notifying the CNIL within 72 hours.",
    ),
    (
        "Demandez à voir le document ou l'écran plutôt que de vous fier à la réponse : « on le fait » sans preuve se note au niveau 1.",
        "Ask to see the document or the screen rather than relying on the answer: \"we do it\" without evidence is rated level 1.",
    ),
    (
        "Le prestataire peut s'en charger, mais la structure reste responsable : le contrat doit le prévoir et quelqu'un en interne doit pouvoir le vérifier.",
        "The supplier can handle it, but the organisation stays responsible: the contract must say so and someone inside must be able to check it.",
    ),
];

/// Answer scales, from level 0 up; each control takes 3 to 5 of them, always ending at level 4.
const SCALE: [(&str, &str, &str); 5] = [
    (
        "rien",
        "Rien n'est fait, ou personne ne sait si c'est fait",
        "Nothing is done, or nobody knows whether it is",
    ),
    (
        "a-l-occasion",
        "C'est fait de temps en temps, à la main, quand quelqu'un y pense, sans règle écrite ni personne désignée",
        "It is done now and then, by hand, when someone thinks of it, with no written rule and nobody in charge",
    ),
    (
        "en-partie",
        "Une règle existe et s'applique à une partie du matériel ou du personnel, mais des exceptions restent sans suivi",
        "A rule exists and applies to part of the equipment or staff, but exceptions are left unchecked",
    ),
    (
        "ecrit-et-applique",
        "Une règle écrite s'applique partout, une personne est nommée, et c'est fait à la fréquence décidée",
        "A written rule applies everywhere, a person is named, and it is done at the decided frequency",
    ),
    (
        "verifie",
        "Tout cela, et un contrôle daté chaque année vérifie que c'est fait ; les écarts sont corrigés et notés",
        "All of that, and a dated yearly check verifies it is done; gaps are fixed and recorded",
    ),
];

const REFS: [&str; 8] = [
    "charte-ght §10.4",
    "charte-ght §10.9.1",
    "contrat-slime Annex 2 §8",
    "contrat-slime art. 2(b)(i)",
    "annexe-cdg56 §11",
    "procedure-violation §4.7",
    "cpts-sesan",
    "charte-ght §20",
];

/// A small deterministic generator, so that every run measures the same catalog.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next() % items.len()]
    }
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn bilingual(fr: &str, en: &str) -> String {
    format!("{{ fr = {}, en = {} }}", quoted(fr), quoted(en))
}

/// A question of 150–300 characters in each language.
fn question(rng: &mut Rng) -> (String, String) {
    let (ask_fr, ask_en) = rng.pick(&ASKS);
    let (first_fr, first_en) = rng.pick(&SUBJECTS);
    let (q_fr, q_en) = rng.pick(&QUESTIONS);
    let mut fr = format!("{ask_fr} {first_fr}, {q_fr} ?");
    let mut en = format!("{ask_en} {first_en}, {q_en}?");
    let short = fr.chars().count().min(en.chars().count()) < 150;
    if short || rng.next().is_multiple_of(3) {
        let (more_fr, more_en) = rng.pick(&SUBJECTS);
        fr = format!("{ask_fr} {first_fr} et {more_fr}, {q_fr} ?");
        en = format!("{ask_en} {first_en} and {more_en}, {q_en}?");
    }
    (fr, en)
}

/// A help text of two or three sentences.
fn help(rng: &mut Rng) -> (String, String) {
    let count = 2 + rng.next() % 2;
    let start = rng.next();
    let parts: Vec<(&str, &str)> = (0..count)
        .map(|i| HELPS[(start + i) % HELPS.len()])
        .collect();
    (
        parts.iter().map(|p| p.0).collect::<Vec<_>>().join(" "),
        parts.iter().map(|p| p.1).collect::<Vec<_>>().join(" "),
    )
}

fn header() -> String {
    let mut text = String::from(
        "# A generated 300-control catalog for the benchmarks of posture audit.\n\
         id = \"bench-300\"\nversion = \"1\"\n\
         title = { fr = \"Catalogue de banc d'essai (300 contrôles)\", en = \"Benchmark catalog (300 controls)\" }\n",
    );
    for (key, sections) in [
        ("annexe-cdg56", true),
        ("contrat-slime", true),
        ("cpts-sesan", false),
        ("charte-ght", true),
        ("procedure-violation", true),
    ] {
        writeln!(
            text,
            "\n[[documents]]\nkey = \"{key}\"\ntitle = \"Document {key}\"\nsections = {sections}"
        )
        .expect("writing to a String");
    }
    for (id, _, weight, fr, en) in DOMAINS {
        writeln!(
            text,
            "\n[[domains]]\nid = \"{id}\"\nweight = {weight}\ntitle = {}",
            bilingual(fr, en)
        )
        .expect("writing to a String");
        if id == "developpement" {
            text.push_str("when = { control = \"DEV-00\", any_of = [\"oui\"] }\n");
        }
    }
    text.push_str(
        "\n[[profiles]]\nid = \"express\"\ntitle = { fr = \"Express\", en = \"Express\" }\n\
         \n[[profiles]]\nid = \"complet\"\ntitle = { fr = \"Complet\", en = \"Complete\" }\nall = true\n",
    );
    text
}

/// A context question: "yes" or "no", no level.
fn gate(id: &str, domain: &str) -> String {
    format!(
        "\n[[controls]]\nid = \"{id}\"\ndomain = \"{domain}\"\ncontext = true\nprofiles = [\"express\"]\n\
         question = {}\nhelp = {}\n\
         \n[[controls.options]]\nid = \"oui\"\nlabel = {{ fr = \"Oui\", en = \"Yes\" }}\n\
         \n[[controls.options]]\nid = \"non\"\nlabel = {{ fr = \"Non\", en = \"No\" }}\n",
        bilingual(
            "Cette partie de l'audit vous concerne-t-elle : des prestataires interviennent-ils à distance ou développez-vous des logiciels ?",
            "Does this part of the audit concern you: do suppliers work remotely or do you develop software?",
        ),
        bilingual(
            "Si la réponse est non, les questions qui en dépendent sont laissées de côté.",
            "If the answer is no, the questions that depend on it are left out.",
        ),
    )
}

fn control(rng: &mut Rng, id: &str, domain: &str, when: Option<&str>, index: usize) -> String {
    let (question_fr, question_en) = question(rng);
    let (help_fr, help_en) = help(rng);
    let option_count = 3 + rng.next() % 3;
    // Always levels 0 and 4, and some of 1–3 in between, climbing.
    let mut levels: Vec<usize> = vec![0, 1, 2, 3];
    while levels.len() > option_count - 1 {
        levels.remove(1 + rng.next() % (levels.len() - 1));
    }
    levels.push(4);
    let target = 2 + rng.next() % 2;
    let refs: Vec<String> = (0..1 + rng.next() % 3)
        .map(|i| quoted(REFS[(index + i * 3) % REFS.len()]))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut text = format!(
        "\n[[controls]]\nid = \"{id}\"\ndomain = \"{domain}\"\nweight = {}\ncritical = {}\n\
         target = {}\nna_allowed = {}\n{}refs = [{}]\nquestion = {}\nhelp = {}\n",
        1 + rng.next() % 3,
        index.is_multiple_of(7),
        target,
        index.is_multiple_of(5),
        // A quarter of the controls in the express profile; all of them in complet.
        if index.is_multiple_of(4) {
            "profiles = [\"express\"]\n"
        } else {
            ""
        },
        refs.join(", "),
        bilingual(&question_fr, &question_en),
        bilingual(&help_fr, &help_en),
    );
    if let Some(gate) = when {
        writeln!(
            text,
            "when = {{ control = \"{gate}\", any_of = [\"oui\"] }}"
        )
        .expect("writing to a String");
    }
    for level in levels {
        let (option_id, fr, en) = SCALE[level];
        writeln!(
            text,
            "\n[[controls.options]]\nid = \"{option_id}\"\nlevel = {level}\nlabel = {}",
            bilingual(fr, en)
        )
        .expect("writing to a String");
    }
    writeln!(
        text,
        "\n[controls.recommendation]\ntitle = {}\nwhy = {}\nhow = {}",
        bilingual(
            &format!("Écrire et appliquer la règle ({id})"),
            &format!("Write and apply the rule ({id})")
        ),
        bilingual(&help_fr, &help_en),
        bilingual(
            &format!("1) Écrire la règle sur une page. 2) Nommer une personne. 3) {question_fr}"),
            &format!("1) Write the rule on one page. 2) Name a person. 3) {question_en}"),
        ),
    )
    .expect("writing to a String");
    text
}

/// Writes the catalog directory: `catalog.toml` and one file per domain, 300 controls in all.
fn write_catalog(dir: &Path) {
    std::fs::create_dir_all(dir).expect("creating the catalog directory");
    std::fs::write(dir.join("catalog.toml"), header()).expect("writing catalog.toml");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let per_domain = CONTROLS / DOMAINS.len();
    let extra = CONTROLS % DOMAINS.len();
    let mut index = 0;
    for (position, (domain, prefix, ..)) in DOMAINS.iter().enumerate() {
        let count = per_domain + usize::from(position < extra);
        let mut text = format!("# Controls of the domain \"{domain}\".\n");
        let gated = matches!(*prefix, "REM" | "DEV");
        for n in 0..count {
            // As in the bundled catalog: gates are numbered 00, other controls from 01.
            let number = if gated { n } else { n + 1 };
            let id = format!("{prefix}-{number:02}");
            if gated && number == 0 {
                text.push_str(&gate(&id, domain));
            } else {
                let when = (*prefix == "REM" && number >= 3).then(|| format!("{prefix}-00"));
                text.push_str(&control(&mut rng, &id, domain, when.as_deref(), index));
            }
            index += 1;
        }
        std::fs::write(dir.join(format!("{domain}.toml")), text).expect("writing a domain file");
    }
}

/// A session on the `complet` profile with the first half of its questions answered (gates
/// "yes", some "don't know", some notes).
fn write_session(catalog: &Catalog, path: &Path) {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 23, 14, 0, 0)
        .single()
        .expect("a valid date");
    let new = NewSession {
        organisation: "Centre de santé du banc d'essai".into(),
        profile: "complet".into(),
        auditor: "Alice Martin".into(),
        participants: vec!["Directrice".into(), "Référent informatique".into()],
        sector: "Centre de santé".into(),
        headcount: "10-49".into(),
    };
    let half = catalog.controls_in("complet").count() / 2;
    let session = common::answered_session(catalog, new, now, |index, control| {
        if index >= half {
            return None;
        }
        let choice = if control.context {
            "oui".to_owned()
        } else if index % 9 == 4 {
            UNKNOWN.to_owned()
        } else {
            control.options[index % control.options.len()].id.clone()
        };
        let note = (index % 6 == 0).then(|| {
            format!(
                "Vu en réunion : procédure montrée à l'écran, à compléter ({})",
                control.id
            )
        });
        Some((choice, note))
    });
    session.save(path).expect("saving the session");
}

// ---------------------------------------------------------------------------------------------
// Measuring.

struct Row {
    name: String,
    samples: Vec<Duration>,
    target: Duration,
}

impl Row {
    fn new(name: impl Into<String>, mut samples: Vec<Duration>, target: Duration) -> Row {
        samples.sort_unstable();
        Row {
            name: name.into(),
            samples,
            target,
        }
    }

    fn percentile(&self, p: usize) -> Duration {
        let rank = (self.samples.len() * p).div_ceil(100).max(1);
        self.samples[rank - 1]
    }
}

fn format_duration(duration: Duration) -> String {
    let micros = duration.as_secs_f64() * 1e6;
    if micros >= 10_000.0 {
        format!("{:.1} ms", micros / 1000.0)
    } else if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else if micros >= 100.0 {
        format!("{micros:.0} µs")
    } else {
        format!("{micros:.1} µs")
    }
}

fn print_table(rows: &[Row]) {
    let width = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0);
    println!(
        "{:<width$}  {:>6}  {:>9}  {:>9}  {:>9}  {:>8}  verdict",
        "measure", "n", "p50", "p99", "max", "target"
    );
    println!("{}", "-".repeat(width + 67));
    for row in rows {
        let p99 = row.percentile(99);
        println!(
            "{:<width$}  {:>6}  {:>9}  {:>9}  {:>9}  {:>8}  {}",
            row.name,
            row.samples.len(),
            format_duration(row.percentile(50)),
            format_duration(p99),
            format_duration(*row.samples.last().expect("samples")),
            format!("≤ {}", format_duration(row.target)),
            if p99 <= row.target {
                "ok (p99)"
            } else {
                "OVER (p99)"
            }
        );
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn new_app(catalog: &Catalog, session: Session) -> App<'_> {
    App::new(
        Audit { catalog, session },
        Lang::Fr,
        Utc::now(),
        Duration::from_secs(90 * 60),
    )
}

/// One frame drawn on a terminal that keeps its buffers between frames, as the real loop does;
/// the question changes before each frame (not timed), so that every frame differs.
fn frames(app: &mut App<'_>, width: u16, height: u16) -> Vec<Duration> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let mut samples = Vec::with_capacity(ITERATIONS);
    for i in 0..ITERATIONS {
        if app.screen == Screen::Questions {
            app.update(key(if i % 2 == 0 {
                KeyCode::Right
            } else {
                KeyCode::Left
            }));
        }
        app.clock.this_run = Duration::from_secs(i as u64);
        let start = Instant::now();
        terminal
            .draw(|frame| view::render(frame, app))
            .expect("drawing");
        samples.push(start.elapsed());
    }
    black_box(terminal.backend().buffer());
    samples
}

/// Times `update` for `timed`, undoing it with `undo` (not timed) after each.
fn keys(
    app: &mut App<'_>,
    mut timed: impl FnMut(usize) -> Event,
    undo: Option<Event>,
) -> Vec<Duration> {
    let mut samples = Vec::with_capacity(ITERATIONS);
    for i in 0..ITERATIONS {
        let event = timed(i);
        let start = Instant::now();
        let effects = app.update(event);
        samples.push(start.elapsed());
        black_box(effects);
        if let Some(undo) = &undo {
            app.update(undo.clone());
        }
    }
    samples
}

/// What `posture audit FILE` does before its first frame, less the terminal setup: read the
/// session, load its catalog, check one against the other, build the app, draw.
fn first_frame(catalog_dir: &Path, session_path: &Path, save: bool) -> Duration {
    let start = Instant::now();
    let (session, source) = Session::load(session_path).expect("loading the session");
    let catalog = catalog::load(catalog_dir).expect("loading the catalog");
    Audit::open(&catalog, session.clone(), &source).expect("a matching session");
    if save {
        session.save(session_path).expect("saving the session");
    }
    let app = new_app(&catalog, session);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    terminal
        .draw(|frame| view::render(frame, &app))
        .expect("drawing");
    let elapsed = start.elapsed();
    black_box(terminal.backend().buffer());
    elapsed
}

fn main() {
    // `cargo bench` passes `--bench`; a filter or other flags are not supported and ignored.
    let kept = std::env::var_os("POSTURE_BENCH_DIR").map(PathBuf::from);
    let temp = tempfile::tempdir().expect("a temporary directory");
    let dir = kept.clone().unwrap_or_else(|| temp.path().to_owned());
    let catalog_dir = dir.join("catalog");
    let session_path = dir.join("session.toml");
    write_catalog(&catalog_dir);
    let catalog = catalog::load(&catalog_dir).unwrap_or_else(|error| {
        panic!(
            "the generated catalog is invalid:\n{}",
            error.render(Lang::En)
        )
    });
    assert_eq!(catalog.controls.len(), CONTROLS);
    assert_eq!(catalog.domains.len(), 13);
    write_session(&catalog, &session_path);
    if kept.is_some() {
        eprintln!(
            "catalog written to {} and session to {}",
            catalog_dir.display(),
            session_path.display()
        );
        if std::env::var_os("POSTURE_BENCH_WRITE_ONLY").is_some() {
            return;
        }
    }

    // The screens' words, looked up in the catalogs once per language when the first screen is
    // drawn: the first frame of `posture audit` pays it once, the runs below come after it.
    let start = Instant::now();
    black_box(Labels::of(Lang::Fr));
    black_box(keys::footer(Footer::Questions, Lang::Fr));
    let words_once = start.elapsed();

    let (session, _) = Session::load(&session_path).expect("loading the session");
    let answered = session.answers.len();
    let mut app = new_app(&catalog, session.clone());
    let start_index = app.current_index();
    println!(
        "posture audit — {} controls in {} domains, profile complet: {} questions asked, {answered} answered, current question #{} ({})",
        catalog.controls.len(),
        catalog.domains.len(),
        app.questions().len(),
        start_index + 1,
        app.current().map_or("-", |c| c.id.as_str()),
    );
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "{ITERATIONS} iterations per frame or key, {FIRST_FRAME_RUNS} runs for the first frame; \
         {cpus} CPU(s), load average {}\n",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );

    let mut rows = Vec::new();
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = new_app(&catalog, session.clone());
        rows.push(Row::new(
            format!("frame: question screen {width}x{height}"),
            frames(&mut app, width, height),
            FRAME_OR_KEY_TARGET,
        ));
    }
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = new_app(&catalog, session.clone());
        app.update(key(KeyCode::Char('r')));
        assert_eq!(app.screen, Screen::Summary);
        rows.push(Row::new(
            format!("frame: summary screen {width}x{height}"),
            frames(&mut app, width, height),
            FRAME_OR_KEY_TARGET,
        ));
    }

    // A digit: answer the current question (a different option each time) and move on; `←`
    // (not timed) comes back to it.
    assert!(
        app.current()
            .is_some_and(|c| !c.context && c.options.len() >= 3)
    );
    let digits = ['1', '2', '3'];
    rows.push(Row::new(
        "key: digit (answer, rescore, next question)",
        keys(
            &mut app,
            |i| key(KeyCode::Char(digits[i % digits.len()])),
            Some(key(KeyCode::Left)),
        ),
        FRAME_OR_KEY_TARGET,
    ));
    assert_eq!(app.current_index(), start_index);
    rows.push(Row::new(
        "key: ↓/↑ (move the cursor)",
        keys(
            &mut app,
            |i| {
                key(if i % 2 == 0 {
                    KeyCode::Down
                } else {
                    KeyCode::Up
                })
            },
            None,
        ),
        FRAME_OR_KEY_TARGET,
    ));
    rows.push(Row::new(
        "key: →/← (next or previous question)",
        keys(
            &mut app,
            |i| {
                key(if i % 2 == 0 {
                    KeyCode::Right
                } else {
                    KeyCode::Left
                })
            },
            None,
        ),
        FRAME_OR_KEY_TARGET,
    ));

    // What the auditor waits for after a digit: the key, then the next frame.
    let mut app = new_app(&catalog, session.clone());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let mut samples = Vec::with_capacity(ITERATIONS);
    for i in 0..ITERATIONS {
        let start = Instant::now();
        app.update(key(KeyCode::Char(digits[i % digits.len()])));
        terminal
            .draw(|frame| view::render(frame, &app))
            .expect("drawing");
        samples.push(start.elapsed());
        app.update(key(KeyCode::Left));
    }
    rows.push(Row::new(
        "digit key + next frame 80x24",
        samples,
        FRAME_OR_KEY_TARGET,
    ));

    // Time to first frame, in process.
    for _ in 0..5 {
        first_frame(&catalog_dir, &session_path, false);
    }
    rows.push(Row::new(
        "first frame: load + check + App::new + draw",
        (0..FIRST_FRAME_RUNS)
            .map(|_| first_frame(&catalog_dir, &session_path, false))
            .collect(),
        FIRST_FRAME_TARGET,
    ));
    rows.push(Row::new(
        "first frame, with the session save (fsync)",
        (0..FIRST_FRAME_RUNS)
            .map(|_| first_frame(&catalog_dir, &session_path, true))
            .collect(),
        FIRST_FRAME_TARGET,
    ));

    print_table(&rows);
    println!(
        "\nThe screens' words, looked up once per language (by the first frame of the binary, \
         before the runs above): {}",
        format_duration(words_once)
    );
    println!(
        "The terminal setup and the real terminal's output are not included: bench/tui-memory.sh \
         measures the binary's time to first frame and peak memory in tmux."
    );
}
