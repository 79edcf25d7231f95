//! Reading a file a person names on the command line (a toolkit for
//! `--content` or `check-content`, an export or rescue file to `import`):
//! a device is refused and a size limit holds, so `/dev/zero` or a runaway
//! file is refused with a message instead of taking all the memory there
//! is. A named pipe (FIFO) is opened without waiting and refused, as a
//! device is (it would wait for ever for a writer); the shell's own pipe
//! (`import <(…)`, a `/dev/fd` name) still works, up to the limit.
//! A toolkit may also be a folder of Markdown files: [`folder`] reads it,
//! file by file within the same limits.

pub mod folder;

use std::io::{self, Read};
use std::path::Path;

/// The most a named file may hold: far above any real toolkit (the built-in
/// one is 80 KB, 3,500 sections 7.8 MB) or export (a hundred times ten
/// heavy years is about 30 MB).
pub const MOST_BYTES: u64 = 128 * 1024 * 1024;

/// The most a toolkit may hold, however it comes in (`--content`,
/// `check-content`, `convert`, a JSON file or a folder of Markdown): the
/// built-in one is 80 KB and 3,500 sections are 7.8 MB, so 20 MB is far
/// above any real toolkit, and one this size loads in a few hundred MB
/// and a few seconds, where a 126 MB one took 1.5 GB and 9 s.
pub const MOST_TOOLKIT_BYTES: u64 = 20 * 1024 * 1024;

/// The most one piece of a person's own words may hold (a note, a
/// check-in's answer), however it arrives: standard input, an argument.
/// A paste of a whole book is a mistake, and the journal is written whole
/// at every save; a journal of such pieces still exports into a file that
/// `import` reads (an export over [`MOST_BYTES`] is refused, saying so).
pub const MOST_WORDS: u64 = 10 * 1024 * 1024;

/// What a person is told when words are over [`MOST_WORDS`]: `what` (a
/// note, an answer) may be at most 10 MB.
pub fn words_too_long(what: &str) -> String {
    format!("{what} may be at most {} MB", MOST_WORDS / 1024 / 1024)
}

/// Reads `input` to its end, but never more than `most` bytes into memory:
/// `None` when there was more.
pub fn read_up_to(input: &mut dyn Read, most: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    input.take(most + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= most).then_some(bytes))
}

/// The text of the file at `path`, or why it can't be read, in words a
/// person can act on (what follows "Could not read FILE: ").
pub fn read_text(path: &Path) -> io::Result<String> {
    read_text_up_to(path, MOST_BYTES, file_too_large)
}

/// The text of the toolkit file at `path` (JSON, or one Markdown file of
/// a folder), at most [`MOST_TOOLKIT_BYTES`], or why it can't be read.
pub fn read_toolkit_text(path: &Path) -> io::Result<String> {
    read_text_up_to(path, MOST_TOOLKIT_BYTES, toolkit_too_large)
}

/// What a person is told when a toolkit is over `most` bytes.
fn toolkit_too_large(most: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "it holds more than {} MB, and a toolkit may be at most {} MB (the built-in one \
             is 80 KB); is it the right file?",
            most / (1024 * 1024),
            MOST_TOOLKIT_BYTES / (1024 * 1024)
        ),
    )
}

/// What a person is told when a file (an export, say) is over `most` bytes.
fn file_too_large(most: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "it holds more than {} MB, far more than any toolkit or export; is it the right file?",
            most / (1024 * 1024)
        ),
    )
}

/// [`read_text`] with the limit given (and the words when it is over),
/// so tests need not write 128 MB.
fn read_text_up_to(path: &Path, most: u64, too_large: fn(u64) -> io::Error) -> io::Result<String> {
    let file = open_without_waiting(path)?;
    let meta = file.metadata()?;
    refuse_device(&meta.file_type(), path)?;
    let file = wait_when_reading(file)?;
    // Room for the whole file at once (a large toolkit is megabytes): no
    // doubling and copying as it is read.
    let size = meta.len().min(most + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(most + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > most {
        return Err(too_large(most));
    }
    String::from_utf8(bytes).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "it is not text (UTF-8), so it is not a toolkit or an export",
        )
    })
}

