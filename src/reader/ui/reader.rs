//! The reading view: title bar, contents, the open section, status line.

use crate::journal::report;
use crate::journal::report::{BOOKMARK_MARK, NOTE_MARK};
use crate::reader::action::Action;
use crate::reader::app::{App, ContentsRow, Focus, Overlay};
use crate::reader::keymap::{self, READER};
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Padding, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

/// Draws the reading view; the caller has checked the screen is big enough.
pub fn draw(frame: &mut Frame, app: &App) {
    let Some(layout) = app.layout() else { return };
    let title = fit(
        &format!(" {}", app.toolkit.title),
        usize::from(layout.title.width),
    );
    frame.render_widget(
        Paragraph::new(title).style(app.theme.title_bar),
        layout.title,
    );
    if let Some(area) = layout.contents {
        draw_contents(frame, app, area);
    }
    if let Some(area) = layout.text {
        draw_text(frame, app, area);
    }
    draw_status(frame, app, layout.status);
}

/// A pane's border and title; the focused pane is marked by a `▸` and bold,
/// not by colour alone.
fn pane<'a>(app: &App, title: &'a str, focused: bool) -> Block<'a> {
    let (marker, style) = if focused {
        ("▸ ", app.theme.border_focused)
    } else {
        ("", app.theme.border)
    };
    Block::bordered()
        .title(format!(" {marker}{title} "))
        .border_style(style)
}

