//! The vocabulary of org notes: how people write about the ASE, regions, the six topics,
//! what to do, and what is not decided yet. Word patterns in [`super::phrase`]'s syntax,
//! compiled once per process.
//!
//! Each list is written as ideas, not sentences: "outside" + up to three words + "hours"
//! covers "outside Jill's working hours" and "outside of her normal hours" alike.

use std::sync::LazyLock;

use super::phrase::PhraseSet;
use super::text::WordSet;

/// The ASE role: "ASE", "Assigned Support Engineer", "assigned engineer".
pub static ASE_ROLE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "assigned ?technical ?support|customer engineer|engineers",
            "assigned se|ses",
            "engineer|engineers|se assigned ~3 is|are|to",
            "dedicated support engineer|engineers",
        ],
        &[],
    )
});

/// Other roles a name may be tied to: never the ASE.
pub static OTHER_ROLE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "csm|csms|tam|tams|sa|sas|sae|ae|aes|csa|cse|am|pm|psm|se|ps",
            "account|customer|engagement|support|sales|product|project|program|programme|delivery manager|managers|executive|executives|owner|owners|rep|representative|lead",
            "customer success ?manager|managers|engineer|team",
            "technical account ?manager|managers",
            "solutions|solution architect|architects|engineer",
            "sales rep|representative|lead|team",
            "manager|managers|director|sponsor|champion|admin|administrator|contact|consultant",
            "backup|secondary|deputy|alternate|fallback|interim|acting|temporary|cover",
        ],
        &[],
    )
});

/// Words telling that a person no longer holds the role, or does not yet.
pub static NOT_CURRENT: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "former|formerly|previous|previously|ex|past|prior|old|outgoing|departing|retired",
            "was|were ?the|their|our|an|a ~2 ase|ases|engineer",
            "used to",
            "until|till",
            "no longer",
            "rotated|moved|stepped|transitioned|transferred|departed|reassigned off|on|away|out|down|to",
            "has|have moved|left|rotated",
            "handed|hands|handing over",
            "replaced|replacing|succeeded|succeeding",
            "left|leaving",
            "not the|their|our ~2 ase|engineer",
            "is|was|are not",
            "isn't|wasn't",
        ],
        &[
            "was|were|has|been assigned|named|appointed|made|confirmed|chosen|selected|introduced|onboarded",
        ],
    )
});

/// The ASE is not named yet.
pub static ASE_UNDECIDED: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "will|to be|get ~1 assigned|named|appointed|decided|confirmed|chosen|selected|hired|announced|determined",
            "not ~1 yet ~1 assigned|named|appointed|decided|confirmed|chosen|hired",
            "yet to be",
            "new ase ~3 once|after|when|soon",
        ],
        &[],
    )
});

/// The customer's side of a sentence: a region said of them is not the ASE's.
pub static CUSTOMER: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "customer|customers|client|clients|company|companies|org|organization|organisation|organizations|organisations|account|accounts|tenant|subsidiary|entity|entities|parent|hq|headquarters|headquartered|users|developers|devs|staff|employees|admins|ops|sre|sres|business|workforce|they|their|them|they're|its",
        ],
        &[
            "their ~2 ase|ases|engineer|asignee|assignee",
            "office hours",
        ],
    )
});

/// Other people's region, not the ASE's: "AMER engineers", "the EMEA queue".
pub static OTHER_PEOPLE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "engineers|ses|colleagues|queue|queues|on|oncall|managers|manager|group|groups|pod|pods|folks|people|agents|crew|staff|rotation|counterparts|peers|tses|reply|replies|answer|answers|respond|responds|picks|handles|covers|takes",
        ],
        &[],
    )
});

