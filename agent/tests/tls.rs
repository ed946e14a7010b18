//! The TLS probe against servers started here on 127.0.0.1: a test CA (rcgen) signs the sites'
//! certificates; no other network is used.
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use agent::tls::testing::{HttpsServer, closed_port, http_server, old_tls_server};
use agent::tls::{Options, probe};
use agent::{Fact, Status, Value};
use chrono::{Datelike, Days, NaiveDate, Utc};
use i18n::Lang;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    date_time_ymd,
};

struct Ca {
    pem: String,
    issuer: Issuer<'static, KeyPair>,
}

fn ca() -> Ca {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(DnType::CommonName, "posture test CA");
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let pem = params.self_signed(&key).unwrap().pem();
    Ca {
        pem,
        issuer: Issuer::new(params, key),
    }
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// A certificate for `names`, valid from `from` to `until` (midnight UTC), signed by `ca` or
/// self-signed. Returns (certificate PEM, key PEM).
fn leaf(ca: Option<&Ca>, names: &[&str], from: NaiveDate, until: NaiveDate) -> (String, String) {
    let key = KeyPair::generate().unwrap();
    let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    let mut params = CertificateParams::new(names).unwrap();
    params
        .distinguished_name
        .push(DnType::CommonName, "posture test site");
    params.not_before = date_time_ymd(from.year(), from.month() as u8, from.day() as u8);
    params.not_after = date_time_ymd(until.year(), until.month() as u8, until.day() as u8);
    let cert = match ca {
        Some(ca) => params.signed_by(&key, &ca.issuer).unwrap(),
        None => params.self_signed(&key).unwrap(),
    };
    (cert.pem(), key.serialize_pem())
}

fn https(cert: (String, String), tls12_only: bool, hsts: Option<&str>) -> u16 {
    HttpsServer {
        cert_pem: cert.0,
        key_pem: cert.1,
        tls12_only,
        hsts: hsts.map(str::to_owned),
    }
    .start()
    .unwrap()
}

fn write_ca(dir: &Path, ca: &Ca) -> PathBuf {
    let path = dir.join("ca.pem");
    std::fs::write(&path, &ca.pem).unwrap();
    path
}

fn run(urls: &[String], ca: Option<PathBuf>, lang: Lang) -> Vec<Fact> {
    let report = probe(&Options {
        urls: urls.to_vec(),
        ca,
        lang,
    });
    assert_eq!(report.agent_version, agent::VERSION);
    assert!(!report.collected_at.is_empty());
    report.facts
}

fn get<'a>(facts: &'a [Fact], key: &str) -> &'a Fact {
    facts
        .iter()
        .find(|f| f.key == key)
        .unwrap_or_else(|| panic!("no {key} in {facts:#?}"))
}

fn check(facts: &[Fact], key: &str, value: Value, status: Status) {
    let fact = get(facts, key);
    assert_eq!(
        (&fact.value, fact.status),
        (&value, status),
        "{key}: {fact:#?}"
    );
}

/// A valid site: CA-signed certificate for localhost and 127.0.0.1, valid 90 days from today.
fn good_site(ca: &Ca, hsts: &str) -> u16 {
    let cert = leaf(
        Some(ca),
        &["localhost", "127.0.0.1"],
        today() - Days::new(1),
        today() + Days::new(90),
    );
    https(cert, false, Some(hsts))
}

#[test]
fn a_well_kept_site_is_all_ok() {
    let dir = tempfile::tempdir().unwrap();
    let ca = ca();
    let port = good_site(&ca, "max-age=31536000; includeSubDomains");
    let target = format!("https://127.0.0.1:{port}/");
    let http = http_server(301, Some(&target)).unwrap();
    let facts = run(
        &[
            format!("https://127.0.0.1:{port}"),
            format!("http://127.0.0.1:{http}"),
        ],
        Some(write_ca(dir.path(), &ca)),
        Lang::En,
    );
    let keys: Vec<&str> = facts.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, agent::tls::KEYS, "{facts:#?}");
    for fact in &facts {
        assert_eq!(fact.source, format!("https://127.0.0.1:{port}"));
        assert!(
            scoring::facts::kind_of(&fact.key).is_some(),
            "{} undocumented",
            fact.key
        );
    }
    check(
        &facts,
        "tls.version",
        Value::Text("TLSv1.3".into()),
        Status::Ok,
    );
    check(&facts, "tls.cert_valid", Value::Bool(true), Status::Ok);
    check(&facts, "tls.chain_valid", Value::Bool(true), Status::Ok);
    check(&facts, "https.redirect", Value::Bool(true), Status::Ok);
    check(&facts, "https.hsts", Value::Bool(true), Status::Ok);
    let days = get(&facts, "tls.cert_days_left");
    assert_eq!(days.status, Status::Ok);
    let Value::Number(days_left) = days.value else {
        panic!("{days:?}");
    };
    assert!((89.0..=90.0).contains(&days_left), "{days_left}");
    assert!(
        get(&facts, "tls.chain_valid")
            .detail
            .contains("posture test CA")
    );
    assert!(
        get(&facts, "https.redirect")
            .detail
            .contains(&format!("redirects to {target}")),
        "{facts:#?}"
    );
}

