//! Management reports: aged debt, hours and utilisation, realisation, WIP, as data and CSV.
