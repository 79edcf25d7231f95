//! Every key the app understands, in one table. Lookups and the help screen
//! both read this table, so the help can never go stale. The tables are
//! here; how a key is written down and how a table is read (a key press to
//! an action, keys to words) is the shared `crate::terminal`'s.

use crate::reader::action::Action;
use crate::reader::app::{CheckInFocus, Overlay};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub use crate::reader::windows::choose::keys::CHOOSE;
pub use crate::reader::windows::commitments::keys::{
    CHECK_IN, CHECK_IN_CHOICES, COMMIT, COMMIT_DATE,
};
pub use crate::reader::windows::help::keys::HELP;
pub use crate::reader::windows::journal::keys::JOURNAL;
pub use crate::reader::windows::search::keys::SEARCH;

pub use crate::terminal::{CTRL_C, CTRL_Z, KeyAction, KeyPattern, bind, ch, key};
pub use crate::terminal::{action_for, describe, describe_keys, hint_for, short};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

/// A row of the reader's key tables: the terminal's generic binding, sending
/// the reader's [`Action`]s unless said otherwise.
pub type Binding<A = Action> = crate::terminal::Binding<A>;

impl KeyAction for Action {
    fn digit(d: u8) -> Self {
        Action::Digit(d)
    }
}

/// For text boxes: the box's own keys, or else the key is typed.
pub fn typing_action(bindings: &[Binding], event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    action_for(bindings, event).or(Some(Action::Type(event)))
}

/// The reading view's keys, in the order the help lists them.
pub const READER: &[Binding] = &[
    bind(
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "scroll up (or move up the contents when it has focus)",
    ),
    bind(
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "scroll down (or move down the contents)",
    ),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(
        &[key(KeyCode::PageDown), ch(' ')],
        Action::PageDown,
        "page down",
    ),
    bind(
        &[key(KeyCode::Home), ch('g')],
        Action::Top,
        "top of the section (first entry of the contents)",
    ),
    bind(
        &[key(KeyCode::End), ch('G')],
        Action::Bottom,
        "end of the section (last entry of the contents)",
    ),
    bind(
        &[key(KeyCode::Right), ch('l')],
        Action::NextSection,
        "next section",
    ),
    bind(
        &[key(KeyCode::Left), ch('h')],
        Action::PreviousSection,
        "previous section",
    ),
    bind(
        &[key(KeyCode::Enter)],
        Action::Open,
        "open the selected contents entry, or the section number typed",
    ),
    bind(
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        Action::SwitchFocus,
        "move between the contents and the text",
    ),
    bind(
        &[ch('t')],
        Action::ToggleContents,
        "show or hide the contents",
    ),
    bind(
        &[KeyPattern::AnyDigit],
        Action::Digit(0),
        "type a section number, then Enter to go there",
    ),
    bind(
        &[
            key(KeyCode::Backspace),
            KeyPattern::Key(KeyCode::Left, KeyModifiers::ALT),
        ],
        Action::Back,
        "back to the section you came from",
    ),
    bind(
        &[KeyPattern::Key(KeyCode::Right, KeyModifiers::ALT)],
        Action::Forward,
        "forward again",
    ),
    bind(&[ch('o')], Action::Links, "links in this section: open one"),
    bind(
        &[ch('P')],
        Action::Present,
        "present to a team from here (shows no notes or progress)",
    ),
    bind(
        &[ch('c')],
        Action::Choose,
        "choose an option on a practice scenario, then read the feedback",
    ),
    bind(&[ch('/')], Action::Search, "search the toolkit"),
    bind(&[ch('n')], Action::NextMatch, "next match of the search"),
    bind(
        &[ch('N')],
        Action::PreviousMatch,
        "previous match of the search",
    ),
    bind(
        &[ch('b')],
        Action::ToggleBookmark,
        "bookmark this section (again to remove)",
    ),
    bind(&[ch('B')], Action::Bookmarks, "your bookmarks"),
    bind(
        &[ch('e')],
        Action::EditNote,
        "write or edit your note on this section",
    ),
    bind(
        &[ch('R')],
        Action::Notes,
        "my notes (reflections), newest first",
    ),
    bind(
        &[ch('C')],
        Action::Commit,
        "write what you will do (\"I will …\"); on a day you choose, allyship asks how it went",
    ),
    bind(
        &[ch('J')],
        Action::Journal,
        "your journal: progress, commitments, days read, what to revisit",
    ),
    bind(
        &[ch('T')],
        Action::SwitchTheme,
        "switch theme: default, high contrast, mono (remembered)",
    ),
    bind(
        &[ch('?'), key(KeyCode::F(1))],
        Action::Help,
        "show this help",
    ),
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        "close a window, or cancel a number",
    ),
    bind(&[ch('q')], Action::Quit, "quit (your place is kept)"),
    bind(
        &[CTRL_C],
        Action::QuitNow,
        "quit at once (anything that can't be saved goes to a rescue file)",
    ),
    bind(
        &[CTRL_Z],
        Action::Suspend,
        "suspend to the shell (fg brings it back); in a note, undo",
    ),
];

