//! Unit tests of the note analysis: one note per idea, asserting what a manager would read.

use super::*;
use crate::testing::DEFAULTS;

fn analysed(note: &str) -> NoteAnalysis {
    analyse(note, &*DEFAULTS)
}

fn statuses(note: &str) -> Vec<(&'static str, &'static str)> {
    let a = analysed(note);
    Question::ALL
        .into_iter()
        .map(|q| (q.key(), a.answer(q).status.as_str()))
        .collect()
}

#[test]
fn the_handbook_example_answers_all_but_working_hours() {
    let note = "This organization has an Assigned Support Engineer (ASE). Please [review the workflow to use](/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/).\n\nJill is the AMER ASE for Company-A so at this time, all new non-emergency tickets will be assigned to her. Pre-existing tickets will keep their existing assignee and Jill will shadow.\n\nIf Jill is unavailable, please respond while leaving Jill as the assignee and cc yourself.\n\nThe on-call engineer will continue to handle emergency tickets, which will not get assigned to Jill. However, inform her when an emergency comes in so she can assist if available.\n";
    let a = analysed(note);
    assert!(a.ase_note);
    assert_eq!(a.ase_names, ["Jill"]);
    assert_eq!(a.regions, ["AMER"]);
    assert_eq!(
        statuses(note),
        [
            ("ase", "answered"),
            ("region", "answered"),
            ("out_of_hours", "implicit"),
            ("unavailable", "answered"),
            ("pre_existing", "answered"),
            ("emergency", "answered"),
        ]
    );
    assert!(a.workflow_link);
    let emergency = a
        .answer(Question::Emergency)
        .evidence
        .clone()
        .map(|e| e.text);
    assert_eq!(
        emergency.as_deref(),
        Some(
            "The on-call engineer will continue to handle emergency tickets, which will not get assigned to Jill."
        )
    );
}

#[test]
fn names_of_every_shape_are_the_ase() {
    for (note, name) in [
        ("Siobhán Ní Bhriain is our ASE.", "Siobhán Ní Bhriain"),
        ("ASE: Maria van der Berg", "Maria van der Berg"),
        (
            "D'Arcy Whitlock looks after Contoso as their Assigned Support Engineer.",
            "D'Arcy Whitlock",
        ),
        ("The assigned engineer is Trần Thị Hoa.", "Trần Thị Hoa"),
        ("Our ASE - @hoa.tran", "@hoa.tran"),
        (
            "Jean-Paul Okafor covers this account as ASE.",
            "Jean-Paul Okafor",
        ),
        (
            "### Assigned Support Engineer\nJean-Paul Okafor — EMEA\n",
            "Jean-Paul Okafor",
        ),
        (
            "| Who is the ASE? | Kwame Mensah |\n|---|---|\n| Region | EMEA |\n",
            "Kwame Mensah",
        ),
        ("ase on this account is priya nair (pune).", "priya nair"),
        (
            "tomasz nowak is our ase, new tickets go to him.",
            "tomasz nowak",
        ),
        (
            "Two ASEs, by instance:\n- gitlab.example.com: Lars-Erik Holm — EMEA\n",
            "Lars-Erik Holm",
        ),
    ] {
        assert_eq!(analysed(note).ase_names, [name], "{note}");
    }
}

#[test]
fn a_name_the_ase_goes_by_is_the_ase_for_the_region() {
    let analysis = analysed("ASE: Ananya Sri Raghavan (goes by Sri) — APAC, Chennai");
    assert_eq!(analysis.ase_names, ["Ananya Sri Raghavan"]);
    assert_eq!(analysis.regions, ["APAC"]);
}

#[test]
fn former_backup_and_other_roles_are_not_the_ase() {
    let a = analysed(
        "Bob was their ASE until March. Jill Smith took over from Bob as ASE. Dana (CSM) and Backup ASE: Eve.",
    );
    assert_eq!(a.ase_names, ["Jill Smith"]);
    assert!(!analysed("Bob was their ASE until March; the ASE engagement ended.").ase_note);
}

