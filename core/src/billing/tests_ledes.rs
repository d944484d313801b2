//! LEDES 1998B vectors (STANDARDS §1.7), writer and reader behaviour, round trips.

use super::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const SAMPLE: &str = include_str!("ledes/sample_1998b.txt");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn refusal(result: crate::Result<impl std::fmt::Debug>) -> (String, String) {
    match result.unwrap_err() {
        crate::LexcaseError::Validation { field, reason, .. } => (field, reason),
        other => panic!("{other:?}"),
    }
}

fn fee(units: Decimal, cost: Decimal, adjustment: Decimal) -> LedesLine {
    LedesLine {
        line_number: "1".into(),
        kind: LedesLineType::Fee,
        units,
        unit_cost: Some(cost),
        adjustment,
        date: date(2024, 3, 31),
        task_code: "L110".into(),
        expense_code: String::new(),
        activity_code: "A101".into(),
        timekeeper_id: "JS".into(),
        description: "Court work".into(),
        timekeeper_name: "Smith, Jane".into(),
        timekeeper_classification: "PARTNR".into(),
    }
}

fn invoice(lines: Vec<LedesLine>) -> LedesInvoice {
    LedesInvoice {
        invoice_date: date(2024, 3, 31),
        invoice_number: "INV1".into(),
        client_id: "C1".into(),
        law_firm_matter_id: "M1".into(),
        billing_start: date(2024, 3, 1),
        billing_end: date(2024, 3, 31),
        description: "Services".into(),
        law_firm_id: "12-3456789".into(),
        client_matter_id: String::new(),
        lines,
    }
}

/// The sample with data line `n` (1-based data line) edited.
fn edit_sample(data_line: usize, field: usize, value: &str) -> String {
    let mut lines: Vec<String> = SAMPLE.lines().map(str::to_owned).collect();
    let line = &mut lines[data_line + 1];
    let body = line.strip_suffix("[]").unwrap();
    let mut fields: Vec<&str> = body.split('|').collect();
    fields[field] = value;
    *line = format!("{}[]", fields.join("|"));
    lines.join("\n")
}

#[test]
fn sample_file_parses_to_two_invoices() {
    let invoices = parse_ledes_1998b(SAMPLE).unwrap();
    assert_eq!(invoices.len(), 2);
    let first = &invoices[0];
    assert_eq!(first.invoice_number, "96542");
    assert_eq!(first.client_id, "00711");
    assert_eq!(first.law_firm_matter_id, "0528");
    assert_eq!(first.client_matter_id, "423-987");
    assert_eq!(first.invoice_date, date(1999, 2, 25));
    let totals: Vec<Decimal> = first.lines.iter().map(LedesLine::total).collect();
    assert_eq!(
        totals,
        vec![dec!(630), dec!(700), dec!(40), dec!(24.95), dec!(289.5)]
    );
    assert_eq!(first.total(), dec!(1684.45));
    assert_eq!(first.lines[0].timekeeper_name, "Arnsley, Robert");
    assert_eq!(first.lines[2].units, dec!(0.2));
    assert_eq!(first.lines[3].kind, LedesLineType::Expense);
    assert_eq!(first.lines[3].expense_code, "E111");
    assert_eq!(first.lines[3].task_code, "");
    assert_eq!(first.lines[3].activity_code, "");
    let second = &invoices[1];
    assert_eq!(second.invoice_number, "96543");
    assert_eq!(second.lines.len(), 1);
    assert_eq!(second.lines[0].kind, LedesLineType::FeeAdjustment);
    assert_eq!(second.lines[0].unit_cost, None);
    assert_eq!(second.total(), dec!(1250));
    // The same file with CRLF line ends and a final line break.
    let crlf = SAMPLE.replace('\n', "\r\n");
    assert_eq!(parse_ledes_1998b(&crlf).unwrap(), invoices);
}

#[test]
fn sample_codes_are_utbms_codes_of_the_right_kind() {
    for inv in parse_ledes_1998b(SAMPLE).unwrap() {
        for l in inv.lines.iter().filter(|l| !l.kind.is_adjustment()) {
            if l.kind == LedesLineType::Fee {
                assert!(check_code(CodeKind::Task, &l.task_code).is_ok());
                assert!(check_code(CodeKind::Activity, &l.activity_code).is_ok());
                assert!(l.expense_code.is_empty());
            } else {
                assert!(check_code(CodeKind::Expense, &l.expense_code).is_ok());
            }
        }
    }
}

