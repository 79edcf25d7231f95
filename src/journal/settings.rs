//! A small settings file that remembers choices such as the theme, in the
//! platform's config folder (or beside the journal when `--data-dir` or
//! `ALLYSHIP_DATA_DIR` is given, so tests and shared computers stay apart).

use crate::journal::store;
use crate::theme::ThemeName;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The settings file's name.
pub const SETTINGS_FILE: &str = "settings.json";

/// What is remembered between runs. Unknown fields are ignored, so an older
/// app reads a newer file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The theme last chosen with `--theme`.
    #[serde(default)]
    pub theme: ThemeName,
}

/// Where the settings live: beside the journal when its folder was chosen,
/// else the platform's config folder; `None` with no home folder.
pub fn settings_dir(data_dir: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = data_dir {
        return Some(dir.to_path_buf());
    }
    // From the environment, only a full path: a relative one (or a relative
    // HOME) would put settings in whichever folder the person stands in.
    let env = std::env::var_os(store::DATA_DIR_ENV).filter(|v| !v.is_empty());
    match env {
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            directories::ProjectDirs::from("", "", "allyship").map(|p| p.config_dir().to_path_buf())
        }
    }
    .filter(|dir| dir.is_absolute())
}

/// Reads the settings; a missing or unreadable file means the defaults, and
/// so does a link, a pipe or a device in its place (never read through).
pub fn load(dir: &Path) -> Settings {
    store::read_no_follow(&dir.join(SETTINGS_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes the settings atomically and privately; a failure is reported, not
/// fatal. Folders made for them (`~/.config` too, if missing) are 0700
/// whatever the umask; a folder others can write to is refused, never chmod'ed.
pub fn save(dir: &Path, settings: &Settings) -> std::io::Result<()> {
    store::create_private_dir(dir).map_err(|err| {
        std::io::Error::new(
            err.kind(),
            format!("the folder {} can't be used ({err})", dir.display()),
        )
    })?;
    let text = serde_json::to_string_pretty(settings).map_err(std::io::Error::other)?;
    store::atomic_write(&dir.join(SETTINGS_FILE), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), Settings::default());
        let settings = Settings {
            theme: ThemeName::HighContrast,
        };
        save(dir.path(), &settings).unwrap();
        assert_eq!(load(dir.path()), settings);
        let text = std::fs::read_to_string(dir.path().join(SETTINGS_FILE)).unwrap();
        assert!(text.contains("\"high-contrast\""), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn settings_folders_are_made_private_and_loose_ones_refused() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join(".config").join("allyship");
        save(&dir, &Settings::default()).unwrap();
        assert_eq!((mode(&dir), mode(dir.parent().unwrap())), (0o700, 0o700));
        let loose = home.path().join("loose");
        std::fs::create_dir(&loose).unwrap();
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o777)).unwrap();
        let err = save(&loose, &Settings::default()).unwrap_err();
        assert!(err.to_string().contains("others can write to it"), "{err}");
        assert_eq!(mode(&loose), 0o777);
        assert!(!loose.join(SETTINGS_FILE).exists());
    }

    #[test]
    fn a_broken_settings_file_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SETTINGS_FILE), "{ nope").unwrap();
        assert_eq!(load(dir.path()), Settings::default());
    }
}