#[test]
fn the_customers_region_is_not_the_ases() {
    let a = analysed(
        "Jill is the ASE. Jill covers Contoso, an EMEA-based customer, from AMER. Their team works CET.",
    );
    assert_eq!(a.regions, ["AMER"]);
    let b =
        analysed("Hoa is the ASE; she is based in Sydney, APAC shift. The customer is in Germany.");
    assert_eq!(b.regions, ["APAC"]);
    let c = analysed("Jill is the ASE. The customer is based in EMEA.");
    assert!(c.regions.is_empty());
}

#[test]
fn other_regions_working_days_and_engineers_are_not_the_ases() {
    let a = analysed(
        "Kenji Mori is our ASE (Osaka). Kenji signs off before EMEA opens; tickets filed during the EMEA & AMER morning get a first reply from APAC/AMER engineers and stay with Kenji.",
    );
    assert_eq!(a.regions, ["APAC"]);
    // A title addressed to the team does not make the paragraph below a region label.
    let c = analysed(
        "Message for the support team:\n\nFor this client the ASE is Lucía Pardo, she sits in Madrid, so region EMEA.",
    );
    assert_eq!(c.regions, ["EMEA"]);
    // A name in its own script, or a city of several words, in the aside after the name.
    let d = analysed("ASE: SUZUKI Aiko (鈴木 愛子) — JST");
    assert_eq!(d.regions, ["APAC"]);
    let e = analysed("Their ASE is Trần Văn Nam (Ho Chi Minh City, ICT).");
    assert_eq!(e.regions, ["APAC"]);
    // Working another region's hours is still where the ASE works.
    let b = analysed("Ana Lima is the ASE and works AMER hours.");
    assert_eq!(b.regions, ["AMER"]);
}

#[test]
fn notes_that_only_mention_the_service_are_not_ase_notes() {
    for note in [
        "PS Project in Progress",
        "Customer is evaluating the ASE add-on.",
        "Asked about ASE pricing on the QBR.",
        "The ASE engagement ended in 2024; tickets go to the normal queue.",
        "Their ASE request was declined by sales.",
        "No ASE; CSM is Dana.",
        "ASE: none",
        "Do they have an ASE?",
        "Sales offered the ASE service when they renewed; they said no.",
        "The AE thinks ASE could be added at the next renewal. Standard handling for now.",
        "Parent company Hoshino Seiki K.K. has an ASE; Hoshino GmbH (this org) does not.",
        "Heads-up: ASE orgs carry a note naming the ASE. This one doesn't, so route normally.",
        "Switched from Premium + ASE to plain Ultimate at renewal. The old ASE, Ana Silva, moved on.\n\nOld note, kept for history only:\n> ASE: Ana Silva (EMEA). Emergencies: on-call.",
        "Ostara was bought by Helix Group, which has its own ASE setup. Ostara never did.",
        "The parent's org is the one with the ASE (Jonas Berg). This org does not have ASE coverage; normal queue.",
        // Another organization's ASE, its subject set off by an apposition.
        "Our sister company, Vantor Labs GmbH, has an ASE (Jill Moreau, EMEA). Route this org's tickets normally.",
    ] {
        assert!(!analysed(note).ase_note, "{note}");
    }
}

#[test]
fn what_the_rest_of_the_note_says_outweighs_a_passing_mention() {
    for note in [
        // Ended: a later mention of the role with nobody named is history too.
        "ASE contract: finished last year.\nASE sync recordings are in the shared drive.",
        // Said to have none: a named ASE of another org does not make it one.
        "Our parent's org has an ASE (Ana Souza). This org has no ASE, route normally.",
        // A quoted "ASE" is the customer's word for something else.
        "If the customer writes \"ping our ASE\", they mean their internal on-call team.",
        // Spelled out as something else once: later mentions mean the same.
        "Their data pipeline is called ASE (Analytics Streaming Engine).\nASE outages: ask for the pipeline logs first.",
        // An aside is one clause: "another org" covers the ASE after its comma.
        "Not to be mixed up with Globex Ltd (a different org, which has an ASE).",
        // Not signed yet.
        "ASE order form is out for signature; nothing changes until it is countersigned.",
    ] {
        assert!(!analysed(note).ase_note, "{note}");
    }
    for (note, name) in [
        // "never the ASE" is said of the on-call engineer, not of the org.
        (
            "ASE: Jill Smith\nEmergencies: on-call, never the ASE",
            "Jill Smith",
        ),
        // An arrow ends the customer's words: "wanted" is not sales talk about the role.
        (
            "Customer wanted one owner → ASE is Hana Ito, AMER.",
            "Hana Ito",
        ),
        (
            "Tickets from before the ASE: no change\nASE: Ravi Rao",
            "Ravi Rao",
        ),
        // No cover for the ASE is not "no ASE".
        (
            "There is no ASE backup.\nASE: Jill Smith, AMER",
            "Jill Smith",
        ),
    ] {
        let analysis = analysed(note);
        assert!(analysis.ase_note, "{note}");
        assert_eq!(analysis.ase_names, [name], "{note}");
    }
}