/// Statements about who handles out-of-hours tickets.
pub static OUT_OF_HOURS: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            // "outside of his working time", "after her work day".
            "outside|after|beyond ~2 working|work|office|business ~1 time|times|day|days",
            "outside|beyond|after|past ?of ~4 hours|hour|hrs|shift|shifts|schedule|window|timezone|timezones|workday|workdays|day|availability|coverage|region|regions|zone|zones|business|office",
            "out ?of ~4 hours|shift|timezone|zone|schedule|window|coverage",
            "off|after|non ?working|business|office|support|core hours|hour|shift|duty|hrs",
            "ooh|afterhours|offhours",
            "evening|evenings|weekend|weekends|overnight|night|nights|nighttime|nightly|saturday|saturdays|sunday|sundays",
            "sign|signs|signed|signing|log|logs|logged|logging|clock|clocks|clocked|clocking off|out",
            "offline|asleep|sleeping",
            "other|another|different|remaining|next ~1 region|regions|timezone|timezones|zone|zones|shift|shifts",
            "follow ?the sun",
            "24 7|24x7|7",
            "round|around the clock",
            "regardless ?of ~2 time|timezone|zone|hour|hours|region",
            "next|following business|working ?day|days|morning",
            "before|after|past|until #time",
            "outside|beyond ?of #",
            "before|after|until ~2 start|starts|starting|begins|begin|online|comes|back ~3 day|morning|shift|online",
            "during|in ?the amer|emea|apac|americas|europe|asia|us|eu|uk|australian|european|american|other ~3 hours|shift|time|daytime|day",
            "day|shift|workday finishes|finish|finished|ends|end|ended|over|done",
            "when|while ~3 not|isn't|is|'s ~1 working|online|on|around|awake ~1 shift|hours",
            "their|her|his|its|the|apac|amer|emea ~1 night|nighttime|morning",
            "working|business|office hours ~6 otherwise|else|elsewhere|outside",
            "outside|beyond that|those|these|then",
            "outside|beyond|after that|those|these|this window|time|times|period|schedule|timeframe|slot",
            "not in|during|within ~2 hours|shift|schedule|timezone|day",
        ],
        &[
            "within|in|under|inside|about|for ~1 # ~2 business|working|office|calendar|hours|hour|days|day|minutes|hrs",
            "# business|working|office hours|hour|days|day|hrs",
        ],
    )
});

/// Statements about tickets when the ASE is unavailable.
pub static UNAVAILABLE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "unavailable|unreachable|absent|absence|absences|ooo|pto|vacation|vacations|vacationing|holiday|holidays|sick|sickness|ill|illness|overloaded|swamped|slammed|unresponsive|conference|travelling|traveling|sabbatical|furlough|offsite",
            "not|isn't|aren't|unable ~1 available|reachable|around|responding|responsive|able",
            "can't|cannot|couldn't|can ?not ~1 be reached|contacted|found|available|reachable",
            "out|off ?of ?the|sick office|sick|work|today|ill",
            "time|day|days|week|weeks off|away",
            "on|during|while|for ~2 leave",
            "annual|parental|maternity|paternity|medical|personal|family|bereavement|extended|planned|unplanned|study|compassionate|sick|long|short|term leave",
            "is|are|'s|be|being|goes|go|gone|when|while|if ~1 away|out|off",
            "busy|capacity",
            // "If she can't take it", "when Jill doesn't reply": not "Wei does not take pages".
            "cannot|can't|unable|couldn't|won't|isn't ~2 take|respond|reply|handle|pick|work|get|answer|attend|cover|responded|replied|answered|able",
            "not|doesn't|hasn't ~2 respond|reply|answer|responded|replied|answered|able",
            "backup|secondary|deputy|alternate|fallback|stand|standby|substitute|cover|covering|covers ~2 ase|ases|engineer|engineers|contact|person|in|for|is|:|-|@",
            "backup|secondary|deputy|alternate|fallback|standby|substitute",
            "in ~2 absence",
            "covering|covers|cover for",
        ],
        &[
            "available|reachable|online ~1 on|via|in|through|over|by",
            "right|straight away",
            "out|off of hours|scope|band|date|stock|shift|sync|reach|time",
            "out|off of office|business|working|core hours",
            "off hours|shift|duty",
            "sign|signs|signed|log|logs|logged|clock|clocks|clocked|signing|logging off",
            "leave the|her|him|them|it|as|with|a|an|this|that|tickets|ticket|assigned|unassigned|alone|untouched|notes|note|comment|comments|internal",
            "cover|covers|covering|covered as ~2 ase|ases|engineer|assigned",
            "take|taking|taken|took ~2 off",
            "not|n't|never get|gets ~1 assigned|reassigned|routed",
        ],
    )
});

