//! The terminal, shared by the reader and the presenter: taking it and
//! giving it back on every way out, events on their own thread, suspend,
//! and the generic key machinery (how a key is written in a table, how a
//! table is read, how keys are named in the help).
//!
//! - `area`: where a window goes (centred);
//! - `screen`: taking the terminal, giving it back, the stop flag;
//! - `lifecycle`: events on their own thread, a closed window, suspend;
//! - `pattern`: keys as the tables write them;
//! - `lookup`: a key press to an action, keys to words;
//! - `tty_input`, `decode`, `decode_csi`: the terminal read by us (Unix),
//!   drained until it would block, bytes decoded to events (a flood, an
//!   Esc before an arrow, a paste that never ends);
//! - `quiet`: a backend that writes nothing when nothing changed.
//!
//! May use no other part of the app: the reader and the presenter use it,
//! never the other way round.

mod area;
mod decode;
mod decode_csi;
mod lifecycle;
mod lookup;
mod pattern;
mod quiet;
mod screen;
#[cfg(unix)]
mod tty_input;

pub use area::centred;
pub use lifecycle::{Events, between_events, is_suspend_key, suspend};
pub use lookup::{action_for, describe, describe_keys, hint_for, short};
pub use pattern::{Binding, CTRL_C, CTRL_Z, KeyAction, KeyPattern, bind, ch, key};
pub use quiet::{init as init_quiet, says_terminal_closed};
pub use screen::Screen;
pub(crate) use screen::{enter, paint_every_cell_next, setup};
pub use screen::{restore, stop_flag};