#[test]
fn deferrals_are_not_answers() {
    let note = "Jill is the AMER ASE.\nPre-existing tickets: TBD\nWe haven't decided what happens to emergencies yet.\nOutside Jill's hours: still being worked out.";
    let s = statuses(note);
    assert_eq!(s[2], ("out_of_hours", "deferred"));
    assert_eq!(s[4], ("pre_existing", "deferred"));
    assert_eq!(s[5], ("emergency", "deferred"));
    // "to confirm with" someone puts it off; a past incident routed then answers nothing.
    let note = "Jill is the AMER ASE.\nOlder tickets: to check with the CSM (Ana Rios).\nLast March a P1 (Gitaly outage) was handled by on-call over a weekend.";
    let s = statuses(note);
    assert_eq!(s[4], ("pre_existing", "deferred"));
    assert_eq!(s[5], ("emergency", "unanswered"));
    // A deferral word as the value, whatever reason follows; a promise to write it later.
    let note = "Jill is the AMER ASE.\n- emergencies: pending — Legal is reviewing whether they want the ASE paged\n- Old tickets: TBD, waiting on the CSM\n\nI'll add the PTO plan once Jill and I have sorted the rota.\nEmergencies: on-call as usual. Jill does not take pages.";
    let s = statuses(note);
    assert_eq!(s[3], ("unavailable", "deferred"));
    assert_eq!(s[4], ("pre_existing", "deferred"));
}

#[test]
fn a_clause_after_a_semicolon_or_a_leave_label_answers() {
    // "those" speaks of the tickets the clause before the semicolon named.
    let note = "Kofi Mensah is the EMEA ASE. Roughly 20 cases were open before Kofi joined; those remain with their current owners.\n- Leave: @ama.owusu takes his queue";
    let s = statuses(note);
    assert_eq!(s[3], ("unavailable", "answered"));
    assert_eq!(s[4], ("pre_existing", "answered"));
}

#[test]
fn first_person_notes_name_their_writer_and_conditions_are_no_deferrals() {
    let note = "Hello! I'm Nomvula Khoza and I'm the ASE for this account (Cape Town, EMEA).\nWhen I'm on leave I'll name my cover in #spt_emea; assign to them.\nTickets from before I joined are being worked by their current owners.\nBacklog: move to me if still open after two weeks.";
    let a = analysed(note);
    assert_eq!(a.ase_names, ["Nomvula Khoza"]);
    let s = statuses(note);
    assert_eq!(s[3], ("unavailable", "answered"));
    assert_eq!(s[4], ("pre_existing", "answered"));
}

#[test]
fn a_changelog_names_past_holders_and_a_title_ends_with_its_list() {
    // A bare line over a list titles it; only the entry that says "now" is the ASE.
    let note = "Change log\n- 2022-03  ASE assigned: Hamza Qureshi (EMEA)\n- 2024-10  ASE now Bea Lindqvist (AMER)\n\n**Escalation history**\n- 2023: P1, on-call took it\n\nEmergencies go to on-call; tell Bea.";
    let a = analysed(note);
    assert_eq!(a.ase_names, ["Bea Lindqvist"]);
    assert_eq!(a.regions, ["AMER"]);
    // The paragraph after the titled list is not under the title.
    assert_eq!(statuses(note)[5], ("emergency", "answered"));
    // A note that is all changelog keeps its entries: they are how things are.
    let note = "## Changelog\n- 2025-03 — ASE changed: Hamza Qureshi → Bea Lindqvist (AMER).\n- 2024-10 — Emergencies: on-call is DRI, tell the ASE.";
    let a = analysed(note);
    assert_eq!(a.ase_names, ["Bea Lindqvist"]);
    assert_eq!(statuses(note)[5], ("emergency", "answered"));
}

