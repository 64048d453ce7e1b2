//! The vocabulary of org notes: how people write about the ASE, regions, the six topics,
//! what to do, and what is not decided yet. Word patterns in [`super::phrase`]'s syntax,
//! compiled once per process.
//!
//! Each list is written as ideas, not sentences: "outside" + up to three words + "hours"
//! covers "outside Jill's working hours" and "outside of her normal hours" alike.

use std::sync::LazyLock;

use super::phrase::PhraseSet;

/// The ASE role: "ASE", "Assigned Support Engineer", "assigned engineer".
pub static ASE_ROLE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "assigned ?technical ?support|customer engineer|engineers",
            "assigned se|ses",
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
        &["was|were|has|been assigned|named|appointed|made|confirmed|chosen|selected|introduced|onboarded"],
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
        &["their ~2 ase|ases|engineer|asignee|assignee", "office hours"],
    )
});

/// Other people's region, not the ASE's: "AMER engineers", "the EMEA queue".
pub static OTHER_PEOPLE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &["engineers|ses|colleagues|queue|queues|on|oncall|managers|manager|group|groups|pod|pods|folks|people|agents|crew|staff|rotation|counterparts|peers|tses|reply|replies|answer|answers|respond|responds|picks|handles|covers|takes"],
        &[],
    )
});

/// Statements about who handles out-of-hours tickets.
pub static OUT_OF_HOURS: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "outside|beyond|after|past ?of ~4 hours|hour|shift|shifts|schedule|window|timezone|timezones|workday|workdays|day|availability|coverage|region|regions|zone|zones|business|office",
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
            "during|in amer|emea|apac|americas|europe|asia|us|eu|uk|australian|european|american|other ~1 hours|shift|time|daytime|day",
            "when|while ~3 not|isn't|is|'s ~1 working|online|on|around|awake ~1 shift|hours",
            "their|her|his|its|the|apac|amer|emea ~1 night|nighttime|morning",
            "working|business|office hours ~6 otherwise|else|elsewhere|outside",
            "outside|beyond|after that|those|these|this|then ?window|time|period|schedule",
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
            "is|are|be|being|goes|go|gone|when|while|if ~1 away|out|off",
            "busy|capacity",
            "cannot|can't|can|unable|not|couldn't|doesn't|hasn't|won't|isn't ~2 take|respond|reply|handle|pick|work|get|answer|attend|cover|responded|replied|answered|able",
            "backup|back up|secondary|deputy|alternate|fallback|stand|standby|substitute|cover|covering|covers ~2 ase|ases|engineer|engineers|contact|person|in|for|is|:|-|@",
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
            "take|taking|taken|took ~2 off",
        ],
    )
});

/// Statements about tickets that predate the ASE.
pub static PRE_EXISTING: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "pre ?- existing",
            "preexisting|predate|predates|predated|predating|backlog|backlogged",
            "pre date|dates|dated|dating",
            "existing|older|old|earlier|prior|previous|historic|historical|legacy|ongoing|outstanding|inflight|in-flight|open|opened|active|current|pending|already|still|backlog|anterior|anteriors|antigos|antiguos|alte|bestehende ~2 tickets|ticket|tix|tkts|cases|case|requests|request|issues|conversations|work|items",
            "pre ?- ase|engagement|contract|assignment|onboarding|existing|kickoff ~1 tickets|ticket|tix|cases|case|requests|work|backlog|queue",
            "in flight|progress ~1 tickets|ticket|cases|case|requests",
            "tickets|ticket|tix|cases|case|requests|issues|anything|everything|whatever|those|ones ~4 before|prior|earlier|already|predating|older|anterior|anteriors",
            "before|prior ?to ~4 engagement|onboarding|assignment|kickoff|kick|introduction|started|joined|began|took|came|arrived|assigned|onboarded|start|ase|ases|contract|service|date",
            "tickets|ticket|cases|case|requests ~4 open|opened|created|raised|submitted|filed|logged when|before",
            "already ~3 queue|queued|open|opened|assigned|in",
            "from before",
        ],
        &[
            "existing|current|previous|old|older|prior|already ~1 customer|customers|contract|contracts|account|accounts|subscription|subscriptions|assignee|assignees|owner|owners|setup|deployment|deployments|instance|instances|plan|plans|license|licenses|licence|agreement|relationship|process|processes|workflow|workflows|users|user|infrastructure|configuration|environment|version|versions|sla|slas|contacts|contact|ase|team|integration|renewal|ticket owner|mr|mrs|issue|note|notes|engagement",
            "to|can|will|may|should|must|please|who|customers|customer|users|they|we|you|cannot|can't|don't|not|and|or|freely|also ~1 open|reopen|re-open ~2 tickets|ticket|cases|case",
            "before|prior|until|by|after ~1 #time",
            "open|opened ~1 tickets|ticket ~2 via|through|in|at|on|with|using|from",
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
            "emergency|escalation|on-call ?contact|contacts ~1 customer|at|on",
        ],
    )
});

