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
