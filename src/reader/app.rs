//! The app's state: what is open, what has focus, which overlay is up.
//! Changed only by `update`; read by the views. What follows from the
//! screen's size (panes, the contents' rows, the wrapped text and its
//! scroll limit) is worked out in `screen`.

use crate::journal::record::Journal;
use crate::reader::editor::TextInput;
use crate::theme::Theme;
use crate::toolkit::content::Toolkit;
use ratatui::layout::Rect;
use std::cell::RefCell;

mod screen;
pub use crate::reader::windows::commitments::state::{
    COMMIT_START, CheckInFocus, CheckInWindow, CommitWindow,
};
use screen::WrappedSection;

/// Which pane arrows move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The table of contents.
    Contents,
    /// The section's text.
    Text,
}

/// A window over the reading view; each owns its own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the window below it (or of the reading view), generated
    /// from that window's key table; closing returns to that window.
    Help {
        /// First visible line.
        scroll: u16,
        /// The window the help is about, kept as it was; `None` for the
        /// reading view.
        under: Option<Box<Overlay>>,
    },
    /// Progress, calendar, revisits and what to revisit next.
    Journal {
        /// Which of the rows that open a section is highlighted.
        selected: usize,
        /// First visible line.
        scroll: u16,
    },
    /// Writing the note for a section, below its reflection prompts.
    Note(Box<TextInput>),
    /// The bookmarks, to jump to, relabel or remove.
    Bookmarks {
        /// The highlighted bookmark.
        selected: usize,
    },
    /// Giving a bookmark a label (from the bookmarks list).
    Label(Box<TextInput>),
    /// "My notes": every note, newest first.
    Notes {
        /// The highlighted note.
        selected: usize,
    },
    /// The open section's links and cross-references, to open one.
    Links {
        /// The highlighted link.
        selected: usize,
    },
    /// "Leave anyway?": asked when `q` is pressed while a note or bookmark
    /// could not be saved.
    ConfirmQuit,
    /// "I will …" (`C`): a commitment and when to ask how it went.
    Commit(Box<CommitWindow>),
    /// "How did it go?": a check-in on a commitment, asked when its review
    /// day has come (or from the journal window).
    CheckIn(Box<CheckInWindow>),
    /// Choosing an option on the open practice scenario.
    Choose {
        /// The highlighted option, from 0.
        selected: usize,
    },
    /// Search as you type: the words and the highlighted result.
    Search {
        /// What is typed.
        input: Box<TextInput>,
        /// The highlighted result.
        selected: usize,
    },
}

impl Overlay {
    /// Whether keys go into a text box here (so `q` is a letter). Every
    /// window is named, so a new one must say.
    pub fn takes_text(&self) -> bool {
        match self {
            Overlay::Note(_)
            | Overlay::Label(_)
            | Overlay::Search { .. }
            | Overlay::Commit(_)
            | Overlay::CheckIn(_) => true,
            Overlay::Help { .. }
            | Overlay::Journal { .. }
            | Overlay::Bookmarks { .. }
            | Overlay::Notes { .. }
            | Overlay::Links { .. }
            | Overlay::ConfirmQuit
            | Overlay::Choose { .. } => false,
        }
    }

    /// Whether Ctrl-Z undoes here (the note editor and the commitment
    /// windows) rather than suspending the app.
    pub fn ctrl_z_undoes(&self) -> bool {
        match self {
            Overlay::Note(_) | Overlay::Commit(_) | Overlay::CheckIn(_) => true,
            Overlay::Label(_)
            | Overlay::Search { .. }
            | Overlay::Help { .. }
            | Overlay::Journal { .. }
            | Overlay::Bookmarks { .. }
            | Overlay::Notes { .. }
            | Overlay::Links { .. }
            | Overlay::ConfirmQuit
            | Overlay::Choose { .. } => false,
        }
    }
}

/// A place in the toolkit, for back and forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Section index in reading order.
    pub section: usize,
    /// Scroll position within it.
    pub scroll: u16,
}

/// Most search results shown: enough to scroll through, cheap to build.
pub const SEARCH_LIMIT: usize = 100;

/// Most places remembered for Back, so the history stays small.
pub const HISTORY_LIMIT: usize = 200;