/// Statements about tickets that predate the ASE.
pub static PRE_EXISTING: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "pre ?- existing",
            "preexisting|predate|predates|predated|predating",
            "ticket|tickets|support|case|cases|the|their|existing|old|current|open ?ticket backlog|backlogs",
            "pre date|dates|dated|dating",
            "existing|older|old|earlier|prior|previous|former|historic|historical|legacy|ongoing|outstanding|inflight|in-flight|open|opened|active|current|pending|already|still|backlog|anterior|anteriors|antigos|antiguos|alte|bestehende ~2 tickets|ticket|tix|tkts|cases|case|requests|request|issues|conversations|work|items|ones",
            "tickets|ticket|tix|cases|anything|everything ~2 pre ?- ase|engagement|onboarding|kickoff|assignment",
            "pre ?- ase|engagement|onboarding|kickoff|assignment",
            "pre ?- ase|engagement|contract|assignment|onboarding|existing|kickoff ~1 tickets|ticket|tix|cases|case|requests|work|backlog|queue",
            "in flight|progress ~1 tickets|ticket|cases|case|requests",
            "tickets|ticket|tix|cases|case|requests|issues|anything|everything|whatever|those|ones ~4 before|prior|earlier|already|predating|older|anterior|anteriors",
            "before|prior ?to ~4 engagement|onboarding|assignment|kickoff|kick|introduction|started|joined|began|took|came|arrived|assigned|onboarded|start|ase|ases|contract|service|date",
            "tickets|ticket|cases|case|requests ~4 open|opened|created|raised|submitted|filed|logged when|before",
            "already ~3 queue|queued|open|opened|assigned|in",
            "from before",
            "opened|created|raised|submitted|filed|logged ~1 before|prior",
            "at|on|before ~2 commencement|start|beginning|onset|outset|kickoff|kick-off ~1 of",
        ],
        &[
            "existing|current|previous|old|older|prior|already ~1 customer|customers|contract|contracts|account|accounts|subscription|subscriptions|assignee|assignees|owner|owners|setup|deployment|deployments|instance|instances|plan|plans|license|licenses|licence|agreement|relationship|process|processes|workflow|workflows|users|user|infrastructure|configuration|environment|version|versions|sla|slas|contacts|contact|ase|team|integration|renewal|ticket owner|mr|mrs|issue|note|notes|engagement",
            "to|can|will|may|should|must|please|who|customers|customer|users|they|we|you|cannot|can't|don't|not|and|or|freely|also ~1 open|reopen|re-open ~2 tickets|ticket|cases|case",
            "before|prior|until|by|after ~1 #time",
            "open|opened ~1 tickets|ticket ~2 via|through|using|in|at",
            "already ~2 has|have|had|knows|know|aware|familiar|using|uses|use|told|agreed|informed",
        ],
    )
});

/// Statements about emergency tickets.
pub static EMERGENCY: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "emergenc*",
            "sev|severity|priority|s|p ?- 1|one|i",
            "sev1|s1|p1|sev-1|severity1",
            "prod|production|system|site|instance|gitlab|service|services ?is|are|goes|go ~1 down|outage|outages|offline",
            "outage|outages|downtime|down",
            "on ?- call|oncall",
            "pager|pagerduty|page|paging|paged|cmoc|ceoc|incident|incidents|escalation|escalations",
            "urgent|critical ~1 tickets|ticket|issues|issue|requests|request|cases|case|incidents|problems|situations|things|matters|ones",
            "high ?- severity|priority|impact ~1 tickets|ticket|issues|issue|requests|request|cases|case|incidents|problems",
            "business ?- critical|impacting",
        ],
        &[
            "non ?- emergenc*|urgent|critical",
            "not|never|isn't|aren't|wasn't|no ~2 emergenc*|urgent|critical",
            "except|excluding|exclude|besides|apart|other|but|without ~2 emergenc*|urgent|critical|sev|severity|s1|p1|sev1",
            "emergency|escalation contact|contacts|number|phone|email|e-mail",
        ],
    )
});

