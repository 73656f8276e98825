//! Which classes run their `assert` statements: the `-ea`/`-da`/`-esa`/`-dsa` rules of the
//! command line, as `Class.desiredAssertionStatus` answers them.
//!
//! The rules are part of a process (they travel in its checkpoints): a class loaded after a
//! migration asks the same question and must get the same answer.

use serde::{Deserialize, Serialize};

/// `-ea`/`-da` rules in command-line order, and the setting for system classes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assertions {
    /// Each rule: what it names and whether it enables; a later rule for the same target wins.
    pub rules: Vec<(AssertTarget, bool)>,
    /// `-esa` (true) or `-dsa` (false): the default for classes of the class library.
    pub system: bool,
}

/// What an `-ea`/`-da` rule names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssertTarget {
    /// No argument: the default for application classes.
    All,
    /// `:name...`: a package (dots) and its subpackages; empty for the unnamed package.
    Package(String),
    /// `:name`: one class (dots).
    Class(String),
}

impl Assertions {
    /// Whether class `name` (binary name, slashes or dots) runs its assertions; `system` says
    /// whether it is a class of the class library. As in HotSpot: a rule for the class itself,
    /// else one for its package or the nearest enclosing package, else the default (the last
    /// `-ea`/`-da` without argument for application classes, `-esa`/`-dsa` for system ones).
    pub fn desired(&self, name: &str, system: bool) -> bool {
        let name = name.replace('/', ".");
        let last = |want: &dyn Fn(&AssertTarget) -> bool| {
            self.rules
                .iter()
                .rev()
                .find(|(t, _)| want(t))
                .map(|&(_, on)| on)
        };
        if let Some(on) = last(&|t| matches!(t, AssertTarget::Class(c) if *c == name)) {
            return on;
        }
        let mut package = name.rsplit_once('.').map_or("", |(p, _)| p);
        loop {
            if let Some(on) = last(&|t| matches!(t, AssertTarget::Package(p) if p == package)) {
                return on;
            }
            match package.rsplit_once('.') {
                Some((outer, _)) => package = outer,
                None => break,
            }
        }
        if system {
            self.system
        } else {
            last(&|t| *t == AssertTarget::All).unwrap_or(false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_specific_rule_wins_and_later_rules_override() {
        let a = Assertions {
            rules: vec![
                (AssertTarget::All, true),
                (AssertTarget::Package("com.x".into()), false),
                (AssertTarget::Class("com.x.y.Main".into()), true),
                (AssertTarget::Package(String::new()), false),
                (AssertTarget::Package("com.x".into()), false),
            ],
            system: false,
        };
        assert!(a.desired("com/x/y/Main", false));
        assert!(!a.desired("com/x/y/Other", false));
        assert!(!a.desired("com.x.Z", false));
        assert!(a.desired("org.Q", false));
        assert!(!a.desired("Plain", false));
        assert!(!a.desired("java/lang/String", true));
        assert!(
            Assertions {
                system: true,
                ..Assertions::default()
            }
            .desired("java.util.List", true)
        );
        assert!(!Assertions::default().desired("Main", false));
    }
}