#[test]
fn two_ases_with_their_places_and_an_ase_kept_since_a_date_in_history() {
    let a = analysed("Two ASEs share it: Ana Silva in Lisbon and Wen Li in Taipei.");
    assert_eq!(a.ase_names, ["Ana Silva", "Wen Li"]);
    let a = analysed(
        "## History\n- 2022: migration to SaaS.\n- They have had an ASE since 2024: Ana Silva, EMEA.",
    );
    assert_eq!(a.ase_names, ["Ana Silva"]);
}

#[test]
fn a_history_section_and_a_long_label_line_answer_nothing_below_them() {
    // What on-call did in 2023 is no instruction for today.
    let note = "- ASE: Ruth Okonjo, AMER\n\n### History\n- 2023-11: Sev1 on their runners (ticket #40112) — on-call took it at 02:00 and Ruth joined at 9am.";
    assert_eq!(statuses(note)[5], ("emergency", "unanswered"));
    // Each line opening with a label is its own statement, however long the one before.
    let note = "ASE ........ Ruth Okonjo (AMER)\nWhen out ... her backup Lars Eriksen gets every new ticket for the duration\nLegacy .... TBD";
    assert_eq!(statuses(note)[4], ("pre_existing", "deferred"));
}

#[test]
fn the_customers_secondary_contact_is_no_cover() {
    let note = "Key contacts\n- Primary: Ada Obi (platform lead)\n- Secondary: Femi Bello, SRE\n\nOur ASE is Chidi Eze (EMEA, Lagos).";
    assert_eq!(statuses(note)[3], ("unavailable", "unanswered"));
    let note = "Contacts\n- ASE: Chidi Eze (EMEA)\n- Backup ASE: Femi Bello, covers Chidi's PTO";
    assert_eq!(statuses(note)[3], ("unavailable", "answered"));
}

#[test]
fn lowercase_label_lines_end_at_the_line_and_arranging_defers() {
    let note = "hi team, the new ASE is me, Ana Silva (Lisbon, EMEA)\nemergencies: on-call as normal\nnights? not sure yet, will sort with my manager\nCover while Ana is on leave: being arranged by the EMEA manager; this note will be updated.";
    let s = statuses(note);
    assert_eq!(s[5], ("emergency", "answered"));
    assert_eq!(s[3], ("unavailable", "deferred"));
}

#[test]
fn a_note_laid_out_as_the_handbook_questions_is_an_ase_note() {
    let note = "**Contact:** Birgit Lund\n**After hours:** reply, keep Birgit assigned\n**Birgit on holiday:** EMEA queue covers\n**Sev1:** on-call, ping Birgit";
    let a = analysed(note);
    assert!(a.ase_note);
    assert_eq!(a.ase_names, ["Birgit Lund"]);
    // Two of the ticket questions are ordinary special handling, not an ASE layout.
    let note = "**After hours:** the customer's own NOC opens tickets.\n**Emergencies:** page on-call; they expect a call back.";
    assert!(!analysed(note).ase_note);
}

#[test]
fn question_marks_as_a_value_are_unknown_not_a_question() {
    let note = "ase = Noa Levi, emea / tlv\nafter her hrs: anyone on shift replies, Noa stays assignee\nnoa on pto → ??\nsev1 → on-call, ping noa";
    let s = statuses(note);
    assert_eq!(s[2], ("out_of_hours", "answered"));
    assert_eq!(s[3], ("unavailable", "deferred"));
    assert_eq!(s[5], ("emergency", "answered"));
    assert_eq!(
        statuses("ASE -> Noa Levi (EMEA)\nOOH -> next business day, no reassign")[2],
        ("out_of_hours", "answered")
    );
}

