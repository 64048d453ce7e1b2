//! The handbook's six questions: one registry for their keys, rule names, wording,
//! messages and examples, read by the rules, the `questions` command and the MR summary.

/// One of the handbook's six questions an ASE note must answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Question {
    Ase,
    Region,
    OutOfHours,
    Unavailable,
    PreExisting,
    Emergency,
}

/// What the registry knows of a question.
#[derive(Debug)]
pub struct QuestionInfo {
    /// The key in the configuration (`questions.<key>`) and in JSON.
    pub key: &'static str,
    /// The rule that reports it unanswered.
    pub rule: &'static str,
    /// The question as the handbook words it.
    pub asks: &'static str,
    /// The finding's message when the note leaves it open.
    pub missing: &'static str,
    /// A sentence in the handbook example's style that answers it.
    pub example: &'static str,
}

const INFO: [QuestionInfo; 6] = [
    QuestionInfo {
        key: "ase",
        rule: "note/ase",
        asks: "Who is the Assigned Support Engineer (ASE) for this customer?",
        missing: "the ASE note does not name the Assigned Support Engineer",
        example: "Jill is the AMER ASE for Company-A.",
    },
    QuestionInfo {
        key: "region",
        rule: "note/region",
        asks: "Which region is the ASE located in?",
        missing: "the ASE note does not give the ASE's region (AMER, EMEA or APAC)",
        example: "Jill is the AMER ASE for Company-A.",
    },
    QuestionInfo {
        key: "out_of_hours",
        rule: "note/out-of-hours",
        asks: "How to handle tickets that come in outside of the ASE's working hours?",
        missing: "the ASE note does not say what happens to tickets outside the ASE's working hours",
        example: "Tickets that come in outside Jill's working hours (9am-5pm ET) are answered by the engineer on shift, leaving Jill as the assignee.",
    },
    QuestionInfo {
        key: "unavailable",
        rule: "note/unavailable",
        asks: "What should a Support Engineer do with this customer's tickets when the ASE is not available?",
        missing: "the ASE note does not say what to do when the ASE is unavailable",
        example: "If Jill is unavailable, please respond while leaving Jill as the assignee and cc yourself.",
    },
    QuestionInfo {
        key: "pre_existing",
        rule: "note/pre-existing",
        asks: "What to do with tickets that predate the introduction of this ASE?",
        missing: "the ASE note does not say what happens to tickets that predate the ASE",
        example: "Pre-existing tickets will keep their existing assignee and Jill will shadow.",
    },
    QuestionInfo {
        key: "emergency",
        rule: "note/emergency",
        asks: "What to do in case the customer submits an emergency ticket?",
        missing: "the ASE note does not say how emergency tickets are handled",
        example: "The on-call engineer will continue to handle emergency tickets; inform Jill when an emergency comes in.",
    },
];

impl Question {
    /// All questions, in the handbook's order.
    pub const ALL: [Question; 6] = [
        Question::Ase,
        Question::Region,
        Question::OutOfHours,
        Question::Unavailable,
        Question::PreExisting,
        Question::Emergency,
    ];

    /// What the registry knows of this question.
    pub fn info(self) -> &'static QuestionInfo {
        &INFO[self.index()]
    }

    /// The question's key (`questions.<key>` in the configuration, `key` in JSON).
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// The question as the handbook words it.
    pub fn asks(self) -> &'static str {
        self.info().asks
    }

    /// The question whose key is `key`.
    pub fn from_key(key: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.key() == key)
    }

    /// The question a `note/*` rule reports.
    pub fn from_rule(rule: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.info().rule == rule)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_is_in_the_enum_order() {
        for (i, q) in Question::ALL.into_iter().enumerate() {
            assert_eq!(q.index(), i);
            assert_eq!(Question::from_key(q.key()), Some(q));
            assert_eq!(Question::from_rule(q.info().rule), Some(q));
            assert!(q.asks().ends_with('?'));
        }
    }
}
