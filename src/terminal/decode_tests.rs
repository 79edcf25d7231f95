use super::*;

/// Everything `bytes` decode to when they come at once and nothing follows.
fn all(bytes: &[u8]) -> Vec<Event> {
    let start = Instant::now();
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(bytes, start, &mut out);
    if let Some(wait) = decoder.wait(start) {
        decoder.timed_out(start + wait, &mut out);
    }
    out
}

fn k(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

fn ch(c: char) -> Event {
    char_key(c, KeyModifiers::NONE)
}

fn typed(text: &str) -> Vec<Event> {
    text.chars().map(ch).collect()
}

/// Whether any event is a letter key (what must never come of a sequence).
fn letters(events: &[Event]) -> Vec<char> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Key(KeyEvent {
                code: KeyCode::Char(c),
                modifiers,
                ..
            }) if (*modifiers - KeyModifiers::SHIFT).is_empty() => Some(*c),
            _ => None,
        })
        .collect()
}

#[test]
fn esc_then_an_arrow_at_once_is_esc_and_the_arrow_never_letters() {
    assert_eq!(all(b"\x1b\x1b[C"), vec![k(KeyCode::Esc), k(KeyCode::Right)]);
    assert_eq!(all(b"\x1b\x1bOP"), vec![k(KeyCode::Esc), k(KeyCode::F(1))]);
    assert_eq!(
        all(b"\x1b\x1b[11~"),
        vec![k(KeyCode::Esc), k(KeyCode::F(1))]
    );
    assert_eq!(all(b"\x1b\x1b\x1b"), vec![k(KeyCode::Esc); 3]);
    // Esc, then an arrow, then q typed: q is still a letter.
    assert_eq!(
        all(b"\x1b\x1b[Aq"),
        vec![k(KeyCode::Esc), k(KeyCode::Up), ch('q')]
    );
}

#[test]
fn a_sequence_split_across_reads_waits_for_its_rest() {
    let start = Instant::now();
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(b"\x1b", start, &mut out);
    decoder.feed(b"[", start, &mut out);
    assert!(out.is_empty());
    assert_eq!(decoder.wait(start), Some(ESC_PAUSE));
    decoder.feed(b"1;5C", start, &mut out);
    assert_eq!(out, vec![key(KeyCode::Right, KeyModifiers::CONTROL)]);
    assert_eq!(decoder.wait(start), None);
}

#[test]
fn the_tail_of_a_sequence_whose_esc_came_alone_is_not_typed() {
    // A laggy link: Esc, a pause long enough to call it the Esc key, then
    // the rest of the arrow.
    let start = Instant::now();
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(b"\x1b", start, &mut out);
    decoder.timed_out(start + ESC_PAUSE, &mut out);
    decoder.feed(b"[C", start + ESC_PAUSE * 3, &mut out);
    assert_eq!(out, vec![k(KeyCode::Esc), k(KeyCode::Right)]);
    // Long after, `[` is a letter again.
    decoder.feed(b"\x1b", start, &mut out);
    decoder.timed_out(start + ESC_PAUSE, &mut out);
    decoder.feed(b"[C", start + Duration::from_secs(5), &mut out);
    assert_eq!(&out[2..], &[k(KeyCode::Esc), ch('['), ch('C')]);
}

#[test]
fn a_sequence_cut_short_or_unknown_is_dropped_never_typed() {
    for bytes in [
        &b"\x1b["[..],
        b"\x1b[1;5",
        b"\x1b[99~",
        b"\x1b[?1;2c",
        b"\x1b[12;40R",
        b"\x1bOz",
        b"\x1b[[Z",
        b"\x1b[\x01", // broken by a control byte: Ctrl-A is read afresh
    ] {
        let events = all(bytes);
        assert!(letters(&events).is_empty(), "{bytes:?} gave {events:?}");
    }
    assert_eq!(
        all(b"\x1b[1;5\x1b[D"),
        vec![k(KeyCode::Left)],
        "a sequence broken by Esc is dropped and the next read whole"
    );
    let long: Vec<u8> = b"\x1b[".iter().chain(&[b'1'; 200]).copied().collect();
    assert!(all(&long).is_empty());
}

#[test]
fn a_lone_esc_is_the_esc_key_after_a_pause() {
    let start = Instant::now();
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(b"\x1b", start, &mut out);
    assert!(out.is_empty());
    decoder.timed_out(start + ESC_PAUSE, &mut out);
    assert_eq!(out, vec![k(KeyCode::Esc)]);
    assert_eq!(decoder.wait(start + ESC_PAUSE), None);
}

