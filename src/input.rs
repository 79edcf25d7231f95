//! Reading a file a person names on the command line (a toolkit for
//! `--content` or `check-content`, an export or rescue file to `import`):
//! a device is refused and a size limit holds, so `/dev/zero` or a runaway
//! file is refused with a message instead of taking all the memory there
//! is. A pipe still works (`import <(…)`), up to the limit.

use std::io::{self, Read};
use std::path::Path;

/// The most a named file may hold: far above any real toolkit (the built-in
/// one is 80 KB, 3,500 sections 7.8 MB) or export (a hundred times ten
/// heavy years is about 30 MB).
pub const MOST_BYTES: u64 = 128 * 1024 * 1024;

/// The text of the file at `path`, or why it can't be read, in words a
/// person can act on (what follows "Could not read FILE: ").
pub fn read_text(path: &Path) -> io::Result<String> {
    read_text_up_to(path, MOST_BYTES)
}

/// [`read_text`] with the limit given, so tests need not write 128 MB.
fn read_text_up_to(path: &Path, most: u64) -> io::Result<String> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    refuse_device(&meta.file_type())?;
    // Room for the whole file at once (a large toolkit is megabytes): no
    // doubling and copying as it is read.
    let size = meta.len().min(most + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(most + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > most {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "it holds more than {} MB, far more than any toolkit or export; is it the right file?",
                most / (1024 * 1024)
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "it is not text (UTF-8), so it is not a toolkit or an export",
        )
    })
}

/// A device (such as /dev/zero or a disk) is never read as a file.
#[cfg(unix)]
fn refuse_device(kind: &std::fs::FileType) -> io::Result<()> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_char_device() || kind.is_block_device() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "it is a device, not a file",
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_device(_kind: &std::fs::FileType) -> io::Result<()> {
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
        assert_eq!(read_text_up_to(&path, 1024).unwrap().len(), 1024);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_saying_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, "x".repeat(1025)).unwrap();
        let err = read_text_up_to(&path, 1024).unwrap_err().to_string();
        assert!(err.contains("more than"), "{err}");
    }

    #[test]
    fn bytes_that_are_not_text_are_refused_saying_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        let err = read_text(&path).unwrap_err().to_string();
        assert!(err.contains("not text"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_at_once() {
        let err = read_text(Path::new("/dev/zero")).unwrap_err().to_string();
        assert!(err.contains("device"), "{err}");
    }
}
