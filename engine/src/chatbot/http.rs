//! HTTP as the terminal's `curl` sees it: the command line parsed into a
//! request, and responses printed the way curl prints them.

use thiserror::Error;

use super::json_write::Obj;

/// What the learner asked curl to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `POST`…
    pub method: String,
    /// `http` or `https`.
    pub scheme: String,
    /// The host curl connects to.
    pub host: String,
    /// The port (8000 for local, 443 for https).
    pub port: u16,
    /// Path and query, starting with `/`.
    pub path: String,
    /// Header names lower-cased, values as given.
    pub headers: Vec<(String, String)>,
    /// The request body (`-d`), if any.
    pub body: Option<String>,
}

impl Request {
    /// A header's value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// What a server answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Its reason phrase (`OK`, `Not Found`).
    pub reason: &'static str,
    /// Headers in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        422 => "Unprocessable Entity",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        _ => "",
    }
}

impl Response {
    /// A response with a content type and a body.
    pub fn new(status: u16, content_type: &str, body: String) -> Self {
        let headers =
            vec![("content-length".into(), body.len().to_string()), ("content-type".into(), content_type.to_string())];
        Self { status, reason: reason(status), headers, body }
    }

    /// A plain-text response.
    pub fn text(status: u16, body: &str) -> Self {
        Self::new(status, "text/plain; charset=utf-8", body.to_string())
    }

    /// A JSON response.
    pub fn json(status: u16, body: Obj) -> Self {
        Self::new(status, "application/json", body.finish())
    }

    /// A header's value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// A parsed `curl` command line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(clippy::struct_excessive_bools, reason = "each is one of curl's on/off flags")]
pub struct Curl {
    /// `-X`: the method, when given.
    pub method: Option<String>,
    /// The URLs, in order (curl fetches each).
    pub urls: Vec<String>,
    /// `-H`: extra headers.
    pub headers: Vec<(String, String)>,
    /// `-d` pieces, joined with `&` as curl does; `@file` reads a file.
    pub data: Vec<String>,
    /// `--json` sets JSON content type and accept headers.
    pub json: bool,
    /// `-i`: print the status line and headers.
    pub include: bool,
    /// `-v`: print the request too.
    pub verbose: bool,
    /// `-f`: fail on 4xx/5xx without printing the body.
    pub fail: bool,
}

/// curl's own refusals, in its words (exit code in parentheses where curl prints one).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CurlError {
    /// An option curl does not have.
    #[error("curl: option {0}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information")]
    UnknownOption(String),
    /// An option missing its value.
    #[error("curl: option {0}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information")]
    RequiresParameter(String),
    /// `curl` alone.
    #[error("curl: try 'curl --help' or 'curl --manual' for more information")]
    NoArguments,
    /// Options but no URL.
    #[error("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information")]
    NoUrl,
    /// A URL curl cannot read.
    #[error("curl: (3) URL using bad/illegal format or missing URL")]
    BadUrl,
    /// A scheme other than http/https.
    #[error("curl: (1) Protocol \"{0}\" not supported or disabled in libcurl")]
    Protocol(String),
    /// `-d @FILE` for a file that does not exist.
    #[error("curl: (26) Failed to open/read local data from file/application")]
    DataFile,
}

/// Options that take a value, by short and long name.
const WITH_VALUE: &[(char, &str)] = &[('X', "--request"), ('H', "--header"), ('d', "--data")];
const LONG_DATA: &[&str] = &["--data", "--data-raw", "--data-binary", "--data-ascii"];

