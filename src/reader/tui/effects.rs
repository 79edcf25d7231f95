//! Carrying out what `update` asks of the world outside the app: the
//! journal changed and saved, a walkthrough, a link opened, a copy, a
//! suspend, the theme remembered; and telling `update` what came of it
//! (a note is said saved once the words are on disk).

use super::session::Session;
use super::suspend;
use crate::reader::action::{Effect, Learned};
use crate::reader::update::learned;
use std::io;
use std::time::Instant;

/// What to say once the note `effects` keep is on disk: a note emptied
/// is removed, not saved (`None`: no note was kept).
fn note_said(effects: &[Effect]) -> Option<&'static str> {
    effects.iter().rev().find_map(|effect| match effect {
        Effect::KeepNote { text, .. } if text.trim().is_empty() => {
            Some("Note removed: it was empty.")
        }
        Effect::KeepNote { .. } => Some("Note saved."),
        _ => None,
    })
}

impl Session {
    /// Does what `update` asked, saving what changed; true when the app
    /// should leave.
    pub(super) fn carry_out(&mut self, effects: Vec<Effect>, now: Instant) -> anyhow::Result<bool> {
        let note_kept = note_said(&effects);
        let commitment = effects.iter().rev().find_map(|e| match e {
            Effect::Commitment(change) => Some(change.clone()),
            _ => None,
        });
        let (quit, changed) = self.apply_effects(effects)?;
        if changed {
            let written = self.save(now);
            // Said only once the change is on disk.
            if let Some(said) = note_kept.filter(|_| written) {
                learned(
                    &mut self.app,
                    Learned::NoteSaved(self.progress.note_said(said)),
                );
            }
            if let Some(change) = commitment.filter(|_| written) {
                learned(&mut self.app, Learned::CommitmentSaved(change));
            }
        }
        Ok(quit)
    }

    /// Does what `update` asked but save: (leave?, journal changed?).
    pub(super) fn apply_effects(&mut self, effects: Vec<Effect>) -> anyhow::Result<(bool, bool)> {
        let mut quit = false;
        let mut changed = false;
        for effect in effects {
            match effect {
                Effect::Quit => quit = true,
                Effect::KeepNote { section, text } => {
                    self.progress.set_note(&section, &text);
                    changed = true;
                }
                Effect::Bookmark { section, label } => {
                    self.progress.set_bookmark(&section, label);
                    changed = true;
                }
                Effect::Unbookmark { section } => {
                    self.progress.remove_bookmark(&section);
                    changed = true;
                }
                Effect::OpenUrl(url) => {
                    let said = crate::toolkit::links::open_in_browser(&url);
                    learned(&mut self.app, Learned::LinkOpened(said));
                }
                Effect::Present(sections) => self.present_from = Some(sections),
                Effect::Commitment(change) => {
                    let journal = &self.app.journal;
                    changed |= self.progress.change_commitment(journal, &change).is_some();
                }
                Effect::Choose { section, option } => {
                    self.progress.choose(&section, option);
                    changed = true;
                }
                Effect::Suspend => {
                    suspend(&mut self.terminal)?;
                    self.resized()?;
                }
                Effect::RememberTheme(name) => {
                    if let Some(dir) = &self.app.settings_dir {
                        let mut settings = crate::journal::settings::load(dir);
                        settings.theme = name;
                        if let Err(e) = crate::journal::settings::save(dir, &settings) {
                            learned(&mut self.app, Learned::ThemeNotRemembered(e.to_string()));
                        }
                    }
                }
                Effect::Copy(text) => {
                    use std::io::Write as _;
                    let mut out = io::stdout();
                    let _ = write!(out, "{}", crate::toolkit::links::osc52(&text))
                        .and_then(|()| out.flush());
                }
            }
        }
        Ok((quit, changed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emptied_note_is_said_to_be_removed_not_saved() {
        let keep = |text: &str| Effect::KeepNote {
            section: "welcome".into(),
            text: text.into(),
        };
        assert_eq!(note_said(&[keep("mine")]), Some("Note saved."));
        assert_eq!(
            note_said(&[keep(" \n ")]),
            Some("Note removed: it was empty.")
        );
        assert_eq!(note_said(&[Effect::Quit]), None);
    }
}
