//! The registry of [`super::probes`] against the services' source text: every public method
//! of every `…Service` in `core/src/service/*.rs` is either a read with a probe or a command,
//! reads do not write and commands do (directly through the session's write transaction or
//! through another method of the service that does). A method added to a service without
//! being classified — a new read without a wall probe — fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::probes::{COMMANDS, reads};

/// One method of a service, as the source shows it.
struct Method {
    service: String,
    name: String,
    public: bool,
    body: String,
}

fn method_name(line: &str) -> Option<(bool, String)> {
    let (public, rest) = match line.strip_prefix("    pub fn ") {
        Some(rest) => (true, rest),
        None => (false, line.strip_prefix("    fn ")?),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    Some((public, name))
}

/// Every method of every `impl<'s> …Service<'s>` (or `impl …Service<'_>`) block (rustfmt's layout: the block ends at a
/// `}` in column 0, a method at `    }`).
fn methods() -> Vec<Method> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src/service");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut service: Option<String> = None;
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if let Some(rest) = line
                .strip_prefix("impl<'s> ")
                .or_else(|| line.strip_prefix("impl "))
            {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
                service = name.ends_with("Service").then_some(name);
                continue;
            }
            if line.starts_with('}') {
                service = None;
            }
            let (Some(svc), Some((public, name))) = (&service, method_name(line)) else {
                continue;
            };
            let mut body = String::new();
            for l in lines.by_ref() {
                if l == "    }" {
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            out.push(Method {
                service: svc.clone(),
                name,
                public,
                body,
            });
        }
    }
    out
}

/// The methods that write: those whose body opens the write transaction, and (to a fixed
/// point) those that call such a method of their own service.
fn writers(methods: &[Method]) -> BTreeSet<(String, String)> {
    let mut writes: BTreeSet<(String, String)> = methods
        .iter()
        .filter(|m| m.body.contains(".write("))
        .map(|m| (m.service.clone(), m.name.clone()))
        .collect();
    loop {
        let before = writes.len();
        for m in methods {
            let calls_writer = writes.iter().any(|(service, name)| {
                *service == m.service
                    && (m.body.contains(&format!("self.{name}("))
                        || m.body.contains(&format!("Self::{name}(")))
            });
            if calls_writer {
                writes.insert((m.service.clone(), m.name.clone()));
            }
        }
        if writes.len() == before {
            return writes;
        }
    }
}

#[test]
fn every_public_service_method_is_a_probed_read_or_a_command() {
    let methods = methods();
    let writes = writers(&methods);
    let public: BTreeSet<(String, String)> = methods
        .iter()
        .filter(|m| m.public)
        .map(|m| (m.service.clone(), m.name.clone()))
        .collect();
    assert!(
        public.len() > 150,
        "the scan found only {} methods",
        public.len()
    );
    let probed: BTreeSet<(String, String)> = reads()
        .iter()
        .map(|r| (r.service.to_owned(), r.method.to_owned()))
        .collect();
    let commands: BTreeSet<(String, String)> = COMMANDS
        .iter()
        .flat_map(|(s, names)| names.iter().map(|n| ((*s).to_owned(), (*n).to_owned())))
        .collect();
    let mut problems = Vec::new();
    for m in &public {
        match (probed.contains(m), commands.contains(m), writes.contains(m)) {
            (true, false, false) | (false, true, true) => {}
            (false, false, _) => {
                problems.push(format!("{}::{} is neither probed nor a command", m.0, m.1))
            }
            (true, true, _) => problems.push(format!("{}::{} is listed twice", m.0, m.1)),
            (true, false, true) => {
                problems.push(format!("{}::{} writes but is probed as a read", m.0, m.1))
            }
            (false, true, false) => problems.push(format!(
                "{}::{} is listed as a command but does not write",
                m.0, m.1
            )),
        }
    }
    for m in probed.union(&commands).filter(|m| !public.contains(*m)) {
        problems.push(format!(
            "{}::{} is not a public method of the service",
            m.0, m.1
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let per_service: BTreeMap<&str, usize> = probed.iter().fold(BTreeMap::new(), |mut n, m| {
        *n.entry(m.0.as_str()).or_default() += 1;
        n
    });
    assert_eq!(per_service.len(), 21, "{per_service:?}");
    println!(
        "{} read methods of {} services probed; {} commands",
        probed.len(),
        per_service.len(),
        commands.len()
    );
}