#[test]
fn the_http_url_alone_leads_to_the_https_site() {
    let dir = tempfile::tempdir().unwrap();
    let ca = ca();
    let port = good_site(&ca, "max-age=31536000");
    let http = http_server(308, Some(&format!("https://localhost:{port}/accueil"))).unwrap();
    let facts = run(
        &[format!("http://127.0.0.1:{http}/")],
        Some(write_ca(dir.path(), &ca)),
        Lang::Fr,
    );
    assert_eq!(facts.len(), 6, "{facts:#?}");
    assert!(
        facts
            .iter()
            .all(|f| f.source == format!("https://localhost:{port}")),
        "{facts:#?}"
    );
    check(
        &facts,
        "tls.version",
        Value::Text("TLSv1.3".into()),
        Status::Ok,
    );
    check(&facts, "tls.cert_valid", Value::Bool(true), Status::Ok);
    check(&facts, "https.redirect", Value::Bool(true), Status::Ok);
    check(&facts, "https.hsts", Value::Bool(true), Status::Ok);
    assert!(
        get(&facts, "tls.version")
            .detail
            .contains("la dernière version")
    );
}

#[test]
fn an_old_untrusted_expired_site_fails() {
    let dir = tempfile::tempdir().unwrap();
    let ca = ca();
    let expired = leaf(
        None,
        &["localhost", "127.0.0.1"],
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
    );
    let port = https(expired, true, None);
    let http = http_server(200, None).unwrap();
    let facts = run(
        &[
            format!("http://127.0.0.1:{http}"),
            format!("https://127.0.0.1:{port}"),
        ],
        Some(write_ca(dir.path(), &ca)),
        Lang::En,
    );
    assert_eq!(facts.len(), 6, "{facts:#?}");
    check(
        &facts,
        "tls.version",
        Value::Text("TLSv1.2".into()),
        Status::Warn,
    );
    check(&facts, "tls.cert_valid", Value::Bool(false), Status::Fail);
    check(&facts, "tls.chain_valid", Value::Bool(false), Status::Fail);
    check(&facts, "https.redirect", Value::Bool(false), Status::Fail);
    check(&facts, "https.hsts", Value::Bool(false), Status::Fail);
    let days = get(&facts, "tls.cert_days_left");
    assert_eq!(days.status, Status::Fail);
    assert!(
        matches!(days.value, Value::Number(n) if n < -365.0),
        "{days:?}"
    );
    assert!(
        get(&facts, "tls.cert_valid")
            .detail
            .contains("expired on 2021-01-01")
    );
    assert!(
        get(&facts, "tls.chain_valid")
            .detail
            .contains("unknown authority")
    );
    assert!(get(&facts, "https.redirect").detail.contains("plain HTTP"));
    assert!(
        get(&facts, "https.hsts")
            .detail
            .contains("No Strict-Transport-Security")
    );
}

#[test]
fn a_trusted_but_expired_certificate_for_another_name() {
    let dir = tempfile::tempdir().unwrap();
    let ca = ca();
    let cert = leaf(
        Some(&ca),
        &["www.example.org"],
        today() - Days::new(100),
        today() - Days::new(10),
    );
    let port = https(cert, false, Some("max-age=600"));
    let closed = closed_port().unwrap();
    let facts = run(
        &[
            format!("https://127.0.0.1:{port}"),
            format!("http://127.0.0.1:{closed}"),
        ],
        Some(write_ca(dir.path(), &ca)),
        Lang::En,
    );
    // The CA did issue it: the chain is fine, the certificate is not.
    check(&facts, "tls.chain_valid", Value::Bool(true), Status::Ok);
    check(&facts, "tls.cert_valid", Value::Bool(false), Status::Fail);
    let detail = &get(&facts, "tls.cert_valid").detail;
    assert!(detail.contains("expired on"), "{detail}");
    assert!(
        detail.contains("does not cover 127.0.0.1 (names: www.example.org)"),
        "{detail}"
    );
    let days = get(&facts, "tls.cert_days_left");
    assert_eq!(days.status, Status::Fail);
    assert!(
        matches!(days.value, Value::Number(n) if (-11.0..=-9.0).contains(&n)),
        "{days:?}"
    );
    // The HTTPS site answers but nothing listens on its HTTP port: nothing is served in plain
    // text, so a warning (no redirect for whoever types the address without https://).
    check(&facts, "https.redirect", Value::Bool(false), Status::Warn);
    let detail = &get(&facts, "https.redirect").detail;
    assert!(detail.contains("connection refused"), "{detail}");
    assert!(detail.contains("not served over HTTP"), "{detail}");
    // Read although the certificate is not valid: a short max-age.
    check(&facts, "https.hsts", Value::Bool(true), Status::Warn);
}

