//! Parsing one unfolded content line (RFC 5545 §3.1, RFC 6350 §3.3) into its name,
//! parameters and still-escaped value. Names are upper-cased and a group prefix
//! (`item1.EMAIL`) is dropped; parameter values may be quoted and comma-separated.

/// One parsed content line: upper-case name without group, parameters, raw (escaped) value.
pub(crate) struct Property<'a> {
    pub(crate) name: String,
    pub(crate) params: Vec<(String, Vec<String>)>,
    pub(crate) value: &'a str,
}

impl Property<'_> {
    /// Every value of a parameter, lower-cased, with comma lists split.
    pub(crate) fn param(&self, name: &str) -> Vec<String> {
        self.params
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, values)| values.iter().flat_map(|v| v.split(',')))
            .map(|v| v.trim().to_ascii_lowercase())
            .collect()
    }

    /// The first TYPE value that is one of `allowed`, as a label.
    pub(crate) fn label(&self, allowed: &[&str]) -> Option<String> {
        self.param("TYPE")
            .into_iter()
            .find(|t| allowed.contains(&t.as_str()))
    }
}

pub(crate) fn parse_property(line: &str) -> Option<Property<'_>> {
    let name_end = line.find([';', ':'])?;
    let raw_name = line[..name_end].trim();
    let name = raw_name
        .rsplit('.')
        .next()
        .unwrap_or(raw_name)
        .to_ascii_uppercase();
    let mut params = Vec::new();
    let mut rest = &line[name_end..];
    loop {
        if let Some(value) = rest.strip_prefix(':') {
            return Some(Property {
                name,
                params,
                value,
            });
        }
        rest = rest.strip_prefix(';')?;
        let end = rest.find(['=', ';', ':'])?;
        let param_name = rest[..end].trim().to_ascii_uppercase();
        rest = &rest[end..];
        let mut values = Vec::new();
        if let Some(after) = rest.strip_prefix('=') {
            rest = after;
            loop {
                if let Some(quoted) = rest.strip_prefix('"') {
                    let close = quoted.find('"')?;
                    values.push(quoted[..close].to_owned());
                    rest = &quoted[close + 1..];
                } else {
                    let end = rest.find([',', ';', ':'])?;
                    values.push(rest[..end].to_owned());
                    rest = &rest[end..];
                }
                match rest.strip_prefix(',') {
                    Some(after) => rest = after,
                    None => break,
                }
            }
        }
        params.push((param_name, values));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_params_and_values() {
        let p =
            parse_property("item1.email;TYPE=\"home,pref\";X-A=\"a:b;c\";PREF=1:ann@example.com")
                .unwrap();
        assert_eq!(p.name, "EMAIL");
        assert_eq!(p.param("TYPE"), ["home", "pref"]);
        assert_eq!(p.param("X-A"), ["a:b;c"]);
        assert_eq!(p.value, "ann@example.com");
        assert_eq!(p.label(&["work", "home"]).as_deref(), Some("home"));
        let p = parse_property("TEL;VALUE=uri;TYPE=voice,cell:tel:+1-555").unwrap();
        assert_eq!(p.param("TYPE"), ["voice", "cell"]);
        assert_eq!(p.value, "tel:+1-555");
        assert!(parse_property("NO VALUE").is_none());
        assert!(parse_property("X;A=\"unterminated:x").is_none());
    }
}
