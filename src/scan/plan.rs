//! What a night will do: the plan within the quotas (tonight's and the next one, for
//! `scan --plan`), the inputs it is made from, recorded so that workers rebuild the same plan,
//! and the units of the first two phases.

use std::sync::Arc;

use crate::config::Config;
use crate::discover::Plan;
use crate::matching::Genuine;
use crate::platform::Platform;
use crate::registry::Registry;
use crate::store::{PlanInputs, Store, SuspectFilter};

use super::run::scanned_platforms;
use super::units::Account;
use super::work::registry_digest;
use super::{Observer, ScanError, ScanOptions};

/// The plan the next scan will follow within the quotas (`scan --plan`): which accounts it
/// discovers on each quota-bound platform, and in how many nights every account is covered.
pub async fn next_plan(
    store: &Store,
    registry: &Registry,
    config: &Config,
    opts: &ScanOptions,
) -> Result<Plan, ScanError> {
    let platforms = scanned_platforms(config, opts);
    let open = store.suspects(&SuspectFilter::open()).await?;
    let counts: Vec<(Platform, usize)> = platforms
        .iter()
        .map(|p| (*p, open.iter().filter(|s| s.platform == *p).count()))
        .collect();
    let night = store.runs(1).await?.first().map_or(1, |r| r.id + 1);
    Ok(Plan::new(
        &Genuine::from_registry(registry),
        &platforms,
        config,
        &counts,
        night.max(0) as u64,
    ))
}

/// The open-suspect counts the night is planned from, recorded for workers; a resumed run
/// keeps the ones it began with (workers may already follow its plan).
pub(super) async fn settle_plan_inputs(
    store: &Store,
    registry: &Registry,
    run_id: i64,
    resumed: bool,
    mut open_counts: Vec<(Platform, usize)>,
) -> Result<Vec<(Platform, usize)>, ScanError> {
    if resumed {
        let recorded = store.plan_inputs(run_id).await?;
        if !recorded.registry_digest.is_empty() {
            open_counts = recorded.open_counts;
        }
    }
    let inputs = PlanInputs {
        open_counts: open_counts.clone(),
        registry_digest: registry_digest(registry),
    };
    store.record_plan_inputs(run_id, &inputs).await?;
    Ok(open_counts)
}

/// The units of phases 1 and 2: snapshots of the genuine accounts in tonight's plan, and
/// discovery per genuine account in scope.
pub(super) fn first_units(
    accounts: &[Account],
    plan: &Plan,
    platforms: &[Platform],
    in_scope: impl Fn(&Account) -> bool,
) -> (Vec<String>, Vec<String>) {
    let snap = accounts
        .iter()
        .filter(|a| in_scope(a) && plan.discovers(a.account.platform, a.index))
        .filter(|a| platforms.contains(&a.account.platform))
        .map(|a| format!("genuine:{}", a.key))
        .collect();
    let disc = accounts
        .iter()
        .filter(|a| in_scope(a))
        .map(|a| format!("discover:{}", a.key))
        .collect();
    (snap, disc)
}

/// The night's plan within the quotas (on a quota-bound platform, the accounts of tonight's
/// window are snapshot and discovered; the others keep their last snapshot), told to the
/// observer and, for a stored run, recorded.
#[allow(clippy::too_many_arguments)]
pub(super) async fn plan_tonight(
    store: &Store,
    genuine: &[Genuine],
    platforms: &[Platform],
    config: &Config,
    open_counts: &[(Platform, usize)],
    opts: &ScanOptions,
    run_id: i64,
    observer: &Arc<dyn Observer>,
) -> Result<Plan, ScanError> {
    let plan = Plan::new(genuine, platforms, config, open_counts, run_id.max(0) as u64);
    for line in plan.describe().lines() {
        observer.note(line.trim());
    }
    if !opts.dry_run {
        store.record_coverage(run_id, &plan.coverage()).await?;
    }
    Ok(plan)
}
