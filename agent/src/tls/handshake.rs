//! The direct rustls connection that reads the negotiated version and the certificate chain, and
//! the rustls configurations handed to reqwest.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::Url;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{ClientConfig, ClientConnection, WebPkiServerVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    AlertDescription, DigitallySignedStruct, PeerIncompatible, ProtocolVersion, RootCertStore,
    SignatureScheme,
};

use i18n::message;

use super::{Failure, reason};

/// Time allowed to connect, and for each read or write.
pub(super) const TIMEOUT: Duration = Duration::from_secs(5);

/// The cryptography used everywhere in the probe: ring, chosen explicitly rather than through a
/// process-wide default.
pub(super) fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// What the handshake told.
#[derive(Debug)]
pub(super) struct Handshake {
    /// The negotiated version.
    pub version: ProtocolVersion,
    /// The certificates the server sent, its own first.
    pub chain: Vec<CertificateDer<'static>>,
}

/// A verifier that accepts any certificate and keeps the chain it was shown. It still checks the
/// handshake's signature against the certificate's key. Only for reading facts: over a
/// connection it allowed, nothing is sent but the handshake and, for HSTS, a bare `GET` with no
/// cookie nor credential.
#[derive(Debug)]
pub(super) struct Recorder {
    provider: Arc<CryptoProvider>,
    chain: Mutex<Vec<CertificateDer<'static>>>,
}

impl Recorder {
    fn new(provider: Arc<CryptoProvider>) -> Recorder {
        Recorder {
            provider,
            chain: Mutex::new(Vec::new()),
        }
    }

    fn chain(&self) -> Vec<CertificateDer<'static>> {
        self.chain
            .lock()
            .map(|chain| chain.clone())
            .unwrap_or_default()
    }
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut chain) = self.chain.lock() {
            *chain = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|cert| cert.clone().into_owned())
                .collect();
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

fn builder() -> Result<rustls::ConfigBuilder<ClientConfig, rustls::WantsVerifier>, Failure> {
    ClientConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| Failure::Other(reason::tls(&e)))
}

/// A configuration that verifies the server against `roots` (webpki roots and `--ca`).
pub(super) fn strict_config(roots: Arc<RootCertStore>) -> Result<ClientConfig, Failure> {
    let verifier = WebPkiServerVerifier::builder_with_provider(roots, provider())
        .build()
        .map_err(|e| Failure::Other(reason::quoted(&e.to_string())))?;
    Ok(builder()?
        .with_webpki_verifier(verifier)
        .with_no_client_auth())
}

/// A configuration that accepts any certificate: see [`Recorder`].
pub(super) fn lenient_config() -> Result<ClientConfig, Failure> {
    Ok(recording_config()?.0)
}

fn recording_config() -> Result<(ClientConfig, Arc<Recorder>), Failure> {
    let recorder = Arc::new(Recorder::new(provider()));
    let config = builder()?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    Ok((config, recorder))
}

/// The host of a URL as a socket address wants it (no brackets around IPv6).
pub(super) fn bare_host(url: &Url) -> &str {
    url.host_str()
        .unwrap_or_default()
        .trim_start_matches('[')
        .trim_end_matches(']')
}

/// A TCP connection to the URL's host and port, with timeouts.
pub(super) fn tcp(url: &Url) -> Result<TcpStream, Failure> {
    let host = bare_host(url);
    let port = url.port_or_known_default().unwrap_or(443);
    let addrs: Vec<SocketAddr> = match host.parse::<std::net::IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => (host, port)
            .to_socket_addrs()
            .map_err(|e| Failure::Dns(reason::resolver(&e.to_string())))?
            .collect(),
    };
    let mut last = Failure::Dns(message!("tls-no-address-for", host = host));
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, TIMEOUT) {
            Ok(stream) => {
                let timeouts = stream
                    .set_read_timeout(Some(TIMEOUT))
                    .and_then(|()| stream.set_write_timeout(Some(TIMEOUT)));
                return match timeouts {
                    Ok(()) => Ok(stream),
                    Err(error) => Err(Failure::from_io(&error)),
                };
            }
            Err(error) => last = Failure::from_io(&error),
        }
    }
    Err(last)
}