/// What happens, said in the statement: a verb of handling or routing, a directive, a
/// person or team to go to.
pub static DIRECTIVE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "assign*|handl*|respond*|repl*|left|untouched|unchanged|put|intact|remain*|continu*|answer*|take|takes|taking|took|taken|pick*|work|works|worked|working|rout*|go|goes|going|gone|went|stay*|keep*|kept|remain*|leave|leaving|ping*|notif*|inform*|cc|cc'd|page|pages|paged|paging|escalat*|follow*|treat*|transfer*|reassign*|hand|hands|handed|shadow*|contact*|reach*|tag|tagged|tagging|mention*|loop*|post|posts|raise|raised|wait*|queue*|process*|manag*|cover*|own|owns|owned|owner|triage*|look|looks|help*|use|used|uses|call|calls|message*|slack|email*|mov*|continu*|proceed*|apply|applies|send*|sent|forward*|redirect*|alert*|involv*|engag*|defer*|dri|get|gets|land|lands|fall|falls|belong*|join*|add|update*|check*|ask*|let|notify|provid*|prioriti*|priorit*|attend*|do|does|done|back|pull*|grab*|receiv*|accept*|direct*|default*|revert*|sit|sits|rest|rests|stick|sticks|jump|jumps|step|steps|tak*|picks|fill*|split|share|shared|shares|collaborat*|swap*|flag*|open|opens|review*|decid*|know|sees|see|hold|holds|held",
            "should|must|please|will|'ll|can|could|may|might|need|needs|needed|shall|would",
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
            "haven't|hasn't|hadn't|didn't|don't|doesn't ~2 decided|agreed|confirmed|defined|settled|figured|determined|discussed|finalised|finalized|sorted|decide|agree|know",
            "have|has|had|do|does|did not|yet ~2 decided|agreed|confirmed|defined|settled|figured|determined|discussed|finalised|finalized|sorted|decide|agree|know",
            "still|currently ~3 being|under|in ~2 discussed|discussion|worked|defined|decided|finalised|finalized|negotiated|reviewed|negotiation|review|clarified|progress",
            "still ~1 open|pending|tbd|unclear|undecided|unknown",
            "open question|questions|point|item",
            "pending ~3 discussion|decision|confirmation|kickoff|kick|call|review|agreement|approval|input|feedback|meeting|clarification|answer",
            "will|we'll|'ll|to ~2 update|confirm|decide|agree|clarify|document|add|fill|finalise|finalize|define|revisit ~4 after|once|when|later|soon|following|next|this|it|the|here",
            "update|confirm|decide|agree|clarify|revisit ~2 after|once|when|at|following ~3 kickoff|kick|call|meeting|decided|agreed|signed|contract|qbr|review|onboarding",
            "n a|na",
            "work|figure|working|figuring|sort|sorting ~1 out|on",
            "no ~2 process|plan|guidance|decision|agreement|answer|procedure|policy ~2 yet|defined|agreed|decided",
            "coming soon|follow|forthcoming",
        ],
        &["later than", "none of", "pending tickets|ticket|cases|case"],
    )
});

