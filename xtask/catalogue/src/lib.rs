//! Compiles the text catalogue into Rust.
//!
//! The catalogue is `catalogue/<language>/<crate>/<area>.ftl`: one folder per language, and in
//! it one Fluent file per area of a crate (`core`, `cli`, `probe`, `web`). English (`en`) is the
//! source; every other language must have every English key, no other key, and the same
//! placeholders. Each area becomes `<crate>/src/catalogue/<area>.rs`: a constructor per key,
//! taking the placeholders as arguments, and a static table of the text in every language,
//! split into text, arguments and select expressions. Nothing is parsed at run time.
//!
//! Fluent features: text, `{ $variable }`, string and number literals, references to other
//! messages and to terms (inlined when generating), and select expressions on a variable, whose
//! keys are CLDR plural categories (`one`, `other`, …), exact numbers (`[0]`) or words (matched
//! against a text argument). Functions and term arguments are refused.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

/// The languages, in the order of the core's `Language::ALL`. The first is the source.
pub const LANGUAGES: [&str; 2] = ["en", "de"];

/// The crates that have a catalogue, and how their generated code names the core crate.
const CRATES: [(&str, &str); 4] = [
    ("core", "crate"),
    ("cli", "xmpp_federation"),
    ("probe", "xmpp_federation"),
    ("web", "xmpp_federation"),
];

const PLURAL_CATEGORIES: [(&str, &str); 6] = [
    ("zero", "Zero"),
    ("one", "One"),
    ("two", "Two"),
    ("few", "Few"),
    ("many", "Many"),
    ("other", "Other"),
];

/// The most placeholders one entry may have: each is written as one character from `0`.
const MAX_ARGUMENTS: usize = 40;

/// How deep references to other messages and terms may nest.
const MAX_REFERENCE_DEPTH: usize = 8;

/// A piece of a text, in one language.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Variable(String),
    Select {
        variable: String,
        variants: Vec<(VariantKey, Vec<Piece>)>,
        /// The index of the default variant in `variants`.
        default: usize,
    },
}

/// The key of a variant.
#[derive(Debug, Clone, PartialEq)]
pub enum VariantKey {
    Plural(&'static str),
    Number(u64),
    Word(String),
}

/// One entry: a key and its text in each language.
#[derive(Debug, Clone)]
pub struct CatalogueEntry {
    pub key: String,
    /// Per language of [`LANGUAGES`].
    pub text: Vec<Vec<Piece>>,
    /// The placeholders, in the order they first appear in the English text.
    pub args: Vec<String>,
}

/// An area of a crate: `catalogue/*/<crate>/<area>.ftl`.
#[derive(Debug, Clone)]
pub struct Area {
    pub krate: String,
    pub name: String,
    pub entries: Vec<CatalogueEntry>,
}

/// The whole catalogue, read and checked.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub areas: Vec<Area>,
}

/// A file of one language, parsed.
struct Source {
    path: String,
    resource: ast::Resource<String>,
}

