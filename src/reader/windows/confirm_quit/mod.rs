//! "Leave anyway?": asked when `q` is pressed while words could not be
//! saved. May use the app and its actions; `keys` never names `draw`.
//! Its update (only `y` leaves, anything else but Esc keeps asking) is
//! two arms of `update`'s dispatch.

pub mod draw;
pub mod keys;