/// What happens, said in the statement: a verb of handling or routing, a directive, a
/// person or team to go to.
pub static DIRECTIVE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "assign*|handl*|respond*|repl*|left|untouched|unchanged|put|intact|remain*|continu*|answer*|take|takes|taking|took|taken|pick*|work|works|worked|working|rout*|go|goes|going|gone|went|stay*|keep*|kept|remain*|leave|leaving|ping*|notif*|inform*|cc|cc'd|page|pages|paged|paging|escalat*|follow*|treat*|transfer*|reassign*|hand|hands|handed|shadow*|contact*|reach*|tag|tagged|tagging|mention*|loop*|post|posts|raise|raised|wait*|queue*|process*|manag*|cover*|own|owns|owned|owner|triage*|look|looks|help*|use|used|uses|call|calls|message*|slack|email*|mov*|continu*|proceed*|apply|applies|send*|sent|forward*|redirect*|alert*|involv*|engag*|defer*|dri|get|gets|land|lands|fall|falls|belong*|join*|add|update*|check*|ask*|let|notify|provid*|prioriti*|priorit*|attend*|do|does|done|back|pull*|grab*|receiv*|accept*|direct*|default*|revert*|sit|sits|rest|rests|stick|sticks|jump|jumps|step|steps|tak*|picks|fill*|split|share|shared|shares|collaborat*|swap*|flag*|open|opens|review*|decid*|know|sees|see|hold|holds|held",
            "should|must|please|will|'ll|can|could|may|might|shall|would",
            "is|are|be|get|gets to|handled|assigned|routed|worked|answered|picked|covered|taken|owned|left|kept|moved|reassigned",
            "as ~1 usual|normal|normally|standard|always|per|before|today|agreed|any|other|regular",
            "usual|normal|normally|standard|regular|global|same|default|unchanged|change|changes",
            "on ?- call|oncall|queue|team|region|regions|rotation|engineer|engineers|ses|se|whoever|anyone|someone|everyone|colleague|colleagues|peer|peers|group|manager|managers|cmoc|ceoc|dri|pod",
            "@",
            "no|not|n't|never|nobody|none",
        ],
        &["auto ?- reply|replies|responder|response|responses|reply's"],
    )
});

/// A decision not made yet.
pub static DEFERRAL: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "tbd|tbc|tba|tk|todo|undecided|unclear|unknown|unsure|undetermined|unconfirmed|unresolved|unsettled",
            "to be ~1 decided|determined|confirmed|agreed|discussed|defined|clarified|finalised|finalized|announced|sorted|worked|settled|reviewed|updated|added|documented|written|filled|completed|provided|assigned|named",
            "not ~2 decided|agreed|defined|determined|confirmed|settled|finalised|finalized|sure|known|clear|discussed|documented|established|worked|figured",
            "not yet",
            "nothing|no ~2 decided|agreed|confirmed|settled|finalised|finalized|defined|decision|agreement",
            "haven't|hasn't|hadn't|didn't|don't|doesn't ~2 decided|agreed|confirmed|defined|settled|figured|determined|discussed|finalised|finalized|sorted|decide|agree|know",
            "have|has|had|do|does|did not|yet ~2 decided|agreed|confirmed|defined|settled|figured|determined|discussed|finalised|finalized|sorted|decide|agree|know",
            "still|currently ~3 being|under|in ~2 discussed|discussion|defined|decided|finalised|finalized|negotiated|reviewed|negotiation|review|clarified|progress",
            "still ~1 open|pending|tbd|unclear|undecided|unknown",
            "open question|questions|point|item",
            "pending ~3 discussion|decision|confirmation|kickoff|kick|call|review|agreement|approval|input|feedback|meeting|clarification|answer",
            "will|we'll|i'll|they'll|she'll|he'll|'ll|to ~2 update|confirm|decide|agree|clarify|document|add|fill|finalise|finalize|define|revisit ~4 after|once|when|later|soon|following|next",
            "update|revisit|amend|complete ~2 note|section|entry|row|page",
            "to confirm|agree|decide|clarify|discuss|check|align with|w",
            "update|confirm|decide|revisit ~1 when|once ~1 known|decided|agreed|confirmed|clear|available|signed|settled",
            "being ~1 discussed|negotiated|agreed|finalised|finalized|decided|reviewed|clarified|arranged|organised|organized|planned|sorted",
            "note|section|entry|row|page|this will|to ~1 be updated|completed|revised|filled|amended",
            // "still being worked out", not "being worked by their assignees".
            "being|still|currently ~2 worked out",
            "update|confirm|decide|agree|clarify|revisit ~2 after|once|when|at|following ~3 kickoff|kick|call|meeting|decided|agreed|signed|contract|qbr|review|onboarding",
            "n a|na",
            "work|figure|working|figuring|sort|sorting ~1 out",
            "still working on it|this",
            "no ~2 process|plan|guidance|decision|agreement|answer|procedure|policy ~2 yet|defined|agreed|decided",
            "coming soon|follow|forthcoming",
            "waiting|awaiting ?on|for ~2 confirmation|decision|feedback|input|answer|reply|customer|csm|sales|legal|management",
        ],
        &[
            "later than",
            "none of",
            "pending tickets|ticket|cases|case",
            // A condition on a ticket, not an open question: "if still open after 30 days".
            "if|when|unless|while|whilst still open",
            "still open after|for|past|beyond|longer",
        ],
    )
});