/// The whole state of the reader.
#[derive(Debug, Clone)]
pub struct App {
    /// The toolkit being read.
    pub toolkit: Toolkit,
    /// The open section (reading order index).
    pub current: usize,
    /// First visible line of the open section.
    pub scroll: u16,
    /// The highlighted contents entry (reading order index).
    pub selected: usize,
    /// First visible row of the contents list.
    pub contents_offset: usize,
    /// Where arrows go.
    pub focus: Focus,
    /// On wide screens: the person hid the contents with `t`.
    pub contents_hidden_wide: bool,
    /// On narrow screens: the person opened the contents with `t`.
    pub contents_open_narrow: bool,
    /// Places to go back to, most recent last.
    pub back: Vec<Place>,
    /// Places to go forward to, after going back.
    pub forward: Vec<Place>,
    /// Digits typed towards a section number.
    pub number: String,
    /// The overlay on top, if any.
    pub overlay: Option<Overlay>,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// After a walkthrough, on what may still be a shared screen: nothing
    /// private (marks, notes, a check-in) shows until a key is pressed.
    pub covered: bool,
    /// The bookmark last removed in the bookmarks list (section id, label),
    /// which `u` puts back.
    pub removed_bookmark: Option<(String, Option<String>)>,
    /// The commitment last removed in the journal window (its id, and it
    /// whole, answers and all), which `u` there puts back.
    pub removed_commitment: Option<(String, Box<crate::journal::record::Commitment>)>,
    /// Where the settings (the theme) are remembered; `None`: nowhere.
    pub settings_dir: Option<std::path::PathBuf>,
    /// The section the app resumed at: the footer welcomes the person back
    /// (cut to fit, never a box over the text) until the next key.
    pub welcome: Option<usize>,
    /// The terminal's size, from the last resize.
    pub screen: Rect,
    /// Styles to draw with.
    pub theme: Theme,
    /// The reading journal as last saved (for marks and the journal view).
    pub journal: Journal,
    /// Whether progress reaches the disk this time.
    pub journal_kept: bool,
    /// Why saves don't reach the disk (a read-only journal or folder):
    /// shown in the footer as "read-only" and in the note editor.
    pub read_only: Option<String>,
    /// Sections whose note (or bookmark) is not on disk, and why: the note
    /// editor says "not saved" for them and `q` asks before leaving.
    pub unsaved: Option<(Vec<String>, String)>,
    /// Today's date, for the journal's calendar (tests fix it).
    pub today: jiff::civil::Date,
    /// The words last searched for, highlighted in the text (`n`/`N` step
    /// between them) until Esc.
    pub highlight: Option<String>,
    /// The line (of the open section) of the match `n`/`N` last went to.
    pub match_line: usize,
    /// The search index, built the first time it is needed.
    search_index: std::cell::OnceCell<crate::toolkit::search::Index>,
    /// Columns the contents need (every title measured), worked out once:
    /// a layout is asked for many times a frame.
    contents_wanted: std::cell::OnceCell<u16>,
    /// The last query's hits: a keystroke's update and the frame after it
    /// ask for the same query, so the search runs once.
    search_hits: RefCell<Option<(String, Vec<crate::toolkit::search::Hit>)>>,
    /// The open section's wrapped lines for one width: update and draw both
    /// need them, and wrapping is the costliest part of a frame.
    wrapped: RefCell<Option<WrappedSection>>,
}

/// One row of the contents list: a part heading or a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentsRow {
    /// The heading of part `n`.
    Part(usize),
    /// Section `n` in reading order.
    Section(usize),
}

impl App {
    /// A reader on `toolkit`, open at the first section, sized `width` x `height`.
    pub fn new(toolkit: Toolkit, width: u16, height: u16) -> Self {
        App {
            toolkit,
            current: 0,
            scroll: 0,
            selected: 0,
            contents_offset: 0,
            focus: Focus::Text,
            contents_hidden_wide: false,
            contents_open_narrow: false,
            back: Vec::new(),
            forward: Vec::new(),
            number: String::new(),
            overlay: None,
            message: None,
            covered: false,
            welcome: None,
            removed_bookmark: None,
            removed_commitment: None,
            settings_dir: None,
            screen: Rect::new(0, 0, width, height),
            theme: Theme::from_env(),
            journal: Journal::new(),
            journal_kept: false,
            read_only: None,
            unsaved: None,
            // The day in UTC for now: the local day needs the time zone
            // database, which jiff finds by walking /usr/share/zoneinfo, and
            // the first frame does not show the day. The reader sets it
            // after its first frame (`tui::run`).
            today: jiff::Timestamp::now()
                .to_zoned(jiff::tz::TimeZone::UTC)
                .date(),
            highlight: None,
            match_line: 0,
            search_index: std::cell::OnceCell::new(),
            contents_wanted: std::cell::OnceCell::new(),
            search_hits: RefCell::new(None),
            wrapped: RefCell::new(None),
        }
    }

    /// The name of the theme in use (`NO_COLOR`'s mono counts as mono).
    pub fn theme_name(&self) -> crate::theme::ThemeName {
        use crate::theme::ThemeName;
        [ThemeName::Default, ThemeName::HighContrast, ThemeName::Mono]
            .into_iter()
            .find(|n| Theme::named(*n) == self.theme)
            .unwrap_or_default()
    }