impl Curl {
    /// Parses curl's arguments, refusing what curl refuses, in its words.
    pub fn parse(args: &[String]) -> Result<Self, CurlError> {
        if args.is_empty() {
            return Err(CurlError::NoArguments);
        }
        let mut c = Self::default();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if let Some(long) = arg.strip_prefix("--") {
                let name = format!("--{long}");
                let mut value = || it.next().cloned().ok_or_else(|| CurlError::RequiresParameter(name.clone()));
                match long {
                    "request" => c.method = Some(value()?),
                    "header" => c.header(&value()?),
                    "json" => {
                        c.data.push(value()?);
                        c.json = true;
                    }
                    "include" => c.include = true,
                    "verbose" => c.verbose = true,
                    "fail" => c.fail = true,
                    "silent" | "show-error" | "location" => {}
                    _ if LONG_DATA.contains(&name.as_str()) => c.data.push(value()?),
                    "url" => c.urls.push(value()?),
                    _ => return Err(CurlError::UnknownOption(name)),
                }
            } else if arg.len() > 1 && arg.starts_with('-') {
                let mut chars = arg[1..].char_indices();
                for (i, ch) in chars.by_ref() {
                    if WITH_VALUE.iter().any(|(s, _)| *s == ch) {
                        let rest = &arg[1 + i + ch.len_utf8()..];
                        let v = if rest.is_empty() {
                            it.next().cloned().ok_or_else(|| CurlError::RequiresParameter(arg.clone()))?
                        } else {
                            rest.to_string()
                        };
                        match ch {
                            'X' => c.method = Some(v),
                            'H' => c.header(&v),
                            _ => c.data.push(v),
                        }
                        break;
                    }
                    match ch {
                        'i' => c.include = true,
                        'v' => c.verbose = true,
                        'f' => c.fail = true,
                        's' | 'S' | 'L' => {}
                        _ => return Err(CurlError::UnknownOption(format!("-{ch}"))),
                    }
                }
            } else {
                c.urls.push(arg.clone());
            }
        }
        if c.urls.is_empty() {
            return Err(CurlError::NoUrl);
        }
        Ok(c)
    }

    fn header(&mut self, h: &str) {
        // curl ignores a header without a colon.
        if let Some((k, v)) = h.split_once(':') {
            self.headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }

    /// The request for one URL; `read` opens `@file` data from the working tree.
    pub fn request(&self, url: &str, read: impl Fn(&str) -> Option<String>) -> Result<Request, CurlError> {
        let (scheme, rest) = match url.split_once("://") {
            Some((s, r)) => (s.to_ascii_lowercase(), r),
            None => ("http".to_string(), url),
        };
        if scheme != "http" && scheme != "https" {
            return Err(CurlError::Protocol(scheme));
        }
        let split = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(split);
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, p.parse::<u16>().map_err(|_| CurlError::BadUrl)?),
            None => (authority, if scheme == "https" { 443 } else { 80 }),
        };
        if host.is_empty() || host.contains(|c: char| c.is_whitespace() || "!@\"'<>\\".contains(c)) {
            return Err(CurlError::BadUrl);
        }
        let path = if path.is_empty() {
            "/".to_string()
        } else if path.starts_with('?') {
            format!("/{path}")
        } else {
            path.to_string()
        };
        let mut pieces = Vec::new();
        for d in &self.data {
            pieces.push(match d.strip_prefix('@') {
                Some(file) => read(file).ok_or(CurlError::DataFile)?.trim_end_matches('\n').to_string(),
                None => d.clone(),
            });
        }
        let body = (!pieces.is_empty()).then(|| pieces.join("&"));
        let mut headers = vec![
            ("host".to_string(), if matches!(port, 80 | 443) { host.to_string() } else { format!("{host}:{port}") }),
            ("user-agent".to_string(), "curl/7.88.1".to_string()),
            ("accept".to_string(), if self.json { "application/json" } else { "*/*" }.to_string()),
        ];
        if body.is_some() && !self.headers.iter().any(|(k, _)| k == "content-type") {
            let ct = if self.json { "application/json" } else { "application/x-www-form-urlencoded" };
            headers.push(("content-type".into(), ct.into()));
        }
        headers.extend(self.headers.iter().cloned());
        let method = self.method.clone().unwrap_or_else(|| if body.is_some() { "POST" } else { "GET" }.to_string());
        Ok(Request { method, scheme, host: host.to_ascii_lowercase(), port, path, headers, body })
    }
}

/// What curl prints for a response: the body, after the status line and
/// headers with `-i`, or the whole exchange with `-v`.
pub fn print(curl: &Curl, req: &Request, resp: &Response) -> String {
    let mut out = String::new();
    if curl.verbose {
        out.push_str(&format!("> {} {} HTTP/1.1\n", req.method, req.path));
        for (k, v) in &req.headers {
            out.push_str(&format!("> {}: {v}\n", title_case(k)));
        }
        out.push_str(">\n");
    }
    let prefix = if curl.verbose { "< " } else { "" };
    if curl.include || curl.verbose {
        out.push_str(&format!("{prefix}HTTP/1.1 {} {}\n", resp.status, resp.reason));
        for (k, v) in &resp.headers {
            out.push_str(&format!("{prefix}{k}: {v}\n"));
        }
        out.push_str(if curl.verbose { "<\n" } else { "\n" });
    }
    if req.method != "HEAD" {
        out.push_str(&resp.body);
    }
    out
}

fn title_case(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_the_lessons_curl_lines() {
        let c =
            Curl::parse(&words("-i -X OPTIONS -H Origin:https://evil.example https://smart-chatbot.railway.app/chat"))
                .unwrap();
        assert!(c.include);
        let r = c.request(&c.urls[0], |_| None).unwrap();
        assert_eq!(
            (r.method.as_str(), r.host.as_str(), r.port, r.path.as_str()),
            ("OPTIONS", "smart-chatbot.railway.app", 443, "/chat")
        );
        assert_eq!(r.header("origin"), Some("https://evil.example"));

        let c = Curl::parse(&words("-sXPOST localhost:8000/chat -d {}")).unwrap();
        let r = c.request(&c.urls[0], |_| None).unwrap();
        assert_eq!((r.method.as_str(), r.port, r.body.as_deref()), ("POST", 8000, Some("{}")));
        assert_eq!(r.header("content-type"), Some("application/x-www-form-urlencoded"));
    }

    #[test]
    fn refuses_in_curls_words() {
        assert_eq!(
            Curl::parse(&words("--foo x")).unwrap_err().to_string().lines().next(),
            Some("curl: option --foo: is unknown")
        );
        assert!(
            Curl::parse(&words("-sX")).unwrap_err().to_string().starts_with("curl: option -sX: requires parameter")
        );
        assert_eq!(Curl::parse(&words("-i")), Err(CurlError::NoUrl));
        assert_eq!(Curl::parse(&[]), Err(CurlError::NoArguments));
        let c = Curl::parse(&words("ftp2://x")).unwrap();
        assert_eq!(
            c.request("ftp2://x", |_| None).unwrap_err().to_string(),
            "curl: (1) Protocol \"ftp2\" not supported or disabled in libcurl"
        );
        assert_eq!(c.request("http://", |_| None), Err(CurlError::BadUrl));
    }
}
