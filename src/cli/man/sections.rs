//! The manual's KEYS, FILES and ENVIRONMENT: keys read from the key tables
//! the app itself uses, file and variable names from the constants the code
//! opens and reads, so none of them can drift from what the app does.

use super::{bold, italic, text};
use crate::present::keys as presenter;
use crate::reader::action::Action;
use crate::reader::keymap::{self, Binding};

/// Every window's key table with its heading, in the order a person meets
/// them. A test checks every table `keymap::table` can return is here.
pub(super) fn reader_tables() -> Vec<(String, &'static [Binding])> {
    let opened_by = |action: Action| keymap::hint_for(keymap::READER, action).unwrap_or_default();
    vec![
        ("The reading view".into(), keymap::READER),
        (
            format!("Help ({} in any window)", opened_by(Action::Help)),
            keymap::HELP,
        ),
        (
            format!(
                "Search ({}): other keys are typed",
                opened_by(Action::Search)
            ),
            keymap::SEARCH,
        ),
        (
            format!("Links ({})", opened_by(Action::Links)),
            keymap::LINKS,
        ),
        (
            format!(
                "The note editor ({}): other keys are typed",
                opened_by(Action::EditNote)
            ),
            keymap::NOTE,
        ),
        (
            format!("My notes ({})", opened_by(Action::Notes)),
            keymap::NOTES,
        ),
        (
            format!("Bookmarks ({})", opened_by(Action::Bookmarks)),
            keymap::BOOKMARKS,
        ),
        (
            format!(
                "A bookmark's label ({} in Bookmarks): other keys are typed",
                keymap::hint_for(keymap::BOOKMARKS, Action::Relabel).unwrap_or_default()
            ),
            keymap::LABEL,
        ),
        (
            format!("Your journal ({})", opened_by(Action::Journal)),
            keymap::JOURNAL,
        ),
        (
            format!(
                "A commitment, \"I will …\" ({}): other keys are typed",
                opened_by(Action::Commit)
            ),
            keymap::COMMIT,
        ),
        (
            "A commitment's review date (Tab from its words)".into(),
            keymap::COMMIT_DATE,
        ),
        (
            "How did it go? (asked when a commitment's review day has come, or Enter on it \
             in your journal): other keys are typed"
                .into(),
            keymap::CHECK_IN,
        ),
        (
            "The check-in's choices: not yet, let it go (Tab from the answer)".into(),
            keymap::CHECK_IN_CHOICES,
        ),
        (
            "Leave anyway? (asked when words could not be saved)".into(),
            keymap::CONFIRM_QUIT,
        ),
    ]
}

/// The presenter's key tables with their headings.
pub(super) fn presenter_tables() -> Vec<(&'static str, &'static [presenter::PresentBinding])> {
    vec![
        ("Presenting (allyship present, or P)", presenter::PRESENTER),
        ("The presenter's help", presenter::HELP),
        (
            "A blank screen: any other key brings it back",
            presenter::BLANK,
        ),
        ("End the walkthrough? (y/n)", presenter::CONFIRM),
    ]
}

/// `KEYS`: one list per window, as its help screen shows it.
pub(super) fn keys(out: &mut String) {
    out.push_str(
        ".SH KEYS\n\
         Arrows, Enter and Esc always work; letters are shortcuts. In the \
         windows where you type (the note editor, search, a label) every \
         other key is typed, so \\fBq\\fR and \\fB?\\fR are letters there and \
         \\fBF1\\fR gives the help.\n",
    );
    for (heading, table) in reader_tables() {
        key_table(out, &heading, table);
    }
    for (heading, table) in presenter_tables() {
        key_table(out, heading, table);
    }
}

fn key_table<A>(out: &mut String, heading: &str, table: &[Binding<A>]) {
    out.push_str(&format!(".SS \"{}\"\n.PD 0\n", text(heading)));
    for binding in table {
        let keys = keymap::describe_keys(binding);
        out.push_str(&format!(
            ".TP 22\n{}\n{}\n",
            bold(&keys),
            text(binding.does)
        ));
    }
    out.push_str(".PD\n");
}

