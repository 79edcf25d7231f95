//! Every key the app understands, in one table. Lookups and the help screen
//! both read this table, so the help can never go stale.

use crate::action::Action;
use crate::app::Overlay;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key (with modifiers) that a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPattern {
    /// One key with exactly these modifiers (Shift is ignored for letters).
    Key(KeyCode, KeyModifiers),
    /// Any digit 0-9, for typing a section number.
    AnyDigit,
}

/// A key with no modifiers, for building tables.
pub const fn key(code: KeyCode) -> KeyPattern {
    KeyPattern::Key(code, KeyModifiers::NONE)
}

/// A character key, for building tables.
pub const fn ch(c: char) -> KeyPattern {
    key(KeyCode::Char(c))
}

/// Ctrl-C, which quits from everywhere.
pub const CTRL_C: KeyPattern = KeyPattern::Key(KeyCode::Char('c'), KeyModifiers::CONTROL);

/// Ctrl-Z, which suspends from everywhere but the note editor (Unix).
pub const CTRL_Z: KeyPattern = KeyPattern::Key(KeyCode::Char('z'), KeyModifiers::CONTROL);

/// An action a key table can send; `digit` is what a digit key sends, so
/// the reader and the presenter share one lookup.
pub trait KeyAction: Copy {
    /// The action for digit `d` typed towards a section number.
    fn digit(d: u8) -> Self;
}

impl KeyAction for Action {
    fn digit(d: u8) -> Self {
        Action::Digit(d)
    }
}

/// Keys, what they do, and the action they send.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A = Action> {
    /// The keys, the first being the one hints show.
    pub keys: &'static [KeyPattern],
    /// What happens, in plain words for the help screen.
    pub does: &'static str,
    /// What `update` receives (digits send the digit typed instead).
    pub action: A,
}

/// One row of a key table.
pub const fn bind<A>(keys: &'static [KeyPattern], action: A, does: &'static str) -> Binding<A> {
    Binding { keys, does, action }
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
        &[ch('J')],
        Action::Journal,
        "your journal: progress, days read, what to revisit",
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

/// The help window's keys: scrolling, and several ways to close it.
pub const HELP: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], Action::Up, "scroll up"),
    bind(&[key(KeyCode::Down), ch('j')], Action::Down, "scroll down"),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(
        &[key(KeyCode::PageDown), ch(' ')],
        Action::PageDown,
        "page down",
    ),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "top"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "end"),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('?'), key(KeyCode::Enter)],
        Action::Close,
        "close the help",
    ),
    bind(&[CTRL_C], Action::QuitNow, "quit"),
];

/// The journal view's keys: move between rows, open one, close.
pub const JOURNAL: &[Binding] = &[
    bind(
        &[key(KeyCode::Up), ch('k')],
        Action::Up,
        "previous row that opens a section",
    ),
    bind(
        &[key(KeyCode::Down), ch('j')],
        Action::Down,
        "next row that opens a section",
    ),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(
        &[key(KeyCode::PageDown), ch(' ')],
        Action::PageDown,
        "page down",
    ),
    bind(&[key(KeyCode::Home), ch('g')], Action::Top, "first row"),
    bind(&[key(KeyCode::End), ch('G')], Action::Bottom, "last row"),
    bind(
        &[key(KeyCode::Enter)],
        Action::Open,
        "open the highlighted section",
    ),
    bind(
        &[key(KeyCode::Esc), ch('q'), ch('J')],
        Action::Close,
        "close the journal",
    ),
    bind(
        &[ch('?'), key(KeyCode::F(1))],
        Action::Help,
        "help for these keys",
    ),
    bind(&[CTRL_C], Action::QuitNow, "quit"),
];

/// The note editor's own keys; every other key is typed into the note.
pub const NOTE: &[Binding] = &[
    bind(
        &[key(KeyCode::Esc)],
        Action::Close,
        "save the note and close it",
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

/// "Leave anyway?", asked when `q` is pressed with words not saved.
pub const CONFIRM_QUIT: &[Binding] = &[
    bind(
        &[ch('y'), ch('q')],
        Action::QuitNow,
        "leave; the words go to a rescue file",
    ),
    bind(&[ch('n'), key(KeyCode::Esc)], Action::Close, "stay"),
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

/// The search box's keys; every other key is typed into the search.
pub const SEARCH: &[Binding] = &[
    bind(&[key(KeyCode::Up)], Action::Up, "previous result"),
    bind(&[key(KeyCode::Down)], Action::Down, "next result"),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(&[key(KeyCode::PageDown)], Action::PageDown, "page down"),
    bind(
        &[key(KeyCode::Enter)],
        Action::Open,
        "open the result, matches highlighted",
    ),
    bind(&[key(KeyCode::Esc)], Action::Close, "close the search"),
    bind(&[key(KeyCode::F(1))], Action::Help, "help for these keys"),
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
        Some(Overlay::Choose { .. }) => CHOOSE,
        Some(Overlay::ConfirmQuit) => CONFIRM_QUIT,
        None => READER,
    }
}

/// For text boxes: the box's own keys, or else the key is typed.
pub fn typing_action(bindings: &[Binding], event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    action_for(bindings, event).or(Some(Action::Type(event)))
}

/// Turns a key press into an action, or `None` for keys the app ignores
/// (including key releases, which Windows sends).
pub fn action_for<A: KeyAction>(bindings: &[Binding<A>], event: KeyEvent) -> Option<A> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    bindings.iter().find_map(|binding| {
        binding
            .keys
            .iter()
            .find_map(|pattern| matches(*pattern, event))
            .map(|digit| digit.map_or(binding.action, A::digit))
    })
}

/// `Some(None)` for a plain match, `Some(Some(d))` for digit `d`.
fn matches(pattern: KeyPattern, event: KeyEvent) -> Option<Option<u8>> {
    // Shift is part of the character itself for letters and symbols.
    let modifiers = if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        event.modifiers - KeyModifiers::SHIFT
    } else {
        event.modifiers
    };
    match pattern {
        KeyPattern::AnyDigit => match event.code {
            KeyCode::Char(c) if modifiers.is_empty() => c.to_digit(10).map(|d| Some(d as u8)),
            _ => None,
        },
        KeyPattern::Key(code, mods) => (code == event.code && mods == modifiers).then_some(None),
    }
}

/// How a key is written in the help and hints ("Ctrl-C", "Alt+Right", "0-9").
pub fn describe(pattern: KeyPattern) -> String {
    let KeyPattern::Key(code, mods) = pattern else {
        return "0-9".into();
    };
    let name = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::BackTab => "Shift+Tab".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => other.to_string(),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", name.to_uppercase())
    } else if mods.contains(KeyModifiers::ALT) {
        format!("Alt+{name}")
    } else {
        name
    }
}

/// A shorter name for the status line: arrows as symbols.
pub fn short(name: &str) -> String {
    match name {
        "Left" => "←".into(),
        "Right" => "→".into(),
        "Up" => "↑".into(),
        "Down" => "↓".into(),
        other => other.into(),
    }
}

/// All the keys of a binding, as the help screen lists them.
pub fn describe_keys<A>(binding: &Binding<A>) -> String {
    binding
        .keys
        .iter()
        .map(|k| describe(*k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first key bound to an action, for short hints in the status line.
pub fn hint_for(bindings: &[Binding], action: Action) -> Option<String> {
    bindings
        .iter()
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| describe(*k))
}

mod choosing;
pub use choosing::CHOOSE;

#[cfg(test)]
mod tests;
