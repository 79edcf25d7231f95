//! The presenter's state and its one pure `update`, with an injected clock.
//!
//! The presenter is given the toolkit and the sections to show, and nothing
//! else: no journal, no notes, no bookmarks, no progress. So no key can
//! reach them and nothing shown here counts as anyone's reading.

use super::keys::PresentAction;
use super::place::{self, Counting};
pub use super::scroll::Scroll;
use super::walkthrough::Walkthrough;
use crate::theme::Theme;
use crate::toolkit::content::Toolkit;
use std::time::{Duration, Instant};

/// The default length of the discussion timer.
pub const DEFAULT_DISCUSS: Duration = Duration::from_secs(5 * 60);

/// The most digits a section number may have.
const MAX_DIGITS: usize = 4;

/// How a walkthrough runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How long the discussion timer (`t`) counts down.
    pub discuss: Duration,
    /// The colours chosen (`--theme`); `NO_COLOR` is for the caller to apply.
    pub theme: Theme,
}

impl Default for Options {
    /// Five minutes to discuss, and the theme `NO_COLOR` allows.
    fn default() -> Self {
        Options {
            discuss: DEFAULT_DISCUSS,
            theme: Theme::from_env(),
        }
    }
}

/// What `update` asks the run loop to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentEffect {
    /// Leave presenter mode (the run loop records the walkthrough).
    Leave,
}

/// The discussion timer, as the footer shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    /// Counting down: this much is left.
    Running(Duration),
    /// The time has run out (shown until `t` stops it).
    TimesUp,
}

/// Everything presenter mode shows, and the clocks behind the footer.
#[derive(Debug, Clone)]
pub struct Presenter<'t> {
    toolkit: &'t Toolkit,
    walkthrough: Walkthrough,
    /// The styles to draw with (from `Options`; tests may set another).
    pub theme: Theme,
    options: Options,
    counting: Counting,
    started: Instant,
    entered: Instant,
    spent: Vec<(usize, Duration)>,
    finished: bool,
    blank: bool,
    help: bool,
    confirm: bool,
    scroll: Scroll,
    help_scroll: Scroll,
    digits: String,
    message: Option<String>,
    timer: Option<Instant>,
}

impl<'t> Presenter<'t> {
    /// A walkthrough of `sections` (toolkit reading-order indexes) starting
    /// at `now`, on the first step of the first section.
    pub fn new(toolkit: &'t Toolkit, sections: &[usize], options: Options, now: Instant) -> Self {
        let walkthrough = Walkthrough::new(toolkit, sections);
        let counting = Counting::for_sections(toolkit, &walkthrough.sections());
        let mut presenter = Presenter {
            toolkit,
            finished: false,
            walkthrough,
            theme: options.theme,
            options,
            counting,
            started: now,
            entered: now,
            spent: Vec::new(),
            blank: false,
            help: false,
            confirm: false,
            scroll: Scroll::default(),
            help_scroll: Scroll::default(),
            digits: String::new(),
            message: None,
            timer: None,
        };
        presenter.arrive();
        presenter
    }