/// Words that name a field of an account's record rather than fill it: a table header
/// made only of these (`| ASE | Former ASE |`, `| Name | Region |`) titles a column of
/// values, where `| ASE | Hana Sato |` is a label and its value.
pub const FIELD_WORDS: &[&str] = &[
    "ase",
    "ases",
    "assigned",
    "support",
    "engineer",
    "engineers",
    "se",
    "tse",
    "former",
    "previous",
    "old",
    "new",
    "current",
    "primary",
    "backup",
    "backups",
    "secondary",
    "cover",
    "coverage",
    "deputy",
    "interim",
    "acting",
    "temporary",
    "region",
    "regions",
    "location",
    "based",
    "timezone",
    "tz",
    "time",
    "zone",
    "hours",
    "working",
    "shift",
    "team",
    "name",
    "names",
    "email",
    "handle",
    "slack",
    "gitlab",
    "zendesk",
    "id",
    "user",
    "since",
    "start",
    "started",
    "date",
    "until",
    "from",
    "csm",
    "tam",
    "ae",
    "sa",
    "manager",
    "account",
    "customer",
    "org",
    "organization",
    "organisation",
    "and",
    "of",
];

/// Verbs that start an instruction in the imperative.
pub static IMPERATIVE: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new([
        "reply",
        "respond",
        "answer",
        "assign",
        "reassign",
        "leave",
        "keep",
        "ping",
        "page",
        "notify",
        "inform",
        "tell",
        "cc",
        "escalate",
        "follow",
        "treat",
        "route",
        "transfer",
        "hand",
        "contact",
        "reach",
        "tag",
        "mention",
        "loop",
        "post",
        "raise",
        "wait",
        "queue",
        "check",
        "ask",
        "let",
        "use",
        "call",
        "message",
        "email",
        "send",
        "forward",
        "add",
        "update",
        "do",
        "don't",
        "dont",
        "never",
        "work",
        "handle",
        "take",
        "pick",
        "move",
        "proceed",
        "continue",
        "apply",
        "attach",
        "note",
        "flag",
        "shadow",
        "close",
        "put",
        "give",
        "help",
        "set",
        "switch",
        "look",
        "start",
        "resolve",
        "triage",
        "prioritise",
        "prioritize",
        "process",
        "manage",
        "cover",
        "own",
        "get",
        "open",
        "create",
        "mark",
        "copy",
        "write",
        "reroute",
        "redirect",
        "alert",
        "involve",
        "engage",
        "defer",
        "hold",
        "stay",
        "remain",
        "go",
        "route",
        "direct",
        "default",
        "grab",
        "pull",
        "fall",
        "revert",
        "just",
        "simply",
        "always",
        "first",
        "then",
        "otherwise",
        "action",
        "deal",
        "sort",
        "fix",
        "investigate",
        "troubleshoot",
        "support",
        "acknowledge",
        "review",
    ])
});

mod people_words;
mod places;

pub use people_words::{NAME_PARTICLES, NOT_NAMES, ORGANIZATION_WORDS};
pub use places::{REGION_CODES, REGION_WORDS, REGION_WORDS_CAPS_ONLY};