/// Reads and checks the catalogue under `root` (the workspace root). The error lists every
/// problem, one per line, with the file.
pub fn read(root: &Path) -> Result<Catalogue, String> {
    let base = root.join("catalogue");
    let mut problems = Vec::new();
    // Every language folder is one of LANGUAGES.
    let present = subdirectories(&base).map_err(|e| format!("{}: {e}", base.display()))?;
    for language in &present {
        if !LANGUAGES.contains(&language.as_str()) {
            problems.push(format!(
                "catalogue/{language}: not a language of the core; add it to `Language` \
                 (core/src/language.rs) and to LANGUAGES in xtask/catalogue/src/lib.rs"
            ));
        }
    }
    // Areas come from the source language.
    let mut areas = Vec::new();
    let mut sources: Vec<Vec<Source>> = LANGUAGES.iter().map(|_| Vec::new()).collect();
    for (krate, _) in CRATES {
        let folder = base.join(LANGUAGES[0]).join(krate);
        for name in ftl_files(&folder).map_err(|e| format!("{}: {e}", folder.display()))? {
            for (index, language) in LANGUAGES.iter().enumerate() {
                let path = format!("catalogue/{language}/{krate}/{name}.ftl");
                match fs::read_to_string(root.join(&path)) {
                    Ok(text) => match fluent_syntax::parser::parse(text.clone()) {
                        Ok(resource) => sources[index].push(Source { path, resource }),
                        Err((_, errors)) => {
                            for error in errors {
                                let line = text[..error.pos.start.min(text.len())]
                                    .matches('\n')
                                    .count()
                                    + 1;
                                problems.push(format!("{path}:{line}: {}", error.kind));
                            }
                        }
                    },
                    Err(e) => problems.push(format!(
                        "{path}: cannot read ({e}); every language has every area"
                    )),
                }
            }
            areas.push((krate.to_owned(), name));
        }
        // A file in another language with no English counterpart.
        for language in &LANGUAGES[1..] {
            let other = base.join(language).join(krate);
            for name in ftl_files(&other).unwrap_or_default() {
                if !areas.iter().any(|(k, n)| k == krate && *n == name) {
                    problems.push(format!(
                        "catalogue/{language}/{krate}/{name}.ftl: no English file \
                         catalogue/en/{krate}/{name}.ftl"
                    ));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    // Every language's messages and terms, by id, for references.
    let tables: Vec<Tables> = sources.iter().map(|files| Tables::new(files)).collect();
    for (index, table) in tables.iter().enumerate() {
        for (key, paths) in &table.duplicates {
            problems.push(format!(
                "`{key}` is defined more than once in {}: {}",
                LANGUAGES[index],
                paths.join(", ")
            ));
        }
    }
    let mut out = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (krate, name) in &areas {
        let english_path = format!("catalogue/en/{krate}/{name}.ftl");
        let mut entries = Vec::new();
        let Some(english) = sources[0].iter().find(|s| s.path == english_path) else {
            continue;
        };
        let keys = keys_of(&english.resource);
        for key in &keys {
            let rust = rust_name(key);
            if let Some(other) = names.insert(rust.clone(), key.clone()) {
                problems.push(format!(
                    "{english_path}: `{key}` and `{other}` are both `{rust}` in Rust; rename one"
                ));
            }
            let mut text = Vec::new();
            for (index, language) in LANGUAGES.iter().enumerate() {
                let path = format!("catalogue/{language}/{krate}/{name}.ftl");
                let file = sources[index].iter().find(|s| s.path == path);
                let pattern = file.and_then(|f| pattern_of(&f.resource, key));
                match pattern {
                    None => {
                        problems.push(format!("{path}: `{key}` is missing"));
                        text.push(Vec::new());
                    }
                    Some(pattern) => match compile(pattern, &tables[index], 0) {
                        Ok(pieces) => text.push(pieces),
                        Err(problem) => {
                            problems.push(format!("{path}: `{key}`: {problem}"));
                            text.push(Vec::new());
                        }
                    },
                }
            }
            let args = variables(&text[0]);
            if args.len() > MAX_ARGUMENTS {
                problems.push(format!(
                    "{english_path}: `{key}` has {} placeholders; at most {MAX_ARGUMENTS}",
                    args.len()
                ));
            }
            for (index, language) in LANGUAGES.iter().enumerate() {
                if has_marker(&text[index]) {
                    problems.push(format!(
                        "catalogue/{language}/{krate}/{name}.ftl: `{key}` contains a control \
                         character U+0001 to U+0005, which the compiled form uses as a marker"
                    ));
                }
            }
            let english_set: BTreeSet<&String> = args.iter().collect();
            for (index, language) in LANGUAGES.iter().enumerate().skip(1) {
                let set: BTreeSet<String> = variables(&text[index]).into_iter().collect();
                for unknown in set.iter().filter(|v| !english_set.contains(v)) {
                    problems.push(format!(
                        "catalogue/{language}/{krate}/{name}.ftl: `{key}` uses the placeholder \
                         `${unknown}`, which the English text does not have"
                    ));
                }
                for missing in english_set.iter().filter(|v| !set.contains(**v)) {
                    problems.push(format!(
                        "catalogue/{language}/{krate}/{name}.ftl: `{key}` does not use the \
                         placeholder `${missing}` of the English text"
                    ));
                }
            }
            entries.push(CatalogueEntry {
                key: key.clone(),
                text,
                args,
            });
        }
        // Keys another language has that English does not.
        for (index, language) in LANGUAGES.iter().enumerate().skip(1) {
            let path = format!("catalogue/{language}/{krate}/{name}.ftl");
            if let Some(file) = sources[index].iter().find(|s| s.path == path) {
                for key in keys_of(&file.resource) {
                    if !keys.contains(&key) {
                        problems.push(format!(
                            "{path}: `{key}` is not in the English file {english_path}"
                        ));
                    }
                }
            }
        }
        out.push(Area {
            krate: krate.clone(),
            name: name.clone(),
            entries,
        });
    }
    if problems.is_empty() {
        Ok(Catalogue { areas: out })
    } else {
        Err(problems.join("\n"))
    }
}

fn subdirectories(path: &Path) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(path)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}

fn ftl_files(folder: &Path) -> std::io::Result<Vec<String>> {
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut names = Vec::new();
    for entry in fs::read_dir(folder)? {
        let path: PathBuf = entry?.path();
        if path.extension().is_some_and(|e| e == "ftl")
            && let Some(stem) = path.file_stem()
        {
            names.push(stem.to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// The messages and terms of one language, by id.
struct Tables<'a> {
    messages: HashMap<&'a str, &'a ast::Message<String>>,
    terms: HashMap<&'a str, &'a ast::Term<String>>,
    duplicates: BTreeMap<String, Vec<String>>,
}

impl<'a> Tables<'a> {
    fn new(files: &'a [Source]) -> Self {
        let mut messages = HashMap::new();
        let mut terms = HashMap::new();
        let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for file in files {
            for entry in &file.resource.body {
                match entry {
                    ast::Entry::Message(m) => {
                        messages.insert(m.id.name.as_str(), m);
                        seen.entry(m.id.name.clone())
                            .or_default()
                            .push(file.path.clone());
                    }
                    ast::Entry::Term(t) => {
                        terms.insert(t.id.name.as_str(), t);
                        seen.entry(format!("-{}", t.id.name))
                            .or_default()
                            .push(file.path.clone());
                    }
                    _ => {}
                }
            }
        }
        seen.retain(|_, paths| paths.len() > 1);
        Tables {
            messages,
            terms,
            duplicates: seen,
        }
    }
}

/// The keys of a file, in order: a message's value is `id`, its attributes `id.attribute`.
fn keys_of(resource: &ast::Resource<String>) -> Vec<String> {
    let mut keys = Vec::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            if m.value.is_some() {
                keys.push(m.id.name.clone());
            }
            for attribute in &m.attributes {
                keys.push(format!("{}.{}", m.id.name, attribute.id.name));
            }
        }
    }
    keys
}

fn pattern_of<'a>(
    resource: &'a ast::Resource<String>,
    key: &str,
) -> Option<&'a ast::Pattern<String>> {
    let (id, attribute) = match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    };
    resource.body.iter().find_map(|entry| match entry {
        ast::Entry::Message(m) if m.id.name == id => match attribute {
            None => m.value.as_ref(),
            Some(a) => m
                .attributes
                .iter()
                .find(|x| x.id.name == a)
                .map(|x| &x.value),
        },
        _ => None,
    })
}

fn compile(
    pattern: &ast::Pattern<String>,
    tables: &Tables<'_>,
    depth: usize,
) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => push_text(&mut pieces, value),
            ast::PatternElement::Placeable { expression } => {
                compile_expression(expression, tables, depth, &mut pieces)?;
            }
        }
    }
    Ok(pieces)
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(text);
    } else {
        pieces.push(Piece::Text(text.to_owned()));
    }
}

