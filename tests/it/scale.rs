//! Beyond one process: two review servers on one database, as behind a load balancer. A
//! reviewer logged in on one is logged in on the other, a decision made on one shows on the
//! other at once, the session's CSRF token is good on both, and logging out on one logs out
//! everywhere: nothing that matters lives in one process's memory.
#![allow(clippy::unwrap_used)]

use crate::common;
use crate::common::serve::Serve;
use crate::common::web::{Client, fixture, hidden};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_review_servers_share_sessions_tokens_and_decisions() {
    let dir = common::tempdir("scale-serve");
    for url in common::databases(&dir).await {
        // Server A runs in this process (the web fixture), server B is the real binary.
        let f = fixture(&url).await;
        let b = Serve::start(&url);
        let mut on_a = Client::logged_in(&f.base, "reviewer").await;
        let mut on_b = Client::new(&b.base);
        on_b.set_cookie("nrs_session", &on_a.cookie("nrs_session").unwrap());

        // Logged in on B with A's session, and B's pages carry the same token.
        let queue = on_b.get("/suspects").await;
        assert_eq!(queue.status, 200, "{url}: B knows A's session");
        assert_eq!(
            hidden(&queue.body, "csrf").as_deref(),
            Some(on_a.csrf.as_str()),
            "{url}"
        );

        // A decision on B with the token A gave, seen on A at once.
        let id = f.own_suspects[0];
        let page = on_a.get(&format!("/suspects/{id}")).await;
        let version = hidden(&page.body, "version").unwrap();
        let token = on_a.csrf.clone();
        let r = on_b
            .post(
                &format!("/suspects/{id}/decision"),
                &[("csrf", &token), ("action", "confirm"), ("version", &version)],
            )
            .await;
        assert_eq!(r.status, 303, "{url}: {}", r.body);
        assert_eq!(f.store.suspect(id).await.unwrap().unwrap().status.as_str(), "confirmed");
        let seen_on_a = on_a.get(&format!("/suspects/{id}")).await;
        assert!(seen_on_a.body.contains("なりすまし確定"), "{url}: A shows B's decision");
        // The same version again is refused on A: the decision is one, wherever it was made.
        let again = on_a
            .post(
                &format!("/suspects/{id}/decision"),
                &[("action", "dismiss"), ("reason", "x"), ("version", &version)],
            )
            .await;
        assert_ne!(again.status, 303, "{url}: a stale version is refused across servers");
        assert_eq!(f.store.suspect(id).await.unwrap().unwrap().status.as_str(), "confirmed");

        // Logging out on B ends the session on A too.
        assert_eq!(on_b.post("/logout", &[("csrf", &token)]).await.status, 303);
        let after = on_a.get("/suspects").await;
        assert_eq!(after.status, 303, "{url}: A sends the logged-out reviewer to log in");
        assert!(after.location().starts_with("/login"), "{url}: {}", after.location());
        drop(b);
    }
}
