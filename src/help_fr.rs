//! The French help of the command line.
//!
//! clap takes its help from doc comments, in English; this module walks the command tree and puts
//! the French text on every command and argument, with French section headings. A test checks
//! that nothing is left in English.

use clap::Command;

/// French help texts by path: `""` is `posture`, `"catalog check"` a subcommand, and
/// `"catalog check --PATH"` (command path, then `--` and the argument id) an argument.
const TEXTS: &[(&str, &str)] = &[
    (
        "",
        "Audits de posture de sécurité des petites structures de santé et du secteur public.",
    ),
    (
        " --lang",
        "Langue de l'interface : fr ou en (par défaut : celle de LANG, sinon le français).",
    ),
    (
        " --catalog",
        "Un catalogue de contrôles à vous (fichier TOML ou dossier contenant catalog.toml) au lieu du catalogue intégré.",
    ),
    (" --help", "Afficher l'aide."),
    (" --version", "Afficher la version."),
    (
        "audit",
        "Mener l'audit guidé dans le terminal (reprend FICHIER s'il existe).",
    ),
    (
        "audit --file",
        "Le fichier de session : repris à la première question sans réponse s'il existe ; sinon un formulaire le crée.",
    ),
    (
        "audit --profile",
        "Le jeu de questions d'une nouvelle session : express ou complet.",
    ),
    (
        "audit --duration",
        "Le temps prévu pour la réunion, p. ex. 90m, 1h30, 2h (par défaut 90 minutes).",
    ),
    (
        "audit --from",
        "Réévaluation : partir des réponses de cette session précédente, chacune à confirmer.",
    ),
    (
        "audit --output",
        "Le fichier de la nouvelle session (avec --from).",
    ),
    ("catalog", "Vérifier ou exporter le catalogue de contrôles."),
    (
        "catalog check",
        "Valider un catalogue et signaler chaque problème avec son fichier, sa ligne et sa colonne.",
    ),
    (
        "catalog check --path",
        "Le catalogue à vérifier (par défaut : le catalogue intégré, ou --catalog).",
    ),
    (
        "catalog export",
        "Afficher le catalogue dans un format lisible par les programmes.",
    ),
    (
        "catalog export --format",
        "Format de sortie : json (par défaut).",
    ),
    ("session", "Créer une session d'audit."),
    ("session new", "Créer un fichier de session vide."),
    (
        "session new --profile",
        "Le jeu de questions : express (la réunion de 90 minutes) ou complet (tous les contrôles).",
    ),
    ("session new --org", "Nom de l'organisation auditée."),
    ("session new --auditor", "Qui mène l'audit."),
    (
        "session new --participants",
        "Un participant (répétez l'option, ou séparez les noms par des virgules).",
    ),
    (
        "session new --sector",
        "Le secteur de l'organisation (CPTS, santé au travail…).",
    ),
    (
        "session new --headcount",
        "La tranche d'effectif : 1-9, 10-49, 50-249 ou 250+.",
    ),
    ("session new --output", "Le fichier de session à créer."),
    ("session new --force", "Remplacer le fichier s'il existe."),
    ("answer", "Enregistrer une réponse dans une session."),
    ("answer --file", "Le fichier de session."),
    (
        "answer --control",
        "L'identifiant du contrôle, p. ex. PAT-01.",
    ),
    (
        "answer --choice",
        "Un identifiant d'option, son numéro affiché (à partir de 1), « unknown » (je ne sais pas) ou « na » (non applicable).",
    ),
    (
        "answer --note",
        "Ce qui a été dit, les preuves montrées (un texte vide efface la note).",
    ),
    (
        "score",
        "Calculer les scores d'une session : domaines, indice global, mesures prioritaires.",
    ),
    ("score --file", "Le fichier de session."),
    (
        "score --facts",
        "Fichiers de constats de posture agent (un par machine) : les réponses sont plafonnées par ce que montrent les machines.",
    ),
    (
        "report --facts",
        "Fichiers de constats de posture agent (un par machine) : les réponses sont plafonnées par ce que montrent les machines.",
    ),
    (
        "audit --facts",
        "Fichiers de constats de posture agent : affichés sous les questions qu'ils concernent.",
    ),
    (
        "report",
        "Écrire le rapport d'audit (HTML et PDF par défaut ; Markdown, JSON, CSV).",
    ),
    ("report --file", "Le fichier de session."),
    (
        "report --previous",
        "L'évaluation précédente, pour montrer les progrès.",
    ),
    (
        "report --format",
        "Format : html, pdf, md, json ou csv (répétable, ou séparés par des virgules) ; par défaut html et pdf côte à côte.",
    ),
    (
        "report --output",
        "Fichier de sortie (son extension est remplacée pour chaque format s'il y en a plusieurs ; « - » pour la sortie standard).",
    ),
    (
        "compare",
        "Comparer deux évaluations de la même organisation.",
    ),
    ("compare --old", "L'évaluation précédente."),
    (
        "agent",
        "L'agent local : les constats lus sur cette machine, le TLS des sites web et les ports ouverts des adresses publiques.",
    ),
    (
        "agent collect",
        "Lire les constats de cette machine (lecture seule, sans réseau ; plus complet en root).",
    ),
    (
        "agent collect --output",
        "Écrire les constats dans ce fichier (JSON) ; la sortie standard n'affiche alors qu'un résumé d'une ligne.",
    ),
    (
        "agent collect --format",
        "Format de sortie : text (tableau, par défaut) ou json.",
    ),
    (
        "agent collect --root",
        "Lire les fichiers sous DIR au lieu de / et n'exécuter aucune commande (machines factices des tests).",
    ),
    (
        "agent probe-tls",
        "Sonder des sites web : version de TLS, certificat, redirection HTTPS, HSTS.",
    ),
    (
        "agent probe-tls --urls",
        "Les sites à sonder, p. ex. https://www.example.org",
    ),
    (
        "agent probe-tls --ca",
        "Une autorité de certification privée (fichier PEM) à accepter.",
    ),
    (
        "agent probe-tls --output",
        "Écrire les constats dans ce fichier (JSON) ; la sortie standard n'affiche alors qu'un résumé d'une ligne.",
    ),
    (
        "agent probe-tls --format",
        "Format de sortie : text (tableau, par défaut) ou json.",
    ),
    (
        "agent probe-ports",
        "Sonder les ports TCP (administration, partage de fichiers) de l'adresse publique de l'organisation : à lancer de l'extérieur de son réseau (partage de connexion 4G d'un téléphone, autre site), avec son accord.",
    ),
    (
        "agent probe-ports --host",
        "L'adresse publique ou le nom d'hôte de l'organisation, p. ex. 51.15.20.30",
    ),
    (
        "agent probe-ports --ports",
        "Les ports TCP, p. ex. 22,3389,8000-8010 (1024 au plus ; par défaut : les ports d'administration et de partage de fichiers).",
    ),
    (
        "agent probe-ports --output",
        "Écrire les constats dans ce fichier (JSON) ; la sortie standard n'affiche alors qu'un résumé d'une ligne.",
    ),
    (
        "agent probe-ports --format",
        "Format de sortie : text (tableau, par défaut) ou json.",
    ),
    ("compare --new", "La nouvelle évaluation."),
    (
        "compare --format",
        "Format de sortie : text (tableau, par défaut) ou json.",
    ),
    (
        "score --format",
        "Format de sortie : text (tableau, par défaut) ou json (pour les scripts).",
    ),
    (
        "send",
        "Envoyer le rapport par courriel dans une archive ZIP chiffrée (AES-256) ; le mot de passe est affiché, à transmettre par téléphone ou SMS.",
    ),
    ("send --file", "Le fichier de session."),
    (
        "send --to",
        "L'adresse du destinataire (répétez l'option pour plusieurs).",
    ),
    (
        "send --from",
        "L'adresse de l'expéditeur (par défaut : --user, si c'est une adresse).",
    ),
    (
        "send --smtp",
        "Le serveur SMTP, HÔTE:PORT : STARTTLS sur le port 587 (par défaut), TLS implicite sur le 465.",
    ),
    (
        "send --user",
        "Le compte SMTP ; son mot de passe vient de la variable POSTURE_SMTP_PASSWORD, ou est demandé sans écho.",
    ),
    (
        "send --tls",
        "Le démarrage de TLS : starttls (par défaut) ou implicit (par défaut sur le port 465).",
    ),
    (
        "send --insecure_no_tls",
        "Envoyer sans TLS, vers un serveur de test sur cette machine uniquement (refusé vers tout autre hôte).",
    ),
    (
        "send --format",
        "Ce que contient l'archive : html, pdf (répétable, ou séparés par des virgules) ; par défaut les deux.",
    ),
    (
        "send --previous",
        "L'évaluation précédente, pour montrer les progrès.",
    ),
    (
        "send --subject",
        "L'objet du message (par défaut : le titre du rapport, l'organisation et la date).",
    ),
];

