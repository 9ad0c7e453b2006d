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

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Number {
    Unsigned(u64),
    Negative(i64),
    /// A number with a fraction or an exponent, or a whole number beyond `u64` and `i64`, with
    /// its text as written when it was read from text: `18446744073709551616` is shown as
    /// written, not as the float `18446744073709552000`.
    Float(f64, Option<Box<str>>),
}

impl Number {
    /// The value as a whole number, if it is one (JavaScript numbers arrive as floats).
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::Unsigned(n) => Some(n),
            Number::Negative(_) => None,
            // 2^53 is the largest float below which every whole number is exact.
            Number::Float(f, _)
                if f.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&f) =>
            {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Some(f as u64)
            }
            Number::Float(..) => None,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Unsigned(n) => write!(f, "{n}"),
            Number::Negative(n) => write!(f, "{n}"),
            Number::Float(_, Some(written)) => f.write_str(written),
            Number::Float(n, None) => write!(f, "{n}"),
        }
    }
}

/// Gives every float of a tree read from JSON `text` its text as written. Each number in the
/// text is one number in the tree, in the same order (object members keep their order), so
/// the n-th number token of the text is the n-th number of the tree.
pub(crate) fn keep_written_numbers(node: &mut Node, text: &str) {
    fn has_float(node: &Node) -> bool {
        match &node.value {
            Value::Number(Number::Float(..)) => true,
            Value::List(items) => items.iter().any(has_float),
            Value::Map(entries) => entries.iter().any(|(_, value)| has_float(value)),
            _ => false,
        }
    }
    fn fill<'t>(node: &mut Node, tokens: &mut impl Iterator<Item = &'t str>) {
        match &mut node.value {
            Value::Number(Number::Float(_, written)) => {
                *written = tokens.next().map(Box::from);
            }
            Value::Number(_) => {
                tokens.next();
            }
            Value::List(items) => items.iter_mut().for_each(|item| fill(item, tokens)),
            Value::Map(entries) => entries
                .iter_mut()
                .for_each(|(_, value)| fill(value, tokens)),
            _ => {}
        }
    }
    // Most documents have no float: skip the scan.
    if has_float(node) {
        fill(node, &mut number_tokens(text));
    }
}

/// The number tokens of valid JSON text, in order: outside strings, a number starts with `-` or
/// a digit and runs over digits, signs, dots and exponent letters.
fn number_tokens(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut in_string = false;
    std::iter::from_fn(move || {
        while let Some(&byte) = bytes.get(index) {
            if in_string {
                match byte {
                    b'\\' => index += 2,
                    b'"' => {
                        in_string = false;
                        index += 1;
                    }
                    _ => index += 1,
                }
            } else if byte == b'"' {
                in_string = true;
                index += 1;
            } else if byte == b'-' || byte.is_ascii_digit() {
                let start = index;
                while bytes
                    .get(index)
                    .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
                {
                    index += 1;
                }
                // The token is ASCII, so its bounds are character boundaries.
                return text.get(start..index);
            } else {
                index += 1;
            }
        }
        None
    })
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
        deserializer.deserialize_any(NodeVisitor { depth: self.depth })
    }
}

/// Reads one value; `depth` is the number of lists and objects around it.
struct NodeVisitor {
    depth: usize,
}

impl NodeVisitor {
    /// Refuses a list or object that would be nested deeper than [`MAX_DEPTH`] levels. Checked
    /// before its items are read, so the recursion stops here whatever the deserializer.
    fn open<E: de::Error>(&self) -> Result<usize, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "nesting deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(self.depth + 1)
    }
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
        Ok(leaf(Value::Number(Number::Float(v, None))))
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
        let depth = self.open()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(NodeSeed { depth })? {
            items.push(item);
        }
        Ok(leaf(Value::List(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let depth = self.open()?;
        let mut entries = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let value = map.next_value_seed(NodeSeed { depth })?;
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
        // 32 lists are fine, a 33rd is one too many.
        let fine = format!("{}{}", "[".repeat(32), "]".repeat(32));
        assert!(serde_json::from_str::<Node>(&fine).is_ok());
        let over = format!("{}{}", "[".repeat(33), "]".repeat(33));
        assert!(serde_json::from_str::<Node>(&over).is_err());
    }

    #[test]
    fn floats_keep_their_text() {
        let text =
            r#"{"a": [1, -0, "2.5\\\" 7", 18446744073709551616], "b": {"c": 1.50e3, "d": -2}}"#;
        let mut node: Node = serde_json::from_str(text).unwrap();
        keep_written_numbers(&mut node, text);
        let mut shown = Vec::new();
        fn walk(node: &Node, shown: &mut Vec<String>) {
            match &node.value {
                Value::Number(n) => shown.push(n.to_string()),
                Value::List(items) => items.iter().for_each(|i| walk(i, shown)),
                Value::Map(entries) => entries.iter().for_each(|(_, v)| walk(v, shown)),
                _ => {}
            }
        }
        walk(&node, &mut shown);
        assert_eq!(shown, ["1", "-0", "18446744073709551616", "1.50e3", "-2"]);
    }

    #[test]
    fn floats_are_whole_numbers_only_when_exact() {
        assert_eq!(Number::Float(20.0, None).as_u64(), Some(20));
        assert_eq!(Number::Float(20.5, None).as_u64(), None);
        assert_eq!(Number::Float(-1.0, None).as_u64(), None);
        assert_eq!(Number::Float(f64::INFINITY, None).as_u64(), None);
    }
}
