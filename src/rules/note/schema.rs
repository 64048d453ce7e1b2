//! `note/schema`: an org file's `id`, `name` or `notes` has the wrong shape, or the file
//! name does not match the id.

use crate::declare_rule;
use crate::model::{OrgDoc, YamlValue};
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports an org file whose `id` is missing or not an integer, whose `name` is
    /// missing, whose `notes` is not text, or whose file name is not `<id>.yaml`.
    ///
    /// ## Why is this bad?
    /// The sync to Zendesk finds the organization by `id` and the file by its name; a
    /// mismatch updates the wrong organization's note, or none.
    ///
    /// ## Example
    /// In `organizations/361092349520.yaml`:
    /// ```yaml
    /// id: "36109234952O"
    /// notes: [a, b]
    /// ```
    /// Use instead:
    /// ```yaml
    /// id: 361092349520
    /// name: f6438d0c Acme Corp
    /// notes: |
    ///   ...
    /// ```
    pub Schema, name = "note/schema", severity = Error,
    summary = "An org file's id/name/notes are missing, mistyped, or the file name is not <id>.yaml"
}

impl Rule for Schema {
    fn check_org(&self, doc: &OrgDoc, cx: &mut RuleContext<'_>) {
        if doc.syntax_error.is_some() {
            return;
        }
        if let Some((span, message)) = &doc.shape_error {
            cx.report(span.clone(), message.clone())
                .help("an org file is `id: <number>`, `name: <text>` and `notes: |` followed by the note indented by two spaces");
            return;
        }
        check_id(doc, cx);
        check_name(doc, cx);
        if let Some(notes) = &doc.notes
            && let Some(kind) = not_text(&notes.value)
        {
            cx.report(
                notes.span.clone(),
                format!("`notes` must be text, found {kind}"),
            )
            .label("not text")
            .help("write the note as a block of text: `notes: |` and the note indented below it");
        }
    }
}

/// What a `notes` value is when it is not text (`None` for text).
fn not_text(value: &YamlValue) -> Option<&str> {
    match value {
        YamlValue::String(_) => None,
        YamlValue::Integer(_) => Some("a number"),
        YamlValue::Other(kind) => Some(kind),
    }
}

fn check_id(doc: &OrgDoc, cx: &mut RuleContext<'_>) {
    let Some(id) = &doc.id else {
        cx.report(0..0, "the org file has no `id`")
            .help("add `id: <Zendesk organization id>` (the number in the file name)");
        return;
    };
    match &id.value {
        YamlValue::Integer(value) => {
            if doc.file_stem != value.to_string() {
                let span = id.span.clone();
                cx.report(
                    span,
                    format!(
                        "the file is named `{}.yaml` but its id is {value}",
                        doc.file_stem
                    ),
                )
                .label("does not match the file name")
                .help("org files are named after their Zendesk organization id: `organizations/<id>.yaml`");
            }
        }
        YamlValue::String(text) => {
            cx.report(
                id.span.clone(),
                format!(
                    "`id` must be a number, found the text `{}`",
                    crate::words::visible_controls(text)
                ),
            )
            .label("not a number")
            .help("write the Zendesk organization id as a plain number, without quotes");
        }
        YamlValue::Other(kind) => {
            cx.report(
                id.span.clone(),
                format!("`id` must be a number, found {kind}"),
            )
            .label("not a number")
            .help("write the Zendesk organization id as a plain number");
        }
    }
}

fn check_name(doc: &OrgDoc, cx: &mut RuleContext<'_>) {
    match &doc.name {
        None => {
            cx.report(0..0, "the org file has no `name`")
                .help("add `name: <8 hex> <account name>`, the Zendesk organization's name");
        }
        Some(name) if let Some(kind) = not_text(&name.value) => {
            let span = if name.span.is_empty() {
                name.key_span.clone()
            } else {
                name.span.clone()
            };
            cx.report(span, format!("`name` must be text, found {kind}"))
                .label("not text")
                .help("write the Zendesk organization's name, e.g. `name: f6438d0c Acme Corp`");
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_org, rules_of};

    fn schema(stem: &str, text: &str) -> Vec<(&'static str, usize, usize)> {
        rules_of(&lint_org(stem, text))
            .into_iter()
            .filter(|r| r.0 == "note/schema")
            .collect()
    }

    #[test]
    fn good_file() {
        assert!(schema("27946339528", "---\nid: 27946339528\nname: 5a1f9965 Test Account\nnotes: |\n  PS Project in Progress\n").is_empty());
    }

    #[test]
    fn id_as_text_and_notes_as_list() {
        let found = schema("1", "id: \"1\"\nname: x\nnotes: [a]\n");
        assert_eq!(found, vec![("note/schema", 1, 5), ("note/schema", 3, 8)]);
    }

    #[test]
    fn file_name_mismatch_and_missing_name() {
        let found = schema("2", "id: 1\nnotes: x\n");
        assert_eq!(found, vec![("note/schema", 1, 1), ("note/schema", 1, 5)]);
    }
}
