//! The presenter's state and its one pure `update`, with an injected clock.
//!
//! The presenter is given the toolkit and the sections to show, and nothing
//! else: no journal, no notes, no bookmarks, no progress. So no key can
//! reach them and nothing shown here counts as anyone's reading.

use super::keys::PresentAction;
use super::walkthrough::Walkthrough;
use crate::content::{Part, Toolkit};
use crate::ui::theme::Theme;
use std::cell::Cell;
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

/// How far the presenter has scrolled something the view fits to the
/// screen (the text of a step, the help), in lines from where the view
/// would put it by itself. The view notes how far it can go each way as
/// it draws, so scrolling stops at either end whatever the screen size.
#[derive(Debug, Clone, Default)]
pub struct Scroll {
    by: isize,
    reach: Cell<Option<(usize, usize)>>,
}

impl Scroll {
    /// Lines down (negative: up) from where the view would put the text.
    pub fn by(&self) -> isize {
        self.by
    }

    /// Notes, as drawn, how many lines the text can move `up` and `down`
    /// from where the view puts it by itself.
    pub fn note_reach(&self, (up, down): (usize, usize)) {
        self.reach.set(Some((up, down)));
    }

    /// Moves `lines` down (up when negative), within the reach last drawn.
    fn move_by(&mut self, lines: isize) {
        let by = self.by.saturating_add(lines);
        self.by = match self.reach.get() {
            Some((up, down)) => {
                let up = isize::try_from(up).unwrap_or(isize::MAX);
                let down = isize::try_from(down).unwrap_or(isize::MAX);
                by.clamp(-up, down)
            }
            None => by,
        };
    }

    /// Back to where the view puts the text by itself (a new step, a new window).
    fn reset(&mut self) {
        *self = Scroll::default();
    }
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

/// How the footer counts the room's place, so "Tip 5 of 9" means the same
/// whichever section the walkthrough started from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counting {
    /// Every section is from this part of tips: "Introduction", "Tip 5 of 9".
    Tips,
    /// Every section is from this part: "What is an ally? 2 of 3".
    Part,
    /// Sections from several parts: "Section 4 of 12", along the walkthrough.
    Walkthrough,
}

/// Whether a part is a list of tips (its id is `tips` or ends in `-tips`).
fn is_tips(part_id: &str) -> bool {
    part_id == "tips" || part_id.ends_with("-tips")
}

/// The tips of a part of tips: its sections whose id starts `tip-` (the
/// others introduce or close them), or all of them when none does.
fn tips(part: &Part) -> Vec<&str> {
    let named: Vec<&str> = part
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| id.starts_with("tip-"))
        .collect();
    if named.is_empty() {
        part.sections.iter().map(|s| s.id.as_str()).collect()
    } else {
        named
    }
}

/// Where section `id` stands in its part of tips: "Tip 5 of 9", or
/// "Introduction" for what comes before the first tip.
fn tip_label(part: &Part, id: &str) -> String {
    let tips = tips(part);
    if let Some(n) = tips.iter().position(|t| *t == id) {
        return format!("Tip {} of {}", n + 1, tips.len());
    }
    let place = |id: &str| part.sections.iter().position(|s| s.id == id);
    match (place(id), tips.first().and_then(|first| place(first))) {
        (Some(here), Some(first)) if here < first => "Introduction".to_string(),
        _ => part.title.clone(),
    }
}

impl<'t> Presenter<'t> {
    /// A walkthrough of `sections` (toolkit reading-order indexes) starting
    /// at `now`, on the first step of the first section.
    pub fn new(toolkit: &'t Toolkit, sections: &[usize], options: Options, now: Instant) -> Self {
        let walkthrough = Walkthrough::new(toolkit, sections);
        let parts: Vec<usize> = walkthrough
            .sections()
            .iter()
            .filter_map(|&i| toolkit.entry(i).map(|e| e.part_index))
            .collect();
        let counting = match parts.first() {
            Some(&first) if parts.iter().all(|&p| p == first) => match toolkit.parts.get(first) {
                Some(part) if is_tips(&part.id) => Counting::Tips,
                _ => Counting::Part,
            },
            _ => Counting::Walkthrough,
        };
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
        match self.counting {
            Counting::Tips => tip_label(entry.part, &entry.section.id),
            Counting::Part => {
                let n = entry
                    .part
                    .sections
                    .iter()
                    .position(|s| s.id == entry.section.id);
                let n = n.map_or(0, |n| n + 1);
                format!("{} {n} of {}", entry.part.title, entry.part.sections.len())
            }
            Counting::Walkthrough => along(),
        }
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

    fn next(&mut self, now: Instant) {
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
