//! Folders the app keeps private files in, and opening files there without
//! following links (RELIABILITY 29 and 30).
//!
//! Every folder the app creates is 0700 whatever the umask, its missing
//! parents included; a folder that already exists is never chmod'ed (it may
//! be `/tmp`, or someone's home). A folder others can change is refused for
//! private files, as OpenSSH's StrictModes refuses a loose `~/.ssh`.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};

#[cfg(unix)]
use super::super::DIR_MODE;

/// Creates `dir` and any missing parents, each 0700 whatever the umask,
/// leaving folders that exist as they are; then checks that `dir` is one a
/// private file can be kept in ([`check_private_dir`]).
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    create_missing(dir)?;
    check_private_dir(dir)
}

#[cfg(unix)]
fn create_missing(dir: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut at = dir;
    loop {
        match fs::symlink_metadata(at) {
            Ok(_) => break,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                missing.push(at);
                match at.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => at = parent,
                    _ => break,
                }
            }
            Err(err) => return Err(err),
        }
    }
    for folder in missing.into_iter().rev() {
        match fs::DirBuilder::new().mode(DIR_MODE).create(folder) {
            // Made here, so made 0700: the umask can only have taken bits
            // away. Set on the folder as opened, never through a link.
            Ok(()) => {
                let handle = no_follow()
                    .read(true)
                    .custom_flags(nofollow_flags() | directory_flag())
                    .open(folder)?;
                handle.set_permissions(fs::Permissions::from_mode(DIR_MODE))?;
            }
            // Made by another copy of the app in the meantime: checked below
            // if it is the data folder itself.
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn create_missing(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Whether `dir` is a folder private files can be kept in: a folder (a link
/// to one is followed: it was chosen by name), owned by this user and not
/// writable by the group or others. Otherwise says why and what to do.
#[cfg(unix)]
pub(crate) fn check_private_dir(dir: &Path) -> io::Result<()> {
    let meta = fs::metadata(dir)?;
    let refused = |why: String| Err(io::Error::new(io::ErrorKind::PermissionDenied, why));
    if !meta.is_dir() {
        return refused("it is not a folder".into());
    }
    if meta.uid() != rustix::process::geteuid().as_raw() {
        return refused(format!(
            "it belongs to another user (number {}), who could read or change a journal \
             kept there; choose a folder of your own with --data-dir",
            meta.uid()
        ));
    }
    // A shared folder such as /tmp (the sticky bit) is meant for everyone:
    // making it private would break what else uses it, so the advice is a
    // folder of one's own inside it.
    if meta.mode() & 0o1000 != 0 {
        return refused(format!(
            "it is a folder shared with others, who could replace a journal kept there; \
             make a folder of your own in it (`mkdir -m 700 {}`) and choose that with \
             --data-dir",
            shell_quoted(&dir.join("allyship"))
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return refused(format!(
            "others can write to it, so they could replace a journal kept there; make it \
             yours alone with `chmod 700 {}`, or choose another folder with --data-dir",
            shell_quoted(dir)
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn check_private_dir(dir: &Path) -> io::Result<()> {
    if fs::metadata(dir)?.is_dir() {
        Ok(())
    } else {
        Err(io::Error::other("it is not a folder"))
    }
}

/// Refuses `path` if it is a symbolic link: a journal that is a link is
/// reported, never read, moved or chmod'ed through.
pub(crate) fn refuse_link(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} is a link to another file, and allyship never follows links in its \
                 folder; put the file itself there, or remove the link",
                path.display()
            ),
        )),
        _ => Ok(()),
    }
}

/// Options that never follow a link at the last step of a path, and never
/// wait at the open (a FIFO planted under a file's name would otherwise
/// hold every command there for ever); Unix only, elsewhere plain options.
pub(crate) fn no_follow() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    options.custom_flags(nofollow_flags() | rustix::fs::OFlags::NONBLOCK.bits().cast_signed());
    options
}

/// Opens an existing file for reading, refusing a link and anything that
/// is not a plain file (a FIFO, a device such as a copy of /dev/zero, a
/// folder): nothing in the data folder is trusted to be what its name says.
pub(crate) fn open_no_follow(path: &Path) -> io::Result<File> {
    let file = no_follow()
        .read(true)
        .open(path)
        // A link is named as one, not as "too many levels of links".
        .map_err(|err| refuse_link(path).err().unwrap_or(err))?;
    plain_file(file)
}

/// `file` if it is a plain file, else an error saying what it is.
pub(crate) fn plain_file(file: File) -> io::Result<File> {
    match not_plain(file.metadata()?.file_type()) {
        Some(err) => Err(err),
        None => Ok(file),
    }
}

/// The error for something under a file's name that is not a plain file
/// (a FIFO, a device such as a copy of /dev/zero, a folder), or `None`.
pub(crate) fn not_plain(kind: fs::FileType) -> Option<io::Error> {
    let what = if kind.is_file() || kind.is_symlink() {
        return None;
    } else if kind.is_dir() {
        "a folder"
    } else {
        "a device or a pipe"
    };
    Some(io::Error::new(
        io::ErrorKind::InvalidData,
        format!("it is {what}, not a plain file, so allyship leaves it alone; move it away"),
    ))
}

/// Reads a whole file, refusing a link.
pub(crate) fn read_no_follow(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut open_no_follow(path)?, &mut bytes)?;
    Ok(bytes)
}

#[cfg(unix)]
fn nofollow_flags() -> i32 {
    rustix::fs::OFlags::NOFOLLOW.bits().cast_signed()
}

#[cfg(unix)]
fn directory_flag() -> i32 {
    rustix::fs::OFlags::DIRECTORY.bits().cast_signed()
}

/// `path` as one shell word, quoted when it needs to be, so the advice can
/// be pasted as it is (a macOS data folder has a space in it).
#[cfg(unix)]
fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+~,:@%".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn advice_paths_paste_as_one_shell_word() {
        assert_eq!(
            shell_quoted(Path::new("/home/a/.local/share")),
            "/home/a/.local/share"
        );
        assert_eq!(
            shell_quoted(Path::new("/Users/a/Library/Application Support/allyship")),
            "'/Users/a/Library/Application Support/allyship'"
        );
        assert_eq!(shell_quoted(Path::new("/tmp/it's")), r"'/tmp/it'\''s'");
    }
}
