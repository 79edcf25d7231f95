//! The statically linked build that the README's install command makes on
//! Linux, built here so the start-up bench times what a person installs.
//!
//! A dynamically linked binary spends about 0.4 ms before `main` in the
//! dynamic loader (finding, mapping and binding the C library, libm and
//! libgcc_s), which is a quarter of `less`'s whole time to its first screen.
//! Cargo cannot make only the binary static (the same flag refuses to build
//! the derive macros for the host), so it takes an explicit `--target`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The flag that links the C library into the binary.
pub const RUSTFLAGS: &str = "-C target-feature=+crt-static";

/// Builds the static binary under `root/static-build` and returns its path,
/// or says why it could not (not Linux, or no static C library installed).
pub fn build(root: &Path) -> Result<PathBuf, String> {
    if !cfg!(target_os = "linux") {
        return Err("a static build is made only on Linux".into());
    }
    let host = host_triple()?;
    let target_dir = root.join("static-build");
    eprintln!(
        "Building the statically linked copy the README installs, in {} \
         (the first time takes a few minutes)...",
        target_dir.display()
    );
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--locked", "--bin", "allyship"])
        .args(["--target", &host, "--target-dir"])
        .arg(&target_dir)
        .arg("--manifest-path")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .env("RUSTFLAGS", RUSTFLAGS)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .status()
        .map_err(|e| format!("cargo did not start: {e}"))?;
    if !status.success() {
        return Err(format!(
            "the static build failed ({status}); is the C library's static \
             part installed (glibc-static on Fedora)?"
        ));
    }
    Ok(target_dir.join(host).join("release").join("allyship"))
}

/// The triple rustc builds for by default, from `rustc -vV`.
fn host_triple() -> Result<String, String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let output = Command::new(rustc)
        .arg("-vV")
        .output()
        .map_err(|e| format!("rustc did not start: {e}"))?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_string)
        .ok_or_else(|| "rustc -vV named no host".into())
}