    /// Opens the section the journal says the person was reading, with a
    /// welcome back in the footer. A section that has left the toolkit is
    /// skipped.
    pub fn resume(&mut self) {
        let toolkit = crate::toolkit::content::other_toolkit_name(&self.toolkit);
        let Some(position) = self.journal.place(toolkit.as_deref()) else {
            return;
        };
        let Some(index) = self.toolkit.index_of(&position.section) else {
            return;
        };
        self.current = index;
        self.selected = index;
        self.scroll = position.scroll;
        self.welcome = Some(index);
    }

    /// The search index over the toolkit (built on first use).
    pub fn search_index(&self) -> &crate::toolkit::search::Index {
        self.search_index
            .get_or_init(|| crate::toolkit::search::Index::new(&self.toolkit))
    }

    /// Search results for what is typed in the search box, best first.
    pub fn search_hits(&self, query: &str) -> Vec<crate::toolkit::search::Hit> {
        let mut cached = self.search_hits.borrow_mut();
        match cached.as_ref() {
            Some((last, hits)) if last == query => hits.clone(),
            _ => {
                let hits = self.search_index().search(query, SEARCH_LIMIT);
                *cached = Some((query.to_owned(), hits.clone()));
                hits
            }
        }
    }

    /// The open section's links, in order, then, once a scenario is
    /// answered and its feedback shows, the section each shown feedback
    /// rests on (the chosen option's first, as drawn): every link on the
    /// screen can be opened with `o`.
    pub fn links(&self) -> Vec<crate::toolkit::content::Link> {
        use crate::toolkit::content::Link;
        let Some(entry) = self.toolkit.entry(self.current) else {
            return Vec::new();
        };
        let mut links: Vec<Link> = entry.section.links().cloned().collect();
        let (Some(choice), Some(chosen)) = (&entry.section.choice, self.chosen()) else {
            return links;
        };
        let mine = choice.options.get(chosen - 1).into_iter();
        let others = (choice.options.iter().enumerate())
            .filter(|(n, _)| n + 1 != chosen)
            .map(|(_, o)| o);
        for target in mine.chain(others).filter_map(|o| o.section.as_deref()) {
            let Some(found) = self
                .toolkit
                .index_of(target)
                .and_then(|i| self.toolkit.entry(i))
            else {
                continue;
            };
            if links.iter().any(|l| l.section.as_deref() == Some(target)) {
                continue;
            }
            links.push(Link {
                title: found.section.title.clone(),
                url: None,
                section: Some(target.to_owned()),
                by: None,
                kind: None,
            });
        }
        links
    }

    /// The option chosen on the open section (from 1), if it is a practice
    /// scenario the person has answered with an option it still has.
    pub fn chosen(&self) -> Option<usize> {
        let section = self.toolkit.entry(self.current)?.section;
        self.journal.chosen_option(section)
    }

    /// The id of the open section.
    pub fn current_id(&self) -> Option<&str> {
        self.toolkit
            .entry(self.current)
            .map(|e| e.section.id.as_str())
    }

    /// Bookmarked section ids in reading order, then any no longer in the
    /// toolkit (the same order as `allyship bookmarks`).
    pub fn bookmark_ids(&self) -> Vec<String> {
        crate::journal::report::bookmark_order(&self.toolkit, &self.journal)
    }

    /// Section ids that have notes, newest note first.
    pub fn note_ids(&self) -> Vec<String> {
        let notes = self.journal.notes_newest_first();
        notes.into_iter().map(|(id, _)| id.to_string()).collect()
    }

    /// Whether the note on `section` was changed but is not on disk.
    pub fn note_unsaved(&self, section: &str) -> bool {
        self.unsaved
            .as_ref()
            .is_some_and(|(ids, _)| ids.iter().any(|id| id == section))
    }

    /// Where the open section is, for the history.
    pub fn place(&self) -> Place {
        Place {
            section: self.current,
            scroll: self.scroll,
        }
    }
}

#[cfg(test)]
mod overlay_tests {
    use super::Overlay;
    use crate::reader::editor::TextInput;

    #[test]
    fn text_boxes_take_text_and_only_the_writing_windows_undo_with_ctrl_z() {
        let note = Overlay::Note(Box::new(TextInput::note("s", "")));
        let label = Overlay::Label(Box::new(TextInput::label("s", "")));
        let search = Overlay::Search {
            input: Box::new(TextInput::label("", "")),
            selected: 0,
        };
        for (window, text, undo) in [
            (&note, true, true),
            (&label, true, false),
            (&search, true, false),
            (&Overlay::ConfirmQuit, false, false),
            (&Overlay::Bookmarks { selected: 0 }, false, false),
        ] {
            assert_eq!(window.takes_text(), text, "{window:?}");
            assert_eq!(window.ctrl_z_undoes(), undo, "{window:?}");
        }
    }
}