#[test]
fn another_regions_day_is_out_of_hours() {
    let note = "Our ASE is Mere Tūhoe (Auckland, APAC). Her day ends before EMEA is online, so tickets raised in the AMER/EMEA day get a first reply from those regions and stay assigned to Mere.";
    assert_eq!(statuses(note)[2], ("out_of_hours", "answered"));
}

#[test]
fn paraphrases_answer_and_traps_do_not() {
    let note = "Jill is the AMER ASE. Tickets already open when Jill started stay with their assignee. After Jill has signed off for the day, the EMEA queue picks tickets up. Severity 1 / production down: page the on-call engineer. If Jill is on PTO, respond and cc her.";
    assert!(
        statuses(note).iter().all(|(_, s)| *s == "answered"),
        "{:?}",
        statuses(note)
    );
    let trap = "Jill is the AMER ASE. All non-emergency tickets go to Jill. Jill is available on Slack. Respond within 24 hours. The existing contract runs to May.";
    assert_eq!(
        statuses(trap)[2..],
        [
            ("out_of_hours", "unanswered"),
            ("unavailable", "unanswered"),
            ("pre_existing", "unanswered"),
            ("emergency", "unanswered")
        ]
    );
}

#[test]
fn question_text_is_not_an_answer() {
    let note = "ASE: Jill (AMER)\n\n### What to do with emergencies?\n\n### Tickets outside working hours?\nThe global queue takes them.\n";
    let s = statuses(note);
    assert_eq!(s[5], ("emergency", "unanswered"));
    assert_eq!(s[2], ("out_of_hours", "answered"));
}

