//! The manual page, `allyship(1)`: one page holding every command, its
//! options and examples (so it names no other page that would need
//! installing), then the keys, files and environment. Everything that can
//! drift is generated: commands and options from the command line
//! definition, keys from the key tables, file names from the constants the
//! code uses.

use super::Cli;
use clap::{Arg, ArgAction, CommandFactory};

mod sections;

/// The columns a line in no-fill mode (an example) may take on an
/// 80-column terminal: `man` draws 78 columns, 7 of them the indent.
const EXAMPLE_COLUMNS: usize = 71;

/// The whole page, in roff.
pub fn page() -> String {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut title = Vec::new();
    // Rendering into memory cannot fail for want of space.
    let _ = man.render_title(&mut title);
    let mut out = String::from_utf8_lossy(&title).into_owned();
    // No hyphenation, ragged right: words stay whole (names such as
    // ALLYSHIP_DATA_DIR are never split) and spacing stays even.
    out.push_str(".nh\n.ad l\n");
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    out.push_str(&format!(".SH NAME\nallyship \\- {}\n", text(&about)));
    out.push_str(".SH SYNOPSIS\n");
    out.push_str(&usage(&cmd, "allyship", false));
    out.push_str("\n.br\n\\fBallyship\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
    out.push_str(DESCRIPTION);
    out.push_str(".SH OPTIONS\n");
    for arg in own_args(&cmd, false) {
        option(&mut out, arg);
    }
    commands(&mut out, &cmd);
    out.push_str(".SH EXAMPLES\n");
    if let Some(help) = cmd.get_after_help() {
        after_help(&mut out, &help.to_string());
    }
    sections::keys(&mut out);
    sections::files(&mut out);
    sections::environment(&mut out);
    sections::exit_status(&mut out);
    let mut version = Vec::new();
    let _ = man.render_version_section(&mut version);
    out.push_str(&String::from_utf8_lossy(&version));
    out
}

const DESCRIPTION: &str = "\
.SH DESCRIPTION
\\fBallyship\\fR shows an allyship toolkit in bite\\-size sections, each \
ending with questions to reflect on, and keeps a private journal of what \
you have read, your notes and bookmarks, on your own computer.
.PP
With no command it opens full\\-screen and continues where you left off. \
The screen always says which keys do what; \\fB?\\fR lists every key of the \
window that is open (see \\fBKEYS\\fR) and \\fBq\\fR leaves.
.PP
Every screen is also a plain command (see \\fBCOMMANDS\\fR) that prints \
lines with no colours or cursor tricks, for screen readers and scripts. \
\\fBallyship guide\\fR reads the toolkit one section at a time as plain \
lines, with commands typed on a line; \\fBallyship\\fR starts it instead of \
the full screen when \\fBTERM\\fR is \\fBdumb\\fR or unset, or when standard \
input or output is not a terminal. \
This page is the whole manual: every command is in it.
";

/// Arguments a person can give `cmd` itself: not hidden, and (for a
/// command under `allyship`) not the global options listed once above.
fn own_args(cmd: &clap::Command, under: bool) -> impl Iterator<Item = &Arg> {
    cmd.get_arguments()
        .filter(move |arg| !arg.is_hide_set() && !(under && (arg.is_global_set() || is_help(arg))))
}

/// `--help` and `--version`, which clap adds to every command.
fn is_help(arg: &Arg) -> bool {
    matches!(
        arg.get_action(),
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version
    )
}

/// The command's usage: its name in bold, then each option as it is
/// typed, kept whole across line breaks.
fn usage(cmd: &clap::Command, name: &str, under: bool) -> String {
    let mut parts = vec![bold(name)];
    for arg in own_args(cmd, under) {
        if is_help(arg) {
            continue;
        }
        let mut part = tag(arg).replace(' ', "\\ ");
        if arg.is_positional() && matches!(arg.get_action(), ArgAction::Append) {
            part.push_str("...");
        }
        if !arg.is_required_set() {
            part = format!("[{part}]");
        }
        parts.push(part);
    }
    parts.join(" ")
}

/// How an argument is written: `--width COLUMNS`, `-h, --help`, `SECTION`.
fn tag(arg: &Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first().map(ToString::to_string))
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
    if arg.is_positional() {
        return italic(&value);
    }
    let mut names = Vec::new();
    if let Some(short) = arg.get_short() {
        names.push(bold(&format!("-{short}")));
    }
    if let Some(long) = arg.get_long() {
        names.push(bold(&format!("--{long}")));
    }
    let mut tag = names.join(", ");
    if arg.get_action().takes_values() {
        tag.push(' ');
        tag.push_str(&italic(&value));
    }
    tag
}

/// One option or argument: what to type, what it does, its choices and default.
fn option(out: &mut String, arg: &Arg) {
    out.push_str(&format!(".TP\n{}\n", tag(arg)));
    let help = arg.get_long_help().or_else(|| arg.get_help());
    paragraphs(out, &help.map(ToString::to_string).unwrap_or_default());
    if !arg.get_action().takes_values() {
        return;
    }
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if values.iter().all(|v| v.get_help().is_none()) {
        let names: Vec<String> = values.iter().map(|v| bold(v.get_name())).collect();
        if !names.is_empty() {
            out.push_str(&format!(".IP\nOne of: {}.\n", names.join(", ")));
        }
    } else if !arg.is_hide_possible_values_set() {
        out.push_str(".RS\n");
        for value in &values {
            out.push_str(&format!(".TP\n{}\n", bold(value.get_name())));
            let help = value
                .get_help()
                .map(ToString::to_string)
                .unwrap_or_default();
            out.push_str(&format!("{}\n", text(&help)));
        }
        out.push_str(".RE\n");
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        out.push_str(&format!(".IP\nDefault: {}.\n", bold(&defaults.join(", "))));
    }
}

