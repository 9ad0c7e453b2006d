//! The README shows a real run of the CLI on the sample directory; this keeps it real.

use std::process::Command;

use crate::util::{read, root};

/// The text between the README's `<!-- cli:NAME -->` marker and the end of the code block after it.
fn block(readme: &str, name: &str) -> (String, String) {
    let marker = format!("<!-- cli:{name} -->");
    let start = readme
        .find(&marker)
        .unwrap_or_else(|| panic!("README lacks {marker}"));
    let rest = &readme[start + marker.len()..];
    let fence = rest.find("```console\n").unwrap() + "```console\n".len();
    let body = &rest[fence..];
    let end = body.find("```").unwrap();
    let body = &body[..end];
    let (command, output) = body.split_once('\n').unwrap();
    (
        command.trim_start_matches("$ ").to_owned(),
        output.to_owned(),
    )
}

#[test]
fn readme_shows_real_output() {
    let mut readme = read(&root().join("README.md"));
    for name in ["validate", "matrix", "simulate"] {
        let (command, expected) = block(&readme, name);
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        assert_eq!(command.split_whitespace().next(), Some("xmpp-federation"));
        let output = Command::new(env!("CARGO_BIN_EXE_xmpp-federation"))
            .args(&args)
            .current_dir(root())
            .env("NO_COLOR", "1")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        let actual = String::from_utf8(output.stdout).unwrap();
        let status = output.status.code().unwrap();
        let actual = format!("{actual}$ echo $?\n{status}\n");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            // Rewrites the block, for review like any snapshot.
            readme = readme.replacen(&expected, &actual, 1);
            std::fs::write(root().join("README.md"), &readme).unwrap();
            continue;
        }
        assert_eq!(
            actual, expected,
            "README block `{name}` is stale: update it from `{command}`"
        );
    }
}