/// The region words: each maps to AMER, EMEA or APAC (see [`super::entities`]).
pub const REGION_WORDS: &[(&str, &str)] = &[
    ("amer", "AMER"),
    ("americas", "AMER"),
    ("america", "AMER"),
    ("noram", "AMER"),
    ("ncsa", "AMER"),
    ("latam", "AMER"),
    ("na", "AMER"),
    ("us", "AMER"),
    ("usa", "AMER"),
    ("canada", "AMER"),
    ("canadian", "AMER"),
    ("american", "AMER"),
    ("brazil", "AMER"),
    ("mexico", "AMER"),
    ("argentina", "AMER"),
    ("colombia", "AMER"),
    ("chile", "AMER"),
    ("peru", "AMER"),
    ("toronto", "AMER"),
    ("vancouver", "AMER"),
    ("montreal", "AMER"),
    ("montréal", "AMER"),
    ("quebec", "AMER"),
    ("québec", "AMER"),
    ("brasília", "AMER"),
    ("brasilia", "AMER"),
    ("ottawa", "AMER"),
    ("chicago", "AMER"),
    ("denver", "AMER"),
    ("seattle", "AMER"),
    ("austin", "AMER"),
    ("boston", "AMER"),
    ("atlanta", "AMER"),
    ("dallas", "AMER"),
    ("houston", "AMER"),
    ("portland", "AMER"),
    ("miami", "AMER"),
    ("phoenix", "AMER"),
    ("francisco", "AMER"),
    ("york", "AMER"),
    ("angeles", "AMER"),
    ("paulo", "AMER"),
    ("aires", "AMER"),
    ("bogota", "AMER"),
    ("bogotá", "AMER"),
    ("pst", "AMER"),
    ("pdt", "AMER"),
    ("est", "AMER"),
    ("edt", "AMER"),
    ("cst", "AMER"),
    ("cdt", "AMER"),
    ("mst", "AMER"),
    ("mdt", "AMER"),
    ("et", "AMER"),
    ("pt", "AMER"),
    ("ct", "AMER"),
    ("mt", "AMER"),
    ("emea", "EMEA"),
    ("europe", "EMEA"),
    ("european", "EMEA"),
    ("eu", "EMEA"),
    ("uk", "EMEA"),
    ("africa", "EMEA"),
    ("african", "EMEA"),
    ("ireland", "EMEA"),
    ("irish", "EMEA"),
    ("germany", "EMEA"),
    ("german", "EMEA"),
    ("france", "EMEA"),
    ("spain", "EMEA"),
    ("portugal", "EMEA"),
    ("netherlands", "EMEA"),
    ("dutch", "EMEA"),
    ("poland", "EMEA"),
    ("italy", "EMEA"),
    ("sweden", "EMEA"),
    ("norway", "EMEA"),
    ("denmark", "EMEA"),
    ("finland", "EMEA"),
    ("belgium", "EMEA"),
    ("switzerland", "EMEA"),
    ("austria", "EMEA"),
    ("greece", "EMEA"),
    ("turkey", "EMEA"),
    ("türkiye", "EMEA"),
    ("israel", "EMEA"),
    ("egypt", "EMEA"),
    ("kenya", "EMEA"),
    ("nigeria", "EMEA"),
    ("london", "EMEA"),
    ("dublin", "EMEA"),
    ("berlin", "EMEA"),
    ("munich", "EMEA"),
    ("amsterdam", "EMEA"),
    ("paris", "EMEA"),
    ("madrid", "EMEA"),
    ("barcelona", "EMEA"),
    ("lisbon", "EMEA"),
    ("warsaw", "EMEA"),
    ("krakow", "EMEA"),
    ("kraków", "EMEA"),
    ("prague", "EMEA"),
    ("vienna", "EMEA"),
    ("zurich", "EMEA"),
    ("stockholm", "EMEA"),
    ("oslo", "EMEA"),
    ("copenhagen", "EMEA"),
    ("helsinki", "EMEA"),
    ("rome", "EMEA"),
    ("milan", "EMEA"),
    ("athens", "EMEA"),
    ("istanbul", "EMEA"),
    ("dubai", "EMEA"),
    ("nairobi", "EMEA"),
    ("lagos", "EMEA"),
    ("cairo", "EMEA"),
    ("johannesburg", "EMEA"),
    ("cape", "EMEA"),
    ("edinburgh", "EMEA"),
    ("manchester", "EMEA"),
    ("belfast", "EMEA"),
    ("cork", "EMEA"),
    ("cet", "EMEA"),
    ("cest", "EMEA"),
    ("gmt", "EMEA"),
    ("bst", "EMEA"),
    ("wet", "EMEA"),
    ("west", "EMEA"),
    ("eet", "EMEA"),
    ("eest", "EMEA"),
    ("sast", "EMEA"),
    ("apac", "APAC"),
    ("asia", "APAC"),
    ("asian", "APAC"),
    ("anz", "APAC"),
    ("oceania", "APAC"),
    ("australia", "APAC"),
    ("australian", "APAC"),
    ("zealand", "APAC"),
    ("japan", "APAC"),
    ("japanese", "APAC"),
    ("india", "APAC"),
    ("indian", "APAC"),
    ("singapore", "APAC"),
    ("philippines", "APAC"),
    ("manila", "APAC"),
    ("indonesia", "APAC"),
    ("jakarta", "APAC"),
    ("korea", "APAC"),
    ("korean", "APAC"),
    ("seoul", "APAC"),
    ("china", "APAC"),
    ("taiwan", "APAC"),
    ("taipei", "APAC"),
    ("vietnam", "APAC"),
    ("hanoi", "APAC"),
    ("malaysia", "APAC"),
    ("kuala", "APAC"),
    ("thailand", "APAC"),
    ("bangkok", "APAC"),
    ("sydney", "APAC"),
    ("melbourne", "APAC"),
    ("brisbane", "APAC"),
    ("perth", "APAC"),
    ("adelaide", "APAC"),
    ("canberra", "APAC"),
    ("auckland", "APAC"),
    ("wellington", "APAC"),
    ("tokyo", "APAC"),
    ("osaka", "APAC"),
    ("bangalore", "APAC"),
    ("bengaluru", "APAC"),
    ("mumbai", "APAC"),
    ("delhi", "APAC"),
    ("pune", "APAC"),
    ("hyderabad", "APAC"),
    ("chennai", "APAC"),
    ("shanghai", "APAC"),
    ("beijing", "APAC"),
    ("kong", "APAC"),
    ("aest", "APAC"),
    ("aedt", "APAC"),
    ("acst", "APAC"),
    ("awst", "APAC"),
    ("nzst", "APAC"),
    ("nzdt", "APAC"),
    ("jst", "APAC"),
    ("kst", "APAC"),
    ("ist", "APAC"),
    ("sgt", "APAC"),
    ("hkt", "APAC"),
    ("pht", "APAC"),
];