#[test]
fn line_formula_vectors() {
    assert_eq!(fee(dec!(2.00), dec!(350), dec!(-70)).total(), dec!(630));
    assert_eq!(fee(dec!(0.200), dec!(200), dec!(0)).total(), dec!(40));
    let expense = LedesLine {
        kind: LedesLineType::Expense,
        ..fee(dec!(1), dec!(24.95), dec!(0))
    };
    assert_eq!(expense.total(), dec!(24.95));
    // eCounsel: 2 h x $200, adjustment -40.
    assert_eq!(fee(dec!(2), dec!(200), dec!(-40)).total(), dec!(360));
    // Invoice-level credit.
    let credit = LedesLine {
        kind: LedesLineType::FeeAdjustment,
        unit_cost: None,
        units: Decimal::ZERO,
        ..fee(dec!(0), dec!(0), dec!(-4000))
    };
    assert_eq!(credit.total(), dec!(-4000));
    // Rounded to cents, half away from zero: 0.1667 x 212.50 = 35.42375.
    assert_eq!(
        fee(dec!(0.1667), dec!(212.50), dec!(0)).total(),
        dec!(35.42)
    );
}

#[test]
fn generation_vector() {
    let expense = LedesLine {
        line_number: "2".into(),
        kind: LedesLineType::Expense,
        units: dec!(1),
        unit_cost: Some(dec!(350)),
        adjustment: Decimal::ZERO,
        date: date(2024, 3, 31),
        task_code: String::new(),
        expense_code: "E112".into(),
        activity_code: String::new(),
        timekeeper_id: String::new(),
        description: "Court fee".into(),
        timekeeper_name: String::new(),
        timekeeper_classification: String::new(),
    };
    let inv = invoice(vec![fee(dec!(1.5), dec!(300), dec!(0)), expense]);
    let text = write_ledes_1998b(std::slice::from_ref(&inv)).unwrap();
    let expected = [
        "LEDES1998B[]",
        LEDES_1998B_COLUMNS,
        "20240331|INV1|C1|M1|800|20240301|20240331|Services|1|F|1.5|0|450|20240331|L110||A101|JS|Court work|12-3456789|300|Smith, Jane|PARTNR|[]",
        "20240331|INV1|C1|M1|800|20240301|20240331|Services|2|E|1|0|350|20240331||E112|||Court fee|12-3456789|350|||[]",
    ];
    assert_eq!(text, expected.join("\r\n") + "\r\n");
    for line in text.lines().skip(2) {
        assert!(line.ends_with("[]"));
        assert_eq!(line.split('|').count(), 24);
    }
    assert_eq!(parse_ledes_1998b(&text).unwrap(), vec![inv]);
}

#[test]
fn bad_headers_are_refused() {
    let bad = SAMPLE.replacen("LEDES1998B[]", "LEDES1998BB[]", 1);
    let (field, reason) = refusal(parse_ledes_1998b(&bad));
    assert_eq!(field, "header");
    assert!(
        reason.contains("Invalid or missing LEDES1998B header"),
        "{reason}"
    );
    let bad = SAMPLE.replacen("INVOICE_DATE|", "INVOIC_DATE|", 1);
    let (field, reason) = refusal(parse_ledes_1998b(&bad));
    assert_eq!(field, "header");
    assert!(
        reason.contains("Invalid or missing LEDES1998B column definition"),
        "{reason}"
    );
    let two_lines: String = SAMPLE.lines().take(2).collect::<Vec<_>>().join("\n");
    assert_eq!(refusal(parse_ledes_1998b(&two_lines)).0, "file");
    assert_eq!(refusal(parse_ledes_1998b("")).0, "file");
}

