//! The PowerShell syntax these scripts use: commands with named and positional arguments, whose
//! values are literals, arrays and hash tables. Nothing is evaluated: a variable other than
//! `$true`, `$false` and `$null`, a pipeline, a script block or an expanding string is an error.
//!
//! Quoting follows PowerShell's tokenizer: `'`, `‘`, `’`, `‚` and `‛` all quote a verbatim string,
//! in which any two quote characters in a row stand for the second one; `"`, `“`, `”` and `„`
//! quote an expandable string with backtick escapes.

use crate::diagnostic::Position;
use crate::format::{Format, Lines, ReadError, ReadErrorKind};

/// PowerShell's single-quote characters.
pub(super) fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// PowerShell's double-quote characters.
pub(super) fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

/// PowerShell's dash characters, which all start a parameter name.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Command {
    pub name: String,
    pub position: Position,
    pub arguments: Vec<Argument>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Argument {
    /// `-Name`, or `-Name:value` with the value attached.
    Parameter {
        name: String,
        value: Option<Expr>,
        position: Position,
    },
    Value(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Expr {
    pub kind: ExprKind,
    pub position: Position,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum ExprKind {
    /// An unquoted word or number.
    Bare(String),
    /// A quoted string.
    Quoted(String),
    Bool(bool),
    Null,
    /// `[char]0x00D1`: one UTF-16 code unit, only ever joined into a string.
    Char(u16),
    Array(Vec<Expr>),
    Hash(Vec<(String, Expr)>),
}

/// PowerShell's two parsing modes: arguments of a command, where bare words are text, and
/// expressions (inside parentheses and hash tables), where a bare word is a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Argument,
    Expression,
}

pub(super) struct Parser<'a> {
    text: &'a str,
    offset: usize,
    lines: Lines<'a>,
    /// The parameter whose value is being read, as written (`-Desc`), for messages.
    parameter: Option<String>,
}

/// Nesting of `@(...)`, `@{...}` and `(...)` is bounded like every other reader.
const MAX_NESTING: usize = crate::limits::MAX_POWERSHELL_DEPTH;

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Parser<'a> {
        Parser {
            text,
            offset: 0,
            lines: Lines::new(text),
            parameter: None,
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.offset..].chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        let mut chars = self.text[self.offset..].chars();
        chars.next();
        chars.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.offset += c.len_utf8();
        Some(c)
    }

    fn position(&self) -> Position {
        self.lines.position(self.offset)
    }

    fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError::syntax(Format::PowerShell, message, Some(self.position()))
    }

    fn unsupported(&self, construct: impl Into<String>, position: Position) -> ReadError {
        ReadError::new(
            ReadErrorKind::UnsupportedSyntax {
                construct: construct.into(),
            },
            Some(position),
        )
    }

    /// Skips spaces, tabs, line continuations (a backtick before a line break) and, when
    /// `newlines`, line breaks and comments too.
    fn skip_blank(&mut self, newlines: bool) -> Result<(), ReadError> {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\u{A0}' | '\u{FEFF}') => {
                    self.bump();
                }
                Some('`') if matches!(self.peek_second(), Some('\n' | '\r')) => {
                    self.bump();
                    if self.bump() == Some('\r') && self.peek() == Some('\n') {
                        self.bump();
                    }
                }
                Some('\n' | '\r') if newlines => {
                    self.bump();
                }
                Some('#') => self.skip_line_comment(),
                Some('<') if self.peek_second() == Some('#') => self.skip_block_comment()?,
                _ => return Ok(()),
            }
        }
    }

    fn skip_line_comment(&mut self) {
        while let Some(c) = self.peek() {
            if c == '\n' || c == '\r' {
                break;
            }
            self.bump();
        }
    }

    fn skip_block_comment(&mut self) -> Result<(), ReadError> {
        let start = self.position();
        self.bump();
        self.bump();
        loop {
            match self.bump() {
                Some('#') if self.peek() == Some('>') => {
                    self.bump();
                    return Ok(());
                }
                Some(_) => {}
                None => {
                    return Err(ReadError::syntax(
                        Format::PowerShell,
                        "comment `<#` is not closed with `#>`",
                        Some(start),
                    ));
                }
            }
        }
    }

    /// Reads every command in the script.
    pub fn commands(&mut self) -> Result<Vec<Command>, ReadError> {
        let mut commands = Vec::new();
        loop {
            self.skip_blank(true)?;
            while self.peek() == Some(';') {
                self.bump();
                self.skip_blank(true)?;
            }
            let Some(c) = self.peek() else {
                return Ok(commands);
            };
            let position = self.position();
            if c == '$' {
                return Err(self.unsupported("a variable", position));
            }
            if c == '|' {
                return Err(self.unsupported("a pipeline", position));
            }
            if !(c.is_alphanumeric() || c == '_') {
                return Err(self.error(format!("expected a command, found `{c}`")));
            }
            let name = self.word();
            let arguments = self.arguments()?;
            commands.push(Command {
                name,
                position,
                arguments,
            });
        }
    }

    /// A command name: letters, digits and the punctuation of cmdlet names.
    fn word(&mut self) -> String {
        let start = self.offset;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            self.bump();
        }
        self.text[start..self.offset].to_owned()
    }

    /// An unquoted argument, read as PowerShell reads one in argument mode: up to whitespace or
    /// a character that ends an argument. `=` and `[` are ordinary characters here. A `$` that
    /// would expand a variable, and a backtick escape, are refused.
    fn bareword(&mut self) -> Result<String, ReadError> {
        let start = self.offset;
        while let Some(c) = self.peek() {
            if c.is_whitespace() || matches!(c, ';' | '|' | ',' | ')' | '}' | '(' | '{') {
                break;
            }
            let position = self.position();
            self.bump();
            if c == '$' && self.peek().is_some_and(expands_after_dollar) {
                return Err(
                    self.unsupported("variable expansion in an unquoted argument", position)
                );
            }
            if c == '`' {
                return Err(self.unsupported("a backtick escape in an unquoted argument", position));
            }
        }
        Ok(self.text[start..self.offset].to_owned())
    }

    fn arguments(&mut self) -> Result<Vec<Argument>, ReadError> {
        let mut arguments = Vec::new();
        loop {
            self.skip_blank(false)?;
            let position = self.position();
            match self.peek() {
                None | Some('\n' | '\r' | ';') => return Ok(arguments),
                Some('|') => return Err(self.unsupported("a pipeline", position)),
                Some(c) if is_dash(c) && self.peek_second().is_some_and(|n| n.is_alphabetic()) => {
                    self.bump();
                    let start = self.offset;
                    while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        self.bump();
                    }
                    let name = self.text[start..self.offset].to_owned();
                    // The binder pairs `-Name` with the value after it, so that value is read as
                    // this parameter's.
                    self.parameter = Some(format!("-{name}"));
                    let value = if self.peek() == Some(':') {
                        self.bump();
                        self.skip_blank(false)?;
                        let value = self.expression(0, Mode::Argument)?;
                        self.parameter = None;
                        Some(value)
                    } else {
                        None
                    };
                    arguments.push(Argument::Parameter {
                        name,
                        value,
                        position,
                    });
                }
                Some(_) => {
                    arguments.push(Argument::Value(self.expression(0, Mode::Argument)?));
                    self.parameter = None;
                }
            }
        }
    }

    /// A value, or several separated by commas (an array).
    fn expression(&mut self, depth: usize, mode: Mode) -> Result<Expr, ReadError> {
        let first = self.term(depth, mode)?;
        let mut items = vec![first];
        loop {
            let save = self.offset;
            self.skip_blank(false)?;
            if self.peek() == Some(',') {
                self.bump();
                // A line break may follow a comma.
                self.skip_blank(true)?;
                items.push(self.term(depth, mode)?);
            } else {
                self.offset = save;
                break;
            }
        }
        if items.len() == 1 {
            Ok(items.remove(0))
        } else {
            let position = items[0].position;
            Ok(Expr {
                kind: ExprKind::Array(items),
                position,
            })
        }
    }

    /// In expression mode, strings and `[char]` values joined with `+`: the form the writer
    /// uses for text outside ASCII. In argument mode, a single value.
    fn term(&mut self, depth: usize, mode: Mode) -> Result<Expr, ReadError> {
        let first = self.primary(depth, mode)?;
        if mode == Mode::Argument {
            return Ok(first);
        }
        let mut parts = vec![first];
        loop {
            let save = self.offset;
            self.skip_blank(false)?;
            if self.peek() == Some('+') {
                self.bump();
                self.skip_blank(true)?;
                parts.push(self.primary(depth, mode)?);
            } else {
                self.offset = save;
                break;
            }
        }
        if parts.len() == 1 && !matches!(parts[0].kind, ExprKind::Char(_)) {
            return Ok(parts.remove(0));
        }
        let position = parts[0].position;
        // `+` takes its meaning from the left operand (PowerShell language specification §7.7):
        // after a `[char]` it adds numbers, so `[char]0x00DC + 'ber'` is not the text `Über`.
        if let (ExprKind::Char(unit), true) = (&parts[0].kind, parts.len() > 1) {
            let parameter = match &self.parameter {
                Some(name) => format!("`{name}`"),
                None => "the argument".to_owned(),
            };
            return Err(ReadError::syntax(
                Format::PowerShell,
                format!(
                    "{parameter} starts with `[char]0x{unit:04X} +`, which adds numbers in \
                     PowerShell instead of joining text: start with a string, as in \
                     `('' + [char]0x{unit:04X} + ...)`"
                ),
                Some(position),
            ));
        }
        let mut units: Vec<u16> = Vec::new();
        for part in parts {
            match part.kind {
                ExprKind::Quoted(text) => units.extend(text.encode_utf16()),
                ExprKind::Char(unit) => units.push(unit),
                _ => {
                    return Err(self.unsupported(
                        "arithmetic or joining anything but strings and [char] values",
                        part.position,
                    ));
                }
            }
        }
        let text = String::from_utf16(&units).map_err(|_| {
            ReadError::syntax(
                Format::PowerShell,
                "the [char] values do not form valid UTF-16 text",
                Some(position),
            )
        })?;
        Ok(Expr {
            kind: ExprKind::Quoted(text),
            position,
        })
    }

    fn primary(&mut self, depth: usize, mode: Mode) -> Result<Expr, ReadError> {
        if depth > MAX_NESTING {
            return Err(ReadError::new(
                ReadErrorKind::TooDeep { limit: MAX_NESTING },
                Some(self.position()),
            ));
        }
        let position = self.position();
        let expr = |kind| Expr { kind, position };
        match self.peek() {
            Some(c) if is_single_quote(c) => Ok(expr(ExprKind::Quoted(self.verbatim_string()?))),
            Some(c) if is_double_quote(c) => Ok(expr(ExprKind::Quoted(self.expandable_string()?))),
            Some('$') => {
                self.bump();
                let start = self.offset;
                while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    self.bump();
                }
                let name = &self.text[start..self.offset];
                match name.to_ascii_lowercase().as_str() {
                    "true" => Ok(expr(ExprKind::Bool(true))),
                    "false" => Ok(expr(ExprKind::Bool(false))),
                    "null" => Ok(expr(ExprKind::Null)),
                    _ => Err(self.unsupported(format!("the variable `${name}`"), position)),
                }
            }
            Some('@') if self.peek_second() == Some('(') => {
                self.bump();
                self.bump();
                let items = self.list(')', depth)?;
                Ok(expr(ExprKind::Array(items)))
            }
            Some('(') => {
                self.bump();
                let mut items = self.list(')', depth)?;
                Ok(if items.len() == 1 {
                    items.remove(0)
                } else {
                    expr(ExprKind::Array(items))
                })
            }
            Some('@') if self.peek_second() == Some('{') => {
                self.bump();
                self.bump();
                Ok(expr(ExprKind::Hash(self.hash(depth)?)))
            }
            // `@name` passes a hash table's entries as parameters: splatting, which needs the
            // variable's value.
            Some('@')
                if self
                    .peek_second()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_') =>
            {
                self.bump();
                let start = self.offset;
                while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    self.bump();
                }
                let name = &self.text[start..self.offset];
                Err(ReadError::syntax(
                    Format::PowerShell,
                    format!(
                        "splatting `@{name}` is not supported: write the parameters out on the \
                         command, as in `-Identity 'contoso.com' -TlsNegotiation Optional`"
                    ),
                    Some(position),
                ))
            }
            Some('[') if mode == Mode::Expression => Ok(expr(self.char_cast()?)),
            Some('{') => Err(self.unsupported("a script block", position)),
            Some('|') => Err(self.unsupported("a pipeline", position)),
            Some(c) if matches!(c, ';' | ',' | ')' | '}' | '\n' | '\r') => {
                Err(self.error(format!("expected a value, found `{}`", c.escape_debug())))
            }
            None => Err(self.error("expected a value, found the end of the script")),
            Some(_) => {
                let word = self.bareword()?;
                if word.is_empty() {
                    return Err(self.error("expected a value"));
                }
                // In expression mode (inside parentheses or a hash table) a bare word is a
                // command that PowerShell would run; only a number is a value.
                if mode == Mode::Expression && numeral(&word).is_none() {
                    return Err(self.unsupported(
                        format!("the command `{word}` inside an expression (quote the text)"),
                        position,
                    ));
                }
                Ok(expr(ExprKind::Bare(word)))
            }
        }
    }

    /// `[char]` followed by a number: one UTF-16 code unit.
    fn char_cast(&mut self) -> Result<ExprKind, ReadError> {
        let position = self.position();
        let cast = "[char]";
        let matches_cast = self.text[self.offset..]
            .get(..cast.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(cast));
        if !matches_cast {
            return Err(self.unsupported("a type expression other than [char]", position));
        }
        self.offset += cast.len();
        let word = self.bareword()?;
        match number(&word).and_then(|n| u16::try_from(n).ok()) {
            Some(unit) => Ok(ExprKind::Char(unit)),
            None => Err(self.error(format!(
                "[char] needs a number from 0 to 0xFFFF, found `{word}`"
            ))),
        }
    }

    /// Items up to `close`, separated by commas, semicolons or line breaks, in expression mode.
    fn list(&mut self, close: char, depth: usize) -> Result<Vec<Expr>, ReadError> {
        let mut items = Vec::new();
        loop {
            self.skip_blank(true)?;
            match self.peek() {
                Some(c) if c == close => {
                    self.bump();
                    return Ok(flatten(items));
                }
                Some(',' | ';') => {
                    self.bump();
                }
                None => return Err(self.error(format!("`{close}` expected"))),
                Some(_) => items.push(self.expression(depth + 1, Mode::Expression)?),
            }
        }
    }

    fn hash(&mut self, depth: usize) -> Result<Vec<(String, Expr)>, ReadError> {
        let mut entries: Vec<(String, Expr)> = Vec::new();
        loop {
            self.skip_blank(true)?;
            let position = self.position();
            match self.peek() {
                Some('}') => {
                    self.bump();
                    return Ok(entries);
                }
                Some(';') => {
                    self.bump();
                }
                None => return Err(self.error("`}` expected")),
                Some(c) => {
                    let key = if is_single_quote(c) {
                        self.verbatim_string()?
                    } else if is_double_quote(c) {
                        self.expandable_string()?
                    } else {
                        let start = self.offset;
                        while self
                            .peek()
                            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
                        {
                            self.bump();
                        }
                        self.text[start..self.offset].to_owned()
                    };
                    if key.is_empty() {
                        return Err(self.error("expected a key"));
                    }
                    // PowerShell refuses hash literals with a repeated key, ignoring case.
                    if entries.iter().any(|(k, _)| k.eq_ignore_ascii_case(&key)) {
                        return Err(ReadError::syntax(
                            Format::PowerShell,
                            format!("duplicate key `{key}` in a hash table"),
                            Some(position),
                        ));
                    }
                    self.skip_blank(false)?;
                    if self.peek() != Some('=') {
                        return Err(self.error(format!("`=` expected after key `{key}`")));
                    }
                    self.bump();
                    self.skip_blank(true)?;
                    entries.push((key, self.expression(depth + 1, Mode::Expression)?));
                }
            }
        }
    }

    /// `'...'`: verbatim, with a doubled quote standing for one.
    fn verbatim_string(&mut self) -> Result<String, ReadError> {
        let start = self.position();
        self.bump();
        let mut out = String::new();
        loop {
            match self.bump() {
                Some(c) if is_single_quote(c) => {
                    if self.peek().is_some_and(is_single_quote) {
                        out.extend(self.bump());
                    } else {
                        return Ok(out);
                    }
                }
                Some(c) => out.push(c),
                None => {
                    return Err(ReadError::syntax(
                        Format::PowerShell,
                        "string is not closed",
                        Some(start),
                    ));
                }
            }
        }
    }

    /// `"..."`: backtick escapes and doubled quotes. `$` followed by a name, `{` or `(` would
    /// expand, which the reader does not do.
    fn expandable_string(&mut self) -> Result<String, ReadError> {
        let start = self.position();
        self.bump();
        let mut out = String::new();
        loop {
            let position = self.position();
            match self.bump() {
                Some(c) if is_double_quote(c) => {
                    if self.peek().is_some_and(is_double_quote) {
                        out.extend(self.bump());
                    } else {
                        return Ok(out);
                    }
                }
                Some('`') => match self.bump() {
                    Some('0') => out.push('\0'),
                    Some('a') => out.push('\u{7}'),
                    Some('b') => out.push('\u{8}'),
                    Some('e') => out.push('\u{1B}'),
                    Some('f') => out.push('\u{C}'),
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('v') => out.push('\u{B}'),
                    Some('u') if self.peek() == Some('{') => {
                        self.bump();
                        let digits = self.word_until('}');
                        self.bump();
                        let hex = (1..=6).contains(&digits.len())
                            && digits.chars().all(|c| c.is_ascii_hexdigit());
                        let c = hex
                            .then(|| u32::from_str_radix(&digits, 16).ok())
                            .flatten()
                            .and_then(char::from_u32)
                            .ok_or_else(|| self.error(format!("invalid escape `u{{{digits}}}`")))?;
                        out.push(c);
                    }
                    Some(other) => out.push(other),
                    None => break,
                },
                Some('$') if self.peek().is_some_and(expands_after_dollar) => {
                    return Err(
                        self.unsupported("variable expansion in a double-quoted string", position)
                    );
                }
                Some(c) => out.push(c),
                None => break,
            }
        }
        Err(ReadError::syntax(
            Format::PowerShell,
            "string is not closed",
            Some(start),
        ))
    }

    fn word_until(&mut self, end: char) -> String {
        let start = self.offset;
        while self.peek().is_some_and(|c| c != end) {
            self.bump();
        }
        self.text[start..self.offset].to_owned()
    }
}