fn text(path: &str) -> Option<&'static str> {
    TEXTS
        .iter()
        .find(|(key, _)| *key == path)
        .map(|(_, text)| *text)
}

/// The command tree without clap's `help` subcommands, in every language: `posture help X` is
/// read as `posture X --help` before parsing (see `main.rs`), and clap's would print English.
pub fn without_help_subcommands(mut command: Command) -> Command {
    command = command.disable_help_subcommand(true);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, without_help_subcommands);
    }
    command
}

/// The command tree with French help.
pub fn frenchify(command: Command) -> Command {
    localize(command, "")
}

fn localize(mut command: Command, path: &str) -> Command {
    if let Some(about) = text(path) {
        command = command.about(about);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        let key = format!("{path} --{id}");
        let global = format!(" --{id}");
        if let Some(help) = text(&key).or_else(|| text(&global)) {
            // clap prints possible and default values in English: the French texts say them.
            command = command.mut_arg(id, |arg| {
                if arg.get_action().takes_values() {
                    arg.help(help)
                        .hide_possible_values(true)
                        .hide_default_value(true)
                } else {
                    arg.help(help)
                }
            });
        }
    }
    let has_positionals = command.get_positionals().next().is_some();
    let has_subcommands = command.has_subcommands();
    let mut template = String::from("{about-with-newline}\nUtilisation : {usage}\n");
    if has_subcommands {
        template.push_str("\nCommandes :\n{subcommands}\n");
    }
    if has_positionals {
        template.push_str("\nArguments :\n{positionals}\n");
    }
    template.push_str("\nOptions :\n{options}{after-help}");
    command = command.help_template(template);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(&name, |sub| localize(sub, &sub_path));
    }
    command
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;
    use crate::cli::Cli;

    /// Every command and argument of the tree has a French text.
    #[test]
    fn every_command_and_argument_has_french_help() {
        fn walk(command: &Command, path: &str, missing: &mut Vec<String>) {
            if text(path).is_none() {
                missing.push(path.to_owned());
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().to_string();
                if text(&format!("{path} --{id}")).is_none() && text(&format!(" --{id}")).is_none()
                {
                    missing.push(format!("{path} --{id}"));
                }
            }
            for sub in command.get_subcommands() {
                let sub_path = if path.is_empty() {
                    sub.get_name().to_owned()
                } else {
                    format!("{path} {}", sub.get_name())
                };
                walk(sub, &sub_path, missing);
            }
        }
        let mut command = without_help_subcommands(Cli::command());
        command.build();
        let mut missing = Vec::new();
        walk(&command, "", &mut missing);
        assert!(missing.is_empty(), "no French help for: {missing:?}");
    }

    #[test]
    fn the_french_command_tree_is_valid() {
        frenchify(without_help_subcommands(Cli::command())).debug_assert();
    }

    #[test]
    fn every_french_text_is_used() {
        let mut command = without_help_subcommands(Cli::command());
        command.build();
        for (key, _) in TEXTS {
            let (path, arg) = match key.split_once(" --") {
                Some((path, arg)) => (path, Some(arg)),
                None => (*key, None),
            };
            let mut found = Some(&command);
            for name in path.split_whitespace() {
                found = found.and_then(|c| c.find_subcommand(name));
            }
            let found = found.unwrap_or_else(|| panic!("no command for {key:?}"));
            if let Some(arg) = arg {
                let exists = found.get_arguments().any(|a| a.get_id() == arg)
                    || command.get_arguments().any(|a| a.get_id() == arg);
                assert!(exists, "no argument for {key:?}");
            }
        }
    }
}