#[test]
fn bad_fields_are_refused_with_their_line() {
    let cases = [
        (1, 0, "19990299", "INVOICE_DATE"),
        (2, 9, "A", "EXP/FEE/INV_ADJ_TYPE"),
        (6, 11, "1250.123123", "LINE_ITEM_ADJUSTMENT_AMOUNT"),
        (6, 4, "1250.123123", "INVOICE_TOTAL"),
        (3, 22, "ABCDE", "TIMEKEEPER_CLASSIFICATION"),
        (6, 1, "123456789012345678901", "INVOICE_NUMBER"),
        (6, 1, "96-543", "INVOICE_NUMBER"),
        (1, 13, "19991340", "LINE_ITEM_DATE"),
        (1, 12, "631", "LINE_ITEM_TOTAL"),
        (1, 10, "-2", "LINE_ITEM_NUMBER_OF_UNITS"),
        (1, 10, "", "LINE_ITEM_NUMBER_OF_UNITS"),
        (1, 20, "", "LINE_ITEM_UNIT_COST"),
        (6, 20, "1250", "LINE_ITEM_UNIT_COST"),
        (1, 19, "", "LAW_FIRM_ID"),
        (1, 2, "", "CLIENT_ID"),
        (1, 8, "", "LINE_ITEM_NUMBER"),
        (1, 17, "123456789012345678901", "TIMEKEEPER_ID"),
        (
            1,
            21,
            "Arnsley-Featherstonehaugh, Robert",
            "TIMEKEEPER_NAME",
        ),
        (2, 8, "1", "LINE_ITEM_NUMBER"),
        (1, 4, "1684.46", "INVOICE_TOTAL"),
    ];
    for (data_line, index, value, column) in cases {
        let text = edit_sample(data_line, index, value);
        let (field, reason) = refusal(parse_ledes_1998b(&text));
        assert_eq!(field, column, "{value}: {reason}");
        assert!(
            reason.starts_with(&format!("line {}:", data_line + 2)),
            "{column}: {reason}"
        );
    }
    // Classification may be empty; the sample's expense lines have none.
    assert!(parse_ledes_1998b(&edit_sample(1, 22, "")).is_ok());
    assert!(parse_ledes_1998b(&edit_sample(1, 22, "OFCOUN")).is_ok());
    // An invoice total that is wrong on every line of the invoice.
    let wrong: String = SAMPLE.replace("|1684.45|", "|1684.40|");
    let (field, reason) = refusal(parse_ledes_1998b(&wrong));
    assert_eq!(
        (field.as_str(), reason.starts_with("line 3:")),
        ("INVOICE_TOTAL", true)
    );
}

#[test]
fn malformed_lines_are_refused() {
    let mut lines: Vec<&str> = SAMPLE.lines().collect();
    let no_brackets = lines[2].trim_end_matches("[]").to_owned();
    lines[2] = &no_brackets;
    let (field, reason) = refusal(parse_ledes_1998b(&lines.join("\n")));
    assert_eq!(
        (field.as_str(), reason.as_str()),
        ("line", "line 3: does not end with '[]'")
    );
    let short = SAMPLE.replacen("|423-987[]", "[]", 1);
    assert!(refusal(parse_ledes_1998b(&short)).1.contains("23 fields"));
    let curly = SAMPLE.replacen("Attorney's", "Attorney\u{2019}s", 1);
    assert_eq!(refusal(parse_ledes_1998b(&curly)).0, "line");
    let tab = SAMPLE.replacen("Research Attorney", "Research\tAttorney", 1);
    assert_eq!(
        refusal(parse_ledes_1998b(&tab)),
        ("line".into(), "line 3: contains control characters".into())
    );
    let blank_inside = SAMPLE.replacen(
        "[]\n19990225|96542|00711|0528|1684.45|19990101|19990131|For services rendered|2|",
        "[]\n\n19990225|96542|00711|0528|1684.45|19990101|19990131|For services rendered|2|",
        1,
    );
    assert!(parse_ledes_1998b(&blank_inside).is_err());
    let with_bom = format!("\u{feff}{SAMPLE}\n\n");
    assert_eq!(parse_ledes_1998b(&with_bom).unwrap().len(), 2);
}

#[test]
fn reader_accepts_line_totals_exact_or_in_cents() {
    // Data line 3 becomes 0.25 h x 100.01 = 25.0025; the invoice total follows each variant.
    let with = |total: &str, invoice_total: &str| {
        let text = edit_sample(3, 20, "100.01");
        let text = text.replacen("|0.200|0|40|", &format!("|0.25|0|{total}|"), 1);
        parse_ledes_1998b(&text.replace("|1684.45|", &format!("|{invoice_total}|")))
    };
    assert_eq!(
        with("25.0025", "1669.4525").unwrap()[0].lines[2].total(),
        dec!(25.00)
    );
    assert!(with("25.00", "1669.45").is_ok());
    assert!(with("25", "1669.45").is_ok());
    let (field, reason) = refusal(with("25.01", "1669.46"));
    assert_eq!(
        (field.as_str(), reason.starts_with("line 5:")),
        ("LINE_ITEM_TOTAL", true)
    );
    let (field, _) = refusal(with("25.00", "1684.45"));
    assert_eq!(field, "INVOICE_TOTAL");
}