fn draw_contents(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Contents;
    let block = pane(app, "Contents", focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let rows = app.contents_rows();
    let visible = rows
        .iter()
        .skip(app.contents_offset)
        .take(usize::from(inner.height));
    let mut lines = Vec::new();
    for row in visible {
        let line = match *row {
            ContentsRow::Part(part) => {
                Line::styled(fit(&app.toolkit.parts[part].title, width), app.theme.part)
            }
            ContentsRow::Section(index) => contents_entry(app, index, width),
        };
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if focused
        && let Some(row) = rows
            .iter()
            .position(|r| *r == ContentsRow::Section(app.selected))
        && let Some(y) = row.checked_sub(app.contents_offset)
        && y < usize::from(inner.height)
    {
        let y = inner.y + u16::try_from(y).unwrap_or(0);
        frame.set_cursor_position(Position::new(inner.x, y));
    }
}

/// One section in the contents: `▶` marks the open one, reverse video the
/// selected one.
fn contents_entry(app: &App, index: usize, width: usize) -> Line<'static> {
    let Some(entry) = app.toolkit.entry(index) else {
        return Line::default();
    };
    let open = if index == app.current { "▶" } else { " " };
    let id = &entry.section.id;
    let mark = report::mark(app.journal.status(id));
    let bookmark = if app.journal.records.bookmarks.contains_key(id) {
        BOOKMARK_MARK
    } else {
        ""
    };
    let note = if app.journal.records.notes.contains_key(id) {
        NOTE_MARK
    } else {
        ""
    };
    let text = fit(
        &format!(
            "{open}{:>2} {mark}{bookmark}{note} {}",
            index + 1,
            entry.section.title
        ),
        width,
    );
    let style = if index == app.selected && app.focus == Focus::Contents {
        app.theme.selected
    } else if index == app.current {
        app.theme.part
    } else {
        app.theme.text
    };
    Line::styled(text, style)
}

/// Cuts text to `width` columns with an ellipsis (it lives with the other
/// laid-out text, so the journal's rows can use it without a view).
pub use crate::reader::layout::lines::fit;

fn draw_text(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Text;
    let part = app
        .toolkit
        .entry(app.current)
        .map_or("", |e| e.part.title.as_str());
    let block = pane(app, part, focused).padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let visible: Vec<Line> = app
        .section_lines()
        .iter()
        .skip(usize::from(app.scroll))
        .take(usize::from(inner.height))
        .cloned()
        .collect();
    let visible =
        crate::reader::windows::search::draw::highlighted(visible, app.highlight.as_deref());
    frame.render_widget(Paragraph::new(visible), inner);
    let max = app.max_scroll();
    if max > 0 {
        // A scrollbar on the border shows there is more, by shape not colour.
        let mut state = ScrollbarState::new(usize::from(max)).position(usize::from(app.scroll));
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"));
        frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
    }
    if focused && app.overlay.is_none() {
        frame.set_cursor_position(Position::new(inner.x, inner.y));
    }
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let width = usize::from(area.width);
    let (long, short) = status_text(app);
    // The long form unless it would crowd out the first hints (help, quit,
    // sections); then without the part's title (the pane shows it); then short.
    let all = hints(app);
    let wanted: usize = all.iter().take(3).map(|h| text_width(h) + 2).sum();
    let help_width = all.first().map_or(0, |h| text_width(h) + 2);
    let medium = without_part(app, &long);
    let left = if text_width(&long) + wanted < width {
        long
    } else if text_width(&medium) + wanted < width {
        medium
    } else if text_width(&long) + help_width < width {
        long
    } else {
        short
    };
    let mut used = text_width(&left) + 1;
    // As many hints as fit, most important first, laid out right to left.
    let mut shown = Vec::new();
    for hint in all {
        if used + text_width(&hint) + 2 > width {
            break;
        }
        used += text_width(&hint) + 2;
        shown.push(hint);
    }
    shown.reverse();
    let right = shown.join("  ");
    let gap = width.saturating_sub(text_width(&left) + text_width(&right) + 1);
    let line = Line::from(vec![
        Span::raw(fit(&left, width)),
        Span::raw(" ".repeat(gap)),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(app.theme.status), area);
}

/// The footer without the part's title, which the text pane's border shows.
fn without_part(app: &App, long: &str) -> String {
    let part = app
        .toolkit
        .entry(app.current)
        .map_or("", |e| e.part.title.as_str());
    if part.is_empty() || !app.number.is_empty() || app.message.is_some() {
        return long.to_string();
    }
    long.replacen(&format!(" · {part}"), "", 1)
}

fn text_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Where the person is (or the message or number being typed), in a long
/// and a short form for narrow screens.
pub fn status_text(app: &App) -> (String, String) {
    // The question asked is what the footer says, not an older message.
    if app.overlay == Some(Overlay::ConfirmQuit) {
        let long = " Leave anyway? Your words are not saved.";
        return (long.into(), " Leave anyway?".into());
    }
    if !app.number.is_empty() {
        let long = format!(
            " Go to section {}_  (Enter to go, Esc to cancel)",
            app.number
        );
        return (long, format!(" Go to {}_", app.number));
    }
    if let Some(message) = &app.message {
        return (format!(" {message}"), format!(" {message}"));
    }
    if let Some(entry) = app.welcome.and_then(|i| app.toolkit.entry(i)) {
        let number = entry.index + 1;
        let long = format!(
            " Welcome back: continuing at {number}. {}",
            entry.section.title
        );
        return (long, format!(" Welcome back: at {number}"));
    }
    // Until words that could not be saved are saved, the footer says so.
    if let Some((_, why)) = &app.unsaved {
        return (format!(" Not saved: {why}"), " Not saved".into());
    }
    let Some(entry) = app.toolkit.entry(app.current) else {
        return (String::new(), String::new());
    };
    let count = app.toolkit.section_count();
    let number = app.current + 1;
    // Nothing is being saved: say so on every screen, not with colour alone.
    let read_only = if app.read_only.is_some() {
        " · read-only"
    } else {
        ""
    };
    // Where in this section, in words: a bare "34%" beside "Section 1 of
    // 35" reads as progress through the course.
    let max = app.max_scroll();
    let percent = u32::from(app.scroll) * 100 / u32::from(max.max(1));
    let (scroll, scroll_short) = match app.scroll {
        _ if max == 0 => (String::new(), String::new()),
        0 => (" · top".to_string(), " · top".to_string()),
        s if s >= max => (" · end".to_string(), " · end".to_string()),
        _ => (
            format!(" · {percent}% of this section"),
            format!(" · {percent}% down"),
        ),
    };
    (
        format!(
            " Section {number} of {count} · {}{scroll}{read_only}",
            entry.part.title
        ),
        format!(" {number}/{count}{scroll_short}{read_only}"),
    )
}

/// The main keys, most important first, named from the keymap so they
/// cannot drift.
fn hints(app: &App) -> Vec<String> {
    match app.overlay {
        Some(Overlay::Help { .. }) => return vec!["Esc close".into(), "↑↓ scroll".into()],
        // The same verb as the window's own hint ("Enter edits" in my notes).
        Some(Overlay::Notes { .. }) => {
            return vec!["Esc close".into(), "Enter edit".into(), "↑↓ choose".into()];
        }
        Some(Overlay::Journal { .. } | Overlay::Bookmarks { .. } | Overlay::Links { .. }) => {
            return vec!["Esc close".into(), "Enter open".into(), "↑↓ choose".into()];
        }
        Some(Overlay::Note(_) | Overlay::Label(_)) => return vec!["Esc close".into()],
        Some(Overlay::ConfirmQuit) => return vec!["y leave".into(), "n stay".into()],
        // Where nothing can be saved, Enter and Esc only close.
        Some(Overlay::Commit(ref window)) => {
            let keep = if app.read_only.is_some() {
                "Esc close"
            } else {
                "Enter keep"
            };
            return if window.on_date {
                vec!["↑↓ date".into(), keep.into(), "F1 help".into()]
            } else {
                vec![keep.into(), "Tab date".into(), "F1 help".into()]
            };
        }
        Some(Overlay::CheckIn(_)) => {
            let save = if app.read_only.is_some() {
                "Esc close"
            } else {
                "Esc save"
            };
            return vec![save.into(), "Tab choices".into(), "F1 help".into()];
        }
        Some(Overlay::Search { .. }) => {
            return vec!["Esc close".into(), "Enter open".into(), "↑↓ choose".into()];
        }
        Some(Overlay::Choose { .. }) => {
            return vec!["Esc cancel".into(), "Enter choose".into(), "↑↓ move".into()];
        }
        None => {}
    }
    let key = |action| {
        keymap::hint_for(READER, action)
            .map(|k| keymap::short(&k))
            .unwrap_or_default()
    };
    // Tab goes to whichever pane does not have focus; `t` shows hidden contents.
    let contents = match (app.contents_shown(), app.focus) {
        (true, Focus::Contents) => format!("{} text", key(Action::SwitchFocus)),
        (true, Focus::Text) => format!("{} contents", key(Action::SwitchFocus)),
        (false, _) => format!("{} contents", key(Action::ToggleContents)),
    };
    let help = format!("{} help", key(Action::Help));
    let quit = format!("{} quit", key(Action::Quit));
    let sections = format!(
        "{}{} sections",
        key(Action::PreviousSection),
        key(Action::NextSection)
    );
    let note = format!("{} note", key(Action::EditNote));
    let commit = format!("{} commit", key(Action::Commit));
    let bookmark = format!("{} bookmark", key(Action::ToggleBookmark));
    let journal = format!("{} journal", key(Action::Journal));
    // At a section's end (where a person reflects) the writing keys come
    // first after help, so an 80-column footer still shows them.
    if app.scroll >= app.max_scroll() {
        return vec![
            help, note, commit, sections, quit, contents, bookmark, journal,
        ];
    }
    vec![
        help, quit, sections, contents, note, bookmark, journal, commit,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_inside_the_width() {
        assert_eq!(fit("hello", 10), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("你好世界", 5), "你好…");
        assert_eq!(fit("abc", 0), "");
    }

    fn long_section_app() -> App {
        let mut app = App::new(crate::toolkit::content::built_in(), 80, 24);
        app.current = (0..app.toolkit.section_count())
            .max_by_key(|i| {
                app.current = *i;
                app.max_scroll()
            })
            .unwrap_or(0);
        app
    }

    #[test]
    fn the_footer_says_where_in_the_section_not_a_bare_percentage() {
        let mut app = long_section_app();
        let max = app.max_scroll();
        assert!(max > 4);
        let (long, short) = status_text(&app);
        assert!(long.ends_with(" · top"), "{long}");
        assert!(short.ends_with(" · top"), "{short}");
        app.scroll = max / 2;
        let (long, short) = status_text(&app);
        let percent = u32::from(max / 2) * 100 / u32::from(max);
        assert!(
            long.ends_with(&format!("{percent}% of this section")),
            "{long}"
        );
        assert!(short.contains(&format!("{percent}%")), "{short}");
        app.scroll = max;
        let (long, short) = status_text(&app);
        assert!(long.ends_with(" · end"), "{long}");
        assert!(short.ends_with(" · end"), "{short}");
    }

    /// Issue 26: my notes said "Enter edits" in its window and "Enter open"
    /// on the status line, for the same key.
    #[test]
    fn the_status_line_uses_the_windows_own_verb_for_enter() {
        let mut app = App::new(crate::toolkit::content::built_in(), 80, 24);
        app.overlay = Some(Overlay::Notes { selected: 0 });
        let all = hints(&app).join("  ");
        assert!(
            all.contains("Enter edit") && !all.contains("Enter open"),
            "{all}"
        );
        app.overlay = Some(Overlay::Bookmarks { selected: 0 });
        assert!(hints(&app).join("  ").contains("Enter open"));
    }

    /// Issue 26: at 80x24 the writing keys (`e` note, `C` commit) did not
    /// show once a section's end was on screen. Drawn for every section,
    /// scrolled to its end, the footer names both.
    #[test]
    fn the_writing_keys_show_at_every_sections_end_at_80_columns() {
        let mut app = App::new(crate::toolkit::content::built_in(), 80, 24);
        for index in 0..app.toolkit.section_count() {
            app.current = index;
            app.scroll = app.max_scroll();
            let backend = ratatui::backend::TestBackend::new(80, 24);
            let mut terminal = ratatui::Terminal::new(backend).expect("a test terminal");
            terminal
                .draw(|frame| crate::reader::ui::draw(frame, &app))
                .expect("drawn");
            let buffer = terminal.backend().buffer();
            let footer: String = (0..80)
                .map(|x| buffer[(x, 23)].symbol().to_owned())
                .collect();
            assert!(
                footer.contains("e note") && footer.contains("C commit"),
                "section {}: {footer}",
                index + 1
            );
        }
    }

    #[test]
    fn the_hints_name_the_main_keys_and_never_tab_to_where_focus_is() {
        let mut app = App::new(crate::toolkit::content::built_in(), 200, 40);
        let all = hints(&app).join("  ");
        for hint in ["e note", "b bookmark", "J journal", "Tab contents"] {
            assert!(all.contains(hint), "{all}");
        }
        app.focus = Focus::Contents;
        let all = hints(&app).join("  ");
        assert!(!all.contains("Tab contents"), "{all}");
        assert!(all.contains("Tab text"), "{all}");
    }
}