#[test]
fn keys_decode_as_crossterm_gives_them() {
    assert_eq!(all(b"aZ\r\t\x7f"), {
        let mut v = typed("aZ");
        v.extend([k(KeyCode::Enter), k(KeyCode::Tab), k(KeyCode::Backspace)]);
        v
    });
    assert_eq!(
        all(b"\x03\x1a"),
        vec![
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            key(KeyCode::Char('z'), KeyModifiers::CONTROL)
        ]
    );
    assert_eq!(
        all(b"\x1bj"),
        vec![key(KeyCode::Char('j'), KeyModifiers::ALT)]
    );
    assert_eq!(
        all(b"\x1b[1;3D\x1b[1;3C"),
        vec![
            key(KeyCode::Left, KeyModifiers::ALT),
            key(KeyCode::Right, KeyModifiers::ALT)
        ]
    );
    assert_eq!(
        all(b"\x1b[5~\x1b[6~\x1b[H\x1b[F\x1b[3~\x1bOA\x1b[Z"),
        vec![
            k(KeyCode::PageUp),
            k(KeyCode::PageDown),
            k(KeyCode::Home),
            k(KeyCode::End),
            k(KeyCode::Delete),
            k(KeyCode::Up),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
        ]
    );
    assert_eq!(all("é多👩‍👧".as_bytes()), typed("é多👩‍👧"));
}

#[test]
fn utf8_split_across_reads_is_one_character() {
    let start = Instant::now();
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    let bytes = "多".as_bytes();
    decoder.feed(&bytes[..1], start, &mut out);
    decoder.feed(&bytes[1..], start, &mut out);
    assert_eq!(out, typed("多"));
    // A byte that starts nothing is dropped; the rest survives.
    assert_eq!(all(b"a\xffb\xc3("), typed("ab("));
}

#[test]
fn mouse_reports_in_every_form() {
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 9,
        row: 4,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(all(b"\x1b[<0;10;5M"), vec![click.clone()]);
    assert_eq!(all(b"\x1b[32;10;5M"), vec![click.clone()]);
    assert_eq!(all(&[0x1b, b'[', b'M', 32, 42, 37]), vec![click]);
    let wheel = all(b"\x1b[<65;3;3M");
    assert!(matches!(
        wheel[..],
        [Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            ..
        })]
    ));
    let up = all(b"\x1b[<0;1;1m");
    assert!(matches!(
        up[..],
        [Event::Mouse(MouseEvent {
            kind: MouseEventKind::Up(MouseButton::Left),
            ..
        })]
    ));
}

#[test]
fn a_bracketed_paste_is_one_event_even_split_at_its_end_marker() {
    assert_eq!(
        all(b"x\x1b[200~a\x1b[Cb\rq\x1b[201~y"),
        vec![ch('x'), Event::Paste("a\x1b[Cb\rq".into()), ch('y')]
    );
    let start = Instant::now();
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(b"\x1b[200~hello\x1b[2", start, &mut out);
    decoder.feed(b"01~q", start, &mut out);
    assert_eq!(out, vec![Event::Paste("hello".into()), ch('q')]);
}

#[test]
fn a_paste_that_never_ends_is_kept_as_text_after_a_pause_and_keys_act_again() {
    let start = Instant::now();
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    decoder.feed(b"\x1b[200~words that came", start, &mut out);
    decoder.feed(b" and more", start + Duration::from_millis(500), &mut out);
    assert!(out.is_empty(), "still pasting: {out:?}");
    let later = start + Duration::from_millis(500);
    assert_eq!(decoder.wait(later), Some(PASTE_PAUSE));
    decoder.timed_out(later + PASTE_PAUSE, &mut out);
    assert_eq!(out, vec![Event::Paste("words that came and more".into())]);
    // Keys act again: Ctrl-C, then q.
    decoder.feed(b"\x03q", later + PASTE_PAUSE, &mut out);
    assert_eq!(
        &out[1..],
        &[key(KeyCode::Char('c'), KeyModifiers::CONTROL), ch('q')]
    );
    assert_eq!(decoder.wait(later + PASTE_PAUSE), None);
}

#[test]
fn a_flood_of_keys_comes_out_whole_and_in_order() {
    let text: String = (0..100_000)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    let start = Instant::now();
    let mut decoder = Decoder::default();
    let mut out = Vec::new();
    // In reads of any size, split anywhere.
    for piece in text.as_bytes().chunks(1021) {
        decoder.feed(piece, start, &mut out);
    }
    assert_eq!(out.len(), text.len());
    assert_eq!(out, typed(&text));
}