#[test]
fn writer_makes_text_ascii_and_refuses_what_it_cannot_write() {
    let mut line = fee(dec!(1), dec!(100), dec!(0));
    line.timekeeper_name = "Müller, José".into();
    line.description = "Call re – “draft” | next\r\nline, Straße, Ærø".into();
    let text = write_ledes_1998b(&[invoice(vec![line])]).unwrap();
    assert!(text.is_ascii());
    assert!(text.contains("|Muller, Jose|"));
    let parsed = parse_ledes_1998b(&text).unwrap();
    assert_eq!(
        parsed[0].lines[0].description,
        "Call re - \"draft\"   next  line, Strasse, AEro"
    );

    let write_err = |inv: LedesInvoice| refusal(write_ledes_1998b(&[inv])).0;
    let mut l = fee(dec!(1), dec!(100), dec!(0));
    l.description = "漢字".into();
    assert_eq!(write_err(invoice(vec![l])), "line_description");
    let mut inv = invoice(vec![fee(dec!(1), dec!(100), dec!(0))]);
    inv.invoice_number = "INV-1".into();
    assert_eq!(write_err(inv.clone()), "invoice_number");
    inv.invoice_number = "A".repeat(21);
    assert_eq!(write_err(inv), "invoice_number");
    let mut inv = invoice(vec![fee(dec!(1), dec!(100), dec!(0))]);
    inv.client_id = "C".repeat(21);
    assert_eq!(write_err(inv), "client_id");
    let mut inv = invoice(vec![fee(dec!(1), dec!(100), dec!(0))]);
    inv.law_firm_matter_id = "Mé".into();
    assert_eq!(write_err(inv), "law_firm_matter_id");
    let mut inv = invoice(vec![fee(dec!(1), dec!(100), dec!(0))]);
    inv.billing_end = date(2024, 2, 1);
    assert_eq!(write_err(inv), "billing_end");
    let mut l = fee(dec!(1), dec!(100), dec!(0));
    l.timekeeper_name = "Featherstonehaugh-Smythe, Roberta".into();
    assert_eq!(write_err(invoice(vec![l])), "timekeeper_name");
    let mut l = fee(dec!(1), dec!(100), dec!(0));
    l.timekeeper_classification = "ABCDE".into();
    assert_eq!(write_err(invoice(vec![l])), "timekeeper_classification");
    assert_eq!(
        write_err(invoice(vec![fee(dec!(0.12345), dec!(100), dec!(0))])),
        "units"
    );
    assert_eq!(
        write_err(invoice(vec![fee(dec!(-1), dec!(100), dec!(0))])),
        "units"
    );
    assert_eq!(
        write_err(invoice(vec![fee(dec!(1), dec!(100.125), dec!(0))])),
        "unit_cost"
    );
    assert_eq!(
        write_err(invoice(vec![fee(dec!(1), dec!(-100), dec!(0))])),
        "unit_cost"
    );
    assert_eq!(
        write_err(invoice(vec![fee(dec!(1), dec!(100), dec!(0.001))])),
        "adjustment"
    );
    let no_cost = LedesLine {
        unit_cost: None,
        ..fee(dec!(1), dec!(100), dec!(0))
    };
    assert_eq!(write_err(invoice(vec![no_cost])), "unit_cost");
    let if_cost = LedesLine {
        kind: LedesLineType::FeeAdjustment,
        ..fee(dec!(1), dec!(100), dec!(0))
    };
    assert_eq!(write_err(invoice(vec![if_cost])), "unit_cost");
    assert_eq!(write_err(invoice(vec![])), "lines");
    let dup = invoice(vec![
        fee(dec!(1), dec!(1), dec!(0)),
        fee(dec!(2), dec!(1), dec!(0)),
    ]);
    assert_eq!(write_err(dup), "line_number");
    assert_eq!(
        write_err(invoice(vec![fee(dec!(100000), dec!(1000000), dec!(0))])),
        "invoice_total"
    );
    let offset = LedesLine {
        line_number: "2".into(),
        kind: LedesLineType::FeeAdjustment,
        unit_cost: None,
        ..fee(dec!(0), dec!(0), dec!(-9999999999))
    };
    let big = invoice(vec![fee(dec!(10000), dec!(1000000), dec!(0)), offset]);
    assert_eq!(big.total(), dec!(1));
    assert_eq!(write_err(big), "line_total");
    assert_eq!(refusal(write_ledes_1998b(&[])).0, "invoices");
    let one = invoice(vec![fee(dec!(1), dec!(1), dec!(0))]);
    assert_eq!(
        refusal(write_ledes_1998b(&[one.clone(), one])).0,
        "invoice_number"
    );
}

