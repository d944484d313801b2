//! Printing bench results: Markdown tables, and the raw-versus-lexcase comparison with its
//! ratio and target (also written as JSON for the Python bench to compare against).

use std::time::Duration;

use serde_json::{Value, json};

/// A Markdown table.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headings.
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The table as Markdown.
    pub fn render(&self) -> String {
        let mut out = format!("| {} |\n", self.header.join(" | "));
        out.push_str(&format!(
            "|{}|\n",
            self.header
                .iter()
                .map(|_| "---")
                .collect::<Vec<_>>()
                .join("|")
        ));
        for row in &self.rows {
            out.push_str(&format!("| {} |\n", row.join(" | ")));
        }
        out
    }
}

/// What a comparison's ratio is held to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// Throughput: lexcase at least this fraction of raw (ratio = lexcase rate / raw rate).
    AtLeast(f64),
    /// Time or size: lexcase at most this multiple of raw (ratio = lexcase / raw).
    AtMost(f64),
    /// An absolute bound on lexcase's figure (the raw figure is for reference).
    Absolute(f64),
    /// No target; shown for reference.
    None,
}

/// How a figure is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Rows per second.
    Rate,
    /// Seconds (shown in ms or s).
    Seconds,
    /// Bytes (shown in MiB).
    Bytes,
}

/// One workload measured on both sides.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// What was measured.
    pub workload: String,
    /// The raw figure (rows/s, seconds or bytes), if measured.
    pub raw: Option<f64>,
    /// The lexcase figure.
    pub lexcase: f64,
    /// Its unit.
    pub unit: Unit,
    /// The target.
    pub target: Target,
    /// Text of the target as the issue states it.
    pub target_text: String,
}

impl Comparison {
    /// The ratio shown: lexcase / raw for times and sizes, lexcase / raw rate for rates.
    pub fn ratio(&self) -> Option<f64> {
        self.raw.filter(|r| *r > 0.0).map(|r| self.lexcase / r)
    }

    /// Whether the target is met (`None` when there is none or it cannot be told).
    pub fn met(&self) -> Option<bool> {
        match self.target {
            Target::AtLeast(x) => self.ratio().map(|r| r >= x),
            Target::AtMost(x) => self.ratio().map(|r| r <= x),
            Target::Absolute(x) => Some(self.lexcase <= x),
            Target::None => None,
        }
    }

    /// The row of the comparison table.
    pub fn cells(&self) -> Vec<String> {
        let show = |v: f64| match self.unit {
            Unit::Rate => format!("{v:.0}/s"),
            Unit::Seconds => duration(Duration::from_secs_f64(v.max(0.0))),
            Unit::Bytes => mib(v as u64),
        };
        vec![
            self.workload.clone(),
            self.raw.map_or_else(|| "-".to_owned(), show),
            show(self.lexcase),
            self.ratio()
                .map_or_else(|| "-".to_owned(), |r| format!("{r:.2}×")),
            self.target_text.clone(),
            match self.met() {
                Some(true) => "yes".into(),
                Some(false) => "**no**".into(),
                None => "-".into(),
            },
        ]
    }

    /// As JSON.
    pub fn to_json(&self) -> Value {
        json!({
            "workload": self.workload,
            "raw": self.raw,
            "lexcase": self.lexcase,
            "unit": match self.unit { Unit::Rate => "rows/s", Unit::Seconds => "s", Unit::Bytes => "bytes" },
            "ratio": self.ratio(),
            "target": self.target_text,
            "met": self.met(),
        })
    }
}

/// The comparison table: `workload | raw | lexcase | ratio | target | met?`.
pub fn comparison_table(rows: &[Comparison]) -> Table {
    let mut t = Table::new(&["workload", "raw", "lexcase", "ratio", "target", "met?"]);
    for c in rows {
        t.row(c.cells());
    }
    t
}

/// A duration as "12.3 ms" or "4.56 s".
pub fn duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 1.0 {
        format!("{:.2} ms", s * 1000.0)
    } else {
        format!("{s:.2} s")
    }
}

/// Bytes as MiB.
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// The `p`-th percentile (0–100) of sorted samples (nearest rank below).
pub fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted
        .get(sorted.len().saturating_sub(1) * p / 100)
        .copied()
        .unwrap_or_default()
}

/// The median of samples (sorted in place).
pub fn median(samples: &mut [Duration]) -> Duration {
    samples.sort_unstable();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_and_targets() {
        let c = Comparison {
            workload: "x".into(),
            raw: Some(100.0),
            lexcase: 60.0,
            unit: Unit::Rate,
            target: Target::AtLeast(0.5),
            target_text: "≥ 0.5 × raw".into(),
        };
        assert_eq!(c.met(), Some(true));
        assert_eq!(c.cells()[3], "0.60×");
        let t = Comparison {
            unit: Unit::Seconds,
            target: Target::AtMost(3.0),
            raw: Some(0.01),
            lexcase: 0.05,
            ..c
        };
        assert_eq!(t.met(), Some(false));
    }
}
