//! The terminal read on a thread of its own, every byte waiting taken
//! before anything else is done (issue 27, item 1). crossterm 0.29 waits
//! for the terminal with an edge-triggered epoll and returns after the
//! first event of a 1,024-byte read, so the rest of a flood of keys (a
//! paste without bracketed-paste markers, a slow link) sat in the kernel
//! until the next key was pressed: words arrived late or not at all, and
//! Esc and `q` were not acted on. Here a level-triggered `poll` waits, and
//! each wake-up reads until nothing more is waiting; [`Decoder`] turns the
//! bytes into events. A window resize (SIGWINCH) wakes it too.

use super::decode::Decoder;
use ratatui::crossterm::event::Event;
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;
use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

/// Bytes taken from the terminal in one read.
const READ_SIZE: usize = 8192;

/// Starts reading the terminal (standard input when it is one, else
/// `/dev/tty`), sending each event to `sender` until the terminal goes
/// (end of file, EIO: the window closed) or nobody listens. An error when
/// there is no terminal to read.
pub(super) fn spawn(sender: Sender<Event>) -> io::Result<()> {
    let tty = if io::stdin().is_terminal() {
        None
    } else {
        Some(File::open("/dev/tty")?)
    };
    // SIGWINCH writes a byte to this pair, so the same `poll` wakes for it.
    let (resized, on_resize) = UnixStream::pair()?;
    resized.set_nonblocking(true)?;
    let _ = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, on_resize);
    std::thread::Builder::new()
        .name("terminal input".into())
        .spawn(move || {
            let stdin = io::stdin();
            let input = match &tty {
                Some(file) => file.as_fd(),
                None => stdin.as_fd(),
            };
            read_until_gone(input, resized, &sender);
        })?;
    Ok(())
}

/// The loop: wait, drain, decode, send. Returns when the terminal has gone
/// or the receiver has.
fn read_until_gone(input: BorrowedFd<'_>, mut resized: UnixStream, sender: &Sender<Event>) {
    let mut decoder = Decoder::default();
    let mut buffer = vec![0u8; READ_SIZE];
    let mut events = Vec::new();
    loop {
        let wait = decoder.wait(Instant::now());
        let timeout = wait.map(timespec);
        let mut fds = [
            PollFd::new(&input, PollFlags::IN),
            PollFd::new(&resized, PollFlags::IN),
        ];
        match poll(&mut fds, timeout.as_ref()) {
            Ok(_) => {}
            Err(Errno::INTR) => continue,
            Err(_) => return,
        }
        let (input_ready, resize_ready) = (fds[0].revents(), fds[1].revents());
        if !resize_ready.is_empty() {
            // Empty the pair (any number of signals), then ask the size once.
            let mut sink = [0u8; 64];
            while matches!(resized.read(&mut sink), Ok(1..)) {}
            if let Ok((width, height)) = ratatui::crossterm::terminal::size() {
                events.push(Event::Resize(width, height));
            }
        }
        let gone = if input_ready.is_empty() {
            if resize_ready.is_empty() {
                // The pause ran out with nothing more.
                decoder.timed_out(Instant::now(), &mut events);
            }
            false
        } else {
            !drain(input, &mut buffer, &mut decoder, &mut events)
        };
        for event in events.drain(..) {
            if sender.send(event).is_err() {
                return;
            }
        }
        if gone {
            return;
        }
    }
}

/// Reads everything waiting on `input` into the decoder, until a read would
/// block. False when the terminal has gone (end of file, or an error such
/// as EIO once the window is closed).
fn drain(
    input: BorrowedFd<'_>,
    buffer: &mut [u8],
    decoder: &mut Decoder,
    events: &mut Vec<Event>,
) -> bool {
    loop {
        match rustix::io::read(input, &mut *buffer) {
            Ok(0) => return false,
            Ok(n) => decoder.feed(&buffer[..n], Instant::now(), events),
            Err(Errno::INTR | Errno::AGAIN) => {}
            Err(_) => return false,
        }
        if !waiting(input) {
            return true;
        }
    }
}

/// A pause for `poll` (never more than a second, so a pause is never
/// mistaken for waiting for ever).
fn timespec(pause: Duration) -> Timespec {
    let pause = pause.min(Duration::from_secs(1));
    Timespec {
        tv_sec: pause.as_secs().try_into().unwrap_or(1),
        tv_nsec: pause.subsec_nanos().into(),
    }
}

/// Whether more bytes are waiting to be read right now.
fn waiting(input: BorrowedFd<'_>) -> bool {
    let mut fds = [PollFd::new(&input, PollFlags::IN)];
    let zero = timespec(Duration::ZERO);
    matches!(poll(&mut fds, Some(&zero)), Ok(1..))
        && fds[0]
            .revents()
            .intersects(PollFlags::IN | PollFlags::HUP | PollFlags::ERR)
}