/// Text that may hold blank lines: a paragraph break at each.
fn paragraphs(out: &mut String, help: &str) {
    let mut first = true;
    for part in help.split("\n\n") {
        if !first {
            out.push_str(".IP\n");
        }
        first = false;
        out.push_str(&text(
            &part.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
        out.push('\n');
    }
}

/// `COMMANDS`: each command with its usage, what it does, its own options
/// and its examples.
fn commands(out: &mut String, cmd: &clap::Command) {
    out.push_str(
        ".SH COMMANDS\n\
         With no command, the toolkit opens full\\-screen. Every command also \
         takes \\fB\\-\\-content\\fR and \\fB\\-\\-data\\-dir\\fR (see \
         \\fBOPTIONS\\fR), and \\fB\\-\\-help\\fR.\n",
    );
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        if sub.is_hide_set() || name == "help" {
            continue;
        }
        let full = format!("allyship {name}");
        out.push_str(&format!(".SS \"{}\"\n", text(&full)));
        // The heading is the usage of a command that takes nothing.
        if own_args(sub, true).next().is_some() {
            out.push_str(&usage(sub, &full, true));
            out.push_str("\n.PP\n");
        }
        let about = sub.get_long_about().or_else(|| sub.get_about());
        paragraphs(out, &about.map(ToString::to_string).unwrap_or_default());
        for arg in own_args(sub, true) {
            option(out, arg);
        }
        if let Some(help) = sub.get_after_long_help().or_else(|| sub.get_after_help()) {
            after_help(out, &help.to_string());
        }
    }
}

/// Text written for `--help` below the options: indented lines are
/// examples (a command, then after two spaces what it does), other lines
/// are prose. Examples never wrap: a long one is continued with `\`.
fn after_help(out: &mut String, help: &str) {
    let mut prose: Vec<&str> = Vec::new();
    let mut listing = false;
    // Writes the prose so far as a paragraph; true if there was any.
    let flush = |out: &mut String, prose: &mut Vec<&str>| {
        let any = !prose.is_empty();
        if any {
            out.push_str(&format!(".PP\n{}\n", text(&prose.join(" "))));
            prose.clear();
        }
        any
    };
    for line in help.lines() {
        let Some(example) = line.strip_prefix("  ") else {
            if listing {
                out.push_str(".fi\n");
                listing = false;
            }
            match line.trim() {
                "" => {
                    flush(out, &mut prose);
                }
                // The section's own heading says it already.
                "Examples:" | "Example:" if out.ends_with(".SH EXAMPLES\n") => {}
                trimmed => prose.push(trimmed),
            }
            continue;
        };
        // Examples right under a line of prose ("Examples:") follow it
        // without a gap.
        let headed = flush(out, &mut prose);
        let example = example.trim();
        let (command, what) = match example.split_once("  ") {
            Some((command, what)) => (command.trim(), what.trim()),
            None => (example, ""),
        };
        if !listing {
            out.push_str(if headed { ".br\n.nf\n" } else { ".PP\n.nf\n" });
            listing = true;
        }
        for piece in continued(command, EXAMPLE_COLUMNS) {
            out.push_str(&format!("{}\n", bold(&piece)));
        }
        if !what.is_empty() {
            out.push_str(&format!(".fi\n.RS\n{}\n.RE\n", text(what)));
            listing = false;
        }
    }
    if listing {
        out.push_str(".fi\n");
    }
    flush(out, &mut prose);
}

/// A shell command cut into lines of at most `columns`, each but the last
/// ending ` \` and the rest indented, so it still runs as pasted.
fn continued(command: &str, columns: usize) -> Vec<String> {
    if command.chars().count() <= columns {
        return vec![command.to_string()];
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in command.split(' ') {
        // Room for the word, and for " \" after it should the line go on.
        let wanted = line.chars().count() + 1 + word.chars().count() + 2;
        if !line.trim().is_empty() && wanted > columns {
            lines.push(format!("{line} \\"));
            line = format!("    {word}");
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.push(line);
    lines
}

/// Text for a roff text line: backslashes, hyphens and quotes escaped
/// (so options copy as typed), `code` in bold, and a leading dot kept
/// from reading as a request.
fn text(s: &str) -> String {
    let code = s.matches('`').count().is_multiple_of(2);
    let mut bold_on = false;
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            '\'' => out.push_str("\\(aq"),
            '`' if code => {
                out.push_str(if bold_on { "\\fR" } else { "\\fB" });
                bold_on = !bold_on;
            }
            '`' => out.push_str("\\(ga"),
            _ => out.push(c),
        }
    }
    if out.starts_with('.') {
        out.insert_str(0, "\\&");
    }
    out
}

fn bold(s: &str) -> String {
    format!("\\fB{}\\fR", text(s))
}

fn italic(s: &str) -> String {
    format!("\\fI{}\\fR", text(s))
}

#[cfg(test)]
mod tests;