/// Region words that only count when written in capitals (`AMER`, `US`), because in
/// lowercase they are other words ("amer", "us", "eu", "est", "pt", "na", "it", "west").
pub const REGION_WORDS_CAPS_ONLY: &[&str] = &[
    "amer", "us", "eu", "uk", "na", "et", "pt", "ct", "mt", "est", "cst", "mst", "pst", "west", "anz", "ist", "cet", "gmt", "bst", "wet", "eet", "sgt", "jst", "kst", "pdt", "edt", "cdt", "mdt", "cest", "eest", "aest", "aedt", "nzst", "nzdt", "sast", "hkt", "pht", "acst", "awst", "ncsa", "noram", "latam",
];

/// Capitalised words that start sentences, labels and headings but are nobody's name.
pub const NOT_NAMES: &[&str] = &[
    "a", "about", "above", "access", "account", "accounts", "acting", "action", "add", "additional", "additionally", "admin", "ae", "after", "afternoon", "again", "agent", "agents", "all", "also", "always", "am", "amer", "america", "americas", "an", "and", "annual", "another", "answer", "any", "anyone", "anything", "apac", "april", "are", "as", "asap", "ase", "ases", "asia", "ask", "assign", "assigned", "assignee", "assignment", "at", "august", "auto", "available", "away", "back", "backlog", "backup", "based", "be", "because", "before", "being", "below", "best", "both", "but", "by", "busy", "call", "can", "cc", "check", "cmoc", "com", "comment", "contact", "contacts", "context", "contract", "could", "cover", "coverage", "covers", "csm", "current", "currently", "customer", "customers", "daily", "day", "days", "december", "dedicated", "default", "deployment", "designated", "details", "do", "does", "don't", "dri", "during", "each", "east", "either", "else", "email", "emea", "emergencies", "emergency", "end", "engagement", "engineer", "engineers", "enterprise", "escalate", "escalation", "escalations", "eu", "europe", "even", "every", "everyone", "everything", "example", "except", "existing", "f", "faq", "february", "few", "first", "follow", "for", "former", "friday", "from", "further", "general", "geo", "gitlab", "global", "go", "good", "great", "group", "handbook", "handle", "handling", "has", "have", "he", "hello", "help", "her", "here", "hey", "hi", "high", "his", "hold", "holiday", "holidays", "hours", "how", "however", "hq", "i", "if", "important", "in", "incident", "info", "information", "inform", "instance", "interim", "internal", "is", "issue", "issues", "it", "its", "january", "july", "june", "just", "keep", "kickoff", "kindly", "last", "lead", "leave", "let", "license", "like", "links", "link", "local", "located", "low", "main", "manager", "march", "may", "me", "medium", "meeting", "mention", "monday", "more", "morning", "most", "mr", "mrs", "ms", "must", "my", "n", "name", "named", "need", "needs", "never", "new", "next", "night", "no", "nobody", "non", "none", "normal", "north", "not", "note", "notes", "november", "now", "october", "of", "off", "office", "on", "once", "one", "only", "ooo", "open", "or", "org", "organization", "organisation", "other", "otherwise", "our", "out", "outside", "over", "owner", "p1", "p2", "page", "people", "per", "perhaps", "ping", "plan", "please", "point", "pre", "premium", "primary", "prior", "priority", "pto", "q", "a", "question", "questions", "re", "reach", "read", "region", "regional", "regions", "regular", "remember", "request", "requests", "respond", "response", "review", "role", "s", "saturday", "say", "schedule", "se", "second", "see", "september", "sev", "sev1", "severity", "shadow", "shall", "she", "shift", "should", "since", "slack", "sla", "so", "some", "someone", "something", "south", "special", "starting", "status", "still", "subscription", "summary", "sunday", "support", "sure", "take", "tam", "tbd", "team", "thanks", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "thursday", "ticket", "tickets", "time", "timezone", "to", "today", "tomorrow", "tuesday", "ultimate", "under", "until", "update", "updated", "urgent", "us", "use", "usual", "via", "we", "wednesday", "week", "weekly", "welcome", "west", "what", "when", "where", "whether", "which", "while", "who", "whoever", "why", "will", "with", "within", "without", "work", "working", "would", "yes", "you", "your", "zendesk", "salesforce", "switchboard", "incident.io", "supportlogic", "dedicated", "self", "managed", "saas", "sm", "gitlab.com", "sev2", "sev3", "p3", "s1", "s2", "pm", "ps", "sa", "tse", "sre", "ops", "api", "ci", "cd", "sso", "saml", "ldap", "geo", "k8s", "kubernetes", "aws", "gcp", "azure", "jira", "github", "okta", "vpn", "ip", "url", "mr", "ok", "okay", "fyi", "btw", "nb", "ps", "via", "vs", "etc", "eg", "ie", "direct", "directly", "alternative", "alternatively", "generally", "usually", "normally", "typically", "temporary", "temporarily", "pending", "tba", "tbc", "na", "n/a", "unknown", "later", "soon", "current", "q1", "q2", "q3", "q4", "fy", "ooh", "handover", "hand", "handed", "transition", "effective", "effectively", "starting", "started", "start", "scope", "purpose", "reason", "warning", "caution", "attention", "notice", "reminder", "tip", "outage", "prod", "production", "engagement", "renewal", "billing", "sales", "pricing", "price", "evaluation", "trial", "poc", "professional", "services", "project", "migration", "upgrade", "onboarding", "offboarding", "who's", "what's", "when's", "answer", "answers", "topic", "details", "detail", "value", "field", "notes", "assigned support engineer", "engineers", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Lowercase words that may sit inside a name between capitalised words ("van der",
/// "de la", "bin", "Ní"), or start a surname after a first name ("de Vries").
pub const NAME_PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "do", "du", "la", "le", "von", "zu", "bin", "binti", "bint", "ibn", "al", "el", "ter", "ten", "y", "mac", "mc", "ni", "ní", "nic", "ó", "o", "ap", "st",
];
