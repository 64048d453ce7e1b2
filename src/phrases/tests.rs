//! Unit tests of phrase sets: guards, plain and `{name}` patterns, where a match is found.

use super::*;

fn matcher(p: &[&str], g: &[&str]) -> PhraseMatcher {
    let p: Vec<String> = p.iter().map(|s| s.to_string()).collect();
    let g: Vec<String> = g.iter().map(|s| s.to_string()).collect();
    PhraseMatcher::compile(&p, &g).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn guards_blank_out_traps() {
    let m = matcher(&[r"\bemergenc(y|ies)\b"], &[r"\bnon-emergenc(y|ies)\b"]);
    assert!(!m.is_match("all new non-emergency tickets go to Jill"));
    assert!(m.is_match("non-emergency to Jill; emergency tickets to on-call"));
}

#[test]
fn every_guard_blanks_its_matches_and_overlaps_go_to_the_first() {
    let m = matcher(
        &[],
        &["non-emergency", "within 24 hours", "emergency tickets"],
    );
    assert_eq!(
        m.mask("non-emergency tickets within 24 hours"),
        "              tickets                "
    );
    assert_eq!(m.mask("no guard here"), "no guard here");
}

#[test]
fn a_set_with_named_and_plain_patterns_finds_either() {
    let m = matcher(&["{name} is the ASE", r"\bon-call\b"], &[]);
    assert!(m.is_match("Ask on-call."));
    assert!(m.is_match("Jill Smith is the ASE."));
    assert!(!m.is_match("The ASE is the ASE."));
    let found = m.find("Jill is the ASE; else on-call").map(|f| f.text);
    assert_eq!(found.as_deref(), Some("Jill is the ASE"));
}

#[test]
fn find_reports_the_leftmost_match_in_original_text() {
    let m = matcher(&["on-call", "EMERGENCY"], &[]);
    let found = m.find("The Emergency goes on-call");
    assert_eq!(found.map(|f| f.text), Some("Emergency".to_owned()));
}

#[test]
fn name_placeholder_needs_a_capitalised_name() {
    let m = matcher(&[r"\bASE\s+is\s+{name}"], &[]);
    assert!(m.is_match("The ASE is Jill Smith."));
    assert!(m.is_match("the ASE is @jsmith"));
    assert!(m.is_match("the ASE is O'Neil"));
    assert!(!m.is_match("If the ASE is unavailable, reply."));
    assert!(!m.is_match("If the ASE is Unavailable, reply."));
    assert!(!m.is_match("the ASE is TBD"));
    assert!(!m.is_match("the ASE is None"));
}

#[test]
fn a_rejected_name_does_not_hide_a_later_one() {
    let m = matcher(&[r"{name}\s+is\s+the\s+ASE"], &[]);
    let found = m.find("Note Jill Smith is the ASE");
    assert_eq!(
        found.map(|f| f.text),
        Some("Jill Smith is the ASE".to_owned())
    );
    assert!(!m.is_match("Support Team is the ASE"));
}

#[test]
fn names_do_not_start_inside_words() {
    let m = matcher(&[r"{name}\s+is\s+the\s+ASE"], &[]);
    assert!(!m.is_match("theJill is the ASE"));
}

#[test]
fn names_in_other_scripts_and_with_accents_are_names() {
    let m = matcher(&[r"\bASE\s+is\s+{name}\s+from"], &[]);
    for name in [
        "Zoë Dubois",
        "Łukasz Nowak",
        "Émile",
        "李明",
        "O'Neil",
        "Jean-Luc Picard",
    ] {
        assert!(
            m.is_match(&format!("The ASE is {name} from EMEA.")),
            "{name}"
        );
    }
    for not_a_name in ["über", "TBD", "— someone", "🎉"] {
        assert!(
            !m.is_match(&format!("The ASE is {not_a_name} from EMEA.")),
            "{not_a_name}"
        );
    }
}
#[test]
fn ids_differ_per_compilation() {
    let a = matcher(&["x"], &[]);
    let b = matcher(&["x"], &[]);
    assert_ne!(a.id(), b.id());
    assert_eq!(a.clone().id(), a.id());
}
