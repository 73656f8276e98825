//! Integration tests of the balancer: the policy file, the decision functions' invariants,
//! load reports, and the simulator's targets on the scenarios in the repository.

mod decide;
mod policy;
mod sample;
mod sim;
