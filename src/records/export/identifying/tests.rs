//! Real-shaped details are found; near misses are not.

use super::*;

fn kinds(text: &str) -> Vec<Detail> {
    scan(text).into_iter().collect()
}

/// Nine digits and the check digit that makes them pass modulus 11, if any.
fn with_check(nine: &str) -> Option<String> {
    let total: u32 = nine
        .bytes()
        .zip((2..=10).rev())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    match 11 - total % 11 {
        10 => None,
        11 => Some(format!("{nine}0")),
        n => Some(format!("{nine}{n}")),
    }
}

#[test]
fn an_nhs_number_passing_modulus_11_is_found_spaced_or_not() {
    for text in [
        "Mr A, NHS no 943 476 5919, was upset",
        "9434765919",
        "number: 943-476-5919.",
    ] {
        assert_eq!(kinds(text), [Detail::NhsNumber], "{text}");
    }
}

#[test]
fn ten_digits_failing_modulus_11_or_of_another_length_are_not_flagged() {
    for text in [
        "943 476 5918",
        "9434765910",
        "94347659190",
        "943476591",
        "ref 1234567890 in the minutes",
        "ABC9434765919",
        "9434765919x",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
    // A nine-digit start whose check digit would be 10 has no valid number.
    let nine = (100_000_000u32..)
        .map(|n| n.to_string())
        .find(|n| with_check(n).is_none())
        .unwrap();
    for last in 0..=9 {
        let text = format!("{nine}{last}");
        assert!(!kinds(&text).contains(&Detail::NhsNumber), "{text}");
    }
}

#[test]
fn a_chi_number_starts_with_a_date_and_passes_the_check() {
    let chi = (0..100)
        .filter_map(|n| with_check(&format!("1503801{n:02}")))
        .next()
        .unwrap();
    assert_eq!(kinds(&chi), [Detail::ChiNumber], "{chi}");
    // Day 32 is no date: the same shape is an NHS number, not CHI.
    let nhs = (0..100)
        .filter_map(|n| with_check(&format!("3213801{n:02}")))
        .next()
        .unwrap();
    assert_eq!(kinds(&nhs), [Detail::NhsNumber], "{nhs}");
}

#[test]
fn postcodes_of_every_shape_are_found_and_near_misses_are_not() {
    for text in [
        "lives at M1 1AE",
        "B33 8TH",
        "CR2 6XH.",
        "DN55 1PT",
        "W1A 0AX",
        "EC1A 1BB",
        "ec1a1bb",
        "sw1a 2aa",
    ] {
        assert_eq!(kinds(text), [Detail::Postcode], "{text}");
    }
    for text in [
        "SW1A",
        "section 18 2AB",
        "the A1 road",
        "M1 1AEX",
        "Covid 19 in 2020",
        "Sw1a 2Aa",
    ] {
        assert!(!kinds(text).contains(&Detail::Postcode), "{text}");
    }
}

#[test]
fn a_date_of_birth_is_found_only_when_written_as_one() {
    for text in [
        "DOB 03/04/1980",
        "D.O.B.: 3.4.80",
        "her date of birth is 3 April 1980",
        "born on 3rd April",
    ] {
        assert_eq!(kinds(text), [Detail::DateOfBirth], "{text}");
    }
    for text in [
        "born in a small town",
        "date of birth unknown",
        "a doberman 3 years old",
        "we met on 03/04/2026",
    ] {
        assert!(!kinds(text).contains(&Detail::DateOfBirth), "{text}");
    }
}

#[test]
fn emails_and_phone_numbers_are_found_and_near_misses_are_not() {
    assert_eq!(kinds("write to a.b@nhs.net"), [Detail::Email]);
    assert_eq!(kinds("ring 07700 900123"), [Detail::Phone]);
    assert_eq!(kinds("ring +44 7700 900123"), [Detail::Phone]);
    assert_eq!(kinds("(020) 7946 0958"), [Detail::Phone]);
    for text in [
        "@colleague said",
        "me@home",
        "a@b.c",
        "0770 090",
        "00 44 7700 900123 9",
        "the year 2026 and 2027",
        "pages 10-12",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
}