/// The socket of the handshake, keeping the first bytes the server sends: when rustls refuses
/// a server older than TLS 1.2, its ServerHello still says which version it picked.
struct Peek<'a> {
    inner: &'a mut TcpStream,
    first: Vec<u8>,
}

/// Bytes kept: a record header and the start of a ServerHello are 11.
const PEEK_BYTES: usize = 16;

impl Read for Peek<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let room = PEEK_BYTES.saturating_sub(self.first.len());
        self.first.extend_from_slice(&buf[..n.min(room)]);
        Ok(n)
    }
}

impl Write for Peek<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The version an old server picked, from the first bytes it sent: a handshake record
/// (`0x16`, version, length) holding a ServerHello (`0x02`, length on 3 bytes) whose first two
/// bytes are the server's version. `None` for anything else (an alert, TLS 1.2 or later).
pub(super) fn old_version_picked(first: &[u8]) -> Option<&'static str> {
    if first.len() < 11 || first[0] != 0x16 || first[5] != 0x02 {
        return None;
    }
    match (first[9], first[10]) {
        (0x03, 0x02) => Some("TLS 1.1"),
        (0x03, 0x01) => Some("TLS 1.0"),
        (0x03, 0x00) => Some("SSL 3.0"),
        (0x02, _) => Some("SSL 2.0"),
        _ => None,
    }
}

/// What a failed handshake means.
fn handshake_failure(error: &io::Error) -> Failure {
    let tls = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>());
    match tls {
        Some(
            rustls::Error::PeerIncompatible(PeerIncompatible::ServerDoesNotSupportTls12Or13)
            | rustls::Error::AlertReceived(AlertDescription::ProtocolVersion),
        ) => Failure::TlsTooOld(None),
        Some(other) => Failure::Tls(reason::tls(other)),
        None => match error.kind() {
            io::ErrorKind::UnexpectedEof => Failure::Tls(message!("tls-handshake-closed")),
            io::ErrorKind::ConnectionReset => Failure::Tls(message!("tls-handshake-reset")),
            _ => Failure::from_io(error),
        },
    }
}

/// Connects to the URL's host and port, completes a TLS handshake (1.3 or 1.2, whichever is the
/// best the server offers), and closes at once.
pub(super) fn handshake(url: &Url, server_name: ServerName<'static>) -> Result<Handshake, Failure> {
    let (config, recorder) = recording_config()?;
    let mut connection = ClientConnection::new(Arc::new(config), server_name)
        .map_err(|e| Failure::Other(reason::tls(&e)))?;
    let mut socket = tcp(url)?;
    let mut peek = Peek {
        inner: &mut socket,
        first: Vec::new(),
    };
    // A handshake takes a few round trips; the bound only guards against a peer that never ends.
    let mut rounds = 0;
    while connection.is_handshaking() {
        rounds += 1;
        if rounds > 64 {
            return Err(Failure::Tls(message!("tls-handshake-endless")));
        }
        if let Err(error) = connection.complete_io(&mut peek) {
            return Err(match handshake_failure(&error) {
                Failure::TlsTooOld(_) => Failure::TlsTooOld(old_version_picked(&peek.first)),
                other => other,
            });
        }
    }
    let version = connection
        .protocol_version()
        .ok_or_else(|| Failure::Tls(message!("tls-handshake-no-version")))?;
    connection.send_close_notify();
    while connection.wants_write() {
        if connection.write_tls(&mut socket).is_err() {
            break;
        }
    }
    let _ = socket.flush();
    Ok(Handshake {
        version,
        chain: recorder.chain(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_old_version_a_server_picked_is_read_from_its_server_hello() {
        let hello = |major: u8, minor: u8| {
            vec![
                0x16, 0x03, 0x01, 0x00, 0x2a, 0x02, 0x00, 0x00, 0x26, major, minor, 0xab,
            ]
        };
        assert_eq!(old_version_picked(&hello(3, 2)), Some("TLS 1.1"));
        assert_eq!(old_version_picked(&hello(3, 1)), Some("TLS 1.0"));
        assert_eq!(old_version_picked(&hello(3, 0)), Some("SSL 3.0"));
        assert_eq!(old_version_picked(&hello(3, 3)), None);
        // An alert, or too little read: not known.
        assert_eq!(
            old_version_picked(&[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]),
            None
        );
        assert_eq!(old_version_picked(&hello(3, 1)[..8]), None);
    }
}
