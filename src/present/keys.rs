//! The presenter's keys, in one table per screen: lookups and the help
//! overlay both read them, so the help never goes stale. The keys follow
//! the Presenter table of `KEYS.md`.

use super::state::Presenter;
use crate::terminal::{Binding, CTRL_C, KeyAction, KeyPattern, action_for, bind, ch, key};
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind};

/// One thing the facilitator asked for, decoded from a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentAction {
    /// Reveal the next point, the prompts, or the next section.
    Next,
    /// One step back (across sections).
    Back,
    /// A digit of a section number to jump to.
    Digit(u8),
    /// Go to the section number typed; with none typed, the same as `Next`.
    Enter,
    /// Remove the last digit typed; with none typed, the same as `Back`.
    Erase,
    /// Scroll the text (or the help) down a line, when there is more below.
    ScrollDown,
    /// Scroll the text (or the help) up a line, when there is more above.
    ScrollUp,
    /// Blank the screen, or bring it back.
    Blank,
    /// Start or stop the discussion timer.
    Timer,
    /// Show or hide the help.
    Help,
    /// Cancel: a number being typed, the help, the question before ending.
    /// It never ends the walkthrough.
    Cancel,
    /// Ask whether to end the walkthrough (`q`).
    Quit,
    /// Yes to the question before ending: end the walkthrough.
    Confirm,
    /// End the walkthrough at once, without asking (Ctrl-C).
    Leave,
}

/// A row of the presenter's key tables.
pub type PresentBinding = Binding<PresentAction>;

impl KeyAction for PresentAction {
    fn digit(d: u8) -> Self {
        PresentAction::Digit(d)
    }
}

/// The presenter's keys while a slide shows.
pub const PRESENTER: &[PresentBinding] = &[
    bind(
        &[ch(' '), key(KeyCode::Right), key(KeyCode::PageDown)],
        PresentAction::Next,
        "reveal the next point, then the prompts, then the next section",
    ),
    bind(
        &[key(KeyCode::Enter)],
        PresentAction::Enter,
        "the same, or go to the section number typed",
    ),
    bind(
        &[key(KeyCode::Left), key(KeyCode::PageUp)],
        PresentAction::Back,
        "step back",
    ),
    bind(
        &[key(KeyCode::Backspace)],
        PresentAction::Erase,
        "step back (or rub out a digit typed)",
    ),
    bind(
        &[key(KeyCode::Down)],
        PresentAction::ScrollDown,
        "scroll down when the text says \"more below\"",
    ),
    bind(
        &[key(KeyCode::Up)],
        PresentAction::ScrollUp,
        "scroll back up",
    ),
    bind(
        &[KeyPattern::AnyDigit],
        PresentAction::Digit(0),
        "type a section number, then Enter to go there",
    ),
    bind(
        &[ch('t')],
        PresentAction::Timer,
        "start or stop the discussion timer",
    ),
    bind(
        &[ch('b')],
        PresentAction::Blank,
        "blank the screen (any key brings it back)",
    ),
    bind(
        &[ch('?'), key(KeyCode::F(1))],
        PresentAction::Help,
        "this help",
    ),
    bind(
        &[key(KeyCode::Esc)],
        PresentAction::Cancel,
        "cancel a number typed (it never ends the walkthrough)",
    ),
    bind(
        &[ch('q')],
        PresentAction::Quit,
        "end the walkthrough (asks first)",
    ),
    bind(
        &[CTRL_C],
        PresentAction::Leave,
        "end the walkthrough at once",
    ),
];

/// The keys while the help shows.
pub const HELP: &[PresentBinding] = &[
    bind(
        &[
            key(KeyCode::Esc),
            ch('q'),
            ch('?'),
            key(KeyCode::F(1)),
            key(KeyCode::Enter),
            ch(' '),
        ],
        PresentAction::Cancel,
        "close the help",
    ),
    bind(
        &[key(KeyCode::Down)],
        PresentAction::ScrollDown,
        "scroll down",
    ),
    bind(&[key(KeyCode::Up)], PresentAction::ScrollUp, "scroll up"),
    bind(
        &[CTRL_C],
        PresentAction::Leave,
        "end the walkthrough at once",
    ),
];

/// The keys while the screen is blank; any other key brings it back.
pub const BLANK: &[PresentBinding] = &[bind(
    &[CTRL_C],
    PresentAction::Leave,
    "end the walkthrough at once",
)];

/// The keys while the presenter is asked "End the walkthrough? (y/n)".
pub const CONFIRM: &[PresentBinding] = &[
    bind(
        &[ch('y'), ch('Y')],
        PresentAction::Confirm,
        "yes: end the walkthrough",
    ),
    bind(
        &[ch('n'), ch('N'), key(KeyCode::Esc)],
        PresentAction::Cancel,
        "no: carry on",
    ),
    bind(
        &[CTRL_C],
        PresentAction::Leave,
        "end the walkthrough at once",
    ),
];

/// The key table in force for what is on screen.
pub fn table(presenter: &Presenter) -> &'static [PresentBinding] {
    if presenter.confirming() {
        CONFIRM
    } else if presenter.help_open() {
        HELP
    } else if presenter.is_blank() {
        BLANK
    } else {
        PRESENTER
    }
}

/// The action a terminal event stands for on the presenter's screen (a
/// resize only redraws). On the blank screen every key press brings the
/// screen back, bound or not.
pub fn action_for_event(presenter: &Presenter, event: Event) -> Option<PresentAction> {
    let Event::Key(key) = event else {
        return None;
    };
    let action = action_for(table(presenter), key);
    let wakes = presenter.is_blank() && key.kind != KeyEventKind::Release;
    action.or(wakes.then_some(PresentAction::Blank))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};

    fn press(code: KeyCode) -> Option<PresentAction> {
        action_for(PRESENTER, KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn the_presenter_keys_of_keys_md() {
        use PresentAction::*;
        for code in [KeyCode::Char(' '), KeyCode::Right, KeyCode::PageDown] {
            assert_eq!(press(code), Some(Next), "{code:?}");
        }
        assert_eq!(press(KeyCode::Enter), Some(Enter));
        assert_eq!(press(KeyCode::Left), Some(Back));
        assert_eq!(press(KeyCode::PageUp), Some(Back));
        assert_eq!(press(KeyCode::Backspace), Some(Erase));
        assert_eq!(press(KeyCode::Char('7')), Some(Digit(7)));
        assert_eq!(press(KeyCode::Down), Some(ScrollDown));
        assert_eq!(press(KeyCode::Up), Some(ScrollUp));
        assert_eq!(press(KeyCode::Char('t')), Some(Timer));
        assert_eq!(press(KeyCode::Char('b')), Some(Blank));
        assert_eq!(press(KeyCode::Char('?')), Some(Help));
        assert_eq!(press(KeyCode::Esc), Some(Cancel));
        assert_eq!(press(KeyCode::Char('q')), Some(Quit));
        assert_eq!(press(KeyCode::Char('x')), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(PRESENTER, ctrl_c), Some(Leave));
        for table in [HELP, BLANK, CONFIRM] {
            assert_eq!(action_for(table, ctrl_c), Some(Leave));
        }
    }

    #[test]
    fn no_key_is_bound_twice_and_releases_are_ignored() {
        for table in [PRESENTER, HELP, BLANK, CONFIRM] {
            let mut seen = Vec::new();
            for pattern in table.iter().flat_map(|b| b.keys) {
                assert!(!seen.contains(pattern), "{pattern:?} is bound twice");
                seen.push(*pattern);
            }
        }
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(PRESENTER, release), None);
    }
}
