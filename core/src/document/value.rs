//! A format-independent tree of values: what every reader produces and the interpreter reads.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::{Found, Position};
use crate::limits::MAX_DEPTH;

/// A value with the position it was read from, when the format records positions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub value: Value,
    pub position: Option<Position>,
}

impl Node {
    pub fn new(value: Value, position: Option<Position>) -> Node {
        Node { value, position }
    }
}

/// A value in a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number(Number),
    /// A typed string, from JSON: it is never read as a number or a boolean.
    String(String),
    /// Text whose type the field decides: XML content, PowerShell arguments, `Format-List`
    /// values. `True` and `20` are read as a boolean and a number where the field wants one.
    Text(String),
    List(Vec<Node>),
    Map(Vec<(Key, Node)>),
    /// A value the reader already rejected, with a diagnostic of its own.
    Invalid,
}

/// An object key with its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    pub name: String,
    pub position: Option<Position>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    Unsigned(u64),
    Negative(i64),
    Float(f64),
}

impl Number {
    /// The value as a whole number, if it is one (JavaScript numbers arrive as floats).
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::Unsigned(n) => Some(n),
            Number::Negative(_) => None,
            // 2^53 is the largest float below which every whole number is exact.
            Number::Float(f) if f.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&f) =>
            {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Some(f as u64)
            }
            Number::Float(_) => None,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Unsigned(n) => write!(f, "{n}"),
            Number::Negative(n) => write!(f, "{n}"),
            Number::Float(n) => write!(f, "{n}"),
        }
    }
}

impl Value {
    /// What the value is, for "must be X, not Y" messages.
    pub fn found(&self) -> Found {
        fn shorten(text: &str) -> String {
            let mut short: String = text.chars().take(40).collect();
            if short.len() < text.len() {
                short.push('…');
            }
            short
        }
        match self {
            Value::Null | Value::Invalid => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(s) => Found::String(shorten(s)),
            Value::Text(s) => Found::Text(shorten(s)),
            Value::List(_) => Found::List,
            Value::Map(_) => Found::Object,
        }
    }
}

/// Reads any self-describing serde format (JSON text, JavaScript values) into a [`Node`], with
/// the nesting bounded by [`MAX_DEPTH`].
impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        NodeSeed { depth: 0 }.deserialize(deserializer)
    }
}

struct NodeSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for NodeSeed {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        if self.depth > MAX_DEPTH {
            return Err(de::Error::custom(format_args!(
                "nesting deeper than {MAX_DEPTH} levels"
            )));
        }
        deserializer.deserialize_any(NodeVisitor { depth: self.depth })
    }
}

struct NodeVisitor {
    depth: usize,
}

fn leaf(value: Value) -> Node {
    Node::new(value, None)
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(leaf(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(leaf(match u64::try_from(v) {
            Ok(u) => Value::Number(Number::Unsigned(u)),
            Err(_) => Value::Number(Number::Negative(v)),
        }))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(leaf(Value::Number(Number::Unsigned(v))))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(leaf(Value::Number(Number::Float(v))))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(leaf(Value::String(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(leaf(Value::String(v)))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(leaf(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(leaf(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        NodeSeed { depth: self.depth }.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(NodeSeed {
            depth: self.depth + 1,
        })? {
            items.push(item);
        }
        Ok(leaf(Value::List(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let value = map.next_value_seed(NodeSeed {
                depth: self.depth + 1,
            })?;
            entries.push((
                Key {
                    name,
                    position: None,
                },
                value,
            ));
        }
        Ok(leaf(Value::Map(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_duplicates() {
        let node: Node = serde_json::from_str(r#"{"b": 1, "a": [true, null], "b": "x"}"#).unwrap();
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        let names: Vec<_> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["b", "a", "b"]);
    }

    #[test]
    fn bounds_nesting() {
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        let error = serde_json::from_str::<Node>(&deep).unwrap_err();
        assert!(
            error.to_string().contains("nesting deeper than 32 levels"),
            "{error}"
        );
        let fine = format!("{}{}", "[".repeat(30), "]".repeat(30));
        assert!(serde_json::from_str::<Node>(&fine).is_ok());
    }

    #[test]
    fn floats_are_whole_numbers_only_when_exact() {
        assert_eq!(Number::Float(20.0).as_u64(), Some(20));
        assert_eq!(Number::Float(20.5).as_u64(), None);
        assert_eq!(Number::Float(-1.0).as_u64(), None);
        assert_eq!(Number::Float(f64::INFINITY).as_u64(), None);
    }
}