/// `FILES`: where the journal and everything beside it live.
pub(super) fn files(out: &mut String) {
    use crate::journal::settings::SETTINGS_FILE;
    use crate::journal::store::{DATA_DIR_ENV, JOURNAL_FILE, LOCK_FILE};
    use crate::present::log::LOG_FILE;
    let data = |name: &str| italic(&format!("DATA/{name}"));
    out.push_str(&format!(
        ".SH FILES\n\
         \\fIDATA\\fR is the data folder: \\fB\\-\\-data\\-dir\\fR, else \
         \\fB{}\\fR, else \\fI~/.local/share/allyship\\fR on Linux \
         (\\fI$XDG_DATA_HOME/allyship\\fR). On macOS and Windows the folders \
         below are instead the ones the system gives applications (under \
         \\fILibrary/Application Support\\fR and \\fIAppData\\fR); \
         \\fBallyship journal \\-\\-path\\fR prints where the journal is. Files are made readable by you alone \
         (0600, folders 0700) and links in the data folder are never followed.\n",
        text(DATA_DIR_ENV)
    ));
    let entries = [
        (
            data(JOURNAL_FILE),
            "Your journal: the sections read and when, the minutes spent each \
             day, your notes, bookmarks and place. Saved whole or not at all.",
        ),
        (
            data(LOCK_FILE),
            "Empty. Locked while a copy of the app saves, so two copies merge \
             their changes rather than overwrite each other's.",
        ),
        (
            data(&format!("{JOURNAL_FILE}.broken-YYYYMMDD-HHMMSS")),
            "A journal that could not be read, moved aside byte for byte; the \
             app starts a new one and says where the old one went.",
        ),
        (
            data(&format!("{JOURNAL_FILE}.reset-YYYYMMDD-HHMMSS")),
            "The journal as it was before `allyship reset`.",
        ),
        (
            data(&format!("{JOURNAL_FILE}.vN-backup")),
            "A copy of a journal from an older version N, made when it is first \
             saved in the new form.",
        ),
        (
            data(&format!(".{JOURNAL_FILE}.tmp-*")),
            "A save under way; one left by a crash is removed the next time.",
        ),
        (
            data(LOG_FILE),
            "The facilitator's log of walkthroughs (`allyship walkthroughs`).",
        ),
        (
            italic(&format!("~/.config/allyship/{SETTINGS_FILE}")),
            "The theme last chosen. In DATA instead when --data-dir or \
             ALLYSHIP_DATA_DIR is given.",
        ),
        (
            italic("~/.local/state/allyship/rescued/rescued-YYYYMMDD-HHMMSS.json"),
            "Notes and bookmarks that could not be saved (a read-only journal, \
             a full disk), written on the way out and named on the screen; \
             `allyship import FILE` brings them back. If that folder can't be \
             used: ~/.cache/allyship/rescued, then $TMPDIR/allyship-rescued-UID.",
        ),
    ];
    for (name, what) in entries {
        out.push_str(&format!(".TP\n{name}\n{}\n", text(what)));
    }
}

/// The variables the app reads, with what each changes.
pub(super) fn variables() -> Vec<(&'static str, String)> {
    use crate::journal::reading::{DEFAULT_MIN_READ, MIN_READ_ENV, WORDS_PER_MINUTE};
    use crate::journal::store::DATA_DIR_ENV;
    vec![
        (
            DATA_DIR_ENV,
            "The data folder, as --data-dir (which wins over it). The theme is \
             remembered there too."
                .into(),
        ),
        (
            MIN_READ_ENV,
            format!(
                "Seconds every section must stay on screen to count as read, in \
                 place of its length at {} words a minute (never under {} s); \
                 for tests: decimals allowed, 0 counts at once.",
                WORDS_PER_MINUTE,
                DEFAULT_MIN_READ.as_secs()
            ),
        ),
        (
            "NO_COLOR",
            "Set and not empty: no colour at all on screen (the mono theme, \
             whatever --theme says), and none from `read` unless --color always."
                .into(),
        ),
        (
            "TERM",
            "dumb: `read` prints no colour unless --color always.".into(),
        ),
        (
            "DISPLAY",
            "With neither this nor WAYLAND_DISPLAY set (over SSH, say), a web \
             address is shown to copy rather than opened in a browser (Linux and \
             other Unix systems)."
                .into(),
        ),
        ("WAYLAND_DISPLAY", "As DISPLAY.".into()),
        (
            "XDG_DATA_HOME",
            "Where the data folder is made on Linux (default ~/.local/share).".into(),
        ),
        (
            "XDG_CONFIG_HOME",
            "Where the settings are kept on Linux (default ~/.config).".into(),
        ),
        (
            "XDG_STATE_HOME",
            "Where rescue files go on Linux (default ~/.local/state).".into(),
        ),
        (
            "XDG_CACHE_HOME",
            "The second place for rescue files (default ~/.cache).".into(),
        ),
        ("TMPDIR", "The last place for rescue files.".into()),
    ]
}

/// `ENVIRONMENT`.
pub(super) fn environment(out: &mut String) {
    out.push_str(".SH ENVIRONMENT\n");
    for (name, what) in variables() {
        out.push_str(&format!(".TP\n{}\n{}\n", bold(name), text(&what)));
    }
}

/// `EXIT STATUS`: what a script can rely on, from the exit codes the
/// commands use.
pub(super) fn exit_status(out: &mut String) {
    use crate::commands::EXIT_NOT_FOUND;
    out.push_str(".SH EXIT STATUS\n");
    let codes = [
        (
            "0".to_owned(),
            "Done. A command that changes your journal (commit, check-in, note, bookmark, mark-read, answer, import, reset) exits 0 once its change is saved, even if what it prints can't be written (a full disk, a closed terminal): standard error then warns, so a script never repeats a change that was kept.",
        ),
        (
            "1".to_owned(),
            "Something failed: nothing was kept, or (for a command that only shows) the output could not be written. Standard error says why.",
        ),
        (
            EXIT_NOT_FOUND.to_string(),
            "What you asked for is not there (a section, a commitment, a note).",
        ),
    ];
    for (code, what) in codes {
        out.push_str(&format!(".TP\n{}\n{}\n", bold(&code), text(what)));
    }
}