/// Whether a `$` followed by `c` expands something: a variable name, `${...}`, `$(...)`, or one
/// of the automatic variables `$$`, `$^`, `$?` and `$_`.
fn expands_after_dollar(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '{' | '(' | '?' | ':' | '$' | '^')
}

/// A PowerShell integer literal: decimal or `0x` hexadecimal.
fn number(word: &str) -> Option<u64> {
    match word.get(..2) {
        Some("0x" | "0X") => u64::from_str_radix(&word[2..], 16).ok(),
        _ if word.bytes().all(|b| b.is_ascii_digit()) => word.parse().ok(),
        _ => None,
    }
}

/// The value of a PowerShell numeric literal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Numeral {
    Whole(i64),
    /// A number with a fractional part.
    Fraction,
    /// A literal whose value PowerShell cannot hold in a 64-bit integer.
    OutOfRange,
}

/// Reads `word` as a PowerShell numeric literal, as Windows PowerShell 5.1 does (language
/// specification §2.3.5.1, about_Numeric_Literals): an optional sign; decimal digits with an
/// optional fraction and exponent, or `0x` and hexadecimal digits; the type suffix `l` (long) or,
/// for decimal literals, `d` (decimal); then a multiplier `kb`, `mb`, `gb`, `tb` or `pb` (powers
/// of 1024). Letters ignore case. `None` when the word is not a numeric literal.
pub(super) fn numeral(word: &str) -> Option<Numeral> {
    let lower = word.to_ascii_lowercase();
    let (negative, rest) = match lower.as_bytes().first()? {
        b'-' => (true, &lower[1..]),
        b'+' => (false, &lower[1..]),
        _ => (false, lower.as_str()),
    };
    let (rest, multiplier) = [("kb", 1), ("mb", 2), ("gb", 3), ("tb", 4), ("pb", 5)]
        .into_iter()
        .find_map(|(suffix, power)| rest.strip_suffix(suffix).map(|r| (r, 1024_i64.pow(power))))
        .unwrap_or((rest, 1));
    let value = if let Some(digits) = rest.strip_prefix("0x") {
        let (digits, long) = match digits.strip_suffix('l') {
            Some(digits) => (digits, true),
            None => (digits, false),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let Ok(bits) = u64::from_str_radix(digits, 16) else {
            return Some(Numeral::OutOfRange);
        };
        // A hexadecimal literal is the bit pattern of an `int` when it fits 32 bits and of a
        // `long` otherwise, so `0xFFFFFFFF` is -1; the `l` suffix makes it a `long` at once. The
        // casts reinterpret the bits, as PowerShell does.
        #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]
        let value = match u32::try_from(bits) {
            Ok(small) if !long => i64::from(small as i32),
            _ => bits as i64,
        };
        Numeral::Whole(value)
    } else {
        let mantissa = rest
            .strip_suffix('l')
            .or_else(|| rest.strip_suffix('d'))
            .unwrap_or(rest);
        let (significand, exponent) = match mantissa.split_once('e') {
            Some((significand, exponent)) => (significand, Some(exponent)),
            None => (mantissa, None),
        };
        let (whole, fraction) = significand.split_once('.').unwrap_or((significand, ""));
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        let exponent_valid = exponent.is_none_or(|e| {
            let e = e.strip_prefix(['+', '-']).unwrap_or(e);
            !e.is_empty() && digits(e)
        });
        if whole.len() + fraction.len() == 0
            || !digits(whole)
            || !digits(fraction)
            || !exponent_valid
        {
            return None;
        }
        if exponent.is_none() && !significand.contains('.') {
            match whole.parse::<i64>() {
                Ok(n) => Numeral::Whole(n),
                Err(_) => return Some(Numeral::OutOfRange),
            }
        } else {
            return Some(exact(whole, fraction, exponent, multiplier, negative));
        }
    };
    let Numeral::Whole(value) = value else {
        return Some(value);
    };
    let value = value
        .checked_mul(multiplier)
        .and_then(|v| if negative { v.checked_neg() } else { Some(v) });
    Some(value.map_or(Numeral::OutOfRange, Numeral::Whole))
}

/// The value of a decimal literal with a fraction or an exponent, `whole.fraction` times ten to
/// `exponent` times `multiplier`, computed exactly in integers (no floating point, which would
/// bring the float parser into the WebAssembly build): a whole number when it is one and fits a
/// `long`, as PowerShell converts it.
fn exact(
    whole: &str,
    fraction: &str,
    exponent: Option<&str>,
    multiplier: i64,
    negative: bool,
) -> Numeral {
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Numeral::Whole(0);
    }
    let trimmed = significant.trim_end_matches('0');
    // An exponent too long to read is far beyond any `long`, or far below one.
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => e
            .parse()
            .unwrap_or(if e.starts_with('-') { -1000 } else { 1000 }),
    };
    let scale = exponent
        .saturating_sub(i64::try_from(fraction.len()).unwrap_or(i64::MAX))
        .saturating_add(i64::try_from(significant.len() - trimmed.len()).unwrap_or(0));
    let (Ok(mantissa), Ok(multiplier)) = (trimmed.parse::<u128>(), u128::try_from(multiplier))
    else {
        return if scale >= 0 {
            Numeral::OutOfRange
        } else {
            Numeral::Fraction
        };
    };
    let Some(numerator) = mantissa.checked_mul(multiplier) else {
        return Numeral::OutOfRange;
    };
    let value = if scale >= 0 {
        u32::try_from(scale)
            .ok()
            .and_then(|scale| 10u128.checked_pow(scale))
            .and_then(|power| numerator.checked_mul(power))
    } else {
        match u32::try_from(-scale)
            .ok()
            .and_then(|s| 10u128.checked_pow(s))
        {
            Some(divisor) if numerator % divisor == 0 => Some(numerator / divisor),
            _ => return Numeral::Fraction,
        }
    };
    match value.and_then(|v| i64::try_from(v).ok()) {
        Some(v) if negative => Numeral::Whole(-v),
        Some(v) => Numeral::Whole(v),
        None => Numeral::OutOfRange,
    }
}