/// Opens `path` to read without waiting at the open: a FIFO with no
/// writer would otherwise hold the command for ever before it could look.
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed())
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The file, reads now waiting for data as usual (a pipe from the shell
/// may be slower than the command).
#[cfg(unix)]
fn wait_when_reading(file: std::fs::File) -> io::Result<std::fs::File> {
    let flags = rustix::fs::fcntl_getfl(&file)?;
    rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)?;
    Ok(file)
}

#[cfg(not(unix))]
fn wait_when_reading(file: std::fs::File) -> io::Result<std::fs::File> {
    Ok(file)
}

/// A device (such as /dev/zero or a disk), a socket or a named pipe is
/// never read as a file; the shell's own pipe (`<(…)`, named under
/// `/dev/fd`) is.
#[cfg(unix)]
fn refuse_device(kind: &std::fs::FileType, path: &Path) -> io::Result<()> {
    use std::os::unix::fs::FileTypeExt;
    let refused = |what: &str| Err(io::Error::new(io::ErrorKind::InvalidData, what.to_owned()));
    if kind.is_char_device() || kind.is_block_device() {
        return refused("it is a device, not a file");
    }
    if kind.is_socket() {
        return refused("it is a socket, not a file");
    }
    if kind.is_fifo() && !shells_own_pipe(path) {
        return refused(
            "it is a named pipe (FIFO), not a file, and reading it could wait for ever; \
             save what it would give to a file and name that",
        );
    }
    Ok(())
}

/// Whether `path` names a pipe the shell made for this command (`<(…)`):
/// a `/dev/fd` name whose link reads `pipe:[…]`, never a FIFO on disk.
#[cfg(unix)]
fn shells_own_pipe(path: &Path) -> bool {
    std::fs::read_link(path).is_ok_and(|to| to.to_string_lossy().starts_with("pipe:["))
}

#[cfg(not(unix))]
fn refuse_device(_kind: &std::fs::FileType, _path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, "x".repeat(1024)).unwrap();
        assert_eq!(
            read_text_up_to(&path, 1024, file_too_large).unwrap().len(),
            1024
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_saying_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, "x".repeat(1025)).unwrap();
        let err = read_text_up_to(&path, 1024, file_too_large)
            .unwrap_err()
            .to_string();
        assert!(err.contains("more than"), "{err}");
    }

    /// Issue 27, item 20: a toolkit over 20 MB is refused, saying the
    /// cap, before it is parsed (a sparse file: no disk used); an export
    /// of that size still reads.
    #[test]
    fn a_toolkit_over_the_cap_is_refused_saying_so_and_an_export_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MOST_TOOLKIT_BYTES + 1).unwrap();
        let err = read_toolkit_text(&path).unwrap_err().to_string();
        assert!(err.contains("a toolkit may be at most 20 MB"), "{err}");
        let export = read_text(&path).expect("an export may be larger");
        assert_eq!(export.len() as u64, MOST_TOOLKIT_BYTES + 1);
        file.set_len(MOST_TOOLKIT_BYTES).unwrap();
        assert_eq!(
            read_toolkit_text(&path).unwrap().len() as u64,
            MOST_TOOLKIT_BYTES
        );
    }

    #[test]
    fn bytes_that_are_not_text_are_refused_saying_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        let err = read_text(&path).unwrap_err().to_string();
        assert!(err.contains("not text"), "{err}");
    }

    /// Issue 27, item 13: a FIFO named on the command line (`--content`,
    /// `check-content`, `import`) is refused at once, never waited on; the
    /// shell's own pipe (`<(…)`) is still read.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_named_pipe_is_refused_at_once_and_the_shells_pipe_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(read_text(&fifo).map_err(|e| e.to_string())));
        let got = rx
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("answers at once, never waits for a writer");
        let err = got.unwrap_err();
        assert!(err.contains("named pipe (FIFO)"), "{err}");
        // A pipe named under /dev/fd, as the shell's `<(…)` gives one.
        let (reader, mut writer) = std::io::pipe().unwrap();
        std::io::Write::write_all(&mut writer, br#"{"a": 1}"#).unwrap();
        drop(writer);
        let name = format!("/dev/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&reader));
        assert_eq!(read_text(Path::new(&name)).unwrap(), r#"{"a": 1}"#);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_at_once() {
        let err = read_text(Path::new("/dev/zero")).unwrap_err().to_string();
        assert!(err.contains("device"), "{err}");
    }
}
