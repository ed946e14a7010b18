//! A client of the collection server for the end-to-end tests: HTTPS trusting only the server's
//! self-signed certificate, as `posture submit --ca` does.

use std::sync::Arc;
use std::time::Duration;

/// A blocking client trusting only the certificate in `pem`, that never resends a request by
/// itself (a test counts every request it makes).
pub fn client(pem: &[u8]) -> reqwest::blocking::Client {
    use rustls::pki_types::pem::PemObject as _;
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls::pki_types::CertificateDer::pem_slice_iter(pem) {
        roots.add(cert.expect("a certificate")).expect("a root");
    }
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    reqwest::blocking::Client::builder()
        .tls_backend_preconfigured(tls)
        .no_proxy()
        .retry(reqwest::retry::never())
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

/// `posture serve --self-signed` on 127.0.0.1, killed when dropped.
pub struct RealServer {
    child: std::process::Child,
    /// The URL it printed when ready.
    pub url: String,
}

impl Drop for RealServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl RealServer {
    /// Starts it on database `db` and waits (30 s at most) for the URL it prints when ready.
    pub fn start(db: &str) -> RealServer {
        use std::io::BufRead as _;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_posture"))
            .args([
                "serve",
                "--db",
                db,
                "--listen",
                "127.0.0.1:0",
                "--self-signed",
            ])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("posture serve starts");
        let stdout = child.stdout.take().expect("its standard output");
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_default();
        let server = RealServer {
            child,
            url: line.trim().to_owned(),
        };
        assert!(
            server.url.starts_with("https://127.0.0.1:"),
            "posture serve printed {line:?}"
        );
        server
    }
}
