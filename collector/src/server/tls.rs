//! The server's TLS: a certificate chain and key read from PEM files, or a self-signed
//! certificate made at start for a try-out (`posture serve --self-signed`), whose PEM a client
//! trusts with `posture submit --ca`. rustls with the ring provider, given explicitly so that no
//! process-wide default has to be installed.

use std::io::Write as _;
use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sha2::Digest as _;

use super::ServerError;

/// A server's TLS configuration, ready for the listener.
#[derive(Debug, Clone)]
pub struct Tls {
    pub(crate) config: Arc<rustls::ServerConfig>,
}

/// A certificate made at start: its PEM (to write where clients can trust it) and fingerprint.
#[derive(Debug, Clone)]
pub struct SelfSigned {
    /// The TLS configuration serving it.
    pub tls: Tls,
    /// The certificate, PEM (no key: the key stays in memory).
    pub cert_pem: String,
    /// SHA-256 of the certificate (DER), colon-separated upper-case hex.
    pub fingerprint: String,
}

impl Tls {
    /// TLS from a certificate chain and its private key, both PEM.
    pub fn from_pem(cert: &[u8], key: &[u8]) -> Result<Tls, ServerError> {
        let chain = CertificateDer::pem_slice_iter(cert)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| ServerError::Tls(format!("certificate: {error}")))?;
        if chain.is_empty() {
            return Err(ServerError::Tls("no certificate in the PEM".into()));
        }
        let key = PrivateKeyDer::from_pem_slice(key)
            .map_err(|error| ServerError::Tls(format!("private key: {error}")))?;
        Tls::from_der(chain, key)
    }

    /// TLS from the PEM files of a certificate chain and its private key.
    pub fn from_pem_files(cert: &Path, key: &Path) -> Result<Tls, ServerError> {
        let read = |path: &Path| {
            std::fs::read(path).map_err(|error| ServerError::Io {
                path: path.display().to_string(),
                reason: error.to_string(),
            })
        };
        Tls::from_pem(&read(cert)?, &read(key)?)
    }

    fn from_der(
        chain: Vec<CertificateDer<'static>>,
        key: PrivateKeyDer<'static>,
    ) -> Result<Tls, ServerError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|error| ServerError::Tls(error.to_string()))?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(|error| ServerError::Tls(error.to_string()))?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Tls {
            config: Arc::new(config),
        })
    }

    /// A self-signed certificate for `localhost` and `127.0.0.1` (and the other `names`).
    pub fn self_signed(names: &[&str]) -> Result<SelfSigned, ServerError> {
        let mut all: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "::1".into()];
        for name in names {
            if !all.iter().any(|known| known == name) {
                all.push((*name).to_string());
            }
        }
        let made = rcgen::generate_simple_self_signed(all)
            .map_err(|error| ServerError::Tls(error.to_string()))?;
        let cert_der = made.cert.der().clone();
        let fingerprint = sha2::Sha256::digest(cert_der.as_ref())
            .iter()
            .map(|byte| format!("{byte:02X}"))
            .collect::<Vec<_>>()
            .join(":");
        let key = PrivateKeyDer::try_from(made.signing_key.serialize_der())
            .map_err(|error| ServerError::Tls(error.to_string()))?;
        Ok(SelfSigned {
            tls: Tls::from_der(vec![cert_der], key)?,
            cert_pem: made.cert.pem(),
            fingerprint,
        })
    }
}

/// Writes `text` to `path`, readable by its owner only (0600, or an owner-only ACL on Windows),
/// replacing what was there.
pub fn write_private(path: &Path, text: &str) -> Result<(), ServerError> {
    let fail = |error: std::io::Error| ServerError::Io {
        path: path.display().to_string(),
        reason: error.to_string(),
    };
    // 0600 on Unix, an owner-only ACL on Windows; made private before the key is written.
    let mut file = platform::private::create(path, false).map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)
}

/// Where `--self-signed` writes its certificate: beside a SQLite database
/// (`DIR/NAME-self-signed.pem`), else `posture-serve-self-signed.pem` in the current directory.
pub fn self_signed_path(db_url: &str) -> std::path::PathBuf {
    let fallback = std::path::PathBuf::from("posture-serve-self-signed.pem");
    let Some(rest) = db_url.strip_prefix("sqlite:") else {
        return fallback;
    };
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or(rest);
    if path.is_empty() || path == ":memory:" {
        return fallback;
    }
    let path = Path::new(path);
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "posture-serve".into());
    path.with_file_name(format!("{stem}-self-signed.pem"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_certificate_goes_beside_the_database() {
        assert_eq!(
            self_signed_path("sqlite:/srv/data/collecte.db"),
            Path::new("/srv/data/collecte-self-signed.pem")
        );
        assert_eq!(
            self_signed_path("sqlite://x.db?mode=rwc"),
            Path::new("x-self-signed.pem")
        );
        assert_eq!(
            self_signed_path("postgres://h/db"),
            Path::new("posture-serve-self-signed.pem")
        );
    }

    #[test]
    fn a_self_signed_certificate_is_made_and_read_back() {
        let made = Tls::self_signed(&[]).expect("self-signed");
        assert!(made.cert_pem.starts_with("-----BEGIN CERTIFICATE-----"));
        assert_eq!(made.fingerprint.len(), 32 * 3 - 1);
        assert!(Tls::from_pem(made.cert_pem.as_bytes(), b"not a key").is_err());
    }
}
