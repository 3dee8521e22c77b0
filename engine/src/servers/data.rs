//! What differs between environments besides configuration — the guide's
//! table of environment differences: the data each server holds (Railway
//! gives each environment its own database, through `DATABASE_URL`), the
//! APIs it integrates with (following `BACKEND_API_URL`), and how fast it
//! must be.

/// The database Railway provides to an environment's server.
pub fn database_of(environment: &str) -> Option<&'static str> {
    match environment {
        "development" => Some("postgresql://dev-db.railway.internal:5432/fake_test_data"),
        "staging" => Some("postgresql://staging-db.railway.internal:5432/production_like_test_data"),
        "production" => Some("postgresql://prod-db.railway.internal:5432/real_customer_data"),
        _ => None,
    }
}

/// What a database holds, in the guide's words.
pub fn data_set(database_url: &str) -> &'static str {
    match database_url {
        u if Some(u) == database_of("production") => "real customer data",
        u if Some(u) == database_of("staging") => "production-like test data",
        u if Some(u) == database_of("development") => "fake test data",
        u if u.starts_with("sqlite:///") => "fake test data (a file on your machine)",
        _ => "an unknown database",
    }
}

/// Which APIs a backend URL means: your machine's mocks, test APIs, or the live ones.
pub fn integrations(backend_api_url: &str) -> &'static str {
    let host = backend_api_url.split("://").nth(1).unwrap_or(backend_api_url);
    if host.starts_with("127.0.0.1") || host.starts_with("localhost") {
        "mock APIs"
    } else if host.starts_with("smart-chatbot.railway.app") {
        "live APIs"
    } else {
        "test APIs"
    }
}

/// The performance an environment is held to.
pub fn performance(environment: &str) -> &'static str {
    match environment {
        "production" => "must be fast",
        "staging" => "should be fast",
        _ => "doesn't matter",
    }
}

/// Why `DATABASE_URL` may not be set to `url` on the `environment` server:
/// Railway keeps each environment's database private, so development (and
/// staging) can never reach real customer data.
pub fn refuse_database(environment: &str, url: &str) -> Option<String> {
    let owner = ["development", "staging", "production"].into_iter().find(|e| database_of(e) == Some(url))?;
    (owner != environment).then(|| {
        format!(
            "servers: {url} is {owner}'s database; Railway keeps each environment's database private to it, so the {environment} server cannot reach {}",
            data_set(url)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_environment_has_its_data_and_apis() {
        assert_eq!(data_set(database_of("production").unwrap_or_default()), "real customer data");
        assert_eq!(integrations("http://127.0.0.1:8000"), "mock APIs");
        assert_eq!(integrations("https://staging-chatbot.railway.app"), "test APIs");
        assert_eq!(integrations("https://smart-chatbot.railway.app"), "live APIs");
        assert!(refuse_database("development", database_of("production").unwrap_or_default()).is_some());
        assert!(refuse_database("production", database_of("production").unwrap_or_default()).is_none());
    }
}
