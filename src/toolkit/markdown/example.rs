//! The small toolkit `allyship new-toolkit DIR` writes: one part, a
//! welcome, a tip, a practice scenario and a recap, each file saying in
//! its front matter's `#` comments what its parts are for. It passes
//! `check-content --strict` (a test keeps it so).

use super::File;

/// The example's files, by their paths in the folder.
pub fn files() -> Vec<File> {
    FILES
        .iter()
        .map(|(path, text)| File {
            path: (*path).to_owned(),
            text: (*text).to_owned(),
        })
        .collect()
}

const FILES: &[(&str, &str)] = &[
    ("SUMMARY.md", SUMMARY),
    ("01-local/part.md", PART),
    ("01-local/01-welcome.md", WELCOME),
    ("01-local/02-reporting.md", REPORTING),
    ("01-local/03-scenario-a-comment-at-handover.md", SCENARIO),
    ("01-local/04-local-recap.md", RECAP),
];

const SUMMARY: &str = r#"+++
# This file names the toolkit and lists its parts and sections in reading
# order. The title is the # line below; with the version, it tells this
# toolkit's progress apart from any other's in a person's journal.
# Check the folder with: allyship check-content THIS-FOLDER --strict
# Open it with:          allyship --content THIS-FOLDER
version = "1"

# Each section names one of these sources in its own front matter.
[[sources]]
id = "local"
title = "Our local allyship guide"
publisher = "Our organisation"
+++

# Our local allyship toolkit

- [Allyship here](01-local/part.md)
  - [Welcome](01-local/01-welcome.md)
  - [Where to report](01-local/02-reporting.md)
  - [A comment at handover](01-local/03-scenario-a-comment-at-handover.md)
  - [Recap](01-local/04-local-recap.md)
"#;

const PART: &str = r#"+++
# A part is a folder with this file: its id (never change it once people
# use the toolkit), its title, and two to four outcomes, each finishing
# the sentence "After this part you can ...".
id = "allyship-here"
+++

# Allyship here

## Outcomes

- find where to report something you saw or heard
- practise what to say when a colleague makes a remark
"#;

const WELCOME: &str = r#"+++
# A section: its id (people's progress and notes are kept by it, so never
# change it) and the id of a source listed in SUMMARY.md. The body follows:
# paragraphs, lists, quotations and links. A section fits one screen:
# about 150 words at most.
id = "welcome"
source = "local"
+++

# Welcome

This toolkit adds our own guidance to the national one: who to call, where
to report, and what colleagues here have learnt.

- Read a section at a time.
- Keep your own notes as you go: nobody else sees them.

> Allyship is a habit we build together, one conversation at a time.
>
> — A team leader, adult services

- [Where to report](#reporting)
- [The national toolkit's resources](https://example.org/allyship) (web)

## Reflect

- What would you like this toolkit to help you do?

## Discuss

- What does allyship look like in our team?

## Facilitator notes

Shown only to whoever runs a walkthrough (allyship present --notes), never
on the shared screen.

- Allow ten minutes; ask people to talk in pairs first.
"#;

const REPORTING: &str = r#"+++
id = "reporting"
source = "local"
+++

# Where to report

If you see or hear something that is not right, you do not have to deal
with it alone.

- Tell your line manager, or any manager you trust.
- Use the incident form on the staff intranet.
- Call the staff network's confidential line.

## Reflect

- Who would you tell first, and why?

## Facilitator notes

- Put our own numbers and links here before the session.
"#;

const SCENARIO: &str = r#"+++
# A practice scenario: the situation, then ## Choice: with three or four
# numbered options. Each has Feedback: (what it does well or misses) and
# may say See: with the id of the section the feedback rests on. No
# option is marked right: it is practice, not a test.
id = "scenario-a-comment-at-handover"
source = "local"
+++

# A comment at handover

At handover a colleague makes a joke about a resident's accent. Two others
laugh. The resident's key worker is new and says nothing.

## Reflect

- What would make it easier for you to speak up here?

## Choice: What could you do?

1. Say nothing now, and check in with the new key worker afterwards.

   Feedback: Checking in shows support, but the joke stands unchallenged
   in front of the team. "Where to report" says who you can tell.

   See: reporting

2. Say calmly, "Let's keep it respectful," and move on with handover.

   Feedback: A short, calm word names the line without shaming anyone, and
   shows the new colleague where you stand. "Where to report" says who
   else you can tell afterwards.

   See: reporting

3. Laugh along so the handover is not held up.

   Feedback: It keeps the handover moving, but tells everyone the joke was
   fine, including the new colleague. "Where to report" says you do not
   have to deal with it alone.

   See: reporting
"#;

const RECAP: &str = r#"+++
# A recap closes a part: the main points again, and links back to the
# sections they come from ([](#id) shows the section's own title).
id = "local-recap"
source = "local"
+++

# Recap

- You do not have to deal with it alone: tell someone.
- A short, calm word in the moment can be enough.

- [](#reporting)
- [](#scenario-a-comment-at-handover)

## Reflect

- What will you do differently after this part?
"#;