    /// The toolkit being presented.
    pub fn toolkit(&self) -> &'t Toolkit {
        self.toolkit
    }

    /// Where the walkthrough is.
    pub fn walkthrough(&self) -> &Walkthrough {
        &self.walkthrough
    }

    /// Whether the screen is blanked.
    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// Whether the help shows.
    pub fn help_open(&self) -> bool {
        self.help
    }

    /// Whether "End the walkthrough? (y/n)" is being asked.
    pub fn confirming(&self) -> bool {
        self.confirm
    }

    /// How far the presenter has scrolled the step's text.
    pub fn scroll(&self) -> &Scroll {
        &self.scroll
    }

    /// How far the presenter has scrolled the help.
    pub fn help_scroll(&self) -> &Scroll {
        &self.help_scroll
    }

    /// The section number being typed, if any.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// A passing message (an unknown section number, the end reached).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// How long the discussion timer runs when started.
    pub fn discuss_length(&self) -> Duration {
        self.options.discuss
    }

    /// Time since the walkthrough began.
    pub fn elapsed(&self, now: Instant) -> Duration {
        now.saturating_duration_since(self.started)
    }

    /// The discussion timer, when started.
    pub fn timer(&self, now: Instant) -> Option<Timer> {
        let started = self.timer?;
        let gone = now.saturating_duration_since(started);
        Some(match self.options.discuss.checked_sub(gone) {
            Some(left) if !left.is_zero() => Timer::Running(left),
            _ => Timer::TimesUp,
        })
    }

    /// Where the room is, in the part's wording and counted in the whole
    /// part when every section is from one: "Introduction", "Tip 5 of 9",
    /// "What is an ally? 2 of 3"; else along the walkthrough: "Section 4 of 12".
    pub fn position_label(&self) -> String {
        let along = || {
            let n = self.walkthrough.position().section + 1;
            format!("Section {n} of {}", self.walkthrough.len())
        };
        let Some(entry) = self
            .walkthrough
            .current_index()
            .and_then(|i| self.toolkit.entry(i))
        else {
            return along();
        };
        place::label(self.counting, entry.part, &entry.section.id).unwrap_or_else(along)
    }

    /// Whether the footer counts within a part, so it adds the toolkit's
    /// section number to find the section by in the reader.
    pub fn counts_in_part(&self) -> bool {
        self.counting != Counting::Walkthrough
    }

    /// Whether the room has seen the last step of the last section.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Each section shown so far (toolkit reading-order index) with the
    /// time it was on screen, in the order first shown.
    pub fn covered(&self, now: Instant) -> Vec<(usize, Duration)> {
        let mut spent = self.spent.clone();
        if let Some(index) = self.walkthrough.current_index() {
            let extra = now.saturating_duration_since(self.entered);
            if let Some(entry) = spent.iter_mut().find(|(i, _)| *i == index) {
                entry.1 += extra;
            }
        }
        spent
    }

    /// Notes that the current section is on screen (for `covered`).
    fn arrive(&mut self) {
        if let Some(index) = self.walkthrough.current_index()
            && !self.spent.iter().any(|(i, _)| *i == index)
        {
            self.spent.push((index, Duration::ZERO));
        }
        if self.walkthrough.at_end() && !self.walkthrough.is_empty() {
            self.finished = true;
        }
    }

    /// Moves with `step`; keeps the clocks of the section left behind.
    fn moving(&mut self, now: Instant, step: impl FnOnce(&mut Walkthrough) -> bool) -> bool {
        let before = self.walkthrough.current_index();
        let settled = self.covered(now);
        if !step(&mut self.walkthrough) {
            return false;
        }
        self.scroll.reset();
        if self.walkthrough.current_index() != before {
            self.spent = settled;
            self.entered = now;
        }
        self.arrive();
        true
    }

    /// Space and the other "next" keys: first through what the screen
    /// could not show (a clicker has no Down key), then the next step.
    fn next(&mut self, now: Instant) {
        if self.scroll.more_below() {
            self.scroll.page_down();
            return;
        }
        if !self.moving(now, Walkthrough::step_on) && !self.walkthrough.is_empty() {
            self.message = Some("This is the end of the walkthrough: q ends it.".into());
        }
    }

    fn back(&mut self, now: Instant) {
        if !self.moving(now, Walkthrough::step_back) && !self.walkthrough.is_empty() {
            self.message = Some("This is the start of the walkthrough.".into());
        }
    }

    fn jump(&mut self, now: Instant) {
        let typed = std::mem::take(&mut self.digits);
        let Ok(number) = typed.parse::<usize>() else {
            return;
        };
        let index = number.checked_sub(1);
        if !index.is_some_and(|i| self.moving(now, |w| w.jump_to_index(i))) {
            self.message = Some(format!(
                "Section {number} is not in this walkthrough (sections {}).",
                super::numbers(&self.walkthrough.sections())
            ));
        }
    }
}

/// Changes the presenter for one action at `now`; returns what the run loop
/// must do. Pure: the only clock is `now`.
pub fn update(p: &mut Presenter, action: PresentAction, now: Instant) -> Vec<PresentEffect> {
    use PresentAction::*;
    if action == Leave {
        return vec![PresentEffect::Leave];
    }
    p.message = None;
    if p.confirm {
        // The question stays until it is answered.
        match action {
            Confirm => return vec![PresentEffect::Leave],
            Cancel => p.confirm = false,
            _ => {}
        }
        return Vec::new();
    }
    if p.help {
        match action {
            Cancel | Help => p.help = false,
            ScrollDown => p.help_scroll.move_by(1),
            ScrollUp => p.help_scroll.move_by(-1),
            _ => {}
        }
        return Vec::new();
    }
    if p.blank {
        // Any key brings the screen back, and does nothing else.
        p.blank = false;
        return Vec::new();
    }
    match action {
        Digit(d) => {
            if p.digits.len() < MAX_DIGITS {
                p.digits.push(char::from(b'0' + d.min(9)));
            }
        }
        Enter if !p.digits.is_empty() => p.jump(now),
        Erase if !p.digits.is_empty() => {
            p.digits.pop();
        }
        Cancel if !p.digits.is_empty() => p.digits.clear(),
        Cancel => p.message = Some("Esc only cancels: q ends the walkthrough.".into()),
        other => {
            p.digits.clear();
            match other {
                Next | Enter => p.next(now),
                Back | Erase => p.back(now),
                Blank => p.blank = true,
                Help => {
                    p.help = true;
                    p.help_scroll.reset();
                }
                ScrollDown => p.scroll.move_by(1),
                ScrollUp => p.scroll.move_by(-1),
                Timer => p.timer = if p.timer.is_some() { None } else { Some(now) },
                Quit => p.confirm = true,
                Digit(_) | Cancel | Confirm | Leave => {}
            }
        }
    }
    Vec::new()
}
