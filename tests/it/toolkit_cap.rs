//! Issue 27, item 20: one cap on a toolkit's size, however it comes in
//! (`--content`, `check-content`, `convert`, a JSON file or a Markdown
//! folder), said in words before anything is parsed. The files are sparse
//! (no disk used), one byte over the cap.

use std::path::Path;

use crate::common::commands::{run, text};
use allyship::input::MOST_TOOLKIT_BYTES;

/// A file of `len` zero bytes that takes no room on disk.
fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path)
        .and_then(|file| file.set_len(len))
        .expect("a sparse file");
}

#[test]
fn a_toolkit_over_the_cap_is_refused_the_same_way_by_every_door() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let json = tmp.path().join("big.json");
    sparse(&json, MOST_TOOLKIT_BYTES + 1);
    let folder = tmp.path().join("big-folder");
    std::fs::create_dir(&folder).expect("folder");
    sparse(&folder.join("welcome.md"), MOST_TOOLKIT_BYTES + 1);
    let (json, folder) = (json.to_str().unwrap(), folder.to_str().unwrap());
    for args in [
        vec!["check-content", json],
        vec!["--content", json, "list"],
        vec!["check-content", folder],
        vec!["--content", folder, "list"],
    ] {
        let out = run(&data, &args);
        let said = text(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {said}");
        assert!(
            said.contains("a toolkit may be at most 20 MB"),
            "{args:?}: {said}"
        );
    }
}