fn compile_expression(
    expression: &ast::Expression<String>,
    tables: &Tables<'_>,
    depth: usize,
    pieces: &mut Vec<Piece>,
) -> Result<(), String> {
    match expression {
        ast::Expression::Inline(inline) => compile_inline(inline, tables, depth, pieces),
        ast::Expression::Select { selector, variants } => {
            let ast::InlineExpression::VariableReference { id } = selector else {
                return Err("a select expression selects on a `$variable` only".to_owned());
            };
            let mut compiled = Vec::new();
            let mut default = 0;
            for (index, variant) in variants.iter().enumerate() {
                let key = match &variant.key {
                    ast::VariantKey::Identifier { name } => {
                        match PLURAL_CATEGORIES.iter().find(|(c, _)| c == name) {
                            Some((_, rust)) => VariantKey::Plural(rust),
                            None => VariantKey::Word(name.clone()),
                        }
                    }
                    ast::VariantKey::NumberLiteral { value } => {
                        VariantKey::Number(value.parse().map_err(|_| {
                            format!("variant key `[{value}]`: use a whole number, such as [0]")
                        })?)
                    }
                };
                if variant.default {
                    default = index;
                }
                compiled.push((key, compile(&variant.value, tables, depth)?));
            }
            pieces.push(Piece::Select {
                variable: id.name.clone(),
                variants: compiled,
                default,
            });
            Ok(())
        }
    }
}

