//! Reading a toolkit a person names with `--content` or `check-content`:
//! a JSON file, or a folder of Markdown files. In a folder each file is
//! read as [`super::read_text`] reads one (no device, a size limit), the
//! whole folder has the same limit, and a symbolic link is never followed
//! (it could lead out of the folder): it is reported, as is any file that
//! is not Markdown, so nothing is left out without a word.

use crate::toolkit::content::{self, Checks, Loaded, Place, Problem, Severity};
use crate::toolkit::markdown::{self, File};
use std::io;
use std::path::Path;

/// The most files a toolkit folder may hold: far above any real toolkit
/// (the built-in one is about 50).
pub const MOST_FILES: usize = 10_000;

/// The toolkit at `path` (a JSON file or a Markdown folder), loaded and
/// checked, or why it cannot be read at all.
pub fn load_toolkit(path: &Path) -> io::Result<Loaded> {
    load_toolkit_checking(path, Checks::Every)
}

/// [`load_toolkit`] running only the meaning `checks` asked for: opening a
/// toolkit to read needs only its errors.
pub fn load_toolkit_checking(path: &Path, checks: Checks) -> io::Result<Loaded> {
    if !std::fs::metadata(path)?.is_dir() {
        return Ok(content::load_checking(
            &super::read_toolkit_text(path)?,
            checks,
        ));
    }
    let folder = read(path)?;
    let mut loaded = markdown::load_checking(&path.display().to_string(), &folder.files, checks);
    if folder
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error)
    {
        loaded.toolkit = None;
    }
    let mut problems = folder.problems;
    problems.append(&mut loaded.problems);
    loaded.problems = problems;
    Ok(loaded)
}

/// The Markdown files of a folder, and what was not read.
#[derive(Debug, Default)]
pub struct Folder {
    /// The `.md` files, by their paths inside the folder.
    pub files: Vec<File>,
    /// Links not followed (errors) and other files left out (warnings).
    pub problems: Vec<Problem>,
}

/// Reads the `.md` files of `root` and of the folders in it (one level:
/// a part is a folder of sections), in name order. Names starting with a
/// dot (`.git`) are passed over.
pub fn read(root: &Path) -> io::Result<Folder> {
    read_up_to(root, super::MOST_TOOLKIT_BYTES)
}

/// [`read`] with the limit on the whole folder given, for tests.
fn read_up_to(root: &Path, most: u64) -> io::Result<Folder> {
    let mut folder = Folder::default();
    let mut bytes = 0u64;
    walk(root, root, 0, &mut folder, &mut |len| {
        bytes += len;
        if bytes > most {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the folder holds more than {} MB, and a toolkit may be at most {} MB \
                     (the built-in one is 80 KB); is it the right folder?",
                    most / (1024 * 1024),
                    super::MOST_TOOLKIT_BYTES / (1024 * 1024)
                ),
            ));
        }
        Ok(())
    })?;
    Ok(folder)
}

fn walk(
    root: &Path,
    dir: &Path,
    depth: usize,
    folder: &mut Folder,
    count: &mut impl FnMut(u64) -> io::Result<()>,
) -> io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let inside = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        // The entry itself, never what a link points to.
        let kind = std::fs::symlink_metadata(&path)?.file_type();
        let mut report = |severity, message: &str| {
            folder.problems.push(Problem {
                severity,
                place: Place::File {
                    file: path.display().to_string(),
                    line: 1,
                    column: 1,
                },
                message: message.into(),
            })
        };
        if kind.is_symlink() {
            report(
                Severity::Error,
                "a symbolic link is not followed (it could lead out of the folder): put the \
                 file itself here",
            );
        } else if kind.is_dir() && depth == 0 {
            walk(root, &path, depth + 1, folder, count)?;
        } else if kind.is_dir() {
            report(
                Severity::Error,
                "a folder inside a part's folder is not read: a part is one folder of section \
                 files (move them up)",
            );
        } else if !name.ends_with(".md") {
            report(
                Severity::Warning,
                "not a Markdown file (.md), so not part of the toolkit",
            );
        } else {
            if folder.files.len() >= MOST_FILES {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "the folder holds more than {MOST_FILES} files; is it the right folder?"
                    ),
                ));
            }
            let text = super::read_toolkit_text(&path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            count(text.len() as u64)?;
            folder.files.push(File { path: inside, text });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_files_are_read_by_their_paths_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("01-a")).unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join("SUMMARY.md"), "s").unwrap();
        std::fs::write(dir.path().join("01-a/part.md"), "p").unwrap();
        std::fs::write(dir.path().join("01-a/notes.txt"), "n").unwrap();
        std::fs::write(dir.path().join(".git/config"), "g").unwrap();
        let folder = read(dir.path()).unwrap();
        let paths: Vec<&str> = folder.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["01-a/part.md", "SUMMARY.md"]);
        assert_eq!(folder.problems.len(), 1);
        assert_eq!(folder.problems[0].severity, Severity::Warning);
        assert!(folder.problems[0].to_string().contains("notes.txt:1:1"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_never_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "private words").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.path().join("a.md"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("01-part")).unwrap();
        let folder = read(dir.path()).unwrap();
        assert!(folder.files.is_empty(), "{:?}", folder.files);
        assert_eq!(folder.problems.len(), 2);
        assert!(
            folder
                .problems
                .iter()
                .all(|p| p.severity == Severity::Error && p.message.contains("symbolic link"))
        );
    }

    #[test]
    fn a_folder_over_the_limit_is_refused_saying_so() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "x".repeat(600)).unwrap();
        std::fs::write(dir.path().join("b.md"), "x".repeat(600)).unwrap();
        let err = read_up_to(dir.path(), 1024).unwrap_err().to_string();
        assert!(err.contains("more than"), "{err}");
        assert!(read_up_to(dir.path(), 2048).is_ok());
    }
}
