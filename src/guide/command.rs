//! What a line typed at the guide's `> ` prompt asks for: a single letter
//! or a whole word, then what follows it (a section, an option, words to
//! find). Pure, so every spelling is tested without a terminal.

/// One command typed at the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Enter alone, `n` or `next`: the next section.
    Next,
    /// `p`, `previous` or `back`: the section before.
    Previous,
    /// `g N`, `g ID` or `go N`: a section by number or id (empty: none given).
    Go(String),
    /// `t` or `contents`: the contents, one line a section.
    Contents,
    /// `s WORDS` or `search WORDS`: sections matching the words (empty: none given).
    Search(String),
    /// `w`, `write` or `note`: write or add to the note on this section.
    Write,
    /// `b` or `bookmark`: bookmark this section, or take the bookmark off.
    Bookmark,
    /// `c N` or `choose N`: option N of this scenario (empty: none given).
    Choose(String),
    /// `i` or `commit`: an "I will …" commitment.
    Commit,
    /// `j` or `journal`: the journal in sentences.
    Journal,
    /// `r` or `repeat`: this section again.
    Repeat,
    /// `h`, `?` or `help`: the commands.
    Help,
    /// `q`, `quit` or `exit`: leave, keeping the place.
    Quit,
    /// Anything else, as typed (trimmed).
    Unknown(String),
}

/// The command a typed line asks for. Case does not matter, nor spaces
/// around it; a word that takes something after it ("g", "s", "c") keeps
/// the rest of the line, trimmed.
pub fn parse(line: &str) -> Command {
    let line = line.trim();
    if line.is_empty() {
        return Command::Next;
    }
    let (word, rest) = match line.split_once(char::is_whitespace) {
        Some((word, rest)) => (word, rest.trim()),
        None => (line, ""),
    };
    let word = word.to_lowercase();
    let alone = |command: Command| {
        if rest.is_empty() {
            command
        } else {
            Command::Unknown(line.to_owned())
        }
    };
    match word.as_str() {
        "n" | "next" => alone(Command::Next),
        "p" | "prev" | "previous" | "back" => alone(Command::Previous),
        "g" | "go" | "goto" | "open" => Command::Go(rest.to_owned()),
        "t" | "contents" | "toc" => alone(Command::Contents),
        "s" | "search" | "find" => Command::Search(rest.to_owned()),
        "w" | "write" | "note" => alone(Command::Write),
        "b" | "bookmark" => alone(Command::Bookmark),
        "c" | "choose" => Command::Choose(rest.to_owned()),
        "i" | "commit" | "commitment" => alone(Command::Commit),
        "j" | "journal" => alone(Command::Journal),
        "r" | "repeat" | "again" => alone(Command::Repeat),
        "h" | "?" | "help" => alone(Command::Help),
        "q" | "quit" | "exit" | "leave" => alone(Command::Quit),
        // "go to 12", "i will": the words people say.
        _ => Command::Unknown(line.to_owned()),
    }
}

/// The commands in words, for `h`: each on its own line, letter first.
pub const HELP: &[&str] = &[
    "Commands. Type one, then press Enter. A letter or the whole word works.",
    "Enter alone, or n, next: the next section.",
    "p, previous: the section before.",
    "g and a number or id, go: go to a section, for example g 12.",
    "t, contents: the contents, numbered, one line each.",
    "s and words, search: find sections, for example s speak up.",
    "w, write, note: write or add to your note on this section. End it with a line holding only a full stop.",
    "b, bookmark: bookmark this section; again to take the bookmark off.",
    "c and a number, choose: on a scenario, choose an option and hear its feedback, for example c 2.",
    "i, commit: make a commitment, I will, with a day to ask how it went.",
    "j, journal: your progress, notes, bookmarks and commitments.",
    "r, repeat: this section again.",
    "h, help: these commands.",
    "q, quit: leave. Your place is kept.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_words_mean_the_same() {
        let pairs = [
            ("n", "next", Command::Next),
            ("p", "previous", Command::Previous),
            ("t", "contents", Command::Contents),
            ("w", "note", Command::Write),
            ("w", "write", Command::Write),
            ("b", "bookmark", Command::Bookmark),
            ("i", "commit", Command::Commit),
            ("j", "journal", Command::Journal),
            ("r", "repeat", Command::Repeat),
            ("h", "help", Command::Help),
            ("?", "HELP", Command::Help),
            ("q", "quit", Command::Quit),
        ];
        for (letter, word, command) in pairs {
            assert_eq!(parse(letter), command, "{letter}");
            assert_eq!(parse(word), command, "{word}");
            assert_eq!(parse(&format!("  {} ", word.to_uppercase())), command);
        }
    }

    #[test]
    fn enter_alone_goes_on() {
        assert_eq!(parse(""), Command::Next);
        assert_eq!(parse("   \t"), Command::Next);
    }

    #[test]
    fn commands_that_take_something_keep_the_rest_of_the_line() {
        assert_eq!(parse("g 12"), Command::Go("12".into()));
        assert_eq!(
            parse("go   tip-speak-up "),
            Command::Go("tip-speak-up".into())
        );
        assert_eq!(parse("g"), Command::Go(String::new()));
        assert_eq!(parse("choose 2"), Command::Choose("2".into()));
        assert_eq!(parse("c"), Command::Choose(String::new()));
        assert_eq!(parse("s speak  up"), Command::Search("speak  up".into()));
        assert_eq!(parse("search"), Command::Search(String::new()));
    }

    #[test]
    fn a_command_that_takes_nothing_with_words_after_it_is_not_guessed() {
        assert_eq!(parse("q now"), Command::Unknown("q now".into()));
        assert_eq!(parse("x"), Command::Unknown("x".into()));
        assert_eq!(
            parse("next\u{1b}[2J"),
            Command::Unknown("next\u{1b}[2J".into())
        );
    }

    #[test]
    fn the_help_names_every_command() {
        let help = HELP.join("\n");
        for word in [
            "next", "previous", "go", "contents", "search", "write", "note", "bookmark", "choose",
            "commit", "journal", "repeat", "help", "quit",
        ] {
            assert!(help.contains(word), "{word}");
        }
    }
}