fn compile_inline(
    inline: &ast::InlineExpression<String>,
    tables: &Tables<'_>,
    depth: usize,
    pieces: &mut Vec<Piece>,
) -> Result<(), String> {
    match inline {
        ast::InlineExpression::StringLiteral { value } => {
            push_text(
                pieces,
                &fluent_syntax::unicode::unescape_unicode_to_string(value),
            );
            Ok(())
        }
        ast::InlineExpression::NumberLiteral { value } => {
            push_text(pieces, value);
            Ok(())
        }
        ast::InlineExpression::VariableReference { id } => {
            pieces.push(Piece::Variable(id.name.clone()));
            Ok(())
        }
        ast::InlineExpression::Placeable { expression } => {
            compile_expression(expression, tables, depth, pieces)
        }
        ast::InlineExpression::FunctionReference { id, .. } => Err(format!(
            "the function `{}()` is not supported: pass the value formatted, or select on it",
            id.name
        )),
        ast::InlineExpression::MessageReference { id, attribute } => {
            if depth >= MAX_REFERENCE_DEPTH {
                return Err(format!("references nest deeper than {MAX_REFERENCE_DEPTH}"));
            }
            let message = tables
                .messages
                .get(id.name.as_str())
                .ok_or_else(|| format!("refers to `{}`, which does not exist", id.name))?;
            let pattern = match attribute {
                None => message.value.as_ref(),
                Some(a) => message
                    .attributes
                    .iter()
                    .find(|x| x.id.name == a.name)
                    .map(|x| &x.value),
            }
            .ok_or_else(|| format!("refers to `{}`, which has no such text", id.name))?;
            for piece in compile(pattern, tables, depth + 1)? {
                match piece {
                    Piece::Text(text) => push_text(pieces, &text),
                    other => pieces.push(other),
                }
            }
            Ok(())
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            if arguments.is_some() || attribute.is_some() {
                return Err(format!(
                    "`-{}`: term arguments and attributes are not supported",
                    id.name
                ));
            }
            if depth >= MAX_REFERENCE_DEPTH {
                return Err(format!("references nest deeper than {MAX_REFERENCE_DEPTH}"));
            }
            let term = tables.terms.get(id.name.as_str()).ok_or_else(|| {
                format!("refers to the term `-{}`, which does not exist", id.name)
            })?;
            for piece in compile(&term.value, tables, depth + 1)? {
                match piece {
                    Piece::Text(text) => push_text(pieces, &text),
                    other => pieces.push(other),
                }
            }
            Ok(())
        }
    }
}

/// Whether a text holds a character that the compiled form uses as a marker.
fn has_marker(pieces: &[Piece]) -> bool {
    let marker = |text: &str| text.chars().any(|c| ('\u{1}'..='\u{5}').contains(&c));
    pieces.iter().any(|piece| match piece {
        Piece::Text(text) => marker(text),
        Piece::Variable(_) => false,
        Piece::Select { variants, .. } => variants.iter().any(|(key, pieces)| {
            matches!(key, VariantKey::Word(w) if marker(w)) || has_marker(pieces)
        }),
    })
}

