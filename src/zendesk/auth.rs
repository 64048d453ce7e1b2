//! Zendesk credentials, from the environment only (never a flag or the configuration):
//! `ZENDESK_EMAIL` + `ZENDESK_API_TOKEN` (basic auth, `{email}/token:{token}`) or
//! `ZENDESK_OAUTH_TOKEN` (bearer; it wins when both are set). They are held as
//! [`Secret`]s and scrubbed from everything printed, the encoded header value included.

use crate::http::{Auth, Secret};

/// What ase-lint authenticates to Zendesk with.
#[derive(Debug, Clone)]
pub enum ZendeskAuth {
    /// An API token of the agent whose address is `email`.
    ApiToken { email: String, token: Secret },
    /// An OAuth access token.
    OAuth(Secret),
}

impl ZendeskAuth {
    /// Reads the credentials through `env`; `Err` says which variable to set.
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let value = |name: &str| {
            env(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        if let Some(token) = value("ZENDESK_OAUTH_TOKEN") {
            return Ok(ZendeskAuth::OAuth(Secret::new(token)));
        }
        match (value("ZENDESK_EMAIL"), value("ZENDESK_API_TOKEN")) {
            (Some(email), Some(token)) => Ok(ZendeskAuth::ApiToken {
                email,
                token: Secret::new(token),
            }),
            (Some(_), None) => Err(
                "ZENDESK_EMAIL is set but ZENDESK_API_TOKEN is not: set it to an API token of \
                 that agent (Zendesk Admin Center > Apps and integrations > Zendesk API)"
                    .to_owned(),
            ),
            (None, Some(_)) => Err(
                "ZENDESK_API_TOKEN is set but ZENDESK_EMAIL is not: set it to the address of \
                 the agent the token belongs to"
                    .to_owned(),
            ),
            (None, None) => Err(
                "no Zendesk credentials: set ZENDESK_EMAIL and ZENDESK_API_TOKEN (an agent's \
                 address and API token), or ZENDESK_OAUTH_TOKEN, in the environment (a masked CI \
                 variable in a pipeline)"
                    .to_owned(),
            ),
        }
    }

    /// The variables to fix when Zendesk refuses these credentials.
    pub fn variables(&self) -> &'static str {
        match self {
            ZendeskAuth::ApiToken { .. } => "ZENDESK_API_TOKEN (and ZENDESK_EMAIL)",
            ZendeskAuth::OAuth(_) => "ZENDESK_OAUTH_TOKEN",
        }
    }

    /// The `Authorization` header for the transport, with every form of the secret to
    /// scrub.
    pub fn header(&self) -> Auth {
        match self {
            ZendeskAuth::ApiToken { email, token } => {
                let encoded = base64(format!("{email}/token:{}", token.expose()).as_bytes());
                Auth::new("authorization", Secret::new(format!("Basic {encoded}")))
                    .scrubbing(Secret::new(encoded))
                    .scrubbing(token.clone())
            }
            ZendeskAuth::OAuth(token) => Auth::new(
                "authorization",
                Secret::new(format!("Bearer {}", token.expose())),
            )
            .scrubbing(token.clone()),
        }
    }
}

/// Standard base64 with padding (RFC 4648), for the basic-auth header.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(
            base64(b"jdoe@example.com/token:abc123"),
            "amRvZUBleGFtcGxlLmNvbS90b2tlbjphYmMxMjM="
        );
    }

    #[test]
    fn credentials_come_from_the_environment_in_order() {
        let oauth = ZendeskAuth::from_env(env(&[
            ("ZENDESK_OAUTH_TOKEN", "oauth-1"),
            ("ZENDESK_EMAIL", "a@b.c"),
            ("ZENDESK_API_TOKEN", "t"),
        ]));
        assert!(matches!(oauth, Ok(ZendeskAuth::OAuth(_))));
        let basic = ZendeskAuth::from_env(env(&[
            ("ZENDESK_EMAIL", "a@b.c"),
            ("ZENDESK_API_TOKEN", "t"),
        ]));
        assert!(matches!(basic, Ok(ZendeskAuth::ApiToken { .. })));
        let no_token = ZendeskAuth::from_env(env(&[("ZENDESK_EMAIL", "a@b.c")]));
        assert!(no_token.is_err_and(|e| e.contains("ZENDESK_API_TOKEN is not")));
        let no_email = ZendeskAuth::from_env(env(&[("ZENDESK_API_TOKEN", "t")]));
        assert!(no_email.is_err_and(|e| e.contains("ZENDESK_EMAIL is not")));
        let none = ZendeskAuth::from_env(env(&[("ZENDESK_OAUTH_TOKEN", " ")]));
        assert!(none.is_err_and(|e| e.contains("no Zendesk credentials")));
    }

    #[test]
    fn the_credentials_never_format() {
        let auth = ZendeskAuth::ApiToken {
            email: "jdoe@example.com".into(),
            token: Secret::new("zd-token-0123456789"),
        };
        assert!(!format!("{auth:?}").contains("zd-token"));
        assert!(!format!("{:?}", auth.header()).contains("amRvZUBl"));
    }
}
