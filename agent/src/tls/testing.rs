//! Throw-away web servers on 127.0.0.1 for the probe's tests (this crate's and the `posture`
//! binary's): not part of the agent's interface.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};

/// How a test HTTPS server behaves.
#[derive(Debug, Clone)]
pub struct HttpsServer {
    /// The server's certificate chain (PEM, its own first).
    pub cert_pem: String,
    /// Its private key (PEM).
    pub key_pem: String,
    /// Speak TLS 1.2 only (otherwise 1.3 and 1.2).
    pub tls12_only: bool,
    /// The `Strict-Transport-Security` value sent, if any.
    pub hsts: Option<String>,
}

impl HttpsServer {
    /// Starts the server on a free port of 127.0.0.1, in a background thread that lives as long
    /// as the process, and returns the port.
    pub fn start(&self) -> io::Result<u16> {
        let certs = CertificateDer::pem_slice_iter(self.cert_pem.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(io::Error::other)?;
        let key =
            PrivateKeyDer::from_pem_slice(self.key_pem.as_bytes()).map_err(io::Error::other)?;
        let versions: &[&rustls::SupportedProtocolVersion] = if self.tls12_only {
            &[&rustls::version::TLS12]
        } else {
            &[&rustls::version::TLS13, &rustls::version::TLS12]
        };
        let config = ServerConfig::builder_with_provider(super::handshake::provider())
            .with_protocol_versions(versions)
            .map_err(io::Error::other)?
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .map_err(io::Error::other)?;
        let config = Arc::new(config);
        let extra = self
            .hsts
            .as_ref()
            .map(|value| format!("Strict-Transport-Security: {value}\r\n"))
            .unwrap_or_default();
        let response =
            format!("HTTP/1.1 200 OK\r\n{extra}Content-Length: 2\r\nConnection: close\r\n\r\nok");
        serve(move |stream| {
            let connection = ServerConnection::new(config.clone()).map_err(io::Error::other)?;
            let mut tls = StreamOwned::new(connection, stream);
            read_request(&mut tls)?;
            tls.write_all(response.as_bytes())?;
            tls.conn.send_close_notify();
            tls.flush()
        })
    }
}

/// Starts a plain-HTTP server on a free port of 127.0.0.1 that answers every request with
/// `status`, and `Location: location` if given. Returns the port.
pub fn http_server(status: u16, location: Option<&str>) -> io::Result<u16> {
    let location = location
        .map(|value| format!("Location: {value}\r\n"))
        .unwrap_or_default();
    let response = format!(
        "HTTP/1.1 {status} Test\r\n{location}Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    serve(move |mut stream| {
        read_request(&mut stream)?;
        stream.write_all(response.as_bytes())?;
        stream.flush()
    })
}

/// Starts a server on a free port of 127.0.0.1 that speaks only an old protocol version
/// (`[3, 1]` for TLS 1.0, `[3, 2]` for TLS 1.1): it answers every ClientHello with a
/// ServerHello of that version, as an old server does, and nothing more. Returns the port.
pub fn old_tls_server(version: [u8; 2]) -> io::Result<u16> {
    let mut body = vec![version[0], version[1]];
    body.extend_from_slice(&[0x5a; 32]); // random
    body.push(0); // no session id
    body.extend_from_slice(&[0x00, 0x2f]); // TLS_RSA_WITH_AES_128_CBC_SHA
    body.push(0); // no compression
    let mut hello = vec![0x02, 0x00, 0x00, body.len() as u8];
    hello.extend_from_slice(&body);
    let mut record = vec![0x16, version[0], version[1], 0x00, hello.len() as u8];
    record.extend_from_slice(&hello);
    serve(move |mut stream| {
        let mut header = [0u8; 5];
        stream.read_exact(&mut header)?;
        let length = usize::from(u16::from_be_bytes([header[3], header[4]]));
        let mut client_hello = vec![0u8; length];
        stream.read_exact(&mut client_hello)?;
        stream.write_all(&record)?;
        stream.flush()?;
        // Wait for the client's alert or its closing.
        let mut rest = [0u8; 64];
        let _ = stream.read(&mut rest);
        Ok(())
    })
}

/// A port of 127.0.0.1 on which nothing listens (bound, then released).
pub fn closed_port() -> io::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    listener.local_addr().map(|addr| addr.port())
}

fn serve<F>(handle: F) -> io::Result<u16>
where
    F: Fn(TcpStream) -> io::Result<()> + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let handle = Arc::new(handle);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handle = handle.clone();
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
                // A client that only shakes hands (the probe's first look) ends here in error.
                let _ = handle(stream);
            });
        }
    });
    Ok(port)
}

/// Reads a request's head (up to the blank line).
fn read_request(stream: &mut impl Read) -> io::Result<()> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        head.push(byte[0]);
        if head.len() > 64 * 1024 {
            return Err(io::Error::other("request head too long"));
        }
    }
    Ok(())
}