/// The variables of a text, in the order they first appear.
fn variables(pieces: &[Piece]) -> Vec<String> {
    fn walk(pieces: &[Piece], out: &mut Vec<String>) {
        for piece in pieces {
            match piece {
                Piece::Text(_) => {}
                Piece::Variable(name) => {
                    if !out.contains(name) {
                        out.push(name.clone());
                    }
                }
                Piece::Select {
                    variable, variants, ..
                } => {
                    if !out.contains(variable) {
                        out.push(variable.clone());
                    }
                    for (_, pieces) in variants {
                        walk(pieces, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(pieces, &mut out);
    out
}

/// The Rust name of a key or a placeholder: lowercase, with `_` for `-` and `.`.
pub fn rust_name(key: &str) -> String {
    let name: String = key
        .chars()
        .map(|c| match c {
            '-' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    const KEYWORDS: [&str; 38] = [
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move",
        "mut", "pub", "ref", "return", "static", "struct", "super", "trait", "true", "type",
        "unsafe", "use", "where", "while", "abstract", "gen",
    ];
    if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// The generated files: (path relative to the workspace root, content).
pub fn generate(catalogue: &Catalogue) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (krate, core) in CRATES {
        let areas: Vec<&Area> = catalogue
            .areas
            .iter()
            .filter(|a| a.krate == krate)
            .collect();
        if areas.is_empty() {
            continue;
        }
        let mut module = header(krate, "*");
        module
            .push_str("//! The texts of this crate, from the catalogue: one module per area.\n\n");
        for area in &areas {
            let _ = writeln!(module, "pub(crate) mod {};", rust_name(&area.name));
        }
        let _ = writeln!(
            module,
            "\n/// Every entry of this crate's catalogue, with its key and argument names, for the\n\
             /// tests (`{core}::message::check`).\n#[cfg(test)]\n\
             pub(crate) static ENTRIES: &[{core}::message::Listed] = &["
        );
        for area in &areas {
            for entry in &area.entries {
                let _ = writeln!(
                    module,
                    "    {core}::message::Listed {{ key: {:?}, args: &[{}], entry: &{}::{} }},",
                    entry.key,
                    entry
                        .args
                        .iter()
                        .map(|a| format!("{a:?}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    rust_name(&area.name),
                    static_name(&entry.key)
                );
            }
        }
        module.push_str("];\n");
        files.push((format!("{krate}/src/catalogue/mod.rs"), module));
        for area in areas {
            files.push((
                format!("{krate}/src/catalogue/{}.rs", rust_name(&area.name)),
                area_module(area, core),
            ));
        }
    }
    files
}

fn header(krate: &str, area: &str) -> String {
    format!(
        "// @generated by `cargo xtask catalogue` from catalogue/*/{krate}/{area}.ftl.\n\
         // Do not edit: change the catalogue and run it again.\n"
    )
}

fn static_name(key: &str) -> String {
    rust_name(key).trim_start_matches("r#").to_ascii_uppercase()
}

fn area_module(area: &Area, core: &str) -> String {
    let mut out = header(&area.krate, &area.name);
    let _ = writeln!(
        out,
        "//! The texts of `catalogue/*/{}/{}.ftl`.\n\n\
         #![allow(clippy::all)]\n\n\
         use {core}::message::{{Arg, Entry, Message}};\n",
        area.krate, area.name
    );
    for entry in &area.entries {
        let name = rust_name(&entry.key);
        let params: Vec<String> = entry
            .args
            .iter()
            .map(|a| format!("{}: impl Into<Arg>", rust_name(a)))
            .collect();
        let values: Vec<String> = entry
            .args
            .iter()
            .map(|a| format!("{}.into()", rust_name(a)))
            .collect();
        let _ = writeln!(out, "/// `{}`:\n///\n/// ```text", entry.key);
        for line in source_form(&entry.text[0]).lines() {
            let _ = writeln!(out, "/// {line}");
        }
        let _ = writeln!(out, "/// ```");
        let _ = writeln!(
            out,
            "#[allow(unused_imports)]\npub(crate) fn {name}({}) -> Message {{\n    \
             Message::new(&{}, vec![{}])\n}}\n",
            params.join(", "),
            static_name(&entry.key),
            values.join(", ")
        );
        let _ = writeln!(
            out,
            "pub(crate) static {}: Entry = Entry {{\n    text: [",
            static_name(&entry.key),
        );
        for text in &entry.text {
            let _ = writeln!(out, "        {:?},", encode(text, &entry.args));
        }
        out.push_str("    ],\n};\n\n");
    }
    if !out.contains("impl Into<Arg>") {
        out = out.replace("Arg, ", "");
    }
    out = out.replace("#[allow(unused_imports)]\n", "");
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A text in the compiled form that `xmpp_federation::message` reads: the text, with
/// `\u{1}`*i* for argument *i* and `\u{2}`*i* (`\u{3}`*key*`\u{4}`*text*)… `\u{5}` for a select.
fn encode(pieces: &[Piece], args: &[String]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Variable(name) => {
                out.push('\u{1}');
                out.push(argument(args, name));
            }
            Piece::Select {
                variable,
                variants,
                default,
            } => {
                out.push('\u{2}');
                out.push(argument(args, variable));
                for (i, (key, pieces)) in variants.iter().enumerate() {
                    out.push('\u{3}');
                    if i == *default {
                        out.push('*');
                    } else {
                        match key {
                            VariantKey::Plural(p) => {
                                let digit = PLURAL_CATEGORIES
                                    .iter()
                                    .position(|(_, rust)| rust == p)
                                    .unwrap_or_default();
                                let _ = write!(out, "#{digit}");
                            }
                            VariantKey::Number(n) => {
                                let _ = write!(out, "={n}");
                            }
                            VariantKey::Word(w) => {
                                let _ = write!(out, "~{w}");
                            }
                        }
                    }
                    out.push('\u{4}');
                    out.push_str(&encode(pieces, args));
                }
                out.push('\u{5}');
            }
        }
    }
    out
}

/// The character that stands for an argument: `'0'` plus its index.
fn argument(args: &[String], name: &str) -> char {
    char::from(b'0' + u8::try_from(index(args, name)).unwrap_or_default())
}

fn index(args: &[String], name: &str) -> usize {
    args.iter().position(|a| a == name).unwrap_or_default()
}

/// A text written back in Fluent's syntax, for the generated code's documentation.
fn source_form(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Variable(name) => {
                let _ = write!(out, "{{ ${name} }}");
            }
            Piece::Select {
                variable,
                variants,
                default,
            } => {
                let _ = write!(out, "{{ ${variable} ->");
                for (index, (key, pieces)) in variants.iter().enumerate() {
                    let star = if index == *default { "*" } else { "" };
                    let key = match key {
                        VariantKey::Plural(p) => p.to_ascii_lowercase(),
                        VariantKey::Number(n) => n.to_string(),
                        VariantKey::Word(w) => w.clone(),
                    };
                    let _ = write!(out, " {star}[{key}] {}", source_form(pieces));
                }
                out.push_str(" }");
            }
        }
    }
    out
}

/// Words per language, per area and in all, for `cargo xtask catalogue --stats`.
pub fn stats(catalogue: &Catalogue) -> String {
    let mut out = String::new();
    let _ = write!(out, "{:<24} {:>6}", "area", "keys");
    for language in LANGUAGES {
        let _ = write!(out, " {:>8}", format!("words {language}"));
    }
    out.push('\n');
    let mut total_keys = 0;
    let mut totals = [0usize; LANGUAGES.len()];
    for area in &catalogue.areas {
        let _ = write!(
            out,
            "{:<24} {:>6}",
            format!("{}/{}", area.krate, area.name),
            area.entries.len()
        );
        total_keys += area.entries.len();
        for (index, total) in totals.iter_mut().enumerate() {
            let words: usize = area.entries.iter().map(|e| words(&e.text[index])).sum();
            *total += words;
            let _ = write!(out, " {words:>8}");
        }
        out.push('\n');
    }
    let _ = write!(out, "{:<24} {total_keys:>6}", "all");
    for total in totals {
        let _ = write!(out, " {total:>8}");
    }
    out.push('\n');
    out
}

/// The words a translator writes: in the text and in every variant.
fn words(pieces: &[Piece]) -> usize {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.split_whitespace().count(),
            Piece::Variable(_) => 0,
            Piece::Select { variants, .. } => variants.iter().map(|(_, p)| words(p)).sum(),
        })
        .sum()
}

/// Writes the generated files under `root`, or with `check`, fails when one differs. Generated
/// files that the catalogue no longer has are removed (or, with `check`, reported).
pub fn write(root: &Path, check: bool) -> Result<(), String> {
    let catalogue = read(root)?;
    let files = generate(&catalogue)
        .into_iter()
        .map(|(path, content)| rustfmt(&content).map(|c| (path, c)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut stale = Vec::new();
    for (path, content) in &files {
        let full = root.join(path);
        let current = fs::read_to_string(&full).unwrap_or_default();
        if current == *content {
            continue;
        }
        if check {
            stale.push(path.clone());
            continue;
        }
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&full, content).map_err(|e| format!("{path}: {e}"))?;
        eprintln!("catalogue: wrote {path}");
    }
    for (krate, _) in CRATES {
        let folder = root.join(krate).join("src/catalogue");
        for name in rs_files(&folder) {
            let path = format!("{krate}/src/catalogue/{name}");
            if !files.iter().any(|(p, _)| *p == path) {
                if check {
                    stale.push(path);
                } else {
                    fs::remove_file(root.join(&path)).map_err(|e| format!("{path}: {e}"))?;
                    eprintln!("catalogue: removed {path}");
                }
            }
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "out of date: {}; run `cargo xtask catalogue` and commit the result",
            stale.join(", ")
        ))
    }
}

/// `content` as `cargo fmt` writes it, so that the formatting check passes on generated files.
fn rustfmt(content: &str) -> Result<String, String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run rustfmt: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(content.as_bytes())
            .map_err(|e| format!("rustfmt: {e}"))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt refused the generated code: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("rustfmt: {e}"))
}

fn rs_files(folder: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    names.sort();
    names
}

/// `cargo xtask catalogue [--check] [--stats]`.
pub fn command(root: &Path, args: &[String]) -> Result<(), String> {
    let check = args.iter().any(|a| a == "--check");
    if let Some(unknown) = args
        .iter()
        .find(|a| !matches!(a.as_str(), "--check" | "--stats" | "catalogue"))
    {
        return Err(format!(
            "unknown argument `{unknown}`: use --check (fail when a generated file is out of \
             date) or --stats (keys and words per language)"
        ));
    }
    if args.iter().any(|a| a == "--stats") {
        print!("{}", stats(&read(root)?));
        return Ok(());
    }
    write(root, check)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalogue of `files` (path under `catalogue/`, content) in a fresh folder.
    fn catalogue(name: &str, files: &[(&str, &str)]) -> Result<Catalogue, String> {
        let root =
            std::env::temp_dir().join(format!("xtask-catalogue-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for (path, content) in files {
            let full = root.join("catalogue").join(path);
            fs::create_dir_all(full.parent().unwrap_or(&root)).map_err(|e| e.to_string())?;
            fs::write(full, content).map_err(|e| e.to_string())?;
        }
        let result = read(&root);
        let _ = fs::remove_dir_all(&root);
        result
    }

    #[test]
    fn reads_placeholders_selects_attributes_and_references() {
        let english = "-brand = Lync\n\
                       found = { $count ->\n    [0] no { -brand } partners\n    [one] one partner\n   *[other] { $count } partners\n } for { $domain }\n    .help = check { $domain }\n";
        let german = "-brand = Lync\n\
                       found = { $count ->\n    [0] keine { -brand }-Partner\n   *[other] { $count } Partner\n } für { $domain }\n    .help = prüfen Sie { $domain }\n";
        let read = catalogue(
            "good",
            &[("en/core/a.ftl", english), ("de/core/a.ftl", german)],
        );
        let read = read.unwrap_or_else(|e| panic!("{e}"));
        let entries = &read.areas[0].entries;
        assert_eq!(entries[0].key, "found");
        assert_eq!(entries[0].args, ["count", "domain"]);
        assert_eq!(entries[1].key, "found.help");
        let Piece::Select {
            variants, default, ..
        } = &entries[0].text[0][0]
        else {
            panic!("{:?}", entries[0].text[0]);
        };
        assert_eq!(variants[0].0, VariantKey::Number(0));
        assert_eq!(variants[0].1, [Piece::Text("no Lync partners".to_owned())]);
        assert_eq!(variants[1].0, VariantKey::Plural("One"));
        assert_eq!(*default, 2);
        let code = generate(&read);
        let area = &code
            .iter()
            .find(|(p, _)| p.ends_with("a.rs"))
            .unwrap_or_else(|| panic!())
            .1;
        assert!(
            area.contains("pub(crate) fn found(count: impl Into<Arg>, domain: impl Into<Arg>)")
        );
        assert!(
            area.contains(r#""\u{2}0\u{3}=0\u{4}no Lync partners\u{3}#1\u{4}one partner\u{3}*\u{4}\u{1}0 partners\u{5} for \u{1}1""#),
            "{area}"
        );
        assert!(stats(&read).contains("core/a"));
    }

    #[test]
    fn an_area_with_a_hyphen_is_a_module_of_the_same_rust_name() {
        let read = catalogue(
            "hyphen",
            &[
                ("en/web/a-b.ftl", "one = One\n"),
                ("de/web/a-b.ftl", "one = Eins\n"),
            ],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let files = generate(&read);
        assert!(files[0].1.contains("pub(crate) mod a_b;"), "{}", files[0].1);
        assert_eq!(files[1].0, "web/src/catalogue/a_b.rs");
    }

    #[test]
    fn refuses_a_missing_translation() {
        let error = catalogue(
            "missing",
            &[
                ("en/core/a.ftl", "one = One\ntwo = Two\n"),
                ("de/core/a.ftl", "one = Eins\n"),
            ],
        )
        .unwrap_err();
        assert_eq!(error, "catalogue/de/core/a.ftl: `two` is missing");
    }

    #[test]
    fn refuses_a_missing_file() {
        let error = catalogue("file", &[("en/web/a.ftl", "one = One\n")]).unwrap_err();
        assert!(
            error.starts_with("catalogue/de/web/a.ftl: cannot read"),
            "{error}"
        );
    }

    #[test]
    fn refuses_an_unknown_or_forgotten_placeholder() {
        let error = catalogue(
            "placeholder",
            &[
                ("en/core/a.ftl", "one = partner { $domain }\n"),
                ("de/core/a.ftl", "one = Partner { $domian }\n"),
            ],
        )
        .unwrap_err();
        assert_eq!(
            error,
            "catalogue/de/core/a.ftl: `one` uses the placeholder `$domian`, which the English \
             text does not have\ncatalogue/de/core/a.ftl: `one` does not use the placeholder \
             `$domain` of the English text"
        );
    }

    #[test]
    fn refuses_a_marker_character_in_a_text() {
        let error = catalogue(
            "marker",
            &[
                ("en/core/a.ftl", "one = a\u{2}b\n"),
                ("de/core/a.ftl", "one = x\n"),
            ],
        )
        .unwrap_err();
        assert!(
            error.contains("`one` contains a control character U+0001"),
            "{error}"
        );
    }

    #[test]
    fn refuses_a_key_english_does_not_have() {
        let error = catalogue(
            "extra",
            &[
                ("en/core/a.ftl", "one = One\n"),
                ("de/core/a.ftl", "one = Eins\nzwei = Zwei\n"),
            ],
        )
        .unwrap_err();
        assert_eq!(
            error,
            "catalogue/de/core/a.ftl: `zwei` is not in the English file catalogue/en/core/a.ftl"
        );
    }

    #[test]
    fn refuses_syntax_errors_functions_and_unknown_references() {
        let error = catalogue(
            "syntax",
            &[
                ("en/core/a.ftl", "one = { $n\n"),
                ("de/core/a.ftl", "one = x\n"),
            ],
        )
        .unwrap_err();
        assert!(
            error.starts_with("catalogue/en/core/a.ftl:2: Expected"),
            "{error}"
        );
        let error = catalogue(
            "function",
            &[
                ("en/core/a.ftl", "one = { NUMBER($n) }\ntwo = { three }\n"),
                ("de/core/a.ftl", "one = x\ntwo = y\n"),
            ],
        )
        .unwrap_err();
        assert!(error.contains("`NUMBER()` is not supported"), "{error}");
        assert!(
            error.contains("refers to `three`, which does not exist"),
            "{error}"
        );
    }

    #[test]
    fn refuses_keys_that_meet_in_rust_and_unknown_languages() {
        let error = catalogue(
            "names",
            &[
                ("en/core/a.ftl", "a-b = x\na_b = y\n"),
                ("de/core/a.ftl", "a-b = x\na_b = y\n"),
            ],
        )
        .unwrap_err();
        assert!(error.contains("are both `a_b` in Rust"), "{error}");
        let error = catalogue(
            "language",
            &[
                ("en/core/a.ftl", "a = x\n"),
                ("de/core/a.ftl", "a = x\n"),
                ("fr/core/a.ftl", "a = x\n"),
            ],
        )
        .unwrap_err();
        assert!(
            error.starts_with("catalogue/fr: not a language of the core"),
            "{error}"
        );
    }
}