/// `@('a', 'b')` and `@('a'; 'b')` both give two items; an inner array is spliced in, as
/// PowerShell does for array subexpressions.
fn flatten(items: Vec<Expr>) -> Vec<Expr> {
    let mut flat = Vec::with_capacity(items.len());
    for item in items {
        match item.kind {
            ExprKind::Array(inner) => flat.extend(inner),
            _ => flat.push(item),
        }
    }
    flat
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_literals_are_read_exactly() {
        for (text, expected) in [
            ("1.5kb", Numeral::Whole(1536)),
            ("10e-1", Numeral::Whole(1)),
            ("-2.5e1", Numeral::Whole(-25)),
            ("0.0e5", Numeral::Whole(0)),
            ("2.5E+2", Numeral::Whole(250)),
            ("0.5", Numeral::Fraction),
            ("1e-1", Numeral::Fraction),
            ("1e-99999999999", Numeral::Fraction),
            ("9.3e18", Numeral::OutOfRange),
            ("1e99999999999", Numeral::OutOfRange),
            ("9223372036854775807.0", Numeral::Whole(i64::MAX)),
            ("9223372036854775808.0", Numeral::OutOfRange),
        ] {
            assert_eq!(numeral(text), Some(expected), "{text}");
        }
    }

    fn parse(text: &str) -> Vec<Command> {
        Parser::new(text).commands().unwrap()
    }

    fn value(command: &Command, index: usize) -> &ExprKind {
        match &command.arguments[index] {
            Argument::Parameter { value: Some(v), .. } | Argument::Value(v) => &v.kind,
            Argument::Parameter { value: None, .. } => panic!("no value"),
        }
    }

    #[test]
    fn verbatim_strings_follow_powershell() {
        let commands = parse("New-X 'it''s' ‘smart’’s’ 'a\nb'");
        assert_eq!(*value(&commands[0], 0), ExprKind::Quoted("it's".into()));
        assert_eq!(*value(&commands[0], 1), ExprKind::Quoted("smart’s".into()));
        assert_eq!(*value(&commands[0], 2), ExprKind::Quoted("a\nb".into()));
    }

    #[test]
    fn expandable_strings_unescape_and_refuse_variables() {
        let commands = parse(r#"New-X "a`tb ""q"" `$x costs 5$""#);
        assert_eq!(
            *value(&commands[0], 0),
            ExprKind::Quoted("a\tb \"q\" $x costs 5$".into())
        );
        let error = Parser::new(r#"New-X "hello $name""#)
            .commands()
            .unwrap_err();
        assert!(matches!(
            error.kind(),
            ReadErrorKind::UnsupportedSyntax { .. }
        ));
    }

    #[test]
    fn arrays_hashes_and_continuations() {
        let commands = parse(
            "Set-X -Identity fabrikam.com `\n  -AdditionalDomains @{Add='a','b'; Remove=\"c\"} -Force\n\
             New-X a.com -AdditionalDomains @('x',\n 'y') -EnableKeepAlive:$false # comment\n\
             <# block\ncomment #> Remove-X 'a.com'; Remove-X b.com",
        );
        assert_eq!(commands.len(), 4, "{commands:#?}");
        // The binder pairs `-Name` with the value after it; here they are separate arguments.
        assert_eq!(commands[0].arguments.len(), 5);
        let ExprKind::Hash(entries) = value(&commands[0], 3) else {
            panic!()
        };
        assert_eq!(entries[0].0, "Add");
        assert!(matches!(entries[0].1.kind, ExprKind::Array(ref items) if items.len() == 2));
        assert!(matches!(value(&commands[1], 2), ExprKind::Array(items) if items.len() == 2));
        assert_eq!(*value(&commands[1], 3), ExprKind::Bool(false));
        assert_eq!(commands[3].position.line, 6);
    }

    #[test]
    fn refuses_what_it_cannot_evaluate() {
        for script in [
            "Get-X | Set-X -Force",
            "$p = 1",
            "New-X -Identity $domain",
            "New-X { script }",
            "New-X 'unclosed",
            "New-X @(1, 2",
        ] {
            assert!(Parser::new(script).commands().is_err(), "{script}");
        }
    }
}
