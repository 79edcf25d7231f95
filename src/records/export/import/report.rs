//! What an import merged (or, as a preview, would merge): the counts of an
//! [`ImportReport`], and the lines `allyship import` prints from them.

use std::fmt;

/// What an import merged (or, as a preview, would merge); `Display` gives one line each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Notes for sections that had none here.
    pub notes_added: usize,
    /// Notes replaced by a newer imported edit.
    pub notes_updated: usize,
    /// Notes kept because the one here was newer.
    pub notes_kept: usize,
    /// Notes with the same text here already.
    pub notes_identical: usize,
    /// Bookmarks added.
    pub bookmarks_added: usize,
    /// Bookmarks relabelled by a newer imported one.
    pub bookmarks_updated: usize,
    /// Bookmarks already here (kept as they are).
    pub bookmarks_unchanged: usize,
    /// Sections read that were new here or got new dates or counts.
    pub sections_merged: usize,
    /// Sections read already here with the same dates.
    pub sections_unchanged: usize,
    /// Days of learning that were new here or got new sections or time.
    pub days_merged: usize,
    /// Days already here as they are.
    pub days_unchanged: usize,
    /// Earlier note versions kept aside that were new here.
    pub earlier_versions_added: usize,
    /// Choices on practice scenarios that were new here.
    pub choices_added: usize,
    /// Choices replaced by a newer imported one.
    pub choices_updated: usize,
    /// Choices here already, or newer here (kept as they are).
    pub choices_unchanged: usize,
    /// Notes and bookmarks dated more than a day after now, here or in the
    /// file: a clock that ran ahead. Both versions are kept, and such a
    /// date never makes a version count as the newest.
    pub future_dated: usize,
    /// Commitments new here.
    pub commitments_added: usize,
    /// Commitments here already that gained check-ins or dates (or two
    /// different ones under one id, both kept).
    pub commitments_merged: usize,
    /// Commitments here already, as they are.
    pub commitments_unchanged: usize,
    /// Peer discussions new here.
    pub discussions_added: usize,
    /// Peer discussions here already.
    pub discussions_unchanged: usize,
}

impl ImportReport {
    /// Whether the import changed anything.
    pub fn changed_anything(&self) -> bool {
        self.notes_added
            + self.notes_updated
            + self.bookmarks_added
            + self.bookmarks_updated
            + self.sections_merged
            + self.days_merged
            + self.earlier_versions_added
            + self.commitments_added
            + self.commitments_merged
            + self.choices_added
            + self.choices_updated
            + self.discussions_added
            > 0
    }
}

impl fmt::Display for ImportReport {
    /// What happened, one line for each kind of thing that changed or was
    /// met, each ending in a newline; lines that would say 0 are left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = [
            (self.notes_added, "Notes added"),
            (
                self.notes_updated,
                "Notes updated (the imported edit was newer; yours is kept as an earlier version)",
            ),
            (
                self.notes_kept,
                "Notes kept as they were (yours were newer; the imported text is kept as an \
                 earlier version)",
            ),
            (self.notes_identical, "Notes already here, identical"),
            (self.bookmarks_added, "Bookmarks added"),
            (self.bookmarks_updated, "Bookmarks relabelled"),
            (self.bookmarks_unchanged, "Bookmarks already here"),
            (self.sections_merged, "Sections read, merged"),
            (self.sections_unchanged, "Sections read, already here"),
            (self.days_merged, "Days of learning, merged"),
            (self.days_unchanged, "Days of learning, already here"),
            (self.earlier_versions_added, "Earlier note versions added"),
            (self.commitments_added, "Commitments added"),
            (
                self.commitments_merged,
                "Commitments merged (check-ins from both kept)",
            ),
            (self.commitments_unchanged, "Commitments already here"),
            (self.choices_added, "Choices on practice scenarios added"),
            (
                self.choices_updated,
                "Choices on practice scenarios updated (the imported choice was newer)",
            ),
            (
                self.choices_unchanged,
                "Choices on practice scenarios already here",
            ),
            (self.discussions_added, "Peer discussions added"),
            (self.discussions_unchanged, "Peer discussions already here"),
            (
                self.future_dated,
                "Dated more than a day in the future, so not trusted to be the newest \
                 (both versions kept)",
            ),
        ];
        let mut any = false;
        for (count, what) in lines.into_iter().filter(|(count, _)| *count > 0) {
            writeln!(f, "{what}: {count}")?;
            any = true;
        }
        if !any {
            writeln!(f, "The file held nothing to import.")?;
        }
        Ok(())
    }
}