#[test]
fn a_certificate_close_to_its_end_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let ca = ca();
    let cert = leaf(
        Some(&ca),
        &["127.0.0.1"],
        today() - Days::new(80),
        today() + Days::new(10),
    );
    let port = https(cert, false, Some("max-age=0"));
    let facts = run(
        &[format!("https://127.0.0.1:{port}")],
        Some(write_ca(dir.path(), &ca)),
        Lang::En,
    );
    check(&facts, "tls.cert_valid", Value::Bool(true), Status::Ok);
    assert_eq!(get(&facts, "tls.cert_days_left").status, Status::Warn);
    check(&facts, "https.hsts", Value::Bool(false), Status::Fail);
}

#[test]
fn without_the_private_ca_the_chain_is_not_trusted() {
    let ca = ca();
    let port = good_site(&ca, "max-age=31536000");
    let closed = closed_port().unwrap();
    let urls = [
        format!("https://127.0.0.1:{port}"),
        format!("http://127.0.0.1:{closed}"),
    ];
    let facts = run(&urls, None, Lang::En);
    check(&facts, "tls.chain_valid", Value::Bool(false), Status::Fail);
    check(&facts, "tls.cert_valid", Value::Bool(true), Status::Ok);
    check(&facts, "https.hsts", Value::Bool(true), Status::Ok);
    // An unreadable --ca may be the missing authority: no conclusion then.
    let facts = run(&urls, Some("/nonexistent/ca.pem".into()), Lang::En);
    let chain = get(&facts, "tls.chain_valid");
    assert_eq!(
        (&chain.value, chain.status),
        (&Value::Null, Status::Unknown)
    );
    assert!(chain.detail.contains("/nonexistent/ca.pem"), "{chain:?}");
}

#[test]
fn a_closed_port_is_unknown_not_a_failure() {
    let https = closed_port().unwrap();
    let http = closed_port().unwrap();
    for lang in [Lang::En, Lang::Fr] {
        let facts = run(
            &[
                format!("https://127.0.0.1:{https}"),
                format!("http://127.0.0.1:{http}"),
            ],
            None,
            lang,
        );
        assert_eq!(facts.len(), 6, "{facts:#?}");
        for fact in &facts {
            assert_eq!(
                (&fact.value, fact.status),
                (&Value::Null, Status::Unknown),
                "{fact:#?}"
            );
            assert_eq!(fact.source, format!("https://127.0.0.1:{https}"));
            assert!(
                fact.detail
                    .contains(lang.pick("connexion refusée", "connection refused")),
                "{fact:#?}"
            );
        }
    }
}

#[test]
fn unknown_names_and_bad_urls_never_panic() {
    let facts = run(
        &[
            "https://posture-test.invalid".to_owned(),
            "ftp://example.org".to_owned(),
        ],
        None,
        Lang::En,
    );
    assert_eq!(facts.len(), 12, "{facts:#?}");
    assert!(
        facts.iter().all(|f| f.status == Status::Unknown),
        "{facts:#?}"
    );
    assert_eq!(facts[0].source, "https://posture-test.invalid");
    assert_eq!(facts[6].source, "ftp://example.org");
}

#[test]
fn a_server_older_than_tls_1_2_fails() {
    // Answers any ClientHello with a fatal protocol_version alert, as a TLS 1.0-only server does.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut hello = [0u8; 512];
            let _ = stream.read(&mut hello);
            let _ = stream.write_all(&[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]);
        }
    });
    let closed = closed_port().unwrap();
    let facts = run(
        &[
            format!("https://127.0.0.1:{port}"),
            format!("http://127.0.0.1:{closed}"),
        ],
        None,
        Lang::En,
    );
    check(
        &facts,
        "tls.version",
        Value::Text("< TLSv1.2".into()),
        Status::Fail,
    );
    for key in ["tls.cert_valid", "tls.cert_days_left", "tls.chain_valid"] {
        assert_eq!(get(&facts, key).status, Status::Unknown);
    }
}

