//! Syntax highlighting of the trace's XML: tag names, attribute names, attribute values, text.
//! The XML is the core's, well-formed and escaped; this only colours it, and any text it does
//! not recognise is shown as it is.

use yew::{Html, html};

/// One coloured piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<`, `</`, `>`, `/>`, `=`, `<?`, `?>`.
    Punctuation(&'a str),
    /// An element name, with its prefix.
    Name(&'a str),
    /// An attribute name, `xmlns` declarations included.
    Attribute(&'a str),
    /// A quoted attribute value, quotes included.
    Value(&'a str),
    /// Character data, and anything else.
    Text(&'a str),
}

/// Splits XML into tokens. The concatenation of the tokens is the input.
pub fn tokens(xml: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(start) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if start > 0 {
            out.push(Token::Text(&rest[..start]));
        }
        rest = &rest[start..];
        let Some(end) = rest.find('>') else {
            out.push(Token::Text(rest));
            break;
        };
        tag(&rest[..=end], &mut out);
        rest = &rest[end + 1..];
    }
    out
}

/// The tokens of one tag, from `<` to `>`.
fn tag<'a>(text: &'a str, out: &mut Vec<Token<'a>>) {
    let open = if text.starts_with("</") || text.starts_with("<?") {
        2
    } else {
        1
    };
    let close = if text.ends_with("/>") || text.ends_with("?>") {
        2
    } else {
        1
    };
    if text.len() < open + close {
        out.push(Token::Text(text));
        return;
    }
    out.push(Token::Punctuation(&text[..open]));
    let inner = &text[open..text.len() - close];
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    out.push(Token::Name(&inner[..name_end]));
    let mut rest = &inner[name_end..];
    while !rest.is_empty() {
        let trimmed = rest.trim_start();
        if trimmed.len() < rest.len() {
            out.push(Token::Text(&rest[..rest.len() - trimmed.len()]));
            rest = trimmed;
            continue;
        }
        let Some(equals) = rest.find('=') else {
            out.push(Token::Text(rest));
            break;
        };
        out.push(Token::Attribute(&rest[..equals]));
        out.push(Token::Punctuation("="));
        rest = &rest[equals + 1..];
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
        let Some(quote) = quote else {
            out.push(Token::Text(rest));
            break;
        };
        let value_end = rest[1..].find(quote).map_or(rest.len(), |i| i + 2);
        out.push(Token::Value(&rest[..value_end]));
        rest = &rest[value_end..];
    }
    out.push(Token::Punctuation(&text[text.len() - close..]));
}

/// The XML as highlighted HTML.
pub fn xml(text: &str) -> Html {
    tokens(text)
        .into_iter()
        .map(|token| match token {
            Token::Punctuation(t) => html! { <span class="x-p">{ t }</span> },
            Token::Name(t) => html! { <span class="x-n">{ t }</span> },
            Token::Attribute(t) => html! { <span class="x-a">{ t }</span> },
            Token::Value(t) => html! { <span class="x-v">{ t }</span> },
            Token::Text(t) => html! { <span class="x-t">{ t }</span> },
        })
        .collect()
}

/// A core message as HTML: the first letter capitalised for display, the parts between
/// backticks (settings, values) as code, and cmdlet parameters such as `(-TlsNegotiation
/// Required)` kept on one line.
pub fn message(text: &str) -> Html {
    let mut chars = text.chars();
    let text = match chars.next() {
        Some(first) => format!("{}{}", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    };
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part }</code> }
            } else {
                plain(part)
            }
        })
        .collect()
}

/// Text with `(-Parameter value)` groups that must not break across lines.
fn plain(text: &str) -> Html {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("(-") {
        let Some(length) = rest[start..].find(')') else {
            break;
        };
        out.push(html! { { &rest[..start] } });
        out.push(html! { <span class="nowrap">{ &rest[start..=start + length] }</span> });
        rest = &rest[start + length + 1..];
    }
    out.push(html! { { rest } });
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_the_input_exactly() {
        for xml in [
            r#"<?xml version="1.0"?><stream:stream xmlns="jabber:server" to="b.example" version="1.0">"#,
            "<db:result from=\"a\" to=\"b\">abc&amp;</db:result>",
            "<stream:features/>",
            "</stream:stream>",
            "<broken",
            "text only",
            "<a b=c>",
            "",
        ] {
            let joined: String = tokens(xml)
                .iter()
                .map(|t| match t {
                    Token::Punctuation(s)
                    | Token::Name(s)
                    | Token::Attribute(s)
                    | Token::Value(s)
                    | Token::Text(s) => *s,
                })
                .collect();
            assert_eq!(joined, xml);
        }
        let t = tokens(r#"<db:result type="valid"/>"#);
        assert_eq!(t[1], Token::Name("db:result"));
        assert_eq!(t[3], Token::Attribute("type"));
        assert_eq!(t[5], Token::Value("\"valid\""));
    }
}
