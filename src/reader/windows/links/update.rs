//! Update for the links window (`o`): move between the open section's
//! links, open one (a cross-reference in the app, a web address outside)
//! or copy its address.

use crate::reader::action::{Action, Effect};
use crate::reader::app::{App, Focus, Overlay};
use crate::reader::update::go_to;

/// The links list: Enter opens a cross-reference in the app, or asks for
/// a web address to be opened; a resource with no address says so.
pub(crate) fn links_window(
    app: &mut App,
    action: Action,
    selected: usize,
    effects: &mut Vec<Effect>,
) {
    let links = app.links();
    let last = links.len().saturating_sub(1);
    let selected = match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        _ => selected,
    };
    match (action, links.get(selected)) {
        (Action::Close, _) => {}
        (Action::Copy, Some(link)) => {
            match &link.url {
                Some(url) => {
                    effects.push(Effect::Copy(url.clone()));
                    app.message = Some(
                        "Copied, if your terminal allows it (if not, copy it from the list)."
                            .into(),
                    );
                }
                None => app.message = Some("This link has no web address to copy.".into()),
            }
            app.overlay = Some(Overlay::Links { selected });
        }
        (Action::Open, Some(link)) => {
            if let Some(index) = link
                .section
                .as_deref()
                .and_then(|id| app.toolkit.index_of(id))
            {
                go_to(app, index);
                app.focus = Focus::Text;
            } else if let Some(url) = &link.url {
                effects.push(Effect::OpenUrl(url.clone()));
            } else {
                app.message = Some(format!(
                    "The source gives no address for \"{}\".",
                    link.title
                ));
                app.overlay = Some(Overlay::Links { selected });
            }
        }
        _ => app.overlay = Some(Overlay::Links { selected }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::update::test_support::run;
    use crate::reader::update::update;
    use crate::toolkit::content::built_in;

    #[test]
    fn links_open_cross_references_in_the_app_and_addresses_outside() {
        let mut a = App::new(built_in(), 80, 24);
        a.current = a.toolkit.index_of("learn-online").unwrap();
        let links = a.links();
        let web = links.iter().position(|l| l.url.is_some()).unwrap();
        let bare = links
            .iter()
            .position(|l| l.url.is_none() && l.section.is_none())
            .unwrap();
        run(&mut a, &[Action::Links]);
        for _ in 0..web {
            run(&mut a, &[Action::Down]);
        }
        let effects = update(&mut a, Action::Open);
        assert_eq!(
            effects,
            vec![Effect::OpenUrl(links[web].url.clone().unwrap())]
        );
        run(&mut a, &[Action::Links, Action::Top]);
        for _ in 0..bare {
            run(&mut a, &[Action::Down]);
        }
        run(&mut a, &[Action::Open]);
        assert!(a.message.as_deref().unwrap().contains("no address"));
        let welcome = App::new(built_in(), 80, 24);
        let cross = welcome.links().iter().position(|l| l.section.is_some());
        if let Some(cross) = cross {
            let mut w = welcome;
            let target = w.links()[cross].section.clone().unwrap();
            run(&mut w, &[Action::Links]);
            for _ in 0..cross {
                run(&mut w, &[Action::Down]);
            }
            run(&mut w, &[Action::Open]);
            assert_eq!(w.current_id(), Some(target.as_str()));
        }
    }

    #[test]
    fn once_a_scenario_is_answered_o_offers_the_sections_its_feedback_rests_on() {
        let mut a = App::new(built_in(), 80, 24);
        a.current = a.toolkit.index_of("scenario-told-in-confidence").unwrap();
        let before = a.links().len();
        let options = (a.toolkit.entry(a.current).unwrap().section.choice.clone())
            .unwrap()
            .options;
        // The feedback is hidden until a choice: nothing more to open.
        run(&mut a, &[Action::Choose, Action::Digit(2)]);
        let links = a.links();
        let targets: Vec<&str> = links[before..]
            .iter()
            .filter_map(|l| l.section.as_deref())
            .collect();
        // The chosen option's section first, as the feedback is drawn.
        assert_eq!(targets.first().copied(), options[1].section.as_deref());
        for option in &options {
            let target = option.section.as_deref().unwrap();
            assert!(
                links.iter().any(|l| l.section.as_deref() == Some(target)),
                "{target} in {links:?}"
            );
        }
        assert!(links[before..].iter().all(|l| !l.title.is_empty()));
        // And `o` opens it in the app.
        run(&mut a, &[Action::Links, Action::Top]);
        for _ in 0..before {
            run(&mut a, &[Action::Down]);
        }
        run(&mut a, &[Action::Open]);
        assert_eq!(a.current_id(), options[1].section.as_deref());
    }

    #[test]
    fn y_in_the_links_copies_the_address_and_says_it_may_not_have_worked() {
        let mut a = App::new(built_in(), 80, 24);
        a.current = a.toolkit.index_of("learn-online").unwrap();
        let links = a.links();
        let web = links.iter().position(|l| l.url.is_some()).unwrap();
        run(&mut a, &[Action::Links]);
        for _ in 0..web {
            run(&mut a, &[Action::Down]);
        }
        let effects = run(&mut a, &[Action::Copy]);
        assert_eq!(effects, vec![Effect::Copy(links[web].url.clone().unwrap())]);
        let message = a.message.clone().unwrap_or_default();
        assert!(message.contains("if your terminal"), "{message}");
        assert!(
            matches!(a.overlay, Some(Overlay::Links { .. })),
            "stays open"
        );
        let bare = links
            .iter()
            .position(|l| l.url.is_none() && l.section.is_none())
            .unwrap();
        run(&mut a, &[Action::Top]);
        for _ in 0..bare {
            run(&mut a, &[Action::Down]);
        }
        assert!(run(&mut a, &[Action::Copy]).is_empty(), "nothing to copy");
    }
}
