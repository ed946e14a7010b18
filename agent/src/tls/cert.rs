//! Reading the server's certificate (x509-parser) and checking it (rustls' webpki), apart from
//! the connection, so that each problem is reported under its own fact.

use std::time::Duration;

use i18n::Message;
use rustls::client::{verify_server_cert_signed_by_trust_anchor, verify_server_name};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, RootCertStore};
use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};

use super::{handshake, reason};

/// Why a chain is not trusted.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ChainError {
    /// No path to a trusted authority (self-signed, private CA not given, missing intermediate).
    UnknownIssuer,
    /// A certificate of the chain, other than the site's own, is out of its dates.
    Expired,
    /// A signature does not verify.
    BadSignature,
    /// Anything else, as rustls says it.
    Other(Message),
}

/// What the site's certificate says.
#[derive(Debug, Clone)]
pub(super) struct CertFacts {
    /// Start of validity (Unix seconds).
    pub not_before: i64,
    /// End of validity (Unix seconds).
    pub not_after: i64,
    /// Its DNS names and IP addresses.
    pub names: Vec<String>,
    /// Whether it covers the host probed.
    pub name_ok: bool,
    /// Who issued it (common name, or the whole name).
    pub issuer: String,
    /// Whether the chain leads to a trusted authority.
    pub chain: Result<(), ChainError>,
}

impl CertFacts {
    /// Whether the certificate is within its dates and covers the host.
    pub(super) fn valid_at(&self, now: i64) -> bool {
        self.name_ok && self.not_before <= now && now <= self.not_after
    }
}

/// Reads and checks the chain the server sent (its own certificate first).
///
/// The chain is checked at `now`, or, when the site's own certificate is out of its dates, at
/// the nearest moment within them: an expired certificate is `tls.cert_valid`'s business, the
/// chain's question is only whether a trusted authority issued it.
pub(super) fn analyse(
    chain: &[CertificateDer<'static>],
    server_name: &ServerName<'_>,
    roots: &RootCertStore,
    now: i64,
) -> Result<CertFacts, Message> {
    let (leaf, intermediates) = chain
        .split_first()
        .ok_or_else(reason::no_server_certificate)?;
    let (_, x509) = X509Certificate::from_der(leaf)
        .map_err(|e| reason::malformed_certificate(&e.to_string()))?;
    let not_before = x509.validity().not_before.timestamp();
    let not_after = x509.validity().not_after.timestamp();
    let names = x509
        .subject_alternative_name()
        .ok()
        .flatten()
        .map(|san| {
            san.value
                .general_names
                .iter()
                .filter_map(|name| match name {
                    GeneralName::DNSName(dns) => Some((*dns).to_owned()),
                    GeneralName::IPAddress(bytes) => ip_text(bytes),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let issuer = x509
        .issuer()
        .iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map(str::to_owned)
        .unwrap_or_else(|| x509.issuer().to_string());

    let parsed = ParsedCertificate::try_from(leaf).map_err(|e| reason::tls(&e))?;
    let name_ok = verify_server_name(&parsed, server_name).is_ok();
    let at = if not_before <= not_after {
        now.clamp(not_before, not_after)
    } else {
        now
    };
    let at = UnixTime::since_unix_epoch(Duration::from_secs(u64::try_from(at).unwrap_or(0)));
    let algorithms = handshake::provider().signature_verification_algorithms.all;
    let chain =
        verify_server_cert_signed_by_trust_anchor(&parsed, roots, intermediates, at, algorithms)
            .map_err(|error| match error {
                rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
                    ChainError::UnknownIssuer
                }
                rustls::Error::InvalidCertificate(
                    CertificateError::Expired
                    | CertificateError::ExpiredContext { .. }
                    | CertificateError::NotValidYet
                    | CertificateError::NotValidYetContext { .. },
                ) => ChainError::Expired,
                rustls::Error::InvalidCertificate(CertificateError::BadSignature) => {
                    ChainError::BadSignature
                }
                other => ChainError::Other(reason::tls(&other)),
            });
    Ok(CertFacts {
        not_before,
        not_after,
        names,
        name_ok,
        issuer,
        chain,
    })
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes)
            .ok()
            .map(|b| std::net::Ipv4Addr::from(b).to_string()),
        16 => <[u8; 16]>::try_from(bytes)
            .ok()
            .map(|b| std::net::Ipv6Addr::from(b).to_string()),
        _ => None,
    }
}
