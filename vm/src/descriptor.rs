//! Field and method descriptors (JVMS 4.3): parsed once at link time into the shapes the
//! interpreter needs (argument slot counts, return kind).

use std::fmt;

/// The type of a field, an argument or a return value, as far as the VM needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `Z`
    Boolean,
    /// `B`
    Byte,
    /// `C`
    Char,
    /// `S`
    Short,
    /// `I`
    Int,
    /// `J`
    Long,
    /// `F`
    Float,
    /// `D`
    Double,
    /// `L...;` or `[...`
    Ref,
    /// `V` (return types only)
    Void,
}

impl Kind {
    /// Operand-stack and local-variable slots a value of this kind takes (long and double: 2).
    pub fn slots(self) -> usize {
        match self {
            Kind::Long | Kind::Double => 2,
            Kind::Void => 0,
            _ => 1,
        }
    }

    /// The descriptor character of the kind (`L` for references).
    pub fn to_char(self) -> u8 {
        match self {
            Kind::Boolean => b'Z',
            Kind::Byte => b'B',
            Kind::Char => b'C',
            Kind::Short => b'S',
            Kind::Int => b'I',
            Kind::Long => b'J',
            Kind::Float => b'F',
            Kind::Double => b'D',
            Kind::Ref => b'L',
            Kind::Void => b'V',
        }
    }

    /// The kind of a descriptor's first character.
    pub fn of_char(c: u8) -> Option<Kind> {
        Some(match c {
            b'Z' => Kind::Boolean,
            b'B' => Kind::Byte,
            b'C' => Kind::Char,
            b'S' => Kind::Short,
            b'I' => Kind::Int,
            b'J' => Kind::Long,
            b'F' => Kind::Float,
            b'D' => Kind::Double,
            b'L' | b'[' => Kind::Ref,
            b'V' => Kind::Void,
            _ => return None,
        })
    }
}

/// A descriptor that does not follow JVMS 4.3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDescriptor(pub String);

impl fmt::Display for BadDescriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed descriptor {:?}", self.0)
    }
}

/// Length in bytes of the field type starting at `bytes[0]`, or `None` if it is malformed.
fn field_type_len(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while bytes.get(i) == Some(&b'[') {
        i += 1;
        if i > 255 {
            return None;
        }
    }
    match bytes.get(i)? {
        b'L' => {
            let end = bytes[i..].iter().position(|&b| b == b';')?;
            (end > 1).then_some(i + end + 1)
        }
        b'Z' | b'B' | b'C' | b'S' | b'I' | b'J' | b'F' | b'D' => Some(i + 1),
        _ => None,
    }
}

/// Parses a field descriptor into its kind.
pub fn field_kind(desc: &str) -> Result<Kind, BadDescriptor> {
    let bytes = desc.as_bytes();
    match field_type_len(bytes) {
        Some(n) if n == bytes.len() => {
            Ok(Kind::of_char(bytes[0]).expect("checked by field_type_len"))
        }
        _ => Err(BadDescriptor(desc.to_string())),
    }
}

/// A parsed method descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodSig {
    /// Argument kinds in order (without the receiver).
    pub args: Vec<Kind>,
    /// Argument descriptors in order, e.g. `I` or `Ljava/lang/String;`.
    pub arg_descs: Vec<String>,
    /// Return kind.
    pub ret: Kind,
    /// Return descriptor.
    pub ret_desc: String,
}

impl MethodSig {
    /// Parses `(args)ret`.
    pub fn parse(desc: &str) -> Result<MethodSig, BadDescriptor> {
        let bad = || BadDescriptor(desc.to_string());
        let bytes = desc.as_bytes();
        if bytes.first() != Some(&b'(') {
            return Err(bad());
        }
        let mut i = 1;
        let mut args = Vec::new();
        let mut arg_descs = Vec::new();
        while bytes.get(i) != Some(&b')') {
            let n = field_type_len(&bytes[i..]).ok_or_else(bad)?;
            args.push(Kind::of_char(bytes[i]).ok_or_else(bad)?);
            arg_descs.push(desc[i..i + n].to_string());
            i += n;
            if args.len() > 255 {
                return Err(bad());
            }
        }
        i += 1;
        let rest = &desc[i..];
        let ret = if rest == "V" {
            Kind::Void
        } else {
            field_kind(rest).map_err(|_| bad())?
        };
        Ok(MethodSig {
            args,
            arg_descs,
            ret,
            ret_desc: rest.to_string(),
        })
    }

    /// Slots the arguments take on the operand stack (without the receiver).
    pub fn arg_slots(&self) -> usize {
        self.args.iter().map(|k| k.slots()).sum()
    }
}

/// The binary name (`java/lang/String`) of a class named by a field descriptor
/// (`Ljava/lang/String;`), or the descriptor itself for arrays (`[I`).
pub fn class_name_of_desc(desc: &str) -> &str {
    desc.strip_prefix('L')
        .and_then(|d| d.strip_suffix(';'))
        .unwrap_or(desc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_method_descriptors() {
        let sig = MethodSig::parse("(IJ[Ljava/lang/String;D)V").expect("valid");
        assert_eq!(sig.args, [Kind::Int, Kind::Long, Kind::Ref, Kind::Double]);
        assert_eq!(sig.arg_slots(), 6);
        assert_eq!(sig.arg_descs[2], "[Ljava/lang/String;");
        assert_eq!(sig.ret, Kind::Void);
        assert!(MethodSig::parse("(L;)V").is_err());
        assert!(MethodSig::parse("(I").is_err());
        assert!(MethodSig::parse("()Q").is_err());
        assert_eq!(field_kind("[[J"), Ok(Kind::Ref));
        assert!(field_kind("II").is_err());
    }
}
