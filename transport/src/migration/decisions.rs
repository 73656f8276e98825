//! The source host's record of how its migrations ended, which answers a target in doubt.

use std::collections::HashMap;
use std::time::Duration;

use super::{Message, MigrationError, MigrationId, Time};

/// How a migration ended on the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// The source received `Restored`, dropped its copy and sent `Commit`: the target runs it.
    Committed,
    /// The process resumed on the source.
    Aborted,
}

/// What the record knows about a migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The migration is running and has not decided: before answering a query the driver must
    /// make it decide (`Source::abort`), since a target that asks is no longer listening.
    Pending,
    /// The migration has decided. Ids never begun, or forgotten, read as `Aborted`
    /// (presumed abort): the source only ever commits ids it has begun.
    Decided(Decision),
}

#[derive(Clone, Copy, Debug)]
enum Entry {
    Pending,
    Decided { decision: Decision, at: Time },
}

/// The decisions of one source host, by migration id, kept for a retention period.
///
/// Only the source knows whether it committed, and a target that voted `Restored` and then lost
/// the connection must ask. Driver's duties: [`begin`](Self::begin) before sending the `Offer`;
/// [`record`](Self::record) on `SourceEvent::Committed` / `SourceEvent::ResumeLocally` (the
/// `Source` only releases `Commit` for sending once that event has been polled); answer each
/// `OutcomeQuery` with [`answer`](Self::answer), first aborting the migration if it is still
/// [`Lookup::Pending`]; call [`expire`](Self::expire) now and then.
///
/// Forgetting a committed migration is the one unsafe thing this type can do: a target still in
/// doubt after the retention would be told "aborted" and discard a process the source dropped.
/// Aborted entries carry no such risk (unknown ids read as aborted anyway), so the retention only
/// has to outlast the longest time a target may stay in doubt; the default is a week.
#[derive(Clone, Debug)]
pub struct Decisions {
    entries: HashMap<MigrationId, Entry>,
    retention: Duration,
}

impl Default for Decisions {
    fn default() -> Self {
        Decisions::new(Duration::from_secs(7 * 24 * 3600))
    }
}

impl Decisions {
    /// An empty record that keeps decisions for `retention` after they are made.
    pub fn new(retention: Duration) -> Self {
        Decisions {
            entries: HashMap::new(),
            retention,
        }
    }

    /// Registers a migration about to be offered. Refuses an id already known, since two
    /// migrations sharing a decision could commit one on the other's vote.
    pub fn begin(&mut self, id: MigrationId) -> Result<(), MigrationError> {
        if self.entries.contains_key(&id) {
            return Err(MigrationError::DuplicateId(id));
        }
        self.entries.insert(id, Entry::Pending);
        Ok(())
    }

    /// Records how a migration ended. A decision, once made, never changes: a second, different
    /// record is ignored (the first one is what the target may already have been told).
    pub fn record(&mut self, now: Time, id: MigrationId, decision: Decision) {
        match self.entries.get(&id) {
            Some(Entry::Decided { .. }) => {}
            _ => {
                self.entries
                    .insert(id, Entry::Decided { decision, at: now });
            }
        }
    }

    /// What is known about `id`.
    pub fn lookup(&self, id: MigrationId) -> Lookup {
        match self.entries.get(&id) {
            Some(Entry::Pending) => Lookup::Pending,
            Some(Entry::Decided { decision, .. }) => Lookup::Decided(*decision),
            None => Lookup::Decided(Decision::Aborted),
        }
    }

    /// The `Outcome` message answering an `OutcomeQuery` for `id`, or `None` while the migration
    /// is pending (decide it first).
    pub fn answer(&self, id: MigrationId) -> Option<Message> {
        match self.lookup(id) {
            Lookup::Pending => None,
            Lookup::Decided(decision) => Some(Message::Outcome {
                id,
                committed: decision == Decision::Committed,
            }),
        }
    }

    /// Forgets decisions made more than the retention period before `now`; pending migrations
    /// stay.
    pub fn expire(&mut self, now: Time) {
        let retention = self.retention;
        self.entries.retain(|_, entry| match entry {
            Entry::Pending => true,
            Entry::Decided { at, .. } => now.saturating_since(*at) < retention,
        });
    }

    /// How many migrations the record holds, pending or decided.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the record holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