#[test]
fn a_server_that_picks_tls_1_0_or_1_1_is_named_in_the_detail() {
    for (version, name) in [([3, 1], "TLS 1.0"), ([3, 2], "TLS 1.1")] {
        let port = old_tls_server(version).unwrap();
        let facts = run(&[format!("https://127.0.0.1:{port}")], None, Lang::En);
        let fact = get(&facts, "tls.version");
        assert_eq!(
            (&fact.value, fact.status),
            (&Value::Text(agent::tls::OLD_TLS.into()), Status::Fail),
            "{fact:?}"
        );
        assert!(
            fact.detail.contains(&format!("only offers {name}")),
            "{fact:?}"
        );
        // The value is one the catalog's rules can name.
        assert!(
            scoring::facts::allowed_values("tls.version")
                .unwrap()
                .contains(&agent::tls::OLD_TLS)
        );
    }
}

#[test]
fn a_plain_page_without_redirect_still_fails() {
    let ca = ca();
    let port = good_site(&ca, "max-age=31536000");
    let http = http_server(200, None).unwrap();
    let facts = run(
        &[
            format!("https://127.0.0.1:{port}"),
            format!("http://127.0.0.1:{http}"),
        ],
        None,
        Lang::En,
    );
    check(&facts, "https.redirect", Value::Bool(false), Status::Fail);
}

/// English words that never belong in a French detail (nor do they hide inside French ones).
const ENGLISH: &[&str] = &[
    " the ",
    "no certificate",
    "expected",
    "scheme",
    "No such file",
    "not found",
    "could not",
    "failed",
    "refused",
    "no host",
    "empty host",
    "error",
    "unknown authority",
];

/// The facts whose detail has English outside « quotes » (a library's own words, quoted as
/// such, are allowed).
fn english_in(facts: &[Fact]) -> Vec<String> {
    facts
        .iter()
        .filter(|f| {
            let mut text = String::new();
            let mut depth = 0usize;
            for c in f.detail.chars() {
                match c {
                    '«' => depth += 1,
                    '»' => depth = depth.saturating_sub(1),
                    _ if depth == 0 => text.push(c),
                    _ => {}
                }
            }
            ENGLISH.iter().any(|word| text.contains(word))
        })
        .map(|f| format!("{}: {}", f.key, f.detail))
        .collect()
}

/// Every error path of the probe speaks French in French: a bad scheme, a URL that does not
/// parse, a closed port, a name that does not resolve, a `--ca` that is a private key or that
/// does not exist. And the sources are the same whatever the language.
#[test]
fn french_details_on_every_error_path() {
    let dir = tempfile::tempdir().unwrap();
    let ca = ca();
    let port = good_site(&ca, "max-age=31536000");
    let closed = closed_port().unwrap();
    let (_, key_pem) = leaf(None, &["localhost"], today(), today() + Days::new(2));
    let key = dir.path().join("srv.key");
    std::fs::write(&key, key_pem).unwrap();
    let urls = [
        format!("https://127.0.0.1:{port}"),
        format!("http://127.0.0.1:{closed}"),
        "ftp://example.org".to_owned(),
        "https://".to_owned(),
        "https://exa mple.org".to_owned(),
        "https://127.0.0.1:99999".to_owned(),
        "https://posture-test.invalid".to_owned(),
    ];
    for ca_file in [key.clone(), dir.path().join("missing.pem")] {
        let fr = run(&urls, Some(ca_file.clone()), Lang::Fr);
        assert_eq!(english_in(&fr), Vec::<String>::new(), "{fr:#?}");
        // The --ca file could not be used: the chain is unknown, and the detail says why.
        let chain = get(&fr, "tls.chain_valid");
        assert_eq!(chain.status, Status::Unknown, "{chain:?}");
        assert!(
            chain.detail.contains(&ca_file.display().to_string()),
            "{chain:?}"
        );
        let en = run(&urls, Some(ca_file), Lang::En);
        let sources = |facts: &[Fact]| -> Vec<String> {
            facts
                .iter()
                .map(|f| format!("{} {}", f.key, f.source))
                .collect()
        };
        assert_eq!(sources(&fr), sources(&en));
    }
    // TLS asked of a plain HTTP server, and HTTP asked of the TLS server.
    let plain = http_server(200, None).unwrap();
    let mut urls = urls.to_vec();
    urls.extend([
        format!("https://localhost:{plain}"),
        format!("http://localhost:{port}"),
    ]);
    let fr = run(&urls, Some(key), Lang::Fr);
    assert_eq!(english_in(&fr), Vec::<String>::new(), "{fr:#?}");
    let ftp = fr.iter().find(|f| f.source == "ftp://example.org").unwrap();
    assert!(
        ftp.detail
            .contains("protocole ftp:// (http ou https attendu)"),
        "{ftp:?}"
    );
    assert!(
        get(&fr, "tls.chain_valid")
            .detail
            .contains("aucun certificat dans le fichier"),
        "{:?}",
        get(&fr, "tls.chain_valid")
    );
}
