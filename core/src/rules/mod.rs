//! Compliance rules as data: rule packs with CEL conditions over a documented fact model, checked at load, evaluated per matter, with their own test cases.