#[test]
fn debug_dump() {
    let Ok(note) = std::env::var("NOTE_DEBUG") else {
        return;
    };
    let (statements, _) = statements::statements(&note);
    for s in &statements {
        let w = |ts: &[Token]| {
            ts.iter()
                .map(|t| t.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let tokens = entities::all_tokens(s);
        eprintln!(
            "{:?} asks={} [{}] {} {{{}}} affirms={} people={:?} regions={:?}",
            s.form,
            s.asks,
            w(&s.label),
            w(&s.content),
            w(&s.context),
            ase_note::affirms_ase(s, &note),
            entities::ase_people(s, &tokens, ase_note::affirms_ase(s, &note), &note),
            regions::ase_regions(s, &tokens, &note, &analysed(&note).ase_names, false)
        );
    }
    for s in &statements {
        let tokens = entities::all_tokens(s);
        eprintln!("topics {:?}", Question::ALL.map(|q| about(q, s, &tokens)));
    }
    eprintln!("{:#?}", analysed(&note));
}

#[test]
fn debug_regions() {
    let note = "Jill is our European ASE.";
    let (statements, _) = statements::statements(note);
    let tokens = entities::all_tokens(&statements[0]);
    for (k, t) in tokens.iter().enumerate() {
        eprintln!(
            "{k} {:?} {:?} cap={} region={:?}",
            t.lower,
            t.kind,
            t.capitalised,
            names::region_of(t)
        );
    }
}

#[test]
fn debug_people() {
    let Ok(text) = std::env::var("PEOPLE_DEBUG") else {
        return;
    };
    let tokens = text::tokenize(&text, 0..text.len());
    for t in &tokens {
        eprintln!("{:?} cap={} caps={}", t.lower, t.capitalised, t.all_caps);
    }
    eprintln!("{:?}", names::people(&tokens, &text));
}

#[test]
fn debug_instruction() {
    let Ok(text) = std::env::var("INSTR_DEBUG") else {
        return;
    };
    let tokens = text::tokenize(&text, 0..text.len());
    eprintln!("instructs={}", instruction::instructs(&tokens, &text));
}

#[test]
fn an_aside_never_closed_is_read_to_the_end() {
    // "(est." ends a sentence, so its `)` is in the next one: this once looped forever.
    let analysis = analysed("INTERIM ASE: Bao Tran until the permanent ASE is hired (est. Q3).\n");
    assert!(analysis.ase_note);
}

#[test]
fn regions_said_with_a_pronoun_in_lowercase_or_as_a_timezone() {
    for (note, region) in [
        ("Nadia Karam is the ASE. She's in the EMEA region.", "EMEA"),
        ("ase is tomas ruiz, he's amer / bogota", "AMER"),
        ("ASE: Wayan (one name) – denpasar, WITA", "APAC"),
    ] {
        assert_eq!(analysed(note).regions, [region], "{note}");
    }
}

#[test]
fn working_time_and_places_named_with_a_particle() {
    let s = statuses(
        "Our ASE is Jan de Vries.\nWhen tickets come outside of his working time, reply and give them back to Jan.",
    );
    assert_eq!(s[2], ("out_of_hours", "answered"));
    let analysis = analysed("Our ASE is Lucas Pérez, from Ciudad de México (region Americas).");
    assert_eq!(analysis.regions, ["AMER"]);
}

#[test]
fn a_template_blank_where_the_instruction_goes_answers_nothing() {
    let s = statuses(
        "ASE: Mona Haddad (EMEA)\nIf Mona is unavailable, reply and then [insert what to do].\nEmergencies: the on-call engineer, then {action}\nPre-existing tickets keep their assignee.",
    );
    assert_eq!(s[3], ("unavailable", "unanswered"));
    assert_eq!(s[5], ("emergency", "unanswered"));
    assert_eq!(s[4], ("pre_existing", "answered"));
    // A blank name leaves the rest of the sentence an answer.
    let t = statuses(
        "<ASE name> is the AMER ASE, so new tickets are assigned to them. Pre-existing tickets keep their assignee.",
    );
    assert_eq!(t[4], ("pre_existing", "answered"));
}

#[test]
fn a_role_of_several_words_as_a_row_label_names_the_ase() {
    let a = analysed(
        "| Field | Value |\n|---|---|\n| Assigned SE | Mateus Rocha |\n| Location | Porto |\n",
    );
    assert!(a.ase_note);
    assert_eq!(a.ase_names, ["Mateus Rocha"]);
    assert_eq!(a.regions, ["EMEA"]);
}

#[test]
fn a_two_column_table_of_field_headers_reads_down_its_columns() {
    // The header titles two columns; the row below holds the values.
    let a = analysed("| ASE | Former ASE |\n|---|---|\n| Hana Sato (EMEA) | Rosa Díaz |\n");
    assert!(a.ase_note);
    assert_eq!(a.ase_names, ["Hana Sato"]);
    assert_eq!(a.regions, ["EMEA"]);
    let a = analysed("| Name | Region |\n|---|---|\n| Hana Sato, our ASE | EMEA |\n");
    assert_eq!(a.ase_names, ["Hana Sato"]);
    assert_eq!(a.regions, ["EMEA"]);
    // A role column: each row's person whose role cell says ASE.
    let a = analysed(
        "| Name | Location | Role |\n|---|---|---|\n| Tevita Fifita | Auckland | ASE |\n| Mele Tupou | Auckland | CSM |\n",
    );
    assert_eq!(a.ase_names, ["Tevita Fifita"]);
    // A header holding a value is a label and its value, the rows below likewise.
    let a = analysed("| ASE | Hana Sato |\n|---|---|\n| Region | EMEA |\n| Backup | Rosa Díaz |\n");
    assert_eq!(a.ase_names, ["Hana Sato"]);
    assert_eq!(a.regions, ["EMEA"]);
}

#[test]
fn nicknames_stay_in_the_name_and_companies_are_not_people() {
    let a = analysed("ASE (since May): Margarethe “Grete” Vollmer — EMEA, Graz");
    assert_eq!(a.ase_names, ["Margarethe “Grete” Vollmer"]);
    assert_eq!(a.regions, ["EMEA"]);
    // The customer's name before the role in a title is not the ASE.
    let a = analysed("Kestrel Biosciences — ASE\n\nASE: Tomasz Wiśniewski (AMER, Chicago)");
    assert_eq!(a.ase_names, ["Tomasz Wiśniewski"]);
    // Nor does a company's name speak of another (umbrella) organization.
    let a = analysed("Ines Duarte is the EMEA ASE for Umbrella Logistics.");
    assert!(a.ase_note);
    assert_eq!(a.ase_names, ["Ines Duarte"]);
}