#[test]
fn money_and_units_formatting() {
    let mut a = fee(dec!(0.2500), dec!(289.50), dec!(-0.50));
    a.line_number = "a".into();
    let mut b = fee(dec!(2.00), dec!(350.00), dec!(0.00));
    b.line_number = "b".into();
    let text = write_ledes_1998b(&[invoice(vec![a, b])]).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(2)
        .map(|l| l.split('|').collect())
        .collect();
    assert_eq!(
        (rows[0][10], rows[0][11], rows[0][12], rows[0][20]),
        ("0.25", "-0.50", "71.88", "289.50")
    );
    assert_eq!(
        (rows[1][10], rows[1][11], rows[1][12], rows[1][20]),
        ("2", "0", "700", "350")
    );
    assert_eq!(rows[0][4], "771.88");
}

#[test]
fn line_types_have_codes_and_stable_names() {
    let codes: Vec<&str> = LedesLineType::ALL.iter().map(|t| t.code()).collect();
    assert_eq!(codes, vec!["F", "E", "IF", "IE"]);
    for t in LedesLineType::ALL {
        assert_eq!(LedesLineType::from_code(t.code()), Some(t));
        assert_eq!(
            serde_json::to_value(t).unwrap(),
            serde_json::json!(t.as_str())
        );
    }
    assert_eq!(LedesLineType::from_code("A"), None);
    assert_eq!(timekeeper_classifications().len(), 51);
    for code in ["PARTNR", "ASSOC", "PARALG", "OFCOUN", "LGLAST"] {
        assert!(is_timekeeper_classification(code));
    }
    assert!(!is_timekeeper_classification("ABCDE"));
    assert!(!is_timekeeper_classification("partnr"));
}

fn any_line() -> impl Strategy<Value = LedesLine> {
    (
        prop::sample::select(LedesLineType::ALL.to_vec()),
        0i64..=100_000,
        0i64..=10_000_000,
        -100_000i64..=100_000,
        "[A-Za-z0-9 ,.'-]{0,40}",
        prop::sample::select(vec!["", "PARTNR", "ASSOC", "PARALG"]),
    )
        .prop_map(|(kind, units, cost, adj, description, class)| LedesLine {
            kind,
            units: Decimal::new(units, 4),
            unit_cost: if kind.is_adjustment() {
                None
            } else {
                Some(Decimal::new(cost, 2))
            },
            adjustment: Decimal::new(adj, 2),
            description,
            timekeeper_classification: class.to_owned(),
            ..fee(Decimal::ONE, Decimal::ONE, Decimal::ZERO)
        })
}

fn any_invoice() -> impl Strategy<Value = LedesInvoice> {
    ("[A-Za-z0-9]{1,20}", prop::collection::vec(any_line(), 1..6)).prop_map(
        |(number, mut lines)| {
            for (i, l) in lines.iter_mut().enumerate() {
                l.line_number = (i + 1).to_string();
            }
            LedesInvoice {
                invoice_number: number,
                ..invoice(lines)
            }
        },
    )
}

proptest! {
    #[test]
    fn write_then_parse_round_trips(inv in any_invoice(), other in any_invoice()) {
        let mut other = other;
        let suffix = if inv.invoice_number.ends_with('X') { "Y" } else { "X" };
        other.invoice_number = format!("{}{suffix}", inv.invoice_number.chars().take(19).collect::<String>());
        let invoices = vec![inv, other];
        let text = write_ledes_1998b(&invoices).unwrap();
        prop_assert!(text.is_ascii());
        let parsed = parse_ledes_1998b(&text).unwrap();
        prop_assert_eq!(&parsed, &invoices);
        // Recompute from the written file: LINE_ITEM_TOTALs sum to INVOICE_TOTAL.
        for (inv, number) in invoices.iter().zip([&invoices[0].invoice_number, &invoices[1].invoice_number]) {
            let rows: Vec<Vec<&str>> = text
                .lines()
                .skip(2)
                .map(|l| l.trim_end_matches("[]").split('|').collect::<Vec<_>>())
                .filter(|f| f[1] == number.as_str())
                .collect();
            let sum: Decimal = rows.iter().map(|f| f[12].parse::<Decimal>().unwrap()).sum();
            for f in &rows {
                prop_assert_eq!(f[4].parse::<Decimal>().unwrap(), sum);
            }
            prop_assert_eq!(sum, inv.total());
        }
    }
}
