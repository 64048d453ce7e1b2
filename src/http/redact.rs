//! What may be printed about a request: URLs without credentials or token parameters,
//! headers with secrets replaced, and failures in words without the URL (which may hold
//! credentials).

use http::HeaderMap;
use url::Url;

/// Headers whose value is never printed, whether or not it is marked sensitive.
const SECRET_HEADERS: [&str; 4] = ["private-token", "job-token", "authorization", "cookie"];

/// `headers` as they may be logged: secret values replaced by `[redacted]`.
pub fn redacted_headers(headers: &HeaderMap) -> String {
    let shown: Vec<String> = headers
        .iter()
        .map(|(name, value)| {
            let sensitive = value.is_sensitive() || SECRET_HEADERS.contains(&name.as_str());
            let text = if sensitive {
                "[redacted]"
            } else {
                value.to_str().unwrap_or("<binary>")
            };
            format!("{name}: {text}")
        })
        .collect();
    format!("[{}]", shown.join(", "))
}

/// `url` as it may be printed: no user name or password, and the value of any query
/// parameter that looks like a secret (`private_token`, `job_token`, …) replaced.
pub fn shown_url(url: &Url) -> String {
    let mut shown = url.clone();
    if !shown.username().is_empty() || shown.password().is_some() {
        // Cannot fail: the URL has a host, since it has credentials.
        let _ = shown.set_username("redacted");
        let _ = shown.set_password(None);
    }
    let secret = |name: &str| {
        let name = name.to_ascii_lowercase();
        ["token", "password", "secret"]
            .iter()
            .any(|word| name.contains(word))
    };
    if shown.query_pairs().any(|(name, _)| secret(&name)) {
        let pairs: Vec<(String, String)> = shown
            .query_pairs()
            .map(|(name, value)| {
                let value = if secret(&name) {
                    "redacted".into()
                } else {
                    value
                };
                (name.into_owned(), value.into_owned())
            })
            .collect();
        shown.query_pairs_mut().clear().extend_pairs(pairs);
    }
    shown.to_string()
}

/// `host:port` of `url`, for messages.
pub fn host_and_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or("?");
    match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

/// The innermost cause of an error (e.g. "Connection refused (os error 111)").
pub fn root_cause(error: &dyn std::error::Error) -> String {
    let mut cause = error;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    cause.to_string()
}

/// An error with its causes (reqwest's top level message alone says little).
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Server text, cut to a readable length for messages.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 300;
    let text = text.trim();
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_headers_are_redacted_in_logs() {
        let mut headers = HeaderMap::new();
        headers.insert("private-token", "glpat-secret".parse().unwrap());
        headers.insert("authorization", "Basic c2VjcmV0".parse().unwrap());
        headers.insert("accept", "x".parse().unwrap());
        let shown = redacted_headers(&headers);
        assert_eq!(
            shown,
            "[private-token: [redacted], authorization: [redacted], accept: x]"
        );
    }

    #[test]
    fn shown_urls_hide_credentials_and_token_parameters() {
        let url = Url::parse(
            "https://oauth2:s3cret-pw@gitlab.example/api/v4/x?private_token=glpat-1&page=2",
        )
        .unwrap();
        let shown = shown_url(&url);
        assert_eq!(
            shown,
            "https://redacted@gitlab.example/api/v4/x?private_token=redacted&page=2"
        );
        let plain = Url::parse("http://127.0.0.1:9/api/v4/x?per_page=100&page=1").unwrap();
        assert_eq!(shown_url(&plain), plain.as_str());
    }
}
