//! Deterministic benchmark corpus: `cargo run --release --example gen-corpus -- --orgs 50000
//! --rows 5000 OUT` writes `OUT/organizations/<id>.yaml` (notes 0.3–4 KB, about a tenth ASE
//! notes, a mix of good and bad) and `OUT/README.md` with an ASE table consistent with them.
//! Same arguments, same bytes: the generator uses its own seeded PRNG.

use std::fmt::Write as _;
use std::path::PathBuf;

/// SplitMix64: small, fast, and stable across platforms and Rust versions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "Jill", "Priya", "Ravi", "Kenji", "Amelia", "Tomasz", "Fatima", "Diego", "Chen", "Olu",
    "Sofia", "Lars", "Mei", "Ahmed", "Grace", "Mateo",
];
const LAST: &[&str] = &[
    "Smith", "Patel", "Kumar", "Tanaka", "Novak", "Okafor", "Garcia", "Li", "Jensen", "Rossi",
];
const COMPANY: &[&str] = &[
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Aperture",
    "Vandelay",
];
const SUFFIX: &[&str] = &[
    "Corp", "Inc.", "GmbH", "Ltd", "AG", "Holdings", "Labs", "Group",
];
const REGIONS: &[&str] = &["AMER", "EMEA", "APAC"];
const FILLER: &[&str] = &[
    "The customer runs a large self-managed instance with Geo replication.",
    "Please check the account's support plan before escalating.",
    "Professional Services engagement in progress; see the SOW in Salesforce.",
    "Tickets about billing go to the Billing team.",
    "The customer prefers email over calls.",
    "Upgrade assistance requests need two weeks' notice.",
    "They have a dedicated Slack channel with the account team.",
];

struct Org {
    id: u64,
    name: String,
    ase: Option<(String, u64, &'static str)>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut orgs, mut rows, mut out) = (50_000usize, 5_000usize, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--orgs" => orgs = args.next().ok_or("--orgs needs a number")?.parse()?,
            "--rows" => rows = args.next().ok_or("--rows needs a number")?.parse()?,
            other => out = Some(PathBuf::from(other)),
        }
    }
    let out = out.ok_or("usage: gen-corpus [--orgs N] [--rows N] OUT")?;
    let dir = out.join("organizations");
    std::fs::create_dir_all(&dir)?;
    let mut rng = Rng(0x5EED_A5E1);
    let list = make_orgs(&mut rng, orgs, rows);
    for org in &list {
        let text = org_file(&mut rng, org);
        std::fs::write(dir.join(format!("{}.yaml", org.id)), text)?;
    }
    std::fs::write(out.join("README.md"), readme(&mut rng, &list))?;
    eprintln!(
        "wrote {} org files and a {}-row README to {}",
        list.len(),
        rows.min(orgs),
        out.display()
    );
    Ok(())
}

fn make_orgs(rng: &mut Rng, count: usize, ase_rows: usize) -> Vec<Org> {
    let ases: Vec<(String, u64, &'static str)> = (0..64)
        .map(|i| {
            let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
            (name, 370_000_000_000 + i * 7919, REGIONS[(i % 3) as usize])
        })
        .collect();
    (0..count)
        .map(|i| {
            let id = 360_000_000_000 + i as u64 * 104_729;
            let name = format!(
                "{:08x} {} {}",
                rng.next() as u32,
                rng.pick(COMPANY),
                rng.pick(SUFFIX)
            );
            let ase = (i < ase_rows).then(|| ases[rng.below(ases.len() as u64) as usize].clone());
            Org { id, name, ase }
        })
        .collect()
}

fn org_file(rng: &mut Rng, org: &Org) -> String {
    let mut note = String::new();
    match &org.ase {
        Some((ase, _, region)) => ase_note(rng, &mut note, ase, region),
        None => {
            let _ = writeln!(note, "{}", rng.pick(FILLER));
        }
    }
    let target = 300 + rng.below(3_700) as usize;
    while note.len() < target {
        let _ = writeln!(note, "\n{}", rng.pick(FILLER));
    }
    let body: String = note.lines().map(|l| format!("  {l}\n")).collect();
    format!("---\nid: {}\nname: {}\nnotes: |\n{body}", org.id, org.name)
}

/// An ASE note; about one in four leaves out an answer (emergency or pre-existing).
fn ase_note(rng: &mut Rng, note: &mut String, ase: &str, region: &str) {
    let first = ase.split(' ').next().unwrap_or(ase);
    let _ = writeln!(
        note,
        "This organization has an Assigned Support Engineer (ASE). Please [review the workflow to use](/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/).\n\n{ase} is the {region} ASE for this customer, so all new non-emergency tickets will be assigned to {first}."
    );
    let flaw = rng.below(4);
    if flaw != 1 {
        let _ = writeln!(
            note,
            "Pre-existing tickets will keep their existing assignee and {first} will shadow."
        );
    }
    let _ = writeln!(
        note,
        "\nIf {first} is unavailable, please respond while leaving {first} as the assignee and cc yourself."
    );
    if flaw != 2 {
        let _ = writeln!(
            note,
            "\nThe on-call engineer will continue to handle emergency tickets, which will not get assigned to {first}."
        );
    }
}

fn readme(rng: &mut Rng, orgs: &[Org]) -> String {
    let mut out = String::from(
        "# Assigned Support Engineers\n\nThe table below is the single source of truth of all active ASE accounts.\n\n| Account | ASE | Region | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|---|---|---|\n",
    );
    for org in orgs {
        let Some((ase, user_id, region)) = &org.ase else {
            continue;
        };
        let account = org
            .name
            .split_once(' ')
            .map_or(org.name.as_str(), |(_, n)| n);
        let sfdc = if rng.below(20) == 0 {
            "0014M00001hHV5CQAX"
        } else {
            "0014M00001hHV5CQAW"
        };
        let _ = writeln!(
            out,
            "| {account} | {ase} | {region} | [Salesforce](https://gitlab.my.salesforce.com/{sfdc}), [Org Note](https://gitlab.com/gitlab-com/support/zendesk-global/organizations/-/blob/master/organizations/{id}.yaml) | | {name} | {id} | {user_id} |",
            id = org.id,
            name = org.name,
        );
    }
    out.push_str("\n## How to add an account\n\nOpen an MR and assign it to your manager.\n");
    out
}
