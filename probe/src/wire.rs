//! One TCP connection carrying a stream: plain, then perhaps TLS as client or server. It reads
//! stream events with the exact text they arrived as, and bounds every wait.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_rustls::{TlsAcceptor, TlsConnector, client, server};

use xmpp_federation::s2s::xml::{StreamEvent, StreamParser};

/// The transport under the stream.
#[allow(clippy::large_enum_variant)]
enum Transport {
    Plain(TcpStream),
    Client(client::TlsStream<TcpStream>),
    Server(server::TlsStream<TcpStream>),
    /// Taken for a TLS handshake that failed, or shut.
    Gone,
}

/// What a read brought.
#[derive(Debug)]
pub(crate) enum Received {
    /// A stream event, with the text it was read from.
    Event(StreamEvent, String),
    /// The other side closed the TCP connection, reset it, or ended TLS with an alert (the
    /// error, if there was one).
    Closed(Option<String>),
    /// Nothing arrived in time.
    TimedOut,
    /// The bytes are not a well-formed stream, or exceed the parser's bounds.
    Invalid(String),
}

/// A stream over TCP or TLS.
pub(crate) struct Wire {
    transport: Transport,
    parser: StreamParser,
    /// Events parsed but not yet handed out.
    pending: std::collections::VecDeque<(StreamEvent, String)>,
}

impl std::fmt::Debug for Wire {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.transport {
            Transport::Plain(_) => "plain",
            Transport::Client(_) => "tls-client",
            Transport::Server(_) => "tls-server",
            Transport::Gone => "gone",
        };
        f.debug_struct("Wire").field("transport", &kind).finish()
    }
}

/// How a TLS handshake ended badly.
#[derive(Debug)]
pub(crate) struct HandshakeError(pub String);

impl Wire {
    pub fn new(stream: TcpStream) -> Wire {
        // Small writes go out at once: each is a step someone waits for.
        let _ = stream.set_nodelay(true);
        Wire {
            transport: Transport::Plain(stream),
            parser: StreamParser::new(),
            pending: std::collections::VecDeque::new(),
        }
    }

    /// Writes text; an error means the connection is gone.
    pub async fn write(&mut self, text: &str, limit: Duration) -> io::Result<()> {
        let bytes = text.as_bytes();
        let write = async {
            match &mut self.transport {
                Transport::Plain(s) => {
                    s.write_all(bytes).await?;
                    s.flush().await
                }
                Transport::Client(s) => {
                    s.write_all(bytes).await?;
                    s.flush().await
                }
                Transport::Server(s) => {
                    s.write_all(bytes).await?;
                    s.flush().await
                }
                Transport::Gone => Err(io::Error::from(io::ErrorKind::NotConnected)),
            }
        };
        match timeout(limit, write).await {
            Ok(result) => result,
            Err(_) => Err(io::Error::from(io::ErrorKind::TimedOut)),
        }
    }

    /// A header starts a new XML document on the wire (RFC 6120 §4.3.3): after TLS and after
    /// SASL, the parser starts over.
    pub fn restart(&mut self) {
        self.parser.restart();
        self.pending.clear();
    }

    /// The next stream event, waiting at most `limit`.
    pub async fn next(&mut self, limit: Duration) -> Received {
        let deadline = tokio::time::Instant::now() + limit;
        let mut buffer = [0u8; 8192];
        loop {
            if let Some((event, text)) = self.pending.pop_front() {
                return Received::Event(event, text);
            }
            let read = async {
                match &mut self.transport {
                    Transport::Plain(s) => s.read(&mut buffer).await,
                    Transport::Client(s) => s.read(&mut buffer).await,
                    Transport::Server(s) => s.read(&mut buffer).await,
                    Transport::Gone => Ok(0),
                }
            };
            let count = match tokio::time::timeout_at(deadline, read).await {
                Err(_) => return Received::TimedOut,
                Ok(Ok(0)) => return Received::Closed(None),
                Ok(Err(error)) => return Received::Closed(Some(error.to_string())),
                Ok(Ok(count)) => count,
            };
            match self.parser.feed_bytes(&buffer[..count]) {
                Ok(events) => self.pending.extend(events),
                Err(e) => return Received::Invalid(e.0),
            }
        }
    }

