//! Every key the app understands, in one table. Lookups and the help screen
//! both read this table, so the help can never go stale. The tables are
//! here; how a key is written down and how a table is read (a key press to
//! an action, keys to words) is the shared `crate::terminal`'s.

use crate::reader::action::Action;
use crate::reader::app::{CheckInFocus, Overlay};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub use crate::reader::windows::bookmarks::keys::{BOOKMARKS, LABEL};
pub use crate::reader::windows::choose::keys::CHOOSE;
pub use crate::reader::windows::commitments::keys::{
    CHECK_IN, CHECK_IN_CHOICES, COMMIT, COMMIT_DATE,
};
pub use crate::reader::windows::confirm_quit::keys::CONFIRM_QUIT;
pub use crate::reader::windows::help::keys::HELP;
pub use crate::reader::windows::journal::keys::JOURNAL;
pub use crate::reader::windows::links::keys::LINKS;
pub use crate::reader::windows::note::keys::NOTE;
pub use crate::reader::windows::notes::keys::NOTES;
pub use crate::reader::windows::rows::{F1_HELP_ROW, HELP_ROW, QUIT_ROW};
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
