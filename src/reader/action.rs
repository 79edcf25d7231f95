//! What a person can ask the app to do (actions) and what the app asks the
//! outside world to do in return (effects). `update` turns one into the other.

use ratatui::crossterm::event::KeyEvent;

/// One thing a person asked for, already decoded from a key or the mouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Scroll the text up a line, or move up the contents when it has focus.
    Up,
    /// Scroll the text down a line, or move down the contents when it has focus.
    Down,
    /// Scroll up a page.
    PageUp,
    /// Scroll down a page.
    PageDown,
    /// Top of the section, or first entry of the contents.
    Top,
    /// Bottom of the section, or last entry of the contents.
    Bottom,
    /// Open the next section, across parts.
    NextSection,
    /// Open the previous section, across parts.
    PreviousSection,
    /// Open the selected contents entry, or the typed section number.
    Open,
    /// Move focus between the contents and the text.
    SwitchFocus,
    /// Show or hide the contents (on narrow screens it covers the text).
    ToggleContents,
    /// A digit of a section number to go to.
    Digit(u8),
    /// Go back to the section visited before this one.
    Back,
    /// Go forward again after going back.
    Forward,
    /// Show every key.
    Help,
    /// Show the reading journal: progress, calendar, what to revisit.
    Journal,
    /// Bookmark the open section, or remove its bookmark.
    ToggleBookmark,
    /// Show the bookmarks list.
    Bookmarks,
    /// Write or edit the note for the open section.
    EditNote,
    /// Show "My notes", every note newest first.
    Notes,
    /// Write what you will do ("I will …") from the open section, with the
    /// day to be asked how it went.
    Commit,
    /// The app is closing (any way out): keep every word typed in a
    /// commitment window, as Esc would.
    Leaving,
    /// Save the note being written (Ctrl-S, or a pause in typing).
    SaveNote,
    /// Remove the highlighted bookmark.
    Remove,
    /// Give the highlighted bookmark a label.
    Relabel,
    /// Undo: put back the bookmark last removed, or the last change typed.
    Undo,
    /// Copy the highlighted link's web address to the clipboard.
    Copy,
    /// Switch to the next theme (default, high contrast, mono).
    SwitchTheme,
    /// A key typed into a note, label or the search box.
    Type(KeyEvent),
    /// Open the search box.
    Search,
    /// List the open section's links, to open one.
    Links,
    /// Present from the open section to the end of its part, full screen.
    Present,
    /// Choose an option on the open practice scenario (opens the choose window).
    Choose,
    /// Go to the next match of the last search, across sections.
    NextMatch,
    /// Go to the previous match of the last search.
    PreviousMatch,
    /// Close the overlay, or cancel a half-typed number.
    Close,
    /// Save and leave; asks first when a note could not be saved.
    Quit,
    /// Save and leave without asking (Ctrl-C, or "yes" to leaving): what
    /// can't be saved goes to a rescue file.
    QuitNow,
    /// Ctrl-Z: give the terminal back and stop until `fg` (Unix).
    Suspend,
    /// The mouse wheel turned over a cell.
    Wheel {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Towards the end of the text.
        down: bool,
    },
    /// A left click on a cell.
    Click {
        /// Column of the click.
        column: u16,
        /// Row of the click.
        row: u16,
    },
    /// The terminal changed size.
    Resize {
        /// New width in columns.
        width: u16,
        /// New height in rows.
        height: u16,
    },
}

/// Something `update` wants done outside the pure state: the run loop does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save what must be kept, then leave the app.
    Quit,
    /// Restore the terminal, stop until resumed, then redraw (Ctrl-Z).
    Suspend,
    /// Keep this text as the note for a section (empty text removes it).
    KeepNote {
        /// The section id.
        section: String,
        /// The note's text.
        text: String,
    },
    /// Bookmark a section, with an optional label.
    Bookmark {
        /// The section id.
        section: String,
        /// A short label, if given.
        label: Option<String>,
    },
    /// Remove the bookmark on a section.
    Unbookmark {
        /// The section id.
        section: String,
    },
    /// Open a web address in the browser (or show it where none can start).
    OpenUrl(String),
    /// Put text on the clipboard through the terminal (OSC 52), which some
    /// terminals ignore.
    Copy(String),
    /// Remember this theme for next time (in the settings file).
    RememberTheme(crate::theme::ThemeName),
    /// Start a team walkthrough of these sections (reading-order indexes).
    Present(Vec<usize>),
    /// Make, answer, put off or let go a commitment.
    Commitment(crate::journal::record::CommitmentChange),
    /// Keep the option chosen on a practice scenario in the journal.
    Choose {
        /// The scenario's section id.
        section: String,
        /// The option's number as shown, from 1.
        option: u32,
    },
}

/// What the run loop learned from the world outside, told back to `update`
/// (the only place the app changes) rather than written into the app: a
/// save, a journal opened, a walkthrough ended, a link opened. Apart from
/// [`Action`] because it carries words and a journal, and a key does not.
#[derive(Debug, Clone, PartialEq)]
pub enum Learned {
    /// The journal was opened after the first frame: what it holds, whether
    /// it is kept on disk, whether to open the place it remembers (not if a
    /// quick look already did), and its first message, if any.
    JournalOpened {
        /// The journal as opened.
        journal: crate::journal::record::Journal,
        /// Whether changes are kept on disk.
        kept: bool,
        /// Open the section the journal says the person was reading.
        resume: bool,
        /// What opening it had to say ("read-only", "waiting"...).
        message: Option<String>,
    },
    /// A save went as described: the journal as now saved (if it was
    /// read again), why saves do not reach the disk (if they do not), and
    /// what to say.
    Saved {
        /// The journal as saved, merged with other copies' changes.
        journal: Option<crate::journal::record::Journal>,
        /// Why saves do not reach the disk, if they do not.
        read_only: Option<String>,
        /// How the save went.
        save: crate::reader::update::Saved,
    },
    /// The loop is running: today's local day (known once the time zone
    /// database is read, after the first frame) and why the journal is
    /// read-only, if it is.
    Running {
        /// Today in the local time zone.
        today: jiff::civil::Date,
        /// Why saves do not reach the disk, if they do not.
        read_only: Option<String>,
    },
    /// A note was kept on disk, with what to say ("Note saved.", or
    /// "Note removed" when it was emptied).
    NoteSaved(&'static str),
    /// A commitment's change reached the disk.
    CommitmentSaved(crate::journal::record::CommitmentChange),
    /// A web address was opened, or could not be: what to say.
    LinkOpened(String),
    /// The theme could not be remembered, and why.
    ThemeNotRemembered(String),
    /// A walkthrough from the reader ended: its one line.
    WalkthroughEnded(String),
}
