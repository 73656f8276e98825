//! The migration protocol as a sans-IO state machine: offer, accept, transfer, restore, commit.