    /// Waits up to `limit` for the server's verdict on our certificate: in TLS 1.3 the client
    /// finishes its handshake before the server has judged the client's certificate, and a
    /// refusal arrives as an alert right after. What arrives meanwhile is kept.
    pub async fn settle(&mut self, limit: Duration) -> Result<(), String> {
        match self.next(limit).await {
            Received::TimedOut => Ok(()),
            Received::Event(event, text) => {
                self.pending.push_front((event, text));
                Ok(())
            }
            Received::Closed(error) => {
                Err(error.unwrap_or_else(|| "the connection closed".to_owned()))
            }
            Received::Invalid(message) => Err(message),
        }
    }

    /// Runs the TLS handshake as client, presenting `name` (the partner's XMPP domain) for SNI
    /// and certificate matching (RFC 6120 §13.7.2.1).
    pub async fn start_tls_client(
        &mut self,
        config: Arc<rustls::ClientConfig>,
        name: ServerName<'static>,
        limit: Duration,
    ) -> Result<(), HandshakeError> {
        let Transport::Plain(tcp) = std::mem::replace(&mut self.transport, Transport::Gone) else {
            return Err(HandshakeError("the connection is not plain TCP".to_owned()));
        };
        let connector = TlsConnector::from(config);
        match timeout(limit, connector.connect(name, tcp)).await {
            Ok(Ok(stream)) => {
                self.transport = Transport::Client(stream);
                self.restart();
                Ok(())
            }
            Ok(Err(e)) => Err(HandshakeError(e.to_string())),
            Err(_) => Err(HandshakeError(format!(
                "no handshake within {} s",
                limit.as_secs()
            ))),
        }
    }

    /// Runs the TLS handshake as server.
    pub async fn start_tls_server(
        &mut self,
        config: Arc<rustls::ServerConfig>,
        limit: Duration,
    ) -> Result<(), HandshakeError> {
        let Transport::Plain(tcp) = std::mem::replace(&mut self.transport, Transport::Gone) else {
            return Err(HandshakeError("the connection is not plain TCP".to_owned()));
        };
        let acceptor = TlsAcceptor::from(config);
        match timeout(limit, acceptor.accept(tcp)).await {
            Ok(Ok(stream)) => {
                self.transport = Transport::Server(stream);
                self.restart();
                Ok(())
            }
            Ok(Err(e)) => Err(HandshakeError(e.to_string())),
            Err(_) => Err(HandshakeError(format!(
                "no handshake within {} s",
                limit.as_secs()
            ))),
        }
    }

    /// The TLS version and cipher suite negotiated, once TLS runs.
    pub fn tls_session(&self) -> Option<(String, String)> {
        let (version, suite) = match &self.transport {
            Transport::Client(stream) => {
                let (_, connection) = stream.get_ref();
                (
                    connection.protocol_version(),
                    connection.negotiated_cipher_suite(),
                )
            }
            Transport::Server(stream) => {
                let (_, connection) = stream.get_ref();
                (
                    connection.protocol_version(),
                    connection.negotiated_cipher_suite(),
                )
            }
            _ => return None,
        };
        let version = match version? {
            rustls::ProtocolVersion::TLSv1_3 => "TLS 1.3".to_owned(),
            rustls::ProtocolVersion::TLSv1_2 => "TLS 1.2".to_owned(),
            other => format!("{other:?}"),
        };
        Some((version, format!("{:?}", suite?.suite())))
    }

    /// Shuts the connection down.
    pub async fn shutdown(&mut self) {
        let _ = match &mut self.transport {
            Transport::Plain(s) => s.shutdown().await,
            Transport::Client(s) => s.shutdown().await,
            Transport::Server(s) => s.shutdown().await,
            Transport::Gone => Ok(()),
        };
        self.transport = Transport::Gone;
    }
}
