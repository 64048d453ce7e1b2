//! Unit tests of the statement splitter.

use super::*;
use crate::note::text::Token;

fn shown(note: &str) -> Vec<String> {
    let (statements, _) = statements(note);
    statements
        .iter()
        .map(|s| {
            let words = |ts: &[Token]| {
                ts.iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            format!(
                "{:?}[{}] {} {{{}}}",
                s.form,
                words(&s.label),
                words(&s.content),
                words(&s.context)
            )
        })
        .collect()
}

#[test]
fn a_heading_gives_its_section_a_topic() {
    let got = shown("### Assigned Support Engineer\nJean-Paul Okafor — EMEA\n");
    assert_eq!(got[0], "Heading[] assigned support engineer {}");
    assert_eq!(
        got[1],
        "Sentence[jean - paul okafor —] emea {| assigned support engineer}"
    );
}

#[test]
fn table_cells_take_the_row_and_header_as_topic() {
    let got = shown("| Question | Answer |\n|---|---|\n| Who is the ASE? | Hoa Tran |\n");
    assert_eq!(got, ["Cell[] hoa tran {| answer | who is the ase ?}"]);
    let got = shown("| Who is the ASE? | Hoa Tran |\n|---|---|\n| Region | APAC |\n");
    assert_eq!(
        got,
        [
            "Cell[] hoa tran {| who is the ase ?}",
            "Cell[] apac {| hoa tran | region}"
        ]
    );
}

#[test]
fn a_question_is_the_topic_of_its_answer() {
    let got = shown("1. Which region? — APAC\n2. Emergencies? On-call handles them.\n");
    assert_eq!(got[0], "Sentence[] which region ? {}");
    assert_eq!(got[1], "Sentence[] apac {| which region ?}");
    assert_eq!(
        got[3],
        "Sentence[] on - call handles them . {| emergencies ?}"
    );
}

#[test]
fn label_lines_split_and_wrapped_prose_joins() {
    let got = shown(
        "ASE: Jill\nRegion: AMER\nJill handles all new tickets and will\nshadow older ones.\n",
    );
    assert_eq!(got[0], "Sentence[ase :] jill {}");
    assert_eq!(got[1], "Sentence[region :] amer {}");
    assert_eq!(
        got[2],
        "Sentence[] jill handles all new tickets and will shadow older ones . {}"
    );
}

#[test]
fn a_title_line_and_parent_items_give_sub_items_a_topic() {
    let got = shown(
        "**Emergencies:**\n\n- page the on-call engineer\n- Outside hours\n  - the queue takes them\n",
    );
    assert_eq!(
        got[1],
        "Sentence[] page the on - call engineer {| emergencies :}"
    );
    assert_eq!(
        got[3],
        "Sentence[] the queue takes them {| emergencies : | outside hours}"
    );
}