/// The note editor's own keys; every other key is typed into the note.
pub const NOTE: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        "close the note; it is saved, unless the journal is read-only",
    ),
    bind(
        &[KeyPattern::Key(KeyCode::Char('s'), KeyModifiers::CONTROL)],
        Action::SaveNote,
        "save now (it also saves by itself when you pause)",
    ),
    bind(
        &[KeyPattern::Key(KeyCode::Char('z'), KeyModifiers::CONTROL)],
        Action::Undo,
        "undo (Ctrl-U also undoes)",
    ),
    bind(&[key(KeyCode::F(1))], Action::Help, "help for these keys"),
    bind(&[CTRL_C], Action::QuitNow, "save the note and quit"),
];

/// "Leave anyway?", asked when `q` is pressed with words not saved. Only
/// `y` says yes: a second `q`, pressed before the question was read, must
/// not leave the words behind (as in the presenter's "End the walkthrough?").
pub const CONFIRM_QUIT: &[Binding] = &[
    bind(
        &[ch('y'), ch('Y')],
        Action::QuitNow,
        "leave; the words go to a rescue file",
    ),
    bind(
        &[ch('n'), ch('N'), key(KeyCode::Esc)],
        Action::Close,
        "stay",
    ),
    bind(&[CTRL_C], Action::QuitNow, "leave"),
];

/// The label box's keys; every other key is typed into the label.
pub const LABEL: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], Action::Open, "keep the label"),
    bind(&[key(KeyCode::Esc)], Action::Close, "cancel"),
    bind(&[key(KeyCode::F(1))], Action::Help, "help for these keys"),
    bind(&[CTRL_C], Action::QuitNow, "quit"),
];

/// The bookmarks list's keys.
pub const BOOKMARKS: &[Binding] = &[
    bind(
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous bookmark",
    ),
    bind(
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next bookmark",
    ),
    bind(
        &[key(KeyCode::Home), ch('g')],
        Action::Top,
        "first bookmark",
    ),
    bind(
        &[key(KeyCode::End), ch('G')],
        Action::Bottom,
        "last bookmark",
    ),
    bind(&[key(KeyCode::Enter)], Action::Open, "open the section"),
    bind(&[ch('r')], Action::Relabel, "give it a label"),
    bind(
        &[ch('d'), key(KeyCode::Delete)],
        Action::Remove,
        "remove the bookmark",
    ),
    bind(
        &[ch('u')],
        Action::Undo,
        "put back the bookmark last removed",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('B')],
        Action::Close,
        "close the list",
    ),
    bind(
        &[ch('?'), key(KeyCode::F(1))],
        Action::Help,
        "help for these keys",
    ),
    bind(&[CTRL_C], Action::QuitNow, "quit"),
];

/// The "My notes" list's keys.
pub const NOTES: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "previous note"),
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "next note"),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "newest note"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "oldest note"),
    bind(
        &[key(KeyCode::Enter), ch('e')],
        Action::Open,
        "edit the note",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('R')],
        Action::Close,
        "close the list",
    ),
    bind(
        &[ch('?'), key(KeyCode::F(1))],
        Action::Help,
        "help for these keys",
    ),
    bind(&[CTRL_C], Action::QuitNow, "quit"),
];

/// The links list's keys.
pub const LINKS: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "previous link"),
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "next link"),
    bind(
        &[key(KeyCode::Enter), ch('o')],
        Action::Open,
        "open the link",
    ),
    bind(
        &[ch('y')],
        Action::Copy,
        "copy the web address (works where the terminal allows it)",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q')],
        Action::Close,
        "close the list",
    ),
    bind(
        &[ch('?'), key(KeyCode::F(1))],
        Action::Help,
        "help for these keys",
    ),
    bind(&[CTRL_C], Action::QuitNow, "quit"),
];

/// The key table for a window (`None`: the reading view). The run loop
/// reads keys with it and the help lists it, so the two cannot differ.
pub fn table(overlay: Option<&Overlay>) -> &'static [Binding] {
    match overlay {
        Some(Overlay::Help { .. }) => HELP,
        Some(Overlay::Journal { .. }) => JOURNAL,
        Some(Overlay::Note(_)) => NOTE,
        Some(Overlay::Label(_)) => LABEL,
        Some(Overlay::Bookmarks { .. }) => BOOKMARKS,
        Some(Overlay::Notes { .. }) => NOTES,
        Some(Overlay::Search { .. }) => SEARCH,
        Some(Overlay::Links { .. }) => LINKS,
        Some(Overlay::Commit(window)) if window.on_date => COMMIT_DATE,
        Some(Overlay::Commit(_)) => COMMIT,
        Some(Overlay::CheckIn(window)) if window.focus == CheckInFocus::Answer => CHECK_IN,
        Some(Overlay::CheckIn(_)) => CHECK_IN_CHOICES,
        Some(Overlay::Choose { .. }) => CHOOSE,
        Some(Overlay::ConfirmQuit) => CONFIRM_QUIT,
        None => READER,
    }
}

#[cfg(test)]
mod tests;
